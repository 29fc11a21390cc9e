//! Meeting every district's least effort (floors) within the pools and the budget, using as
//! few scarce resources as possible. Used for district floors and for `max-min-rate`.

use super::subproblem::{Prices, best_response};
use crate::model::{Allocation, Model, Scope};

/// Multiplicative re-weighting rounds when several resources compete.
const ROUNDS: usize = 60;
/// Tie-break price per team: among equal uses of scarce resources, fewer teams.
const TEAM_EPSILON: f64 = 1e-9;

/// What `cover` found.
#[derive(Debug, Clone, PartialEq)]
pub enum Cover {
    Feasible(Allocation),
    /// No allocation exists; `proven` when a certificate shows it (a single resource whose
    /// least possible use exceeds what there is, or a district its bounds cannot lift).
    Infeasible {
        proven: bool,
    },
}

/// A coupling resource: a provincial pool or the budget.
struct Resource {
    capacity: f64,
    /// Use of this resource by one team of each kind.
    per_team: Vec<f64>,
}

fn resources(model: &Model) -> Vec<Resource> {
    let n = model.kinds.len();
    let mut out = Vec::new();
    for (k, kind) in model.kinds.iter().enumerate() {
        if kind.scope == Scope::Provincial {
            let mut per_team = vec![0.0; n];
            per_team[k] = 1.0;
            out.push(Resource {
                capacity: f64::from(kind.available.unwrap_or(0)),
                per_team,
            });
        }
    }
    if let Some(budget) = model.budget {
        out.push(Resource {
            capacity: budget,
            per_team: (0..n).map(|k| model.cost_per_team(k)).collect(),
        });
    }
    out
}

/// The least-priced way for every district to meet its least effort, and a lower bound on
/// the total price of any way (exact when every district was enumerated).
fn allocate(model: &Model, min_effort: &[f64], team_prices: Vec<f64>) -> Option<(Allocation, f64)> {
    let prices = Prices {
        install_value: 0.0,
        team: team_prices,
    };
    let mut teams = Vec::with_capacity(model.districts.len());
    let mut least_price = 0.0;
    for (d, &least) in min_effort.iter().enumerate() {
        let response = best_response(model, d, &prices, least)?;
        // with no value on installs the subproblem maximises −price: its value bounds −price
        least_price -= response.value;
        teams.push(response.teams);
    }
    Some((teams, least_price))
}

fn use_of(res: &Resource, teams: &Allocation) -> f64 {
    teams
        .iter()
        .flat_map(|row| row.iter().enumerate())
        .map(|(k, &t)| res.per_team[k] * f64::from(t))
        .sum()
}

fn fits(res: &Resource, used: f64) -> bool {
    used <= res.capacity * (1.0 + 1e-12) + 1e-9
}

/// Finds teams giving every district `d` at least `min_effort[d]`, within bounds, pools and budget.
pub fn cover(model: &Model, min_effort: &[f64]) -> Cover {
    let kinds = model.kinds.len();
    let res = resources(model);
    // Certificate: each resource on its own, used as little as possible.
    for r in &res {
        match allocate(model, min_effort, r.per_team.clone()) {
            None => return Cover::Infeasible { proven: true },
            Some((_, least)) if !fits(r, least) => return Cover::Infeasible { proven: true },
            Some(_) => {}
        }
    }
    let mut weight: Vec<f64> = res.iter().map(|r| 1.0 / r.capacity.max(1e-9)).collect();
    let mut least: Option<(f64, Allocation)> = None;
    for _ in 0..=ROUNDS {
        // Weights scaled so that the resources are worth 1 in all: the subproblems compare
        // prices of order one, where their tie tolerance is negligible.
        let worth: f64 = res.iter().zip(&weight).map(|(r, w)| w * r.capacity).sum();
        if worth > 0.0 && worth.is_finite() {
            weight.iter_mut().for_each(|w| *w /= worth);
        }
        // Certificate: the resources weighed together cost more than they are worth (with a
        // margin for the subproblems' tie tolerance, 1e-9 of a price per district).
        if let Some((_, price)) = allocate(model, min_effort, priced(&res, &weight, kinds, 0.0)) {
            let worth: f64 = res.iter().zip(&weight).map(|(r, w)| w * r.capacity).sum();
            let margin = 1e-6 * worth.max(1.0) + 1e-8 * model.districts.len() as f64;
            if price > worth + margin {
                return Cover::Infeasible { proven: true };
            }
        }
        let prices = priced(&res, &weight, kinds, TEAM_EPSILON);
        let Some((teams, _)) = allocate(model, min_effort, prices) else {
            return Cover::Infeasible { proven: true };
        };
        let over = excess(&res, &teams);
        if over <= 0.0 {
            return Cover::Feasible(teams);
        }
        if least.as_ref().is_none_or(|(o, _)| over < *o) {
            least = Some((over, teams.clone()));
        }
        let ratios: Vec<f64> = res
            .iter()
            .map(|r| use_of(r, &teams) / r.capacity.max(1e-9))
            .collect();
        for (w, u) in weight.iter_mut().zip(ratios) {
            *w *= (2.0 * (u - 1.0)).clamp(-2.0, 2.0).exp();
        }
    }
    match least {
        Some((_, teams)) => exchange(model, min_effort, &res, teams),
        None => Cover::Infeasible { proven: false },
    }
}

