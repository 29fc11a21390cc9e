//! Shared test helpers: small random instances of the model and their true optimum by
//! enumerating every allocation.
#![allow(dead_code)]

pub mod printed;

use serde_json::Value;

use campaign_planner::model::{
    Allocation, Bounds, District, Model, Objective, Scope, TeamKind, outreach_installs,
};

/// A small deterministic generator (xorshift), so failures reproduce from the seed; or a
/// tape of words a property test draws ([`Rng::tape`]), so that its failures shrink.
pub struct Rng {
    state: u64,
    /// The words left to hand out, last first.
    tape: Option<Vec<u64>>,
}

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng {
            state: seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1,
            tape: None,
        }
    }

    /// Draws that are `words` in order, then zeros. Every choice of an instance is read from
    /// one draw (`below`, `unit`) and is least at zero, so proptest shrinking the words (fewer
    /// of them, each smaller) shrinks the instance: fewer kinds and districts, smaller pools,
    /// no budget or floor, down to the least one that still fails.
    pub fn tape(mut words: Vec<u64>) -> Rng {
        words.reverse();
        Rng {
            state: 1,
            tape: Some(words),
        }
    }

    pub fn next(&mut self) -> u64 {
        if let Some(tape) = &mut self.tape {
            return tape.pop().unwrap_or(0);
        }
        self.state ^= self.state << 13;
        self.state ^= self.state >> 7;
        self.state ^= self.state << 17;
        self.state
    }
    /// A draw in `0..n`. From a tape it is `word × n / 2⁶⁴`, which grows with the word (a
    /// remainder would not), so that proptest halving a word moves the draw towards 0.
    pub fn below(&mut self, n: u64) -> u64 {
        let word = self.next();
        if self.tape.is_some() {
            ((u128::from(word) * u128::from(n)) >> 64) as u64
        } else {
            word % n
        }
    }
    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// A random instance: 1-4 districts, 1-3 kinds (the first local), small bounds and pools,
/// sometimes a budget, a floor, rule minimums, productivity multipliers and districts with
/// their own raised floor.
pub fn random_model(seed: u64, objective: Objective) -> Model {
    random_model_sized(seed, objective, 4, 4, 5)
}

/// A random instance with up to `districts` districts, local teams below `local` and pools
/// below `pool`.
pub fn random_model_sized(
    seed: u64,
    objective: Objective,
    districts: u64,
    local: u64,
    pool: u64,
) -> Model {
    random_model_drawn(&mut Rng::new(seed), objective, districts, local, pool)
}

