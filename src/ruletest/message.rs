//! What can be wrong in a rule test, and what a failed case shows, each kind with its data,
//! worded once per language.

use super::DEFAULT_FOLDER;
use crate::diagnostic::{Message, Said, did_you_mean_en, did_you_mean_vi};
use crate::number::count;
use crate::source::name_list;
use crate::text::{Lang, Text};

fn list(known: &[String]) -> String {
    name_list(known.iter().map(String::as_str))
}

/// The file a rule test reads, as a message about it names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum File {
    Test,
}

impl File {
    pub fn text(self) -> Text {
        match self {
            File::Test => Text::new("tệp kiểm thử", "the test file"),
        }
    }
}

/// What to do, added as the hint of an error that a shared check raised (a file that cannot
/// be read, a value of the wrong kind) where a rule test knows what was meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Hint {
    /// A test file that is not there.
    CheckPath,
    /// `case` is a list of `[[case]]` tables; also the hint of a file without cases.
    CaseExample,
    /// `rules` is a list.
    RulesList,
    /// `plan` and the team counts of `[case.expect]` are tables of teams by kind.
    TeamsByKind,
    /// Installs are compared as whole numbers.
    WholeInstalls,
    /// `directives` is a list of tables.
    DirectivesList,
}

impl Hint {
    /// The hint as an error's hint, in both languages.
    pub fn text(self) -> Text {
        Text::new(self.vi(), self.en())
    }

    fn vi(self) -> String {
        match self {
            Hint::CheckPath => "kiểm tra đường dẫn và tên tệp".into(),
            Hint::CaseExample => format!("mỗi trường hợp bắt đầu bằng [[case]], ví dụ:\n{CASE_EXAMPLE}"),
            Hint::RulesList => "ghi danh sách trong ngoặc vuông, ví dụ rules = [\"../door-to-door.rhai\"]".into(),
            Hint::TeamsByKind => "ghi số tổ, đội theo loại, ví dụ: { commune = 5, volunteer = 1 }".into(),
            Hint::WholeInstalls => "số lượt cài được so sánh sau khi làm tròn, như khi in ra: ghi số nguyên".into(),
            Hint::DirectivesList => "ghi danh sách các chỉ đạo, ví dụ: directives = [ { rule = \"door-to-door\", priority = 1 } ]".into(),
        }
    }

    fn en(self) -> String {
        match self {
            Hint::CheckPath => "check the path and the file name".into(),
            Hint::CaseExample => format!("each case starts with [[case]], e.g.:\n{CASE_EXAMPLE}"),
            Hint::RulesList => "write a list in square brackets, e.g. rules = [\"../door-to-door.rhai\"]".into(),
            Hint::TeamsByKind => "give the teams by kind, e.g. { commune = 5, volunteer = 1 }".into(),
            Hint::WholeInstalls => "installs are compared rounded, as printed: write a whole number".into(),
            Hint::DirectivesList => "write a list of directives, e.g. directives = [ { rule = \"door-to-door\", priority = 1 } ]".into(),
        }
    }
}

/// What the TOML parser found wrong in a test file, from its English words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TomlSyntax {
    /// A text opened with `"` and not closed on its line.
    UnclosedText,
    /// A multi-line text opened with `"""` (or `'''`) and never closed.
    UnclosedMultiLine,
    /// A control character (a NUL byte, say) inside a text.
    ControlInText,
    /// A backslash in a text not followed by a letter TOML knows.
    BadEscape,
    /// A value that is not in quotes, or no value after `=`.
    Unquoted,
    /// A key written twice in one table.
    DuplicateKey,
    /// A key without `=` and a value.
    NoValue,
    /// A list, table or inline table not closed, or two items without a comma between them.
    Unclosed,
    /// A date or time that is none.
    BadDate,
    /// Anything else.
    Other,
}

