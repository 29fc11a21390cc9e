//! The explanation for people: one document (sections of items, each with details), laid out
//! for the terminal or as Markdown, so that both always say the same thing.

use std::fmt::Write;

use super::compare::{Comparison, CostView, Equity, Exchange, Priced};
use super::inputs::BoundSource;
use super::margin::{Blocker, Margin};
use super::{Explanation, trace_words};
use crate::model::Scope;
use crate::report::markdown::{inline, line_start};
use crate::report::{number, words};
use crate::solve::Status;
use crate::text::Lang;

/// Installs closer than this count as equal when two teams are compared.
const INSTALLS_TIE: f64 = 1e-9;
/// Rates closer than this count as equal (the lowest rate before and after a move).
const RATE_TIE: f64 = 1e-12;

/// The explanation as a document.
struct Doc {
    title: String,
    lead: Vec<String>,
    sections: Vec<Section>,
}

struct Section {
    title: String,
    items: Vec<Item>,
}

/// One point, with the details under it.
struct Item {
    text: String,
    details: Vec<String>,
}

fn item(text: impl Into<String>) -> Item {
    Item {
        text: text.into(),
        details: Vec::new(),
    }
}

impl Item {
    fn with(mut self, details: Vec<String>) -> Item {
        self.details = details;
        self
    }
}

/// For the terminal: headings in capitals, items as `-`, details as `·`.
pub fn text(e: &Explanation, lang: Lang) -> String {
    let doc = document(e, lang);
    let mut out = String::new();
    let _ = writeln!(out, "{}", doc.title.to_uppercase());
    for line in &doc.lead {
        let _ = writeln!(out, "{line}");
    }
    for section in &doc.sections {
        let _ = writeln!(out, "\n{}", section.title.to_uppercase());
        for it in &section.items {
            let _ = writeln!(out, "  - {}", it.text);
            for detail in &it.details {
                let _ = writeln!(out, "      · {detail}");
            }
        }
    }
    out
}

/// As GitHub Markdown: a heading per section, items as a list, details as a nested list.
pub fn markdown(e: &Explanation, lang: Lang) -> String {
    let doc = document(e, lang);
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", inline(&doc.title));
    for line in &doc.lead {
        let _ = writeln!(out, "{}  ", line_start(line));
    }
    for section in &doc.sections {
        let _ = writeln!(out, "\n## {}\n", inline(&section.title));
        for it in &section.items {
            let _ = writeln!(out, "- {}", inline(&it.text));
            for detail in &it.details {
                let _ = writeln!(out, "  - {}", inline(detail));
            }
        }
    }
    out
}

fn document(e: &Explanation, lang: Lang) -> Doc {
    let title = match lang {
        Lang::Vi => format!("Giải thích phân bổ cho {}", e.name),
        Lang::En => format!("Why {} gets what it gets", e.name),
    };
    let mut lead = vec![
        format!(
            "{}: {} ({} {})",
            lang.pick("Kịch bản", "Scenario"),
            e.scenario,
            words::DATA_AS_OF.get(lang).to_lowercase(),
            words::date(lang, &e.as_of)
        ),
        format!(
            "{}: {}",
            words::OBJECTIVE.get(lang),
            words::objective(lang, e.objective)
        ),
        format!("{}: {}", words::STATUS.get(lang), e.status_text.get(lang)),
    ];
    if e.status == Status::Infeasible {
        for sentence in &e.diagnosis {
            lead.push(format!("  - {}", sentence.get(lang)));
        }
        lead.push(
            lang.pick(
                "Các số liệu dưới đây là của phương án nhiều lượt cài nhất mà số tổ, đội và \
                 ngân sách cho phép (bỏ qua mức tối thiểu và mục tiêu).",
                "The figures below are those of the plan with the most installs the teams and \
                 budget allow (the minimums and the target are dropped).",
            )
            .to_string(),
        );
    }
    Doc {
        title,
        lead,
        sections: vec![
            inputs(e, lang),
            rules(e, lang),
            plan(e, lang),
            margins(e, lang),
            comparison(e, lang),
        ],
    }
}

/// `rule door-to-door` / `quy tắc door-to-door`.
fn rule(lang: Lang, name: &str) -> String {
    format!("{} {name}", lang.pick("quy tắc", "rule"))
}

/// `+1.234 lượt cài` / `+1,234 installs`.
fn gain(lang: Lang, installs: f64) -> String {
    words::installs_gain(lang, &number::count(lang, installs))
}

/// `−465 lượt cài` / `−465 installs`.
fn drop(lang: Lang, installs: f64) -> String {
    let n = number::count(lang, installs);
    match lang {
        Lang::Vi => format!("−{n} lượt cài"),
        Lang::En if n == "1" => "−1 install".to_string(),
        Lang::En => format!("−{n} installs"),
    }
}

/// `1.234 lượt cài` / `1,234 installs`.
fn installs(lang: Lang, n: f64) -> String {
    let n = number::count(lang, n);
    match lang {
        Lang::Vi => format!("{n} lượt cài"),
        Lang::En if n == "1" => "1 install".to_string(),
        Lang::En => format!("{n} installs"),
    }
}

/// A difference of installs: `6 lượt cài`, or `chưa tới 1 lượt cài` when it rounds to nothing.
fn difference(lang: Lang, n: f64) -> String {
    if n.round() == 0.0 {
        lang.pick("chưa tới 1 lượt cài", "less than 1 install")
            .to_string()
    } else {
        installs(lang, n)
    }
}

/// `1.234 người` / `1,234 people`.
fn people(lang: Lang, n: f64) -> String {
    format!(
        "{} {}",
        number::count(lang, n),
        lang.pick("người", "people")
    )
}

/// `0,59 điểm phần trăm` / `0.59 percentage points`.
fn points(lang: Lang, rate: f64) -> String {
    format!(
        "{} {}",
        number::decimal(lang, 100.0 * rate, 2),
        lang.pick("điểm phần trăm", "percentage points")
    )
}

/// A kind's name in the plural, capitalised: `Tổ xã` / `Commune teams`.
fn kind_title(lang: Lang, kind: &str) -> String {
    words::capitalize(&words::kind_name(lang, kind))
}

/// `một đội tình nguyện` / `one volunteer team`.
fn one_team(lang: Lang, kind: &str) -> String {
    match lang {
        Lang::Vi => format!("một {}", words::kind_name(lang, kind)),
        Lang::En => format!("one {kind} team"),
    }
}

