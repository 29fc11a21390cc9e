//! The optimiser (MODEL.md § "Objectives"): integer teams per district and kind, exact curve.
//! docs/solver.md explains the method.

mod bulk;
mod cover;
mod diagnose;
mod dual;
mod exact;
mod improve;
mod lagrangian;
mod max_installs;
mod max_min;
pub mod milp;
mod min_cost;
mod problem;
mod state;
mod subproblem;
pub mod tolerance;

pub use diagnose::{Diagnosis, Finding, Minimums, Verdict};
pub use tolerance::{GAP_TOLERANCE, INSTALLS_TOLERANCE, RATE_GAP_TOLERANCE};

use serde::Serialize;

use crate::model::{Allocation, Model, Objective};
use problem::Problem;

/// Whether the scenario could be met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Every constraint holds and the proven gap is within MODEL.md's tolerance.
    Optimal,
    /// Every constraint holds; the proof is looser than the tolerance (the gap says how much).
    Feasible,
    Infeasible,
}

impl Status {
    /// A plan that meets the scenario (optimal or feasible).
    pub fn meets_scenario(self) -> bool {
        self != Status::Infeasible
    }

    /// The status of a plan that keeps every constraint and is proven within `gap` (in the
    /// objective's own measure, MODEL.md § "Objectives").
    pub fn of_gap(objective: Objective, gap: Option<f64>) -> Status {
        let tolerance = match objective {
            Objective::MaxMinRate => RATE_GAP_TOLERANCE,
            Objective::MaxInstalls | Objective::MinCost => GAP_TOLERANCE,
        };
        match gap {
            Some(g) if g <= tolerance => Status::Optimal,
            _ => Status::Feasible,
        }
    }
}

/// What the optimiser can prove about its plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Optimality {
    /// The plan's objective, evaluated exactly: installs, cost (teams when all kinds are free)
    /// or the lowest district rate.
    pub objective_value: f64,
    /// An upper bound (a lower bound for `min-cost`) on what any plan can reach.
    pub bound: Option<f64>,
    /// The relative gap between the two, as MODEL.md measures it.
    pub gap: Option<f64>,
    pub method: String,
}

/// What `solve` returns.
#[derive(Debug, Clone, PartialEq)]
pub struct Solution {
    pub status: Status,
    /// The plan (for an infeasible scenario: the best reachable allocation).
    pub teams: Allocation,
    pub diagnosis: Option<Diagnosis>,
    pub optimality: Optimality,
}

/// How the optimiser works, as reported in the plan.
const METHOD: &str = "lagrangian bundle + exact district subproblems + one-team exchanges";

/// Solves `model` for its objective. Every figure is evaluated on the exact curve; an
/// infeasible scenario gives the best reachable allocation and a diagnosis.
pub fn solve(model: &Model) -> Solution {
    let conflicts = diagnose::structural(model);
    if !conflicts.is_empty() {
        return infeasible(model, conflicts, true);
    }
    let floor_effort = match diagnose::floor_efforts(model) {
        Ok(e) => e,
        Err(findings) => return infeasible(model, findings, false),
    };
    let p = Problem::new(model, floor_effort.clone());
    let floors_short = || infeasible(model, diagnose::floors_short(model, &floor_effort), false);
    let base = total_base(model);
    match model.objective {
        Objective::MaxInstalls => {
            let Some(found) = most(&p) else {
                return floors_short();
            };
            let (teams, value, bound) = exact::close(
                &p,
                exact::Goal::Installs,
                (found.teams, found.value, found.bound),
                Some(&found.multipliers),
            );
            let gap = relative(bound - value, bound);
            planned(model, teams, base + value, Some(base + bound), gap)
        }
        Objective::MinCost => {
            let need = (model.target_rate * model.total_smartphones() as f64 - base).max(0.0);
            let Some((mut teams, mut value, bound)) = cheapest_reaching(model, &p, need) else {
                return infeasible(model, target_short(model, need, &floor_effort), false);
            };
            // The target as printed: the districts' installs each rounded (as every human
            // report prints and adds them) must reach it too. Where they fall short, the target
            // is raised by the printed shortfall and solved again, a few rounds at most; a round
            // with no plan keeps the last (which reaches the target exactly; the plan's notice
            // says it prints short). The bound stays the exact target's: every plan that reaches
            // the target as printed and exactly is one of the plans it bounds (trial 13g K17).
            let mut raised = need;
            for _ in 0..PRINTED_ROUNDS {
                let short = printed_shortfall(model, &teams);
                if short <= 0.0 {
                    break;
                }
                raised += short;
                let Some((t, v, _)) = cheapest_reaching(model, &p, raised) else {
                    break;
                };
                teams = t;
                value = v;
            }
            let bound = bound.min(value);
            let gap = relative(value - bound, bound);
            planned(model, teams, value, Some(bound), gap)
        }
        Objective::MaxMinRate => {
            let Some(start) = most(&p) else {
                return floors_short();
            };
            let found = max_min::solve(model, &floor_effort, start);
            let gap = Some((found.bound - found.min_rate).max(0.0));
            planned(model, found.teams, found.min_rate, Some(found.bound), gap)
        }
    }
}

