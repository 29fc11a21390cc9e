//! Rules inside every limit (issue 13, family 3, and the rules' part of family 5): a rule that
//! loops on every district, floods a district with directives, hides an error inside a function
//! it gives `sort`, writes a control character into a directive, or reads a huge `[params]`
//! value ends in exit 1 within seconds, with a message naming the rule file, the line, the
//! district and what to do, in Vietnamese and English. The limits are in src/rules/limits.rs
//! and docs/limits.md (section "Rules").

use std::path::{Path, PathBuf};

use campaign_planner::rules::RuleSet;
use campaign_planner::text::Lang;

use crate::support::{Test, WhatIf};

/// The shipped scenario and rules, with one more rule, `rules/{name}.rhai`, run after the
/// shipped three.
fn with_rule(name: &str, source: &str) -> WhatIf {
    let what_if = WhatIf::shipped().replace(
        "  \"../rules/door-to-door.rhai\",\n",
        &format!("  \"../rules/door-to-door.rhai\",\n  \"../rules/{name}.rhai\",\n"),
    );
    std::fs::write(
        what_if.dir().join("rules").join(format!("{name}.rhai")),
        source,
    )
    .unwrap();
    what_if
}

/// `campaign plan` on `what_if` in Vietnamese and English: bad input both times (exit 1,
/// nothing on stdout); the two messages, the temporary folder written as `[what-if]`.
fn refused(what_if: &WhatIf) -> (String, String) {
    let vi = what_if.test().run().bad_input();
    let en = what_if.test().lang("en").run().bad_input();
    let (vi, en) = (what_if.redact(&vi.stderr), what_if.redact(&en.stderr));
    assert!(vi.starts_with("lỗi: "), "{vi}");
    assert!(en.starts_with("error: "), "{en}");
    (vi, en)
}

/// Where the message points: `rules/{rule}.rhai:{line}:` and the district, in both languages.
#[track_caller]
fn names_rule_line_and_district((vi, en): &(String, String), rule: &str, line: usize) {
    let at = format!("[what-if]/scenarios/../rules/{rule}.rhai:{line}:");
    assert!(vi.starts_with(&format!("lỗi: {at}")), "{vi}");
    assert!(en.starts_with(&format!("error: {at}")), "{en}");
    // the shipped scenario's first district: every rule here fails on the first it meets
    assert!(vi.contains(": huyện \"Thành phố Lạng Sơn\": "), "{vi}");
    assert!(en.contains(": district \"Thành phố Lạng Sơn\": "), "{en}");
    assert!(vi.contains(&format!("quy tắc `{rule}`")), "{vi}");
    assert!(en.contains(&format!("rule `{rule}`")), "{en}");
}

// ---------------------------------------------------------------- steps over the whole plan

/// A made-up province of `units` units whose only rule is `rules/burn.rhai` (`source`); the
/// folder lives as long as the returned guard.
fn generated(units: u32, source: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("rules")).unwrap();
    std::fs::create_dir(dir.path().join("scenarios")).unwrap();
    std::fs::write(dir.path().join("rules/burn.rhai"), source).unwrap();
    let scenario = dir.path().join("scenarios/generated.toml");
    Test::new()
        .args(["generate", "--units", &units.to_string(), "--seed", "1"])
        .args(["--rules", "../rules/burn.rhai"])
        .out(&scenario)
        .run()
        .code(0);
    (dir, scenario)
}

/// The error of the rules' `before_solve` on the scenario at `path`, run with `rules` (loaded
/// once), in both languages, the folder `dir` written as `[dir]`.
fn before_solve_error(rules: &RuleSet, path: &Path, dir: &Path) -> (String, String) {
    let scenario = campaign_planner::scenario::load(path).unwrap();
    let err = rules
        .before_solve(&scenario)
        .expect_err("the rules go over the plan's steps");
    let redact = |s: String| s.replace(&dir.display().to_string(), "[dir]");
    (redact(err.render(Lang::Vi)), redact(err.render(Lang::En)))
}

#[test]
fn a_rule_that_loops_on_every_district_is_stopped_by_the_plan_s_steps_the_same_way_twice() {
    // About 900,000 steps a call, under the call's 1,000,000: 120 units need 108,000,000, more
    // than the 100,000,000 a plan allows all its rules. Before the limit, 700 units ran for
    // minutes.
    let (dir, path) = generated(
        120,
        "fn before_solve(district, scenario) {\n    let i = 0;\n    while i < 112000 {\n        i += 1;\n    }\n}\n",
    );
    let scenario = campaign_planner::scenario::load(&path).unwrap();
    let rules = RuleSet::load(&scenario.rules).unwrap();
    let (vi, en) = before_solve_error(&rules, &path, dir.path());
    let file = "[dir]/scenarios/../rules/burn.rhai";
    // stopped inside the loop, in a district past the hundredth: the same on every run
    assert!(
        vi.starts_with(&format!("lỗi: {file}:3:")) || vi.starts_with(&format!("lỗi: {file}:4:")),
        "{vi}"
    );
    assert!(vi.contains(": huyện \"Xã 1"), "{vi}");
    assert!(
        vi.contains(
            "quy tắc `burn` bị dừng trong `before_solve`: các quy tắc đã dùng hết 100.000.000 \
             bước tính dành cho cả kế hoạch (mọi quy tắc, mọi huyện, trước và sau khi lập kế \
             hoạch); quy tắc dùng nhiều bước nhất là `burn` ("
        ),
        "{vi}"
    );
    assert!(
        vi.contains("gợi ý: quy tắc chạy lại cho từng huyện nên mỗi lần chỉ nên làm ít việc"),
        "{vi}"
    );
    assert!(
        en.contains(
            "rule `burn` was stopped in `before_solve`: the rules have used up the 100,000,000 \
             steps a plan allows them (all rules on all districts, before and after the solve); \
             the rule that took the most steps is `burn` ("
        ),
        "{en}"
    );
    assert!(
        en.contains("hint: a rule runs again for every district, so each run should do little"),
        "{en}"
    );
    // The same rules again: a new evaluation starts from nothing spent (a second run that
    // went on counting would stop at the first district), and stops where the first did.
    assert_eq!(before_solve_error(&rules, &path, dir.path()), (vi, en));
}

