//! `[[team_kind]]` entries (MODEL.md § "Outreach teams and the response curve").

use super::district::MAX_TEAMS;
use super::document::{
    Layer, Table, as_array, as_integer, as_number, as_str, as_table, pos, written,
};
use crate::diagnostic::{Error, did_you_mean};
use crate::model::{Scope, TeamKind};
use crate::number::count;
use crate::source::{Pos, Source, did_you_mean_hint, name_list};
use crate::text::{Lang, Text};

const KEYS: [&str; 5] = [
    "name",
    "scope",
    "available",
    "installs_per_team_day",
    "cost_per_team_day",
];

const EXAMPLE: &str =
    "[[team_kind]]\nname = \"commune\"\nscope = \"local\"\ninstalls_per_team_day = 15";

/// Reads every `[[team_kind]]`; a scenario needs at least one. An overlay's (or a `--set`'s)
/// entry changes the base's kind of the same name field by field; a new name in an overlay adds
/// a kind, a new name in a `--set` is an error.
pub(super) fn team_kinds(top: &Table<'_, '_>) -> Result<Vec<TeamKind>, Error> {
    let written = top.layers_of("team_kind");
    let Some(&(last_src, last_value)) = written.last() else {
        return Err(no_team_kind(top.src, Pos::File));
    };
    // Each kind's layers (base first), in the order the kinds first appear.
    let mut kinds: Vec<(String, Vec<Layer<'_, '_>>)> = Vec::new();
    for &(src, value) in &written {
        let entries = as_array(src, "team_kind", value).map_err(|e| {
            e.hint(Text::new(
                "viết mỗi loại đội dưới tiêu đề [[team_kind]] (hai dấu ngoặc vuông)",
                "write each team kind under a [[team_kind]] header (double square brackets)",
            ))
        })?;
        let mut in_this_file: Vec<(String, Pos)> = Vec::new();
        for entry in entries.iter() {
            let table = as_table(src, "team_kind", entry)?;
            let alone = Table::new(src, pos(entry), "[[team_kind]]", table);
            alone.unknown_keys(&KEYS)?;
            let (name, name_at) = name(&alone)?;
            if let Some((_, first)) = in_this_file.iter().find(|(n, _)| *n == name) {
                let line = src.line(*first).unwrap_or(0);
                return Err(src
                    .error(
                        name_at,
                        Text::new(
                            format!(
                                "loại đội `{name}` bị khai báo hai lần (lần đầu ở dòng {line})"
                            ),
                            format!("team kind `{name}` is defined twice (first at line {line})"),
                        ),
                    )
                    .field("team_kind.name")
                    .hint(Text::new(
                        "mỗi loại đội cần một tên riêng; đổi tên hoặc xóa một mục",
                        "each team kind needs its own name; rename or remove one of them",
                    )));
            }
            in_this_file.push((name.clone(), name_at));
            let layer = Layer {
                src,
                at: pos(entry),
                table,
            };
            let misspelt = !kinds.is_empty()
                && alone.get("scope").is_none()
                && did_you_mean(&name, kinds.iter().map(|(n, _)| n.as_str())).is_some();
            match kinds.iter_mut().find(|(n, _)| *n == name) {
                Some((_, layers)) => layers.push(layer),
                None if src.is_setting() => {
                    let known: Vec<&str> = kinds.iter().map(|(n, _)| n.as_str()).collect();
                    return Err(unknown_kind(src, name_at, &name, &known));
                }
                // an overlay's new kind named like a base kind and not complete: a misspelt name
                None if misspelt => {
                    let known: Vec<&str> = kinds.iter().map(|(n, _)| n.as_str()).collect();
                    return Err(unknown_kind(src, name_at, &name, &known));
                }
                None => kinds.push((name, vec![layer])),
            }
        }
    }
    if kinds.is_empty() {
        return Err(no_team_kind(last_src, pos(last_value)));
    }
    kinds
        .into_iter()
        .map(|(_, layers)| team_kind(&Table::layered("[[team_kind]]", layers)))
        .collect()
}

/// A `--set team_kind.NAME.FIELD` whose kind the scenario does not have.
fn unknown_kind(src: &Source, at: Pos, name: &str, known: &[&str]) -> Error {
    let list = name_list(known.iter().copied());
    let hint = match did_you_mean(name, known.iter().copied()) {
        Some(s) => Text::new(
            format!("có phải ý bạn là `{s}`? Các loại đội của kịch bản: {list}"),
            format!("did you mean `{s}`? The scenario's team kinds are {list}"),
        ),
        None => Text::new(
            format!("các loại đội của kịch bản: {list}"),
            format!("the scenario's team kinds are {list}"),
        ),
    };
    src.error(
        at,
        Text::new(
            format!("kịch bản không có loại đội `{name}`"),
            format!("the scenario has no team kind `{name}`"),
        ),
    )
    .hint(hint)
}

/// The name of one `[[team_kind]]` entry, trimmed, and where it is.
fn name(table: &Table<'_, '_>) -> Result<(String, Pos), Error> {
    let src = table.src;
    let name_value = table.require("name", "name = \"volunteer\"")?;
    let name = as_str(src, "team_kind.name", name_value)?
        .trim()
        .to_string();
    if name.is_empty() {
        return Err(src
            .error(
                pos(name_value),
                Text::new(
                    "tên loại đội đang để trống",
                    "the team kind's name is empty",
                ),
            )
            .field("team_kind.name")
            .hint(Text::new(
                "đặt một tên ngắn, ví dụ \"commune\"",
                "give it a short name, e.g. \"commune\"",
            )));
    }
    Ok((name, pos(name_value)))
}

