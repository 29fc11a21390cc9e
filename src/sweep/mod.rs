//! `campaign sweep`: the plan of a scenario for every value of one key, e.g. "how many
//! volunteer teams buy how many points of coverage" (`--vary team_kind.volunteer.available=10..50:10`)
//! or "what does each extra point of target cost" (`--vary target.provincial_rate=0.40..0.50:0.01`).
//!
//! Each value is planned exactly as `campaign plan --set KEY=VALUE` would plan it (the same
//! loader, the same rules, the same solver), on as many threads as asked. Results are kept by
//! value, so the output is the same whatever the number of threads.

mod render;

pub use render::{render_json, render_markdown, render_text};

use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::diagnostic::Error;
use crate::plan::Plan;
use crate::text::Text;

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
    let form = || {
        Text::new(
            "viết `--vary KHÓA=TỪ..ĐẾN:BƯỚC`, ví dụ `--vary team_kind.volunteer.available=10..50:10` \
             hoặc `--vary target.provincial_rate=0.40..0.50:0.02`",
            "write `--vary KEY=FROM..TO:STEP`, e.g. `--vary team_kind.volunteer.available=10..50:10` \
             or `--vary target.provincial_rate=0.40..0.50:0.02`",
        )
    };
    let bad = |vi: String, en: String| {
        Error::new(Text::new(vi, en))
            .field(format!("--vary {text}"))
            .hint(form())
    };
    let Some((key, range)) = text.split_once('=') else {
        return Err(bad(
            format!("thiếu dấu `=` giữa khóa và khoảng giá trị trong `{text}`"),
            format!("`=` missing between the key and the range in `{text}`"),
        ));
    };
    let key = key.trim();
    if key.is_empty() {
        return Err(bad(
            "chưa ghi khóa cần thay đổi".to_string(),
            "the key to vary is missing".to_string(),
        ));
    }
    let (span, step) = range.split_once(':').unwrap_or((range, ""));
    let Some((from, to)) = span.split_once("..") else {
        return Err(bad(
            format!("khoảng giá trị `{range}` thiếu `..` giữa điểm đầu và điểm cuối"),
            format!("the range `{range}` lacks `..` between its start and end"),
        ));
    };
    let (from, to, step) = (from.trim(), to.trim(), step.trim());
    if step.is_empty() {
        return Err(bad(
            format!("khoảng giá trị `{range}` thiếu bước `:BƯỚC`"),
            format!("the range `{range}` lacks its step `:STEP`"),
        ));
    }
    let number = |s: &str, vi: &str, en: &str| -> Result<f64, Error> {
        s.parse::<f64>()
            .ok()
            .filter(|x| x.is_finite())
            .ok_or_else(|| {
                bad(
                    format!("{vi} `{s}` không phải là một số"),
                    format!("the {en} `{s}` is not a number"),
                )
            })
    };
    let (a, b, d) = (
        number(from, "điểm đầu", "start")?,
        number(to, "điểm cuối", "end")?,
        number(step, "bước", "step")?,
    );
    if d <= 0.0 {
        return Err(bad(
            format!("bước phải lớn hơn 0, không phải {step}"),
            format!("the step must be above 0, not {step}"),
        ));
    }
    if b < a {
        return Err(bad(
            format!("điểm cuối {to} nhỏ hơn điểm đầu {from}"),
            format!("the end {to} is below the start {from}"),
        ));
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
        return Err(bad(
            format!("bước {step} quá nhỏ so với số chữ số thập phân của điểm đầu"),
            format!("the step {step} is finer than the start's decimals"),
        ));
    }
    let count = ((ib - ia) / id).floor() + 1.0;
    if count > MAX_VALUES as f64 {
        return Err(bad(
            format!(
                "khoảng `{range}` cho {} giá trị, nhiều hơn mức tối đa {MAX_VALUES}",
                count as u64
            ),
            format!(
                "the range `{range}` gives {} values, more than the {MAX_VALUES} allowed",
                count as u64
            ),
        ));
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
                also.push(Error::new(Text::new(
                    format!("(khi {} = {value})", vary.key),
                    format!("(with {} = {value})", vary.key),
                )));
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
