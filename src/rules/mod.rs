//! Policy rules (MODEL.md § "Rules"): Rhai scripts run per district before and after the solve.
//!
//! # What a rule file looks like
//!
//! A rule is one `.rhai` file; its name is the file stem (`rules/door-to-door.rhai` is the rule
//! `door-to-door`), and that name goes on everything it does. Each file is compiled once when
//! the rules are loaded. It defines one or both hook functions:
//!
//! ```text
//! fn before_solve(district, scenario) { ... }   // before the plan: set what the plan must respect
//! fn after_solve(district, scenario) { ... }    // after the plan: issue directives naming it
//! ```
//!
//! The host calls each hook once per district, districts in scenario order and, for each
//! district, the rules in the order the scenario lists them. A file with neither hook is an
//! error. Statements outside any function are refused by the check (`campaign rules check`
//! and the plan's) and never run: a hook is called alone. Each call starts afresh: a rule
//! keeps nothing from one district to the next, and
//! helper functions see only what they are given. Variables must be declared with `let` before
//! use (strict variables); `eval` and `import` do not exist; `print` and `debug` print nothing.
//!
//! # `district` (type `District`)
//!
//! Read at any time:
//! - `district.name` (text), `district.smartphones`, `district.installed` (whole numbers),
//!   `district.rate` (installed ÷ smartphones, e.g. `0.2298`);
//! - `district.cohort("students")`: the head count of a cohort, 0 when the district has none;
//! - `district.local_teams("commune")`: the teams of a local kind stationed in the district
//!   (L_{d,k}); an unknown or provincial kind is an error.
//!
//! Actions, in `before_solve` only (in `after_solve` they are errors "... can only be set before
//! the solve"):
//! - `district.mandate(cohort, share)`: the cohort must install, with compliance `share` in
//!   [0, 1]; the cohort must exist in some district of the scenario. Installs follow MODEL.md
//!   § "Quantities" (q · min(n, S) · (1 − rate), capped by the host; a cohort mandated by two
//!   rules counts once, at the larger share);
//! - `district.add_installs(n, vi_reason, en_reason)` (or `(n, vi_reason)`): `n` ≥ 0 fixed
//!   expected installs (summed over rules, capped by the host);
//! - `district.set_productivity(kind, m)`: multiplier m > 0 on the kind's installs per
//!   team-day (the last rule wins);
//! - `district.min_teams(kind, n)`, `district.max_teams(kind, n)`: bounds on the teams of a
//!   kind (the largest minimum and the smallest maximum win); a minimum above the district's own
//!   teams (local kind) is an error, one above the province's pool (provincial kind) makes the
//!   plan infeasible;
//! - `district.min_rate(rate)`: the district's projected rate must reach at least `rate`, a
//!   number in [0, 1] (the largest call wins; [`Effects::min_rate`], on top of the scenario's
//!   `district_floor`).
//!
//! Before or after the solve: `district.directive(#{ action: "vi text", action_en: "en text",
//! unit: "vi unit", unit_en: "en unit", priority: 1, expected_installs: 120.0,
//! with_teams: true })`. `action` and `unit` are required; `priority` defaults to 2 (1 is the
//! most urgent); `with_teams: true` (after the solve only) has the host list the district's
//! planned teams (kinds with at least one team, in kind order) on the directive. An unknown entry
//! is an error with a "did you mean" hint.
//!
//! After the solve only (errors in `before_solve`): `district.teams(kind)` (planned teams),
//! `district.projected_rate`, `district.projected_installed`, `district.outreach_installs`,
//! `district.mandated_installs`, `district.fixed_installs` (every rule's `add_installs`, capped),
//! `district.own_fixed_installs` (this rule's share of it).
//!
//! Every function taking a team kind rejects an unknown kind with a "did you mean" hint.
//!
//! # `scenario` (type `Scenario`, read-only)
//!
//! - `scenario.param("door_to_door_threshold")`: a value of the scenario's `[params]` (a
//!   decimal number, a text, true/false, or a list of one of those, e.g.
//!   `scenario.param("remote_districts").contains(district.name)`); an unknown key is an error
//!   naming it, with a hint;
//! - `scenario.target_rate`, `scenario.horizon_days`, `scenario.district_floor` (0.0 when unset);
//! - `scenario.provincial_kinds()`, `scenario.local_kinds()`, `scenario.team_kinds()` (all):
//!   lists of team kind names, in scenario order;
//! - `scenario.districts()`: every district of the scenario, in scenario order, as maps
//!   `#{ name, smartphones, installed, rate }` (the rates before the campaign), so that a rule
//!   can rank its district among the others. A list of its own (`scenario_view::Districts`),
//!   shared by every call and counted against no size limit however many districts there are:
//!   `for`, `len()`, `is_empty()`, `[i]`, `filter(f)` and `map(f)`.
//!
//! # Number formats
//!
//! `fmt_count(x, lang)` (`"5.123"` / `"5,123"`) and `fmt_percent(rate, lang)` (`"33,1%"` /
//! `"33.1%"`), with `lang` `"vi"` or `"en"`.
//!
//! # The trace
//!
//! Every hook call is recorded in a [`TraceEntry`]: the rule, the phase, what the rule read and
//! what it set. [`RuleSet::before_solve`] returns the `before_solve` entries of a district in
//! [`Effects::trace`], [`RuleSet::after_solve`] the `after_solve` ones in [`AfterSolve::trace`];
//! `crate::plan_scenario` puts both, in that order, on the plan's district. A rule with the hook
//! has an entry even when it read and set nothing.
//!
//! `read` holds each thing read once, in first-read order, with the value it had the first time,
//! under the key the rule wrote without the quotes: `district.rate`,
//! `district.cohort(students)`, `district.local_teams(commune)`, `district.teams(volunteer)`,
//! `district.projected_rate`, `scenario.param(door_to_door_threshold)`, `scenario.target_rate`,
//! `scenario.local_kinds()`, and `scenario.districts()` (recorded as the number of districts).
//! `set` holds every action in call order with the values the rule gave, before the host caps
//! or merges them ([`TraceAction`]).
//!
//! # Limits and errors
//!
//! A hook call may take 1,000,000 steps and 1 second of processor time; all the hook calls of
//! one evaluation (every rule's two hooks on every district of one plan) may take 100,000,000
//! steps and 60 seconds together, counted in the order the calls run, so that the call stopped
//! is the same on every run. One call may give its district at most 20 directives and take at
//! most 200 actions, all rules 1,000 actions on one district; a directive's texts and a reason are at most 2,000 characters, with no
//! hidden or control character but line breaks and tabs; a district gets at most 20,000
//! characters of them from all rules, a plan 100,000,000 (`limits.rs`, docs/limits.md). A
//! syntax error, a runtime error (including `throw "text"`, and one inside a function given to
//! `sort`, `map`, `filter`, ...), a refused action or a stopped rule aborts the whole run with
//! an [`Error`] naming the rule file, line and column, the district and the hook, in
//! Vietnamese and English; when Rhai does not know the spot (a stopped rule), the error points
//! at the last step the rule took, else at the hook's `fn` line. There is never a partial
//! result.
//!
//! Comparing a number with a text (`district.rate < "0.30"`) is an error, not `false`, so a
//! threshold quoted by mistake in `[params]` cannot silently switch a rule off.

