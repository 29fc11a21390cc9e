//! The rules API and the three shipped rules (MODEL.md § "Rules"), on scenarios built in code.

use std::collections::BTreeMap;
use std::path::PathBuf;

use campaign_planner::diagnostic::Error;
use campaign_planner::model::{Objective, Scope, TeamKind, UnitType};
use campaign_planner::number;
use campaign_planner::plan::Plan;
use campaign_planner::rules::{
    AfterSolve, Directive, Effects, Phase, RuleSet, TraceAction, TraceEntry, TraceValue,
};
use campaign_planner::scenario::{DistrictInput, Param, Scenario};
use campaign_planner::solve::{Optimality, Solution, Status};
use campaign_planner::text::{Lang, Text};

#[path = "rules/errors.rs"]
mod errors;

// ---------------------------------------------------------------- builders

fn shipped(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("rules")
        .join(format!("{name}.rhai"))
}

fn all_shipped() -> Vec<PathBuf> {
    ["communication", "mandatory-cohorts", "door-to-door"]
        .into_iter()
        .map(shipped)
        .collect()
}

/// A rule file written for one test; the folder lives as long as the returned guard.
fn rule_file(name: &str, source: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("{name}.rhai"));
    std::fs::write(&path, source).unwrap();
    (dir, path)
}

fn district(name: &str, installed: u64, smartphones: u64, communes: u32) -> DistrictInput {
    DistrictInput {
        name: name.to_string(),
        unit_type: UnitType::of_name(name),
        installed,
        smartphones,
        teams: BTreeMap::from([("commune".to_string(), communes)]),
        cohorts: BTreeMap::new(),
    }
}

fn with_cohorts(mut d: DistrictInput, cohorts: &[(&str, u64)]) -> DistrictInput {
    d.cohorts = cohorts.iter().map(|(k, n)| (k.to_string(), *n)).collect();
    d
}

/// The shipped scenario's assumptions (scenarios/lang-son-2020-09-01.toml) with `districts`.
fn scenario(districts: Vec<DistrictInput>) -> Scenario {
    let params = BTreeMap::from([
        ("communication_reach".to_string(), Param::Number(0.01)),
        ("student_uptake".to_string(), Param::Number(0.25)),
        ("quarantine_compliance".to_string(), Param::Number(0.95)),
        ("testing_compliance".to_string(), Param::Number(0.80)),
        ("door_to_door_threshold".to_string(), Param::Number(0.30)),
        (
            "door_to_door_provincial_kind".to_string(),
            Param::Text("volunteer".to_string()),
        ),
    ]);
    Scenario {
        path: PathBuf::from("scenario.toml"),
        name: "test".to_string(),
        as_of: "2020-09-01".to_string(),
        assumptions_checked: true,
        synthetic: false,
        horizon_days: 14,
        objective: Objective::MaxInstalls,
        rules: Vec::new(),
        budget: None,
        target_rate: 0.40,
        district_floor: None,
        reachable_share: 0.8,
        params,
        params_at: BTreeMap::new(),
        team_kinds: vec![
            TeamKind {
                name: "commune".to_string(),
                scope: Scope::Local,
                available: None,
                installs_per_team_day: 15.0,
                cost_per_team_day: 150_000.0,
            },
            TeamKind {
                name: "volunteer".to_string(),
                scope: Scope::Provincial,
                available: Some(30),
                installs_per_team_day: 40.0,
                cost_per_team_day: 300_000.0,
            },
        ],
        districts,
        history: Vec::new(),
        letter: Default::default(),
        files: Vec::new(),
        coverage_notes: None,
        sheets_chosen: Vec::new(),
        cohort_columns: Default::default(),
        hidden_columns: None,
    }
}

fn before(paths: &[PathBuf], scenario: &Scenario) -> Result<Vec<Effects>, Error> {
    RuleSet::load(paths)?.before_solve(scenario)
}

fn before_err(source: &str, scenario: &Scenario) -> Error {
    let (_dir, path) = rule_file("broken", source);
    before(&[path], scenario).expect_err("the rule must fail")
}

/// The plan of `scenario` under `rules` with the teams `teams[d] = [commune, volunteer]`.
fn plan(rules: &RuleSet, scenario: &Scenario, teams: Vec<Vec<u32>>) -> Plan {
    let effects = rules.before_solve(scenario).unwrap();
    let model = campaign_planner::scenario::to_model(scenario, &effects);
    let solution = Solution {
        status: Status::Optimal,
        teams,
        diagnosis: None,
        optimality: Optimality {
            objective_value: 0.0,
            bound: None,
            gap: None,
            method: "by hand".to_string(),
        },
    };
    Plan::new(&scenario.name, &scenario.as_of, &model, &solution, &effects)
}

/// The directives `paths` give after the solve of a plan with no outreach teams (what rules 1
/// and 2 report does not depend on the teams).
fn after(paths: &[PathBuf], scenario: &Scenario) -> Vec<Vec<Directive>> {
    let rules = RuleSet::load(paths).unwrap();
    let teams = scenario
        .districts
        .iter()
        .map(|_| vec![0; scenario.team_kinds.len()])
        .collect();
    let plan = plan(&rules, scenario, teams);
    directives(rules.after_solve(scenario, &plan).unwrap())
}

