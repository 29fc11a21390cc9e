//! Loading scenarios (MODEL.md § "Scenario files (TOML)"): the shipped scenario, the CSV
//! route, and one test per mistake a user can make, asserting what the user reads.

#[path = "scenario_load/coverage_messages.rs"]
mod coverage_messages;
#[path = "scenario_load/csv_errors.rs"]
mod csv_errors;
#[path = "scenario_load/district_errors.rs"]
mod district_errors;
#[path = "scenario_load/layouts.rs"]
mod layouts;
#[path = "scenario_load/support.rs"]
pub(crate) mod support;
#[path = "scenario_load/toml_errors.rs"]
mod toml_errors;

use std::path::Path;

use campaign_planner::model::{Objective, Scope};
use campaign_planner::scenario::{Param, load};
use support::{Case, MINIMAL};

const SHIPPED: &str = include_str!("../scenarios/lang-son-2020-09-01.toml");
const SHIPPED_RULES: [&str; 3] = ["communication", "mandatory-cohorts", "door-to-door"];

/// The shipped scenario in a temporary copy of the repository layout: `scenarios/` beside
/// `rules/` (the rule files are empty; only their paths matter here).
fn shipped_case() -> (Case, std::path::PathBuf) {
    let case = Case::new();
    for stem in SHIPPED_RULES {
        case.write(&format!("rules/{stem}.rhai"), "");
    }
    let path = case.write("scenarios/lang-son-2020-09-01.toml", SHIPPED);
    (case, path)
}

#[test]
fn the_shipped_scenario_loads_with_the_letters_figures() {
    let (_case, path) = shipped_case();
    let s =
        load(&path).unwrap_or_else(|e| panic!("{}", e.render(campaign_planner::text::Lang::En)));
    assert_eq!(s.name, "Lạng Sơn, 2020-09-01");
    assert_eq!(s.as_of, "2020-09-01");
    assert_eq!(s.horizon_days, 14);
    assert_eq!(s.objective, Objective::MaxInstalls);
    assert_eq!(s.target_rate, 0.40);
    assert_eq!(s.district_floor, None);
    assert_eq!(s.reachable_share, 0.8);
    assert_eq!(s.budget, None);
    // The letter: 151.916 of 519.820 smartphones (29.22%), in 11 districts.
    assert_eq!(s.districts.len(), 11);
    assert_eq!(
        s.districts.iter().map(|d| d.installed).sum::<u64>(),
        151_916
    );
    assert_eq!(
        s.districts.iter().map(|d| d.smartphones).sum::<u64>(),
        519_820
    );
    let first = &s.districts[0];
    assert_eq!(first.name, "Thành phố Lạng Sơn");
    assert_eq!(first.teams.get("commune"), Some(&8));
    assert_eq!(first.cohorts.get("students"), Some(&9_000));
    assert_eq!(first.cohorts.len(), 3);
    assert_eq!(s.districts[10].name, "Đình Lập");

    assert_eq!(s.team_kinds.len(), 2);
    assert_eq!(s.team_kinds[0].name, "commune");
    assert_eq!(s.team_kinds[0].scope, Scope::Local);
    assert_eq!(s.team_kinds[0].available, None);
    assert_eq!(s.team_kinds[1].scope, Scope::Provincial);
    assert_eq!(s.team_kinds[1].available, Some(30));
    assert_eq!(s.team_kinds[1].cost_per_team_day, 300_000.0);

    let stems: Vec<_> = s
        .rules
        .iter()
        .map(|p| p.file_stem().unwrap().to_str().unwrap())
        .collect();
    assert_eq!(stems, SHIPPED_RULES);
    assert!(s.rules.iter().all(|p| p.is_file()));
    assert_eq!(
        s.params.get("door_to_door_provincial_kind"),
        Some(&Param::Text("volunteer".into()))
    );
    assert_eq!(
        s.params.get("door_to_door_threshold"),
        Some(&Param::Number(0.30))
    );
}

/// Once the rule files exist in the repository, the shipped file loads where it is.
#[test]
fn the_shipped_scenario_loads_in_place_when_the_rules_exist() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if SHIPPED_RULES
        .iter()
        .all(|r| root.join("rules").join(format!("{r}.rhai")).is_file())
    {
        let s = load(&root.join("scenarios/lang-son-2020-09-01.toml")).unwrap();
        assert_eq!(s.districts.len(), 11);
        assert_eq!(s.rules.len(), 3);
    }
}

