//! A first pass of [`super::improve::repair`] where the districts' answers over-use a row by
//! many teams: the teams that repair's one-team removals would take out first, taken out
//! together.
//!
//! With very large pools (10¹¹ smartphones a district) every team brings almost the same
//! installs, the answers at the dual's prices all take their bounds, and 20,000 districts over
//! a pool of 2,000 teams held 40 million teams that repair took out one at a time (trial
//! G25: 400 s and 1 GB, against 6 s with ordinary counts). Here the removals whose loss per
//! unit of the rows they free is below a threshold go at once, the threshold found by
//! bisection, so the work grows with the districts and not with the size of the figures.

use super::problem::{Problem, fits_row};
use super::tolerance::EFFORT_TOLERANCE;
use crate::model::{Allocation, outreach_installs};

/// A pass is worth it only where the rows are over by more teams than this many per district
/// (and [`BULK_LEAST`] at least); below it repair's one-team removals are quick.
const BULK_PER_DISTRICT: usize = 2;

/// See [`BULK_PER_DISTRICT`].
const BULK_LEAST: usize = 1_000;

/// Each pass takes out at most this share of each over row's excess, so that the rows stay
/// over and repair makes the last, exact choices.
const BULK_SHARE: f64 = 0.9;

/// Passes at most: each takes out nine tenths of the excess, so 64 reach any excess of whole
/// teams.
const BULK_PASSES: usize = 64;

/// Bisection steps on the threshold.
const BISECTIONS: usize = 48;

/// Takes out, while a row is over by many teams, the teams that lose the fewest installs per
/// unit of the over rows they free (as repair's `shed` ranks them), never below a district's
/// bound or floor. Returns the teams taken out.
pub fn clip_over(p: &Problem, teams: &mut Allocation) -> u64 {
    let mut taken: u64 = 0;
    for _ in 0..BULK_PASSES {
        let used = p.usage(teams);
        let over: Vec<usize> = (0..p.rows.len())
            .filter(|&j| !fits_row(&p.rows[j], used[j]))
            .collect();
        let many = (BULK_PER_DISTRICT * p.districts).max(BULK_LEAST) as f64;
        let far_over = over.iter().any(|&j| {
            let row = &p.rows[j];
            let most = row.per_team.iter().copied().fold(0.0, f64::max);
            most > 0.0 && (used[j] - row.capacity) / most > many
        });
        if !far_over {
            return taken;
        }
        let relief: Vec<f64> = (0..p.kinds)
            .map(|k| {
                over.iter()
                    .map(|&j| p.rows[j].per_team[k] / p.rows[j].capacity.max(1.0))
                    .sum()
            })
            .collect();
        let allowed: Vec<f64> = over
            .iter()
            .map(|&j| BULK_SHARE * (used[j] - p.rows[j].capacity))
            .collect();
        let freed = |counts: &[(usize, usize, u32)]| -> Vec<f64> {
            over.iter()
                .map(|&j| {
                    counts
                        .iter()
                        .map(|&(_, k, n)| f64::from(n) * p.rows[j].per_team[k])
                        .sum()
                })
                .collect()
        };
        let fits = |counts: &[(usize, usize, u32)]| {
            freed(counts)
                .iter()
                .zip(&allowed)
                .all(|(f, most)| f <= most)
        };
        // the highest score of any removal bounds the threshold
        let top = removals(p, teams, &relief, f64::INFINITY);
        let mut high = top
            .iter()
            .map(|&(d, k, n)| score(p, &teams[d], d, k, n, relief[k]))
            .fold(0.0, f64::max)
            * 2.0
            + 1.0;
        let mut low = 0.0;
        if fits(&top) {
            low = high;
        } else {
            for _ in 0..BISECTIONS {
                let mid = 0.5 * (low + high);
                if fits(&removals(p, teams, &relief, mid)) {
                    low = mid;
                } else {
                    high = mid;
                }
            }
        }
        let mut counts = removals(p, teams, &relief, low);
        // teams tied between the two thresholds, in district order, as far as the rows allow
        if low < high {
            let mut room: Vec<f64> = freed(&counts)
                .iter()
                .zip(&allowed)
                .map(|(f, most)| most - f)
                .collect();
            let base: std::collections::HashMap<(usize, usize), u32> =
                counts.iter().map(|&(d, k, n)| ((d, k), n)).collect();
            for (d, k, n) in removals(p, teams, &relief, high) {
                let have = base.get(&(d, k)).copied().unwrap_or(0);
                let fit = over
                    .iter()
                    .zip(&room)
                    .filter(|&(&j, _)| p.rows[j].per_team[k] > 0.0)
                    .map(|(&j, &r)| (r / p.rows[j].per_team[k]).floor().max(0.0))
                    .fold(f64::INFINITY, f64::min);
                let extra = f64::from(n - have).min(fit) as u32;
                if extra == 0 {
                    continue;
                }
                for (&j, r) in over.iter().zip(&mut room) {
                    *r -= f64::from(extra) * p.rows[j].per_team[k];
                }
                counts.push((d, k, extra));
            }
        }
        let mut removed: u64 = 0;
        for (d, k, n) in counts {
            // several kinds of one district: its floor checked again with the others out
            let n = n.min(floor_allows(p, &teams[d], d, k, n));
            teams[d][k] -= n;
            removed += u64::from(n);
        }
        if removed == 0 {
            return taken;
        }
        taken += removed;
    }
    taken
}

