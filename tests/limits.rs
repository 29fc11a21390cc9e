//! Hostile inputs (issue 13, families 1 and 2; docs/limits.md): workbooks that would take
//! gigabytes or abort on a giant allocation, pipes and devices where a file is named, files
//! and tables beyond the limits. Each is refused with exit 1 and a message naming the place and
//! what to do, in Vietnamese and English; the fixtures are built here, at run time (zip bombs
//! with the `zip` crate, pipes with `mkfifo`, huge files as sparse files), and none takes more
//! than a few seconds or a few hundred MB.

use std::io::Write;
use std::path::{Path, PathBuf};

use campaign_planner::limits::{
    CELL_CHARS, TABLE_BYTES, TABLE_CELLS, TABLE_COLUMNS, TABLE_ROWS, TOML_TABLES, TOML_VALUES,
    WORKBOOK_ENTRIES, WORKBOOK_PART_BYTES, WORKBOOK_PARTS, WORKBOOK_READ_BYTES, WORKBOOK_STRINGS,
    WORKBOOK_STYLES, WORKBOOK_UNZIPPED_BYTES,
};
use campaign_planner::text::Lang;
use tempfile::TempDir;

use crate::support::{EXIT_BAD_INPUT, EXIT_PLAN, Test};

/// The shipped scenario, absolute: overlays name it as their `base`.
const SHIPPED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/scenarios/lang-son-2020-09-01.toml"
);

/// What a refused command printed: (English, Vietnamese), each checked to be bad input (exit
/// 1, nothing on stdout).
#[track_caller]
fn refused(args: &[&dyn AsRef<std::ffi::OsStr>]) -> (String, String) {
    let run = |lang: &str| {
        let mut test = Test::new();
        for arg in args {
            test = test.arg(arg.as_ref());
        }
        test.lang(lang).run().bad_input().stderr
    };
    (run("en"), run("vi"))
}

#[track_caller]
fn assert_has(text: &str, parts: &[&str]) {
    for part in parts {
        assert!(text.contains(part), "missing {part:?} in:\n{text}");
    }
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, bytes).unwrap();
    path
}

/// A named pipe at `dir/name`: opening it to read would wait for a writer for ever.
fn fifo(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    let c = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path; mkfifo only creates the pipe
    let made = unsafe { libc::mkfifo(c.as_ptr(), 0o644) };
    assert_eq!(made, 0, "mkfifo {}", path.display());
    path
}

/// A sparse file of `size` bytes (no disk space taken).
fn sparse(dir: &Path, name: &str, size: u64) -> PathBuf {
    let path = dir.join(name);
    std::fs::File::create(&path).unwrap().set_len(size).unwrap();
    path
}

// ---- workbooks, built as zip archives here ----

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#;
const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
const WORKBOOK: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
const WORKBOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#;

/// A header row and one district, in inline strings: a valid coverage table on its own.
const TABLE_ROWS_XML: &str = r#"<row r="1"><c r="A1" t="inlineStr"><is><t>Huyện</t></is></c><c r="B1" t="inlineStr"><is><t>Đã cài</t></is></c><c r="C1" t="inlineStr"><is><t>Tổng smartphone</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Hữu Lũng</t></is></c><c r="B2"><v>18019</v></c><c r="C2"><v>78399</v></c></row>"#;

/// A zip archive of `parts` (name, bytes), deflated.
fn zip(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in parts {
        zip.start_file(*name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// The sheet XML around `rows` (`<row>` elements).
fn sheet(rows: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>{rows}</sheetData></worksheet>"
    )
}

/// The shared strings XML holding `strings`.
fn shared(strings: &[&str]) -> String {
    let items: String = strings
        .iter()
        .map(|s| format!("<si><t>{s}</t></si>"))
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">{items}</sst>"
    )
}

/// A one-sheet workbook: the table's rows, then `more` rows, with `strings` shared.
fn workbook(more: &str, strings: &[&str]) -> Vec<u8> {
    let sheet = sheet(&format!("{TABLE_ROWS_XML}{more}"));
    let shared = shared(strings);
    zip(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", RELS.as_bytes()),
        ("xl/workbook.xml", WORKBOOK.as_bytes()),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.as_bytes()),
        ("xl/worksheets/sheet1.xml", sheet.as_bytes()),
        ("xl/sharedStrings.xml", shared.as_bytes()),
    ])
}

/// `campaign import` of the workbook `bytes`, refused: (English, Vietnamese).
#[track_caller]
fn import_refused(bytes: &[u8]) -> (String, String) {
    let dir = TempDir::new().unwrap();
    let path = write(dir.path(), "coverage.xlsx", bytes);
    refused(&[&"import", &path])
}

#[test]
fn a_value_in_the_last_cell_of_a_sheet_is_refused_by_name() {
    // XFD1048576: calamine's range for it is 17 billion cells (an abort on 512 GB)
    let (en, vi) = import_refused(&workbook(
        r#"<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#,
        &[],
    ));
    assert_has(
        &en,
        &[
            "coverage.xlsx: cell XFD1048576 of sheet \"Sheet1\" holds something but is outside what is read",
            "at most 100,000 rows and 1,000 columns (up to cell ALL100000)",
            "hint: delete what lies outside the table (or copy the table to a new sheet), then save",
        ],
    );
    assert_has(
        &vi,
        &[
            "coverage.xlsx: ô XFD1048576 của trang \"Sheet1\" có nội dung nhưng nằm ngoài vùng đọc được",
            "tối đa 100.000 dòng và 1.000 cột (tới ô ALL100000)",
            "gợi ý: xóa những gì nằm ngoài bảng số liệu",
        ],
    );
}

