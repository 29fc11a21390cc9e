//! A command line the argument parser (clap) refuses, in the user's language: the language is
//! read from the raw arguments (`--lang en`, `--lang=en`) before the parser runs, Vietnamese
//! otherwise (the machine's locale is never consulted), and the parser's finding (its kind and
//! context: the argument, the value, the values allowed, its suggestion) becomes a
//! [`UsageProblem`]. Help and version are not errors and are not touched here.

use std::ffi::OsString;

use clap::CommandFactory;
use clap::error::{ContextKind, ContextValue, ErrorKind};

use super::Cli;
use super::message::{Arg, UsageProblem};
use crate::diagnostic::{Error, did_you_mean};
use crate::text::Lang;

/// The language the raw `args` ask for with `--lang vi|en` (the first one that reads; after a
/// `--`, arguments are no options); Vietnamese otherwise.
pub(super) fn lang_of(args: &[OsString]) -> Lang {
    let mut args = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = args.next() {
        let value = match arg.as_ref() {
            "--" => break,
            "--lang" => args.next().map(|v| v.into_owned()),
            other => other.strip_prefix("--lang=").map(str::to_string),
        };
        if let Some(lang) = value.as_deref().and_then(Lang::parse) {
            return lang;
        }
    }
    Lang::Vi
}

/// The width `--width N` (or `--width=N`) asks for in the raw `args`, when it is a number.
pub(super) fn width_of(args: &[OsString]) -> Option<usize> {
    let mut args = args.iter().skip(1).map(|a| a.to_string_lossy());
    let mut width = None;
    while let Some(arg) = args.next() {
        let value = match arg.as_ref() {
            "--" => break,
            "--width" => args.next().map(|v| v.into_owned()),
            other => other.strip_prefix("--width=").map(str::to_string),
        };
        if let Some(w) = value.and_then(|v| v.trim().parse::<usize>().ok()) {
            width = Some(w);
        }
    }
    width
}

/// The raw `args` without `--lang` and `--width` and their values (before a `--`): for the help,
/// which has read them already and may be asked for where the parser does not take them
/// (`campaign --lang en --help`).
pub(super) fn without_lang_and_width(args: &[OsString]) -> Vec<OsString> {
    let mut kept = Vec::with_capacity(args.len());
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let text = arg.to_string_lossy();
        if text == "--" {
            kept.push(arg.clone());
            kept.extend(rest.cloned());
            break;
        }
        if text == "--lang" || text == "--width" {
            rest.next();
        } else if !(text.starts_with("--lang=") || text.starts_with("--width=")) {
            kept.push(arg.clone());
        }
    }
    kept
}

/// The raw `args` with a `--lang` written before the command's name (`campaign --lang en plan
/// x.toml`, `campaign rules --lang=en check`), where the parser does not take it, moved to just
/// after the name, where it does (every command takes `--lang`). Dropped when no command follows
/// (`campaign --lang en`, `campaign --lang en help plan`): the language is read already.
pub(super) fn lang_after_command(args: &[OsString]) -> Vec<OsString> {
    let cli = Cli::command();
    let mut current = &cli;
    let mut kept: Vec<OsString> = args.iter().take(1).cloned().collect();
    let mut moved: Vec<OsString> = Vec::new();
    let mut rest = args.iter().skip(1);
    while let Some(arg) = rest.next() {
        let text = arg.to_string_lossy();
        if text == "--" {
            kept.push(arg.clone());
            break;
        }
        if text == "--lang" {
            moved.push(arg.clone());
            moved.extend(rest.next().cloned());
            continue;
        }
        if text.starts_with("--lang=") {
            moved.push(arg.clone());
            continue;
        }
        kept.push(arg.clone());
        if let Some(long) = text.strip_prefix("--") {
            let takes_value = current
                .get_arguments()
                .chain(cli.get_arguments())
                .find(|a| a.get_long() == Some(long))
                .is_some_and(|a| a.get_action().takes_values());
            if takes_value && !long.contains('=') {
                kept.extend(rest.next().cloned());
            }
            continue;
        }
        if text.starts_with('-') {
            continue;
        }
        match current.find_subcommand(text.as_ref()) {
            Some(sub) if sub.has_subcommands() => current = sub,
            Some(_) => {
                kept.append(&mut moved);
                break;
            }
            None => break,
        }
    }
    // with no command to take it, it is dropped: the language is read already, and the parser
    // then says what is missing or unknown in it
    kept.extend(rest.cloned());
    kept
}

