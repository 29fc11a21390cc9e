//! Part 5: the district against the others, and the `max-installs` exchanges (also used by
//! `max-min-rate` and by a scenario that cannot be met).

use super::cost::cost_items;
use super::equity::equity_items;
use super::margins::reasons;
use super::phrase::{difference, gain, installs, kind_title, one_team, people};
use super::{Item, Section, item};
use crate::explain::Explanation;
use crate::explain::compare::{Comparison, Exchange};
use crate::explain::margin::{Blocker, Margin};
use crate::explain::team::Placed;
use crate::model::Scope;
use crate::number;
use crate::report::words;
use crate::solve::Status;
use crate::text::Lang;

// The pool differences are taken between the rounded pools, so that they add up as printed.

/// Installs closer than this count as equal when two teams are compared.
const INSTALLS_TIE: f64 = 1e-9;

pub(super) fn comparison(e: &Explanation, lang: Lang) -> Section {
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
        // the rates as printed: each district's as the plan's table prints it
        Comparison::MaxMinRate {
            printed, exchanges, ..
        } => {
            equity_items(e, printed, lang, &mut items);
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

pub(super) fn budget_item(e: &Explanation, lang: Lang, items: &mut Vec<Item>) {
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

/// For each provincial kind: one more team here, and one fewer, against the other districts.
pub(super) fn exchange_items(
    e: &Explanation,
    exchanges: &[Exchange],
    lang: Lang,
    items: &mut Vec<Item>,
) {
    let keeps_lowest = matches!(e.comparison, Comparison::MaxMinRate { .. });
    for x in exchanges {
        let name = &e.kinds[x.kind].name;
        let margin = &e.margins[x.kind];
        let one_more = if !x.can_take {
            cannot_take(e, margin, name, lang)
        } else if x.assigned < x.available {
            unassigned(e, x, margin, name, lang)
        } else {
            match &x.least_useful {
                None => none_can_give(name, keeps_lowest, lang),
                Some(p) => against_least_useful(e, x, p, margin, name, lang),
            }
        };
        let one_fewer = match x.one_fewer_here {
            None => None,
            Some(_) if !x.can_give => Some(cannot_give(e, margin, name, lang)),
            Some(lost) => Some(match &x.most_useful {
                None => none_can_take(name, lang),
                Some(p) => against_most_useful(e, x, p, lost, name, lang),
            }),
        };
        let details = std::iter::once(one_more).chain(one_fewer).collect();
        items.push(item(kind_title(lang, name)).with(details));
    }
}

/// Why one more team of the kind cannot come to the district, whatever the others bring.
fn cannot_take(e: &Explanation, margin: &Margin, name: &str, lang: Lang) -> String {
    let why = reasons(
        e,
        margin,
        margin
            .more_blocked
            .iter()
            .filter(|b| !matches!(b, Blocker::PoolAllAssigned { .. } | Blocker::Budget { .. })),
        lang,
    );
    match lang {
        Lang::Vi => format!(
            "Không thể thêm {} cho huyện, dù huyện khác mang lại bao nhiêu: {why}",
            one_team(lang, name),
        ),
        Lang::En => {
            format!("One more {name} team cannot come here, whatever the others bring: {why}")
        }
    }
}

/// Teams of the kind left unassigned: what one more here would bring, and what stops it.
fn unassigned(e: &Explanation, x: &Exchange, margin: &Margin, name: &str, lang: Lang) -> String {
    let but = |word: &str| {
        if margin.more_blocked.is_empty() {
            String::new()
        } else {
            format!(
                ", {word} {}",
                reasons(e, margin, &margin.more_blocked, lang)
            )
        }
    };
    match lang {
        Lang::Vi => format!(
            "Còn {} chưa phân bổ; thêm một đội cho huyện sẽ mang lại {}{}",
            words::teams(lang, name, x.available - x.assigned),
            gain(lang, x.one_more_here),
            but("nhưng")
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
            but("but")
        ),
    }
}

/// No other district can give a team of the kind.
fn none_can_give(name: &str, keeps_lowest: bool, lang: Lang) -> String {
    match (lang, keeps_lowest) {
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
    }
}

/// One more team here against the least useful team of the kind elsewhere (`p`).
fn against_least_useful(
    e: &Explanation,
    x: &Exchange,
    p: &Placed,
    margin: &Margin,
    name: &str,
    lang: Lang,
) -> String {
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
                difference(lang, p.installs, x.one_more_here)
            ),
            Lang::En => format!(
                ", so the plan keeps it there: moving it here would cost the \
                 province {}",
                difference(lang, p.installs, x.one_more_here)
            ),
        });
        text.push_str(&match (x.pool_to_gain, lang) {
            (Some(pool), Lang::Vi) => format!(
                ". Chuyển đội đó sang {} chỉ có lợi khi số người còn có thể vận động \
                 của huyện lớn hơn khoảng {} (hiện nay {}: cần thêm khoảng {})",
                e.name,
                people(lang, pool),
                people(lang, e.inputs.pool),
                people(lang, pool.round() - e.inputs.pool.round())
            ),
            (Some(pool), Lang::En) => format!(
                ". Moving it to {} would pay off only if the district's reachable \
                 pool were above about {} (now {}: about {} more)",
                e.name,
                people(lang, pool),
                people(lang, e.inputs.pool),
                number::count(lang, pool.round() - e.inputs.pool.round())
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
                difference(lang, x.one_more_here, p.installs)
            ),
            Lang::En => format!(
                ": moving it here would add {} to the province",
                difference(lang, x.one_more_here, p.installs)
            ),
        });
    }
    text.push('.');
    text
}

