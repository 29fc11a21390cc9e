//! `--help` in the user's language. The command line is defined once (the derived [`Cli`],
//! whose doc comments are the English texts); [`command`] gives that definition with every
//! text in one language: each command's description, each argument's help and value name, the
//! values an option takes, and the parser's own words ("Usage:", "Options:", "Print help",
//! "[default: ...]", "[OPTIONS]"), which clap writes in English only and are therefore given
//! here in both languages. The Vietnamese texts are [`vi`]'s table, keyed by the command and the
//! argument; a test walks the whole command line so that none is missing or left over.
//!
//! The language is read from the raw arguments (`--lang en`, `--lang=en`, anywhere before a
//! `--`) before the parser runs; the machine's locale is never consulted, so the same command
//! prints the same bytes on every machine. Help is wrapped at `--width N` when given, else at
//! the terminal's width (at most [`HELP_WIDTH`]) when it is printed on one, else at
//! [`HELP_WIDTH`].

use clap::builder::{PossibleValue, Str};
use clap::{Arg, ArgAction, Command, CommandFactory};

use super::Cli;
use crate::text::Lang;

/// The width help is wrapped at when it goes to a file or a pipe, and the most it takes on a
/// wider terminal (clap's own default).
pub(super) const HELP_WIDTH: usize = 100;

/// The parser's own words, in one language.
struct Words {
    usage: &'static str,
    arguments: &'static str,
    options: &'static str,
    commands: &'static str,
    /// What `<COMMAND>` is called in a usage line.
    command: &'static str,
    /// What `[OPTIONS]` is called in a usage line.
    options_tag: &'static str,
    default: &'static str,
    values: &'static str,
    help: &'static str,
    help_long: &'static str,
    help_short: &'static str,
    version: &'static str,
    help_command: &'static str,
    help_command_arg: &'static str,
}

const VI: Words = Words {
    usage: "Cách dùng",
    arguments: "Đối số",
    options: "Tùy chọn",
    commands: "Lệnh",
    command: "LỆNH",
    options_tag: "[TÙY_CHỌN]",
    default: "mặc định",
    values: "giá trị",
    help: "In phần trợ giúp này",
    help_long: "In phần trợ giúp này (bản tóm tắt: -h)",
    help_short: "In phần trợ giúp này (bản đầy đủ: --help)",
    version: "In số phiên bản",
    help_command: "In phần trợ giúp của chương trình hoặc của lệnh đã cho",
    help_command_arg: "Lệnh cần xem trợ giúp",
};

const EN: Words = Words {
    usage: "Usage",
    arguments: "Arguments",
    options: "Options",
    commands: "Commands",
    command: "COMMAND",
    options_tag: "[OPTIONS]",
    default: "default",
    values: "possible values",
    help: "Print this help",
    help_long: "Print this help (a summary with -h)",
    help_short: "Print this help (in full with --help)",
    version: "Print the version",
    help_command: "Print the help of the program or of the given command",
    help_command_arg: "The command to print the help of",
};

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

/// The commands that refuse `--set` (with a message saying why): it is not shown in their help.
const REFUSE_SET: [&str; 3] = [
    "campaign import",
    "campaign generate",
    "campaign rules test",
];

/// The commands other than `plan`, which refuse the printable formats (html, csv, xlsx): their
/// help does not offer them.
fn offers_printable(path: &str) -> bool {
    path == "campaign plan"
}

/// The whole command line with every text in `lang`, built (help subcommands included) and
/// help wrapped at `width` columns.
pub(super) fn command(lang: Lang, width: usize) -> Command {
    let mut cmd = localise(Cli::command(), "campaign", lang, width);
    cmd.build();
    finish(&mut cmd, lang);
    cmd
}

/// The help `args` ask for (`--help`, `-h`, `help COMMAND`) or the version (`--version`), with
/// the texts in `lang` and wrapped at `width`; `None` when they ask for neither. `args` are the
/// raw arguments without `--lang` (the language is already read).
pub(super) fn asked(args: &[std::ffi::OsString], lang: Lang, width: usize) -> Option<String> {
    // `campaign help --help`, `campaign help plan -h`, `campaign rules help --help`: the help
    // of the program or the command, as `help` alone gives it (clap would take `--help` for
    // the name of a command); `help help` is `help` (clap would print the help of `help`
    // itself, in its own English)
    let args: Vec<std::ffi::OsString> = match help_command_at(args) {
        Some(at) => args
            .iter()
            .enumerate()
            .filter(|(i, a)| *i <= at || !(*a == "--help" || *a == "-h" || *a == "help"))
            .map(|(_, a)| a.clone())
            .collect(),
        None => args.to_vec(),
    };
    match command(lang, width).try_get_matches_from(args) {
        Err(e)
            if matches!(
                e.kind(),
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion
            ) =>
        {
            Some(e.render().to_string())
        }
        _ => None,
    }
}

