//! Finding the header of a coverage table as offices type it (`campaign import`): one header
//! row, or two (a heading split over two rows, "Số thuê bao" over "smartphone", or a cell
//! merged over two columns with a heading under each); each column's meaning guessed from its
//! heading ([`table::heading`]) or named by the user (`--column installed="..."`).

use super::grid::GridRow;
use super::message::{ColumnOption, Missing, TableProblem, column_name};
use super::skeleton::shown;
use super::table::{self, Heading};
use crate::diagnostic::Error;
use crate::source::Source;

/// The columns the user named with `--column KEY="heading"`, in the order given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ColumnNames {
    pub named: Vec<(Heading, String)>,
    /// The columns beyond the counts named (`--column commune="Số xã, phường"`).
    pub extras: Vec<(super::extra::Extra, String)>,
}

/// The keys `--column` takes, with the heading each names.
pub(crate) const KEYS: [(&str, Heading); 4] = [
    ("district", Heading::District),
    ("installed", Heading::Installed),
    ("smartphones", Heading::Smartphones),
    ("rate", Heading::Rate),
];

/// The `--column` key of a heading.
pub(crate) fn key_of(h: Heading) -> &'static str {
    KEYS.iter()
        .find(|(_, k)| *k == h)
        .map_or("rate", |(name, _)| name)
}

impl ColumnNames {
    /// Reads each `--column KEY=HEADING` as typed.
    pub fn parse(given: &[String]) -> Result<ColumnNames, Error> {
        let mut named: Vec<(Heading, String)> = Vec::new();
        let mut extras: Vec<(super::extra::Extra, String)> = Vec::new();
        for g in given {
            let Some((key, name)) = g.split_once('=') else {
                return Err(Error::new(ColumnOption::NoEquals { given: shown(g) }));
            };
            let key = shown(&key.trim().to_lowercase());
            let name = name.trim().trim_matches('"').trim().to_string();
            if let Some(&(_, extra)) = super::extra::KEYS.iter().find(|(k, _)| *k == key) {
                if name.is_empty() || table::key(&name).is_empty() {
                    return Err(Error::new(ColumnOption::EmptyHeading { key }));
                }
                if extras.iter().any(|(e, _)| *e == extra) {
                    return Err(Error::new(ColumnOption::Twice { key }));
                }
                extras.push((extra, name));
                continue;
            }
            let Some(&(_, heading)) = KEYS.iter().find(|(k, _)| *k == key) else {
                let all = KEYS
                    .iter()
                    .map(|(k, _)| *k)
                    .chain(super::extra::KEYS.iter().map(|(k, _)| *k));
                let close = crate::diagnostic::did_you_mean(&key, all);
                return Err(Error::new(ColumnOption::UnknownKey {
                    key: key.clone(),
                    close,
                }));
            };
            if name.is_empty() || table::key(&name).is_empty() {
                return Err(Error::new(ColumnOption::EmptyHeading { key }));
            }
            if named.iter().any(|(h, _)| *h == heading) {
                return Err(Error::new(ColumnOption::Twice { key }));
            }
            named.push((heading, name));
        }
        Ok(ColumnNames { named, extras })
    }
}

/// The cells of a row that is not a header, quoted in its message: at most this many.
const LISTED_CELLS: usize = 12;

/// The columns of the header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Columns {
    pub district: usize,
    pub installed: usize,
    pub smartphones: usize,
    pub rate: Option<usize>,
    /// `unit_type`, `Loại đơn vị` ([`crate::model::UnitType::is_heading`]).
    pub unit_type: Option<usize>,
    /// The figures' date, `Số liệu đến ngày` ([`super::date::is_heading`]).
    pub as_of: Option<usize>,
}

/// A table's header as found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Header {
    /// The indices in the grid's rows of the header's rows (one or two).
    pub rows: Vec<usize>,
    /// Each column's heading as written, a two-row heading's parts joined by a space
    /// ("Số thuê bao smartphone").
    pub titles: Vec<String>,
    pub columns: Columns,
    /// The headings named by `--column`.
    pub named: Vec<Heading>,
    /// The indices in the grid's rows of the rows right under the header that number its
    /// columns ("1 2 3", "(1) (2) (5)=(4)/(3)", "A B") or give their units ("(thuê bao)"):
    /// not districts, skipped.
    pub skipped: Vec<usize>,
}

