//! The harness: a fluent builder that runs `campaign` in-process (like casey/just's
//! `Test::new().args(..).run()`), what-if copies of the shipped scenario, and small helpers
//! for reading the JSON plan.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use serde_json::Value;
use tempfile::TempDir;

use crate::layout::replace_once;

/// The shipped scenario, relative to the crate root.
pub use crate::layout::SHIPPED;

/// The shipped rule files.
const RULES_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/rules");

/// Exit statuses of MODEL.md § "The JSON plan".
pub const EXIT_PLAN: i32 = 0;
pub const EXIT_BAD_INPUT: i32 = 1;
pub const EXIT_INFEASIBLE: i32 = 2;

/// One command line, run in-process through `campaign_planner::cli::run`.
#[derive(Debug, Clone)]
pub struct Test {
    args: Vec<OsString>,
}

impl Test {
    /// `campaign`, with no arguments yet.
    pub fn new() -> Test {
        Test {
            args: vec!["campaign".into()],
        }
    }

    /// `campaign plan SCENARIO`.
    pub fn plan(scenario: impl AsRef<Path>) -> Test {
        Test::new().arg("plan").arg(scenario.as_ref())
    }

    /// `campaign plan` on the shipped Lạng Sơn scenario.
    pub fn shipped() -> Test {
        Test::plan(SHIPPED)
    }

    pub fn arg(mut self, arg: impl Into<OsString>) -> Test {
        self.args.push(arg.into());
        self
    }

    pub fn args<I, S>(mut self, args: I) -> Test
    where
        I: IntoIterator<Item = S>,
        S: Into<OsString>,
    {
        self.args.extend(args.into_iter().map(Into::into));
        self
    }

    /// `--format FORMAT`.
    pub fn format(self, format: &str) -> Test {
        self.args(["--format", format])
    }

    /// `--lang LANG`.
    pub fn lang(self, lang: &str) -> Test {
        self.args(["--lang", lang])
    }

    /// `--out PATH`.
    pub fn out(self, path: impl AsRef<Path>) -> Test {
        self.arg("--out").arg(path.as_ref())
    }

    /// The command line as a person would type it (for snapshot headers and failure messages).
    pub fn command_line(&self) -> String {
        self.args
            .iter()
            .map(|a| a.to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join(" ")
    }

    pub fn run(&self) -> Output {
        // `args` starts with the program's name, which the harness adds itself
        let (code, stdout, stderr) = crate::layout::run(&self.args[1..]);
        Output {
            command: self.command_line(),
            stdout,
            stderr,
            code,
        }
    }
}

/// What a run printed, and its exit status.
#[derive(Debug, Clone)]
pub struct Output {
    pub command: String,
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

impl Output {
    /// Asserts the exit status, showing what was printed when it is not the expected one.
    #[track_caller]
    pub fn code(self, expected: i32) -> Output {
        assert_eq!(
            self.code,
            expected,
            "`{}` exited {} (expected {expected})\n--- stderr ---\n{}\n--- stdout (first 2000 bytes) ---\n{}",
            self.command,
            self.code,
            self.stderr,
            &self.stdout[..self.stdout.len().min(2000)]
        );
        self
    }

    /// A plan: exit 0, nothing on stderr.
    #[track_caller]
    pub fn plan(self) -> Output {
        let out = self.code(EXIT_PLAN);
        assert_eq!(out.stderr, "", "`{}` printed on stderr", out.command);
        out
    }

    /// Bad input: exit 1, nothing on stdout, a message on stderr.
    #[track_caller]
    pub fn bad_input(self) -> Output {
        let out = self.code(EXIT_BAD_INPUT);
        assert_eq!(
            out.stdout, "",
            "`{}` printed a plan for bad input",
            out.command
        );
        assert!(!out.stderr.is_empty(), "`{}` said nothing", out.command);
        out
    }

    /// stdout parsed as JSON.
    #[track_caller]
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("`{}` did not print JSON: {e}", self.command))
    }
}

/// A what-if copy of the repository layout in a temporary folder: `scenarios/` holding the
/// shipped scenario (edited) beside `rules/` holding the shipped rules (edited), so that the
/// scenario's `../rules/...` paths resolve to the copies.
pub struct WhatIf {
    dir: TempDir,
    scenario: String,
}

impl WhatIf {
    /// An unedited copy of the shipped scenario and rules.
    pub fn shipped() -> WhatIf {
        let dir = tempfile::tempdir().expect("a temporary folder");
        std::fs::create_dir(dir.path().join("scenarios")).unwrap();
        std::fs::create_dir(dir.path().join("rules")).unwrap();
        for entry in std::fs::read_dir(RULES_DIR).unwrap() {
            let path = entry.unwrap().path();
            // the rule files only: rules/tests/ holds the rule tests, not rules
            if !path.is_file() {
                continue;
            }
            std::fs::copy(
                &path,
                dir.path().join("rules").join(path.file_name().unwrap()),
            )
            .unwrap();
        }
        WhatIf {
            dir,
            scenario: std::fs::read_to_string(SHIPPED).unwrap(),
        }
    }

