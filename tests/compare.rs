//! `campaign compare`: the plans of several scenarios side by side, and what differs between
//! their inputs. Every figure in the comparison is the scenario's own plan (`campaign plan`);
//! the differences come from the scenario files.

#[allow(dead_code)]
use crate::support;

use serde_json::{Value, json};

use campaign_planner::number;
use campaign_planner::text::Lang;
use support::{
    EXIT_BAD_INPUT, EXIT_INFEASIBLE, EXIT_PLAN, SHIPPED, Test, WhatIf, diagnosis, district,
    districts, f, s, teams,
};

/// `campaign compare` on these scenario files.
fn compare(scenarios: &[&std::path::Path]) -> Test {
    Test::new()
        .arg("compare")
        .args(scenarios.iter().map(|p| p.as_os_str()))
}

/// The leadership's option of the tests: target 50% instead of 40%, 20 more volunteer teams,
/// and the door-to-door push below 35% instead of 30%.
fn option() -> WhatIf {
    WhatIf::shipped()
        .set("provincial_rate", "0.50")
        .set("available", "50")
        .set("door_to_door_threshold", "0.35")
}

/// `campaign plan SCENARIO --format json`, as a value.
fn plan_json(path: &std::path::Path) -> Value {
    let out = Test::plan(path).format("json").run();
    assert!(
        out.code == EXIT_PLAN || out.code == EXIT_INFEASIBLE,
        "{}",
        out.stderr
    );
    out.json()
}

/// The lines of the section of `text` under `heading` (up to the next blank line after its
/// table).
fn section<'a>(text: &'a str, heading: &str) -> Vec<&'a str> {
    let start = text
        .lines()
        .position(|l| l == heading)
        .unwrap_or_else(|| panic!("no section `{heading}` in\n{text}"));
    text.lines()
        .skip(start + 1)
        .take_while(|l| !l.is_empty())
        .collect()
}

/// The cells of the table row of `name` in a section: name first, then one per scenario.
fn row(lines: &[&str], name: &str) -> Vec<String> {
    let line = lines
        .iter()
        .find(|l| {
            l.trim_start_matches('│')
                .trim()
                .starts_with(&format!("{name} "))
        })
        .unwrap_or_else(|| panic!("no row `{name}` in\n{}", lines.join("\n")));
    line.trim_matches('│')
        .split('┆')
        .map(|c| c.trim().to_string())
        .collect()
}

#[test]
fn each_scenario_in_the_json_is_its_own_plan_and_the_differences_are_the_edits() {
    let option = option();
    let shipped = std::path::Path::new(SHIPPED);
    let out = compare(&[shipped, &option.path()])
        .format("json")
        .run()
        .plan();
    let comparison = out.json();
    let scenarios = comparison["scenarios"].as_array().unwrap();
    assert_eq!(scenarios.len(), 2);
    assert_eq!(scenarios[0], plan_json(shipped));
    assert_eq!(scenarios[1], plan_json(&option.path()));
    assert_eq!(
        comparison["differences"],
        json!([
            { "key": "target.provincial_rate", "values": [0.4, 0.5] },
            { "key": "params.door_to_door_threshold", "values": [0.3, 0.35] },
            { "key": "team_kind.volunteer.available", "values": [30, 50] },
        ])
    );
    let keys: Vec<&str> = comparison
        .as_object()
        .unwrap()
        .keys()
        .map(|k| k.as_str())
        .collect();
    assert_eq!(keys, ["scenarios", "differences"]);
}