impl Header {
    /// The title of column `index`, or `otherwise` when it has none.
    pub fn title(&self, index: usize, otherwise: &str) -> String {
        match self.titles.get(index) {
            Some(t) if !t.is_empty() => t.clone(),
            _ => otherwise.to_string(),
        }
    }
}

/// One column of a header candidate: its title (both rows' parts joined), and each part.
struct Column {
    title: String,
    parts: Vec<String>,
    /// The heading guessed from the title, or from the lower part alone.
    guess: Option<Heading>,
}

/// A header's cells as written: runs of spaces and line breaks read as one space.
fn written(cell: &str) -> String {
    cell.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn single(row: &GridRow) -> Vec<Column> {
    row.cells
        .iter()
        .map(|c| {
            let title = written(c);
            Column {
                guess: table::heading(&title),
                parts: vec![title.clone()],
                title,
            }
        })
        .collect()
}

/// The columns of a two-row header: a column's heading is its upper cell and its lower cell;
/// an empty upper cell over a filled lower one takes the upper cell to its left when that one
/// too has a heading below it (a cell merged over the columns: "Số thuê bao" over
/// "smartphone" and "đã cài Bluezone").
fn pair(upper: &GridRow, lower: &GridRow) -> Vec<Column> {
    let width = upper.cells.len().max(lower.cells.len());
    let mut columns = Vec::with_capacity(width);
    let mut under_group = Vec::with_capacity(width);
    let mut spanning: Option<String> = None;
    for i in 0..width {
        let up = written(upper.cell(i));
        let lo = written(lower.cell(i));
        let up = if !up.is_empty() {
            spanning = (!lo.is_empty()).then(|| up.clone());
            up
        } else if lo.is_empty() {
            spanning = None;
            up
        } else {
            spanning.clone().unwrap_or_default()
        };
        let parts: Vec<String> = [up, lo].into_iter().filter(|p| !p.is_empty()).collect();
        let title = parts.join(" ");
        // "Đơn vị" over "huyện": the lower part alone, when the whole says nothing; and a
        // rate under a merged heading ("Đã cài Bluezone" over "Số lượng | Tỷ lệ") is a rate
        let lower = (parts.len() == 2)
            .then(|| parts.last().and_then(|p| table::heading(p)))
            .flatten();
        let whole = table::heading(&title);
        let guess = match lower {
            Some(Heading::Rate) => lower,
            _ => whole.or(lower),
        };
        // a district heading read from a lower cell under a group heading ("xã" under "Tổ
        // vận động"): a sub-heading, which a column named in the upper row alone outranks
        under_group.push(whole.is_none() && lower == Some(Heading::District));
        columns.push(Column {
            title,
            parts,
            guess,
        });
    }
    // "Đơn vị" merged down both rows names the districts; "xã | tình nguyện" under "Tổ vận
    // động" are team counts, not names (trial 13e H5)
    let named_above = (0..width).any(|i| {
        columns[i].guess == Some(Heading::District)
            && !under_group[i]
            && written(lower.cell(i)).is_empty()
    });
    if named_above {
        for (column, under) in columns.iter_mut().zip(&under_group) {
            if *under {
                column.guess = None;
            }
        }
    }
    columns
}

/// What reading a header candidate found wrong.
enum Failed {
    /// A heading named by `--column` is not in it.
    NotNamed,
    /// Two columns read as the same key: (index, title) of each.
    Twice {
        heading: Heading,
        first: (usize, String),
        second: (usize, String),
        /// The other count, when no column reads as it: one of the two is probably it
        /// ("Tổng" and "Đã kích hoạt" under "Số thuê bao", user14 U8).
        missing: Option<Heading>,
    },
    /// A heading named by `--column` fits several columns: (index, title) of each.
    Ambiguous {
        heading: Heading,
        name: String,
        columns: Vec<(usize, String)>,
    },
    /// Two `--column` options name one column.
    SameColumn {
        first: Heading,
        second: Heading,
        column: (usize, String),
    },
    /// The column named by `--column` for `heading` is the only one read as `lost`, which is
    /// then left without a column.
    Taken {
        heading: Heading,
        column: (usize, String),
        lost: Heading,
    },
    Missing,
}

impl Failed {
    /// Whether this says more than "not this row": an error to give if no row is a header.
    fn is_conflict(&self) -> bool {
        matches!(
            self,
            Failed::Ambiguous { .. } | Failed::SameColumn { .. } | Failed::Taken { .. }
        )
    }
}

/// A `--column` heading given as a column's letters (`D`, `AB`), as Excel names columns: its
/// index.
fn column_letters(name: &str) -> Option<usize> {
    let name = name.trim();
    if name.is_empty() || name.len() > 3 || !name.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut index = 0usize;
    for c in name.to_ascii_uppercase().bytes() {
        index = index * 26 + usize::from(c - b'A' + 1);
    }
    index.checked_sub(1)
}

/// The columns `name` (a `--column` heading) names: those whose whole heading reads as it,
/// else those with a part (one of a two-row heading's rows) that does, else the column whose
/// letters it is.
fn named_columns(columns: &[Column], name: &str) -> Vec<usize> {
    let wanted = table::key(name);
    let whole: Vec<usize> = (0..columns.len())
        .filter(|&i| table::key(&columns[i].title) == wanted)
        .collect();
    if !whole.is_empty() {
        return whole;
    }
    let parts: Vec<usize> = (0..columns.len())
        .filter(|&i| columns[i].parts.iter().any(|p| table::key(p) == wanted))
        .collect();
    if !parts.is_empty() {
        return parts;
    }
    column_letters(name)
        .filter(|&i| i < columns.len())
        .into_iter()
        .collect()
}

/// The columns of a header candidate, with `names` given.
fn read(columns: &[Column], names: &ColumnNames) -> Result<(Columns, Vec<Heading>), Failed> {
    let at = |i: usize| (i, columns[i].title.clone());
    let mut found: Vec<(Heading, usize)> = Vec::new();
    let mut named = Vec::new();
    for (h, name) in &names.named {
        match named_columns(columns, name).as_slice() {
            [] => return Err(Failed::NotNamed),
            [i] => {
                if let Some((other, _)) = found.iter().find(|(_, f)| f == i) {
                    return Err(Failed::SameColumn {
                        first: *other,
                        second: *h,
                        column: at(*i),
                    });
                }
                found.push((*h, *i));
                named.push(*h);
            }
            many => {
                return Err(Failed::Ambiguous {
                    heading: *h,
                    name: name.clone(),
                    columns: many.iter().map(|&i| at(i)).collect(),
                });
            }
        }
    }
    for (i, c) in columns.iter().enumerate() {
        if found.iter().any(|(_, at)| *at == i) {
            continue;
        }
        let Some(h) = c.guess else { continue };
        if h == Heading::Notes || named.contains(&h) {
            continue;
        }
        if let Some((_, first)) = found.iter().find(|(f, _)| *f == h) {
            let other = match h {
                Heading::Smartphones => Some(Heading::Installed),
                Heading::Installed => Some(Heading::Smartphones),
                _ => None,
            };
            let missing = other.filter(|o| {
                !names.named.iter().any(|(n, _)| n == o)
                    && !columns.iter().any(|c| c.guess == Some(*o))
            });
            return Err(Failed::Twice {
                heading: h,
                first: at(*first),
                second: at(i),
                missing,
            });
        }
        found.push((h, i));
    }
    let get = |h: Heading| found.iter().find(|(f, _)| *f == h).map(|(_, i)| *i);
    match (
        get(Heading::District),
        get(Heading::Installed),
        get(Heading::Smartphones),
    ) {
        (Some(district), Some(installed), Some(smartphones)) => Ok((
            Columns {
                district,
                installed,
                smartphones,
                rate: get(Heading::Rate),
                unit_type: columns.iter().position(|c| {
                    crate::model::UnitType::is_heading(&c.title)
                        || c.parts
                            .iter()
                            .any(|p| crate::model::UnitType::is_heading(p))
                }),
                as_of: columns
                    .iter()
                    .position(|c| super::date::is_heading(&c.title)),
            },
            named,
        )),
        _ => {
            // a column guessed as a missing key, taken by `--column` for another key
            let needed = [Heading::District, Heading::Installed, Heading::Smartphones];
            for lost in needed.into_iter().filter(|h| get(*h).is_none()) {
                let taken = found.iter().find(|(h, i)| {
                    named.contains(h) && columns[*i].guess == Some(lost) && *h != lost
                });
                if let Some((h, i)) = taken {
                    return Err(Failed::Taken {
                        heading: *h,
                        column: at(*i),
                        lost,
                    });
                }
            }
            Err(Failed::Missing)
        }
    }
}

/// Whether a cell numbers its column, as official tables do in a row under the header: `1`,
/// `(1)`, `(5)=(4)/(3)`, `A`, `(B)`; with its number (`None` for a letter).
fn numbering_cell(cell: &str) -> Option<Option<u32>> {
    let cell: String = cell.chars().filter(|c| !c.is_whitespace()).collect();
    if cell.is_empty() || cell.chars().count() > 24 {
        return None;
    }
    let inner = cell
        .strip_prefix('(')
        .and_then(|c| c.strip_suffix(')'))
        .unwrap_or(&cell);
    if inner.len() <= 2 && !inner.is_empty() && inner.chars().all(|c| c.is_ascii_uppercase()) {
        return Some(None);
    }
    if inner.len() <= 3 && !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit()) {
        return inner.parse().ok().map(Some);
    }
    // a formula of column numbers: "(5)=(4)/(3)", "(5)=(4):(3)x100"
    let formula = cell.starts_with('(')
        && cell
            .chars()
            .all(|c| c.is_ascii_digit() || "()=/*:+-x×%.,".contains(c));
    if !formula {
        return None;
    }
    let digits: String = cell[1..].chars().take_while(char::is_ascii_digit).collect();
    (!digits.is_empty() && digits.len() <= 3)
        .then(|| digits.parse().ok().map(Some))
        .flatten()
}

