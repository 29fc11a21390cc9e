//! The `scenario` a rule's hooks receive (read-only): `[params]`, the target, the horizon, the
//! team kinds and every district's data. Also the number formats rules use in directive texts.

use std::cell::{OnceCell, RefCell};
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

use rhai::{Array, Dynamic, Engine, EvalAltResult, FnPtr, INT, Map, NativeCallContext, Position};

use super::district::rate;
use super::engine::Clock;
use super::failure::Fallible;
use super::limits::MAX_NAME_CHARS;
use super::message::{HostProblem, Input};
use super::value;
use crate::effects::trace::{Recorder, TraceValue};
use crate::model::{DistrictNames, Found, Scope, UnitType};
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
    /// Each district's name and unit type, in scenario order.
    names: Vec<(String, UnitType)>,
    /// The districts' names as a person reads them ([`DistrictNames`]): made when a rule first
    /// looks a name up (folding every name costs more than most plans' rules), then kept for
    /// the run.
    keys: OnceCell<DistrictNames>,
    /// The answers of `district_named` so far, by the text as the rule wrote it: a rule that
    /// looks the same name up on every district folds it once (at most [`MEMO`] texts).
    memo: RefCell<HashMap<String, Found>>,
}

/// The entries of each district's map of `scenario.districts()` and `scenario.district_named`,
/// in the order messages list them.
pub(crate) const DISTRICT_ENTRIES: [&str; 5] =
    ["name", "unit_type", "smartphones", "installed", "rate"];

/// Texts whose `district_named` answers are kept ([`Data::memo`]); past it the memo starts over.
const MEMO: usize = 4_096;

impl Data {
    fn keys(&self) -> &DistrictNames {
        self.keys
            .get_or_init(|| DistrictNames::of(self.names.iter().map(|(n, u)| (n.as_str(), *u))))
    }
}

/// Characters compared per step charged ([`ScenarioView::closest_districts`] compares the text
/// with every district's name: characters of the one times characters of the other).
const CHARS_PER_STEP: u64 = 32;

/// Fails unless `written` is short enough to be a district's name ([`MAX_NAME_CHARS`]): a
/// longer text names no district, and comparing it with every name would cost its length times
/// theirs.
fn district_name(written: &str, function: &'static str) -> Fallible<()> {
    let chars = written.chars().count();
    if chars > MAX_NAME_CHARS {
        return Err(HostProblem::LongName { function, chars }.into());
    }
    Ok(())
}

/// The error that stops a rule at the limit `stop` (as the engine's progress callback does).
fn stopped(stop: super::engine::Stop) -> Box<EvalAltResult> {
    EvalAltResult::ErrorTerminated(Dynamic::from(stop), Position::NONE).into()
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
    /// The steps and time of the call now running: look-ups charge their work to it.
    clock: Clock,
}

impl ScenarioView {
    pub fn new(scenario: &Scenario, recorder: Recorder, clock: Clock) -> ScenarioView {
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
            names: scenario
                .districts
                .iter()
                .map(|d| (d.name.clone(), d.unit_type))
                .collect(),
            keys: OnceCell::new(),
            memo: RefCell::new(HashMap::new()),
        });
        ScenarioView {
            data,
            recorder,
            clock,
        }
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
    /// `()` when no district has that name ([`DistrictNames::find`]: its name whole; else,
    /// when `written` has a unit word ("Huyện Kỳ Anh"), the one district of that type and name;
    /// else the one district of that name without the unit word). A name two or more districts
    /// share is an error naming them (trial 13 H8: it gave `()`, and the rule silently did
    /// nothing). Found through indexes: the cost does not grow with the districts.
    fn district_named(&self, written: &str) -> Fallible<Dynamic> {
        district_name(written, "district_named")?;
        let remembered = self.data.memo.borrow().get(written).cloned();
        let found = match remembered {
            Some(found) => found,
            None => {
                // folding the text: a step for every few characters
                if let Some(stop) = self.clock.charge(written.len() as u64 / CHARS_PER_STEP) {
                    return Err(stopped(stop));
                }
                let found = self.data.keys().find(written);
                let mut memo = self.data.memo.borrow_mut();
                if memo.len() >= MEMO {
                    memo.clear();
                }
                memo.insert(written.to_string(), found.clone());
                found
            }
        };
        let district = match found {
            Found::One(i) => self
                .data
                .districts
                .0
                .get(i)
                .cloned()
                .unwrap_or(Dynamic::UNIT),
            Found::None => Dynamic::UNIT,
            Found::Several(list) => {
                return Err(HostProblem::AmbiguousDistrict {
                    function: "district_named",
                    name: crate::diagnostic::shortened(written),
                    candidates: list
                        .iter()
                        .filter_map(|&i| self.data.names.get(i).map(|(n, _)| n.clone()))
                        .collect(),
                }
                .into());
            }
        };
        self.read(&format!("district_named({written})"), || {
            TraceValue::Text(
                district
                    .read_lock::<Map>()
                    .and_then(|m| m.get("name").map(ToString::to_string))
                    .unwrap_or_default(),
            )
        });
        Ok(district)
    }

    /// The names of the [`CLOSEST_DISTRICTS`] districts most like `written`, most alike first
    /// ([`DistrictNames::closest`]), for a message about a name that is none of them. Compares
    /// `written` with every district's name: charged a step a district and one for every
    /// [`CHARS_PER_STEP`] characters compared, and stopped at the call's time limit.
    fn closest_districts(&self, written: &str) -> Fallible<Array> {
        district_name(written, "closest_districts")?;
        let names = self.data.keys();
        let length = written.chars().count() as u64;
        let cost = (names.len() as u64)
            .saturating_add(length.saturating_mul(names.total_chars()) / CHARS_PER_STEP);
        if let Some(stop) = self.clock.charge(cost) {
            return Err(stopped(stop));
        }
        let closest = names.closest(written, CLOSEST_DISTRICTS, || {
            match self.clock.time_over() {
                Some(stop) => Err(stopped(stop)),
                None => Ok(()),
            }
        })?;
        let found: Array = closest
            .iter()
            .filter_map(|&i| {
                let map = self.data.districts.0[i].read_lock::<Map>()?;
                map.get("name").cloned()
            })
            .collect();
        self.read(&format!("closest_districts({written})"), || {
            TraceValue::List(
                found
                    .iter()
                    .map(|n| TraceValue::Text(n.to_string()))
                    .collect(),
            )
        });
        Ok(found)
    }

    /// The names of the [`CLOSEST_DISTRICTS`] districts most like `written`, for a message
    /// once the rule has stopped (nothing charged: the call is over).
    pub(crate) fn closest_names(&self, written: &str) -> Vec<String> {
        if written.chars().count() > MAX_NAME_CHARS {
            return Vec::new();
        }
        self.data
            .keys()
            .closest(written, CLOSEST_DISTRICTS, || Ok::<(), ()>(()))
            .unwrap_or_default()
            .into_iter()
            .filter_map(|i| self.data.names.get(i).map(|(n, _)| n.clone()))
            .collect()
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
    engine.register_fn(
        "district_named",
        |s: &mut ScenarioView, name: &str| -> Fallible<Dynamic> { s.district_named(name) },
    );
    engine.register_fn(
        "closest_districts",
        |s: &mut ScenarioView, name: &str| -> Fallible<Array> { s.closest_districts(name) },
    );
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
