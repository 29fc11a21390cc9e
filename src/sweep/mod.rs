//! `campaign sweep`: the plan of a scenario for every value of one key, e.g. "how many
//! volunteer teams buy how many points of coverage" (`--vary team_kind.volunteer.available=10..50:10`)
//! or "what does each extra point of target cost" (`--vary target.provincial_rate=0.40..0.50:0.01`).
//!
//! Each value is planned exactly as `campaign plan --set KEY=VALUE` would plan it (the same
//! loader, the same rules, the same solver), on as many threads as asked. Results are kept by
//! value, so the output is the same whatever the number of threads.

mod message;
mod render;

pub use render::{render_json, render_markdown, render_text};

use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::diagnostic::Error;
use crate::plan::Plan;
use message::{Bound, FailedAt, VaryProblem};

/// The end of a range counts when a binary fraction puts it this share of a step short of a
/// whole number of steps (0.50 written as 0.49999999).
const END_SLACK: f64 = 1e-6;

/// The most values one sweep may plan.
pub const MAX_VALUES: usize = 1_000;

/// `KEY=FROM..TO:STEP`, read.
#[derive(Debug, Clone, PartialEq)]
pub struct Vary {
    pub key: String,
    /// Every value, as written for `--set` (`10`, `0.41`), in order.
    pub values: Vec<String>,
}

/// The plan for one value.
#[derive(Debug)]
pub struct Point {
    /// The value as written for `--set`.
    pub value: String,
    pub plan: Plan,
}

/// Reads `KEY=FROM..TO:STEP`. Whole numbers stay whole (`10..50:10` gives 10, 20, ..., 50);
/// otherwise each value has as many decimals as FROM and STEP (`0.40..0.50:0.01`).
pub fn parse_vary(text: &str) -> Result<Vary, Error> {
    let bad = |problem: VaryProblem| Error::new(problem).field(format!("--vary {text}"));
    let Some((key, range)) = text.split_once('=') else {
        return Err(bad(VaryProblem::NoEquals {
            text: text.to_string(),
        }));
    };
    let key = key.trim();
    if key.is_empty() {
        return Err(bad(VaryProblem::NoKey));
    }
    let (span, step) = range.split_once(':').unwrap_or((range, ""));
    let Some((from, to)) = span.split_once("..") else {
        return Err(bad(VaryProblem::NoDots {
            range: range.to_string(),
        }));
    };
    let (from, to, step) = (from.trim(), to.trim(), step.trim());
    if step.is_empty() {
        return Err(bad(VaryProblem::NoStep {
            range: range.to_string(),
        }));
    }
    let number = |s: &str, bound: Bound| -> Result<f64, Error> {
        s.parse::<f64>()
            .ok()
            .filter(|x| x.is_finite())
            .ok_or_else(|| {
                bad(VaryProblem::NotANumber {
                    bound,
                    written: s.to_string(),
                })
            })
    };
    let (a, b, d) = (
        number(from, Bound::Start)?,
        number(to, Bound::End)?,
        number(step, Bound::Step)?,
    );
    if d <= 0.0 {
        return Err(bad(VaryProblem::StepNotPositive {
            step: step.to_string(),
        }));
    }
    if b < a {
        return Err(bad(VaryProblem::EndBelowStart {
            from: from.to_string(),
            to: to.to_string(),
        }));
    }
    let decimals = |s: &str| s.split_once('.').map_or(0, |(_, f)| f.len());
    let places = decimals(from).max(decimals(step));
    // the count by integer arithmetic on the written decimals, so 0.40..0.50:0.01 has 11 values
    let scale = 10f64.powi(i32::try_from(places).unwrap_or(0));
    let (ia, ib, id) = (
        (a * scale).round(),
        (b * scale + END_SLACK).floor(),
        (d * scale).round(),
    );
    if id < 1.0 {
        return Err(bad(VaryProblem::StepTooFine {
            step: step.to_string(),
        }));
    }
    let count = ((ib - ia) / id).floor() + 1.0;
    if count > MAX_VALUES as f64 {
        return Err(bad(VaryProblem::TooMany {
            range: range.to_string(),
            values: count as u64,
        }));
    }
    let values = (0..count as u64)
        .map(|i| {
            let v = (ia + id * i as f64) / scale;
            format!("{v:.places$}")
        })
        .collect();
    Ok(Vary {
        key: key.to_string(),
        values,
    })
}

