//! A table file read as whatever it was saved as: an `.xlsx` workbook or CSV text, by its
//! extension and checked against its first bytes (a workbook is a zip archive).

use std::path::Path;

use super::grid::Grid;
use super::{csv, xlsx};
use crate::diagnostic::Error;
use crate::text::Text;

/// How a table file is read, by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Csv,
    Xlsx,
    /// An old `.xls` workbook or an `.ods` sheet: refused, with how to save it instead.
    Refused,
}

impl Format {
    pub fn of(path: &Path) -> Format {
        let extension = path
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        match extension.as_str() {
            "xlsx" | "xlsm" => Format::Xlsx,
            "xls" | "ods" => Format::Refused,
            _ => Format::Csv,
        }
    }

    /// What is said of a [`Format::Refused`] file.
    pub fn refused() -> Text {
        Text::new(
            "chỉ đọc được bảng tính .xlsx hoặc tệp CSV",
            "only .xlsx workbooks and CSV files can be read",
        )
    }
}

/// Reads the table at `path`: an `.xlsx` workbook's sheet with a header row, else CSV.
pub(crate) fn read(path: &Path) -> Result<Grid, Error> {
    // what the file holds, whatever its name says: a workbook is a zip archive (`PK`)
    let zip = std::fs::File::open(path).ok().and_then(|mut f| {
        let mut start = [0u8; 2];
        std::io::Read::read_exact(&mut f, &mut start).ok()?;
        Some(&start == b"PK")
    });
    match Format::of(path) {
        Format::Xlsx if zip == Some(false) => Err(Error::new(Text::new(
            "tệp này không phải bảng tính Excel (.xlsx)",
            "this file is not an Excel workbook (.xlsx)",
        ))
        .file(path)
        .hint(Text::new(
            "nếu đây là bảng CSV (văn bản), đổi đuôi tên tệp thành .csv",
            "if it is a CSV table (text), rename it to .csv",
        ))),
        Format::Csv if zip == Some(true) => Err(Error::new(Text::new(
            "tệp này là bảng tính Excel (.xlsx), không phải tệp CSV",
            "this file is an Excel workbook (.xlsx), not a CSV file",
        ))
        .file(path)
        .hint(Text::new(
            "đổi đuôi tên tệp thành .xlsx, hoặc trong Excel chọn Lưu thành (Save As) > \"CSV UTF-8\"",
            "rename it to .xlsx, or in Excel choose Save As > \"CSV UTF-8\"",
        ))),
        Format::Xlsx => xlsx::read(path),
        Format::Csv => csv::read(path),
        Format::Refused => Err(Error::new(Format::refused()).file(path).hint(Text::new(
            "trong Excel chọn Lưu thành (Save As) > \"Excel Workbook (.xlsx)\" hoặc \"CSV UTF-8\"",
            "in Excel choose Save As > \"Excel Workbook (.xlsx)\" or \"CSV UTF-8\"",
        ))),
    }
}
