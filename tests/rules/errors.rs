//! Every error a rule author can meet: the text a department reader sees, where it points.

use super::*;

fn one() -> Scenario {
    scenario(vec![with_cohorts(
        district("Hữu Lũng", 18_019, 78_399, 24),
        &[("quarantine", 15)],
    )])
}

#[test]
fn a_syntax_error_names_the_file_line_and_column() {
    let (_dir, path) = rule_file(
        "door-to-door",
        "fn before_solve(district, scenario) {\n    let x = (1 + ;\n}\n",
    );
    let err = RuleSet::load(std::slice::from_ref(&path)).unwrap_err();
    assert_eq!(err.location.line, Some(2));
    let en = err.render(Lang::En);
    let vi = err.render(Lang::Vi);
    assert!(
        en.starts_with(&format!(
            "error: {}:2:{}: rule `door-to-door` has a syntax error: ",
            path.display(),
            err.location.column.unwrap()
        )),
        "{en}"
    );
    assert!(en.contains("    let x = (1 + ;"), "{en}");
    assert!(vi.contains("quy tắc `door-to-door` có lỗi cú pháp"), "{vi}");
}

#[test]
fn an_undeclared_variable_is_a_syntax_error() {
    let (_dir, path) = rule_file(
        "typo",
        "fn before_solve(district, scenario) {\n    district.min_teams(\"commune\", teamz);\n}\n",
    );
    let err = RuleSet::load(&[path]).unwrap_err();
    let vi = err.render(Lang::Vi);
    assert!(vi.contains(":2:"), "{vi}");
    assert!(vi.contains("biến `teamz` chưa được khai báo"), "{vi}");
}

#[test]
fn a_rule_without_hooks_is_refused() {
    let (_dir, path) = rule_file("nothing", "fn before_slove(district, scenario) {}\n");
    let err = RuleSet::load(&[path]).unwrap_err();
    let en = err.render(Lang::En);
    assert!(
        en.contains("rule `nothing` defines neither `before_solve` nor `after_solve`"),
        "{en}"
    );
    assert!(
        en.contains("hint: is the function `before_slove` meant to be `before_solve`?"),
        "{en}"
    );
    let (_dir, path) = rule_file("wrong", "fn after_solve(district) {}\n");
    let err = RuleSet::load(&[path]).unwrap_err();
    assert!(
        err.render(Lang::En)
            .contains("must take exactly two parameters"),
        "{err}"
    );
}

#[test]
fn an_unknown_param_is_named_with_a_hint() {
    let err = before_err(
        "fn before_solve(district, scenario) {\n    let t = scenario.param(\"door_to_door_treshold\");\n}\n",
        &one(),
    );
    let en = err.render(Lang::En);
    assert!(
        en.contains(
            "district \"Hữu Lũng\": rule `broken` (in `before_solve`): `param`: the scenario's \
             [params] has no `door_to_door_treshold`"
        ),
        "{en}"
    );
    assert!(en.contains(":2:"), "{en}");
    assert!(
        en.contains("hint: did you mean `door_to_door_threshold`?"),
        "{en}"
    );
    let vi = err.render(Lang::Vi);
    assert!(
        vi.contains("mục [params] của kịch bản không có `door_to_door_treshold`"),
        "{vi}"
    );
    assert!(vi.contains("gợi ý: có phải ý bạn là `door_to_door_threshold`?"));

    let err = before_err(
        "fn before_solve(district, scenario) { scenario.param(\"budget_share\"); }",
        &one(),
    );
    assert!(
        err.render(Lang::En)
            .contains("hint: add `budget_share = ...` under [params] in the scenario file"),
        "{err}"
    );
}

