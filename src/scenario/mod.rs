//! Scenario files (MODEL.md § "Scenario files"): read, checked once, then plain data.

mod coverage;
pub(crate) use coverage::hidden_column;
pub(crate) mod district;
pub(crate) mod document;
pub mod history;
mod inline;
pub mod letter;
mod load;
pub(crate) mod message;
mod model;
mod overlay;
mod params;
mod setting;
pub(crate) mod syntax;
mod team_kind;

pub(crate) use district::normalise;
pub(crate) use inline::district_table;
pub use letter::{Letter, LetterDate, LetterMode};
pub(crate) use load::same_text;
pub use load::{load, load_each, load_with, load_with_and_without};
pub use model::to_model;
pub(crate) use params::params;
pub use params::{MAX_PARAM_ITEMS, MAX_PARAM_TEXT};
pub(crate) use setting::{Takes, key_as_read, takes};

/// The hint a `--set` error gets when it has none of its own: how the value after `=` is read.
pub(crate) fn setting_value_hint() -> crate::text::Text {
    message::Hint::SettingValue.text()
}

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::model::{Objective, TeamKind, UnitType};

/// A checked scenario: every number is in range, every name is known.
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    /// The file it was read from.
    pub path: PathBuf,
    pub name: String,
    /// `as_of`, as written (a date).
    pub as_of: String,
    /// `assumptions_checked = false` (written by `campaign import`): the planning assumptions
    /// are placeholders, and every plan says so. True when not written.
    pub assumptions_checked: bool,
    /// Made up by `campaign generate`: the file, or a base it names, begins with the header of
    /// a generated file ([`crate::synthetic::HEADER`]). Every plan says so, and its letter is an
    /// illustrative draft (trial 13 H12).
    pub synthetic: bool,
    pub horizon_days: u32,
    pub objective: Objective,
    /// Rule files, resolved and in the order they run (a folder's files sorted by name).
    pub rules: Vec<PathBuf>,
    pub budget: Option<f64>,
    pub target_rate: f64,
    pub district_floor: Option<f64>,
    pub reachable_share: f64,
    /// `[params]`: free values that rules read.
    pub params: BTreeMap<String, Param>,
    /// Where each value of `[params]` is written (the file, line and column, or the `--set`
    /// that gives it), so that a message about a value a rule reads points where the user
    /// wrote it. Empty for a scenario built in code.
    pub params_at: BTreeMap<String, crate::diagnostic::Location>,
    pub team_kinds: Vec<TeamKind>,
    pub districts: Vec<DistrictInput>,
    /// `[[history]]`: earlier coverage snapshots, by date (empty without history).
    pub history: Vec<history::Snapshot>,
    /// `[letter]`: the particulars of the official letter (the default: placeholders).
    pub letter: Letter,
    /// The files read to make it, besides its rules and history: the scenario file, the
    /// bases it names and their bases, and the coverage table.
    pub files: Vec<PathBuf>,
    /// Notes under the coverage table ("Ghi chú: ...", a signature block), not read as
    /// districts, as `campaign import` leaves them: every plan says so.
    pub coverage_notes: Option<CoverageNotes>,
    /// The workbooks (the coverage file, `[[history]]` files) read from one of several shown
    /// sheets without a `sheet` key, or from the sheet a `sheet` key chose: which sheet was
    /// read, said in every plan (trial 13e H4, 13f J7).
    pub sheets_chosen: Vec<SheetChosen>,
    /// The cohort columns of the coverage table: each cohort, its heading as written and
    /// where (empty without a table).
    pub cohort_columns: BTreeMap<String, (String, crate::diagnostic::Location)>,
    /// The coverage workbook, when columns it reads are hidden in Excel: each as "`heading`
    /// (column B)".
    pub hidden_columns: Option<(String, Vec<String>)>,
}

/// A workbook with several shown sheets read without `sheet = ...` (the sheet read: the one it
/// opens on, or the first shown with a header row; and the other shown sheets), or a workbook
/// whose sheet `sheet = ...` chose (the sheet read, how it was named, and all its other sheets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetChosen {
    /// The workbook, as the scenario's folder and `coverage` or `file` name it.
    pub file: String,
    pub sheet: String,
    pub others: Vec<String>,
    /// How `sheet = ...` named the sheet read; `None` without `sheet`.
    pub named: Option<crate::import::grid::Selected>,
}

impl SheetChosen {
    /// What a workbook's sheet read says: `None` for a CSV file, or a workbook read without
    /// `sheet` that has one shown sheet. A sheet `sheet = ...` chose is always said, with the
    /// sheet's number (trial 13f J7: `sheet = "1"` read another sheet than the user thought).
    pub(crate) fn of(
        path: &std::path::Path,
        sheet: &Option<(String, Vec<String>)>,
        hidden: &crate::import::grid::Hidden,
        named: Option<&crate::import::grid::Selected>,
    ) -> Option<SheetChosen> {
        let (read, others) = sheet.as_ref()?;
        let shown: Vec<String> = others
            .iter()
            .filter(|o| named.is_some() || !hidden.sheets.contains(o))
            .cloned()
            .collect();
        (named.is_some() || !shown.is_empty()).then(|| SheetChosen {
            file: crate::text::shown_path(path),
            sheet: read.clone(),
            others: shown,
            named: named.cloned(),
        })
    }
}

/// Where the coverage table ends and the notes under it start (rows as the file numbers them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoverageNotes {
    /// The coverage file, as the scenario's folder and `coverage` name it.
    pub file: String,
    /// The table's last row read (its total row, when it has one).
    pub last_row: usize,
    /// The first row of the notes, and its text as quoted (on one line, cut short).
    pub first_row: usize,
    pub text: String,
}

impl Scenario {
    /// Every file a run of this scenario reads: [`Scenario::files`], the rule files and the
    /// `[[history]]` files. An output must not replace any of them.
    pub fn inputs(&self) -> Vec<PathBuf> {
        let history = self.history.iter().map(|h| h.file.clone());
        let mut all: Vec<PathBuf> = self
            .files
            .iter()
            .cloned()
            .chain(self.rules.iter().cloned())
            .chain(history)
            .collect();
        all.dedup();
        all
    }
}

/// A value of `[params]`.
#[derive(Debug, Clone, PartialEq)]
pub enum Param {
    Number(f64),
    Text(String),
    Bool(bool),
    /// `["Đình Lập", "Bình Gia"]`: items of one type (numbers, texts or true/false), no lists.
    List(Vec<Param>),
}

/// One district's data as given (inline or from a coverage file).
#[derive(Debug, Clone, PartialEq)]
pub struct DistrictInput {
    /// The name, NFC-normalised and trimmed.
    pub name: String,
    /// Thành phố, thị xã, huyện or quận: `unit_type` where the scenario sets it, else what the
    /// name says ([`UnitType::of_name`]).
    pub unit_type: UnitType,
    pub installed: u64,
    pub smartphones: u64,
    /// L_{d,k}: local teams stationed in the district, by kind name.
    pub teams: BTreeMap<String, u32>,
    /// Cohort head counts (e.g. `quarantine`, `testing`, `students`).
    pub cohorts: BTreeMap<String, u64>,
}
