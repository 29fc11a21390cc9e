//! Why a scenario cannot be met, as facts that the report puts into words.

use serde::Serialize;

use super::tolerance::{COUNT_TOLERANCE, EFFORT_TOLERANCE};

use crate::model::{MAX_TEAMS, Model, Scope, effort_for, outreach_installs};

/// One reason a scenario cannot be met.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "finding", rename_all = "snake_case")]
pub enum Finding {
    /// No team can be sent at all: every provincial kind has none available and no district
    /// has teams of a local kind, so nothing else a finding says can be acted on first.
    /// `provincial` and `local` are the kinds' names; `more` is how many teams of a provincial
    /// kind another finding asks for (the first such finding), when one does.
    NoTeams {
        provincial: Vec<String>,
        local: Vec<String>,
        more: Option<(String, u32)>,
    },
    /// Rules ask for more teams of a kind in a district than rules allow it (a local kind's own
    /// teams are checked when the rule runs; a provincial pool is [`Finding::PoolMinimums`]).
    BoundsConflict {
        district: String,
        kind: String,
        min: u32,
        max: u32,
        /// The rules (file stems) that set a minimum of this kind in the district; filled by
        /// the plan, which has the rules' trace (empty from the optimiser alone).
        rules: Vec<String>,
        /// The rules that set a maximum of this kind in the district (as above).
        capped_by: Vec<String>,
    },
    /// Rules' minimums on a provincial kind add up to more than its pool.
    PoolMinimums {
        kind: String,
        required: u32,
        available: u32,
        /// The rules that set a minimum of this kind in some district (as above).
        rules: Vec<String>,
    },
    /// A district cannot reach its floor even with every team it may get: its reachable pool
    /// is the limit (`pool_limited`), or the teams it may get (its own, or a rule's maximum).
    FloorPoolLimit {
        district: String,
        /// The district's own floor φ_d.
        floor: f64,
        best_rate: f64,
        teams: Vec<(String, u32)>,
        pool_limited: bool,
        /// The rate the whole reachable pool would give (with unlimited teams).
        pool_rate: f64,
        /// The rule (file stem) whose `min_rate` set the floor, where a rule's is above the
        /// scenario's `district_floor`; filled by the plan, which has the rules' trace (`None`
        /// from the optimiser alone, and where the floor is the scenario's).
        rule: Option<String>,
        /// The line of the rule's file where it calls `min_rate` (filled as `rule`).
        line: Option<usize>,
    },
    /// The district floors need more teams of a kind than there are. `exact`: with one team
    /// fewer the floors are proven out of reach (else `more` is "at most").
    FloorTeamsShort {
        kind: String,
        more: u32,
        exact: bool,
    },
    /// The provincial target cannot be reached with every team.
    TargetPoolLimit { target: f64, best_rate: f64 },
    /// The provincial target needs more teams of a kind (`exact` as above).
    TargetTeamsShort {
        kind: String,
        more: u32,
        exact: bool,
    },
    /// The budget is too small by this much (`exact`: with a đồng less it is proven short;
    /// the least budget is searched in steps of the team costs, so a step less is).
    /// `floors`: for the district floors and the rules' minimums (else for the provincial
    /// target). `minimums`: where the budget is below what the rules' minimum teams alone
    /// cost, what they ask and cost (the real cause, issue 13 family 8).
    BudgetShort {
        more: f64,
        exact: bool,
        /// The scenario's budget.
        budget: f64,
        floors: bool,
        #[serde(skip_serializing_if = "Option::is_none")]
        minimums: Option<Minimums>,
    },
    /// Neither more teams alone nor more budget alone would do: both are needed, this many
    /// teams of one provincial kind and this much budget. `floors`: for the district floors
    /// (else for the provincial target).
    TeamsAndBudgetShort {
        kind: String,
        more: u32,
        budget_more: f64,
        floors: bool,
        exact: bool,
    },
    /// No single kind of team would do: more teams of several kinds together, each the fewest
    /// found with the others added first. `floors` as above; never proven least (`exact`).
    KindsTogetherShort {
        teams: Vec<(String, u32)>,
        /// The budget to add as well, where a budget is set and those teams need more.
        budget_more: Option<f64>,
        floors: bool,
        exact: bool,
    },
}

