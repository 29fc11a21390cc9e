//! The extended rule library end to end: `campaign plan
//! scenarios/lang-son-2020-09-01-extended-rules.toml --format json` (the letter's three rules plus
//! schools, remote-districts, priority-floor and no-provincial-above-target; docs/rule-library.md)
//! and what a department reader relies on in it: the city gets no volunteer teams, the three
//! lowest districts carry and reach their 35% floor, the two remote districts are planned at 75%
//! productivity, the schools add exactly the model's installs, every district's trace shows the
//! seven rules in order, and the plan keeps the constraints of ../shared/MODEL.md.

use std::path::Path;

use campaign_planner::scenario::{self, Param, Scenario};
use serde_json::Value;

use crate::layout;

use layout::run as campaign;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const EXTENDED: &str = "scenarios/lang-son-2020-09-01-extended-rules.toml";
const SHIPPED: &str = "scenarios/lang-son-2020-09-01.toml";

/// The rules of the extended scenario, in the order of its `rules` list.
const RULES: [&str; 7] = [
    "communication",
    "schools",
    "mandatory-cohorts",
    "remote-districts",
    "priority-floor",
    "no-provincial-above-target",
    "door-to-door",
];

/// Tolerance for figures the plan computes in floating point and the test recomputes.
const EPS: f64 = 1e-6;

fn path(relative: &str) -> String {
    format!("{ROOT}/{relative}")
}

/// The JSON plan of a scenario, which must plan with exit status 0.
fn json_plan(relative: &str) -> Value {
    let (code, stdout, stderr) = campaign(&["plan", &path(relative), "--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    serde_json::from_str(&stdout).unwrap()
}

fn extended_scenario() -> Scenario {
    scenario::load(Path::new(&path(EXTENDED))).unwrap()
}

fn number_param(scenario: &Scenario, key: &str) -> f64 {
    match scenario.params.get(key) {
        Some(Param::Number(n)) => *n,
        other => panic!("[params] {key}: {other:?}"),
    }
}

fn districts(plan: &Value) -> &Vec<Value> {
    plan["districts"].as_array().unwrap()
}

fn district<'a>(plan: &'a Value, name: &str) -> &'a Value {
    districts(plan)
        .iter()
        .find(|d| d["name"] == name)
        .unwrap_or_else(|| panic!("no district {name}"))
}

/// The allocation entry of one team kind in a district.
fn allocation<'a>(district: &'a Value, kind: &str) -> &'a Value {
    district["allocation"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["kind"] == kind)
        .unwrap_or_else(|| panic!("no kind {kind} in {}", district["name"]))
}

fn f(value: &Value) -> f64 {
    value
        .as_f64()
        .unwrap_or_else(|| panic!("not a number: {value}"))
}

fn directives_of<'a>(district: &'a Value, rule: &str) -> Vec<&'a Value> {
    district["directives"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == rule)
        .collect()
}

#[test]
fn the_extended_plan_is_optimal_and_reaches_the_target() {
    let plan = json_plan(EXTENDED);
    assert_eq!(plan["status"], "optimal");
    assert_eq!(plan["diagnosis"], Value::Null);
    assert_eq!(plan["province"]["target_reached"], true);
    assert!(f(&plan["province"]["projected_rate"]) >= f(&plan["province"]["target_rate"]));
}

#[test]
fn the_city_above_the_target_gets_no_volunteer_teams() {
    // Thành phố Lạng Sơn: 39 911 / 96 818 = 41.22% ≥ the 40% target
    let plan = json_plan(EXTENDED);
    let city = district(&plan, "Thành phố Lạng Sơn");
    let volunteer = allocation(city, "volunteer");
    assert_eq!(volunteer["teams"], 0);
    assert_eq!(volunteer["max_teams"], 0);
    // its own commune teams still work
    assert_eq!(allocation(city, "commune")["teams"], 8);
    let said = directives_of(city, "no-provincial-above-target");
    assert_eq!(said.len(), 1);
    assert_eq!(said[0]["priority"], 3);
    assert!(
        said[0]["action"]
            .as_str()
            .unwrap()
            .starts_with("Đã đạt mục tiêu toàn tỉnh (41,2%, mục tiêu 40,0%)"),
        "{}",
        said[0]["action"]
    );
    // every other district is below the target: no limit, no such directive
    for d in districts(&plan)
        .iter()
        .filter(|d| d["name"] != "Thành phố Lạng Sơn")
    {
        assert!(f(&d["rate"]) < 0.40);
        assert_eq!(allocation(d, "volunteer")["max_teams"], 30, "{}", d["name"]);
        assert!(directives_of(d, "no-provincial-above-target").is_empty());
    }
}

