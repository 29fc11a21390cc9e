//! Invariants of every plan the optimiser returns (proptest over random instances larger than
//! the exhaustive tests can enumerate): teams within their bounds, pools and budget never
//! exceeded, floors and the target met when the plan says optimal, the reported bound on the
//! right side of the plan, and the same answer twice.

mod common;

use campaign_planner::model::{Objective, Scope};
use campaign_planner::solve::{Status, min_cost_value, solve};
use common::{feasible, min_rate, random_model_sized, total_installs};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn every_plan_keeps_every_limit(seed in any::<u64>(), objective in 0usize..3) {
        let objective = Objective::ALL[objective];
        let model = random_model_sized(seed, objective, 12, 8, 25);
        let solution = solve(&model);
        let teams = &solution.teams;

        // bounds that do not contradict each other, pools and budget: always
        for (d, row) in teams.iter().enumerate() {
            for (k, &t) in row.iter().enumerate() {
                let b = model.districts[d].bounds[k];
                if b.min <= b.max && solution.status == Status::Optimal {
                    prop_assert!(b.min <= t && t <= b.max, "district {d} kind {k}: {t} outside {b:?}");
                }
                prop_assert!(t <= b.max.max(b.min), "district {d} kind {k}: {t} above its bound");
            }
        }
        for (k, kind) in model.kinds.iter().enumerate() {
            if kind.scope == Scope::Provincial {
                let used: u32 = teams.iter().map(|row| row[k]).sum();
                prop_assert!(used <= kind.available.unwrap_or(0), "pool {k}: {used} used");
            }
        }
        if solution.status == Status::Optimal {
            prop_assert!(feasible(&model, teams), "an optimal plan breaks a constraint");
            if let Some(budget) = model.budget {
                prop_assert!(model.cost(teams) <= budget * (1.0 + 1e-9));
            }
            let value = solution.optimality.objective_value;
            let bound = solution.optimality.bound.expect("an optimal plan has a bound");
            match objective {
                Objective::MaxInstalls => {
                    prop_assert!((value - total_installs(&model, teams)).abs() <= 1e-6 * value.max(1.0));
                    prop_assert!(bound >= value - 1e-6 * value.max(1.0));
                }
                Objective::MinCost => {
                    let need = model.target_rate * model.total_smartphones() as f64;
                    prop_assert!(total_installs(&model, teams) >= need - 1e-6, "target missed");
                    prop_assert!((value - min_cost_value(&model, teams)).abs() <= 1e-6 * value.max(1.0));
                    prop_assert!(bound <= value + 1e-6 * value.max(1.0));
                }
                Objective::MaxMinRate => {
                    prop_assert!((value - min_rate(&model, teams)).abs() <= 1e-12);
                    prop_assert!(bound >= value - 1e-12);
                }
            }
        } else {
            prop_assert!(solution.diagnosis.as_ref().is_some_and(|d| !d.findings.is_empty()), "an infeasible plan says why");
        }

        // the same input, the same answer
        prop_assert_eq!(&solve(&model), &solution);
    }
}
