//! Rule errors for people: how a Rhai error (syntax, runtime, a rule that runs too long, what a
//! host function refuses) becomes a [`crate::diagnostic::Error`] naming the rule file, the line
//! and column, the district and the hook. What each says is in `message/`.

use std::path::Path;

use rhai::{Dynamic, EvalAltResult, LexError, ParseError, ParseErrorType, Position};

use crate::diagnostic::{Error, did_you_mean};

use super::engine::Stop;
use super::message::{
    ApiName, ArgType, HostProblem, Literal, RuleFailure, RuleFileProblem, RuntimeProblem, Syntax,
    Total, ValueProblem,
};

/// What a host function refuses (a bad argument, an action at the wrong time) travels through
/// Rhai as the value of a runtime error and comes back out as the error's message and hint.
impl From<HostProblem> for Box<EvalAltResult> {
    fn from(problem: HostProblem) -> Self {
        EvalAltResult::ErrorRuntime(Dynamic::from(problem), Position::NONE).into()
    }
}

impl From<ValueProblem> for Box<EvalAltResult> {
    fn from(problem: ValueProblem) -> Self {
        HostProblem::Value(problem).into()
    }
}

/// The result of a host function.
pub(crate) type Fallible<T> = Result<T, Box<EvalAltResult>>;

/// Every function and property name the rules API offers, for "did you mean" hints.
const API_NAMES: &[&str] = &[
    "name",
    "smartphones",
    "installed",
    "rate",
    "cohort",
    "local_teams",
    "mandate",
    "add_installs",
    "set_productivity",
    "min_teams",
    "max_teams",
    "min_rate",
    "directive",
    "teams",
    "projected_rate",
    "projected_installed",
    "outreach_installs",
    "mandated_installs",
    "fixed_installs",
    "own_fixed_installs",
    "own_mandated_installs",
    "param",
    "target_rate",
    "horizon_days",
    "district_floor",
    "team_kinds",
    "provincial_kinds",
    "local_kinds",
    "districts",
    "fmt_count",
    "fmt_percent",
];

/// The names in [`API_NAMES`] that are properties (`district.rate`, not `district.rate()`).
const PROPERTY_NAMES: &[&str] = &[
    "name",
    "smartphones",
    "installed",
    "rate",
    "projected_rate",
    "projected_installed",
    "outreach_installs",
    "mandated_installs",
    "fixed_installs",
    "own_fixed_installs",
    "own_mandated_installs",
    "target_rate",
    "horizon_days",
    "district_floor",
];

/// A syntax error in the rule `rule` (read from `path`, text `source`).
pub(crate) fn syntax(rule: &str, path: &Path, source: &str, err: &ParseError) -> Error {
    let rule = rule.to_string();
    // the file ends inside a block: point at the `{` that is never closed
    let at_end = matches!(&*err.0, ParseErrorType::UnexpectedEOF)
        || matches!(&*err.0, ParseErrorType::MissingToken(token, _) if token == "}");
    if at_end && let Some((line, column)) = unclosed_brace(source) {
        return Error::new(RuleFileProblem::Unclosed { rule })
            .file(path)
            .at(source, line, column);
    }
    let error = Error::new(RuleFileProblem::Syntax {
        rule,
        syntax: parse_detail(&err.0),
        rhai: err.0.to_string(),
    })
    .file(path);
    with_position(error, source, err.1)
}

