//! What the human formats show, as formatted strings: the terminal and Markdown printers only
//! lay these out, so both always say the same thing.

use crate::number;
use crate::plan::{DistrictPlan, Plan};
use crate::report::words;
use crate::solve::Status;
use crate::text::Lang;

/// `Kế hoạch vận động cài đặt ứng dụng: Lạng Sơn, 2020-09-01`.
pub fn title(plan: &Plan, lang: Lang) -> String {
    format!("{}: {}", words::TITLE.get(lang), plan.scenario)
}

/// `Số liệu đến ngày 01/09/2020`.
pub fn as_of(plan: &Plan, lang: Lang) -> String {
    format!(
        "{} {}",
        words::DATA_AS_OF.get(lang),
        words::date(lang, &plan.as_of)
    )
}

/// One figure of the province summary, typed so that a spreadsheet can hold it as numbers.
#[derive(Debug, Clone, PartialEq)]
pub enum Figure {
    /// `519.820`.
    Count(f64),
    /// `151.916 (29,22%)`: a count and its rate.
    CountAndRate(f64, f64),
    /// `218.781 (42,0876%)`: a count and its rate, with the decimals that tell the rate apart
    /// from the other (the target), where two decimals print them the same.
    CountAndRateApart(f64, f64, f64),
    /// `40% — ĐẠT`: a rate and a verdict.
    RateAndText(f64, String),
    /// `35%`.
    Rate(f64),
    /// `546.000.000 đ`.
    Money(f64),
    /// `14 ngày`.
    Days(u32),
    Text(String),
}

impl Figure {
    /// The figure as the reports print it.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Figure::Count(x) => number::count(lang, *x),
            Figure::CountAndRate(x, rate) => {
                format!(
                    "{} ({})",
                    number::count(lang, *x),
                    number::percent(lang, *rate)
                )
            }
            Figure::CountAndRateApart(x, rate, other) => {
                format!(
                    "{} ({})",
                    number::count(lang, *x),
                    number::percent_beside(lang, *rate, *other)
                )
            }
            Figure::RateAndText(rate, text) => {
                format!("{} — {text}", number::percent_short(lang, *rate))
            }
            Figure::Rate(rate) => number::percent_short(lang, *rate),
            Figure::Money(x) => number::money(lang, *x),
            Figure::Days(days) => words::days(lang, *days),
            Figure::Text(text) => text.clone(),
        }
    }
}

/// The province summary as labelled figures, in reading order.
pub fn summary_figures(plan: &Plan, lang: Lang) -> Vec<(String, Figure)> {
    let p = &plan.province;
    let reached = if plan.target_reached_as_printed() {
        words::REACHED
    } else {
        words::NOT_REACHED
    };
    let mut rows = vec![
        (words::SMARTPHONES, Figure::Count(p.smartphones as f64)),
        (
            words::INSTALLED_NOW,
            Figure::CountAndRate(p.installed as f64, p.rate),
        ),
        (
            words::PROJECTED,
            Figure::CountAndRateApart(
                plan.projected_installed_as_printed(),
                plan.projected_rate_as_printed(),
                p.target_rate,
            ),
        ),
        (
            words::TARGET,
            Figure::RateAndText(p.target_rate, reached.get(lang).to_string()),
        ),
    ];
    if let Some(floor) = plan.district_floor {
        rows.push((words::FLOOR, Figure::Rate(floor)));
    }
    rows.push((words::TEAMS_DEPLOYED, Figure::Count(p.teams as f64)));
    rows.push((words::TOTAL_COST, Figure::Money(plan.cost_as_printed())));
    if let Some(budget) = plan.budget {
        rows.push((words::BUDGET, Figure::Money(budget)));
    }
    rows.push((
        words::OBJECTIVE,
        Figure::Text(words::objective(lang, plan.objective).to_string()),
    ));
    rows.push((words::HORIZON, Figure::Days(plan.horizon_days)));
    rows.push((words::STATUS, Figure::Text(status(plan, lang))));
    rows.into_iter()
        .map(|(label, figure)| (label.get(lang).to_string(), figure))
        .collect()
}