/// Whether `row` numbers the columns above it: two cells or more, each a column number or
/// letter ([`numbering_cell`]), the numbers following one another (1, 2, 3) and so the
/// letters (A, B).
pub(crate) fn is_numbering(row: &GridRow) -> bool {
    let filled: Vec<&str> = row
        .cells
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect();
    if filled.len() < 2 {
        return false;
    }
    let mut numbers: Vec<u32> = Vec::new();
    let mut letters: Vec<String> = Vec::new();
    for c in &filled {
        match numbering_cell(c) {
            None => return false,
            Some(Some(n)) => numbers.push(n),
            Some(None) => letters.push(c.trim_matches(|c| c == '(' || c == ')').to_string()),
        }
    }
    let numbers_follow = numbers.windows(2).all(|w| w[1] == w[0] + 1);
    let letters_follow = letters.windows(2).all(|w| {
        column_letters(&w[1])
            .zip(column_letters(&w[0]))
            .is_some_and(|(b, a)| b == a + 1)
    });
    numbers_follow && letters_follow
}

/// Whether `row` gives the units of the columns above it: no count in it, and each filled
/// cell in brackets with no digit ("(thuê bao)", "(%)"), or a cell starting "ĐVT" (đơn vị
/// tính: "ĐVT | máy | máy").
pub(crate) fn is_units(row: &GridRow) -> bool {
    let bracketed =
        |c: &str| c.starts_with('(') && c.ends_with(')') && !c.chars().any(|c| c.is_ascii_digit());
    let cells = || row.cells.iter().map(|c| c.trim()).filter(|c| !c.is_empty());
    can_be_lower(row)
        && (cells().all(bracketed)
            || cells().any(|c| {
                let k = table::key(c);
                k == "dvt" || k.starts_with("dvt ") || k.starts_with("don vi tinh")
            }))
}

