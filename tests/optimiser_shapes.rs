//! The optimiser against the true optimum on small instances of every shape the model accepts
//! (`common::shape_model`: 1-3 districts; local commune teams and two provincial pools,
//! volunteers and mobile units, alone or together; budgets binding, slack, below the rules'
//! minimums or absent, all kinds free; the scenario floor and districts' own raised floors;
//! rule minimums and maximums; productivity multipliers; pools of 0 and districts with an
//! empty pool). The optimum comes from enumerating every allocation within the bounds and
//! pools (at most 20,000 per instance).
//!
//! What is checked, per MODEL.md:
//! - § "Outreach teams and the response curve", constraints: a plan that says `optimal` or
//!   `feasible` keeps every team bound, every provincial pool, the budget (to a relative
//!   1e-9), every district's floor φ_d (to 1e-6 installs) and, for min-cost, the provincial
//!   target (§ "Objectives");
//! - § "Objectives", the infeasible result: `infeasible` exactly when no allocation meets the
//!   scenario, with findings; its plan still keeps the bounds, the pools and the budget when
//!   the rules' minimums fit them;
//! - § "Objectives", the proof: the reported bound is valid (never better than the true
//!   optimum), `objective_value` is the plan's exact value, the reported gap is not smaller
//!   than the gap the bound proves as MODEL.md measures it (outreach installs for
//!   max-installs, (bound − value) / bound; (value − bound) / bound on cost for min-cost; bound
//!   − value in rate for max-min-rate); `optimal` only when that proven gap, the reported gap
//!   and the true gap are all within the tolerance (0.5%, 0.5%, 0.001), and `feasible` only
//!   when the reported gap is above it.
//!
//! Plans that end `feasible` (a looser proof) are counted and printed (`-- --nocapture`);
//! they fail the test only when they are beyond the tolerance against the true optimum
//! (MODEL.md holds every plan to it, whatever its proof). Every departure fails it, listing
//! each kind of failure with its count and the first instance (seed, plan, optimality and the
//! whole model).
//!
//! `CAMPAIGN_SHAPES_INSTANCES=50000` runs more instances per objective (default 2,000);
//! `CAMPAIGN_SHAPES_FIRST=N` starts at seed N, so `CAMPAIGN_SHAPES_FIRST=N
//! CAMPAIGN_SHAPES_INSTANCES=1` reruns one instance.

use crate::common;

use std::collections::BTreeMap;

use campaign_planner::model::{Model, Objective, Scope};
use campaign_planner::solve::{
    Finding, GAP_TOLERANCE, RATE_GAP_TOLERANCE, Solution, Status, min_cost_value, solve,
};
use common::{
    SHAPE_ENUMERATION_LIMIT, enumerated_optimum, lower_bounds, min_rate, minimums_fit,
    objective_measure, pooled_allocation_count, shape_model, total_installs,
};

const DEFAULT_INSTANCES: u64 = 2_000;

