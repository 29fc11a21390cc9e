//! What can be wrong with the scenario's own keys: its name, dates, objective, target and
//! shares, rules, and where its districts come from.

use super::Hint;
use crate::diagnostic::{Message, Said, did_you_mean_en, did_you_mean_vi};
use crate::limits::{DISTRICTS, RULE_FILES, RULES_BYTES};
use crate::model::{MAX_BUDGET, MAX_HORIZON_DAYS};
use crate::number;
use crate::text::Lang;

/// A problem with a key of the scenario's top level, `[target]` or `[response]`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum ScenarioProblem {
    EmptyName,
    /// The name has `chars` characters, more than [`crate::limits::SCENARIO_NAME_CHARS`]
    /// (trial 13g K12: a 9 MB name made an 18 MB page).
    NameTooLong {
        chars: usize,
    },
    /// The name holds a character a reader cannot see or a terminal would act on: the
    /// `code` point at character `position` of the name (`shown` with escapes).
    HiddenCharacter {
        shown: String,
        position: usize,
        code: u32,
    },
    NoTarget,
    /// `as_of` is a date and a time.
    DateWithTime,
    /// A date written year-month-day (`2020-02-30`, given by `--set` or in quotes) that does
    /// not exist: its month has `days` days (`month` is 1 to 12), or (`days` = 0) the month
    /// is not 1 to 12.
    NoSuchDate {
        written: String,
        year: i32,
        month: u32,
        days: u32,
    },
    /// `horizon_days` is below 1 (or too large to be a number of days); `written` as written.
    ShortHorizon {
        written: String,
    },
    /// `horizon_days` is above [`crate::model::MAX_HORIZON_DAYS`].
    LongHorizon {
        written: String,
    },
    /// `known` are the objectives, `close` one that `written` may be a typing mistake for.
    UnknownObjective {
        written: String,
        known: Vec<&'static str>,
        close: Option<&'static str>,
    },
    /// `budget` is below 0.
    Negative {
        written: String,
    },
    /// `budget` is above [`crate::model::MAX_BUDGET`].
    BudgetTooLarge {
        written: String,
    },
    /// Every team of every kind working every day would cost `most` đồng, above [`MAX_BUDGET`];
    /// `kind` costs the most of it (`kind_most`).
    SpendTooLarge {
        most: f64,
        kind: String,
        kind_most: f64,
        days: u32,
    },
    /// A share is not in (0, 1], or not in [0, 1] when `zero_ok`; `value` is the number read.
    NotShare {
        written: String,
        value: f64,
        zero_ok: bool,
    },
    /// The `rules` list names more than [`RULE_FILES`] files (folders' files counted), or
    /// files of more than [`RULES_BYTES`] together (`bytes`).
    TooManyRules {
        files: usize,
        bytes: u64,
    },
    /// More than [`DISTRICTS`] districts (`count`).
    TooManyDistricts {
        count: usize,
    },
    /// A path of `rules` names no rule; `folder` is the folder it is relative to, shown
    /// (`None`: a `--set`'s, relative to where the command runs).
    BadRulePath {
        path: RulePath,
        folder: Option<String>,
    },
    NoDistricts,
    /// One file has both `coverage` and `[[district]]` entries.
    CoverageAndDistricts,
    /// `sheet = ...` (a coverage workbook's sheet) in a scenario without `coverage`.
    SheetWithoutCoverage,
    /// Two files of `rules` (`first`, `second`, as shown) hold the same text: the same rule
    /// would run twice and count its installs twice.
    SameRuleTwice {
        first: String,
        second: String,
    },
}

/// What is wrong with a path of `rules`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum RulePath {
    Empty,
    /// A folder without `.rhai` files; `hidden`, the hidden ones it has (not read), as a list
    /// for the message, empty when none.
    NoRules {
        path: String,
        hidden: String,
    },
    NotFound {
        path: String,
    },
    /// A file of another kind the tool reads or writes (a scenario, a table, a plan), by
    /// its extension: rules are `.rhai` files.
    NotRule {
        path: String,
        kind: OtherFile,
    },
}

/// A file that is not a rule, by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OtherFile {
    /// `.toml`: a scenario (or a rule test).
    Scenario,
    /// `.csv`, `.tsv`, `.xlsx`, `.xls`, `.ods`: a table.
    Table,
    /// `.json`, `.html`, `.md`, `.docx`, `.pdf`: a plan or a document.
    Document,
}

