//! The bad-input catalogue (issue 13): every input the tool reads, broken one way at a time, and
//! what a user must be told about it. Each case starts from the shipped Lạng Sơn scenario and
//! rules (a copy in a temporary folder, [`crate::layout::Layout`]), changes one thing, runs one
//! command in-process ([`crate::layout::run_bytes`]) in Vietnamese (the default) and with
//! `--lang en`, and expects, in both languages:
//!
//! - exit status 1: never 0 (the mistake passed), never a panic (101);
//! - nothing on stdout (no half plan), except the report of `campaign rules test`;
//! - the PLACE the user wrote: the file, line and column (`at`, on the first error line), or the
//!   district and field, the `--set` as typed, the rule and district (`place`, anywhere);
//! - WHAT TO DO: in the hint (`hint`), or, where the problem itself says which values are
//!   allowed ("must be between 0 and 100,000", "a whole number, not 30.5"), in the message
//!   (`says`);
//! - no control character (an escape would reach the terminal; a line break and a tab are the
//!   layout's own), and under Vietnamese no English text from a library (see
//!   [`english_leaks`]).
//!
//! A message that fails a user (no hint, a misleading place, English under Vietnamese, a
//! `--set` the user never typed, an exit status of 0) is not weakened into a case here: it is
//! listed in `tests/catalogue/known_bad.md`, with the command, what it prints and what it
//! should say, until it is fixed.
//!
//! Each file below is one kind of input; its `#[test]` runs its cases and then checks that every
//! case's expectations tell its output apart from another case's (an expectation that any
//! output would meet is worthless).

mod cli;
mod coverage;
mod districts;
mod history;
mod import;
mod letter;
mod outputs;
mod overlays;
mod rule_tests;
mod rules;
mod rules_fixed;
mod scenario;
mod settings;
mod sweep;
mod team_kinds;
mod what_if;
mod workbooks;

use std::path::Path;

use crate::layout::{Layout, replace_once};

/// The shipped scenario, as the case's copy names it (relative to the case's folder).
pub const SCENARIO: &str = "scenarios/lang-son-2020-09-01.toml";

/// The two languages: Vietnamese (the default, no flag) and English (`--lang en`).
const LANGS: [Lang; 2] = [Lang::Vi, Lang::En];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    Vi,
    En,
}

impl Lang {
    fn index(self) -> usize {
        match self {
            Lang::Vi => 0,
            Lang::En => 1,
        }
    }

    /// How an error's first line starts.
    fn error(self) -> &'static str {
        match self {
            Lang::Vi => "lỗi: ",
            Lang::En => "error: ",
        }
    }

    /// How a hint starts.
    fn hint(self) -> &'static str {
        match self {
            Lang::Vi => "gợi ý: ",
            Lang::En => "hint: ",
        }
    }
}

/// One bad input: the files to write, the command, and what a user must read.
pub struct Case {
    name: String,
    /// `(file, from, to)`: the one `from` in the copy's `file` becomes `to`.
    edits: Vec<(String, String, String)>,
    /// Files written into the case's folder (over the copy's, if there).
    files: Vec<(String, Vec<u8>)>,
    /// Files of the repository copied to the same place in the case's folder.
    copies: Vec<String>,
    /// Anything else the case needs (a link, a read-only file, a workbook), given the folder.
    setup: Option<fn(&Path)>,
    /// The command line after `campaign`; `{dir}` is the case's folder.
    args: Vec<String>,
    /// In both languages, on the first error line: the file, line and column.
    at: Vec<String>,
    /// Per language, anywhere in the output: the district, field, setting, rule.
    place: [Vec<String>; 2],
    /// Per language, in a hint: what to do.
    hint: Option<[String; 2]>,
    /// Per language, anywhere in the output: what to do, said by the problem itself.
    says: Option<[String; 2]>,
    /// `campaign rules test` reports its cases on stdout.
    report_on_stdout: bool,
}

impl Case {
    /// `campaign ARGS`; `{dir}` in an argument is the case's folder.
    pub fn new(name: &str, args: &[&str]) -> Case {
        Case {
            name: name.to_string(),
            edits: Vec::new(),
            files: Vec::new(),
            copies: Vec::new(),
            setup: None,
            args: args.iter().map(|a| a.to_string()).collect(),
            at: Vec::new(),
            place: [Vec::new(), Vec::new()],
            hint: None,
            says: None,
            report_on_stdout: false,
        }
    }

