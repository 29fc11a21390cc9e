//! The sweep as a table and a curve (terminal and Markdown) and as JSON.

use comfy_table::{Cell, CellAlignment, ContentArrangement, Table, presets};

use crate::report::terminal::{Plain, fit, line};
use serde_json::{Map, Value};

use super::{Point, Vary};
use crate::number;
use crate::report::words;
use crate::text::Lang;

/// Width of the longest bar of a curve, in characters.
const BAR_WIDTH: usize = 40;

/// One row of the table: the figures of one value.
struct Row<'a> {
    value: String,
    feasible: bool,
    installed: f64,
    rate: f64,
    cost: f64,
    teams: &'a [u64],
    below_target: usize,
    below_floor: Option<usize>,
    target_rate: f64,
    target_reached: bool,
}

fn rows(points: &[Point], lang: Lang) -> Vec<Row<'_>> {
    points
        .iter()
        .map(|p| {
            let s = &p.summary;
            Row {
                value: shown_value(&p.value, lang),
                feasible: s.meets_scenario,
                installed: s.installed,
                rate: s.rate,
                cost: s.cost,
                teams: &s.teams,
                below_target: s.below_target,
                below_floor: s.below_floor,
                target_rate: s.target_rate,
                target_reached: s.target_reached,
            }
        })
        .collect()
}

/// A value as written for `--set`, a number with its thousands grouped and the decimal comma
/// in Vietnamese (`100.000.000`, `0,41`; trial 13f J5: a budget of nine zeros to count).
fn shown_value(value: &str, lang: Lang) -> String {
    number::as_written(lang, value).unwrap_or_else(|| match lang {
        Lang::Vi if value.parse::<f64>().is_ok() => value.replace('.', ","),
        _ => value.to_string(),
    })
}

/// Whether the value's plan keeps every constraint: the plan's own word for it ("khả thi",
/// its "KHÔNG KHẢ THI"), never the target's "đạt" (trial 13g K7).
fn status_words(feasible: bool, lang: Lang) -> &'static str {
    match (feasible, lang) {
        (true, Lang::Vi) => "khả thi",
        (true, Lang::En) => "feasible",
        (false, Lang::Vi) => "không khả thi",
        (false, Lang::En) => "infeasible",
    }
}

/// The target's verdict as the plan prints it: `40% — ĐẠT` / `40% — not reached`.
fn target_words(r: &Row, lang: Lang) -> String {
    let verdict = if r.target_reached {
        words::REACHED
    } else {
        words::NOT_REACHED
    };
    format!(
        "{} — {}",
        number::percent_short(lang, r.target_rate),
        verdict.get(lang)
    )
}

/// The rate as the plan prints it: two decimals, or as many more as tell a rate short of the
/// target apart from it (never 40,00% beside "not reached").
fn rate_words(r: &Row, lang: Lang) -> String {
    if r.target_reached {
        number::percent(lang, r.rate)
    } else {
        number::percent_beside(lang, r.rate, r.target_rate)
    }
}

