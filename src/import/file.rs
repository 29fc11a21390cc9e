//! A table file read as whatever it was saved as: an `.xlsx` workbook or CSV text, by its
//! extension and checked against its first bytes (a workbook is a zip archive).

use std::path::Path;

use super::grid::Grid;
use super::message::{TableEntry, TableFileProblem};
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

/// How an OLE compound file (CFB) starts: what Excel writes for a password-protected workbook
/// (the `.xlsx` inside it encrypted), and what an old `.xls` workbook is.
const CFB: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Whether `path` is named as a scenario file (`.toml`), not a table.
pub(crate) fn is_scenario(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.to_string_lossy().eq_ignore_ascii_case("toml"))
}

/// Reads the table at `path`: an `.xlsx` workbook's sheet with a header row, else CSV. The file
/// is read once, bounded ([`TABLE_BYTES`]); what it holds decides against its name (a workbook
/// is a zip archive, `PK`).
pub(crate) fn read(path: &Path) -> Result<Grid, Error> {
    read_sheet(path, None)
}

/// [`read`], a workbook's sheet chosen by `sheet` (`--sheet`: its name, or its number from 1)
/// instead of the first with a header row.
pub(crate) fn read_sheet(path: &Path, sheet: Option<&str>) -> Result<Grid, Error> {
    let format = Format::of(path);
    if format == Format::Refused {
        return Err(Error::new(Format::refused()).file(path));
    }
    let bytes = Source::bytes(path, &Grid::what(path), TABLE_BYTES)?;
    if is_scenario(path) {
        return Err(Error::new(TableFileProblem::IsScenario {
            path: path.display().to_string(),
            entry: TableEntry::Import,
        })
        .file(path));
    }
    if bytes.starts_with(&CFB) {
        return Err(Error::new(TableFileProblem::Encrypted).file(path));
    }
    let zip = bytes.get(..2).map(|start| start == b"PK");
    match format {
        Format::Xlsx if zip == Some(false) => {
            Err(Error::new(TableFileProblem::NotAWorkbook).file(path))
        }
        Format::Csv if zip == Some(true) => {
            Err(Error::new(TableFileProblem::WorkbookNamedCsv).file(path))
        }
        Format::Xlsx => xlsx::read(path, bytes, sheet),
        Format::Csv | Format::Refused => match sheet {
            Some(given) => Err(Error::new(TableFileProblem::SheetOfCsv {
                given: crate::diagnostic::shortened(given),
            })
            .file(path)),
            None => csv::read(path, bytes),
        },
    }
}