/// The letter's table as a department would export it: mixed thousands separators, a quoted
/// cell, Excel's byte-order mark, the column `district` instead of `name`.
const COVERAGE_CSV: &str =
    "\u{feff}district,installed,smartphones,commune,quarantine,testing,students
Thành phố Lạng Sơn,39.911,\"96,818\",8,60,1500,9000
Hữu Lũng,18019,78399,24,15,600,5500
Cao Lộc,16752,58196,22,120,900,4000
Lộc Bình,15725,53067,21,40,500,3700
Tràng Định,11354,37092,22,20,300,2600
Chi Lăng,10285,43471,20,10,400,3000
Bắc Sơn,9812,36584,18,10,250,2500
Văn Lãng,8727,34823,17,80,600,2400
Văn Quan,7494,32138,17,10,250,2200
Bình Gia,7186,29057,19,10,200,2000
Đình Lập,6651,20175,12,15,200,1400
";

/// The shipped scenario with its `[[district]]` tables replaced by `coverage = "..."`.
fn shipped_with_coverage(file: &str) -> String {
    let head = SHIPPED.split("[[district]]").next().unwrap();
    let head = head.replacen(
        "objective = ",
        &format!("coverage = \"{file}\"\nobjective = "),
        1,
    );
    head.to_string()
}