impl TomlSyntax {
    /// The kind of mistake the parser's `message` names.
    pub fn of_parser(message: &str) -> TomlSyntax {
        if message.starts_with("invalid basic string, expected `\"`")
            || message.starts_with("invalid literal string, expected `'`")
        {
            TomlSyntax::UnclosedText
        } else if message.starts_with("invalid basic string")
            || message.starts_with("invalid literal string")
        {
            TomlSyntax::ControlInText
        } else if message.starts_with("missing escaped value") || message.contains("escape") {
            TomlSyntax::BadEscape
        } else if message.starts_with("string values must be quoted") {
            TomlSyntax::Unquoted
        } else if message.starts_with("duplicate key") {
            TomlSyntax::DuplicateKey
        } else if message.starts_with("key with no value") {
            TomlSyntax::NoValue
        } else if message.starts_with("unclosed")
            || message.starts_with("missing comma")
            || message.starts_with("invalid inline table")
            || message.starts_with("invalid array")
        {
            TomlSyntax::Unclosed
        } else if message.starts_with("invalid date") || message.starts_with("invalid time") {
            TomlSyntax::BadDate
        } else {
            TomlSyntax::Other
        }
    }

    /// (the problem, what to do) in Vietnamese.
    fn vi(self) -> (&'static str, &'static str) {
        match self {
            TomlSyntax::UnclosedText => (
                "đoạn chữ chưa đóng dấu ngoặc kép",
                "thêm `\"` ở cuối đoạn chữ, trên cùng dòng, ví dụ name = \"Hữu Lũng\"",
            ),
            TomlSyntax::UnclosedMultiLine => (
                "đoạn chữ nhiều dòng mở bằng `\"\"\"` ở đây nhưng không bao giờ đóng: mọi dòng \
                 sau nó, tới cuối tệp, đều bị đọc thành chữ",
                "thêm `\"\"\"` ở cuối đoạn chữ; đoạn chữ trên một dòng thì chỉ cần một dấu `\"` \
                 ở mỗi đầu, ví dụ name = \"Hữu Lũng\"",
            ),
            TomlSyntax::ControlInText => (
                "đoạn chữ có một ký tự điều khiển (ký tự không in được)",
                "gõ lại đoạn chữ; ký tự này thường lẫn vào khi sao chép",
            ),
            TomlSyntax::BadEscape => (
                "dấu `\\` trong đoạn chữ không đi kèm ký tự đặc biệt nào",
                "viết `\\\\` để có một dấu `\\`, hoặc bỏ dấu `\\` đi",
            ),
            TomlSyntax::Unquoted => (
                "chữ chưa đặt trong ngoặc kép, hoặc thiếu giá trị sau dấu `=`",
                "viết chữ trong ngoặc kép (name = \"Hữu Lũng\"), số viết liền (0.35)",
            ),
            TomlSyntax::DuplicateKey => (
                "khóa này đã được ghi ở trên, trong cùng bảng",
                "mỗi khóa chỉ ghi một lần trong một bảng: xóa một trong hai dòng; mỗi trường hợp \
                 bắt đầu bằng [[case]] riêng",
            ),
            TomlSyntax::NoValue => (
                "khóa không có dấu `=` và giá trị",
                "viết khóa = giá trị, ví dụ district = \"Hữu Lũng\"",
            ),
            TomlSyntax::Unclosed => (
                "danh sách hoặc bảng chưa đóng, hoặc thiếu dấu phẩy giữa hai phần tử",
                "kiểm tra dấu `]`, `}` và dấu phẩy ở chỗ được chỉ hoặc dòng trên",
            ),
            TomlSyntax::BadDate => (
                "ngày hoặc giờ viết sai",
                "viết ngày dạng năm-tháng-ngày, ví dụ 2020-09-01",
            ),
            TomlSyntax::Other => (
                "có chỗ viết sai ở chỗ được chỉ",
                "kiểm tra dấu ngoặc kép quanh chữ, dấu `=` và các dấu ngoặc ở chỗ được chỉ (hoặc \
                 ngay trước đó)",
            ),
        }
    }

