//! Whole-pipeline timings for docs/performance.md (issue 11's targets): `cargo bench --bench plan`.
//!
//! Every timed run is what `campaign plan FILE --format json` does, in the process: load the
//! scenario file, run the rules before and after the solve, solve, evaluate exactly, render the
//! JSON. The scenarios are the shipped Lạng Sơn one (each objective switched in memory after
//! the load) and generated ones (`campaign_planner::synthetic`, the code behind `campaign
//! generate`, written to a temporary folder at start): 200, 700 and 10,600 communes, each
//! objective, without and with `--budget auto --floor 0.25`; a provincial target out of reach
//! on 2,000 communes; with rules, the shipped `synthetic-700.toml` (700 districts) and 10,600
//! communes with the shipped rules; and a sweep of 100 values of the target on 700 communes on
//! two threads (`campaign_planner::sweep`, the code behind `campaign sweep`, with its JSON).
//! The generated scenarios have no rules unless said.
//!
//! Each row prints the median and fastest wall time of its runs, the median of each phase
//! (load; rules, solve and exact evaluation; JSON), the plan's status and the gap the optimiser
//! proves. For the 10,600-commune rows it also runs the release binary once under
//! `/usr/bin/time -f %M` and prints the peak memory of the whole process. Never asserts a time;
//! the whole bench takes about 45 s on two idle cores.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use campaign_planner::model::Objective;
use campaign_planner::plan::Plan;
use campaign_planner::report::{self, Format};
use campaign_planner::solve::Status;
use campaign_planner::synthetic::{self, Budget, Params};
use campaign_planner::text::Lang;

/// The seed of every generated scenario (docs/generate.md's examples use 3).
const SEED: u64 = 3;
/// The floor of the "budget and floor" rows: `--budget auto --floor 0.25`.
const FLOOR: f64 = 0.25;
/// Issue 11's sizes and the runs each gets.
const SIZES: [(u32, usize); 3] = [(200, 20), (700, 7), (10_600, 3)];
const LANG_SON_RUNS: usize = 30;
/// The shipped 700-district scenario, and 10,600 communes with the shipped rules.
const SHIPPED_700_RUNS: usize = 5;
const WITH_RULES_10600_RUNS: usize = 3;
const OUT_OF_REACH_UNITS: u32 = 2_000;
const OUT_OF_REACH_TARGET: f64 = 0.95;
const OUT_OF_REACH_RUNS: usize = 5;
const SWEEP_UNITS: u32 = 700;
/// 0.300, 0.301, ..., 0.399: 100 values.
const SWEEP_VARY: &str = "target.provincial_rate=0.300..0.399:0.001";
const SWEEP_JOBS: usize = 2;
const SWEEP_RUNS: usize = 3;

/// Wall times of the three phases of one run: load, plan (rules, solve, exact evaluation),
/// JSON.
type Phases = [Duration; 3];

/// Median and fastest total of `runs` calls of `f`, and the median of each phase.
fn time(runs: usize, mut f: impl FnMut() -> Phases) -> (Duration, Duration, Phases) {
    let mut runs: Vec<Phases> = (0..runs).map(|_| f()).collect();
    let median = |mut v: Vec<Duration>| {
        v.sort();
        v[v.len() / 2]
    };
    let phase = |i: usize| median(runs.iter().map(|p| p[i]).collect());
    let phases = [phase(0), phase(1), phase(2)];
    let total = |p: &Phases| p.iter().sum::<Duration>();
    runs.sort_by_key(total);
    (total(&runs[runs.len() / 2]), total(&runs[0]), phases)
}

/// Median and fastest of `runs` calls of `f`, timed as a whole (a sweep).
fn time_whole(runs: usize, mut f: impl FnMut()) -> (Duration, Duration) {
    let (median, fastest, _) = time(runs, || {
        let start = Instant::now();
        f();
        [start.elapsed(), Duration::ZERO, Duration::ZERO]
    });
    (median, fastest)
}

fn ms(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1e3;
    if ms < 100.0 {
        format!("{ms:.1} ms")
    } else {
        format!("{ms:.0} ms")
    }
}

