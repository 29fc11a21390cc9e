//! What a host function refuses while a rule runs. The checker finds some of them before the
//! rule runs, and says them in the same words.

use super::super::limits::{
    MAX_ACTIONS_PER_CALL, MAX_ACTIONS_PER_DISTRICT, MAX_DIRECTIVES_PER_CALL, MAX_NAME_CHARS,
    MAX_PRODUCTIVITY, MAX_READS_PER_CALL, MAX_TEXT_PER_DISTRICT, MAX_TEXT_TOTAL,
};
use super::super::lists::PREDICATES;
use super::{Declared, QUOTED_NUMBER, did_you_mean_en, did_you_mean_vi};
use crate::diagnostic::{Message, Said};
use crate::number::{count, decimal, places_needed};
use crate::text::Lang;

/// `rule `a`, `b`` / `quy tắc `a`, `b``: the rules whose directives are meant.
fn rule_list(lang: Lang, rules: &[String]) -> String {
    let names = rules
        .iter()
        .map(|r| format!("`{r}`"))
        .collect::<Vec<_>>()
        .join(", ");
    match (lang, rules.len()) {
        (Lang::Vi, _) => format!("quy tắc {names}"),
        (Lang::En, 1) => format!("rule {names}"),
        (Lang::En, _) => format!("rules {names}"),
    }
}

/// A number a rule gave, as people write it: `-569,07` / `-569.07`, at most 4 decimals;
/// `NaN`, infinity in words, and a number past a thousand billion as a power of ten.
fn figure(lang: Lang, value: f64) -> String {
    if value.is_nan() {
        return "NaN".to_string();
    }
    if value.is_infinite() {
        let words = lang.pick("vô cực", "infinity");
        return if value < 0.0 {
            format!("-{words}")
        } else {
            words.to_string()
        };
    }
    if value.abs() >= 1e15 {
        let exponent = value.abs().log10().floor();
        let mantissa = value / 10f64.powf(exponent);
        return format!(
            "{} × 10^{exponent}",
            decimal(lang, mantissa, places_needed(mantissa, 3))
        );
    }
    decimal(lang, value, places_needed(value, 4))
}

/// What to do about a negative value given as `input`.
fn negative_hint(input: Input, lang: Lang) -> &'static str {
    match input {
        Input::Installs => lang.pick(
            "số lượt cài thêm không thể âm: kiểm tra công thức tính ra nó (có phép trừ nào bị \
             đảo hai vế không?), hoặc bỏ qua huyện đó bằng `if n > 0.0 { ... }`",
            "added installs cannot be negative: check the formula that gives it (a subtraction \
             the wrong way round?), or leave the district out with `if n > 0.0 { ... }`",
        ),
        _ => lang.pick(
            "kiểm tra công thức tính ra giá trị này (có phép trừ nào bị đảo hai vế không?)",
            "check the formula that gives this value (a subtraction the wrong way round?)",
        ),
    }
}

