//! `campaign explain SCENARIO --district NAME`: why one district got what it got
//! (`crate::explain`), in text, Markdown or JSON.

use std::io::Write;
use std::path::Path;

use super::{EXIT_INFEASIBLE, EXIT_PLAN, Output, bad_input, output};
use crate::solve::Status;

/// Explains `district` of the scenario at `scenario` (with `settings` from `--set`); the exit
/// status is the plan's: 0, or 2 when the scenario cannot be met (the explanation of the best
/// plan is still printed), 1 for bad input (an unknown district among them).
pub fn run(
    scenario: &Path,
    district: &str,
    settings: &[String],
    output: &Output,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> i32 {
    let (format, lang, out) = (output.format, output.lang, output.out.as_deref());
    // loaded once: for the files it reads (which --out may not name), then to explain
    let loaded = crate::scenario::load_with(scenario, settings);
    if let Err(e) = output::check_out_of(out, || {
        output::inputs_of_loaded(scenario, loaded.as_ref().ok())
    }) {
        return bad_input(stderr, &e, lang);
    }
    let explained = loaded.and_then(|s| crate::explain::explain_loaded(scenario, &s, district));
    let explanation = match explained {
        Ok(e) => e,
        Err(e) => return bad_input(stderr, &e, lang),
    };
    let text = crate::explain::render(&explanation, format, lang);
    let written = output::emit(out, text.as_bytes(), stdout);
    if let Err(e) = written {
        return bad_input(stderr, &e, lang);
    }
    match explanation.status {
        Status::Optimal | Status::Feasible => EXIT_PLAN,
        Status::Infeasible => EXIT_INFEASIBLE,
    }
}
