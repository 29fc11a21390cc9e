//! What the human formats of a comparison show, as formatted strings: `terminal` and `markdown`
//! only lay these out, so both always say the same thing.
//!
//! Scenarios are columns, named by letter (A, B, ...); every figure after A's carries its
//! difference from A in brackets, computed from the figures as printed so that the two agree.

use std::collections::{HashMap, HashSet};

use crate::compare::{Comparison, letter};
use crate::number;
use crate::plan::{DistrictPlan, Plan};
use crate::report::{diagnosis, words};
use crate::solve::Status;
use crate::text::Lang;

/// A table: a heading row, rows, whether each column holds numbers (right-aligned), and an
/// optional total row.
#[derive(Clone)]
pub struct Grid {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub numeric: Vec<bool>,
    pub total: Option<Vec<String>>,
    /// A line below the table explaining a mark in it.
    pub note: Option<String>,
}

/// `So sánh các kịch bản` / `Comparing scenarios`.
pub fn title(lang: Lang) -> &'static str {
    lang.pick("So sánh các kịch bản", "Comparing scenarios")
}

/// One line per scenario: `Kịch bản A: Lạng Sơn, 2020-09-01 (tệp scenarios/lang-son.toml)`.
/// Lines, not a table, so that a long path does not widen anything else.
pub fn scenarios(c: &Comparison, lang: Lang) -> Vec<String> {
    c.scenarios
        .iter()
        .enumerate()
        .map(|(i, s)| {
            format!(
                "{} {}: {} ({} {})",
                lang.pick("Kịch bản", "Scenario"),
                letter(i),
                s.scenario.name,
                lang.pick("tệp", "file"),
                crate::text::shown_path(&s.scenario.path)
            )
        })
        .collect()
}

/// How to read the brackets.
pub fn note(lang: Lang) -> &'static str {
    lang.pick(
        "Số trong ngoặc: chênh lệch so với kịch bản A (với tỷ lệ: điểm phần trăm).",
        "In brackets: the difference from scenario A (for rates, in percentage points).",
    )
}

/// The letters of the scenarios after A that share no district with A (another province):
/// their district rows cannot be set against A's.
pub fn unrelated(comparison: &Comparison) -> Vec<String> {
    let mut plans = comparison.plans();
    let Some(first) = plans.next() else {
        return Vec::new();
    };
    let names: std::collections::BTreeSet<&str> =
        first.districts.iter().map(|d| d.name.as_str()).collect();
    plans
        .enumerate()
        .filter(|(_, p)| {
            !p.districts.is_empty() && p.districts.iter().all(|d| !names.contains(d.name.as_str()))
        })
        .map(|(i, _)| super::letter(i + 1))
        .collect()
}

/// What is said of a scenario (`letter`) that shares no district with A.
pub fn unrelated_notice(lang: Lang, letter: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "Kịch bản {letter} không có huyện nào trùng tên với kịch bản A (có thể là tỉnh khác): \
             các chênh lệch của nó không so được theo từng huyện, chỉ so được tổng toàn tỉnh."
        ),
        Lang::En => format!(
            "Scenario {letter} shares no district with scenario A (another province?): its \
             differences are not district by district, only the province totals compare."
        ),
    }
}

