//! The `scenario` a rule's hooks receive (read-only): `[params]`, the target, the horizon, the
//! team kinds and every district's data. Also the number formats rules use in directive texts.

use std::collections::BTreeMap;
use std::rc::Rc;

use rhai::{Array, Dynamic, Engine, EvalAltResult, FnPtr, INT, Map, NativeCallContext, Position};

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
    /// `scenario.app`: the app's name (`[letter] app`, else Bluezone).
    app: String,
    /// `scenario.districts()`.
    districts: Districts,
    /// Each district's name, in scenario order.
    names: Vec<String>,
    /// Each district's name as a person reads it ([`NameKeys`]), in scenario order: made when
    /// a rule first looks a name up (folding every name costs more than most plans' rules).
    keys: std::cell::OnceCell<Vec<NameKeys>>,
}

impl Data {
    fn keys(&self) -> &[NameKeys] {
        self.keys
            .get_or_init(|| self.names.iter().map(|n| NameKeys::of(n)).collect())
    }
}

/// A district's name as compared with one a person wrote: whole, and without the unit word in
/// front ("Huyện", "Thành phố", "TP."), each [`crate::text::fold`]ed (case, Unicode form,
/// spaces, look-alike letters). Accents count: "Binh Gia" is not "Bình Gia" (two districts may
/// differ by their accents only).
#[derive(Debug, Clone)]
struct NameKeys {
    whole: String,
    bare: String,
}

impl NameKeys {
    fn of(name: &str) -> NameKeys {
        let normal = crate::text::normalise(name);
        NameKeys {
            whole: crate::text::fold(&normal),
            bare: crate::text::fold(crate::model::UnitType::split_name(&normal).1),
        }
    }
}

/// The most names `scenario.closest_districts(name)` gives.
const CLOSEST_DISTRICTS: usize = 3;

/// `scenario.districts()`: every district's data, in scenario order, as maps
/// `#{ name, unit_type, smartphones, installed, rate }`.
///
/// A list of its own, not a Rhai array: Rhai counts the entries of the maps inside an array
/// against the limits on one value (1,000 map entries, 10,000 items, 10,000 bytes of text),
/// which a province of 250 districts reached (4 entries a district then), and copied the whole
/// array at each call. This list holds the maps once for the evaluation and shares them: a
/// call, or a variable holding the list, costs nothing, and a rule holds one district's map
/// only when it takes it out (`for other in scenario.districts()`, `all[0]`), which the limits
/// count as any other map. It has `len()`, `is_empty()`, `[i]` (from the end when negative,
/// as a list), and `filter(f)` and `map(f)`, which give a list as Rhai's own do.
#[derive(Debug, Clone)]
pub(crate) struct Districts(Rc<[Dynamic]>);

impl Districts {
    fn of(scenario: &Scenario) -> Districts {
        Districts(
            scenario
                .districts
                .iter()
                .map(|d| {
                    let mut map = Map::new();
                    map.insert("name".into(), Dynamic::from(d.name.clone()));
                    map.insert(
                        "unit_type".into(),
                        Dynamic::from(d.unit_type.vi().to_string()),
                    );
                    map.insert(
                        "smartphones".into(),
                        Dynamic::from_int(to_int(d.smartphones)),
                    );
                    map.insert("installed".into(), Dynamic::from_int(to_int(d.installed)));
                    map.insert("rate".into(), Dynamic::from_float(rate(d)));
                    Dynamic::from_map(map)
                })
                .collect(),
        )
    }

    fn len(&self) -> INT {
        INT::try_from(self.0.len()).unwrap_or(INT::MAX)
    }

    /// The district at `index` (from the end when negative), or the error of a list read past
    /// its end.
    fn get(&self, index: INT) -> Fallible<Dynamic> {
        let len = self.0.len();
        let at = if index < 0 {
            usize::try_from(index.unsigned_abs())
                .ok()
                .and_then(|back| len.checked_sub(back))
        } else {
            usize::try_from(index).ok().filter(|&i| i < len)
        };
        match at {
            Some(i) => Ok(self.0[i].clone()),
            None => Err(EvalAltResult::ErrorArrayBounds(len, index, Position::NONE).into()),
        }
    }

    /// The districts for which the rule's function `keep` answers true, as a list.
    fn filter(&self, ctx: &NativeCallContext, keep: &FnPtr) -> Fallible<Array> {
        let mut kept = Array::new();
        for district in self.0.iter() {
            let answer = keep.call_raw(ctx, None, [district.clone()])?;
            let keep = answer.as_bool().map_err(|_| -> Box<EvalAltResult> {
                HostProblem::CallbackResult {
                    function: "filter",
                    got: value::shape(&answer),
                    wants_order: false,
                }
                .into()
            })?;
            if keep {
                kept.push(district.clone());
            }
        }
        Ok(kept)
    }

    /// What the rule's function `f` gives for each district, as a list.
    fn map(&self, ctx: &NativeCallContext, f: &FnPtr) -> Fallible<Array> {
        self.0
            .iter()
            .map(|district| f.call_raw(ctx, None, [district.clone()]))
            .collect()
    }
}

