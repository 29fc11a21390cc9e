//! `--set KEY=VALUE` (docs/scenario-format.md § "Changing values for one run"): one change to the
//! scenario, read as a tiny overlay. The setting as typed is its source, so a value it gets wrong
//! is reported by the same checks as in a file, with the caret under the value.
//!
//! KEY is a dotted path: `name`, `as_of`, `horizon_days`, `objective`, `budget`, `rules`,
//! `target.provincial_rate`, `target.district_floor`, `response.reachable_share`,
//! `params.KEY`, `team_kind.NAME.FIELD`, `district.NAME.FIELD` (FIELD: `unit_type`, `installed`,
//! `smartphones`, `teams.KIND` or a cohort). A district's NAME is everything between
//! `district.` and the field, so it may hold spaces, accents and dots.

use std::borrow::Cow;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeArray, DeString, DeTable, DeValue};

use super::message::{Hint, NumberFix, SettingProblem, ValueKind};
use crate::diagnostic::{Error, did_you_mean};
use crate::source::{Pos, Source};

/// Top-level keys a setting can change.
const TOP: [&str; 6] = [
    "name",
    "as_of",
    "horizon_days",
    "objective",
    "budget",
    "rules",
];
/// Keys of `[target]` and `[response]`, as `table.key`.
const IN_TABLES: [&str; 3] = [
    "target.provincial_rate",
    "target.district_floor",
    "response.reachable_share",
];
/// The fields of a team kind a setting can change (not its name).
pub(super) const KIND_FIELDS: [&str; 4] = [
    "scope",
    "available",
    "installs_per_team_day",
    "cost_per_team_day",
];

/// One `--set KEY=VALUE`, its key checked.
pub(super) struct Setting {
    pub src: Source,
    key: Key,
    /// The value, trimmed, as a range of `src.text`.
    value: Range<usize>,
}

/// A part of the key, with where it is in the setting.
type Part = (String, Range<usize>);

enum Key {
    /// Tables on the way, then the key: `["target", "provincial_rate"]`, `["budget"]`.
    Path(Vec<Part>),
    /// `team_kind.NAME.FIELD`.
    TeamKind { kind: Part, field: Part },
    /// `district.NAME.FIELD`: `field` is `["installed"]`, `["teams", "commune"]`, `["students"]`.
    District { name: Part, field: Vec<Part> },
}

/// The key of the setting `text` (`KEY=VALUE`, as typed) as a person reads it: the tables'
/// names in lower case, a team kind's and a district's name compared as the scenario compares
/// them ([`crate::text::fold`]; "Huyện Hữu Lũng" is "hữu lũng"). Two settings with the same
/// key set one value. `None` when `text` is no setting.
pub(crate) fn key_as_read(text: &str) -> Option<String> {
    let setting = Setting::parse(text).ok()?;
    let fold = |parts: &[Part]| {
        parts
            .iter()
            .map(|(p, _)| crate::text::fold(p))
            .collect::<Vec<_>>()
            .join(".")
    };
    Some(match &setting.key {
        Key::Path(parts) => fold(parts),
        Key::TeamKind { kind, field } => format!(
            "team_kind.{}.{}",
            crate::text::fold(&kind.0),
            crate::text::fold(&field.0)
        ),
        Key::District { name, field } => format!(
            "district.{}.{}",
            crate::import::table::name_key(&name.0),
            fold(field)
        ),
    })
}

/// The `--set` of `params.{name}` written as a value of the scenario's `kind`, from what was
/// `written` (of the kind `given`): a list in square brackets with its text in double quotes, a
/// text in double quotes, the whole in single quotes for the shell (trial 13e H28). `None` for
/// a number, whose hint is how numbers are written.
fn param_example(name: &str, kind: ValueKind, given: ValueKind, written: &str) -> Option<String> {
    let quoted = |w: &str| format!("\"{}\"", w.trim_matches('"').replace('"', "\\\""));
    let value = match kind {
        ValueKind::List if given == ValueKind::Text => format!("[{}]", quoted(written)),
        ValueKind::List => format!("[{written}]"),
        ValueKind::Text => quoted(written),
        ValueKind::Bool => "true".to_string(),
        ValueKind::Number | ValueKind::Other => return None,
    };
    Some(format!("--set 'params.{name}={value}'"))
}