fn parse_detail(kind: &ParseErrorType) -> Syntax {
    match kind {
        ParseErrorType::BadInput(LexError::ImproperSymbol(symbol, detail))
            if detail.ends_with("is disabled") =>
        {
            Syntax::Disabled {
                symbol: symbol.to_string(),
            }
        }
        ParseErrorType::BadInput(LexError::UnexpectedInput(text)) => Syntax::Unexpected {
            text: text.to_string(),
        },
        ParseErrorType::BadInput(LexError::UnterminatedString) => Syntax::UnterminatedText,
        ParseErrorType::UnexpectedEOF => Syntax::UnexpectedEnd,
        ParseErrorType::MissingToken(token, _) if token == ";" => Syntax::MissingSemicolon,
        ParseErrorType::MissingToken(token, _) => Syntax::Missing {
            token: token.to_string(),
        },
        ParseErrorType::VariableUndefined(name) => Syntax::UndeclaredVariable {
            name: name.to_string(),
        },
        ParseErrorType::Reserved(word) => Syntax::Reserved {
            word: word.to_string(),
        },
        ParseErrorType::FnMissingBody(name) => Syntax::NoFunctionBody {
            name: name.to_string(),
        },
        ParseErrorType::ExprTooDeep => Syntax::TooDeep,
        ParseErrorType::TooManyFunctions => Syntax::TooManyFunctions,
        ParseErrorType::LiteralTooLarge(what, _) => Syntax::LiteralTooLarge {
            what: match what.as_str() {
                "Size of array literal" => Literal::List,
                "Number of properties in object map literal" => Literal::Map,
                _ => Literal::Text,
            },
        },
        ParseErrorType::BadInput(LexError::MalformedEscapeSequence(text)) => Syntax::BadEscape {
            text: text.to_string(),
        },
        ParseErrorType::BadInput(LexError::MalformedNumber(text)) => Syntax::MalformedNumber {
            text: text.to_string(),
        },
        ParseErrorType::FnDuplicatedDefinition(name, params) => Syntax::DuplicateFunction {
            name: name.to_string(),
            params: *params,
        },
        ParseErrorType::FnDuplicatedParam(function, name) => Syntax::DuplicateParameter {
            function: function.to_string(),
            name: name.to_string(),
        },
        ParseErrorType::DuplicatedProperty(name) => Syntax::DuplicateEntry {
            name: name.to_string(),
        },
        ParseErrorType::LoopBreak => Syntax::BreakOutsideLoop,
        ParseErrorType::AssignmentToConstant(name) => Syntax::AssignToConstant {
            name: name.to_string(),
        },
        ParseErrorType::AssignmentToInvalidLHS(_) => Syntax::CannotAssign,
        ParseErrorType::WrongFnDefinition => Syntax::NestedFunction,
        ParseErrorType::MismatchedType(expected, found) => Syntax::Mismatched {
            expected_bool: expected.contains("boolean"),
            found: found.to_string(),
        },
        _ => Syntax::Other,
    }
}

/// Where a hook was running when it failed.
pub(crate) struct Site<'a> {
    pub rule: &'a str,
    pub path: &'a Path,
    pub source: &'a str,
    pub hook: &'a str,
    pub district: &'a str,
    /// Where the hook was when a limit stopped it, if known.
    pub spot: Position,
    /// The rules that took the most of the evaluation: named when the rules together used it
    /// up.
    pub heaviest: Heaviest,
}

/// The rule that took the most steps of the evaluation, and how many; the rule that took the
/// most processor time, and how many seconds.
pub(crate) struct Heaviest {
    pub steps: Option<(String, u64)>,
    pub time: Option<(String, f64)>,
}

/// Whether `err` is a limit stopping the rule (steps, time, depth, size) rather than a mistake at a
/// known spot.
pub(crate) fn is_limit(err: &EvalAltResult) -> bool {
    matches!(
        err.unwrap_inner(),
        EvalAltResult::ErrorTooManyOperations(..)
            | EvalAltResult::ErrorTerminated(..)
            | EvalAltResult::ErrorStackOverflow(..)
            | EvalAltResult::ErrorDataTooLarge(..)
            | EvalAltResult::ErrorTooManyVariables(..)
    )
}

