//! Bad input: exit 1, nothing on stdout, and a message that says where (the file and line, the
//! district and field, or the rule and district) and what to do; Vietnamese by default,
//! English with `--lang en`. Every message is a golden file as well.

use super::golden;
use crate::support::{EXIT_PLAN, SHIPPED, Test, WhatIf};

/// The 1-based line of the shipped scenario that holds `text`.
fn line_of(what_if: &WhatIf, text: &str) -> usize {
    let scenario = std::fs::read_to_string(what_if.path()).unwrap();
    let found: Vec<usize> = scenario
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains(text))
        .map(|(i, _)| i + 1)
        .collect();
    assert_eq!(found.len(), 1, "`{text}` on lines {found:?}");
    found[0]
}

/// Runs `what_if` in both languages, expecting bad input; returns the two messages with the
/// temporary folder written as `[what-if]`, and checks them against the golden files
/// `cli__error_{name}_vi` and `_en`.
fn bad_input(what_if: &WhatIf, test: Test, name: &str) -> (String, String) {
    let en_test = test.clone().lang("en");
    let vi = test.run().bad_input();
    let en = en_test.run().bad_input();
    let (vi, en) = (what_if.redact(&vi.stderr), what_if.redact(&en.stderr));
    assert!(vi.starts_with("lỗi: "), "{vi}");
    assert!(en.starts_with("error: "), "{en}");
    let vi_command = what_if.redact(&test.command_line());
    let en_command = what_if.redact(&en_test.command_line());
    golden(&format!("error_{name}_vi"), &vi_command, &vi);
    golden(&format!("error_{name}_en"), &en_command, &en);
    (vi, en)
}

#[test]
fn a_missing_scenario_file_is_named() {
    let what_if = WhatIf::shipped();
    let path = what_if
        .dir()
        .join("scenarios")
        .join("lang-son-2020-09-02.toml");
    let (vi, en) = bad_input(&what_if, Test::plan(&path), "missing_scenario");
    let shown = "[what-if]/scenarios/lang-son-2020-09-02.toml";
    assert!(
        vi.starts_with(&format!("lỗi: {shown}: không tìm thấy tệp kịch bản")),
        "{vi}"
    );
    assert!(
        en.starts_with(&format!("error: {shown}: the scenario file was not found")),
        "{en}"
    );
}

#[test]
fn installed_above_smartphones_names_the_line_district_and_field() {
    let what_if = WhatIf::shipped().replace("installed = 18_019", "installed = 80_019");
    let line = line_of(&what_if, "installed = 80_019");
    let (vi, en) = bad_input(&what_if, what_if.test(), "installed_above_smartphones");
    let at = format!("[what-if]/scenarios/lang-son-2020-09-01.toml:{line}:13");
    assert!(
        vi.starts_with(&format!(
            "lỗi: {at}: huyện \"Hữu Lũng\", mục `installed`: số máy đã cài đặt (80.019) lớn hơn \
             số thuê bao điện thoại thông minh (78.399)"
        )),
        "{vi}"
    );
    assert!(
        en.starts_with(&format!(
            "error: {at}: district \"Hữu Lũng\", field `installed`: installed (80,019) is more \
             than smartphones (78,399)"
        )),
        "{en}"
    );
    assert!(
        en.contains(&format!(" {line} | installed = 80_019\n")),
        "{en}"
    );
    assert!(en.contains("^"), "a caret under the number: {en}");
}

#[test]
fn an_unknown_objective_lists_the_objectives_and_suggests_the_closest() {
    let what_if = WhatIf::shipped().set("objective", "\"max-instals\"");
    let line = line_of(&what_if, "objective =");
    let (vi, en) = bad_input(&what_if, what_if.test(), "unknown_objective");
    let at = format!("[what-if]/scenarios/lang-son-2020-09-01.toml:{line}:13");
    assert!(
        vi.starts_with(&format!(
            "lỗi: {at}: mục `objective`: không có mục tiêu \"max-instals\"; chỉ dùng một trong: \
             \"max-installs\", \"min-cost\", \"max-min-rate\""
        )),
        "{vi}"
    );
    assert!(
        vi.contains("gợi ý: có phải ý bạn là `max-installs`?"),
        "{vi}"
    );
    assert!(
        en.starts_with(&format!(
            "error: {at}: field `objective`: unknown objective \"max-instals\"; use one of: \
             \"max-installs\", \"min-cost\", \"max-min-rate\""
        )),
        "{en}"
    );
    assert!(en.contains("hint: did you mean `max-installs`?"), "{en}");

    // A name that is not a typo gets the list explained instead.
    let other = WhatIf::shipped().set("objective", "\"cheapest\"");
    let en = other.test().lang("en").run().bad_input().stderr;
    assert!(en.contains("unknown objective \"cheapest\""), "{en}");
    assert!(
        en.contains("\"min-cost\": reach the target at the least cost"),
        "{en}"
    );
}

#[test]
fn a_syntax_error_in_a_rule_names_the_rule_file_and_line() {
    let what_if = WhatIf::shipped().edit_rule(
        "door-to-door",
        "district.min_teams(scenario.param(\"door_to_door_provincial_kind\"), 1);",
        "district.min_teams(scenario.param(\"door_to_door_provincial_kind\"), 1;",
    );
    let rule = std::fs::read_to_string(what_if.dir().join("rules/door-to-door.rhai")).unwrap();
    let line = rule
        .lines()
        .position(|l| l.contains("\"door_to_door_provincial_kind\"), 1;"))
        .unwrap()
        + 1;
    let (vi, en) = bad_input(&what_if, what_if.test(), "rule_syntax");
    let file = "[what-if]/scenarios/../rules/door-to-door.rhai";
    assert!(
        vi.starts_with(&format!("lỗi: {file}:{line}:")),
        "the file and line: {vi}"
    );
    assert!(
        vi.contains("quy tắc `door-to-door` có lỗi cú pháp: thiếu `,`"),
        "{vi}"
    );
    assert!(en.starts_with(&format!("error: {file}:{line}:")), "{en}");
    assert!(
        en.contains("rule `door-to-door` has a syntax error"),
        "{en}"
    );
}