/// The rules' minimum teams, where the budget cannot pay for them: each kind's teams (summed
/// over the districts), the districts that have any, what they cost over the campaign, and the
/// rules that set them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Minimums {
    /// Each kind with a minimum somewhere, and its minimums summed over the districts.
    pub teams: Vec<(String, u32)>,
    /// The districts with a minimum of some kind, in scenario order.
    pub districts: Vec<String>,
    /// What the minimums cost over the campaign: H · Σ c_k · min_teams.
    pub cost: f64,
    pub horizon_days: u32,
    /// The rules (file stems) that set a minimum of one of these kinds; filled by the plan,
    /// which has the rules' trace (empty from the optimiser alone).
    pub rules: Vec<String>,
}

/// The rules' minimums of `model`, when its budget cannot pay for them.
pub fn unaffordable_minimums(model: &Model) -> Option<Minimums> {
    let cost = minimums_cost(model);
    if super::tolerance::within_budget(model.budget, cost) {
        return None;
    }
    let teams = model
        .kinds
        .iter()
        .enumerate()
        .map(|(k, kind)| {
            let n = model.districts.iter().map(|d| d.bounds[k].min).sum::<u32>();
            (kind.name.clone(), n)
        })
        .filter(|(_, n)| *n > 0)
        .collect();
    let districts = model
        .districts
        .iter()
        .filter(|d| d.bounds.iter().any(|b| b.min > 0))
        .map(|d| d.name.clone())
        .collect();
    Some(Minimums {
        teams,
        districts,
        cost,
        horizon_days: model.horizon_days,
        rules: Vec::new(),
    })
}

/// What the optimiser can tell of a changed scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// A plan was found.
    Met,
    /// Proven out of reach (a bound below what is asked).
    Short,
    /// No plan found, none proven impossible.
    Unknown,
}

/// Why a scenario is infeasible: the findings, most telling first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnosis {
    pub findings: Vec<Finding>,
}

/// Whether no team of any kind can be sent anywhere: every provincial pool is empty and every
/// district's bound on each local kind is 0 (it has none of its own).
pub fn no_teams(model: &Model) -> bool {
    model
        .kinds
        .iter()
        .enumerate()
        .all(|(k, kind)| match kind.scope {
            Scope::Provincial => kind.available.unwrap_or(0) == 0,
            _ => model.districts.iter().all(|d| d.bounds[k].max == 0),
        })
}

/// The [`Finding::NoTeams`] for `model` (which has [`no_teams`]), before `findings`, its count
/// of teams taken from the first of them that asks for teams of a provincial kind.
pub fn with_no_teams(model: &Model, findings: Vec<Finding>) -> Vec<Finding> {
    let provincial = |kind: &str| {
        model
            .kinds
            .iter()
            .any(|k| k.name == kind && k.scope == Scope::Provincial)
    };
    let more = findings.iter().find_map(|f| match f {
        Finding::PoolMinimums {
            kind,
            required,
            available,
            ..
        } => Some((kind.clone(), required.saturating_sub(*available))),
        Finding::TargetTeamsShort { kind, more, .. }
        | Finding::FloorTeamsShort { kind, more, .. }
        | Finding::TeamsAndBudgetShort { kind, more, .. } => Some((kind.clone(), *more)),
        Finding::KindsTogetherShort { teams, .. } => teams.first().cloned(),
        _ => None,
    });
    let more = more.filter(|(kind, n)| *n > 0 && provincial(kind));
    let names = |scope: Scope| {
        model
            .kinds
            .iter()
            .filter(|k| (k.scope == Scope::Provincial) == (scope == Scope::Provincial))
            .map(|k| k.name.clone())
            .collect()
    };
    let mut all = vec![Finding::NoTeams {
        provincial: names(Scope::Provincial),
        local: names(Scope::Local),
        more,
    }];
    all.extend(findings);
    all
}

/// Conflicts in the bounds themselves: a district asked for more than it may have, pools too
/// small for the rules' minimums.
pub fn structural(model: &Model) -> Vec<Finding> {
    let mut findings = Vec::new();
    for d in &model.districts {
        for (k, b) in d.bounds.iter().enumerate() {
            // a provincial minimum above the whole pool is the pool's finding below, once for
            // every district; here only a rule's maximum below a rule's minimum
            let pool = model.kinds[k].available.unwrap_or(0);
            let pool_short = model.kinds[k].scope == Scope::Provincial && b.max >= pool;
            if b.min > b.max && !pool_short {
                findings.push(Finding::BoundsConflict {
                    district: d.name.clone(),
                    kind: model.kinds[k].name.clone(),
                    min: b.min,
                    max: b.max,
                    rules: Vec::new(),
                    capped_by: Vec::new(),
                });
            }
        }
    }
    for (k, kind) in model.kinds.iter().enumerate() {
        if kind.scope == Scope::Provincial {
            let required: u32 = model.districts.iter().map(|d| d.bounds[k].min).sum();
            let available = kind.available.unwrap_or(0);
            if required > available {
                findings.push(Finding::PoolMinimums {
                    kind: kind.name.clone(),
                    required,
                    available,
                    rules: Vec::new(),
                });
            }
        }
    }
    findings
}