#[test]
fn an_unknown_team_kind_is_named_with_a_hint() {
    let err = before_err(
        "fn before_solve(district, scenario) {\n  district.min_teams(\"volunter\", 1);\n}\n",
        &one(),
    );
    let en = err.render(Lang::En);
    assert!(
        en.contains("`min_teams`: there is no team kind `volunter`"),
        "{en}"
    );
    assert!(en.contains("hint: did you mean `volunteer`?"), "{en}");
    assert_eq!(err.location.line, Some(2));
    assert_eq!(err.location.district.as_deref(), Some("Hữu Lũng"));
    let vi = err.render(Lang::Vi);
    assert!(vi.contains("không có loại tổ/đội `volunter`"), "{vi}");

    let err = before_err(
        "fn before_solve(district, scenario) { district.local_teams(\"tanks\"); }",
        &one(),
    );
    assert!(
        err.render(Lang::En)
            .contains("hint: team kinds in the scenario: `commune`, `volunteer`"),
        "{err}"
    );
    let err = before_err(
        "fn before_solve(district, scenario) { district.local_teams(\"volunteer\"); }",
        &one(),
    );
    assert!(
        err.render(Lang::En)
            .contains("`volunteer` is a provincial kind"),
        "{err}"
    );
}

#[test]
fn a_rule_that_never_ends_is_stopped_and_named() {
    let (_dir, path) = rule_file(
        "runaway",
        "fn before_solve(district, scenario) {\n    loop {}\n}\n",
    );
    let started = std::time::Instant::now();
    let err = before(std::slice::from_ref(&path), &one()).unwrap_err();
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
    let en = err.render(Lang::En);
    assert!(
        en.starts_with(&format!(
            "error: {}:2:5: district \"Hữu Lũng\": rule `runaway` ran too long in \
             `before_solve` and was stopped (over 1,000,000 steps or 1 second)",
            path.display()
        )),
        "{en}"
    );
    assert!(en.contains("hint: check the rule's `loop`"), "{en}");
    let vi = err.render(Lang::Vi);
    assert!(
        vi.contains("huyện \"Hữu Lũng\": quy tắc `runaway` chạy quá lâu"),
        "{vi}"
    );
    assert!(vi.contains("1.000.000 bước"), "{vi}");

    // Rhai does not say where a stopped rule was; the host finds the looping line itself.
    let (_dir, path) = rule_file(
        "counter",
        "fn after_solve(district, scenario) {\n    let n = 0;\n    while true {\n        n += 1;\n    }\n}\n",
    );
    let s = one();
    let rules = RuleSet::load(&[path]).unwrap();
    let plan = plan(&rules, &s, vec![vec![0, 0]]);
    let err = rules.after_solve(&s, &plan).unwrap_err();
    assert!(matches!(err.location.line, Some(3..=4)), "{err}");
    assert!(
        err.render(Lang::En).contains("district \"Hữu Lũng\""),
        "{err}"
    );
    assert!(
        err.render(Lang::En)
            .contains("rule `counter` ran too long in `after_solve`"),
        "{err}"
    );
}

#[test]
fn a_thrown_error_names_rule_district_and_line() {
    let (_dir, path) = rule_file(
        "thrower",
        "fn before_solve(district, scenario) {\n    let a = 1;\n    throw \"thiếu số liệu\";\n}\n",
    );
    let err = before(std::slice::from_ref(&path), &one()).unwrap_err();
    assert_eq!((err.location.line, err.location.column), (Some(3), Some(5)));
    assert_eq!(err.location.file.as_deref(), Some(path.as_path()));
    let vi = err.render(Lang::Vi);
    assert!(
        vi.starts_with(&format!(
            "lỗi: {}:3:5: huyện \"Hữu Lũng\": quy tắc `thrower` dừng với lỗi trong \
             `before_solve`: thiếu số liệu\n",
            path.display()
        )),
        "{vi}"
    );
    assert!(vi.contains("throw \"thiếu số liệu\";"));
    assert!(
        err.render(Lang::En)
            .contains("rule `thrower` stopped with an error in `before_solve`: thiếu số liệu"),
        "{err}"
    );
}

#[test]
fn an_error_in_a_helper_function_points_inside_it() {
    let err = before_err(
        "fn before_solve(district, scenario) {\n    helper();\n}\nfn helper() {\n    1 / 0\n}\n",
        &one(),
    );
    assert_eq!(err.location.line, Some(5), "{err}");
    assert!(
        err.render(Lang::En)
            .contains("rule `broken` failed in `before_solve`: division by zero"),
        "{err}"
    );
}

#[test]
fn eval_does_not_exist() {
    let (_dir, path) = rule_file(
        "sneaky",
        "fn before_solve(district, scenario) {\n    eval(\"district.mandate(\\\"quarantine\\\", 1)\");\n}\n",
    );
    let err = RuleSet::load(&[path]).unwrap_err();
    let en = err.render(Lang::En);
    assert!(en.contains("rule `sneaky` has a syntax error"), "{en}");
    assert_eq!(err.location.line, Some(2));
}