impl OtherFile {
    /// The kind of file at `path`, from its extension; `None` for `.rhai` or any other.
    pub(crate) fn of(path: &std::path::Path) -> Option<OtherFile> {
        let ext = path.extension()?.to_str()?.to_lowercase();
        match ext.as_str() {
            "toml" => Some(OtherFile::Scenario),
            "csv" | "tsv" | "xlsx" | "xls" | "ods" => Some(OtherFile::Table),
            "json" | "html" | "htm" | "md" | "docx" | "doc" | "pdf" => Some(OtherFile::Document),
            _ => None,
        }
    }

    /// "a scenario (.toml)", ...: (Vietnamese, English).
    pub(crate) fn said(self) -> (&'static str, &'static str) {
        match self {
            OtherFile::Scenario => (
                "tệp kịch bản hoặc tệp kiểm thử (.toml)",
                "a scenario or rule test file (.toml)",
            ),
            OtherFile::Table => ("bảng số liệu", "a table of figures"),
            OtherFile::Document => ("kế hoạch hoặc văn bản", "a plan or a document"),
        }
    }
}

/// A share written as a percentage (`40` for 0.40): the share it means, rounded so that 1.3%
/// shows as 0.013, not 0.013000000000000001.
fn as_share(value: f64) -> Option<f64> {
    (value > 1.0 && value <= 100.0).then(|| (value / 100.0 * 1e9).round() / 1e9)
}

