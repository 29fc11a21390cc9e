//! A command line the argument parser refuses (a command or argument missing or unknown, a
//! value not allowed), worded in the user's language with a command line to copy.

use crate::diagnostic::{Message, Said, did_you_mean_en, did_you_mean_vi};
use crate::limits::{WIDTH_MAX, WIDTH_MIN};
use crate::number::count;
use crate::source::name_list;
use crate::text::Lang;

/// A command line the argument parser refuses, worded in the user's language. `command` is the
/// command as typed so far (`campaign plan`, `campaign rules check`, `campaign`), and the hint
/// shows a whole command line for it ([`example`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum UsageProblem {
    /// No command after `command` (`campaign` alone, `campaign rules` alone); `commands` are
    /// the ones that may follow.
    NoCommand {
        command: String,
        commands: Vec<String>,
    },
    /// `written` is no command of `command`; `close` is one it may be a typing mistake for.
    UnknownCommand {
        command: String,
        written: String,
        close: Option<String>,
        commands: Vec<String>,
    },
    /// Required arguments not given, each as [`Arg`].
    Missing { command: String, missing: Vec<Arg> },
    /// `option` (`--lang`) given `written`, which is none of `possible` (`close` may be the
    /// one meant); `written` is empty when no value followed the option.
    BadValue {
        command: String,
        option: String,
        written: String,
        possible: Vec<String>,
        close: Option<String>,
    },
    /// `option` takes a whole number, not `written`.
    NotANumber {
        command: String,
        option: String,
        written: String,
    },
    /// An option `command` does not have; `close` is one it may be a typing mistake for,
    /// `options` every one it has.
    UnknownOption {
        command: String,
        written: String,
        close: Option<String>,
        options: Vec<String>,
    },
    /// An argument too many (`campaign plan a.toml b.toml`).
    Extra { command: String, written: String },
    /// `written` (`--lang`) typed after a `--`, which makes every word after it a file name:
    /// `without` is the command line as meant, without the `--`.
    AfterDoubleDash {
        command: String,
        written: String,
        without: String,
    },
    /// A `--set` whose district name has a space, typed without quotes: the shell split it;
    /// `joined` is the setting as meant (`district.Hữu Lũng.installed=18019`).
    SplitSetting { command: String, joined: String },
    /// `what` takes at least `min` values; `given` were.
    TooFew {
        command: String,
        what: Arg,
        min: usize,
        given: usize,
    },
    /// `option` given twice.
    Twice { command: String, option: String },
    /// `option` cannot go with `other`.
    Conflict {
        command: String,
        option: String,
        other: String,
    },
    /// An argument that is not UTF-8 text.
    NotText { command: String },
    /// Anything else; `library` is the parser's own words (in English).
    Other { command: String, library: String },
}

/// An argument a command takes, named as people read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Arg {
    Scenario,
    Scenarios,
    TableFile,
    /// An option (`--district`), with what it holds where that is known.
    Option(String),
    /// Anything else, as the parser writes it.
    Other(String),
}

impl Arg {
    fn vi(&self) -> String {
        match self {
            Arg::Scenario => "tệp kịch bản (.toml)".to_string(),
            Arg::Scenarios => "các tệp kịch bản (.toml)".to_string(),
            Arg::TableFile => "tệp bảng số liệu (CSV hoặc XLSX)".to_string(),
            Arg::Option(option) => match option_holds(option) {
                Some((vi, _)) => format!("tùy chọn `{option}` ({vi})"),
                None => format!("tùy chọn `{option}`"),
            },
            Arg::Other(arg) => format!("`{arg}`"),
        }
    }

    fn en(&self) -> String {
        match self {
            Arg::Scenario => "the scenario file (.toml)".to_string(),
            Arg::Scenarios => "the scenario files (.toml)".to_string(),
            Arg::TableFile => "the table file (CSV or XLSX)".to_string(),
            Arg::Option(option) => match option_holds(option) {
                Some((_, en)) => format!("the option `{option}` ({en})"),
                None => format!("the option `{option}`"),
            },
            Arg::Other(arg) => format!("`{arg}`"),
        }
    }
}

