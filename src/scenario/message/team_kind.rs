//! What can be wrong with a `[[team_kind]]` entry.

use crate::diagnostic::{
    Error, Message, Said, did_you_mean_en, did_you_mean_for_en, did_you_mean_for_vi,
    did_you_mean_vi,
};
use crate::model::{MAX_COST_PER_TEAM_DAY, MAX_INSTALLS_PER_TEAM_DAY};
use crate::number::{self, count};
use crate::source::name_list;
use crate::text::Lang;

/// A team kind to copy, for the hint when there is none.
const EXAMPLE: &str =
    "[[team_kind]]\nname = \"commune\"\nscope = \"local\"\ninstalls_per_team_day = 15";

/// A problem with the scenario's team kinds or one of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TeamKindProblem {
    /// Two entries of one file have the same name.
    Twice {
        name: String,
        first_line: usize,
    },
    /// A `--set` (or an overlay's incomplete entry) names a kind the scenario does not have;
    /// `close` is one it may be a typing mistake for, `known` every kind.
    Unknown {
        name: String,
        close: Option<String>,
        known: Vec<String>,
    },
    EmptyName,
    /// No `[[team_kind]]` at all.
    NoTeamKind,
    /// `scope` is neither "local" nor "provincial"; `close` is the one it may be a typing
    /// mistake for.
    BadScope {
        written: String,
        close: Option<&'static str>,
    },
    /// `available` given for the local kind `name`.
    LocalAvailable {
        name: String,
    },
    /// `available` is not between 0 and `max`.
    Available {
        written: String,
        max: u32,
    },
    /// `installs_per_team_day` is not above 0.
    NoInstalls {
        written: String,
    },
    NegativeCost {
        written: String,
    },
    /// The kind's name holds a character a reader cannot see or a terminal would act on: the
    /// `code` point at character `position` of the name (`shown` with escapes).
    HiddenCharacter {
        shown: String,
        position: usize,
        code: u32,
    },
    /// The kind's name `shown` has a Cyrillic or Greek letter among its Latin ones.
    ForeignLetter {
        shown: String,
        letter: crate::text::ForeignLetter,
    },
    /// The kind's name is `chars` characters long, above [`crate::limits::NAME_CHARS`]
    /// (`shown`: its first characters).
    NameTooLong {
        shown: String,
        chars: usize,
    },
    /// `cost_per_team_day` is above [`crate::model::MAX_COST_PER_TEAM_DAY`].
    CostTooLarge {
        written: String,
    },
    /// `cost_per_team_day` is not a whole number of đồng (`written`), which has no subunit: a
    /// cost in fractions of a đồng would print totals, each rounded, above the exact cost the
    /// budget is held to (trial 13g K19).
    CostNotWhole {
        written: String,
    },
    /// `installs_per_team_day` is above [`crate::model::MAX_INSTALLS_PER_TEAM_DAY`].
    InstallsTooLarge {
        written: String,
    },
    /// An overlay (or `--set`) makes the kind `name` local, while the file `file` (its base)
    /// gives it `available` at `line`.
    MadeLocal {
        name: String,
        file: String,
        line: Option<usize>,
    },
    /// An overlay (or a `--set`, `setting`) made a local kind of its base provincial, and no
    /// file gives its pool (`available`).
    MadeProvincialNoPool {
        name: String,
        setting: bool,
    },
    /// An overlay (or a `--set`, `setting`) made a local kind of its base provincial, while
    /// the district `district` counts teams of it in `file` at `line`: an overlay cannot remove
    /// the base's entries.
    MadeProvincialInDistrict {
        name: String,
        setting: bool,
        district: String,
        file: String,
        line: Option<usize>,
    },
}

/// `e`, an error in the team kind `kind`, saying so first.
pub(crate) fn in_team_kind(kind: &str, mut e: Error) -> Error {
    e.message.vi = format!("loại đội `{kind}`: {}", e.message.vi);
    if let Some(en) = &mut e.message.en {
        *en = format!("team kind `{kind}`: {en}");
    }
    e
}

