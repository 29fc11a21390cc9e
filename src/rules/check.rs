//! `campaign rules check`: every call a rule makes, checked against the rules API before anything
//! runs. The checker reads the compiled script (Rhai's syntax tree), follows what `district`
//! and `scenario` are through the hooks and their helper functions, and reports, each at its
//! line and column: an unknown function or field, a wrong number or type of arguments, an action
//! used in the wrong hook, and (with a scenario) an unknown team kind, cohort or `[params]` key.
//!
//! The checker is deliberately cautious: where a rule computes a name or passes a value the
//! checker cannot follow (a variable assigned in two ways, a helper's result), it says nothing,
//! and the host's own checks catch the problem when the rule runs.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use rhai::{AST, ASTNode, BinaryExpr, Engine, Expr, FnCallExpr, Position, Stmt};

use super::api::{self, Arg, Item, On, Phase, Returns};
use super::message::{CheckProblem, Declared, HostProblem, Listed, Shape, Solve, ValueProblem};
use crate::diagnostic::{Error, Location, Message, did_you_mean};
use crate::model::Scope;
use crate::scenario::{Param, Scenario};

/// The cohort names every scenario may use.
const KNOWN_COHORTS: [&str; 3] = ["quarantine", "testing", "students"];

/// Functions Rhai handles itself (they are not in the function list).
const KEYWORD_FUNCTIONS: [&str; 9] = [
    "type_of",
    "print",
    "debug",
    "is_def_var",
    "is_def_fn",
    "Fn",
    "call",
    "curry",
    "is_shared",
];

/// Methods Rhai handles itself on a function pointer or closure (`f.call(x)`).
const KEYWORD_METHODS: [&str; 3] = ["call", "curry", "is_shared"];

/// The names a scenario offers rules: `[params]` keys, team kinds and cohorts.
#[derive(Debug, Clone)]
pub struct Names {
    params: BTreeMap<String, Param>,
    /// Where each `[params]` value is written ([`Scenario::params_at`]).
    params_at: BTreeMap<String, Location>,
    kinds: Vec<(String, Scope)>,
    cohorts: BTreeSet<String>,
    /// The cohorts the districts count (without the ones every scenario may use).
    counted: BTreeSet<String>,
    /// The cohort columns of the coverage table, with where each is headed.
    cohort_columns: BTreeMap<String, (String, Location)>,
    /// Each district's name and unit type, in scenario order.
    districts: Vec<(String, crate::model::UnitType)>,
    /// The districts' names as `scenario.district_named` finds them: made for the first name
    /// a rule writes in such a call.
    district_index: std::sync::OnceLock<crate::model::DistrictNames>,
    /// The scenario file, for hints.
    scenario: String,
}

impl Names {
    pub fn of(scenario: &Scenario) -> Names {
        Names {
            params: scenario.params.clone(),
            params_at: scenario.params_at.clone(),
            kinds: scenario
                .team_kinds
                .iter()
                .map(|k| (k.name.clone(), k.scope))
                .collect(),
            cohorts: scenario
                .districts
                .iter()
                .flat_map(|d| d.cohorts.keys().cloned())
                .chain(KNOWN_COHORTS.iter().map(|c| (*c).to_string()))
                .collect(),
            counted: scenario
                .districts
                .iter()
                .flat_map(|d| d.cohorts.keys().cloned())
                .collect(),
            cohort_columns: scenario.cohort_columns.clone(),
            districts: scenario
                .districts
                .iter()
                .map(|d| (d.name.clone(), d.unit_type))
                .collect(),
            district_index: std::sync::OnceLock::new(),
            scenario: scenario.path.display().to_string(),
        }
    }

    fn district_index(&self) -> &crate::model::DistrictNames {
        self.district_index.get_or_init(|| {
            crate::model::DistrictNames::of(self.districts.iter().map(|(n, u)| (n.as_str(), *u)))
        })
    }
}

/// The functions the engine knows (its packages and the rules API), by name: the argument
/// counts each accepts (a method call `x.f(a)` counts `x`).
#[derive(Debug)]
pub(crate) struct Known(HashMap<String, BTreeSet<usize>>);

impl Known {
    /// The functions of the rules engine, read once per process: every engine `new_engine`
    /// builds has the same ones.
    pub fn of_rules_engine(engine: &Engine) -> &'static Known {
        static KNOWN: std::sync::OnceLock<Known> = std::sync::OnceLock::new();
        KNOWN.get_or_init(|| Known::of(engine))
    }

    pub fn of(engine: &Engine) -> Known {
        let mut map: HashMap<String, BTreeSet<usize>> = HashMap::new();
        // Rhai's own metadata (the `metadata` feature), structured: each function's name and
        // parameter count, the receiver of a method counted
        let metadata = engine
            .gen_fn_metadata_to_json(true)
            .ok()
            .and_then(|json| serde_json::from_str::<Metadata>(&json).ok())
            .unwrap_or_default();
        for function in metadata.functions {
            map.entry(function.name)
                .or_default()
                .insert(function.num_params);
        }
        Known(map)
    }

    pub(super) fn arities(&self, name: &str) -> Option<&BTreeSet<usize>> {
        self.0.get(name)
    }

    fn names(&self) -> impl Iterator<Item = &str> {
        self.0
            .keys()
            .map(String::as_str)
            .filter(|n| n.chars().next().is_some_and(|c| c.is_alphabetic()) && !n.contains('$'))
    }
}

/// What [`Known::of`] reads of Rhai's function metadata (`Engine::gen_fn_metadata_to_json`).
#[derive(Debug, Default, serde::Deserialize)]
struct Metadata {
    #[serde(default)]
    functions: Vec<FunctionMetadata>,
}

#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct FunctionMetadata {
    name: String,
    num_params: usize,
}

/// The `[params]` keys a rule reads, where it writes them out: `scenario.param("key")`.
pub(crate) fn params_read(ast: &AST) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    ast.walk(&mut |path: &[ASTNode]| {
        if let Some(ASTNode::Expr(Expr::MethodCall(call, _))) = path.last()
            && call.name == "param"
            && let [Expr::StringConstant(key, _)] = call.args.as_slice()
        {
            keys.insert(key.to_string());
        }
        true
    });
    keys
}