#[test]
fn every_district_figure_in_the_text_is_the_plans() {
    let option = option();
    let shipped = std::path::Path::new(SHIPPED);
    let plans = [plan_json(shipped), plan_json(&option.path())];
    for lang in [Lang::Vi, Lang::En] {
        let code = match lang {
            Lang::Vi => "vi",
            Lang::En => "en",
        };
        let text = compare(&[shipped, &option.path()])
            .lang(code)
            .run()
            .plan()
            .stdout;
        let (volunteers, rates, costs) = match lang {
            Lang::Vi => (
                "THEO HUYỆN: SỐ ĐỘI TÌNH NGUYỆN",
                "THEO HUYỆN: TỶ LỆ DỰ KIẾN SAU CHIẾN DỊCH",
                "THEO HUYỆN: CHI PHÍ (ĐỒNG)",
            ),
            Lang::En => (
                "BY DISTRICT: VOLUNTEER TEAMS",
                "BY DISTRICT: PROJECTED RATE",
                "BY DISTRICT: COST (VND)",
            ),
        };
        let (volunteers, rates, costs) = (
            section(&text, volunteers),
            section(&text, rates),
            section(&text, costs),
        );
        for d in districts(&plans[0]) {
            let name = s(&d["name"]);
            for (i, plan) in plans.iter().enumerate() {
                let d = district(plan, name);
                let cell = |lines: &[&str]| row(lines, name)[i + 1].clone();
                let rate = number::percent(lang, f(&d["projected_rate"]));
                assert!(
                    cell(&rates).starts_with(&rate),
                    "{name}: {rate} in {}",
                    cell(&rates)
                );
                let n = teams(d, "volunteer").to_string();
                assert!(
                    cell(&volunteers).split(' ').next() == Some(n.as_str()),
                    "{name}"
                );
                let cost = number::count(lang, f(&d["cost"]));
                assert!(cell(&costs).starts_with(&cost), "{name}: {cost}");
            }
        }
        // The example of the brief: Hữu Lũng's projected rate in both, and its change.
        let huu_lung = row(&rates, "Hữu Lũng");
        let (a, b) = (
            f(&district(&plans[0], "Hữu Lũng")["projected_rate"]),
            f(&district(&plans[1], "Hữu Lũng")["projected_rate"]),
        );
        assert_eq!(huu_lung[1], number::percent(lang, a));
        let points = ((b * 10_000.0).round() - (a * 10_000.0).round()) / 100.0;
        assert_eq!(
            huu_lung[2],
            format!(
                "{} (+{})",
                number::percent(lang, b),
                number::decimal(lang, points, 2)
            )
        );
    }
}

#[test]
fn three_scenarios_with_one_infeasible_are_still_compared_and_exit_2() {
    let option = option();
    let floor = WhatIf::shipped().set("district_floor", "0.60");
    let shipped = std::path::Path::new(SHIPPED);
    let paths = [shipped, &option.path(), &floor.path()];
    let infeasible = plan_json(&floor.path());
    assert_eq!(infeasible["status"], "infeasible");

    let text = compare(&paths).run().code(EXIT_INFEASIBLE);
    assert_eq!(text.stderr, "");
    let province = section(&text.stdout, "TOÀN TỈNH");
    assert_eq!(
        row(&province, "Kết quả tính toán")[1..],
        ["Phương án tối ưu", "Phương án tối ưu", "KHÔNG KHẢ THI"]
    );
    assert_eq!(
        row(&province, "Mức tối thiểu mỗi huyện")[1..],
        ["không đặt", "không đặt", "60%"]
    );
    let why = section(&text.stdout, "Vì sao kịch bản C không khả thi:");
    assert_eq!(why, [format!("  - {}", diagnosis(&infeasible)[0])]);
    // A district short of its floor is marked, and the mark explained below the table.
    let rates = section(&text.stdout, "THEO HUYỆN: TỶ LỆ DỰ KIẾN SAU CHIẾN DỊCH");
    let rate = f(&district(&infeasible, "Hữu Lũng")["projected_rate"]);
    assert!(rate < 0.60);
    assert_eq!(
        row(&rates, "Hữu Lũng")[3],
        format!("{} *", number::percent(Lang::Vi, rate))
    );
    assert_eq!(rates.last(), Some(&"* dưới mức tối thiểu của huyện"));
    assert!(!row(&rates, "Hữu Lũng")[1].ends_with('*'), "A has no floor");

    let json = compare(&paths)
        .format("json")
        .run()
        .code(EXIT_INFEASIBLE)
        .json();
    assert_eq!(json["scenarios"][2], infeasible);
    assert_eq!(
        json["differences"][1],
        json!({ "key": "target.district_floor", "values": [null, null, 0.6] })
    );

    let en = compare(&paths)
        .lang("en")
        .run()
        .code(EXIT_INFEASIBLE)
        .stdout;
    let why = section(&en, "Why scenario C cannot be met:");
    assert_eq!(
        why,
        [format!("  - {}", diagnosis(&plan_json_en(&floor))[0])]
    );
}

fn plan_json_en(what_if: &WhatIf) -> Value {
    Test::plan(what_if.path())
        .format("json")
        .lang("en")
        .run()
        .code(EXIT_INFEASIBLE)
        .json()
}

