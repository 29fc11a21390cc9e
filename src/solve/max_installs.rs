//! `max-installs` (and any plan with least efforts per district): prices on the pools and the
//! budget by the bundle method, each district's exact answer at those prices, then repair,
//! fill and exchanges on the exact curve.

use super::cover::{self, Cover};
use super::improve::{Moves, clip_saturated, exchange, exchange_until, fill, repair};
use super::lagrangian::{Lagrangian, Priced};
use super::problem::Problem;
use super::state::State;
use super::tolerance::{GAP_TOLERANCE, PROOF_MARGIN};
use crate::model::Allocation;

/// The Lagrangian of the most installs: one install is worth 1, teams nothing beyond their rows.
fn installs<'a, 'b>(p: &'a Problem<'b>) -> Lagrangian<'a, 'b> {
    Lagrangian {
        p,
        install_value: 1.0,
        weight: vec![0.0; p.kinds],
        need: None,
    }
}

/// The size of the installs objective that sets the multipliers' scale: the whole pool.
fn pool_scale(p: &Problem) -> f64 {
    p.pool.iter().sum::<f64>().max(1.0)
}

/// Evaluations of the dual at most (each is one exact subproblem per district).
const EVALUATIONS: usize = 80;

/// The best allocation found and what is proven about it.
pub struct Found {
    pub teams: Allocation,
    /// Σ_d G_d of `teams`.
    pub value: f64,
    /// An upper bound on Σ_d G_d of any plan.
    pub bound: f64,
    /// The multipliers (a warm start for a similar problem).
    pub multipliers: Vec<f64>,
}

/// Why no plan was found.
pub enum Short {
    /// The least efforts cannot all be met: proven (the dual fell below zero, or a district
    /// cannot reach its own on its bounds).
    Proven,
    /// No plan found, but none proven impossible either.
    Unproven,
}

/// Maximises Σ_d G_d within bounds, pools, budget and each district's least effort
/// (`p.least`), warm-started at multipliers `start` when given.
pub fn solve(p: &Problem, start: Option<&[f64]>) -> Result<Found, Short> {
    let lag = installs(p);
    let scale = pool_scale(p);
    // Any plan has Σ G ≥ 0: a dual value below zero proves the least efforts impossible.
    let floors = p.least.iter().any(|&e| e > 0.0);
    let enough = if floors {
        -PROOF_MARGIN * scale
    } else {
        f64::NEG_INFINITY
    };
    let priced = lag
        .minimise(start, scale, enough, EVALUATIONS)
        .ok_or(Short::Proven)?;
    if priced.bound < -PROOF_MARGIN * scale {
        return Err(Short::Proven);
    }
    let teams = match improve(p, &lag, &priced, Aim::Most, 0..NUDGES.len()) {
        Some((teams, _)) => teams,
        None => covered(p, &priced.multipliers, cover::Way::Cheapest)?,
    };
    let value = p.outreach(&teams);
    Ok(Found {
        teams,
        value,
        bound: priced.bound.max(value),
        multipliers: priced.multipliers,
    })
}

/// Whether some plan reaches `need` outreach installs: `Met` with a plan found, `Short` when
/// the dual proves none does (it stops as soon as it falls below `need`), else `Unknown`.
/// Starts at `warm` and returns the multipliers it ended at, for the next similar question.
pub fn reaches(p: &Problem, need: f64, warm: Option<&[f64]>) -> (super::Verdict, Vec<f64>) {
    verdict(p, need - super::tolerance::INSTALLS_TOLERANCE, warm, true)
}

/// Whether some plan meets the least efforts `p.least` within the rows: `Met` with a plan
/// found, `Short` when the dual falls below zero, else `Unknown` (the caller settles that with
/// the floors' cheapest plan, which does not change with the budget); as [`reaches`], from
/// `warm`.
pub fn meets_least(p: &Problem, warm: Option<&[f64]>) -> (super::Verdict, Vec<f64>) {
    verdict(p, -PROOF_MARGIN * pool_scale(p), warm, false)
}

