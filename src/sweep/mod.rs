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
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use crate::diagnostic::{Error, Message, VaryAt, shortened};
use crate::plan::Plan;
use crate::scenario::Takes;
use crate::text::{Lang, Text};
use message::{AlsoSet, Bound, FailedAt, Fits, NotWhole, VaryHint, VaryProblem};

/// The end of a range counts when a binary fraction puts it this share of a step short of a
/// whole number of steps (0.50 written as 0.49999999).
const END_SLACK: f64 = 1e-6;

/// From this size up a value of a range is written as a power of ten (`1e40`): below the
/// largest whole number the scenario reads (`i128`, about 1.7 × 10^38).
const WRITTEN_AS_POWER: f64 = 1e36;

/// From this size up a value of a whole-number key (a team count, `horizon_days`) is written
/// as a power of ten too: past it an `f64` no longer holds every digit (1e35 would be written
/// 99999999999999996863366107917975552), and it is far above the largest any such key takes
/// (10^12 people), which the scenario's message then names.
const WHOLE_WRITTEN_AS_POWER: f64 = 1e15;

/// The most values one sweep may plan.
pub const MAX_VALUES: usize = 1_000;

/// `KEY=FROM..TO:STEP`, read.
#[derive(Debug, Clone, PartialEq)]
pub struct Vary {
    pub key: String,
    /// Every value, as written for `--set` (`10`, `0.41`), in order.
    pub values: Vec<String>,
    /// The `--vary` as typed, for messages.
    pub text: String,
    /// FROM, TO and STEP as numbers, and the decimals every value is written with.
    range: (f64, f64, f64),
    places: usize,
    /// FROM and STEP as typed (trimmed), for messages that quote them (trial 13f J15).
    written: (String, String),
}

/// The `--vary` to type for a range written as a person writes it, when it can be read as one:
/// shares in percent (`40%..60%` is `0.4..0.6`), a decimal comma (`0,4`), colons for the dots
/// (`40%:60%:5%`, `0.4:0.6:0.05` or `0.4:0.05:0.6`), no step (one of about ten values is
/// proposed). The text, quoted for a shell, and whether percents were made shares; `None`
/// when the range is not one of these, or the form proposed would not be read either.
fn typed_as_meant(text: &str) -> Option<(String, bool)> {
    let (key, range) = text.split_once('=')?;
    let key = key.trim();
    if key.is_empty() {
        return None;
    }
    let range: String = range.chars().filter(|c| !c.is_whitespace()).collect();
    let parts: Vec<&str> = match range.split_once("..") {
        Some((from, rest)) => match rest.split_once(':') {
            Some((to, step)) => vec![from, to, step],
            None => vec![from, rest],
        },
        None => range.split(':').collect(),
    };
    if !(2..=3).contains(&parts.len()) {
        return None;
    }
    let percent = parts.iter().any(|p| p.ends_with('%'));
    let mut numbers = Vec::new();
    for part in &parts {
        let written = part.strip_suffix('%').unwrap_or(part);
        let written = if written.matches(',').count() == 1 && !written.contains('.') {
            written.replacen(',', ".", 1)
        } else {
            written.to_string()
        };
        let x: f64 = written.parse().ok().filter(|x: &f64| x.is_finite())?;
        numbers.push(if percent { x / 100.0 } else { x });
    }
    let (from, mut to, mut step) = (numbers[0], numbers[1], numbers.get(2).copied());
    // `FROM:STEP:TO`, as some tools write a range: the middle one is the step
    if range.split_once("..").is_none()
        && let Some(last) = step
        && last > to
        && to > 0.0
        && to < last - from
    {
        (to, step) = (last, Some(to));
    }
    let step = match step {
        Some(step) => step,
        None => nice_step(from, to)?,
    };
    let round = |x: f64| (x * 1e9).round() / 1e9;
    let typed = format!("{key}={}..{}:{}", round(from), round(to), round(step));
    read_vary(&typed, false).ok()?;
    if typed == text.trim() {
        return None;
    }
    Some((crate::text::shell_quoted(&typed), percent))
}

/// A step giving about ten values from `from` to `to`: 1, 2 or 5 times a power of ten, whole
/// when both ends are.
fn nice_step(from: f64, to: f64) -> Option<f64> {
    let span = to - from;
    if span <= 0.0 {
        return None;
    }
    let rough = span / 10.0;
    let power = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|s| *s >= rough * 0.99)?;
    let whole = from.fract() == 0.0 && to.fract() == 0.0;
    Some(if whole { step.round().max(1.0) } else { step })
}