fn inputs(e: &Explanation, lang: Lang) -> Section {
    let i = &e.inputs;
    let mut items = vec![
        item(format!(
            "{}: {}",
            words::SMARTPHONES.get(lang),
            number::count(lang, i.smartphones as f64)
        )),
        item(format!(
            "{}: {} ({})",
            words::INSTALLED_NOW.get(lang),
            number::count(lang, i.installed as f64),
            number::percent(lang, i.rate)
        )),
    ];
    if !i.cohorts.is_empty() {
        let list: Vec<String> = i
            .cohorts
            .iter()
            .map(|(c, n)| {
                format!(
                    "{} {}",
                    trace_words::cohort(lang, c),
                    number::count(lang, *n as f64)
                )
            })
            .collect();
        items.push(item(format!(
            "{}: {}",
            lang.pick("Các nhóm đối tượng", "Cohorts"),
            list.join("; ")
        )));
    }
    if !i.local_teams.is_empty() {
        let list: Vec<String> = i
            .local_teams
            .iter()
            .map(|(k, n)| words::teams(lang, k, *n))
            .collect();
        items.push(item(format!(
            "{}: {}",
            lang.pick(
                "Tổ tại chỗ của huyện",
                "Local teams stationed in the district"
            ),
            list.join(", ")
        )));
    }

    // M_d, with each mandate
    let mut details: Vec<String> = i
        .mandates
        .iter()
        .map(|m| {
            let mut text = format!(
                "{}: {} × {} × (1 − {}) = {} ({})",
                trace_words::cohort(lang, &m.cohort),
                number::percent_short(lang, m.share),
                number::count(lang, m.people as f64),
                number::percent(lang, i.rate),
                number::decimal(lang, m.installs, 1),
                rule(lang, &m.rule)
            );
            if !m.counted {
                text.push_str(lang.pick(
                    "; không tính: nhóm này đã được tính một lần, theo tỷ lệ cao nhất",
                    "; not counted: the cohort counts once, at its largest share",
                ));
            }
            text
        })
        .collect();
    if i.mandated_capped {
        details.push(format!(
            "{} {}",
            lang.pick(
                "giới hạn ở số smartphone chưa cài:",
                "capped at the smartphones without the app:"
            ),
            number::decimal(lang, i.mandated_installs, 1)
        ));
    }
    items.push(
        item(format!(
            "{}: {}",
            lang.pick(
                "Lượt cài theo diện bắt buộc (M)",
                "Installs from mandated cohorts (M)"
            ),
            gain(lang, i.mandated_installs)
        ))
        .with(details),
    );

    // A_d, with each addition
    let mut details: Vec<String> = i
        .fixed
        .iter()
        .map(|f| {
            format!(
                "+{}: {} ({})",
                number::decimal(lang, f.installs, 1),
                f.reason.get(lang),
                rule(lang, &f.rule)
            )
        })
        .collect();
    if i.fixed_capped {
        details.push(format!(
            "{} {}",
            lang.pick(
                "giới hạn ở số smartphone chưa cài còn lại:",
                "capped at the smartphones left without the app:"
            ),
            number::decimal(lang, i.fixed_installs, 1)
        ));
    }
    items.push(
        item(format!(
            "{}: {}",
            lang.pick("Lượt cài cố định khác (A)", "Other fixed installs (A)"),
            gain(lang, i.fixed_installs)
        ))
        .with(details),
    );

    items.push(item(format!(
        "{}: {} × ({} − {} − {} − {}) = {}",
        lang.pick("Số người còn có thể vận động (P)", "Reachable pool (P)"),
        number::percent_short(lang, i.reachable_share),
        number::count(lang, i.smartphones as f64),
        number::count(lang, i.installed as f64),
        number::decimal(lang, i.mandated_installs, 1),
        number::decimal(lang, i.fixed_installs, 1),
        people(lang, i.pool)
    )));

    let floor = match (i.floor, &i.floor_rule) {
        (None, _) => lang.pick("không có", "none").to_string(),
        (Some(f), None) => format!(
            "{} ({})",
            number::percent_short(lang, f),
            lang.pick(
                "mức tối thiểu mỗi huyện của kịch bản",
                "the scenario's minimum for every district"
            )
        ),
        (Some(f), Some(r)) => format!("{} ({})", number::percent_short(lang, f), rule(lang, r)),
    };
    items.push(item(format!(
        "{}: {floor}",
        lang.pick("Mức tối thiểu của huyện", "The district's floor")
    )));

    let details = i
        .bounds
        .iter()
        .enumerate()
        .map(|(k, b)| {
            let kind = &e.kinds[k].name;
            let min = match &b.min_rule {
                Some(r) if b.min > 0 => format!(
                    "{} {} ({})",
                    lang.pick("ít nhất", "at least"),
                    b.min,
                    rule(lang, r)
                ),
                _ if b.min > 0 => format!("{} {}", lang.pick("ít nhất", "at least"), b.min),
                _ => lang
                    .pick("không có mức tối thiểu", "no minimum")
                    .to_string(),
            };
            let source = match &b.max_source {
                BoundSource::LocalTeams => match lang {
                    Lang::Vi => format!("toàn bộ {} của huyện", words::kind_name(lang, kind)),
                    Lang::En => format!("all the district's {kind} teams"),
                },
                BoundSource::ProvincialPool => lang
                    .pick("toàn bộ số đội của tỉnh", "the province's whole pool")
                    .to_string(),
                BoundSource::Rule(r) => rule(lang, r),
            };
            let mut text = format!(
                "{}: {min}, {} {} ({source})",
                kind_title(lang, kind),
                lang.pick("tối đa", "at most"),
                b.max
            );
            if b.productivity != 1.0 || b.productivity_rule.is_some() {
                text.push_str(&format!(
                    ", {} ×{}",
                    lang.pick("năng suất", "productivity"),
                    number::decimal(lang, b.productivity, places(b.productivity))
                ));
                if let Some(r) = &b.productivity_rule {
                    text.push_str(&format!(" ({})", rule(lang, r)));
                }
            }
            text
        })
        .collect();
    items.push(item(lang.pick("Số tổ, đội được phép", "Teams allowed")).with(details));

    Section {
        title: lang.pick("1. Số liệu đầu vào", "1. Its inputs").to_string(),
        items,
    }
}

fn rules(e: &Explanation, lang: Lang) -> Section {
    let mut items: Vec<Item> = e
        .trace
        .iter()
        .map(|entry| item(trace_words::sentence(entry, lang)))
        .collect();
    if items.is_empty() {
        items.push(item(lang.pick(
            "không có quy tắc nào chạy trên huyện",
            "no rule ran on the district",
        )));
    }
    Section {
        title: lang
            .pick(
                "2. Các quy tắc đã chạy và những gì chúng đặt",
                "2. The rules that ran and what they set",
            )
            .to_string(),
        items,
    }
}

