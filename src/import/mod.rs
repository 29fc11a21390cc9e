//! `campaign import`: a coverage table as it comes (CSV or XLSX, Vietnamese or English
//! headers, the letter's number formats, a total row, a rate column), checked row by row,
//! and the scenario skeleton made from it.

pub(crate) mod check;
pub mod columns;
mod csv;
pub mod date;
pub mod extra;
pub(crate) mod file;
pub(crate) mod grid;
pub use grid::{Selected, SelectedBy};
pub(crate) mod header;
pub(crate) mod message;
mod reference;
pub mod report;
pub mod skeleton;
pub mod table;
mod xlsx;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::diagnostic::Error;
use crate::model::UnitType;
use crate::source::Source;
use check::{Reader, Total};
use columns::{ColumnNames, Header};
use date::{AsOf, Date};
use extra::Extra;
use grid::{Grid, GridRow};
use message::{CellProblem, HiddenCharacter, InRow, Row, RowProblem, UnknownUnitType};
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
    /// The name cell as typed (NFC, trimmed), unit word and all: a `[[history]]` row is
    /// found by it, since "Huyện Kỳ Anh" and "Thị xã Kỳ Anh" differ by the unit word only.
    pub typed: String,
    pub installed: u64,
    pub smartphones: u64,
    /// The unit type the table gives (its unit-type column, or the name as typed: "TP. Lạng
    /// Sơn"), only where the name kept does not say it ([`UnitType::of_name`]).
    pub unit_type: Option<UnitType>,
    /// The row's line (CSV) or row number (XLSX).
    pub line: usize,
    /// The commune teams and cohorts the table gives ([`Extra`]), where its cell is filled.
    pub extras: Vec<(Extra, u64)>,
    /// Where the unit's type comes from: a name without a kind word is a huyện only by
    /// assumption, and the import says so (user14 U10).
    pub kind: KindFrom,
}

/// Where an imported unit's type ([`UnitType`]) comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KindFrom {
    /// Its name as typed says it: "Thành phố Lạng Sơn", "TP Lạng Sơn", "Huyện Cao Lộc", "H.
    /// Hữu Lũng".
    Name,
    /// The table's unit-type column.
    Column,
    /// The name says no kind and is the province's ("Lạng Sơn" in Lạng Sơn): by Vietnamese
    /// convention the provincial city, so a thành phố, marked ASSUMPTION in the skeleton.
    ProvinceName,
    /// The name says no kind ("Lộc Bình"): a huyện, as a scenario reads such a name, by
    /// assumption.
    Assumed,
}

/// Reads and checks the coverage table at `path` (`.xlsx` or CSV), its columns guessed from
/// their headings.
pub fn read(path: &Path) -> Result<Coverage, Error> {
    read_with(path, &Options::default()).map(|i| i.coverage)
}

/// How `campaign import` reads a table: the columns named by `--column`, the date given by
/// `--as-of`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    pub columns: ColumnNames,
    pub as_of: Option<Date>,
    /// `--sheet`: a workbook's sheet by name or number.
    pub sheet: Option<String>,
}