/// The effort of district d with `row`'s teams but `count` of kind k, summed in the order
/// [`Problem::effort`] sums it (so that the figures are those repair computes).
fn effort_with(p: &Problem, d: usize, row: &[u32], k: usize, count: u32) -> f64 {
    p.effort_row(d)
        .iter()
        .zip(row)
        .enumerate()
        .map(|(j, (w, &t))| w * f64::from(if j == k { count } else { t }))
        .sum()
}

/// The loss of the n-th team of kind k taken out of district d (its `row` of teams) per unit
/// of the rows it frees, computed as [`super::state::State::loss_of_remove`] does.
fn score(p: &Problem, row: &[u32], d: usize, k: usize, n: u32, relief: f64) -> f64 {
    let e = effort_with(p, d, row, k, row[k] - (n - 1));
    let e_less = (e - p.effort_per_team(d, k)).max(0.0);
    (outreach_installs(p.pool[d], e) - outreach_installs(p.pool[d], e_less)) / relief
}

/// How many of n teams of kind k district d can lose and keep its floor.
fn floor_allows(p: &Problem, row: &[u32], d: usize, k: usize, n: u32) -> u32 {
    let keeps = |m: u32| effort_with(p, d, row, k, row[k] - m) >= p.least[d] - EFFORT_TOLERANCE;
    if keeps(n) {
        return n;
    }
    let (mut ok, mut bad) = (0, n);
    while bad - ok > 1 {
        let mid = ok + (bad - ok) / 2;
        if keeps(mid) {
            ok = mid;
        } else {
            bad = mid;
        }
    }
    ok
}

/// For every district and kind that frees an over row, the teams whose removal, one after
/// another, scores below `threshold` (within bounds and floor): (district, kind, count), count
/// above zero. A district's losses rise with each team taken out (the curve is concave), so the
/// count is found by bisection.
fn removals(
    p: &Problem,
    teams: &Allocation,
    relief: &[f64],
    threshold: f64,
) -> Vec<(usize, usize, u32)> {
    let mut out = Vec::new();
    for (d, row) in teams.iter().enumerate() {
        for k in 0..p.kinds {
            if relief[k] <= 0.0 || row[k] <= p.lo(d, k) {
                continue;
            }
            let spare = row[k] - p.lo(d, k);
            let takes = |n: u32| {
                effort_with(p, d, row, k, row[k] - n) >= p.least[d] - EFFORT_TOLERANCE
                    && score(p, row, d, k, n, relief[k]) < threshold
            };
            if !takes(1) {
                continue;
            }
            let n = if takes(spare) {
                spare
            } else {
                let (mut ok, mut bad) = (1, spare);
                while bad - ok > 1 {
                    let mid = ok + (bad - ok) / 2;
                    if takes(mid) {
                        ok = mid;
                    } else {
                        bad = mid;
                    }
                }
                ok
            };
            out.push((d, k, n));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Bounds, District, Model, Objective, Scope, TeamKind};
    use crate::solve::improve::{Moves, repair};
    use crate::solve::state::State;

    /// `districts` districts of `pool` reachable phones each (a little less each), one
    /// provincial kind of `available` teams that every district may take whole.
    fn model(districts: usize, pool: f64, available: u32) -> Model {
        Model {
            horizon_days: 14,
            objective: Objective::MaxInstalls,
            reachable_share: 0.8,
            target_rate: 0.4,
            district_floor: None,
            budget: None,
            kinds: vec![TeamKind {
                name: "volunteer".into(),
                scope: Scope::Provincial,
                available: Some(available),
                installs_per_team_day: 40.0,
                cost_per_team_day: 300_000.0,
            }],
            districts: (0..districts)
                .map(|d| District {
                    name: format!("D{d}"),
                    smartphones: 1_000_000_000_000,
                    installed: 100_000_000_000,
                    mandated_installs: 0.0,
                    fixed_installs: 0.0,
                    pool: pool - d as f64 * 1e6,
                    bounds: vec![Bounds {
                        min: 0,
                        max: available,
                    }],
                    productivity: vec![1.0],
                    floor: None,
                })
                .collect(),
        }
    }

    /// Repair from every district at its bound, with or without the bulk pass: the teams kept
    /// and the one-team moves repair made.
    fn repaired(m: &Model, bulk: bool) -> (Allocation, u64) {
        let p = Problem::new(m, vec![0.0; m.districts.len()]);
        let mut teams: Allocation = (0..p.districts).map(|d| p.hi_row(d).to_vec()).collect();
        if bulk {
            clip_over(&p, &mut teams);
        }
        let mut s = State::new(&p, teams);
        let mut moves = Moves::new(&s);
        assert!(repair(&mut s, &mut moves));
        let made = s.version.iter().map(|&v| u64::from(v)).sum();
        (s.teams, made)
    }

    #[test]
    fn huge_pools_are_repaired_in_moves_that_grow_with_the_districts_not_the_teams() {
        // 300 districts × 2,000 teams over a pool of 2,000: 598,000 teams too many
        let m = model(300, 7e11, 2_000);
        let (teams, made) = repaired(&m, true);
        let total: u32 = teams.iter().map(|r| r[0]).sum();
        assert_eq!(total, 2_000);
        assert!(
            // repair is left at most 1,000 teams of excess (BULK_LEAST) and a move per district
            made <= 1_000 + 300,
            "{made} one-team moves"
        );
    }

    #[test]
    fn the_bulk_pass_keeps_the_plan_that_one_team_removals_make() {
        // ordinary pools, where each district's teams lose more as they go: the same teams
        let m = model(40, 4e4 + 40.0 * 1e6, 100);
        let (with, made_with) = repaired(&m, true);
        let (without, made_without) = repaired(&m, false);
        assert_eq!(with, without);
        assert!(made_with < made_without, "{made_with} vs {made_without}");
    }
}