/// The districts a later scenario names otherwise than A, shown under A's names
/// ([`crate::compare::Compared::pair_with`]): one sentence per such scenario, at most
/// [`RENAMED_SHOWN`] names each.
pub fn renamed_notices(comparison: &Comparison, lang: Lang) -> Vec<String> {
    comparison
        .scenarios
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.renamed.is_empty())
        .map(|(i, c)| {
            let letter = letter(i);
            let pairs: Vec<String> = c
                .renamed
                .iter()
                .take(RENAMED_SHOWN)
                .map(|(a, b)| match lang {
                    Lang::Vi => format!("\"{a}\" ghi là \"{b}\""),
                    Lang::En => format!("\"{a}\" is named \"{b}\""),
                })
                .collect();
            let more = c.renamed.len().saturating_sub(RENAMED_SHOWN);
            let more = match (lang, more) {
                (_, 0) => String::new(),
                (Lang::Vi, n) => format!(" và {} huyện khác", crate::number::count(lang, n as f64)),
                (Lang::En, n) => format!(" and {} more", crate::number::count(lang, n as f64)),
            };
            match lang {
                Lang::Vi => format!(
                    "Trong kịch bản {letter}, {}{more}: là cùng huyện, các bảng ghi theo tên của kịch bản A.",
                    pairs.join("; ")
                ),
                Lang::En => format!(
                    "In scenario {letter}, {}{more}: the same districts, shown under scenario A's names.",
                    pairs.join("; ")
                ),
            }
        })
        .collect()
}

/// The renamed districts a notice names, at most.
const RENAMED_SHOWN: usize = 10;

/// `Toàn tỉnh` / `Province`.
pub fn province_heading(lang: Lang) -> &'static str {
    words::PROVINCE.get(lang)
}

/// `Kịch bản A` / `Scenario A`, one per scenario.
fn scenario_columns(c: &Comparison, lang: Lang) -> Vec<String> {
    (0..c.scenarios.len())
        .map(|i| format!("{} {}", lang.pick("Kịch bản", "Scenario"), letter(i)))
        .collect()
}

/// The province totals side by side.
pub fn province(c: &Comparison, lang: Lang) -> Grid {
    let plans: Vec<&Plan> = c.plans().collect();
    let mut header = vec![words::ITEM.get(lang).to_string()];
    header.extend(scenario_columns(c, lang));
    let mut rows = Vec::new();
    let mut row = |label: &str, cells: Vec<String>| {
        let mut r = vec![label.to_string()];
        r.extend(cells);
        rows.push(r);
    };

    row(
        lang.pick("Dự kiến đã cài sau chiến dịch", "Projected installs"),
        side_by_side(
            &plans,
            |p| Some(p.projected_installed_as_printed()),
            |x, base| counted(lang, x, base),
        ),
    );
    // a rate short of its plan's target with as many decimals as tell it apart, as the plan
    // prints it (never 40,00% beside "not reached"; trial 13g K17)
    let rates = side_by_side(
        &plans,
        |p| Some(p.projected_rate_as_printed()),
        |x, base| rated(lang, x, base),
    )
    .into_iter()
    .zip(&plans)
    .map(|(cell, p)| {
        let rate = p.projected_rate_as_printed();
        let plain = number::percent(lang, rate);
        match cell.strip_prefix(&plain) {
            Some(rest) if !p.target_reached_as_printed() => format!(
                "{}{rest}",
                number::percent_beside(lang, rate, p.province.target_rate)
            ),
            _ => cell,
        }
    })
    .collect();
    row(lang.pick("Tỷ lệ dự kiến", "Projected rate"), rates);
    row(
        words::TARGET.get(lang),
        plans
            .iter()
            .map(|p| {
                let reached = if p.target_reached_as_printed() {
                    words::REACHED
                } else {
                    words::NOT_REACHED
                };
                format!(
                    "{} — {}",
                    number::percent_short(lang, p.province.target_rate),
                    reached.get(lang)
                )
            })
            .collect(),
    );
    if plans.iter().any(|p| p.district_floor.is_some()) {
        row(
            words::FLOOR.get(lang),
            plans
                .iter()
                .map(|p| match p.district_floor {
                    Some(floor) => number::percent_short(lang, floor),
                    None => lang.pick("không đặt", "not set").to_string(),
                })
                .collect(),
        );
    }
    row(
        words::TOTAL_COST.get(lang),
        side_by_side(
            &plans,
            |p| Some(p.cost_as_printed()),
            |x, base| {
                let text = number::money(lang, x);
                match base.and_then(|b| count_change(lang, x, b)) {
                    Some(change) => format!("{text} ({change})"),
                    None => text,
                }
            },
        ),
    );
    if plans.iter().any(|p| p.budget.is_some()) {
        row(
            words::BUDGET.get(lang),
            plans
                .iter()
                .map(|p| match p.budget {
                    Some(budget) => number::money(lang, budget),
                    None => lang.pick("không giới hạn", "no limit").to_string(),
                })
                .collect(),
        );
    }
    for kind in kinds(&plans) {
        row(
            &words::capitalize(&words::kind_name(lang, &kind)),
            side_by_side(
                &plans,
                |p| {
                    p.team_kinds.iter().any(|k| k.name == kind).then(|| {
                        p.districts
                            .iter()
                            .map(|d| f64::from(d.teams_of(&kind)))
                            .sum()
                    })
                },
                |x, base| counted(lang, x, base),
            ),
        );
    }
    row(
        words::STATUS.get(lang),
        plans.iter().map(|p| status(p, lang)).collect(),
    );
    let mut numeric = vec![true; header.len()];
    numeric[0] = false;
    Grid {
        header,
        rows,
        numeric,
        total: None,
        note: None,
    }
}

