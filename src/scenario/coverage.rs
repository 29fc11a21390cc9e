//! A coverage table named by the scenario (`coverage = "coverage.csv"`, or an `.xlsx`): one
//! row per district, columns `name` (or `district`), `installed`, `smartphones`, optionally
//! `unit_type` (`Loại đơn vị`), one column per local team kind, and any other column is a
//! cohort head count. The rows are read as
//! `campaign import` reads them ([`Grid`]), with its headings, counts (`39,911`, `151.916`)
//! and total row ([`table`]) and its checks of a rate column and of the total
//! ([`check`]); what is the scenario's own is here: the team-kind and cohort columns, and
//! each district as read, every value with its cell.

use std::collections::HashMap;

use super::district::{Count, Entry, RawDistrict, normalise, provincial_in_district, unit_type};
use super::message::{ColumnProblem, Hint, Needed, Remove, Twin};
use crate::diagnostic::{Error, Location, did_you_mean};
use crate::import::check::{self, Reader, Total};
use crate::import::extra::Extra;
use crate::import::grid::{Grid, GridRow};
use crate::import::header;
use crate::import::message::CellProblem;
use crate::import::table::{self, Heading};
use crate::limits::COVERAGE_COHORTS;
use crate::model::{Scope, TeamKind};
use crate::source::Source;
use crate::text::Text;

/// What a column holds.
#[derive(Debug, Clone, PartialEq)]
enum Column {
    Name,
    Installed,
    Smartphones,
    /// The printed rate: checked against the counts, not used.
    Rate,
    /// Notes, the row number (`STT`), or an empty heading over an empty column: not read.
    Ignored,
    /// The district's unit type (`unit_type`, `Loại đơn vị`): an empty cell leaves it to
    /// the name.
    UnitType,
    /// Local teams of this kind.
    Team(String),
    Cohort(String),
}

const KNOWN: [&str; 5] = ["name", "district", "installed", "smartphones", "unit_type"];

/// Reads the rows of a coverage table; `check` in `district.rs` does the rest. Also where
/// notes under the table start, when it has some (read as `campaign import` reads them,
/// [`check::Ending`]: not districts, and said in the plan).
/// The cohort columns of a coverage table: each cohort, its heading as written and where.
pub(super) type CohortColumns = std::collections::BTreeMap<String, (String, Location)>;

/// What a coverage table gives: its districts, where notes under it start, its cohort
/// columns, and the columns read that Excel hides ([`hidden_column`]).
pub(super) type Table<'a> = (
    Vec<RawDistrict<'a>>,
    Option<check::TableEnd>,
    CohortColumns,
    Vec<String>,
);

