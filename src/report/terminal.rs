//! The plan as text for a terminal: plain tables, no colour. Without a width the tables are as
//! wide as their content (the wide layout: the same bytes on every machine, for files and
//! pipes). Given a width (`--width`, or the terminal's), everything fits it: a district table
//! wider than that is printed as stacked tables, each repeating the district's name (the figures
//! now and after the campaign; the teams and the cost), split further by columns when one is
//! still too wide, and the sentences are wrapped.

use std::fmt::Write;

use comfy_table::{CellAlignment, ContentArrangement, Table, presets};
use unicode_width::UnicodeWidthStr;

use crate::plan::Plan;
use crate::report::{content, diagnosis, notices, words};
use crate::text::Lang;

/// Renders `plan` for the terminal, in the wide layout.
pub fn render(plan: &Plan, lang: Lang) -> String {
    render_to(plan, lang, None)
}

/// Renders `plan` for a terminal `width` columns wide (`None`: the wide layout, however wide).
pub fn render_to(plan: &Plan, lang: Lang, width: Option<usize>) -> String {
    let mut out = String::new();
    let title = format!(
        "{}: {}",
        words::TITLE.get(lang).to_uppercase(),
        plan.scenario
    );
    line(&mut out, width, "", "", &title);
    line(&mut out, width, "", "", &content::as_of(plan, lang));

    heading(&mut out, width, words::PROVINCE.get(lang));
    let mut summary = table();
    for (label, value) in content::summary(plan, lang) {
        summary.add_row(vec![label, value]);
    }
    let _ = writeln!(out, "{}", fitted(summary, width));

    if let Some(sentences) = diagnosis::of_plan(plan, lang) {
        let _ = writeln!(out, "\n{}:", words::WHY_INFEASIBLE.get(lang));
        for sentence in sentences {
            line(&mut out, width, "  - ", "    ", &sentence);
        }
    }
    let notes = notices::sentences(plan, lang);
    if !notes.is_empty() {
        let _ = writeln!(out, "\n{}:", words::NOTICES.get(lang));
        for sentence in notes {
            line(&mut out, width, "  - ", "    ", &sentence);
        }
    }

    heading(&mut out, width, words::BY_DISTRICT.get(lang));
    let districts = content::district_table(plan, lang);
    let mut rows: Vec<&[String]> = districts.rows.iter().map(Vec::as_slice).collect();
    rows.push(&districts.total);
    let plain = Plain {
        header: &districts.header,
        rows,
        numeric: &districts.numeric,
    };
    let _ = writeln!(
        out,
        "{}",
        fit(&plain, &groups(&districts, lang), width, lang)
    );
    if let Some(on_track) = content::on_track(plan, lang) {
        line(&mut out, width, "", "", &on_track);
    }

    heading(&mut out, width, words::DIRECTIVES.get(lang));
    for district in &plan.districts {
        let _ = writeln!(out);
        line(
            &mut out,
            width,
            "",
            "",
            &content::district_heading(district, lang),
        );
        if let Some(floor) = content::own_floor(plan, district, lang) {
            line(&mut out, width, "   ", "   ", &floor);
        }
        if let Some(pace) = content::pace_line(plan, district, lang) {
            line(&mut out, width, "   ", "   ", &pace);
        }
        for (installs, _) in content::rule_installs(district, lang) {
            line(&mut out, width, "   ", "   ", &installs);
        }
        let items = content::directives(district, lang);
        if items.is_empty() {
            line(
                &mut out,
                width,
                "   ",
                "   ",
                words::NO_DIRECTIVES.get(lang),
            );
        }
        for (i, item) in items.iter().enumerate() {
            let marker = format!(" {:>2}. ", i + 1);
            let indent = " ".repeat(marker.chars().count());
            line(&mut out, width, &marker, &indent, &item.action);
            let unit = format!("{}: {}", words::UNIT.get(lang), item.unit);
            line(&mut out, width, &indent, &indent, &unit);
            if let Some(teams) = &item.teams {
                let teams = format!("{}: {teams}", words::TEAMS.get(lang));
                line(&mut out, width, &indent, &indent, &teams);
            }
            if let Some(gain) = &item.gain {
                let gain = format!("{}: {gain}", words::EXPECTED.get(lang));
                line(&mut out, width, &indent, &indent, &gain);
            }
        }
    }
    out
}

/// Writes `text` after `first` and a line end, wrapped at `width` (when given) with the lines
/// after the first indented by `rest`.
pub fn line(out: &mut String, width: Option<usize>, first: &str, rest: &str, text: &str) {
    match width {
        None => {
            let _ = writeln!(out, "{first}{text}");
        }
        Some(width) => {
            let options = textwrap::Options::new(width.max(1))
                .initial_indent(first)
                .subsequent_indent(rest)
                .break_words(true);
            for wrapped in textwrap::wrap(text, options) {
                let _ = writeln!(out, "{}", wrapped.trim_end());
            }
        }
    }
}

/// A table for people: a header and rows (the first cell names the row; a total is the last
/// row), numbers aligned right.
pub struct Plain<'a> {
    pub header: &'a [String],
    pub rows: Vec<&'a [String]>,
    /// Whether each column holds numbers (aligned right).
    pub numeric: &'a [bool],
}