/// The rows right under a header (its last row at `last`, an index of `filled`) that number
/// its columns or give their units: at most two.
fn skipped_under(rows: &[GridRow], filled: &[usize], last: usize) -> Vec<usize> {
    filled
        .iter()
        .copied()
        .filter(|&i| i > last)
        .take(2)
        .take_while(|&i| is_numbering(&rows[i]) || is_units(&rows[i]))
        .collect()
}

/// Whether `row`, right under a header whose district column is `district`, is a second
/// header row: no count in it, nothing under the district heading, and a word in a cell
/// (not a column's number or unit).
fn is_sub_heading(row: &GridRow, district: usize) -> bool {
    can_be_lower(row)
        && row.cell(district).is_empty()
        && !is_numbering(row)
        && !is_units(row)
        && row.cells.iter().any(|c| c.chars().any(char::is_alphabetic))
}

/// Whether a row can be the upper row of a two-row header: at least two headings, and no
/// count (a district row) in it.
fn can_be_upper(row: &GridRow) -> bool {
    row.filled() >= 2 && can_be_lower(row)
}

/// Whether a row can be the lower row of a two-row header: no count in it (a column number
/// like "(1)" is no count).
fn can_be_lower(row: &GridRow) -> bool {
    row.filled() >= 1
        && row
            .cells
            .iter()
            .all(|c| c.trim().is_empty() || table::parse_count(c).is_none())
}

