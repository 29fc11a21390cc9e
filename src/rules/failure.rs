//! Rule errors for people: how a Rhai error (syntax, runtime, a rule that runs too long, what a
//! host function refuses) becomes a [`crate::diagnostic::Error`] naming the rule file, the line
//! and column, the district and the hook. What each says is in `message/`.

use std::path::Path;

use rhai::{Dynamic, EvalAltResult, LexError, ParseError, ParseErrorType, Position};

use crate::diagnostic::{Error, did_you_mean};

use super::engine::Stop;
use super::message::{
    ApiName, ArgType, Arithmetic, Enclosure, HostProblem, Literal, NothingFrom, RuleFailure,
    RuleFileProblem, RuntimeProblem, Syntax, Total, ValueProblem,
};
use super::scenario_view::DISTRICT_ENTRIES;

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
    "app",
    "team_kinds",
    "provincial_kinds",
    "local_kinds",
    "districts",
    "district_named",
    "closest_districts",
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
    "app",
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
    // a variable the hook never received: `fn before_solve(district)` using `scenario`
    if matches!(&*err.0, ParseErrorType::VariableUndefined(_))
        && let Some(hook) = [super::BEFORE_SOLVE, super::AFTER_SOLVE]
            .into_iter()
            .find(|hook| hook_parameters(source, hook).is_some_and(|n| n != 2))
    {
        return hook_parameters_error(&rule, path, source, hook);
    }
    let syntax = parse_detail(&err.0);
    let mut pos = err.1;
    // Rhai notices a missing `;` at the next statement, lines and comments later: point at the
    // end of the statement that lacks it
    if syntax == Syntax::MissingSemicolon
        && let Some((line, column)) = end_of_code_before(source, pos)
        && let (Ok(line), Ok(column)) = (u16::try_from(line), u16::try_from(column))
    {
        pos = Position::new(line, column);
    }
    let error = Error::new(RuleFileProblem::Syntax {
        rule,
        syntax,
        rhai: err.0.to_string(),
    })
    .file(path);
    with_position(error, source, pos)
}

/// The error of a hook (`before_solve`, `after_solve`) that does not take two parameters, at
/// its `fn` line.
pub(crate) fn hook_parameters_error(rule: &str, path: &Path, source: &str, hook: &str) -> Error {
    let error = Error::new(RuleFileProblem::HookParameters {
        rule: rule.to_string(),
        hook: hook.to_string(),
    })
    .file(path);
    match hook_line(source, hook) {
        Some((line, column)) => error.at(source, line, column),
        None => error,
    }
}

/// How many parameters `fn hook(...)` takes in `source`, if the rule defines it.
fn hook_parameters(source: &str, hook: &str) -> Option<usize> {
    let (line, _) = hook_line(source, hook)?;
    let text = source.lines().nth(line - 1)?;
    let after = &text[text.find(hook)? + hook.len()..];
    let inside = after.trim_start().strip_prefix('(')?;
    let inside = &inside[..inside.find(')')?];
    Some(if inside.trim().is_empty() {
        0
    } else {
        inside.split(',').filter(|p| !p.trim().is_empty()).count()
    })
}