    /// What to do, in English (the problem is the parser's own words).
    fn en(self) -> &'static str {
        match self {
            TomlSyntax::UnclosedText => {
                "add the `\"` at the end of the text, on the same line, e.g. name = \"Hữu Lũng\""
            }
            TomlSyntax::UnclosedMultiLine => {
                "add `\"\"\"` at the end of the text; a text on one line needs only one `\"` at \
                 each end, e.g. name = \"Hữu Lũng\""
            }
            TomlSyntax::ControlInText => {
                "type the text again; such a character usually comes in with a copy"
            }
            TomlSyntax::BadEscape => "write `\\\\` for one `\\`, or remove the `\\`",
            TomlSyntax::Unquoted => {
                "write text in double quotes (name = \"Hữu Lũng\"), numbers as digits (0.35)"
            }
            TomlSyntax::DuplicateKey => {
                "write each key once in a table: delete one of the two lines; each case starts \
                 with its own [[case]]"
            }
            TomlSyntax::NoValue => "write key = value, e.g. district = \"Hữu Lũng\"",
            TomlSyntax::Unclosed => {
                "check the `]`, `}` and commas at the spot shown or on the line above"
            }
            TomlSyntax::BadDate => "write a date as year-month-day, e.g. 2020-09-01",
            TomlSyntax::Other => {
                "check the quotes around text, the `=` signs and the brackets at the spot shown \
                 (or just before it)"
            }
        }
    }
}

/// What a test file's `scenario =` names, when it is no scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Named {
    /// The test file itself.
    Itself,
    /// Another rule test file; `scenario`: the scenario it names, when its paths start from the
    /// same folder as this one's (so that the same words fit here).
    TestFile { scenario: Option<String> },
    /// A rule file (.rhai), which belongs in `rules = [...]`.
    RuleFile,
}

/// A scenario as a test file in rules/tests/ names it.
const SCENARIO_EXAMPLE: &str = "scenario = \"../../scenarios/lang-son-2020-09-01.toml\"";

/// A case, as a test file writes one.
const CASE_EXAMPLE: &str = "[[case]]\nname = \"...\"\ndistrict = \"Hữu Lũng\"\n\n[case.expect]\nmin_teams = { commune = 24, volunteer = 1 }";

/// A problem with a test file or with what `campaign rules test` is given, outside
/// `[case.expect]`.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum TestFileProblem {
    /// A folder given to the command has no `.toml` file.
    EmptyFolder {
        folder: String,
    },
    /// A path given to the command is neither a file nor a folder.
    NotFound {
        path: String,
    },
    /// The file is not valid TOML: what the parser found (`syntax`), and its own words
    /// (`message`, English), given in English only.
    NotToml {
        syntax: TomlSyntax,
        message: String,
    },
    /// The file is a scenario (it has a scenario's keys, and neither `scenario` nor
    /// `[[case]]`), given to `campaign rules test` as a test file.
    IsScenario,
    /// A rule file (`.rhai`, at `path`) given to `campaign rules test` as a test file.
    IsRule {
        path: String,
    },
    NoCases,
    /// More cases than [`MAX_CASES`](super::fixture::MAX_CASES).
    TooManyCases {
        count: usize,
    },
    /// Two cases have the same name.
    CaseTwice {
        name: String,
        first_line: usize,
    },
    /// `folder` is the test file's folder, which paths are relative to.
    ScenarioNotFound {
        path: String,
        folder: String,
    },
    /// `scenario =` names a file that is plainly no scenario (`named`): `path` as found,
    /// `written` as the test file writes it. (The error names the field `scenario`, so the
    /// words start with the verb.)
    NotAScenario {
        named: Named,
        path: String,
        written: String,
    },
    /// `rules = []`.
    NoRules,
    RuleNotFound {
        path: String,
        folder: String,
    },
    /// A `[params]` key the scenario does not have; `close` is one it has that this may be a
    /// typing mistake for, `known` every key it has.
    UnknownParam {
        key: String,
        close: Option<String>,
        known: Vec<String>,
    },
    EmptyCaseName,
    /// A district the scenario does not have; `close` and `known` as for a key.
    NoDistrict {
        name: String,
        close: Option<String>,
        known: crate::diagnostic::Shortlist,
    },
    /// The case's `district` (`name`, as written) is the name of two or more of the
    /// scenario's districts once the unit word is set aside: `candidates`, their full names.
    AmbiguousDistrict {
        name: String,
        candidates: Vec<String>,
    },
    /// `plan` gives a district more teams of a local kind than it has.
    AboveLocalTeams {
        district: String,
        kind: String,
        teams: u32,
        given: u32,
    },
    /// `plan` gives a district more teams of a provincial kind than the province has.
    AbovePool {
        kind: String,
        teams: u32,
        given: u32,
    },
}

