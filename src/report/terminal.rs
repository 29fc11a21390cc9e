//! The plan as text for a terminal: plain tables (no colour, width from the content only, so
//! the output never depends on the terminal it is printed on).

use std::fmt::Write;

use comfy_table::{CellAlignment, ContentArrangement, Table, presets};

use crate::plan::Plan;
use crate::report::{content, diagnosis, notices, words};
use crate::text::Lang;

/// Renders `plan` for the terminal.
pub fn render(plan: &Plan, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}: {}",
        words::TITLE.get(lang).to_uppercase(),
        plan.scenario
    );
    let _ = writeln!(out, "{}", content::as_of(plan, lang));

    heading(&mut out, words::PROVINCE.get(lang));
    let mut summary = table();
    for (label, value) in content::summary(plan, lang) {
        summary.add_row(vec![label, value]);
    }
    let _ = writeln!(out, "{summary}");

    if let Some(sentences) = diagnosis::of_plan(plan, lang) {
        let _ = writeln!(out, "\n{}:", words::WHY_INFEASIBLE.get(lang));
        for sentence in sentences {
            let _ = writeln!(out, "  - {sentence}");
        }
    }
    let notes = notices::sentences(plan, lang);
    if !notes.is_empty() {
        let _ = writeln!(out, "\n{}:", words::NOTICES.get(lang));
        for sentence in notes {
            let _ = writeln!(out, "  - {sentence}");
        }
    }

    heading(&mut out, words::BY_DISTRICT.get(lang));
    let districts = content::district_table(plan, lang);
    let mut grid = table();
    grid.set_header(districts.header);
    grid.add_rows(districts.rows);
    grid.add_row(districts.total);
    for (i, &numeric) in districts.numeric.iter().enumerate() {
        if let Some(column) = grid.column_mut(i) {
            column.set_cell_alignment(if numeric {
                CellAlignment::Right
            } else {
                CellAlignment::Left
            });
        }
    }
    let _ = writeln!(out, "{grid}");
    if let Some(line) = content::on_track(plan, lang) {
        let _ = writeln!(out, "{line}");
    }

    heading(&mut out, words::DIRECTIVES.get(lang));
    for district in &plan.districts {
        let _ = writeln!(out, "\n{}", content::district_heading(district, lang));
        if let Some(floor) = content::own_floor(plan, district, lang) {
            let _ = writeln!(out, "   {floor}");
        }
        if let Some(pace) = content::pace_line(plan, district, lang) {
            let _ = writeln!(out, "   {pace}");
        }
        let items = content::directives(district, lang);
        if items.is_empty() {
            let _ = writeln!(out, "   {}", words::NO_DIRECTIVES.get(lang));
        }
        for (i, item) in items.iter().enumerate() {
            let marker = format!("{:>2}. ", i + 1);
            let indent = " ".repeat(marker.chars().count() + 1);
            let _ = writeln!(out, " {marker}{}", item.action);
            let _ = writeln!(out, "{indent}{}: {}", words::UNIT.get(lang), item.unit);
            if let Some(teams) = &item.teams {
                let _ = writeln!(out, "{indent}{}: {teams}", words::TEAMS.get(lang));
            }
            if let Some(gain) = &item.gain {
                let _ = writeln!(out, "{indent}{}: {gain}", words::EXPECTED.get(lang));
            }
        }
    }
    out
}

/// A section heading: a blank line, then the heading in capitals.
fn heading(out: &mut String, text: &str) {
    let _ = writeln!(out, "\n{}", text.to_uppercase());
}

/// A table that looks the same on every terminal.
fn table() -> Table {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled)
        .force_no_tty();
    table
}
