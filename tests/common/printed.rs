//! A printed plan read back as its reader reads it (issue 12: golden files alone accept a wrong
//! figure once the snapshot is accepted). The tables, district headings, directives and
//! diagnosis of a terminal, Markdown or HTML report are taken apart, and each figure is checked
//! against the plan it prints, written with this file's own number formats (not
//! `campaign_planner::number`), so that a wrong figure, a total that is not the sum of its rows,
//! a verdict that contradicts the rates or a formatter that goes wrong all fail here, naming
//! the figure.

use campaign_planner::plan::{DistrictPlan, Plan};
use campaign_planner::rules::Directive;
use campaign_planner::solve::{Finding, Status};
use campaign_planner::text::Lang;

// ---- numbers, as each language writes them ----

/// The thousands separator: `151.916` / `151,916`.
fn group_separator(lang: Lang) -> char {
    match lang {
        Lang::Vi => '.',
        Lang::En => ',',
    }
}

/// The decimal separator: `29,22` / `29.22`.
fn decimal_separator(lang: Lang) -> char {
    match lang {
        Lang::Vi => ',',
        Lang::En => '.',
    }
}

/// Digits grouped by three from the right.
fn grouped(lang: Lang, digits: &str) -> String {
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(group_separator(lang));
        }
        out.push(c);
    }
    out
}

/// A count rounded to the nearest whole number (halves away from zero): `151.916`, `-1.200`.
pub fn count(lang: Lang, x: f64) -> String {
    let n = x.round();
    let digits = format!("{}", n.abs() as u128);
    let sign = if n < 0.0 { "-" } else { "" };
    format!("{sign}{}", grouped(lang, &digits))
}

/// `x` with `places` decimals: `33,1`, `1.130,7`, `-2,30`.
pub fn decimal(lang: Lang, x: f64, places: usize) -> String {
    let text = format!("{:.*}", places, x.abs());
    let (whole, fraction) = match text.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (text.as_str(), None),
    };
    let zero = text.chars().all(|c| c == '0' || c == '.');
    let sign = if x < 0.0 && !zero { "-" } else { "" };
    match fraction {
        Some(f) => format!(
            "{sign}{}{}{f}",
            grouped(lang, whole),
            decimal_separator(lang)
        ),
        None => format!("{sign}{}", grouped(lang, whole)),
    }
}

/// A rate with two decimals: `29,22%` / `29.22%`.
pub fn percent(lang: Lang, rate: f64) -> String {
    format!("{}%", decimal(lang, 100.0 * rate, 2))
}

/// A rate with as few decimals (at least `least`, at most four) as keep it apart from `other`
/// (a shortfall never reads as the rate it falls short of): `33,1%` beside `35%`, `34,96%`.
pub fn percent_apart(lang: Lang, rate: f64, other: f64, least: usize) -> String {
    let mut places = least;
    while places < 4 && decimal(lang, 100.0 * rate, places) == decimal(lang, 100.0 * other, places)
    {
        places += 1;
    }
    format!("{}%", decimal(lang, 100.0 * rate, places))
}

/// A rate set by policy (a target, a floor), without trailing zeros: `40%`, `32,5%`.
pub fn policy_rate(lang: Lang, rate: f64) -> String {
    let text = decimal(lang, 100.0 * rate, 2);
    let text = text.trim_end_matches('0');
    let text = text.trim_end_matches(decimal_separator(lang));
    format!("{text}%")
}

/// Money in đồng: `29.400.000 đ` / `29,400,000 VND`.
pub fn money(lang: Lang, x: f64) -> String {
    let unit = match lang {
        Lang::Vi => "đ",
        Lang::En => "VND",
    };
    format!("{} {unit}", count(lang, x))
}

/// Installs the teams bring, as the district table prints them: `+1.649`, `0` for none.
pub fn gain(lang: Lang, x: f64) -> String {
    if x.round() > 0.0 {
        format!("+{}", count(lang, x))
    } else {
        count(lang, x)
    }
}

/// `+7.231 lượt cài` / `+7,231 installs` (`+1 install`).
pub fn installs(lang: Lang, x: f64) -> String {
    match lang {
        Lang::Vi => format!("+{} lượt cài", count(lang, x)),
        Lang::En if x.round() == 1.0 => "+1 install".to_string(),
        Lang::En => format!("+{} installs", count(lang, x)),
    }
}