impl Message for TestFileProblem {
    fn vi(&self) -> Said {
        use TestFileProblem::*;
        let relative =
            |folder: &str| format!("đường dẫn tính từ thư mục chứa tệp kiểm thử ({folder})");
        match self {
            EmptyFolder { folder } => Said::new(format!(
                "thư mục {folder} không có tệp kiểm thử .toml nào"
            ))
            .hint("tệp kiểm thử quy tắc là các tệp .toml, thường nằm trong rules/tests/"),
            NotFound { path } => Said::new(format!(
                "không tìm thấy tệp hoặc thư mục kiểm thử {path}"
            ))
            .hint(format!(
                "kiểm tra đường dẫn; khi không ghi đường dẫn, lệnh đọc thư mục {DEFAULT_FOLDER}/ của thư mục đang đứng"
            )),
            NotToml { syntax, .. } => {
                let (problem, hint) = syntax.vi();
                Said::new(format!("tệp kiểm thử không đúng cú pháp TOML: {problem}")).hint(hint)
            }
            IsScenario => Said::new(
                "đây là một tệp kịch bản, không phải tệp kiểm thử quy tắc: nó không có \
                 `scenario = ...` và các `[[case]]` của một tệp kiểm thử",
            )
            .hint(format!(
                "các tệp kiểm thử của quy tắc có sẵn nằm trong {DEFAULT_FOLDER}/: `campaign rules \
                 test {DEFAULT_FOLDER}` (docs/rule-tests.md); để kiểm tra quy tắc của một kịch \
                 bản: `campaign rules check --scenario TỆP_KỊCH_BẢN`"
            )),
            IsRule { path } => Said::new(
                "đây là một tệp quy tắc (.rhai), không phải tệp kiểm thử quy tắc (.toml)",
            )
            .hint(format!(
                "kiểm thử của các quy tắc là các tệp .toml trong {DEFAULT_FOLDER}/: `campaign rules \
                 test {DEFAULT_FOLDER}` (docs/rule-tests.md); để kiểm tra chính quy tắc này: \
                 `campaign rules check {path}`"
            )),
            NoCases => Said::new("tệp kiểm thử chưa có trường hợp nào").hint(Hint::CaseExample.vi()),
            TooManyCases { count } => Said::new(format!(
                "tệp kiểm thử có {} trường hợp, nhiều nhất là {}",
                crate::number::count(Lang::Vi, *count as f64),
                crate::number::count(Lang::Vi, super::fixture::MAX_CASES as f64)
            ))
            .hint("chia các trường hợp ra nhiều tệp kiểm thử, mỗi tệp cho một quy tắc"),
            CaseTwice { name, first_line } => Said::new(format!(
                "trường hợp \"{name}\" bị ghi hai lần (lần đầu ở dòng {first_line})"
            ))
            .hint("mỗi trường hợp cần một tên riêng để biết trường hợp nào không đạt"),
            ScenarioNotFound { path, folder } => {
                Said::new(format!("không tìm thấy tệp kịch bản {path}")).hint(relative(folder))
            }
            NotAScenario {
                named,
                path,
                written,
            } => match named {
                Named::Itself => Said::new(
                    "ghi chính tệp kiểm thử này; mục này phải ghi một tệp kịch bản \
                     (.toml) để các trường hợp chạy trong đó",
                )
                .hint(format!(
                    "ghi đường dẫn tới tệp kịch bản, tính từ thư mục chứa tệp kiểm thử, ví dụ \
                     {SCENARIO_EXAMPLE}"
                )),
                Named::TestFile { scenario } => Said::new(format!(
                    "ghi {path}, một tệp kiểm thử quy tắc khác, không phải tệp kịch bản"
                ))
                .hint(match scenario {
                    Some(its) => format!(
                        "tệp đó chạy trên kịch bản của nó: để dùng cùng kịch bản, ghi \
                         scenario = \"{its}\""
                    ),
                    None => format!(
                        "ghi đường dẫn tới tệp kịch bản (.toml), tính từ thư mục chứa tệp kiểm \
                         thử, ví dụ {SCENARIO_EXAMPLE}"
                    ),
                }),
                Named::RuleFile => Said::new(format!(
                    "ghi {path}, một tệp quy tắc (.rhai), không phải tệp kịch bản"
                ))
                .hint(format!(
                    "quy tắc cần thử ghi ở rules = [\"{written}\"]; `scenario` ghi tệp kịch bản \
                     (.toml), ví dụ {SCENARIO_EXAMPLE}"
                )),
            },
            NoRules => Said::new("danh sách quy tắc đang để trống: không có quy tắc nào để thử")
                .hint("ghi các tệp quy tắc cần thử, hoặc xóa dòng này để dùng các quy tắc của kịch bản"),
            RuleNotFound { path, folder } => {
                Said::new(format!("không tìm thấy tệp quy tắc {path}")).hint(relative(folder))
            }
            UnknownParam { key, close, known } => Said::new(format!(
                "kịch bản không có khóa `{key}` trong [params] để thay"
            ))
            .hint(match close {
                Some(close) => did_you_mean_vi(close),
                None => format!("các khóa [params] của kịch bản: {}", list(known)),
            }),
            EmptyCaseName => Said::new("tên trường hợp đang để trống")
                .hint("đặt một tên nói rõ trường hợp thử điều gì"),
            NoDistrict { name, close, known } => Said::new(format!(
                "kịch bản không có huyện \"{name}\""
            ))
            .hint(match close {
                Some(close) => did_you_mean_vi(close),
                None => format!(
                    "{}; hoặc ghi huyện dưới dạng bảng: district = {{ name = \"...\", installed = 300, smartphones = 1000, teams = {{ commune = 5 }} }}",
                    known.districts_vi()
                ),
            }),
            AmbiguousDistrict { name, candidates } => Said::new(format!(
                "\"{name}\" là tên của {} huyện của kịch bản: {}; không biết là huyện nào",
                candidates.len(),
                crate::text::quoted_list(candidates)
            ))
            .hint(format!(
                "ghi đầy đủ tên, cả loại đơn vị, ví dụ district = \"{}\"",
                candidates.first().unwrap_or(name)
            )),
            AboveLocalTeams {
                district,
                kind,
                teams,
                given,
            } => Said::new(format!(
                "huyện \"{district}\" chỉ có {teams} tổ `{kind}` tại chỗ, kế hoạch không thể giao {given}"
            )),
            AbovePool { kind, teams, given } => Said::new(format!(
                "tỉnh chỉ có {teams} đội `{kind}`, kế hoạch không thể giao {given} cho một huyện"
            )),
        }
    }

