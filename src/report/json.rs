//! The plan as JSON, in the shape of MODEL.md § "The JSON plan". Built field by field (not
//! derived from `Plan`) so that the contract cannot change by accident; added fields are
//! marked below.

use std::io::Write;

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::{Map, Value, json};

use crate::effects::{Directive, TraceAction, TraceEntry, TraceValue};
use crate::plan::{DistrictPlan, Plan, TeamAllocation};
use crate::report::diagnosis;
use crate::solve::{Optimality, Status};
use crate::text::Lang;

/// Renders `plan` as pretty-printed JSON with a trailing newline; `lang` is the language of the
/// `diagnosis` text. [`write`] streams the same bytes to a writer.
pub fn render(plan: &Plan, lang: Lang) -> String {
    let mut bytes = Vec::new();
    write(plan, lang, &mut bytes).expect("writing to memory cannot fail");
    String::from_utf8(bytes).expect("serde_json writes UTF-8")
}

/// Writes [`render`]'s text to `out` district by district: the whole plan is never held as one
/// JSON value (at 20,000 districts that took a gigabyte; docs/performance.md).
pub fn write(plan: &Plan, lang: Lang, out: &mut dyn Write) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    pretty(&mut out, &PlanJson { plan, lang })?;
    out.write_all(b"\n")?;
    out.flush()
}

/// Writes `value` as `serde_json::to_writer_pretty` does (two-space indent).
pub(crate) fn pretty(out: &mut dyn Write, value: &impl Serialize) -> std::io::Result<()> {
    let mut serializer = serde_json::Serializer::pretty(out);
    value.serialize(&mut serializer)?;
    Ok(())
}

/// A plan in the contract's shape, serialised field by field and district by district (each
/// district's value is built, written and dropped in turn), the same bytes as the JSON value
/// of the whole plan would give.
pub(crate) struct PlanJson<'a> {
    pub plan: &'a Plan,
    pub lang: Lang,
}

impl Serialize for PlanJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let head = head(self.plan, self.lang);
        let mut map = serializer.serialize_map(Some(head.len() + 1))?;
        for (key, value) in &head {
            map.serialize_entry(key, value)?;
        }
        map.serialize_entry(
            "districts",
            &Districts(&self.plan.districts, self.plan.district_floor),
        )?;
        map.end()
    }
}

/// The plan's districts, one JSON value at a time.
/// With the scenario's `district_floor`, which a rule's floor is told apart from.
struct Districts<'a>(&'a [DistrictPlan], Option<f64>);

impl Serialize for Districts<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.0.len()))?;
        for d in self.0 {
            seq.serialize_element(&district(d, self.1))?;
        }
        seq.end()
    }
}

/// The plan's `status` as the contract writes it.
pub(crate) fn status_value(plan: &Plan) -> Value {
    json!(status(plan))
}

/// The plan's `province` as the contract writes it.
pub(crate) fn province_value(plan: &Plan) -> Value {
    province(plan)
}

/// Every field of the plan before `districts`, in the contract's order.
fn head(plan: &Plan, lang: Lang) -> Vec<(&'static str, Value)> {
    let diagnosis_text =
        diagnosis::of_plan(plan, lang).map_or(Value::Null, |s| Value::String(s.join("\n")));
    let findings = match &plan.diagnosis {
        // serde_json maps non-finite floats to null here.
        Some(d) => {
            let mut findings =
                serde_json::to_value(&d.findings).unwrap_or(Value::Array(Vec::new()));
            // every finding says whether its number is exactly enough (MODEL.md); those
            // without a number to prove are exact by nature
            if let Value::Array(list) = &mut findings {
                for f in list {
                    if let Value::Object(o) = f {
                        o.entry("exact").or_insert(Value::Bool(true));
                    }
                }
            }
            findings
        }
        None => Value::Array(Vec::new()),
    };
    vec![
        ("scenario", json!(plan.scenario)),
        ("as_of", json!(plan.as_of)), // added
        ("objective", json!(plan.objective.as_str())),
        ("status", json!(status(plan))),
        ("diagnosis", diagnosis_text),
        ("findings", findings), // added
        (
            "notices",
            serde_json::to_value(&plan.notices).unwrap_or(Value::Array(Vec::new())),
        ),
        ("horizon_days", json!(plan.horizon_days)),
        ("reachable_share", num(plan.reachable_share)),
        ("budget", opt_num(plan.budget)),
        ("district_floor", opt_num(plan.district_floor)),
        ("optimality", optimality(&plan.optimality)), // added
        ("province", province(plan)),
        (
            "team_kinds",
            plan.team_kinds
                .iter()
                .map(|k| {
                    let mut t = Map::new();
                    t.insert("name".into(), json!(k.name));
                    t.insert("scope".into(), json!(k.scope.as_str()));
                    t.insert("available".into(), json!(k.available));
                    t.insert("installs_per_team_day".into(), num(k.installs_per_team_day));
                    t.insert("cost_per_team_day".into(), num(k.cost_per_team_day));
                    Value::Object(t)
                })
                .collect(),
        ),
    ]
}

