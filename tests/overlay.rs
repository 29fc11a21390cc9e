//! Overlays (`base = "..."`, docs/scenario-format.md § "Overlays"): an overlay plans exactly
//! like the full copy it stands for, chains work, and every mistake points at the file and line
//! that has it, in the overlay or in the base.

use std::path::Path;

use campaign_planner::scenario::load;

use crate::layout;

use layout::{Layout, replace_once, run, shipped};

/// The JSON plan of `path`; it must be a plan (exit 0).
fn plan_json(path: &Path) -> String {
    let (code, stdout, stderr) = run(&["plan", path.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    stdout
}

/// The error of planning `path`, in English and in Vietnamese; it must be bad input (exit 1).
fn error_of(path: &Path) -> (String, String) {
    let path = path.to_str().unwrap();
    let (code, stdout, en) = run(&["plan", path, "--lang", "en"]);
    assert_eq!(code, 1, "expected bad input, got:\n{stdout}{en}");
    assert_eq!(stdout, "");
    let (_, _, vi) = run(&["plan", path]);
    (en, vi)
}

#[track_caller]
fn assert_has(text: &str, parts: &[&str]) {
    for part in parts {
        assert!(text.contains(part), "missing {part:?} in:\n{text}");
    }
}

/// The overlay of the first test: the target, a team kind's pool, a param and one district's
/// teams.
const WHAT_IF: &str = r#"base = "lang-son-2020-09-01.toml"
name = "What if: more volunteers, no commune teams in Hữu Lũng"

[target]
provincial_rate = 0.45

[params]
door_to_door_threshold = 0.25

[[team_kind]]
name = "volunteer"
available = 50

[[district]]
name = "Hữu Lũng"
teams = { commune = 0 }
"#;

/// The shipped scenario edited by hand the way `WHAT_IF` changes it.
fn what_if_copy() -> String {
    let text = replace_once(
        &shipped(),
        "name = \"Lạng Sơn, 2020-09-01\"",
        "name = \"What if: more volunteers, no commune teams in Hữu Lũng\"",
    );
    let text = replace_once(&text, "provincial_rate = 0.40", "provincial_rate = 0.45");
    let text = replace_once(
        &text,
        "door_to_door_threshold = 0.30",
        "door_to_door_threshold = 0.25",
    );
    let text = replace_once(&text, "available = 30", "available = 50");
    replace_once(&text, "teams = { commune = 24 }", "teams = { commune = 0 }")
}

#[test]
fn an_overlay_plans_exactly_like_the_edited_copy() {
    let layout = Layout::new();
    let overlay = layout.write("what-if.toml", WHAT_IF);
    let copy = layout.write("what-if-copy.toml", &what_if_copy());
    let from_overlay = plan_json(&overlay);
    assert_eq!(from_overlay, plan_json(&copy));
    // The changes are in the plan.
    let plan: serde_json::Value = serde_json::from_str(&from_overlay).unwrap();
    assert_eq!(plan["province"]["target_rate"], 0.45);
    assert_eq!(plan["team_kinds"][1]["name"], "volunteer");
    assert_eq!(plan["team_kinds"][1]["available"], 50);
    let huu_lung = plan["districts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["name"] == "Hữu Lũng")
        .unwrap();
    let commune = huu_lung["allocation"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["kind"] == "commune")
        .unwrap();
    assert_eq!(commune["teams"], 0);
}

#[test]
fn the_scenario_is_the_overlay_and_inherits_the_rest() {
    let layout = Layout::new();
    let overlay = layout.write("what-if.toml", WHAT_IF);
    let scenario = load(&overlay).unwrap();
    assert_eq!(scenario.path, overlay);
    let base = load(&layout.dir.path().join("scenarios/lang-son-2020-09-01.toml")).unwrap();
    // Inherited: the date, the horizon, the rules (still relative to the base's folder), the
    // other params, the commune kind, every district but Hữu Lũng's teams.
    assert_eq!(scenario.as_of, base.as_of);
    assert_eq!(scenario.horizon_days, base.horizon_days);
    assert_eq!(scenario.rules, base.rules);
    assert_eq!(scenario.params.len(), base.params.len());
    assert_eq!(scenario.team_kinds[0], base.team_kinds[0]);
    assert_eq!(
        scenario.team_kinds[1].installs_per_team_day,
        base.team_kinds[1].installs_per_team_day
    );
    assert_eq!(scenario.districts.len(), base.districts.len());
    for (d, b) in scenario.districts.iter().zip(&base.districts) {
        assert_eq!(d.name, b.name);
        assert_eq!(d.installed, b.installed);
        assert_eq!(d.cohorts, b.cohorts);
        if d.name != "Hữu Lũng" {
            assert_eq!(d.teams, b.teams);
        }
    }
}

#[test]
fn an_overlay_of_an_overlay_adds_both_changes() {
    let layout = Layout::new();
    layout.write(
        "target.toml",
        "base = \"lang-son-2020-09-01.toml\"\n[target]\nprovincial_rate = 0.45\n",
    );
    // In a folder of its own: its `base` is relative to that folder.
    std::fs::create_dir(layout.dir.path().join("scenarios/more")).unwrap();
    let top = layout.write(
        "more/volunteers.toml",
        "base = \"../target.toml\"\n\n[[team_kind]]\nname = \"volunteer\"\navailable = 50\n\n\
         [[district]]\nname = \"Hữu Lũng\"\ninstalled = 20_000\n",
    );
    let copy = replace_once(
        &shipped(),
        "provincial_rate = 0.40",
        "provincial_rate = 0.45",
    );
    let copy = replace_once(&copy, "available = 30", "available = 50");
    let copy = replace_once(&copy, "installed = 18_019", "installed = 20_000");
    let copy = layout.write("copy.toml", &copy);
    assert_eq!(plan_json(&top), plan_json(&copy));
}

#[test]
fn a_team_kind_patch_changes_only_what_it_writes_and_a_new_kind_is_added() {
    let layout = Layout::new();
    let overlay = layout.write(
        "kinds.toml",
        "base = \"lang-son-2020-09-01.toml\"\n\n[[team_kind]]\nname = \"commune\"\n\
         cost_per_team_day = 0\n\n[[team_kind]]\nname = \"army\"\nscope = \"provincial\"\n\
         available = 5\ninstalls_per_team_day = 30\n",
    );
    let scenario = load(&overlay).unwrap();
    let names: Vec<&str> = scenario
        .team_kinds
        .iter()
        .map(|k| k.name.as_str())
        .collect();
    assert_eq!(names, ["commune", "volunteer", "army"]);
    assert_eq!(scenario.team_kinds[0].cost_per_team_day, 0.0);
    assert_eq!(scenario.team_kinds[0].installs_per_team_day, 15.0);
    assert_eq!(scenario.team_kinds[2].available, Some(5));
}

#[test]
fn a_new_team_kind_must_be_complete() {
    let layout = Layout::new();
    let overlay = layout.write(
        "army.toml",
        "base = \"lang-son-2020-09-01.toml\"\n\n[[team_kind]]\nname = \"army\"\n\
         scope = \"provincial\"\ninstalls_per_team_day = 30\n",
    );
    let (en, _) = error_of(&overlay);
    assert_has(
        &en,
        &[
            "army.toml:3:1: team kind `army`: missing key `available` in [[team_kind]]",
            "hint: add a line such as: available = 30",
        ],
    );
}

#[test]
fn a_district_the_base_does_not_have_is_named_with_a_suggestion() {
    let layout = Layout::new();
    let overlay = layout.write(
        "typo.toml",
        "base = \"lang-son-2020-09-01.toml\"\n\n[[district]]\nname = \"Huu Lung\"\ninstalled = 20_000\n",
    );
    let (en, vi) = error_of(&overlay);
    assert_has(
        &en,
        &[
            "typo.toml:4:8: district \"Huu Lung\" is not in the base scenario",
            " 4 | name = \"Huu Lung\"",
            "   |        ^",
            "hint: did you mean \"Hữu Lũng\"? An overlay can change the base's districts, not add new ones.",
        ],
    );
    assert_has(
        &vi,
        &[
            "lỗi: ",
            "typo.toml:4:8: huyện \"Huu Lung\" không có trong kịch bản gốc",
            "gợi ý: có phải ý bạn là \"Hữu Lũng\"?",
        ],
    );
}

#[test]
fn district_names_match_after_unicode_normalisation() {
    let layout = Layout::new();
    // "Hữu Lũng" with combining accents (NFD), as some keyboards type it.
    let decomposed = "Hu\u{31b}\u{303}u Lu\u{303}ng";
    let overlay = layout.write(
        "nfd.toml",
        &format!(
            "base = \"lang-son-2020-09-01.toml\"\n\n[[district]]\nname = \"  {decomposed} \"\ninstalled = 20_000\n"
        ),
    );
    let scenario = load(&overlay).unwrap();
    let huu_lung = scenario
        .districts
        .iter()
        .find(|d| d.name == "Hữu Lũng")
        .unwrap();
    assert_eq!(huu_lung.installed, 20_000);
}

#[test]
fn a_cycle_of_bases_names_the_files() {
    let layout = Layout::new();
    let a = layout.write("a.toml", "base = \"b.toml\"\nname = \"A\"\n");
    layout.write("b.toml", "# b\nbase = \"a.toml\"\n");
    let (en, vi) = error_of(&a);
    let folder = layout.dir.path().join("scenarios");
    let (a, b) = (folder.join("a.toml"), folder.join("b.toml"));
    assert_has(
        &en,
        &[
            &format!("{}:2:8: field `base`: ", b.display()),
            &format!(
                "in a cycle: {} → {} → {}",
                a.display(),
                b.display(),
                a.display()
            ),
            " 2 | base = \"a.toml\"",
            "hint: a scenario cannot be its own base",
        ],
    );
    assert_has(&vi, &["các kịch bản kế thừa nhau thành vòng"]);
    // A file that is its own base.
    let own = layout.write("own.toml", "base = \"own.toml\"\n");
    let (en, _) = error_of(&own);
    assert_has(&en, &["own.toml:1:8: field `base`:", "own.toml → "]);
}

#[test]
fn a_missing_base_points_at_the_base_line() {
    let layout = Layout::new();
    let overlay = layout.write(
        "lost.toml",
        "name = \"Lost\"\nbase = \"lang-son-2020-09-02.toml\"\n",
    );
    let (en, vi) = error_of(&overlay);
    assert_has(
        &en,
        &[
            "lost.toml:2:8: field `base`: the base scenario ",
            "lang-son-2020-09-02.toml was not found",
            " 2 | base = \"lang-son-2020-09-02.toml\"",
            "hint: `base` is relative to the folder of this file",
        ],
    );
    assert_has(
        &vi,
        &["lost.toml:2:8: mục `base`: không tìm thấy kịch bản gốc"],
    );
}

#[test]
fn a_bad_value_in_the_overlay_points_into_the_overlay() {
    let layout = Layout::new();
    let overlay = layout.write(
        "percent.toml",
        "base = \"lang-son-2020-09-01.toml\"\n\n[target]\nprovincial_rate = 45\n",
    );
    let (en, _) = error_of(&overlay);
    assert_has(
        &en,
        &[
            "percent.toml:4:19: field `target.provincial_rate`: the share must be more than 0 and at most 1 (it is 45)",
            " 4 | provincial_rate = 45",
            "hint: a share is written as a decimal from 0 to 1 (30% is 0.3), at most 1 (100%): if you meant 45%, write 0.45",
        ],
    );
    // A district's figure, checked against the base's other figure.
    let overlay = layout.write(
        "swap.toml",
        "base = \"lang-son-2020-09-01.toml\"\n\n[[district]]\nname = \"Hữu Lũng\"\ninstalled = 80_000\n",
    );
    let (en, _) = error_of(&overlay);
    assert_has(
        &en,
        &[
            "swap.toml:5:13: district \"Hữu Lũng\", field `installed`: installed set here (80,000) is more than smartphones (78,399, written in ",
        ],
    );
    // A team kind's field.
    let overlay = layout.write(
        "kind.toml",
        "base = \"lang-son-2020-09-01.toml\"\n\n[[team_kind]]\nname = \"volunteer\"\navailable = \"50\"\n",
    );
    let (en, _) = error_of(&overlay);
    assert_has(
        &en,
        &[
            "kind.toml:5:13: field `team_kind.available`: team kind `volunteer`: expected a whole number, found a string",
        ],
    );
}

#[test]
fn a_bad_value_inherited_from_the_base_points_into_the_base() {
    let layout = Layout::new();
    let base = replace_once(
        &shipped(),
        "provincial_rate = 0.40",
        "provincial_rate = 40  ",
    );
    let base = layout.write("bad-base.toml", &base);
    let overlay = layout.write(
        "fine.toml",
        "base = \"bad-base.toml\"\nname = \"Fine\"\n\n[[team_kind]]\nname = \"volunteer\"\navailable = 50\n",
    );
    let (en, _) = error_of(&overlay);
    assert_has(
        &en,
        &[
            &format!(
                "{}:20:19: field `target.provincial_rate`: the share must be more than 0 and at most 1 (it is 40)",
                base.display()
            ),
            " 20 | provincial_rate = 40",
        ],
    );
    // Fixed in the overlay, the base's mistake no longer matters.
    let overlay = layout.write(
        "fixed.toml",
        "base = \"bad-base.toml\"\n\n[target]\nprovincial_rate = 0.40\n",
    );
    let copy = layout.write("copy.toml", &shipped());
    assert_eq!(
        plan_json(&overlay),
        plan_json(&copy),
        "the fixed overlay plans like the shipped scenario"
    );
}

#[test]
fn rules_in_an_overlay_are_relative_to_the_overlay() {
    let layout = Layout::new();
    std::fs::create_dir(layout.dir.path().join("scenarios/what-if")).unwrap();
    let overlay = layout.write(
        "what-if/one-rule.toml",
        "base = \"../lang-son-2020-09-01.toml\"\nrules = [\"../../rules/communication.rhai\"]\n",
    );
    let scenario = load(&overlay).unwrap();
    assert_eq!(scenario.rules.len(), 1);
    assert!(scenario.rules[0].ends_with("communication.rhai"));
    assert!(scenario.rules[0].is_file());
    let overlay = layout.write(
        "what-if/wrong-rule.toml",
        "base = \"../lang-son-2020-09-01.toml\"\nrules = [\"../rules/communication.rhai\"]\n",
    );
    let (en, _) = error_of(&overlay);
    assert_has(
        &en,
        &["wrong-rule.toml:2:10: field `rules`: rule file or folder"],
    );
}

#[test]
fn an_overlay_patches_districts_read_from_a_coverage_file() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    };
    write(
        "coverage.csv",
        "name;installed;smartphones;commune;students\nHữu Lũng;18019;78399;24;5500\nĐình Lập;6651;20175;12;1400\n",
    );
    let base = "name = \"CSV\"\nas_of = 2020-09-01\nhorizon_days = 14\nobjective = \"max-installs\"\n\
                rules = []\ncoverage = \"coverage.csv\"\n\n[target]\nprovincial_rate = 0.4\n\n\
                [[team_kind]]\nname = \"commune\"\nscope = \"local\"\ninstalls_per_team_day = 15\n";
    write("base.toml", base);
    let overlay = write(
        "overlay.toml",
        "base = \"base.toml\"\n\n[[district]]\nname = \"Đình Lập\"\nteams = { commune = 20 }\nstudents = 2_000\n",
    );
    let scenario = load(&overlay).unwrap();
    let dinh_lap = &scenario.districts[1];
    assert_eq!(dinh_lap.name, "Đình Lập");
    assert_eq!(dinh_lap.teams["commune"], 20);
    assert_eq!(dinh_lap.cohorts["students"], 2_000);
    assert_eq!(dinh_lap.installed, 6_651);
    assert_eq!(scenario.districts[0].cohorts["students"], 5_500);

    // An overlay that names another coverage file takes its districts instead.
    write(
        "other.csv",
        "name,installed,smartphones\nBình Gia,5000,20000\n",
    );
    let other = write(
        "other.toml",
        "base = \"base.toml\"\ncoverage = \"other.csv\"\n",
    );
    let scenario = load(&other).unwrap();
    let names: Vec<&str> = scenario.districts.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["Bình Gia"]);
}

