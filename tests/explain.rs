//! `campaign explain SCENARIO --district NAME`, run in-process through
//! `campaign_planner::cli::run` and through the library: the marginal figures against
//! MODEL.md's formulas written out here, the least and most useful teams elsewhere against
//! brute force over the districts, the trace in words, the inputs against the JSON plan,
//! unknown districts, both languages, golden files and determinism.

use crate::common;
#[allow(dead_code)]
use crate::support;

use serde_json::Value;

use support::{
    EXIT_BAD_INPUT, EXIT_INFEASIBLE, SHIPPED, Test, WhatIf, allocation, arr, district, districts,
    f, s, u,
};

const HUU_LUNG: &str = "Hữu Lũng";
const CITY: &str = "Thành phố Lạng Sơn";
/// Below the door-to-door threshold of 30% (22.98%) and above it (32.97%).
const BELOW_THRESHOLD: &str = HUU_LUNG;
const ABOVE_THRESHOLD: &str = "Đình Lập";

/// `campaign explain SCENARIO --district NAME`.
fn explain(scenario: impl AsRef<std::path::Path>, name: &str) -> Test {
    Test::new()
        .arg("explain")
        .arg(scenario.as_ref())
        .args(["--district", name])
}

fn shipped(name: &str) -> Test {
    explain(SHIPPED, name)
}

/// The explanation of `name` in the shipped scenario, as JSON.
fn shipped_json(name: &str) -> Value {
    shipped(name).format("json").run().plan().json()
}

/// The shipped plan, as JSON.
fn plan_json() -> Value {
    Test::plan(SHIPPED).format("json").run().plan().json()
}

/// Checks `text` against the golden file `tests/snapshots/explain__{name}.snap`, with the
/// shipped scenario's path written as in the repository.
fn golden(name: &str, test: &Test, text: &str) {
    let relative = |t: &str| t.replace(SHIPPED, "scenarios/lang-son-2020-09-01.toml");
    let command = relative(&test.command_line());
    let text = relative(text);
    insta::with_settings!({ description => command, omit_expression => true }, {
        insta::assert_snapshot!(name, text);
    });
}

// ---- MODEL.md's formulas, written out for the tests ----

/// G(e) = P · (1 − exp(−e / P)), 0 where P = 0 (MODEL.md § "Outreach teams and the response
/// curve").
fn curve(pool: f64, effort: f64) -> f64 {
    if pool <= 0.0 {
        0.0
    } else {
        pool * (1.0 - (-effort / pool).exp())
    }
}

/// e_d = H · Σ_k m_{d,k} · r_k · t_{d,k}, with `teams` overriding the plan's counts by kind.
fn effort(plan: &Value, d: &Value, teams: &[(&str, u64)]) -> f64 {
    let h = f(&plan["horizon_days"]);
    arr(&plan["team_kinds"])
        .iter()
        .map(|kind| {
            let name = s(&kind["name"]);
            let a = allocation(d, name);
            let t = teams
                .iter()
                .find(|(k, _)| *k == name)
                .map_or(u(&a["teams"]), |(_, t)| *t);
            h * f(&a["productivity"]) * f(&kind["installs_per_team_day"]) * t as f64
        })
        .sum()
}

/// J_d = I_d + M_d + A_d + G_d(e_d) with `teams` overriding the plan's counts.
fn projected(plan: &Value, d: &Value, teams: &[(&str, u64)]) -> f64 {
    f(&d["installed"])
        + f(&d["mandated_installs"])
        + f(&d["fixed_installs"])
        + curve(f(&d["pool"]), effort(plan, d, teams))
}

/// The marginal entry of `kind` in an explanation.
#[track_caller]
fn marginal<'a>(e: &'a Value, kind: &str) -> &'a Value {
    arr(&e["marginal"])
        .iter()
        .find(|m| m["kind"] == kind)
        .unwrap_or_else(|| panic!("no marginal entry for {kind}"))
}

/// The exchange of `kind` in an explanation.
#[track_caller]
fn exchange<'a>(e: &'a Value, kind: &str) -> &'a Value {
    arr(&e["comparison"]["exchanges"])
        .iter()
        .find(|x| x["kind"] == kind)
        .unwrap_or_else(|| panic!("no exchange for {kind}"))
}

#[track_caller]
fn close(got: f64, want: f64, what: &str) {
    assert!(
        (got - want).abs() <= 1e-6 * want.abs().max(1.0),
        "{what}: {got} vs {want}"
    );
}

// ---- the marginal figures ----

