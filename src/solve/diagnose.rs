//! Why a scenario cannot be met, as facts that the report puts into words.

use serde::Serialize;

use crate::model::{Model, Scope, effort_for, outreach_installs};

/// One reason a scenario cannot be met.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "finding", rename_all = "snake_case")]
pub enum Finding {
    /// Rules ask for more teams of a kind in a district than it may have.
    BoundsConflict {
        district: String,
        kind: String,
        min: u32,
        max: u32,
    },
    /// Rules' minimums on a provincial kind add up to more than its pool.
    PoolMinimums {
        kind: String,
        required: u32,
        available: u32,
    },
    /// A district cannot reach its floor even with every team it may get: its reachable pool
    /// is the limit (`pool_limited`), or the teams it may get (its own, or a rule's maximum).
    FloorPoolLimit {
        district: String,
        /// The district's own floor φ_d.
        floor: f64,
        best_rate: f64,
        teams: Vec<(String, u32)>,
        pool_limited: bool,
        /// The rate the whole reachable pool would give (with unlimited teams).
        pool_rate: f64,
    },
    /// The district floors need more teams of a kind than there are.
    FloorTeamsShort { kind: String, more: u32 },
    /// The provincial target cannot be reached with every team.
    TargetPoolLimit { target: f64, best_rate: f64 },
    /// The provincial target needs more teams of a kind.
    TargetTeamsShort { kind: String, more: u32 },
    /// The budget is too small by this much.
    BudgetShort { more: f64 },
    /// Neither more teams alone nor more budget alone would do: both are needed, this many
    /// teams of one provincial kind and this much budget. `floors`: for the district floors
    /// (else for the provincial target).
    TeamsAndBudgetShort {
        kind: String,
        more: u32,
        budget_more: f64,
        floors: bool,
    },
}

/// Why a scenario is infeasible: the findings, most telling first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnosis {
    pub findings: Vec<Finding>,
}

/// Conflicts in the bounds themselves: a district asked for more than it may have, pools
/// or the budget too small for the rules' minimums.
pub fn structural(model: &Model) -> Vec<Finding> {
    let mut findings = Vec::new();
    for d in &model.districts {
        for (k, b) in d.bounds.iter().enumerate() {
            if b.min > b.max {
                findings.push(Finding::BoundsConflict {
                    district: d.name.clone(),
                    kind: model.kinds[k].name.clone(),
                    min: b.min,
                    max: b.max,
                });
            }
        }
    }
    for (k, kind) in model.kinds.iter().enumerate() {
        if kind.scope == Scope::Provincial {
            let required: u32 = model.districts.iter().map(|d| d.bounds[k].min).sum();
            let available = kind.available.unwrap_or(0);
            if required > available {
                findings.push(Finding::PoolMinimums {
                    kind: kind.name.clone(),
                    required,
                    available,
                });
            }
        }
    }
    if let Some(budget) = model.budget {
        let least: f64 = model
            .districts
            .iter()
            .flat_map(|d| d.bounds.iter().enumerate())
            .map(|(k, b)| model.cost_per_team(k) * f64::from(b.min))
            .sum();
        if least > budget {
            findings.push(Finding::BudgetShort {
                more: least - budget,
            });
        }
    }
    findings
}

/// Each district's own floor φ_d as least effort (0 without one), or the districts whose
/// reachable pool (or whose team bounds) cannot give their floor.
pub fn floor_efforts(model: &Model) -> Result<Vec<f64>, Vec<Finding>> {
    let mut efforts = Vec::with_capacity(model.districts.len());
    let mut findings = Vec::new();
    for (d, district) in model.districts.iter().enumerate() {
        let Some(floor) = district.floor else {
            efforts.push(0.0);
            continue;
        };
        let need = district.floor_installs() - district.base_installed();
        let hi: Vec<u32> = district.bounds.iter().map(|b| b.max).collect();
        let most = model.effort(d, &hi);
        match effort_for(district.pool, need) {
            Some(e) if e <= most + 1e-9 => efforts.push(e),
            Some(e) if more_provincial(model, d, e - most).is_some() => efforts.push(e),
            limit => {
                let best = district.base_installed() + outreach_installs(district.pool, most);
                findings.push(Finding::FloorPoolLimit {
                    district: district.name.clone(),
                    floor,
                    best_rate: best / district.smartphones as f64,
                    teams: model
                        .kinds
                        .iter()
                        .zip(&hi)
                        .filter(|(_, t)| **t > 0)
                        .map(|(k, &t)| (k.name.clone(), t))
                        .collect(),
                    pool_limited: limit.is_none(),
                    pool_rate: (district.base_installed() + district.pool)
                        / district.smartphones as f64,
                });
            }
        }
    }
    if findings.is_empty() {
        Ok(efforts)
    } else {
        Err(findings)
    }
}

