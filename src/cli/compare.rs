//! `campaign compare A.toml B.toml [...]`: the plans side by side (see `crate::compare`).

use std::io::Write;
use std::path::PathBuf;

use super::message::CompareProblem;
use crate::cli::{EXIT_BAD_INPUT, EXIT_INFEASIBLE, EXIT_PLAN, Output, bad_input, output};
use crate::compare::{self, Compared, Comparison};
use crate::diagnostic::Message;

/// Plans every scenario and prints the comparison. Exit status: 0 when every plan meets its
/// scenario, 2 when one does not (the comparison is still printed), 1 when a scenario cannot
/// be planned (every such scenario's error is printed, nothing else).
pub fn run(
    scenarios: &[PathBuf],
    settings: &[String],
    output: &Output,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> i32 {
    let (format, lang, out) = (output.format, output.lang, output.out.as_deref());
    if scenarios.len() > crate::limits::COMPARED_SCENARIOS {
        let e = crate::diagnostic::Error::new(CompareProblem::TooMany {
            given: scenarios.len(),
        });
        return bad_input(stderr, &e, lang);
    }
    // each loaded once: for the files it reads (which --out may not name), then to plan; with
    // --set, without the settings too, from the same reading (for the notice)
    let loaded: Vec<_> = scenarios
        .iter()
        .map(|path| crate::scenario::load_with_and_without(path, settings))
        .collect();
    let inputs = || {
        scenarios
            .iter()
            .zip(&loaded)
            .flat_map(|(path, l)| output::inputs_of_loaded(path, l.as_ref().ok().map(|(s, _)| s)))
            .collect()
    };
    if let Err(e) = output::check_out_of(out, inputs) {
        return bad_input(stderr, &e, lang);
    }
    let mut compared = Vec::with_capacity(scenarios.len());
    let mut failed = false;
    for (i, (path, loaded)) in scenarios.iter().zip(loaded).enumerate() {
        // each scenario's rules get their share of what the whole comparison's rules may take
        let planned = loaded.and_then(|(scenario, without)| {
            crate::rules::as_one_of(scenarios.len(), || {
                Compared::plan(scenario, without.as_ref())
            })
        });
        // a later scenario's districts under A's names, where the two name one district
        // otherwise ("Huyện Cao Lộc" for "Cao Lộc")
        let planned = planned.and_then(|mut c| {
            if let (false, Some(first)) = (failed, compared.first()) {
                c.pair_with(first, &compare::letter(i))?;
            }
            Ok(c)
        });
        match planned {
            Ok(c) => compared.push(c),
            Err(e) => {
                failed = true;
                let _ = stderr.write_all(e.render(lang).as_bytes());
                let (after, _) = CompareProblem::NotCompared {
                    letter: compare::letter(i),
                    scenario: path.clone(),
                }
                .words();
                let _ = stderr.write_all(after.get(lang).as_bytes());
                let _ = stderr.write_all(b"\n");
            }
        }
    }
    if failed {
        return EXIT_BAD_INPUT;
    }

    let comparison = Comparison::new(compared);
    let written = if format == crate::report::Format::Json {
        // streamed: each plan district by district
        output::emit_with(out, stdout, &mut |w| {
            compare::write_json(&comparison, lang, w)
        })
    } else {
        let text = compare::render(&comparison, format, lang, output.width);
        output::emit(out, text.as_bytes(), stdout)
    };
    if let Err(e) = written {
        return bad_input(stderr, &e, lang);
    }
    if comparison.all_feasible() {
        EXIT_PLAN
    } else {
        EXIT_INFEASIBLE
    }
}
