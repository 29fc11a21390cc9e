//! `scenario.district_named` and `scenario.closest_districts` (docs/rules.md): a unit word tells
//! apart two units of one name (trial13e H8), and a look-up costs a rule steps in proportion to
//! the work it does, so that a rule calling it in a loop is stopped by the step limits in
//! seconds (trial13e H1).

use std::time::Instant;

use campaign_planner::rules::RuleSet;
use campaign_planner::text::Lang;

use crate::scenario_load::support::{Case, MINIMAL};

/// Hà Tĩnh's two units named Kỳ Anh (a thị xã and a huyện, its name kept without the word, as
/// `campaign import` keeps it) beside MINIMAL's Hữu Lũng.
const KY_ANH: &str = "
[[district]]
name = \"Thị xã Kỳ Anh\"
installed = 15_000
smartphones = 50_000

[[district]]
name = \"Kỳ Anh\"
installed = 12_000
smartphones = 60_000
";

/// What the rule `rule` (run as the scenario's only rule, on MINIMAL and `districts`) throws
/// in `before_solve`, in English.
fn thrown(districts: &str, rule: &str) -> String {
    let case = Case::new();
    case.write("rules/communication.rhai", rule);
    let scenario = case.load(&format!("{MINIMAL}{districts}")).unwrap();
    let rules = RuleSet::load(&scenario.rules).unwrap();
    let err = rules
        .before_solve(&scenario)
        .expect_err("the rule throws its answers");
    err.render(Lang::En)
}

#[test]
fn the_unit_word_chooses_between_two_units_of_one_name() {
    let said = thrown(
        KY_ANH,
        r#"fn before_solve(district, scenario) {
    let out = "";
    for name in ["Kỳ Anh", "Huyện Kỳ Anh", "H. Kỳ Anh", "Thị xã Kỳ Anh", "TX Kỳ Anh", "TX. Kỳ Anh"] {
        let d = scenario.district_named(name);
        let found = if d == () { "()" } else { d.name + " (" + d.unit_type + ")" };
        out += " | " + name + " -> " + found;
    }
    out += " | closest: " + scenario.closest_districts("Huyện Kỳ Anh")[0];
    throw out;
}
"#,
    );
    for answer in [
        // the whole name first: the huyện is named "Kỳ Anh"
        "| Kỳ Anh -> Kỳ Anh (huyện) |",
        "| Huyện Kỳ Anh -> Kỳ Anh (huyện) |",
        "| H. Kỳ Anh -> Kỳ Anh (huyện) |",
        "| Thị xã Kỳ Anh -> Thị xã Kỳ Anh (thị xã) |",
        "| TX Kỳ Anh -> Thị xã Kỳ Anh (thị xã) |",
        "| TX. Kỳ Anh -> Thị xã Kỳ Anh (thị xã) |",
        "| closest: Kỳ Anh",
    ] {
        assert!(said.contains(answer), "{answer:?} in {said}");
    }
    // no quận of that name, and the bare name is two units': an error naming both (trial 13
    // H8: it gave `()`, and the rule did nothing)
    let said = thrown(
        KY_ANH,
        r#"fn before_solve(district, scenario) {
    let name = "Quận Kỳ Anh";
    if district.smartphones > 0 { scenario.district_named(name); }
}
"#,
    );
    assert!(
        said.contains(
            r#""Quận Kỳ Anh" is the name of 2 of the scenario's units ("Thị xã Kỳ Anh", "Kỳ Anh")"#
        ),
        "{said}"
    );
    assert!(said.contains("communication.rhai:3:"), "{said}");
}

#[test]
fn a_unit_word_in_lang_son_still_finds_the_district() {
    let said = thrown(
        "",
        r#"fn before_solve(district, scenario) {
    throw scenario.district_named("Huyện Hữu Lũng").name + "/" + scenario.district_named("huu lung");
}
"#,
    );
    assert!(said.contains(": Hữu Lũng/"), "{said}");
}

/// A made-up province of `units` units whose only rule is `source`.
fn generated(units: u32, source: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("rules")).unwrap();
    std::fs::create_dir(dir.path().join("scenarios")).unwrap();
    std::fs::write(dir.path().join("rules/look.rhai"), source).unwrap();
    let scenario = dir.path().join("scenarios/generated.toml");
    crate::support::Test::new()
        .args(["generate", "--units", &units.to_string(), "--seed", "1"])
        .args(["--rules", "../rules/look.rhai"])
        .out(&scenario)
        .run()
        .code(0);
    (dir, scenario)
}

#[test]
fn closest_districts_in_a_loop_is_stopped_by_the_call_s_steps_at_the_first_district() {
    // Each call compares the name with 300 districts' names: it counted one step, and 3,000
    // calls on each of 300 districts ran on for a minute, within every step limit.
    let (_dir, path) = generated(
        300,
        "fn before_solve(district, scenario) {\n    for i in 0..3000 {\n        let c = scenario.closest_districts(\"Hữu Lủng\");\n    }\n}\n",
    );
    let scenario = campaign_planner::scenario::load(&path).unwrap();
    let rules = RuleSet::load(&scenario.rules).unwrap();
    let started = Instant::now();
    let err = rules
        .before_solve(&scenario)
        .expect_err("stopped by the call's steps");
    let took = started.elapsed();
    let en = err.render(Lang::En);
    assert!(
        en.contains("rule `look` ran too long in `before_solve` and was stopped"),
        "{en}"
    );
    // the first district: stopped by the call's own limit, not the plan's
    let first = &scenario.districts[0].name;
    assert!(en.contains(&format!("district \"{first}\"")), "{en}");
    assert!(took.as_secs() < 20, "{took:?}");
}

#[test]
fn district_named_in_a_loop_costs_no_scan_of_the_districts() {
    // 300 districts × 1,000 look-ups of the same name: an index and a memo, well within the
    // steps, and quick (a scan of 300 names a call took seconds)
    let (_dir, path) = generated(
        300,
        "fn before_solve(district, scenario) {\n    for i in 0..1000 {\n        let c = scenario.district_named(\"Hữu Lủng\");\n        if c != () { throw \"found\"; }\n    }\n}\n",
    );
    let scenario = campaign_planner::scenario::load(&path).unwrap();
    let rules = RuleSet::load(&scenario.rules).unwrap();
    let started = Instant::now();
    rules
        .before_solve(&scenario)
        .expect("no district of that name");
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
}
