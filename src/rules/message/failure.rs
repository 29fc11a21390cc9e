//! A rule that stops while it runs: a host function refused it, Rhai met an error, or it ran
//! too long.

use super::super::limits::{MAX_ARRAY_SIZE, MAX_MAP_SIZE, MAX_OPERATIONS, MAX_STRING_SIZE};
use super::{HostProblem, did_you_mean_en, did_you_mean_vi};
use crate::diagnostic::{Message, Said};
use crate::number::count;
use crate::text::Lang;

/// A rule stopped in `hook` (`before_solve`, `after_solve`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum RuleFailure {
    /// A limit stopped it: too many steps or too long a time.
    TooLong { rule: String, hook: String },
    /// A host function refused it.
    Host {
        rule: String,
        hook: String,
        problem: HostProblem,
    },
    /// It stopped with a value of its own (`throw`), as Rhai shows it.
    Thrown {
        rule: String,
        hook: String,
        value: String,
    },
    /// Rhai met an error running it.
    Failed {
        rule: String,
        hook: String,
        problem: RuntimeProblem,
    },
}

impl Message for RuleFailure {
    fn vi(&self) -> Said {
        use RuleFailure::*;
        match self {
            TooLong { rule, hook } => Said::new(format!(
                "quy tắc `{rule}` chạy quá lâu trong `{hook}` nên đã bị dừng (quá {} bước \
                 tính hoặc quá 1 giây)",
                count(Lang::Vi, MAX_OPERATIONS as f64)
            ))
            .hint(
                "kiểm tra các vòng lặp `loop`, `while`, `for` của quy tắc: vòng lặp nào cũng phải \
                 có lúc dừng",
            ),
            Host {
                rule,
                hook,
                problem,
            } => {
                let said = problem.vi();
                Said {
                    problem: format!("quy tắc `{rule}` (trong `{hook}`): {}", said.problem),
                    hint: said.hint,
                }
            }
            Thrown { rule, hook, value } => Said::new(format!(
                "quy tắc `{rule}` dừng với lỗi trong `{hook}`: {value}"
            )),
            Failed {
                rule,
                hook,
                problem,
            } => {
                let said = problem.vi();
                Said {
                    problem: format!("quy tắc `{rule}` gặp lỗi trong `{hook}`: {}", said.problem),
                    hint: said.hint,
                }
            }
        }
    }

    fn en(&self) -> Said {
        use RuleFailure::*;
        match self {
            TooLong { rule, hook } => Said::new(format!(
                "rule `{rule}` ran too long in `{hook}` and was stopped (over {} steps or \
                 1 second)",
                count(Lang::En, MAX_OPERATIONS as f64)
            ))
            .hint(
                "check the rule's `loop`, `while` and `for` loops: every loop must come to an end",
            ),
            Host {
                rule,
                hook,
                problem,
            } => {
                let said = problem.en();
                Said {
                    problem: format!("rule `{rule}` (in `{hook}`): {}", said.problem),
                    hint: said.hint,
                }
            }
            Thrown { rule, hook, value } => Said::new(format!(
                "rule `{rule}` stopped with an error in `{hook}`: {value}"
            )),
            Failed {
                rule,
                hook,
                problem,
            } => {
                let said = problem.en();
                Said {
                    problem: format!("rule `{rule}` failed in `{hook}`: {}", said.problem),
                    hint: said.hint,
                }
            }
        }
    }
}

/// An error Rhai met running a rule, in words a department reader knows.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum RuntimeProblem {
    /// An operator (`+`, `-`, ...) applied to values it does not take.
    CannotApply {
        op: String,
        args: Vec<ArgType>,
    },
    /// No function `name` takes these arguments; `api` says whether the name is one of the
    /// rules API.
    NoFunction {
        name: String,
        args: Vec<ArgType>,
        api: ApiName,
    },
    /// `close` is a name of the rules API this may be a typing mistake for.
    NoProperty {
        name: String,
        close: Option<String>,
    },
    ReadOnly {
        name: String,
    },
    /// A map read at an entry it does not have.
    NoEntry {
        name: String,
    },
    OutOfBounds {
        index: i64,
        len: usize,
    },
    DataType {
        expected: String,
        actual: String,
    },
    /// Division by zero and the like; `detail` is Rhai's (in English).
    Arithmetic {
        detail: String,
    },
    TooDeep,
    /// A text, list or map grew past the limits; `what` is Rhai's name for it.
    TooLarge {
        what: String,
    },
    /// Any other error, in Rhai's words (English).
    Rhai {
        english: String,
    },
}

/// Whether a name is one of the rules API, for the hint when no function of that name takes the
/// arguments given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ApiName {
    /// A property called like a function (`district.rate()`).
    Property,
    /// A function of the API, given the wrong number or types of arguments.
    Function,
    /// Not in the API; `close` is a name of it this may be a typing mistake for.
    Other { close: Option<String> },
}

/// The type of an argument, as Rhai names it in a signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ArgType {
    Text,
    Number,
    Bool,
    Map,
    List,
    Nothing,
    /// Any other type, by Rhai's name (`District`, `Fn`).
    Other(String),
}

impl ArgType {
    fn vi(&self) -> &str {
        match self {
            ArgType::Text => "chữ",
            ArgType::Number => "số",
            ArgType::Bool => "đúng/sai",
            ArgType::Map => "bảng",
            ArgType::List => "danh sách",
            ArgType::Nothing => "không có giá trị",
            ArgType::Other(name) => name,
        }
    }