mod api;
mod budget;
mod check;
mod district;
mod engine;
mod failure;
mod limits;
mod lists;
pub(crate) mod message;
pub(crate) mod sandbox;
pub(crate) mod scenario_view;
mod value;

pub use crate::effects::{AfterSolve, Directive, Effects, FixedInstalls, Mandate};
pub use crate::effects::{Phase, TraceAction, TraceEntry, TraceValue};
pub use check::Names;
pub(crate) use limits::as_one_of;

use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use rhai::{AST, CallFnOptions, Dynamic, Engine, Scope};

use crate::diagnostic::{Error, did_you_mean};
use crate::limits::RULE_BYTES;
use crate::plan::Plan;
use crate::scenario::{DistrictInput, Scenario};
use crate::source::Source;
use crate::text::Text;
use message::RuleFileProblem;

use district::{Context, DistrictHandle};
use engine::Clock;
use failure::Site;
use scenario_view::ScenarioView;

const BEFORE_SOLVE: &str = "before_solve";
const AFTER_SOLVE: &str = "after_solve";

/// One compiled rule file.
struct Rule {
    /// The file stem.
    name: String,
    path: PathBuf,
    source: String,
    ast: AST,
    has_before: bool,
    has_after: bool,
}

/// The compiled rules of a scenario, in the order they run.
pub struct RuleSet {
    engine: Engine,
    clock: Clock,
    rules: Vec<Rule>,
    /// Every evaluation spends from one allowance of steps and time ([`RuleSet::one_allowance`]):
    /// a rule test run, whose cases are each an evaluation.
    one_allowance: std::cell::Cell<bool>,
    /// The rule test case the evaluation is for ([`RuleSet::in_case`]), named when a limit
    /// stops it.
    case: std::cell::RefCell<Option<String>>,
}