/// What the sweep prints and writes of one value's plan: its row, its diagnosis and the
/// JSON entry. The plan itself is dropped as soon as it is summarised (a whole plan of the
/// 700-district scenario is ≈8 MB: a thousand of them took gigabytes; trial F30).
#[derive(Debug)]
pub struct Point {
    /// The value as written for `--set`.
    pub value: String,
    pub summary: Summary,
}

/// One value's plan, summarised: see [`Point`].
#[derive(Debug)]
pub struct Summary {
    /// The scenario's title and its team kinds' names.
    pub scenario: String,
    pub team_kinds: Vec<String>,
    pub districts: usize,
    /// The plan's status, and whether it meets the scenario.
    pub plan_status: crate::solve::Status,
    pub meets_scenario: bool,
    /// Installs and cost as the reports print them (sums of rounded districts).
    pub installed: f64,
    pub rate: f64,
    pub cost: f64,
    /// Teams of each kind, over all districts.
    pub teams: Vec<u64>,
    pub below_target: usize,
    /// The provincial target, and whether the plan reaches it as the reports print it (the
    /// plan's own "ĐẠT / CHƯA ĐẠT"; trial 13g K7: feasibility is not the target's verdict).
    pub target_rate: f64,
    pub target_reached: bool,
    /// Districts below their floor, when any district has one.
    pub below_floor: Option<usize>,
    /// Why the plan does not meet the scenario, in Vietnamese and English (None when it does).
    pub why: Option<[Vec<String>; 2]>,
    /// The plan JSON's `status` and `province`.
    pub status: serde_json::Value,
    pub province: serde_json::Value,
}

impl Summary {
    pub fn of(plan: &Plan) -> Summary {
        let teams = (0..plan.team_kinds.len())
            .map(|k| {
                plan.districts
                    .iter()
                    .map(|d| u64::from(d.allocation[k].teams))
                    .sum()
            })
            .collect();
        let has_floor = plan.districts.iter().any(|d| d.floor.is_some());
        let meets_scenario = plan.status.meets_scenario();
        let why = |lang| crate::report::diagnosis::of_plan(plan, lang).unwrap_or_default();
        Summary {
            scenario: plan.scenario.clone(),
            team_kinds: plan.team_kinds.iter().map(|k| k.name.clone()).collect(),
            districts: plan.districts.len(),
            plan_status: plan.status,
            meets_scenario,
            installed: plan.projected_installed_as_printed(),
            rate: plan.projected_rate_as_printed(),
            cost: plan.cost_as_printed(),
            teams,
            below_target: plan
                .districts
                .iter()
                .filter(|d| d.short_of(plan.province.target_rate))
                .count(),
            target_rate: plan.province.target_rate,
            target_reached: plan.target_reached_as_printed(),
            below_floor: has_floor
                .then(|| plan.districts.iter().filter(|d| d.below_floor()).count()),
            why: (!meets_scenario).then(|| [why(Lang::Vi), why(Lang::En)]),
            status: crate::report::json::status_value(plan),
            province: crate::report::json::province_value(plan),
        }
    }
}

/// Reads `KEY=FROM..TO:STEP`. Whole numbers stay whole (`10..50:10` gives 10, 20, ..., 50);
/// otherwise each value has as many decimals as FROM and STEP (`0.40..0.50:0.01`).
pub fn parse_vary(text: &str) -> Result<Vary, Error> {
    read_vary(text, true)
}

/// `written` without the `_` that group its digits, as TOML and `--set` read a number
/// (`100_000_000`): only a `_` between two digits; any other is kept, and the number is then
/// not read.
fn without_underscores(written: &str) -> std::borrow::Cow<'_, str> {
    if !written.contains('_') {
        return std::borrow::Cow::Borrowed(written);
    }
    let chars: Vec<char> = written.chars().collect();
    let grouping = chars.iter().enumerate().all(|(i, &c)| {
        c != '_'
            || (i > 0
                && chars.get(i - 1).is_some_and(char::is_ascii_digit)
                && chars.get(i + 1).is_some_and(char::is_ascii_digit))
    });
    if grouping {
        std::borrow::Cow::Owned(chars.into_iter().filter(|&c| c != '_').collect())
    } else {
        std::borrow::Cow::Borrowed(written)
    }
}