/// The plans of one command share one allowance (issue 13 §3, trial F22): a rule of about
/// 1,100,000 steps a plan passes alone and in a short sweep, but a sweep of 1,000 values gives
/// each plan 1,000,000, so it stops at the first value, in seconds, naming the share; before,
/// every value ran its rules in full (a rule of 2,4 s a plan made 1,000 values 45 minutes).
#[test]
fn the_plans_of_a_long_sweep_share_one_allowance_for_rules() {
    let what_if = with_rule(
        "burn",
        "fn before_solve(district, scenario) {\n    let i = 0;\n    while i < 16500 {\n        i += 1;\n    }\n}\nfn after_solve(district, scenario) {\n    let i = 0;\n    while i < 16500 {\n        i += 1;\n    }\n}\n",
    );
    what_if.test().run().plan();
    let sweep = |values: &str| {
        Test::new()
            .arg("sweep")
            .arg(what_if.path())
            .args(["--vary", &format!("team_kind.volunteer.available={values}")])
    };
    sweep("10..12:1").run().plan();
    let long = sweep("0..999:1");
    let en = long.clone().lang("en").run().bad_input();
    let en = what_if.redact(&en.stderr);
    assert!(
        en.contains(
            "the rules have used up the 1,000,000 steps a plan allows them (all rules on all \
             districts, before and after the solve); that is one plan's share of the 1,000 plans \
             of this command, whose rules may take 1,000,000,000 steps and 600 seconds of \
             processor time in all"
        ),
        "{en}"
    );
    assert!(en.contains("hint: sweep fewer values"), "{en}");
    assert!(en.contains("rules/burn.rhai:"), "{en}");
    let vi = long.run().bad_input();
    assert!(
        vi.stderr
            .contains("đây là phần của một kế hoạch trong 1.000 kế hoạch của lệnh này"),
        "{}",
        vi.stderr
    );
}

#[test]
fn a_long_loop_in_one_call_is_stopped_at_the_call_s_limit_with_its_line() {
    let what_if = with_rule(
        "forever",
        "fn after_solve(district, scenario) {\n    let n = 0;\n    while true {\n        n += 1;\n    }\n}\n",
    );
    let said = refused(&what_if);
    assert!(
        said.0.contains(
            "quy tắc `forever` chạy quá lâu trong `after_solve` nên đã bị dừng (quá 1.000.000 \
             bước tính hoặc quá 1 giây)"
        ),
        "{}",
        said.0
    );
    assert!(
        said.1
            .contains("rule `forever` ran too long in `after_solve` and was stopped"),
        "{}",
        said.1
    );
    let line = said.1[said.1.find("forever.rhai:").unwrap() + 13..]
        .split(':')
        .next()
        .unwrap()
        .parse::<usize>()
        .unwrap();
    assert!((3..=4).contains(&line), "inside the loop: {}", said.1);
}

#[test]
fn steps_spent_in_a_function_given_to_map_count_for_the_call() {
    // five calls of about 800,000 steps each: Rhai counted each afresh and let them all run
    let said = refused(&with_rule(
        "hidden-work",
        "fn before_solve(district, scenario) {\n    let a = [1, 2, 3, 4, 5];\n    let b = a.map(|x| {\n        let i = 0;\n        while i < 100000 {\n            i += 1;\n        }\n        x\n    });\n}\n",
    ));
    let (vi, en) = &said;
    assert!(
        vi.starts_with("lỗi: [what-if]/scenarios/../rules/hidden-work.rhai:"),
        "{vi}"
    );
    assert!(
        vi.contains(
            "huyện \"Thành phố Lạng Sơn\": quy tắc `hidden-work` chạy quá lâu trong \
             `before_solve` nên đã bị dừng (quá 1.000.000 bước tính hoặc quá 1 giây)"
        ),
        "{vi}"
    );
    assert!(
        en.contains(
            "district \"Thành phố Lạng Sơn\": rule `hidden-work` ran too long in \
             `before_solve` and was stopped"
        ),
        "{en}"
    );
}

/// The line and column a refusal points at (`...rhai:2:37:`), from its first line.
fn spot(said: &str) -> &str {
    let start = said.find(".rhai:").unwrap() + 6;
    let rest = &said[start..];
    let end = rest.find(": ").unwrap();
    &rest[..end]
}