impl fmt::Debug for RuleSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RuleSet")
            .field(
                "rules",
                &self.rules.iter().map(|r| &r.path).collect::<Vec<_>>(),
            )
            .finish_non_exhaustive()
    }
}

impl RuleSet {
    /// Reads and compiles every rule file, in order. A file that cannot be read, has a syntax
    /// error, or defines neither hook is an error.
    pub fn load(paths: &[PathBuf]) -> Result<RuleSet, Error> {
        let clock = Clock::new(limits::TIME_LIMIT);
        let engine = engine::new_engine(&clock);
        let rules = paths
            .iter()
            .map(|path| compile(&engine, path))
            .collect::<Result<_, _>>()?;
        Ok(RuleSet {
            engine,
            clock,
            rules,
            one_allowance: std::cell::Cell::new(false),
            case: std::cell::RefCell::new(None),
        })
    }

    /// From now on, every evaluation of this rule set spends from the same allowance of steps
    /// and processor time ([`limits::TOTAL_OPERATIONS`], [`limits::TOTAL_TIME`]) instead of
    /// each its own: the cases of a rule test file share one. What each district is given
    /// (actions, directive texts) still counts by evaluation.
    pub fn one_allowance(&self) {
        self.one_allowance.set(true);
        self.clock.budget.restart();
    }

    /// The evaluations from now on are for the rule test case `name`: a limit that stops one
    /// names the case, not a plan.
    pub fn in_case(&self, name: &str) {
        *self.case.borrow_mut() = Some(name.to_string());
    }

    /// Runs every rule's `before_solve` hook on every district; one `Effects` per district, in
    /// district order, each with its trace (one entry per rule with the hook, in rule order).
    /// It starts an evaluation: the limits over all the hook calls of a plan count from here,
    /// through the [`RuleSet::after_solve`] that follows.
    pub fn before_solve(&self, scenario: &Scenario) -> Result<Vec<Effects>, Error> {
        self.before_solve_on(scenario, None)
    }

    /// [`RuleSet::before_solve`] on the district `only` (an index into `scenario.districts`)
    /// when given: the other districts are read through `scenario` but no hook runs on them,
    /// and their `Effects` are empty.
    pub fn before_solve_on(
        &self,
        scenario: &Scenario,
        only: Option<usize>,
    ) -> Result<Vec<Effects>, Error> {
        if self.one_allowance.get() {
            self.clock.budget.restart_districts();
        } else {
            self.clock.budget.restart();
        }
        let context = Rc::new(Context::new(scenario, Rc::clone(&self.clock.budget)));
        let view = ScenarioView::new(scenario, context.recorder.clone(), self.clock.clone());
        let mut all = Vec::with_capacity(scenario.districts.len());
        for (index, input) in scenario.districts.iter().enumerate() {
            if only.is_some_and(|d| d != index) {
                all.push(Effects::default());
                continue;
            }
            let district = DistrictHandle::before(Rc::clone(&context), index, input);
            let mut trace = Vec::new();
            for r in (0..self.rules.len()).filter(|&r| self.rules[r].has_before) {
                let entry = self.call(r, Phase::BeforeSolve, &district, &view, input);
                trace.push(entry.map_err(|e| self.set_by_command_line(r, scenario, e))?);
            }
            let mut effects = district.take_effects();
            effects.trace = trace;
            all.push(effects);
        }
        Ok(all)
    }

