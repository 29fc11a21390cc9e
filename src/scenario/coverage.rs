//! A coverage CSV named by the scenario (`coverage = "coverage.csv"`): one row per district,
//! columns `name` (or `district`), `installed`, `smartphones`, one column per local team kind,
//! and any other column is a cohort head count. The headers may be the letter's Vietnamese
//! ones, counts may be written `39,911` or `151.916`, a rate column is checked against the
//! counts and a total row against the sum (`crate::import::table`); an `.xlsx` file is read as
//! the rows of its sheet.

use super::district::{Count, Entry, RawDistrict, normalise, provincial_in_district};
use super::source::{Pos, Source, did_you_mean_hint};
use crate::diagnostic::{Error, did_you_mean};
use crate::import::table::{self, Heading};
use crate::model::{Scope, TeamKind};
use crate::text::Text;

/// What a column holds.
#[derive(Debug, Clone, PartialEq)]
enum Column {
    Name,
    Installed,
    Smartphones,
    /// The printed rate: checked against the counts, not used.
    Rate,
    /// Local teams of this kind.
    Team(String),
    Cohort(String),
}

const KNOWN: [&str; 4] = ["name", "district", "installed", "smartphones"];

/// Reads the rows of a coverage CSV; `check` in `district.rs` does the rest.
pub(super) fn districts<'a>(
    src: &'a Source,
    kinds: &[TeamKind],
) -> Result<Vec<RawDistrict<'a>>, Error> {
    let delimiter = delimiter(&src.text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(src.text.as_bytes());
    // title rows above the header (one cell, as in a spreadsheet) are skipped
    let mut records = reader.records().skip_while(|r| {
        r.as_ref()
            .is_ok_and(|r| r.iter().filter(|c| !c.trim().is_empty()).count() < 2)
    });
    let header = match records.next() {
        None => {
            return Err(src
                .error(
                    Pos::File,
                    Text::new("tệp số liệu đang trống", "the coverage file is empty"),
                )
                .hint(header_hint()));
        }
        Some(record) => record.map_err(|e| csv_error(src, &e))?,
    };
    let header_line = line_of(&header);
    let columns = columns(src, &header, header_line, delimiter, kinds)?;

    let mut districts = Vec::new();
    let mut total: Option<(i128, i128, usize)> = None;
    for record in records {
        let record = record.map_err(|e| csv_error(src, &e))?;
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let line = line_of(&record);
        let extra_filled = record
            .iter()
            .skip(columns.len())
            .any(|c| !c.trim().is_empty());
        if record.len() < columns.len() || extra_filled {
            return Err(src
                .error(
                    Pos::Line { line, column: None },
                    Text::new(
                        format!("dòng này có {} ô nhưng dòng tiêu đề có {} cột", record.len(), columns.len()),
                        format!("this line has {} cells but the header has {} columns", record.len(), columns.len()),
                    ),
                )
                .hint(Text::new(
                    format!("mỗi dòng cần đủ các cột của dòng tiêu đề, cách nhau bằng dấu `{}`; ô có dấu phẩy thì đặt trong ngoặc kép", delimiter as char),
                    format!("every line needs the header's columns, separated by `{}`; put a cell that holds a comma in double quotes", delimiter as char),
                )));
        }
        match row(src, &record, line, &columns, delimiter)? {
            Row::District(d) => districts.push(*d),
            Row::Total(installed, smartphones) => total = Some((installed, smartphones, line)),
        }
    }
    if let Some((installed, smartphones, line)) = total {
        check_total(src, &districts, installed, smartphones, line)?;
    }
    if districts.is_empty() {
        return Err(src
            .error(
                Pos::Line {
                    line: header_line,
                    column: None,
                },
                Text::new(
                    "tệp số liệu không có dòng huyện nào",
                    "the coverage file has no district rows",
                ),
            )
            .hint(Text::new(
                "thêm một dòng cho mỗi huyện dưới dòng tiêu đề",
                "add one line per district below the header",
            )));
    }
    Ok(districts)
}

/// `,` unless the header uses `;` (Excel in a Vietnamese locale) or tabs more often.
fn delimiter(text: &str) -> u8 {
    crate::import::csv_delimiter(text)
}

