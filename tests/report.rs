//! The printers: whole outputs as golden files, the JSON contract of MODEL.md § "The JSON plan",
//! the letter's number formats, and every diagnosis finding in both languages.

use campaign_planner::model::{Objective, Scope, TeamKind, UnitType, outreach_installs};
use campaign_planner::plan::{DistrictPlan, Plan, Province, TeamAllocation};
use campaign_planner::report::{self, Format, diagnosis};
use campaign_planner::rules::Directive;
use campaign_planner::solve::{Diagnosis, Finding, Optimality, Status};
use campaign_planner::text::{Lang, Text};
use insta::assert_snapshot;
use serde_json::{Value, json};

use crate::common;
use common::check_json_keys as check;
use common::printed::{self, Layout};

const HORIZON: u32 = 14;
const VOLUNTEER_COST_PER_DAY: f64 = 300_000.0;

/// A district as the tests give it: name, smartphones, installed, commune teams, volunteer teams.
type Row = (&'static str, u64, u64, u32, u32);

/// Three districts of the letter: the city (above the door-to-door threshold), Hữu Lũng and
/// Đình Lập (below it).
const THREE: [Row; 3] = [
    ("Thành phố Lạng Sơn", 96_818, 39_911, 8, 0),
    ("Huyện Hữu Lũng", 78_399, 18_019, 24, 5),
    ("Huyện Đình Lập", 20_175, 6_651, 12, 2),
];

/// All eleven districts of letter 1635 (151.916 of 519,820 installed).
const LETTER: [Row; 11] = [
    ("Thành phố Lạng Sơn", 96_818, 39_911, 8, 0),
    ("Huyện Hữu Lũng", 78_399, 18_019, 24, 5),
    ("Huyện Cao Lộc", 58_196, 16_752, 22, 3),
    ("Huyện Lộc Bình", 53_067, 15_725, 21, 3),
    ("Huyện Tràng Định", 37_092, 11_354, 23, 2),
    ("Huyện Chi Lăng", 43_471, 10_285, 20, 4),
    ("Huyện Bắc Sơn", 36_584, 9_812, 20, 3),
    ("Huyện Văn Lãng", 34_823, 8_727, 20, 3),
    ("Huyện Văn Quan", 32_138, 7_494, 24, 3),
    ("Huyện Bình Gia", 29_057, 7_186, 20, 2),
    ("Huyện Đình Lập", 20_175, 6_651, 12, 2),
];

fn kinds() -> Vec<TeamKind> {
    vec![
        TeamKind {
            name: "commune".into(),
            scope: Scope::Local,
            available: None,
            installs_per_team_day: 15.0,
            cost_per_team_day: 0.0,
        },
        TeamKind {
            name: "volunteer".into(),
            scope: Scope::Provincial,
            available: Some(30),
            installs_per_team_day: 40.0,
            cost_per_team_day: VOLUNTEER_COST_PER_DAY,
        },
    ]
}

/// The letter's three directives (and, for Đình Lập, a Vietnamese-only one with a `|`),
/// given in an order that the report must re-sort by priority.
fn directives(
    name: &str,
    rate: f64,
    teams: (u32, u32),
    mandated: f64,
    fixed: f64,
    gain: f64,
) -> Vec<Directive> {
    let mut list = vec![
        Directive {
            rule: "communication".into(),
            action: Text::new(
                "Tăng cường tuyên truyền trên hệ thống thông tin cơ sở, tuyên truyền lưu động và mạng xã hội, nhất là với học sinh, sinh viên",
                "Step up communication through loudspeakers, mobile propaganda and social media, above all to pupils and students",
            ),
            unit: Text::new(
                "Phòng Văn hóa và Thông tin",
                "Culture and Information Office",
            ),
            priority: 2,
            teams: Vec::new(),
            expected_installs: Some(fixed),
        },
        Directive {
            rule: "mandatory-cohorts".into(),
            action: Text::new(
                "Yêu cầu mọi người đang cách ly và mọi người phải xét nghiệm COVID-19 cài đặt Bluezone",
                "Require everyone in quarantine and everyone who must be tested for COVID-19 to install Bluezone",
            ),
            unit: Text::new("Trung tâm Y tế", "Health centre"),
            priority: 1,
            teams: Vec::new(),
            expected_installs: Some(mandated),
        },
    ];
    if rate < 0.30 {
        list.push(Directive {
            rule: "door-to-door".into(),
            action: Text::new(
                "Đi từng ngõ, gõ từng nhà để hướng dẫn người dân cài đặt Bluezone",
                "Go door to door to help residents install Bluezone",
            ),
            unit: Text::new(
                "Ban Chỉ đạo phòng, chống COVID-19 các xã, thị trấn",
                "Commune COVID-19 steering committees",
            ),
            priority: 1,
            teams: vec![("commune".into(), teams.0), ("volunteer".into(), teams.1)],
            expected_installs: Some(gain),
        });
    }
    if name == "Huyện Đình Lập" {
        list.push(Directive {
            rule: "weekly-report".into(),
            action: Text::vi_only("Báo cáo tiến độ hằng tuần | gửi Sở Thông tin và Truyền thông"),
            unit: Text::vi_only("UBND huyện"),
            priority: 3,
            teams: Vec::new(),
            expected_installs: None,
        });
    }
    list
}

/// A plan evaluated with the model's own formulas (MODEL.md § "Quantities" and § "Outreach
/// teams"): 120 people in quarantine per district, 500 fixed installs, ρ = 0.8.
fn plan(rows: &[Row], floor: Option<f64>, diagnosis: Option<Diagnosis>) -> Plan {
    let kinds = kinds();
    let districts: Vec<DistrictPlan> = rows
        .iter()
        .map(|&(name, smartphones, installed, commune, volunteer)| {
            let s = smartphones as f64;
            let rate = installed as f64 / s;
            let mandated = 120.0 * (1.0 - rate);
            let fixed = 500.0;
            let pool = 0.8 * (s - installed as f64 - mandated - fixed);
            let effort =
                f64::from(HORIZON) * (15.0 * f64::from(commune) + 40.0 * f64::from(volunteer));
            let gain = outreach_installs(pool, effort);
            let projected = installed as f64 + mandated + fixed + gain;
            DistrictPlan {
                name: name.into(),
                unit_type: UnitType::of_name(name),
                smartphones,
                installed,
                rate,
                mandated_installs: mandated,
                fixed_installs: fixed,
                pool,
                allocation: vec![
                    TeamAllocation {
                        kind: "commune".into(),
                        teams: commune,
                        min_teams: 0,
                        max_teams: commune,
                        productivity: 1.0,
                        stationed: Some(commune),
                    },
                    TeamAllocation {
                        kind: "volunteer".into(),
                        teams: volunteer,
                        min_teams: u32::from(rate < 0.30),
                        max_teams: 30,
                        productivity: 1.0,
                        stationed: None,
                    },
                ],
                outreach_installs: gain,
                projected_installed: projected,
                projected_rate: projected / s,
                cost: f64::from(HORIZON) * VOLUNTEER_COST_PER_DAY * f64::from(volunteer),
                directives: directives(name, rate, (commune, volunteer), mandated, fixed, gain),
                floor,
                trace: Vec::new(),
                pace_per_day: None,
                on_track: None,
                rate_at_pace: None,
            }
        })
        .collect();
    let smartphones: u64 = districts.iter().map(|d| d.smartphones).sum();
    let installed: u64 = districts.iter().map(|d| d.installed).sum();
    let projected_installed: f64 = districts.iter().map(|d| d.projected_installed).sum();
    let cost: f64 = districts.iter().map(|d| d.cost).sum();
    let teams: u64 = districts
        .iter()
        .flat_map(|d| &d.allocation)
        .map(|a| u64::from(a.teams))
        .sum();
    let infeasible = diagnosis.is_some();
    Plan {
        scenario: "Lạng Sơn, 2020-09-01".into(),
        as_of: "2020-09-01".into(),
        objective: Objective::MaxInstalls,
        status: if infeasible {
            Status::Infeasible
        } else {
            Status::Optimal
        },
        diagnosis,
        horizon_days: HORIZON,
        reachable_share: 0.8,
        budget: Some(100_000_000.0),
        district_floor: floor,
        province: Province {
            smartphones,
            installed,
            rate: installed as f64 / smartphones as f64,
            projected_installed,
            projected_rate: projected_installed / smartphones as f64,
            target_rate: 0.40,
            target_reached: projected_installed >= 0.40 * smartphones as f64,
            cost,
            teams,
        },
        team_kinds: kinds,
        districts,
        optimality: Optimality {
            objective_value: projected_installed,
            bound: (!infeasible).then_some(projected_installed * 1.0003),
            gap: (!infeasible).then_some(0.0003),
            method: "branch-and-bound".into(),
        },
        notices: Vec::new(),
    }
}

fn optimal() -> Plan {
    plan(&THREE, None, None)
}

fn infeasible() -> Plan {
    plan(
        &THREE,
        Some(0.35),
        Some(Diagnosis {
            findings: vec![
                Finding::FloorPoolLimit {
                    district: "Huyện Hữu Lũng".into(),
                    floor: 0.35,
                    best_rate: 0.331,
                    teams: vec![("commune".into(), 24), ("volunteer".into(), 30)],
                    pool_limited: true,
                    pool_rate: 0.34,
                    rule: None,
                    line: None,
                },
                Finding::FloorTeamsShort {
                    kind: "volunteer".into(),
                    more: 7,
                    exact: true,
                },
            ],
        }),
    )
}

// ---- golden files ----
//
// Before each golden file, what a reader depends on (tests/common/printed.rs): every district's
// figures as the language writes them, the totals the sums of the districts as printed, the
// target's verdict from the projected rate, each directive's installs, and for the infeasible
// plan that it says so and why.

#[test]
fn text_in_vietnamese() {
    let plan = optimal();
    let text = report::render(&plan, Format::Text, Lang::Vi);
    printed::check_report(&plan, &text, Layout::Terminal, Lang::Vi);
    assert_snapshot!("text_vi", text);
}

#[test]
fn text_in_english() {
    let plan = optimal();
    let text = report::render(&plan, Format::Text, Lang::En);
    printed::check_report(&plan, &text, Layout::Terminal, Lang::En);
    assert_snapshot!("text_en", text);
}

#[test]
fn markdown_in_vietnamese() {
    let plan = optimal();
    let text = report::render(&plan, Format::Markdown, Lang::Vi);
    printed::check_report(&plan, &text, Layout::Markdown, Lang::Vi);
    assert_snapshot!("markdown_vi", text);
}

#[test]
fn infeasible_text_in_vietnamese() {
    let plan = infeasible();
    let text = report::render(&plan, Format::Text, Lang::Vi);
    printed::check_report(&plan, &text, Layout::Terminal, Lang::Vi);
    assert_snapshot!("infeasible_text_vi", text);
}

#[test]
fn infeasible_markdown_in_english() {
    let plan = infeasible();
    let text = report::render(&plan, Format::Markdown, Lang::En);
    printed::check_report(&plan, &text, Layout::Markdown, Lang::En);
    assert_snapshot!("infeasible_markdown_en", text);
}

#[test]
fn json_of_the_infeasible_plan() {
    let plan = infeasible();
    let json = report::render(&plan, Format::Json, Lang::Vi);
    json_is_the_plan(&serde_json::from_str(&json).unwrap(), &plan, Lang::Vi);
    assert_snapshot!("infeasible_json", json);
}

/// `assert_eq!` for a JSON value and what it should hold, numbers equal to the last bits or
/// so: the JSON writes each float in its shortest exact form, but serde_json's default parser
/// may read it back one unit in the last place off (0.41222706521514596 as
/// 0.4122270652151459).
macro_rules! same {
    ($json:expr, $expected:expr) => {
        same!($json, $expected, "")
    };
    ($json:expr, $expected:expr, $($at:tt)+) => {{
        let (got, expected): (&Value, Value) = (&$json, json!($expected));
        assert!(
            same_value(got, &expected),
            "{}\n  JSON: {got}\n  plan: {expected}",
            format!($($at)+)
        );
    }};
}

/// Whether two JSON values are the same, numbers within a few units in the last place.
fn same_value(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            let (x, y) = (x.as_f64().unwrap(), y.as_f64().unwrap());
            (x - y).abs() <= 4.0 * f64::EPSILON * x.abs().max(y.abs())
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same_value(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, a)| y.get(k).is_some_and(|b| same_value(a, b)))
        }
        _ => a == b,
    }
}

