//! A temporary folder to write scenarios into, and the smallest valid scenario.

use std::path::PathBuf;

use campaign_planner::diagnostic::Error;
use campaign_planner::scenario::{Scenario, load};
use campaign_planner::text::Lang;
use tempfile::TempDir;

/// The smallest valid scenario. Line numbers matter: the error tests point into it.
pub const MINIMAL: &str = r#"name = "Test"
as_of = 2020-09-01
horizon_days = 14
objective = "max-installs"
rules = ["rules/communication.rhai"]

[target]
provincial_rate = 0.40

[[team_kind]]
name = "commune"
scope = "local"
installs_per_team_day = 15

[[team_kind]]
name = "volunteer"
scope = "provincial"
available = 30
installs_per_team_day = 40
cost_per_team_day = 300_000

[[district]]
name = "Hữu Lũng"
installed = 18_019
smartphones = 78_399
teams = { commune = 24 }
quarantine = 15
"#;

/// A scratch folder with `rules/communication.rhai` in it.
pub struct Case {
    pub dir: TempDir,
}

impl Case {
    pub fn new() -> Case {
        let case = Case {
            dir: tempfile::tempdir().unwrap(),
        };
        case.write("rules/communication.rhai", "");
        case
    }

    /// Writes `text` to `name` (relative to the folder) and returns its path.
    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        path
    }

    /// Writes `toml` to `scenario.toml` and loads it.
    pub fn load(&self, toml: &str) -> Result<Scenario, Error> {
        load(&self.write("scenario.toml", toml))
    }
}

/// The error a scenario gives, rendered in English and in Vietnamese.
pub fn error_of(toml: &str) -> (String, String) {
    rendered(Case::new().load(toml))
}

pub fn rendered(result: Result<Scenario, Error>) -> (String, String) {
    match result {
        Ok(_) => panic!("expected an error, the scenario loaded"),
        Err(e) => (e.render(Lang::En), e.render(Lang::Vi)),
    }
}

/// MINIMAL with the first `from` replaced by `to` (`from` must be there; a `[[team_kind]]`
/// header, say, is there twice and the edit goes before the first).
#[track_caller]
pub fn edit(from: &str, to: &str) -> String {
    assert!(MINIMAL.contains(from), "MINIMAL has no {from:?}");
    MINIMAL.replacen(from, to, 1)
}

/// Asserts that `text` contains every one of `parts`, showing `text` when it does not.
#[track_caller]
pub fn assert_has(text: &str, parts: &[&str]) {
    for part in parts {
        assert!(text.contains(part), "missing {part:?} in:\n{text}");
    }
}