impl Message for ScenarioProblem {
    fn vi(&self) -> Said {
        use ScenarioProblem::*;
        match self {
            EmptyName => Said::new("tên kịch bản đang để trống")
                .hint("đặt một tên dễ nhận ra, ví dụ \"Lạng Sơn, 2020-09-01\""),
            NameTooLong { chars } => Said::new(format!(
                "tên kịch bản dài {} ký tự; tên in ở đầu mọi kết quả nên tối đa {} ký tự",
                crate::number::count(Lang::Vi, *chars as f64),
                crate::number::count(Lang::Vi, crate::limits::SCENARIO_NAME_CHARS as f64)
            ))
            .hint("đặt một tên ngắn, dễ nhận ra, ví dụ \"Lạng Sơn, 2020-09-01\"; ghi chú dài viết thành dòng # ở đầu tệp"),
            HiddenCharacter {
                shown,
                position,
                code,
            } => Said::new(format!(
                "tên kịch bản có một ký tự không nhìn thấy hoặc ký tự điều khiển (U+{code:04X}, ký tự thứ {position} của \"{shown}\")"
            ))
            .hint("gõ lại tên kịch bản bằng chữ thường thấy, ví dụ name = \"Lạng Sơn, 2020-09-01\" (ký tự này thường lẫn vào khi sao chép)"),
            NoTarget => Said::new("thiếu bảng [target]")
                .hint("thêm hai dòng:\n[target]\nprovincial_rate = 0.40"),
            DateWithTime => Said::new("cần một ngày, không kèm giờ").hint(Hint::AsOfDate.vi()),
            NoSuchDate { written, year, month, days } => Said::new(if *days == 0 {
                format!("ngày `{written}` không có thật: tháng phải từ 01 đến 12")
            } else {
                format!("ngày `{written}` không có thật: tháng {month} năm {year} có {days} ngày")
            })
            .hint(Hint::AsOfDate.vi()),
            ShortHorizon { written } => Said::new(format!(
                "số ngày của đợt phải từ 1 trở lên (đang là {written})"
            ))
            .hint("ghi số ngày của đợt vận động, ví dụ horizon_days = 14"),
            LongHorizon { written } => Said::new(format!(
                "số ngày của đợt quá lớn: {written}, nhiều nhất là {} ngày (mười năm)",
                number::count(Lang::Vi, f64::from(MAX_HORIZON_DAYS))
            ))
            .hint("ghi số ngày của đợt vận động, ví dụ horizon_days = 14; đợt dài hơn thì lập kế hoạch cho từng giai đoạn"),
            UnknownObjective {
                written,
                known,
                close,
            } => Said::new(format!(
                "không có mục tiêu \"{written}\"; chỉ dùng một trong: {}",
                quoted(known)
            ))
            .hint(match close {
                Some(s) => did_you_mean_vi(s),
                None => "\"max-installs\": nhiều lượt cài nhất; \"min-cost\": đạt chỉ tiêu với chi phí thấp nhất; \"max-min-rate\": nâng huyện thấp nhất".to_string(),
            }),
            Negative { written } => {
                Said::new(format!("số này không được âm (đang là {written})"))
                    .hint("ngân sách là 0 đồng trở lên, ví dụ budget = 500_000_000; bỏ dòng budget nếu không giới hạn chi phí")
            }
            BudgetTooLarge { written } => Said::new(format!(
                "ngân sách quá lớn: {written}, nhiều nhất là {}",
                number::money(Lang::Vi, MAX_BUDGET)
            ))
            .hint("ghi ngân sách bằng đồng, ví dụ budget = 600_000_000; hoặc bỏ dòng budget nếu không giới hạn chi phí"),
            SpendTooLarge { most, kind, kind_most, days } => Said::new(format!(
                "mọi tổ, đội làm đủ {days} ngày sẽ tốn tới {}, nhiều hơn mức {} mà công cụ cộng \
                 chính xác tới từng đồng (riêng loại `{kind}`: {})",
                number::money(Lang::Vi, *most),
                number::money(Lang::Vi, MAX_BUDGET),
                number::money(Lang::Vi, *kind_most)
            ))
            .hint(format!(
                "kiểm tra `cost_per_team_day` của loại `{kind}` (chi phí một tổ/đội một ngày, \
                 tính bằng đồng), số tổ/đội và `horizon_days`: có thừa số 0 nào không?"
            )),
            NotShare {
                written,
                value,
                zero_ok,
            } => {
                let said = Said::new(if *zero_ok {
                    format!("tỷ lệ phải từ 0 đến 1 (đang là {written})")
                } else {
                    format!("tỷ lệ phải lớn hơn 0 và không quá 1 (đang là {written})")
                });
                match as_share(*value) {
                    Some(share) => said.hint(format!(
                        "tỷ lệ ghi bằng số thập phân từ 0 đến 1 (30% là 0.3), không quá 1 (100%): nếu ý bạn là {value}% thì ghi {share}"
                    )),
                    None if *value > 1.0 => said.hint(
                        "tỷ lệ ghi bằng số thập phân từ 0 đến 1 (30% là 0.3), không quá 1 (100%)",
                    ),
                    None => said,
                }
            }
            TooManyDistricts { count } => Said::new(format!(
                "kịch bản có {} huyện (đơn vị), nhiều nhất là {}",
                number::count(Lang::Vi, *count as f64),
                number::count(Lang::Vi, DISTRICTS as f64)
            ))
            .hint(
                "cả nước có khoảng 10.600 xã: lập kế hoạch cho từng tỉnh hoặc từng vùng (mỗi phần \
                 một kịch bản); docs/limits.md nói cách nâng giới hạn",
            ),
            TooManyRules { files, bytes } => Said::new(if *files > RULE_FILES {
                format!(
                    "mục `rules` ghi {} tệp quy tắc (tính cả các tệp trong thư mục), nhiều nhất là {}",
                    number::count(Lang::Vi, *files as f64),
                    number::count(Lang::Vi, RULE_FILES as f64)
                )
            } else {
                format!(
                    "các tệp quy tắc của mục `rules` nặng {} cộng lại, nhiều nhất là {}",
                    number::size_beside(Lang::Vi, *bytes, RULES_BYTES).0,
                    number::size_beside(Lang::Vi, *bytes, RULES_BYTES).1
                )
            })
            .hint("kiểm tra các thư mục ghi trong `rules` đúng là thư mục quy tắc (docs/limits.md)"),
            BadRulePath {
                path: RulePath::NotRule { path, kind },
                ..
            } => Said::new(format!(
                "{path} là {}, không phải tệp quy tắc",
                kind.said().0
            ))
            .hint("mục `rules` chỉ ghi các tệp quy tắc (đuôi .rhai) hoặc thư mục chứa chúng, ví dụ rules = [\"../rules\"]"),
            BadRulePath { path, folder } => Said::new(match path {
                RulePath::Empty => "đường dẫn tệp quy tắc đang để trống".to_string(),
                RulePath::NoRules { path, hidden } if hidden.is_empty() => {
                    format!("thư mục quy tắc {path} không có tệp .rhai nào")
                }
                RulePath::NoRules { path, hidden } => format!(
                    "thư mục quy tắc {path} chỉ có tệp .rhai ẩn (tên bắt đầu bằng dấu chấm): \
                     {hidden}; tệp ẩn không được chạy như quy tắc (thường là tệp khóa của trình \
                     soạn thảo hoặc tệp thông tin macOS ghi trên ổ dùng chung)"
                ),
                RulePath::NotFound { path } => {
                    format!("không tìm thấy tệp hoặc thư mục quy tắc {path}")
                }
                RulePath::NotRule { path, .. } => format!("{path} không phải tệp quy tắc"),
            })
            .hint(match folder {
                None => "đường dẫn trong --set tính từ thư mục đang đứng (thư mục chạy lệnh)"
                    .to_string(),
                Some(folder) => {
                    format!("đường dẫn tính từ thư mục chứa tệp kịch bản ({folder})")
                }
            }),
            NoDistricts => Said::new("kịch bản chưa có huyện nào").hint("thêm các mục [[district]] (name, installed, smartphones, teams), hoặc ghi tệp số liệu: coverage = \"coverage.csv\""),
            CoverageAndDistricts => {
                Said::new("kịch bản vừa có `coverage` vừa có các mục [[district]]")
                    .hint("chỉ dùng một cách: xóa dòng `coverage`, hoặc xóa các mục [[district]]")
            }
            SheetWithoutCoverage => Said::new("`sheet` chọn trang của tệp Excel ghi ở `coverage`, nhưng kịch bản không có `coverage`")
                .hint("ghi coverage = \"tệp.xlsx\" bên cạnh sheet, hoặc xóa dòng sheet (trang của một tệp [[history]] ghi trong mục [[history]] đó)"),
            SameRuleTwice { first, second } => Said::new(format!(
                "{second} có cùng nội dung với {first}: một quy tắc sẽ chạy hai lần và lượt cài của nó được tính hai lần"
            ))
            .hint(format!(
                "bỏ một trong hai tệp khỏi mục `rules` (hoặc xóa bản chép {second}); muốn quy tắc mạnh hơn thì sửa tham số của nó trong [params]"
            )),
        }
    }

