//! Reading and checking a scenario file (MODEL.md § "Scenario files (TOML)").

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use toml::de::{DeTable, DeValue};

use super::district;
use super::document::{self, Layer, Table, Value, as_array, as_number, as_str, pos, written};
use super::history::Written;
use super::message::{
    Expected, Hint, OtherFile, RulePath, ScenarioProblem, SettingProblem, ValueKind,
};
use super::setting::Setting;
use super::{Scenario, coverage, inline, overlay, team_kind};
use crate::diagnostic::{Error, did_you_mean, shortened};
use crate::import::file::{self, Format, SheetChoice};
use crate::import::grid::{Grid, SheetWanted};
use crate::import::message::{TableEntry, TableFileProblem};
use crate::limits::{RULE_FILES, RULES_BYTES};
use crate::model::{Objective, TeamKind};
use crate::source::{FileProblem, Pos, Source, Spot, named_file_hint};

/// The keys of a scenario's top level.
pub(super) const KEYS: [&str; 17] = [
    "name",
    "as_of",
    "horizon_days",
    "objective",
    "rules",
    "budget",
    "coverage",
    "sheet",
    "base",
    "target",
    "response",
    "params",
    "team_kind",
    "district",
    "history",
    "letter",
    "assumptions_checked",
];

/// The key of the scenario's top level that `key` is as a person reads it (`Budget`,
/// `HORIZON_DAYS`, a full-width `ｂｕｄｇｅｔ`: case and look-alike letters folded).
pub(super) fn scenario_key(key: &str) -> Option<&'static str> {
    let folded = crate::text::fold(key);
    KEYS.iter().copied().find(|k| *k == folded)
}

/// Reads the scenario at `path`, with its `base` chain and its coverage file, and checks it.
pub fn load(path: &Path) -> Result<Scenario, Error> {
    load_with(path, &[])
}

/// Reads the scenario at `path` (with its `base = ...` chain) and applies `settings`, each
/// `KEY=VALUE` as given to `--set` (e.g. `target.provincial_rate=0.5`), in order, then checks
/// the result as one scenario.
pub fn load_with(path: &Path, settings: &[String]) -> Result<Scenario, Error> {
    read(path, settings, false).map(|(with, _)| with)
}

/// [`load_with`], and the scenario without `settings` beside it (for the notice of what they
/// change): `None` without settings, or when the scenario does not load without them. The
/// files are read and parsed once for both (a 700-unit scenario's TOML was read and parsed
/// again for the notice); the result is that of [`load_with`] and [`load`] apart.
pub fn load_with_and_without(
    path: &Path,
    settings: &[String],
) -> Result<(Scenario, Option<Scenario>), Error> {
    read(path, settings, true)
}

/// Loads the scenario at `path` with each of many lists of settings, as `each` asks for them
/// (a sweep: one list per value, from its threads): the files are read and parsed once, and
/// each load is then [`load_with`]'s, the same scenario or the same error. When the files
/// cannot be read or parsed, each load reads them itself, as [`load_with`] does, so that its
/// error is the one [`load_with`] gives (a setting's own mistake is said first).
pub fn load_each<R>(
    path: &Path,
    each: impl FnOnce(&(dyn Fn(&[String]) -> Result<Scenario, Error> + Sync)) -> R,
) -> R {
    let read_alone = |settings: &[String]| load_with(path, settings);
    let Ok(files) = overlay::chain(path) else {
        return each(&read_alone);
    };
    let Ok(docs) = files
        .iter()
        .map(document::parse)
        .collect::<Result<Vec<_>, _>>()
    else {
        return each(&read_alone);
    };
    each(&|settings: &[String]| {
        let settings = settings_of(settings)?;
        build(path, &files, &docs, &settings, false).map(|(with, _)| with)
    })
}

/// [`load_with`]; with `without`, [`load_with_and_without`].
fn read(
    path: &Path,
    settings: &[String],
    without: bool,
) -> Result<(Scenario, Option<Scenario>), Error> {
    let settings = settings_of(settings)?;
    let files = overlay::chain(path)?;
    let docs = files
        .iter()
        .map(document::parse)
        .collect::<Result<Vec<_>, _>>()?;
    build(path, &files, &docs, &settings, without)
}

