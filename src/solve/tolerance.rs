//! Every tolerance the optimiser uses, each with its reason. Figures are installs, teams,
//! đồng or rates as named; a relative tolerance is multiplied by the figure's own size.

/// The relative gap MODEL.md accepts for `max-installs` (outreach installs) and `min-cost`
/// (cost): a plan proven within it is `optimal`.
pub const GAP_TOLERANCE: f64 = 0.005;

/// The gap MODEL.md accepts for `max-min-rate`, in rate units (0.1 of a percentage point).
pub const RATE_GAP_TOLERANCE: f64 = 0.001;

/// Installs within this of a target or floor count as reaching it: floating-point noise in
/// sums of thousands of exponentials, far below one install.
pub const INSTALLS_TOLERANCE: f64 = 1e-6;

/// Effort within this of a district's least effort meets it (effort is installs' unit).
pub const EFFORT_TOLERANCE: f64 = 1e-9;

/// The budget's relative slack: đồng are large numbers, and a plan's cost summed in another
/// order may differ in its last bits. Never more than [`BUDGET_SLACK_MOST`].
pub const BUDGET_SLACK: f64 = 1e-9;

/// The most the budget's slack may be, in đồng: under one đồng, so that a budget one đồng
/// short is short (sums of whole-đồng costs are exact below 2⁵³ đ).
pub const BUDGET_SLACK_MOST: f64 = 0.5;

/// Two objective values closer than this (relative) are equal: ties then go to fewer teams.
pub const TIE: f64 = 1e-12;

/// A move improves the plan only when it gains more than this (relative to the plan's
/// value): it keeps local search from cycling on rounding noise.
pub const IMPROVEMENT: f64 = 1e-10;

/// A dual value below −PROOF_MARGIN × (total reachable pool) proves least efforts out of reach
/// (any plan has Σ G ≥ 0): far above rounding in the dual's sums, far below one install.
pub const PROOF_MARGIN: f64 = 1e-6;

/// The dual search stops when its planes prove no point in the box better by more than this
/// share of the value: well inside the 0.5% the plans are held to.
pub const DUAL_TOLERANCE: f64 = 1e-7;

/// Two objective values of the exhaustive search closer than this (relative) are equal; the
/// incumbent is kept.
pub const SEARCH_TIE: f64 = 1e-9;

/// A count within this of a whole number is that number (continuous counts in the relaxation).
pub const COUNT_TOLERANCE: f64 = 1e-9;

/// Amounts below this (a row's use, installs gained or saved, an objective's size) are
/// nothing: it keeps ratios finite and stops moves that would gain only rounding.
pub const NEGLIGIBLE: f64 = 1e-12;

/// Whether a plan costing `cost` keeps `budget` (none: any cost does), within its slack.
pub fn within_budget(budget: Option<f64>, cost: f64) -> bool {
    budget.is_none_or(|b| cost <= budget_limit(b))
}

/// Budget slack as an absolute amount for a budget `budget`.
pub fn budget_limit(budget: f64) -> f64 {
    budget + (budget.abs() * BUDGET_SLACK).min(BUDGET_SLACK_MOST)
}
