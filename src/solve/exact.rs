//! Depth-first search over every allocation, for small instances whose proven gap is above
//! MODEL.md's tolerance: each district's team combinations in turn, pruned by what the
//! districts left could add at most. Gives up after a fixed amount of work.

use super::problem::{Problem, next_combination, weighed};
use super::tolerance::{
    EFFORT_TOLERANCE, GAP_TOLERANCE, INSTALLS_TOLERANCE, SEARCH_TIE, budget_limit,
};
use crate::model::{Allocation, Model, Scope, outreach_installs};

/// Combinations of one district's teams tried, over the whole search.
const WORK_LIMIT: u64 = 3_000_000;

/// What the search maximises or minimises.
#[derive(Clone)]
pub enum Goal {
    /// The most outreach installs.
    Installs,
    /// The least weight (cost, with its tie-break sliver) with outreach of at least `need`.
    Weight { need: f64, weight: Vec<f64> },
}

/// What the search found.
pub struct Outcome {
    /// An allocation better than the incumbent, if any.
    pub better: Option<Allocation>,
    /// The search went through everything: the best (this or the incumbent) is the optimum.
    pub finished: bool,
}

/// Whether the instance is small enough to search through: every district's combinations,
/// added up, within the work limit.
pub fn small(p: &Problem) -> bool {
    let combinations: f64 = (0..p.districts)
        .map(|d| {
            (0..p.kinds)
                .map(|k| f64::from(p.hi(d, k).saturating_sub(p.lo(d, k))) + 1.0)
                .product::<f64>()
        })
        .sum();
    combinations <= WORK_LIMIT as f64
}

/// The best plan by searching through every allocation: `Some(None)` when none meets the
/// rows and least efforts (and, for `Weight`, the need), `None` when the instance is too
/// large to search.
pub fn optimum(p: &Problem, goal: &Goal) -> Option<Option<Allocation>> {
    if !small(p) {
        return None;
    }
    let zero = vec![0.0; p.kinds];
    let (weight, incumbent) = match goal {
        Goal::Installs => (&zero[..], -1.0),
        // the largest finite weight: nothing is heavier (∞ would turn the tie margin into NaN)
        Goal::Weight { weight, .. } => (&weight[..], f64::MAX),
    };
    let searched = search(p.model, &p.least, goal, weight, incumbent, None);
    searched.finished.then_some(searched.better)
}

/// A plan not proven within the tolerance, searched through where the instance is small
/// enough: the better plan if one exists, and the bound closed when the search finishes.
/// `value` and `bound` are the objective's (outreach installs, or `min-cost`'s value).
pub fn close(
    p: &Problem,
    goal: Goal,
    found: (Allocation, f64, f64),
    prices: Option<&[f64]>,
) -> (Allocation, f64, f64) {
    let (teams, value, bound) = found;
    // (a weight goal's prices: rows, then ν)
    let proven = match goal {
        Goal::Installs => bound - value <= GAP_TOLERANCE * bound,
        Goal::Weight { .. } => value - bound <= GAP_TOLERANCE * bound,
    };
    if proven || !small(p) {
        return (teams, value, bound);
    }
    let model = p.model;
    let (zero, weight) = (vec![0.0; p.kinds], goal_weight(&goal));
    let incumbent = match &goal {
        Goal::Installs => value,
        Goal::Weight { weight, .. } => weighed(&teams, weight),
    };
    let searched = search(
        model,
        &p.least,
        &goal,
        weight.unwrap_or(&zero),
        incumbent,
        prices,
    );
    let teams = searched.better.unwrap_or(teams);
    let value = match goal {
        Goal::Installs => p.outreach(&teams),
        Goal::Weight { .. } => super::min_cost_value(model, &teams),
    };
    let bound = if searched.finished { value } else { bound };
    (teams, value, bound)
}

fn goal_weight(goal: &Goal) -> Option<&[f64]> {
    match goal {
        Goal::Installs => None,
        Goal::Weight { weight, .. } => Some(weight),
    }
}