/// A printed number back as a value: `+1.649` → 1649, `29,22%` → 29.22, `29.400.000 đ` →
/// 29400000, `1.130,7` → 1130.7.
pub fn parse(lang: Lang, text: &str) -> f64 {
    let bare: String = text
        .trim()
        .trim_end_matches(" đ")
        .trim_end_matches(" VND")
        .trim_end_matches('%')
        .trim_start_matches('+')
        .chars()
        .filter(|&c| c != group_separator(lang))
        .map(|c| if c == decimal_separator(lang) { '.' } else { c })
        .collect();
    bare.parse()
        .unwrap_or_else(|_| panic!("`{text}` is not a number as {lang:?} prints it"))
}

// ---- words ----

/// A team kind as a reader names it: `tổ xã`, `đội tình nguyện`, `đội lưu động` / `commune
/// teams` (`volunteer team` for one).
pub fn kind_words(lang: Lang, kind: &str, n: u32) -> String {
    match (lang, kind) {
        (Lang::Vi, "commune") => "tổ xã".to_string(),
        (Lang::Vi, "volunteer") => "đội tình nguyện".to_string(),
        (Lang::Vi, "mobile") => "đội lưu động".to_string(),
        (Lang::Vi, _) => format!("đội {kind}"),
        (Lang::En, _) if n == 1 => format!("{kind} team"),
        (Lang::En, _) => format!("{kind} teams"),
    }
}

/// `24 tổ xã` / `24 commune teams`.
pub fn teams(lang: Lang, kind: &str, n: u32) -> String {
    format!(
        "{} {}",
        count(lang, f64::from(n)),
        kind_words(lang, kind, n)
    )
}

fn pick<'a>(lang: Lang, vi: &'a str, en: &'a str) -> &'a str {
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

// ---- the printed layouts ----

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Layout {
    Terminal,
    Markdown,
    Html,
}

/// Every table row of `text` with its cells (headings without data cells left out in HTML):
/// `│ a ┆ b │` on a terminal, `| a | b |` in Markdown (bold and escapes removed),
/// `<tr><td>a</td><td>b</td></tr>` in HTML.
pub fn table_rows(text: &str, layout: Layout) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for line in text.lines() {
        match layout {
            Layout::Terminal => {
                let Some(inner) = line.strip_prefix('│').and_then(|l| l.strip_suffix('│'))
                else {
                    continue;
                };
                rows.push(inner.split('┆').map(|c| c.trim().to_string()).collect());
            }
            Layout::Markdown => {
                if !line.starts_with("| ") || line.starts_with("| ---") {
                    continue;
                }
                rows.push(markdown_cells(line));
            }
            Layout::Html => {
                if !line.starts_with("<tr") {
                    continue;
                }
                let cells: Vec<String> = line
                    .split("<td")
                    .skip(1)
                    .map(|c| {
                        let inner = &c[c.find('>').unwrap() + 1..];
                        html_text(&inner[..inner.find("</td>").unwrap()])
                    })
                    .collect();
                if !cells.is_empty() {
                    rows.push(cells);
                }
            }
        }
    }
    rows
}

/// The cells of a Markdown table line, split on unescaped `|`, unescaped, bold removed.
fn markdown_cells(line: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut escaped = false;
    for c in line.trim().trim_start_matches('|').chars() {
        match (escaped, c) {
            (false, '\\') => escaped = true,
            (false, '|') => {
                cells.push(cell.trim().trim_matches('*').to_string());
                cell.clear();
            }
            _ => {
                escaped = false;
                cell.push(c);
            }
        }
    }
    cells
}

/// Markdown text with its escapes removed.
fn markdown_text(text: &str) -> String {
    let mut out = String::new();
    let mut escaped = false;
    for c in text.chars() {
        if !escaped && c == '\\' {
            escaped = true;
        } else {
            escaped = false;
            out.push(c);
        }
    }
    out
}

/// HTML text with the entities the printer writes decoded.
fn html_text(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The one row whose first cell is `first`.
#[track_caller]
pub fn row<'a>(rows: &'a [Vec<String>], first: &str) -> &'a [String] {
    let found: Vec<&Vec<String>> = rows.iter().filter(|r| r[0] == first).collect();
    assert_eq!(
        found.len(),
        1,
        "rows starting with `{first}`: {found:?} (of {rows:#?})"
    );
    found[0]
}

/// What is printed under one district's heading: the heading, the paragraphs before its
/// directives (the pace, the district's own floor), and the numbered directives.
#[derive(Debug)]
pub struct Block {
    pub heading: String,
    pub paragraphs: Vec<String>,
    pub items: Vec<Item>,
}

/// One numbered directive: its number as printed, its action, and its labelled details
/// (`Đơn vị thực hiện: …`, `Lực lượng: …`, `Dự kiến: …`).
#[derive(Debug)]
pub struct Item {
    pub number: usize,
    pub action: String,
    pub details: Vec<(String, String)>,
}