impl Message for TeamKindProblem {
    fn vi(&self) -> Said {
        use TeamKindProblem::*;
        match self {
            Twice { name, first_line } => Said::new(format!(
                "loại đội `{name}` bị khai báo hai lần (lần đầu ở dòng {first_line})"
            ))
            .hint("mỗi loại đội cần một tên riêng; đổi tên hoặc xóa một mục"),
            Unknown { name, close, known } => {
                let list = name_list(known.iter().map(String::as_str));
                Said::new(format!("kịch bản không có loại đội `{name}`")).hint(match close {
                    Some(s) => format!("{} Các loại đội của kịch bản: {list}", did_you_mean_for_vi(name, s)),
                    None => format!("các loại đội của kịch bản: {list}"),
                })
            }
            EmptyName => {
                Said::new("tên loại đội đang để trống").hint("đặt một tên ngắn, ví dụ \"commune\"")
            }
            NoTeamKind => Said::new("kịch bản chưa có loại đội nào ([[team_kind]])")
                .hint(format!("thêm ít nhất một loại đội, ví dụ:\n{EXAMPLE}")),
            BadScope { written, close } => Said::new(format!(
                "phạm vi \"{written}\" không hợp lệ; chỉ dùng \"local\" hoặc \"provincial\""
            ))
            .hint(match close {
                Some(s) => did_you_mean_vi(s),
                None => "\"local\": đội của từng huyện, số đội ghi ở mỗi huyện; \"provincial\": đội của tỉnh, điều đến các huyện".to_string(),
            }),
            LocalAvailable { name } => Said::new("loại đội tại chỗ (\"local\") không có `available`")
                .hint(format!("số đội tại chỗ ghi ở từng huyện: teams = {{ {name} = 8 }}; xóa dòng này, hoặc đổi scope thành \"provincial\"")),
            Available { written, max } => Said::new(format!(
                "số đội sẵn có phải từ 0 đến {} (đang là {written})",
                count(Lang::Vi, f64::from(*max))
            )),
            NoInstalls { written } => Said::new(format!(
                "số lượt cài mỗi đội mỗi ngày phải lớn hơn 0 (đang là {written})"
            )),
            NegativeCost { written } => Said::new(format!(
                "chi phí mỗi đội mỗi ngày không được âm (đang là {written})"
            )),
            HiddenCharacter {
                shown,
                position,
                code,
            } => Said::new(format!(
                "tên loại đội có {} ở ký tự thứ {position} (\"{shown}\"): ký tự này không nhìn thấy được nhưng làm tên thành một tên khác",
                crate::diagnostic::unseen_vi(char::from_u32(*code).unwrap_or('\u{FFFD}'))
            ))
            .hint("xoá ký tự đó và gõ lại tên loại đội, chỉ dùng dấu cách thường (ký tự này thường lẫn vào khi sao chép từ trang web hoặc Word)"),
            ForeignLetter { shown, letter } => Said::new(format!(
                "tên loại đội \"{shown}\" có {}",
                crate::diagnostic::foreign_letter_vi(letter)
            ))
            .hint("xoá chữ đó và gõ lại bằng bàn phím tiếng Việt hoặc tiếng Anh"),
            NameTooLong { shown, chars } => Said::new(format!(
                "tên loại đội dài {} ký tự, quá giới hạn {} ký tự: \"{shown}\"",
                count(Lang::Vi, *chars as f64),
                count(Lang::Vi, crate::limits::NAME_CHARS as f64)
            ))
            .hint("đặt một tên ngắn, ví dụ name = \"volunteer\" (docs/limits.md)"),
            CostTooLarge { written } => Said::new(format!(
                "chi phí mỗi đội mỗi ngày quá lớn: {written}, nhiều nhất là {}",
                number::money(Lang::Vi, MAX_COST_PER_TEAM_DAY)
            ))
            .hint("ghi chi phí một đội trong một ngày, bằng đồng, ví dụ cost_per_team_day = 300_000"),
            CostNotWhole { written } => Said::new(format!(
                "chi phí mỗi đội mỗi ngày có phần lẻ của đồng: {written}; đồng không có đơn vị nhỏ hơn, nên chi phí tính bằng đồng chẵn"
            ))
            .hint("làm tròn thành số đồng chẵn, ví dụ cost_per_team_day = 150_000"),
            InstallsTooLarge { written } => Said::new(format!(
                "số lượt cài mỗi đội mỗi ngày quá lớn, không thể là thật: {written}, nhiều nhất là {}",
                count(Lang::Vi, MAX_INSTALLS_PER_TEAM_DAY)
            ))
            .hint("ghi số lượt cài một đội làm được trong một ngày, ví dụ installs_per_team_day = 40; kiểm tra xem có gõ thừa chữ số không"),
            MadeLocal { name, file, line } => Said::new(format!(
                "loại đội này được đổi thành tại chỗ (scope = \"local\") ở đây, nhưng {file} ghi số đội sẵn có (`available`) cho nó{}: loại đội tại chỗ không có `available`",
                line.map(|l| format!(" ở dòng {l}")).unwrap_or_default()
            ))
            .hint(format!(
                "giữ scope = \"provincial\" cho `{name}`; hoặc khai báo một loại đội tại chỗ mới với tên khác và ghi số đội ở từng huyện: teams = {{ ... = 8 }}"
            )),
            MadeProvincialNoPool { name, setting } => Said::new(
                "loại đội này được đổi thành cấp tỉnh (scope = \"provincial\") ở đây, nhưng chưa có số đội sẵn có (`available`) của tỉnh",
            )
            .hint(if *setting {
                format!("loại đội cấp tỉnh cần số đội của tỉnh: thêm --set team_kind.{name}.available=N (N là số đội, ví dụ 30)")
            } else {
                "loại đội cấp tỉnh cần số đội của tỉnh: thêm một dòng như available = 30 vào mục [[team_kind]] này".to_string()
            }),
            MadeProvincialInDistrict {
                name,
                setting,
                district,
                file,
                line,
            } => Said::new(format!(
                "loại đội này được đổi thành cấp tỉnh (scope = \"provincial\") ở đây, nhưng {file}{} ghi số đội `{name}` cho huyện \"{district}\": đội cấp tỉnh không tính theo từng huyện",
                line.map(|l| format!(":{l}")).unwrap_or_default()
            ))
            .hint(if *setting {
                format!("--set không xóa được số đội đã ghi ở các huyện: chép kịch bản ra một tệp mới, trong đó đặt scope = \"provincial\" và available = N cho `{name}` rồi xóa các mục `{name} = ...` của các huyện")
            } else {
                format!("kịch bản kế thừa không xóa được số đội ghi ở kịch bản gốc: thay vì đổi `{name}`, khai báo ở tệp này một loại đội cấp tỉnh mới với tên khác (name = \"{name}_tinh\", scope = \"provincial\", available = N, ...) và đặt available của nó")
            }),
        }
    }