/// `Optimal plan`, `Best plan found` or `INFEASIBLE`: the verdict of `content::status`
/// without its detail, which `campaign plan` prints.
fn status(plan: &Plan, lang: Lang) -> String {
    crate::report::content::status_label(plan.status)
        .get(lang)
        .to_string()
}

/// Each infeasible scenario's diagnosis: a heading and its sentences.
pub fn infeasible(c: &Comparison, lang: Lang) -> Vec<(String, Vec<String>)> {
    c.plans()
        .enumerate()
        .filter(|(_, p)| p.status == Status::Infeasible)
        .filter_map(|(i, p)| {
            let sentences = diagnosis::of_plan(p, lang)?;
            let heading = match lang {
                Lang::Vi => format!("Vì sao kịch bản {} không khả thi", letter(i)),
                Lang::En => format!("Why scenario {} cannot be met", letter(i)),
            };
            Some((heading, sentences))
        })
        .collect()
}

/// `Theo huyện` / `By district`.
pub fn districts_heading(lang: Lang) -> &'static str {
    lang.pick("Theo huyện", "By district")
}

/// One table per measure, one row per district: teams of each kind, projected rate, cost.
pub fn districts(c: &Comparison, lang: Lang) -> Vec<(String, Grid)> {
    let plans: Vec<&Plan> = c.plans().collect();
    let names = district_names(&plans);
    let mut tables = Vec::new();
    for kind in kinds(&plans) {
        let heading = match lang {
            Lang::Vi => format!("Số {}", words::kind_name(lang, &kind)),
            Lang::En => words::capitalize(&words::kind_name(lang, &kind)),
        };
        let has_kind = |p: &Plan| p.team_kinds.iter().any(|k| k.name == kind);
        let grid = district_grid(
            c,
            lang,
            &names,
            |p, d| {
                if !has_kind(p) {
                    return None;
                }
                Some(f64::from(d.teams_of(&kind)))
            },
            |p| {
                has_kind(p).then(|| {
                    p.districts
                        .iter()
                        .map(|d| f64::from(d.teams_of(&kind)))
                        .sum()
                })
            },
            |x, base| counted(lang, x, base),
            |_| false,
        );
        tables.push((heading, grid));
    }
    let rate = district_grid(
        c,
        lang,
        &names,
        |_, d| Some(d.projected_rate_as_printed()),
        |p| Some(p.projected_rate_as_printed()),
        |x, base| rated(lang, x, base),
        DistrictPlan::below_floor,
    );
    tables.push((
        lang.pick("Tỷ lệ dự kiến sau chiến dịch", "Projected rate")
            .to_string(),
        rate,
    ));
    let cost = district_grid(
        c,
        lang,
        &names,
        |_, d| Some(d.cost),
        |p| Some(p.cost_as_printed()),
        |x, base| counted(lang, x, base),
        |_| false,
    );
    tables.push((lang.pick("Chi phí (đồng)", "Cost (VND)").to_string(), cost));
    tables
}