/// What `campaign import` read from a table, besides its districts: what it says to the user.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub coverage: Coverage,
    /// With `--as-of`: the table's date column when it says another day (the date, and the
    /// column's heading as shown), said in the report (trial 13e H11).
    pub as_of_column: Option<(Date, String)>,
    /// With `--as-of`: the date the title rows (or else the file's name) give when it is
    /// another day, said in the report as a date column's is (trial 13f J18).
    pub as_of_title: Option<AsOf>,
    /// The columns read that are hidden in Excel, each as "`heading` (B)" (trial 13f J17).
    pub hidden_columns: Vec<String>,
    /// The header's rows (one or two), as the file numbers them.
    pub header_lines: Vec<usize>,
    /// Each column read, as (meaning, heading as written, named by `--column`), in the
    /// table's order.
    pub columns: Vec<(Heading, String, bool)>,
    /// The line of the total row, when the table has one.
    pub total_line: Option<usize>,
    /// The date of the figures, and where it came from.
    pub as_of: AsOf,
    /// The rows right under the header that number its columns or give their units, skipped.
    pub skipped_lines: Vec<usize>,
    /// Where the table ends before its last row, when notes follow it (after a blank row, or
    /// "Ghi chú", "Người lập biểu"...): (the last row read, the first row of the notes, its
    /// text).
    pub end: Option<(usize, usize, String)>,
    /// The headings (as written) of the columns not read, neither counts, rate, unit type nor
    /// notes (`commune`, `quarantine`...).
    pub left_out: Vec<String>,
    /// The heading of the unit-type column, when one is read.
    pub unit_type_column: Option<String>,
    /// A workbook's sheet read, and its other sheets (at most
    /// [`crate::limits::LISTED_SHEETS`] named).
    pub sheet: Option<(String, Vec<String>)>,
    /// The columns read beyond the counts ([`Extra`]), with their headings as written.
    pub extra_columns: Vec<(Extra, String)>,
    /// In the tool's own plan, the headings of its allocation of commune teams ("Tổ xã",
    /// "Commune teams"): the teams the plan uses, not those the district has; not read.
    pub allocation_columns: Vec<String>,
    /// Whether the sheet was chosen by `--sheet`.
    pub sheet_named: bool,
    /// How `--sheet` named the sheet read (by its name, or its number), when it did.
    pub named: Option<grid::Selected>,
    /// What of the workbook is hidden in Excel: the sheet read, sheets and rows not read.
    pub hidden: grid::Hidden,
    /// The province, as a title row names it ("UBND TỈNH LẠNG SƠN": the row's line), else the
    /// province of the scenario the placeholders come from (Lạng Sơn, no line): a unit named
    /// as it is taken for its city.
    pub province: (String, Option<usize>),
}

/// The province the placeholders of the skeleton come from (scenarios/lang-son-2020-09-01.toml).
pub const REFERENCE_PROVINCE: &str = "Lạng Sơn";

/// The province a title row names: the words after "tỉnh" ("UBND TỈNH LẠNG SƠN", "Sở ... tỉnh
/// Lạng Sơn"), up to a comma or a bracket, with its row's line.
fn province_of(titles: &[&GridRow]) -> Option<(String, usize)> {
    for row in titles {
        for cell in &row.cells {
            let cell = crate::text::normalise(cell);
            let lower = cell.to_lowercase();
            let Some(at) = lower.find("tỉnh ") else {
                continue;
            };
            // (the lower case has the same byte lengths for Vietnamese letters)
            let Some(rest) = cell.get(at + "tỉnh ".len()..) else {
                continue;
            };
            let name: String = rest
                .split([',', '(', ';', ':', '\n'])
                .next()
                .unwrap_or("")
                .trim()
                .to_string();
            let words = name.split_whitespace().count();
            if (1..=4).contains(&words) && !name.chars().any(|c| c.is_ascii_digit()) {
                return Some((name, row.line));
            }
        }
    }
    None
}

/// A unit's name as kept: "Huyện" and "H." dropped (a name without a kind word is a huyện),
/// "TP", "TX", "Q." written out ("TP Lạng Sơn" is "Thành phố Lạng Sơn"), so that every
/// output names the units alike (user14 U6).
fn proper_name(name: &str) -> String {
    match UnitType::split_name(name) {
        (Some(UnitType::District), rest) => rest.to_string(),
        (Some(unit), rest) if !name.to_lowercase().starts_with(unit.vi()) => {
            let word = unit.vi();
            let mut first = word.chars();
            let capital: String = first
                .next()
                .map(|c| c.to_uppercase().chain(first).collect())
                .unwrap_or_default();
            format!("{capital} {rest}")
        }
        _ => name.to_string(),
    }
}

/// Reads and checks the coverage table at `path` as `campaign import` does, with `options`.
pub fn read_with(path: &Path, options: &Options) -> Result<Imported, Error> {
    let choice = options.sheet.as_deref().map(file::SheetChoice::option);
    coverage(&file::read_sheet(path, choice.as_ref())?, options)
}

/// [`read_with`] of a table already read (a `[[history]]` snapshot, whose hidden rows are
/// looked at first).
pub(crate) fn read_grid(grid: &Grid, options: &Options) -> Result<Imported, Error> {
    coverage(grid, options)
}