/// A total row must equal the sum of the district rows.
fn check_total(
    src: &Source,
    districts: &[RawDistrict<'_>],
    installed: i128,
    smartphones: i128,
    line: usize,
) -> Result<(), Error> {
    let sum =
        |f: fn(&RawDistrict<'_>) -> Option<i128>| -> i128 { districts.iter().filter_map(f).sum() };
    let sum_installed = sum(|d| d.installed.as_ref().map(|c| c.value));
    let sum_smartphones = sum(|d| d.smartphones.as_ref().map(|c| c.value));
    if (installed, smartphones) == (sum_installed, sum_smartphones) {
        return Ok(());
    }
    Err(src
        .error(
            Pos::Line { line, column: None },
            Text::new(
                format!("dòng tổng ghi {installed} đã cài / {smartphones} smartphone, nhưng cộng các huyện được {sum_installed} / {sum_smartphones}"),
                format!("the total row says {installed} installed / {smartphones} smartphones, but the districts add up to {sum_installed} / {sum_smartphones}"),
            ),
        )
        .hint(Text::new(
            "sửa dòng tổng, hoặc tìm huyện bị ghi sai hay bị thiếu",
            "correct the total, or find the district that is wrong or missing",
        )))
}

fn line_of(record: &csv::StringRecord) -> usize {
    record
        .position()
        .map_or(1, |p| usize::try_from(p.line()).unwrap_or(usize::MAX))
}

fn header_hint() -> Text {
    Text::new(
        "dòng đầu là dòng tiêu đề, ví dụ: name,installed,smartphones,commune",
        "the first line is a header, e.g. name,installed,smartphones,commune",
    )
}

fn csv_error(src: &Source, err: &csv::Error) -> Error {
    let pos = err.position().map_or(Pos::File, |p| Pos::Line {
        line: usize::try_from(p.line()).unwrap_or(usize::MAX),
        column: None,
    });
    src.error(
        pos,
        Text::new(
            format!("không đọc được tệp CSV: {err}"),
            format!("cannot read the CSV file: {err}"),
        ),
    )
}

/// The meaning of each header cell.
fn columns(
    src: &Source,
    header: &csv::StringRecord,
    line: usize,
    delimiter: u8,
    kinds: &[TeamKind],
) -> Result<Vec<Column>, Error> {
    let mut columns: Vec<Column> = Vec::new();
    for (i, cell) in header.iter().enumerate() {
        let name = cell.trim();
        let at = Pos::Line {
            line,
            column: cell_column(&src.text, line, i, delimiter),
        };
        let lower = name.to_lowercase();
        let column = match (lower.as_str(), table::heading(name)) {
            ("", _) => {
                return Err(src
                    .error(
                        at,
                        Text::new(
                            format!("cột thứ {} của dòng tiêu đề chưa có tên", i + 1),
                            format!("column {} of the header has no name", i + 1),
                        ),
                    )
                    .hint(Text::new(
                        "đặt tên cho cột, hoặc xóa cột trống",
                        "give the column a name, or delete the empty column",
                    )));
            }
            (_, Some(Heading::District)) => Column::Name,
            (_, Some(Heading::Installed)) => Column::Installed,
            (_, Some(Heading::Smartphones)) => Column::Smartphones,
            (_, Some(Heading::Rate)) => Column::Rate,
            _ => match kinds.iter().find(|k| k.name.to_lowercase() == lower) {
                Some(kind) if kind.scope == Scope::Local => Column::Team(kind.name.clone()),
                Some(kind) => {
                    return Err(provincial_in_district(
                        src,
                        at,
                        &kind.name,
                        ("xóa cột này", "delete this column"),
                    )
                    .field(name));
                }
                None => {
                    if let Some(known) = did_you_mean(&lower, KNOWN) {
                        return Err(src
                            .error(
                                at,
                                Text::new(
                                    format!("không biết cột `{name}`"),
                                    format!("unknown column `{name}`"),
                                ),
                            )
                            .hint(did_you_mean_hint(known)));
                    }
                    // cohort names are matched by rules in lower case (`students`)
                    Column::Cohort(name.to_lowercase())
                }
            },
        };
        if columns.iter().any(|c| same_column(c, &column)) {
            let (vi, en) = if column == Column::Name {
                (
                    format!(
                        "cột `{name}` lặp lại cột tên huyện (`name` và `district` là cùng một cột)"
                    ),
                    format!(
                        "column `{name}` repeats the district name column (`name` and `district` are the same column)"
                    ),
                )
            } else {
                (
                    format!("cột `{name}` bị lặp"),
                    format!("column `{name}` appears twice"),
                )
            };
            return Err(src.error(at, Text::new(vi, en)).hint(Text::new(
                "xóa một trong hai cột",
                "delete one of the two columns",
            )));
        }
        columns.push(column);
    }
    for (column, title) in [
        (Column::Name, "name"),
        (Column::Installed, "installed"),
        (Column::Smartphones, "smartphones"),
    ] {
        if !columns.contains(&column) {
            return Err(src
                .error(
                    Pos::Line { line, column: None },
                    Text::new(
                        format!("dòng tiêu đề thiếu cột `{title}`"),
                        format!("the header has no `{title}` column"),
                    ),
                )
                .hint(header_hint()));
        }
    }
    Ok(columns)
}

/// A row of the table: a district, or the total (installed, smartphones).
enum Row<'a> {
    District(Box<RawDistrict<'a>>),
    Total(i128, i128),
}

/// One district row, or the total row.
fn row<'a>(
    src: &'a Source,
    record: &csv::StringRecord,
    line: usize,
    columns: &[Column],
    delimiter: u8,
) -> Result<Row<'a>, Error> {
    let at = |i: usize| Pos::Line {
        line,
        column: cell_column(&src.text, line, i, delimiter),
    };
    let name_index = columns.iter().position(|c| *c == Column::Name).unwrap_or(0);
    let written = record.get(name_index).unwrap_or("").trim();
    let name = normalise(written);
    let mut d = RawDistrict {
        at: src.spot(Pos::Line { line, column: None }),
        name: Some((written.to_string(), src.spot(at(name_index)))),
        installed: None,
        smartphones: None,
        teams: Vec::new(),
        cohorts: Vec::new(),
    };
    for (i, column) in columns.iter().enumerate() {
        let cell = record.get(i).unwrap_or("").trim();
        let title = header_title(column);
        let count = |required: bool| -> Result<Option<Count>, Error> {
            match table::parse_count(cell) {
                Some(value) => Ok(Some(Count {
                    value,
                    at: src.spot(at(i)),
                })),
                None if cell.is_empty() && !required => Ok(None),
                None => Err(bad_cell(src, at(i), cell, &name, title)),
            }
        };
        if table::is_total(&name) {
            // only the counts of a total row are read (and checked against the sum)
            match column {
                Column::Installed => d.installed = count(true)?,
                Column::Smartphones => d.smartphones = count(true)?,
                _ => {}
            }
            continue;
        }
        match column {
            Column::Name => {}
            Column::Rate => check_rate(src, at(i), record, columns, cell, &name)?,
            Column::Installed => d.installed = count(true)?,
            Column::Smartphones => d.smartphones = count(true)?,
            Column::Team(kind) => {
                if let Some(c) = count(false)? {
                    d.teams.push(Entry {
                        key: kind.clone(),
                        key_at: src.spot(at(i)),
                        count: c,
                    });
                }
            }
            Column::Cohort(cohort) => {
                if let Some(c) = count(false)? {
                    d.cohorts.push(Entry {
                        key: cohort.clone(),
                        key_at: src.spot(at(i)),
                        count: c,
                    });
                }
            }
        }
    }
    if table::is_total(&name) {
        let value = |c: &Option<Count>| c.as_ref().map_or(0, |c| c.value);
        return Ok(Row::Total(value(&d.installed), value(&d.smartphones)));
    }
    Ok(Row::District(Box::new(d)))
}

