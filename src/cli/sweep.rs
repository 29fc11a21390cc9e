//! `campaign sweep SCENARIO --vary KEY=FROM..TO:STEP`: the plan for every value, as a table and
//! a curve (or JSON), with a progress bar on the terminal.

use std::io::{IsTerminal, Write};
use std::path::Path;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::{EXIT_INFEASIBLE, EXIT_PLAN, Output, bad_input, output};
use crate::report::Format;
use crate::sweep::{self, parse_vary};
use crate::text::Lang;

pub fn run(
    scenario: &Path,
    vary: &str,
    settings: &[String],
    output: &Output,
    jobs: Option<usize>,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> i32 {
    let (format, lang, out) = (output.format, output.lang, output.out.as_deref());
    if let Err(e) = output::check_out_of(out, || output::inputs_of(&[scenario], settings)) {
        return bad_input(stderr, &e, lang);
    }
    let vary = match parse_vary(vary) {
        Ok(v) => v,
        Err(e) => return bad_input(stderr, &e, lang),
    };
    let jobs = jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    // a bar only for a person watching: stderr on a terminal, and the results not piped
    let watched =
        std::io::stderr().is_terminal() && (out.is_some() || std::io::stdout().is_terminal());
    let bar = ProgressBar::with_draw_target(
        Some(vary.values.len() as u64),
        if watched {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        },
    );
    bar.set_style(
        ProgressStyle::with_template(match lang {
            Lang::Vi => "{bar:40} {pos}/{len} phương án  {elapsed}",
            Lang::En => "{bar:40} {pos}/{len} plans  {elapsed}",
        })
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let result = sweep::sweep(scenario, &vary, settings, jobs, &|| bar.inc(1));
    bar.finish_and_clear();
    let points = match result {
        Ok(p) => p,
        Err(e) => return bad_input(stderr, &e, lang),
    };
    let text = match format {
        Format::Json => sweep::render_json(&points),
        // refused above; kept total so that a new format is a compile error here
        Format::Markdown
        | Format::Html
        | Format::Csv
        | Format::Xlsx
        | Format::Docx
        | Format::LetterHtml => sweep::render_markdown(&vary, &points, lang),
        Format::Text => sweep::render_text(&vary, &points, lang, output.width),
    };
    let written = output::emit(out, text.as_bytes(), stdout);
    if let Err(e) = written {
        return bad_input(stderr, &e, lang);
    }
    if points.iter().all(|p| p.summary.meets_scenario) {
        EXIT_PLAN
    } else {
        EXIT_INFEASIBLE
    }
}