/// Plans `scenario` for every value of `vary`, with `settings` (`--set`) applied first, on
/// `jobs` threads. `progress` is called once per finished value (from the worker threads).
/// The first value (in order) whose plan fails gives the error, naming the value.
pub fn sweep(
    scenario: &Path,
    vary: &Vary,
    settings: &[String],
    jobs: usize,
    progress: &(dyn Fn() + Sync),
) -> Result<Vec<Point>, Error> {
    let n = vary.values.len();
    let results: Mutex<Vec<Option<Result<Plan, Error>>>> =
        Mutex::new((0..n).map(|_| None).collect());
    let next = AtomicUsize::new(0);
    let threads = jobs.clamp(1, n.max(1));
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= n {
                        break;
                    }
                    let mut all = settings.to_vec();
                    all.push(format!("{}={}", vary.key, vary.values[i]));
                    let result = crate::plan_with(scenario, &all);
                    results.lock().unwrap_or_else(|e| e.into_inner())[i] = Some(result);
                    progress();
                }
            });
        }
    });
    let results = results.into_inner().unwrap_or_else(|e| e.into_inner());
    let mut points = Vec::with_capacity(n);
    for (value, result) in vary.values.iter().zip(results) {
        match result {
            Some(Ok(plan)) => points.push(Point {
                value: value.clone(),
                plan,
            }),
            Some(Err(e)) => {
                let mut also: Vec<Error> = e.also.to_vec();
                also.push(Error::new(FailedAt {
                    key: vary.key.clone(),
                    value: value.clone(),
                }));
                let mut e = e;
                e.also = also.into_boxed_slice();
                return Err(e);
            }
            None => unreachable!("every value is planned before the threads end"),
        }
    }
    Ok(points)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_stay_whole() {
        let v = parse_vary("team_kind.volunteer.available=10..50:10").unwrap();
        assert_eq!(v.key, "team_kind.volunteer.available");
        assert_eq!(v.values, ["10", "20", "30", "40", "50"]);
    }

    #[test]
    fn decimals_follow_the_written_start_and_step() {
        let v = parse_vary("target.provincial_rate=0.40..0.50:0.01").unwrap();
        assert_eq!(v.values.len(), 11);
        assert_eq!(v.values[0], "0.40");
        assert_eq!(v.values[3], "0.43");
        assert_eq!(v.values[10], "0.50");
        let v = parse_vary("x=0.4..0.5:0.05").unwrap();
        assert_eq!(v.values, ["0.40", "0.45", "0.50"]);
    }

    #[test]
    fn a_range_that_does_not_land_on_its_end_stops_before_it() {
        let v = parse_vary("x=10..45:10").unwrap();
        assert_eq!(v.values, ["10", "20", "30", "40"]);
    }

    #[test]
    fn bad_ranges_say_what_to_write() {
        for (text, en) in [
            ("x", "`=` missing"),
            ("x=1-5:1", "lacks `..`"),
            ("x=1..5", "lacks its step"),
            ("x=a..5:1", "the start `a` is not a number"),
            ("x=1..5:0", "the step must be above 0"),
            ("x=5..1:1", "the end 1 is below the start 5"),
            ("x=0..100000:1", "more than the 1000 allowed"),
        ] {
            let err = parse_vary(text).unwrap_err();
            let shown = err.render(crate::text::Lang::En);
            assert!(shown.contains(en), "{text}: {shown}");
            assert!(
                shown.contains("hint: write `--vary KEY=FROM..TO:STEP`"),
                "{shown}"
            );
        }
    }
}
