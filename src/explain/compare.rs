//! The district against the rest of the province, for the plan's objective (MODEL.md
//! § "Objectives"): what one team moved between it and another district would do, the price of
//! an install here and elsewhere (`min-cost`), and whether it holds the lowest rate
//! (`max-min-rate`). Every figure is the exact curve at the plan's allocation, all else equal.

use super::team::{
    Placed, RATE_TIE, affordable, assigned, gain, keep_rate, least_useful, loss, may_give, placed,
    rate, removable,
};
use crate::model::{Allocation, Model, Objective, Scope, outreach_installs};
use crate::solve::Status;

/// The pool is found to this share of itself: far below one install of difference.
const POOL_RESOLUTION: f64 = 1e-9;

/// A pool larger than any province's smartphones many times over: no pool beyond it is sought.
const LARGEST_POOL: f64 = 1e15;

/// The comparison for the plan's objective.
#[derive(Debug, Clone, PartialEq)]
pub enum Comparison {
    /// `max-installs`, and any plan of a scenario that cannot be met (that plan has the most
    /// installs the teams allow): one team of a provincial kind moved between districts.
    Installs { exchanges: Vec<Exchange> },
    /// `min-cost`: the price of installs here and elsewhere.
    MinCost(CostView),
    /// `max-min-rate`: the lowest rate, and the installs of the teams beyond it.
    MaxMinRate {
        /// On the exact rates (JSON).
        equity: Equity,
        /// The same on the rates as printed (the installs rounded as the plan's table prints
        /// them, over the smartphones), for the human outputs (issue 13 item 10).
        printed: Equity,
        exchanges: Vec<Exchange>,
    },
}

/// One team of provincial kind `kind` moved into or out of the district.
#[derive(Debug, Clone, PartialEq)]
pub struct Exchange {
    pub kind: usize,
    pub available: u32,
    pub assigned: u32,
    pub one_more_here: f64,
    /// The district's bounds allow one more.
    pub can_take: bool,
    /// The team elsewhere whose loss costs the fewest installs (among those that may go).
    pub least_useful: Option<Placed>,
    pub one_fewer_here: Option<f64>,
    /// The district's bounds (and floor) allow one fewer.
    pub can_give: bool,
    /// The district elsewhere where one more team brings the most installs (among those whose
    /// bounds allow it).
    pub most_useful: Option<Placed>,
    /// The reachable pool here above which one more team here brings more than
    /// `least_useful` (`None` when no pool would be enough).
    pub pool_to_gain: Option<f64>,
    /// The reachable pool here below which the last team here brings less than
    /// `most_useful` would.
    pub pool_to_lose: Option<f64>,
}

/// `min-cost`: installs and what they cost.
#[derive(Debug, Clone, PartialEq)]
pub struct CostView {
    /// Every kind is free: the plan counts teams, not đồng.
    pub all_free: bool,
    pub target_rate: f64,
    /// τ · ΣS
    pub target_installs: f64,
    pub projected_installed: f64,
    /// The same as the reports print it: the sum of the districts' figures, each rounded.
    pub projected_printed: f64,
    /// The team elsewhere that buys its installs at the highest price (cost per install lost
    /// without it), among those that may go.
    pub dearest_kept: Option<Priced>,
    /// The team elsewhere, not in the plan, that would buy installs at the lowest price, among
    /// those that bounds, pools and budget allow.
    pub cheapest_left: Option<Priced>,
}

/// A team and the installs it brings, for a price: `cost / installs`.
#[derive(Debug, Clone, PartialEq)]
pub struct Priced {
    pub district: usize,
    pub name: String,
    pub kind: usize,
    pub installs: f64,
    /// H · c_k, or 1 (one team) when every kind is free.
    pub cost: f64,
}

impl Priced {
    /// Cost per install.
    pub fn price(&self) -> f64 {
        self.cost / self.installs
    }
}

/// `max-min-rate`: the lowest rate and this district's place.
#[derive(Debug, Clone, PartialEq)]
pub struct Equity {
    /// The district with the lowest projected rate (the first, on a tie).
    pub lowest: usize,
    pub lowest_name: String,
    pub lowest_rate: f64,
    pub rate_here: f64,
    pub is_lowest: bool,
    /// Other districts at the same lowest rate.
    pub tied: Vec<String>,
    /// The lowest district other than this one, and its rate.
    pub lowest_other: Option<(String, f64)>,
    /// Per team kind (scenario order): one team more or fewer here, and the lowest rate then.
    pub moves: Vec<RateMove>,
}

