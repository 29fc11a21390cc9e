//! A coverage workbook (`.xlsx`) named by the scenario, and one given to `campaign import`: the
//! letter's table as a department saves it from Excel (a title row, the header on row 3, Hữu
//! Lũng on row 5), broken one way at a time. (Workbooks too large or too expanded to read are
//! another catalogue's.)

use std::io::{Read, Write};
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

/// [`letter`] as `coverage.xlsx`, each part of its archive then passed through `edit` (the
/// part's name and text): `None` leaves the part out. How a workbook not written by Excel is
/// made: a cell Excel would never write, a part missing.
fn rezipped(dir: &Path, edit: fn(&str, String) -> Option<String>) {
    letter(dir, "coverage.xlsx", |_| {});
    let path = dir.join("scenarios/coverage.xlsx");
    let bytes = std::fs::read(&path).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for index in 0..archive.len() {
        let mut part = archive.by_index(index).unwrap();
        let name = part.name().unwrap().to_string();
        let mut text = String::new();
        part.read_to_string(&mut text).unwrap();
        if let Some(text) = edit(&name, text) {
            out.start_file(name, options).unwrap();
            out.write_all(text.as_bytes()).unwrap();
        }
    }
    std::fs::write(&path, out.finish().unwrap().into_inner()).unwrap();
}

/// The sheet's XML with the value of cell A5 (Hữu Lũng, a shared string) written as `value`.
fn a5_index(name: &str, text: String, value: &str) -> Option<String> {
    if name != "xl/worksheets/sheet1.xml" {
        return Some(text);
    }
    let cell = text.find("<c r=\"A5\"").expect("the sheet has cell A5");
    let start = cell + text[cell..].find("<v>").unwrap() + 3;
    let end = start + text[start..].find("</v>").unwrap();
    assert!(
        text[cell..start].contains("t=\"s\""),
        "A5 is a shared string"
    );
    Some(format!("{}{value}{}", &text[..start], &text[end..]))
}

