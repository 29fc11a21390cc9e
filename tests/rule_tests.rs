//! `campaign rules test`: the shipped rule tests pass, a failing case shows what was expected and
//! what the rule did, a bad test file is an error at its line, and `error_contains` catches a
//! rule that stops.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use campaign_planner::ruletest;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn shipped_tests() -> PathBuf {
    Path::new(ROOT).join("rules").join("tests")
}

fn scenario() -> String {
    format!("{ROOT}/scenarios/lang-son-2020-09-01.toml")
}

fn rule(stem: &str) -> String {
    format!("{ROOT}/rules/{stem}.rhai")
}

/// What one run of `campaign` printed.
#[derive(Debug)]
struct Output {
    code: i32,
    stdout: String,
    stderr: String,
}

/// `campaign rules test ARGS...`, in-process.
fn rules_test<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: Into<OsString>,
{
    let mut argv: Vec<OsString> = vec!["rules".into(), "test".into()];
    argv.extend(args.into_iter().map(Into::into));
    let (code, stdout, stderr) = crate::layout::run(&argv);
    Output {
        code,
        stdout,
        stderr,
    }
}

/// A test file written into a fresh folder: `{scenario}` and `{rule:STEM}` stand for the
/// shipped scenario and rule files. The folder lives as long as the returned guard.
fn fixture(body: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("test.toml");
    let mut text = body.replace("{scenario}", &scenario());
    for stem in ["communication", "mandatory-cohorts", "door-to-door"] {
        text = text.replace(&format!("{{rule:{stem}}}"), &rule(stem));
    }
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

// ---------------------------------------------------------------- the shipped tests

#[test]
fn every_shipped_rule_test_passes() {
    let files = ruletest::discover(&[shipped_tests()]).unwrap();
    let names: Vec<String> = files
        .iter()
        .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    let mut rules: Vec<String> = ["rules", "rules/library"]
        .iter()
        .flat_map(|folder| std::fs::read_dir(Path::new(ROOT).join(folder)).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rhai"))
        .map(|p| format!("{}.toml", p.file_stem().unwrap().to_string_lossy()))
        .collect();
    rules.sort();
    assert_eq!(names, rules, "one test file per shipped rule");
    for file in &files {
        let result = ruletest::run_file(file).unwrap_or_else(|e| panic!("{e}"));
        assert!(!result.cases.is_empty());
        let failed: Vec<_> = result.cases.iter().filter(|c| !c.passed()).collect();
        assert!(
            failed.is_empty(),
            "{}",
            ruletest::render_file(&result, campaign_planner::text::Lang::En)
        );
    }
}

#[test]
fn the_command_runs_the_shipped_tests_and_exits_0() {
    let out = rules_test([shipped_tests()]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert_eq!(out.stderr, "");
    assert!(!out.stdout.contains('✗'), "{}", out.stdout);
    for file in [
        "communication.toml",
        "door-to-door.toml",
        "mandatory-cohorts.toml",
    ] {
        assert!(out.stdout.contains(file), "{file} not run:\n{}", out.stdout);
    }
    let summary = out.stdout.lines().last().unwrap();
    assert!(
        summary.ends_with("đạt, 0 không đạt"),
        "Vietnamese summary by default: {summary}"
    );
}

#[test]
fn without_paths_the_command_reads_rules_tests() {
    // `cargo test` runs in the crate's folder, as a user runs the command in the project's.
    let out = rules_test(Vec::<OsString>::new());
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stdout.starts_with(&format!(
            "rules/tests{}communication.toml\n",
            std::path::MAIN_SEPARATOR
        )),
        "{}",
        out.stdout
    );
}

#[test]
fn the_threshold_test_catches_a_rule_that_pushes_a_district_exactly_at_it() {
    // A copy of the shipped rules and tests where `<` became `<=`: the case at exactly 30%
    // must fail, and only that one among the edges.
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules");
    std::fs::create_dir_all(rules.join("tests")).unwrap();
    std::fs::create_dir_all(dir.path().join("scenarios")).unwrap();
    std::fs::copy(
        scenario(),
        dir.path().join("scenarios/lang-son-2020-09-01.toml"),
    )
    .unwrap();
    for stem in ["communication", "mandatory-cohorts", "door-to-door"] {
        let text = std::fs::read_to_string(rule(stem)).unwrap();
        let text = text.replace(
            "district.rate < scenario.param(\"door_to_door_threshold\")",
            "district.rate <= scenario.param(\"door_to_door_threshold\")",
        );
        std::fs::write(rules.join(format!("{stem}.rhai")), text).unwrap();
    }
    std::fs::copy(
        shipped_tests().join("door-to-door.toml"),
        rules.join("tests/door-to-door.toml"),
    )
    .unwrap();
    let out = rules_test([rules.join("tests"), "--lang".into(), "en".into()]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    let failed: Vec<&str> = out.stdout.lines().filter(|l| l.contains('✗')).collect();
    assert_eq!(failed.len(), 1, "{}", out.stdout);
    assert!(
        failed[0].contains("exactly at the threshold"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("expected: {}\n"), "{}", out.stdout);
    assert!(
        out.stdout
            .contains("actual:   { commune = 5, volunteer = 1 }\n"),
        "{}",
        out.stdout
    );
}

// ---------------------------------------------------------------- a failing case

const WRONG: &str = r#"scenario = "{scenario}"
rules = ["{rule:door-to-door}"]

[[case]]
name = "passes"
district = "Hữu Lũng"

[case.expect]
min_teams = { commune = 24, volunteer = 1 }

[[case]]
name = "wrong on purpose"
district = { name = "Xã thử", installed = 2_999, smartphones = 10_000, teams = { commune = 5 } }
plan = { commune = 5, volunteer = 2 }

[case.expect]
min_teams = { commune = 5 }
directives = [
  { rule = "door-to-door", priority = 3, expected_installs = 1_800, teams = { commune = 5 },
    action_contains = "đạt 50,0%" },
]
"#;

#[test]
fn a_failing_case_shows_its_line_what_was_expected_and_what_the_rule_did() {
    let (_dir, path) = fixture(WRONG);
    let out = rules_test([path.as_os_str(), "--lang".as_ref(), "en".as_ref()]);
    assert_eq!(out.code, 1, "{}{}", out.stdout, out.stderr);
    assert_eq!(out.stderr, "");
    let shown = path.display();
    let expected = format!(
        "{shown}
  ✓ passes
  ✗ wrong on purpose ({shown}:11)
      min_teams (line 17)
        expected: {{ commune = 5 }}
        actual:   {{ commune = 5, volunteer = 1 }}
      directives[1].priority (line 19)
        expected: 3
        actual:   1
      directives[1].action_contains (line 19)
        expected: contains \"đạt 50,0%\"
        actual:   \"Ban Chỉ đạo các xã, thị trấn triển khai “đi từng ngõ, gõ từng nhà”: 5 tổ xã và 2 đội tình nguyện, dự kiến +1.799 lượt cài, đạt 47,98%\"
      directives[1].expected_installs (line 19)
        expected: 1800
        actual:   1799 (unrounded: 1799.04)
      directives[1].teams (line 19)
        expected: {{ commune = 5 }}
        actual:   {{ commune = 5, volunteer = 2 }}
2 cases: 1 passed, 1 failed
"
    );
    assert_eq!(out.stdout, expected);
}

#[test]
fn a_failing_case_in_vietnamese() {
    let (_dir, path) = fixture(WRONG);
    let out = rules_test([path]);
    assert_eq!(out.code, 1);
    assert!(out.stdout.contains("      min_teams (dòng 17)\n        mong đợi: { commune = 5 }\n        thực tế:  { commune = 5, volunteer = 1 }\n"), "{}", out.stdout);
    assert!(
        out.stdout
            .contains("        thực tế:  1799 (chưa làm tròn: 1799,04)\n"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.ends_with("2 trường hợp: 1 đạt, 1 không đạt\n"),
        "{}",
        out.stdout
    );
}

#[test]
fn each_expectation_reports_its_own_difference() {
    let (_dir, path) = fixture(
        r#"scenario = "{scenario}"

[[case]]
name = "everything off"
district = { name = "Xã thử", installed = 2_000, smartphones = 10_000, quarantine = 100, students = 800, teams = { commune = 5 } }

[case.expect]
max_teams = { commune = 3 }
mandates = { quarantine = 0.9 }
mandated_installs = 75
fixed_installs = 241
productivity = { commune = 0.7 }
min_rate = 0.35
directives = [{ rule = "communication" }]
"#,
    );
    let out = rules_test([path.as_os_str(), "--lang".as_ref(), "en".as_ref()]);
    assert_eq!(out.code, 1);
    for (key, expected, actual) in [
        ("max_teams (line 8)", "{ commune = 3 }", "{}"),
        (
            "mandates (line 9)",
            "{ quarantine = 0.9 }",
            "{ quarantine = 0.95 }",
        ),
        // 0.95 · 100 · 0.8 = 76
        ("mandated_installs (line 10)", "75", "76"),
        // 0.01 · 8 000 + 0.25 · 800 · 0.8 = 240
        ("fixed_installs (line 11)", "241", "240"),
        ("productivity (line 12)", "{ commune = 0.7 }", "{}"),
        ("min_rate (line 13)", "0.35", "none set"),
        // the three shipped rules give one directive each
        (
            "directives (line 14)",
            "1 directive",
            "3 directives (from communication, mandatory-cohorts, door-to-door)",
        ),
    ] {
        let block =
            format!("      {key}\n        expected: {expected}\n        actual:   {actual}\n");
        assert!(
            out.stdout.contains(&block),
            "{block}\nnot in\n{}",
            out.stdout
        );
    }
}

#[test]
fn the_default_rules_are_the_scenarios_and_zero_min_rate_means_none() {
    let (_dir, path) = fixture(
        r#"scenario = "{scenario}"

[[case]]
name = "all three rules"
district = "Đình Lập"

[case.expect]
min_rate = 0
directives = [
  { rule = "communication" },
  { rule = "mandatory-cohorts" },
  { rule = "door-to-door" },
]
"#,
    );
    let out = rules_test([path]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
}

// ---------------------------------------------------------------- error_contains

const THROWS: &str = r#"fn before_solve(district, scenario) {
    if district.name == "Xã thử" {
        throw "sổ sách chưa khớp";
    }
}
"#;

#[test]
fn error_contains_passes_when_the_rule_stops_with_that_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("throws.rhai"), THROWS).unwrap();
    let path = dir.path().join("throws.toml");
    std::fs::write(
        &path,
        format!(
            r#"scenario = "{}"
rules = ["throws.rhai"]

[[case]]
name = "stops"
district = {{ name = "Xã thử", installed = 1, smartphones = 10 }}

[case.expect]
error_contains = "sổ sách chưa khớp"

[[case]]
name = "another error expected"
district = {{ name = "Xã thử", installed = 1, smartphones = 10 }}

[case.expect]
error_contains = "something else"

[[case]]
name = "no error expected"
district = {{ name = "Xã thử", installed = 1, smartphones = 10 }}

[case.expect]
min_teams = {{}}

[[case]]
name = "another district does not stop"
district = "Hữu Lũng"

[case.expect]
error_contains = "sổ sách"
"#,
            scenario()
        ),
    )
    .unwrap();
    let out = rules_test([path.as_os_str(), "--lang".as_ref(), "en".as_ref()]);
    assert_eq!(out.code, 1, "{}{}", out.stdout, out.stderr);
    let rule = dir.path().join("throws.rhai");
    let rule = rule.display();
    let shown = path.display();
    let expected = format!(
        "{shown}
  ✓ stops
  ✗ another error expected ({shown}:11)
      error_contains (line 16)
        expected: the rules stop with an error containing \"something else\"
        actual:   another error:
          error: {rule}:3:9: district \"Xã thử\": rule `throws` stopped with an error in `before_solve`: sổ sách chưa khớp
           3 |         throw \"sổ sách chưa khớp\";
             |         ^
          hint: this message is the rule's own (written after `throw` on the line shown): do what it says, often correct a value in the scenario's [params]; if the message is wrong, correct the rule
  ✗ no error expected ({shown}:18)
      the rules stopped with an error (the case expects none):
          error: {rule}:3:9: district \"Xã thử\": rule `throws` stopped with an error in `before_solve`: sổ sách chưa khớp
           3 |         throw \"sổ sách chưa khớp\";
             |         ^
          hint: this message is the rule's own (written after `throw` on the line shown): do what it says, often correct a value in the scenario's [params]; if the message is wrong, correct the rule
  ✗ another district does not stop ({shown}:25)
      error_contains (line 30)
        expected: the rules stop with an error containing \"sổ sách\"
        actual:   the rules ran to the end without an error
4 cases: 1 passed, 3 failed
"
    );
    assert_eq!(out.stdout, expected);
}

#[test]
fn error_contains_matches_the_english_text_too() {
    let (_dir, path) = fixture(
        r#"scenario = "{scenario}"
rules = ["{rule:door-to-door}"]

[[case]]
name = "misspelt kind"
district = "Hữu Lũng"
params = { door_to_door_provincial_kind = "volunter" }

[case.expect]
error_contains = "there is no team kind `volunter`"
"#,
    );
    let out = rules_test([path]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
}

// ---------------------------------------------------------------- bad test files

/// Runs a bad test file and returns its error (English), after checking the exit status and
/// that the summary counts the file.
fn bad(body: &str) -> (String, String) {
    let (_dir, path) = fixture(body);
    let out = rules_test([path.as_os_str(), "--lang".as_ref(), "en".as_ref()]);
    assert_eq!(out.code, 1, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stdout.ends_with(
            "0 cases: 0 passed, 0 failed; 1 test file could not be run (see the errors)\n"
        ),
        "{}",
        out.stdout
    );
    let shown = path.display().to_string();
    (out.stderr.replace(&shown, "test.toml"), shown)
}

const CASE: &str = "[[case]]\nname = \"x\"\ndistrict = \"Hữu Lũng\"\n";

#[test]
fn an_unknown_key_is_an_error_at_its_line_with_a_suggestion() {
    let (err, _) = bad(&format!(
        "scenario = \"{{scenario}}\"\n{CASE}\n[case.expect]\nmin_team = {{}}\n"
    ));
    assert_eq!(
        err,
        "error: test.toml:7:1: unknown key `min_team` in [case.expect]\n 7 | min_team = {}\n   | ^\nhint: did you mean `min_teams`?\n"
    );
}

#[test]
fn a_missing_scenario_file_is_an_error_at_the_scenario_line() {
    let (err, _) = bad(&format!(
        "scenario = \"nowhere.toml\"\n{CASE}\n[case.expect]\nmin_teams = {{}}\n"
    ));
    assert!(
        err.starts_with("error: test.toml:1:12: field `scenario`: the scenario file "),
        "{err}"
    );
    assert!(err.contains("nowhere.toml was not found\n"), "{err}");
    assert!(
        err.contains("hint: paths are relative to the test file's folder"),
        "{err}"
    );
}

#[test]
fn a_case_that_expects_nothing_is_an_error() {
    let (err, _) = bad(&format!("scenario = \"{{scenario}}\"\n{CASE}"));
    assert!(
        err.starts_with(
            "error: test.toml:2:1: the case \"x\" expects nothing: a test that cannot fail is not a test\n 2 | [[case]]\n"
        ),
        "{err}"
    );
    let (err, _) = bad(&format!(
        "scenario = \"{{scenario}}\"\n{CASE}\n[case.expect]\n"
    ));
    assert!(
        err.starts_with("error: test.toml:6:1: the case \"x\" expects nothing"),
        "{err}"
    );
}

#[test]
fn a_bad_test_file_in_vietnamese() {
    let (_dir, path) = fixture(&format!(
        "scenario = \"{{scenario}}\"\n{CASE}\n[case.expect]\nmin_team = {{}}\n"
    ));
    let out = rules_test([path.clone()]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.starts_with(&format!(
            "lỗi: {}:7:1: không biết khóa `min_team` trong [case.expect]\n",
            path.display()
        )),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("gợi ý: có phải ý bạn là `min_teams`?"));
    assert!(
        out.stdout.ends_with(
            "0 trường hợp: 0 đạt, 0 không đạt; 1 tệp kiểm thử bị lỗi, không chạy được (xem thông báo lỗi)\n"
        ),
        "{}",
        out.stdout
    );
}

/// Every other mistake in a test file: where it is reported and what it says.
#[test]
fn every_mistake_in_a_test_file_names_its_line_and_column() {
    let expect = "\n[case.expect]\nmin_teams = {}\n";
    let cases: Vec<(String, &str, &str)> = vec![
        (
            "scenario = \"{scenario}\"\nrule = []\n".into(),
            "test.toml:2:1: unknown key `rule`",
            "did you mean `rules`?",
        ),
        (
            format!("{CASE}{expect}"),
            "test.toml: missing key `scenario`",
            "add a line such as: scenario = ",
        ),
        (
            "scenario = \"{scenario}\"\nrules = [\"nothing.rhai\"]\n".into(),
            "test.toml:2:10: field `rules`: no rule file found at ",
            "paths are relative to the test file's folder",
        ),
        (
            "scenario = \"{scenario}\"\nrules = []\n".into(),
            "test.toml:2:9: field `rules`: the rule list is empty",
            "name the rule files to test, or remove this line",
        ),
        (
            "scenario = \"{scenario}\"\n[params]\ndoor_to_door_treshold = 0.3\n".into(),
            "test.toml:3:1: the scenario has no [params] key `door_to_door_treshold` to override",
            "did you mean `door_to_door_threshold`?",
        ),
        (
            "scenario = \"{scenario}\"\n".into(),
            "test.toml: the test file has no cases",
            "each case starts with [[case]]",
        ),
        (
            format!("scenario = \"{{scenario}}\"\n{CASE}{expect}{CASE}{expect}"),
            "test.toml:8:1: the case \"x\" appears twice (first at line 2)",
            "give each case its own name",
        ),
        (
            format!("scenario = \"{{scenario}}\"\n{CASE}nam = 1\n{expect}"),
            "test.toml:5:1: unknown key `nam` in [[case]]",
            "did you mean `name`?",
        ),
        (
            format!("scenario = \"{{scenario}}\"\n[[case]]\ndistrict = \"Hữu Lũng\"\n{expect}"),
            "test.toml:2:1: missing key `name` in [[case]]",
            "add a line such as: name = ",
        ),
        (
            format!(
                "scenario = \"{{scenario}}\"\n[[case]]\nname = \" \"\ndistrict = \"Hữu Lũng\"\n{expect}"
            ),
            "test.toml:3:8: field `name`: the case's name is empty",
            "give it a name that says what the case tests",
        ),
        (
            format!("scenario = \"{{scenario}}\"\n[[case]]\nname = \"x\"\n{expect}"),
            "test.toml:2:1: missing key `district` in [[case]]",
            "district = \"Hữu Lũng\"",
        ),
        (
            format!(
                "scenario = \"{{scenario}}\"\n[[case]]\nname = \"x\"\ndistrict = \"Huu Lũng\"\n{expect}"
            ),
            "test.toml:4:12: field `district`: the scenario has no district \"Huu Lũng\"",
            "did you mean `Hữu Lũng`?",
        ),
        (
            format!("scenario = \"{{scenario}}\"\n[[case]]\nname = \"x\"\ndistrict = 3\n{expect}"),
            "test.toml:4:12: field `district`: expected a district's name or a table",
            "",
        ),
        (
            format!(
                "scenario = \"{{scenario}}\"\n[[case]]\nname = \"x\"\ndistrict = {{ name = \"a\", installed = 1, smartphone = 10 }}\n{expect}"
            ),
            "test.toml:4:41: district \"a\": unknown field `smartphone`",
            "did you mean `smartphones`?",
        ),
        (
            format!("scenario = \"{{scenario}}\"\n{CASE}plan = {{ volunter = 1 }}\n{expect}"),
            "test.toml:5:10: unknown team kind `volunter`",
            "did you mean `volunteer`?",
        ),
        (
            format!("scenario = \"{{scenario}}\"\n{CASE}plan = {{ commune = 25 }}\n{expect}"),
            "test.toml:5:20: field `plan.commune`: the district \"Hữu Lũng\" has only 24 local `commune` teams; a plan cannot give it 25",
            "",
        ),
        (
            format!("scenario = \"{{scenario}}\"\n{CASE}plan = {{ volunteer = 31 }}\n{expect}"),
            "test.toml:5:22: field `plan.volunteer`: the province has only 30 `volunteer` teams; a plan cannot give 31 to one district",
            "",
        ),
        (
            format!("scenario = \"{{scenario}}\"\n{CASE}plan = {{ volunteer = -1 }}\n{expect}"),
            "test.toml:5:22: field `plan.volunteer`: a number of teams must be a whole number from 0 to 100,000, not -1",
            "",
        ),
        (
            format!(
                "scenario = \"{{scenario}}\"\n{CASE}\n[case.expect]\nerror_contains = \"x\"\nmin_teams = {{}}\n"
            ),
            "test.toml:8:1: `error_contains` expects the rules to stop with an error, so `min_teams` cannot be checked too",
            "split it into two cases",
        ),
        (
            format!("scenario = \"{{scenario}}\"\n{CASE}\n[case.expect]\nerror_contains = \" \"\n"),
            "test.toml:7:18: `error_contains` is empty: any error would match",
            "a piece of the error message",
        ),
        (
            format!(
                "scenario = \"{{scenario}}\"\n{CASE}\n[case.expect]\nmandated_installs = 593.9\n"
            ),
            "test.toml:7:21: field `mandated_installs`: expected a whole number, not 593.9",
            "installs are compared rounded, as printed",
        ),
        (
            format!("scenario = \"{{scenario}}\"\n{CASE}\n[case.expect]\nfixed_installs = 1.799\n"),
            "test.toml:7:18: field `fixed_installs`: expected a whole number, not 1.799",
            "in TOML a dot is a decimal point; write 1799",
        ),
        (
            format!("scenario = \"{{scenario}}\"\n{CASE}\n[case.expect]\nfixed_installs = -1\n"),
            "test.toml:7:18: field `fixed_installs`: a number of installs must not be negative",
            "",
        ),
        (
            format!(
                "scenario = \"{{scenario}}\"\n{CASE}\n[case.expect]\nmandates = {{ quarantin = 0.95 }}\n"
            ),
            "test.toml:7:14: no district has a cohort `quarantin`",
            "did you mean `quarantine`?",
        ),
        (
            format!(
                "scenario = \"{{scenario}}\"\n{CASE}\n[case.expect]\nproductivity = {{ comune = 0.7 }}\n"
            ),
            "test.toml:7:18: unknown team kind `comune`",
            "did you mean `commune`?",
        ),
        (
            format!(
                "scenario = \"{{scenario}}\"\n{CASE}\n[case.expect]\ndirectives = [{{ rule = \"x\", expected = 3 }}]\n"
            ),
            "test.toml:7:29: unknown key `expected` in directives",
            "did you mean `expected_installs`?",
        ),
        (
            format!(
                "scenario = \"{{scenario}}\"\n{CASE}\n[case.expect]\ndirectives = [{{ expected_installs = true }}]\n"
            ),
            "test.toml:7:37: field `expected_installs`: write the expected installs, or `false` when the directive states none",
            "",
        ),
        (
            format!(
                "scenario = \"{{scenario}}\"\n{CASE}\n[case.expect]\ndirectives = {{ rule = \"x\" }}\n"
            ),
            "test.toml:7:14: field `directives`: expected a list [...], found a table",
            "write a list of directives",
        ),
        (
            format!("scenario = \"{{scenario}}\"\n{CASE}\n[case.expect]\nmin_teams = 5\n"),
            "test.toml:7:13: field `min_teams`: expected a table, found an integer",
            "give the teams by kind",
        ),
        (
            "scenario = \"{scenario}\"\n[[case]\n".into(),
            "test.toml:2:8: the test file is not valid TOML",
            "check the `]`, `}` and commas",
        ),
    ];
    for (body, message, hint) in cases {
        let (err, _) = bad(&body);
        assert!(
            err.starts_with(&format!("error: {message}")),
            "expected `{message}` for\n{body}\ngot\n{err}"
        );
        let hint_line = err.lines().find(|l| l.starts_with("hint: ")).unwrap_or("");
        assert!(
            hint_line.contains(hint),
            "expected the hint `{hint}` for\n{body}\ngot\n{err}"
        );
    }
}

#[test]
fn a_broken_scenario_is_reported_in_the_scenario() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("s.toml"), "name = \"x\"\n").unwrap();
    let path = dir.path().join("test.toml");
    std::fs::write(
        &path,
        format!("scenario = \"s.toml\"\n{CASE}\n[case.expect]\nmin_teams = {{}}\n"),
    )
    .unwrap();
    let out = rules_test([path.as_os_str(), "--lang".as_ref(), "en".as_ref()]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.starts_with(&format!(
            "error: {}: missing key `as_of`",
            dir.path().join("s.toml").display()
        )),
        "{}",
        out.stderr
    );
}

#[test]
fn a_bad_file_does_not_stop_the_others() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        shipped_tests().join("communication.toml"),
        dir.path().join("a.toml"),
    )
    .unwrap();
    std::fs::write(dir.path().join("b.toml"), "scenario = 1\n").unwrap();
    // a.toml's relative paths point at ../../scenarios: rewrite them for this folder
    let a = std::fs::read_to_string(dir.path().join("a.toml"))
        .unwrap()
        .replace("../../scenarios/lang-son-2020-09-01.toml", &scenario())
        .replace("../communication.rhai", &rule("communication"));
    std::fs::write(dir.path().join("a.toml"), a).unwrap();
    let out = rules_test([dir.path().as_os_str(), "--lang".as_ref(), "en".as_ref()]);
    assert_eq!(out.code, 1);
    assert!(out.stdout.contains("a.toml\n  ✓ "), "{}", out.stdout);
    assert!(
        out.stdout
            .ends_with(" failed; 1 test file could not be run (see the errors)\n"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains(" passed, 0 failed;"), "{}", out.stdout);
    assert!(
        out.stderr.contains(
            "b.toml:1:12: field `scenario`: expected a string in double quotes, found an integer"
        ),
        "{}",
        out.stderr
    );
}

#[test]
fn a_missing_path_or_an_empty_folder_is_an_error() {
    let out = rules_test(["no/such/tests", "--lang", "en"]);
    assert_eq!(out.code, 1);
    assert_eq!(out.stdout, "");
    assert_eq!(
        out.stderr,
        "error: test file or folder no/such/tests not found\nhint: check the path; given no path, the command reads rules/tests/ in the current folder\n"
    );
    let dir = tempfile::tempdir().unwrap();
    let out = rules_test([dir.path().as_os_str(), "--lang".as_ref(), "en".as_ref()]);
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stderr,
        format!(
            "error: the folder {} has no .toml test files\nhint: rule tests are .toml files, usually in rules/tests/\n",
            dir.path().display()
        )
    );
}