fn env(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn seeds() -> std::ops::Range<u64> {
    let first = env("CAMPAIGN_SHAPES_FIRST", 0);
    first..first + env("CAMPAIGN_SHAPES_INSTANCES", DEFAULT_INSTANCES)
}

fn tolerance(objective: Objective) -> f64 {
    match objective {
        Objective::MaxMinRate => RATE_GAP_TOLERANCE,
        Objective::MaxInstalls | Objective::MinCost => GAP_TOLERANCE,
    }
}

fn base_installs(model: &Model) -> f64 {
    model.districts.iter().map(|d| d.base_installed()).sum()
}

/// The bound in the objective's own measure ([`objective_measure`]): the reported bound is on
/// total installs for max-installs, so the installs without teams come off.
fn bound_measure(model: &Model, bound: f64) -> f64 {
    match model.objective {
        Objective::MaxInstalls => bound - base_installs(model),
        Objective::MinCost | Objective::MaxMinRate => bound,
    }
}

/// The gap between `value` and `reference` as MODEL.md measures it (§ "Objectives"), where
/// `reference` is a bound or the true optimum, both in the objective's own measure.
fn gap(objective: Objective, value: f64, reference: f64) -> f64 {
    let relative = |g: f64, scale: f64| {
        if g <= 0.0 {
            0.0
        } else if scale <= 1e-12 {
            f64::INFINITY
        } else {
            g / scale
        }
    };
    match objective {
        Objective::MaxInstalls => relative(reference - value, reference),
        Objective::MinCost => relative(value - reference, reference),
        Objective::MaxMinRate => (reference - value).max(0.0),
    }
}

/// `value` beyond the tolerance of the true optimum `best` (with room for rounding only).
fn beyond_tolerance(objective: Objective, value: f64, best: f64) -> bool {
    match objective {
        Objective::MaxInstalls => value < best * (1.0 - GAP_TOLERANCE) - 1e-7 * best.max(1.0),
        Objective::MinCost => value > best * (1.0 + GAP_TOLERANCE) + 1e-7 * best.max(1.0),
        Objective::MaxMinRate => value < best - RATE_GAP_TOLERANCE - 1e-12,
    }
}

/// What one objective's instances gave: the statuses, and every failure by kind with the
/// first instance that showed it.
#[derive(Default)]
struct Tally {
    instances: u64,
    optimal: u64,
    feasible: u64,
    infeasible: u64,
    /// `feasible` plans beyond the tolerance against the true optimum, and the first seeds
    feasible_beyond: u64,
    feasible_beyond_seeds: Vec<u64>,
    /// per kind of failure: how many, the first instance in full, the first seeds
    failures: BTreeMap<&'static str, (u64, String, Vec<u64>)>,
}

struct Instance<'a> {
    test: &'a str,
    seed: u64,
    model: &'a Model,
    solution: &'a Solution,
}

impl Tally {
    fn fail(&mut self, what: &'static str, at: &Instance, detail: String) {
        let entry = self
            .failures
            .entry(what)
            .or_insert((0, String::new(), Vec::new()));
        entry.0 += 1;
        if entry.2.len() < 20 {
            entry.2.push(at.seed);
        }
        if entry.0 == 1 {
            let Instance {
                test,
                seed,
                model,
                solution,
            } = at;
            entry.1 = format!(
                "seed {seed} ({}): {detail}\n  status {:?}, plan {:?}\n  optimality {:?}\n  \
                 diagnosis {:?}\n  rerun: CAMPAIGN_SHAPES_FIRST={seed} CAMPAIGN_SHAPES_INSTANCES=1 \
                 cargo test --release optimiser_shapes::{test}\n{model:#?}",
                model.objective.as_str(),
                solution.status,
                solution.teams,
                solution.optimality,
                solution.diagnosis,
            );
        }
    }

    fn report(&self, objective: Objective) -> String {
        format!(
            "{}: {} instances: {} optimal, {} feasible ({} of them beyond the tolerance of the \
             true optimum{}), {} infeasible",
            objective.as_str(),
            self.instances,
            self.optimal,
            self.feasible,
            self.feasible_beyond,
            if self.feasible_beyond_seeds.is_empty() {
                String::new()
            } else {
                format!(", first seeds {:?}", self.feasible_beyond_seeds)
            },
            self.infeasible,
        )
    }
}

/// Bounds, pools and budget (the limits an infeasible scenario's plan keeps too, when the rules'
/// minimums fit them: `infeasible` names its own kinds of failure).
fn check_limits(at: &Instance, tally: &mut Tally, infeasible: bool) {
    let (model, teams) = (at.model, &at.solution.teams);
    for (d, row) in teams.iter().enumerate() {
        for (k, &t) in row.iter().enumerate() {
            let b = model.districts[d].bounds[k];
            if t < b.min || t > b.max {
                let what = if infeasible {
                    "an infeasible scenario's plan breaks a team bound (the minimums fit)"
                } else {
                    "a plan breaks a team bound"
                };
                tally.fail(
                    what,
                    at,
                    format!("district {d} kind {k}: {t} outside {b:?}"),
                );
            }
        }
    }
    for (k, kind) in model.kinds.iter().enumerate() {
        if kind.scope == Scope::Provincial {
            let used: u32 = teams.iter().map(|row| row[k]).sum();
            let available = kind.available.unwrap_or(0);
            if used > available {
                let what = if infeasible {
                    "an infeasible scenario's plan exceeds a provincial pool (the minimums fit)"
                } else {
                    "a plan exceeds a provincial pool"
                };
                tally.fail(what, at, format!("kind {k}: {used} of {available}"));
            }
        }
    }
    if let Some(budget) = model.budget {
        let cost = model.cost(teams);
        if cost > budget * (1.0 + 1e-9) {
            let what = if infeasible {
                "an infeasible scenario's plan exceeds the budget (the minimums fit)"
            } else {
                "a plan exceeds the budget"
            };
            tally.fail(what, at, format!("cost {cost} > budget {budget}"));
        }
    }
}

