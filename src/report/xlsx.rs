//! The plan as an Excel workbook: the province summary and the district table (the CSV's),
//! both with numbers as numbers and number formats, and every district's directives. Figures are the
//! plan's exact values; the number formats round them on screen as the reports do.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format as CellFormat, Workbook, XlsxError};

use crate::plan::Plan;
use crate::report::content::{self, Figure};
use crate::report::csv::{self, Cell};
use crate::report::{diagnosis, notices, words};
use crate::text::Lang;

use words::Label;

pub(crate) const PROVINCE_SHEET: Label = Label("Tỉnh", "Province");
pub(crate) const DISTRICTS_SHEET: Label = Label("Huyện", "Districts");
pub(crate) const DIRECTIVES_SHEET: Label = Label("Chỉ đạo", "Directives");

const NUMBER: Label = Label("STT", "No.");
/// The Province sheet's third column: a count's rate, or the target's verdict.
const RATE_OR_VERDICT: Label = Label("Tỷ lệ / kết quả", "Rate / verdict");
const PRIORITY: Label = Label("Mức ưu tiên", "Priority");
const ACTION: Label = Label("Việc cần làm", "Action");
const EXPECTED_INSTALLS: Label = Label("Dự kiến cài thêm", "Expected installs");

/// Renders `plan` as the bytes of an `.xlsx` file.
pub fn render(plan: &Plan, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    // A fixed creation date keeps the bytes the same from run to run.
    let created = ExcelDateTime::from_ymd(2020, 1, 1)?;
    workbook.set_properties(
        &DocProperties::new()
            .set_title(content::title(plan, lang))
            .set_creation_datetime(&created),
    );
    let formats = Formats::new();
    province_sheet(&mut workbook, plan, lang, &formats)?;
    districts_sheet(&mut workbook, plan, lang, &formats)?;
    directives_sheet(&mut workbook, plan, lang, &formats)?;
    workbook.save_to_buffer()
}

/// The cell formats the sheets share.
struct Formats {
    bold: CellFormat,
    heading: CellFormat,
    count: CellFormat,
    rate: CellFormat,
    pace: CellFormat,
    count_bold: CellFormat,
    pace_bold: CellFormat,
    rate_bold: CellFormat,
}

impl Formats {
    fn new() -> Formats {
        let bold = CellFormat::new().set_bold();
        let heading = CellFormat::new()
            .set_bold()
            .set_text_wrap()
            .set_background_color("#EEEEEE");
        let count = CellFormat::new().set_num_format("#,##0");
        let rate = CellFormat::new().set_num_format("0.00%");
        let pace = CellFormat::new().set_num_format("#,##0.0");
        let count_bold = count.clone().set_bold();
        let pace_bold = pace.clone().set_bold();
        let rate_bold = rate.clone().set_bold();
        Formats {
            bold,
            heading,
            count,
            rate,
            pace,
            count_bold,
            pace_bold,
            rate_bold,
        }
    }
}

