//! The trace of the JSON plan: on every district, one entry per rule call in the order the
//! calls ran, with what the rule read and what it set (src/rules/mod.rs § "The trace").

use serde_json::{Value, json};

use super::contract::COMMUNE_TEAMS;
use crate::common::check_json_keys as keys;
use crate::support::{Test, WhatIf, allocation, arr, district, districts, f, s, u};

const SHIPPED_RULES: [&str; 3] = ["communication", "mandatory-cohorts", "door-to-door"];

/// The trace entry of `rule` in `phase` on `district` (exactly one).
#[track_caller]
fn entry<'a>(district: &'a Value, rule: &str, phase: &str) -> &'a Value {
    let found: Vec<&Value> = arr(&district["trace"])
        .iter()
        .filter(|e| e["rule"] == rule && e["phase"] == phase)
        .collect();
    assert_eq!(
        found.len(),
        1,
        "{}: {} trace entries for {rule} {phase}",
        district["name"],
        found.len()
    );
    found[0]
}

/// The keys of `read`, in the order they were first read.
fn read_keys(entry: &Value) -> Vec<&str> {
    entry["read"]
        .as_object()
        .expect("read is an object")
        .keys()
        .map(String::as_str)
        .collect()
}

#[test]
fn every_district_traces_every_rule_call_in_the_order_they_ran() {
    let plan = Test::shipped().format("json").run().plan().json();
    assert_eq!(districts(&plan).len(), 11);
    for d in districts(&plan) {
        let at = format!("districts[{}]", d["name"]);
        keys(d, "trace:array", &at);
        let calls: Vec<(&str, &str)> = arr(&d["trace"])
            .iter()
            .map(|e| (s(&e["rule"]), s(&e["phase"])))
            .collect();
        let expected: Vec<(&str, &str)> = ["before_solve", "after_solve"]
            .into_iter()
            .flat_map(|phase| SHIPPED_RULES.map(|rule| (rule, phase)))
            .collect();
        assert_eq!(calls, expected, "{at}");
        for e in arr(&d["trace"]) {
            keys(
                e,
                "rule:str phase:str read:object set:array",
                &format!("{at}.trace[]"),
            );
            for set in arr(&e["set"]) {
                keys(set, "function:str", &format!("{at}.trace[].set[]"));
            }
        }
        // The rules read the district's data as the plan shows it.
        let communication = entry(d, "communication", "before_solve");
        assert_eq!(
            communication["read"]["district.smartphones"],
            d["smartphones"]
        );
        assert_eq!(communication["read"]["district.installed"], d["installed"]);
    }
}

#[test]
fn door_to_door_below_the_threshold_sends_every_commune_team_and_one_volunteer_team() {
    let plan = Test::shipped().format("json").run().plan().json();
    let (mut below, mut above) = (0, 0);
    for (i, d) in districts(&plan).iter().enumerate() {
        let name = s(&d["name"]);
        let e = entry(d, "door-to-door", "before_solve");
        let read = &e["read"];
        assert_eq!(
            read["scenario.param(door_to_door_threshold)"],
            json!(0.3),
            "{name}"
        );
        assert_eq!(f(&read["district.rate"]), f(&d["rate"]), "{name}");
        if f(&d["rate"]) < 0.3 {
            below += 1;
            assert_eq!(
                read_keys(e),
                [
                    "district.rate",
                    "scenario.param(door_to_door_threshold)",
                    "scenario.local_kinds()",
                    "district.local_teams(commune)",
                    "scenario.param(door_to_door_provincial_kind)",
                ],
                "{name}"
            );
            assert_eq!(read["scenario.local_kinds()"], json!(["commune"]), "{name}");
            assert_eq!(
                u(&read["district.local_teams(commune)"]),
                COMMUNE_TEAMS[i],
                "{name}"
            );
            assert_eq!(
                e["set"],
                json!([
                    { "function": "min_teams", "kind": "commune", "value": COMMUNE_TEAMS[i] },
                    { "function": "min_teams", "kind": "volunteer", "value": 1 },
                ]),
                "{name}"
            );
            // What the rule asked is what the plan respects.
            assert_eq!(u(&allocation(d, "commune")["min_teams"]), COMMUNE_TEAMS[i]);
            assert_eq!(u(&allocation(d, "volunteer")["min_teams"]), 1);
        } else {
            above += 1;
            assert_eq!(
                read_keys(e),
                ["district.rate", "scenario.param(door_to_door_threshold)"],
                "{name}"
            );
            assert_eq!(e["set"], json!([]), "{name}: reads, sets nothing");
        }
    }
    assert!(below > 0 && above > 0, "{below} below, {above} above");
}

