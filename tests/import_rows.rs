//! `campaign import` and the rows of a coverage table as offices type them: a total row
//! whose word sits in the STT cell (merged over the name), a row without a name, Windows line
//! endings, rates, names in other case or spacing, sizes.

use std::path::{Path, PathBuf};

use campaign_planner::import;
use campaign_planner::text::Lang;
use rust_xlsxwriter::{Format, Workbook};

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// The error that importing `text` (as `name`) gives, in English and Vietnamese.
fn errors_of(name: &str, text: &str) -> (String, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), name, text);
    match import::read(&path) {
        Ok(c) => panic!("expected an error, got {c:?}"),
        Err(e) => (e.render(Lang::En), e.render(Lang::Vi)),
    }
}

fn assert_has(text: &str, parts: &[&str]) {
    for part in parts {
        assert!(text.contains(part), "missing {part:?} in:\n{text}");
    }
}

fn names(coverage: &import::Coverage) -> Vec<(&str, u64, u64)> {
    coverage
        .districts
        .iter()
        .map(|d| (d.name.as_str(), d.installed, d.smartphones))
        .collect()
}

#[test]
fn a_total_written_in_the_stt_cell_is_the_total() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "stt.csv",
        "STT;Huyện;Đã cài Bluezone;Tổng smartphone\n1;Huyện Hữu Lũng;18.019;78.399\n2;Huyện Cao Lộc;16.752;58.196\nTổng cộng;;34.771;136.595\n",
    );
    let coverage = import::read(&path).unwrap();
    assert_eq!(
        names(&coverage),
        [("Hữu Lũng", 18_019, 78_399), ("Cao Lộc", 16_752, 58_196)]
    );
    assert_eq!(coverage.total, Some((34_771, 136_595)));
}

#[test]
fn a_merged_total_cell_in_a_workbook_is_the_total() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("merged.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (col, head) in ["STT", "Huyện", "Đã cài Bluezone", "Tổng smartphone"]
        .iter()
        .enumerate()
    {
        sheet.write(0, u16::try_from(col).unwrap(), *head).unwrap();
    }
    sheet.write(1, 0, 1).unwrap();
    sheet.write(1, 1, "Huyện Hữu Lũng").unwrap();
    sheet.write(1, 2, 18_019).unwrap();
    sheet.write(1, 3, 78_399).unwrap();
    sheet
        .merge_range(2, 0, 2, 1, "TỔNG CỘNG", &Format::new())
        .unwrap();
    sheet.write(2, 2, 18_019).unwrap();
    sheet.write(2, 3, 78_399).unwrap();
    book.save(&path).unwrap();
    let coverage = import::read(&path).unwrap();
    assert_eq!(names(&coverage), [("Hữu Lũng", 18_019, 78_399)]);
    assert_eq!(coverage.total, Some((18_019, 78_399)));
}

#[test]
fn a_row_with_figures_and_no_name_is_refused() {
    let (en, vi) = errors_of(
        "blank.csv",
        "Huyện;Đã cài;Tổng smartphone\nHữu Lũng;18019;78399\n;16752;58196\n",
    );
    assert_has(
        &en,
        &[
            "blank.csv:3:1: row 3: it has figures but no district name",
            "write the district's name in this cell",
        ],
    );
    assert_has(
        &vi,
        &[
            "blank.csv:3:1: dòng 3: có số liệu nhưng ô tên huyện đang trống",
            "ghi tên huyện vào ô này",
        ],
    );
}

#[test]
fn windows_line_endings_keep_each_row_on_its_line() {
    // Excel writes CR LF; the csv crate used to count the lines after the first wrongly
    let table = "\u{feff}Huyện;Đã cài;Tổng smartphone\r\nHữu Lũng;18019;78399\r\nCao Lộc;70000;58196\r\nTỔNG;88019;136595\r\n";
    let (en, vi) = errors_of("crlf.csv", table);
    assert_has(
        &en,
        &[
            "crlf.csv:3: district \"Cao Lộc\": row 3 (\"Cao Lộc\"): installed (70,000) is more than smartphones (58,196)",
            " 3 | Cao Lộc;70000;58196\n",
        ],
    );
    assert_has(&vi, &["crlf.csv:3:", "dòng 3 (\"Cao Lộc\")"]);
    let total = "Huyện;Đã cài;Tổng smartphone\r\nHữu Lũng;18019;78399\r\nCao Lộc;16752;58196\r\nTỔNG;1;136595\r\n";
    let (en, _) = errors_of("total.csv", total);
    assert_has(
        &en,
        &[
            "total.csv:4: row 4 (the total) says 1 installed",
            " 4 | TỔNG;1;136595",
        ],
    );
}