#[test]
fn import_does_not_exist() {
    let (_dir, path) = rule_file(
        "importer",
        "import \"other\" as other;\nfn before_solve(district, scenario) {}\n",
    );
    let err = RuleSet::load(&[path]).unwrap_err();
    assert!(err.render(Lang::En).contains("has a syntax error"), "{err}");
}

#[test]
fn plan_figures_are_refused_before_the_solve() {
    let err = before_err(
        "fn before_solve(district, scenario) {\n    let r = district.projected_rate;\n}\n",
        &one(),
    );
    let en = err.render(Lang::En);
    assert!(
        en.contains(
            "`projected_rate` is only known after the solve: use it in `fn after_solve`, not in \
             `fn before_solve`"
        ),
        "{en}"
    );
    assert_eq!(err.location.line, Some(2));
    let err = before_err(
        "fn before_solve(district, scenario) { district.teams(\"commune\"); }",
        &one(),
    );
    assert!(
        err.render(Lang::Vi)
            .contains("`teams` chỉ có sau khi lập kế hoạch"),
        "{err}"
    );
}

#[test]
fn actions_are_refused_after_the_solve() {
    let (_dir, path) = rule_file(
        "late",
        "fn after_solve(district, scenario) {\n    district.mandate(\"quarantine\", 1);\n}\n",
    );
    let s = one();
    let rules = RuleSet::load(&[path]).unwrap();
    let plan = plan(&rules, &s, vec![vec![0, 0]]);
    let err = rules.after_solve(&s, &plan).unwrap_err();
    let en = err.render(Lang::En);
    assert!(
        en.contains(
            "rule `late` (in `after_solve`): `mandate` can only be set before the solve (in `fn \
             before_solve`)"
        ),
        "{en}"
    );
    assert_eq!(err.location.line, Some(2));
}

#[test]
fn min_rate_is_refused_after_the_solve_and_outside_0_to_1() {
    let (_dir, path) = rule_file(
        "late",
        "fn after_solve(district, scenario) {\n    district.min_rate(0.35);\n}\n",
    );
    let s = one();
    let rules = RuleSet::load(&[path]).unwrap();
    let plan = plan(&rules, &s, vec![vec![0, 0]]);
    let err = rules.after_solve(&s, &plan).unwrap_err();
    assert!(
        err.render(Lang::En).contains(
            "rule `late` (in `after_solve`): `min_rate` can only be set before the solve (in `fn \
             before_solve`), not in `fn after_solve`"
        ),
        "{err}"
    );
    assert!(
        err.render(Lang::Vi).contains(
            "quy tắc `late` (trong `after_solve`): `min_rate` chỉ đặt được trước khi lập kế hoạch"
        ),
        "{err}"
    );
    assert_eq!(err.location.line, Some(2));

    let err = before_err(
        "fn before_solve(district, scenario) { district.min_rate(1.5); }",
        &s,
    );
    assert!(
        err.render(Lang::Vi)
            .contains("`min_rate`: tỷ lệ phải từ 0 đến 1 (ví dụ 0.35 là 35%), không phải 1,5"),
        "{err}"
    );
}