/// Every figure of the JSON is the plan's field (MODEL.md § "The JSON plan"), the province's
/// the sums of the districts', `target_reached` what the projected rate says, and the
/// diagnosis one line per finding in `lang`.
#[track_caller]
fn json_is_the_plan(json: &Value, plan: &Plan, lang: Lang) {
    printed::province_adds_up(plan);
    same!(json["scenario"], plan.scenario.as_str());
    same!(json["as_of"], plan.as_of.as_str());
    let objective = match plan.objective {
        Objective::MaxInstalls => "max-installs",
        Objective::MinCost => "min-cost",
        Objective::MaxMinRate => "max-min-rate",
    };
    same!(json["objective"], objective);
    let status = match plan.status {
        Status::Optimal => "optimal",
        Status::Feasible => "feasible",
        Status::Infeasible => "infeasible",
    };
    same!(json["status"], status);
    match &plan.diagnosis {
        Some(d) => {
            let lines: Vec<&str> = json["diagnosis"].as_str().unwrap().lines().collect();
            assert_eq!(lines.len(), d.findings.len());
            for (line, finding) in lines.iter().zip(&d.findings) {
                for part in printed::finding_parts(finding, lang) {
                    assert!(line.contains(&part), "`{part}` is not in `{line}`");
                }
            }
            let findings: Vec<Value> = d.findings.iter().map(finding_json).collect();
            same!(json["findings"], Value::Array(findings));
        }
        None => {
            assert!(json["diagnosis"].is_null());
            same!(json["findings"], json!([]));
        }
    }
    same!(json["horizon_days"], plan.horizon_days);
    same!(json["reachable_share"], plan.reachable_share);
    same!(json["budget"], json!(plan.budget));
    same!(json["district_floor"], json!(plan.district_floor));
    let o = &plan.optimality;
    same!(json["optimality"]["objective_value"], o.objective_value);
    same!(json["optimality"]["bound"], json!(o.bound));
    same!(json["optimality"]["gap"], json!(o.gap));
    same!(json["optimality"]["method"], o.method.as_str());

    let p = &plan.province;
    let province = &json["province"];
    same!(province["smartphones"], p.smartphones);
    same!(province["installed"], p.installed);
    same!(province["rate"], p.installed as f64 / p.smartphones as f64);
    same!(province["projected_installed"], p.projected_installed);
    same!(
        province["projected_rate"],
        p.projected_installed / p.smartphones as f64
    );
    same!(province["target_rate"], p.target_rate);
    let reached = p.projected_installed >= p.target_rate * p.smartphones as f64;
    same!(province["target_reached"], reached);
    same!(province["cost"], plan.cost_as_printed());
    same!(province["teams"], p.teams);

    let kinds = json["team_kinds"].as_array().unwrap();
    assert_eq!(kinds.len(), plan.team_kinds.len());
    for (k, kind) in kinds.iter().zip(&plan.team_kinds) {
        let scope = match kind.scope {
            Scope::Local => "local",
            Scope::Provincial => "provincial",
        };
        same!(
            *k,
            json!({
                "name": kind.name,
                "scope": scope,
                "available": kind.available,
                "installs_per_team_day": kind.installs_per_team_day,
                "cost_per_team_day": kind.cost_per_team_day,
            })
        );
    }

    let districts = json["districts"].as_array().unwrap();
    assert_eq!(districts.len(), plan.districts.len());
    for (j, d) in districts.iter().zip(&plan.districts) {
        let at = d.name.as_str();
        same!(j["name"], at);
        same!(j["smartphones"], d.smartphones, "{at}");
        same!(j["installed"], d.installed, "{at}");
        let s = d.smartphones as f64;
        same!(j["rate"], d.installed as f64 / s, "{at}");
        same!(j["mandated_installs"], d.mandated_installs, "{at}");
        same!(j["fixed_installs"], d.fixed_installs, "{at}");
        same!(j["pool"], d.pool, "{at}");
        same!(j["outreach_installs"], d.outreach_installs, "{at}");
        same!(j["projected_installed"], d.projected_installed, "{at}");
        same!(j["projected_rate"], d.projected_installed / s, "{at}");
        same!(j["cost"], d.cost.round(), "{at}");
        same!(j["floor"], json!(d.floor), "{at}");
        let allocation: Vec<Value> = d
            .allocation
            .iter()
            .map(|a| {
                json!({
                    "kind": a.kind,
                    "teams": a.teams,
                    "min_teams": a.min_teams,
                    "max_teams": a.max_teams,
                    "productivity": a.productivity,
                })
            })
            .collect();
        same!(j["allocation"], Value::Array(allocation), "{at}");
        // in the rules' order, with both languages (English falling back to Vietnamese)
        let directives: Vec<Value> = d
            .directives
            .iter()
            .map(|x| {
                let teams: Vec<Value> = x
                    .teams
                    .iter()
                    .map(|(kind, n)| json!({ "kind": kind, "teams": n }))
                    .collect();
                json!({
                    "rule": x.rule,
                    "action": x.action.vi,
                    "unit": x.unit.vi,
                    "priority": x.priority,
                    "action_en": x.action.en.as_ref().unwrap_or(&x.action.vi),
                    "unit_en": x.unit.en.as_ref().unwrap_or(&x.unit.vi),
                    "teams": teams,
                    "expected_installs": x.expected_installs,
                })
            })
            .collect();
        same!(j["directives"], Value::Array(directives), "{at}");
        assert_eq!(j["trace"].as_array().unwrap().len(), d.trace.len(), "{at}");
    }
    let sum = |key: &str| -> f64 { districts.iter().map(|d| d[key].as_f64().unwrap()).sum() };
    assert_eq!(
        province["smartphones"].as_f64().unwrap(),
        sum("smartphones")
    );
    assert_eq!(province["installed"].as_f64().unwrap(), sum("installed"));
    assert_eq!(province["cost"].as_f64().unwrap(), sum("cost"));
    let projected = province["projected_installed"].as_f64().unwrap();
    assert!((projected - sum("projected_installed")).abs() < 1e-6);
}

