//! The district table for spreadsheets: one row per district and a province total, the same
//! columns as the human reports' table plus the number of directives. CSV writes it with plain
//! numbers (a decimal point, no grouping) and a byte-order mark so that Excel reads the
//! Vietnamese names as UTF-8; the workbook (`xlsx`) writes the same cells as numbers.

use crate::plan::{DistrictPlan, Plan};
use crate::report::{content, number, words};
use crate::text::Lang;

/// UTF-8's byte-order mark: without it Excel opens a CSV in the machine's legacy code page.
const BOM: &str = "\u{feff}";

/// The heading of the last column.
pub(crate) const DIRECTIVES_COUNT: words::Label = words::Label("Số việc cần làm", "Directives");

/// The heading of the on-track column (coverage history only).
pub(crate) const ON_TRACK: words::Label = words::Label(
    "Đạt mục tiêu theo tốc độ hiện tại",
    "On track at the current pace",
);

/// One cell of the table.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    Text(String),
    /// A count of phones, installs or teams, or money (expected values: not rounded yet).
    Count(f64),
    /// A rate in [0, 1].
    Rate(f64),
    /// Installs per day (coverage history only), one decimal.
    Pace(f64),
}

/// The table: headings (one line each) and the rows, the province total last.
pub(crate) struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// The district table of `plan`, districts in scenario order, then the total.
pub(crate) fn table(plan: &Plan, lang: Lang) -> Table {
    // The headings of the human reports, on one line each.
    let mut header: Vec<String> = content::district_table(plan, lang)
        .header
        .iter()
        .map(|h| h.replace('\n', " "))
        .collect();
    // the pace column (in the human reports' table) and whether the district is on track at
    // that pace, between the cost and the directives, only with coverage history
    let history = plan.districts.iter().any(|d| d.pace_per_day.is_some());
    if history {
        header.push(ON_TRACK.get(lang).to_string());
    }
    header.push(DIRECTIVES_COUNT.get(lang).to_string());

    let kinds: Vec<&str> = plan.team_kinds.iter().map(|k| k.name.as_str()).collect();
    let yes_no = |on_track: bool| {
        Cell::Text(
            lang.pick(
                if on_track { "có" } else { "không" },
                if on_track { "yes" } else { "no" },
            )
            .to_string(),
        )
    };
    let pace = |d: &DistrictPlan| {
        history.then(|| {
            [
                Cell::Pace(d.pace_per_day.unwrap_or(0.0)),
                yes_no(d.on_track == Some(true)),
            ]
        })
    };
    let mut rows: Vec<Vec<Cell>> = plan
        .districts
        .iter()
        .map(|d| {
            let teams: Vec<f64> = kinds.iter().map(|k| f64::from(d.teams_of(k))).collect();
            row(
                &d.name,
                [d.smartphones as f64, d.installed as f64, d.rate],
                &teams,
                [
                    d.outreach_installs,
                    d.projected_installed,
                    d.projected_rate,
                    d.cost,
                ],
                pace(d),
                d.directives.len(),
            )
        })
        .collect();

    let p = &plan.province;
    let teams: Vec<f64> = kinds
        .iter()
        .map(|k| {
            plan.districts
                .iter()
                .map(|d| f64::from(d.teams_of(k)))
                .sum()
        })
        .collect();
    let outreach: f64 = plan.districts.iter().map(|d| d.outreach_installs).sum();
    let directives: usize = plan.districts.iter().map(|d| d.directives.len()).sum();
    rows.push(row(
        words::TOTAL.get(lang),
        [p.smartphones as f64, p.installed as f64, p.rate],
        &teams,
        [outreach, p.projected_installed, p.projected_rate, p.cost],
        // the province's pace, and how many districts of how many are on track
        history.then(|| {
            [
                Cell::Pace(plan.districts.iter().filter_map(|d| d.pace_per_day).sum()),
                // "2/11": a text, so that the column holds answers, not a number among them
                Cell::Text(format!(
                    "{}/{}",
                    plan.districts
                        .iter()
                        .filter(|d| d.on_track == Some(true))
                        .count(),
                    plan.districts.len()
                )),
            ]
        }),
        directives,
    ));
    Table { header, rows }
}

fn row(
    name: &str,
    now: [f64; 3],
    teams: &[f64],
    after: [f64; 4],
    pace: Option<[Cell; 2]>,
    directives: usize,
) -> Vec<Cell> {
    let mut cells = vec![
        Cell::Text(name.to_string()),
        Cell::Count(now[0]),
        Cell::Count(now[1]),
        Cell::Rate(now[2]),
    ];
    cells.extend(teams.iter().map(|&t| Cell::Count(t)));
    cells.extend([
        Cell::Count(after[0]),
        Cell::Count(after[1]),
        Cell::Rate(after[2]),
        Cell::Count(after[3]),
    ]);
    cells.extend(pace.into_iter().flatten());
    cells.push(Cell::Count(directives as f64));
    cells
}

/// Renders the district table as CSV: a byte-order mark, the header, one row per district and
/// the total. Counts are whole numbers and rates percentages with two decimals (`29.22`, the
/// heading says `(%)`), rounded as in the human reports so that the figures agree.
pub fn render(plan: &Plan, lang: Lang) -> String {
    let table = table(plan, lang);
    let first = table.rows.first();
    let header: Vec<String> = table
        .header
        .iter()
        .enumerate()
        .map(|(i, h)| match first.and_then(|r| r.get(i)) {
            Some(Cell::Rate(_)) => format!("{h} (%)"),
            _ => h.clone(),
        })
        .collect();
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    // Writing to a Vec cannot fail.
    let _ = writer.write_record(&header);
    for row in &table.rows {
        let cells: Vec<String> = row
            .iter()
            .map(|c| match c {
                Cell::Text(t) => t.clone(),
                Cell::Count(x) => number::plain(*x, 0),
                Cell::Rate(r) => number::plain(100.0 * r, 2),
                Cell::Pace(x) => number::plain(*x, 1),
            })
            .collect();
        let _ = writer.write_record(&cells);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    let mut text = String::from(BOM);
    text.push_str(&String::from_utf8_lossy(&bytes));
    text
}
