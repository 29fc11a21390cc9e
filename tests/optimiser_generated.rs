//! The optimiser on generated provinces of realistic size (50 to 700 districts drawn like
//! Lạng Sơn's; local commune teams and two provincial pools, volunteers and mobile units;
//! budgets; the scenario's floor and districts' own raised floors; the door-to-door rule's
//! minimums; rule maximums and productivity multipliers), built directly as `Model` values.
//! Too large to enumerate or to hand to the MILP, so what is checked is what must hold on any
//! instance (MODEL.md § "Outreach teams and the response curve", § "Objectives"):
//! - every constraint holds exactly: bounds, pools, budget (relative 1e-9), floors (1e-6
//!   installs), the min-cost target;
//! - the status is true to the proof: `optimal` exactly when the reported gap is within the
//!   tolerance, the reported gap is not smaller than the gap the bound proves as MODEL.md
//!   measures it, and `objective_value` is the plan's exact value;
//! - an independent greedy plan (teams added one at a time by their exact marginal installs,
//!   floors first) is a feasible plan, so it bounds the optimum from the other side: the
//!   reported bound is never beaten by it, the scenario is never called infeasible when it
//!   meets it, and our plan, `optimal` or `feasible`, is never behind it by more than the
//!   tolerance (MODEL.md § "Objectives": "its objective must be within 0.5% of the true
//!   optimum"; the status says only how well that is proven);
//! - the same input gives the same output (MODEL.md: "the same input gives the same output"):
//!   solved twice, the allocations and the `Optimality` are equal;
//! - for max-installs, one more team in a provincial pool never lowers the installs found by
//!   more than the tolerance (the optimum cannot fall, and both plans are within 0.5% of
//!   theirs).

use crate::common;

use campaign_planner::model::{Allocation, Bounds, District, Model, Objective, Scope, TeamKind};
use campaign_planner::solve::{
    GAP_TOLERANCE, RATE_GAP_TOLERANCE, Solution, Status, min_cost_value, solve,
};
use common::{Rng, meets_scenario, min_rate, objective_measure, outreach, total_installs};

/// How a generated province limits spending.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Budget {
    None,
    /// this share of what every team would cost
    Share(f64),
}

/// One generated province: its size and what it includes.
#[derive(Debug, Clone, Copy)]
struct Province {
    seed: u64,
    districts: usize,
    budget: Budget,
    floors: bool,
}

/// A province of `p.districts` districts drawn like `tests/synthetic.rs`'s (8,000-100,000
/// smartphones, rates 15-45%, 5-30 communes), with the shipped scenario's kinds (commune
/// teams, local, 15 installs a day at 150,000 đ; volunteers, provincial, 40 at 300,000 đ) and
/// mobile units (provincial, 90 at 1,500,000 đ): two volunteers and a third of a mobile unit
/// per district. The door-to-door rule sets, below 30%, every commune team and at least one
/// volunteer; some districts are capped at one mobile unit and some are slower for the
/// provincial teams (mountain roads). With `floors`, a scenario floor a little above the
/// lowest rates and raised floors on one district in twenty.
fn province(p: Province, objective: Objective) -> Model {
    let mut rng = Rng::new(p.seed);
    let n = p.districts;
    let kinds = vec![
        TeamKind {
            name: "commune".into(),
            scope: Scope::Local,
            available: None,
            installs_per_team_day: 15.0,
            cost_per_team_day: 150_000.0,
        },
        TeamKind {
            name: "volunteer".into(),
            scope: Scope::Provincial,
            available: Some(2 * n as u32),
            installs_per_team_day: 40.0,
            cost_per_team_day: 300_000.0,
        },
        TeamKind {
            name: "mobile".into(),
            scope: Scope::Provincial,
            available: Some((n / 3).max(1) as u32),
            installs_per_team_day: 90.0,
            cost_per_team_day: 1_500_000.0,
        },
    ];
    let reachable_share = 0.8;
    let districts: Vec<District> = (0..n)
        .map(|d| {
            let smartphones = 8_000 + rng.below(92_000);
            let rate = 0.15 + 0.30 * rng.unit();
            let installed = (smartphones as f64 * rate) as u64;
            let communes = 5 + rng.below(26) as u32;
            let room = (smartphones - installed) as f64;
            let mandated = room * (0.005 + 0.01 * rng.unit());
            let fixed = room * (0.01 + 0.03 * rng.unit());
            let pool = reachable_share * (room - mandated - fixed);
            let below = rate < 0.30;
            let mobile_cap = if rng.below(5) == 0 {
                1
            } else {
                kinds[2].available.unwrap()
            };
            let bounds = vec![
                Bounds {
                    min: if below { communes } else { 0 },
                    max: communes,
                },
                Bounds {
                    min: u32::from(below),
                    max: kinds[1].available.unwrap(),
                },
                Bounds {
                    min: 0,
                    max: mobile_cap,
                },
            ];
            let mountain = rng.below(6) == 0;
            let productivity = if mountain {
                vec![1.0, 0.7, 0.8]
            } else {
                vec![1.0, 1.0, 1.0]
            };
            District {
                name: format!("Huyện {:03}", d + 1),
                smartphones,
                installed,
                mandated_installs: mandated,
                fixed_installs: fixed,
                pool,
                bounds,
                productivity,
                floor: None,
            }
        })
        .collect();
    let mut model = Model {
        horizon_days: 14,
        objective,
        reachable_share,
        target_rate: 0.0,
        district_floor: None,
        budget: None,
        kinds,
        districts,
    };
    let phones = model.total_smartphones() as f64;
    let base: f64 = model.districts.iter().map(|d| d.base_installed()).sum();
    model.target_rate = (base + 0.04 * phones) / phones;
    if let Budget::Share(share) = p.budget {
        model.budget = Some(share * common::most_cost(&model));
    }
    if p.floors {
        let phi = 0.20;
        model.district_floor = Some(phi);
        for d in &mut model.districts {
            let own = d.base_installed() / d.smartphones as f64;
            let raised = (rng.below(20) == 0).then_some(own + 0.02);
            d.floor = Some(raised.map_or(phi, |r| r.max(phi)));
        }
    }
    model
}