/// Whether some plan has outreach of at least `short`: [`reaches`] and [`meets_least`]; with
/// `cover`, where no plan is found, the quick table over the pools is tried.
fn verdict(
    p: &Problem,
    short: f64,
    warm: Option<&[f64]>,
    cover: bool,
) -> (super::Verdict, Vec<f64>) {
    use super::Verdict;
    let lag = installs(p);
    let scale = pool_scale(p);
    // At the warm prices first (the questions asked in turn are alike): their value below the
    // need is a proof, and their answers repaired often reach it; the dual search only where
    // neither settles it (a plan far from the edge is found in one evaluation, not eighty).
    if let Some(y) = warm {
        let mut teams = p.lower();
        if let Some((value, _)) = lag.evaluate(y, &mut teams) {
            if value < short {
                return (Verdict::Short, y.to_vec());
            }
            let at_warm = Priced {
                multipliers: y.to_vec(),
                bound: value,
                teams,
            };
            if let Some((teams, _)) = improve(p, &lag, &at_warm, Aim::Reach(short), 0..1)
                && p.outreach(&teams) >= short
            {
                return (Verdict::Met, y.to_vec());
            }
        }
    }
    let Some(priced) = lag.minimise(warm, scale, short, EVALUATIONS) else {
        return (Verdict::Short, warm.map_or_else(Vec::new, <[f64]>::to_vec));
    };
    if priced.bound < short {
        return (Verdict::Short, priced.multipliers);
    }
    let verdict = match improve(p, &lag, &priced, Aim::Reach(short), 0..NUDGES.len()) {
        Some((teams, _)) if p.outreach(&teams) >= short => Verdict::Met,
        Some(_) => Verdict::Unknown,
        // no plan found: where the least efforts use up a pool, settled exactly if small enough
        None if cover => match covered(p, &priced.multipliers, cover::Way::Quick) {
            Ok(teams) if p.outreach(&teams) >= short => Verdict::Met,
            Err(Short::Proven) => Verdict::Short,
            _ => Verdict::Unknown,
        },
        None => Verdict::Unknown,
    };
    (verdict, priced.multipliers)
}

/// Whether the least efforts `p.least` are proven impossible within the rows: the dual falls
/// below zero (any plan has Σ G ≥ 0). Used to prove `max-min-rate`'s bound.
pub fn proven_short(p: &Problem, warm: &[f64], evaluations: usize) -> bool {
    let lag = installs(p);
    let scale = pool_scale(p);
    match lag.minimise(Some(warm), scale, -PROOF_MARGIN * scale, evaluations) {
        None => true,
        Some(priced) => priced.bound < -PROOF_MARGIN * scale,
    }
}

/// What one question of a sequence of similar ones (`max-min-rate`'s bisection) leaves for the
/// next: prices, the raise that repaired, and the prices that last proved a question out of reach.
pub struct Warm {
    /// The multipliers of the last plan found.
    pub prices: Vec<f64>,
    /// The raise ([`NUDGES`]) that repaired last: similar problems need similar raises.
    nudge: usize,
    /// Multipliers at which the dual last fell below zero: along them, least efforts a little
    /// lower are usually out of reach too.
    ray: Option<Vec<f64>>,
}

impl Warm {
    pub fn new(prices: Vec<f64>) -> Warm {
        Warm {
            prices,
            nudge: 0,
            ray: None,
        }
    }

    /// The plan `teams`, repaired from the answers at `priced` with raise `nudge`, kept as
    /// the start of the next question.
    fn found(&mut self, p: &Problem, teams: Allocation, priced: Priced, nudge: usize) -> Found {
        let value = p.outreach(&teams);
        self.prices.clone_from(&priced.multipliers);
        self.nudge = nudge;
        Found {
            teams,
            value,
            bound: priced.bound.max(value),
            multipliers: priced.multipliers,
        }
    }
}