#[test]
fn the_three_lowest_districts_carry_and_reach_the_floor() {
    let plan = json_plan(EXTENDED);
    // lowest current rate first; a stable sort keeps scenario order between equal rates, the
    // rule's tie-break
    let mut by_rate: Vec<&Value> = districts(&plan).iter().collect();
    by_rate.sort_by(|a, b| f(&a["rate"]).total_cmp(&f(&b["rate"])));
    let lowest: Vec<&str> = by_rate[..3]
        .iter()
        .map(|d| d["name"].as_str().unwrap())
        .collect();
    assert_eq!(lowest, ["Hữu Lũng", "Văn Quan", "Chi Lăng"]);
    for d in districts(&plan) {
        let name = d["name"].as_str().unwrap();
        if lowest.contains(&name) {
            assert_eq!(d["floor"], 0.35, "{name}");
            assert!(f(&d["projected_rate"]) >= 0.35, "{name}");
            let said = directives_of(d, "priority-floor");
            assert_eq!(said.len(), 1, "{name}");
            assert_eq!(said[0]["priority"], 1);
            assert!(
                said[0]["action"]
                    .as_str()
                    .unwrap()
                    .contains("phải đạt ít nhất 35,0% sau chiến dịch"),
                "{}",
                said[0]["action"]
            );
        } else {
            // no district_floor in the scenario, so no floor at all elsewhere
            assert_eq!(d["floor"], Value::Null, "{name}");
            assert!(directives_of(d, "priority-floor").is_empty(), "{name}");
        }
    }
}

#[test]
fn the_remote_districts_are_planned_at_three_quarters_productivity() {
    let plan = json_plan(EXTENDED);
    for d in districts(&plan) {
        let remote = d["name"] == "Đình Lập" || d["name"] == "Bình Gia";
        for kind in ["commune", "volunteer"] {
            let expected = if remote { 0.75 } else { 1.0 };
            assert_eq!(
                f(&allocation(d, kind)["productivity"]),
                expected,
                "{} {kind}",
                d["name"]
            );
        }
        let said = directives_of(d, "remote-districts");
        assert_eq!(said.len(), usize::from(remote), "{}", d["name"]);
        if remote {
            assert_eq!(said[0]["priority"], 3);
            assert!(said[0]["action"].as_str().unwrap().contains("75,0% số hộ"));
        }
    }
}

