//! `--help` in Vietnamese by default and in English with `--lang en` (issue 14, item 5): every
//! command's help in both languages (golden files), the parser's own words never in English
//! under Vietnamese, the language read anywhere on the command line and never from the
//! machine's locale, and the help wrapped at `--width`.

use crate::support::Test;

/// Every command, as typed after `campaign`.
const COMMANDS: [&str; 10] = [
    "",
    "plan",
    "compare",
    "sweep",
    "explain",
    "import",
    "generate",
    "rules",
    "rules check",
    "rules test",
];

/// `text` with its runs of spaces and line ends as one space.
fn joined(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `campaign COMMAND ARGS...`, its stdout; the run must exit 0 with nothing on stderr.
fn help(command: &str, args: &[&str]) -> String {
    Test::new()
        .args(command.split_whitespace())
        .args(args.iter().copied())
        .run()
        .plan()
        .stdout
}

/// The golden file's name for `command`'s help in `lang`: `help_vi_rules_check`.
fn name(command: &str, lang: &str) -> String {
    let command = if command.is_empty() {
        "campaign"
    } else {
        command
    };
    format!("help_{lang}_{}", command.replace(' ', "_"))
}

#[test]
fn every_command_s_help_in_vietnamese_and_in_english() {
    for command in COMMANDS {
        let vi = help(command, &["--help"]);
        let en = help(command, &["--help", "--lang", "en"]);
        insta::with_settings!({ description => format!("campaign {command} --help"), omit_expression => true }, {
            insta::assert_snapshot!(name(command, "vi"), vi);
        });
        insta::with_settings!({ description => format!("campaign {command} --help --lang en"), omit_expression => true }, {
            insta::assert_snapshot!(name(command, "en"), en);
        });
    }
}

/// What clap writes in English of its own, and the value names of the definition.
const CLAP_ENGLISH: [&str; 18] = [
    "Usage",
    "Options",
    "Commands",
    "Arguments",
    "Print help",
    "Print version",
    "Print this",
    "[default",
    "default:",
    "possible values",
    "Possible values",
    "[OPTIONS]",
    "<COMMAND>",
    "see a summary",
    "see more",
    "subcommand",
    "<SCENARIO>",
    "<KEY=VALUE>",
];

#[test]
fn no_english_of_the_parser_under_vietnamese() {
    for command in COMMANDS {
        for flag in ["--help", "-h"] {
            let vi = help(command, &[flag]);
            for english in CLAP_ENGLISH {
                assert!(
                    !vi.contains(english),
                    "`campaign {command} {flag}` says {english:?}:\n{vi}"
                );
            }
            for value_name in ["<FORMAT>", "<LANG>", "<OUT>", "<PATHS>", "<FILE>", "<RATE>"] {
                assert!(!vi.contains(value_name), "{command}: {value_name}\n{vi}");
            }
            assert!(vi.contains("Cách dùng: campaign"), "{command}:\n{vi}");
            assert!(vi.contains("Tùy chọn:"), "{command}:\n{vi}");
            // and no Vietnamese of the parser in English
            let en = help(command, &[flag, "--lang=en"]);
            for vietnamese in [
                "Cách dùng",
                "Tùy chọn",
                "Đối số",
                "Lệnh:",
                "mặc định",
                "giá trị",
            ] {
                assert!(!en.contains(vietnamese), "{command}: {vietnamese}\n{en}");
            }
            assert!(en.contains("Usage: campaign"), "{command}:\n{en}");
        }
    }
}

/// The options (`--format`) a help text lists.
fn options(help: &str) -> Vec<String> {
    let mut options: Vec<String> = help
        .lines()
        // an option's own line, not a help text that wrapped before `--set`
        .filter(|l| l.len() - l.trim_start().len() <= 6)
        .map(str::trim_start)
        .filter(|l| l.starts_with("--") || l.starts_with("-h") || l.starts_with("-V"))
        .map(|l| l.split([' ', ',']).next().unwrap_or("").to_string())
        .collect();
    options.sort();
    options
}

#[test]
fn both_languages_list_the_same_options_and_commands() {
    for command in COMMANDS {
        let (vi, en) = (
            help(command, &["--help"]),
            help(command, &["--help", "--lang", "en"]),
        );
        assert_eq!(options(&vi), options(&en), "campaign {command}");
        assert!(!options(&vi).is_empty(), "campaign {command}:\n{vi}");
        assert_eq!(vi.lines().count() > 3, en.lines().count() > 3);
    }
    // every subcommand of `campaign` in both lists, with `help`
    let (vi, en) = (help("", &["--help"]), help("", &["--help", "--lang", "en"]));
    for sub in [
        "plan", "compare", "sweep", "explain", "import", "generate", "rules", "help",
    ] {
        let listed = format!("\n  {sub} ");
        assert!(vi.contains(&listed) && en.contains(&listed), "{sub}");
    }
}

#[test]
fn every_way_of_asking_gives_the_same_help() {
    // `help COMMAND` is `COMMAND --help`, in either language
    for command in COMMANDS.iter().filter(|c| !c.is_empty()) {
        let long = help(command, &["--help"]);
        assert_eq!(help(&format!("help {command}"), &[]), long, "{command}");
        let en = help(command, &["--help", "--lang", "en"]);
        assert_eq!(help(&format!("help {command}"), &["--lang", "en"]), en);
        let asked: Vec<&str> = ["--lang", "en", "help"]
            .into_iter()
            .chain(command.split(' '))
            .collect();
        assert_eq!(help("", &asked), en);
        assert_eq!(help(&format!("help {command}"), &["--lang=en"]), en);
        // `--lang` before the command
        let asked: Vec<&str> = std::iter::once("--lang=en")
            .chain(command.split(' '))
            .chain(["--help"])
            .collect();
        assert_eq!(help("", &asked), en);
    }
    assert_eq!(help("help", &[]), help("", &["--help"]));
    assert_eq!(
        help("", &["--lang", "en", "--help"]),
        help("", &["--help", "--lang=en"])
    );
    // `-h` is the summary: one line per option, without the list of formats
    let short = help("plan", &["-h"]);
    assert!(
        short.contains(
            "--format <ĐỊNH_DẠNG>  Định dạng kết quả (mặc định: định dạng mà đuôi tệp --out"
        ),
        "{short}"
    );
    assert!(!short.contains("- html:"), "{short}");
    assert!(help("plan", &["--help"]).contains("- html:"));
}

#[test]
fn the_help_says_what_the_options_really_do() {
    // the printable formats are offered by `plan` only, which alone takes them
    assert!(
        joined(&help("plan", &["-h"]))
            .contains("[giá trị: text, json, markdown, html, csv, xlsx, docx, letter-html]")
    );
    for command in ["compare", "sweep", "explain"] {
        let h = joined(&help(command, &["-h"]));
        assert!(h.contains("[giá trị: text, json, markdown] --lang"), "{h}");
        let out = Test::new()
            .args(command.split_whitespace())
            .args(["a.toml", "b.toml", "--format", "html"])
            .run();
        assert_eq!(out.code, 1, "{command} takes html after all");
    }
    // `--set` is not offered where it is refused
    for command in ["import", "generate", "rules test"] {
        assert!(!help(command, &["--help"]).contains("--set"), "{command}");
    }
    for command in ["plan", "compare", "sweep", "explain", "rules check"] {
        assert!(help(command, &["--help"]).contains("--set"), "{command}");
    }
    // defaults as the program takes them
    let generate = joined(&help("generate", &["-h"]));
    assert!(generate.contains("[mặc định: max-installs]"), "{generate}");
    assert!(generate.contains("[mặc định: commune]"), "{generate}");
    assert!(joined(&help("plan", &["-h"])).contains("[giá trị: vi, en] [mặc định: vi]"));
}

#[test]
fn the_help_is_wrapped_at_the_width_asked_for() {
    for command in COMMANDS {
        for width in ["60", "80"] {
            let vi = help(command, &["--help", "--width", width]);
            let en = help(
                command,
                &["--help", "--lang", "en", &format!("--width={width}")],
            );
            let width: usize = width.parse().unwrap();
            // (a usage line is not wrapped: `campaign compare` takes 64 columns)
            let lines = vi.lines().chain(en.lines());
            for line in lines.filter(|l| width >= 80 || !l.contains(": campaign")) {
                assert!(
                    line.chars().count() <= width,
                    "`campaign {command} --help --width {width}`: {line:?}"
                );
            }
        }
        // without a width, and to no terminal: 100 columns
        for line in help(command, &["--help"]).lines() {
            assert!(line.chars().count() <= 100, "{line:?}");
        }
    }
}

#[test]
fn the_help_of_a_terminal_fits_it() {
    let run = |terminal: Option<usize>| {
        let mut out = Vec::new();
        let mut err = Vec::new();
        let code = campaign_planner::cli::run_on(
            ["campaign", "plan", "--help"].map(std::ffi::OsString::from),
            terminal,
            &mut out,
            &mut err,
        );
        assert_eq!(code, 0);
        String::from_utf8(out).unwrap()
    };
    assert_eq!(run(Some(60)), help("plan", &["--help", "--width", "60"]));
    // a terminal wider than 100 columns: 100, as to no terminal
    assert_eq!(run(Some(200)), run(None));
}

/// The machine's locale is never read: the same command prints the same bytes everywhere.
#[test]
fn the_locale_and_the_environment_change_nothing() {
    let expected = help("plan", &["--help"]);
    let expected_en = help("plan", &["--help", "--lang", "en"]);
    for (lang, wanted) in [(None, &expected), (Some("en"), &expected_en)] {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_campaign"));
        command
            .args(["plan", "--help"])
            .env("LANG", "en_US.UTF-8")
            .env("LC_ALL", "en_US.UTF-8")
            .env("LC_MESSAGES", "en_US.UTF-8")
            .env("LANGUAGE", "en")
            .env("COLUMNS", "40");
        if let Some(lang) = lang {
            command.args(["--lang", lang]);
        }
        let out = command.output().expect("campaign runs");
        assert!(out.status.success());
        assert_eq!(&String::from_utf8(out.stdout).unwrap(), wanted);
        let mut vi = std::process::Command::new(env!("CARGO_BIN_EXE_campaign"));
        let out = vi
            .args(["plan", "--help"])
            .env("LANG", "vi_VN.UTF-8")
            .env("LC_ALL", "C")
            .output()
            .expect("campaign runs");
        assert_eq!(String::from_utf8(out.stdout).unwrap(), expected);
    }
}

#[test]
fn a_language_before_the_command_is_taken_for_the_command_too() {
    let en = Test::new()
        .args(["--lang", "en", "plan", "missing.toml"])
        .run()
        .bad_input();
    assert!(en.stderr.starts_with("error: "), "{}", en.stderr);
    let vi = Test::new()
        .args(["--lang=vi", "rules", "check", "missing-folder"])
        .run();
    assert!(vi.stderr.contains("lỗi"), "{}", vi.stderr);
    // given twice, before and after: the parser says so
    let twice = Test::new()
        .args(["--lang", "en", "plan", "x.toml", "--lang", "vi"])
        .run()
        .bad_input();
    assert!(twice.stderr.contains("--lang"), "{}", twice.stderr);
}

#[test]
fn help_of_a_command_that_does_not_exist_is_refused_in_the_user_s_language() {
    let vi = Test::new().args(["help", "plann"]).run().bad_input();
    assert!(vi.stderr.contains("không có lệnh `plann`"), "{}", vi.stderr);
    assert!(vi.stderr.contains("`plan`"), "{}", vi.stderr);
    let en = Test::new()
        .args(["--lang", "en", "help", "plann"])
        .run()
        .bad_input();
    assert!(
        en.stderr.contains("has no command `plann`"),
        "{}",
        en.stderr
    );
}

#[test]
fn the_programs_help_offers_lang_and_help_takes_its_own_help_flag() {
    // trial 14 item 20: `--lang` is how a reader finds the other language
    let vi = joined(&help("", &["--help"]));
    assert!(
        vi.contains("--lang <NGÔN_NGỮ> Ngôn ngữ của thông báo và kết quả, cho mọi lệnh (vi: Tiếng Việt, en: English) [giá trị: vi, en] [mặc định: vi]"),
        "{vi}"
    );
    let en = joined(&help("", &["--help", "--lang", "en"]));
    assert!(
        en.contains("--lang <LANG> Language of the messages and the output, for every command"),
        "{en}"
    );
    // `help --help` is the program's help, `help plan -h` the command's, not "no command"
    assert_eq!(help("help", &["--help"]), help("", &["--help"]));
    assert_eq!(help("help plan", &["--help"]), help("plan", &["--help"]));
    assert_eq!(
        help("help plan", &["-h", "--lang", "en"]),
        help("plan", &["--help", "--lang", "en"])
    );
}

/// The text of `option` (`--lang`) in `help`: its line and the lines under it that carry on its
/// text, as one line.
fn option_text(help: &str, option: &str) -> Option<String> {
    let mut lines = help.lines();
    let first = lines.find(|l| l.trim_start().starts_with(option))?;
    let indent = first.len() - first.trim_start().len();
    let rest = lines
        .take_while(|l| !l.trim().is_empty() && l.len() - l.trim_start().len() > indent)
        .collect::<Vec<_>>();
    Some(joined(&format!("{first} {}", rest.join(" "))))
}

/// The names the English help writes in Vietnamese on purpose: the language's own name, a
/// heading as the office's sheets write it, the currency.
const VIETNAMESE_IN_ENGLISH: [&str; 3] = ["Tiếng Việt", "\"Số máy cài\"", "đồng"];

/// What the default help's own words are, and the English words it must not have.
fn check_vietnamese(asked: &str, vi: &str) {
    for heading in ["Cách dùng: campaign", "Tùy chọn:"] {
        assert!(vi.contains(heading), "`{asked}` lacks «{heading}»:\n{vi}");
    }
    for english in [
        "Usage:",
        "Options:",
        "Commands:",
        "Arguments:",
        "[possible values",
    ] {
        assert!(!vi.contains(english), "`{asked}` says «{english}»:\n{vi}");
    }
    let lang = option_text(vi, "--lang")
        .unwrap_or_else(|| panic!("`{asked}` does not list --lang:\n{vi}"));
    assert!(
        lang.starts_with("--lang <NGÔN_NGỮ>")
            && lang.contains("[giá trị: vi, en]")
            && lang.contains("[mặc định: vi]"),
        "`{asked}`: {lang}"
    );
}

/// The same for `--lang en`: English headings, `--lang` with its values, no Vietnamese word.
fn check_english(asked: &str, en: &str) {
    for heading in ["Usage: campaign", "Options:"] {
        assert!(en.contains(heading), "`{asked}` lacks «{heading}»:\n{en}");
    }
    let lang = option_text(en, "--lang")
        .unwrap_or_else(|| panic!("`{asked}` does not list --lang:\n{en}"));
    assert!(
        lang.starts_with("--lang <LANG>")
            && lang.contains("[possible values: vi, en]")
            && lang.contains("[default: vi]"),
        "`{asked}`: {lang}"
    );
    // (a name the help wrapped reads as one: `Tiếng` / `Việt`)
    let mut rest = joined(en);
    for name in VIETNAMESE_IN_ENGLISH {
        rest = rest.replace(name, "");
    }
    let vietnamese: Vec<&str> = rest
        .split_whitespace()
        .filter(|w| w.chars().any(|c| c.is_alphabetic() && !c.is_ascii()))
        .collect();
    assert_eq!(vietnamese, Vec::<&str>::new(), "`{asked}`:\n{en}");
}

/// Issue 14: `campaign rules --help` did not list `--lang`. Every help screen of the command
/// line, read from the parser's own tree (the `help` commands it adds too, and any command
/// added later), lists `--lang` and its values: in Vietnamese by default, in English with
/// `--lang en` written anywhere (`campaign --lang en rules --help`, `campaign rules --lang en
/// --help`, `campaign rules --help --lang=en`).
#[test]
fn every_help_screen_of_the_command_tree_lists_lang_in_both_languages() {
    let paths = campaign_planner::cli::command_paths();
    for expected in [
        "",
        "rules",
        "rules check",
        "help",
        "help rules check",
        "rules help",
    ] {
        assert!(
            paths.iter().any(|p| p == expected),
            "{expected:?}: {paths:?}"
        );
    }
    // every command but the `help` ones has its golden help files
    let commands: Vec<&str> = paths
        .iter()
        .map(String::as_str)
        .filter(|p| !p.split(' ').any(|w| w == "help"))
        .collect();
    assert_eq!(commands, COMMANDS.to_vec(), "COMMANDS is the command tree");
    let run = |args: &[String]| -> String {
        Test::new()
            .args(args.iter().map(String::as_str))
            .run()
            .plan()
            .stdout
    };
    for path in &paths {
        let words: Vec<String> = path.split_whitespace().map(str::to_string).collect();
        for flag in ["--help", "-h"] {
            let mut asked = words.clone();
            asked.push(flag.to_string());
            let vi = run(&asked);
            check_vietnamese(&asked.join(" "), &vi);
            // `--lang en` before, between and after the command's words
            let mut english = Vec::new();
            for at in 0..=asked.len() {
                let mut with = asked.clone();
                with.splice(at..at, ["--lang".to_string(), "en".to_string()]);
                english.push((with.join(" "), run(&with)));
            }
            let mut with = asked.clone();
            with.push("--lang=en".to_string());
            english.push((with.join(" "), run(&with)));
            let (first, en) = &english[0];
            check_english(first, en);
            for (other, text) in &english[1..] {
                assert_eq!(text, en, "`{other}` and `{first}` differ");
            }
        }
    }
}