fn coverage(grid: &Grid, options: &Options) -> Result<Imported, Error> {
    let src = &grid.src;
    let found = columns::find(src, &grid.rows, &options.columns)?;
    let header_at = found.rows[0];
    let first_data = found
        .skipped
        .last()
        .or(found.rows.last())
        .map_or(header_at, |l| l + 1);
    let titles: Vec<&GridRow> = grid.rows[..header_at]
        .iter()
        .filter(|r| r.filled() > 0)
        .collect();
    let province = province_of(&titles).map_or_else(
        || (REFERENCE_PROVINCE.to_string(), None),
        |(name, line)| (name, Some(line)),
    );
    let header_row = &grid.rows[*found.rows.last().unwrap_or(&header_at)];
    let rows: Vec<&GridRow> = std::iter::once(header_row)
        .chain(grid.rows[first_data..].iter().filter(|r| r.filled() > 0))
        .collect();
    let header = &found;
    let columns = &found.columns;
    let (extra_columns, allocations) = extra_columns(src, &grid.rows, &found, &options.columns)?;

    let province_key = crate::text::fold(&province.0);
    let mut districts: Vec<ImportedDistrict> = Vec::new();
    // the line of each district read, by its name's key: a name given twice is found at once
    let mut lines: HashMap<String, (usize, String)> = HashMap::new();
    let mut total: Option<(u64, u64, usize)> = None;
    // where notes end a table without a total row, as the scenario's reader finds it too
    let mut ending = check::Ending::new(header_row);
    let mut total_rate: Option<(&GridRow, String, u64, u64)> = None;
    // the count columns' headings as messages name them: made once, not once a row (H2)
    let installed_title = header.title(columns.installed, "installed");
    let smartphones_title = header.title(columns.smartphones, "smartphones");
    for row in &rows[1..] {
        let name = proper_name(&table::district_name(row.cell(columns.district)));
        let at = row.pos();
        if let Some(hidden) = HiddenCharacter::of(&name) {
            // (the row's label would print the name, character and all); the caret under the
            // character itself, in the cell as the file holds it (trial 13e H27)
            let cell = row.cell(columns.district);
            let at = match row.cell_pos(columns.district) {
                crate::source::Pos::Line {
                    line,
                    column: Some(column),
                } => crate::source::Pos::Line {
                    line,
                    column: Some(column + hidden.index_in(cell)),
                },
                _ => at,
            };
            return Err(src.error(at, RowProblem::Hidden(hidden)));
        }
        let label = row.label(&name);
        if let Some((_, _, total_line)) = total {
            check::below_total(src, row, columns.installed, &name)?;
            ending.after_total(row, total_line);
            continue;
        }
        let three = (columns.district, columns.installed, columns.smartphones);
        if ending.next(src, row, three, !districts.is_empty())? == check::Next::Skip {
            continue;
        }
        let is_total = check::is_total_row(row, columns.district);
        if name.is_empty() && row.cell(columns.installed).is_empty() {
            continue;
        }
        if name.is_empty() && !is_total {
            return Err(check::unnamed(src, row, columns.district));
        }
        // "Huyện" alone is no name: it became a district called "Huyện" (trial 13e H18)
        if !is_total
            && name.chars().count() <= 16
            && !name.chars().any(|c| c.is_ascii_digit())
            && crate::model::UnitType::parse(&name).is_some()
        {
            return Err(src.error(
                row.cell_pos(columns.district),
                InRow {
                    row: label.clone(),
                    problem: RowProblem::OnlyUnitWord { word: name.clone() },
                },
            ));
        }
        let installed = count(src, row, columns.installed, &installed_title, &label)?;
        let smartphones = count(src, row, columns.smartphones, &smartphones_title, &label)?;
        if is_total {
            total = Some((installed, smartphones, row.line));
        } else {
            let read = Read {
                src,
                header,
                extra_columns: &extra_columns,
                province: &province_key,
            };
            let figures = (installed, smartphones);
            districts.push(read.district(row, &name, &label, figures, &mut lines)?);
        }
        if let Some(rate) = columns.rate {
            // the total row's rate after its counts are checked against the districts' sums:
            // a typo in a count is said as such, not as a wrong rate (user14 U13)
            if is_total {
                total_rate = Some((row, name.clone(), installed, smartphones));
                continue;
            }
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
        let skipped = found.skipped.last().map(|&i| &grid.rows[i]);
        return Err(check::no_districts(src, header_row, skipped));
    }
    let end = ending.end().map(|e| (e.last_read, e.first, e.text));
    // the figures' date: `--as-of`, else the table's date column (the tool's own CSV and
    // workbook have one), else the title rows, else the file's name
    let mut as_of = None;
    if let Some(index) = found.columns.as_of {
        let heading = found.title(index, "");
        // the rows of the table: down to its total row, or to where notes end it
        let last = total
            .map(|(_, _, line)| line)
            .or(end.as_ref().map(|(last, _, _)| *last))
            .unwrap_or(usize::MAX);
        let read: Vec<&GridRow> = rows[1..]
            .iter()
            .copied()
            .filter(|r| r.line <= last)
            .collect();
        // (with `--as-of`, a column that cannot be read is not the date read: passed over)
        let column = match date::of_column(src, &read, index, &heading) {
            Err(_) if options.as_of.is_some() => None,
            read => read?,
        };
        if let Some(date) = column {
            as_of = Some(AsOf::Column {
                date,
                heading: skeleton::shown(&heading),
            });
        }
    }
    // `--as-of` wins, but a date column that says another day is said beside it: `9/1/2020`
    // typed for the column's `1/9/2020` moved the figures eight months (trial 13e H11)
    let mut as_of_column = None;
    if let Some(given) = options.as_of
        && let Some(AsOf::Column { date, heading }) = as_of.take()
        && date.iso() != given.iso()
    {
        as_of_column = Some((date, heading));
    }
    // the same of the title rows' date (or the file name's): a wrong year typed in --as-of
    // is the same slip (trial 13f J18); a title the reader cannot date is passed over here
    let mut as_of_title = None;
    if let Some(given) = options.as_of
        && as_of_column.is_none()
        && as_of.is_none()
        && let Ok(other) = date::as_of(src, &titles, None)
        && other.date().is_some_and(|d| d.iso() != given.iso())
    {
        as_of_title = Some(other);
    }
    let as_of = match as_of {
        Some(as_of) => as_of,
        None => date::as_of(src, &titles, options.as_of)?,
    };
    if let Some((installed, smartphones, line)) = total {
        let total = Total {
            installed: installed.into(),
            smartphones: smartphones.into(),
            line,
        };
        let sums = districts
            .iter()
            .map(|d| (d.installed.into(), d.smartphones.into()));
        total
            .check(src, sums, Reader::Import)
            .map_err(|e| with_hidden_rows(e, &grid.hidden.rows))?;
    }
    if let (Some(rate), Some((row, name, installed, smartphones))) = (columns.rate, total_rate) {
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
    let read: Vec<usize> = [
        Some(columns.district),
        Some(columns.installed),
        Some(columns.smartphones),
        columns.rate,
        columns.unit_type,
        columns.as_of,
    ]
    .into_iter()
    .flatten()
    .chain(extra_columns.iter().map(|&(_, i)| i))
    .collect();
    let mut hidden_read: Vec<usize> = read
        .into_iter()
        .filter(|&i| grid.hidden.column(i))
        .collect();
    hidden_read.sort_unstable();
    let hidden_columns = hidden_read
        .into_iter()
        .map(|i| crate::scenario::hidden_column(&found.title(i, ""), i))
        .collect();
    let coverage = Coverage {
        path: src.path.clone(),
        districts,
        total: total.map(|(i, s, _)| (i, s)),
    };
    Ok(Imported {
        as_of_column,
        as_of_title,
        hidden_columns,
        coverage,
        header_lines: found.rows.iter().map(|&i| grid.rows[i].line).collect(),
        columns: read_columns(&found),
        total_line: total.map(|(_, _, line)| line),
        as_of,
        skipped_lines: found.skipped.iter().map(|&i| grid.rows[i].line).collect(),
        end,
        left_out: left_out(&found, &extra_columns, &allocations),
        allocation_columns: allocations
            .iter()
            .map(|&i| skeleton::shown(&found.title(i, "")))
            .collect(),
        extra_columns: extra_columns
            .iter()
            .map(|&(e, i)| (e, skeleton::shown(&found.title(i, ""))))
            .collect(),
        unit_type_column: found.columns.unit_type.map(|i| found.title(i, "")),
        sheet: grid.sheet.clone(),
        sheet_named: options.sheet.is_some(),
        named: grid.named.clone(),
        hidden: grid.hidden.clone(),
        province,
    })
}

/// What reading a district's row needs of the table around it.
struct Read<'a> {
    src: &'a Source,
    header: &'a Header,
    extra_columns: &'a [(Extra, usize)],
    /// The province's name, as the title rows give it (or the reference province), as a
    /// person reads it ([`crate::text::fold`]): folded once, not once a row (trial 13e H2).
    province: &'a str,
}

impl Read<'_> {
    /// The district of a row (not a total row) whose name and two counts are read: its checks
    /// (smartphones, installed at most the smartphones, a name given once: `lines`), its unit
    /// type and where it comes from, and its extra columns.
    fn district(
        &self,
        row: &GridRow,
        name: &str,
        label: &Row,
        (installed, smartphones): (u64, u64),
        lines: &mut HashMap<String, (usize, String)>,
    ) -> Result<ImportedDistrict, Error> {
        let at = row.pos();
        let in_row = |problem: RowProblem| {
            self.src
                .error(
                    at,
                    InRow {
                        row: label.clone(),
                        problem,
                    },
                )
                .district(name)
        };
        // zero smartphones first: it is the mistake, whatever the installed count
        if smartphones == 0 {
            return Err(in_row(RowProblem::NoSmartphones));
        }
        if installed > smartphones {
            return Err(in_row(RowProblem::InstalledAboveSmartphones {
                installed,
                smartphones,
            }));
        }
        let key = table::name_key(name);
        if let Some((first_line, first)) = lines.insert(key.clone(), (row.line, name.to_string())) {
            return Err(in_row(RowProblem::Twice {
                first_line,
                name: name.to_string(),
                first,
            }));
        }
        // the name cell as typed ("TP. Lạng Sơn") and the type it says, read once for the row
        let typed_name = crate::text::normalise(row.cell(self.header.columns.district));
        let typed = UnitType::split_name(&typed_name);
        let mut unit_type = unit_type(row, self.header, name, typed)
            .map_err(|(problem, title)| in_row(problem).table_column(title))?;
        let column_given = self
            .header
            .columns
            .unit_type
            .is_some_and(|i| !row.cell(i).trim().is_empty());
        let kind = if column_given {
            KindFrom::Column
        } else if typed.0.is_some() {
            KindFrom::Name
        } else if crate::text::fold(name) == self.province {
            unit_type = Some(UnitType::City);
            KindFrom::ProvinceName
        } else {
            KindFrom::Assumed
        };
        let mut extras = Vec::new();
        for &(extra, index) in self.extra_columns {
            if row.cell(index).is_empty() {
                continue;
            }
            let title = self.header.title(index, extra.field());
            let value = count(self.src, row, index, &title, label)?;
            if extra == Extra::Communes && value > u64::from(crate::model::MAX_TEAMS) {
                return Err(in_row(RowProblem::Cell(CellProblem::TooLarge {
                    cell: Some(row.cell(index).to_string()),
                }))
                .table_column(title));
            }
            extras.push((extra, value));
        }
        Ok(ImportedDistrict {
            kind,
            extras,
            unit_type,
            name: name.to_string(),
            typed: typed_name.clone(),
            installed,
            smartphones,
            line: row.line,
        })
    }
}

