//! A CSV coverage table: `,`, `;` or tab separated, with or without Excel's byte-order mark.

use std::collections::BTreeMap;
use std::path::Path;

use super::grid::{Grid, GridRow};
use super::message::{CellAt, TableLimit, TableProblem};
use super::table;
use crate::diagnostic::Error;
use crate::limits::{CELL_CHARS, HEADER_ROWS, TABLE_CELLS, TABLE_COLUMNS, TABLE_ROWS};
use crate::source::{Pos, Source};

/// Reads the CSV text `bytes` of `path` into rows of cells; line numbers are the file's. A table
/// beyond the limits on rows, cells per line, cells together or characters per cell
/// ([`crate::limits`]) is refused at the line that passes one.
pub(super) fn read(path: &Path, bytes: Vec<u8>) -> Result<Grid, Error> {
    let mut src = Source::decode(path, &Grid::what(path), bytes)?;
    // Excel ends lines with CR LF, which the csv crate counts wrongly after the first record
    // (BurntSushi/rust-csv#395): read with LF so that every row has its own line number
    if src.text.contains('\r') {
        src.text = src.text.replace("\r\n", "\n").replace('\r', "\n");
    }
    let delimiter = delimiter(&src.text);
    if let Some(line) = unclosed_quote(&src.text, delimiter) {
        return Err(src.error(
            Pos::Line { line, column: None },
            TableProblem::UnclosedQuote { line },
        ));
    }
    // the lines, walked alongside the records (whose lines only go down the file): not held
    // all at once, for a file of millions of empty lines
    let mut lines = src.text.lines().enumerate().peekable();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(src.text.as_bytes());
    let mut rows = Vec::new();
    let mut cells = 0usize;
    // (byte, line) of the last record's start: lines are counted once, down the file
    let mut counted = (0usize, 1usize);
    for record in reader.records() {
        let record = record.map_err(|e| {
            let pos = e.position().map_or(Pos::File, |p| Pos::Line {
                line: usize::try_from(p.line()).unwrap_or(usize::MAX),
                column: None,
            });
            src.error(
                pos,
                TableProblem::Csv {
                    error: e.to_string(),
                },
            )
        })?;
        // the line from the record's first byte: the reader counts from where it started
        // reading, before the blank lines above a record (a header under a title and blank
        // lines was said to be on line 2)
        let line = match record.position().map(|p| usize::try_from(p.byte())) {
            Some(Ok(mut byte)) if byte >= counted.0 && byte <= src.text.len() => {
                // (the position is where the reader started: before the blank lines it skips)
                let bytes = src.text.as_bytes();
                while bytes.get(byte) == Some(&b'\n') {
                    byte += 1;
                }
                let newlines = src.text.as_bytes()[counted.0..byte]
                    .iter()
                    .filter(|b| **b == b'\n')
                    .count();
                counted = (byte, counted.1 + newlines);
                counted.1
            }
            _ => record
                .position()
                .map_or(1, |p| usize::try_from(p.line()).unwrap_or(usize::MAX)),
        };
        cells += record.len();
        within_limits(&record, line, rows.len() + 1, cells).map_err(|limit| {
            // no source line under it: the line may be megabytes long
            let mut err = Error::new(limit).file(path);
            err.location.line = Some(line);
            err
        })?;
        let raw = line.checked_sub(1).and_then(|i| {
            while lines.next_if(|(j, _)| *j < i).is_some() {}
            lines.peek().filter(|(j, _)| *j == i).map(|(_, raw)| *raw)
        });
        rows.push(GridRow {
            line,
            cells: record.iter().map(str::to_string).collect(),
            columns: raw.map_or_else(Vec::new, |raw| columns(raw, delimiter)),
            uncomputed: Vec::new(),
            overflow: Vec::new(),
        });
    }
    Ok(Grid {
        src,
        rows,
        delimiter: char::from(delimiter),
        sheet: None,
        hidden: Default::default(),
        named: None,
    })
}

/// Whether the `rows`-th row, on `line`, keeps the table within the limits with `cells` cells
/// so far.
fn within_limits(
    record: &csv::StringRecord,
    line: usize,
    rows: usize,
    cells: usize,
) -> Result<(), TableLimit> {
    if rows > TABLE_ROWS {
        return Err(TableLimit::Rows { line });
    }
    if record.len() > TABLE_COLUMNS {
        return Err(TableLimit::Columns {
            line,
            cells: record.len(),
        });
    }
    if cells > TABLE_CELLS {
        return Err(TableLimit::Cells { line, sheet: None });
    }
    for (i, cell) in record.iter().enumerate() {
        // (a character is at least one byte: only a long cell is counted)
        let chars = if cell.len() > CELL_CHARS {
            cell.chars().count()
        } else {
            0
        };
        if chars > CELL_CHARS {
            return Err(TableLimit::CellText {
                at: CellAt::Line { line, cell: i + 1 },
                chars,
            });
        }
    }
    Ok(())
}