#[test]
fn a_scenario_that_does_not_load_is_named_and_nothing_is_printed() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "name = \"x\"\n").unwrap();
    let shipped = std::path::Path::new(SHIPPED);
    let out = compare(&[shipped, &bad]).run().bad_input();
    assert_eq!(
        out.stderr,
        format!(
            "lỗi: {0}: thiếu khóa `as_of`\ngợi ý: thêm một dòng như: as_of = 2020-09-01\n\
             không so sánh được: kịch bản B ({0}) có lỗi ở trên; sửa rồi chạy lại\n",
            bad.display()
        )
    );
    let out = compare(&[shipped, &bad])
        .lang("en")
        .format("json")
        .run()
        .bad_input();
    assert!(
        out.stderr
            .starts_with(&format!("error: {}: ", bad.display()))
    );
    assert!(out.stderr.ends_with(&format!(
        "nothing compared: scenario B ({}) has the error above; fix it and run again\n",
        bad.display()
    )));
}

#[test]
fn a_broken_rule_names_its_file_and_its_scenario() {
    let broken =
        WhatIf::shipped().edit_rule("door-to-door", "fn before_solve(", "fn before_solve( {");
    // as the scenario names it: `../rules/door-to-door.rhai` from its folder
    let rule = broken
        .dir()
        .join("scenarios")
        .join("..")
        .join("rules")
        .join("door-to-door.rhai");
    let shipped = std::path::Path::new(SHIPPED);
    let out = compare(&[&broken.path(), shipped]).run().bad_input();
    assert!(
        out.stderr.starts_with(&format!("lỗi: {}:", rule.display())),
        "{}",
        out.stderr
    );
    assert!(out.stderr.ends_with(&format!(
        "không so sánh được: kịch bản A ({}) có lỗi ở trên; sửa rồi chạy lại\n",
        broken.path().display()
    )));
}

