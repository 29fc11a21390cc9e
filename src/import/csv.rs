//! A CSV coverage table: `,`, `;` or tab separated, with or without Excel's byte-order mark.

use std::path::Path;

use super::{Grid, GridRow};
use crate::diagnostic::Error;
use crate::scenario::source::Source;
use crate::text::Text;

/// Reads `path` into rows of cells; line numbers are the file's.
pub(super) fn read(path: &Path) -> Result<Grid, Error> {
    let src = Source::read(
        path,
        &Text::new(
            format!("tệp số liệu {}", path.display()),
            format!("the coverage file {}", path.display()),
        ),
    )?;
    let delimiter = delimiter(&src.text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(src.text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            Error::new(Text::new(
                format!("không đọc được tệp CSV: {e}"),
                format!("cannot read the CSV file: {e}"),
            ))
            .file(path)
        })?;
        let line = record
            .position()
            .map_or(1, |p| usize::try_from(p.line()).unwrap_or(usize::MAX));
        rows.push(GridRow {
            line,
            cells: record.iter().map(str::to_string).collect(),
        });
    }
    Ok(Grid { src, rows })
}

/// The separator the header row uses most: `,`, `;` (Excel in a Vietnamese locale) or tab.
pub fn delimiter(text: &str) -> u8 {
    let first = text
        .lines()
        .find(|l| [',', ';', '\t'].iter().any(|d| l.contains(*d)))
        .unwrap_or("");
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| (first.bytes().filter(|b| b == d).count(), *d == b','))
        .unwrap_or(b',')
}