    /// Runs every rule's `after_solve` hook on every district of the plan; per district, the
    /// directives they emit and the trace (one entry per rule with the hook, in rule order).
    /// `plan.districts` are in scenario order.
    pub fn after_solve(&self, scenario: &Scenario, plan: &Plan) -> Result<Vec<AfterSolve>, Error> {
        self.after_solve_on(scenario, plan, None)
    }

    /// [`RuleSet::after_solve`] on the district `only` when given (see
    /// [`RuleSet::before_solve_on`]).
    pub fn after_solve_on(
        &self,
        scenario: &Scenario,
        plan: &Plan,
        only: Option<usize>,
    ) -> Result<Vec<AfterSolve>, Error> {
        let context = Rc::new(Context::new(scenario, Rc::clone(&self.clock.budget)));
        let view = ScenarioView::new(scenario, context.recorder.clone(), self.clock.clone());
        debug_assert_eq!(scenario.districts.len(), plan.districts.len());
        let mut all = Vec::with_capacity(plan.districts.len());
        for (index, (input, planned)) in scenario.districts.iter().zip(&plan.districts).enumerate()
        {
            if only.is_some_and(|d| d != index) {
                all.push(AfterSolve::default());
                continue;
            }
            let district = DistrictHandle::after(Rc::clone(&context), index, input, planned);
            let mut trace = Vec::new();
            for r in (0..self.rules.len()).filter(|&r| self.rules[r].has_after) {
                let entry = self.call(r, Phase::AfterSolve, &district, &view, input);
                trace.push(entry.map_err(|e| self.set_by_command_line(r, scenario, e))?);
            }
            all.push(AfterSolve {
                directives: district.take_directives(),
                trace,
            });
        }
        Ok(all)
    }

    /// `e`, an error of the rule `r`, when the rule reads a `[params]` value that a `--set`
    /// gives: its hint then names the `--set`, the likely cause, as typed (the rule's line is
    /// where it stopped, not what to change).
    fn set_by_command_line(&self, r: usize, scenario: &Scenario, mut e: Error) -> Error {
        let settings: Vec<String> = check::params_read(&self.rules[r].ast)
            .iter()
            .filter_map(|key| scenario.params_at.get(key)?.setting.clone())
            .collect();
        if settings.is_empty() {
            return self.read_from_file(r, scenario, e);
        }
        let note = Error::new(message::SettingRead {
            rule: self.rules[r].name.clone(),
            settings,
        });
        // (the rule's own hint, about its code, would send the user to the wrong place)
        e.hint = Some(note.message);
        e
    }

    /// `e`, an error of the rule `r`, when the rule reads `[params]` numbers written in the
    /// scenario's files: its hint names them, with the file and line where each is written (the
    /// rule's line is where it stopped, not where the value was written; trial G28), those
    /// whose value the message quotes; it takes the place of the message's own hint, which can
    /// only say "check the value" (every rule error has one: trial 13f J29).
    fn read_from_file(&self, r: usize, scenario: &Scenario, mut e: Error) -> Error {
        let read: Vec<(String, f64, String)> = check::params_read(&self.rules[r].ast)
            .iter()
            .filter_map(|key| {
                let crate::scenario::Param::Number(value) = scenario.params.get(key)? else {
                    return None;
                };
                let at = scenario.params_at.get(key)?;
                let place = format!(
                    "{}:{}",
                    crate::text::shown_path(at.file.as_ref()?),
                    at.line?
                );
                Some((key.clone(), *value, place))
            })
            .collect();
        let plain = |v: f64| crate::number::plain(v, crate::number::places_needed(v, 4));
        let quoted: Vec<_> = read
            .iter()
            .filter(|(_, v, _)| {
                let en = e.message.get(crate::text::Lang::En);
                en.ends_with(&format!(" {}", plain(*v))) || en.contains(&format!(" {} ", plain(*v)))
            })
            .cloned()
            .collect();
        // only a value the message quotes: another error is the rule's, not the value's
        let params = quoted;
        if params.is_empty() {
            return e;
        }
        let note = Error::new(message::FileParamsRead {
            rule: self.rules[r].name.clone(),
            params: params
                .into_iter()
                .map(|(key, value, place)| (key, plain(value), place))
                .collect(),
        });
        e.hint = Some(note.message);
        e
    }

