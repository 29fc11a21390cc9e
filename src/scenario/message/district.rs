//! What can be wrong with one district's data.

use crate::diagnostic::{
    Message, Said, did_you_mean_en, did_you_mean_for_en, did_you_mean_for_vi, did_you_mean_vi,
    unlike_en, unlike_vi,
};
use crate::import::table::district_name;
use crate::number::count;
use crate::source::name_list;
use crate::text::Lang;

/// Where a key of the whole scenario must go, when it was written under a table's header.
pub(crate) const SCENARIO_KEY_HINT: (&str, &str) = (
    "chuyển dòng này lên trên tiêu đề [mục] hoặc [[mục]] đầu tiên của tệp",
    "move the line above the file's first [section] or [[section]] header",
);

/// `(`budget`)` after a key written otherwise (`Budget`), nothing after `budget` itself.
pub(crate) fn spelt_vi(key: &str, setting: &str) -> String {
    if key == setting {
        String::new()
    } else {
        format!(" (`{setting}`)")
    }
}

/// [`spelt_vi`] in English.
pub(crate) fn spelt_en(key: &str, setting: &str) -> String {
    spelt_vi(key, setting)
}

/// [`SCENARIO_KEY_HINT`], and how to write the key where it is written otherwise.
pub(crate) fn scenario_key_hint(lang: Lang, key: &str, setting: &str) -> String {
    match lang {
        Lang::Vi if key != setting => format!(
            "{}, và viết tên mục bằng chữ thường: `{setting}`",
            SCENARIO_KEY_HINT.0
        ),
        Lang::Vi => SCENARIO_KEY_HINT.0.to_string(),
        Lang::En if key != setting => format!(
            "{}, and write the key in lower case: `{setting}`",
            SCENARIO_KEY_HINT.1
        ),
        Lang::En => SCENARIO_KEY_HINT.1.to_string(),
    }
}

/// Whether two cohort names are one but for capitals and look-alike letters (`Students`,
/// `students`), not one in Vietnamese and one in English (`Học sinh`, `students`).
fn same_letters(a: &str, b: &str) -> bool {
    crate::text::fold(a) == crate::text::fold(b)
}

/// A problem with one district's data (`[[district]]`, `district_table` or a coverage CSV).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum DistrictProblem {
    /// The same name (as a person reads it) is given a second time.
    /// `name` is a district already written at `first_line`, as `first` (the same text, or a
    /// name read as the same: another case, an eth `Ð` for `Đ`, a full-width letter).
    Twice {
        name: String,
        first: String,
        first_line: usize,
    },
    NoName,
    EmptyName,
    /// A required figure is missing; `example` is a value to show.
    Missing {
        field: &'static str,
        example: &'static str,
    },
    NoSmartphones {
        smartphones: i128,
    },
    /// `field` (`installed`, `teams.commune`, a cohort) is below 0.
    Negative {
        value: i128,
        field: String,
    },
    /// A cohort of `people`, more than the district's `smartphones` (trial F17: a digit typed
    /// many times, silently capped by the model's min(n_c, S_d)).
    CohortAboveSmartphones {
        cohort: String,
        people: i128,
        smartphones: i128,
    },
    /// `changed`: an overlay or a `--set` wrote one of the two figures (the error is at it),
    /// and the other is written elsewhere.
    InstalledAboveSmartphones {
        installed: i128,
        smartphones: i128,
        changed: Option<Changed>,
    },
    /// A cohort's name of `chars` characters, above [`crate::limits::NAME_CHARS`] (`shown`: its
    /// first characters).
    CohortNameTooLong {
        shown: String,
        chars: usize,
    },
    /// A cohort named like one the rules read, but not exactly.
    MisspeltCohort {
        written: String,
        known: &'static str,
    },
    /// The cohort `cohort` (as written here) is `first` (as written first, at `first_line`) in
    /// other capitals.
    CohortTwice {
        cohort: String,
        first: String,
        first_line: Option<usize>,
    },
    /// `teams.X` names no team kind; `close` is a local kind it may be a typing mistake for,
    /// `local` every local kind.
    UnknownTeamKind {
        written: String,
        close: Option<String>,
        local: Vec<String>,
    },
    /// Teams of a provincial kind counted in a district; `remove` is what to delete.
    ProvincialTeams {
        kind: String,
        remove: Remove,
    },
    /// A key of `[[district]]` named like one of its fields (`close`), but not exactly.
    MisspeltField {
        written: String,
        close: &'static str,
    },
    /// Teams of the local kind `kind` written beside the district's figures, as a cohort
    /// would be, instead of in `teams`.
    TeamKindAsCohort {
        kind: String,
    },
    /// A key of the whole scenario (`budget`, `horizon_days`) inside a `[[district]]`: a line
    /// added at the end of the file, which TOML reads as the last district's (trial 13f J22).
    /// `key` as written, `setting` the scenario's key it is (`Budget`: `budget`).
    ScenarioKey {
        key: String,
        setting: &'static str,
    },
    /// `unit_type` says `written` while the district's name `name` begins with the word of
    /// another type, `named`; `bare` is the name without that word.
    UnitTypeContradictsName {
        name: String,
        bare: String,
        written: crate::model::UnitType,
        named: crate::model::UnitType,
    },
}

