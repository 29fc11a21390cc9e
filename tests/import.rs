//! `campaign import` and coverage tables as departments send them: the letter's own table,
//! Vietnamese or English headers, `39,911` / `151.916` / `39 911`, a total row, a truncated
//! rate column, `;` / `,` / tab separators with a BOM, and a real `.xlsx`.

use std::path::{Path, PathBuf};

use campaign_planner::import;
use campaign_planner::text::Lang;
use rust_xlsxwriter::Workbook;
use unicode_normalization::UnicodeNormalization;

/// The letter's table (1635/STTTT-TTBCXB), typed as the letter prints it: `;` separated,
/// with Excel's byte-order mark, "Huyện " before the names and `151.916` in the total.
const LETTER: &str = "\u{feff}HUYỆN;ĐÃ CÀI BLUEZONE;TỔNG SMARTPHONE;Tỷ lệ thuê bao đã cài
Thành phố Lạng Sơn;39,911;96,818;41%
Huyện Hữu Lũng;18,019;78,399;22%
Huyện Cao Lộc;16,752;58,196;28%
Huyện Lộc Bình;15,725;53,067;29%
Huyện Tràng Định;11,354;37,092;30%
Huyện Chi Lăng;10,285;43,471;23%
Huyện Bắc Sơn;9,812;36,584;26%
Huyện Văn Lãng;8,727;34,823;25%
Huyện Văn Quan;7,494;32,138;23%
Huyện Bình Gia;7,186;29,057;24%
Huyện Đình Lập;6,651;20,175;32%
TỔNG;151.916;519,820;29%
";

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// (name, installed, smartphones) of the shipped scenario.
fn shipped() -> Vec<(String, u64, u64)> {
    let scenario =
        campaign_planner::scenario::load(&repo().join("scenarios/lang-son-2020-09-01.toml"))
            .unwrap();
    scenario
        .districts
        .iter()
        .map(|d| (d.name.clone(), d.installed, d.smartphones))
        .collect()
}

fn imported(coverage: &import::Coverage) -> Vec<(String, u64, u64)> {
    coverage
        .districts
        .iter()
        .map(|d| (d.name.clone(), d.installed, d.smartphones))
        .collect()
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// The English rendering of the error that importing `text` (as `name`) gives.
fn error_of(name: &str, text: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), name, text);
    match import::read(&path) {
        Ok(c) => panic!("expected an error, got {c:?}"),
        Err(e) => e.render(Lang::En),
    }
}

fn assert_has(text: &str, parts: &[&str]) {
    for part in parts {
        assert!(text.contains(part), "missing {part:?} in:\n{text}");
    }
}

#[test]
fn the_letters_table_imports_to_the_shipped_districts() {
    let dir = tempfile::tempdir().unwrap();
    let coverage = import::read(&write(dir.path(), "letter.csv", LETTER)).unwrap();
    assert_eq!(imported(&coverage), shipped());
    assert_eq!(coverage.districts.len(), 11);
    assert_eq!(coverage.total, Some((151_916, 519_820)));
}

#[test]
fn tabs_spaces_in_numbers_and_english_headers() {
    let tabbed = LETTER.replace(';', "\t").replace("39,911", "39 911");
    let dir = tempfile::tempdir().unwrap();
    let coverage = import::read(&write(dir.path(), "letter.tsv", &tabbed)).unwrap();
    assert_eq!(imported(&coverage), shipped());

    let english = "District,Installed,Smartphones,Rate\n\
                   Hữu Lũng,\"18,019\",\"78,399\",22.98%\n\
                   Total,18019,78399,22%\n";
    let coverage = import::read(&write(dir.path(), "en.csv", english)).unwrap();
    assert_eq!(
        imported(&coverage),
        vec![("Hữu Lũng".to_string(), 18_019, 78_399)]
    );
}

