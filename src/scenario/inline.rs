//! Districts written in the scenario itself, as `[[district]]` tables.

use toml::de::DeValue;

use super::district::{Count, Entry, FIELDS, RawDistrict, normalise, provincial_in_district};
use super::document::{Table, Value, as_array, as_integer_at_most, as_table, pos, wrong_type_as};
use super::message::{DistrictProblem, Expected, Hint, Remove};
use crate::diagnostic::{Error, did_you_mean};
use crate::model::{Scope, TeamKind};
use crate::source::{Pos, Source};

/// Reads the `[[district]]` array: every key but `name`, `unit_type`, `installed`,
/// `smartphones` and `teams` is a cohort head count.
pub(super) fn districts<'a>(
    src: &'a Source,
    value: &Value<'_>,
    kinds: &[TeamKind],
) -> Result<Vec<RawDistrict<'a>>, Error> {
    let entries =
        as_array(src, "district", value).map_err(|e| e.hint(Hint::DistrictHeader.text()))?;
    entries
        .iter()
        .map(|entry| district(src, entry, kinds))
        .collect()
}

/// One district table written outside a scenario (a rule test's `district = { ... }`), read
/// and checked like a `[[district]]`.
pub(crate) fn district_table(
    src: &Source,
    value: &Value<'_>,
    kinds: &[TeamKind],
) -> Result<super::DistrictInput, Error> {
    let raw = district(src, value, kinds)?;
    let mut checked = super::district::check(vec![raw], kinds, &[])?;
    Ok(checked.remove(0))
}

fn district<'a>(
    src: &'a Source,
    value: &Value<'_>,
    kinds: &[TeamKind],
) -> Result<RawDistrict<'a>, Error> {
    let table = Table::new(
        src,
        pos(value),
        "[[district]]",
        as_table(src, "district", value)?,
    );
    let mut d = RawDistrict {
        at: src.spot(pos(value)),
        name: None,
        unit_type: None,
        installed: None,
        smartphones: None,
        teams: Vec::new(),
        cohorts: Vec::new(),
    };
    // The name first, so that every later error can say which district it is about.
    if let Some(v) = table.get("name") {
        let name = match v.get_ref() {
            DeValue::String(name) => name.to_string(),
            _ => {
                let expected = Expected::QuotedString;
                return Err(wrong_type_as(src, "name", v, expected, "district.name"));
            }
        };
        d.name = Some((name, src.spot(pos(v))));
    }
    let label = d
        .name
        .as_ref()
        .map(|(n, _)| normalise(n))
        .unwrap_or_default();
    let in_district = |e: Error| {
        if label.is_empty() {
            e
        } else {
            e.district(&label)
        }
    };

    for (key, key_at, v) in table.entries() {
        match key {
            "name" => {}
            "unit_type" => {
                let DeValue::String(written) = v.get_ref() else {
                    let expected = Expected::QuotedString;
                    let e = wrong_type_as(src, key, v, expected, "district.unit_type");
                    return Err(in_district(e));
                };
                let unit = super::district::unit_type(written, src.spot(pos(v)), false);
                d.unit_type = Some((
                    unit.map_err(|e| in_district(e.field("unit_type")))?,
                    src.spot(pos(v)),
                ));
            }
            "installed" => d.installed = Some(count(src, key, v).map_err(in_district)?),
            "smartphones" => d.smartphones = Some(count(src, key, v).map_err(in_district)?),
            "teams" => {
                let teams = as_table(src, key, v)
                    .map_err(|e| in_district(e.hint(Hint::TeamsByKind.text())))?;
                let teams = Table::new(src, pos(v), "teams", teams);
                for (kind, kind_at, n) in teams.entries() {
                    let field = format!("teams.{kind}");
                    d.teams.push(Entry {
                        key: kind.to_string(),
                        key_at: src.spot(kind_at),
                        count: count(src, &field, n).map_err(in_district)?,
                    });
                }
            }
            _ => {
                if let Some(field) = did_you_mean(key, FIELDS) {
                    return Err(in_district(src.error(
                        key_at,
                        DistrictProblem::MisspeltField {
                            written: key.to_string(),
                            close: field,
                        },
                    )));
                }
                if let Some(kind) = kinds.iter().find(|k| k.name == key) {
                    return Err(in_district(team_kind_as_cohort(src, key_at, kind)));
                }
                // `Budget`, `HORIZON_DAYS` too: a clerk's capitals are the same setting, not a
                // group of people (trial 13g K10)
                if let Some(setting) = super::load::scenario_key(key) {
                    let problem = DistrictProblem::ScenarioKey {
                        key: key.to_string(),
                        setting,
                    };
                    return Err(in_district(src.error(key_at, problem)));
                }
                let n = count(src, key, v).map_err(|e| {
                    let e = if matches!(v.get_ref(), DeValue::Integer(_) | DeValue::Float(_)) {
                        e
                    } else {
                        cohort_not_a_count(src, key, v)
                    };
                    in_district(e)
                })?;
                d.cohorts.push(Entry {
                    key: key.to_string(),
                    key_at: src.spot(key_at),
                    count: n,
                });
            }
        }
    }
    Ok(d)
}

fn count<'a>(src: &'a Source, field: &str, value: &Value<'_>) -> Result<Count<'a>, Error> {
    // a team count takes at most MAX_TEAMS; the others are people (smartphones, installed, a
    // cohort), at most MAX_PEOPLE
    let largest = if field.starts_with("teams.") {
        i128::from(crate::model::MAX_TEAMS)
    } else {
        crate::model::MAX_PEOPLE
    };
    Ok(Count {
        value: as_integer_at_most(src, field, value, largest)?,
        at: src.spot(pos(value)),
    })
}

/// `commune = 8` written beside the district's data instead of inside `teams`.
fn team_kind_as_cohort(src: &Source, at: Pos, kind: &TeamKind) -> Error {
    let name = &kind.name;
    match kind.scope {
        Scope::Local => src.error(at, DistrictProblem::TeamKindAsCohort { kind: name.clone() }),
        Scope::Provincial => provincial_in_district(src, at, name, Remove::Line),
    }
    .field(name.clone())
}

/// A cohort whose value is not a number at all (`students = "9000"`).
fn cohort_not_a_count(src: &Source, key: &str, value: &Value<'_>) -> Error {
    super::document::wrong_type(src, key, value, Expected::WholeNumber).hint(
        Hint::CohortCount {
            key: key.to_string(),
        }
        .text(),
    )
}