/// One team of a kind more or fewer in the district, in rates.
#[derive(Debug, Clone, PartialEq)]
pub struct RateMove {
    pub kind: usize,
    /// The district's rate with one more team (whether or not one can come).
    pub rate_with_one_more: f64,
    /// Where one more would come from, for a provincial kind whose pool is all assigned: the
    /// district that may give one and leaves the highest lowest rate; `None` when it would
    /// come from the pool (or the district's own teams), or no district may give one.
    pub from: Option<String>,
    /// Whether a team can come at all (bounds here, and a pool or a district that may give).
    pub possible: bool,
    /// The lowest rate of the province after that move.
    pub lowest_after_more: f64,
    /// The district's rate with one team fewer (`None` without a team).
    pub rate_with_one_fewer: Option<f64>,
    /// The lowest rate of the province then.
    pub lowest_after_fewer: Option<f64>,
}

/// The comparison for district `d`.
pub fn of(model: &Model, teams: &Allocation, status: Status, d: usize) -> Comparison {
    let objective = if status == Status::Infeasible {
        Objective::MaxInstalls
    } else {
        model.objective
    };
    match objective {
        Objective::MaxInstalls => Comparison::Installs {
            exchanges: exchanges(model, teams, status, d, None),
        },
        Objective::MinCost => Comparison::MinCost(cost_view(model, teams, status, d)),
        Objective::MaxMinRate => Comparison::MaxMinRate {
            // A team may only leave a district that stays at or above the lowest rate.
            exchanges: exchanges(model, teams, status, d, keep_rate(model, teams, status)),
            equity: equity(model, teams, status, d, Stated::Exact),
            printed: equity(model, teams, status, d, Stated::AsPrinted),
        },
    }
}

/// One exchange per provincial kind. With `keep_rate`, a team may only leave a district whose
/// rate stays at or above it.
fn exchanges(
    model: &Model,
    teams: &Allocation,
    status: Status,
    d: usize,
    keep_rate: Option<f64>,
) -> Vec<Exchange> {
    let mut out = Vec::new();
    for (k, kind) in model.kinds.iter().enumerate() {
        if kind.scope != Scope::Provincial {
            continue;
        }
        let least_useful = least_useful(model, teams, status, d, k, keep_rate);
        let mut most_useful: Option<Placed> = None;
        for i in (0..model.districts.len()).filter(|&i| i != d) {
            if teams[i][k] < model.districts[i].bounds[k].max {
                let g = gain(model, teams, i, k);
                if most_useful.as_ref().is_none_or(|p| g > p.installs) {
                    most_useful = Some(placed(model, teams, i, k, g));
                }
            }
        }
        let e = model.effort(d, &teams[d]);
        let w = model.effort_per_team(d, k);
        let one_fewer_here = loss(model, teams, d, k);
        let pool_to_gain = least_useful
            .as_ref()
            .and_then(|p| pool_where(e, e + w, p.installs));
        let pool_to_lose = match (&most_useful, one_fewer_here) {
            (Some(p), Some(_)) => pool_where((e - w).max(0.0), e, p.installs),
            _ => None,
        };
        out.push(Exchange {
            kind: k,
            available: kind.available.unwrap_or(0),
            assigned: assigned(teams, k),
            one_more_here: gain(model, teams, d, k),
            can_take: teams[d][k] < model.districts[d].bounds[k].max,
            least_useful,
            one_fewer_here,
            can_give: may_give(model, teams, status, d, k, keep_rate).is_some(),
            most_useful,
            pool_to_gain,
            pool_to_lose,
        });
    }
    out
}

/// The pool P at which G_P(to) − G_P(from) equals `installs`. That difference grows with P
/// (from 0 towards `to − from`), so above P it is larger and below P smaller; `None` when no
/// pool gives that many.
pub fn pool_where(from: f64, to: f64, installs: f64) -> Option<f64> {
    let between = |pool: f64| outreach_installs(pool, to) - outreach_installs(pool, from);
    if installs <= 0.0 {
        return Some(0.0);
    }
    if installs >= to - from {
        return None;
    }
    let mut hi = to.max(1.0);
    while between(hi) < installs {
        hi *= 2.0;
        if hi > LARGEST_POOL {
            return None;
        }
    }
    let mut lo = 0.0;
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if between(mid) < installs {
            lo = mid;
        } else {
            hi = mid;
        }
        if hi - lo <= POOL_RESOLUTION * hi {
            break;
        }
    }
    Some(hi)
}

