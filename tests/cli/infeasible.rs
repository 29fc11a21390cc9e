//! Scenarios that cannot be met: exit 2, the plan (best reachable) still printed, and a
//! diagnosis in words that says what is missing (src/report/diagnosis.rs), in both languages.
//! Each shortage the diagnosis names is checked as a fix on its own.

use serde_json::Value;

use super::contract::{check_figures, check_keys};
use crate::support::{EXIT_INFEASIBLE, WhatIf, allocation, arr, diagnosis, districts, f, s, u};

/// Runs `what_if` in JSON (vi and en) and in text and Markdown: every run exits 2 and prints
/// the plan. Returns the Vietnamese and English JSON plans.
fn infeasible(what_if: &WhatIf) -> (Value, Value) {
    for format in ["text", "markdown"] {
        let vi = what_if.test().format(format).run().code(EXIT_INFEASIBLE);
        assert!(
            vi.stdout.contains("KHÔNG KHẢ THI"),
            "{format}:\n{}",
            vi.stdout
        );
        assert!(vi.stdout.contains("Vì sao không khả thi"), "{}", vi.stdout);
        assert!(
            vi.stdout.contains("Hữu Lũng"),
            "the district table is printed"
        );
        assert_eq!(vi.stderr, "");
        let en = what_if
            .test()
            .format(format)
            .lang("en")
            .run()
            .code(EXIT_INFEASIBLE);
        assert!(en.stdout.contains("INFEASIBLE"), "{format}:\n{}", en.stdout);
        assert!(en.stdout.contains("Why it cannot be met"), "{}", en.stdout);
    }
    let vi = what_if
        .test()
        .format("json")
        .run()
        .code(EXIT_INFEASIBLE)
        .json();
    let en = what_if
        .test()
        .format("json")
        .lang("en")
        .run()
        .code(EXIT_INFEASIBLE)
        .json();
    for plan in [&vi, &en] {
        assert_eq!(plan["status"], "infeasible");
        check_keys(plan);
        check_figures(plan);
    }
    (vi, en)
}

/// The diagnosis sentences also appear in the human outputs.
fn printed_in_text(what_if: &WhatIf, vi: &[String], en: &[String]) {
    let text_vi = what_if.test().run().stdout;
    let text_en = what_if.test().lang("en").run().stdout;
    for sentence in vi {
        assert!(text_vi.contains(sentence.as_str()), "{sentence}\n{text_vi}");
    }
    for sentence in en {
        assert!(text_en.contains(sentence.as_str()), "{sentence}\n{text_en}");
    }
}

/// The fewest volunteer teams that give every district the floor φ, from the JSON alone: each
/// district's least effort −P·ln(1 − need/P), less what all its commune teams give, in
/// volunteer teams (at least its minimum).
fn volunteers_for_floor(plan: &Value, floor: f64) -> u64 {
    let horizon = u(&plan["horizon_days"]) as f64;
    let kinds = arr(&plan["team_kinds"]);
    let rate = |name: &str| {
        let k = kinds.iter().find(|k| k["name"] == name).unwrap();
        horizon * f(&k["installs_per_team_day"])
    };
    districts(plan)
        .iter()
        .map(|d| {
            let base =
                u(&d["installed"]) as f64 + f(&d["mandated_installs"]) + f(&d["fixed_installs"]);
            let need = floor * u(&d["smartphones"]) as f64 - base;
            let pool = f(&d["pool"]);
            assert!(need < pool, "{}: the pool allows the floor", d["name"]);
            let effort = if need > 0.0 {
                -pool * (-need / pool).ln_1p()
            } else {
                0.0
            };
            let commune = allocation(d, "commune");
            let by_communes =
                rate("commune") * f(&commune["productivity"]) * u(&commune["max_teams"]) as f64;
            let volunteer = allocation(d, "volunteer");
            let per_team = rate("volunteer") * f(&volunteer["productivity"]);
            let teams = ((effort - by_communes).max(0.0) / per_team - 1e-9).ceil() as u64;
            teams.max(u(&volunteer["min_teams"]))
        })
        .sum()
}

