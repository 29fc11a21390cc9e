//! The optimiser against good_lp's MILP (chords under the curves, microlp) on instances too
//! large to enumerate: the MILP's plan, evaluated exactly, is feasible, so ours must be at
//! least as good (within MODEL.md's 0.5%, or 0.001 of the rate).

use crate::common;

use campaign_planner::model::Objective;
use campaign_planner::solve::{Status, milp, min_cost_value, solve};
use common::{feasible, min_rate, outreach, random_model_sized, total_installs};

const INSTANCES: u64 = 25;

#[test]
fn max_installs_matches_or_beats_the_milp() {
    let mut compared = 0;
    for seed in 0..INSTANCES {
        let model = random_model_sized(1_000 + seed, Objective::MaxInstalls, 8, 6, 12);
        let Some(reference) = milp::solve(&model) else {
            continue;
        };
        if !feasible(&model, &reference) {
            continue; // rounding of a near-integer value; nothing to compare
        }
        let solution = solve(&model);
        assert_eq!(solution.status, Status::Optimal, "seed {seed}");
        assert!(feasible(&model, &solution.teams), "seed {seed}");
        let (mine, theirs) = (
            outreach(&model, &solution.teams),
            outreach(&model, &reference),
        );
        assert!(
            mine >= theirs * 0.995 - 1e-6,
            "seed {seed}: {mine} < MILP {theirs}"
        );
        compared += 1;
    }
    assert!(
        compared >= INSTANCES / 2,
        "only {compared} instances compared"
    );
}

#[test]
fn min_cost_matches_or_beats_the_milp() {
    let mut compared = 0;
    for seed in 0..INSTANCES {
        let model = random_model_sized(2_000 + seed, Objective::MinCost, 8, 6, 12);
        let Some(reference) = milp::solve(&model) else {
            continue;
        };
        let need = model.target_rate * model.total_smartphones() as f64;
        if !feasible(&model, &reference) || total_installs(&model, &reference) < need - 1e-6 {
            continue;
        }
        let solution = solve(&model);
        assert_eq!(solution.status, Status::Optimal, "seed {seed}");
        assert!(feasible(&model, &solution.teams), "seed {seed}");
        assert!(
            total_installs(&model, &solution.teams) >= need - 1e-6,
            "seed {seed}"
        );
        let (mine, theirs) = (
            min_cost_value(&model, &solution.teams),
            min_cost_value(&model, &reference),
        );
        assert!(
            mine <= theirs * 1.005 + 1e-6,
            "seed {seed}: cost {mine} > MILP {theirs}"
        );
        compared += 1;
    }
    assert!(
        compared >= INSTANCES / 2,
        "only {compared} instances compared"
    );
}

#[test]
fn max_min_rate_matches_or_beats_the_milp() {
    let mut compared = 0;
    for seed in 0..INSTANCES {
        let model = random_model_sized(3_000 + seed, Objective::MaxMinRate, 8, 6, 12);
        let Some(reference) = milp::solve(&model) else {
            continue;
        };
        if !feasible(&model, &reference) {
            continue;
        }
        let solution = solve(&model);
        assert_eq!(solution.status, Status::Optimal, "seed {seed}");
        let (mine, theirs) = (
            min_rate(&model, &solution.teams),
            min_rate(&model, &reference),
        );
        assert!(
            mine >= theirs - 0.001,
            "seed {seed}: {mine} < MILP {theirs}"
        );
        compared += 1;
    }
    assert!(
        compared >= INSTANCES / 2,
        "only {compared} instances compared"
    );
}