/// Which of installed and smartphones an overlay (or a `--set`) wrote, the error's place, and
/// where the other figure is written (`o/base.toml:65`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Changed {
    pub smartphones: bool,
    pub other_at: String,
    /// The district's name when a `--set` wrote the figure (the hint gives the `--set` for
    /// the other), `None` for an overlay.
    pub setting: Option<String>,
}

impl Changed {
    /// What to add when the other figure changed too: a line of the overlay's entry, or
    /// another `--set`.
    fn other_too(&self, lang: crate::text::Lang) -> String {
        let field = if self.smartphones {
            "installed"
        } else {
            "smartphones"
        };
        match (&self.setting, lang) {
            (Some(d), crate::text::Lang::Vi) => format!(
                "đặt cả số mới đó: --set {}",
                crate::text::shell_quoted(&format!("district.{d}.{field}=N"))
            ),
            (Some(d), _) => format!(
                "set its new figure too: --set {}",
                crate::text::shell_quoted(&format!("district.{d}.{field}=N"))
            ),
            (None, crate::text::Lang::Vi) => format!("thêm số mới vào mục này ({field} = ...)"),
            (None, _) => format!("add its new figure to this entry ({field} = ...)"),
        }
    }
}

/// What holds the provincial teams counted in a district, which the user should delete.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Remove {
    /// An entry of `teams = { ... }`.
    Entry,
    /// A line of `district_table`.
    Line,
    /// A column of a coverage table.
    Column,
}

