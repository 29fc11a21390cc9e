//! The fixed installs a rule adds (`district.add_installs`) are seen where the district is
//! printed (trial N4): a rule with no directive still shows its rule, reason and installs on
//! the district's page; what the cap cuts (asked more than the district had left) is said in
//! the plan's notices (`installs_capped`) and on the page; and the directives of one district
//! never promise together more than its smartphones without the app (MODEL.md § "Rules":
//! each rule's own share of M_d and A_d shrinks pro rata where the cap binds), on rule sets
//! drawn at random.

use serde_json::Value;

use crate::layout::{Layout, replace_once, run};

/// The shipped scenario's `rules` list.
const RULES_LISTED: &str = "  \"../rules/communication.rhai\",\n  \"../rules/mandatory-cohorts.rhai\",\n  \"../rules/door-to-door.rhai\",\n";

/// Cao Lộc in the shipped scenario (facts of the letter) and its cohorts (ASSUMPTIONS).
const SMARTPHONES: f64 = 58_196.0;
const INSTALLED: f64 = 16_752.0;
const COHORTS: [(&str, f64); 3] = [
    ("quarantine", 120.0),
    ("testing", 900.0),
    ("students", 4_000.0),
];

/// The shipped scenario with only the rules `rules` (stem, text), each written to `rules/`.
fn scenario_with(layout: &Layout, rules: &[(String, String)]) -> std::path::PathBuf {
    let mut listed = String::new();
    for (stem, text) in rules {
        std::fs::write(
            layout.dir.path().join("rules").join(format!("{stem}.rhai")),
            text,
        )
        .unwrap();
        listed.push_str(&format!("  \"../rules/{stem}.rhai\",\n"));
    }
    let text = replace_once(&crate::layout::shipped(), RULES_LISTED, &listed);
    layout.write("installs.toml", &text)
}

fn plan(path: &std::path::Path, format: &str, lang: &str) -> (i32, String, String) {
    run(&[
        "plan",
        path.to_str().unwrap(),
        "--format",
        format,
        "--lang",
        lang,
    ])
}

fn json(path: &std::path::Path) -> Value {
    let (code, stdout, stderr) = plan(path, "json", "en");
    assert_eq!(code, 0, "{stderr}");
    serde_json::from_str(&stdout).unwrap()
}