/// The settings as typed, read; the same key set twice is refused.
fn settings_of(settings: &[String]) -> Result<Vec<Setting>, Error> {
    let settings = settings
        .iter()
        .map(|s| Setting::parse(s))
        .collect::<Result<Vec<_>, _>>()?;
    // the same key set twice: only the last would count, and the user meant one of them
    for (i, later) in settings.iter().enumerate() {
        if let Some(first) = settings[..i]
            .iter()
            .find(|s| s.changes() == later.changes())
        {
            return Err(later.src.error(
                later.key_at(),
                SettingProblem::Twice {
                    first: first.src.text.clone(),
                },
            ));
        }
    }
    Ok(settings)
}

/// The scenario of the files `files` of `path` (parsed: `docs`) with `settings` applied, and
/// with `without` the scenario without them (see [`load_with_and_without`]).
fn build(
    path: &Path,
    files: &[Source],
    docs: &[DeTable<'_>],
    settings: &[Setting],
    without: bool,
) -> Result<(Scenario, Option<Scenario>), Error> {
    let known_params: Vec<(String, ValueKind)> = docs
        .iter()
        .filter_map(|doc| doc.iter().find(|(k, _)| k.get_ref().as_ref() == "params"))
        .filter_map(|(_, v)| match v.get_ref() {
            DeValue::Table(t) => Some(t.iter().map(|(k, v)| {
                (
                    k.get_ref().to_string(),
                    super::setting::value_kind(v.get_ref()),
                )
            })),
            _ => None,
        })
        .flatten()
        .collect();
    for setting in settings {
        setting.check_param(&known_params)?;
    }
    let changes: Vec<_> = settings.iter().map(Setting::document).collect();
    let mut layers: Vec<Layer<'_, '_>> = files
        .iter()
        .zip(docs)
        .map(|(src, table)| Layer {
            src,
            at: Pos::File,
            table,
        })
        .collect();
    let files_only = layers.clone();
    layers.extend(settings.iter().zip(&changes).map(|(setting, table)| Layer {
        src: &setting.src,
        at: Pos::File,
        table,
    }));
    let with = scenario(path, &Table::layered("", layers)).map_err(|e| {
        let Some(typed) = e.location.setting.as_deref() else {
            return e;
        };
        if e.hint.is_some() {
            return e;
        }
        let fix = settings
            .iter()
            .find(|s| s.src.text == typed)
            .and_then(Setting::number_fix);
        e.hint(fix.unwrap_or(Hint::SettingValue).text())
    })?;
    let without = if without && !settings.is_empty() {
        scenario(path, &Table::layered("", files_only)).ok()
    } else {
        None
    };
    Ok((with, without))
}

/// Checks the scenario written by the layers of `top` (its files, base first, then settings).
fn scenario(path: &Path, top: &Table<'_, '_>) -> Result<Scenario, Error> {
    top.unknown_keys(&KEYS)?;

    let name_item = top.require_item("name", "name = \"Lạng Sơn, 2020-09-01\"")?;
    let name = as_str(name_item.src, "name", name_item.value)?
        .trim()
        .to_string();
    if name.is_empty() {
        return Err(name_item.error(ScenarioProblem::EmptyName).field("name"));
    }
    // every output prints it, the HTML page twice (trial 13g K12)
    let chars = name.chars().count();
    if chars > crate::limits::SCENARIO_NAME_CHARS {
        return Err(name_item
            .error(ScenarioProblem::NameTooLong { chars })
            .field("name"));
    }
    // the name heads every page and the terminal's plan: an escape would act on the terminal
    if let Some((position, c)) = crate::text::hidden_character(&name) {
        return Err(name_item
            .error(ScenarioProblem::HiddenCharacter {
                shown: shortened(&crate::text::show_hidden(&name)),
                position,
                code: u32::from(c),
            })
            .field("name"));
    }
    let as_of = as_of(top)?;
    let assumptions_checked = assumptions_checked(top)?;
    // made up by `campaign generate`: its header, on the file or a base of it (an overlay of a
    // generated province is as made up as the province)
    let synthetic = top
        .layers()
        .iter()
        .filter(|l| !l.src.is_setting())
        .any(|l| crate::synthetic::is_generated(&l.src.text));
    let horizon_days = horizon_days(top)?;
    let objective = objective(top)?;
    let rules = rules(top)?;
    let budget = match top.item("budget") {
        None => None,
        Some(item) => {
            let budget = non_negative(item.src, "budget", item.value)?;
            if budget > crate::model::MAX_BUDGET {
                return Err(item
                    .error(ScenarioProblem::BudgetTooLarge {
                        written: written(item.src, item.value).to_string(),
                    })
                    .field("budget"));
            }
            Some(budget)
        }
    };

    let target = top
        .table("target", "[target]")?
        .ok_or_else(|| top.src.error(Pos::File, ScenarioProblem::NoTarget))?;
    target.unknown_keys(&["provincial_rate", "district_floor"])?;
    let rate = target.require_item("provincial_rate", "provincial_rate = 0.40")?;
    let target_rate = share(rate.src, "target.provincial_rate", rate.value, false)?;
    let district_floor = match target.item("district_floor") {
        None => None,
        Some(item) => Some(share(item.src, "target.district_floor", item.value, true)?),
    };

    let reachable_share = match top.table("response", "[response]")? {
        None => 0.8,
        Some(response) => {
            response.unknown_keys(&["reachable_share"])?;
            match response.item("reachable_share") {
                None => 0.8,
                Some(item) => share(item.src, "response.reachable_share", item.value, false)?,
            }
        }
    };

    let (params, params_at) = super::params::params(top)?;
    let (team_kinds, made_provincial) = team_kind::team_kinds(top)?;
    let (
        districts,
        coverage,
        coverage_notes,
        coverage_sheet,
        written,
        cohort_columns,
        hidden_columns,
    ) = districts(top, &team_kinds, &made_provincial)?;
    if districts.len() > crate::limits::DISTRICTS {
        return Err(Error::new(ScenarioProblem::TooManyDistricts {
            count: districts.len(),
        })
        .file(path));
    }
    spend_is_exact(path, top, &team_kinds, &districts, horizon_days)?;
    let (history, history_sheets) = super::history::history(top, &as_of, &districts, &written)?;
    let sheets_chosen = coverage_sheet.into_iter().chain(history_sheets).collect();
    let letter = super::letter::letter(top, &as_of, &districts)?;
    // the scenario's own files (base first), not the settings layered on them
    let files = top
        .layers()
        .iter()
        .filter(|l| !l.src.is_setting())
        .map(|l| l.src.path.clone())
        .chain(coverage)
        .collect();

    Ok(Scenario {
        path: path.to_path_buf(),
        name,
        as_of,
        assumptions_checked,
        synthetic,
        horizon_days,
        objective,
        rules,
        budget,
        target_rate,
        district_floor,
        reachable_share,
        params,
        params_at,
        team_kinds,
        districts,
        history,
        letter,
        files,
        coverage_notes,
        sheets_chosen,
        cohort_columns,
        hidden_columns,
    })
}

/// Refuses a scenario whose teams, all working every day, would cost more than
/// [`crate::model::MAX_BUDGET`]: beyond it money no longer adds exactly to the đồng (and a
/// spreadsheet shows 15 digits), so a plan's total would not be the sum of its rows.
fn spend_is_exact(
    path: &Path,
    top: &Table<'_, '_>,
    team_kinds: &[crate::model::TeamKind],
    districts: &[super::DistrictInput],
    days: u32,
) -> Result<(), Error> {
    let mut most = 0.0;
    let mut costliest: Option<(&str, f64)> = None;
    for kind in team_kinds {
        let teams: f64 = match kind.available {
            Some(pool) => f64::from(pool),
            None => districts
                .iter()
                .map(|d| f64::from(d.teams.get(&kind.name).copied().unwrap_or(0)))
                .sum(),
        };
        let spend = teams * f64::from(days) * kind.cost_per_team_day;
        most += spend;
        if costliest.is_none_or(|(_, m)| spend > m) {
            costliest = Some((&kind.name, spend));
        }
    }
    match costliest {
        Some((kind, kind_most)) if most > crate::model::MAX_BUDGET => {
            let problem = ScenarioProblem::SpendTooLarge {
                most,
                kind: kind.to_string(),
                kind_most,
                days,
            };
            // a `--set` (or a sweep's value) that changed the figures: the one the user typed
            // is named, not the scenario's line it replaced (trial N9)
            match spend_setting(top, kind) {
                Some((src, at)) => Err(src.error(at, problem)),
                None => Err(Error::new(problem)
                    .file(path)
                    .field(format!("team_kind.{kind}.cost_per_team_day"))),
            }
        }
        _ => Ok(()),
    }
}

/// The `--set` among `top`'s layers that changed what the teams would cost, and where its value
/// is: the last one of the costliest kind `kind`'s cost per team-day, else the last of its
/// pool or a district's teams of it, else the last `horizon_days`, else the last about
/// another kind.
fn spend_setting<'a>(top: &Table<'a, '_>, kind: &str) -> Option<(&'a Source, Pos)> {
    let settings: Vec<(&'a Source, Setting)> = top
        .layers()
        .iter()
        .filter(|l| l.src.is_setting())
        .filter_map(|l| Setting::parse(&l.src.text).ok().map(|s| (l.src, s)))
        .collect();
    let kind = crate::text::fold(kind);
    let rank = |s: &Setting| match s.spend_part()? {
        Some(k) if crate::text::fold(k) == kind && s.src.text.contains("cost_per_team_day") => {
            Some(3)
        }
        Some(k) if crate::text::fold(k) == kind => Some(2),
        None => Some(1),
        Some(_) => Some(0),
    };
    let from_settings = settings
        .iter()
        .enumerate()
        .filter_map(|(i, (src, s))| rank(s).map(|r| ((r, i), *src, s.value_at())))
        .max_by_key(|(key, _, _)| *key)
        .map(|(_, src, at)| (src, at));
    // else an overlay's value (a file after the first), ranked the same way: the last of its
    // files that changed one, not the overlay's top with no line (trial 13e H22)
    from_settings.or_else(|| {
        let mut found: Option<((u8, usize), &'a Source, Pos)> = None;
        for (i, layer) in top.layers().iter().enumerate().skip(1) {
            if layer.src.is_setting() {
                continue;
            }
            let mut consider = |r: u8, value: &Value<'_>| {
                if found.as_ref().is_none_or(|(key, _, _)| (r, i) > *key) {
                    found = Some(((r, i), layer.src, pos(value)));
                }
            };
            if let Some(value) = layer.get("horizon_days") {
                consider(1, value);
            }
            let Some(DeValue::Array(entries)) = layer.get("team_kind").map(|v| v.get_ref()) else {
                continue;
            };
            for entry in entries.iter() {
                let DeValue::Table(t) = entry.get_ref() else {
                    continue;
                };
                let get = |key: &str| {
                    t.iter()
                        .find(|(k, _)| k.get_ref().as_ref() == key)
                        .map(|(_, v)| v)
                };
                let same = get("name").is_some_and(|n| match n.get_ref() {
                    DeValue::String(n) => crate::text::fold(n) == kind,
                    _ => false,
                });
                if let Some(value) = get("cost_per_team_day") {
                    consider(if same { 3 } else { 0 }, value);
                }
                if let Some(value) = get("available") {
                    consider(if same { 2 } else { 0 }, value);
                }
            }
        }
        found.map(|(_, src, at)| (src, at))
    })
}

/// `as_of = 2020-09-01`, kept as written.
fn as_of(top: &Table<'_, '_>) -> Result<String, Error> {
    let item = top.require_item("as_of", "as_of = 2020-09-01")?;
    let (src, value) = (item.src, item.value);
    match value.get_ref() {
        DeValue::Datetime(dt) if dt.date.is_some() && dt.time.is_none() => Ok(dt.to_string()),
        DeValue::Datetime(_) => Err(src
            .error(pos(value), ScenarioProblem::DateWithTime)
            .field("as_of")),
        // `--set as_of=2020-02-30` (or "2020-02-30" in quotes): a date that does not exist,
        // read as text since it is no TOML date (trial G29)
        DeValue::String(written) if no_such_date(written).is_some() => {
            let (year, month, days) = no_such_date(written).unwrap_or_default();
            Err(src
                .error(
                    pos(value),
                    ScenarioProblem::NoSuchDate {
                        written: shortened(written),
                        year,
                        month,
                        days,
                    },
                )
                .field("as_of"))
        }
        _ => {
            Err(document::wrong_type(src, "as_of", value, Expected::Date)
                .hint(Hint::AsOfDate.text()))
        }
    }
}

/// For `YYYY-MM-DD` that is no date: its year, month and the days of that month (`days` = 0
/// when the month is not 1 to 12). `None` for a real date or any other text.
fn no_such_date(written: &str) -> Option<(i32, u32, u32)> {
    let parts: Vec<&str> = written.trim().split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    let digits = |t: &str, n: usize| t.len() == n && t.bytes().all(|b| b.is_ascii_digit());
    if !digits(y, 4) || !digits(m, 2) || !digits(d, 2) {
        return None;
    }
    let (year, month, day): (i32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    if !(1..=12).contains(&month) {
        return Some((year, month, 0));
    }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    (day == 0 || day > days).then_some((year, month, days))
}

/// `assumptions_checked = false`, as `campaign import` writes it: the planning assumptions are
/// its placeholders (every plan says so). True when not written.
fn assumptions_checked(top: &Table<'_, '_>) -> Result<bool, Error> {
    let Some(item) = top.item("assumptions_checked") else {
        return Ok(true);
    };
    match item.value.get_ref() {
        DeValue::Boolean(b) => Ok(*b),
        _ => Err(document::wrong_type(
            item.src,
            "assumptions_checked",
            item.value,
            Expected::Bool,
        )),
    }
}

fn horizon_days(top: &Table<'_, '_>) -> Result<u32, Error> {
    let item = top.require_item("horizon_days", "horizon_days = 14")?;
    let (src, value) = (item.src, item.value);
    let days = document::as_integer_at_most(
        src,
        "horizon_days",
        value,
        i128::from(crate::model::MAX_HORIZON_DAYS),
    )?;
    match u32::try_from(days) {
        Ok(days) if (1..=crate::model::MAX_HORIZON_DAYS).contains(&days) => Ok(days),
        _ if days > 0 => Err(src
            .error(
                pos(value),
                ScenarioProblem::LongHorizon {
                    written: written(src, value).to_string(),
                },
            )
            .field("horizon_days")),
        _ => Err(src
            .error(
                pos(value),
                ScenarioProblem::ShortHorizon {
                    written: written(src, value).to_string(),
                },
            )
            .field("horizon_days")),
    }
}

fn objective(top: &Table<'_, '_>) -> Result<Objective, Error> {
    let item = top.require_item("objective", "objective = \"max-installs\"")?;
    let (src, value) = (item.src, item.value);
    let text = as_str(src, "objective", value)?;
    Objective::parse(text.trim()).ok_or_else(|| {
        let known: Vec<&'static str> = Objective::ALL.iter().map(|o| o.as_str()).collect();
        let close = did_you_mean(text.trim(), known.iter().copied());
        src.error(
            pos(value),
            ScenarioProblem::UnknownObjective {
                written: text.to_string(),
                known,
                close,
            },
        )
        .field("objective")
    })
}

/// A number `≥ 0`.
fn non_negative(src: &Source, field: &str, value: &Value<'_>) -> Result<f64, Error> {
    let x = as_number(src, field, value)?;
    if x < 0.0 {
        return Err(src
            .error(
                pos(value),
                ScenarioProblem::Negative {
                    written: written(src, value).to_string(),
                },
            )
            .field(field));
    }
    Ok(x)
}

/// A share: `0 < x ≤ 1`, or `0 ≤ x ≤ 1` when `zero_ok`.
fn share(src: &Source, field: &str, value: &Value<'_>, zero_ok: bool) -> Result<f64, Error> {
    let x = as_number(src, field, value)?;
    let low_ok = if zero_ok { x >= 0.0 } else { x > 0.0 };
    if low_ok && x <= 1.0 {
        return Ok(x);
    }
    Err(src
        .error(
            pos(value),
            ScenarioProblem::NotShare {
                written: written(src, value).to_string(),
                value: x,
                zero_ok,
            },
        )
        .field(field))
}

/// `rules = [...]`: files and folders (a folder's `*.rhai` files by name), relative to the
/// folder of the file that lists them (the current folder for a `--set`), in order, each
/// file once.
fn rules(top: &Table<'_, '_>) -> Result<Vec<PathBuf>, Error> {
    let item = top.require_item("rules", "rules = [\"../rules\"]   (hoặc/or rules = [])")?;
    let (src, value) = (item.src, item.value);
    let list = as_array(src, "rules", value).map_err(|e| e.hint(Hint::RulesList.text()))?;
    let folder = src.folder();
    let mut seen = BTreeSet::new();
    let mut files = Vec::new();
    // the files' sizes together, on disk, checked as each item of the list is added
    let mut bytes: u64 = 0;
    // the item of the list that names each file
    let mut listed_by: Vec<usize> = Vec::new();
    for (index, item) in list.iter().enumerate() {
        let written = as_str(src, "rules", item)?;
        let path = folder.join(written.trim());
        let not_found = |path: RulePath| {
            let folder = (!src.is_setting()).then(|| shown_folder(folder));
            src.error(pos(item), ScenarioProblem::BadRulePath { path, folder })
                .field("rules")
        };
        if written.trim().is_empty() {
            return Err(not_found(RulePath::Empty));
        }
        let shown = path.display().to_string();
        let found = if path.is_dir() {
            let rhai = crate::files::named_with_extension(&path, "rhai");
            if rhai.is_empty() {
                let hidden = crate::files::hidden_with_extension(&path, "rhai");
                return Err(not_found(RulePath::NoRules {
                    path: shown,
                    hidden: crate::files::file_names(&hidden),
                }));
            }
            rhai
        } else if let Some(kind) = crate::files::special_file(&path) {
            // a pipe, a device: never opened, said at the line that names it
            let what = Source::rule_file(&path);
            return Err(src
                .error(pos(item), FileProblem::NotAFile { what, kind })
                .field("rules"));
        } else if let Some(kind) = OtherFile::of(&path) {
            // a scenario or a table listed as a rule: say what it is, not a Rhai syntax error
            return Err(not_found(RulePath::NotRule { path: shown, kind }));
        } else if path.exists() {
            vec![path]
        } else if let Some(link) =
            src.broken_link_at(pos(item), "rules", &path, &Source::rule_file(&path))
        {
            return Err(link);
        } else {
            return Err(not_found(RulePath::NotFound { path: shown }));
        };
        for file in found {
            if seen.insert(same_file_key(&file)) {
                bytes = bytes.saturating_add(std::fs::metadata(&file).map_or(0, |m| m.len()));
                files.push(file);
                listed_by.push(index);
            }
        }
        if files.len() > RULE_FILES || bytes > RULES_BYTES {
            let problem = ScenarioProblem::TooManyRules {
                files: files.len(),
                bytes,
            };
            return Err(src.error(pos(item), problem).field("rules"));
        }
    }
    // a copy of a rule under another name (the sizes within their limits by now)
    if let Some((first, j)) = same_text(&files) {
        let problem = ScenarioProblem::SameRuleTwice {
            first: files[first].display().to_string(),
            second: files[j].display().to_string(),
        };
        let item = list.get(listed_by[j]).unwrap_or(value);
        return Err(src.error(pos(item), problem).field("rules"));
    }
    Ok(files)
}

/// What makes two paths one file: its device and inode where the system has them (a hard link
/// is the same file under another name, as a symbolic link is), else its canonical path.
#[cfg(unix)]
fn same_file_key(file: &Path) -> (u64, u64, PathBuf) {
    use std::os::unix::fs::MetadataExt;
    match std::fs::metadata(file) {
        Ok(m) => (m.dev(), m.ino(), PathBuf::new()),
        Err(_) => (0, 0, file.to_path_buf()),
    }
}

#[cfg(not(unix))]
fn same_file_key(file: &Path) -> (u64, u64, PathBuf) {
    (
        0,
        0,
        file.canonicalize().unwrap_or_else(|_| file.to_path_buf()),
    )
}

/// The first pair of `files` (indices, in order) that hold the same rule: a copy of a rule
/// under another name, which would run the rule twice. Compared as the rule loader reads them
/// (UTF-8 or UTF-16), without a byte-order mark, with every line end as `\n` and without blank
/// lines or spaces at the end: a copy saved by Notepad (CRLF, a byte-order mark, "Unicode")
/// or with one more newline is the same rule. Files that cannot be read, or are not text, are
/// left to the rule loader, which says why. Empty files are exempt (an empty file does nothing,
/// however often it runs), and only regular files within a rule file's limit are read: a pipe
/// is never opened here.
pub(crate) fn same_text(files: &[PathBuf]) -> Option<(usize, usize)> {
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (j, file) in files.iter().enumerate() {
        let readable = std::fs::metadata(file)
            .is_ok_and(|m| m.is_file() && m.len() > 0 && m.len() <= crate::limits::RULE_BYTES);
        if !readable {
            continue;
        }
        let Some(text) = std::fs::read(file).ok().and_then(crate::rules::rule_text) else {
            continue;
        };
        let text = comparable(&text);
        if text.is_empty() {
            continue;
        }
        match seen.entry(text) {
            std::collections::hash_map::Entry::Occupied(first) => return Some((*first.get(), j)),
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(j);
            }
        }
    }
    None
}

/// A rule's text as [`same_text`] compares it: no byte-order mark, `\n` line ends, nothing
/// blank at the end.
fn comparable(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .trim_end()
        .to_string()
}

fn shown_folder(folder: &Path) -> String {
    if folder.as_os_str().is_empty() {
        ".".to_string()
    } else {
        folder.display().to_string()
    }
}

/// A file's name as a message names it (`coverage-2020-08-25.csv`).
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn no_districts(src: &Source, at: Pos) -> Error {
    src.error(at, ScenarioProblem::NoDistricts)
}

/// The districts: from the last file (base first) that names a coverage file, or else from
/// the first that has `[[district]]` entries; the `[[district]]` entries of the files (and
/// settings) after it change them (`overlay::patch_districts`), and so do those of an overlay
/// that names its own coverage file. A file that is no overlay may not have both.
/// Also the coverage file read, if any, and the notes under its table.
/// The districts, the coverage file read (if any), the notes found under its table, the sheet
/// read without `sheet`, and where each district's figures are written (for `[[history]]`).
type Districts = (
    Vec<super::DistrictInput>,
    Option<PathBuf>,
    Option<super::CoverageNotes>,
    Option<super::SheetChosen>,
    Vec<super::history::WrittenAt>,
    coverage::CohortColumns,
    Option<(String, Vec<String>)>,
);

fn districts<'a>(
    top: &Table<'a, '_>,
    kinds: &[TeamKind],
    made_provincial: &[(String, Spot<'a>)],
) -> Result<Districts, Error> {
    let layers = top.layers();
    for layer in layers {
        // an overlay (`base = ...`) may write both: its `[[district]]` entries change the
        // districts of its own coverage file (docs/scenario-format.md § Overlays; trial 13d G8)
        if layer.get("base").is_some() {
            continue;
        }
        if let (Some(file), Some(_)) = (layer.get("coverage"), layer.get("district")) {
            return Err(layer
                .src
                .error(pos(file), ScenarioProblem::CoverageAndDistricts)
                .field("coverage"));
        }
    }
    let from = layers.iter().rposition(|l| l.get("coverage").is_some());
    // `sheet` goes with `coverage`: the last layer's from the one naming the file on (an
    // overlay may choose another sheet of its base's workbook)
    let sheet = layers
        .iter()
        .skip(from.unwrap_or(0))
        .rev()
        .find_map(|l| l.get("sheet").map(|v| (l.src, v)));
    if let (None, Some((src, value))) = (from, sheet) {
        return Err(src
            .error(pos(value), ScenarioProblem::SheetWithoutCoverage)
            .field("sheet"));
    }
    let table = match from {
        Some(i) => Some(coverage_file(&layers[i], sheet)?),
        None => None,
    };
    let sheet_chosen = table.as_ref().and_then(|(t, _)| {
        super::SheetChosen::of(&t.src.path, &t.sheet, &t.hidden, t.named.as_ref())
    });
    let table = table.map(|(t, _)| t);
    let mut notes = None;
    let mut cohort_columns = coverage::CohortColumns::new();
    let mut hidden_columns = None;
    let mut list = match &table {
        Some(table) => {
            let (list, end, columns, hidden) = coverage::districts(table, kinds)?;
            cohort_columns = columns;
            if !hidden.is_empty() {
                hidden_columns = Some((crate::text::shown_path(&table.src.path), hidden));
            }
            notes = end.map(|end| super::CoverageNotes {
                file: crate::text::shown_path(&table.src.path),
                last_row: end.last_read,
                first_row: end.first,
                text: end.text,
            });
            Some(list)
        }
        None => None,
    };
    // the field of a district each `--set` changed, and the first setting that did: one field
    // set twice, the district written two ways ("Cao Lộc", "Huyện Cao Lộc"), would keep only the
    // last value (trial 13f J2)
    let mut set_by: std::collections::HashMap<(usize, String), &Source> = Default::default();
    // the file that names the coverage file changes its districts too, when it is an overlay
    // (a file without `base` may not have both, above)
    for (i, layer) in layers.iter().enumerate().skip(from.unwrap_or(0)) {
        let Some(value) = layer.get("district") else {
            continue;
        };
        let raw = inline::districts(layer.src, value, kinds)?;
        // the districts changed are those of the layer's own coverage file
        let own = (Some(i) == from)
            .then(|| table.as_ref().map(|t| file_name(&t.src.path)))
            .flatten();
        match &mut list {
            Some(list) => {
                let changed = overlay::patch_districts(list, raw, own)?;
                if layer.src.is_setting() {
                    for (district, fields) in changed {
                        for field in fields {
                            if let Some(first) = set_by.insert((district, field), layer.src) {
                                let problem = SettingProblem::Twice {
                                    first: first.text.clone(),
                                };
                                return Err(layer.src.error(Pos::Offset(0), problem));
                            }
                        }
                    }
                }
            }
            None if raw.is_empty() || layer.src.is_setting() => {
                return Err(no_districts(layer.src, pos(value)));
            }
            None => list = Some(raw),
        }
    }
    let coverage = table.as_ref().map(|t| t.src.path.clone());
    match list {
        Some(list) => {
            let written = list
                .iter()
                .map(|d| super::history::WrittenAt {
                    installed: d.installed.and_then(|c| Written::of(layers, c.at)),
                    smartphones: d.smartphones.and_then(|c| Written::of(layers, c.at)),
                })
                .collect();
            Ok((
                district::check(list, kinds, made_provincial)?,
                coverage,
                notes,
                sheet_chosen,
                written,
                cohort_columns,
                hidden_columns,
            ))
        }
        None => Err(no_districts(top.src, Pos::File)),
    }
}

/// Reads the coverage file that `layer` names (relative to its file's folder), from the sheet
/// its `sheet` names (a workbook's: its name or its number from 1, as `--sheet` of import);
/// and whether a sheet was named.
fn coverage_file(
    layer: &Layer<'_, '_>,
    sheet: Option<(&Source, &super::document::Value<'_>)>,
) -> Result<(Grid, bool), Error> {
    let src = layer.src;
    let file = layer
        .get("coverage")
        .expect("the layer names a coverage file");
    let written = as_str(src, "coverage", file)?.trim();
    let path = src.folder().join(written);
    let sheet = match sheet {
        Some((at, value)) => Some(SheetChoice {
            wanted: sheet_named(at, "sheet", value)?,
            at: Some((at.spot(pos(value)), "sheet", written.to_string())),
        }),
        None => None,
    };
    let named = sheet.is_some();
    if Format::of(&path) == Format::Refused {
        return Err(src
            .error(pos(file), Format::refused())
            .field("coverage")
            .hint(Hint::SaveAsXlsx.text()));
    }
    if let Some(kind) = file::sniff(&path) {
        return Err(src
            .error(
                pos(file),
                TableFileProblem::NotATable {
                    path: written.to_string(),
                    entry: TableEntry::Coverage,
                    kind,
                },
            )
            .field("coverage"));
    }
    file::read_sheet(&path, sheet.as_ref())
        .map_err(|e| {
            if path.is_file() {
                e
            } else {
                // Point at the line that names the missing file (or the pipe, the device: then
                // its own hint says what to name instead).
                let mut at = src.error(pos(file), e.message.clone()).field("coverage");
                at.hint = named_file_hint(&path, e.hint);
                at
            }
        })
        .map(|grid| (grid, named))
}

/// The sheet a `sheet = "Ngày 25"` (or `sheet = 2`) names: a text, as `--sheet` takes it (a
/// sheet's name, else its number), or a whole number (the sheet's number alone).
pub(super) fn sheet_named(
    src: &Source,
    field: &str,
    value: &super::document::Value<'_>,
) -> Result<SheetWanted, Error> {
    match value.get_ref() {
        DeValue::Integer(_) => Ok(SheetWanted::Number(super::document::as_integer(
            src, field, value,
        )?)),
        _ => Ok(SheetWanted::Text(
            as_str(src, field, value)?.trim().to_string(),
        )),
    }
}