impl Message for DistrictProblem {
    fn vi(&self) -> Said {
        use DistrictProblem::*;
        let n = |v: i128| count(Lang::Vi, v as f64);
        match self {
            Twice {
                name,
                first,
                first_line,
            } => Said::new(format!(
                "huyện \"{name}\" bị ghi hai lần (lần đầu ở dòng {first_line}{})",
                written_as(Lang::Vi, name, first)
            ))
            .hint("mỗi huyện chỉ ghi một lần; gộp hai mục hoặc sửa tên cho đúng"),
            NoName => Said::new("huyện này chưa có tên (`name`)")
                .hint("thêm tên huyện, ví dụ: name = \"Hữu Lũng\""),
            EmptyName => Said::new("tên huyện đang để trống")
                .hint("ghi tên huyện, ví dụ \"Hữu Lũng\""),
            Missing { field, example } => Said::new(format!("thiếu số liệu `{field}`"))
                .hint(format!("thêm số liệu, ví dụ: {field} = {example}")),
            CohortAboveSmartphones { cohort, people, smartphones } => Said::new(format!(
                "nhóm `{cohort}` có {} người, hơn {} lần số thuê bao điện thoại thông minh của huyện ({})",
                n(*people),
                crate::limits::COHORT_SMARTPHONES_FACTOR,
                n(*smartphones)
            ))
            .hint(format!(
                "đối chiếu số người của nhóm với số liệu gốc (có thể gõ thừa chữ số); mô hình chỉ tính tối đa {} người có điện thoại thông minh của nhóm",
                n(*smartphones)
            )),
            NoSmartphones { smartphones } => Said::new(format!(
                "số thuê bao điện thoại thông minh phải lớn hơn 0 (đang là {})",
                n(*smartphones)
            ))
            .hint("huyện không có điện thoại thông minh thì không lập kế hoạch được: đối chiếu số này với số liệu gốc (ví dụ smartphones = 20_175), hoặc bỏ huyện ra khỏi kịch bản"),
            Negative { value, field } => {
                Said::new(format!("số này không được âm (đang là {})", n(*value))).hint(
                    match field.strip_prefix("teams.") {
                        Some(kind) => format!(
                            "số tổ, đội là 0 hoặc một số nguyên dương, ví dụ teams = {{ {kind} = 2 }}; ghi 0 nếu huyện không có"
                        ),
                        None if field == "installed" => "số máy đã cài là 0 hoặc một số dương, ví dụ installed = 18_019".to_string(),
                        None => format!(
                            "số người là 0 hoặc một số dương, ví dụ {field} = 9_000; ghi 0 (hoặc bỏ dòng) nếu không có ai"
                        ),
                    },
                )
            }
            InstalledAboveSmartphones {
                installed,
                smartphones,
                changed: None,
            } => Said::new(format!(
                "số máy đã cài đặt ({}) lớn hơn số thuê bao điện thoại thông minh ({})",
                n(*installed),
                n(*smartphones)
            ))
            .hint("đối chiếu hai số này với số liệu gốc; có thể hai cột bị đổi chỗ hoặc gõ thừa một chữ số"),
            CohortNameTooLong { shown, chars } => Said::new(format!(
                "tên nhóm dài {} ký tự, quá giới hạn {} ký tự: `{shown}`",
                count(Lang::Vi, *chars as f64),
                count(Lang::Vi, crate::limits::NAME_CHARS as f64)
            ))
            .hint("đặt tên nhóm ngắn, ví dụ students = 5_500 (docs/limits.md)"),
            InstalledAboveSmartphones {
                installed,
                smartphones,
                changed: Some(changed @ Changed { smartphones: true, other_at, .. }),
            } => Said::new(format!(
                "số thuê bao điện thoại thông minh ghi ở đây ({}) nhỏ hơn số máy đã cài đặt ({}, ghi ở {other_at})",
                n(*smartphones),
                n(*installed)
            ))
            .hint(format!("đối chiếu số ghi ở đây với số liệu gốc; nếu số máy đã cài cũng đổi, {}", changed.other_too(Lang::Vi))),
            InstalledAboveSmartphones {
                installed,
                smartphones,
                changed: Some(changed @ Changed { other_at, .. }),
            } => Said::new(format!(
                "số máy đã cài đặt ghi ở đây ({}) lớn hơn số thuê bao điện thoại thông minh ({}, ghi ở {other_at})",
                n(*installed),
                n(*smartphones)
            ))
            .hint(format!("đối chiếu số ghi ở đây với số liệu gốc; nếu số thuê bao cũng đổi, {}", changed.other_too(Lang::Vi))),
            MisspeltCohort { written, known } => Said::new(format!("không biết nhóm `{written}`"))
                .hint(format!(
                    "có phải là `{known}`?{} Các quy tắc đọc nhóm `{known}`",
                    also(unlike_vi(written))
                )),
            CohortTwice {
                cohort,
                first,
                first_line,
            } => Said::new(format!(
                "nhóm `{cohort}` trùng với nhóm `{first}`{} ({})",
                first_line.map(|l| format!(" ở dòng {l}")).unwrap_or_default(),
                if same_letters(cohort, first) {
                    "chữ hoa, chữ thường được coi là một nhóm"
                } else {
                    "tên tiếng Việt của nhóm được đọc như tiêu đề cột của bảng số liệu"
                }
            ))
            .hint(format!(
                "`{first}` và `{cohort}` là một nhóm: giữ một trong hai và xóa cái kia; nếu là hai nhóm người khác nhau, đặt cho nhóm này một tên khác"
            )),
            UnknownTeamKind {
                written,
                close,
                local,
            } => Said::new(format!("không có loại đội `{written}`")).hint(match close {
                Some(s) => did_you_mean_for_vi(written, s),
                None if local.is_empty() => {
                    "kịch bản chưa có loại đội tại chỗ (scope = \"local\") nào".to_string()
                }
                None => format!(
                    "các loại đội tại chỗ: {}",
                    name_list(local.iter().map(String::as_str))
                ),
            }),
            ProvincialTeams { kind, remove } => Said::new(format!(
                "`{kind}` là loại đội của tỉnh: không ghi số đội này cho từng huyện"
            ))
            .hint(format!(
                "đội cấp tỉnh lấy từ tổng số `available` của [[team_kind]] \"{kind}\" và được kế hoạch phân về các huyện; {}",
                match remove {
                    Remove::Entry => "xóa mục này",
                    Remove::Line => "xóa dòng này",
                    Remove::Column => "xóa cột này",
                }
            )),
            MisspeltField { written, close } => Said::new(format!("không biết mục `{written}`"))
                .hint(did_you_mean_vi(close)),
            ScenarioKey { key, setting } => Said::new(format!(
                "`{key}` là một mục của cả kịch bản{}, nhưng dòng này nằm trong bảng [[district]] ở trên nó (TOML coi mọi dòng dưới tiêu đề [[district]] là của huyện đó)",
                spelt_vi(key, setting)
            ))
            .hint(scenario_key_hint(Lang::Vi, key, setting)),
            TeamKindAsCohort { kind } => Said::new(format!(
                "`{kind}` là tên một loại đội, không phải một nhóm người"
            ))
            .hint(format!(
                "ghi số đội trong `teams`, ví dụ: teams = {{ {kind} = 8 }}"
            )),
            UnitTypeContradictsName {
                name,
                bare,
                written,
                named,
            } => Said::new(format!(
                "unit_type = \"{}\" trái với tên \"{name}\": tên ghi đây là {}, unit_type ghi là {}",
                written.vi(),
                named.vi(),
                written.vi()
            ))
            .hint(format!(
                "nếu đây là {named_vi}, xóa dòng unit_type (tên đã cho biết loại đơn vị); nếu đây là {written_vi}, sửa tên, ví dụ name = \"{bare}\"; công văn gửi đến UBND theo đúng loại đơn vị này",
                named_vi = named.vi(),
                written_vi = written.vi()
            )),
        }
    }