impl Item {
    pub fn detail(&self, label: &str) -> Option<&str> {
        self.details
            .iter()
            .find(|(l, _)| l == label)
            .map(|(_, v)| v.as_str())
    }
}

/// `12. text` → (12, `text`).
fn numbered(line: &str) -> Option<(usize, &str)> {
    let (n, rest) = line.trim_start().split_once(". ")?;
    Some((n.parse().ok()?, rest))
}

/// The block under the district heading that starts with `name (`.
#[track_caller]
pub fn block(text: &str, layout: Layout, name: &str) -> Block {
    let start = format!("{name} (");
    match layout {
        Layout::Terminal | Layout::Markdown => {
            let heading_of = |line: &str| -> Option<String> {
                let heading = match layout {
                    Layout::Terminal => line.to_string(),
                    _ => markdown_text(line.strip_prefix("### ")?),
                };
                heading.starts_with(&start).then_some(heading)
            };
            let mut lines = text.lines();
            let heading = lines
                .by_ref()
                .find_map(heading_of)
                .unwrap_or_else(|| panic!("no heading for {name}:\n{text}"));
            let mut block = Block {
                heading,
                paragraphs: Vec::new(),
                items: Vec::new(),
            };
            for line in lines {
                let ends = match layout {
                    Layout::Terminal => line.is_empty(),
                    _ => line.starts_with('#'),
                };
                if ends {
                    break;
                }
                if line.is_empty() {
                    continue;
                }
                let line = match layout {
                    Layout::Terminal => line.to_string(),
                    _ => markdown_text(line),
                };
                let detail = match layout {
                    Layout::Terminal => line.starts_with("     ").then(|| line.trim()),
                    _ => line
                        .trim_start()
                        .strip_prefix("- ")
                        .filter(|_| line.starts_with(' ')),
                };
                if let (Some(detail), Some(item)) = (detail, block.items.last_mut()) {
                    let (label, value) = detail.split_once(": ").unwrap();
                    item.details.push((label.to_string(), value.to_string()));
                } else if let Some((number, action)) = numbered(&line) {
                    block.items.push(Item {
                        number,
                        action: action.to_string(),
                        details: Vec::new(),
                    });
                } else {
                    assert!(block.items.is_empty(), "{name}: stray line `{line}`");
                    block.paragraphs.push(line.trim().to_string());
                }
            }
            block
        }
        Layout::Html => {
            let section = text
                .split("<section class=\"district\">")
                .skip(1)
                .find(|s| s.contains(&format!("<h2>{start}")))
                .unwrap_or_else(|| panic!("no page for {name}"));
            let between = |s: &str, open: &str, close: &str| -> Vec<String> {
                s.split(open)
                    .skip(1)
                    .map(|p| html_text(&p[..p.find(close).unwrap()]))
                    .collect()
            };
            let heading = between(section, "<h2>", "</h2>").remove(0);
            let before = &section[..section.find("<h3>").unwrap()];
            let paragraphs = between(before, "<p class=\"pace\">", "</p>");
            let items = section
                .split("<li>")
                .skip(1)
                .enumerate()
                .map(|(i, li)| {
                    let li = &li[..li.find("</li>").unwrap()];
                    Item {
                        number: i + 1,
                        action: between(li, "<p>", "</p>").remove(0),
                        details: between(li, "<dt>", "</dt>")
                            .into_iter()
                            .zip(between(li, "<dd>", "</dd>"))
                            .collect(),
                    }
                })
                .collect();
            Block {
                heading,
                paragraphs,
                items,
            }
        }
    }
}

/// The lines of the diagnosis (`Vì sao không khả thi` / `Why it cannot be met`), one per
/// finding; empty when the report has none.
pub fn diagnosis_lines(text: &str, layout: Layout, lang: Lang) -> Vec<String> {
    let heading = pick(lang, "Vì sao không khả thi", "Why it cannot be met");
    match layout {
        Layout::Terminal | Layout::Markdown => {
            let opening = match layout {
                Layout::Terminal => format!("{heading}:"),
                _ => format!("### {heading}"),
            };
            let mut lines = text.lines().skip_while(|l| *l != opening);
            if lines.next().is_none() {
                return Vec::new();
            }
            lines
                .skip_while(|l| l.is_empty())
                .take_while(|l| !l.is_empty())
                .map(|l| {
                    let sentence = l.trim_start().strip_prefix("- ").unwrap();
                    match layout {
                        Layout::Markdown => markdown_text(sentence),
                        _ => sentence.to_string(),
                    }
                })
                .collect()
        }
        Layout::Html => match text.split_once("<ul class=\"diagnosis\">") {
            None => Vec::new(),
            Some((_, rest)) => rest[..rest.find("</ul>").unwrap()]
                .split("<li>")
                .skip(1)
                .map(|li| html_text(&li[..li.find("</li>").unwrap()]))
                .collect(),
        },
    }
}