fn base_installs(model: &Model) -> f64 {
    model.districts.iter().map(|d| d.base_installed()).sum()
}

fn tolerance(objective: Objective) -> f64 {
    match objective {
        Objective::MaxMinRate => RATE_GAP_TOLERANCE,
        Objective::MaxInstalls | Objective::MinCost => GAP_TOLERANCE,
    }
}

/// Whether one more team of kind `k` in district `d` keeps the bounds, the pools and the
/// budget.
fn fits(model: &Model, teams: &Allocation, used: &[u32], spent: f64, d: usize, k: usize) -> bool {
    teams[d][k] < model.districts[d].bounds[k].max
        && model.kinds[k]
            .available
            .is_none_or(|available| used[k] < available)
        && model
            .budget
            .is_none_or(|b| spent + model.cost_per_team(k) <= b * (1.0 + 1e-12))
}

/// An independent feasible plan, or `None` when it cannot meet the floors or the target:
/// from the rules' minimums, each district below its floor gets the teams that add the most
/// installs per đồng until it reaches it; then teams are added one at a time, the one that
/// adds the most (per đồng where there is a budget, and for min-cost) for max-installs and
/// min-cost (until the target), to the lowest district for max-min-rate.
fn greedy(model: &Model) -> Option<Allocation> {
    let mut teams: Allocation = model
        .districts
        .iter()
        .map(|d| d.bounds.iter().map(|b| b.min).collect())
        .collect();
    let mut used: Vec<u32> = (0..model.kinds.len())
        .map(|k| teams.iter().map(|row| row[k]).sum())
        .collect();
    let mut spent = model.cost(&teams);
    let per_cost = model.budget.is_some() || model.objective == Objective::MinCost;
    let gain = |teams: &Allocation, d: usize, k: usize| {
        let mut row = teams[d].clone();
        let before = model.projected_installed(d, &row);
        row[k] += 1;
        model.projected_installed(d, &row) - before
    };
    let score = |teams: &Allocation, d: usize, k: usize| {
        let g = gain(teams, d, k);
        if per_cost {
            g / (model.cost_per_team(k) + 1.0)
        } else {
            g
        }
    };
    // the best team for district d that fits, by score
    let best_in = |teams: &Allocation, used: &[u32], spent: f64, d: usize| {
        (0..model.kinds.len())
            .filter(|&k| fits(model, teams, used, spent, d, k))
            .map(|k| (score(teams, d, k), k))
            .max_by(|a, b| a.0.total_cmp(&b.0))
    };
    let add = |teams: &mut Allocation, used: &mut [u32], spent: &mut f64, d: usize, k: usize| {
        teams[d][k] += 1;
        used[k] += 1;
        *spent += model.cost_per_team(k);
    };
    for d in 0..model.districts.len() {
        let need = model.districts[d].floor_installs();
        while model.projected_installed(d, &teams[d]) < need - 1e-6 {
            let (_, k) = best_in(&teams, &used, spent, d)?;
            add(&mut teams, &mut used, &mut spent, d, k);
        }
    }
    match model.objective {
        Objective::MaxInstalls | Objective::MinCost => {
            let need = model.target_rate * model.total_smartphones() as f64;
            // each district's best move, refreshed when taken or found not to fit
            let mut best: Vec<Option<(f64, usize)>> = (0..model.districts.len())
                .map(|d| best_in(&teams, &used, spent, d))
                .collect();
            loop {
                if model.objective == Objective::MinCost && total_installs(model, &teams) >= need {
                    break;
                }
                let Some(d) = (0..best.len())
                    .filter(|&d| best[d].is_some())
                    .max_by(|&a, &b| best[a].unwrap().0.total_cmp(&best[b].unwrap().0))
                else {
                    break;
                };
                let (_, k) = best[d].unwrap();
                if fits(model, &teams, &used, spent, d, k) {
                    add(&mut teams, &mut used, &mut spent, d, k);
                }
                best[d] = best_in(&teams, &used, spent, d);
            }
        }
        Objective::MaxMinRate => loop {
            let rate = |d: usize| {
                model.projected_installed(d, &teams[d]) / model.districts[d].smartphones as f64
            };
            let lowest = (0..model.districts.len())
                .min_by(|&a, &b| rate(a).total_cmp(&rate(b)))
                .expect("a district");
            let Some((_, k)) = (0..model.kinds.len())
                .filter(|&k| fits(model, &teams, &used, spent, lowest, k))
                .map(|k| (gain(&teams, lowest, k), k))
                .max_by(|a, b| a.0.total_cmp(&b.0))
            else {
                break;
            };
            add(&mut teams, &mut used, &mut spent, lowest, k);
        },
    }
    meets_scenario(model, &teams).then_some(teams)
}

