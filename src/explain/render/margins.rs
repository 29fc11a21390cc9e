//! Part 4: one team more or fewer, and what stands in the way.

use super::phrase::{drop, gain, kind_title, one_team, rule};
use super::{Item, Section, item};
use crate::explain::Explanation;
use crate::explain::margin::{Blocker, Margin};
use crate::number;
use crate::report::words;
use crate::text::Lang;

pub(super) fn margins(e: &Explanation, lang: Lang) -> Section {
    let pool = number::count(lang, e.inputs.pool);
    let mut items = vec![item(match lang {
        Lang::Vi => format!(
            "G(N) là số lượt cài nhờ nỗ lực N của các tổ, đội ở huyện (N = số ngày × số tổ, đội × \
             lượt cài mỗi ngày của một tổ, đội): G(N) = {pool} × (1 − e^(−N ÷ {pool})), e là cơ số \
             của lôgarit tự nhiên (2,718…). Mỗi con số dưới đây tính đúng theo đường cong này, chỉ thay đổi một tổ, đội \
             ở huyện này, mọi thứ khác giữ nguyên."
        ),
        Lang::En => format!(
            "G(N) is the installs that effort N brings in the district (N = days × teams × \
             installs per team-day): G(N) = {pool} × (1 − e^(−N ÷ {pool})), where e is Euler's \
             number (2.718…). Each figure below is exact on this curve, for one team more or \
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

pub(super) fn margin(e: &Explanation, m: &Margin, lang: Lang) -> Item {
    item(head(e, m, lang)).with(vec![one_more(e, m, lang), one_fewer(e, m, lang)])
}

/// The kind's line: its teams in the plan, the effort and the cost of each.
fn head(e: &Explanation, m: &Margin, lang: Lang) -> String {
    let name = &e.kinds[m.kind].name;
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
    head
}

/// " — possible", or " — not possible: " and why.
fn possible(e: &Explanation, m: &Margin, blockers: &[Blocker], lang: Lang) -> String {
    if blockers.is_empty() {
        lang.pick(" — có thể", " — possible").to_string()
    } else {
        format!(
            " — {}: {}",
            lang.pick("không thể", "not possible"),
            reasons(e, m, blockers, lang)
        )
    }
}

/// One more team: what it brings (G(e + effort) − G(e)) and whether it can come.
fn one_more(e: &Explanation, m: &Margin, lang: Lang) -> String {
    let e0 = e.allotment.effort;
    format!(
        "{}: {} (G({}) − G({})){}",
        lang.pick("Thêm một", "One more"),
        gain(lang, m.one_more),
        number::count(lang, e0 + m.effort_per_team),
        number::count(lang, e0),
        possible(e, m, &m.more_blocked, lang)
    )
}

/// One fewer team: what it loses and saves, and whether it can go; or that there is none.
fn one_fewer(e: &Explanation, m: &Margin, lang: Lang) -> String {
    let name = &e.kinds[m.kind].name;
    let e0 = e.allotment.effort;
    let Some(lost) = m.one_fewer else {
        return format!(
            "{}: {}",
            lang.pick("Bớt một", "One fewer"),
            match lang {
                Lang::Vi => format!("huyện không có {} nào để bớt", words::kind_name(lang, name)),
                Lang::En => format!("the district has no {name} team to take away"),
            }
        );
    };
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
    text.push_str(&possible(e, m, &m.fewer_blocked, lang));
    text
}

/// Why one team more or fewer cannot be: each of `blockers` in words, joined by "; ".
pub(super) fn reasons<'b>(
    e: &Explanation,
    m: &Margin,
    blockers: impl IntoIterator<Item = &'b Blocker>,
    lang: Lang,
) -> String {
    let words: Vec<String> = blockers
        .into_iter()
        .map(|b| blocker(e, m, b, lang))
        .collect();
    words.join("; ")
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