/// [`parse_vary`]; `suggest`: an error's hint gives the `--vary` to type, when the range reads
/// as one written as a person writes it ([`typed_as_meant`], which checks its own proposal
/// without one).
fn read_vary(text: &str, suggest: bool) -> Result<Vary, Error> {
    // the `--vary` as typed, with the caret under its first character (not a "field"), or
    // under the part it is about
    let bad_at = |problem: VaryProblem, column: usize| {
        let e = Error::new(problem).vary(
            crate::diagnostic::VaryAt {
                text: shortened(text),
                value: None,
            },
            column,
        );
        match suggest.then(|| typed_as_meant(text)).flatten() {
            Some((typed, percent)) => e.hint(VaryHint::Typed { typed, percent }.text()),
            None => e,
        }
    };
    let bad = |problem: VaryProblem| bad_at(problem, 1);
    let Some((key, range)) = text.split_once('=') else {
        return Err(bad(VaryProblem::NoEquals {
            text: shortened(text),
        }));
    };
    let key = key.trim();
    if key.is_empty() {
        return Err(bad(VaryProblem::NoKey));
    }
    let (span, step) = range.split_once(':').unwrap_or((range, ""));
    let Some((from, to)) = span.split_once("..") else {
        return Err(bad(VaryProblem::NoDots {
            range: shortened(range),
        }));
    };
    let (from, to, step) = (from.trim(), to.trim(), step.trim());
    if step.is_empty() {
        return Err(bad(VaryProblem::NoStep {
            range: shortened(range),
        }));
    }
    // the caret under a part of the range: `s` is a piece of `text` (trial 13g K16: it was
    // under the key)
    let column_of = |s: &str| {
        let at = (s.as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
        text.get(..at)
            .map_or(1, |before| before.chars().count() + 1)
    };
    let number = |s: &str, bound: Bound| -> Result<f64, Error> {
        without_underscores(s)
            .parse::<f64>()
            .ok()
            .filter(|x| x.is_finite())
            .ok_or_else(|| {
                bad_at(
                    VaryProblem::NotANumber {
                        bound,
                        written: shortened(s),
                    },
                    column_of(s),
                )
            })
    };
    let (a, b, d) = (
        number(from, Bound::Start)?,
        number(to, Bound::End)?,
        number(step, Bound::Step)?,
    );
    // `100_000_000` as --set and the scenario files write it (trial 13g K16): the range is
    // read on from here as if written without the `_`
    let read = (
        without_underscores(from),
        without_underscores(to),
        without_underscores(step),
    );
    let (from, to, step) = (&*read.0, &*read.1, &*read.2);
    if d <= 0.0 {
        return Err(bad(VaryProblem::StepNotPositive {
            step: shortened(step),
        }));
    }
    if b < a {
        return Err(bad(VaryProblem::EndBelowStart {
            from: shortened(from),
            to: shortened(to),
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
            step: shortened(step),
        }));
    }
    let count = ((ib - ia) / id).floor() + 1.0;
    if count > MAX_VALUES as f64 {
        return Err(bad(VaryProblem::TooMany {
            range: shortened(range),
            values: count as u64,
            fits: step_that_fits(key, from, to, (a, b)),
        }));
    }
    let as_power = if crate::scenario::takes(key) == Takes::WholeNumber {
        WHOLE_WRITTEN_AS_POWER
    } else {
        WRITTEN_AS_POWER
    };
    let values = (0..count as u64)
        .map(|i| {
            let v = (ia + id * i as f64) / scale;
            // past what a whole number can hold, as a power of ten (`1e298`): its 299 digits
            // would be read as a number too large, and the field's limit never named (G1)
            if v.abs() >= as_power {
                format!("{v:e}")
            } else {
                format!("{v:.places$}")
            }
        })
        .collect();
    Ok(Vary {
        key: key.to_string(),
        values,
        text: text.to_string(),
        range: (a, b, d),
        places,
        written: (from.to_string(), step.to_string()),
    })
}

/// The count of values of `from..to:step` as [`parse_vary`] counts them.
fn count_of(from: &str, step: &str, (a, b, d): (f64, f64, f64)) -> f64 {
    let decimals = |s: &str| s.split_once('.').map_or(0, |(_, f)| f.len());
    let scale = 10f64.powi(i32::try_from(decimals(from).max(decimals(step))).unwrap_or(0));
    let (ia, ib, id) = (
        (a * scale).round(),
        (b * scale + END_SLACK).floor(),
        (d * scale).round().max(1.0),
    );
    ((ib - ia) / id).floor() + 1.0
}

/// For a range of more than [`MAX_VALUES`] values: the finest step of the form 1, 2 or 5 times
/// a power of ten that gives at most [`MAX_VALUES`], with its count and the `--vary` to type
/// (`0.1..0.9`: step 0.001, 801 values). None when no such step is found (it always is).
fn step_that_fits(key: &str, from: &str, to: &str, (a, b): (f64, f64)) -> Option<Fits> {
    let finest = (b - a) / (MAX_VALUES - 1) as f64;
    let power = finest.log10().floor();
    if !power.is_finite() {
        return None;
    }
    for p in [power, power + 1.0] {
        for m in [1.0, 2.0, 5.0] {
            let step = m * 10f64.powf(p);
            let places = usize::try_from((-p as i64).max(0)).unwrap_or(0);
            let written = format!("{step:.places$}");
            let values = count_of(from, &written, (a, b, step));
            if (1.0..=MAX_VALUES as f64).contains(&values) {
                return Some(Fits {
                    vary: format!("{key}={from}..{to}:{written}"),
                    step: written,
                    values: values as u64,
                });
            }
        }
    }
    None
}

/// Plans `scenario` for every value of `vary`, with `settings` (`--set`) applied first, on
/// `jobs` threads (at most one per value and [`crate::limits::SWEEP_JOBS`]); each plan is summarised and
/// dropped as soon as it is made. `progress` is called once per finished value (from the worker threads).
/// The first value (in order) whose plan fails gives the error, naming the value.
pub fn sweep(
    scenario: &Path,
    vary: &Vary,
    settings: &[String],
    jobs: usize,
    progress: &(dyn Fn() + Sync),
) -> Result<Vec<Point>, Error> {
    // a --set of the varied key would be replaced by every value: refused, not dropped,
    // however the district or team kind is spelt (`district.hữu lũng.installed` and
    // `district.Huyện Hữu Lũng.installed` are one key, trial G19)
    let as_read = |setting: &str| {
        crate::scenario::key_as_read(setting).or_else(|| {
            setting
                .split_once('=')
                .map(|(key, _)| crate::text::fold(key))
        })
    };
    let varied = as_read(&format!("{}=0", vary.key));
    if let Some(setting) = settings
        .iter()
        .find(|s| varied.is_some() && as_read(s) == varied)
    {
        return Err(Error::new(AlsoSet {
            key: vary.key.clone(),
            setting: setting.clone(),
        })
        .setting(setting.as_str()));
    }
    // the scenario's files read and parsed once; each value's load is then its own (the same
    // scenario, or the same error, as `plan --set` gives)
    crate::scenario::load_each(scenario, |load| {
        plan_values(vary, settings, jobs, progress, load)
    })
}

/// [`sweep`] once its settings are checked: every value planned, each loaded by `load` (with
/// the settings and the value's own).
fn plan_values(
    vary: &Vary,
    settings: &[String],
    jobs: usize,
    progress: &(dyn Fn() + Sync),
    load: &(dyn Fn(&[String]) -> Result<crate::scenario::Scenario, Error> + Sync),
) -> Result<Vec<Point>, Error> {
    let n = vary.values.len();
    let results: Mutex<Vec<Option<Result<Summary, Error>>>> =
        Mutex::new((0..n).map(|_| None).collect());
    let next = AtomicUsize::new(0);
    // once a value fails, no other value starts: a rule that runs to the end of its budget
    // would do so for every value (a thousand values, hours), and the sweep fails anyway
    let stop = AtomicBool::new(false);
    let plan_value = |i: usize| {
        let mut all = settings.to_vec();
        all.push(format!("{}={}", vary.key, vary.values[i]));
        // each value's rules get their share of what the whole sweep's rules may take; the
        // plan is summarised here and dropped: only the row stays (trial F30)
        crate::rules::as_one_of(n, || crate::plan_scenario(&load(&all)?))
            .map(|plan| Summary::of(&plan))
    };
    let threads = threads(jobs, n);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                while !stop.load(Ordering::Relaxed) {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= n {
                        break;
                    }
                    let result = plan_value(i);
                    if result.is_err() {
                        stop.store(true, Ordering::Relaxed);
                    }
                    results.lock().unwrap_or_else(|e| e.into_inner())[i] = Some(result);
                    progress();
                }
            });
        }
    });
    let mut results = results.into_inner().unwrap_or_else(|e| e.into_inner());
    let failed = |r: &Option<Result<Summary, Error>>| match r {
        Some(Err(e)) => Some(e.clone()),
        _ => None,
    };
    if let Some(first) = results.iter().position(|r| failed(r).is_some()) {
        let e = failed(&results[first]).expect("the value failed");
        let value = &vary.values[first];
        // an error in the value's own setting: it is the --vary the user typed
        if e.location.setting.as_deref() == Some(format!("{}={value}", vary.key).as_str()) {
            // the start or end as typed (`0`, not the `0.0` the range's decimals write), with
            // the error it gives as typed, when it gives one (trial 13f J15)
            let typed = vary.typed(value).filter(|typed| typed != value);
            if let Some(typed) = typed {
                let setting = format!("{}={typed}", vary.key);
                let mut all = settings.to_vec();
                all.push(setting.clone());
                if let Err(as_typed) = load(&all)
                    && as_typed.location.setting.as_deref() == Some(setting.as_str())
                {
                    return Err(at_vary(as_typed, vary, &typed));
                }
            }
            return Err(at_vary(e, vary, value));
        }
        // Whether the value is part of the error: when only one value was planned, plan the
        // next one too (one more plan, not a thousand)
        let planned = results.iter().filter(|r| r.is_some()).count();
        if planned == 1
            && let Some(other) = (0..n).find(|&i| results[i].is_none())
        {
            results[other] = Some(plan_value(other));
        }
        // the same error for every value planned, two at least (a missing file, a --set): the
        // value is no part of it
        let planned: Vec<_> = results.iter().flatten().collect();
        if (planned.len() >= 2 || planned.len() == n)
            && planned.iter().all(|r| r.as_ref().err() == Some(&e))
        {
            return Err(e);
        }
        // as written for --set, unless too large to read (`1 × 10^19`, not 20 digits)
        let x = value.parse::<f64>().unwrap_or(0.0);
        let shown = |lang| {
            if x.abs() >= 1e15 {
                crate::number::decimal_or_power(lang, x, 0)
            } else {
                value.clone()
            }
        };
        let (at, _) = FailedAt {
            key: vary.key.clone(),
            value: Text::new(shown(Lang::Vi), shown(Lang::En)),
            vary: vary.text.clone(),
        }
        .words();
        let mut e = rule_reads_the_value(e, vary, value);
        e.message = Text::new(
            format!("{} {}", e.message.get(Lang::Vi), at.get(Lang::Vi)),
            format!("{} {}", e.message.get(Lang::En), at.get(Lang::En)),
        );
        return Err(e);
    }
    let mut points = Vec::with_capacity(n);
    for (value, result) in vary.values.iter().zip(results) {
        match result {
            Some(Ok(summary)) => points.push(Point {
                value: value.clone(),
                summary,
            }),
            _ => unreachable!("every value is planned, and none failed"),
        }
    }
    Ok(points)
}

