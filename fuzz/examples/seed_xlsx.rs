//! Seeds for the `coverage_xlsx` target: small workbooks as a department saves them from Excel
//! (the letter's table with a title row, a plain table, a rate column and a total row, two
//! sheets), each also broken as tests/catalogue/workbooks.rs breaks them, written by
//! rust_xlsxwriter into the folder given (`cargo run --example seed_xlsx -- DIR`; seed.sh).

use std::path::Path;

use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook, Worksheet, XlsxError};

/// The shipped districts: name, installed, smartphones, commune teams, quarantine.
const DISTRICTS: [(&str, u32, u32, u32, u32); 11] = [
    ("Thành phố Lạng Sơn", 39_911, 96_818, 8, 60),
    ("Hữu Lũng", 18_019, 78_399, 24, 15),
    ("Cao Lộc", 16_752, 58_196, 22, 120),
    ("Lộc Bình", 15_725, 53_067, 21, 40),
    ("Tràng Định", 11_354, 37_092, 22, 20),
    ("Chi Lăng", 10_285, 43_471, 20, 10),
    ("Bắc Sơn", 9_812, 36_584, 18, 10),
    ("Văn Lãng", 8_727, 34_823, 17, 80),
    ("Văn Quan", 7_494, 32_138, 17, 10),
    ("Bình Gia", 7_186, 29_057, 19, 10),
    ("Đình Lập", 6_651, 20_175, 12, 15),
];

type Edit = fn(&mut Worksheet) -> Result<(), XlsxError>;

/// The letter's table: a title on row 1, the header on row 3, the districts from row 4.
fn letter(sheet: &mut Worksheet, districts: usize) -> Result<(), XlsxError> {
    sheet.write_string(0, 0, "Số liệu cài đặt Bluezone ngày 01/9/2020")?;
    for (col, cell) in (0..).zip(["Huyện", "Đã cài Bluezone", "Tổng smartphone", "commune"])
    {
        sheet.write_string(2, col, cell)?;
    }
    for (row, (name, installed, smartphones, commune, _)) in
        (3..).zip(DISTRICTS.iter().take(districts))
    {
        sheet.write_string(row, 0, *name)?;
        sheet.write_number(row, 1, *installed)?;
        sheet.write_number(row, 2, *smartphones)?;
        sheet.write_number(row, 3, *commune)?;
    }
    Ok(())
}

/// A plain table: the header on row 1 with a cohort column, a rate column and a total row.
fn plain(sheet: &mut Worksheet) -> Result<(), XlsxError> {
    let header = [
        "name",
        "installed",
        "smartphones",
        "commune",
        "quarantine",
        "Tỷ lệ",
    ];
    for (col, cell) in (0..).zip(header) {
        sheet.write_string(0, col, cell)?;
    }
    let (mut installed_all, mut smartphones_all) = (0, 0);
    for (row, (name, installed, smartphones, commune, quarantine)) in (1..).zip(DISTRICTS) {
        sheet.write_string(row, 0, name)?;
        sheet.write_number(row, 1, installed)?;
        sheet.write_number(row, 2, smartphones)?;
        sheet.write_number(row, 3, commune)?;
        sheet.write_number(row, 4, quarantine)?;
        sheet.write_string(
            row,
            5,
            format!(
                "{:.2}%",
                100.0 * f64::from(installed) / f64::from(smartphones)
            )
            .replace('.', ","),
        )?;
        installed_all += installed;
        smartphones_all += smartphones;
    }
    sheet.write_string(12, 0, "Tổng cộng")?;
    sheet.write_number(12, 1, installed_all)?;
    sheet.write_number(12, 2, smartphones_all)?;
    Ok(())
}

/// An office's report (`campaign import`): two title rows (the province, a date), a header
/// over two rows (a heading merged over two columns, a heading under each), a row numbering
/// the columns, the unit type, the commune teams stationed and the figures' date as columns,
/// a hidden row of old figures, a total row and notes under the table.
fn office(sheet: &mut Worksheet) -> Result<(), XlsxError> {
    let plain = Format::new();
    sheet.write_string(0, 0, "UBND TỈNH LẠNG SƠN")?;
    sheet.write_string(1, 0, "BÁO CÁO CÀI ĐẶT BLUEZONE (tính đến ngày 31/8/2020)")?;
    sheet.merge_range(3, 0, 4, 0, "TT", &plain)?;
    sheet.merge_range(3, 1, 4, 1, "Đơn vị", &plain)?;
    sheet.merge_range(3, 2, 3, 3, "Số thuê bao", &plain)?;
    sheet.write_string(4, 2, "smartphone")?;
    sheet.write_string(4, 3, "đã cài Bluezone")?;
    sheet.merge_range(3, 4, 4, 4, "Tổ xã hiện có", &plain)?;
    sheet.merge_range(3, 5, 4, 5, "Loại đơn vị", &plain)?;
    sheet.merge_range(3, 6, 4, 6, "Số liệu đến ngày", &plain)?;
    for (col, cell) in (0..).zip(["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"]) {
        sheet.write_string(5, col, cell)?;
    }
    let date = ExcelDateTime::from_ymd(2020, 8, 31)?;
    let day = Format::new().set_num_format("dd/mm/yyyy");
    let mut row = 6;
    for (i, (name, installed, smartphones, commune, _)) in (1..).zip(DISTRICTS.iter().take(4)) {
        let (kind, name) = if i == 1 {
            ("thành phố", "TP. Lạng Sơn")
        } else {
            ("huyện", *name)
        };
        sheet.write_number(row, 0, i)?;
        sheet.write_string(row, 1, name)?;
        sheet.write_number(row, 2, *smartphones)?;
        sheet.write_number(row, 3, *installed)?;
        sheet.write_number(row, 4, *commune)?;
        sheet.write_string(row, 5, kind)?;
        sheet.write_datetime_with_format(row, 6, &date, &day)?;
        row += 1;
    }
    // old figures, hidden
    sheet.write_string(row, 1, "Đình Lập (số cũ)")?;
    sheet.write_number(row, 2, 20_000)?;
    sheet.write_number(row, 3, 6_000)?;
    sheet.set_row_hidden(row)?;
    row += 1;
    sheet.write_string(row, 1, "Tổng cộng")?;
    sheet.write_number(row, 2, 96_818 + 78_399 + 58_196 + 53_067)?;
    sheet.write_number(row, 3, 39_911 + 18_019 + 16_752 + 15_725)?;
    sheet.write_string(row + 2, 0, "Ghi chú: số liệu do Viettel cung cấp")?;
    sheet.write_string(row + 3, 3, "Người lập biểu")?;
    Ok(())
}