#[test]
fn a_loop_that_pushes_onto_a_long_list_is_stopped_by_the_steps_at_the_first_district() {
    // Trial 13f J38: about 27,000 steps a call, but Rhai walks the whole list after each
    // `push` to check its size (and copies it at `let b = a`): 0.4 s a call, so 700 units ran
    // until the plan's 60 seconds; on Lạng Sơn it passed in 4.3 s. Each walk and copy now
    // counts a step for every 16 items, and the call's 1,000,000 steps stop it at once.
    let what_if = with_rule(
        "zz-heavy",
        "fn before_solve(d, s) {\n    let a = []; for i in 0..9000 { a.push(i); }\n    let n = 0; loop { let b = a; b.push(1); n += 1; if n > 80 { break; } }\n}\n",
    );
    let started = std::time::Instant::now();
    let said = refused(&what_if);
    names_rule_line_and_district(&said, "zz-heavy", 2);
    let (vi, en) = &said;
    assert!(
        vi.contains("chạy quá lâu trong `before_solve` nên đã bị dừng (quá 1.000.000 bước tính"),
        "{vi}"
    );
    assert!(
        en.contains("ran too long in `before_solve` and was stopped (over 1,000,000 steps"),
        "{en}"
    );
    assert!(vi.contains("tính thêm 1 bước cho mỗi 16 phần tử"), "{vi}");
    assert!(en.contains("take 1 more step for every 16 items"), "{en}");
    // stopped by steps, not time: at the same `push` in both runs
    assert_eq!(spot(vi), spot(en));
    assert!(spot(en).starts_with("2:"), "{en}");
    // both runs together, where the plan took 4.3 s before
    assert!(started.elapsed().as_secs() < 4, "{:?}", started.elapsed());
}

#[test]
fn copies_of_a_long_list_count_by_its_items_and_reading_its_items_does_not() {
    // 2,000 copies of 9,000 items (one `pad`, no loop of pushes): 1,125,000 steps, over the
    // call's 1,000,000, though the loop takes only 10,000 steps
    let said = refused(&with_rule(
        "copies",
        "fn before_solve(d, s) {\n    let a = []; a.pad(9000, 0);\n    let n = 0;\n    while n < 2000 { let b = a; n += 1; }\n}\n",
    ));
    names_rule_line_and_district(&said, "copies", 4);
    assert!(said.1.contains("over 1,000,000 steps"), "{}", said.1);
    // reading each of the 9,000 items once is 9,000 steps or so, not 9,000 walks of the list
    let what_if = with_rule(
        "reads",
        "fn before_solve(d, s) {\n    let a = []; a.pad(9000, 1);\n    let t = 0;\n    for i in 0..9000 { t += a[i]; }\n    if t != 9000 { throw \"sum\"; }\n}\n",
    );
    what_if.test().run().code(0);
}

// ---------------------------------------------------------------- directives

#[test]
fn two_thousand_directives_of_five_thousand_characters_are_refused_at_the_first() {
    // Before the limit: 1.8 GB and 656 MB of JSON.
    let said = refused(&with_rule(
        "flood",
        "fn after_solve(district, scenario) {\n    let text = \"\";\n    for i in 0..5000 {\n        text += \"x\";\n    }\n    for i in 0..2000 {\n        district.directive(#{ action: text, unit: \"UBND huyện\" });\n    }\n}\n",
    ));
    names_rule_line_and_district(&said, "flood", 7);
    let (vi, en) = &said;
    assert!(
        vi.contains(
            "quy tắc `flood` (trong `after_solve`): `directive`: mục `action` dài 5.000 ký tự, \
             tối đa 2.000"
        ),
        "{vi}"
    );
    assert!(
        vi.contains("gợi ý: viết ngắn gọn; phần chi tiết để trong văn bản kèm theo"),
        "{vi}"
    );
    assert!(
        en.contains(
            "rule `flood` (in `after_solve`): `directive`: `action` has 5,000 characters, at \
             most 2,000"
        ),
        "{en}"
    );
    assert!(
        en.contains("hint: keep it short; put the details in an attached document"),
        "{en}"
    );
}

#[test]
fn a_rule_gives_one_district_at_most_twenty_directives_a_call() {
    let said = refused(&with_rule(
        "many",
        "fn before_solve(district, scenario) {\n    for i in 0..2000 {\n        district.directive(#{ action: \"việc \" + i, unit: \"UBND huyện\" });\n    }\n}\n",
    ));
    names_rule_line_and_district(&said, "many", 3);
    let (vi, en) = &said;
    assert!(
        vi.contains(
            "`directive`: một quy tắc chỉ đưa được tối đa 20 chỉ đạo cho một huyện trong một lần \
             chạy `before_solve` hay `after_solve`"
        ),
        "{vi}"
    );
    assert!(
        vi.contains("gợi ý: gộp các chỉ đạo cùng loại thành một"),
        "{vi}"
    );
    assert!(
        en.contains(
            "`directive`: a rule may give one district at most 20 directives in one run of \
             `before_solve` or `after_solve`"
        ),
        "{en}"
    );
    assert!(
        en.contains("hint: merge directives of one kind into one"),
        "{en}"
    );
}

