//! A coverage workbook (`.xlsx`) named by the scenario, and one given to `campaign import`: the
//! letter's table as a department saves it from Excel (a title row, the header on row 3, Hữu
//! Lũng on row 5), broken one way at a time. (Workbooks too large or too expanded to read are
//! another catalogue's.)

use std::path::Path;

use rust_xlsxwriter::{Formula, Workbook, Worksheet};

use super::coverage::scenario_reading;
use super::{Case, SCENARIO, check};

/// The shipped districts: name, installed, smartphones, commune teams.
const DISTRICTS: [(&str, u32, u32, u32); 11] = [
    ("Thành phố Lạng Sơn", 39_911, 96_818, 8),
    ("Hữu Lũng", 18_019, 78_399, 24),
    ("Cao Lộc", 16_752, 58_196, 22),
    ("Lộc Bình", 15_725, 53_067, 21),
    ("Tràng Định", 11_354, 37_092, 22),
    ("Chi Lăng", 10_285, 43_471, 20),
    ("Bắc Sơn", 9_812, 36_584, 18),
    ("Văn Lãng", 8_727, 34_823, 17),
    ("Văn Quan", 7_494, 32_138, 17),
    ("Bình Gia", 7_186, 29_057, 19),
    ("Đình Lập", 6_651, 20_175, 12),
];

/// Writes the letter's table to `dir/scenarios/{file}`, a title on row 1, the header on row 3,
/// the districts from row 4 (Hữu Lũng on row 5), then lets `edit` change the sheet.
fn letter(dir: &Path, file: &str, edit: fn(&mut Worksheet)) {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet
        .write_string(0, 0, "Số liệu cài đặt Bluezone ngày 01/9/2020")
        .unwrap();
    for (col, cell) in (0..).zip(["Huyện", "Đã cài Bluezone", "Tổng smartphone", "commune"])
    {
        sheet.write_string(2, col, cell).unwrap();
    }
    for (row, (name, installed, smartphones, commune)) in (3..).zip(DISTRICTS) {
        sheet.write_string(row, 0, name).unwrap();
        sheet.write_number(row, 1, installed).unwrap();
        sheet.write_number(row, 2, smartphones).unwrap();
        sheet.write_number(row, 3, commune).unwrap();
    }
    edit(sheet);
    book.save(dir.join("scenarios").join(file)).unwrap();
}

/// [`letter`] without its header row: a title row, then the districts from row 4.
fn headerless(dir: &Path) {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet
        .write_string(0, 0, "Số liệu cài đặt Bluezone ngày 01/9/2020")
        .unwrap();
    for (row, (name, installed, smartphones, commune)) in (3..).zip(DISTRICTS) {
        sheet.write_string(row, 0, name).unwrap();
        sheet.write_number(row, 1, installed).unwrap();
        sheet.write_number(row, 2, smartphones).unwrap();
        sheet.write_number(row, 3, commune).unwrap();
    }
    book.save(dir.join("scenarios/coverage.xlsx")).unwrap();
}

/// `campaign plan` of a scenario reading `coverage.xlsx`, which `setup` writes.
fn covered(name: &str, setup: fn(&Path)) -> Case {
    Case::plan(name)
        .file(SCENARIO, &scenario_reading("coverage.xlsx"))
        .setup(setup)
}

/// `campaign import scenarios/coverage.xlsx`, which `setup` writes.
fn imported(name: &str, setup: fn(&Path)) -> Case {
    Case::new(name, &["import", "{dir}/scenarios/coverage.xlsx"]).setup(setup)
}