/// A Rhai runtime error (including a rule stopped for running too long) as an [`Error`].
pub(crate) fn runtime(err: &EvalAltResult, site: &Site) -> Error {
    let (rule, hook) = (site.rule.to_string(), site.hook.to_string());
    let inner = err.unwrap_inner();
    let failure = match inner {
        EvalAltResult::ErrorTerminated(token, ..) => match token.read_lock::<Stop>().map(|s| *s) {
            Some(Stop::TotalSteps) => RuleFailure::Exhausted {
                rule,
                hook,
                limit: Total::Steps,
                heaviest: site
                    .heaviest
                    .steps
                    .as_ref()
                    .map(|(rule, steps)| (rule.clone(), *steps as f64)),
            },
            Some(Stop::TotalTime) => RuleFailure::Exhausted {
                rule,
                hook,
                limit: Total::Time,
                heaviest: site.heaviest.time.clone(),
            },
            Some(Stop::CallSteps | Stop::CallTime) | None => RuleFailure::TooLong { rule, hook },
        },
        EvalAltResult::ErrorTooManyOperations(..) => RuleFailure::TooLong { rule, hook },
        EvalAltResult::ErrorRuntime(value, ..) => match value.read_lock::<HostProblem>() {
            Some(problem) => RuleFailure::Host {
                rule,
                hook,
                problem: problem.clone(),
            },
            None => RuleFailure::Thrown {
                rule,
                hook,
                value: shortened(&value.to_string()),
            },
        },
        other => RuleFailure::Failed {
            rule,
            hook,
            problem: runtime_detail(other),
        },
    };
    let error = Error::new(failure).file(site.path).district(site.district);
    let mut pos = innermost_position(err);
    if pos.is_none() {
        pos = site.spot;
    }
    if pos.is_none() {
        // Rhai knows no spot (e.g. an empty `loop {}`): point at the hook itself.
        return match hook_line(site.source, site.hook) {
            Some((line, column)) => error.at(site.source, line, column),
            None => error,
        };
    }
    with_position(error, site.source, pos)
}

/// At most [`THROWN_CHARS`] characters of `text`, with "…" where it is cut: a message quotes
/// what a rule threw, not pages of it.
fn shortened(text: &str) -> String {
    match text.char_indices().nth(THROWN_CHARS) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

/// The most characters of a thrown value a message quotes.
const THROWN_CHARS: usize = 300;

/// The line and column of `fn hook(` in `source`.
fn hook_line(source: &str, hook: &str) -> Option<(usize, usize)> {
    source.lines().enumerate().find_map(|(i, line)| {
        let at = line.find("fn ")?;
        let rest = line[at + 3..].trim_start();
        let named = rest.strip_prefix(hook)?;
        named
            .trim_start()
            .starts_with('(')
            .then(|| (i + 1, line[..at].chars().count() + 1))
    })
}

/// The position closest to where the error happened: the innermost one that is known.
fn innermost_position(err: &EvalAltResult) -> Position {
    let here = err.position();
    let inner = match err {
        EvalAltResult::ErrorInFunctionCall(_, _, inner, _)
        | EvalAltResult::ErrorInModule(_, inner, _) => innermost_position(inner),
        _ => Position::NONE,
    };
    if inner.is_none() { here } else { inner }
}

fn runtime_detail(err: &EvalAltResult) -> RuntimeProblem {
    let english = || strip_position(&err.to_string());
    let close = |name: &str| did_you_mean(name, API_NAMES.iter().copied()).map(str::to_string);
    match err {
        EvalAltResult::ErrorFunctionNotFound(signature, ..) => {
            let (name, args) = signature
                .split_once(" (")
                .map_or((signature.as_str(), ""), |(n, a)| {
                    (n, a.trim_end_matches(')'))
                });
            let args = argument_types(args);
            if !name.starts_with(|c: char| c.is_alphabetic() || c == '_') {
                return RuntimeProblem::CannotApply {
                    op: name.to_string(),
                    args,
                };
            }
            let api = if PROPERTY_NAMES.contains(&name) {
                ApiName::Property
            } else if API_NAMES.contains(&name) {
                ApiName::Function
            } else {
                ApiName::Other { close: close(name) }
            };
            RuntimeProblem::NoFunction {
                name: name.to_string(),
                args,
                api,
            }
        }
        EvalAltResult::ErrorDotExpr(detail, ..) => {
            if let Some(name) = quoted_after(detail, "Unknown property '") {
                RuntimeProblem::NoProperty {
                    name: name.to_string(),
                    close: close(name),
                }
            } else if let Some(name) = quoted_after(detail, "No writable property '") {
                RuntimeProblem::ReadOnly {
                    name: name.to_string(),
                }
            } else {
                RuntimeProblem::Rhai { english: english() }
            }
        }
        EvalAltResult::ErrorPropertyNotFound(name, ..) => RuntimeProblem::NoEntry {
            name: name.to_string(),
        },
        EvalAltResult::ErrorArrayBounds(len, index, ..) => RuntimeProblem::OutOfBounds {
            index: *index,
            len: *len,
        },
        EvalAltResult::ErrorMismatchDataType(expected, actual, ..)
        | EvalAltResult::ErrorMismatchOutputType(expected, actual, ..) => {
            RuntimeProblem::DataType {
                expected: expected.to_string(),
                actual: actual.to_string(),
            }
        }
        EvalAltResult::ErrorArithmetic(detail, ..) => RuntimeProblem::Arithmetic {
            detail: detail.to_string(),
        },
        EvalAltResult::ErrorStackOverflow(..) => RuntimeProblem::TooDeep,
        EvalAltResult::ErrorTooManyVariables(..) => RuntimeProblem::TooManyVariables,
        EvalAltResult::ErrorIndexingType(what, ..) => RuntimeProblem::NotIndexable {
            // "Indexer unavailable: i64[...]" names the type before the brackets
            what: ArgType::of_rhai(what.split('[').next().unwrap_or(what)),
        },
        EvalAltResult::ErrorFor(..) => RuntimeProblem::NotIterable,
        EvalAltResult::ErrorVariableNotFound(name, ..) => RuntimeProblem::UndeclaredVariable {
            name: name.to_string(),
        },
        EvalAltResult::ErrorAssignmentToConstant(name, ..) => RuntimeProblem::Constant {
            name: name.to_string(),
        },
        EvalAltResult::ErrorStringBounds(len, index, ..) => RuntimeProblem::TextBounds {
            index: *index,
            len: *len,
        },
        EvalAltResult::ErrorDataTooLarge(what, ..) => RuntimeProblem::TooLarge {
            what: what.to_string(),
        },
        _ => RuntimeProblem::Rhai { english: english() },
    }
}

/// The argument types of a Rhai signature: "&str | ImmutableString | String, i64".
fn argument_types(args: &str) -> Vec<ArgType> {
    args.split(", ")
        .filter(|a| !a.is_empty())
        .map(ArgType::of_rhai)
        .collect()
}

/// The text between `prefix` and the next `'` in `detail`.
fn quoted_after<'a>(detail: &'a str, prefix: &str) -> Option<&'a str> {
    let rest = detail.strip_prefix(prefix)?;
    rest.split_once('\'').map(|(name, _)| name)
}

