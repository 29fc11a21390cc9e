//! From a scenario and what its rules set to the model (MODEL.md § "Quantities"; the district
//! floor φ_d of docs/model.md § 8).

use std::collections::BTreeMap;

use super::{DistrictInput, Scenario};
use crate::effects::Effects;
use crate::model::{Bounds, District, Model, Scope};

/// Builds the model: mandated and fixed installs (capped), pools, bounds and productivity.
/// `effects[d]` is what the rules set for `scenario.districts[d]`.
pub fn to_model(scenario: &Scenario, effects: &[Effects]) -> Model {
    let districts = scenario
        .districts
        .iter()
        .zip(effects)
        .map(|(input, fx)| district(scenario, input, fx))
        .collect();
    Model {
        horizon_days: scenario.horizon_days,
        objective: scenario.objective,
        reachable_share: scenario.reachable_share,
        target_rate: scenario.target_rate,
        district_floor: scenario.district_floor,
        budget: scenario.budget,
        kinds: scenario.team_kinds.clone(),
        districts,
    }
}

/// M_d for the mandates of one district; a cohort mandated twice counts once, at the larger share.
pub fn mandated_installs(input: &DistrictInput, fx: &Effects) -> f64 {
    let mut share_by_cohort: BTreeMap<&str, f64> = BTreeMap::new();
    for m in &fx.mandates {
        let share = share_by_cohort.entry(m.cohort.as_str()).or_insert(0.0);
        *share = share.max(m.share);
    }
    let s = input.smartphones;
    let uninstalled_share = 1.0 - input.installed as f64 / s as f64;
    let wanted: f64 = share_by_cohort
        .iter()
        .map(|(cohort, q)| {
            let n = input.cohorts.get(*cohort).copied().unwrap_or(0).min(s);
            q * n as f64 * uninstalled_share
        })
        .sum();
    wanted.min((s - input.installed) as f64)
}

fn district(scenario: &Scenario, input: &DistrictInput, fx: &Effects) -> District {
    let room = (input.smartphones - input.installed) as f64;
    let mandated = mandated_installs(input, fx);
    // (+ 0.0 turns the −0.0 of an empty sum into 0.0 for the printed plan)
    let fixed = fx
        .fixed
        .iter()
        .map(|f| f.installs)
        .sum::<f64>()
        .min(room - mandated)
        .max(0.0)
        + 0.0;
    let pool = scenario.reachable_share * (room - mandated - fixed).max(0.0);
    let mut bounds = Vec::with_capacity(scenario.team_kinds.len());
    let mut productivity = Vec::with_capacity(scenario.team_kinds.len());
    for kind in &scenario.team_kinds {
        let cap = match kind.scope {
            Scope::Local => input.teams.get(&kind.name).copied().unwrap_or(0),
            Scope::Provincial => kind.available.unwrap_or(0),
        };
        let max = fx.max_teams.get(&kind.name).map_or(cap, |&m| m.min(cap));
        let min = fx.min_teams.get(&kind.name).copied().unwrap_or(0);
        bounds.push(Bounds { min, max });
        productivity.push(fx.productivity.get(&kind.name).copied().unwrap_or(1.0));
    }
    District {
        name: input.name.clone(),
        smartphones: input.smartphones,
        installed: input.installed,
        mandated_installs: mandated,
        fixed_installs: fixed,
        pool,
        bounds,
        productivity,
        floor: district_floor(scenario.district_floor, fx.min_rate),
    }
}

/// φ_d = max(φ, min_rate_d), where either is set (an unset one counts as 0).
pub fn district_floor(scenario_floor: Option<f64>, min_rate: Option<f64>) -> Option<f64> {
    match (scenario_floor, min_rate) {
        (None, None) => None,
        (a, b) => Some(a.unwrap_or(0.0).max(b.unwrap_or(0.0))),
    }
}

#[cfg(test)]
mod tests {
    use super::district_floor;

    #[test]
    fn a_district_floor_is_the_larger_of_the_scenarios_and_the_rules() {
        assert_eq!(district_floor(None, None), None);
        assert_eq!(district_floor(Some(0.30), None), Some(0.30));
        assert_eq!(district_floor(None, Some(0.35)), Some(0.35));
        assert_eq!(district_floor(Some(0.30), Some(0.35)), Some(0.35));
        assert_eq!(district_floor(Some(0.30), Some(0.20)), Some(0.30));
    }
}
