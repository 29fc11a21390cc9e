//! `[params]` (docs/scenario-format.md § "[params]"): free values that the rules read.

use std::collections::BTreeMap;
use unicode_normalization::UnicodeNormalization;

use toml::de::{DeArray, DeValue};

use super::Param;
use super::document::{self, Table, Value, as_number, pos};
use super::message::{Expected, Hint, ParamProblem, ParamType};
use crate::diagnostic::{Error, Location};
use crate::source::Source;
use crate::text::Text;

/// Keys of `[params]`: the shipped rules read 4, the rule library 10. Each rule call sees
/// them all, so 990,000 keys took 17 s and 2 GB on Lạng Sơn's 11 districts.
pub const MAX_PARAMS: usize = 1_000;
/// Items a list in `[params]` may hold: as many as a rule can hold in one list
/// (`rules::limits::MAX_ARRAY_SIZE`).
pub const MAX_PARAM_ITEMS: usize = 10_000;
/// Bytes of text one value of `[params]` may hold, all its texts together (UTF-8: a Vietnamese
/// letter with its marks takes 2 or 3): as many as a rule can hold in one value
/// (`rules::limits::MAX_STRING_SIZE`).
pub const MAX_PARAM_TEXT: usize = 10_000;

/// `[params]`: numbers, strings, true/false and lists of one of those, for the rules; and
/// where each is written ([`Scenario::params_at`](super::Scenario::params_at)).
pub(crate) fn params(top: &Table<'_, '_>) -> Result<Params, Error> {
    let mut params = BTreeMap::new();
    let mut places = BTreeMap::new();
    let Some(table) = top.table("params", "[params]")? else {
        return Ok((params, places));
    };
    for (n, item) in table.items().enumerate() {
        let (key, src, value) = (item.key, item.src, item.value);
        let field = format!("params.{key}");
        if n == MAX_PARAMS {
            return Err(src.error(pos(value), ParamProblem::TooMany).field(&field));
        }
        // `name` may well be a rule's own parameter; the others only ever mean the scenario's
        // `Budget` too, as a person reads it (trial 13g K10)
        if let Some(setting) = super::load::scenario_key(key).filter(|k| *k != "name") {
            let problem = ParamProblem::ScenarioKey {
                key: key.to_string(),
                setting,
            };
            return Err(src.error(pos(value), problem).field(&field));
        }
        let param = match value.get_ref() {
            DeValue::Array(items) => Param::List(param_list(src, &field, value, items)?),
            _ => param(src, &field, value, true)?,
        };
        let bytes = text_bytes(&param);
        if bytes > MAX_PARAM_TEXT {
            return Err(src
                .error(pos(value), ParamProblem::TextTooLong { bytes })
                .field(&field));
        }
        places.insert(key.to_string(), place(src, value));
        params.insert(key.to_string(), param);
    }
    Ok((params, places))
}

/// The values of `[params]` by key, and where each is written.
pub(crate) type Params = (BTreeMap<String, Param>, BTreeMap<String, Location>);

/// Where `value` is written: its file, line and column, or the `--set` that gives it, as an
/// error about it would name them.
fn place(src: &Source, value: &Value<'_>) -> Location {
    *src.error(pos(value), Text::new(String::new(), String::new()))
        .location
}

/// One value of `[params]` that is not a list: a whole value (`top`) or an item of a list.
fn param(src: &Source, field: &str, value: &Value<'_>, top: bool) -> Result<Param, Error> {
    Ok(match value.get_ref() {
        DeValue::Integer(_) | DeValue::Float(_) => Param::Number(as_number(src, field, value)?),
        // NFC, as district names are, so that a name typed on another keyboard still matches
        DeValue::String(s) => Param::Text(s.nfc().collect()),
        DeValue::Boolean(b) => Param::Bool(*b),
        _ if top => {
            return Err(document::wrong_type(src, field, value, Expected::Param)
                .hint(Hint::ParamExample.text()));
        }
        _ => {
            return Err(document::wrong_type(src, field, value, Expected::ParamItem));
        }
    })
}

/// The items of a list in `[params]`: all numbers, all texts or all true/false; no lists in it;
/// at most [`MAX_PARAM_ITEMS`].
fn param_list(
    src: &Source,
    field: &str,
    value: &Value<'_>,
    items: &DeArray<'_>,
) -> Result<Vec<Param>, Error> {
    if items.len() > MAX_PARAM_ITEMS {
        return Err(src
            .error(
                pos(value),
                ParamProblem::TooManyItems { items: items.len() },
            )
            .field(field));
    }
    let mut list: Vec<Param> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        if matches!(item.get_ref(), DeValue::Array(_)) {
            return Err(src.error(pos(item), ParamProblem::NestedList).field(field));
        }
        let value = param(src, field, item, false)?;
        if let Some(first) = list.first()
            && type_of(first) != type_of(&value)
        {
            return Err(src
                .error(
                    pos(item),
                    ParamProblem::MixedList {
                        first: type_of(first),
                        item: i + 1,
                        this: type_of(&value),
                    },
                )
                .field(field));
        }
        list.push(value);
    }
    Ok(list)
}

/// The bytes of text in a value: a text's, or all of a list's texts.
fn text_bytes(param: &Param) -> usize {
    match param {
        Param::Text(s) => s.len(),
        Param::List(items) => items.iter().map(text_bytes).sum(),
        Param::Number(_) | Param::Bool(_) => 0,
    }
}

/// The type of a param item.
fn type_of(param: &Param) -> ParamType {
    match param {
        Param::Number(_) => ParamType::Number,
        Param::Text(_) => ParamType::Text,
        Param::Bool(_) => ParamType::Bool,
        Param::List(_) => ParamType::List,
    }
}