/// `for other in scenario.districts()`: each district's map in turn.
impl IntoIterator for Districts {
    type Item = Dynamic;
    type IntoIter = DistrictsIter;

    fn into_iter(self) -> DistrictsIter {
        DistrictsIter {
            list: self.0,
            next: 0,
        }
    }
}

pub(crate) struct DistrictsIter {
    list: Rc<[Dynamic]>,
    next: usize,
}

impl Iterator for DistrictsIter {
    type Item = Dynamic;

    fn next(&mut self) -> Option<Dynamic> {
        let item = self.list.get(self.next)?.clone();
        self.next += 1;
        Some(item)
    }
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
        let districts = Districts::of(scenario);
        let data = Rc::new(Data {
            params: scenario.params.clone(),
            target_rate: scenario.target_rate,
            horizon_days: scenario.horizon_days,
            district_floor: scenario.district_floor.unwrap_or(0.0),
            app: scenario.letter.app_name().to_string(),
            kinds: scenario
                .team_kinds
                .iter()
                .map(|k| (k.name.clone(), k.scope))
                .collect(),
            districts,
            names: scenario.districts.iter().map(|d| d.name.clone()).collect(),
            keys: std::cell::OnceCell::new(),
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

    /// The district a person's `written` name means, as `scenario.districts()` gives it, or
    /// `()`: its name whole, else without the unit word, when that names one district only.
    fn district_named(&self, written: &str) -> Dynamic {
        let wanted = NameKeys::of(written);
        let keys = self.data.keys();
        let found = keys
            .iter()
            .position(|k| k.whole == wanted.whole)
            .or_else(|| {
                let mut alike = keys
                    .iter()
                    .enumerate()
                    .filter(|(_, k)| k.bare == wanted.bare);
                match (alike.next(), alike.next()) {
                    (Some((i, _)), None) => Some(i),
                    _ => None,
                }
            });
        let district = found.map_or(Dynamic::UNIT, |i| self.data.districts.0[i].clone());
        self.read(&format!("district_named({written})"), || {
            TraceValue::Text(
                district
                    .read_lock::<Map>()
                    .and_then(|m| m.get("name").map(ToString::to_string))
                    .unwrap_or_default(),
            )
        });
        district
    }

    /// The names of the [`CLOSEST_DISTRICTS`] districts most like `written`, most alike first
    /// (ties in scenario order), for a message about a name that is none of them.
    fn closest_districts(&self, written: &str) -> Array {
        let wanted = NameKeys::of(written);
        let mut scored: Vec<(f64, usize)> = self
            .data
            .keys()
            .iter()
            .enumerate()
            .map(|(i, k)| {
                let score = strsim::jaro_winkler(&wanted.whole, &k.whole)
                    .max(strsim::jaro_winkler(&wanted.bare, &k.bare));
                (score, i)
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let names: Array = scored
            .iter()
            .take(CLOSEST_DISTRICTS)
            .filter_map(|&(_, i)| {
                let map = self.data.districts.0[i].read_lock::<Map>()?;
                map.get("name").cloned()
            })
            .collect();
        self.read(&format!("closest_districts({written})"), || {
            TraceValue::List(
                names
                    .iter()
                    .map(|n| TraceValue::Text(n.to_string()))
                    .collect(),
            )
        });
        names
    }

    /// Every district's data, in scenario order; the trace keeps only how many.
    fn districts(&self) -> Districts {
        let list = self.data.districts.clone();
        self.read("districts()", || TraceValue::Int(list.len()));
        list
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
    engine.register_get("app", |s: &mut ScenarioView| {
        let app = s.data.app.clone();
        s.read("app", || TraceValue::Text(app.clone()));
        app
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
    engine.register_fn("district_named", |s: &mut ScenarioView, name: &str| {
        s.district_named(name)
    });
    engine.register_fn("closest_districts", |s: &mut ScenarioView, name: &str| {
        s.closest_districts(name)
    });
    engine.register_type_with_name::<Districts>("Districts");
    engine.register_iterator::<Districts>();
    engine.register_fn("len", |list: &mut Districts| list.len());
    engine.register_fn("is_empty", |list: &mut Districts| list.0.is_empty());
    engine.register_indexer_get(|list: &mut Districts, index: INT| list.get(index));
    engine.register_fn(
        "filter",
        |ctx: NativeCallContext, list: &mut Districts, keep: FnPtr| list.filter(&ctx, &keep),
    );
    engine.register_fn(
        "map",
        |ctx: NativeCallContext, list: &mut Districts, f: FnPtr| list.map(&ctx, &f),
    );

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
    // with the decimals asked for (0 to 4): `fmt_percent(rate, "vi", 2)` is "42,45%", as the
    // plan's tables and the letter print a rate (user14 U3)
    engine.register_fn(
        "fmt_percent",
        |rate: Dynamic, lang: &str, places: INT| -> Fallible<String> {
            let lang = value::lang(lang, "fmt_percent")?;
            let rate = value::number(&rate, Input::FmtPercent)?;
            let places = usize::try_from(places.clamp(0, 4)).unwrap_or(2);
            Ok(format!("{}%", number::decimal(lang, rate * 100.0, places)))
        },
    );
}