#[test]
fn a_row_past_the_limit_is_named_as_excel_names_it() {
    let row = TABLE_ROWS + 1;
    let (en, vi) = import_refused(&workbook(
        &format!(r#"<row r="{row}"><c r="A{row}" t="inlineStr"><is><t>x</t></is></c></row>"#),
        &[],
    ));
    assert_has(
        &en,
        &["cell A100001 of sheet \"Sheet1\"", "delete what lies"],
    );
    assert_has(&vi, &["ô A100001 của trang \"Sheet1\"", "xóa những gì"]);
    // a column past ALL (the 1,000th)
    let (en, vi) = import_refused(&workbook(
        r#"<row r="3"><c r="AMA3"><v>1</v></c></row>"#,
        &[],
    ));
    assert_eq!(TABLE_COLUMNS, 1_000);
    assert_has(&en, &["cell AMA3 of sheet \"Sheet1\"", "delete what lies"]);
    assert_has(&vi, &["ô AMA3 của trang \"Sheet1\"", "xóa những gì"]);
}

#[test]
fn a_cell_reference_beyond_excels_grid_is_refused_not_a_panic() {
    // references calamine reads into wrapped or giant positions (a capacity overflow)
    for reference in ["ZZZZZZZ5", "A99999999999", "XFE1"] {
        let (en, vi) = import_refused(&workbook(
            &format!(r#"<row r="5"><c r="{reference}"><v>1</v></c></row>"#),
            &[],
        ));
        assert_has(
            &en,
            &[
                "coverage.xlsx: sheet \"Sheet1\" has a cell outside even Excel's grid (beyond cell XFD1048576)",
                "hint: this file was not written properly by Excel: open it in Excel and save it again",
            ],
        );
        assert_has(
            &vi,
            &[
                "trang \"Sheet1\" có một ô nằm ngoài cả vùng của Excel (sau ô XFD1048576)",
                "gợi ý: tệp này không do Excel viết ra đúng cách",
            ],
        );
    }
}

#[test]
fn a_sheet_spanning_more_cells_than_the_limit_is_refused_with_its_span() {
    // two cells: A1 and ALL3000 span 3,000 rows of 1,000 columns
    const { assert!(3_000 * 1_000 > TABLE_CELLS) };
    let (en, vi) = import_refused(&workbook(
        r#"<row r="3000"><c r="ALL3000"><v>1</v></c></row>"#,
        &[],
    ));
    assert_has(
        &en,
        &[
            "sheet \"Sheet1\" spans A1:ALL3000, more than 2,000,000 cells",
            "delete what lies outside the table",
        ],
    );
    assert_has(
        &vi,
        &[
            "trang \"Sheet1\" trải trên vùng A1:ALL3000, hơn 2.000.000 ô",
            "xóa những gì nằm ngoài",
        ],
    );
}

#[test]
fn a_sheet_writing_one_cell_again_and_again_is_refused() {
    let again = r#"<c r="B3"><v>1</v></c>"#.repeat(TABLE_CELLS + 1);
    let (en, vi) = import_refused(&workbook(&format!(r#"<row r="3">{again}</row>"#), &[]));
    assert_has(
        &en,
        &[
            "sheet \"Sheet1\" writes more than 2,000,000 cells",
            "open it in Excel and save it again",
        ],
    );
    assert_has(
        &vi,
        &["trang \"Sheet1\" ghi hơn 2.000.000 ô", "mở tệp bằng Excel"],
    );
}

#[test]
fn a_shared_formula_with_a_giant_index_does_not_abort() {
    // calamine sizes its shared-formula list by the index: 4 billion entries
    let dir = TempDir::new().unwrap();
    let path = write(
        dir.path(),
        "coverage.xlsx",
        workbook(
            r#"<row r="3"><c r="D3"><f t="shared" si="4000000000" ref="D3:D4">B3</f><v>1</v></c></row>"#,
            &[],
        ),
    );
    let out = Test::new().arg("import").arg(&path).run().code(EXIT_PLAN);
    assert!(out.stdout.contains("name = \"Hữu Lũng\""), "{}", out.stdout);
}

#[test]
fn a_cell_longer_than_excel_allows_is_refused_by_name() {
    let long = "a".repeat(CELL_CHARS + 1);
    let (en, vi) = import_refused(&workbook(
        r#"<row r="3"><c r="A3" t="s"><v>0</v></c></row>"#,
        &[&long],
    ));
    assert_has(
        &en,
        &[
            "cell A3 of sheet \"Sheet1\" is 32,768 characters long, above the limit of 32,767 characters per cell (Excel's own)",
            "hint: a coverage cell holds a district's name or a number",
        ],
    );
    assert_has(
        &vi,
        &[
            "ô A3 của trang \"Sheet1\" dài 32.768 ký tự, quá giới hạn 32.767 ký tự mỗi ô",
            "gợi ý: một ô số liệu chỉ cần tên huyện hay một con số",
        ],
    );
}

#[test]
fn one_long_shared_string_in_many_cells_is_refused_by_the_text_limit() {
    // 30,000 characters shared by 1,100 cells: 33 MB of text from a small file
    let long = "a".repeat(30_000);
    let cells: String = (3..1_103)
        .map(|r| format!(r#"<row r="{r}"><c r="D{r}" t="s"><v>0</v></c></row>"#))
        .collect();
    const { assert!(1_100 * 30_000 > TABLE_BYTES) };
    let (en, vi) = import_refused(&workbook(&cells, &[&long]));
    assert_has(
        &en,
        &[
            "the text of the workbook's cells passes 32 MB (by cell D1069 of sheet \"Sheet1\")",
            "delete what lies outside the table",
        ],
    );
    assert_has(
        &vi,
        &["chữ trong các ô của bảng tính vượt quá 32 MB (tới ô D1069 của trang \"Sheet1\")"],
    );
}

/// A workbook whose shared strings unzip to `size` bytes of spaces.
fn bomb(size: usize) -> Vec<u8> {
    let mut strings = shared(&["x"]).into_bytes();
    let end = strings.len() - "</sst>".len();
    strings.splice(end..end, std::iter::repeat_n(b' ', size));
    let sheet = sheet(TABLE_ROWS_XML);
    zip(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", RELS.as_bytes()),
        ("xl/workbook.xml", WORKBOOK.as_bytes()),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.as_bytes()),
        ("xl/worksheets/sheet1.xml", sheet.as_bytes()),
        ("xl/sharedStrings.xml", &strings),
    ])
}

#[test]
fn a_zip_bomb_is_refused_before_it_is_unzipped_into_memory() {
    let bytes = bomb(usize::try_from(WORKBOOK_PART_BYTES).unwrap() + 1_000);
    // about 1,000 to 1: a small file that would take the memory of its unzipped parts
    assert!(bytes.len() < 1_000_000, "{} bytes", bytes.len());
    let (en, vi) = import_refused(&bytes);
    assert_has(
        &en,
        &[
            "coverage.xlsx: the workbook unzips to more than 64 MB in its part xl/sharedStrings.xml",
            "hint: a workbook of every commune of Vietnam unzips to a few MB",
            "save the table's sheet as \"CSV UTF-8\"",
        ],
    );
    assert_has(
        &vi,
        &[
            "coverage.xlsx: bảng tính giải nén ra hơn 64 MB ở phần xl/sharedStrings.xml",
            "gợi ý: bảng tính số liệu của mọi xã trong cả nước giải nén ra chỉ vài MB",
        ],
    );
}

#[test]
fn a_zip_bomb_whose_sizes_lie_is_refused_all_the_same() {
    let mut bytes = bomb(usize::try_from(WORKBOOK_PART_BYTES).unwrap() + 1_000);
    // say 100 bytes unzipped, in the part's local header and in the archive's directory
    let name = b"xl/sharedStrings.xml";
    let mut lied = 0;
    for (signature, size_at, name_at) in [(b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)] {
        let mut at = 0;
        while let Some(found) = bytes[at..].windows(4).position(|w| w == signature) {
            let start = at + found;
            if bytes.get(start + name_at..start + name_at + name.len()) == Some(name) {
                bytes[start + size_at..start + size_at + 4].copy_from_slice(&100u32.to_le_bytes());
                lied += 1;
            }
            at = start + 4;
        }
    }
    assert_eq!(lied, 2, "the part's two declared sizes were found");
    let (en, vi) = import_refused(&bytes);
    // whatever the reader makes of the lie, the workbook is refused, saying what to do
    let refused_en = en.contains("unzips to more than 64 MB") || en.contains("damaged");
    assert!(refused_en, "{en}");
    assert_has(&en, &["coverage.xlsx:", "hint:"]);
    assert_has(&vi, &["coverage.xlsx:", "gợi ý:"]);
}

#[test]
fn parts_unzipping_to_too_much_together_are_refused() {
    let part = vec![b' '; usize::try_from(WORKBOOK_PART_BYTES).unwrap() - 1];
    let parts: usize = usize::try_from(WORKBOOK_UNZIPPED_BYTES / WORKBOOK_PART_BYTES).unwrap() + 1;
    let names: Vec<String> = (1..=parts)
        .map(|i| format!("xl/media/filler{i}.xml"))
        .collect();
    let all: Vec<(&str, &[u8])> = names
        .iter()
        .map(|n| (n.as_str(), part.as_slice()))
        .collect();
    let (en, vi) = import_refused(&zip(&all));
    assert_has(
        &en,
        &[
            "the workbook's parts unzip to more than 256 MB together (by its part xl/media/filler5.xml)",
            "hint: a workbook of every commune of Vietnam unzips to a few MB",
        ],
    );
    assert_has(
        &vi,
        &["các phần của bảng tính giải nén ra hơn 256 MB (tới phần xl/media/filler5.xml)"],
    );
}

#[test]
fn sheets_that_all_read_one_part_are_stopped_by_what_they_unzip() {
    // 20 sheets naming one part of 60 MB of empty rows: each read of a sheet unzips it again
    let sheets: String = (1..=20)
        .map(|i| format!(r#"<sheet name="S{i}" sheetId="{i}" r:id="rId1"/>"#))
        .collect();
    let workbook = WORKBOOK.replace(r#"<sheet name="Sheet1" sheetId="1" r:id="rId1"/>"#, &sheets);
    let rows = sheet(&r#"<row r="1"/>"#.repeat(5_000_000));
    assert!(20 * rows.len() as u64 > WORKBOOK_READ_BYTES);
    let bytes = zip(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", RELS.as_bytes()),
        ("xl/workbook.xml", workbook.as_bytes()),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.as_bytes()),
        ("xl/worksheets/sheet1.xml", rows.as_bytes()),
        ("xl/sharedStrings.xml", shared(&[]).as_bytes()),
    ]);
    // read once, worded in both languages (each read takes seconds)
    let dir = TempDir::new().unwrap();
    let path = write(dir.path(), "coverage.xlsx", bytes);
    let err = campaign_planner::import::read(&path).unwrap_err();
    let (en, vi) = (err.render(Lang::En), err.render(Lang::Vi));
    assert_has(
        &en,
        &[
            "coverage.xlsx: reading the workbook's sheets would unzip more than 512 MB (its sheets read the same parts again and again)",
            "hint: this file was not written properly by Excel: open it in Excel and save it again",
        ],
    );
    assert_has(
        &vi,
        &[
            "coverage.xlsx: đọc các trang của bảng tính phải giải nén hơn 512 MB",
            "gợi ý: tệp này không do Excel viết ra đúng cách",
        ],
    );
}

#[test]
fn an_archive_of_too_many_parts_is_refused() {
    let names: Vec<String> = (0..=WORKBOOK_PARTS).map(|i| format!("p{i}")).collect();
    let parts: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b""[..])).collect();
    let (en, vi) = import_refused(&zip(&parts));
    assert_has(
        &en,
        &["the workbook's zip archive has 10,001 parts, above the limit of 10,000"],
    );
    assert_has(
        &vi,
        &["tệp nén của bảng tính có 10.001 phần, quá giới hạn 10.000"],
    );
}

#[test]
fn a_workbook_cut_short_is_damaged_not_library_text() {
    let bytes = workbook("", &[]);
    let (en, vi) = import_refused(&bytes[..bytes.len() / 2]);
    assert_has(
        &en,
        &[
            "coverage.xlsx: the Excel file is damaged or incomplete",
            "hint: open it in Excel and save it again, or ask the sender for the file again",
        ],
    );
    assert_has(
        &vi,
        &[
            "coverage.xlsx: tệp Excel bị hỏng hoặc không trọn vẹn",
            "gợi ý: mở tệp bằng Excel rồi lưu lại",
        ],
    );
}

/// The one-district workbook with the part `name` added (or replaced) as `xml`.
fn workbook_with(name: &str, xml: &str) -> Vec<u8> {
    let sheet = sheet(TABLE_ROWS_XML);
    let shared = shared(&[]);
    let mut parts: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", RELS.as_bytes()),
        ("xl/workbook.xml", WORKBOOK.as_bytes()),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.as_bytes()),
        ("xl/worksheets/sheet1.xml", sheet.as_bytes()),
        ("xl/sharedStrings.xml", shared.as_bytes()),
    ];
    parts.retain(|(n, _)| *n != name);
    parts.push((name, xml.as_bytes()));
    zip(&parts)
}

// F01: a few kB of `<xf/>` or `<si/>` each cost calamine a hundred bytes or more, held; the
// parts are counted before calamine reads them
#[test]
fn a_workbook_listing_more_cell_formats_than_the_limit_is_refused_by_its_part() {
    let styles = format!(
        r#"<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="1">{}</cellXfs></styleSheet>"#,
        "<xf/>".repeat(WORKBOOK_STYLES + 1)
    );
    let (en, vi) = import_refused(&workbook_with("xl/styles.xml", &styles));
    assert_has(
        &en,
        &[
            "coverage.xlsx: the workbook's part xl/styles.xml lists 100,001 cell formats",
            "above the limit of 100,000",
            "hint: a workbook of every commune of Vietnam needs",
            "docs/limits.md",
        ],
    );
    assert_has(
        &vi,
        &[
            "coverage.xlsx: phần xl/styles.xml của bảng tính có 100.001 định dạng ô",
            "quá giới hạn 100.000",
        ],
    );
    // as many as the limit allows: the table is read
    let styles = styles.replacen("<xf/>", "", 1);
    let dir = TempDir::new().unwrap();
    let path = write(
        dir.path(),
        "coverage.xlsx",
        workbook_with("xl/styles.xml", &styles),
    );
    Test::new().arg("import").arg(&path).run().code(EXIT_PLAN);
}

#[test]
fn a_workbook_of_millions_of_empty_shared_strings_is_refused_by_its_count() {
    let strings = format!(
        r#"<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{}</sst>"#,
        "<si/>".repeat(WORKBOOK_STRINGS + 1)
    );
    let (en, vi) = import_refused(&workbook_with("xl/sharedStrings.xml", &strings));
    assert_has(
        &en,
        &[
            "coverage.xlsx: the workbook's part xl/sharedStrings.xml lists 2,000,001 shared strings, above the limit of 2,000,000",
        ],
    );
    assert_has(
        &vi,
        &[
            "phần xl/sharedStrings.xml của bảng tính có 2.000.001 chuỗi dùng chung, quá giới hạn 2.000.000",
        ],
    );
}

#[test]
fn a_workbook_listing_more_sheets_than_the_limit_is_refused() {
    let sheets: String = (0..=WORKBOOK_ENTRIES)
        .map(|i| format!(r#"<sheet name="S{i}" sheetId="{i}" r:id="rId1"/>"#))
        .collect();
    let workbook = WORKBOOK.replace(r#"<sheet name="Sheet1" sheetId="1" r:id="rId1"/>"#, &sheets);
    let (en, vi) = import_refused(&workbook_with("xl/workbook.xml", &workbook));
    assert_has(
        &en,
        &[
            "the workbook's part xl/workbook.xml lists 10,001 entries (sheets, defined names, links between parts), above the limit of 10,000",
        ],
    );
    assert_has(&vi, &["phần xl/workbook.xml của bảng tính có 10.001 mục"]);
}

#[test]
fn a_workbook_larger_than_a_table_may_be_is_not_read() {
    let dir = TempDir::new().unwrap();
    let path = sparse(dir.path(), "coverage.xlsx", 1_500_000_000);
    let (en, vi) = refused(&[&"import", &path]);
    assert_has(
        &en,
        &[
            "coverage.xlsx: the coverage file",
            "is 1.5 GB, above the limit of 32 MB",
            "hint: check that this is the file you meant; docs/limits.md",
        ],
    );
    assert_has(
        &vi,
        &[
            "nặng 1,5 GB, quá giới hạn 32 MB",
            "gợi ý: kiểm tra đây đúng là tệp cần đọc; docs/limits.md",
        ],
    );
}

// ---- CSV tables ----

#[test]
fn a_200_mb_csv_is_refused_by_its_size() {
    let dir = TempDir::new().unwrap();
    let path = sparse(dir.path(), "coverage.csv", 200_000_000);
    let (en, vi) = refused(&[&"import", &path]);
    assert_has(
        &en,
        &[
            "coverage.csv: the coverage file",
            "coverage.csv is 200 MB, above the limit of 32 MB",
            "docs/limits.md says why this limit exists",
        ],
    );
    assert_has(
        &vi,
        &[
            "coverage.csv nặng 200 MB, quá giới hạn 32 MB",
            "docs/limits.md nói vì sao có giới hạn này",
        ],
    );
}

#[test]
fn a_csv_line_of_100000_cells_is_refused_at_its_line() {
    let mut text = String::from("Huyện;Đã cài;Tổng smartphone\n");
    text.push_str(&"1;".repeat(100_000));
    text.push('\n');
    let dir = TempDir::new().unwrap();
    let path = write(dir.path(), "coverage.csv", text);
    let (en, vi) = refused(&[&"import", &path]);
    assert_has(
        &en,
        &[
            "coverage.csv:2: line 2 has 100,001 cells, above the limit of 1,000 columns",
            "hint: a table of every commune of Vietnam is about 10,600 rows",
        ],
    );
    assert_has(
        &vi,
        &[
            "coverage.csv:2: dòng 2 có 100.001 ô, quá giới hạn 1.000 cột",
            "gợi ý: bảng số liệu của mọi xã trong cả nước chỉ khoảng 10.600 dòng",
        ],
    );
}

#[test]
fn a_csv_cell_of_megabytes_is_refused_at_its_line_and_cell() {
    let text = format!(
        "Huyện;Đã cài;Tổng smartphone\nHữu Lũng;{};78399\n",
        "1".repeat(5_000_000)
    );
    let dir = TempDir::new().unwrap();
    let path = write(dir.path(), "coverage.csv", text);
    let (en, vi) = refused(&[&"import", &path]);
    assert_has(
        &en,
        &[
            "coverage.csv:2: cell 2 of line 2 is 5,000,000 characters long, above the limit of 32,767",
            "hint: a coverage cell holds a district's name or a number",
        ],
    );
    assert_has(
        &vi,
        &["coverage.csv:2: ô thứ 2 của dòng 2 dài 5.000.000 ký tự, quá giới hạn 32.767"],
    );
    // the megabytes are not echoed under the message
    assert!(en.len() < 2_000, "{} bytes of message", en.len());
}

#[test]
fn a_csv_of_more_rows_than_the_limit_is_refused_at_the_first_row_beyond() {
    let mut text = String::from("Huyện;Đã cài;Tổng smartphone\n");
    for i in 0..TABLE_ROWS {
        text.push_str(&format!("X{i};1;2\n"));
    }
    let dir = TempDir::new().unwrap();
    let path = write(dir.path(), "coverage.csv", text);
    let (en, vi) = refused(&[&"import", &path]);
    assert_has(
        &en,
        &[
            "coverage.csv:100001: the table has more than 100,000 rows (row 100001 is beyond the limit)",
        ],
    );
    assert_has(
        &vi,
        &["coverage.csv:100001: bảng có hơn 100.000 dòng (dòng 100001 vượt giới hạn)"],
    );
}

#[test]
fn a_csv_of_more_cells_than_the_limit_is_refused_at_its_line() {
    // 3,000 lines of 1,000 cells
    let mut text = String::from("Huyện;Đã cài;Tổng smartphone\n");
    let line = format!("{}1\n", "1;".repeat(TABLE_COLUMNS - 1));
    for _ in 0..3_000 {
        text.push_str(&line);
    }
    let dir = TempDir::new().unwrap();
    let path = write(dir.path(), "coverage.csv", text);
    let (en, vi) = refused(&[&"import", &path]);
    assert_has(
        &en,
        &["coverage.csv:2001: the table has more than 2,000,000 cells (by line 2001)"],
    );
    assert_has(
        &vi,
        &["coverage.csv:2001: bảng có hơn 2.000.000 ô (tới dòng 2001)"],
    );
}

// F38: 1,990 rows of 1,000 heading-like cells, no header: each cell was matched as a heading
// (37 s for `import`, 20 s as a scenario's coverage) before the first row was said to be wrong
#[test]
fn a_table_of_heading_like_cells_is_judged_in_seconds() {
    let mut text = String::new();
    let line: Vec<String> = (0..TABLE_COLUMNS).map(|i| format!("Đã cài {i}")).collect();
    let line = format!("{}\n", line.join(","));
    for _ in 0..1_990 {
        text.push_str(&line);
    }
    assert!(text.len() as u64 > 25 * campaign_planner::limits::MB);
    let dir = TempDir::new().unwrap();
    let path = write(dir.path(), "coverage.csv", &text);
    let scenario = write(dir.path(), "s.toml", with_coverage("coverage.csv"));
    for (args, said) in [
        (
            vec!["import".into(), path.clone().into_os_string()],
            "two columns both read as installed counts",
        ),
        (
            vec!["plan".into(), scenario.into_os_string()],
            "`Đã cài 1` is another installed column",
        ),
    ] {
        let started = std::time::Instant::now();
        let out = Test::new().args(args).lang("en").run().bad_input();
        let took = started.elapsed();
        assert_has(&out.stderr, &["coverage.csv:1", said]);
        assert!(
            took < std::time::Duration::from_secs(15),
            "took {took:?}:\n{}",
            out.stderr
        );
    }
}

/// A header below the first HEADER_ROWS filled rows is not looked for: the rows above it are
/// the table's body, and the message says what the best of them lacks.
#[test]
fn the_header_is_looked_for_among_the_first_rows() {
    let mut text = String::new();
    for i in 0..campaign_planner::limits::HEADER_ROWS {
        text.push_str(&format!("Ghi chú {i}\n"));
    }
    text.push_str("Huyện;Đã cài;Tổng smartphone\nHữu Lũng;18019;78399\n");
    let dir = TempDir::new().unwrap();
    let path = write(dir.path(), "coverage.csv", &text);
    let (en, _) = refused(&[&"import", &path]);
    assert_has(&en, &["coverage.csv:1:"]);
    // one title row fewer: the header is found
    let path = write(dir.path(), "ok.csv", text.split_once('\n').unwrap().1);
    Test::new().arg("import").arg(&path).run().code(EXIT_PLAN);
}

// F15: a sheet's name reached the terminal raw in the import report (an escape sequence that
// sets the terminal's title or clears it, a mark that reverses the line)
#[test]
fn control_characters_in_sheet_names_are_escaped_in_the_report() {
    let workbook = WORKBOOK.replace(
        r#"<sheet name="Sheet1" sheetId="1" r:id="rId1"/>"#,
        "<sheet name=\"Sh\u{1b}[31meet\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"A\u{202e}B\" sheetId=\"2\" r:id=\"rId1\"/>",
    );
    let dir = TempDir::new().unwrap();
    let path = write(
        dir.path(),
        "coverage.xlsx",
        workbook_with("xl/workbook.xml", &workbook),
    );
    for lang in ["en", "vi"] {
        let out = Test::new()
            .arg("import")
            .arg(&path)
            .lang(lang)
            .run()
            .code(EXIT_PLAN);
        assert_has(&out.stderr, &["\"Sh\\u{1b}[31meet\"", "\"A\\u{202e}B\""]);
        assert!(
            !out.stderr.contains(['\u{1b}', '\u{202e}']),
            "raw: {}",
            out.stderr
        );
    }
}

#[test]
fn a_table_of_every_commune_of_vietnam_imports() {
    // 10,600 units, the biggest legitimate table: within every limit (and read in linear
    // time: each name's twin is looked up, not searched for)
    let mut text = String::from("Huyện;Đã cài;Tổng smartphone\n");
    for i in 0..10_600 {
        text.push_str(&format!("Xã số {i};{};{}\n", 1_000 + i, 5_000 + i));
    }
    let dir = TempDir::new().unwrap();
    let path = write(dir.path(), "communes.csv", text);
    let out = Test::new().arg("import").arg(&path).run().code(EXIT_PLAN);
    assert_eq!(out.stdout.matches("[[district]]").count(), 10_600);
}

// ---- pipes, devices and folders where a file is named ----

/// A scenario naming `coverage` (line 6) as its coverage table.
fn with_coverage(coverage: &str) -> String {
    format!(
        "name = \"Test\"\nas_of = 2020-09-01\nhorizon_days = 14\nobjective = \"max-installs\"\nrules = []\ncoverage = \"{coverage}\"\n\n[target]\nprovincial_rate = 0.40\n\n[[team_kind]]\nname = \"volunteer\"\nscope = \"provincial\"\navailable = 30\ninstalls_per_team_day = 40\ncost_per_team_day = 300_000\n"
    )
}

/// The message of a pipe, in both languages, after `what` (the file as messages name it).
#[track_caller]
fn assert_pipe(en: &str, vi: &str, what_en: &str, what_vi: &str) {
    assert_has(
        en,
        &[
            &format!("{what_en} is a named pipe (FIFO), not a regular file"),
            "hint: name a file saved on disk: the tool does not read from a pipe, a device or a socket",
        ],
    );
    assert_has(
        vi,
        &[
            &format!("{what_vi} là một ống dẫn (FIFO), không phải tệp thông thường"),
            "gợi ý: ghi đường dẫn tới một tệp lưu trên đĩa",
        ],
    );
}

/// The message of a device.
#[track_caller]
fn assert_device(en: &str, vi: &str, what_en: &str, what_vi: &str) {
    assert_has(
        en,
        &[
            &format!("{what_en} is a device, not a regular file"),
            "hint: name a file saved on disk",
        ],
    );
    assert_has(
        vi,
        &[
            &format!("{what_vi} là một thiết bị, không phải tệp thông thường"),
            "gợi ý: ghi đường dẫn tới một tệp lưu trên đĩa",
        ],
    );
}

#[test]
fn a_pipe_or_a_device_as_the_scenario_is_not_opened() {
    let dir = TempDir::new().unwrap();
    let pipe = fifo(dir.path(), "scenario.toml");
    let (en, vi) = refused(&[&"plan", &pipe]);
    assert_pipe(&en, &vi, "the scenario file", "tệp kịch bản");
    assert!(
        en.starts_with(&format!("error: {}: ", pipe.display())),
        "{en}"
    );
    for device in ["/dev/zero", "/dev/null"] {
        let (en, vi) = refused(&[&"plan", &device]);
        assert!(en.starts_with(&format!("error: {device}: ")), "{en}");
        assert_device(&en, &vi, "the scenario file", "tệp kịch bản");
    }
}

#[test]
fn a_pipe_or_a_device_as_the_coverage_table_is_said_at_the_line_naming_it() {
    let dir = TempDir::new().unwrap();
    fifo(dir.path(), "pipe.csv");
    let scenario = write(dir.path(), "scenario.toml", with_coverage("pipe.csv"));
    let (en, vi) = refused(&[&"plan", &scenario]);
    assert_has(
        &en,
        &["scenario.toml:6:12: field `coverage`: the coverage file"],
    );
    assert_has(&vi, &["scenario.toml:6:12: mục `coverage`: tệp số liệu"]);
    assert_pipe(&en, &vi, "pipe.csv", "pipe.csv");
    let scenario = write(dir.path(), "zero.toml", with_coverage("/dev/zero"));
    let (en, vi) = refused(&[&"plan", &scenario]);
    assert_has(&en, &["zero.toml:6:12: field `coverage`"]);
    assert_device(&en, &vi, "/dev/zero", "/dev/zero");
}

#[test]
fn a_pipe_or_a_device_as_the_base_is_said_at_the_line_naming_it() {
    let dir = TempDir::new().unwrap();
    fifo(dir.path(), "base.toml");
    for (base, pipe) in [("base.toml", true), ("/dev/zero", false)] {
        let overlay = write(
            dir.path(),
            "overlay.toml",
            format!("base = \"{base}\"\nname = \"x\"\n"),
        );
        let (en, vi) = refused(&[&"plan", &overlay]);
        assert_has(&en, &["overlay.toml:1:8: field `base`: the base scenario"]);
        assert_has(&vi, &["overlay.toml:1:8: mục `base`: "]);
        if pipe {
            assert_pipe(&en, &vi, "base.toml", "base.toml");
        } else {
            assert_device(&en, &vi, "/dev/zero", "/dev/zero");
        }
    }
}

#[test]
fn a_pipe_or_a_device_as_a_history_snapshot_is_said_at_the_line_naming_it() {
    let dir = TempDir::new().unwrap();
    fifo(dir.path(), "snapshot.csv");
    for (file, pipe) in [("snapshot.csv", true), ("/dev/zero", false)] {
        let overlay = write(
            dir.path(),
            "history.toml",
            format!(
                "base = \"{SHIPPED}\"\nname = \"x\"\n\n[[history]]\ndate = 2020-08-25\nfile = \"{file}\"\n"
            ),
        );
        let (en, vi) = refused(&[&"plan", &overlay]);
        assert_has(
            &en,
            &["history.toml:6:8: field `history.file`: the coverage file"],
        );
        assert_has(&vi, &["history.toml:6:8: mục `history.file`: tệp số liệu"]);
        if pipe {
            assert_pipe(&en, &vi, "snapshot.csv", "snapshot.csv");
        } else {
            assert_device(&en, &vi, "/dev/zero", "/dev/zero");
        }
    }
}

#[test]
fn a_pipe_or_a_device_as_the_table_to_import_is_not_opened() {
    let dir = TempDir::new().unwrap();
    let pipe = fifo(dir.path(), "coverage.csv");
    let (en, vi) = refused(&[&"import", &pipe]);
    assert_pipe(&en, &vi, "coverage.csv", "coverage.csv");
    let pipe = fifo(dir.path(), "coverage.xlsx");
    let (en, vi) = refused(&[&"import", &pipe]);
    assert_pipe(&en, &vi, "coverage.xlsx", "coverage.xlsx");
    let (en, vi) = refused(&[&"import", &"/dev/zero"]);
    assert_device(
        &en,
        &vi,
        "the coverage file /dev/zero",
        "tệp số liệu /dev/zero",
    );
}

#[test]
fn a_folder_as_the_table_to_import_is_a_folder() {
    let dir = TempDir::new().unwrap();
    let folder = dir.path().join("coverage.xlsx");
    std::fs::create_dir(&folder).unwrap();
    let (en, vi) = refused(&[&"import", &folder]);
    assert_has(
        &en,
        &[
            "coverage.xlsx is a folder, not a file",
            "hint: check the path",
        ],
    );
    assert_has(
        &vi,
        &[
            "coverage.xlsx là một thư mục, không phải tệp",
            "gợi ý: kiểm tra đường dẫn",
        ],
    );
}

// ---- rule files ----

/// A scenario (in `dir`) whose rules are `rules` (written as a TOML list's items).
fn with_rules(dir: &Path, rules: &str) -> PathBuf {
    let toml = with_coverage("coverage.csv").replace("rules = []", &format!("rules = [{rules}]"));
    write(
        dir,
        "coverage.csv",
        "name,installed,smartphones\nHữu Lũng,18019,78399\n",
    );
    write(dir, "scenario.toml", toml)
}

#[test]
fn a_device_or_a_pipe_as_a_rule_file_is_not_a_regular_file_not_missing() {
    let dir = TempDir::new().unwrap();
    fifo(dir.path(), "pipe.rhai");
    for (rule, pipe) in [("pipe.rhai", true), ("/dev/null", false)] {
        let scenario = with_rules(dir.path(), &format!("\"{rule}\""));
        let (en, vi) = refused(&[&"plan", &scenario]);
        assert_has(&en, &["scenario.toml:5:10: field `rules`: the rule file"]);
        assert_has(&vi, &["scenario.toml:5:10: mục `rules`: tệp quy tắc"]);
        assert!(!en.contains("not found"), "{en}");
        if pipe {
            assert_pipe(&en, &vi, "pipe.rhai", "pipe.rhai");
        } else {
            assert_device(&en, &vi, "/dev/null", "/dev/null");
        }
    }
}

#[test]
fn a_pipe_in_a_rules_folder_is_named_not_left_out() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "rules/a.rhai",
        "fn before_solve(district, scenario) {}\n",
    );
    fifo(&dir.path().join("rules"), "b.rhai");
    let scenario = with_rules(dir.path(), "\"rules\"");
    let (en, vi) = refused(&[&"plan", &scenario]);
    assert_pipe(&en, &vi, "the rule file `b`", "tệp quy tắc `b`");
    assert_has(&en, &["b.rhai: the rule file `b`"]);
}

#[test]
fn a_binary_rule_file_is_said_to_be_not_text() {
    let dir = TempDir::new().unwrap();
    // a picture's first bytes, and a NUL-filled file that is valid UTF-8
    for (bytes, line_col) in [
        (&b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"[..], ":1:1:"),
        (&b"fn before_solve(d, s) {}\n// \xff\n"[..], ":2:4:"),
        (&[0u8; 64][..], ":1:1:"),
    ] {
        write(dir.path(), "picture.rhai", bytes);
        let scenario = with_rules(dir.path(), "\"picture.rhai\"");
        let (en, vi) = refused(&[&"plan", &scenario]);
        assert_has(
            &en,
            &[
                &format!(
                    "picture.rhai{line_col} the rule file `picture` is not UTF-8 text (it may be a binary file"
                ),
                "hint: a rule file is plain text, written in an editor (Notepad, VS Code) and saved as UTF-8",
            ],
        );
        assert_has(
            &vi,
            &[
                "tệp quy tắc `picture` không phải văn bản UTF-8 (có thể là một tệp nhị phân",
                "gợi ý: tệp quy tắc là văn bản thuần",
            ],
        );
        // no library text, no binary bytes echoed
        assert!(!en.contains("stream did not contain"), "{en}");
        assert!(!en.contains("PNG"), "{en}");
    }
}

#[test]
fn a_rule_file_larger_than_a_megabyte_is_refused() {
    let dir = TempDir::new().unwrap();
    sparse(dir.path(), "huge.rhai", 2_000_000);
    let scenario = with_rules(dir.path(), "\"huge.rhai\"");
    let (en, vi) = refused(&[&"plan", &scenario]);
    assert_has(
        &en,
        &[
            "huge.rhai: the rule file `huge` is 2 MB, above the limit of 1 MB",
            "hint: check that this is the file you meant; docs/limits.md",
        ],
    );
    assert_has(
        &vi,
        &["huge.rhai: tệp quy tắc `huge` nặng 2 MB, quá giới hạn 1 MB"],
    );
}

#[test]
fn too_many_rule_files_or_too_many_bytes_of_rules_together_are_refused_before_reading() {
    use campaign_planner::limits::{RULE_FILES, RULES_BYTES};
    // a folder of 201 rule files
    let dir = TempDir::new().unwrap();
    for i in 0..=RULE_FILES {
        write(dir.path(), &format!("many/r{i:03}.rhai"), "");
    }
    let scenario = with_rules(dir.path(), "\"many\"");
    let (en, vi) = refused(&[&"plan", &scenario]);
    assert_has(
        &en,
        &[
            "scenario.toml:",
            "field `rules`: `rules` names 201 rule files (the files in its folders counted), at most 200",
            "hint: check that the folders named in `rules` are rule folders",
        ],
    );
    assert_has(
        &vi,
        &["mục `rules` ghi 201 tệp quy tắc", "nhiều nhất là 200"],
    );
    // nine rule files of 0.95 MB each, sparse: none is read
    let dir = TempDir::new().unwrap();
    let names: Vec<String> = (0..9)
        .map(|i| {
            sparse(dir.path(), &format!("big{i}.rhai"), 950_000);
            format!("\"big{i}.rhai\"")
        })
        .collect();
    const { assert!(9 * 950_000 > RULES_BYTES) };
    let scenario = with_rules(dir.path(), &names.join(", "));
    let (en, vi) = refused(&[&"plan", &scenario]);
    assert_has(
        &en,
        &["field `rules`: the rule files of `rules` are 8.6 MB together, at most 8 MB"],
    );
    assert_has(
        &vi,
        &["các tệp quy tắc của mục `rules` nặng 8,6 MB cộng lại"],
    );
}

#[test]
fn too_many_history_snapshots_or_too_many_bytes_of_them_are_refused_before_reading() {
    use campaign_planner::limits::{HISTORY_BYTES, HISTORY_SNAPSHOTS};
    let dir = TempDir::new().unwrap();
    let entries = |n: usize, file: &dyn Fn(usize) -> String| -> String {
        (0..n)
            .map(|i| {
                // distinct dates before 2020-09-01, one a day back from 2020-08-31
                format!(
                    "[[history]]\ndate = {}\nfile = \"{}\"\n\n",
                    day_before(i),
                    file(i)
                )
            })
            .collect()
    };
    let overlay = write(
        dir.path(),
        "history.toml",
        format!(
            "base = \"{SHIPPED}\"\nname = \"x\"\n\n{}",
            entries(HISTORY_SNAPSHOTS + 1, &|_| "s.csv".to_string())
        ),
    );
    let (en, vi) = refused(&[&"plan", &overlay]);
    assert_has(
        &en,
        &[
            "history.toml:4:",
            "[[history]] has 367 snapshots, at most 366",
            "hint: the install pace needs only recent snapshots",
        ],
    );
    assert_has(&vi, &["[[history]] có 367 ảnh chụp, nhiều nhất là 366"]);
    // nine snapshots of 30 MB each, sparse: the ninth takes them past 256 MB, none is read
    for i in 0..9 {
        sparse(dir.path(), &format!("s{i}.csv"), 30_000_000);
    }
    const { assert!(9 * 30_000_000 > HISTORY_BYTES && 8 * 30_000_000 <= HISTORY_BYTES) };
    let overlay = write(
        dir.path(),
        "history.toml",
        format!(
            "base = \"{SHIPPED}\"\nname = \"x\"\n\n{}",
            entries(9, &|i| format!("s{i}.csv"))
        ),
    );
    let (en, vi) = refused(&[&"plan", &overlay]);
    assert_has(
        &en,
        &[
            "history.toml:38:8: field `history.file`: the files of the [[history]] snapshots, up to",
            "s8.csv, are more than 256 MB together",
            "hint: drop older snapshots",
        ],
    );
    assert_has(
        &vi,
        &[
            "các tệp ảnh chụp của [[history]], tính đến",
            "nặng hơn 256 MB cộng lại",
        ],
    );
}

#[test]
fn more_than_a_thousand_params_are_refused_at_the_first_past_the_limit() {
    // the base's own come first, so the 1,001st is k994. 50,000 keys took 37 s to load (each
    // value's place was found by reading the file from its start); 990,000 took 17 s and 2 GB
    // to plan
    let dir = TempDir::new().unwrap();
    let keys: String = (0..50_000).map(|i| format!("k{i} = 1\n")).collect();
    let overlay = write(
        dir.path(),
        "many.toml",
        format!("base = \"{SHIPPED}\"\nname = \"x\"\n\n[params]\n{keys}"),
    );
    let (en, vi) = refused(&[&"plan", &overlay]);
    assert_has(
        &en,
        &[
            "many.toml:999:8: field `params.k994`: [params] has more than 1,000 parameters; this is parameter 1,001",
            "hint: a parameter should hold what a rule needs",
        ],
    );
    assert_has(
        &vi,
        &["[params] có hơn 1.000 tham số; đây là tham số thứ 1.001"],
    );
}

/// The date `i` days before 2020-08-31, as TOML writes it.
fn day_before(i: usize) -> String {
    let mut day = 0i64 - i as i64;
    let (mut y, mut m, mut d) = (2020i64, 8i64, 31i64);
    let days_in = |y: i64, m: i64| match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if y % 4 == 0 => 29,
        _ => 28,
    };
    while day < 0 {
        d -= 1;
        if d == 0 {
            m -= 1;
            if m == 0 {
                m = 12;
                y -= 1;
            }
            d = days_in(y, m);
        }
        day += 1;
    }
    format!("{y:04}-{m:02}-{d:02}")
}

#[test]
fn rules_check_and_rules_test_do_not_open_a_pipe() {
    let dir = TempDir::new().unwrap();
    let pipe = fifo(dir.path(), "pipe.rhai");
    let out = Test::new()
        .args(["rules", "check"])
        .arg(&pipe)
        .lang("en")
        .run();
    assert_eq!(out.code, EXIT_BAD_INPUT, "{}", out.stderr);
    assert_has(
        &out.stderr,
        &["the rule file `pipe` is a named pipe (FIFO)"],
    );
    let pipe = fifo(dir.path(), "case.toml");
    for lang in ["en", "vi"] {
        let out = Test::new()
            .args(["rules", "test"])
            .arg(&pipe)
            .lang(lang)
            .run();
        assert_eq!(out.code, EXIT_BAD_INPUT, "{}", out.stderr);
        assert_has(
            &out.stderr,
            &[if lang == "en" {
                "case.toml: the test file is a named pipe (FIFO), not a regular file"
            } else {
                "case.toml: tệp kiểm thử là một ống dẫn (FIFO), không phải tệp thông thường"
            }],
        );
    }
}

// ---- TOML files ----

#[test]
fn a_scenario_file_larger_than_the_limit_is_not_read() {
    let dir = TempDir::new().unwrap();
    let path = sparse(dir.path(), "scenario.toml", 17_000_000);
    let (en, vi) = refused(&[&"plan", &path]);
    assert_has(
        &en,
        &[
            "scenario.toml: the scenario file is 17 MB, above the limit of 16 MB",
            "hint: check that this is the file you meant",
        ],
    );
    assert_has(
        &vi,
        &["scenario.toml: tệp kịch bản nặng 17 MB, quá giới hạn 16 MB"],
    );
}

#[test]
fn a_scenario_of_too_many_tables_is_refused_before_it_is_parsed() {
    // each `[[x]]` with a dotted key: three tables counted, about 2.7 kB once parsed
    let dir = TempDir::new().unwrap();
    let entries = TOML_TABLES / 3 + 1;
    let path = write(
        dir.path(),
        "scenario.toml",
        "[[x]]\na.b = 0\n".repeat(entries),
    );
    let (en, vi) = refused(&[&"plan", &path]);
    let line = 2 * (TOML_TABLES / 3 + 1);
    assert_has(
        &en,
        &[
            &format!(
                "scenario.toml:{line}: the file has more than 200,000 tables, lists and dotted keys (by line {line})"
            ),
            "hint: a scenario of every commune of Vietnam (10,600 [[district]] entries) has about 32,000 tables",
            "`coverage = \"coverage.csv\"`",
        ],
    );
    assert_has(
        &vi,
        &[
            "tệp có hơn 200.000 bảng, danh sách và khóa có dấu chấm",
            "gợi ý: kịch bản của mọi xã trong cả nước",
        ],
    );
}

#[test]
fn a_scenario_of_too_many_values_is_refused_before_it_is_parsed() {
    let dir = TempDir::new().unwrap();
    let text = format!("x = [{}]\n", "0,".repeat(TOML_VALUES + 1));
    let path = write(dir.path(), "scenario.toml", text);
    let (en, vi) = refused(&[&"plan", &path]);
    assert_has(
        &en,
        &["scenario.toml:1: the file has more than 1,000,000 values (by line 1)"],
    );
    assert_has(
        &vi,
        &["scenario.toml:1: tệp có hơn 1.000.000 giá trị (tới dòng 1)"],
    );
    // the two-megabyte line is not echoed under the message
    assert!(en.len() < 2_000, "{} bytes of message", en.len());
}