    fn en(&self) -> Said {
        use TeamKindProblem::*;
        match self {
            Twice { name, first_line } => Said::new(format!(
                "team kind `{name}` is defined twice (first at line {first_line})"
            ))
            .hint("each team kind needs its own name; rename or remove one of them"),
            Unknown { name, close, known } => {
                let list = name_list(known.iter().map(String::as_str));
                Said::new(format!("the scenario has no team kind `{name}`")).hint(match close {
                    Some(s) => format!("{} The scenario's team kinds are {list}", did_you_mean_for_en(name, s)),
                    None => format!("the scenario's team kinds are {list}"),
                })
            }
            EmptyName => Said::new("the team kind's name is empty")
                .hint("give it a short name, e.g. \"commune\""),
            NoTeamKind => Said::new("the scenario defines no team kind ([[team_kind]])")
                .hint(format!("add at least one team kind, for example:\n{EXAMPLE}")),
            BadScope { written, close } => Said::new(format!(
                "scope \"{written}\" is not valid; use \"local\" or \"provincial\""
            ))
            .hint(match close {
                Some(s) => did_you_mean_en(s),
                None => "\"local\": teams of each district, counted per district; \"provincial\": a provincial pool sent to districts".to_string(),
            }),
            LocalAvailable { name } => Said::new("a local team kind has no `available`")
                .hint(format!("local teams are counted in each district: teams = {{ {name} = 8 }}; remove this line, or change scope to \"provincial\"")),
            Available { written, max } => Said::new(format!(
                "the number of available teams must be between 0 and {} (it is {written})",
                count(Lang::En, f64::from(*max))
            )),
            NoInstalls { written } => Said::new(format!(
                "installs per team-day must be more than 0 (it is {written})"
            )),
            NegativeCost { written } => Said::new(format!(
                "the cost per team-day must not be negative (it is {written})"
            )),
            HiddenCharacter {
                shown,
                position,
                code,
            } => Said::new(format!(
                "the team kind's name has {} at character {position} (\"{shown}\"): it cannot be seen, but makes the name another name",
                crate::diagnostic::unseen_en(char::from_u32(*code).unwrap_or('\u{FFFD}'))
            ))
            .hint("delete that character and type the name again, with plain spaces only (such characters come in when copying from a web page or Word)"),
            ForeignLetter { shown, letter } => Said::new(format!(
                "in the team kind's name \"{shown}\", {}",
                crate::diagnostic::foreign_letter_en(letter)
            ))
            .hint("delete that letter and type it again on a Vietnamese or English keyboard"),
            NameTooLong { shown, chars } => Said::new(format!(
                "the team kind's name is {} characters long, above the limit of {} characters: \"{shown}\"",
                count(Lang::En, *chars as f64),
                count(Lang::En, crate::limits::NAME_CHARS as f64)
            ))
            .hint("give it a short name, such as name = \"volunteer\" (docs/limits.md)"),
            CostTooLarge { written } => Said::new(format!(
                "the cost per team-day is too large: {written}, at most {}",
                number::money(Lang::En, MAX_COST_PER_TEAM_DAY)
            ))
            .hint("write what one team costs for one day, in đồng, e.g. cost_per_team_day = 300_000"),
            CostNotWhole { written } => Said::new(format!(
                "the cost per team-day has a fraction of a đồng: {written}; the đồng has no smaller unit, so a cost is in whole đồng"
            ))
            .hint("round it to whole đồng, e.g. cost_per_team_day = 150_000"),
            InstallsTooLarge { written } => Said::new(format!(
                "installs per team-day are too many to be real: {written}, at most {}",
                count(Lang::En, MAX_INSTALLS_PER_TEAM_DAY)
            ))
            .hint("write the installs one team makes in one day, e.g. installs_per_team_day = 40; check for a digit typed twice"),
            MadeLocal { name, file, line } => Said::new(format!(
                "it is made local (scope = \"local\") here, while {file} gives it available teams (`available`){}: a local kind has no `available`",
                line.map(|l| format!(" on line {l}")).unwrap_or_default()
            ))
            .hint(format!(
                "keep scope = \"provincial\" for `{name}`; or define a new local kind under another name and count its teams in each district: teams = {{ ... = 8 }}"
            )),
            MadeProvincialNoPool { name, setting } => Said::new(
                "it is made provincial (scope = \"provincial\") here, but no file gives the province's pool of its teams (`available`)",
            )
            .hint(if *setting {
                format!("a provincial kind needs its pool: add --set team_kind.{name}.available=N (N teams, e.g. 30)")
            } else {
                "a provincial kind needs its pool: add a line such as available = 30 to this [[team_kind]] entry".to_string()
            }),
            MadeProvincialInDistrict {
                name,
                setting,
                district,
                file,
                line,
            } => Said::new(format!(
                "it is made provincial (scope = \"provincial\") here, while {file}{} counts `{name}` teams in district \"{district}\": a provincial kind's teams are not counted per district",
                line.map(|l| format!(":{l}")).unwrap_or_default()
            ))
            .hint(if *setting {
                format!("a --set cannot remove the teams the districts count: copy the scenario to a new file, set scope = \"provincial\" and available = N for `{name}` there, and remove the districts' `{name} = ...` entries")
            } else {
                format!("an overlay cannot remove what its base writes: instead of changing `{name}`, define in this file a new provincial kind under another name (name = \"{name}_pool\", scope = \"provincial\", available = N, ...)")
            }),
        }
    }
}
