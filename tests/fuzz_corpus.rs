//! The fuzz targets' corpus (`fuzz/corpus/<target>/`, minimised) and the inputs that once broke
//! them (`fuzz/regressions/<target>/`), replayed on stable Rust through the library entry
//! points the targets call (`campaign_planner::fuzz`; docs/fuzzing.md): no input makes the
//! scenario loader, the coverage readers or the rule checker and engine panic, and each call
//! returns (a rule that would run for ever is stopped by the limits of src/rules/limits.rs).
//! Every error is rendered in both languages, as the targets render it.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use campaign_planner::diagnostic::Error;
use campaign_planner::fuzz;

const FUZZ: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz");

/// The files of `fuzz/{folder}/{target}/`, by name (none when the folder is not there).
fn files(folder: &str, target: &str) -> Vec<PathBuf> {
    let dir = Path::new(FUZZ).join(folder).join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.expect("a corpus entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

fn render(e: &Error) {
    // renders every problem in both languages; how they read is the message tests' concern
    let _ = fuzz::misread(e);
}

/// What the fuzz target `target` does with one input.
fn run(target: &str, bytes: &[u8]) {
    match target {
        "scenario" => {
            if let Err(e) = fuzz::scenario_from_bytes(bytes) {
                render(&e);
            }
        }
        "coverage_csv" | "coverage_xlsx" => {
            let tables = if target == "coverage_csv" {
                fuzz::coverage_csv(bytes)
            } else {
                fuzz::coverage_xlsx(bytes)
            };
            let tables = tables.expect("the temporary layout can be written");
            for e in [tables.import.err(), tables.scenario.err()]
                .iter()
                .flatten()
            {
                render(e);
            }
        }
        "rules" => {
            for e in fuzz::rules_check(bytes).expect("the fixed scenario loads") {
                render(&e);
            }
            if let Err(e) = fuzz::rules_run(bytes) {
                render(&e);
            }
        }
        _ => panic!("no fuzz target `{target}`"),
    }
}

/// Replays the corpus and the regressions of `target`: the inputs that panicked, with what
/// they said.
fn replay(target: &str) {
    let corpus = files("corpus", target);
    assert!(
        corpus.len() >= 10,
        "fuzz/corpus/{target}/ has {} inputs: seed it (fuzz/seed.sh)",
        corpus.len()
    );
    let mut panicked = Vec::new();
    for path in corpus.iter().chain(&files("regressions", target)) {
        let bytes = std::fs::read(path).expect("a corpus file can be read");
        if let Err(cause) = catch_unwind(AssertUnwindSafe(|| run(target, &bytes))) {
            let said = cause
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| cause.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            panicked.push(format!("{}: {said}", path.display()));
        }
    }
    assert!(
        panicked.is_empty(),
        "{} inputs of fuzz target `{target}` panicked:\n{}",
        panicked.len(),
        panicked.join("\n")
    );
}

#[test]
fn the_scenario_loader_takes_the_corpus() {
    replay("scenario");
}

#[test]
fn the_csv_coverage_readers_take_the_corpus() {
    replay("coverage_csv");
}

#[test]
fn the_xlsx_coverage_readers_take_the_corpus() {
    replay("coverage_xlsx");
}

#[test]
fn the_rule_checker_and_engine_take_the_corpus() {
    replay("rules");
}

/// The replay can fail: an input the fixed rule scenario refuses to run is reported, not
/// passed over (a corpus of inputs that never reach the engine would test nothing).
#[test]
fn the_shipped_rules_run_through_the_rule_entry_point() {
    let rule = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/door-to-door.rhai"))
        .expect("the shipped rule");
    assert!(fuzz::rules_check(&rule).expect("checked").is_empty());
    let plan = fuzz::rules_run(&rule).expect("the shipped rule runs on the fixed scenario");
    assert_eq!(plan.districts.len(), 2);
    assert!(
        plan.districts.iter().any(|d| !d.directives.is_empty()),
        "door-to-door gives a directive"
    );
    let err = fuzz::rules_run(b"fn before_solve(district, scenario) { loop {} }")
        .expect_err("a rule that never ends is stopped");
    assert!(fuzz::misread(&err).is_none(), "{err}");
}