impl Arg {
    /// The argument after a number: "2 tệp kịch bản", "2 scenario files".
    fn counted(&self, lang: Lang) -> String {
        match (self, lang) {
            (Arg::Scenario | Arg::Scenarios, Lang::Vi) => "tệp kịch bản (.toml)".to_string(),
            (Arg::Scenario | Arg::Scenarios, Lang::En) => "scenario files (.toml)".to_string(),
            (other, Lang::Vi) => format!("giá trị cho {}", other.vi()),
            (other, Lang::En) => format!("values for {}", other.en()),
        }
    }
}

/// What an option holds, (Vietnamese, English).
fn option_holds(option: &str) -> Option<(&'static str, &'static str)> {
    Some(match option {
        "--district" => ("tên huyện cần giải thích", "the district to explain"),
        "--vary" => (
            "khóa cần thay đổi và khoảng giá trị",
            "the key to vary and its range",
        ),
        "--seed" => (
            "hạt giống: cùng số cho cùng một tỉnh giả lập",
            "the seed: the same number gives the same made-up province",
        ),
        "--units" => ("số xã hoặc huyện", "the number of communes or districts"),
        "--out" => ("tệp để ghi kết quả", "the file to write to"),
        "--set" => ("KHÓA=GIÁ_TRỊ", "KEY=VALUE"),
        "--lang" => ("ngôn ngữ: vi hoặc en", "the language: vi or en"),
        "--format" => ("định dạng kết quả", "the output format"),
        "--jobs" => ("số phương án giải cùng lúc", "plans solved at once"),
        "--scenario" => ("tệp kịch bản", "a scenario file"),
        _ => return None,
    })
}

/// The option with a value, to copy: (Vietnamese, English).
fn option_example(option: &str) -> Option<(&'static str, &'static str)> {
    Some(match option {
        "--out" => ("--out ke-hoach.json", "--out plan.json"),
        "--set" => (
            "--set target.provincial_rate=0.5",
            "--set target.provincial_rate=0.5",
        ),
        "--district" => ("--district \"Hữu Lũng\"", "--district \"Hữu Lũng\""),
        "--vary" => (
            "--vary team_kind.volunteer.available=10..50:10",
            "--vary team_kind.volunteer.available=10..50:10",
        ),
        "--seed" => ("--seed 1", "--seed 1"),
        "--units" => ("--units 700", "--units 700"),
        "--scenario" => (
            "--scenario scenarios/lang-son-2020-09-01.toml",
            "--scenario scenarios/lang-son-2020-09-01.toml",
        ),
        "--jobs" => ("--jobs 4", "--jobs 4"),
        "--target" => ("--target 0.4", "--target 0.4"),
        "--floor" => ("--floor 0.3", "--floor 0.3"),
        "--budget" => ("--budget 250000000", "--budget 250000000"),
        "--rules" => ("--rules ../rules", "--rules ../rules"),
        _ => return None,
    })
}

/// A whole command line for `command` (`campaign plan`), to copy.
fn example(command: &str) -> &'static str {
    match command {
        "campaign plan" => "campaign plan scenarios/lang-son-2020-09-01.toml",
        "campaign compare" => {
            "campaign compare scenarios/lang-son-2020-09-01.toml scenarios/what-if-half-volunteers.toml"
        }
        "campaign sweep" => {
            "campaign sweep scenarios/lang-son-2020-09-01.toml --vary team_kind.volunteer.available=10..50:10"
        }
        "campaign explain" => {
            "campaign explain scenarios/lang-son-2020-09-01.toml --district \"Hữu Lũng\""
        }
        "campaign import" => "campaign import coverage.xlsx --out scenarios/new.toml",
        "campaign generate" => {
            "campaign generate --units 700 --seed 1 --out scenarios/generated.toml"
        }
        "campaign rules check" => "campaign rules check rules/",
        "campaign rules test" => "campaign rules test rules/tests/",
        "campaign rules" => "campaign rules check rules/",
        _ => "campaign plan scenarios/lang-son-2020-09-01.toml",
    }
}

