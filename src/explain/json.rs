//! The explanation as JSON: every figure as a number, keys in a fixed order (docs/explain.md
//! § "JSON" lists them). Built field by field so that the shape cannot change by accident.

use crate::report::json::num;
use serde_json::{Map, Value, json};

use super::compare::{Comparison, CostView, Equity, Exchange, Priced};
use super::inputs::{BoundSource, Inputs};
use super::margin::{Blocker, Margin};
use super::team::Placed;
use super::{Explanation, trace_words};
use crate::solve::Status;
use crate::text::Lang;

/// Renders `e` as pretty-printed JSON with a trailing newline; `lang` is the language of the
/// texts in words (`diagnosis`, each trace entry's `words`).
pub fn render(e: &Explanation, lang: Lang) -> String {
    let mut text = serde_json::to_string_pretty(&value(e, lang))
        .expect("a serde_json::Value always serialises");
    text.push('\n');
    text
}

/// The explanation as a JSON value.
pub fn value(e: &Explanation, lang: Lang) -> Value {
    let kind = |k: usize| e.kinds[k].name.as_str();
    let mut m = Map::new();
    m.insert("scenario".into(), json!(e.scenario));
    m.insert("as_of".into(), json!(e.as_of));
    m.insert("objective".into(), json!(e.objective.as_str()));
    m.insert(
        "status".into(),
        json!(match e.status {
            Status::Optimal => "optimal",
            Status::Feasible => "feasible",
            Status::Infeasible => "infeasible",
        }),
    );
    m.insert("gap".into(), opt_num(e.gap));
    let diagnosis: Vec<&str> = e.diagnosis.iter().map(|t| t.get(lang)).collect();
    m.insert(
        "diagnosis".into(),
        if diagnosis.is_empty() {
            Value::Null
        } else {
            json!(diagnosis.join("\n"))
        },
    );
    m.insert("horizon_days".into(), json!(e.horizon_days));
    m.insert("budget".into(), opt_num(e.budget));
    m.insert("district".into(), json!(e.name));
    m.insert("district_index".into(), json!(e.district));
    m.insert("inputs".into(), inputs(e, &e.inputs));
    m.insert(
        "trace".into(),
        e.trace
            .iter()
            .map(|entry| {
                let mut v = crate::report::json::trace_entry(entry);
                if let Value::Object(o) = &mut v {
                    o.insert("words".into(), json!(trace_words::sentence(entry, lang)));
                }
                v
            })
            .collect(),
    );
    let a = &e.allotment;
    let mut plan = Map::new();
    plan.insert(
        "teams".into(),
        a.teams
            .iter()
            .enumerate()
            .map(|(k, t)| json!({ "kind": kind(k), "teams": t }))
            .collect(),
    );
    plan.insert("effort".into(), num(a.effort));
    plan.insert("outreach_installs".into(), num(a.outreach_installs));
    plan.insert("projected_installed".into(), num(a.projected_installed));
    plan.insert("projected_rate".into(), num(a.projected_rate));
    plan.insert("cost".into(), num(a.cost));
    m.insert("plan".into(), Value::Object(plan));
    m.insert(
        "marginal".into(),
        e.margins.iter().map(|x| margin(e, x)).collect(),
    );
    m.insert("comparison".into(), comparison(e, &e.comparison));
    Value::Object(m)
}