/// A finding as the JSON gives it: its kind, its fields, and whether its number is exact.
fn finding_json(finding: &Finding) -> Value {
    match finding {
        Finding::FloorPoolLimit {
            district,
            floor,
            best_rate,
            teams,
            pool_limited,
            pool_rate,
            rule,
            line,
        } => json!({
            "finding": "floor_pool_limit",
            "district": district,
            "floor": floor,
            "best_rate": best_rate,
            "teams": teams,
            "pool_limited": pool_limited,
            "pool_rate": pool_rate,
            "rule": rule,
            "line": line,
            "exact": true,
        }),
        Finding::FloorTeamsShort { kind, more, exact } => json!({
            "finding": "floor_teams_short",
            "kind": kind,
            "more": more,
            "exact": exact,
        }),
        other => panic!("no JSON reading of {other:?} here yet"),
    }
}

/// A rendering of a plan (format, language, layout to read it) and edits of its text.
type Edits<'a> = (&'a Plan, Format, Lang, Layout, &'a [(&'a str, &'a str)]);

/// The checks above fail on a report with a wrong figure: each of these edits, as an accepted
/// golden file could carry it, is caught (and so is a plan whose province disagrees with its
/// districts, or whose verdict disagrees with its rates).
#[test]
fn a_wrong_figure_fails_the_checks_of_the_golden_files() {
    fn fails(check: impl FnOnce()) -> bool {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(check)).is_err()
    }
    let edits: [Edits; 4] = [
        (
            &optimal(),
            Format::Text,
            Lang::Vi,
            Layout::Terminal,
            &[
                // a district's figure
                ("┆     78.399 ┆", "┆     78.398 ┆"),
                ("┆  42.131 ┆", "┆  42.113 ┆"),
                ("6.651 ┆ 32,97% ┆", "6.651 ┆ 32,96% ┆"),
                ("┆ 21.000.000 │", "┆ 21.000.001 │"),
                // a total that is not the sum of the districts
                (
                    "TỔNG               ┆    195.392",
                    "TỔNG               ┆    195.393",
                ),
                ("+11.949", "+11.950"),
                ("┆    44 ┆", "┆    45 ┆"),
                // the verdict, the province's figures
                ("40% — ĐẠT", "40% — CHƯA ĐẠT"),
                ("┆ 51 ", "┆ 50 "),
                ("78.274 (40,06%)", "78.274 (40,07%)"),
                // a number written the English way, or ungrouped
                ("64.581 (33,05%)", "64.581 (33.05%)"),
                ("┆ 29.400.000 đ", "┆ 29400000 đ"),
                // the directives
                ("Dự kiến: +7.231 lượt cài", "Dự kiến: +7.232 lượt cài"),
                ("22,98% → 32,96%", "22,98% → 32,69%"),
                ("24 tổ xã, 5 đội tình nguyện", "24 tổ xã, 4 đội tình nguyện"),
                ("     Dự kiến: +80 lượt cài\n", ""),
            ],
        ),
        (
            &infeasible(),
            Format::Text,
            Lang::Vi,
            Layout::Terminal,
            &[
                ("KHÔNG KHẢ THI: ", "PHƯƠNG ÁN: "),
                (
                    "Mức tối thiểu mỗi huyện ┆ 35%",
                    "Mức tối thiểu mỗi huyện ┆ 30%",
                ),
                ("Cần thêm 7 đội", "Cần thêm 6 đội"),
                ("cũng chỉ đạt 33,1%", "cũng chỉ đạt 33,2%"),
                ("(tối đa 34,0%", "(tối đa 34%"),
                ("toàn bộ 24 tổ xã", "toàn bộ 23 tổ xã"),
                (
                    "  - Cần thêm 7 đội tình nguyện để mọi huyện đạt mức tối thiểu\n",
                    "",
                ),
                (", dưới mức tối thiểu 35%", ""),
            ],
        ),
        (
            &infeasible(),
            Format::Markdown,
            Lang::En,
            Layout::Markdown,
            &[
                ("| 18,019 | 22.98% |", "| 18,019 | 22,98% |"),
                ("**+11,949**", "**+11,949.0**"),
                ("7 more volunteer teams", "7 more commune teams"),
                ("40% — reached", "40% — not reached"),
                (
                    "32.96%, below the minimum of 35%",
                    "32.96%, below the minimum of 30%",
                ),
                ("- Expected: +7,231 installs", "- Expected: +7,231"),
            ],
        ),
        (
            &infeasible(),
            Format::Json,
            Lang::Vi,
            Layout::Terminal,
            &[
                ("\"more\": 7", "\"more\": 8"),
                ("\"target_reached\": true", "\"target_reached\": false"),
                ("\"cost\": 29400000.0", "\"cost\": 29400001.0"),
                ("7231.172901452054\n", "7231.17\n"),
                ("\"rule\": \"door-to-door\"", "\"rule\": \"door-to-doors\""),
                ("cũng chỉ đạt 33,1%", "cũng chỉ đạt 33.1%"),
            ],
        ),
    ];
    for (plan, format, lang, layout, edits) in edits {
        let text = report::render(plan, format, lang);
        let check = |text: &str| match format {
            Format::Json => json_is_the_plan(&serde_json::from_str(text).unwrap(), plan, lang),
            _ => printed::check_report(plan, text, layout, lang),
        };
        check(&text);
        for (from, to) in edits {
            let wrong = crate::layout::replace_once(&text, from, to);
            assert!(fails(|| check(&wrong)), "{from:?} → {to:?} was not caught");
        }
    }

    // the province's rate and verdict are printed from the districts' figures as printed
    // (F40), not from the plan's exact province fields: a plan whose exact fields say otherwise
    // still prints figures that agree with its districts
    let mut plan = optimal();
    plan.province.projected_rate += 0.01;
    plan.province.target_reached = false;
    for (format, layout, lang) in [
        (Format::Text, Layout::Terminal, Lang::En),
        (Format::Markdown, Layout::Markdown, Lang::Vi),
    ] {
        let text = report::render(&plan, format, lang);
        printed::check_report(&plan, &text, layout, lang);
    }
    let mut plan = optimal();
    plan.districts[1].directives[2].expected_installs = Some(7_000.0);
    let text = report::render(&plan, Format::Text, Lang::Vi);
    assert!(fails(|| printed::check_report(
        &plan,
        &text,
        Layout::Terminal,
        Lang::Vi
    )));
}