    fn en(&self) -> Said {
        use DistrictProblem::*;
        let n = |v: i128| count(Lang::En, v as f64);
        match self {
            Twice {
                name,
                first,
                first_line,
            } => Said::new(format!(
                "district \"{name}\" appears twice (first at line {first_line}{})",
                written_as(Lang::En, name, first)
            ))
            .hint("list each district once; merge the two entries or correct the name"),
            NoName => Said::new("this district has no name (`name`)")
                .hint("add the district's name, e.g. name = \"Hữu Lũng\""),
            EmptyName => Said::new("the district's name is empty")
                .hint("write the district's name, e.g. \"Hữu Lũng\""),
            Missing { field, example } => Said::new(format!("`{field}` is missing"))
                .hint(format!("add the figure, e.g. {field} = {example}")),
            CohortAboveSmartphones { cohort, people, smartphones } => Said::new(format!(
                "cohort `{cohort}` has {} people, more than {} times the district's smartphones ({})",
                n(*people),
                crate::limits::COHORT_SMARTPHONES_FACTOR,
                n(*smartphones)
            ))
            .hint(format!(
                "check the cohort's head count against the source (a digit may be typed too many times); the model counts at most the district's {} smartphones of a cohort",
                n(*smartphones)
            )),
            NoSmartphones { smartphones } => Said::new(format!(
                "the number of smartphone subscribers must be more than 0 (it is {})",
                n(*smartphones)
            ))
            .hint("a district with no smartphones cannot be planned: check the figure against the source (e.g. smartphones = 20_175), or leave the district out"),
            Negative { value, field } => Said::new(format!(
                "this number must not be negative (it is {})",
                n(*value)
            ))
            .hint(match field.strip_prefix("teams.") {
                Some(kind) => format!(
                    "teams are counted whole, 0 or more, e.g. teams = {{ {kind} = 2 }}; write 0 if the district has none"
                ),
                None if field == "installed" => {
                    "the installs are 0 or more, e.g. installed = 18_019".to_string()
                }
                None => format!(
                    "a head count is 0 or more, e.g. {field} = 9_000; write 0 (or leave the line out) if there is nobody"
                ),
            }),
            InstalledAboveSmartphones {
                installed,
                smartphones,
                changed: None,
            } => Said::new(format!(
                "installed ({}) is more than smartphones ({})",
                n(*installed),
                n(*smartphones)
            ))
            .hint("check both numbers against the source; the two columns may be swapped or a digit typed twice"),
            CohortNameTooLong { shown, chars } => Said::new(format!(
                "the cohort's name is {} characters long, above the limit of {} characters: `{shown}`",
                count(Lang::En, *chars as f64),
                count(Lang::En, crate::limits::NAME_CHARS as f64)
            ))
            .hint("give the cohort a short name, e.g. students = 5_500 (docs/limits.md)"),
            InstalledAboveSmartphones {
                installed,
                smartphones,
                changed: Some(changed @ Changed { smartphones: true, other_at, .. }),
            } => Said::new(format!(
                "smartphones set here ({}) is less than installed ({}, written in {other_at})",
                n(*smartphones),
                n(*installed)
            ))
            .hint(format!("check the figure set here against the source; if installed changed too, {}", changed.other_too(Lang::En))),
            InstalledAboveSmartphones {
                installed,
                smartphones,
                changed: Some(changed @ Changed { other_at, .. }),
            } => Said::new(format!(
                "installed set here ({}) is more than smartphones ({}, written in {other_at})",
                n(*installed),
                n(*smartphones)
            ))
            .hint(format!("check the figure set here against the source; if smartphones changed too, {}", changed.other_too(Lang::En))),
            MisspeltCohort { written, known } => Said::new(format!("unknown cohort `{written}`"))
                .hint(format!(
                    "did you mean `{known}`?{} The rules read the cohort `{known}`",
                    also(unlike_en(written))
                )),
            CohortTwice {
                cohort,
                first,
                first_line,
            } => Said::new(format!(
                "the cohort `{cohort}` is the cohort `{first}`{} ({})",
                first_line.map(|l| format!(" of line {l}")).unwrap_or_default(),
                if same_letters(cohort, first) {
                    "capitals do not make another cohort"
                } else {
                    "a cohort's Vietnamese name is read as a coverage table's heading is"
                }
            ))
            .hint(format!(
                "`{first}` and `{cohort}` are one cohort: keep one of them and delete the other; if they are two groups of people, give this one another name"
            )),
            UnknownTeamKind {
                written,
                close,
                local,
            } => Said::new(format!("unknown team kind `{written}`")).hint(match close {
                Some(s) => did_you_mean_for_en(written, s),
                None if local.is_empty() => {
                    "the scenario has no local team kind (scope = \"local\")".to_string()
                }
                None => format!(
                    "the local team kinds are: {}",
                    name_list(local.iter().map(String::as_str))
                ),
            }),
            ProvincialTeams { kind, remove } => Said::new(format!(
                "`{kind}` is a provincial team kind: its teams are not counted per district"
            ))
            .hint(format!(
                "provincial teams come from the pool (`available` in [[team_kind]] \"{kind}\") and the plan assigns them to districts; {}",
                match remove {
                    Remove::Entry => "remove this entry",
                    Remove::Line => "remove this line",
                    Remove::Column => "delete this column",
                }
            )),
            MisspeltField { written, close } => Said::new(format!("unknown field `{written}`"))
                .hint(did_you_mean_en(close)),
            ScenarioKey { key, setting } => Said::new(format!(
                "`{key}` is a setting of the whole scenario{}, but this line is inside the [[district]] table above it (TOML reads every line below a [[district]] header as part of that district)",
                spelt_en(key, setting)
            ))
            .hint(scenario_key_hint(Lang::En, key, setting)),
            TeamKindAsCohort { kind } => {
                Said::new(format!("`{kind}` is a team kind, not a cohort")).hint(format!(
                    "put the number of teams in `teams`, e.g. teams = {{ {kind} = 8 }}"
                ))
            }
            UnitTypeContradictsName {
                name,
                bare,
                written,
                named,
            } => Said::new(format!(
                "unit_type = \"{}\" contradicts the name \"{name}\": the name says this is a {} ({}), unit_type says a {} ({})",
                written.vi(),
                named.en(),
                named.vi(),
                written.en(),
                written.vi()
            ))
            .hint(format!(
                "if it is a {}, delete the unit_type line (the name already says the kind); if it is a {}, correct the name, e.g. name = \"{bare}\"; the letter addresses the People's Committee by this kind",
                named.en(),
                written.en()
            )),
        }
    }
}