/// [`random_model_sized`], every choice drawn from `rng` (a seed's, or a property test's tape).
pub fn random_model_drawn(
    rng: &mut Rng,
    objective: Objective,
    districts: u64,
    local: u64,
    pool: u64,
) -> Model {
    let n_kinds = 1 + rng.below(3) as usize;
    let kinds: Vec<TeamKind> = (0..n_kinds)
        .map(|k| {
            let local = k == 0 || rng.below(3) == 0;
            TeamKind {
                name: format!("kind{k}"),
                scope: if local {
                    Scope::Local
                } else {
                    Scope::Provincial
                },
                available: if local {
                    None
                } else {
                    Some(rng.below(pool) as u32)
                },
                installs_per_team_day: 5.0 + 40.0 * rng.unit(),
                cost_per_team_day: if rng.below(4) == 0 {
                    0.0
                } else {
                    (1 + rng.below(5)) as f64 * 100_000.0
                },
            }
        })
        .collect();
    let n_districts = 1 + rng.below(districts) as usize;
    let horizon_days = 1 + rng.below(14) as u32;
    let districts = (0..n_districts)
        .map(|d| {
            let smartphones = 500 + rng.below(5_000);
            let installed = rng.below(smartphones * 6 / 10);
            let mandated = (smartphones - installed) as f64 * 0.05 * rng.unit();
            let fixed = (smartphones - installed) as f64 * 0.05 * rng.unit();
            let pool = 0.8 * ((smartphones - installed) as f64 - mandated - fixed);
            let bounds = kinds
                .iter()
                .map(|k| {
                    let cap = match k.scope {
                        Scope::Local => rng.below(local) as u32,
                        Scope::Provincial => k.available.unwrap_or(0),
                    };
                    let min = if rng.below(6) == 0 { cap.min(1) } else { 0 };
                    Bounds { min, max: cap }
                })
                .collect();
            let productivity = kinds
                .iter()
                .map(|_| {
                    if rng.below(3) == 0 {
                        0.5 + rng.unit()
                    } else {
                        1.0
                    }
                })
                .collect();
            District {
                name: format!("D{d}"),
                smartphones,
                installed,
                mandated_installs: mandated,
                fixed_installs: fixed,
                pool,
                bounds,
                productivity,
                floor: None,
            }
        })
        .collect();
    let mut model = Model {
        horizon_days,
        objective,
        reachable_share: 0.8,
        target_rate: 0.0,
        district_floor: None,
        budget: None,
        kinds,
        districts,
    };
    let base_rate = model
        .districts
        .iter()
        .map(|d| d.base_installed())
        .sum::<f64>()
        / model.total_smartphones() as f64;
    model.target_rate = base_rate + 0.08 * rng.unit();
    if rng.below(3) == 0 {
        let max_cost: f64 = (0..model.kinds.len())
            .map(|k| model.cost_per_team(k) * 3.0)
            .sum();
        model.budget = Some(max_cost * rng.unit());
    }
    if rng.below(3) == 0 {
        let lowest = model
            .districts
            .iter()
            .map(|d| d.base_installed() / d.smartphones as f64)
            .fold(f64::INFINITY, f64::min);
        model.district_floor = Some(lowest + 0.05 * rng.unit());
    }
    // Drawn last, so that the instances above keep their other figures: sometimes a rule's
    // `district.min_rate` on some districts, a little above what they have without teams
    // (sometimes beyond what they can reach).
    let rule_floors = rng.below(3) == 0;
    for d in &mut model.districts {
        let min_rate = (rule_floors && rng.below(2) == 0)
            .then(|| d.base_installed() / d.smartphones as f64 + 0.08 * rng.unit());
        // φ_d = max(φ, min_rate_d), where either is set
        d.floor = match (model.district_floor, min_rate) {
            (None, None) => None,
            (phi, rate) => Some(phi.unwrap_or(0.0).max(rate.unwrap_or(0.0))),
        };
    }
    model
}

/// Whether an allocation meets every constraint of MODEL.md except the objective's own (each
/// district's floor being its own φ_d, docs/model.md § 8).
pub fn feasible(model: &Model, teams: &Allocation) -> bool {
    for (d, row) in teams.iter().enumerate() {
        for (k, &t) in row.iter().enumerate() {
            let b = model.districts[d].bounds[k];
            if t < b.min || t > b.max {
                return false;
            }
        }
        if let Some(floor) = model.districts[d].floor
            && model.projected_installed(d, row)
                < floor * model.districts[d].smartphones as f64 - 1e-6
        {
            return false;
        }
    }
    for (k, kind) in model.kinds.iter().enumerate() {
        if kind.scope == Scope::Provincial {
            let used: u32 = teams.iter().map(|row| row[k]).sum();
            if used > kind.available.unwrap_or(0) {
                return false;
            }
        }
    }
    if let Some(budget) = model.budget
        && model.cost(teams) > budget * (1.0 + 1e-9)
    {
        return false;
    }
    true
}

pub fn total_installs(model: &Model, teams: &Allocation) -> f64 {
    (0..model.districts.len())
        .map(|d| model.projected_installed(d, &teams[d]))
        .sum()
}

pub fn outreach(model: &Model, teams: &Allocation) -> f64 {
    (0..model.districts.len())
        .map(|d| outreach_installs(model.districts[d].pool, model.effort(d, &teams[d])))
        .sum()
}

pub fn min_rate(model: &Model, teams: &Allocation) -> f64 {
    (0..model.districts.len())
        .map(|d| model.projected_installed(d, &teams[d]) / model.districts[d].smartphones as f64)
        .fold(f64::INFINITY, f64::min)
}