/// Rounds of `min-cost` with its target raised by what the plan's printed installs fall short
/// of it: one almost always suffices (the rounding moves a few installs).
const PRINTED_ROUNDS: usize = 4;

/// The installs the districts' projections, each rounded to a whole install as the reports
/// print them, fall short of the provincial target (0 when they reach it): the test of
/// `number::short_as_printed` on `Plan::projected_installed_as_printed`.
fn printed_shortfall(model: &Model, teams: &Allocation) -> f64 {
    let printed: f64 = (0..model.districts.len())
        .map(|d| model.projected_installed(d, &teams[d]).round())
        .sum();
    let target = model.target_rate * model.total_smartphones() as f64;
    ((target - tolerance::INSTALLS_TOLERANCE).ceil() - printed).max(0.0)
}

/// `min-cost`'s cheapest plan whose outreach reaches `need`: the plan, its cost (teams when
/// every kind is free) and a lower bound on the cost of any plan that reaches `need`, or
/// `None` when none is found.
fn cheapest_reaching(model: &Model, p: &Problem, need: f64) -> Option<(Allocation, f64, f64)> {
    let goal = exact::Goal::Weight {
        need,
        weight: min_cost::team_weights(model),
    };
    let found = min_cost::solve(p, need)
        .or_else(|| min_cost_unbudgeted(model, &p.least, need))
        .or_else(|| {
            // none found: a small instance is searched through before it is called infeasible
            let teams = exact::optimum(p, &goal)??;
            let bound = min_cost_value(model, &teams);
            Some(min_cost::Found {
                teams,
                bound,
                multipliers: Vec::new(),
            })
        })?;
    let value = min_cost_value(model, &found.teams);
    let prices = (!found.multipliers.is_empty()).then_some(&found.multipliers[..]);
    let (teams, value, bound) = exact::close(p, goal, (found.teams, value, found.bound), prices);
    // every plan costs a whole number of steps (teams, when every kind is free): so does
    // the cheapest, and the bound rises to the next step
    let step = if model.all_free() {
        1.0
    } else {
        diagnose::cost_step(model)
    };
    let bound = ((bound / step - tolerance::COUNT_TOLERANCE).ceil() * step).min(value);
    Some((teams, value, bound))
}

/// `min-cost` where the method finds no plan under the budget: the cheapest plan without the
/// budget, kept when it fits the budget. Its bound holds with the budget too (a row dropped
/// can only lower the least cost).
fn min_cost_unbudgeted(model: &Model, floor_effort: &[f64], need: f64) -> Option<min_cost::Found> {
    model.budget?;
    let found = min_cost_without_budget(model, floor_effort, need)?;
    tolerance::within_budget(model.budget, model.cost(&found.teams)).then(|| min_cost::Found {
        multipliers: Vec::new(),
        ..found
    })
}

/// `min-cost`'s plan for `model` with its budget left out.
fn min_cost_without_budget(
    model: &Model,
    floor_effort: &[f64],
    need: f64,
) -> Option<min_cost::Found> {
    let mut free = model.clone();
    free.budget = None;
    min_cost::solve(&Problem::new(&free, floor_effort.to_vec()), need)
}

/// The size of every pool: what tells apart the findings' questions about more teams.
fn pool_sizes(model: &Model) -> Vec<Option<u32>> {
    model.kinds.iter().map(|k| k.available).collect()
}

/// The value `min-cost` minimises: the cost, or the number of teams when every kind is free.
pub fn min_cost_value(model: &Model, teams: &Allocation) -> f64 {
    if model.all_free() {
        teams.iter().flatten().map(|&t| f64::from(t)).sum()
    } else {
        model.cost(teams)
    }
}

fn total_base(model: &Model) -> f64 {
    model.districts.iter().map(|d| d.base_installed()).sum()
}

