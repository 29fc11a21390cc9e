//! Rule errors for people: what a host function refuses, and how a Rhai error (syntax, runtime,
//! a rule that runs too long) becomes a [`crate::diagnostic::Error`] naming the rule file, the
//! line and column, the district and the hook, in Vietnamese and English.

use std::path::Path;

use rhai::{Dynamic, EvalAltResult, LexError, ParseError, ParseErrorType, Position};

use crate::diagnostic::{Error, Message, did_you_mean};
use crate::number;
use crate::text::{Lang, Text};

use super::limits::{MAX_ARRAY_SIZE, MAX_MAP_SIZE, MAX_OPERATIONS, MAX_STRING_SIZE};
use super::message::{HostProblem, ValueProblem};

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
    "min_rate",
    "directive",
    "teams",
    "projected_rate",
    "projected_installed",
    "outreach_installs",
    "mandated_installs",
    "fixed_installs",
    "own_fixed_installs",
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
    "target_rate",
    "horizon_days",
    "district_floor",
];

/// A syntax error in the rule `rule` (read from `path`, text `source`).
pub(crate) fn syntax(rule: &str, path: &Path, source: &str, err: &ParseError) -> Error {
    // the file ends inside a block: point at the `{` that is never closed
    let at_end = matches!(&*err.0, ParseErrorType::UnexpectedEOF)
        || matches!(&*err.0, ParseErrorType::MissingToken(token, _) if token == "}");
    if at_end && let Some((line, column)) = unclosed_brace(source) {
        return Error::new(Text::new(
            format!(
                "quy tắc `{rule}` có lỗi cú pháp: dấu `{{` ở đây không bao giờ được đóng (thiếu \
                 một dấu `}}`)"
            ),
            format!("rule `{rule}` has a syntax error: the `{{` here is never closed (a `}}` is missing)"),
        ))
        .file(path)
        .at(source, line, column)
        .hint(Text::new(
            "thêm `}` ở cuối khối lệnh bắt đầu từ dấu `{` này (thường là cuối hàm hoặc cuối `if`)",
            "add the `}` that ends the block this `{` opens (usually the end of a function or an `if`)",
        ));
    }
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
        ParseErrorType::BadInput(LexError::ImproperSymbol(symbol, detail))
            if detail.ends_with("is disabled") =>
        {
            return (
                format!("`{symbol}` không dùng được trong quy tắc"),
                format!("`{symbol}` is not available in rules"),
            );
        }
        ParseErrorType::BadInput(LexError::UnexpectedInput(text)) => {
            format!("gặp `{text}` ở chỗ không đúng")
        }
        ParseErrorType::BadInput(LexError::UnterminatedString) => {
            "đoạn chữ thiếu dấu ngoặc kép đóng `\"`".to_string()
        }
        ParseErrorType::UnexpectedEOF => {
            "tệp kết thúc giữa chừng (có thể thiếu dấu `}` hoặc `)`)".to_string()
        }
        ParseErrorType::MissingToken(token, _) if token == ";" => {
            "thiếu dấu `;` ở cuối câu lệnh (có thể ở cuối dòng trước)".to_string()
        }
        ParseErrorType::MissingToken(token, _) => format!("thiếu `{token}`"),
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
    /// Where the hook was when a limit stopped it, if known.
    pub spot: Position,
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
    )
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
        EvalAltResult::ErrorRuntime(value, ..) => match value.read_lock::<HostProblem>() {
            Some(host) => {
                let (message, hint) = host.words();
                (
                    Text::new(
                        format!("quy tắc `{rule}` (trong `{hook}`): {}", message.vi),
                        format!("rule `{rule}` (in `{hook}`): {}", message.get(Lang::En)),
                    ),
                    hint,
                )
            }
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
    let mut error = Error::new(message).file(site.path).district(site.district);
    if let Some(hint) = hint {
        error = error.hint(hint);
    }
    let mut pos = innermost_position(err);
    if pos.is_none() {
        pos = site.spot;
    }
    if pos.is_none() {
        // Rhai knows no spot (e.g. an empty `loop {}`): point at the hook itself.
        return match hook_line(site.source, hook) {
            Some((line, column)) => error.at(site.source, line, column),
            None => error,
        };
    }
    with_position(error, site.source, pos)
}

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