/// Searches for an allocation within bounds, pools, budget and least efforts that beats
/// `incumbent` (an allocation's value).
pub fn search(
    model: &Model,
    min_effort: &[f64],
    goal: &Goal,
    weight: &[f64],
    incumbent: f64,
    prices: Option<&[f64]>,
) -> Outcome {
    let gave_up = Outcome {
        better: None,
        finished: false,
    };
    let districts = model.districts.len();
    let kinds = model.kinds.len();
    // every combination of each district, with its effort-feasibility, outreach and cost
    let mut options: Vec<Vec<(Vec<u32>, f64, f64)>> = Vec::with_capacity(districts);
    let mut work: u64 = 0;
    for (d, &least) in min_effort.iter().enumerate() {
        let bounds = &model.districts[d].bounds;
        if bounds.iter().any(|b| b.min > b.max) {
            return gave_up;
        }
        let mut list = Vec::new();
        let lo: Vec<u32> = bounds.iter().map(|b| b.min).collect();
        let hi: Vec<u32> = bounds.iter().map(|b| b.max).collect();
        let mut t = lo.clone();
        loop {
            work += 1;
            if work > WORK_LIMIT {
                return gave_up;
            }
            let effort = model.effort(d, &t);
            if effort >= least - EFFORT_TOLERANCE {
                let gain = outreach_installs(model.districts[d].pool, effort);
                let w: f64 = t.iter().zip(weight).map(|(&n, w)| w * f64::from(n)).sum();
                list.push((t.clone(), gain, w));
            }
            if !next_combination(&mut t, &lo, &hi) {
                break;
            }
        }
        // most promising first: for installs the largest gain, for weight the lightest
        match goal {
            Goal::Installs => list.sort_by(|a, b| b.1.total_cmp(&a.1)),
            Goal::Weight { .. } => list.sort_by(|a, b| a.2.total_cmp(&b.2)),
        }
        options.push(list);
    }
    let pools: Vec<(usize, u32)> = (0..kinds)
        .filter(|&k| model.kinds[k].scope == Scope::Provincial)
        .map(|k| (k, model.kinds[k].available.unwrap_or(0)))
        .collect();
    let budget = model.budget.map(budget_limit);
    // The most outreach the districts from d on could add: each district's best on its own,
    // and (tighter) the Lagrangian bound at `prices`: Σ_{d' ≥ d} max (G − π·t) plus the
    // prices of what is left of each pool and the budget, added at each node.
    // For `Weight`, the prices end with ν, the target's: a district's term is then
    // ν·G − (weight + λ·a)·t, and the bound on the rest is a least weight.
    let nu = match goal {
        Goal::Weight { .. } => prices
            .and_then(|y| y.get(pools.len() + usize::from(model.budget.is_some())))
            .copied(),
        Goal::Installs => None,
    };
    let price = team_prices(model, &pools, prices);
    let mut most_after = vec![0.0; districts + 1];
    let mut priced_after = vec![0.0; districts + 1];
    for d in (0..districts).rev() {
        let best = options[d].iter().map(|o| o.1).fold(0.0, f64::max);
        let priced = options[d]
            .iter()
            .map(|o| {
                let paid: f64 = o.0.iter().zip(&price).map(|(&t, p)| p * f64::from(t)).sum();
                match nu {
                    Some(nu) => nu * o.1 - o.2 - paid,
                    None => o.1 - paid,
                }
            })
            .fold(f64::NEG_INFINITY, f64::max);
        most_after[d] = most_after[d + 1] + best;
        priced_after[d] = priced_after[d + 1] + priced;
    }
    let mut search = Search {
        model,
        options: &options,
        most_after: &most_after,
        priced_after: &priced_after,
        prices: prices.unwrap_or(&[]),
        nu,
        pools: &pools,
        budget,
        goal: match goal {
            Goal::Installs => Aim::Installs,
            Goal::Weight { need, .. } => Aim::Weight { need: *need },
        },
        best_value: incumbent,
        best: None,
        chosen: Vec::with_capacity(districts),
        used: vec![0; kinds],
        work,
    };
    let finished = search.descend(0, 0.0, 0.0, 0.0);
    Outcome {
        better: search.best,
        finished,
    }
}