/// Issue 13, F34: `remote_districts` names written as people write them ("huyện Đình Lập", in
/// capitals, with extra spaces) are the scenario's districts: the plan is the one of the names
/// written as the scenario writes them.
#[test]
fn remote_districts_written_as_people_write_them_are_the_same_districts() {
    let shipped = json_plan(EXTENDED);
    let (code, stdout, stderr) = campaign(&[
        "plan",
        &path(EXTENDED),
        "--format",
        "json",
        "--set",
        "params.remote_districts=[\"huyện đình lập\", \"  BÌNH   GIA \"]",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let written: Value = serde_json::from_str(&stdout).unwrap();
    for (a, b) in districts(&shipped).iter().zip(districts(&written)) {
        assert_eq!(a["name"], b["name"]);
        for kind in ["commune", "volunteer"] {
            assert_eq!(
                allocation(a, kind)["productivity"],
                allocation(b, kind)["productivity"],
                "{} {kind}",
                a["name"]
            );
        }
        assert_eq!(
            directives_of(a, "remote-districts").len(),
            directives_of(b, "remote-districts").len(),
            "{}",
            a["name"]
        );
    }
}

#[test]
fn the_schools_add_exactly_the_models_installs() {
    // Per district: fixed installs grow, from the shipped scenario's plan to the extended one,
    // by school_session_uptake · students · (1 − I / S) · (1 − student_uptake), uncapped
    // (every district stays far below I + M + A ≤ S).
    let scenario = extended_scenario();
    let session = number_param(&scenario, "school_session_uptake");
    let uptake = number_param(&scenario, "student_uptake");
    assert_eq!((session, uptake), (0.20, 0.25));
    let shipped = json_plan(SHIPPED);
    let extended = json_plan(EXTENDED);
    let mut total = 0.0;
    for input in &scenario.districts {
        let students = input.cohorts.get("students").copied().unwrap_or(0) as f64;
        let rate = input.installed as f64 / input.smartphones as f64;
        let schools = session * students * (1.0 - rate) * (1.0 - uptake);
        let before = f(&district(&shipped, &input.name)["fixed_installs"]);
        let d = district(&extended, &input.name);
        let after = f(&d["fixed_installs"]);
        assert!(
            (after - before - schools).abs() < EPS,
            "{}: {after} − {before} ≠ {schools}",
            input.name
        );
        // the cap does not bind
        let room = (input.smartphones - input.installed) as f64 - f(&d["mandated_installs"]);
        assert!(after < room, "{}", input.name);
        // the schools directive states the same figure
        let said = directives_of(d, "schools");
        assert_eq!(said.len(), 1);
        assert!((f(&said[0]["expected_installs"]) - schools).abs() < EPS);
        total += schools;
    }
    // Hữu Lũng by hand: 0.20 · 5 500 · (60 380 / 78 399) · 0.75 = 635.38
    let huu_lung = f(&district(&extended, "Hữu Lũng")["fixed_installs"])
        - f(&district(&shipped, "Hữu Lũng")["fixed_installs"]);
    assert!((huu_lung - 635.384_379_902_8).abs() < EPS, "{huu_lung}");
    // the province: 4 024.69 installs from the school sessions
    assert!((total - 4_024.689_089_809_674).abs() < EPS, "{total}");
    let growth = f(&extended["province"]["projected_installed"])
        - f(&shipped["province"]["projected_installed"]);
    assert!(
        growth > 0.0,
        "the extended plan projects more installs: +{growth}"
    );
}

#[test]
fn every_districts_trace_lists_the_seven_rules_in_order() {
    let plan = json_plan(EXTENDED);
    // every rule has both hooks: all before_solve calls in rule order, then all after_solve
    let expected: Vec<(&str, &str)> = ["before_solve", "after_solve"]
        .into_iter()
        .flat_map(|phase| RULES.iter().map(move |rule| (*rule, phase)))
        .collect();
    for d in districts(&plan) {
        let trace: Vec<(&str, &str)> = d["trace"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| (e["rule"].as_str().unwrap(), e["phase"].as_str().unwrap()))
            .collect();
        assert_eq!(trace, expected, "{}", d["name"]);
    }
    // what the new rules set, as the trace records it, in Đình Lập (remote, not among the lowest)
    let dinh_lap = district(&plan, "Đình Lập");
    let remote = &dinh_lap["trace"][3];
    assert_eq!(remote["rule"], "remote-districts");
    let set: Vec<(&str, &str, f64)> = remote["set"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["function"].as_str().unwrap(),
                s["kind"].as_str().unwrap(),
                f(&s["value"]),
            )
        })
        .collect();
    assert_eq!(
        set,
        [
            ("set_productivity", "commune", 0.75),
            ("set_productivity", "volunteer", 0.75)
        ]
    );
    assert_eq!(dinh_lap["trace"][4]["rule"], "priority-floor");
    assert_eq!(dinh_lap["trace"][4]["set"], serde_json::json!([]));
}