fn cao_loc(plan: &Value) -> &Value {
    plan["districts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["name"] == "Cao Lộc")
        .unwrap()
}

/// The part of `text` from Cao Lộc's heading among the directives to the next blank line.
fn cao_loc_page(text: &str) -> &str {
    let start = text.find("Cao Lộc (").expect("Cao Lộc's heading");
    let rest = &text[start..];
    &rest[..rest.find("\n\n").unwrap_or(rest.len())]
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * b.abs().max(1.0)
}

/// A rule adding `installs` (a Rhai expression) to Cao Lộc with a reason and no directive.
fn silent_rule(installs: &str) -> String {
    format!(
        r#"
fn before_solve(district, scenario) {{
    if district.name == "Cao Lộc" {{
        district.add_installs({installs}, "Đài phát thanh tỉnh phát bản tin hằng ngày", "Daily bulletins on the provincial radio");
    }}
}}
"#
    )
}

#[test]
fn fixed_installs_without_a_directive_show_on_the_districts_page() {
    let layout = Layout::new();
    let path = scenario_with(&layout, &[("radio".into(), silent_rule("1234"))]);
    let plan_json = json(&path);
    let d = cao_loc(&plan_json);
    assert!(close(d["fixed_installs"].as_f64().unwrap(), 1234.0));
    assert!(d["directives"].as_array().unwrap().is_empty());
    let expected = [
        (
            "vi",
            "Lượt cài cố định theo quy tắc `radio`: +1.234 (Đài phát thanh tỉnh phát bản tin hằng ngày)",
        ),
        (
            "en",
            "Fixed installs from rule `radio`: +1,234 (Daily bulletins on the provincial radio)",
        ),
    ];
    for (lang, line) in expected {
        let (code, text, stderr) = plan(&path, "text", lang);
        assert_eq!(code, 0, "{stderr}");
        let page = cao_loc_page(&text);
        assert!(page.contains(line), "{lang}: {page}");
        // still nothing to do, but the rise is explained
        assert!(page.contains(if lang == "vi" {
            "(không có việc nào)"
        } else {
            "(nothing to do)"
        }));
        // the other districts, which the rule leaves alone, say nothing of it
        assert_eq!(text.matches("`radio`").count(), 1, "{lang}: {text}");
        for format in ["markdown", "html"] {
            let (code, page, stderr) = plan(&path, format, lang);
            assert_eq!(code, 0, "{stderr}");
            // Markdown keeps the rule's name a code span
            assert!(page.contains(line), "{format} {lang}: no line {line}");
        }
    }
    // the workbook's directive sheet lists it too, with the installs as a number
    let out = layout.dir.path().join("plan.xlsx");
    let (code, _, stderr) = run(&[
        "plan",
        path.to_str().unwrap(),
        "--format",
        "xlsx",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    use calamine::{Data, Reader};
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&out).unwrap();
    let sheet = book.worksheet_range("Chỉ đạo").unwrap();
    let row = sheet
        .rows()
        .find(|r| r[0] == Data::String("Cao Lộc".into()))
        .expect("a row for Cao Lộc");
    assert!(row[3].to_string().contains("quy tắc `radio`"), "{row:?}");
    assert_eq!(row[6], Data::Float(1234.0), "{row:?}");
    // and no notice: nothing was capped
    assert!(
        plan_json["notices"]
            .as_array()
            .unwrap()
            .iter()
            .all(|n| n["notice"] != "installs_capped")
    );
}

#[test]
fn installs_above_what_the_district_has_left_are_capped_and_said() {
    let layout = Layout::new();
    let path = scenario_with(&layout, &[("radio".into(), silent_rule("50000"))]);
    let plan_json = json(&path);
    let d = cao_loc(&plan_json);
    let room = SMARTPHONES - INSTALLED;
    assert!(close(d["fixed_installs"].as_f64().unwrap(), room));
    let capped: Vec<&Value> = plan_json["notices"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["notice"] == "installs_capped")
        .collect();
    assert_eq!(capped.len(), 1, "{capped:?}");
    let n = capped[0];
    assert_eq!(n["district"], "Cao Lộc");
    assert_eq!(n["rule"], "radio");
    assert_eq!(n["asked"].as_f64(), Some(50_000.0));
    assert!(close(n["counted"].as_f64().unwrap(), room));
    assert!(close(n["room"].as_f64().unwrap(), room));
    let words = [
        (
            "vi",
            "Cao Lộc: quy tắc `radio` thêm 50.000 lượt cài cố định (add_installs) nhưng kế hoạch chỉ tính 41.444, vì huyện chỉ còn 41.444 smartphone chưa cài",
            "Quy tắc `radio` thêm 50.000 lượt cài cố định (Đài phát thanh tỉnh phát bản tin hằng ngày) nhưng chỉ tính 41.444, vì huyện chỉ còn 41.444 smartphone chưa cài",
        ),
        (
            "en",
            "Cao Lộc: rule `radio` adds 50,000 fixed installs (add_installs) but the plan counts only 41,444, because the district has only 41,444 smartphones left without the app",
            "Rule `radio` adds 50,000 fixed installs (Daily bulletins on the provincial radio) but 41,444 are counted, because only 41,444 smartphones were left without the app",
        ),
    ];
    for (lang, notice, on_page) in words {
        let (code, text, stderr) = plan(&path, "text", lang);
        assert_eq!(code, 0, "{stderr}");
        assert!(text.contains(notice), "{lang}: no notice in {text}");
        assert!(cao_loc_page(&text).contains(on_page), "{lang}: {text}");
    }
}

/// A small deterministic generator (xorshift), so that the drawn rule sets repeat.
struct Draw(u64);

impl Draw {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// One drawn rule: on Cao Lộc it adds `share` × the smartphones without the app, mandates
/// `mandates` (cohort, compliance), and after the solve states its own installs on a directive.
fn drawn_rule(i: usize, share: f64, mandates: &[(&str, f64)]) -> String {
    let mandates: String = mandates
        .iter()
        .map(|(cohort, q)| format!("        district.mandate(\"{cohort}\", {q:?});\n"))
        .collect();
    format!(
        r#"
fn before_solve(district, scenario) {{
    if district.name == "Cao Lộc" {{
        district.add_installs({share:?} * (district.smartphones - district.installed), "Lý do {i}", "Reason {i}");
{mandates}    }}
}}

fn after_solve(district, scenario) {{
    if district.name == "Cao Lộc" {{
        district.directive(#{{
            action: "Việc {i}",
            unit: "Đơn vị {i}",
            expected_installs: district.own_fixed_installs + district.own_mandated_installs,
        }});
    }}
}}
"#
    )
}

#[test]
fn drawn_rule_sets_never_promise_more_than_the_phones_without_the_app() {
    let uninstalled = SMARTPHONES - INSTALLED;
    let rate_left = 1.0 - INSTALLED / SMARTPHONES;
    let mut draw = Draw(0x5eed_1234_abcd_0013);
    // shares of the phones without the app, in eighths (exact in binary: sums that land on
    // the cap land exactly), and compliance shares
    let compliance = [0.5, 0.8, 0.95, 1.0];
    let mut over = 0;
    let mut at = 0;
    for case in 0..16 {
        let n = 2 + draw.below(3) as usize;
        // every fourth case adds exactly the phones without the app, without mandates: at the cap
        let exact = case % 4 == 0;
        let mut shares: Vec<f64> = (0..n).map(|_| draw.below(9) as f64 / 8.0).collect();
        if exact {
            shares = vec![0.0; n];
            shares[0] = 0.5;
            shares[n - 1] += 0.5;
        }
        let mut rules = Vec::new();
        let mut asked_fixed = Vec::new();
        let mut best: std::collections::BTreeMap<&str, f64> = Default::default();
        for (i, share) in shares.iter().enumerate() {
            let mandates: Vec<(&str, f64)> = if exact {
                Vec::new()
            } else {
                (0..draw.below(3))
                    .map(|_| {
                        let (cohort, _) = COHORTS[draw.below(3) as usize];
                        (cohort, compliance[draw.below(4) as usize])
                    })
                    .collect()
            };
            for (cohort, q) in &mandates {
                let slot = best.entry(cohort).or_insert(0.0);
                *slot = slot.max(*q);
            }
            asked_fixed.push(share * uninstalled);
            rules.push((format!("drawn{i}"), drawn_rule(i, *share, &mandates)));
        }
        let layout = Layout::new();
        let path = scenario_with(&layout, &rules);
        let plan_json = json(&path);
        let d = cao_loc(&plan_json);
        // M_d and A_d as MODEL.md computes them
        let mandated_asked: f64 = best
            .iter()
            .map(|(cohort, q)| {
                let members = COHORTS.iter().find(|(c, _)| c == cohort).unwrap().1;
                q * members.min(SMARTPHONES) * rate_left
            })
            .sum();
        let mandated = mandated_asked.min(uninstalled);
        let asked: f64 = asked_fixed.iter().sum();
        let fixed = asked.min(uninstalled - mandated).max(0.0);
        assert!(
            close(d["mandated_installs"].as_f64().unwrap(), mandated),
            "case {case}"
        );
        assert!(
            close(d["fixed_installs"].as_f64().unwrap(), fixed),
            "case {case}"
        );
        // the directives together: the rules' own shares add up to M_d + A_d, never more than
        // the phones without the app
        let directives = d["directives"].as_array().unwrap();
        assert_eq!(directives.len(), n, "case {case}");
        let promised: f64 = directives
            .iter()
            .map(|x| x["expected_installs"].as_f64().unwrap())
            .sum();
        assert!(promised <= uninstalled + 1e-6, "case {case}: {promised}");
        assert!(close(promised, mandated + fixed), "case {case}: {promised}");
        // each rule's fixed part is its share of A_d; a capped one is said, with the figures
        let capped = asked > uninstalled - mandated + 1e-6;
        let notices: Vec<&Value> = plan_json["notices"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|x| x["notice"] == "installs_capped")
            .collect();
        let scale = if asked > 0.0 { fixed / asked } else { 0.0 };
        let expected_notices = asked_fixed.iter().filter(|a| **a > 0.0).count();
        if capped {
            over += 1;
            assert_eq!(notices.len(), expected_notices, "case {case}: {notices:?}");
            let counted: f64 = notices.iter().map(|x| x["counted"].as_f64().unwrap()).sum();
            assert!(close(counted, fixed), "case {case}");
            for x in &notices {
                let i: usize = x["rule"].as_str().unwrap()["drawn".len()..]
                    .parse()
                    .unwrap();
                assert!(
                    close(x["asked"].as_f64().unwrap(), asked_fixed[i]),
                    "case {case}"
                );
                assert!(close(
                    x["counted"].as_f64().unwrap(),
                    asked_fixed[i] * scale
                ));
                assert!(close(x["room"].as_f64().unwrap(), uninstalled - mandated));
            }
        } else {
            if exact {
                at += 1;
                assert!(close(fixed, uninstalled), "case {case}: at the cap");
            }
            assert!(notices.is_empty(), "case {case}: {notices:?}");
        }
    }
    assert!(over >= 3 && at >= 3, "over the cap {over}, at it {at}");
}

#[test]
fn directives_promising_more_than_the_phones_left_are_refused_with_the_rules() {
    // two rules each state every rule's fixed installs (district.fixed_installs), which
    // together are twice what the district can give once the first fills it
    let rule = |i: usize| {
        format!(
            r#"
fn before_solve(district, scenario) {{
    if district.name == "Cao Lộc" {{
        district.add_installs(0.75 * (district.smartphones - district.installed), "Lý do {i}", "Reason {i}");
    }}
}}
fn after_solve(district, scenario) {{
    if district.name == "Cao Lộc" {{
        district.directive(#{{ action: "Việc {i}", unit: "Đơn vị", expected_installs: district.fixed_installs }});
    }}
}}
"#
        )
    };
    let layout = Layout::new();
    let path = scenario_with(
        &layout,
        &[("first".into(), rule(1)), ("second".into(), rule(2))],
    );
    for (lang, says, hint) in [
        (
            "vi",
            "cộng với 41.444 lượt cài mà các chỉ đạo trước của huyện đã ghi (quy tắc `first`) là 82.888, nhiều hơn số smartphone chưa cài của huyện (41.444)",
            "`district.own_fixed_installs`",
        ),
        (
            "en",
            "with the 41,444 installs the district's earlier directives state (rule `first`) that is 82,888, more than the district's smartphones without the app (41,444)",
            "`district.own_fixed_installs`",
        ),
    ] {
        let (code, _, stderr) = plan(&path, "text", lang);
        assert_eq!(code, 1, "{stderr}");
        assert!(stderr.contains("second.rhai:9:"), "{lang}: {stderr}");
        assert!(stderr.contains("Cao Lộc"), "{lang}: {stderr}");
        assert!(stderr.contains(says), "{lang}: {stderr}");
        assert!(stderr.contains(hint), "{lang}: {stderr}");
    }
}