fn total_outreach(model: &Model, teams: &Allocation) -> f64 {
    (0..model.districts.len())
        .map(|d| model.projected_installed(d, &teams[d]) - model.districts[d].base_installed())
        .sum()
}

fn relative(gap: f64, scale: f64) -> Option<f64> {
    Some(if scale.abs() <= tolerance::NEGLIGIBLE {
        0.0
    } else {
        (gap / scale).max(0.0)
    })
}

/// A plan that keeps every constraint: optimal or feasible as its proven gap says.
fn planned(
    model: &Model,
    teams: Allocation,
    value: f64,
    bound: Option<f64>,
    gap: Option<f64>,
) -> Solution {
    Solution {
        status: Status::of_gap(model.objective, gap),
        teams,
        diagnosis: None,
        optimality: Optimality {
            objective_value: value,
            bound,
            gap,
            method: METHOD.to_string(),
        },
    }
}

/// The most outreach installs within the limits and least efforts `least`: the plan and an
/// upper bound, or `None` when the least efforts cannot be met.
fn most_outreach(model: &Model, least: &[f64]) -> Option<max_installs::Found> {
    most(&Problem::new(model, least.to_vec()))
}

/// The most outreach installs for `p`; where the method finds no plan without proving there is
/// none, a small instance is searched through.
fn most(p: &Problem) -> Option<max_installs::Found> {
    match max_installs::solve(p, None) {
        Ok(found) => Some(found),
        Err(max_installs::Short::Proven) => None,
        Err(max_installs::Short::Unproven) => {
            let teams = exact::optimum(p, &exact::Goal::Installs)??;
            let value = p.outreach(&teams);
            Some(max_installs::Found {
                teams,
                value,
                bound: value,
                multipliers: vec![0.0; p.rows.len()],
            })
        }
    }
}

/// A plan's cost and whether it is the least (infinite and least: no plan), or nothing settled.
type Settled = Option<(f64, bool)>;

/// What the findings' floor questions keep from one to the next: the prices the last ended at,
/// and for each size of the pools a plan for the floors without the budget (its cost, and
/// whether it is the least), which every budget question of that size shares: first any plan
/// that fits the pools, the cheapest only once a budget question needs it.
///
/// Every question of one sequence (one `diagnose::floors_short`) is the same model with the same
/// floors, its provincial pools raised from the scenario's by `diagnose::with_more_teams` (a
/// district's bound that was the whole pool follows it; the others stay, and every provincial
/// bound is at most its pool) and its budget changed. So the bounds are a non-decreasing
/// function of the pool sizes alone: a plan found for some pools is a plan for any pools at
/// least its use, and pools proven too small, whatever the budget, prove every smaller pool
/// too. `plans` and `too_small` answer those questions without a new search (the count
/// searches ask about neighbouring sizes). A question that changed bounds another way would
/// break this: it must not share a `FloorQuestions`.
#[derive(Default)]
struct FloorQuestions {
    warm: Option<Vec<f64>>,
    /// For each size of the pools, what [`cover::cheapest`] found (and how far it went).
    cheapest: std::collections::HashMap<Vec<Option<u32>>, (Settled, cover::Way)>,
    /// Each plan found without the budget: its use of every pool, and its cost.
    plans: Vec<(Vec<Option<u32>>, f64)>,
    /// Pools proven too small for the floors whatever the budget.
    too_small: Vec<Vec<Option<u32>>>,
    /// The exhaustive search gave up at its work limit once: alike questions would too.
    gave_up: bool,
}

