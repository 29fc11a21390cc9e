//! `[[history]]`: earlier coverage snapshots of the same districts, dated, giving each
//! district's install pace (installs per day) and whether it is on track to reach the target
//! by the end of the horizon without extra teams (docs/scenario-format.md § "Coverage history").

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use toml::de::DeValue;

use super::document::{Table, as_array, as_str, as_table, between, later, pos};
use super::message::{Conflict, Current, Figure, Hint, HistoryProblem};
use super::{DistrictInput, Scenario};
use crate::diagnostic::{Error, Location, Shortlist, did_you_mean, shortened};
use crate::import::message::{TableEntry, TableFileProblem};
use crate::import::table::district_name;
use crate::limits::{
    HISTORY_BYTES, HISTORY_DAILY_SHARE, HISTORY_MAX_AGE_DAYS, HISTORY_SMARTPHONES_FACTOR,
    HISTORY_SNAPSHOTS,
};

/// One earlier snapshot: its date and every district's installs on that date.
///
/// The figures are kept by the district's place in the scenario, not by name: 300 snapshots
/// of 10,000 districts by name took 1.2 GB (trial G27); as numbers they take 36 MB.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    /// `date = 2020-08-18`, as written.
    pub date: String,
    pub file: PathBuf,
    /// Installs of each district, in the scenario's order of districts.
    pub installed: Vec<u64>,
    /// The line (CSV) or row (XLSX) of each district's figure, in the same order.
    pub lines: Vec<u32>,
}

impl Snapshot {
    /// The installs of the scenario's district at `index` on this date.
    pub fn installed_at(&self, index: usize) -> Option<u64> {
        self.installed.get(index).copied()
    }
}

/// Where a district's current figures are written, when a file of the scenario (not its
/// coverage table) or a `--set` wrote them: a check against a snapshot points at the figure
/// an overlay or a `--set` changed (trial 13e H22, H26).
#[derive(Debug, Clone, Default)]
pub(crate) struct WrittenAt {
    pub installed: Option<Written>,
    pub smartphones: Option<Written>,
}

/// Where one figure is written: as an error shows it, as a message names it (`o/x.toml:5`, or
/// `--set ...`), and the layer that wrote it (base first, `--set`s last).
#[derive(Debug, Clone)]
pub(crate) struct Written {
    pub location: Location,
    pub place: String,
    pub layer: usize,
}

impl Written {
    /// The figure at `at`, when one of `layers` wrote it.
    pub(crate) fn of(
        layers: &[super::document::Layer<'_, '_>],
        at: crate::source::Spot<'_>,
    ) -> Option<Written> {
        let layer = layers.iter().position(|l| std::ptr::eq(l.src, at.src))?;
        Some(Written {
            location: at.location(),
            place: at.place(),
            layer,
        })
    }

    /// An error at the figure.
    fn error(&self, problem: impl crate::diagnostic::Message) -> Error {
        let mut e = Error::new(problem);
        *e.location = self.location.clone();
        e
    }
}

/// The snapshots' files together, on disk, before any is read: the error points at the
/// `file` that takes them past [`HISTORY_BYTES`]. (An entry written wrong is left to the
/// reading of the entries, which says what is wrong with it.)
fn too_much_data(src: &crate::source::Source, list: &toml::de::DeArray<'_>) -> Result<(), Error> {
    let mut bytes: u64 = 0;
    for entry in list.iter() {
        let Ok(table) = as_table(src, "history", entry) else {
            continue;
        };
        let t = Table::new(src, pos(entry), "[[history]]", table);
        let Some(file_item) = t.item("file") else {
            continue;
        };
        let Ok(written) = as_str(src, "history.file", file_item.value) else {
            continue;
        };
        let path = src.folder().join(written.trim());
        bytes = bytes.saturating_add(std::fs::metadata(&path).map_or(0, |m| m.len()));
        if bytes > HISTORY_BYTES {
            return Err(file_item
                .error(HistoryProblem::TooMuchData {
                    file: path.display().to_string(),
                })
                .field("history.file"));
        }
    }
    Ok(())
}

