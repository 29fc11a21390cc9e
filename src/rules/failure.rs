//! Rule errors for people: what a host function refuses, and how a Rhai error (syntax, runtime,
//! a rule that runs too long) becomes a [`crate::diagnostic::Error`] naming the rule file, the
//! line and column, the district and the hook, in Vietnamese and English.

use std::path::Path;

use rhai::{Dynamic, EvalAltResult, ParseError, ParseErrorType, Position};

use crate::diagnostic::{Error, did_you_mean};
use crate::report::number;
use crate::text::{Lang, Text};

use super::engine::MAX_OPERATIONS;

/// What a host function refuses (a bad argument, an action at the wrong time). It travels through
/// Rhai as the value of a runtime error and comes back out as the error's message and hint.
#[derive(Debug, Clone)]
pub(crate) struct HostError {
    pub message: Text,
    pub hint: Option<Text>,
}

impl HostError {
    pub fn new(vi: impl Into<String>, en: impl Into<String>) -> HostError {
        HostError {
            message: Text::new(vi, en),
            hint: None,
        }
    }

    pub fn hint(mut self, hint: Text) -> HostError {
        self.hint = Some(hint);
        self
    }
}

impl From<HostError> for Box<EvalAltResult> {
    fn from(err: HostError) -> Self {
        EvalAltResult::ErrorRuntime(Dynamic::from(err), Position::NONE).into()
    }
}

/// The result of a host function.
pub(crate) type Fallible<T> = Result<T, Box<EvalAltResult>>;

/// The hint for an unknown name: the close one if there is one, else the list of known ones.
/// `what` names the kind of thing in both languages, plural ("loại tổ/đội", "team kinds").
pub(crate) fn unknown_name_hint(unknown: &str, known: &[&str], what: (&str, &str)) -> Text {
    if let Some(close) = did_you_mean(unknown, known.iter().copied()) {
        return Text::new(
            format!("có phải ý bạn là `{close}`?"),
            format!("did you mean `{close}`?"),
        );
    }
    if known.is_empty() {
        return Text::new(
            format!("kịch bản chưa khai báo {} nào", what.0),
            format!("the scenario declares no {}", what.1),
        );
    }
    let list = known
        .iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ");
    Text::new(
        format!("các {} có trong kịch bản: {list}", what.0),
        format!("{} in the scenario: {list}", what.1),
    )
}

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
    "directive",
    "teams",
    "projected_rate",
    "projected_installed",
    "outreach_installs",
    "mandated_installs",
    "fixed_installs",
    "param",
    "target_rate",
    "horizon_days",
    "district_floor",
    "provincial_kinds",
    "local_kinds",
    "fmt_count",
    "fmt_percent",
];

/// A syntax error in the rule `rule` (read from `path`, text `source`).
pub(crate) fn syntax(rule: &str, path: &Path, source: &str, err: &ParseError) -> Error {
    let (vi, en) = parse_detail(&err.0);
    let error = Error::new(Text::new(
        format!("quy tắc `{rule}` có lỗi cú pháp: {vi}"),
        format!("rule `{rule}` has a syntax error: {en}"),
    ))
    .file(path);
    with_position(error, source, err.1)
}

fn parse_detail(kind: &ParseErrorType) -> (String, String) {
    let en = kind.to_string();
    let vi = match kind {
        ParseErrorType::UnexpectedEOF => {
            "tệp kết thúc giữa chừng (có thể thiếu dấu `}` hoặc `)`)".to_string()
        }
        ParseErrorType::MissingToken(token, _) => format!("thiếu `{token}` ({en})"),
        ParseErrorType::VariableUndefined(name) => {
            format!("biến `{name}` chưa được khai báo (dùng `let {name} = ...;` trước khi dùng)")
        }
        ParseErrorType::Reserved(word) => {
            format!("`{word}` là từ dành riêng, không dùng được trong quy tắc")
        }
        ParseErrorType::FnMissingBody(name) => format!("hàm `{name}` thiếu phần thân `{{ ... }}`"),
        ParseErrorType::ExprTooDeep => "biểu thức lồng nhau quá sâu".to_string(),
        _ => format!("{en} (chi tiết bằng tiếng Anh)"),
    };
    (vi, en)
}

/// Where a hook was running when it failed.
pub(crate) struct Site<'a> {
    pub rule: &'a str,
    pub path: &'a Path,
    pub source: &'a str,
    pub hook: &'a str,
    pub district: &'a str,
}