fn cases() -> Vec<Case> {
    let whole = ("ghi một số nguyên", "write a whole number");
    vec![
        Case::plan("workbook: a text file named .xlsx")
            .file(SCENARIO, &scenario_reading("coverage.xlsx"))
            .file("scenarios/coverage.xlsx", super::coverage::CSV)
            .at("coverage.xlsx: ")
            .place(
                "tệp này không phải bảng tính Excel (.xlsx)",
                "this file is not an Excel workbook (.xlsx)",
            )
            .hint("đổi đuôi tên tệp thành .csv", "rename it to .csv"),
        Case::plan("workbook: a workbook named .csv")
            .file(SCENARIO, &scenario_reading("coverage.csv"))
            .setup(|dir| letter(dir, "coverage.csv", |_| {}))
            .at("coverage.csv")
            .place(
                "tệp này là bảng tính Excel (.xlsx), không phải tệp CSV",
                "this file is an Excel workbook (.xlsx), not a CSV file",
            )
            .hint("đổi đuôi tên tệp thành .xlsx", "rename it to .xlsx"),
        // known_bad.md A15: fixed
        covered("workbook: cut short (half of its bytes)", |dir| {
            letter(dir, "coverage.xlsx", |_| {});
            let path = dir.join("scenarios/coverage.xlsx");
            let bytes = std::fs::read(&path).unwrap();
            std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
        })
        .at("coverage.xlsx: ")
        .place(
            "tệp Excel bị hỏng hoặc không trọn vẹn",
            "the Excel file is damaged or incomplete",
        )
        .hint(
            "mở tệp bằng Excel rồi lưu lại",
            "open it in Excel and save it again",
        ),
        covered("workbook: not there", |_| {})
            .at("lang-son-2020-09-01.toml:17:12")
            .place("coverage.xlsx", "coverage.xlsx")
            .hint("kiểm tra đường dẫn", "check the path"),
        covered("workbook: empty", |dir| {
            let mut book = Workbook::new();
            book.add_worksheet();
            book.save(dir.join("scenarios/coverage.xlsx")).unwrap();
        })
        .at("coverage.xlsx")
        .place("trống", "empty")
        .hint("dòng tiêu đề", "header row"),
        covered("workbook: a text in a count cell", |dir| {
            letter(dir, "coverage.xlsx", |sheet| {
                sheet.write_string(4, 1, "mười tám nghìn").unwrap();
            })
        })
        .at("coverage.xlsx:5:")
        .place(
            "huyện \"Hữu Lũng\", cột `Đã cài Bluezone`",
            "district \"Hữu Lũng\", column `Đã cài Bluezone`",
        )
        .hint(whole.0, whole.1),
        covered("workbook: a decimal in a count cell", |dir| {
            letter(dir, "coverage.xlsx", |sheet| {
                sheet.write_number(4, 1, 18_019.5).unwrap();
            })
        })
        .at("coverage.xlsx:5:")
        .place(
            "huyện \"Hữu Lũng\", cột `Đã cài Bluezone`",
            "district \"Hữu Lũng\", column `Đã cài Bluezone`",
        )
        .hint(whole.0, whole.1),
        covered("workbook: a negative count", |dir| {
            letter(dir, "coverage.xlsx", |sheet| {
                sheet.write_number(4, 1, -18_019).unwrap();
            })
        })
        .at("coverage.xlsx:5:")
        .place("huyện \"Hữu Lũng\"", "district \"Hữu Lũng\"")
        .says("không được âm", "must not be negative"),
        covered("workbook: installed above smartphones", |dir| {
            letter(dir, "coverage.xlsx", |sheet| {
                sheet.write_number(4, 1, 88_019).unwrap();
            })
        })
        .at("coverage.xlsx:5:")
        .place(
            "(88.019) lớn hơn số thuê bao điện thoại thông minh (78.399)",
            "installed (88,019) is more than smartphones (78,399)",
        )
        .hint(
            "có thể hai cột bị đổi chỗ",
            "the two columns may be swapped",
        ),
        covered("workbook: an empty count cell", |dir| {
            letter(dir, "coverage.xlsx", |sheet| {
                sheet
                    .write_blank(4, 1, &rust_xlsxwriter::Format::new())
                    .unwrap();
            })
        })
        .at("coverage.xlsx:5:")
        .place("ô đang trống", "the cell is empty")
        .hint(whole.0, whole.1),
        covered("workbook: a formula saved without its value", |dir| {
            letter(dir, "coverage.xlsx", |sheet| {
                // no computed value at all (rust_xlsxwriter otherwise stores 0)
                sheet.set_formula_result_default("");
                sheet
                    .write_formula(4, 1, Formula::new("=B4-21892"))
                    .unwrap();
            })
        })
        .at("coverage.xlsx:5:")
        .place(
            "ô có công thức nhưng chưa có kết quả tính",
            "the cell holds a formula with no computed value",
        )
        .hint(
            "mở tệp bằng Excel (hoặc LibreOffice) rồi lưu lại",
            "open the file in Excel (or LibreOffice) and save it",
        ),
        covered("workbook: a district listed twice", |dir| {
            letter(dir, "coverage.xlsx", |sheet| {
                sheet.write_string(5, 0, "Hữu Lũng").unwrap();
            })
        })
        .at("coverage.xlsx:6:")
        .place("(lần đầu ở dòng 5)", "(first at line 5)")
        .hint("mỗi huyện chỉ ghi một lần", "list each district once"),
        covered("workbook: a zero-width space in a name", |dir| {
            letter(dir, "coverage.xlsx", |sheet| {
                sheet.write_string(5, 0, "Cao\u{200b}Lộc").unwrap();
            })
        })
        .at("coverage.xlsx:6:")
        .place("U+200B", "U+200B")
        .hint("gõ lại tên huyện", "type the name again"),
        covered("workbook: no header row", headerless)
            .at("coverage.xlsx:4")
            .place(
                "dòng tiêu đề thiếu cột tên huyện",
                "the header has no district name column",
            )
            .hint(
                "dòng tiêu đề ghi tên các cột, ví dụ: Huyện,Đã cài Bluezone",
                "the header row names the columns, e.g. District,Installed",
            ),
        imported("import: a text in a count cell of a workbook", |dir| {
            letter(dir, "coverage.xlsx", |sheet| {
                sheet.write_string(4, 2, "không rõ").unwrap();
            })
        })
        .at("coverage.xlsx:5")
        .place("dòng 5 (\"Hữu Lũng\")", "row 5 (\"Hữu Lũng\")")
        .hint(whole.0, whole.1),
        imported("import: a workbook without a header row", headerless)
            .at("coverage.xlsx:")
            .place(
                "không tìm thấy dòng tiêu đề đủ cột",
                "no header row with the needed columns",
            )
            .hint(
                "cần các cột `Huyện`, `Đã cài Bluezone`, `Tổng smartphone`",
                "needs the columns `District`, `Installed`, `Smartphones`",
            ),
        imported("import: a text file named .xlsx", |dir| {
            std::fs::write(dir.join("scenarios/coverage.xlsx"), super::coverage::CSV).unwrap();
        })
        .at("coverage.xlsx: ")
        .place(
            "tệp này không phải bảng tính Excel (.xlsx)",
            "this file is not an Excel workbook (.xlsx)",
        )
        .hint("đổi đuôi tên tệp thành .csv", "rename it to .csv"),
    ]
}

#[test]
fn workbooks() {
    check(cases());
}