/// The header of `rows`: the first row that names the district, installed and smartphones
/// columns; else the first two rows that do together. A heading named by `names` must be in
/// it. Without one, the error says what the row most like a header has and lacks, and the
/// closest accepted headings.
pub(crate) fn find(src: &Source, rows: &[GridRow], names: &ColumnNames) -> Result<Header, Error> {
    let filled: Vec<usize> = (0..rows.len()).filter(|&i| rows[i].filled() > 0).collect();
    if filled.is_empty() {
        return Err(super::check::empty(src));
    }
    // the header is looked for among the first filled rows only (a row below them is the
    // table's body): a table of millions of heading-like cells is judged in a second
    let searched = &filled[..filled.len().min(crate::limits::HEADER_ROWS)];
    // the first row that says more than "not a header" (two columns read as one key, a
    // `--column` that fits two columns...), said if no row is a header
    let mut failed: Option<(usize, Failed)> = None;
    fn keep(i: usize, f: Failed, failed: &mut Option<(usize, Failed)>) {
        let worth = f.is_conflict() || matches!(f, Failed::Twice { .. });
        let better = match failed {
            None => true,
            // a conflict of the user's own `--column` first
            Some((_, Failed::Twice { .. })) => f.is_conflict(),
            Some(_) => false,
        };
        if worth && better {
            *failed = Some((i, f));
        }
    }
    for (n, &i) in searched.iter().enumerate() {
        match read(&single(&rows[i]), names) {
            Ok((columns, named)) => {
                // the row above names the district column, merged down over this one, and
                // this row's own "district" is a sub-heading under a group heading ("xã"
                // under "Tổ vận động"): the two rows are the header (trial 13e H5)
                if let Some(&p) = n.checked_sub(1).and_then(|m| searched.get(m))
                    && can_be_upper(&rows[p])
                    && can_be_lower(&rows[i])
                {
                    let pair_columns = pair(&rows[p], &rows[i]);
                    if let Ok((found, named)) = read(&pair_columns, names)
                        && found.district != columns.district
                        && rows[i].cell(found.district).is_empty()
                    {
                        return Ok(Header {
                            rows: vec![p, i],
                            titles: pair_columns.into_iter().map(|c| c.title).collect(),
                            columns: found,
                            named,
                            skipped: skipped_under(rows, &filled, i),
                        });
                    }
                }
                // a second header row under it ("Số máy | Tỷ lệ (%)" under a heading merged
                // over both): the two rows are the header
                if let Some(&j) = filled.get(n + 1)
                    && is_sub_heading(&rows[j], columns.district)
                {
                    let pair_columns = pair(&rows[i], &rows[j]);
                    return match read(&pair_columns, names) {
                        Ok((found, named)) => Ok(Header {
                            rows: vec![i, j],
                            titles: pair_columns.into_iter().map(|c| c.title).collect(),
                            columns: found,
                            named,
                            skipped: skipped_under(rows, &filled, j),
                        }),
                        Err(f) if f.is_conflict() || matches!(f, Failed::Twice { .. }) => {
                            Err(failure(src, &rows[i], f))
                        }
                        Err(_) => Err(src.error(
                            rows[j].pos(),
                            TableProblem::SecondHeader {
                                line: rows[j].line,
                                header: rows[i].line,
                            },
                        )),
                    };
                }
                return Ok(Header {
                    rows: vec![i],
                    titles: rows[i].cells.iter().map(|c| written(c)).collect(),
                    columns,
                    named,
                    skipped: skipped_under(rows, &filled, i),
                });
            }
            Err(f) => keep(i, f, &mut failed),
        }
    }
    for w in searched.windows(2) {
        let (i, j) = (w[0], w[1]);
        if !can_be_upper(&rows[i]) || !can_be_lower(&rows[j]) || is_numbering(&rows[j]) {
            continue;
        }
        let columns = pair(&rows[i], &rows[j]);
        match read(&columns, names) {
            Ok((found, named)) => {
                return Ok(Header {
                    rows: vec![i, j],
                    titles: columns.into_iter().map(|c| c.title).collect(),
                    columns: found,
                    named,
                    skipped: skipped_under(rows, &filled, j),
                });
            }
            Err(f) => keep(i, f, &mut failed),
        }
    }
    // the row most like a header: the most headings guessed or named
    let best = searched
        .iter()
        .copied()
        .max_by_key(|&i| {
            let row = &rows[i];
            let score = row
                .cells
                .iter()
                .filter(|c| {
                    table::heading(c).is_some()
                        || names
                            .named
                            .iter()
                            .any(|(_, n)| table::key(n) == table::key(c))
                })
                .count();
            (score, row.filled() >= 2, std::cmp::Reverse(i))
        })
        .unwrap_or(filled[0]);
    let best_row = &rows[best];
    // the headings as read: a two-row header's joined ("Số thuê bao smartphone")
    let below = filled.iter().copied().find(|&j| j > best);
    let headings: Vec<String> = match below {
        Some(j) if can_be_upper(best_row) && can_be_lower(&rows[j]) => pair(best_row, &rows[j])
            .into_iter()
            .map(|c| shown(&c.title))
            .filter(|c| !c.is_empty())
            .collect(),
        _ => best_row
            .cells
            .iter()
            .map(|c| shown(&written(c)))
            .filter(|c| !c.is_empty())
            .collect(),
    };
    // a named heading found in no row (nor pair) is said first: it is what the user typed
    for (h, name) in &names.named {
        let wanted = table::key(name);
        let in_a_row = searched
            .iter()
            .any(|&i| rows[i].cells.iter().any(|c| table::key(c) == wanted));
        let anywhere = in_a_row
            || column_letters(name)
                .is_some_and(|c| searched.iter().any(|&i| c < rows[i].cells.len()))
            || searched.windows(2).any(|w| {
                pair(&rows[w[0]], &rows[w[1]])
                    .iter()
                    .any(|c| table::key(&c.title) == wanted)
            });
        if !anywhere {
            let close = closest_cells(name, &headings);
            return Err(src.error(
                best_row.pos(),
                ColumnOption::NotInHeader {
                    key: key_of(*h).to_string(),
                    name: shown(name),
                    line: best_row.line,
                    headings: headings.clone(),
                    close,
                },
            ));
        }
    }
    if let Some((i, f)) = failed {
        return Err(failure(src, &rows[i], f));
    }
    let have: Vec<Heading> = best_row
        .cells
        .iter()
        .filter_map(|c| table::heading(c))
        .chain(names.named.iter().map(|(h, _)| *h))
        .collect();
    let missing = [Heading::District, Heading::Installed, Heading::Smartphones]
        .into_iter()
        .filter(|h| !have.contains(h))
        .map(|h| {
            let unread: Vec<&String> = best_row
                .cells
                .iter()
                .filter(|c| !c.trim().is_empty() && table::heading(c).is_none())
                .collect();
            missing(h, &unread)
        })
        .collect();
    Err(src.error(
        best_row.pos(),
        TableProblem::MissingColumns {
            line: best_row.line,
            // the first few cells, and how many more (found by fuzzing: a thousand cells were
            // quoted whole)
            more: headings.len().saturating_sub(LISTED_CELLS),
            found: headings.into_iter().take(LISTED_CELLS).collect(),
            missing,
        },
    ))
}

