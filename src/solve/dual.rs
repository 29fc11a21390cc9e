//! Minimising a convex dual function of a few multipliers (one per coupling row: each
//! provincial pool, the budget, the target) by a cutting-plane bundle method with a box
//! trust region.
//!
//! Every point evaluated gives a cut f(u) ≥ f(uᵢ) + gᵢ·(u − uᵢ). The next point minimises
//! the largest cut (an LP in a handful of variables, solved by good_lp's microlp) within a box
//! around the best point so far; the box widens after a step that reached its edge and
//! narrows after steps that bring nothing. It stops when the cuts prove that no point in the
//! box does better by more than the tolerance. Any multipliers give a valid bound on the
//! primal problem, so the method only has to be good; the best value seen is kept.

use good_lp::{
    Expression, ProblemVariables, Solution as _, SolverModel, Variable, constraint, microlp,
    variable,
};

/// A dual function: its value and a subgradient at a point (multipliers ≥ 0).
pub type DualFn<'a> = dyn FnMut(&[f64]) -> (f64, Vec<f64>) + 'a;

/// How the search goes and when it stops.
pub struct Settings {
    /// Multiplier j is searched as u_j = y_j / scale_j, so that every u is of order one.
    pub scale: Vec<f64>,
    /// The size of the function's values: the search works on f / magnitude, of order one.
    pub magnitude: f64,
    /// Where to start (in multipliers y).
    pub start: Vec<f64>,
    /// Stop when the cuts prove no improvement beyond this, relative to the value.
    pub tolerance: f64,
    /// Most evaluations of the function.
    pub evaluations: usize,
    /// Stop as soon as a value at or below this is seen (a bound that already proves enough).
    pub enough: f64,
}

/// What the search found.
pub struct Minimum {
    /// The best multipliers.
    pub point: Vec<f64>,
    pub value: f64,
}

/// Cuts kept at most; the oldest are dropped first.
const MAX_CUTS: usize = 60;
/// A step is a serious step when the value falls by this share of what the cuts predicted.
const SERIOUS: f64 = 0.1;
/// The box's starting half-width and its narrowest, in scaled multipliers.
const START_BOX: f64 = 1.0;
const SMALLEST_BOX: f64 = 1e-9;

struct Cut {
    at: Vec<f64>,
    value: f64,
    slope: Vec<f64>,
}

/// Minimises `f` over multipliers ≥ 0.
pub fn minimise(f: &mut DualFn, settings: &Settings) -> Minimum {
    let dim = settings.scale.len();
    let scale: Vec<f64> = settings
        .scale
        .iter()
        .map(|s| s.max(f64::MIN_POSITIVE))
        .collect();
    let to_y = |u: &[f64]| -> Vec<f64> { u.iter().zip(&scale).map(|(u, s)| u * s).collect() };
    let magnitude = settings.magnitude.max(f64::MIN_POSITIVE);
    let mut cuts: Vec<Cut> = Vec::new();
    let mut evaluate = |u: &[f64], cuts: &mut Vec<Cut>| -> (f64, Vec<f64>) {
        let (value, g) = f(&to_y(u));
        let slope: Vec<f64> = g
            .iter()
            .zip(&scale)
            .map(|(g, s)| g * s / magnitude)
            .collect();
        if cuts.len() >= MAX_CUTS {
            cuts.remove(0);
        }
        cuts.push(Cut {
            at: u.to_vec(),
            value: value / magnitude,
            slope,
        });
        (value, g)
    };
    let mut center: Vec<f64> = settings
        .start
        .iter()
        .zip(&scale)
        .map(|(y, s)| (y / s).max(0.0))
        .collect();
    let (first, _) = evaluate(&center, &mut cuts);
    let mut best = first / magnitude;
    let enough = settings.enough / magnitude;
    let mut evaluations = 1;
    let mut radius = START_BOX;
    let mut idle = 0;
    while evaluations < settings.evaluations && best > enough && dim > 0 {
        let Some((next, model_value)) = master(&cuts, &center, radius) else {
            break;
        };
        let predicted = best - model_value;
        if predicted <= settings.tolerance * best.abs().max(1.0) {
            if next
                .iter()
                .zip(&center)
                .all(|(a, b)| (a - b).abs() < 0.99 * radius)
            {
                break; // the cuts' minimum is inside the box: nothing better anywhere
            }
            radius *= 4.0; // the box held the step back: look further
            continue;
        }
        let (value, _) = evaluate(&next, &mut cuts);
        let value = value / magnitude;
        evaluations += 1;
        if value <= best - SERIOUS * predicted {
            let reached_edge = next
                .iter()
                .zip(&center)
                .any(|(a, b)| (a - b).abs() >= 0.99 * radius);
            center = next;
            best = value;
            idle = 0;
            if reached_edge {
                radius *= 2.0;
            }
        } else {
            idle += 1;
            if value < best {
                center = next;
                best = value;
            }
            if idle >= 3 {
                radius = (radius * 0.5).max(SMALLEST_BOX);
                idle = 0;
            }
        }
    }
    Minimum {
        point: to_y(&center),
        value: best * magnitude,
    }
}

