//! `campaign rules check`: each diagnostic of the rule checker, its text and its position
//! (file:line:column and the caret), with and without a scenario; and `campaign plan` refusing
//! to plan with a rule the checker finds broken.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use crate::layout::SHIPPED;
const RULES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/rules");

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[&OsString]) -> Out {
    let (code, stdout, stderr) = crate::layout::run(args);
    Out {
        code,
        stdout,
        stderr,
    }
}

fn os(s: impl AsRef<std::ffi::OsStr>) -> OsString {
    s.as_ref().to_os_string()
}

/// A rule file in a folder of its own.
fn rule(name: &str, source: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("{name}.rhai"));
    std::fs::write(&path, source).unwrap();
    (dir, path)
}

/// `campaign rules check FILE --scenario SHIPPED --lang en`.
fn check_en(path: &Path) -> Out {
    run(&[
        &os("rules"),
        &os("check"),
        &os(path),
        &os("--scenario"),
        &os(SHIPPED),
        &os("--lang"),
        &os("en"),
    ])
}

/// `campaign rules check FILE --lang en`, without a scenario.
fn check_alone(path: &Path) -> Out {
    run(&[
        &os("rules"),
        &os("check"),
        &os(path),
        &os("--lang"),
        &os("en"),
    ])
}

/// Asserts that `out` reports exactly one problem: at `line:col` of `path`, with `message`,
/// the caret under column `col`, and `hint` (if any).
fn assert_one(out: &Out, path: &Path, line: usize, col: usize, message: &str, hint: Option<&str>) {
    assert_eq!(out.code, 1, "{}", out.stderr);
    let head = format!("error: {}:{line}:{col}: {message}\n", path.display());
    assert!(
        out.stderr.starts_with(&head),
        "expected\n{head}got\n{}",
        out.stderr
    );
    let caret = format!("{}^\n", " ".repeat(col - 1));
    let mut lines = out.stderr.lines();
    lines.next();
    let source_line = lines.next().unwrap();
    assert!(
        source_line.starts_with(&format!(" {line} | ")),
        "{}",
        out.stderr
    );
    let caret_line = lines.next().unwrap();
    assert!(
        format!("{caret_line}\n").ends_with(&format!("| {caret}")),
        "caret not under column {col}:\n{}",
        out.stderr
    );
    if let Some(hint) = hint {
        assert!(
            out.stderr.contains(&format!("hint: {hint}\n")),
            "hint `{hint}` missing:\n{}",
            out.stderr
        );
    }
    assert!(
        out.stderr
            .contains("Checked 1 rule file: 1 problem in 1 file."),
        "{}",
        out.stderr
    );
}

const HEAD: &str = "fn before_solve(district, scenario) {\n";