/// Why none of the district's teams of the kind can be taken away.
fn cannot_give(e: &Explanation, margin: &Margin, name: &str, lang: Lang) -> String {
    let why = if margin.fewer_blocked.is_empty() {
        // only the lowest rate holds it (max-min-rate)
        lang.pick(
            "huyện sẽ xuống dưới tỷ lệ thấp nhất của phương án",
            "the district would fall below the plan's lowest rate",
        )
        .to_string()
    } else {
        reasons(e, margin, &margin.fewer_blocked, lang)
    };
    match lang {
        Lang::Vi => format!("Không thể bớt {} của huyện: {why}", one_team(lang, name)),
        Lang::En => format!("None of its {name} teams can be taken away: {why}"),
    }
}

/// No other district can take one more team of the kind.
fn none_can_take(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "Không huyện nào khác nhận thêm được {} (đều đã ở mức tối đa)",
            one_team(lang, name)
        ),
        Lang::En => format!(
            "No other district can take one more {name} team (all are at their \
         maximum)"
        ),
    }
}

/// One team fewer here (losing `lost` installs) against the best place elsewhere for one more
/// team of the kind (`p`).
fn against_most_useful(
    e: &Explanation,
    x: &Exchange,
    p: &Placed,
    lost: f64,
    name: &str,
    lang: Lang,
) -> String {
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
                difference(lang, lost, p.installs)
            ),
            Lang::En => format!(
                ", so the plan keeps it here: moving it would cost the province {}",
                difference(lang, lost, p.installs)
            ),
        });
        if let Some(pool) = x.pool_to_lose {
            text.push_str(&match lang {
                Lang::Vi => format!(
                    ". Đội đó chỉ nên chuyển đi nếu số người còn có thể vận động của \
                     huyện dưới khoảng {} (hiện nay {}: ít hơn khoảng {})",
                    people(lang, pool),
                    people(lang, e.inputs.pool),
                    people(lang, e.inputs.pool.round() - pool.round())
                ),
                Lang::En => format!(
                    ". It would be better used there only if the district's \
                     reachable pool were below about {} (now {}: about {} fewer)",
                    people(lang, pool),
                    people(lang, e.inputs.pool),
                    number::count(lang, e.inputs.pool.round() - pool.round())
                ),
            });
        }
    } else {
        text.push_str(&match lang {
            Lang::Vi => format!(
                ": chuyển đội đó đi toàn tỉnh sẽ thêm {}",
                difference(lang, p.installs, lost)
            ),
            Lang::En => format!(
                ": moving it there would add {} to the province",
                difference(lang, p.installs, lost)
            ),
        });
    }
    text.push('.');
    text
}

/// Local kinds cannot move: say so once per kind.
pub(super) fn local_items(e: &Explanation, lang: Lang, items: &mut Vec<Item>) {
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