/// Whether some allocation meets `model`, by enumeration; `None` when there are too many
/// allocations to enumerate.
fn met(model: &Model) -> Option<bool> {
    (pooled_allocation_count(model) <= SHAPE_ENUMERATION_LIMIT)
        .then(|| enumerated_optimum(model).is_some())
}

/// `model` with `extra` more teams in the pool of kind `k` (and in every district's bound that
/// was the whole pool), as the findings mean it.
fn with_more_teams(model: &Model, k: usize, extra: u32) -> Model {
    let available = model.kinds[k].available.unwrap_or(0);
    let mut m = model.clone();
    m.kinds[k].available = Some(available + extra);
    for d in &mut m.districts {
        if d.bounds[k].max == available {
            d.bounds[k].max = available + extra;
        }
    }
    m
}

/// MODEL.md § "Objectives", the infeasible result: a finding's number is enough (with it, an
/// allocation meets the scenario), and an `exact` one is exactly enough (one team, or one
/// đồng, less and none does), checked by enumeration where it is small enough.
fn check_findings(at: &Instance, tally: &mut Tally) {
    let model = at.model;
    let Some(diagnosis) = &at.solution.diagnosis else {
        return;
    };
    let kind_of = |name: &String| model.kinds.iter().position(|x| &x.name == name);
    for finding in &diagnosis.findings {
        let (with_it, one_less, exact) = match finding {
            Finding::BudgetShort { more, exact, .. } => {
                let budget = model.budget.unwrap_or(0.0);
                let with = |b: f64| {
                    let mut m = model.clone();
                    m.budget = Some(b);
                    m
                };
                (with(budget + more), with(budget + more - 1.0), *exact)
            }
            Finding::TargetTeamsShort { kind, more, exact }
            | Finding::FloorTeamsShort { kind, more, exact } => {
                let Some(k) = kind_of(kind) else {
                    tally.fail(
                        "a finding names a kind the scenario has not",
                        at,
                        kind.clone(),
                    );
                    continue;
                };
                (
                    with_more_teams(model, k, *more),
                    with_more_teams(model, k, more - 1),
                    *exact,
                )
            }
            Finding::TeamsAndBudgetShort {
                kind,
                more,
                budget_more,
                exact,
                ..
            } => {
                let Some(k) = kind_of(kind) else {
                    tally.fail(
                        "a finding names a kind the scenario has not",
                        at,
                        kind.clone(),
                    );
                    continue;
                };
                let with = |teams: u32, extra: f64| {
                    let mut m = with_more_teams(model, k, teams);
                    m.budget = model.budget.map(|b| b + extra);
                    m
                };
                // exactly enough in each lever, the other at the finding's number
                if *exact && met(&with(*more, budget_more - 1.0)) == Some(true) {
                    tally.fail(
                        "an exact finding with one to spare",
                        at,
                        format!("{finding:?}: a đồng less is enough too"),
                    );
                }
                (
                    with(*more, *budget_more),
                    with(more - 1, *budget_more),
                    *exact,
                )
            }
            _ => continue,
        };
        if met(&with_it) == Some(false) {
            tally.fail(
                "a finding's number is not enough",
                at,
                format!("{finding:?}: no allocation meets the scenario with it"),
            );
        }
        if exact && met(&one_less) == Some(true) {
            tally.fail(
                "an exact finding with one to spare",
                at,
                format!("{finding:?}: one less is enough too"),
            );
        }
    }
}

