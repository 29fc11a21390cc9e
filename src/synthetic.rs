//! `campaign generate`: a made-up province as one scenario file, for benchmarks and tests
//! (docs/generate.md). Pure: parameters in, TOML text out; the command line checks the
//! arguments and writes the file (src/cli/generate.rs).
//!
//! The same parameters give the same bytes on every platform: the random stream is ChaCha8
//! (reproducible by its crate's contract), every value is drawn in a fixed order, and the
//! draws use only + − × ÷ and rounding, which IEEE 754 fixes, never `exp` or `ln`, whose last
//! bit differs between platforms' math libraries.

use std::fmt::Write as _;

use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{Rng, SeedableRng};

use crate::import::skeleton::{grouped, quoted};
use crate::model::Objective;

/// The most units `campaign generate` writes: as many as a scenario may hold
/// ([`crate::limits::DISTRICTS`]), far beyond a real province (Việt Nam has about 10,600
/// communes), so a digit typed twice is refused rather than written for minutes.
pub const MAX_UNITS: u32 = crate::limits::DISTRICTS as u32;
/// `target.provincial_rate` without `--target`: the lower end of the letter's 40–60% aim.
pub const DEFAULT_TARGET: f64 = 0.40;
/// The campaign length of the shipped scenario.
const HORIZON_DAYS: u64 = 14;
/// `--budget auto` is this share of the cost of fielding every team, so that it binds.
const AUTO_BUDGET_SHARE: u64 = 2; // one half, as a divisor: integer đồng stay exact
/// `--budget auto` is rounded to a whole number of these (one million đồng).
const BUDGET_ROUNDING: u64 = 1_000_000;

/// What kind of unit the scenario's `[[district]]` entries stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Size {
    /// Communes and wards: a few thousand smartphones, one commune team each.
    #[default]
    Commune,
    /// Districts like the shipped ones: tens of thousands of smartphones, 5–30 commune teams.
    District,
}

/// `--budget`: a sum in đồng, or `auto` (about half the cost of every team, see
/// [`auto_budget`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Budget {
    Auto,
    Dong(u64),
}

/// Everything the generated file depends on: the checked arguments of `campaign generate`.
#[derive(Debug, Clone, PartialEq)]
pub struct Params {
    /// 1 to [`MAX_UNITS`].
    pub units: u32,
    pub seed: u64,
    pub objective: Objective,
    /// A share, more than 0 and less than 1.
    pub target: f64,
    /// A share, more than 0 and less than 1.
    pub floor: Option<f64>,
    pub budget: Option<Budget>,
    pub size: Size,
    /// Written literally into `rules = [...]` (relative to the folder of the written file).
    pub rules: Vec<String>,
}

impl Params {
    /// `units` units from `seed`, every other option at its default.
    pub fn new(units: u32, seed: u64) -> Params {
        Params {
            units,
            seed,
            objective: Objective::MaxInstalls,
            target: DEFAULT_TARGET,
            floor: None,
            budget: None,
            size: Size::Commune,
            rules: Vec::new(),
        }
    }
}

/// One generated unit (a `[[district]]` entry).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Unit {
    name: String,
    installed: u64,
    smartphones: u64,
    commune_teams: u64,
}

/// A team kind of issue 11's shape: the same three kinds in every generated file.
struct Kind {
    name: &'static str,
    /// `None` for the local kind (its teams are written per unit).
    available: Option<fn(u64) -> u64>,
    installs_per_team_day: u64,
    cost_per_team_day: u64,
    /// The comment on the `name` line.
    what: &'static str,
}

const KINDS: [Kind; 3] = [
    Kind {
        name: "commune",
        available: None,
        installs_per_team_day: 15,
        cost_per_team_day: 150_000,
        what: "commune steering-committee teams, written per unit",
    },
    Kind {
        name: "volunteer",
        available: Some(volunteers),
        installs_per_team_day: 40,
        cost_per_team_day: 300_000,
        what: "provincial youth-union volunteer teams",
    },
    Kind {
        name: "mobile",
        available: Some(mobile_teams),
        installs_per_team_day: 90,
        cost_per_team_day: 1_500_000,
        what: "provincial mobile teams (a vehicle, a crew, a loudspeaker)",
    },
];

/// The volunteer pool: three teams per unit, at most the most a scenario accepts (100,000,
/// reached at 33,334 units).
pub fn volunteers(units: u64) -> u64 {
    (3 * units).min(u64::from(crate::scenario::district::MAX_TEAMS))
}