    fn en(&self) -> Said {
        use TestFileProblem::*;
        let relative =
            |folder: &str| format!("paths are relative to the test file's folder ({folder})");
        match self {
            EmptyFolder { folder } => Said::new(format!(
                "the folder {folder} has no .toml test files"
            ))
            .hint("rule tests are .toml files, usually in rules/tests/"),
            NotFound { path } => Said::new(format!("test file or folder {path} not found")).hint(
                format!(
                    "check the path; given no path, the command reads {DEFAULT_FOLDER}/ in the current folder"
                ),
            ),
            NotToml {
                syntax: TomlSyntax::UnclosedMultiLine,
                ..
            } => Said::new(
                "the test file is not valid TOML: a multi-line text opened with `\"\"\"` here \
                 is never closed: every line after it, to the end of the file, is read as text",
            )
            .hint(TomlSyntax::UnclosedMultiLine.en()),
            NotToml { syntax, message } => {
                Said::new(format!("the test file is not valid TOML: {message}"))
                    .hint(syntax.en())
            }
            IsScenario => Said::new(
                "this is a scenario file, not a rule test file: it has neither the \
                 `scenario = ...` nor the `[[case]]` of a test file",
            )
            .hint(format!(
                "the tests of the shipped rules are in {DEFAULT_FOLDER}/: `campaign rules test \
                 {DEFAULT_FOLDER}` (docs/rule-tests.md); to check a scenario's rules: `campaign \
                 rules check --scenario SCENARIO_FILE`"
            )),
            IsRule { path } => Said::new(
                "this is a rule file (.rhai), not a rule test file (.toml)",
            )
            .hint(format!(
                "the rules' tests are .toml files in {DEFAULT_FOLDER}/: `campaign rules test \
                 {DEFAULT_FOLDER}` (docs/rule-tests.md); to check this rule itself: `campaign \
                 rules check {path}`"
            )),
            NoCases => Said::new("the test file has no cases").hint(Hint::CaseExample.en()),
            TooManyCases { count } => Said::new(format!(
                "the test file has {} cases, at most {}",
                crate::number::count(Lang::En, *count as f64),
                crate::number::count(Lang::En, super::fixture::MAX_CASES as f64)
            ))
            .hint("split the cases into several test files, one per rule"),
            CaseTwice { name, first_line } => Said::new(format!(
                "the case \"{name}\" appears twice (first at line {first_line})"
            ))
            .hint("give each case its own name, so that a failure says which one"),
            ScenarioNotFound { path, folder } => {
                Said::new(format!("the scenario file {path} was not found")).hint(relative(folder))
            }
            NotAScenario {
                named,
                path,
                written,
            } => match named {
                Named::Itself => Said::new(
                    "names this test file itself; it must name a scenario file \
                     (.toml) for the cases to run in",
                )
                .hint(format!(
                    "write the path of the scenario file, relative to the test file's folder, \
                     e.g. {SCENARIO_EXAMPLE}"
                )),
                Named::TestFile { scenario } => Said::new(format!(
                    "names {path}, another rule test file, not a scenario file"
                ))
                .hint(match scenario {
                    Some(its) => format!(
                        "that file runs in its own scenario: to use the same one, write \
                         scenario = \"{its}\""
                    ),
                    None => format!(
                        "write the path of a scenario file (.toml), relative to the test file's \
                         folder, e.g. {SCENARIO_EXAMPLE}"
                    ),
                }),
                Named::RuleFile => Said::new(format!(
                    "names {path}, a rule file (.rhai), not a scenario file"
                ))
                .hint(format!(
                    "the rules to test go in rules = [\"{written}\"]; `scenario` names a \
                     scenario file (.toml), e.g. {SCENARIO_EXAMPLE}"
                )),
            },
            NoRules => Said::new("the rule list is empty: there is no rule to test")
                .hint("name the rule files to test, or remove this line to use the scenario's rules"),
            RuleNotFound { path, folder } => {
                Said::new(format!("no rule file found at {path}")).hint(relative(folder))
            }
            UnknownParam { key, close, known } => Said::new(format!(
                "the scenario has no [params] key `{key}` to override"
            ))
            .hint(match close {
                Some(close) => did_you_mean_en(close),
                None => format!("the scenario's [params] keys: {}", list(known)),
            }),
            EmptyCaseName => Said::new("the case's name is empty")
                .hint("give it a name that says what the case tests"),
            NoDistrict { name, close, known } => Said::new(format!(
                "the scenario has no district \"{name}\""
            ))
            .hint(match close {
                Some(close) => did_you_mean_en(close),
                None => format!(
                    "{}; or write the district as a table: district = {{ name = \"...\", installed = 300, smartphones = 1000, teams = {{ commune = 5 }} }}",
                    known.districts_en()
                ),
            }),
            AmbiguousDistrict { name, candidates } => Said::new(format!(
                "\"{name}\" is the name of {} of the scenario's districts: {}; which one is not known",
                candidates.len(),
                crate::text::quoted_list(candidates)
            ))
            .hint(format!(
                "write the full name, unit word and all, e.g. district = \"{}\"",
                candidates.first().unwrap_or(name)
            )),
            AboveLocalTeams {
                district,
                kind,
                teams,
                given,
            } => Said::new(format!(
                "the district \"{district}\" has only {teams} local `{kind}` teams; a plan cannot give it {given}"
            )),
            AbovePool { kind, teams, given } => Said::new(format!(
                "the province has only {teams} `{kind}` teams; a plan cannot give {given} to one district"
            )),
        }
    }
}