/// The printed rate of a row against its counts (the letter truncates: 22.98% is 22%).
fn check_rate(
    src: &Source,
    at: Pos,
    record: &csv::StringRecord,
    columns: &[Column],
    cell: &str,
    district: &str,
) -> Result<(), Error> {
    let count_of = |wanted: &Column| {
        columns
            .iter()
            .position(|c| c == wanted)
            .and_then(|i| record.get(i))
            .and_then(|c| table::parse_count(c.trim()))
            .and_then(|v| u64::try_from(v).ok())
    };
    let (Some(installed), Some(smartphones)) =
        (count_of(&Column::Installed), count_of(&Column::Smartphones))
    else {
        return Ok(()); // a bad count has its own error
    };
    if cell.is_empty() {
        return Ok(());
    }
    let message = match table::parse_rate(cell) {
        None => Text::new(
            format!("`{cell}` không phải là tỷ lệ"),
            format!("`{cell}` is not a rate"),
        ),
        Some(printed) if table::rate_agrees(printed, installed, smartphones) => return Ok(()),
        Some(_) => {
            let actual = table::rate_text(installed, smartphones);
            Text::new(
                format!("tỷ lệ ghi `{cell}` nhưng {installed}/{smartphones} là {actual}"),
                format!("the rate says `{cell}` but {installed}/{smartphones} is {actual}"),
            )
        }
    };
    let err = src.error(at, message).field("rate").hint(Text::new(
        "kiểm tra số đã cài, số smartphone và tỷ lệ của dòng này (tỷ lệ chỉ để đối chiếu; chương trình tự tính từ số máy)",
        "check this row's installed, smartphones and rate (the rate is only a check; the planner computes it from the counts)",
    ));
    Err(if district.is_empty() {
        err
    } else {
        err.district(district)
    })
}

