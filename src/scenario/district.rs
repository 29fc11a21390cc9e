//! District data as read (from `[[district]]` tables or a coverage CSV) and the checks both
//! routes share: names, counts in range, local team kinds, no district twice.

use std::collections::BTreeMap;

use super::DistrictInput;
use crate::diagnostic::{Error, did_you_mean};
use crate::import::check::MAX_PEOPLE;
use crate::import::table::name_key;
use crate::model::{Scope, TeamKind};
use crate::number::count;
use crate::source::{Pos, Source, Spot, did_you_mean_hint, name_list};
pub(crate) use crate::text::normalise;
use crate::text::{Lang, Text};

/// The fields a district has besides its cohorts.
pub(super) const FIELDS: [&str; 4] = ["name", "installed", "smartphones", "teams"];

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
    pub installed: Option<Count<'a>>,
    pub smartphones: Option<Count<'a>>,
    pub teams: Vec<Entry<'a>>,
    pub cohorts: Vec<Entry<'a>>,
}

/// Checks the districts read and turns them into plain data.
pub(super) fn check(
    raw: Vec<RawDistrict>,
    kinds: &[TeamKind],
) -> Result<Vec<DistrictInput>, Error> {
    let mut seen: BTreeMap<String, Spot> = BTreeMap::new();
    let mut districts = Vec::with_capacity(raw.len());
    for d in &raw {
        let name = named_once(d, &mut seen)?;
        districts.push(district(d, name, kinds)?);
    }
    Ok(districts)
}

/// Every district has a name, and no name is given twice.
pub(super) fn check_names(raw: &[RawDistrict]) -> Result<(), Error> {
    let mut seen: BTreeMap<String, Spot> = BTreeMap::new();
    for d in raw {
        named_once(d, &mut seen)?;
    }
    Ok(())
}

/// The district's name, checked not to be in `seen` (the names before it), then added to it.
fn named_once<'a>(
    d: &RawDistrict<'a>,
    seen: &mut BTreeMap<String, Spot<'a>>,
) -> Result<String, Error> {
    let (name, name_at) = name(d)?;
    // "Huyện Hữu Lũng", "Hữu Lũng" and "HỮU LŨNG" are one district
    let key = name_key(&name);
    if let Some(first) = seen.get(&key) {
        let line = first.src.line(first.pos).unwrap_or(0);
        return Err(name_at
            .error(Text::new(
                format!("huyện \"{name}\" bị ghi hai lần (lần đầu ở dòng {line})"),
                format!("district \"{name}\" appears twice (first at line {line})"),
            ))
            .district(&name)
            .field("name")
            .hint(Text::new(
                "mỗi huyện chỉ ghi một lần; gộp hai mục hoặc sửa tên cho đúng",
                "list each district once; merge the two entries or correct the name",
            )));
    }
    seen.insert(key, name_at);
    Ok(name)
}

/// The district's name, normalised, and where it is written.
pub(super) fn name<'a>(d: &RawDistrict<'a>) -> Result<(String, Spot<'a>), Error> {
    let Some((written, at)) = &d.name else {
        return Err(d
            .at
            .error(Text::new(
                "huyện này chưa có tên (`name`)",
                "this district has no name (`name`)",
            ))
            .field("name")
            .hint(Text::new(
                "thêm tên huyện, ví dụ: name = \"Hữu Lũng\"",
                "add the district's name, e.g. name = \"Hữu Lũng\"",
            )));
    };
    let name = normalise(written);
    if name.is_empty() {
        return Err(at
            .error(Text::new(
                "tên huyện đang để trống",
                "the district's name is empty",
            ))
            .field("name")
            .hint(Text::new(
                "ghi tên huyện, ví dụ \"Hữu Lũng\"",
                "write the district's name, e.g. \"Hữu Lũng\"",
            )));
    }
    Ok((name, *at))
}

