//! Rule tests (`campaign rules test`): small TOML files beside the rules, each case a district,
//! the teams a plan gives it, and what the rules must do there.
//!
//! # A test file
//!
//! ```toml
//! # rules/tests/door-to-door.toml: tests of rules/door-to-door.rhai
//! scenario = "../../scenarios/lang-son-2020-09-01.toml"  # required
//! rules = ["../door-to-door.rhai"]                      # optional
//!
//! [params]                                  # optional: overrides of the scenario's [params]
//! door_to_door_threshold = 0.30
//!
//! [[case]]
//! name = "just below the threshold: every commune team and one volunteer team"
//! district = { name = "Xã thử", installed = 2_999, smartphones = 10_000, teams = { commune = 5 } }
//! plan = { commune = 5, volunteer = 2 }      # optional
//! params = { door_to_door_threshold = 0.30 } # optional
//!
//! [case.expect]
//! min_teams = { commune = 5, volunteer = 1 }
//! directives = [
//!   { rule = "door-to-door", priority = 1, teams = { commune = 5, volunteer = 2 } },
//! ]
//! ```
//!
//! Top level:
//! - `scenario`: the scenario the cases run in (team kinds, `[params]`, target, horizon, the
//!   other districts), relative to the test file's folder;
//! - `rules`: rule files or folders (a folder's `*.rhai` files by name), relative to the test
//!   file's folder, run in order; default: the scenario's `rules`;
//! - `[params]`: values that replace the scenario's `[params]` for every case; only keys the
//!   scenario has (a new key is most likely a typing mistake);
//! - `[[case]]`: one or more cases.
//!
//! A case:
//! - `name` (required, unique in the file);
//! - `district` (required): the name of one of the scenario's districts, or a table with the
//!   keys of a scenario `[[district]]` (`name`, `installed`, `smartphones`, `teams`, cohorts).
//!   A new name is added after the scenario's districts; an existing name replaces that
//!   district;
//! - `plan`: the teams the plan gives the district, by kind, for `after_solve` (kinds not listed:
//!   0; at most the district's own teams of a local kind and the pool of a provincial kind).
//!   Every other district gets no team. The optimiser does not run;
//! - `params`: overrides for this case only, applied after the file's;
//! - `[case.expect]`: what the rules must do in the district. Only the keys given are checked,
//!   and a case must give at least one (a test that cannot fail is not a test):
//!   - `min_teams`, `max_teams`: the bounds the rules set, by kind; a kind not listed must have
//!     no bound set, so `{}` means "no bound at all";
//!   - `mandates`: the cohorts mandated, `cohort = share` (a cohort mandated twice counts at the
//!     larger share); `{}` means "no mandate";
//!   - `mandated_installs`, `fixed_installs`: M_d and A_d as the plan counts them (capped,
//!     MODEL.md § "Quantities"), in whole installs;
//!   - `productivity`: the multipliers, by kind; a kind not listed must be at 1;
//!   - `min_rate`: the district floor a rule set (`district.min_rate`); `0` means "none set";
//!   - `directives`: every directive of the district, before and after the solve, in order; each
//!     entry checks only the keys it gives: `rule`, `priority`, `action_contains`,
//!     `action_en_contains`, `unit_contains`, `unit_en_contains` (a piece of the text),
//!     `expected_installs` (whole installs, or `false` for "states none") and `teams` (the teams
//!     listed on the directive; `{}` means none);
//!   - `error_contains`: instead of all the above, the rules must stop with an error whose text
//!     (in Vietnamese or in English) contains this.
//!
//! Numbers are compared as printed: installs rounded to whole installs; shares, rates and
//! multipliers within [`SHARE_TOLERANCE`]. Every key is checked: an unknown one is an error
//! naming the file, line and column, with a "did you mean" hint.

mod expect;
mod fixture;
mod kinds;
mod message;
mod report;
mod run;

use std::path::{Path, PathBuf};

use crate::diagnostic::Error;
use message::TestFileProblem;

pub use expect::{Check, Expect, Expected, ExpectedDirective};
pub use fixture::{Case, Fixture, read};
pub use message::Shown;
pub use report::{render_file, summary};
pub use run::{CaseResult, Failure, FileResult, run};

/// Shares, rates and multipliers are equal when within this of each other.
pub const SHARE_TOLERANCE: f64 = 1e-9;

/// The folder `campaign rules test` reads when given no paths.
pub const DEFAULT_FOLDER: &str = "rules/tests";

/// Reads and runs one test file. A bad test file (unknown key, missing scenario, a case that
/// expects nothing) is an error; a failing case is not: it is in the result.
pub fn run_file(path: &Path) -> Result<FileResult, Error> {
    Ok(run(&read(path)?))
}

/// The test files named by `paths` (files, or folders whose `*.toml` files are taken in name
/// order), each once, in the order given.
pub fn discover(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Error> {
    let mut files: Vec<PathBuf> = Vec::new();
    for path in paths {
        let found = if path.is_dir() {
            let toml = crate::files::with_extension(path, "toml");
            if toml.is_empty() {
                return Err(Error::new(TestFileProblem::EmptyFolder {
                    folder: path.display().to_string(),
                }));
            }
            toml
        } else if path.exists() {
            // a file, or a pipe or a device: reading it says what it is
            vec![path.clone()]
        } else if let Some(link) =
            crate::source::Source::broken_link(path, &message::File::Test.text())
        {
            return Err(link);
        } else {
            return Err(Error::new(TestFileProblem::NotFound {
                path: path.display().to_string(),
            }));
        };
        for file in found {
            if !files.contains(&file) {
                files.push(file);
            }
        }
    }
    Ok(files)
}

/// Counts over a whole run, for the summary line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    pub passed: usize,
    pub failed: usize,
    /// Test files that could not be run (bad fixture).
    pub bad_files: usize,
}

impl Totals {
    pub fn add(&mut self, file: &FileResult) {
        for case in &file.cases {
            if case.passed() {
                self.passed += 1;
            } else {
                self.failed += 1;
            }
        }
    }

    /// True when every case of every file passed.
    pub fn all_passed(&self) -> bool {
        self.failed == 0 && self.bad_files == 0
    }
}