/// Team prices from the rows' multipliers (pools in order, then the budget); zero without.
fn team_prices(model: &Model, pools: &[(usize, u32)], prices: Option<&[f64]>) -> Vec<f64> {
    let mut price = vec![0.0; model.kinds.len()];
    let Some(y) = prices else { return price };
    for (j, &(k, _)) in pools.iter().enumerate() {
        price[k] += y.get(j).copied().unwrap_or(0.0);
    }
    if let (Some(_), Some(&mu)) = (model.budget, y.get(pools.len())) {
        for (k, p) in price.iter_mut().enumerate() {
            *p += mu * model.cost_per_team(k);
        }
    }
    price
}

/// The search's goal without its weights (those are in the options).
#[derive(Clone, Copy)]
enum Aim {
    Installs,
    Weight { need: f64 },
}

struct Search<'a> {
    model: &'a Model,
    options: &'a [Vec<(Vec<u32>, f64, f64)>],
    most_after: &'a [f64],
    priced_after: &'a [f64],
    /// Multipliers of the pools (in `pools` order), then the budget's.
    prices: &'a [f64],
    /// The target's multiplier, for `Weight`.
    nu: Option<f64>,
    pools: &'a [(usize, u32)],
    budget: Option<f64>,
    goal: Aim,
    best_value: f64,
    best: Option<Allocation>,
    chosen: Vec<usize>,
    used: Vec<u32>,
    work: u64,
}

