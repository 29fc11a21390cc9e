//! District data as read (from `[[district]]` tables or a coverage CSV) and the checks both
//! routes share: names, counts in range, local team kinds, no district twice.

use std::collections::BTreeMap;

use super::DistrictInput;
use super::message::{Changed, DistrictProblem, Remove, TeamKindProblem, in_team_kind};
use crate::diagnostic::{Error, did_you_mean, shortened};
use crate::import::check::MAX_PEOPLE;
use crate::import::table::name_key;
use crate::limits::NAME_CHARS;
use crate::model::{Scope, TeamKind, UnitType};
use crate::source::{Pos, Source, Spot};
use crate::text::fold;
pub(crate) use crate::text::normalise;

/// The fields a district has besides its cohorts.
pub(super) const FIELDS: [&str; 5] = ["name", "unit_type", "installed", "smartphones", "teams"];

/// A whole number as read, before its range is checked.
#[derive(Clone, Copy)]
pub(super) struct Count<'a> {
    pub value: i128,
    pub at: Spot<'a>,
}

/// A named count: a team kind's teams or a cohort's head count.
#[derive(Clone)]
pub(super) struct Entry<'a> {
    pub key: String,
    pub key_at: Spot<'a>,
    pub count: Count<'a>,
}

/// One district as read, every value with its position (in the file, overlay or `--set` that
/// wrote it).
#[derive(Clone)]
pub(super) struct RawDistrict<'a> {
    /// Where the district starts (its `[[district]]` header or its CSV line).
    pub at: Spot<'a>,
    pub name: Option<(String, Spot<'a>)>,
    /// `unit_type` where written, already read ([`UnitType::parse`]).
    pub unit_type: Option<(UnitType, Spot<'a>)>,
    pub installed: Option<Count<'a>>,
    pub smartphones: Option<Count<'a>>,
    pub teams: Vec<Entry<'a>>,
    pub cohorts: Vec<Entry<'a>>,
}

/// Where `count` is written, as a message names it: `o/base.toml:65`, or the `--set` as typed.
fn place(count: Spot) -> String {
    count.place()
}

/// Checks the districts read and turns them into plain data.
/// `made_provincial`: the kinds an overlay or a `--set` made provincial, with where it did.
pub(super) fn check(
    raw: Vec<RawDistrict>,
    kinds: &[TeamKind],
    made_provincial: &[(String, Spot)],
) -> Result<Vec<DistrictInput>, Error> {
    let mut seen: BTreeMap<String, (String, Spot)> = BTreeMap::new();
    let mut districts = Vec::with_capacity(raw.len());
    // each cohort name as written, folded and checked once: a coverage table repeats its
    // cohort columns' names on every row (20,000 rows of 20 long names took 20 s to fold)
    let mut cohort_keys: BTreeMap<String, String> = BTreeMap::new();
    for d in &raw {
        let name = named_once(d, &mut seen)?;
        districts.push(district(d, name, kinds, made_provincial, &mut cohort_keys)?);
    }
    Ok(districts)
}

/// Every district has a name, and no name is given twice.
pub(super) fn check_names(raw: &[RawDistrict]) -> Result<(), Error> {
    let mut seen: BTreeMap<String, (String, Spot)> = BTreeMap::new();
    for d in raw {
        named_once(d, &mut seen)?;
    }
    Ok(())
}

/// The district's name, checked not to be in `seen` (the names before it), then added to it.
fn named_once<'a>(
    d: &RawDistrict<'a>,
    seen: &mut BTreeMap<String, (String, Spot<'a>)>,
) -> Result<String, Error> {
    let (name, name_at) = name(d)?;
    // "Huyện Hữu Lũng", "Hữu Lũng" and "HỮU LŨNG" are one district
    // ... and so are "Ðình Lập" (an eth of the old encodings) and "Đình Lập"
    let key = name_key(&name);
    if let Some((first_name, first)) = seen.get(&key) {
        let line = first.src.line(first.pos).unwrap_or(0);
        return Err(name_at
            .error(DistrictProblem::Twice {
                name: name.clone(),
                first: first_name.clone(),
                first_line: line,
            })
            .district(&name)
            .field("name"));
    }
    seen.insert(key, (name.clone(), name_at));
    // kept as read, look-alike letters made one: rules compare names as text
    Ok(crate::text::canonical(&name))
}

/// The district's name, normalised, and where it is written.
pub(super) fn name<'a>(d: &RawDistrict<'a>) -> Result<(String, Spot<'a>), Error> {
    let Some((written, at)) = &d.name else {
        return Err(d.at.error(DistrictProblem::NoName).field("name"));
    };
    let name = normalise(written);
    if name.is_empty() {
        return Err(at.error(DistrictProblem::EmptyName).field("name"));
    }
    // "Hữu\u{200b}Lũng" would pass for "Hữu Lũng" on every page and be another district
    if let Some(hidden) = crate::import::message::HiddenCharacter::of(&name) {
        let at = at_char(*at, written, hidden.index_in(written));
        return Err(at.error(hidden).field("name"));
    }
    Ok((name, *at))
}

