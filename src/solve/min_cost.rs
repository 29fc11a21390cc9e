//! `min-cost`: the cheapest teams whose outreach reaches the provincial target. Prices on the
//! target, the pools and the budget give a lower bound on the cost and each district's answer;
//! then the plan is repaired to the rows, brought up to the target, pruned and lightened on the
//! exact curve.

use super::cover::{self, Cover};
use super::improve::{Moves, lift_to_floors, lighten, prune, reach, repair};
use super::lagrangian::Lagrangian;
use super::max_installs;
use super::problem::{Problem, objective_weights, weighed};
use super::state::State;
use crate::model::{Allocation, Model};

/// A team's weight beyond its cost, as a share of the cheapest kind's cost.
const SLIVER: f64 = 1e-6;

/// Raises of the over-used rows' prices tried for starts.
const ROW_RAISES: [f64; 3] = [1e-3, 1e-2, 0.1];

/// Raises of the target's price tried for price-consistent starts.
const RAISES: [f64; 10] = [5e-4, 1e-3, 2e-3, 5e-3, 1e-2, 2e-2, 5e-2, 0.1, 0.2, 0.5];

/// Districts up to which min-cost also starts from no teams at all.
const FROM_NOTHING_UP_TO: usize = 2_000;

/// Evaluations of the dual at most.
const EVALUATIONS: usize = 80;

/// The cheapest allocation found and a lower bound on the cost of any plan.
pub struct Found {
    pub teams: Allocation,
    pub bound: f64,
    /// The dual's multipliers: the rows', then the target's.
    pub multipliers: Vec<f64>,
}

/// The objective's weights plus a sliver per team, so that among plans of equal cost the one
/// with fewer teams wins (MODEL.md § "Objectives", ties).
///
/// The sliver is [`SLIVER`] of the cheapest kind's cost (or of one đồng when every kind is
/// free): a million teams' slivers weigh one team of the cheapest kind, so cost decides and
/// the sliver only breaks ties.
pub fn team_weights(model: &Model) -> Vec<f64> {
    let base = objective_weights(model);
    let smallest = base
        .iter()
        .copied()
        .filter(|&c| c > 0.0)
        .fold(f64::INFINITY, f64::min);
    let sliver = if smallest.is_finite() {
        smallest * SLIVER
    } else {
        SLIVER
    };
    base.iter().map(|c| c + sliver).collect()
}

/// Minimises cost with Σ_d G_d ≥ `need` within bounds, rows and least efforts. `None` when no
/// plan found reaches `need`.
pub fn solve(p: &Problem, need: f64) -> Option<Found> {
    let model = p.model;
    let objective = objective_weights(model);
    let weight = team_weights(model);
    let lag = Lagrangian {
        p,
        install_value: 0.0,
        weight: objective.clone(),
        need: Some(need),
    };
    let scale: f64 = (0..p.districts)
        .flat_map(|d| (0..p.kinds).map(move |k| (d, k)))
        .map(|(d, k)| objective[k] * f64::from(p.hi(d, k).min(cap(p, k))))
        .sum::<f64>()
        .max(1.0);
    // The dual is an upper bound on −cost: its negation bounds the cost from below.
    let priced = lag.minimise(None, scale, f64::NEG_INFINITY, EVALUATIONS)?;
    let mut bound = -priced.bound;
    let mut starts = vec![priced.teams.clone()];
    // Floors: their cheapest plan, where it can be settled exactly, bounds the cost of any
    // plan from below (and is the optimum where the floors reach the target)
    match cover::cheapest(p, cover::Way::Quick) {
        Some(Cover::Impossible) => return None,
        Some(Cover::Plan { teams, least }) => {
            if least {
                bound = bound.max(weighed(&teams, &objective));
            }
            starts.push(teams);
        }
        None => {}
    }
    // Price-consistent starts: the districts' answers at a slightly higher price per install,
    // the first that reaches the target and one a step beyond (every district then stops at
    // the same marginal cost per install; repair and pruning only trim the edges).
    let target = p.rows.len();
    let mut reached = 0;
    for raise in RAISES {
        let mut y = priced.multipliers.clone();
        y[target] *= 1.0 + raise;
        let mut teams = p.lower();
        if lag.evaluate(&y, &mut teams).is_some() && p.outreach(&teams) >= need {
            starts.push(teams);
            reached += 1;
            if reached == 2 {
                break;
            }
        }
    }
    // The answers at the prices of the rows they over-use raised a little: where many
    // districts are tied at the dual's optimum, the ties then go the other way.
    let used = p.usage(&priced.teams);
    let over: Vec<usize> = (0..p.rows.len())
        .filter(|&j| !super::problem::fits_row(&p.rows[j], used[j]))
        .collect();
    if !over.is_empty() {
        for raise in ROW_RAISES {
            let mut y = priced.multipliers.clone();
            for &j in &over {
                y[j] = y[j] * (1.0 + raise) + raise * max_installs::row_price(p, j);
            }
            let mut teams = p.lower();
            if lag.evaluate(&y, &mut teams).is_some() {
                starts.push(teams);
            }
        }
    }
    // and, on up to a few thousand districts, from nothing: the target reached greedily, most
    // installs per đồng first (beyond, the answers at the prices are as good and this start
    // costs more than it gains)
    if p.districts <= FROM_NOTHING_UP_TO {
        starts.push(p.lower());
    }
    let mut best = cheapest(p, &starts, need, &weight);
    if best.is_none()
        && let Ok(most) = max_installs::solve(p, None)
    {
        // a start that fits a tight budget: the most installs within the limits
        starts = vec![most.teams];
        best = cheapest(p, &starts, need, &weight);
    }
    let teams = best?;
    let cost = weighed(&teams, &objective);
    Some(Found {
        teams,
        bound: bound.min(cost),
        multipliers: priced.multipliers,
    })
}

/// The largest number of teams of kind k a district could have: its pool for a provincial
/// kind, unbounded for a local one.
fn cap(p: &Problem, k: usize) -> u32 {
    p.rows
        .iter()
        .find(|r| r.kind == Some(k))
        .map_or(u32::MAX, |r| r.capacity as u32)
}

/// The plan of least weight reached from any of `starts`: repaired to the rows, brought up
/// to `need`, pruned and lightened.
fn cheapest(p: &Problem, starts: &[Allocation], need: f64, weight: &[f64]) -> Option<Allocation> {
    let mut best: Option<(f64, Allocation)> = None;
    for teams in starts {
        let mut teams = teams.clone();
        super::bulk::clip_over(p, &mut teams);
        let mut s = State::new(p, teams);
        let mut moves = Moves::new(&s);
        if !lift_to_floors(&mut s, &mut moves)
            || !repair(&mut s, &mut moves)
            || !reach(&mut s, &mut moves, need, weight)
        {
            continue;
        }
        prune(&mut s, &mut moves, need, weight);
        lighten(&mut s, &mut moves, need, weight);
        let value = s.weighed(weight);
        if best.as_ref().is_none_or(|(v, _)| value < *v) {
            best = Some((value, s.teams));
        }
    }
    best.map(|(_, t)| t)
}
