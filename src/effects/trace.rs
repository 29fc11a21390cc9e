//! The trace of a run: for each district, every hook call in the order it ran, with what the rule
//! read (each key once, with the value it got the first time) and what it set (in call order,
//! as the rule asked, before the host's caps and "largest wins" merges).
//!
//! Read keys are written the way the rule wrote the read, with the quotes dropped:
//! `district.rate`, `district.cohort(students)`, `district.local_teams(commune)`,
//! `district.teams(volunteer)`, `district.projected_rate`, `scenario.param(door_to_door_threshold)`,
//! `scenario.target_rate`, `scenario.local_kinds()`, `scenario.districts()` (whose value is the
//! number of districts, to keep the trace small).

use std::cell::RefCell;
use std::rc::Rc;

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::text::Text;

/// The hook a trace entry comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    BeforeSolve,
    AfterSolve,
}

impl Phase {
    /// The hook's name: `before_solve` or `after_solve`.
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::BeforeSolve => "before_solve",
            Phase::AfterSolve => "after_solve",
        }
    }
}

/// A value a rule read.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum TraceValue {
    /// A whole number (`district.smartphones`, `district.local_teams(commune)`, ...).
    Int(i64),
    Number(f64),
    Text(String),
    Bool(bool),
    List(Vec<TraceValue>),
}

/// What a rule asked the host to do, with the values as the rule gave them.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "function", rename_all = "snake_case")]
pub enum TraceAction {
    Mandate {
        cohort: String,
        share: f64,
    },
    AddInstalls {
        installs: f64,
        reason: Text,
    },
    SetProductivity {
        kind: String,
        value: f64,
    },
    MinTeams {
        kind: String,
        value: u32,
    },
    MaxTeams {
        kind: String,
        value: u32,
    },
    MinRate {
        value: f64,
        /// The line of the rule file where the call is, for the finding that names the rule
        /// when the floor is out of reach (trial 13f J20); not in the trace's JSON.
        #[serde(skip)]
        line: Option<usize>,
    },
    Directive {
        priority: i64,
        unit: Text,
        action: Text,
        expected_installs: Option<f64>,
    },
}

impl TraceAction {
    /// The rules API function that did it: `min_teams`, `add_installs`, ...
    pub fn function(&self) -> &'static str {
        match self {
            TraceAction::Mandate { .. } => "mandate",
            TraceAction::AddInstalls { .. } => "add_installs",
            TraceAction::SetProductivity { .. } => "set_productivity",
            TraceAction::MinTeams { .. } => "min_teams",
            TraceAction::MaxTeams { .. } => "max_teams",
            TraceAction::MinRate { .. } => "min_rate",
            TraceAction::Directive { .. } => "directive",
        }
    }
}

/// One hook call of one rule on one district.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TraceEntry {
    /// The rule's file stem.
    pub rule: String,
    pub phase: Phase,
    /// What the rule read, in first-read order: the key and the value it got the first time.
    #[serde(serialize_with = "as_map")]
    pub read: Vec<(String, TraceValue)>,
    /// What the rule set, in call order.
    pub set: Vec<TraceAction>,
}

impl TraceEntry {
    /// The value first read under `key`, if the rule read it.
    pub fn read(&self, key: &str) -> Option<&TraceValue> {
        self.read.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
}

/// `read` as a JSON object, keys in first-read order.
fn as_map<S: Serializer>(read: &[(String, TraceValue)], serializer: S) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(Some(read.len()))?;
    for (key, value) in read {
        map.serialize_entry(key, value)?;
    }
    map.end()
}

/// What one hook call read and set so far.
#[derive(Debug, Default)]
struct Call {
    read: Vec<(String, TraceValue)>,
    set: Vec<TraceAction>,
}

/// Collects what the hook call running now reads and sets; shared by the `district` and
/// `scenario` handles of one run. Outside a hook call it records nothing.
#[derive(Debug, Clone, Default)]
pub(crate) struct Recorder(Rc<RefCell<Option<Call>>>);

impl Recorder {
    /// Starts recording a hook call.
    pub fn begin(&self) {
        *self.0.borrow_mut() = Some(Call::default());
    }

    /// Ends the hook call: its entry.
    pub fn finish(&self, rule: &str, phase: Phase) -> TraceEntry {
        let call = self.0.borrow_mut().take().unwrap_or_default();
        TraceEntry {
            rule: rule.to_string(),
            phase,
            read: call.read,
            set: call.set,
        }
    }

    /// Records a read under `key` unless the rule already read it in this call; `key` and
    /// `value` are only computed when recorded.
    pub fn read(&self, key: impl FnOnce() -> String, value: impl FnOnce() -> TraceValue) {
        if let Some(call) = self.0.borrow_mut().as_mut() {
            let key = key();
            if call.read.iter().all(|(k, _)| *k != key) {
                call.read.push((key, value()));
            }
        }
    }

    /// How many different things the hook call running now has read.
    pub fn reads(&self) -> usize {
        self.0.borrow().as_ref().map_or(0, |call| call.read.len())
    }

    /// How many actions the hook call running now has taken.
    pub fn actions(&self) -> usize {
        self.0.borrow().as_ref().map_or(0, |call| call.set.len())
    }

    /// Records an action.
    pub fn set(&self, action: TraceAction) {
        if let Some(call) = self.0.borrow_mut().as_mut() {
            call.set.push(action);
        }
    }
}