fn cost_view(model: &Model, teams: &Allocation, status: Status, d: usize) -> CostView {
    let all_free = model.all_free();
    let unit = |k: usize| {
        if all_free {
            1.0
        } else {
            model.cost_per_team(k)
        }
    };
    let mut dearest_kept: Option<Priced> = None;
    let mut cheapest_left: Option<Priced> = None;
    for i in (0..model.districts.len()).filter(|&i| i != d) {
        for (k, kind) in model.kinds.iter().enumerate() {
            let priced = |installs: f64| Priced {
                district: i,
                name: model.districts[i].name.clone(),
                kind: k,
                installs,
                cost: unit(k),
            };
            if removable(model, teams, status, i, k)
                && let Some(lost) = loss(model, teams, i, k)
                && lost > 0.0
            {
                let p = priced(lost);
                if dearest_kept
                    .as_ref()
                    .is_none_or(|best| p.price() > best.price())
                {
                    dearest_kept = Some(p);
                }
            }
            let pool_room = match kind.scope {
                Scope::Local => true,
                Scope::Provincial => assigned(teams, k) < kind.available.unwrap_or(0),
            };
            if teams[i][k] < model.districts[i].bounds[k].max
                && pool_room
                && affordable(model, teams, k)
            {
                let g = gain(model, teams, i, k);
                if g > 0.0 {
                    let p = priced(g);
                    if cheapest_left
                        .as_ref()
                        .is_none_or(|best| p.price() < best.price())
                    {
                        cheapest_left = Some(p);
                    }
                }
            }
        }
    }
    CostView {
        all_free,
        target_rate: model.target_rate,
        target_installs: model.target_rate * model.total_smartphones() as f64,
        projected_installed: (0..model.districts.len())
            .map(|i| model.projected_installed(i, &teams[i]))
            .sum(),
        projected_printed: (0..model.districts.len())
            .map(|i| model.projected_installed(i, &teams[i]).round())
            .sum(),
        dearest_kept,
        cheapest_left,
    }
}

/// How the rates of [`Equity`] are stated: exact (JSON), or from the installs as the human
/// reports print them, rounded to a whole install (docs/model.md § 12 "Rates as printed").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stated {
    Exact,
    AsPrinted,
}

impl Stated {
    /// The rate of `installs` in a district of `smartphones`.
    fn rate(self, installs: f64, smartphones: u64) -> f64 {
        match self {
            Stated::Exact => installs / smartphones as f64,
            Stated::AsPrinted => crate::number::rate_as_printed(installs, smartphones),
        }
    }
}

/// The lowest rate and district `d`'s place, every rate `stated`: the lowest district, the
/// ties and the rise or fall are judged on the rates as stated, so that a printed rate and
/// what is said of it agree; where a team would come from is the plan's own choice, made on
/// the exact rates either way.
fn equity(model: &Model, teams: &Allocation, status: Status, d: usize, stated: Stated) -> Equity {
    let n = model.districts.len();
    let exact = Rates((0..n).map(|i| rate(model, teams, i)).collect());
    let rates = match stated {
        Stated::Exact => Rates(exact.0.clone()),
        Stated::AsPrinted => Rates(
            (0..n)
                .map(|i| {
                    stated.rate(
                        model.projected_installed(i, &teams[i]),
                        model.districts[i].smartphones,
                    )
                })
                .collect(),
        ),
    };
    let r = &rates.0;
    let lowest = (0..n).fold(0, |best, i| if r[i] < r[best] { i } else { best });
    let lowest_rate = r[lowest];
    let tied = (0..n)
        .filter(|&i| i != d && r[i] <= lowest_rate + RATE_TIE)
        .map(|i| model.districts[i].name.clone())
        .collect();
    let lowest_other = (0..n)
        .filter(|&i| i != d)
        .fold(None::<usize>, |best, i| match best {
            Some(b) if r[b] <= r[i] => Some(b),
            _ => Some(i),
        })
        .map(|i| (model.districts[i].name.clone(), r[i]));
    let moves = (0..model.kinds.len())
        .map(|k| rate_move(model, teams, status, (&exact, &rates, stated), d, k))
        .collect();
    Equity {
        lowest,
        lowest_name: model.districts[lowest].name.clone(),
        lowest_rate,
        rate_here: r[d],
        is_lowest: r[d] <= lowest_rate + RATE_TIE,
        tied,
        lowest_other,
        moves,
    }
}

/// Every district's projected rate, by index.
struct Rates(Vec<f64>);