/// More teams of a provincial kind whose bound is its whole pool would give `missing` effort
/// in district `d`: that kind and how many.
fn more_provincial(model: &Model, d: usize, missing: f64) -> Option<(usize, u32)> {
    let district = &model.districts[d];
    (0..model.kinds.len())
        .filter(|&k| {
            model.kinds[k].scope == Scope::Provincial
                && district.bounds[k].max == model.kinds[k].available.unwrap_or(0)
        })
        .map(|k| {
            (
                k,
                (missing / model.effort_per_team(d, k) - 1e-9)
                    .ceil()
                    .max(1.0) as u32,
            )
        })
        .min_by_key(|&(_, n)| n)
}

/// Why the floors (as least efforts) cannot all be met with the pools and budget: the fewest
/// extra teams of one provincial kind that would do, or the budget missing.
pub fn floors_short(model: &Model, efforts: &[f64]) -> Vec<Finding> {
    let feasible = |m: &Model| super::most_outreach(m, efforts).is_some();
    short_of(model, &feasible, true)
}

/// What is missing for `feasible` to hold, each finding a fix on its own: the fewest extra
/// teams of one provincial kind (within the budget), and the extra budget (with the teams
/// there are). `floors` picks the finding's wording.
pub fn short_of(model: &Model, feasible: &dyn Fn(&Model) -> bool, floors: bool) -> Vec<Finding> {
    let mut best: Option<(u32, usize)> = None;
    for (k, kind) in model.kinds.iter().enumerate() {
        if kind.scope != Scope::Provincial {
            continue;
        }
        if let Some(more) = smallest_increase(model, k, feasible)
            && best.is_none_or(|(m, _)| more < m)
        {
            best = Some((more, k));
        }
    }
    let mut findings = Vec::new();
    if let Some((more, k)) = best {
        let kind = model.kinds[k].name.clone();
        findings.push(if floors {
            Finding::FloorTeamsShort { kind, more }
        } else {
            Finding::TargetTeamsShort { kind, more }
        });
    }
    if let Some(budget) = model.budget {
        let mut unlimited = model.clone();
        unlimited.budget = None;
        if feasible(&unlimited) {
            findings.push(Finding::BudgetShort {
                more: least_budget(model, feasible) - budget,
            });
        } else if findings.is_empty() {
            // no single fix: the fewest extra teams with an unlimited budget, then the budget
            // those teams need
            let mut both: Option<(u32, usize)> = None;
            for (k, kind) in model.kinds.iter().enumerate() {
                if kind.scope != Scope::Provincial {
                    continue;
                }
                if let Some(more) = smallest_increase(&unlimited, k, feasible)
                    && both.is_none_or(|(m, _)| more < m)
                {
                    both = Some((more, k));
                }
            }
            if let Some((more, k)) = both {
                let with_teams = with_more_teams(model, k, more);
                findings.push(Finding::TeamsAndBudgetShort {
                    kind: model.kinds[k].name.clone(),
                    more,
                    budget_more: least_budget(&with_teams, feasible) - budget,
                    floors,
                });
            }
        }
    }
    findings
}

/// The least budget (within 40 halvings) that makes `feasible` hold for `model`, which must hold
/// with an unlimited budget.
fn least_budget(model: &Model, feasible: &dyn Fn(&Model) -> bool) -> f64 {
    let budget = model.budget.unwrap_or(0.0);
    let with = |b: f64| {
        let mut m = model.clone();
        m.budget = Some(b);
        feasible(&m)
    };
    if with(budget) {
        return budget;
    }
    let (mut lo, mut hi) = (budget, budget.max(1.0) * 2.0);
    while !with(hi) && hi < 1e18 {
        lo = hi;
        hi *= 2.0;
    }
    for _ in 0..40 {
        let mid = 0.5 * (lo + hi);
        if with(mid) { hi = mid } else { lo = mid }
    }
    hi
}

/// `model` with `extra` more teams in the pool of kind `k` (and in every district's bound that
/// was the whole pool).
fn with_more_teams(model: &Model, k: usize, extra: u32) -> Model {
    let available = model.kinds[k].available.unwrap_or(0);
    let mut m = model.clone();
    m.kinds[k].available = Some(available + extra);
    for d in &mut m.districts {
        if d.bounds[k].max == available {
            d.bounds[k].max = available + extra;
        }
    }
    m
}

/// The fewest extra teams in the pool of kind `k` (and in every district's bound of it) that
/// make `feasible` hold, up to 100 000; `None` when even that does not.
fn smallest_increase(model: &Model, k: usize, feasible: &dyn Fn(&Model) -> bool) -> Option<u32> {
    let with = |extra: u32| feasible(&with_more_teams(model, k, extra));
    let mut hi = 1u32;
    while !with(hi) {
        if hi >= 100_000 {
            return None;
        }
        hi *= 2;
    }
    let mut lo = hi / 2; // infeasible (or 0, known infeasible)
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if with(mid) { hi = mid } else { lo = mid }
    }
    Some(hi)
}