/// The cohorts a rule reads, where it writes them out (`district.cohort("students")`,
/// `district.mandate("quarantine", ...)`); `None` when one is named otherwise (a variable, a
/// parameter), which this cannot follow.
pub(crate) fn cohorts_read(ast: &AST) -> Option<BTreeSet<String>> {
    let mut cohorts = Some(BTreeSet::new());
    ast.walk(&mut |path: &[ASTNode]| {
        if let Some(ASTNode::Expr(Expr::MethodCall(call, _))) = path.last()
            && (call.name == "cohort" || call.name == "mandate")
        {
            match call.args.first() {
                Some(Expr::StringConstant(name, _)) => {
                    if let Some(c) = cohorts.as_mut() {
                        c.insert(name.to_lowercase());
                    }
                }
                _ => cohorts = None,
            }
        }
        true
    });
    cohorts
}

/// A cohort column of the coverage table that no rule reads while the rules read a cohort the
/// districts do not count: a heading the reader did not know (trial 13f J13: "Học sinh" read
/// as a group of its own, the schools' installs silently 0). `read`: the cohorts all the rules
/// read, `None` when a rule names one the check cannot follow.
pub(crate) fn unread_cohorts(names: &Names, read: Option<&BTreeSet<String>>) -> Vec<Error> {
    let Some(read) = read else {
        return Vec::new();
    };
    let missing: Vec<String> = read
        .iter()
        .filter(|c| !names.counted.contains(*c))
        .cloned()
        .collect();
    if missing.is_empty() {
        return Vec::new();
    }
    names
        .cohort_columns
        .iter()
        .filter(|(cohort, _)| !read.contains(*cohort))
        .map(|(_, (heading, place))| {
            let mut error = Error::new(CheckProblem::UnreadCohort {
                column: heading.clone(),
                missing: missing.clone(),
            });
            error.location = Box::new(place.clone());
            error
        })
        .collect()
}

/// A `[params]` key of the scenario that no rule reads but that is close to one they read: a
/// misspelt key (in an overlay, say) that would leave the meant one at its old value. Close
/// means a typing mistake away, at most [`TYPO_EDITS`] letters: a key that merely starts like
/// one the rules read (`door_to_door_provincial_kind`, `door_to_door_threshold`) is another
/// parameter, perhaps one a rule stopped reading, not a misspelling.
pub(crate) fn unread_params(names: &Names, read: &BTreeSet<String>) -> Vec<Error> {
    names
        .params
        .keys()
        .filter(|key| !read.contains(*key))
        .filter_map(|key| {
            let typos = read.iter().map(String::as_str).filter(|r| {
                strsim::osa_distance(&key.to_lowercase(), &r.to_lowercase()) <= TYPO_EDITS
            });
            let close = did_you_mean(key, typos)?;
            let error = Error::new(CheckProblem::UnreadParam {
                key: key.clone(),
                close: close.to_string(),
            });
            let error = match names.params_at.get(key) {
                Some(place) => {
                    let mut error = error;
                    error.location = Box::new(place.clone());
                    error
                }
                None => error.file(&names.scenario),
            };
            Some(error.field(format!("params.{key}")))
        })
        .collect()
}

/// The most letters a misspelt `[params]` key differs by from the key meant (a letter left
/// out, added, changed, or two swapped, counting one each).
const TYPO_EDITS: usize = 2;

/// Checks one compiled rule; the problems found, in source order.
pub(crate) fn check(
    path: &Path,
    source: &str,
    ast: &AST,
    known: &Known,
    names: Option<&Names>,
) -> Vec<Error> {
    let mut script: HashMap<String, BTreeSet<usize>> = HashMap::new();
    for f in ast.iter_fn_def() {
        script
            .entry(f.name.to_string())
            .or_default()
            .insert(f.params.len());
    }
    let calls = call_graph(ast);
    let phases = reachable_phases(&calls);
    let mut checker = Checker {
        path,
        source,
        known,
        names,
        script,
        problems: Vec::new(),
        in_params: Vec::new(),
    };
    let mut scopes = scopes_of(ast, &phases);
    // first what each variable holds, then every call and access
    let mut current = scopes.len() - 1;
    ast.walk(&mut |path: &[ASTNode]| {
        if path.len() == 1 {
            current = scope_of(&scopes, path[0].position());
        }
        checker.learn(path, &mut scopes[current]);
        true
    });
    forget_closure_params(ast, &mut scopes);
    type_helper_params(ast, &checker, &mut scopes);
    ast.walk(&mut |path: &[ASTNode]| {
        if path.len() == 1 {
            current = scope_of(&scopes, path[0].position());
        }
        checker.visit(path, &scopes[current]);
        true
    });
    misspelt_hooks(ast, source, &calls, &mut checker);
    outside_functions(ast, &mut checker);
    let in_params = std::mem::take(&mut checker.in_params);
    for (pos, key, lines, problem) in in_params {
        checker.problem_at_param(pos, &key, lines, problem);
    }
    let mut problems = checker.problems;
    problems.sort_by_key(|(pos, _)| (pos.line(), pos.position()));
    problems.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
    problems.into_iter().map(|(_, e)| e).collect()
}

/// One scope per function (its parameters typed: a hook's, or one named `district` or
/// `scenario`), and one for the statements outside any function, last.
fn scopes_of(ast: &AST, phases: &HashMap<String, BTreeSet<Hook>>) -> Vec<FnScope> {
    let mut scopes: Vec<FnScope> = Vec::new();
    for f in ast.iter_fn_def() {
        let name = f.name.as_str();
        let mut scope = FnScope {
            name: name.to_string(),
            arity: f.params.len(),
            params: f.params.iter().map(ToString::to_string).collect(),
            phases: phases.get(name).cloned().unwrap_or_default(),
            vars: HashMap::new(),
            span: (key(f.body.start_position()), key(f.body.end_position())),
        };
        let is_hook = name == super::BEFORE_SOLVE || name == super::AFTER_SOLVE;
        for (i, param) in f.params.iter().enumerate() {
            let ty = match (is_hook, i, param.as_str()) {
                (true, 0, _) | (false, _, "district") => Ty::District,
                (true, 1, _) | (false, _, "scenario") => Ty::Scenario,
                _ => Ty::Unknown,
            };
            scope.vars.insert(param.to_string(), ty);
        }
        scopes.push(scope);
    }
    scopes.push(FnScope {
        name: String::new(),
        arity: 0,
        params: Vec::new(),
        phases: BTreeSet::new(),
        vars: HashMap::new(),
        span: ((0, 0), (usize::MAX, usize::MAX)),
    });
    scopes
}

/// A closure's parameters live in its own scope, which the checker does not place: a name used
/// as one is unknown everywhere.
fn forget_closure_params(ast: &AST, scopes: &mut [FnScope]) {
    let closure_params: BTreeSet<String> = ast
        .iter_fn_def()
        .filter(|f| f.name.starts_with("anon$") || f.body.start_position().is_none())
        .flat_map(|f| f.params.iter().map(ToString::to_string))
        .collect();
    for scope in scopes.iter_mut() {
        for name in &closure_params {
            if scope.vars.contains_key(name) {
                scope.vars.insert(name.clone(), Ty::Unknown);
            }
        }
    }
}