#[test]
fn every_kind_of_input_difference_is_listed_in_file_order() {
    let shipped = std::path::Path::new(SHIPPED);
    let other = WhatIf::shipped()
        .set("objective", "\"min-cost\"")
        .set("budget", "600_000_000")
        .set("reachable_share", "0.7")
        .replace("cost_per_team_day = 150_000", "cost_per_team_day = 100_000")
        .replace("installed = 18_019", "installed = 19_000")
        .replace("quarantine = 40\n", "")
        .replace("  \"../rules/door-to-door.rhai\",\n", "")
        .edit_rule(
            "communication",
            "fn before_solve(",
            "// edited\nfn before_solve(",
        );
    let json = compare(&[shipped, &other.path()])
        .format("json")
        .run()
        .plan()
        .json();
    let keys: Vec<&str> = json["differences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["key"].as_str().unwrap())
        .collect();
    assert_eq!(
        keys,
        [
            "objective",
            "rules",
            "rule_file.communication",
            "budget",
            "response.reachable_share",
            "team_kind.commune.cost_per_team_day",
            "district.Hữu Lũng.installed",
            "district.Lộc Bình.quarantine",
        ]
    );
    let values = |key: &str| {
        json["differences"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["key"] == key)
            .unwrap()["values"]
            .clone()
    };
    assert_eq!(values("objective"), json!(["max-installs", "min-cost"]));
    assert_eq!(
        values("rules"),
        json!([
            ["communication", "mandatory-cohorts", "door-to-door"],
            ["communication", "mandatory-cohorts"]
        ])
    );
    assert_eq!(values("budget"), json!([null, 600_000_000.0]));
    assert_eq!(
        values("district.Hữu Lũng.installed"),
        json!([18_019, 19_000])
    );
    assert_eq!(values("district.Lộc Bình.quarantine"), json!([40, null]));

    let text = compare(&[shipped, &other.path()]).run().plan().stdout;
    let inputs = section(&text, "ĐẦU VÀO KHÁC NHAU GIỮA CÁC KỊCH BẢN");
    assert_eq!(
        row(&inputs, "Mục đích phân bổ")[2..],
        [
            "nhiều lượt cài nhất",
            "chi phí thấp nhất mà vẫn đạt mục tiêu toàn tỉnh"
        ]
    );
    assert_eq!(
        row(&inputs, "Ngân sách")[2..],
        ["không giới hạn", "600.000.000 đ"]
    );
    assert_eq!(
        row(&inputs, "Quy tắc (theo thứ tự chạy)")[2..],
        [
            "communication, mandatory-cohorts, door-to-door",
            "communication, mandatory-cohorts"
        ]
    );
    assert_eq!(
        row(&inputs, "Hữu Lũng: đã cài")[1..],
        ["district.Hữu Lũng.installed", "18.019", "19.000"]
    );
    assert_eq!(
        row(&inputs, "Lộc Bình: số người cách ly")[2..],
        ["40", "(không có)"]
    );
    assert_eq!(
        row(&inputs, "Tổ xã: chi phí mỗi đội mỗi ngày")[2..],
        ["150.000 đ", "100.000 đ"]
    );
}

#[test]
fn the_same_inputs_are_said_to_be_the_same() {
    let shipped = std::path::Path::new(SHIPPED);
    let copy = WhatIf::shipped();
    let out = compare(&[shipped, &copy.path()]).run().plan().stdout;
    assert!(out.ends_with("ĐẦU VÀO KHÁC NHAU GIỮA CÁC KỊCH BẢN\nCác kịch bản có cùng đầu vào.\n"));
    let json = compare(&[shipped, &copy.path()])
        .format("json")
        .run()
        .plan()
        .json();
    assert_eq!(json["differences"], json!([]));
}

#[test]
fn the_same_input_prints_the_same_bytes() {
    let option = option();
    let shipped = std::path::Path::new(SHIPPED);
    for format in ["text", "json", "markdown"] {
        let first = compare(&[shipped, &option.path()])
            .format(format)
            .run()
            .plan();
        let again = compare(&[shipped, &option.path()])
            .format(format)
            .run()
            .plan();
        assert_eq!(first.stdout, again.stdout, "{format}");
    }
}

#[test]
fn vietnamese_is_the_default_and_english_is_asked_for() {
    let option = option();
    let shipped = std::path::Path::new(SHIPPED);
    let default = compare(&[shipped, &option.path()]).run().plan().stdout;
    let vi = compare(&[shipped, &option.path()])
        .lang("vi")
        .run()
        .plan()
        .stdout;
    let en = compare(&[shipped, &option.path()])
        .lang("en")
        .run()
        .plan()
        .stdout;
    assert_eq!(default, vi);
    assert!(vi.starts_with("SO SÁNH CÁC KỊCH BẢN\n  Kịch bản A: Lạng Sơn, 2020-09-01 (tệp "));
    assert!(en.starts_with("COMPARING SCENARIOS\n  Scenario A: Lạng Sơn, 2020-09-01 (file "));
    let province = section(&vi, "TOÀN TỈNH");
    assert_eq!(
        row(&province, "Tổng chi phí")[1..],
        ["546.000.000 đ", "630.000.000 đ (+84.000.000)"]
    );
    let province = section(&en, "PROVINCE");
    assert_eq!(
        row(&province, "Total cost")[1..],
        ["546,000,000 VND", "630,000,000 VND (+84,000,000)"]
    );
    assert_eq!(row(&province, "Volunteer teams")[1..], ["30", "50 (+20)"]);
    assert_eq!(
        row(&province, "Provincial target")[1..],
        ["40% — reached", "50% — not reached"]
    );
    for word in ["Kịch bản", "huyện", "đ "] {
        assert!(!en.contains(word), "`{word}` in the English comparison");
    }
}

#[test]
fn the_markdown_comparison_has_headings_lists_and_whole_tables() {
    let option = option();
    let shipped = std::path::Path::new(SHIPPED);
    let md = compare(&[shipped, &option.path()])
        .format("markdown")
        .run()
        .plan()
        .stdout;
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with('#')).collect();
    assert_eq!(
        headings,
        [
            "# So sánh các kịch bản",
            "## Toàn tỉnh",
            "## Theo huyện",
            "### Số tổ xã",
            "### Số đội tình nguyện",
            "### Tỷ lệ dự kiến sau chiến dịch",
            "### Chi phí (đồng)",
            "## Đầu vào khác nhau giữa các kịch bản",
        ]
    );
    assert!(md.contains("\n- Kịch bản A: Lạng Sơn, 2020-09-01 (tệp "));
    // Every table: a header, a rule row with one cell per column, rows of as many cells.
    let lines: Vec<&str> = md.lines().collect();
    let mut tables = 0;
    for (i, line) in lines.iter().enumerate() {
        if line.starts_with("| ---") {
            tables += 1;
            let columns = line.matches('|').count();
            assert_eq!(
                lines[i - 1].matches('|').count(),
                columns,
                "{}",
                lines[i - 1]
            );
            for row in lines[i + 1..].iter().take_while(|l| l.starts_with('|')) {
                assert_eq!(row.matches('|').count(), columns, "{row}");
            }
        }
    }
    assert_eq!(tables, 6, "province, four district measures, inputs");
    assert!(md.contains("\n| **TỔNG** | **30** | **50 (+20)** |\n"));
    assert!(md.contains("\n| Hữu Lũng | 7 | 11 (+4) |\n"), "{md}");
}