#[test]
fn one_more_and_one_fewer_volunteer_team_are_the_projection_re_evaluated() {
    let plan = plan_json();
    for name in [HUU_LUNG, CITY] {
        let d = district(&plan, name);
        let e = shipped_json(name);
        let now = projected(&plan, d, &[]);
        close(
            now,
            f(&d["projected_installed"]),
            "the formula gives the plan's figure",
        );
        let t = u(&allocation(d, "volunteer")["teams"]);
        assert!(t > 0, "{name} has volunteer teams in the shipped plan");
        let m = marginal(&e, "volunteer");
        let more = projected(&plan, d, &[("volunteer", t + 1)]) - now;
        let fewer = now - projected(&plan, d, &[("volunteer", t - 1)]);
        close(
            f(&m["one_more"]["installs"]),
            more,
            &format!("{name}: one more"),
        );
        close(
            f(&m["one_fewer"]["installs"]),
            fewer,
            &format!("{name}: one fewer"),
        );
        // H · c_k
        close(
            f(&m["cost_per_team"]),
            14.0 * 300_000.0,
            "a volunteer team's cost",
        );
        assert_eq!(u(&m["teams"]), t);
        // the province's 30 volunteer teams are all assigned: one more must come from elsewhere
        assert_eq!(m["one_more"]["possible"], false, "{name}");
        assert_eq!(
            m["one_more"]["blocked_by"][0]["reason"], "pool_all_assigned",
            "{name}"
        );
        assert_eq!(
            m["one_fewer"]["possible"], true,
            "{name}: above its rule minimum"
        );
        // and the text says the same figures
        let text = shipped(name).lang("en").run().plan().stdout;
        let rounded = |x: f64| format!("{}", x.round() as i64);
        assert!(
            text.contains(&format!("One more: +{} installs", rounded(more))),
            "{name}:\n{text}"
        );
        assert!(
            text.contains(&format!("One fewer: −{} installs", rounded(fewer))),
            "{name}:\n{text}"
        );
    }
}