#[test]
fn the_shipped_rules_have_no_problem_with_or_without_the_scenario() {
    let out = run(&[&os("rules"), &os("check"), &os(RULES)]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.starts_with("Đã kiểm tra "), "{}", out.stdout);
    assert!(out.stdout.contains("không có lỗi"), "{}", out.stdout);
    assert!(
        out.stdout.contains("--scenario"),
        "names not checked without a scenario"
    );

    let out = run(&[
        &os("rules"),
        &os("check"),
        &os("--scenario"),
        &os(SHIPPED),
        &os("--lang"),
        &os("en"),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        "Checked 3 rule files: no problems; parameter, team kind and cohort names checked \
         against the scenario.\n"
    );
    assert!(out.stderr.is_empty());
}

#[test]
fn without_paths_the_rules_folder_is_checked() {
    // `cargo test` runs in the crate root, where rules/ is
    let out = run(&[&os("rules"), &os("check"), &os("--lang"), &os("en")]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.starts_with("Checked "), "{}", out.stdout);
    assert!(out.stdout.contains("no problems"), "{}", out.stdout);
}

#[test]
fn an_unknown_district_function_is_named_with_the_close_one() {
    let (_d, p) = rule(
        "r",
        &format!("{HEAD}    district.min_team(\"commune\", 1);\n}}\n"),
    );
    assert_one(
        &check_en(&p),
        &p,
        2,
        14,
        "a district (`district`) has no function `min_team`",
        Some("did you mean `district.min_teams(kind, n)`?"),
    );
}

#[test]
fn an_unknown_district_field_is_named_with_the_close_one() {
    let (_d, p) = rule("r", &format!("{HEAD}    let r = district.rates;\n}}\n"));
    assert_one(
        &check_en(&p),
        &p,
        2,
        22,
        "a district (`district`) has no field `rates`",
        Some("did you mean `district.rate`?"),
    );
    // a field with brackets, a function without
    let (_d, p) = rule("r", &format!("{HEAD}    let r = district.rate();\n}}\n"));
    assert_one(
        &check_en(&p),
        &p,
        2,
        22,
        "`rate` is a field, not a function",
        Some("write `rate` without `()`"),
    );
    let (_d, p) = rule("r", &format!("{HEAD}    let r = district.cohort;\n}}\n"));
    assert_one(
        &check_en(&p),
        &p,
        2,
        22,
        "`cohort` is a function",
        Some("write `cohort(cohort)`"),
    );
}

#[test]
fn a_wrong_number_of_arguments_is_explained() {
    let (_d, p) = rule(
        "r",
        &format!("{HEAD}    district.min_teams(\"commune\");\n}}\n"),
    );
    assert_one(
        &check_en(&p),
        &p,
        2,
        14,
        "`min_teams` takes 2 arguments `min_teams(kind, n)`, not 1",
        None,
    );
}

#[test]
fn a_wrong_argument_type_is_explained_at_the_argument() {
    let (_d, p) = rule("r", &format!("{HEAD}    district.mandate(0.9, 0.9);\n}}\n"));
    assert_one(
        &check_en(&p),
        &p,
        2,
        22,
        "`mandate`: the 1st argument must be a cohort name, not a number",
        Some("write it as `mandate(cohort, share)`"),
    );
    let (_d, p) = rule(
        "r",
        &format!("{HEAD}    district.max_teams(\"commune\", \"2\");\n}}\n"),
    );
    assert_one(
        &check_en(&p),
        &p,
        2,
        35,
        "`max_teams`: the 2nd argument must be a number, not a text",
        None,
    );
}

#[test]
fn an_unknown_team_kind_is_caught_with_the_scenario_only() {
    let (_d, p) = rule(
        "r",
        &format!("{HEAD}    district.min_teams(\"volunter\", 1);\n}}\n"),
    );
    assert_one(
        &check_en(&p),
        &p,
        2,
        24,
        "`min_teams`: the scenario has no team kind `volunter`",
        Some("did you mean `volunteer`?"),
    );
    let alone = check_alone(&p);
    assert_eq!(alone.code, 0, "kinds are the scenario's: {}", alone.stderr);
}

#[test]
fn a_team_kind_read_from_params_is_checked_too() {
    // the shipped scenario's door_to_door_provincial_kind is "volunteer": fine
    let (_d, p) = rule(
        "r",
        &format!(
            "{HEAD}    district.min_teams(scenario.param(\"door_to_door_provincial_kind\"), 1);\n}}\n"
        ),
    );
    assert_eq!(check_en(&p).code, 0);
    // a param holding a number passed as a team kind
    let (_d, p) = rule(
        "r",
        &format!("{HEAD}    district.min_teams(scenario.param(\"student_uptake\"), 1);\n}}\n"),
    );
    assert_one(
        &check_en(&p),
        &p,
        2,
        24,
        "`min_teams`: the 1st argument must be a team kind name, not a number",
        None,
    );
}

#[test]
fn a_local_kind_function_refuses_a_provincial_kind() {
    let (_d, p) = rule(
        "r",
        &format!("{HEAD}    let n = district.local_teams(\"volunteer\");\n}}\n"),
    );
    assert_one(
        &check_en(&p),
        &p,
        2,
        34,
        "`local_teams`: `volunteer` is a provincial kind, not stationed in districts",
        Some("local kinds in the scenario: `commune`"),
    );
}

#[test]
fn an_unknown_param_key_is_caught_with_the_scenario_only() {
    let (_d, p) = rule(
        "r",
        &format!(
            "{HEAD}    if district.rate < scenario.param(\"door_to_door_treshold\") {{}}\n}}\n"
        ),
    );
    assert_one(
        &check_en(&p),
        &p,
        2,
        39,
        "`param`: the scenario's [params] has no `door_to_door_treshold`",
        Some("did you mean `door_to_door_threshold`?"),
    );
    let (_d, p) = rule(
        "r",
        &format!("{HEAD}    let x = scenario.param(\"school_bonus\");\n}}\n"),
    );
    let out = check_en(&p);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains(&format!(
            "hint: add `school_bonus = ...` under [params] in {SHIPPED}, or fix the name in the rule"
        )),
        "{}",
        out.stderr
    );
    assert_eq!(check_alone(&p).code, 0, "params are the scenario's");
}