fn plan(e: &Explanation, lang: Lang) -> Section {
    let a = &e.allotment;
    let i = &e.inputs;
    let list: Vec<(String, u32)> = e
        .kinds
        .iter()
        .zip(&a.teams)
        .map(|(k, &t)| (k.name.clone(), t))
        .collect();
    let teams = words::team_list(lang, &list)
        .unwrap_or_else(|| lang.pick("không có tổ, đội nào", "no teams").to_string());
    let terms: Vec<String> = e
        .kinds
        .iter()
        .enumerate()
        .filter(|&(k, _)| a.teams[k] > 0)
        .map(|(k, kind)| {
            let m = i.bounds[k].productivity;
            let mut term = format!(
                "{} × {}",
                a.teams[k],
                number::decimal(
                    lang,
                    kind.installs_per_team_day,
                    places(kind.installs_per_team_day)
                )
            );
            if m != 1.0 {
                term.push_str(&format!(" × {}", number::decimal(lang, m, places(m))));
            }
            term
        })
        .collect();
    let effort = if terms.is_empty() {
        "0".to_string()
    } else {
        format!(
            "{} × ({}) = {}",
            e.horizon_days,
            terms.join(" + "),
            number::count(lang, a.effort)
        )
    };
    let mut items = vec![
        item(format!("{}: {teams}", lang.pick("Tổ, đội", "Teams"))),
        item(format!(
            "{}: {effort}",
            lang.pick(
                "Nỗ lực (ngày × tổ, đội × lượt cài mỗi ngày)",
                "Effort (days × teams × installs per team-day)"
            )
        )),
        item(format!(
            "{}: {} = {}",
            lang.pick("Lượt cài nhờ các tổ, đội", "Installs from teams"),
            format_args!(
                "{} × (1 − e^(−{} ÷ {}))",
                number::count(lang, i.pool),
                number::count(lang, a.effort),
                number::count(lang, i.pool)
            ),
            gain(lang, a.outreach_installs)
        )),
        item(format!(
            "{}: {} ({} → {})",
            words::PROJECTED.get(lang),
            number::count(lang, a.projected_installed),
            number::percent(lang, i.rate),
            number::percent(lang, a.projected_rate)
        )),
        item(format!(
            "{}: {}",
            lang.pick("Chi phí", "Cost"),
            number::money(lang, a.cost)
        )),
    ];
    if let Some(floor) = i.floor {
        let reached = a.projected_installed
            >= floor * i.smartphones as f64 - crate::solve::INSTALLS_TOLERANCE;
        items.push(item(format!(
            "{} {}: {}",
            lang.pick("Mức tối thiểu", "Floor"),
            number::percent_short(lang, floor),
            if reached {
                words::REACHED.get(lang)
            } else {
                words::NOT_REACHED.get(lang)
            }
        )));
    }
    Section {
        title: lang
            .pick("3. Kế hoạch cho huyện", "3. What the plan gives it")
            .to_string(),
        items,
    }
}

/// The decimals a scenario value needs (at most four).
fn places(x: f64) -> usize {
    (0..4)
        .find(|&p| {
            let scaled = x * 10f64.powi(p as i32);
            (scaled - scaled.round()).abs() < 1e-9 * scaled.abs().max(1.0)
        })
        .unwrap_or(4)
}

fn margins(e: &Explanation, lang: Lang) -> Section {
    let pool = number::count(lang, e.inputs.pool);
    let mut items = vec![item(match lang {
        Lang::Vi => format!(
            "G(e) là số lượt cài nhờ nỗ lực e của các tổ, đội ở huyện: G(e) = {pool} × (1 − e^(−e ÷ \
             {pool})). Mỗi con số dưới đây tính đúng theo đường cong này, chỉ thay đổi một tổ, đội \
             ở huyện này, mọi thứ khác giữ nguyên."
        ),
        Lang::En => format!(
            "G(e) is the installs that effort e brings in the district: G(e) = {pool} × (1 − \
             e^(−e ÷ {pool})). Each figure below is exact on this curve, for one team more or \
             fewer in this district only, everything else unchanged."
        ),
    })];
    items.extend(e.margins.iter().map(|m| margin(e, m, lang)));
    Section {
        title: lang
            .pick(
                "4. Thêm hoặc bớt một tổ, đội (các yếu tố khác giữ nguyên)",
                "4. One team more or fewer (all else equal)",
            )
            .to_string(),
        items,
    }
}

fn margin(e: &Explanation, m: &Margin, lang: Lang) -> Item {
    let kind = &e.kinds[m.kind];
    let name = &kind.name;
    let mut head = match lang {
        Lang::Vi => format!(
            "{}: {} trong kế hoạch; mỗi {} làm {} đơn vị nỗ lực",
            kind_title(lang, name),
            m.teams,
            words::kind_name(lang, name),
            number::count(lang, m.effort_per_team)
        ),
        Lang::En => format!(
            "{}: {} in the plan; each brings {} units of effort",
            kind_title(lang, name),
            m.teams,
            number::count(lang, m.effort_per_team)
        ),
    };
    if m.cost_per_team > 0.0 {
        head.push_str(&match lang {
            Lang::Vi => format!(
                " và tốn {} cho {}",
                number::money(lang, m.cost_per_team),
                words::days(lang, e.horizon_days)
            ),
            Lang::En => format!(
                " and costs {} for {}",
                number::money(lang, m.cost_per_team),
                words::days(lang, e.horizon_days)
            ),
        });
    }
    let e0 = e.allotment.effort;
    let mut more = format!(
        "{}: {} (G({}) − G({}))",
        lang.pick("Thêm một", "One more"),
        gain(lang, m.one_more),
        number::count(lang, e0 + m.effort_per_team),
        number::count(lang, e0)
    );
    if m.more_blocked.is_empty() {
        more.push_str(lang.pick(" — có thể", " — possible"));
    } else {
        let reasons: Vec<String> = m
            .more_blocked
            .iter()
            .map(|b| blocker(e, m, b, lang))
            .collect();
        more.push_str(&format!(
            " — {}: {}",
            lang.pick("không thể", "not possible"),
            reasons.join("; ")
        ));
    }
    let fewer = match m.one_fewer {
        None => format!(
            "{}: {}",
            lang.pick("Bớt một", "One fewer"),
            match lang {
                Lang::Vi => format!("huyện không có {} nào để bớt", words::kind_name(lang, name)),
                Lang::En => format!("the district has no {name} team to take away"),
            }
        ),
        Some(lost) => {
            let mut text = format!(
                "{}: {} (G({}) − G({}))",
                lang.pick("Bớt một", "One fewer"),
                drop(lang, lost),
                number::count(lang, (e0 - m.effort_per_team).max(0.0)),
                number::count(lang, e0)
            );
            if m.cost_per_team > 0.0 {
                text.push_str(&format!(
                    ", {} {}",
                    lang.pick("tiết kiệm", "saves"),
                    number::money(lang, m.cost_per_team)
                ));
            }
            if m.fewer_blocked.is_empty() {
                text.push_str(lang.pick(" — có thể", " — possible"));
            } else {
                let reasons: Vec<String> = m
                    .fewer_blocked
                    .iter()
                    .map(|b| blocker(e, m, b, lang))
                    .collect();
                text.push_str(&format!(
                    " — {}: {}",
                    lang.pick("không thể", "not possible"),
                    reasons.join("; ")
                ));
            }
            text
        }
    };
    item(head).with(vec![more, fewer])
}

