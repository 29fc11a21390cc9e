//! What can be wrong in a scenario, each kind with its data, worded once per language: one
//! file per subject, one enum per kind of problem. [`Hint`] words what to do about an error a
//! shared check raised (a value of the wrong kind), where the scenario knows what was meant.

mod conflict;
mod coverage;
mod district;
mod document;
mod hint;
mod history;
mod letter;
mod overlay;
mod params;
mod scenario;
mod setting;
mod syntax;
mod team_kind;

pub(crate) use conflict::Conflict;
pub(crate) use coverage::{ColumnProblem, Needed, Twin};
pub(crate) use district::{Changed, DistrictProblem, Remove};
pub(crate) use document::{DocumentProblem, Expected, Found};
pub(crate) use hint::{Hint, NumberFix, example, example_of_field};
pub(crate) use history::{Current, Figure, HistoryProblem};
pub(crate) use letter::{LetterProblem, SymbolWhy};
pub(crate) use overlay::{OverlayProblem, ScenarioFile};
pub(crate) use params::{ParamProblem, ParamType};
pub(crate) use scenario::{OtherFile, RulePath, ScenarioProblem};
pub(crate) use setting::{SettingProblem, ValueKind};
pub(crate) use syntax::{DatePart, Syntax};
pub(crate) use team_kind::{TeamKindProblem, in_team_kind};