/// What the rules' minimums cost. A budget below it is not a conflict of the bounds: the
/// budget the scenario needs (the minimums and the floors or target) is found as any other
/// budget finding, exactly enough.
pub fn minimums_cost(model: &Model) -> f64 {
    model
        .districts
        .iter()
        .flat_map(|d| d.bounds.iter().enumerate())
        .map(|(k, b)| model.cost_per_team(k) * f64::from(b.min))
        .sum()
}

/// Each district's own floor φ_d as least effort (0 without one), or the districts whose
/// reachable pool (or whose team bounds) cannot give their floor.
pub fn floor_efforts(model: &Model) -> Result<Vec<f64>, Vec<Finding>> {
    let mut efforts = Vec::with_capacity(model.districts.len());
    let mut findings = Vec::new();
    for (d, district) in model.districts.iter().enumerate() {
        let Some(floor) = district.floor else {
            efforts.push(0.0);
            continue;
        };
        let need = district.floor_installs() - district.base_installed();
        let hi: Vec<u32> = district.bounds.iter().map(|b| b.max).collect();
        let most = model.effort(d, &hi);
        let within =
            |e: f64| e <= most + EFFORT_TOLERANCE || more_provincial(model, d, e - most).is_some();
        // the floor as printed (its installs rounded reach it), where the district can give
        // that; else the floor itself, which the plan's notice then names (trial 13g K17)
        let printed = district.floor_installs_as_printed() - district.base_installed();
        if let Some(e) = effort_for(district.pool, printed).filter(|&e| within(e)) {
            efforts.push(e);
            continue;
        }
        match effort_for(district.pool, need) {
            Some(e) if within(e) => efforts.push(e),
            limit => {
                let best = district.base_installed() + outreach_installs(district.pool, most);
                findings.push(Finding::FloorPoolLimit {
                    district: district.name.clone(),
                    floor,
                    best_rate: best / district.smartphones as f64,
                    teams: model
                        .kinds
                        .iter()
                        .zip(&hi)
                        .filter(|(_, t)| **t > 0)
                        .map(|(k, &t)| (k.name.clone(), t))
                        .collect(),
                    pool_limited: limit.is_none(),
                    pool_rate: (district.base_installed() + district.pool)
                        / district.smartphones as f64,
                    rule: None,
                    line: None,
                });
            }
        }
    }
    if findings.is_empty() {
        Ok(efforts)
    } else {
        Err(findings)
    }
}

/// More teams of a provincial kind whose bound is its whole pool would give `missing` effort
/// in district `d`: that kind and how many.
fn more_provincial(model: &Model, d: usize, missing: f64) -> Option<(usize, u32)> {
    let district = &model.districts[d];
    (0..model.kinds.len())
        .filter(|&k| {
            model.kinds[k].scope == Scope::Provincial
                && district.bounds[k].max == model.kinds[k].available.unwrap_or(0)
        })
        .map(|k| {
            (
                k,
                (missing / model.effort_per_team(d, k) - COUNT_TOLERANCE)
                    .ceil()
                    .max(1.0) as u32,
            )
        })
        .min_by_key(|&(_, n)| n)
}

/// Why the floors (as least efforts) cannot all be met with the pools and budget: the fewest
/// extra teams of one provincial kind that would do, or the budget missing.
pub fn floors_short(model: &Model, efforts: &[f64]) -> Vec<Finding> {
    let kept = std::cell::RefCell::default();
    let verdict = |m: &Model| super::floors_verdict(m, efforts, &kept);
    short_of(model, &verdict, true)
}

