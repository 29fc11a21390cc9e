//! The exact integer problem of one district at given prices (the Lagrangian subproblem):
//! maximise α · G_d(e_d(t)) − Σ_k π_k · t_k over lo ≤ t ≤ hi with e_d(t) ≥ the floor effort.

use crate::model::{Model, outreach_installs};

/// Prices that turn the coupled problem into one problem per district.
#[derive(Debug, Clone, PartialEq)]
pub struct Prices {
    /// α: the value of one install.
    pub install_value: f64,
    /// π_k: the price of one team of kind k.
    pub team: Vec<f64>,
}

/// A district's best teams at `prices`, with e_d ≥ `min_effort`; `None` when no teams within
/// the bounds give that much effort. Ties go to fewer teams, then to the earlier kind.
pub fn best_response(
    model: &Model,
    d: usize,
    prices: &Prices,
    min_effort: f64,
) -> Option<Vec<u32>> {
    let district = &model.districts[d];
    let kinds = model.kinds.len();
    if district.bounds.iter().any(|b| b.min > b.max) {
        return None;
    }
    if kinds == 0 {
        return (min_effort <= 0.0).then(Vec::new);
    }
    let weights: Vec<f64> = (0..kinds).map(|k| model.effort_per_team(d, k)).collect();
    // The kind with the widest range is optimised in closed form; the others are enumerated.
    let free = (0..kinds)
        .max_by_key(|&k| {
            (
                district.bounds[k].max - district.bounds[k].min,
                std::cmp::Reverse(k),
            )
        })
        .unwrap_or(0);
    let mut rest: Vec<u32> = district.bounds.iter().map(|b| b.min).collect();
    let mut best: Option<(f64, u32, Vec<u32>)> = None;
    loop {
        let e0: f64 = (0..kinds)
            .filter(|&k| k != free)
            .map(|k| weights[k] * f64::from(rest[k]))
            .sum();
        let p0: f64 = (0..kinds)
            .filter(|&k| k != free)
            .map(|k| prices.team[k] * f64::from(rest[k]))
            .sum();
        let n0: u32 = (0..kinds).filter(|&k| k != free).map(|k| rest[k]).sum();
        if let Some(t) = best_free_count(
            district.pool,
            e0,
            weights[free],
            prices,
            free,
            district.bounds[free],
            min_effort,
        ) {
            let value = prices.install_value
                * outreach_installs(district.pool, e0 + weights[free] * f64::from(t))
                - p0
                - prices.team[free] * f64::from(t);
            let count = n0 + t;
            let better = match &best {
                None => true,
                Some((v, n, _)) => {
                    value > *v + 1e-9 * v.abs().max(1.0)
                        || ((value - *v).abs() <= 1e-9 * v.abs().max(1.0) && count < *n)
                }
            };
            if better {
                let mut teams = rest.clone();
                teams[free] = t;
                best = Some((value, count, teams));
            }
        }
        // odometer over the enumerated kinds
        let mut k = 0;
        loop {
            if k == kinds {
                return best.map(|(_, _, t)| t);
            }
            if k != free {
                if rest[k] < district.bounds[k].max {
                    rest[k] += 1;
                    break;
                }
                rest[k] = district.bounds[k].min;
            }
            k += 1;
        }
    }
}

/// The best count of the closed-form kind when the others give effort `e0`.
fn best_free_count(
    pool: f64,
    e0: f64,
    w: f64,
    prices: &Prices,
    k: usize,
    bounds: crate::model::Bounds,
    min_effort: f64,
) -> Option<u32> {
    let mut lo = bounds.min;
    if min_effort > e0 {
        if w <= 0.0 {
            return None;
        }
        let need = ((min_effort - e0) / w - 1e-9).ceil().max(0.0);
        if need > f64::from(bounds.max) {
            return None;
        }
        lo = lo.max(need as u32);
    }
    let hi = bounds.max;
    let alpha = prices.install_value;
    let pi = prices.team[k];
    if alpha <= 0.0 || pool <= 0.0 || w <= 0.0 {
        return Some(lo);
    }
    // h(t) = α G(e0 + w t) − π t is concave; its continuous maximiser solves α w e^{−(e0+wt)/P} = π.
    let t_star = if pi <= 0.0 {
        f64::INFINITY
    } else {
        (pool * (alpha * w / pi).ln() - e0) / w
    };
    if t_star <= f64::from(lo) {
        return Some(lo);
    }
    if t_star >= f64::from(hi) {
        return Some(hi);
    }
    let below = t_star.floor() as u32;
    let above = below + 1;
    let h = |t: u32| alpha * outreach_installs(pool, e0 + w * f64::from(t)) - pi * f64::from(t);
    Some(if h(above) > h(below) + 1e-12 {
        above
    } else {
        below
    })
}