/// Whether the district floors (as least efforts) can be met in `model`, for a sequence of
/// alike questions (the findings), each starting from what the last left in `kept`.
fn floors_verdict(
    model: &Model,
    least: &[f64],
    kept: &std::cell::RefCell<FloorQuestions>,
) -> diagnose::Verdict {
    let p = Problem::new(model, least.to_vec());
    let start = kept
        .borrow()
        .warm
        .clone()
        .filter(|w| w.len() == p.rows.len());
    let (verdict, multipliers) = max_installs::meets_least(&p, start.as_deref());
    kept.borrow_mut().warm = Some(multipliers);
    if verdict != Verdict::Unknown {
        return verdict;
    }
    // a plan for the floors without the budget: within it, met; beyond it and the least,
    // short (it does not change with the budget, so it is found once for these pools)
    let pools = pool_sizes(model);
    // each pool no larger than the other's (local kinds, with no pool, alike)
    let within = |small: &[Option<u32>], large: &[Option<u32>]| {
        small.iter().zip(large).all(|(a, b)| match (a, b) {
            (Some(a), Some(b)) => a <= b,
            (a, b) => a == b,
        })
    };
    {
        let known = kept.borrow();
        if known.plans.iter().any(|(used, cost)| {
            within(used, &pools) && tolerance::within_budget(model.budget, *cost)
        }) {
            return Verdict::Met;
        }
        if known.too_small.iter().any(|large| within(&pools, large)) {
            return Verdict::Short;
        }
    }
    // a plan that fits the pools first; the cheapest only where a budget asks for it
    let settle = |way: cover::Way| {
        let mut free = model.clone();
        free.budget = None;
        let found = match cover::cheapest(&Problem::new(&free, least.to_vec()), way) {
            Some(cover::Cover::Plan { teams, least }) => {
                let used = pools
                    .iter()
                    .enumerate()
                    .map(|(k, pool)| pool.map(|_| teams.iter().map(|row| row[k]).sum()))
                    .collect();
                let cost = free.cost(&teams);
                kept.borrow_mut().plans.push((used, cost));
                Some((cost, least))
            }
            Some(cover::Cover::Impossible) => {
                kept.borrow_mut().too_small.push(pools.clone());
                Some((f64::INFINITY, true))
            }
            None => None,
        };
        kept.borrow_mut()
            .cheapest
            .insert(pools.clone(), (found, way));
        found
    };
    let cached = kept.borrow().cheapest.get(&pools).copied();
    let (mut cheapest, way) =
        cached.unwrap_or_else(|| (settle(cover::Way::Fitting), cover::Way::Fitting));
    if way == cover::Way::Fitting
        && let Some((cost, false)) = cheapest
        && !tolerance::within_budget(model.budget, cost)
    {
        cheapest = settle(cover::Way::Cheapest);
    }
    match cheapest {
        Some((cost, _)) if tolerance::within_budget(model.budget, cost) => Verdict::Met,
        Some((_, true)) => Verdict::Short,
        _ if kept.borrow().gave_up => Verdict::Unknown,
        // a small instance the method cannot settle is searched through
        _ => match exact::optimum(&p, &exact::Goal::Installs) {
            Some(Some(_)) => Verdict::Met,
            Some(None) => Verdict::Short,
            None => {
                kept.borrow_mut().gave_up = exact::small(&p);
                Verdict::Unknown
            }
        },
    }
}

/// Why `min-cost` cannot reach the target: the reachable pool, more teams, or more budget.
fn target_short(model: &Model, need: f64, floor_effort: &[f64]) -> Vec<Finding> {
    // met when a plan reaches `need`; short when the bound on every plan is below it
    // each question starts at the prices of the last: the scenarios asked about are alike
    let warm: std::cell::RefCell<Option<Vec<f64>>> = std::cell::RefCell::new(None);
    // the cost of the cheapest plan found without the budget, for each size of the pools (the
    // budget search asks about one size at many budgets): a plan, so any budget it fits is met
    let unbudgeted: std::cell::RefCell<std::collections::HashMap<Vec<Option<u32>>, Option<f64>>> =
        std::cell::RefCell::default();
    let cheapest_without_budget = |m: &Model, pools: &[Option<u32>]| -> Option<f64> {
        *unbudgeted
            .borrow_mut()
            .entry(pools.to_vec())
            .or_insert_with(|| {
                min_cost_without_budget(m, floor_effort, need).map(|found| m.cost(&found.teams))
            })
    };
    let fits = |m: &Model, cost: f64| tolerance::within_budget(m.budget, cost);
    let gave_up = std::cell::Cell::new(false);
    let reaches = |m: &Model| {
        let pools = pool_sizes(m);
        // a budget the cheapest plan found for these pools fits is met at once
        if m.budget.is_some()
            && let Some(Some(cost)) = unbudgeted.borrow().get(&pools)
            && fits(m, *cost)
        {
            return Verdict::Met;
        }
        let p = Problem::new(m, floor_effort.to_vec());
        let start = warm.borrow().clone().filter(|w| w.len() == p.rows.len());
        let (verdict, multipliers) = max_installs::reaches(&p, need, start.as_deref());
        *warm.borrow_mut() = Some(multipliers);
        match verdict {
            // the cheapest plan without the budget may fit it
            Verdict::Unknown if cheapest_without_budget(m, &pools).is_some_and(|c| fits(m, c)) => {
                Verdict::Met
            }
            // a small instance the method cannot settle is searched through (until a search
            // gives up at its work limit: the questions are alike, the next would too)
            Verdict::Unknown if exact::small(&p) && !gave_up.get() => {
                match exact::optimum(&p, &exact::Goal::Installs) {
                    Some(Some(t)) if p.outreach(&t) >= need - INSTALLS_TOLERANCE => Verdict::Met,
                    Some(_) => Verdict::Short,
                    None => {
                        gave_up.set(true);
                        Verdict::Unknown
                    }
                }
            }
            v => v,
        }
    };
    let pool_limit = || {
        let best = most_outreach(model, floor_effort).map_or(0.0, |f| f.value);
        vec![Finding::TargetPoolLimit {
            target: model.target_rate,
            best_rate: (total_base(model) + best) / model.total_smartphones() as f64,
        }]
    };
    let pool: f64 = model.districts.iter().map(|d| d.pool).sum();
    if pool < need {
        return pool_limit();
    }
    let findings = diagnose::short_of(model, &reaches, false);
    if findings.is_empty() {
        return pool_limit();
    }
    findings
}