// ---- the JSON contract ----

/// Every key of MODEL.md § "The JSON plan" with its type, at every level, and the added ones.
fn check_contract(json: &str) -> Value {
    assert!(json.ends_with("}\n"), "pretty JSON with a trailing newline");
    let plan: Value = serde_json::from_str(json).expect("valid JSON");
    check(
        &plan,
        "scenario:str objective:str status:str diagnosis:str|null horizon_days:int \
         reachable_share:num budget:num|null district_floor:num|null province:object \
         team_kinds:array districts:array as_of:str findings:array optimality:object",
        "plan",
    );
    assert!(["optimal", "infeasible"].contains(&plan["status"].as_str().unwrap()));
    check(
        &plan["province"],
        "smartphones:int installed:int rate:num projected_installed:num projected_rate:num \
         target_rate:num target_reached:bool cost:num teams:int",
        "province",
    );
    check(
        &plan["optimality"],
        "objective_value:num bound:num|null gap:num|null method:str",
        "optimality",
    );
    for kind in plan["team_kinds"].as_array().unwrap() {
        check(
            kind,
            "name:str scope:str available:int|null installs_per_team_day:num \
             cost_per_team_day:num",
            "team_kinds[]",
        );
        let local = kind["scope"] == "local";
        assert_eq!(
            kind["available"].is_null(),
            local,
            "available is null for local"
        );
    }
    let districts = plan["districts"].as_array().unwrap();
    assert!(!districts.is_empty());
    for district in districts {
        check(
            district,
            "name:str smartphones:int installed:int rate:num mandated_installs:num \
             fixed_installs:num pool:num allocation:array outreach_installs:num \
             projected_installed:num projected_rate:num directives:array cost:num",
            "districts[]",
        );
        for a in district["allocation"].as_array().unwrap() {
            let spec = "kind:str teams:int min_teams:int max_teams:int productivity:num";
            check(a, spec, "allocation[]");
        }
        for d in district["directives"].as_array().unwrap() {
            check(
                d,
                "rule:str action:str unit:str priority:int action_en:str unit_en:str \
                 teams:array expected_installs:num|null",
                "directives[]",
            );
            for t in d["teams"].as_array().unwrap() {
                check(t, "kind:str teams:int", "directives[].teams[]");
            }
        }
    }
    plan
}