/// The directives of each district after the solve (the trace is tested in tests/trace.rs).
fn directives(after: Vec<AfterSolve>) -> Vec<Vec<Directive>> {
    after.into_iter().map(|a| a.directives).collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9 * b.abs().max(1.0)
}

fn only(directives: &[Directive], rule: &str) -> Directive {
    let found: Vec<&Directive> = directives.iter().filter(|d| d.rule == rule).collect();
    assert_eq!(found.len(), 1, "{directives:?}");
    found[0].clone()
}

// ---------------------------------------------------------------- rule 1: communication

#[test]
fn communication_adds_the_reach_of_communication_and_schools() {
    // 8,000 uninstalled × 1% = 80; 1,000 students × 25% × (1 − 0.2) = 200.
    let s = scenario(vec![with_cohorts(
        district("Hữu Lũng", 2_000, 10_000, 24),
        &[("students", 1_000)],
    )]);
    let fx = &before(&[shipped("communication")], &s).unwrap()[0];
    let installs: Vec<f64> = fx.fixed.iter().map(|f| f.installs).collect();
    assert_eq!(installs.len(), 2);
    assert!(close(installs[0], 80.0), "{installs:?}");
    assert!(close(installs[1], 200.0), "{installs:?}");
    assert!(fx.fixed.iter().all(|f| f.rule == "communication"));
    assert!(fx.fixed[1].reason.vi.contains("học sinh"));
    assert!(fx.fixed[1].reason.get(Lang::En).contains("pupils"));
    assert!(fx.mandates.is_empty() && fx.min_teams.is_empty());
    assert!(
        fx.directives.is_empty(),
        "the directive comes after the solve"
    );

    let d = only(&after(&[shipped("communication")], &s)[0], "communication");
    assert_eq!(d.priority, 2);
    assert!(close(d.expected_installs.unwrap(), 280.0));
    assert!(
        d.action
            .vi
            .starts_with("Tăng cường tuyên truyền trên hệ thống thông tin cơ sở")
    );
    assert!(d.action.get(Lang::En).contains("pupils and students"));
    assert_eq!(
        d.unit,
        Text::new(
            "UBND huyện; Phòng Văn hóa - Thông tin; các trường học",
            "People's Committee of the district; Culture and Information Office; schools"
        )
    );
    assert!(d.teams.is_empty());
}

#[test]
fn communication_without_students_counts_communication_only() {
    let s = scenario(vec![district("Đình Lập", 6_651, 20_175, 12)]);
    let fx = &before(&[shipped("communication")], &s).unwrap()[0];
    let expected = 0.01 * (20_175.0 - 6_651.0);
    assert!(close(fx.fixed[0].installs, expected));
    assert_eq!(fx.fixed[1].installs, 0.0);
    let directives = after(&[shipped("communication")], &s);
    assert!(close(directives[0][0].expected_installs.unwrap(), expected));
}

#[test]
fn communication_reports_installs_as_capped_by_the_plan() {
    // 100% of the uninstalled by communication and 10,000 students: the rule asks for more
    // than the 5,000 smartphones without the app; the directive reports what the plan counts.
    let mut s = scenario(vec![with_cohorts(
        district("Văn Lãng", 5_000, 10_000, 17),
        &[("students", 10_000)],
    )]);
    s.params
        .insert("communication_reach".into(), Param::Number(1.0));
    let directives = after(&[shipped("communication")], &s);
    assert!(close(directives[0][0].expected_installs.unwrap(), 5_000.0));
}

// ---------------------------------------------------------------- rule 2: mandatory cohorts

#[test]
fn mandatory_cohorts_mandates_quarantine_and_testing_at_their_shares() {
    // rate 0.2: 0.95 × 100 × 0.8 = 76 and 0.80 × 500 × 0.8 = 320, so 396 installs.
    let s = scenario(vec![
        with_cohorts(
            district("Cao Lộc", 2_000, 10_000, 22),
            &[("quarantine", 100), ("testing", 500), ("students", 4_000)],
        ),
        district("Bắc Sơn", 9_812, 36_584, 18),
    ]);
    let effects = before(&[shipped("mandatory-cohorts")], &s).unwrap();
    let fx = &effects[0];
    let mandates: Vec<(&str, f64)> = fx
        .mandates
        .iter()
        .map(|m| (m.cohort.as_str(), m.share))
        .collect();
    assert_eq!(mandates, [("quarantine", 0.95), ("testing", 0.80)]);
    assert!(fx.mandates.iter().all(|m| m.rule == "mandatory-cohorts"));
    let directives = after(&[shipped("mandatory-cohorts")], &s);
    let d = only(&directives[0], "mandatory-cohorts");
    assert_eq!(d.priority, 1);
    assert!(close(d.expected_installs.unwrap(), 396.0));
    assert!(d.action.vi.contains("cách ly (tập trung hay tại nhà)"));
    assert!(d.action.get(Lang::En).contains("tested for COVID-19"));
    assert_eq!(
        d.unit.vi,
        "Trung tâm Y tế huyện; Ban Chỉ đạo phòng, chống dịch COVID-19 huyện"
    );
    // The host computes the same figure (MODEL.md § "Quantities").
    let built = campaign_planner::scenario::to_model(&s, &effects);
    assert!(close(built.districts[0].mandated_installs, 396.0));

    // A district without those cohorts: no mandate, the directive still stands.
    let fx = &effects[1];
    assert!(fx.mandates.is_empty());
    let d = only(&directives[1], "mandatory-cohorts");
    assert_eq!(d.expected_installs, None);
}

