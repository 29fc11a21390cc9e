//! `campaign import` on spreadsheets as district offices type them (issue 14 item 1): the
//! headings' many spellings, two-row and merged headers, `--column`, the date in the title,
//! the report on standard error, the rules path from the `--out` folder, the notices of a plan
//! made from a skeleton, and the tool's own CSV and XLSX plans imported back.

use std::path::{Path, PathBuf};

use campaign_planner::import;
use rust_xlsxwriter::{Format, Workbook};

/// The letter's districts: (name as the letter writes it, installed, smartphones).
const LETTER: [(&str, u64, u64); 11] = [
    ("Thành phố Lạng Sơn", 39_911, 96_818),
    ("Huyện Hữu Lũng", 18_019, 78_399),
    ("Huyện Cao Lộc", 16_752, 58_196),
    ("Huyện Lộc Bình", 15_725, 53_067),
    ("Huyện Tràng Định", 11_354, 37_092),
    ("Huyện Chi Lăng", 10_285, 43_471),
    ("Huyện Bắc Sơn", 9_812, 36_584),
    ("Huyện Văn Lãng", 8_727, 34_823),
    ("Huyện Văn Quan", 7_494, 32_138),
    ("Huyện Bình Gia", 7_186, 29_057),
    ("Huyện Đình Lập", 6_651, 20_175),
];

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> (i32, String, String) {
    crate::layout::run(args)
}

fn assert_has(text: &str, parts: &[&str]) {
    for part in parts {
        assert!(text.contains(part), "missing {part:?} in:\n{text}");
    }
}

/// (name, installed, smartphones) of the shipped scenario.
fn shipped() -> Vec<(String, u64, u64)> {
    let s = campaign_planner::scenario::load(&repo().join("scenarios/lang-son-2020-09-01.toml"))
        .unwrap();
    s.districts
        .iter()
        .map(|d| (d.name.clone(), d.installed, d.smartphones))
        .collect()
}

fn figures(c: &import::Coverage) -> Vec<(String, u64, u64)> {
    c.districts
        .iter()
        .map(|d| (d.name.clone(), d.installed, d.smartphones))
        .collect()
}

/// The letter's rows under `header` (`;` separated: district, installed, smartphones), with
/// `title` lines above.
fn table(title: &str, header: &str) -> String {
    let mut s = title.to_string();
    s.push_str(header);
    s.push('\n');
    for (name, i, sm) in LETTER {
        s.push_str(&format!("{name};{i};{sm}\n"));
    }
    s
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn read(dir: &Path, name: &str, text: &str) -> Result<import::Imported, String> {
    let path = write(dir, name, text);
    import::read_with(&path, &import::Options::default())
        .map_err(|e| e.render(campaign_planner::text::Lang::En))
}

#[test]
fn every_heading_the_issue_lists_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let installed = [
        "Đã cài đặt Bluezone",
        "Đã cài",
        "đã cài đặt",
        "Số máy cài",
        "Số máy cài đặt",
        "SỐ MÁY CÀI ĐẶT BLUEZONE",
        "Da cai dat",
        "da cai bluezone",
        "Số thuê bao đã cài",
        "Tổng số máy đã cài Bluezone",
        "Installed",
        // decomposed (NFD), as some systems save text
        "Đa\u{303} ca\u{300}i đă\u{323}t",
    ];
    let smartphones = [
        "Tổng số thuê bao smartphone",
        "TỔNG SỐ MÁY",
        "Tổng số máy",
        "Số máy",
        "thuê bao",
        "Tổng thuê bao",
        "smartphone",
        "Tổng smartphone",
        "TONG SO THUE BAO SMARTPHONE",
        "Smartphones",
    ];
    let district = [
        "Huyện",
        "Đơn vị",
        "Huyện, thành phố",
        "Tên huyện",
        "HUYEN/TP",
        "District",
    ];
    let want = shipped();
    for (i, inst) in installed.iter().enumerate() {
        for (j, sm) in smartphones.iter().enumerate() {
            let d = district[(i + j) % district.len()];
            let header = format!("{d};{inst};{sm}");
            let got = read(dir.path(), "t.csv", &table("", &header))
                .unwrap_or_else(|e| panic!("{header}: {e}"));
            assert_eq!(figures(&got.coverage), want, "{header}");
        }
    }
    // the smartphones column first, as some offices put it
    let got = read(
        dir.path(),
        "t.csv",
        &table("", "Huyện;Số máy cài;TỔNG SỐ MÁY"),
    )
    .unwrap();
    assert_eq!(figures(&got.coverage), want);
}

#[test]
fn projections_and_targets_are_not_counts() {
    // a table with the projected installs beside the counts (as the tool's own plan has)
    let dir = tempfile::tempdir().unwrap();
    let mut text =
        "Huyện;Đã cài;Dự kiến đã cài;Tổng số máy;Tỷ lệ dự kiến (%);Số chưa cài\n".to_string();
    for (name, i, sm) in LETTER {
        text.push_str(&format!("{name};{i};{};{sm};99;{}\n", i + 1, sm - i));
    }
    let got = read(dir.path(), "t.csv", &text).unwrap();
    assert_eq!(figures(&got.coverage), shipped());
}

#[test]
fn a_heading_split_over_two_rows_is_read() {
    let dir = tempfile::tempdir().unwrap();
    // "Số thuê bao" merged over two columns, saved as CSV: the merged cell's text in its first
    // column; "STT" and "Huyện" merged down the two rows
    let mut text = "BÁO CÁO SỐ LIỆU CÀI ĐẶT BLUEZONE\n\
                    STT;Huyện;Số thuê bao;;Tỷ lệ (%)\n\
                    ;;smartphone;đã cài Bluezone;\n"
        .to_string();
    for (k, (name, i, sm)) in LETTER.iter().enumerate() {
        text.push_str(&format!("{};{name};{sm};{i};\n", k + 1));
    }
    text.push_str("Tổng cộng;;519.820;151.916;29,22%\n");
    let got = read(dir.path(), "two.csv", &text).unwrap();
    assert_eq!(figures(&got.coverage), shipped());
    assert_eq!(got.header_lines, [2, 3]);
    let titles: Vec<&str> = got.columns.iter().map(|(_, t, _)| t.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Huyện",
            "Số thuê bao smartphone",
            "Số thuê bao đã cài Bluezone",
            "Tỷ lệ (%)"
        ]
    );
    // a heading split over two rows in every column
    let text = table("", "Tên;Đã cài;Tổng số\nhuyện;Bluezone;thuê bao smartphone");
    let got = read(dir.path(), "split.csv", &text).unwrap();
    assert_eq!(figures(&got.coverage), shipped());
}

/// A workbook as an office makes it: title rows, cells merged over two columns and down two
/// rows.
fn merged_workbook(path: &Path, title: &str) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let f = Format::new();
    ws.merge_range(0, 0, 0, 4, "UBND TỈNH LẠNG SƠN", &f)
        .unwrap();
    ws.merge_range(1, 0, 1, 4, title, &f).unwrap();
    ws.merge_range(3, 0, 4, 0, "STT", &f).unwrap();
    ws.merge_range(3, 1, 4, 1, "Đơn vị", &f).unwrap();
    ws.merge_range(3, 2, 3, 3, "Số thuê bao", &f).unwrap();
    ws.write(4, 2, "đã cài đặt Bluezone").unwrap();
    ws.write(4, 3, "smartphone").unwrap();
    ws.merge_range(3, 4, 4, 4, "Ghi chú", &f).unwrap();
    for (k, (name, i, sm)) in LETTER.iter().enumerate() {
        let r = 5 + u32::try_from(k).unwrap();
        ws.write(r, 0, (k + 1) as f64).unwrap();
        ws.write(r, 1, *name).unwrap();
        ws.write(r, 2, *i as f64).unwrap();
        ws.write(r, 3, *sm as f64).unwrap();
    }
    wb.save(path).unwrap();
}

