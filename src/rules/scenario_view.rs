//! The `scenario` a rule's hooks receive (read-only): `[params]`, the target, the horizon and the
//! team kinds. Also the number formats rules use in directive texts.

use std::collections::BTreeMap;
use std::rc::Rc;

use rhai::{Array, Dynamic, Engine, INT};

use super::failure::{Fallible, HostError, unknown_name_hint};
use super::value;
use crate::model::Scope;
use crate::report::number;
use crate::scenario::{Param, Scenario};
use crate::text::Text;

#[derive(Debug)]
struct Data {
    params: BTreeMap<String, Param>,
    target_rate: f64,
    horizon_days: u32,
    district_floor: f64,
    kinds: Vec<(String, Scope)>,
}

/// The `Scenario` type of the scripts.
#[derive(Debug, Clone)]
pub(crate) struct ScenarioView(Rc<Data>);

impl ScenarioView {
    pub fn new(scenario: &Scenario) -> ScenarioView {
        ScenarioView(Rc::new(Data {
            params: scenario.params.clone(),
            target_rate: scenario.target_rate,
            horizon_days: scenario.horizon_days,
            district_floor: scenario.district_floor.unwrap_or(0.0),
            kinds: scenario
                .team_kinds
                .iter()
                .map(|k| (k.name.clone(), k.scope))
                .collect(),
        }))
    }

    fn param(&self, key: &str) -> Fallible<Dynamic> {
        match self.0.params.get(key) {
            Some(Param::Number(n)) => Ok(Dynamic::from_float(*n)),
            Some(Param::Text(s)) => Ok(Dynamic::from(s.clone())),
            Some(Param::Bool(b)) => Ok(Dynamic::from_bool(*b)),
            None => {
                let known: Vec<&str> = self.0.params.keys().map(String::as_str).collect();
                let hint = if crate::diagnostic::did_you_mean(key, known.iter().copied()).is_some()
                {
                    unknown_name_hint(key, &known, ("tham số", "parameters"))
                } else {
                    Text::new(
                        format!(
                            "thêm `{key} = ...` vào mục [params] của tệp kịch bản, hoặc sửa tên \
                             trong quy tắc"
                        ),
                        format!(
                            "add `{key} = ...` under [params] in the scenario file, or fix the \
                             name in the rule"
                        ),
                    )
                };
                Err(HostError::new(
                    format!("`param`: mục [params] của kịch bản không có `{key}`"),
                    format!("`param`: the scenario's [params] has no `{key}`"),
                )
                .hint(hint)
                .into())
            }
        }
    }

    /// The names of the kinds of `scope` (all kinds for `None`), in scenario order.
    fn kinds(&self, scope: Option<Scope>) -> Array {
        self.0
            .kinds
            .iter()
            .filter(|(_, s)| scope.is_none_or(|scope| *s == scope))
            .map(|(name, _)| Dynamic::from(name.clone()))
            .collect()
    }
}

/// Registers the `Scenario` type and the number formats `fmt_count` and `fmt_percent`.
pub(crate) fn register(engine: &mut Engine) {
    engine.register_type_with_name::<ScenarioView>("Scenario");
    engine.register_fn("param", |s: &mut ScenarioView, key: &str| s.param(key));
    engine.register_get("target_rate", |s: &mut ScenarioView| s.0.target_rate);
    engine.register_get("horizon_days", |s: &mut ScenarioView| {
        INT::from(s.0.horizon_days)
    });
    engine.register_get("district_floor", |s: &mut ScenarioView| s.0.district_floor);
    engine.register_fn("team_kinds", |s: &mut ScenarioView| s.kinds(None));
    engine.register_fn("provincial_kinds", |s: &mut ScenarioView| {
        s.kinds(Some(Scope::Provincial))
    });
    engine.register_fn("local_kinds", |s: &mut ScenarioView| {
        s.kinds(Some(Scope::Local))
    });

    engine.register_fn("fmt_count", |x: Dynamic, lang: &str| -> Fallible<String> {
        let lang = value::lang(lang, "fmt_count")?;
        let x = value::number(&x, ("`fmt_count`: số", "`fmt_count`: the count"))?;
        Ok(number::count(lang, x))
    });
    engine.register_fn(
        "fmt_percent",
        |rate: Dynamic, lang: &str| -> Fallible<String> {
            let lang = value::lang(lang, "fmt_percent")?;
            let rate = value::number(&rate, ("`fmt_percent`: tỷ lệ", "`fmt_percent`: the rate"))?;
            Ok(number::percent1(lang, rate))
        },
    );
}