    /// A fresh copy, in its own folder, of this one (scenario and rules as edited so far) with
    /// `key = value` set as well.
    pub fn clone_with(&self, key: &str, value: &str) -> WhatIf {
        let copy = WhatIf::shipped();
        for entry in std::fs::read_dir(self.dir.path().join("rules")).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(
                &path,
                copy.dir
                    .path()
                    .join("rules")
                    .join(path.file_name().unwrap()),
            )
            .unwrap();
        }
        WhatIf {
            scenario: self.scenario.clone(),
            ..copy
        }
        .set(key, value)
    }

    /// Sets `key = value` on the one line that assigns `key`, commented out or not
    /// (`# budget = 250_000_000` becomes `budget = 300_000_000`). Panics unless exactly one
    /// line assigns it, so that an edit never silently misses.
    pub fn set(mut self, key: &str, value: &str) -> WhatIf {
        let assigns = |line: &str| {
            let line = line.trim_start().trim_start_matches('#').trim_start();
            line.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        };
        let hits = self.scenario.lines().filter(|l| assigns(l)).count();
        assert_eq!(
            hits, 1,
            "`{key}` is assigned on {hits} lines of the scenario"
        );
        self.scenario = self
            .scenario
            .lines()
            .map(|l| {
                if assigns(l) {
                    format!("{key} = {value}")
                } else {
                    l.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
            + "\n";
        self
    }

    /// Replaces the one occurrence of `from` in the scenario.
    pub fn replace(mut self, from: &str, to: &str) -> WhatIf {
        self.scenario = replace_once(&self.scenario, from, to);
        self
    }

    /// Replaces the one occurrence of `from` in the rule file `rules/{stem}.rhai`.
    pub fn edit_rule(self, stem: &str, from: &str, to: &str) -> WhatIf {
        let path = self.dir.path().join("rules").join(format!("{stem}.rhai"));
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, replace_once(&text, from, to)).unwrap();
        self
    }

    /// The temporary folder (the root of the copy).
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// Writes the scenario and returns its path.
    pub fn path(&self) -> PathBuf {
        let path = self
            .dir
            .path()
            .join("scenarios")
            .join("lang-son-2020-09-01.toml");
        std::fs::write(&path, &self.scenario).unwrap();
        path
    }

    /// `campaign plan` on this copy.
    pub fn test(&self) -> Test {
        Test::plan(self.path())
    }

    /// `text` with this copy's folder written as `[what-if]`, for golden files.
    pub fn redact(&self, text: &str) -> String {
        text.replace(&self.dir.path().display().to_string(), "[what-if]")
    }
}

// ---- reading the JSON plan ----

pub fn f(v: &Value) -> f64 {
    v.as_f64()
        .unwrap_or_else(|| panic!("expected a number, got {v}"))
}

pub fn u(v: &Value) -> u64 {
    v.as_u64()
        .unwrap_or_else(|| panic!("expected a whole number, got {v}"))
}

pub fn s(v: &Value) -> &str {
    v.as_str()
        .unwrap_or_else(|| panic!("expected a text, got {v}"))
}

pub fn arr(v: &Value) -> &Vec<Value> {
    v.as_array()
        .unwrap_or_else(|| panic!("expected an array, got {v}"))
}

pub fn districts(plan: &Value) -> &Vec<Value> {
    arr(&plan["districts"])
}

/// The district called `name`.
#[track_caller]
pub fn district<'a>(plan: &'a Value, name: &str) -> &'a Value {
    districts(plan)
        .iter()
        .find(|d| d["name"] == name)
        .unwrap_or_else(|| panic!("no district {name} in the plan"))
}

/// The allocation entry of `kind` in `district`.
#[track_caller]
pub fn allocation<'a>(district: &'a Value, kind: &str) -> &'a Value {
    arr(&district["allocation"])
        .iter()
        .find(|a| a["kind"] == kind)
        .unwrap_or_else(|| panic!("no {kind} allocation in {}", district["name"]))
}

/// Teams of `kind` in `district`.
pub fn teams(district: &Value, kind: &str) -> u64 {
    u(&allocation(district, kind)["teams"])
}

/// The directive that rule `rule` gave `district` (exactly one).
#[track_caller]
pub fn directive<'a>(district: &'a Value, rule: &str) -> &'a Value {
    let found: Vec<&Value> = arr(&district["directives"])
        .iter()
        .filter(|d| d["rule"] == rule)
        .collect();
    assert_eq!(
        found.len(),
        1,
        "{}: {} directives from `{rule}`",
        district["name"],
        found.len()
    );
    found[0]
}

/// The lowest projected district rate.
pub fn lowest_rate(plan: &Value) -> f64 {
    districts(plan)
        .iter()
        .map(|d| f(&d["projected_rate"]))
        .fold(f64::INFINITY, f64::min)
}

/// The diagnosis sentences of an infeasible JSON plan.
#[track_caller]
pub fn diagnosis(plan: &Value) -> Vec<String> {
    s(&plan["diagnosis"]).lines().map(str::to_string).collect()
}