#[test]
fn a_district_floor_beyond_the_volunteer_teams_says_how_many_more_are_needed() {
    let what_if = WhatIf::shipped().set("district_floor", "0.60");
    let (vi, en) = infeasible(&what_if);
    let more = volunteers_for_floor(&vi, 0.60) - 30;
    assert_eq!(
        diagnosis(&vi),
        [format!(
            "Cần thêm {more} đội tình nguyện để mọi huyện đạt mức tối thiểu"
        )]
    );
    assert_eq!(
        diagnosis(&en),
        [format!(
            "{more} more volunteer teams are needed to bring every district up to the minimum"
        )]
    );
    printed_in_text(&what_if, &diagnosis(&vi), &diagnosis(&en));
    // The finding is a fix on its own: that many more teams, and the floor is met.
    let enough = what_if.clone_with("available", &(30 + more).to_string());
    let plan = enough.test().format("json").run().plan().json();
    check_figures(&plan);
    let one_short = what_if.clone_with("available", &(30 + more - 1).to_string());
    one_short.test().run().code(EXIT_INFEASIBLE);
}

#[test]
fn a_district_floor_beyond_a_districts_reachable_pool_names_the_district() {
    let what_if = WhatIf::shipped().set("district_floor", "0.86");
    let (vi, en) = infeasible(&what_if);
    // From the JSON: the districts whose whole reachable pool stays under 86%.
    let limited: Vec<&str> = districts(&vi)
        .iter()
        .filter(|d| {
            let base =
                u(&d["installed"]) as f64 + f(&d["mandated_installs"]) + f(&d["fixed_installs"]);
            (base + f(&d["pool"])) / (u(&d["smartphones"]) as f64) < 0.86
        })
        .map(|d| s(&d["name"]))
        .collect();
    assert!(limited.contains(&"Hữu Lũng"), "{limited:?}");
    assert!(
        !limited.contains(&"Cao Lộc"),
        "Cao Lộc can reach 86.3%: {limited:?}"
    );
    let (vi, en) = (diagnosis(&vi), diagnosis(&en));
    assert_eq!(
        vi.len(),
        limited.len(),
        "one sentence per district: {vi:#?}"
    );
    for ((name, vi), en) in limited.iter().zip(&vi).zip(&en) {
        assert!(
            vi.starts_with(&format!("{name} không thể đạt 86%: kể cả với toàn bộ ")),
            "{vi}"
        );
        assert!(
            vi.contains("; giới hạn là số người còn có thể vận động (tối đa ")
                && vi.ends_with("% dù có bao nhiêu đội)"),
            "{vi}"
        );
        assert!(
            en.starts_with(&format!("{name} cannot reach 86%: even with all ")),
            "{en}"
        );
        assert!(
            en.contains("; the reachable pool is the limit (at most ")
                && en.ends_with("%, however many teams)"),
            "{en}"
        );
    }
    assert!(
        vi[0].contains("24 tổ xã và 30 đội tình nguyện"),
        "{}",
        vi[0]
    );
    assert!(
        en[0].contains("all 24 commune teams and all 30 volunteer teams"),
        "{}",
        en[0]
    );
    printed_in_text(&what_if, &vi, &en);
}

