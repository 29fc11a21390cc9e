//! `campaign explain`: why one district got what it got, for a reader who did not build the
//! plan. Everything is computed from the model and the plan (../shared/MODEL.md): the
//! district's inputs and where they come from, the rules that ran on it, its teams, the exact
//! value of one team more or fewer, and how it compares with the rest of the province.
//!
//! `inputs` reads the inputs and their sources from the trace, `margin` computes one team more
//! or fewer, `compare` sets the district against the others for the plan's objective,
//! `trace_words` puts rule calls into words, `render` writes text and Markdown, `json` the
//! structured answer.

mod compare;
mod inputs;
mod json;
mod margin;
mod message;
mod render;
mod team;
mod trace_words;

pub use compare::{Comparison, CostView, Equity, Exchange, Priced, RateMove};
pub use inputs::{BoundSource, FixedSource, Inputs, KindBounds, MandateSource};
pub use margin::{Blocker, Margin};
pub use team::Placed;

use crate::diagnostic::{Error, did_you_mean};
use crate::effects::TraceEntry;
use crate::model::{Allocation, Bounds, District, Model, Objective, TeamKind};
use crate::plan::Plan;
use crate::report::Format;
use crate::scenario::Scenario;
use crate::solve::Status;
use crate::text::{Lang, Text};
use message::ExplainProblem;

/// A plan with the model it was solved on and the scenario it came from.
#[derive(Debug, Clone)]
pub struct Planned {
    pub scenario: Scenario,
    pub model: Model,
    pub plan: Plan,
    /// The plan's allocation, `teams[d][k]`.
    pub teams: Allocation,
}

/// Runs the pipeline of [`crate::plan_scenario`] (same errors, same plan) and keeps the model
/// and the allocation alongside the plan.
pub fn planned(scenario: &Scenario) -> Result<Planned, Error> {
    let plan = crate::plan_scenario(scenario)?;
    let model = model_of(&plan);
    let teams = plan
        .districts
        .iter()
        .map(|d| d.allocation.iter().map(|a| a.teams).collect())
        .collect();
    Ok(Planned {
        scenario: scenario.clone(),
        model,
        plan,
        teams,
    })
}

/// The model a plan was solved on. The plan carries every figure of it (pools, bounds,
/// productivity, floors, kinds, budget), so nothing is recomputed: the rules do not run again.
pub fn model_of(plan: &Plan) -> Model {
    Model {
        horizon_days: plan.horizon_days,
        objective: plan.objective,
        reachable_share: plan.reachable_share,
        target_rate: plan.province.target_rate,
        district_floor: plan.district_floor,
        budget: plan.budget,
        kinds: plan.team_kinds.clone(),
        districts: plan
            .districts
            .iter()
            .map(|d| District {
                name: d.name.clone(),
                smartphones: d.smartphones,
                installed: d.installed,
                mandated_installs: d.mandated_installs,
                fixed_installs: d.fixed_installs,
                pool: d.pool,
                bounds: d
                    .allocation
                    .iter()
                    .map(|a| Bounds {
                        min: a.min_teams,
                        max: a.max_teams,
                    })
                    .collect(),
                productivity: d.allocation.iter().map(|a| a.productivity).collect(),
                floor: d.floor,
            })
            .collect(),
    }
}

/// District names listed in the hint for an unknown name, at most.
const HINT_NAMES: usize = 12;

/// The index of the district called `name` (compared as a person reads it, like the
/// scenario's own names: "HỮU LŨNG", "Huyện Hữu Lũng" and "Ðình Lập" with an eth find "Hữu
/// Lũng" and "Đình Lập"; [`crate::model::DistrictNames`]); an unknown name is an error with a
/// "did you mean" hint, and a name two districts share without their unit words an error
/// naming them.
pub fn find_district(plan: &Plan, name: &str) -> Result<usize, Error> {
    let wanted = crate::text::normalise(name);
    if let Some(i) = plan.districts.iter().position(|d| d.name == wanted) {
        return Ok(i);
    }
    // as a person reads it, the unit word aside when it names one district only
    let index = crate::model::DistrictNames::of(
        plan.districts
            .iter()
            .map(|d| (d.name.as_str(), d.unit_type)),
    );
    match index.find(&wanted) {
        crate::model::Found::One(i) => return Ok(i),
        crate::model::Found::Several(list) => {
            return Err(Error::new(ExplainProblem::AmbiguousDistrict {
                wanted: crate::diagnostic::shortened(&wanted),
                candidates: list
                    .iter()
                    .filter_map(|&i| plan.districts.get(i).map(|d| d.name.clone()))
                    .collect(),
            }));
        }
        crate::model::Found::None => {}
    }
    let wanted = crate::diagnostic::shortened(&wanted);
    let names: Vec<&str> = plan.districts.iter().map(|d| d.name.as_str()).collect();
    // Compared without diacritics too, so that "Huu Lung" (typed without them) finds Hữu Lũng.
    let plain: Vec<String> = names.iter().map(|n| without_marks(n)).collect();
    let suggestion = did_you_mean(&wanted, names.iter().copied()).or_else(|| {
        let i = did_you_mean(&without_marks(&wanted), plain.iter().map(String::as_str))
            .and_then(|found| plain.iter().position(|p| p == found))?;
        Some(names[i])
    });
    // a long list is cut: the first few names say what the names look like
    Err(Error::new(ExplainProblem::UnknownDistrict {
        wanted,
        close: suggestion.map(str::to_string),
        shown: names
            .iter()
            .take(HINT_NAMES)
            .map(|n| n.to_string())
            .collect(),
        more: names.len().saturating_sub(HINT_NAMES),
    }))
}

