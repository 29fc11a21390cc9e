//! `[params]` (docs/scenario-format.md § "[params]"): free values that the rules read.

use std::collections::BTreeMap;
use unicode_normalization::UnicodeNormalization;

use toml::de::{DeArray, DeValue};

use super::Param;
use super::document::{self, Table, Value, as_number, pos};
use super::message::Expected;
use crate::diagnostic::Error;
use crate::source::Source;
use crate::text::Text;

/// `[params]`: numbers, strings, true/false and lists of one of those, for the rules.
pub(crate) fn params(top: &Table<'_, '_>) -> Result<BTreeMap<String, Param>, Error> {
    let mut params = BTreeMap::new();
    let Some(table) = top.table("params", "[params]")? else {
        return Ok(params);
    };
    for item in table.items() {
        let (key, src, value) = (item.key, item.src, item.value);
        let field = format!("params.{key}");
        let param = match value.get_ref() {
            DeValue::Array(items) => Param::List(param_list(src, &field, items)?),
            _ => param(src, &field, value, true)?,
        };
        params.insert(key.to_string(), param);
    }
    Ok(params)
}

/// One value of `[params]` that is not a list: a whole value (`top`) or an item of a list.
fn param(src: &Source, field: &str, value: &Value<'_>, top: bool) -> Result<Param, Error> {
    Ok(match value.get_ref() {
        DeValue::Integer(_) | DeValue::Float(_) => Param::Number(as_number(src, field, value)?),
        // NFC, as district names are, so that a name typed on another keyboard still matches
        DeValue::String(s) => Param::Text(s.nfc().collect()),
        DeValue::Boolean(b) => Param::Bool(*b),
        _ if top => {
            return Err(document::wrong_type(
                src,
                field,
                value,
                Expected::Param,
            )
            .hint(Text::new(
                "ví dụ: threshold = 0.3, kind = \"volunteer\", strict = true, districts = [\"Đình Lập\", \"Bình Gia\"]",
                "for example: threshold = 0.3, kind = \"volunteer\", strict = true, districts = [\"Đình Lập\", \"Bình Gia\"]",
            )));
        }
        _ => {
            return Err(document::wrong_type(src, field, value, Expected::ParamItem));
        }
    })
}

/// The items of a list in `[params]`: all numbers, all texts or all true/false; no lists in it.
fn param_list(src: &Source, field: &str, items: &DeArray<'_>) -> Result<Vec<Param>, Error> {
    let mut list: Vec<Param> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        if matches!(item.get_ref(), DeValue::Array(_)) {
            return Err(src
                .error(
                    pos(item),
                    Text::new(
                        "danh sách trong [params] không được chứa danh sách khác",
                        "a list in [params] cannot hold another list",
                    ),
                )
                .field(field)
                .hint(Text::new(
                    "ghi các giá trị liền nhau trong một danh sách, ví dụ [0.1, 0.2], hoặc tách thành nhiều tham số",
                    "write the values in one flat list, e.g. [0.1, 0.2], or split it into several parameters",
                )));
        }
        let value = param(src, field, item, false)?;
        if let Some(first) = list.first()
            && kind_words(first) != kind_words(&value)
        {
            let (first_vi, first_en) = kind_words(first);
            let (vi, en) = kind_words(&value);
            return Err(src
                .error(
                    pos(item),
                    Text::new(
                        format!(
                            "mọi giá trị trong một danh sách phải cùng loại: giá trị đầu là {first_vi}, giá trị thứ {} là {vi}",
                            i + 1
                        ),
                        format!(
                            "every item of a list must be of one type: the first is {first_en}, item {} is {en}",
                            i + 1
                        ),
                    ),
                )
                .field(field)
                .hint(Text::new(
                    "số viết không có ngoặc kép, chữ viết trong ngoặc kép",
                    "write numbers without quotes and texts in double quotes",
                )));
        }
        list.push(value);
    }
    Ok(list)
}

/// The type of a param item, in words.
fn kind_words(param: &Param) -> (&'static str, &'static str) {
    match param {
        Param::Number(_) => ("một số", "a number"),
        Param::Text(_) => ("một chuỗi chữ", "a string"),
        Param::Bool(_) => ("true/false", "true/false"),
        Param::List(_) => ("một danh sách", "a list"),
    }
}