#[test]
fn a_cohort_larger_than_the_smartphones_counts_only_the_smartphones() {
    // min(n, S): 50,000 tested in a district of 10,000 smartphones, rate 0.2 → 0.8 × 10,000 × 0.8.
    let s = scenario(vec![with_cohorts(
        district("Văn Quan", 2_000, 10_000, 17),
        &[("testing", 50_000)],
    )]);
    let directives = after(&[shipped("mandatory-cohorts")], &s);
    assert!(close(directives[0][0].expected_installs.unwrap(), 6_400.0));
}

// ---------------------------------------------------------------- rule 3: door to door

#[test]
fn door_to_door_below_at_and_above_the_threshold() {
    // rates 0.2999, 0.30 (exactly: not below) and 0.3001
    let s = scenario(vec![
        district("below", 2_999, 10_000, 12),
        district("at", 3_000, 10_000, 12),
        district("above", 3_001, 10_000, 12),
    ]);
    let effects = before(&[shipped("door-to-door")], &s).unwrap();
    assert_eq!(
        effects[0].min_teams,
        BTreeMap::from([("commune".to_string(), 12), ("volunteer".to_string(), 1)])
    );
    for fx in &effects[1..] {
        assert!(fx.min_teams.is_empty(), "{fx:?}");
    }
    for fx in &effects {
        assert!(fx.directives.is_empty() && fx.mandates.is_empty() && fx.fixed.is_empty());
        assert!(fx.max_teams.is_empty());
    }
}

#[test]
fn door_to_door_threshold_comes_from_the_scenario() {
    let mut s = scenario(vec![district("Tràng Định", 11_354, 37_092, 22)]);
    s.params
        .insert("door_to_door_threshold".to_string(), Param::Number(0.25));
    let effects = before(&[shipped("door-to-door")], &s).unwrap();
    assert!(effects[0].min_teams.is_empty(), "30.6% is not below 25%");
}

#[test]
fn door_to_door_directive_names_the_planned_teams_and_the_projected_rate() {
    let s = scenario(vec![
        district("Hữu Lũng", 18_019, 78_399, 24),
        district("Thành phố Lạng Sơn", 39_911, 96_818, 8),
    ]);
    let rules = RuleSet::load(&all_shipped()).unwrap();
    let plan = plan(&rules, &s, vec![vec![24, 3], vec![0, 0]]);
    let after = directives(rules.after_solve(&s, &plan).unwrap());
    assert_eq!(after.len(), 2);

    let hl = &plan.districts[0];
    let d = only(&after[0], "door-to-door");
    let vi_rate = number::percent(Lang::Vi, hl.projected_rate);
    let en_rate = number::percent(Lang::En, hl.projected_rate);
    assert_eq!(
        d.action.vi,
        format!(
            "Ban Chỉ đạo các xã, thị trấn triển khai “đi từng ngõ, gõ từng nhà”: 24 tổ xã và \
             3 đội tình nguyện, dự kiến +{} lượt cài, đạt {vi_rate}",
            number::count(Lang::Vi, hl.outreach_installs)
        )
    );
    assert_eq!(
        d.action.get(Lang::En),
        format!(
            "The steering committees of the communes and townships go “door to door, house to \
             house”: 24 commune teams and 3 volunteer teams, expected +{} installs, reaching {en_rate}",
            number::count(Lang::En, hl.outreach_installs)
        )
    );
    assert!(
        vi_rate.contains(',') && en_rate.contains('.'),
        "{vi_rate} {en_rate}"
    );
    assert!(hl.outreach_installs > 1_000.0, "{}", hl.outreach_installs);
    assert_eq!(
        d.teams,
        [("commune".to_string(), 24), ("volunteer".to_string(), 3)]
    );
    assert_eq!(d.priority, 1, "Hữu Lũng (23%) is below 30%");
    assert_eq!(
        d.unit,
        Text::new(
            "Ban Chỉ đạo phòng, chống dịch COVID-19 các xã, thị trấn",
            "COVID-19 steering committees of the communes and townships"
        )
    );

    // No teams planned: the directive says so, and the district is not urgent (41%).
    let city = &plan.districts[1];
    let d = only(&after[1], "door-to-door");
    assert!(
        d.action.vi.contains("bằng lực lượng tại chỗ"),
        "{}",
        d.action.vi
    );
    assert!(d.action.vi.contains("không bố trí tổ, đội nào"));
    assert!(
        d.action
            .vi
            .ends_with(&number::percent(Lang::Vi, city.projected_rate))
    );
    assert!(d.action.get(Lang::En).contains("assigns no teams"));
    assert!(d.teams.is_empty());
    assert_eq!(d.priority, 3);

    // All three rules give their directive after the solve, in rule order.
    for directives in &after {
        let rules: Vec<&str> = directives.iter().map(|d| d.rule.as_str()).collect();
        assert_eq!(
            rules,
            ["communication", "mandatory-cohorts", "door-to-door"]
        );
    }
}

