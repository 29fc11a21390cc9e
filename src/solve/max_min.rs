//! `max-min-rate`: the highest rate z that every district can reach at once (bisection on z,
//! each step a covering problem), then the teams left over placed for the most installs.

use super::cover::{Cover, cover};
use super::max_installs;
use crate::model::{Allocation, Model, effort_for, outreach_installs};

/// Bisection steps on z (2^-50 of the range: far below the 0.001 MODEL.md asks).
const STEPS: usize = 50;

pub struct Found {
    pub teams: Allocation,
    /// The lowest district rate of `teams`.
    pub min_rate: f64,
    /// A rate no plan can give every district.
    pub bound: f64,
}

/// Least efforts for every district to reach rate `z` (and its floor), or `None` when some
/// district's reachable pool cannot give z.
pub fn efforts_for_rate(model: &Model, z: f64, floor_effort: &[f64]) -> Option<Vec<f64>> {
    model
        .districts
        .iter()
        .zip(floor_effort)
        .map(|(d, &floor)| {
            let need = z * d.smartphones as f64 - d.base_installed();
            effort_for(d.pool, need).map(|e| e.max(floor))
        })
        .collect()
}

/// The best rate each district could reach on its own, with every team its bounds allow.
fn rate_alone(model: &Model, d: usize) -> f64 {
    let district = &model.districts[d];
    let hi: Vec<u32> = district.bounds.iter().map(|b| b.max).collect();
    (district.base_installed() + outreach_installs(district.pool, model.effort(d, &hi)))
        / district.smartphones as f64
}

pub fn solve(model: &Model, floor_effort: &[f64], start: Allocation) -> Option<Found> {
    let mut lo = model
        .districts
        .iter()
        .map(|d| d.base_installed() / d.smartphones as f64)
        .fold(f64::INFINITY, f64::min);
    let mut hi = (0..model.districts.len())
        .map(|d| rate_alone(model, d))
        .fold(f64::INFINITY, f64::min);
    let mut bound = hi;
    let mut best = start;
    if let Some(efforts) = efforts_for_rate(model, hi, floor_effort)
        && let Cover::Feasible(teams) = cover(model, &efforts)
    {
        lo = hi;
        best = teams;
    }
    for _ in 0..STEPS {
        if hi - lo <= 1e-12 {
            break;
        }
        let mid = 0.5 * (lo + hi);
        match efforts_for_rate(model, mid, floor_effort).map(|e| cover(model, &e)) {
            Some(Cover::Feasible(teams)) => {
                lo = mid;
                best = teams;
            }
            Some(Cover::Infeasible { proven: false }) => hi = mid,
            None | Some(Cover::Infeasible { proven: true }) => {
                hi = mid;
                bound = mid;
            }
        }
    }
    // Keep every district at the rate found; place what is left for the most installs.
    let efforts = efforts_for_rate(model, lo, floor_effort)?;
    let placed = max_installs::solve(model, &efforts, Some(&best))?;
    let min_rate = (0..model.districts.len())
        .map(|d| {
            model.projected_installed(d, &placed.teams[d]) / model.districts[d].smartphones as f64
        })
        .fold(f64::INFINITY, f64::min);
    Some(Found {
        teams: placed.teams,
        min_rate,
        bound: bound.max(min_rate),
    })
}