// ---- what a report must say ----

/// Within rounding of sums of binary fractions.
fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0)
}

/// The plan's province figures are the sums of its districts (the reports print the
/// province's own fields).
#[track_caller]
pub fn province_adds_up(plan: &Plan) {
    let p = &plan.province;
    let ds = &plan.districts;
    assert_eq!(p.smartphones, ds.iter().map(|d| d.smartphones).sum::<u64>());
    assert_eq!(p.installed, ds.iter().map(|d| d.installed).sum::<u64>());
    let projected: f64 = ds.iter().map(|d| d.projected_installed).sum();
    assert!(close(p.projected_installed, projected), "{p:?}");
    assert!(close(p.cost, ds.iter().map(|d| d.cost).sum()), "{p:?}");
    let teams: u64 = ds
        .iter()
        .flat_map(|d| &d.allocation)
        .map(|a| u64::from(a.teams))
        .sum();
    assert_eq!(p.teams, teams);
}

/// Every district's projection is what its directives account for (MODEL.md § "Rules": each
/// rule's own share of M_d and A_d, and the outreach installs to the one directive that names
/// the teams), on top of what is installed now.
#[track_caller]
pub fn directives_add_up(plan: &Plan) {
    for d in &plan.districts {
        let rules: f64 = d
            .directives
            .iter()
            .filter_map(|x| x.expected_installs)
            .sum();
        let named = d.directives.iter().filter(|x| !x.teams.is_empty()).count();
        assert!(named <= 1, "{}: {named} directives name the teams", d.name);
        let expected = d.mandated_installs + d.fixed_installs + named as f64 * d.outreach_installs;
        assert!(close(rules, expected), "{}: {rules} != {expected}", d.name);
        let projected =
            d.installed as f64 + d.mandated_installs + d.fixed_installs + d.outreach_installs;
        assert!(
            close(d.projected_installed, projected),
            "{}: {} != {projected}",
            d.name,
            d.projected_installed
        );
    }
}

/// Whether the projection as printed (whole installs) reaches `rate` of the smartphones (as
/// every human report judges it, docs/model.md § 12: the verdict agrees with the printed rate).
fn reaches(projected: f64, smartphones: u64, rate: f64) -> bool {
    projected.round() >= rate * smartphones as f64 - 1e-6
}

/// The province summary: smartphones, installed now and projected with their rates, the
/// target with the verdict that the projected rate gives, the floor, the teams, the cost (the
/// sums of the districts), the budget, the horizon and whether the plan is infeasible.
#[track_caller]
pub fn check_summary(plan: &Plan, rows: &[Vec<String>], lang: Lang) {
    let ds = &plan.districts;
    let smartphones: u64 = ds.iter().map(|d| d.smartphones).sum();
    let installed: u64 = ds.iter().map(|d| d.installed).sum();
    // the figure printed is the sum of the districts' as printed (issue 13 item 10), and the
    // rate is of that figure (F40)
    let projected_printed: f64 = ds.iter().map(|d| d.projected_installed.round()).sum();
    let s = smartphones as f64;
    let value = |vi: &str, en: &str| row(rows, pick(lang, vi, en))[1].clone();
    assert_eq!(
        value("Số thuê bao smartphone", "Smartphones"),
        count(lang, s)
    );
    assert_eq!(
        value("Đã cài đặt hiện nay", "Installed now"),
        format!(
            "{} ({})",
            count(lang, installed as f64),
            percent(lang, installed as f64 / s)
        )
    );
    assert_eq!(
        value("Dự kiến sau chiến dịch", "Projected after the campaign"),
        format!(
            "{} ({})",
            count(lang, projected_printed),
            percent(lang, projected_printed / s)
        )
    );
    let target = plan.province.target_rate;
    let verdict = if reaches(projected_printed, smartphones, target) {
        pick(lang, "ĐẠT", "reached")
    } else {
        pick(lang, "CHƯA ĐẠT", "not reached")
    };
    assert_eq!(
        value("Mục tiêu toàn tỉnh", "Provincial target"),
        format!("{} — {verdict}", policy_rate(lang, target))
    );
    let floor_label = pick(
        lang,
        "Mức tối thiểu mỗi huyện",
        "Minimum for every district",
    );
    match plan.district_floor {
        Some(floor) => assert_eq!(row(rows, floor_label)[1], policy_rate(lang, floor)),
        None => assert!(rows.iter().all(|r| r[0] != floor_label)),
    }
    let teams: u32 = ds.iter().flat_map(|d| &d.allocation).map(|a| a.teams).sum();
    assert_eq!(
        value("Số tổ, đội triển khai", "Teams deployed"),
        count(lang, f64::from(teams))
    );
    let cost: f64 = ds.iter().map(|d| d.cost).sum();
    assert_eq!(value("Tổng chi phí", "Total cost"), money(lang, cost));
    let budget_label = pick(lang, "Ngân sách", "Budget");
    match plan.budget {
        Some(budget) => assert_eq!(row(rows, budget_label)[1], money(lang, budget)),
        None => assert!(rows.iter().all(|r| r[0] != budget_label)),
    }
    let days = match lang {
        Lang::Vi => format!("{} ngày", plan.horizon_days),
        Lang::En => format!("{} days", plan.horizon_days),
    };
    assert_eq!(value("Thời gian chiến dịch", "Campaign length"), days);
    let result = value("Kết quả tính toán", "Result");
    let infeasible = pick(lang, "KHÔNG KHẢ THI", "INFEASIBLE");
    assert_eq!(
        result.starts_with(infeasible),
        plan.status == Status::Infeasible,
        "{result}"
    );
}

