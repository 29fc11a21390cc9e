//! The integer problem of one district at given prices (the Lagrangian subproblem):
//! maximise α · G_d(e_d(t)) − Σ_k π_k · t_k over lo ≤ t ≤ hi with e_d(t) ≥ the least effort.
//!
//! Solved exactly by branch and bound over the team kinds. The bound is the continuous
//! relaxation (effort bought cheapest per unit of effort first, each kind up to where one more
//! unit of effort is worth less than it costs), which is concave in any one kind's count:
//! counts are tried outwards from the relaxation's own, and each direction stops at the first
//! count whose bound cannot beat the best found. The last kind is set in closed form.

use super::problem::Problem;
use super::tolerance::{COUNT_TOLERANCE, EFFORT_TOLERANCE, TIE};
use crate::model::outreach_installs;

/// Work space for [`respond`], reused across districts so that no call allocates.
#[derive(Default)]
pub struct Scratch {
    /// Kinds the search decides, cheapest per unit of effort first.
    sorted: Vec<usize>,
    /// Position of each kind in the branching order (`usize::MAX`: not branched on).
    branch_pos: Vec<usize>,
    branch: Vec<usize>,
    current: Vec<u32>,
    best: Vec<u32>,
}

/// One district's subproblem at fixed prices.
struct Search<'a> {
    pool: f64,
    alpha: f64,
    price: &'a [f64],
    effort: &'a [f64],
    lo: &'a [u32],
    hi: &'a [u32],
    least: f64,
    /// The kind set in closed form at the leaves.
    last: usize,
    best_value: f64,
    best_count: u32,
    found: bool,
}

/// The district's best teams at prices (`alpha` per install, `price[k]` per team of kind k)
/// with effort ≥ `least`, written into `teams`; returns the subproblem's optimal value, or
/// `None` when no teams within the bounds give that much effort. Ties go to fewer teams.
pub fn respond(
    p: &Problem,
    d: usize,
    alpha: f64,
    price: &[f64],
    least: f64,
    teams: &mut [u32],
    s: &mut Scratch,
) -> Option<f64> {
    let kinds = p.kinds;
    let (effort, lo, hi) = (p.effort_row(d), p.lo_row(d), p.hi_row(d));
    let pool = p.pool[d];
    let useful = alpha > 0.0 && pool > 0.0;
    s.current.clear();
    s.sorted.clear();
    s.branch.clear();
    s.branch_pos.clear();
    s.branch_pos.resize(kinds, usize::MAX);
    let mut fixed_effort = 0.0;
    let mut fixed_cost = 0.0;
    for k in 0..kinds {
        // Fixed: no choice (lo = hi), no effort (only cost), or free and worth having.
        let fixed = if lo[k] >= hi[k] || effort[k] <= 0.0 {
            Some(lo[k])
        } else if useful && price[k] <= 0.0 {
            Some(hi[k])
        } else {
            None
        };
        match fixed {
            Some(t) => {
                s.current.push(t);
                fixed_effort += effort[k] * f64::from(t);
                fixed_cost += price[k] * f64::from(t);
            }
            None => {
                s.current.push(lo[k]);
                s.sorted.push(k);
            }
        }
    }
    let per_effort = |k: usize| price[k] / effort[k];
    s.sorted
        .sort_by(|&a, &b| per_effort(a).total_cmp(&per_effort(b)).then(a.cmp(&b)));
    let mut search = Search {
        pool,
        alpha,
        price,
        effort,
        lo,
        hi,
        least,
        last: usize::MAX,
        best_value: f64::NEG_INFINITY,
        best_count: u32::MAX,
        found: false,
    };
    s.best.clear();
    s.best.extend_from_slice(&s.current);
    if s.sorted.is_empty() {
        if fixed_effort < least - EFFORT_TOLERANCE {
            return None;
        }
        teams.copy_from_slice(&s.current);
        return Some(alpha * outreach_installs(pool, fixed_effort) - fixed_cost);
    }
    // The widest kind is set in closed form; the others are branched on, cheapest first.
    search.last = *s
        .sorted
        .iter()
        .max_by_key(|&&k| (hi[k] - lo[k], std::cmp::Reverse(k)))
        .unwrap_or(&s.sorted[0]);
    for &k in &s.sorted {
        if k != search.last {
            s.branch_pos[k] = s.branch.len();
            s.branch.push(k);
        }
    }
    let Scratch {
        sorted,
        branch_pos,
        branch,
        current,
        best,
    } = s;
    search.descend(
        0,
        fixed_effort,
        fixed_cost,
        &Order {
            sorted,
            branch_pos,
            branch,
        },
        current,
        best,
    );
    if !search.found {
        return None;
    }
    teams.copy_from_slice(best);
    Some(search.best_value)
}

/// The kinds in price order and the branching order.
struct Order<'a> {
    sorted: &'a [usize],
    branch_pos: &'a [usize],
    branch: &'a [usize],
}

