//! The general model as a mixed-integer linear program for good_lp (pure-Rust `microlp`):
//! chords under each district's curve, integer teams. Its optimum, evaluated exactly, is a
//! plan the main optimiser must match; tests use it as an independent cross-check.

use good_lp::{
    Expression, ProblemVariables, Solution as _, SolverModel, Variable, constraint, microlp,
    variable,
};

use crate::model::{Allocation, Model, Objective, Scope, outreach_installs};

/// Chords per district curve.
const SEGMENTS: usize = 24;

/// Solves `model` as a MILP with chords under the curves; `None` when the MILP is infeasible
/// or the solver fails. Slow beyond a few districts: for tests and cross-checks.
pub fn solve(model: &Model) -> Option<Allocation> {
    let mut vars = ProblemVariables::new();
    let teams: Vec<Vec<Variable>> = model
        .districts
        .iter()
        .map(|d| {
            d.bounds
                .iter()
                .map(|b| vars.add(variable().integer().min(b.min).max(b.max)))
                .collect()
        })
        .collect();
    let gains: Vec<Variable> = model
        .districts
        .iter()
        .map(|d| vars.add(variable().min(0.0).max(d.pool.max(0.0))))
        .collect();
    let lowest_rate = vars.add(variable().min(0.0).max(1.0));
    let cost: Expression = teams
        .iter()
        .flat_map(|row| row.iter().enumerate())
        .map(|(k, &t)| {
            let c = if model.all_free() {
                1.0
            } else {
                model.cost_per_team(k)
            };
            c * t
        })
        .sum();
    let total_gain: Expression = gains.iter().copied().sum();
    let mut problem = match model.objective {
        Objective::MaxInstalls => vars.maximise(total_gain.clone()).using(microlp),
        Objective::MinCost => vars.minimise(cost.clone()).using(microlp),
        Objective::MaxMinRate => vars.maximise(lowest_rate).using(microlp),
    };
    for (d, district) in model.districts.iter().enumerate() {
        let effort: Expression = teams[d]
            .iter()
            .enumerate()
            .map(|(k, &t)| model.effort_per_team(d, k) * t)
            .sum();
        let hi: Vec<u32> = district.bounds.iter().map(|b| b.max).collect();
        let most = model.effort(d, &hi);
        let pool = district.pool;
        for j in 0..SEGMENTS {
            let (a, b) = (
                most * j as f64 / SEGMENTS as f64,
                most * (j + 1) as f64 / SEGMENTS as f64,
            );
            if b <= a {
                continue;
            }
            let (ga, gb) = (outreach_installs(pool, a), outreach_installs(pool, b));
            let slope = (gb - ga) / (b - a);
            problem = problem.with(constraint!(
                gains[d] - slope * effort.clone() <= ga - slope * a
            ));
        }
        if most <= 0.0 {
            problem = problem.with(constraint!(gains[d] <= 0.0));
        }
        let base = district.base_installed();
        let s = district.smartphones as f64;
        if district.floor.is_some() {
            let need = district.floor_installs() - base;
            problem = problem.with(constraint!(gains[d] >= need));
        }
        if model.objective == Objective::MaxMinRate {
            problem = problem.with(constraint!(lowest_rate - gains[d] * (1.0 / s) <= base / s));
        }
    }
    for (k, kind) in model.kinds.iter().enumerate() {
        if kind.scope == Scope::Provincial {
            let used: Expression = teams.iter().map(|row| row[k]).sum();
            problem = problem.with(constraint!(used <= f64::from(kind.available.unwrap_or(0))));
        }
    }
    if let Some(budget) = model.budget {
        let spend: Expression = teams
            .iter()
            .flat_map(|row| row.iter().enumerate())
            .map(|(k, &t)| model.cost_per_team(k) * t)
            .sum();
        problem = problem.with(constraint!(spend <= budget));
    }
    if model.objective == Objective::MinCost {
        let base: f64 = model.districts.iter().map(|d| d.base_installed()).sum();
        let need = model.target_rate * model.total_smartphones() as f64 - base;
        problem = problem.with(constraint!(total_gain >= need));
    }
    let solution = problem.solve().ok()?;
    Some(
        teams
            .iter()
            .map(|row| {
                row.iter()
                    .map(|&t| solution.value(t).round() as u32)
                    .collect()
            })
            .collect(),
    )
}