#[test]
fn json_has_every_field_of_the_contract() {
    for lang in [Lang::Vi, Lang::En] {
        let plan = check_contract(&report::render(&optimal(), Format::Json, lang));
        assert_eq!(plan["status"], "optimal");
        assert!(plan["diagnosis"].is_null());
        assert_eq!(plan["findings"], Value::Array(Vec::new()));
        assert_eq!(plan["objective"], "max-installs");
        assert_eq!(plan["province"]["smartphones"], 195_392);
        assert_eq!(plan["team_kinds"][0]["scope"], "local");
    }
}

#[test]
fn json_of_an_infeasible_plan_explains_it_in_the_chosen_language() {
    let vi = check_contract(&report::render(&infeasible(), Format::Json, Lang::Vi));
    assert_eq!(vi["status"], "infeasible");
    assert!(
        vi["diagnosis"]
            .as_str()
            .unwrap()
            .starts_with("Huyện Hữu Lũng không thể đạt 35%")
    );
    assert_eq!(vi["findings"][0]["finding"], "floor_pool_limit");
    let en = check_contract(&report::render(&infeasible(), Format::Json, Lang::En));
    assert!(
        en["diagnosis"]
            .as_str()
            .unwrap()
            .contains("7 more volunteer teams are needed")
    );
}

#[test]
fn json_keeps_full_precision_and_the_vietnamese_directive_text() {
    let p = optimal();
    let json: Value = serde_json::from_str(&report::render(&p, Format::Json, Lang::En)).unwrap();
    let d = &json["districts"][1];
    assert_eq!(d["pool"].as_f64().unwrap(), p.districts[1].pool);
    assert_eq!(d["rate"].as_f64().unwrap(), p.districts[1].rate);
    let first = &d["directives"][0];
    assert_eq!(
        first["rule"], "communication",
        "JSON keeps the rules' order"
    );
    assert!(first["action"].as_str().unwrap().starts_with("Tăng cường"));
    assert!(first["action_en"].as_str().unwrap().starts_with("Step up"));
}