#[test]
fn hữu_lũng_figures_in_words() {
    // docs/model.md § 6: the 7th volunteer team adds 465 installs and an 8th would add 459.
    let text = shipped(HUU_LUNG).lang("en").run().plan().stdout;
    for expected in [
        "One more: +459 installs (G(9,520) − G(8,960)) — not possible: all 30 volunteer teams \
         of the province are assigned; it would have to come from another district",
        "One fewer: −465 installs (G(8,400) − G(8,960)), saves 4,200,000 VND — possible",
        "Effort (days × teams × installs per team-day): 14 × (24 × 15 + 7 × 40) = 8,960",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    let vi = shipped(HUU_LUNG).run().plan().stdout;
    assert!(
        vi.contains("Thêm một: +459 lượt cài (G(9.520) − G(8.960)) — không thể"),
        "{vi}"
    );
    assert!(vi.contains("Bớt một: −465 lượt cài"), "{vi}");
}

#[test]
fn a_local_kind_at_its_maximum_cannot_have_one_more() {
    let plan = plan_json();
    for name in [HUU_LUNG, CITY] {
        let d = district(&plan, name);
        let stationed = u(&allocation(d, "commune")["max_teams"]);
        assert_eq!(
            u(&allocation(d, "commune")["teams"]),
            stationed,
            "{name} uses all"
        );
        let e = shipped_json(name);
        let m = marginal(&e, "commune");
        assert_eq!(m["one_more"]["possible"], false);
        assert_eq!(
            m["one_more"]["blocked_by"][0],
            serde_json::json!({ "reason": "local_teams_all_used", "stationed": stationed })
        );
        // the exact figure is still given
        let now = projected(&plan, d, &[]);
        let more = projected(&plan, d, &[("commune", stationed + 1)]) - now;
        close(f(&m["one_more"]["installs"]), more, "one more commune team");
        let text = shipped(name).lang("en").run().plan().stdout;
        assert!(
            text.contains(&format!(
                "not possible: all {stationed} commune teams of the district are in the plan; \
                 commune teams cannot come from another district"
            )),
            "{text}"
        );
    }
    // Hữu Lũng is below 30%: the door-to-door rule also keeps every commune team there
    let e = shipped_json(HUU_LUNG);
    assert_eq!(
        marginal(&e, "commune")["one_fewer"]["blocked_by"][0],
        serde_json::json!({ "reason": "rule_min", "rule": "door-to-door", "min": 24 })
    );
    let text = shipped(HUU_LUNG).lang("en").run().plan().stdout;
    assert!(
        text.contains("not possible: rule `door-to-door` requires at least 24 commune teams"),
        "{text}"
    );
}

/// The installs district `d` would lose with one team fewer of `kind`, when it may give one
/// (above its rule minimum; the shipped scenario has no floors).
fn loss_elsewhere(plan: &Value, d: &Value, kind: &str) -> Option<f64> {
    let a = allocation(d, kind);
    let t = u(&a["teams"]);
    (t > u(&a["min_teams"])).then(|| projected(plan, d, &[]) - projected(plan, d, &[(kind, t - 1)]))
}

#[test]
fn the_least_and_most_useful_teams_elsewhere_are_found_by_brute_force() {
    let plan = plan_json();
    for d in districts(&plan) {
        let name = s(&d["name"]);
        let e = shipped_json(name);
        let x = exchange(&e, "volunteer");

        // least useful: the smallest loss over every other district that may give a team
        let mut least: Option<(&str, f64)> = None;
        let mut most: Option<(&str, f64)> = None;
        for other in districts(&plan).iter().filter(|o| o["name"] != d["name"]) {
            if let Some(lost) = loss_elsewhere(&plan, other, "volunteer")
                && least.is_none_or(|(_, l)| lost < l)
            {
                least = Some((s(&other["name"]), lost));
            }
            let a = allocation(other, "volunteer");
            let t = u(&a["teams"]);
            if t < u(&a["max_teams"]) {
                let g =
                    projected(&plan, other, &[("volunteer", t + 1)]) - projected(&plan, other, &[]);
                if most.is_none_or(|(_, m)| g > m) {
                    most = Some((s(&other["name"]), g));
                }
            }
        }
        let (least_name, least_loss) = least.expect("some district can give a volunteer team");
        assert_eq!(
            s(&x["least_useful_elsewhere"]["district"]),
            least_name,
            "{name}"
        );
        close(
            f(&x["least_useful_elsewhere"]["installs"]),
            least_loss,
            name,
        );
        let (most_name, most_gain) = most.expect("some district can take one");
        assert_eq!(
            s(&x["most_useful_elsewhere"]["district"]),
            most_name,
            "{name}"
        );
        close(f(&x["most_useful_elsewhere"]["installs"]), most_gain, name);

        // an optimal max-installs plan: no single move between two districts adds installs
        assert!(
            f(&x["one_more_here"]) <= least_loss + 1e-6,
            "{name}: one more here brings more than the least useful team elsewhere"
        );
        if x["can_give"] == true {
            assert!(f(&x["one_fewer_here"]) >= most_gain - 1e-6, "{name}");
        }
        // the pool above which a team moved here would pay off brings exactly that many
        if let Some(pool) = x["pool_to_gain"].as_f64() {
            let e0 = effort(&plan, d, &[]);
            let w = 14.0 * 40.0 * f(&allocation(d, "volunteer")["productivity"]);
            close(
                curve(pool, e0 + w) - curve(pool, e0),
                least_loss,
                "pool threshold",
            );
        }
    }
}

#[test]
fn the_comparison_is_said_in_words() {
    let e = shipped_json(HUU_LUNG);
    let x = exchange(&e, "volunteer");
    let elsewhere = s(&x["least_useful_elsewhere"]["district"]).to_string();
    let text = shipped(HUU_LUNG).lang("en").run().plan().stdout;
    let said = format!(
        "One more volunteer team here would bring +{} installs; the least useful volunteer team \
         elsewhere ({elsewhere}, which has {} volunteer teams) brings +{} installs there, so the \
         plan keeps it there",
        f(&x["one_more_here"]).round(),
        u(&x["least_useful_elsewhere"]["teams"]),
        f(&x["least_useful_elsewhere"]["installs"]).round()
    );
    assert!(text.contains(&said), "missing {said:?} in\n{text}");
    assert!(
        text.contains("would pay off only if the district's reachable pool were above about"),
        "{text}"
    );
}

// ---- the trace in words ----

#[test]
fn the_rules_that_ran_are_in_words() {
    let below = shipped(BELOW_THRESHOLD).lang("en").run().plan().stdout;
    assert!(
        below.contains(
            "rule `door-to-door` (before the plan) read current rate 22.98% < door_to_door_threshold \
             30%; local team kinds [commune]; commune teams stationed 24; \
             door_to_door_provincial_kind \"volunteer\" and set: at least 24 commune teams; at \
             least 1 volunteer team"
        ),
        "{below}"
    );
    assert!(
        below.contains(
            "rule `mandatory-cohorts` (before the plan) read people in quarantine 15; \
             quarantine_compliance 0.95; people to be tested 600; testing_compliance 0.8 and set: \
             people in quarantine must install (compliance 95%); people to be tested must install \
             (compliance 80%)"
        ),
        "{below}"
    );
    let below_vi = shipped(BELOW_THRESHOLD).run().plan().stdout;
    assert!(
        below_vi.contains(
            "quy tắc `door-to-door` (trước khi lập kế hoạch) đọc tỷ lệ hiện tại 22,98% < \
             door_to_door_threshold 30%"
        ),
        "{below_vi}"
    );
    assert!(
        below_vi.contains("đặt: ít nhất 24 tổ xã; ít nhất 1 đội tình nguyện"),
        "{below_vi}"
    );

    // above the threshold: door-to-door runs and sets nothing
    let above = shipped(ABOVE_THRESHOLD).lang("en").run().plan().stdout;
    assert!(
        above.contains(
            "rule `door-to-door` (before the plan) read current rate 32.97% ≥ door_to_door_threshold 30% \
             and set nothing"
        ),
        "{above}"
    );
    assert!(!above.contains("at least 1 volunteer team"), "{above}");
    let above_vi = shipped(ABOVE_THRESHOLD).run().plan().stdout;
    assert!(
        above_vi.contains(
            "quy tắc `door-to-door` (trước khi lập kế hoạch) đọc tỷ lệ hiện tại 32,97% ≥ \
             door_to_door_threshold 30% và không đặt gì"
        ),
        "{above_vi}"
    );
    // and its bounds say where they come from
    assert!(
        above.contains("Volunteer teams: no minimum, at most 30 (the province's whole pool)"),
        "{above}"
    );
    assert!(
        below.contains("Volunteer teams: at least 1 (rule `door-to-door`), at most 30"),
        "{below}"
    );
}

// ---- the inputs are the plan's ----

#[test]
fn the_inputs_and_the_plan_are_those_of_the_json_plan() {
    let plan = plan_json();
    for (i, d) in districts(&plan).iter().enumerate() {
        let name = s(&d["name"]);
        let e = shipped_json(name);
        assert_eq!(e["district"], d["name"]);
        assert_eq!(u(&e["district_index"]), i as u64);
        let inputs = &e["inputs"];
        for key in [
            "smartphones",
            "installed",
            "rate",
            "mandated_installs",
            "fixed_installs",
            "pool",
            "floor",
        ] {
            assert_eq!(inputs[key], d[key], "{name}: inputs.{key}");
        }
        assert_eq!(inputs["reachable_share"], plan["reachable_share"]);
        for (b, a) in arr(&inputs["bounds"]).iter().zip(arr(&d["allocation"])) {
            assert_eq!(b["kind"], a["kind"]);
            assert_eq!(b["min_teams"], a["min_teams"], "{name}");
            assert_eq!(b["max_teams"], a["max_teams"], "{name}");
            assert_eq!(b["productivity"], a["productivity"], "{name}");
        }
        // the sources add up to the figures (nothing is capped in the shipped scenario)
        let mandated: f64 = arr(&inputs["mandates"])
            .iter()
            .filter(|m| m["counted"] == true)
            .map(|m| f(&m["installs"]))
            .sum();
        close(mandated, f(&d["mandated_installs"]), "mandates add up to M");
        let fixed: f64 = arr(&inputs["fixed"])
            .iter()
            .map(|x| f(&x["installs"]))
            .sum();
        close(fixed, f(&d["fixed_installs"]), "additions add up to A");
        for key in [
            "outreach_installs",
            "projected_installed",
            "projected_rate",
            "cost",
        ] {
            assert_eq!(e["plan"][key], d[key], "{name}: plan.{key}");
        }
        for (t, a) in arr(&e["plan"]["teams"]).iter().zip(arr(&d["allocation"])) {
            assert_eq!(t["kind"], a["kind"]);
            assert_eq!(t["teams"], a["teams"]);
        }
        close(f(&e["plan"]["effort"]), effort(&plan, d, &[]), "effort");
        // the trace is the plan's, with each call in words
        let trace = arr(&e["trace"]);
        assert_eq!(trace.len(), arr(&d["trace"]).len());
        for (x, y) in trace.iter().zip(arr(&d["trace"])) {
            let mut x = x.clone();
            assert!(x["words"].is_string());
            x.as_object_mut().unwrap().remove("words");
            assert_eq!(&x, y, "{name}: trace");
        }
    }
}

#[test]
fn the_library_explains_the_plan_that_campaign_plan_prints() {
    use campaign_planner::{explain, rules, scenario};
    let path = std::path::Path::new(SHIPPED);
    let loaded = scenario::load(path).unwrap();
    let planned = explain::planned(&loaded).unwrap();
    assert_eq!(planned.plan, campaign_planner::plan(path).unwrap());
    // the model rebuilt from the plan is the one the rules and `scenario::to_model` make
    let effects = rules::RuleSet::load(&loaded.rules)
        .unwrap()
        .before_solve(&loaded)
        .unwrap();
    assert_eq!(planned.model, scenario::to_model(&loaded, &effects));
    let d = explain::find_district(&planned.plan, HUU_LUNG).unwrap();
    let e = explain::explain(&planned, d);
    assert_eq!(e.name, HUU_LUNG);
    assert_eq!(e.allotment.teams, vec![24, 7]);
}

// ---- names ----

#[test]
fn an_unknown_district_is_bad_input_with_a_hint() {
    let out = shipped("Huu Lung").lang("en").run().bad_input();
    assert!(
        out.stderr
            .contains("the scenario has no district \"Huu Lung\""),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("hint: did you mean \"Hữu Lũng\"?"),
        "{}",
        out.stderr
    );
    golden(
        "error_unknown_district_en",
        &shipped("Huu Lung").lang("en"),
        &out.stderr,
    );
    let vi = shipped("Huu Lung").run().bad_input();
    golden(
        "error_unknown_district_vi",
        &shipped("Huu Lung"),
        &vi.stderr,
    );
    assert!(
        vi.stderr.contains("gợi ý: có phải ý bạn là \"Hữu Lũng\"?"),
        "{}",
        vi.stderr
    );

    // a typing slip with the diacritics
    let slip = shipped("Hữu Lủng").lang("en").run().bad_input();
    assert!(
        slip.stderr.contains("did you mean \"Hữu Lũng\"?"),
        "{}",
        slip.stderr
    );

    // nothing close: the hint lists the districts (a long list is cut)
    let synthetic = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/synthetic-700.toml");
    let long = explain(synthetic, "x").lang("en").run().bad_input();
    assert!(
        long.stderr.contains("\"Huyện 012\" and 688 more\n"),
        "{}",
        long.stderr
    );
    let long = explain(synthetic, "x").run().bad_input();
    assert!(
        long.stderr.contains("\"Huyện 012\" và 688 huyện khác\n"),
        "{}",
        long.stderr
    );
    let far = shipped("Hà Nội").lang("en").run().bad_input();
    assert!(
        far.stderr
            .contains("hint: the scenario's districts are: \"Thành phố Lạng Sơn\", \"Hữu Lũng\""),
        "{}",
        far.stderr
    );
}

#[test]
fn names_are_compared_after_nfc_normalisation() {
    use unicode_normalization::UnicodeNormalization;
    let decomposed: String = HUU_LUNG.nfd().collect();
    assert_ne!(
        decomposed, HUU_LUNG,
        "the test needs a different byte sequence"
    );
    let nfc = shipped(HUU_LUNG).format("json").run().plan().stdout;
    let nfd = shipped(&decomposed).format("json").run().plan().stdout;
    assert_eq!(nfc, nfd);
    // surrounding spaces are trimmed too
    let spaced = shipped(&format!("  {HUU_LUNG} "))
        .format("json")
        .run()
        .plan()
        .stdout;
    assert_eq!(nfc, spaced);
}

/// Trial 13e H21: the city is found without its unit word, or with it abbreviated, as import,
/// history and `scenario.district_named` find it; `--set district.NAME.FIELD` alike.
#[test]
fn a_name_without_its_unit_word_finds_the_one_unit() {
    let whole = shipped(CITY).format("json").run().plan().stdout;
    for written in ["Lạng Sơn", "TP Lạng Sơn", "TP. LẠNG SƠN"] {
        let found = shipped(written).format("json").run().plan().stdout;
        assert_eq!(found, whole, "{written}");
    }
    let plan = |setting: &str| {
        Test::new()
            .arg("plan")
            .arg(SHIPPED)
            .args(["--set", setting, "--format", "json"])
            .run()
            .plan()
            .json()
    };
    let by_whole = plan("district.Thành phố Lạng Sơn.installed=40000");
    let by_bare = plan("district.TP Lạng Sơn.installed=40000");
    assert_eq!(district(&by_bare, CITY)["installed"], 40_000);
    assert_eq!(by_bare["districts"], by_whole["districts"]);
}

#[test]
fn a_missing_scenario_is_bad_input() {
    let out = explain("/nonexistent/scenario.toml", HUU_LUNG)
        .lang("en")
        .run()
        .bad_input();
    assert!(out.stderr.starts_with("error: "), "{}", out.stderr);
}

// ---- formats, languages, golden files ----

#[test]
fn hữu_lũng_in_english_text() {
    let test = shipped(HUU_LUNG).lang("en");
    golden("huu_lung_text_en", &test, &test.run().plan().stdout);
}

#[test]
fn hữu_lũng_in_vietnamese_text_is_the_default() {
    let test = shipped(HUU_LUNG);
    let out = test.run().plan().stdout;
    golden("huu_lung_text_vi", &test, &out);
    assert_eq!(
        out,
        shipped(HUU_LUNG)
            .format("text")
            .lang("vi")
            .run()
            .plan()
            .stdout
    );
    assert!(out.contains("Số thuê bao smartphone: 78.399"), "{out}");
    assert!(
        out.contains("Đã cài đặt hiện nay: 18.019 (22,98%)"),
        "{out}"
    );
}

#[test]
fn hữu_lũng_in_markdown() {
    let test = shipped(HUU_LUNG).format("markdown");
    let out = test.run().plan().stdout;
    golden("huu_lung_markdown_vi", &test, &out);
    assert!(
        out.starts_with("# Giải thích phân bổ cho Hữu Lũng\n"),
        "{out}"
    );
    assert!(out.contains("\n## 4. Thêm hoặc bớt một tổ, đội"), "{out}");
}

#[test]
fn hữu_lũng_as_json() {
    let test = shipped(HUU_LUNG).format("json");
    golden("huu_lung_json", &test, &test.run().plan().stdout);
}

#[test]
fn every_format_and_language_prints_the_same_twice() {
    for name in [HUU_LUNG, ABOVE_THRESHOLD] {
        for format in ["text", "markdown", "json"] {
            for lang in ["vi", "en"] {
                let first = shipped(name).format(format).lang(lang).run().plan().stdout;
                let second = shipped(name).format(format).lang(lang).run().plan().stdout;
                assert!(first == second, "{name}, {format}, {lang}: two runs differ");
            }
        }
    }
}

/// The keys of `object`, in order.
fn keys(object: &Value) -> Vec<&str> {
    object
        .as_object()
        .unwrap_or_else(|| panic!("expected an object, got {object}"))
        .keys()
        .map(String::as_str)
        .collect()
}

#[test]
fn the_json_keys_are_those_docs_explain_md_lists() {
    let e = shipped_json(HUU_LUNG);
    assert_eq!(
        keys(&e),
        [
            "scenario",
            "as_of",
            "objective",
            "status",
            "gap",
            "diagnosis",
            "horizon_days",
            "budget",
            "district",
            "district_index",
            "inputs",
            "trace",
            "plan",
            "marginal",
            "comparison"
        ]
    );
    common::check_json_keys(
        &e,
        "scenario:str as_of:str objective:str status:str gap:num|null diagnosis:str|null \
         horizon_days:int budget:num|null district:str district_index:int inputs:object \
         trace:array plan:object marginal:array comparison:object",
        "explain",
    );
    assert_eq!(
        keys(&e["inputs"]),
        [
            "smartphones",
            "installed",
            "rate",
            "cohorts",
            "local_teams",
            "mandated_installs",
            "mandated_capped",
            "mandates",
            "fixed_installs",
            "fixed_capped",
            "fixed",
            "reachable_share",
            "pool",
            "floor",
            "floor_source",
            "floor_rule",
            "bounds"
        ]
    );
    assert_eq!(
        keys(&e["inputs"]["cohorts"]),
        ["quarantine", "students", "testing"]
    );
    assert_eq!(
        keys(&arr(&e["inputs"]["mandates"])[0]),
        ["rule", "cohort", "share", "people", "installs", "counted"]
    );
    assert_eq!(
        keys(&arr(&e["inputs"]["fixed"])[0]),
        ["rule", "installs", "reason", "reason_en"]
    );
    assert_eq!(
        keys(&arr(&e["inputs"]["bounds"])[0]),
        [
            "kind",
            "scope",
            "min_teams",
            "min_rule",
            "max_teams",
            "max_source",
            "max_rule",
            "productivity",
            "productivity_rule"
        ]
    );
    assert_eq!(
        keys(&arr(&e["trace"])[0]),
        ["rule", "phase", "read", "set", "words"]
    );
    assert_eq!(
        keys(&e["plan"]),
        [
            "teams",
            "effort",
            "outreach_installs",
            "projected_installed",
            "projected_rate",
            "cost"
        ]
    );
    let m = marginal(&e, "volunteer");
    assert_eq!(
        keys(m),
        [
            "kind",
            "scope",
            "teams",
            "effort_per_team",
            "cost_per_team",
            "one_more",
            "one_fewer"
        ]
    );
    assert_eq!(
        keys(&m["one_more"]),
        ["installs", "possible", "blocked_by", "from_elsewhere"]
    );
    assert_eq!(
        keys(&m["one_fewer"]),
        ["installs", "possible", "blocked_by"]
    );
    assert_eq!(
        keys(&m["one_more"]["from_elsewhere"]),
        ["district", "teams", "installs"]
    );
    assert_eq!(keys(&e["comparison"]), ["basis", "exchanges"]);
    assert_eq!(e["comparison"]["basis"], "installs");
    assert_eq!(
        keys(exchange(&e, "volunteer")),
        [
            "kind",
            "available",
            "assigned",
            "one_more_here",
            "can_take",
            "least_useful_elsewhere",
            "one_fewer_here",
            "can_give",
            "most_useful_elsewhere",
            "pool_to_gain",
            "pool_to_lose"
        ]
    );
}

#[test]
fn the_json_trace_words_follow_the_language() {
    let vi = shipped_json(HUU_LUNG);
    let en = shipped(HUU_LUNG)
        .format("json")
        .lang("en")
        .run()
        .plan()
        .json();
    assert!(
        s(&arr(&vi["trace"])[2]["words"])
            .starts_with("quy tắc `door-to-door` (trước khi lập kế hoạch)")
    );
    assert!(s(&arr(&en["trace"])[2]["words"]).starts_with("rule `door-to-door` (before the plan)"));
    let mut vi = vi;
    let mut en = en;
    for e in [&mut vi, &mut en] {
        for entry in e["trace"].as_array_mut().unwrap() {
            entry.as_object_mut().unwrap().remove("words");
        }
    }
    assert_eq!(vi, en, "only the words change with --lang");
}

#[test]
fn out_writes_the_explanation_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huu-lung.md");
    let test = shipped(HUU_LUNG).format("markdown").out(&path);
    let out = test.run().plan();
    assert_eq!(out.stdout, "");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        shipped(HUU_LUNG).format("markdown").run().plan().stdout
    );
    // a folder that does not exist: bad input, nothing written
    let missing = dir.path().join("no-such-folder").join("x.md");
    let out = shipped(HUU_LUNG).out(&missing).lang("en").run().bad_input();
    assert!(
        out.stderr.contains("cannot write the output"),
        "{}",
        out.stderr
    );
}