/// What a format the did-you-mean proposes writes, for a user who named it otherwise
/// (`--format word`): (Vietnamese, English).
pub(crate) fn format_meaning(format: &str) -> Option<(&'static str, &'static str)> {
    Some(match format {
        "docx" => (
            "công văn dạng tệp Word, cần --out, ví dụ --out cong-van.docx",
            "the official letter as a Word file; needs --out, e.g. --out letter.docx",
        ),
        "xlsx" => (
            "bảng tính Excel, cần --out, ví dụ --out ke-hoach.xlsx",
            "an Excel workbook; needs --out, e.g. --out plan.xlsx",
        ),
        "html" => (
            "trang in, mở bằng trình duyệt rồi in hoặc lưu PDF",
            "a page to print; open it in a browser to print it or save it as PDF",
        ),
        "letter-html" => (
            "công văn dạng trang in, mở bằng trình duyệt rồi in hoặc lưu PDF",
            "the official letter as a page to print from a browser or save as PDF",
        ),
        _ => return None,
    })
}

/// `a`, `b` and `c` as a list for a message.
fn listed(items: &[String]) -> String {
    name_list(items.iter().map(String::as_str))
}

impl UsageProblem {
    /// The command the problem is in.
    fn command(&self) -> &str {
        use UsageProblem::*;
        match self {
            NoCommand { command, .. }
            | UnknownCommand { command, .. }
            | Missing { command, .. }
            | BadValue { command, .. }
            | NotANumber { command, .. }
            | UnknownOption { command, .. }
            | Extra { command, .. }
            | AfterDoubleDash { command, .. }
            | SplitSetting { command, .. }
            | TooFew { command, .. }
            | Twice { command, .. }
            | Conflict { command, .. }
            | NotText { command }
            | Other { command, .. } => command,
        }
    }
}

