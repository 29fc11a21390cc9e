//! A rule that stops while it runs: a host function refused it, Rhai met an error, or it ran
//! too long.

use super::super::limits::{
    MAX_ARRAY_SIZE, MAX_CALL_LEVELS, MAX_MAP_SIZE, MAX_OPERATIONS, MAX_STRING_SIZE, MAX_VARIABLES,
    TOTAL_OPERATIONS, TOTAL_TIME,
};
use super::{HostProblem, did_you_mean_en, did_you_mean_vi};
use crate::diagnostic::{Message, Said};
use crate::number::{count, decimal};
use crate::text::{Lang, show_hidden};

/// A limit over the whole evaluation (every rule, every district, both hooks).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Total {
    /// [`TOTAL_OPERATIONS`].
    Steps,
    /// [`TOTAL_TIME`].
    Time,
}

/// A rule stopped in `hook` (`before_solve`, `after_solve`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum RuleFailure {
    /// A limit of one hook call stopped it: too many steps or too long a time.
    TooLong { rule: String, hook: String },
    /// The rules together used up what the evaluation allows them (`limit`); `heaviest` is
    /// the rule that took the most of it, and how much (steps, or seconds).
    Exhausted {
        rule: String,
        hook: String,
        limit: Total,
        heaviest: Option<(String, f64)>,
    },
    /// A host function refused it.
    Host {
        rule: String,
        hook: String,
        problem: HostProblem,
    },
    /// It stopped with a value of its own (`throw`), as Rhai shows it (shortened, hidden
    /// characters escaped).
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

/// A message with every character a reader cannot see or a terminal would act on written as
/// `\u{1b}`: a rule's names and texts go into it as the rule wrote them.
fn escaped(said: Said) -> Said {
    Said {
        problem: show_hidden(&said.problem),
        hint: said.hint.as_deref().map(show_hidden),
    }
}

/// The heaviest rule, as the message about a used-up evaluation ends.
fn heaviest_vi(limit: Total, heaviest: &Option<(String, f64)>) -> String {
    match (limit, heaviest) {
        (Total::Steps, Some((rule, steps))) => format!(
            "; quy tắc dùng nhiều bước nhất là `{rule}` ({} bước)",
            count(Lang::Vi, *steps)
        ),
        (Total::Time, Some((rule, seconds))) => format!(
            "; quy tắc dùng nhiều thời gian nhất là `{rule}` ({} giây)",
            decimal(Lang::Vi, *seconds, 1)
        ),
        (_, None) => String::new(),
    }
}

fn heaviest_en(limit: Total, heaviest: &Option<(String, f64)>) -> String {
    match (limit, heaviest) {
        (Total::Steps, Some((rule, steps))) => format!(
            "; the rule that took the most steps is `{rule}` ({} steps)",
            count(Lang::En, *steps)
        ),
        (Total::Time, Some((rule, seconds))) => format!(
            "; the rule that took the most time is `{rule}` ({} seconds)",
            decimal(Lang::En, *seconds, 1)
        ),
        (_, None) => String::new(),
    }
}

impl Message for RuleFailure {
    fn vi(&self) -> Said {
        escaped(self.vi_raw())
    }

    fn en(&self) -> Said {
        escaped(self.en_raw())
    }
}