    fn en(&self) -> &str {
        match self {
            ArgType::Text => "text",
            ArgType::Number => "number",
            ArgType::Bool => "true/false",
            ArgType::Map => "map",
            ArgType::List => "list",
            ArgType::Nothing => "nothing",
            ArgType::Other(name) => name,
        }
    }
}

/// The argument types in words: "chữ, số" / "text, number".
fn args_vi(args: &[ArgType]) -> String {
    args.iter().map(ArgType::vi).collect::<Vec<_>>().join(", ")
}

fn args_en(args: &[ArgType]) -> String {
    args.iter().map(ArgType::en).collect::<Vec<_>>().join(", ")
}

/// The limits on what a rule may build, as a message about them ends.
fn limits(lang: Lang) -> (String, String, String) {
    (
        count(lang, MAX_STRING_SIZE as f64),
        count(lang, MAX_ARRAY_SIZE as f64),
        count(lang, MAX_MAP_SIZE as f64),
    )
}

impl Message for RuntimeProblem {
    fn vi(&self) -> Said {
        use RuntimeProblem::*;
        match self {
            CannotApply { op, args } => Said::new(format!(
                "không làm được phép `{op}` với ({})",
                args_vi(args)
            )),
            NoFunction { name, args, api } => {
                let said = Said::new(format!("không có hàm `{name}` nhận ({})", args_vi(args)));
                match api {
                    ApiName::Property => said.hint(format!(
                        "`{name}` là thuộc tính: viết `.{name}`, không có `()`"
                    )),
                    ApiName::Function => said.hint(format!(
                        "`{name}` có, nhưng số lượng hoặc kiểu của các giá trị đưa vào không đúng"
                    )),
                    ApiName::Other { close: Some(close) } => said.hint(did_you_mean_vi(close)),
                    ApiName::Other { close: None } => said,
                }
            }
            NoProperty { name, close } => {
                let said = Said::new(format!("không có thuộc tính `{name}`"));
                match close {
                    Some(close) => said.hint(did_you_mean_vi(close)),
                    None => said,
                }
            }
            ReadOnly { name } => Said::new(format!("không sửa được `{name}`: chỉ đọc được")),
            NoEntry { name } => Said::new(format!("bảng không có mục `{name}`")),
            OutOfBounds { index, len } => Said::new(format!(
                "vị trí {index} nằm ngoài danh sách (dài {len}, đánh số từ 0)"
            )),
            DataType { expected, actual } => {
                Said::new(format!("sai kiểu dữ liệu: có {actual}, cần {expected}"))
            }
            Arithmetic { detail } => {
                Said::new(format!("lỗi tính toán (ví dụ chia cho 0): {detail}"))
            }
            TooDeep => Said::new("các hàm gọi lồng nhau quá sâu"),
            TooLarge { what } => {
                let what = match what.as_str() {
                    "Length of string" => "đoạn chữ quá dài",
                    "Size of array" | "Size of array/BLOB" => "danh sách quá dài",
                    "Size of object map" => "bảng có quá nhiều mục",
                    _ => "dữ liệu quá lớn",
                };
                let (s, a, m) = limits(Lang::Vi);
                Said::new(format!(
                    "{what} (giới hạn: {s} ký tự, {a} phần tử, {m} mục)"
                ))
            }
            Rhai { english } => Said::new(format!("{english} (chi tiết bằng tiếng Anh)")),
        }
    }

    fn en(&self) -> Said {
        use RuntimeProblem::*;
        match self {
            CannotApply { op, args } => {
                Said::new(format!("cannot apply `{op}` to ({})", args_en(args)))
            }
            NoFunction { name, args, api } => {
                let said = Said::new(format!("no function `{name}` taking ({})", args_en(args)));
                match api {
                    ApiName::Property => said.hint(format!(
                        "`{name}` is a property: write `.{name}`, without `()`"
                    )),
                    ApiName::Function => said.hint(format!(
                        "`{name}` exists, but the number or the type of its arguments is wrong"
                    )),
                    ApiName::Other { close: Some(close) } => said.hint(did_you_mean_en(close)),
                    ApiName::Other { close: None } => said,
                }
            }
            NoProperty { name, close } => {
                let said = Said::new(format!("there is no property `{name}`"));
                match close {
                    Some(close) => said.hint(did_you_mean_en(close)),
                    None => said,
                }
            }
            ReadOnly { name } => Said::new(format!("`{name}` cannot be changed: it is read-only")),
            NoEntry { name } => Said::new(format!("the map has no entry `{name}`")),
            OutOfBounds { index, len } => Said::new(format!(
                "index {index} is outside the list (length {len}, numbered from 0)"
            )),
            DataType { expected, actual } => {
                Said::new(format!("wrong data type: {actual}, expected {expected}"))
            }
            Arithmetic { detail } => Said::new(format!("arithmetic error: {detail}")),
            TooDeep => Said::new("functions call each other too deeply"),
            TooLarge { what } => {
                let what = match what.as_str() {
                    "Length of string" => "a text grew too long".to_string(),
                    "Size of array" | "Size of array/BLOB" => "a list grew too long".to_string(),
                    "Size of object map" => "a map has too many entries".to_string(),
                    _ => format!("data too large: {what}"),
                };
                let (s, a, m) = limits(Lang::En);
                Said::new(format!(
                    "{what} (limits: {s} characters, {a} items, {m} entries)"
                ))
            }
            Rhai { english } => Said::new(english.clone()),
        }
    }
}
