//! Unit types (MODEL.md § "Scenario files"; issue 14, item 2): thành phố, thị xã, huyện, quận,
//! read from a district's name or set by `unit_type` (a `[[district]]`, an overlay, `--set`, a
//! coverage column, an imported table), seen by rules as `district.unit_type` with its words,
//! used by the shipped rules, carried by the JSON plan and naming the printed page's addressee.

use std::ffi::OsStr;
use std::path::Path;

use campaign_planner::model::UnitType;
use campaign_planner::scenario::load;
use campaign_planner::text::Lang;
use serde_json::Value;

use crate::scenario_load::support::{Case, MINIMAL, assert_has, edit, error_of};
use crate::support::{Test, WhatIf, district, s};

/// MINIMAL with a second district after Hữu Lũng (`extra` is its table's body).
fn with_district(extra: &str) -> String {
    format!("{MINIMAL}\n[[district]]\n{extra}\n")
}

fn unit_types(toml: &str) -> Vec<(String, UnitType)> {
    let scenario = Case::new().load(toml).unwrap();
    scenario
        .districts
        .iter()
        .map(|d| (d.name.clone(), d.unit_type))
        .collect()
}

#[test]
fn the_name_says_the_type_and_any_other_name_is_a_huyen() {
    let mut toml = MINIMAL.to_string();
    for name in [
        "Thành phố Lạng Sơn",
        "TP. Cao Bằng",
        "Thị xã Sơn Tây",
        "Quận Ba Đình",
    ] {
        toml += &format!("\n[[district]]\nname = \"{name}\"\ninstalled = 10\nsmartphones = 100\n");
    }
    assert_eq!(
        unit_types(&toml),
        [
            ("Hữu Lũng".to_string(), UnitType::District),
            ("Thành phố Lạng Sơn".to_string(), UnitType::City),
            ("TP. Cao Bằng".to_string(), UnitType::City),
            ("Thị xã Sơn Tây".to_string(), UnitType::Town),
            ("Quận Ba Đình".to_string(), UnitType::UrbanDistrict),
        ]
    );
}

#[test]
fn unit_type_in_the_scenario_wins_in_either_language() {
    for (written, unit) in [
        ("thành phố", UnitType::City),
        ("city", UnitType::City),
        ("Thị xã", UnitType::Town),
        ("town", UnitType::Town),
        ("huyện", UnitType::District),
        ("district", UnitType::District),
        ("quận", UnitType::UrbanDistrict),
        ("urban district", UnitType::UrbanDistrict),
    ] {
        let toml = edit(
            "name = \"Hữu Lũng\"\n",
            &format!("name = \"Hữu Lũng\"\nunit_type = \"{written}\"\n"),
        );
        assert_eq!(unit_types(&toml)[0].1, unit, "{written}");
    }
    // a word that agrees with the name's is accepted; one that contradicts it is refused at
    // its line, naming both (trial 14 item 8): the letter would address another committee
    let toml =
        with_district("name = \"TP. Thử\"\nunit_type = \"city\"\ninstalled = 1\nsmartphones = 2");
    assert_eq!(unit_types(&toml)[1].1, UnitType::City);
    let (en, vi) = error_of(&with_district(
        "name = \"Thành phố Thử\"\nunit_type = \"thị xã\"\ninstalled = 1\nsmartphones = 2",
    ));
    assert_has(
        &en,
        &[
            "district \"Thành phố Thử\", field `unit_type`: unit_type = \"thị xã\" contradicts the name \"Thành phố Thử\": the name says this is a city (thành phố), unit_type says a town (thị xã)",
            " | unit_type = \"thị xã\"",
            "hint: if it is a city, delete the unit_type line",
            "if it is a town, correct the name, e.g. name = \"Thử\"",
        ],
    );
    assert_has(
        &vi,
        &[
            "huyện \"Thành phố Thử\", mục `unit_type`: unit_type = \"thị xã\" trái với tên \"Thành phố Thử\": tên ghi đây là thành phố, unit_type ghi là thị xã",
            "gợi ý: nếu đây là thành phố, xóa dòng unit_type",
            "nếu đây là thị xã, sửa tên, ví dụ name = \"Thử\"",
        ],
    );
}