/// Why one team more or fewer cannot be, in words.
fn blocker(e: &Explanation, m: &Margin, b: &Blocker, lang: Lang) -> String {
    let name = &e.kinds[m.kind].name;
    match b {
        Blocker::LocalTeamsAllUsed { stationed: 0 } => match lang {
            Lang::Vi => format!(
                "huyện không có {} nào (mục `teams` của huyện trong kịch bản); {} không thể điều \
                 từ huyện khác sang",
                words::kind_name(lang, name),
                words::kind_name(lang, name)
            ),
            Lang::En => format!(
                "the district has no {name} teams (the district's `teams` in the scenario); \
                 {name} teams cannot come from another district"
            ),
        },
        Blocker::LocalTeamsAllUsed { stationed } => match lang {
            Lang::Vi => format!(
                "cả {} của huyện đã có trong kế hoạch; {} không thể điều từ huyện khác sang, chỉ \
                 có thể thêm nếu huyện có thêm {} (mục `teams` của huyện trong kịch bản)",
                words::teams(lang, name, *stationed),
                words::kind_name(lang, name),
                words::kind_name(lang, name)
            ),
            Lang::En => format!(
                "all {} of the district are in the plan; {name} teams cannot come from another \
                 district, only from more {name} teams stationed here (the district's `teams` in \
                 the scenario)",
                words::teams(lang, name, *stationed)
            ),
        },
        Blocker::RuleMax { rule: r, max } => match lang {
            Lang::Vi => format!(
                "{} chỉ cho phép tối đa {}",
                rule(lang, r),
                words::teams(lang, name, *max)
            ),
            Lang::En => format!(
                "{} allows at most {}",
                rule(lang, r),
                words::teams(lang, name, *max)
            ),
        },
        Blocker::PoolAllAssigned { available: 0 } => match lang {
            Lang::Vi => format!(
                "tỉnh không có {} nào (mục `available` trong kịch bản)",
                words::kind_name(lang, name)
            ),
            Lang::En => {
                format!("the province has no {name} teams (`available` in the scenario)")
            }
        },
        Blocker::PoolAllAssigned { available } => {
            let all = match lang {
                Lang::Vi => format!(
                    "cả {} của tỉnh đã được phân bổ",
                    words::teams(lang, name, *available)
                ),
                Lang::En => format!(
                    "all {} of the province are assigned",
                    words::teams(lang, name, *available)
                ),
            };
            let from = match &m.from_elsewhere {
                Some(p) => match lang {
                    Lang::Vi => format!(
                        "; đội thêm phải lấy từ huyện khác: ít hữu ích nhất là một {} ở {} (ở đó \
                         mang lại {})",
                        words::kind_name(lang, name),
                        p.name,
                        gain(lang, p.installs)
                    ),
                    Lang::En => format!(
                        "; it would have to come from another district: the least useful {name} \
                         team elsewhere is in {} (it brings {} there)",
                        p.name,
                        gain(lang, p.installs)
                    ),
                },
                None => match lang {
                    Lang::Vi => format!(
                        "; không huyện nào khác có thể nhường {} (mỗi huyện chỉ có số đội mà quy \
                         tắc hoặc mức tối thiểu yêu cầu): chỉ có thể thêm nếu tỉnh có thêm đội \
                         (mục `available` trong kịch bản)",
                        one_team(lang, name)
                    ),
                    Lang::En => {
                        "; no other district can give one (each has only what its rules or floor \
                         require): only a larger pool would help (`available` in the scenario)"
                            .to_string()
                    }
                },
            };
            format!("{all}{from}")
        }
        Blocker::Budget { left } => match lang {
            Lang::Vi => format!(
                "ngân sách chỉ còn {} ({} tốn {})",
                number::money(lang, left.max(0.0)),
                one_team(lang, name),
                number::money(lang, m.cost_per_team)
            ),
            Lang::En => format!(
                "the budget has only {} left ({} costs {})",
                number::money(lang, left.max(0.0)),
                one_team(lang, name),
                number::money(lang, m.cost_per_team)
            ),
        },
        Blocker::NoTeam => String::new(),
        Blocker::RuleMin { rule: r, min } => {
            let who = r.as_deref().map_or_else(
                || lang.pick("các quy tắc", "the rules").to_string(),
                |r| rule(lang, r),
            );
            match lang {
                Lang::Vi => format!("{who} yêu cầu ít nhất {}", words::teams(lang, name, *min)),
                Lang::En => format!("{who} requires at least {}", words::teams(lang, name, *min)),
            }
        }
        Blocker::Floor { floor, rate_after } => match lang {
            Lang::Vi => format!(
                "huyện sẽ chỉ còn {}, dưới mức tối thiểu {}",
                number::percent_apart(lang, *rate_after, *floor),
                number::percent_short(lang, *floor)
            ),
            Lang::En => format!(
                "the district would fall to {}, below its floor of {}",
                number::percent_apart(lang, *rate_after, *floor),
                number::percent_short(lang, *floor)
            ),
        },
        Blocker::Target { target, rate_after } => match lang {
            Lang::Vi => format!(
                "toàn tỉnh sẽ chỉ còn {}, dưới mục tiêu {}",
                number::percent_apart(lang, *rate_after, *target),
                number::percent_short(lang, *target)
            ),
            Lang::En => format!(
                "the province would fall to {}, below the target of {}",
                number::percent_apart(lang, *rate_after, *target),
                number::percent_short(lang, *target)
            ),
        },
    }
}