/// The mobile pool: one team per two units, rounded up.
pub fn mobile_teams(units: u64) -> u64 {
    units.div_ceil(2)
}

/// The scenario file for `params`, in the format of docs/scenario-format.md.
pub fn generate(params: &Params) -> String {
    let units = draw_units(params);
    // about 100 bytes per unit: one allocation for the whole file
    let mut out = String::with_capacity(4_096 + 100 * units.len());
    header(&mut out, params);
    settings(&mut out, params, &units);
    team_kinds(&mut out, params.units.into());
    districts(&mut out, params.size, &units);
    // the first line carries the digest of the rest, as an imported skeleton's does, so that
    // `generate --out` and `import --out` never replace a generated file someone has edited
    // (trial 13f J24)
    let digest = crate::import::skeleton::digest(&out);
    format!("{HEADER} {FIRST_LINE}; content digest {digest}\n{out}")
}

/// The rest of the first line, after [`HEADER`] and before the digest.
const FIRST_LINE: &str = "a made-up province for benchmarks and tests";

/// The command line that makes this file, as `campaign generate` prints it in the file's
/// header: only what changes the file (not `--out` or `--lang`), options at their default
/// left out, in a fixed order, so it reads the same however the arguments were typed.
pub fn command_line(params: &Params) -> String {
    let mut line = format!(
        "campaign generate --units {} --seed {}",
        params.units, params.seed
    );
    if params.objective != Objective::MaxInstalls {
        let _ = write!(line, " --objective {}", params.objective.as_str());
    }
    // the default compared bit for bit: a typed 0.40 is the default and is left out
    if params.target.to_bits() != DEFAULT_TARGET.to_bits() {
        let _ = write!(line, " --target {}", params.target);
    }
    if let Some(floor) = params.floor {
        let _ = write!(line, " --floor {floor}");
    }
    match params.budget {
        Some(Budget::Auto) => line.push_str(" --budget auto"),
        Some(Budget::Dong(d)) => {
            let _ = write!(line, " --budget {d}");
        }
        None => {}
    }
    if params.size == Size::District {
        line.push_str(" --size district");
    }
    for path in &params.rules {
        let _ = write!(line, " --rules {}", crate::text::shell_quoted(path));
    }
    line
}

/// `--budget auto`: half of what fielding every team of every kind for the whole horizon
/// would cost (local teams counted), to the nearest million đồng. Below the full cost, so
/// the budget binds: a plan that maximises installs cannot field everyone.
fn auto_budget(units: &[Unit]) -> u64 {
    let half = full_cost(units) / AUTO_BUDGET_SHARE;
    (half + BUDGET_ROUNDING / 2) / BUDGET_ROUNDING * BUDGET_ROUNDING
}

/// H × Σ_k c_k × teams_k in đồng: every local team of every unit, every provincial pool.
fn full_cost(units: &[Unit]) -> u64 {
    let n = units.len() as u64;
    let local: u64 = units.iter().map(|u| u.commune_teams).sum();
    let per_day: u64 = KINDS
        .iter()
        .map(|k| k.cost_per_team_day * k.available.map_or(local, |pool| pool(n)))
        .sum();
    HORIZON_DAYS * per_day
}

/// The random values, drawn from a ChaCha8 stream seeded with `--seed`.
struct Draws(ChaCha8Rng);

impl Draws {
    fn new(seed: u64) -> Draws {
        Draws(ChaCha8Rng::seed_from_u64(seed))
    }

    /// Uniform in [0, 1): the top 53 bits of one draw, exactly representable.
    fn unit(&mut self) -> f64 {
        (self.0.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in 0..n (multiply-shift: no division, a bias far below what a scenario shows).
    fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.0.next_u64()) * u128::from(n)) >> 64) as u64
    }
}

/// Every unit, in order. Each unit takes exactly three draws whatever its size or branch, so
/// unit i's figures depend on the seed and i alone.
fn draw_units(params: &Params) -> Vec<Unit> {
    let mut draws = Draws::new(params.seed);
    // numbers as wide as the largest, at least 3 as in tests/synthetic.rs: names sort in order
    let width = params.units.to_string().len().max(3);
    (1..=params.units)
        .map(|i| match params.size {
            Size::Commune => commune_unit(&mut draws, i, width),
            Size::District => district_unit(&mut draws, i, width),
        })
        .collect()
}