/// A total that disagrees with the districts read, when rows hidden in Excel were left out:
/// its hint says so first (a total that adds up the hidden rows too disagrees for that).
fn with_hidden_rows(mut error: Error, hidden: &[usize]) -> Error {
    if hidden.is_empty() {
        return error;
    }
    let rows = hidden
        .iter()
        .take(crate::limits::LISTED_SHEETS)
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    let before = error.hint.take();
    let after = |lang: crate::text::Lang| {
        before
            .as_ref()
            .map(|h| format!("; {}", h.get(lang)))
            .unwrap_or_default()
    };
    error.hint(crate::text::Text::new(
        format!(
            "các dòng đang ẩn trong Excel ({rows}) không được đọc: nếu dòng tổng cộng cả các dòng đó, bỏ ẩn hoặc xóa chúng trong Excel{}",
            after(crate::text::Lang::Vi)
        ),
        format!(
            "the rows hidden in Excel ({rows}) are not read: if the total adds them up too, unhide or delete them in Excel{}",
            after(crate::text::Lang::En)
        ),
    ))
}

/// The headings of the columns not read: neither district, counts, rate, unit type nor notes
/// (`STT`, `Ghi chú`).
fn left_out(header: &Header, extras: &[(Extra, usize)], allocations: &[usize]) -> Vec<String> {
    let c = &header.columns;
    let mut read = vec![
        Some(c.district),
        Some(c.installed),
        Some(c.smartphones),
        c.rate,
        c.unit_type,
        c.as_of,
    ];
    read.extend(extras.iter().map(|&(_, i)| Some(i)));
    // (said apart: a plan's allocation)
    read.extend(allocations.iter().map(|&i| Some(i)));
    header
        .titles
        .iter()
        .enumerate()
        .filter(|(i, t)| {
            !t.is_empty() && !read.contains(&Some(*i)) && table::heading(t) != Some(Heading::Notes)
        })
        .map(|(_, t)| skeleton::shown(t))
        .collect()
}