/// The province summary as label/value pairs, in reading order.
pub fn summary(plan: &Plan, lang: Lang) -> Vec<(String, String)> {
    summary_figures(plan, lang)
        .into_iter()
        .map(|(label, figure)| {
            let text = figure.text(lang);
            (label, text)
        })
        .collect()
}

/// `Phương án tối ưu (chênh lệch tối đa so với tối ưu: 0,03%)` or `KHÔNG KHẢ THI: …`.
pub fn status(plan: &Plan, lang: Lang) -> String {
    if plan.status == Status::Infeasible {
        return format!(
            "{}: {}",
            words::INFEASIBLE.get(lang),
            words::INFEASIBLE_NOTE.get(lang)
        );
    }
    let label = status_label(plan.status);
    let Some(gap) = plan.optimality.gap.filter(|g| g.is_finite()) else {
        return label.get(lang).to_string();
    };
    // max-min-rate measures its gap in rate points, the others relative
    let gap = if plan.objective == crate::model::Objective::MaxMinRate {
        let points = number::decimal(lang, 100.0 * gap.max(0.0), 2);
        format!(
            "{points} {}",
            lang.pick("điểm phần trăm", "percentage points")
        )
    } else {
        number::percent(lang, gap.max(0.0))
    };
    match lang {
        Lang::Vi => format!(
            "{} (chênh lệch tối đa so với tối ưu: {gap})",
            label.get(lang)
        ),
        Lang::En => format!("{} (at most {gap} from the optimum)", label.get(lang)),
    }
}

/// `Optimal plan`, `Best plan found` or `INFEASIBLE`, as the solver's status says (MODEL.md:
/// optimal only when proven within the tolerance).
pub fn status_label(status: Status) -> words::Label {
    match status {
        Status::Optimal => words::OPTIMAL,
        Status::Feasible => words::BEST_FOUND,
        Status::Infeasible => words::INFEASIBLE,
    }
}

/// The per-district table: a heading, one row per district and a total row.
pub struct DistrictTable {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub total: Vec<String>,
    /// Whether each column holds numbers (right-aligned).
    pub numeric: Vec<bool>,
    /// The columns of the team kinds (a narrow terminal prints them in a table of their own).
    pub teams: std::ops::Range<usize>,
}

/// One cell of the district table, typed: the human reports format it (`151.916`, `29,22%`),
/// the CSV and the workbook write it as a number.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    Text(String),
    /// A count of phones, installs or teams, or money (expected values: not rounded yet).
    Count(f64),
    /// A rate in [0, 1].
    Rate(f64),
    /// Installs per day (coverage history only), one decimal.
    Pace(f64),
    /// A date, `2020-09-01` (the spreadsheet tables' date of the figures).
    Date(String),
}

/// The district table's figures, typed: headings (with the human reports' line breaks), one
/// row per district in scenario order, and the province total.
pub(crate) struct Figures {
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    pub total: Vec<Cell>,
    /// The column of the installs the teams bring (printed `+1.234` by the human reports).
    pub outreach: usize,
}