/// Reads and checks `[[history]]` (none: an empty list), snapshots sorted by date; and the
/// workbooks read from one of several shown sheets without a `sheet` key, to be said.
pub(crate) fn history(
    top: &Table<'_, '_>,
    as_of: &str,
    districts: &[DistrictInput],
    figures_at: &[WrittenAt],
) -> Result<(Vec<Snapshot>, Vec<super::SheetChosen>), Error> {
    let Some(item) = top.item("history") else {
        return Ok((Vec::new(), Vec::new()));
    };
    let src = item.src;
    // the layer (file, overlay or `--set`) of `[[history]]`: a figure or an `as_of` written in
    // a later one is what the user changed
    let history_layer = top
        .layers()
        .iter()
        .position(|l| std::ptr::eq(l.src, src))
        .unwrap_or(0);
    let changed = |w: &Written| w.layer > history_layer;
    let as_of_item = top.item("as_of");
    // a date against `as_of`: at the one written later, naming the other (trial 13e H22)
    let against_as_of =
        |problem: HistoryProblem, date: &super::document::Item<'_, '_>| match as_of_item {
            Some(as_of) => between(
                problem,
                (date.spot(), "history.date"),
                (as_of.spot(), "as_of"),
                later(top.layers(), date.src, as_of.src),
            ),
            None => date.error(problem).field("history.date"),
        };
    let hint = || Hint::HistoryEntry.text();
    let list = as_array(src, "history", item.value).map_err(|e| e.hint(hint()))?;
    if list.len() > HISTORY_SNAPSHOTS {
        return Err(item
            .error(HistoryProblem::TooManySnapshots { count: list.len() })
            .field("history"));
    }
    too_much_data(src, list)?;
    let now = day_number(as_of).unwrap_or(i64::MAX);
    let mut snapshots: Vec<Snapshot> = Vec::new();
    // where each snapshot's date is written, in the order of `snapshots`: `file:line`
    let mut written_at: Vec<String> = Vec::new();
    // each snapshot's file (and sheet), to refuse one file named for two dates
    let mut read_from: Vec<(PathBuf, Option<String>)> = Vec::new();
    let mut sheets_chosen = Vec::new();
    // the scenario's districts by their names (as written, then by their keys): each row of a
    // snapshot found in one look
    let by_name: HashMap<&str, usize> = districts
        .iter()
        .enumerate()
        .map(|(i, d)| (d.name.as_str(), i))
        .collect();
    let index =
        crate::model::DistrictNames::of(districts.iter().map(|d| (d.name.as_str(), d.unit_type)));
    for entry in list.iter() {
        let table = as_table(src, "history", entry).map_err(|e| e.hint(hint()))?;
        let t = Table::new(src, pos(entry), "[[history]]", table);
        t.unknown_keys(&["date", "file", "sheet"])?;
        let date_item = t.require_item("date", "date = 2020-08-18")?;
        let date = match date_item.value.get_ref() {
            DeValue::Datetime(dt) if dt.date.is_some() && dt.time.is_none() => dt.to_string(),
            _ => {
                return Err(date_item
                    .error(HistoryProblem::NotADate)
                    .field("history.date"));
            }
        };
        let file_item = t.require_item("file", "file = \"coverage-2020-08-18.csv\"")?;
        let written = as_str(src, "history.file", file_item.value)?.trim();
        let path = src.folder().join(written);
        let day = day_number(&date).unwrap_or(i64::MIN);
        if day >= now {
            let problem = HistoryProblem::NotBefore {
                date,
                file: path.display().to_string(),
                as_of: as_of.to_string(),
            };
            return Err(against_as_of(problem, &date_item));
        }
        if now.saturating_sub(day) > HISTORY_MAX_AGE_DAYS {
            let problem = HistoryProblem::TooOld {
                date,
                file: path.display().to_string(),
                as_of: as_of.to_string(),
                days: now.saturating_sub(day),
            };
            return Err(against_as_of(problem, &date_item));
        }
        let at = format!(
            "{}:{}",
            date_item.src.path.display(),
            date_item
                .src
                .line(pos(date_item.value))
                .map_or_else(String::new, |l| l.to_string())
        );
        if let Some(i) = snapshots.iter().position(|s| s.date == date) {
            return Err(date_item
                .error(HistoryProblem::DateTwice {
                    date,
                    first: snapshots[i].file.display().to_string(),
                    first_at: written_at[i].clone(),
                    second: path.display().to_string(),
                    second_at: at,
                })
                .field("history.date"));
        }
        if let Some(kind) = crate::import::file::sniff(&path) {
            return Err(file_item
                .error(TableFileProblem::NotATable {
                    path: written.to_string(),
                    entry: TableEntry::History,
                    kind,
                })
                .field("history.file"));
        }
        let sheet = match t.item("sheet") {
            Some(item) => Some(crate::import::file::SheetChoice {
                wanted: super::load::sheet_named(src, "history.sheet", item.value)?,
                at: Some((item.spot(), "history.sheet", written.to_string())),
            }),
            None => None,
        };
        // one file (and sheet) holds one day's figures: a copied entry whose `file` was not
        // changed gave two dates the same figures (trial 13e H7)
        let key = (
            std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone()),
            sheet.as_ref().map(|s| match &s.wanted {
                crate::import::grid::SheetWanted::Text(text) => crate::import::table::key(text),
                crate::import::grid::SheetWanted::Number(n) => format!("#{n}"),
            }),
        );
        if let Some(i) = read_from.iter().position(|k| *k == key) {
            return Err(file_item
                .error(HistoryProblem::SameFile {
                    date,
                    file: written.to_string(),
                    first: snapshots[i].date.clone(),
                    first_at: written_at[i].clone(),
                })
                .field("history.file"));
        }
        let options = crate::import::Options {
            sheet: sheet.as_ref().map(|s| match &s.wanted {
                crate::import::grid::SheetWanted::Text(text) => text.clone(),
                crate::import::grid::SheetWanted::Number(n) => n.to_string(),
            }),
            ..Default::default()
        };
        let read = crate::import::file::read_sheet(&path, sheet.as_ref())
            .and_then(|grid| {
                // rows hidden in Excel are refused, as in the scenario's coverage file: a
                // snapshot that leaves them out says a district is missing (trial 13e H19)
                let top = crate::import::header::find(&grid.rows).map_or(0, |i| grid.rows[i].line);
                super::coverage::refuse_hidden_rows(&grid, top)?;
                crate::import::read_grid(&grid, &options)
            })
            .map_err(|e| {
                if path.is_file() {
                    e
                } else {
                    let mut at = file_item.error(e.message.clone()).field("history.file");
                    at.hint = crate::source::named_file_hint(&path, e.hint);
                    at
                }
            })?;
        sheets_chosen.extend(super::SheetChosen::of(
            &path,
            &read.sheet,
            &read.hidden,
            read.named.as_ref(),
        ));
        // the date the file's title gives (as `campaign import` reads it) must be the entry's:
        // a workbook "tính đến 31/8" listed as 2020-08-25 gave every district a pace of 0
        if let crate::import::date::AsOf::Title {
            date: titled,
            text,
            line,
            ..
        } = &read.as_of
            && titled.iso() != date
        {
            return Err(date_item
                .error(HistoryProblem::DateDiffers {
                    date,
                    file: written.to_string(),
                    titled: titled.iso(),
                    title: text.clone(),
                    line: *line,
                })
                .field("history.date"));
        }
        // so must the date its date column gives, or its file's name (trial 13e H7: the plan's
        // own CSV of 2020-09-01 listed as 2020-08-25 gave every district a pace of 0)
        let contradicted = match &read.as_of {
            crate::import::date::AsOf::Column { date: d, heading } if d.iso() != date => {
                Some((d.iso(), Some(heading.clone())))
            }
            crate::import::date::AsOf::FileName(d) if d.iso() != date => Some((d.iso(), None)),
            _ => None,
        };
        if let Some((given, heading)) = contradicted {
            return Err(date_item
                .error(HistoryProblem::DateInFileDiffers {
                    date,
                    file: written.to_string(),
                    given,
                    heading,
                })
                .field("history.date"));
        }
        let coverage = read.coverage;
        let mut installed = vec![0; districts.len()];
        let mut lines = vec![0; districts.len()];
        let mut seen = vec![false; districts.len()];
        for row in &coverage.districts {
            // the row as typed first, unit word and all: "Huyện Kỳ Anh" beside "Thị xã Kỳ
            // Anh" is told apart by it (trial 13g K2); then as the import keeps it
            let written = if row.typed.is_empty() {
                &row.name
            } else {
                &row.typed
            };
            let found = match by_name
                .get(written.as_str())
                .or_else(|| by_name.get(row.name.as_str()))
            {
                Some(&i) => Some(i),
                None => match index.find(written) {
                    crate::model::Found::One(i) => Some(i),
                    crate::model::Found::Several(list) => {
                        return Err(Error::new(HistoryProblem::AmbiguousDistrict {
                            date,
                            name: shortened(written),
                            line: row.line,
                            candidates: list
                                .iter()
                                .filter_map(|&i| districts.get(i).map(|d| d.name.clone()))
                                .collect(),
                        })
                        .file(&path)
                        .district(written.as_str()));
                    }
                    crate::model::Found::None => index.find(&row.name).one(),
                },
            };
            let Some(i) = found else {
                let known: Vec<String> = districts.iter().map(|d| district_name(&d.name)).collect();
                let close =
                    did_you_mean(&district_name(&row.name), known.iter().map(String::as_str))
                        .map(str::to_string);
                return Err(Error::new(HistoryProblem::UnknownDistrict {
                    date,
                    name: shortened(&row.name),
                    line: row.line,
                    close,
                    known: Shortlist::of(&row.name, known.iter().map(String::as_str)),
                })
                .file(&path)
                .district(&row.name));
            };
            let d = &districts[i];
            // "TP Lạng Sơn" and "Thành phố Lạng Sơn" both: the second would replace the first
            if seen.get(i) == Some(&true) {
                return Err(Error::new(HistoryProblem::Twice {
                    date,
                    name: d.name.clone(),
                    line: row.line,
                    first_line: lines.get(i).map_or(0, |&l| l as usize),
                })
                .file(&path)
                .district(&d.name));
            }
            // a snapshot of another table or province: its pace would be meaningless
            let (then, now) = (row.smartphones, d.smartphones);
            if then.saturating_mul(HISTORY_SMARTPHONES_FACTOR) < now
                || now.saturating_mul(HISTORY_SMARTPHONES_FACTOR) < then
            {
                let problem = HistoryProblem::SmartphonesDiffer {
                    date,
                    line: row.line,
                    smartphones: then,
                    now,
                };
                // an overlay or a `--set` changed the figure: the error is at it, and names
                // the snapshot's line
                if let Some(w) = figures_at
                    .get(i)
                    .and_then(|w| w.smartphones.as_ref())
                    .filter(|w| changed(w))
                {
                    let other = format!("{}:{}", path.display(), row.line);
                    let mut e = w
                        .error(Conflict::of(&problem, "smartphones", other.clone()))
                        .district(&d.name)
                        .field("smartphones");
                    e.location.other = Some(other);
                    return Err(e);
                }
                return Err(Error::new(problem)
                    .file(&path)
                    .district(&d.name)
                    .field("smartphones"));
            }
            installed[i] = row.installed;
            lines[i] = u32::try_from(row.line).unwrap_or(u32::MAX);
            seen[i] = true;
        }
        if let Some(missing) = seen.iter().position(|&s| !s) {
            let name = districts[missing].name.clone();
            return Err(Error::new(HistoryProblem::MissingDistrict {
                date,
                name: name.clone(),
            })
            .file(&path)
            .district(&name));
        }
        written_at.push(at);
        read_from.push(key);
        snapshots.push(Snapshot {
            date,
            file: path,
            installed,
            lines,
        });
    }
    snapshots.sort_by(|a, b| a.date.cmp(&b.date));
    // installs never fall over time, nor jump beyond what a district can do in the days
    // between: each snapshot, then the current figures
    let Some((first, rest)) = snapshots.split_first() else {
        return Ok((snapshots, sheets_chosen));
    };
    for (i, d) in districts.iter().enumerate() {
        let current_at = figures_at.get(i).and_then(|w| w.installed.as_ref());
        let here = current_at.filter(|w| changed(w));
        let current = match (here, current_at) {
            (Some(_), _) => Current::Here,
            (None, Some(w)) if w.layer != history_layer => Current::At(w.place.clone()),
            _ => Current::Scenario,
        };
        let mut before = Point {
            date: &first.date,
            installed: first.installed[i],
            from: From::Snapshot(&first.file, Some(first.lines[i] as usize)),
        };
        let later = rest
            .iter()
            .map(|s| Point {
                date: &s.date,
                installed: s.installed[i],
                from: From::Snapshot(&s.file, Some(s.lines[i] as usize)),
            })
            .chain(std::iter::once(Point {
                date: as_of,
                installed: d.installed,
                from: From::Scenario(current.clone()),
            }));
        for after in later {
            let problem = if after.installed < before.installed {
                Some(HistoryProblem::InstallsFall {
                    before: before.figure(),
                    after: after.figure(),
                })
            } else if before.installed == 0 && after.installed > 0 {
                Some(HistoryProblem::ZeroBefore {
                    before: before.figure(),
                    after: after.figure(),
                })
            } else {
                let days = day_number(after.date)
                    .zip(day_number(before.date))
                    .map_or(1, |(a, b)| (a - b).max(1));
                let without = d.smartphones.saturating_sub(before.installed);
                let most = without as f64 * (HISTORY_DAILY_SHARE * days as f64).min(1.0);
                ((after.installed - before.installed) as f64 > most.max(1.0)).then(|| {
                    HistoryProblem::InstallsJump {
                        before: before.figure(),
                        after: after.figure(),
                        days,
                        without,
                        most: most.floor() as u64,
                    }
                })
            };
            if let Some(problem) = problem {
                // the current figure, changed by an overlay or a `--set` (or a sweep's value):
                // the error is at it (trial 13e H22, H26)
                if let (Some(w), From::Scenario(_)) = (here, &after.from) {
                    let mut e = w.error(problem).district(&d.name).field("installed");
                    e.location.other = match before.from {
                        From::Snapshot(file, Some(line)) => {
                            Some(format!("{}:{line}", file.display()))
                        }
                        From::Snapshot(file, None) => Some(file.display().to_string()),
                        From::Scenario(_) => None,
                    };
                    return Err(e);
                }
                let error = Error::new(problem).district(&d.name).field("history");
                return Err(match before.from {
                    From::Snapshot(file, _) => error.file(file),
                    From::Scenario(_) => error,
                });
            }
            before = after;
        }
    }
    Ok((snapshots, sheets_chosen))
}