fn comparison(e: &Explanation, lang: Lang) -> Section {
    let mut items = Vec::new();
    match &e.comparison {
        Comparison::Installs { exchanges } => {
            let intro = if e.status == Status::Infeasible {
                lang.pick(
                    "Kịch bản không khả thi: phương án này đặt mỗi đội ở nơi mang lại nhiều lượt \
                     cài nhất cho toàn tỉnh.",
                    "The scenario cannot be met: this plan puts each team where it brings the \
                     most installs to the province.",
                )
            } else {
                lang.pick(
                    "Phương án đặt mỗi đội ở nơi mang lại nhiều lượt cài nhất cho toàn tỉnh. So \
                     sánh khi điều một đội giữa huyện này và các huyện khác:",
                    "The plan puts each team where it brings the most installs to the province. \
                     One team moved between this district and the others:",
                )
            };
            items.push(item(intro));
            budget_item(e, lang, &mut items);
            exchange_items(e, exchanges, lang, &mut items);
        }
        Comparison::MinCost(view) => cost_items(e, view, lang, &mut items),
        Comparison::MaxMinRate { equity, exchanges } => {
            equity_items(e, equity, lang, &mut items);
            items.push(item(lang.pick(
                "Các đội còn lại được đặt ở nơi mang lại nhiều lượt cài nhất, miễn là không huyện \
                 nào xuống dưới tỷ lệ thấp nhất đó. So sánh khi điều một đội:",
                "The other teams go where they bring the most installs, as long as no district \
                 falls below that lowest rate. One team moved:",
            )));
            exchange_items(e, exchanges, lang, &mut items);
        }
    }
    local_items(e, lang, &mut items);
    Section {
        title: lang
            .pick(
                "5. Điều gì sẽ thay đổi phân bổ của huyện",
                "5. What would change its allocation",
            )
            .to_string(),
        items,
    }
}

fn budget_item(e: &Explanation, lang: Lang, items: &mut Vec<Item>) {
    let Some(budget) = e.budget else { return };
    let spent = e.province_cost;
    items.push(item(match lang {
        Lang::Vi => format!(
            "Ngân sách {}: kế hoạch chi {}, còn {}.",
            number::money(lang, budget),
            number::money(lang, spent),
            number::money(lang, (budget - spent).max(0.0))
        ),
        Lang::En => format!(
            "Budget {}: the plan spends {}, {} left.",
            number::money(lang, budget),
            number::money(lang, spent),
            number::money(lang, (budget - spent).max(0.0))
        ),
    }));
}

