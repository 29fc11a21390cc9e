//! The optimiser against good_lp's MILP (`solve::milp`, chords under each district's curve,
//! microlp) on instances of every shape the model accepts, up to 6 districts: too many to
//! enumerate, few enough for microlp.
//!
//! Chords lie under the concave curve, so the MILP's plan, evaluated on the exact curve
//! (MODEL.md § "Objectives": "a plan is judged by the exact G_d evaluated at its allocation"),
//! keeps every constraint it modelled: whenever it meets the scenario exactly it is a feasible
//! plan, and so a witness against ours:
//! - ours is never `infeasible` when the MILP's plan meets the scenario;
//! - ours keeps every constraint (bounds, pools, budget, floors, the min-cost target);
//! - ours is never worse than the MILP's beyond MODEL.md's tolerance (§ "Objectives"): outreach
//!   installs ≥ MILP · (1 − 0.005) for max-installs, cost ≤ MILP · 1.005 for min-cost, lowest
//!   rate ≥ MILP − 0.001 for max-min-rate;
//! - our bound is never beaten by the MILP's plan (a plan better than the bound would prove the
//!   bound false).
//!
//! The instance is built from proptest strategies (a [`Spec`]: the kinds present and their
//! pools, each district's figures, teams, rule bounds, multipliers and floors, the budget's
//! kind), so a failure shrinks to a small instance. The same cases run every time; set
//! PROPTEST_RNG_SEED to explore others and CAMPAIGN_MILP_SHAPES_CASES to run more (default
//! 1,500 per objective).

use crate::common;

use std::cell::Cell;

use campaign_planner::model::{Bounds, District, Model, Objective, Scope, TeamKind};
use campaign_planner::solve::{GAP_TOLERANCE, RATE_GAP_TOLERANCE, Status, milp, solve};
use common::{SHAPE_KINDS, lower_bounds, meets_scenario, most_cost, objective_measure};
use proptest::prelude::*;
use proptest::test_runner::{FileFailurePersistence, TestCaseError, TestRunner};

const DEFAULT_CASES: u32 = 1_500;