/// Every check on one plan that needs no optimum: constraints, status against gap, the
/// objective value, the bound against the greedy plan. Returns the failures.
fn check_plan(model: &Model, solution: &Solution, greedy: Option<&Allocation>) -> Vec<String> {
    let mut failures = Vec::new();
    let objective = model.objective;
    let teams = &solution.teams;
    let mut fail = |what: String| failures.push(what);
    if solution.status == Status::Infeasible {
        if let Some(g) = greedy {
            fail(format!(
                "infeasible although a greedy plan meets the scenario (its {} is {})",
                objective.as_str(),
                objective_measure(model, g)
            ));
        }
        return failures;
    }
    for (d, row) in teams.iter().enumerate() {
        for (k, &t) in row.iter().enumerate() {
            let b = model.districts[d].bounds[k];
            if t < b.min || t > b.max {
                fail(format!("district {d} kind {k}: {t} teams outside {b:?}"));
            }
        }
        let district = &model.districts[d];
        if district.floor.is_some() {
            let (have, need) = (model.projected_installed(d, row), district.floor_installs());
            if have < need - 1e-6 {
                fail(format!(
                    "district {d}: {have} installs below its floor {need}"
                ));
            }
        }
    }
    for (k, kind) in model.kinds.iter().enumerate() {
        if let Some(available) = kind.available {
            let used: u32 = teams.iter().map(|row| row[k]).sum();
            if used > available {
                fail(format!("kind {k}: {used} teams of a pool of {available}"));
            }
        }
    }
    if let Some(budget) = model.budget {
        let cost = model.cost(teams);
        if cost > budget * (1.0 + 1e-9) {
            fail(format!("cost {cost} above the budget {budget}"));
        }
    }
    if objective == Objective::MinCost {
        let (have, need) = (
            total_installs(model, teams),
            model.target_rate * model.total_smartphones() as f64,
        );
        if have < need - 1e-6 {
            fail(format!("{have} installs below the target {need}"));
        }
    }
    let exact = match objective {
        Objective::MaxInstalls => total_installs(model, teams),
        Objective::MinCost => min_cost_value(model, teams),
        Objective::MaxMinRate => min_rate(model, teams),
    };
    let o = &solution.optimality;
    if (o.objective_value - exact).abs() > 1e-9 * exact.abs().max(1.0) {
        fail(format!(
            "objective_value {} is not the plan's exact value {exact}",
            o.objective_value
        ));
    }
    let tol = tolerance(objective);
    let within = o.gap.is_some_and(|g| g <= tol);
    match solution.status {
        Status::Optimal if !within => fail(format!("optimal with a gap {:?}", o.gap)),
        Status::Feasible if within => fail(format!("feasible with a gap {:?}", o.gap)),
        _ => {}
    }
    let value = objective_measure(model, teams);
    // the bound and the greedy plan in the objective's own measure
    let bound = o.bound.map(|b| match objective {
        Objective::MaxInstalls => b - base_installs(model),
        _ => b,
    });
    if let Some(bound) = bound {
        let proven = match objective {
            Objective::MaxInstalls => ((bound - value) / bound).max(0.0),
            Objective::MinCost if bound > 0.0 => ((value - bound) / bound).max(0.0),
            Objective::MinCost => f64::from(u8::from(value > 0.0)) * f64::INFINITY,
            Objective::MaxMinRate => (bound - value).max(0.0),
        };
        if o.gap.is_none_or(|g| g < proven - 1e-9) {
            fail(format!(
                "reported gap {:?} smaller than the gap the bound proves ({proven})",
                o.gap
            ));
        }
    } else if solution.status == Status::Optimal {
        fail("optimal without a bound".into());
    }
    if let Some(g) = greedy {
        let theirs = objective_measure(model, g);
        let slack = 1e-7 * theirs.abs().max(1.0);
        let (beaten, behind) = match objective {
            Objective::MaxInstalls => (
                bound.is_some_and(|b| b < theirs - slack),
                value < theirs * (1.0 - tol) - slack,
            ),
            Objective::MinCost => (
                bound.is_some_and(|b| b > theirs + slack),
                value > theirs * (1.0 + tol) + slack,
            ),
            Objective::MaxMinRate => (
                bound.is_some_and(|b| b < theirs - 1e-9),
                value < theirs - tol - 1e-12,
            ),
        };
        if beaten {
            fail(format!(
                "bound {bound:?} beaten by the greedy plan's {theirs}"
            ));
        }
        // MODEL.md asks every plan to be within the tolerance of the optimum; the status only
        // says how well that is proven. A plan behind a greedy one is beyond it for certain.
        if behind {
            fail(format!(
                "{:?} at {value} but beyond the tolerance of the greedy plan's {theirs}",
                solution.status
            ));
        }
    }
    failures
}