/// A problem with `[case.expect]`, or with a table of teams by kind (`plan` too).
#[derive(Debug, Clone, PartialEq)]
pub(super) enum ExpectProblem {
    /// The case has no `[case.expect]`, or an empty one.
    ExpectsNothing {
        case: String,
    },
    /// `error_contains` with another key (`other`).
    ErrorAndChecks {
        other: String,
    },
    /// A blank `error_contains`.
    EmptyErrorContains,
    NegativeInstalls,
    /// `expected_installs = true`.
    ExpectedInstallsTrue,
    /// A cohort no district has; `close` is one some district has that this may be a typing
    /// mistake for, `known` every cohort some district has.
    NoCohort {
        cohort: String,
        close: Option<String>,
        known: Vec<String>,
    },
    /// A team kind the scenario does not have; `close` and `known` as for a cohort.
    UnknownTeamKind {
        kind: String,
        close: Option<String>,
        known: Vec<String>,
    },
    /// A number of teams that is negative or above [`crate::model::MAX_TEAMS`].
    TeamsOutOfRange {
        value: i128,
    },
    /// An expected rule name with a letter of another script, or an invisible character, that
    /// reads as a rule's name and is none ([`crate::diagnostic::unlike_vi`]).
    LookAlikeRule {
        rule: String,
    },
}