/// Two header cells for one column; cohorts differ only in case (`students`, `Students`).
fn same_column(a: &Column, b: &Column) -> bool {
    match (a, b) {
        (Column::Cohort(a), Column::Cohort(b)) => a.to_lowercase() == b.to_lowercase(),
        _ => a == b,
    }
}

fn header_title(column: &Column) -> &str {
    match column {
        Column::Name => "name",
        Column::Installed => "installed",
        Column::Smartphones => "smartphones",
        Column::Rate => "rate",
        Column::Team(k) | Column::Cohort(k) => k,
    }
}

fn bad_cell(src: &Source, at: Pos, cell: &str, district: &str, column: &str) -> Error {
    let message = if cell.is_empty() {
        Text::new("ô này đang trống", "the cell is empty")
    } else {
        Text::new(
            format!("`{cell}` không phải là số nguyên"),
            format!("`{cell}` is not a whole number"),
        )
    };
    let hint = if cell.ends_with('%') {
        Text::new(
            "cột tỷ lệ không cần thiết: chương trình tự tính tỷ lệ từ số máy; xóa cột này",
            "a rate column is not needed: the planner computes rates from the counts; delete this column",
        )
    } else {
        Text::new(
            "ghi một số nguyên không có phần thập phân, ví dụ 151916 hoặc 151.916",
            "write a whole number without decimals, e.g. 151916 or 151,916",
        )
    };
    let err = src.error(at, message).field(column).hint(hint);
    if district.is_empty() {
        err
    } else {
        err.district(district)
    }
}

#[cfg(test)]
fn is_total(name: &str) -> bool {
    table::is_total(name)
}

/// The 1-based column of cell `index` on `line`, when the line has no quotes to confuse it.
fn cell_column(text: &str, line: usize, index: usize, delimiter: u8) -> Option<usize> {
    let raw = text.lines().nth(line.checked_sub(1)?)?;
    if raw.contains('"') {
        return None;
    }
    let mut column = 1;
    for (i, cell) in raw.split(delimiter as char).enumerate() {
        if i == index {
            let leading = cell.chars().take_while(|c| c.is_whitespace()).count();
            return Some(column + leading);
        }
        column += cell.chars().count() + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn semicolons_are_detected() {
        assert_eq!(delimiter("name;installed;smartphones\n"), b';');
        assert_eq!(delimiter("name,installed,smartphones\n"), b',');
        assert_eq!(delimiter("name\n"), b',');
    }

    #[test]
    fn total_rows_are_recognised() {
        assert!(is_total("Tổng cộng"));
        assert!(is_total("Total"));
        assert!(!is_total("Tràng Định"));
    }

    #[test]
    fn cell_columns_count_characters() {
        let text = "name,installed\nHữu Lũng, 18019\n";
        assert_eq!(cell_column(text, 2, 1, b','), Some(11));
        assert_eq!(cell_column(text, 2, 0, b','), Some(1));
    }
}
