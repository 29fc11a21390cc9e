//! `max-installs` (and any plan with least efforts per district): prices on the pools and the
//! budget by the bundle method, each district's exact answer at those prices, then repair,
//! fill and exchanges on the exact curve.

use super::improve::{Moves, exchange, fill, repair};
use super::lagrangian::{Lagrangian, Priced};
use super::problem::Problem;
use super::state::State;
use super::tolerance::PROOF_MARGIN;
use crate::model::Allocation;

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
    let lag = Lagrangian {
        p,
        install_value: 1.0,
        weight: vec![0.0; p.kinds],
        need: None,
    };
    let scale: f64 = p.pool.iter().sum::<f64>().max(1.0);
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
    let (teams, _) = improve(p, &lag, &priced, true, 0..NUDGES.len()).ok_or(Short::Unproven)?;
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
    use super::Verdict;
    let lag = Lagrangian {
        p,
        install_value: 1.0,
        weight: vec![0.0; p.kinds],
        need: None,
    };
    let scale: f64 = p.pool.iter().sum::<f64>().max(1.0);
    let short = need - super::tolerance::INSTALLS_TOLERANCE;
    let Some(priced) = lag.minimise(warm, scale, short, EVALUATIONS) else {
        return (Verdict::Short, warm.map_or_else(Vec::new, <[f64]>::to_vec));
    };
    if priced.bound < short {
        return (Verdict::Short, priced.multipliers);
    }
    let verdict = match improve(p, &lag, &priced, true, 0..NUDGES.len()) {
        Some((teams, _)) if p.outreach(&teams) >= short => Verdict::Met,
        _ => Verdict::Unknown,
    };
    (verdict, priced.multipliers)
}

/// Whether the least efforts `p.least` are proven impossible within the rows: the dual falls
/// below zero (any plan has Σ G ≥ 0). Used to prove `max-min-rate`'s bound.
pub fn proven_short(p: &Problem, warm: &[f64], evaluations: usize) -> bool {
    let lag = Lagrangian {
        p,
        install_value: 1.0,
        weight: vec![0.0; p.kinds],
        need: None,
    };
    let scale: f64 = p.pool.iter().sum::<f64>().max(1.0);
    match lag.minimise(Some(warm), scale, -PROOF_MARGIN * scale, evaluations) {
        None => true,
        Some(priced) => priced.bound < -PROOF_MARGIN * scale,
    }
}

/// A plan within the rows and least efforts, tried first from the districts' answers at the
/// multipliers `warm` (one evaluation), then at the prices the dual search ends at, which also
/// proves the least efforts out of reach when they are. For a sequence of similar problems
/// (`max-min-rate`'s bisection), where the warm prices are usually good enough. `nudge` is
/// where the repair starts among the raised prices ([`NUDGES`]), and is left where it
/// succeeded: similar problems need similar raises.
pub fn feasible(p: &Problem, warm: &[f64], nudge: &mut usize) -> Result<Found, Short> {
    let lag = Lagrangian {
        p,
        install_value: 1.0,
        weight: vec![0.0; p.kinds],
        need: None,
    };
    let mut teams = p.lower();
    let (value, _) = lag.evaluate(warm, &mut teams).ok_or(Short::Proven)?;
    let priced = Priced {
        multipliers: warm.to_vec(),
        bound: value,
        teams,
    };
    // Least efforts beyond the rows show along the warm prices scaled up: the dual then falls
    // below zero at once, a proof without a search.
    let scale: f64 = p.pool.iter().sum::<f64>().max(1.0);
    let short = -PROOF_MARGIN * scale;
    if warm.iter().any(|&y| y > 0.0) {
        for factor in PROOF_SCALES {
            let y: Vec<f64> = warm.iter().map(|v| v * factor).collect();
            let mut scratch = p.lower();
            if lag
                .evaluate(&y, &mut scratch)
                .is_some_and(|(v, _)| v < short)
            {
                return Err(Short::Proven);
            }
        }
    }
    let found = |teams: Allocation, priced: Priced| {
        let value = p.outreach(&teams);
        Found {
            teams,
            value,
            bound: priced.bound.max(value),
            multipliers: priced.multipliers,
        }
    };
    // the raise that worked last time, at the warm prices
    if let Some((teams, _)) = improve(p, &lag, &priced, false, *nudge..*nudge + 1) {
        return Ok(found(teams, priced));
    }
    // a short dual search: out of reach shows within a few evaluations
    let searched = lag
        .minimise(Some(warm), scale, short, PROOF_EVALUATIONS)
        .ok_or(Short::Proven)?;
    if searched.bound < short {
        return Err(Short::Proven);
    }
    // larger raises at the warm prices, then the whole dual search and every raise
    if let Some((teams, at)) = improve(p, &lag, &priced, false, *nudge + 1..NUDGES.len()) {
        *nudge = at;
        return Ok(found(teams, priced));
    }
    let priced = lag
        .minimise(Some(&searched.multipliers), scale, short, EVALUATIONS)
        .ok_or(Short::Proven)?;
    if priced.bound < short {
        return Err(Short::Proven);
    }
    match improve(p, &lag, &priced, false, 0..NUDGES.len()) {
        Some((teams, at)) => {
            *nudge = at;
            Ok(found(teams, priced))
        }
        None => Err(Short::Unproven),
    }
}