impl Message for UsageProblem {
    fn vi(&self) -> Said {
        use UsageProblem::*;
        let command = self.command();
        let usage = format!(
            "gõ ví dụ: {} (`{command} --help` liệt kê các tùy chọn)",
            example(command)
        );
        match self {
            NoCommand { commands, .. } => Said::new(format!(
                "`{command}` cần một lệnh theo sau: {}",
                listed(commands)
            ))
            .hint(usage),
            UnknownCommand {
                written,
                close,
                commands,
                ..
            } => Said::new(format!(
                "`{command}` không có lệnh `{written}`; các lệnh: {}",
                listed(commands)
            ))
            .hint(match close {
                Some(close) => format!("{} {usage}", did_you_mean_vi(close)),
                None => usage,
            }),
            Missing { missing, .. } => Said::new(format!(
                "lệnh `{command}` còn thiếu {}",
                missing.iter().map(Arg::vi).collect::<Vec<_>>().join(", ")
            ))
            .hint(usage),
            BadValue {
                option,
                written,
                possible,
                close,
                ..
            } => {
                let problem = if written.is_empty() {
                    format!("`{option}` cần một giá trị theo sau")
                } else {
                    format!("`{option}` không nhận giá trị `{written}`")
                };
                let hint = match (close, possible.first(), option_example(option)) {
                    (Some(close), _, _) => match format_meaning(close) {
                        Some((vi, _)) if option == "--format" => {
                            format!("{} Gõ {option} {close} ({vi})", did_you_mean_vi(close))
                        }
                        _ => format!("{} Gõ {option} {close}", did_you_mean_vi(close)),
                    },
                    (None, Some(first), _) => format!("ví dụ {option} {first}"),
                    (None, None, Some((vi, _))) => format!("ghi giá trị ngay sau {option}, ví dụ {vi}"),
                    (None, None, None) => usage,
                };
                Said::new(if possible.is_empty() {
                    problem
                } else {
                    format!("{problem}; chỉ dùng một trong: {}", listed(possible))
                })
                .hint(hint)
            }
            NotANumber {
                option, written, ..
            } if option == "--width" => Said::new(format!(
                "`--width` cần số cột của cửa sổ dòng lệnh, từ {} đến {}, không phải `{written}`",
                WIDTH_MIN,
                count(Lang::Vi, f64::from(WIDTH_MAX))
            ))
            .hint("ví dụ --width 80 (bề rộng thường gặp); không ghi --width thì bảng vừa với cửa sổ đang dùng"),
            NotANumber {
                option, written, ..
            } => Said::new(format!(
                "`{option}` cần một số nguyên dương, không phải `{written}`"
            ))
            .hint(format!("ví dụ {option} 4")),
            UnknownOption {
                written,
                close,
                options,
                ..
            } => Said::new(format!(
                "lệnh `{command}` không có tùy chọn `{written}`; các tùy chọn: {}",
                listed(options)
            ))
            .hint(match close {
                Some(close) => format!("{} {usage}", did_you_mean_vi(close)),
                None => usage,
            }),
            SplitSetting { joined, .. } => Said::new(format!(
                "`--set {joined}` bị cửa sổ lệnh tách ra ở dấu cách, thành nhiều đối số: lệnh `{command}` chỉ nhận được `--set {}`",
                joined.split(' ').next().unwrap_or(joined)
            ))
            .hint(format!(
                "tên có dấu cách thì đặt cả mục trong ngoặc kép: --set \"{joined}\""
            )),
            AfterDoubleDash { written, without, .. } => Said::new(format!(
                "`{written}` đứng sau `--`: mọi chữ sau `--` được đọc là tên tệp, không phải tùy chọn, nên `{written}` không có tác dụng"
            ))
            .hint(format!("tùy chọn phải đứng trước `--`; gõ: {without}")),
            Extra { written, .. } => Said::new(format!(
                "thừa `{written}`: lệnh `{command}` không nhận thêm đối số này"
            ))
            .hint(if command == "campaign plan" {
                format!("lệnh plan lập kế hoạch cho một tệp kịch bản; muốn so sánh nhiều kịch bản thì dùng `{}`", example("campaign compare"))
            } else {
                format!("{usage}; tên có dấu cách thì đặt trong ngoặc kép")
            }),
            TooFew {
                what, min, given, ..
            } => Said::new(format!(
                "lệnh `{command}` cần ít nhất {min} {}, mới có {given}",
                what.counted(Lang::Vi)
            ))
            .hint(usage),
            Twice { option, .. } => Said::new(format!("tùy chọn `{option}` được ghi hai lần"))
                .hint(format!("giữ một `{option}` và bỏ cái kia")),
            Conflict { option, other, .. } => Said::new(format!(
                "tùy chọn `{option}` không dùng cùng `{other}` được"
            ))
            .hint(format!("bỏ `{option}` hoặc `{other}`")),
            NotText { .. } => Said::new("dòng lệnh có một đối số không phải chữ UTF-8")
                .hint("gõ lại đường dẫn hoặc tên tệp (đổi tên tệp nếu tên có ký tự lạ)"),
            Other { library, .. } => Said::new(format!(
                "dòng lệnh không đúng (trình đọc dòng lệnh báo bằng tiếng Anh: \"{}\")",
                crate::diagnostic::shortened(library)
            ))
            .hint(usage),
        }
    }