#[test]
fn a_runaway_rule_is_stopped_and_named_with_its_district() {
    let what_if = WhatIf::shipped().edit_rule(
        "mandatory-cohorts",
        "fn before_solve(district, scenario) {\n",
        "fn before_solve(district, scenario) {\n    if district.name == \"Bắc Sơn\" { loop {} }\n",
    );
    let (vi, en) = bad_input(&what_if, what_if.test(), "runaway_rule");
    let file = "[what-if]/scenarios/../rules/mandatory-cohorts.rhai";
    assert!(vi.starts_with(&format!("lỗi: {file}:")), "{vi}");
    assert!(
        vi.contains(
            "huyện \"Bắc Sơn\": quy tắc `mandatory-cohorts` chạy quá lâu trong `before_solve` \
             nên đã bị dừng"
        ),
        "{vi}"
    );
    assert!(vi.contains("gợi ý: kiểm tra các vòng lặp"), "{vi}");
    assert!(en.starts_with(&format!("error: {file}:")), "{en}");
    assert!(
        en.contains(
            "district \"Bắc Sơn\": rule `mandatory-cohorts` ran too long in `before_solve` and \
             was stopped"
        ),
        "{en}"
    );
}

/// The argument parser's refusals are said in the user's language, as every other message:
/// the command, the argument named, and a command line to copy (never clap's English).
#[test]
fn an_unknown_flag_is_refused_in_the_user_s_language() {
    let out = Test::shipped().arg("--frobnicate").run();
    assert_ne!(out.code, EXIT_PLAN);
    let out = out.bad_input();
    assert!(
        out.stderr.starts_with(
            "lỗi: lệnh `campaign plan` không có tùy chọn `--frobnicate`; các tùy chọn: \
             `--format`, `--lang`, `--out`, `--set`\n"
        ),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("gõ ví dụ: campaign plan scenarios/lang-son-2020-09-01.toml"),
        "{}",
        out.stderr
    );
    let out = Test::shipped()
        .arg("--fromat")
        .arg("json")
        .lang("en")
        .run()
        .bad_input();
    assert!(
        out.stderr
            .starts_with("error: `campaign plan` has no option `--fromat`"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("hint: did you mean `--format`?"),
        "{}",
        out.stderr
    );
}

#[test]
fn an_unknown_format_or_language_lists_the_possible_values() {
    let out = Test::shipped().format("xml").run().bad_input();
    assert_eq!(
        out.stderr,
        "lỗi: `--format` không nhận giá trị `xml`; chỉ dùng một trong: `text`, `json`, \
         `markdown`, `html`, `csv`, `xlsx`\ngợi ý: ví dụ --format text\n"
    );
    // an unknown language: the message in Vietnamese, the default
    let out = Test::shipped().lang("fr").run().bad_input();
    assert!(
        out.stderr
            .starts_with("lỗi: `--lang` không nhận giá trị `fr`; chỉ dùng một trong: `vi`, `en`"),
        "{}",
        out.stderr
    );
    let out = Test::shipped().format("jsn").lang("en").run().bad_input();
    assert!(
        out.stderr
            .contains("hint: did you mean `json`? Type --format json"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_missing_command_or_scenario_is_refused() {
    let out = Test::new().run().bad_input();
    assert!(
        out.stderr.starts_with(
            "lỗi: `campaign` cần một lệnh theo sau: `plan`, `compare`, `sweep`, `explain`, \
             `import`, `generate`, `rules`\n"
        ),
        "{}",
        out.stderr
    );
    let out = Test::new().arg("plan").lang("en").run().bad_input();
    assert!(
        out.stderr
            .starts_with("error: `campaign plan` lacks the scenario file (.toml)\n"),
        "{}",
        out.stderr
    );
    // a usage error is bad input (1), never the "cannot be met" status (2)
    let out = Test::new().args(["explain", SHIPPED]).run().bad_input();
    assert!(
        out.stderr
            .contains("lỗi: lệnh `campaign explain` còn thiếu tùy chọn `--district`"),
        "{}",
        out.stderr
    );
}

#[test]
fn help_is_printed_on_stdout_and_exits_0() {
    let out = Test::new().args(["plan", "--help"]).run().plan();
    for flag in ["--format", "--lang", "--out", "<SCENARIO>"] {
        assert!(out.stdout.contains(flag), "{flag}:\n{}", out.stdout);
    }
    assert_eq!(out.stderr, "");
    // `--help` with `--lang en`, `campaign help plan`, and `--version`: still on stdout, status 0
    for args in [
        &["plan", "--help", "--lang", "en"][..],
        &["help", "plan"],
        &["--help"],
    ] {
        let out = Test::new().args(args.iter().copied()).run().plan();
        assert!(
            out.stdout.contains("Usage: campaign"),
            "{args:?}:\n{}",
            out.stdout
        );
    }
    let out = Test::new().arg("--version").run().plan();
    assert_eq!(
        out.stdout,
        format!("campaign {}\n", env!("CARGO_PKG_VERSION"))
    );
}