#[test]
fn a_wrong_unit_type_says_which_words_are_allowed_and_where() {
    let (en, vi) = error_of(&edit(
        "name = \"Hữu Lũng\"\n",
        "name = \"Hữu Lũng\"\nunit_type = \"tỉnh\"\n",
    ));
    assert_has(
        &en,
        &[
            "scenario.toml:24:13: district \"Hữu Lũng\", field `unit_type`: unknown unit type \"tỉnh\"",
            " 24 | unit_type = \"tỉnh\"",
            "hint: write \"thành phố\", \"thị xã\", \"huyện\" or \"quận\" (in English: city, town, district, urban district), e.g. unit_type = \"thành phố\"",
            "without unit_type, the name says the type",
        ],
    );
    assert_has(
        &vi,
        &[
            "scenario.toml:24:13: huyện \"Hữu Lũng\", mục `unit_type`: không biết loại đơn vị hành chính \"tỉnh\"",
            "gợi ý: ghi \"thành phố\", \"thị xã\", \"huyện\" hoặc \"quận\" (tiếng Anh: city, town, district, urban district), ví dụ: unit_type = \"thành phố\"",
            "không ghi unit_type thì loại đơn vị được đọc từ tên",
        ],
    );
    // a typing mistake gets the word it is close to
    let (en, vi) = error_of(&edit(
        "name = \"Hữu Lũng\"\n",
        "name = \"Hữu Lũng\"\nunit_type = \"towm\"\n",
    ));
    assert_has(
        &en,
        &["unknown unit type \"towm\"", "hint: did you mean `town`?"],
    );
    assert_has(&vi, &["\"towm\"", "gợi ý: có phải ý bạn là `town`?"]);
    // a number, not a word
    let (en, vi) = error_of(&edit(
        "name = \"Hữu Lũng\"\n",
        "name = \"Hữu Lũng\"\nunit_type = 3\n",
    ));
    assert_has(
        &en,
        &[
            "scenario.toml:24:13: district \"Hữu Lũng\", field `unit_type`: expected a string in double quotes",
            "e.g. unit_type = \"thành phố\"",
        ],
    );
    assert_has(&vi, &["mục `unit_type`", "ví dụ unit_type = \"thành phố\""]);
    // a misspelt field is not taken for a cohort
    let (en, vi) = error_of(&edit(
        "name = \"Hữu Lũng\"\n",
        "name = \"Hữu Lũng\"\nunit_typ = \"huyện\"\n",
    ));
    assert_has(
        &en,
        &[
            "scenario.toml:24:1: district \"Hữu Lũng\": unknown field `unit_typ`",
            "did you mean `unit_type`?",
        ],
    );
    assert_has(
        &vi,
        &["không biết mục `unit_typ`", "có phải ý bạn là `unit_type`?"],
    );
}

