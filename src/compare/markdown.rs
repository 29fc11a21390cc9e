//! A comparison as GitHub Markdown: headings and pipe tables, every cell escaped.

use std::fmt::Write;

use crate::compare::Comparison;
use crate::compare::tables::{self, Grid};
use crate::report::markdown::{self, inline, line_start, prose};
use crate::text::Lang;

/// Renders `comparison` as Markdown.
pub fn render(comparison: &Comparison, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", inline(tables::title(lang)));
    for line in tables::scenarios(comparison, lang) {
        let _ = writeln!(out, "- {}", line_start(&line));
    }
    let _ = writeln!(out, "\n{}", line_start(tables::note(lang)));
    for letter in tables::unrelated(comparison) {
        let _ = writeln!(
            out,
            "\n{}",
            line_start(&tables::unrelated_notice(lang, &letter))
        );
    }
    for notice in tables::renamed_notices(comparison, lang) {
        let _ = writeln!(out, "\n{}", line_start(&notice));
    }

    let _ = writeln!(out, "\n## {}\n", inline(tables::province_heading(lang)));
    table(&mut out, &tables::province(comparison, lang));
    for (title, sentences) in tables::infeasible(comparison, lang) {
        let _ = writeln!(out, "\n### {}\n", inline(&title));
        for sentence in sentences {
            let _ = writeln!(out, "- {}", line_start(&sentence));
        }
    }

    let _ = writeln!(out, "\n## {}", inline(tables::districts_heading(lang)));
    for (title, grid) in tables::districts(comparison, lang) {
        let _ = writeln!(out, "\n### {}\n", inline(&title));
        table(&mut out, &grid);
        if let Some(note) = &grid.note {
            let _ = writeln!(out, "\n{}", line_start(note));
        }
    }

    let _ = writeln!(out, "\n## {}\n", inline(tables::inputs_heading(lang)));
    match tables::inputs(comparison, lang) {
        Some(grid) => table(&mut out, &grid),
        None => {
            let _ = writeln!(out, "{}", line_start(tables::same_inputs(lang)));
        }
    }
    let set = tables::set_for_run(comparison, lang);
    if let Some((first, rest)) = set.split_first() {
        let _ = writeln!(out, "\n{}\n", line_start(first));
        for text in rest {
            let _ = writeln!(out, "- {}", prose(text));
        }
    }
    out
}

/// A pipe table, as the plan's Markdown report writes one.
fn table(out: &mut String, grid: &Grid) {
    markdown::table(
        out,
        &grid.header,
        &grid.numeric,
        &grid.rows,
        grid.total.as_ref(),
    );
}
