//! The optimiser (MODEL.md § "Objectives"): integer teams per district and kind, exact curve.

mod cover;
mod diagnose;
mod dual;
mod exact;
mod improve;
mod max_installs;
mod max_min;
pub mod milp;
mod min_cost;
mod state;
mod subproblem;

pub use diagnose::{Diagnosis, Finding};

use serde::Serialize;

use crate::model::{Allocation, Model, Objective};
use cover::{Cover, cover};

/// The relative gap MODEL.md accepts for `max-installs` (outreach installs) and `min-cost`
/// (cost): a plan proven within it is `optimal`.
pub const GAP_TOLERANCE: f64 = 0.005;

/// The gap MODEL.md accepts for `max-min-rate`, in rate units (0.1 of a percentage point).
pub const RATE_GAP_TOLERANCE: f64 = 0.001;

/// Installs within this of a target or floor count as reaching it (floating-point noise only).
pub const INSTALLS_TOLERANCE: f64 = 1e-6;

/// Whether the scenario could be met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Every constraint holds and the proven gap is within MODEL.md's tolerance.
    Optimal,
    /// Every constraint holds; the proof is looser than the tolerance (the gap says how much).
    Feasible,
    Infeasible,
}

impl Status {
    /// A plan that meets the scenario (optimal or feasible).
    pub fn meets_scenario(self) -> bool {
        self != Status::Infeasible
    }

