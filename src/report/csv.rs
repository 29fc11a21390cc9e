//! The district table for spreadsheets: one row per district and a province total, the same
//! columns as the human reports' table plus the number of directives. CSV writes it with plain
//! numbers (a decimal point, no grouping) and a byte-order mark so that Excel reads the
//! Vietnamese names as UTF-8; the workbook (`xlsx`) writes the same cells as numbers.

use crate::number;
use crate::plan::Plan;
use crate::report::{content, words};
use crate::text::Lang;

/// UTF-8's byte-order mark: without it Excel opens a CSV in the machine's legacy code page.
const BOM: &str = "\u{feff}";

/// The heading of the last column.
pub(crate) const DIRECTIVES_COUNT: words::Label = words::Label("Số việc cần làm", "Directives");

/// The heading of the unit-type column, as `campaign import` reads it
/// ([`crate::model::UnitType::is_heading`]).
pub(crate) const UNIT_TYPE: words::Label = words::Label("Loại đơn vị", "Unit type");

/// The heading of the on-track column (coverage history only).
pub(crate) const ON_TRACK: words::Label = words::Label(
    "Đạt mục tiêu theo tốc độ hiện tại",
    "On track at the current pace",
);

pub(crate) use content::Cell;

/// The heading of a local kind's stationed teams: `Tổ xã hiện có` / `Commune teams stationed`,
/// beside the plan's allocation (`Tổ xã` / `Commune teams`). `campaign import` reads a plan's
/// teams from this column, never from the allocation (trial 13d G20).
pub(crate) fn stationed_heading(lang: Lang, kind: &str) -> String {
    format!(
        "{} {}",
        words::capitalize(&words::kind_name(lang, kind)),
        lang.pick("hiện có", "stationed")
    )
}

/// The table: headings (one line each) and the rows, the province total last.
pub(crate) struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// The district table of `plan`: the human reports' figures, districts in scenario order, then
/// the total; before the teams the plan allocates, the teams of each local kind stationed in
/// each district (the scenario's `teams`, which a plan that leaves some unused does not show);
/// with coverage history whether each district is on track at its pace; and the number of
/// directives.
pub(crate) fn table(plan: &Plan, lang: Lang) -> Table {
    let mut figures = content::figures(plan, lang);
    // the human reports' headings, on one line each
    let mut header: Vec<String> = figures
        .header
        .iter()
        .map(|h| h.replace('\n', " "))
        .collect();
    // the stationed teams go right before the allocation's first kind
    let local: Vec<&str> = plan
        .team_kinds
        .iter()
        .filter(|k| k.scope == crate::model::Scope::Local)
        .map(|k| k.name.as_str())
        .collect();
    let at = plan.team_kinds.first().map_or(header.len(), |k| {
        figures
            .header
            .iter()
            .position(|h| *h == words::kind_heading(lang, &k.name))
            .unwrap_or(header.len())
    });
    let stationed = |d: &crate::plan::DistrictPlan, kind: &str| {
        d.allocation
            .iter()
            .find(|a| a.kind == kind)
            .and_then(|a| a.stationed)
            .unwrap_or(0)
    };
    for (i, kind) in local.iter().enumerate() {
        header.insert(at + i, stationed_heading(lang, kind));
        for (cells, d) in figures.rows.iter_mut().zip(&plan.districts) {
            cells.insert(at + i, Cell::Count(f64::from(stationed(d, kind))));
        }
        let total: f64 = plan
            .districts
            .iter()
            .map(|d| f64::from(stationed(d, kind)))
            .sum();
        figures.total.insert(at + i, Cell::Count(total));
    }
    let history = plan.districts.iter().any(|d| d.pace_per_day.is_some());
    if history {
        header.push(ON_TRACK.get(lang).to_string());
    }
    header.push(DIRECTIVES_COUNT.get(lang).to_string());
    // last, the unit type and the figures' date, so that `campaign import` of this table
    // brings both back (a name need not say its type; a clean table has no title row), and
    // the columns before them stay where programs reading the table expect them
    header.push(UNIT_TYPE.get(lang).to_string());
    header.push(words::DATA_AS_OF.get(lang).to_string());

    let yes_no = |on_track: bool| {
        Cell::Text(
            lang.pick(
                if on_track { "có" } else { "không" },
                if on_track { "yes" } else { "no" },
            )
            .to_string(),
        )
    };
    let mut rows: Vec<Vec<Cell>> = figures
        .rows
        .into_iter()
        .zip(&plan.districts)
        .map(|(mut cells, d)| {
            if history {
                cells.push(yes_no(d.on_track == Some(true)));
            }
            cells.push(Cell::Count(d.directives.len() as f64));
            let unit = lang.pick(d.unit_type.vi(), d.unit_type.en());
            cells.push(Cell::Text(unit.to_string()));
            cells.push(Cell::Date(plan.as_of.clone()));
            cells
        })
        .collect();
    let mut total = figures.total;
    if history {
        // "2/11": a text, so that the column holds answers, not a number among them
        let on_track = plan
            .districts
            .iter()
            .filter(|d| d.on_track == Some(true))
            .count();
        total.push(Cell::Text(format!("{on_track}/{}", plan.districts.len())));
    }
    let directives: usize = plan.districts.iter().map(|d| d.directives.len()).sum();
    total.push(Cell::Count(directives as f64));
    total.push(Cell::Text(String::new()));
    total.push(Cell::Date(plan.as_of.clone()));
    rows.push(total);
    Table { header, rows }
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
        // a heading holds a team kind's name as written ("=1+1 teams" in English): every cell
        // of the file is neutralised, the headings as well as the names (trial F09)
        .map(|h| crate::text::neutralise_cell(&h).into_owned())
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
                Cell::Text(t) => crate::text::neutralise_cell(t).into_owned(),
                Cell::Count(x) => number::plain(*x, 0),
                Cell::Rate(r) => number::plain(100.0 * r, 2),
                Cell::Pace(x) => number::plain(*x, 1),
                Cell::Date(d) => d.clone(),
            })
            .collect();
        let _ = writer.write_record(&cells);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    let mut text = String::from(BOM);
    text.push_str(&String::from_utf8_lossy(&bytes));
    text
}
