//! The command line: raw arguments become checked options here, once.

mod compare;
mod explain;
mod generate;
mod help;
mod import;
pub(crate) mod message;
pub(crate) mod output;
mod rules_check;
mod rules_test;
mod sweep;
mod usage;

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::report::{self, Format};
use crate::solve::Status;
use crate::text::Lang;
use message::{OutputProblem, SetProblem};

/// Exit status of a plan (MODEL.md § "The JSON plan").
pub const EXIT_PLAN: i32 = 0;
/// Bad input: a scenario, rule or argument that needs fixing.
pub const EXIT_BAD_INPUT: i32 = 1;
/// The scenario cannot be met; the plan (best reachable) is still printed.
pub const EXIT_INFEASIBLE: i32 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "campaign",
    version,
    about = "Plans an app-install campaign: where outreach teams go so that the province reaches its target, and what every district must do."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Change one value of the scenario for this run, e.g.
    /// --set target.provincial_rate=0.5 --set team_kind.volunteer.available=50
    /// --set params.door_to_door_threshold=0.25 (repeatable).
    #[arg(long = "set", value_name = "KEY=VALUE", global = true)]
    set: Vec<String>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Plan a scenario: province summary, district table and each district's directives.
    Plan {
        /// The scenario file (TOML), e.g. scenarios/lang-son-2020-09-01.toml
        scenario: PathBuf,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Compare the plans of several scenarios side by side: teams, rates and costs per
    /// district, province totals, and what differs between their inputs.
    Compare {
        /// Two or more scenario files.
        #[arg(required = true, num_args = 2..)]
        scenarios: Vec<PathBuf>,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Plan a scenario for every value of one key, e.g. --vary team_kind.volunteer.available=10..50:10
    Sweep {
        /// The scenario file (TOML).
        scenario: PathBuf,
        /// KEY=FROM..TO:STEP, the key as for --set.
        #[arg(long, value_name = "KEY=FROM..TO:STEP")]
        vary: String,
        #[command(flatten)]
        output: OutputArgs,
        /// Plans solved at once (default: the machine's cores; at most {sweep_jobs}, and one per
        /// value). The results do not depend on it.
        #[arg(long)]
        jobs: Option<usize>,
    },
    /// Explain why a district got what it got: its inputs, the rules that fired, the value of
    /// one more or one fewer team, and what would change its allocation.
    Explain {
        /// The scenario file (TOML).
        scenario: PathBuf,
        /// The district's name, as in the scenario.
        #[arg(long)]
        district: String,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Import a coverage table (CSV or XLSX, as the districts send it in) and write a
    /// scenario skeleton with one [[district]] per row.
    Import {
        /// The table, e.g. coverage.xlsx or coverage.csv
        file: PathBuf,
        /// Write the scenario to this file (atomically) instead of the terminal. A file that is
        /// there already is replaced only if `campaign import` or `campaign generate` wrote it.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Replace the --out file even if it is a scenario these commands did not write.
        #[arg(long, action = clap::ArgAction::SetTrue)]
        force: bool,
        /// Name a column the tool cannot guess, by its heading as the file writes it:
        /// installed="Số máy cài", smartphones=..., district=..., rate=..., commune= (commune
        /// teams), quarantine=, testing=, students= (repeatable)
        #[arg(long = "column", value_name = "KEY=HEADING")]
        columns: Vec<String>,
        /// The date of the figures (31/8/2020 or 2020-08-31), instead of the date in the
        /// table's title
        #[arg(long = "as-of", value_name = "DATE")]
        as_of: Option<String>,
        /// The workbook's sheet to read, by its name or its number (1 is the first), instead of
        /// the first sheet with a header row
        #[arg(long = "sheet", value_name = "SHEET", allow_negative_numbers = true)]
        sheet: Option<String>,
        #[command(flatten)]
        lang: LangArgs,
    },
    /// Write a made-up scenario for benchmarks and tests: N communes (or districts) drawn at
    /// random from a seed, three team kinds, labelled as generated, not real data. The same
    /// arguments write the same file.
    Generate(generate::Args),
    /// Check or test the policy rules (rules/*.rhai) before planning with them.
    Rules {
        #[command(subcommand)]
        command: RulesCommand,
    },
}

#[derive(Debug, Subcommand)]
enum RulesCommand {
    /// Check rule files against the rules API without running them: unknown functions,
    /// wrong arguments, unknown district fields, team kinds, cohorts and [params] keys.
    Check {
        /// Rule files or folders (default: rules/).
        paths: Vec<PathBuf>,
        /// Check names (params, team kinds, cohorts) against this scenario.
        #[arg(long)]
        scenario: Option<PathBuf>,
        #[command(flatten)]
        lang: LangArgs,
    },
    /// Run the rule tests (rules/tests/*.toml): each case's expected bounds, installs and
    /// directives against what the rules actually do.
    Test {
        /// Test files or folders (default: rules/tests/).
        paths: Vec<PathBuf>,
        #[command(flatten)]
        lang: LangArgs,
    },
}

/// `--format`, `--lang` and `--out`, as every command that writes a result takes them.
#[derive(Debug, clap::Args)]
struct OutputArgs {
    /// Output format (default: the one the --out file's extension names; .txt or none: text).
    #[arg(long, value_enum)]
    format: Option<FormatArg>,
    #[command(flatten)]
    lang: LangArgs,
    /// Write to this file (atomically) instead of the terminal.
    #[arg(long)]
    out: Option<PathBuf>,
    /// The terminal's width in columns, which the tables must fit (default: when printing to a
    /// terminal, COLUMNS if set, else the terminal's width; to a file or another program,
    /// COLUMNS is not read: the full tables, however wide).
    #[arg(long, value_name = "COLUMNS", allow_negative_numbers = true, value_parser = clap::value_parser!(u16).range(crate::limits::WIDTH_MIN as i64..=crate::limits::WIDTH_MAX as i64))]
    width: Option<u16>,
}

/// `--lang`, as every command takes it.
#[derive(Debug, Clone, Copy, clap::Args)]
struct LangArgs {
    /// Language of the messages and the human output (vi: Tiếng Việt, en: English).
    #[arg(long, value_enum, default_value_t = LangArg::Vi)]
    lang: LangArg,
}

impl From<LangArgs> for Lang {
    fn from(l: LangArgs) -> Lang {
        l.lang.into()
    }
}

/// What a command writes, checked once here: its format, language and file.
pub(crate) struct Output {
    pub format: Format,
    pub lang: Lang,
    pub out: Option<PathBuf>,
    /// The width in columns the tables must fit: `--width`, else the terminal's when the
    /// output goes to one; `None`: the full tables, however wide.
    pub width: Option<usize>,
}

impl OutputArgs {
    /// The output of `campaign command`: the printable formats (html, csv, xlsx) are the
    /// plan's alone, and a binary format needs `--out`. The messages stay in the user's
    /// language (clap's own are English only), so this is checked here rather than by clap;
    /// a refusal is written to `stderr` and is the exit status.
    /// `terminal` is the width of the terminal the output would go to, when it goes to one.
    fn checked(
        self,
        command: &str,
        scenarios: &[&std::path::Path],
        settings: &[String],
        terminal: Option<usize>,
        stderr: &mut dyn Write,
    ) -> Result<Output, i32> {
        let width = match (self.width, &self.out) {
            (Some(w), _) => Some(usize::from(w)),
            (None, None) => terminal,
            (None, Some(_)) => None,
        };
        let lang: Lang = self.lang.into();
        let given = self.format.map(Format::from);
        let format = match output_format(given, self.out.as_deref()) {
            Ok(format) => format,
            Err(refusal) => {
                // writing over an input (or a device, a folder) is said first: it is the worse
                let e = self
                    .out
                    .as_deref()
                    .and_then(|out| {
                        output::check_out_but_owner(out, &output::inputs_of(scenarios, settings))
                            .err()
                    })
                    .unwrap_or_else(|| refusal.command(command));
                return Err(bad_input(stderr, &e, lang));
            }
        };
        let output = Output {
            format,
            lang,
            out: self.out,
            width,
        };
        let refused = if command != "plan" && output.format.is_printable() {
            // the file, when its name chose the format
            match (&output.out, given) {
                (Some(out), None) => plan_only(command, output.format).file(out),
                _ => plan_only(command, output.format),
            }
        } else if output.format.is_binary() && output.out.is_none() {
            needs_out(output.format)
        } else {
            return Ok(output);
        };
        Err(bad_input(stderr, &refused, output.lang))
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FormatArg {
    /// tables to read on the terminal
    Text,
    /// JSON for other programs (its fields: MODEL.md)
    Json,
    /// Markdown, to paste into a document
    Markdown,
    /// one HTML file to print: the summary, then a page per district
    Html,
    /// the district table for spreadsheets
    Csv,
    /// an Excel workbook; needs --out
    Xlsx,
    /// the official letter as a Word file; needs --out (its number, date, signer... from the
    /// scenario's [letter] table)
    Docx,
    /// the official letter as one HTML file to print (its number, date, signer... from the
    /// scenario's [letter] table)
    LetterHtml,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum LangArg {
    Vi,
    En,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Text => Format::Text,
            FormatArg::Json => Format::Json,
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Html => Format::Html,
            FormatArg::Csv => Format::Csv,
            FormatArg::Xlsx => Format::Xlsx,
            FormatArg::Docx => Format::Docx,
            FormatArg::LetterHtml => Format::LetterHtml,
        }
    }
}

/// The format a file's extension names (`plan.XLSX` too), `Ok(None)` for a file without one,
/// `Err(extension)` for an extension that names no format. `.txt` is text; `.html` is the
/// plan's HTML (the letter's, `--format letter-html`, is an HTML file too).
fn format_of_extension(path: &std::path::Path) -> Result<Option<Format>, String> {
    let Some(ext) = path.extension() else {
        return Ok(None);
    };
    let ext = ext.to_string_lossy();
    match ext.to_lowercase().as_str() {
        "txt" => Ok(Some(Format::Text)),
        "json" => Ok(Some(Format::Json)),
        "md" | "markdown" => Ok(Some(Format::Markdown)),
        "html" | "htm" => Ok(Some(Format::Html)),
        "csv" => Ok(Some(Format::Csv)),
        "xlsx" => Ok(Some(Format::Xlsx)),
        "docx" => Ok(Some(Format::Docx)),
        _ => Err(ext.into_owned()),
    }
}

/// A refusal of `--format` and `--out` together, before the command's name is known.
enum FormatRefusal {
    /// `--out` ends as the tool's own inputs do (`.toml`: a scenario or a rule test; `.rhai`: a
    /// rule), whatever `--format` says: an output there replaces, or passes for, one of them.
    InputKind {
        file: PathBuf,
        ext: String,
    },
    Unknown {
        file: PathBuf,
        ext: String,
    },
    Contradicts {
        file: PathBuf,
        ext: String,
        given: Format,
        named: Format,
    },
}

impl FormatRefusal {
    /// The error, for `campaign command`.
    fn command(self, command: &str) -> crate::diagnostic::Error {
        let plan = command == "plan";
        match self {
            FormatRefusal::InputKind { file, ext } => {
                crate::diagnostic::Error::new(OutputProblem::InputExtension { ext, plan })
                    .file(file)
            }
            FormatRefusal::Unknown { file, ext } => {
                crate::diagnostic::Error::new(OutputProblem::UnknownExtension { ext, plan })
                    .file(file)
            }
            FormatRefusal::Contradicts {
                file,
                ext,
                given,
                named,
            } => crate::diagnostic::Error::new(OutputProblem::Contradicts {
                ext,
                given: given.name(),
                named: named.name(),
                plan,
            })
            .file(file),
        }
    }
}

/// The format of the output: `--format` (`given`) when it agrees with `--out`'s extension,
/// else the one the extension names; text without either. An extension that names no format
/// needs `--format`; one that names another format than `--format` is refused (the file would
/// not open as its name says).
fn output_format(
    given: Option<Format>,
    out: Option<&std::path::Path>,
) -> Result<Format, FormatRefusal> {
    let Some(file) = out else {
        return Ok(given.unwrap_or(Format::Text));
    };
    let ext = || {
        file.extension()
            .map(|e| e.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    if ["toml", "rhai"].contains(&ext().to_lowercase().as_str()) {
        return Err(FormatRefusal::InputKind {
            file: file.to_path_buf(),
            ext: ext(),
        });
    }
    match (given, format_of_extension(file)) {
        (None, Ok(named)) => Ok(named.unwrap_or(Format::Text)),
        (None, Err(ext)) => Err(FormatRefusal::Unknown {
            file: file.to_path_buf(),
            ext,
        }),
        // a name the formats do not use (plan.out, plan.log, no extension): as --format says
        (Some(given), Ok(None) | Err(_)) => Ok(given),
        (Some(given), Ok(Some(named))) => {
            let agrees = given == named || (given == Format::LetterHtml && named == Format::Html);
            if agrees {
                Ok(given)
            } else {
                Err(FormatRefusal::Contradicts {
                    file: file.to_path_buf(),
                    ext: ext(),
                    given,
                    named,
                })
            }
        }
    }
}

/// The error for a printable format (html, csv, xlsx) given to a command other than `plan`.
fn plan_only(command: &str, format: Format) -> crate::diagnostic::Error {
    crate::diagnostic::Error::new(OutputProblem::PlanOnly {
        command: command.to_string(),
        format: format.name(),
    })
}

/// The error for a binary format (xlsx) without `--out`.
fn needs_out(format: Format) -> crate::diagnostic::Error {
    crate::diagnostic::Error::new(OutputProblem::NeedsOut {
        format: format.name(),
    })
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Vi => Lang::Vi,
            LangArg::En => Lang::En,
        }
    }
}

/// Writes `e` to `stderr` for a person reading `lang`: the exit status of bad input.
pub(crate) fn bad_input(stderr: &mut dyn Write, e: &crate::diagnostic::Error, lang: Lang) -> i32 {
    let _ = stderr.write_all(e.render(lang).as_bytes());
    EXIT_BAD_INPUT
}

/// `campaign plan`: the plan of the scenario at `scenario` (with `settings` from `--set`),
/// written as `output` says; the exit status is the plan's (2 when the scenario cannot be met).
fn plan(
    scenario: &std::path::Path,
    settings: &[String],
    output: &Output,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> i32 {
    let lang = output.lang;
    let out = output.out.as_deref();
    // loaded once: for the files it reads (which --out may not name), then to plan; with
    // --set, the scenario without the settings from the same reading, for the notice
    let (loaded, without) = match crate::scenario::load_with_and_without(scenario, settings) {
        Ok((with, without)) => (Ok(with), without),
        Err(e) => (Err(e), None),
    };
    let inputs = || output::inputs_of_loaded(scenario, loaded.as_ref().ok());
    if let Err(e) = output::check_out_of(out, inputs) {
        return bad_input(stderr, &e, lang);
    }
    let letter = loaded
        .as_ref()
        .map(|s| s.letter.clone())
        .unwrap_or_default();
    let mut plan = match loaded
        .as_ref()
        .map_err(Clone::clone)
        .and_then(crate::plan_scenario)
    {
        Ok(plan) => plan,
        Err(e) => return bad_input(stderr, &e, lang),
    };
    // a what-if says so on every page it prints (trial F32)
    if let Ok(with) = &loaded
        && let Some(without) = &without
        && let Some(notice) = crate::set_notice_between(without, with)
    {
        plan.notices.insert(0, notice);
    }
    let written = if output.format.is_letter() {
        report::render_letter(&plan, &letter, output.format, lang)
            .and_then(|bytes| output::emit(out, &bytes, stdout))
    } else {
        match output.format {
            // the tables fit the terminal (or --width); to a file or a pipe, the wide layout
            Format::Text => {
                let text = report::terminal::render_to(&plan, lang, output.width);
                output::emit(out, text.as_bytes(), stdout)
            }
            // streamed: a plan of 20,000 districts is never held whole as JSON
            Format::Json => {
                output::emit_with(out, stdout, &mut |w| report::json::write(&plan, lang, w))
            }
            format => report::render_bytes(&plan, format, lang)
                .and_then(|bytes| output::emit(out, &bytes, stdout)),
        }
    };
    if let Err(e) = written {
        return bad_input(stderr, &e, lang);
    }
    if output.format.is_letter()
        && let Some(notice) = report::letter::placeholder_notice(&letter, lang)
    {
        // the letter is written; what it still lacks is said where the user sees it
        let _ = stderr.write_all(notice.as_bytes());
    }
    if output.format.is_letter()
        && let Some(warning) = report::letter::date_warning(&letter, &plan.as_of, lang)
    {
        let _ = stderr.write_all(warning.as_bytes());
    }
    if output.format.is_letter()
        && let Some(draft) = report::letter::draft(&plan, lang)
    {
        // the plan's notices and findings, which the letter carries as its draft mark
        let _ = stderr.write_all(report::letter::draft_warning(&draft, lang).as_bytes());
    }
    match plan.status {
        Status::Optimal | Status::Feasible => EXIT_PLAN,
        Status::Infeasible => EXIT_INFEASIBLE,
    }
}

/// Removes the hidden temporary files of outputs being written (`--out`) and ends the program
/// with `code`: for the binary's handler of Ctrl-C, SIGTERM and SIGHUP, so that a run
/// stopped mid-write leaves nothing.
pub fn remove_pending_outputs_and_exit(code: i32) -> ! {
    output::remove_pending_and_exit(code)
}

/// Every command of the command line as typed after `campaign` (`""` for the program,
/// `"plan"`, `"rules check"`, and the `help` commands: `"help"`, `"help plan"`, `"rules
/// help"`), read from the parser's definition: for tests that check every help screen.
pub fn command_paths() -> Vec<String> {
    help::paths()
}

/// Runs the command line `args`, writing results to `stdout` and errors to `stderr`;
/// returns the exit status. The output goes to no terminal: tables are printed in full and
/// help is wrapped at 100 columns, unless `--width` says otherwise.
pub fn run(
    args: impl IntoIterator<Item = OsString>,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> i32 {
    run_on(args, None, stdout, stderr)
}

/// The width the tables and the help fit when standard output is a terminal (`terminal`) of
/// `size` columns (`None`: a terminal that reports no width, as `script` makes one): `COLUMNS`
/// (`columns`, as `ls` reads it) when it holds a width `--width` takes, else the terminal's
/// own; `None` (tables in full) when neither says. Without a terminal nothing is read, `COLUMNS`
/// neither: a file or a pipe gets the same bytes on every machine (`--width` sets it; user14
/// U12).
pub fn terminal_width(terminal: bool, size: Option<usize>, columns: Option<&str>) -> Option<usize> {
    if !terminal {
        return None;
    }
    let range = usize::from(crate::limits::WIDTH_MIN)..=usize::from(crate::limits::WIDTH_MAX);
    let asked = columns
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|c| range.contains(c));
    asked.or(size.filter(|&w| w > 0))
}

/// [`run`], for a `stdout` that is a terminal `terminal` columns wide (`None`: no terminal):
/// the tables and the help fit it.
pub fn run_on(
    args: impl IntoIterator<Item = OsString>,
    terminal: Option<usize>,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> i32 {
    let args: Vec<OsString> = args.into_iter().collect();
    // help is asked for before anything is parsed: in the language and width asked for
    let help_width = usage::width_of(&args)
        .or(terminal)
        .map_or(help::HELP_WIDTH, |w| w.min(help::HELP_WIDTH));
    let lang = usage::lang_of(&args);
    let bare = usage::without_lang_and_width(&args);
    if let Some(help) = help::asked(&bare, lang, help_width) {
        let _ = stdout.write_all(help.as_bytes());
        return EXIT_PLAN;
    }
    // a `--lang` typed after a `--` is not taken, but the user reads the message in it
    let message_lang = usage::lang_of(&usage::without_double_dash_args(&args));
    let args = usage::lang_after_command(&args);
    match Cli::try_parse_from(&args) {
        Ok(cli) => command(cli, terminal, stdout, stderr),
        // `--help` and `--version` are "errors" that go to stdout with status 0
        Err(e) if !e.use_stderr() => {
            let _ = stdout.write_all(e.render().to_string().as_bytes());
            EXIT_PLAN
        }
        // the parser's own words are English: said in the user's language instead
        Err(e) => bad_input(stderr, &usage::usage_error(&e, &args), message_lang),
    }
}

/// Runs the parsed command line, for a terminal `terminal` columns wide when it prints to one;
/// returns the exit status.
fn command(
    cli: Cli,
    terminal: Option<usize>,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> i32 {
    match cli.command {
        Command::Plan { scenario, output } => {
            match output.checked("plan", &[&scenario], &cli.set, terminal, stderr) {
                Ok(output) => plan(&scenario, &cli.set, &output, stdout, stderr),
                Err(code) => code,
            }
        }
        Command::Compare { scenarios, output } => match output.checked(
            "compare",
            &scenarios.iter().map(PathBuf::as_path).collect::<Vec<_>>(),
            &cli.set,
            terminal,
            stderr,
        ) {
            Ok(output) => compare::run(&scenarios, &cli.set, &output, stdout, stderr),
            Err(code) => code,
        },
        Command::Sweep {
            scenario,
            vary,
            output,
            jobs,
        } => match output.checked("sweep", &[&scenario], &cli.set, terminal, stderr) {
            Ok(output) => sweep::run(&scenario, &vary, &cli.set, &output, jobs, stdout, stderr),
            Err(code) => code,
        },
        Command::Explain {
            scenario,
            district,
            output,
        } => match output.checked("explain", &[&scenario], &cli.set, terminal, stderr) {
            Ok(output) => explain::run(&scenario, &district, &cli.set, &output, stdout, stderr),
            Err(code) => code,
        },
        Command::Import {
            file,
            out,
            force,
            columns,
            as_of,
            sheet,
            lang,
        } => {
            if !cli.set.is_empty() {
                // the table has no scenario for a setting to change: it would be ignored
                let e = crate::diagnostic::Error::new(SetProblem::WithImport);
                return bad_input(stderr, &e, lang.into());
            }
            let args = import::Args {
                file: &file,
                out: out.as_deref(),
                force,
                columns: &columns,
                as_of: as_of.as_deref(),
                sheet: sheet.as_deref(),
            };
            import::run(&args, lang.into(), stdout, stderr)
        }
        Command::Generate(args) => generate::run(&args, &cli.set, stdout, stderr),
        Command::Rules {
            command:
                RulesCommand::Check {
                    paths,
                    scenario,
                    lang,
                },
        } => rules_check::run(
            &paths,
            scenario.as_deref(),
            &cli.set,
            lang.into(),
            stdout,
            stderr,
        ),
        Command::Rules {
            command: RulesCommand::Test { paths, lang },
        } => {
            if !cli.set.is_empty() {
                // a rule test names its own scenario and params: a --set would be ignored
                let e = crate::diagnostic::Error::new(SetProblem::WithRulesTest);
                return bad_input(stderr, &e, lang.into());
            }
            rules_test::run(&paths, lang.into(), stdout, stderr)
        }
    }
}