/// Evaluations of the dual's short search for a proof in [`feasible`].
const PROOF_EVALUATIONS: usize = 12;

/// Factors on warm prices tried for a quick proof that least efforts are out of reach.
const PROOF_SCALES: [f64; 3] = [2.0, 8.0, 32.0];

/// Fill and exchanges on a plan that keeps the rows and least efforts, at prices `y`.
pub fn polish(p: &Problem, teams: Allocation, y: &[f64]) -> Allocation {
    let lag = Lagrangian {
        p,
        install_value: 1.0,
        weight: vec![0.0; p.kinds],
        need: None,
    };
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

/// From the districts' answers at the prices to a plan that keeps every row, improved by
/// one-team moves; `None` when the rows cannot be met from there. The raises `NUDGES[tries]`
/// are tried in turn; the one that repaired is returned with the plan.
fn improve(
    p: &Problem,
    lag: &Lagrangian,
    priced: &Priced,
    polish: bool,
    tries: std::ops::Range<usize>,
) -> Option<(Allocation, usize)> {
    let (_, price) = lag.prices(&priced.multipliers);
    let used = p.usage(&priced.teams);
    for (at, &nudge) in NUDGES.iter().enumerate().take(tries.end).skip(tries.start) {
        let mut teams = priced.teams.clone();
        if nudge > 0.0 {
            // the rows the answers at the prices over-use, priced a little higher
            let y: Vec<f64> = priced
                .multipliers
                .iter()
                .enumerate()
                .map(|(j, &yj)| match p.rows.get(j) {
                    Some(row) if !super::problem::fits_row(row, used[j]) => {
                        yj * (1.0 + nudge) + nudge * lag_floor(p, j)
                    }
                    _ => yj,
                })
                .collect();
            lag.evaluate(&y, &mut teams)?;
        }
        let mut s = State::new(p, teams);
        let mut moves = Moves::new(&s);
        if !repair(&mut s, &mut moves) {
            continue;
        }
        if polish {
            fill(&mut s, &mut moves, &price);
            exchange(&mut s, &mut moves, &price);
        }
        return Some((s.teams, at));
    }
    None
}

/// A price on row j large enough to matter where its multiplier is zero: the installs a team
/// of its kind could bring at most, per unit of the row.
fn lag_floor(p: &Problem, j: usize) -> f64 {
    let row = &p.rows[j];
    (0..p.districts)
        .flat_map(|d| (0..p.kinds).map(move |k| (d, k)))
        .filter(|&(_, k)| row.per_team[k] > 0.0)
        .map(|(d, k)| p.effort_per_team(d, k) / row.per_team[k])
        .fold(0.0, f64::max)
}
