//! The optimiser (MODEL.md § "Objectives"): integer teams per district and kind, exact curve.

mod diagnose;

pub use diagnose::{Diagnosis, Finding};

use serde::Serialize;

use crate::model::{Allocation, Model};

/// Installs within this of a target or floor count as reaching it (floating-point noise only).
pub const INSTALLS_TOLERANCE: f64 = 1e-6;

/// Whether the scenario could be met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Optimal,
    Infeasible,
}

/// What the optimiser can prove about its plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Optimality {
    /// The plan's objective, evaluated exactly: installs, cost (teams when all kinds are free)
    /// or the lowest district rate.
    pub objective_value: f64,
    /// An upper bound (a lower bound for `min-cost`) on what any plan can reach.
    pub bound: Option<f64>,
    /// The relative gap between the two, as MODEL.md measures it.
    pub gap: Option<f64>,
    pub method: String,
}

/// What `solve` returns.
#[derive(Debug, Clone, PartialEq)]
pub struct Solution {
    pub status: Status,
    /// The plan (for an infeasible scenario: the best reachable allocation).
    pub teams: Allocation,
    pub diagnosis: Option<Diagnosis>,
    pub optimality: Optimality,
}

/// Solves `model` for its objective.
pub fn solve(model: &Model) -> Solution {
    let teams: Allocation = model
        .districts
        .iter()
        .map(|d| d.bounds.iter().map(|b| b.max).collect())
        .collect();
    Solution {
        status: Status::Optimal,
        teams,
        diagnosis: None,
        optimality: Optimality {
            objective_value: 0.0,
            bound: None,
            gap: None,
            method: "placeholder".into(),
        },
    }
}
