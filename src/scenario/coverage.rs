//! A coverage CSV named by the scenario (`coverage = "coverage.csv"`): one row per district,
//! columns `name` (or `district`), `installed`, `smartphones`, one column per local team kind,
//! and any other column is a cohort head count.

use super::district::{Count, Entry, RawDistrict, normalise, provincial_in_district};
use super::source::{Pos, Source, did_you_mean_hint};
use crate::diagnostic::{Error, did_you_mean};
use crate::model::{Scope, TeamKind};
use crate::text::Text;

/// What a column holds.
#[derive(Debug, Clone, PartialEq)]
enum Column {
    Name,
    Installed,
    Smartphones,
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
    let mut records = reader.records();
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
        districts.push(row(src, &record, line, &columns, delimiter)?);
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
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| (first.bytes().filter(|b| b == d).count(), *d == b','))
        .unwrap_or(b',')
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
        let column = match lower.as_str() {
            "" => {
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
            "name" | "district" => Column::Name,
            "installed" => Column::Installed,
            "smartphones" => Column::Smartphones,
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

/// One district row.
fn row<'a>(
    src: &'a Source,
    record: &csv::StringRecord,
    line: usize,
    columns: &[Column],
    delimiter: u8,
) -> Result<RawDistrict<'a>, Error> {
    let at = |i: usize| Pos::Line {
        line,
        column: cell_column(&src.text, line, i, delimiter),
    };
    let name_index = columns.iter().position(|c| *c == Column::Name).unwrap_or(0);
    let written = record.get(name_index).unwrap_or("").trim();
    let name = normalise(written);
    if is_total(&name) {
        return Err(src
            .error(
                at(name_index),
                Text::new(
                    format!("dòng \"{name}\" có vẻ là dòng tổng, không phải một huyện"),
                    format!("the line \"{name}\" looks like a total, not a district"),
                ),
            )
            .hint(Text::new(
                "xóa dòng tổng; chương trình tự cộng các huyện",
                "delete the total line; the planner adds up the districts itself",
            )));
    }
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
            match parse_count(cell) {
                Some(value) => Ok(Some(Count {
                    value,
                    at: src.spot(at(i)),
                })),
                None if cell.is_empty() && !required => Ok(None),
                None => Err(bad_cell(src, at(i), cell, &name, title)),
            }
        };
        match column {
            Column::Name => {}
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
    Ok(d)
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

/// A count as people write it: `151916`, `151.916`, `151,916`, `151 916` (groups of three).
fn parse_count(cell: &str) -> Option<i128> {
    let (negative, body) = match cell.strip_prefix('-') {
        Some(rest) => (true, rest.trim_start()),
        None => (false, cell),
    };
    let separators: Vec<char> = body.chars().filter(|c| !c.is_ascii_digit()).collect();
    let digits: String = if separators.is_empty() {
        body.to_string()
    } else {
        let sep = separators[0];
        let allowed = ['.', ',', ' ', '_', '\u{a0}', '\u{202f}'];
        if !allowed.contains(&sep) || separators.iter().any(|c| *c != sep) {
            return None;
        }
        let groups: Vec<&str> = body.split(sep).collect();
        let grouped =
            (1..=3).contains(&groups[0].len()) && groups[1..].iter().all(|g| g.len() == 3);
        if !grouped {
            return None;
        }
        groups.concat()
    };
    if digits.is_empty() || digits.len() > 30 {
        return None;
    }
    let value: i128 = digits.parse().ok()?;
    Some(if negative { -value } else { value })
}

/// Rows like "Tổng cộng" or "Total" that the letter's tables end with.
fn is_total(name: &str) -> bool {
    let lower = name.to_lowercase();
    ["tổng", "total", "toàn tỉnh", "cộng"]
        .iter()
        .any(|t| lower == *t || lower.starts_with(&format!("{t} ")))
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
    fn counts_as_the_letter_writes_them() {
        assert_eq!(parse_count("151.916"), Some(151_916));
        assert_eq!(parse_count("39,911"), Some(39_911));
        assert_eq!(parse_count("1 234 567"), Some(1_234_567));
        assert_eq!(parse_count("96818"), Some(96_818));
        assert_eq!(parse_count("-5"), Some(-5));
        assert_eq!(parse_count("1.5"), None);
        assert_eq!(parse_count("22%"), None);
        assert_eq!(parse_count("1.234,5"), None);
        assert_eq!(parse_count(""), None);
        assert_eq!(parse_count("abc"), None);
    }

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