// ---- other objectives and an infeasible scenario ----

#[test]
fn min_cost_compares_what_installs_cost() {
    let copy = WhatIf::shipped().set("objective", "\"min-cost\"");
    let plan = copy.test().format("json").run().plan().json();
    let e = explain(copy.path(), HUU_LUNG)
        .format("json")
        .run()
        .plan()
        .json();
    assert_eq!(e["comparison"]["basis"], "cost");
    let view = &e["comparison"]["cost"];
    close(
        f(&view["projected_installed"]),
        f(&plan["province"]["projected_installed"]),
        "province",
    );
    close(
        f(&view["target_installs"]),
        0.40 * f(&plan["province"]["smartphones"]),
        "target",
    );
    // Hữu Lũng keeps its one volunteer team: the rule requires it, and without it the province
    // would miss the 40% target
    let d = district(&plan, HUU_LUNG);
    assert_eq!(u(&allocation(d, "volunteer")["teams"]), 1);
    let m = marginal(&e, "volunteer");
    let lost = projected(&plan, d, &[]) - projected(&plan, d, &[("volunteer", 0)]);
    let after =
        (f(&plan["province"]["projected_installed"]) - lost) / f(&plan["province"]["smartphones"]);
    assert!(after < 0.40);
    let reasons: Vec<&str> = arr(&m["one_fewer"]["blocked_by"])
        .iter()
        .map(|b| s(&b["reason"]))
        .collect();
    assert_eq!(reasons, ["rule_min", "target"]);
    close(
        f(&arr(&m["one_fewer"]["blocked_by"])[1]["rate_after"]),
        after,
        "the province's rate without it",
    );
    // the dearest installs kept elsewhere, by brute force over every other team that may go
    let mut dearest: Option<(String, f64)> = None;
    for other in districts(&plan).iter().filter(|o| o["name"] != HUU_LUNG) {
        for kind in arr(&plan["team_kinds"]) {
            let k = s(&kind["name"]);
            if let Some(lost) = loss_elsewhere(&plan, other, k) {
                let price = 14.0 * f(&kind["cost_per_team_day"]) / lost;
                if dearest.as_ref().is_none_or(|(_, p)| price > *p) {
                    dearest = Some((format!("{} {k}", s(&other["name"])), price));
                }
            }
        }
    }
    let kept = &view["dearest_kept_elsewhere"];
    let (who, price) = dearest.unwrap();
    assert_eq!(
        who,
        format!("{} {}", s(&kept["district"]), s(&kept["kind"]))
    );
    close(f(&kept["cost_per_install"]), price, "price per install");
    let text = explain(copy.path(), HUU_LUNG)
        .lang("en")
        .run()
        .plan()
        .stdout;
    assert!(
        text.contains("The plan is the cheapest that reaches the provincial target of 40%"),
        "{text}"
    );
    assert!(text.contains("VND per install"), "{text}");
}

