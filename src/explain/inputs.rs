//! A district's inputs (MODEL.md § "Quantities") and where each comes from: the scenario's data,
//! or the rule that set it, read from the district's trace.

use crate::effects::{Phase, TraceAction};
use crate::model::{District, Model, Scope, TeamKind};
use crate::plan::DistrictPlan;
use crate::scenario::{DistrictInput, Scenario};
use crate::solve::INSTALLS_TOLERANCE;
use crate::text::Text;

/// What the district starts from.
#[derive(Debug, Clone, PartialEq)]
pub struct Inputs {
    /// S_d
    pub smartphones: u64,
    /// I_d
    pub installed: u64,
    /// rate0_d = I_d / S_d
    pub rate: f64,
    /// Cohort head counts, by name (sorted).
    pub cohorts: Vec<(String, u64)>,
    /// L_{d,k} for each local kind, in scenario order.
    pub local_teams: Vec<(String, u32)>,
    /// M_d (capped).
    pub mandated_installs: f64,
    pub mandates: Vec<MandateSource>,
    /// The mandates asked for more than the smartphones without the app: M_d was capped.
    pub mandated_capped: bool,
    /// A_d (capped).
    pub fixed_installs: f64,
    pub fixed: Vec<FixedSource>,
    /// The rules added more than there was room for: A_d was capped.
    pub fixed_capped: bool,
    /// ρ
    pub reachable_share: f64,
    /// P_d = ρ · (S_d − I_d − M_d − A_d)
    pub pool: f64,
    /// φ_d, the district's floor.
    pub floor: Option<f64>,
    /// The rule whose `min_rate` sets the floor; `None` when it is the scenario's
    /// `district_floor` (or there is no floor).
    pub floor_rule: Option<String>,
    /// Bounds per kind, in scenario order.
    pub bounds: Vec<KindBounds>,
}

/// One `mandate` of a rule, with the installs it brings: q · min(n, S) · (1 − rate0).
#[derive(Debug, Clone, PartialEq)]
pub struct MandateSource {
    pub rule: String,
    pub cohort: String,
    /// q_c
    pub share: f64,
    /// n_c, the cohort's head count in the district.
    pub people: u64,
    pub installs: f64,
    /// False when the cohort is mandated again at a larger (or the same, earlier) share: a
    /// cohort counts once, at its largest share.
    pub counted: bool,
}

/// One `add_installs` of a rule.
#[derive(Debug, Clone, PartialEq)]
pub struct FixedSource {
    pub rule: String,
    pub installs: f64,
    pub reason: Text,
}

/// The bounds on one kind in the district, and who set them.
#[derive(Debug, Clone, PartialEq)]
pub struct KindBounds {
    /// lo_{d,k}
    pub min: u32,
    /// The rule whose `min_teams` sets it (the first with the largest value); `None` for 0.
    pub min_rule: Option<String>,
    /// hi_{d,k}
    pub max: u32,
    pub max_source: BoundSource,
    /// m_{d,k}
    pub productivity: f64,
    /// The last rule that set the multiplier; `None` when it is the default 1.
    pub productivity_rule: Option<String>,
}

/// Where an upper bound comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum BoundSource {
    /// The district's own teams of a local kind, L_{d,k}.
    LocalTeams,
    /// The provincial pool N_k.
    ProvincialPool,
    /// A rule's `max_teams`, below the teams there are.
    Rule(String),
}

/// The inputs of district `d` (`district` is its plan).
pub fn of(scenario: &Scenario, model: &Model, district: &DistrictPlan, d: usize) -> Inputs {
    let input = scenario.districts.get(d);
    let cohorts: Vec<(String, u64)> = input
        .map(|i| i.cohorts.iter().map(|(c, n)| (c.clone(), *n)).collect())
        .unwrap_or_default();
    let local_teams = model
        .kinds
        .iter()
        .filter(|k| k.scope == Scope::Local)
        .map(|k| {
            let n = input.and_then(|i| i.teams.get(&k.name)).copied();
            (k.name.clone(), n.unwrap_or(0))
        })
        .collect();
    let before: Vec<(&str, &TraceAction)> = district
        .trace
        .iter()
        .filter(|e| e.phase == Phase::BeforeSolve)
        .flat_map(|e| e.set.iter().map(move |a| (e.rule.as_str(), a)))
        .collect();

    let m = &model.districts[d];
    let mandates = mandate_sources(m, &cohorts, &before);
    let wanted: f64 = mandates
        .iter()
        .filter(|x| x.counted)
        .map(|x| x.installs)
        .sum();
    let fixed = fixed_sources(&before);
    let asked: f64 = fixed.iter().map(|f| f.installs).sum();
    let bounds = model
        .kinds
        .iter()
        .enumerate()
        .map(|(k, kind)| kind_bounds(m, input, &before, k, kind))
        .collect();

    Inputs {
        smartphones: m.smartphones,
        installed: m.installed,
        rate: m.rate(),
        cohorts,
        local_teams,
        mandated_installs: m.mandated_installs,
        mandates,
        mandated_capped: wanted > m.mandated_installs + INSTALLS_TOLERANCE,
        fixed_installs: m.fixed_installs,
        fixed,
        fixed_capped: asked > m.fixed_installs + INSTALLS_TOLERANCE,
        reachable_share: model.reachable_share,
        pool: m.pool,
        floor: m.floor,
        floor_rule: floor_rule(model, m, &before),
        bounds,
    }
}