/// A plan within the rows and least efforts, or a proof that there is none, for one question
/// of a sequence (`max-min-rate`'s bisection), cheapest try first: the dual along the last
/// proof's and the warm prices (a proof in a few evaluations), a repair of the districts' answers
/// at the warm prices with the raise that worked last, a short dual search for a proof, larger
/// raises, and last the whole dual search. `warm` is left for the next question.
pub fn feasible(p: &Problem, warm: &mut Warm) -> Result<Found, Short> {
    let lag = installs(p);
    let scale = pool_scale(p);
    let short = -PROOF_MARGIN * scale;
    let mut teams = p.lower();
    let (value, _) = lag
        .evaluate(&warm.prices, &mut teams)
        .ok_or(Short::Proven)?;
    // Least efforts beyond the rows show along the last proof and the warm prices scaled up:
    // the dual then falls below zero at once, a proof without a search.
    let along = |y: &[f64], factors: &[f64]| -> Option<Vec<f64>> {
        if !y.iter().any(|&v| v > 0.0) {
            return None;
        }
        factors.iter().find_map(|factor| {
            let y: Vec<f64> = y.iter().map(|v| v * factor).collect();
            let mut scratch = p.lower();
            lag.evaluate(&y, &mut scratch)
                .is_some_and(|(v, _)| v < short)
                .then_some(y)
        })
    };
    let proof = warm
        .ray
        .as_deref()
        .and_then(|ray| along(ray, &RAY_SCALES))
        .or_else(|| along(&warm.prices, &PROOF_SCALES));
    if let Some(y) = proof {
        warm.ray = Some(y);
        return Err(Short::Proven);
    }
    let priced = Priced {
        multipliers: warm.prices.clone(),
        bound: value,
        teams,
    };
    // the raise that worked last time, at the warm prices
    let nudge = warm.nudge;
    if let Some((teams, at)) = improve(p, &lag, &priced, Aim::Rows, nudge..nudge + 1) {
        return Ok(warm.found(p, teams, priced, at));
    }
    // a short dual search from the last proof: out of reach shows within a few evaluations
    let start = warm.ray.clone().unwrap_or_else(|| warm.prices.clone());
    let Some(searched) = lag.minimise(Some(&start), scale, short, PROOF_EVALUATIONS) else {
        return Err(Short::Proven);
    };
    if searched.bound < short {
        warm.ray = Some(searched.multipliers);
        return Err(Short::Proven);
    }
    // larger raises at the warm prices, then the whole dual search and every raise
    if let Some((teams, at)) = improve(p, &lag, &priced, Aim::Rows, nudge + 1..NUDGES.len()) {
        return Ok(warm.found(p, teams, priced, at));
    }
    let Some(priced) = lag.minimise(Some(&searched.multipliers), scale, short, EVALUATIONS) else {
        return Err(Short::Proven);
    };
    if priced.bound < short {
        warm.ray = Some(priced.multipliers);
        return Err(Short::Proven);
    }
    if let Some((teams, at)) = improve(p, &lag, &priced, Aim::Rows, 0..NUDGES.len()) {
        return Ok(warm.found(p, teams, priced, at));
    }
    // last, each district's cheapest way to its least effort at those prices and at the
    // last proof's, no installs beyond: they over-use the rows least
    let least = Lagrangian {
        p,
        install_value: 0.0,
        weight: vec![0.0; p.kinds],
        need: None,
    };
    for y in [Some(priced.multipliers.clone()), warm.ray.clone()]
        .into_iter()
        .flatten()
    {
        let mut teams = p.lower();
        if least.evaluate(&y, &mut teams).is_none() {
            continue;
        }
        let at_least = Priced {
            multipliers: y,
            bound: priced.bound,
            teams,
        };
        if let Some((teams, _)) = improve(p, &least, &at_least, Aim::Rows, 0..1) {
            return Ok(warm.found(p, teams, priced, warm.nudge));
        }
    }
    // where the least efforts use up a pool, settled exactly if small enough
    let teams = covered(p, &priced.multipliers, cover::Way::Quick)?;
    Ok(warm.found(p, teams, priced, warm.nudge))
}

/// Where the repair found no plan: the cheapest plan that meets the least efforts, settled
/// exactly where the instance is small enough ([`cover`]), then filled and exchanged for the
/// most installs at prices `y`; `way` says how far the search goes. `Proven` when it shows no
/// plan exists.
fn covered(p: &Problem, y: &[f64], way: cover::Way) -> Result<Allocation, Short> {
    match cover::cheapest(p, way) {
        Some(Cover::Plan { teams, .. }) => Ok(polish(p, teams, y)),
        Some(Cover::Impossible) => Err(Short::Proven),
        None => Err(Short::Unproven),
    }
}

/// Evaluations of the dual's short search for a proof in [`feasible`].
const PROOF_EVALUATIONS: usize = 12;

/// Factors on warm prices tried for a quick proof that least efforts are out of reach.
const PROOF_SCALES: [f64; 3] = [2.0, 8.0, 32.0];

/// Factors on the last proof's multipliers tried first.
const RAY_SCALES: [f64; 3] = [1.0, 2.0, 8.0];