fn status(plan: &Plan) -> &'static str {
    match plan.status {
        Status::Optimal => "optimal",
        Status::Feasible => "feasible",
        Status::Infeasible => "infeasible",
    }
}

fn optimality(o: &Optimality) -> Value {
    let mut m = Map::new();
    m.insert("objective_value".into(), num(o.objective_value));
    m.insert("bound".into(), opt_num(o.bound));
    m.insert("gap".into(), opt_num(o.gap));
    m.insert("method".into(), json!(o.method));
    Value::Object(m)
}

/// The province's figures; its `cost` is the total as every report prints it, the sum of the
/// districts' costs in whole đồng (trial 13f J28: with a cost per team-day in decimals the JSON
/// said 396901296.54 where the table said 396,901,295).
fn province(plan: &Plan) -> Value {
    let p = &plan.province;
    let mut m = Map::new();
    m.insert("smartphones".into(), json!(p.smartphones));
    m.insert("installed".into(), json!(p.installed));
    m.insert("rate".into(), num(p.rate));
    m.insert("projected_installed".into(), num(p.projected_installed));
    m.insert("projected_rate".into(), num(p.projected_rate));
    m.insert("target_rate".into(), num(p.target_rate));
    m.insert("target_reached".into(), json!(p.target_reached));
    m.insert("cost".into(), num(plan.cost_as_printed()));
    m.insert("teams".into(), json!(p.teams)); // added
    Value::Object(m)
}

fn district(d: &DistrictPlan, district_floor: Option<f64>) -> Value {
    let mut m = Map::new();
    m.insert("name".into(), json!(d.name));
    m.insert("unit_type".into(), json!(d.unit_type.vi())); // added: thành phố, thị xã, huyện, quận
    m.insert("smartphones".into(), json!(d.smartphones));
    m.insert("installed".into(), json!(d.installed));
    m.insert("rate".into(), num(d.rate));
    m.insert("mandated_installs".into(), num(d.mandated_installs));
    m.insert("fixed_installs".into(), num(d.fixed_installs));
    m.insert("pool".into(), num(d.pool));
    m.insert(
        "allocation".into(),
        d.allocation.iter().map(allocation).collect(),
    );
    m.insert("outreach_installs".into(), num(d.outreach_installs));
    m.insert("projected_installed".into(), num(d.projected_installed));
    m.insert("projected_rate".into(), num(d.projected_rate));
    // added; in whole đồng, as printed (the province's cost is their sum)
    m.insert("cost".into(), num(d.cost.round()));
    m.insert(
        "directives".into(),
        d.directives.iter().map(directive).collect(),
    );
    m.insert("floor".into(), opt_num(d.floor)); // added: φ_d, the district's own floor
    // added, only where a rule's `min_rate` set the floor (so other plans are unchanged)
    if let Some(rule) = d.floor_rule(district_floor) {
        m.insert("floor_rule".into(), json!(rule));
    }
    m.insert("trace".into(), d.trace.iter().map(trace_entry).collect()); // added
    // added, only when the scenario has coverage history (so plans without it are unchanged)
    if d.pace_per_day.is_some() || d.on_track.is_some() {
        m.insert("pace_per_day".into(), opt_num(d.pace_per_day));
        m.insert("on_track".into(), json!(d.on_track));
        m.insert("rate_at_pace".into(), opt_num(d.rate_at_pace));
    }
    Value::Object(m)
}