/// The figures of the per-district table: name, smartphones, installed, rate, teams by kind,
/// installs from the teams, projected installed, projected rate, cost, and the pace with
/// coverage history.
pub(crate) fn figures(plan: &Plan, lang: Lang) -> Figures {
    let kinds: Vec<&str> = plan.team_kinds.iter().map(|k| k.name.as_str()).collect();
    let mut header = vec![
        words::DISTRICT.get(lang).to_string(),
        words::SMARTPHONES_COL.get(lang).to_string(),
        words::INSTALLED.get(lang).to_string(),
        words::RATE.get(lang).to_string(),
    ];
    header.extend(kinds.iter().map(|k| words::kind_heading(lang, k)));
    header.extend(
        [
            words::OUTREACH,
            words::PROJECTED_INSTALLED,
            words::PROJECTED_RATE,
            words::COST,
        ]
        .map(|l| l.get(lang).to_string()),
    );
    // history only: the install pace, so that a scenario without history prints as before
    let history = plan.districts.iter().any(|d| d.pace_per_day.is_some());
    if history {
        header.push(pace_heading(lang).to_string());
    }
    let row = |name: &str, now: [f64; 3], teams: Vec<f64>, after: [f64; 4], pace: Option<f64>| {
        let mut cells = vec![
            Cell::Text(name.to_string()),
            Cell::Count(now[0]),
            Cell::Count(now[1]),
            Cell::Rate(now[2]),
        ];
        cells.extend(teams.into_iter().map(Cell::Count));
        cells.extend([
            Cell::Count(after[0]),
            Cell::Count(after[1]),
            Cell::Rate(after[2]),
            Cell::Count(after[3]),
        ]);
        if history {
            cells.push(pace.map_or(Cell::Text(String::new()), Cell::Pace));
        }
        cells
    };
    let rows = plan
        .districts
        .iter()
        .map(|d| {
            row(
                &d.name,
                [d.smartphones as f64, d.installed as f64, d.rate],
                kinds.iter().map(|k| f64::from(d.teams_of(k))).collect(),
                [
                    d.outreach_installs,
                    d.projected_installed,
                    d.projected_rate_as_printed(),
                    d.cost,
                ],
                d.pace_per_day,
            )
        })
        .collect();
    let p = &plan.province;
    let total = row(
        words::TOTAL.get(lang),
        [p.smartphones as f64, p.installed as f64, p.rate],
        kinds
            .iter()
            .map(|k| {
                plan.districts
                    .iter()
                    .map(|d| f64::from(d.teams_of(k)))
                    .sum()
            })
            .collect(),
        // the totals of figures printed rounded are the sums of the rows as printed, so that
        // the table adds up (issue 13 item 10); each rate is the printed installs over the
        // smartphones
        [
            plan.districts
                .iter()
                .map(|d| d.outreach_installs.round())
                .sum(),
            plan.projected_installed_as_printed(),
            plan.projected_rate_as_printed(),
            plan.cost_as_printed(),
        ],
        Some(
            plan.districts
                .iter()
                .filter_map(|d| d.pace_per_day)
                .map(|x| (x * 10.0).round() / 10.0)
                .sum(),
        ),
    );
    Figures {
        header,
        rows,
        total,
        outreach: 4 + kinds.len(),
    }
}

/// The per-district table, districts in scenario order, as the human reports print it.
pub fn district_table(plan: &Plan, lang: Lang) -> DistrictTable {
    let figures = figures(plan, lang);
    let text = |cells: &[Cell]| -> Vec<String> {
        cells
            .iter()
            .enumerate()
            .map(|(i, cell)| match cell {
                Cell::Text(t) => t.clone(),
                Cell::Count(x) if i == figures.outreach => gain(lang, *x),
                Cell::Count(x) => number::count(lang, *x),
                Cell::Rate(r) => number::percent(lang, *r),
                Cell::Pace(x) => pace(lang, *x),
                Cell::Date(d) => words::date(lang, d),
            })
            .collect()
    };
    let mut numeric = vec![true; figures.header.len()];
    numeric[0] = false;
    DistrictTable {
        teams: 4..figures.outreach,
        rows: figures.rows.iter().map(|r| text(r)).collect(),
        total: text(&figures.total),
        header: figures.header,
        numeric,
    }
}

/// `Tốc độ (lượt/ngày)`: the column of the install pace (history only).
pub fn pace_heading(lang: Lang) -> &'static str {
    lang.pick("Tốc độ (lượt/ngày)", "Pace (installs/day)")
}

/// An install pace, one decimal: `123,4`.
fn pace(lang: Lang, per_day: f64) -> String {
    number::decimal(lang, per_day, 1)
}

/// `Đạt chỉ tiêu 40% cuối đợt theo tốc độ hiện tại, không cần thêm đội: Hữu Lũng, Cao Lộc`:
/// only when the scenario has coverage history (`None` otherwise).
pub fn on_track(plan: &Plan, lang: Lang) -> Option<String> {
    if plan.districts.iter().all(|d| d.on_track.is_none()) {
        return None;
    }
    let names: Vec<&str> = plan
        .districts
        .iter()
        .filter(|d| d.on_track == Some(true))
        .map(|d| d.name.as_str())
        .collect();
    let target = number::percent_short(lang, plan.province.target_rate);
    let list = if names.is_empty() {
        lang.pick("không huyện nào", "none").to_string()
    } else {
        names.join(", ")
    };
    Some(match lang {
        Lang::Vi => format!(
            "Đạt tỷ lệ {target} cuối đợt theo tốc độ cài hiện tại, không cần thêm đội: {list}"
        ),
        Lang::En => format!(
            "On track for {target} by the end of the horizon at the current pace, without extra teams: {list}"
        ),
    })
}