/// The district table: one row per district with its smartphones, installed, current rate,
/// teams of each kind, installs from the teams, projected installs, projected rate and cost
/// (and its pace, with coverage history); and a total row whose every count is the sum of the
/// counts printed above it.
#[track_caller]
pub fn check_district_table(plan: &Plan, rows: &[Vec<String>], lang: Lang) {
    let history = plan.districts.iter().any(|d| d.pace_per_day.is_some());
    let kinds: Vec<&str> = plan.team_kinds.iter().map(|k| k.name.as_str()).collect();
    let mut printed = Vec::new();
    for d in &plan.districts {
        let s = d.smartphones as f64;
        let mut expected = vec![
            d.name.clone(),
            count(lang, s),
            count(lang, d.installed as f64),
            percent(lang, d.installed as f64 / s),
        ];
        expected.extend(kinds.iter().map(|k| count(lang, f64::from(d.teams_of(k)))));
        expected.extend([
            gain(lang, d.outreach_installs),
            count(lang, d.projected_installed),
            percent(lang, d.projected_installed.round() / s),
            count(lang, d.cost),
        ]);
        if history {
            expected.push(decimal(lang, d.pace_per_day.unwrap(), 1));
        }
        let got = row(rows, &d.name);
        assert_eq!(got, expected, "the row of {}", d.name);
        printed.push(got);
    }
    let total = row(rows, pick(lang, "TỔNG", "TOTAL"));
    assert_eq!(total.len(), printed[0].len());
    let ds = &plan.districts;
    let smartphones: u64 = ds.iter().map(|d| d.smartphones).sum();
    let installed: u64 = ds.iter().map(|d| d.installed).sum();
    let projected: f64 = ds.iter().map(|d| d.projected_installed.round()).sum();
    let s = smartphones as f64;
    // the rates are of the totals as printed, not sums
    let rate = 3;
    let projected_rate = 3 + kinds.len() + 3;
    assert_eq!(total[rate], percent(lang, installed as f64 / s));
    assert_eq!(total[projected_rate], percent(lang, projected / s));
    let pace = history.then(|| total.len() - 1);
    for column in 1..total.len() {
        if column == rate || column == projected_rate {
            continue;
        }
        let sum: f64 = printed.iter().map(|r| parse(lang, &r[column])).sum();
        let shown = parse(lang, &total[column]);
        if Some(column) == pace {
            // one decimal per district: the total is the sum of the paces as printed (issue 13
            // item 10: it was the rounded exact sum, 1.130,7 under rows adding up to 1.130,4)
            assert_eq!(total[column], decimal(lang, sum, 1));
            assert!(
                (shown - sum).abs() < 1e-9,
                "pace: {sum} printed by district, {} in total",
                total[column]
            );
        } else {
            assert_eq!(
                shown, sum,
                "column {column}: the total {} is not the sum of the districts as printed",
                total[column]
            );
            // and written as the rows are
            let written = if column == 3 + kinds.len() + 1 {
                gain(lang, sum)
            } else {
                count(lang, sum)
            };
            assert_eq!(total[column], written, "column {column}");
        }
    }
}

/// The rate a district reaches at its own pace by the end of the horizon, without extra teams.
fn rate_at_pace(plan: &Plan, d: &DistrictPlan) -> Option<f64> {
    let pace = d.pace_per_day?;
    let at_end = d.installed as f64 + pace * f64::from(plan.horizon_days);
    Some((at_end / d.smartphones as f64).min(1.0))
}