fn no_team_kind(src: &Source, at: Pos) -> Error {
    src.error(
        at,
        Text::new(
            "kịch bản chưa có loại đội nào ([[team_kind]])",
            "the scenario defines no team kind ([[team_kind]])",
        ),
    )
    .hint(Text::new(
        format!("thêm ít nhất một loại đội, ví dụ:\n{EXAMPLE}"),
        format!("add at least one team kind, for example:\n{EXAMPLE}"),
    ))
}

/// One team kind, from its entries in the base and overlays (all checked to have one name).
fn team_kind(table: &Table<'_, '_>) -> Result<TeamKind, Error> {
    let name_item = table.require_item("name", "name = \"volunteer\"")?;
    let name = as_str(name_item.src, "team_kind.name", name_item.value)?
        .trim()
        .to_string();
    let in_kind = |e: Error| -> Error {
        let mut e = e;
        e.message.vi = format!("loại đội `{name}`: {}", e.message.vi);
        if let Some(en) = &mut e.message.en {
            *en = format!("team kind `{name}`: {en}");
        }
        e
    };

    let scope_value = table
        .require_item("scope", "scope = \"local\"")
        .map_err(in_kind)?;
    let scope_text =
        as_str(scope_value.src, "team_kind.scope", scope_value.value).map_err(in_kind)?;
    let scope = match scope_text.trim() {
        "local" => Scope::Local,
        "provincial" => Scope::Provincial,
        other => {
            let hint = match did_you_mean(other, ["local", "provincial"]) {
                Some(s) => did_you_mean_hint(s),
                None => Text::new(
                    "\"local\": đội của từng huyện, số đội ghi ở mỗi huyện; \"provincial\": đội của tỉnh, điều đến các huyện",
                    "\"local\": teams of each district, counted per district; \"provincial\": a provincial pool sent to districts",
                ),
            };
            return Err(in_kind(
                scope_value.error(
                    Text::new(
                        format!("phạm vi \"{other}\" không hợp lệ; chỉ dùng \"local\" hoặc \"provincial\""),
                        format!("scope \"{other}\" is not valid; use \"local\" or \"provincial\""),
                    ),
                )
                .field("team_kind.scope")
                .hint(hint),
            ));
        }
    };

    let available = match (scope, table.item("available")) {
        (Scope::Local, Some(value)) => {
            return Err(in_kind(
                value.error(
                    Text::new(
                        "loại đội tại chỗ (\"local\") không có `available`",
                        "a local team kind has no `available`",
                    ),
                )
                .field("team_kind.available")
                .hint(Text::new(
                    format!("số đội tại chỗ ghi ở từng huyện: teams = {{ {name} = 8 }}; xóa dòng này, hoặc đổi scope thành \"provincial\""),
                    format!("local teams are counted in each district: teams = {{ {name} = 8 }}; remove this line, or change scope to \"provincial\""),
                )),
            ));
        }
        (Scope::Local, None) => None,
        (Scope::Provincial, _) => {
            let value = table
                .require_item("available", "available = 30")
                .map_err(in_kind)?;
            let n = as_integer(value.src, "team_kind.available", value.value).map_err(in_kind)?;
            let n = u32::try_from(n)
                .ok()
                .filter(|&n| n <= MAX_TEAMS)
                .ok_or_else(|| {
                    in_kind(
                    value.error(
                        Text::new(
                            format!(
                                "số đội sẵn có phải từ 0 đến {} (đang là {})",
                                count(Lang::Vi, f64::from(MAX_TEAMS)),
                                written(value.src, value.value)
                            ),
                            format!(
                                "the number of available teams must be between 0 and {} (it is {})",
                                count(Lang::En, f64::from(MAX_TEAMS)),
                                written(value.src, value.value)
                            ),
                        ),
                    )
                    .field("team_kind.available"),
                )
                })?;
            Some(n)
        }
    };

    let rate_value = table
        .require_item("installs_per_team_day", "installs_per_team_day = 15")
        .map_err(in_kind)?;
    let installs_per_team_day = as_number(
        rate_value.src,
        "team_kind.installs_per_team_day",
        rate_value.value,
    )
    .map_err(in_kind)?;
    if installs_per_team_day <= 0.0 {
        return Err(in_kind(
            rate_value
                .error(Text::new(
                    format!(
                        "số lượt cài mỗi đội mỗi ngày phải lớn hơn 0 (đang là {})",
                        written(rate_value.src, rate_value.value)
                    ),
                    format!(
                        "installs per team-day must be more than 0 (it is {})",
                        written(rate_value.src, rate_value.value)
                    ),
                ))
                .field("team_kind.installs_per_team_day"),
        ));
    }

    let cost_per_team_day = match table.item("cost_per_team_day") {
        None => 0.0,
        Some(value) => {
            let cost = as_number(value.src, "team_kind.cost_per_team_day", value.value)
                .map_err(in_kind)?;
            if cost < 0.0 {
                return Err(in_kind(
                    value
                        .error(Text::new(
                            format!(
                                "chi phí mỗi đội mỗi ngày không được âm (đang là {})",
                                written(value.src, value.value)
                            ),
                            format!(
                                "the cost per team-day must not be negative (it is {})",
                                written(value.src, value.value)
                            ),
                        ))
                        .field("team_kind.cost_per_team_day"),
                ));
            }
            cost
        }
    };

    Ok(TeamKind {
        name,
        scope,
        available,
        installs_per_team_day,
        cost_per_team_day,
    })
}