#[test]
fn a_merged_header_in_a_workbook_is_read_with_its_title_date() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bao-cao.xlsx");
    merged_workbook(&path, "Số liệu đến ngày 31/8/2020");
    let got = import::read_with(&path, &import::Options::default()).unwrap();
    assert_eq!(figures(&got.coverage), shipped());
    assert_eq!(got.header_lines, [4, 5]);
    assert_eq!(
        got.as_of.date().map(|d| d.iso()).as_deref(),
        Some("2020-08-31")
    );

    let (code, stdout, stderr) = run(&["import", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert_has(
        &stdout,
        &[
            "as_of = 2020-08-31                 # FACT: dòng 2 của bao-cao.xlsx, \"Số liệu đến ngày 31/8/2020\"",
        ],
    );
    assert_has(
        &stderr,
        &[
            "tiêu đề hai dòng 4 và 5",
            "\"Số thuê bao đã cài đặt Bluezone\" → số đã cài",
            "\"Số thuê bao smartphone\" → số smartphone",
            "Ngày số liệu: 31/8/2020 (dòng 2: \"Số liệu đến ngày 31/8/2020\") → as_of = 2020-08-31",
        ],
    );
    // the scenario alone on standard output: it parses as the scenario it is
    assert!(stdout.starts_with("# Khung kịch bản"), "{stdout}");
    assert!(!stdout.contains("Đã đọc"), "{stdout}");
}

#[test]
fn the_shipped_office_example_imports_as_docs_importing_shows() {
    let path = repo().join("scenarios/bao-cao-huyen-2020-08-31.xlsx");
    let got = import::read_with(&path, &import::Options::default()).unwrap();
    assert_eq!(figures(&got.coverage), shipped());
    assert_eq!(
        got.as_of.date().map(|d| d.iso()).as_deref(),
        Some("2020-08-31")
    );
    let docs = std::fs::read_to_string(repo().join("docs/importing.md")).unwrap();
    let (code, _, stderr) = crate::layout::run(&[
        "import",
        "scenarios/bao-cao-huyen-2020-08-31.xlsx",
        "--out",
        "/tmp/../tmp/campaign-docs-importing-check.toml",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let _ = std::fs::remove_file("/tmp/campaign-docs-importing-check.toml");
    // the report the docs show, line by line (the lines that do not name the output file)
    for line in stderr
        .lines()
        .filter(|l| !l.contains("campaign-docs-importing-check") && !l.contains("Quy tắc"))
    {
        assert!(docs.contains(line), "docs/importing.md lacks {line:?}");
    }
}

#[test]
fn a_date_without_its_year_takes_the_year_written_elsewhere_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let title = "BÁO CÁO NĂM 2020\nSố liệu tính đến 17h ngày 31/8\n";
    let path = write(
        dir.path(),
        "t.csv",
        &table(title, "Huyện;Đã cài;Tổng số máy"),
    );
    let (code, stdout, stderr) = run(&["import", path.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(code, 0, "{stderr}");
    assert_has(&stdout, &["as_of = 2020-08-31", "; the year from row 1"]);
    assert_has(
        &stderr,
        &[
            "Figures' date: 31/8/2020 (row 2: \"Số liệu tính đến 17h ngày 31/8\"; the title gives no year: 2020 taken from row 1) → as_of = 2020-08-31",
        ],
    );
    // the year from the file's name
    let path = write(
        dir.path(),
        "bao-cao-2020.csv",
        &table("tính đến 17h ngày 31/8\n", "Huyện;Đã cài;Tổng số máy"),
    );
    let (code, stdout, stderr) = run(&["import", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert_has(&stdout, &["as_of = 2020-08-31"]);
    assert_has(&stderr, &["lấy năm 2020 từ tên tệp"]);
    // an explicit --as-of wins
    let (code, stdout, stderr) = run(&["import", path.to_str().unwrap(), "--as-of", "2020-09-01"]);
    assert_eq!(code, 0, "{stderr}");
    assert_has(
        &stdout,
        &["as_of = 2020-09-01                 # FACT: ngày ghi ở --as-of"],
    );
    assert_has(&stderr, &["Ngày số liệu: 1/9/2020 (theo --as-of)"]);
}

#[test]
fn a_date_without_any_year_is_not_guessed() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "t.csv",
        &table(
            "Số liệu tính đến 17h ngày 31/8\n",
            "Huyện;Đã cài;Tổng số máy",
        ),
    );
    let (code, stdout, stderr) = run(&["import", path.to_str().unwrap()]);
    assert_eq!((code, stdout.as_str()), (1, ""));
    assert_has(
        &stderr,
        &[
            "t.csv:1:",
            "dòng 1 (\"Số liệu tính đến 17h ngày 31/8\") ghi ngày 31/8 nhưng không ghi năm",
            "`--as-of 2020-08-31`",
        ],
    );
    let (code, stdout, _) = run(&["import", path.to_str().unwrap(), "--as-of", "2020-08-31"]);
    assert_eq!(code, 0);
    assert_has(&stdout, &["as_of = 2020-08-31"]);
}

#[test]
fn column_names_the_user_gives_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "t.csv", &table("", "Địa phương;Cột A;Cột B"));
    // the tool cannot guess: the did-you-mean and the hint name --column
    let (code, _, stderr) = run(&["import", path.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(code, 1);
    assert_has(
        &stderr,
        &[
            "missing `District`",
            "`Installed`",
            "--column district=\"...\"",
        ],
    );
    let (code, stdout, stderr) = run(&[
        "import",
        path.to_str().unwrap(),
        "--column",
        "installed=Cột A",
        "--column",
        "smartphones=\"cot b\"",
        "--column",
        "district=ĐỊA PHƯƠNG",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert_has(
        &stdout,
        &["name = \"Hữu Lũng\"\ninstalled = 18_019\nsmartphones = 78_399\n"],
    );
    assert_has(&stderr, &["\"Cột A\" → số đã cài (theo --column)"]);
    // a named column wins over a guessed one
    let path = write(dir.path(), "u.csv", &table("", "Huyện;Đã cài;Số máy"));
    let (code, stdout, stderr) = run(&[
        "import",
        path.to_str().unwrap(),
        "--column",
        "installed=Số máy",
        "--column",
        "smartphones=Đã cài",
    ]);
    // (the columns swapped on purpose: installed above smartphones is refused, at the row)
    assert_eq!((code, stdout.as_str()), (1, ""), "{stderr}");
    assert_has(
        &stderr,
        &["số đã cài (96.818) lớn hơn số smartphone (39.911)"],
    );
}

#[test]
fn a_close_heading_is_suggested() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "t.csv",
        &table("", "Huyện;Đã cà Bluezone;Tổng smartphone"),
    );
    let (code, _, stderr) = run(&["import", path.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(code, 1);
    assert_has(
        &stderr,
        &[
            "t.csv:1:",
            "missing `Installed` (did you mean the column `Đã cà Bluezone`? the closest accepted headings: `Đã cài Bluezone`",
            "name it with `--column installed=\"Đã cà Bluezone\"`",
        ],
    );
}

#[test]
fn the_rules_folder_is_named_from_the_folder_written_to() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(repo().join("rules"), dir.path().join("rules")).unwrap();
    let table = write(dir.path(), "t.csv", &table("", "Huyện;Đã cài;Tổng số máy"));
    for (out, rules) in [
        ("scenarios/a.toml", "../rules"),
        ("x/y/b.toml", "../../rules"),
        ("c.toml", "rules"),
    ] {
        let out = dir.path().join(out);
        std::fs::create_dir_all(out.parent().unwrap()).unwrap();
        let (code, _, stderr) = run(&[
            "import",
            table.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ]);
        assert_eq!(code, 0, "{stderr}");
        let text = std::fs::read_to_string(&out).unwrap();
        assert_has(&text, &[&format!("rules = [\"{rules}\"]")]);
        let loaded = campaign_planner::scenario::load(&out).unwrap_or_else(|e| panic!("{e}"));
        assert!(!loaded.rules.is_empty());
        let shipped_rules = repo().join("rules").canonicalize().unwrap();
        assert!(
            loaded
                .rules
                .iter()
                .all(|r| r.canonicalize().unwrap().starts_with(&shipped_rules)),
            "{:?}",
            loaded.rules
        );
    }
}

#[test]
fn a_plan_of_a_skeleton_says_what_to_fill_in() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(repo().join("rules"), dir.path().join("rules")).unwrap();
    let table = write(
        dir.path(),
        "t.csv",
        &table("Số liệu đến ngày 31/8/2020\n", "Huyện;Đã cài;Tổng số máy"),
    );
    let out = dir.path().join("s.toml");
    let (code, _, stderr) = run(&[
        "import",
        table.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let s = out.to_str().unwrap();
    let (_, terminal, _) = run(&["plan", s]);
    assert_has(
        &terminal,
        &[
            "Lưu ý:",
            "assumptions_checked = false",
            "mọi huyện đều có 0 tổ, đội loại `commune`",
        ],
    );
    let (_, en, _) = run(&["plan", s, "--lang", "en", "--format", "markdown"]);
    assert_has(
        &en,
        &[
            "Check every line marked ASSUMPTION",
            "every district has 0 teams of kind",
        ],
    );
    let (_, html, _) = run(&["plan", s, "--format", "html"]);
    assert_has(
        &html,
        &["<ul class=\"notices\">", "assumptions_checked = true"],
    );
    let (_, json, _) = run(&["plan", s, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let notices = v["notices"].as_array().unwrap();
    assert_eq!(
        notices[0],
        serde_json::json!({"notice": "assumptions_not_checked"})
    );
    assert_eq!(
        notices[1],
        serde_json::json!({"notice": "no_local_teams", "kinds": ["commune"]})
    );
    // never a finding: the plan is still a plan
    assert!(v["diagnosis"].is_null() || v["status"] != "infeasible");
    let book = dir.path().join("p.xlsx");
    let (code, _, stderr) = run(&[
        "plan",
        s,
        "--format",
        "xlsx",
        "--out",
        book.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let cells = xlsx_text(&book);
    assert!(cells.contains("assumptions_checked = false"), "{cells}");

    // filled in: no such notice
    let text = std::fs::read_to_string(&out)
        .unwrap()
        .replace("assumptions_checked = false", "assumptions_checked = true")
        .replacen("teams = { commune = 0 }", "teams = { commune = 5 }", 1);
    std::fs::write(&out, text).unwrap();
    let (_, json, _) = run(&["plan", s, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let kinds: Vec<&str> = v["notices"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|n| n["notice"].as_str())
        .collect();
    assert!(
        !kinds.contains(&"assumptions_not_checked") && !kinds.contains(&"no_local_teams"),
        "{kinds:?}"
    );
    // the shipped scenario has neither
    let (_, json, _) = run(&[
        "plan",
        repo()
            .join("scenarios/lang-son-2020-09-01.toml")
            .to_str()
            .unwrap(),
        "--format",
        "json",
    ]);
    assert!(!json.contains("no_local_teams") && !json.contains("assumptions_not_checked"));
}

#[test]
fn the_tools_own_csv_and_xlsx_plans_import_back() {
    let dir = tempfile::tempdir().unwrap();
    // a district whose name starts like a formula: the plan writes it neutralised ('=...)
    let scenario = std::fs::read_to_string(repo().join("scenarios/lang-son-2020-09-01.toml"))
        .unwrap()
        .replace("name = \"Đình Lập\"", "name = \"=Đình Lập\"");
    assert!(scenario.contains("=Đình Lập"));
    std::os::unix::fs::symlink(repo().join("rules"), dir.path().join("rules")).unwrap();
    std::fs::create_dir(dir.path().join("scenarios")).unwrap();
    let s = write(dir.path(), "scenarios/s.toml", &scenario);
    let mut want = shipped();
    want.last_mut().unwrap().0 = "=Đình Lập".to_string();
    for lang in ["vi", "en"] {
        for format in ["csv", "xlsx"] {
            let out = dir.path().join(format!("plan-{lang}.{format}"));
            let (code, _, stderr) = run(&[
                "plan",
                s.to_str().unwrap(),
                "--format",
                format,
                "--lang",
                lang,
                "--out",
                out.to_str().unwrap(),
            ]);
            assert_eq!(code, 0, "{stderr}");
            let got = import::read_with(&out, &import::Options::default())
                .unwrap_or_else(|e| panic!("{format} {lang}: {e}"));
            assert_eq!(figures(&got.coverage), want, "{format} {lang}");
            assert_eq!(
                got.coverage.total,
                Some((151_916, 519_820)),
                "{format} {lang}"
            );
        }
    }
}

/// letter14c item 1: plan -> CSV or workbook -> `campaign import` -> plan keeps the figures,
/// the date of the figures (the tables' "Số liệu đến ngày" column) and each district's unit
/// type (their "Loại đơn vị" column), also where the name does not say it ("Lạng Sơn" with
/// `unit_type = "thành phố"`). Before, the date became the placeholder 2020-09-01 and the city a
/// huyện.
#[test]
fn the_tools_own_tables_bring_back_the_date_and_the_unit_types() {
    let dir = tempfile::tempdir().unwrap();
    let scenario = std::fs::read_to_string(repo().join("scenarios/lang-son-2020-09-01.toml"))
        .unwrap()
        .replace("as_of = 2020-09-01", "as_of = 2020-08-31")
        .replace(
            "name = \"Thành phố Lạng Sơn\"\n",
            "name = \"Lạng Sơn\"\nunit_type = \"thành phố\"\n",
        );
    assert!(scenario.contains("unit_type = \"thành phố\""));
    std::os::unix::fs::symlink(repo().join("rules"), dir.path().join("rules")).unwrap();
    std::fs::create_dir(dir.path().join("scenarios")).unwrap();
    let s = write(dir.path(), "scenarios/s.toml", &scenario);
    // (as_of, [(name, unit_type, installed, smartphones)]) of a scenario's JSON plan
    let planned = |path: &Path| {
        let (code, json, stderr) = run(&["plan", path.to_str().unwrap(), "--format", "json"]);
        assert!(code == 0, "{stderr}");
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let districts: Vec<(String, String, u64, u64)> = v["districts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                (
                    d["name"].as_str().unwrap().to_string(),
                    d["unit_type"].as_str().unwrap().to_string(),
                    d["installed"].as_u64().unwrap(),
                    d["smartphones"].as_u64().unwrap(),
                )
            })
            .collect();
        (v["as_of"].as_str().unwrap().to_string(), districts)
    };
    let want = planned(&s);
    assert_eq!(want.0, "2020-08-31");
    assert_eq!(want.1[0].0, "Lạng Sơn");
    assert_eq!(want.1[0].1, "thành phố");
    for lang in ["vi", "en"] {
        for format in ["csv", "xlsx"] {
            let (skeleton, report) = plan_then_import(dir.path(), &s, lang, format, &[]);
            let date_line = match lang {
                "vi" => "Ngày số liệu: 31/8/2020 (cột \"Số liệu đến ngày\") → as_of = 2020-08-31",
                _ => "Figures' date: 31/8/2020 (the column \"Data as of\") → as_of = 2020-08-31",
            };
            assert_has(&report, &[date_line]);
            // the date and unit-type columns are read, never listed as not used
            let not_used = report
                .lines()
                .find(|l| l.starts_with("Không dùng") || l.starts_with("Columns not used"))
                .unwrap_or("");
            for heading in ["Số liệu đến ngày", "Data as of", "Loại đơn vị", "Unit type"]
            {
                assert!(!not_used.contains(heading), "{not_used}");
            }
            let written = std::fs::read_to_string(&skeleton).unwrap();
            assert_has(
                &written,
                &["as_of = 2020-08-31", "unit_type = \"thành phố\""],
            );
            assert_eq!(planned(&skeleton), want, "{format} {lang}");
        }
    }
}

/// `campaign plan SCENARIO --format FORMAT --lang LANG --out DIR/plan-LANG.FORMAT`, then
/// `campaign import` of that table (with `extra`) into `DIR/scenarios/back-LANG-FORMAT.toml`:
/// the scenario written and import's report. Both runs must succeed.
fn plan_then_import(
    dir: &Path,
    scenario: &Path,
    lang: &str,
    format: &str,
    extra: &[&str],
) -> (PathBuf, String) {
    let table = dir.join(format!("plan-{lang}.{format}"));
    let (code, _, stderr) = run(&[
        "plan",
        scenario.to_str().unwrap(),
        "--format",
        format,
        "--lang",
        lang,
        "--out",
        table.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let back = dir.join(format!("scenarios/back-{lang}-{format}.toml"));
    let mut args = vec![
        "import",
        table.to_str().unwrap(),
        "--out",
        back.to_str().unwrap(),
        "--lang",
        lang,
    ];
    args.extend_from_slice(extra);
    let (code, _, report) = run(&args);
    assert_eq!(code, 0, "{format} {lang}: {report}");
    (back, report)
}

/// Every string cell of every sheet of the workbook at `path`, one per line.
fn xlsx_text(path: &Path) -> String {
    use calamine::{Data, Reader};
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(path).unwrap();
    let mut out = String::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).unwrap();
        for row in range.rows() {
            for cell in row {
                if let Data::String(s) = cell {
                    out.push_str(s);
                    out.push('\n');
                }
            }
        }
    }
    out
}

/// The letter's rows, each made by `row` from (name, installed, smartphones), under `head`.
fn rows_under(head: &str, row: impl Fn(&str, u64, u64) -> String) -> String {
    let mut s = head.to_string();
    for (name, i, sm) in LETTER {
        s.push('\n');
        s.push_str(&row(name, i, sm));
    }
    s.push('\n');
    s
}

/// `campaign import FILE` in Vietnamese, then in English: (exit, stdout, stderr) of each.
fn both(path: &Path, extra: &[&str]) -> [(i32, String, String); 2] {
    let p = path.to_str().unwrap();
    let mut vi = vec!["import", p];
    vi.extend_from_slice(extra);
    let mut en = vi.clone();
    en.extend_from_slice(&["--lang", "en"]);
    [run(&vi), run(&en)]
}

/// Trial 14 item 2: a row numbering the columns under the header ("1 2 3", "(1) (2) (3)",
/// "A B 1", a formula "(4)=(2)/(3)") or giving their units ("(thuê bao)") is skipped and said;
/// it was a district named "2", or refused as "`(2)` is not a whole number".
#[test]
fn a_row_numbering_the_columns_is_skipped_and_said() {
    let dir = tempfile::tempdir().unwrap();
    for (i, numbering) in [
        "1;2;3",
        "(1);(2);(3)",
        "A;B;1",
        "(1);(2);(3);(4)=(2)/(3)",
        ";(máy);(thuê bao)",
        "ĐVT;máy;máy",
    ]
    .iter()
    .enumerate()
    {
        let head = if numbering.contains("(4)") {
            format!("Huyện;Đã cài Bluezone;Tổng smartphone;Tỷ lệ (%)\n{numbering}")
        } else {
            format!("Huyện;Đã cài Bluezone;Tổng smartphone\n{numbering}")
        };
        let path = write(
            dir.path(),
            &format!("n{i}.csv"),
            &rows_under(&head, |n, i, s| format!("{n};{i};{s}")),
        );
        let [(code, stdout, vi), (_, _, en)] = both(&path, &[]);
        assert_eq!(code, 0, "{numbering}: {vi}");
        let got = import::read(&path).unwrap();
        assert_eq!(got.districts.len(), 11, "{numbering}: {stdout}");
        assert_has(
            &vi,
            &[
                "11 đơn vị (dòng 3 đến 13), dòng tiêu đề 1",
                "Bỏ qua dòng 2: dòng đánh số cột hoặc ghi đơn vị tính, không phải một huyện.",
            ],
        );
        assert_has(
            &en,
            &["Skipped row 2: it numbers the columns or gives their units; it is not a district."],
        );
    }
    // a district row is no numbering: "A" with 1 and 10 is read as a district
    let path = write(
        dir.path(),
        "d.csv",
        "Huyện;Đã cài;Smartphone\nA;1;10\nB;2;10\n",
    );
    assert_eq!(import::read(&path).unwrap().districts.len(), 2);
}

/// Trial 14 item 3: "Đã cài Bluezone" merged over "Số máy | Tỷ lệ (%)" while every other
/// heading is merged down: the first row names the three columns, the second picks the count
/// under the merged heading (not the rate). It was refused: "row 2 has figures but no name".
#[test]
fn a_sub_heading_row_under_a_full_header_makes_a_two_row_header() {
    let dir = tempfile::tempdir().unwrap();
    for (count, rate) in [("Số máy", "Tỷ lệ (%)"), ("Số lượng", "Tỷ lệ")] {
        let head =
            format!("STT;Huyện;Tổng số thuê bao smartphone;Đã cài Bluezone;\n;;;{count};{rate}");
        let path = write(
            dir.path(),
            "r.csv",
            &rows_under(&head, |n, i, s| format!(";{n};{s};{i};")),
        );
        let [(code, _, vi), (_, _, en)] = both(&path, &[]);
        assert_eq!(code, 0, "{vi}");
        assert_eq!(
            figures(&import::read(&path).unwrap()),
            shipped(),
            "{count} | {rate}"
        );
        assert_has(
            &vi,
            &[
                "tiêu đề hai dòng 1 và 2",
                &format!("\"Đã cài Bluezone {count}\" → số đã cài"),
                &format!("\"Đã cài Bluezone {rate}\" → tỷ lệ"),
            ],
        );
        assert_has(&en, &["two header rows, 1 and 2", "→ installed", "→ rate"]);
    }
}

/// Trial 14 item 9: notes or a signature block under a table without a total row, after a
/// blank row (or starting "Ghi chú", "Người lập biểu"): the table ends there, and the report
/// says so. They were read as districts ("`GIÁM ĐỐC` is not a whole number").
#[test]
fn notes_under_a_table_without_a_total_end_it() {
    let dir = tempfile::tempdir().unwrap();
    let base = rows_under("Huyện;Đã cài;Smartphone", |n, i, s| {
        format!("{n};{i};{s}")
    });
    for (footer, first) in [
        ("\nGhi chú: Số liệu do các nhà mạng cung cấp.;;\n", 14),
        ("\nNgười lập biểu;;GIÁM ĐỐC\nNguyễn Văn A;;Lê Văn B\n", 14),
        ("Lạng Sơn, ngày 01 tháng 9 năm 2020;;\n", 13),
        ("\nHuyện Mới;;\n", 14),
    ] {
        let path = write(dir.path(), "f.csv", &format!("{base}{footer}"));
        let [(code, _, vi), (_, _, en)] = both(&path, &[]);
        assert_eq!(code, 0, "{footer}: {vi}");
        assert_eq!(figures(&import::read(&path).unwrap()), shipped());
        assert_has(
            &vi,
            &[&format!("Bảng kết thúc ở dòng 12; từ dòng {first} (\"")],
        );
        assert_has(&vi, &["là ghi chú hoặc phần ký tên, không đọc."]);
        assert_has(
            &en,
            &[&format!("The table ends at row 12; from row {first} (\"")],
        );
    }
    // a row without figures inside the table (no blank row above it) is still refused
    let path = write(dir.path(), "g.csv", &format!("{base}Huyện Mới;;\n"));
    let [(code, _, vi), _] = both(&path, &[]);
    assert_eq!(code, 1, "{vi}");
    assert_has(&vi, &["dòng 13 (\"Mới\")", "ô đang trống"]);
}

/// letter14c item 2: a scenario's own coverage file ends where `campaign import` ends it, by the
/// same code: notes under a table without a total (after a blank row, or starting "Ghi chú",
/// "Nguồn", a signature), and under a total row, are not districts, and every plan says where
/// the table ended (a notice). `campaign plan` refused them ("`GIÁM ĐỐC` is not a whole
/// number", "the line has 1 cell, the header 3").
#[test]
fn notes_under_a_scenarios_coverage_table_end_it_as_import_does() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(repo().join("rules"), dir.path().join("rules")).unwrap();
    std::fs::create_dir(dir.path().join("scenarios")).unwrap();
    let shipped =
        std::fs::read_to_string(repo().join("scenarios/lang-son-2020-09-01.toml")).unwrap();
    let head = &shipped[..shipped.find("# Districts:").unwrap()];
    let scenario = head.replace(
        "as_of = 2020-09-01",
        "as_of = 2020-09-01\ncoverage = \"c.csv\"",
    );
    let s = write(dir.path(), "scenarios/s.toml", &scenario);
    let base = rows_under("Huyện;Đã cài;Smartphone", |n, i, s| {
        format!("{n};{i};{s}")
    });
    let with_total = "TỔNG;151916;519820\n\nGhi chú: Số liệu do các nhà mạng cung cấp.\n";
    let footers: [(&str, usize, usize, &str); 5] = [
        (
            "\nGhi chú: Số liệu do các nhà mạng cung cấp.\n",
            12,
            14,
            "Ghi chú: Số liệu do",
        ),
        ("Nguồn: Sở TT&TT\n", 12, 13, "Nguồn: Sở TT&TT"),
        (
            "\nNgười lập biểu;;GIÁM ĐỐC\nNguyễn Văn A;;Lê Văn B\n",
            12,
            14,
            "Người lập biểu GIÁM ĐỐC",
        ),
        ("\nHuyện Mới;;\n", 12, 14, "Huyện Mới"),
        (with_total, 13, 15, "Ghi chú"),
    ];
    for (footer, last, first, quoted) in footers {
        let csv = write(dir.path(), "scenarios/c.csv", &format!("{base}{footer}"));
        // import reads it so, and says so
        let [(code, _, vi), _] = both(&csv, &[]);
        assert_eq!(code, 0, "{footer}: {vi}");
        assert_has(
            &vi,
            &[&format!(
                "Bảng kết thúc ở dòng {last}; từ dòng {first} (\"{quoted}"
            )],
        );
        // and so does the scenario's reader: the same eleven districts, and a notice
        let (code, json, stderr) = run(&["plan", s.to_str().unwrap(), "--format", "json"]);
        assert_eq!(code, 0, "{footer}: {stderr}");
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["districts"].as_array().unwrap().len(), 11, "{footer}");
        let notice = v["notices"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["notice"] == "coverage_notes_skipped")
            .unwrap_or_else(|| panic!("{footer}: no notice in {}", v["notices"]));
        assert_eq!(notice["last_row"], last, "{footer}");
        assert_eq!(notice["first_row"], first, "{footer}");
        assert!(
            notice["text"].as_str().unwrap().starts_with(quoted),
            "{notice}"
        );
        let (_, text, _) = run(&["plan", s.to_str().unwrap()]);
        assert_has(
            &text,
            &[&format!(
                "bảng kết thúc ở dòng {last}; từ dòng {first} (\"{quoted}"
            )],
        );
        let (_, text, _) = run(&["plan", s.to_str().unwrap(), "--lang", "en"]);
        assert_has(
            &text,
            &[&format!(
                "the table ends at row {last}; from row {first} (\"{quoted}"
            )],
        );
    }
    // a row with figures below the notes is refused by both, naming it
    let csv = write(
        dir.path(),
        "scenarios/c.csv",
        &format!("{base}\nGhi chú: Số liệu do các nhà mạng cung cấp.\nHuyện Mới;10;20\n"),
    );
    let [(code, _, vi), _] = both(&csv, &[]);
    assert_eq!(code, 1, "{vi}");
    assert_has(
        &vi,
        &["dòng 15 (\"Mới\") có số liệu nhưng nằm dưới phần ghi chú"],
    );
    let (code, _, stderr) = run(&["plan", s.to_str().unwrap()]);
    assert_eq!(code, 1, "{stderr}");
    assert_has(
        &stderr,
        &[
            "c.csv:15",
            "dòng 15 (\"Mới\") có số liệu nhưng nằm dưới phần ghi chú",
        ],
    );
}

/// Trial 14 item 4: the columns not used are listed in the report, with what to do; the
/// columns a scenario has a place for (commune teams, cohorts) and the unit-type column read
/// are listed as read (import14 item 5: they were listed as read while being dropped).
#[test]
fn columns_not_read_are_listed() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "c.csv",
        "name,installed,smartphones,commune,quarantine,Loại đơn vị,Số cán bộ\nA,1,10,5,2,huyện,7\n",
    );
    let [(code, vi_out, vi), (_, _, en)] = both(&path, &[]);
    assert_eq!(code, 0, "{vi}");
    assert_has(
        &vi,
        &[
            "Không dùng các cột: \"Số cán bộ\" (kịch bản không có chỗ cho chúng",
            "\"commune\" → số tổ xã",
            "\"quarantine\" → số người cách ly (quarantine)",
            "\"Loại đơn vị\" → loại đơn vị",
        ],
    );
    assert_has(
        &en,
        &[
            "Columns not used: \"Số cán bộ\" (the scenario has no place for them",
            "\"commune\" → commune teams",
            "\"Loại đơn vị\" → unit type",
        ],
    );
    assert_has(
        &vi_out,
        &[
            "teams = { commune = 5 }            # FACT: cột \"commune\"",
            "quarantine = 2                     # FACT: cột \"quarantine\"",
        ],
    );
}

/// Trial 14 item 16: a CSV header under a title and blank lines is named on its own line
/// (it was "line 2", an empty line).
#[test]
fn a_csv_header_under_blank_lines_is_named_on_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "c.csv",
        "Tiêu đề\n\n\n\nHuyện;Đã cài;Smartphone\nA;1;10\n",
    );
    let [(code, _, vi), (_, _, en)] = both(&path, &[]);
    assert_eq!(code, 0, "{vi}");
    assert_has(&vi, &["(dòng 6 đến 6), dòng tiêu đề 5."]);
    assert_has(&en, &["(rows 6 to 6), header row 5."]);
}

/// Trial 14 item 12: a workbook with a sheet per report date: the report names the sheet read
/// and the others (it named none).
#[test]
fn the_sheet_read_and_the_others_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.xlsx");
    let mut book = Workbook::new();
    for name in ["25-8", "31-8"] {
        let sheet = book.add_worksheet().set_name(name).unwrap();
        for (c, h) in ["Huyện", "Đã cài", "Smartphone"].iter().enumerate() {
            sheet
                .write_string(0, u16::try_from(c).unwrap(), *h)
                .unwrap();
        }
        sheet.write_string(1, 0, "Hữu Lũng").unwrap();
        sheet.write_number(1, 1, 18_019).unwrap();
        sheet.write_number(1, 2, 78_399).unwrap();
    }
    book.save(&path).unwrap();
    let [(code, _, vi), (_, _, en)] = both(&path, &[]);
    assert_eq!(code, 0, "{vi}");
    assert_has(
        &vi,
        &[
            "Trang tính: \"25-8\" (trang đầu tiên có dòng tiêu đề); tệp còn các trang \"31-8\": muốn đọc trang khác thì thêm --sheet với tên hoặc số thứ tự của trang, ví dụ --sheet \"31-8\"",
        ],
    );
    assert_has(
        &en,
        &[
            "Sheet: \"25-8\" (the first with a header row); the workbook also has \"31-8\": to read another, add --sheet with its name or number, e.g. --sheet \"31-8\"",
        ],
    );
}

/// A skeleton with `rules = []`, to load away from the rules folder it names.
fn no_rules(skeleton: &str) -> String {
    skeleton
        .lines()
        .map(|l| {
            if l.starts_with("rules = ") {
                "rules = []\n".to_string()
            } else {
                format!("{l}\n")
            }
        })
        .collect()
}

/// Trial 14 (import14) item 1: a period in the title ("từ 1/8 - 31/8/2020") is dated by its
/// end, a two-digit year is this century's, and `--as-of` takes the Vietnamese 31/8/2020.
#[test]
fn a_period_a_two_digit_year_and_a_vietnamese_as_of_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let header = "Huyện;Đã cài;Tổng smartphone";
    for (title, want) in [
        ("Số liệu 1/8 - 31/8/2020\n", "2020-08-31"),
        ("Số liệu từ 1/8/2020 đến 31/8\n", "2020-08-31"),
        ("Số liệu từ 1/8 đến 31/8/2020\n", "2020-08-31"),
        ("Số liệu đến ngày 31/8/20\n", "2020-08-31"),
        ("Báo cáo tuần 1/9/2020 - 7/9/2020\n", "2020-09-07"),
    ] {
        let got = read(dir.path(), "t.csv", &table(title, header)).unwrap();
        let date = got.as_of.date().map(|d| d.iso());
        assert_eq!(date.as_deref(), Some(want), "{title}");
    }
    let path = write(dir.path(), "t.csv", &table("", header));
    for given in ["31/8/2020", "2020-08-31", "31-08-2020"] {
        let (code, stdout, stderr) = run(&["import", path.to_str().unwrap(), "--as-of", given]);
        assert_eq!(code, 0, "{given}: {stderr}");
        assert_has(
            &stdout,
            &["as_of = 2020-08-31 ", "# FACT: ngày ghi ở --as-of"],
        );
    }
}

/// A workbook of two sheets, each with a header: the first "Tổng hợp" (Hữu Lũng 1 of 10), the
/// second "Bluezone tháng 8" (the letter's table).
fn two_sheets(path: &Path) {
    let mut wb = Workbook::new();
    let first = wb.add_worksheet().set_name("Tổng hợp").unwrap();
    for (c, h) in (0..).zip(["Huyện", "Đã cài", "Tổng smartphone"]) {
        first.write(0, c, h).unwrap();
    }
    first.write(1, 0, "Hữu Lũng").unwrap();
    first.write(1, 1, 1.0).unwrap();
    first.write(1, 2, 10.0).unwrap();
    let second = wb.add_worksheet().set_name("Bluezone tháng 8").unwrap();
    for (c, h) in (0..).zip(["Huyện", "Đã cài", "Tổng smartphone"]) {
        second.write(0, c, h).unwrap();
    }
    for (r, (name, i, sm)) in (1..).zip(LETTER) {
        second.write(r, 0, name).unwrap();
        second.write(r, 1, i as f64).unwrap();
        second.write(r, 2, sm as f64).unwrap();
    }
    wb.save(path).unwrap();
}

/// Item 2: `--sheet NAME` (case and diacritics aside) or `--sheet NUMBER` reads that sheet; a
/// sheet not in the workbook is an error listing its sheets.
#[test]
fn sheet_chooses_the_worksheet_by_name_or_number() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hai-trang.xlsx");
    two_sheets(&path);
    let p = path.to_str().unwrap();
    let read = |sheet: Option<&str>| {
        let options = import::Options {
            sheet: sheet.map(str::to_string),
            ..Default::default()
        };
        import::read_with(&path, &options).map_err(|e| e.render(campaign_planner::text::Lang::En))
    };
    // without --sheet: the first with a header, and the report says how to read the other
    let first = read(None).unwrap();
    assert_eq!(first.coverage.districts.len(), 1);
    let (code, _, stderr) = run(&["import", p]);
    assert_eq!(code, 0, "{stderr}");
    assert_has(
        &stderr,
        &["Trang tính: \"Tổng hợp\"", "--sheet \"Bluezone tháng 8\""],
    );
    for given in ["Bluezone tháng 8", "BLUEZONE THÁNG 8", "2"] {
        let got = read(Some(given)).unwrap();
        assert_eq!(figures(&got.coverage), shipped(), "{given}");
        assert_eq!(
            got.sheet.as_ref().map(|s| s.0.as_str()),
            Some("Bluezone tháng 8")
        );
    }
    let (code, _, stderr) = run(&["import", p, "--sheet", "2", "--lang", "en"]);
    assert_eq!(code, 0, "{stderr}");
    assert_has(
        &stderr,
        &[
            "Sheet: \"Bluezone tháng 8\" (named by --sheet)",
            "11 districts",
        ],
    );
    for given in ["Bluezone tháng 9", "3", "0"] {
        let e = read(Some(given)).unwrap_err();
        assert_has(
            &e,
            &[
                &format!("the workbook has no sheet \"{given}\""),
                "its sheets: 1 \"Tổng hợp\", 2 \"Bluezone tháng 8\"",
                // (trial 13d G4: a name and a number the workbook has)
                "--sheet \"Tổng hợp\", or its number, from 1 to 2: --sheet 1",
            ],
        );
    }
}

/// Item 3: the skeleton speaks the user's language: Vietnamese by default, English with
/// `--lang en`; both are the same scenario.
#[test]
fn the_skeleton_is_commented_in_the_users_language() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "t.csv",
        &table(
            "Số liệu đến ngày 31/8/2020\n",
            "Huyện;Đã cài;Tổng smartphone",
        ),
    );
    let p = path.to_str().unwrap();
    let (code, vi, stderr) = run(&["import", p]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        vi.starts_with("# Khung kịch bản do `campaign import t.csv` viết"),
        "{vi}"
    );
    assert_has(
        &vi,
        &[
            "horizon_days = 14                  # ASSUMPTION: đợt cao điểm hai tuần",
            "# FACT: dòng 1 của t.csv, \"Số liệu đến ngày 31/8/2020\"",
            "teams = { commune = 0 }            # ASSUMPTION: số xã của huyện",
        ],
    );
    assert!(!vi.contains("a two-week push"), "{vi}");
    let (code, en, _) = run(&["import", p, "--lang", "en"]);
    assert_eq!(code, 0);
    assert!(
        en.starts_with("# Scenario skeleton made by `campaign import t.csv`"),
        "{en}"
    );
    assert_has(&en, &["# ASSUMPTION: a two-week push"]);
    // the same settings, whatever the comments
    let settings = |t: &str| {
        t.lines()
            .map(|l| l.split('#').next().unwrap().trim().to_string())
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
    };
    assert_eq!(settings(&vi), settings(&en));
    // (beside no rules folder: the skeleton's names the project's, from the current folder)
    let s = write(dir.path(), "s.toml", &no_rules(&vi));
    campaign_planner::scenario::load(&s).unwrap();
}