#[test]
fn one_team_is_singular_in_english() {
    let s = scenario(vec![district("Bình Gia", 7_186, 29_057, 19)]);
    let rules = RuleSet::load(&[shipped("door-to-door")]).unwrap();
    let plan = plan(&rules, &s, vec![vec![19, 1]]);
    let d = &rules.after_solve(&s, &plan).unwrap()[0].directives[0];
    assert!(
        d.action
            .get(Lang::En)
            .contains("19 commune teams and 1 volunteer team,"),
        "{}",
        d.action.get(Lang::En)
    );
    assert!(d.action.vi.contains("19 tổ xã và 1 đội tình nguyện,"));
}

#[test]
fn shipped_rules_together_on_the_letters_districts() {
    let s = scenario(vec![
        with_cohorts(
            district("Thành phố Lạng Sơn", 39_911, 96_818, 8),
            &[("quarantine", 60), ("testing", 1_500), ("students", 9_000)],
        ),
        with_cohorts(
            district("Hữu Lũng", 18_019, 78_399, 24),
            &[("quarantine", 15), ("testing", 600), ("students", 5_500)],
        ),
    ]);
    let effects = before(&all_shipped(), &s).unwrap();
    assert_eq!(effects.len(), 2);
    for fx in &effects {
        let rules: Vec<&str> = fx.fixed.iter().map(|f| f.rule.as_str()).collect();
        assert_eq!(rules, ["communication", "communication"], "{rules:?}");
        assert!(fx.directives.is_empty(), "directives come after the solve");
    }
    assert!(effects[0].min_teams.is_empty(), "41% is not below 30%");
    assert_eq!(effects[1].min_teams["commune"], 24);
}

// ---------------------------------------------------------------- the API

#[test]
fn bounds_productivity_and_directives_from_a_custom_rule() {
    let source = r#"
        fn before_solve(district, scenario) {
            district.max_teams("volunteer", 5);
            district.max_teams("volunteer", 4);   // the smallest maximum wins
            district.min_teams("commune", 2);
            district.min_teams("commune", 1);     // the largest minimum wins
            district.set_productivity("commune", 1.5);
            district.set_productivity("commune", 2);  // the last one wins
            district.add_installs(10, "lý do");
            if district.name == "A" && district.smartphones == 1000 && district.installed == 250 {
                district.directive(#{ action: "làm", unit: "xã" });
            }
            if scenario.target_rate != 0.4 || scenario.horizon_days != 14
                || scenario.district_floor != 0.0 || scenario.provincial_kinds() != ["volunteer"]
                || scenario.local_kinds() != ["commune"] || district.rate != 0.25
                || district.local_teams("commune") != 3 || district.cohort("nobody") != 0 {
                throw "wrong data";
            }
            print("printing goes nowhere");
            debug("nor does debugging");
        }
    "#;
    let (_dir, path) = rule_file("custom", source);
    let s = scenario(vec![district("A", 250, 1_000, 3)]);
    let fx = &before(&[path], &s).unwrap()[0];
    assert_eq!(fx.max_teams["volunteer"], 4);
    assert_eq!(fx.min_teams["commune"], 2);
    assert_eq!(fx.productivity["commune"], 2.0);
    assert_eq!(fx.fixed[0].reason, Text::vi_only("lý do"));
    let d = &fx.directives[0];
    assert_eq!((d.rule.as_str(), d.priority), ("custom", 2));
    assert_eq!(d.action, Text::vi_only("làm"));
    assert_eq!(d.expected_installs, None);
}

#[test]
fn after_solve_figures_match_the_plan() {
    let source = r#"
        fn after_solve(district, scenario) {
            district.directive(#{
                action: `${district.teams("commune")}|${district.teams("volunteer")}|${district.projected_rate}|${district.projected_installed}|${district.outreach_installs}|${district.mandated_installs}|${district.fixed_installs}`,
                unit: fmt_count(1234567, "vi") + " " + fmt_count(1234567.4, "en") + " "
                    + fmt_percent(0.29225, "vi") + " " + fmt_percent(0.29225, "en"),
                priority: 5,
                expected_installs: 1,
            });
        }
    "#;
    let (_dir, path) = rule_file("figures", source);
    let mut paths = vec![shipped("mandatory-cohorts")];
    paths.push(path);
    let s = scenario(vec![with_cohorts(
        district("A", 2_000, 10_000, 4),
        &[("testing", 100)],
    )]);
    let rules = RuleSet::load(&paths).unwrap();
    let plan = plan(&rules, &s, vec![vec![4, 0]]);
    let dp = &plan.districts[0];
    let after = directives(rules.after_solve(&s, &plan).unwrap());
    let d = only(&after[0], "figures");
    let seen: Vec<f64> = d.action.vi.split('|').map(|x| x.parse().unwrap()).collect();
    let expected = [
        4.0,
        0.0,
        // the rate as printed: the printed installs over the smartphones
        dp.projected_rate_as_printed(),
        dp.projected_installed,
        dp.outreach_installs,
        dp.mandated_installs,
        dp.fixed_installs,
    ];
    assert_eq!(seen, expected, "{}", d.action.vi);
    assert!(close(dp.mandated_installs, 64.0));
    assert_eq!(d.unit.vi, "1.234.567 1,234,567 29,2% 29.2%");
    assert_eq!(d.priority, 5);
    assert_eq!(d.expected_installs, Some(1.0));
    assert!(d.teams.is_empty(), "no `with_teams`");
}