fn allocation(a: &TeamAllocation) -> Value {
    let mut m = Map::new();
    m.insert("kind".into(), json!(a.kind));
    m.insert("teams".into(), json!(a.teams));
    m.insert("min_teams".into(), json!(a.min_teams));
    m.insert("max_teams".into(), json!(a.max_teams));
    m.insert("productivity".into(), num(a.productivity));
    Value::Object(m)
}

/// A directive in the rules' order; `action` and `unit` are the Vietnamese texts of the
/// contract, `action_en`/`unit_en` the English ones (added; the Vietnamese when none is given).
fn directive(d: &Directive) -> Value {
    let mut m = Map::new();
    m.insert("rule".into(), json!(d.rule));
    m.insert("action".into(), json!(d.action.get(Lang::Vi)));
    m.insert("unit".into(), json!(d.unit.get(Lang::Vi)));
    m.insert("priority".into(), json!(d.priority));
    m.insert("action_en".into(), json!(d.action.get(Lang::En))); // added
    m.insert("unit_en".into(), json!(d.unit.get(Lang::En))); // added
    m.insert(
        "teams".into(),
        d.teams
            .iter()
            .map(|(kind, teams)| json!({ "kind": kind, "teams": teams }))
            .collect(),
    ); // added
    m.insert("expected_installs".into(), opt_num(d.expected_installs)); // added
    Value::Object(m)
}

/// One rule call: `{ "rule", "phase", "read": { key: value, ... }, "set": [ ... ] }`, reads in
/// first-read order, sets in call order (see `crate::rules` § "The trace").
pub(crate) fn trace_entry(e: &TraceEntry) -> Value {
    let mut m = Map::new();
    m.insert("rule".into(), json!(e.rule));
    m.insert("phase".into(), json!(e.phase.as_str()));
    m.insert(
        "read".into(),
        Value::Object(
            e.read
                .iter()
                .map(|(key, value)| (key.clone(), trace_value(value)))
                .collect(),
        ),
    );
    m.insert("set".into(), e.set.iter().map(trace_action).collect());
    Value::Object(m)
}

fn trace_value(v: &TraceValue) -> Value {
    match v {
        TraceValue::Int(i) => json!(i),
        TraceValue::Number(x) => num(*x),
        TraceValue::Text(s) => json!(s),
        TraceValue::Bool(b) => json!(b),
        TraceValue::List(items) => items.iter().map(trace_value).collect(),
    }
}

/// `{ "function": "min_teams", ... }` with the values the rule gave.
fn trace_action(a: &TraceAction) -> Value {
    let mut m = Map::new();
    m.insert("function".into(), json!(a.function()));
    match a {
        TraceAction::Mandate { cohort, share } => {
            m.insert("cohort".into(), json!(cohort));
            m.insert("share".into(), num(*share));
        }
        TraceAction::AddInstalls { installs, reason } => {
            m.insert("installs".into(), num(*installs));
            m.insert("reason".into(), json!(reason.vi));
            m.insert("reason_en".into(), json!(reason.en));
        }
        TraceAction::SetProductivity { kind, value } => {
            m.insert("kind".into(), json!(kind));
            m.insert("value".into(), num(*value));
        }
        TraceAction::MinTeams { kind, value } | TraceAction::MaxTeams { kind, value } => {
            m.insert("kind".into(), json!(kind));
            m.insert("value".into(), json!(value));
        }
        TraceAction::MinRate { value, .. } => {
            m.insert("value".into(), num(*value));
        }
        TraceAction::Directive {
            priority,
            unit,
            action,
            expected_installs,
        } => {
            m.insert("priority".into(), json!(priority));
            m.insert("unit".into(), json!(unit.vi));
            m.insert("action".into(), json!(action.vi));
            m.insert("expected_installs".into(), opt_num(*expected_installs));
        }
    }
    Value::Object(m)
}

/// A float as a plain JSON number; NaN and infinities (which JSON cannot hold) become null.
/// A float as a plain JSON number: −0 (a product of zero and a negative) as 0, NaN and
/// infinities (which JSON cannot hold) as null.
pub(crate) fn num(x: f64) -> Value {
    let x = if x == 0.0 { 0.0 } else { x };
    serde_json::Number::from_f64(x).map_or(Value::Null, Value::Number)
}

fn opt_num(x: Option<f64>) -> Value {
    x.map_or(Value::Null, num)
}