/// The district's own pace and where it leads without extra teams, only with coverage
/// history: `Tốc độ cài hiện nay: 151,4 lượt/ngày. Giữ tốc độ này, không thêm đội, cuối đợt
/// đạt 43,41%: đạt mục tiêu 40% (dự kiến ở trên chỉ tính các đội, chưa tính tốc độ này).`
pub fn pace_line(plan: &Plan, district: &DistrictPlan, lang: Lang) -> Option<String> {
    let per_day = district.pace_per_day?;
    let on_track = district.on_track?;
    let reached = district.rate_at_pace?;
    let target = plan.province.target_rate;
    // a shortfall never prints as the target it falls short of (39,998%, not 40,00%)
    let shown = number::percent(lang, reached);
    let reached = if !on_track && shown == number::percent(lang, target) {
        number::percent_apart(lang, reached, target)
    } else {
        shown
    };
    let (pace, target) = (pace(lang, per_day), number::percent_short(lang, target));
    Some(match (lang, on_track) {
        (Lang::Vi, true) => format!(
            "Tốc độ cài hiện nay: {pace} lượt/ngày. Giữ tốc độ này, không thêm đội, cuối đợt \
             đạt {reached}: đạt mục tiêu {target} (dự kiến ở trên chỉ tính các đội, chưa tính \
             tốc độ này)."
        ),
        (Lang::Vi, false) => format!(
            "Tốc độ cài hiện nay: {pace} lượt/ngày. Giữ tốc độ này mà không thêm đội, cuối đợt \
             chỉ đạt {reached}: chưa đạt mục tiêu {target} (dự kiến ở trên chỉ tính các đội, \
             chưa tính tốc độ này)."
        ),
        (Lang::En, true) => format!(
            "Current install pace: {pace} installs a day. At this pace, without extra teams, \
             the district reaches {reached} by the end: on track for the {target} target (the \
             projection above counts the teams only, not this pace)."
        ),
        (Lang::En, false) => format!(
            "Current install pace: {pace} installs a day. At this pace, without extra teams, \
             the district reaches only {reached} by the end: not on track for the {target} \
             target (the projection above counts the teams only, not this pace)."
        ),
    })
}

/// `+1.234`, or `0` when nothing is gained.
fn gain(lang: Lang, installs: f64) -> String {
    let text = number::count(lang, installs);
    if installs.round() > 0.0 {
        format!("+{text}")
    } else {
        text
    }
}

/// A district's heading above its directives, with its rate now and after the campaign, and
/// its own floor when the plan falls short of it:
/// `Huyện Hữu Lũng (22,98% → 32,96%, dưới mức tối thiểu 35%)`.
pub fn district_heading(district: &DistrictPlan, lang: Lang) -> String {
    let projected = district.projected_rate_as_printed();
    let short = district.floor.filter(|&floor| district.short_of(floor));
    // a shortfall never prints as the floor it falls short of (34,996%, not 35,00%)
    let mut rates = format!(
        "{} → {}",
        number::percent(lang, district.rate),
        short.map_or_else(
            || number::percent(lang, projected),
            |floor| number::percent_beside(lang, projected, floor)
        )
    );
    if let Some(floor) = short {
        rates.push_str(&format!(
            ", {} {}",
            words::BELOW_FLOOR.get(lang),
            number::percent_short(lang, floor)
        ));
    }
    format!("{} ({rates})", district.name)
}