#[test]
fn mandatory_cohorts_mandates_with_the_scenarios_shares() {
    let plan = Test::shipped().format("json").run().plan().json();
    for d in districts(&plan) {
        let name = s(&d["name"]);
        let e = entry(d, "mandatory-cohorts", "before_solve");
        let read = &e["read"];
        let mut expected = Vec::new();
        for (cohort, param, share) in [
            ("quarantine", "quarantine_compliance", 0.95),
            ("testing", "testing_compliance", 0.80),
        ] {
            let n = u(&read[format!("district.cohort({cohort})").as_str()]);
            if n > 0 {
                assert_eq!(
                    read[format!("scenario.param({param})").as_str()],
                    json!(share),
                    "{name}"
                );
                expected.push(json!({ "function": "mandate", "cohort": cohort, "share": share }));
            }
        }
        assert!(
            !expected.is_empty(),
            "{name}: the shipped districts have both cohorts"
        );
        assert_eq!(e["set"], Value::Array(expected), "{name}");
        // After the solve it reads the installs the plan counts and gives its directive.
        let e = entry(d, "mandatory-cohorts", "after_solve");
        // (its own share: the only rule that mandates here, so the district's whole M_d)
        assert_eq!(
            e["read"]["district.own_mandated_installs"],
            d["mandated_installs"]
        );
        assert_eq!(arr(&e["set"])[0]["function"], "directive");
        assert_eq!(arr(&e["set"])[0]["priority"], 1);
    }
}

#[test]
fn the_trace_is_byte_identical_across_runs() {
    let first = Test::shipped().format("json").run().plan();
    let second = Test::shipped().format("json").run().plan();
    assert!(first.stdout == second.stdout, "two runs differ");
    let traces = |out: &crate::support::Output| {
        districts(&out.json())
            .iter()
            .map(|d| d["trace"].to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(traces(&first), traces(&second));
    assert!(traces(&first).iter().all(|t| t.len() > 2));
}

/// A department's what-if rule using a list in [params], `scenario.districts()` and every
/// before-solve action.
const REMOTE_RULE: &str = r#"
fn before_solve(district, scenario) {
    if scenario.param("remote_districts").contains(district.name) {
        district.set_productivity("commune", 0.7);
        district.max_teams("volunteer", 5);
        district.min_rate(0.2);
        district.add_installs(100, "Loa lưu động ở thôn xa");
    }
    let lower = 0;
    for other in scenario.districts() {
        if other.rate < district.rate { lower += 1; }
    }
    district.directive(#{ action: `${lower} huyện có tỷ lệ thấp hơn`, unit: "UBND huyện", priority: 3 });
}
"#;

fn remote_what_if() -> WhatIf {
    let what_if = WhatIf::shipped()
        .replace(
            "  \"../rules/door-to-door.rhai\",\n]",
            "  \"../rules/door-to-door.rhai\",\n  \"../rules/remote.rhai\",\n]",
        )
        .replace(
            "\n[[team_kind]]\nname = \"commune\"",
            "remote_districts = [\"Đình Lập\", \"Bình Gia\"]\n\n[[team_kind]]\nname = \"commune\"",
        );
    std::fs::write(what_if.dir().join("rules/remote.rhai"), REMOTE_RULE).unwrap();
    what_if
}

#[test]
fn a_what_if_rule_reading_a_list_param_and_every_district_is_traced() {
    let what_if = remote_what_if();
    let out = what_if.test().format("json").run().plan();
    let plan = out.json();
    let rates: Vec<f64> = districts(&plan).iter().map(|d| f(&d["rate"])).collect();
    for d in districts(&plan) {
        let name = s(&d["name"]);
        let remote = ["Đình Lập", "Bình Gia"].contains(&name);
        // The rule runs last before the solve; it has no after_solve hook.
        let calls: Vec<&str> = arr(&d["trace"]).iter().map(|e| s(&e["rule"])).collect();
        assert_eq!(calls[3], "remote", "{name}");
        assert_eq!(calls.len(), 7, "{name}");
        let e = entry(d, "remote", "before_solve");
        assert_eq!(
            e["read"]["scenario.param(remote_districts)"],
            json!(["Đình Lập", "Bình Gia"])
        );
        assert_eq!(e["read"]["district.name"], d["name"]);
        assert_eq!(e["read"]["scenario.districts()"], json!(11));
        let lower = rates.iter().filter(|r| **r < f(&d["rate"])).count();
        let directive = json!({
            "function": "directive", "priority": 3, "unit": "UBND huyện",
            "action": format!("{lower} huyện có tỷ lệ thấp hơn"), "expected_installs": null,
        });
        if remote {
            assert_eq!(
                e["set"],
                json!([
                    { "function": "set_productivity", "kind": "commune", "value": 0.7 },
                    { "function": "max_teams", "kind": "volunteer", "value": 5 },
                    { "function": "min_rate", "value": 0.2 },
                    { "function": "add_installs", "installs": 100.0,
                      "reason": "Loa lưu động ở thôn xa", "reason_en": null },
                    directive,
                ]),
                "{name}"
            );
            assert_eq!(f(&allocation(d, "commune")["productivity"]), 0.7);
            assert_eq!(u(&allocation(d, "volunteer")["max_teams"]), 5);
        } else {
            assert_eq!(e["set"], json!([directive]), "{name}");
            assert_eq!(f(&allocation(d, "commune")["productivity"]), 1.0);
        }
    }
    // Bình Gia (24.7%) is below 30%: door to door and the what-if rule both bound it.
    let binh_gia = district(&plan, "Bình Gia");
    assert!(f(&binh_gia["rate"]) < 0.3);
    assert_eq!(u(&allocation(binh_gia, "volunteer")["min_teams"]), 1);

    let again = what_if.test().format("json").run().plan();
    assert!(out.stdout == again.stdout, "two runs of the what-if differ");
}
