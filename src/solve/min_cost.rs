//! `min-cost`: the cheapest teams whose outreach reaches the provincial target. A Lagrangian
//! price on the target (and the pools) gives a lower bound and a start; then teams are added
//! until the target holds, pruned, and replaced by cheaper ones on the exact curve.

use super::dual;
use super::improve::{lift_to_floors, lighten, prune, reach, repair, weighed};
use super::state::State;
use super::subproblem::{Prices, best_response};
use crate::model::{Allocation, Model, Scope};

/// The cheapest allocation found and a lower bound on the cost of any plan.
pub struct Found {
    pub teams: Allocation,
    pub bound: f64,
}

/// What one team weighs in the objective: its cost, or 1 when every kind is free, plus a
/// sliver so that among plans of equal cost the one with fewer teams wins.
pub fn team_weights(model: &Model) -> Vec<f64> {
    let all_free = model.all_free();
    let base: Vec<f64> = (0..model.kinds.len())
        .map(|k| {
            if all_free {
                1.0
            } else {
                model.cost_per_team(k)
            }
        })
        .collect();
    let smallest = base
        .iter()
        .copied()
        .filter(|&c| c > 0.0)
        .fold(f64::INFINITY, f64::min);
    let sliver = if smallest.is_finite() {
        smallest * 1e-6
    } else {
        1e-6
    };
    base.iter().map(|c| c + sliver).collect()
}

/// Minimises cost with Σ_d G_d ≥ `need` (outreach installs), within bounds, pools, budget and
/// least efforts. `None` when no allocation found reaches `need`.
pub fn solve(model: &Model, need: f64, min_effort: &[f64], start: &Allocation) -> Option<Found> {
    let weight = team_weights(model);
    let objective: Vec<f64> = (0..model.kinds.len())
        .map(|k| {
            if model.all_free() {
                1.0
            } else {
                model.cost_per_team(k)
            }
        })
        .collect();
    let pools: Vec<usize> = (0..model.kinds.len())
        .filter(|&k| model.kinds[k].scope == Scope::Provincial)
        .collect();
    let prices_at = |x: &[f64], w: &[f64]| -> Prices {
        let mut team = w.to_vec();
        for (j, &k) in pools.iter().enumerate() {
            team[k] += x[1 + j];
        }
        Prices {
            install_value: x[0],
            team,
        }
    };
    // The negated dual: −L(ν, λ) = −ν·need + Σ λ_k N_k + Σ_d max_t [ν G_d − (c + λ)·t].
    let mut unreachable = false;
    let mut neg_dual = |x: &[f64]| -> (f64, Vec<f64>) {
        let prices = prices_at(x, &objective);
        let mut value = -x[0] * need;
        let mut outreach = 0.0;
        let mut used = vec![0.0; model.kinds.len()];
        for (d, &least) in min_effort.iter().enumerate() {
            let Some(response) = best_response(model, d, &prices, least) else {
                unreachable = true;
                return (0.0, vec![0.0; x.len()]);
            };
            outreach +=
                model.projected_installed(d, &response.teams) - model.districts[d].base_installed();
            value += response.value;
            for (k, &n) in response.teams.iter().enumerate() {
                used[k] += f64::from(n);
            }
        }
        let mut grad = vec![outreach - need];
        for (j, &k) in pools.iter().enumerate() {
            let cap = f64::from(model.kinds[k].available.unwrap_or(0));
            value += x[1 + j] * cap;
            grad.push(cap - used[k]);
        }
        (value, grad)
    };
    let (x, neg_bound) = dual::minimise(1 + pools.len(), &mut neg_dual);
    if unreachable {
        return None;
    }
    let bound = -neg_bound;

    let mut starts: Vec<Allocation> = Vec::new();
    let at_prices: Option<Allocation> = (0..model.districts.len())
        .map(|d| best_response(model, d, &prices_at(&x, &weight), min_effort[d]).map(|r| r.teams))
        .collect();
    starts.extend(at_prices);
    starts.push(start.clone());
    starts.push(
        model
            .districts
            .iter()
            .map(|d| d.bounds.iter().map(|b| b.min).collect())
            .collect(),
    );
    starts.dedup();
    let mut best = cheapest(model, starts, need, min_effort, &weight);
    if best.is_none() {
        // The most installs within the limits: a start that fits a tight budget.
        if let Some(most) = super::max_installs::solve(model, min_effort, Some(start)) {
            best = cheapest(model, vec![most.teams], need, min_effort, &weight);
        }
    }
    best.map(|(_, teams)| {
        let cost: f64 = teams
            .iter()
            .flat_map(|row| row.iter().enumerate())
            .map(|(k, &t)| objective[k] * f64::from(t))
            .sum();
        Found {
            teams,
            bound: bound.min(cost),
        }
    })
}

/// The plan of least weight reached from any of `starts`: lifted to the floors, repaired to
/// the limits, brought up to `need`, pruned and lightened.
fn cheapest(
    model: &Model,
    starts: Vec<Allocation>,
    need: f64,
    min_effort: &[f64],
    weight: &[f64],
) -> Option<(f64, Allocation)> {
    let mut best: Option<(f64, Allocation)> = None;
    for teams in starts {
        let mut state = State::new(model, teams, min_effort.to_vec());
        if !lift_to_floors(&mut state) || !repair(&mut state) || !reach(&mut state, need, weight) {
            continue;
        }
        prune(&mut state, need, weight);
        lighten(&mut state, need, weight);
        let value = weighed(&state, weight);
        if best
            .as_ref()
            .is_none_or(|(v, _)| value < *v - 1e-9 * v.abs().max(1.0))
        {
            best = Some((value, state.teams));
        }
    }
    best
}
