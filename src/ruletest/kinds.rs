//! Team kinds as a rule test names them (`plan = { commune = 5 }`, `[case.expect]` counts):
//! each checked against the scenario's kinds, read by `fixture.rs` and `expect.rs` alike.

use std::collections::BTreeMap;

use crate::diagnostic::{Error, did_you_mean};
use crate::scenario::Scenario;
use crate::scenario::document::{Table, Value, as_integer, as_table, pos};
use crate::source::{Pos, Source, did_you_mean_hint, name_list};
use crate::text::Text;

/// `{ kind = n, ... }`: known team kinds, whole numbers ≥ 0, each with the position of its value.
pub(super) fn kind_counts(
    src: &Source,
    field: &str,
    value: &Value<'_>,
    scenario: &Scenario,
) -> Result<BTreeMap<String, (u32, Pos)>, Error> {
    let table = as_table(src, field, value).map_err(|e| {
        e.hint(Text::new(
            "ghi số tổ, đội theo loại, ví dụ: { commune = 5, volunteer = 1 }",
            "give the teams by kind, e.g. { commune = 5, volunteer = 1 }",
        ))
    })?;
    let table = Table::new(src, pos(value), "", table);
    let mut counts = BTreeMap::new();
    for (kind, at, n) in table.entries() {
        let kind = known_kind(src, kind, at, scenario)?;
        let field = format!("{field}.{kind}");
        let count = as_integer(src, &field, n)?;
        let count = u32::try_from(count).map_err(|_| {
            src.error(
                pos(n),
                Text::new(
                    "số tổ, đội phải là số nguyên từ 0 trở lên",
                    "a number of teams must be a whole number, 0 or more",
                ),
            )
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
    let hint = match did_you_mean(kind, names.clone()) {
        Some(s) => did_you_mean_hint(s),
        None => Text::new(
            format!("các loại đội của kịch bản: {}", name_list(names.clone())),
            format!("the scenario's team kinds: {}", name_list(names)),
        ),
    };
    Err(src
        .error(
            at,
            Text::new(
                format!("không có loại đội `{kind}`"),
                format!("unknown team kind `{kind}`"),
            ),
        )
        .hint(hint))
}
