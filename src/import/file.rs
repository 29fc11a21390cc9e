//! A table file read as whatever it was saved as: an `.xlsx` workbook or CSV text, by its
//! extension and checked against its first bytes (a workbook is a zip archive).

use std::path::Path;

use super::grid::Grid;
use super::message::TableFileProblem;
use super::{csv, xlsx};
use crate::diagnostic::Error;
use crate::limits::TABLE_BYTES;
use crate::source::Source;

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
    pub fn refused() -> TableFileProblem {
        TableFileProblem::Refused
    }
}

/// Reads the table at `path`: an `.xlsx` workbook's sheet with a header row, else CSV. The file
/// is read once, bounded ([`TABLE_BYTES`]); what it holds decides against its name (a workbook
/// is a zip archive, `PK`).
pub(crate) fn read(path: &Path) -> Result<Grid, Error> {
    let format = Format::of(path);
    if format == Format::Refused {
        return Err(Error::new(Format::refused()).file(path));
    }
    let bytes = Source::bytes(path, &Grid::what(path), TABLE_BYTES)?;
    let zip = bytes.get(..2).map(|start| start == b"PK");
    match format {
        Format::Xlsx if zip == Some(false) => {
            Err(Error::new(TableFileProblem::NotAWorkbook).file(path))
        }
        Format::Csv if zip == Some(true) => {
            Err(Error::new(TableFileProblem::WorkbookNamedCsv).file(path))
        }
        Format::Xlsx => xlsx::read(path, bytes),
        Format::Csv | Format::Refused => csv::read(path, bytes),
    }
}