/// What a host function refuses a rule: an action at the wrong time, a name the scenario does
/// not have, a value out of range. It travels through Rhai as the value of a runtime error.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum HostProblem {
    /// `function` names a team kind the scenario does not have.
    NoTeamKind {
        function: &'static str,
        name: String,
        kinds: Declared,
    },
    /// An action that shapes the plan, in `after_solve`.
    BeforeOnly { function: &'static str },
    /// A figure of the plan, read in `before_solve`.
    AfterOnly { what: &'static str },
    /// `mandate`'s share is not in [0, 1].
    Share { share: f64 },
    /// `mandate` names a cohort no district has.
    NoCohort { cohort: String, cohorts: Declared },
    /// `set_productivity`'s multiplier is 0 or less.
    Multiplier { multiplier: f64 },
    /// `set_productivity`'s multiplier is above [`MAX_PRODUCTIVITY`].
    MultiplierAboveMax { multiplier: f64 },
    /// `add_installs` gives more installs than the district has smartphones.
    InstallsAboveSmartphones { installs: f64, smartphones: f64 },
    /// `min_teams` asks for more teams of a local kind than the district has.
    AboveLocalTeams {
        kind: String,
        teams: u32,
        asked: u32,
    },
    /// `min_rate`'s rate is not in [0, 1].
    Rate { rate: f64 },
    /// `with_teams` on a directive made before the solve.
    WithTeamsBefore,
    /// A directive has an entry it does not read; `close` is one it reads that this may be a
    /// typing mistake for, `known` every entry it reads.
    UnknownEntry {
        key: String,
        close: Option<String>,
        known: &'static [&'static str],
    },
    /// A directive lacks an entry it needs.
    MissingEntry { key: &'static str },
    /// A directive's `priority` is 0.
    Priority,
    /// A directive's `with_teams` is not true or false.
    WithTeamsNotBool,
    /// `function` names a provincial kind where a local kind is needed. The checker, which
    /// knows the scenario, lists the local kinds (`locals`); the host points to
    /// `scenario.local_kinds()`.
    Provincial {
        function: String,
        kind: String,
        locals: Option<Declared>,
    },
    /// `function` reads a `[params]` key the scenario does not have; `close` is a key it has
    /// that this may be a typing mistake for, `file` the scenario file when known.
    NoParam {
        function: String,
        key: String,
        close: Option<String>,
        file: Option<String>,
    },
    /// A number compared with a text by `op`.
    CompareText { op: String },
    /// A value the rule passed.
    Value(ValueProblem),
    /// The function a rule gave `function` (`sort`, `dedup`, `filter`) answered `got`: an order (a
    /// number or true/false) is wanted when `wants_order`, else true/false.
    CallbackResult {
        function: &'static str,
        got: Option<Shape>,
        wants_order: bool,
    },
    /// More than [`MAX_DIRECTIVES_PER_CALL`] directives from one hook call.
    TooManyDirectives,
    /// More than [`MAX_ACTIONS_PER_CALL`] actions from one hook call; `function` is the one
    /// past the limit.
    TooManyActions { function: &'static str },
    /// More than [`MAX_ACTIONS_PER_DISTRICT`] actions on one district from all rules.
    DistrictActions { function: &'static str },
    /// `function`'s texts would take the district's directive texts and reasons past
    /// [`MAX_TEXT_PER_DISTRICT`] characters.
    DistrictText { function: &'static str },
    /// `function`'s texts would take the evaluation's directive texts and reasons past
    /// [`MAX_TEXT_TOTAL`] characters.
    TotalText { function: &'static str },
    /// A cohort name (or, for `district_named` and `closest_districts`, a district's name) of
    /// `chars` characters, more than [`MAX_NAME_CHARS`].
    LongName {
        function: &'static str,
        chars: usize,
    },
    /// A hook call reading more than [`MAX_READS_PER_CALL`] different things.
    TooManyReads { function: &'static str },
    /// `scenario.district_named` (`function`) of a name (`name`, as written) that two or more
    /// districts share once the unit word is set aside (a city and a huyện both "Lạng Sơn"):
    /// `candidates`, their names in full (trial 13 H8: the call gave `()`).
    AmbiguousDistrict {
        function: &'static str,
        name: String,
        candidates: Vec<String>,
    },
}

/// Candidates named in [`HostProblem::AmbiguousDistrict`], at most; past it, how many more.
const AMBIGUOUS_SHOWN: usize = 8;

/// The words of [`HostProblem::AmbiguousDistrict`] (and of the checker's problem of the same
/// call written in the rule).
pub(crate) fn ambiguous_district(
    lang: Lang,
    function: &str,
    name: &str,
    candidates: &[String],
) -> Said {
    let shown = crate::text::quoted_list(candidates.iter().take(AMBIGUOUS_SHOWN));
    let more = candidates.len().saturating_sub(AMBIGUOUS_SHOWN);
    let n = count(lang, candidates.len() as f64);
    let example = candidates.first().map_or(name, String::as_str);
    match lang {
        Lang::Vi => {
            let more = if more > 0 {
                format!(" và {} đơn vị khác", count(lang, more as f64))
            } else {
                String::new()
            };
            Said::new(format!(
                "`scenario.{function}`: \"{name}\" là tên của {n} đơn vị của kịch bản ({shown}{more}) \
                 nên không biết quy tắc muốn nói đơn vị nào"
            ))
            .hint(format!(
                "ghi đầy đủ tên, cả loại đơn vị, ví dụ `scenario.{function}(\"{example}\")`"
            ))
        }
        Lang::En => {
            let more = if more > 0 {
                format!(" and {} more", count(lang, more as f64))
            } else {
                String::new()
            };
            Said::new(format!(
                "`scenario.{function}`: \"{name}\" is the name of {n} of the scenario's units \
                 ({shown}{more}), so which one the rule means is not known"
            ))
            .hint(format!(
                "write the full name, unit word and all, e.g. `scenario.{function}(\"{example}\")`"
            ))
        }
    }
}

impl From<ValueProblem> for HostProblem {
    fn from(problem: ValueProblem) -> HostProblem {
        HostProblem::Value(problem)
    }
}

impl Message for HostProblem {
    fn vi(&self) -> Said {
        use HostProblem::*;
        match self {
            NoTeamKind {
                function,
                name,
                kinds,
            } => Said::new(format!("`{function}`: không có loại tổ/đội `{name}`")).hint(kinds.vi()),
            BeforeOnly { function } => Said::new(format!(
                "`{function}` chỉ đặt được trước khi lập kế hoạch (trong `fn before_solve`), \
                 không phải trong `fn after_solve`"
            ))
            .hint(format!(
                "chuyển lời gọi `{function}` vào `fn before_solve(district, scenario)`"
            )),
            AfterOnly { what } => Said::new(format!(
                "`{what}` chỉ có sau khi lập kế hoạch: dùng nó trong `fn after_solve`, không \
                 phải trong `fn before_solve`"
            ))
            .hint(format!(
                "chuyển phần dùng `{what}` vào `fn after_solve(district, scenario)`"
            )),
            Share { share } => Said::new(format!(
                "`mandate`: tỷ lệ phải từ 0 đến 1 (ví dụ 0.95 là 95%), không phải {}",
                figure(Lang::Vi, *share)
            ))
            .hint(
                "ghi tỷ lệ dưới dạng số thập phân từ 0 đến 1 (95% là 0.95); kiểm tra phép tính \
                 hoặc giá trị trong mục [params]",
            ),
            NoCohort { cohort, cohorts } => Said::new(format!(
                "`mandate`: không huyện nào có nhóm đối tượng `{cohort}`"
            ))
            .hint(cohorts.vi()),
            Multiplier { multiplier } => Said::new(format!(
                "`set_productivity`: hệ số phải lớn hơn 0 (1 là bình thường), không phải {}",
                figure(Lang::Vi, *multiplier)
            ))
            .hint(
                "hệ số là năng suất so với bình thường: 0,5 là một nửa, 1 là như cũ; để huyện \
                 không dùng một loại tổ, đội, viết `district.max_teams(kind, 0)` thay cho hệ số 0",
            ),
            MultiplierAboveMax { multiplier } => Said::new(format!(
                "`set_productivity`: hệ số là {}, lớn hơn mức cho phép ({}: một tổ, đội làm \
                 nhiều nhất gấp {} lần bình thường)",
                figure(Lang::Vi, *multiplier),
                figure(Lang::Vi, MAX_PRODUCTIVITY),
                figure(Lang::Vi, MAX_PRODUCTIVITY)
            ))
            .hint(
                "hệ số là năng suất so với bình thường: 0,5 là một nửa, 1 là như cũ, 2 là gấp đôi; \
                 kiểm tra phép tính hoặc giá trị trong mục [params]",
            ),
            InstallsAboveSmartphones {
                installs,
                smartphones,
            } => Said::new(format!(
                "`add_installs`: {} lượt cài, nhiều hơn số thuê bao smartphone của huyện ({})",
                figure(Lang::Vi, *installs),
                count(Lang::Vi, *smartphones)
            ))
            .hint(
                "một huyện không thể có nhiều lượt cài hơn số smartphone: kiểm tra phép tính \
                 hoặc giá trị trong mục [params]",
            ),
            AboveLocalTeams { kind, teams, asked } => Said::new(format!(
                "`min_teams`: huyện chỉ có {teams} tổ `{kind}`, không thể yêu cầu ít nhất {asked}"
            ))
            .hint(format!(
                "dùng `district.local_teams(\"{kind}\")` để biết số tổ của huyện"
            )),
            Rate { rate } => Said::new(format!(
                "`min_rate`: tỷ lệ phải từ 0 đến 1 (ví dụ 0.35 là 35%), không phải {}",
                figure(Lang::Vi, *rate)
            ))
            .hint(
                "ghi tỷ lệ dưới dạng số thập phân từ 0 đến 1 (35% là 0.35); kiểm tra phép tính \
                 hoặc giá trị trong mục [params]",
            ),
            WithTeamsBefore => Said::new(
                "`directive`: `with_teams` chỉ dùng được sau khi lập kế hoạch (trong `fn after_solve`)",
            )
            .hint(
                "bỏ `with_teams` khỏi chỉ đạo này, hoặc chuyển chỉ đạo vào `fn \
                 after_solve(district, scenario)`, khi số tổ, đội đã được lập",
            ),
            UnknownEntry { key, close, known } => {
                Said::new(format!("`directive`: không có mục `{key}`")).hint(match close {
                    Some(close) => did_you_mean_vi(close),
                    None => format!("các mục có thể dùng: {}", known.join(", ")),
                })
            }
            MissingEntry { key } => Said::new(format!("`directive`: thiếu mục `{key}`"))
                .hint("ví dụ: directive(#{ action: \"...\", unit: \"...\" })"),
            Priority => Said::new("`directive`: mục `priority` phải từ 1 (gấp nhất) trở lên")
                .hint(
                    "ghi một số nguyên: `priority: 1` là gấp nhất, 2 là bình thường (khi bỏ \
                     trống), 3 là ít gấp hơn",
                ),
            WithTeamsNotBool => Said::new("`directive`: mục `with_teams` phải là true hoặc false")
                .hint("viết `with_teams: true` (không có dấu ngoặc kép), hoặc bỏ mục này"),
            Provincial {
                function,
                kind,
                locals,
            } => Said::new(format!(
                "`{function}`: `{kind}` là đội cấp tỉnh, không đóng tại huyện"
            ))
            .hint(match locals {
                Some(locals) => locals.vi(),
                None => "`scenario.local_kinds()` cho danh sách các loại tổ tại chỗ".to_string(),
            }),
            NoParam {
                function,
                key,
                close,
                file,
            } => Said::new(format!(
                "`{function}`: mục [params] của kịch bản không có `{key}`"
            ))
            .hint(match close {
                Some(close) => crate::diagnostic::did_you_mean_either_vi(key, close),
                None => format!(
                    "thêm `{key} = ...` vào mục [params] của {}, hoặc sửa tên trong quy tắc",
                    file.as_deref().unwrap_or("tệp kịch bản")
                ),
            }),
            CompareText { op } => Said::new(format!(
                "không thể so sánh một số với một đoạn chữ (`{op}`); {}",
                QUOTED_NUMBER.0
            ))
            .hint(
                "so sánh hai số với nhau: bỏ dấu ngoặc kép quanh con số, hoặc đổi đoạn chữ thành \
                 số bằng `parse_float(...)`",
            ),
            Value(problem) => problem.vi(),
            CallbackResult {
                function,
                got,
                wants_order,
            } => {
                let got = got.map_or("một giá trị khác", Shape::vi);
                if *wants_order {
                    Said::new(format!(
                        "`{function}`: hàm so sánh phải trả về một số (âm: a đứng trước, 0: bằng \
                         nhau, dương: b đứng trước) hoặc true/false (true: a đứng trước), không \
                         phải {got}"
                    ))
                    .hint("ví dụ: `list.sort(|a, b| if a.rate < b.rate { -1 } else if a.rate > b.rate { 1 } else { 0 })`")
                } else if *function == "filter" {
                    Said::new(format!(
                        "`filter`: hàm lọc phải trả về true (giữ) hoặc false (bỏ), không phải {got}"
                    ))
                    .hint("ví dụ: `scenario.districts().filter(|d| d.rate < 0.3)`")
                } else if PREDICATES.contains(function) {
                    Said::new(format!(
                        "`{function}`: hàm điều kiện phải trả về true hoặc false, không phải {got}"
                    ))
                    .hint(format!("viết một phép so sánh, ví dụ: `list.{function}(|d| d.rate < 0.3)`"))
                } else {
                    Said::new(format!(
                        "`{function}`: hàm so sánh phải trả về true hoặc false, không phải {got}"
                    ))
                    .hint("ví dụ: `list.dedup(|a, b| a.name == b.name)`")
                }
            }
            TooManyDirectives => Said::new(format!(
                "`directive`: một quy tắc chỉ đưa được tối đa {} chỉ đạo cho một huyện trong một \
                 lần chạy `before_solve` hay `after_solve`",
                count(Lang::Vi, MAX_DIRECTIVES_PER_CALL as f64)
            ))
            .hint(
                "gộp các chỉ đạo cùng loại thành một (một chỉ đạo có thể nêu nhiều việc), hoặc \
                 xem vòng lặp nào gọi `district.directive` nhiều lần",
            ),
            TooManyActions { function } => Said::new(format!(
                "`{function}`: một quy tắc chỉ gọi được tối đa {} lệnh (`mandate`, \
                 `add_installs`, `set_productivity`, `min_teams`, `max_teams`, `min_rate`, \
                 `directive`) cho một huyện trong một lần chạy `before_solve` hay `after_solve`",
                count(Lang::Vi, MAX_ACTIONS_PER_CALL as f64)
            ))
            .hint(format!(
                "mỗi lệnh được ghi lại trong phần truy vết của kế hoạch; xem vòng lặp nào gọi \
                 `{function}` nhiều lần: gọi một lần với giá trị cuối cùng là đủ"
            )),
            DistrictActions { function } => Said::new(format!(
                "`{function}`: các quy tắc đã gọi quá {} lệnh cho huyện này (tính mọi quy tắc, \
                 trước và sau khi lập kế hoạch)",
                count(Lang::Vi, MAX_ACTIONS_PER_DISTRICT as f64)
            ))
            .hint(
                "mỗi lệnh được ghi lại trong phần truy vết của kế hoạch; xem quy tắc nào lặp lại \
                 các lệnh của nó, hoặc có quá nhiều quy tắc trong `rules = [...]`",
            ),
            DistrictText { function } => Said::new(format!(
                "`{function}`: các quy tắc đã đưa cho huyện này quá {} ký tự nội dung chỉ đạo và \
                 lý do (tính mọi quy tắc, trước và sau khi lập kế hoạch, cả tiếng Việt và tiếng Anh)",
                count(Lang::Vi, MAX_TEXT_PER_DISTRICT as f64)
            ))
            .hint("chỉ đạo nên ngắn gọn: rút ngắn nội dung, gộp các chỉ đạo trùng nhau, hoặc \
                   để phần chi tiết trong văn bản kèm theo"),
            TotalText { function } => Said::new(format!(
                "`{function}`: các quy tắc đã đưa quá {} ký tự nội dung chỉ đạo và lý do cho cả \
                 kế hoạch",
                count(Lang::Vi, MAX_TEXT_TOTAL as f64)
            ))
            .hint("rút ngắn nội dung chỉ đạo của các quy tắc, hoặc lập kế hoạch riêng cho từng \
                   phần của tỉnh (mỗi phần một kịch bản)"),
            AmbiguousDistrict {
                function,
                name,
                candidates,
            } => ambiguous_district(Lang::Vi, function, name, candidates),
            LongName { function, chars } if function.contains("district") => Said::new(format!(
                "`scenario.{function}`: tên huyện được đưa vào dài {} ký tự; tên huyện dài tối \
                 đa {} ký tự",
                count(Lang::Vi, *chars as f64),
                count(Lang::Vi, MAX_NAME_CHARS as f64)
            ))
            .hint(format!(
                "đưa vào tên một huyện của kịch bản, ví dụ `scenario.{function}(\"Hữu Lũng\")`"
            )),
            LongName { function, chars } => Said::new(format!(
                "`{function}`: tên nhóm đối tượng dài {} ký tự, tối đa {}",
                count(Lang::Vi, *chars as f64),
                count(Lang::Vi, MAX_NAME_CHARS as f64)
            ))
            .hint(
                "nhóm đối tượng là số người của một nhóm trong huyện, ghi trong `[[district]]` \
                 (`students = 9000`) hoặc là một cột của bảng số liệu; quy tắc cần ghi tên một \
                 nhóm như vậy, ví dụ \"students\"",
            ),
            TooManyReads { function } => Said::new(format!(
                "`{function}`: một lần chạy của quy tắc chỉ đọc được tối đa {} giá trị khác nhau \
                 (mỗi giá trị được ghi lại trong phần truy vết)",
                count(Lang::Vi, MAX_READS_PER_CALL as f64)
            ))
            .hint(format!(
                "xem vòng lặp nào gọi `{function}` với nhiều tên khác nhau"
            )),
        }
    }

    fn en(&self) -> Said {
        use HostProblem::*;
        match self {
            NoTeamKind {
                function,
                name,
                kinds,
            } => Said::new(format!("`{function}`: there is no team kind `{name}`")).hint(kinds.en()),
            BeforeOnly { function } => Said::new(format!(
                "`{function}` can only be set before the solve (in `fn before_solve`), not in \
                 `fn after_solve`"
            ))
            .hint(format!(
                "move the call of `{function}` into `fn before_solve(district, scenario)`"
            )),
            AfterOnly { what } => Said::new(format!(
                "`{what}` is only known after the solve: use it in `fn after_solve`, not in \
                 `fn before_solve`"
            ))
            .hint(format!(
                "move what uses `{what}` into `fn after_solve(district, scenario)`"
            )),
            Share { share } => Said::new(format!(
                "`mandate`: the share must be between 0 and 1 (0.95 is 95%), not {}",
                figure(Lang::En, *share)
            ))
            .hint(
                "write the share as a decimal number from 0 to 1 (95% is 0.95); check the \
                 computation or the value in [params]",
            ),
            NoCohort { cohort, cohorts } => {
                Said::new(format!("`mandate`: no district has a cohort `{cohort}`"))
                    .hint(cohorts.en())
            }
            Multiplier { multiplier } => Said::new(format!(
                "`set_productivity`: the multiplier must be above 0 (1 is usual), not {}",
                figure(Lang::En, *multiplier)
            ))
            .hint(
                "the multiplier is the productivity against the usual: 0.5 is half, 1 the same; \
                 to give the district no team of a kind, write `district.max_teams(kind, 0)` \
                 instead of a multiplier of 0",
            ),
            MultiplierAboveMax { multiplier } => Said::new(format!(
                "`set_productivity`: the multiplier is {}, above the limit ({}: a team does at \
                 most {} times its usual work)",
                figure(Lang::En, *multiplier),
                figure(Lang::En, MAX_PRODUCTIVITY),
                figure(Lang::En, MAX_PRODUCTIVITY)
            ))
            .hint(
                "the multiplier is the productivity against the usual: 0.5 is half, 1 the same, \
                 2 double; check the arithmetic or the value in [params]",
            ),
            InstallsAboveSmartphones {
                installs,
                smartphones,
            } => Said::new(format!(
                "`add_installs`: {} installs, more than the district's smartphones ({})",
                figure(Lang::En, *installs),
                count(Lang::En, *smartphones)
            ))
            .hint(
                "a district cannot have more installs than smartphones: check the arithmetic \
                 or the value in [params]",
            ),
            AboveLocalTeams { kind, teams, asked } => Said::new(format!(
                "`min_teams`: the district has only {teams} `{kind}` teams, it cannot require at least {asked}"
            ))
            .hint(format!(
                "use `district.local_teams(\"{kind}\")` for the district's own teams"
            )),
            Rate { rate } => Said::new(format!(
                "`min_rate`: the rate must be between 0 and 1 (0.35 is 35%), not {}",
                figure(Lang::En, *rate)
            ))
            .hint(
                "write the rate as a decimal number from 0 to 1 (35% is 0.35); check the \
                 computation or the value in [params]",
            ),
            WithTeamsBefore => Said::new(
                "`directive`: `with_teams` only works after the solve (in `fn after_solve`)",
            )
            .hint(
                "leave `with_teams` out of this directive, or give the directive in `fn \
                 after_solve(district, scenario)`, once the teams are planned",
            ),
            UnknownEntry { key, close, known } => {
                Said::new(format!("`directive`: there is no entry `{key}`")).hint(match close {
                    Some(close) => did_you_mean_en(close),
                    None => format!("the known entries are: {}", known.join(", ")),
                })
            }
            MissingEntry { key } => Said::new(format!("`directive`: the entry `{key}` is missing"))
                .hint("for example: directive(#{ action: \"...\", unit: \"...\" })"),
            Priority => Said::new("`directive`: `priority` must be 1 (most urgent) or more")
                .hint(
                    "write a whole number: `priority: 1` is the most urgent, 2 is usual (when \
                     left out), 3 less urgent",
                ),
            WithTeamsNotBool => Said::new("`directive`: `with_teams` must be true or false")
                .hint("write `with_teams: true` (without quotes), or leave the entry out"),
            Provincial {
                function,
                kind,
                locals,
            } => Said::new(format!(
                "`{function}`: `{kind}` is a provincial kind, not stationed in districts"
            ))
            .hint(match locals {
                Some(locals) => locals.en(),
                None => "`scenario.local_kinds()` lists the local kinds".to_string(),
            }),
            NoParam {
                function,
                key,
                close,
                file,
            } => Said::new(format!(
                "`{function}`: the scenario's [params] has no `{key}`"
            ))
            .hint(match close {
                Some(close) => crate::diagnostic::did_you_mean_either_en(key, close),
                None => format!(
                    "add `{key} = ...` under [params] in {}, or fix the name in the rule",
                    file.as_deref().unwrap_or("the scenario file")
                ),
            }),
            CompareText { op } => Said::new(format!(
                "cannot compare a number with a text (`{op}`); {}",
                QUOTED_NUMBER.1
            ))
            .hint(
                "compare two numbers: take the quotes off the number, or turn the text into a \
                 number with `parse_float(...)`",
            ),
            Value(problem) => problem.en(),
            CallbackResult {
                function,
                got,
                wants_order,
            } => {
                let got = got.map_or("another kind of value", Shape::en);
                if *wants_order {
                    Said::new(format!(
                        "`{function}`: the comparison must give a number (negative: a first, 0: \
                         equal, positive: b first) or true/false (true: a first), not {got}"
                    ))
                    .hint("for example: `list.sort(|a, b| if a.rate < b.rate { -1 } else if a.rate > b.rate { 1 } else { 0 })`")
                } else if *function == "filter" {
                    Said::new(format!(
                        "`filter`: the function must give true (keep) or false (leave out), not {got}"
                    ))
                    .hint("for example: `scenario.districts().filter(|d| d.rate < 0.3)`")
                } else if PREDICATES.contains(function) {
                    Said::new(format!(
                        "`{function}`: the function must give true or false, not {got}"
                    ))
                    .hint(format!("write a comparison, for example: `list.{function}(|d| d.rate < 0.3)`"))
                } else {
                    Said::new(format!(
                        "`{function}`: the comparison must give true or false, not {got}"
                    ))
                    .hint("for example: `list.dedup(|a, b| a.name == b.name)`")
                }
            }
            TooManyDirectives => Said::new(format!(
                "`directive`: a rule may give one district at most {} directives in one run of \
                 `before_solve` or `after_solve`",
                count(Lang::En, MAX_DIRECTIVES_PER_CALL as f64)
            ))
            .hint(
                "merge directives of one kind into one (a directive can name several tasks), or \
                 look for a loop that calls `district.directive` again and again",
            ),
            TooManyActions { function } => Said::new(format!(
                "`{function}`: a rule may call at most {} actions (`mandate`, `add_installs`, \
                 `set_productivity`, `min_teams`, `max_teams`, `min_rate`, `directive`) on one \
                 district in one run of `before_solve` or `after_solve`",
                count(Lang::En, MAX_ACTIONS_PER_CALL as f64)
            ))
            .hint(format!(
                "each action is kept in the plan's trace; look for a loop that calls \
                 `{function}` again and again: one call with the final value is enough"
            )),
            DistrictActions { function } => Said::new(format!(
                "`{function}`: the rules have taken more than {} actions on this district (all \
                 rules, before and after the solve)",
                count(Lang::En, MAX_ACTIONS_PER_DISTRICT as f64)
            ))
            .hint(
                "each action is kept in the plan's trace; look for the rule that repeats its \
                 actions, or for too many rules in `rules = [...]`",
            ),
            DistrictText { function } => Said::new(format!(
                "`{function}`: the rules have given this district more than {} characters of \
                 directive texts and reasons (all rules, before and after the solve, Vietnamese \
                 and English together)",
                count(Lang::En, MAX_TEXT_PER_DISTRICT as f64)
            ))
            .hint("keep directives short: shorten the texts, merge directives that repeat each \
                   other, or put the details in an attached document"),
            TotalText { function } => Said::new(format!(
                "`{function}`: the rules have given more than {} characters of directive texts \
                 and reasons over the whole plan",
                count(Lang::En, MAX_TEXT_TOTAL as f64)
            ))
            .hint("shorten the rules' directive texts, or plan each part of the province on its \
                   own (one scenario per part)"),
            AmbiguousDistrict {
                function,
                name,
                candidates,
            } => ambiguous_district(Lang::En, function, name, candidates),
            LongName { function, chars } if function.contains("district") => Said::new(format!(
                "`scenario.{function}`: the name given has {} characters; a district's name has \
                 at most {}",
                count(Lang::En, *chars as f64),
                count(Lang::En, MAX_NAME_CHARS as f64)
            ))
            .hint(format!(
                "give it the name of one of the scenario's districts, e.g. \
                 `scenario.{function}(\"Hữu Lũng\")`"
            )),
            LongName { function, chars } => Said::new(format!(
                "`{function}`: the cohort name has {} characters, at most {}",
                count(Lang::En, *chars as f64),
                count(Lang::En, MAX_NAME_CHARS as f64)
            ))
            .hint(
                "a cohort is a district's head count, written in `[[district]]` (`students = \
                 9000`) or as a column of the coverage table; the rule should name one of them, \
                 e.g. \"students\"",
            ),
            TooManyReads { function } => Said::new(format!(
                "`{function}`: one run of a rule may read at most {} different values (each is \
                 kept in the trace)",
                count(Lang::En, MAX_READS_PER_CALL as f64)
            ))
            .hint(format!(
                "look for a loop that calls `{function}` with many different names"
            )),
        }
    }
}

/// A value a rule passed to a host function that the function cannot take.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum ValueProblem {
    /// `got` is what it is instead, when the words know it.
    NotNumber {
        input: Input,
        got: Option<Shape>,
    },
    NotFinite {
        input: Input,
        value: f64,
    },
    Negative {
        input: Input,
        value: f64,
    },
    NotWhole {
        input: Input,
        value: f64,
    },
    /// A whole number above what the value can be (`limit`).
    TooLarge {
        input: Input,
        value: f64,
        limit: f64,
    },
    /// A directive's expected installs above the district's smartphones.
    AboveSmartphones {
        value: f64,
        smartphones: f64,
    },
    /// A directive's expected installs that, with those the district's earlier directives
    /// state (`promised`, by the rules `rules`), come to more than its smartphones without the
    /// app (`uninstalled`): the directives together would promise installs the district cannot
    /// give (MODEL.md § "Rules": each directive counts its own rule's installs).
    AbovePhonesLeft {
        value: f64,
        promised: f64,
        rules: Vec<String>,
        uninstalled: f64,
    },
    /// A blank text.
    Empty {
        input: Input,
    },
    NotText {
        input: Input,
        got: Option<Shape>,
    },
    /// A language code other than "vi" and "en", given to `function`.
    Lang {
        function: String,
        code: String,
    },
    /// A text of `chars` characters, more than `limit`.
    TooLong {
        input: Input,
        chars: usize,
        limit: usize,
    },
    /// A text holding `character`, which a reader cannot see or a terminal would act on, at
    /// character `position` (1-based); `around` is the text about it, escaped.
    Hidden {
        input: Input,
        position: usize,
        character: char,
        around: String,
    },
    /// A function value (`|x| x + 1`, `Fn("name")`) turned into text (`"Task " + f`,
    /// `` `${f}` ``, `f.to_string()`): the function, not its result (Rhai would write a
    /// closure as a name it makes up anew on every run; trial 13g K13).
    FunctionAsText {
        input: Input,
    },
}

impl Message for ValueProblem {
    fn vi(&self) -> Said {
        use ValueProblem::*;
        let got = |shape: &Option<Shape>| shape.map_or("một giá trị khác", Shape::vi);
        match self {
            NotNumber { input, got: shape } => Said::new(format!(
                "{} phải là một số, không phải {}",
                input.vi(),
                got(shape)
            ))
            .hint(
                "ghi một số, không có dấu ngoặc kép (ví dụ 0.95, 120); một giá trị lấy từ mục \
                 [params] cũng phải ghi là số ở đó",
            ),
            NotFinite { input, value } => Said::new(format!(
                "{} phải là một số hữu hạn, không phải {}",
                input.vi(),
                figure(crate::text::Lang::Vi, *value)
            ))
            .hint(
                "NaN (\"không phải số\") thường do chia 0 cho 0 (`0.0 / 0.0`), vô cực do chia \
                 cho 0.0: kiểm tra các phép chia trước dòng này, ví dụ `if n > 0.0 { ... }`",
            ),
            Negative { input, value } => Said::new(format!(
                "{} không được âm (đang là {})",
                input.vi(),
                figure(crate::text::Lang::Vi, *value)
            ))
            .hint(negative_hint(*input, crate::text::Lang::Vi)),
            NotWhole { input, value } => Said::new(format!(
                "{} phải là số nguyên, không phải {}",
                input.vi(),
                figure(crate::text::Lang::Vi, *value)
            ))
            .hint("làm tròn trước: `x.round().to_int()` (hoặc `x.floor()`, `x.ceiling()`)"),
            TooLarge {
                input,
                value,
                limit,
            } => Said::new(format!(
                "{} quá lớn: {}, tối đa {}",
                input.vi(),
                figure(crate::text::Lang::Vi, *value),
                count(crate::text::Lang::Vi, *limit)
            ))
            .hint(
                "kiểm tra phép tính ra số này ở dòng được chỉ hoặc trước đó (một phép nhân thừa, \
                 một số đọc nhầm đơn vị)",
            ),
            AboveSmartphones { value, smartphones } => Said::new(format!(
                "`directive`: mục `expected_installs` là {}, nhiều hơn số thuê bao smartphone \
                 của huyện ({})",
                figure(crate::text::Lang::Vi, *value),
                count(crate::text::Lang::Vi, *smartphones)
            ))
            .hint(
                "số lượt cài dự kiến của một chỉ đạo không vượt quá số smartphone của huyện: \
                 kiểm tra phép tính (thường là `district.mandated_installs`, \
                 `district.own_fixed_installs` hay `district.outreach_installs`)",
            ),
            AbovePhonesLeft {
                value,
                promised,
                rules,
                uninstalled,
            } if rules.is_empty() || *promised <= 0.0 => Said::new(format!(
                "`directive`: mục `expected_installs` là {}, nhiều hơn {} smartphone chưa cài \
                 ứng dụng của huyện",
                figure(crate::text::Lang::Vi, *value),
                count(crate::text::Lang::Vi, *uninstalled)
            ))
            .hint(
                "số lượt cài dự kiến của một chỉ đạo không vượt quá số smartphone chưa cài của \
                 huyện (`district.smartphones` tính cả máy đã cài): kiểm tra phép tính (thường \
                 là `district.own_mandated_installs`, `district.own_fixed_installs` hay \
                 `district.outreach_installs`)",
            ),
            AbovePhonesLeft {
                value,
                promised,
                rules,
                uninstalled,
            } => Said::new(format!(
                "`directive`: mục `expected_installs` là {}; cộng với {} lượt cài mà các chỉ đạo \
                 trước của huyện đã ghi ({}) là {}, nhiều hơn số smartphone chưa cài của huyện \
                 ({})",
                figure(crate::text::Lang::Vi, *value),
                count(crate::text::Lang::Vi, *promised),
                rule_list(crate::text::Lang::Vi, rules),
                count(crate::text::Lang::Vi, value + promised),
                count(crate::text::Lang::Vi, *uninstalled)
            ))
            .hint(
                "mỗi chỉ đạo chỉ ghi lượt cài của chính quy tắc mình: `district.own_fixed_installs`, \
                 `district.own_mandated_installs`, và `district.outreach_installs` cho chỉ đạo nêu \
                 các đội; `district.fixed_installs` và `district.mandated_installs` là của mọi quy \
                 tắc cộng lại",
            ),
            Empty { input } => Said::new(format!("{} không được để trống", input.vi())).hint(
                "ghi vào giữa hai dấu ngoặc kép một câu ngắn mà người đọc kế hoạch hiểu được, \
                 ví dụ `action: \"Tuyên truyền tại các trường học\"`",
            ),
            NotText { input, got: shape } => Said::new(format!(
                "{} phải là một đoạn chữ trong dấu ngoặc kép, không phải {}",
                input.vi(),
                got(shape)
            ))
            .hint(
                "ghi đoạn chữ trong dấu ngoặc kép; để đưa một số vào câu, dùng \
                 `fmt_count(số, \"vi\")` hoặc `fmt_percent(tỷ_lệ, \"vi\")`",
            ),
            Lang { function, code } => Said::new(format!(
                "`{function}`: ngôn ngữ phải là \"vi\" hoặc \"en\", không phải \"{code}\""
            ))
            .hint(format!(
                "viết `{function}(x, \"vi\")` cho câu tiếng Việt, `{function}(x, \"en\")` cho \
                 câu tiếng Anh"
            )),
            TooLong {
                input,
                chars,
                limit,
            } => Said::new(format!(
                "{} dài {} ký tự, tối đa {}",
                input.vi(),
                count(crate::text::Lang::Vi, *chars as f64),
                count(crate::text::Lang::Vi, *limit as f64)
            ))
            .hint("viết ngắn gọn; phần chi tiết để trong văn bản kèm theo"),
            Hidden {
                input,
                position,
                character,
                around,
            } => Said::new(format!(
                "{} có một ký tự không nhìn thấy hoặc ký tự điều khiển (U+{:04X}, ký tự thứ \
                 {position} của \"{around}\")",
                input.vi(),
                u32::from(*character),
            ))
            .hint(
                "xoá ký tự đó (nó thường lẫn vào khi sao chép từ trang web hoặc Word); trong nội \
                 dung chỉ được xuống dòng (\\n) và tab (\\t)",
            ),
            FunctionAsText { input } => Said::new(format!(
                "{} chứa một hàm (như `|x| ...`), không phải kết quả của hàm",
                input.vi(),
            ))
            .hint(
                "gọi hàm để lấy kết quả rồi mới ghép vào nội dung, ví dụ `\"Việc \" + f.call(x)` \
                 thay cho `\"Việc \" + f`",
            ),
        }
    }

    fn en(&self) -> Said {
        use ValueProblem::*;
        let got = |shape: &Option<Shape>| shape.map_or("another kind of value", Shape::en);
        match self {
            NotNumber { input, got: shape } => Said::new(format!(
                "{} must be a number, not {}",
                input.en(),
                got(shape)
            ))
            .hint(
                "write a number, without quotes (e.g. 0.95, 120); a value taken from [params] \
                 must be written as a number there too",
            ),
            NotFinite { input, value } => Said::new(format!(
                "{} must be a finite number, not {}",
                input.en(),
                figure(crate::text::Lang::En, *value)
            ))
            .hint(
                "NaN (\"not a number\") usually comes from 0 divided by 0 (`0.0 / 0.0`), \
                 infinity from a division by 0.0: check the divisions before this line, e.g. \
                 `if n > 0.0 { ... }`",
            ),
            Negative { input, value } => Said::new(format!(
                "{} cannot be negative (it is {})",
                input.en(),
                figure(crate::text::Lang::En, *value)
            ))
            .hint(negative_hint(*input, crate::text::Lang::En)),
            NotWhole { input, value } => Said::new(format!(
                "{} must be a whole number, not {}",
                input.en(),
                figure(crate::text::Lang::En, *value)
            ))
            .hint("round it first: `x.round().to_int()` (or `x.floor()`, `x.ceiling()`)"),
            TooLarge {
                input,
                value,
                limit,
            } => Said::new(format!(
                "{} is too large: {}, at most {}",
                input.en(),
                figure(crate::text::Lang::En, *value),
                count(crate::text::Lang::En, *limit)
            ))
            .hint(
                "check the arithmetic that gives this number on this line or before it (a \
                 multiplication too many, a figure read in the wrong unit)",
            ),
            AboveSmartphones { value, smartphones } => Said::new(format!(
                "`directive`: `expected_installs` is {}, more than the district's smartphones \
                 ({})",
                figure(crate::text::Lang::En, *value),
                count(crate::text::Lang::En, *smartphones)
            ))
            .hint(
                "a directive cannot expect more installs than the district has smartphones: \
                 check the arithmetic (usually `district.mandated_installs`, \
                 `district.own_fixed_installs` or `district.outreach_installs`)",
            ),
            AbovePhonesLeft {
                value,
                promised,
                rules,
                uninstalled,
            } if rules.is_empty() || *promised <= 0.0 => Said::new(format!(
                "`directive`: `expected_installs` is {}, more than the district's {} \
                 smartphones without the app",
                figure(crate::text::Lang::En, *value),
                count(crate::text::Lang::En, *uninstalled)
            ))
            .hint(
                "a directive cannot expect more installs than the district has smartphones \
                 without the app (`district.smartphones` counts those with it too): check the \
                 arithmetic (usually `district.own_mandated_installs`, \
                 `district.own_fixed_installs` or `district.outreach_installs`)",
            ),
            AbovePhonesLeft {
                value,
                promised,
                rules,
                uninstalled,
            } => Said::new(format!(
                "`directive`: `expected_installs` is {}; with the {} installs the district's \
                 earlier directives state ({}) that is {}, more than the district's smartphones \
                 without the app ({})",
                figure(crate::text::Lang::En, *value),
                count(crate::text::Lang::En, *promised),
                rule_list(crate::text::Lang::En, rules),
                count(crate::text::Lang::En, value + promised),
                count(crate::text::Lang::En, *uninstalled)
            ))
            .hint(
                "each directive states its own rule's installs only: \
                 `district.own_fixed_installs`, `district.own_mandated_installs`, and \
                 `district.outreach_installs` for the directive that names the teams; \
                 `district.fixed_installs` and `district.mandated_installs` are every rule's \
                 together",
            ),
            Empty { input } => Said::new(format!("{} cannot be empty", input.en())).hint(
                "write between the quotes a short sentence the plan's readers understand, e.g. \
                 `action_en: \"Hold information sessions in the schools\"`",
            ),
            NotText { input, got: shape } => Said::new(format!(
                "{} must be a text in double quotes, not {}",
                input.en(),
                got(shape)
            ))
            .hint(
                "write the text in double quotes; to put a number in a sentence, use \
                 `fmt_count(number, \"en\")` or `fmt_percent(rate, \"en\")`",
            ),
            Lang { function, code } => Said::new(format!(
                "`{function}`: the language must be \"vi\" or \"en\", not \"{code}\""
            ))
            .hint(format!(
                "write `{function}(x, \"vi\")` for a Vietnamese sentence, `{function}(x, \"en\")` \
                 for an English one"
            )),
            TooLong {
                input,
                chars,
                limit,
            } => Said::new(format!(
                "{} has {} characters, at most {}",
                input.en(),
                count(crate::text::Lang::En, *chars as f64),
                count(crate::text::Lang::En, *limit as f64)
            ))
            .hint("keep it short; put the details in an attached document"),
            Hidden {
                input,
                position,
                character,
                around,
            } => Said::new(format!(
                "{} holds a character that cannot be seen or a control character (U+{:04X}, \
                 character {position} of \"{around}\")",
                input.en(),
                u32::from(*character),
            ))
            .hint(
                "delete it (such characters come in when copying from a web page or Word); a \
                 text may hold line breaks (\\n) and tabs (\\t) only",
            ),
            FunctionAsText { input } => Said::new(format!(
                "{} holds a function (such as `|x| ...`), not its result",
                input.en(),
            ))
            .hint(
                "call it and put its result in the text, e.g. `\"Task \" + f.call(x)` instead \
                 of `\"Task \" + f`",
            ),
        }
    }
}

/// Which value of which host function, as a message about it starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Input {
    /// `mandate`'s share.
    Share,
    /// `add_installs`'s installs.
    Installs,
    /// `set_productivity`'s multiplier.
    Multiplier,
    MinTeams,
    MaxTeams,
    /// `min_rate`'s rate.
    MinRate,
    /// An entry of a directive.
    Directive(&'static str),
    /// `add_installs`'s reason, in Vietnamese or (`english`) in English.
    Reason {
        english: bool,
    },
    /// `fmt_count`'s number.
    FmtCount,
    /// `fmt_percent`'s rate.
    FmtPercent,
    /// The text a rule throws.
    Thrown,
}

impl Input {
    fn vi(self) -> String {
        match self {
            Input::Share => "`mandate`: tỷ lệ".into(),
            Input::Installs => "`add_installs`: số lượt cài".into(),
            Input::Multiplier => "`set_productivity`: hệ số".into(),
            Input::MinTeams => "`min_teams`: số tổ/đội".into(),
            Input::MaxTeams => "`max_teams`: số tổ/đội".into(),
            Input::MinRate => "`min_rate`: tỷ lệ".into(),
            Input::Directive(key) => format!("`directive`: mục `{key}`"),
            Input::Reason { english: false } => "`add_installs`: lý do (tiếng Việt)".into(),
            Input::Reason { english: true } => "`add_installs`: lý do (tiếng Anh)".into(),
            Input::FmtCount => "`fmt_count`: số".into(),
            Input::FmtPercent => "`fmt_percent`: tỷ lệ".into(),
            Input::Thrown => "nội dung của `throw`".into(),
        }
    }

    fn en(self) -> String {
        match self {
            Input::Share => "`mandate`: the share".into(),
            Input::Installs => "`add_installs`: the installs".into(),
            Input::Multiplier => "`set_productivity`: the multiplier".into(),
            Input::MinTeams => "`min_teams`: the number of teams".into(),
            Input::MaxTeams => "`max_teams`: the number of teams".into(),
            Input::MinRate => "`min_rate`: the rate".into(),
            Input::Directive(key) => format!("`directive`: `{key}`"),
            Input::Reason { english: false } => "`add_installs`: the reason (Vietnamese)".into(),
            Input::Reason { english: true } => "`add_installs`: the reason (English)".into(),
            Input::FmtCount => "`fmt_count`: the count".into(),
            Input::FmtPercent => "`fmt_percent`: the rate".into(),
            Input::Thrown => "the text of `throw`".into(),
        }
    }
}

/// What kind of value a rule gave, in words a department reader knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    Number,
    Text,
    Bool,
    List,
    Map,
    Nothing,
    District,
    Scenario,
}

impl Shape {
    pub fn vi(self) -> &'static str {
        match self {
            Shape::Number => "một số",
            Shape::Text => "một đoạn chữ",
            Shape::Bool => "đúng/sai (true/false)",
            Shape::List => "một danh sách [ ... ]",
            Shape::Map => "một bảng #{ ... }",
            Shape::Nothing => "không có giá trị",
            Shape::District => "huyện (`district`)",
            Shape::Scenario => "kịch bản (`scenario`)",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            Shape::Number => "a number",
            Shape::Text => "a text",
            Shape::Bool => "true/false",
            Shape::List => "a list [ ... ]",
            Shape::Map => "a map #{ ... }",
            Shape::Nothing => "nothing",
            Shape::District => "the district (`district`)",
            Shape::Scenario => "the scenario (`scenario`)",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_a_rule_gave_is_shown_as_people_write_it() {
        assert_eq!(figure(Lang::Vi, -569.07), "-569,07");
        assert_eq!(figure(Lang::En, -569.07), "-569.07");
        assert_eq!(figure(Lang::Vi, 95.0), "95");
        assert_eq!(figure(Lang::Vi, 1.0 / 3.0), "0,3333");
        assert_eq!(figure(Lang::Vi, f64::NAN), "NaN");
        assert_eq!(figure(Lang::Vi, f64::NEG_INFINITY), "-vô cực");
        assert_eq!(figure(Lang::En, f64::INFINITY), "infinity");
        // past what a whole number prints: a power of ten, not a saturated figure
        assert_eq!(figure(Lang::Vi, -2.5e300), "-2,5 × 10^300");
        assert_eq!(figure(Lang::En, 1e15), "1 × 10^15");
    }
}