fn status(plan: &Plan) -> String {
    match plan.status {
        Status::Optimal => "optimal".to_string(),
        Status::Feasible => "feasible".to_string(),
        Status::Infeasible => {
            let n = plan.diagnosis.as_ref().map_or(0, |d| d.findings.len());
            format!("infeasible, {n} finding{}", if n == 1 { "" } else { "s" })
        }
    }
}

fn gap(plan: &Plan) -> String {
    plan.optimality
        .gap
        .map_or("-".to_string(), |g| format!("{g:.1e}"))
}

/// The whole pipeline of `campaign plan FILE --format json`, `objective` switched in memory
/// when given: the plan and the wall time of each phase.
fn pipeline(path: &Path, objective: Option<Objective>) -> (Plan, Phases) {
    let start = Instant::now();
    let mut scenario = campaign_planner::scenario::load(path).expect("the scenario loads");
    if let Some(objective) = objective {
        scenario.objective = objective;
    }
    let loaded = Instant::now();
    let plan = campaign_planner::plan_scenario(&scenario).expect("the scenario plans");
    let planned = Instant::now();
    let json = report::render(&plan, Format::Json, Lang::Vi);
    std::hint::black_box(json);
    let rendered = Instant::now();
    (plan, [loaded - start, planned - loaded, rendered - planned])
}

/// Peak memory (KB) of `campaign plan FILE --format json --out TMP` as a whole process, by
/// `/usr/bin/time -f %M`; `None` when that cannot be run.
fn peak_memory(path: &Path, out: &Path) -> Option<u64> {
    let output = Command::new("/usr/bin/time")
        .args(["-f", "%M", env!("CARGO_BIN_EXE_campaign"), "plan"])
        .arg(path)
        .args(["--format", "json", "--out"])
        .arg(out)
        .output()
        .ok()?;
    // an infeasible plan exits with status 2 and time says so on a line before %M
    String::from_utf8_lossy(&output.stderr)
        .lines()
        .last()?
        .trim()
        .parse()
        .ok()
}

struct Row<'a> {
    scenario: &'a str,
    objective: &'a str,
    constraints: &'a str,
    runs: usize,
}

fn print_row(
    row: &Row,
    (median, fastest, [load, plan_time, json]): (Duration, Duration, Phases),
    plan: &Plan,
    peak: &str,
) {
    println!(
        "| {} | {} | {} | {} | {} | {} / {} / {} | {} | {} | {} | {} |",
        row.scenario,
        row.objective,
        row.constraints,
        ms(median),
        ms(fastest),
        ms(load),
        ms(plan_time),
        ms(json),
        row.runs,
        status(plan),
        gap(plan),
        peak,
    );
}

/// Times the whole pipeline on `path` and prints its row; with `peak`, also the peak memory of
/// the release binary planning `path` into the file `peak`.
fn measure(row: &Row, path: &Path, objective: Option<Objective>, peak: Option<&Path>) {
    let mut last = None;
    let times = time(row.runs, || {
        let (plan, phases) = pipeline(path, objective);
        last = Some(plan);
        phases
    });
    let peak = peak.map_or(String::new(), |out| {
        peak_memory(path, out).map_or("-".to_string(), |kb| {
            format!("{:.0} MiB", kb as f64 / 1024.0)
        })
    });
    print_row(row, times, &last.expect("at least one run"), &peak);
}

fn write(dir: &Path, name: &str, params: &Params) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, synthetic::generate(params)).expect("the temporary folder is writable");
    path
}