/// `at`, where `written` starts in a table's line (a CSV or workbook cell), moved to its 0-based
/// character `index`: the caret under a name's odd character, not under the cell's first
/// (trial 13e H27; the renderer pads it by the width each character before it takes). A TOML
/// value is pointed at where it starts, as every other.
fn at_char<'a>(at: Spot<'a>, written: &str, index: usize) -> Spot<'a> {
    if written.chars().nth(index).is_none() {
        return at;
    }
    let pos = match at.pos {
        Pos::Line {
            line,
            column: Some(column),
        } => Pos::Line {
            line,
            column: Some(column + index),
        },
        _ => at.pos,
    };
    at.src.spot(pos)
}

fn district(
    d: &RawDistrict,
    name: String,
    kinds: &[TeamKind],
    made_provincial: &[(String, Spot)],
    cohort_keys: &mut BTreeMap<String, String>,
) -> Result<DistrictInput, Error> {
    let missing = |field: &'static str, example: &'static str| {
        d.at.error(DistrictProblem::Missing { field, example })
            .district(&name)
            .field(field)
    };
    let smartphones = d
        .smartphones
        .ok_or_else(|| missing("smartphones", "78_399"))?;
    if smartphones.value > MAX_PEOPLE {
        return Err(too_large(smartphones, &name, "smartphones"));
    }
    if smartphones.value <= 0 {
        return Err(smartphones
            .at
            .error(DistrictProblem::NoSmartphones {
                smartphones: smartphones.value,
            })
            .district(&name)
            .field("smartphones"));
    }
    let installed = d.installed.ok_or_else(|| missing("installed", "18_019"))?;
    if installed.value < 0 {
        return Err(negative(installed, &name, "installed"));
    }
    if installed.value > smartphones.value {
        // An overlay or a `--set` changed one of the two (its source is not the district's):
        // the error is at the figure it changed, and names where the other is written.
        let changed = |c: &Count| !std::ptr::eq(c.at.src, d.at.src);
        let (at, field, other) = if changed(&smartphones) && !changed(&installed) {
            (smartphones.at, "smartphones", Some(installed.at))
        } else if changed(&installed) && !std::ptr::eq(installed.at.src, smartphones.at.src) {
            (installed.at, "installed", Some(smartphones.at))
        } else {
            (installed.at, "installed", None)
        };
        return Err(at
            .error(DistrictProblem::InstalledAboveSmartphones {
                installed: installed.value,
                smartphones: smartphones.value,
                changed: other.map(|o| Changed {
                    smartphones: field == "smartphones",
                    other_at: place(o),
                    setting: at.src.is_setting().then(|| name.clone()),
                }),
            })
            .district(&name)
            .field(field));
    }

    let mut teams = BTreeMap::new();
    for entry in &d.teams {
        let kind = team_kind(entry, &name, kinds, made_provincial)?;
        let field = format!("teams.{}", entry.key);
        if entry.count.value < 0 {
            return Err(negative(entry.count, &name, &field));
        }
        let n = u32::try_from(entry.count.value)
            .ok()
            .filter(|&n| n <= MAX_TEAMS)
            .ok_or_else(|| too_large(entry.count, &name, &field))?;
        teams.insert(kind.name.clone(), n);
    }

    let mut cohorts = BTreeMap::new();
    let mut first_of: BTreeMap<String, &Entry> = BTreeMap::new();
    for entry in &d.cohorts {
        let key = match cohort_keys.get(&entry.key) {
            Some(key) => key.clone(),
            None => {
                let key = cohort_key(entry, &name)?;
                cohort_keys.insert(entry.key.clone(), key.clone());
                key
            }
        };
        if entry.count.value < 0 {
            return Err(negative(entry.count, &name, &entry.key));
        }
        if entry.count.value > MAX_PEOPLE {
            return Err(too_large(entry.count, &name, &entry.key));
        }
        // a hundred times the district's smartphones is a typing mistake (trial F17: 10^12 in
        // a district of 78,399), which the model would silently cap at the smartphones
        if entry.count.value > smartphones.value * crate::limits::COHORT_SMARTPHONES_FACTOR {
            // an overlay or a `--set` that changed the smartphones alone: the error is at
            // what it changed, and names where the cohort is written (trial 13e H22)
            let changed = |at: Spot| !std::ptr::eq(at.src, d.at.src);
            let problem = DistrictProblem::CohortAboveSmartphones {
                cohort: entry.key.clone(),
                people: entry.count.value,
                smartphones: smartphones.value,
            };
            return Err(super::document::between(
                problem,
                (entry.count.at, &entry.key),
                (smartphones.at, "smartphones"),
                changed(smartphones.at) && !changed(entry.count.at),
            )
            .district(&name));
        }
        let n = u64::try_from(entry.count.value)
            .map_err(|_| too_large(entry.count, &name, &entry.key))?;
        if let Some(first) = first_of.get(&key) {
            return Err(entry
                .key_at
                .error(DistrictProblem::CohortTwice {
                    cohort: entry.key.clone(),
                    first: first.key.clone(),
                    first_line: first.key_at.src.line(first.key_at.pos),
                })
                .district(&name)
                .field(&entry.key));
        }
        first_of.insert(key.clone(), entry);
        cohorts.insert(key, n);
    }

    // Both are at most the (positive) smartphone count here, so they fit in u64.
    let to_u64 = |c: Count| u64::try_from(c.value).unwrap_or(u64::MAX);
    let smartphones = u64::try_from(smartphones.value)
        .map_err(|_| too_large(smartphones, &name, "smartphones"))?;
    // a type written beside a name that says another is refused: the letter would address a
    // People's Committee that does not exist ("Huyện Lạng Sơn" for the city)
    let unit_type = match (d.unit_type, UnitType::split_name(&name)) {
        (Some((written, at)), (Some(named), bare)) if written != named => {
            return Err(at
                .error(DistrictProblem::UnitTypeContradictsName {
                    name: name.clone(),
                    bare: bare.to_string(),
                    written,
                    named,
                })
                .district(&name)
                .field("unit_type"));
        }
        (Some((written, _)), _) => written,
        (None, _) => UnitType::of_name(&name),
    };
    Ok(DistrictInput {
        unit_type,
        name,
        installed: to_u64(installed),
        smartphones,
        teams,
        cohorts,
    })
}

