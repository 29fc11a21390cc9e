//! What `campaign rules check` finds in a rule before it runs. Some problems the host would
//! refuse at run time are found here too (an unknown `[params]` key, a provincial kind where a
//! local one is needed, a language code): the checker names them as [`super::HostProblem`]s.

use super::super::api::{self, Arg, On};
use super::super::{AFTER_SOLVE, BEFORE_SOLVE};
use super::{Declared, QUOTED_NUMBER, Shape, did_you_mean_en, did_you_mean_vi};
use crate::diagnostic::{Message, Said};

/// Before or after the solve: where an action or a figure of the plan can be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Solve {
    Before,
    After,
}

impl Solve {
    /// The hook that runs there.
    fn hook(self) -> &'static str {
        match self {
            Solve::Before => BEFORE_SOLVE,
            Solve::After => AFTER_SOLVE,
        }
    }
}

/// A problem the checker finds in a rule, at the spot it is written.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum CheckProblem {
    /// A `[params]` key of the scenario that no rule reads, close to `close`, which they read.
    UnreadParam { key: String, close: String },
    /// A cohort column of the coverage table (`column`, as headed) that no rule reads, while
    /// the rules read the cohorts `missing`, which the table does not have (trial 13f J13).
    UnreadCohort {
        column: String,
        missing: Vec<String>,
    },
    /// A statement written outside any function (trial 13f J10).
    OutsideFunction,
    /// A function nothing calls, named almost like the hook `hook`.
    NeverRuns { name: String, hook: &'static str },
    /// `district.x = ...` or `scenario.x = ...`.
    Assigned { name: String, on: On },
    /// A function of the API written without parentheses.
    NeedsParentheses {
        name: String,
        signature: &'static str,
    },
    /// A field of the API written with `()`.
    NotAFunction { name: String },
    /// The rule's own function called as `x.f(...)` with the wrong number of arguments.
    OwnMethodArguments { name: String, takes: usize },
    /// The rule's own function called with `given` arguments.
    OwnArguments {
        name: String,
        takes: usize,
        given: usize,
    },
    /// A function that exists, but not with `given` arguments.
    Arguments { name: String, given: usize },
    /// `close` is the function this may be a typing mistake for, as it is written.
    NoFunction { name: String, close: Option<String> },
    /// A function of Rhai that rules do not have (`sandbox.rs`).
    Withheld {
        name: String,
        what: crate::rules::sandbox::Withheld,
    },
    /// A number compared with a text (`text`, when the rule writes it) by `op`.
    NumberWithText { text: Option<String>, op: String },
    /// `close` is the field of `on` this may be a typing mistake for, as it is written.
    NoField {
        on: On,
        name: String,
        close: Option<String>,
    },
    /// `close` is the function of `on` this may be a typing mistake for, as it is written.
    NoMethod {
        on: On,
        name: String,
        close: Option<String>,
    },
    /// `name` can only be used `solve`, but it is in the function `scope`: the other hook, or a
    /// helper that hook (`from`) calls.
    WrongHook {
        name: &'static str,
        solve: Solve,
        scope: String,
        from: Option<&'static str>,
    },
    /// An API function given `given` arguments; it takes one of `takes`.
    ApiArguments {
        name: &'static str,
        signature: &'static str,
        takes: Vec<usize>,
        given: usize,
    },
    /// The argument at `index` (from 0) is not what it must be; `got` is what it is, when the
    /// words know it.
    ArgumentType {
        name: &'static str,
        signature: &'static str,
        index: usize,
        want: Arg,
        got: Option<Shape>,
    },
    NoCohort {
        function: &'static str,
        cohort: String,
        cohorts: Declared,
    },
    NoTeamKind {
        function: &'static str,
        kind: String,
        kinds: Declared,
    },
    /// `scenario.district_named` (`function`) of a name (`name`) that finds no district of the
    /// scenario; `close`, the names most like it.
    NoDistrict {
        function: &'static str,
        name: String,
        close: Vec<String>,
    },
    /// `scenario.district_named` (`function`) of a name (`name`) that two or more districts
    /// share (`candidates`, in full): the call would stop the plan (trial 13 H8).
    AmbiguousDistrict {
        function: &'static str,
        name: String,
        candidates: Vec<String>,
    },
    /// A directive's entry it does not read; `close` is one it reads that this may be a typing
    /// mistake for.
    DirectiveEntry { name: String, close: Option<String> },
    /// A directive's entry is not what it must be (`want`).
    DirectiveEntryType {
        name: String,
        want: Option<Shape>,
        got: Option<Shape>,
    },
    /// A directive lacks an entry it needs.
    DirectiveLacks { key: &'static str },
    /// `problem`, with a value the rule `rule` read from `[params]` and uses on its line
    /// `line`: the error is where the value is written, and names the rule's line.
    InParam {
        rule: String,
        lines: Vec<usize>,
        problem: Box<CheckProblem>,
    },
}

/// Line numbers as a list: "17", "17 và 34", "12, 17 và 34".
fn lines_list(lines: &[usize], and: &str) -> String {
    let numbers: Vec<String> = lines.iter().map(usize::to_string).collect();
    match numbers.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} {and} {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// "thứ 2" / "2nd": the argument at `index` (from 0).
fn nth_vi(index: usize) -> String {
    format!("thứ {}", index + 1)
}

fn nth_en(index: usize) -> String {
    match index {
        0 => "1st".to_string(),
        1 => "2nd".to_string(),
        2 => "3rd".to_string(),
        n => format!("{}th", n + 1),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// How a rule names the value `on` is.
fn prefix(on: On) -> &'static str {
    if on == On::District {
        "district"
    } else {
        "scenario"
    }
}

/// What `on` has, for a hint when a rule names something it does not.
fn members(on: On) -> String {
    api::names(on)
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The entries a directive reads.
fn directive_entries() -> String {
    api::DIRECTIVE_ENTRIES
        .iter()
        .map(|(k, _)| *k)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The hint for a name `on` does not have: the one it may be a typing mistake for, else all.
fn member_hint_vi(on: On, close: &Option<String>) -> String {
    match close {
        Some(close) => did_you_mean_vi(close),
        None => format!(
            "những gì `{}` có: {} (xem docs/rules.md)",
            prefix(on),
            members(on)
        ),
    }
}

fn member_hint_en(on: On, close: &Option<String>) -> String {
    match close {
        Some(close) => did_you_mean_en(close),
        None => format!(
            "what `{}` has: {} (see docs/rules.md)",
            prefix(on),
            members(on)
        ),
    }
}

fn on_vi(on: On) -> &'static str {
    match on {
        On::District => "huyện (`district`)",
        _ => "kịch bản (`scenario`)",
    }
}

fn on_en(on: On) -> &'static str {
    match on {
        On::District => "a district (`district`)",
        _ => "the scenario (`scenario`)",
    }
}

impl Message for CheckProblem {
    fn vi(&self) -> Said {
        use CheckProblem::*;
        match self {
            UnreadParam { key, close } => Said::new(format!(
                "mục [params] có `{key}` nhưng không quy tắc nào đọc nó, trong khi các quy \
                 tắc đọc `{close}`"
            ))
            .hint(format!(
                "{} Sửa tên trong tệp kịch bản",
                crate::diagnostic::did_you_mean_for_vi(key, close)
            )),
            UnreadCohort { column, missing } => Said::new(format!(
                "cột `{column}` của bảng số liệu là số người của một nhóm mà không quy tắc nào \
                 đọc, trong khi các quy tắc đọc nhóm {} mà bảng không có cột nào",
                cohort_list(missing)
            ))
            .hint(format!(
                "nếu cột này đếm nhóm đó, đặt tên cột là {}; nếu không quy tắc nào cần cột \
                 này, xóa cột hoặc đặt tên cột là `Ghi chú` để chương trình bỏ qua",
                cohort_headings(missing, "hoặc")
            )),
            OutsideFunction => Said::new(
                "câu lệnh nằm ngoài mọi hàm: quy tắc chỉ chạy bên trong hai hàm \
                 `before_solve` và `after_solve`, từng huyện một, nên một dòng ngoài các hàm đó \
                 không có chỗ để chạy",
            )
            .hint(
                "chuyển dòng này vào trong một hàm, ví dụ vào `fn before_solve(district, \
                 scenario) { ... }`; một giá trị cố định mà quy tắc dùng có thể ghi trong mục \
                 `[params]` của kịch bản và đọc bằng `scenario.param(\"tên\")`",
            ),
            NeverRuns { name, hook } => Said::new(format!(
                "hàm `{name}` không bao giờ chạy: chỉ `before_solve` và `after_solve` \
                 được gọi, và không hàm nào gọi `{name}`"
            ))
            .hint(did_you_mean_vi(hook)),
            Assigned { name, on } => Said::new(format!(
                "không thể gán `{name}`: số liệu của {} chỉ để đọc",
                if *on == On::District {
                    "huyện"
                } else {
                    "kịch bản"
                }
            ))
            .hint(
                "quy tắc tác động lên kế hoạch bằng các hàm: `mandate`, `add_installs`, \
                 `set_productivity`, `min_teams`, `max_teams`, `min_rate`, `directive`",
            ),
            NeedsParentheses { name, signature } => {
                Said::new(format!("`{name}` là một hàm, cần viết kèm ngoặc"))
                    .hint(format!("viết `{name}{signature}`"))
            }
            NotAFunction { name } => {
                Said::new(format!("`{name}` là một số liệu, không phải hàm"))
                    .hint(format!("viết `{name}`, không có `()`"))
            }
            OwnMethodArguments { name, takes } => Said::new(format!(
                "hàm `{name}` của quy tắc nhận {takes} tham số; gọi theo kiểu \
                 `x.{name}(...)` thì `x` không tính là tham số"
            ))
            .hint(format!("viết `{name}(x, ...)`")),
            OwnArguments { name, takes, given } => Said::new(format!(
                "hàm `{name}` của quy tắc nhận {takes} tham số, ở đây có {given}"
            ))
            .hint(format!(
                "đưa vào đúng {takes} giá trị, theo thứ tự các tham số ở dòng `fn {name}(...)`"
            )),
            Arguments { name, given } => {
                Said::new(format!("hàm `{name}` không nhận {given} tham số như ở đây"))
                    .hint("docs/rules.md liệt kê các hàm của quy tắc và tham số của chúng")
            }
            Withheld { name, what } => what.vi(name),
            NoFunction { name, close } => {
                let said = Said::new(format!("không có hàm `{name}`"));
                match close {
                    Some(close) => said.hint(did_you_mean_vi(close)),
                    None => said.hint(format!(
                        "định nghĩa hàm trong tệp quy tắc này, `fn {name}(...) {{ ... }}`, hoặc \
                         sửa tên (docs/rules.md liệt kê các hàm quy tắc dùng được)"
                    )),
                }
            }
            NumberWithText { text, op } => {
                let shown = text
                    .as_ref()
                    .map_or_else(String::new, |t| format!(" \"{t}\""));
                let result = match op.as_str() {
                    "==" => " (kết quả luôn là sai)",
                    "!=" => " (kết quả luôn là đúng)",
                    _ => "",
                };
                Said::new(format!(
                    "so sánh một số với một đoạn chữ{shown} bằng `{op}`{result}"
                ))
                .hint(QUOTED_NUMBER.0)
            }
            NoField { on, name, close } => {
                Said::new(format!("{} không có số liệu `{name}`", on_vi(*on)))
                    .hint(member_hint_vi(*on, close))
            }
            NoMethod { on, name, close } => {
                Said::new(format!("{} không có hàm `{name}`", on_vi(*on)))
                    .hint(member_hint_vi(*on, close))
            }
            WrongHook {
                name,
                solve,
                scope,
                from,
            } => {
                let when = match solve {
                    Solve::Before => "trước khi lập kế hoạch",
                    Solve::After => "sau khi lập kế hoạch",
                };
                let place = match from {
                    None => format!("trong `{scope}`"),
                    Some(from) => format!("trong hàm `{scope}`, mà `{from}` gọi tới"),
                };
                Said::new(format!(
                    "`{name}` chỉ dùng được {when}, nhưng ở đây nó nằm {place}"
                ))
                .hint(format!(
                    "chuyển dòng này vào `fn {}(district, scenario)`",
                    solve.hook()
                ))
            }
            ApiArguments {
                name,
                signature,
                takes,
                given,
            } => {
                let takes = takes
                    .iter()
                    .map(usize::to_string)
                    .collect::<Vec<_>>()
                    .join(" / ");
                Said::new(format!(
                    "`{name}` nhận {takes} tham số `{name}{signature}`, ở đây có {given}"
                ))
                .hint(format!("cách viết: `{name}{signature}`"))
            }
            ArgumentType {
                name,
                signature,
                index,
                want,
                got,
            } => Said::new(format!(
                "`{name}`: tham số {} phải là {}, không phải {}",
                nth_vi(*index),
                want.words().0,
                got.map_or("giá trị khác", Shape::vi)
            ))
            .hint(format!("cách viết: `{name}{signature}`")),
            NoCohort {
                function,
                cohort,
                cohorts,
            } => Said::new(format!("`{function}`: không có nhóm đối tượng `{cohort}`"))
                .hint(cohorts.vi()),
            NoTeamKind {
                function,
                kind,
                kinds,
            } => Said::new(format!(
                "`{function}`: kịch bản không có loại tổ/đội `{kind}`"
            ))
            .hint(kinds.vi()),
            AmbiguousDistrict {
                function,
                name,
                candidates,
            } => super::host::ambiguous_district(crate::text::Lang::Vi, function, name, candidates),
            NoDistrict {
                function,
                name,
                close,
            } => Said::new(format!(
                "`scenario.{function}`: kịch bản không có huyện nào tên \"{name}\": lời gọi sẽ cho ra () và quy tắc không làm gì với tên này"
            ))
            .hint(match close.first() {
                Some(first) => format!(
                    "có phải ý bạn là \"{first}\"? (các tên gần nhất: {})",
                    crate::text::quoted_list(close)
                ),
                None => "ghi tên một huyện của kịch bản".to_string(),
            }),
            DirectiveEntry { name, close } => {
                Said::new(format!("`directive`: chỉ đạo không có mục `{name}`")).hint(match close {
                    Some(close) => did_you_mean_vi(close),
                    None => format!("các mục của một chỉ đạo: {}", directive_entries()),
                })
            }
            DirectiveEntryType { name, want, got } => Said::new(format!(
                "`directive`: mục `{name}` phải là {}, không phải {}",
                want.map_or("", Shape::vi),
                got.map_or("", Shape::vi)
            ))
            .hint(
                "ví dụ: `directive(#{ action: \"...\", unit: \"...\", priority: 1, \
                 expected_installs: 120.0, with_teams: true })`; số không viết trong dấu ngoặc kép",
            ),
            DirectiveLacks { key } => Said::new(format!("`directive`: chỉ đạo thiếu mục `{key}`"))
                .hint(
                    "một chỉ đạo cần ít nhất `action` (việc cần làm) và `unit` (đơn vị thực hiện)",
                ),
            InParam {
                rule,
                lines,
                problem,
            } => {
                let said = problem.vi();
                Said {
                    problem: format!(
                        "{} (quy tắc `{rule}` đọc giá trị này và dùng nó ở dòng {})",
                        said.problem,
                        lines_list(lines, "và")
                    ),
                    hint: said.hint,
                }
            }
        }
    }

    fn en(&self) -> Said {
        use CheckProblem::*;
        match self {
            UnreadParam { key, close } => Said::new(format!(
                "[params] has `{key}`, which no rule reads, while the rules read `{close}`"
            ))
            .hint(format!(
                "{} Fix the name in the scenario file",
                crate::diagnostic::did_you_mean_for_en(key, close)
            )),
            UnreadCohort { column, missing } => Said::new(format!(
                "column `{column}` of the coverage table counts a cohort no rule reads, while \
                 the rules read {}, which the table has no column for",
                cohort_list(missing)
            ))
            .hint(format!(
                "if the column counts that cohort, head it {}; if no rule needs the column, \
                 delete it or head it `Notes` to leave it unread",
                cohort_headings(missing, "or")
            )),
            OutsideFunction => Said::new(
                "code outside any function: a rule runs only inside its `before_solve` and \
                 `after_solve` functions, district by district, and a line outside them has no \
                 place to run",
            )
            .hint(
                "move this line into a function, e.g. into `fn before_solve(district, \
                 scenario) { ... }`; a fixed value the rule uses can be written under the \
                 scenario's `[params]` and read with `scenario.param(\"name\")`",
            ),
            NeverRuns { name, hook } => Said::new(format!(
                "the function `{name}` never runs: only `before_solve` and \
                 `after_solve` are called, and nothing calls `{name}`"
            ))
            .hint(did_you_mean_en(hook)),
            Assigned { name, on } => Said::new(format!(
                "cannot assign `{name}`: the {}'s data are read-only",
                if *on == On::District {
                    "district"
                } else {
                    "scenario"
                }
            ))
            .hint(
                "a rule acts on the plan through functions: `mandate`, `add_installs`, \
                 `set_productivity`, `min_teams`, `max_teams`, `min_rate`, `directive`",
            ),
            NeedsParentheses { name, signature } => {
                Said::new(format!("`{name}` is a function"))
                    .hint(format!("write `{name}{signature}`"))
            }
            NotAFunction { name } => {
                Said::new(format!("`{name}` is a field, not a function"))
                    .hint(format!("write `{name}` without `()`"))
            }
            OwnMethodArguments { name, takes } => Said::new(format!(
                "the rule's function `{name}` takes {takes} argument{}; called as \
                 `x.{name}(...)`, `x` is not one of them",
                plural(*takes)
            ))
            .hint(format!("write `{name}(x, ...)`")),
            OwnArguments { name, takes, given } => Said::new(format!(
                "the rule's function `{name}` takes {takes} argument{}, not {given}",
                plural(*takes)
            ))
            .hint(format!(
                "give it {takes} value{}, in the order of the parameters on its `fn {name}(...)` line",
                plural(*takes)
            )),
            Arguments { name, given } => Said::new(format!(
                "the function `{name}` does not take {given} argument{} here",
                plural(*given)
            ))
            .hint("docs/rules.md lists the rules' functions and their arguments"),
            Withheld { name, what } => what.en(name),
            NoFunction { name, close } => {
                let said = Said::new(format!("there is no function `{name}`"));
                match close {
                    Some(close) => said.hint(did_you_mean_en(close)),
                    None => said.hint(format!(
                        "define it in this rule file, `fn {name}(...) {{ ... }}`, or fix the \
                         name (docs/rules.md lists the functions a rule can call)"
                    )),
                }
            }
            NumberWithText { text, op } => {
                let shown = text
                    .as_ref()
                    .map_or_else(String::new, |t| format!(" \"{t}\""));
                let result = match op.as_str() {
                    "==" => " (the answer would always be false)",
                    "!=" => " (the answer would always be true)",
                    _ => "",
                };
                Said::new(format!(
                    "comparing a number with a text{shown} by `{op}`{result}"
                ))
                .hint(QUOTED_NUMBER.1)
            }
            NoField { on, name, close } => {
                Said::new(format!("{} has no field `{name}`", on_en(*on)))
                    .hint(member_hint_en(*on, close))
            }
            NoMethod { on, name, close } => {
                Said::new(format!("{} has no function `{name}`", on_en(*on)))
                    .hint(member_hint_en(*on, close))
            }
            WrongHook {
                name,
                solve,
                scope,
                from,
            } => {
                let when = match solve {
                    Solve::Before => "before the solve",
                    Solve::After => "after the solve",
                };
                let place = match from {
                    None => format!("in `{scope}`"),
                    Some(from) => format!("in the function `{scope}`, which `{from}` calls"),
                };
                Said::new(format!(
                    "`{name}` can only be used {when}, but here it is {place}"
                ))
                .hint(format!(
                    "move this line into `fn {}(district, scenario)`",
                    solve.hook()
                ))
            }
            ApiArguments {
                name,
                signature,
                takes,
                given,
            } => {
                let one = takes.as_slice() == [1];
                let takes = takes
                    .iter()
                    .map(usize::to_string)
                    .collect::<Vec<_>>()
                    .join(" / ");
                Said::new(format!(
                    "`{name}` takes {takes} argument{} `{name}{signature}`, not {given}",
                    if one { "" } else { "s" }
                ))
                .hint(format!("write it as `{name}{signature}`"))
            }
            ArgumentType {
                name,
                signature,
                index,
                want,
                got,
            } => Said::new(format!(
                "`{name}`: the {} argument must be {}, not {}",
                nth_en(*index),
                want.words().1,
                got.map_or("another value", Shape::en)
            ))
            .hint(format!("write it as `{name}{signature}`")),
            NoCohort {
                function,
                cohort,
                cohorts,
            } => {
                Said::new(format!("`{function}`: there is no cohort `{cohort}`")).hint(cohorts.en())
            }
            NoTeamKind {
                function,
                kind,
                kinds,
            } => Said::new(format!(
                "`{function}`: the scenario has no team kind `{kind}`"
            ))
            .hint(kinds.en()),
            AmbiguousDistrict {
                function,
                name,
                candidates,
            } => super::host::ambiguous_district(crate::text::Lang::En, function, name, candidates),
            NoDistrict {
                function,
                name,
                close,
            } => Said::new(format!(
                "`scenario.{function}`: the scenario has no district named \"{name}\": the call would give () and the rule do nothing with this name"
            ))
            .hint(match close.first() {
                Some(first) => format!(
                    "did you mean \"{first}\"? (the closest names: {})",
                    crate::text::quoted_list(close)
                ),
                None => "write the name of one of the scenario's districts".to_string(),
            }),
            DirectiveEntry { name, close } => Said::new(format!(
                "`directive`: a directive has no entry `{name}`"
            ))
            .hint(match close {
                Some(close) => did_you_mean_en(close),
                None => format!("a directive's entries are: {}", directive_entries()),
            }),
            DirectiveEntryType { name, want, got } => Said::new(format!(
                "`directive`: the entry `{name}` must be {}, not {}",
                want.map_or("", Shape::en),
                got.map_or("", Shape::en)
            ))
            .hint(
                "for example: `directive(#{ action: \"...\", unit: \"...\", priority: 1, \
                 expected_installs: 120.0, with_teams: true })`; numbers go without quotes",
            ),
            DirectiveLacks { key } => Said::new(format!(
                "`directive`: the directive lacks the entry `{key}`"
            ))
            .hint("a directive needs at least `action` (what to do) and `unit` (who does it)"),
            InParam {
                rule,
                lines,
                problem,
            } => {
                let said = problem.en();
                Said {
                    problem: format!(
                        "{} (the rule `{rule}` reads this value and uses it on its {} {})",
                        said.problem,
                        if lines.len() == 1 { "line" } else { "lines" },
                        lines_list(lines, "and")
                    ),
                    hint: said.hint,
                }
            }
        }
    }
}

/// Cohorts as a message lists them: `students`, `testing`.
fn cohort_list(cohorts: &[String]) -> String {
    cohorts
        .iter()
        .map(|c| format!("`{c}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The headings a column of each cohort may have: `students` (or `Học sinh`), joined by `or`.
fn cohort_headings(cohorts: &[String], or: &str) -> String {
    cohorts
        .iter()
        .map(|c| match c.as_str() {
            "students" => format!("`students` ({or} `Học sinh`)"),
            "quarantine" => format!("`quarantine` ({or} `Cách ly`)"),
            "testing" => format!("`testing` ({or} `Xét nghiệm`)"),
            _ => format!("`{c}`"),
        })
        .collect::<Vec<_>>()
        .join(&format!(" {or} "))
}
