//! A rule that stops while it runs: a host function refused it, Rhai met an error, or it ran
//! too long.

use super::super::limits::{
    Allowance, MAX_ARRAY_SIZE, MAX_CALL_LEVELS, MAX_MAP_SIZE, MAX_OPERATIONS, MAX_STRING_SIZE,
    MAX_VARIABLES, RUN_OPERATIONS, RUN_TIME,
};
#[cfg(test)]
use super::super::limits::{TOTAL_OPERATIONS, TOTAL_TIME};
use super::{HostProblem, did_you_mean_en, did_you_mean_vi};
use crate::diagnostic::{Message, Said};
use crate::number::{count, decimal};
use crate::text::{Lang, show_hidden};

/// The clause that says a plan's allowance is its share of a command's many plans.
fn shared_vi(allowance: &Allowance) -> String {
    if !allowance.shared() {
        return String::new();
    }
    format!(
        "; đây là phần của một kế hoạch trong {} kế hoạch của lệnh này, vì cả lệnh chỉ được {} \
         bước tính và {} giây xử lý cho quy tắc",
        count(Lang::Vi, allowance.plans as f64),
        count(Lang::Vi, RUN_OPERATIONS as f64),
        count(Lang::Vi, RUN_TIME.as_secs_f64())
    )
}

fn shared_en(allowance: &Allowance) -> String {
    if !allowance.shared() {
        return String::new();
    }
    format!(
        "; that is one plan's share of the {} plans of this command, whose rules may take {} \
         steps and {} seconds of processor time in all",
        count(Lang::En, allowance.plans as f64),
        count(Lang::En, RUN_OPERATIONS as f64),
        count(Lang::En, RUN_TIME.as_secs_f64())
    )
}