#[test]
fn twenty_directives_of_two_thousand_characters_each_pass_the_call_but_not_the_district() {
    // 20 × 1,900 characters, under each limit of the call, go past the district's 20,000
    // characters of directive text: the 11th directive is refused.
    let said = refused(&with_rule(
        "verbose",
        "fn after_solve(district, scenario) {\n    let text = \"\";\n    for i in 0..1900 {\n        text += \"a\";\n    }\n    for i in 0..20 {\n        district.directive(#{ action: text, unit: \"UBND\" });\n    }\n}\n",
    ));
    names_rule_line_and_district(&said, "verbose", 7);
    let (vi, en) = &said;
    assert!(
        vi.contains(
            "`directive`: các quy tắc đã đưa cho huyện này quá 20.000 ký tự nội dung chỉ đạo và \
             lý do (tính mọi quy tắc, trước và sau khi lập kế hoạch, cả tiếng Việt và tiếng Anh)"
        ),
        "{vi}"
    );
    assert!(vi.contains("gợi ý: chỉ đạo nên ngắn gọn"), "{vi}");
    assert!(
        en.contains(
            "`directive`: the rules have given this district more than 20,000 characters of \
             directive texts and reasons"
        ),
        "{en}"
    );
    assert!(en.contains("hint: keep directives short"), "{en}");
}

#[test]
fn a_rule_takes_at_most_two_hundred_actions_on_a_district_a_call() {
    let said = refused(&with_rule(
        "busy",
        "fn before_solve(district, scenario) {\n    for i in 0..100000 {\n        district.min_rate(0.1);\n    }\n}\n",
    ));
    names_rule_line_and_district(&said, "busy", 3);
    assert!(
        said.0
            .contains("`min_rate`: một quy tắc chỉ gọi được tối đa 200 lệnh"),
        "{}",
        said.0
    );
    assert!(
        said.0
            .contains("gợi ý: mỗi lệnh được ghi lại trong phần truy vết của kế hoạch"),
        "{}",
        said.0
    );
    assert!(
        said.1
            .contains("`min_rate`: a rule may call at most 200 actions"),
        "{}",
        said.1
    );
    assert!(
        said.1.contains("one call with the final value is enough"),
        "{}",
        said.1
    );
}

#[test]
fn all_rules_take_at_most_a_thousand_actions_on_one_district() {
    // six rules of 180 actions each: each call is within its 200, the sixth rule takes the
    // district past 1,000
    let rules: String = (1..=6)
        .map(|i| format!("  \"../rules/act{i}.rhai\",\n"))
        .collect();
    let what_if = WhatIf::shipped().replace(
        "  \"../rules/door-to-door.rhai\",\n",
        &format!("  \"../rules/door-to-door.rhai\",\n{rules}"),
    );
    for i in 1..=6 {
        std::fs::write(
            what_if.dir().join(format!("rules/act{i}.rhai")),
            // each its own text: a copy of a rule under another name is refused
            format!("fn before_solve(district, scenario) {{\n    for i in 0..180 {{\n        district.min_rate(0.1);\n    }}\n}}\n// act{i}\n"),
        )
        .unwrap();
    }
    let said = refused(&what_if);
    names_rule_line_and_district(&said, "act6", 3);
    assert!(
        said.0.contains(
            "`min_rate`: các quy tắc đã gọi quá 1.000 lệnh cho huyện này (tính mọi quy tắc, \
             trước và sau khi lập kế hoạch)"
        ),
        "{}",
        said.0
    );
    assert!(
        said.1.contains(
            "`min_rate`: the rules have taken more than 1,000 actions on this district (all \
             rules, before and after the solve)"
        ),
        "{}",
        said.1
    );
    assert!(
        said.1.contains("or for too many rules in `rules = [...]`"),
        "{}",
        said.1
    );
}

#[test]
fn a_call_reads_at_most_a_thousand_cohorts_each_named_in_at_most_two_hundred_characters() {
    let said = refused(&with_rule(
        "reader",
        "fn before_solve(district, scenario) {\n    for i in 0..100000 {\n        let n = district.cohort(\"c\" + i);\n    }\n}\n",
    ));
    names_rule_line_and_district(&said, "reader", 3);
    assert!(
        said.0.contains(
            "`cohort`: một lần chạy của quy tắc chỉ đọc được tối đa 1.000 giá trị khác nhau"
        ),
        "{}",
        said.0
    );
    assert!(
        said.1
            .contains("`cohort`: one run of a rule may read at most 1,000 different values"),
        "{}",
        said.1
    );
    assert!(
        said.1
            .contains("hint: look for a loop that calls `cohort` with many different names"),
        "{}",
        said.1
    );

    let said = refused(&with_rule(
        "longname",
        "fn before_solve(district, scenario) {\n    let name = \"\";\n    for i in 0..300 {\n        name += \"n\";\n    }\n    let n = district.cohort(name);\n}\n",
    ));
    names_rule_line_and_district(&said, "longname", 6);
    assert!(
        said.0
            .contains("`cohort`: tên nhóm đối tượng dài 300 ký tự, tối đa 200"),
        "{}",
        said.0
    );
    assert!(
        said.1
            .contains("`cohort`: the cohort name has 300 characters, at most 200"),
        "{}",
        said.1
    );
    // trial 13f J19: there is no `cohorts` table to point at; a cohort is a district's head
    // count, written in [[district]] or as a column of the coverage table
    assert!(
        said.0.contains(
            "gợi ý: nhóm đối tượng là số người của một nhóm trong huyện, ghi trong \
             `[[district]]` (`students = 9000`) hoặc là một cột của bảng số liệu"
        ),
        "{}",
        said.0
    );
    assert!(
        said.1.contains(
            "hint: a cohort is a district's head count, written in `[[district]]` (`students = \
             9000`) or as a column of the coverage table; the rule should name one of them, \
             e.g. \"students\""
        ),
        "{}",
        said.1
    );
    assert!(!said.1.contains("`cohorts`"), "{}", said.1);
}