/// The error for a header candidate on `row` that two columns read as one key, or that a
/// `--column` option does not fit.
fn failure(src: &Source, row: &GridRow, f: Failed) -> Error {
    let col = |(i, title): (usize, String)| (column_name(i), shown(&title));
    let line = row.line;
    match f {
        Failed::Twice {
            heading,
            first,
            second,
            missing,
        } => src.error(
            row.pos(),
            TableProblem::HeadingTwice {
                line,
                heading,
                first: col(first),
                second: col(second),
                missing,
            },
        ),
        Failed::Ambiguous {
            heading,
            name,
            columns,
        } => src.error(
            row.pos(),
            ColumnOption::Ambiguous {
                key: key_of(heading).to_string(),
                name: shown(&name),
                line,
                columns: columns.into_iter().map(col).collect(),
            },
        ),
        Failed::SameColumn {
            first,
            second,
            column,
        } => src.error(
            row.pos(),
            ColumnOption::SameColumn {
                first: key_of(first).to_string(),
                second: key_of(second).to_string(),
                column: col(column),
            },
        ),
        Failed::Taken {
            heading,
            column,
            lost,
        } => src.error(
            row.pos(),
            ColumnOption::Taken {
                key: key_of(heading).to_string(),
                lost,
                column: col(column),
            },
        ),
        // (not kept: never said)
        Failed::NotNamed | Failed::Missing => super::check::empty(src),
    }
}