/// Item 5: the columns a scenario has a place for (communes, cohorts) are read into the
/// skeleton as FACTS; the others are said to be not used, never to be read.
#[test]
fn commune_and_cohort_columns_are_imported_and_the_rest_said_unused() {
    let dir = tempfile::tempdir().unwrap();
    let mut text =
        String::from("Huyện;Số xã;Số cán bộ;Số người cách ly;Học sinh;Đã cài;Tổng smartphone\n");
    for (k, (name, i, sm)) in LETTER.iter().enumerate() {
        text.push_str(&format!(
            "{name};{};{};{};{};{i};{sm}\n",
            10 + k,
            50 + k,
            k,
            100 * k
        ));
    }
    let path = write(dir.path(), "t.csv", &text);
    let (code, stdout, stderr) = run(&["import", path.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(code, 0, "{stderr}");
    assert_has(
        &stdout,
        &[
            "name = \"Hữu Lũng\"\ninstalled = 18_019\nsmartphones = 78_399\n\
             teams = { commune = 11 }           # FACT: column \"Số xã\"\n\
             quarantine = 1                     # FACT: column \"Số người cách ly\"\n\
             testing = 0                        # ASSUMPTION\n\
             students = 100                     # FACT: column \"Học sinh\"\n",
        ],
    );
    assert_has(
        &stderr,
        &[
            "\"Số xã\" → commune teams",
            "\"Số người cách ly\" → the quarantined (quarantine)",
            "Columns not used: \"Số cán bộ\" (the scenario has no place for them",
            "the cohorts the table does not give (testing)",
        ],
    );
    assert!(!stderr.contains("commune = 0"), "{stderr}");
    assert!(!stderr.contains("not used: \"Số xã\""), "{stderr}");
    let s = write(dir.path(), "s.toml", &no_rules(&stdout));
    let scenario = campaign_planner::scenario::load(&s).unwrap();
    let huu_lung = &scenario.districts[1];
    assert_eq!(huu_lung.cohorts.get("quarantine"), Some(&1));
    assert_eq!(huu_lung.teams.get("commune"), Some(&11));
}

/// Item 8 (D1): the skeleton's first line carries a digest of the rest; `import --out` replaces
/// the skeleton as written, but not one edited since (its assumptions filled in, not yet
/// checked), unless --force.
#[test]
fn an_edited_skeleton_is_not_replaced_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "t.csv",
        &table("", "Huyện;Đã cài;Tổng smartphone"),
    );
    let out = dir.path().join("s.toml");
    let args = [
        "import",
        path.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ];
    assert_eq!(run(&args).0, 0);
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(
        written.lines().next().unwrap().contains("mã nội dung "),
        "{written}"
    );
    // as written: replaced
    let (code, _, stderr) = run(&args);
    assert_eq!(code, 0, "{stderr}");
    // edited (a cohort filled in): kept, and said why
    let edited = written.replacen("quarantine = 0 ", "quarantine = 60", 1);
    std::fs::write(&out, &edited).unwrap();
    let (code, _, stderr) = run(&args);
    assert_eq!(code, 1);
    assert_has(
        &stderr,
        &[
            "s.toml: tệp này do `campaign import` viết nhưng đã được sửa sau đó",
            "thêm --force",
        ],
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), edited);
    let mut en = args.to_vec();
    en.extend(["--lang", "en"]);
    let (_, _, stderr) = run(&en);
    assert_has(&stderr, &["it has been edited since"]);
    // so is `generate --out` over it
    let (code, _, _) = run(&[
        "generate",
        "--units",
        "3",
        "--seed",
        "1",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), edited);
    // --force replaces it
    let mut forced = args.to_vec();
    forced.push("--force");
    assert_eq!(run(&forced).0, 0);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), written);
}