/// `e`, an error of a rule that reads the `[params]` value the sweep set to `value`: its hint
/// named the `--set` the sweep made of it, which the user never typed (trial G2); it names
/// the `--vary` and the value instead, and says to narrow the range.
fn rule_reads_the_value(mut e: Error, vary: &Vary, value: &str) -> Error {
    let made = format!("`--set {}={value}`", vary.key);
    let Some(hint) = &e.hint else {
        return e;
    };
    let en = hint.get(Lang::En);
    let Some(rule) = en
        .strip_prefix("the rule `")
        .and_then(|rest| rest.split_once('`'))
        .map(|(rule, _)| rule.to_string())
        .filter(|_| en.contains(&made))
    else {
        return e;
    };
    let x = value.parse::<f64>().unwrap_or(0.0);
    let shown = |lang| crate::number::decimal_or_power(lang, x, vary.places);
    e.hint = Some(
        VaryHint::RuleReads {
            rule,
            key: vary.key.clone(),
            vary: shortened(&vary.text),
            value: Text::new(shown(Lang::Vi), shown(Lang::En)),
        }
        .text(),
    );
    e
}

/// The threads a sweep of `values` values runs on when `--jobs` asks for `jobs`: at least one,
/// at most one per value and [`crate::limits::SWEEP_JOBS`] (trial F30: `--jobs 100000` was
/// taken, each thread holding a plan).
fn threads(jobs: usize, values: usize) -> usize {
    jobs.clamp(1, values.clamp(1, crate::limits::SWEEP_JOBS))
}