    /// The status of a plan that keeps every constraint and is proven within `gap` (in the
    /// objective's own measure, MODEL.md § "Objectives").
    pub fn of_gap(objective: Objective, gap: Option<f64>) -> Status {
        let tolerance = match objective {
            Objective::MaxMinRate => RATE_GAP_TOLERANCE,
            Objective::MaxInstalls | Objective::MinCost => GAP_TOLERANCE,
        };
        match gap {
            Some(g) if g <= tolerance => Status::Optimal,
            _ => Status::Feasible,
        }
    }
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

/// How the optimiser works, as reported in the plan.
const METHOD: &str = "lagrangian prices + exact district subproblems + one-team exchanges";

/// Solves `model` for its objective. Every figure is evaluated on the exact curve; an
/// infeasible scenario gives the best reachable allocation and a diagnosis.
pub fn solve(model: &Model) -> Solution {
    let conflicts = diagnose::structural(model);
    if !conflicts.is_empty() {
        return infeasible(model, conflicts, true);
    }
    let floor_effort = match diagnose::floor_efforts(model) {
        Ok(e) => e,
        Err(findings) => return infeasible(model, findings, false),
    };
    let lower: Allocation = model
        .districts
        .iter()
        .map(|d| d.bounds.iter().map(|b| b.min).collect())
        .collect();
    let start = if floor_effort.iter().any(|&e| e > 0.0) {
        match cover(model, &floor_effort) {
            Cover::Feasible(teams) => teams,
            Cover::Infeasible { .. } => {
                let findings = diagnose::floors_short(model, &floor_effort);
                return infeasible(model, findings, false);
            }
        }
    } else {
        lower
    };
    match model.objective {
        Objective::MaxInstalls => {
            let Some(mut found) = max_installs::solve(model, &floor_effort, Some(&start)) else {
                return infeasible(model, diagnose::floors_short(model, &floor_effort), false);
            };
            let outreach = total_outreach(model, &found.teams);
            // Not proven within the tolerance: a small instance can be searched through.
            if found.bound - outreach > GAP_TOLERANCE * found.bound {
                let zero = vec![0.0; model.kinds.len()];
                let searched =
                    exact::search(model, &floor_effort, exact::Goal::Installs, &zero, outreach);
                if let Some(teams) = searched.better {
                    found.teams = teams;
                }
                if searched.finished {
                    found.bound = total_outreach(model, &found.teams);
                }
            }
            let outreach = total_outreach(model, &found.teams);
            let gap = relative(found.bound - outreach, found.bound);
            let base = total_base(model);
            optimal(
                model,
                found.teams,
                base + outreach,
                Some(base + found.bound),
                gap,
            )
        }
        Objective::MinCost => {
            let need =
                (model.target_rate * model.total_smartphones() as f64 - total_base(model)).max(0.0);
            match min_cost::solve(model, need, &floor_effort, &start) {
                Some(mut found) => {
                    let value = min_cost_value(model, &found.teams);
                    if value - found.bound > GAP_TOLERANCE * value {
                        let weight = min_cost::team_weights(model);
                        let weighed = |t: &Allocation| -> f64 {
                            t.iter()
                                .flat_map(|row| row.iter().enumerate())
                                .map(|(k, &n)| weight[k] * f64::from(n))
                                .sum()
                        };
                        let goal = exact::Goal::Weight { need };
                        let incumbent = weighed(&found.teams);
                        let searched =
                            exact::search(model, &floor_effort, goal, &weight, incumbent);
                        if let Some(teams) = searched.better {
                            found.teams = teams;
                        }
                        if searched.finished {
                            found.bound = min_cost_value(model, &found.teams);
                        }
                    }
                    let value = min_cost_value(model, &found.teams);
                    let gap = relative(value - found.bound, value);
                    optimal(model, found.teams, value, Some(found.bound), gap)
                }
                None => {
                    let findings = target_short(model, need, &floor_effort, &start);
                    infeasible(model, findings, false)
                }
            }
        }
        Objective::MaxMinRate => match max_min::solve(model, &floor_effort, start) {
            Some(found) => {
                let gap = Some((found.bound - found.min_rate).max(0.0));
                optimal(model, found.teams, found.min_rate, Some(found.bound), gap)
            }
            None => infeasible(model, diagnose::floors_short(model, &floor_effort), false),
        },
    }
}

/// The value `min-cost` minimises: the cost, or the number of teams when every kind is free.
pub fn min_cost_value(model: &Model, teams: &Allocation) -> f64 {
    if model.all_free() {
        teams.iter().flatten().map(|&t| f64::from(t)).sum()
    } else {
        model.cost(teams)
    }
}

fn total_base(model: &Model) -> f64 {
    model.districts.iter().map(|d| d.base_installed()).sum()
}

fn total_outreach(model: &Model, teams: &Allocation) -> f64 {
    (0..model.districts.len())
        .map(|d| model.projected_installed(d, &teams[d]) - model.districts[d].base_installed())
        .sum()
}

fn relative(gap: f64, scale: f64) -> Option<f64> {
    Some(if scale.abs() <= 1e-12 {
        0.0
    } else {
        (gap / scale).max(0.0)
    })
}

fn optimal(
    model: &Model,
    teams: Allocation,
    value: f64,
    bound: Option<f64>,
    gap: Option<f64>,
) -> Solution {
    Solution {
        status: Status::of_gap(model.objective, gap),
        teams,
        diagnosis: None,
        optimality: Optimality {
            objective_value: value,
            bound,
            gap,
            method: METHOD.to_string(),
        },
    }
}

/// Why `min-cost` cannot reach the target: the reachable pool, more teams, or more budget.
fn target_short(
    model: &Model,
    need: f64,
    floor_effort: &[f64],
    start: &Allocation,
) -> Vec<Finding> {
    let reaches = |m: &Model| {
        max_installs::solve(m, floor_effort, None)
            .is_some_and(|f| total_outreach(m, &f.teams) >= need - INSTALLS_TOLERANCE)
    };
    let pool: f64 = model.districts.iter().map(|d| d.pool).sum();
    if pool < need {
        let best = max_installs::solve(model, floor_effort, Some(start))
            .map_or(0.0, |f| total_outreach(model, &f.teams));
        return vec![Finding::TargetPoolLimit {
            target: model.target_rate,
            best_rate: (total_base(model) + best) / model.total_smartphones() as f64,
        }];
    }
    let findings = diagnose::short_of(model, &reaches, false);
    if findings.is_empty() {
        let best = max_installs::solve(model, floor_effort, Some(start))
            .map_or(0.0, |f| total_outreach(model, &f.teams));
        return vec![Finding::TargetPoolLimit {
            target: model.target_rate,
            best_rate: (total_base(model) + best) / model.total_smartphones() as f64,
        }];
    }
    findings
}

/// An infeasible result: the findings, and the most installs reachable with what there is.
/// Floors and the target are dropped; bounds, pools and budget are kept unless they
/// contradict each other (`structural`), in which case the contradicting part is relaxed.
fn infeasible(model: &Model, findings: Vec<Finding>, structural: bool) -> Solution {
    let mut relaxed = model.clone();
    relaxed.district_floor = None;
    for d in &mut relaxed.districts {
        d.floor = None;
    }
    if structural {
        for finding in &findings {
            match finding {
                Finding::PoolMinimums { kind, .. } => {
                    let k = model
                        .kinds
                        .iter()
                        .position(|x| &x.name == kind)
                        .unwrap_or(0);
                    for d in &mut relaxed.districts {
                        d.bounds[k].min = 0;
                    }
                }
                // the smallest change that fits the rules' minimums: the budget plus the
                // shortfall the diagnosis names
                Finding::BudgetShort { more } => relaxed.budget = model.budget.map(|b| b + more),
                _ => {}
            }
        }
        for d in &mut relaxed.districts {
            for b in &mut d.bounds {
                b.min = b.min.min(b.max);
            }
        }
    }
    let zero = vec![0.0; model.districts.len()];
    let teams = max_installs::solve(&relaxed, &zero, None).map_or_else(
        || {
            model
                .districts
                .iter()
                .map(|d| d.bounds.iter().map(|b| b.min.min(b.max)).collect())
                .collect()
        },
        |f| f.teams,
    );
    let value = total_base(model) + total_outreach(model, &teams);
    Solution {
        status: Status::Infeasible,
        teams,
        diagnosis: Some(Diagnosis { findings }),
        optimality: Optimality {
            objective_value: value,
            bound: None,
            gap: None,
            method: METHOD.to_string(),
        },
    }
}