fn runtime_detail(err: &EvalAltResult) -> (String, String, Option<Text>) {
    let en = strip_position(&err.to_string());
    let unknown_name = |name: &str| {
        did_you_mean(name, API_NAMES.iter().copied()).map(|close| {
            Text::new(
                format!("có phải ý bạn là `{close}`?"),
                format!("did you mean `{close}`?"),
            )
        })
    };
    match err {
        EvalAltResult::ErrorFunctionNotFound(signature, ..) => {
            let (name, args) = signature
                .split_once(" (")
                .map_or((signature.as_str(), ""), |(n, a)| {
                    (n, a.trim_end_matches(')'))
                });
            let (vi_args, en_args) = argument_words(args);
            if !name.starts_with(|c: char| c.is_alphabetic() || c == '_') {
                return (
                    format!("không làm được phép `{name}` với ({vi_args})"),
                    format!("cannot apply `{name}` to ({en_args})"),
                    None,
                );
            }
            let hint = if PROPERTY_NAMES.contains(&name) {
                Some(Text::new(
                    format!("`{name}` là thuộc tính: viết `.{name}`, không có `()`"),
                    format!("`{name}` is a property: write `.{name}`, without `()`"),
                ))
            } else if API_NAMES.contains(&name) {
                Some(Text::new(
                    format!(
                        "`{name}` có, nhưng số lượng hoặc kiểu của các giá trị đưa vào không đúng"
                    ),
                    format!(
                        "`{name}` exists, but the number or the type of its arguments is wrong"
                    ),
                ))
            } else {
                unknown_name(name)
            };
            (
                format!("không có hàm `{name}` nhận ({vi_args})"),
                format!("no function `{name}` taking ({en_args})"),
                hint,
            )
        }
        EvalAltResult::ErrorDotExpr(detail, ..) => {
            if let Some(name) = quoted_after(detail, "Unknown property '") {
                (
                    format!("không có thuộc tính `{name}`"),
                    format!("there is no property `{name}`"),
                    unknown_name(name),
                )
            } else if let Some(name) = quoted_after(detail, "No writable property '") {
                (
                    format!("không sửa được `{name}`: chỉ đọc được"),
                    format!("`{name}` cannot be changed: it is read-only"),
                    None,
                )
            } else {
                (format!("{en} (chi tiết bằng tiếng Anh)"), en, None)
            }
        }
        EvalAltResult::ErrorPropertyNotFound(name, ..) => (
            format!("bảng không có mục `{name}`"),
            format!("the map has no entry `{name}`"),
            None,
        ),
        EvalAltResult::ErrorArrayBounds(len, index, ..) => (
            format!("vị trí {index} nằm ngoài danh sách (dài {len}, đánh số từ 0)"),
            format!("index {index} is outside the list (length {len}, numbered from 0)"),
            None,
        ),
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
        EvalAltResult::ErrorDataTooLarge(what, ..) => {
            let vi = match what.as_str() {
                "Length of string" => "đoạn chữ quá dài",
                "Size of array" | "Size of array/BLOB" => "danh sách quá dài",
                "Size of object map" => "bảng có quá nhiều mục",
                _ => "dữ liệu quá lớn",
            };
            let en = match what.as_str() {
                "Length of string" => "a text grew too long".to_string(),
                "Size of array" | "Size of array/BLOB" => "a list grew too long".to_string(),
                "Size of object map" => "a map has too many entries".to_string(),
                _ => format!("data too large: {what}"),
            };
            let limits = |lang| {
                (
                    number::count(lang, MAX_STRING_SIZE as f64),
                    number::count(lang, MAX_ARRAY_SIZE as f64),
                    number::count(lang, MAX_MAP_SIZE as f64),
                )
            };
            let (vi_s, vi_a, vi_m) = limits(Lang::Vi);
            let (en_s, en_a, en_m) = limits(Lang::En);
            (
                format!("{vi} (giới hạn: {vi_s} ký tự, {vi_a} phần tử, {vi_m} mục)"),
                format!("{en} (limits: {en_s} characters, {en_a} items, {en_m} entries)"),
                None,
            )
        }
        _ => (format!("{en} (chi tiết bằng tiếng Anh)"), en, None),
    }
}

/// The argument types of a Rhai signature, in words: "text, number" / "chữ, số".
fn argument_words(args: &str) -> (String, String) {
    let words: Vec<(&str, &str)> = args
        .split(", ")
        .filter(|a| !a.is_empty())
        .map(|a| match a.trim() {
            "&str | ImmutableString | String" | "string" => ("chữ", "text"),
            "i64" | "f64" | "int" | "float" => ("số", "number"),
            "bool" => ("đúng/sai", "true/false"),
            "map" | "Map" => ("bảng", "map"),
            "array" | "Array" => ("danh sách", "list"),
            "()" => ("không có giá trị", "nothing"),
            other => (other, other),
        })
        .collect();
    let vi: Vec<&str> = words.iter().map(|w| w.0).collect();
    let en: Vec<&str> = words.iter().map(|w| w.1).collect();
    (vi.join(", "), en.join(", "))
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