/// Smartphones of a commune-like unit at cumulative shares of the units: a log-normal with
/// median 4,000 and σ = 0.8, cut to 500..40,000 (computed once, offline; see the module
/// comment for why the generator does not call `exp`). Linear between the points, so the
/// distribution keeps the log-normal's long right tail: most communes are small, a few
/// wards are ten times the median.
const SMARTPHONE_QUANTILES: [(f64, f64); 19] = [
    (0.0, 500.0),
    (0.005, 510.0),
    (0.01, 620.0),
    (0.025, 830.0),
    (0.05, 1_070.0),
    (0.1, 1_430.0),
    (0.2, 2_040.0),
    (0.3, 2_630.0),
    (0.4, 3_270.0),
    (0.5, 4_000.0),
    (0.6, 4_900.0),
    (0.7, 6_080.0),
    (0.8, 7_840.0),
    (0.9, 11_150.0),
    (0.95, 14_910.0),
    (0.975, 19_190.0),
    (0.99, 25_720.0),
    (0.995, 31_400.0),
    (1.0, 40_000.0),
];

/// Units with at least this many smartphones are urban wards (`Phường`): about 1 in 20.
const WARD_SMARTPHONES: u64 = 15_000;

/// The smartphones at cumulative share `u` in [0, 1) of [`SMARTPHONE_QUANTILES`].
fn commune_smartphones(u: f64) -> u64 {
    let upper = SMARTPHONE_QUANTILES
        .iter()
        .position(|&(p, _)| p > u)
        .unwrap_or(SMARTPHONE_QUANTILES.len() - 1);
    let (p0, s0) = SMARTPHONE_QUANTILES[upper - 1];
    let (p1, s1) = SMARTPHONE_QUANTILES[upper];
    (s0 + (s1 - s0) * (u - p0) / (p1 - p0)).round() as u64
}

/// A commune or ward: skewed smartphones, a rate of 10–45% (so some units sit far below a
/// 30–40% target), one commune team (a large ward sometimes two, a commune now and then
/// none: its steering committee has no team free).
fn commune_unit(draws: &mut Draws, i: u32, width: usize) -> Unit {
    let smartphones = commune_smartphones(draws.unit());
    let rate = 0.10 + 0.35 * draws.unit();
    let team_draw = draws.below(20);
    let ward = smartphones >= WARD_SMARTPHONES;
    let commune_teams = match (ward, team_draw) {
        (true, 0..10) => 2,
        (false, 0) => 0,
        _ => 1,
    };
    let prefix = if ward { "Phường" } else { "Xã" };
    Unit {
        name: format!("{prefix} {i:0width$}"),
        installed: installed(smartphones, rate),
        smartphones,
        commune_teams,
    }
}

/// A district like the shipped ones and tests/synthetic.rs: 8,000–100,000 smartphones, a
/// rate of 15–45%, 5–30 commune teams.
fn district_unit(draws: &mut Draws, i: u32, width: usize) -> Unit {
    let smartphones = 8_000 + draws.below(92_001);
    let rate = 0.15 + 0.30 * draws.unit();
    let commune_teams = 5 + draws.below(26);
    Unit {
        name: format!("Huyện {i:0width$}"),
        installed: installed(smartphones, rate),
        smartphones,
        commune_teams,
    }
}

/// Installed phones at `rate` (below 1, so never more than the smartphones).
fn installed(smartphones: u64, rate: f64) -> u64 {
    (smartphones as f64 * rate).round() as u64
}

/// `setting` with `comment` in the comment column of the shipped scenario (column 36).
fn line(out: &mut String, setting: &str, comment: &str) {
    let pad = 35usize.saturating_sub(setting.chars().count()).max(1);
    let _ = writeln!(out, "{setting}{:pad$}# {comment}", "");
}

/// How every file `campaign generate` writes starts: what tells it apart from a real
/// scenario, which `generate --out` does not replace without `--force`.
pub const HEADER: &str = "# GENERATED synthetic data, NOT REAL:";

/// Whether `text`, a scenario file, is one `campaign generate` wrote: [`HEADER`] on a comment
/// line of the comments before its first setting. A title, a blank line or an indented `#`
/// added above it (a clerk using the file as a template) keeps it made up: the plan still says
/// so and its letter is still marked (trial 13g K5). Deleting the header is the one way to
/// make it a real scenario.
pub fn is_generated(text: &str) -> bool {
    text.trim_start_matches('\u{feff}')
        .lines()
        .map(str::trim)
        .take_while(|line| line.is_empty() || line.starts_with('#'))
        .any(|line| line.starts_with(HEADER))
}

