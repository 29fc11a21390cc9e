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
/// subgradient at a point. Returns the best point and value found.
pub fn minimise(dim: usize, f: &mut DualFn) -> (Vec<f64>, f64) {
    let mut x = vec![0.0; dim];
    let (mut best_value, mut grad) = f(&x);
    let mut best_x = x.clone();
    for _ in 0..ROUNDS {
        let before = best_value;
        for j in 0..dim {
            // At x_j = 0 a non-negative slope means the minimum along j is at 0.
            x[j] = 0.0;
            let (v0, g0) = f(&x);
            keep(&x, v0, &mut best_x, &mut best_value);
            if g0[j] >= 0.0 {
                grad = g0;
                continue;
            }
            // Bracket: double until the slope turns non-negative.
            let (mut lo, mut hi) = (0.0, 1e-6);
            loop {
                x[j] = hi;
                let (v, g) = f(&x);
                keep(&x, v, &mut best_x, &mut best_value);
                if g[j] >= 0.0 || hi >= CEILING {
                    break;
                }
                lo = hi;
                hi *= 4.0;
            }
            for _ in 0..STEPS {
                let mid = 0.5 * (lo + hi);
                x[j] = mid;
                let (v, g) = f(&x);
                keep(&x, v, &mut best_x, &mut best_value);
                if g[j] >= 0.0 {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            x[j] = hi;
            let (v, g) = f(&x);
            keep(&x, v, &mut best_x, &mut best_value);
            grad = g;
        }
        let _ = &grad;
        if dim <= 1 || (before - best_value).abs() <= 1e-12 * best_value.abs().max(1.0) {
            break;
        }
    }
    (best_x, best_value)
}

fn keep(x: &[f64], v: f64, best_x: &mut Vec<f64>, best_value: &mut f64) {
    if v < *best_value {
        *best_value = v;
        best_x.clear();
        best_x.extend_from_slice(x);
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