#[test]
fn the_extended_plan_keeps_every_constraint() {
    // MODEL.md § "Outreach teams and the response curve", re-evaluated from the JSON alone.
    let plan = json_plan(EXTENDED);
    let scenario = extended_scenario();
    let horizon = f(&plan["horizon_days"]);
    let share = f(&plan["reachable_share"]);
    let kinds = plan["team_kinds"].as_array().unwrap();
    let mut volunteers = 0;
    let mut cost = 0.0;
    let mut projected = 0.0;
    for (input, d) in scenario.districts.iter().zip(districts(&plan)) {
        assert_eq!(d["name"], input.name.as_str(), "scenario order");
        let smartphones = input.smartphones as f64;
        let installed = input.installed as f64;
        let mandated = f(&d["mandated_installs"]);
        let fixed = f(&d["fixed_installs"]);
        assert!(installed + mandated + fixed <= smartphones);
        let pool = share * (smartphones - installed - mandated - fixed);
        assert!((f(&d["pool"]) - pool).abs() < EPS, "{}", d["name"]);
        let mut effort = 0.0;
        for kind in kinds {
            let name = kind["name"].as_str().unwrap();
            let a = allocation(d, name);
            let teams = a["teams"].as_u64().unwrap();
            assert!(
                a["min_teams"].as_u64().unwrap() <= teams,
                "{} {name}",
                d["name"]
            );
            assert!(
                teams <= a["max_teams"].as_u64().unwrap(),
                "{} {name}",
                d["name"]
            );
            if kind["scope"] == "local" {
                assert!(teams <= u64::from(input.teams.get(name).copied().unwrap_or(0)));
            } else {
                volunteers += teams;
            }
            effort +=
                horizon * f(&a["productivity"]) * f(&kind["installs_per_team_day"]) * teams as f64;
            cost += horizon * f(&kind["cost_per_team_day"]) * teams as f64;
        }
        let outreach = pool * (1.0 - (-effort / pool).exp());
        assert!(
            (f(&d["outreach_installs"]) - outreach).abs() < EPS,
            "{}",
            d["name"]
        );
        let j = installed + mandated + fixed + outreach;
        assert!(
            (f(&d["projected_installed"]) - j).abs() < EPS,
            "{}",
            d["name"]
        );
        assert!(j <= smartphones);
        if let Some(floor) = d["floor"].as_f64() {
            assert!(j >= floor * smartphones, "{}", d["name"]);
        }
        projected += j;
    }
    assert!(volunteers <= 30);
    assert_eq!(volunteers, 30, "max-installs uses the whole pool");
    assert!((f(&plan["province"]["cost"]) - cost).abs() < EPS);
    assert!((f(&plan["province"]["projected_installed"]) - projected).abs() < EPS);
    assert!(projected >= 0.40 * 519_820.0);
}

#[test]
fn planning_twice_prints_the_same_bytes() {
    let first = campaign(&["plan", &path(EXTENDED), "--format", "json"]);
    let second = campaign(&["plan", &path(EXTENDED), "--format", "json"]);
    assert_eq!(first, second);
}