/// The line and column just after the last character of code before `pos` in `source`
/// (texts count as code; comments and blank space do not): where a statement that Rhai found
/// unfinished at `pos` ends.
fn end_of_code_before(source: &str, pos: Position) -> Option<(usize, usize)> {
    let end = offset(source, pos)?;
    #[derive(PartialEq)]
    enum In {
        Code,
        LineComment,
        BlockComment(usize),
        Text(char),
    }
    let mut state = In::Code;
    let mut last: Option<(usize, usize)> = None;
    let (mut line, mut column) = (1, 0);
    let mut chars = source[..end].chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\n' {
            line += 1;
            column = 0;
            if state == In::LineComment {
                state = In::Code;
            }
            continue;
        }
        column += 1;
        match state {
            In::LineComment => {}
            In::BlockComment(depth) => {
                if c == '*' && chars.peek() == Some(&'/') {
                    chars.next();
                    column += 1;
                    state = if depth == 1 {
                        In::Code
                    } else {
                        In::BlockComment(depth - 1)
                    };
                } else if c == '/' && chars.peek() == Some(&'*') {
                    chars.next();
                    column += 1;
                    state = In::BlockComment(depth + 1);
                }
            }
            In::Text(quote) => {
                last = Some((line, column));
                if c == '\\' {
                    if chars.peek().is_some_and(|n| *n != '\n') {
                        chars.next();
                        column += 1;
                        last = Some((line, column));
                    }
                } else if c == quote {
                    state = In::Code;
                }
            }
            In::Code => {
                if c == '/' && chars.peek() == Some(&'/') {
                    state = In::LineComment;
                } else if c == '/' && chars.peek() == Some(&'*') {
                    chars.next();
                    column += 1;
                    state = In::BlockComment(1);
                } else if !c.is_whitespace() {
                    last = Some((line, column));
                    if c == '"' || c == '`' || c == '\'' {
                        state = In::Text(c);
                    }
                }
            }
        }
    }
    last.map(|(line, column)| (line, column + 1))
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
        ParseErrorType::MissingToken(token, detail) if token == "," || token == ")" => {
            let call = quoted_after(detail, "to separate the arguments to function call '")
                .or_else(|| {
                    quoted_after(
                        detail,
                        "to close the arguments list of this function call '",
                    )
                });
            let what = if let Some(function) = call {
                Some(Enclosure::Call {
                    function: function.to_string(),
                })
            } else if detail.ends_with("array literal") {
                Some(Enclosure::List)
            } else if detail.ends_with("object map literal") {
                Some(Enclosure::Map)
            } else if detail.starts_with("for a matching (") {
                Some(Enclosure::Parenthesis)
            } else {
                None
            };
            match what {
                Some(what) => Syntax::NotClosed { what },
                None => Syntax::Missing {
                    token: token.to_string(),
                },
            }
        }
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
    /// What the evaluation was allowed to spend.
    pub allowance: super::limits::Allowance,
    /// The rule test case running, if it is one.
    pub case: Option<String>,
    /// The last `scenario.district_named` of the call that found nothing, and the names most
    /// like it: why a value read later was `()` (trial 13 H20).
    pub nothing_from: Option<NothingFrom>,
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
                allowance: site.allowance,
                heaviest: site
                    .heaviest
                    .steps
                    .as_ref()
                    .map(|(rule, steps)| (rule.clone(), *steps as f64)),
                case: site.case.clone(),
            },
            Some(Stop::TotalTime) => RuleFailure::Exhausted {
                rule,
                hook,
                limit: Total::Time,
                allowance: site.allowance,
                heaviest: site.heaviest.time.clone(),
                case: site.case.clone(),
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
            // a function thrown, or a text made of one: Rhai would write a closure as a name
            // made anew on every run (trial 13g K13)
            None if thrown_function(value) => RuleFailure::Host {
                rule,
                hook,
                problem: HostProblem::Value(ValueProblem::FunctionAsText {
                    input: super::message::Input::Thrown,
                }),
            },
            None => match thrown_text(value) {
                Some(Thrown::Text(vi, en)) => RuleFailure::ThrownText {
                    rule,
                    hook,
                    vi: shortened(&vi),
                    en: shortened(&en),
                },
                Some(Thrown::NotText(key, value)) => RuleFailure::ThrownKeyNotText {
                    rule,
                    hook,
                    key,
                    value: shortened(&value),
                },
                // `throw #{ vi: "", en: "" }`: as `throw ""`
                Some(Thrown::Blank) => RuleFailure::ThrownNoReason {
                    rule,
                    hook,
                    value: None,
                },
                // `throw;`, `throw ()` (a function that gives nothing), `throw ""` or `throw 42`:
                // no reason in words to show
                None if value.is_unit()
                    || !value.is_string()
                    || value.to_string().trim().is_empty() =>
                {
                    RuleFailure::ThrownNoReason {
                        rule,
                        hook,
                        value: (!value.is_unit() && !value.is_string())
                            .then(|| shortened(&value.to_string())),
                    }
                }
                None => RuleFailure::Thrown {
                    rule,
                    hook,
                    value: shortened(&value.to_string()),
                },
            },
        },
        other => RuleFailure::Failed {
            rule,
            hook,
            problem: runtime_detail(other, site, innermost_position(err)),
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

/// How Rhai names a closure: `anon$` and a hash (`rhai::engine::FN_ANONYMOUS`).
const ANONYMOUS: &str = "anon$";

/// Whether a thrown value is a function, or holds one (in a text, a map, a list).
fn thrown_function(value: &Dynamic) -> bool {
    if value.is::<rhai::FnPtr>() {
        return true;
    }
    // a map or a list is written with Rhai's own words for a function in it
    let shown = value.to_string();
    super::value::holds_function(&shown) || (!value.is_string() && shown.contains(ANONYMOUS))
}

/// What a thrown map `#{ vi: "...", en: "..." }` says.
enum Thrown {
    /// Its texts in both languages (one of them alone serves for both).
    Text(String, String),
    /// `vi` or `en` (the key) is there but is not a text (the value, as Rhai writes it).
    NotText(&'static str, String),
    /// Both texts are empty or blank.
    Blank,
}

/// What `throw #{ vi: "...", en: "..." }` says: a rule's own error in both languages; `None`
/// when the value is not a map with `vi` or `en`.
fn thrown_text(value: &Dynamic) -> Option<Thrown> {
    let map = value.read_lock::<rhai::Map>()?;
    for key in ["vi", "en"] {
        if let Some(v) = map.get(key)
            && !v.is_string()
        {
            return Some(Thrown::NotText(key, v.to_string()));
        }
    }
    let text = |key: &str| map.get(key).map(ToString::to_string);
    // a text that says something: not empty, not only spaces
    let said = |t: Option<String>| t.filter(|t| !t.trim().is_empty());
    let (vi, en) = (text("vi"), text("en"));
    if vi.is_none() && en.is_none() {
        return None;
    }
    match (said(vi), said(en)) {
        (None, None) => Some(Thrown::Blank),
        (Some(vi), Some(en)) => Some(Thrown::Text(vi, en)),
        (Some(one), None) | (None, Some(one)) => Some(Thrown::Text(one.clone(), one)),
    }
}

/// At most [`THROWN_CHARS`] characters of `text`, with "…" where it is cut, and each line
/// break written " / " (a message is read on one line): a message quotes what a rule threw,
/// not pages of it.
fn shortened(text: &str) -> String {
    let text = text
        .replace("\r\n", " / ")
        .replace(['\n', '\r'], " / ")
        .replace('\t', " ");
    match text.char_indices().nth(THROWN_CHARS) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text,
    }
}

/// The most characters of a thrown value a message quotes.
const THROWN_CHARS: usize = 300;

/// The line and column of `fn hook(` in `source`.
fn hook_line(source: &str, hook: &str) -> Option<(usize, usize)> {
    source.lines().enumerate().find_map(|(i, line)| {
        if line.trim_start().starts_with("//") {
            return None;
        }
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

/// The problem of a Rhai runtime error `err`, at `pos` in `source` (the rule's text, which
/// shows the values involved as the rule writes them).
fn runtime_detail(err: &EvalAltResult, site: &Site, pos: Position) -> RuntimeProblem {
    let source = site.source;
    let at = offset(source, pos);
    let english = || strip_position(&err.to_string());
    let close =
        |name: &str| super::sandbox::meant(name, API_NAMES.iter().copied()).map(str::to_string);
    match err {
        EvalAltResult::ErrorFunctionNotFound(detail, ..)
            if detail == "elements of different types cannot be sorted" =>
        {
            RuntimeProblem::SortMixed
        }
        EvalAltResult::ErrorFunctionNotFound(detail, ..)
            if detail.starts_with("elements of ") && detail.ends_with(" cannot be sorted") =>
        {
            let what = &detail["elements of ".len()..detail.len() - " cannot be sorted".len()];
            RuntimeProblem::SortType {
                what: ArgType::of_rhai(what),
            }
        }
        EvalAltResult::ErrorUnboundThis(..) => RuntimeProblem::UnboundThis,
        EvalAltResult::ErrorFunctionNotFound(signature, ..) => {
            let (name, args) =
                signature
                    .split_once(" (")
                    .map_or((signature.as_str(), ""), |(n, a)| {
                        // one `)` closes the list: `+ (i64, ())` ends with the type `()`
                        (n, a.strip_suffix(')').unwrap_or(a))
                    });
            let args = argument_types(args);
            // a closure of the rule: Rhai names it `anon$` and a hash made anew each run
            if name.starts_with(ANONYMOUS) {
                return closure_call(source, at, args.len());
            }
            if !name.starts_with(|c: char| c.is_alphabetic() || c == '_') {
                let operands = at.map_or([None, None], |at| operands(source, at, name, args.len()));
                return RuntimeProblem::CannotApply {
                    op: name.to_string(),
                    args,
                    operands,
                };
            }
            let api = if args.first() == Some(&ArgType::Districts) {
                ApiName::OnDistricts
            } else if PROPERTY_NAMES.contains(&name) {
                ApiName::Property
            } else if API_NAMES.contains(&name) {
                ApiName::Function
            } else if let Some(what) = super::sandbox::withheld(name) {
                ApiName::Withheld(what)
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
            if let Some(name) = quoted_after(detail, "Unknown property '")
                && detail.ends_with("for type '()'")
            {
                // `x.name` where `x` is () (what `district_named` gives when it finds nothing):
                // "did you mean `name`?" would suggest the very word
                RuntimeProblem::PropertyOfNothing {
                    name: name.to_string(),
                    value: at.and_then(|at| map_before_property(source, at)),
                    lookup: site.nothing_from.clone(),
                }
            } else if let Some(name) = quoted_after(detail, "Unknown property '") {
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
        EvalAltResult::ErrorPropertyNotFound(name, ..) => {
            let map = at.and_then(|at| map_before_property(source, at));
            RuntimeProblem::NoEntry {
                name: name.to_string(),
                // a district's map, as the rule writes it: its entries are listed (trial 13 H20)
                district: map
                    .as_deref()
                    .is_some_and(|m| m.contains("district_named(") || m.contains("districts()")),
                map,
                row: did_you_mean(name, DISTRICT_ENTRIES)
                    .filter(|row| row != name)
                    .map(str::to_string),
            }
        }
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
        EvalAltResult::ErrorArithmetic(detail, ..) => {
            RuntimeProblem::Arithmetic(Arithmetic::of_rhai(detail))
        }
        EvalAltResult::ErrorStackOverflow(..) => RuntimeProblem::TooDeep,
        EvalAltResult::ErrorTooManyVariables(..) => RuntimeProblem::TooManyVariables,
        EvalAltResult::ErrorIndexingType(what, ..) => RuntimeProblem::NotIndexable {
            // "Indexer unavailable: i64[...]" names the type before the brackets
            what: ArgType::of_rhai(what.split('[').next().unwrap_or(what)),
            receiver: at.and_then(|at| expression_before(source, at)),
            key: at.and_then(|at| quoted_key(source, at)),
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

/// A closure called with another number of values than it takes, at byte `at` of `source`
/// (the `call` of `f.call(1, 2)`, or the `f` of `f(1, 2)`); `values`: how many Rhai passed
/// (the values the closure captured among them). Where the text shows it plainly: the line
/// and head (`|x|`) of `let f = |x| ...` above the call, and the values the call gives.
fn closure_call(source: &str, at: Option<usize>, values: usize) -> RuntimeProblem {
    let unknown = RuntimeProblem::ClosureCall {
        defined: None,
        takes: None,
        given: values,
    };
    let Some(at) = at else {
        return unknown;
    };
    let rest = source.get(at..).unwrap_or("");
    let word = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    // `f.call(...)`: the name before the dot; `f(...)`: the name here
    let (name, after) = if rest.starts_with("call") && source[..at].ends_with('.') {
        let before = &source[..at - 1];
        let start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphanumeric() || *c == '_')
            .last()
            .map_or(before.len(), |(i, _)| i);
        (before[start..].to_string(), &rest["call".len()..])
    } else {
        let name = word(rest);
        let after = &rest[name.len()..];
        (name, after)
    };
    let given = call_values(after).unwrap_or(values);
    if name.is_empty() {
        return RuntimeProblem::ClosureCall {
            defined: None,
            takes: None,
            given,
        };
    }
    // the closest `let name = |...|` (or `name = |...|`) above the call
    let mut defined = None;
    for (i, line) in source[..at].lines().enumerate() {
        let mut from = 0;
        while let Some(found) = line[from..].find(name.as_str()) {
            let start = from + found;
            from = start + name.len();
            let clean_start = line[..start]
                .chars()
                .next_back()
                .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
            let tail = line[from..].trim_start();
            let Some(tail) = tail.strip_prefix('=') else {
                continue;
            };
            let tail = tail.trim_start();
            if !clean_start || tail.starts_with('=') || !tail.starts_with('|') {
                continue;
            }
            let head_end = tail[1..].find('|').map(|e| e + 2);
            if let Some(end) = head_end {
                defined = Some((i + 1, tail[..end].to_string()));
            }
        }
    }
    let takes = defined.as_ref().map(|(_, head)| {
        head.trim_matches('|')
            .split(',')
            .filter(|p| !p.trim().is_empty())
            .count()
    });
    RuntimeProblem::ClosureCall {
        defined,
        takes,
        given,
    }
}

/// How many values the call whose `(` starts `text` (after spaces) gives, when its `)` is on
/// the text and no text in quotes holds a bracket.
fn call_values(text: &str) -> Option<usize> {
    let text = text.trim_start().strip_prefix('(')?;
    let (mut depth, mut commas, mut any) = (0usize, 0usize, false);
    for c in text.chars() {
        match c {
            '"' | '\'' | '`' => return None,
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth > 0 => depth -= 1,
            ')' => return Some(if any { commas + 1 } else { 0 }),
            ',' if depth == 0 => commas += 1,
            c if !c.is_whitespace() => any = true,
            _ => {}
        }
    }
    None
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

/// The byte offset in `source` of `pos` (1-based line and character), if it is in the text.
fn offset(source: &str, pos: Position) -> Option<usize> {
    let (line, column) = (pos.line()?, pos.position()?);
    let mut start = 0;
    for _ in 1..line {
        start += source[start..].find('\n')? + 1;
    }
    let text = &source[start..];
    let end = text.find('\n').unwrap_or(text.len());
    let (i, _) = text[..end].char_indices().nth(column.checked_sub(1)?)?;
    Some(start + i)
}

/// The longest a value quoted from the rule's text may be: past it, the message says "the
/// left side" and the caret shows the spot.
const QUOTED_EXPRESSION: usize = 60;

/// The value written just before byte `end` of `source`, on its line, when it is plainly one
/// value: a name, a chain of `.name` and calls `(...)` and items `[...]`
/// (`scenario.param("x")`, `district.name`, `all[0].rate`), or a text in quotes.
fn expression_before(source: &str, end: usize) -> Option<String> {
    let line_start = source[..end].rfind('\n').map_or(0, |i| i + 1);
    let line = &source[line_start..end];
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut i = chars.len();
    while i > 0 && chars[i - 1].1 == ' ' {
        i -= 1;
    }
    let stop = i;
    let mut depth = 0usize;
    let mut in_text = false;
    while i > 0 {
        let c = chars[i - 1].1;
        if in_text {
            in_text = c != '"';
        } else if c == '"' {
            in_text = true;
        } else if c == ')' || c == ']' {
            depth += 1;
        } else if c == '(' || c == '[' {
            if depth == 0 {
                break;
            }
            depth -= 1;
        } else if depth == 0 && !(c.is_alphanumeric() || c == '_' || c == '.') {
            break;
        }
        i -= 1;
    }
    if in_text || depth > 0 || i == stop {
        return None;
    }
    let start = chars.get(i).map_or(line.len(), |(at, _)| *at);
    let end = chars.get(stop).map_or(line.len(), |(at, _)| *at);
    let text = line[start..end].trim();
    (!text.is_empty() && !text.starts_with('.') && text.chars().count() <= QUOTED_EXPRESSION)
        .then(|| text.to_string())
}

/// The value written from byte `start` of `source` on, on its line, when it is plainly one
/// value (as [`expression_before`]).
fn expression_after(source: &str, start: usize) -> Option<String> {
    let rest = &source[start..];
    let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
    let skipped = line.len() - line.trim_start().len();
    let mut depth = 0usize;
    let mut in_text = false;
    let mut end = skipped;
    for (i, c) in line[skipped..].char_indices() {
        let at = skipped + i;
        if in_text {
            in_text = c != '"';
        } else if c == '"' {
            in_text = true;
        } else if c == '(' || c == '[' {
            depth += 1;
        } else if c == ')' || c == ']' {
            if depth == 0 {
                break;
            }
            depth -= 1;
        } else if depth == 0 && !(c.is_alphanumeric() || c == '_' || c == '.') {
            break;
        }
        end = at + c.len_utf8();
    }
    if in_text || depth > 0 {
        return None;
    }
    let text = line[skipped..end].trim_end_matches('.');
    (!text.is_empty() && text.chars().count() <= QUOTED_EXPRESSION).then(|| text.to_string())
}

/// The two values of the operator `op` written at byte `at` of `source` (one value, after it,
/// for `-x`), each when it is plainly the operator's own: not the end of a longer
/// calculation whose operator binds as tightly (`a - b - c`: the left value is `a - b`).
fn operands(source: &str, at: usize, op: &str, count: usize) -> [Option<String>; 2] {
    let multiplying = ["*", "/", "%"].contains(&op);
    let after_op = at + op.len();
    if !source[at..].starts_with(op) {
        return [None, None];
    }
    let right = expression_after(source, after_op).filter(|right| {
        // what follows the value: an operator that binds more tightly takes it from `op`
        let rest = source[after_op..]
            .trim_start()
            .get(right.len()..)
            .unwrap_or("")
            .trim_start();
        !(rest.starts_with("**") || (!multiplying && rest.starts_with(['*', '/', '%'])))
    });
    if count < 2 {
        return [right, None];
    }
    let left = expression_before(source, at).filter(|left| {
        // what comes before the value must not bind it to something else first
        let before = source[..at].trim_end();
        let before = before
            .strip_suffix(left.as_str())
            .unwrap_or(before)
            .trim_end();
        match before.chars().next_back() {
            None => true,
            Some(c) if c.is_alphabetic() => true,
            Some(c) => {
                "=(,;{[<>&|".contains(c)
                    || (multiplying && (c == '+' || c == '-') && !before.ends_with("**"))
            }
        }
    });
    [left, right]
}

/// The map of a property read at byte `at` of `source` (`m.b`, `at` on `b` or on the dot).
fn map_before_property(source: &str, at: usize) -> Option<String> {
    let before = source[..at].trim_end();
    let dot = if source[at..].starts_with('.') {
        at
    } else if before.ends_with('.') {
        before.len() - 1
    } else {
        return None;
    };
    expression_before(source, dot)
}

/// The text in quotes of `["key"]` written at byte `at` of `source`.
fn quoted_key(source: &str, at: usize) -> Option<String> {
    let rest = source[at..].strip_prefix('[')?.trim_start();
    let rest = rest.strip_prefix('"')?;
    let (key, after) = rest.split_once('"')?;
    (after.trim_start().starts_with(']') && !key.contains('\\') && key.chars().count() <= 40)
        .then(|| key.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_values_of_an_operator_are_quoted_only_when_they_are_its_own() {
        let src = "let x = district.smartphones - district.name;";
        let at = src.find(" - ").unwrap() + 1;
        assert_eq!(
            operands(src, at, "-", 2),
            [
                Some("district.smartphones".to_string()),
                Some("district.name".to_string())
            ]
        );
        // `a - b - c`: the second `-` takes `a - b`, not `b`
        let src = "let x = a - b - c;";
        assert_eq!(
            operands(src, src.rfind('-').unwrap(), "-", 2),
            [None, Some("c".to_string())]
        );
        // `a - b * c`: the `-` takes `b * c`
        let src = "let x = a - b * c;";
        assert_eq!(
            operands(src, src.find('-').unwrap(), "-", 2),
            [Some("a".to_string()), None]
        );
        // `a + b * c`: the `*` takes `b`
        let src = "let x = a + b * c;";
        assert_eq!(
            operands(src, src.find('*').unwrap(), "*", 2),
            [Some("b".to_string()), Some("c".to_string())]
        );
        let src = "if 3 < scenario.param(\"t\") - \"x\" {";
        let at = src.find(" - ").unwrap() + 1;
        assert_eq!(
            operands(src, at, "-", 2),
            [
                Some("scenario.param(\"t\")".to_string()),
                Some("\"x\"".to_string())
            ]
        );
    }

    #[test]
    fn a_missing_semicolon_is_placed_at_the_end_of_its_statement() {
        let src = "fn f() {\n    let x = \"a;b\" // c;\n\n    /* d; */\n    let y = 1;\n}\n";
        // Rhai stops at `let y`, line 5
        assert_eq!(end_of_code_before(src, Position::new(5, 5)), Some((2, 18)));
        assert_eq!(
            end_of_code_before("let x = 1 let y", Position::new(1, 11)),
            Some((1, 10))
        );
    }

    #[test]
    fn a_hook_s_parameters_are_counted() {
        let src =
            "// before_solve(a)\nfn before_solve(district) {\n}\nfn after_solve( d , s ) {}\n";
        assert_eq!(hook_parameters(src, "before_solve"), Some(1));
        assert_eq!(hook_parameters(src, "after_solve"), Some(2));
        assert_eq!(
            hook_parameters("fn before_solve() {}", "before_solve"),
            Some(0)
        );
        assert_eq!(hook_parameters("fn other() {}", "before_solve"), None);
    }

    #[test]
    fn what_is_read_with_brackets_and_a_dot_is_found_in_the_text() {
        let src = "    let x = scenario.param(\"door_to_door_threshold\")[0];";
        let at = src.find("[0]").unwrap();
        assert_eq!(
            expression_before(src, at).as_deref(),
            Some("scenario.param(\"door_to_door_threshold\")")
        );
        assert_eq!(quoted_key(src, at), None);
        let src = "    let x = district[\"rate\"];";
        let at = src.find('[').unwrap();
        assert_eq!(expression_before(src, at).as_deref(), Some("district"));
        assert_eq!(quoted_key(src, at).as_deref(), Some("rate"));
        let src = "let m = #{a: 1}; let x = m.b + 1;";
        assert_eq!(
            map_before_property(src, src.find(".b").unwrap() + 1).as_deref(),
            Some("m")
        );
        assert_eq!(
            offset("a\nbé c\n", Position::new(2, 4)),
            Some("a\nbé ".len())
        );
        assert_eq!(offset("a\nb\n", Position::new(3, 1)), None);
    }
}