impl Setting {
    /// For `params.KEY`, an error unless some file of the scenario writes `KEY` in `[params]`
    /// (`known`): a misspelt key would otherwise be a new parameter no rule reads, and the
    /// one meant would silently keep its value.
    pub fn check_param(&self, known: &[(String, ValueKind)]) -> Result<(), Error> {
        let Key::Path(parts) = &self.key else {
            return Ok(());
        };
        let [(head, _), (name, range)] = parts.as_slice() else {
            return Ok(());
        };
        if head != "params" {
            return Ok(());
        }
        if let Some((_, kind)) = known.iter().find(|(k, _)| k == name) {
            // the same kind of value as the scenario's: a number stays a number
            let given = value_kind(self.value().get_ref());
            if given == *kind {
                return Ok(());
            }
            let written = self.src.text[self.value.clone()].trim();
            return Err(self.src.error(
                Pos::Offset(self.value.start),
                SettingProblem::ParamKind {
                    name: name.clone(),
                    scenario: *kind,
                    given,
                    example: param_example(name, *kind, given, written),
                },
            ));
        }
        Err(self.src.error(
            Pos::Offset(range.start),
            SettingProblem::UnknownParam {
                name: name.clone(),
                close: did_you_mean(name, known.iter().map(|(k, _)| k.as_str()))
                    .map(str::to_string),
            },
        ))
    }

    /// What this setting changes of what every team working every day would cost: `Some(None)`
    /// for `horizon_days` (every kind), `Some(Some(kind))` for a kind's `cost_per_team_day`
    /// or `available`, or a district's teams of that kind; `None` for anything else.
    pub fn spend_part(&self) -> Option<Option<&str>> {
        match &self.key {
            Key::Path(parts) => match parts.as_slice() {
                [(key, _)] if key == "horizon_days" => Some(None),
                _ => None,
            },
            Key::TeamKind { kind, field } => {
                matches!(field.0.as_str(), "cost_per_team_day" | "available")
                    .then_some(Some(kind.0.as_str()))
            }
            Key::District { field, .. } => match field.as_slice() {
                [(teams, _), (kind, _)] if teams == "teams" => Some(Some(kind.as_str())),
                _ => None,
            },
        }
    }

    /// What the setting changes, as a person reads it: `target.provincial_rate` however it
    /// was spaced, a team kind or a district by its name folded ([`crate::text::fold`]: in
    /// other capitals, or with the other tone placement, it is the same one).
    pub fn changes(&self) -> String {
        let join = |parts: &[Part]| {
            parts
                .iter()
                .map(|(p, _)| p.as_str())
                .collect::<Vec<_>>()
                .join(".")
        };
        match &self.key {
            Key::Path(parts) => join(parts),
            Key::TeamKind { kind, field } => {
                format!("team_kind.{}.{}", crate::text::fold(&kind.0), field.0)
            }
            Key::District { name, field } => format!(
                "district.{}.{}",
                crate::text::fold(&name.0),
                crate::text::fold(&join(field))
            ),
        }
    }

    /// Where the key starts in the setting.
    pub fn key_at(&self) -> Pos {
        let start = match &self.key {
            Key::Path(parts) => parts.first().map_or(0, |(_, r)| r.start),
            _ => self.src.text.len() - self.src.text.trim_start().len(),
        };
        Pos::Offset(start)
    }

    /// Where the value starts in the setting.
    pub fn value_at(&self) -> Pos {
        Pos::Offset(self.value.start)
    }

    /// Reads `text` (`KEY=VALUE`, as typed after `--set`).
    pub fn parse(text: &str) -> Result<Setting, Error> {
        let src = Source::setting(text);
        let Some(eq) = text.find('=') else {
            return Err(src.error(
                Pos::File,
                SettingProblem::NoEquals {
                    key: example_key(text).to_string(),
                },
            ));
        };
        let key_range = trimmed(text, 0..eq);
        let value = trimmed(text, eq + 1..text.len());
        let key = key(&src, key_range)?;
        Ok(Setting { src, key, value })
    }