/// Calls `visit` on every allocation within the district bounds.
pub fn for_each_allocation(model: &Model, visit: &mut dyn FnMut(&Allocation)) {
    let mut teams: Allocation = model
        .districts
        .iter()
        .map(|d| d.bounds.iter().map(|b| b.min).collect())
        .collect();
    if model
        .districts
        .iter()
        .any(|d| d.bounds.iter().any(|b| b.min > b.max))
    {
        return;
    }
    let cells: Vec<(usize, usize)> = (0..model.districts.len())
        .flat_map(|d| (0..model.kinds.len()).map(move |k| (d, k)))
        .collect();
    loop {
        visit(&teams);
        let mut i = 0;
        loop {
            if i == cells.len() {
                return;
            }
            let (d, k) = cells[i];
            if teams[d][k] < model.districts[d].bounds[k].max {
                teams[d][k] += 1;
                break;
            }
            teams[d][k] = model.districts[d].bounds[k].min;
            i += 1;
        }
    }
}

/// Checks that the JSON `object` has every key of `spec` ("key:type …") with that type; a type
/// is `str`, `int`, `num` (finite), `bool`, `null`, `array`, `object`, or several joined by `|`.
#[track_caller]
pub fn check_json_keys(object: &Value, spec: &str, at: &str) {
    for field in spec.split_whitespace() {
        let (key, types) = field.split_once(':').unwrap();
        let value = object
            .get(key)
            .unwrap_or_else(|| panic!("{at}: key `{key}` is missing"));
        let ok = types.split('|').any(|ty| match ty {
            "str" => value.is_string(),
            "int" => value.is_u64() || value.is_i64(),
            "num" => value.as_f64().is_some_and(f64::is_finite),
            "bool" => value.is_boolean(),
            "null" => value.is_null(),
            "array" => value.is_array(),
            "object" => value.is_object(),
            other => panic!("unknown type {other}"),
        });
        assert!(ok, "{at}.{key}: expected {types}, got {value}");
    }
}

/// The team kinds of a real province (the shipped scenario's commune and volunteer teams and
/// a second provincial pool of mobile units), as (name, scope, installs per team-day, cost per
/// team-day). The shape generator below draws its kinds from these.
pub const SHAPE_KINDS: [(&str, Scope, f64, f64); 3] = [
    ("commune", Scope::Local, 15.0, 150_000.0),
    ("volunteer", Scope::Provincial, 40.0, 300_000.0),
    ("mobile", Scope::Provincial, 90.0, 1_500_000.0),
];

/// The most allocations [`shape_model`] leaves to enumerate (within bounds and pools).
pub const SHAPE_ENUMERATION_LIMIT: u64 = 20_000;

