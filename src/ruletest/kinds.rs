//! Team kinds as a rule test names them (`plan = { commune = 5 }`, `[case.expect]` counts):
//! each checked against the scenario's kinds, read by `fixture.rs` and `expect.rs` alike.

use std::collections::BTreeMap;

use super::message::{ExpectProblem, Hint};
use crate::diagnostic::{Error, did_you_mean};
use crate::scenario::Scenario;
use crate::scenario::document::{Table, Value, as_integer, as_table, pos};
use crate::source::{Pos, Source};

/// `{ kind = n, ... }`: known team kinds, whole numbers ≥ 0, each with the position of its value.
pub(super) fn kind_counts(
    src: &Source,
    field: &str,
    value: &Value<'_>,
    scenario: &Scenario,
) -> Result<BTreeMap<String, (u32, Pos)>, Error> {
    let table = as_table(src, field, value).map_err(|e| e.hint(Hint::TeamsByKind.text()))?;
    let table = Table::new(src, pos(value), "", table);
    let mut counts = BTreeMap::new();
    for (kind, at, n) in table.entries() {
        let kind = known_kind(src, kind, at, scenario)?;
        let field = format!("{field}.{kind}");
        let count = as_integer(src, &field, n)?;
        let count = u32::try_from(count)
            .ok()
            .filter(|&c| c <= crate::model::MAX_TEAMS)
            .ok_or_else(|| {
                src.error(pos(n), ExpectProblem::TeamsOutOfRange { value: count })
                    .field(field.clone())
            })?;
        counts.insert(kind, (count, pos(n)));
    }
    Ok(counts)
}

/// A team kind of the scenario, or an error with a hint.
pub(super) fn known_kind(
    src: &Source,
    kind: &str,
    at: Pos,
    scenario: &Scenario,
) -> Result<String, Error> {
    if scenario.team_kinds.iter().any(|k| k.name == kind) {
        return Ok(kind.to_string());
    }
    let names = scenario.team_kinds.iter().map(|k| k.name.as_str());
    Err(src.error(
        at,
        ExpectProblem::UnknownTeamKind {
            kind: kind.to_string(),
            close: did_you_mean(kind, names.clone()).map(str::to_string),
            known: names.map(str::to_string).collect(),
        },
    ))
}
