//! `campaign rules test`: the rule tests on the command line.

use std::io::Write;
use std::path::PathBuf;

use super::{EXIT_BAD_INPUT, EXIT_PLAN, bad_input};
use crate::ruletest::{self, Totals};
use crate::text::Lang;

/// Runs the test files under `paths` (default `rules/tests/`): results and the summary on
/// `stdout`, bad test files on `stderr`. 0 when every case passes, 1 otherwise.
pub fn run(paths: &[PathBuf], lang: Lang, stdout: &mut dyn Write, stderr: &mut dyn Write) -> i32 {
    let default = [PathBuf::from(ruletest::DEFAULT_FOLDER)];
    let paths = if paths.is_empty() {
        &default[..]
    } else {
        paths
    };
    let files = match ruletest::discover(paths) {
        Ok(files) => files,
        Err(e) => return bad_input(stderr, &e, lang),
    };
    let mut totals = Totals::default();
    for file in &files {
        match ruletest::run_file(file) {
            Ok(result) => {
                totals.add(&result);
                let _ = stdout.write_all(ruletest::render_file(&result, lang).as_bytes());
            }
            Err(e) => {
                totals.bad_files += 1;
                let _ = stderr.write_all(e.render(lang).as_bytes());
            }
        }
    }
    let _ = stdout.write_all(ruletest::summary(&totals, lang).as_bytes());
    if totals.all_passed() {
        EXIT_PLAN
    } else {
        EXIT_BAD_INPUT
    }
}