#[test]
fn a_district_written_twice_in_one_overlay_is_an_error() {
    let layout = Layout::new();
    let overlay = layout.write(
        "twice.toml",
        "base = \"lang-son-2020-09-01.toml\"\n\n[[district]]\nname = \"Hữu Lũng\"\ninstalled = 1\n\n\
         [[district]]\nname = \"Hữu Lũng\"\ninstalled = 2\n",
    );
    let (en, _) = error_of(&overlay);
    assert_has(
        &en,
        &[
            "twice.toml:8:8: district \"Hữu Lũng\", field `name`: district \"Hữu Lũng\" appears twice (first at line 4)",
        ],
    );
}

#[test]
fn errors_render_in_english_and_vietnamese() {
    // The whole message of one overlay mistake, as a department reader sees it.
    let layout = Layout::new();
    let overlay = layout.write(
        "floor.toml",
        "base = \"lang-son-2020-09-01.toml\"\n\n[target]\ndistrict_floor = 1.3\n",
    );
    let (en, vi) = error_of(&overlay);
    let shown = overlay.display();
    assert_eq!(
        en,
        format!(
            "error: {shown}:4:18: field `target.district_floor`: the share must be between 0 and 1 (it is 1.3)\n \
             4 | district_floor = 1.3\n   |                  ^\nhint: a share is written as a decimal from 0 to 1 (30% is 0.3), at most 1 (100%): if you meant 1.3%, write 0.013\n"
        )
    );
    assert!(vi.starts_with(&format!(
        "lỗi: {shown}:4:18: mục `target.district_floor`: tỷ lệ phải từ 0 đến 1 (đang là 1.3)"
    )));
}