/// Tỉnh / Province: the summary as the reports word it.
fn province_sheet(
    workbook: &mut Workbook,
    plan: &Plan,
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    let Formats {
        bold,
        heading,
        count,
        rate,
        ..
    } = f;
    let sheet = workbook.add_worksheet();
    sheet.set_name(PROVINCE_SHEET.get(lang))?;
    sheet.write_string_with_format(0, 0, content::title(plan, lang), bold)?;
    sheet.write_string(1, 0, content::as_of(plan, lang))?;
    sheet.write_string_with_format(3, 0, words::ITEM.get(lang), heading)?;
    sheet.write_string_with_format(3, 1, words::VALUE.get(lang), heading)?;
    sheet.write_string_with_format(3, 2, RATE_OR_VERDICT.get(lang), heading)?;
    let money = CellFormat::new().set_num_format(format!("#,##0 \"{}\"", lang.pick("đ", "VND")));
    let days = |n: u32| {
        let unit = match (lang, n) {
            (Lang::Vi, _) => "ngày",
            (Lang::En, 1) => "day",
            (Lang::En, _) => "days",
        };
        CellFormat::new().set_num_format(format!("0 \"{unit}\""))
    };
    // a rate set by policy with the decimals it was written with, as the other reports print it
    let policy_rate =
        |r: f64| match crate::number::places_needed(r * 100.0, crate::number::POLICY_PLACES) {
            0 => CellFormat::new().set_num_format("0%"),
            1 | 2 => rate.clone(),
            places => CellFormat::new().set_num_format(format!("0.{}%", "0".repeat(places))),
        };
    let figures = content::summary_figures(plan, lang);
    let mut below = 4 + figures.len() as u32 + 1;
    for (i, (label, figure)) in figures.into_iter().enumerate() {
        let row = 4 + i as u32;
        sheet.write_string(row, 0, label)?;
        match figure {
            Figure::Count(x) => sheet.write_number_with_format(row, 1, shown::count(x), count)?,
            Figure::CountAndRate(x, r) | Figure::CountAndRateApart(x, r, _) => {
                sheet.write_number_with_format(row, 1, shown::count(x), count)?;
                sheet.write_number_with_format(row, 2, shown::rate(r), rate)?
            }
            Figure::RateAndText(r, text) => {
                sheet.write_number_with_format(row, 1, r, &policy_rate(r))?;
                sheet.write_string(row, 2, text)?
            }
            Figure::Rate(r) => sheet.write_number_with_format(row, 1, r, &policy_rate(r))?,
            Figure::Money(x) => sheet.write_number_with_format(row, 1, shown::count(x), &money)?,
            Figure::Days(n) => sheet.write_number_with_format(row, 1, n as f64, &days(n))?,
            Figure::Text(text) => sheet.write_string(row, 1, text)?,
        };
    }
    // below the table, the lines the other reports print under the summary: why the scenario
    // cannot be met, and (with coverage history) the districts on track
    if let Some(sentences) = diagnosis::of_plan(plan, lang) {
        sheet.write_string_with_format(below, 0, words::WHY_INFEASIBLE.get(lang), bold)?;
        below += 1;
        for sentence in sentences {
            sheet.write_string(below, 0, sentence)?;
            below += 1;
        }
        below += 1;
    }
    let notes = notices::sentences(plan, lang);
    if !notes.is_empty() {
        sheet.write_string_with_format(below, 0, words::NOTICES.get(lang), bold)?;
        below += 1;
        for sentence in notes {
            sheet.write_string(below, 0, sentence)?;
            below += 1;
        }
        below += 1;
    }
    if let Some(line) = content::on_track(plan, lang) {
        sheet.write_string(below, 0, line)?;
    }
    sheet.set_column_width(0, 34)?;
    sheet.set_column_width(1, 20)?;
    sheet.set_column_width(2, 16)?;
    Ok(())
}

/// Huyện / Districts: the CSV table, numbers as numbers.
fn districts_sheet(
    workbook: &mut Workbook,
    plan: &Plan,
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    let Formats {
        bold,
        heading,
        count,
        rate,
        pace,
        count_bold,
        pace_bold,
        rate_bold,
        ..
    } = f;
    let table = csv::table(plan, lang);
    let date_format = CellFormat::new().set_num_format("dd/mm/yyyy");
    let date_bold = date_format.clone().set_bold();
    let sheet = workbook.add_worksheet();
    sheet.set_name(DISTRICTS_SHEET.get(lang))?;
    for (col, text) in table.header.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, text, heading)?;
    }
    let last = table.rows.len().saturating_sub(1);
    for (i, cells) in table.rows.iter().enumerate() {
        let row = 1 + i as u32;
        let total = i == last;
        for (col, cell) in cells.iter().enumerate() {
            let col = col as u16;
            match (cell, total) {
                (Cell::Text(t), false) => sheet.write_string(row, col, t)?,
                (Cell::Text(t), true) => sheet.write_string_with_format(row, col, t, bold)?,
                (Cell::Count(x), false) => {
                    sheet.write_number_with_format(row, col, shown::count(*x), count)?
                }
                (Cell::Count(x), true) => {
                    sheet.write_number_with_format(row, col, shown::count(*x), count_bold)?
                }
                (Cell::Rate(r), false) => {
                    sheet.write_number_with_format(row, col, shown::rate(*r), rate)?
                }
                (Cell::Rate(r), true) => {
                    sheet.write_number_with_format(row, col, shown::rate(*r), rate_bold)?
                }
                (Cell::Pace(x), false) => {
                    sheet.write_number_with_format(row, col, shown::pace(*x), pace)?
                }
                (Cell::Pace(x), true) => {
                    sheet.write_number_with_format(row, col, shown::pace(*x), pace_bold)?
                }
                // a date cell, shown day first as in Vietnam; a date not written y-m-d as text
                (Cell::Date(d), total) => match excel_date(d) {
                    Some(date) => {
                        let format = if total { &date_bold } else { &date_format };
                        sheet.write_datetime_with_format(row, col, &date, format)?
                    }
                    None => sheet.write_string(row, col, d)?,
                },
            };
        }
    }
    sheet.set_column_width(0, 24)?;
    for col in 1..table.header.len() as u16 {
        sheet.set_column_width(col, 13)?;
    }
    sheet.set_freeze_panes(1, 1)?;
    Ok(())
}

