//! Part 5 for `min-cost`: what installs cost here and elsewhere.

use super::margins::reasons;
use super::phrase::{drop, gain, installs, kind_title, one_team, points};
use super::{Item, item};
use crate::explain::Explanation;
use crate::explain::compare::{CostView, Priced};
use crate::explain::margin::Margin;
use crate::number;
use crate::report::words;
use crate::text::Lang;

/// `9.150 đ một lượt cài` / `9,150 VND per install`; for free kinds, installs per team; `no
/// installs` where a team brings none (an empty pool).
pub(super) fn price(lang: Lang, all_free: bool, cost: f64, installs_: f64) -> String {
    if installs_ <= 0.0 {
        lang.pick("không thêm lượt cài nào", "no installs")
            .to_string()
    } else if all_free {
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

pub(super) fn priced(e: &Explanation, lang: Lang, all_free: bool, p: &Priced) -> String {
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

/// Part 5 under `min-cost`: the plan as the cheapest that reaches the target, then for each kind
/// the price of the last team here and of one more.
pub(super) fn cost_items(e: &Explanation, v: &CostView, lang: Lang, items: &mut Vec<Item>) {
    // as printed, so that the reader's subtraction gives it (issue 13 item 10)
    let spare = v.projected_printed - v.target_installs.round();
    items.push(summary(v, spare, lang));
    for m in &e.margins {
        let name = &e.kinds[m.kind].name;
        let details = last_team(e, v, m, lang)
            .into_iter()
            .chain(std::iter::once(next_team(e, v, m, spare, lang)))
            .collect();
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

/// What the printed projection has to spare over the printed target (`dư 3` / `3 to spare`),
/// or what it falls short of it (a plan that keeps the target exactly whose rounded districts
/// fall short, which its notice explains): the difference of the two figures printed
/// (trial 13g K17: "0 to spare" beside 207.926 of 207.928).
fn left(lang: Lang, spare: f64) -> String {
    if spare < 0.0 {
        match lang {
            Lang::Vi => format!("thiếu {} theo số đã làm tròn", installs(lang, -spare)),
            Lang::En => format!("{} short as printed", installs(lang, -spare)),
        }
    } else {
        match lang {
            Lang::Vi => format!("dư {}", installs(lang, spare)),
            Lang::En => format!("{} to spare", installs(lang, spare)),
        }
    }
}

/// The plan as the cheapest that reaches the target, and what it has to spare.
fn summary(v: &CostView, spare: f64, lang: Lang) -> Item {
    item(match (lang, v.all_free) {
        (Lang::Vi, false) => format!(
            "Phương án là phương án rẻ nhất đạt mục tiêu toàn tỉnh {} ({}); toàn tỉnh dự kiến có {}, {}.",
            number::percent_short(lang, v.target_rate),
            installs(lang, v.target_installs),
            installs(lang, v.projected_printed),
            left(lang, spare)
        ),
        (Lang::Vi, true) => format!(
            "Mọi loại tổ, đội đều miễn phí: phương án dùng ít tổ, đội nhất để đạt mục tiêu toàn tỉnh {} ({}); toàn tỉnh dự kiến có {}, {}.",
            number::percent_short(lang, v.target_rate),
            installs(lang, v.target_installs),
            installs(lang, v.projected_printed),
            left(lang, spare)
        ),
        (Lang::En, false) => format!(
            "The plan is the cheapest that reaches the provincial target of {} ({}); the province is projected at {}, {}.",
            number::percent_short(lang, v.target_rate),
            installs(lang, v.target_installs),
            installs(lang, v.projected_printed),
            left(lang, spare)
        ),
        (Lang::En, true) => format!(
            "Every kind is free: the plan uses the fewest teams that reach the provincial target of {} ({}); the province is projected at {}, {}.",
            number::percent_short(lang, v.target_rate),
            installs(lang, v.target_installs),
            installs(lang, v.projected_printed),
            left(lang, spare)
        ),
    })
}

/// What the district's last team of the kind brings, at what price, and whether it could go.
fn last_team(e: &Explanation, v: &CostView, m: &Margin, lang: Lang) -> Option<String> {
    let name = &e.kinds[m.kind].name;
    let unit = if v.all_free { 1.0 } else { m.cost_per_team };
    let smartphones = e.inputs.smartphones as f64;
    let lost = m.one_fewer?;
    let mut text = match lang {
        Lang::Vi => format!(
            "{} cuối cùng của huyện mang lại {} (+{} tỷ lệ của huyện): {}",
            words::capitalize(&words::kind_name(lang, name)),
            gain(lang, lost),
            points(lang, lost / smartphones),
            price(lang, v.all_free, unit, lost)
        ),
        Lang::En => format!(
            "The last {name} team here brings {} (+{} of the district's rate): {}",
            gain(lang, lost),
            points(lang, lost / smartphones),
            price(lang, v.all_free, unit, lost)
        ),
    };
    if m.fewer_blocked.is_empty() {
        text.push_str(lang.pick(
            "; không có nó toàn tỉnh vẫn đạt mục tiêu",
            "; without it the province would still reach the target",
        ));
    } else {
        let why = reasons(e, m, &m.fewer_blocked, lang);
        text.push_str(&format!(
            "; {}: {}",
            lang.pick("không thể bớt", "it cannot go"),
            why
        ));
    }
    Some(text)
}

/// What one more team of the kind would bring, at what price, and what stops the plan buying it
/// (or what replacing the dearest team elsewhere with it would change).
fn next_team(e: &Explanation, v: &CostView, m: &Margin, spare: f64, lang: Lang) -> String {
    let name = &e.kinds[m.kind].name;
    let unit = if v.all_free { 1.0 } else { m.cost_per_team };
    let smartphones = e.inputs.smartphones as f64;
    let mut next = match lang {
        Lang::Vi => format!(
            "Thêm {} sẽ mang lại {} (+{} tỷ lệ của huyện): {}",
            one_team(lang, name),
            gain(lang, m.one_more),
            points(lang, m.one_more / smartphones),
            price(lang, v.all_free, unit, m.one_more)
        ),
        Lang::En => format!(
            "One more {name} team here would bring {} (+{} of the district's rate): {}",
            gain(lang, m.one_more),
            points(lang, m.one_more / smartphones),
            price(lang, v.all_free, unit, m.one_more)
        ),
    };
    if !m.more_blocked.is_empty() {
        let why = reasons(e, m, &m.more_blocked, lang);
        next.push_str(&format!(
            " — {}: {}",
            lang.pick("không thể", "not possible"),
            why
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
        let cost_change = unit - p.cost;
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
    next
}

/// `+4.200.000 đ`, `−2.100.000 đ`, `0 đ`; in teams when every kind is free.
pub(super) fn signed_cost(lang: Lang, all_free: bool, change: f64) -> String {
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

pub(super) fn signed_installs(lang: Lang, change: f64) -> String {
    if change < 0.0 {
        drop(lang, -change)
    } else {
        gain(lang, change)
    }
}