#[test]
fn the_documented_overlay_plans_like_the_documented_settings() {
    // docs/scenario-format.md: the overlay example and the `--set` example give one plan.
    let doc = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/scenario-format.md"
    ))
    .unwrap();
    let block = |section: &str, fence: &str| -> String {
        let from = doc.find(section).unwrap();
        let start = from + doc[from..].find(fence).unwrap() + fence.len();
        let end = start + doc[start..].find("```").unwrap();
        doc[start..end].to_string()
    };
    let layout = Layout::new();
    let overlay = layout.write(
        "what-if-50-volunteers.toml",
        &block("## Overlays", "```toml\n"),
    );
    let command = block("## Changing values for one run", "```\n");
    let settings: Vec<String> = command
        .split("--set ")
        .skip(1)
        .map(|s| {
            s.trim()
                .trim_end_matches('\\')
                .trim()
                .trim_matches('"')
                .to_string()
        })
        .collect();
    assert_eq!(settings.len(), 4, "{command}");
    let base = layout.dir.path().join("scenarios/lang-son-2020-09-01.toml");
    let mut args = vec!["plan", base.to_str().unwrap(), "--format", "json"];
    for s in &settings {
        args.extend(["--set", s.as_str()]);
    }
    let (code, from_settings, stderr) = run(&args);
    assert_eq!(code, 0, "{stderr}");
    let mut from_settings: serde_json::Value = serde_json::from_str(&from_settings).unwrap();
    let from_overlay: serde_json::Value = serde_json::from_str(&plan_json(&overlay)).unwrap();
    from_settings["scenario"] = from_overlay["scenario"].clone();
    // the same plan, but for the --set plan's notice that it was set for this run
    let set_notice = from_settings["notices"][0].clone();
    assert_eq!(set_notice["notice"], "set_for_this_run", "{set_notice}");
    from_settings["notices"].as_array_mut().unwrap().remove(0);
    assert_eq!(from_settings, from_overlay);
}