/// Item 4: a plan's own CSV and XLSX, imported back, plan to the same figures: the commune
/// teams come back from its "Tổ xã" / "Commune teams" column (the cohorts, which no plan table
/// holds, are 0 on both sides here).
#[test]
fn a_plan_imported_back_plans_the_same() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(repo().join("rules"), dir.path().join("rules")).unwrap();
    std::fs::create_dir(dir.path().join("scenarios")).unwrap();
    let rules_line = "rules = [\"../rules/communication.rhai\", \"../rules/mandatory-cohorts.rhai\", \"../rules/door-to-door.rhai\"]";
    let shipped =
        std::fs::read_to_string(repo().join("scenarios/lang-son-2020-09-01.toml")).unwrap();
    let zeroed: String = shipped
        .lines()
        .map(|l| {
            let field = l.split('=').next().unwrap().trim();
            if ["quarantine", "testing", "students"].contains(&field) {
                format!("{field} = 0\n")
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    let source = write(dir.path(), "scenarios/source.toml", &zeroed);
    let plan_json = |s: &Path| {
        let (code, stdout, stderr) = run(&["plan", s.to_str().unwrap(), "--format", "json"]);
        assert_eq!(code, 0, "{stderr}");
        let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
        v["districts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                let teams: Vec<(String, u64)> = d["allocation"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|a| {
                        (
                            a["kind"].as_str().unwrap().to_string(),
                            a["teams"].as_u64().unwrap(),
                        )
                    })
                    .collect();
                (
                    d["name"].as_str().unwrap().to_string(),
                    d["installed"].as_u64().unwrap(),
                    d["smartphones"].as_u64().unwrap(),
                    teams,
                    format!("{:.6}", d["projected_installed"].as_f64().unwrap()),
                    format!("{:.2}", d["cost"].as_f64().unwrap()),
                )
            })
            .collect::<Vec<_>>()
    };
    let want = plan_json(&source);
    for lang in ["vi", "en"] {
        for format in ["csv", "xlsx"] {
            let (back, _) =
                plan_then_import(dir.path(), &source, lang, format, &["--as-of", "1/9/2020"]);
            // the same three rules as the source (the skeleton names the whole folder)
            let text = std::fs::read_to_string(&back).unwrap();
            let text: String = text
                .lines()
                .map(|l| {
                    if l.starts_with("rules = ") {
                        format!("{rules_line}\n")
                    } else {
                        format!("{l}\n")
                    }
                })
                .collect();
            std::fs::write(&back, text).unwrap();
            assert_eq!(plan_json(&back), want, "{lang} {format}");
        }
    }
}