#[test]
fn json_never_holds_nan_or_infinity() {
    let mut p = optimal();
    p.districts[0].pool = f64::NAN;
    p.province.projected_rate = f64::INFINITY;
    p.budget = Some(f64::NEG_INFINITY);
    let json: Value = serde_json::from_str(&report::render(&p, Format::Json, Lang::Vi)).unwrap();
    assert!(json["districts"][0]["pool"].is_null());
    assert!(json["province"]["projected_rate"].is_null());
    assert!(json["budget"].is_null());
}

#[test]
fn the_same_plan_prints_byte_for_byte_the_same() {
    for format in [Format::Text, Format::Markdown, Format::Json] {
        for lang in [Lang::Vi, Lang::En] {
            assert_eq!(
                report::render(&infeasible(), format, lang),
                report::render(&infeasible(), format, lang)
            );
        }
    }
}

// ---- the letter's numbers ----

#[test]
fn the_letters_province_in_vietnamese_and_english_number_formats() {
    let p = plan(&LETTER, None, None);
    assert_eq!(
        (p.province.installed, p.province.smartphones),
        (151_916, 519_820)
    );
    for format in [Format::Text, Format::Markdown] {
        let vi = report::render(&p, format, Lang::Vi);
        assert!(vi.contains("151.916 (29,22%)"), "{vi}");
        assert!(vi.contains("519.820"));
        let en = report::render(&p, format, Lang::En);
        assert!(en.contains("151,916 (29.22%)"), "{en}");
    }
}

#[test]
fn directives_are_numbered_by_priority_then_in_the_rules_order() {
    let text = report::render(&optimal(), Format::Text, Lang::En);
    let huu_lung = &text[text.find("\nHuyện Hữu Lũng (").unwrap()..];
    let mandatory = huu_lung.find(" 1. Require everyone").unwrap();
    let door = huu_lung.find(" 2. Go door to door").unwrap();
    let communication = huu_lung.find(" 3. Step up").unwrap();
    assert!(mandatory < door && door < communication);
}

#[test]
fn markdown_escapes_pipes_in_directives() {
    let md = report::render(&optimal(), Format::Markdown, Lang::Vi);
    assert!(md.contains("Báo cáo tiến độ hằng tuần \\| gửi Sở"));
}

// ---- the diagnosis in words ----

fn says(finding: Finding, vi: &str, en: &str) {
    let d = Diagnosis {
        findings: vec![finding],
    };
    assert_eq!(diagnosis::render(&d, Lang::Vi), vi);
    assert_eq!(diagnosis::render(&d, Lang::En), en);
}

#[test]
fn a_district_that_cannot_reach_the_floor() {
    says(
        Finding::FloorPoolLimit {
            district: "Hữu Lũng".into(),
            floor: 0.35,
            best_rate: 0.331,
            teams: vec![("commune".into(), 24), ("volunteer".into(), 30)],
            pool_limited: true,
            pool_rate: 0.34,
            rule: None,
            line: None,
        },
        "Hữu Lũng không thể đạt 35%: kể cả với toàn bộ 24 tổ xã và 30 đội tình nguyện cũng chỉ đạt 33,1%; giới hạn là số người còn có thể vận động (tối đa 34,0% dù có bao nhiêu đội)",
        "Hữu Lũng cannot reach 35%: even with all 24 commune teams and all 30 volunteer teams it reaches 33.1%; the reachable pool is the limit (at most 34.0%, however many teams)",
    );
}

/// A floor a rule's `min_rate` sets names the rule and the line of the call (trial 13f J20).
#[test]
fn a_district_that_cannot_reach_a_rules_floor_names_the_rule() {
    says(
        Finding::FloorPoolLimit {
            district: "Hữu Lũng".into(),
            floor: 0.99,
            best_rate: 0.478,
            teams: vec![("commune".into(), 24), ("volunteer".into(), 30)],
            pool_limited: true,
            pool_rate: 0.851,
            rule: Some("minrate_big".into()),
            line: Some(1),
        },
        "Hữu Lũng không thể đạt 99%, mức sàn do quy tắc `minrate_big` đặt (min_rate ở dòng 1): kể cả với toàn bộ 24 tổ xã và 30 đội tình nguyện cũng chỉ đạt 47,8%; giới hạn là số người còn có thể vận động (tối đa 85,1% dù có bao nhiêu đội)",
        "Hữu Lũng cannot reach 99%, the floor the rule `minrate_big` sets (min_rate at line 1): even with all 24 commune teams and all 30 volunteer teams it reaches 47.8%; the reachable pool is the limit (at most 85.1%, however many teams)",
    );
}

#[test]
fn a_district_held_back_by_the_teams_it_may_have() {
    says(
        Finding::FloorPoolLimit {
            district: "Đình Lập".into(),
            floor: 0.5,
            best_rate: 0.4648,
            teams: vec![("commune".into(), 12)],
            pool_limited: false,
            pool_rate: 0.9,
            rule: None,
            line: None,
        },
        "Đình Lập không thể đạt 50%: kể cả với toàn bộ 12 tổ xã cũng chỉ đạt 46,5%; giới hạn là số tổ, đội huyện được phép có",
        "Đình Lập cannot reach 50%: even with all 12 commune teams it reaches 46.5%; the teams the district may have are the limit",
    );
}

#[test]
fn a_shortfall_just_under_the_floor_is_not_printed_as_the_floor() {
    let d = Diagnosis {
        findings: vec![Finding::FloorPoolLimit {
            district: "Đình Lập".into(),
            floor: 0.35,
            best_rate: 0.3496,
            teams: vec![("police".into(), 2)],
            pool_limited: true,
            pool_rate: 0.3498,
            rule: None,
            line: None,
        }],
    };
    assert_eq!(
        diagnosis::render(&d, Lang::Vi),
        "Đình Lập không thể đạt 35%: kể cả với toàn bộ 2 đội police cũng chỉ đạt 34,96%; giới hạn là số người còn có thể vận động (tối đa 34,98% dù có bao nhiêu đội)"
    );
}

