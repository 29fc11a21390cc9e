//! The campaign model of ../shared/MODEL.md as the optimiser sees it: every rule has run,
//! every district has its pool, bounds and productivity.

mod curve;
mod names;
mod unit_type;

pub use names::{DistrictNames, Found};
pub use unit_type::{CommuneLevel, UnitType};

/// The largest team count accepted (per district, or a provincial pool): sums over tens of
/// thousands of districts still fit the optimiser's counters, and no finding asks for more.
pub const MAX_TEAMS: u32 = 100_000;

/// The largest head count accepted (smartphones, installed, cohorts), in a scenario and in a
/// coverage table alike: far above any country, and small enough that a province's totals
/// cannot overflow.
pub const MAX_PEOPLE: i128 = 1_000_000_000_000;

/// The longest campaign accepted, in days (ten years): a campaign is weeks long; the bound keeps
/// every day count and every cost (teams × days × cost per team-day) far inside exact arithmetic.
pub const MAX_HORIZON_DAYS: u32 = 3_650;

/// The highest cost per team-day accepted, in đồng (a thousand million; the letter's teams cost
/// hundreds of thousands): with [`MAX_TEAMS`] and [`MAX_HORIZON_DAYS`] every total the plan
/// prints stays a whole number of đồng that is printed exactly, never a saturated figure.
pub const MAX_COST_PER_TEAM_DAY: f64 = 1e9;

/// The largest budget accepted, in đồng (a million thousand-millions, a thousand times a
/// province's yearly budget): larger figures are typing mistakes, and beyond 2^53 đồng a budget
/// can no longer be told apart from its neighbour.
pub const MAX_BUDGET: f64 = 1e15;

/// The most installs one team may make in one day (a hundred thousand; the letter's teams make
/// tens): a larger figure is a typing mistake, and `1e300` would plan the province covered by a
/// handful of teams.
pub const MAX_INSTALLS_PER_TEAM_DAY: f64 = 100_000.0;

pub use curve::{effort_for, marginal_installs, outreach_installs};

use serde::Serialize;

/// Where a team kind can work (MODEL.md § "Outreach teams").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// A count per district; the teams cannot leave it.
    Local,
    /// A provincial pool that the plan assigns to districts.
    Provincial,
}

impl Scope {
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Local => "local",
            Scope::Provincial => "provincial",
        }
    }
}

/// What the plan optimises (MODEL.md § "Objectives").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Objective {
    #[serde(rename = "max-installs")]
    MaxInstalls,
    #[serde(rename = "min-cost")]
    MinCost,
    #[serde(rename = "max-min-rate")]
    MaxMinRate,
}

impl Objective {
    pub const ALL: [Objective; 3] = [
        Objective::MaxInstalls,
        Objective::MinCost,
        Objective::MaxMinRate,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Objective::MaxInstalls => "max-installs",
            Objective::MinCost => "min-cost",
            Objective::MaxMinRate => "max-min-rate",
        }
    }

    pub fn parse(s: &str) -> Option<Objective> {
        Objective::ALL.into_iter().find(|o| o.as_str() == s)
    }
}

/// A kind of outreach team.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TeamKind {
    pub name: String,
    pub scope: Scope,
    /// N_k, the provincial pool; `None` for a local kind.
    pub available: Option<u32>,
    /// r_k, installs per team-day on an untouched pool.
    pub installs_per_team_day: f64,
    /// c_k, cost per team-day (0 when not set).
    pub cost_per_team_day: f64,
}

/// Bounds lo..=hi on the teams of one kind in one district.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Bounds {
    pub min: u32,
    pub max: u32,
}

/// Installs above the half install that rounds up which a constraint judged as printed asks
/// for: sums of exponentials are exact to far less, and it is far below one install.
pub const PRINTED_MARGIN: f64 = 1e-6;

/// A district once the rules have run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct District {
    pub name: String,
    /// S_d
    pub smartphones: u64,
    /// I_d
    pub installed: u64,
    /// M_d, installs from mandated cohorts (already capped).
    pub mandated_installs: f64,
    /// A_d, other fixed expected installs (already capped).
    pub fixed_installs: f64,
    /// P_d = ρ · (S_d − I_d − M_d − A_d).
    pub pool: f64,
    /// lo/hi per team kind, in the order of `Model::kinds`.
    pub bounds: Vec<Bounds>,
    /// m_{d,k} per team kind.
    pub productivity: Vec<f64>,
    /// φ_d, the district's own floor: J_d ≥ φ_d · S_d. The larger of the scenario's
    /// `district_floor` and a rule's `district.min_rate`; `None` when neither is set.
    pub floor: Option<f64>,
}