/// The line under the district table naming the districts on track at their own pace (with
/// coverage history only).
#[track_caller]
pub fn check_on_track_line(plan: &Plan, text: &str, lang: Lang) {
    let opening = pick(
        lang,
        "Đạt tỷ lệ {} cuối đợt theo tốc độ cài hiện tại, không cần thêm đội: ",
        "On track for {} by the end of the horizon at the current pace, without extra teams: ",
    )
    .replace("{}", &policy_rate(lang, plan.province.target_rate));
    let target = plan.province.target_rate;
    let on_track: Vec<&str> = plan
        .districts
        .iter()
        .filter(|d| rate_at_pace(plan, d).is_some_and(|r| r >= target))
        .map(|d| d.name.as_str())
        .collect();
    if plan.districts.iter().all(|d| d.pace_per_day.is_none()) {
        assert!(!text.contains(&opening));
        return;
    }
    let list = if on_track.is_empty() {
        pick(lang, "không huyện nào", "none").to_string()
    } else {
        on_track.join(", ")
    };
    assert!(
        text.contains(&format!("{opening}{list}")),
        "no `{opening}{list}` in\n{text}"
    );
}

/// Under each district's heading (its rate now → projected, and its floor where the plan falls
/// short of it): its pace where there is history, and its directives, most urgent first, each
/// with its responsible unit, the teams it sends and the installs it brings.
#[track_caller]
pub fn check_directives(plan: &Plan, text: &str, layout: Layout, lang: Lang) {
    for d in &plan.districts {
        let block = block(text, layout, &d.name);
        let s = d.smartphones as f64;
        // the projected rate as printed: the printed installs over the smartphones, with the
        // decimals that keep a shortfall apart from the floor
        let projected = d.projected_installed.round() / s;
        let short = d
            .floor
            .filter(|&floor| !reaches(d.projected_installed, d.smartphones, floor));
        let mut rates = format!(
            "{} → {}",
            percent(lang, d.installed as f64 / s),
            short.map_or_else(
                || percent(lang, projected),
                |floor| percent_apart(lang, projected, floor, 2)
            )
        );
        if let Some(floor) = short {
            let below = pick(lang, "dưới mức tối thiểu", "below the minimum of");
            rates.push_str(&format!(", {below} {}", policy_rate(lang, floor)));
        }
        assert_eq!(block.heading, format!("{} ({rates})", d.name));

        if let Some(reached) = rate_at_pace(plan, d) {
            let per_day = decimal(lang, d.pace_per_day.unwrap(), 1);
            let target = plan.province.target_rate;
            let on_track = reached >= target;
            assert_eq!(d.on_track, Some(on_track), "{}", d.name);
            let target = policy_rate(lang, target);
            let reached = percent(lang, reached);
            let (pace, end) = match (lang, on_track) {
                (Lang::Vi, true) => (
                    format!("Tốc độ cài hiện nay: {per_day} lượt/ngày."),
                    format!("cuối đợt đạt {reached}: đạt mục tiêu {target} ("),
                ),
                (Lang::Vi, false) => (
                    format!("Tốc độ cài hiện nay: {per_day} lượt/ngày."),
                    format!("cuối đợt chỉ đạt {reached}: chưa đạt mục tiêu {target} ("),
                ),
                (Lang::En, true) => (
                    format!("Current install pace: {per_day} installs a day."),
                    format!("reaches {reached} by the end: on track for the {target} target"),
                ),
                (Lang::En, false) => (
                    format!("Current install pace: {per_day} installs a day."),
                    format!(
                        "reaches only {reached} by the end: not on track for the {target} target"
                    ),
                ),
            };
            let line = &block.paragraphs[0];
            assert!(
                line.starts_with(&pace) && line.contains(&end),
                "{}: `{pace}` … `{end}` in `{line}`",
                d.name
            );
        } else {
            assert!(block.paragraphs.is_empty(), "{}: {:?}", d.name, block);
        }

        // most urgent first; equal priorities in the rules' order
        let mut sorted: Vec<&Directive> = d.directives.iter().collect();
        sorted.sort_by_key(|x| x.priority);
        assert_eq!(block.items.len(), sorted.len(), "{}: {block:?}", d.name);
        let (mut stated, mut printed_sum) = (0.0, 0.0);
        for (i, (item, directive)) in block.items.iter().zip(sorted).enumerate() {
            assert_eq!(item.number, i + 1, "{}", d.name);
            assert_eq!(item.action, directive.action.get(lang), "{}", d.name);
            let unit = item.detail(pick(lang, "Đơn vị thực hiện", "Responsible"));
            assert_eq!(unit, Some(directive.unit.get(lang)), "{}", d.name);
            let sent: Vec<String> = directive
                .teams
                .iter()
                .filter(|(_, n)| *n > 0)
                .map(|(kind, n)| {
                    // commune teams are named after the units below a city: wards and communes
                    let city = matches!(
                        d.unit_type,
                        campaign_planner::model::UnitType::City
                            | campaign_planner::model::UnitType::Town
                    );
                    match (kind.as_str(), city, lang) {
                        ("commune", true, Lang::Vi) => format!("{n} tổ phường, xã"),
                        ("commune", true, Lang::En) => format!("{n} ward and commune teams"),
                        _ => teams(lang, kind, *n),
                    }
                })
                .collect();
            // a name with its own comma ("tổ phường, xã") is listed with semicolons
            let sep = if sent.iter().any(|t| t.contains(',')) {
                "; "
            } else {
                ", "
            };
            let sent = (!sent.is_empty()).then(|| sent.join(sep));
            let label = pick(lang, "Lực lượng", "Teams");
            assert_eq!(item.detail(label), sent.as_deref(), "{}", d.name);
            // each directive's installs whole, rounded down or up so that the district's add
            // up as printed (trial 13f J6); a directive whose text quotes them, as quoted
            let label = pick(lang, "Dự kiến", "Expected");
            let printed = item.detail(label);
            let expected = directive.expected_installs;
            assert_eq!(
                printed.is_some(),
                expected.is_some(),
                "{}: {}",
                d.name,
                item.action
            );
            if let (Some(printed), Some(x)) = (printed, expected) {
                let whole: f64 = printed
                    .chars()
                    .filter(|c| c.is_ascii_digit())
                    .collect::<String>()
                    .parse()
                    .unwrap();
                assert!(
                    whole == x.floor() || whole == x.ceil(),
                    "{}: {printed} for {x}",
                    d.name
                );
                assert_eq!(printed, installs(lang, whole), "{}", d.name);
                if item.action.contains(&count(lang, x)) {
                    assert_eq!(printed, installs(lang, x), "{}: {}", d.name, item.action);
                }
                stated += x;
                printed_sum += whole;
            }
            let labels = 1 + usize::from(sent.is_some()) + usize::from(expected.is_some());
            assert_eq!(item.details.len(), labels, "{}: {item:?}", d.name);
            rule_text_figures(lang, d, directive, &item.action);
        }
        // where the directives hold every install the plan adds, the installs now and theirs
        // as printed make the projected installs as printed
        let installed = d.installed as f64;
        if (installed + stated - d.projected_installed).abs() < 1e-6 {
            assert_eq!(
                installed + printed_sum,
                d.projected_installed.round(),
                "{}: the directives do not add up as printed",
                d.name
            );
        }
    }
}