#[test]
fn a_near_miss_cohort_is_caught_even_without_a_scenario() {
    let (_d, p) = rule(
        "r",
        &format!("{HEAD}    district.mandate(\"student\", 0.9);\n}}\n"),
    );
    for out in [check_en(&p), check_alone(&p)] {
        assert_eq!(out.code, 1);
        assert!(
            out.stderr.starts_with(&format!(
                "error: {}:2:22: `mandate`: there is no cohort `student`\n",
                p.display()
            )),
            "{}",
            out.stderr
        );
        assert!(out.stderr.contains("hint: did you mean `students`?"));
    }
}

#[test]
fn actions_and_plan_figures_in_the_wrong_hook() {
    let (_d, p) = rule(
        "r",
        "fn after_solve(district, scenario) {\n    district.min_teams(\"commune\", 1);\n}\n",
    );
    assert_one(
        &check_en(&p),
        &p,
        2,
        14,
        "`min_teams` can only be used before the solve, but here it is in `after_solve`",
        Some("move this line into `fn before_solve(district, scenario)`"),
    );
    let (_d, p) = rule(
        "r",
        &format!("{HEAD}    let r = district.projected_rate;\n}}\n"),
    );
    assert_one(
        &check_en(&p),
        &p,
        2,
        22,
        "`projected_rate` can only be used after the solve, but here it is in `before_solve`",
        Some("move this line into `fn after_solve(district, scenario)`"),
    );
    // through a helper function
    let (_d, p) = rule(
        "r",
        "fn after_solve(district, scenario) {\n    bump(district);\n}\n\
         fn bump(district) {\n    district.add_installs(10, \"x\");\n}\n",
    );
    assert_one(
        &check_en(&p),
        &p,
        5,
        14,
        "`add_installs` can only be used before the solve, but here it is in the function \
         `bump`, which `after_solve` calls",
        None,
    );
}

#[test]
fn directive_entries_are_checked() {
    let (_d, p) = rule(
        "r",
        "fn after_solve(district, scenario) {\n    district.directive(#{ action: \"a\", units: \"b\" });\n}\n",
    );
    let out = check_en(&p);
    assert_eq!(out.code, 1);
    let missing = format!(
        "error: {}:2:24: `directive`: the directive lacks the entry `unit`\n",
        p.display()
    );
    let unknown = format!(
        "error: {}:2:40: `directive`: a directive has no entry `units`\n",
        p.display()
    );
    assert!(out.stderr.contains(&missing), "{}", out.stderr);
    assert!(out.stderr.contains(&unknown), "{}", out.stderr);
    assert!(out.stderr.contains("hint: did you mean `unit`?"));
    assert!(out.stderr.contains("2 problems in 1 file"));

    let (_d, p) = rule(
        "r",
        "fn after_solve(district, scenario) {\n    district.directive(#{ action: \"a\", unit: \"b\", priority: \"1\" });\n}\n",
    );
    assert_one(
        &check_en(&p),
        &p,
        2,
        51,
        "`directive`: the entry `priority` must be a number, not a text",
        None,
    );
}

#[test]
fn the_district_data_are_read_only() {
    let (_d, p) = rule("r", &format!("{HEAD}    district.rate = 0.5;\n}}\n"));
    assert_one(
        &check_en(&p),
        &p,
        2,
        14,
        "cannot assign `rate`: the district's data are read-only",
        None,
    );
}