#[test]
fn a_min_cost_target_beyond_the_volunteer_teams_says_how_many_more_are_needed() {
    let what_if = WhatIf::shipped()
        .set("objective", "\"min-cost\"")
        .set("provincial_rate", "0.60");
    let (vi, en) = infeasible(&what_if);
    assert_eq!(vi["province"]["target_reached"], false);
    assert_eq!(vi["findings"][0]["finding"], "target_teams_short");
    let more = u(&vi["findings"][0]["more"]);
    assert_eq!(
        diagnosis(&vi),
        [format!(
            "Cần thêm {more} đội tình nguyện để toàn tỉnh đạt mục tiêu"
        )]
    );
    assert_eq!(
        diagnosis(&en),
        [format!(
            "{more} more volunteer teams are needed to reach the provincial target"
        )]
    );
    printed_in_text(&what_if, &diagnosis(&vi), &diagnosis(&en));
    // The finding is a fix on its own, and the least one.
    let enough = what_if.clone_with("available", &(30 + more).to_string());
    let plan = enough.test().format("json").run().plan().json();
    assert_eq!(plan["province"]["target_reached"], true);
    check_figures(&plan);
    let one_short = what_if.clone_with("available", &(30 + more - 1).to_string());
    one_short.test().run().code(EXIT_INFEASIBLE);
}

#[test]
fn a_min_cost_target_beyond_the_reachable_pool_is_unreachable() {
    let what_if = WhatIf::shipped()
        .set("objective", "\"min-cost\"")
        .set("provincial_rate", "0.90");
    let (vi, en) = infeasible(&what_if);
    let reachable: f64 = districts(&vi)
        .iter()
        .map(|d| {
            u(&d["installed"]) as f64
                + f(&d["mandated_installs"])
                + f(&d["fixed_installs"])
                + f(&d["pool"])
        })
        .sum::<f64>()
        / u(&vi["province"]["smartphones"]) as f64;
    assert!(
        reachable < 0.90,
        "the whole reachable pool gives {reachable}"
    );
    let (vi, en) = (diagnosis(&vi), diagnosis(&en));
    assert_eq!(vi.len(), 1, "{vi:?}");
    assert!(
        vi[0].starts_with("Toàn tỉnh không thể đạt 90%"),
        "{}",
        vi[0]
    );
    assert!(
        vi[0].ends_with("giới hạn là số người còn có thể vận động"),
        "{}",
        vi[0]
    );
    assert!(
        en[0].starts_with("The province cannot reach 90%"),
        "{}",
        en[0]
    );
    assert!(
        en[0].ends_with("the reachable pool is the limit"),
        "{}",
        en[0]
    );
    printed_in_text(&what_if, &vi, &en);
}

#[test]
fn a_budget_below_the_rules_minimums_says_how_much_is_missing() {
    let budget = 300_000_000.0;
    let what_if = WhatIf::shipped().set("budget", "300_000_000");
    let (vi, en) = infeasible(&what_if);
    // What the door-to-door minimums cost, from the JSON: H · Σ c_k · min_teams.
    let horizon = u(&vi["horizon_days"]) as f64;
    let least: f64 = districts(&vi)
        .iter()
        .flat_map(|d| arr(&d["allocation"]))
        .map(|a| {
            let kind = arr(&vi["team_kinds"])
                .iter()
                .find(|k| k["name"] == a["kind"])
                .unwrap();
            horizon * f(&kind["cost_per_team_day"]) * u(&a["min_teams"]) as f64
        })
        .sum();
    assert_eq!(least - budget, 65_400_000.0);
    // the cause, not only the shortfall: the rule, its teams, their cost, the least budget
    // (trial 13f J4)
    assert_eq!(
        diagnosis(&vi),
        [
            "Quy tắc `door-to-door` yêu cầu ít nhất 158 tổ xã và 8 đội tình nguyện ở 8 huyện, chi phí 365.400.000 đ trong 14 ngày, nhưng ngân sách chỉ có 300.000.000 đ: tăng ngân sách lên ít nhất 365.400.000 đ, hoặc sửa quy tắc"
        ]
    );
    assert_eq!(
        diagnosis(&en),
        [
            "The rule `door-to-door` asks for at least 158 commune teams and 8 volunteer teams in 8 districts, which cost 365,400,000 VND over 14 days, but the budget is 300,000,000 VND: raise the budget to at least 365,400,000 VND, or change the rule"
        ]
    );
    let finding = &en["findings"][0];
    assert_eq!(f(&finding["more"]), least - budget);
    assert_eq!(f(&finding["minimums"]["cost"]), least);
    printed_in_text(&what_if, &diagnosis(&vi), &diagnosis(&en));
    // The finding is a fix on its own.
    let enough = what_if.clone_with("budget", "365_400_000");
    let plan = enough.test().format("json").run().plan().json();
    assert!(f(&plan["province"]["cost"]) <= 365_400_000.0);
}