// ---------------------------------------------------------------- errors inside callbacks

#[test]
fn a_throw_in_a_sort_or_dedup_comparison_stops_the_rule_at_the_throw() {
    // Rhai took an error in the comparison as "equal" and sorted on: exit 0, a wrong order.
    for (function, call) in [("sort", "list.sort"), ("dedup", "list.dedup")] {
        let name = format!("in-{function}");
        let said = refused(&with_rule(
            &name,
            &format!(
                "fn before_solve(district, scenario) {{\n    let list = [3, 1, 2];\n    {call}(|a, b| {{\n        throw \"so sánh hỏng\";\n    }});\n}}\n"
            ),
        ));
        names_rule_line_and_district(&said, &name, 4);
        assert!(
            said.0.contains(&format!(
                "quy tắc `{name}` dừng với lỗi trong `before_solve`: so sánh hỏng"
            )),
            "{}",
            said.0
        );
        assert!(
            said.1.contains(&format!(
                "rule `{name}` stopped with an error in `before_solve`: so sánh hỏng"
            )),
            "{}",
            said.1
        );
        assert!(said.1.contains(" 4 |         throw"), "{}", said.1);
    }
}

#[test]
fn a_comparison_that_gives_a_text_is_an_error_not_equal() {
    let said = refused(&with_rule(
        "text-order",
        "fn before_solve(district, scenario) {\n    let list = [3, 1, 2];\n    list.sort(|a, b| \"trước\");\n}\n",
    ));
    names_rule_line_and_district(&said, "text-order", 3);
    assert!(
        said.0.contains(
            "`sort`: hàm so sánh phải trả về một số (âm: a đứng trước, 0: bằng nhau, dương: b \
             đứng trước) hoặc true/false (true: a đứng trước), không phải một đoạn chữ"
        ),
        "{}",
        said.0
    );
    assert!(
        said.0.contains("gợi ý: ví dụ: `list.sort(|a, b|"),
        "{}",
        said.0
    );
    assert!(
        said.1.contains(
            "`sort`: the comparison must give a number (negative: a first, 0: equal, positive: \
             b first) or true/false (true: a first), not a text"
        ),
        "{}",
        said.1
    );
}

#[test]
fn a_comparison_that_works_sorts_as_rhai_does() {
    // numbers, true/false and decimals (`a.rate - b.rate`) all order the list; equal items
    // keep their order; the directive shows the result
    let what_if = with_rule(
        "ranked",
        "fn after_solve(district, scenario) {\n    let all = [#{ n: \"c\", r: 0.3 }, #{ n: \"a\", r: 0.1 }, #{ n: \"b\", r: 0.3 }, #{ n: \"d\", r: 0.2 }];\n    all.sort(|x, y| x.r - y.r);\n    let by_bool = [3, 1, 2];\n    by_bool.sort(|x, y| x < y);\n    let names = \"\";\n    for d in all {\n        names += d.n;\n    }\n    district.directive(#{ action: names + \" \" + by_bool[0] + by_bool[1] + by_bool[2], unit: \"UBND\" });\n}\n",
    );
    let out = what_if.test().format("json").run().plan();
    let plan = out.json();
    let action = plan["districts"][0]["directives"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "ranked")
        .unwrap()["action"]
        .clone();
    assert_eq!(action, "adcb 123");
}

#[test]
fn a_throw_in_a_map_filter_or_reduce_function_stops_the_rule_at_the_throw() {
    for (function, call) in [
        ("map", "let y = [1, 2].map(|a| {"),
        ("filter", "let y = [1, 2].filter(|a| {"),
        ("reduce", "let y = [1, 2].reduce(|sum, a| {"),
    ] {
        let name = format!("in-{function}");
        let close = if function == "reduce" {
            "}, 0);"
        } else {
            "});"
        };
        let said = refused(&with_rule(
            &name,
            &format!(
                "fn before_solve(district, scenario) {{\n    {call}\n        throw \"hỏng trong {function}\";\n    {close}\n}}\n"
            ),
        ));
        names_rule_line_and_district(&said, &name, 3);
        assert!(
            said.0.contains(&format!(
                "quy tắc `{name}` dừng với lỗi trong `before_solve`: hỏng trong {function}"
            )),
            "{}",
            said.0
        );
        assert!(
            said.1.contains(&format!(
                "rule `{name}` stopped with an error in `before_solve`: hỏng trong {function}"
            )),
            "{}",
            said.1
        );
    }
}

