//! A comparison as JSON: `{ "scenarios": [plan, ...], "differences": [{ "key", "values" }] }`,
//! each plan exactly as `campaign plan --format json` prints it.
//!
//! Each plan is written as soon as it is made, district by district, and then summarised
//! ([`Compared::summarised`]): the comparison holds one whole plan at a time, never all of them
//! (trial 13f J21: sixteen plans of 20,000 units each took 3.8 GB and aborted).

use std::cell::RefCell;
use std::io::Write;

use serde::ser::{Error as _, Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::{Map, Value};

use crate::compare::{Compared, Comparison};
use crate::report::json::{PlanJson, pretty};
use crate::text::Lang;

/// Makes the `i`-th scenario's whole plan, `None` when it cannot be planned (the caller keeps
/// the error).
pub type PlanOne<'a> = dyn FnMut(usize) -> Option<Compared> + 'a;

/// Writes the comparison of `count` scenarios to `out`, each planned by `plan` in the order
/// given, written and summarised before the next is planned. Returns the comparison of the
/// summaries, or `None` when a scenario could not be planned or the writing stopped (what was
/// written before stops short).
pub fn write_planned(
    count: usize,
    plan: &mut PlanOne<'_>,
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<Option<Comparison>> {
    let json = ComparisonJson {
        count,
        plan: RefCell::new(plan),
        lang,
        made: RefCell::new(None),
    };
    {
        let mut out = std::io::BufWriter::with_capacity(1 << 16, &mut *out);
        pretty(&mut out, &json)?;
        out.write_all(b"\n")?;
        out.flush()?;
    }
    Ok(json.made.into_inner())
}

struct ComparisonJson<'a, 'b> {
    count: usize,
    plan: RefCell<&'a mut PlanOne<'b>>,
    lang: Lang,
    /// The comparison of the summaries, once every plan is written.
    made: RefCell<Option<Comparison>>,
}

impl Serialize for ComparisonJson<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // never empty (it has `scenarios`): the same bytes as a map of known length
        let mut map = serializer.serialize_map(None)?;
        let plans = Plans {
            count: self.count,
            plan: &self.plan,
            lang: self.lang,
            summaries: RefCell::new(Vec::with_capacity(self.count)),
        };
        map.serialize_entry("scenarios", &plans)?;
        let comparison = Comparison::new(plans.summaries.into_inner());
        for (key, value) in &rest(&comparison, self.lang) {
            map.serialize_entry(key, value)?;
        }
        let ended = map.end()?;
        *self.made.borrow_mut() = Some(comparison);
        Ok(ended)
    }
}

/// The compared plans, each exactly as `campaign plan --format json` writes it, planned in
/// turn and summarised once written.
struct Plans<'p, 'a, 'b> {
    count: usize,
    plan: &'p RefCell<&'a mut PlanOne<'b>>,
    lang: Lang,
    summaries: RefCell<Vec<Compared>>,
}

impl Serialize for Plans<'_, '_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.count))?;
        for i in 0..self.count {
            let made = (self.plan.borrow_mut())(i);
            let Some(compared) = made else {
                return Err(S::Error::custom("a scenario could not be planned"));
            };
            seq.serialize_element(&PlanJson {
                plan: &compared.plan,
                lang: self.lang,
            })?;
            self.summaries.borrow_mut().push(compared.summarised());
        }
        seq.end()
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
