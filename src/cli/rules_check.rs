//! `campaign rules check [PATHS] [--scenario FILE]`: every rule checked against the rules API
//! (and the scenario's names) without running anything. Exit 0 when no problem is found, 1
//! otherwise.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Error, Message};
use crate::rules::{self, Names};
use crate::source::Source;
use crate::text::Lang;

use super::message::{RulesCheckProblem, SetProblem};
use super::{EXIT_BAD_INPUT, EXIT_PLAN, bad_input};
use crate::rules::message::RulesSummary;

/// Where the rules are when no path is given and no scenario names them.
const DEFAULT_FOLDER: &str = "rules";

pub fn run(
    paths: &[PathBuf],
    scenario: Option<&Path>,
    settings: &[String],
    lang: Lang,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> i32 {
    if scenario.is_none()
        && let Some(setting) = settings.first()
    {
        let e = Error::new(SetProblem::WithoutScenario {
            setting: setting.clone(),
        })
        .setting(setting);
        return bad_input(stderr, &e, lang);
    }
    let scenario = match scenario
        .map(|s| crate::scenario::load_with(s, settings))
        .transpose()
    {
        Ok(s) => s,
        Err(e) => return bad_input(stderr, &e, lang),
    };
    let files = if !paths.is_empty() {
        rule_files(paths)
    } else if let Some(scenario) = &scenario {
        Ok(scenario.rules.clone())
    } else if std::fs::symlink_metadata(DEFAULT_FOLDER).is_err() {
        // given no path the command reads ./rules: say so, not only that it is missing
        Err(Error::new(RulesCheckProblem::NoDefaultFolder {
            folder: PathBuf::from(DEFAULT_FOLDER),
        })
        .file(Path::new(DEFAULT_FOLDER)))
    } else {
        rule_files(&[PathBuf::from(DEFAULT_FOLDER)])
    };
    let files = match files {
        Ok(f) => f,
        Err(e) => return bad_input(stderr, &e, lang),
    };
    let names = scenario.as_ref().map(Names::of);
    // with no paths the files are the scenario's own rules: its unread params can be named
    let complete = paths.is_empty() && scenario.is_some();
    let mut problems = rules::check_files(&files, names.as_ref(), complete);
    // a copy of a rule under another name: it would run twice (a scenario's list is refused
    // when the scenario is read)
    if let Some((first, j)) = crate::scenario::same_text(&files) {
        let problem = crate::scenario::message::ScenarioProblem::SameRuleTwice {
            first: files[first].display().to_string(),
            second: files[j].display().to_string(),
        };
        problems.push(Error::new(problem).file(&files[j]));
    }
    for problem in &problems {
        let _ = writeln!(stderr, "{}", problem.render(lang));
    }
    let summary = summary(files.len(), &problems, scenario.is_some());
    let (summary, _) = summary.words();
    if problems.is_empty() {
        let _ = writeln!(stdout, "{}", summary.get(lang));
        EXIT_PLAN
    } else {
        let _ = writeln!(stderr, "{}", summary.get(lang));
        EXIT_BAD_INPUT
    }
}

fn summary(files: usize, problems: &[Error], with_scenario: bool) -> RulesSummary {
    let mut broken: Vec<&Path> = problems
        .iter()
        .filter_map(|p| p.location.file.as_deref())
        .collect();
    broken.sort();
    broken.dedup();
    RulesSummary::Checked {
        files,
        problems: problems.len(),
        broken: broken.len(),
        with_scenario,
    }
}

/// The `.rhai` files of `paths`: files as given, folders' files sorted by name.
fn rule_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Error> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            if let Err(e) = std::fs::read_dir(path) {
                return Err(unreadable(path, &e));
            }
            let found = crate::files::named_with_extension(path, "rhai");
            if found.is_empty() {
                let hidden = crate::files::hidden_with_extension(path, "rhai");
                return Err(Error::new(RulesCheckProblem::NoRuleFiles {
                    folder: path.clone(),
                    hidden: crate::files::file_names(&hidden),
                })
                .file(path));
            }
            files.extend(found);
        } else if path.is_file()
            && path
                .extension()
                .is_some_and(|e| e.to_string_lossy().eq_ignore_ascii_case("toml"))
        {
            return Err(
                Error::new(RulesCheckProblem::ScenarioNotRule { path: path.clone() }).file(path),
            );
        } else if path.exists() {
            files.push(path.clone());
        } else if let Some(link) = Source::broken_link(path, &Source::rule_file(path)) {
            return Err(link);
        } else {
            return Err(Error::new(RulesCheckProblem::NotFound { path: path.clone() }).file(path));
        }
    }
    Ok(files)
}

fn unreadable(path: &Path, e: &std::io::Error) -> Error {
    let shown = path.display();
    let what = crate::text::Text::new(
        format!("thư mục quy tắc {shown}"),
        format!("the rules folder {shown}"),
    );
    crate::source::Source::unreadable(path, &what, e)
}