/// A small instance of any shape the model accepts, for enumeration (MODEL.md § "Quantities",
/// § "Outreach teams and the response curve"): 1-3 districts; 1-3 of [`SHAPE_KINDS`] (often
/// all three: two provincial pools and a local kind), in any order, rates and costs sometimes
/// jittered; pools of 0-3 teams and 0-3 local teams per district; sometimes all kinds free,
/// or only the local one; no budget, a binding one, a slack one or one below the rules'
/// minimums; a scenario floor, districts' own raised floors (`district.min_rate`), rule
/// minimums (sometimes beyond what fits), rule maximums below the pool, productivity
/// multipliers, pools of 0 and districts with an empty pool (P_d = 0). Districts are scaled
/// down (hundreds to thousands of smartphones) so that a few teams move the rates. At most
/// [`SHAPE_ENUMERATION_LIMIT`] allocations fit the bounds and pools
/// ([`pooled_allocation_count`]).
pub fn shape_model(seed: u64, objective: Objective) -> Model {
    // its own stream: seed n here is not seed n of `random_model`
    let mut rng = Rng::new(seed ^ 0x5348_4150_4553_0001);
    let mask = if rng.below(3) == 0 {
        0b111
    } else {
        1 + rng.below(7)
    };
    let all_free = rng.below(7) == 0;
    let local_free = rng.below(6) == 0;
    let mut kinds: Vec<TeamKind> = SHAPE_KINDS
        .iter()
        .enumerate()
        .filter(|(i, _)| mask & (1 << i) != 0)
        .map(|(_, &(name, scope, rate, cost))| {
            let jitter = rng.below(4) == 0;
            let rate = if jitter {
                rate * (0.6 + 0.8 * rng.unit())
            } else {
                rate
            };
            let cost = if all_free || (scope == Scope::Local && local_free) {
                0.0
            } else if jitter {
                (cost * (0.5 + rng.unit()) / 1_000.0).round() * 1_000.0
            } else {
                cost
            };
            TeamKind {
                name: name.to_string(),
                scope,
                available: (scope == Scope::Provincial).then(|| rng.below(4) as u32),
                installs_per_team_day: rate,
                cost_per_team_day: cost,
            }
        })
        .collect();
    // the kinds in another order now and then: nothing may depend on the local kind coming first
    match rng.below(4) {
        0 => kinds.reverse(),
        1 => kinds.rotate_left(1),
        _ => {}
    }
    let horizon_days = if rng.below(2) == 0 {
        14
    } else {
        1 + rng.below(21) as u32
    };
    let reachable_share = if rng.below(2) == 0 {
        0.8
    } else {
        0.5 + 0.45 * rng.unit()
    };
    let n_districts = 1 + rng.below(3) as usize;
    let districts: Vec<District> = (0..n_districts)
        .map(|d| {
            let smartphones = 200 + rng.below(6_000);
            let empty = rng.below(8) == 0;
            let installed = if empty && rng.below(2) == 0 {
                smartphones
            } else {
                (smartphones as f64 * (0.05 + 0.65 * rng.unit())) as u64
            };
            let room = (smartphones - installed) as f64;
            let (mandated, fixed) = if empty {
                // the rules' installs fill the rest: nothing left to persuade
                let m = room * rng.unit();
                (m, room - m)
            } else {
                (room * 0.1 * rng.unit(), room * 0.1 * rng.unit())
            };
            let pool = (reachable_share * (room - mandated - fixed)).max(0.0);
            let communes = rng.below(4) as u32;
            let bounds = kinds
                .iter()
                .map(|k| {
                    let cap = match k.scope {
                        Scope::Local => communes,
                        Scope::Provincial => k.available.unwrap_or(0),
                    };
                    // a rule's `max_teams`, below the pool (or the district's own teams)
                    let max = if cap > 0 && rng.below(4) == 0 {
                        rng.below(u64::from(cap)) as u32
                    } else {
                        cap
                    };
                    // a rule's `min_teams`: usually within the maximum, now and then beyond
                    let min = if rng.below(6) == 0 {
                        let want = 1 + rng.below(2) as u32;
                        if rng.below(12) == 0 {
                            want
                        } else {
                            want.min(max)
                        }
                    } else {
                        0
                    };
                    Bounds { min, max }
                })
                .collect();
            let productivity = kinds
                .iter()
                .map(|_| {
                    if rng.below(4) == 0 {
                        0.3 + 1.7 * rng.unit()
                    } else {
                        1.0
                    }
                })
                .collect();
            District {
                name: format!("D{d}"),
                smartphones,
                installed,
                mandated_installs: mandated,
                fixed_installs: fixed,
                pool,
                bounds,
                productivity,
                floor: None,
            }
        })
        .collect();
    let mut model = Model {
        horizon_days,
        objective,
        reachable_share,
        target_rate: 0.0,
        district_floor: None,
        budget: None,
        kinds,
        districts,
    };
    shrink_to_enumerate(&mut model);
    let base_rate = model
        .districts
        .iter()
        .map(District::base_installed)
        .sum::<f64>()
        / model.total_smartphones() as f64;
    // the min-cost target: a share of what every team could add (beyond it now and then)
    let most_outreach: f64 = (0..model.districts.len())
        .map(|d| {
            let hi: Vec<u32> = model.districts[d].bounds.iter().map(|b| b.max).collect();
            outreach_installs(model.districts[d].pool, model.effort(d, &hi))
        })
        .sum();
    model.target_rate =
        (base_rate + 0.8 * rng.unit() * most_outreach / model.total_smartphones() as f64).min(1.0);
    // the budget: none, binding (between the rules' minimums and everything), slack, or below
    // what the rules' minimums cost
    let least = model.cost(&lower_bounds(&model));
    let most = most_cost(&model);
    model.budget = match rng.below(10) {
        0..=3 => None,
        4..=6 => Some(least + (most - least) * (0.1 + 0.8 * rng.unit())),
        7 | 8 => Some(most * (1.0 + rng.unit()) + 1.0),
        _ => Some(least * rng.unit()),
    };
    if rng.below(3) == 0 {
        let lowest = model
            .districts
            .iter()
            .map(|d| d.base_installed() / d.smartphones as f64)
            .fold(f64::INFINITY, f64::min);
        model.district_floor = Some((lowest + 0.1 * rng.unit()).min(1.0));
    }
    let rule_floors = rng.below(3) == 0;
    for d in &mut model.districts {
        let min_rate = (rule_floors && rng.below(2) == 0)
            .then(|| (d.base_installed() / d.smartphones as f64 + 0.15 * rng.unit()).min(1.0));
        d.floor = match (model.district_floor, min_rate) {
            (None, None) => None,
            (phi, rate) => Some(phi.unwrap_or(0.0).max(rate.unwrap_or(0.0))),
        };
    }
    model
}

