//! Hints added to an error that a shared check raised, and shared by the kinds whose hint
//! says the same.

use crate::text::Text;

/// What to do, added as the hint of an error that a shared check raised (a value of the
/// wrong kind, say) where the scenario knows what was meant; a kind whose hint says the same
/// (`ScenarioProblem::DateWithTime`, say) names it too.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Hint {
    /// How the value of a `--set` is read, for an error in it that has no hint of its own.
    SettingValue,
    /// A `--set` value that is a number as a person writes it (`40%`, `0,4`, `18,019`), read
    /// as text: `fixed` is the whole setting to type instead (`target.provincial_rate=0.4`).
    SettingNumber { fix: NumberFix, fixed: String },
    /// `as_of` is a date without quotes.
    AsOfDate,
    /// `rules` is a list.
    RulesList,
    /// The coverage file is a workbook Excel can save as `.xlsx` or CSV.
    SaveAsXlsx,
    /// `[[team_kind]]` is a list of tables.
    TeamKindHeader,
    /// `[[history]]` is a list of tables, each a date and a file.
    HistoryEntry,
    /// `base` is the name of a file, in quotes.
    BaseQuoted,
    /// `base` is relative to `folder`, the folder of the file that names it.
    BaseRelative { folder: String },
    /// `[[district]]` is a list of tables.
    DistrictHeader,
    /// `teams` is a table of counts by kind.
    TeamsByKind,
    /// The key `key` of a district, not one of its fields, is a cohort: a whole number.
    CohortCount { key: String },
    /// What the header row of a coverage table names.
    CoverageHeader,
    /// The values `[params]` holds.
    ParamExample,
}

/// How a number written as a person writes it is fixed for a `--set`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NumberFix {
    /// `40%` for a share: a decimal from 0 to 1.
    Percent,
    /// `0,4`: the decimal point is a dot.
    DecimalComma,
    /// `18,019` or `18 019`: no thousands separators.
    Thousands,
}

/// A setting to type on the command line, quoted for a shell when it needs it (a district's
/// name: `'district."Hữu Lũng".smartphones=18019'`), so that it can be typed as shown.
fn quoted(setting: &str) -> String {
    crate::text::shell_quoted(setting)
}

impl Hint {
    /// The hint as an error's hint, in both languages.
    pub fn text(&self) -> Text {
        Text::new(self.vi(), self.en())
    }

    pub fn vi(&self) -> String {
        match self {
            Hint::SettingNumber { fix, fixed } => match (fix, quoted(fixed)) {
                (NumberFix::Percent, fixed) => format!("tỷ lệ ghi bằng số thập phân từ 0 đến 1 (30% là 0.3): gõ --set {fixed}"),
                (NumberFix::DecimalComma, fixed) => format!("dấu thập phân là dấu chấm, không phải dấu phẩy: gõ --set {fixed}"),
                (NumberFix::Thousands, fixed) => format!("viết số liền, không có dấu phân cách hàng nghìn: gõ --set {fixed}"),
            },
            Hint::SettingValue => "giá trị sau `=` được đọc như trong tệp kịch bản: số viết liền (0.5, 20_000), ngày dạng 2020-09-01, danh sách trong [ ], true/false; mọi giá trị khác là chữ".into(),
            Hint::AsOfDate => "ghi ngày theo dạng năm-tháng-ngày, không có ngoặc kép: as_of = 2020-09-01".into(),
            Hint::RulesList => "ghi danh sách trong ngoặc vuông, ví dụ rules = [\"../rules\"]".into(),
            Hint::SaveAsXlsx => "trong Excel chọn Lưu thành (Save As) > \"Excel Workbook (.xlsx)\" hoặc \"CSV UTF-8\", rồi ghi tên tệp ở đây".into(),
            Hint::TeamKindHeader => "viết mỗi loại đội dưới tiêu đề [[team_kind]] (hai dấu ngoặc vuông)".into(),
            Hint::HistoryEntry => "mỗi ảnh chụp số liệu là một mục:\n[[history]]\ndate = 2020-08-18\nfile = \"coverage-2020-08-18.csv\"".into(),
            Hint::BaseQuoted => "ghi tên tệp kịch bản gốc trong ngoặc kép, ví dụ base = \"lang-son-2020-09-01.toml\"".into(),
            Hint::BaseRelative { folder } => format!("đường dẫn `base` tính từ thư mục chứa tệp này ({folder})"),
            Hint::DistrictHeader => "viết mỗi huyện dưới tiêu đề [[district]] (hai dấu ngoặc vuông)".into(),
            Hint::TeamsByKind => "ghi số đội tại chỗ theo loại, ví dụ: teams = { commune = 8 }".into(),
            Hint::CoverageHeader => "dòng tiêu đề ghi tên các cột, ví dụ: Huyện,Đã cài Bluezone,Tổng smartphone,commune (thêm một cột cho mỗi loại tổ, đội tại chỗ và mỗi nhóm người)".into(),
            Hint::ParamExample => "ví dụ: threshold = 0.3, kind = \"volunteer\", strict = true, districts = [\"Đình Lập\", \"Bình Gia\"]".into(),
            Hint::CohortCount { key } => format!("mọi mục khác `name`, `unit_type`, `installed`, `smartphones`, `teams` là số người của một nhóm (ví dụ quarantine = 120); ghi `{key}` là một số nguyên không có ngoặc kép"),
        }
    }