    /// Calls one hook of the rule `r` (index) on one district, under the step and time limits
    /// of the call and of the evaluation; what the rule read and set, for the trace.
    fn call(
        &self,
        r: usize,
        phase: Phase,
        district: &DistrictHandle,
        scenario: &ScenarioView,
        input: &DistrictInput,
    ) -> Result<TraceEntry, Error> {
        let rule = &self.rules[r];
        let hook = phase.as_str();
        district.set_rule(&rule.name);
        let args = (
            Dynamic::from(district.clone()),
            Dynamic::from(scenario.clone()),
        );
        let recorder = district.recorder();
        recorder.begin();
        self.clock.start();
        let result = self.engine.call_fn_with_options::<Dynamic>(
            // the hook alone: statements outside any function are refused by the check, and
            // are not run before every call (trial 13f J10)
            CallFnOptions::new().eval_ast(false),
            &mut Scope::new(),
            &rule.ast,
            hook,
            args,
        );
        // The call's record and its spending end with it, whatever became of the call.
        self.clock.finish(r);
        let entry = recorder.finish(&rule.name, phase);
        let err = match result {
            Ok(_) => return Ok(entry),
            Err(err) => err,
        };
        // a rule stopped by a limit: find where it was (Rhai does not say)
        let spot = if failure::is_limit(&err) {
            self.clock.last_position()
        } else {
            rhai::Position::NONE
        };
        let name = |i: usize| self.rules.get(i).map(|r| r.name.clone());
        let budget = &self.clock.budget;
        let heaviest = failure::Heaviest {
            steps: budget
                .most_steps()
                .and_then(|(i, steps)| Some((name(i)?, steps))),
            time: budget
                .most_time()
                .and_then(|(i, time)| Some((name(i)?, time.as_secs_f64()))),
        };
        Err(failure::runtime(
            &err,
            &Site {
                rule: &rule.name,
                path: &rule.path,
                source: &rule.source,
                hook,
                district: &input.name,
                spot,
                heaviest,
                allowance: self.clock.allowance,
                case: self.case.borrow().clone(),
                nothing_from: nothing_from(&entry, scenario),
            },
        ))
    }
}

/// The last `scenario.district_named` of the call `entry` that found nothing (the trace keeps
/// an empty name for it), with the names most like the one written: what a `()` read later
/// came from (trial 13 H20).
fn nothing_from(entry: &TraceEntry, scenario: &ScenarioView) -> Option<message::NothingFrom> {
    let written = entry.read.iter().rev().find_map(|(key, value)| {
        let written = key
            .strip_prefix("scenario.district_named(")?
            .strip_suffix(')')?;
        matches!(value, crate::effects::trace::TraceValue::Text(t) if t.is_empty())
            .then(|| written.to_string())
    })?;
    Some(message::NothingFrom {
        close: scenario.closest_names(&written),
        written: crate::diagnostic::shortened(&written),
    })
}

/// The rule's name: the file stem, a control or invisible character in it written as its
/// escape (`max\u{1b}[2J`), since the name is printed in every message, report and JSON plan
/// that names the rule (trial 13f J35).
fn rule_name(path: &Path) -> String {
    path.file_stem().map_or_else(
        || crate::text::shown_path(path),
        |s| crate::text::show_hidden(&s.to_string_lossy()),
    )
}