#[test]
fn min_rate_sets_a_floor_and_the_largest_call_wins() {
    let source = r#"
        fn before_solve(district, scenario) {
            district.min_rate(0.35);
            district.min_rate(0.3);
            district.min_rate(1);      // a whole number is a number
            if district.name == "B" { district.min_rate(0); }
        }
    "#;
    let (_dir, path) = rule_file("floor", source);
    let s = scenario(vec![
        district("A", 250, 1_000, 3),
        district("B", 250, 1_000, 3),
    ]);
    let effects = before(&[path], &s).unwrap();
    assert_eq!(effects[0].min_rate, Some(1.0));
    assert_eq!(effects[1].min_rate, Some(1.0));
    // No call, no floor.
    let s = scenario(vec![district("A", 250, 1_000, 3)]);
    let effects = before(&[shipped("door-to-door")], &s).unwrap();
    assert_eq!(effects[0].min_rate, None);
}

#[test]
fn scenario_districts_lets_a_rule_rank_its_district() {
    // Rates 0.25, 0.40 and 0.10: B has two districts below it, A one, C none.
    let source = r#"
        fn before_solve(district, scenario) {
            let lower = 0;
            for other in scenario.districts() {
                if other.rate < district.rate { lower += 1; }
            }
            let all = scenario.districts();
            let first = all[0];
            district.directive(#{
                action: `${lower}|${all.len()}|${first.name}|${first.smartphones}|${first.installed}|${first.rate}`,
                unit: "x",
            });
        }
    "#;
    let (_dir, path) = rule_file("rank", source);
    let s = scenario(vec![
        district("A", 250, 1_000, 3),
        district("B", 400, 1_000, 3),
        district("C", 100, 1_000, 3),
    ]);
    let effects = before(&[path], &s).unwrap();
    let actions: Vec<&str> = effects
        .iter()
        .map(|fx| fx.directives[0].action.vi.as_str())
        .collect();
    assert_eq!(
        actions,
        [
            "1|3|A|1000|250|0.25",
            "2|3|A|1000|250|0.25",
            "0|3|A|1000|250|0.25"
        ]
    );
    // The trace keeps the count, not the whole list.
    let read = &effects[0].trace[0].read;
    assert_eq!(
        read.iter().find(|(k, _)| k == "scenario.districts()"),
        Some(&("scenario.districts()".to_string(), TraceValue::Int(3)))
    );
}

#[test]
fn scenario_districts_holds_thousands_of_districts_outside_the_limits_on_one_value() {
    // 2,000 districts: as maps in one list, 8,000 entries against the 1,000 one value may hold
    // (the list stopped rules past 250 districts). The list itself is not counted; what a rule
    // takes out of it and keeps is.
    let districts: Vec<DistrictInput> = (0..2_000u64)
        .map(|i| district(&format!("D{i:04}"), 100 + i % 300, 1_000, 1))
        .collect();
    let source = r#"
        fn before_solve(district, scenario) {
            if district.name != "D0000" { return; }
            let all = scenario.districts();
            let copies = [all, all, all, scenario.districts()];
            let low = all.filter(|d| d.rate < 0.12);
            let rates = all.map(|d| d.rate);
            let n = 0;
            for other in all { n += 1; }
            district.directive(#{
                action: `${all.len()}|${all.is_empty()}|${all[0].name}|${all[-1].name}|${low.len()}|${rates.len()}|${n}|${copies.len()}|${type_of(all)}`,
                unit: "x",
            });
        }
    "#;
    let (_dir, path) = rule_file("all", source);
    let effects = before(&[path], &scenario(districts)).unwrap();
    // rates 0.100, 0.101, ... 0.399 and again: 20 of every 300 below 0.12, 140 in all
    assert_eq!(
        effects[0].directives[0].action.vi,
        "2000|false|D0000|D1999|140|2000|2000|4|Districts"
    );
}

#[test]
fn scenario_districts_read_past_its_end_or_filtered_by_a_number_is_an_error_at_its_line() {
    let s = scenario(vec![
        district("A", 250, 1_000, 3),
        district("B", 400, 1_000, 3),
    ]);
    let err = before_err(
        "fn before_solve(district, scenario) {\n    let d = scenario.districts()[2];\n}\n",
        &s,
    );
    assert_eq!(err.location.line, Some(2));
    assert!(
        err.render(Lang::En)
            .contains("index 2 is outside the list (length 2, numbered from 0)"),
        "{}",
        err.render(Lang::En)
    );
    let err = before_err(
        "fn before_solve(district, scenario) {\n    let d = scenario.districts().filter(|d| d.rate);\n}\n",
        &s,
    );
    assert_eq!(err.location.line, Some(2));
    let (vi, en) = (err.render(Lang::Vi), err.render(Lang::En));
    assert!(
        en.contains(
            "`filter`: the function must give true (keep) or false (leave out), not a number"
        ),
        "{en}"
    );
    assert!(
        vi.contains("gợi ý: ví dụ: `scenario.districts().filter(|d| d.rate < 0.3)`"),
        "{vi}"
    );
}