/// Where `help` stands in `args` as the command of a command that leads to others
/// (`campaign help ...`, `campaign rules help ...`), options aside; `None` when it does not.
fn help_command_at(args: &[std::ffi::OsString]) -> Option<usize> {
    let cli = Cli::command();
    let mut current = &cli;
    let mut at = 1;
    while let Some(arg) = args.get(at) {
        let text = arg.to_string_lossy();
        if text == "--" {
            return None;
        }
        if let Some(long) = text.strip_prefix("--") {
            // an option and, when it takes one, its value (`--set k=v`)
            let takes_value = !long.contains('=')
                && current
                    .get_arguments()
                    .chain(cli.get_arguments())
                    .find(|a| a.get_long() == Some(long))
                    .is_some_and(|a| a.get_action().takes_values());
            at += if takes_value { 2 } else { 1 };
            continue;
        }
        if text.starts_with('-') {
            at += 1;
            continue;
        }
        if text == "help" && current.has_subcommands() {
            return Some(at);
        }
        current = current
            .find_subcommand(text.as_ref())
            .filter(|sub| sub.has_subcommands())?;
        at += 1;
    }
    None
}

/// Every command of the command line, as typed after `campaign` (`""` for the program
/// itself, `"plan"`, `"rules check"`), with the `help` commands the parser adds (`"help"`,
/// `"help plan"`, `"rules help"`): each has a help screen.
pub(super) fn paths() -> Vec<String> {
    fn walk(cmd: &Command, path: &str, out: &mut Vec<String>) {
        out.push(path.to_string());
        for sub in cmd.get_subcommands() {
            let sub_path = if path.is_empty() {
                sub.get_name().to_string()
            } else {
                format!("{path} {}", sub.get_name())
            };
            walk(sub, &sub_path, out);
        }
    }
    let mut out = Vec::new();
    walk(&command(Lang::En, HELP_WIDTH), "", &mut out);
    out
}

/// Gives `cmd` (at `path`, e.g. `campaign rules check`) and its subcommands their texts in
/// `lang`, before the command line is built.
fn localise(mut cmd: Command, path: &str, lang: Lang, width: usize) -> Command {
    let w = words(lang);
    if let (Lang::Vi, Some(about)) = (lang, vi(path)) {
        cmd = cmd.about(about).long_about(None);
    }
    cmd = cmd
        .term_width(width)
        .help_template(format!(
            "{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
            w.usage
        ))
        .subcommand_help_heading(w.commands)
        .subcommand_value_name(w.command)
        .disable_help_flag(true);
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in &ids {
        cmd = cmd.mut_arg(id, |a| localise_arg(a, path, lang));
    }
    let long =
        cmd.get_arguments().any(|a| a.get_long_help().is_some()) || cmd.get_long_about().is_some();
    let mut help = Arg::new("help")
        .short('h')
        .long("help")
        .action(ArgAction::Help)
        .help_heading(w.options)
        .display_order(usize::MAX - 1);
    help = if long {
        help.help(w.help_short).long_help(w.help_long)
    } else {
        help.help(w.help)
    };
    cmd = cmd.arg(help);
    if !cmd.get_arguments().any(|a| a.get_id() == "lang") {
        // every command reads --lang, also where it is written before a command's name
        // (`campaign --lang en plan`, `campaign rules --lang en check`): the help of the
        // program and of `rules` says so too, since it is how a reader finds the other
        // language (issue 14: `campaign rules --help` did not list it)
        let lang_arg = lang_before_commands(&cmd, path, lang);
        cmd = cmd.arg(lang_arg);
    }
    if path == "campaign" {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(w.version)
                .help_heading(w.options)
                .display_order(usize::MAX),
        );
    }
    let subcommands: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subcommands {
        let sub_path = format!("{path} {name}");
        cmd = cmd.mut_subcommand(&name, |s| localise(s, &sub_path, lang, width));
    }
    cmd
}