/// The label the project's rule asks for: generated, not real, every figure an ASSUMPTION,
/// and the command that made the file (after the first line, [`HEADER`] and the digest, which
/// [`generate`] writes last).
fn header(out: &mut String, params: &Params) {
    let _ = write!(
        out,
        "# DỮ LIỆU GIẢ LẬP do máy tạo, KHÔNG PHẢI SỐ LIỆU THẬT.\n\
         #\n\
         # ASSUMPTION = every figure in this file: drawn at random or set by the generator\n\
         #              (docs/generate.md). No figure is a FACT; no unit is a real place.\n\
         #\n\
         # Made by: {}\n\
         # (campaign-planner {}: the same command writes this file again, byte for byte.)\n\n",
        command_line(params),
        env!("CARGO_PKG_VERSION"),
    );
}

/// The top-level settings, `[target]`, `[response]` and `[params]`.
fn settings(out: &mut String, params: &Params, units: &[Unit]) {
    let noun = match params.size {
        Size::Commune => "xã",
        Size::District => "huyện",
    };
    // the count grouped as Vietnamese writes it (10.600 xã), as every figure the tool prints
    let name = format!(
        "Tỉnh giả lập, {} {noun} (seed {})",
        crate::number::count(crate::text::Lang::Vi, params.units as f64),
        params.seed
    );
    line(
        out,
        &format!("name = {}", quoted(&name)),
        "GENERATED: a made-up province",
    );
    line(
        out,
        "as_of = 2020-09-01",
        "ASSUMPTION: a fixed date (the Lạng Sơn letter's)",
    );
    line(
        out,
        &format!("horizon_days = {HORIZON_DAYS}"),
        "ASSUMPTION: a two-week push",
    );
    line(
        out,
        &format!("objective = \"{}\"", params.objective.as_str()),
        "\"max-installs\", \"min-cost\" or \"max-min-rate\" (--objective)",
    );
    rules(out, &params.rules);
    budget(out, params.budget, units);
    out.push_str("\n[target]\n");
    line(
        out,
        &format!("provincial_rate = {}", params.target),
        "ASSUMPTION: the province's target (--target)",
    );
    match params.floor {
        Some(floor) => line(
            out,
            &format!("district_floor = {floor}"),
            "ASSUMPTION: every unit at least this rate (--floor)",
        ),
        None => line(out, "# district_floor = 0.30", "none (--floor RATE)"),
    }
    out.push_str(PARAMS);
}

/// `rules = [...]`: the paths as given, each a TOML string.
fn rules(out: &mut String, paths: &[String]) {
    if paths.is_empty() {
        line(out, "rules = []", "no rules (--rules PATH names some)");
        return;
    }
    line(out, "rules = [", "relative to this file's folder (--rules)");
    for path in paths {
        let _ = writeln!(out, "  {},", quoted(path));
    }
    out.push_str("]\n");
}

/// `budget = ...`, or the line commented out without `--budget`.
fn budget(out: &mut String, budget: Option<Budget>, units: &[Unit]) {
    match budget {
        None => line(
            out,
            "# budget = 250_000_000",
            "none (--budget AMOUNT or auto)",
        ),
        Some(Budget::Dong(d)) => line(
            out,
            &format!("budget = {}", grouped(d)),
            "ASSUMPTION: đồng for the horizon (--budget)",
        ),
        Some(Budget::Auto) => {
            let _ = writeln!(
                out,
                "# half of {} đồng, what every team would cost for the whole horizon, to the million",
                grouped(full_cost(units))
            );
            line(
                out,
                &format!("budget = {}", grouped(auto_budget(units))),
                "ASSUMPTION: đồng for the horizon (--budget auto)",
            );
        }
    }
}

/// `[response]` and `[params]`: the shipped scenario's values, so that `--rules` naming the
/// shipped rules (which read these keys) plans without editing the file.
const PARAMS: &str = r#"
[response]
reachable_share = 0.8              # ASSUMPTION: share of the uninstalled who can be persuaded at all