#[test]
fn headers_and_names_are_matched_after_nfc_and_case_folding() {
    // decomposed (NFD) text, as some Mac and web exports write it, in mixed case
    let nfd: String = "huyện;Đã Cài Bluezone;tổng SMARTPHONE\nHuyện Hữu Lũng;18019;78399\n"
        .nfd()
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let coverage = import::read(&write(dir.path(), "nfd.csv", &nfd)).unwrap();
    assert_eq!(coverage.districts[0].name, "Hữu Lũng");

    // the same district once composed and once decomposed is a duplicate
    let twice = format!(
        "Huyện;Đã cài Bluezone;Tổng smartphone\nHữu Lũng;18019;78399\n{};1;2\n",
        "Hữu Lũng".nfd().collect::<String>()
    );
    assert_has(
        &error_of("twice.csv", &twice),
        &[
            "twice.csv:3:",
            "row 3 (\"Hữu Lũng\"): the district is already on row 2",
        ],
    );
}

#[test]
fn a_missing_column_names_the_file_the_header_row_and_what_is_expected() {
    let en = error_of(
        "short.csv",
        "Huyện;Tổng smartphone;Ghi chú\nHữu Lũng;78399;x\n",
    );
    assert_has(
        &en,
        &[
            "short.csv:1:",
            "no header row with the needed columns: row 1 has `Huyện`, `Tổng smartphone`, `Ghi chú`; missing `Installed`",
            "`District`, `Installed`, `Smartphones` (a `Rate` column is optional)",
        ],
    );
}

#[test]
fn a_total_that_disagrees_names_its_row() {
    let wrong = LETTER.replace("TỔNG;151.916", "TỔNG;151.917");
    assert_has(
        &error_of("letter.csv", &wrong),
        &[
            "letter.csv:13:",
            "row 13 (the total) says 151,917 installed / 519,820 smartphones, but the districts add up to 151,916 / 519,820",
        ],
    );
    let after = format!("{LETTER}Huyện Mới;1;2;50%\n");
    assert_has(
        &error_of("letter.csv", &after),
        &[
            "letter.csv:14:",
            "row 14 (\"Mới\") comes after the total row",
        ],
    );
}

#[test]
fn a_rate_is_flagged_only_beyond_truncation() {
    // 18,019 / 78,399 is 22.98%: 22% (truncated), 23% (rounded) and 22.98% all agree
    for rate in ["22%", "23%", "22.98%", "22,98%"] {
        let text = LETTER.replace(
            "Hữu Lũng;18,019;78,399;22%",
            &format!("Hữu Lũng;18,019;78,399;{rate}"),
        );
        let dir = tempfile::tempdir().unwrap();
        import::read(&write(dir.path(), "letter.csv", &text)).unwrap();
    }
    let text = LETTER.replace("Hữu Lũng;18,019;78,399;22%", "Hữu Lũng;18,019;78,399;32%");
    assert_has(
        &error_of("letter.csv", &text),
        &[
            "letter.csv:3:",
            "column `Tỷ lệ thuê bao đã cài`: row 3 (\"Hữu Lũng\"): the rate says `32%` but 18,019 / 78,399 is 22.98%",
        ],
    );
}

#[test]
fn bad_counts_name_their_row() {
    let header = "Huyện;Đã cài Bluezone;Tổng smartphone\n";
    assert_has(
        &error_of("neg.csv", &format!("{header}Hữu Lũng;-5;78399\n")),
        &[
            "neg.csv:2:",
            "column `Đã cài Bluezone`: row 2 (\"Hữu Lũng\"): negative count `-5`",
        ],
    );
    assert_has(
        &error_of("above.csv", &format!("{header}Hữu Lũng;78400;78399\n")),
        &[
            "above.csv:2:",
            "district \"Hữu Lũng\": row 2 (\"Hữu Lũng\"): installed (78,400) is more than smartphones (78,399)",
        ],
    );
    assert_has(
        &error_of("text.csv", &format!("{header}Hữu Lũng;abc;78399\n")),
        &[
            "text.csv:2:",
            "row 2 (\"Hữu Lũng\"): `abc` is not a whole number",
        ],
    );
}