#[test]
fn a_coverage_column_gives_the_type_and_an_empty_cell_leaves_it_to_the_name() {
    let case = Case::new();
    case.write(
        "coverage.csv",
        "Huyện,Loại đơn vị,Đã cài Bluezone,Tổng smartphone,commune\n\
         Lạng Sơn,thành phố,39911,96818,8\n\
         Thị xã Sơn Tây,,100,200,1\n\
         Hữu Lũng,,18019,78399,24\n",
    );
    // `coverage` is a top-level key: it goes before the first table
    let head = &MINIMAL[..MINIMAL.find("[[district]]").unwrap()];
    let rules = "rules = [\"rules/communication.rhai\"]";
    let toml = head.replacen(rules, &format!("{rules}\ncoverage = \"coverage.csv\""), 1);
    let scenario = case.load(&toml).unwrap();
    let types: Vec<_> = scenario.districts.iter().map(|d| d.unit_type).collect();
    assert_eq!(types, [UnitType::City, UnitType::Town, UnitType::District]);

    case.write(
        "coverage.csv",
        "Huyện,Loại đơn vị,Đã cài Bluezone,Tổng smartphone\nLạng Sơn,tỉnh,39911,96818\n",
    );
    let err = case.load(&toml).unwrap_err();
    let (en, vi) = (err.render(Lang::En), err.render(Lang::Vi));
    assert_has(
        &en,
        &[
            "coverage.csv:2:",
            "district \"Lạng Sơn\", column `Loại đơn vị`: unknown unit type \"tỉnh\"",
            "left empty, the cell lets the name say the type",
        ],
    );
    assert_has(
        &vi,
        &[
            "huyện \"Lạng Sơn\", cột `Loại đơn vị`: không biết loại đơn vị hành chính \"tỉnh\"",
            "để trống ô thì loại đơn vị được đọc từ tên",
        ],
    );
}

/// A rule that writes every word of the unit type into its directive's unit.
const WORDS_RULE: &str = r#"
fn after_solve(district, scenario) {
    district.directive(#{
        action: "x",
        unit: district.unit_type + "|" + district.commune_units,
        unit_en: district.unit_type_en + "|" + district.commune_units_en,
    });
}
"#;

#[test]
fn rules_see_each_type_and_its_words() {
    let case = Case::new();
    case.write("rules/communication.rhai", WORDS_RULE);
    let mut toml = MINIMAL.to_string();
    for (name, unit_type) in [
        ("Thành phố Lạng Sơn", ""),
        ("Sơn Tây", "unit_type = \"thị xã\"\n"),
        ("Quận Ba Đình", ""),
    ] {
        toml += &format!(
            "\n[[district]]\nname = \"{name}\"\n{unit_type}installed = 10\nsmartphones = 100\n"
        );
    }
    let path = case.write("scenario.toml", &toml);
    let plan = Test::plan(&path).format("json").run().plan().json();
    for (name, vi, en) in [
        (
            "Hữu Lũng",
            "huyện|các xã, thị trấn",
            "district|communes and townships",
        ),
        (
            "Thành phố Lạng Sơn",
            "thành phố|các phường, xã",
            "city|wards and communes",
        ),
        (
            "Sơn Tây",
            "thị xã|các phường, xã",
            "town|wards and communes",
        ),
        ("Quận Ba Đình", "quận|các phường", "urban district|wards"),
    ] {
        let d = district(&plan, name);
        let directive = &d["directives"][0];
        assert_eq!(s(&directive["unit"]), vi, "{name}");
        assert_eq!(s(&directive["unit_en"]), en, "{name}");
        // the trace names what the rule read
        let trace = d["trace"].to_string();
        assert!(trace.contains("\"district.unit_type\""), "{trace}");
        assert!(trace.contains("\"district.commune_units_en\""), "{trace}");
    }
}

#[test]
fn the_json_plan_gives_each_districts_unit_type() {
    let plan = Test::shipped().format("json").run().plan().json();
    let types: Vec<(&str, &str)> = plan["districts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (s(&d["name"]), s(&d["unit_type"])))
        .collect();
    assert_eq!(types[0], ("Thành phố Lạng Sơn", "thành phố"));
    assert_eq!(types.len(), 11);
    assert!(types[1..].iter().all(|(_, t)| *t == "huyện"), "{types:?}");

    // set in the scenario: Hữu Lũng as a town
    let what_if = WhatIf::shipped().replace(
        "name = \"Hữu Lũng\"",
        "name = \"Hữu Lũng\"\nunit_type = \"thị xã\"",
    );
    let plan = what_if.test().format("json").run().plan().json();
    assert_eq!(s(&district(&plan, "Hữu Lũng")["unit_type"]), "thị xã");
    // and with --set
    let plan = Test::shipped()
        .args(["--set", "district.Cao Lộc.unit_type=quận"])
        .format("json")
        .run()
        .plan()
        .json();
    assert_eq!(s(&district(&plan, "Cao Lộc")["unit_type"]), "quận");
}

fn units(plan: &Value, name: &str) -> Vec<(String, String, String, String)> {
    district(plan, name)["directives"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                s(&d["rule"]).to_string(),
                s(&d["unit"]).to_string(),
                s(&d["unit_en"]).to_string(),
                s(&d["action"]).to_string(),
            )
        })
        .collect()
}