    /// `campaign plan scenarios/lang-son-2020-09-01.toml`.
    pub fn plan(name: &str) -> Case {
        Case::new(name, &["plan", "{dir}/scenarios/lang-son-2020-09-01.toml"])
    }

    /// Replaces the one `from` in the copy's `file` (relative to the case's folder) by `to`.
    pub fn edit(mut self, file: &str, from: &str, to: &str) -> Case {
        self.edits
            .push((file.to_string(), from.to_string(), to.to_string()));
        self
    }

    /// [`Case::edit`] of the shipped scenario.
    pub fn scenario(self, from: &str, to: &str) -> Case {
        self.edit(SCENARIO, from, to)
    }

    /// Writes `text` to `file` (relative to the case's folder).
    pub fn file(self, file: &str, text: &str) -> Case {
        self.bytes(file, text.as_bytes())
    }

    /// Writes `bytes` to `file` (relative to the case's folder).
    pub fn bytes(mut self, file: &str, bytes: &[u8]) -> Case {
        self.files.push((file.to_string(), bytes.to_vec()));
        self
    }

    /// Copies the repository's `file` (e.g. `scenarios/history-2020-09-01.toml`) to the same
    /// place in the case's folder.
    pub fn copy(mut self, file: &str) -> Case {
        self.copies.push(file.to_string());
        self
    }

    /// Runs `setup` on the case's folder once its files are written.
    pub fn setup(mut self, setup: fn(&Path)) -> Case {
        self.setup = Some(setup);
        self
    }

    /// One more argument.
    pub fn arg(mut self, arg: &str) -> Case {
        self.args.push(arg.to_string());
        self
    }

    /// `--set KEY=VALUE`.
    pub fn set(self, setting: &str) -> Case {
        self.arg("--set").arg(setting)
    }

    /// The place on the first error line, in both languages: `file:line:col`, or a path.
    pub fn at(mut self, place: &str) -> Case {
        self.at.push(place.to_string());
        self
    }

    /// A place named anywhere in the output: the district, field, setting or rule.
    pub fn place(mut self, vi: &str, en: &str) -> Case {
        self.place[0].push(vi.to_string());
        self.place[1].push(en.to_string());
        self
    }

    /// What to do, in the hint.
    pub fn hint(mut self, vi: &str, en: &str) -> Case {
        self.hint = Some([vi.to_string(), en.to_string()]);
        self
    }

    /// What to do, said by the problem itself (the values allowed).
    pub fn says(mut self, vi: &str, en: &str) -> Case {
        self.says = Some([vi.to_string(), en.to_string()]);
        self
    }

    /// The command reports on stdout (`campaign rules test`).
    pub fn report_on_stdout(mut self) -> Case {
        self.report_on_stdout = true;
        self
    }

    /// The command line, with the case's folder written `{dir}`.
    fn command(&self) -> String {
        std::iter::once("campaign")
            .chain(self.args.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// What one run printed.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Outcome {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Outcome {
    /// Everything printed, stdout first.
    fn text(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }
}

/// Writes the case's folder and runs its command in both languages.
fn run(case: &Case) -> [Outcome; 2] {
    let layout = Layout::new();
    let dir = layout.dir.path();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    for file in &case.copies {
        let to = dir.join(file);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(repo.join(file), &to)
            .unwrap_or_else(|e| panic!("{}: copying {file}: {e}", case.name));
    }
    for (file, bytes) in &case.files {
        let path = dir.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
    }
    for (file, from, to) in &case.edits {
        let path = dir.join(file);
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: reading {file}: {e}", case.name));
        std::fs::write(&path, replace_once(&text, from, to)).unwrap();
    }
    if let Some(setup) = case.setup {
        setup(dir);
    }
    let shown = dir.display().to_string();
    LANGS.map(|lang| {
        let mut args: Vec<String> = case
            .args
            .iter()
            .map(|a| a.replace("{dir}", &shown))
            .collect();
        if lang == Lang::En {
            args.extend(["--lang".to_string(), "en".to_string()]);
        }
        let ran = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            crate::layout::run_bytes(&args)
        }));
        match ran {
            Ok((code, stdout, stderr)) => Outcome {
                code,
                stdout: String::from_utf8_lossy(&stdout).replace(&shown, "{dir}"),
                stderr: stderr.replace(&shown, "{dir}"),
            },
            Err(_) => Outcome {
                code: 101,
                stdout: String::new(),
                stderr: "(the command panicked)".to_string(),
            },
        }
    })
}