#[test]
fn a_list_param_is_an_array_that_contains_works_on() {
    let source = r#"
        fn before_solve(district, scenario) {
            let remote = scenario.param("remote_districts");
            if remote.contains(district.name) { district.max_teams("volunteer", 2); }
            if district.name in remote { district.min_teams("volunteer", 1); }
            if scenario.param("bands").contains(0.2) && !scenario.param("bands").contains(0.3)
                && scenario.param("bands")[1] == 0.2 && scenario.param("none").len() == 0
                && scenario.param("flags")[0] {
                district.set_productivity("commune", 0.7);
            }
        }
    "#;
    let (_dir, path) = rule_file("remote", source);
    let mut s = scenario(vec![
        district("Đình Lập", 6_651, 20_175, 12),
        district("Cao Lộc", 20_012, 57_150, 22),
    ]);
    s.params.insert(
        "remote_districts".into(),
        Param::List(vec![
            Param::Text("Đình Lập".into()),
            Param::Text("Bình Gia".into()),
        ]),
    );
    s.params.insert(
        "bands".into(),
        Param::List(vec![Param::Number(0.1), Param::Number(0.2)]),
    );
    s.params.insert("none".into(), Param::List(Vec::new()));
    s.params
        .insert("flags".into(), Param::List(vec![Param::Bool(true)]));
    let effects = before(&[path], &s).unwrap();
    assert_eq!(effects[0].max_teams.get("volunteer"), Some(&2));
    assert_eq!(effects[0].min_teams.get("volunteer"), Some(&1));
    assert!(effects[1].max_teams.is_empty() && effects[1].min_teams.is_empty());
    for fx in &effects {
        assert_eq!(fx.productivity.get("commune"), Some(&0.7));
    }
    assert_eq!(
        effects[0].trace[0].read("scenario.param(remote_districts)"),
        Some(&TraceValue::List(vec![
            TraceValue::Text("Đình Lập".into()),
            TraceValue::Text("Bình Gia".into()),
        ]))
    );
}

// ---------------------------------------------------------------- the trace