    /// The setting as a scenario document holding only what it changes; every key and the
    /// value are spanned in `src.text`.
    pub fn document(&self) -> DeTable<'_> {
        let value = self.value();
        match &self.key {
            Key::Path(parts) => match nest(parts, value).into_inner() {
                DeValue::Table(table) => table,
                _ => unreachable!("a path has at least one part"),
            },
            Key::TeamKind { kind, field } => {
                let mut entry = DeTable::new();
                entry.insert(key_at("name", &kind.1), text_at(&self.src.text, &kind.1));
                entry.insert(owned_key(field), value);
                list_of_one("team_kind", &kind.1, entry)
            }
            Key::District { name, field } => {
                let mut entry = DeTable::new();
                entry.insert(key_at("name", &name.1), text_at(&self.src.text, &name.1));
                let (first, rest) = field.split_first().expect("a field has a part");
                let inner = if rest.is_empty() {
                    value
                } else {
                    nest(rest, value)
                };
                entry.insert(owned_key(first), inner);
                list_of_one("district", &name.1, entry)
            }
        }
    }

    /// The hint for a value that is a number as a person writes it (`40%` for a share, `0,4`,
    /// `18,019`) and so was read as text: the setting to type instead. `None` for any other
    /// value, or when what was meant is not clear.
    pub fn number_fix(&self) -> Option<Hint> {
        let written = &self.src.text[self.value.clone()];
        if !matches!(self.value().get_ref(), DeValue::String(_)) || written.starts_with(['"', '\''])
        {
            return None;
        }
        let key = self.src.text.split_once('=')?.0.trim();
        let takes = takes(key);
        let digits = |t: &str| {
            let t = t.strip_prefix('-').unwrap_or(t);
            !t.is_empty() && t.chars().all(|c| c.is_ascii_digit())
        };
        // 18,019 or 18 019 or 1.234.567: groups of three after the first
        let thousands = |sep: char| {
            let mut groups = written.split(sep);
            let first = groups.next().unwrap_or("");
            let rest: Vec<&str> = groups.collect();
            !rest.is_empty()
                && digits(first)
                && first.trim_start_matches('-').len() <= 3
                && rest.iter().all(|g| g.len() == 3 && digits(g))
        };
        let decimal_comma = written.split_once(',').is_some_and(|(a, b)| {
            digits(a) && !b.is_empty() && b.chars().all(|c| c.is_ascii_digit())
        });
        let (fix, value) = if let Some(number) = written.strip_suffix('%') {
            let n: f64 = number.trim().replacen(',', ".", 1).parse().ok()?;
            if takes != Takes::Share || !(0.0..=100.0).contains(&n) {
                return None;
            }
            let share = (n / 100.0 * 1e9).round() / 1e9;
            (NumberFix::Percent, format!("{share}"))
        } else if takes == Takes::Share && decimal_comma {
            (NumberFix::DecimalComma, written.replacen(',', ".", 1))
        } else if matches!(takes, Takes::WholeNumber | Takes::Number)
            && [',', ' ', '.'].into_iter().any(thousands)
        {
            let value: String = written
                .chars()
                .filter(|c| !matches!(c, ',' | ' ' | '.'))
                .collect();
            (NumberFix::Thousands, value)
        } else if matches!(takes, Takes::Number | Takes::Unknown) && decimal_comma {
            (NumberFix::DecimalComma, written.replacen(',', ".", 1))
        } else {
            return None;
        };
        Some(Hint::SettingNumber {
            fix,
            fixed: format!("{key}={value}"),
        })
    }

    /// The value: TOML when it is valid TOML (`0.5`, `"text"`, `[1, 2]`, `true`, a date),
    /// otherwise the plain text, so that `--set objective=min-cost` needs no quotes.
    fn value(&self) -> Spanned<DeValue<'_>> {
        let written = &self.src.text[self.value.clone()];
        match DeValue::parse(written) {
            Ok(value) => shifted(value, self.value.start),
            Err(_) => Spanned::new(self.value.clone(), DeValue::String(Cow::Borrowed(written))),
        }
    }
}

