//! The checks both coverage readers (`campaign import` and a scenario's `coverage = "..."`)
//! make on the rows of a table: a printed rate against the counts, the total row against the
//! districts above it, nothing but notes below the total, a file with rows and at least one
//! district. The readers word a row's errors differently ([`Reader`]); the checks are the
//! same.

use super::grid::GridRow;
use super::message::{CellProblem, InRow, RowProblem, TableProblem};
use super::table;
use crate::diagnostic::Error;
use crate::source::{Pos, Source};

/// Whose wording an error about a row takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reader {
    /// `campaign import`: the message starts with the row (`row 3 ("Hữu Lũng"): ...`) and the
    /// error gives its line.
    Import,
    /// A scenario's coverage file: the error points at the cell (line and column) and names
    /// the district.
    Scenario,
}

/// Checks the printed rate in cell `index` of `row` against the row's (installed,
/// smartphones): the letter truncates (22.98% is printed 22%), others round
/// ([`table::rate_agrees`]). An empty cell is not checked. `name` is the district as the
/// reader names it.
pub(crate) fn rate(
    src: &Source,
    row: &GridRow,
    index: usize,
    title: &str,
    name: &str,
    (installed, smartphones): (u64, u64),
    reader: Reader,
) -> Result<(), Error> {
    let cell = row.cell(index);
    if cell.is_empty() {
        return Ok(());
    }
    let cell = cell.to_string();
    let problem = match table::parse_rate(&cell) {
        None => CellProblem::NotARate { cell },
        Some(printed) if table::rate_agrees(printed, installed, smartphones) => return Ok(()),
        Some(_) => CellProblem::RateDisagrees {
            cell,
            installed,
            smartphones,
        },
    };
    let err = match reader {
        Reader::Import => src.error(
            row.pos(),
            InRow {
                row: row.label(name),
                problem: RowProblem::Cell(problem),
            },
        ),
        Reader::Scenario if name.is_empty() => src.error(row.cell_pos(index), problem),
        Reader::Scenario => src.error(row.cell_pos(index), problem).district(name),
    };
    Err(err.table_column(title))
}

/// What is wrong with cell `index` of `row`, which should hold a count and does not: the
/// same kind from both readers.
pub(crate) fn count_problem(row: &GridRow, index: usize) -> CellProblem {
    let cell = row.cell(index);
    if cell.is_empty() && row.uncomputed.contains(&index) {
        CellProblem::Uncomputed
    } else if row.overflow.contains(&index) {
        CellProblem::Overflow {
            cell: format!("{}{}", super::message::column_name(index), row.line),
        }
    } else if cell.is_empty() {
        CellProblem::Empty
    } else if cell.ends_with('%') {
        CellProblem::Rate {
            cell: cell.to_string(),
        }
    } else if is_date(cell) {
        CellProblem::Date {
            cell: cell.to_string(),
        }
    } else if table::count_too_large(cell) {
        // quoted as typed, cut short: a number of 300 digits is not shown whole
        let shown = match cell.char_indices().nth(24) {
            Some((i, _)) => format!("{}…", &cell[..i]),
            None => cell.to_string(),
        };
        CellProblem::TooLarge { cell: Some(shown) }
    } else {
        CellProblem::NotWhole {
            cell: cell.to_string(),
        }
    }
}

/// Whether a cell reads as a date, day/month/year (`18/01/2019`, `1/9/2020 08:30`): what a
/// workbook's cell formatted as a date shows.
fn is_date(cell: &str) -> bool {
    let day = cell.split(' ').next().unwrap_or("");
    let parts: Vec<&str> = day.split('/').collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
}

pub(crate) use crate::model::MAX_PEOPLE;

/// The total row (`TỔNG`, `Total`, [`table::is_total`]) as read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Total {
    pub installed: i128,
    pub smartphones: i128,
    pub line: usize,
}

impl Total {
    /// The total must be the sum of the district rows' (installed, smartphones).
    pub fn check(
        &self,
        src: &Source,
        districts: impl IntoIterator<Item = (i128, i128)>,
        reader: Reader,
    ) -> Result<(), Error> {
        let (sum_installed, sum_smartphones) = districts
            .into_iter()
            .fold((0i128, 0i128), |(a, b), (i, s)| {
                (a.saturating_add(i), b.saturating_add(s))
            });
        let Total {
            installed,
            smartphones,
            line,
        } = *self;
        if (installed, smartphones) == (sum_installed, sum_smartphones) {
            return Ok(());
        }
        Err(src.error(
            Pos::Line { line, column: None },
            TableProblem::TotalDisagrees {
                line: (reader == Reader::Import).then_some(line),
                installed,
                smartphones,
                sum_installed,
                sum_smartphones,
            },
        ))
    }
}