/// The `--lang` of a command that only leads to others (`campaign`, `campaign rules`), as its
/// help lists it: the parser does not take it there, [`super::usage::lang_after_command`] moves
/// it after the command's name, where every command takes it.
fn lang_before_commands(cmd: &Command, path: &str, lang: Lang) -> Arg {
    let w = words(lang);
    let help = if path == "campaign" {
        lang.pick(
            "Ngôn ngữ của thông báo và kết quả, cho mọi lệnh (vi: Tiếng Việt, en: English)",
            "Language of the messages and the output, for every command (vi: Tiếng Việt, en: English)",
        )
        .to_string()
    } else {
        // for the commands it leads to, by name: `check` and `test`
        let names: Vec<String> = cmd
            .get_subcommands()
            .map(|s| format!("`{}`", s.get_name()))
            .collect();
        let (names, and) = match names.split_last() {
            Some((last, [])) => (last.clone(), ""),
            Some((last, rest)) => (rest.join(", "), last.as_str()),
            None => (String::new(), ""),
        };
        let names = |conjunction: &str| {
            if and.is_empty() {
                names.clone()
            } else {
                format!("{names} {conjunction} {and}")
            }
        };
        match lang {
            Lang::Vi => format!(
                "Ngôn ngữ của thông báo và kết quả, cho lệnh {} (vi: Tiếng Việt, en: English)",
                names("và")
            ),
            Lang::En => format!(
                "Language of the messages and the output, for {} (vi: Tiếng Việt, en: English)",
                names("and")
            ),
        }
    };
    Arg::new("lang")
        .long("lang")
        .value_name(lang.pick("NGÔN_NGỮ", "LANG"))
        .action(ArgAction::Set)
        .global(false)
        .help(format!("{help} [{}: vi, en] [{}: vi]", w.values, w.default))
        .help_heading(w.options)
        .display_order(usize::MAX - 2)
}

/// How an argument is named in help: `--format` or `<scenario>` (its id, for a positional).
fn key(arg: &Arg) -> String {
    match arg.get_long() {
        Some(long) => format!("--{long}"),
        None => format!("<{}>", arg.get_id()),
    }
}

/// Gives `arg` of the command at `path` its help and value name in `lang`; the default and the
/// values it takes are written here (clap's own words for them are English).
fn localise_arg(mut arg: Arg, path: &str, lang: Lang) -> Arg {
    let w = words(lang);
    let key = key(&arg);
    let english = arg.get_help().map(ToString::to_string).unwrap_or_default();
    let text = match lang {
        Lang::En => english,
        Lang::Vi => vi_arg(path, &key).map_or(english, str::to_string),
    };
    let text = with_limits(&text, lang);
    // a flag (--force) takes no value: no value name, values or default to show
    let takes_values = arg.get_action().takes_values();
    if let (Lang::Vi, Some(names), true) = (lang, arg.get_value_names(), takes_values) {
        let names: Vec<Str> = names
            .iter()
            .map(|n| value_name_vi(n.as_str()).map_or_else(|| n.clone(), Str::from))
            .collect();
        arg = arg.value_names(names);
    }
    let values: Vec<PossibleValue> = arg
        .get_possible_values()
        .into_iter()
        .filter(|_| takes_values)
        .filter(|v| !v.is_hide_set())
        .filter(|v| {
            offers_printable(path)
                || !matches!(
                    v.get_name(),
                    "html" | "csv" | "xlsx" | "docx" | "letter-html"
                )
                || key != "--format"
        })
        .collect();
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .filter(|_| takes_values)
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    let mut short = text.clone();
    let default =
        (!defaults.is_empty()).then(|| format!("[{}: {}]", w.default, defaults.join(" ")));
    let described = values.iter().any(|v| v.get_help().is_some());
    if !values.is_empty() {
        let names: Vec<&str> = values.iter().map(PossibleValue::get_name).collect();
        short.push_str(&format!(" [{}: {}]", w.values, names.join(", ")));
    }
    if let Some(default) = &default {
        short.push(' ');
        short.push_str(default);
    }
    let heading = if arg.is_positional() {
        w.arguments
    } else {
        w.options
    };
    arg = arg
        .hide_default_value(true)
        .hide_possible_values(true)
        .help_heading(heading)
        .help(short);
    if described {
        // each value on its line, with what it does
        let longest = values.iter().map(|v| v.get_name().chars().count()).max();
        let mut long = text;
        long.push_str(&format!("\n\n{}:", capitalised(w.values)));
        for v in &values {
            let help = match lang {
                Lang::En => v.get_help().map(ToString::to_string),
                Lang::Vi => vi_arg(path, &format!("{key} {}", v.get_name())).map(str::to_string),
            };
            let name = v.get_name();
            match help {
                Some(help) => {
                    let pad = longest.unwrap_or(0) - name.chars().count();
                    long.push_str(&format!("\n- {name}: {}{help}", " ".repeat(pad)));
                }
                None => long.push_str(&format!("\n- {name}")),
            }
        }
        if let Some(default) = default {
            long.push_str(&format!("\n\n{default}"));
        }
        arg = arg.long_help(long);
    }
    arg
}

