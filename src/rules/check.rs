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
use super::failure::unknown_name_hint;
use crate::diagnostic::{Error, did_you_mean};
use crate::model::Scope;
use crate::scenario::{Param, Scenario};
use crate::text::Text;

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

/// The names a scenario offers rules: `[params]` keys, team kinds and cohorts.
#[derive(Debug, Clone)]
pub struct Names {
    params: BTreeMap<String, Param>,
    kinds: Vec<(String, Scope)>,
    cohorts: BTreeSet<String>,
    /// The scenario file, for hints.
    scenario: String,
}

impl Names {
    pub fn of(scenario: &Scenario) -> Names {
        Names {
            params: scenario.params.clone(),
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
            scenario: scenario.path.display().to_string(),
        }
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

    fn arities(&self, name: &str) -> Option<&BTreeSet<usize>> {
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

/// A `[params]` key of the scenario that no rule reads but that is close to one they read: a
/// misspelt key (in an overlay, say) that would leave the meant one at its old value.
pub(crate) fn unread_params(names: &Names, read: &BTreeSet<String>) -> Vec<Error> {
    names
        .params
        .keys()
        .filter(|key| !read.contains(*key))
        .filter_map(|key| {
            let close = did_you_mean(key, read.iter().map(String::as_str))?;
            Some(
                Error::new(Text::new(
                    format!(
                        "mục [params] có `{key}` nhưng không quy tắc nào đọc nó, trong khi các quy \
                         tắc đọc `{close}`"
                    ),
                    format!(
                        "[params] has `{key}`, which no rule reads, while the rules read `{close}`"
                    ),
                ))
                .file(&names.scenario)
                .field(format!("params.{key}"))
                .hint(Text::new(
                    format!("có phải ý bạn là `{close}`? Sửa tên trong tệp kịch bản"),
                    format!("did you mean `{close}`? Fix the name in the scenario file"),
                )),
            )
        })
        .collect()
}

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
                Text::new(
                    format!(
                        "hàm `{name}` không bao giờ chạy: chỉ `before_solve` và `after_solve` \
                         được gọi, và không hàm nào gọi `{name}`"
                    ),
                    format!(
                        "the function `{name}` never runs: only `before_solve` and \
                         `after_solve` are called, and nothing calls `{name}`"
                    ),
                ),
                Some(Text::new(
                    format!("có phải ý bạn là `{hook}`?"),
                    format!("did you mean `{hook}`?"),
                )),
            );
        }
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
    Text(Option<String>),
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
    fn words(&self) -> Option<(&'static str, &'static str)> {
        Some(match self {
            Ty::Number => ("một số", "a number"),
            Ty::Text(_) => ("một đoạn chữ", "a text"),
            Ty::Bool => ("đúng/sai (true/false)", "true/false"),
            Ty::TextList | Ty::List => ("một danh sách [ ... ]", "a list [ ... ]"),
            Ty::Map => ("một bảng #{ ... }", "a map #{ ... }"),
            Ty::Nothing => ("không có giá trị", "nothing"),
            Ty::District => ("huyện (`district`)", "the district (`district`)"),
            Ty::Scenario => ("kịch bản (`scenario`)", "the scenario (`scenario`)"),
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

    fn of_param(param: &Param) -> Ty {
        match param {
            Param::Number(_) => Ty::Number,
            Param::Text(s) => Ty::Text(Some(s.clone())),
            Param::Bool(_) => Ty::Bool,
            Param::List(items) if items.iter().all(|i| matches!(i, Param::Text(_))) => Ty::TextList,
            Param::List(_) => Ty::List,
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
}

/// The position of a method call or property in a chain.
fn element_position(expr: &Expr) -> Position {
    match expr {
        Expr::Property(_, pos) | Expr::MethodCall(_, pos) => *pos,
        other => other.start_position(),
    }
}

fn nth(i: usize) -> (String, String) {
    let en = match i {
        0 => "1st".to_string(),
        1 => "2nd".to_string(),
        2 => "3rd".to_string(),
        n => format!("{}th", n + 1),
    };
    (format!("thứ {}", i + 1), en)
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

impl Checker<'_> {
    fn problem(&mut self, pos: Position, message: Text, hint: Option<Text>) {
        let mut error = Error::new(message).file(self.path);
        if let (Some(line), Some(col)) = (pos.line(), pos.position()) {
            error = error.at(self.source, line, col);
        } else if let Some(line) = pos.line() {
            error = error.at(self.source, line, 1);
        }
        if let Some(hint) = hint {
            error = error.hint(hint);
        }
        self.problems.push((pos, error));
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
        let name = p.2.as_str();
        let (vi_what, en_what) = if target == Ty::District {
            ("huyện", "district")
        } else {
            ("kịch bản", "scenario")
        };
        self.problem(
            *pos,
            Text::new(
                format!("không thể gán `{name}`: số liệu của {vi_what} chỉ để đọc"),
                format!("cannot assign `{name}`: the {en_what}'s data are read-only"),
            ),
            Some(Text::new(
                "quy tắc tác động lên kế hoạch bằng các hàm: `mandate`, `add_installs`, \
                 `set_productivity`, `min_teams`, `max_teams`, `min_rate`, `directive`",
                "a rule acts on the plan through functions: `mandate`, `add_installs`, \
                 `set_productivity`, `min_teams`, `max_teams`, `min_rate`, `directive`",
            )),
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
            (Expr::Property(p, _), Some(on)) => {
                let name = p.2.as_str();
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
                                Text::new(
                                    format!(
                                        "`{name}` là một hàm, cần viết kèm ngoặc: `{name}{}`",
                                        item.signature
                                    ),
                                    format!(
                                        "`{name}` is a function: write `{name}{}`",
                                        item.signature
                                    ),
                                ),
                                None,
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
            (Expr::MethodCall(call, _), Some(on)) => {
                let name = call.name.as_str();
                match api::find(on, name) {
                    Some(item) if item.args.is_none() => {
                        if report {
                            self.problem(
                                pos,
                                Text::new(
                                    format!("`{name}` là một số liệu, không phải hàm: viết `{name}`, không có `()`"),
                                    format!("`{name}` is a field, not a function: write `{name}` without `()`"),
                                ),
                                None,
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
            (Expr::MethodCall(call, _), None) => {
                if report {
                    self.method_on_value(call, pos);
                }
                Ty::Unknown
            }
            _ => Ty::Unknown,
        }
    }

    /// `x.f(args)` where `x` is not the district or the scenario.
    fn method_on_value(&mut self, call: &FnCallExpr, pos: Position) {
        let name = call.name.as_str();
        let n = call.args.len() + 1;
        let fits = |arities: Option<&BTreeSet<usize>>| arities.is_some_and(|a| a.contains(&n));
        if fits(self.known.arities(name)) {
            return;
        }
        // a rule's own function called as `x.f(a)` gets `x` as `this` and `a` as its arguments
        if let Some(arities) = self.script.get(name) {
            if !arities.contains(&call.args.len()) {
                let expected = arities.iter().next().copied().unwrap_or(0);
                self.problem(
                    pos,
                    Text::new(
                        format!(
                            "hàm `{name}` của quy tắc nhận {expected} tham số; gọi theo kiểu \
                             `x.{name}(...)` thì `x` không tính là tham số: viết `{name}(x, ...)`"
                        ),
                        format!(
                            "the rule's function `{name}` takes {expected} argument{}; called as \
                             `x.{name}(...)`, `x` is not one of them: write `{name}(x, ...)`",
                            plural(expected)
                        ),
                    ),
                    None,
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
                Text::new(
                    format!("hàm `{name}` không nhận {} tham số như ở đây", n - 1),
                    format!(
                        "the function `{name}` does not take {} argument{} here",
                        n - 1,
                        plural(n - 1)
                    ),
                ),
                None,
            );
            return;
        }
        let hint = self.closest_function(name);
        self.problem(
            pos,
            Text::new(
                format!("không có hàm `{name}`"),
                format!("there is no function `{name}`"),
            ),
            hint,
        );
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
                let expected = arities.iter().next().copied().unwrap_or(0);
                self.problem(
                    pos,
                    Text::new(
                        format!("hàm `{name}` của quy tắc nhận {expected} tham số, ở đây có {n}"),
                        format!(
                            "the rule's function `{name}` takes {expected} argument{}, not {n}",
                            plural(expected)
                        ),
                    ),
                    None,
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
                Text::new(
                    format!("hàm `{name}` không nhận {n} tham số như ở đây"),
                    format!(
                        "the function `{name}` does not take {n} argument{} here",
                        plural(n)
                    ),
                ),
                None,
            );
            return;
        }
        let hint = self.closest_function(name);
        self.problem(
            pos,
            Text::new(
                format!("không có hàm `{name}`"),
                format!("there is no function `{name}`"),
            ),
            hint,
        );
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
        let (vi_result, en_result) = match op {
            "==" => (
                " (kết quả luôn là sai)",
                " (the answer would always be false)",
            ),
            "!=" => (
                " (kết quả luôn là đúng)",
                " (the answer would always be true)",
            ),
            _ => ("", ""),
        };
        let shown = text.map_or_else(String::new, |t| format!(" \"{t}\""));
        self.problem(
            pos,
            Text::new(
                format!("so sánh một số với một đoạn chữ{shown} bằng `{op}`{vi_result}"),
                format!("comparing a number with a text{shown} by `{op}`{en_result}"),
            ),
            Some(Text::new(
                "nếu giá trị lấy từ mục [params] thì hãy viết nó là số, không có dấu ngoặc kép",
                "if the value comes from [params], write it as a number, without quotes",
            )),
        );
    }

    fn closest_function(&self, name: &str) -> Option<Text> {
        let api_names = api::API.iter().map(|i| i.name);
        let script = self.script.keys().map(String::as_str);
        let all: Vec<&str> = api_names.chain(script).chain(self.known.names()).collect();
        did_you_mean(name, all.iter().copied()).map(|close| {
            let written = api::API.iter().find(|i| i.name == close).map_or_else(
                || close.to_string(),
                |i| match i.on {
                    On::District => format!("district.{close}{}", i.signature),
                    On::Scenario => format!("scenario.{close}{}", i.signature),
                    On::Global => format!("{close}{}", i.signature),
                },
            );
            Text::new(
                format!("có phải ý bạn là `{written}`?"),
                format!("did you mean `{written}`?"),
            )
        })
    }

    /// `district.rates` or `district.min_team(...)`: not in the API.
    fn unknown_member(&mut self, on: On, name: &str, pos: Position, property: bool) {
        let (vi_on, en_on) = match on {
            On::District => ("huyện (`district`)", "a district (`district`)"),
            _ => ("kịch bản (`scenario`)", "the scenario (`scenario`)"),
        };
        let message = if property {
            Text::new(
                format!("{vi_on} không có số liệu `{name}`"),
                format!("{en_on} has no field `{name}`"),
            )
        } else {
            Text::new(
                format!("{vi_on} không có hàm `{name}`"),
                format!("{en_on} has no function `{name}`"),
            )
        };
        let prefix = if on == On::District {
            "district"
        } else {
            "scenario"
        };
        let hint = match did_you_mean(name, api::names(on)) {
            Some(close) => {
                let item = api::find(on, close).expect("a name of the API");
                let written = format!("{prefix}.{close}{}", item.signature);
                Text::new(
                    format!("có phải ý bạn là `{written}`?"),
                    format!("did you mean `{written}`?"),
                )
            }
            None => {
                let list = api::names(on)
                    .map(|n| format!("`{n}`"))
                    .collect::<Vec<_>>()
                    .join(", ");
                Text::new(
                    format!("những gì `{prefix}` có: {list} (xem docs/rules.md)"),
                    format!("what `{prefix}` has: {list} (see docs/rules.md)"),
                )
            }
        };
        self.problem(pos, message, Some(hint));
    }

    /// An action used in a hook where it cannot work.
    fn phase(&mut self, item: &Item, pos: Position, scope: &FnScope) {
        let (wrong, vi_when, en_when, hook) = match item.phase {
            Phase::Any => return,
            Phase::Before => (
                Hook::After,
                "trước khi lập kế hoạch",
                "before the solve",
                super::BEFORE_SOLVE,
            ),
            Phase::After => (
                Hook::Before,
                "sau khi lập kế hoạch",
                "after the solve",
                super::AFTER_SOLVE,
            ),
        };
        let is_hook = scope.name == super::BEFORE_SOLVE || scope.name == super::AFTER_SOLVE;
        // a helper that both hooks call may read plan figures on a path only `after_solve`
        // takes: say nothing unless every hook that reaches it is the wrong one
        if !scope.phases.contains(&wrong) || (!is_hook && scope.phases.len() > 1) {
            return;
        }
        let name = item.name;
        let (vi_where, en_where) =
            if scope.name == super::BEFORE_SOLVE || scope.name == super::AFTER_SOLVE {
                (
                    format!("trong `{}`", scope.name),
                    format!("in `{}`", scope.name),
                )
            } else {
                let from = if wrong == Hook::Before {
                    super::BEFORE_SOLVE
                } else {
                    super::AFTER_SOLVE
                };
                (
                    format!("trong hàm `{}`, mà `{from}` gọi tới", scope.name),
                    format!("in the function `{}`, which `{from}` calls", scope.name),
                )
            };
        self.problem(
            pos,
            Text::new(
                format!("`{name}` chỉ dùng được {vi_when}, nhưng ở đây nó nằm {vi_where}"),
                format!("`{name}` can only be used {en_when}, but here it is {en_where}"),
            ),
            Some(Text::new(
                format!("chuyển dòng này vào `fn {hook}(district, scenario)`"),
                format!("move this line into `fn {hook}(district, scenario)`"),
            )),
        );
    }

    /// A call of an API function: argument count, each argument, the hook.
    fn api_call(&mut self, item: &Item, args: &[Expr], pos: Position, scope: &FnScope) {
        self.phase(item, pos, scope);
        let lists = item.args.unwrap_or(&[]);
        let Some(expected) = lists.iter().find(|l| l.len() == args.len()) else {
            let counts: Vec<String> = lists.iter().map(|l| l.len().to_string()).collect();
            let counts = counts.join(" / ");
            self.problem(
                pos,
                Text::new(
                    format!(
                        "`{}` nhận {counts} tham số `{}{}`, ở đây có {}",
                        item.name,
                        item.name,
                        item.signature,
                        args.len()
                    ),
                    format!(
                        "`{}` takes {counts} argument{} `{}{}`, not {}",
                        item.name,
                        if counts == "1" { "" } else { "s" },
                        item.name,
                        item.signature,
                        args.len()
                    ),
                ),
                None,
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
            let (vi_n, en_n) = nth(i);
            let (vi_want, en_want) = want.words();
            let (vi_got, en_got) = ty.words().unwrap_or(("giá trị khác", "another value"));
            self.problem(
                pos,
                Text::new(
                    format!("`{name}`: tham số {vi_n} phải là {vi_want}, không phải {vi_got}"),
                    format!("`{name}`: the {en_n} argument must be {en_want}, not {en_got}"),
                ),
                Some(Text::new(
                    format!("cách viết: `{name}{}`", item.signature),
                    format!("write it as `{name}{}`", item.signature),
                )),
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
        let Ty::Text(Some(value)) = ty else {
            return;
        };
        self.name_argument(name, &value, want, pos);
    }

    /// A team kind, cohort, `[params]` key or language written in the rule.
    fn name_argument(&mut self, function: &str, value: &str, want: Arg, pos: Position) {
        match want {
            Arg::Lang if value != "vi" && value != "en" => {
                self.problem(
                        pos,
                        Text::new(
                            format!("`{function}`: ngôn ngữ phải là \"vi\" hoặc \"en\", không phải \"{value}\""),
                            format!("`{function}`: the language must be \"vi\" or \"en\", not \"{value}\""),
                        ),
                        None,
                    );
            }
            Arg::Cohort => {
                let lower = value.to_lowercase();
                let known: Vec<&str> = match self.names {
                    Some(names) => names.cohorts.iter().map(String::as_str).collect(),
                    None => KNOWN_COHORTS.to_vec(),
                };
                if known.contains(&lower.as_str()) {
                    return;
                }
                // without a scenario, only a near miss of a known cohort is surely wrong
                let close = did_you_mean(&lower, known.iter().copied());
                if self.names.is_none() && close.is_none() {
                    return;
                }
                let hint = unknown_name_hint(&lower, &known, ("nhóm đối tượng", "cohorts"));
                self.problem(
                    pos,
                    Text::new(
                        format!("`{function}`: không có nhóm đối tượng `{value}`"),
                        format!("`{function}`: there is no cohort `{value}`"),
                    ),
                    Some(hint),
                );
            }
            Arg::Kind | Arg::LocalKind => {
                let Some(names) = self.names else {
                    return;
                };
                match names.kinds.iter().find(|(k, _)| k == value) {
                    Some((_, Scope::Provincial)) if want == Arg::LocalKind => {
                        let locals: Vec<&str> = names
                            .kinds
                            .iter()
                            .filter(|(_, s)| *s == Scope::Local)
                            .map(|(k, _)| k.as_str())
                            .collect();
                        self.problem(
                            pos,
                            Text::new(
                                format!("`{function}`: `{value}` là đội cấp tỉnh, không đóng tại huyện"),
                                format!("`{function}`: `{value}` is a provincial kind, not stationed in districts"),
                            ),
                            Some(unknown_name_hint(value, &locals, ("loại tổ tại chỗ", "local kinds"))),
                        );
                    }
                    Some(_) => {}
                    None => {
                        let known: Vec<&str> =
                            names.kinds.iter().map(|(k, _)| k.as_str()).collect();
                        self.problem(
                            pos,
                            Text::new(
                                format!("`{function}`: kịch bản không có loại tổ/đội `{value}`"),
                                format!("`{function}`: the scenario has no team kind `{value}`"),
                            ),
                            Some(unknown_name_hint(
                                value,
                                &known,
                                ("loại tổ/đội", "team kinds"),
                            )),
                        );
                    }
                }
            }
            Arg::ParamKey => {
                let Some(names) = self.names else {
                    return;
                };
                if names.params.contains_key(value) {
                    return;
                }
                let known: Vec<&str> = names.params.keys().map(String::as_str).collect();
                let hint = match did_you_mean(value, known.iter().copied()) {
                    Some(close) => Text::new(
                        format!("có phải ý bạn là `{close}`?"),
                        format!("did you mean `{close}`?"),
                    ),
                    None => Text::new(
                        format!(
                            "thêm `{value} = ...` vào mục [params] của {}, hoặc sửa tên trong quy tắc",
                            names.scenario
                        ),
                        format!(
                            "add `{value} = ...` under [params] in {}, or fix the name in the rule",
                            names.scenario
                        ),
                    ),
                };
                self.problem(
                    pos,
                    Text::new(
                        format!("`{function}`: mục [params] của kịch bản không có `{value}`"),
                        format!("`{function}`: the scenario's [params] has no `{value}`"),
                    ),
                    Some(hint),
                );
            }
            _ => {}
        }
    }

    /// `#{ action: ..., unit: ..., priority: 1 }` written in the call.
    /// `entries`: each entry's name, where it is written and what it holds.
    fn directive_map(&mut self, entries: &[(&str, Position, Ty)], pos: Position) {
        let keys: Vec<&str> = api::DIRECTIVE_ENTRIES.iter().map(|(k, _)| *k).collect();
        for (name, at, ty) in entries {
            let (name, at) = (*name, *at);
            if !keys.contains(&name) {
                let close = did_you_mean(name, keys.iter().copied());
                self.problem(
                    at,
                    Text::new(
                        format!("`directive`: chỉ đạo không có mục `{name}`"),
                        format!("`directive`: a directive has no entry `{name}`"),
                    ),
                    Some(match close {
                        Some(close) => Text::new(
                            format!("có phải ý bạn là `{close}`?"),
                            format!("did you mean `{close}`?"),
                        ),
                        None => Text::new(
                            format!("các mục của một chỉ đạo: {}", keys.join(", ")),
                            format!("a directive's entries are: {}", keys.join(", ")),
                        ),
                    }),
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
                let (vi_want, en_want) = want.words().unwrap_or(("", ""));
                let (vi_got, en_got) = ty.words().unwrap_or(("", ""));
                self.problem(
                    at,
                    Text::new(
                        format!("`directive`: mục `{name}` phải là {vi_want}, không phải {vi_got}"),
                        format!("`directive`: the entry `{name}` must be {en_want}, not {en_got}"),
                    ),
                    None,
                );
            }
        }
        for (key, required) in api::DIRECTIVE_ENTRIES {
            if *required && !entries.iter().any(|(k, ..)| k == key) {
                self.problem(
                    pos,
                    Text::new(
                        format!("`directive`: chỉ đạo thiếu mục `{key}`"),
                        format!("`directive`: the directive lacks the entry `{key}`"),
                    ),
                    Some(Text::new(
                        "một chỉ đạo cần ít nhất `action` (việc cần làm) và `unit` (đơn vị thực hiện)",
                        "a directive needs at least `action` (what to do) and `unit` (who does it)",
                    )),
                );
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
            Returns::Param => match (first, self.names) {
                (Some(Ty::Text(Some(key))), Some(names)) => {
                    names.params.get(&key).map_or(Ty::Unknown, Ty::of_param)
                }
                _ => Ty::Unknown,
            },
        }
    }

    /// What an expression gives, as far as the checker can tell.
    fn ty(&self, expr: &Expr, scope: &FnScope) -> Ty {
        match expr {
            Expr::IntegerConstant(..) | Expr::FloatConstant(..) => Ty::Number,
            Expr::StringConstant(s, _) => Ty::Text(Some(s.to_string())),
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
                .map(|s| s.to_string()),
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