/// Every check of one solved instance against its enumerated optimum.
fn check(at: &Instance, tally: &mut Tally) {
    let (model, solution) = (at.model, at.solution);
    let objective = model.objective;
    let teams = &solution.teams;
    tally.instances += 1;
    match solution.status {
        Status::Optimal => tally.optimal += 1,
        Status::Feasible => tally.feasible += 1,
        Status::Infeasible => tally.infeasible += 1,
    }
    if teams.len() != model.districts.len() || teams.iter().any(|r| r.len() != model.kinds.len()) {
        tally.fail("a plan of the wrong shape", at, String::new());
        return;
    }
    let optimum = enumerated_optimum(model);

    if solution.status == Status::Infeasible {
        if let Some((best, allocation)) = &optimum {
            tally.fail(
                "infeasible although an allocation meets the scenario",
                at,
                format!("{allocation:?} meets it with value {best}"),
            );
        }
        if solution
            .diagnosis
            .as_ref()
            .is_none_or(|d| d.findings.is_empty())
        {
            tally.fail("an infeasible scenario without findings", at, String::new());
        }
        if minimums_fit(model) {
            check_limits(at, tally, true);
        }
        check_findings(at, tally);
        return;
    }

    // optimal or feasible: every constraint, exactly
    if optimum.is_none() {
        tally.fail(
            "a plan for a scenario that no allocation meets",
            at,
            String::new(),
        );
    }
    check_limits(at, tally, false);
    for (d, district) in model.districts.iter().enumerate() {
        if let Some(floor) = district.floor {
            let have = model.projected_installed(d, &teams[d]);
            let need = floor * district.smartphones as f64;
            if have < need - 1e-6 {
                tally.fail(
                    "a plan misses a district's floor",
                    at,
                    format!("district {d}: {have} installs < floor {need}"),
                );
            }
        }
    }
    if objective == Objective::MinCost {
        let have = total_installs(model, teams);
        let need = model.target_rate * model.total_smartphones() as f64;
        if have < need - 1e-6 {
            tally.fail(
                "a min-cost plan misses the provincial target",
                at,
                format!("{have} installs < target {need}"),
            );
        }
    }

    // objective_value is the plan's exact value
    let exact = match objective {
        Objective::MaxInstalls => total_installs(model, teams),
        Objective::MinCost => min_cost_value(model, teams),
        Objective::MaxMinRate => min_rate(model, teams),
    };
    let reported = solution.optimality.objective_value;
    if (reported - exact).abs() > 1e-9 * exact.abs().max(1.0) {
        tally.fail(
            "objective_value is not the plan's exact value",
            at,
            format!("reported {reported}, exact {exact}"),
        );
    }

    let value = objective_measure(model, teams);
    let tol = tolerance(objective);
    let bound = solution.optimality.bound.map(|b| bound_measure(model, b));
    let reported_gap = solution.optimality.gap;

    // the bound is valid: never better than the true optimum
    if let (Some(bound), Some((best, _))) = (bound, &optimum) {
        let slack = 1e-7 * best.abs().max(1.0);
        let valid = match objective {
            Objective::MaxInstalls => bound >= best - slack,
            Objective::MinCost => bound <= best + slack,
            Objective::MaxMinRate => bound >= best - 1e-9,
        };
        if !valid {
            tally.fail(
                "the reported bound is better than the true optimum",
                at,
                format!("bound {bound} (objective's measure), optimum {best}"),
            );
        }
    }
    // the reported gap does not claim more than the bound proves
    let proven = bound.map(|b| gap(objective, value, b));
    if let (Some(proven), Some(reported)) = (proven, reported_gap)
        && reported < proven - 1e-9
    {
        tally.fail(
            "the reported gap is smaller than the gap the bound proves (MODEL.md's measure)",
            at,
            format!("reported {reported}, proven {proven} (value {value}, bound {bound:?})"),
        );
    }
    let true_gap = optimum
        .as_ref()
        .map(|(best, _)| gap(objective, value, *best));
    let beyond = optimum
        .as_ref()
        .is_some_and(|(best, _)| beyond_tolerance(objective, value, *best));

    match solution.status {
        Status::Optimal => {
            if reported_gap.is_none_or(|g| g > tol) {
                tally.fail(
                    "optimal although the reported gap is above the tolerance",
                    at,
                    format!("reported gap {reported_gap:?}"),
                );
            }
            if proven.is_none_or(|g| g > tol + 1e-9) {
                tally.fail(
                    "optimal although the bound does not prove the tolerance",
                    at,
                    format!("value {value}, bound {bound:?}, proven gap {proven:?}"),
                );
            }
            if beyond {
                tally.fail(
                    "optimal although beyond the tolerance of the true optimum",
                    at,
                    format!(
                        "value {value}, optimum {:?}, true gap {true_gap:?}",
                        optimum.as_ref().map(|o| o.0)
                    ),
                );
            }
        }
        Status::Feasible => {
            if reported_gap.is_some_and(|g| g <= tol) {
                tally.fail(
                    "feasible although the reported gap is within the tolerance",
                    at,
                    format!("reported gap {reported_gap:?}"),
                );
            }
            if beyond {
                tally.feasible_beyond += 1;
                if tally.feasible_beyond_seeds.len() < 10 {
                    tally.feasible_beyond_seeds.push(at.seed);
                }
                // MODEL.md: a plan's objective is within the tolerance of the true optimum,
                // whatever its proof says
                tally.fail(
                    "a feasible plan beyond the tolerance of the true optimum",
                    at,
                    format!("reported gap {reported_gap:?}"),
                );
            }
        }
        Status::Infeasible => unreachable!(),
    }
}