#[test]
fn a_district_table_replaces_a_scenario_district_of_the_same_name() {
    // Hữu Lũng at 40%: above the threshold, so no minimum, although the scenario's Hữu Lũng is
    // at 22.98%.
    let (_dir, path) = fixture(
        r#"scenario = "{scenario}"
rules = ["{rule:door-to-door}"]

[[case]]
name = "replaced"
district = { name = "Hữu Lũng", installed = 400, smartphones = 1_000, teams = { commune = 24 } }

[case.expect]
min_teams = {}
"#,
    );
    let out = rules_test([path]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
}

#[test]
fn summary_counts_in_both_languages() {
    use campaign_planner::ruletest::{Totals, summary};
    use campaign_planner::text::Lang;
    let one = Totals {
        passed: 1,
        failed: 0,
        bad_files: 0,
    };
    assert_eq!(summary(&one, Lang::En), "1 case: 1 passed, 0 failed\n");
    assert_eq!(
        summary(&one, Lang::Vi),
        "1 trường hợp: 1 đạt, 0 không đạt\n"
    );
    let many = Totals {
        passed: 11,
        failed: 1,
        bad_files: 2,
    };
    assert_eq!(
        summary(&many, Lang::En),
        "12 cases: 11 passed, 1 failed; 2 test files could not be run (see the errors)\n"
    );
    assert_eq!(
        summary(&many, Lang::Vi),
        "12 trường hợp: 11 đạt, 1 không đạt; 2 tệp kiểm thử bị lỗi, không chạy được (xem thông báo lỗi)\n"
    );
}

// ---------------------------------------------------------------- docs/rule-tests.md

/// The body of the first fenced block after `heading` in docs/rule-tests.md.
fn doc_block(heading: &str) -> String {
    let doc = std::fs::read_to_string(Path::new(ROOT).join("docs/rule-tests.md")).unwrap();
    let after = &doc[doc.find(heading).expect("heading in the doc")..];
    let start = after.find("```").unwrap();
    let body = &after[start..];
    let body = &body[body.find('\n').unwrap() + 1..];
    body[..body.find("```").unwrap()].to_string()
}

/// A copy of the repository's `scenarios/` and `rules/` (with `rules/tests/`) in a temporary
/// folder, so that test files keep their relative paths.
fn repository_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for folder in ["scenarios", "rules", "rules/library", "rules/tests"] {
        std::fs::create_dir_all(dir.path().join(folder)).unwrap();
        for entry in std::fs::read_dir(Path::new(ROOT).join(folder)).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() {
                std::fs::copy(
                    &path,
                    dir.path().join(folder).join(path.file_name().unwrap()),
                )
                .unwrap();
            }
        }
    }
    dir
}

