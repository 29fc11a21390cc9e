//! `campaign compare A.toml B.toml [...]`: the plans side by side (see `crate::compare`).

use std::io::Write;
use std::path::PathBuf;

use super::message::CompareProblem;
use crate::cli::{EXIT_BAD_INPUT, EXIT_INFEASIBLE, EXIT_PLAN, Output, bad_input, output};
use crate::compare::{self, Compared, Comparison};
use crate::diagnostic::Message;
use crate::scenario::DistrictInput;

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
    // each scenario's rules get their share of what the whole comparison's rules may take
    let count = scenarios.len();
    // a later scenario's districts under A's names, where the two name one district otherwise
    // ("Huyện Cao Lộc" for "Cao Lộc"); A's districts are kept for that (trial 13g K20)
    let mut first: Option<Vec<DistrictInput>> = None;
    let mut plan_one = |i: usize, loaded: Result<_, _>| {
        let mut c = loaded.and_then(|(scenario, without): (_, Option<_>)| {
            crate::rules::as_one_of(count, || Compared::plan(scenario, without.as_ref()))
        })?;
        match &first {
            None if i == 0 => first = Some(c.scenario.districts.clone()),
            Some(districts) => c.pair_with(districts, &compare::letter(i))?,
            None => {}
        }
        Ok::<_, crate::diagnostic::Error>(c)
    };
    let mut errors: Vec<(usize, crate::diagnostic::Error)> = Vec::new();
    // JSON: each plan written as soon as it is made, then summarised, so that one whole plan
    // is held at a time (trial 13f J21); a scenario that does not load is said before
    // anything is written
    let streamed = format == crate::report::Format::Json && loaded.iter().all(Result::is_ok);
    let mut loaded = loaded.into_iter().enumerate();
    let mut comparison = None;
    let mut written = Ok(());
    if streamed {
        let mut feasible = true;
        let mut plan = |_: usize| {
            let (i, l) = loaded.next()?;
            match plan_one(i, l) {
                Ok(c) => {
                    feasible &= c.plan.status.meets_scenario();
                    Some(c)
                }
                Err(e) => {
                    errors.push((i, e));
                    None
                }
            }
        };
        written = output::emit_with(out, stdout, &mut |w| {
            comparison = compare::write_json(count, &mut plan, lang, w)?;
            Ok(())
        });
        if comparison.is_none() && errors.is_empty() {
            return match written {
                Err(e) => bad_input(stderr, &e, lang),
                // the reader stopped reading (a closed pipe): the exit status says what the
                // plans made so far say
                Ok(()) if feasible => EXIT_PLAN,
                Ok(()) => EXIT_INFEASIBLE,
            };
        }
    }
    // the rest (all of them unless streamed): planned, summarised, and every error kept
    let mut compared = Vec::with_capacity(count);
    for (i, l) in loaded {
        match plan_one(i, l) {
            Ok(c) => compared.push(c.summarised()),
            Err(e) => errors.push((i, e)),
        }
    }
    if !errors.is_empty() {
        for (i, e) in &errors {
            let _ = stderr.write_all(e.render(lang).as_bytes());
            let (after, _) = CompareProblem::NotCompared {
                letter: compare::letter(*i),
                scenario: scenarios.get(*i).cloned().unwrap_or_default(),
            }
            .words();
            let _ = stderr.write_all(after.get(lang).as_bytes());
            let _ = stderr.write_all(b"\n");
        }
        return EXIT_BAD_INPUT;
    }
    let comparison = match comparison {
        Some(comparison) => comparison,
        None => {
            let comparison = Comparison::new(compared);
            let text = compare::render(&comparison, format, lang, output.width);
            written = output::emit(out, text.as_bytes(), stdout);
            comparison
        }
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