/// What is missing for the scenario to be met, each finding a fix on its own: the fewest extra
/// teams of one provincial kind (within the budget), and the extra budget (with the teams
/// there are); each exact when one less is proven short. `floors` picks the wording.
pub fn short_of(model: &Model, verdict: &dyn Fn(&Model) -> Verdict, floors: bool) -> Vec<Finding> {
    let mut best: Option<(u32, bool, usize)> = None;
    let minimums = minimums_cost(model);
    for (k, kind) in model.kinds.iter().enumerate() {
        // more teams of a kind help only if the budget pays for one beyond the minimums
        let affordable =
            super::tolerance::within_budget(model.budget, minimums + model.cost_per_team(k));
        if kind.scope != Scope::Provincial || !affordable {
            continue;
        }
        if let Some((more, exact)) = smallest_increase(model, k, verdict)
            && best.is_none_or(|(m, _, _)| more < m)
        {
            best = Some((more, exact, k));
        }
    }
    let mut findings = Vec::new();
    if let Some((more, exact, k)) = best {
        let kind = model.kinds[k].name.clone();
        findings.push(if floors {
            Finding::FloorTeamsShort { kind, more, exact }
        } else {
            Finding::TargetTeamsShort { kind, more, exact }
        });
    }
    if let Some(budget) = model.budget {
        let mut unlimited = model.clone();
        unlimited.budget = None;
        if verdict(&unlimited) == Verdict::Met {
            let (least, exact) = least_budget(model, verdict);
            findings.push(Finding::BudgetShort {
                more: least - budget,
                exact,
                budget,
                floors,
                minimums: unaffordable_minimums(model),
            });
        } else if findings.is_empty() {
            // no single fix: the fewest extra teams with an unlimited budget, then the budget
            // those teams need
            let mut both: Option<(u32, bool, usize)> = None;
            for (k, kind) in model.kinds.iter().enumerate() {
                if kind.scope != Scope::Provincial {
                    continue;
                }
                if let Some((more, exact)) = smallest_increase(&unlimited, k, verdict)
                    && both.is_none_or(|(m, _, _)| more < m)
                {
                    both = Some((more, exact, k));
                }
            }
            if let Some((more, teams_exact, k)) = both {
                let with_teams = with_more_teams(model, k, more);
                let (least, budget_exact) = least_budget(&with_teams, verdict);
                findings.push(Finding::TeamsAndBudgetShort {
                    kind: model.kinds[k].name.clone(),
                    more,
                    budget_more: least - budget,
                    floors,
                    exact: teams_exact && budget_exact,
                });
            }
        }
    }
    if findings.is_empty() {
        // several kinds at once, with an unlimited budget, then the budget those teams need
        let mut unlimited = model.clone();
        unlimited.budget = None;
        if let Some(extra) = kinds_together(&unlimited, verdict) {
            let mut with_teams = model.clone();
            for (k, &n) in extra.iter().enumerate() {
                if n > 0 {
                    with_teams = with_more_teams(&with_teams, k, n);
                }
            }
            let budget_more = model
                .budget
                .map(|b| least_budget(&with_teams, verdict).0 - b)
                .filter(|&more| more > 0.0);
            findings.push(Finding::KindsTogetherShort {
                teams: extra
                    .iter()
                    .enumerate()
                    .filter(|(_, n)| **n > 0)
                    .map(|(k, &n)| (model.kinds[k].name.clone(), n))
                    .collect(),
                budget_more,
                floors,
                exact: false,
            });
        }
    }
    findings
}