/// `text` with the limits it names (`{units}`, `{sweep_jobs}`) read from src/limits.rs and
/// written in `lang`'s number format: a help that says its own figure drifted from the limit
/// (trial F29: "1 to 100000" for a limit of 20,000).
fn with_limits(text: &str, lang: Lang) -> String {
    let count = |n: usize| crate::number::count(lang, n as f64);
    text.replace("{units}", &count(crate::limits::DISTRICTS))
        .replace("{sweep_jobs}", &count(crate::limits::SWEEP_JOBS))
}

/// `giá trị` as a heading: `Giá trị`.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// After the command line is built: the help subcommands clap adds (`campaign help`,
/// `campaign rules help`) get their texts, `--set` is hidden where it is refused, and every
/// usage line names its options and commands in `lang`.
fn finish(cmd: &mut Command, lang: Lang) {
    let w = words(lang);
    let path = cmd.get_bin_name().unwrap_or(cmd.get_name()).to_string();
    for sub in cmd.get_subcommands_mut() {
        if sub.get_name() == "help" {
            let mut help = std::mem::take(sub)
                .about(w.help_command)
                .help_template(format!(
                    "{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
                    w.usage
                ))
                .subcommand_value_name(w.command)
                .subcommand_help_heading(w.commands);
            if help.get_arguments().any(|a| a.get_id() == "subcommand") {
                help = help.mut_arg("subcommand", |a| {
                    a.help(w.help_command_arg).value_name(w.command)
                });
            }
            *sub = help;
        }
        finish(sub, lang);
    }
    if REFUSE_SET.contains(&path.as_str()) && cmd.get_arguments().any(|a| a.get_id() == "set") {
        *cmd = std::mem::take(cmd).mut_arg("set", |a| a.hide(true));
    }
    let usage = cmd.render_usage().to_string();
    let usage = usage
        .split_once(": ")
        .map_or(usage.as_str(), |(_, u)| u)
        .replace("[OPTIONS]", w.options_tag);
    *cmd = std::mem::take(cmd).override_usage(usage);
}

/// A value name in Vietnamese: `<SCENARIO>` → `<KỊCH_BẢN>`.
fn value_name_vi(name: &str) -> Option<&'static str> {
    Some(match name {
        "SCENARIO" => "KỊCH_BẢN",
        "SCENARIOS" => "KỊCH_BẢN",
        "KEY=VALUE" => "KHÓA=GIÁ_TRỊ",
        "KEY=FROM..TO:STEP" => "KHÓA=TỪ..ĐẾN:BƯỚC",
        "FORMAT" => "ĐỊNH_DẠNG",
        "LANG" => "NGÔN_NGỮ",
        "OUT" | "FILE" => "TỆP",
        "PATHS" | "PATH" => "ĐƯỜNG_DẪN",
        "DISTRICT" => "HUYỆN",
        "JOBS" => "SỐ",
        "OBJECTIVE" => "MỤC_ĐÍCH",
        "SIZE" => "CỠ",
        "RATE" => "TỶ_LỆ",
        "AMOUNT|auto" => "SỐ_TIỀN|auto",
        "COLUMNS" => "SỐ_CỘT",
        "KEY=HEADING" => "KHÓA=TIÊU_ĐỀ",
        "DATE" => "NGÀY",
        "SHEET" => "TRANG",
        _ => return None,
    })
}