/// One measure per district and scenario, with the province total below; a cell whose
/// district is `marked` (below its floor) gets ` *` and the table a note saying so.
fn district_grid(
    c: &Comparison,
    lang: Lang,
    names: &[String],
    measure: impl Fn(&Plan, &DistrictPlan) -> Option<f64>,
    total: impl Fn(&Plan) -> Option<f64>,
    cell: impl Fn(f64, Option<f64>) -> String,
    marked: impl Fn(&DistrictPlan) -> bool,
) -> Grid {
    let plans: Vec<&Plan> = c.plans().collect();
    let mut header = vec![words::DISTRICT.get(lang).to_string()];
    header.extend(scenario_columns(c, lang));
    let mut any_mark = false;
    // each plan's districts by name, so that a row finds its districts in one look each
    // (a scan per row grew with the square of the districts)
    let by_name: Vec<HashMap<&str, &DistrictPlan>> = plans
        .iter()
        .map(|p| p.districts.iter().map(|d| (d.name.as_str(), d)).collect())
        .collect();
    let rows = names
        .iter()
        .map(|name| {
            let found: Vec<Option<&DistrictPlan>> = by_name
                .iter()
                .map(|index| index.get(name.as_str()).copied())
                .collect();
            let mut row = vec![name.clone()];
            let cells = side_by_side(
                &plans,
                |p| {
                    let i = plans.iter().position(|q| std::ptr::eq(*q, p))?;
                    measure(p, found[i]?)
                },
                &cell,
            );
            for (text, d) in cells.into_iter().zip(found) {
                if d.is_some_and(&marked) {
                    any_mark = true;
                    row.push(format!("{text} *"));
                } else {
                    row.push(text);
                }
            }
            row
        })
        .collect();
    let mut total_row = vec![words::TOTAL.get(lang).to_string()];
    total_row.extend(side_by_side(&plans, total, &cell));
    let mut numeric = vec![true; header.len()];
    numeric[0] = false;
    Grid {
        header,
        rows,
        numeric,
        total: Some(total_row),
        note: any_mark.then(|| {
            lang.pick(
                "* dưới mức tối thiểu của huyện",
                "* below the district's minimum",
            )
            .to_string()
        }),
    }
}

/// `What differs between the scenarios' inputs`.
pub fn inputs_heading(lang: Lang) -> &'static str {
    lang.pick(
        "Đầu vào khác nhau giữa các kịch bản",
        "What differs between the scenarios' inputs",
    )
}

/// Every input that differs: what it is, its key for `--set`, and its value in each scenario;
/// `None` when the scenarios have the same inputs.
pub fn inputs(c: &Comparison, lang: Lang) -> Option<Grid> {
    if c.differences.is_empty() {
        return None;
    }
    let mut header = vec![
        lang.pick("Đầu vào", "Input").to_string(),
        lang.pick("Khóa (--set)", "Key (--set)").to_string(),
    ];
    header.extend(scenario_columns(c, lang));
    let rows = c
        .differences
        .iter()
        .map(|d| {
            let mut row = vec![d.input.label(lang), d.input.key()];
            row.extend(d.values.iter().map(|v| d.input.format(lang, v.as_ref())));
            row
        })
        .collect();
    let numeric = vec![false; header.len()];
    Some(Grid {
        header,
        rows,
        numeric,
        total: None,
        note: None,
    })
}

