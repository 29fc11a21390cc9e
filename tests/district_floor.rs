//! A district's own floor (docs/model.md § 8): a rule's `district.min_rate` raises one
//! district's floor to φ_d = max(φ, min_rate_d), and every plan keeps J_d ≥ φ_d · S_d. Run on
//! the shipped scenario with its own rules; the rule's effect is set by hand here (what
//! `district.min_rate` fills in `Effects.min_rate`).

use crate::common;

use serde_json::Value;

use campaign_planner::model::{Model, Objective};
use campaign_planner::plan::Plan;
use campaign_planner::report::{self, Format};
use campaign_planner::rules::{Effects, RuleSet};
use campaign_planner::scenario::{self, Scenario};
use campaign_planner::solve::{Finding, Solution, Status, solve};
use campaign_planner::text::Lang;

use crate::layout::SHIPPED;

/// The shipped scenario and what its rules set before the solve.
fn shipped() -> (Scenario, Vec<Effects>) {
    let scenario = scenario::load(SHIPPED.as_ref()).expect("the shipped scenario loads");
    let rules = RuleSet::load(&scenario.rules).expect("the shipped rules compile");
    let effects = rules
        .before_solve(&scenario)
        .expect("the shipped rules run");
    (scenario, effects)
}

fn index(scenario: &Scenario, name: &str) -> usize {
    scenario
        .districts
        .iter()
        .position(|d| d.name == name)
        .unwrap_or_else(|| panic!("{name} is in the shipped scenario"))
}

/// J_d / S_d for the plan's teams, from MODEL.md's formulas (not from `Model`'s helpers).
fn exact_rate(model: &Model, d: usize, solution: &Solution) -> f64 {
    let district = &model.districts[d];
    let effort: f64 = solution.teams[d]
        .iter()
        .enumerate()
        .map(|(k, &t)| {
            f64::from(model.horizon_days)
                * district.productivity[k]
                * model.kinds[k].installs_per_team_day
                * f64::from(t)
        })
        .sum();
    let pool = district.pool;
    let outreach = pool * (1.0 - (-effort / pool).exp());
    (district.base_installed() + outreach) / district.smartphones as f64
}

/// The plan as `campaign plan` makes it, directives before and after the solve included.
fn plan_of(scenario: &Scenario, effects: Vec<Effects>) -> Plan {
    let rules = RuleSet::load(&scenario.rules).unwrap();
    let model = campaign_planner::scenario::to_model(scenario, &effects);
    let solution = solve(&model);
    let mut plan = Plan::new(&scenario.name, &scenario.as_of, &model, &solution, &effects);
    plan.add_after_solve(rules.after_solve(scenario, &plan).unwrap());
    plan
}

#[test]
fn the_district_floor_is_the_larger_of_the_scenario_floor_and_the_rules() {
    let (mut scenario, mut effects) = shipped();
    let (huu_lung, cao_loc) = (index(&scenario, "Hữu Lũng"), index(&scenario, "Cao Lộc"));
    let m = campaign_planner::scenario::to_model(&scenario, &effects);
    assert!(
        m.districts.iter().all(|d| d.floor.is_none()),
        "no floor anywhere"
    );

    scenario.district_floor = Some(0.30);
    effects[huu_lung].min_rate = Some(0.40); // above φ: raises it
    effects[cao_loc].min_rate = Some(0.20); // below φ: φ stays
    let m = campaign_planner::scenario::to_model(&scenario, &effects);
    assert_eq!(m.district_floor, Some(0.30), "the scenario's φ is kept");
    for (d, district) in m.districts.iter().enumerate() {
        let want = if d == huu_lung { 0.40 } else { 0.30 };
        assert_eq!(district.floor, Some(want), "{}", district.name);
    }

    scenario.district_floor = None;
    let m = campaign_planner::scenario::to_model(&scenario, &effects);
    assert_eq!(m.districts[huu_lung].floor, Some(0.40));
    assert_eq!(m.districts[cao_loc].floor, Some(0.20), "the rule's alone");
    assert_eq!(m.districts[0].floor, None);
}