/// One dated figure of a district's installs, and where it was written.
struct Point<'a> {
    date: &'a str,
    installed: u64,
    from: From<'a>,
}

enum From<'a> {
    /// A snapshot's file, and the figure's line in it.
    Snapshot(&'a Path, Option<usize>),
    /// The scenario's current figure (its `[[district]]`, its coverage file or a `--set`),
    /// and where it is said to be.
    Scenario(Current),
}

impl Point<'_> {
    /// The figure as a message shows it: a snapshot by its file's name.
    fn figure(&self) -> Figure {
        Figure {
            installed: self.installed,
            date: self.date.to_string(),
            snapshot: match self.from {
                From::Snapshot(file, line) => {
                    let name = file.file_name().map_or_else(
                        || crate::text::shown_path(file),
                        |n| crate::text::show_hidden(&n.to_string_lossy()),
                    );
                    Some((name, line))
                }
                From::Scenario(_) => None,
            },
            current: match &self.from {
                From::Scenario(current) => current.clone(),
                From::Snapshot(..) => Current::Scenario,
            },
        }
    }
}

/// Installs per day of the scenario's district at `index`: over the snapshots and the current
/// figures, the change from the earliest to now divided by the days between (two points), or
/// the least-squares slope (three or more). `None` without history.
pub fn pace(scenario: &Scenario, index: usize) -> Option<f64> {
    if scenario.history.is_empty() {
        return None;
    }
    let district = scenario.districts.get(index)?;
    let now = day_number(&scenario.as_of)?;
    let mut points: Vec<(f64, f64)> = Vec::with_capacity(scenario.history.len() + 1);
    for s in &scenario.history {
        let day = day_number(&s.date)?;
        points.push(((day - now) as f64, s.installed_at(index)? as f64));
    }
    points.push((0.0, district.installed as f64));
    let n = points.len() as f64;
    let mean_x = points.iter().map(|p| p.0).sum::<f64>() / n;
    let mean_y = points.iter().map(|p| p.1).sum::<f64>() / n;
    let sxy: f64 = points.iter().map(|p| (p.0 - mean_x) * (p.1 - mean_y)).sum();
    let sxx: f64 = points.iter().map(|p| (p.0 - mean_x).powi(2)).sum();
    (sxx > 0.0).then(|| sxy / sxx)
}

/// Installs at the end of the horizon at `pace`, without extra teams (capped at smartphones).
pub fn projection(district: &DistrictInput, pace: f64, horizon_days: u32) -> f64 {
    (district.installed as f64 + pace * f64::from(horizon_days)).min(district.smartphones as f64)
}

/// Days since 1970-01-01 of `yyyy-mm-dd`.
fn day_number(date: &str) -> Option<i64> {
    let mut parts = date.get(..10)?.split('-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next()?.parse().ok()?;
    let d: i64 = parts.next()?.parse().ok()?;
    // Howard Hinnant's days_from_civil
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

#[cfg(test)]
mod tests {
    use super::day_number;

    #[test]
    fn days_between_dates() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(
            day_number("2020-09-01").unwrap() - day_number("2020-08-18").unwrap(),
            14
        );
        assert_eq!(
            day_number("2020-03-01").unwrap() - day_number("2020-02-28").unwrap(),
            2
        );
    }
}