/// The local team kind an entry of `teams` names.
/// A cohort's name as rules read it (folded), once it is checked: not too long, not a
/// misspelling of a cohort the shipped rules read.
fn cohort_key(entry: &Entry, name: &str) -> Result<String, Error> {
    let chars = entry.key.chars().count();
    if chars > NAME_CHARS {
        return Err(entry
            .key_at
            .error(DistrictProblem::CohortNameTooLong {
                shown: shortened(&entry.key),
                chars,
            })
            .district(name));
    }
    // Rules name cohorts in lower case (`students`); `Students` (and a full-width
    // `ｓｔｕｄｅｎｔｓ`) is the same cohort; so is `"Học sinh"`, as a table's heading is read.
    let key = cohort_name(&entry.key);
    if !KNOWN_COHORTS.contains(&key.as_str())
        && let Some(known) = did_you_mean(&key, KNOWN_COHORTS)
    {
        return Err(entry
            .key_at
            .error(DistrictProblem::MisspeltCohort {
                written: entry.key.clone(),
                known,
            })
            .district(name)
            .field(&entry.key));
    }
    Ok(key)
}

/// The cohort a key of a district names, as rules read it: folded (`Students` is
/// `students`), and a quoted Vietnamese (or English) name of one of the cohorts the shipped
/// rules read, as a coverage table's heading is read ([`Extra::of_heading`]): `"Học sinh"` is
/// `students`, `"Cách ly"` `quarantine`, `"Xét nghiệm"` `testing` (trial 13g K11: the city's
/// students were a group no rule reads). A bare key (`quarantine_hotel`, letters, digits,
/// `_` and `-` only) is a name of its own, as it always was.
///
/// [`Extra::of_heading`]: crate::import::extra::Extra::of_heading
pub(super) fn cohort_name(written: &str) -> String {
    use crate::import::extra::Extra;
    let bare = written
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if !bare {
        match Extra::of_heading(written) {
            Some(Extra::Quarantine) => return "quarantine".to_string(),
            Some(Extra::Testing) => return "testing".to_string(),
            Some(Extra::Students) => return "students".to_string(),
            Some(Extra::Communes) | None => {}
        }
    }
    fold(written)
}

