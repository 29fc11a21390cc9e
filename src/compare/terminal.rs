//! A comparison as text for a terminal: plain tables, as `campaign plan` prints them.

use std::fmt::Write;

use comfy_table::{CellAlignment, ContentArrangement, Table, presets};

use crate::compare::Comparison;
use crate::compare::tables::{self, Grid};
use crate::text::Lang;

/// Renders `comparison` for the terminal.
pub fn render(comparison: &Comparison, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", tables::title(lang).to_uppercase());
    for line in tables::scenarios(comparison, lang) {
        let _ = writeln!(out, "  {line}");
    }
    let _ = writeln!(out, "\n{}", tables::note(lang));

    heading(&mut out, tables::province_heading(lang));
    let _ = writeln!(out, "{}", grid(tables::province(comparison, lang)));
    for (title, sentences) in tables::infeasible(comparison, lang) {
        let _ = writeln!(out, "\n{title}:");
        for sentence in sentences {
            let _ = writeln!(out, "  - {sentence}");
        }
    }

    for (title, table) in tables::districts(comparison, lang) {
        heading(
            &mut out,
            &format!("{}: {title}", tables::districts_heading(lang)),
        );
        let note = table.note.clone();
        let _ = writeln!(out, "{}", grid(table));
        if let Some(note) = note {
            let _ = writeln!(out, "{note}");
        }
    }

    heading(&mut out, tables::inputs_heading(lang));
    match tables::inputs(comparison, lang) {
        Some(table) => {
            let _ = writeln!(out, "{}", grid(table));
        }
        None => {
            let _ = writeln!(out, "{}", tables::same_inputs(lang));
        }
    }
    out
}

/// A section heading: a blank line, then the heading in capitals.
fn heading(out: &mut String, text: &str) {
    let _ = writeln!(out, "\n{}", text.to_uppercase());
}

/// A table that looks the same on every terminal (no colour, width from the content only).
fn grid(grid: Grid) -> Table {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled)
        .force_no_tty();
    table.set_header(grid.header);
    table.add_rows(grid.rows);
    if let Some(total) = grid.total {
        table.add_row(total);
    }
    for (i, &numeric) in grid.numeric.iter().enumerate() {
        if let Some(column) = table.column_mut(i) {
            column.set_cell_alignment(if numeric {
                CellAlignment::Right
            } else {
                CellAlignment::Left
            });
        }
    }
    table
}