#[test]
fn max_min_rate_says_whether_the_district_holds_the_lowest_rate() {
    let copy = WhatIf::shipped().set("objective", "\"max-min-rate\"");
    let plan = copy.test().format("json").run().plan().json();
    let lowest = districts(&plan)
        .iter()
        .min_by(|a, b| f(&a["projected_rate"]).total_cmp(&f(&b["projected_rate"])))
        .unwrap();
    let lowest_name = s(&lowest["name"]);
    let e = explain(copy.path(), lowest_name)
        .format("json")
        .run()
        .plan()
        .json();
    assert_eq!(e["comparison"]["basis"], "lowest_rate");
    let q = &e["comparison"]["lowest_rate"];
    assert_eq!(q["is_lowest"], true);
    assert_eq!(q["lowest_district"], lowest["name"]);
    assert_eq!(q["lowest_rate"], lowest["projected_rate"]);
    let text = explain(copy.path(), lowest_name)
        .lang("en")
        .run()
        .plan()
        .stdout;
    assert!(
        text.contains(&format!(
            "{lowest_name} has the lowest projected rate in the province"
        )),
        "{text}"
    );
    // another district is above it, by exactly the difference of the rates
    let other = if lowest_name == HUU_LUNG {
        CITY
    } else {
        HUU_LUNG
    };
    let e = explain(copy.path(), other)
        .format("json")
        .run()
        .plan()
        .json();
    let q = &e["comparison"]["lowest_rate"];
    assert_eq!(q["is_lowest"], false);
    assert_eq!(q["rate"], district(&plan, other)["projected_rate"]);
    // one team fewer: the rate re-evaluated with the formulas
    let d = district(&plan, other);
    for mv in arr(&q["moves"]) {
        let kind = s(&mv["kind"]);
        let t = u(&allocation(d, kind)["teams"]);
        if t == 0 {
            assert!(mv["rate_with_one_fewer"].is_null());
            continue;
        }
        let r = projected(&plan, d, &[(kind, t - 1)]) / f(&d["smartphones"]);
        close(f(&mv["rate_with_one_fewer"]), r, "rate with one fewer");
    }
}