#[test]
fn a_base_must_be_a_path_in_quotes() {
    let layout = Layout::new();
    let overlay = layout.write("empty.toml", "base = \" \"\n");
    let (en, vi) = error_of(&overlay);
    assert_has(
        &en,
        &[
            "empty.toml:1:8: field `base`: the base scenario's path is empty",
            "hint: `base` is relative to the folder of this file",
        ],
    );
    assert_has(&vi, &["đường dẫn kịch bản gốc đang để trống"]);
    let overlay = layout.write("number.toml", "base = 2020\n");
    let (en, _) = error_of(&overlay);
    assert_has(
        &en,
        &[
            "number.toml:1:8: field `base`: expected a string in double quotes, found an integer",
            "hint: write the base scenario's file name in double quotes, e.g. base = \"lang-son-2020-09-01.toml\"",
        ],
    );
}

#[test]
fn a_misspelt_team_kind_in_an_overlay_is_named_with_a_hint() {
    let layout = Layout::new();
    let overlay = layout.write(
        "typo.toml",
        "base = \"lang-son-2020-09-01.toml\"\nname = \"t\"\n\n[[team_kind]]\nname = \"volunter\"\navailable = 50\n",
    );
    let err = load(&overlay).unwrap_err();
    let en = err.render(campaign_planner::text::Lang::En);
    assert_eq!(
        en,
        format!(
            "error: {}:5:8: the scenario has no team kind `volunter`\n 5 | name = \"volunter\"\n   |        ^\n\
             hint: did you mean `volunteer`? The scenario's team kinds are `commune`, `volunteer`\n",
            overlay.display()
        )
    );
}

