//! One-team moves on an allocation: repair to the limits, lift to the floors, fill what is
//! left, exchange teams while the exact objective improves, and prune for `min-cost`.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use super::INSTALLS_TOLERANCE;
use super::state::State;
use crate::model::Scope;

/// Removes teams until every pool and the budget hold, losing the fewest installs per unit of
/// the resource relieved. False when the bounds and floors leave nothing to remove.
pub fn repair(state: &mut State) -> bool {
    let kinds = state.model.kinds.len();
    while !state.within_limits() {
        let over_budget = state.over_budget();
        let mut best: Option<(f64, usize, usize)> = None;
        for d in 0..state.teams.len() {
            for k in 0..kinds {
                let relief = if state.pool_excess(k) > 0 {
                    1.0
                } else if over_budget && state.model.cost_per_team(k) > 0.0 {
                    state.model.cost_per_team(k)
                } else {
                    continue;
                };
                if !state.can_remove(d, k) {
                    continue;
                }
                let score = state.loss_of_remove(d, k) / relief;
                if best.is_none_or(|(s, _, _)| score < s) {
                    best = Some((score, d, k));
                }
            }
        }
        let Some((_, d, k)) = best else { return false };
        state.remove(d, k);
    }
    true
}

/// Adds teams to each district below its least effort: local teams first (they use no pool),
/// the most effort per team first. False when a district cannot be lifted within its bounds.
pub fn lift_to_floors(state: &mut State) -> bool {
    let model = state.model;
    for d in 0..state.teams.len() {
        let mut order: Vec<usize> = (0..model.kinds.len()).collect();
        order.sort_by(|&a, &b| {
            let local = |k: usize| model.kinds[k].scope == Scope::Local;
            local(b).cmp(&local(a)).then(
                model
                    .effort_per_team(d, b)
                    .total_cmp(&model.effort_per_team(d, a)),
            )
        });
        for k in order {
            while state.effort[d] < state.min_effort[d] - 1e-9
                && state.teams[d][k] < model.districts[d].bounds[k].max
            {
                state.add(d, k);
            }
        }
        if state.effort[d] < state.min_effort[d] - 1e-9 {
            return false;
        }
    }
    true
}

/// A candidate addition in a max-heap: the score, then the earlier district and kind.
#[derive(PartialEq)]
struct Candidate {
    score: f64,
    d: usize,
    k: usize,
    version: u64,
}

impl Eq for Candidate {}

impl Ord for Candidate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.score
            .total_cmp(&other.score)
            .then(other.d.cmp(&self.d))
            .then(other.k.cmp(&self.k))
    }
}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Adds teams while any fits, best score first, until `done` says stop. `score(state, d, k)`
/// ranks an addition (higher first); additions scoring ≤ 0 are not made.
fn add_greedily(
    state: &mut State,
    score: &dyn Fn(&State, usize, usize) -> f64,
    done: &dyn Fn(&State) -> bool,
) -> Option<(usize, usize)> {
    let mut last = None;
    let kinds = state.model.kinds.len();
    let mut version = vec![0u64; state.teams.len()];
    let mut heap = BinaryHeap::new();
    for d in 0..state.teams.len() {
        for k in 0..kinds {
            if state.can_add(d, k) {
                heap.push(Candidate {
                    score: score(state, d, k),
                    d,
                    k,
                    version: 0,
                });
            }
        }
    }
    while !done(state) {
        let Some(c) = heap.pop() else { break };
        if c.version != version[c.d] || !state.can_add(c.d, c.k) {
            continue;
        }
        if c.score <= 0.0 {
            break;
        }
        state.add(c.d, c.k);
        last = Some((c.d, c.k));
        version[c.d] += 1;
        for k in 0..kinds {
            if state.can_add(c.d, k) {
                heap.push(Candidate {
                    score: score(state, c.d, k),
                    d: c.d,
                    k,
                    version: version[c.d],
                });
            }
        }
    }
    last
}

/// The score of an addition for `max-installs`: free teams by their gain first, then teams
/// that cost by gain per priced cost (`budget_price` is the budget's multiplier).
fn install_score(state: &State, d: usize, k: usize, budget_price: f64) -> f64 {
    let gain = state.gain_of_add(d, k);
    if gain <= 1e-12 {
        return 0.0;
    }
    let price = budget_price * state.model.cost_per_team(k);
    if price > 0.0 {
        gain / price
    } else {
        1e12 * gain
    }
}