#[test]
fn a_misspelt_remote_district_stops_the_plan_and_names_the_closest_districts() {
    // A copy of the extended scenario with "Binh Gia" (no accent) in remote_districts, rule
    // paths made absolute so that the copy can live in a temporary folder.
    let text = std::fs::read_to_string(path(EXTENDED)).unwrap();
    let text = text
        .replace("\"../rules/", &format!("\"{ROOT}/rules/"))
        .replace(
            "base = \"lang-son-2020-09-01.toml\"",
            &format!("base = \"{ROOT}/scenarios/lang-son-2020-09-01.toml\""),
        )
        .replace(
            "remote_districts = [\"Đình Lập\", \"Bình Gia\"]",
            "remote_districts = [\"Đình Lập\", \"Binh Gia\"]",
        );
    assert!(text.contains("\"Binh Gia\""));
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("typo.toml");
    std::fs::write(&copy, text).unwrap();
    let (code, stdout, stderr) = campaign(&["plan", copy.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(code, 1, "bad input");
    assert_eq!(stdout, "", "no plan");
    assert!(
        stderr.contains(
            "district \"Thành phố Lạng Sơn\": rule `remote-districts` stopped with an error in \
             `before_solve`: remote_districts: “Binh Gia” is not a district of the scenario; the \
             closest names: Bình Gia, Hữu Lũng, Chi Lăng. Correct the name in the scenario's \
             [params] (accents must be right; case and a \"Huyện\" in front do not matter)\n"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("remote-districts.rhai:"), "{stderr}");
}

#[test]
fn the_misspelt_name_example_in_the_doc_is_what_the_command_prints() {
    // docs/rule-library.md shows `campaign plan scenarios/typo.toml` run in a copy of the
    // project's scenarios/ and rules/ where remote_districts has "Binh Gia".
    let dir = tempfile::tempdir().unwrap();
    for folder in ["scenarios", "rules", "rules/library"] {
        std::fs::create_dir_all(dir.path().join(folder)).unwrap();
    }
    for folder in ["rules", "rules/library"] {
        for entry in std::fs::read_dir(path(folder)).unwrap() {
            let file = entry.unwrap().path();
            if file.extension().is_some_and(|e| e == "rhai") {
                std::fs::copy(
                    &file,
                    dir.path().join(folder).join(file.file_name().unwrap()),
                )
                .unwrap();
            }
        }
    }
    let text = std::fs::read_to_string(path(EXTENDED)).unwrap().replace(
        "remote_districts = [\"Đình Lập\", \"Bình Gia\"]",
        "remote_districts = [\"Đình Lập\", \"Binh Gia\"]",
    );
    std::fs::write(dir.path().join("scenarios/typo.toml"), text).unwrap();
    std::fs::copy(
        path("scenarios/lang-son-2020-09-01.toml"),
        dir.path().join("scenarios/lang-son-2020-09-01.toml"),
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_campaign"))
        .current_dir(dir.path())
        .args(["plan", "scenarios/typo.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let doc = std::fs::read_to_string(path("docs/rule-library.md")).unwrap();
    let after = &doc[doc
        .find("Real output of `campaign plan scenarios/typo.toml`")
        .unwrap()..];
    let block = &after[after.find("```\n").unwrap() + 4..];
    let block = &block[..block.find("```").unwrap()];
    assert_eq!(stderr, block);
}

#[test]
fn the_new_rules_pass_the_checker() {
    let mut args = vec!["rules", "check", "--scenario"];
    let scenario = path(EXTENDED);
    args.push(&scenario);
    let files: Vec<String> = RULES
        .iter()
        .map(|r| {
            let letter = ["communication", "mandatory-cohorts", "door-to-door"].contains(r);
            let folder = if letter { "rules" } else { "rules/library" };
            path(&format!("{folder}/{r}.rhai"))
        })
        .collect();
    args.extend(files.iter().map(String::as_str));
    args.extend(["--lang", "en"]);
    let (code, stdout, stderr) = campaign(&args);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stdout.starts_with("Checked 7 rule files: no problems"),
        "{stdout}"
    );
}

#[test]
fn the_examples_in_the_rule_library_doc_are_what_the_command_prints() {
    // Every line of every ```text block of docs/rule-library.md is a line of
    // `campaign plan EXTENDED` (Vietnamese) or of the same with `--lang en`.
    let (code, vi, _) = campaign(&["plan", &path(EXTENDED)]);
    assert_eq!(code, 0);
    let (code, en, _) = campaign(&["plan", &path(EXTENDED), "--lang", "en"]);
    assert_eq!(code, 0);
    let doc = std::fs::read_to_string(path("docs/rule-library.md")).unwrap();
    let mut blocks = 0;
    for block in doc.split("```text\n").skip(1) {
        let block = &block[..block.find("```").unwrap()];
        blocks += 1;
        for line in block.lines() {
            assert!(
                vi.lines().chain(en.lines()).any(|printed| printed == line),
                "docs/rule-library.md shows a line the command does not print:\n{line}"
            );
        }
    }
    assert_eq!(
        blocks, 8,
        "two examples (vi, en) for each of the four new rules"
    );
}

#[test]
fn the_lines_the_docs_name_hold_the_new_params() {
    // docs/assumptions.md and docs/rule-library.md send readers to these lines.
    let text = std::fs::read_to_string(path(EXTENDED)).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let shipped = std::fs::read_to_string(path("scenarios/lang-son-2020-09-01.toml")).unwrap();
    assert!(
        shipped
            .lines()
            .nth(19)
            .unwrap()
            .starts_with("provincial_rate = 0.40 "),
        "the target is on line 20 of the shipped scenario"
    );
    for (line, key) in [
        (25, "school_session_uptake = 0.20 "),
        (26, "remote_districts = [\"Đình Lập\", \"Bình Gia\"] "),
        (27, "remote_productivity = 0.75 "),
        (28, "priority_lowest_count = 3 "),
        (29, "priority_floor = 0.35 "),
    ] {
        assert!(
            lines[line - 1].starts_with(key),
            "line {line}: {}",
            lines[line - 1]
        );
        assert!(lines[line - 1].contains("# ASSUMPTION: "), "line {line}");
    }
}

/// The path of the rule file of a rule of [`RULES`]: the letter's three in `rules/`, the others
/// in `rules/library/`.
fn rule_path(rule: &str) -> String {
    match rule {
        "communication" | "mandatory-cohorts" | "door-to-door" => {
            path(&format!("rules/{rule}.rhai"))
        }
        _ => path(&format!("rules/library/{rule}.rhai")),
    }
}

#[test]
fn every_library_rule_plans_the_largest_province_generate_makes_for_them() {
    // 10,600 units, as many as Vietnam has communes. `scenario.districts()` was a list of maps
    // that Rhai counted against the limits on one value (1,000 map entries, 4 a district), so
    // priority-floor and remote-districts stopped past 250 districts with "a map has too many
    // entries"; and remote-districts checked its names again on every district, building a
    // text of every district's name each time.
    const UNITS: usize = 10_600;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("generated.toml");
    let mut args: Vec<String> = [
        "generate", "--units", "10600", "--seed", "3", "--budget", "auto",
    ]
    .iter()
    .map(|a| a.to_string())
    .collect();
    for rule in RULES {
        args.extend(["--rules".to_string(), rule_path(rule)]);
    }
    args.extend(["--out".to_string(), file.display().to_string()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, _, stderr) = campaign(&args);
    assert_eq!(code, 0, "{stderr}");
    // the library rules' [params], with two of the generated units as the remote ones
    let generated = scenario::load(&file).unwrap();
    assert_eq!(generated.districts.len(), UNITS);
    let remote = [&generated.districts[1].name, &generated.districts[4].name];
    let params = format!(
        "[params]\nschool_session_uptake = 0.20\nremote_districts = [\"{}\", \"{}\"]\n\
         remote_productivity = 0.75\npriority_lowest_count = 3\npriority_floor = 0.35\n",
        remote[0], remote[1]
    );
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, layout::replace_once(&text, "[params]\n", &params)).unwrap();

    let scenario = scenario::load(&file).unwrap();
    assert_eq!(scenario.districts.len(), UNITS);
    let plan = campaign_planner::plan_scenario(&scenario).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(plan.districts.len(), UNITS);
    assert_ne!(plan.status, campaign_planner::solve::Status::Infeasible);
    // every district ran every rule
    for d in &plan.districts {
        let ran: std::collections::BTreeSet<&str> =
            d.trace.iter().map(|t| t.rule.as_str()).collect();
        assert_eq!(ran.len(), RULES.len(), "{}: {ran:?}", d.name);
    }
    let directed = |rule: &str| -> Vec<&str> {
        plan.districts
            .iter()
            .filter(|d| d.directives.iter().any(|x| x.rule == rule))
            .map(|d| d.name.as_str())
            .collect()
    };
    // the three lowest rates (ties: the one listed first), and the two remote units
    let mut order: Vec<usize> = (0..UNITS).collect();
    let rate = |i: usize| {
        scenario.districts[i].installed as f64 / scenario.districts[i].smartphones as f64
    };
    order.sort_by(|&a, &b| rate(a).total_cmp(&rate(b)).then(a.cmp(&b)));
    let mut lowest: Vec<&str> = order[..3]
        .iter()
        .map(|&i| scenario.districts[i].name.as_str())
        .collect();
    lowest.sort_by_key(|name| scenario.districts.iter().position(|d| d.name == *name));
    assert_eq!(directed("priority-floor"), lowest);
    assert_eq!(
        directed("remote-districts"),
        [remote[0].as_str(), remote[1].as_str()]
    );
    assert_eq!(directed("communication").len(), UNITS);
}