#[test]
fn bad_arguments_are_explained() {
    let cases = [
        (
            "district.mandate(\"quarantine\", 95)",
            "`mandate`: the share must be between 0 and 1 (0.95 is 95%), not 95",
        ),
        (
            "district.mandate(\"quarantin\", 0.9)",
            "`mandate`: no district has a cohort `quarantin`",
        ),
        (
            "district.add_installs(-5, \"a\", \"b\")",
            "`add_installs`: the installs cannot be negative (it is -5)",
        ),
        (
            "district.set_productivity(\"commune\", 0)",
            "`set_productivity`: the multiplier must be above 0",
        ),
        (
            "district.min_teams(\"commune\", 25)",
            "`min_teams`: the district has only 24 `commune` teams, it cannot require at least 25",
        ),
        (
            "district.max_teams(\"commune\", 1.5)",
            "`max_teams`: the number of teams must be a whole number, not 1.5",
        ),
        (
            "district.mandate(\"quarantine\", \"0.9\")",
            "`mandate`: the share must be a number, not a text",
        ),
        (
            "district.min_rate(35)",
            "`min_rate`: the rate must be between 0 and 1 (0.35 is 35%), not 35",
        ),
        (
            "district.min_rate(-0.1)",
            "`min_rate`: the rate must be between 0 and 1 (0.35 is 35%), not -0.1",
        ),
        (
            "district.min_rate(\"0.35\")",
            "`min_rate`: the rate must be a number, not a text",
        ),
        (
            "district.min_rat(0.35)",
            "no function `min_rat` taking (district, number)",
        ),
        (
            "district.directive(#{ action: \"  \", unit: \"y\" })",
            "`directive`: `action` cannot be empty",
        ),
        (
            "district.directive(#{ action: \"x\", unit: \"y\", priority: 0.5 })",
            "`directive`: `priority` must be a whole number, not 0.5",
        ),
        (
            "district.directive(#{ action: \"x\" })",
            "`directive`: the entry `unit` is missing",
        ),
        (
            "district.directive(#{ action: \"x\", unit: \"y\", priorty: 1 })",
            "`directive`: there is no entry `priorty`",
        ),
        (
            "district.directive(#{ action: \"x\", unit: \"y\", with_teams: true })",
            "`with_teams` only works after the solve",
        ),
        (
            "fmt_count(1, \"fr\")",
            "`fmt_count`: the language must be \"vi\" or \"en\", not \"fr\"",
        ),
        (
            "district.mandat(\"quarantine\", 0.9)",
            "no function `mandat` taking (district, text, number)",
        ),
    ];
    for (call, message) in cases {
        let err = before_err(
            &format!("fn before_solve(district, scenario) {{\n    {call};\n}}\n"),
            &one(),
        );
        let en = err.render(Lang::En);
        assert!(en.contains(message), "{call}:\n{en}");
        assert!(en.contains(":2:"), "{call}:\n{en}");
    }
    let err = before_err(
        "fn before_solve(district, scenario) { district.directive(#{ action: \"x\", unit: \"y\", priorty: 1 }); }",
        &one(),
    );
    assert!(
        err.render(Lang::En)
            .contains("hint: did you mean `priority`?")
    );
    let err = before_err(
        "fn before_solve(district, scenario) { district.mandat(\"quarantine\", 0.9); }",
        &one(),
    );
    assert!(
        err.render(Lang::En)
            .contains("hint: did you mean `mandate`?"),
        "{err}"
    );
}

#[test]
fn a_threshold_written_as_text_is_an_error_not_false() {
    let mut s = one();
    s.params.insert(
        "door_to_door_threshold".to_string(),
        Param::Text("0.30".to_string()),
    );
    let err = before(&[shipped("door-to-door")], &s).unwrap_err();
    let en = err.render(Lang::En);
    assert!(
        en.contains(
            "rule `door-to-door` (in `before_solve`): cannot compare a number with a text (`<`); \
             if the value comes from [params], write it as a number, without quotes"
        ),
        "{en}"
    );
    assert!(
        err.render(Lang::Vi)
            .contains("không thể so sánh một số với một đoạn chữ"),
        "{err}"
    );
}

#[test]
fn one_bad_district_aborts_the_whole_run() {
    let source = r#"
        fn before_solve(district, scenario) {
            if district.name == "second" { throw "no"; }
            district.add_installs(1, "a", "b");
        }
    "#;
    let (_dir, path) = rule_file("partial", source);
    let s = scenario(vec![
        district("first", 1, 10, 1),
        district("second", 1, 10, 1),
    ]);
    let err = before(&[path], &s).unwrap_err();
    assert_eq!(err.location.district.as_deref(), Some("second"));
}

#[test]
fn an_unreadable_rule_file_is_named() {
    let err = RuleSet::load(&[PathBuf::from("/nonexistent/rules/ghost.rhai")]).unwrap_err();
    let en = err.render(Lang::En);
    assert!(
        en.starts_with(
            "error: /nonexistent/rules/ghost.rhai: the rule file `ghost` was not found\nhint: check the path"
        ),
        "{en}"
    );
    let vi = err.render(Lang::Vi);
    assert!(
        vi.starts_with(
            "lỗi: /nonexistent/rules/ghost.rhai: không tìm thấy tệp quy tắc `ghost`\ngợi ý: kiểm tra đường dẫn"
        ),
        "{vi}"
    );
}