#[test]
fn a_yes_or_no_function_that_gives_something_else_stops_the_rule() {
    // Rhai took any answer other than true/false as false: `filter(|d| d.rate)` kept nothing,
    // `some` said no, `all` said no, with exit 0
    for (function, call) in [
        ("filter", "let y = [0.2, 0.4].filter(|r| r);"),
        ("some", "let y = [0.2, 0.4].some(|r| r * 2);"),
        ("all", "let y = [0.2, 0.4].all(|r| \"có\");"),
        ("retain", "let x = [1, 2]; let y = x.retain(|v, i| i);"),
        ("drain", "let x = [1, 2]; let y = x.drain(|v| ());"),
        ("index_of", "let y = [1, 2].index_of(|v| v, 1);"),
        ("find", "let y = [1, 2].find(|v| [v]);"),
        ("filter", "let y = #{ a: 1 }.filter(|k, v| v);"),
        ("drain", "let m = #{ a: 1 }; let y = m.drain(|k| this);"),
    ] {
        let name = format!("ask-{function}");
        let said = refused(&with_rule(
            &name,
            &format!("fn before_solve(district, scenario) {{\n    {call}\n}}\n"),
        ));
        names_rule_line_and_district(&said, &name, 2);
        let (vi, en) = if function == "filter" {
            (
                "`filter`: hàm lọc phải trả về true (giữ) hoặc false (bỏ), không phải ".to_string(),
                "`filter`: the function must give true (keep) or false (leave out), not "
                    .to_string(),
            )
        } else {
            (
                format!("`{function}`: hàm điều kiện phải trả về true hoặc false, không phải "),
                format!("`{function}`: the function must give true or false, not "),
            )
        };
        assert!(said.0.contains(&vi), "{}", said.0);
        assert!(said.1.contains(&en), "{}", said.1);
        assert!(said.0.contains("(|d| d.rate < 0.3)`"), "{}", said.0);
    }
}

#[test]
fn yes_or_no_functions_that_answer_true_or_false_work_as_rhai_s() {
    // the index given as a second argument, a start counted from the end when negative,
    // drain and retain giving back what they took out
    let what_if = with_rule(
        "asked",
        "fn after_solve(district, scenario) {\n    let xs = [1, 2, 3, 4];\n    let ys = [1, 2, 3, 4];\n    let zs = [1, 2, 3, 4];\n    let m = #{ a: 1, b: 2, c: 3 };\n    let n = #{ a: 1, b: 2 };\n    let parts = [\n        xs.filter(|v, i| i > 0 && v < 4),\n        xs.some(|v| v == 3),\n        xs.all(|v| v < 4),\n        xs.index_of(|v| v > 1),\n        xs.index_of(|v| v > 1, -1),\n        xs.index_of(|v| v > 9),\n        xs.find(|v| v > 2),\n        xs.find(|v| v > 2, 10),\n        ys.drain(|v| v % 2 == 0),\n        ys,\n        zs.retain(|v, i| i < 2),\n        zs,\n        m.filter(|k, v| k != \"b\" && v < 3).keys(),\n        m.drain(|k| this > 1).keys(),\n        m.keys(),\n        n.retain(|k| k == \"a\").keys(),\n        n.keys(),\n    ];\n    district.directive(#{ action: `${parts}`, unit: \"UBND\" });\n}\n",
    );
    let out = what_if.test().format("json").run().plan();
    let plan = out.json();
    let action = plan["districts"][0]["directives"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "asked")
        .unwrap()["action"]
        .clone();
    assert_eq!(
        action,
        "[[2, 3], true, false, 1, 3, -1, 3, (), [2, 4], [1, 3], [3, 4], [1, 2], [\"a\"], [\"b\", \"c\"], [\"a\"], [\"b\"], [\"a\"]]"
    );
}

// ---------------------------------------------------------------- what a rule prints

#[test]
fn a_control_character_in_an_action_is_refused_and_shown_escaped() {
    let said = refused(&with_rule(
        "escape",
        "fn after_solve(district, scenario) {\n    district.directive(#{ action: \"Họp \\x1b[2J ngay\", unit: \"UBND huyện\" });\n}\n",
    ));
    names_rule_line_and_district(&said, "escape", 2);
    let (vi, en) = &said;
    for said in [vi, en] {
        // the terminal never gets the escape itself
        assert!(!said.contains('\u{1b}'), "{said:?}");
    }
    assert!(
        vi.contains(
            "`directive`: mục `action` có một ký tự không nhìn thấy hoặc ký tự điều khiển \
             (U+001B, ký tự thứ 5 của \"Họp \\u{1b}[2J ngay\")"
        ),
        "{vi}"
    );
    assert!(
        vi.contains("gợi ý: xoá ký tự đó (nó thường lẫn vào khi sao chép từ trang web hoặc Word)"),
        "{vi}"
    );
    assert!(
        en.contains(
            "`directive`: `action` holds a character that cannot be seen or a control character \
             (U+001B, character 5 of \"Họp \\u{1b}[2J ngay\")"
        ),
        "{en}"
    );
    assert!(
        en.contains("a text may hold line breaks (\\n) and tabs (\\t) only"),
        "{en}"
    );
}