fn inputs(e: &Explanation, i: &Inputs) -> Value {
    let mut m = Map::new();
    m.insert("smartphones".into(), json!(i.smartphones));
    m.insert("installed".into(), json!(i.installed));
    m.insert("rate".into(), num(i.rate));
    m.insert(
        "cohorts".into(),
        Value::Object(
            i.cohorts
                .iter()
                .map(|(c, n)| (c.clone(), json!(n)))
                .collect(),
        ),
    );
    m.insert(
        "local_teams".into(),
        i.local_teams
            .iter()
            .map(|(k, n)| json!({ "kind": k, "teams": n }))
            .collect(),
    );
    m.insert("mandated_installs".into(), num(i.mandated_installs));
    m.insert("mandated_capped".into(), json!(i.mandated_capped));
    m.insert(
        "mandates".into(),
        i.mandates
            .iter()
            .map(|x| {
                let mut o = Map::new();
                o.insert("rule".into(), json!(x.rule));
                o.insert("cohort".into(), json!(x.cohort));
                o.insert("share".into(), num(x.share));
                o.insert("people".into(), json!(x.people));
                o.insert("installs".into(), num(x.installs));
                o.insert("counted".into(), json!(x.counted));
                Value::Object(o)
            })
            .collect(),
    );
    m.insert("fixed_installs".into(), num(i.fixed_installs));
    m.insert("fixed_capped".into(), json!(i.fixed_capped));
    m.insert(
        "fixed".into(),
        i.fixed
            .iter()
            .map(|x| {
                let mut o = Map::new();
                o.insert("rule".into(), json!(x.rule));
                o.insert("installs".into(), num(x.installs));
                o.insert("reason".into(), json!(x.reason.vi));
                o.insert("reason_en".into(), json!(x.reason.en));
                Value::Object(o)
            })
            .collect(),
    );
    m.insert("reachable_share".into(), num(i.reachable_share));
    m.insert("pool".into(), num(i.pool));
    m.insert("floor".into(), opt_num(i.floor));
    m.insert(
        "floor_source".into(),
        match (i.floor, &i.floor_rule) {
            (None, _) => Value::Null,
            (Some(_), None) => json!("scenario"),
            (Some(_), Some(_)) => json!("rule"),
        },
    );
    m.insert("floor_rule".into(), json!(i.floor_rule));
    m.insert(
        "bounds".into(),
        i.bounds
            .iter()
            .enumerate()
            .map(|(k, b)| {
                let mut o = Map::new();
                o.insert("kind".into(), json!(e.kinds[k].name));
                o.insert("scope".into(), json!(e.kinds[k].scope.as_str()));
                o.insert("min_teams".into(), json!(b.min));
                o.insert("min_rule".into(), json!(b.min_rule));
                o.insert("max_teams".into(), json!(b.max));
                let (source, rule) = match &b.max_source {
                    BoundSource::LocalTeams => ("local_teams", None),
                    BoundSource::ProvincialPool => ("provincial_pool", None),
                    BoundSource::Rule(r) => ("rule", Some(r)),
                };
                o.insert("max_source".into(), json!(source));
                o.insert("max_rule".into(), json!(rule));
                o.insert("productivity".into(), num(b.productivity));
                o.insert("productivity_rule".into(), json!(b.productivity_rule));
                Value::Object(o)
            })
            .collect(),
    );
    Value::Object(m)
}

fn margin(e: &Explanation, x: &Margin) -> Value {
    let kind = &e.kinds[x.kind];
    let mut m = Map::new();
    m.insert("kind".into(), json!(kind.name));
    m.insert("scope".into(), json!(kind.scope.as_str()));
    m.insert("teams".into(), json!(x.teams));
    m.insert("effort_per_team".into(), num(x.effort_per_team));
    m.insert("cost_per_team".into(), num(x.cost_per_team));
    let mut more = Map::new();
    more.insert("installs".into(), num(x.one_more));
    more.insert("possible".into(), json!(x.more_blocked.is_empty()));
    more.insert(
        "blocked_by".into(),
        x.more_blocked.iter().map(blocker).collect(),
    );
    more.insert(
        "from_elsewhere".into(),
        x.from_elsewhere.as_ref().map_or(Value::Null, placed),
    );
    m.insert("one_more".into(), Value::Object(more));
    let mut fewer = Map::new();
    fewer.insert("installs".into(), opt_num(x.one_fewer));
    fewer.insert("possible".into(), json!(x.fewer_blocked.is_empty()));
    fewer.insert(
        "blocked_by".into(),
        x.fewer_blocked.iter().map(blocker).collect(),
    );
    m.insert("one_fewer".into(), Value::Object(fewer));
    Value::Object(m)
}

fn blocker(b: &Blocker) -> Value {
    match b {
        Blocker::LocalTeamsAllUsed { stationed } => {
            json!({ "reason": "local_teams_all_used", "stationed": stationed })
        }
        Blocker::RuleMax { rule, max } => json!({ "reason": "rule_max", "rule": rule, "max": max }),
        Blocker::PoolAllAssigned { available } => {
            json!({ "reason": "pool_all_assigned", "available": available })
        }
        Blocker::Budget { left } => json!({ "reason": "budget", "left": num(*left) }),
        Blocker::NoTeam => json!({ "reason": "no_team" }),
        Blocker::RuleMin { rule, min } => json!({ "reason": "rule_min", "rule": rule, "min": min }),
        Blocker::Floor { floor, rate_after } => json!({
            "reason": "floor", "floor": num(*floor), "rate_after": num(*rate_after)
        }),
        Blocker::Target { target, rate_after } => json!({
            "reason": "target", "target": num(*target), "rate_after": num(*rate_after)
        }),
    }
}

