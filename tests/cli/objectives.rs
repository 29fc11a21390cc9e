//! The objectives and limits of MODEL.md § "Objectives", on what-if copies of the shipped
//! scenario, each compared with the shipped max-installs plan.

use serde_json::Value;

use super::contract::{check_figures, check_keys};
use crate::support::{Test, WhatIf, districts, f, lowest_rate, s};

fn shipped_plan() -> Value {
    Test::shipped().format("json").run().plan().json()
}

fn what_if_plan(what_if: &WhatIf) -> Value {
    let plan = what_if.test().format("json").run().plan().json();
    check_keys(&plan);
    check_figures(&plan);
    plan
}

#[test]
fn min_cost_reaches_the_40_percent_target_for_less_than_the_max_installs_plan() {
    let plan = what_if_plan(&WhatIf::shipped().set("objective", "\"min-cost\""));
    assert_eq!(plan["objective"], "min-cost");
    assert_eq!(plan["status"], "optimal");
    let p = &plan["province"];
    assert!(
        f(&p["projected_rate"]) >= 0.40 - 1e-9,
        "projected {}",
        p["projected_rate"]
    );
    assert_eq!(p["target_reached"], true);
    let max_installs = shipped_plan();
    assert!(
        f(&p["cost"]) < f(&max_installs["province"]["cost"]),
        "min-cost spends {} and max-installs {}",
        p["cost"],
        max_installs["province"]["cost"]
    );
    let text = WhatIf::shipped()
        .set("objective", "\"min-cost\"")
        .test()
        .lang("en")
        .run()
        .plan()
        .stdout;
    assert!(text.contains("the lowest cost that reaches the provincial target"));
    assert!(text.contains("40% — reached"));
}

#[test]
fn max_min_rate_lifts_the_lowest_district_at_least_as_high_as_max_installs() {
    let plan = what_if_plan(&WhatIf::shipped().set("objective", "\"max-min-rate\""));
    assert_eq!(plan["objective"], "max-min-rate");
    let max_installs = shipped_plan();
    assert!(
        lowest_rate(&plan) >= lowest_rate(&max_installs),
        "max-min-rate's lowest district {} is below max-installs' {}",
        lowest_rate(&plan),
        lowest_rate(&max_installs)
    );
    assert!(
        lowest_rate(&plan) > lowest_rate(&max_installs) + 0.01,
        "on the letter's data equity should lift the lowest district clearly: {} vs {}",
        lowest_rate(&plan),
        lowest_rate(&max_installs)
    );
    // What the plan claims as its objective is its lowest district rate.
    assert!((f(&plan["optimality"]["objective_value"]) - lowest_rate(&plan)).abs() < 1e-9);
}

/// The rules' minimums (158 commune and 8 volunteer teams over 14 days) cost 365,400,000 đồng,
/// so 400,000,000 is the budget that leaves the optimiser a choice.
#[test]
fn a_budget_caps_what_the_plan_spends() {
    let budget = 400_000_000.0;
    let plan = what_if_plan(&WhatIf::shipped().set("budget", "400_000_000"));
    assert_eq!(plan["status"], "optimal");
    assert_eq!(plan["budget"], budget);
    let cost = f(&plan["province"]["cost"]);
    assert!(cost <= budget, "spends {cost} of {budget}");
    assert!(
        f(&shipped_plan()["province"]["cost"]) > budget,
        "the budget binds: without it the plan spends more"
    );
    let text = WhatIf::shipped()
        .set("budget", "400_000_000")
        .test()
        .run()
        .plan()
        .stdout;
    assert!(text.contains("Ngân sách"), "{text}");
    assert!(text.contains("400.000.000 đ"), "{text}");
}

#[test]
fn a_district_floor_lifts_every_district_to_it() {
    for (floor, written) in [(0.35, "0.35"), (0.38, "0.38")] {
        let plan = what_if_plan(&WhatIf::shipped().set("district_floor", written));
        assert_eq!(plan["status"], "optimal", "floor {written}");
        assert_eq!(plan["district_floor"], floor);
        for d in districts(&plan) {
            assert!(
                f(&d["projected_rate"]) >= floor - 1e-9,
                "{} at {} under the floor {written}",
                s(&d["name"]),
                d["projected_rate"]
            );
        }
    }
    assert!(
        lowest_rate(&shipped_plan()) < 0.38,
        "the 38% floor changes the plan: without it a district stays below"
    );
    let text = WhatIf::shipped()
        .set("district_floor", "0.38")
        .test()
        .run()
        .plan()
        .stdout;
    assert!(text.contains("Mức tối thiểu mỗi huyện"), "{text}");
    assert!(text.contains("38%"), "{text}");
    assert!(!text.contains("dưới mức tối thiểu"), "no district below it");
}