/// `Mức sàn riêng của huyện: 35,0% (quy tắc `x`)`, for a district whose own floor a rule raised above the
/// scenario's; `None` elsewhere, so that a scenario without such a rule prints as before.
pub fn own_floor(plan: &Plan, district: &DistrictPlan, lang: Lang) -> Option<String> {
    let floor = district.floor?;
    (floor > plan.district_floor.unwrap_or(0.0)).then(|| {
        // the rule that set it: the scenario does not hold the figure (trial 13f J20)
        let rule = match (district.floor_rule(plan.district_floor), lang) {
            (None, _) => String::new(),
            (Some(rule), Lang::Vi) => format!(" (quy tắc `{rule}`)"),
            (Some(rule), Lang::En) => format!(" (rule `{rule}`)"),
        };
        format!(
            "{}: {}{rule}",
            words::OWN_FLOOR.get(lang),
            number::percent1(lang, floor)
        )
    })
}

/// The rules whose fixed installs (`add_installs`) `district`'s page shows on a line of their
/// own: where the cap cut what a rule asked for, and where the rule made no directive stating
/// its installs but added some (trial N4: a rate that rises with "nothing to do" below it).
fn rules_on_their_own_line(district: &DistrictPlan) -> Vec<crate::plan::RuleInstalls> {
    district
        .fixed_by_rule()
        .into_iter()
        .filter(|r| {
            let stated = district
                .directives
                .iter()
                .any(|d| d.rule == r.rule && d.expected_installs.is_some());
            r.capped() || (!stated && r.counted.round() > 0.0)
        })
        .collect()
}

/// The installs `district`'s page prints: each directive's (in the plan's order; `None` where
/// it states none) and each line of [`rule_installs`], rounded together
/// ([`number::whole_parts`]) so that with the installs now they add up to the projected
/// installs as printed, a directive whose text quotes its installs keeping them as quoted (trial 13f J6: 16.752 + 594 + 5.715 + 1.127 was one more than the
/// 24.187 of the district's row).
fn page_installs(
    district: &DistrictPlan,
    own_lines: &[crate::plan::RuleInstalls],
) -> (Vec<Option<f64>>, Vec<f64>) {
    // where the figures stated and the own lines make up exactly what the plan adds, all are
    // the plan's; otherwise a figure is the plan's when the rule read it ([`counts`])
    let added = district.projected_installed - district.installed as f64;
    let stated: f64 = district
        .directives
        .iter()
        .filter_map(|d| d.expected_installs.filter(|x| x.is_finite()))
        .chain(own_lines.iter().map(|r| r.counted))
        .sum();
    let itemised = (stated - added).abs() <= 1e-6 * added.abs().max(1.0);
    // each directive's figure, whether its own text quotes it ("dự kiến +4.122 lượt cài": the
    // figure beside it must not say +4.123) and whether the plan counts it
    let figures: Vec<Option<(f64, bool, bool)>> = district
        .directives
        .iter()
        .map(|d| {
            let x = d.expected_installs.filter(|x| x.is_finite())?;
            let quoted = [Lang::Vi, Lang::En]
                .iter()
                .any(|&lang| d.action.get(lang).contains(&number::count(lang, x)));
            Some((x, quoted, itemised || counts(district, &d.rule, x)))
        })
        .collect();
    // only the figures the plan counts are rounded together; a figure of a rule's own making
    // (a literal `expected_installs: 0.3`) is rounded alone, so that adding such a directive
    // changes no other rule's printed installs and equal figures print equal (trial 13g K1)
    let (mut parts, mut kept) = (Vec::new(), Vec::new());
    for &(x, quoted, _) in figures.iter().flatten().filter(|f| f.2) {
        parts.push(x);
        kept.push(quoted);
    }
    parts.extend(own_lines.iter().map(|r| r.counted));
    let mut whole = number::whole_parts(&parts, &kept).into_iter();
    let directives = figures
        .iter()
        .map(|f| match *f {
            Some((_, _, true)) => whole.next(),
            Some((x, _, false)) => Some(x.round()),
            None => None,
        })
        .collect();
    (directives, whole.collect())
}