#[test]
fn a_rate_is_checked_at_its_printed_precision() {
    // 18,019 / 78,399 is 22.98%: 22% (truncated), 23% (rounded) and 22,98% agree
    let table = |rate: &str| {
        format!("Huyện;Đã cài;Tổng smartphone;Tỷ lệ\r\nHữu Lũng;18.019;78.399;{rate}\r\n")
    };
    for rate in ["22%", "23%", "22,98%", "22.98%", "0.2298"] {
        let dir = tempfile::tempdir().unwrap();
        import::read(&write(dir.path(), "rate.csv", &table(rate))).unwrap();
    }
    let (en, vi) = errors_of("rate.csv", &table("24%"));
    assert_has(
        &en,
        &[
            "rate.csv:2:",
            "the rate says `24%` but 18,019 / 78,399 is 22.98%",
        ],
    );
    assert_has(
        &vi,
        &[
            "rate.csv:2:",
            "tỷ lệ ghi `24%` nhưng 18.019 / 78.399 là 22,98%",
        ],
    );
    let (en, _) = errors_of("rate.csv", &table("23,95%"));
    assert_has(
        &en,
        &["the rate says `23,95%` but 18,019 / 78,399 is 22.98%"],
    );
}

#[test]
fn a_district_in_other_case_or_spacing_is_named_twice() {
    let (en, vi) = errors_of(
        "dup.csv",
        "Huyện;Đã cài;Tổng smartphone\r\nHữu Lũng;18019;78399\r\nHỮU LŨNG;18019;78399\r\n",
    );
    assert_has(&en, &["dup.csv:3:", "already on row 2"]);
    assert_has(&vi, &["dup.csv:3:", "dòng 2"]);
    let (en, _) = errors_of(
        "dup.csv",
        "Huyện;Đã cài;Tổng smartphone\nhuyện  Cao Lộc;16752;58196\nCao\u{a0} Lộc;16752;58196\n",
    );
    assert_has(&en, &["dup.csv:3:", "already on row 2"]);
}

#[test]
fn a_title_full_of_commas_does_not_decide_the_separator() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "title.csv",
        "\u{feff}Số liệu cài đặt Bluezone, tính đến ngày 01/9/2020, đơn vị: thuê bao;;\r\nHuyện;Đã cài Bluezone;Tổng smartphone\r\nThành phố Lạng Sơn;39.911;96.818\r\nHuyện Hữu Lũng;18.019;78.399\r\n",
    );
    let coverage = import::read(&path).unwrap();
    assert_eq!(
        names(&coverage),
        [
            ("Thành phố Lạng Sơn", 39_911, 96_818),
            ("Hữu Lũng", 18_019, 78_399)
        ]
    );
}

/// A workbook as a program writes it: the total a SUM formula with no computed value.
fn uncomputed_xlsx(path: &Path) {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    // no cached result at all (rust_xlsxwriter otherwise stores 0)
    sheet.set_formula_result_default("");
    for (col, head) in ["Huyện", "Đã cài Bluezone", "Tổng smartphone"]
        .iter()
        .enumerate()
    {
        sheet.write(0, u16::try_from(col).unwrap(), *head).unwrap();
    }
    sheet.write(1, 0, "Huyện Hữu Lũng").unwrap();
    sheet.write(1, 1, 18_019).unwrap();
    sheet.write(1, 2, 78_399).unwrap();
    sheet.write(2, 0, "TỔNG").unwrap();
    sheet
        .write_formula(2, 1, rust_xlsxwriter::Formula::new("=SUM(B2:B2)"))
        .unwrap();
    sheet
        .write_formula(2, 2, rust_xlsxwriter::Formula::new("=SUM(C2:C2)"))
        .unwrap();
    book.save(path).unwrap();
}

#[test]
fn a_formula_without_a_computed_value_says_to_save_in_excel() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sum.xlsx");
    uncomputed_xlsx(&path);
    let err = import::read(&path).unwrap_err();
    let (en, vi) = (err.render(Lang::En), err.render(Lang::Vi));
    assert_has(
        &en,
        &[
            "sum.xlsx:3:",
            "row 3 (\"TỔNG\"): the cell holds a formula with no computed value",
            "open the file in Excel (or LibreOffice) and save it",
        ],
    );
    assert_has(
        &vi,
        &[
            "dòng 3 (\"TỔNG\"): ô có công thức nhưng chưa có kết quả tính",
            "mở tệp bằng Excel (hoặc LibreOffice) rồi lưu lại",
        ],
    );
}

#[test]
fn utf16_with_a_byte_order_mark_is_read() {
    // Excel's "Unicode Text": UTF-16 LE with a BOM, tab separated, CR LF
    let text =
        "Huyện\tĐã cài\tTổng smartphone\r\nHuyện Hữu Lũng\t18019\t78399\r\nCao Lộc\tabc\t58196\r\n";
    let dir = tempfile::tempdir().unwrap();
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let path = dir.path().join("unicode.txt");
    std::fs::write(&path, &le).unwrap();
    let err = import::read(&path).unwrap_err();
    let (en, vi) = (err.render(Lang::En), err.render(Lang::Vi));
    assert_has(
        &en,
        &[
            "unicode.txt:3:",
            "row 3 (\"Cao Lộc\"): `abc` is not a whole number",
        ],
    );
    assert_has(
        &vi,
        &["dòng 3 (\"Cao Lộc\"): `abc` không phải là số nguyên"],
    );
    let good = text.replace("abc", "16752");
    let mut be = vec![0xFE, 0xFF];
    be.extend(good.encode_utf16().flat_map(u16::to_be_bytes));
    std::fs::write(&path, &be).unwrap();
    let coverage = import::read(&path).unwrap();
    assert_eq!(
        names(&coverage),
        [("Hữu Lũng", 18_019, 78_399), ("Cao Lộc", 16_752, 58_196)]
    );
}