/// Where no one kind of team is enough: every provincial pool raised by as many teams as it
/// takes, each kind's extra then cut to the fewest that still works with the others'.
fn kinds_together(model: &Model, verdict: &dyn Fn(&Model) -> Verdict) -> Option<Vec<u32>> {
    let pools: Vec<usize> = (0..model.kinds.len())
        .filter(|&k| model.kinds[k].scope == Scope::Provincial)
        .collect();
    let mut extra: Vec<u32> = vec![0; model.kinds.len()];
    let with = |extra: &[u32]| {
        let mut m = model.clone();
        for &k in &pools {
            m = with_more_teams(&m, k, extra[k]);
        }
        m
    };
    // enough of every kind at once: doubling, each pool within MAX_TEAMS
    let most = pools
        .iter()
        .map(|&k| MAX_TEAMS.saturating_sub(model.kinds[k].available.unwrap_or(0)))
        .min()
        .unwrap_or(0);
    if most == 0 {
        return None;
    }
    let mut all = 1u32;
    loop {
        for &k in &pools {
            extra[k] = all;
        }
        if verdict(&with(&extra)) == Verdict::Met {
            break;
        }
        if all >= most {
            return None;
        }
        all = (all * 2).min(most);
    }
    for &k in &pools {
        let (mut lo, mut hi) = (0u32, extra[k]);
        while hi - lo > 0 {
            let mid = lo + (hi - lo) / 2;
            extra[k] = mid;
            if verdict(&with(&extra)) == Verdict::Met {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        extra[k] = hi;
    }
    Some(extra)
}

/// What every team the bounds and the pools allow would cost.
fn most_cost(model: &Model) -> f64 {
    (0..model.kinds.len())
        .map(|k| {
            let bounds: u64 = model
                .districts
                .iter()
                .map(|d| u64::from(d.bounds[k].max))
                .sum();
            let teams = model.kinds[k]
                .available
                .map_or(bounds, |a| bounds.min(u64::from(a)));
            model.cost_per_team(k) * teams as f64
        })
        .sum()
}

/// The step between the costs plans can have: the greatest common divisor of the kinds' costs
/// per team over the campaign when they are whole đồng (2.100.000 đ for Lạng Sơn's), else one
/// đồng.
pub fn cost_step(model: &Model) -> f64 {
    let whole = |c: f64| (0.0..9e15).contains(&c) && c.fract() == 0.0;
    let costs: Vec<f64> = (0..model.kinds.len())
        .map(|k| model.cost_per_team(k))
        .collect();
    if !costs.iter().all(|&c| whole(c)) {
        return 1.0;
    }
    let gcd = |mut a: u64, mut b: u64| {
        while b != 0 {
            (a, b) = (b, a % b);
        }
        a
    };
    let step = costs.iter().fold(0u64, |g, &c| gcd(g, c as u64));
    if step == 0 { 1.0 } else { step as f64 }
}

/// The least budget with which the scenario is met (it must be with an unlimited budget): the
/// cost of some plan, so a whole number of [`cost_step`]s; and whether one step less (so any
/// budget below it) is proven short.
fn least_budget(model: &Model, verdict: &dyn Fn(&Model) -> Verdict) -> (f64, bool) {
    let budget = model.budget.unwrap_or(0.0);
    let with = |b: f64| {
        let mut m = model.clone();
        m.budget = Some(b);
        verdict(&m)
    };
    let first = with(budget);
    if first == Verdict::Met {
        return (budget, true);
    }
    // Every plan costs a whole number of steps, so the least budget that works is one: the
    // search is over steps, and one step less is the budget just below it.
    let step = cost_step(model);
    let at = |m: f64| with(m * step);
    // `lo` steps do not work (`lo_short`: proven so); `hi` steps do
    let (mut lo, mut lo_short) = ((budget / step).floor(), first == Verdict::Short);
    // a budget that pays for every team the bounds and pools allow never binds: there the
    // scenario is met as it is with no budget (which the caller has found)
    let never_binds = (most_cost(model) / step).ceil().max(lo + 1.0);
    let mut hi = (2.0 * lo).max(lo + 1.0).min(never_binds);
    while hi < never_binds {
        match at(hi) {
            Verdict::Met => break,
            v => (lo, lo_short, hi) = (hi, v == Verdict::Short, (2.0 * hi).min(never_binds)),
        }
    }
    while hi - lo > 1.0 {
        let mid = (0.5 * (lo + hi)).floor();
        match at(mid) {
            Verdict::Met => hi = mid,
            v => (lo, lo_short) = (mid, v == Verdict::Short),
        }
    }
    (hi * step, lo_short)
}

/// `model` with `extra` more teams in the pool of kind `k` (and in every district's bound that
/// was the whole pool).
fn with_more_teams(model: &Model, k: usize, extra: u32) -> Model {
    let available = model.kinds[k].available.unwrap_or(0);
    let mut m = model.clone();
    m.kinds[k].available = Some(available + extra);
    for d in &mut m.districts {
        if d.bounds[k].max == available {
            d.bounds[k].max = available + extra;
        }
    }
    m
}

/// The fewest extra teams in the pool of kind `k` (and in every district's bound of it) with
/// which the scenario is met, the pool within [`MAX_TEAMS`], and whether one fewer is proven short; `None`
/// when even that many do not do.
fn smallest_increase(
    model: &Model,
    k: usize,
    verdict: &dyn Fn(&Model) -> Verdict,
) -> Option<(u32, bool)> {
    let with = |extra: u32| verdict(&with_more_teams(model, k, extra));
    // a pool of more than MAX_TEAMS is not a scenario the tool accepts: no finding asks for one
    let most = MAX_TEAMS.saturating_sub(model.kinds[k].available.unwrap_or(0));
    if most == 0 {
        return None;
    }
    // the whole range first: where even the largest pool does not do (the usual case for all
    // kinds but one), one question instead of seventeen
    if most > 1 && with(most) == Verdict::Short {
        return None;
    }
    let mut hi = 1u32;
    while with(hi) != Verdict::Met {
        if hi >= most {
            return None;
        }
        hi = (hi * 2).min(most);
    }
    let mut lo = hi / 2; // not met (or 0: the scenario as it is, not met)
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if with(mid) == Verdict::Met {
            hi = mid
        } else {
            lo = mid
        }
    }
    Some((hi, with(hi - 1) == Verdict::Short))
}