fn exchange_items(e: &Explanation, exchanges: &[Exchange], lang: Lang, items: &mut Vec<Item>) {
    let keeps_lowest = matches!(e.comparison, Comparison::MaxMinRate { .. });
    for x in exchanges {
        let name = &e.kinds[x.kind].name;
        let margin = &e.margins[x.kind];
        let mut details = Vec::new();

        // one more here
        if !x.can_take {
            let reasons: Vec<String> = margin
                .more_blocked
                .iter()
                .filter(|b| !matches!(b, Blocker::PoolAllAssigned { .. } | Blocker::Budget { .. }))
                .map(|b| blocker(e, margin, b, lang))
                .collect();
            details.push(match lang {
                Lang::Vi => format!(
                    "Không thể thêm {} cho huyện, dù huyện khác mang lại bao nhiêu: {}",
                    one_team(lang, name),
                    reasons.join("; ")
                ),
                Lang::En => format!(
                    "One more {name} team cannot come here, whatever the others bring: {}",
                    reasons.join("; ")
                ),
            });
        } else if x.assigned < x.available {
            details.push(match lang {
                Lang::Vi => format!(
                    "Còn {} chưa phân bổ; thêm một đội cho huyện sẽ mang lại {}{}",
                    words::teams(lang, name, x.available - x.assigned),
                    gain(lang, x.one_more_here),
                    if margin.more_blocked.is_empty() {
                        String::new()
                    } else {
                        let reasons: Vec<String> = margin
                            .more_blocked
                            .iter()
                            .map(|b| blocker(e, margin, b, lang))
                            .collect();
                        format!(", nhưng {}", reasons.join("; "))
                    }
                ),
                Lang::En => format!(
                    "{} {} not assigned; one more here would bring {}{}",
                    words::teams(lang, name, x.available - x.assigned),
                    if x.available - x.assigned == 1 {
                        "is"
                    } else {
                        "are"
                    },
                    gain(lang, x.one_more_here),
                    if margin.more_blocked.is_empty() {
                        String::new()
                    } else {
                        let reasons: Vec<String> = margin
                            .more_blocked
                            .iter()
                            .map(|b| blocker(e, margin, b, lang))
                            .collect();
                        format!(", but {}", reasons.join("; "))
                    }
                ),
            });
        } else {
            match &x.least_useful {
                None => details.push(match (lang, keeps_lowest) {
                    (Lang::Vi, false) => format!(
                        "Không huyện nào khác có thể nhường {}: mỗi huyện chỉ có số đội mà quy \
                         tắc hoặc mức tối thiểu yêu cầu",
                        one_team(lang, name)
                    ),
                    (Lang::Vi, true) => format!(
                        "Không huyện nào khác có thể nhường {}: mỗi huyện chỉ có số đội mà quy \
                         tắc yêu cầu, hoặc sẽ xuống dưới tỷ lệ thấp nhất nếu bớt một đội",
                        one_team(lang, name)
                    ),
                    (Lang::En, false) => format!(
                        "No other district can give a {name} team: each has only what its rules \
                         or floor require"
                    ),
                    (Lang::En, true) => format!(
                        "No other district can give a {name} team: each has only what its rules \
                         require, or would fall below the lowest rate without it"
                    ),
                }),
                Some(p) => {
                    let mut text = match lang {
                        Lang::Vi => format!(
                            "Thêm {} cho {} sẽ mang lại {}; {} ít hữu ích nhất ở huyện khác ({}, \
                             có {}) mang lại {} ở đó",
                            one_team(lang, name),
                            e.name,
                            gain(lang, x.one_more_here),
                            words::kind_name(lang, name),
                            p.name,
                            words::teams(lang, name, p.teams),
                            gain(lang, p.installs)
                        ),
                        Lang::En => format!(
                            "One more {name} team here would bring {}; the least useful {name} \
                             team elsewhere ({}, which has {}) brings {} there",
                            gain(lang, x.one_more_here),
                            p.name,
                            words::teams(lang, name, p.teams),
                            gain(lang, p.installs)
                        ),
                    };
                    let diff = p.installs - x.one_more_here;
                    if diff >= -INSTALLS_TIE {
                        text.push_str(&match lang {
                            Lang::Vi => format!(
                                ", nên kế hoạch giữ đội đó ở {}: chuyển sang đây toàn tỉnh sẽ mất {}",
                                p.name,
                                difference(lang, diff)
                            ),
                            Lang::En => format!(
                                ", so the plan keeps it there: moving it here would cost the \
                                 province {}",
                                difference(lang, diff)
                            ),
                        });
                        text.push_str(&match (x.pool_to_gain, lang) {
                            (Some(pool), Lang::Vi) => format!(
                                ". Chuyển đội đó sang {} chỉ có lợi khi số người còn có thể vận động \
                                 của huyện lớn hơn khoảng {} (hiện nay {})",
                                e.name,
                                people(lang, pool),
                                people(lang, e.inputs.pool)
                            ),
                            (Some(pool), Lang::En) => format!(
                                ". Moving it to {} would pay off only if the district's reachable \
                                 pool were above about {} (now {})",
                                e.name,
                                people(lang, pool),
                                people(lang, e.inputs.pool)
                            ),
                            (None, Lang::Vi) => format!(
                                ". Dù số người còn có thể vận động lớn đến đâu, một {} ở đây cũng \
                                 không mang lại quá {}",
                                words::kind_name(lang, name),
                                installs(lang, margin.effort_per_team)
                            ),
                            (None, Lang::En) => format!(
                                ". However large the reachable pool here, one {name} team brings \
                                 at most {} here",
                                installs(lang, margin.effort_per_team)
                            ),
                        });
                    } else {
                        text.push_str(&match lang {
                            Lang::Vi => format!(
                                ": chuyển đội đó sang đây toàn tỉnh sẽ thêm {}",
                                difference(lang, -diff)
                            ),
                            Lang::En => format!(
                                ": moving it here would add {} to the province",
                                difference(lang, -diff)
                            ),
                        });
                    }
                    text.push('.');
                    details.push(text);
                }
            }
        }

        // one fewer here
        match x.one_fewer_here {
            None => {}
            Some(_) if !x.can_give => {
                let reasons: Vec<String> = margin
                    .fewer_blocked
                    .iter()
                    .map(|b| blocker(e, margin, b, lang))
                    .collect();
                let reasons = if reasons.is_empty() {
                    // only the lowest rate holds it (max-min-rate)
                    vec![
                        lang.pick(
                            "huyện sẽ xuống dưới tỷ lệ thấp nhất của phương án",
                            "the district would fall below the plan's lowest rate",
                        )
                        .to_string(),
                    ]
                } else {
                    reasons
                };
                details.push(match lang {
                    Lang::Vi => format!(
                        "Không thể bớt {} của huyện: {}",
                        one_team(lang, name),
                        reasons.join("; ")
                    ),
                    Lang::En => format!(
                        "None of its {name} teams can be taken away: {}",
                        reasons.join("; ")
                    ),
                });
            }
            Some(lost) => match &x.most_useful {
                None => details.push(match lang {
                    Lang::Vi => format!(
                        "Không huyện nào khác nhận thêm được {} (đều đã ở mức tối đa)",
                        one_team(lang, name)
                    ),
                    Lang::En => format!(
                        "No other district can take one more {name} team (all are at their \
                         maximum)"
                    ),
                }),
                Some(p) => {
                    let mut text = match lang {
                        Lang::Vi => format!(
                            "Bớt {} ở {} sẽ mất {}; nơi khác cần thêm nhất ({}, có {}) sẽ được {}",
                            one_team(lang, name),
                            e.name,
                            installs(lang, lost),
                            p.name,
                            words::teams(lang, name, p.teams),
                            gain(lang, p.installs)
                        ),
                        Lang::En => format!(
                            "One {name} team fewer here would lose {}; the best place elsewhere \
                             for one more ({}, which has {}) would gain {}",
                            installs(lang, lost),
                            p.name,
                            words::teams(lang, name, p.teams),
                            gain(lang, p.installs)
                        ),
                    };
                    let diff = lost - p.installs;
                    if diff >= -INSTALLS_TIE {
                        text.push_str(&match lang {
                            Lang::Vi => format!(
                                ", nên kế hoạch giữ đội ở đây: chuyển đi toàn tỉnh sẽ mất {}",
                                difference(lang, diff)
                            ),
                            Lang::En => format!(
                                ", so the plan keeps it here: moving it would cost the province {}",
                                difference(lang, diff)
                            ),
                        });
                        if let Some(pool) = x.pool_to_lose {
                            text.push_str(&match lang {
                                Lang::Vi => format!(
                                    ". Đội đó chỉ nên chuyển đi nếu số người còn có thể vận động của \
                                     huyện dưới khoảng {} (hiện nay {})",
                                    people(lang, pool),
                                    people(lang, e.inputs.pool)
                                ),
                                Lang::En => format!(
                                    ". It would be better used there only if the district's \
                                     reachable pool were below about {} (now {})",
                                    people(lang, pool),
                                    people(lang, e.inputs.pool)
                                ),
                            });
                        }
                    } else {
                        text.push_str(&match lang {
                            Lang::Vi => format!(
                                ": chuyển đội đó đi toàn tỉnh sẽ thêm {}",
                                difference(lang, -diff)
                            ),
                            Lang::En => format!(
                                ": moving it there would add {} to the province",
                                difference(lang, -diff)
                            ),
                        });
                    }
                    text.push('.');
                    details.push(text);
                }
            },
        }
        items.push(item(kind_title(lang, name)).with(details));
    }
}

/// Local kinds cannot move: say so once per kind.
fn local_items(e: &Explanation, lang: Lang, items: &mut Vec<Item>) {
    for (k, kind) in e.kinds.iter().enumerate() {
        if kind.scope != Scope::Local {
            continue;
        }
        let used = e.allotment.teams[k];
        let stationed = e
            .inputs
            .local_teams
            .iter()
            .find(|(n, _)| *n == kind.name)
            .map_or(0, |(_, n)| *n);
        items.push(item(match lang {
            Lang::Vi => format!(
                "{} không điều chuyển giữa các huyện: kế hoạch dùng {} trong số {} của huyện.",
                kind_title(lang, &kind.name),
                used,
                words::teams(lang, &kind.name, stationed)
            ),
            Lang::En => format!(
                "{} teams do not move between districts: the plan uses {used} of the district's {}.",
                words::capitalize(&kind.name),
                words::teams(lang, &kind.name, stationed)
            ),
        }));
    }
}

/// `9.150 đ một lượt cài` / `9,150 VND per install`; for free kinds, installs per team.
fn price(lang: Lang, all_free: bool, cost: f64, installs_: f64) -> String {
    if all_free {
        match lang {
            Lang::Vi => format!("{} mỗi đội", installs(lang, installs_)),
            Lang::En => format!("{} per team", installs(lang, installs_)),
        }
    } else {
        match lang {
            Lang::Vi => format!("{} một lượt cài", number::money(lang, cost / installs_)),
            Lang::En => format!("{} per install", number::money(lang, cost / installs_)),
        }
    }
}

