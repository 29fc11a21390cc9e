//! The fuzz targets' corpus (`fuzz/corpus/<target>/`, minimised) and the inputs that once broke
//! them (`fuzz/regressions/<target>/`), replayed on stable Rust through the library entry
//! points the targets call (`campaign_planner::fuzz`; docs/fuzzing.md): no input makes the
//! scenario loader, the coverage readers or the rule checker and engine panic, and each call
//! returns (a rule that would run for ever is stopped by the limits of src/rules/limits.rs).
//! Every error is rendered in both languages, as the targets render it, and must read well
//! (`fuzz::misread`: no control character reaches the terminal, no problem runs past 4,000
//! characters).

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use campaign_planner::diagnostic::Error;
use campaign_planner::fuzz;
use campaign_planner::text::Lang;

const FUZZ: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz");

/// The files of `fuzz/{folder}/{target}/`, by name (none when the folder is not there).
fn files(folder: &str, target: &str) -> Vec<PathBuf> {
    let dir = Path::new(FUZZ).join(folder).join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.expect("a corpus entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

/// Renders every problem of `e` in both languages, as the targets do: one that would fail its
/// reader (a control character sent to the terminal, a line echoed whole) fails the input.
fn render(e: &Error) {
    if let Some(why) = fuzz::misread(e) {
        panic!("{why}");
    }
}

/// What the fuzz target `target` does with one input.
fn run(target: &str, bytes: &[u8]) {
    match target {
        "scenario" => {
            if let Err(e) = fuzz::scenario_from_bytes(bytes) {
                render(&e);
            }
        }
        "coverage_csv" | "coverage_xlsx" | "coverage_xlsx_sheet" => {
            let tables = match target {
                "coverage_csv" => fuzz::coverage_csv(bytes),
                "coverage_xlsx" => fuzz::coverage_xlsx(bytes),
                _ => fuzz::coverage_xlsx_sheet(bytes),
            };
            let tables = tables.expect("the temporary layout can be written");
            for e in [tables.import.err(), tables.scenario.err()]
                .iter()
                .flatten()
            {
                render(e);
            }
        }
        "import" => {
            let run = fuzz::import(bytes).expect("the temporary layout can be written");
            if let Err(e) = &run.imported {
                render(e);
            }
            for report in &run.reports {
                if let Some(why) = fuzz::misprinted(report) {
                    panic!("the report: {why}");
                }
            }
        }
        "rules" => {
            for e in fuzz::rules_check(bytes).expect("the fixed scenario loads") {
                render(&e);
            }
            if let Err(e) = fuzz::rules_run(bytes) {
                render(&e);
            }
        }
        _ => panic!("no fuzz target `{target}`"),
    }
}

/// Replays the corpus and the regressions of `target`: the inputs that panicked, with what
/// they said.
fn replay(target: &str) {
    let corpus = files("corpus", target);
    assert!(
        corpus.len() >= 10,
        "fuzz/corpus/{target}/ has {} inputs: seed it (fuzz/seed.sh)",
        corpus.len()
    );
    let mut panicked = Vec::new();
    for path in corpus.iter().chain(&files("regressions", target)) {
        let bytes = std::fs::read(path).expect("a corpus file can be read");
        if let Err(cause) = catch_unwind(AssertUnwindSafe(|| run(target, &bytes))) {
            let said = cause
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| cause.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            panicked.push(format!("{}: {said}", path.display()));
        }
    }
    assert!(
        panicked.is_empty(),
        "{} inputs of fuzz target `{target}` panicked:\n{}",
        panicked.len(),
        panicked.join("\n")
    );
}

#[test]
fn the_scenario_loader_takes_the_corpus() {
    replay("scenario");
}

#[test]
fn the_csv_coverage_readers_take_the_corpus() {
    replay("coverage_csv");
}

#[test]
fn the_xlsx_coverage_readers_take_the_corpus() {
    replay("coverage_xlsx");
}

#[test]
fn the_xlsx_coverage_readers_take_the_sheet_corpus() {
    replay("coverage_xlsx_sheet");
}

#[test]
fn the_import_reader_takes_the_corpus() {
    replay("import");
}

#[test]
fn the_rule_checker_and_engine_take_the_corpus() {
    replay("rules");
}

/// The replay can fail: an input the fixed rule scenario refuses to run is reported, not
/// passed over (a corpus of inputs that never reach the engine would test nothing).
#[test]
fn the_shipped_rules_run_through_the_rule_entry_point() {
    let rule = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/door-to-door.rhai"))
        .expect("the shipped rule");
    assert!(fuzz::rules_check(&rule).expect("checked").is_empty());
    let plan = fuzz::rules_run(&rule).expect("the shipped rule runs on the fixed scenario");
    assert_eq!(plan.districts.len(), 2);
    assert!(
        plan.districts.iter().any(|d| !d.directives.is_empty()),
        "door-to-door gives a directive"
    );
    let err = fuzz::rules_run(b"fn before_solve(district, scenario) { loop {} }")
        .expect_err("a rule that never ends is stopped");
    assert!(fuzz::misread(&err).is_none(), "{err}");
}

/// The `scenario` target reaches what came since its first round: a `[letter]`, and a
/// `[[history]]` file given after the line `%%`, read as a CSV or a workbook (as it is, or a
/// sheet made into one); without it, `history.xlsx` is the office's workbook of 31/8.
#[test]
fn the_scenario_entry_point_reads_a_letter_and_history_files() {
    let shipped = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/lang-son-2020-09-01-letter.toml"),
    )
    .expect("the shipped letter scenario");
    let scenario = fuzz::scenario_from_bytes(&shipped).expect("the shipped letter scenario");
    assert_eq!(scenario.letter.signer.as_deref(), Some("Lê Hải Yến"));

    let overlay = |file: &str, date: &str| {
        format!(
            "base = \"lang-son-2020-09-01.toml\"\n[[history]]\ndate = {date}\nfile = \"{file}\"\n"
        )
    };
    let office = fuzz::scenario_from_bytes(overlay("history.xlsx", "2020-08-31").as_bytes())
        .expect("the office's workbook as history");
    assert_eq!(office.history.len(), 1);
    let csv = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/coverage-2020-08-18.csv"),
    )
    .expect("a shipped table");
    let mut bytes = overlay("history.csv", "2020-08-18").into_bytes();
    bytes.extend_from_slice(fuzz::PART);
    bytes.extend_from_slice(&csv);
    let given = fuzz::scenario_from_bytes(&bytes).expect("a history table given");
    assert_eq!(given.history[0].date, "2020-08-18");
    // the same table as a workbook's sheet whose title gives another date: refused by name
    let mut bytes = overlay("history.xlsx", "2020-08-25").into_bytes();
    bytes.extend_from_slice(fuzz::PART);
    bytes.extend_from_slice(r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Số liệu đến ngày 20/8/2020</t></is></c></row><row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="C2" t="s"><v>2</v></c></row><row r="3"><c r="A3" t="s"><v>14</v></c><c r="B3"><v>7000</v></c><c r="C3"><v>29057</v></c></row></sheetData></worksheet>"#.as_bytes());
    let err = fuzz::scenario_from_bytes(&bytes).expect_err("the title's date is not the entry's");
    let (vi, en) = (err.render(Lang::Vi), err.render(Lang::En));
    assert!(
        vi.contains("2020-08-20") && vi.contains("history.xlsx"),
        "{vi}"
    );
    assert!(
        en.contains("2020-08-20") && en.contains("history.xlsx"),
        "{en}"
    );
}

/// The `import` target reaches `campaign import`'s options and workbooks of several sheets:
/// `--column` naming a heading, a bad `--as-of` refused as the command refuses it, a hidden
/// first sheet passed over for the shown one, and the report and skeleton printed.
#[test]
fn the_import_entry_point_takes_options_and_sheets() {
    let table = "Đơn vị,Số máy cài,Tổng smartphone\nCao Lộc,16752,58196\nBình Gia,7186,29057\n";
    let run = fuzz::import(format!("column installed=Số máy cài\n%%\n{table}").as_bytes())
        .expect("the layout");
    let imported = run.imported.expect("read with --column");
    assert_eq!(imported.coverage.districts.len(), 2);
    assert!(
        imported
            .columns
            .iter()
            .any(|(_, heading, named)| *named && heading == "Số máy cài")
    );
    assert_eq!(run.reports.len(), 2);
    assert!(
        run.skeletons[0].contains("Bình Gia"),
        "{}",
        run.skeletons[0]
    );

    let run = fuzz::import(format!("as-of 32/8/2020\n%%\n{table}").as_bytes()).expect("the layout");
    let err = run.imported.expect_err("no 32nd of August");
    assert!(
        err.render(Lang::En).contains("32/8/2020"),
        "{}",
        err.render(Lang::En)
    );

    let sheet = |name: &str, installed: u32| {
        format!(
            r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>{name}</t></is></c><c r="B2"><v>{installed}</v></c><c r="C2"><v>29057</v></c></row></sheetData></worksheet>"#
        )
    };
    let bytes = format!(
        "name 1 Số cũ\nhidden 1\n%%\n{}\n%%\n{}",
        sheet("Bình Gia", 5000),
        sheet("Bình Gia", 7186)
    );
    let run = fuzz::import(bytes.as_bytes()).expect("the layout");
    let imported = run.imported.expect("the shown sheet");
    assert_eq!(imported.coverage.districts[0].installed, 7186);
    assert_eq!(imported.hidden.sheets, vec!["Số cũ".to_string()]);
}

/// The bytes of `fuzz/regressions/{name}`.
fn regression(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(FUZZ).join("regressions").join(name)).expect("a regression input")
}