fn save(dir: &Path, name: &str, build: impl FnOnce(&mut Workbook) -> Result<(), XlsxError>) {
    let mut book = Workbook::new();
    build(&mut book).unwrap_or_else(|e| panic!("{name}: {e}"));
    book.save(dir.join(format!("{name}.xlsx")))
        .unwrap_or_else(|e| panic!("{name}: {e}"));
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .expect("the folder to write the workbooks into");
    let dir = Path::new(&dir);
    std::fs::create_dir_all(dir).expect("the folder can be made");

    save(dir, "letter", |b| letter(b.add_worksheet(), 11));
    save(dir, "letter-two-districts", |b| {
        letter(b.add_worksheet(), 2)
    });
    save(dir, "plain", |b| plain(b.add_worksheet()));
    save(dir, "empty", |b| {
        b.add_worksheet();
        Ok(())
    });
    save(dir, "headerless", |b| {
        let sheet = b.add_worksheet();
        for (row, (name, installed, smartphones, commune, _)) in (3..).zip(DISTRICTS) {
            sheet.write_string(row, 0, name)?;
            sheet.write_number(row, 1, installed)?;
            sheet.write_number(row, 2, smartphones)?;
            sheet.write_number(row, 3, commune)?;
        }
        Ok(())
    });
    save(dir, "second-sheet", |b| {
        b.add_worksheet()
            .set_name("Ghi chú")?
            .write_string(0, 0, "Bảng số liệu ở trang sau")?;
        letter(b.add_worksheet().set_name("Số liệu")?, 11)
    });
    save(dir, "counts-as-text", |b| {
        let sheet = b.add_worksheet();
        letter(sheet, 3)?;
        sheet.write_string(3, 1, "39.911")?;
        sheet.write_string(3, 2, "96,818")?;
        Ok(())
    });
    save(dir, "date-and-bool", |b| {
        let sheet = b.add_worksheet();
        letter(sheet, 3)?;
        let date = ExcelDateTime::from_ymd(2020, 9, 1)?;
        sheet.write_datetime_with_format(
            4,
            1,
            &date,
            &Format::new().set_num_format("dd/mm/yyyy"),
        )?;
        sheet.write_boolean(5, 1, true)?;
        Ok(())
    });
    save(dir, "merged-title", |b| {
        let sheet = b.add_worksheet();
        letter(sheet, 3)?;
        sheet.merge_range(0, 0, 1, 3, "Số liệu cài đặt Bluezone", &Format::new())?;
        Ok(())
    });
    save(dir, "office", |b| office(b.add_worksheet()));
    save(dir, "office-hidden-sheet", |b| {
        // (the first sheet is the one Excel opens on, which it never hides)
        office(b.add_worksheet().set_name("Bluezone 31-8")?)?;
        letter(b.add_worksheet().set_name("Số cũ")?.set_hidden(true), 3)
    });
    let broken: [(&str, Edit); 8] = [
        ("text-count", |s| {
            s.write_string(4, 1, "mười tám nghìn").map(|_| ())
        }),
        ("decimal-count", |s| {
            s.write_number(4, 1, 18_019.5).map(|_| ())
        }),
        ("negative-count", |s| {
            s.write_number(4, 1, -18_019).map(|_| ())
        }),
        ("installed-above-smartphones", |s| {
            s.write_number(4, 1, 88_019).map(|_| ())
        }),
        ("blank-count", |s| {
            s.write_blank(4, 1, &Format::new()).map(|_| ())
        }),
        ("formula-without-value", |s| {
            s.set_formula_result_default("");
            s.write_formula(4, 1, Formula::new("=B4-21892")).map(|_| ())
        }),
        ("duplicate-district", |s| {
            s.write_string(5, 0, "Hữu Lũng").map(|_| ())
        }),
        ("zero-width-space", |s| {
            s.write_string(5, 0, "Cao\u{200b}Lộc").map(|_| ())
        }),
    ];
    for (name, edit) in broken {
        save(dir, name, |b| {
            let sheet = b.add_worksheet();
            letter(sheet, 4)?;
            edit(sheet)
        });
    }
}