/// The table's header and cells, shared by the terminal and Markdown.
fn table_cells(vary: &Vary, points: &[Point], lang: Lang) -> (Vec<String>, Vec<Vec<String>>) {
    let rows = rows(points, lang);
    let kinds: Vec<String> = points
        .first()
        .map(|p| p.summary.team_kinds.clone())
        .unwrap_or_default();
    let with_floor = rows.iter().any(|r| r.below_floor.is_some());
    let mut header = vec![
        words::capitalize(&words::key_name(lang, &vary.key)),
        lang.pick("Phương án", "Plan").to_string(),
        lang.pick("Đạt mục tiêu", "Target reached").to_string(),
        lang.pick("Lượt cài dự kiến", "Projected installs")
            .to_string(),
        lang.pick("Tỷ lệ", "Rate").to_string(),
        lang.pick("Thêm (điểm %)", "Gain (points)").to_string(),
        lang.pick("Chi phí (đ)", "Cost (VND)").to_string(),
        lang.pick("Chi phí mỗi điểm thêm (đ)", "Cost per extra point (VND)")
            .to_string(),
    ];
    for kind in &kinds {
        header.push(words::kind_heading(lang, kind));
    }
    header.push(
        lang.pick("Huyện dưới mục tiêu", "Districts below target")
            .to_string(),
    );
    if with_floor {
        header.push(
            lang.pick("Huyện dưới mức sàn", "Districts below floor")
                .to_string(),
        );
    }
    let mut cells = Vec::with_capacity(rows.len());
    for (i, r) in rows.iter().enumerate() {
        let previous = i.checked_sub(1).map(|j| &rows[j]);
        // the difference of the rates as printed, so that the column adds up as read
        let points_up = previous.map(|p| printed_points(r.rate) - printed_points(p.rate));
        let cost_up = previous.map(|p| r.cost - p.cost);
        let mut line = vec![
            r.value.clone(),
            status_words(r.feasible, lang).to_string(),
            target_words(r, lang),
            number::count(lang, r.installed),
            rate_words(r, lang),
            points_up.map_or_else(
                || "—".to_string(),
                |d| signed(number::decimal(lang, d.abs(), 2), d),
            ),
            number::count(lang, r.cost),
            // only between two plans that meet the scenario: an infeasible one is a best effort
            match (points_up, cost_up, previous) {
                // a gain that prints as at least 0,01 point, bought at a higher cost
                (Some(d), Some(c), Some(p))
                    if d >= 0.005 && c > 0.0 && r.feasible && p.feasible =>
                {
                    number::count(lang, c / d)
                }
                _ => "—".to_string(),
            },
        ];
        for t in r.teams {
            line.push(number::count(lang, *t as f64));
        }
        line.push(number::count(lang, r.below_target as f64));
        if with_floor {
            line.push(number::count(lang, r.below_floor.unwrap_or(0) as f64));
        }
        cells.push(line);
    }
    (header, cells)
}

/// A rate in percentage points as [`number::percent`] prints it (two decimals): `0.43805`
/// prints 43,81% and gives 43.81.
fn printed_points(rate: f64) -> f64 {
    let shown = number::percent(Lang::En, rate);
    shown
        .trim_end_matches('%')
        .replace(',', "")
        .parse()
        .unwrap_or(rate * 100.0)
}

fn signed(text: String, value: f64) -> String {
    // a change that rounds to 0,00 has no sign
    if text.chars().all(|c| matches!(c, '0' | ',' | '.')) {
        text
    } else if value < 0.0 {
        format!("−{text}")
    } else {
        format!("+{text}")
    }
}

/// A horizontal bar chart of `values`, scaled between `lo` and `hi`, one line per label.
fn bars(labels: &[String], values: &[f64], lo: f64, hi: f64, shown: &[String]) -> String {
    let width = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let mut out = String::new();
    for ((label, v), text) in labels.iter().zip(values).zip(shown) {
        let share = if hi > lo {
            ((v - lo) / (hi - lo)).clamp(0.0, 1.0)
        } else {
            1.0
        };
        let eighths = (share * (BAR_WIDTH * 8) as f64).round() as usize;
        let mut bar = "█".repeat(eighths / 8);
        let partial = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'][eighths % 8];
        if partial != ' ' {
            bar.push(partial);
        }
        let pad = BAR_WIDTH + 1 - bar.chars().count();
        let label_pad = width - label.chars().count();
        out.push_str(&format!(
            "  {}{label} │{bar}{} {text}\n",
            " ".repeat(label_pad),
            " ".repeat(pad)
        ));
    }
    out
}

