//! What both coverage readers (`campaign import` and a scenario's `coverage = "..."`) say
//! about a table, in words a department can act on: the same limits, the file's own column
//! headings, Vietnamese examples in the Vietnamese text, one wording for one mistake.

use campaign_planner::import;
use campaign_planner::text::Lang;

use super::support::{Case, MINIMAL, assert_has, rendered};

/// MINIMAL with its districts taken from `name`.
fn scenario(name: &str) -> String {
    let start = MINIMAL.find("[[district]]").unwrap();
    format!("coverage = \"{name}\"\n{}", &MINIMAL[..start])
}

/// The errors (English, Vietnamese) of `campaign import` and of a scenario's `coverage =`
/// reading `text` as the file `name`.
fn both(name: &str, text: &[u8]) -> ((String, String), (String, String)) {
    let case = Case::new();
    let path = case.dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    let imported = match import::read(&path) {
        Ok(c) => panic!("import: expected an error, got {c:?}"),
        Err(e) => (e.render(Lang::En), e.render(Lang::Vi)),
    };
    (imported, rendered(case.load(&scenario(name))))
}

#[test]
fn counts_above_the_scenario_limit_are_refused_at_their_row() {
    let csv = "Huyện;Đã cài;Tổng smartphone\nA;5000000000000;9000000000000\nB;1;2\n";
    let ((en, vi), (sc_en, sc_vi)) = both("huge.csv", csv.as_bytes());
    assert_has(
        &en,
        &[
            "huge.csv:2:",
            "row 2 (\"A\"): the number is too large: `5000000000000`",
            "people counts go up to 1,000,000,000,000",
        ],
    );
    assert_has(
        &vi,
        &[
            "huge.csv:2:",
            "dòng 2 (\"A\"): số quá lớn: `5000000000000`",
            "số người tối đa là 1.000.000.000.000",
        ],
    );
    assert_has(&sc_en, &["huge.csv:2:3:", "the number is too large"]);
    assert_has(
        &sc_vi,
        &["huge.csv:2:3:", "số quá lớn", "1.000.000.000.000"],
    );

    // two rows past the largest count: the row is named, not a sum that wrapped to 0
    let csv = "Huyện;Đã cài;Tổng smartphone\nA;18446744073709551615;18446744073709551615\nB;1;1\nTỔNG;0;0\n";
    let ((en, vi), (sc_en, _)) = both("overflow.csv", csv.as_bytes());
    assert_has(
        &en,
        &["overflow.csv:2:", "row 2 (\"A\"): the number is too large"],
    );
    assert_has(&vi, &["overflow.csv:2:", "dòng 2 (\"A\"): số quá lớn"]);
    assert_has(&sc_en, &["overflow.csv:2:3:", "the number is too large"]);
}

#[test]
fn a_total_that_disagrees_prints_numbers_for_the_language() {
    let csv = "Huyện;Đã cài;Tổng smartphone\nA;151916;519820\nTỔNG;1;519820\n";
    let ((en, vi), (sc_en, sc_vi)) = both("total.csv", csv.as_bytes());
    assert_has(&en, &["the districts add up to 151,916 / 519,820"]);
    assert_has(&vi, &["cộng các huyện được 151.916 / 519.820"]);
    assert_has(&sc_en, &["151,916 / 519,820"]);
    assert_has(&sc_vi, &["151.916 / 519.820"]);
}

#[test]
fn a_file_named_for_the_other_format_says_so() {
    // a CSV table renamed .xlsx
    let csv = "Huyện;Đã cài;Tổng smartphone\nA;1;2\n";
    let ((en, vi), (sc_en, sc_vi)) = both("renamed.xlsx", csv.as_bytes());
    for text in [&en, &sc_en] {
        assert_has(
            text,
            &[
                "renamed.xlsx: this file is not an Excel workbook (.xlsx): it is a CSV table (text, its columns split by `;`)",
                "rename it to .csv",
            ],
        );
        assert!(!text.contains("EOCD"), "{text}");
    }
    for text in [&vi, &sc_vi] {
        assert_has(
            text,
            &[
                "tệp này không phải bảng tính Excel (.xlsx) mà là bảng CSV",
                "đổi đuôi tên tệp thành .csv",
            ],
        );
    }
    // a workbook (a zip archive) named .csv
    let ((en, vi), (sc_en, _)) = both("book.csv", b"PK\x03\x04rest of a zip");
    assert_has(
        &en,
        &[
            "book.csv: this file is an Excel workbook (.xlsx), not a CSV file",
            "rename it to .xlsx",
        ],
    );
    assert_has(
        &vi,
        &["tệp này là bảng tính Excel (.xlsx), không phải tệp CSV"],
    );
    assert_has(&sc_en, &["this file is an Excel workbook (.xlsx)"]);
}

#[test]
fn an_unclosed_double_quote_is_named_at_its_line() {
    let csv = "Huyện;Đã cài;Tổng smartphone\n\"A;1;2\nB;3;4\n";
    let ((en, vi), (sc_en, sc_vi)) = both("quote.csv", csv.as_bytes());
    for text in [&en, &sc_en] {
        assert_has(
            text,
            &[
                "quote.csv:2: row 2: a cell opens a double quote (\") that is never closed",
                "add a \" at the end of that cell",
            ],
        );
        assert!(!text.contains("empty"), "{text}");
    }
    for text in [&vi, &sc_vi] {
        assert_has(
            text,
            &["quote.csv:2: dòng 2: một ô mở dấu ngoặc kép (\") mà không đóng"],
        );
    }
}

#[test]
fn header_hints_show_headings_in_the_language_of_the_text() {
    let csv = "Huyện;Tổng smartphone\nA;2\n";
    let ((en, vi), (sc_en, sc_vi)) = both("cols.csv", csv.as_bytes());
    assert_has(
        &vi,
        &[
            "thiếu `Đã cài Bluezone`",
            "`Huyện`, `Đã cài Bluezone`, `Tổng smartphone`",
        ],
    );
    assert_has(
        &en,
        &[
            "missing `Installed`",
            "`District`, `Installed`, `Smartphones`",
        ],
    );
    assert_has(
        &sc_vi,
        &["ví dụ: Huyện,Đã cài Bluezone,Tổng smartphone,commune"],
    );
    assert_has(&sc_en, &["e.g. District,Installed,Smartphones,commune"]);
    for vi in [&vi, &sc_vi] {
        for english in [
            "optional",
            "Rate",
            "District",
            "Installed",
            "name,installed",
        ] {
            assert!(!vi.contains(english), "{english:?} in:\n{vi}");
        }
    }
}