/// A Rhai runtime error (including a rule stopped for running too long) as an [`Error`].
pub(crate) fn runtime(err: &EvalAltResult, site: &Site) -> Error {
    let Site { rule, hook, .. } = *site;
    let inner = err.unwrap_inner();
    let (message, hint) = match inner {
        EvalAltResult::ErrorTooManyOperations(..) | EvalAltResult::ErrorTerminated(..) => (
            Text::new(
                format!(
                    "quy tắc `{rule}` chạy quá lâu trong `{hook}` nên đã bị dừng (quá {} bước \
                     tính hoặc quá 1 giây)",
                    number::count(Lang::Vi, MAX_OPERATIONS as f64)
                ),
                format!(
                    "rule `{rule}` ran too long in `{hook}` and was stopped (over {} steps or \
                     1 second)",
                    number::count(Lang::En, MAX_OPERATIONS as f64)
                ),
            ),
            Some(Text::new(
                "kiểm tra các vòng lặp `loop`, `while`, `for` của quy tắc: vòng lặp nào cũng phải \
                 có lúc dừng",
                "check the rule's `loop`, `while` and `for` loops: every loop must come to an end",
            )),
        ),
        EvalAltResult::ErrorRuntime(value, ..) => match value.read_lock::<HostError>() {
            Some(host) => (
                Text::new(
                    format!("quy tắc `{rule}` (trong `{hook}`): {}", host.message.vi),
                    format!(
                        "rule `{rule}` (in `{hook}`): {}",
                        host.message.get(Lang::En)
                    ),
                ),
                host.hint.clone(),
            ),
            None => (
                Text::new(
                    format!("quy tắc `{rule}` dừng với lỗi trong `{hook}`: {value}"),
                    format!("rule `{rule}` stopped with an error in `{hook}`: {value}"),
                ),
                None,
            ),
        },
        other => {
            let (vi, en, hint) = runtime_detail(other);
            (
                Text::new(
                    format!("quy tắc `{rule}` gặp lỗi trong `{hook}`: {vi}"),
                    format!("rule `{rule}` failed in `{hook}`: {en}"),
                ),
                hint,
            )
        }
    };
    let mut error = Error::new(message)
        .file(site.path)
        .district(site.district);
    if let Some(hint) = hint {
        error = error.hint(hint);
    }
    with_position(error, site.source, innermost_position(err))
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

fn runtime_detail(err: &EvalAltResult) -> (String, String, Option<Text>) {
    let en = err.to_string();
    match err {
        EvalAltResult::ErrorFunctionNotFound(signature, ..)
        | EvalAltResult::ErrorPropertyNotFound(signature, ..) => {
            let name = signature
                .split(['(', ' '])
                .next()
                .unwrap_or(signature)
                .trim_start_matches("get$")
                .trim_start_matches("set$");
            let hint = if API_NAMES.contains(&name) {
                Text::new(
                    format!("`{name}` có, nhưng các giá trị đưa vào không đúng số lượng hoặc kiểu"),
                    format!("`{name}` exists, but its arguments have the wrong number or type"),
                )
            } else {
                unknown_name_hint(name, API_NAMES, ("hàm", "functions"))
            };
            (
                format!("không có hàm hay thuộc tính `{signature}`"),
                format!("no function or property `{signature}`"),
                Some(hint),
            )
        }
        EvalAltResult::ErrorMismatchDataType(expected, actual, ..)
        | EvalAltResult::ErrorMismatchOutputType(expected, actual, ..) => (
            format!("sai kiểu dữ liệu: có {actual}, cần {expected}"),
            format!("wrong data type: {actual}, expected {expected}"),
            None,
        ),
        EvalAltResult::ErrorArithmetic(detail, ..) => (
            format!("lỗi tính toán (ví dụ chia cho 0): {detail}"),
            format!("arithmetic error: {detail}"),
            None,
        ),
        EvalAltResult::ErrorStackOverflow(..) => (
            "các hàm gọi lồng nhau quá sâu".to_string(),
            "functions call each other too deeply".to_string(),
            None,
        ),
        EvalAltResult::ErrorDataTooLarge(what, ..) => (
            format!("dữ liệu quá lớn: {what}"),
            format!("data too large: {what}"),
            None,
        ),
        _ => (format!("{en} (chi tiết bằng tiếng Anh)"), en, None),
    }
}

fn with_position(error: Error, source: &str, pos: Position) -> Error {
    match (pos.line(), pos.position()) {
        (Some(line), Some(column)) => error.at(source, line, column),
        (Some(line), None) => error.at(source, line, 1),
        _ => error,
    }
}