/// `e`, an error in the `--set KEY=VALUE` the sweep made of `value`, as an error in the
/// `--vary` typed: the caret under its key, or (an error in the value) under its range with
/// the value named and a hint for the range.
fn at_vary(e: Error, vary: &Vary, value: &str) -> Error {
    let text = &vary.text;
    if let Some(problem) = vary.not_whole() {
        let hint = vary_hint(vary, 0.0).map(|h| h.text());
        let at = VaryAt {
            text: text.clone(),
            value: None,
        };
        let mut e = Error::new(problem).vary(at, range_column(text));
        e.hint = hint;
        return e;
    }
    let key_chars = vary.key.chars().count();
    let key_at = text.chars().take_while(|c| c.is_whitespace()).count();
    let column = e.location.column.unwrap_or(1);
    if column <= key_chars {
        let at = VaryAt {
            text: text.clone(),
            value: None,
        };
        return e.vary(at, key_at + column);
    }
    let x = value.parse::<f64>().unwrap_or(0.0);
    // with the decimals it is written with: the range's, or the start's or end's as typed
    let places = value.split_once('.').map_or(0, |(_, f)| f.len());
    let shown = |lang| crate::number::decimal_or_power(lang, x, places);
    let at = VaryAt {
        text: text.clone(),
        value: Some(Text::new(shown(Lang::Vi), shown(Lang::En))),
    };
    let own_hint = e
        .hint
        .clone()
        .filter(|h| *h != crate::scenario::setting_value_hint());
    let hint = match (vary_hint(vary, x), &e.location.other) {
        (Some(hint), _) => Some(hint.text()),
        // a value against one written elsewhere: its hint spoke of the value given here, a
        // `--set`'s; the range is what to change (trial 13e H26)
        (None, Some(other)) => Some(
            VaryHint::Conflict {
                key: vary.key.clone(),
                other: other.clone(),
            }
            .text(),
        ),
        (None, None) => own_hint.or_else(|| {
            Some(
                VaryHint::Other {
                    key: vary.key.clone(),
                }
                .text(),
            )
        }),
    };
    let mut e = e.vary(at, range_column(text));
    e.hint = hint;
    e
}