impl Search<'_> {
    /// A lower bound on the weight districts d onwards need to add `rest` outreach installs:
    /// ν·rest − Σ_{d' ≥ d} max (ν·G − (weight + λ·a)·t) − λ·(what is left of the rows).
    fn least_rest(&self, d: usize, rest: f64, cost: f64) -> f64 {
        let Some(nu) = self.nu else { return 0.0 };
        let left = self.priced_rest(d, cost) - self.priced_after[d];
        (nu * rest - self.priced_after[d] - left).max(0.0)
    }

    /// The Lagrangian bound on what districts d onwards can add, given what is used so far.
    fn priced_rest(&self, d: usize, cost: f64) -> f64 {
        if self.prices.is_empty() {
            return f64::INFINITY;
        }
        let mut rest = self.priced_after[d];
        for (j, &(k, cap)) in self.pools.iter().enumerate() {
            rest += self.prices[j] * (f64::from(cap) - f64::from(self.used[k]));
        }
        if let (Some(b), Some(&mu)) = (self.budget, self.prices.get(self.pools.len())) {
            rest += mu * (b - cost);
        }
        rest
    }

    /// Tries every option of district `d` onwards; false when the work limit stopped it.
    fn descend(&mut self, d: usize, gain: f64, weight: f64, cost: f64) -> bool {
        if d == self.options.len() {
            let better = match self.goal {
                Aim::Installs => {
                    gain > self.best_value + SEARCH_TIE * self.best_value.abs().max(1.0)
                }
                Aim::Weight { need } => {
                    gain >= need - INSTALLS_TOLERANCE
                        && weight < self.best_value - SEARCH_TIE * self.best_value.abs().max(1.0)
                }
            };
            if better {
                self.best_value = match self.goal {
                    Aim::Installs => gain,
                    Aim::Weight { .. } => weight,
                };
                self.best = Some(
                    self.chosen
                        .iter()
                        .enumerate()
                        .map(|(d, &i)| self.options[d][i].0.clone())
                        .collect(),
                );
            }
            return true;
        }
        // what the rest could add at most decides whether this branch can still win
        // (the priced sums bound installs only for `Installs`; for `Weight` they bound weight)
        let reachable = match self.goal {
            Aim::Installs => gain + self.most_after[d].min(self.priced_rest(d, cost)),
            Aim::Weight { .. } => gain + self.most_after[d],
        };
        match self.goal {
            Aim::Installs
                if reachable <= self.best_value + SEARCH_TIE * self.best_value.abs().max(1.0) =>
            {
                return true;
            }
            Aim::Weight { need }
                if reachable < need - INSTALLS_TOLERANCE
                    || weight + self.least_rest(d, need - gain, cost)
                        >= self.best_value - SEARCH_TIE * self.best_value.abs().max(1.0) =>
            {
                return true;
            }
            _ => {}
        }
        for i in 0..self.options[d].len() {
            self.work += 1;
            if self.work > WORK_LIMIT {
                return false;
            }
            let (teams, g, w) = &self.options[d][i];
            let c: f64 = teams
                .iter()
                .enumerate()
                .map(|(k, &n)| self.model.cost_per_team(k) * f64::from(n))
                .sum();
            if self.budget.is_some_and(|b| cost + c > b) {
                continue;
            }
            if self
                .pools
                .iter()
                .any(|&(k, cap)| self.used[k] + teams[k] > cap)
            {
                continue;
            }
            for &(k, _) in self.pools {
                self.used[k] += teams[k];
            }
            self.chosen.push(i);
            let finished = self.descend(d + 1, gain + g, weight + w, cost + c);
            self.chosen.pop();
            for &(k, _) in self.pools {
                self.used[k] -= teams[k];
            }
            if !finished {
                return false;
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Bounds, District, Objective, TeamKind};

    /// Two districts, a pool of 2 teams and a budget that buys two cheap teams or one dear one.
    fn model(cap: u32) -> Model {
        let kind = |name: &str, scope, available, rate, cost| TeamKind {
            name: name.into(),
            scope,
            available,
            installs_per_team_day: rate,
            cost_per_team_day: cost,
        };
        let district = |pool: f64| District {
            name: "D".into(),
            smartphones: 10_000,
            installed: 2_000,
            mandated_installs: 0.0,
            fixed_installs: 0.0,
            pool,
            bounds: vec![Bounds { min: 0, max: cap }, Bounds { min: 0, max: cap }],
            productivity: vec![1.0, 1.0],
            floor: None,
        };
        Model {
            horizon_days: 1,
            objective: Objective::MaxInstalls,
            reachable_share: 0.8,
            target_rate: 0.3,
            district_floor: None,
            budget: Some(300.0),
            kinds: vec![
                kind("cheap", Scope::Local, None, 100.0, 150.0),
                kind("dear", Scope::Provincial, Some(2), 250.0, 300.0),
            ],
            districts: vec![district(1_000.0), district(5_000.0)],
        }
    }

    #[test]
    fn finds_the_optimum_a_local_search_can_miss_and_knows_it() {
        let m = model(2);
        // The budget buys 2 cheap teams (200 effort) or 1 dear one (250): the dear team in
        // the large pool is best.
        let out = search(&m, &[0.0, 0.0], &Goal::Installs, &[0.0, 0.0], 0.0, None);
        assert!(out.finished);
        let best = out.better.expect("something beats nothing");
        assert_eq!(best, vec![vec![0, 0], vec![0, 1]]);
        // nothing beats the optimum itself
        let value = outreach_installs(5_000.0, 250.0);
        let again = search(&m, &[0.0, 0.0], &Goal::Installs, &[0.0, 0.0], value, None);
        assert!(again.finished && again.better.is_none());
    }

    #[test]
    fn gives_up_on_large_instances() {
        let mut m = model(3_000);
        m.kinds[1].available = Some(3_000);
        m.budget = None;
        let out = search(&m, &[0.0, 0.0], &Goal::Installs, &[0.0, 0.0], 0.0, None);
        assert!(!out.finished);
    }
}