/// The columns of commune teams and cohorts ([`Extra`]) among those not otherwise read: the
/// first of each, with its index; and the columns of the teams a plan allocates, not read. A
/// column of the teams a district has ("Tổ xã hiện có", "Commune teams stationed") is read
/// before any other of the commune teams; in the tool's own plan ([`extra::is_plan_table`]) the
/// other ones ("Tổ xã", "Commune teams") are its allocation, never read as the teams a district
/// has (trial 13d G20: the planned 7 of Thành phố Lạng Sơn's 8 teams came back as a FACT).
/// The extra columns read, each with its index, and the indexes of a plan's allocation columns.
type ExtraColumns = (Vec<(Extra, usize)>, Vec<usize>);

fn extra_columns(
    src: &Source,
    rows: &[GridRow],
    header: &Header,
    names: &ColumnNames,
) -> Result<ExtraColumns, Error> {
    let c = &header.columns;
    let taken = [
        Some(c.district),
        Some(c.installed),
        Some(c.smartphones),
        c.rate,
        c.unit_type,
        c.as_of,
    ];
    let titles: Vec<String> = (0..header.titles.len())
        .map(|i| header.title(i, ""))
        .collect();
    let plan = extra::is_plan_table(&titles);
    let mut found: Vec<(Extra, usize)> = Vec::new();
    // named by `--column commune="..."`: first, whatever the heading says
    for (extra, name) in &names.extras {
        let key = extra::KEYS
            .iter()
            .find(|(_, e)| e == extra)
            .map_or("commune", |(k, _)| *k);
        let i = columns::named_extra(src, rows, header, key, name)?;
        if taken.contains(&Some(i)) || found.iter().any(|(_, at)| *at == i) {
            let first = if taken[1] == Some(i) {
                "installed"
            } else if taken[2] == Some(i) {
                "smartphones"
            } else if taken[0] == Some(i) {
                "district"
            } else {
                found
                    .iter()
                    .find(|(_, at)| *at == i)
                    .and_then(|(e, _)| extra::KEYS.iter().find(|(_, k)| k == e))
                    .map_or("rate", |(k, _)| *k)
            };
            return Err(Error::new(message::ColumnOption::SameColumn {
                first: first.to_string(),
                second: key.to_string(),
                column: (message::column_name(i), header.title(i, "")),
            }));
        }
        // the table's only column of another of them (`--column commune=students`): read as
        // this, it leaves that one without a column, as for the counts (trial 13f J27)
        if let Some(lost) = Extra::of_heading(&titles[i])
            && lost != *extra
            && !names.extras.iter().any(|(e, _)| *e == lost)
            && !(0..titles.len()).any(|j| {
                j != i && !taken.contains(&Some(j)) && Extra::of_heading(&titles[j]) == Some(lost)
            })
        {
            return Err(Error::new(message::ColumnOption::ExtraTaken {
                key: *extra,
                lost,
                column: (message::column_name(i), header.title(i, "")),
            }));
        }
        found.push((*extra, i));
    }
    let mut allocations: Vec<usize> = Vec::new();
    let communes: Vec<usize> = (0..titles.len())
        .filter(|i| !taken.contains(&Some(*i)))
        .filter(|&i| Extra::of_heading(&titles[i]) == Some(Extra::Communes))
        .collect();
    let stationed = communes
        .iter()
        .copied()
        .find(|&i| Extra::says_stationed(&titles[i]));
    for (i, title) in titles.iter().enumerate() {
        if taken.contains(&Some(i)) || found.iter().any(|(_, at)| *at == i) {
            continue;
        }
        let Some(extra) = Extra::of_heading(title) else {
            continue;
        };
        if extra == Extra::Communes && plan && Some(i) != stationed {
            allocations.push(i);
            continue;
        }
        if extra == Extra::Communes && stationed.is_some_and(|s| s != i) {
            continue;
        }
        match found.iter().find(|(e, _)| *e == extra) {
            None => found.push((extra, i)),
            // two columns of one kind ("Số xã" twice) that disagree: the first was read and
            // the second called a column the scenario has no place for (trial 13e H10)
            Some(&(_, first)) if !names.extras.iter().any(|(e, _)| *e == extra) => {
                let below = header.rows.last().map_or(0, |&l| l + 1);
                let differ = rows.get(below..).unwrap_or_default().iter().any(|r| {
                    let (a, b) = (
                        table::parse_count(r.cell(first)),
                        table::parse_count(r.cell(i)),
                    );
                    a.is_some() && b.is_some() && a != b
                });
                if differ {
                    let line = header.rows.last().map_or(0, |&l| rows[l].line);
                    return Err(src.error(
                        rows[header.rows.last().copied().unwrap_or(0)].pos(),
                        message::TableProblem::ExtraTwice {
                            line,
                            extra,
                            first: (message::column_name(first), header.title(first, "")),
                            second: (message::column_name(i), header.title(i, "")),
                        },
                    ));
                }
            }
            Some(_) => {}
        }
    }
    Ok((found, allocations))
}

