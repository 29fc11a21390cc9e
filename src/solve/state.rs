//! An allocation being improved: teams, effort and installs per district and the use of every
//! coupling row, kept exact after each one-team move (O(kinds + rows) per move).

use super::problem::{Problem, fits_row};
use super::tolerance::EFFORT_TOLERANCE;
use crate::model::{Allocation, outreach_installs};

pub struct State<'p, 'm> {
    pub p: &'p Problem<'m>,
    pub teams: Allocation,
    pub effort: Vec<f64>,
    /// G_d(e_d) per district.
    pub outreach: Vec<f64>,
    /// Use of each row of `p.rows`.
    pub used: Vec<f64>,
    /// Σ_d G_d, kept up to date.
    pub total: f64,
    /// Changes each time a district's teams change (for the move heaps).
    pub version: Vec<u32>,
}

impl<'p, 'm> State<'p, 'm> {
    pub fn new(p: &'p Problem<'m>, teams: Allocation) -> State<'p, 'm> {
        let effort: Vec<f64> = (0..p.districts).map(|d| p.effort(d, &teams[d])).collect();
        let outreach: Vec<f64> = (0..p.districts)
            .map(|d| outreach_installs(p.pool[d], effort[d]))
            .collect();
        let used = p.usage(&teams);
        State {
            p,
            total: outreach.iter().sum(),
            teams,
            effort,
            outreach,
            used,
            version: vec![0; p.districts],
        }
    }

    /// Installs gained by one more team of kind k in d.
    pub fn gain_of_add(&self, d: usize, k: usize) -> f64 {
        outreach_installs(
            self.p.pool[d],
            self.effort[d] + self.p.effort_per_team(d, k),
        ) - self.outreach[d]
    }

    /// Installs lost by one team fewer of kind k in d.
    pub fn loss_of_remove(&self, d: usize, k: usize) -> f64 {
        let e = (self.effort[d] - self.p.effort_per_team(d, k)).max(0.0);
        self.outreach[d] - outreach_installs(self.p.pool[d], e)
    }

    /// One more team of kind k (anywhere) fits every row.
    pub fn rows_allow(&self, k: usize) -> bool {
        self.p
            .rows
            .iter()
            .zip(&self.used)
            .all(|(r, &u)| r.per_team[k] <= 0.0 || fits_row(r, u + r.per_team[k]))
    }

    /// One team fewer of kind k in d stays within its bound and the district's floor.
    pub fn can_remove(&self, d: usize, k: usize) -> bool {
        self.teams[d][k] > self.p.lo(d, k)
            && self.effort[d] - self.p.effort_per_team(d, k) >= self.p.least[d] - EFFORT_TOLERANCE
    }

    pub fn add(&mut self, d: usize, k: usize) {
        self.teams[d][k] += 1;
        self.changed(d, k, 1.0);
    }

    pub fn remove(&mut self, d: usize, k: usize) {
        self.teams[d][k] -= 1;
        self.changed(d, k, -1.0);
    }

    fn changed(&mut self, d: usize, k: usize, sign: f64) {
        for (r, u) in self.p.rows.iter().zip(&mut self.used) {
            *u += sign * r.per_team[k];
        }
        self.effort[d] = self.p.effort(d, &self.teams[d]);
        let g = outreach_installs(self.p.pool[d], self.effort[d]);
        self.total += g - self.outreach[d];
        self.outreach[d] = g;
        self.version[d] = self.version[d].wrapping_add(1);
    }

    /// The rows used beyond their capacity.
    pub fn over(&self) -> Vec<usize> {
        (0..self.p.rows.len())
            .filter(|&j| !fits_row(&self.p.rows[j], self.used[j]))
            .collect()
    }

    /// District d has at least its least effort.
    pub fn meets_floor(&self, d: usize) -> bool {
        self.effort[d] >= self.p.least[d] - EFFORT_TOLERANCE
    }

    /// Σ weight · teams.
    pub fn weighed(&self, weight: &[f64]) -> f64 {
        super::problem::weighed(&self.teams, weight)
    }

    /// The total recomputed from scratch (the running sum drifts by rounding over many moves).
    pub fn resum(&mut self) {
        self.total = self.outreach.iter().sum();
    }
}