/// Whether `row` is the total row: the total word ([`table::is_total`]) in its district cell
/// (column `name`) or a cell before it, as when "Tổng cộng" is written in the STT cell and
/// merged over the name column.
pub(crate) fn is_total_row(row: &GridRow, name: usize) -> bool {
    (0..=name).any(|i| table::is_total(row.cell(i)))
}

/// A row with counts but no district name.
pub(crate) fn unnamed(src: &Source, row: &GridRow, name: usize) -> Error {
    src.error(
        row.cell_pos(name),
        InRow {
            row: row.label(""),
            // a formula never computed is not an empty cell (trial 13e H27)
            problem: if row.uncomputed.contains(&name) {
                RowProblem::NameUncomputed
            } else {
                RowProblem::Unnamed
            },
        },
    )
}

/// A row below the total row: a note is fine, a row with an installed count (cell
/// `installed`) is a district out of place. `name` is the district as the reader names it.
pub(crate) fn below_total(
    src: &Source,
    row: &GridRow,
    installed: usize,
    name: &str,
) -> Result<(), Error> {
    if table::parse_count(row.cell(installed)).is_none() {
        return Ok(());
    }
    Err(src.error(
        row.pos(),
        TableProblem::BelowTotal {
            row: row.label(name),
        },
    ))
}

/// A file without a row of cells.
pub(crate) fn empty(src: &Source) -> Error {
    src.error(Pos::File, TableProblem::Empty)
}

/// A table with a header and no district row below it; `skipped` the last row under the
/// header taken for a row numbering its columns or giving their units, when there is one: a
/// district row that looks like one (`A, 1, 2`) is said to be taken for it (trial 13d G14).
pub(crate) fn no_districts(src: &Source, header: &GridRow, skipped: Option<&GridRow>) -> Error {
    match skipped {
        Some(row) => {
            let cells = row
                .cells
                .iter()
                .map(|c| c.trim())
                .filter(|c| !c.is_empty())
                .collect::<Vec<_>>()
                .join(", ");
            src.error(
                row.pos(),
                TableProblem::OnlyNumbering {
                    line: row.line,
                    cells: crate::diagnostic::shortened(&crate::text::show_hidden(&cells)),
                },
            )
        }
        None => src.error(header.pos(), TableProblem::NoDistricts),
    }
}

/// Words that start the notes and signature block under a table: "Ghi chú: ...", "Nguồn: ...",
/// "Người lập biểu", "Nơi nhận:", "Lạng Sơn, ngày 01 tháng 9 năm 2020", "GIÁM ĐỐC".
const NOTE_WORDS: [&str; 16] = [
    "ghi chu",
    "chu thich",
    "nguon",
    "nguoi lap",
    "nguoi ky",
    "noi nhan",
    "luu vt",
    "giam doc",
    "thu truong",
    "ky ten",
    "note",
    "notes",
    "source",
    "prepared by",
    "approved by",
    "director",
];

/// Whether `row` is a note or a line of the signature block under a table: a cell starting
/// with one of [`NOTE_WORDS`], or holding a date as a letter's place-and-date line does
/// ("..., ngày 01 tháng 9 năm 2020").
pub(crate) fn is_note(row: &GridRow) -> bool {
    row.cells.iter().any(|c| {
        let k = table::key(c);
        let words: Vec<&str> = k.split(' ').collect();
        NOTE_WORDS
            .iter()
            .any(|w| k == *w || k.starts_with(&format!("{w} ")))
            || (table::has_words(&words, "ngay") && table::has_words(&words, "thang"))
    })
}

/// Where a table without a total row ends, when notes follow it: the last row read, the first
/// row of the notes, and its text as a report quotes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableEnd {
    pub last_read: usize,
    pub first: usize,
    pub text: String,
}