/// The lines of the hints in `text`: each from a line starting `gợi ý: ` / `hint: ` to the next
/// blank or error line.
fn hints(text: &str, lang: Lang) -> String {
    let mut out = String::new();
    let mut inside = false;
    for line in text.lines() {
        if line.starts_with(lang.hint()) {
            inside = true;
        } else if line.is_empty() || line.starts_with(lang.error()) {
            inside = false;
        }
        if inside {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// The case's own expectations (place and what to do) that `outcome` does not meet.
fn unmet(case: &Case, lang: Lang, outcome: &Outcome) -> Vec<String> {
    let i = lang.index();
    let text = outcome.text();
    let header = outcome
        .stderr
        .lines()
        .find(|l| l.starts_with(lang.error()))
        .unwrap_or("");
    let mut unmet = Vec::new();
    for at in &case.at {
        if !header.contains(at.as_str()) {
            unmet.push(format!("the first error line does not name {at:?}"));
        }
    }
    for place in &case.place[i] {
        if !text.contains(place.as_str()) {
            unmet.push(format!("the place {place:?} is not named"));
        }
    }
    if let Some(hint) = &case.hint
        && !hints(&text, lang).contains(hint[i].as_str())
    {
        unmet.push(format!("no hint says {:?}", hint[i]));
    }
    if let Some(says) = &case.says
        && !text.contains(says[i].as_str())
    {
        unmet.push(format!("the message does not say {:?}", says[i]));
    }
    unmet
}

/// Everything wrong with `outcome` for a user reading `lang`.
fn problems(case: &Case, lang: Lang, outcome: &Outcome) -> Vec<String> {
    let mut problems = Vec::new();
    match outcome.code {
        1 => {}
        101 => problems.push("the command panicked".to_string()),
        code => problems.push(format!("exit status {code}, not 1")),
    }
    if !case.report_on_stdout && !outcome.stdout.is_empty() {
        problems.push("something was printed on stdout".to_string());
    }
    let text = outcome.text();
    if let Some(c) = text
        .chars()
        .find(|&c| c.is_control() && c != '\n' && c != '\t')
    {
        problems.push(format!("a control character {c:?} is printed"));
    }
    if !case.report_on_stdout && !outcome.stderr.starts_with(lang.error()) {
        problems.push(format!("stderr does not start with {:?}", lang.error()));
    }
    if lang == Lang::Vi {
        let leaks = english_leaks(&text);
        if !leaks.is_empty() {
            problems.push(format!("English under Vietnamese: {leaks:?}"));
        }
    }
    problems.extend(unmet(case, lang, outcome));
    problems
}

/// English words in a Vietnamese message, outside what the message quotes: source lines shown
/// under the error (` 65 | installed = …` and the caret line), text in backticks or quotes
/// (names, keys, values as the user wrote them) and paths, keys and numbers (any word holding
/// `/ . _ = - \` or a digit). What is left is the message's own wording, which must be
/// Vietnamese: a library's English ("invalid basic string, expected", "Division by zero",
/// clap's "error: unexpected argument") shows up as these words.
pub fn english_leaks(text: &str) -> Vec<String> {
    const ENGLISH: [&str; 44] = [
        "the",
        "is",
        "are",
        "not",
        "of",
        "and",
        "or",
        "at",
        "by",
        "for",
        "from",
        "with",
        "this",
        "that",
        "was",
        "be",
        "must",
        "cannot",
        "should",
        "expected",
        "expecting",
        "unexpected",
        "found",
        "invalid",
        "missing",
        "unknown",
        "error",
        "hint",
        "line",
        "column",
        "parse",
        "string",
        "integer",
        "syntax",
        "variable",
        "function",
        "undefined",
        "reserved",
        "keyword",
        "duplicate",
        "key",
        "division",
        "zero",
        "required",
    ];
    let mut leaks = Vec::new();
    for line in text.lines() {
        // a source line (` 65 | …`) or its caret line (`    |   ^`): the user's own text
        let trimmed = line.trim_start();
        let digits = trimmed.trim_start_matches(|c: char| c.is_ascii_digit());
        if digits.starts_with(" |") || digits.starts_with('|') {
            continue;
        }
        let mut own = String::new();
        let mut quote: Option<char> = None;
        for c in line.chars() {
            match quote {
                Some(q) if c == q || (q == '“' && c == '”') => quote = None,
                Some(_) => {}
                None if c == '`' || c == '"' || c == '“' => quote = Some(c),
                None => own.push(c),
            }
        }
        for word in own.split([' ', ',', ';', ':', '(', ')', '[', ']', '?', '!', '\t']) {
            if word.is_empty()
                || word.contains(|c: char| "/._=-\\'".contains(c) || c.is_ascii_digit())
            {
                continue;
            }
            let lower = word.to_lowercase();
            if ENGLISH.contains(&lower.as_str()) {
                leaks.push(word.to_string());
            }
        }
    }
    leaks
}

/// Runs every case (in both languages) and fails with the list of what went wrong; then checks
/// that each case's expectations are not met by another case's output, so that none of them
/// would pass whatever the command printed.
pub fn check(cases: Vec<Case>) {
    let mut failures = Vec::new();
    let mut names = std::collections::BTreeSet::new();
    for case in &cases {
        assert!(names.insert(&case.name), "two cases named {:?}", case.name);
        assert!(
            !case.at.is_empty() || case.place.iter().all(|p| !p.is_empty()),
            "{}: the case names no place",
            case.name
        );
        assert!(
            case.hint.is_some() || case.says.is_some(),
            "{}: the case does not say what to do",
            case.name
        );
    }
    let outcomes: Vec<[Outcome; 2]> = cases.iter().map(run).collect();
    // `CATALOGUE_SHOW=1 cargo test --release catalogue:: -- --nocapture` prints every message
    if std::env::var_os("CATALOGUE_SHOW").is_some() {
        for (case, outcome) in cases.iter().zip(&outcomes) {
            for lang in LANGS {
                let o = &outcome[lang.index()];
                eprintln!(
                    "── {} ({lang:?}): {} [exit {}]\n{}{}",
                    case.name,
                    case.command(),
                    o.code,
                    o.stdout,
                    o.stderr
                );
            }
        }
    }
    for (case, outcome) in cases.iter().zip(&outcomes) {
        for lang in LANGS {
            let o = &outcome[lang.index()];
            let problems = problems(case, lang, o);
            if !problems.is_empty() {
                failures.push(format!(
                    "── {} ({lang:?})\n   {}{}\n   {}\n--- exit {} ---\n{}{}",
                    case.name,
                    case.command(),
                    if lang == Lang::En { " --lang en" } else { "" },
                    problems.join("\n   "),
                    o.code,
                    o.stdout,
                    o.stderr
                ));
            }
        }
    }
    // each case's expectations against the output of the case half the list away
    let n = cases.len();
    for (i, case) in cases.iter().enumerate() {
        let j = (i + n / 2) % n;
        for lang in LANGS {
            let (own, other) = (&outcomes[i][lang.index()], &outcomes[j][lang.index()]);
            if i != j && own != other && unmet(case, lang, other).is_empty() {
                failures.push(format!(
                    "── {} ({lang:?}): its expectations are met by the output of {:?} as well",
                    case.name, cases[j].name
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} catalogue cases fail:\n\n{}",
        failures.len(),
        n,
        failures.join("\n\n")
    );
}

#[test]
fn the_english_check_finds_library_text_and_passes_vietnamese() {
    let leaks = english_leaks(
        "lỗi: a.toml:7:29: tệp kịch bản không đúng cú pháp TOML: invalid basic string, expected `\"`\n\
         \x20 7 | name = \"Lạng Sơn\n",
    );
    assert_eq!(leaks, ["invalid", "string", "expected"]);
    assert_eq!(
        english_leaks("error: unexpected argument '--fromat' found"),
        ["error", "unexpected", "found"]
    );
    assert!(
        english_leaks("lỗi: … lỗi tính toán (ví dụ chia cho 0): Division by zero: 96818 / 0")
            .contains(&"Division".to_string())
    );
    // a source line in English, a key in backticks and a path are the user's, not the message's
    let vi = "lỗi: scenarios/x.toml:9:16: mục `horizon_days`: số ngày của đợt phải từ 1 trở lên \
              (đang là 0)\n 9 | horizon_days = 0   # ASSUMPTION: the length of the push\n   \
              |                ^\ngợi ý: ghi số ngày của đợt vận động, ví dụ horizon_days = 14\n";
    assert_eq!(english_leaks(vi), Vec::<String>::new());
}

#[test]
fn the_hint_check_reads_only_hints() {
    let text = "lỗi: x: y\ngợi ý: một\nhai\n\nlỗi: z\n";
    assert_eq!(hints(text, Lang::Vi), "gợi ý: một\nhai\n");
    assert_eq!(hints("error: x\nhint: one\n", Lang::En), "hint: one\n");
}
