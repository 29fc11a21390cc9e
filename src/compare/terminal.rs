//! A comparison as text for a terminal: plain tables, as `campaign plan` prints them, fitted to
//! the terminal's width when one is given (report::terminal::fit), whole otherwise.

use std::fmt::Write;

use comfy_table::{CellAlignment, ContentArrangement, Table, presets};

use crate::compare::Comparison;
use crate::compare::tables::{self, Grid};
use crate::report::terminal::{Plain, fit, line};
use crate::text::Lang;

/// Renders `comparison` for the terminal, fitted to `width` columns when given.
pub fn render(comparison: &Comparison, lang: Lang, width: Option<usize>) -> String {
    let mut out = String::new();
    line(&mut out, width, "", "", &tables::title(lang).to_uppercase());
    for scenario in tables::scenarios(comparison, lang) {
        line(&mut out, width, "  ", "    ", &scenario);
    }
    let _ = writeln!(out);
    line(&mut out, width, "", "", tables::note(lang));
    for letter in tables::unrelated(comparison) {
        line(
            &mut out,
            width,
            "",
            "",
            &tables::unrelated_notice(lang, &letter),
        );
    }
    for notice in tables::renamed_notices(comparison, lang) {
        line(&mut out, width, "", "", &notice);
    }

    heading(&mut out, width, tables::province_heading(lang));
    let province = tables::province(comparison, lang);
    let _ = writeln!(out, "{}", fitted(province, width, lang));
    for (title, sentences) in tables::infeasible(comparison, lang) {
        let _ = writeln!(out);
        line(&mut out, width, "", "", &format!("{title}:"));
        for sentence in sentences {
            line(&mut out, width, "  - ", "    ", &sentence);
        }
    }

    for (title, table) in tables::districts(comparison, lang) {
        heading(
            &mut out,
            width,
            &format!("{}: {title}", tables::districts_heading(lang)),
        );
        let note = table.note.clone();
        let _ = writeln!(out, "{}", fitted(table, width, lang));
        if let Some(note) = note {
            line(&mut out, width, "", "", &note);
        }
    }

    heading(&mut out, width, tables::inputs_heading(lang));
    match tables::inputs(comparison, lang) {
        Some(table) => {
            let _ = writeln!(out, "{}", fitted(table, width, lang));
        }
        None => {
            line(&mut out, width, "", "", tables::same_inputs(lang));
        }
    }
    let set = tables::set_for_run(comparison, lang);
    if !set.is_empty() {
        let _ = writeln!(out);
    }
    for (i, text) in set.iter().enumerate() {
        line(&mut out, width, if i == 0 { "" } else { "  " }, "  ", text);
    }
    out
}

/// A section heading: a blank line, then the heading in capitals.
fn heading(out: &mut String, width: Option<usize>, text: &str) {
    let _ = writeln!(out);
    line(out, width, "", "", &text.to_uppercase());
}

/// `table` whole, or when it is wider than `width` as stacked tables that fit it, each
/// repeating the first column.
fn fitted(table: Grid, width: Option<usize>, lang: Lang) -> String {
    match width {
        Some(w) if widest(&grid(table.clone())) > w => {
            let mut rows: Vec<&[String]> = table.rows.iter().map(Vec::as_slice).collect();
            if let Some(total) = &table.total {
                rows.push(total);
            }
            let plain = Plain {
                header: &table.header,
                rows,
                numeric: &table.numeric,
            };
            let all = (1..table.header.len()).collect();
            fit(&plain, &[(String::new(), all)], width, lang)
        }
        _ => grid(table).to_string(),
    }
}

/// The width in columns of the widest line of `table`.
fn widest(table: &Table) -> usize {
    table
        .to_string()
        .lines()
        .map(unicode_width::UnicodeWidthStr::width)
        .max()
        .unwrap_or(0)
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