#[test]
fn the_docs_example_test_file_passes() {
    let dir = repository_copy();
    let path = dir.path().join("rules/tests/example.toml");
    std::fs::write(&path, doc_block("## Write a test file")).unwrap();
    let out = rules_test([path]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
}

#[test]
fn the_docs_failure_example_is_what_the_command_prints() {
    // The doc shows lines 42 and 49 of rules/tests/door-to-door.toml edited.
    let dir = repository_copy();
    let path = dir.path().join("rules/tests/door-to-door.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    assert!(lines[41].starts_with("min_teams = { commune = 5, volunteer = 1 }"));
    lines[41] = "min_teams = { commune = 5 }".to_string();
    assert!(lines[48].contains("expected_installs = 1_799,"));
    lines[48] = lines[48].replace("expected_installs = 1_799,", "expected_installs = 1_800,");
    std::fs::write(&path, lines.join("\n")).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_campaign"))
        .current_dir(dir.path())
        .args(["rules", "test"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    for line in doc_block("A failed case also").lines() {
        if line.trim() != "..." {
            assert!(
                stdout.lines().any(|l| l == line),
                "the doc's line\n{line}\nis not printed:\n{stdout}"
            );
        }
    }
}

#[test]
fn set_is_refused_by_rules_test() {
    let args = ["rules", "test", "--set", "params.x=1", "--lang", "en"];
    let (code, _, stderr) = crate::layout::run(&args);
    assert_eq!(code, 1);
    assert!(stderr.starts_with("error: `--set` does not apply to `campaign rules test`\n"));
}

/// A thousand cases run, counted in the user's format; more are refused at `[[case]]` (20,000
/// cases took minutes: each case's line was counted from the start of the file).
#[test]
fn a_test_file_holds_at_most_a_thousand_cases() {
    let case = |i: usize| {
        format!(
            "[[case]]\nname = \"c{i}\"\ndistrict = \"Hữu Lũng\"\n\n[case.expect]\nfixed_installs = 1663\n\n"
        )
    };
    let cases = |n: usize| (0..n).map(case).collect::<String>();
    let (_dir, path) = fixture(&format!(
        "scenario = \"{{scenario}}\"\nrules = [\"{{rule:communication}}\"]\n\n{}",
        cases(1000)
    ));
    let out = rules_test([&path]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .ends_with("1.000 trường hợp: 1.000 đạt, 0 không đạt\n"),
        "{}",
        out.stdout
    );
    let (_dir, path) = fixture(&format!(
        "scenario = \"{{scenario}}\"\nrules = [\"{{rule:communication}}\"]\n\n{}",
        cases(1001)
    ));
    let out = rules_test([&path]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains(":4:1: tệp kiểm thử có 1.001 trường hợp, nhiều nhất là 1.000"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("gợi ý: chia các trường hợp ra nhiều tệp kiểm thử, mỗi tệp cho một quy tắc"),
        "{}",
        out.stderr
    );
}

/// A folder or a device as a test file's scenario is said as what it is, at the line naming it
/// (it was "not found"; a pipe is refused the same way, tests/limits.rs).
#[test]
fn a_folder_or_a_device_as_the_scenario_is_said_as_such() {
    for (scenario, vi, en) in [
        (
            "/dev/zero",
            "tệp kịch bản /dev/zero là một thiết bị, không phải tệp thông thường",
            "the scenario file /dev/zero is a device, not a regular file",
        ),
        (
            ROOT,
            "là một thư mục, không phải tệp",
            "is a folder, not a file",
        ),
    ] {
        let (_dir, path) = fixture(&format!(
            "scenario = \"{scenario}\"\nrules = [\"{{rule:communication}}\"]\n\n[[case]]\nname = \"a\"\ndistrict = \"Hữu Lũng\"\n"
        ));
        let out = rules_test([&path]);
        assert_eq!(out.code, 1);
        assert!(
            out.stderr.contains("test.toml:1:12: mục `scenario`: "),
            "{}",
            out.stderr
        );
        assert!(out.stderr.contains(vi), "{}", out.stderr);
        let out = rules_test([path.as_os_str(), "--lang".as_ref(), "en".as_ref()]);
        assert!(out.stderr.contains(en), "{}", out.stderr);
    }
}

/// A rule that stops on any district but the case's own, and reads the scenario's districts.
const OWN_DISTRICT_ONLY: &str = r#"fn before_solve(district, scenario) {
    if district.name != "Xã thử" {
        throw "ran on " + district.name;
    }
    if scenario.districts().len() != 12 {
        throw "the scenario's districts are not all there";
    }
}
fn after_solve(district, scenario) {
    if district.name != "Xã thử" {
        throw "ran after the solve on " + district.name;
    }
}
"#;

#[test]
fn a_case_runs_the_rules_on_its_own_district_with_the_scenario_to_read() {
    // trial F39: each case ran the rules over every district of the scenario (1 s and 5 MB a
    // case on 10,600 units); the case's district is the only one its expectations look at
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("own.rhai"), OWN_DISTRICT_ONLY).unwrap();
    let path = dir.path().join("own.toml");
    let mut text = format!("scenario = \"{}\"\nrules = [\"own.rhai\"]\n", scenario());
    for n in 0..3 {
        text.push_str(&format!(
            "\n[[case]]\nname = \"c{n}\"\ndistrict = {{ name = \"Xã thử\", installed = {n}, smartphones = 10 }}\n\n[case.expect]\nmin_teams = {{}}\n"
        ));
    }
    std::fs::write(&path, text).unwrap();
    let out = rules_test([path.as_os_str(), "--lang".as_ref(), "en".as_ref()]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stdout.ends_with("3 cases: 3 passed, 0 failed\n"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_long_case_name_is_cut() {
    // trial F11: a case name of 100,000 characters was printed whole, on one line
    let long = "y".repeat(100_000);
    let (_dir, path) = fixture(&format!(
        "scenario = \"{{scenario}}\"\nrules = [\"{{rule:communication}}\"]\n\n[[case]]\nname = \"{long}\"\ndistrict = \"Hữu Lũng\"\n\n[case.expect]\nmin_teams = {{}}\n"
    ));
    let out = rules_test([path]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    let shown = format!("  ✓ {}…\n", "y".repeat(200));
    assert!(
        out.stdout.contains(&shown),
        "{}",
        &out.stdout[..300.min(out.stdout.len())]
    );
    assert!(out.stdout.len() < 1_000, "{} bytes", out.stdout.len());
}

/// Trial 13g K8: a case's district is found as every other input finds it (other capitals,
/// the unit word, "Lạng Sơn" for the city), and a table naming an existing district so
/// replaces it: the province keeps its 11 districts.
#[test]
fn a_case_s_district_is_found_as_every_other_input_finds_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("count.rhai"),
        "fn before_solve(district, scenario) {\n    throw \"n=\" + scenario.districts().len() + \" \" + district.name + \" \" + district.installed;\n}\n",
    )
    .unwrap();
    let case = |name: &str, district: &str, expected: &str| {
        format!(
            "\n[[case]]\nname = \"{name}\"\ndistrict = {district}\n\n[case.expect]\nerror_contains = \"{expected}\"\n"
        )
    };
    let mut text = format!("scenario = \"{}\"\nrules = [\"count.rhai\"]\n", scenario());
    text += &case(
        "capitals and unit word",
        "\"HUYỆN  hữu lũng\"",
        "n=11 Hữu Lũng 18019",
    );
    text += &case(
        "abbreviated unit word",
        "\"TP Lạng Sơn\"",
        "n=11 Thành phố Lạng Sơn",
    );
    text += &case(
        "without the unit word",
        "\"Lạng Sơn\"",
        "n=11 Thành phố Lạng Sơn",
    );
    text += &case(
        "a table in lower case",
        "{ name = \"cao lộc\", installed = 300, smartphones = 1000, teams = { commune = 5 } }",
        "n=11 Cao Lộc 300",
    );
    text += &case(
        "a table with the unit word",
        "{ name = \"Huyện Cao Lộc\", installed = 301, smartphones = 1000, teams = { commune = 5 } }",
        "n=11 Cao Lộc 301",
    );
    text += &case(
        "a new district",
        "{ name = \"Huyện Mới\", installed = 302, smartphones = 1000, teams = { commune = 5 } }",
        "n=12 Huyện Mới 302",
    );
    let path = dir.path().join("t.toml");
    std::fs::write(&path, text).unwrap();
    let out = rules_test([&path]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stdout.contains("6 trường hợp: 6 đạt, 0 không đạt"),
        "{}",
        out.stdout
    );
}