/// The letter's table in a workbook: a notes sheet first, then a sheet with a title row, the
/// header, counts as numbers and rates as fractions (as Excel stores `22%`).
fn letter_xlsx(path: &Path) {
    let mut book = Workbook::new();
    let notes = book.add_worksheet();
    notes
        .write_string(0, 0, "Ghi chú: số liệu của Sở TTTT")
        .unwrap();
    let sheet = book.add_worksheet();
    sheet
        .write_string(0, 0, "Số liệu cài đặt Bluezone ngày 01/9/2020")
        .unwrap();
    for (row, line) in (2..).zip(LETTER.trim_start_matches('\u{feff}').lines()) {
        let cells: Vec<&str> = line.split(';').collect();
        if row == 2 {
            for (col, cell) in cells.iter().enumerate() {
                sheet
                    .write_string(row, u16::try_from(col).unwrap(), *cell)
                    .unwrap();
            }
        } else {
            let n = |s: &str| s.replace([',', '.'], "").parse::<f64>().unwrap();
            let pct = cells[3].trim_end_matches('%').parse::<f64>().unwrap() / 100.0;
            sheet.write_string(row, 0, cells[0]).unwrap();
            sheet.write_number(row, 1, n(cells[1])).unwrap();
            sheet.write_number(row, 2, n(cells[2])).unwrap();
            sheet.write_number(row, 3, pct).unwrap();
        }
    }
    book.save(path).unwrap();
}

#[test]
fn a_real_xlsx_imports_to_the_shipped_districts() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("letter.xlsx");
    letter_xlsx(&path);
    let coverage = import::read(&path).unwrap();
    assert_eq!(imported(&coverage), shipped());
    assert_eq!(
        coverage.districts[1].line, 5,
        "rows are the sheet's row numbers"
    );
}

#[test]
fn a_scenario_can_name_an_xlsx_coverage_file() {
    let dir = tempfile::tempdir().unwrap();
    letter_xlsx(&dir.path().join("coverage.xlsx"));
    let shipped_text =
        std::fs::read_to_string(repo().join("scenarios/lang-son-2020-09-01.toml")).unwrap();
    let head = &shipped_text[..shipped_text.find("[[district]]").unwrap()];
    let head = head.replace("\"../rules/", &format!("\"{}/rules/", repo().display()));
    let scenario = write(
        dir.path(),
        "s.toml",
        &format!("coverage = \"coverage.xlsx\"\n{head}"),
    );
    let loaded = campaign_planner::scenario::load(&scenario).unwrap_or_else(|e| panic!("{e}"));
    // a scenario keeps the names as written ("Huyện Hữu Lũng"): rules may name them so
    let got: Vec<_> = loaded
        .districts
        .iter()
        .map(|d| {
            (
                d.name.trim_start_matches("Huyện ").to_string(),
                d.installed,
                d.smartphones,
            )
        })
        .collect();
    assert_eq!(got, shipped());
    assert_eq!(loaded.districts[1].name, "Huyện Hữu Lũng");
}

/// A workbook as departments make them: a title row full of commas, header cells broken
/// over two lines, a local team column, rates as fractions; `installed` of Cao Lộc (row 5)
/// is `cao_loc`.
fn awkward_xlsx(path: &Path, cao_loc: &str) {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet
        .write_string(
            0,
            0,
            "Số liệu, ngày 01/9/2020, Sở TTTT, Lạng Sơn, đến 17 giờ, đã cài",
        )
        .unwrap();
    let header = [
        "Huyện",
        "Đã cài\nBluezone",
        "Tổng\nsmartphone",
        "commune",
        "Tỷ lệ",
    ];
    for (col, cell) in (0..).zip(header) {
        sheet.write_string(2, col, cell).unwrap();
    }
    sheet.write_string(3, 0, "Hữu Lũng").unwrap();
    sheet.write_number(3, 1, 18_019).unwrap();
    sheet.write_number(3, 2, 78_399).unwrap();
    sheet.write_number(3, 3, 24).unwrap();
    sheet.write_number(3, 4, 0.2298).unwrap();
    sheet.write_string(4, 0, "Cao Lộc").unwrap();
    sheet.write_string(4, 1, cao_loc).unwrap();
    sheet.write_number(4, 2, 58_196).unwrap();
    sheet.write_number(4, 3, 22).unwrap();
    sheet.write_number(4, 4, 0.28).unwrap();
    book.save(path).unwrap();
}