/// The end of a table, found row by row as both readers read it (one code path): the table
/// ends at its total row (the caller's [`below_total`]), or, in a table without one, at the
/// first row after the districts that has no figure in its two count columns and comes after a
/// blank row or starts like a note or a signature block ([`is_note`]). A row with figures
/// below those notes is an error naming it.
pub(crate) struct Ending {
    /// The header row's line and its cells as [`table::key`]s, to tell a repeat of it.
    header: (usize, Vec<String>),
    /// The line of the row seen before (the header's, at first), to see a blank row above one.
    previous: usize,
    last_read: usize,
    end: Option<TableEnd>,
}

/// What to do with a row of the table's body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Next {
    /// A row of the table (a district, the total, or a row the reader refuses itself).
    Read,
    /// A row of the notes under the table: not read.
    Skip,
}

impl Ending {
    /// Below the header, whose last row is `header` (its headings).
    pub fn new(header: &GridRow) -> Ending {
        let header_line = header.line;
        Ending {
            header: (
                header_line,
                header.cells.iter().map(|c| table::key(c)).collect(),
            ),
            previous: header_line,
            last_read: header_line,
            end: None,
        }
    }

    /// Where `row` (a filled row, in the file's order, above any total row) stands: `columns`
    /// are (district, installed, smartphones); `districts` whether a district was read above.
    pub fn next(
        &mut self,
        src: &Source,
        row: &GridRow,
        columns: (usize, usize, usize),
        districts: bool,
    ) -> Result<Next, Error> {
        let (district, installed, smartphones) = columns;
        let gap = row.line > self.previous.saturating_add(1);
        self.previous = row.line;
        let figures = table::parse_count(row.cell(installed)).is_some()
            || table::parse_count(row.cell(smartphones)).is_some();
        if let Some(end) = &self.end {
            if figures {
                let name = table::district_name(row.cell(district));
                return Err(src.error(
                    row.pos(),
                    TableProblem::AfterEnd {
                        row: row.label(&name),
                        end: end.first,
                    },
                ));
            }
            return Ok(Next::Skip);
        }
        // a second header row, pasted with a second table (trial 13f J33)
        let keys = &self.header.1;
        if keys.iter().filter(|k| !k.is_empty()).count() >= 2
            && keys
                .iter()
                .enumerate()
                .all(|(i, k)| k.is_empty() || table::key(row.cell(i)) == *k)
        {
            return Err(src.error(
                row.pos(),
                TableProblem::HeaderAgain {
                    line: row.line,
                    header: self.header.0,
                },
            ));
        }
        let written = row.cell(district).trim();
        if is_total_row(row, district) && table::is_subtotal(written) {
            return Err(src.error(
                row.cell_pos(district),
                TableProblem::Subtotal {
                    line: row.line,
                    name: crate::diagnostic::shortened(&crate::text::show_hidden(written)),
                },
            ));
        }
        // a name of digits alone: no commune of Việt Nam is named so ("Phường 1" has its
        // word); a row of column numbers or an STT cell (trial 13f J32)
        if written.chars().any(|c| c.is_ascii_digit())
            && written
                .chars()
                .all(|c| c.is_ascii_digit() || c.is_ascii_punctuation() || c.is_whitespace())
        {
            return Err(src.error(
                row.cell_pos(district),
                TableProblem::NumberName {
                    line: row.line,
                    name: crate::diagnostic::shortened(written),
                },
            ));
        }
        if districts && !figures && !is_total_row(row, district) && (gap || is_note(row)) {
            self.end = Some(TableEnd {
                last_read: self.last_read,
                first: row.line,
                text: note_text(row),
            });
            return Ok(Next::Skip);
        }
        self.last_read = row.line;
        Ok(Next::Read)
    }

    /// A filled `row` below the total row on `total_line` (the caller has checked it with
    /// [`below_total`]): the first is where the notes start.
    pub fn after_total(&mut self, row: &GridRow, total_line: usize) {
        if self.end.is_none() {
            self.end = Some(TableEnd {
                last_read: total_line,
                first: row.line,
                text: note_text(row),
            });
        }
    }

    /// Where the table ended before its last row, when notes follow it.
    pub fn end(self) -> Option<TableEnd> {
        self.end
    }
}

/// The text of a note row, as the report quotes it: its cells joined, cut short.
fn note_text(row: &GridRow) -> String {
    let text = row
        .cells
        .iter()
        .map(|c| c.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|c| !c.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    super::skeleton::shown(&text)
}