#[test]
fn teams_short_for_the_floor() {
    says(
        Finding::FloorTeamsShort {
            kind: "volunteer".into(),
            more: 7,
            exact: true,
        },
        "Cần thêm 7 đội tình nguyện để mọi huyện đạt mức tối thiểu",
        "7 more volunteer teams are needed to bring every district up to the minimum",
    );
}

/// Found by tests/optimiser_shapes.rs (seeds 36360, 49957): floors that need more teams of two
/// kinds (and budget) at once had an empty diagnosis; now they name all of it.
#[test]
fn several_kinds_needed_together_are_named_together() {
    says(
        Finding::KindsTogetherShort {
            teams: vec![("volunteer".into(), 3), ("mobile".into(), 2)],
            budget_more: Some(2_400_000.0),
            floors: true,
            exact: false,
        },
        "Cần thêm cùng lúc nhiều nhất 3 đội tình nguyện và 2 đội lưu động và 2.400.000 đ ngân sách để mọi huyện đạt mức tối thiểu (thêm riêng một thứ chưa đủ)",
        "At most 3 more volunteer teams and 2 more mobile teams and 2,400,000 VND more budget are needed together to bring every district up to the minimum (one of them alone is not enough)",
    );
}

/// Thousands of teams are written as the language writes numbers (a national shortfall).
#[test]
fn thousands_of_teams_short_are_grouped() {
    says(
        Finding::TargetTeamsShort {
            kind: "volunteer".into(),
            more: 3_875,
            exact: true,
        },
        "Cần thêm 3.875 đội tình nguyện để toàn tỉnh đạt mục tiêu",
        "3,875 more volunteer teams are needed to reach the provincial target",
    );
}

/// MODEL.md: where one team fewer cannot be proven short, the finding says "at most".
#[test]
fn teams_short_not_proven_exact_says_at_most() {
    says(
        Finding::FloorTeamsShort {
            kind: "volunteer".into(),
            more: 7,
            exact: false,
        },
        "Cần thêm nhiều nhất 7 đội tình nguyện để mọi huyện đạt mức tối thiểu",
        "At most 7 more volunteer teams are needed to bring every district up to the minimum",
    );
    says(
        Finding::BudgetShort {
            more: 4_200_000.0,
            exact: false,
            budget: 400_000_000.0,
            floors: true,
            minimums: None,
        },
        "Ngân sách còn thiếu nhiều nhất 4.200.000 đ để mọi huyện đạt mức tối thiểu",
        "The budget is at most 4,200,000 VND short to bring every district up to the minimum",
    );
}

#[test]
fn teams_short_for_the_target() {
    says(
        Finding::TargetTeamsShort {
            kind: "commune".into(),
            more: 1,
            exact: true,
        },
        "Cần thêm 1 tổ xã để toàn tỉnh đạt mục tiêu",
        "1 more commune team is needed to reach the provincial target",
    );
}

#[test]
fn the_target_beyond_the_reachable_pool() {
    says(
        Finding::TargetPoolLimit {
            target: 0.5,
            best_rate: 0.4213,
        },
        "Toàn tỉnh không thể đạt 50%: kể cả với mọi tổ, đội có thể huy động cũng chỉ đạt 42,1%; giới hạn là số người còn có thể vận động",
        "The province cannot reach 50%: even with every team available it reaches 42.1%; the reachable pool is the limit",
    );
}

#[test]
fn the_budget_too_small() {
    says(
        Finding::BudgetShort {
            more: 4_200_000.0,
            exact: true,
            budget: 400_000_000.0,
            floors: false,
            minimums: None,
        },
        "Ngân sách còn thiếu 4.200.000 đ để toàn tỉnh đạt mục tiêu",
        "The budget is 4,200,000 VND short to reach the provincial target",
    );
}

/// A budget below what the rules' minimum teams cost names the rules, the teams, the districts,
/// their cost over the campaign and the budget, and says what to do: the least budget that
/// works (the minimums alone, or with the floors) or a change of rule (trial 13f J4).
#[test]
fn a_budget_below_the_rules_minimums_names_the_rules_and_what_they_cost() {
    let minimums = |districts: &[&str]| campaign_planner::solve::Minimums {
        teams: vec![("commune".into(), 158), ("volunteer".into(), 8)],
        districts: districts.iter().map(|d| d.to_string()).collect(),
        cost: 365_400_000.0,
        horizon_days: 14,
        rules: vec!["door-to-door".into()],
    };
    let eight = [
        "Hữu Lũng",
        "Cao Lộc",
        "Lộc Bình",
        "Chi Lăng",
        "Bắc Sơn",
        "Văn Lãng",
        "Văn Quan",
        "Bình Gia",
    ];
    says(
        Finding::BudgetShort {
            more: 364_400_000.0,
            exact: true,
            budget: 1_000_000.0,
            floors: true,
            minimums: Some(minimums(&eight)),
        },
        "Quy tắc `door-to-door` yêu cầu ít nhất 158 tổ xã và 8 đội tình nguyện ở 8 huyện, chi phí 365.400.000 đ trong 14 ngày, nhưng ngân sách chỉ có 1.000.000 đ: tăng ngân sách lên ít nhất 365.400.000 đ, hoặc sửa quy tắc",
        "The rule `door-to-door` asks for at least 158 commune teams and 8 volunteer teams in 8 districts, which cost 365,400,000 VND over 14 days, but the budget is 1,000,000 VND: raise the budget to at least 365,400,000 VND, or change the rule",
    );
    // the floors need more than the minimums: the least budget for both, said as such
    says(
        Finding::BudgetShort {
            more: 118_200_000.0,
            exact: false,
            budget: 300_000_000.0,
            floors: true,
            minimums: Some(minimums(&["Hữu Lũng"])),
        },
        "Quy tắc `door-to-door` yêu cầu ít nhất 158 tổ xã và 8 đội tình nguyện ở Hữu Lũng, chi phí 365.400.000 đ trong 14 ngày, nhưng ngân sách chỉ có 300.000.000 đ: tăng ngân sách lên nhiều nhất 418.200.000 đ (cho mức tối thiểu này và mức sàn của các huyện), hoặc sửa quy tắc",
        "The rule `door-to-door` asks for at least 158 commune teams and 8 volunteer teams in Hữu Lũng, which cost 365,400,000 VND over 14 days, but the budget is 300,000,000 VND: raise the budget to at most 418,200,000 VND (for these minimums and the district floors together), or change the rule",
    );
}

