//! Searching Lagrangian multipliers: cyclic bisection on each coordinate of a convex dual.
//!
//! Any non-negative multipliers give a valid bound, so the search only has to be good, not
//! exact; the best value seen is kept.

/// Bisection steps per coordinate and cyclic rounds over all coordinates.
const STEPS: usize = 48;
const ROUNDS: usize = 6;
/// The largest multiplier tried (a coordinate whose subgradient never turns is left here).
const CEILING: f64 = 1e12;

/// A dual function: its value and a subgradient at a point.
pub type DualFn<'a> = dyn FnMut(&[f64]) -> (f64, Vec<f64>) + 'a;

/// Minimises a convex function over multipliers ≥ 0. `f` returns the value and a
/// subgradient at a point. Returns the best point and value found. Two multipliers are searched
/// nested (exact up to the bisection steps); more, by cyclic coordinate bisection.
pub fn minimise(dim: usize, f: &mut DualFn) -> (Vec<f64>, f64) {
    let mut x = vec![0.0; dim];
    let mut best = Best {
        x: x.clone(),
        value: f(&x).0,
    };
    if dim == 2 {
        // φ(x0) = min over x1 of f is convex, and ∂f/∂x0 at the inner minimiser is its slope.
        let mut outer = |x0: f64, best: &mut Best| -> f64 {
            let mut y = vec![x0, 0.0];
            line_min(1, &mut y, &mut *f, best, STEPS / 2)[0]
        };
        line_search(&mut outer, &mut best, STEPS / 2);
        return (best.x, best.value);
    }
    for _ in 0..ROUNDS {
        let before = best.value;
        for j in 0..dim {
            line_min(j, &mut x, &mut *f, &mut best, STEPS);
        }
        if dim <= 1 || (before - best.value).abs() <= 1e-12 * best.value.abs().max(1.0) {
            break;
        }
    }
    (best.x, best.value)
}

/// Lowers the best value from `start` by projected subgradient steps aimed at `target` (a
/// value some plan reaches, so no lower than the minimum): Polyak's step, halved whenever ten
/// steps bring nothing. Each multiplier is measured against its row's `scale` (a pool's size,
/// the budget) so that rows in teams and in đồng step alike. For the multipliers that
/// coordinate bisection leaves at a kink.
pub fn polish(start: &[f64], scale: &[f64], target: f64, f: &mut DualFn, iterations: usize) -> f64 {
    let mut x = start.to_vec();
    let (mut value, mut grad) = f(&x);
    let mut best = value;
    let (mut theta, mut stale) = (1.0, 0);
    for _ in 0..iterations {
        // in y = x · scale the slope is g / scale
        let slope: Vec<f64> = grad
            .iter()
            .zip(scale)
            .map(|(g, s)| g / s.max(1e-12))
            .collect();
        let norm: f64 = slope.iter().map(|g| g * g).sum();
        if norm <= 0.0 || value - target <= 1e-12 * target.abs().max(1.0) {
            break;
        }
        let step = theta * (value - target) / norm;
        for ((xi, gi), s) in x.iter_mut().zip(&slope).zip(scale) {
            *xi = (*xi - step * gi / s.max(1e-12)).max(0.0);
        }
        (value, grad) = f(&x);
        if value < best - 1e-12 * best.abs().max(1.0) {
            best = value;
            stale = 0;
        } else {
            stale += 1;
            if stale >= 10 {
                theta *= 0.5;
                stale = 0;
            }
        }
    }
    best
}

/// The best point seen.
struct Best {
    x: Vec<f64>,
    value: f64,
}

/// Sets x[j] to the minimiser of f along coordinate j (x[j] ≥ 0); the subgradient there.
fn line_min(j: usize, x: &mut [f64], f: &mut DualFn, best: &mut Best, steps: usize) -> Vec<f64> {
    let mut slope = |t: f64, best: &mut Best| -> f64 {
        x[j] = t;
        let (v, g) = f(x);
        keep(x, v, best);
        g[j]
    };
    let t = line_search(&mut slope, best, steps);
    x[j] = t;
    let (v, g) = f(x);
    keep(x, v, best);
    g
}

/// The point t ≥ 0 where a convex function's slope turns non-negative, by bracketing and
/// bisection; `slope(t)` evaluates (and records) the function at t.
fn line_search(slope: &mut dyn FnMut(f64, &mut Best) -> f64, best: &mut Best, steps: usize) -> f64 {
    if slope(0.0, best) >= 0.0 {
        return 0.0;
    }
    let (mut lo, mut hi) = (0.0, 1e-6);
    while slope(hi, best) < 0.0 && hi < CEILING {
        lo = hi;
        hi *= 4.0;
    }
    for _ in 0..steps {
        let mid = 0.5 * (lo + hi);
        if slope(mid, best) >= 0.0 {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    hi
}

fn keep(x: &[f64], v: f64, best: &mut Best) {
    if v < best.value {
        best.value = v;
        best.x.clear();
        best.x.extend_from_slice(x);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_kink_of_a_one_dimensional_dual() {
        // f(x) = |x − 3| + 1
        let (x, v) = minimise(1, &mut |x| {
            (
                (x[0] - 3.0).abs() + 1.0,
                vec![if x[0] >= 3.0 { 1.0 } else { -1.0 }],
            )
        });
        assert!(
            (x[0] - 3.0).abs() < 1e-6 && (v - 1.0).abs() < 1e-6,
            "{x:?} {v}"
        );
    }

    #[test]
    fn separable_two_dimensional() {
        let (x, v) = minimise(2, &mut |x| {
            (
                (x[0] - 1.0).powi(2) + (x[1] - 2.0).powi(2),
                vec![2.0 * (x[0] - 1.0), 2.0 * (x[1] - 2.0)],
            )
        });
        assert!(v < 1e-9, "{x:?} {v}");
    }

    #[test]
    fn stays_at_zero_when_the_slope_is_positive() {
        let (x, _) = minimise(1, &mut |x| (x[0] + 5.0, vec![1.0]));
        assert_eq!(x, vec![0.0]);
    }
}