fn district(d: &RawDistrict, name: String, kinds: &[TeamKind]) -> Result<DistrictInput, Error> {
    let missing = |field: &str, example: &str| {
        d.at.error(Text::new(
            format!("thiếu số liệu `{field}`"),
            format!("`{field}` is missing"),
        ))
        .district(&name)
        .field(field)
        .hint(Text::new(
            format!("thêm số liệu, ví dụ: {field} = {example}"),
            format!("add the figure, e.g. {field} = {example}"),
        ))
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
            .error(Text::new(
                format!(
                    "số thuê bao điện thoại thông minh phải lớn hơn 0 (đang là {})",
                    count(Lang::Vi, smartphones.value as f64)
                ),
                format!(
                    "the number of smartphone subscribers must be more than 0 (it is {})",
                    count(Lang::En, smartphones.value as f64)
                ),
            ))
            .district(&name)
            .field("smartphones"));
    }
    let installed = d.installed.ok_or_else(|| missing("installed", "18_019"))?;
    if installed.value < 0 {
        return Err(negative(installed, &name, "installed"));
    }
    if installed.value > smartphones.value {
        let (i, s) = (installed.value as f64, smartphones.value as f64);
        return Err(installed
            .at
            .error(
                Text::new(
                    format!(
                        "số máy đã cài đặt ({}) lớn hơn số thuê bao điện thoại thông minh ({})",
                        count(Lang::Vi, i),
                        count(Lang::Vi, s)
                    ),
                    format!(
                        "installed ({}) is more than smartphones ({})",
                        count(Lang::En, i),
                        count(Lang::En, s)
                    ),
                ),
            )
            .district(&name)
            .field("installed")
            .hint(Text::new(
                "đối chiếu hai số này với số liệu gốc; có thể hai cột bị đổi chỗ hoặc gõ thừa một chữ số",
                "check both numbers against the source; the two columns may be swapped or a digit typed twice",
            )));
    }

    let mut teams = BTreeMap::new();
    for entry in &d.teams {
        let kind = team_kind(entry, &name, kinds)?;
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
    for entry in &d.cohorts {
        // Rules name cohorts in lower case (`students`); `Students` is the same cohort.
        let key = entry.key.to_lowercase();
        if !KNOWN_COHORTS.contains(&key.as_str())
            && let Some(known) = did_you_mean(&key, KNOWN_COHORTS)
        {
            return Err(entry
                .key_at
                .error(Text::new(
                    format!("không biết nhóm `{}`", entry.key),
                    format!("unknown cohort `{}`", entry.key),
                ))
                .district(&name)
                .field(&entry.key)
                .hint(Text::new(
                    format!("có phải là `{known}`? Các quy tắc đọc nhóm `{known}`"),
                    format!("did you mean `{known}`? The rules read the cohort `{known}`"),
                )));
        }
        if entry.count.value < 0 {
            return Err(negative(entry.count, &name, &entry.key));
        }
        if entry.count.value > MAX_PEOPLE {
            return Err(too_large(entry.count, &name, &entry.key));
        }
        let n = u64::try_from(entry.count.value)
            .map_err(|_| too_large(entry.count, &name, &entry.key))?;
        if cohorts.insert(key.clone(), n).is_some() {
            return Err(entry
                .key_at
                .error(Text::new(
                    format!("nhóm `{key}` đã có ở trên (chữ hoa, chữ thường được coi là một)"),
                    format!(
                        "the cohort `{key}` is given twice (capitals do not make another cohort)"
                    ),
                ))
                .district(&name)
                .field(&entry.key));
        }
    }

    // Both are at most the (positive) smartphone count here, so they fit in u64.
    let to_u64 = |c: Count| u64::try_from(c.value).unwrap_or(u64::MAX);
    let smartphones = u64::try_from(smartphones.value)
        .map_err(|_| too_large(smartphones, &name, "smartphones"))?;
    Ok(DistrictInput {
        name,
        installed: to_u64(installed),
        smartphones,
        teams,
        cohorts,
    })
}

/// The local team kind an entry of `teams` names.
fn team_kind<'k>(
    entry: &Entry,
    district: &str,
    kinds: &'k [TeamKind],
) -> Result<&'k TeamKind, Error> {
    let field = format!("teams.{}", entry.key);
    let local = || {
        kinds
            .iter()
            .filter(|k| k.scope == Scope::Local)
            .map(|k| k.name.as_str())
    };
    match kinds.iter().find(|k| k.name == entry.key.trim()) {
        Some(kind) if kind.scope == Scope::Local => Ok(kind),
        Some(kind) => Err(provincial_in_district(
            entry.key_at.src,
            entry.key_at.pos,
            &kind.name,
            ("xóa mục này", "remove this entry"),
        )
        .district(district)
        .field(field)),
        None => {
            let hint = match did_you_mean(entry.key.trim(), local()) {
                Some(s) => did_you_mean_hint(s),
                None if local().next().is_none() => Text::new(
                    "kịch bản chưa có loại đội tại chỗ (scope = \"local\") nào",
                    "the scenario has no local team kind (scope = \"local\")",
                ),
                None => Text::new(
                    format!("các loại đội tại chỗ: {}", name_list(local())),
                    format!("the local team kinds are: {}", name_list(local())),
                ),
            };
            Err(entry
                .key_at
                .error(Text::new(
                    format!("không có loại đội `{}`", entry.key),
                    format!("unknown team kind `{}`", entry.key),
                ))
                .district(district)
                .field(field)
                .hint(hint))
        }
    }
}

/// Provincial teams counted in a district: they come from the kind's pool instead. `remove`
/// says what to delete ("remove this entry", "... line", "... column").
pub(super) fn provincial_in_district(
    src: &Source,
    at: Pos,
    kind: &str,
    remove: (&str, &str),
) -> Error {
    src.error(
        at,
        Text::new(
            format!("`{kind}` là loại đội của tỉnh: không ghi số đội này cho từng huyện"),
            format!("`{kind}` is a provincial team kind: its teams are not counted per district"),
        ),
    )
    .hint(Text::new(
        format!(
            "đội cấp tỉnh lấy từ tổng số `available` của [[team_kind]] \"{kind}\" và được kế hoạch phân về các huyện; {}",
            remove.0
        ),
        format!(
            "provincial teams come from the pool (`available` in [[team_kind]] \"{kind}\") and the plan assigns them to districts; {}",
            remove.1
        ),
    ))
}

fn negative(c: Count, district: &str, field: &str) -> Error {
    c.at.error(Text::new(
        format!(
            "số này không được âm (đang là {})",
            count(Lang::Vi, c.value as f64)
        ),
        format!(
            "this number must not be negative (it is {})",
            count(Lang::En, c.value as f64)
        ),
    ))
    .district(district)
    .field(field)
}

fn too_large(c: Count, district: &str, field: &str) -> Error {
    let (message, hint) = crate::import::check::too_large();
    c.at.error(message)
        .district(district)
        .field(field)
        .hint(hint)
}

pub(crate) use crate::model::MAX_TEAMS;

/// The cohorts the shipped rules read; a cohort named like one of them but not exactly is a
/// typing mistake, not a new cohort.
const KNOWN_COHORTS: [&str; 3] = ["quarantine", "testing", "students"];