/// Trial 13d G8: an overlay that writes its own `coverage` takes its districts from that file,
/// and its `[[district]]` entries change those (docs/scenario-format.md § Overlays); it was
/// refused as "both `coverage` and [[district]] entries". A file without `base` may still not
/// have both.
#[test]
fn an_overlay_with_its_own_coverage_changes_that_files_districts() {
    let layout = Layout::new();
    let csv = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/coverage-2020-08-25.csv"),
    )
    .unwrap();
    layout.write("coverage-2020-08-25.csv", &csv);
    let overlay = layout.write(
        "what-if.toml",
        "base = \"lang-son-2020-09-01.toml\"\ncoverage = \"coverage-2020-08-25.csv\"\n\n[[district]]\nname = \"Hữu Lũng\"\nstudents = 5\nteams = { commune = 3 }\n",
    );
    let scenario = load(&overlay).unwrap();
    let file = layout.write(
        "file.toml",
        "base = \"lang-son-2020-09-01.toml\"\ncoverage = \"coverage-2020-08-25.csv\"\n",
    );
    let from_file = load(&file).unwrap();
    assert_eq!(scenario.districts.len(), from_file.districts.len());
    for (d, f) in scenario.districts.iter().zip(&from_file.districts) {
        assert_eq!((&d.name, d.installed), (&f.name, f.installed));
        if d.name == "Hữu Lũng" {
            assert_eq!(d.cohorts.get("students"), Some(&5));
            assert_eq!(d.teams.get("commune"), Some(&3));
        } else {
            assert_eq!((&d.cohorts, &d.teams), (&f.cohorts, &f.teams));
        }
    }
    let (code, _, stderr) = run(&["plan", overlay.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
}