/// Adds teams while any fits and gains installs.
pub fn fill(state: &mut State, budget_price: f64) {
    let _ = add_greedily(
        state,
        &|s, d, k| install_score(s, d, k, budget_price),
        &|_| false,
    );
}

/// Takes out up to `count` teams of kind k, each time the one that loses the fewest
/// installs; the districts they came from (fewer when the bounds and floors stop it).
fn remove_cheapest(state: &mut State, k: usize, count: usize) -> Vec<usize> {
    let mut removed = Vec::with_capacity(count);
    for _ in 0..count {
        let removal = (0..state.teams.len())
            .filter(|&d| state.can_remove(d, k))
            .map(|d| (state.loss_of_remove(d, k), d))
            .min_by(|a, b| a.0.total_cmp(&b.0));
        let Some((_, d)) = removal else { break };
        state.remove(d, k);
        removed.push(d);
    }
    removed
}

/// Adds the team of kind k that gains the most installs, outside the districts `skip` (where
/// one was just taken out); the earlier district on a tie.
fn add_best(state: &mut State, k: usize, skip: &[usize]) {
    let addition = (0..state.teams.len())
        .filter(|&d| !skip.contains(&d) && state.can_add(d, k))
        .map(|d| (state.gain_of_add(d, k), d))
        .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
    if let Some((_, d)) = addition {
        state.add(d, k);
    }
}

/// Exchanges a team for others (one team out, the best team of some kind in, then a fill)
/// while the exact installs rise.
pub fn swap_until_stable(state: &mut State, budget_price: f64) {
    let kinds = state.model.kinds.len();
    let limit = 20 * (state.team_count() as usize + state.teams.len()) + 100;
    for _ in 0..limit {
        let mut improved = false;
        let before = state.total_outreach();
        'moves: for kr in 0..kinds {
            let snapshot = state.teams.clone();
            // Take out one, two, then three of the teams of kind kr that lose the least.
            for depth in 1..=3 {
                state.reset(snapshot.clone());
                let removed = remove_cheapest(state, kr, depth);
                if removed.len() < depth {
                    break;
                }
                let without = state.teams.clone();
                for ka in 0..kinds {
                    state.reset(without.clone());
                    add_best(state, ka, if ka == kr { &removed } else { &[] });
                    fill(state, budget_price);
                    if state.total_outreach() > before + 1e-9 * before.max(1.0) {
                        improved = true;
                        break 'moves;
                    }
                }
            }
            state.reset(snapshot);
        }
        if !improved {
            improved = replace_in_place(state, &mut |s| {
                s.total_outreach() > before + 1e-9 * before.max(1.0)
            });
            if improved {
                fill(state, budget_price);
            }
        }
        if !improved {
            return;
        }
    }
}

/// Adds teams until the outreach reaches `need`, most installs per unit of weight first.
/// False when the limits stop it short.
pub fn reach(state: &mut State, need: f64, weight: &[f64]) -> bool {
    let last = add_greedily(state, &|s, d, k| s.gain_of_add(d, k) / weight[k], &|s| {
        s.total_outreach() >= need - INSTALLS_TOLERANCE
    });
    let reached = state.total_outreach() >= need - INSTALLS_TOLERANCE;
    // The last team only had to close what was left: the lightest team that does is as good.
    if reached && let Some((d, k)) = last {
        state.remove(d, k);
        let deficit = need - INSTALLS_TOLERANCE - state.total_outreach();
        let closer = (0..state.teams.len())
            .flat_map(|da| (0..weight.len()).map(move |ka| (da, ka)))
            .filter(|&(da, ka)| state.can_add(da, ka) && state.gain_of_add(da, ka) >= deficit)
            .min_by(|a, b| weight[a.1].total_cmp(&weight[b.1]).then(a.cmp(b)));
        match closer {
            Some((da, ka)) if weight[ka] < weight[k] => state.add(da, ka),
            _ => state.add(d, k),
        }
    }
    reached
}