/// A helper's parameter that every call gives the district (or the scenario) is one.
fn type_helper_params(ast: &AST, checker: &Checker, scopes: &mut [FnScope]) {
    let mut current = scopes.len() - 1;
    let mut given: HashMap<(String, usize, usize), Ty> = HashMap::new();
    ast.walk(&mut |path: &[ASTNode]| {
        if path.len() == 1 {
            current = scope_of(scopes, path[0].position());
        }
        if let Some(ASTNode::Expr(Expr::FnCall(call, _)) | ASTNode::Stmt(Stmt::FnCall(call, _))) =
            path.last()
            && call.op_token.is_none()
        {
            let n = call.args.len();
            for (i, arg) in call.args.iter().enumerate() {
                let ty = checker.ty(arg, &scopes[current]);
                let slot = (call.name.to_string(), n, i);
                let merged = match given.remove(&slot) {
                    Some(old) => old.merge(ty),
                    None => ty,
                };
                given.insert(slot, merged);
            }
        }
        true
    });
    for scope in scopes.iter_mut() {
        if scope.name == super::BEFORE_SOLVE || scope.name == super::AFTER_SOLVE {
            continue;
        }
        for (i, param) in scope.params.iter().enumerate() {
            if let Some(ty @ (Ty::District | Ty::Scenario)) =
                given.get(&(scope.name.clone(), scope.arity, i))
                && scope.vars.get(param) == Some(&Ty::Unknown)
            {
                scope.vars.insert(param.clone(), ty.clone());
            }
        }
    }
}

/// A function named almost like a hook, that nothing calls, is a misspelt hook.
fn misspelt_hooks(
    ast: &AST,
    source: &str,
    calls: &HashMap<String, BTreeSet<String>>,
    checker: &mut Checker,
) {
    for f in ast.iter_fn_def() {
        let name = f.name.as_str();
        let called = calls.values().any(|callees| callees.contains(name));
        if name == super::BEFORE_SOLVE || name == super::AFTER_SOLVE || called {
            continue;
        }
        if let Some(hook) = did_you_mean(name, [super::BEFORE_SOLVE, super::AFTER_SOLVE]) {
            let pos = fn_position(source, name).unwrap_or(f.body.start_position());
            checker.problem(
                pos,
                CheckProblem::NeverRuns {
                    name: name.to_string(),
                    hook,
                },
            );
        }
    }
}

/// Statements written outside any function (trial 13f J10): only the hooks are called, and
/// Rhai would run such a statement again before every call, unseen (a `loop { }` there stopped
/// every plan in "`before_solve`", a hook the line is not in). Rules run without them
/// ([`super::RuleSet`] calls a hook alone), so every one is refused, `const` and `let` too: a
/// value a rule uses goes in the function, or in the scenario's `[params]`.
fn outside_functions(ast: &AST, checker: &mut Checker) {
    for stmt in ast.statements() {
        // `fn` definitions are not statements; a lone `;` is nothing
        if matches!(stmt, Stmt::Noop(_)) {
            continue;
        }
        checker.problem(stmt.position(), CheckProblem::OutsideFunction);
    }
}

/// Where `fn name` is written in `source`.
fn fn_position(source: &str, name: &str) -> Option<Position> {
    source.lines().enumerate().find_map(|(i, line)| {
        let at = line.find("fn ")?;
        let rest = line[at + 3..].trim_start();
        let after = rest.strip_prefix(name)?;
        if !after.trim_start().starts_with('(') {
            return None;
        }
        let col = line[..at].chars().count() + 1;
        Some(Position::new(
            u16::try_from(i + 1).ok()?,
            u16::try_from(col).ok()?,
        ))
    })
}

/// Where a function body starts and ends, as (line, column) pairs.
type Span = ((usize, usize), (usize, usize));

/// A position as (line, column), for ordering.
fn key(pos: Position) -> (usize, usize) {
    (pos.line().unwrap_or(0), pos.position().unwrap_or(0))
}

/// The scope whose function body holds `pos` (the last scope holds everything else).
fn scope_of(scopes: &[FnScope], pos: Position) -> usize {
    let at = key(pos);
    // the innermost: a closure's body lies inside the function that writes it
    scopes
        .iter()
        .enumerate()
        .filter(|(_, s)| s.span.0 <= at && at <= s.span.1)
        .min_by_key(|(_, s)| (s.span.1.0 - s.span.0.0, s.span.1.1.abs_diff(s.span.0.1)))
        .map_or(scopes.len() - 1, |(i, _)| i)
}

/// Which functions each script function calls by name.
fn call_graph(ast: &AST) -> HashMap<String, BTreeSet<String>> {
    let mut calls: HashMap<String, BTreeSet<String>> = HashMap::new();
    let spans: Vec<(String, Span)> = ast
        .iter_fn_def()
        .map(|f| {
            (
                f.name.to_string(),
                (key(f.body.start_position()), key(f.body.end_position())),
            )
        })
        .collect();
    let mut current: Option<String> = None;
    ast.walk(&mut |path: &[ASTNode]| {
        if path.len() == 1 {
            let at = key(path[0].position());
            current = spans
                .iter()
                .filter(|(_, (start, end))| *start <= at && at <= *end)
                .min_by_key(|(_, (start, end))| (end.0 - start.0, end.1.abs_diff(start.1)))
                .map(|(name, ..)| name.clone());
        }
        if let (
            Some(caller),
            Some(ASTNode::Expr(Expr::FnCall(call, _)) | ASTNode::Stmt(Stmt::FnCall(call, _))),
        ) = (&current, path.last())
        {
            calls
                .entry(caller.clone())
                .or_default()
                .insert(call.name.to_string());
        }
        true
    });
    calls
}