fn team_kind<'k>(
    entry: &Entry,
    district: &str,
    kinds: &'k [TeamKind],
    made_provincial: &[(String, Spot)],
) -> Result<&'k TeamKind, Error> {
    let field = format!("teams.{}", entry.key);
    let local = || {
        kinds
            .iter()
            .filter(|k| k.scope == Scope::Local)
            .map(|k| k.name.as_str())
    };
    match kinds.iter().find(|k| fold(&k.name) == fold(&entry.key)) {
        Some(kind) if kind.scope == Scope::Local => Ok(kind),
        // the base counts teams of a kind its overlay (or a --set) made provincial: the
        // mistake is the overlay's `scope`, not the base's entry
        Some(kind) if let Some((_, at)) = made_provincial.iter().find(|(n, _)| *n == kind.name) => {
            Err(in_team_kind(
                &kind.name,
                at.error(TeamKindProblem::MadeProvincialInDistrict {
                    name: kind.name.clone(),
                    setting: at.src.is_setting(),
                    district: district.to_string(),
                    file: entry.key_at.src.path.display().to_string(),
                    line: entry.key_at.src.line(entry.key_at.pos),
                })
                .field("team_kind.scope"),
            ))
        }
        Some(kind) => Err(provincial_in_district(
            entry.key_at.src,
            entry.key_at.pos,
            &kind.name,
            Remove::Entry,
        )
        .district(district)
        .field(field)),
        None => Err(entry
            .key_at
            .error(DistrictProblem::UnknownTeamKind {
                written: entry.key.clone(),
                close: did_you_mean(entry.key.trim(), local()).map(str::to_string),
                local: local().map(str::to_string).collect(),
            })
            .district(district)
            .field(field)),
    }
}

/// A unit type as written at `at` (`unit_type = "thành phố"`, or a cell of a coverage
/// table): a type, or an error saying which words are accepted.
pub(super) fn unit_type(written: &str, at: Spot, in_table: bool) -> Result<UnitType, Error> {
    UnitType::parse(written).ok_or_else(|| {
        at.error(crate::import::message::UnknownUnitType::new(
            written, in_table,
        ))
    })
}

/// Provincial teams counted in a district: they come from the kind's pool instead. `remove`
/// says what to delete.
pub(super) fn provincial_in_district(src: &Source, at: Pos, kind: &str, remove: Remove) -> Error {
    src.error(
        at,
        DistrictProblem::ProvincialTeams {
            kind: kind.to_string(),
            remove,
        },
    )
}

fn negative(c: Count, district: &str, field: &str) -> Error {
    c.at.error(DistrictProblem::Negative {
        value: c.value,
        field: field.to_string(),
    })
    .district(district)
    .field(field)
}

fn too_large(c: Count, district: &str, field: &str) -> Error {
    c.at.error(crate::import::message::CellProblem::TooLarge { cell: None })
        .district(district)
        .field(field)
}

pub(crate) use crate::model::MAX_TEAMS;

/// The cohorts the shipped rules read; a cohort named like one of them but not exactly is a
/// typing mistake, not a new cohort.
const KNOWN_COHORTS: [&str; 3] = ["quarantine", "testing", "students"];