/// Item 6: a sheet that imports also plans when a scenario names it (`coverage = "..."`): a
/// title, a header over two rows ("Số thuê bao" over "smartphone" and "đã cài Bluezone"), a row
/// numbering the columns, team and cohort columns; the plan is the shipped scenario's.
#[test]
fn an_office_table_named_by_coverage_plans_as_its_districts_written_out() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(repo().join("rules"), dir.path().join("rules")).unwrap();
    std::fs::create_dir(dir.path().join("scenarios")).unwrap();
    let shipped_path = repo().join("scenarios/lang-son-2020-09-01.toml");
    let loaded = campaign_planner::scenario::load(&shipped_path).unwrap();
    let mut table = String::from(
        "SỞ THÔNG TIN VÀ TRUYỀN THÔNG\nSố liệu đến ngày 01/9/2020\n\
         STT;Đơn vị;Số thuê bao;;commune;quarantine;testing;students\n\
         ;;smartphone;đã cài Bluezone;;;;\n\
         (1);(2);(3);(4);(5);(6);(7);(8)\n",
    );
    for (k, d) in loaded.districts.iter().enumerate() {
        let cohort = |c: &str| d.cohorts.get(c).copied().unwrap_or(0);
        table.push_str(&format!(
            "{};{};{};{};{};{};{};{}\n",
            k + 1,
            d.name,
            d.smartphones,
            d.installed,
            d.teams["commune"],
            cohort("quarantine"),
            cohort("testing"),
            cohort("students")
        ));
    }
    table.push_str("Tổng cộng;;519820;151916;;;;\n");
    write(dir.path(), "scenarios/bao-cao.csv", &table);
    // it imports
    let imported = import::read_with(
        &dir.path().join("scenarios/bao-cao.csv"),
        &import::Options::default(),
    )
    .unwrap();
    assert_eq!(figures(&imported.coverage), shipped());
    // and plans: the shipped scenario with its districts in the table
    let shipped_text = std::fs::read_to_string(&shipped_path).unwrap();
    let head = &shipped_text[..shipped_text.find("[[district]]").unwrap()];
    let head = head.replacen(
        "as_of = 2020-09-01",
        "coverage = \"bao-cao.csv\"\nas_of = 2020-09-01",
        1,
    );
    let s = write(dir.path(), "scenarios/s.toml", &head);
    let plan = |p: &Path| {
        let (code, stdout, stderr) = run(&["plan", p.to_str().unwrap(), "--format", "csv"]);
        assert_eq!(code, 0, "{stderr}");
        stdout
    };
    assert_eq!(plan(&s), plan(&shipped_path));
}