pub(super) fn districts<'a>(grid: &'a Grid, kinds: &[TeamKind]) -> Result<Table<'a>, Error> {
    let src = &grid.src;
    // the header as `campaign import` finds it (title rows above it, a header over two rows, a
    // row numbering the columns or giving their units under it): a sheet that imports is read
    // the same here; a table it finds no header in is said as this reader says it
    let found = crate::import::columns::find(src, &grid.rows, &Default::default()).ok();
    let joined: GridRow;
    let (header, data_from, known) = match &found {
        Some(found) => {
            let last = *found.rows.last().unwrap_or(&found.rows[0]);
            let from = found.skipped.last().map_or(last, |&s| s.max(last)) + 1;
            // the headings of a two-row header joined, on its lower row's line
            joined = GridRow {
                line: grid.rows[last].line,
                cells: found.titles.clone(),
                columns: grid.rows[last].columns.clone(),
                uncomputed: Vec::new(),
                overflow: Vec::new(),
            };
            (&joined, from, Some(&found.columns))
        }
        None => {
            // without a header row, the row most like one says what is wrong with it
            let Some(header_at) = header::find(&grid.rows).or_else(|| header::best(&grid.rows))
            else {
                return Err(check::empty(src).hint(Hint::CoverageHeader.text()));
            };
            (&grid.rows[header_at], header_at + 1, None)
        }
    };
    // rows hidden in Excel below the header: refused, not passed over as `campaign import`
    // does (trial 13e H3): a plan of a smaller province without a word is wrong, and a row
    // an office hides is as often a district as old figures (docs/scenario-format.md)
    let top = found
        .as_ref()
        .and_then(|f| f.rows.first())
        .map_or(0, |&i| grid.rows[i].line);
    refuse_hidden_rows(grid, top)?;
    // the tool's own plan (CSV or workbook): `campaign import` reads it, this reader would
    // take its projections for cohorts (trial 13e H23)
    if crate::import::extra::is_plan_table(&header.cells) {
        let file = src.path.display().to_string();
        return Err(src.error(
            header.pos(),
            ColumnProblem::PlanTable {
                file: crate::text::shell_quoted(&file),
            },
        ));
    }
    let data = &grid.rows[data_from.min(grid.rows.len())..];
    let columns = columns(src, header, data, kinds, known)?;
    // the columns read that Excel hides: said in the plan (trial 13f J17)
    let hidden: Vec<String> = columns
        .iter()
        .enumerate()
        .filter(|(i, c)| **c != Column::Ignored && grid.hidden.column(*i))
        .map(|(i, _)| hidden_column(header.cell(i), i))
        .collect();
    // where each cohort is headed, for the rules' check of the cohorts they read
    let cohort_columns: CohortColumns = columns
        .iter()
        .enumerate()
        .filter_map(|(i, c)| match c {
            Column::Cohort(cohort) => {
                let place = *src
                    .error(header.cell_pos(i), Text::new(String::new(), String::new()))
                    .location;
                Some((cohort.clone(), (header.cell(i).trim().to_string(), place)))
            }
            _ => None,
        })
        .collect();
    // the cells a row needs: up to the last column that is read
    let needed = columns
        .iter()
        .rposition(|c| *c != Column::Ignored)
        .map_or(0, |i| i + 1);
    let index = |wanted: &Column| columns.iter().position(|c| c == wanted).unwrap_or(0);
    let (name_index, installed_index) = (index(&Column::Name), index(&Column::Installed));

    let smartphones_index = index(&Column::Smartphones);
    let mut districts = Vec::new();
    let mut total: Option<Total> = None;
    let mut ending = check::Ending::new(header);
    for row in data {
        if row.filled() == 0 {
            continue;
        }
        if let Some(total) = &total {
            check::below_total(src, row, installed_index, &normalise(row.cell(name_index)))?;
            ending.after_total(row, total.line);
            continue;
        }
        let three = (name_index, installed_index, smartphones_index);
        if ending.next(src, row, three, !districts.is_empty())? == check::Next::Skip {
            continue;
        }
        let extra_filled = row
            .cells
            .iter()
            .skip(columns.len())
            .any(|c| !c.trim().is_empty());
        if row.cells.len() < needed || extra_filled {
            return Err(src.error(
                row.pos(),
                ColumnProblem::RowCells {
                    cells: row.cells.len(),
                    columns: columns.len(),
                    delimiter: grid.delimiter,
                },
            ));
        }
        match read_row(src, row, header, &columns)? {
            Row::District(d) => districts.push(*d),
            Row::Total(t) => total = Some(t),
        }
    }
    if districts.is_empty() {
        let skipped = found
            .as_ref()
            .and_then(|f| f.skipped.last())
            .map(|&i| &grid.rows[i]);
        return Err(check::no_districts(src, header, skipped));
    }
    if let Some(total) = total {
        let value = |c: &Option<Count>| c.as_ref().map_or(0, |c| c.value);
        let sums = districts
            .iter()
            .map(|d| (value(&d.installed), value(&d.smartphones)));
        total.check(src, sums, Reader::Scenario)?;
    }
    Ok((districts, ending.end(), cohort_columns, hidden))
}