/// The diagnosis says the budget is 65,400,000 đồng short (the rules' minimums cost
/// 365,400,000); the best reachable plan printed beside it keeps the rules' minimums and
/// spends no more than the budget plus that shortfall.
#[test]
fn an_unaffordable_budget_plan_spends_no_more_than_the_budget_plus_the_shortfall() {
    let what_if = WhatIf::shipped().set("budget", "300_000_000");
    let plan = what_if
        .test()
        .format("json")
        .run()
        .code(EXIT_INFEASIBLE)
        .json();
    let cost = f(&plan["province"]["cost"]);
    assert!(
        cost <= 300_000_000.0 + 65_400_000.0 + 1e-6,
        "the infeasible plan spends {cost}"
    );
}

/// A district floor set by a rule's `min_rate` that cannot be met names the rule, in the
/// finding (text, Markdown, JSON) and on each district's page ("District floor: 99.0% (rule
/// `minrate_big`)"): the scenario holds no such figure (trial 13f J20).
#[test]
fn a_floor_a_rule_sets_out_of_reach_names_the_rule() {
    let what_if = WhatIf::shipped().replace(
        "  \"../rules/door-to-door.rhai\",\n]",
        "  \"../rules/door-to-door.rhai\",\n  \"../rules/minrate_big.rhai\",\n]",
    );
    std::fs::write(
        what_if.dir().join("rules/minrate_big.rhai"),
        "fn before_solve(d, s) { d.min_rate(0.99); }\n",
    )
    .unwrap();
    let (vi, en) = infeasible(&what_if);
    assert_eq!(
        en["district_floor"],
        Value::Null,
        "the scenario sets no floor"
    );
    let findings = en["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 11, "{findings:?}");
    for (finding, district) in findings.iter().zip(districts(&en)) {
        assert_eq!(finding["finding"], "floor_pool_limit");
        assert_eq!(finding["rule"], "minrate_big");
        assert_eq!(finding["line"], 1);
        assert_eq!(district["floor_rule"], "minrate_big");
        assert_eq!(f(&district["floor"]), 0.99);
    }
    let first_vi = &diagnosis(&vi)[0];
    let first_en = &diagnosis(&en)[0];
    assert!(
        first_vi.starts_with("Thành phố Lạng Sơn không thể đạt 99%, mức sàn do quy tắc `minrate_big` đặt (min_rate ở dòng 1): kể cả với toàn bộ 8 tổ xã và 30 đội tình nguyện cũng chỉ đạt 59,5%;"),
        "{first_vi}"
    );
    assert!(
        first_en.starts_with("Thành phố Lạng Sơn cannot reach 99%, the floor the rule `minrate_big` sets (min_rate at line 1): even with all 8 commune teams and all 30 volunteer teams it reaches 59.5%;"),
        "{first_en}"
    );
    printed_in_text(&what_if, &diagnosis(&vi), &diagnosis(&en));
    // every district's page, in every format that prints the floor
    for format in ["text", "markdown", "html"] {
        let vi = what_if
            .test()
            .format(format)
            .run()
            .code(EXIT_INFEASIBLE)
            .stdout;
        assert_eq!(
            vi.matches("Mức sàn riêng của huyện: 99,0% (quy tắc `minrate_big`)")
                .count(),
            11,
            "{format}: {vi}"
        );
        let en = what_if
            .test()
            .format(format)
            .lang("en")
            .run()
            .code(EXIT_INFEASIBLE)
            .stdout;
        assert_eq!(
            en.matches("District floor: 99.0% (rule `minrate_big`)")
                .count(),
            11,
            "{format}: {en}"
        );
    }
}
