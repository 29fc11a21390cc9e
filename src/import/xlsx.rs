//! An XLSX coverage table (through `calamine`): the first sheet with a header row.

use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook};

use super::grid::{Grid, GridRow};
use super::message::TableFileProblem;
use super::table;
use crate::diagnostic::Error;
use crate::source::{Origin, Source};

/// Reads the sheet of `path` that has a header row (else the first) into rows of cells; line
/// numbers are the sheet's row numbers, and the text shown under an error is the row's cells
/// separated by tabs (a line break or tab inside a cell shown as a space, so that every row
/// stays on its own line).
pub(super) fn read(path: &Path) -> Result<Grid, Error> {
    if path.is_dir() {
        let folder = std::io::Error::from(std::io::ErrorKind::IsADirectory);
        return Err(Source::unreadable(path, &Grid::what(path), &folder));
    }
    let mut book: Xlsx<_> = open_workbook(path).map_err(|e: calamine::XlsxError| {
        Error::new(if path.exists() {
            TableFileProblem::WorkbookUnreadable {
                error: e.to_string(),
            }
        } else {
            TableFileProblem::WorkbookNotFound {
                path: path.to_path_buf(),
            }
        })
        .file(path)
    })?;
    let mut sheets = Vec::new();
    for name in book.sheet_names() {
        let Ok(range) = book.worksheet_range(&name) else {
            continue;
        };
        // a formula's cell is empty when the file was written without computed values
        let formulas = book.worksheet_formula(&name).ok();
        let uncomputed = |row: usize, col: usize| {
            let (Ok(r), Ok(c)) = (u32::try_from(row), u32::try_from(col)) else {
                return false;
            };
            formulas
                .as_ref()
                .and_then(|f| f.get_value((r, c)))
                .is_some_and(|f| !f.is_empty())
        };
        let first_row = range.start().map_or(0, |(r, _)| r as usize);
        let first_col = range.start().map_or(0, |(_, c)| c as usize);
        let rows: Vec<GridRow> = range
            .rows()
            .enumerate()
            .map(|(i, row)| {
                let cells: Vec<String> = std::iter::repeat_n(String::new(), first_col)
                    .chain(row.iter().map(cell_text))
                    .collect();
                let uncomputed = (0..cells.len())
                    .filter(|&c| cells[c].is_empty() && uncomputed(first_row + i, c))
                    .collect();
                GridRow {
                    line: first_row + i + 1,
                    columns: columns(&cells),
                    cells,
                    uncomputed,
                }
            })
            .collect();
        sheets.push(rows);
    }
    let chosen = sheets
        .iter()
        .position(|rows| rows.iter().any(|r| table::has_header(&r.cells)))
        .unwrap_or(0);
    let rows = sheets.into_iter().nth(chosen).unwrap_or_default();
    let mut text = String::new();
    let mut line = 1;
    for row in &rows {
        while line < row.line {
            text.push('\n');
            line += 1;
        }
        let shown: Vec<String> = row.cells.iter().map(|c| shown(c)).collect();
        text.push_str(&shown.join("\t"));
    }
    text.push('\n');
    Ok(Grid {
        src: Source {
            path: path.to_path_buf(),
            text,
            origin: Origin::File,
        },
        rows,
        delimiter: '\t',
    })
}

/// A cell as its row's line shows it: on one line, without tabs.
fn shown(cell: &str) -> String {
    cell.replace(['\r', '\n', '\t'], " ")
}

/// The 1-based column where each cell's text starts in its row's line (after its spaces).
fn columns(cells: &[String]) -> Vec<usize> {
    let mut columns = Vec::with_capacity(cells.len());
    let mut column = 1;
    for cell in cells {
        let leading = cell.chars().take_while(|c| c.is_whitespace()).count();
        columns.push(column + leading);
        column += cell.chars().count() + 1;
    }
    columns
}

/// A cell as text: whole numbers without a decimal point, rates as fractions (0.2298).
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        #[allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => format!("{f}"),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        other => other.to_string(),
    }
}
