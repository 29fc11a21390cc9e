//! The `scenario` a rule's hooks receive (read-only): `[params]`, the target, the horizon, the
//! team kinds and every district's data. Also the number formats rules use in directive texts.

use std::collections::BTreeMap;
use std::rc::Rc;

use rhai::{Array, Dynamic, Engine, INT, Map};

use super::district::rate;
use super::failure::Fallible;
use super::message::{HostProblem, Input};
use super::value;
use crate::effects::trace::{Recorder, TraceValue};
use crate::model::Scope;
use crate::number;
use crate::scenario::{Param, Scenario};

#[derive(Debug)]
struct Data {
    params: BTreeMap<String, Param>,
    target_rate: f64,
    horizon_days: u32,
    district_floor: f64,
    kinds: Vec<(String, Scope)>,
    /// `scenario.districts()`: `#{ name, smartphones, installed, rate }` per district.
    districts: Array,
}

/// The `Scenario` type of the scripts.
#[derive(Debug, Clone)]
pub(crate) struct ScenarioView {
    data: Rc<Data>,
    /// Where reads are recorded (shared with the `district` handles of the run).
    recorder: Recorder,
}

impl ScenarioView {
    pub fn new(scenario: &Scenario, recorder: Recorder) -> ScenarioView {
        let districts = scenario
            .districts
            .iter()
            .map(|d| {
                let mut map = Map::new();
                map.insert("name".into(), Dynamic::from(d.name.clone()));
                map.insert(
                    "smartphones".into(),
                    Dynamic::from_int(to_int(d.smartphones)),
                );
                map.insert("installed".into(), Dynamic::from_int(to_int(d.installed)));
                map.insert("rate".into(), Dynamic::from_float(rate(d)));
                Dynamic::from_map(map)
            })
            .collect();
        let data = Rc::new(Data {
            params: scenario.params.clone(),
            target_rate: scenario.target_rate,
            horizon_days: scenario.horizon_days,
            district_floor: scenario.district_floor.unwrap_or(0.0),
            kinds: scenario
                .team_kinds
                .iter()
                .map(|k| (k.name.clone(), k.scope))
                .collect(),
            districts,
        });
        ScenarioView { data, recorder }
    }

    /// Records that the rule read `scenario.{key}`.
    fn read(&self, key: &str, value: impl FnOnce() -> TraceValue) {
        self.recorder.read(|| format!("scenario.{key}"), value);
    }

    fn param(&self, key: &str) -> Fallible<Dynamic> {
        match self.data.params.get(key) {
            Some(param) => {
                self.recorder
                    .read(|| format!("scenario.param({key})"), || traced(param));
                Ok(to_dynamic(param))
            }
            None => {
                let known = self.data.params.keys().map(String::as_str);
                Err(HostProblem::NoParam {
                    function: "param".to_string(),
                    key: key.to_string(),
                    close: crate::diagnostic::did_you_mean(key, known).map(str::to_string),
                    file: None,
                }
                .into())
            }
        }
    }

    /// The names of the kinds of `scope` (all kinds for `None`), in scenario order; `function`
    /// is the name the rule called (`local_kinds`), for the trace.
    fn kinds(&self, scope: Option<Scope>, function: &str) -> Array {
        let names: Vec<&String> = self
            .data
            .kinds
            .iter()
            .filter(|(_, s)| scope.is_none_or(|scope| *s == scope))
            .map(|(name, _)| name)
            .collect();
        self.read(&format!("{function}()"), || {
            TraceValue::List(
                names
                    .iter()
                    .map(|n| TraceValue::Text(n.to_string()))
                    .collect(),
            )
        });
        names
            .into_iter()
            .map(|n| Dynamic::from(n.clone()))
            .collect()
    }

    /// Every district's data, in scenario order; the trace keeps only how many.
    fn districts(&self) -> Array {
        self.read("districts()", || {
            TraceValue::Int(INT::try_from(self.data.districts.len()).unwrap_or(INT::MAX))
        });
        self.data.districts.clone()
    }
}

fn to_int(n: u64) -> INT {
    INT::try_from(n).unwrap_or(INT::MAX)
}

/// A `[params]` value as the rules see it: a list is an array.
fn to_dynamic(param: &Param) -> Dynamic {
    match param {
        Param::Number(n) => Dynamic::from_float(*n),
        Param::Text(s) => Dynamic::from(s.clone()),
        Param::Bool(b) => Dynamic::from_bool(*b),
        Param::List(items) => Dynamic::from_array(items.iter().map(to_dynamic).collect()),
    }
}

/// A `[params]` value as the trace shows it.
fn traced(param: &Param) -> TraceValue {
    match param {
        Param::Number(n) => TraceValue::Number(*n),
        Param::Text(s) => TraceValue::Text(s.clone()),
        Param::Bool(b) => TraceValue::Bool(*b),
        Param::List(items) => TraceValue::List(items.iter().map(traced).collect()),
    }
}

/// Registers the `Scenario` type and the number formats `fmt_count` and `fmt_percent`.
pub(crate) fn register(engine: &mut Engine) {
    engine.register_type_with_name::<ScenarioView>("Scenario");
    engine.register_fn("param", |s: &mut ScenarioView, key: &str| s.param(key));
    engine.register_get("target_rate", |s: &mut ScenarioView| {
        let rate = s.data.target_rate;
        s.read("target_rate", || TraceValue::Number(rate));
        rate
    });
    engine.register_get("horizon_days", |s: &mut ScenarioView| {
        let days = INT::from(s.data.horizon_days);
        s.read("horizon_days", || TraceValue::Int(days));
        days
    });
    engine.register_get("district_floor", |s: &mut ScenarioView| {
        let floor = s.data.district_floor;
        s.read("district_floor", || TraceValue::Number(floor));
        floor
    });
    engine.register_fn("team_kinds", |s: &mut ScenarioView| {
        s.kinds(None, "team_kinds")
    });
    engine.register_fn("provincial_kinds", |s: &mut ScenarioView| {
        s.kinds(Some(Scope::Provincial), "provincial_kinds")
    });
    engine.register_fn("local_kinds", |s: &mut ScenarioView| {
        s.kinds(Some(Scope::Local), "local_kinds")
    });
    engine.register_fn("districts", |s: &mut ScenarioView| s.districts());

    engine.register_fn("fmt_count", |x: Dynamic, lang: &str| -> Fallible<String> {
        let lang = value::lang(lang, "fmt_count")?;
        let x = value::number(&x, Input::FmtCount)?;
        Ok(number::count(lang, x))
    });
    engine.register_fn(
        "fmt_percent",
        |rate: Dynamic, lang: &str| -> Fallible<String> {
            let lang = value::lang(lang, "fmt_percent")?;
            let rate = value::number(&rate, Input::FmtPercent)?;
            Ok(number::percent1(lang, rate))
        },
    );
}
