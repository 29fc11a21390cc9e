//! Shared test helpers: small random instances of the model and their true optimum by
//! enumerating every allocation.
#![allow(dead_code)]

use serde_json::Value;

use campaign_planner::model::{
    Allocation, Bounds, District, Model, Objective, Scope, TeamKind, outreach_installs,
};

/// A small deterministic generator (xorshift), so failures reproduce from the seed.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
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
    let mut rng = Rng::new(seed);
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