/// Team prices from resource weights, plus `epsilon` per team (to prefer fewer teams).
fn priced(res: &[Resource], weight: &[f64], kinds: usize, epsilon: f64) -> Vec<f64> {
    (0..kinds)
        .map(|k| {
            epsilon
                + res
                    .iter()
                    .zip(weight)
                    .map(|(r, w)| w * r.per_team[k])
                    .sum::<f64>()
        })
        .collect()
}

/// Σ over resources of the relative overuse; 0 when everything fits.
fn excess(res: &[Resource], teams: &Allocation) -> f64 {
    // (same measure as `exchange` keeps incrementally)
    res.iter()
        .map(|r| {
            let used = use_of(r, teams);
            if fits(r, used) {
                0.0
            } else {
                (used - r.capacity) / r.capacity.max(1.0)
            }
        })
        .sum()
}

/// Most combinations enumerated per district for its frontier.
const FRONTIER_LIMIT: u64 = 4096;

/// The ways district `d` can meet its least effort with no team to spare: for each count of
/// every kind but the widest, the fewest of the widest; dominated ways dropped.
fn frontier(model: &Model, d: usize, min_effort: f64) -> Option<Vec<Vec<u32>>> {
    let bounds = &model.districts[d].bounds;
    let kinds = bounds.len();
    if bounds.iter().any(|b| b.min > b.max) {
        return None;
    }
    let free = (0..kinds).max_by_key(|&k| (bounds[k].max - bounds[k].min, std::cmp::Reverse(k)))?;
    let combos: u64 = (0..kinds)
        .filter(|&k| k != free)
        .map(|k| u64::from(bounds[k].max - bounds[k].min) + 1)
        .product();
    if combos > FRONTIER_LIMIT {
        return None;
    }
    let w_free = model.effort_per_team(d, free);
    let mut ways: Vec<Vec<u32>> = Vec::new();
    let mut t: Vec<u32> = bounds.iter().map(|b| b.min).collect();
    loop {
        let e0: f64 = (0..kinds)
            .filter(|&k| k != free)
            .map(|k| model.effort_per_team(d, k) * f64::from(t[k]))
            .sum();
        let need = if min_effort > e0 {
            ((min_effort - e0) / w_free - 1e-9).ceil()
        } else {
            0.0
        };
        if need <= f64::from(bounds[free].max) {
            let mut way = t.clone();
            way[free] = (need as u32).max(bounds[free].min);
            ways.push(way);
        }
        let mut k = 0;
        loop {
            if k == kinds {
                let keep: Vec<Vec<u32>> = ways
                    .iter()
                    .filter(|a| {
                        !ways
                            .iter()
                            .any(|b| b != *a && b.iter().zip(a.iter()).all(|(x, y)| x <= y))
                    })
                    .cloned()
                    .collect();
                return Some(keep);
            }
            if k != free {
                if t[k] < bounds[k].max {
                    t[k] += 1;
                    break;
                }
                t[k] = bounds[k].min;
            }
            k += 1;
        }
    }
}