#[test]
fn an_infeasible_scenario_is_explained_on_its_best_plan_with_exit_2() {
    let copy = WhatIf::shipped().set("district_floor", "0.40");
    let out = explain(copy.path(), HUU_LUNG)
        .lang("en")
        .run()
        .code(EXIT_INFEASIBLE);
    assert!(out.stdout.contains("Result: INFEASIBLE"), "{}", out.stdout);
    assert!(
        out.stdout
            .contains("1 more volunteer team is needed to bring every district up to the minimum"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("The district's floor: 40% (the scenario's minimum for every district)")
    );
    let json = explain(copy.path(), HUU_LUNG)
        .format("json")
        .run()
        .code(EXIT_INFEASIBLE)
        .json();
    assert_eq!(json["status"], "infeasible");
    assert!(json["diagnosis"].is_string());
    // the best plan's figures, as `campaign plan` prints them
    let plan = copy
        .test()
        .format("json")
        .run()
        .code(EXIT_INFEASIBLE)
        .json();
    assert_eq!(
        json["plan"]["projected_rate"],
        district(&plan, HUU_LUNG)["projected_rate"]
    );
    // bad input is still bad input
    explain(copy.path(), "Nowhere").run().code(EXIT_BAD_INPUT);
}

#[test]
fn bounds_productivity_and_floor_set_by_a_rule_are_traced_to_it() {
    let copy = WhatIf::shipped().edit_rule(
        "door-to-door",
        "district.min_teams(scenario.param(\"door_to_door_provincial_kind\"), 1);",
        "district.min_teams(scenario.param(\"door_to_door_provincial_kind\"), 1);\n        \
         if district.name == \"Hữu Lũng\" {\n            \
         district.max_teams(\"volunteer\", 3);\n            \
         district.set_productivity(\"commune\", 1.2);\n            \
         district.min_rate(0.33);\n        }",
    );
    let plan = copy.test().format("json").run().plan().json();
    let d = district(&plan, HUU_LUNG);
    let e = explain(copy.path(), HUU_LUNG)
        .format("json")
        .run()
        .plan()
        .json();
    let bounds = arr(&e["inputs"]["bounds"]);
    assert_eq!(bounds[1]["max_teams"], 3);
    assert_eq!(bounds[1]["max_source"], "rule");
    assert_eq!(bounds[1]["max_rule"], "door-to-door");
    assert_eq!(bounds[0]["productivity"], 1.2);
    assert_eq!(bounds[0]["productivity_rule"], "door-to-door");
    assert_eq!(e["inputs"]["floor"], 0.33);
    assert_eq!(e["inputs"]["floor_source"], "rule");
    assert_eq!(e["inputs"]["floor_rule"], "door-to-door");

    // the plan sends the 3 volunteer teams the rule allows: one more is the rule's to refuse
    assert_eq!(u(&allocation(d, "volunteer")["teams"]), 3);
    let m = marginal(&e, "volunteer");
    assert_eq!(
        m["one_more"]["blocked_by"][0],
        serde_json::json!({ "reason": "rule_max", "rule": "door-to-door", "max": 3 })
    );
    // the multiplier is in the figures: one more commune team, re-evaluated with the formulas
    let now = projected(&plan, d, &[]);
    close(now, f(&d["projected_installed"]), "with the multiplier");
    let more = projected(&plan, d, &[("commune", 25)]) - now;
    close(
        f(&marginal(&e, "commune")["one_more"]["installs"]),
        more,
        "one more commune team",
    );
    close(
        f(&marginal(&e, "commune")["effort_per_team"]),
        14.0 * 15.0 * 1.2,
        "H · m · r",
    );
    let fewer = now - projected(&plan, d, &[("volunteer", 2)]);
    close(
        f(&m["one_fewer"]["installs"]),
        fewer,
        "one fewer volunteer team",
    );

    let text = explain(copy.path(), HUU_LUNG)
        .lang("en")
        .run()
        .plan()
        .stdout;
    for expected in [
        "Commune teams: at least 24 (rule `door-to-door`), at most 24 (all the district's commune \
         teams), productivity ×1.2 (rule `door-to-door`)",
        "Volunteer teams: at least 1 (rule `door-to-door`), at most 3 (rule `door-to-door`)",
        "The district's floor: 33% (rule `door-to-door`)",
        "Floor 33%: reached",
        "set: at least 24 commune teams; at least 1 volunteer team; at most 3 volunteer teams; \
         productivity of commune teams ×1.2; a floor of 33% for the district",
        "14 × (24 × 15 × 1.2 + 3 × 40)",
        "One more volunteer team cannot come here, whatever the others bring: rule `door-to-door` \
         allows at most 3 volunteer teams",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
}

/// docs/explain.md shows real output: each block and line it quotes is what the command prints.
#[test]
fn docs_explain_md_shows_the_real_output() {
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/explain.md")).unwrap();
    let hl = shipped(HUU_LUNG).lang("en").run().plan().stdout;
    assert!(
        doc.contains(&format!("```text\n{hl}```")),
        "docs/explain.md does not show the current output for Hữu Lũng:\n{hl}"
    );
    let error = shipped("Huu Lung").run().bad_input().stderr;
    assert!(
        doc.contains(
            &error
                .replace(SHIPPED, "scenarios/lang-son-2020-09-01.toml")
                .lines()
                .map(|l| format!("  {l}\n"))
                .collect::<String>()
        ),
        "{error}"
    );
    let above = shipped(ABOVE_THRESHOLD).lang("en").run().plan().stdout;
    let quoted = |text: &str, from: &str| -> String {
        text.lines()
            .find(|l| l.contains(from))
            .unwrap_or_else(|| panic!("no line with {from:?}"))
            .trim_start()
            .trim_start_matches("- ")
            .to_string()
    };
    assert!(doc.contains(&quoted(&above, "`door-to-door` (before the plan)")));
    for (objective, name, from) in [
        ("min-cost", HUU_LUNG, "The plan is the cheapest"),
        ("min-cost", HUU_LUNG, "The last volunteer team here"),
        ("min-cost", HUU_LUNG, "One more volunteer team here"),
        ("max-min-rate", "Cao Lộc", "has the lowest projected rate"),
        (
            "max-min-rate",
            "Cao Lộc",
            "One more volunteer team (taken from",
        ),
    ] {
        let copy = WhatIf::shipped().set("objective", &format!("\"{objective}\""));
        let text = explain(copy.path(), name).lang("en").run().plan().stdout;
        let line = text
            .lines()
            .find(|l| l.contains(from))
            .unwrap_or_else(|| panic!("{objective}: no line with {from:?}"));
        assert!(
            doc.contains(line),
            "docs/explain.md lacks {objective}'s line:\n{line}"
        );
    }
}

#[test]
fn a_budget_that_is_spent_stops_one_more_team() {
    let copy = WhatIf::shipped().set("budget", "400_000_000");
    let plan = copy.test().format("json").run().plan().json();
    let left = 400_000_000.0 - f(&plan["province"]["cost"]);
    assert!(
        left < 14.0 * 300_000.0,
        "the shipped costs leave less than a volunteer team"
    );
    let e = explain(copy.path(), HUU_LUNG)
        .format("json")
        .run()
        .plan()
        .json();
    let m = marginal(&e, "volunteer");
    assert_eq!(m["one_more"]["possible"], false);
    let budget: Vec<&Value> = arr(&m["one_more"]["blocked_by"])
        .iter()
        .filter(|b| b["reason"] == "budget")
        .collect();
    assert_eq!(budget.len(), 1);
    close(f(&budget[0]["left"]), left, "what the budget has left");
    let text = explain(copy.path(), HUU_LUNG)
        .lang("en")
        .run()
        .plan()
        .stdout;
    let said = format!(
        "the budget has only {} VND left (one volunteer team costs 4,200,000 VND)",
        campaign_planner::number::count(campaign_planner::text::Lang::En, left)
    );
    assert!(text.contains(&said), "missing {said:?} in\n{text}");
    assert!(
        text.contains("Budget 400,000,000 VND: the plan spends"),
        "{text}"
    );
}

#[test]
fn the_curve_names_the_effort_n_not_e_which_is_eulers_number() {
    for (lang, says) in [
        ("vi", "G(N) = 46.669 × (1 − e^(−N ÷ 46.669)), e là cơ số"),
        (
            "en",
            "G(N) = 46,669 × (1 − e^(−N ÷ 46,669)), where e is Euler's number",
        ),
    ] {
        let out = shipped(HUU_LUNG).lang(lang).run().plan().stdout;
        assert!(out.contains(says), "{lang}: {out}");
        assert!(
            !out.contains("G(e)") && !out.contains("−e ÷"),
            "{lang}: {out}"
        );
    }
}
