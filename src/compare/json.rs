//! A comparison as JSON: `{ "scenarios": [plan, ...], "differences": [{ "key", "values" }] }`,
//! each plan exactly as `campaign plan --format json` prints it.

use std::io::Write;

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Map, Value};

use crate::compare::Comparison;
use crate::report::json::{PlanJson, pretty};
use crate::text::Lang;

/// Renders `comparison` as pretty-printed JSON with a trailing newline; `lang` is the language
/// of each plan's `diagnosis`. [`write`] streams the same bytes to a writer.
pub fn render(comparison: &Comparison, lang: Lang) -> String {
    let mut bytes = Vec::new();
    write(comparison, lang, &mut bytes).expect("writing to memory cannot fail");
    String::from_utf8(bytes).expect("serde_json writes UTF-8")
}

/// Writes [`render`]'s text to `out`, each plan district by district (never the JSON value of
/// a whole plan).
pub fn write(comparison: &Comparison, lang: Lang, out: &mut dyn Write) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    pretty(&mut out, &ComparisonJson { comparison, lang })?;
    out.write_all(b"\n")?;
    out.flush()
}

struct ComparisonJson<'a> {
    comparison: &'a Comparison,
    lang: Lang,
}

impl Serialize for ComparisonJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let rest = rest(self.comparison, self.lang);
        let mut map = serializer.serialize_map(Some(rest.len() + 1))?;
        map.serialize_entry("scenarios", &Plans(self.comparison, self.lang))?;
        for (key, value) in &rest {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

/// The compared plans, each exactly as `campaign plan --format json` writes it.
struct Plans<'a>(&'a Comparison, Lang);

impl Serialize for Plans<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.plans().map(|plan| PlanJson { plan, lang: self.1 }))
    }
}

/// Every field of the comparison after `scenarios`.
fn rest(comparison: &Comparison, lang: Lang) -> Map<String, Value> {
    let mut m = Map::new();
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
    m
}