fn priced(e: &Explanation, lang: Lang, all_free: bool, p: &Priced) -> String {
    let name = &e.kinds[p.kind].name;
    match lang {
        Lang::Vi => format!(
            "{} ở {} ({}: {})",
            one_team(lang, name),
            p.name,
            gain(lang, p.installs),
            price(lang, all_free, p.cost, p.installs)
        ),
        Lang::En => format!(
            "{} in {} ({}: {})",
            one_team(lang, name),
            p.name,
            gain(lang, p.installs),
            price(lang, all_free, p.cost, p.installs)
        ),
    }
}

fn cost_items(e: &Explanation, v: &CostView, lang: Lang, items: &mut Vec<Item>) {
    let spare = v.projected_installed - v.target_installs;
    items.push(item(match (lang, v.all_free) {
        (Lang::Vi, false) => format!(
            "Phương án là phương án rẻ nhất đạt mục tiêu toàn tỉnh {} ({}); toàn tỉnh dự kiến có {}, dư {}.",
            number::percent_short(lang, v.target_rate),
            installs(lang, v.target_installs),
            installs(lang, v.projected_installed),
            installs(lang, spare.max(0.0))
        ),
        (Lang::Vi, true) => format!(
            "Mọi loại tổ, đội đều miễn phí: phương án dùng ít tổ, đội nhất để đạt mục tiêu toàn tỉnh {} ({}); toàn tỉnh dự kiến có {}, dư {}.",
            number::percent_short(lang, v.target_rate),
            installs(lang, v.target_installs),
            installs(lang, v.projected_installed),
            installs(lang, spare.max(0.0))
        ),
        (Lang::En, false) => format!(
            "The plan is the cheapest that reaches the provincial target of {} ({}); the province is projected at {}, {} to spare.",
            number::percent_short(lang, v.target_rate),
            installs(lang, v.target_installs),
            installs(lang, v.projected_installed),
            installs(lang, spare.max(0.0))
        ),
        (Lang::En, true) => format!(
            "Every kind is free: the plan uses the fewest teams that reach the provincial target of {} ({}); the province is projected at {}, {} to spare.",
            number::percent_short(lang, v.target_rate),
            installs(lang, v.target_installs),
            installs(lang, v.projected_installed),
            installs(lang, spare.max(0.0))
        ),
    }));
    let unit = |m: &Margin| if v.all_free { 1.0 } else { m.cost_per_team };
    let smartphones = e.inputs.smartphones as f64;
    for m in &e.margins {
        let name = &e.kinds[m.kind].name;
        let mut details = Vec::new();
        if let Some(lost) = m.one_fewer {
            let mut text = match lang {
                Lang::Vi => format!(
                    "{} cuối cùng của huyện mang lại {} (+{} tỷ lệ của huyện): {}",
                    words::capitalize(&words::kind_name(lang, name)),
                    gain(lang, lost),
                    points(lang, lost / smartphones),
                    price(lang, v.all_free, unit(m), lost)
                ),
                Lang::En => format!(
                    "The last {name} team here brings {} (+{} of the district's rate): {}",
                    gain(lang, lost),
                    points(lang, lost / smartphones),
                    price(lang, v.all_free, unit(m), lost)
                ),
            };
            if m.fewer_blocked.is_empty() {
                text.push_str(lang.pick(
                    "; không có nó toàn tỉnh vẫn đạt mục tiêu",
                    "; without it the province would still reach the target",
                ));
            } else {
                let reasons: Vec<String> = m
                    .fewer_blocked
                    .iter()
                    .map(|b| blocker(e, m, b, lang))
                    .collect();
                text.push_str(&format!(
                    "; {}: {}",
                    lang.pick("không thể bớt", "it cannot go"),
                    reasons.join("; ")
                ));
            }
            details.push(text);
        }
        let mut next = match lang {
            Lang::Vi => format!(
                "Thêm {} sẽ mang lại {} (+{} tỷ lệ của huyện): {}",
                one_team(lang, name),
                gain(lang, m.one_more),
                points(lang, m.one_more / smartphones),
                price(lang, v.all_free, unit(m), m.one_more)
            ),
            Lang::En => format!(
                "One more {name} team here would bring {} (+{} of the district's rate): {}",
                gain(lang, m.one_more),
                points(lang, m.one_more / smartphones),
                price(lang, v.all_free, unit(m), m.one_more)
            ),
        };
        if !m.more_blocked.is_empty() {
            let reasons: Vec<String> = m
                .more_blocked
                .iter()
                .map(|b| blocker(e, m, b, lang))
                .collect();
            next.push_str(&format!(
                " — {}: {}",
                lang.pick("không thể", "not possible"),
                reasons.join("; ")
            ));
        } else {
            next.push_str(lang.pick(
                "; toàn tỉnh đã đạt mục tiêu khi không có nó, nên kế hoạch không dùng nó",
                "; the province reaches the target without it, so the plan does not buy it",
            ));
        }
        if m.more_blocked.is_empty()
            && let Some(p) = &v.dearest_kept
        {
            // replacing the dearest team elsewhere with this one: exact change in cost and installs
            let cost_change = unit(m) - p.cost;
            let installs_change = m.one_more - p.installs;
            let still = spare + installs_change >= -crate::solve::INSTALLS_TOLERANCE;
            next.push_str(&match lang {
                Lang::Vi => format!(
                    ". Thay {} bằng đội này: chi phí thay đổi {}, số lượt cài toàn tỉnh thay đổi {}; toàn tỉnh {}",
                    priced(e, lang, v.all_free, p),
                    signed_cost(lang, v.all_free, cost_change),
                    signed_installs(lang, installs_change),
                    if still { "vẫn đạt mục tiêu" } else { "sẽ không đạt mục tiêu" }
                ),
                Lang::En => format!(
                    ". Replacing {} with it would change the cost by {} and the province's installs by {}; the province {}",
                    priced(e, lang, v.all_free, p),
                    signed_cost(lang, v.all_free, cost_change),
                    signed_installs(lang, installs_change),
                    if still { "would still reach the target" } else { "would miss the target" }
                ),
            });
        }
        details.push(next);
        items.push(item(kind_title(lang, name)).with(details));
    }
    if let Some(p) = &v.dearest_kept {
        items.push(item(format!(
            "{}: {}",
            lang.pick(
                "Lượt cài đắt nhất kế hoạch mua ở huyện khác",
                "The dearest installs the plan buys elsewhere"
            ),
            priced(e, lang, v.all_free, p)
        )));
    }
    if let Some(p) = &v.cheapest_left {
        items.push(item(format!(
            "{}: {}",
            lang.pick(
                "Lượt cài rẻ nhất kế hoạch chưa dùng ở huyện khác",
                "The cheapest installs left out elsewhere"
            ),
            priced(e, lang, v.all_free, p)
        )));
    }
}