impl RuleFailure {
    fn vi_raw(&self) -> Said {
        use RuleFailure::*;
        match self {
            Exhausted {
                rule,
                hook,
                limit,
                heaviest,
            } => {
                let spent = match limit {
                    Total::Steps => {
                        format!("{} bước tính", count(Lang::Vi, TOTAL_OPERATIONS as f64))
                    }
                    Total::Time => {
                        format!("{} giây xử lý", count(Lang::Vi, TOTAL_TIME.as_secs_f64()))
                    }
                };
                Said::new(format!(
                    "quy tắc `{rule}` bị dừng trong `{hook}`: các quy tắc đã dùng hết {spent} \
                     dành cho cả kế hoạch (mọi quy tắc, mọi huyện, trước và sau khi lập kế \
                     hoạch){}",
                    heaviest_vi(*limit, heaviest)
                ))
                .hint(match limit {
                    Total::Steps => {
                        "quy tắc chạy lại cho từng huyện nên mỗi lần chỉ nên làm ít việc: xem các \
                         vòng lặp dài, nhất là vòng lặp qua `scenario.districts()` (lặp lại cho \
                         mọi huyện; dừng nó bằng `break` ngay khi đã có câu trả lời); các quy tắc \
                         có sẵn dùng dưới 500 bước cho một huyện"
                    }
                    Total::Time => {
                        "quy tắc chạy lại cho từng huyện nên mỗi lần chỉ nên làm ít việc: xem các \
                         vòng lặp gọi nhiều lần `scenario.param(...)` (mỗi lần chép lại cả giá \
                         trị, có khi cả một danh sách) và các danh sách lớn được chép sang nhiều \
                         biến; gọi một lần, giữ kết quả trong một biến"
                    }
                })
            }
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

    fn en_raw(&self) -> Said {
        use RuleFailure::*;
        match self {
            Exhausted {
                rule,
                hook,
                limit,
                heaviest,
            } => {
                let spent = match limit {
                    Total::Steps => format!("{} steps", count(Lang::En, TOTAL_OPERATIONS as f64)),
                    Total::Time => format!(
                        "{} seconds of processor time",
                        count(Lang::En, TOTAL_TIME.as_secs_f64())
                    ),
                };
                Said::new(format!(
                    "rule `{rule}` was stopped in `{hook}`: the rules have used up the {spent} a \
                     plan allows them (all rules on all districts, before and after the solve){}",
                    heaviest_en(*limit, heaviest)
                ))
                .hint(match limit {
                    Total::Steps => {
                        "a rule runs again for every district, so each run should do little: look \
                         for long loops, above all loops over `scenario.districts()` (repeated for \
                         every district; end one with `break` as soon as the answer is known); the \
                         shipped rules take under 500 steps per district"
                    }
                    Total::Time => {
                        "a rule runs again for every district, so each run should do little: look \
                         for loops that call `scenario.param(...)` again and again (each call \
                         copies the value, a whole list maybe) and for large lists copied into \
                         many variables; call it once and keep the result in a variable"
                    }
                })
            }
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
    /// Functions calling each other deeper than [`MAX_CALL_LEVELS`].
    TooDeep,
    /// More than [`MAX_VARIABLES`] variables at once.
    TooManyVariables,
    /// `[...]` on a value that has no items (`what`: its type).
    NotIndexable {
        what: ArgType,
    },
    /// `for x in value` on a value that cannot be gone through.
    NotIterable,
    /// A variable used before `let` (inside a function given as a value, where the check
    /// before the run cannot see it).
    UndeclaredVariable {
        name: String,
    },
    /// A `const` given a new value.
    Constant {
        name: String,
    },
    /// A character index outside a text.
    TextBounds {
        index: i64,
        len: usize,
    },
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
    /// A type as Rhai names it: `i64`, `string`, `array`, `District`.
    pub fn of_rhai(name: &str) -> ArgType {
        match name.trim() {
            "&str | ImmutableString | String" | "string" => ArgType::Text,
            "i64" | "f64" | "int" | "float" => ArgType::Number,
            "bool" => ArgType::Bool,
            "map" | "Map" => ArgType::Map,
            "array" | "Array" => ArgType::List,
            "()" => ArgType::Nothing,
            other => ArgType::Other(other.to_string()),
        }
    }

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
            TooDeep => Said::new(format!(
                "các hàm gọi lồng nhau quá sâu (quá {MAX_CALL_LEVELS} tầng)"
            ))
            .hint("một hàm gọi lại chính nó phải có lúc dừng: kiểm tra điều kiện dừng của nó"),
            TooManyVariables => Said::new(format!(
                "quá nhiều biến cùng lúc (tối đa {})",
                count(Lang::Vi, MAX_VARIABLES as f64)
            ))
            .hint(
                "dùng một danh sách `[...]` hoặc một bảng `#{ ... }` thay cho nhiều biến riêng lẻ",
            ),
            NotIndexable { what } => Said::new(format!(
                "không lấy được phần tử `[...]` của {}: chỉ danh sách, bảng và đoạn chữ có phần tử",
                what.vi()
            )),
            NotIterable => Said::new(
                "`for` chỉ đi qua được một danh sách, một khoảng số (ví dụ `0..10`) hoặc một đoạn chữ",
            ),
            UndeclaredVariable { name } => Said::new(format!("biến `{name}` chưa được khai báo"))
                .hint(format!("dùng `let {name} = ...;` trước khi dùng biến")),
            Constant { name } => Said::new(format!(
                "`{name}` là hằng (khai báo bằng `const`) nên không gán lại được"
            ))
            .hint(format!(
                "khai báo bằng `let {name} = ...;` nếu cần thay đổi giá trị"
            )),
            TextBounds { index, len } => Said::new(format!(
                "vị trí {index} nằm ngoài đoạn chữ (dài {len} ký tự, đánh số từ 0)"
            )),
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
                .hint(
                    "giới hạn tính cho cả một giá trị, kể cả các danh sách, bảng và đoạn chữ bên \
                     trong nó (một chữ tiếng Việt có dấu tính 2 hoặc 3 ký tự); xem vòng lặp nào \
                     làm nó lớn mãi",
                )
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
            TooDeep => Said::new(format!(
                "functions call each other too deeply (over {MAX_CALL_LEVELS} levels)"
            ))
            .hint("a function that calls itself must come to a stop: check when it stops"),
            TooManyVariables => Said::new(format!(
                "too many variables at once (at most {})",
                count(Lang::En, MAX_VARIABLES as f64)
            ))
            .hint("use a list `[...]` or a map `#{ ... }` instead of many separate variables"),
            NotIndexable { what } => Said::new(format!(
                "cannot take an item `[...]` of {}: only lists, maps and texts have items",
                what.en()
            )),
            NotIterable => Said::new(
                "`for` can only go through a list, a range of numbers (e.g. `0..10`) or a text",
            ),
            UndeclaredVariable { name } => {
                Said::new(format!("the variable `{name}` is not declared"))
                    .hint(format!("write `let {name} = ...;` before using it"))
            }
            Constant { name } => Said::new(format!(
                "`{name}` is a constant (declared with `const`) and cannot be given a new value"
            ))
            .hint(format!(
                "declare it with `let {name} = ...;` if it must change"
            )),
            TextBounds { index, len } => Said::new(format!(
                "index {index} is outside the text ({len} characters, numbered from 0)"
            )),
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
                .hint(
                    "the limits count a whole value, with the lists, maps and texts inside it \
                     (a Vietnamese letter with its marks counts as 2 or 3 characters); look for \
                     a loop that makes it grow and grow",
                )
            }
            Rhai { english } => Said::new(english.clone()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_out_of_processor_time_names_the_rule_that_took_the_most() {
        let failure = RuleFailure::Exhausted {
            rule: "late".into(),
            hook: "after_solve".into(),
            limit: Total::Time,
            heaviest: Some(("slow".into(), 41.25)),
        };
        let (vi, en) = (failure.vi(), failure.en());
        assert_eq!(
            vi.problem,
            "quy tắc `late` bị dừng trong `after_solve`: các quy tắc đã dùng hết 60 giây xử lý \
             dành cho cả kế hoạch (mọi quy tắc, mọi huyện, trước và sau khi lập kế hoạch); quy \
             tắc dùng nhiều thời gian nhất là `slow` (41,3 giây)"
        );
        assert!(
            vi.hint
                .unwrap()
                .contains("gọi một lần, giữ kết quả trong một biến"),
            "{failure:?}"
        );
        assert_eq!(
            en.problem,
            "rule `late` was stopped in `after_solve`: the rules have used up the 60 seconds of \
             processor time a plan allows them (all rules on all districts, before and after the \
             solve); the rule that took the most time is `slow` (41.3 seconds)"
        );
        assert!(
            en.hint
                .unwrap()
                .contains("call it once and keep the result in a variable"),
            "{failure:?}"
        );
    }

    #[test]
    fn what_a_rule_threw_reaches_the_terminal_escaped() {
        let failure = RuleFailure::Thrown {
            rule: "r".into(),
            hook: "before_solve".into(),
            value: "a\u{1b}[2Jb\u{200b}".into(),
        };
        assert!(failure.en().problem.ends_with(": a\\u{1b}[2Jb\\u{200b}"));
        assert!(failure.vi().problem.ends_with(": a\\u{1b}[2Jb\\u{200b}"));
    }
}
