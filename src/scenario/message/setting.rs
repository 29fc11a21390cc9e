//! What can be wrong with a `--set KEY=VALUE`.

use crate::diagnostic::{
    Message, Said, did_you_mean_for_en, did_you_mean_for_vi, unlike_en, unlike_vi,
};
use crate::scenario::setting::KIND_FIELDS;
use crate::source::name_list;

/// The forms of KEY, for hints.
const FORMS: &str = "`name`, `as_of`, `horizon_days`, `objective`, `budget`, `rules`, \
     `target.provincial_rate`, `target.district_floor`, `response.reachable_share`, \
     `params.KEY`, `team_kind.NAME.FIELD`, `district.NAME.FIELD`";

/// A problem with the key of a `--set`, or with a `params.KEY` it changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum SettingProblem {
    /// `params.NAME` is given a value of another kind than the scenario's.
    ParamKind {
        name: String,
        scenario: ValueKind,
        given: ValueKind,
        /// The `--set` written as a value of the scenario's kind, when it is not a number.
        example: Option<String>,
    },
    /// `params.NAME` is not in any file's `[params]`; `close` is a parameter it may be a
    /// typing mistake for.
    UnknownParam {
        name: String,
        close: Option<String>,
    },
    /// No `=`; `key` is what was typed (or an example key when nothing was).
    NoEquals {
        key: String,
    },
    NoKey,
    /// `team_kind.NAME.FIELD` with a FIELD a setting cannot change; `close` is one it may be
    /// a typing mistake for.
    UnknownKindField {
        field: String,
        close: Option<&'static str>,
    },
    /// `district.NAME.name`.
    DistrictName,
    /// A key that stops before naming a field; `example` is a whole one.
    NoField {
        key: String,
        example: &'static str,
    },
    /// A key a setting cannot change; `close` is one it may be a typing mistake for.
    UnknownKey {
        key: String,
        close: Option<String>,
    },
    /// The key is set by an earlier `--set` too: `first` as typed.
    Twice {
        first: String,
    },
}

/// The kind of a `[params]` value, as a `--set` of it is compared with the scenario's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ValueKind {
    Number,
    Text,
    Bool,
    List,
    Other,
}

impl ValueKind {
    fn vi(self) -> &'static str {
        match self {
            ValueKind::Number => "một số",
            ValueKind::Text => "một đoạn chữ",
            ValueKind::Bool => "đúng/sai (true/false)",
            ValueKind::List => "một danh sách [ ... ]",
            ValueKind::Other => "một giá trị khác",
        }
    }

    fn en(self) -> &'static str {
        match self {
            ValueKind::Number => "a number",
            ValueKind::Text => "a text",
            ValueKind::Bool => "true/false",
            ValueKind::List => "a list [ ... ]",
            ValueKind::Other => "another kind of value",
        }
    }
}

/// `base` and `coverage` name files: an overlay changes them, not a setting.
fn names_a_file(key: &str) -> bool {
    matches!(key, "base" | "coverage")
}

const DISTRICT_FIELDS_VI: &str = "district.TÊN.MỤC, với MỤC là `unit_type`, `installed`, `smartphones`, `teams.LOẠI_ĐỘI` hoặc tên một nhóm (ví dụ `students`)";
const DISTRICT_FIELDS_EN: &str = "district.NAME.FIELD, where FIELD is `unit_type`, `installed`, `smartphones`, `teams.KIND` or a cohort (e.g. `students`)";

impl Message for SettingProblem {
    fn vi(&self) -> Said {
        use SettingProblem::*;
        let keys = || format!("các khóa đặt được bằng --set: {FORMS}");
        match self {
            ParamKind {
                name,
                scenario,
                given,
                example,
            } => Said::new(format!(
                "`params.{name}` trong kịch bản là {}, còn giá trị này được đọc là {}",
                scenario.vi(),
                given.vi()
            ))
            .hint(match (scenario, example) {
                (ValueKind::List, Some(example)) => format!("viết một danh sách trong ngoặc vuông, chữ trong ngoặc kép, cả giá trị trong ngoặc đơn cho dòng lệnh, ví dụ {example}"),
                (ValueKind::Text, Some(example)) => format!("viết chữ trong ngoặc kép, cả giá trị trong ngoặc đơn cho dòng lệnh, ví dụ {example}"),
                (ValueKind::Bool, Some(example)) => format!("viết true (đúng) hoặc false (sai), ví dụ {example}"),
                _ => "viết số như trong tệp kịch bản: 0.30 (không viết 30%), 20_000".to_string(),
            }),
            UnknownParam { name, close } => {
                Said::new(format!("mục [params] của kịch bản không có `{name}`")).hint(
                    match close {
                        Some(close) => did_you_mean_for_vi(name, &format!("params.{close}")),
                        None if unlike_vi(name).is_some() => format!(
                            "gõ lại tên tham số bằng bàn phím tiếng Việt hoặc tiếng Anh: {}",
                            unlike_vi(name).unwrap_or_default()
                        ),
                        None => "--set chỉ đổi được tham số kịch bản đã có; muốn thêm tham số mới thì ghi nó vào \
                 mục [params] của tệp kịch bản"
                            .to_string(),
                    },
                )
            }
            NoEquals { key } => Said::new("thiếu dấu `=`: cần ghi KHÓA=GIÁ_TRỊ").hint(format!(
                "ví dụ --set {key}=0.5 (khóa, dấu `=`, rồi giá trị, không có dấu cách quanh `=`)"
            )),
            NoKey => Said::new("thiếu khóa trước dấu `=`").hint(keys()),
            UnknownKindField { field, close } => {
                Said::new(format!("loại đội không có mục `{field}` để đặt")).hint(match close {
                    Some(s) => format!(
                        "{} Các mục của một loại đội: {}",
                        did_you_mean_for_vi(field, s),
                        name_list(KIND_FIELDS)
                    ),
                    None => format!(
                        "các mục của một loại đội: {} (tên loại đội không đổi được)",
                        name_list(KIND_FIELDS)
                    ),
                })
            }
            DistrictName => {
                Said::new("không đổi tên huyện bằng --set được").hint(DISTRICT_FIELDS_VI)
            }
            NoField { key, example } => Said::new(format!(
                "khóa `{key}` chưa đủ: cần ghi đến một mục, ví dụ {example}"
            ))
            .hint(if key.starts_with("district") {
                DISTRICT_FIELDS_VI.to_string()
            } else if key.starts_with("team_kind") {
                format!(
                    "team_kind.TÊN.MỤC, với MỤC là một trong {}",
                    name_list(KIND_FIELDS)
                )
            } else {
                keys()
            }),
            Twice { first } => Said::new(format!(
                "khóa này đã được đặt bằng --set {first}: chỉ giá trị sau cùng được dùng"
            ))
            .hint("giữ một trong hai --set và bỏ cái kia; muốn so sánh nhiều giá trị của một khóa thì dùng campaign sweep --vary KHÓA=TỪ..ĐẾN:BƯỚC"),
            UnknownKey { key, close } => Said::new(format!("không có khóa `{key}` để đặt")).hint(
                if names_a_file(key) {
                    format!("`{key}` không đặt được từ dòng lệnh; hãy viết một kịch bản kế thừa (base = \"...\")")
                } else if let Some(s) = close {
                    did_you_mean_for_vi(key, s)
                } else if let Some(why) = unlike_vi(key) {
                    format!("{why}; {}", keys())
                } else {
                    keys()
                },
            ),
        }
    }