/// For every script function, the hooks (before, after) from which it can run.
fn reachable_phases(calls: &HashMap<String, BTreeSet<String>>) -> HashMap<String, BTreeSet<Hook>> {
    let mut phases: HashMap<String, BTreeSet<Hook>> = HashMap::new();
    for (hook, name) in [
        (Hook::Before, super::BEFORE_SOLVE),
        (Hook::After, super::AFTER_SOLVE),
    ] {
        let mut stack = vec![name.to_string()];
        let mut seen = BTreeSet::new();
        while let Some(f) = stack.pop() {
            if !seen.insert(f.clone()) {
                continue;
            }
            phases.entry(f.clone()).or_default().insert(hook);
            if let Some(callees) = calls.get(&f) {
                stack.extend(callees.iter().cloned());
            }
        }
    }
    phases
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Hook {
    Before,
    After,
}

/// What the checker knows of a value.
#[derive(Debug, Clone, PartialEq)]
enum Ty {
    Unknown,
    Number,
    /// A text, with its value when it is written in the rule (or read from `[params]`).
    Text(Option<Written>),
    Bool,
    /// A list of names (e.g. `scenario.local_kinds()`).
    TextList,
    List,
    Map,
    Nothing,
    District,
    Scenario,
}

impl Ty {
    /// The kind of value, for a message about it (`None` when the checker does not know it).
    fn shape(&self) -> Option<Shape> {
        Some(match self {
            Ty::Number => Shape::Number,
            Ty::Text(_) => Shape::Text,
            Ty::Bool => Shape::Bool,
            Ty::TextList | Ty::List => Shape::List,
            Ty::Map => Shape::Map,
            Ty::Nothing => Shape::Nothing,
            Ty::District => Shape::District,
            Ty::Scenario => Shape::Scenario,
            Ty::Unknown => return None,
        })
    }

    /// Two things a variable is given; what it holds for sure.
    fn merge(self, other: Ty) -> Ty {
        match (self, other) {
            (a, b) if a == b => a,
            (Ty::Text(_), Ty::Text(_)) => Ty::Text(None),
            (Ty::TextList, Ty::List) | (Ty::List, Ty::TextList) => Ty::List,
            _ => Ty::Unknown,
        }
    }

    /// The value of the `[params]` key `key`.
    fn of_param(key: &str, param: &Param) -> Ty {
        match param {
            Param::Number(_) => Ty::Number,
            Param::Text(s) => Ty::Text(Some(Written {
                value: s.clone(),
                param: Some(key.to_string()),
            })),
            Param::Bool(_) => Ty::Bool,
            Param::List(items) if items.iter().all(|i| matches!(i, Param::Text(_))) => Ty::TextList,
            Param::List(_) => Ty::List,
        }
    }
}

/// A text the checker knows the value of, and the `[params]` key it was read from (`None`:
/// written in the rule).
#[derive(Debug, Clone, PartialEq)]
struct Written {
    value: String,
    param: Option<String>,
}

impl Written {
    /// A text written in the rule.
    fn rule(value: &str) -> Written {
        Written {
            value: value.to_string(),
            param: None,
        }
    }
}

/// One function being checked.
struct FnScope {
    name: String,
    arity: usize,
    params: Vec<String>,
    /// The hooks it runs from.
    phases: BTreeSet<Hook>,
    vars: HashMap<String, Ty>,
    /// Where its body starts and ends, as (line, column).
    span: Span,
}

struct Checker<'a> {
    path: &'a Path,
    source: &'a str,
    known: &'a Known,
    names: Option<&'a Names>,
    /// The rule's own functions: their argument counts.
    script: HashMap<String, BTreeSet<usize>>,
    problems: Vec<(Position, Error)>,
    /// Problems with values read from `[params]`, each once per key and problem: where the
    /// rule first uses the value, the key, the rule's lines that use it, the problem.
    in_params: Vec<(Position, String, Vec<usize>, CheckProblem)>,
}

/// The position of a method call or property in a chain.
fn element_position(expr: &Expr) -> Position {
    match expr {
        Expr::Property(_, pos) | Expr::MethodCall(_, pos) => *pos,
        other => other.start_position(),
    }
}