/// How an OLE compound file starts (a password-protected workbook, an old `.xls`), then zeros.
fn ole() -> Vec<u8> {
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.resize(4096, 0);
    bytes
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

/// [`letter`] as `coverage.xlsx`, then each part of its archive passed through `edit`, and the
/// new archive's bytes through `bytes`: a part named twice, which a zip writer refuses to write.
fn rezipped_bytes(
    dir: &Path,
    edit: fn(&str, String) -> Vec<(String, String)>,
    bytes: fn(Vec<u8>) -> Vec<u8>,
) {
    letter(dir, "coverage.xlsx", |_| {});
    let path = dir.join("scenarios/coverage.xlsx");
    let read = std::fs::read(&path).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(read)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for index in 0..archive.len() {
        let mut part = archive.by_index(index).unwrap();
        let name = part.name().unwrap().to_string();
        let mut text = String::new();
        part.read_to_string(&mut text).unwrap();
        for (name, text) in edit(&name, text) {
            out.start_file(name, options).unwrap();
            out.write_all(text.as_bytes()).unwrap();
        }
    }
    std::fs::write(&path, bytes(out.finish().unwrap().into_inner())).unwrap();
}

/// `bytes` with every `from` replaced by `to` (of the same length).
fn replaced(bytes: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    assert_eq!(from.len(), to.len());
    let mut out = bytes.to_vec();
    let mut at = 0;
    while let Some(i) = out[at..].windows(from.len()).position(|w| w == from) {
        out[at + i..at + i + to.len()].copy_from_slice(to);
        at += i + to.len();
    }
    out
}

/// A workbook of two sheets, each the letter's table: "Data" and "Khác", the second then
/// renamed "DATA" in the workbook's list of sheets (Excel names sheets without case).
fn two_sheets_of_one_name(dir: &Path) {
    let mut book = Workbook::new();
    for name in ["Data", "Khác"] {
        let sheet = book.add_worksheet().set_name(name).unwrap();
        sheet.write_string(0, 0, "Huyện").unwrap();
        sheet.write_string(0, 1, "Đã cài Bluezone").unwrap();
        sheet.write_string(0, 2, "Tổng smartphone").unwrap();
        for (row, (name, installed, smartphones, _)) in (1..).zip(DISTRICTS) {
            sheet.write_string(row, 0, name).unwrap();
            sheet.write_number(row, 1, installed).unwrap();
            sheet.write_number(row, 2, smartphones).unwrap();
        }
    }
    let path = dir.join("scenarios/coverage.xlsx");
    book.save(&path).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for index in 0..archive.len() {
        let mut part = archive.by_index(index).unwrap();
        let name = part.name().unwrap().to_string();
        let mut text = String::new();
        part.read_to_string(&mut text).unwrap();
        if name == "xl/workbook.xml" {
            assert!(text.contains("name=\"Khác\""), "{text}");
            text = text.replace("name=\"Khác\"", "name=\"DATA\"");
        }
        out.start_file(name, options).unwrap();
        out.write_all(text.as_bytes()).unwrap();
    }
    std::fs::write(&path, out.finish().unwrap().into_inner()).unwrap();
}

/// A scenario reading `coverage.xlsx` from the sheet `sheet` names (on line 18, from column 9).
fn sheet_of(sheet: &str) -> String {
    scenario_reading("coverage.xlsx").replace(
        "coverage = \"coverage.xlsx\"",
        &format!("coverage = \"coverage.xlsx\"\nsheet = {sheet}"),
    )
}

fn cases() -> Vec<Case> {
    let whole = ("ghi một số nguyên", "write a whole number");
    vec![
        Case::plan("workbook: a text file named .xlsx")
            .file(SCENARIO, &scenario_reading("coverage.xlsx"))
            .file("scenarios/coverage.xlsx", super::coverage::CSV)
            .at("coverage.xlsx: ")
            .place(
                "tệp này không phải bảng tính Excel (.xlsx) mà là bảng CSV",
                "this file is not an Excel workbook (.xlsx): it is a CSV table",
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
        // trial 13d G11: a count Excel shows as 1E+300 was "not a whole number", quoted as 301
        // digits
        covered("workbook: 1E+300 in a count cell", |dir| {
            letter(dir, "coverage.xlsx", |sheet| {
                sheet.write_number(4, 1, 1e300).unwrap();
            })
        })
        .at("coverage.xlsx:5:")
        .place("số quá lớn: `1E+300`", "the number is too large: `1E+300`")
        .hint(
            "số người tối đa là 1.000.000.000.000",
            "people counts go up to 1,000,000,000,000",
        ),
        imported("workbook: 1E+300 in a count cell, imported", |dir| {
            letter(dir, "coverage.xlsx", |sheet| {
                sheet.write_number(4, 2, 1e300).unwrap();
            })
        })
        .at("coverage.xlsx:5")
        .place("số quá lớn: `1E+300`", "the number is too large: `1E+300`")
        .hint(
            "số người tối đa là 1.000.000.000.000",
            "people counts go up to 1,000,000,000,000",
        ),
        // trial 13d G4: the hint said `--sheet 2` of a workbook with one sheet
        Case::new(
            "workbook: --sheet names no sheet of a one-sheet workbook",
            &["import", "{dir}/scenarios/coverage.xlsx", "--sheet", "0"],
        )
        .setup(|dir| letter(dir, "coverage.xlsx", |_| {}))
        .at("coverage.xlsx: ")
        .place("không có trang \"0\"", "has no sheet \"0\"")
        .hint(
            "--sheet \"Sheet1\", hoặc số thứ tự của trang: --sheet 1",
            "--sheet \"Sheet1\", or its number: --sheet 1",
        ),
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
        // F24: Excel shows 43483 in a cell formatted as a date as 18/01/2019; it was read as
        // 43,483 installs
        covered("workbook: a count cell formatted as a date", |dir| {
            letter(dir, "coverage.xlsx", |sheet| {
                let date = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
                sheet.write_number_with_format(4, 1, 43_483, &date).unwrap();
            })
        })
        .at("coverage.xlsx:5:")
        .place(
            "huyện \"Hữu Lũng\", cột `Đã cài Bluezone`: ô ghi ngày `18/01/2019`, không phải số máy",
            "district \"Hữu Lũng\", column `Đã cài Bluezone`: the cell shows the date `18/01/2019`, not a count",
        )
        .hint(
            "Định dạng ô (Format Cells) > Số (Number)",
            "right-click > Format Cells > Number",
        ),
        imported("import: a count cell formatted as a date", |dir| {
            letter(dir, "coverage.xlsx", |sheet| {
                let date = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
                sheet.write_number_with_format(4, 1, 43_483, &date).unwrap();
            })
        })
        .at("coverage.xlsx:5:")
        .place(
            "ô ghi ngày `18/01/2019`, không phải số máy",
            "the cell shows the date `18/01/2019`, not a count",
        )
        .hint(
            "Định dạng ô (Format Cells) > Số (Number)",
            "right-click > Format Cells > Number",
        ),
        // F33: a row written twice kept the second; the district of the first was gone
        covered("workbook: a row written twice", |dir| {
            rezipped(dir, |name, text| {
                if name != "xl/worksheets/sheet1.xml" {
                    return Some(text);
                }
                let start = text.find("<row r=\"5\"").unwrap();
                let end = start + text[start..].find("</row>").unwrap() + "</row>".len();
                let row = text[start..end].to_string();
                Some(format!("{}{row}{}", &text[..end], &text[end..]))
            })
        })
        .at("coverage.xlsx: ")
        .place(
            "trang \"Sheet1\" ghi ô A5 hai lần",
            "sheet \"Sheet1\" writes cell A5 twice",
        )
        .hint(
            "mở tệp bằng Excel rồi lưu lại",
            "open it in Excel and save it again",
        ),
        imported("import: a cell written twice", |dir| {
            rezipped(dir, |name, text| {
                if name != "xl/worksheets/sheet1.xml" {
                    return Some(text);
                }
                let start = text.find("<c r=\"B5\"").unwrap();
                let end = start + text[start..].find("</c>").unwrap() + "</c>".len();
                let cell = text[start..end].to_string();
                Some(format!("{}{cell}{}", &text[..end], &text[end..]))
            })
        })
        .at("coverage.xlsx: ")
        .place(
            "trang \"Sheet1\" ghi ô B5 hai lần",
            "sheet \"Sheet1\" writes cell B5 twice",
        )
        .hint(
            "mở tệp bằng Excel rồi lưu lại",
            "open it in Excel and save it again",
        ),
        // F02: elements nested deeper than Excel writes; the sheet read as empty
        imported("import: a sheet of deeply nested elements", |dir| {
            rezipped(dir, |name, text| {
                if name != "xl/worksheets/sheet1.xml" {
                    return Some(text);
                }
                let start = text.find("<row r=\"5\"").unwrap();
                let open = start + text[start..].find('>').unwrap() + 1;
                let nested = format!("{}{}", "<x>".repeat(500), "</x>".repeat(500));
                Some(format!("{}{nested}{}", &text[..open], &text[open..]))
            })
        })
        .at("coverage.xlsx: ")
        .place(
            "trang \"Sheet1\" không đọc được tới cuối",
            "sheet \"Sheet1\" cannot be read to its end",
        )
        .hint(
            "mở tệp bằng Excel rồi lưu lại",
            "open it in Excel and save it again",
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
        // trial 13e H27: the caret under a name's odd character, not under the cell's first;
        // the names in NFD (each accent a character of its own, as some keyboards type them),
        // the caret padded by what the characters before it take on a terminal
        covered("workbook: a zero-width space after an NFD name", |dir| {
            letter(dir, "coverage.xlsx", |sheet| {
                sheet
                    .write_string(5, 0, "Tra\u{300}ng \u{110}i\u{323}nh\u{200b}")
                    .unwrap();
            })
        })
        .at("coverage.xlsx:6:13:")
        .place("U+200B", "U+200B")
        // "Tràng Định" takes 10 columns: the caret is under the escape that follows
        .place("\n   |           ^\n", "\n   |           ^\n")
        .hint("gõ lại tên huyện", "type the name again"),
        covered("workbook: a control character in an NFD name", |dir| {
            letter(dir, "coverage.xlsx", |sheet| {
                sheet.write_string(5, 0, "Cao Lo\u{323}\u{302}c\u{1b}").unwrap();
            })
        })
        .at("coverage.xlsx:6:10:")
        .place("U+001B", "U+001B")
        .place("\n   |        ^\n", "\n   |        ^\n")
        .hint("gõ lại tên huyện", "type the name again"),
        imported("workbook: import, a Cyrillic letter in an NFD name", |dir| {
            letter(dir, "coverage.xlsx", |sheet| {
                sheet.write_string(5, 0, "Va\u{306}n La\u{303}ng \u{421}ao").unwrap();
            })
        })
        .at("coverage.xlsx:6:12:")
        .place("U+0421", "U+0421")
        .place("\n   |          ^\n", "\n   |          ^\n")
        .hint("xoá chữ đó và gõ lại", "delete that letter and type it again"),
        covered("workbook: a name too long, in NFD", |dir| {
            letter(dir, "coverage.xlsx", |sheet| {
                // "Lạng Sơn " 25 times: 224 characters as read (NFC, the last space dropped),
                // 11 a copy in the cell; the 201st read, the `n` of the 23rd "Lạng", is the
                // cell's 246th
                let name = "La\u{323}ng So\u{31b}n ".repeat(25);
                sheet.write_string(5, 0, &name).unwrap();
            })
        })
        .at("coverage.xlsx:6:246:")
        .place("224 ký tự", "224 characters")
        .hint("chưa tới 40 ký tự", "under 40 characters"),
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
        // U8, W7: a workbook not written by Excel is said as damaged, at its cell or part
        imported("workbook: a shared-string index that is not a number", |dir| {
            rezipped(dir, |name, text| a5_index(name, text, "abc"))
        })
        .at("coverage.xlsx: ")
        .place(
            "ô A5 của trang \"Sheet1\": số thứ tự chuỗi dùng chung `abc` không phải là số",
            "cell A5 of sheet \"Sheet1\": the shared-string index `abc` is not a number",
        )
        .hint(
            "mở tệp bằng Excel rồi lưu lại",
            "open it in Excel and save it again",
        ),
        covered("workbook: a negative shared-string index", |dir| {
            rezipped(dir, |name, text| a5_index(name, text, "-1"))
        })
        .at("coverage.xlsx: ")
        .place(
            "ô A5 của trang \"Sheet1\": số thứ tự chuỗi dùng chung `-1`",
            "cell A5 of sheet \"Sheet1\": the shared-string index `-1`",
        )
        .hint(
            "mở tệp bằng Excel rồi lưu lại",
            "open it in Excel and save it again",
        ),
        imported("workbook: a shared-string index past the strings", |dir| {
            rezipped(dir, |name, text| a5_index(name, text, "99999999"))
        })
        .at("coverage.xlsx: ")
        .place(
            "ô A5 của trang \"Sheet1\" lấy chuỗi dùng chung số 99.999.999, nhưng tệp chỉ có",
            "cell A5 of sheet \"Sheet1\" takes shared string number 99,999,999, but the file has only",
        )
        .hint(
            "mở tệp bằng Excel rồi lưu lại",
            "open it in Excel and save it again",
        ),
        imported("workbook: shared strings without their part", |dir| {
            rezipped(dir, |name, text| {
                (name != "xl/sharedStrings.xml").then_some(text)
            })
        })
        .at("coverage.xlsx: ")
        .place(
            "nhưng tệp không có chuỗi dùng chung nào",
            "but the file has no shared strings",
        )
        .hint(
            "mở tệp bằng Excel rồi lưu lại",
            "open it in Excel and save it again",
        ),
        covered("workbook: a cell named A0", |dir| {
            rezipped(dir, |_, text| Some(text.replace("<c r=\"A5\"", "<c r=\"A0\"")))
        })
        .at("coverage.xlsx: ")
        .place(
            "trang \"Sheet1\" có một ô mang tên `A0`",
            "sheet \"Sheet1\" has a cell named `A0`",
        )
        .hint(
            "mở tệp bằng Excel rồi lưu lại",
            "open it in Excel and save it again",
        ),
        imported("workbook: a row numbered 0", |dir| {
            rezipped(dir, |_, text| Some(text.replace("<row r=\"5\"", "<row r=\"0\"")))
        })
        .at("coverage.xlsx: ")
        .place(
            "trang \"Sheet1\" có một dòng mang số `0`",
            "sheet \"Sheet1\" has a row numbered `0`",
        )
        .hint(
            "mở tệp bằng Excel rồi lưu lại",
            "open it in Excel and save it again",
        ),
        covered("workbook: a sheet without its part", |dir| {
            rezipped(dir, |name, text| {
                (name != "xl/worksheets/sheet1.xml").then_some(text)
            })
        })
        .at("coverage.xlsx: ")
        .place(
            "có trang \"Sheet1\" trong danh sách trang nhưng không có nội dung",
            "it lists the sheet \"Sheet1\", but the sheet's contents are not in the file",
        )
        .hint(
            "mở tệp bằng Excel rồi lưu lại",
            "open it in Excel and save it again",
        ),
        covered("workbook: a cell of a type Excel does not write", |dir| {
            rezipped(dir, |name, text| {
                if name != "xl/worksheets/sheet1.xml" {
                    return Some(text);
                }
                let cell = text.find("<c r=\"A5\"").unwrap();
                let at = cell + text[cell..].find("t=\"s\"").unwrap();
                Some(format!("{}t=\"zz\"{}", &text[..at], &text[at + 5..]))
            })
        })
        .at("coverage.xlsx: ")
        .place(
            "trang \"Sheet1\" không đọc được tới cuối",
            "sheet \"Sheet1\" cannot be read to its end",
        )
        .hint(
            "mở tệp bằng Excel rồi lưu lại",
            "open it in Excel and save it again",
        ),
        // U2: the XML reader's English never reaches the message
        imported("workbook: shared strings declaring an entity", |dir| {
            rezipped(dir, |name, text| {
                if name != "xl/sharedStrings.xml" {
                    return Some(text);
                }
                let body = text.split_once("<sst").unwrap().1;
                let doctype = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>";
                Some(
                    format!("<?xml version=\"1.0\"?>{doctype}<sst{body}")
                        .replacen("<t>", "<t>&e;", 1),
                )
            })
        })
        .at("coverage.xlsx: ")
        .place(
            "tệp Excel bị hỏng: phần xl/sharedStrings.xml của nó không phải XML hợp lệ",
            "the Excel file is damaged: its part xl/sharedStrings.xml is not valid XML",
        )
        .hint(
            "mở tệp bằng Excel rồi lưu lại",
            "open it in Excel and save it again",
        ),
        // found on the way (not in the trial): calamine reserved room for the strings the
        // part says it holds, and a trillion aborted the tool
        imported("workbook: shared strings declaring a trillion strings", |dir| {
            rezipped(dir, |name, text| {
                if name != "xl/sharedStrings.xml" {
                    return Some(text);
                }
                let start = text.find("uniqueCount=\"").unwrap() + "uniqueCount=\"".len();
                let end = start + text[start..].find('"').unwrap();
                Some(format!("{}1000000000000{}", &text[..start], &text[end..]))
            })
        })
        .at("coverage.xlsx: ")
        .place(
            "phần xl/sharedStrings.xml ghi là có 1.000.000.000.000 chuỗi dùng chung, nhưng chỉ có",
            "its part xl/sharedStrings.xml says it holds 1,000,000,000,000 shared strings, but holds",
        )
        .hint(
            "mở tệp bằng Excel rồi lưu lại",
            "open it in Excel and save it again",
        ),
        // U9: a password-protected workbook, an old .xls renamed
        imported("workbook: an OLE file (password or .xls) named .xlsx", |dir| {
            std::fs::write(dir.join("scenarios/coverage.xlsx"), ole()).unwrap();
        })
        .at("coverage.xlsx: ")
        .place(
            "bảng tính có đặt mật khẩu, hoặc tệp .xls kiểu cũ",
            "a password-protected workbook, or an old .xls file",
        )
        .hint(
            "gỡ đi (Tệp > Thông tin > Bảo vệ Sổ làm việc",
            "remove it (File > Info > Protect Workbook",
        ),
        Case::plan("workbook: an OLE file (password or .xls) named .csv")
            .file(SCENARIO, &scenario_reading("coverage.csv"))
            .bytes("scenarios/coverage.csv", &ole())
            .at("coverage.csv: ")
            .place(
                "bảng tính có đặt mật khẩu, hoặc tệp .xls kiểu cũ",
                "a password-protected workbook, or an old .xls file",
            )
            .hint(
                "Lưu thành (Save As) > \"Excel Workbook (.xlsx)\"",
                "Save As > \"Excel Workbook (.xlsx)\"",
            ),
        imported("import: a text file named .xlsx", |dir| {
            std::fs::write(dir.join("scenarios/coverage.xlsx"), super::coverage::CSV).unwrap();
        })
        .at("coverage.xlsx: ")
        .place(
            "tệp này không phải bảng tính Excel (.xlsx) mà là bảng CSV (văn bản, các cột ngăn bởi `;`)",
            "this file is not an Excel workbook (.xlsx): it is a CSV table (text, its columns split by `;`)",
        )
        .hint("đổi đuôi tên tệp thành .csv", "rename it to .csv"),
        // trial 13e H27: a formula in a name cell was "no district name"
        imported("workbook: a formula without a value in a district-name cell", |dir| {
            letter(dir, "coverage.xlsx", |sheet| {
                sheet.set_formula_result_default("");
                sheet
                    .write_formula(4, 0, Formula::new("=HYPERLINK(\"http://x\",\"Hữu Lũng\")"))
                    .unwrap();
            })
        })
        .at("coverage.xlsx:5")
        .place(
            "ô tên huyện có công thức nhưng chưa có kết quả tính",
            "the district-name cell holds a formula with no computed value",
        )
        .hint("gõ tên huyện vào ô", "type the district's name in the cell"),
        // trial 13e H3: a row hidden in Excel dropped Cao Lộc from the plan without a word
        covered("workbook: a district row hidden in Excel", |dir| {
            letter(dir, "coverage.xlsx", |sheet| {
                sheet.set_row_hidden(5).unwrap();
            })
        })
        .at("coverage.xlsx: ")
        .place("dòng 6 (\"Cao Lộc\")", "row 6 (\"Cao Lộc\")")
        .says("đang ẩn trong Excel", "hidden in Excel")
        .hint("bỏ ẩn các dòng đó", "unhide those rows"),
        // trial 13g K9: a row dragged to no height (ht="0") was read without a word, though
        // Excel shows nothing of it
        covered("workbook: a district row of no height", |dir| {
            rezipped_bytes(
                dir,
                |name, text| {
                    let text = match name {
                        "xl/worksheets/sheet1.xml" => {
                            text.replacen("<row r=\"6\"", "<row r=\"6\" ht=\"0\" customHeight=\"1\"", 1)
                        }
                        _ => text,
                    };
                    vec![(name.to_string(), text)]
                },
                |bytes| bytes,
            )
        })
        .at("coverage.xlsx: ")
        .place("dòng 6 (\"Cao Lộc\")", "row 6 (\"Cao Lộc\")")
        .says("đang ẩn trong Excel", "hidden in Excel")
        .hint("bỏ ẩn các dòng đó", "unhide those rows"),
        // trial 13e H19: a snapshot's hidden row was "no row for Cao Lộc", without a word of
        // hiding
        Case::new(
            "workbook: a [[history]] snapshot with a district row hidden in Excel",
            &["plan", "{dir}/scenarios/history-2020-09-01.toml"],
        )
        .copy("scenarios/history-2020-09-01.toml")
        .copy("scenarios/coverage-2020-08-18.csv")
        .edit(
            "scenarios/history-2020-09-01.toml",
            "file = \"coverage-2020-08-25.csv\"",
            "file = \"snap.xlsx\"",
        )
        .setup(|dir| {
            letter(dir, "snap.xlsx", |sheet| {
                sheet.set_row_hidden(5).unwrap();
                sheet.set_row_hidden(6).unwrap();
            })
        })
        .at("snap.xlsx: ")
        .place(
            "dòng 6 (\"Cao Lộc\"), 7 (\"Lộc Bình\")",
            "rows 6 (\"Cao Lộc\"), 7 (\"Lộc Bình\")",
        )
        .hint("bỏ ẩn các dòng đó", "unhide those rows"),
        // trial 13f J8: two sheets of one name were read from the first without a word
        imported("workbook: two sheets of one name", two_sheets_of_one_name)
            .at("coverage.xlsx: ")
            .place(
                "có hai trang cùng tên \"Data\" (trang thứ 1 và trang thứ 2)",
                "it has two sheets named \"Data\" (sheets 1 and 2)",
            )
            .hint(
                "đổi tên một trong hai trang",
                "rename one of the two sheets",
            ),
        // trial 13f J9: a part written twice in the archive was read from its second copy
        imported("workbook: a part twice in the archive", |dir| {
            rezipped_bytes(
                dir,
                |name, text| {
                    if name != "xl/worksheets/sheet1.xml" {
                        return vec![(name.to_string(), text)];
                    }
                    let other = text.replacen("<v>18019</v>", "<v>1</v>", 1);
                    // (renamed to the first copy's name once the archive is written)
                    vec![
                        (name.to_string(), text),
                        ("xl/worksheets/sheetZ.xml".to_string(), other),
                    ]
                },
                |bytes| replaced(&bytes, b"xl/worksheets/sheetZ.xml", b"xl/worksheets/sheet1.xml"),
            )
        })
        .at("coverage.xlsx: ")
        .place(
            "tệp nén chứa hai phần cùng tên xl/worksheets/sheet1.xml",
            "its zip archive holds two parts named xl/worksheets/sheet1.xml",
        )
        .hint(
            "mở tệp bằng Excel rồi lưu lại",
            "open it in Excel and save it again",
        ),
        // trial 13f J26: a number too large for the computer (1e400) was quoted as `infE+00`
        covered("workbook: 1e400 in a count cell", |dir| {
            rezipped(dir, |name, text| {
                if name != "xl/worksheets/sheet1.xml" {
                    return Some(text);
                }
                assert!(text.contains("<v>18019</v>"));
                Some(text.replacen("<v>18019</v>", "<v>1e400</v>", 1))
            })
        })
        .at("coverage.xlsx:5:")
        .place(
            "ô B5 chứa một số quá lớn, không thể là số đếm (lớn hơn 1.000.000.000.000)",
            "cell B5 holds a number too large to be a count (more than 1,000,000,000,000)",
        )
        .hint("kiểm tra ô B5 trong Excel", "check cell B5 in Excel"),
        imported("workbook: 1e400 in a count cell, imported", |dir| {
            rezipped(dir, |name, text| {
                if name != "xl/worksheets/sheet1.xml" {
                    return Some(text);
                }
                Some(text.replacen("<v>78399</v>", "<v>1e400</v>", 1))
            })
        })
        .at("coverage.xlsx:5")
        .place(
            "ô C5 chứa một số quá lớn, không thể là số đếm",
            "cell C5 holds a number too large to be a count",
        )
        .hint("kiểm tra ô C5 trong Excel", "check cell C5 in Excel"),
        // trial 13f J29: `--sheet -1` was "`campaign import` has no option `-1`"
        Case::new(
            "workbook: --sheet -1",
            &["import", "{dir}/scenarios/coverage.xlsx", "--sheet", "-1"],
        )
        .setup(|dir| letter(dir, "coverage.xlsx", |_| {}))
        .at("coverage.xlsx: ")
        .place(
            "--sheet nhận tên trang hoặc số thứ tự của trang, từ 1",
            "--sheet takes a sheet's name or its number from 1",
        )
        .place("không có trang \"-1\"", "has no sheet \"-1\"")
        .hint("--sheet \"Sheet1\"", "--sheet \"Sheet1\""),
        // trial 13f J25: a scenario's `sheet` that names no sheet was answered with `--sheet`
        // advice and no scenario line
        Case::plan("workbook: sheet = 0")
            .file(SCENARIO, &sheet_of("0"))
            .setup(|dir| letter(dir, "coverage.xlsx", |_| {}))
            .at("lang-son-2020-09-01.toml:18:9")
            .place(
                "sheet nhận tên trang hoặc số thứ tự của trang, từ 1: tệp Excel coverage.xlsx không có trang 0",
                "sheet takes a sheet's name or its number from 1: the workbook coverage.xlsx has no sheet 0",
            )
            .hint(
                "ghi sheet = \"Sheet1\" (tên trang",
                "write sheet = \"Sheet1\" (the sheet's name",
            ),
        Case::plan("workbook: sheet = -1")
            .file(SCENARIO, &sheet_of("-1"))
            .setup(|dir| letter(dir, "coverage.xlsx", |_| {}))
            .at("lang-son-2020-09-01.toml:18:9")
            .place(
                "tệp Excel coverage.xlsx không có trang -1",
                "the workbook coverage.xlsx has no sheet -1",
            )
            .hint("hoặc sheet = 1 (số thứ tự", "or sheet = 1 (its number"),
        Case::plan("workbook: sheet = \"\"")
            .file(SCENARIO, &sheet_of("\"\""))
            .setup(|dir| letter(dir, "coverage.xlsx", |_| {}))
            .at("lang-son-2020-09-01.toml:18:9")
            .place(
                "sheet = \"\" không chỉ trang nào của tệp Excel coverage.xlsx",
                "sheet = \"\" names no sheet of the workbook coverage.xlsx",
            )
            .hint("ghi sheet = \"Sheet1\"", "write sheet = \"Sheet1\""),
        Case::plan("workbook: sheet = a huge number")
            .file(SCENARIO, &sheet_of("99999999999999999999"))
            .setup(|dir| letter(dir, "coverage.xlsx", |_| {}))
            .at("lang-son-2020-09-01.toml:18:9")
            .place(
                "tệp Excel coverage.xlsx không có trang 99999999999999999999; các trang của tệp: 1 \"Sheet1\"",
                "the workbook coverage.xlsx has no sheet 99999999999999999999; its sheets: 1 \"Sheet1\"",
            )
            .hint("hoặc sheet = 1", "or sheet = 1"),
        Case::plan("workbook: sheet names no sheet")
            .file(SCENARIO, &sheet_of("\"Nope\""))
            .setup(|dir| letter(dir, "coverage.xlsx", |_| {}))
            .at("lang-son-2020-09-01.toml:18:9")
            .place("mục `sheet`", "field `sheet`")
            .place(
                "tệp Excel coverage.xlsx không có trang \"Nope\"",
                "the workbook coverage.xlsx has no sheet \"Nope\"",
            )
            .hint(
                "ghi sheet = \"Sheet1\" (tên trang như ở thanh trang của Excel; hoa thường, dấu không cần khớp) hoặc sheet = 1",
                "write sheet = \"Sheet1\" (the sheet's name as Excel's sheet tabs show it; case and diacritics may differ) or sheet = 1",
            ),
        Case::plan("workbook: sheet beside a CSV coverage file")
            .file(
                SCENARIO,
                &scenario_reading("coverage.csv").replace(
                    "coverage = \"coverage.csv\"",
                    "coverage = \"coverage.csv\"\nsheet = 1",
                ),
            )
            .file("scenarios/coverage.csv", super::coverage::CSV)
            .at("lang-son-2020-09-01.toml:18:9")
            .place(
                "coverage.csv là tệp CSV: chỉ có một bảng, không có trang 1 nào để chọn",
                "coverage.csv is a CSV file: it holds one table, and has no sheet 1 to choose",
            )
            .hint("xóa dòng sheet", "remove the sheet line"),
    ]
}

#[test]
fn workbooks() {
    check(cases());
}