fn config() -> ProptestConfig {
    let cases = std::env::var("CAMPAIGN_MILP_SHAPES_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_CASES);
    let mut config = ProptestConfig {
        cases,
        max_shrink_iters: 2_000,
        // failures are kept in tests/optimiser_milp_shapes.proptest-regressions and rerun first
        source_file: Some(file!()),
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..ProptestConfig::default()
    };
    if std::env::var_os("PROPTEST_RNG_SEED").is_none() {
        config.rng_seed = proptest::test_runner::RngSeed::Fixed(20_200_901);
    }
    config
}

/// One team kind of [`SHAPE_KINDS`] as drawn.
#[derive(Debug, Clone)]
struct KindSpec {
    /// N_k for a provincial kind
    available: u32,
    /// multiplies the kind's installs per team-day
    rate_scale: f64,
    /// multiplies its cost per team-day
    cost_scale: f64,
}

/// One district as drawn; `kinds` below index [`SHAPE_KINDS`].
#[derive(Debug, Clone)]
struct DistrictSpec {
    smartphones: u64,
    installed_share: f64,
    /// 0: a pool to persuade; 1: everyone installed; 2: the rules' installs fill the rest
    empty: u8,
    mandated_share: f64,
    fixed_share: f64,
    communes: u32,
    /// a rule's `max_teams` as a share of what the district could have, per kind
    rule_max: [Option<f64>; 3],
    /// a rule's `min_teams`, per kind, and whether it may exceed the maximum (else it is cut to
    /// it)
    rule_min: [(u32, bool); 3],
    productivity: [f64; 3],
    /// a rule's `district.min_rate`, as points above the district's rate without teams
    raised_floor: Option<f64>,
}

#[derive(Debug, Clone)]
struct Spec {
    /// which of [`SHAPE_KINDS`] are present (bit i for kind i), never none
    mask: u8,
    /// 0: in [`SHAPE_KINDS`]' order; 1: reversed; 2: rotated
    order: u8,
    /// 0: costs as drawn; 1: all kinds free; 2: the local kind free
    free: u8,
    kinds: [KindSpec; 3],
    horizon_days: u32,
    reachable_share: f64,
    districts: Vec<DistrictSpec>,
    /// 0: none; 1: binding; 2: slack; 3: below the rules' minimums; with a share in [0, 1)
    budget: (u8, f64),
    /// the scenario's floor, as points above the lowest rate without teams
    floor: Option<f64>,
    /// the min-cost target as a share of what every team could add
    target_share: f64,
}

fn kind_spec() -> impl Strategy<Value = KindSpec> {
    (
        0u32..=5,
        prop_oneof![3 => Just(1.0), 1 => 0.6..1.4f64],
        prop_oneof![3 => Just(1.0), 1 => 0.5..1.5f64],
    )
        .prop_map(|(available, rate_scale, cost_scale)| KindSpec {
            available,
            rate_scale,
            cost_scale,
        })
}

fn district_spec() -> impl Strategy<Value = DistrictSpec> {
    let per_kind_max = proptest::option::weighted(0.25, 0.0..1.0f64);
    let per_kind_min = (
        prop_oneof![7 => Just(0u32), 1 => 1u32..=2],
        proptest::bool::weighted(0.1),
    );
    let multiplier = prop_oneof![3 => Just(1.0), 1 => 0.3..2.0f64];
    (
        200u64..8_000,
        0.05..0.7f64,
        prop_oneof![6 => Just(0u8), 1 => 1u8..=2],
        0.0..0.1f64,
        0.0..0.1f64,
        0u32..=3,
        [per_kind_max.clone(), per_kind_max.clone(), per_kind_max],
        [per_kind_min.clone(), per_kind_min.clone(), per_kind_min],
        [multiplier.clone(), multiplier.clone(), multiplier],
        proptest::option::weighted(0.2, 0.0..0.15f64),
    )
        .prop_map(
            |(
                smartphones,
                installed_share,
                empty,
                mandated_share,
                fixed_share,
                communes,
                rule_max,
                rule_min,
                productivity,
                raised_floor,
            )| DistrictSpec {
                smartphones,
                installed_share,
                empty,
                mandated_share,
                fixed_share,
                communes,
                rule_max,
                rule_min,
                productivity,
                raised_floor,
            },
        )
}

fn spec() -> impl Strategy<Value = Spec> {
    (
        prop_oneof![1 => Just(0b111u8), 2 => 1u8..=7],
        0u8..3,
        prop_oneof![5 => Just(0u8), 1 => 1u8..=2],
        [kind_spec(), kind_spec(), kind_spec()],
        prop_oneof![Just(14u32), 1u32..=21],
        prop_oneof![Just(0.8), 0.5..0.95f64],
        proptest::collection::vec(district_spec(), 1..=6),
        (
            prop_oneof![4 => Just(0u8), 3 => Just(1u8), 2 => Just(2u8), 1 => Just(3u8)],
            0.0..1.0f64,
        ),
        proptest::option::weighted(0.33, 0.0..0.1f64),
        0.0..0.8f64,
    )
        .prop_map(
            |(
                mask,
                order,
                free,
                kinds,
                horizon_days,
                reachable_share,
                districts,
                budget,
                floor,
                target_share,
            )| Spec {
                mask,
                order,
                free,
                kinds,
                horizon_days,
                reachable_share,
                districts,
                budget,
                floor,
                target_share,
            },
        )
}

/// The model a [`Spec`] describes, for `objective` (the same construction as
/// `common::shape_model`, from drawn values instead of a seed).
fn model(spec: &Spec, objective: Objective) -> Model {
    // indices into SHAPE_KINDS, in the model's order
    let mut order: Vec<usize> = (0..3).filter(|i| spec.mask & (1 << i) != 0).collect();
    match spec.order {
        1 => order.reverse(),
        2 => order.rotate_left(1),
        _ => {}
    }
    let kinds: Vec<TeamKind> = order
        .iter()
        .map(|&i| {
            let (name, scope, rate, cost) = SHAPE_KINDS[i];
            let drawn = &spec.kinds[i];
            let free = spec.free == 1 || (spec.free == 2 && scope == Scope::Local);
            TeamKind {
                name: name.to_string(),
                scope,
                available: (scope == Scope::Provincial).then_some(drawn.available),
                installs_per_team_day: rate * drawn.rate_scale,
                cost_per_team_day: if free {
                    0.0
                } else {
                    (cost * drawn.cost_scale / 1_000.0).round() * 1_000.0
                },
            }
        })
        .collect();
    let districts: Vec<District> = spec
        .districts
        .iter()
        .enumerate()
        .map(|(d, ds)| {
            let smartphones = ds.smartphones;
            let installed = if ds.empty == 1 {
                smartphones
            } else {
                (smartphones as f64 * ds.installed_share) as u64
            };
            let room = (smartphones - installed) as f64;
            let (mandated, fixed) = if ds.empty == 2 {
                let m = room * ds.mandated_share * 10.0;
                (m, room - m)
            } else {
                (room * ds.mandated_share, room * ds.fixed_share)
            };
            let pool = (spec.reachable_share * (room - mandated - fixed)).max(0.0);
            let bounds = order
                .iter()
                .map(|&i| {
                    let cap = match SHAPE_KINDS[i].1 {
                        Scope::Local => ds.communes,
                        Scope::Provincial => spec.kinds[i].available,
                    };
                    let max = ds.rule_max[i].map_or(cap, |share| (share * f64::from(cap)) as u32);
                    let (min, beyond) = ds.rule_min[i];
                    Bounds {
                        min: if beyond { min } else { min.min(max) },
                        max,
                    }
                })
                .collect();
            District {
                name: format!("D{d}"),
                smartphones,
                installed,
                mandated_installs: mandated,
                fixed_installs: fixed,
                pool,
                bounds,
                productivity: order.iter().map(|&i| ds.productivity[i]).collect(),
                floor: None,
            }
        })
        .collect();
    let mut model = Model {
        horizon_days: spec.horizon_days,
        objective,
        reachable_share: spec.reachable_share,
        target_rate: 0.0,
        district_floor: None,
        budget: None,
        kinds,
        districts,
    };
    let phones = model.total_smartphones() as f64;
    let base: f64 = model.districts.iter().map(|d| d.base_installed()).sum();
    let most_outreach: f64 = (0..model.districts.len())
        .map(|d| {
            let hi: Vec<u32> = model.districts[d].bounds.iter().map(|b| b.max).collect();
            model.projected_installed(d, &hi) - model.districts[d].base_installed()
        })
        .sum();
    model.target_rate = ((base + spec.target_share * most_outreach) / phones).min(1.0);
    let least = model.cost(&lower_bounds(&model));
    let most = most_cost(&model);
    let (mode, share) = spec.budget;
    model.budget = match mode {
        1 => Some(least + (most - least) * (0.1 + 0.8 * share)),
        2 => Some(most * (1.0 + share) + 1.0),
        3 => Some(least * share),
        _ => None,
    };
    model.district_floor = spec.floor.map(|points| {
        let lowest = model
            .districts
            .iter()
            .map(|d| d.base_installed() / d.smartphones as f64)
            .fold(f64::INFINITY, f64::min);
        (lowest + points).min(1.0)
    });
    for (d, ds) in model.districts.iter_mut().zip(&spec.districts) {
        let min_rate = ds
            .raised_floor
            .map(|points| (d.base_installed() / d.smartphones as f64 + points).min(1.0));
        d.floor = match (model.district_floor, min_rate) {
            (None, None) => None,
            (phi, rate) => Some(phi.unwrap_or(0.0).max(rate.unwrap_or(0.0))),
        };
    }
    model
}

/// The checks of the module doc for one instance: `Ok(true)` when they hold, `Ok(false)`
/// without checking when the MILP finds no plan or its plan, evaluated exactly, does not meet
/// the scenario.
fn matches_or_beats_the_milp(model: &Model) -> Result<bool, TestCaseError> {
    let Some(reference) = milp::solve(model) else {
        return Ok(false);
    };
    if !meets_scenario(model, &reference) {
        return Ok(false);
    }
    let solution = solve(model);
    let ours_is = || {
        format!(
            "our plan {:?}: {:?}, {:?}, diagnosis {:?}",
            solution.teams, solution.status, solution.optimality, solution.diagnosis
        )
    };
    prop_assert!(
        solution.status != Status::Infeasible,
        "infeasible although the MILP's plan {:?} meets the scenario; {}",
        reference,
        ours_is()
    );
    prop_assert!(
        meets_scenario(model, &solution.teams),
        "our plan breaks a constraint; {}",
        ours_is()
    );
    let (ours, theirs) = (
        objective_measure(model, &solution.teams),
        objective_measure(model, &reference),
    );
    // the bound in the objective's own measure: the reported one is on total installs for
    // max-installs
    let base: f64 = model.districts.iter().map(|d| d.base_installed()).sum();
    let bound = solution.optimality.bound.map(|b| match model.objective {
        Objective::MaxInstalls => b - base,
        Objective::MinCost | Objective::MaxMinRate => b,
    });
    let slack = 1e-7 * theirs.abs().max(1.0);
    let (bound_holds, within) = match model.objective {
        Objective::MaxInstalls => (
            bound.is_none_or(|b| b >= theirs - slack),
            ours >= theirs * (1.0 - GAP_TOLERANCE) - slack,
        ),
        Objective::MinCost => (
            bound.is_none_or(|b| b <= theirs + slack),
            ours <= theirs * (1.0 + GAP_TOLERANCE) + slack,
        ),
        Objective::MaxMinRate => (
            bound.is_none_or(|b| b >= theirs - 1e-9),
            ours >= theirs - RATE_GAP_TOLERANCE - 1e-12,
        ),
    };
    prop_assert!(
        bound_holds,
        "our bound {:?} ({}) is beaten by the MILP's plan {:?} at {}; {}",
        bound,
        model.objective.as_str(),
        reference,
        theirs,
        ours_is()
    );
    prop_assert!(
        within,
        "{} {} (ours) is beyond the tolerance of the MILP's plan {:?} at {}; {}",
        model.objective.as_str(),
        ours,
        reference,
        theirs,
        ours_is()
    );
    Ok(true)
}

/// How many cases compared with a MILP plan that meets the scenario, and how many in all.
fn run(objective: Objective) {
    let config = config();
    let cases = config.cases;
    let compared = Cell::new(0u32);
    let mut runner = TestRunner::new(config);
    let result = runner.run(&spec(), |spec| {
        let model = model(&spec, objective);
        let checked = matches_or_beats_the_milp(&model)
            .map_err(|e| TestCaseError::fail(format!("{e}\n{model:#?}")))?;
        if checked {
            compared.set(compared.get() + 1);
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{}: {e}", objective.as_str());
    }
    let compared = compared.get();
    eprintln!(
        "{}: {compared} of {cases} cases compared with a MILP plan that meets the scenario",
        objective.as_str()
    );
    // a strategy that stopped giving comparable instances would test nothing
    assert!(
        compared >= cases / 3,
        "only {compared} of {cases} cases compared"
    );
}

#[test]
fn max_installs_matches_or_beats_the_milp_on_every_shape() {
    run(Objective::MaxInstalls);
}

#[test]
fn min_cost_matches_or_beats_the_milp_on_every_shape() {
    run(Objective::MinCost);
}

#[test]
fn max_min_rate_matches_or_beats_the_milp_on_every_shape() {
    run(Objective::MaxMinRate);
}