/// What `--set` changed in each scenario, for the inputs section (trial F32: a setting
/// applied to every scenario made their inputs look the same, under headings that name the
/// scenarios' own values): `A: key = 10 (kịch bản: 30)`, one line per scenario it changed;
/// empty without `--set`.
pub fn set_for_run(c: &Comparison, lang: Lang) -> Vec<String> {
    let mut lines = Vec::new();
    for (i, compared) in c.scenarios.iter().enumerate() {
        let Some(notice) = compared
            .plan
            .notices
            .iter()
            .find(|n| matches!(n, crate::plan::Notice::SetForThisRun { .. }))
        else {
            continue;
        };
        if lines.is_empty() {
            lines.push(
                lang.pick(
                    "--set đã thay đổi ở mọi kịch bản cho lần chạy này:",
                    "--set changed, in every scenario, for this run:",
                )
                .to_string(),
            );
        }
        let sentence = crate::report::notices::sentence(notice, lang);
        let list = sentence
            .split_once(": ")
            .map_or(sentence.as_str(), |(_, l)| l);
        lines.push(format!("{}: {list}", super::letter(i)));
    }
    lines
}

/// `Các kịch bản có cùng đầu vào.` / `The scenarios have the same inputs.`
pub fn same_inputs(lang: Lang) -> &'static str {
    lang.pick(
        "Các kịch bản có cùng đầu vào.",
        "The scenarios have the same inputs.",
    )
}

/// One cell per plan: `cell(value, A's value)`, or `—` where the plan has no such figure.
fn side_by_side(
    plans: &[&Plan],
    value: impl Fn(&Plan) -> Option<f64>,
    cell: impl Fn(f64, Option<f64>) -> String,
) -> Vec<String> {
    let base = plans.first().and_then(|p| value(p));
    plans
        .iter()
        .enumerate()
        .map(|(i, p)| match value(p) {
            Some(x) => cell(x, if i == 0 { None } else { base }),
            None => "—".to_string(),
        })
        .collect()
}

/// `12 (+3)`: a count, and its change from `base` when there is one.
fn counted(lang: Lang, x: f64, base: Option<f64>) -> String {
    let text = number::count(lang, x);
    match base.and_then(|b| count_change(lang, x, b)) {
        Some(change) => format!("{text} ({change})"),
        None => text,
    }
}

/// `+3` / `-1.200`, from the rounded figures; `None` when they are the same.
fn count_change(lang: Lang, x: f64, base: f64) -> Option<String> {
    let change = x.round() - base.round();
    signed(number::count(lang, change), change)
}

/// `51,83% (+2,10)`: a rate, and its change from `base` in percentage points.
fn rated(lang: Lang, x: f64, base: Option<f64>) -> String {
    let text = number::percent(lang, x);
    let change = base.and_then(|b| {
        // in hundredths of a point, as printed
        let points = ((x * 10_000.0).round() - (b * 10_000.0).round()) / 100.0;
        signed(number::decimal(lang, points, 2), points)
    });
    match change {
        Some(change) => format!("{text} ({change})"),
        None => text,
    }
}

/// `+text` for a rise, `text` (already `-...`) for a fall, `None` for no change.
fn signed(text: String, change: f64) -> Option<String> {
    if change > 0.0 {
        Some(format!("+{text}"))
    } else if change < 0.0 {
        Some(text)
    } else {
        None
    }
}

/// Team kinds of every plan, each once, in the order they first appear.
fn kinds(plans: &[&Plan]) -> Vec<String> {
    first_seen(plans.iter().flat_map(|p| &p.team_kinds).map(|k| &k.name))
}

/// Districts of every plan, each once, in the order they first appear.
fn district_names(plans: &[&Plan]) -> Vec<String> {
    first_seen(plans.iter().flat_map(|p| &p.districts).map(|d| &d.name))
}

/// `names` without repeats, in the order they first appear.
fn first_seen<'a>(names: impl Iterator<Item = &'a String>) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    let mut known: HashSet<&'a str> = HashSet::new();
    for name in names {
        if known.insert(name.as_str()) {
            seen.push(name.clone());
        }
    }
    seen
}