#[test]
fn an_invisible_character_in_a_unit_or_a_reason_is_refused_too() {
    let said = refused(&with_rule(
        "invisible",
        "fn after_solve(district, scenario) {\n    district.directive(#{ action: \"Họp\", unit: \"UBND\", unit_en: \"People\\u200bs Committee\" });\n}\n",
    ));
    names_rule_line_and_district(&said, "invisible", 2);
    assert!(
        said.0.contains("`directive`: mục `unit_en` có một ký tự không nhìn thấy hoặc ký tự điều khiển (U+200B, ký tự thứ 7 của \"People\\u{200b}s Committee\")"),
        "{}",
        said.0
    );
    assert!(
        said.1.contains("`directive`: `unit_en` holds a character that cannot be seen or a control character (U+200B"),
        "{}",
        said.1
    );

    let said = refused(&with_rule(
        "reason",
        "fn before_solve(district, scenario) {\n    district.add_installs(10, \"Loa\\rphường\", \"Loudspeakers\");\n}\n",
    ));
    names_rule_line_and_district(&said, "reason", 2);
    assert!(
        said.0.contains(
            "`add_installs`: lý do (tiếng Việt) có một ký tự không nhìn thấy hoặc ký tự điều \
             khiển (U+000D, ký tự thứ 4 của \"Loa\\u{d}phường\")"
        ),
        "{}",
        said.0
    );
    assert!(
        said.1
            .contains("`add_installs`: the reason (Vietnamese) holds a character"),
        "{}",
        said.1
    );
}

#[test]
fn line_breaks_and_tabs_in_a_directive_are_kept() {
    let what_if = with_rule(
        "lines",
        "fn after_solve(district, scenario) {\n    district.directive(#{ action: \"Một\\nHai\\tBa\", unit: \"UBND\" });\n}\n",
    );
    let plan = what_if.test().format("json").run().plan().json();
    let found = plan["districts"][0]["directives"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["action"] == "Một\nHai\tBa");
    assert!(found, "{}", plan["districts"][0]["directives"]);
}

#[test]
fn a_thrown_text_is_shown_with_its_control_characters_escaped_and_shortened() {
    let said = refused(&with_rule(
        "thrower",
        "fn before_solve(district, scenario) {\n    let long = \"\";\n    for i in 0..1000 {\n        long += \"z\";\n    }\n    throw \"đỏ \\x1b[31m\" + long;\n}\n",
    ));
    names_rule_line_and_district(&said, "thrower", 6);
    for said in [&said.0, &said.1] {
        assert!(!said.contains('\u{1b}'), "{said:?}");
        assert!(said.contains("đỏ \\u{1b}[31m"), "{said}");
        // 300 characters of the 1,008 thrown (8 before the z's), then "…"
        assert!(said.contains(&format!("{}…", "z".repeat(292))), "{said}");
        assert!(!said.contains(&"z".repeat(293)), "{said}");
    }
}

// ---------------------------------------------------------------- [params]

/// The shipped scenario with `line` added under `[params]`; the line it is on.
fn with_param(line: &str) -> (WhatIf, usize) {
    let what_if = WhatIf::shipped().replace("[params]\n", &format!("[params]\n{line}\n"));
    let text = std::fs::read_to_string(what_if.path()).unwrap();
    let at = text.lines().position(|l| l == line).unwrap() + 1;
    (what_if, at)
}

#[test]
fn a_params_list_longer_than_a_rule_can_hold_is_refused_where_it_is_written() {
    // 5,000,000 items took 757 MB and reached every rule call; a rule can hold 10,000.
    let items = vec!["1"; 10_001].join(", ");
    let (what_if, line) = with_param(&format!("huge = [{items}]"));
    let (vi, en) = refused(&what_if);
    let at = format!("[what-if]/scenarios/lang-son-2020-09-01.toml:{line}:8:");
    assert!(
        vi.starts_with(&format!(
            "lỗi: {at} mục `params.huge`: danh sách có 10.001 giá trị; quy tắc chỉ đọc được danh \
             sách tối đa 10.000 giá trị"
        )),
        "{vi}"
    );
    assert!(
        vi.contains("gợi ý: một tham số chỉ nên chứa điều quy tắc cần"),
        "{vi}"
    );
    assert!(
        en.starts_with(&format!(
            "error: {at} field `params.huge`: the list has 10,001 items; a rule can read a list \
             of at most 10,000"
        )),
        "{en}"
    );
    assert!(
        en.contains("hint: a parameter should hold what a rule needs"),
        "{en}"
    );

    // 10,000 is within the limit: the plan goes on
    let items = vec!["1"; 10_000].join(", ");
    let (what_if, _) = with_param(&format!("huge = [{items}]"));
    what_if.test().run().plan();
}

#[test]
fn a_params_text_longer_than_a_rule_can_hold_is_refused_in_bytes() {
    // 4,000 letters "ữ" take 3 bytes each
    let (what_if, line) = with_param(&format!("note = \"{}\"", "ữ".repeat(4_000)));
    let (vi, en) = refused(&what_if);
    let at = format!("[what-if]/scenarios/lang-son-2020-09-01.toml:{line}:8:");
    assert!(
        vi.starts_with(&format!(
            "lỗi: {at} mục `params.note`: chữ trong giá trị này dài 12.000 byte; quy tắc chỉ đọc \
             được tối đa 10.000 byte chữ trong một tham số (một chữ tiếng Việt có dấu chiếm 2 \
             hoặc 3 byte)"
        )),
        "{vi}"
    );
    assert!(
        en.starts_with(&format!(
            "error: {at} field `params.note`: the text of this value takes 12,000 bytes; a rule \
             can read at most 10,000 bytes of text in one parameter"
        )),
        "{en}"
    );
}

// ---------------------------------------------------------------- Rhai's limits, worded