/// `range` of `text` without the spaces at both ends.
fn trimmed(text: &str, range: Range<usize>) -> Range<usize> {
    let part = &text[range.clone()];
    let start = range.start + (part.len() - part.trim_start().len());
    let end = range.end - (part.len() - part.trim_end().len());
    start..end.max(start)
}

/// The key of a setting written without `=`, for the example in the hint.
fn example_key(text: &str) -> &str {
    let key = text.trim();
    if key.is_empty() {
        "target.provincial_rate"
    } else {
        key
    }
}

/// Reads and checks the key at `range` of the setting.
fn key(src: &Source, range: Range<usize>) -> Result<Key, Error> {
    let key = &src.text[range.clone()];
    let at = |r: &Range<usize>| Pos::Offset(r.start);
    let part = |start: usize, text: &str| -> Part {
        let r = trimmed(&src.text, start..start + text.len());
        (src.text[r.clone()].to_string(), r)
    };
    if key.is_empty() {
        return Err(src.error(Pos::Offset(range.start), SettingProblem::NoKey));
    }
    if TOP.contains(&key) {
        return Ok(Key::Path(vec![(key.to_string(), range)]));
    }
    if IN_TABLES.contains(&key) {
        let dot = key.find('.').expect("a key of a table has a dot");
        return Ok(Key::Path(vec![
            part(range.start, &key[..dot]),
            part(range.start + dot + 1, &key[dot + 1..]),
        ]));
    }
    let (head, rest) = key.split_once('.').unwrap_or((key, ""));
    let rest_start = range.start + head.len() + 1;
    match head {
        "params" if !rest.trim().is_empty() => Ok(Key::Path(vec![
            part(range.start, head),
            part(rest_start, rest),
        ])),
        "team_kind" => {
            let Some((kind, field)) = rest
                .rsplit_once('.')
                .filter(|(k, f)| !k.trim().is_empty() && !f.trim().is_empty())
            else {
                return Err(needs_field(src, key, "team_kind.volunteer.available"));
            };
            let field = part(rest_start + kind.len() + 1, field);
            let kind = part(rest_start, kind);
            if !KIND_FIELDS.contains(&field.0.as_str()) {
                return Err(src.error(
                    at(&field.1),
                    SettingProblem::UnknownKindField {
                        field: field.0.clone(),
                        close: did_you_mean(&field.0, KIND_FIELDS),
                    },
                ));
            }
            Ok(Key::TeamKind { kind, field })
        }
        "district" => district_key(src, key, rest, rest_start),
        _ => Err(unknown_key(src, key, range)),
    }
}

/// `district.NAME.FIELD`: the field is `teams.KIND` or the last part; NAME is the rest.
fn district_key(src: &Source, key: &str, rest: &str, rest_start: usize) -> Result<Key, Error> {
    let part = |start: usize, text: &str| -> Part {
        let r = trimmed(&src.text, start..start + text.len());
        (src.text[r.clone()].to_string(), r)
    };
    let example = "district.Hữu Lũng.installed";
    let (name, field) = if let Some(i) = rest.rfind(".teams.") {
        let kind = &rest[i + ".teams.".len()..];
        if kind.trim().is_empty() {
            return Err(needs_field(src, key, "district.Hữu Lũng.teams.commune"));
        }
        let teams_start = rest_start + i + 1;
        (
            &rest[..i],
            vec![
                part(teams_start, "teams"),
                part(teams_start + "teams.".len(), kind),
            ],
        )
    } else {
        let Some((name, field)) = rest.rsplit_once('.') else {
            return Err(needs_field(src, key, example));
        };
        if field.trim().is_empty() {
            return Err(needs_field(src, key, example));
        }
        let field_start = rest_start + name.len() + 1;
        match field.trim() {
            "teams" => return Err(needs_field(src, key, "district.Hữu Lũng.teams.commune")),
            "name" => {
                return Err(src.error(Pos::Offset(field_start), SettingProblem::DistrictName));
            }
            _ => {}
        }
        (name, vec![part(field_start, field)])
    };
    if name.trim().is_empty() {
        return Err(needs_field(src, key, example));
    }
    // `district."Hữu Lũng".installed`, quoted as TOML quotes a key: the name is inside
    let (text, range) = part(rest_start, name);
    let name = match text.strip_prefix('"').and_then(|t| t.strip_suffix('"')) {
        Some(inside) if !inside.trim().is_empty() => {
            (inside.to_string(), range.start + 1..range.end - 1)
        }
        _ => (text, range),
    };
    Ok(Key::District { name, field })
}