#[test]
fn unknown_functions_and_helpers_with_the_wrong_arity() {
    let (_d, p) = rule(
        "r",
        &format!("{HEAD}    let s = fmt_cuont(1, \"vi\");\n}}\n"),
    );
    assert_one(
        &check_en(&p),
        &p,
        2,
        13,
        "there is no function `fmt_cuont`",
        Some("did you mean `fmt_count(number, lang)`?"),
    );
    let (_d, p) = rule(
        "r",
        &format!("{HEAD}    helper(1, 2);\n}}\nfn helper(a) {{\n    a\n}}\n"),
    );
    assert_one(
        &check_en(&p),
        &p,
        2,
        5,
        "the rule's function `helper` takes 1 argument, not 2",
        None,
    );
    let (_d, p) = rule(
        "r",
        &format!("{HEAD}    let t = [1];\n    t.pushh(2);\n}}\n"),
    );
    assert_one(
        &check_en(&p),
        &p,
        3,
        7,
        "there is no function `pushh`",
        Some("did you mean `push`?"),
    );
    let (_d, p) = rule(
        "r",
        &format!("{HEAD}    let s = fmt_count(1, \"vn\");\n}}\n"),
    );
    assert_one(
        &check_en(&p),
        &p,
        2,
        26,
        "`fmt_count`: the language must be \"vi\" or \"en\", not \"vn\"",
        None,
    );
}

#[test]
fn vietnamese_is_the_default_language_of_the_messages() {
    let (_d, p) = rule("r", &format!("{HEAD}    let r = district.rates;\n}}\n"));
    let out = run(&[&os("rules"), &os("check"), &os(&p)]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.starts_with(&format!(
            "lỗi: {}:2:22: huyện (`district`) không có số liệu `rates`\n",
            p.display()
        )),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("gợi ý: có phải ý bạn là `district.rate`?")
    );
    assert!(out.stderr.contains("1 lỗi trong 1 tệp"));
}