/// The command the raw `args` name before the parser stopped: `campaign`, `campaign plan`,
/// `campaign rules check`.
fn command_of(args: &[OsString]) -> String {
    let cli = Cli::command();
    let mut path = vec!["campaign".to_string()];
    let mut current = &cli;
    let mut args = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        if let Some(long) = arg.strip_prefix("--") {
            // an option that takes a value takes the next argument, unless written `--x=v`
            let takes_value = current
                .get_arguments()
                .chain(cli.get_arguments())
                .find(|a| a.get_long() == Some(long))
                .is_some_and(|a| a.get_action().takes_values());
            if takes_value && !long.contains('=') {
                args.next();
            }
            continue;
        }
        if arg.starts_with('-') {
            continue;
        }
        match current.find_subcommand(arg.as_ref()) {
            Some(sub) => {
                path.push(sub.get_name().to_string());
                current = sub;
            }
            None => break,
        }
    }
    path.join(" ")
}

/// The subcommands and the long options of `command` (`campaign plan`).
fn names_of(command: &str) -> (Vec<String>, Vec<String>) {
    let cli = Cli::command();
    let mut current = &cli;
    for part in command.split(' ').skip(1) {
        match current.find_subcommand(part) {
            Some(sub) => current = sub,
            None => break,
        }
    }
    let subcommands = current
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    // `--set` is global to the parser, but generate, import and rules test refuse it
    let takes_settings = ![
        "campaign generate",
        "campaign import",
        "campaign rules test",
    ]
    .iter()
    .any(|c| command.starts_with(c));
    let mut options: Vec<String> = current
        .get_arguments()
        .chain(cli.get_arguments().filter(|a| a.is_global_set()))
        .filter_map(|a| a.get_long().map(|l| format!("--{l}")))
        .filter(|o| takes_settings || o != "--set")
        .collect();
    options.dedup();
    (subcommands, options)
}

/// A text of the parser's context.
fn text(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(s) => s.first().cloned(),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        _ => None,
    }
}

/// The texts of the parser's context.
fn texts(e: &clap::Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::Strings(s)) => s.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    }
}

fn number(e: &clap::Error, kind: ContextKind) -> usize {
    match e.get(kind) {
        Some(ContextValue::Number(n)) => usize::try_from(*n).unwrap_or(0),
        _ => 0,
    }
}

/// `--lang <LANG>` as the option alone: `--lang`.
fn option_name(arg: &str) -> String {
    arg.split([' ', '=']).next().unwrap_or(arg).to_string()
}

/// An argument as the parser names it (`<SCENARIO>`, `--district <DISTRICT>`), as people do.
fn arg(written: &str) -> Arg {
    match written.trim_end_matches("...") {
        "<SCENARIO>" => Arg::Scenario,
        "<SCENARIOS>" | "<SCENARIOS> <SCENARIOS>" => Arg::Scenarios,
        "<FILE>" => Arg::TableFile,
        w if w.starts_with("--") => Arg::Option(option_name(w)),
        w => Arg::Other(w.to_string()),
    }
}

/// `--set district.Hữu Lũng.installed=18019` typed without quotes: the shell splits it at the
/// space, so `Lũng.installed=18019` (`written`) is an argument too many. The setting as meant
/// (`district.Hữu Lũng.installed=18019`) when `written` follows a `--set` value without `=`:
/// that value and the words after it up to the first with an `=`, joined by spaces.
fn split_setting(args: &[OsString], written: &str) -> Option<String> {
    let args: Vec<&str> = args.iter().map(|a| a.to_str().unwrap_or("")).collect();
    let at = args.iter().position(|a| *a == written)?;
    let (start, first) = match at.checked_sub(1).map(|i| (i, args[i])) {
        Some((i, value)) if i >= 1 && args[i - 1] == "--set" => (i, value),
        Some((i, joined)) if joined.starts_with("--set=") => (i, &joined["--set=".len()..]),
        _ => return None,
    };
    if first.contains('=') || first.is_empty() {
        return None;
    }
    let mut words = vec![first];
    for word in &args[start + 1..] {
        if word.starts_with('-') {
            return None;
        }
        words.push(word);
        if word.contains('=') {
            return Some(words.join(" "));
        }
    }
    None
}