/// Found by fuzzing: a control character the user wrote (here U+0001 in a count cell, an
/// escape in a key) was quoted raw in the message, where a terminal acts on it; it shows as
/// `�`, and the message still says where and what to do, in both languages.
#[test]
fn a_control_character_in_a_cell_or_a_key_shows_as_a_mark() {
    let csv = regression("coverage_csv/control-character-in-a-count-cell.csv");
    let tables = fuzz::coverage_csv(&csv).expect("the temporary layout can be written");
    for err in [
        tables.import.expect_err("campaign import refuses the cell"),
        tables.scenario.expect_err("the scenario refuses the cell"),
    ] {
        let (vi, en) = (err.render(Lang::Vi), err.render(Lang::En));
        assert!(
            vi.contains("coverage.csv:2")
                && vi.contains("`39\u{FFFD}11` không phải là số nguyên")
                && vi.contains("gợi ý: ghi một số nguyên, ví dụ 151916"),
            "{vi}"
        );
        assert!(
            en.contains("coverage.csv:2")
                && en.contains("`39\u{FFFD}11` is not a whole number")
                && en.contains("hint: write a whole number, e.g. 151916"),
            "{en}"
        );
        assert_eq!(fuzz::misread(&err), None);
    }

    let toml = regression("scenario/control-character-in-a-key-without-a-value.toml");
    let err = fuzz::scenario_from_bytes(&toml).expect_err("a key without a value");
    let (vi, en) = (err.render(Lang::Vi), err.render(Lang::En));
    assert!(
        vi.contains("scenario.toml:1:6: tệp kịch bản không đúng cú pháp TOML: sau `name\u{FFFD}[2J \"Test\"` thiếu dấu `=` và giá trị")
            && vi.contains("gợi ý: mỗi dòng ghi một khóa = giá trị, ví dụ horizon_days = 14"),
        "{vi}"
    );
    assert!(
        en.contains("scenario.toml:1:6: the scenario file is not valid TOML: `name\u{FFFD}[2J \"Test\"` is not followed by `=` and a value")
            && en.contains("hint: each line is key = value, e.g. horizon_days = 14"),
        "{en}"
    );
    assert_eq!(fuzz::misread(&err), None);
}

