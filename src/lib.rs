//! campaign-planner: scenario → rules → model → solve → plan → report.
//!
//! The model is ../shared/MODEL.md; `docs/` explains it for a department reader.

pub mod cli;
pub mod compare;
pub mod diagnostic;
pub mod effects;
pub mod explain;
mod files;
#[doc(hidden)]
pub mod fuzz;
pub mod import;
pub mod limits;
pub mod model;
pub mod number;
pub mod plan;
pub mod report;
pub mod rules;
pub mod ruletest;
pub mod scenario;
pub mod solve;
pub(crate) mod source;
pub mod sweep;
pub mod synthetic;
pub mod text;

use std::path::Path;

use diagnostic::Error;
use plan::Plan;

/// Plans the scenario at `path`: load and check it, run the rules before the solve, solve,
/// evaluate exactly, run the rules after the solve. Each district of the plan carries the
/// trace of the rules that ran on it.
pub fn plan(path: &Path) -> Result<Plan, Error> {
    plan_scenario(&scenario::load(path)?)
}

/// Plans the scenario at `path` with `settings` applied (`--set KEY=VALUE`, see
/// [`scenario::load_with`]).
pub fn plan_with(path: &Path, settings: &[String]) -> Result<Plan, Error> {
    plan_scenario(&scenario::load_with(path, settings)?)
}

/// The notice that the plan of `path` was made with `settings` (`--set`): each input they
/// change, with the scenario's own value (trial F32). None without settings, when they change
/// nothing, or when the scenario without them cannot be loaded.
pub fn set_notice(path: &Path, settings: &[String]) -> Option<plan::Notice> {
    if settings.is_empty() {
        return None;
    }
    let (with, without) = scenario::load_with_and_without(path, settings).ok()?;
    set_notice_between(&without?, &with)
}

/// [`set_notice`] for the scenario loaded `without` and `with` its settings.
pub fn set_notice_between(
    without: &scenario::Scenario,
    with: &scenario::Scenario,
) -> Option<plan::Notice> {
    let changes: Vec<plan::SetChange> = compare::inputs::differences(&[without, with], &[])
        .into_iter()
        .map(|d| {
            let typed = |i: usize| d.values.get(i).cloned().flatten().map(|v| v.typed());
            plan::SetChange {
                key: d.input.key(),
                value: typed(1),
                scenario: typed(0),
            }
        })
        .collect();
    (!changes.is_empty()).then_some(plan::Notice::SetForThisRun { settings: changes })
}

/// Plans a loaded scenario (see [`plan`]).
pub fn plan_scenario(scenario: &scenario::Scenario) -> Result<Plan, Error> {
    let scenario = scenario.clone();
    let rules = rules::RuleSet::load(&scenario.rules)?;
    let problems = rules.check(Some(&rules::Names::of(&scenario)));
    if !problems.is_empty() {
        let n = problems.len();
        return Err(diagnostic::Error::many(
            problems,
            rules::message::RulesSummary::NotPlanned {
                problems: n,
                scenario: scenario.path.clone(),
            },
        ));
    }
    let effects = rules.before_solve(&scenario)?;
    let model = scenario::to_model(&scenario, &effects);
    let solution = solve::solve(&model);
    // the effects' directives and traces move onto the plan (not copied: issue 13 N5)
    let mut plan = Plan::from_effects(&scenario.name, &scenario.as_of, &model, &solution, effects);
    plan.add_notices(&model);
    plan.add_cap_notices();
    plan.add_unit_types(&scenario);
    plan.add_stationed(&scenario);
    plan.add_input_notices(&scenario);
    let after = rules.after_solve(&scenario, &plan)?;
    plan.add_after_solve(after);
    plan.add_pace(&scenario);
    Ok(plan)
}
