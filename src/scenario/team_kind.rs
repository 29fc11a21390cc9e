//! `[[team_kind]]` entries (MODEL.md § "Outreach teams and the response curve").

use super::district::MAX_TEAMS;
use super::document::{Layer, Table, as_array, as_number, as_str, as_table, pos, written};
use super::message::{Hint, TeamKindProblem, in_team_kind};
use crate::diagnostic::shortened;
use crate::diagnostic::{Error, did_you_mean};
use crate::limits::NAME_CHARS;
use crate::model::{Scope, TeamKind};
use crate::source::{Pos, Source, Spot};
use crate::text::{fold, foreign_letter, show_hidden, unseen_character};

const KEYS: [&str; 5] = [
    "name",
    "scope",
    "available",
    "installs_per_team_day",
    "cost_per_team_day",
];

/// Reads every `[[team_kind]]`; a scenario needs at least one. An overlay's (or a `--set`'s)
/// entry changes the base's kind of the same name field by field; a new name in an overlay adds
/// a kind, a new name in a `--set` is an error.
/// Also, for each kind an overlay or a `--set` made provincial, its name and where its
/// `scope` is written (a district of the base that counts its teams is then said there).
pub(super) fn team_kinds<'a>(
    top: &Table<'a, '_>,
) -> Result<(Vec<TeamKind>, MadeProvincial<'a>), Error> {
    let written = top.layers_of("team_kind");
    let Some(&(last_src, last_value)) = written.last() else {
        return Err(no_team_kind(top.src, Pos::File));
    };
    // Each kind's layers (base first), in the order the kinds first appear.
    let mut kinds: Vec<(String, Vec<Layer<'_, '_>>)> = Vec::new();
    for &(src, value) in &written {
        let entries =
            as_array(src, "team_kind", value).map_err(|e| e.hint(Hint::TeamKindHeader.text()))?;
        let mut in_this_file: Vec<(String, Pos)> = Vec::new();
        for entry in entries.iter() {
            let table = as_table(src, "team_kind", entry)?;
            let alone = Table::new(src, pos(entry), "[[team_kind]]", table);
            alone.unknown_keys(&KEYS)?;
            let (name, name_at) = name(&alone)?;
            if let Some((_, first)) = in_this_file.iter().find(|(n, _)| fold(n) == fold(&name)) {
                let line = src.line(*first).unwrap_or(0);
                return Err(src
                    .error(
                        name_at,
                        TeamKindProblem::Twice {
                            name,
                            first_line: line,
                        },
                    )
                    .field("team_kind.name"));
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
            match kinds.iter_mut().find(|(n, _)| fold(n) == fold(&name)) {
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
    let mut made_provincial = Vec::new();
    let kinds = kinds
        .into_iter()
        .map(|(name, layers)| {
            let table = Table::layered("[[team_kind]]", layers);
            let kind = team_kind(name, &table)?;
            if let Some(at) = made_provincial_at(&table, &kind) {
                made_provincial.push((kind.name.clone(), at));
            }
            Ok(kind)
        })
        .collect::<Result<Vec<_>, Error>>()?;
    Ok((kinds, made_provincial))
}

/// Where a provincial `kind`'s `scope` is written, when a layer after the kind's first (an
/// overlay, a `--set`) writes it: the base defined the kind, the overlay made it provincial.
fn made_provincial_at<'a>(table: &Table<'a, '_>, kind: &TeamKind) -> Option<Spot<'a>> {
    if kind.scope != Scope::Provincial {
        return None;
    }
    let scope = table.item("scope")?;
    first_was_local(table).then(|| scope.src.spot(pos(scope.value)))
}

/// Whether the kind's first entry (the base's) makes it local, or says no scope, while a later
/// layer (an overlay, a `--set`) writes its `scope`: the later layer changed it.
fn first_was_local(table: &Table<'_, '_>) -> bool {
    let Some(scope) = table.item("scope") else {
        return false;
    };
    let Some(first) = table.layers().first() else {
        return false;
    };
    if std::ptr::eq(first.src, scope.src) {
        return false;
    }
    match first.get("scope").map(|v| v.get_ref()) {
        Some(toml::de::DeValue::String(s)) => s.trim() != "provincial",
        _ => true,
    }
}

/// The kinds an overlay or a `--set` made provincial: each kind's name and where its `scope`
/// is written.
pub(super) type MadeProvincial<'a> = Vec<(String, Spot<'a>)>;

/// Whether `earlier` is a layer of `table` before `later` (a base before its overlay).
fn written_before(table: &Table<'_, '_>, earlier: &Source, later: &Source) -> bool {
    let index = |src: &Source| {
        table
            .layers()
            .iter()
            .position(|layer| std::ptr::eq(layer.src, src))
    };
    matches!((index(earlier), index(later)), (Some(a), Some(b)) if a < b)
}

/// A `--set team_kind.NAME.FIELD` whose kind the scenario does not have.
fn unknown_kind(src: &Source, at: Pos, name: &str, known: &[&str]) -> Error {
    src.error(
        at,
        TeamKindProblem::Unknown {
            name: name.to_string(),
            close: did_you_mean(name, known.iter().copied()).map(str::to_string),
            known: known.iter().map(|k| k.to_string()).collect(),
        },
    )
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
            .error(pos(name_value), TeamKindProblem::EmptyName)
            .field("team_kind.name"));
    }
    let chars = name.chars().count();
    if chars > NAME_CHARS {
        let shown = shortened(&show_hidden(&name));
        return Err(src
            .error(
                pos(name_value),
                TeamKindProblem::NameTooLong { shown, chars },
            )
            .field("team_kind.name"));
    }
    // "volunteer\u{200b}" and "volun\u{a0}teer" would pass for "volunteer" and "volun teer"
    // on every page and be other kinds
    if let Some((position, c)) = unseen_character(&name) {
        return Err(src
            .error(
                pos(name_value),
                TeamKindProblem::HiddenCharacter {
                    shown: show_hidden(&name),
                    position,
                    code: u32::from(c),
                },
            )
            .field("team_kind.name"));
    }
    // "vоlunteer" with a Cyrillic о reads as "volunteer" and is another kind
    if let Some(letter) = foreign_letter(&name) {
        return Err(src
            .error(
                pos(name_value),
                TeamKindProblem::ForeignLetter {
                    shown: name.clone(),
                    letter,
                },
            )
            .field("team_kind.name"));
    }
    Ok((name, pos(name_value)))
}

fn no_team_kind(src: &Source, at: Pos) -> Error {
    src.error(at, TeamKindProblem::NoTeamKind)
}

/// One team kind, from its entries in the base and overlays (all checked to have one name as a
/// person reads it); `name` is as its first entry writes it (an overlay's or a `--set`'s
/// `VOLUNTEER` changes the kind `volunteer`, not its name).
fn team_kind(name: String, table: &Table<'_, '_>) -> Result<TeamKind, Error> {
    let in_kind = |e: Error| in_team_kind(&name, e);

    let scope_value = table
        .require_item("scope", "scope = \"local\"")
        .map_err(in_kind)?;
    let scope_text =
        as_str(scope_value.src, "team_kind.scope", scope_value.value).map_err(in_kind)?;
    let scope = match scope_text.trim() {
        "local" => Scope::Local,
        "provincial" => Scope::Provincial,
        other => {
            return Err(in_kind(
                scope_value
                    .error(TeamKindProblem::BadScope {
                        written: other.to_string(),
                        close: did_you_mean(other, ["local", "provincial"]),
                    })
                    .field("team_kind.scope"),
            ));
        }
    };

    let available = match (scope, table.item("available")) {
        // an overlay (or a --set) made a kind of its base local: the mistake is its `scope`
        (Scope::Local, Some(value)) if written_before(table, value.src, scope_value.src) => {
            return Err(in_kind(
                scope_value
                    .error(TeamKindProblem::MadeLocal {
                        name: name.clone(),
                        file: value.src.path.display().to_string(),
                        line: value.src.line(value.pos()),
                    })
                    .field("team_kind.scope"),
            ));
        }
        (Scope::Local, Some(value)) => {
            return Err(in_kind(
                value
                    .error(TeamKindProblem::LocalAvailable { name: name.clone() })
                    .field("team_kind.available"),
            ));
        }
        (Scope::Local, None) => None,
        (Scope::Provincial, None) if first_was_local(table) => {
            // an overlay (or a --set) made a kind of its base provincial: it needs its pool
            return Err(in_kind(
                scope_value
                    .error(TeamKindProblem::MadeProvincialNoPool {
                        name: name.clone(),
                        setting: scope_value.src.is_setting(),
                    })
                    .field("team_kind.scope"),
            ));
        }
        (Scope::Provincial, _) => {
            let value = table
                .require_item("available", "available = 30")
                .map_err(in_kind)?;
            let n = super::document::as_integer_at_most(
                value.src,
                "team_kind.available",
                value.value,
                i128::from(MAX_TEAMS),
            )
            .map_err(in_kind)?;
            let n = u32::try_from(n)
                .ok()
                .filter(|&n| n <= MAX_TEAMS)
                .ok_or_else(|| {
                    in_kind(
                        value
                            .error(TeamKindProblem::Available {
                                written: written(value.src, value.value).to_string(),
                                max: MAX_TEAMS,
                            })
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
                .error(TeamKindProblem::NoInstalls {
                    written: written(rate_value.src, rate_value.value).to_string(),
                })
                .field("team_kind.installs_per_team_day"),
        ));
    }
    if installs_per_team_day > crate::model::MAX_INSTALLS_PER_TEAM_DAY {
        return Err(in_kind(
            rate_value
                .error(TeamKindProblem::InstallsTooLarge {
                    written: written(rate_value.src, rate_value.value).to_string(),
                })
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
                        .error(TeamKindProblem::NegativeCost {
                            written: written(value.src, value.value).to_string(),
                        })
                        .field("team_kind.cost_per_team_day"),
                ));
            }
            if cost > crate::model::MAX_COST_PER_TEAM_DAY {
                return Err(in_kind(
                    value
                        .error(TeamKindProblem::CostTooLarge {
                            written: written(value.src, value.value).to_string(),
                        })
                        .field("team_kind.cost_per_team_day"),
                ));
            }
            if cost.fract() != 0.0 {
                return Err(in_kind(
                    value
                        .error(TeamKindProblem::CostNotWhole {
                            written: written(value.src, value.value).to_string(),
                        })
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