/// Fill and exchanges on a plan that keeps the rows and least efforts, at prices `y`.
pub fn polish(p: &Problem, teams: Allocation, y: &[f64]) -> Allocation {
    let lag = installs(p);
    let (_, price) = lag.prices(y);
    let mut s = State::new(p, teams);
    let mut moves = Moves::new(&s);
    fill(&mut s, &mut moves, &price);
    exchange(&mut s, &mut moves, &price);
    s.teams
}

/// Raises on the multipliers of the rows still over after a repair: the districts' answers at
/// slightly higher prices use less of them (ties at the dual optimum go either way). The
/// first, zero, repairs the answers at the prices themselves.
const NUDGES: [f64; 6] = [0.0, 1e-4, 1e-3, 1e-2, 0.05, 0.2];

/// What [`improve`] is after.
#[derive(Clone, Copy)]
enum Aim {
    /// The first plan that keeps the rows.
    Rows,
    /// The most installs: the best plan over the raises, stopping once one is within a
    /// quarter of the tolerance of the bound.
    Most,
    /// A plan with at least these outreach installs (else the most).
    Reach(f64),
}

/// From the districts' answers at the prices to a plan that keeps every row, improved by
/// one-team moves as `aim` asks; `None` when the rows cannot be met from there. The raises
/// `NUDGES[tries]` are tried in turn; the one that gave the plan is returned with it. The
/// answers at the dual's optimum can over-use a row far more than its plan needs (districts
/// tied at those prices all take the dearer answer): a raise breaks the tie the other way.
fn improve(
    p: &Problem,
    lag: &Lagrangian,
    priced: &Priced,
    aim: Aim,
    tries: std::ops::Range<usize>,
) -> Option<(Allocation, usize)> {
    let (_, price) = lag.prices(&priced.multipliers);
    let used = p.usage(&priced.teams);
    let over: Vec<bool> = (0..p.rows.len())
        .map(|j| !super::problem::fits_row(&p.rows[j], used[j]))
        .collect();
    let close =
        |value: f64| priced.bound - value <= 0.25 * GAP_TOLERANCE * priced.bound.abs().max(1.0);
    let mut best: Option<(Allocation, usize, f64)> = None;
    for (at, &nudge) in NUDGES.iter().enumerate().take(tries.end).skip(tries.start) {
        let mut teams = priced.teams.clone();
        if nudge > 0.0 && !over.contains(&true) {
            // a raise changes only the rows over: the answers are those at the prices
            if at > tries.start {
                break;
            }
        } else if nudge > 0.0 {
            // the rows the answers at the prices over-use, priced a little higher
            let y: Vec<f64> = priced
                .multipliers
                .iter()
                .enumerate()
                .map(|(j, &yj)| match over.get(j) {
                    Some(true) => yj * (1.0 + nudge) + nudge * row_price(p, j),
                    _ => yj,
                })
                .collect();
            lag.evaluate(&y, &mut teams)?;
        }
        if over.contains(&true) {
            clip_saturated(p, &mut teams);
            super::bulk::clip_over(p, &mut teams);
        }
        let mut s = State::new(p, teams);
        let mut moves = Moves::new(&s);
        if !repair(&mut s, &mut moves) {
            continue;
        }
        let need = match aim {
            Aim::Rows => return Some((s.teams, at)),
            Aim::Most => f64::INFINITY,
            Aim::Reach(need) => need,
        };
        fill(&mut s, &mut moves, &price);
        if p.outreach(&s.teams) >= need {
            return Some((s.teams, at));
        }
        exchange_until(&mut s, &mut moves, &price, need);
        let value = p.outreach(&s.teams);
        if best.as_ref().is_none_or(|b| value > b.2) {
            best = Some((s.teams, at, value));
        }
        if close(value) || value >= need {
            break;
        }
    }
    best.map(|(teams, at, _)| (teams, at))
}

/// A price on row j large enough to matter where its multiplier is zero: the installs a team
/// of its kind could bring at most, per unit of the row.
pub fn row_price(p: &Problem, j: usize) -> f64 {
    let row = &p.rows[j];
    (0..p.districts)
        .flat_map(|d| (0..p.kinds).map(move |k| (d, k)))
        .filter(|&(_, k)| row.per_team[k] > 0.0)
        .map(|(d, k)| p.effort_per_team(d, k) / row.per_team[k])
        .fold(0.0, f64::max)
}
