//! `max-installs`: Lagrangian prices on the pools and the budget, exact district subproblems,
//! then repair and one-team exchanges on the exact curve.

use super::dual;
use super::improve::{fill, lift_to_floors, repair, swap_until_stable};
use super::state::State;
use super::subproblem::{Prices, best_response};
use crate::model::{Allocation, Model, Scope};

/// District subproblems spent tightening a loose bound (at most 3 000 steps).
const POLISH_WORK: usize = 300_000;

/// The best allocation found and an upper bound on the total outreach installs of any plan.
pub struct Found {
    pub teams: Allocation,
    pub bound: f64,
}

/// Maximises Σ_d G_d within bounds, pools, budget and least efforts `min_effort`, starting
/// from the known-feasible `start` when given. `None` when the district bounds cannot meet
/// the least efforts.
pub fn solve(model: &Model, min_effort: &[f64], start: Option<&Allocation>) -> Option<Found> {
    let pools: Vec<usize> = (0..model.kinds.len())
        .filter(|&k| model.kinds[k].scope == Scope::Provincial)
        .collect();
    let has_budget = model.budget.is_some();
    let dim = pools.len() + usize::from(has_budget);
    let prices_at = |x: &[f64]| -> Prices {
        let mu = if has_budget { x[pools.len()] } else { 0.0 };
        let mut team: Vec<f64> = (0..model.kinds.len())
            .map(|k| mu * model.cost_per_team(k))
            .collect();
        for (j, &k) in pools.iter().enumerate() {
            team[k] += x[j];
        }
        Prices {
            install_value: 1.0,
            team,
        }
    };
    let infeasible = std::cell::Cell::new(false);
    let mut dual_fn = |x: &[f64]| -> (f64, Vec<f64>) {
        let prices = prices_at(x);
        let mut value = 0.0;
        let mut used = vec![0.0; model.kinds.len()];
        let mut cost = 0.0;
        for (d, &least) in min_effort.iter().enumerate() {
            let Some(response) = best_response(model, d, &prices, least) else {
                infeasible.set(true);
                return (0.0, vec![0.0; x.len()]);
            };
            value += response.value;
            for (k, &n) in response.teams.iter().enumerate() {
                used[k] += f64::from(n);
                cost += model.cost_per_team(k) * f64::from(n);
            }
        }
        let mut grad = Vec::with_capacity(x.len());
        for (j, &k) in pools.iter().enumerate() {
            let cap = f64::from(model.kinds[k].available.unwrap_or(0));
            value += x[j] * cap;
            grad.push(cap - used[k]);
        }
        if let Some(budget) = model.budget {
            value += x[pools.len()] * budget;
            grad.push(budget - cost);
        }
        (value, grad)
    };
    let (x, bound) = dual::minimise(dim, &mut dual_fn);
    if infeasible.get() {
        return None;
    }
    let prices = prices_at(&x);
    let budget_price = if has_budget { x[pools.len()] } else { 0.0 };

    let mut candidates: Vec<Allocation> = Vec::new();
    // From the subproblems at the dual prices, repaired to fit the pools and the budget.
    let from_prices: Option<Allocation> = (0..model.districts.len())
        .map(|d| best_response(model, d, &prices, min_effort[d]).map(|r| r.teams))
        .collect();
    if let Some(teams) = from_prices {
        let mut state = State::new(model, teams, min_effort.to_vec());
        if repair(&mut state) {
            candidates.push(state.teams);
        }
    }
    // From the lower bounds (lifted to the floors) or the caller's feasible start.
    let lower: Allocation = model
        .districts
        .iter()
        .map(|d| d.bounds.iter().map(|b| b.min).collect())
        .collect();
    let mut state = State::new(model, lower, min_effort.to_vec());
    if lift_to_floors(&mut state) && state.within_limits() {
        candidates.push(state.teams);
    }
    if let Some(start) = start {
        candidates.push(start.clone());
    }
    candidates.dedup();
    let mut best: Option<(f64, Allocation)> = None;
    for teams in candidates {
        if best
            .as_ref()
            .is_some_and(|(v, _)| *v >= bound - 1e-12 * bound.abs().max(1.0))
        {
            break; // proven optimal: the other starts cannot do better
        }
        let mut state = State::new(model, teams, min_effort.to_vec());
        fill(&mut state, budget_price);
        swap_until_stable(&mut state, budget_price);
        let value = state.total_outreach();
        if best.as_ref().is_none_or(|(v, _)| value > *v + 1e-9) {
            best = Some((value, state.teams));
        }
    }
    let (value, teams) = best?;
    // Coordinate search can stop at a kink when several rows couple: polish the bound.
    let bound = if dim >= 2 && bound - value > 1e-6 * bound.abs().max(1.0) {
        let mut scale: Vec<f64> = pools
            .iter()
            .map(|&k| f64::from(model.kinds[k].available.unwrap_or(0)).max(1.0))
            .collect();
        scale.extend(model.budget.map(|b| b.max(1.0)));
        let steps = (POLISH_WORK / model.districts.len().max(1)).min(3_000);
        bound.min(dual::polish(&x, &scale, value, &mut dual_fn, steps))
    } else {
        bound
    };
    Some(Found {
        teams,
        bound: bound.max(value),
    })
}
