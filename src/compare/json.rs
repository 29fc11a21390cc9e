//! A comparison as JSON: `{ "scenarios": [plan, ...], "differences": [{ "key", "values" }] }`,
//! each plan exactly as `campaign plan --format json` prints it.

use serde_json::{Map, Value};

use crate::compare::Comparison;
use crate::report::json::plan_value;
use crate::text::Lang;

/// Renders `comparison` as pretty-printed JSON with a trailing newline; `lang` is the language
/// of each plan's `diagnosis`.
pub fn render(comparison: &Comparison, lang: Lang) -> String {
    let mut text = serde_json::to_string_pretty(&value(comparison, lang))
        .expect("a serde_json::Value always serialises");
    text.push('\n');
    text
}

/// The whole comparison as a JSON value.
pub fn value(comparison: &Comparison, lang: Lang) -> Value {
    let mut m = Map::new();
    m.insert(
        "scenarios".into(),
        comparison.plans().map(|p| plan_value(p, lang)).collect(),
    );
    m.insert(
        "differences".into(),
        comparison
            .differences
            .iter()
            .map(|d| {
                let mut entry = Map::new();
                entry.insert("key".into(), Value::from(d.input.key()));
                entry.insert(
                    "values".into(),
                    d.values
                        .iter()
                        .map(|v| v.as_ref().map_or(Value::Null, |v| v.to_json()))
                        .collect(),
                );
                Value::Object(entry)
            })
            .collect(),
    );
    // only when there is one, so that the usual comparison keeps its two fields
    let unrelated = crate::compare::tables::unrelated(comparison);
    if !unrelated.is_empty() {
        m.insert(
            "notices".into(),
            unrelated
                .iter()
                .map(|letter| {
                    let mut entry = Map::new();
                    entry.insert("notice".into(), Value::from("no_shared_district"));
                    entry.insert("scenario".into(), Value::from(letter.as_str()));
                    entry.insert(
                        "text".into(),
                        Value::from(crate::compare::tables::unrelated_notice(lang, letter)),
                    );
                    Value::Object(entry)
                })
                .collect(),
        );
    }
    Value::Object(m)
}
