//! What the rules asked for, per district: the inputs the model is built from (before the
//! solve), the directives (after it), and the trace of every hook call. Plain data, written by
//! `rules/`, read by `model/`, `plan.rs`, the reports and `explain/`.

pub mod trace;

pub use trace::{Phase, TraceAction, TraceEntry, TraceValue};

use std::collections::BTreeMap;

use serde::Serialize;

use crate::text::Text;

/// A directive for one district (MODEL.md § "Rules").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Directive {
    /// The file stem of the rule that made it.
    pub rule: String,
    pub action: Text,
    pub unit: Text,
    /// 1 is the most urgent.
    pub priority: i64,
    /// Teams the directive sends, by kind (after the solve), in kind order.
    pub teams: Vec<(String, u32)>,
    /// Expected installs the directive brings, when the rule says.
    pub expected_installs: Option<f64>,
}

/// A cohort mandated by a rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mandate {
    pub rule: String,
    pub cohort: String,
    /// q_c, the compliance share in [0, 1].
    pub share: f64,
}

/// Fixed expected installs added by a rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FixedInstalls {
    pub rule: String,
    pub installs: f64,
    pub reason: Text,
}

/// Everything the rules set for one district before the solve.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Effects {
    pub mandates: Vec<Mandate>,
    pub fixed: Vec<FixedInstalls>,
    /// m_{d,k} by kind name (last rule wins).
    pub productivity: BTreeMap<String, f64>,
    /// Lower bounds by kind name (the largest wins).
    pub min_teams: BTreeMap<String, u32>,
    /// Upper bounds by kind name (the smallest wins).
    pub max_teams: BTreeMap<String, u32>,
    /// A floor on the district's projected rate set by a rule (`district.min_rate`), on top of
    /// the scenario's `district_floor` (the largest wins).
    pub min_rate: Option<f64>,
    pub directives: Vec<Directive>,
    /// One entry per `before_solve` call on the district, in the order the rules ran.
    pub trace: Vec<TraceEntry>,
}

/// What the rules did to one district after the solve.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct AfterSolve {
    pub directives: Vec<Directive>,
    /// One entry per `after_solve` call on the district, in the order the rules ran.
    pub trace: Vec<TraceEntry>,
}