/// A rule that words its own figures into the action (`… 8 tổ xã và 12 đội tình nguyện, dự
/// kiến +7.637 lượt cài, đạt 51,83%`) says the directive's teams, installs and the district's
/// projected rate.
#[track_caller]
fn rule_text_figures(lang: Lang, d: &DistrictPlan, directive: &Directive, action: &str) {
    let gain = pick(lang, " lượt cài", " installs");
    let Some(at) = action.find(gain) else {
        return;
    };
    let start = action[..at].rfind('+').expect("a gain starts with +");
    let expected = directive.expected_installs.expect("installs it names");
    assert_eq!(&action[start + 1..at], count(lang, expected), "{action}");
    let reached = pick(lang, "đạt ", "reaching ");
    let rate = action.rsplit_once(reached).expect("the rate it reaches").1;
    // as printed: the printed (whole) installs over the smartphones
    let projected = d.projected_installed.round() / d.smartphones as f64;
    assert_eq!(
        rate,
        format!("{}%", decimal(lang, 100.0 * projected, 2)),
        "{action}"
    );
    for (kind, n) in directive.teams.iter().filter(|(_, n)| *n > 0) {
        let named = teams(lang, kind, *n);
        // in a city the commune teams are "tổ phường, xã" ("ward and commune teams")
        let in_city = match lang {
            Lang::Vi => format!("{n} tổ phường, xã"),
            Lang::En => format!("{n} ward and commune team"),
        };
        let city = kind == "commune" && d.unit_type != campaign_planner::model::UnitType::District;
        assert!(
            action.contains(if city { &in_city } else { &named }),
            "`{named}` in {action}"
        );
    }
}