/// Every district at its rules' minimums (`Bounds::min`).
pub fn lower_bounds(model: &Model) -> Allocation {
    model
        .districts
        .iter()
        .map(|d| d.bounds.iter().map(|b| b.min).collect())
        .collect()
}

/// The most the teams could cost: every local team and every provincial pool in full, as far
/// as the districts' maximums take them.
pub fn most_cost(model: &Model) -> f64 {
    (0..model.kinds.len())
        .map(|k| {
            let most: u32 = model.districts.iter().map(|d| d.bounds[k].max).sum();
            let most = match model.kinds[k].scope {
                Scope::Local => most,
                Scope::Provincial => most.min(model.kinds[k].available.unwrap_or(0)),
            };
            model.cost_per_team(k) * f64::from(most)
        })
        .sum()
}

/// Whether the rules' minimums fit together: each within its maximum, within the pools and
/// within the budget. When they do, every plan (an infeasible scenario's too) must keep the
/// bounds, the pools and the budget (MODEL.md § "Objectives", the infeasible result).
pub fn minimums_fit(model: &Model) -> bool {
    let lower = lower_bounds(model);
    model
        .districts
        .iter()
        .all(|d| d.bounds.iter().all(|b| b.min <= b.max))
        && model.kinds.iter().enumerate().all(|(k, kind)| {
            kind.scope == Scope::Local
                || lower.iter().map(|row| row[k]).sum::<u32>() <= kind.available.unwrap_or(0)
        })
        && model
            .budget
            .is_none_or(|b| model.cost(&lower) <= b * (1.0 + 1e-9))
}

/// How many allocations lie within the bounds and the pools (what [`for_each_pooled_allocation`]
/// visits): each local kind contributes the product of its ranges, each provincial kind the
/// number of district vectors within the ranges whose sum fits its pool.
pub fn pooled_allocation_count(model: &Model) -> u64 {
    if model
        .districts
        .iter()
        .any(|d| d.bounds.iter().any(|b| b.min > b.max))
    {
        return 0;
    }
    let mut count: u64 = 1;
    for (k, kind) in model.kinds.iter().enumerate() {
        let cap = match kind.scope {
            Scope::Local => u32::MAX,
            Scope::Provincial => kind.available.unwrap_or(0),
        };
        let ranges = model.districts.iter().map(|d| d.bounds[k]);
        count = count.saturating_mul(vectors_within(ranges, cap));
    }
    count
}

/// The number of vectors t with min ≤ t_d ≤ max and Σ t_d ≤ cap.
fn vectors_within(ranges: impl Iterator<Item = Bounds>, cap: u32) -> u64 {
    if cap == u32::MAX {
        return ranges.map(|b| u64::from(b.max - b.min + 1)).product();
    }
    // ways[s]: the vectors so far that sum to s
    let mut ways = vec![0u64; cap as usize + 1];
    ways[0] = 1;
    for b in ranges {
        let mut next = vec![0u64; cap as usize + 1];
        for (s, &w) in ways.iter().enumerate() {
            for t in b.min..=b.max {
                if s + t as usize <= cap as usize {
                    next[s + t as usize] += w;
                }
            }
        }
        ways = next;
    }
    ways.iter().sum()
}