/// Refuses a workbook whose sheet read hides rows below `line` (its header's first row) that
/// hold something: each named by its number and what it shows (trial 13e H3, H19).
pub(crate) fn refuse_hidden_rows(grid: &Grid, line: usize) -> Result<(), Error> {
    let rows = grid.hidden.rows_below(line);
    if rows.is_empty() {
        return Ok(());
    }
    Err(
        Error::new(crate::import::message::TableFileProblem::HiddenRows {
            sheet: grid
                .sheet
                .as_ref()
                .map_or_else(String::new, |s| s.0.clone()),
            rows,
        })
        .file(&grid.src.path),
    )
}

/// The meaning of each header cell.
fn columns(
    src: &Source,
    header: &GridRow,
    rows: &[GridRow],
    kinds: &[TeamKind],
    known: Option<&crate::import::columns::Columns>,
) -> Result<Vec<Column>, Error> {
    let mut columns: Vec<Column> = Vec::new();
    // the columns so far, as [`same_column`] tells them apart, with each one's index
    let mut seen: HashMap<(u8, String), usize> = HashMap::new();
    let mut cohorts = 0;
    for i in 0..header.cells.len() {
        let name = header.cell(i);
        let at = header.cell_pos(i);
        let lower = name.to_lowercase();
        // the columns the header finder read (a sub-heading "Số máy" under "Đã cài Bluezone"
        // is the installed count, whatever its joined heading says alone)
        let read = known.and_then(|k| {
            [
                (Some(k.district), Heading::District),
                (Some(k.installed), Heading::Installed),
                (Some(k.smartphones), Heading::Smartphones),
                (k.rate, Heading::Rate),
            ]
            .into_iter()
            .find(|(at, _)| *at == Some(i))
            .map(|(_, h)| h)
        });
        let column = match (lower.as_str(), read.or_else(|| table::heading(name))) {
            ("", _) if header::column_is_blank(rows, i) => Column::Ignored,
            _ if crate::model::UnitType::is_heading(name) => Column::UnitType,
            // the figures' date (the tool's own tables have it): the scenario's `as_of` says it
            _ if crate::import::date::is_heading(name) => Column::Ignored,
            ("", _) => {
                let line = rows
                    .iter()
                    .find(|r| !r.cell(i).is_empty())
                    .map_or(header.line, |r| r.line);
                return Err(src.error(
                    at,
                    ColumnProblem::Unnamed {
                        number: i + 1,
                        line,
                    },
                ));
            }
            (_, Some(Heading::District)) => Column::Name,
            (_, Some(Heading::Installed)) => Column::Installed,
            (_, Some(Heading::Smartphones)) => Column::Smartphones,
            (_, Some(Heading::Rate)) => Column::Rate,
            (_, Some(Heading::Notes)) => Column::Ignored,
            _ => match kinds.iter().find(|k| k.name.to_lowercase() == lower) {
                Some(kind) if kind.scope == Scope::Local => Column::Team(kind.name.clone()),
                Some(kind) => {
                    return Err(provincial_in_district(src, at, &kind.name, Remove::Column)
                        .table_column(name));
                }
                // the headings `campaign import` reads as the commune teams and the cohorts
                // ("Số xã", "Học sinh", "Cách ly", "Xét nghiệm"): one reading, not two (trial
                // 13f J13: "Học sinh" became a group no rule reads)
                None if let Some(extra) = Extra::of_heading(name)
                    && let Some(column) = extra_column(extra, kinds) =>
                {
                    column
                }
                None => {
                    if let Some(close) = did_you_mean(&lower, KNOWN) {
                        return Err(src.error(
                            at,
                            ColumnProblem::Misspelt {
                                name: name.to_string(),
                                close,
                            },
                        ));
                    }
                    // cohort names are matched by rules in lower case (`students`)
                    Column::Cohort(name.to_lowercase())
                }
            },
        };
        if column != Column::Ignored
            && let Some(&first) = seen.get(&same_column(&column))
        {
            let name = name.to_string();
            return Err(src.error(
                at,
                match twin(&column) {
                    None => ColumnProblem::NameTwice { name },
                    Some(kind) => ColumnProblem::Twice {
                        name,
                        kind,
                        first: header.cell(first).trim().to_string(),
                        number: first + 1,
                    },
                },
            ));
        }
        if column != Column::Ignored {
            seen.insert(same_column(&column), i);
        }
        if matches!(column, Column::Cohort(_)) {
            cohorts += 1;
            // each cell of a cohort column is a head count its district keeps with its name,
            // through the rules and the plan
            if cohorts > COVERAGE_COHORTS {
                return Err(src.error(
                    at,
                    ColumnProblem::TooManyCohorts {
                        name: crate::diagnostic::shortened(name),
                    },
                ));
            }
        }
        columns.push(column);
    }
    for (column, needed) in [
        (Column::Name, Needed::Name),
        (Column::Installed, Needed::Installed),
        (Column::Smartphones, Needed::Smartphones),
    ] {
        if !columns.contains(&column) {
            return Err(src.error(header.pos(), ColumnProblem::Missing { column: needed }));
        }
    }
    Ok(columns)
}