/// An infeasible plan says so, and its diagnosis gives one line per finding naming the
/// finding's district, kinds and numbers.
#[track_caller]
pub fn check_diagnosis(plan: &Plan, text: &str, layout: Layout, lang: Lang) {
    let lines = diagnosis_lines(text, layout, lang);
    let Some(diagnosis) = &plan.diagnosis else {
        assert!(lines.is_empty(), "{lines:?}");
        return;
    };
    assert_eq!(plan.status, Status::Infeasible);
    assert_eq!(lines.len(), diagnosis.findings.len(), "{lines:?}");
    for (line, finding) in lines.iter().zip(&diagnosis.findings) {
        for part in finding_parts(finding, lang) {
            assert!(line.contains(&part), "`{part}` is not in `{line}`");
        }
    }
}

/// What the sentence of a finding must say, each figure as the language writes it.
pub fn finding_parts(finding: &Finding, lang: Lang) -> Vec<String> {
    match finding {
        Finding::FloorPoolLimit {
            district,
            floor,
            best_rate,
            teams: all,
            pool_limited,
            pool_rate,
            ..
        } => {
            let floor_text = policy_rate(lang, *floor);
            let best = percent_apart(lang, *best_rate, *floor, 1);
            let mut parts = vec![match lang {
                Lang::Vi => format!("{district} không thể đạt {floor_text}"),
                Lang::En => format!("{district} cannot reach {floor_text}"),
            }];
            parts.extend(
                all.iter()
                    .filter(|(_, n)| *n > 0)
                    .map(|(kind, n)| teams(lang, kind, *n)),
            );
            parts.push(match lang {
                Lang::Vi => format!("chỉ đạt {best};"),
                Lang::En => format!("it reaches {best};"),
            });
            parts.push(if *pool_limited {
                let pool = percent_apart(lang, *pool_rate, *floor, 1);
                match lang {
                    Lang::Vi => {
                        format!("giới hạn là số người còn có thể vận động (tối đa {pool}")
                    }
                    Lang::En => format!("the reachable pool is the limit (at most {pool}"),
                }
            } else {
                pick(
                    lang,
                    "giới hạn là số tổ, đội huyện được phép có",
                    "the teams the district may have are the limit",
                )
                .to_string()
            });
            parts
        }
        Finding::FloorTeamsShort { kind, more, exact } => {
            let at_most = match (exact, lang) {
                (true, _) => "",
                (false, Lang::Vi) => "nhiều nhất ",
                (false, Lang::En) => "At most ",
            };
            vec![match lang {
                Lang::Vi => format!(
                    "Cần thêm {at_most}{} để mọi huyện đạt mức tối thiểu",
                    teams(lang, kind, *more)
                ),
                Lang::En => format!(
                    "{at_most}{} more {} {} needed to bring every district up to the minimum",
                    count(lang, f64::from(*more)),
                    kind_words(lang, kind, *more),
                    if *more == 1 { "is" } else { "are" }
                ),
            }]
        }
        other => panic!("these tests have no reading of {other:?} yet"),
    }
}

/// Everything above, on one printed report of `plan`.
#[track_caller]
pub fn check_report(plan: &Plan, text: &str, layout: Layout, lang: Lang) {
    province_adds_up(plan);
    directives_add_up(plan);
    let rows = table_rows(text, layout);
    check_summary(plan, &rows, lang);
    check_district_table(plan, &rows, lang);
    check_on_track_line(plan, text, lang);
    check_directives(plan, text, layout, lang);
    check_diagnosis(plan, text, layout, lang);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tests_own_formats() {
        assert_eq!(count(Lang::Vi, 151_916.0), "151.916");
        assert_eq!(count(Lang::En, 1_234_567.4), "1,234,567");
        assert_eq!(count(Lang::Vi, 999.5), "1.000");
        assert_eq!(count(Lang::Vi, -1_200.0), "-1.200");
        assert_eq!(percent(Lang::Vi, 151_916.0 / 519_820.0), "29,22%");
        assert_eq!(percent(Lang::En, 0.099_96), "10.00%");
        assert_eq!(decimal(Lang::Vi, 1_130.71, 1), "1.130,7");
        assert_eq!(decimal(Lang::Vi, -2.3, 2), "-2,30");
        assert_eq!(decimal(Lang::En, -0.001, 2), "0.00");
        assert_eq!(policy_rate(Lang::Vi, 0.40), "40%");
        assert_eq!(policy_rate(Lang::Vi, 0.325), "32,5%");
        assert_eq!(percent_apart(Lang::Vi, 0.3496, 0.35, 1), "34,96%");
        assert_eq!(money(Lang::En, 4_200_000.0), "4,200,000 VND");
        assert_eq!(gain(Lang::Vi, 0.4), "0");
        assert_eq!(parse(Lang::Vi, "+1.649"), 1_649.0);
        assert_eq!(parse(Lang::Vi, "1.130,7"), 1_130.7);
        assert_eq!(parse(Lang::En, "29,400,000 VND"), 29_400_000.0);
    }
}
