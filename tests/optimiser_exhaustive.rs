//! The optimiser against the true optimum, found by enumerating every allocation of small
//! random instances, for each objective, with budgets, floors and rule minimums
//! (MODEL.md § "Objectives": within 0.5% of the optimum, 0.001 of the rate for max-min-rate;
//! every constraint exact; infeasible exactly when nothing is feasible).

mod common;

use campaign_planner::model::{Model, Objective};
use campaign_planner::solve::{Status, min_cost_value, solve};
use common::{feasible, for_each_allocation, min_rate, outreach, random_model, total_installs};

const DEFAULT_INSTANCES: u64 = 600;

/// `CAMPAIGN_EXHAUSTIVE_INSTANCES` runs more (e.g. 20000) when changing the optimiser.
/// `CAMPAIGN_EXHAUSTIVE_FIRST` starts at another seed (to rerun one failure).
fn seeds() -> std::ops::Range<u64> {
    let first = std::env::var("CAMPAIGN_EXHAUSTIVE_FIRST")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    first..first + instances()
}

fn instances() -> u64 {
    std::env::var("CAMPAIGN_EXHAUSTIVE_INSTANCES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_INSTANCES)
}

/// The best value of `score` (higher is better) over every feasible allocation that `keep` accepts.
fn enumerate(
    model: &Model,
    keep: &dyn Fn(&campaign_planner::model::Allocation) -> bool,
    score: &dyn Fn(&campaign_planner::model::Allocation) -> f64,
) -> Option<f64> {
    let mut best: Option<f64> = None;
    for_each_allocation(model, &mut |t| {
        if feasible(model, t) && keep(t) {
            let s = score(t);
            if best.is_none_or(|b| s > b) {
                best = Some(s);
            }
        }
    });
    best
}

#[test]
fn max_installs_is_within_half_a_percent_of_the_enumerated_optimum() {
    let mut exact = 0;
    for seed in seeds() {
        let model = random_model(seed, Objective::MaxInstalls);
        let best = enumerate(&model, &|_| true, &|t| outreach(&model, t));
        let solution = solve(&model);
        match best {
            None => assert_eq!(
                solution.status,
                Status::Infeasible,
                "seed {seed}: nothing is feasible\n{model:#?}"
            ),
            Some(best) => {
                assert_eq!(
                    solution.status,
                    Status::Optimal,
                    "seed {seed}: {:?}\n{model:#?}",
                    solution.diagnosis
                );
                assert!(
                    feasible(&model, &solution.teams),
                    "seed {seed}: infeasible plan {:?}",
                    solution.teams
                );
                let mine = outreach(&model, &solution.teams);
                assert!(
                    mine >= best * 0.995 - 1e-6,
                    "seed {seed}: {mine} < optimum {best}\n{:?}\n{model:#?}",
                    solution.teams
                );
                let bound = solution.optimality.bound.unwrap()
                    - (total_installs(&model, &solution.teams) - mine);
                assert!(
                    bound >= best - 1e-6 * best.max(1.0),
                    "seed {seed}: bound {bound} below optimum {best}"
                );
                if mine >= best - 1e-6 {
                    exact += 1;
                }
            }
        }
    }
    assert!(
        exact as f64 >= 0.5 * instances() as f64,
        "only {exact} exactly optimal"
    );
}

#[test]
fn min_cost_is_within_half_a_percent_of_the_enumerated_optimum() {
    for seed in seeds() {
        let model = random_model(seed, Objective::MinCost);
        let need = model.target_rate * model.total_smartphones() as f64;
        let best = enumerate(
            &model,
            &|t| total_installs(&model, t) >= need - 1e-6,
            &|t| -min_cost_value(&model, t),
        );
        let solution = solve(&model);
        match best {
            None => assert_eq!(
                solution.status,
                Status::Infeasible,
                "seed {seed}: nothing is feasible\n{model:#?}"
            ),
            Some(best) => {
                let best = -best;
                assert_eq!(
                    solution.status,
                    Status::Optimal,
                    "seed {seed}: {:?}\n{model:#?}",
                    solution.diagnosis
                );
                assert!(
                    feasible(&model, &solution.teams),
                    "seed {seed}: infeasible plan"
                );
                assert!(
                    total_installs(&model, &solution.teams) >= need - 1e-6,
                    "seed {seed}: target missed"
                );
                let mine = min_cost_value(&model, &solution.teams);
                assert!(
                    mine <= best * 1.005 + 1e-6,
                    "seed {seed}: cost {mine} > optimum {best}\n{:?}\n{model:#?}",
                    solution.teams
                );
                let bound = solution.optimality.bound.unwrap();
                assert!(
                    bound <= best + 1e-6 * best.max(1.0),
                    "seed {seed}: bound {bound} above optimum {best}"
                );
            }
        }
    }
}

#[test]
fn max_min_rate_is_within_a_thousandth_of_the_enumerated_optimum() {
    for seed in seeds() {
        let model = random_model(seed, Objective::MaxMinRate);
        let best = enumerate(&model, &|_| true, &|t| min_rate(&model, t));
        let solution = solve(&model);
        match best {
            None => assert_eq!(
                solution.status,
                Status::Infeasible,
                "seed {seed}: nothing is feasible\n{model:#?}"
            ),
            Some(best) => {
                assert_eq!(
                    solution.status,
                    Status::Optimal,
                    "seed {seed}: {:?}",
                    solution.diagnosis
                );
                assert!(
                    feasible(&model, &solution.teams),
                    "seed {seed}: infeasible plan"
                );
                let mine = min_rate(&model, &solution.teams);
                assert!(
                    mine >= best - 0.001,
                    "seed {seed}: {mine} < optimum {best}\n{:?}\n{model:#?}",
                    solution.teams
                );
                assert!(
                    solution.optimality.bound.unwrap() >= best - 1e-9,
                    "seed {seed}: bound below optimum"
                );
            }
        }
    }
}
