//! One team more or fewer in one district, all else equal, on the exact curve:
//! G(e ± H·m·r) − G(e) (MODEL.md § "Outreach teams and the response curve"), and what stands in
//! the way of it.

use super::compare::{Placed, keep_rate, least_useful};
use super::inputs::{BoundSource, Inputs};
use crate::model::{Allocation, Model, Objective, Scope, outreach_installs};
use crate::solve::tolerance::budget_limit;
use crate::solve::{INSTALLS_TOLERANCE, Status};

/// One team more or fewer of one kind in the district.
#[derive(Debug, Clone, PartialEq)]
pub struct Margin {
    pub kind: usize,
    /// t_{d,k} in the plan.
    pub teams: u32,
    /// H · m_{d,k} · r_k
    pub effort_per_team: f64,
    /// H · c_k
    pub cost_per_team: f64,
    /// G(e + H·m·r) − G(e)
    pub one_more: f64,
    /// Why one more is not possible (empty when it is).
    pub more_blocked: Vec<Blocker>,
    /// G(e) − G(e − H·m·r); `None` when the district has no team of the kind.
    pub one_fewer: Option<f64>,
    /// Why one fewer is not possible (empty when it is).
    pub fewer_blocked: Vec<Blocker>,
    /// For a provincial kind: the team elsewhere whose loss costs the fewest installs, where
    /// one more here would have to come from when the pool is all assigned.
    pub from_elsewhere: Option<Placed>,
}

/// What stands in the way of one team more or fewer.
#[derive(Debug, Clone, PartialEq)]
pub enum Blocker {
    /// Every team of this local kind stationed in the district is in the plan.
    LocalTeamsAllUsed { stationed: u32 },
    /// A rule's `max_teams`.
    RuleMax { rule: String, max: u32 },
    /// Every team of the provincial pool is assigned to some district.
    PoolAllAssigned { available: u32 },
    /// The budget has less left than one team costs.
    Budget { left: f64 },
    /// The district has no team of this kind.
    NoTeam,
    /// A rule's `min_teams` (`rule` is `None` only if the trace does not name it).
    RuleMin { rule: Option<String>, min: u32 },
    /// The district would fall below its floor.
    Floor { floor: f64, rate_after: f64 },
    /// `min-cost`: the province would fall below its target.
    Target { target: f64, rate_after: f64 },
}

/// Teams of kind `k` assigned across the province.
pub fn assigned(teams: &Allocation, k: usize) -> u32 {
    teams.iter().map(|row| row[k]).sum()
}

/// Installs one more team of kind `k` brings in district `d` with `teams`.
pub fn gain(model: &Model, teams: &Allocation, d: usize, k: usize) -> f64 {
    let pool = model.districts[d].pool;
    let e = model.effort(d, &teams[d]);
    outreach_installs(pool, e + model.effort_per_team(d, k)) - outreach_installs(pool, e)
}

/// Installs lost with one team fewer of kind `k` in district `d` (`None` without a team).
pub fn loss(model: &Model, teams: &Allocation, d: usize, k: usize) -> Option<f64> {
    if teams[d][k] == 0 {
        return None;
    }
    let pool = model.districts[d].pool;
    let e = model.effort(d, &teams[d]);
    let fewer = (e - model.effort_per_team(d, k)).max(0.0);
    Some(outreach_installs(pool, e) - outreach_installs(pool, fewer))
}

/// Whether district `d` may lose one team of kind `k`: it has one above its minimum and, for
/// a plan that meets the scenario, keeps its floor.
pub fn removable(model: &Model, teams: &Allocation, status: Status, d: usize, k: usize) -> bool {
    let row = &teams[d];
    if row[k] == 0 || row[k] <= model.districts[d].bounds[k].min {
        return false;
    }
    status == Status::Infeasible || floor_after_removal(model, teams, d, k).is_none()
}