impl Checker<'_> {
    fn problem(&mut self, pos: Position, message: impl Message) {
        let mut error = Error::new(message).file(self.path);
        if let (Some(line), Some(col)) = (pos.line(), pos.position()) {
            error = error.at(self.source, line, col);
        } else if let Some(line) = pos.line() {
            error = error.at(self.source, line, 1);
        }
        self.problems.push((pos, error));
    }

    /// A problem with a value the rule read from the `[params]` key `key` and uses at `pos`:
    /// the value is what the user wrote wrong, so the error points where it is written (the
    /// scenario's line, or the `--set`), naming the rule's line. Without a place for it (a
    /// scenario built in code), at the rule.
    fn problem_in_param(&mut self, pos: Position, key: &str, problem: CheckProblem) {
        let line = pos.line().unwrap_or(0);
        if let Some((first, _, lines, _)) = self
            .in_params
            .iter_mut()
            .find(|(_, k, _, p)| k == key && *p == problem)
        {
            if !lines.contains(&line) {
                lines.push(line);
                lines.sort_unstable();
            }
            // (the checker's walk of the functions is in no set order)
            if self::key(pos) < self::key(*first) {
                *first = pos;
            }
            return;
        }
        self.in_params
            .push((pos, key.to_string(), vec![line], problem));
    }

    /// The error of [`Checker::problem_in_param`], once the rule's lines that use the value
    /// are all known.
    fn problem_at_param(
        &mut self,
        pos: Position,
        key: &str,
        lines: Vec<usize>,
        problem: CheckProblem,
    ) {
        let Some(place) = self.names.and_then(|n| n.params_at.get(key)) else {
            self.problem(pos, problem);
            return;
        };
        let mut error = Error::new(CheckProblem::InParam {
            rule: super::rule_name(self.path),
            lines,
            problem: Box::new(problem),
        });
        error.location = Box::new(place.clone());
        self.problems
            .push((pos, error.field(format!("params.{key}"))));
    }

    /// Pass 1: what the variables hold (`let`, `=`, `for`).
    fn learn(&mut self, path: &[ASTNode], scope: &mut FnScope) {
        let (name, ty) = match path.last() {
            Some(ASTNode::Stmt(Stmt::Var(x, ..))) => (x.0.name.to_string(), self.ty(&x.1, scope)),
            Some(ASTNode::Stmt(Stmt::Assignment(x))) => {
                let Expr::Variable(v, ..) = &x.1.lhs else {
                    return;
                };
                let ty = match self.ty(&x.1.rhs, scope) {
                    Ty::Text(_) => Ty::Text(None),
                    t if x.0.is_op_assignment() && t != Ty::Number => Ty::Unknown,
                    t => t,
                };
                (v.1.to_string(), ty)
            }
            Some(ASTNode::Stmt(Stmt::For(x, ..))) => {
                let ty = match self.ty(&x.2.expr, scope) {
                    Ty::TextList => Ty::Text(None),
                    _ => Ty::Unknown,
                };
                (x.0.name.to_string(), ty)
            }
            _ => return,
        };
        let merged = match scope.vars.remove(&name) {
            Some(old) => old.merge(ty),
            None => ty,
        };
        scope.vars.insert(name, merged);
    }

    /// Pass 2: every call and access.
    fn visit(&mut self, path: &[ASTNode], scope: &FnScope) {
        let Some(node) = path.last() else {
            return;
        };
        match node {
            ASTNode::Expr(expr @ Expr::Dot(bin, ..)) => {
                // a chain is checked once, from its start
                if let Some(ASTNode::Expr(Expr::Dot(parent, ..))) =
                    path.len().checked_sub(2).map(|i| &path[i])
                    && std::ptr::eq(&parent.rhs, *expr)
                {
                    return;
                }
                self.chain(bin, scope, true);
            }
            ASTNode::Expr(Expr::FnCall(call, pos)) | ASTNode::Stmt(Stmt::FnCall(call, pos)) => {
                self.plain_call(call, *pos, scope);
            }
            ASTNode::Stmt(Stmt::Assignment(x)) => self.assignment(&x.1, scope),
            _ => {}
        }
    }

    /// `district.rate = 0.5`: the data rules see cannot be changed.
    fn assignment(&mut self, bin: &BinaryExpr, scope: &FnScope) {
        let Expr::Dot(dot, ..) = &bin.lhs else {
            return;
        };
        let target = self.ty(&dot.lhs, scope);
        if !matches!(target, Ty::District | Ty::Scenario) {
            return;
        }
        let Expr::Property(p, pos) = &dot.rhs else {
            return;
        };
        let on = if target == Ty::District {
            On::District
        } else {
            On::Scenario
        };
        self.problem(
            *pos,
            CheckProblem::Assigned {
                name: p.2.to_string(),
                on,
            },
        );
    }

    /// `a.b.c(...)`: each step checked on what the step before gave.
    fn chain(&mut self, bin: &BinaryExpr, scope: &FnScope, report: bool) -> Ty {
        let mut receiver = self.ty(&bin.lhs, scope);
        let mut rest = &bin.rhs;
        loop {
            match rest {
                Expr::Dot(next, ..) => {
                    receiver = self.access(receiver, &next.lhs, scope, report);
                    rest = &next.rhs;
                }
                Expr::Index(next, ..) => {
                    self.access(receiver, &next.lhs, scope, report);
                    return Ty::Unknown;
                }
                last => return self.access(receiver, last, scope, report),
            }
        }
    }

    /// One step of a chain: `.name` or `.name(args)` on `receiver`.
    fn access(&mut self, receiver: Ty, element: &Expr, scope: &FnScope, report: bool) -> Ty {
        let on = match receiver {
            Ty::District => Some(On::District),
            Ty::Scenario => Some(On::Scenario),
            _ => None,
        };
        let pos = element_position(element);
        match (element, on) {
            (Expr::Property(p, _), Some(on)) => self.property(on, p.2.as_str(), pos, scope, report),
            (Expr::MethodCall(call, _), Some(on)) => self.method(on, call, pos, scope, report),
            (Expr::MethodCall(call, _), None) => {
                if report {
                    self.method_on_value(call, pos);
                }
                Ty::Unknown
            }
            _ => Ty::Unknown,
        }
    }

    /// `.name` on the district or the scenario: a property of the API, not a function.
    fn property(&mut self, on: On, name: &str, pos: Position, scope: &FnScope, report: bool) -> Ty {
        match api::find(on, name) {
            Some(item) if item.args.is_none() => {
                if report {
                    self.phase(item, pos, scope);
                }
                self.returns(item, None)
            }
            Some(item) => {
                if report {
                    self.problem(
                        pos,
                        CheckProblem::NeedsParentheses {
                            name: name.to_string(),
                            signature: item.signature,
                        },
                    );
                }
                Ty::Unknown
            }
            None => {
                if report {
                    self.unknown_member(on, name, pos, true);
                }
                Ty::Unknown
            }
        }
    }

    /// `.name(args)` on the district or the scenario: a function of the API, a general
    /// function taking it first, or the rule's own.
    fn method(
        &mut self,
        on: On,
        call: &FnCallExpr,
        pos: Position,
        scope: &FnScope,
        report: bool,
    ) -> Ty {
        let name = call.name.as_str();
        match api::find(on, name) {
            Some(item) if item.args.is_none() => {
                if report {
                    self.problem(
                        pos,
                        CheckProblem::NotAFunction {
                            name: name.to_string(),
                        },
                    );
                }
                Ty::Unknown
            }
            Some(item) => {
                if report {
                    self.api_call(item, &call.args, pos, scope);
                }
                self.returns(item, call.args.first().map(|a| self.ty(a, scope)))
            }
            None => {
                // a general function taking the district first (`district.to_string()`)
                let general = self
                    .known
                    .arities(name)
                    .is_some_and(|a| a.contains(&(call.args.len() + 1)));
                // or a rule's own function called on it (`district.is_low()`, `this`)
                let own = self.script.contains_key(name);
                if report && !general && !own {
                    self.unknown_member(on, name, pos, false);
                }
                Ty::Unknown
            }
        }
    }

    /// `x.f(args)` where `x` is not the district or the scenario.
    fn method_on_value(&mut self, call: &FnCallExpr, pos: Position) {
        let name = call.name.as_str();
        let n = call.args.len() + 1;
        let fits = |arities: Option<&BTreeSet<usize>>| arities.is_some_and(|a| a.contains(&n));
        // `f.call(x)`, `f.curry(x)` on a function pointer or closure: Rhai's own
        if fits(self.known.arities(name)) || KEYWORD_METHODS.contains(&name) {
            return;
        }
        // a rule's own function called as `x.f(a)` gets `x` as `this` and `a` as its arguments
        if let Some(arities) = self.script.get(name) {
            if !arities.contains(&call.args.len()) {
                let takes = arities.iter().next().copied().unwrap_or(0);
                self.problem(
                    pos,
                    CheckProblem::OwnMethodArguments {
                        name: name.to_string(),
                        takes,
                    },
                );
            }
            return;
        }
        // it may be the district or scenario under another name
        if [On::District, On::Scenario]
            .iter()
            .any(|&on| api::find(on, name).is_some())
        {
            return;
        }
        if self.known.arities(name).is_some() {
            self.problem(
                pos,
                CheckProblem::Arguments {
                    name: name.to_string(),
                    given: n - 1,
                },
            );
            return;
        }
        self.no_function(name, pos);
    }

    /// `f(args)`: a function called on its own.
    fn plain_call(&mut self, call: &FnCallExpr, pos: Position, scope: &FnScope) {
        let name = call.name.as_str();
        if call.op_token.is_some() && call.args.len() == 2 {
            self.comparison(call, pos, scope);
        }
        if call.op_token.is_some()
            || !name
                .chars()
                .next()
                .is_some_and(|c| c.is_alphabetic() || c == '_')
            || KEYWORD_FUNCTIONS.contains(&name)
        {
            return;
        }
        let n = call.args.len();
        if let Some(arities) = self.script.get(name) {
            if !arities.contains(&n) {
                let takes = arities.iter().next().copied().unwrap_or(0);
                self.problem(
                    pos,
                    CheckProblem::OwnArguments {
                        name: name.to_string(),
                        takes,
                        given: n,
                    },
                );
            }
            return;
        }
        if let Some(item) = api::find(On::Global, name) {
            self.api_call(item, &call.args, pos, scope);
            return;
        }
        if self.known.arities(name).is_some_and(|a| a.contains(&n)) {
            return;
        }
        // `min_teams(district, "commune", 1)` is `district.min_teams("commune", 1)`
        if let Some(item) = [On::District, On::Scenario]
            .iter()
            .find_map(|&on| api::find(on, name))
            && n >= 1
            && item.args.is_some()
        {
            self.api_call(item, &call.args[1..], pos, scope);
            return;
        }
        if self.known.arities(name).is_some() {
            self.problem(
                pos,
                CheckProblem::Arguments {
                    name: name.to_string(),
                    given: n,
                },
            );
            return;
        }
        self.no_function(name, pos);
    }

    /// `district.rate < scenario.param("x")` where `x` is a text in `[params]`: a number and a
    /// text never compare (`<` stops the rule; `==` is silently false).
    fn comparison(&mut self, call: &FnCallExpr, pos: Position, scope: &FnScope) {
        let op = call.name.as_str();
        if !["==", "!=", "<", "<=", ">", ">="].contains(&op) {
            return;
        }
        let (a, b) = (self.ty(&call.args[0], scope), self.ty(&call.args[1], scope));
        let text = match (&a, &b) {
            (Ty::Number, Ty::Text(t)) | (Ty::Text(t), Ty::Number) => t.clone(),
            _ => return,
        };
        let param = text.as_ref().and_then(|t| t.param.clone());
        let problem = CheckProblem::NumberWithText {
            text: text.map(|t| t.value),
            op: op.to_string(),
        };
        match param {
            Some(key) => self.problem_in_param(pos, &key, problem),
            None => self.problem(pos, problem),
        }
    }

    /// `name(...)` or `x.name(...)`: no such function, or one of Rhai's that rules do not have.
    fn no_function(&mut self, name: &str, pos: Position) {
        let problem = match super::sandbox::withheld(name) {
            Some(what) => CheckProblem::Withheld {
                name: name.to_string(),
                what,
            },
            None => CheckProblem::NoFunction {
                name: name.to_string(),
                close: self.closest_function(name),
            },
        };
        self.problem(pos, problem);
    }

    /// The function `name` may be a typing mistake for, as it is written.
    fn closest_function(&self, name: &str) -> Option<String> {
        let api_names = api::API.iter().map(|i| i.name);
        let script = self.script.keys().map(String::as_str);
        let all: Vec<&str> = api_names.chain(script).chain(self.known.names()).collect();
        super::sandbox::meant(name, all.iter().copied()).map(|close| {
            api::API.iter().find(|i| i.name == close).map_or_else(
                || close.to_string(),
                |i| match i.on {
                    On::District => format!("district.{close}{}", i.signature),
                    On::Scenario => format!("scenario.{close}{}", i.signature),
                    On::Global => format!("{close}{}", i.signature),
                },
            )
        })
    }

    /// `district.rates` or `district.min_team(...)`: not in the API.
    fn unknown_member(&mut self, on: On, name: &str, pos: Position, property: bool) {
        let prefix = if on == On::District {
            "district"
        } else {
            "scenario"
        };
        let close = super::sandbox::meant(name, api::names(on)).map(|close| {
            let item = api::find(on, close).expect("a name of the API");
            format!("{prefix}.{close}{}", item.signature)
        });
        let name = name.to_string();
        let problem = if property {
            CheckProblem::NoField { on, name, close }
        } else {
            CheckProblem::NoMethod { on, name, close }
        };
        self.problem(pos, problem);
    }

    /// An action used in a hook where it cannot work.
    fn phase(&mut self, item: &Item, pos: Position, scope: &FnScope) {
        let (wrong, solve) = match item.phase {
            Phase::Any => return,
            Phase::Before => (Hook::After, Solve::Before),
            Phase::After => (Hook::Before, Solve::After),
        };
        let is_hook = scope.name == super::BEFORE_SOLVE || scope.name == super::AFTER_SOLVE;
        // a helper that both hooks call may read plan figures on a path only `after_solve`
        // takes: say nothing unless every hook that reaches it is the wrong one
        if !scope.phases.contains(&wrong) || (!is_hook && scope.phases.len() > 1) {
            return;
        }
        let from = if is_hook {
            None
        } else if wrong == Hook::Before {
            Some(super::BEFORE_SOLVE)
        } else {
            Some(super::AFTER_SOLVE)
        };
        self.problem(
            pos,
            CheckProblem::WrongHook {
                name: item.name,
                solve,
                scope: scope.name.clone(),
                from,
            },
        );
    }

    /// A call of an API function: argument count, each argument, the hook.
    fn api_call(&mut self, item: &Item, args: &[Expr], pos: Position, scope: &FnScope) {
        self.phase(item, pos, scope);
        let lists = item.args.unwrap_or(&[]);
        let Some(expected) = lists.iter().find(|l| l.len() == args.len()) else {
            self.problem(
                pos,
                CheckProblem::ApiArguments {
                    name: item.name,
                    signature: item.signature,
                    takes: lists.iter().map(|l| l.len()).collect(),
                    given: args.len(),
                },
            );
            return;
        };
        for (i, (arg, want)) in args.iter().zip(expected.iter()).enumerate() {
            self.argument(item, i, arg, *want, scope);
        }
    }

    fn argument(&mut self, item: &Item, i: usize, arg: &Expr, want: Arg, scope: &FnScope) {
        let ty = self.ty(arg, scope);
        let pos = arg.start_position();
        let name = item.name;
        let wrong_type = match want {
            Arg::Number => !matches!(ty, Ty::Number | Ty::Unknown),
            Arg::Directive => !matches!(ty, Ty::Map | Ty::Unknown),
            _ => !matches!(ty, Ty::Text(_) | Ty::Unknown),
        };
        if wrong_type {
            self.problem(
                pos,
                CheckProblem::ArgumentType {
                    name,
                    signature: item.signature,
                    index: i,
                    want,
                    got: ty.shape(),
                },
            );
            return;
        }
        if want == Arg::Directive {
            match arg {
                Expr::Map(map, pos) => {
                    let entries: Vec<(&str, Position, Ty)> = map
                        .0
                        .iter()
                        .map(|(key, value)| {
                            let at = if key.pos.is_none() {
                                value.start_position()
                            } else {
                                key.pos
                            };
                            (key.name.as_str(), at, self.ty(value, scope))
                        })
                        .collect();
                    self.directive_map(&entries, *pos);
                }
                // a map written with constants only, folded by the compiler
                Expr::DynamicConstant(value, pos) if value.is_map() => {
                    let map = value
                        .read_lock::<rhai::Map>()
                        .map(|m| m.clone())
                        .unwrap_or_default();
                    let entries: Vec<(&str, Position, Ty)> = map
                        .iter()
                        .map(|(key, value)| {
                            (
                                key.as_str(),
                                key_position(self.source, *pos, key),
                                ty_of_value(value),
                            )
                        })
                        .collect();
                    self.directive_map(&entries, *pos);
                }
                _ => {}
            }
            return;
        }
        let Ty::Text(Some(written)) = ty else {
            return;
        };
        self.name_argument(name, &written, want, pos);
    }

    /// A team kind, cohort, `[params]` key or language written in the rule (or read from
    /// `[params]`).
    fn name_argument(
        &mut self,
        function: &'static str,
        written: &Written,
        want: Arg,
        pos: Position,
    ) {
        let value = written.value.as_str();
        let param = written.param.as_deref();
        match want {
            Arg::Lang if value != "vi" && value != "en" => {
                self.problem(
                    pos,
                    ValueProblem::Lang {
                        function: function.to_string(),
                        code: value.to_string(),
                    },
                );
            }
            Arg::Cohort => self.cohort_argument(function, value, pos, param),
            Arg::Kind | Arg::LocalKind => {
                self.kind_argument(function, value, want == Arg::LocalKind, pos, param)
            }
            Arg::ParamKey => self.param_argument(function, value, pos),
            Arg::DistrictName => self.district_argument(function, value, pos, param),
            _ => {}
        }
    }

    /// A cohort written in the rule: one the scenario has (or, without a scenario, not a near
    /// miss of one the shipped rules read).
    fn cohort_argument(
        &mut self,
        function: &'static str,
        value: &str,
        pos: Position,
        param: Option<&str>,
    ) {
        let lower = value.to_lowercase();
        let known: Vec<&str> = match self.names {
            Some(names) => names.cohorts.iter().map(String::as_str).collect(),
            None => KNOWN_COHORTS.to_vec(),
        };
        if known.contains(&lower.as_str()) {
            return;
        }
        let cohorts = Declared::of(Listed::Cohorts, &lower, &known);
        // without a scenario, only a near miss of a known cohort is surely wrong
        if self.names.is_none() && cohorts.close.is_none() {
            return;
        }
        let problem = CheckProblem::NoCohort {
            function,
            cohort: value.to_string(),
            cohorts,
        };
        match param {
            Some(key) => self.problem_in_param(pos, key, problem),
            None => self.problem(pos, problem),
        }
    }

    /// A team kind written in the rule (or read from the `[params]` key `param`): one the
    /// scenario declares, and local where `local` (a function that stations teams); unchecked
    /// without a scenario.
    fn kind_argument(
        &mut self,
        function: &'static str,
        value: &str,
        local: bool,
        pos: Position,
        param: Option<&str>,
    ) {
        let Some(names) = self.names else {
            return;
        };
        match names.kinds.iter().find(|(k, _)| k == value) {
            Some((_, Scope::Provincial)) if local => {
                let locals: Vec<&str> = names
                    .kinds
                    .iter()
                    .filter(|(_, s)| *s == Scope::Local)
                    .map(|(k, _)| k.as_str())
                    .collect();
                self.problem(
                    pos,
                    HostProblem::Provincial {
                        function: function.to_string(),
                        kind: value.to_string(),
                        locals: Some(Declared::of(Listed::LocalKinds, value, &locals)),
                    },
                );
            }
            Some(_) => {}
            None => {
                let known: Vec<&str> = names.kinds.iter().map(|(k, _)| k.as_str()).collect();
                let problem = CheckProblem::NoTeamKind {
                    function,
                    kind: value.to_string(),
                    kinds: Declared::of(Listed::TeamKinds, value, &known),
                };
                match param {
                    Some(key) => self.problem_in_param(pos, key, problem),
                    None => self.problem(pos, problem),
                }
            }
        }
    }

    /// A district's name written in the rule (or read from the `[params]` key `param`) for
    /// `scenario.district_named`: one that finds a district of the scenario (the call would
    /// give `()` and the rule silently do nothing); unchecked without a scenario.
    fn district_argument(
        &mut self,
        function: &'static str,
        value: &str,
        pos: Position,
        param: Option<&str>,
    ) {
        let Some(names) = self.names else {
            return;
        };
        if value.chars().count() > super::limits::MAX_NAME_CHARS {
            return; // the call says so when it runs
        }
        let index = names.district_index();
        let problem = match index.find(value) {
            crate::model::Found::One(_) => return,
            // a name two districts share: the call would stop the plan (trial 13 H8)
            crate::model::Found::Several(list) => CheckProblem::AmbiguousDistrict {
                function,
                name: value.to_string(),
                candidates: list
                    .iter()
                    .filter_map(|&i| names.districts.get(i).map(|(n, _)| n.clone()))
                    .collect(),
            },
            crate::model::Found::None => {
                let close = index
                    .closest(value, 3, || Ok::<(), ()>(()))
                    .unwrap_or_default()
                    .into_iter()
                    .filter_map(|i| names.districts.get(i).map(|(n, _)| n.clone()))
                    .collect();
                return self.no_district(function, value, close, pos, param);
            }
        };
        match param {
            Some(key) => self.problem_in_param(pos, key, problem),
            None => self.problem(pos, problem),
        }
    }

    /// [`CheckProblem::NoDistrict`] of the name `value`, at `pos` or the `[params]` key `param`.
    fn no_district(
        &mut self,
        function: &'static str,
        value: &str,
        close: Vec<String>,
        pos: Position,
        param: Option<&str>,
    ) {
        let problem = CheckProblem::NoDistrict {
            function,
            name: value.to_string(),
            close,
        };
        match param {
            Some(key) => self.problem_in_param(pos, key, problem),
            None => self.problem(pos, problem),
        }
    }

    /// A `[params]` key written in the rule: one the scenario has; unchecked without one.
    fn param_argument(&mut self, function: &'static str, value: &str, pos: Position) {
        let Some(names) = self.names else {
            return;
        };
        if names.params.contains_key(value) {
            return;
        }
        let known = names.params.keys().map(String::as_str);
        self.problem(
            pos,
            HostProblem::NoParam {
                function: function.to_string(),
                key: value.to_string(),
                close: did_you_mean(value, known).map(str::to_string),
                file: Some(names.scenario.clone()),
            },
        );
    }

    /// `#{ action: ..., unit: ..., priority: 1 }` written in the call.
    /// `entries`: each entry's name, where it is written and what it holds.
    fn directive_map(&mut self, entries: &[(&str, Position, Ty)], pos: Position) {
        let keys: Vec<&str> = api::DIRECTIVE_ENTRIES.iter().map(|(k, _)| *k).collect();
        for (name, at, ty) in entries {
            let (name, at) = (*name, *at);
            if !keys.contains(&name) {
                self.problem(
                    at,
                    CheckProblem::DirectiveEntry {
                        name: name.to_string(),
                        close: did_you_mean(name, keys.iter().copied()).map(str::to_string),
                    },
                );
                continue;
            }
            let want = match name {
                "priority" | "expected_installs" => Ty::Number,
                "with_teams" => Ty::Bool,
                _ => Ty::Text(None),
            };
            let fits = match (&want, ty) {
                (_, Ty::Unknown) => true,
                (Ty::Text(_), Ty::Text(_)) => true,
                (a, b) => a == b,
            };
            if !fits {
                self.problem(
                    at,
                    CheckProblem::DirectiveEntryType {
                        name: name.to_string(),
                        want: want.shape(),
                        got: ty.shape(),
                    },
                );
            }
        }
        for (key, required) in api::DIRECTIVE_ENTRIES {
            if *required && !entries.iter().any(|(k, ..)| k == key) {
                self.problem(pos, CheckProblem::DirectiveLacks { key });
            }
        }
    }

    /// What an API item gives back; `first` is the type of its first argument.
    fn returns(&self, item: &Item, first: Option<Ty>) -> Ty {
        match item.returns {
            Returns::Number => Ty::Number,
            Returns::Text => Ty::Text(None),
            Returns::TextList => Ty::TextList,
            Returns::List => Ty::List,
            Returns::Nothing => Ty::Nothing,
            Returns::Unknown => Ty::Unknown,
            Returns::Param => match (first, self.names) {
                (Some(Ty::Text(Some(key))), Some(names)) => names
                    .params
                    .get(&key.value)
                    .map_or(Ty::Unknown, |param| Ty::of_param(&key.value, param)),
                _ => Ty::Unknown,
            },
        }
    }

    /// What an expression gives, as far as the checker can tell.
    fn ty(&self, expr: &Expr, scope: &FnScope) -> Ty {
        match expr {
            Expr::IntegerConstant(..) | Expr::FloatConstant(..) => Ty::Number,
            Expr::StringConstant(s, _) => Ty::Text(Some(Written::rule(s))),
            Expr::InterpolatedString(..) | Expr::CharConstant(..) => Ty::Text(None),
            Expr::BoolConstant(..) => Ty::Bool,
            Expr::Array(..) => Ty::List,
            Expr::Map(..) => Ty::Map,
            Expr::Unit(..) => Ty::Nothing,
            Expr::DynamicConstant(d, _) => ty_of_value(d),
            Expr::Variable(v, ..) => scope.vars.get(v.1.as_str()).cloned().unwrap_or(Ty::Unknown),
            Expr::And(..) | Expr::Or(..) => Ty::Bool,
            Expr::Dot(bin, ..) => {
                // a read-only walk of the chain: problems are reported by `visit`
                let mut quiet = Checker {
                    path: self.path,
                    source: self.source,
                    known: self.known,
                    names: self.names,
                    script: HashMap::new(),
                    problems: Vec::new(),
                    in_params: Vec::new(),
                };
                quiet.chain(bin, scope, false)
            }
            Expr::FnCall(call, _) => self.call_ty(call, scope),
            _ => Ty::Unknown,
        }
    }

    fn call_ty(&self, call: &FnCallExpr, scope: &FnScope) -> Ty {
        let name = call.name.as_str();
        if let Some(item) = api::find(On::Global, name) {
            return self.returns(item, None);
        }
        if call.args.len() != 2 || call.op_token.is_none() {
            return Ty::Unknown;
        }
        let (a, b) = (self.ty(&call.args[0], scope), self.ty(&call.args[1], scope));
        match name {
            "==" | "!=" | "<" | "<=" | ">" | ">=" => Ty::Bool,
            "+" if matches!(a, Ty::Text(_)) || matches!(b, Ty::Text(_)) => Ty::Text(None),
            "+" | "-" | "*" | "/" | "%" | "**" if a == Ty::Number && b == Ty::Number => Ty::Number,
            _ => Ty::Unknown,
        }
    }
}