/// The parser's refusal `e` of the raw `args`, as an error for people.
pub(super) fn usage_error(e: &clap::Error, args: &[OsString]) -> Error {
    let command = command_of(args);
    let (subcommands, options) = names_of(&command);
    let invalid = text(e, ContextKind::InvalidArg).unwrap_or_default();
    let problem = match e.kind() {
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand | ErrorKind::MissingSubcommand => {
            UsageProblem::NoCommand {
                command,
                commands: subcommands,
            }
        }
        ErrorKind::InvalidSubcommand => {
            let written = text(e, ContextKind::InvalidSubcommand).unwrap_or_default();
            let close = did_you_mean(&written, subcommands.iter().map(String::as_str))
                .map(str::to_string)
                .or_else(|| text(e, ContextKind::SuggestedSubcommand));
            UsageProblem::UnknownCommand {
                command,
                written,
                close,
                commands: subcommands,
            }
        }
        ErrorKind::MissingRequiredArgument => UsageProblem::Missing {
            command,
            missing: texts(e, ContextKind::InvalidArg)
                .iter()
                .map(|a| arg(a))
                .collect(),
        },
        ErrorKind::InvalidValue => {
            let written = text(e, ContextKind::InvalidValue).unwrap_or_default();
            let possible = texts(e, ContextKind::ValidValue);
            let close = if written.is_empty() {
                None
            } else if option_name(&invalid) == "--format"
                && let Some(meant) = format_meant(&written)
            {
                Some(meant.to_string())
            } else {
                did_you_mean(&written, possible.iter().map(String::as_str)).map(str::to_string)
            };
            UsageProblem::BadValue {
                command,
                option: option_name(&invalid),
                written,
                possible,
                close,
            }
        }
        ErrorKind::ValueValidation => UsageProblem::NotANumber {
            command,
            option: option_name(&invalid),
            written: text(e, ContextKind::InvalidValue).unwrap_or_default(),
        },
        // `campaign --lang en` (no command yet): the language is read, the command is missing
        ErrorKind::UnknownArgument
            if option_name(&invalid) == "--lang" && !subcommands.is_empty() =>
        {
            UsageProblem::NoCommand {
                command,
                commands: subcommands,
            }
        }
        // `campaign plan x.toml -- --lang en`: after `--` an option is a file name
        ErrorKind::UnknownArgument | ErrorKind::TooManyValues
            if let Some(written) = after_double_dash(args) =>
        {
            UsageProblem::AfterDoubleDash {
                command,
                written,
                without: without_double_dash(args),
            }
        }
        ErrorKind::UnknownArgument if invalid.starts_with('-') => {
            let written = option_name(&invalid);
            // the parser's own suggestion: it compares as strictly as a person would
            let close = text(e, ContextKind::SuggestedArg);
            UsageProblem::UnknownOption {
                command,
                written,
                close,
                options,
            }
        }
        ErrorKind::UnknownArgument | ErrorKind::TooManyValues => {
            let written = text(e, ContextKind::InvalidValue).unwrap_or(invalid);
            match split_setting(args, &written) {
                Some(joined) => UsageProblem::SplitSetting { command, joined },
                None => UsageProblem::Extra { command, written },
            }
        }
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => UsageProblem::TooFew {
            command,
            what: arg(&invalid),
            min: number(e, ContextKind::MinValues).max(number(e, ContextKind::ExpectedNumValues)),
            given: number(e, ContextKind::ActualNumValues),
        },
        ErrorKind::ArgumentConflict => {
            let prior = text(e, ContextKind::PriorArg).unwrap_or_default();
            if prior.is_empty() || prior == invalid {
                UsageProblem::Twice {
                    command,
                    option: option_name(&invalid),
                }
            } else {
                UsageProblem::Conflict {
                    command,
                    option: option_name(&invalid),
                    other: option_name(&prior),
                }
            }
        }
        ErrorKind::InvalidUtf8 => UsageProblem::NotText { command },
        _ => UsageProblem::Other {
            command,
            library: e.kind().as_str().unwrap_or("?").to_string(),
        },
    };
    Error::new(problem)
}