fn needs_field(src: &Source, key: &str, example: &'static str) -> Error {
    src.error(
        Pos::Offset(0),
        SettingProblem::NoField {
            key: key.to_string(),
            example,
        },
    )
}

fn unknown_key(src: &Source, key: &str, range: Range<usize>) -> Error {
    let fixed = TOP.iter().chain(IN_TABLES.iter()).copied();
    let close = did_you_mean(key, fixed).map(str::to_string).or_else(|| {
        // A misspelt first part: `param.x`, `team_kinds.volunteer.available`.
        let (head, rest) = key.split_once('.')?;
        let s = did_you_mean(head, ["params", "team_kind", "district"])?;
        Some(format!("{s}.{rest}"))
    });
    src.error(
        Pos::Offset(range.start),
        SettingProblem::UnknownKey {
            key: key.to_string(),
            close,
        },
    )
}

fn key_at<'i>(key: &'i str, at: &Range<usize>) -> Spanned<DeString<'i>> {
    Spanned::new(at.clone(), Cow::Borrowed(key))
}

fn owned_key<'i>(part: &Part) -> Spanned<DeString<'i>> {
    Spanned::new(part.1.clone(), Cow::Owned(part.0.clone()))
}

fn text_at<'i>(text: &'i str, at: &Range<usize>) -> Spanned<DeValue<'i>> {
    Spanned::new(
        at.clone(),
        DeValue::String(Cow::Borrowed(&text[at.clone()])),
    )
}

/// `value` in tables named by `parts`: `["target", "provincial_rate"]` gives
/// `{ target = { provincial_rate = value } }`.
fn nest<'i>(parts: &[Part], value: Spanned<DeValue<'i>>) -> Spanned<DeValue<'i>> {
    let mut value = value;
    for part in parts.iter().rev() {
        let mut table = DeTable::new();
        table.insert(owned_key(part), value);
        value = Spanned::new(part.1.clone(), DeValue::Table(table));
    }
    value
}

/// `{ key = [entry] }`, as `[[key]]` with one entry.
fn list_of_one<'i>(key: &'i str, at: &Range<usize>, entry: DeTable<'i>) -> DeTable<'i> {
    let mut list = DeArray::new();
    list.push(Spanned::new(at.clone(), DeValue::Table(entry)));
    let mut top = DeTable::new();
    top.insert(
        key_at(key, at),
        Spanned::new(at.clone(), DeValue::Array(list)),
    );
    top
}

/// `value` parsed from a part of the setting that starts at `by`: its spans moved to where
/// they are in the whole setting.
fn shifted(value: Spanned<DeValue<'_>>, by: usize) -> Spanned<DeValue<'_>> {
    let span = value.span();
    let span = span.start + by..span.end + by;
    let inner = match value.into_inner() {
        DeValue::Array(items) => {
            let mut list = DeArray::new();
            for item in items.iter() {
                list.push(shifted(item.clone(), by));
            }
            DeValue::Array(list)
        }
        DeValue::Table(table) => {
            let mut moved = DeTable::new();
            for (key, item) in table {
                let at = key.span();
                moved.insert(
                    Spanned::new(at.start + by..at.end + by, key.into_inner()),
                    shifted(item, by),
                );
            }
            DeValue::Table(moved)
        }
        other => other,
    };
    Spanned::new(span, inner)
}

/// What the key of a `--set` takes, as far as the key alone says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Takes {
    WholeNumber,
    Number,
    /// A share: 0 to 1.
    Share,
    /// A text, a date or a list: no number.
    NoNumber,
    /// A `params.KEY`: what the scenario's parameter is.
    Unknown,
}