/// `+4.200.000 đ`, `−2.100.000 đ`, `0 đ`; in teams when every kind is free.
fn signed_cost(lang: Lang, all_free: bool, change: f64) -> String {
    let sign = if change > 0.0 {
        "+"
    } else if change < 0.0 {
        "−"
    } else {
        ""
    };
    if all_free {
        format!(
            "{sign}{} {}",
            number::count(lang, change.abs()),
            lang.pick(
                "tổ, đội",
                if change.abs() == 1.0 { "team" } else { "teams" }
            )
        )
    } else {
        format!("{sign}{}", number::money(lang, change.abs()))
    }
}

fn signed_installs(lang: Lang, change: f64) -> String {
    if change < 0.0 {
        drop(lang, -change)
    } else {
        gain(lang, change)
    }
}

fn equity_items(e: &Explanation, q: &Equity, lang: Lang, items: &mut Vec<Item>) {
    let mut head = if q.is_lowest {
        match lang {
            Lang::Vi => format!(
                "{} có tỷ lệ dự kiến thấp nhất tỉnh ({}): đó là kết quả của phương án (mục đích là nâng tỷ lệ này)",
                e.name,
                number::percent(lang, q.rate_here)
            ),
            Lang::En => format!(
                "{} has the lowest projected rate in the province ({}): that rate is the plan's result (the goal is to raise it)",
                e.name,
                number::percent(lang, q.rate_here)
            ),
        }
    } else {
        match lang {
            Lang::Vi => format!(
                "Tỷ lệ dự kiến của {} ({}) cao hơn tỷ lệ thấp nhất tỉnh ({}, {}) {}: huyện không quyết định kết quả của phương án",
                e.name,
                number::percent(lang, q.rate_here),
                q.lowest_name,
                number::percent(lang, q.lowest_rate),
                points(lang, q.rate_here - q.lowest_rate)
            ),
            Lang::En => format!(
                "{}'s projected rate ({}) is {} above the lowest in the province ({}, {}): it does not set the plan's result",
                e.name,
                number::percent(lang, q.rate_here),
                points(lang, q.rate_here - q.lowest_rate),
                q.lowest_name,
                number::percent(lang, q.lowest_rate)
            ),
        }
    };
    if q.is_lowest && !q.tied.is_empty() {
        head.push_str(&match lang {
            Lang::Vi => format!("; bằng với {}", words::and_list(lang, &q.tied)),
            Lang::En => format!("; tied with {}", words::and_list(lang, &q.tied)),
        });
    }
    if q.is_lowest
        && let Some((name, rate)) = &q.lowest_other
    {
        head.push_str(&match lang {
            Lang::Vi => format!(
                "; huyện thấp tiếp theo là {name} ({})",
                number::percent(lang, *rate)
            ),
            Lang::En => format!(
                "; the next lowest is {name} ({})",
                number::percent(lang, *rate)
            ),
        });
    }
    head.push('.');
    let mut details = Vec::new();
    for mv in &q.moves {
        let name = &e.kinds[mv.kind].name;
        if q.is_lowest {
            let text = if mv.possible {
                let from = match (&mv.from, lang) {
                    (Some(d), Lang::Vi) => format!(" (lấy từ {d})"),
                    (Some(d), Lang::En) => format!(" (taken from {d})"),
                    (None, _) => String::new(),
                };
                match lang {
                    Lang::Vi => format!(
                        "Thêm {}{from}: {} lên {}; tỷ lệ thấp nhất tỉnh khi đó là {} (nay {}): {}",
                        one_team(lang, name),
                        e.name,
                        number::percent(lang, mv.rate_with_one_more),
                        number::percent(lang, mv.lowest_after_more),
                        number::percent(lang, q.lowest_rate),
                        if mv.lowest_after_more > q.lowest_rate + RATE_TIE {
                            "kết quả của phương án sẽ tăng"
                        } else if mv.lowest_after_more < q.lowest_rate - RATE_TIE {
                            "kết quả của phương án sẽ giảm"
                        } else {
                            "kết quả của phương án không đổi"
                        }
                    ),
                    Lang::En => format!(
                        "One more {name} team{from}: {} would reach {}; the lowest rate would then be {} (now {}): {}",
                        e.name,
                        number::percent(lang, mv.rate_with_one_more),
                        number::percent(lang, mv.lowest_after_more),
                        number::percent(lang, q.lowest_rate),
                        if mv.lowest_after_more > q.lowest_rate + RATE_TIE {
                            "the plan's result would rise"
                        } else if mv.lowest_after_more < q.lowest_rate - RATE_TIE {
                            "the plan's result would fall"
                        } else {
                            "the plan's result would not change"
                        }
                    ),
                }
            } else {
                match lang {
                    Lang::Vi => format!(
                        "Thêm {} sẽ đưa {} lên {}, nhưng không thể có thêm đội (xem mục 4)",
                        one_team(lang, name),
                        e.name,
                        number::percent(lang, mv.rate_with_one_more)
                    ),
                    Lang::En => format!(
                        "One more {name} team would take {} to {}, but none can come (see 4)",
                        e.name,
                        number::percent(lang, mv.rate_with_one_more)
                    ),
                }
            };
            details.push(text);
        } else if let (Some(r), Some(low)) = (mv.rate_with_one_fewer, mv.lowest_after_fewer) {
            let falls = r < q.lowest_rate;
            details.push(match lang {
                Lang::Vi => format!(
                    "Bớt {}: {} còn {}; {}",
                    one_team(lang, name),
                    e.name,
                    number::percent(lang, r),
                    if falls {
                        format!(
                            "huyện sẽ thành thấp nhất tỉnh và tỷ lệ thấp nhất giảm từ {} xuống {}",
                            number::percent(lang, q.lowest_rate),
                            number::percent(lang, low)
                        )
                    } else {
                        "huyện vẫn không thấp hơn tỷ lệ thấp nhất tỉnh".to_string()
                    }
                ),
                Lang::En => format!(
                    "One {name} team fewer: {} would fall to {}; {}",
                    e.name,
                    number::percent(lang, r),
                    if falls {
                        format!(
                            "it would become the lowest and the lowest rate would drop from {} to {}",
                            number::percent(lang, q.lowest_rate),
                            number::percent(lang, low)
                        )
                    } else {
                        "it would still not be below the lowest rate".to_string()
                    }
                ),
            });
        }
    }
    items.push(item(head).with(details));
}