/// The point of the box around `center` where the largest cut is least, and that value.
fn master(cuts: &[Cut], center: &[f64], radius: f64) -> Option<(Vec<f64>, f64)> {
    let mut vars = ProblemVariables::new();
    let u: Vec<Variable> = center
        .iter()
        .map(|&c| vars.add(variable().min((c - radius).max(0.0)).max(c + radius)))
        .collect();
    let theta = vars.add(variable());
    let mut lp = vars.minimise(theta).using(microlp);
    for cut in cuts {
        // θ ≥ value + slope · (u − at)
        let mut rhs = cut.value;
        let mut lhs: Expression = theta.into();
        for ((&s, &a), &v) in cut.slope.iter().zip(&cut.at).zip(&u) {
            lhs -= s * v;
            rhs -= s * a;
        }
        lp = lp.with(constraint!(lhs >= rhs));
    }
    let solution = lp.solve().ok()?;
    let point: Vec<f64> = u.iter().map(|&v| solution.value(v).max(0.0)).collect();
    // the model's value at the point, from the cuts themselves (the LP's θ up to its precision)
    let model_value = cuts
        .iter()
        .map(|c| {
            c.value
                + c.slope
                    .iter()
                    .zip(&point)
                    .zip(&c.at)
                    .map(|((s, p), a)| s * (p - a))
                    .sum::<f64>()
        })
        .fold(f64::NEG_INFINITY, f64::max);
    Some((point, model_value))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(dim: usize) -> Settings {
        Settings {
            scale: vec![1.0; dim],
            start: vec![0.0; dim],
            tolerance: 1e-9,
            magnitude: 1.0,
            evaluations: 200,
            enough: f64::NEG_INFINITY,
        }
    }

    #[test]
    fn finds_the_kink_of_a_one_dimensional_dual() {
        // f(x) = |x − 3| + 1
        let m = minimise(
            &mut |x| {
                (
                    (x[0] - 3.0).abs() + 1.0,
                    vec![if x[0] >= 3.0 { 1.0 } else { -1.0 }],
                )
            },
            &settings(1),
        );
        assert!((m.point[0] - 3.0).abs() < 1e-6 && (m.value - 1.0).abs() < 1e-6);
    }

    #[test]
    fn a_polyhedral_function_of_three_coupled_multipliers() {
        // max of planes, minimum 2 at (1, 2, 0.5): the coupled case coordinate search misses
        let f = |x: &[f64]| -> (f64, Vec<f64>) {
            let planes = [
                ([1.0, 1.0, 0.0], -1.0),
                ([-1.0, 1.0, 0.0], 1.0),
                ([0.0, -1.0, 1.0], 3.5),
                ([0.0, 0.0, -2.0], 3.0),
                ([1.0, -1.0, 0.0], 3.0),
            ];
            let (g, c) = planes
                .iter()
                .max_by(|a, b| {
                    let va: f64 = a.0.iter().zip(x).map(|(g, x)| g * x).sum::<f64>() + a.1;
                    let vb: f64 = b.0.iter().zip(x).map(|(g, x)| g * x).sum::<f64>() + b.1;
                    va.total_cmp(&vb)
                })
                .unwrap();
            (
                g.iter().zip(x).map(|(g, x)| g * x).sum::<f64>() + c,
                g.to_vec(),
            )
        };
        let m = minimise(&mut { f }, &settings(3));
        assert!((m.value - 2.0).abs() < 1e-6, "{} at {:?}", m.value, m.point);
    }

    #[test]
    fn stays_at_zero_when_the_slope_is_positive() {
        let m = minimise(&mut |x| (x[0] + 5.0, vec![1.0]), &settings(1));
        assert_eq!(m.point, vec![0.0]);
    }

    #[test]
    fn reaches_far_minima_and_badly_scaled_ones() {
        // minimum at y = (2e4, 3e-5): the scale makes both of order one
        let f = |y: &[f64]| -> (f64, Vec<f64>) {
            let (a, b) = (y[0] / 1e4 - 2.0, y[1] / 1e-5 - 3.0);
            (
                a.abs() + b.abs() + 7.0,
                vec![a.signum() / 1e4, b.signum() / 1e-5],
            )
        };
        let mut s = settings(2);
        s.scale = vec![1e4, 1e-5];
        let m = minimise(&mut { f }, &s);
        assert!((m.value - 7.0).abs() < 1e-6, "{} at {:?}", m.value, m.point);
    }
}