/// `2020-09-01` as an Excel date.
fn excel_date(iso: &str) -> Option<ExcelDateTime> {
    let mut parts = iso.splitn(3, '-').map(str::parse::<u16>);
    let (Some(Ok(y)), Some(Ok(m)), Some(Ok(d))) = (parts.next(), parts.next(), parts.next()) else {
        return None;
    };
    ExcelDateTime::from_ymd(y, u8::try_from(m).ok()?, u8::try_from(d).ok()?).ok()
}

/// Chỉ đạo / Directives: one row per directive, in each district's printed order.
fn directives_sheet(
    workbook: &mut Workbook,
    plan: &Plan,
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    let Formats { heading, count, .. } = f;
    let sheet = workbook.add_worksheet();
    sheet.set_name(DIRECTIVES_SHEET.get(lang))?;
    let header = [
        words::DISTRICT.get(lang).replace('\n', " "),
        NUMBER.get(lang).to_string(),
        PRIORITY.get(lang).to_string(),
        ACTION.get(lang).to_string(),
        words::UNIT.get(lang).to_string(),
        words::TEAMS.get(lang).to_string(),
        EXPECTED_INSTALLS.get(lang).to_string(),
    ];
    for (col, text) in header.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, text, heading)?;
    }
    let wrap = CellFormat::new().set_text_wrap();
    let mut row = 1u32;
    for district in &plan.districts {
        let mut sorted: Vec<_> = district.directives.iter().collect();
        sorted.sort_by_key(|d| d.priority); // as content::directives orders them
        for (n, (directive, item)) in sorted
            .into_iter()
            .zip(content::directives(district, lang))
            .enumerate()
        {
            sheet.write_string(row, 0, &district.name)?;
            sheet.write_number(row, 1, (n + 1) as f64)?;
            sheet.write_number(row, 2, directive.priority as f64)?;
            sheet.write_string_with_format(row, 3, &item.action, &wrap)?;
            sheet.write_string_with_format(row, 4, &item.unit, &wrap)?;
            if let Some(teams) = &item.teams {
                sheet.write_string(row, 5, teams)?;
            }
            if let Some(x) = item.installs {
                sheet.write_number_with_format(row, 6, x, count)?;
            }
            row += 1;
        }
        // the fixed installs of rules that the directives do not show (content::rule_installs)
        for (text, counted) in content::rule_installs(district, lang) {
            sheet.write_string(row, 0, &district.name)?;
            sheet.write_string_with_format(row, 3, &text, &wrap)?;
            sheet.write_number_with_format(row, 6, counted, count)?;
            row += 1;
        }
    }
    for (col, width) in [24, 6, 11, 70, 30, 30, 16].into_iter().enumerate() {
        sheet.set_column_width(col as u16, width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

/// Each figure as its cell's format shows it (issue 13 item 10): a cell formatted `#,##0` holds
/// 218781, not 218781.275, so that a reader who adds cells or copies one finds the figure
/// printed, as in every other report. Rounded as `crate::number` rounds.
mod shown {
    /// A whole number (`#,##0`, and money).
    pub fn count(x: f64) -> f64 {
        x.round()
    }

    /// A rate to two decimals of a percent (`0.00%`).
    pub fn rate(r: f64) -> f64 {
        (r * 10_000.0).round() / 10_000.0
    }

    /// A pace to one decimal (`#,##0.0`).
    pub fn pace(x: f64) -> f64 {
        (x * 10.0).round() / 10.0
    }
}
