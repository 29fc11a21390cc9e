//! Trial 13g K17: a plan that keeps its constraints prints them kept. The reports judge the
//! target and the floors on the figures they print (each district's installs rounded to a whole
//! install, docs/model.md § "Verdicts as printed"), so the optimiser holds its floors and
//! `min-cost`'s target as printed: an optimal plan never prints its own target or a floor as
//! missed, and says so in a notice where no plan can reach them as printed.

use campaign_planner::model::Objective;
use campaign_planner::plan::{Notice, Plan};
use campaign_planner::solve::Status;
use campaign_planner::synthetic::{self, Budget, Params, Size};

use crate::layout::SHIPPED;

fn plan(path: &std::path::Path, settings: &[&str]) -> Plan {
    let settings: Vec<String> = settings.iter().map(|s| s.to_string()).collect();
    let scenario = campaign_planner::scenario::load_with(path, &settings).expect("it loads");
    campaign_planner::plan_scenario(&scenario).expect("it plans")
}

/// What a plan that keeps every constraint prints as missed: its floors, and `min-cost`'s
/// target, judged as the reports judge them.
fn missed_as_printed(plan: &Plan, objective: Objective) -> Vec<String> {
    let mut missed: Vec<String> = plan
        .districts
        .iter()
        .filter(|d| d.below_floor())
        .map(|d| {
            format!(
                "{} prints {} below its floor {} (exact {:.3})",
                d.name,
                d.projected_installed_as_printed(),
                d.floor.unwrap_or(0.0) * d.smartphones as f64,
                d.projected_installed
            )
        })
        .collect();
    if objective == Objective::MinCost && !plan.target_reached_as_printed() {
        missed.push(format!(
            "the province prints {} below its target {} (exact {:.3})",
            plan.projected_installed_as_printed(),
            plan.province.target_rate * plan.province.smartphones as f64,
            plan.province.projected_installed
        ));
    }
    if plan
        .notices
        .iter()
        .any(|n| matches!(n, Notice::ShortOnlyAsPrinted { .. }))
    {
        missed.push("a notice says a constraint is short as printed".into());
    }
    missed
}

/// The trial's case: at 100.000 đ a commune team-day the cheapest plan stopped 0,33 install
/// above the 40% target (207.928,33 of 207.928) and printed 207.926 (39,9996%), "CHƯA ĐẠT".
#[test]
fn the_cheapest_plan_at_100_000_dong_prints_the_target_reached() {
    let p = plan(
        std::path::Path::new(SHIPPED),
        &[
            "team_kind.commune.cost_per_team_day=100000",
            "objective=min-cost",
        ],
    );
    assert_eq!(p.status, Status::Optimal, "{:?}", p.optimality);
    let target = 0.4 * p.province.smartphones as f64;
    assert!(
        p.projected_installed_as_printed() >= target,
        "printed {} below {target}",
        p.projected_installed_as_printed()
    );
    assert!(p.target_reached_as_printed() && p.province.target_reached);
    assert!(missed_as_printed(&p, Objective::MinCost).is_empty());
    // the bound is still the exact target's: the plan costs more than the cheapest that reaches
    // it exactly (312.200.000 đ), and is proven within 0,5% of it
    let bound = p.optimality.bound.expect("a bound");
    assert_eq!(bound, 312_200_000.0);
    assert!(p.province.cost >= bound && p.province.cost <= bound * 1.005);
    let text = campaign_planner::report::terminal::render(&p, campaign_planner::text::Lang::Vi);
    assert!(text.contains("40% — ĐẠT"), "{text}");
    assert!(!text.contains("39,99"), "{text}");
}

/// Generated provinces of every shape the brief names (min-cost with floors, a budget, both
/// pools; 40 to 700 units; several seeds; the shipped rules on some): no plan that keeps every
/// constraint prints its target (min-cost) or a floor as missed.
#[test]
fn no_plan_that_keeps_its_constraints_prints_one_missed() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let rules = concat!(env!("CARGO_MANIFEST_DIR"), "/rules").to_string();
    // objective, size, budget, floor, with the shipped rules
    type Shape = (Objective, Size, Option<Budget>, Option<f64>, bool);
    let shapes: [Shape; 6] = [
        (Objective::MinCost, Size::Commune, None, Some(0.35), true),
        (
            Objective::MinCost,
            Size::Commune,
            Some(Budget::Auto),
            Some(0.3),
            false,
        ),
        (Objective::MinCost, Size::District, None, Some(0.3), false),
        (Objective::MinCost, Size::Commune, None, None, false),
        (
            Objective::MaxInstalls,
            Size::Commune,
            None,
            Some(0.35),
            true,
        ),
        (
            Objective::MaxMinRate,
            Size::Commune,
            Some(Budget::Auto),
            Some(0.3),
            false,
        ),
    ];
    let mut failures = Vec::new();
    let mut checked = 0;
    for (units, seed) in [(40, 1), (40, 2), (120, 3), (120, 4), (300, 5), (700, 3)] {
        for (objective, size, budget, floor, with_rules) in shapes {
            if size == Size::District && units > 120 {
                continue;
            }
            let mut params = Params::new(units, seed);
            params.objective = objective;
            params.size = size;
            params.budget = budget;
            params.floor = floor;
            if with_rules {
                params.rules = vec![rules.clone()];
            }
            let path = dir.path().join("generated.toml");
            std::fs::write(&path, synthetic::generate(&params)).expect("written");
            let p = plan(&path, &[]);
            if !p.status.meets_scenario() {
                continue;
            }
            checked += 1;
            for m in missed_as_printed(&p, objective) {
                failures.push(format!("{}: {m}", synthetic::command_line(&params)));
            }
        }
    }
    assert!(checked >= 20, "only {checked} plans met their scenario");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The trial's floor: Xã 343 of `generate --units 700 --seed 3 --rules ../rules` under a 35%
/// floor needs 1.128,05 installs; the plan met it at 1.128,16 and printed 1.128, "below the
/// minimum". Its floor now holds as printed.
#[test]
fn a_floor_met_exactly_is_met_as_printed() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut params = Params::new(700, 3);
    params.rules = vec![concat!(env!("CARGO_MANIFEST_DIR"), "/rules").to_string()];
    let path = dir.path().join("g.toml");
    std::fs::write(&path, synthetic::generate(&params)).expect("written");
    let p = plan(&path, &["objective=min-cost", "target.district_floor=0.35"]);
    assert!(p.status.meets_scenario());
    let d = p
        .districts
        .iter()
        .find(|d| d.name == "Xã 343")
        .expect("Xã 343");
    let floor = 0.35 * d.smartphones as f64;
    assert!(
        d.projected_installed_as_printed() >= floor,
        "{}",
        d.projected_installed
    );
    assert!(missed_as_printed(&p, Objective::MinCost).is_empty());
}