#[test]
fn the_shipped_plan_directs_the_city_as_a_city() {
    let plan = Test::shipped().format("json").run().plan().json();
    let city = units(&plan, "Thành phố Lạng Sơn");
    let by_rule = |rule: &str| city.iter().find(|d| d.0 == rule).unwrap().clone();
    let (_, unit, unit_en, _) = by_rule("communication");
    assert_eq!(
        unit,
        "UBND thành phố; Phòng Văn hóa - Thông tin; các trường học"
    );
    assert_eq!(
        unit_en,
        "People's Committee of the city; Culture and Information Office; schools"
    );
    let (_, unit, unit_en, _) = by_rule("mandatory-cohorts");
    assert_eq!(
        unit,
        "Trung tâm Y tế thành phố; Ban Chỉ đạo phòng, chống dịch COVID-19 thành phố"
    );
    assert_eq!(
        unit_en,
        "Health Centre of the city; COVID-19 Steering Committee of the city"
    );
    let (_, unit, unit_en, action) = by_rule("door-to-door");
    assert_eq!(
        unit,
        "Ban Chỉ đạo phòng, chống dịch COVID-19 các phường, xã"
    );
    assert_eq!(
        unit_en,
        "COVID-19 steering committees of the wards and communes"
    );
    assert_eq!(
        action,
        "Ban Chỉ đạo các phường, xã triển khai “đi từng ngõ, gõ từng nhà”: 8 tổ phường, xã và 12 \
         đội tình nguyện, dự kiến +7.637 lượt cài, đạt 51,83%"
    );
    // no word of a huyện on the city's directives (its teams are "tổ phường, xã": letter trial)
    for (_, unit, _, action) in &city {
        for huyen in ["huyện", "thị trấn", "tổ xã"] {
            assert!(
                !unit.contains(huyen) && !action.contains(huyen),
                "{unit} / {action}"
            );
        }
    }

    // a huyện keeps its words
    let huu_lung = units(&plan, "Hữu Lũng");
    let units_of: Vec<&str> = huu_lung.iter().map(|d| d.1.as_str()).collect();
    assert!(units_of.contains(&"UBND huyện; Phòng Văn hóa - Thông tin; các trường học"));
    assert!(
        units_of.contains(&"Trung tâm Y tế huyện; Ban Chỉ đạo phòng, chống dịch COVID-19 huyện")
    );
    assert!(units_of.contains(&"Ban Chỉ đạo phòng, chống dịch COVID-19 các xã, thị trấn"));
}

fn html(test: Test) -> String {
    test.format("html").run().plan().stdout
}

#[test]
fn each_printed_page_is_addressed_to_the_chair_of_its_unit() {
    let page = html(Test::shipped());
    assert!(page.contains("Chủ tịch UBND thành phố Lạng Sơn"), "city");
    assert!(page.contains("Chủ tịch UBND huyện Hữu Lũng"), "huyện");
    let page = html(Test::shipped().lang("en"));
    // (the apostrophe as HTML writes it)
    assert!(page.contains("the Chair of the People&#39;s Committee of Lạng Sơn city"));
    assert!(page.contains("the Chair of the People&#39;s Committee of Hữu Lũng district"));
    // the scenario's type, not the name's
    let page = html(Test::shipped().args(["--set", "district.Hữu Lũng.unit_type=thị xã"]));
    assert!(page.contains("Chủ tịch UBND thị xã Hữu Lũng"));
    assert!(!page.contains("Chủ tịch UBND huyện Hữu Lũng"));
}

