//! The date of a table's figures, as offices write it in the title rows above the header:
//! "Số liệu đến ngày 31/8/2020", "tính đến 17h ngày 31/8" (the year from elsewhere in the
//! title, or from the file's name), "ngày 31 tháng 8 năm 2020"; or in the file's name
//! (`bao-cao-2020-08-31.xlsx`). It becomes the scenario's `as_of`; `--as-of` wins.

use std::path::Path;

use super::grid::GridRow;
use super::message::DateProblem;
use crate::diagnostic::Error;
use crate::source::{Pos, Source};

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: u32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// `2020-08-31`, as a scenario writes it.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// `31/8/2020`, as the letter writes it.
    pub fn written(&self) -> String {
        format!("{}/{}/{}", self.day, self.month, self.year)
    }

    fn checked(year: u32, month: u32, day: u32) -> Option<Date> {
        let leap =
            (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        ((1900..=2200).contains(&year) && (1..=days).contains(&day)).then_some(Date {
            year,
            month,
            day,
        })
    }

    /// A date as given to `--as-of`: `2020-08-31`, or as Vietnamese write it, `31/8/2020`
    /// (also `31-8-2020`, `31.8.2020`; a four-digit year).
    pub fn parse_given(text: &str) -> Option<Date> {
        let text = text.trim();
        if let Some(date) = Date::parse_iso(text) {
            return Some(date);
        }
        let sep = ['/', '-', '.'].into_iter().find(|s| text.contains(*s))?;
        let parts: Vec<&str> = text.split(sep).collect();
        match parts.as_slice() {
            [d, m, y] => Date::checked(number(y, 4..=4)?, number(m, 1..=2)?, number(d, 1..=2)?),
            _ => None,
        }
    }

    /// `2020-08-31` as given to `--as-of`.
    pub fn parse_iso(text: &str) -> Option<Date> {
        let parts: Vec<&str> = text.trim().split('-').collect();
        if parts.len() != 3 || parts[0].len() != 4 || parts[1].len() != 2 || parts[2].len() != 2 {
            return None;
        }
        let n: Vec<u32> = parts
            .iter()
            .map(|p| p.parse().ok())
            .collect::<Option<_>>()?;
        Date::checked(n[0], n[1], n[2])
    }
}

/// Where the year of a title's date came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum YearFrom {
    /// Written with the date.
    Date,
    /// Written elsewhere in the title rows (on that line).
    Title { line: usize },
    /// The file's name.
    FileName,
}

/// Where `as_of` came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AsOf {
    /// `--as-of`.
    Given(Date),
    /// A title row: the cell as written, its line, and where the year came from.
    Title {
        date: Date,
        text: String,
        line: usize,
        year: YearFrom,
    },
    /// The file's name.
    FileName(Date),
    /// The table's date column (`Số liệu đến ngày`, as the tool's own CSV and workbook write
    /// it): the date, and the column's heading as written.
    Column { date: Date, heading: String },
    /// Nowhere: the skeleton's placeholder date.
    Placeholder,
}

impl AsOf {
    pub fn date(&self) -> Option<Date> {
        match self {
            AsOf::Given(d)
            | AsOf::FileName(d)
            | AsOf::Title { date: d, .. }
            | AsOf::Column { date: d, .. } => Some(*d),
            AsOf::Placeholder => None,
        }
    }
}

/// Whether a heading names a column of the figures' date, as the tool's own CSV and workbook
/// write it (`Số liệu đến ngày`, `Data as of`) or as a table may (`Ngày số liệu`, `as_of`).
pub fn is_heading(cell: &str) -> bool {
    matches!(
        super::table::key(cell).as_str(),
        "so lieu den ngay" | "ngay so lieu" | "data as of" | "as of" | "figures as of"
    )
}