/// Whether the figure `x` a directive of `rule` states is installs the plan counts: one the
/// rule read after the plan (its own mandated or fixed installs, both together, the teams'
/// installs, or the district's totals), as the shipped rules and docs/rules.md write them.
fn counts(district: &DistrictPlan, rule: &str, x: f64) -> bool {
    let read = |key: &str| {
        district
            .trace
            .iter()
            .filter(|e| e.rule == rule && e.phase == crate::effects::Phase::AfterSolve)
            .find_map(|e| match e.read(key) {
                Some(crate::effects::TraceValue::Number(v)) => Some(*v),
                Some(crate::effects::TraceValue::Int(v)) => Some(*v as f64),
                _ => None,
            })
    };
    let own = [
        "district.own_mandated_installs",
        "district.own_fixed_installs",
    ]
    .map(read);
    let both = match own {
        [Some(m), Some(f)] => Some(m + f),
        _ => None,
    };
    own.into_iter()
        .chain([
            both,
            read("district.outreach_installs"),
            read("district.mandated_installs"),
            read("district.fixed_installs"),
        ])
        .flatten()
        .any(|q| (x - q).abs() <= 1e-6 * q.abs().max(1.0))
}

/// The fixed installs the rules added to `district` (`add_installs`) that its page would not
/// otherwise show, one line per rule ([`rules_on_their_own_line`]): where the cap cut what a
/// rule asked for (asked, counted and why), and where the rule made no directive stating its
/// installs, what it added and why. Each line comes with the installs the page counts for the
/// rule, whole ([`page_installs`]).
pub fn rule_installs(district: &DistrictPlan, lang: Lang) -> Vec<(String, f64)> {
    let room = district.room_for_fixed();
    let own_lines = rules_on_their_own_line(district);
    let (_, counted) = page_installs(district, &own_lines);
    own_lines
        .iter()
        .zip(counted)
        .map(|(r, counted)| {
            let reasons = r
                .reasons
                .iter()
                .map(|t| t.get(lang))
                .collect::<Vec<_>>()
                .join("; ");
            let rule = &r.rule;
            let text = if r.capped() {
                let (asked, counted, room) = (
                    number::count(lang, r.asked),
                    number::count(lang, counted),
                    number::count(lang, room),
                );
                match lang {
                    Lang::Vi => format!(
                        "Quy tắc `{rule}` thêm {asked} lượt cài cố định ({reasons}) nhưng chỉ tính {counted}, vì huyện chỉ còn {room} smartphone chưa cài sau các lượt cài bắt buộc"
                    ),
                    Lang::En => format!(
                        "Rule `{rule}` adds {asked} fixed installs ({reasons}) but {counted} are counted, because only {room} smartphones were left without the app after the mandated installs"
                    ),
                }
            } else {
                let gain = gain(lang, counted);
                match lang {
                    Lang::Vi => {
                        format!("Lượt cài cố định theo quy tắc `{rule}`: {gain} ({reasons})")
                    }
                    Lang::En => format!("Fixed installs from rule `{rule}`: {gain} ({reasons})"),
                }
            };
            (text, counted)
        })
        .collect()
}

/// One directive, ready to print.
pub struct DirectiveItem {
    pub action: String,
    pub unit: String,
    /// `24 tổ xã, 3 đội tình nguyện`, when the directive sends teams.
    pub teams: Option<String>,
    /// `+1.234 lượt cài`, when the rule says what the directive brings.
    pub gain: Option<String>,
    /// The installs of `gain`, whole, as printed ([`page_installs`]).
    pub installs: Option<f64>,
}

/// A district's directives, most urgent first; equal priorities keep the rules' order.
pub fn directives(district: &DistrictPlan, lang: Lang) -> Vec<DirectiveItem> {
    let (installs, _) = page_installs(district, &rules_on_their_own_line(district));
    let mut sorted: Vec<_> = district.directives.iter().zip(installs).collect();
    sorted.sort_by_key(|(d, _)| d.priority); // stable: ties keep the original order
    sorted
        .into_iter()
        .map(|(d, installs)| DirectiveItem {
            action: d.action.get(lang).to_string(),
            unit: d.unit.get(lang).to_string(),
            // "tổ phường, xã" in a city, as the rules word it
            teams: words::team_list_in(lang, district.unit_type, &d.teams),
            gain: installs.map(|x| words::installs_gain(lang, &number::count(lang, x))),
            installs,
        })
        .collect()
}