/// Trial 13d G20: a plan that leaves local teams unused (the cheapest plan to 50%, or a plan
/// without money) imports back to the teams each district HAS, from the plan's "Tổ xã hiện
/// có" / "Commune teams stationed" column, never to those the plan used ("Tổ xã" / "Commune
/// teams": Thành phố Lạng Sơn's 7 of 8, or 0); planned again with the same settings, the
/// skeleton gives the same teams and figures. A plan's table without the stationed column
/// (written before it existed) gives no teams at all, and says why.
#[test]
fn a_plan_that_leaves_teams_unused_imports_back_to_the_teams_stationed() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(repo().join("rules"), dir.path().join("rules")).unwrap();
    std::fs::create_dir(dir.path().join("scenarios")).unwrap();
    let rules_line = "rules = [\"../rules/communication.rhai\", \"../rules/mandatory-cohorts.rhai\", \"../rules/door-to-door.rhai\"]";
    let shipped_text =
        std::fs::read_to_string(repo().join("scenarios/lang-son-2020-09-01.toml")).unwrap();
    // no cohorts: no plan table holds them
    let zeroed: String = shipped_text
        .lines()
        .map(|l| {
            let field = l.split('=').next().unwrap().trim();
            if ["quarantine", "testing", "students"].contains(&field) {
                format!("{field} = 0\n")
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    let source = write(dir.path(), "scenarios/source.toml", &zeroed);
    let stationed = |s: &Path| -> Vec<(String, u32)> {
        campaign_planner::scenario::load(s)
            .unwrap()
            .districts
            .iter()
            .map(|d| (d.name.clone(), d.teams.get("commune").copied().unwrap_or(0)))
            .collect()
    };
    let want_stationed = stationed(&source);
    let plan_json = |s: &Path, sets: &[&str]| {
        let mut args = vec!["plan", s.to_str().unwrap(), "--format", "json"];
        args.extend_from_slice(sets);
        let (code, stdout, stderr) = run(&args);
        assert!(code == 0 || code == 2, "{stderr}");
        let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
        let districts: Vec<_> = v["districts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                let teams: Vec<(String, u64)> = d["allocation"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|a| {
                        (
                            a["kind"].as_str().unwrap().to_string(),
                            a["teams"].as_u64().unwrap(),
                        )
                    })
                    .collect();
                (
                    d["name"].as_str().unwrap().to_string(),
                    teams,
                    format!("{:.6}", d["projected_installed"].as_f64().unwrap()),
                    format!("{:.2}", d["cost"].as_f64().unwrap()),
                )
            })
            .collect();
        (code, districts)
    };
    let what_ifs: [&[&str]; 2] = [
        &[
            "--set",
            "objective=min-cost",
            "--set",
            "target.provincial_rate=0.5",
            "--set",
            "team_kind.volunteer.available=130",
        ],
        &["--set", "budget=0"],
    ];
    // the shipped scenario itself, cohorts and all, as the trial planned it
    let full = write(dir.path(), "scenarios/full.toml", &shipped_text);
    for sets in what_ifs {
        let want = plan_json(&source, sets);
        // the plan of the shipped scenario leaves some of a district's commune teams unused (the
        // trial: 7 of Thành phố Lạng Sơn's 8, or none): imported back, the teams it has
        let full_plan = plan_json(&full, sets);
        let unused = full_plan
            .1
            .iter()
            .zip(&want_stationed)
            .any(|(d, (_, has))| {
                let used =
                    d.1.iter()
                        .find(|(k, _)| k == "commune")
                        .map_or(0, |(_, n)| *n);
                used < u64::from(*has)
            });
        assert!(unused, "{sets:?}: every commune team is used");
        for format in ["csv", "xlsx"] {
            let table = dir.path().join(format!("full.{format}"));
            let mut args = vec![
                "plan",
                full.to_str().unwrap(),
                "--format",
                format,
                "--out",
                table.to_str().unwrap(),
            ];
            args.extend_from_slice(sets);
            assert_eq!(run(&args).0, full_plan.0);
            let back = dir
                .path()
                .join(format!("scenarios/full-back-{format}.toml"));
            let (code, _, stderr) = run(&[
                "import",
                table.to_str().unwrap(),
                "--out",
                back.to_str().unwrap(),
                "--as-of",
                "1/9/2020",
                "--force",
            ]);
            assert_eq!(code, 0, "{stderr}");
            assert_eq!(stationed(&back), want_stationed, "{sets:?} {format}");
        }
        for lang in ["vi", "en"] {
            for format in ["csv", "xlsx"] {
                let table = dir.path().join(format!("plan-{lang}.{format}"));
                let mut args = vec![
                    "plan",
                    source.to_str().unwrap(),
                    "--format",
                    format,
                    "--lang",
                    lang,
                    "--out",
                    table.to_str().unwrap(),
                ];
                args.extend_from_slice(sets);
                let (code, _, stderr) = run(&args);
                assert_eq!(code, want.0, "{stderr}");
                let back = dir
                    .path()
                    .join(format!("scenarios/back-{lang}-{format}.toml"));
                let (code, _, stderr) = run(&[
                    "import",
                    table.to_str().unwrap(),
                    "--out",
                    back.to_str().unwrap(),
                    "--as-of",
                    "1/9/2020",
                    "--force",
                    "--lang",
                    lang,
                ]);
                assert_eq!(code, 0, "{stderr}");
                let (column, allocation) = if lang == "vi" {
                    ("\"Tổ xã hiện có\" → số tổ xã", "Không đọc cột \"Tổ xã\"")
                } else {
                    (
                        "\"Commune teams stationed\" → commune teams",
                        "Not read: \"Commune teams\", the teams the plan uses",
                    )
                };
                assert_has(&stderr, &[column, allocation]);
                let text = std::fs::read_to_string(&back).unwrap();
                let text: String = text
                    .lines()
                    .map(|l| {
                        if l.starts_with("rules = ") {
                            format!("{rules_line}\n")
                        } else {
                            format!("{l}\n")
                        }
                    })
                    .collect();
                std::fs::write(&back, text).unwrap();
                assert_eq!(stationed(&back), want_stationed, "{sets:?} {lang} {format}");
                assert_eq!(plan_json(&back, sets), want, "{sets:?} {lang} {format}");
            }
        }
    }
    // a plan's table with the allocation alone: not read as the teams a district has
    let csv = std::fs::read_to_string(dir.path().join("plan-en.csv")).unwrap();
    let old: String = csv
        .lines()
        .map(|l| {
            let mut cells: Vec<&str> = l.split(',').collect();
            cells.remove(4);
            format!("{}\n", cells.join(","))
        })
        .collect();
    assert!(old.starts_with("\u{feff}District,Smartphones,Installed,Rate (%),Commune teams,"));
    let old_path = write(dir.path(), "old-plan.csv", &old);
    let [(code, skeleton, vi), (_, _, en)] = both(&old_path, &["--as-of", "1/9/2020"]);
    assert_eq!(code, 0, "{vi}");
    assert!(!skeleton.contains("FACT: cột \"Tổ xã"), "{skeleton}");
    assert_eq!(
        skeleton.matches("teams = { commune = 0 }").count(),
        11,
        "{skeleton}"
    );
    assert_has(
        &vi,
        &[
            "Không đọc cột \"Commune teams\": đó là số tổ kế hoạch dùng, không phải số tổ huyện có",
            "teams = { commune = 0 } ở cả 11 huyện",
        ],
    );
    assert_has(
        &en,
        &[
            "Not read: \"Commune teams\", the teams the plan uses, not the teams each district has (this plan's table has no \"Commune teams stationed\" column)",
            "teams = { commune = 0 } in all 11 districts",
        ],
    );
}

