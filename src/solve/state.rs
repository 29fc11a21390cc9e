//! An allocation being improved: teams, effort and installs per district, use of every pool
//! and of the budget, kept exact after each one-team move.

use crate::model::{Allocation, Model, Scope, outreach_installs};

/// Resource use tolerance for the budget (đồng are large numbers: a relative slack).
const BUDGET_SLACK: f64 = 1e-9;

pub struct State<'a> {
    pub model: &'a Model,
    pub teams: Allocation,
    pub effort: Vec<f64>,
    /// Least effort per district (district floors); 0 where none.
    pub min_effort: Vec<f64>,
    /// Teams in use per kind.
    pub used: Vec<u32>,
    pub cost: f64,
}

impl<'a> State<'a> {
    pub fn new(model: &'a Model, teams: Allocation, min_effort: Vec<f64>) -> State<'a> {
        let effort = (0..model.districts.len())
            .map(|d| model.effort(d, &teams[d]))
            .collect();
        let mut used = vec![0; model.kinds.len()];
        for row in &teams {
            for (k, &t) in row.iter().enumerate() {
                used[k] += t;
            }
        }
        let cost = model.cost(&teams);
        State {
            model,
            teams,
            effort,
            min_effort,
            used,
            cost,
        }
    }

    /// Replaces the allocation, recomputing every derived figure.
    pub fn reset(&mut self, teams: Allocation) {
        let min_effort = std::mem::take(&mut self.min_effort);
        *self = State::new(self.model, teams, min_effort);
    }

    pub fn outreach(&self, d: usize) -> f64 {
        outreach_installs(self.model.districts[d].pool, self.effort[d])
    }

    pub fn total_outreach(&self) -> f64 {
        (0..self.teams.len()).map(|d| self.outreach(d)).sum()
    }

    /// Installs gained by one more team of kind k in d.
    pub fn gain_of_add(&self, d: usize, k: usize) -> f64 {
        let pool = self.model.districts[d].pool;
        outreach_installs(pool, self.effort[d] + self.model.effort_per_team(d, k))
            - self.outreach(d)
    }

    /// Installs lost by one team fewer of kind k in d.
    pub fn loss_of_remove(&self, d: usize, k: usize) -> f64 {
        let pool = self.model.districts[d].pool;
        self.outreach(d)
            - outreach_installs(
                pool,
                (self.effort[d] - self.model.effort_per_team(d, k)).max(0.0),
            )
    }

    /// Room left in the pool of kind k (`u32::MAX` for a local kind).
    pub fn pool_room(&self, k: usize) -> u32 {
        let kind = &self.model.kinds[k];
        match kind.scope {
            Scope::Local => u32::MAX,
            Scope::Provincial => kind.available.unwrap_or(0).saturating_sub(self.used[k]),
        }
    }

    pub fn budget_room(&self) -> f64 {
        self.model
            .budget
            .map_or(f64::INFINITY, |b| b * (1.0 + BUDGET_SLACK) - self.cost)
    }

    /// One more team of kind k in d stays within its bound, its pool and the budget.
    pub fn can_add(&self, d: usize, k: usize) -> bool {
        self.teams[d][k] < self.model.districts[d].bounds[k].max
            && self.pool_room(k) > 0
            && self.model.cost_per_team(k) <= self.budget_room()
    }

    /// One team fewer of kind k in d stays within its bound and the district's floor.
    pub fn can_remove(&self, d: usize, k: usize) -> bool {
        self.teams[d][k] > self.model.districts[d].bounds[k].min
            && self.effort[d] - self.model.effort_per_team(d, k) >= self.min_effort[d] - 1e-9
    }

    /// District d has at least its least effort.
    pub fn meets_floor(&self, d: usize) -> bool {
        self.effort[d] >= self.min_effort[d] - 1e-9
    }

    pub fn add(&mut self, d: usize, k: usize) {
        self.teams[d][k] += 1;
        self.used[k] += 1;
        self.cost += self.model.cost_per_team(k);
        self.effort[d] = self.model.effort(d, &self.teams[d]);
    }

    pub fn remove(&mut self, d: usize, k: usize) {
        self.teams[d][k] -= 1;
        self.used[k] -= 1;
        self.cost -= self.model.cost_per_team(k);
        self.effort[d] = self.model.effort(d, &self.teams[d]);
    }

    /// Teams over each provincial pool.
    pub fn pool_excess(&self, k: usize) -> u32 {
        let kind = &self.model.kinds[k];
        match kind.scope {
            Scope::Local => 0,
            Scope::Provincial => self.used[k].saturating_sub(kind.available.unwrap_or(0)),
        }
    }

    pub fn over_budget(&self) -> bool {
        self.budget_room() < 0.0
    }

    pub fn within_limits(&self) -> bool {
        (0..self.model.kinds.len()).all(|k| self.pool_excess(k) == 0) && !self.over_budget()
    }

    pub fn team_count(&self) -> u64 {
        self.used.iter().map(|&u| u64::from(u)).sum()
    }
}