/// The column of the range's first character in the `--vary` `text` (after `=` and spaces).
fn range_column(text: &str) -> usize {
    let range_at = text.find('=').map_or(0, |eq| {
        let after = &text[eq + 1..];
        text[..eq + 1].chars().count() + after.chars().take_while(|c| c.is_whitespace()).count()
    });
    range_at + 1
}

impl Vary {
    /// The start or end as typed when `value` (as the range writes it) is that number.
    fn typed(&self, value: &str) -> Option<String> {
        let x = value.parse::<f64>().ok()?;
        let (from, to, _) = self.range;
        let to_written = self
            .text
            .split_once("..")
            .and_then(|(_, rest)| rest.split(':').next())
            .map(str::trim);
        if x == from {
            Some(self.written.0.clone())
        } else if x == to {
            to_written.map(str::to_string)
        } else {
            None
        }
    }

    /// For a key that takes whole numbers, the part of the range that is not whole: the start,
    /// or the step and the first value it gives that is not whole (`10..20:2.5` gives 12.5).
    /// `None` when the key takes other values, or the range's values are whole.
    fn not_whole(&self) -> Option<NotWhole> {
        if crate::scenario::takes(&self.key) != Takes::WholeNumber || self.places == 0 {
            return None;
        }
        let (from, to, step) = self.range;
        let (from_written, step_written) = &self.written;
        let key = self.key.clone();
        if from.fract() != 0.0 {
            return Some(NotWhole::Start {
                key,
                from: from_written.clone(),
            });
        }
        if step.fract() == 0.0 {
            return None;
        }
        let gives = self
            .values
            .iter()
            .filter_map(|v| v.parse::<f64>().ok())
            .find(|v| v.fract() != 0.0 && *v <= to);
        Some(NotWhole::Step {
            key,
            step: step_written.clone(),
            gives,
            places: self.places,
        })
    }
}