    fn en(&self) -> Said {
        use ScenarioProblem::*;
        match self {
            EmptyName => Said::new("the scenario's name is empty")
                .hint("give it a recognisable name, e.g. \"Lạng Sơn, 2020-09-01\""),
            NameTooLong { chars } => Said::new(format!(
                "the scenario's name is {} characters long; the name heads every output and may have at most {}",
                crate::number::count(Lang::En, *chars as f64),
                crate::number::count(Lang::En, crate::limits::SCENARIO_NAME_CHARS as f64)
            ))
            .hint("give it a short, recognisable name, e.g. \"Lạng Sơn, 2020-09-01\"; put longer notes in # lines at the top of the file"),
            HiddenCharacter {
                shown,
                position,
                code,
            } => Said::new(format!(
                "the scenario's name holds a character that cannot be seen or a control character (U+{code:04X}, character {position} of \"{shown}\")"
            ))
            .hint("type the name again in plain characters, e.g. name = \"Lạng Sơn, 2020-09-01\" (such characters come in when copying)"),
            NoTarget => Said::new("the [target] table is missing")
                .hint("add these two lines:\n[target]\nprovincial_rate = 0.40"),
            DateWithTime => Said::new("expected a date without a time").hint(Hint::AsOfDate.en()),
            NoSuchDate { written, year, month, days } => Said::new(if *days == 0 {
                format!("the date `{written}` does not exist: the month must be from 01 to 12")
            } else {
                const MONTHS: [&str; 12] = [
                    "January", "February", "March", "April", "May", "June", "July", "August",
                    "September", "October", "November", "December",
                ];
                let name = MONTHS[(*month as usize).clamp(1, 12) - 1];
                format!("the date `{written}` does not exist: {name} {year} has {days} days")
            })
            .hint(Hint::AsOfDate.en()),
            ShortHorizon { written } => Said::new(format!(
                "the horizon must be at least 1 day (it is {written})"
            ))
            .hint("write the length of the campaign in days, e.g. horizon_days = 14"),
            LongHorizon { written } => Said::new(format!(
                "the horizon is too long: {written} days, at most {} days (ten years)",
                number::count(Lang::En, f64::from(MAX_HORIZON_DAYS))
            ))
            .hint("write the length of the campaign in days, e.g. horizon_days = 14; plan a longer campaign in stages"),
            UnknownObjective {
                written,
                known,
                close,
            } => Said::new(format!(
                "unknown objective \"{written}\"; use one of: {}",
                quoted(known)
            ))
            .hint(match close {
                Some(s) => did_you_mean_en(s),
                None => "\"max-installs\": the most installs; \"min-cost\": reach the target at the least cost; \"max-min-rate\": lift the lowest district".to_string(),
            }),
            Negative { written } => Said::new(format!(
                "this number must not be negative (it is {written})"
            ))
            .hint("a budget is 0 đồng or more, e.g. budget = 500_000_000; leave the budget line out for no limit"),
            BudgetTooLarge { written } => Said::new(format!(
                "the budget is too large: {written}, at most {}",
                number::money(Lang::En, MAX_BUDGET)
            ))
            .hint("write the budget in đồng, e.g. budget = 600_000_000; or remove the budget line if spending is not limited"),
            SpendTooLarge { most, kind, kind_most, days } => Said::new(format!(
                "every team of every kind working all {days} days would cost up to {}, more than \
                 the {} the tool adds exactly to the đồng (kind `{kind}` alone: {})",
                number::money(Lang::En, *most),
                number::money(Lang::En, MAX_BUDGET),
                number::money(Lang::En, *kind_most)
            ))
            .hint(format!(
                "check `cost_per_team_day` of kind `{kind}` (what one team costs a day, in đồng), \
                 the numbers of teams and `horizon_days`: is there a zero too many?"
            )),
            NotShare {
                written,
                value,
                zero_ok,
            } => {
                let said = Said::new(if *zero_ok {
                    format!("the share must be between 0 and 1 (it is {written})")
                } else {
                    format!("the share must be more than 0 and at most 1 (it is {written})")
                });
                match as_share(*value) {
                    Some(share) => said.hint(format!(
                        "a share is written as a decimal from 0 to 1 (30% is 0.3), at most 1 (100%): if you meant {value}%, write {share}"
                    )),
                    None if *value > 1.0 => {
                        said.hint("a share is written as a decimal from 0 to 1 (30% is 0.3), at most 1 (100%)")
                    }
                    None => said,
                }
            }
            TooManyDistricts { count } => Said::new(format!(
                "the scenario has {} districts (units), at most {}",
                number::count(Lang::En, *count as f64),
                number::count(Lang::En, DISTRICTS as f64)
            ))
            .hint(
                "the whole country has about 10,600 communes: plan each province or region on \
                 its own (one scenario each); docs/limits.md says how to raise the limit",
            ),
            TooManyRules { files, bytes } => Said::new(if *files > RULE_FILES {
                format!(
                    "`rules` names {} rule files (the files in its folders counted), at most {}",
                    number::count(Lang::En, *files as f64),
                    number::count(Lang::En, RULE_FILES as f64)
                )
            } else {
                format!(
                    "the rule files of `rules` are {} together, at most {}",
                    number::size_beside(Lang::En, *bytes, RULES_BYTES).0,
                    number::size_beside(Lang::En, *bytes, RULES_BYTES).1
                )
            })
            .hint("check that the folders named in `rules` are rule folders (docs/limits.md)"),
            BadRulePath {
                path: RulePath::NotRule { path, kind },
                ..
            } => Said::new(format!("{path} is {}, not a rule file", kind.said().1))
                .hint("`rules` lists rule files (ending in .rhai) or folders holding them, e.g. rules = [\"../rules\"]"),
            BadRulePath { path, folder } => Said::new(match path {
                RulePath::Empty => "the rule path is empty".to_string(),
                RulePath::NoRules { path, hidden } if hidden.is_empty() => {
                    format!("the rule folder {path} has no .rhai files")
                }
                RulePath::NoRules { path, hidden } => format!(
                    "the rule folder {path} has only hidden .rhai files (names starting with a \
                     dot): {hidden}; hidden files are not run as rules (they are usually an \
                     editor's lock file or the metadata macOS writes on a shared drive)"
                ),
                RulePath::NotFound { path } => format!("rule file or folder {path} not found"),
                RulePath::NotRule { path, .. } => format!("{path} is not a rule file"),
            })
            .hint(match folder {
                None => "paths in --set are relative to the current folder (where the command runs)"
                    .to_string(),
                Some(folder) => format!("paths are relative to the scenario's folder ({folder})"),
            }),
            NoDistricts => Said::new("the scenario has no districts").hint("add [[district]] entries (name, installed, smartphones, teams), or name a data file: coverage = \"coverage.csv\""),
            CoverageAndDistricts => {
                Said::new("the scenario has both `coverage` and [[district]] entries")
                    .hint("use one or the other: remove the `coverage` line, or remove the [[district]] entries")
            }
            SheetWithoutCoverage => Said::new("`sheet` chooses the sheet of the workbook named by `coverage`, but the scenario has no `coverage`")
                .hint("write coverage = \"file.xlsx\" beside sheet, or remove the sheet line (a [[history]] file's sheet goes in its [[history]] entry)"),
            SameRuleTwice { first, second } => Said::new(format!(
                "{second} holds the same text as {first}: one rule would run twice and its installs would count twice"
            ))
            .hint(format!(
                "list one of the two files in `rules` (or delete the copy {second}); to make a rule stronger, change its parameters in [params]"
            )),
        }
    }
}

/// `"max-installs", "min-cost"`.
fn quoted(names: &[&str]) -> String {
    crate::text::quoted_list(names)
}