/// `table` laid out for a terminal `width` columns wide: whole when it fits (or when no width is
/// given), else as stacked tables, each repeating the first column: one per group of `groups`
/// (a title and its columns), a group still too wide split by columns (its later pieces titled
/// "(continued)"). No figure is left out.
pub fn fit(
    table: &Plain,
    groups: &[(String, Vec<usize>)],
    width: Option<usize>,
    lang: Lang,
) -> String {
    let all: Vec<usize> = (1..table.header.len()).collect();
    let width = match width {
        Some(width) if display_width(&grid(table, &all)) > width => width,
        _ => return grid(table, &all).to_string(),
    };
    let mut out = String::new();
    for (i, (title, columns)) in stacked(table, groups, width, lang).iter().enumerate() {
        if i > 0 {
            let _ = writeln!(out);
        }
        if !title.is_empty() {
            line(&mut out, Some(width), "", "", &format!("{title}:"));
        }
        let _ = writeln!(out, "{}", fitted(grid(table, columns), Some(width)));
    }
    // the caller ends the table's last line
    out.pop();
    out
}

/// The district table's columns (besides the name) in two groups: the figures now and after the
/// campaign, then the teams, what they add and what they cost.
fn groups(table: &content::DistrictTable, lang: Lang) -> Vec<(String, Vec<usize>)> {
    let last = table.header.len();
    let teams = table.teams.clone();
    // after the team kinds: the installs they add, the projected installed and rate, the cost,
    // and with history the pace
    let (outreach, projected, projected_rate, cost) =
        (teams.end, teams.end + 1, teams.end + 2, teams.end + 3);
    let mut now: Vec<usize> = (1..teams.start).collect();
    now.extend([projected, projected_rate]);
    now.extend((cost + 1)..last);
    let mut forces: Vec<usize> = teams.collect();
    forces.extend([outreach, cost]);
    [
        (
            lang.pick(
                "Số liệu hiện nay và dự kiến sau chiến dịch",
                "Now and after the campaign",
            ),
            now,
        ),
        (lang.pick("Tổ, đội và chi phí", "Teams and cost"), forces),
    ]
    .into_iter()
    .map(|(title, columns)| {
        let columns = columns.into_iter().filter(|&c| c < last).collect();
        (title.to_string(), columns)
    })
    .collect()
}

/// The columns of each of `groups` as tables that fit `width`, each with its title.
fn stacked(
    table: &Plain,
    groups: &[(String, Vec<usize>)],
    width: usize,
    lang: Lang,
) -> Vec<(String, Vec<usize>)> {
    let mut tables = Vec::new();
    for (title, columns) in groups {
        let mut piece: Vec<usize> = Vec::new();
        let mut pieces = Vec::new();
        for &column in columns {
            let mut wider = piece.clone();
            wider.push(column);
            if piece.is_empty() || display_width(&grid(table, &wider)) <= width {
                piece = wider;
            } else {
                pieces.push(std::mem::replace(&mut piece, vec![column]));
            }
        }
        if !piece.is_empty() {
            pieces.push(piece);
        }
        for (i, piece) in pieces.into_iter().enumerate() {
            let title = match (i, title.is_empty()) {
                (0, _) => title.clone(),
                (_, true) => lang.pick("(tiếp)", "(continued)").to_string(),
                (_, false) => format!("{title} {}", lang.pick("(tiếp)", "(continued)")),
            };
            tables.push((title, piece));
        }
    }
    tables
}

/// The table with its first column and `columns`, numbers aligned right.
fn grid(table: &Plain, columns: &[usize]) -> Table {
    let pick = |row: &[String]| -> Vec<String> {
        std::iter::once(0)
            .chain(columns.iter().copied())
            .filter_map(|c| row.get(c).cloned())
            .collect()
    };
    let mut grid = self::table();
    grid.set_header(pick(table.header));
    grid.add_rows(table.rows.iter().map(|r| pick(r)));
    for (i, c) in std::iter::once(0)
        .chain(columns.iter().copied())
        .enumerate()
    {
        let numeric = table.numeric.get(c).copied().unwrap_or(false);
        if let Some(column) = grid.column_mut(i) {
            column.set_cell_alignment(if numeric {
                CellAlignment::Right
            } else {
                CellAlignment::Left
            });
        }
    }
    grid
}

/// `table` as text, its cells wrapped to fit `width` when it is wider (a table of a few
/// columns on a very narrow terminal, or the summary's longer values).
fn fitted(mut table: Table, width: Option<usize>) -> String {
    if let Some(width) = width.filter(|&w| display_width(&table) > w) {
        table
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(u16::try_from(width).unwrap_or(u16::MAX));
    }
    table.to_string()
}

/// The width in columns of the widest line of `table`.
fn display_width(table: &Table) -> usize {
    table
        .to_string()
        .lines()
        .map(UnicodeWidthStr::width)
        .max()
        .unwrap_or(0)
}

/// A section heading: a blank line, then the heading in capitals.
fn heading(out: &mut String, width: Option<usize>, text: &str) {
    let _ = writeln!(out);
    line(out, width, "", "", &text.to_uppercase());
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