/// The headings accepted for each column, as examples to show (any heading with the same
/// words is accepted, [`table::heading`]).
pub(crate) fn accepted(h: Heading) -> &'static [&'static str] {
    match h {
        Heading::District => &[
            "Huyện",
            "Huyện, thành phố",
            "Đơn vị",
            "Tên huyện",
            "District",
        ],
        Heading::Installed => &[
            "Đã cài Bluezone",
            "Đã cài đặt",
            "Số máy cài đặt",
            "Số thuê bao đã cài",
            "Installed",
        ],
        Heading::Smartphones => &[
            "Tổng smartphone",
            "Tổng số thuê bao smartphone",
            "Tổng số máy",
            "Số thuê bao",
            "Smartphones",
        ],
        Heading::Rate => &["Tỷ lệ (%)", "Rate"],
        Heading::Notes => &["Ghi chú", "STT"],
    }
}

/// How close two headings read, 0 to 1 (compared as [`table::key`]s).
fn likeness(a: &str, b: &str) -> f64 {
    strsim::normalized_levenshtein(&table::key(a), &table::key(b))
}

/// A missing column, with the header's cell that reads most like one of its accepted
/// headings (when one is close) and those headings, closest first.
fn missing(h: Heading, unread: &[&String]) -> Missing {
    let mut best: Option<(f64, String)> = None;
    for cell in unread {
        for a in accepted(h) {
            let l = likeness(cell, a);
            if l >= 0.5 && best.as_ref().is_none_or(|(b, _)| l > *b) {
                best = Some((l, shown(&written(cell))));
            }
        }
    }
    let mut shown: Vec<&'static str> = accepted(h).to_vec();
    if let Some((_, cell)) = &best {
        shown.sort_by(|a, b| likeness(cell, b).total_cmp(&likeness(cell, a)));
    }
    shown.truncate(3);
    Missing {
        heading: h,
        cell: best.map(|(_, c)| c),
        accepted: shown,
    }
}