#[test]
fn the_trace_records_each_read_once_with_its_first_value_and_every_set_as_asked() {
    let source = r#"
        fn before_solve(district, scenario) {
            let r = district.rate;
            let r2 = district.rate;             // read twice: recorded once
            let s = district.smartphones;
            let t = scenario.target_rate + scenario.horizon_days + scenario.district_floor;
            let kinds = scenario.provincial_kinds();
            let c = district.cohort("Students");
            district.mandate("testing", 0.5);
            district.add_installs(900.0, "rất nhiều");    // recorded as asked
            district.add_installs(2, "hai", "two");
            district.set_productivity("commune", 1.5);
            district.min_teams("commune", 1);
            district.min_teams("commune", 2);
            district.max_teams("volunteer", 4);
            district.min_rate(0.3);
            district.directive(#{ action: "làm", action_en: "do", unit: "xã", priority: 1 });
            if `${district}` != district.name { throw "to_string"; }
        }
        fn after_solve(district, scenario) {
            let v = district.teams("volunteer") + district.projected_installed;
            district.directive(#{ action: "sau", unit: "xã", expected_installs: 3 });
        }
    "#;
    let (_dir, path) = rule_file("everything", source);
    let s = scenario(vec![with_cohorts(
        district("A", 250, 1_000, 3),
        &[("testing", 10), ("students", 7)],
    )]);
    let rules = RuleSet::load(&[path, shipped("mandatory-cohorts")]).unwrap();
    let effects = rules.before_solve(&s).unwrap();
    let trace = &effects[0].trace;
    let calls: Vec<(&str, Phase)> = trace.iter().map(|e| (e.rule.as_str(), e.phase)).collect();
    assert_eq!(
        calls,
        [
            ("everything", Phase::BeforeSolve),
            ("mandatory-cohorts", Phase::BeforeSolve)
        ]
    );
    let e = &trace[0];
    let keys: Vec<&str> = e.read.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        keys,
        [
            "district.rate",
            "district.smartphones",
            "scenario.target_rate",
            "scenario.horizon_days",
            "scenario.district_floor",
            "scenario.provincial_kinds()",
            "district.cohort(Students)",
            "district.name",
        ]
    );
    assert_eq!(e.read("district.rate"), Some(&TraceValue::Number(0.25)));
    assert_eq!(
        e.read("district.smartphones"),
        Some(&TraceValue::Int(1_000))
    );
    assert_eq!(e.read("scenario.horizon_days"), Some(&TraceValue::Int(14)));
    assert_eq!(
        e.read("scenario.district_floor"),
        Some(&TraceValue::Number(0.0))
    );
    assert_eq!(
        e.read("scenario.provincial_kinds()"),
        Some(&TraceValue::List(vec![TraceValue::Text(
            "volunteer".into()
        )]))
    );
    assert_eq!(
        e.read("district.cohort(Students)"),
        Some(&TraceValue::Int(7))
    );
    assert_eq!(e.read("district.name"), Some(&TraceValue::Text("A".into())));
    assert_eq!(
        e.set,
        [
            TraceAction::Mandate {
                cohort: "testing".into(),
                share: 0.5
            },
            TraceAction::AddInstalls {
                installs: 900.0,
                reason: Text::vi_only("rất nhiều")
            },
            TraceAction::AddInstalls {
                installs: 2.0,
                reason: Text::new("hai", "two")
            },
            TraceAction::SetProductivity {
                kind: "commune".into(),
                value: 1.5
            },
            TraceAction::MinTeams {
                kind: "commune".into(),
                value: 1
            },
            TraceAction::MinTeams {
                kind: "commune".into(),
                value: 2
            },
            TraceAction::MaxTeams {
                kind: "volunteer".into(),
                value: 4
            },
            // the line of the rule file, for the finding that names the rule (trial 13f J20)
            TraceAction::MinRate {
                value: 0.3,
                line: Some(16)
            },
            TraceAction::Directive {
                priority: 1,
                unit: Text::vi_only("xã"),
                action: Text::new("làm", "do"),
                expected_installs: None
            },
        ]
    );
    // The shipped rule: reads the cohorts and the compliance, mandates testing only.
    let e = &trace[1];
    assert_eq!(
        e.read("scenario.param(testing_compliance)"),
        Some(&TraceValue::Number(0.8))
    );
    assert_eq!(
        e.set,
        [TraceAction::Mandate {
            cohort: "testing".into(),
            share: 0.8
        }]
    );

    let plan = plan(&rules, &s, vec![vec![3, 2]]);
    let after = rules.after_solve(&s, &plan).unwrap();
    let trace = &after[0].trace;
    assert_eq!(trace.len(), 2);
    assert_eq!(
        (trace[0].rule.as_str(), trace[0].phase),
        ("everything", Phase::AfterSolve)
    );
    assert_eq!(
        trace[0].read,
        [
            ("district.teams(volunteer)".to_string(), TraceValue::Int(2)),
            (
                "district.projected_installed".to_string(),
                TraceValue::Number(plan.districts[0].projected_installed)
            ),
        ]
    );
    assert_eq!(
        trace[0].set,
        [TraceAction::Directive {
            priority: 2,
            unit: Text::vi_only("xã"),
            action: Text::vi_only("sau"),
            expected_installs: Some(3.0)
        }]
    );
    assert_eq!(trace[1].rule, "mandatory-cohorts");
}

#[test]
fn a_rule_that_reads_and_sets_nothing_still_has_its_entry() {
    let (_dir, path) = rule_file("idle", "fn before_solve(district, scenario) {}\n");
    let s = scenario(vec![
        district("A", 250, 1_000, 3),
        district("B", 250, 1_000, 3),
    ]);
    let effects = before(&[path], &s).unwrap();
    for fx in &effects {
        assert_eq!(
            fx.trace,
            [TraceEntry {
                rule: "idle".into(),
                phase: Phase::BeforeSolve,
                read: Vec::new(),
                set: Vec::new(),
            }]
        );
    }
    // A rule without `after_solve` has no after-solve entry.
    let (_dir, path) = rule_file("idle", "fn before_solve(district, scenario) {}\n");
    let rules = RuleSet::load(&[path]).unwrap();
    let plan = plan(&rules, &s, vec![vec![0, 0], vec![0, 0]]);
    let after = rules.after_solve(&s, &plan).unwrap();
    assert!(
        after
            .iter()
            .all(|a| a.trace.is_empty() && a.directives.is_empty())
    );
}

/// Door to door with no volunteer teams at all (a what-if) is not a broken rule: the rules
/// run, and the optimiser says the scenario cannot be met, naming the teams missing.
#[test]
fn door_to_door_with_an_empty_volunteer_pool_is_infeasible_not_an_error() {
    let mut s = scenario(vec![
        district("Hữu Lũng", 18_019, 78_399, 24),
        district("Chi Lăng", 10_285, 43_471, 20),
    ]);
    s.team_kinds[1].available = Some(0);
    let effects = before(&[shipped("door-to-door")], &s).expect("the rule runs");
    assert_eq!(effects[0].min_teams.get("volunteer"), Some(&1));
    let model = campaign_planner::scenario::to_model(&s, &effects);
    let solution = campaign_planner::solve::solve(&model);
    assert_eq!(solution.status, campaign_planner::solve::Status::Infeasible);
    let findings = &solution.diagnosis.expect("a diagnosis").findings;
    assert!(
        findings.contains(&campaign_planner::solve::Finding::PoolMinimums {
            kind: "volunteer".into(),
            required: 2,
            available: 0,
            // the optimiser alone has no trace: the plan names the rule
            rules: Vec::new(),
        }),
        "{findings:?}"
    );
}

/// `district.own_fixed_installs`: each rule's own installs as the plan counts them, so that two
/// rules adding installs each state their own figure, and the cap splits in proportion.
#[test]
fn each_rule_states_its_own_fixed_installs_even_when_the_cap_cuts() {
    let rule = |name: &str, n: f64| {
        rule_file(
            name,
            &format!(
                "fn before_solve(district, scenario) {{\n    district.add_installs({n}, \"x\");\n}}\n\
                 fn after_solve(district, scenario) {{\n    district.directive(#{{ action: \"a\", \
                 unit: \"u\", expected_installs: district.own_fixed_installs }});\n}}\n"
            ),
        )
    };
    let (_a, first) = rule("first", 300.0);
    let (_b, second) = rule("second", 100.0);
    // room 1 000 − 900 = 100 smartphones without the app: 400 asked, capped to 100
    for (installed, expect_first, expect_second) in [(500, 300.0, 100.0), (900, 75.0, 25.0)] {
        let mut s = scenario(vec![district("Xã thử", installed, 1_000, 2)]);
        s.rules = vec![first.clone(), second.clone()];
        let plan = campaign_planner::plan_scenario(&s).unwrap();
        let d = &plan.districts[0];
        let figures: Vec<f64> = d
            .directives
            .iter()
            .map(|x| x.expected_installs.unwrap())
            .collect();
        assert_eq!(figures.len(), 2);
        assert!((figures[0] - expect_first).abs() < 1e-9, "{figures:?}");
        assert!((figures[1] - expect_second).abs() < 1e-9, "{figures:?}");
        assert!((figures[0] + figures[1] - d.fixed_installs).abs() < 1e-9);
    }
}

#[test]
fn hidden_files_in_a_rules_folder_are_not_run() {
    // trial13e H29: macOS's `._name.rhai` (on a shared drive) and Emacs's `.#name.rhai` lock
    // link ran as rules and stopped every plan of the folder
    let what_if = crate::support::WhatIf::shipped().replace(
        "rules = [\n  \"../rules/communication.rhai\",\n  \"../rules/mandatory-cohorts.rhai\",\n  \"../rules/door-to-door.rhai\",\n]\n",
        "rules = [\"../rules\"]\n",
    );
    let rules = what_if.dir().join("rules");
    std::fs::write(
        rules.join("._communication.rhai"),
        b"\x00\x05\x16\x07\x00\x02\x00\x00",
    )
    .unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        "root@host.1234:1700000000",
        rules.join(".#door-to-door.rhai"),
    )
    .unwrap();
    let out = what_if.test().format("json").run().code(0);
    let json = out.json();
    let directives = json.to_string();
    assert!(directives.contains("\"communication\""), "{directives}");
    assert!(!directives.contains("._communication"), "{directives}");
}