/// Both readers take an XLSX's rows from the sheet itself: line breaks inside header cells
/// and commas in the title row do not move the rows, and errors quote the sheet's row (and,
/// in a scenario, point at the cell).
#[test]
fn an_xlsx_error_names_the_sheet_row_in_both_readers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("coverage.xlsx");
    awkward_xlsx(&path, "abc");
    let row = " 5 | Cao Lộc\tabc\t58196\t22\t0.28\n";
    let imported = import::read(&path).unwrap_err().render(Lang::En);
    assert_has(
        &imported,
        &[
            "coverage.xlsx:5: column `Đã cài Bluezone`: row 5 (\"Cao Lộc\"): `abc` is not a whole number",
            row,
        ],
    );

    let scenario = write(
        dir.path(),
        "s.toml",
        "name = \"t\"\nas_of = 2020-09-01\nhorizon_days = 14\nobjective = \"max-installs\"\n\
         rules = []\ncoverage = \"coverage.xlsx\"\n\n[target]\nprovincial_rate = 0.4\n\n\
         [[team_kind]]\nname = \"commune\"\nscope = \"local\"\ninstalls_per_team_day = 15\n",
    );
    let err = campaign_planner::scenario::load(&scenario).unwrap_err();
    assert_has(
        &err.render(Lang::En),
        &[
            "coverage.xlsx:5:9: district \"Cao Lộc\", column `Đã cài Bluezone`: `abc` is not a whole number",
            row,
        ],
    );

    awkward_xlsx(&path, "16,752");
    let loaded = campaign_planner::scenario::load(&scenario).unwrap_or_else(|e| panic!("{e}"));
    let got: Vec<_> = loaded
        .districts
        .iter()
        .map(|d| (d.name.as_str(), d.installed, d.teams["commune"]))
        .collect();
    assert_eq!(got, [("Hữu Lũng", 18_019, 24), ("Cao Lộc", 16_752, 22)]);
}

fn run(args: &[&str]) -> (i32, String, String) {
    crate::layout::run(args)
}