/// Switches one district at a time to another way of meeting its least effort (its frontier,
/// or the ways that spare each resource) while the overuse shrinks.
fn exchange(model: &Model, min_effort: &[f64], res: &[Resource], mut teams: Allocation) -> Cover {
    let kinds = model.kinds.len();
    let mut options: Vec<Vec<Vec<u32>>> = (0..model.districts.len())
        .map(|d| frontier(model, d, min_effort[d]).unwrap_or_default())
        .collect();
    for spare in 0..res.len() {
        let mut weight = vec![1e-6; res.len()];
        weight[spare] = 1.0;
        for r in 0..res.len() {
            weight[r] /= res[r].capacity.max(1.0);
        }
        if let Some((alloc, _)) =
            allocate(model, min_effort, priced(res, &weight, kinds, TEAM_EPSILON))
        {
            for (d, row) in alloc.into_iter().enumerate() {
                if !options[d].contains(&row) {
                    options[d].push(row);
                }
            }
        }
    }
    let use_row = |row: &[u32]| -> Vec<f64> {
        res.iter()
            .map(|r| {
                row.iter()
                    .enumerate()
                    .map(|(k, &t)| r.per_team[k] * f64::from(t))
                    .sum()
            })
            .collect()
    };
    let over_of = |used: &[f64]| -> f64 {
        res.iter()
            .zip(used)
            .map(|(r, &u)| {
                if fits(r, u) {
                    0.0
                } else {
                    (u - r.capacity) / r.capacity.max(1.0)
                }
            })
            .sum()
    };
    let mut used: Vec<f64> = res.iter().map(|r| use_of(r, &teams)).collect();
    let mut over = over_of(&used);
    while over > 0.0 {
        let mut best: Option<(f64, usize, usize)> = None;
        for d in 0..teams.len() {
            let current = use_row(&teams[d]);
            for (i, option) in options[d].iter().enumerate() {
                if *option == teams[d] {
                    continue;
                }
                let next = use_row(option);
                let trial: Vec<f64> = (0..res.len())
                    .map(|r| used[r] - current[r] + next[r])
                    .collect();
                let after = over_of(&trial);
                if after < over - 1e-12 && best.is_none_or(|(b, _, _)| after < b) {
                    best = Some((after, d, i));
                }
            }
        }
        let Some((after, d, i)) = best else {
            // No single district can lower the overuse: try two districts at once.
            return match pair_exchange(&options, &teams, &used, &use_row, &over_of, over) {
                Some(next) => {
                    teams = next;
                    exchange(model, min_effort, res, teams)
                }
                None => Cover::Infeasible { proven: false },
            };
        };
        let current = use_row(&teams[d]);
        teams[d] = options[d][i].clone();
        let next = use_row(&teams[d]);
        for r in 0..res.len() {
            used[r] += next[r] - current[r];
        }
        over = after;
    }
    Cover::Feasible(teams)
}

/// Largest number of district options for which pairs of switches are tried.
const PAIR_LIMIT: usize = 400;

/// Two districts switched together so that the overuse shrinks (the best such pair).
fn pair_exchange(
    options: &[Vec<Vec<u32>>],
    teams: &Allocation,
    used: &[f64],
    use_row: &dyn Fn(&[u32]) -> Vec<f64>,
    over_of: &dyn Fn(&[f64]) -> f64,
    over: f64,
) -> Option<Allocation> {
    let total: usize = options.iter().map(Vec::len).sum();
    if total > PAIR_LIMIT {
        return None;
    }
    let delta = |d: usize, option: &[u32]| -> Vec<f64> {
        let (now, next) = (use_row(&teams[d]), use_row(option));
        now.iter().zip(next).map(|(a, b)| b - a).collect()
    };
    let mut best: Option<(f64, usize, usize, usize, usize)> = None;
    for d1 in 0..teams.len() {
        for (i1, o1) in options[d1].iter().enumerate() {
            let delta1 = delta(d1, o1);
            for (d2, options2) in options.iter().enumerate().skip(d1 + 1) {
                for (i2, o2) in options2.iter().enumerate() {
                    let delta2 = delta(d2, o2);
                    let trial: Vec<f64> = (0..used.len())
                        .map(|r| used[r] + delta1[r] + delta2[r])
                        .collect();
                    let after = over_of(&trial);
                    if after < over - 1e-12 && best.is_none_or(|b| after < b.0) {
                        best = Some((after, d1, i1, d2, i2));
                    }
                }
            }
        }
    }
    let (_, d1, i1, d2, i2) = best?;
    let mut next = teams.clone();
    next[d1] = options[d1][i1].clone();
    next[d2] = options[d2][i2].clone();
    Some(next)
}