/// The Vietnamese help of the argument `key` (`--format`, `<scenario>`, `--format html` for a
/// value) of the command at `path`: its own, else the one it has in every command.
fn vi_arg(path: &str, key: &str) -> Option<&'static str> {
    vi(&format!("{path} {key}")).or_else(|| vi(key))
}

/// The Vietnamese texts: a command's description by its path (`campaign plan`), an argument's
/// help by its command and key (`campaign plan <scenario>`), or by its key alone where it says
/// the same in every command (`--format`), and a value's by the option and the value
/// (`--format html`). The English texts are the doc comments of the derived command line.
const VI_TEXTS: &[(&str, &str)] = &[
    (
        "campaign",
        "Lập kế hoạch vận động cài đặt ứng dụng: bố trí các tổ, đội vận động để tỉnh đạt mục tiêu, và việc từng huyện phải làm.",
    ),
    (
        "--set",
        "Đổi một giá trị của kịch bản cho lần chạy này, ví dụ --set target.provincial_rate=0.5 --set team_kind.volunteer.available=50 --set params.door_to_door_threshold=0.25 (ghi nhiều lần được).",
    ),
    (
        "--format",
        "Định dạng kết quả (mặc định: định dạng mà đuôi tệp --out chỉ ra; .txt hoặc không có đuôi: text).",
    ),
    ("--format text", "bảng để đọc trên màn hình"),
    (
        "--format json",
        "JSON cho chương trình khác (các trường: MODEL.md)",
    ),
    ("--format markdown", "Markdown, để dán vào tài liệu"),
    (
        "--format html",
        "một tệp HTML để in: trang tóm tắt, rồi mỗi huyện một trang",
    ),
    ("--format csv", "bảng phân bổ theo huyện cho bảng tính"),
    ("--format xlsx", "sổ tính Excel; cần --out"),
    (
        "--format docx",
        "công văn chính thức dạng tệp Word; cần --out (số, ngày, người ký... của công văn ghi trong bảng [letter] của kịch bản)",
    ),
    (
        "--format letter-html",
        "công văn chính thức dạng một tệp HTML để in (số, ngày, người ký... ghi trong bảng [letter] của kịch bản)",
    ),
    (
        "--lang",
        "Ngôn ngữ của thông báo và của kết quả cho người đọc (vi: Tiếng Việt, en: English).",
    ),
    (
        "--out",
        "Ghi vào tệp này thay vì in ra màn hình (tệp cũ chỉ bị thay khi đã ghi xong).",
    ),
    (
        "--width",
        "Số cột của màn hình mà các bảng phải vừa (mặc định: khi in ra cửa sổ dòng lệnh, biến môi trường COLUMNS nếu có, nếu không thì chiều rộng của cửa sổ; khi ghi ra tệp hoặc chuyển sang lệnh khác, COLUMNS không được đọc: bảng đầy đủ, không giới hạn số cột).",
    ),
    (
        "campaign plan",
        "Lập kế hoạch cho một kịch bản: tóm tắt toàn tỉnh, bảng phân bổ theo huyện và việc cần làm của từng huyện.",
    ),
    (
        "campaign plan <scenario>",
        "Tệp kịch bản (TOML), ví dụ scenarios/lang-son-2020-09-01.toml",
    ),
    (
        "campaign explain <scenario>",
        "Tệp kịch bản (TOML), ví dụ scenarios/lang-son-2020-09-01.toml",
    ),
    (
        "campaign sweep <scenario>",
        "Tệp kịch bản (TOML), ví dụ scenarios/lang-son-2020-09-01.toml",
    ),
    (
        "campaign compare",
        "So sánh kế hoạch của nhiều kịch bản: số tổ, đội, tỷ lệ và chi phí theo huyện, tổng toàn tỉnh, và những đầu vào khác nhau giữa các kịch bản.",
    ),
    ("campaign compare <scenarios>", "Hai tệp kịch bản trở lên."),
    (
        "campaign sweep",
        "Lập kế hoạch cho từng giá trị của một khóa, ví dụ --vary team_kind.volunteer.available=10..50:10",
    ),
    (
        "campaign sweep --vary",
        "KHÓA=TỪ..ĐẾN:BƯỚC, khóa viết như cho --set.",
    ),
    (
        "campaign sweep --jobs",
        "Số kế hoạch giải cùng lúc (mặc định: số lõi của máy; nhiều nhất {sweep_jobs} và không quá số giá trị). Kết quả không phụ thuộc số này.",
    ),
    (
        "campaign explain",
        "Giải thích vì sao một huyện được phân bổ như vậy: số liệu đầu vào, các quy tắc đã chạy, giá trị của việc thêm hoặc bớt một tổ, đội, và điều gì sẽ thay đổi phân bổ của huyện.",
    ),
    (
        "campaign explain --district",
        "Tên huyện, như trong kịch bản.",
    ),
    (
        "campaign import",
        "Nhập bảng số liệu cài đặt (CSV hoặc XLSX, như các huyện gửi lên Sở) và viết khung kịch bản, mỗi dòng một [[district]].",
    ),
    (
        "campaign import <file>",
        "Bảng số liệu, ví dụ coverage.xlsx hoặc coverage.csv",
    ),
    (
        "campaign import --column",
        "Chỉ rõ một cột chương trình không tự nhận ra, bằng tiêu đề như trong tệp: district=, installed=, smartphones=, rate=, commune= (số tổ xã), quarantine=, testing= hoặc students=, ví dụ --column installed=\"Số máy đã cài\" (ghi nhiều lần được).",
    ),
    (
        "campaign import --as-of",
        "Ngày của số liệu (31/8/2020 hoặc 2020-08-31), thay cho ngày đọc được ở dòng tiêu đề của bảng.",
    ),
    (
        "campaign import --sheet",
        "Trang của tệp Excel cần đọc, theo tên hoặc số thứ tự (1 là trang đầu), thay cho trang đầu tiên có dòng tiêu đề.",
    ),
    (
        "campaign import --out",
        "Ghi kịch bản vào tệp này thay vì in ra màn hình (tệp cũ chỉ bị thay khi đã ghi xong). Tệp đã có chỉ bị thay nếu do `campaign import` hay `campaign generate` viết.",
    ),
    (
        "campaign import --force",
        "Thay tệp --out kể cả khi đó là kịch bản không do các lệnh này viết.",
    ),
    (
        "campaign generate --out",
        "Ghi kịch bản vào tệp này thay vì in ra màn hình (tệp cũ chỉ bị thay khi đã ghi xong). Tệp đã có chỉ bị thay nếu do `campaign generate` hay `campaign import` viết.",
    ),
    (
        "campaign generate --force",
        "Thay tệp --out kể cả khi đó là kịch bản không do các lệnh này viết.",
    ),
    (
        "campaign generate",
        "Viết một kịch bản giả lập để đo hiệu năng và kiểm thử: N xã (hoặc huyện) rút ngẫu nhiên từ một hạt giống, ba loại tổ, đội, ghi rõ là số liệu giả lập, không phải số liệu thật. Cùng đối số thì cùng tệp.",
    ),
    (
        "campaign generate --units",
        "Số đơn vị (xã, hoặc huyện khi có --size district): từ 1 đến {units}.",
    ),
    (
        "campaign generate --seed",
        "Hạt giống ngẫu nhiên, một số nguyên: cùng hạt giống thì cùng tệp, hạt giống khác thì một tỉnh khác.",
    ),
    (
        "campaign generate --objective",
        "Mục đích phân bổ của kế hoạch.",
    ),
    ("--objective max-installs", "nhiều lượt cài nhất"),
    (
        "--objective min-cost",
        "chi phí thấp nhất mà vẫn đạt mục tiêu toàn tỉnh",
    ),
    (
        "--objective max-min-rate",
        "nâng tỷ lệ của đơn vị thấp nhất; trong các phương án như nhau, nhiều lượt cài nhất",
    ),
    (
        "campaign generate --target",
        "Mục tiêu toàn tỉnh dưới dạng tỷ lệ, ví dụ 0.4 là 40% (mặc định).",
    ),
    (
        "campaign generate --floor",
        "Tỷ lệ tối thiểu của mọi đơn vị, ví dụ 0.3 là 30% (mặc định: không có).",
    ),
    (
        "campaign generate --budget",
        "Số tiền chi tối đa cho chiến dịch, tính bằng đồng (ví dụ 250000000), hoặc `auto`: khoảng một nửa chi phí nếu dùng mọi tổ, đội (mặc định: không giới hạn).",
    ),
    ("campaign generate --size", "Cỡ của mỗi đơn vị."),
    ("--size commune", "cỡ xã: vài nghìn smartphone, một tổ xã"),
    (
        "--size district",
        "cỡ huyện: hàng chục nghìn smartphone, 5 đến 30 tổ xã",
    ),
    (
        "campaign generate --rules",
        "Một tệp hoặc thư mục quy tắc cho mục `rules` của kịch bản, ghi nguyên như đã cho: tính từ thư mục chứa tệp kịch bản được ghi (ghi nhiều lần được; mặc định: không có quy tắc).",
    ),
    (
        "campaign generate --lang",
        "Ngôn ngữ của thông báo (vi: Tiếng Việt, en: English).",
    ),
    (
        "campaign rules",
        "Kiểm tra hoặc chạy thử các quy tắc chính sách (rules/*.rhai) trước khi dùng để lập kế hoạch.",
    ),
    (
        "campaign rules check",
        "Kiểm tra tệp quy tắc theo API quy tắc mà không chạy chúng: hàm không có, đối số sai, trường của huyện, loại tổ, đội, nhóm đối tượng và khóa [params] không có.",
    ),
    (
        "campaign rules check <paths>",
        "Tệp hoặc thư mục quy tắc (mặc định: rules/).",
    ),
    (
        "campaign rules check --scenario",
        "Đối chiếu các tên (params, loại tổ, đội, nhóm đối tượng) với kịch bản này.",
    ),
    (
        "campaign rules test",
        "Chạy các ca kiểm thử quy tắc (rules/tests/*.toml): so giới hạn, lượt cài và chỉ đạo mong đợi của từng ca với những gì quy tắc thực sự làm.",
    ),
    (
        "campaign rules test <paths>",
        "Tệp hoặc thư mục kiểm thử (mặc định: rules/tests/).",
    ),
];