/// An infeasible result: the findings, and the most installs reachable with what there is.
/// Floors and the target are dropped; bounds, pools and budget are kept unless they
/// contradict each other (`structural`), in which case the contradicting part is relaxed: a
/// minimum above a maximum comes down to it, and the minimums of a provincial kind beyond its
/// pool are kept where they fit, for the districts with the lowest rate first (MODEL.md). The
/// plan still reports the rules' own bounds: what the rules asked, not what could be given.
fn infeasible(model: &Model, findings: Vec<Finding>, structural: bool) -> Solution {
    // with no team to send at all, that is what the reader must hear first (issue 13, F25);
    // "even with every team available" means with teams: the rate the whole reachable pool
    // would give, which teams would have to be found for
    let findings = if diagnose::no_teams(model) {
        let pool_rate = (total_base(model) + model.districts.iter().map(|d| d.pool).sum::<f64>())
            / model.total_smartphones() as f64;
        let findings = findings
            .into_iter()
            .map(|f| match f {
                Finding::TargetPoolLimit { target, .. } => Finding::TargetPoolLimit {
                    target,
                    best_rate: pool_rate,
                },
                f => f,
            })
            .collect();
        diagnose::with_no_teams(model, findings)
    } else {
        findings
    };
    let mut relaxed = model.clone();
    relaxed.district_floor = None;
    for d in &mut relaxed.districts {
        d.floor = None;
    }
    if structural {
        for d in &mut relaxed.districts {
            for b in &mut d.bounds {
                b.min = b.min.min(b.max);
            }
        }
        for finding in &findings {
            if let Finding::PoolMinimums { kind, .. } = finding
                && let Some(k) = model.kinds.iter().position(|x| &x.name == kind)
            {
                keep_minimums_that_fit(&mut relaxed, k);
            }
        }
    }
    // the smallest change that fits the rules' minimums: the budget raised to what they cost
    let minimums = diagnose::minimums_cost(&relaxed);
    if relaxed.budget.is_some_and(|b| b < minimums) {
        relaxed.budget = Some(minimums);
    }
    let zero = vec![0.0; model.districts.len()];
    let teams = most_outreach(&relaxed, &zero).map_or_else(
        || {
            model
                .districts
                .iter()
                .map(|d| d.bounds.iter().map(|b| b.min.min(b.max)).collect())
                .collect()
        },
        |f| f.teams,
    );
    let value = total_base(model) + total_outreach(model, &teams);
    Solution {
        status: Status::Infeasible,
        teams,
        diagnosis: Some(Diagnosis { findings }),
        optimality: Optimality {
            objective_value: value,
            bound: None,
            gap: None,
            method: METHOD.to_string(),
        },
    }
}

/// The rules' minimums of the provincial kind `k` that fit its pool, for the districts with
/// the lowest rate first (ties in scenario order); a minimum that fits only in part is kept in
/// part, and the districts after it keep none.
fn keep_minimums_that_fit(model: &mut Model, k: usize) {
    let mut left = model.kinds[k].available.unwrap_or(0);
    let mut order: Vec<usize> = (0..model.districts.len()).collect();
    order.sort_by(|&a, &b| {
        model.districts[a]
            .rate()
            .total_cmp(&model.districts[b].rate())
            .then(a.cmp(&b))
    });
    for d in order {
        let bound = &mut model.districts[d].bounds[k];
        bound.min = bound.min.min(left);
        left -= bound.min;
    }
}