/// Where `key:` is written in the map that starts at `map` (the map's start if not found).
fn key_position(source: &str, map: Position, key: &str) -> Position {
    let (Some(line), Some(col)) = (map.line(), map.position()) else {
        return map;
    };
    let line_start: usize = source
        .split_inclusive('\n')
        .take(line - 1)
        .map(str::len)
        .sum();
    let start = line_start
        + source[line_start..]
            .chars()
            .take(col - 1)
            .map(char::len_utf8)
            .sum::<usize>();
    let rest = &source[start..];
    let end = rest.find('}').unwrap_or(rest.len());
    let mut search = 0;
    while let Some(i) = rest[search..end].find(key) {
        let at = search + i;
        let before = rest[..at].chars().next_back();
        let after = rest[at + key.len()..].trim_start();
        if !before.is_some_and(|c| c.is_alphanumeric() || c == '_') && after.starts_with(':') {
            let offset = start + at;
            let line = source[..offset].matches('\n').count() + 1;
            let line_begin = source[..offset].rfind('\n').map_or(0, |i| i + 1);
            let col = source[line_begin..offset].chars().count() + 1;
            if let (Ok(line), Ok(col)) = (u16::try_from(line), u16::try_from(col)) {
                return Position::new(line, col);
            }
            return map;
        }
        search = at + key.len();
    }
    map
}

/// What a constant holds.
fn ty_of_value(d: &rhai::Dynamic) -> Ty {
    if d.is_array() {
        Ty::List
    } else if d.is_map() {
        Ty::Map
    } else if d.is_string() {
        Ty::Text(
            d.clone()
                .into_immutable_string()
                .ok()
                .map(|s| Written::rule(&s)),
        )
    } else if d.is_int() || d.is_float() {
        Ty::Number
    } else if d.is_bool() {
        Ty::Bool
    } else if d.is_unit() {
        Ty::Nothing
    } else {
        Ty::Unknown
    }
}