/// The columns read, in the table's order.
fn read_columns(header: &Header) -> Vec<(Heading, String, bool)> {
    let c = &header.columns;
    let mut read: Vec<(usize, Heading)> = vec![
        (c.district, Heading::District),
        (c.installed, Heading::Installed),
        (c.smartphones, Heading::Smartphones),
    ];
    if let Some(rate) = c.rate {
        read.push((rate, Heading::Rate));
    }
    read.sort_by_key(|(i, _)| *i);
    read.into_iter()
        .map(|(i, h)| (h, header.title(i, ""), header.named.contains(&h)))
        .collect()
}

/// The unit type a district row gives beyond its name (`name`, as kept): its unit-type cell,
/// or else its name cell as typed ("TP. Lạng Sơn"; `typed`: [`UnitType::split_name`] of the
/// cell, normalised); `None` where the name kept says as much.
fn unit_type(
    row: &GridRow,
    header: &Header,
    name: &str,
    typed: (Option<UnitType>, &str),
) -> Result<Option<UnitType>, (RowProblem, String)> {
    let columns = &header.columns;
    let cell = columns.unit_type.map_or("", |i| row.cell(i).trim());
    let given = if cell.is_empty() {
        typed.0
    } else {
        let title = columns.unit_type.map(|i| header.title(i, "unit_type"));
        let unknown = || {
            let problem = RowProblem::UnitType(UnknownUnitType::new(cell, true));
            (problem, title.clone().unwrap_or_default())
        };
        let written = UnitType::parse(cell).ok_or_else(unknown)?;
        // a type beside a name that says another is refused, as `campaign plan` refuses it:
        // the letter would address a People's Committee that does not exist
        if let (Some(named), bare) = typed
            && named != written
        {
            let problem = RowProblem::UnitTypeContradictsName {
                cell: cell.to_string(),
                name: crate::text::normalise(row.cell(columns.district)),
                bare: bare.to_string(),
                written,
                named,
            };
            return Err((problem, title.unwrap_or_default()));
        }
        Some(written)
    };
    Ok(given.filter(|&unit| unit != UnitType::of_name(name)))
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