/// A limit over the whole evaluation (every rule, every district, both hooks).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Total {
    /// [`super::super::limits::TOTAL_OPERATIONS`].
    Steps,
    /// [`super::super::limits::TOTAL_TIME`].
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
        /// What the evaluation was allowed: less than the plan's own limits when it is one of
        /// many plans of a command (a sweep, a compare).
        allowance: Allowance,
        heaviest: Option<(String, f64)>,
        /// The rule test case that was running (`campaign rules test`, whose cases share one
        /// allowance), or `None` in a plan.
        case: Option<String>,
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
    /// It stopped with its own error in both languages (`throw #{ vi: "...", en: "..." }`),
    /// each shortened and escaped as [`RuleFailure::Thrown`]'s.
    ThrownText {
        rule: String,
        hook: String,
        vi: String,
        en: String,
    },
    /// The rule threw a map whose `key` (`vi`, `en`) is `value`, not a text.
    ThrownKeyNotText {
        rule: String,
        hook: String,
        key: &'static str,
        value: String,
    },
    /// The rule's `throw` gave no reason in words: nothing (`()`, an empty text) or a value
    /// that is not a text (`value`, as Rhai writes it).
    ThrownNoReason {
        rule: String,
        hook: String,
        value: Option<String>,
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

/// The hint of a rule's own `throw`: the message is the rule's author's, written after `throw`.
const THROWN: (&str, &str) = (
    "đây là thông báo do chính quy tắc đưa ra (viết sau `throw` ở dòng được chỉ): làm theo \
     điều nó nói, thường là sửa một giá trị trong mục [params] của kịch bản; nếu thông báo sai \
     thì sửa quy tắc",
    "this message is the rule's own (written after `throw` on the line shown): do what it \
     says, often correct a value in the scenario's [params]; if the message is wrong, correct \
     the rule",
);

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
                allowance,
                heaviest,
                case,
            } => {
                let spent = match limit {
                    Total::Steps => {
                        format!("{} bước tính", count(Lang::Vi, allowance.steps as f64))
                    }
                    Total::Time => format!(
                        "{} giây xử lý",
                        count(Lang::Vi, allowance.time.as_secs_f64())
                    ),
                };
                if let Some(case) = case {
                    return Said::new(format!(
                        "quy tắc `{rule}` bị dừng trong `{hook}` ở trường hợp \"{case}\": các quy \
                         tắc đã dùng hết {spent} dành cho cả tệp kiểm thử (mọi trường hợp của tệp \
                         cộng lại){}",
                        heaviest_vi(*limit, heaviest)
                    ))
                    .hint(format!(
                        "xem các vòng lặp dài của quy tắc trong trường hợp \"{case}\"; nếu tệp có \
                         nhiều trường hợp nặng, tách chúng sang vài tệp kiểm thử: mỗi tệp có \
                         phần riêng"
                    ));
                }
                let said = Said::new(format!(
                    "quy tắc `{rule}` bị dừng trong `{hook}`: các quy tắc đã dùng hết {spent} \
                     dành cho cả kế hoạch (mọi quy tắc, mọi huyện, trước và sau khi lập kế \
                     hoạch){}{}",
                    shared_vi(allowance),
                    heaviest_vi(*limit, heaviest)
                ));
                if allowance.shared() {
                    return said.hint(
                        "quét ít giá trị hơn (bước --vary lớn hơn) hoặc so sánh ít kịch bản hơn \
                         trong một lệnh, hoặc làm nhẹ quy tắc: `campaign plan` một kịch bản được \
                         dùng nhiều hơn",
                    );
                }
                said.hint(match limit {
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
                 có lúc dừng; một hàm gọi trên một danh sách hay một bảng (`push`, `len`, ...) \
                 và một lần chép nó sang biến khác tính thêm 1 bước cho mỗi 16 phần tử, nên một \
                 vòng lặp trên danh sách dài cũng tốn nhiều bước",
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
            ))
            .hint(THROWN.0),
            ThrownText { rule, hook, vi, .. } => Said::new(format!(
                "quy tắc `{rule}` dừng với lỗi trong `{hook}`: {vi}"
            ))
            .hint(THROWN.0),
            ThrownKeyNotText {
                rule,
                hook,
                key,
                value,
            } => Said::new(format!(
                "quy tắc `{rule}` dừng trong `{hook}` bằng lệnh `throw` với mục `{key}` là {value}, không phải một đoạn chữ"
            ))
            .hint("viết lý do bằng chữ trong cả hai mục, ví dụ `throw #{ vi: \"huyện này thiếu số liệu\", en: \"this district has no figures\" };`"),
            ThrownNoReason { rule, hook, value } => Said::new(match value {
                None => format!(
                    "quy tắc `{rule}` dừng trong `{hook}` bằng lệnh `throw` mà không nêu lý do"
                ),
                Some(value) => format!(
                    "quy tắc `{rule}` dừng trong `{hook}` bằng lệnh `throw` mà không nêu lý do: nó đưa ra {value}, không phải một đoạn chữ"
                ),
            })
            .hint(
                "viết lý do bằng chữ sau `throw`, ví dụ `throw \"huyện này thiếu số liệu\";`; \
                 nếu sau `throw` là một lời gọi hàm thì hàm đó không cho ra đoạn chữ nào",
            ),
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
                allowance,
                heaviest,
                case,
            } => {
                let spent = match limit {
                    Total::Steps => format!("{} steps", count(Lang::En, allowance.steps as f64)),
                    Total::Time => format!(
                        "{} seconds of processor time",
                        count(Lang::En, allowance.time.as_secs_f64())
                    ),
                };
                if let Some(case) = case {
                    return Said::new(format!(
                        "rule `{rule}` was stopped in `{hook}` in the case \"{case}\": the rules \
                         have used up the {spent} a rule test file allows them (all its cases \
                         together){}",
                        heaviest_en(*limit, heaviest)
                    ))
                    .hint(format!(
                        "look for long loops of the rule in the case \"{case}\"; if the file has \
                         many heavy cases, split them into several test files: each file has its \
                         own allowance"
                    ));
                }
                let said = Said::new(format!(
                    "rule `{rule}` was stopped in `{hook}`: the rules have used up the {spent} a \
                     plan allows them (all rules on all districts, before and after the solve){}{}",
                    shared_en(allowance),
                    heaviest_en(*limit, heaviest)
                ));
                if allowance.shared() {
                    return said.hint(
                        "sweep fewer values (a larger --vary step) or compare fewer scenarios in \
                         one command, or make the rule lighter: `campaign plan` of one scenario \
                         allows more",
                    );
                }
                said.hint(match limit {
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
                "check the rule's `loop`, `while` and `for` loops: every loop must come to an \
                 end; a function called on a list or map (`push`, `len`, ...) and a copy of it \
                 into another variable take 1 more step for every 16 items, so a loop over a \
                 long list takes many steps too",
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
            ))
            .hint(THROWN.1),
            ThrownText { rule, hook, en, .. } => Said::new(format!(
                "rule `{rule}` stopped with an error in `{hook}`: {en}"
            ))
            .hint(THROWN.1),
            ThrownKeyNotText {
                rule,
                hook,
                key,
                value,
            } => Said::new(format!(
                "rule `{rule}` stopped in `{hook}` with a `throw` whose `{key}` is {value}, not a text"
            ))
            .hint("write the reason as a text in both, e.g. `throw #{ vi: \"huyện này thiếu số liệu\", en: \"this district has no figures\" };`"),
            ThrownNoReason { rule, hook, value } => Said::new(match value {
                None => format!("rule `{rule}` stopped in `{hook}` with a `throw` that gives no reason"),
                Some(value) => format!(
                    "rule `{rule}` stopped in `{hook}` with a `throw` that gives no reason: it gave {value}, not a text"
                ),
            })
            .hint(
                "write the reason as a text after `throw`, e.g. `throw \"this district has no figures\";`; \
                 if `throw` is followed by a function call, that call gave no text",
            ),
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

/// A district map's entries, as a hint lists them: `` `name`, `unit_type`, ... ``.
fn entries() -> String {
    super::super::scenario_view::DISTRICT_ENTRIES
        .iter()
        .map(|e| format!("`{e}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A `scenario.district_named` that found nothing (`written`, the name as the rule gave it) and
/// the scenario's names most like it (`close`, most alike first).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct NothingFrom {
    pub written: String,
    pub close: Vec<String>,
}

/// An error Rhai met running a rule, in words a department reader knows.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum RuntimeProblem {
    /// An operator (`+`, `-`, ...) applied to values it does not take; `operands` are the
    /// two values as the rule writes them, where the source shows them plainly.
    CannotApply {
        op: String,
        args: Vec<ArgType>,
        operands: [Option<String>; 2],
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
    /// A property `name` read of `()` (`value`, as the rule writes it, where the source shows
    /// it plainly): what `scenario.district_named` gives when it finds nothing.
    PropertyOfNothing {
        name: String,
        value: Option<String>,
        /// The `scenario.district_named` of the call that gave `()`, when one did.
        lookup: Option<NothingFrom>,
    },
    ReadOnly {
        name: String,
    },
    /// A map read at an entry it does not have: `map` is the map as the rule writes it,
    /// where the source shows it plainly; `row` the entry of a district of
    /// `scenario.districts()` this may be a typing mistake for.
    NoEntry {
        name: String,
        map: Option<String>,
        row: Option<String>,
        /// The map is a district's (`scenario.district_named(...)`, `scenario.districts()`),
        /// as the source shows: its entries are listed, not where a map is made.
        district: bool,
    },
    OutOfBounds {
        index: i64,
        len: usize,
    },
    DataType {
        expected: String,
        actual: String,
    },
    /// A calculation that cannot be made: a division by zero, a result too large, ...
    Arithmetic(Arithmetic),
    /// Functions calling each other deeper than [`MAX_CALL_LEVELS`].
    TooDeep,
    /// More than [`MAX_VARIABLES`] variables at once.
    TooManyVariables,
    /// `[...]` on a value that has no items (`what`: its type). `receiver` is the value as
    /// the rule writes it and `key` the text in the brackets, where the source shows them
    /// plainly.
    NotIndexable {
        what: ArgType,
        receiver: Option<String>,
        key: Option<String>,
    },
    /// `for x in value` on a value that cannot be gone through.
    NotIterable,
    /// `this` outside a function called with a dot (`x.f()`).
    UnboundThis,
    /// A function written in the rule (a closure, `|x| x + 1`) called with another number of
    /// values than it takes: `given`. Where the rule's text shows it plainly, `defined` is its
    /// line and its head as written (`|x|`), and `takes` how many values that head names.
    /// Never Rhai's name for it, `anon$` and a hash made anew on every run (trial 13g K13).
    ClosureCall {
        defined: Option<(usize, String)>,
        takes: Option<usize>,
        given: usize,
    },
    /// `sort()` on a list whose items are of different types (numbers and texts).
    SortMixed,
    /// `sort()` on a list of items that have no order (maps, lists).
    SortType {
        what: ArgType,
    },
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
    /// A list function called on `scenario.districts()`, which has only some of them.
    OnDistricts,
    /// A function of Rhai that rules do not have (`sandbox.rs`).
    Withheld(crate::rules::sandbox::Withheld),
}

/// What a calculation Rhai could not make was, from Rhai's English words for it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Arithmetic {
    /// `x / 0` or `x % 0` with whole numbers (`op` is `/` or `%`).
    DivisionByZero { op: char },
    /// A result past the largest whole number (about 9.2 × 10^18).
    Overflow,
    /// A whole number raised to a negative power (`2 ** -1`).
    NegativePower,
    /// `parse_int` or `parse_float` given a text that is no number.
    NotANumber { text: String },
    /// `parse_int` given digits past the largest (or below the smallest) whole number.
    TooLargeToParse { text: String },
    /// The square root or the logarithm of a number below 0 (or 0).
    Domain,
    /// A range stepping by 0.
    ZeroStep,
    /// Any other, in Rhai's words (English).
    Other { english: String },
}

impl Arithmetic {
    /// The kind of error Rhai's `detail` ("Division by zero: 96818 / 0") names.
    pub fn of_rhai(detail: &str) -> Arithmetic {
        let after_colon = |d: &str| d.split_once(": ").map_or("", |(_, rest)| rest).to_string();
        if detail.starts_with("Division by zero: ") {
            Arithmetic::DivisionByZero { op: '/' }
        } else if let Some(rest) = detail.strip_prefix("Modulo division by zero or overflow: ") {
            if rest.ends_with(" % 0") {
                Arithmetic::DivisionByZero { op: '%' }
            } else {
                Arithmetic::Overflow
            }
        } else if detail.contains("overflow")
            || detail.contains("Overflow")
            || detail.starts_with("Number raised to too large an index")
        {
            Arithmetic::Overflow
        } else if detail.starts_with("Integer raised to a negative power") {
            Arithmetic::NegativePower
        } else if detail.starts_with("Error parsing") {
            // "Error parsing integer number 'abc': invalid digit found in string"
            let text = detail
                .split_once('\'')
                .and_then(|(_, rest)| rest.rsplit_once("':"))
                .map_or_else(|| after_colon(detail), |(text, _)| text.to_string());
            // "number too large to fit in target type" (or too small): digits, too many
            if detail.contains("too large to fit") || detail.contains("too small to fit") {
                return Arithmetic::TooLargeToParse {
                    text: crate::diagnostic::shortened(&text),
                };
            }
            Arithmetic::NotANumber { text }
        } else if detail.starts_with("Error taking the") {
            Arithmetic::Domain
        } else if detail.starts_with("step value cannot be zero") {
            Arithmetic::ZeroStep
        } else {
            Arithmetic::Other {
                english: detail.to_string(),
            }
        }
    }
}

impl Message for Arithmetic {
    fn vi(&self) -> Said {
        match self {
            Arithmetic::DivisionByZero { op } => Said::new(format!(
                "chia cho 0: số chia (bên phải dấu `{op}`) bằng 0"
            ))
            .hint(
                "kiểm tra số chia trước khi chia, ví dụ `if n > 0 { let x = a / n; }`; nếu số \
                 chia là một số liệu (một huyện có 0 smartphone, một nhóm 0 người) thì bỏ qua \
                 trường hợp đó",
            ),
            Arithmetic::Overflow => Said::new(
                "kết quả phép tính quá lớn, vượt quá số nguyên lớn nhất (khoảng 9,2 × 10^18)",
            )
            .hint(
                "kiểm tra các số đưa vào phép tính (một vòng lặp nhân mãi?); với số rất lớn \
                 thì tính bằng số thập phân: `x.to_float()`",
            ),
            Arithmetic::NegativePower => Said::new(
                "không nâng được một số nguyên lên lũy thừa âm",
            )
            .hint("viết cơ số là số thập phân, ví dụ `2.0 ** -1`"),
            Arithmetic::NotANumber { text } => {
                Said::new(format!("đoạn chữ \"{text}\" không đọc được thành số"))
                    .hint("`parse_int` và `parse_float` chỉ đọc chữ số viết liền, với dấu chấm thập phân, ví dụ \"0.35\"")
            }
            Arithmetic::TooLargeToParse { text } => Said::new(format!(
                "số \"{text}\" quá lớn để là một số nguyên: số nguyên chỉ đến khoảng 9,2 × 10^18"
            ))
            .hint("đọc nó thành số thập phân bằng `parse_float`, hoặc kiểm tra con số (thừa chữ số?)"),
            Arithmetic::Domain => Said::new(
                "không lấy được căn bậc hai hay lôgarit của một số âm (lôgarit cũng không lấy \
                 được của 0)",
            )
            .hint("kiểm tra số trước, ví dụ `if x > 0.0 { ... }`"),
            Arithmetic::ZeroStep => Said::new("bước nhảy của khoảng số bằng 0")
                .hint("viết một bước khác 0, ví dụ `range(0, 10, 2)`"),
            Arithmetic::Other { .. } => Said::new("phép tính không thực hiện được")
                .hint("kiểm tra các số đưa vào phép tính ở chỗ được chỉ"),
        }
    }

    fn en(&self) -> Said {
        match self {
            Arithmetic::DivisionByZero { op } => Said::new(format!(
                "division by zero: the divisor (right of `{op}`) is 0"
            ))
            .hint(
                "check the divisor before dividing, e.g. `if n > 0 { let x = a / n; }`; if the \
                 divisor is a figure (a district with 0 smartphones, a cohort of 0 people), \
                 leave that case out",
            ),
            Arithmetic::Overflow => Said::new(
                "the result is too large: above the largest whole number (about 9.2 × 10^18)",
            )
            .hint(
                "check the numbers going into the calculation (a loop multiplying on and on?); \
                 compute very large numbers as decimals: `x.to_float()`",
            ),
            Arithmetic::NegativePower => {
                Said::new("a whole number cannot be raised to a negative power")
                    .hint("write the base as a decimal, e.g. `2.0 ** -1`")
            }
            Arithmetic::NotANumber { text } => {
                Said::new(format!("the text \"{text}\" cannot be read as a number"))
                    .hint("`parse_int` and `parse_float` read digits only, with a decimal point, e.g. \"0.35\"")
            }
            Arithmetic::TooLargeToParse { text } => Said::new(format!(
                "the number \"{text}\" is too large for a whole number: whole numbers go up to about 9.2 × 10^18"
            ))
            .hint("read it as a decimal with `parse_float`, or check the figure (a digit too many?)"),
            Arithmetic::Domain => Said::new(
                "no square root or logarithm of a negative number (nor a logarithm of 0)",
            )
            .hint("check the number first, e.g. `if x > 0.0 { ... }`"),
            Arithmetic::ZeroStep => Said::new("a range cannot step by 0")
                .hint("give a step other than 0, e.g. `range(0, 10, 2)`"),
            Arithmetic::Other { english } => Said::new(format!("arithmetic error: {english}"))
                .hint("check the numbers going into the calculation at the spot shown"),
        }
    }
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
    /// A district handle (`district`).
    District,
    /// The scenario handle (`scenario`).
    Scenario,
    /// `scenario.districts()`.
    Districts,
    /// A function given as a value (`|x| x + 1`).
    Function,
    /// A range of numbers (`0..10`, `1..=5`).
    Range,
    /// Any other type, by Rhai's name.
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
            "District" => ArgType::District,
            "Scenario" => ArgType::Scenario,
            "Districts" => ArgType::Districts,
            "Fn" | "FnPtr" => ArgType::Function,
            "range" | "range=" => ArgType::Range,
            other if other.contains("::Range") => ArgType::Range,
            // a Rust path (`core::ops::...::Name<i64>`) means nothing to a reader: its last name
            other => ArgType::Other(
                other
                    .split('<')
                    .next()
                    .unwrap_or(other)
                    .rsplit("::")
                    .next()
                    .unwrap_or(other)
                    .to_string(),
            ),
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
            ArgType::District => "huyện",
            ArgType::Scenario => "kịch bản",
            ArgType::Districts => "danh sách huyện",
            ArgType::Function => "hàm",
            ArgType::Range => "khoảng số",
            ArgType::Other(name) => name,
        }
    }

    /// One value of the type, as a sentence names it: "một số".
    fn vi_one(&self) -> String {
        match self {
            ArgType::Text => "một đoạn chữ".into(),
            ArgType::Number => "một số".into(),
            ArgType::Bool => "một giá trị đúng/sai".into(),
            ArgType::Map => "một bảng".into(),
            ArgType::List => "một danh sách".into(),
            ArgType::Nothing => "một giá trị rỗng `()`".into(),
            ArgType::District => "một huyện (`district`)".into(),
            ArgType::Scenario => "kịch bản (`scenario`)".into(),
            ArgType::Districts => "danh sách huyện `scenario.districts()`".into(),
            ArgType::Function => "một hàm".into(),
            ArgType::Range => "một khoảng số (ví dụ `0..10`)".into(),
            ArgType::Other(name) => format!("một giá trị kiểu {name}"),
        }
    }

    fn en_one(&self) -> String {
        match self {
            ArgType::Text => "a text".into(),
            ArgType::Number => "a number".into(),
            ArgType::Bool => "true/false".into(),
            ArgType::Map => "a map".into(),
            ArgType::List => "a list".into(),
            ArgType::Nothing => "an empty value `()`".into(),
            ArgType::District => "a district (`district`)".into(),
            ArgType::Scenario => "the scenario (`scenario`)".into(),
            ArgType::Districts => "the list `scenario.districts()`".into(),
            ArgType::Function => "a function".into(),
            ArgType::Range => "a range of numbers (e.g. `0..10`)".into(),
            ArgType::Other(name) => format!("a value of type {name}"),
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
            ArgType::District => "district",
            ArgType::Scenario => "scenario",
            ArgType::Districts => "list of districts",
            ArgType::Function => "function",
            ArgType::Range => "range of numbers",
            ArgType::Other(name) => name,
        }
    }

    /// Values of the type, as a sentence names several: "maps".
    fn en_plural(&self) -> String {
        match self {
            ArgType::Map => "maps".into(),
            ArgType::List => "lists".into(),
            ArgType::Bool => "true/false values".into(),
            ArgType::Nothing => "empty values `()`".into(),
            ArgType::Function => "functions".into(),
            ArgType::Range => "ranges of numbers".into(),
            other => format!("values of type {}", other.en()),
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

/// Which of an operator's values (0: left, 1: right) is the one it cannot take: the one that
/// is not a number, for arithmetic; `None` when both are, or neither.
fn odd_operand(op: &str, args: &[ArgType]) -> Option<usize> {
    let arithmetic = ["+", "-", "*", "/", "%", "**"].contains(&op);
    let odd: Vec<usize> = (0..args.len())
        .filter(|&i| arithmetic && args[i] != ArgType::Number)
        .collect();
    match odd.as_slice() {
        [one] => Some(*one),
        // both odd: the right one, where the reader's eye goes after the operator
        [_, second] => Some(*second),
        _ => None,
    }
}

/// What to do about a value of type `what` given to the operator `op`.
fn operand_advice_vi(op: &str, what: &ArgType) -> String {
    match what {
        ArgType::Text => format!(
            "phép `{op}` chỉ làm với số; nếu đó là một số viết trong ngoặc kép (ở [params]) thì \
             bỏ dấu ngoặc kép, còn muốn ghép chữ thì dùng `+` giữa hai đoạn chữ"
        ),
        ArgType::Nothing => "nó thường đến từ một hàm không trả về gì (dòng cuối của hàm kết \
                             thúc bằng `;`), hoặc từ một `if` không có `else`"
            .to_string(),
        ArgType::Bool => format!(
            "phép `{op}` chỉ làm với số; đổi đúng/sai thành số bằng `if ... {{ 1 }} else {{ 0 }}`"
        ),
        ArgType::District => {
            format!("phép `{op}` cần một số liệu của huyện, ví dụ `district.smartphones`")
        }
        _ => format!("phép `{op}` chỉ làm với số"),
    }
}

fn operand_advice_en(op: &str, what: &ArgType) -> String {
    match what {
        ArgType::Text => format!(
            "`{op}` works on numbers only; if it is a number written in quotes (in [params]), \
             remove the quotes, and to join texts use `+` between two texts"
        ),
        ArgType::Nothing => "it usually comes from a function that gives nothing back (its \
                             last line ends with `;`), or from an `if` without `else`"
            .to_string(),
        ArgType::Bool => format!(
            "`{op}` works on numbers only; turn true/false into a number with \
             `if ... {{ 1 }} else {{ 0 }}`"
        ),
        ArgType::District => {
            format!("`{op}` needs a figure of the district, e.g. `district.smartphones`")
        }
        _ => format!("`{op}` works on numbers only"),
    }
}

/// The `[params]` key of a value the rule writes `scenario.param("key")`.
fn param_key(receiver: &str) -> Option<&str> {
    receiver
        .strip_prefix("scenario.param(\"")?
        .strip_suffix("\")")
        .filter(|key| !key.contains('"'))
}

fn not_indexable_vi(what: &ArgType, receiver: Option<&str>, key: Option<&str>) -> Said {
    match what {
        ArgType::District => {
            let name = receiver.unwrap_or("district");
            Said::new("không đọc được số liệu của huyện bằng `[...]`").hint(match key {
                Some(key) => format!("đọc số liệu của huyện bằng dấu chấm: `{name}.{key}`"),
                None => format!(
                    "đọc số liệu của huyện bằng dấu chấm, ví dụ `{name}.rate`, `{name}.name`"
                ),
            })
        }
        ArgType::Districts => Said::new(
            "danh sách huyện `scenario.districts()` chỉ đọc được theo vị trí, bằng một số nguyên, \
             ví dụ `[0]`",
        )
        .hint(
            "muốn tìm một huyện theo tên thì đi qua danh sách: `for d in scenario.districts() { \
             if d.name == \"...\" { ... } }`",
        ),
        ArgType::Scenario => Said::new("không đọc được kịch bản bằng `[...]`").hint(match key {
            Some(key) => format!("đọc một giá trị của [params] bằng `scenario.param(\"{key}\")`"),
            None => "đọc một giá trị của [params] bằng `scenario.param(\"...\")`".to_string(),
        }),
        _ => {
            let said = Said::new(format!(
                "không lấy được phần tử `[...]` của {}: chỉ danh sách, bảng và đoạn chữ có phần tử",
                what.vi_one()
            ));
            match (receiver, receiver.and_then(param_key)) {
                (_, Some(param)) => said.hint(format!(
                    "`{param}` trong [params] của kịch bản là {}, không phải danh sách: bỏ \
                     `[...]` để dùng chính giá trị đó, hoặc ghi nó trong kịch bản là một danh \
                     sách, ví dụ {param} = [0.3, 0.4]",
                    what.vi_one()
                )),
                (Some(receiver), None) => said.hint(format!(
                    "`{receiver}` là {}, không phải danh sách: bỏ `[...]` để dùng chính giá trị đó",
                    what.vi_one()
                )),
                (None, None) => said,
            }
        }
    }
}

fn not_indexable_en(what: &ArgType, receiver: Option<&str>, key: Option<&str>) -> Said {
    match what {
        ArgType::District => {
            let name = receiver.unwrap_or("district");
            Said::new("a district's figures cannot be read with `[...]`").hint(match key {
                Some(key) => format!("read a district's figures with a dot: `{name}.{key}`"),
                None => format!(
                    "read a district's figures with a dot, e.g. `{name}.rate`, `{name}.name`"
                ),
            })
        }
        ArgType::Districts => Said::new(
            "the list `scenario.districts()` is read by position only, with a whole number, e.g. \
             `[0]`",
        )
        .hint(
            "to find a district by its name, go through the list: `for d in \
             scenario.districts() { if d.name == \"...\" { ... } }`",
        ),
        ArgType::Scenario => {
            Said::new("the scenario cannot be read with `[...]`").hint(match key {
                Some(key) => format!("read a value of [params] with `scenario.param(\"{key}\")`"),
                None => "read a value of [params] with `scenario.param(\"...\")`".to_string(),
            })
        }
        _ => {
            let said = Said::new(format!(
                "cannot take an item `[...]` of {}: only lists, maps and texts have items",
                what.en_one()
            ));
            match (receiver, receiver.and_then(param_key)) {
                (_, Some(param)) => said.hint(format!(
                    "`{param}` in the scenario's [params] is {}, not a list: remove the `[...]` \
                     to use the value itself, or write it in the scenario as a list, e.g. \
                     {param} = [0.3, 0.4]",
                    what.en_one()
                )),
                (Some(receiver), None) => said.hint(format!(
                    "`{receiver}` is {}, not a list: remove the `[...]` to use the value itself",
                    what.en_one()
                )),
                (None, None) => said,
            }
        }
    }
}

impl Message for RuntimeProblem {
    fn vi(&self) -> Said {
        use RuntimeProblem::*;
        match self {
            CannotApply { op, args, operands } => {
                let said = Said::new(format!(
                    "không làm được phép `{op}` với ({})",
                    args_vi(args)
                ));
                match odd_operand(op, args) {
                    Some(i) => said.hint(format!(
                        "{} là {}: {}",
                        operands[i].as_ref().map_or_else(
                            || if i == 0 {
                                "vế trái".to_string()
                            } else {
                                "vế phải".to_string()
                            },
                            |o| format!("`{o}`")
                        ),
                        args[i].vi_one(),
                        operand_advice_vi(op, &args[i])
                    )),
                    None => said,
                }
            }
            NoFunction { name, args, api } => {
                if let ApiName::Withheld(what) = api {
                    return what.vi(name);
                }
                let said = Said::new(format!("không có hàm `{name}` nhận ({})", args_vi(args)));
                match api {
                    ApiName::Property => said.hint(format!(
                        "`{name}` là thuộc tính: viết `.{name}`, không có `()`"
                    )),
                    ApiName::Function => said.hint(format!(
                        "`{name}` có, nhưng số lượng hoặc kiểu của các giá trị đưa vào không đúng"
                    )),
                    ApiName::Other { close: Some(close) } => said.hint(did_you_mean_vi(close)),
                    ApiName::Other { close: None } | ApiName::Withheld(_) => said,
                    ApiName::OnDistricts => said.hint(
                        "`scenario.districts()` chỉ có `for`, `len()`, `is_empty()`, `[i]`, \
                         `filter(f)` và `map(f)`; muốn làm gì khác thì lấy ra một danh sách của \
                         riêng quy tắc, ví dụ `let names = scenario.districts().map(|d| d.name);`",
                    ),
                }
            }
            NoProperty { name, close } => {
                let said = Said::new(format!("không có thuộc tính `{name}`"));
                match close {
                    Some(close) => said.hint(did_you_mean_vi(close)),
                    None => said,
                }
            }
            PropertyOfNothing {
                name,
                value,
                lookup: Some(lookup),
            } => {
                let x = value.as_deref().unwrap_or("x");
                let written = &lookup.written;
                Said::new(format!(
                    "{} là () (không có giá trị) nên không có thuộc tính `{name}`: \
                     `scenario.district_named(\"{written}\")` đã cho () vì kịch bản không có \
                     huyện nào tên \"{written}\"",
                    value.as_deref().map_or("giá trị".to_string(), |v| format!("`{v}`"))
                ))
                .hint(match lookup.close.first() {
                    Some(first) => format!(
                        "có phải ý bạn là \"{first}\"? (các tên gần nhất: {}); nếu tên có thể \
                         không có, kiểm tra trước khi đọc: `if {x} != () {{ ... {x}.{name} ... }}`",
                        crate::text::quoted_list(&lookup.close)
                    ),
                    None => format!(
                        "ghi tên một huyện của kịch bản, hoặc kiểm tra trước khi đọc: \
                         `if {x} != () {{ ... {x}.{name} ... }}`"
                    ),
                })
            }
            PropertyOfNothing {
                name,
                value,
                lookup: None,
            } => {
                let x = value.as_deref().unwrap_or("x");
                Said::new(format!(
                    "{} là () (không có giá trị) nên không có thuộc tính `{name}`: thường là do \
                     `scenario.district_named(...)` không tìm thấy huyện nào có tên đã cho",
                    value.as_deref().map_or("giá trị".to_string(), |v| format!("`{v}`"))
                ))
                .hint(format!(
                    "kiểm tra trước khi đọc: `if {x} != () {{ ... {x}.{name} ... }}`; \
                     `scenario.closest_districts(tên)` cho các tên huyện gần nhất"
                ))
            }
            ReadOnly { name } => Said::new(format!("không sửa được `{name}`: chỉ đọc được"))
                .hint(format!(
                    "chép nó vào một biến rồi sửa biến đó: `let x = {name}; x = ...;`"
                )),
            NoEntry {
                name,
                map,
                row,
                district,
            } => {
                let said = Said::new(match map {
                    Some(map) => format!("bảng `{map}` không có mục `{name}`"),
                    None => format!("bảng không có mục `{name}`"),
                });
                let map = map.as_deref().unwrap_or("bảng");
                said.hint(match row {
                    Some(row) => format!(
                                "có phải ý bạn là `{map}.{row}`? (mỗi huyện của `scenario.districts()` có \
                         {})",
                        entries()
                    ),
                    None if *district => format!(
                        "mỗi huyện của `scenario.districts()` và `scenario.district_named(...)` \
                         có {}",
                        entries()
                    ),
                    None => format!(
                        "kiểm tra tên mục ở chỗ tạo bảng `#{{ ... }}`, hoặc hỏi trước xem có mục \
                         đó không: `if \"{name}\" in {map} {{ ... }}`"
                    ),
                })
            }
            OutOfBounds { index, len } => Said::new(format!(
                "vị trí {index} nằm ngoài danh sách (dài {len}, đánh số từ 0)"
            ))
            .hint(
                "phần tử cuối của danh sách `a` là `a[a.len() - 1]`; kiểm tra `a.len()` trước \
                 khi đọc, hoặc dùng `for x in a { ... }`",
            ),
            DataType { expected, actual } => {
                Said::new(format!("sai kiểu dữ liệu: có {actual}, cần {expected}")).hint(
                    "kiểm tra giá trị ở dòng được chỉ: một số viết trong dấu ngoặc kép là đoạn \
                     chữ; `parse_float(...)` đổi đoạn chữ thành số, `to_string()` đổi số thành \
                     đoạn chữ",
                )
            }
            Arithmetic(arithmetic) => arithmetic.vi(),
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
            NotIndexable {
                what,
                receiver,
                key,
            } => not_indexable_vi(what, receiver.as_deref(), key.as_deref()),
            NotIterable => Said::new(
                "`for` chỉ đi qua được một danh sách, một khoảng số (ví dụ `0..10`) hoặc một đoạn chữ",
            )
            .hint("để lặp n lần, viết `for i in 0..n { ... }`; để đi qua các khóa của một bảng `m`, viết `for k in m.keys() { ... }`"),
            ClosureCall {
                defined,
                takes,
                given,
            } => {
                let function = match defined {
                    Some((line, head)) => format!("hàm viết ở dòng {line} ({head} ...)"),
                    None => "hàm viết trong quy tắc (dạng `|x| ...`)".to_string(),
                };
                Said::new(match takes {
                    Some(takes) => format!(
                        "{function} nhận {takes} giá trị, ở đây được cho {given}"
                    ),
                    None => format!(
                        "{function} được cho {given} giá trị, khác số giá trị hàm nhận"
                    ),
                })
                .hint(
                    "cho hàm đúng số giá trị nó nhận, mỗi giá trị một tham số giữa hai dấu `|`: \
                     `let f = |x| x + 1; f.call(2)`",
                )
            }
            UnboundThis => Said::new(
                "`this` chỉ có nghĩa trong một hàm được gọi sau dấu chấm (`giá_trị.hàm()`); ở đây \
                 nó không chỉ giá trị nào",
            )
            .hint(
                "dùng tham số của hàm thay cho `this`, ví dụ `district` hay `scenario`: \
                 `fn before_solve(district, scenario) { ... district.rate ... }`",
            ),
            SortMixed => Said::new(
                "`sort()`: danh sách có phần tử thuộc nhiều kiểu khác nhau (ví dụ số lẫn với chữ) \
                 nên không sắp xếp được",
            )
            .hint(
                "chỉ sắp xếp danh sách toàn số hoặc toàn chữ: đổi số thành chữ bằng `to_string()`, \
                 chữ thành số bằng `parse_float(...)`, hoặc sắp xếp theo một hàm so sánh: \
                 `list.sort(|a, b| ...)`",
            ),
            SortType { what } => Said::new(format!(
                "`sort()`: không sắp xếp được danh sách các {} (chúng không có thứ tự sẵn)",
                what.vi()
            ))
            .hint(
                "sắp xếp theo một hàm so sánh, ví dụ theo tỷ lệ: \
                 `list.sort(|a, b| if a.rate < b.rate { -1 } else if a.rate > b.rate { 1 } else { 0 })`",
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
            ))
            .hint("kiểm tra `t.len()` trước khi đọc ký tự ở một vị trí của đoạn chữ `t`"),
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
            Rhai { english } => Said::new(format!("{english} (chi tiết bằng tiếng Anh)")).hint(
                "xem dòng được chỉ; `campaign rules check` tìm nhiều lỗi trước khi quy tắc chạy",
            ),
        }
    }

    fn en(&self) -> Said {
        use RuntimeProblem::*;
        match self {
            CannotApply { op, args, operands } => {
                let said = Said::new(format!("cannot apply `{op}` to ({})", args_en(args)));
                match odd_operand(op, args) {
                    Some(i) => said.hint(format!(
                        "{} is {}: {}",
                        operands[i].as_ref().map_or_else(
                            || if i == 0 {
                                "the left side".to_string()
                            } else {
                                "the right side".to_string()
                            },
                            |o| format!("`{o}`")
                        ),
                        args[i].en_one(),
                        operand_advice_en(op, &args[i])
                    )),
                    None => said,
                }
            }
            NoFunction { name, args, api } => {
                if let ApiName::Withheld(what) = api {
                    return what.en(name);
                }
                let said = Said::new(format!("no function `{name}` taking ({})", args_en(args)));
                match api {
                    ApiName::Property => said.hint(format!(
                        "`{name}` is a property: write `.{name}`, without `()`"
                    )),
                    ApiName::Function => said.hint(format!(
                        "`{name}` exists, but the number or the type of its arguments is wrong"
                    )),
                    ApiName::Other { close: Some(close) } => said.hint(did_you_mean_en(close)),
                    ApiName::Other { close: None } | ApiName::Withheld(_) => said,
                    ApiName::OnDistricts => said.hint(
                        "`scenario.districts()` has only `for`, `len()`, `is_empty()`, `[i]`, \
                         `filter(f)` and `map(f)`; for anything else take a list of the rule's \
                         own out of it, e.g. `let names = scenario.districts().map(|d| d.name);`",
                    ),
                }
            }
            NoProperty { name, close } => {
                let said = Said::new(format!("there is no property `{name}`"));
                match close {
                    Some(close) => said.hint(did_you_mean_en(close)),
                    None => said,
                }
            }
            PropertyOfNothing {
                name,
                value,
                lookup: Some(lookup),
            } => {
                let x = value.as_deref().unwrap_or("x");
                let written = &lookup.written;
                Said::new(format!(
                    "{} is () (nothing), so it has no property `{name}`: \
                     `scenario.district_named(\"{written}\")` gave () because the scenario has \
                     no district named \"{written}\"",
                    value.as_deref().map_or("the value".to_string(), |v| format!("`{v}`"))
                ))
                .hint(match lookup.close.first() {
                    Some(first) => format!(
                        "did you mean \"{first}\"? (the closest names: {}); if the name may be \
                         missing, check before reading: `if {x} != () {{ ... {x}.{name} ... }}`",
                        crate::text::quoted_list(&lookup.close)
                    ),
                    None => format!(
                        "write the name of one of the scenario's districts, or check before \
                         reading: `if {x} != () {{ ... {x}.{name} ... }}`"
                    ),
                })
            }
            PropertyOfNothing {
                name,
                value,
                lookup: None,
            } => {
                let x = value.as_deref().unwrap_or("x");
                Said::new(format!(
                    "{} is () (nothing), so it has no property `{name}`: usually \
                     `scenario.district_named(...)` found no district of the name given",
                    value.as_deref().map_or("the value".to_string(), |v| format!("`{v}`"))
                ))
                .hint(format!(
                    "check it before reading it: `if {x} != () {{ ... {x}.{name} ... }}`; \
                     `scenario.closest_districts(name)` gives the closest districts' names"
                ))
            }
            ReadOnly { name } => Said::new(format!("`{name}` cannot be changed: it is read-only"))
                .hint(format!("copy it into a variable and change that: `let x = {name}; x = ...;`")),
            NoEntry {
                name,
                map,
                row,
                district,
            } => {
                let said = Said::new(match map {
                    Some(map) => format!("the map `{map}` has no entry `{name}`"),
                    None => format!("the map has no entry `{name}`"),
                });
                let map = map.as_deref().unwrap_or("map");
                said.hint(match row {
                    Some(row) => format!(
                                "did you mean `{map}.{row}`? (each district of `scenario.districts()` \
                         has {})",
                        entries()
                    ),
                    None if *district => format!(
                        "each district of `scenario.districts()` and \
                         `scenario.district_named(...)` has {}",
                        entries()
                    ),
                    None => format!(
                        "check the entry's name where the map is made `#{{ ... }}`, or ask \
                         first whether it has it: `if \"{name}\" in {map} {{ ... }}`"
                    ),
                })
            }
            OutOfBounds { index, len } => Said::new(format!(
                "index {index} is outside the list (length {len}, numbered from 0)"
            ))
            .hint(
                "the last item of a list `a` is `a[a.len() - 1]`; check `a.len()` before \
                 reading, or use `for x in a { ... }`",
            ),
            DataType { expected, actual } => {
                Said::new(format!("wrong data type: {actual}, expected {expected}")).hint(
                    "check the value on the line shown: a number in double quotes is a text; \
                     `parse_float(...)` turns a text into a number, `to_string()` a number into \
                     a text",
                )
            }
            Arithmetic(arithmetic) => arithmetic.en(),
            TooDeep => Said::new(format!(
                "functions call each other too deeply (over {MAX_CALL_LEVELS} levels)"
            ))
            .hint("a function that calls itself must come to a stop: check when it stops"),
            TooManyVariables => Said::new(format!(
                "too many variables at once (at most {})",
                count(Lang::En, MAX_VARIABLES as f64)
            ))
            .hint("use a list `[...]` or a map `#{ ... }` instead of many separate variables"),
            NotIndexable {
                what,
                receiver,
                key,
            } => not_indexable_en(what, receiver.as_deref(), key.as_deref()),
            NotIterable => Said::new(
                "`for` can only go through a list, a range of numbers (e.g. `0..10`) or a text",
            )
            .hint("to repeat n times, write `for i in 0..n { ... }`; to go through the keys of a map `m`, write `for k in m.keys() { ... }`"),
            ClosureCall {
                defined,
                takes,
                given,
            } => {
                let function = match defined {
                    Some((line, head)) => format!("the function defined at line {line} ({head} ...)"),
                    None => "a function written in the rule (such as `|x| ...`)".to_string(),
                };
                let values = |n: usize| if n == 1 { "value" } else { "values" };
                Said::new(match takes {
                    Some(takes) => format!(
                        "{function} takes {takes} {}, it was given {given}",
                        values(*takes)
                    ),
                    None => format!(
                        "{function} was given {given} {}, not the number it takes",
                        values(*given)
                    ),
                })
                .hint(
                    "give it as many values as it takes, one for each name between its `|`: \
                     `let f = |x| x + 1; f.call(2)`",
                )
            }
            UnboundThis => Said::new(
                "`this` means something only in a function called after a dot (`value.function()`); \
                 here it refers to no value",
            )
            .hint(
                "use the function's parameters instead of `this`, e.g. `district` or `scenario`: \
                 `fn before_solve(district, scenario) { ... district.rate ... }`",
            ),
            SortMixed => Said::new(
                "`sort()`: the list holds items of different types (numbers and texts, say), so \
                 it cannot be sorted",
            )
            .hint(
                "sort lists of numbers only or of texts only: make numbers texts with \
                 `to_string()`, texts numbers with `parse_float(...)`, or sort with a comparing \
                 function: `list.sort(|a, b| ...)`",
            ),
            SortType { what } => Said::new(format!(
                "`sort()`: a list of {} cannot be sorted (they have no order of their own)",
                what.en_plural()
            ))
            .hint(
                "sort with a comparing function, e.g. by rate: \
                 `list.sort(|a, b| if a.rate < b.rate { -1 } else if a.rate > b.rate { 1 } else { 0 })`",
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
            ))
            .hint("check `t.len()` before reading a character of a text `t` at a position"),
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
            Rhai { english } => Said::new(english.clone()).hint(
                "look at the line shown; `campaign rules check` finds many mistakes before a rule runs",
            ),
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
            allowance: Allowance {
                steps: TOTAL_OPERATIONS,
                time: TOTAL_TIME,
                plans: 1,
            },
            heaviest: Some(("slow".into(), 41.25)),
            case: None,
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
    fn arithmetic_errors_are_named_from_rhai_s_words() {
        assert_eq!(
            Arithmetic::of_rhai("Division by zero: 96818 / 0"),
            Arithmetic::DivisionByZero { op: '/' }
        );
        assert_eq!(
            Arithmetic::of_rhai("Modulo division by zero or overflow: 7 % 0"),
            Arithmetic::DivisionByZero { op: '%' }
        );
        assert_eq!(
            Arithmetic::of_rhai("Addition overflow: 9223372036854775807 + 1"),
            Arithmetic::Overflow
        );
        assert_eq!(
            Arithmetic::of_rhai(
                "Error parsing floating-point number '0,35': invalid float literal"
            ),
            Arithmetic::NotANumber {
                text: "0,35".into()
            }
        );
        assert_eq!(
            Arithmetic::of_rhai("Integer raised to a negative power: 2 ** -1"),
            Arithmetic::NegativePower
        );
        // no English left under Vietnamese, whatever Rhai said
        let other = Arithmetic::of_rhai("Something new: 1 ? 2");
        assert!(!other.vi().problem.contains("Something"));
        assert!(other.en().problem.contains("Something new"));
    }

    /// Issue 13: in a rule test the allowance is the test file's, and the message names the
    /// case that ran out of it, not a plan.
    #[test]
    fn a_rule_test_case_out_of_steps_is_named() {
        let failure = RuleFailure::Exhausted {
            rule: "loop".into(),
            hook: "before_solve".into(),
            limit: Total::Steps,
            allowance: Allowance {
                steps: TOTAL_OPERATIONS,
                time: TOTAL_TIME,
                plans: 1,
            },
            heaviest: Some(("loop".into(), 100_000_000.0)),
            case: Some("Hữu Lũng".into()),
        };
        let (vi, en) = (failure.vi(), failure.en());
        assert_eq!(
            vi.problem,
            "quy tắc `loop` bị dừng trong `before_solve` ở trường hợp \"Hữu Lũng\": các quy tắc \
             đã dùng hết 100.000.000 bước tính dành cho cả tệp kiểm thử (mọi trường hợp của tệp \
             cộng lại); quy tắc dùng nhiều bước nhất là `loop` (100.000.000 bước)"
        );
        assert_eq!(
            en.problem,
            "rule `loop` was stopped in `before_solve` in the case \"Hữu Lũng\": the rules have \
             used up the 100,000,000 steps a rule test file allows them (all its cases together); \
             the rule that took the most steps is `loop` (100,000,000 steps)"
        );
        assert!(!vi.problem.contains("kế hoạch") && !en.problem.contains("plan"));
        assert!(
            vi.hint
                .unwrap()
                .contains("tách chúng sang vài tệp kiểm thử")
        );
        assert!(
            en.hint
                .unwrap()
                .contains("split them into several test files")
        );
    }

    /// Issue 13, F05/F31: a range is named in words, never by its Rust type.
    #[test]
    fn a_range_is_named_in_words() {
        for rhai in [
            "range",
            "range=",
            "core::ops::range::Range<i64>",
            "core::ops::range::RangeInclusive<i64>",
        ] {
            assert_eq!(ArgType::of_rhai(rhai), ArgType::Range, "{rhai}");
        }
        assert_eq!(
            ArgType::of_rhai("alloc::vec::Vec<u8>"),
            ArgType::Other("Vec".into())
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
