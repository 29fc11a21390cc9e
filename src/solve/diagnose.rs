//! Why a scenario cannot be met, as facts that the report puts into words.

use serde::Serialize;

/// One reason a scenario cannot be met.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "finding", rename_all = "snake_case")]
pub enum Finding {
    /// Rules ask for more teams of a kind in a district than it may have.
    BoundsConflict {
        district: String,
        kind: String,
        min: u32,
        max: u32,
    },
    /// Rules' minimums on a provincial kind add up to more than its pool.
    PoolMinimums {
        kind: String,
        required: u32,
        available: u32,
    },
    /// A district cannot reach the floor even with every team it may get: its reachable
    /// pool is the limit.
    FloorPoolLimit {
        district: String,
        floor: f64,
        best_rate: f64,
        teams: Vec<(String, u32)>,
    },
    /// A district floor needs more teams of a kind than there are.
    FloorTeamsShort { kind: String, more: u32 },
    /// The provincial target cannot be reached with every team.
    TargetPoolLimit { target: f64, best_rate: f64 },
    /// The provincial target needs more teams of a kind.
    TargetTeamsShort { kind: String, more: u32 },
    /// The budget is too small by this much.
    BudgetShort { more: f64 },
}

/// Why a scenario is infeasible: the findings, most telling first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnosis {
    pub findings: Vec<Finding>,
}