/// The date of a table's date column (`index`, headed `heading`) over its `rows` (districts and
/// total): every filled cell one date (`2020-08-31`, `31/8/2020`, or a workbook's date cell);
/// `None` when every cell is empty.
pub(crate) fn of_column(
    src: &Source,
    rows: &[&GridRow],
    index: usize,
    heading: &str,
) -> Result<Option<Date>, Error> {
    let mut first: Option<(Date, usize)> = None;
    for row in rows {
        let cell = row.cell(index);
        if cell.is_empty() {
            continue;
        }
        let at = row.cell_pos(index);
        let date = Date::parse_given(cell).ok_or_else(|| {
            src.error(
                at,
                DateProblem::ColumnNotADate {
                    line: row.line,
                    heading: heading.to_string(),
                    cell: super::skeleton::shown(cell),
                },
            )
        })?;
        match first {
            None => first = Some((date, row.line)),
            Some((seen, first_line)) if seen != date => {
                return Err(src.error(
                    at,
                    DateProblem::ColumnDatesDiffer {
                        heading: heading.to_string(),
                        line: row.line,
                        date: date.written(),
                        first_line,
                        first: seen.written(),
                    },
                ));
            }
            Some(_) => {}
        }
    }
    Ok(first.map(|(date, _)| date))
}

/// A date found in a text: day, month, and year when written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Found {
    day: u32,
    month: u32,
    year: Option<u32>,
    /// Written after "đến" (up to): the figures' own date, before any other.
    until: bool,
}

/// The text read for dates: lower case, without diacritics ("đến" is "den"), and `/`, `-`,
/// `.` kept between digits.
fn words(text: &str) -> Vec<String> {
    let mut plain = String::new();
    for c in unicode_normalization::UnicodeNormalization::nfd(text) {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        match c {
            'đ' | 'Đ' => plain.push('d'),
            c if c.is_alphanumeric() || matches!(c, '/' | '-' | '.') => {
                plain.extend(c.to_lowercase());
            }
            _ => plain.push(' '),
        }
    }
    plain
        .split_whitespace()
        .map(|w| w.trim_matches(|c| matches!(c, '.' | '-' | '/')).to_string())
        .filter(|w| !w.is_empty())
        .collect()
}