/// How the first of two names of one district was written, when not as the second: ", viết là
/// \"Đình Lập\": ký tự thứ 1 ở đây là `Ð` (U+00D0), ở đó là `Đ` (U+0110)". Empty when the two
/// are the same text.
fn written_as(lang: Lang, name: &str, first: &str) -> String {
    // "Huyện Hữu Lũng" is "Hữu Lũng": what differs is after the "Huyện "
    let (bare, first_bare) = (district_name(name), district_name(first));
    let Some((position, here, there)) = crate::text::first_difference(&bare, &first_bare) else {
        if name == first {
            return String::new();
        }
        return match lang {
            Lang::Vi => format!(", viết là \"{first}\""),
            Lang::En => format!(", written \"{first}\""),
        };
    };
    if there.is_some_and(|there| there.to_lowercase().eq(here.to_lowercase())) {
        // only the case differs: the two names say as much
        return match lang {
            Lang::Vi => format!(", viết là \"{first}\""),
            Lang::En => format!(", written \"{first}\""),
        };
    }
    let code = |c: char| format!("`{c}` (U+{:04X})", u32::from(c));
    let there = there.map(code);
    match (lang, there) {
        (Lang::Vi, Some(there)) => format!(
            ", viết là \"{first}\": ký tự thứ {position} ở đây là {}, ở đó là {there}",
            code(here)
        ),
        (Lang::Vi, None) => format!(", viết là \"{first}\""),
        (Lang::En, Some(there)) => format!(
            ", written \"{first}\": character {position} is {} here, {there} there",
            code(here)
        ),
        (Lang::En, None) => format!(", written \"{first}\""),
    }
}

/// " (what is odd in it)" after a suggestion, or nothing.
fn also(why: Option<String>) -> String {
    why.map(|why| format!(" ({why})")).unwrap_or_default()
}