/// Found by fuzzing: a CSV whose one header cell holds 12,900 characters (a UTF-8 file that
/// starts with the bytes of a UTF-16 byte-order mark, read as UTF-16), and one of a thousand
/// header cells, were quoted whole in "no header row with the needed columns" (38 kB of
/// message). The first twelve cells are listed, each cut to 100 characters and `…`, and how
/// many more there are; the message still names the row and the columns to write.
#[test]
fn a_header_row_of_long_or_many_cells_is_quoted_short() {
    for (file, listed) in [
        ("header-of-one-long-cell-read-as-utf16.csv", None),
        (
            "header-of-a-thousand-cells.csv",
            Some((
                "dòng 1 có `c0`, `c1`, `c2`, `c3`, `c4`, `c5`, `c6`, `c7`, `c8`, `c9`, `c10`, `c11` (và 988 ô khác); thiếu `Huyện`",
                "row 1 has `c0`, `c1`, `c2`, `c3`, `c4`, `c5`, `c6`, `c7`, `c8`, `c9`, `c10`, `c11` (and 988 more cells); missing `District`",
            )),
        ),
    ] {
        let csv = regression(&format!("coverage_csv/{file}"));
        let tables = fuzz::coverage_csv(&csv).expect("the temporary layout can be written");
        let err = tables.import.expect_err("not a coverage table");
        let (vi, en) = (err.render(Lang::Vi), err.render(Lang::En));
        assert!(
            vi.contains("coverage.csv:1: không tìm thấy dòng tiêu đề đủ cột: dòng 1 có `")
                && vi.contains("cần các cột `Huyện`, `Đã cài Bluezone`"),
            "{vi}"
        );
        assert!(
            en.contains("coverage.csv:1: no header row with the needed columns: row 1 has `")
                && en.contains("needs the columns `District`, `Installed`"),
            "{en}"
        );
        match listed {
            Some((vi_listed, en_listed)) => {
                assert!(vi.contains(vi_listed), "{vi}");
                assert!(en.contains(en_listed), "{en}");
            }
            None => {
                // the one cell, between `dòng 1 có `` and the next backquote: cut short
                for (text, after) in [(&vi, "dòng 1 có `"), (&en, "row 1 has `")] {
                    let quoted = text
                        .split_once(after)
                        .and_then(|(_, rest)| rest.split_once('`'))
                        .map(|(cell, _)| cell)
                        .unwrap_or_else(|| panic!("a quoted cell in {text}"));
                    assert_eq!(quoted.chars().count(), 81, "{quoted}");
                    assert!(quoted.ends_with('…'), "{quoted}");
                }
            }
        }
        for text in [&vi, &en] {
            assert!(text.chars().count() < 1_000, "{text}");
        }
    }
}