/// The curves: projected rate and cost against the varied value.
fn curves(vary: &Vary, points: &[Point], lang: Lang) -> String {
    let rows = rows(points, lang);
    let labels: Vec<String> = rows.iter().map(|r| r.value.clone()).collect();
    let rates: Vec<f64> = rows.iter().map(|r| r.rate).collect();
    let costs: Vec<f64> = rows.iter().map(|r| r.cost).collect();
    let lo = (rates.iter().copied().fold(f64::INFINITY, f64::min) * 100.0).floor() / 100.0;
    let hi = (rates.iter().copied().fold(f64::NEG_INFINITY, f64::max) * 100.0).ceil() / 100.0;
    let hi = if hi <= lo { lo + 0.01 } else { hi };
    // a value whose scenario cannot be met is drawn with its best plan, and marked
    let mark = |r: &Row, text: String| {
        if r.feasible {
            text
        } else {
            format!("{text} ✗")
        }
    };
    let rate_text: Vec<String> = rows.iter().map(|r| mark(r, rate_words(r, lang))).collect();
    let cost_hi = costs.iter().copied().fold(0.0, f64::max);
    let cost_text: Vec<String> = rows
        .iter()
        .map(|r| mark(r, number::money(lang, r.cost)))
        .collect();
    let mut out = String::new();
    out.push_str(&format!(
        "{} {} ({} {} … {}):\n",
        lang.pick(
            "Tỷ lệ cài dự kiến của tỉnh theo",
            "Projected provincial rate by"
        ),
        words::key_name(lang, &vary.key),
        lang.pick("thang", "scale"),
        number::percent_short(lang, lo),
        number::percent_short(lang, hi),
    ));
    out.push_str(&bars(&labels, &rates, lo, hi, &rate_text));
    out.push('\n');
    out.push_str(&format!(
        "{} {} ({} 0 … {}):\n",
        lang.pick("Chi phí theo", "Cost by"),
        words::key_name(lang, &vary.key),
        lang.pick("thang", "scale"),
        number::money(lang, cost_hi),
    ));
    out.push_str(&bars(&labels, &costs, 0.0, cost_hi, &cost_text));
    // districts short of their floor when floors are set, else short of the target
    let with_floor = rows.iter().any(|r| r.below_floor.is_some());
    let below: Vec<f64> = rows
        .iter()
        .map(|r| {
            if with_floor {
                r.below_floor.unwrap_or(0) as f64
            } else {
                r.below_target as f64
            }
        })
        .collect();
    let districts = points.first().map_or(0, |p| p.summary.districts);
    let below_text: Vec<String> = rows
        .iter()
        .zip(&below)
        .map(|(r, n)| mark(r, number::count(lang, *n)))
        .collect();
    out.push('\n');
    out.push_str(&format!(
        "{} {} ({} 0 … {}):\n",
        if with_floor {
            lang.pick(
                "Số huyện dưới mức sàn theo",
                "Districts below their floor by",
            )
        } else {
            lang.pick(
                "Số huyện dưới mục tiêu theo",
                "Districts below the target by",
            )
        },
        words::key_name(lang, &vary.key),
        lang.pick("thang", "scale"),
        number::count(lang, districts as f64),
    ));
    out.push_str(&bars(&labels, &below, 0.0, districts as f64, &below_text));
    out.push_str(&why_not(&rows, points, lang));
    out
}

/// The values whose plans are shown as a line at most: beyond, the count of the rest.
const WHY_NOT_SHOWN: usize = 12;

/// What the ✗ marks mean, and why each value cannot be met, from its plan's diagnosis (a
/// rule's minimums, too few teams, the budget...): never a guess such as "short of the
/// target" for a plan that reaches the target but not a rule's minimums (issue 13 item 8).
fn why_not(rows: &[Row], points: &[Point], lang: Lang) -> String {
    let unmet: Vec<(&Row, &Point)> = rows
        .iter()
        .zip(points)
        .filter(|(r, _)| !r.feasible)
        .collect();
    if unmet.is_empty() {
        return String::new();
    }
    let mut out = lang
        .pick(
            "\n✗ không khả thi: vẽ phương án tốt nhất có thể. Vì sao:\n",
            "\n✗ cannot be met: drawn with the best reachable plan. Why:\n",
        )
        .to_string();
    for (row, point) in unmet.iter().take(WHY_NOT_SHOWN) {
        let why = point
            .summary
            .why
            .as_ref()
            .map_or(&[][..], |why| match lang {
                Lang::Vi => &why[0],
                Lang::En => &why[1],
            });
        out.push_str(&format!("  {}: {}\n", row.value, why.join("; ")));
    }
    if unmet.len() > WHY_NOT_SHOWN {
        let more = number::count(lang, (unmet.len() - WHY_NOT_SHOWN) as f64);
        out.push_str(&match lang {
            Lang::Vi => format!("  … và {more} giá trị khác (đầy đủ trong --format json)\n"),
            Lang::En => format!("  … and {more} more values (all of them in --format json)\n"),
        });
    }
    out
}

/// The key in words, and as typed once where the words are not the key.
fn key_shown(key: &str, lang: Lang) -> String {
    let words = words::key_name(lang, key);
    if words == key {
        key.to_string()
    } else {
        format!("{words} ({key})")
    }
}