/// A row of the table: a district, or the total.
enum Row<'a> {
    District(Box<RawDistrict<'a>>),
    Total(Total),
}

/// One district row, or the total row (only its counts are read, and its rate checked).
fn read_row<'a>(
    src: &'a Source,
    row: &GridRow,
    header: &GridRow,
    columns: &[Column],
) -> Result<Row<'a>, Error> {
    let name_index = columns.iter().position(|c| *c == Column::Name).unwrap_or(0);
    // (an apostrophe the tool's own CSV put before a formula's first character is dropped)
    let written = crate::text::unneutralise_cell(row.cell(name_index).trim_start());
    let name = normalise(written);
    let is_total = check::is_total_row(row, name_index);
    let mut d = RawDistrict {
        at: src.spot(row.pos()),
        name: Some((written.to_string(), src.spot(row.cell_pos(name_index)))),
        unit_type: None,
        installed: None,
        smartphones: None,
        teams: Vec::new(),
        cohorts: Vec::new(),
    };
    for (i, column) in columns.iter().enumerate() {
        let cell = row.cell(i);
        let at = row.cell_pos(i);
        // an error at this cell, naming its column as the file heads it, and the district
        let cell_error = |problem: CellProblem| -> Error {
            let err = src
                .error(at, problem)
                .table_column(header.title(i, header_title(column)));
            if name.is_empty() {
                err
            } else {
                err.district(&name)
            }
        };
        let count = |required: bool| -> Result<Option<Count>, Error> {
            match table::parse_count(cell) {
                // above the limit: said here, before the total row adds it up
                Some(value) if value > check::MAX_PEOPLE => {
                    Err(cell_error(CellProblem::TooLarge { cell: None }))
                }
                Some(value) => Ok(Some(Count {
                    value,
                    at: src.spot(at),
                })),
                None if cell.is_empty() && !required => Ok(None),
                None => Err(cell_error(check::count_problem(row, i))),
            }
        };
        match column {
            Column::Name | Column::Ignored => {}
            Column::Rate => {
                // a bad count has its own error
                if let Some(counts) = counts(row, columns) {
                    let title = header.title(i, "rate");
                    check::rate(src, row, i, &title, &name, counts, Reader::Scenario)?;
                }
            }
            Column::Installed => d.installed = count(true)?,
            Column::Smartphones => d.smartphones = count(true)?,
            Column::Team(_) | Column::Cohort(_) | Column::UnitType if is_total => {}
            Column::UnitType => {
                let written = cell.trim();
                if !written.is_empty() {
                    let unit = unit_type(written, src.spot(at), true).map_err(|e| {
                        let e = e.table_column(header.title(i, "unit_type"));
                        if name.is_empty() {
                            e
                        } else {
                            e.district(&name)
                        }
                    })?;
                    d.unit_type = Some((unit, src.spot(at)));
                }
            }
            Column::Team(kind) => {
                if let Some(c) = count(false)? {
                    d.teams.push(Entry {
                        key: kind.clone(),
                        key_at: src.spot(at),
                        count: c,
                    });
                }
            }
            Column::Cohort(cohort) => {
                if let Some(c) = count(false)? {
                    d.cohorts.push(Entry {
                        key: cohort.clone(),
                        // a problem with the cohort's name is in its heading (trial 13f J14)
                        key_at: src.spot(header.cell_pos(i)),
                        count: c,
                    });
                }
            }
        }
    }
    if is_total {
        let value = |c: &Option<Count>| c.as_ref().map_or(0, |c| c.value);
        return Ok(Row::Total(Total {
            installed: value(&d.installed),
            smartphones: value(&d.smartphones),
            line: row.line,
        }));
    }
    Ok(Row::District(Box::new(d)))
}