/// A workbook as trial 13d G21 made it: a first sheet "Cũ (ẩn)", hidden in Excel, with old
/// figures (Hữu Lũng 10 installed), and a second, shown and active, "Báo cáo" with the current
/// ones (1,000), where a hidden row 4 keeps an old district row ("Hữu Lũng cũ").
fn hidden_old_figures(path: &Path, second_active: bool) {
    let mut book = Workbook::new();
    let rows = |sheet: &mut rust_xlsxwriter::Worksheet, installed: f64| {
        for (col, cell) in (0..).zip(["Huyện", "Đã cài", "Smartphone"]) {
            sheet.write_string(0, col, cell).unwrap();
        }
        sheet.write_string(1, 0, "Hữu Lũng").unwrap();
        sheet.write_number(1, 1, installed).unwrap();
        sheet.write_number(1, 2, 5_000).unwrap();
        sheet.write_string(2, 0, "Chi Lăng").unwrap();
        sheet.write_number(2, 1, 2_000).unwrap();
        sheet.write_number(2, 2, 6_000).unwrap();
    };
    let old = book.add_worksheet().set_name("Cũ (ẩn)").unwrap();
    rows(old, 10.0);
    old.set_hidden(true);
    let shown = book.add_worksheet().set_name("Báo cáo").unwrap();
    rows(shown, 1_000.0);
    shown.write_string(3, 0, "Hữu Lũng cũ").unwrap();
    shown.write_number(3, 1, 7).unwrap();
    shown.write_number(3, 2, 70).unwrap();
    shown.set_row_hidden(3).unwrap();
    if second_active {
        shown.set_active(true);
    }
    book.save(path).unwrap();
}