/// Rhai's text without the " (line 2, position 14)" it appends: the error shows the spot.
fn strip_position(text: &str) -> String {
    match text.rfind(" (line ") {
        Some(at) if text.ends_with(')') => text[..at].to_string(),
        _ => text.to_string(),
    }
}

/// The line and column of the `{` that no `}` closes, skipping texts and comments. Indentation
/// tells which: a `}` alone at the start of a line closes the `{` of the line indented like it,
/// so a block skipped over (`if ... {` with its `}` forgotten) is the one reported.
fn unclosed_brace(source: &str) -> Option<(usize, usize)> {
    // (line, column, indentation of the line)
    let mut open: Vec<(usize, usize, usize)> = Vec::new();
    let mut skipped: Option<(usize, usize)> = None;
    for (i, line) in source.lines().enumerate() {
        let indent = line.chars().take_while(|c| c.is_whitespace()).count();
        let mut chars = line.chars().enumerate().peekable();
        let mut in_text: Option<char> = None;
        while let Some((col, c)) = chars.next() {
            match (in_text, c) {
                (Some(_), '\\') => {
                    chars.next();
                }
                (Some(q), c) if c == q => in_text = None,
                (Some(_), _) => {}
                (None, '"' | '`' | '\'') => in_text = Some(c),
                (None, '/') if chars.peek().is_some_and(|(_, n)| *n == '/') => break,
                (None, '{') => open.push((i + 1, col + 1, indent)),
                (None, '}') if col == indent => match open.iter().rposition(|o| o.2 == indent) {
                    Some(j) => {
                        if j + 1 < open.len() && skipped.is_none() {
                            skipped = Some((open[j + 1].0, open[j + 1].1));
                        }
                        open.truncate(j);
                    }
                    None => {
                        open.pop();
                    }
                },
                (None, '}') => {
                    open.pop();
                }
                _ => {}
            }
        }
    }
    skipped.or_else(|| open.pop().map(|(line, col, _)| (line, col)))
}

fn with_position(error: Error, source: &str, pos: Position) -> Error {
    match (pos.line(), pos.position()) {
        (Some(line), Some(column)) => error.at(source, line, column),
        (Some(line), None) => error.at(source, line, 1),
        _ => error,
    }
}