/// The format a user means by a name the tool does not use: `word` (or `doc`, `winword`) is
/// `docx`, `excel` (or `xls`) `xlsx`, `md` `markdown`, `txt` `text`, `htm` and `web` `html`,
/// `pdf` `html` (printed to PDF from the browser).
fn format_meant(written: &str) -> Option<&'static str> {
    let key = crate::text::fold(written);
    let key = key.trim().trim_start_matches('.');
    Some(match key {
        "word" | "doc" | "winword" | "msword" | "ms-word" | "công văn" | "cong van"
        | "cong-van" | "congvan" | "letter" => "docx",
        "excel" | "xls" | "xlsm" | "spreadsheet" => "xlsx",
        "md" => "markdown",
        "txt" | "plain" | "terminal" => "text",
        "htm" | "web" | "pdf" | "print" => "html",
        _ => return None,
    })
}

/// The first argument after a `--` that looks like an option (`--lang`), when there is one.
fn after_double_dash(args: &[OsString]) -> Option<String> {
    args.iter()
        .skip_while(|a| *a != "--")
        .skip(1)
        .find(|a| is_option_after_dashes(a))
        .map(|a| option_name(&a.to_string_lossy()))
}

/// A word after `--` that reads as an option: it starts with `-` and names no file there is
/// (`-weird.toml`, a file whose name starts with a dash, is what `--` is for).
fn is_option_after_dashes(arg: &OsString) -> bool {
    let text = arg.to_string_lossy();
    text.starts_with('-') && text.len() > 1 && !std::path::Path::new(arg).exists()
}

/// The raw `args` without a `--` (for the language a message is said in).
pub(super) fn without_double_dash_args(args: &[OsString]) -> Vec<OsString> {
    args.iter().filter(|a| *a != "--").cloned().collect()
}