[params]
# Read only by rules that ask for them (the shipped rules do); unused with rules = [].
communication_reach = 0.01         # ASSUMPTION: share of uninstalled smartphones that communication alone converts
student_uptake = 0.25              # ASSUMPTION: share of uninstalled pupils and students who install through their schools
quarantine_compliance = 0.95       # ASSUMPTION: share of the quarantined without the app who install when told
testing_compliance = 0.80          # ASSUMPTION: share of those tested without the app who install when told
door_to_door_threshold = 0.30      # ASSUMPTION: below this rate a unit gets the full door-to-door push
door_to_door_provincial_kind = "volunteer"  # the provincial teams sent to units below the threshold
"#;

/// The three `[[team_kind]]` tables, pools sized for `units`.
fn team_kinds(out: &mut String, units: u64) {
    for kind in &KINDS {
        out.push_str("\n[[team_kind]]\n");
        line(out, &format!("name = \"{}\"", kind.name), kind.what);
        match kind.available {
            None => out.push_str("scope = \"local\"\n"),
            Some(pool) => {
                out.push_str("scope = \"provincial\"\n");
                line(
                    out,
                    &format!("available = {}", grouped(pool(units))),
                    "ASSUMPTION: teams in the provincial pool",
                );
            }
        }
        line(
            out,
            &format!("installs_per_team_day = {}", kind.installs_per_team_day),
            "ASSUMPTION: homes persuaded per team-day on an untouched pool",
        );
        line(
            out,
            &format!("cost_per_team_day = {}", grouped(kind.cost_per_team_day)),
            "ASSUMPTION: đồng per team-day",
        );
    }
}

/// The `[[district]]` tables, after a comment saying how they were drawn.
fn districts(out: &mut String, size: Size, units: &[Unit]) {
    out.push_str(match size {
        Size::Commune => {
            "\n# Units: communes (\"Xã\") and, from 15,000 smartphones, wards (\"Phường\"). Every\n\
             # figure is an ASSUMPTION drawn at random: smartphones log-normal around 4,000\n\
             # (500 to 40,000), installed 10-45% of them, one commune team (a ward sometimes\n\
             # two, a commune now and then none).\n"
        }
        Size::District => {
            "\n# Units: districts (\"Huyện\"). Every figure is an ASSUMPTION drawn at random:\n\
             # smartphones 8,000 to 100,000, installed 15-45% of them, 5 to 30 commune teams.\n"
        }
    });
    for unit in units {
        let _ = write!(
            out,
            "\n[[district]]\nname = \"{}\"\ninstalled = {}\nsmartphones = {}\n\
             teams = {{ commune = {} }}\n",
            unit.name,
            grouped(unit.installed),
            grouped(unit.smartphones),
            unit.commune_teams,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quantile_table_rises_from_500_to_40_000() {
        assert!(
            SMARTPHONE_QUANTILES
                .windows(2)
                .all(|w| w[0].0 < w[1].0 && w[0].1 < w[1].1)
        );
        assert_eq!(commune_smartphones(0.0), 500);
        assert_eq!(commune_smartphones(0.5), 4_000);
        assert_eq!(commune_smartphones(1.0 - f64::EPSILON), 40_000);
    }

    #[test]
    fn the_median_unit_has_about_4_000_smartphones() {
        let mut draws = Draws::new(1);
        let mut phones: Vec<u64> = (0..10_001)
            .map(|_| commune_smartphones(draws.unit()))
            .collect();
        phones.sort_unstable();
        let median = phones[5_000];
        assert!((3_700..4_300).contains(&median), "median {median}");
    }

    #[test]
    fn a_path_is_quoted_for_the_shell_only_when_it_needs_it() {
        assert_eq!(crate::text::shell_quoted("../rules"), "../rules");
        assert_eq!(
            crate::text::shell_quoted("my rules/a.rhai"),
            "'my rules/a.rhai'"
        );
        assert_eq!(crate::text::shell_quoted("it's"), r"'it'\''s'");
        assert_eq!(crate::text::shell_quoted("a\nb"), "'a\u{fffd}b'");
    }

    #[test]
    fn the_auto_budget_is_half_the_full_cost_to_the_million() {
        let unit = |teams| Unit {
            name: String::new(),
            installed: 0,
            smartphones: 1,
            commune_teams: teams,
        };
        // one unit, one commune team: 14 × (150,000 + 3 × 300,000 + 1 × 1,500,000)
        let units = [unit(1)];
        assert_eq!(full_cost(&units), 35_700_000);
        assert_eq!(auto_budget(&units), 18_000_000);
    }
}