/// The cohorts rules mandated in district `m` before the solve (`before`: each action with
/// its rule), with the installs each asks for; a cohort mandated twice is counted once, at the
/// larger share (scenario::to_model), and the others are marked not counted.
fn mandate_sources(
    m: &District,
    cohorts: &[(String, u64)],
    before: &[(&str, &TraceAction)],
) -> Vec<MandateSource> {
    let uninstalled_share = 1.0 - m.rate();
    let people = |cohort: &str| -> u64 {
        let n = cohorts
            .iter()
            .find(|(c, _)| c == cohort)
            .map_or(0, |(_, n)| *n);
        n.min(m.smartphones)
    };
    let mut mandates: Vec<MandateSource> = before
        .iter()
        .filter_map(|(rule, action)| match action {
            TraceAction::Mandate { cohort, share } => Some(MandateSource {
                rule: rule.to_string(),
                cohort: cohort.clone(),
                share: *share,
                people: people(cohort),
                installs: share * people(cohort) as f64 * uninstalled_share,
                counted: false,
            }),
            _ => None,
        })
        .collect();
    // a cohort mandated twice counts once, at the larger share (scenario::to_model)
    for i in 0..mandates.len() {
        let best = mandates
            .iter()
            .filter(|x| x.cohort == mandates[i].cohort)
            .map(|x| x.share)
            .fold(f64::NEG_INFINITY, f64::max);
        let first = mandates
            .iter()
            .position(|x| x.cohort == mandates[i].cohort && x.share == best);
        mandates[i].counted = first == Some(i);
    }
    mandates
}

/// The installs rules added to the district before the solve, each with its rule and reason.
fn fixed_sources(before: &[(&str, &TraceAction)]) -> Vec<FixedSource> {
    before
        .iter()
        .filter_map(|(rule, action)| match action {
            TraceAction::AddInstalls { installs, reason } => Some(FixedSource {
                rule: rule.to_string(),
                installs: *installs,
                reason: reason.clone(),
            }),
            _ => None,
        })
        .collect()
}

/// The rule whose `min_rate` set district `m`'s floor, when a rule's is above the scenario's.
fn floor_rule(model: &Model, m: &District, before: &[(&str, &TraceAction)]) -> Option<String> {
    let min_rate = before
        .iter()
        .filter_map(|(rule, action)| match action {
            TraceAction::MinRate { value, .. } => Some((*rule, *value)),
            _ => None,
        })
        .fold(None::<(&str, f64)>, |best, (rule, v)| match best {
            Some((_, b)) if b >= v => best,
            _ => Some((rule, v)),
        });
    match (m.floor, min_rate) {
        (Some(_), Some((rule, v))) if v > model.district_floor.unwrap_or(0.0) => {
            Some(rule.to_string())
        }
        _ => None,
    }
}

/// Kind `k`'s bounds in district `m`, each with where it comes from: the rule that set it (the
/// trace `before` the solve), the district's own teams or the province's pool.
fn kind_bounds(
    m: &District,
    input: Option<&DistrictInput>,
    before: &[(&str, &TraceAction)],
    k: usize,
    kind: &TeamKind,
) -> KindBounds {
    let b = m.bounds[k];
    let min_rule = (b.min > 0)
        .then(|| {
            before.iter().find_map(|(rule, a)| match a {
                TraceAction::MinTeams { kind: n, value } if *n == kind.name && *value == b.min => {
                    Some(rule.to_string())
                }
                _ => None,
            })
        })
        .flatten();
    let cap = match kind.scope {
        Scope::Local => input
            .and_then(|i| i.teams.get(&kind.name))
            .copied()
            .unwrap_or(0),
        Scope::Provincial => kind.available.unwrap_or(0),
    };
    let max_rule = before.iter().find_map(|(rule, a)| match a {
        TraceAction::MaxTeams { kind: n, value } if *n == kind.name && *value == b.max => {
            Some(rule.to_string())
        }
        _ => None,
    });
    let max_source = match max_rule {
        Some(rule) if b.max < cap => BoundSource::Rule(rule),
        _ => match kind.scope {
            Scope::Local => BoundSource::LocalTeams,
            Scope::Provincial => BoundSource::ProvincialPool,
        },
    };
    let productivity_rule = before.iter().rev().find_map(|(rule, a)| match a {
        TraceAction::SetProductivity { kind: n, .. } if *n == kind.name => Some(rule.to_string()),
        _ => None,
    });
    KindBounds {
        min: b.min,
        min_rule,
        max: b.max,
        max_source,
        productivity: m.productivity[k],
        productivity_rule,
    }
}