fn placed(p: &Placed) -> Value {
    json!({ "district": p.name, "teams": p.teams, "installs": num(p.installs) })
}

fn comparison(e: &Explanation, c: &Comparison) -> Value {
    let mut m = Map::new();
    match c {
        Comparison::Installs { exchanges } => {
            m.insert("basis".into(), json!("installs"));
            m.insert(
                "exchanges".into(),
                exchanges.iter().map(|x| exchange(e, x)).collect(),
            );
        }
        Comparison::MinCost(view) => {
            m.insert("basis".into(), json!("cost"));
            m.insert("cost".into(), cost(e, view));
        }
        // the exact rates: JSON keeps every figure with its decimals
        Comparison::MaxMinRate {
            equity: q,
            exchanges,
            ..
        } => {
            m.insert("basis".into(), json!("lowest_rate"));
            m.insert("lowest_rate".into(), equity(e, q));
            m.insert(
                "exchanges".into(),
                exchanges.iter().map(|x| exchange(e, x)).collect(),
            );
        }
    }
    Value::Object(m)
}

fn exchange(e: &Explanation, x: &Exchange) -> Value {
    let mut m = Map::new();
    m.insert("kind".into(), json!(e.kinds[x.kind].name));
    m.insert("available".into(), json!(x.available));
    m.insert("assigned".into(), json!(x.assigned));
    m.insert("one_more_here".into(), num(x.one_more_here));
    m.insert("can_take".into(), json!(x.can_take));
    m.insert(
        "least_useful_elsewhere".into(),
        x.least_useful.as_ref().map_or(Value::Null, placed),
    );
    m.insert("one_fewer_here".into(), opt_num(x.one_fewer_here));
    m.insert("can_give".into(), json!(x.can_give));
    m.insert(
        "most_useful_elsewhere".into(),
        x.most_useful.as_ref().map_or(Value::Null, placed),
    );
    m.insert("pool_to_gain".into(), opt_num(x.pool_to_gain));
    m.insert("pool_to_lose".into(), opt_num(x.pool_to_lose));
    Value::Object(m)
}

fn priced(e: &Explanation, p: &Priced) -> Value {
    json!({
        "district": p.name,
        "kind": e.kinds[p.kind].name,
        "installs": num(p.installs),
        "cost": num(p.cost),
        "cost_per_install": num(p.price()),
    })
}

fn cost(e: &Explanation, v: &CostView) -> Value {
    let mut m = Map::new();
    m.insert("all_free".into(), json!(v.all_free));
    m.insert("target_rate".into(), num(v.target_rate));
    m.insert("target_installs".into(), num(v.target_installs));
    m.insert("projected_installed".into(), num(v.projected_installed));
    m.insert(
        "dearest_kept_elsewhere".into(),
        v.dearest_kept
            .as_ref()
            .map_or(Value::Null, |p| priced(e, p)),
    );
    m.insert(
        "cheapest_left_elsewhere".into(),
        v.cheapest_left
            .as_ref()
            .map_or(Value::Null, |p| priced(e, p)),
    );
    Value::Object(m)
}

fn equity(e: &Explanation, q: &Equity) -> Value {
    let mut m = Map::new();
    m.insert("lowest_district".into(), json!(q.lowest_name));
    m.insert("lowest_rate".into(), num(q.lowest_rate));
    m.insert("rate".into(), num(q.rate_here));
    m.insert("is_lowest".into(), json!(q.is_lowest));
    m.insert("tied_with".into(), json!(q.tied));
    m.insert(
        "lowest_other".into(),
        q.lowest_other.as_ref().map_or(
            Value::Null,
            |(name, rate)| json!({ "district": name, "rate": num(*rate) }),
        ),
    );
    m.insert(
        "moves".into(),
        q.moves
            .iter()
            .map(|x| {
                let mut o = Map::new();
                o.insert("kind".into(), json!(e.kinds[x.kind].name));
                o.insert("rate_with_one_more".into(), num(x.rate_with_one_more));
                o.insert("possible".into(), json!(x.possible));
                o.insert("from".into(), json!(x.from));
                o.insert(
                    "lowest_rate_after_one_more".into(),
                    num(x.lowest_after_more),
                );
                o.insert("rate_with_one_fewer".into(), opt_num(x.rate_with_one_fewer));
                o.insert(
                    "lowest_rate_after_one_fewer".into(),
                    opt_num(x.lowest_after_fewer),
                );
                Value::Object(o)
            })
            .collect(),
    );
    Value::Object(m)
}

fn opt_num(x: Option<f64>) -> Value {
    x.map_or(Value::Null, num)
}
