//! `max-min-rate`: the highest rate z that every district can reach at once, by bisection on
//! z. At each z every district needs a least effort; the plan with the most installs under
//! those least efforts either exists (z is reached) or its dual falls below zero (z is proven
//! out of reach). The plan kept places every team left for the most installs.

use super::max_installs::{self, Short};
use super::problem::Problem;
use super::tolerance::{EFFORT_TOLERANCE, RATE_GAP_TOLERANCE};
use crate::model::{Allocation, Model, effort_for, outreach_installs};

/// Bisection stops when the rate reached and the rate tried out of reach are this close: a
/// quarter of the tolerance at national scale, finer where each step is quick.
fn resolution(districts: usize) -> f64 {
    if districts <= FINE_UP_TO {
        FINE_RESOLUTION
    } else {
        RATE_GAP_TOLERANCE / 4.0
    }
}

/// At national scale bisection also stops once the rate reached is proven within half the
/// tolerance: the steps nearest the optimum are the slow ones (at 700 communes, 20–35 ms each
/// where the first steps take 2 ms).
fn proven_enough(districts: usize, gap: f64) -> bool {
    districts >= NATIONAL && gap <= RATE_GAP_TOLERANCE / 2.0
}

/// Districts from which a scenario is national in scale for [`proven_enough`]: a province's
/// communes (200) still get the finer resolution, at a few milliseconds.
const NATIONAL: usize = 500;

/// Districts up to which the bisection goes to [`FINE_RESOLUTION`].
const FINE_UP_TO: usize = 100;
/// The bisection's resolution on small scenarios: a millionth of the rate.
const FINE_RESOLUTION: f64 = 1e-6;
/// Evaluations of the dual spent proving a rate out of reach.
const PROOF_EVALUATIONS: usize = 200;
/// Bisection steps at most.
const STEPS: usize = 40;

pub struct Found {
    pub teams: Allocation,
    /// The lowest district rate of `teams`.
    pub min_rate: f64,
    /// A rate no plan can give every district.
    pub bound: f64,
}

/// Least efforts for every district to reach rate `z` (and its own floor `floor_effort`), or
/// `None` when some district's reachable pool cannot give z.
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

/// The lowest district rate of an allocation.
pub fn lowest_rate(model: &Model, teams: &Allocation) -> f64 {
    (0..model.districts.len())
        .map(|d| model.projected_installed(d, &teams[d]) / model.districts[d].smartphones as f64)
        .fold(f64::INFINITY, f64::min)
}

/// The best rate each district could reach on its own, with every team its bounds allow.
fn rate_alone(model: &Model, d: usize) -> f64 {
    let district = &model.districts[d];
    let hi: Vec<u32> = district.bounds.iter().map(|b| b.max).collect();
    (district.base_installed() + outreach_installs(district.pool, model.effort(d, &hi)))
        / district.smartphones as f64
}

/// Maximises the lowest rate, starting from `start` (a plan that keeps every constraint, from
/// `max-installs` under the districts' own floors).
pub fn solve(model: &Model, floor_effort: &[f64], start: max_installs::Found) -> Found {
    let mut best = start.teams;
    let mut lo = lowest_rate(model, &best);
    let mut hi = (0..model.districts.len())
        .map(|d| rate_alone(model, d))
        .fold(f64::INFINITY, f64::min);
    let mut bound = hi;
    let mut warm = max_installs::Warm::new(start.multipliers);
    // the rate whose least efforts `best` was found under (`None`: the start, already polished)
    let mut best_at: Option<f64> = None;
    for _ in 0..STEPS {
        if hi - lo <= resolution(model.districts.len())
            || proven_enough(model.districts.len(), bound - lo)
        {
            break;
        }
        let mid = if hi.is_finite() {
            0.5 * (lo + hi)
        } else {
            lo + 0.01
        };
        let Some(least) = efforts_for_rate(model, mid, floor_effort) else {
            hi = mid;
            bound = mid;
            continue;
        };
        let p = Problem::new(model, least);
        let outcome = match max_installs::feasible(&p, &mut warm) {
            // a small instance is searched through: found, or proven out of reach
            Err(Short::Unproven) => {
                match super::exact::optimum(&p, &super::exact::Goal::Installs) {
                    Some(Some(teams)) => Ok(max_installs::Found {
                        value: p.outreach(&teams),
                        bound: f64::INFINITY,
                        teams,
                        multipliers: warm.prices.clone(),
                    }),
                    Some(None) => Err(Short::Proven),
                    None => Err(Short::Unproven),
                }
            }
            other => other,
        };
        match outcome {
            Ok(found) => {
                lo = lowest_rate(model, &found.teams).max(mid);
                best = found.teams;
                best_at = Some(mid);
            }
            Err(Short::Proven) => {
                hi = mid;
                bound = mid;
            }
            // neither found nor proven: rates just below are as hard, and the proven gap
            // already within the tolerance is not worth them
            Err(Short::Unproven)
                if model.districts.len() >= NATIONAL && bound - lo <= RATE_GAP_TOLERANCE =>
            {
                break;
            }
            Err(Short::Unproven) => hi = mid,
        }
    }
    // Bisection moved `hi` below rates it could not prove out of reach: prove one within the
    // tolerance of the rate found, the nearest first.
    for share in [0.9, 0.5, 0.25] {
        let z = lo + share * (bound - lo).min(RATE_GAP_TOLERANCE);
        if bound - lo <= RATE_GAP_TOLERANCE || z >= bound {
            break;
        }
        let proven = match efforts_for_rate(model, z, floor_effort) {
            None => true,
            Some(least) => max_installs::proven_short(
                &Problem::new(model, least),
                &warm.prices,
                PROOF_EVALUATIONS,
            ),
        };
        if proven {
            bound = z;
        } else {
            break;
        }
    }
    // The teams left over, placed for the most installs (bisection only looked for a plan)
    // (under least efforts for the lowest rate the plan has, so that polishing keeps it)
    if best_at.is_some()
        && let Some(least) = efforts_for_rate(model, lowest_rate(model, &best), floor_effort)
    {
        let p = Problem::new(model, least);
        if (0..p.districts).all(|d| p.effort(d, &best[d]) >= p.least[d] - EFFORT_TOLERANCE) {
            best = max_installs::polish(&p, best, &warm.prices);
        }
    }
    let min_rate = lowest_rate(model, &best);
    Found {
        teams: best,
        min_rate,
        bound: bound.max(min_rate),
    }
}