impl Search<'_> {
    /// Where α · G'(e) equals the price per unit of effort `rho`: more effort past it is not
    /// worth its price.
    fn worth_until(&self, rho: f64) -> f64 {
        if self.alpha <= 0.0 || self.pool <= 0.0 {
            f64::NEG_INFINITY
        } else if rho <= 0.0 {
            f64::INFINITY
        } else {
            self.pool * (self.alpha / rho).ln()
        }
    }

    /// The continuous relaxation with the branched kinds before `level` fixed (their effort
    /// and price in `e0`, `c0`): its value, and the count it gives kind `branch[level]` (if
    /// any). `None` when even every free team cannot give the least effort.
    fn relax(&self, level: usize, e0: f64, c0: f64, order: &Order) -> Option<(f64, f64)> {
        let free = |k: usize| k == self.last || order.branch_pos[k] >= level;
        let mut e = e0;
        let mut c = c0;
        for &k in order.sorted.iter().filter(|&&k| free(k)) {
            e += self.effort[k] * f64::from(self.lo[k]);
            c += self.price[k] * f64::from(self.lo[k]);
        }
        let target = order.branch.get(level).copied();
        let mut x = target.map_or(0.0, |k| f64::from(self.lo[k]));
        for &k in order.sorted.iter().filter(|&&k| free(k)) {
            let rho = self.price[k] / self.effort[k];
            let want = self.worth_until(rho).max(self.least);
            let room = f64::from(self.hi[k] - self.lo[k]) * self.effort[k];
            let add = (want - e).clamp(0.0, room);
            e += add;
            c += rho * add;
            if Some(k) == target {
                x += add / self.effort[k];
            }
        }
        if e < self.least - EFFORT_TOLERANCE {
            return None;
        }
        Some((self.alpha * outreach_installs(self.pool, e) - c, x))
    }

    fn beaten(&self, bound: f64) -> bool {
        self.found && bound <= self.best_value + TIE * self.best_value.abs().max(1.0)
    }

    fn descend(
        &mut self,
        level: usize,
        e0: f64,
        c0: f64,
        order: &Order,
        current: &mut [u32],
        best: &mut [u32],
    ) {
        let Some(&k) = order.branch.get(level) else {
            self.leaf(e0, c0, current, best);
            return;
        };
        let Some((bound, x)) = self.relax(level, e0, c0, order) else {
            return;
        };
        if self.beaten(bound) {
            return;
        }
        let (lo, hi) = (self.lo[k], self.hi[k]);
        let start = (x + COUNT_TOLERANCE)
            .floor()
            .clamp(f64::from(lo), f64::from(hi)) as u32;
        let (w, pi) = (self.effort[k], self.price[k]);
        // Downwards from the relaxation's count: fewer teams only lower the effort.
        for v in (lo..=start).rev() {
            let (e1, c1) = (e0 + w * f64::from(v), c0 + pi * f64::from(v));
            match self.relax(level + 1, e1, c1, order) {
                None => break,
                Some((b, _)) if self.beaten(b) => break,
                Some(_) => {
                    current[k] = v;
                    self.descend(level + 1, e1, c1, order, current, best);
                }
            }
        }
        // Upwards: a count too low for the least effort may be followed by one that meets it.
        for v in start.saturating_add(1)..=hi {
            let (e1, c1) = (e0 + w * f64::from(v), c0 + pi * f64::from(v));
            match self.relax(level + 1, e1, c1, order) {
                None => continue,
                Some((b, _)) if self.beaten(b) => break,
                Some(_) => {
                    current[k] = v;
                    self.descend(level + 1, e1, c1, order, current, best);
                }
            }
        }
        current[k] = lo;
    }

    /// Every kind but `last` is set: the best count of `last`, h(t) = α·G(e0 + w·t) − π·t
    /// being concave, is next to its continuous maximiser or at a bound.
    fn leaf(&mut self, e0: f64, c0: f64, current: &mut [u32], best: &mut [u32]) {
        let k = self.last;
        let (w, pi) = (self.effort[k], self.price[k]);
        let mut lo = self.lo[k];
        if self.least > e0 {
            let need = ((self.least - e0) / w - EFFORT_TOLERANCE).ceil();
            if need > f64::from(self.hi[k]) {
                return;
            }
            lo = lo.max(need as u32);
        }
        let hi = self.hi[k];
        let star = if self.alpha <= 0.0 || self.pool <= 0.0 {
            f64::NEG_INFINITY
        } else if pi <= 0.0 {
            f64::INFINITY
        } else {
            (self.pool * (self.alpha * w / pi).ln() - e0) / w
        };
        let below = star.floor().clamp(f64::from(lo), f64::from(hi)) as u32;
        let above = (below + 1).min(hi);
        let count_others: u32 = current
            .iter()
            .enumerate()
            .filter(|&(j, _)| j != k)
            .map(|(_, &t)| t)
            .sum();
        for t in [below, above] {
            let e = e0 + w * f64::from(t);
            if e < self.least - EFFORT_TOLERANCE {
                continue;
            }
            let value = self.alpha * outreach_installs(self.pool, e) - c0 - pi * f64::from(t);
            let count = count_others + t;
            let tie = TIE * value.abs().max(1.0);
            let better = !self.found
                || value > self.best_value + tie
                || ((value - self.best_value).abs() <= tie && count < self.best_count);
            if better {
                current[k] = t;
                best.copy_from_slice(current);
                self.best_value = value;
                self.best_count = count;
                self.found = true;
            }
        }
        current[k] = self.lo[k];
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Bounds, District, Model, Objective, Scope, TeamKind};

    fn model(bounds: Vec<Bounds>, pool: f64) -> Model {
        let kinds = bounds.len();
        Model {
            horizon_days: 14,
            objective: Objective::MaxInstalls,
            reachable_share: 0.8,
            target_rate: 0.4,
            district_floor: None,
            budget: None,
            kinds: (0..kinds)
                .map(|k| TeamKind {
                    name: format!("k{k}"),
                    scope: Scope::Provincial,
                    available: Some(100),
                    installs_per_team_day: 10.0 + 7.0 * k as f64,
                    cost_per_team_day: 0.0,
                })
                .collect(),
            districts: vec![District {
                name: "D".into(),
                smartphones: 50_000,
                installed: 10_000,
                mandated_installs: 0.0,
                fixed_installs: 0.0,
                pool,
                productivity: vec![1.0; kinds],
                bounds,
                floor: None,
            }],
        }
    }

    /// The best value over every allocation in the box with effort ≥ `least`.
    fn brute_force(m: &Model, alpha: f64, price: &[f64], least: f64) -> Option<f64> {
        let b = &m.districts[0].bounds;
        let mut best: Option<f64> = None;
        for a in b[0].min..=b[0].max {
            for c in b[1].min..=b[1].max {
                for e in b[2].min..=b[2].max {
                    let t = [a, c, e];
                    let effort = m.effort(0, &t);
                    if effort >= least - 1e-9 {
                        let v = alpha * outreach_installs(m.districts[0].pool, effort)
                            - t.iter()
                                .zip(price)
                                .map(|(&n, p)| p * f64::from(n))
                                .sum::<f64>();
                        best = Some(best.map_or(v, |x: f64| x.max(v)));
                    }
                }
            }
        }
        best
    }

    #[test]
    fn the_branch_and_bound_finds_the_enumerated_optimum() {
        let boxes = [
            vec![
                Bounds { min: 0, max: 3 },
                Bounds { min: 1, max: 4 },
                Bounds { min: 0, max: 40 },
            ],
            vec![
                Bounds { min: 0, max: 30 },
                Bounds { min: 1, max: 25 },
                Bounds { min: 0, max: 40 },
            ],
            vec![
                Bounds { min: 2, max: 2 },
                Bounds { min: 0, max: 60 },
                Bounds { min: 0, max: 60 },
            ],
        ];
        let cases: [(f64, [f64; 3], f64); 6] = [
            (1.0, [30.0, 80.0, 120.0], 0.0),
            (1.0, [0.0, 150.0, 90.0], 3_000.0),
            (2.5, [10.0, 10.0, 10.0], 0.0),
            (0.0, [1.0, 2.0, 3.0], 5_000.0),
            (0.0, [0.0, 0.0, 1.0], 2_000.0),
            (0.7, [200.0, 5.0, 400.0], 9_000.0),
        ];
        for pool in [0.0, 800.0, 8_000.0, 40_000.0] {
            for bounds in &boxes {
                let m = model(bounds.clone(), pool);
                let p = Problem::new(&m, vec![0.0]);
                for (alpha, price, least) in cases {
                    let truth = brute_force(&m, alpha, &price, least);
                    let mut teams = vec![0; 3];
                    let got = respond(
                        &p,
                        0,
                        alpha,
                        &price,
                        least,
                        &mut teams,
                        &mut Scratch::default(),
                    );
                    match (truth, got) {
                        (None, None) => {}
                        (Some(t), Some(g)) => {
                            assert!(
                                (t - g).abs() <= 1e-7 * t.abs().max(1.0),
                                "pool {pool} {bounds:?} α {alpha} π {price:?} least {least}: {g} vs {t}"
                            );
                            let e = m.effort(0, &teams);
                            assert!(e >= least - 1e-9, "least effort kept");
                            let v = alpha * outreach_installs(pool, e)
                                - teams
                                    .iter()
                                    .zip(&price)
                                    .map(|(&n, p)| p * f64::from(n))
                                    .sum::<f64>();
                            assert!(
                                (v - g).abs() <= 1e-7 * g.abs().max(1.0),
                                "value is the teams' value"
                            );
                        }
                        other => {
                            panic!("pool {pool} {bounds:?} {alpha} {price:?} {least}: {other:?}")
                        }
                    }
                }
            }
        }
    }
}