    fn en(&self) -> Said {
        use UsageProblem::*;
        let command = self.command();
        let usage = format!(
            "type e.g.: {} (`{command} --help` lists the options)",
            example(command)
        );
        match self {
            NoCommand { commands, .. } => Said::new(format!(
                "`{command}` needs a command after it: {}",
                listed(commands)
            ))
            .hint(usage),
            UnknownCommand {
                written,
                close,
                commands,
                ..
            } => Said::new(format!(
                "`{command}` has no command `{written}`; the commands are {}",
                listed(commands)
            ))
            .hint(match close {
                Some(close) => format!("{} {usage}", did_you_mean_en(close)),
                None => usage,
            }),
            Missing { missing, .. } => Said::new(format!(
                "`{command}` lacks {}",
                missing.iter().map(Arg::en).collect::<Vec<_>>().join(", ")
            ))
            .hint(usage),
            BadValue {
                option,
                written,
                possible,
                close,
                ..
            } => {
                let problem = if written.is_empty() {
                    format!("`{option}` needs a value after it")
                } else {
                    format!("`{option}` does not take `{written}`")
                };
                let hint = match (close, possible.first(), option_example(option)) {
                    (Some(close), _, _) => match format_meaning(close) {
                        Some((_, en)) if option == "--format" => {
                            format!("{} Type {option} {close} ({en})", did_you_mean_en(close))
                        }
                        _ => format!("{} Type {option} {close}", did_you_mean_en(close)),
                    },
                    (None, Some(first), _) => format!("e.g. {option} {first}"),
                    (None, None, Some((_, en))) => {
                        format!("write the value right after {option}, e.g. {en}")
                    }
                    (None, None, None) => usage,
                };
                Said::new(if possible.is_empty() {
                    problem
                } else {
                    format!("{problem}; use one of {}", listed(possible))
                })
                .hint(hint)
            }
            NotANumber {
                option, written, ..
            } if option == "--width" => Said::new(format!(
                "`--width` takes the terminal's width in columns, from {} to {}, not `{written}`",
                WIDTH_MIN,
                count(Lang::En, f64::from(WIDTH_MAX))
            ))
            .hint("e.g. --width 80 (a common width); without --width the tables fit the window in use"),
            NotANumber {
                option, written, ..
            } => Said::new(format!(
                "`{option}` takes a whole number above 0, not `{written}`"
            ))
            .hint(format!("e.g. {option} 4")),
            UnknownOption {
                written,
                close,
                options,
                ..
            } => Said::new(format!(
                "`{command}` has no option `{written}`; its options are {}",
                listed(options)
            ))
            .hint(match close {
                Some(close) => format!("{} {usage}", did_you_mean_en(close)),
                None => usage,
            }),
            SplitSetting { joined, .. } => Said::new(format!(
                "`--set {joined}` was split by the shell at its spaces into several arguments: `{command}` got only `--set {}`",
                joined.split(' ').next().unwrap_or(joined)
            ))
            .hint(format!(
                "a name with spaces needs the whole setting in double quotes: --set \"{joined}\""
            )),
            AfterDoubleDash { written, without, .. } => Said::new(format!(
                "`{written}` comes after `--`: every word after `--` is read as a file name, not as an option, so `{written}` does nothing"
            ))
            .hint(format!("options go before `--`; type: {without}")),
            Extra { written, .. } => Said::new(format!(
                "`{written}` is one argument too many for `{command}`"
            ))
            .hint(if command == "campaign plan" {
                format!(
                    "plan plans one scenario file; to compare several, use `{}`",
                    example("campaign compare")
                )
            } else {
                format!("{usage}; a name with spaces goes in double quotes")
            }),
            TooFew {
                what, min, given, ..
            } => Said::new(format!(
                "`{command}` needs at least {min} {}, {given} given",
                what.counted(Lang::En)
            ))
            .hint(usage),
            Twice { option, .. } => Said::new(format!("the option `{option}` is given twice"))
                .hint(format!("keep one `{option}` and drop the other")),
            Conflict { option, other, .. } => {
                Said::new(format!("the option `{option}` cannot go with `{other}`"))
                    .hint(format!("drop `{option}` or `{other}`"))
            }
            NotText { .. } => Said::new("an argument of the command line is not UTF-8 text").hint(
                "type the path or file name again (rename a file whose name has odd characters)",
            ),
            Other { library, .. } => Said::new(format!(
                "the command line is not right (the argument parser says: \"{}\")",
                crate::diagnostic::shortened(library)
            ))
            .hint(usage),
        }
    }
}