#[test]
fn rules_check_knows_the_words_and_corrects_a_misspelt_one() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.rhai");
    std::fs::write(&good, WORDS_RULE).unwrap();
    let check = |path: &Path, lang: &str| {
        crate::layout::run(&[
            OsStr::new("rules"),
            OsStr::new("check"),
            path.as_os_str(),
            OsStr::new("--lang"),
            OsStr::new(lang),
        ])
    };
    let (code, stdout, stderr) = check(&good, "en");
    assert_eq!(code, 0, "{stdout}{stderr}");

    let bad = dir.path().join("bad.rhai");
    std::fs::write(
        &bad,
        WORDS_RULE.replace("district.unit_type +", "district.unit_typ +"),
    )
    .unwrap();
    for (lang, wanted) in [
        ("en", "did you mean `district.unit_type`?"),
        ("vi", "có phải ý bạn là `district.unit_type`?"),
    ] {
        let (code, stdout, stderr) = check(&bad, lang);
        assert_eq!(code, 1, "{stdout}{stderr}");
        assert_has(&stderr, &["bad.rhai:5:24:", "unit_typ", wanted]);
    }
}

#[test]
fn import_writes_unit_type_only_where_the_name_does_not_say_it() {
    let dir = tempfile::tempdir().unwrap();
    let table = dir.path().join("table.csv");
    std::fs::write(
        &table,
        "Huyện,Loại đơn vị,Đã cài Bluezone,Tổng smartphone\n\
         Lạng Sơn,thành phố,39911,96818\n\
         Thành phố Cao Bằng,thành phố,100,200\n\
         Huyện Hữu Lũng,,18019,78399\n\
         Sơn Tây,thi xa,5,10\n",
    )
    .unwrap();
    let imported =
        campaign_planner::import::read_with(&table, &campaign_planner::import::Options::default())
            .unwrap();
    let skeleton = campaign_planner::import::skeleton::render(
        &imported,
        &campaign_planner::import::skeleton::Rules::Folder("../rules".to_string()),
        campaign_planner::text::Lang::En,
    );
    assert_has(
        &skeleton,
        &[
            "name = \"Lạng Sơn\"\nunit_type = \"thành phố\"\ninstalled = 39_911",
            "name = \"Thành phố Cao Bằng\"\ninstalled = 100",
            "name = \"Hữu Lũng\"\ninstalled = 18_019",
            "name = \"Sơn Tây\"\nunit_type = \"thị xã\"\ninstalled = 5",
        ],
    );
    assert_eq!(skeleton.matches("unit_type =").count(), 2, "{skeleton}");
    // the skeleton reads back with the table's types
    // (beside a rules folder, as the skeleton names it)
    std::fs::create_dir(dir.path().join("rules")).unwrap();
    std::fs::write(dir.path().join("rules/empty.rhai"), "").unwrap();
    std::fs::create_dir(dir.path().join("scenarios")).unwrap();
    let scenario_path = dir.path().join("scenarios/imported.toml");
    std::fs::write(&scenario_path, &skeleton).unwrap();
    let scenario = load(&scenario_path).unwrap();
    let types: Vec<UnitType> = scenario.districts.iter().map(|d| d.unit_type).collect();
    assert_eq!(
        types,
        [
            UnitType::City,
            UnitType::City,
            UnitType::District,
            UnitType::Town
        ]
    );

    // a wrong cell: its row, its column, the accepted words, in both languages
    std::fs::write(
        &table,
        "Huyện,Loại đơn vị,Đã cài Bluezone,Tổng smartphone\nLạng Sơn,thanh pho x,1,2\n",
    )
    .unwrap();
    let err = campaign_planner::import::read(&table).unwrap_err();
    assert_has(
        &err.render(Lang::En),
        &[
            "table.csv:2: district \"Lạng Sơn\", column `Loại đơn vị`: row 2 (\"Lạng Sơn\"): unknown unit type \"thanh pho x\"",
            "hint: did you mean `thành phố`? write \"thành phố\", \"thị xã\", \"huyện\" or \"quận\"",
        ],
    );
    assert_has(
        &err.render(Lang::Vi),
        &[
            "table.csv:2: huyện \"Lạng Sơn\", cột `Loại đơn vị`: dòng 2 (\"Lạng Sơn\"): không biết loại đơn vị hành chính \"thanh pho x\"",
            "gợi ý: có phải ý bạn là `thành phố`? ghi \"thành phố\"",
        ],
    );
}