/// What `key` (as a `--set` writes it, `team_kind.volunteer.available`) takes.
pub(crate) fn takes(key: &str) -> Takes {
    let key = key.trim();
    match key {
        "name" | "as_of" | "objective" | "rules" => return Takes::NoNumber,
        "horizon_days" => return Takes::WholeNumber,
        "budget" => return Takes::Number,
        _ if IN_TABLES.contains(&key) => return Takes::Share,
        _ => {}
    }
    match key.split_once('.') {
        Some(("team_kind", rest)) => match rest.rsplit_once('.').map(|(_, f)| f.trim()) {
            Some("scope") => Takes::NoNumber,
            Some("available") => Takes::WholeNumber,
            Some("installs_per_team_day" | "cost_per_team_day") => Takes::Number,
            _ => Takes::Unknown,
        },
        Some(("district", rest)) if rest.trim_end().ends_with(".unit_type") => Takes::NoNumber,
        // installed, smartphones, teams.KIND, a cohort: head or team counts
        Some(("district", _)) => Takes::WholeNumber,
        _ => Takes::Unknown,
    }
}

/// The kind of a `[params]` value.
pub(super) fn value_kind(value: &DeValue<'_>) -> ValueKind {
    match value {
        DeValue::Integer(_) | DeValue::Float(_) => ValueKind::Number,
        DeValue::String(_) => ValueKind::Text,
        DeValue::Boolean(_) => ValueKind::Bool,
        DeValue::Array(_) => ValueKind::List,
        _ => ValueKind::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The setting's document as `path = value` lines, each with the text its span covers.
    fn lines(text: &str) -> Vec<String> {
        fn walk(prefix: &str, value: &Spanned<DeValue<'_>>, text: &str, out: &mut Vec<String>) {
            match value.get_ref() {
                DeValue::Table(table) => {
                    for (key, item) in table {
                        let path = format!("{prefix}{}.", key.get_ref());
                        walk(&path, item, text, out);
                    }
                }
                DeValue::Array(items) => {
                    for item in items.iter() {
                        walk(&format!("{prefix}[]."), item, text, out);
                    }
                }
                _ => out.push(format!(
                    "{} = {}",
                    prefix.trim_end_matches('.'),
                    &text[value.span()]
                )),
            }
        }
        let setting = Setting::parse(text).unwrap();
        let doc = Spanned::new(0..0, DeValue::Table(setting.document()));
        let mut out = Vec::new();
        walk("", &doc, text, &mut out);
        out.sort();
        out
    }

    #[test]
    fn keys_become_the_tables_of_a_scenario() {
        assert_eq!(lines("budget=5"), ["budget = 5"]);
        assert_eq!(
            lines("target.provincial_rate = 0.5"),
            ["target.provincial_rate = 0.5"]
        );
        assert_eq!(lines("params.x.y=1"), ["params.x.y = 1"]);
        assert_eq!(
            lines("team_kind.volunteer.available=50"),
            [
                "team_kind.[].available = 50",
                "team_kind.[].name = volunteer"
            ]
        );
    }

    #[test]
    fn a_district_name_is_everything_before_the_field() {
        assert_eq!(
            lines("district.TP. Lạng Sơn.teams.commune=3"),
            [
                "district.[].name = TP. Lạng Sơn",
                "district.[].teams.commune = 3"
            ]
        );
        assert_eq!(
            lines("district.Thành phố Lạng Sơn.students=9_000"),
            [
                "district.[].name = Thành phố Lạng Sơn",
                "district.[].students = 9_000"
            ]
        );
    }

    #[test]
    fn values_keep_their_place_in_the_setting() {
        // Spans of a list's items are moved to where they are in the setting.
        let text = "rules=[\"a.rhai\", \"b.rhai\"]";
        let setting = Setting::parse(text).unwrap();
        let doc = setting.document();
        let (_, rules) = doc.iter().next().unwrap();
        let DeValue::Array(items) = rules.get_ref() else {
            panic!("a list")
        };
        assert_eq!(&text[items[1].span()], "\"b.rhai\"");
        // Not TOML: the plain text, trimmed.
        assert_eq!(lines("objective= min-cost "), ["objective = min-cost"]);
    }
}