impl Message for ExpectProblem {
    fn vi(&self) -> Said {
        use ExpectProblem::*;
        match self {
            ExpectsNothing { case } => Said::new(format!(
                "trường hợp \"{case}\" không kiểm tra điều gì: một phép thử không thể sai thì không phải phép thử"
            ))
            .hint("thêm bảng [case.expect] với ít nhất một khóa, ví dụ:\n[case.expect]\nmin_teams = { commune = 5, volunteer = 1 }"),
            ErrorAndChecks { other } => Said::new(format!(
                "`error_contains` đã đòi quy tắc dừng với lỗi, nên không kiểm tra `{other}` được"
            ))
            .hint("tách thành hai trường hợp: một trường hợp có lỗi, một trường hợp không"),
            EmptyErrorContains => Said::new("`error_contains` đang để trống: mọi lỗi đều khớp")
                .hint("ghi một đoạn chữ của thông báo lỗi cần có"),
            NegativeInstalls => Said::new("số lượt cài không được âm"),
            ExpectedInstallsTrue => Said::new(
                "ghi số lượt cài dự kiến, hoặc `false` nếu chỉ đạo không ghi số này",
            ),
            NoCohort {
                cohort,
                close,
                known,
            } => Said::new(format!("không huyện nào có nhóm `{cohort}`")).hint(match close {
                Some(close) => did_you_mean_vi(close),
                None => format!("các nhóm có trong kịch bản: {}", list(known)),
            }),
            UnknownTeamKind { kind, close, known } => {
                Said::new(format!("không có loại đội `{kind}`")).hint(match close {
                    Some(close) => did_you_mean_vi(close),
                    None => format!("các loại đội của kịch bản: {}", list(known)),
                })
            }
            TeamsOutOfRange { value } => Said::new(format!(
                "số tổ, đội phải là số nguyên từ 0 đến {}, không phải {}",
                count(Lang::Vi, f64::from(crate::model::MAX_TEAMS)),
                count(Lang::Vi, *value as f64)
            ))
            .hint("kiểm tra có gõ thừa chữ số hay dấu trừ không"),
            LookAlikeRule { rule } => Said::new(format!(
                "tên quy tắc \"{rule}\" trông như tên một quy tắc nhưng không quy tắc nào có tên này: {}",
                crate::diagnostic::unlike_vi(rule).unwrap_or_default()
            ))
            .hint(match crate::text::latin_lookalike(rule) {
                Some(plain) => format!(
                    "gõ lại tên bằng bàn phím tiếng Việt hoặc tiếng Anh: rule = \"{plain}\" (tên quy tắc là tên tệp .rhai, không có đuôi)"
                ),
                None => "gõ lại tên bằng bàn phím tiếng Việt hoặc tiếng Anh (tên quy tắc là tên tệp .rhai, không có đuôi)".to_string(),
            }),
        }
    }