/// `name` lower-cased, without diacritics (`đ` as `d`).
fn without_marks(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    name.nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Why district `name` got what it got: every figure of the explanation.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    pub scenario: String,
    pub as_of: String,
    pub objective: Objective,
    pub status: Status,
    /// The plan's gap, as in its `optimality`.
    pub gap: Option<f64>,
    /// The plan's result in words (optimal, best found, cannot be met), as `campaign plan`
    /// prints it.
    pub status_text: Text,
    /// Why the scenario cannot be met, sentence by sentence (empty when it can).
    pub diagnosis: Vec<Text>,
    pub horizon_days: u32,
    pub budget: Option<f64>,
    /// The whole plan's cost.
    pub province_cost: f64,
    /// The district's index in scenario order.
    pub district: usize,
    pub name: String,
    pub kinds: Vec<TeamKind>,
    pub inputs: Inputs,
    /// Every rule call on the district, in the order they ran.
    pub trace: Vec<TraceEntry>,
    pub allotment: Allotment,
    /// One per team kind, in scenario order.
    pub margins: Vec<Margin>,
    pub comparison: Comparison,
}

/// What the plan gives the district.
#[derive(Debug, Clone, PartialEq)]
pub struct Allotment {
    /// Teams per kind, in scenario order.
    pub teams: Vec<u32>,
    /// e_d = H · Σ_k m_{d,k} · r_k · t_{d,k}.
    pub effort: f64,
    pub outreach_installs: f64,
    pub projected_installed: f64,
    pub projected_rate: f64,
    pub cost: f64,
}

/// Explains district `d` of `planned`.
pub fn explain(planned: &Planned, d: usize) -> Explanation {
    let (model, plan, teams) = (&planned.model, &planned.plan, &planned.teams);
    let district = &plan.districts[d];
    let diagnosis = match (
        crate::report::diagnosis::of_plan(plan, Lang::Vi),
        crate::report::diagnosis::of_plan(plan, Lang::En),
    ) {
        (Some(vi), Some(en)) => vi
            .into_iter()
            .zip(en)
            .map(|(v, e)| Text::new(v, e))
            .collect(),
        _ => Vec::new(),
    };
    let inputs = inputs::of(&planned.scenario, model, district, d);
    let margins = (0..model.kinds.len())
        .map(|k| margin::of(model, teams, plan.status, &inputs, d, k))
        .collect();
    Explanation {
        scenario: plan.scenario.clone(),
        as_of: plan.as_of.clone(),
        objective: plan.objective,
        status: plan.status,
        gap: plan.optimality.gap,
        status_text: Text::new(
            crate::report::content::status(plan, Lang::Vi),
            crate::report::content::status(plan, Lang::En),
        ),
        diagnosis,
        horizon_days: plan.horizon_days,
        budget: plan.budget,
        province_cost: plan.province.cost,
        district: d,
        name: district.name.clone(),
        kinds: model.kinds.clone(),
        inputs,
        trace: district.trace.clone(),
        allotment: Allotment {
            teams: teams[d].clone(),
            effort: model.effort(d, &teams[d]),
            outreach_installs: district.outreach_installs,
            projected_installed: district.projected_installed,
            projected_rate: district.projected_rate,
            cost: district.cost,
        },
        margins,
        comparison: compare::of(model, teams, plan.status, d),
    }
}

/// Renders `explanation` in `format` and `lang`.
pub fn render(explanation: &Explanation, format: Format, lang: Lang) -> String {
    match format {
        Format::Text => render::text(explanation, lang),
        // The printable formats are the plan's; the CLI refuses them here (cli/explain.rs).
        Format::Markdown
        | Format::Html
        | Format::Csv
        | Format::Xlsx
        | Format::Docx
        | Format::LetterHtml => render::markdown(explanation, lang),
        Format::Json => json::render(explanation, lang),
    }
}

/// Loads the scenario at `path` with `settings` (`--set`), plans it and explains the district
/// called `district`.
pub fn explain_district(
    path: &std::path::Path,
    settings: &[String],
    district: &str,
) -> Result<Explanation, Error> {
    let scenario = crate::scenario::load_with(path, settings)?;
    explain_loaded(path, &scenario, district)
}

/// [`explain_district`] for the scenario at `path`, already loaded (`scenario`).
pub fn explain_loaded(
    path: &std::path::Path,
    scenario: &crate::scenario::Scenario,
    district: &str,
) -> Result<Explanation, Error> {
    let planned = planned(scenario)?;
    let d = find_district(&planned.plan, district).map_err(|e| e.file(path))?;
    Ok(explain(&planned, d))
}