/// Lowers the widest maximum until at most [`SHAPE_ENUMERATION_LIMIT`] allocations remain.
fn shrink_to_enumerate(model: &mut Model) {
    while pooled_allocation_count(model) > SHAPE_ENUMERATION_LIMIT {
        let (d, k) = (0..model.districts.len())
            .flat_map(|d| (0..model.kinds.len()).map(move |k| (d, k)))
            .max_by_key(|&(d, k)| {
                let b = model.districts[d].bounds[k];
                b.max.saturating_sub(b.min)
            })
            .expect("a district and a kind");
        let b = &mut model.districts[d].bounds[k];
        b.max -= 1;
        b.min = b.min.min(b.max);
    }
}

/// Calls `visit` on every allocation within the district bounds that keeps every provincial
/// pool (the others break a constraint anyway): [`for_each_allocation`] without the
/// allocations it would visit only to reject.
pub fn for_each_pooled_allocation(model: &Model, visit: &mut dyn FnMut(&Allocation)) {
    if model
        .districts
        .iter()
        .any(|d| d.bounds.iter().any(|b| b.min > b.max))
    {
        return;
    }
    let cells: Vec<(usize, usize)> = (0..model.kinds.len())
        .flat_map(|k| (0..model.districts.len()).map(move |d| (d, k)))
        .collect();
    let left: Vec<u32> = model
        .kinds
        .iter()
        .map(|kind| match kind.scope {
            Scope::Local => u32::MAX,
            Scope::Provincial => kind.available.unwrap_or(0),
        })
        .collect();
    let mut teams = lower_bounds(model);
    pooled(model, &cells, 0, &mut left.clone(), &mut teams, visit);
}

fn pooled(
    model: &Model,
    cells: &[(usize, usize)],
    i: usize,
    left: &mut [u32],
    teams: &mut Allocation,
    visit: &mut dyn FnMut(&Allocation),
) {
    let Some(&(d, k)) = cells.get(i) else {
        visit(teams);
        return;
    };
    let b = model.districts[d].bounds[k];
    for t in b.min..=b.max {
        if t > left[k] {
            break;
        }
        teams[d][k] = t;
        left[k] -= t;
        pooled(model, cells, i + 1, left, teams, visit);
        left[k] += t;
    }
    teams[d][k] = b.min;
}

/// The value an objective counts (MODEL.md § "Objectives", the gap paragraph): outreach
/// installs Σ G_d for max-installs, the cost (teams when all kinds are free) for min-cost,
/// the lowest district rate for max-min-rate.
pub fn objective_measure(model: &Model, teams: &Allocation) -> f64 {
    match model.objective {
        Objective::MaxInstalls => outreach(model, teams),
        Objective::MinCost => campaign_planner::solve::min_cost_value(model, teams),
        Objective::MaxMinRate => min_rate(model, teams),
    }
}

/// Whether the allocation meets every constraint, the min-cost target included.
pub fn meets_scenario(model: &Model, teams: &Allocation) -> bool {
    feasible(model, teams)
        && (model.objective != Objective::MinCost
            || total_installs(model, teams)
                >= model.target_rate * model.total_smartphones() as f64 - 1e-6)
}

/// The true optimum by enumeration: the best [`objective_measure`] over every allocation
/// that meets the scenario, and one allocation reaching it; `None` when none does.
pub fn enumerated_optimum(model: &Model) -> Option<(f64, Allocation)> {
    let minimise = model.objective == Objective::MinCost;
    let mut best: Option<(f64, Allocation)> = None;
    for_each_pooled_allocation(model, &mut |t| {
        if !meets_scenario(model, t) {
            return;
        }
        let v = objective_measure(model, t);
        let better = match &best {
            None => true,
            Some((b, _)) => {
                if minimise {
                    v < *b
                } else {
                    v > *b
                }
            }
        };
        if better {
            best = Some((v, t.clone()));
        }
    });
    best
}