    fn en(&self) -> Said {
        use ExpectProblem::*;
        match self {
            ExpectsNothing { case } => Said::new(format!(
                "the case \"{case}\" expects nothing: a test that cannot fail is not a test"
            ))
            .hint("add a [case.expect] table with at least one key, e.g.:\n[case.expect]\nmin_teams = { commune = 5, volunteer = 1 }"),
            ErrorAndChecks { other } => Said::new(format!(
                "`error_contains` expects the rules to stop with an error, so `{other}` cannot be checked too"
            ))
            .hint("split it into two cases: one where the rules stop, one where they do not"),
            EmptyErrorContains => Said::new("`error_contains` is empty: any error would match")
                .hint("write a piece of the error message you expect"),
            NegativeInstalls => Said::new("a number of installs must not be negative"),
            ExpectedInstallsTrue => Said::new(
                "write the expected installs, or `false` when the directive states none",
            ),
            NoCohort {
                cohort,
                close,
                known,
            } => Said::new(format!("no district has a cohort `{cohort}`")).hint(match close {
                Some(close) => did_you_mean_en(close),
                None => format!("the scenario's cohorts: {}", list(known)),
            }),
            UnknownTeamKind { kind, close, known } => {
                Said::new(format!("unknown team kind `{kind}`")).hint(match close {
                    Some(close) => did_you_mean_en(close),
                    None => format!("the scenario's team kinds: {}", list(known)),
                })
            }
            TeamsOutOfRange { value } => Said::new(format!(
                "a number of teams must be a whole number from 0 to {}, not {}",
                count(Lang::En, f64::from(crate::model::MAX_TEAMS)),
                count(Lang::En, *value as f64)
            ))
            .hint("check for an extra digit or a minus sign"),
            LookAlikeRule { rule } => Said::new(format!(
                "the rule name \"{rule}\" reads as a rule's name but no rule has it: {}",
                crate::diagnostic::unlike_en(rule).unwrap_or_default()
            ))
            .hint(match crate::text::latin_lookalike(rule) {
                Some(plain) => format!(
                    "type the name again on a Vietnamese or English keyboard: rule = \"{plain}\" (a rule's name is its .rhai file's, without the extension)"
                ),
                None => "type the name again on a Vietnamese or English keyboard (a rule's name is its .rhai file's, without the extension)".to_string(),
            }),
        }
    }
}

/// A value in the report of a failed case: what the case expects, or what the rules did.
#[derive(Debug, Clone, PartialEq)]
pub enum Shown {
    /// Written the same in both languages, as the test file would write it.
    Same(String),
    /// No district floor set (`min_rate`).
    NoneSet,
    NoDirectives,
    /// The directives the rules made, by the rule that made each, in order.
    Directives {
        rules: Vec<String>,
    },
    /// How many directives the case expects.
    DirectiveCount(usize),
    /// A text that contains `piece`.
    Contains(String),
    /// A directive that states no expected installs.
    NoneStated,
    /// Installs that are not whole: rounded, with the figure to two decimals.
    Unrounded(f64),
}

impl Shown {
    pub fn get(&self, lang: Lang) -> String {
        match lang {
            Lang::Vi => self.vi(),
            Lang::En => self.en(),
        }
    }

    fn vi(&self) -> String {
        match self {
            Shown::Same(text) => text.clone(),
            Shown::NoneSet => "không đặt".into(),
            Shown::NoDirectives => "không có chỉ đạo nào".into(),
            Shown::Directives { rules } => {
                format!("{} chỉ đạo (của {})", rules.len(), rules.join(", "))
            }
            Shown::DirectiveCount(n) => format!("{n} chỉ đạo"),
            Shown::Contains(piece) => format!("có chứa \"{piece}\""),
            Shown::NoneStated => "không ghi".into(),
            Shown::Unrounded(value) => format!(
                "{} (chưa làm tròn: {})",
                value.round(),
                format!("{value:.2}").replace('.', ",")
            ),
        }
    }

    fn en(&self) -> String {
        let directives = |n: usize| if n == 1 { "directive" } else { "directives" };
        match self {
            Shown::Same(text) => text.clone(),
            Shown::NoneSet => "none set".into(),
            Shown::NoDirectives => "no directives".into(),
            Shown::Directives { rules } => format!(
                "{} {} (from {})",
                rules.len(),
                directives(rules.len()),
                rules.join(", ")
            ),
            Shown::DirectiveCount(n) => format!("{n} {}", directives(*n)),
            Shown::Contains(piece) => format!("contains \"{piece}\""),
            Shown::NoneStated => "none stated".into(),
            Shown::Unrounded(value) => {
                format!("{} (unrounded: {value:.2})", value.round())
            }
        }
    }
}