#[test]
fn the_skeleton_is_written_atomically_and_plans() {
    let dir = tempfile::tempdir().unwrap();
    let table = write(dir.path(), "letter.csv", LETTER);
    std::fs::create_dir(dir.path().join("scenarios")).unwrap();
    std::os::unix::fs::symlink(repo().join("rules"), dir.path().join("rules")).unwrap();
    let out = dir.path().join("scenarios/imported.toml");
    let (code, stdout, stderr) = run(&[
        "import",
        table.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!((code, stdout.as_str()), (0, ""));
    // what was read, and what is left to fill in, on standard error
    assert_has(
        &stderr,
        &[
            "11 đơn vị (dòng 2 đến 12), dòng tiêu đề 1.",
            "\"ĐÃ CÀI BLUEZONE\" → số đã cài",
            "Tổng: 151.916 đã cài / 519.820 smartphone (29,22%), khớp với dòng tổng (dòng 13).",
            "as_of = 2020-09-01 là giá trị TẠM",
            "số tổ xã của từng huyện: teams = { commune = 0 } ở cả 11 huyện",
            "năng suất và chi phí của các loại đội",
        ],
    );
    let skeleton = std::fs::read_to_string(&out).unwrap();
    assert_has(
        &skeleton,
        &[
            "rules = [\"../rules\"]",
            // a Vietnamese title: the reports print it in Vietnamese text
            "\nname = \"Số liệu từ letter.csv\"     # tiêu đề in trên các báo cáo",
            "name = \"Hữu Lũng\"\ninstalled = 18_019\nsmartphones = 78_399\n",
            "# ASSUMPTION",
        ],
    );
    let loaded = campaign_planner::scenario::load(&out).unwrap_or_else(|e| panic!("{e}"));
    let got: Vec<_> = loaded
        .districts
        .iter()
        .map(|d| (d.name.clone(), d.installed, d.smartphones))
        .collect();
    assert_eq!(got, shipped());
    let (code, stdout, stderr) = run(&["plan", out.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("151,916"), "{stdout}");
    assert!(!skeleton.contains("Imported from"), "{skeleton}");
    let (code, stdout, stderr) = run(&["plan", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Số liệu từ letter.csv"), "{stdout}");

    // without --out the skeleton goes to stdout, its rules as the current folder reaches them
    let (code, stdout, _) = run(&["import", table.to_str().unwrap()]);
    let from_here = skeleton.replace(
        "rules = [\"../rules\"]               #",
        "rules = [\"rules\"]                  #",
    );
    // the same but the rules line (and so the first line's digest of the rest)
    let rest = |t: &str| t.split_once('\n').unwrap().1.to_string();
    assert_eq!((code, rest(&stdout)), (0, rest(&from_here)));
    assert_ne!(stdout.lines().next(), skeleton.lines().next());
}

#[test]
fn import_errors_exit_1_in_vietnamese_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let table = write(
        dir.path(),
        "bad.csv",
        "Huyện;Đã cài Bluezone;Tổng smartphone\nHữu Lũng;78400;78399\n",
    );
    let out = dir.path().join("s.toml");
    let (code, _, stderr) = run(&[
        "import",
        table.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert_has(
        &stderr,
        &[
            "bad.csv:2:",
            "dòng 2 (\"Hữu Lũng\"): số đã cài (78.400) lớn hơn số smartphone (78.399)",
        ],
    );
    assert!(!out.exists(), "nothing is written on an error");
    let (_, _, stderr) = run(&["import", table.to_str().unwrap(), "--lang", "en"]);
    assert_has(
        &stderr,
        &["installed (78,400) is more than smartphones (78,399)"],
    );
}

/// `campaign import TABLE --set KEY=VALUE` used to import and ignore the setting: there is no
/// scenario yet for it to change. Refused, saying what to do instead; nothing is written.
#[test]
fn import_refuses_a_setting_it_would_ignore() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("skeleton.toml");
    let table = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scenarios/coverage-2020-08-18.csv"
    );
    for (lang, says, todo) in [
        (
            "en",
            "error: `--set` does not apply to `campaign import`",
            "run `campaign plan FILE --set ...` on that file",
        ),
        (
            "vi",
            "lỗi: `--set` không dùng được với `campaign import`",
            "chạy `campaign plan TỆP --set ...` với tệp đó",
        ),
    ] {
        let (code, stdout, stderr) = crate::layout::run(&[
            "--set",
            "target.provincial_rate=0.5",
            "import",
            table,
            "--out",
            out.to_str().unwrap(),
            "--lang",
            lang,
        ]);
        assert_eq!(code, 1, "{stderr}");
        assert_eq!(stdout, "");
        assert!(
            stderr.starts_with(says) && stderr.contains(todo),
            "{stderr}"
        );
    }
    assert!(!out.exists(), "nothing written");
}

/// A district name with a zero-width space (copied from a web page) or an escape is refused by
/// `campaign import` too, the character shown escaped and the line shown without the escape.
#[test]
fn import_refuses_a_name_with_a_hidden_character() {
    let dir = tempfile::tempdir().unwrap();
    // (the caret under the character itself, at its column: trial 13e H27)
    for (cell, code, shown, column) in [
        ("Hữu\u{200b}Lũng", "U+200B", "\"Hữu\\u{200b}Lũng\"", 4),
        ("\u{1b}[31mHữu Lũng", "U+001B", "\"\\u{1b}[31mHữu Lũng\"", 1),
    ] {
        let table = write(
            dir.path(),
            "hidden.csv",
            &format!("Huyện,Đã cài Bluezone,Tổng smartphone\n{cell},18019,78399\n"),
        );
        let (code_en, _, en) = run(&["import", table.to_str().unwrap(), "--lang", "en"]);
        assert_eq!(code_en, 1, "{en}");
        assert!(
            en.contains(&format!(
                "hidden.csv:2:{column}: the district's name holds a character"
            )),
            "{en}"
        );
        assert!(en.contains(code) && en.contains(shown), "{en}");
        assert!(
            !en.contains('\u{1b}'),
            "no raw escape on the terminal: {en:?}"
        );
        let (_, _, vi) = run(&["import", table.to_str().unwrap()]);
        assert!(
            vi.contains("tên huyện có một ký tự không nhìn thấy"),
            "{vi}"
        );
    }
}

/// user14 U10, U1, U6: an office's table whose city is typed without its kind word, "H." and
/// "TP" abbreviations, and a "Số xã, phường" column. The import says each unit's type as read,
/// which names were taken for huyện for want of a kind word and how to set `unit_type`; the
/// unit named as the province is taken for its city (ASSUMPTION); the abbreviations are
/// written out; the communes column is read.
#[test]
fn unit_types_are_said_and_a_unit_named_as_the_province_is_its_city() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(repo().join("rules"), dir.path().join("rules")).unwrap();
    let table = write(
        dir.path(),
        "bao-cao.csv",
        "UBND TỈNH LẠNG SƠN;;;;\n\
         TT;Tên đơn vị;Máy điện thoại thông minh;Máy đã cài Bluezone;Số xã, phường, thị trấn\n\
         1;Lạng Sơn;96818;39911;8\n\
         2;H. Hữu Lũng;78399;18019;26\n\
         3;Huyện Cao Lộc;58196;16752;23\n\
         4;Lộc Bình;53067;15725;21\n\
         5;TX Thử;100;50;3\n",
    );
    let out = dir.path().join("s.toml");
    let (code, _, stderr) = run(&[
        "import",
        table.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert_has(
        &stderr,
        &[
            "5 đơn vị (dòng 3 đến 7)",
            "\"Số xã, phường, thị trấn\" → số tổ xã",
            "Loại đơn vị: 1 thành phố, 1 thị xã, 3 huyện.",
            "1 tên không ghi loại (Lộc Bình) nên được coi là huyện: đơn vị nào là thành phố hay thị xã thì ghi unit_type = \"thành phố\"",
            "\"Lạng Sơn\" không ghi loại nhưng trùng tên tỉnh LẠNG SƠN (tên tỉnh ở dòng 1)",
            "loại của 2 đơn vị mà tên không ghi loại",
        ],
    );
    assert!(!stderr.contains("Không dùng các cột"), "{stderr}");
    let skeleton = std::fs::read_to_string(&out).unwrap();
    assert_has(
        &skeleton,
        &[
            "name = \"Lạng Sơn\"\nunit_type = \"thành phố\"            # ASSUMPTION: tên không ghi loại và trùng tên tỉnh",
            "name = \"Hữu Lũng\"\ninstalled",
            "name = \"Cao Lộc\"\ninstalled",
            "name = \"Thị xã Thử\"\ninstalled",
            "teams = { commune = 8 }",
            "# Loại đơn vị: tên không ghi loại (Lộc Bình) nên được coi là huyện (ASSUMPTION)",
        ],
    );
    // the letter goes to the city's People's Committee, not to a "Huyện Lạng Sơn"
    let scenario = campaign_planner::scenario::load(&out).unwrap_or_else(|e| panic!("{e}"));
    let kinds: Vec<_> = scenario
        .districts
        .iter()
        .map(|d| (d.name.as_str(), d.unit_type.vi()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("Lạng Sơn", "thành phố"),
            ("Hữu Lũng", "huyện"),
            ("Cao Lộc", "huyện"),
            ("Lộc Bình", "huyện"),
            ("Thị xã Thử", "thị xã")
        ]
    );
    // English
    let (code, _, stderr) = run(&["import", table.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(code, 0, "{stderr}");
    assert_has(
        &stderr,
        &[
            "Unit types: 1 thành phố, 1 thị xã, 3 huyện.",
            "1 names give no kind (Lộc Bình), so they are taken for huyện",
            "\"Lạng Sơn\" gives no kind but is the province's name, LẠNG SƠN (the province's name in row 1)",
        ],
    );
}

/// user14 U5: with no rules folder anywhere up from where the scenario is written, import says
/// where it looked and what the empty `rules = []` means for the plan and the letter.
#[test]
fn import_without_a_rules_folder_says_where_it_looked_and_what_it_wrote() {
    let dir = tempfile::tempdir().unwrap();
    let table = write(dir.path(), "letter.csv", LETTER);
    // run in the table's folder, away from the project's rules (as the office runs it from
    // its Documents)
    let done = std::process::Command::new(env!("CARGO_BIN_EXE_campaign"))
        .current_dir(dir.path())
        .args(["import", table.to_str().unwrap(), "--out", "s.toml"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(done.stderr).unwrap();
    assert_eq!(done.status.code(), Some(0), "{stderr}");
    let skeleton = std::fs::read_to_string(dir.path().join("s.toml")).unwrap();
    assert!(skeleton.contains("\nrules = []"), "{skeleton}");
    let folder = dir.path().canonicalize().unwrap().display().to_string();
    assert_has(
        &stderr,
        &[
            &format!(
                "Quy tắc: không thấy thư mục rules/ có tệp quy tắc (.rhai) ở thư mục của kịch bản ({folder})"
            ),
            "nên đã ghi rules = [] vào kịch bản: kế hoạch của nó sẽ không có việc cần làm nào và công văn là DỰ THẢO",
        ],
    );
}