/// What to type instead of a range one of whose values (`x`) the key refuses, when the key
/// says why: whole numbers, no numbers, shares.
fn vary_hint(vary: &Vary, x: f64) -> Option<VaryHint> {
    let key = vary.key.clone();
    let (from, to, step) = vary.range;
    let range = |from: f64, to: f64, step: f64| {
        let places = |v: f64| crate::number::places_needed(v, 6);
        let p = places(from).max(places(to)).max(places(step));
        let w = |v: f64| crate::number::plain(v, p);
        format!("{key}={}..{}:{}", w(from), w(to), w(step))
    };
    match crate::scenario::takes(&vary.key) {
        Takes::WholeNumber if vary.places > 0 => Some(VaryHint::Whole {
            range: range(from.round(), to.round(), step.round().max(1.0)),
            key,
        }),
        Takes::NoNumber => Some(VaryHint::NoNumber { key }),
        // 30..50:5 reads as percents; 1.25..1.5:0.25 does not (as likely 12.5% or a slip as
        // 1.25%, trial G30): it gets the plain rule for shares
        Takes::Share
            if x > 1.0
                && from >= 1.0
                && to <= 100.0
                && [from, to, step].iter().all(|v| v.fract() == 0.0) =>
        {
            Some(VaryHint::Percent {
                range: range(from / 100.0, to / 100.0, step / 100.0),
                key,
            })
        }
        Takes::Share if x > 1.0 && from > 1.0 => Some(VaryHint::ShareWritten { key }),
        Takes::Share if x > 1.0 => Some(VaryHint::ShareAboveOne {
            range: range(from.min(1.0), 1.0, step),
            key,
        }),
        Takes::Share if x <= 0.0 => Some(VaryHint::ShareNotAboveZero {
            range: range(step, to, step),
            key,
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jobs_are_capped_at_the_values_and_the_limit() {
        assert_eq!(threads(0, 10), 1);
        assert_eq!(threads(4, 2), 2);
        assert_eq!(threads(4, 0), 1);
        assert_eq!(threads(100_000, 1_000), crate::limits::SWEEP_JOBS);
        assert_eq!(threads(7, 1_000), 7);
    }

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
            (
                "x=0..100000:1",
                "gives 100,001 values, more than the 1,000 allowed",
            ),
        ] {
            let err = parse_vary(text).unwrap_err();
            let shown = err.render(crate::text::Lang::En);
            assert!(shown.contains(en), "{text}: {shown}");
            if !text.starts_with("x=0..100000") {
                assert!(
                    shown.contains("hint: write `--vary KEY=FROM..TO:STEP`"),
                    "{shown}"
                );
            }
        }
    }

    /// Too many values: the count in the language's format, and the finest step that fits,
    /// checked by reading the `--vary` the hint gives (trial F07).
    #[test]
    fn too_many_values_give_a_step_that_fits() {
        for (text, step, values, shown) in [
            (
                "target.provincial_rate=0.1..0.9:0.0000001",
                "0.001",
                801,
                "801",
            ),
            ("x=0..100000:1", "200", 501, "501"),
            (
                "x=0..9223372036854775807:1",
                "10000000000000000",
                923,
                "923",
            ),
            ("x=1..1001:1", "2", 501, "501"),
            ("x=0..999:0.5", "1", 1000, "1,000"),
        ] {
            let err = parse_vary(text).unwrap_err();
            let en = err.render(crate::text::Lang::En);
            let vi = err.render(crate::text::Lang::Vi);
            let (key, range) = text.split_once('=').unwrap();
            let (span, _) = range.split_once(':').unwrap();
            let typed = format!("{key}={span}:{step}");
            assert!(
                en.contains(&format!(
                    "use the step {step} ({shown} values): --vary {typed}"
                )),
                "{text}: {en}"
            );
            assert!(en.contains("more than the 1,000 allowed"), "{en}");
            assert!(vi.contains("nhiều hơn mức tối đa 1.000"), "{vi}");
            assert!(vi.contains(&format!("dùng bước {step}")), "{vi}");
            assert_eq!(parse_vary(&typed).unwrap().values.len(), values, "{typed}");
        }
        let en = parse_vary("target.provincial_rate=0.1..0.9:0.0000001")
            .unwrap_err()
            .render(crate::text::Lang::En);
        assert!(en.contains("gives 8,000,001 values"), "{en}");
        let vi = parse_vary("target.provincial_rate=0.1..0.9:0.0000001")
            .unwrap_err()
            .render(crate::text::Lang::Vi);
        assert!(vi.contains("cho 8.000.001 giá trị"), "{vi}");
    }
}