impl Rates {
    /// The lowest rate of the districts not in `skip` (infinite if none is left).
    fn min_except(&self, skip: &[usize]) -> f64 {
        (0..self.0.len())
            .filter(|i| !skip.contains(i))
            .map(|i| self.0[i])
            .fold(f64::INFINITY, f64::min)
    }

    fn lowest(&self) -> f64 {
        self.min_except(&[])
    }
}

/// District `d`'s rate and the province's lowest with one team of kind `k` more (from the
/// pool, or from the district that can best give one) and one fewer. `exact` are the exact
/// rates (the giver is chosen on them), `rates` the rates as `stated`.
fn rate_move(
    model: &Model,
    teams: &Allocation,
    status: Status,
    (exact, rates, stated): (&Rates, &Rates, Stated),
    d: usize,
    k: usize,
) -> RateMove {
    let kind = &model.kinds[k];
    let smartphones = model.districts[d].smartphones;
    let here = model.projected_installed(d, &teams[d]);
    let more = here + gain(model, teams, d, k);
    let rate_with_one_more = stated.rate(more, smartphones);
    let bounds_allow = teams[d][k] < model.districts[d].bounds[k].max;
    let from_pool = match kind.scope {
        Scope::Local => true,
        Scope::Provincial => assigned(teams, k) < kind.available.unwrap_or(0),
    };
    let (possible, from, lowest_after_more) = if from_pool {
        // a team that is not in the plan yet also has to fit the budget
        let after = rate_with_one_more.min(rates.min_except(&[d]));
        (bounds_allow && affordable(model, teams, k), None, after)
    } else {
        let exact_more = more / smartphones as f64;
        match best_giver(model, teams, status, exact, exact_more, d, k) {
            Some((i, exact_after)) => {
                let after = match stated {
                    Stated::Exact => exact_after,
                    Stated::AsPrinted => {
                        let lost = loss(model, teams, i, k).unwrap_or(0.0);
                        let giver = stated.rate(
                            model.projected_installed(i, &teams[i]) - lost,
                            model.districts[i].smartphones,
                        );
                        rate_with_one_more.min(giver).min(rates.min_except(&[d, i]))
                    }
                };
                (bounds_allow, Some(model.districts[i].name.clone()), after)
            }
            None => (false, None, rates.lowest()),
        }
    };
    let rate_with_one_fewer =
        loss(model, teams, d, k).map(|lost| stated.rate(here - lost, smartphones));
    RateMove {
        kind: k,
        rate_with_one_more,
        from,
        possible,
        lowest_after_more,
        rate_with_one_fewer,
        lowest_after_fewer: rate_with_one_fewer.map(|r| r.min(rates.min_except(&[d]))),
    }
}

/// The district that may give district `d` a team of kind `k` and leaves the highest lowest
/// rate, with that rate (`rate_here`: `d`'s rate with the team); `None` if none may.
fn best_giver(
    model: &Model,
    teams: &Allocation,
    status: Status,
    rates: &Rates,
    rate_here: f64,
    d: usize,
    k: usize,
) -> Option<(usize, f64)> {
    let mut best: Option<(usize, f64)> = None;
    for i in (0..model.districts.len()).filter(|&i| i != d) {
        if !removable(model, teams, status, i, k) {
            continue;
        }
        let Some(lost) = loss(model, teams, i, k) else {
            continue;
        };
        let giver = (model.projected_installed(i, &teams[i]) - lost)
            / model.districts[i].smartphones as f64;
        let after = rate_here.min(giver).min(rates.min_except(&[d, i]));
        if best.is_none_or(|(_, b)| after > b) {
            best = Some((i, after));
        }
    }
    best
}

/// The outreach installs of effort `e` on pool `pool` (for tests of the thresholds).
#[cfg(test)]
fn g(pool: f64, e: f64) -> f64 {
    outreach_installs(pool, e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pool_threshold_inverts_the_gain_of_one_team() {
        let (e, w) = (8_960.0, 560.0);
        for target in [100.0, 452.0, 500.0, 559.0] {
            let pool = pool_where(e, e + w, target).unwrap();
            assert!(
                (g(pool, e + w) - g(pool, e) - target).abs() < 1e-6,
                "{target}"
            );
            // above it, more; below it, less
            assert!(g(pool * 1.01, e + w) - g(pool * 1.01, e) > target);
            assert!(g(pool * 0.99, e + w) - g(pool * 0.99, e) < target);
        }
        assert_eq!(
            pool_where(e, e + w, 560.0),
            None,
            "a team never brings more than its effort"
        );
        assert_eq!(pool_where(e, e + w, 0.0), Some(0.0));
    }
}