/// Trial 13g K13: Rhai names a closure `anon$` and a hash seeded anew in each process; a
/// closure put into a directive's text, thrown, or called with the wrong number of values
/// printed that name, other bytes on every run. Two runs of the binary now print the same
/// bytes, and never the name.
#[test]
fn a_closure_in_a_rule_gives_the_same_bytes_on_every_run() {
    let dir = tempfile::tempdir().unwrap();
    let root = env!("CARGO_MANIFEST_DIR");
    let bodies = [
        "district.directive(#{ action: \"Việc \" + f, action_en: \"Task \" + f, unit: \"UBND\", priority: 4 });",
        "district.add_installs(1.0, `Lý do ${f}`, \"Reason \" + f);",
        "throw #{ vi: \"Lỗi \" + f, en: \"Error \" + f };",
        "throw [f];",
        "let y = f.call(1, 2);",
    ];
    for (i, body) in bodies.iter().enumerate() {
        let hook = if i == 0 {
            "after_solve"
        } else {
            "before_solve"
        };
        std::fs::write(
            dir.path().join(format!("r{i}.rhai")),
            format!("fn {hook}(district, scenario) {{\n    let f = |x| x + 1;\n    {body}\n}}\n"),
        )
        .unwrap();
        let scenario = dir.path().join(format!("s{i}.toml"));
        std::fs::write(
            &scenario,
            format!(
                "base = \"{root}/scenarios/lang-son-2020-09-01.toml\"\nrules = [\"r{i}.rhai\"]\n"
            ),
        )
        .unwrap();
        for lang in ["vi", "en"] {
            let run = || {
                std::process::Command::new(env!("CARGO_BIN_EXE_campaign"))
                    .args(["--lang", lang, "plan"])
                    .arg(&scenario)
                    .output()
                    .unwrap()
            };
            let (first, second) = (run(), run());
            assert_eq!(first.status.code(), Some(1), "{body}");
            let said = String::from_utf8_lossy(&first.stderr).to_string();
            assert_eq!(first.stdout, second.stdout, "{body}");
            assert_eq!(said, String::from_utf8_lossy(&second.stderr), "{body}");
            assert!(!said.contains("anon$") && !said.contains("Fn("), "{said}");
            assert!(said.contains(&format!("r{i}.rhai:3:")), "{said}");
        }
    }
}
