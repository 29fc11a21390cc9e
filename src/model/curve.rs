//! The response curve of MODEL.md § "Outreach teams and the response curve".

/// Outreach installs G(e) = P · (1 − exp(−e / P)) from effort `e` on a reachable pool `pool`
/// (0 where the pool is empty).
pub fn outreach_installs(pool: f64, effort: f64) -> f64 {
    if pool <= 0.0 || effort <= 0.0 {
        return 0.0;
    }
    // -expm1 keeps full precision when e is small against P.
    -pool * (-effort / pool).exp_m1()
}

/// The slope G'(e) = exp(−e / P): installs per unit of extra effort.
pub fn marginal_installs(pool: f64, effort: f64) -> f64 {
    if pool <= 0.0 {
        return 0.0;
    }
    (-effort.max(0.0) / pool).exp()
}

/// The least effort e with G(e) ≥ `installs`, or `None` when the pool cannot give that many.
pub fn effort_for(pool: f64, installs: f64) -> Option<f64> {
    if installs <= 0.0 {
        return Some(0.0);
    }
    if pool <= 0.0 || installs >= pool {
        return None;
    }
    // G⁻¹(g) = −P · ln(1 − g/P)
    Some(-pool * (-installs / pool).ln_1p())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_installs_cost_one_unit_of_effort_each() {
        let g = outreach_installs(100_000.0, 10.0);
        assert!((g - 10.0).abs() < 1e-3, "{g}");
    }

    #[test]
    fn curve_matches_the_formula_and_never_exceeds_the_pool() {
        let p = 48_304.0;
        for e in [0.0, 1.0, 5_040.0, 48_304.0, 1e6, 1e9] {
            let g = outreach_installs(p, e);
            let formula = p * (1.0 - (-e / p).exp());
            assert!((g - formula).abs() <= 1e-9 * p, "e={e}: {g} vs {formula}");
            assert!(g <= p);
        }
        // one pool's worth of effort reaches 1 − 1/e of the pool
        let g = outreach_installs(p, p);
        assert!((g / p - (1.0 - (-1.0f64).exp())).abs() < 1e-12);
    }

    #[test]
    fn empty_pool_gives_nothing() {
        assert_eq!(outreach_installs(0.0, 1_000.0), 0.0);
        assert_eq!(marginal_installs(0.0, 0.0), 0.0);
        assert_eq!(effort_for(0.0, 1.0), None);
    }

    #[test]
    fn effort_for_inverts_the_curve() {
        let p = 20_000.0;
        for g in [1.0, 500.0, 10_000.0, 19_999.0] {
            let e = effort_for(p, g).unwrap();
            assert!((outreach_installs(p, e) - g).abs() < 1e-6 * p, "g={g}");
        }
        assert_eq!(effort_for(p, p), None);
        assert_eq!(effort_for(p, 0.0), Some(0.0));
    }

    #[test]
    fn marginal_is_the_derivative() {
        let (p, e, h) = (30_000.0, 12_000.0, 1e-3);
        let numeric = (outreach_installs(p, e + h) - outreach_installs(p, e - h)) / (2.0 * h);
        assert!((numeric - marginal_installs(p, e)).abs() < 1e-6);
    }
}