/// Removes teams while the outreach stays at `need` or more: the heaviest weight first, then
/// the smallest loss.
pub fn prune(state: &mut State, need: f64, weight: &[f64]) {
    loop {
        let slack = state.total_outreach() - need + INSTALLS_TOLERANCE;
        let mut best: Option<(f64, f64, usize, usize)> = None;
        for d in 0..state.teams.len() {
            for (k, &w) in weight.iter().enumerate() {
                if !state.can_remove(d, k) {
                    continue;
                }
                let loss = state.loss_of_remove(d, k);
                if loss > slack {
                    continue;
                }
                if best.is_none_or(|(bw, bl, _, _)| w > bw || (w == bw && loss < bl)) {
                    best = Some((w, loss, d, k));
                }
            }
        }
        let Some((_, _, d, k)) = best else { return };
        state.remove(d, k);
    }
}

/// Takes out the two teams of one kind that lose the least, puts in the best team of some
/// kind, reaches `need` again and prunes; keeps the result where it weighs less than `before`.
fn remove_two_and_reach(state: &mut State, need: f64, weight: &[f64], before: f64) -> bool {
    let kinds = state.model.kinds.len();
    for kr in 0..kinds {
        let snapshot = state.teams.clone();
        let removed = remove_cheapest(state, kr, 2);
        if removed.len() == 2 {
            let without = state.teams.clone();
            for ka in 0..kinds {
                state.reset(without.clone());
                add_best(state, ka, if ka == kr { &removed } else { &[] });
                if reach_lighter(state, need, weight, before) {
                    return true;
                }
            }
        }
        state.reset(snapshot);
    }
    false
}

/// Replaces, within one district, a team of one kind by a team of another (where a floor
/// forbids taking the team out alone), then lets `accept` finish the move (it may add or
/// remove teams) and judge it; keeps the first accepted, undoes the others.
fn replace_in_place(state: &mut State, accept: &mut dyn FnMut(&mut State) -> bool) -> bool {
    let kinds = state.model.kinds.len();
    for d in 0..state.teams.len() {
        for kr in 0..kinds {
            if state.teams[d][kr] <= state.model.districts[d].bounds[kr].min {
                continue;
            }
            for ka in (0..kinds).filter(|&ka| ka != kr) {
                let snapshot = state.teams.clone();
                state.remove(d, kr);
                if state.can_add(d, ka) {
                    state.add(d, ka);
                    if state.meets_floor(d) && accept(state) {
                        return true;
                    }
                }
                state.reset(snapshot);
            }
        }
    }
    false
}

/// Reaches `need` again (most installs per weight, then pruning) and says whether the result
/// weighs less than `before`.
fn reach_lighter(state: &mut State, need: f64, weight: &[f64], before: f64) -> bool {
    if !reach(state, need, weight) {
        return false;
    }
    prune(state, need, weight);
    weighed(state, weight) < before - 1e-9 * before.max(1.0)
}

/// Σ weight · teams: what `min-cost` minimises (with its tie-break sliver).
pub fn weighed(state: &State, weight: &[f64]) -> f64 {
    state
        .teams
        .iter()
        .flat_map(|row| row.iter().enumerate())
        .map(|(k, &t)| weight[k] * f64::from(t))
        .sum()
}

/// Takes a team out and reaches `need` again another way (the best team of some kind first,
/// then the most installs per weight, then pruning) wherever that weighs less.
pub fn lighten(state: &mut State, need: f64, weight: &[f64]) {
    let kinds = state.model.kinds.len();
    let districts = state.teams.len();
    let limit = 20 * (state.team_count() as usize + districts) + 100;
    for _ in 0..limit {
        let before = weighed(state, weight);
        let mut improved = false;
        'moves: for dr in 0..districts {
            for kr in 0..kinds {
                if !state.can_remove(dr, kr) {
                    continue;
                }
                let snapshot = state.teams.clone();
                for ka in 0..kinds {
                    state.remove(dr, kr);
                    let skip = [dr];
                    add_best(state, ka, if ka == kr { &skip } else { &[] });
                    if reach_lighter(state, need, weight, before) {
                        improved = true;
                        break 'moves;
                    }
                    state.reset(snapshot.clone());
                }
            }
        }
        if !improved {
            improved = remove_two_and_reach(state, need, weight, before);
        }
        if !improved {
            improved = replace_in_place(state, &mut |s| reach_lighter(s, need, weight, before));
        }
        if !improved {
            return;
        }
    }
}
