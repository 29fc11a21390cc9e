//! An XLSX coverage table (through `calamine`): the first sheet with a header row.

use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook};

use super::{Grid, GridRow, table};
use crate::diagnostic::Error;
use crate::scenario::source::{Origin, Source};
use crate::text::Text;

/// Reads the sheet of `path` that has a header row (else the first) into rows of cells; line
/// numbers are the sheet's row numbers, and the text shown under an error is the row's cells
/// separated by tabs.
pub(super) fn read(path: &Path) -> Result<Grid, Error> {
    let mut book: Xlsx<_> = open_workbook(path).map_err(|e| {
        let not_found = !path.exists();
        Error::new(if not_found {
            Text::new(
                format!("không tìm thấy tệp số liệu {}", path.display()),
                format!("the coverage file {} was not found", path.display()),
            )
        } else {
            Text::new(
                format!("không đọc được tệp Excel: {e}"),
                format!("cannot read the Excel file: {e}"),
            )
        })
        .file(path)
        .hint(Text::new(
            "kiểm tra đường dẫn; tệp phải là bảng tính .xlsx (Excel 2007 trở lên)",
            "check the path; the file must be an .xlsx workbook (Excel 2007 or later)",
        ))
    })?;
    let mut sheets = Vec::new();
    for name in book.sheet_names() {
        let Ok(range) = book.worksheet_range(&name) else {
            continue;
        };
        let first_row = range.start().map_or(0, |(r, _)| r as usize);
        let first_col = range.start().map_or(0, |(_, c)| c as usize);
        let rows: Vec<GridRow> = range
            .rows()
            .enumerate()
            .map(|(i, row)| GridRow {
                line: first_row + i + 1,
                cells: std::iter::repeat_n(String::new(), first_col)
                    .chain(row.iter().map(cell_text))
                    .collect(),
            })
            .collect();
        sheets.push(rows);
    }
    let chosen = sheets
        .iter()
        .position(|rows| rows.iter().any(|r| has_header(&r.cells)))
        .unwrap_or(0);
    let rows = sheets.into_iter().nth(chosen).unwrap_or_default();
    let mut text = String::new();
    let mut line = 1;
    for row in &rows {
        while line < row.line {
            text.push('\n');
            line += 1;
        }
        text.push_str(&row.cells.join("\t"));
    }
    text.push('\n');
    Ok(Grid {
        src: Source {
            path: path.to_path_buf(),
            text,
            origin: Origin::File,
        },
        rows,
    })
}

/// Whether a row names the district, installed and smartphones columns.
pub(super) fn has_header(cells: &[String]) -> bool {
    let found: Vec<_> = cells.iter().filter_map(|c| table::heading(c)).collect();
    [
        table::Heading::District,
        table::Heading::Installed,
        table::Heading::Smartphones,
    ]
    .iter()
    .all(|h| found.contains(h))
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