/// Solves every instance of `objective` and fails listing every kind of failure.
fn run(objective: Objective, test: &str) {
    run_seeds(objective, test, seeds());
}

fn run_seeds(objective: Objective, test: &str, seeds: impl IntoIterator<Item = u64>) {
    let mut tally = Tally::default();
    for seed in seeds {
        let model = shape_model(seed, objective);
        let solution = solve(&model);
        let at = Instance {
            test,
            seed,
            model: &model,
            solution: &solution,
        };
        check(&at, &mut tally);
    }
    let summary = tally.report(objective);
    eprintln!("{summary}");
    let failures: Vec<String> = tally
        .failures
        .iter()
        .map(|(what, (count, first, seeds))| {
            format!("- {what}: {count} instances (seeds {seeds:?}); first:\n{first}")
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{summary}\n{} kinds of failure:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn max_installs_on_every_shape_keeps_every_constraint_and_proves_half_a_percent() {
    run(
        Objective::MaxInstalls,
        "max_installs_on_every_shape_keeps_every_constraint_and_proves_half_a_percent",
    );
}

#[test]
fn min_cost_on_every_shape_keeps_every_constraint_and_proves_half_a_percent() {
    run(
        Objective::MinCost,
        "min_cost_on_every_shape_keeps_every_constraint_and_proves_half_a_percent",
    );
}

#[test]
fn max_min_rate_on_every_shape_keeps_every_constraint_and_proves_a_thousandth() {
    run(
        Objective::MaxMinRate,
        "max_min_rate_on_every_shape_keeps_every_constraint_and_proves_a_thousandth",
    );
}

/// The generator draws every shape this file claims to test, on the default seeds, and keeps
/// each enumeration within its limit: a generator that stopped drawing one would let the
/// tests above pass without testing it.
#[test]
fn the_generated_instances_cover_every_shape_the_model_accepts() {
    let mut seen: BTreeMap<&str, u64> = BTreeMap::new();
    let mut largest = 0;
    let range = seeds();
    let count = range.end - range.start;
    for seed in range {
        let model = shape_model(seed, Objective::MaxInstalls);
        let mut see = |what, yes: bool| {
            if yes {
                *seen.entry(what).or_default() += 1;
            }
        };
        let provincial = model
            .kinds
            .iter()
            .filter(|k| k.scope == Scope::Provincial)
            .count();
        let local = model.kinds.iter().any(|k| k.scope == Scope::Local);
        see("one district", model.districts.len() == 1);
        see("three districts", model.districts.len() == 3);
        see("one kind", model.kinds.len() == 1);
        see("two pools and a local kind", provincial == 2 && local);
        see(
            "a local kind not first",
            local && model.kinds[0].scope != Scope::Local,
        );
        see("only local teams", provincial == 0);
        see("only provincial teams", !local);
        see("all kinds free", model.all_free());
        see(
            "free and paid kinds",
            !model.all_free() && model.kinds.iter().any(|k| k.cost_per_team_day == 0.0),
        );
        see("no budget", model.budget.is_none());
        let least = model.cost(&lower_bounds(&model));
        let most = common::most_cost(&model);
        see(
            "a binding budget",
            model.budget.is_some_and(|b| b >= least && b < most),
        );
        see("a slack budget", model.budget.is_some_and(|b| b >= most));
        see(
            "a budget below the rules' minimums",
            model.budget.is_some_and(|b| b < least),
        );
        see("a scenario floor", model.district_floor.is_some());
        let phi = model.district_floor.unwrap_or(0.0);
        see(
            "a district's own raised floor",
            model
                .districts
                .iter()
                .any(|d| d.floor.is_some_and(|f| f > phi)),
        );
        let bounds = || model.districts.iter().flat_map(|d| d.bounds.iter());
        see("a rule minimum", bounds().any(|b| b.min > 0));
        see(
            "a minimum above its maximum",
            bounds().any(|b| b.min > b.max),
        );
        see("rule minimums that do not fit", !minimums_fit(&model));
        see(
            "a rule maximum below the pool",
            model.districts.iter().any(|d| {
                d.bounds
                    .iter()
                    .zip(&model.kinds)
                    .any(|(b, k)| k.scope == Scope::Provincial && b.max < k.available.unwrap_or(0))
            }),
        );
        see(
            "a productivity multiplier",
            model
                .districts
                .iter()
                .any(|d| d.productivity.iter().any(|&m| m != 1.0)),
        );
        see(
            "a pool of 0 teams",
            model.kinds.iter().any(|k| k.available == Some(0)),
        );
        see(
            "a district with an empty pool",
            model.districts.iter().any(|d| d.pool <= 0.0),
        );
        see("a horizon other than 14 days", model.horizon_days != 14);
        see(
            "no allocation meets the scenario",
            enumerated_optimum(&model).is_none(),
        );
        largest = largest.max(pooled_allocation_count(&model));
    }
    eprintln!("{count} instances, largest enumeration {largest}: {seen:#?}");
    assert!(
        largest <= SHAPE_ENUMERATION_LIMIT,
        "an enumeration of {largest} allocations"
    );
    if count >= DEFAULT_INSTANCES {
        let expected = 24;
        for (what, &n) in &seen {
            assert!(
                n >= count / 100,
                "only {n} of {count} instances with {what}"
            );
        }
        assert_eq!(seen.len(), expected, "shapes never drawn: {seen:#?}");
    }
}

/// Seeds beyond the default range where a run of 100,000 instances per objective
/// (`CAMPAIGN_SHAPES_INSTANCES=100000`) found the solver of commit 1f8c189 failing or ending
/// `feasible` beyond the tolerance; they run by default so every solver is judged on them.
const FOUND_BY_LONGER_RUNS: [(Objective, &[u64]); 3] = [
    // infeasible scenarios whose diagnosis names no finding
    (Objective::MaxInstalls, &[36_360, 49_957, 56_213, 85_944]),
    // infeasible although an allocation meets the scenario (18367, ..., 76504); called
    // optimal on a bound that proves only a gap above 0.5% as MODEL.md measures it (47364,
    // 70977)
    (
        Objective::MinCost,
        &[
            18_367, 23_568, 26_258, 27_745, 39_292, 40_215, 57_895, 64_540, 71_081, 76_504, 47_364,
            70_977,
        ],
    ),
    // the same infeasible scenarios without findings; 73480 ends feasible beyond the
    // tolerance of the true optimum (counted, not a failure)
    (
        Objective::MaxMinRate,
        &[36_360, 49_957, 56_213, 85_944, 73_480],
    ),
];

#[test]
fn instances_found_by_longer_runs_pass_the_same_checks() {
    let mut failed = Vec::new();
    for (objective, seeds) in FOUND_BY_LONGER_RUNS {
        let outcome = std::panic::catch_unwind(|| {
            run_seeds(
                objective,
                "instances_found_by_longer_runs_pass_the_same_checks",
                seeds.iter().copied(),
            );
        });
        if outcome.is_err() {
            failed.push(objective.as_str());
        }
    }
    assert!(failed.is_empty(), "failures for {failed:?} (printed above)");
}