/// The same message at its edges: thirteen cells list twelve "and 1 more" (one word in
/// English, not "cells"), a 250-character cell shows its first 80 and `…`, twelve cells list
/// all twelve with no "more", and the headings the row lacks are named in the user's language.
#[test]
fn a_header_row_lists_twelve_cells_and_counts_the_rest() {
    let long = "x".repeat(250);
    let cut = format!("{}…", "x".repeat(80));
    let cells = |n: usize| -> Vec<String> {
        (1..=n)
            .map(|i| {
                if i == 2 {
                    long.clone()
                } else {
                    format!("h{i}")
                }
            })
            .collect()
    };
    let listed =
        format!("`h1`, `{cut}`, `h3`, `h4`, `h5`, `h6`, `h7`, `h8`, `h9`, `h10`, `h11`, `h12`");
    for (n, vi_more, en_more) in [
        (13, " (và 1 ô khác)", " (and 1 more cell)"),
        (14, " (và 2 ô khác)", " (and 2 more cells)"),
        (12, "", ""),
    ] {
        let csv = format!("{}\n", cells(n).join(","));
        let tables = fuzz::coverage_csv(csv.as_bytes()).expect("the temporary layout");
        let err = tables.import.expect_err("no heading in the row");
        let (vi, en) = (err.render(Lang::Vi), err.render(Lang::En));
        assert!(
            vi.contains(&format!(
                "coverage.csv:1: không tìm thấy dòng tiêu đề đủ cột: dòng 1 có {listed}{vi_more}; thiếu `Huyện` (các tiêu đề được nhận"
            )) && vi.contains("cần các cột `Huyện`, `Đã cài Bluezone`, `Tổng smartphone`"),
            "{n} cells: {vi}"
        );
        assert!(
            en.contains(&format!(
                "coverage.csv:1: no header row with the needed columns: row 1 has {listed}{en_more}; missing `District` ("
            )) && en.contains("needs the columns `District`, `Installed`, `Smartphones`"),
            "{n} cells: {en}"
        );
        assert!(!vi.contains(&long) && !en.contains(&long));
        assert_eq!(fuzz::misread(&err), None);
    }
}