/// The cells of `headings` that read most like `name` (at most three, closest first).
fn closest_cells(name: &str, headings: &[String]) -> Vec<String> {
    let mut scored: Vec<(f64, &String)> = headings
        .iter()
        .map(|h| {
            // a part of the heading ("Đã cài" of "Số thuê bao đã cài Bluezone") reads like it
            let (whole, part) = (table::key(h), table::key(name));
            let words: Vec<&str> = whole.split(' ').collect();
            let part = part.len() >= 3 && table::has_words(&words, &part);
            (if part { 1.0 } else { likeness(name, h) }, h)
        })
        .filter(|(l, _)| *l >= 0.4)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored.into_iter().take(3).map(|(_, h)| h.clone()).collect()
}

/// The column a `--column commune="..."` (or `quarantine`, `testing`, `students`) names in the
/// header found: its whole heading, else a part of a two-row heading, else its letters; an
/// error naming the headings when none is.
pub(crate) fn named_extra(
    src: &Source,
    rows: &[GridRow],
    header: &Header,
    key: &str,
    name: &str,
) -> Result<usize, Error> {
    let wanted = table::key(name);
    let titles = &header.titles;
    let whole: Vec<usize> = (0..titles.len())
        .filter(|&i| !titles[i].is_empty() && table::key(&titles[i]) == wanted)
        .collect();
    let found = if whole.is_empty() {
        let parts: Vec<usize> = (0..titles.len())
            .filter(|&i| {
                header.rows.iter().any(|&r| {
                    rows.get(r)
                        .is_some_and(|row| table::key(row.cell(i)) == wanted)
                })
            })
            .collect();
        if parts.is_empty() {
            column_letters(name)
                .filter(|&i| i < titles.len())
                .into_iter()
                .collect()
        } else {
            parts
        }
    } else {
        whole
    };
    let last = header.rows.last().and_then(|&r| rows.get(r));
    match (found.as_slice(), last) {
        ([i], _) => Ok(*i),
        (_, Some(row)) if found.len() > 1 => Err(src.error(
            row.pos(),
            ColumnOption::Ambiguous {
                key: key.to_string(),
                name: shown(name),
                line: row.line,
                columns: found
                    .iter()
                    .map(|&i| (column_name(i), header.title(i, "")))
                    .collect(),
            },
        )),
        (_, Some(row)) => {
            let headings: Vec<String> = titles
                .iter()
                .filter(|t| !t.is_empty())
                .map(|t| shown(t))
                .collect();
            let close = closest_cells(name, &headings);
            Err(src.error(
                row.pos(),
                ColumnOption::NotInHeader {
                    key: key.to_string(),
                    name: shown(name),
                    line: row.line,
                    headings,
                    close,
                },
            ))
        }
        (_, None) => Err(super::check::empty(src)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(line: usize, cells: &[&str]) -> GridRow {
        GridRow {
            line,
            cells: cells.iter().map(|c| (*c).to_string()).collect(),
            columns: Vec::new(),
            uncomputed: Vec::new(),
            overflow: Vec::new(),
        }
    }

    #[test]
    fn a_heading_merged_over_two_columns_spans_them() {
        let upper = row(1, &["STT", "Huyện", "Số thuê bao", "", "Tỷ lệ"]);
        let lower = row(2, &["", "", "smartphone", "đã cài Bluezone", ""]);
        let cols = pair(&upper, &lower);
        let guesses: Vec<_> = cols.iter().map(|c| c.guess).collect();
        assert_eq!(
            guesses,
            [
                Some(Heading::Notes),
                Some(Heading::District),
                Some(Heading::Smartphones),
                Some(Heading::Installed),
                Some(Heading::Rate)
            ]
        );
        assert_eq!(cols[3].title, "Số thuê bao đã cài Bluezone");
    }
}