impl District {
    /// rate0_d = I_d / S_d.
    pub fn rate(&self) -> f64 {
        self.installed as f64 / self.smartphones as f64
    }

    /// I_d + M_d + A_d: what the district has without any outreach team.
    pub fn base_installed(&self) -> f64 {
        self.installed as f64 + self.mandated_installs + self.fixed_installs
    }

    /// φ_d · S_d, the projected installs the district's floor asks for (0 without a floor).
    pub fn floor_installs(&self) -> f64 {
        self.floor.map_or(0.0, |f| f * self.smartphones as f64)
    }

    /// The projected installs the district's floor asks for as the reports judge it: installs
    /// whose figure rounded to a whole install (as every human report prints it) reaches the
    /// floor, and at least the floor itself (0 without a floor). For a floor F = φ_d · S_d that
    /// is the larger of F and ⌈F⌉ − 0.5 (a whole install within the installs tolerance counts
    /// as reached, as `number::short_as_printed` judges it), raised by a margin far below one
    /// install so that the sum's rounding noise never rounds it down (trial 13g K17: a floor of
    /// 343,45 met at 343,45 printed 343, "below the minimum").
    pub fn floor_installs_as_printed(&self) -> f64 {
        let floor = self.floor_installs();
        if floor <= 0.0 {
            return floor;
        }
        let whole = (floor - crate::solve::INSTALLS_TOLERANCE).ceil();
        floor.max(whole - 0.5 + PRINTED_MARGIN)
    }
}

/// The whole model: what `solve` optimises.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Model {
    pub horizon_days: u32,
    pub objective: Objective,
    pub reachable_share: f64,
    /// τ
    pub target_rate: f64,
    /// φ, the scenario's floor, for reporting: the solvers use each district's own
    /// [`District::floor`], which is never below it.
    pub district_floor: Option<f64>,
    pub budget: Option<f64>,
    pub kinds: Vec<TeamKind>,
    pub districts: Vec<District>,
}

/// An allocation: `teams[d][k]` teams of kind k in district d.
pub type Allocation = Vec<Vec<u32>>;

impl Model {
    /// Effort of one team of kind `k` in district `d` over the horizon: H · m_{d,k} · r_k.
    pub fn effort_per_team(&self, d: usize, k: usize) -> f64 {
        f64::from(self.horizon_days)
            * self.districts[d].productivity[k]
            * self.kinds[k].installs_per_team_day
    }

    /// Cost of one team of kind `k` over the horizon: H · c_k.
    pub fn cost_per_team(&self, k: usize) -> f64 {
        f64::from(self.horizon_days) * self.kinds[k].cost_per_team_day
    }

    /// e_d for the teams `teams` (one count per kind) in district `d`.
    pub fn effort(&self, d: usize, teams: &[u32]) -> f64 {
        teams
            .iter()
            .enumerate()
            .map(|(k, &t)| self.effort_per_team(d, k) * f64::from(t))
            .sum()
    }

    /// J_d, the exact projected installs of district `d` with `teams`.
    pub fn projected_installed(&self, d: usize, teams: &[u32]) -> f64 {
        let district = &self.districts[d];
        district.base_installed() + outreach_installs(district.pool, self.effort(d, teams))
    }

    /// Cost of a whole allocation: H · Σ c_k · t_{d,k}.
    pub fn cost(&self, teams: &Allocation) -> f64 {
        teams
            .iter()
            .flat_map(|row| row.iter().enumerate())
            .map(|(k, &t)| self.cost_per_team(k) * f64::from(t))
            .sum()
    }

    /// True when every team kind is free, so `min-cost` minimises the number of teams.
    pub fn all_free(&self) -> bool {
        self.kinds.iter().all(|k| k.cost_per_team_day == 0.0)
    }

    pub fn total_smartphones(&self) -> u64 {
        self.districts.iter().map(|d| d.smartphones).sum()
    }
}