#[test]
fn a_coverage_csv_gives_the_same_districts_as_the_inline_tables() {
    let (case, inline_path) = shipped_case();
    let inline = load(&inline_path).unwrap();
    case.write("scenarios/coverage.csv", COVERAGE_CSV);
    let path = case.write(
        "scenarios/from-csv.toml",
        &shipped_with_coverage("coverage.csv"),
    );
    let from_csv = load(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(from_csv.districts, inline.districts);
    assert_eq!(from_csv.team_kinds, inline.team_kinds);
}

#[test]
fn a_semicolon_csv_from_a_vietnamese_excel_loads() {
    let (case, _) = shipped_case();
    let csv =
        "name;installed;smartphones;commune\nHữu Lũng;18.019;78.399;24\nĐình Lập;6651;20175;\n";
    case.write("scenarios/coverage.csv", csv);
    let path = case.write("scenarios/s.toml", &shipped_with_coverage("coverage.csv"));
    let s = load(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(s.districts.len(), 2);
    assert_eq!(s.districts[0].installed, 18_019);
    assert_eq!(s.districts[0].smartphones, 78_399);
    // An empty team cell means no local teams of that kind.
    assert!(s.districts[1].teams.is_empty());
    assert!(s.districts[1].cohorts.is_empty());
}

#[test]
fn a_rule_folder_expands_to_its_rhai_files_by_name_each_once() {
    let case = Case::new();
    case.write("rules/b-second.rhai", "");
    case.write("rules/a-first.rhai", "");
    case.write("rules/notes.txt", "");
    case.write("rules/sub/c.rhai", "");
    let toml = MINIMAL.replace(
        "rules = [\"rules/communication.rhai\"]",
        "rules = [\"rules/b-second.rhai\", \"rules\", \"./rules/a-first.rhai\"]",
    );
    let s = case.load(&toml).unwrap_or_else(|e| panic!("{e}"));
    let names: Vec<_> = s
        .rules
        .iter()
        .map(|p| p.file_name().unwrap().to_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["b-second.rhai", "a-first.rhai", "communication.rhai"]
    );
}

#[test]
fn the_minimal_scenario_loads_with_defaults() {
    let case = Case::new();
    let s = case.load(MINIMAL).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(s.reachable_share, 0.8);
    assert_eq!(s.team_kinds[0].cost_per_team_day, 0.0);
    assert_eq!(s.districts[0].cohorts.get("quarantine"), Some(&15));
    assert!(s.params.is_empty());
}

#[test]
fn optional_keys_are_read() {
    let case = Case::new();
    let toml = format!(
        "budget = 250_000_000\n{}",
        MINIMAL.replace(
            "provincial_rate = 0.40",
            "provincial_rate = 0.40\ndistrict_floor = 0\n\n[response]\nreachable_share = 1\n\n\
             [params]\nthreshold = 0.3\nkind = \"volunteer\"\nstrict = true\nlimit = 3",
        )
    );
    let s = case.load(&toml).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(s.budget, Some(250_000_000.0));
    assert_eq!(s.district_floor, Some(0.0));
    assert_eq!(s.reachable_share, 1.0);
    assert_eq!(s.params["limit"], Param::Number(3.0));
    assert_eq!(s.params["strict"], Param::Bool(true));
    assert_eq!(s.params["kind"], Param::Text("volunteer".into()));
}

#[test]
fn params_may_be_lists_of_one_type() {
    let case = Case::new();
    let toml = MINIMAL.replacen(
        "[[team_kind]]",
        "[params]\nremote_districts = [\"Đình Lập\", \"Bình Gia\"]\nbands = [0.1, 2]\n\
         flags = [true, false]\nnone = []\n\n[[team_kind]]",
        1,
    );
    let s = case.load(&toml).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        s.params["remote_districts"],
        Param::List(vec![
            Param::Text("Đình Lập".into()),
            Param::Text("Bình Gia".into())
        ])
    );
    // Whole and decimal numbers are both numbers.
    assert_eq!(
        s.params["bands"],
        Param::List(vec![Param::Number(0.1), Param::Number(2.0)])
    );
    assert_eq!(
        s.params["flags"],
        Param::List(vec![Param::Bool(true), Param::Bool(false)])
    );
    assert_eq!(s.params["none"], Param::List(Vec::new()));
}

#[test]
fn district_names_are_trimmed_and_nfc_normalised() {
    let case = Case::new();
    // "Hữu Lũng" written with combining marks (NFD) and spaces around it.
    let toml = MINIMAL.replace(
        "name = \"Hữu Lũng\"",
        "name = \"  Hu\u{31b}\u{303}u Lu\u{303}ng \"",
    );
    let s = case.load(&toml).unwrap();
    assert_eq!(s.districts[0].name, "Hữu Lũng");
}

/// Whatever the file holds, `load` answers with an error, never a panic.
#[test]
fn no_prefix_of_the_shipped_scenario_makes_load_panic() {
    let (case, _) = shipped_case();
    let mut ends: Vec<usize> = (0..SHIPPED.len()).step_by(5).collect();
    ends.push(SHIPPED.len());
    for end in ends.into_iter().filter(|&e| SHIPPED.is_char_boundary(e)) {
        let path = case.write("scenarios/prefix.toml", &SHIPPED[..end]);
        if let Err(e) = load(&path) {
            assert!(!e.message.vi.is_empty() && e.message.en.is_some(), "{e}");
        }
    }
}

/// `"Học sinh" = 9_000` in a `[[district]]` is the cohort `students`, as the heading "Học sinh"
/// of a coverage table is (trial 13g K11: a new group no rule reads, the city's students
/// dropped from the plan); "Cách ly" and "Xét nghiệm" likewise. A bare key stays its own name.
#[test]
fn a_cohort_named_in_vietnamese_is_the_cohort_the_rules_read() {
    let layout = crate::layout::Layout::new();
    let shipped = crate::layout::shipped();
    let text =
        crate::layout::replace_once(&shipped, "students = 9_000\n", "\"Học sinh\" = 9_000\n");
    let text = crate::layout::replace_once(&text, "quarantine = 60\n", "\"Cách ly\" = 60\n");
    let vietnamese = load(&layout.write("hoc-sinh.toml", &text)).unwrap();
    let english = load(&layout.write("shipped.toml", &shipped)).unwrap();
    assert_eq!(vietnamese.districts, english.districts);
    let city = &vietnamese.districts[0];
    assert_eq!(city.cohorts.get("students"), Some(&9_000));
    assert_eq!(
        campaign_planner::plan_scenario(&vietnamese)
            .unwrap()
            .province
            .projected_installed,
        campaign_planner::plan_scenario(&english)
            .unwrap()
            .province
            .projected_installed,
    );
    let own = crate::layout::replace_once(&shipped, "students = 9_000\n", "hoc_sinh = 9_000\n");
    let own = load(&layout.write("own.toml", &own)).unwrap();
    assert_eq!(own.districts[0].cohorts.get("hoc_sinh"), Some(&9_000));
}
