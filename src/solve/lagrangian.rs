//! The Lagrangian dual of the coupled problem (docs/solver.md § "Prices").
//!
//! Every objective is written as: maximise Σ_d [α₀·G_d(e_d) − w·t_d] subject to the coupling
//! rows Σ_d a_j·t_d ≤ b_j (each provincial pool, the budget), optionally Σ_d G_d ≥ need (the
//! target of `min-cost`), and each district's own bounds and least effort. With multipliers
//! y ≥ 0 on the rows (and ν on the target) the districts separate:
//!
//!   L(y, ν) = Σ_d max_t [(α₀ + ν)·G_d(e_d(t)) − (w + Σ_j y_j a_j)·t] + Σ_j y_j b_j − ν·need,
//!
//! an upper bound on the primal optimum for any y, ν ≥ 0 (each district's maximum is exact,
//! `subproblem.rs`). The bundle method of `dual.rs` minimises it.

use super::dual::{self, Settings};
use super::problem::Problem;
use super::subproblem::{Scratch, respond};
use crate::model::Allocation;
use rayon::prelude::*;

/// Districts per chunk of a dual evaluation at most: an even number of chunks of about equal
/// size, so that two cores share them evenly. The size depends on the number of districts
/// alone, so the sums do not depend on the number of cores.
const CHUNK: usize = 256;

/// Districts below which a dual evaluation is one chunk: a second thread costs more than
/// it saves.
const ALONE: usize = 128;

/// The chunk size for `districts` districts.
fn chunk_size(districts: usize) -> usize {
    if districts < ALONE {
        return districts.max(1);
    }
    let pairs = districts.div_ceil(2 * CHUNK);
    districts.div_ceil(2 * pairs)
}

/// The objective and the optional target row.
pub struct Lagrangian<'p, 'm> {
    pub p: &'p Problem<'m>,
    /// α₀: what one install is worth in the objective (1 for installs, 0 for cost).
    pub install_value: f64,
    /// w_k: what one team of kind k costs in the objective.
    pub weight: Vec<f64>,
    /// `need`: outreach installs the plan must reach (`min-cost`).
    pub need: Option<f64>,
}

/// The dual minimised, and the districts' answers at its multipliers.
pub struct Priced {
    /// Multipliers: one per row of `p.rows`, then the target's.
    pub multipliers: Vec<f64>,
    /// L at the multipliers: an upper bound on the primal optimum.
    pub bound: f64,
    /// Each district's best teams at the multipliers.
    pub teams: Allocation,
}

impl Lagrangian<'_, '_> {
    /// Number of multipliers.
    pub fn dim(&self) -> usize {
        self.p.rows.len() + usize::from(self.need.is_some())
    }

    /// α and the team prices at multipliers `y`.
    pub fn prices(&self, y: &[f64]) -> (f64, Vec<f64>) {
        let mut price = self.weight.clone();
        for (row, &yj) in self.p.rows.iter().zip(y) {
            for (pk, a) in price.iter_mut().zip(&row.per_team) {
                *pk += yj * a;
            }
        }
        let alpha = self.install_value + self.need.map_or(0.0, |_| y[self.p.rows.len()]);
        (alpha, price)
    }

    /// L(y) and a subgradient, the districts' answers written into `teams`; `None` when some
    /// district cannot reach its least effort within its bounds.
    pub fn evaluate(&self, y: &[f64], teams: &mut Allocation) -> Option<(f64, Vec<f64>)> {
        let p = self.p;
        let (alpha, price) = self.prices(y);
        // Districts in fixed chunks, summed in chunk order: the same figures on any number of
        // cores. The chunks are answered on every core (rayon's pool, started once).
        let answer = |first: usize, rows: &mut [Vec<u32>]| -> Option<(f64, f64)> {
            let mut scratch = Scratch::default();
            let (mut value, mut outreach) = (0.0, 0.0);
            for (i, row) in rows.iter_mut().enumerate() {
                let d = first + i;
                value += respond(p, d, alpha, &price, p.least[d], row, &mut scratch)?;
                if self.need.is_some() {
                    outreach += crate::model::outreach_installs(p.pool[d], p.effort(d, row));
                }
            }
            Some((value, outreach))
        };
        let size = chunk_size(p.districts);
        let sums: Vec<Option<(f64, f64)>> = if teams.len() > size {
            teams
                .par_chunks_mut(size)
                .enumerate()
                .map(|(i, rows)| answer(i * size, rows))
                .collect()
        } else {
            vec![answer(0, teams)]
        };
        let mut value = 0.0;
        let mut outreach = 0.0;
        for sum in sums {
            let (v, o) = sum?;
            value += v;
            outreach += o;
        }
        let used = p.usage(teams);
        let mut gradient = Vec::with_capacity(self.dim());
        for ((row, &yj), u) in p.rows.iter().zip(y).zip(used) {
            value += yj * row.capacity;
            gradient.push(row.capacity - u);
        }
        if let Some(need) = self.need {
            let nu = y[p.rows.len()];
            value -= nu * need;
            gradient.push(outreach - need);
        }
        Some((value, gradient))
    }

    /// Minimises L from `start` (zero when `None`); stops early once L ≤ `enough`. `scale`
    /// is the size of the objective (installs or cost) that sets each multiplier's scale.
    pub fn minimise(
        &self,
        start: Option<&[f64]>,
        scale: f64,
        enough: f64,
        evaluations: usize,
    ) -> Option<Priced> {
        let p = self.p;
        let mut teams = p.lower();
        let mut failed = false;
        let mut f = |y: &[f64]| -> (f64, Vec<f64>) {
            match self.evaluate(y, &mut teams) {
                Some(v) => v,
                None => {
                    failed = true;
                    (f64::NEG_INFINITY, vec![0.0; y.len()])
                }
            }
        };
        // y_j · b_j of the order of the objective
        let mut scales: Vec<f64> = p
            .rows
            .iter()
            .map(|r| scale.max(1.0) / r.capacity.max(1.0))
            .collect();
        if let Some(need) = self.need {
            scales.push(scale.max(1.0) / need.max(1.0));
        }
        let settings = Settings {
            start: start.map_or_else(|| vec![0.0; scales.len()], <[f64]>::to_vec),
            scale: scales,
            tolerance: super::tolerance::DUAL_TOLERANCE,
            magnitude: scale.max(1.0),
            evaluations,
            enough,
        };
        let found = dual::minimise(&mut f, &settings);
        if failed {
            return None;
        }
        let mut teams = p.lower();
        let (bound, _) = self.evaluate(&found.point, &mut teams)?;
        Some(Priced {
            multipliers: found.point,
            bound: bound.min(found.value),
            teams,
        })
    }
}
