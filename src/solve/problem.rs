//! The model as flat arrays for the optimiser's inner loops: effort per team, bounds and pools
//! by district and kind, each district's least effort (its floor), and the coupling rows.

use crate::model::{Allocation, Model, Scope, outreach_installs};

/// A row that couples the districts: a provincial pool or the budget.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub capacity: f64,
    /// What one team of each kind uses of it.
    pub per_team: Vec<f64>,
    /// The pool's kind, or `None` for the budget.
    pub kind: Option<usize>,
}

/// The optimiser's view of a model.
pub struct Problem<'a> {
    pub model: &'a Model,
    pub kinds: usize,
    pub districts: usize,
    /// H · m_{d,k} · r_k, district-major.
    effort: Vec<f64>,
    lo: Vec<u32>,
    hi: Vec<u32>,
    /// P_d
    pub pool: Vec<f64>,
    /// The effort each district needs for its floor (0 without one).
    pub least: Vec<f64>,
    /// The provincial pools, then the budget.
    pub rows: Vec<Row>,
}

impl<'a> Problem<'a> {
    pub fn new(model: &'a Model, least: Vec<f64>) -> Problem<'a> {
        let kinds = model.kinds.len();
        let districts = model.districts.len();
        let mut effort = Vec::with_capacity(districts * kinds);
        let mut lo = Vec::with_capacity(districts * kinds);
        let mut hi = Vec::with_capacity(districts * kinds);
        for (d, district) in model.districts.iter().enumerate() {
            for (k, b) in district.bounds.iter().enumerate() {
                effort.push(model.effort_per_team(d, k));
                lo.push(b.min);
                hi.push(b.max);
            }
        }
        let cost: Vec<f64> = (0..kinds).map(|k| model.cost_per_team(k)).collect();
        let mut rows: Vec<Row> = model
            .kinds
            .iter()
            .enumerate()
            .filter(|(_, kind)| kind.scope == Scope::Provincial)
            .map(|(k, kind)| {
                let mut per_team = vec![0.0; kinds];
                per_team[k] = 1.0;
                Row {
                    capacity: f64::from(kind.available.unwrap_or(0)),
                    per_team,
                    kind: Some(k),
                }
            })
            .collect();
        if let Some(budget) = model.budget {
            rows.push(Row {
                capacity: budget,
                per_team: cost.clone(),
                kind: None,
            });
        }
        Problem {
            model,
            kinds,
            districts,
            effort,
            lo,
            hi,
            pool: model.districts.iter().map(|d| d.pool).collect(),
            least,
            rows,
        }
    }

    pub fn effort_row(&self, d: usize) -> &[f64] {
        &self.effort[d * self.kinds..(d + 1) * self.kinds]
    }

    pub fn lo_row(&self, d: usize) -> &[u32] {
        &self.lo[d * self.kinds..(d + 1) * self.kinds]
    }

    pub fn hi_row(&self, d: usize) -> &[u32] {
        &self.hi[d * self.kinds..(d + 1) * self.kinds]
    }

    pub fn effort_per_team(&self, d: usize, k: usize) -> f64 {
        self.effort[d * self.kinds + k]
    }

    pub fn lo(&self, d: usize, k: usize) -> u32 {
        self.lo[d * self.kinds + k]
    }

    pub fn hi(&self, d: usize, k: usize) -> u32 {
        self.hi[d * self.kinds + k]
    }

    /// e_d for one district's teams.
    pub fn effort(&self, d: usize, teams: &[u32]) -> f64 {
        self.effort_row(d)
            .iter()
            .zip(teams)
            .map(|(w, &t)| w * f64::from(t))
            .sum()
    }

    /// Σ_d G_d(e_d): the outreach installs of an allocation.
    pub fn outreach(&self, teams: &Allocation) -> f64 {
        teams
            .iter()
            .enumerate()
            .map(|(d, row)| outreach_installs(self.pool[d], self.effort(d, row)))
            .sum()
    }

    /// Every district at its lower bounds.
    pub fn lower(&self) -> Allocation {
        (0..self.districts)
            .map(|d| self.lo_row(d).to_vec())
            .collect()
    }

    /// What `teams` uses of each row.
    pub fn usage(&self, teams: &Allocation) -> Vec<f64> {
        self.rows
            .iter()
            .map(|r| {
                teams
                    .iter()
                    .flat_map(|row| row.iter().zip(&r.per_team))
                    .map(|(&t, u)| f64::from(t) * u)
                    .sum()
            })
            .collect()
    }
}

/// Σ weight · teams: an allocation's cost, or any weight per team of each kind.
pub fn weighed(teams: &Allocation, weight: &[f64]) -> f64 {
    teams
        .iter()
        .flat_map(|row| row.iter().zip(weight))
        .map(|(&t, w)| w * f64::from(t))
        .sum()
}

/// Steps `at` to the next combination of counts within `lo..=hi`, the first place fastest;
/// false after the last (`at` is then back at `lo`).
pub fn next_combination(at: &mut [u32], lo: &[u32], hi: &[u32]) -> bool {
    for j in 0..at.len() {
        if at[j] < hi[j] {
            at[j] += 1;
            return true;
        }
        at[j] = lo[j];
    }
    false
}

/// Whether `used` keeps row `r`: a pool exactly (teams are whole), the budget within its
/// relative slack.
pub fn fits_row(r: &Row, used: f64) -> bool {
    match r.kind {
        Some(_) => used <= r.capacity + 0.5,
        None => used <= super::tolerance::budget_limit(r.capacity),
    }
}

/// What one team costs in `min-cost`'s objective: its cost, or 1 when every kind is free.
pub fn objective_weights(model: &Model) -> Vec<f64> {
    let all_free = model.all_free();
    (0..model.kinds.len())
        .map(|k| {
            if all_free {
                1.0
            } else {
                model.cost_per_team(k)
            }
        })
        .collect()
}