/// The separator of the table: `,`, `;` (Excel in a Vietnamese locale) or tab, judged from
/// the lines as a whole (a title line full of commas above a `;` table does not decide):
/// the one that splits a header row ([`table::has_header`]), then the one giving the most
/// lines with the same number of cells (at least two); `,` on a tie.
fn delimiter(text: &str) -> u8 {
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| {
            let mut header = false;
            // (the header is looked for among the first rows only, as the readers look for it)
            let mut looked = 0;
            let mut widths: BTreeMap<usize, usize> = BTreeMap::new();
            let mut reader = csv::ReaderBuilder::new()
                .delimiter(*d)
                .has_headers(false)
                .flexible(true)
                .from_reader(text.as_bytes());
            for record in reader.records().map_while(Result::ok) {
                if !header && looked < HEADER_ROWS {
                    looked += usize::from(record.iter().any(|c| !c.trim().is_empty()));
                    header = table::is_header(record.iter());
                }
                if record.len() >= 2 {
                    *widths.entry(record.len()).or_default() += 1;
                }
            }
            let lines = widths.values().copied().max().unwrap_or(0);
            (header, lines, *d == b',')
        })
        .unwrap_or(b',')
}

/// The line of a cell that opens a double quote and never closes it: the quote runs to the
/// end of the file, or over a line break and on across a separator (a cell wrapped over
/// two lines holds no separator; rows swallowed by an open quote do).
fn unclosed_quote(text: &str, delimiter: u8) -> Option<usize> {
    let delimiter = char::from(delimiter);
    let mut chars = text.chars().peekable();
    let mut line = 1;
    let mut field_start = true;
    while let Some(c) = chars.next() {
        match c {
            '"' if field_start => {
                let opened = line;
                let mut broken = false;
                let mut closed = false;
                while let Some(c) = chars.next() {
                    match c {
                        '"' if chars.peek() == Some(&'"') => {
                            chars.next();
                        }
                        '"' => {
                            closed = true;
                            break;
                        }
                        '\n' => {
                            line += 1;
                            broken = true;
                        }
                        c if c == delimiter && broken => return Some(opened),
                        _ => {}
                    }
                }
                if !closed {
                    return Some(opened);
                }
                field_start = false;
            }
            '\n' => {
                line += 1;
                field_start = true;
            }
            c if c == delimiter => field_start = true,
            _ => field_start = false,
        }
    }
    None
}

/// The 1-based column where each cell of `raw` starts (after its leading spaces), when the
/// line has no quotes to confuse the count.
fn columns(raw: &str, delimiter: u8) -> Vec<usize> {
    if raw.contains('"') {
        return Vec::new();
    }
    let mut columns = Vec::new();
    let mut column = 1;
    for cell in raw.split(char::from(delimiter)) {
        let leading = cell.chars().take_while(|c| c.is_whitespace()).count();
        columns.push(column + leading);
        column += cell.chars().count() + 1;
    }
    columns
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn semicolons_are_detected() {
        assert_eq!(delimiter("name;installed;smartphones\n"), b';');
        assert_eq!(delimiter("name,installed,smartphones\n"), b',');
        assert_eq!(delimiter("name\n"), b',');
        // a title full of commas above a `;` table
        assert_eq!(
            delimiter(
                "UBND tỉnh, Sở TTTT, ngày 1, tháng 9\nHuyện;Đã cài;Tổng smartphone\nHữu Lũng;1;2\n"
            ),
            b';'
        );
    }

    #[test]
    fn unclosed_quotes_are_found_at_their_line() {
        assert_eq!(unclosed_quote("a;b\n\"A;1;2\nB;3;4\n", b';'), Some(2));
        assert_eq!(unclosed_quote("a;b\n\"A;1;2\n", b';'), Some(2));
        // a cell wrapped over two lines, an escaped quote, a quote inside a cell
        assert_eq!(unclosed_quote("\"Huyện\nHữu Lũng\";1;2\n", b';'), None);
        assert_eq!(unclosed_quote("\"Hữu \"\"Lũng\"\"\";1;2\n", b';'), None);
        assert_eq!(unclosed_quote("Hữu 5\" Lũng;1;2\n", b';'), None);
    }

    #[test]
    fn cell_columns_count_characters() {
        assert_eq!(columns("Hữu Lũng, 18019", b','), vec![1, 11]);
        assert_eq!(columns("\"Hữu Lũng\",18019", b','), Vec::<usize>::new());
    }
}
