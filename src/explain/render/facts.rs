//! Parts 1 to 3: the district's inputs and their sources, the rules that ran on it, and what
//! the plan gives it.

use super::phrase::{gain, kind_title, people, places, rule};
use super::{Item, Section, item};
use crate::explain::Explanation;
use crate::explain::inputs::{BoundSource, Inputs};
use crate::explain::trace_words;
use crate::number;
use crate::report::words;
use crate::text::Lang;

pub(super) fn inputs(e: &Explanation, lang: Lang) -> Section {
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

    let [m, a, _] = whole_installs(e);
    items.push(mandated(i, m, lang));
    items.push(fixed(i, a, lang));
    items.push(reachable_pool(i, lang));
    items.push(floor(i, lang));
    items.push(teams_allowed(e, lang));

    Section {
        title: lang.pick("1. Số liệu đầu vào", "1. Its inputs").to_string(),
        items,
    }
}

/// M_d, A_d and the teams' installs G, whole, as the plan's pages print them: G as the
/// district's row prints it, M and A rounded with it so that the installs now and the three add
/// up to the projected installs as printed (docs/model.md § "Figures add up as printed"; 16.752
/// + 594 + 1.127 + 5.715 was one more than the 24.187 below them).
fn whole_installs(e: &Explanation) -> [f64; 3] {
    let parts = [
        e.inputs.mandated_installs,
        e.inputs.fixed_installs,
        e.allotment.outreach_installs,
    ];
    match number::whole_parts(&parts, &[false, false, true])[..] {
        [m, a, g] => [m, a, g],
        _ => parts.map(f64::round),
    }
}

/// M_d, with each mandate; `whole` is M as printed ([`whole_installs`]).
fn mandated(i: &Inputs, whole: f64, lang: Lang) -> Item {
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
    item(format!(
        "{}: {}",
        lang.pick(
            "Lượt cài theo diện bắt buộc (M)",
            "Installs from mandated cohorts (M)"
        ),
        gain(lang, whole)
    ))
    .with(details)
}

/// A_d, with each addition; `whole` is A as printed ([`whole_installs`]).
fn fixed(i: &Inputs, whole: f64, lang: Lang) -> Item {
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
    item(format!(
        "{}: {}",
        lang.pick("Lượt cài cố định khác (A)", "Other fixed installs (A)"),
        gain(lang, whole)
    ))
    .with(details)
}

/// P_d, and how it is found.
fn reachable_pool(i: &Inputs, lang: Lang) -> Item {
    item(format!(
        "{}: {} × ({} − {} − {} − {}) = {}",
        lang.pick("Số người còn có thể vận động (P)", "Reachable pool (P)"),
        number::percent_short(lang, i.reachable_share),
        number::count(lang, i.smartphones as f64),
        number::count(lang, i.installed as f64),
        number::decimal(lang, i.mandated_installs, 1),
        number::decimal(lang, i.fixed_installs, 1),
        people(lang, i.pool)
    ))
}

/// The district's floor, and where it comes from.
fn floor(i: &Inputs, lang: Lang) -> Item {
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
    item(format!(
        "{}: {floor}",
        lang.pick("Mức tối thiểu của huyện", "The district's floor")
    ))
}

/// The teams of each kind the district may have, and why.
fn teams_allowed(e: &Explanation, lang: Lang) -> Item {
    let i = &e.inputs;
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
    item(lang.pick("Số tổ, đội được phép", "Teams allowed")).with(details)
}

pub(super) fn rules(e: &Explanation, lang: Lang) -> Section {
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

pub(super) fn plan(e: &Explanation, lang: Lang) -> Section {
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
    let effort = effort(e, lang);
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
            gain(lang, whole_installs(e)[2])
        )),
        item(format!(
            "{}: {} ({} → {})",
            words::PROJECTED.get(lang),
            number::count(lang, a.projected_installed),
            number::percent(lang, i.rate),
            number::percent(
                lang,
                number::rate_as_printed(a.projected_installed, i.smartphones)
            )
        )),
        item(format!(
            "{}: {}",
            lang.pick("Chi phí", "Cost"),
            number::money(lang, a.cost)
        )),
    ];
    if let Some(floor) = i.floor {
        // judged on the installs as printed above, as the plan's reports judge it
        let reached = !number::short_as_printed(a.projected_installed, i.smartphones, floor);
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

/// The district's effort as a sum: days × (teams × installs per team-day [× the rules'
/// productivity] + ...) = effort, or `0` without teams.
fn effort(e: &Explanation, lang: Lang) -> String {
    let a = &e.allotment;
    let i = &e.inputs;
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
    if terms.is_empty() {
        "0".to_string()
    } else {
        format!(
            "{} × ({}) = {}",
            e.horizon_days,
            terms.join(" + "),
            number::count(lang, a.effort)
        )
    }
}