fn main() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let out = dir.path().join("plan.json");
    println!(
        "| scenario | objective | budget / floor | median | fastest | load / plan / JSON | runs | status | proven gap | peak memory |"
    );
    println!("| --- | --- | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: |");

    let shipped = Path::new(env!("CARGO_MANIFEST_DIR"));
    let lang_son = shipped.join("scenarios/lang-son-2020-09-01.toml");
    for objective in Objective::ALL {
        let row = Row {
            scenario: "Lạng Sơn (11 districts)",
            objective: objective.as_str(),
            constraints: "as shipped",
            runs: LANG_SON_RUNS,
        };
        measure(&row, &lang_son, Some(objective), None);
    }

    for (units, runs) in SIZES {
        for objective in Objective::ALL {
            for constrained in [false, true] {
                let mut params = Params::new(units, SEED);
                params.objective = objective;
                if constrained {
                    params.budget = Some(Budget::Auto);
                    params.floor = Some(FLOOR);
                }
                let name = format!(
                    "generated-{units}-{}{}.toml",
                    objective.as_str(),
                    if constrained { "-budget-floor" } else { "" }
                );
                let path = write(dir.path(), &name, &params);
                let scenario = format!("{units} communes");
                let row = Row {
                    scenario: &scenario,
                    objective: objective.as_str(),
                    constraints: if constrained { "auto / 0.25" } else { "none" },
                    runs,
                };
                let peak = (units >= 10_000).then_some(out.as_path());
                measure(&row, &path, None, peak);
            }
        }
    }

    let mut params = Params::new(OUT_OF_REACH_UNITS, SEED);
    params.objective = Objective::MinCost;
    params.target = OUT_OF_REACH_TARGET;
    let path = write(dir.path(), "generated-2000-out-of-reach.toml", &params);
    let row = Row {
        scenario: "2000 communes, target 0.95",
        objective: Objective::MinCost.as_str(),
        constraints: "none",
        runs: OUT_OF_REACH_RUNS,
    };
    measure(&row, &path, None, None);

    // With rules: the shipped 700 districts (tests/synthetic.rs), and 10,600 communes with the
    // shipped rules, whose trace of every rule call the JSON carries.
    let synthetic_700 = shipped.join("scenarios/synthetic-700.toml");
    for objective in Objective::ALL {
        let row = Row {
            scenario: "synthetic-700.toml (700 districts, shipped rules)",
            objective: objective.as_str(),
            constraints: "as shipped",
            runs: SHIPPED_700_RUNS,
        };
        measure(&row, &synthetic_700, Some(objective), None);
    }
    let mut params = Params::new(10_600, SEED);
    params.rules = vec![shipped.join("rules").display().to_string()];
    let path = write(dir.path(), "generated-10600-rules.toml", &params);
    let row = Row {
        scenario: "10600 communes, shipped rules",
        objective: Objective::MaxInstalls.as_str(),
        constraints: "none",
        runs: WITH_RULES_10600_RUNS,
    };
    measure(&row, &path, None, Some(&out));

    println!();
    println!(
        "| sweep (seed {SEED}) | objective | values | jobs | median | fastest | runs | statuses |"
    );
    println!("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |");
    let vary = campaign_planner::sweep::parse_vary(SWEEP_VARY).expect("the range reads");
    for objective in [Objective::MinCost, Objective::MaxInstalls] {
        let mut params = Params::new(SWEEP_UNITS, SEED);
        params.objective = objective;
        let path = write(
            dir.path(),
            &format!("generated-{SWEEP_UNITS}-sweep-{}.toml", objective.as_str()),
            &params,
        );
        let mut statuses = String::new();
        let times = time_whole(SWEEP_RUNS, || {
            let points = campaign_planner::sweep::sweep(&path, &vary, &[], SWEEP_JOBS, &|| {})
                .expect("every value plans");
            let json = campaign_planner::sweep::render_json(&points);
            std::hint::black_box(json);
            let count = |s: Status| points.iter().filter(|p| p.summary.plan_status == s).count();
            statuses = format!(
                "{} optimal, {} feasible, {} infeasible",
                count(Status::Optimal),
                count(Status::Feasible),
                count(Status::Infeasible)
            );
        });
        println!(
            "| {SWEEP_UNITS} communes, `--vary {SWEEP_VARY}` | {} | {} | {SWEEP_JOBS} | {} | {} | {SWEEP_RUNS} | {statuses} |",
            objective.as_str(),
            vary.values.len(),
            ms(times.0),
            ms(times.1),
        );
    }
}