fn title(scenario: &str, vary: &Vary, lang: Lang) -> String {
    format!(
        "{} — {} {} = {} … {} ({} {})",
        scenario,
        lang.pick("thay đổi", "varying"),
        key_shown(&vary.key, lang),
        vary.values
            .first()
            .map_or_else(String::new, |v| shown_value(v, lang)),
        vary.values
            .last()
            .map_or_else(String::new, |v| shown_value(v, lang)),
        number::count(lang, vary.values.len() as f64),
        lang.pick(
            "giá trị",
            if vary.values.len() == 1 {
                "value"
            } else {
                "values"
            }
        ),
    )
}

fn scenario_name(points: &[Point]) -> &str {
    points.first().map_or("", |p| p.summary.scenario.as_str())
}

/// The sweep for the terminal: a title, the table, the curves; the table fits `width` columns
/// when it is given (as stacked tables, each repeating the value swept).
pub fn render_text(vary: &Vary, points: &[Point], lang: Lang, width: Option<usize>) -> String {
    let (header, cells) = table_cells(vary, points, lang);
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled)
        .force_no_tty()
        .set_header(header.iter().map(Cell::new));
    for line in &cells {
        table.add_row(line.iter().enumerate().map(|(i, c)| {
            let cell = Cell::new(c);
            if i >= 3 {
                cell.set_alignment(CellAlignment::Right)
            } else {
                cell
            }
        }));
    }
    let widest = table
        .to_string()
        .lines()
        .map(unicode_width::UnicodeWidthStr::width)
        .max()
        .unwrap_or(0);
    let table = match width {
        Some(w) if widest > w => {
            let numeric: Vec<bool> = (0..header.len()).map(|i| i >= 2).collect();
            let plain = Plain {
                header: &header,
                rows: cells.iter().map(Vec::as_slice).collect(),
                numeric: &numeric,
            };
            let all = (1..header.len()).collect();
            fit(&plain, &[(String::new(), all)], width, lang)
        }
        _ => table.to_string(),
    };
    let mut out = String::new();
    line(
        &mut out,
        width,
        "",
        "",
        &title(scenario_name(points), vary, lang),
    );
    out.push('\n');
    out.push_str(&table);
    out.push_str("\n\n");
    out.push_str(&curves(vary, points, lang));
    out
}

/// The sweep in Markdown: a heading, the table, the curves in a code block.
pub fn render_markdown(vary: &Vary, points: &[Point], lang: Lang) -> String {
    let (header, cells) = table_cells(vary, points, lang);
    // a Markdown cell is one line (a heading broken for the terminal is joined again), and a
    // name from the scenario is text, never a link or emphasis (trial 13f J37)
    let escape = |s: &str| crate::report::markdown::inline(&s.replace('\n', " "));
    let mut out = format!(
        "# {}\n\n",
        escape(&title(scenario_name(points), vary, lang))
    );
    out.push_str(&format!(
        "| {} |\n",
        header
            .iter()
            .map(|h| escape(h))
            .collect::<Vec<_>>()
            .join(" | ")
    ));
    out.push_str(&format!(
        "|{}\n",
        header
            .iter()
            .enumerate()
            .map(|(i, _)| if i >= 2 { " ---: |" } else { " --- |" })
            .collect::<String>()
    ));
    for line in &cells {
        out.push_str(&format!(
            "| {} |\n",
            line.iter()
                .map(|c| escape(c))
                .collect::<Vec<_>>()
                .join(" | ")
        ));
    }
    out.push_str("\n```\n");
    out.push_str(&curves(vary, points, lang));
    out.push_str("```\n");
    out
}

/// The sweep as JSON: one `{ "value", "status", "province" }` per value, `province` exactly as
/// in the plan JSON of `campaign plan --set KEY=VALUE`.
pub fn render_json(points: &[Point]) -> String {
    let list: Vec<Value> = points
        .iter()
        .map(|p| {
            let mut m = Map::new();
            let value = p
                .value
                .parse::<i64>()
                .map(Value::from)
                .or_else(|_| p.value.parse::<f64>().map(Value::from))
                .unwrap_or_else(|_| Value::String(p.value.clone()));
            m.insert("value".into(), value);
            m.insert("status".into(), p.summary.status.clone());
            m.insert("province".into(), p.summary.province.clone());
            Value::Object(m)
        })
        .collect();
    let mut text =
        serde_json::to_string_pretty(&Value::Array(list)).expect("a JSON value serialises");
    text.push('\n');
    text
}