    fn en(&self) -> Said {
        use SettingProblem::*;
        let keys = || format!("the keys --set can change: {FORMS}");
        match self {
            ParamKind {
                name,
                scenario,
                given,
                example,
            } => Said::new(format!(
                "`params.{name}` is {} in the scenario, but this value reads as {}",
                scenario.en(),
                given.en()
            ))
            .hint(match (scenario, example) {
                (ValueKind::List, Some(example)) => format!("write a list in square brackets, its text in double quotes, the whole value in single quotes for the shell, e.g. {example}"),
                (ValueKind::Text, Some(example)) => format!("write text in double quotes, the whole value in single quotes for the shell, e.g. {example}"),
                (ValueKind::Bool, Some(example)) => format!("write true or false, e.g. {example}"),
                _ => "write numbers as in the scenario file: 0.30 (not 30%), 20_000".to_string(),
            }),
            UnknownParam { name, close } => {
                Said::new(format!("the scenario's [params] has no `{name}`")).hint(match close {
                    Some(close) => did_you_mean_for_en(name, &format!("params.{close}")),
                    None if unlike_en(name).is_some() => format!(
                        "type the parameter's name again on a Vietnamese or English keyboard: {}",
                        unlike_en(name).unwrap_or_default()
                    ),
                    None => "--set can only change a parameter the scenario has; to add a new one, write it \
                 under [params] in the scenario file"
                        .to_string(),
                })
            }
            NoEquals { key } => Said::new("there is no `=`: write KEY=VALUE").hint(format!(
                "for example --set {key}=0.5 (the key, `=`, then the value, with no spaces around `=`)"
            )),
            NoKey => Said::new("there is no key before `=`").hint(keys()),
            UnknownKindField { field, close } => {
                Said::new(format!("a team kind has no field `{field}` to set")).hint(match close {
                    Some(s) => format!(
                        "{} The fields of a team kind are {}",
                        did_you_mean_for_en(field, s),
                        name_list(KIND_FIELDS)
                    ),
                    None => format!(
                        "the fields of a team kind are {} (a kind's name cannot be changed)",
                        name_list(KIND_FIELDS)
                    ),
                })
            }
            DistrictName => {
                Said::new("a district's name cannot be changed with --set").hint(DISTRICT_FIELDS_EN)
            }
            NoField { key, example } => Said::new(format!(
                "the key `{key}` is incomplete: it must name a field, e.g. {example}"
            ))
            .hint(if key.starts_with("district") {
                DISTRICT_FIELDS_EN.to_string()
            } else if key.starts_with("team_kind") {
                format!(
                    "team_kind.NAME.FIELD, where FIELD is one of {}",
                    name_list(KIND_FIELDS)
                )
            } else {
                keys()
            }),
            Twice { first } => Said::new(format!(
                "this key is already set by --set {first}: only the last value would be used"
            ))
            .hint("keep one of the two --set and drop the other; to compare several values of one key, use campaign sweep --vary KEY=FROM..TO:STEP"),
            UnknownKey { key, close } => Said::new(format!("there is no key `{key}` to set")).hint(
                if names_a_file(key) {
                    format!("`{key}` cannot be set on the command line; write an overlay scenario (base = \"...\") instead")
                } else if let Some(s) = close {
                    did_you_mean_for_en(key, s)
                } else if let Some(why) = unlike_en(key) {
                    format!("{why}; {}", keys())
                } else {
                    keys()
                },
            ),
        }
    }
}
