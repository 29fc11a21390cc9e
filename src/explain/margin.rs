//! One team more or fewer in one district, all else equal, on the exact curve:
//! G(e ± H·m·r) − G(e) (MODEL.md § "Outreach teams and the response curve"), and what stands in
//! the way of it.

use super::inputs::{BoundSource, Inputs, KindBounds};
use super::team::{
    Placed, affordable, assigned, floor_after_removal, gain, keep_rate, least_useful, loss,
};
use crate::model::{Allocation, Model, Objective, Scope};
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

/// What the budget has left (infinite without a budget).
pub fn budget_left(model: &Model, teams: &Allocation) -> f64 {
    model
        .budget
        .map_or(f64::INFINITY, |b| b - model.cost(teams))
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
    let cost = model.cost_per_team(k);
    let more_blocked = more_blocked(model, teams, &inputs.bounds[k], d, k);
    let one_fewer = loss(model, teams, d, k);
    let fewer_blocked = fewer_blocked(model, teams, status, &inputs.bounds[k], one_fewer, d, k);

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

/// What stops one more team of kind `k` coming to district `d`: a rule's maximum or the
/// district's own teams all used, the province's pool all assigned, the budget.
fn more_blocked(
    model: &Model,
    teams: &Allocation,
    bounds: &KindBounds,
    d: usize,
    k: usize,
) -> Vec<Blocker> {
    let kind = &model.kinds[k];
    let mut blocked = Vec::new();
    if teams[d][k] >= bounds.max {
        match &bounds.max_source {
            BoundSource::Rule(rule) => blocked.push(Blocker::RuleMax {
                rule: rule.clone(),
                max: bounds.max,
            }),
            BoundSource::LocalTeams => blocked.push(Blocker::LocalTeamsAllUsed {
                stationed: bounds.max,
            }),
            // the pool's own size: said by `PoolAllAssigned` below
            BoundSource::ProvincialPool => {}
        }
    }
    if kind.scope == Scope::Provincial {
        let available = kind.available.unwrap_or(0);
        if assigned(teams, k) >= available {
            blocked.push(Blocker::PoolAllAssigned { available });
        }
    }
    if !affordable(model, teams, k) {
        blocked.push(Blocker::Budget {
            left: budget_left(model, teams),
        });
    }
    blocked
}

/// What stops district `d` giving up one team of kind `k` (which would lose `one_fewer`
/// installs): it has none, a rule's minimum, its floor, or (for `min-cost`) the target.
fn fewer_blocked(
    model: &Model,
    teams: &Allocation,
    status: Status,
    bounds: &KindBounds,
    one_fewer: Option<f64>,
    d: usize,
    k: usize,
) -> Vec<Blocker> {
    let row = &teams[d];
    if row[k] == 0 {
        return vec![Blocker::NoTeam];
    }
    let mut blocked = Vec::new();
    if row[k] <= bounds.min {
        blocked.push(Blocker::RuleMin {
            rule: bounds.min_rule.clone(),
            min: bounds.min,
        });
    }
    // A plan that cannot meet the scenario has dropped its floors and target.
    if !status.meets_scenario() {
        return blocked;
    }
    if let Some((floor, rate_after)) = floor_after_removal(model, teams, d, k) {
        blocked.push(Blocker::Floor { floor, rate_after });
    }
    if model.objective == Objective::MinCost {
        let smartphones = model.total_smartphones() as f64;
        let province: f64 = (0..model.districts.len())
            .map(|i| model.projected_installed(i, &teams[i]))
            .sum();
        let after = province - one_fewer.unwrap_or(0.0);
        if after < model.target_rate * smartphones - INSTALLS_TOLERANCE {
            blocked.push(Blocker::Target {
                target: model.target_rate,
                rate_after: after / smartphones,
            });
        }
    }
    blocked
}