#[test]
fn no_rules_change_nothing() {
    let s = one();
    let rules = RuleSet::load(&[]).unwrap();
    assert_eq!(rules.before_solve(&s).unwrap(), vec![Effects::default()]);
}

#[test]
fn oversized_texts_lists_and_maps_are_stopped_and_named() {
    for (body, vi, en) in [
        (
            "    let s = \"x\";\n    for i in 0..20 {\n        s += s;\n    }\n",
            "đoạn chữ quá dài",
            "a text grew too long (limits: 10,000 characters",
        ),
        // (doubled: 20,000 `push`es walk the growing list 20,000 times, and the steps stop
        // that first, at about 4,500 items: trial 13f J38)
        (
            "    let a = [0];\n    for i in 0..20 {\n        a += a;\n    }\n",
            "danh sách quá dài",
            "a list grew too long",
        ),
        // Rhai does not measure a map grown by `m[key] = value`; the host does
        (
            "    let m = #{};\n    for i in 0..100000 {\n        m[\"k\" + i] = i;\n    }\n",
            "bảng có quá nhiều mục",
            "a map has too many entries",
        ),
    ] {
        let err = before_err(
            &format!("fn before_solve(district, scenario) {{\n{body}}}\n"),
            &one(),
        );
        let en_text = err.render(Lang::En);
        assert!(
            en_text.contains("district \"Hữu Lũng\": rule `broken` failed in `before_solve`"),
            "{en_text}"
        );
        assert!(en_text.contains(en), "{en_text}");
        assert!(
            err.render(Lang::Vi).contains(vi),
            "{}",
            err.render(Lang::Vi)
        );
        // the line inside the loop
        assert!(matches!(err.location.line, Some(3..=4)), "{en_text}");
    }
}

#[test]
fn deep_recursion_is_stopped_at_the_recursive_call() {
    let err = before_err(
        "fn before_solve(district, scenario) {\n    deep(1)\n}\nfn deep(n) {\n    deep(n + 1)\n}\n",
        &one(),
    );
    let en = err.render(Lang::En);
    assert!(
        en.contains("rule `broken` failed in `before_solve`: functions call each other too deeply"),
        "{en}"
    );
    assert_eq!(err.location.line, Some(5), "{en}");
}

#[test]
fn a_syntax_error_in_after_solve_is_reported_before_anything_runs() {
    let (_dir, path) = rule_file(
        "late",
        "fn before_solve(district, scenario) {\n    district.min_teams(\"commune\", 1);\n}\n\
         fn after_solve(district, scenario) {\n    let x = 1 +;\n}\n",
    );
    // loading fails: no hook of any district has run
    let err = RuleSet::load(std::slice::from_ref(&path)).unwrap_err();
    assert_eq!(err.location.line, Some(5), "{err}");
    assert!(
        err.render(Lang::En)
            .contains("rule `late` has a syntax error"),
        "{err}"
    );
}

#[test]
fn a_throw_after_the_solve_names_rule_district_and_line() {
    let (_dir, path) = rule_file(
        "late",
        "fn after_solve(district, scenario) {\n    throw \"chưa duyệt\";\n}\n",
    );
    let s = one();
    let rules = RuleSet::load(std::slice::from_ref(&path)).unwrap();
    let plan = plan(&rules, &s, vec![vec![0, 0]]);
    let err = rules.after_solve(&s, &plan).unwrap_err();
    assert_eq!((err.location.line, err.location.column), (Some(2), Some(5)));
    assert!(
        err.render(Lang::En).contains(
            "district \"Hữu Lũng\": rule `late` stopped with an error in `after_solve`: chưa duyệt"
        ),
        "{err}"
    );
}

#[test]
fn cohort_names_are_not_case_sensitive_in_mandate_either() {
    let (_dir, path) = rule_file(
        "cased",
        "fn before_solve(district, scenario) {\n    district.mandate(\"Quarantine\", 0.9);\n}\n",
    );
    let effects = before(std::slice::from_ref(&path), &one()).unwrap();
    assert_eq!(effects[0].mandates.len(), 1);
    assert_eq!(effects[0].mandates[0].cohort, "quarantine");
}