#[test]
fn a_syntax_error_in_either_hook_is_reported_and_other_files_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    let before = dir.path().join("a-before.rhai");
    std::fs::write(
        &before,
        "fn before_solve(district, scenario) {\n    let x = (1 + ;\n}\n",
    )
    .unwrap();
    let after = dir.path().join("b-after.rhai");
    std::fs::write(
        &after,
        "fn after_solve(district, scenario) {\n    district.directive(#{ action: \"a\" unit: \"b\" });\n}\n",
    )
    .unwrap();
    let fine = dir.path().join("c-fine.rhai");
    std::fs::write(
        &fine,
        format!("{HEAD}    district.min_team(\"commune\", 1);\n}}\n"),
    )
    .unwrap();
    let out = run(&[
        &os("rules"),
        &os("check"),
        &os(dir.path()),
        &os("--lang"),
        &os("en"),
    ]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains(&format!("error: {}:2:", before.display()))
            && out.stderr.contains("rule `a-before` has a syntax error"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains(&format!("error: {}:2:", after.display()))
            && out.stderr.contains("rule `b-after` has a syntax error"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains(&format!("error: {}:2:14:", fine.display()))
    );
    assert!(
        out.stderr
            .contains("Checked 3 rule files: 3 problems in 3 files."),
        "{}",
        out.stderr
    );
}

#[test]
fn a_missing_path_is_a_clear_error() {
    let out = run(&[
        &os("rules"),
        &os("check"),
        &os("no/such/rules"),
        &os("--lang"),
        &os("en"),
    ]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("no/such/rules does not exist"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("hint: give the path of a .rhai file"));
}

#[test]
fn plan_refuses_a_rule_the_checker_finds_broken() {
    let dir = tempfile::tempdir().unwrap();
    let rule = dir.path().join("broken.rhai");
    std::fs::write(
        &rule,
        format!(
            "{HEAD}    district.min_teams(\"volunter\", 1);\n    let r = district.rates;\n}}\n"
        ),
    )
    .unwrap();
    let text = std::fs::read_to_string(SHIPPED).unwrap();
    let patched = text.replace("\"../rules/", &format!("\"{RULES}/")).replace(
        "rules = [\n",
        &format!("rules = [\n  \"{}\",\n", rule.display()),
    );
    assert_ne!(
        patched, text,
        "the shipped scenario's rule list changed: update this test"
    );
    let scenario = dir.path().join("s.toml");
    std::fs::write(&scenario, patched).unwrap();
    let out = run(&[&os("plan"), &os(&scenario), &os("--lang"), &os("en")]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stdout.is_empty(), "no plan is printed: {}", out.stdout);
    assert!(
        out.stderr
            .contains(&format!("error: {}:2:24:", rule.display())),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains(&format!("error: {}:3:22:", rule.display()))
    );
    assert!(
        out.stderr
            .contains("error: the rules have 2 problems, so no plan was made"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_number_compared_with_a_text_is_caught_even_through_params() {
    // a threshold quoted by mistake in [params]: the comparison is named, not silently false
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(SHIPPED)
        .unwrap()
        .replace("\"../rules/", &format!("\"{RULES}/"));
    let quoted = text.replace(
        "door_to_door_threshold = 0.30 ",
        "door_to_door_threshold = \"0.30\"",
    );
    assert_ne!(
        quoted, text,
        "the shipped threshold line changed: update this test"
    );
    let scenario = dir.path().join("s.toml");
    std::fs::write(&scenario, quoted).unwrap();
    let out = run(&[
        &os("rules"),
        &os("check"),
        &os("--scenario"),
        &os(&scenario),
        &os("--lang"),
        &os("en"),
    ]);
    assert_eq!(out.code, 1);
    // the value is the mistake: the error is at the scenario's line, naming the rule's
    assert!(
        out.stderr.contains(&format!(
            "error: {}:34:26: field `params.door_to_door_threshold`: comparing a number with a \
             text \"0.30\" by `<` (the rule `door-to-door` reads this value and uses it on its \
             lines 17 and 34)\n",
            scenario.display()
        )),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains(
            "hint: if the value comes from [params], write it as a number, without quotes"
        )
    );
    // `==` with a text written in the rule: always false, so refused
    let (_d, p) = rule(
        "r",
        &format!("{HEAD}    if district.rate == \"0.3\" {{}}\n}}\n"),
    );
    assert_one(
        &check_en(&p),
        &p,
        2,
        22,
        "comparing a number with a text \"0.3\" by `==` (the answer would always be false)",
        None,
    );
}

/// A rule using much of the language correctly: closures whose parameter reuses an outer name,
/// a helper both hooks call that reads plan figures only after the solve, a rule function
/// called as a method (`this`), ranking with `scenario.districts()`, a list param, `switch`,
/// string and number methods. The checker must say nothing, and the plan must run it.
#[test]
fn a_valid_rule_using_much_of_the_language_passes_the_check_and_plans() {
    let valid = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/rules_check/valid.rhai");
    let extended = Path::new(RULES)
        .parent()
        .unwrap()
        .join("scenarios/lang-son-2020-09-01-extended-rules.toml");
    let out = run(&[
        &os("rules"),
        &os("check"),
        &os(&valid),
        &os("--scenario"),
        &os(&extended),
        &os("--lang"),
        &os("en"),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    // the same file saved with a byte-order mark, as some editors do
    let dir = tempfile::tempdir().unwrap();
    let bom = dir.path().join("valid.rhai");
    let mut bytes = vec![0xef, 0xbb, 0xbf];
    bytes.extend(std::fs::read(&valid).unwrap());
    std::fs::write(&bom, bytes).unwrap();
    let text = std::fs::read_to_string(&extended).unwrap();
    let root = Path::new(RULES).parent().unwrap();
    let patched = text
        .replace("\"../rules/", &format!("\"{}/rules/", root.display()))
        .replace(
            "base = \"lang-son-2020-09-01.toml\"",
            &format!(
                "base = \"{}/scenarios/lang-son-2020-09-01.toml\"",
                root.display()
            ),
        )
        .replace(
            "rules = [\n",
            &format!("rules = [\n  \"{}\",\n", bom.display()),
        );
    let scenario = dir.path().join("s.toml");
    std::fs::write(&scenario, patched).unwrap();
    let out = run(&[&os("plan"), &os(&scenario), &os("--format"), &os("json")]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let plan: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    for d in plan["districts"].as_array().unwrap() {
        let said: Vec<&serde_json::Value> = d["directives"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|x| x["rule"] == "valid")
            .collect();
        assert_eq!(said.len(), 1, "{}", d["name"]);
        assert!(
            said[0]["action"]
                .as_str()
                .unwrap()
                .starts_with("Tỷ lệ dự kiến ")
        );
    }
}

#[test]
fn a_misspelt_hook_is_caught() {
    let (_d, p) = rule(
        "r",
        "fn befor_solve(district, scenario) {\n    district.min_teams(\"volunteer\", 1);\n}\n\
         fn after_solve(district, scenario) {\n}\n",
    );
    assert_one(
        &check_en(&p),
        &p,
        1,
        1,
        "the function `befor_solve` never runs: only `before_solve` and `after_solve` are called, \
         and nothing calls `befor_solve`",
        Some("did you mean `before_solve`?"),
    );
}

#[test]
fn a_helper_only_before_solve_calls_cannot_read_plan_figures() {
    let (_d, p) = rule(
        "r",
        &format!(
            "{HEAD}    show(district);\n}}\nfn show(d) {{\n    let r = d.projected_rate;\n}}\n"
        ),
    );
    assert_one(
        &check_en(&p),
        &p,
        5,
        15,
        "`projected_rate` can only be used after the solve, but here it is in the function \
         `show`, which `before_solve` calls",
        None,
    );
}

#[test]
fn a_helper_given_the_scenario_under_another_name_is_checked() {
    let (_d, p) = rule(
        "r",
        &format!(
            "{HEAD}    if weak(district, scenario) {{}}\n}}\n\
             fn weak(d, s) {{\n    d.rate < s.param(\"door_to_door_treshold\")\n}}\n"
        ),
    );
    assert_one(
        &check_en(&p),
        &p,
        5,
        22,
        "`param`: the scenario's [params] has no `door_to_door_treshold`",
        Some("did you mean `door_to_door_threshold`?"),
    );
}

#[test]
fn a_function_given_too_few_or_too_many_arguments() {
    let (_d, p) = rule(
        "r",
        &format!("{HEAD}    let s = district.name.sub_string();\n}}\n"),
    );
    assert_one(
        &check_en(&p),
        &p,
        2,
        27,
        "the function `sub_string` does not take 0 arguments here",
        None,
    );
    // a rule's own function called as a method: `x` is `this`, not an argument
    let (_d, p) = rule(
        "r",
        &format!("{HEAD}    let t = district.name.trim_all();\n}}\nfn trim_all(s) {{\n    s\n}}\n"),
    );
    assert_one(
        &check_en(&p),
        &p,
        2,
        27,
        "the rule's function `trim_all` takes 1 argument; called as `x.trim_all(...)`, `x` is not \
         one of them",
        Some("write `trim_all(x, ...)`"),
    );
}

#[test]
fn a_missing_closing_brace_points_at_the_block_left_open() {
    let (_d, p) = rule(
        "r",
        &format!(
            "{HEAD}    if district.rate < 0.3 {{\n        district.min_teams(\"commune\", 1);\n}}\n"
        ),
    );
    assert_one(
        &check_en(&p),
        &p,
        2,
        28,
        "rule `r` has a syntax error: the `{` here is never closed (a `}` is missing)",
        Some(
            "add the `}` that ends the block this `{` opens (usually the end of a function or an `if`)",
        ),
    );
}

#[test]
fn a_misspelt_params_key_in_an_overlay_is_named() {
    // the overlay means to lower the threshold but misspells it: the plan would silently keep
    // the base's 0.30
    let dir = tempfile::tempdir().unwrap();
    let overlay = dir.path().join("typo.toml");
    std::fs::write(
        &overlay,
        format!(
            "base = \"{SHIPPED}\"\nname = \"typo\"\n\n[params]\ndoor_to_door_treshold = 0.25\n"
        ),
    )
    .unwrap();
    for args in [
        vec![os("plan"), os(&overlay), os("--lang"), os("en")],
        vec![
            os("rules"),
            os("check"),
            os("--scenario"),
            os(&overlay),
            os("--lang"),
            os("en"),
        ],
    ] {
        let out = run(&args.iter().collect::<Vec<_>>());
        assert_eq!(out.code, 1, "{}", out.stderr);
        assert!(
            out.stderr.contains(&format!(
                "error: {}:5:25: field `params.door_to_door_treshold`: [params] has \
                 `door_to_door_treshold`, which no rule reads, while the rules read \
                 `door_to_door_threshold`\n 5 | door_to_door_treshold = 0.25\n   |              \
                 \x20          ^\nhint: did you mean `door_to_door_threshold`? Fix the name in \
                 the scenario file\n",
                overlay.display()
            )),
            "{}",
            out.stderr
        );
    }
}

/// Trial U12: a function pointer or closure called with `.call(...)` or `.curry(...)` is Rhai's
/// own and works when the rule runs; the check said "there is no function `call`" with "did you
/// mean `all`?". It passes the check, and the plan runs it: 120 + 1 + (2 + 3) fixed installs.
#[test]
fn function_pointers_called_with_call_and_curry_pass_the_check_and_run() {
    let (dir, path) = rule(
        "pointers",
        "fn plus(a, b) { a + b }\n\
         fn before_solve(district, scenario) {\n    \
             let f = Fn(\"plus\");\n    \
             let add_one = |x| x + 1;\n    \
             let two_and = f.curry(2);\n    \
             let n = f.call(100, 20) + add_one.call(0) + two_and.call(3) + call(f, 0, 0);\n    \
             district.add_installs(n, \"thử\", \"test\");\n\
         }\n",
    );
    let out = check_en(&path);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = crate::layout::shipped().replace(
        "rules = [\n",
        &format!("rules = [\n  \"{}\",\n", path.display()),
    );
    let scenario = dir.path().join("s.toml");
    let root = Path::new(RULES).parent().unwrap();
    std::fs::write(
        &scenario,
        text.replace("\"../rules/", &format!("\"{}/rules/", root.display()))
            .replace(
                "\"coverage-",
                &format!("\"{}/scenarios/coverage-", root.display()),
            ),
    )
    .unwrap();
    let out = run(&[&os("plan"), &os(&scenario), &os("--format"), &os("json")]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let plan: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let first = &plan["districts"][0];
    let fixed: Vec<f64> = first["trace"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["rule"] == "pointers")
        .flat_map(|t| t["set"].as_array().unwrap().iter())
        .filter_map(|s| s["installs"].as_f64())
        .collect();
    assert_eq!(fixed, [126.0], "{first}");
}

/// Trial U12: a Rhai function rules do not have is said as such, never as a look-alike of
/// another ("did you mean `get`?" for `get_bit`).
#[test]
fn a_rhai_function_rules_do_not_have_is_said_in_words() {
    let (_dir, path) = rule(
        "bits",
        &format!("{HEAD}    let x = 5;\n    let y = x.get_bit(1);\n}}\n"),
    );
    let out = check_alone(&path);
    assert_one(
        &out,
        &path,
        3,
        15,
        "`get_bit` is part of Rhai that rules do not have: rules do not work with binary data or single bits",
        Some("use numbers, texts, lists and maps (docs/rules.md)"),
    );
    assert!(!out.stderr.contains("did you mean"), "{}", out.stderr);
}

/// Trial 13f J29: `campaign rules check` with no path, in a folder without rules/, said only
/// "rules does not exist"; it says that with no path it reads ./rules, and what to do.
#[test]
fn with_no_path_in_a_folder_without_rules_it_says_it_reads_the_rules_folder() {
    let dir = tempfile::tempdir().unwrap();
    let said = |lang: &str| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_campaign"))
            .current_dir(dir.path())
            .args(["--lang", lang, "rules", "check"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        assert!(out.stdout.is_empty());
        String::from_utf8(out.stderr).unwrap()
    };
    let en = said("en");
    assert!(
        en.starts_with(
            "error: rules: no path given, and the current folder has no rules/ folder: given no \
             path, the command checks the .rhai files in rules/ of the current folder\n"
        ),
        "{en}"
    );
    assert!(
        en.contains(
            "hint: give the path of a .rhai file or of a folder of them (`campaign rules check \
             path/to/rules`), or run the command in the folder that holds rules/"
        ),
        "{en}"
    );
    let vi = said("vi");
    assert!(
        vi.starts_with(
            "lỗi: rules: không ghi đường dẫn nào, và thư mục hiện tại không có thư mục rules/: \
             khi không có đường dẫn, lệnh kiểm tra các tệp .rhai trong rules/ của thư mục hiện tại\n"
        ),
        "{vi}"
    );
    assert!(
        vi.contains("gợi ý: ghi đường dẫn tới một tệp .rhai hoặc một thư mục chứa chúng (`campaign rules check đường/dẫn/rules`)"),
        "{vi}"
    );
}