fn number(w: &str, digits: std::ops::RangeInclusive<usize>) -> Option<u32> {
    (digits.contains(&w.len()) && w.chars().all(|c| c.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
}

/// The dates written in `text`: `31/8/2020`, `31-8-2020`, `31.8.2020`, `2020-08-31`, `31/8`,
/// `ngày 31 tháng 8 năm 2020`, `31 tháng 8`.
fn dates(text: &str) -> Vec<Found> {
    let w = words(text);
    let mut found = Vec::new();
    let until_before = |i: usize| w[i.saturating_sub(4)..i].iter().any(|x| x == "den");
    let mut i = 0;
    while i < w.len() {
        let word = &w[i];
        let sep = ['/', '-', '.'].into_iter().find(|s| word.contains(*s));
        if let Some(sep) = sep {
            let parts: Vec<&str> = word.split(sep).collect();
            let date = match parts.as_slice() {
                [y, m, d] if y.len() == 4 => {
                    match (number(y, 4..=4), number(m, 1..=2), number(d, 1..=2)) {
                        (Some(y), Some(m), Some(d)) => Some((d, m, Some(y))),
                        _ => None,
                    }
                }
                // `31/8/2020`, and `31/8/20` (two digits: this century)
                [d, m, y] => match (number(d, 1..=2), number(m, 1..=2), number(y, 2..=4)) {
                    (Some(day), Some(month), Some(year)) if y.len() == 4 => {
                        Some((day, month, Some(year)))
                    }
                    (Some(day), Some(month), Some(year)) if y.len() == 2 => {
                        Some((day, month, Some(2000 + year)))
                    }
                    _ => None,
                },
                [d, m] if sep == '/' => match (number(d, 1..=2), number(m, 1..=2)) {
                    (Some(d), Some(m)) => Some((d, m, None)),
                    _ => None,
                },
                _ => None,
            };
            if let Some((day, month, year)) = date {
                found.push(Found {
                    day,
                    month,
                    year,
                    until: until_before(i),
                });
            }
            i += 1;
            continue;
        }
        // "31 tháng 8 năm 2020", "ngày 31 tháng 8"
        if let (Some(day), Some("thang"), Some(month)) = (
            number(word, 1..=2),
            w.get(i + 1).map(String::as_str),
            w.get(i + 2).and_then(|m| number(m, 1..=2)),
        ) {
            let year = match (w.get(i + 3).map(String::as_str), w.get(i + 4)) {
                (Some("nam"), Some(y)) => number(y, 4..=4),
                _ => None,
            };
            found.push(Found {
                day,
                month,
                year,
                until: until_before(i),
            });
            i += 3;
            continue;
        }
        i += 1;
    }
    found
}

/// A year written on its own in `text` ("năm 2020", "2020"), not as part of a date.
fn year(text: &str) -> Option<u32> {
    words(text)
        .iter()
        .filter_map(|w| number(w, 4..=4))
        .find(|y| (2000..=2100).contains(y))
}

/// The date in a file's name: `bao-cao-2020-08-31.xlsx`, `so-lieu-31-8-2020.csv`.
fn in_file_name(path: &Path) -> Option<Date> {
    let stem = path.file_stem()?.to_string_lossy().replace('_', " ");
    // the parts of a dashed name are one word: `2020-08-31` is read as a date only when it is
    // the name's own last part
    let w = words(&stem);
    for word in w.iter().rev() {
        let parts: Vec<&str> = word.split('-').collect();
        for start in 0..parts.len().saturating_sub(2) {
            let t = &parts[start..start + 3];
            let n: Option<Vec<u32>> = t.iter().map(|p| number(p, 1..=4)).collect();
            if let Some(n) = n {
                let date = if t[0].len() == 4 {
                    Date::checked(n[0], n[1], n[2])
                } else if t[2].len() == 4 {
                    Date::checked(n[2], n[1], n[0])
                } else {
                    None
                };
                if date.is_some() {
                    return date;
                }
            }
        }
    }
    None
}

fn year_in_file_name(path: &Path) -> Option<u32> {
    let stem = path
        .file_stem()?
        .to_string_lossy()
        .replace(['_', '-', '.'], " ");
    year(&stem)
}

/// A date found in a title: the date, the cell's place among the title cells, the date's place
/// in its cell, the row, the cell as shown in messages, and the year written in the same cell.
type Candidate<'a> = (Found, usize, usize, &'a GridRow, String, Option<u32>);

/// The date of the figures of a table: `given` (`--as-of`), else the first date in the title
/// rows `titles` (one written after "đến" first), else the file's name. A title's date without
/// a year takes the year written elsewhere in the titles, else in the file's name; with none
/// the date is not guessed (the error asks for `--as-of`).
pub(crate) fn as_of(src: &Source, titles: &[&GridRow], given: Option<Date>) -> Result<AsOf, Error> {
    if let Some(date) = given {
        return Ok(AsOf::Given(date));
    }
    // each date with its cell's place in the file and its own place in the cell, and the
    // years written with the cell's other dates
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut cell_index = 0;
    for row in titles {
        for cell in &row.cells {
            let text = cell.split_whitespace().collect::<Vec<_>>().join(" ");
            let found = dates(&text);
            let cell_year = found.iter().rev().find_map(|f| f.year);
            for (at, f) in found.into_iter().enumerate() {
                // (a message shows the cell on one line, without control characters)
                candidates.push((
                    f,
                    cell_index,
                    at,
                    row,
                    super::skeleton::shown(&text),
                    cell_year,
                ));
            }
            cell_index += 1;
        }
    }
    // "đến" first; then the order of the file, but in one cell the last date ("1/8 - 31/8/2020",
    // a period: its figures are those of its end)
    candidates.sort_by_key(|(f, cell, at, ..)| (!f.until, *cell, std::cmp::Reverse(*at)));
    let Some((found, _, _, row, text, cell_year)) = candidates.into_iter().next() else {
        return Ok(match in_file_name(&src.path) {
            Some(date) => AsOf::FileName(date),
            None => AsOf::Placeholder,
        });
    };
    let at = Pos::Line {
        line: row.line,
        column: None,
    };
    let (year, from) = match found.year.or(cell_year) {
        // (or the year of another date in the cell: "từ 1/8/2020 đến 31/8")
        Some(y) => (y, YearFrom::Date),
        None => {
            let elsewhere = titles.iter().find_map(|r| {
                r.cells
                    .iter()
                    .find_map(|c| {
                        // the year of another cell, or of this cell outside its date
                        let without: String =
                            c.replace(&format!("{}/{}", found.day, found.month), " ");
                        year(&without)
                    })
                    .map(|y| (y, r.line))
            });
            match elsewhere {
                Some((y, line)) => (y, YearFrom::Title { line }),
                None => match year_in_file_name(&src.path) {
                    Some(y) => (y, YearFrom::FileName),
                    None => {
                        return Err(src.error(
                            at,
                            DateProblem::NoYear {
                                line: row.line,
                                text,
                                day: found.day,
                                month: found.month,
                            },
                        ));
                    }
                },
            }
        }
    };
    match Date::checked(year, found.month, found.day) {
        Some(date) => Ok(AsOf::Title {
            date,
            text,
            line: row.line,
            year: from,
        }),
        None => Err(src.error(
            at,
            DateProblem::NotADate {
                line: row.line,
                text,
                written: format!("{}/{}/{year}", found.day, found.month),
            },
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(text: &str) -> Option<(u32, u32, Option<u32>)> {
        dates(text).first().map(|f| (f.day, f.month, f.year))
    }

    #[test]
    fn dates_as_offices_write_them() {
        assert_eq!(
            first("Số liệu đến ngày 31/8/2020"),
            Some((31, 8, Some(2020)))
        );
        assert_eq!(first("tính đến 17h ngày 31/8"), Some((31, 8, None)));
        assert_eq!(
            first("Lạng Sơn, ngày 01 tháng 9 năm 2020"),
            Some((1, 9, Some(2020)))
        );
        assert_eq!(first("SỐ LIỆU ĐẾN 31-08-2020."), Some((31, 8, Some(2020))));
        assert_eq!(first("as of 2020-08-31"), Some((31, 8, Some(2020))));
        assert_eq!(first("Số: 1635/STTTT-TTBCXB"), None);
        assert_eq!(first("BÁO CÁO SỐ THUÊ BAO"), None);
        assert_eq!(year("Báo cáo tuần 35 năm 2020"), Some(2020));
    }

    #[test]
    fn date_columns_are_named_as_the_tool_writes_them() {
        assert!(is_heading("Số liệu đến ngày"));
        assert!(is_heading("Data as of"));
        assert!(is_heading("as_of"));
        assert!(is_heading("NGÀY SỐ LIỆU"));
        assert!(!is_heading("Ngày"));
        assert!(!is_heading("Đã cài"));
    }

    #[test]
    fn dates_in_file_names() {
        let d = |p: &str| in_file_name(Path::new(p)).map(|d| d.iso());
        assert_eq!(
            d("bao-cao-huyen-2020-08-31.xlsx").as_deref(),
            Some("2020-08-31")
        );
        assert_eq!(d("so-lieu-31-8-2020.csv").as_deref(), Some("2020-08-31"));
        assert_eq!(d("letter.csv"), None);
        assert_eq!(d("bao-cao-2020-02-30.csv"), None);
    }

    #[test]
    fn only_real_days() {
        assert!(Date::checked(2020, 2, 29).is_some());
        assert!(Date::checked(2021, 2, 29).is_none());
        assert!(Date::checked(2020, 9, 31).is_none());
        assert_eq!(
            Date::parse_iso("2020-08-31")
                .map(|d| d.written())
                .as_deref(),
            Some("31/8/2020")
        );
        assert!(Date::parse_iso("31/8/2020").is_none());
        let given = |t: &str| Date::parse_given(t).map(|d| d.iso());
        assert_eq!(given("31/8/2020").as_deref(), Some("2020-08-31"));
        assert_eq!(given("31-08-2020").as_deref(), Some("2020-08-31"));
        assert_eq!(given("2020-08-31").as_deref(), Some("2020-08-31"));
        assert_eq!(given("31/8/20"), None);
        assert_eq!(given("31/9/2020"), None);
        assert_eq!(given("8/31/2020"), None);
    }

    #[test]
    fn two_digit_years_and_periods() {
        assert_eq!(first("Số liệu đến 31/8/20"), Some((31, 8, Some(2020))));
        let all = |t: &str| {
            dates(t)
                .iter()
                .map(|f| (f.day, f.month, f.year, f.until))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            all("Số liệu từ 1/8 đến 31/8/2020"),
            vec![(1, 8, None, false), (31, 8, Some(2020), true)]
        );
    }
}