/// calamine computes a cell reference's row and column in 32 bits without checking, and a
/// range's size as its end minus its start. In a build with overflow checks (`cargo test`
/// without `--release`, every fuzz build) these workbooks panicked inside calamine; in the
/// release build `B4294967298` was read as `B2`, and a range that ends before it starts, or a
/// row numbered 99,999,999,999, passed. Each is refused before calamine reads the sheet, naming
/// the sheet, in both readers and both languages.
#[test]
fn a_reference_calamine_would_misread_is_refused_before_it_reads_it() {
    let outside = (
        "coverage.xlsx: trang \"Sheet1\" có một ô nằm ngoài cả vùng của Excel (sau ô XFD1048576)",
        "coverage.xlsx: sheet \"Sheet1\" has a cell outside even Excel's grid (beyond cell XFD1048576)",
    );
    let cases = [
        ("cell-B4294967298-read-as-B2.xlsx", outside),
        ("cell-of-eight-letters-AAAAAAAB2.xlsx", outside),
        ("cell-of-eleven-digits-B99999999999.xlsx", outside),
        ("row-of-eleven-digits-99999999999.xlsx", outside),
        (
            "range-backwards-in-the-dimension-F13-A1.xlsx",
            (
                "coverage.xlsx: trang \"Sheet1\" ghi vùng ô `F13:A1`, nhưng ô cuối của vùng lại nằm trước ô đầu",
                "coverage.xlsx: sheet \"Sheet1\" names the range `F13:A1`, which ends before it starts",
            ),
        ),
        (
            "range-backwards-in-a-shared-formula-B2-A1.xlsx",
            (
                "coverage.xlsx: trang \"Sheet1\" ghi vùng ô `B2:A1`, nhưng ô cuối của vùng lại nằm trước ô đầu",
                "coverage.xlsx: sheet \"Sheet1\" names the range `B2:A1`, which ends before it starts",
            ),
        ),
    ];
    for (file, (vi_said, en_said)) in cases {
        let book = regression(&format!("coverage_xlsx/{file}"));
        let tables = fuzz::coverage_xlsx(&book).expect("the temporary layout can be written");
        for err in [
            tables.import.expect_err(file),
            tables.scenario.expect_err(file),
        ] {
            let (vi, en) = (err.render(Lang::Vi), err.render(Lang::En));
            assert!(
                vi.contains(vi_said)
                    && vi.contains("gợi ý: tệp này không do Excel viết ra đúng cách: mở tệp bằng Excel rồi lưu lại, hoặc xin lại tệp từ nơi gửi"),
                "{file}: {vi}"
            );
            assert!(
                en.contains(en_said)
                    && en.contains("hint: this file was not written properly by Excel: open it in Excel and save it again, or ask the sender for the file again"),
                "{file}: {en}"
            );
            assert_eq!(fuzz::misread(&err), None);
        }
    }
}

/// Found by fuzzing (a "slow unit"): a hook that counts to 56,000 on each of the two districts
/// took 2.9 seconds in the fuzz build, where every step is instrumented, and takes 0.06 in the
/// release build. It is within a call's limits (448,000 of 1,000,000 steps: eight a turn) and
/// runs; the same loop ten times longer is stopped at the first district, by name and line
/// (docs/fuzzing.md: what bounds a rule input).
#[test]
fn a_loop_within_a_call_s_steps_runs_and_a_longer_one_is_stopped_by_name() {
    let rule = regression("rules/loop-of-56000-turns-slow-in-the-fuzz-build.rhai");
    let plan = fuzz::rules_run(&rule).expect("56,000 turns are within a call's limits");
    assert_eq!(plan.districts.len(), 2);
    let longer = String::from_utf8(rule)
        .expect("a text")
        .replace("056000", "560000");
    let err = fuzz::rules_run(longer.as_bytes()).expect_err("560,000 turns are not");
    let (vi, en) = (err.render(Lang::Vi), err.render(Lang::En));
    assert!(
        vi.contains("fuzz.rhai:3:15: huyện \"Thành phố Lạng Sơn\": quy tắc `fuzz` chạy quá lâu trong `before_solve` nên đã bị dừng (quá 1.000.000 bước tính hoặc quá 1 giây)")
            && vi.contains("gợi ý: kiểm tra các vòng lặp `loop`, `while`, `for` của quy tắc: vòng lặp nào cũng phải có lúc dừng"),
        "{vi}"
    );
    assert!(
        en.contains("fuzz.rhai:3:15: district \"Thành phố Lạng Sơn\": rule `fuzz` ran too long in `before_solve` and was stopped (over 1,000,000 steps or 1 second)")
            && en.contains("hint: check the rule's `loop`, `while` and `for` loops: every loop must come to an end"),
        "{en}"
    );
}