/// The shipped scenario with the city's name typed as `name`, `extra` lines under it.
fn city_named(name: &str, extra: &str) -> WhatIf {
    WhatIf::shipped().replace(
        "name = \"Thành phố Lạng Sơn\"\n",
        &format!("name = \"{name}\"\n{extra}"),
    )
}

#[test]
fn names_typed_without_diacritics_or_abbreviated_say_their_type() {
    // letter trial item 2: as district offices type them in their tables
    let mut toml = MINIMAL.to_string();
    let names = [
        ("Thanh pho Lang Son", UnitType::City),
        ("Huyen Van Lang", UnitType::District),
        ("H. Văn Quan", UnitType::District),
        ("TP Cao Bằng", UnitType::City),
        ("TPBắc Kạn", UnitType::City),
        ("TX. Sơn Tây", UnitType::Town),
        ("Q. Ba Đình", UnitType::UrbanDistrict),
        // a huyện whose name begins like "quận" without its diacritics
        ("Quan Hóa", UnitType::District),
    ];
    for (name, _) in names {
        toml += &format!("\n[[district]]\nname = \"{name}\"\ninstalled = 10\nsmartphones = 100\n");
    }
    let read = unit_types(&toml);
    for (name, unit) in names {
        assert!(read.contains(&(name.to_string(), unit)), "{name}: {read:?}");
    }
    // the scenario's type decides where the name says nothing; "Quan Hóa" set as a quận is one
    let read = unit_types(&with_district(
        "name = \"Quan Hóa\"\nunit_type = \"quận\"\ninstalled = 10\nsmartphones = 100",
    ));
    assert_eq!(read[1], ("Quan Hóa".to_string(), UnitType::UrbanDistrict));
}

#[test]
fn an_abbreviated_name_contradicting_unit_type_is_refused() {
    for name in ["TP. Lạng Sơn", "TPLạng Sơn", "Thanh pho Lang Son"] {
        let what_if = city_named(name, "unit_type = \"huyện\"\n");
        let out = what_if.test().lang("en").run().bad_input();
        assert!(
            out.stderr.contains(&format!(
                "unit_type = \"huyện\" contradicts the name \"{name}\": the name says this is a city"
            )),
            "{name}: {}",
            out.stderr
        );
        let out = what_if.test().run().bad_input();
        assert!(
            out.stderr.contains(&format!("trái với tên \"{name}\"")),
            "{name}: {}",
            out.stderr
        );
    }
}

#[test]
fn the_letter_names_an_abbreviated_city_in_full() {
    // "TPLạng Sơn" in the scenario, "thành phố Lạng Sơn" in every line of the letter
    let what_if = city_named("TPLạng Sơn", "");
    let letter = what_if.test().format("letter-html").run().code(0).stdout;
    assert!(letter.contains("Thành phố Lạng Sơn"), "{letter}");
    assert!(
        !letter.contains("TPLạng"),
        "the abbreviation is printed:\n{letter}"
    );
    // its annex section gives its teams as a city's: wards and communes
    assert!(letter.contains("tổ phường, xã"), "{letter}");
    let page = html(what_if.test());
    assert!(page.contains("Chủ tịch UBND thành phố Lạng Sơn"));
    assert!(!page.contains("Chủ tịch UBND thành phố TPLạng"));
}