    pub fn en(&self) -> String {
        match self {
            Hint::SettingNumber { fix, fixed } => match (fix, quoted(fixed)) {
                (NumberFix::Percent, fixed) => format!("a share is written as a decimal from 0 to 1 (30% is 0.3): type --set {fixed}"),
                (NumberFix::DecimalComma, fixed) => format!("the decimal point is a dot, not a comma: type --set {fixed}"),
                (NumberFix::Thousands, fixed) => format!("write the number without thousands separators: type --set {fixed}"),
            },
            Hint::SettingValue => "the value after `=` is read as in the scenario file: numbers as they are (0.5, 20_000), dates as 2020-09-01, lists in [ ], true/false; anything else is text".into(),
            Hint::AsOfDate => "write the date as year-month-day, without quotes: as_of = 2020-09-01".into(),
            Hint::RulesList => "write a list in square brackets, e.g. rules = [\"../rules\"]".into(),
            Hint::SaveAsXlsx => "in Excel choose Save As > \"Excel Workbook (.xlsx)\" or \"CSV UTF-8\", then name that file here".into(),
            Hint::TeamKindHeader => "write each team kind under a [[team_kind]] header (double square brackets)".into(),
            Hint::HistoryEntry => "each snapshot is one entry:\n[[history]]\ndate = 2020-08-18\nfile = \"coverage-2020-08-18.csv\"".into(),
            Hint::BaseQuoted => "write the base scenario's file name in double quotes, e.g. base = \"lang-son-2020-09-01.toml\"".into(),
            Hint::BaseRelative { folder } => format!("`base` is relative to the folder of this file ({folder})"),
            Hint::DistrictHeader => "write each district under a [[district]] header (double square brackets)".into(),
            Hint::TeamsByKind => "give the local teams by kind, e.g. teams = { commune = 8 }".into(),
            Hint::CoverageHeader => "the header row names the columns, e.g. District,Installed,Smartphones,commune (add a column per local team kind and per cohort)".into(),
            Hint::ParamExample => "for example: threshold = 0.3, kind = \"volunteer\", strict = true, districts = [\"Đình Lập\", \"Bình Gia\"]".into(),
            Hint::CohortCount { key } => format!("every field other than `name`, `unit_type`, `installed`, `smartphones`, `teams` is a cohort head count (e.g. quarantine = 120); write `{key}` as a whole number without quotes"),
        }
    }
}

/// A line of the shipped scenario that writes `key` of `table` (`""` for the top level,
/// `target`, `response`, `team_kind`, `district`, `history`), to show what a value looks like;
/// `None` for a key the scenario has no fixed example of (a cohort, a parameter).
pub(crate) fn example(table: &str, key: &str) -> Option<&'static str> {
    Some(match (table, key) {
        ("", "name") => "name = \"Lạng Sơn, 2020-09-01\"",
        ("", "as_of") => "as_of = 2020-09-01",
        ("", "horizon_days") => "horizon_days = 14",
        ("", "objective") => "objective = \"max-installs\"",
        ("", "budget") => "budget = 250_000_000",
        ("", "rules") => "rules = [\"../rules\"]",
        ("", "coverage") => "coverage = \"coverage.csv\"",
        ("", "base") => "base = \"lang-son-2020-09-01.toml\"",
        ("target", "provincial_rate") => "provincial_rate = 0.40",
        ("target", "district_floor") => "district_floor = 0.30",
        ("response", "reachable_share") => "reachable_share = 0.8",
        ("team_kind", "name") => "name = \"volunteer\"",
        ("team_kind", "scope") => "scope = \"provincial\"",
        ("team_kind", "available") => "available = 30",
        ("team_kind", "installs_per_team_day") => "installs_per_team_day = 40",
        ("team_kind", "cost_per_team_day") => "cost_per_team_day = 300_000",
        ("district", "name") => "name = \"Hữu Lũng\"",
        ("district", "unit_type") => "unit_type = \"thành phố\"",
        ("district", "installed") => "installed = 18_019",
        ("district", "smartphones") => "smartphones = 78_399",
        ("district", "teams") => "teams = { commune = 24 }",
        ("history", "date") => "date = 2020-08-18",
        ("history", "file") => "file = \"coverage-2020-08-18.csv\"",
        ("letter", "parent") => "parent = \"UBND tỉnh Lạng Sơn\"",
        ("letter", "issuer") => "issuer = \"Sở Thông tin và Truyền thông\"",
        ("letter", "number") => "number = 1635",
        ("letter", "symbol") => "symbol = \"STTTT-TTBCXB\"",
        ("letter", "place") => "place = \"Lạng Sơn\"",
        ("letter", "date") => "date = 2020-09-01",
        ("letter", "subject") => {
            "subject = \"tiếp tục tăng cường triển khai cài đặt ứng dụng Bluezone\""
        }
        ("letter", "app") => "app = \"Bluezone\"",
        ("letter", "recipients") => "recipients = [\"Chủ tịch UBND các huyện, thành phố\"]",
        ("letter", "copies_to") => "copies_to = [\"Như trên\", \"UBND tỉnh (BC)\", \"Lưu: VT\"]",
        ("letter", "authority") => "authority = \"KT. GIÁM ĐỐC\"",
        ("letter", "title") => "title = \"PHÓ GIÁM ĐỐC\"",
        ("letter", "signer") => "signer = \"Lê Hải Yến\"",
        ("letter", "mode") => "mode = \"annex\"",
        _ => return None,
    })
}

/// [`example`] for a field as errors name it: `horizon_days`, `target.provincial_rate`,
/// `team_kind.available`, `history.file`; a district's `installed`, `smartphones` or
/// `teams.KIND` (`teams = { KIND = 24 }`).
pub(crate) fn example_of_field(field: &str) -> Option<String> {
    if let Some(kind) = field.strip_prefix("teams.") {
        return Some(format!("teams = {{ {kind} = 24 }}"));
    }
    let (table, key) = match field.split_once('.') {
        Some((table, key)) => (table, key),
        None if matches!(field, "installed" | "smartphones") => ("district", field),
        None => ("", field),
    };
    example(table, key).map(str::to_string)
}