/// Found by fuzzing (`coverage_xlsx_sheet`): a sheet whose XML starts with a text and an `&`,
/// before its first tag, broke the look for references calamine would misread (it passed
/// over the text after the `&` while the XML reader had begun to read it: an assertion of
/// quick-xml failed under debug assertions, and without them the look stopped there, so that
/// `B4294967298` further on reached calamine and was read as `B2`). The text before the first
/// tag is read as calamine reads it, and the cell is refused by its sheet.
#[test]
fn a_text_and_an_ampersand_before_the_first_tag_hide_no_cell_beyond_the_grid() {
    let sheet =
        regression("coverage_xlsx_sheet/text-and-an-ampersand-before-a-cell-B4294967298.xml");
    let tables = fuzz::coverage_xlsx_sheet(&sheet).expect("the temporary layout can be written");
    for err in [
        tables.import.expect_err("refused by import"),
        tables.scenario.expect_err("refused by the scenario"),
    ] {
        let (vi, en) = (err.render(Lang::Vi), err.render(Lang::En));
        assert!(
            vi.contains("coverage.xlsx: trang \"Sheet1\" có một ô nằm ngoài cả vùng của Excel (sau ô XFD1048576)")
                && vi.contains("gợi ý: tệp này không do Excel viết ra đúng cách: mở tệp bằng Excel rồi lưu lại"),
            "{vi}"
        );
        assert!(
            en.contains("coverage.xlsx: sheet \"Sheet1\" has a cell outside even Excel's grid (beyond cell XFD1048576)")
                && en.contains("hint: this file was not written properly by Excel: open it in Excel and save it again"),
            "{en}"
        );
    }
    // the same sheet without its first text is read: the cell is the only thing wrong
    let read = String::from_utf8(sheet)
        .expect("text")
        .replacen("x&amp;", "", 1)
        .replace("B4294967298", "B2");
    let tables = fuzz::coverage_xlsx_sheet(read.as_bytes()).expect("the temporary layout");
    let coverage = tables.import.expect("a table of one district");
    let found: Vec<_> = coverage
        .districts
        .iter()
        .map(|d| (d.name.as_str(), d.installed, d.smartphones))
        .collect();
    assert_eq!(found, [("Hữu Lũng", 18_019, 78_399)]);
}

/// Found in review, where the fuzzers cannot reach (a changed byte of a workbook's
/// `workbook.xml` fails its checksum): a sheet name of 5,000 characters, which Excel would not
/// allow (it allows 31) but a file may give, was quoted whole in every message naming the
/// sheet (5 kB). It is cut to 100 characters and `…`, an escape in it shown as `\u{1b}`.
#[test]
fn a_sheet_name_is_quoted_short_and_without_control_characters() {
    let book = regression("coverage_xlsx/sheet-name-of-5000-characters-and-an-escape.xlsx");
    let tables = fuzz::coverage_xlsx(&book).expect("the temporary layout can be written");
    // (the escape written out as `\u{1b}`, as other names show one: F15)
    let shown = format!("{}\\u{{1b}}[2J{}…", "S".repeat(50), "S".repeat(41));
    for err in [
        tables.import.expect_err("refused by import"),
        tables.scenario.expect_err("refused by the scenario"),
    ] {
        let (vi, en) = (err.render(Lang::Vi), err.render(Lang::En));
        assert!(
            vi.contains(&format!(
                "coverage.xlsx: trang \"{shown}\" có một ô nằm ngoài cả vùng của Excel (sau ô XFD1048576)"
            )) && vi.contains("gợi ý: tệp này không do Excel viết ra đúng cách"),
            "{vi}"
        );
        assert!(
            en.contains(&format!(
                "coverage.xlsx: sheet \"{shown}\" has a cell outside even Excel's grid (beyond cell XFD1048576)"
            )) && en.contains("hint: this file was not written properly by Excel"),
            "{en}"
        );
        assert_eq!(fuzz::misread(&err), None);
    }
}