/// The Vietnamese text of `key` in [`VI_TEXTS`].
fn vi(key: &str) -> Option<&'static str> {
    VI_TEXTS
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, text)| *text)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    /// Every key of [`VI_TEXTS`] the command line `cmd` at `path` looks up, whether found or not.
    fn keys(cmd: &Command, path: &str, found: &mut BTreeSet<String>, missing: &mut Vec<String>) {
        let mut look = |key: String, alone: Option<String>| {
            if vi(&key).is_some() {
                found.insert(key);
            } else if let Some(alone) = alone.filter(|a| vi(a).is_some()) {
                found.insert(alone);
            } else {
                missing.push(key);
            }
        };
        look(path.to_string(), None);
        for arg in cmd.get_arguments() {
            let key = key(arg);
            look(format!("{path} {key}"), Some(key.clone()));
            for value in arg.get_possible_values() {
                if value.get_help().is_some() {
                    let key = format!("{key} {}", value.get_name());
                    look(format!("{path} {key}"), Some(key));
                }
            }
        }
        for sub in cmd.get_subcommands() {
            keys(sub, &format!("{path} {}", sub.get_name()), found, missing);
        }
    }

    #[test]
    fn every_text_of_the_command_line_is_in_vietnamese_and_none_is_left_over() {
        let (mut found, mut missing) = (BTreeSet::new(), Vec::new());
        keys(&Cli::command(), "campaign", &mut found, &mut missing);
        assert_eq!(missing, Vec::<String>::new(), "no Vietnamese text");
        let unused: Vec<&str> = VI_TEXTS
            .iter()
            .map(|(k, _)| *k)
            .filter(|k| !found.contains(*k))
            .collect();
        assert_eq!(unused, Vec::<&str>::new(), "Vietnamese texts of nothing");
    }

    #[test]
    fn every_value_name_is_in_vietnamese() {
        fn walk(cmd: &Command, missing: &mut Vec<String>) {
            for arg in cmd
                .get_arguments()
                .filter(|a| a.get_action().takes_values())
            {
                for name in arg.get_value_names().unwrap_or_default() {
                    // a letter standing for a number reads the same in both languages
                    if name.len() > 1 && value_name_vi(name.as_str()).is_none() {
                        missing.push(name.to_string());
                    }
                }
            }
            for sub in cmd.get_subcommands() {
                walk(sub, missing);
            }
        }
        let mut missing = Vec::new();
        walk(&Cli::command(), &mut missing);
        assert_eq!(missing, Vec::<String>::new());
    }
}
