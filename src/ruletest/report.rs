//! The results for people: one line per case, what differs under a failed one, a summary.

use std::fmt::Write as _;

use super::Totals;
use super::run::{Failure, FileResult};
use crate::text::Lang;

const PASS: &str = "✓";
const FAIL: &str = "✗";

/// One test file's results, e.g.
///
/// ```text
/// rules/tests/door-to-door.toml
///   ✓ exactly at the threshold: no door-to-door push
///   ✗ just below the threshold (rules/tests/door-to-door.toml:31)
///       min_teams (dòng 36)
///         mong đợi: { commune = 5, volunteer = 1 }
///         thực tế:  { commune = 5 }
/// ```
pub fn render_file(result: &FileResult, lang: Lang) -> String {
    let path = crate::text::shown_path(&result.path);
    let mut out = format!("{path}\n");
    for case in &result.cases {
        if case.passed() {
            let _ = writeln!(out, "  {PASS} {}", name_shown(&case.name));
            continue;
        }
        let _ = writeln!(
            out,
            "  {FAIL} {} ({path}:{})",
            name_shown(&case.name),
            case.line
        );
        for failure in &case.failures {
            failure_lines(&mut out, failure, lang);
        }
    }
    visible(&out)
}

/// `report` with every control or invisible character but its line breaks written as its
/// escape (`\u{1b}`): a case name, an expected text or a path from the test file is printed on
/// standard output, where an escape would act on the terminal and a direction mark would turn
/// the line around.
fn visible(report: &str) -> String {
    report
        .split('\n')
        .map(crate::text::show_hidden)
        .collect::<Vec<_>>()
        .join("\n")
}

fn failure_lines(out: &mut String, failure: &Failure, lang: Lang) {
    let line_word = lang.pick("dòng", "line");
    let expected = lang.pick("mong đợi:", "expected:");
    let actual = lang.pick("thực tế: ", "actual:  ");
    match failure {
        Failure::Mismatch {
            line,
            key,
            expected: want,
            actual: got,
        } => {
            let _ = writeln!(out, "      {key} ({line_word} {line})");
            let _ = writeln!(out, "        {expected} {}", want.get(lang));
            let _ = writeln!(out, "        {actual} {}", got.get(lang));
        }
        Failure::RuleError(error) => {
            let _ = writeln!(
                out,
                "      {}",
                lang.pick(
                    "quy tắc dừng với lỗi (trường hợp không đòi lỗi nào):",
                    "the rules stopped with an error (the case expects none):",
                )
            );
            indented(out, &error.render(lang));
        }
        Failure::NoError { line, contains } => {
            let _ = writeln!(out, "      error_contains ({line_word} {line})");
            let _ = writeln!(out, "        {expected} {}", stops_with(lang, contains));
            let _ = writeln!(
                out,
                "        {actual} {}",
                lang.pick(
                    "quy tắc chạy hết, không có lỗi",
                    "the rules ran to the end without an error",
                )
            );
        }
        Failure::OtherError {
            line,
            contains,
            error,
        } => {
            let _ = writeln!(out, "      error_contains ({line_word} {line})");
            let _ = writeln!(out, "        {expected} {}", stops_with(lang, contains));
            let _ = writeln!(
                out,
                "        {actual} {}",
                lang.pick("một lỗi khác:", "another error:")
            );
            indented(out, &error.render(lang));
        }
    }
}

fn stops_with(lang: Lang, contains: &str) -> String {
    match lang {
        Lang::Vi => format!("quy tắc dừng với lỗi có chứa \"{contains}\""),
        Lang::En => format!("the rules stop with an error containing \"{contains}\""),
    }
}

fn indented(out: &mut String, text: &str) {
    for line in text.lines() {
        let _ = writeln!(out, "          {line}");
    }
}

/// The last line: "12 trường hợp: 11 đạt, 1 không đạt" / "12 cases: 11 passed, 1 failed", and
/// the test files that could not be run.
pub fn summary(totals: &Totals, lang: Lang) -> String {
    let cases = totals.passed + totals.failed;
    // counts in the user's format: 1.000 trường hợp / 1,000 cases
    let n = |x: usize| crate::number::count(lang, x as f64);
    let mut out = match lang {
        Lang::Vi => format!(
            "{} trường hợp: {} đạt, {} không đạt",
            n(cases),
            n(totals.passed),
            n(totals.failed)
        ),
        Lang::En => format!(
            "{} {}: {} passed, {} failed",
            n(cases),
            if cases == 1 { "case" } else { "cases" },
            n(totals.passed),
            n(totals.failed)
        ),
    };
    if totals.bad_files > 0 {
        let n = n(totals.bad_files);
        let _ = match lang {
            Lang::Vi => write!(
                out,
                "; {n} tệp kiểm thử bị lỗi, không chạy được (xem thông báo lỗi)"
            ),
            Lang::En => write!(
                out,
                "; {n} test {} could not be run (see the errors)",
                if totals.bad_files == 1 {
                    "file"
                } else {
                    "files"
                }
            ),
        };
    }
    out.push('\n');
    out
}

/// The most characters of a case name the report prints: a name is a sentence saying what the
/// case checks (the shipped ones have up to 110); a longer one is cut, with `…` (trial F11: a
/// name of 100,000 characters was printed whole).
const NAME_SHOWN: usize = 200;

/// `name` cut to [`NAME_SHOWN`] characters, with `…`, when longer.
fn name_shown(name: &str) -> String {
    match name.char_indices().nth(NAME_SHOWN) {
        None => name.to_string(),
        Some((i, _)) => format!("{}…", &name[..i]),
    }
}