#[test]
fn rules_asking_more_teams_than_a_district_may_have() {
    says(
        Finding::BoundsConflict {
            district: "Bình Gia".into(),
            kind: "volunteer".into(),
            min: 3,
            max: 2,
            rules: vec!["door-to-door".into()],
            capped_by: vec!["remote-districts".into()],
        },
        "Quy tắc `door-to-door` yêu cầu ít nhất 3 đội tình nguyện ở Bình Gia nhưng quy tắc `remote-districts` chỉ cho phép tối đa 2: sửa quy tắc để mức tối thiểu không vượt mức tối đa",
        "The rule `door-to-door` asks for at least 3 volunteer teams in Bình Gia, but the rule `remote-districts` allows at most 2: change the rules so that the minimum is not above the maximum",
    );
}

#[test]
fn rules_minimums_beyond_a_provincial_pool() {
    says(
        Finding::PoolMinimums {
            kind: "volunteer".into(),
            required: 35,
            available: 30,
            rules: vec!["door-to-door".into(), "vung-cao".into()],
        },
        "Các quy tắc `door-to-door`, `vung-cao` yêu cầu tổng cộng ít nhất 35 đội tình nguyện ở các huyện nhưng toàn tỉnh chỉ có 30: cần thêm 5 đội tình nguyện cho mức tối thiểu này, hoặc sửa quy tắc",
        "The rules `door-to-door`, `vung-cao` ask for at least 35 volunteer teams across the districts but only 30 are available: 5 more volunteer teams are needed for these minimums, or change the rule",
    );
    // found by the optimiser alone, without the rules' trace: the rules in general
    says(
        Finding::PoolMinimums {
            kind: "volunteer".into(),
            required: 31,
            available: 30,
            rules: Vec::new(),
        },
        "Các quy tắc yêu cầu tổng cộng ít nhất 31 đội tình nguyện ở các huyện nhưng toàn tỉnh chỉ có 30: cần thêm 1 đội tình nguyện cho mức tối thiểu này, hoặc sửa quy tắc",
        "The rules ask for at least 31 volunteer teams across the districts but only 30 are available: 1 more volunteer team is needed for these minimums, or change the rule",
    );
}

#[test]
fn several_findings_are_one_per_line_and_none_still_says_why() {
    let d = infeasible().diagnosis.unwrap();
    assert_eq!(diagnosis::render(&d, Lang::En).lines().count(), 2);
    let empty = Diagnosis {
        findings: Vec::new(),
    };
    assert_eq!(
        diagnosis::render(&empty, Lang::En),
        "No plan meets every condition of the scenario"
    );
}

/// A plan is called optimal only when its proven gap is within MODEL.md's 0.5%; beyond, it is
/// the best plan found, and the proven gap is printed with it.
#[test]
fn a_plan_is_called_optimal_only_within_the_tolerance_it_proves() {
    let mut plan = optimal();
    assert!(
        report::render(&plan, Format::Text, Lang::En)
            .contains("Optimal plan (at most 0.03% from the optimum)")
    );
    // the solver calls a plan proven only within 2.58% feasible (MODEL.md)
    plan.optimality.gap = Some(0.0258);
    plan.status = Status::Feasible;
    let en = report::render(&plan, Format::Text, Lang::En);
    assert!(
        en.contains("Best plan found (at most 2.58% from the optimum)"),
        "{en}"
    );
    let vi = report::render(&plan, Format::Text, Lang::Vi);
    assert!(
        vi.contains("Phương án tốt nhất tìm được (chênh lệch tối đa so với tối ưu: 2,58%)"),
        "{vi}"
    );
}

/// A district whose pace falls just short of the target never reads as reaching it.
#[test]
fn a_pace_just_short_of_the_target_never_prints_as_the_target() {
    let mut plan = optimal();
    let target = plan.province.target_rate;
    for (i, district) in plan.districts.iter_mut().enumerate() {
        district.pace_per_day = Some(100.0);
        district.on_track = Some(i == 0);
        district.rate_at_pace = Some(if i == 0 { target } else { target - 0.000_016_5 });
    }
    let text = campaign_planner::report::terminal::render(&plan, Lang::Vi);
    assert!(
        text.contains("cuối đợt đạt 40,00%: đạt mục tiêu 40%"),
        "{text}"
    );
    assert!(
        text.contains("cuối đợt chỉ đạt 39,998%: chưa đạt mục tiêu 40%"),
        "{text}"
    );
    assert!(!text.contains("chỉ đạt 40,00%"), "{text}");
}

#[test]
fn a_target_prints_as_written_and_a_projection_just_short_of_it_prints_apart() {
    let shipped = crate::layout::SHIPPED;
    for (lang, projected, target) in [
        ("vi", "218.781 (42,0878%)", "42,088% — CHƯA ĐẠT"),
        ("en", "218,781 (42.0878%)", "42.088% — not reached"),
    ] {
        let (code, out, err) = crate::layout::run(&[
            "plan",
            shipped,
            "--set",
            "target.provincial_rate=0.42088",
            "--lang",
            lang,
        ]);
        assert_eq!(code, 0, "{err}");
        assert!(
            out.contains(projected) && out.contains(target),
            "{lang}: {out}"
        );
    }
    // a target two decimals say, and a projection far from it: two decimals, as before
    let (_, out, _) = crate::layout::run(&["plan", shipped, "--lang", "en"]);
    assert!(
        out.contains("218,781 (42.09%)") && out.contains("40% — reached"),
        "{out}"
    );
}
