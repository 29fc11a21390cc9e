//! `[[team_kind]]` entries (MODEL.md § "Outreach teams and the response curve").

use super::district::MAX_TEAMS;
use super::document::{
    Table, Value, as_array, as_integer, as_number, as_str, as_table, pos, written,
};
use super::source::{Pos, Source, did_you_mean_hint};
use crate::diagnostic::{Error, did_you_mean};
use crate::model::{Scope, TeamKind};
use crate::report::number::count;
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

/// Reads every `[[team_kind]]`; a scenario needs at least one.
pub(super) fn team_kinds(top: &Table<'_, '_>) -> Result<Vec<TeamKind>, Error> {
    let src = top.src;
    let Some(value) = top.get("team_kind") else {
        return Err(no_team_kind(src, Pos::File));
    };
    let entries = as_array(src, "team_kind", value).map_err(|e| {
        e.hint(Text::new(
            "viết mỗi loại đội dưới tiêu đề [[team_kind]] (hai dấu ngoặc vuông)",
            "write each team kind under a [[team_kind]] header (double square brackets)",
        ))
    })?;
    let mut kinds: Vec<(TeamKind, Pos)> = Vec::new();
    for entry in entries.iter() {
        let (kind, at) = team_kind(src, entry)?;
        if let Some((_, first)) = kinds.iter().find(|(k, _)| k.name == kind.name) {
            let line = src.line(*first).unwrap_or(0);
            return Err(src
                .error(
                    at,
                    Text::new(
                        format!(
                            "loại đội `{}` bị khai báo hai lần (lần đầu ở dòng {line})",
                            kind.name
                        ),
                        format!(
                            "team kind `{}` is defined twice (first at line {line})",
                            kind.name
                        ),
                    ),
                )
                .field("team_kind.name")
                .hint(Text::new(
                    "mỗi loại đội cần một tên riêng; đổi tên hoặc xóa một mục",
                    "each team kind needs its own name; rename or remove one of them",
                )));
        }
        kinds.push((kind, at));
    }
    if kinds.is_empty() {
        return Err(no_team_kind(src, pos(value)));
    }
    Ok(kinds.into_iter().map(|(k, _)| k).collect())
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

/// One `[[team_kind]]`, and where its name is.
fn team_kind(src: &Source, value: &Value<'_>) -> Result<(TeamKind, Pos), Error> {
    let table = Table::new(
        src,
        pos(value),
        "[[team_kind]]",
        as_table(src, "team_kind", value)?,
    );
    table.unknown_keys(&KEYS)?;

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
    let in_kind = |e: Error| -> Error {
        let mut e = e;
        e.message.vi = format!("loại đội `{name}`: {}", e.message.vi);
        if let Some(en) = &mut e.message.en {
            *en = format!("team kind `{name}`: {en}");
        }
        e
    };

    let scope_value = table
        .require("scope", "scope = \"local\"")
        .map_err(in_kind)?;
    let scope_text = as_str(src, "team_kind.scope", scope_value).map_err(in_kind)?;
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
                src.error(
                    pos(scope_value),
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

    let available = match (scope, table.get("available")) {
        (Scope::Local, Some(value)) => {
            return Err(in_kind(
                src.error(
                    pos(value),
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
                .require("available", "available = 30")
                .map_err(in_kind)?;
            let n = as_integer(src, "team_kind.available", value).map_err(in_kind)?;
            let n = u32::try_from(n)
                .ok()
                .filter(|&n| n <= MAX_TEAMS)
                .ok_or_else(|| {
                    in_kind(
                    src.error(
                        pos(value),
                        Text::new(
                            format!(
                                "số đội sẵn có phải từ 0 đến {} (đang là {})",
                                count(Lang::Vi, f64::from(MAX_TEAMS)),
                                written(src, value)
                            ),
                            format!(
                                "the number of available teams must be between 0 and {} (it is {})",
                                count(Lang::En, f64::from(MAX_TEAMS)),
                                written(src, value)
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
        .require("installs_per_team_day", "installs_per_team_day = 15")
        .map_err(in_kind)?;
    let installs_per_team_day =
        as_number(src, "team_kind.installs_per_team_day", rate_value).map_err(in_kind)?;
    if installs_per_team_day <= 0.0 {
        return Err(in_kind(
            src.error(
                pos(rate_value),
                Text::new(
                    format!(
                        "số lượt cài mỗi đội mỗi ngày phải lớn hơn 0 (đang là {})",
                        written(src, rate_value)
                    ),
                    format!(
                        "installs per team-day must be more than 0 (it is {})",
                        written(src, rate_value)
                    ),
                ),
            )
            .field("team_kind.installs_per_team_day"),
        ));
    }

    let cost_per_team_day = match table.get("cost_per_team_day") {
        None => 0.0,
        Some(value) => {
            let cost = as_number(src, "team_kind.cost_per_team_day", value).map_err(in_kind)?;
            if cost < 0.0 {
                return Err(in_kind(
                    src.error(
                        pos(value),
                        Text::new(
                            format!(
                                "chi phí mỗi đội mỗi ngày không được âm (đang là {})",
                                written(src, value)
                            ),
                            format!(
                                "the cost per team-day must not be negative (it is {})",
                                written(src, value)
                            ),
                        ),
                    )
                    .field("team_kind.cost_per_team_day"),
                ));
            }
            cost
        }
    };

    Ok((
        TeamKind {
            name,
            scope,
            available,
            installs_per_team_day,
            cost_per_team_day,
        },
        pos(name_value),
    ))
}