#[test]
fn a_district_floor_lifts_that_district_beyond_what_max_installs_gives_it() {
    let (scenario, mut effects) = shipped();
    let huu_lung = index(&scenario, "Hữu Lũng");
    let free = campaign_planner::scenario::to_model(&scenario, &effects);
    let without = solve(&free);
    assert_eq!(without.status, Status::Optimal);
    let rate_without = exact_rate(&free, huu_lung, &without);
    // 35.99% (docs/model.md § 7): below the floor the rule asks for
    assert!(rate_without < 0.40, "{rate_without}");

    effects[huu_lung].min_rate = Some(0.40);
    let floored = campaign_planner::scenario::to_model(&scenario, &effects);
    for objective in Objective::ALL {
        let mut m = floored.clone();
        m.objective = objective;
        let solution = solve(&m);
        assert_eq!(
            solution.status,
            Status::Optimal,
            "{objective:?}: {:?}",
            solution.diagnosis
        );
        let rate = exact_rate(&m, huu_lung, &solution);
        assert!(
            rate >= 0.40 - 1e-9,
            "{objective:?}: Hữu Lũng {rate} is below its floor 40%"
        );
        assert!(
            common::feasible(&m, &solution.teams),
            "{objective:?}: every bound, pool and floor kept"
        );
    }
    // The floor costs installs elsewhere: max-installs gives the province less than without it.
    let with = solve(&floored);
    assert!(
        common::total_installs(&floored, &with.teams)
            <= common::total_installs(&free, &without.teams) + 1e-6
    );
}

#[test]
fn a_district_floor_beyond_the_reachable_pool_names_the_district_and_its_floor() {
    let (mut scenario, mut effects) = shipped();
    let huu_lung = index(&scenario, "Hữu Lũng");
    scenario.district_floor = Some(0.30);
    effects[huu_lung].min_rate = Some(0.90);
    let m = campaign_planner::scenario::to_model(&scenario, &effects);
    let solution = solve(&m);
    assert_eq!(solution.status, Status::Infeasible);
    let findings = &solution.diagnosis.as_ref().unwrap().findings;
    assert_eq!(findings.len(), 1, "only Hữu Lũng falls short: {findings:?}");
    let Finding::FloorPoolLimit {
        district,
        floor,
        pool_limited,
        pool_rate,
        ..
    } = &findings[0]
    else {
        panic!("{findings:?}");
    };
    assert_eq!(district, "Hữu Lũng");
    assert_eq!(
        *floor, 0.90,
        "the district's own floor, not the scenario's 30%"
    );
    assert!(*pool_limited && *pool_rate < 0.90);
}

#[test]
fn a_district_floor_beyond_the_teams_a_rule_allows_is_infeasible_and_said_in_words() {
    let (mut scenario, mut effects) = shipped();
    let huu_lung = index(&scenario, "Hữu Lũng");
    scenario.district_floor = Some(0.30);
    effects[huu_lung].min_rate = Some(0.40);
    effects[huu_lung]
        .max_teams
        .insert("volunteer".to_string(), 3);
    let plan = plan_of(&scenario, effects);
    assert_eq!(plan.status, Status::Infeasible);
    let findings = &plan.diagnosis.as_ref().unwrap().findings;
    assert!(
        matches!(
            findings.as_slice(),
            [Finding::FloorPoolLimit { district, floor, pool_limited: false, .. }]
                if district == "Hữu Lũng" && *floor == 0.40
        ),
        "{findings:?}"
    );

    let en = report::render(&plan, Format::Text, Lang::En);
    assert!(
        en.contains(
            "  - Hữu Lũng cannot reach 40%: even with all 24 commune teams and all 3 volunteer \
             teams it reaches 33.6%; the teams the district may have are the limit\n"
        ),
        "{en}"
    );
    // the best reachable plan leaves Hữu Lũng below its own floor, and says so
    assert!(
        en.contains("below the minimum of 40%)\n   District floor: 40.0%\n"),
        "{en}"
    );
    assert_eq!(en.matches("below the minimum of").count(), 1, "{en}");
    let vi = report::render(&plan, Format::Markdown, Lang::Vi);
    assert!(vi.contains("Hữu Lũng không thể đạt 40%"), "{vi}");
    assert!(
        vi.contains("dưới mức tối thiểu 40%)\n\nMức sàn riêng của huyện: 40,0%\n"),
        "{vi}"
    );
}

