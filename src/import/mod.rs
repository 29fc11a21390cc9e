//! `campaign import`: a coverage table as it comes (CSV or XLSX, Vietnamese or English
//! headers, the letter's number formats, a total row, a rate column), checked row by row,
//! and the scenario skeleton made from it.

pub(crate) mod check;
mod csv;
pub(crate) mod file;
pub(crate) mod grid;
pub(crate) mod header;
pub mod skeleton;
pub mod table;
mod xlsx;

use std::path::{Path, PathBuf};

use crate::diagnostic::Error;
use crate::source::{Source, name_list};
use crate::text::{Lang, Text};
use check::{Reader, Total};
use grid::{Grid, GridRow};
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
    let mut total: Option<(u64, u64, usize)> = None;
    for row in &rows[1..] {
        let name = table::district_name(row.cell(columns.district));
        let at = row.pos();
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
            if installed > smartphones {
                return Err(src
                    .error(
                        at,
                        Text::new(
                            format!(
                                "{}: số đã cài ({installed}) lớn hơn số smartphone ({smartphones})",
                                label.vi
                            ),
                            format!(
                                "{}: installed ({installed}) is more than smartphones ({smartphones})",
                                label.get(Lang::En)
                            ),
                        ),
                    )
                    .district(&name)
                    .hint(Text::new(
                        "kiểm tra hai cột có bị đổi chỗ không",
                        "check whether the two columns are swapped",
                    )));
            }
            if smartphones == 0 {
                return Err(src
                    .error(
                        at,
                        Text::new(
                            format!("{}: số smartphone bằng 0", label.vi),
                            format!("{}: smartphones is 0", label.get(Lang::En)),
                        ),
                    )
                    .district(&name)
                    .hint(Text::new(
                        "mỗi huyện cần ít nhất một smartphone; xóa dòng nếu huyện không có số liệu",
                        "every district needs at least one smartphone; delete the row if it has no data",
                    )));
            }
            let key = table::name_key(&name);
            if let Some(first) = districts.iter().find(|d| table::name_key(&d.name) == key) {
                return Err(src
                    .error(
                        at,
                        Text::new(
                            format!("{}: huyện đã có ở dòng {}", label.vi, first.line),
                            format!(
                                "{}: the district is already on row {}",
                                label.get(Lang::En),
                                first.line
                            ),
                        ),
                    )
                    .district(&name)
                    .hint(Text::new(
                        "xóa một trong hai dòng",
                        "delete one of the two rows",
                    )));
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
                return Err(src
                    .error(
                        header.pos(),
                        Text::new(
                            format!(
                                "dòng tiêu đề (dòng {}): cột `{}` bị lặp",
                                header.line,
                                cell.trim()
                            ),
                            format!(
                                "the header row (row {}): column `{}` appears twice",
                                header.line,
                                cell.trim()
                            ),
                        ),
                    )
                    .hint(Text::new(
                        "xóa một trong hai cột",
                        "delete one of the two columns",
                    )));
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

fn missing_columns(src: &Source, best: &GridRow) -> Error {
    let found: Vec<&str> = best
        .cells
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect();
    let have: Vec<Heading> = best
        .cells
        .iter()
        .filter_map(|c| table::heading(c))
        .collect();
    let missing: Vec<(&str, &str)> = [
        (Heading::District, ("Huyện", "District")),
        (Heading::Installed, ("Đã cài Bluezone", "Installed")),
        (Heading::Smartphones, ("Tổng smartphone", "Smartphones")),
    ]
    .iter()
    .filter(|(h, _)| !have.contains(h))
    .map(|(_, n)| *n)
    .collect();
    let found = name_list(found);
    let missing_vi = name_list(missing.iter().map(|m| m.0));
    let missing_en = name_list(missing.iter().map(|m| m.1));
    src.error(
        best.pos(),
        Text::new(
            format!(
                "không tìm thấy dòng tiêu đề đủ cột: dòng {} có {found}; thiếu {missing_vi}",
                best.line
            ),
            format!(
                "no header row with the needed columns: row {} has {found}; missing {missing_en}",
                best.line
            ),
        ),
    )
    .hint(Text::new(
        format!("dòng tiêu đề cần các cột {}", table::expected().vi),
        format!(
            "the header row needs the columns {}",
            table::expected().get(Lang::En)
        ),
    ))
}

fn count(
    src: &Source,
    row: &GridRow,
    index: usize,
    column: &str,
    label: &Text,
) -> Result<u64, Error> {
    let cell = row.cell(index);
    let at = row.pos();
    match table::parse_count(cell) {
        Some(v) if v < 0 => Err(src
            .error(
                at,
                Text::new(
                    format!("{}: số âm `{cell}`", label.vi),
                    format!("{}: negative count `{cell}`", label.get(Lang::En)),
                ),
            )
            .table_column(column)
            .hint(Text::new(
                "số máy không thể âm",
                "a count cannot be negative",
            ))),
        Some(v) => match u64::try_from(v) {
            Ok(v) if i128::from(v) <= check::MAX_PEOPLE => Ok(v),
            _ => {
                let (message, hint) = check::too_large();
                Err(src
                    .error(
                        at,
                        Text::new(
                            format!("{}: {}: `{cell}`", label.vi, message.vi),
                            format!(
                                "{}: {}: `{cell}`",
                                label.get(Lang::En),
                                message.get(Lang::En)
                            ),
                        ),
                    )
                    .table_column(column)
                    .hint(hint))
            }
        },
        None => {
            let (message, hint) = check::bad_count(row, index);
            Err(src
                .error(
                    at,
                    Text::new(
                        format!("{}: {}", label.vi, message.vi),
                        format!("{}: {}", label.get(Lang::En), message.get(Lang::En)),
                    ),
                )
                .table_column(column)
                .hint(hint))
        }
    }
}