/// The command line as typed, as the user can type it again: without its `--`, or, where a
/// file after it has a name that starts with a dash (which is what `--` is for), with the
/// options after `--` moved before it.
fn without_double_dash(args: &[OsString]) -> String {
    let dashes = args.iter().position(|a| a == "--").unwrap_or(args.len());
    let after = args.get(dashes + 1..).unwrap_or_default();
    let dashed_file = after
        .iter()
        .any(|a| a.to_string_lossy().starts_with('-') && !is_option_after_dashes(a));
    let (before, files): (Vec<&OsString>, Vec<&OsString>) = if dashed_file {
        // an option's value follows it: everything after `--` but the files moves
        after
            .iter()
            .partition(|a| !std::path::Path::new(a).exists())
    } else {
        (after.iter().collect(), Vec::new())
    };
    let mut words: Vec<&OsString> = args.iter().take(dashes).skip(1).collect();
    words.extend(before);
    let dashes_word = OsString::from("--");
    if !files.is_empty() {
        words.push(&dashes_word);
        words.extend(files);
    }
    let mut typed = vec!["campaign".to_string()];
    for arg in words {
        let text = arg.to_string_lossy();
        if text.contains([' ', '"', '\'']) {
            typed.push(format!("\"{text}\""));
        } else {
            typed.push(text.into_owned());
        }
    }
    typed.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_after_dashes_move_before_them_when_a_file_needs_the_dashes() {
        // a file whose name starts with a dash, in the folder the command runs in
        let name = "-campaign-usage-test-dashes.toml";
        std::fs::write(name, "").unwrap();
        let args: Vec<OsString> = ["campaign", "plan", "--", name, "--lang", "en"]
            .iter()
            .map(OsString::from)
            .collect();
        let named = after_double_dash(&args);
        let typed = without_double_dash(&args);
        std::fs::remove_file(name).unwrap();
        assert_eq!(named.as_deref(), Some("--lang"));
        assert_eq!(typed, format!("campaign plan --lang en -- {name}"));
        // no such file: the dashes are left out
        let args: Vec<OsString> = ["campaign", "plan", "x.toml", "--", "--lang", "en"]
            .iter()
            .map(OsString::from)
            .collect();
        assert_eq!(without_double_dash(&args), "campaign plan x.toml --lang en");
    }

    #[test]
    fn a_format_named_as_people_name_it() {
        assert_eq!(format_meant("word"), Some("docx"));
        assert_eq!(format_meant("Word"), Some("docx"));
        assert_eq!(format_meant("excel"), Some("xlsx"));
        assert_eq!(format_meant(".pdf"), Some("html"));
        assert_eq!(format_meant("jpeg"), None);
    }

    #[test]
    fn an_option_after_a_double_dash_is_found_and_the_line_given_without_it() {
        let line: Vec<OsString> = ["campaign", "plan", "a b.toml", "--", "--lang", "en"]
            .into_iter()
            .map(OsString::from)
            .collect();
        assert_eq!(after_double_dash(&line), Some("--lang".to_string()));
        assert_eq!(
            without_double_dash(&line),
            "campaign plan \"a b.toml\" --lang en"
        );
        assert_eq!(after_double_dash(&args("plan a.toml")), None);
        assert_eq!(after_double_dash(&args("plan -- -")), None);
    }

    fn args(line: &str) -> Vec<OsString> {
        std::iter::once("campaign")
            .chain(line.split_whitespace())
            .map(OsString::from)
            .collect()
    }

    #[test]
    fn the_language_is_read_before_the_parser() {
        assert_eq!(lang_of(&args("plan x --lang en")), Lang::En);
        assert_eq!(lang_of(&args("plan x --lang=en")), Lang::En);
        assert_eq!(lang_of(&args("plan x --lang fr --lang en")), Lang::En);
        assert_eq!(lang_of(&args("plan x --lang fr")), Lang::Vi);
        assert_eq!(lang_of(&args("plan -- --lang en")), Lang::Vi);
        assert_eq!(lang_of(&args("plan x")), Lang::Vi);
    }

    fn line(args: &[OsString]) -> String {
        args.iter()
            .map(|a| a.to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn a_language_before_the_command_goes_after_its_name() {
        let moved = |l: &str| line(&lang_after_command(&args(l)));
        assert_eq!(moved("--lang en plan x"), "campaign plan --lang en x");
        assert_eq!(moved("--lang=en plan x"), "campaign plan --lang=en x");
        assert_eq!(
            moved("--set a=1 --lang en rules check r"),
            "campaign --set a=1 rules check --lang en r"
        );
        assert_eq!(
            moved("rules --lang en test"),
            "campaign rules test --lang en"
        );
        // after the command, or after `--`, it stays where it is
        assert_eq!(moved("plan x --lang en"), "campaign plan x --lang en");
        assert_eq!(moved("plan -- --lang en"), "campaign plan -- --lang en");
        // no command: dropped, the parser says the command is missing (in English)
        assert_eq!(moved("--lang en"), "campaign");
        assert_eq!(moved("--lang en help plann"), "campaign help plann");
        // an option's value is not the language
        assert_eq!(moved("--set --lang plan x"), "campaign --set --lang plan x");
    }

    #[test]
    fn help_reads_the_language_and_the_width_itself() {
        assert_eq!(
            line(&without_lang_and_width(&args(
                "--lang en plan --width=60 --help"
            ))),
            "campaign plan --help"
        );
        assert_eq!(width_of(&args("plan x --width 60")), Some(60));
        assert_eq!(width_of(&args("plan x --width=72")), Some(72));
        assert_eq!(width_of(&args("plan x --width wide")), None);
    }

    #[test]
    fn the_command_is_what_was_typed_before_the_mistake() {
        assert_eq!(command_of(&args("plan")), "campaign plan");
        assert_eq!(command_of(&args("--set a=1 plan x")), "campaign plan");
        assert_eq!(command_of(&args("rules chek")), "campaign rules");
        assert_eq!(command_of(&args("rules test x")), "campaign rules test");
        assert_eq!(command_of(&args("plann x")), "campaign");
        // an option's value is no command
        assert_eq!(command_of(&args("--set plan")), "campaign");
    }
}