#[test]
fn out_writes_the_comparison_to_a_file() {
    let option = option();
    let floor = WhatIf::shipped().set("district_floor", "0.60");
    let shipped = std::path::Path::new(SHIPPED);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("so-sanh.md");
    let printed = compare(&[shipped, &option.path(), &floor.path()])
        .format("markdown")
        .run()
        .code(EXIT_INFEASIBLE)
        .stdout;
    let out = compare(&[shipped, &option.path(), &floor.path()])
        .format("markdown")
        .out(&file)
        .run()
        .code(EXIT_INFEASIBLE);
    assert_eq!(out.stdout, "");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), printed);
}

#[test]
fn one_scenario_is_not_a_comparison() {
    let out = compare(&[std::path::Path::new(SHIPPED)]).run();
    assert_eq!(out.code, EXIT_BAD_INPUT);
    assert!(out.stderr.contains("2 values required"), "{}", out.stderr);
}

/// The text comparison of the shipped scenario and the option, as a golden file.
#[test]
fn the_text_comparison_of_two_scenarios() {
    let option = option();
    let shipped = std::path::Path::new(SHIPPED);
    let test = compare(&[shipped, &option.path()]);
    let out = test.run().plan();
    let redact = |text: &str| {
        option
            .redact(text)
            .replace(SHIPPED, "scenarios/lang-son-2020-09-01.toml")
    };
    insta::with_settings!({ description => redact(&test.command_line()), omit_expression => true }, {
        insta::assert_snapshot!("compare_text_vi", redact(&out.stdout));
    });
    let test = test.lang("en");
    let out = test.run().plan();
    insta::with_settings!({ description => redact(&test.command_line()), omit_expression => true }, {
        insta::assert_snapshot!("compare_text_en", redact(&out.stdout));
    });
}

/// Every `$ campaign compare ...` block of docs/compare.md is real output (the whole output or
/// an excerpt of it), with the doc's example scenarios made as the doc describes them.
#[test]
fn the_examples_in_docs_compare_md_are_real_output() {
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/compare.md")).unwrap();
    let target_50 = WhatIf::shipped()
        .replace(
            "name = \"Lạng Sơn, 2020-09-01\"",
            "name = \"Lạng Sơn, mục tiêu 50%\"",
        )
        .set("provincial_rate", "0.50")
        .set("available", "50");
    let floor_45 = WhatIf::shipped()
        .replace(
            "name = \"Lạng Sơn, 2020-09-01\"",
            "name = \"Lạng Sơn, mỗi huyện 45%\"",
        )
        .set("district_floor", "0.45");
    let copies = [
        ("scenarios/muc-tieu-50.toml", &target_50),
        ("scenarios/san-45.toml", &floor_45),
    ];
    let mut files = Vec::new();
    for (name, what_if) in copies {
        let file = what_if.dir().join(name);
        std::fs::copy(what_if.path(), &file).unwrap();
        files.push((name, file));
    }

    let mut checked = 0;
    let mut lines = doc.lines();
    while let Some(line) = lines.next() {
        let Some(command) = lines
            .clone()
            .next()
            .filter(|_| line == "```text" || line == "```json")
            .and_then(|l| l.strip_prefix("$ campaign "))
        else {
            continue;
        };
        lines.next();
        let shown: Vec<&str> = lines.by_ref().take_while(|l| *l != "```").collect();
        let shown = shown.join("\n");
        let args = command.split(' ').map(|arg| {
            if arg == "scenarios/lang-son-2020-09-01.toml" {
                return SHIPPED.to_string();
            }
            match files.iter().find(|(name, _)| *name == arg) {
                Some((_, file)) => file.display().to_string(),
                None => arg.to_string(),
            }
        });
        let out = Test::new().args(args).run();
        let mut printed = out
            .stdout
            .replace(SHIPPED, "scenarios/lang-son-2020-09-01.toml");
        for (name, file) in &files {
            printed = printed.replace(&file.display().to_string(), name);
        }
        assert!(
            printed.contains(&shown),
            "docs/compare.md shows for `{command}`:\n{shown}\n\nbut it prints:\n{printed}"
        );
        checked += 1;
    }
    assert_eq!(checked, 5, "the examples of docs/compare.md");
}

#[test]
fn coverage_history_is_an_input_difference() {
    let shipped = std::path::Path::new(SHIPPED);
    let history = shipped.with_file_name("history-2020-09-01.toml");
    let out = compare(&[shipped, &history]).format("json").run().plan();
    assert_eq!(
        out.json()["differences"],
        json!([{ "key": "history", "values": [[], ["2020-08-18", "2020-08-25"]] }])
    );
}
