//! `campaign import`: a coverage table as it comes (CSV or XLSX, Vietnamese or English
//! headers, the letter's number formats, a total row, a rate column), checked row by row,
//! and the scenario skeleton made from it.

pub(crate) mod check;
mod csv;
pub(crate) mod file;
pub(crate) mod grid;
pub(crate) mod header;
pub(crate) mod message;
mod reference;
pub mod skeleton;
pub mod table;
mod xlsx;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Error, shortened};
use crate::source::Source;
use check::{Reader, Total};
use grid::{Grid, GridRow};
use message::{CellProblem, HiddenCharacter, InRow, Row, RowProblem, TableProblem};
use table::Heading;

/// The districts of an imported table, in its order.
#[derive(Debug, Clone, PartialEq)]
pub struct Coverage {
    pub path: PathBuf,
    pub districts: Vec<ImportedDistrict>,
    /// The total row's installed and smartphones, when the table has one (checked).
    pub total: Option<(u64, u64)>,
}

/// One district row.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedDistrict {
    /// NFC, trimmed, without "Huyện " ([`table::district_name`]).
    pub name: String,
    pub installed: u64,
    pub smartphones: u64,
    /// The row's line (CSV) or row number (XLSX).
    pub line: usize,
}

/// Reads and checks the coverage table at `path` (`.xlsx` or CSV).
pub fn read(path: &Path) -> Result<Coverage, Error> {
    coverage(&file::read(path)?)
}

/// The columns of the header row.
struct Columns {
    district: usize,
    installed: usize,
    smartphones: usize,
    rate: Option<usize>,
}

fn coverage(grid: &Grid) -> Result<Coverage, Error> {
    let src = &grid.src;
    let Some(header_at) = header::find(&grid.rows) else {
        return Err(match header::best(&grid.rows) {
            Some(best) => missing_columns(src, &grid.rows[best]),
            None => check::empty(src),
        });
    };
    let rows: Vec<&GridRow> = grid.rows[header_at..]
        .iter()
        .filter(|r| r.filled() > 0)
        .collect();
    let header = rows[0];
    let columns = columns(src, header)?;

    let mut districts: Vec<ImportedDistrict> = Vec::new();
    // the line of each district read, by its name's key: a name given twice is found at once
    let mut lines: HashMap<String, usize> = HashMap::new();
    let mut total: Option<(u64, u64, usize)> = None;
    for row in &rows[1..] {
        let name = table::district_name(row.cell(columns.district));
        let at = row.pos();
        if let Some(hidden) = HiddenCharacter::of(&name) {
            // (the row's label would print the name, character and all)
            return Err(src.error(at, RowProblem::Hidden(hidden)));
        }
        let label = row.label(&name);
        if total.is_some() {
            check::below_total(src, row, columns.installed, &name)?;
            continue;
        }
        if name.is_empty() && row.cell(columns.installed).is_empty() {
            continue;
        }
        let is_total = check::is_total_row(row, columns.district);
        if name.is_empty() && !is_total {
            return Err(check::unnamed(src, row, columns.district));
        }
        let installed = count(
            src,
            row,
            columns.installed,
            &header.title(columns.installed, "installed"),
            &label,
        )?;
        let smartphones = count(
            src,
            row,
            columns.smartphones,
            &header.title(columns.smartphones, "smartphones"),
            &label,
        )?;
        if is_total {
            total = Some((installed, smartphones, row.line));
        } else {
            let in_row = |problem: RowProblem| {
                src.error(
                    at,
                    InRow {
                        row: label.clone(),
                        problem,
                    },
                )
                .district(&name)
            };
            if installed > smartphones {
                return Err(in_row(RowProblem::InstalledAboveSmartphones {
                    installed,
                    smartphones,
                }));
            }
            if smartphones == 0 {
                return Err(in_row(RowProblem::NoSmartphones));
            }
            if let Some(first_line) = lines.insert(table::name_key(&name), row.line) {
                return Err(in_row(RowProblem::Twice { first_line }));
            }
            districts.push(ImportedDistrict {
                name: name.clone(),
                installed,
                smartphones,
                line: row.line,
            });
        }
        if let Some(rate) = columns.rate {
            check::rate(
                src,
                row,
                rate,
                &header.title(rate, "rate"),
                &name,
                (installed, smartphones),
                Reader::Import,
            )?;
        }
    }
    if districts.is_empty() {
        return Err(check::no_districts(src, header));
    }
    if let Some((installed, smartphones, line)) = total {
        let total = Total {
            installed: installed.into(),
            smartphones: smartphones.into(),
            line,
        };
        let sums = districts
            .iter()
            .map(|d| (d.installed.into(), d.smartphones.into()));
        total.check(src, sums, Reader::Import)?;
    }
    Ok(Coverage {
        path: src.path.clone(),
        districts,
        total: total.map(|(i, s, _)| (i, s)),
    })
}

/// The header row's columns; every heading is found once.
fn columns(src: &Source, header: &GridRow) -> Result<Columns, Error> {
    let mut found: Vec<(Heading, usize)> = Vec::new();
    for (i, cell) in header.cells.iter().enumerate() {
        if let Some(h) = table::heading(cell) {
            if h != Heading::Notes && found.iter().any(|(f, _)| *f == h) {
                return Err(src.error(
                    header.pos(),
                    TableProblem::HeadingTwice {
                        line: header.line,
                        heading: cell.trim().to_string(),
                    },
                ));
            }
            found.push((h, i));
        }
    }
    let get = |h: Heading| found.iter().find(|(f, _)| *f == h).map(|(_, i)| *i);
    Ok(Columns {
        district: get(Heading::District).unwrap_or(0),
        installed: get(Heading::Installed).unwrap_or(0),
        smartphones: get(Heading::Smartphones).unwrap_or(0),
        rate: get(Heading::Rate),
    })
}

/// The cells of a row that is not a header, quoted in its message: the first few, each cut
/// short (found by fuzzing: a 12,900-character cell, or a thousand cells, was quoted whole).
const LISTED_CELLS: usize = 12;

fn missing_columns(src: &Source, best: &GridRow) -> Error {
    let cells: Vec<&str> = best
        .cells
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect();
    let found = cells
        .iter()
        .take(LISTED_CELLS)
        .map(|c| shortened(c))
        .collect();
    let more = cells.len().saturating_sub(LISTED_CELLS);
    let have: Vec<Heading> = best
        .cells
        .iter()
        .filter_map(|c| table::heading(c))
        .collect();
    let missing = [Heading::District, Heading::Installed, Heading::Smartphones]
        .into_iter()
        .filter(|h| !have.contains(h))
        .collect();
    src.error(
        best.pos(),
        TableProblem::MissingColumns {
            line: best.line,
            found,
            more,
            missing,
        },
    )
}

fn count(
    src: &Source,
    row: &GridRow,
    index: usize,
    column: &str,
    label: &Row,
) -> Result<u64, Error> {
    let cell = row.cell(index);
    let problem = match table::parse_count(cell) {
        Some(v) if v < 0 => RowProblem::Negative {
            cell: cell.to_string(),
        },
        Some(v) => match u64::try_from(v) {
            Ok(v) if i128::from(v) <= check::MAX_PEOPLE => return Ok(v),
            _ => RowProblem::Cell(CellProblem::TooLarge {
                cell: Some(cell.to_string()),
            }),
        },
        None => RowProblem::Cell(check::count_problem(row, index)),
    };
    Err(src
        .error(
            row.pos(),
            InRow {
                row: label.clone(),
                problem,
            },
        )
        .table_column(column))
}