/// The text of a rule file's `bytes` as [`text`] reads it (UTF-8, or UTF-16 with a byte-order
/// mark), `None` when it is not text: what `campaign compare` compares of two rule files.
pub(crate) fn rule_text(bytes: Vec<u8>) -> Option<String> {
    match crate::source::utf16(&bytes) {
        Some(decoded) => decoded.ok(),
        None => String::from_utf8(bytes).ok(),
    }
}

/// The text of the rule file `bytes` (of the rule `name`, at `path`): UTF-8 without a NUL
/// byte, or UTF-16 with a byte-order mark (as Windows Notepad saves "Unicode"), as the
/// scenario and its tables are read; else a binary file named as a rule, refused where its
/// first such byte is.
fn text(path: &Path, name: &str, bytes: Vec<u8>) -> Result<String, Error> {
    let rule = || name.to_string();
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return Err(Error::new(RuleFileProblem::Utf32 { rule: rule() }).file(path));
    }
    if let Some(decoded) = crate::source::utf16(&bytes) {
        return match decoded {
            Ok(text) => match text.find('\0') {
                None => Ok(text),
                // valid UTF-16 holding a NUL: where it is (the line not shown: it holds it)
                Some(at) => {
                    let mut err = Error::new(RuleFileProblem::Nul { rule: rule() })
                        .file(path)
                        .at_offset(&text, at);
                    err.location.source_line = None;
                    Err(err)
                }
            },
            Err(()) => Err(Error::new(RuleFileProblem::NotUtf16 { rule: rule() }).file(path)),
        };
    }
    if utf16_without_mark(&bytes) {
        return Err(Error::new(RuleFileProblem::Utf16NoMark { rule: rule() }).file(path));
    }
    let not_text = |valid: &[u8]| {
        let valid = String::from_utf8_lossy(valid);
        let mut err = Error::new(RuleFileProblem::NotText {
            rule: name.to_string(),
        })
        .file(path)
        .at_offset(&valid, valid.len());
        // a binary file's line says nothing to a reader (and may be a megabyte long)
        err.location.source_line = None;
        err
    };
    // the first byte that is not text: not UTF-8, or a NUL
    let not_utf8 = std::str::from_utf8(&bytes).err().map(|e| e.valid_up_to());
    let nul = bytes.iter().position(|b| *b == 0);
    if let Some(at) = [not_utf8, nul].into_iter().flatten().min() {
        return Err(not_text(&bytes[..at]));
    }
    String::from_utf8(bytes).map_err(|err| {
        let offset = err.utf8_error().valid_up_to();
        not_text(&err.as_bytes()[..offset])
    })
}

/// Whether `bytes` read as UTF-16 without a byte-order mark: an even length, and in most
/// pairs of the start one byte 0 and the other a plain character, as ASCII text in UTF-16 is.
fn utf16_without_mark(bytes: &[u8]) -> bool {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return false;
    }
    let pairs: Vec<&[u8]> = bytes.chunks_exact(2).take(256).collect();
    let plain = |b: u8| b.is_ascii_graphic() || b.is_ascii_whitespace();
    let little = pairs.iter().filter(|p| p[1] == 0 && plain(p[0])).count();
    let big = pairs.iter().filter(|p| p[0] == 0 && plain(p[1])).count();
    little.max(big) * 4 >= pairs.len() * 3
}