#[test]
fn too_many_variables_is_said_in_the_user_s_language() {
    let lets: String = (0..1_100)
        .map(|i| format!("    let v{i} = {i};\n"))
        .collect();
    let said = refused(&with_rule(
        "variables",
        &format!("fn before_solve(district, scenario) {{\n{lets}}}\n"),
    ));
    names_rule_line_and_district(&said, "variables", 1_000);
    assert!(
        said.0
            .contains("gặp lỗi trong `before_solve`: quá nhiều biến cùng lúc (tối đa 1.000)"),
        "{}",
        said.0
    );
    assert!(!said.0.contains("Too many"), "{}", said.0);
    assert!(
        said.0
            .contains("gợi ý: dùng một danh sách `[...]` hoặc một bảng"),
        "{}",
        said.0
    );
    assert!(
        said.1
            .contains("failed in `before_solve`: too many variables at once (at most 1,000)"),
        "{}",
        said.1
    );
}

#[test]
fn too_many_functions_and_a_text_too_long_in_the_file_are_said_in_both_languages() {
    let functions: String = (0..201).map(|i| format!("fn f{i}() {{ {i} }}\n")).collect();
    let what_if = with_rule(
        "functions",
        &format!("fn before_solve(district, scenario) {{\n}}\n{functions}"),
    );
    let (vi, en) = refused(&what_if);
    assert!(
        vi.contains("quy tắc `functions` có lỗi cú pháp: tệp có quá nhiều hàm (tối đa 200)"),
        "{vi}"
    );
    assert!(!vi.contains("exceeds"), "{vi}");
    assert!(
        en.contains(
            "rule `functions` has a syntax error: the file defines too many functions (at most 200)"
        ),
        "{en}"
    );
    assert!(vi.contains("\ngợi ý: gộp các hàm giống nhau"), "{vi}");
    assert!(
        en.contains("\nhint: merge functions that do the same"),
        "{en}"
    );

    let what_if = with_rule(
        "literal",
        &format!(
            "fn before_solve(district, scenario) {{\n    let x = \"{}\";\n}}\n",
            "a".repeat(10_001)
        ),
    );
    let (vi, en) = refused(&what_if);
    assert!(
        vi.starts_with("lỗi: [what-if]/scenarios/../rules/literal.rhai:2:"),
        "{vi}"
    );
    assert!(
        vi.contains(
            "có lỗi cú pháp: đoạn chữ viết trong tệp quá dài (tối đa 10.000 byte; một chữ tiếng \
             Việt có dấu chiếm 2 hoặc 3 byte)"
        ),
        "{vi}"
    );
    assert!(
        en.contains(
            "has a syntax error: a text written in the file is too long (at most 10,000 bytes"
        ),
        "{en}"
    );
    // trial 13f J29: and what to do about it
    assert!(
        vi.contains("\ngợi ý: viết ngắn lại; một danh sách hay một đoạn chữ dài"),
        "{vi}"
    );
    assert!(
        en.contains("\nhint: write it shorter; a long list or text (district names, figures) belongs under the scenario's [params]"),
        "{en}"
    );
}

/// Issue 13: the cases of a rule test file share one allowance of steps; the case that runs
/// out of it is named, and the message speaks of the test file, not of a plan. About 1,800,000
/// steps a case (900,000 in each hook, under a call's 1,000,000): the 56th case of 60 goes
/// over the 100,000,000.
#[test]
fn a_rule_test_case_that_uses_up_the_file_s_steps_is_named() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("rules/tests")).unwrap();
    let burn = "    let i = 0;\n    while i < 112000 {\n        i += 1;\n    }\n";
    std::fs::write(
        dir.path().join("rules/burn.rhai"),
        format!(
            "fn before_solve(district, scenario) {{\n{burn}}}\nfn after_solve(district, scenario) {{\n{burn}}}\n"
        ),
    )
    .unwrap();
    let scenario = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/lang-son-2020-09-01.toml");
    let mut text = format!(
        "scenario = \"{}\"\nrules = [\"../burn.rhai\"]\n",
        scenario.display()
    );
    for i in 1..=60 {
        text.push_str(&format!(
            "\n[[case]]\nname = \"vòng {i}\"\ndistrict = \"Hữu Lũng\"\n\n[case.expect]\nmin_teams = {{}}\n"
        ));
    }
    let file = dir.path().join("rules/tests/burn.toml");
    std::fs::write(&file, text).unwrap();
    let run = |lang: &str| {
        let out = Test::new()
            .args(["rules", "test"])
            .arg(&file)
            .lang(lang)
            .run()
            .code(1);
        format!("{}{}", out.stdout, out.stderr)
    };
    let en = run("en");
    assert!(
        en.contains(
            "rule `burn` was stopped in `before_solve` in the case \"vòng 56\": the rules have \
             used up the 100,000,000 steps a rule test file allows them (all its cases together)"
        ) || en.contains(
            "rule `burn` was stopped in `after_solve` in the case \"vòng 56\": the rules have \
             used up the 100,000,000 steps a rule test file allows them (all its cases together)"
        ),
        "{en}"
    );
    assert!(!en.contains("a plan allows"), "{en}");
    assert!(en.contains("split them into several test files"), "{en}");
    let vi = run("vi");
    assert!(
        vi.contains("ở trường hợp \"vòng 56\": các quy tắc đã dùng hết 100.000.000 bước tính dành cho cả tệp kiểm thử"),
        "{vi}"
    );
}
