//! One team more or fewer in a district, all else equal: the installs it brings or costs,
//! whether the district may give one, and the district elsewhere whose team is least useful.
//! What `margin.rs` and `compare.rs` both ask, on the exact curve at the plan's allocation.

use crate::model::{Allocation, Model, Objective, outreach_installs};
use crate::solve::tolerance::budget_limit;
use crate::solve::{INSTALLS_TOLERANCE, Status};

/// Rates closer than this count as equal (the lowest district, ties).
pub const RATE_TIE: f64 = 1e-12;

/// A team in another district.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub district: usize,
    pub name: String,
    /// Its teams of the kind in the plan.
    pub teams: u32,
    /// The installs that team brings there (one fewer) or would bring (one more).
    pub installs: f64,
}

/// District `d`'s projected rate with `teams`.
pub fn rate(model: &Model, teams: &Allocation, d: usize) -> f64 {
    model.projected_installed(d, &teams[d]) / model.districts[d].smartphones as f64
}

/// District `d` as the place of a team of kind `k` that brings (or costs) `installs`.
pub fn placed(model: &Model, teams: &Allocation, d: usize, k: usize, installs: f64) -> Placed {
    Placed {
        district: d,
        name: model.districts[d].name.clone(),
        teams: teams[d][k],
        installs,
    }
}

/// The installs district `i` loses with one team fewer of kind `k`, when it may give one: above
/// its minimum, keeping its floor, and (with `keep_rate`) keeping at least that rate.
pub fn may_give(
    model: &Model,
    teams: &Allocation,
    status: Status,
    i: usize,
    k: usize,
    keep_rate: Option<f64>,
) -> Option<f64> {
    if !removable(model, teams, status, i, k) {
        return None;
    }
    let lost = loss(model, teams, i, k)?;
    let after =
        (model.projected_installed(i, &teams[i]) - lost) / model.districts[i].smartphones as f64;
    match keep_rate {
        Some(keep) if after < keep - RATE_TIE => None,
        _ => Some(lost),
    }
}

/// The team of kind `k` outside district `d` whose loss costs the fewest installs, among the
/// districts that may give one (the first in scenario order on a tie).
pub fn least_useful(
    model: &Model,
    teams: &Allocation,
    status: Status,
    d: usize,
    k: usize,
    keep_rate: Option<f64>,
) -> Option<Placed> {
    let mut best: Option<Placed> = None;
    for i in (0..model.districts.len()).filter(|&i| i != d) {
        if let Some(lost) = may_give(model, teams, status, i, k, keep_rate)
            && best.as_ref().is_none_or(|p| lost < p.installs)
        {
            best = Some(placed(model, teams, i, k, lost));
        }
    }
    best
}

/// The rate a team may not take a district below: the plan's lowest rate under `max-min-rate`
/// (a plan that meets the scenario), none otherwise.
pub fn keep_rate(model: &Model, teams: &Allocation, status: Status) -> Option<f64> {
    (status.meets_scenario() && model.objective == Objective::MaxMinRate).then(|| {
        (0..model.districts.len())
            .map(|i| rate(model, teams, i))
            .fold(f64::INFINITY, f64::min)
    })
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
pub fn floor_after_removal(
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

/// Whether one more team of kind `k` fits what the budget has left (always, without a budget
/// or for a free kind).
pub fn affordable(model: &Model, teams: &Allocation, k: usize) -> bool {
    let cost = model.cost_per_team(k);
    match model.budget {
        Some(budget) if cost > 0.0 => model.cost(teams) + cost <= budget_limit(budget),
        _ => true,
    }
}