fn compile(engine: &Engine, path: &Path) -> Result<Rule, Error> {
    let name = rule_name(path);
    let what = Text::new(
        format!("tệp quy tắc `{name}`"),
        format!("the rule file `{name}`"),
    );
    // only a folder's listing names a folder here (a folder written as a rule is listed)
    if path.is_dir() {
        return Err(Error::new(RuleFileProblem::Subfolder { rule: name }).file(path));
    }
    let source = text(path, &name, Source::bytes(path, &what, RULE_BYTES)?)?;
    // editors on Windows often start a UTF-8 file with a byte-order mark; it is not code
    let source = match source.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => source,
    };
    // old Mac line ends (a CR alone): line breaks, or every error would be on line 1
    let source = crate::source::cr_only_lines(&source).unwrap_or(source);
    let ast = engine
        .compile(&source)
        .map_err(|err| failure::syntax(&name, path, &source, &err))?;
    let mut has = [false, false];
    for function in ast.iter_functions() {
        let Some(i) = [BEFORE_SOLVE, AFTER_SOLVE]
            .iter()
            .position(|h| *h == function.name)
        else {
            continue;
        };
        if function.params.len() != 2 {
            return Err(failure::hook_parameters_error(
                &name,
                path,
                &source,
                function.name,
            ));
        }
        has[i] = true;
    }
    if has == [false, false] {
        let defined: Vec<&str> = ast.iter_functions().map(|f| f.name).collect();
        let meant = defined.iter().find_map(|f| {
            did_you_mean(f, [BEFORE_SOLVE, AFTER_SOLVE]).map(|h| ((*f).to_string(), h))
        });
        return Err(Error::new(RuleFileProblem::NoHook { rule: name, meant }).file(path));
    }
    Ok(Rule {
        name,
        path: path.to_path_buf(),
        source,
        ast,
        has_before: has[0],
        has_after: has[1],
    })
}

impl RuleSet {
    /// Checks every rule against the rules API (and, with `names`, against a scenario's
    /// params, team kinds and cohorts) without running anything; the problems, file by file.
    pub fn check(&self, names: Option<&Names>) -> Vec<Error> {
        // the engine's functions are read (from its JSON metadata) only when there is a rule
        let mut problems: Vec<Error> = match self.rules.is_empty() {
            true => Vec::new(),
            false => {
                let known = check::Known::of_rules_engine(&self.engine);
                self.rules
                    .iter()
                    .flat_map(|rule| {
                        check::check(&rule.path, &rule.source, &rule.ast, known, names)
                    })
                    .collect()
            }
        };
        if let Some(names) = names {
            let read = self
                .rules
                .iter()
                .flat_map(|rule| check::params_read(&rule.ast))
                .collect();
            problems.extend(check::unread_params(names, &read));
            let cohorts = self
                .rules
                .iter()
                .try_fold(BTreeSet::new(), |mut all, rule| {
                    all.extend(check::cohorts_read(&rule.ast)?);
                    Some(all)
                });
            problems.extend(check::unread_cohorts(names, cohorts.as_ref()));
        }
        problems
    }
}

/// Compiles and checks each rule file on its own (one broken file does not hide the others):
/// every problem found, file by file.
/// `complete`: the files are all the rules the scenario of `names` runs, so a `[params]` key no
/// rule reads can be named.
pub fn check_files(paths: &[PathBuf], names: Option<&Names>, complete: bool) -> Vec<Error> {
    let clock = Clock::new(limits::TIME_LIMIT);
    let engine = engine::new_engine(&clock);
    let known = check::Known::of_rules_engine(&engine);
    let mut problems = Vec::new();
    let mut read = BTreeSet::new();
    let mut all_compiled = true;
    let mut cohorts = Some(BTreeSet::new());
    for path in paths {
        match compile(&engine, path) {
            Ok(rule) => {
                problems.extend(check::check(
                    &rule.path,
                    &rule.source,
                    &rule.ast,
                    known,
                    names,
                ));
                read.extend(check::params_read(&rule.ast));
                cohorts = cohorts.and_then(|mut all| {
                    all.extend(check::cohorts_read(&rule.ast)?);
                    Some(all)
                });
            }
            Err(e) => {
                all_compiled = false;
                problems.push(e);
            }
        }
    }
    if let Some(names) = names
        && all_compiled
        && complete
    {
        problems.extend(check::unread_params(names, &read));
        problems.extend(check::unread_cohorts(names, cohorts.as_ref()));
    }
    problems
}
