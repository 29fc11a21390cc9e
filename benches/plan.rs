//! Whole-pipeline timings (load, rules, solve, exact evaluation, JSON) for docs/performance.md:
//! `cargo bench --bench plan`. Prints the median and fastest of several runs per scenario and
//! objective; never asserts a time.

use std::path::Path;
use std::time::{Duration, Instant};

use campaign_planner::model::Objective;
use campaign_planner::report::{self, Format};
use campaign_planner::text::Lang;

fn time(runs: usize, mut f: impl FnMut()) -> (Duration, Duration) {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    (times[runs / 2], times[0])
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    println!("| scenario | objective | median | fastest | runs | gap |");
    println!("| --- | --- | ---: | ---: | ---: | ---: |");
    for (file, runs) in [("lang-son-2020-09-01.toml", 50), ("synthetic-700.toml", 5)] {
        let path = root.join(file);
        let base = campaign_planner::scenario::load(&path).expect("the shipped scenario loads");
        for objective in Objective::ALL {
            let mut scenario = base.clone();
            scenario.objective = objective;
            let mut gap = None;
            let (median, fastest) = time(runs, || {
                let scenario = campaign_planner::scenario::load(&path).map(|mut s| {
                    s.objective = objective;
                    s
                });
                let plan =
                    campaign_planner::plan_scenario(&scenario.expect("loads")).expect("plans");
                let json = report::render(&plan, Format::Json, Lang::Vi);
                std::hint::black_box(json);
                gap = plan.optimality.gap;
            });
            let _ = scenario;
            println!(
                "| {file} | {} | {:.1} ms | {:.1} ms | {runs} | {} |",
                objective.as_str(),
                median.as_secs_f64() * 1e3,
                fastest.as_secs_f64() * 1e3,
                gap.map_or("-".to_string(), |g| format!("{g:.2e}")),
            );
        }
    }
}