/// The provinces each objective is solved on: 50 to 700 districts, with and without a budget
/// and floors.
const PROVINCES: [Province; 4] = [
    Province {
        seed: 1,
        districts: 50,
        budget: Budget::None,
        floors: true,
    },
    Province {
        seed: 2,
        districts: 120,
        budget: Budget::Share(0.5),
        floors: false,
    },
    Province {
        seed: 3,
        districts: 300,
        budget: Budget::Share(0.65),
        floors: true,
    },
    Province {
        seed: 4,
        districts: 700,
        budget: Budget::Share(0.55),
        floors: true,
    },
];

/// Solves every province for `objective` twice and fails listing every failed check.
fn every_province(objective: Objective) {
    let mut failures = Vec::new();
    for p in PROVINCES {
        let model = province(p, objective);
        let start = std::time::Instant::now();
        let first = solve(&model);
        let took = start.elapsed();
        let second = solve(&model);
        let greedy = greedy(&model);
        eprintln!(
            "{} {p:?}: {:?} at {}, gap {:?}, {:.2} s; greedy {}",
            objective.as_str(),
            first.status,
            objective_measure(&model, &first.teams),
            first.optimality.gap,
            took.as_secs_f64(),
            greedy
                .as_ref()
                .map_or("fails".into(), |g| objective_measure(&model, g).to_string()),
        );
        let mut these = check_plan(&model, &first, greedy.as_ref());
        // every province is meant to be feasible, and the greedy plan is what shows it
        if greedy.is_none() {
            these.push("no greedy plan meets the scenario: the province proves nothing".into());
        }
        if first.status != second.status
            || first.teams != second.teams
            || first.optimality != second.optimality
        {
            these.push(format!(
                "solved twice, two answers: {:?} {:?} and {:?} {:?}",
                first.status, first.optimality, second.status, second.optimality
            ));
        }
        failures.extend(these.into_iter().map(|f| format!("{p:?}: {f}")));
    }
    assert!(
        failures.is_empty(),
        "{} ({} failures):\n{}",
        objective.as_str(),
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn max_installs_on_generated_provinces_keeps_every_constraint_and_repeats_itself() {
    every_province(Objective::MaxInstalls);
}

#[test]
fn min_cost_on_generated_provinces_keeps_every_constraint_and_repeats_itself() {
    every_province(Objective::MinCost);
}

#[test]
fn max_min_rate_on_generated_provinces_keeps_every_constraint_and_repeats_itself() {
    every_province(Objective::MaxMinRate);
}

/// `model` with one more team in the pool of kind `k`; the districts whose maximum was the
/// whole pool may have the new team too (as the model is built: max = min(rule, pool)).
fn one_more(model: &Model, k: usize) -> Model {
    let mut more = model.clone();
    let available = more.kinds[k].available.expect("a provincial kind");
    more.kinds[k].available = Some(available + 1);
    for d in &mut more.districts {
        if d.bounds[k].max == available {
            d.bounds[k].max = available + 1;
        }
    }
    more
}

#[test]
fn one_more_team_in_a_pool_never_lowers_the_installs_found_beyond_the_tolerance() {
    let mut failures = Vec::new();
    for p in PROVINCES {
        let model = province(p, Objective::MaxInstalls);
        let before = solve(&model);
        if before.status == Status::Infeasible {
            failures.push(format!("{p:?}: infeasible"));
            continue;
        }
        let found = outreach(&model, &before.teams);
        for (k, kind) in model.kinds.iter().enumerate() {
            if kind.scope != Scope::Provincial {
                continue;
            }
            let more = one_more(&model, k);
            let after = solve(&more);
            let now = outreach(&more, &after.teams);
            if after.status == Status::Infeasible || now < found * (1.0 - GAP_TOLERANCE) - 1e-7 {
                failures.push(format!(
                    "{p:?}: one more {} team: {:?}, outreach installs {now} < {found} · (1 − {GAP_TOLERANCE})",
                    kind.name, after.status
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The scenarios `campaign generate` writes, of every shape it offers (commune- and
/// district-size units; budget, floor, a higher target), through the whole pipeline: a plan
/// that meets its scenario is proven within the tolerance (status `optimal`), and a `min-cost`
/// called infeasible has a `max-installs` plan below the target. District-size units with a
/// budget and a 30% floor once ended `feasible` 1% (200 units) and 5.5% (2,000) short: the
/// answers at the dual's optimum over-used a row that their repair then cut far too deep.
/// Seed 22's `max-min-rate` ended `feasible` 0.8 points short: no plan was found near the
/// bound until the districts' cheapest answers to their least efforts were tried.
#[test]
fn every_shape_campaign_generate_writes_is_planned_optimal() {
    use campaign_planner::synthetic::{self, Budget, Params, Size};
    let dir = tempfile::tempdir().expect("a temporary folder");
    // size, budget, floor, target
    type Shape = (Size, Option<Budget>, Option<f64>, Option<f64>);
    let shapes: [Shape; 6] = [
        (Size::Commune, None, None, None),
        (Size::Commune, Some(Budget::Auto), Some(0.25), None),
        (Size::Commune, Some(Budget::Auto), None, Some(0.5)),
        (Size::District, None, None, None),
        (Size::District, Some(Budget::Auto), Some(0.3), None),
        (Size::District, None, Some(0.25), Some(0.55)),
    ];
    let mut failures = Vec::new();
    for seed in [11, 12, 13, 14, 22] {
        for (size, budget, floor, target) in shapes {
            for objective in Objective::ALL {
                let mut params = Params::new(200, seed);
                params.objective = objective;
                params.size = size;
                params.budget = budget;
                params.floor = floor;
                if let Some(t) = target {
                    params.target = t;
                }
                let path = dir.path().join("generated.toml");
                std::fs::write(&path, synthetic::generate(&params)).expect("written");
                let mut scenario = campaign_planner::scenario::load(&path).expect("it loads");
                let plan = campaign_planner::plan_scenario(&scenario).expect("it plans");
                let shape = synthetic::command_line(&params);
                match plan.status {
                    Status::Optimal => {}
                    Status::Infeasible if objective == Objective::MinCost => {
                        scenario.objective = Objective::MaxInstalls;
                        let most = campaign_planner::plan_scenario(&scenario).expect("it plans");
                        if most.province.target_reached {
                            failures.push(format!(
                                "{shape}: min-cost infeasible, yet max-installs reaches {:.4}",
                                most.province.projected_rate
                            ));
                        }
                    }
                    other => {
                        failures.push(format!("{shape}: {other:?}, gap {:?}", plan.optimality.gap))
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `min-cost` at a high target with a large mobile pool, a budget and a 30% floor: the
/// districts' answers at the dual's optimum over-use a row, and every start built on them
/// ended dearer. It was `feasible`, 0,50% above its bound and 0,97% above the bound HiGHS
/// proves, until starts from the answers at the over-used rows' prices raised a little were
/// added; now it is proven within 0,13%.
#[test]
fn min_cost_where_the_duals_answers_over_use_a_row_is_proven_optimal() {
    use campaign_planner::synthetic::{Budget, Params};
    let mut params = Params::new(200, 6);
    params.objective = Objective::MinCost;
    params.budget = Some(Budget::Auto);
    params.floor = Some(0.3);
    let (_dir, path) = write_generated(&params);
    let settings = [
        "target.provincial_rate=0.6".to_string(),
        "team_kind.mobile.available=300".to_string(),
        "budget=7500000000".to_string(),
    ];
    let plan = plan_file(&path, &settings);
    assert_eq!(
        plan.status,
        Status::Optimal,
        "{:?}, cost {}",
        plan.optimality,
        plan.province.cost
    );
    assert!(plan.province.cost <= 7_500_000_000.0);
    assert!(plan.province.target_reached);
}

/// A target a hair beyond what the pools reach, with a budget and a 30% floor (2,000
/// communes): the finding named a budget of 1.69e18 đ (the search doubled through questions the
/// method could not settle), and with the teams it names, `min-cost` was met at 100 billion đ
/// but called infeasible at 80 and at 120–500 billion. The budget finding is now what the
/// scenario costs, and a larger budget never loses the plan.
#[test]
fn min_cost_near_the_pools_limit_is_monotone_in_the_budget_and_its_finding_is_sane() {
    use campaign_planner::solve::Finding;
    use campaign_planner::synthetic::{Budget, Params};
    let mut params = Params::new(2000, 3);
    params.objective = Objective::MinCost;
    params.target = 0.65;
    params.budget = Some(Budget::Auto);
    params.floor = Some(0.3);
    let (_dir, path) = write_generated(&params);
    // the figures below are the generated file's: `--budget auto` and the mobile pool
    let text = std::fs::read_to_string(&path).expect("read back");
    assert!(text.contains("budget = 25_154_000_000") && text.contains("available = 1_000"));
    let load = |settings: &[String]| plan_file(&path, settings);
    let plan = load(&[]);
    assert_eq!(plan.status, Status::Infeasible);
    let findings = &plan.diagnosis.as_ref().expect("findings").findings;
    let Some(Finding::TeamsAndBudgetShort {
        kind,
        more,
        budget_more,
        ..
    }) = findings.first()
    else {
        panic!("{findings:?}");
    };
    // every team of the province at most costs about 10^11 đ: the finding is of that order
    assert!(*budget_more < 2e11, "{findings:?}");
    let budget = 25_154_000_000.0_f64;
    let teams = format!("team_kind.{kind}.available={}", 1_000 + more);
    let enough = budget + budget_more;
    for b in [enough, 80e9, 100e9, 120e9, 500e9] {
        let plan = load(&[teams.clone(), format!("budget={b}")]);
        assert!(
            plan.status.meets_scenario(),
            "{teams}, budget {b}: {:?}",
            plan.status
        );
    }
}

/// A budget of 0 đ (200 communes, `min-cost` at 50%): no team can be paid, so more teams of any
/// kind cannot help and the finding is the budget alone, exactly enough. (Asking whether more
/// teams help took 43 s and 2.5 GB: each question enlarged the pools up to 100,000 teams.)
#[test]
fn a_budget_of_nothing_is_found_short_by_what_the_plan_costs() {
    use campaign_planner::solve::Finding;
    use campaign_planner::synthetic::{Budget, Params};
    let mut params = Params::new(200, 42);
    params.objective = Objective::MinCost;
    params.target = 0.5;
    params.budget = Some(Budget::Dong(0));
    let (_dir, path) = write_generated(&params);
    let load = |settings: &[String]| plan_file(&path, settings);
    let plan = load(&[]);
    assert_eq!(plan.status, Status::Infeasible);
    let findings = &plan.diagnosis.as_ref().expect("findings").findings;
    let [
        Finding::BudgetShort {
            more, exact: true, ..
        },
    ] = findings.as_slice()
    else {
        panic!("{findings:?}");
    };
    assert!(load(&[format!("budget={more}")]).status.meets_scenario());
    assert_eq!(
        load(&[format!("budget={}", more - 1.0)]).status,
        Status::Infeasible
    );
}

/// Floors that use up the mobile pool, on district-size units: the repair of the prices'
/// answers found no plan, so these scenarios were called infeasible ("at most 1 more mobile
/// team") although a plan uses every mobile team there is. The cheapest plan for the floors is
/// now settled exactly over the pools' states: at the limit a plan keeps every constraint, and
/// with one mobile team fewer the finding is exactly one more (the floors alone, linear in
/// effort, were checked infeasible there by an exact MILP while developing).
#[test]
fn floors_that_use_up_a_pool_are_met_at_its_limit_and_short_one_team_below() {
    use campaign_planner::solve::Finding;
    use campaign_planner::synthetic::{Budget, Params, Size};
    // (units, seed, objective, target, floor, budget, the least mobile pool that meets it)
    let cases = [
        (5, 2, Objective::MinCost, 0.5, 0.5, Some(5_000_000_000), 65),
        (20, 42, Objective::MaxInstalls, 0.01, 0.45, None, 60),
        (
            20,
            7,
            Objective::MaxMinRate,
            0.5,
            0.35,
            Some(1_000_000_000_000_000),
            17,
        ),
    ];
    for (units, seed, objective, target, floor, budget, limit) in cases {
        let mut params = Params::new(units, seed);
        params.objective = objective;
        params.size = Size::District;
        params.target = target;
        params.floor = Some(floor);
        params.budget = budget.map(Budget::Dong);
        let (_dir, path) = write_generated(&params);
        let mobile = |n: u32| plan_file(&path, &[format!("team_kind.mobile.available={n}")]);
        let met = mobile(limit);
        assert!(
            met.status.meets_scenario(),
            "{units} units, seed {seed}, {limit} mobile: {:?}",
            met.diagnosis
        );
        let used: u32 = met.districts.iter().map(|d| d.teams_of("mobile")).sum();
        assert!(used <= limit, "{used} mobile teams of {limit}");
        for d in &met.districts {
            assert!(!d.below_floor(), "{}: {}", d.name, d.projected_rate);
        }
        let short = mobile(limit - 1);
        assert_eq!(
            short.status,
            Status::Infeasible,
            "{units} units, seed {seed}"
        );
        let findings = &short.diagnosis.as_ref().expect("findings").findings;
        let one_more = findings.iter().any(|f| {
            matches!(f,
                Finding::FloorTeamsShort { kind, more: 1, exact: true }
                | Finding::TargetTeamsShort { kind, more: 1, exact: true } if kind == "mobile")
        });
        assert!(one_more, "{units} units, seed {seed}: {findings:?}");
    }
}

/// `min-cost` where the floors reach the target by themselves (50 communes, floor = target =
/// 50%): the cheapest plan is the floors' cheapest plan, which the table over the pools gives
/// exactly, and its cost bounds every plan from below. It was `feasible`, 3,9% above its bound
/// (995.400.000 đ; HiGHS: 959.700.000 đ); now it is that optimum, proven.
#[test]
fn min_cost_whose_floors_reach_the_target_is_the_floors_cheapest_plan_proven() {
    use campaign_planner::synthetic::Params;
    let mut params = Params::new(50, 1);
    params.objective = Objective::MinCost;
    params.target = 0.5;
    params.floor = Some(0.5);
    let (_dir, path) = write_generated(&params);
    let plan = plan_file(&path, &[]);
    assert_eq!(plan.status, Status::Optimal, "{:?}", plan.optimality);
    assert_eq!(plan.province.cost, 959_700_000.0);
    assert_eq!(plan.optimality.gap, Some(0.0));
    assert!(plan.districts.iter().all(|d| !d.below_floor()));
}

/// A target that needs a pool beyond the 100,000 teams a scenario may name: no finding asks for
/// more teams than that (the hostile trial found "N more teams" that `plan` then refused as
/// too many); the finding is the reachable limit instead. With the pool a little short of
/// what is needed, within the limit, the finding is the exact number.
#[test]
fn no_finding_asks_for_a_pool_beyond_what_a_scenario_may_name() {
    use campaign_planner::model::MAX_TEAMS;
    use campaign_planner::solve::Finding;
    let model = |available: u32| Model {
        horizon_days: 1,
        objective: Objective::MinCost,
        reachable_share: 0.8,
        // 150,000 teams' worth of installs (the pool is so large that each team adds about one)
        target_rate: 150_000.0 / 1e9,
        district_floor: None,
        budget: None,
        kinds: vec![TeamKind {
            name: "slow".into(),
            scope: Scope::Provincial,
            available: Some(available),
            installs_per_team_day: 1.0,
            cost_per_team_day: 0.0,
        }],
        districts: vec![District {
            name: "D".into(),
            smartphones: 1_000_000_000,
            installed: 0,
            mandated_installs: 0.0,
            fixed_installs: 0.0,
            pool: 8e8,
            bounds: vec![Bounds {
                min: 0,
                max: available,
            }],
            productivity: vec![1.0],
            floor: None,
        }],
    };
    let findings = |available: u32| {
        let solution = solve(&model(available));
        assert_eq!(solution.status, Status::Infeasible);
        solution.diagnosis.expect("findings").findings
    };
    for f in findings(95_000) {
        if let Finding::TargetTeamsShort { more, .. } = f {
            assert!(95_000 + more <= MAX_TEAMS, "{more} more teams asked for");
        }
    }
    // within the limit the count is still given, exactly: the teams whose effort reaches the
    // target on the curve, less the pool
    let small = Model {
        target_rate: 99_500.0 / 1e9,
        ..model(99_000)
    };
    let effort = campaign_planner::model::effort_for(8e8, 99_500.0).expect("within the pool");
    let needed = effort.ceil() as u32 - 99_000;
    let found = solve(&small).diagnosis.expect("findings").findings;
    assert!(
        found.iter().any(|f| matches!(f,
            Finding::TargetTeamsShort { more, exact: true, .. } if *more == needed)),
        "{needed}: {found:?}"
    );
}

/// Floors far beyond the pools (80 district-size units, 45% floor, 40 mobile teams): the
/// finding is exactly enough. Asking "are the floors met with this many more" once took 2.5 s:
/// with a pool raised by up to 100,000 teams, the districts' answers at prices near zero held
/// millions of teams that repair took out one at a time; the teams beyond a district's
/// saturated pool are now taken out at once (timed in the bench, not here).
#[test]
fn floors_far_beyond_the_pools_are_found_short_by_exactly_enough() {
    use campaign_planner::solve::Finding;
    use campaign_planner::synthetic::{Params, Size};
    let mut params = Params::new(80, 31269);
    params.size = Size::District;
    params.target = 0.5;
    params.floor = Some(0.45);
    let (_dir, path) = write_generated(&params);
    let text = std::fs::read_to_string(&path).expect("read back");
    assert!(
        text.contains("available = 40 "),
        "the generated mobile pool"
    );
    let plan = plan_file(&path, &[]);
    let findings = &plan.diagnosis.as_ref().expect("findings").findings;
    let [
        Finding::FloorTeamsShort {
            kind,
            more,
            exact: true,
        },
    ] = findings.as_slice()
    else {
        panic!("{findings:?}");
    };
    assert_eq!((kind.as_str(), *more), ("mobile", 234));
    let mobile = |n: u32| plan_file(&path, &[format!("team_kind.mobile.available={n}")]);
    assert!(mobile(40 + 234).status.meets_scenario());
    assert_eq!(mobile(40 + 233).status, Status::Infeasible);
}

/// `params`' generated scenario written to a fresh folder (kept while the folder lives).
fn write_generated(
    params: &campaign_planner::synthetic::Params,
) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("generated.toml");
    std::fs::write(&path, campaign_planner::synthetic::generate(params)).expect("written");
    (dir, path)
}

/// The plan of the scenario at `path` with `settings` (as `--set` gives them).
fn plan_file(path: &std::path::Path, settings: &[String]) -> campaign_planner::plan::Plan {
    let scenario = campaign_planner::scenario::load_with(path, settings).expect("it loads");
    campaign_planner::plan_scenario(&scenario).expect("it plans")
}

/// MODEL.md: "the same input gives the same output, byte for byte, on any number of cores".
/// The dual's evaluations and the repair's alternatives run on rayon's pool; the districts are
/// cut into chunks by their number alone and summed in chunk order. Run as separate processes
/// (the pool is started once per process) with one, two and three threads, a 600-commune
/// `max-installs` (its bound is the dual's sum, printed to the last digit), a 600-commune
/// `max-min-rate` (several chunks, both halves of the repair on their own threads) and a
/// district-size scenario whose floors cannot be met (the findings' many questions) give the
/// same JSON bytes.
#[test]
fn the_plan_is_the_same_bytes_on_any_number_of_threads() {
    use campaign_planner::synthetic::{self, Budget, Params, Size};
    let dir = tempfile::tempdir().expect("a temporary folder");
    let most = Params::new(600, 7);
    let mut spread = Params::new(600, 7);
    spread.objective = Objective::MaxMinRate;
    let mut short = Params::new(150, 10178);
    short.size = Size::District;
    short.budget = Some(Budget::Auto);
    short.floor = Some(0.35);
    short.target = 0.3;
    for (name, params) in [("most", &most), ("spread", &spread), ("short", &short)] {
        let scenario = dir.path().join(format!("{name}.toml"));
        std::fs::write(&scenario, synthetic::generate(params)).expect("written");
        let outputs: Vec<Vec<u8>> = ["1", "2", "3"]
            .iter()
            .map(|threads| {
                let out = dir.path().join(format!("{name}-{threads}.json"));
                let status = std::process::Command::new(env!("CARGO_BIN_EXE_campaign"))
                    .arg("plan")
                    .arg(&scenario)
                    .args(["--format", "json", "--out"])
                    .arg(&out)
                    .env("RAYON_NUM_THREADS", threads)
                    .status()
                    .expect("campaign runs");
                // 0: a plan; 2: infeasible, with findings
                assert!(matches!(status.code(), Some(0 | 2)), "{name}: {status}");
                std::fs::read(&out).expect("the plan is written")
            })
            .collect();
        assert!(outputs[0].len() > 1000, "{name}: a whole plan");
        assert_eq!(outputs[0], outputs[1], "{name}: one thread and two");
        assert_eq!(outputs[0], outputs[2], "{name}: one thread and three");
    }
}