/// Trial 13f J16: the clerk's abbreviations of the unit words (`TX`, `TX.`, `TP`, `TP.`, `H.`)
/// find the unit they name wherever a district is named: `--set`, `explain --district` and an
/// overlay's `[[district]]` (the rules' `district_named` in tests/rule_lookups.rs); `TX. Kỳ
/// Anh` found no district in `--set` while `TP. Lạng Sơn` found the city.
#[test]
fn abbreviated_unit_words_find_their_unit_in_set_explain_and_overlays() {
    // a city and a thị xã both "Lạng Sơn" once the unit word is set aside
    let what_if = WhatIf::shipped().replace("name = \"Hữu Lũng\"", "name = \"Thị xã Lạng Sơn\"");
    let path = what_if.path();
    let installed = |plan: &Value, name: &str| plan_installed(plan, name);
    for (written, meant, other) in [
        ("TX. Lạng Sơn", "Thị xã Lạng Sơn", "Thành phố Lạng Sơn"),
        ("TX Lạng Sơn", "Thị xã Lạng Sơn", "Thành phố Lạng Sơn"),
        ("tx. lạng sơn", "Thị xã Lạng Sơn", "Thành phố Lạng Sơn"),
        ("TP. Lạng Sơn", "Thành phố Lạng Sơn", "Thị xã Lạng Sơn"),
        ("TP Lạng Sơn", "Thành phố Lạng Sơn", "Thị xã Lạng Sơn"),
    ] {
        let plan = Test::plan(&path)
            .args(["--set", &format!("district.{written}.installed=12345")])
            .format("json")
            .run()
            .plan()
            .json();
        assert_eq!(installed(&plan, meant), 12345, "--set {written}");
        assert_ne!(installed(&plan, other), 12345, "--set {written}");

        let overlay = what_if.dir().join("scenarios/overlay.toml");
        std::fs::write(
            &overlay,
            format!(
                "base = \"lang-son-2020-09-01.toml\"\n\n[[district]]\nname = \"{written}\"\ninstalled = 12345\n"
            ),
        )
        .unwrap();
        let plan = Test::plan(&overlay).format("json").run().plan().json();
        assert_eq!(installed(&plan, meant), 12345, "overlay {written}");
        assert_ne!(installed(&plan, other), 12345, "overlay {written}");

        let explained = Test::new()
            .args([OsStr::new("explain"), path.as_os_str()])
            .args(["--district", written, "--lang", "en"])
            .run()
            .code(0);
        let heading = format!("WHY {} GETS", meant.to_uppercase());
        assert!(
            explained.stdout.contains(&heading),
            "explain {written}: {}",
            explained.stdout
        );
    }
    // the bare name is two units': refused, both named (trial 13 H8), in each of the three
    let both = "\"Thành phố Lạng Sơn\", \"Thị xã Lạng Sơn\"";
    let set = Test::plan(&path)
        .args(["--set", "district.Lạng Sơn.installed=12345", "--lang", "en"])
        .run()
        .bad_input();
    assert!(set.stderr.contains(both), "{}", set.stderr);
    let explained = Test::new()
        .args([OsStr::new("explain"), path.as_os_str()])
        .args(["--district", "Lạng Sơn", "--lang", "en"])
        .run()
        .bad_input();
    assert!(explained.stderr.contains(both), "{}", explained.stderr);
}

/// The installed count of the district named `name` in the JSON `plan`.
fn plan_installed(plan: &Value, name: &str) -> u64 {
    district(plan, name)["installed"]
        .as_u64()
        .unwrap_or_else(|| panic!("{name}: installed"))
}