/// The row's installed and smartphones, when both are counts.
fn counts(row: &GridRow, columns: &[Column]) -> Option<(u64, u64)> {
    let count_of = |wanted: &Column| {
        let i = columns.iter().position(|c| c == wanted)?;
        u64::try_from(table::parse_count(row.cell(i))?).ok()
    };
    Some((
        count_of(&Column::Installed)?,
        count_of(&Column::Smartphones)?,
    ))
}

/// What two header cells for one column share; cohorts differ only in case (`students`,
/// `Students`).
fn same_column(column: &Column) -> (u8, String) {
    match column {
        Column::Name => (0, String::new()),
        Column::Installed => (1, String::new()),
        Column::Smartphones => (2, String::new()),
        Column::Rate => (3, String::new()),
        Column::Ignored => (4, String::new()),
        Column::Team(kind) => (5, kind.clone()),
        Column::Cohort(cohort) => (6, cohort.to_lowercase()),
        Column::UnitType => (7, String::new()),
    }
}

/// A column hidden in Excel as the plan and the import report name it: "`Đã cài` (column B)".
pub(crate) fn hidden_column(heading: &str, index: usize) -> String {
    format!(
        "`{}` ({})",
        crate::diagnostic::shortened(&crate::text::show_hidden(heading.trim())),
        crate::import::message::column_name(index)
    )
}

/// The column a heading of the commune teams or of a cohort ([`Extra::of_heading`]) is in a
/// scenario: the local team kind `commune` (when the scenario has it), or the cohort.
fn extra_column(extra: Extra, kinds: &[TeamKind]) -> Option<Column> {
    match extra {
        Extra::Communes => kinds
            .iter()
            .find(|k| k.scope == Scope::Local && k.name.to_lowercase() == extra.field())
            .map(|k| Column::Team(k.name.clone())),
        Extra::Quarantine | Extra::Testing | Extra::Students => {
            Some(Column::Cohort(extra.field().to_string()))
        }
    }
}

/// What a column is, as a message about a second one of it says it (`None`: the names).
fn twin(column: &Column) -> Option<Twin> {
    Some(match column {
        Column::Name | Column::Ignored => return None,
        Column::Installed => Twin::Installed,
        Column::Smartphones => Twin::Smartphones,
        Column::Rate => Twin::Rate,
        Column::UnitType => Twin::UnitType,
        Column::Team(kind) => Twin::Team(kind.clone()),
        Column::Cohort(cohort) => Twin::Cohort(cohort.clone()),
    })
}

fn header_title(column: &Column) -> &str {
    match column {
        Column::Name => "name",
        Column::Installed => "installed",
        Column::Smartphones => "smartphones",
        Column::Rate => "rate",
        Column::UnitType => "unit_type",
        Column::Ignored => "",
        Column::Team(k) | Column::Cohort(k) => k,
    }
}