#[test]
fn a_raised_floor_is_shown_in_its_districts_section_only() {
    let (mut scenario, mut effects) = shipped();
    let (huu_lung, cao_loc) = (index(&scenario, "Hữu Lũng"), index(&scenario, "Cao Lộc"));
    scenario.district_floor = Some(0.30);
    effects[huu_lung].min_rate = Some(0.40);
    effects[cao_loc].min_rate = Some(0.30); // the scenario's own: nothing to say
    let plan = plan_of(&scenario, effects);
    assert_eq!(plan.status, Status::Optimal);

    let vi = report::render(&plan, Format::Text, Lang::Vi);
    assert_eq!(vi.matches("Mức sàn riêng của huyện").count(), 1, "{vi}");
    let section = vi.split("\nHữu Lũng (").nth(1).expect("Hữu Lũng's section");
    let heading_and_next: Vec<&str> = section.lines().take(2).collect();
    assert_eq!(
        heading_and_next[1], "   Mức sàn riêng của huyện: 40,0%",
        "{vi}"
    );
    assert!(
        !vi.contains("dưới mức tối thiểu"),
        "every floor is met: {vi}"
    );

    let md = report::render(&plan, Format::Markdown, Lang::En);
    assert_eq!(md.matches("District floor: 40.0%").count(), 1, "{md}");
    assert!(md.contains("### Hữu Lũng ("), "{md}");

    // Without a raised floor nothing is added (the goldens hold the whole output).
    let (scenario, effects) = shipped();
    let plain = report::render(&plan_of(&scenario, effects), Format::Text, Lang::En);
    assert!(!plain.contains("District floor"), "{plain}");
}

#[test]
fn json_gives_every_district_its_floor() {
    let (mut scenario, mut effects) = shipped();
    let huu_lung = index(&scenario, "Hữu Lũng");
    let json = |scenario: &Scenario, effects: Vec<Effects>| -> Value {
        let text = report::render(&plan_of(scenario, effects), Format::Json, Lang::En);
        serde_json::from_str(&text).unwrap()
    };

    let plain = json(&scenario, effects.clone());
    for d in plain["districts"].as_array().unwrap() {
        common::check_json_keys(d, "floor:null", "districts[]");
    }

    scenario.district_floor = Some(0.30);
    effects[huu_lung].min_rate = Some(0.40);
    let raised = json(&scenario, effects);
    assert_eq!(
        raised["district_floor"], 0.30,
        "the scenario's φ, unchanged"
    );
    for (d, district) in raised["districts"].as_array().unwrap().iter().enumerate() {
        common::check_json_keys(district, "floor:num", "districts[]");
        let floor = district["floor"].as_f64().unwrap();
        assert_eq!(floor, if d == huu_lung { 0.40 } else { 0.30 });
        let projected = district["projected_installed"].as_f64().unwrap();
        let smartphones = district["smartphones"].as_f64().unwrap();
        assert!(
            projected >= floor * smartphones - 1e-6,
            "{}",
            district["name"]
        );
    }
    let keys: Vec<&String> = raised["districts"][0].as_object().unwrap().keys().collect();
    let at = |key: &str| keys.iter().position(|k| *k == key).unwrap();
    assert!(
        at("floor") > at("directives"),
        "added after the existing fields"
    );
}