/// The floor district `d` would fall below with one team fewer of kind `k`, and its rate then.
fn floor_after_removal(
    model: &Model,
    teams: &Allocation,
    d: usize,
    k: usize,
) -> Option<(f64, f64)> {
    let district = &model.districts[d];
    let floor = district.floor?;
    let after = model.projected_installed(d, &teams[d]) - loss(model, teams, d, k)?;
    (after < district.floor_installs() - INSTALLS_TOLERANCE)
        .then(|| (floor, after / district.smartphones as f64))
}

/// What the budget has left (infinite without a budget).
pub fn budget_left(model: &Model, teams: &Allocation) -> f64 {
    model
        .budget
        .map_or(f64::INFINITY, |b| b - model.cost(teams))
}

/// Whether one more team of kind `k` fits what the budget has left (always, without a budget
/// or for a free kind).
pub fn affordable(model: &Model, teams: &Allocation, k: usize) -> bool {
    let cost = model.cost_per_team(k);
    match model.budget {
        Some(budget) if cost > 0.0 => model.cost(teams) + cost <= budget_limit(budget),
        _ => true,
    }
}

/// The figures of one more and one fewer team of kind `k` in district `d`.
pub fn of(
    model: &Model,
    teams: &Allocation,
    status: Status,
    inputs: &Inputs,
    d: usize,
    k: usize,
) -> Margin {
    let kind = &model.kinds[k];
    let row = &teams[d];
    let bounds = &inputs.bounds[k];
    let cost = model.cost_per_team(k);

    let mut more_blocked = Vec::new();
    if row[k] >= bounds.max {
        match &bounds.max_source {
            BoundSource::Rule(rule) => more_blocked.push(Blocker::RuleMax {
                rule: rule.clone(),
                max: bounds.max,
            }),
            BoundSource::LocalTeams => more_blocked.push(Blocker::LocalTeamsAllUsed {
                stationed: bounds.max,
            }),
            // the pool's own size: said by `PoolAllAssigned` below
            BoundSource::ProvincialPool => {}
        }
    }
    if kind.scope == Scope::Provincial {
        let available = kind.available.unwrap_or(0);
        if assigned(teams, k) >= available {
            more_blocked.push(Blocker::PoolAllAssigned { available });
        }
    }
    if !affordable(model, teams, k) {
        more_blocked.push(Blocker::Budget {
            left: budget_left(model, teams),
        });
    }

    let one_fewer = loss(model, teams, d, k);
    let mut fewer_blocked = Vec::new();
    if row[k] == 0 {
        fewer_blocked.push(Blocker::NoTeam);
    } else {
        if row[k] <= bounds.min {
            fewer_blocked.push(Blocker::RuleMin {
                rule: bounds.min_rule.clone(),
                min: bounds.min,
            });
        }
        // A plan that cannot meet the scenario has dropped its floors and target.
        if status.meets_scenario() {
            if let Some((floor, rate_after)) = floor_after_removal(model, teams, d, k) {
                fewer_blocked.push(Blocker::Floor { floor, rate_after });
            }
            if model.objective == Objective::MinCost {
                let smartphones = model.total_smartphones() as f64;
                let province: f64 = (0..model.districts.len())
                    .map(|i| model.projected_installed(i, &teams[i]))
                    .sum();
                let after = province - one_fewer.unwrap_or(0.0);
                if after < model.target_rate * smartphones - INSTALLS_TOLERANCE {
                    fewer_blocked.push(Blocker::Target {
                        target: model.target_rate,
                        rate_after: after / smartphones,
                    });
                }
            }
        }
    }

    Margin {
        kind: k,
        teams: row[k],
        effort_per_team: model.effort_per_team(d, k),
        cost_per_team: cost,
        one_more: gain(model, teams, d, k),
        more_blocked,
        one_fewer,
        fewer_blocked,
        from_elsewhere: match kind.scope {
            Scope::Provincial => {
                least_useful(model, teams, status, d, k, keep_rate(model, teams, status))
            }
            Scope::Local => None,
        },
    }
}