/// Trial 13d G21: `import` read the hidden first sheet's old figures (Hữu Lũng 10 installed)
/// and hidden rows without a word. Now it reads the shown sheet, leaves out its hidden rows,
/// and says both; a hidden sheet is read when `--sheet` names it, and said to be hidden.
#[test]
fn hidden_sheets_and_rows_are_not_read_and_said() {
    let dir = tempfile::tempdir().unwrap();
    // (the sheet Excel opens on cannot be hidden: the shown one is active, as in the trial)
    {
        let active = true;
        let path = dir.path().join(format!("an-{active}.xlsx"));
        hidden_old_figures(&path, active);
        let got = import::read_with(&path, &import::Options::default()).unwrap();
        let names: Vec<(String, u64)> = got
            .coverage
            .districts
            .iter()
            .map(|d| (d.name.clone(), d.installed))
            .collect();
        assert_eq!(
            names,
            [
                ("Hữu Lũng".to_string(), 1_000),
                ("Chi Lăng".to_string(), 2_000)
            ],
            "active {active}"
        );
        let [(code, skeleton, vi), (_, _, en)] = both(&path, &["--as-of", "1/9/2020"]);
        assert_eq!(code, 0, "{vi}");
        assert!(skeleton.contains("installed = 1_000"), "{skeleton}");
        assert_has(
            &vi,
            &[
                "Trang tính: \"Báo cáo\" (trang đầu tiên đang hiện có dòng tiêu đề)",
                "Không đọc trang đang ẩn trong Excel: \"Cũ (ẩn)\" (trang ẩn thường là số liệu cũ); muốn đọc thì thêm --sheet \"Cũ (ẩn)\"",
                "Bỏ qua các dòng đang ẩn trong Excel: 4 (dòng ẩn thường là số liệu cũ)",
            ],
        );
        assert_has(
            &en,
            &[
                "Sheet: \"Báo cáo\" (the first shown sheet with a header row)",
                "Hidden sheets not read: \"Cũ (ẩn)\"",
                "Skipped rows hidden in Excel: 4 (hidden rows usually hold old figures); to read them, unhide them in Excel and save",
            ],
        );
    }
    // named by --sheet: read, and said to be hidden
    let path = dir.path().join("an-true.xlsx");
    let [(code, skeleton, vi), (_, _, en)] = both(&path, &["--sheet", "1", "--as-of", "1/9/2020"]);
    assert_eq!(code, 0, "{vi}");
    assert!(skeleton.contains("installed = 10\n"), "{skeleton}");
    assert_has(
        &vi,
        &["Trang tính: \"Cũ (ẩn)\" (theo --sheet; trang này đang ẩn trong Excel)"],
    );
    assert_has(
        &en,
        &["Sheet: \"Cũ (ẩn)\" (named by --sheet; it is hidden in Excel)"],
    );
}

/// Trial 13e H24: `--sheet "Huyen"` was refused though the hint says diacritics may differ;
/// a sheet's name is now matched without them, as headings are.
#[test]
fn sheet_names_match_without_diacritics() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("an.xlsx");
    hidden_old_figures(&path, true);
    let [(code, skeleton, vi), _] = both(&path, &["--sheet", "bao cao", "--as-of", "1/9/2020"]);
    assert_eq!(code, 0, "{vi}");
    assert!(skeleton.contains("installed = 1_000"), "{skeleton}");
    let [(code, skeleton, vi), _] = both(&path, &["--sheet", "CU (AN)", "--as-of", "1/9/2020"]);
    assert_eq!(code, 0, "{vi}");
    assert!(skeleton.contains("installed = 10\n"), "{skeleton}");
}

/// Trial 13e H5: a two-row header with a group heading over the team columns ("Tổ vận động"
/// over "xã | tình nguyện") and "Đơn vị" merged down both rows made the commune counts the
/// district names ("24", "22"). The names are read from the column the upper row names.
#[test]
fn a_group_heading_over_the_team_columns_leaves_the_names_where_they_are() {
    let dir = tempfile::tempdir().unwrap();
    let csv = write(
        dir.path(),
        "m1.csv",
        "Đơn vị,Số thuê bao,,Tổ vận động,\n,smartphone,đã cài,xã,tình nguyện\nHữu Lũng,78399,18019,24,3\nCao Lộc,58196,16752,22,1\n",
    );
    let xlsx = dir.path().join("w2.xlsx");
    {
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        let plain = Format::new();
        sheet.merge_range(0, 0, 1, 0, "Đơn vị", &plain).unwrap();
        sheet
            .merge_range(0, 1, 0, 2, "Số thuê bao", &plain)
            .unwrap();
        sheet
            .merge_range(0, 3, 0, 4, "Tổ vận động", &plain)
            .unwrap();
        for (col, cell) in (1..).zip(["smartphone", "đã cài", "xã", "tình nguyện"]) {
            sheet.write_string(1, col, cell).unwrap();
        }
        for (row, (name, smartphones, installed, commune, volunteer)) in (2..).zip([
            ("Hữu Lũng", 78_399, 18_019, 24, 3),
            ("Cao Lộc", 58_196, 16_752, 22, 1),
        ]) {
            sheet.write_string(row, 0, name).unwrap();
            for (col, n) in (1..).zip([smartphones, installed, commune, volunteer]) {
                sheet.write_number(row, col, n).unwrap();
            }
        }
        book.save(&xlsx).unwrap();
    }
    for path in [&csv, &xlsx] {
        let [(code, skeleton, vi), (_, _, en)] = both(path, &["--as-of", "1/9/2020"]);
        assert_eq!(code, 0, "{vi}");
        assert!(skeleton.contains("name = \"Hữu Lũng\""), "{skeleton}");
        assert!(skeleton.contains("name = \"Cao Lộc\""), "{skeleton}");
        assert!(!skeleton.contains("name = \"24\""), "{skeleton}");
        assert!(skeleton.contains("installed = 18_019"), "{skeleton}");
        assert!(skeleton.contains("teams = { commune = 24 }"), "{skeleton}");
        assert!(en.contains("two header rows, 1 and 2"), "{en}");
    }
}

/// Trial 13e H11: `--as-of 9/1/2020` silently overrode the file's own date column
/// "1/9/2020" (eight months earlier). `--as-of` still wins, and the report says the column.
#[test]
fn as_of_that_contradicts_the_date_column_is_said() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "d4.csv",
        "Huyện,Smartphone,Đã cài,Số liệu đến ngày\nHữu Lũng,78399,18019,1/9/2020\nCao Lộc,58196,16752,1/9/2020\n",
    );
    let [(code, skeleton, vi), (_, _, en)] = both(&path, &["--as-of", "9/1/2020"]);
    assert_eq!(code, 0, "{vi}");
    assert!(skeleton.contains("as_of = 2020-01-09"), "{skeleton}");
    assert_has(&vi, &["(2020-09-01), khác ngày ghi ở --as-of"]);
    assert_has(
        &en,
        &[
            "(2020-09-01), another day than --as-of",
            "run again with --as-of",
        ],
    );
    // the same day: nothing more said
    let [(code, _, vi), _] = both(&path, &["--as-of", "1/9/2020"]);
    assert_eq!(code, 0, "{vi}");
    assert!(!vi.contains("khác ngày ghi ở --as-of"), "{vi}");
}

/// Trial 13f J18: `--as-of` a year off the title row's date (and the file name's) was taken
/// without a word; the report now says the title's date beside it, as for a date column.
#[test]
fn as_of_that_contradicts_the_title_or_the_file_name_is_said() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "bao-cao.csv",
        "Số liệu tính đến ngày 31/8/2020\nHuyện,Smartphone,Đã cài\nHữu Lũng,78399,18019\n",
    );
    let [(code, skeleton, vi), (_, _, en)] = both(&path, &["--as-of", "31/8/2021"]);
    assert_eq!(code, 0, "{vi}");
    assert!(skeleton.contains("as_of = 2021-08-31"), "{skeleton}");
    assert_has(
        &vi,
        &["ghi ngày 31/8/2020 (2020-08-31), khác ngày ghi ở --as-of"],
    );
    assert_has(
        &en,
        &["title row 1 gives 31/8/2020 (2020-08-31), another day than --as-of"],
    );
    let named = write(
        dir.path(),
        "coverage-2020-08-31.csv",
        "Huyện,Smartphone,Đã cài\nHữu Lũng,78399,18019\n",
    );
    let [_, (code, _, en)] = both(&named, &["--as-of", "31/8/2021"]);
    assert_eq!(code, 0, "{en}");
    assert_has(&en, &["the file's name gives 31/8/2020"]);
    // the same day: nothing more said
    let [(_, _, vi), _] = both(&path, &["--as-of", "31/8/2020"]);
    assert!(!vi.contains("khác ngày ghi ở --as-of"), "{vi}");
}
