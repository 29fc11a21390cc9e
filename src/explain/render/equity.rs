//! Part 5 for `max-min-rate`: the lowest rate and this district's place. Every rate is the
//! district's as the plan's table prints it (the installs as printed over the smartphones,
//! docs/model.md § 12), and a difference of two rates is the difference of the two printed.

use super::phrase::{one_team, points};
use super::{Item, item};
use crate::explain::Explanation;
use crate::explain::compare::{Equity, RateMove};
use crate::explain::team::RATE_TIE;
use crate::number;
use crate::report::words;
use crate::text::Lang;

/// Part 5 under `max-min-rate`: the lowest rate and this district's place, then for each kind one
/// more team (the lowest district) or one fewer (the others).
pub(super) fn equity_items(e: &Explanation, q: &Equity, lang: Lang, items: &mut Vec<Item>) {
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
                number::percent_beside(lang, q.rate_here, q.lowest_rate),
                q.lowest_name,
                number::percent_beside(lang, q.lowest_rate, q.rate_here),
                points_between(lang, q.rate_here, q.lowest_rate)
            ),
            Lang::En => format!(
                "{}'s projected rate ({}) is {} above the lowest in the province ({}, {}): it does not set the plan's result",
                e.name,
                number::percent_beside(lang, q.rate_here, q.lowest_rate),
                points_between(lang, q.rate_here, q.lowest_rate),
                q.lowest_name,
                number::percent_beside(lang, q.lowest_rate, q.rate_here)
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
    let details = q
        .moves
        .iter()
        .filter_map(|mv| {
            if q.is_lowest {
                Some(one_more(e, q, mv, lang))
            } else {
                one_fewer(e, q, mv, lang)
            }
        })
        .collect();
    items.push(item(head).with(details));
}

/// `0,22 điểm phần trăm` / `0.22 percentage points`: `higher` above `lower`, as the difference
/// of the two rates as [`number::percent`] prints them (40,18% and 39,95%: 0,23, not the 0,22
/// of the unrounded rates), so that the difference adds up as read.
fn points_between(lang: Lang, higher: f64, lower: f64) -> String {
    let shown = |rate: f64| {
        number::percent(Lang::En, rate)
            .trim_end_matches('%')
            .parse::<f64>()
            .unwrap_or(rate * 100.0)
    };
    points(lang, (shown(higher) - shown(lower)) / 100.0)
}

/// One more team of the kind for the lowest district: the rate it and the province reach.
fn one_more(e: &Explanation, q: &Equity, mv: &RateMove, lang: Lang) -> String {
    let name = &e.kinds[mv.kind].name;
    if mv.possible {
        let from = match (&mv.from, lang) {
            (Some(d), Lang::Vi) => format!(" (lấy từ {d})"),
            (Some(d), Lang::En) => format!(" (taken from {d})"),
            (None, _) => String::new(),
        };
        let result = if mv.lowest_after_more > q.lowest_rate + RATE_TIE {
            lang.pick(
                "kết quả của phương án sẽ tăng",
                "the plan's result would rise",
            )
        } else if mv.lowest_after_more < q.lowest_rate - RATE_TIE {
            lang.pick(
                "kết quả của phương án sẽ giảm",
                "the plan's result would fall",
            )
        } else {
            lang.pick(
                "kết quả của phương án không đổi",
                "the plan's result would not change",
            )
        };
        match lang {
            Lang::Vi => format!(
                "Thêm {}{from}: {} lên {}; tỷ lệ thấp nhất tỉnh khi đó là {} (nay {}): {}",
                one_team(lang, name),
                e.name,
                number::percent(lang, mv.rate_with_one_more),
                number::percent_beside(lang, mv.lowest_after_more, q.lowest_rate),
                number::percent_beside(lang, q.lowest_rate, mv.lowest_after_more),
                result
            ),
            Lang::En => format!(
                "One more {name} team{from}: {} would reach {}; the lowest rate would then be {} (now {}): {}",
                e.name,
                number::percent(lang, mv.rate_with_one_more),
                number::percent_beside(lang, mv.lowest_after_more, q.lowest_rate),
                number::percent_beside(lang, q.lowest_rate, mv.lowest_after_more),
                result
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
    }
}

/// One team of the kind fewer in a district above the lowest: whether it would become the
/// lowest. `None` without a team to take.
fn one_fewer(e: &Explanation, q: &Equity, mv: &RateMove, lang: Lang) -> Option<String> {
    let name = &e.kinds[mv.kind].name;
    let (r, low) = (mv.rate_with_one_fewer?, mv.lowest_after_fewer?);
    let falls = r < q.lowest_rate;
    Some(match lang {
        Lang::Vi => format!(
            "Bớt {}: {} còn {}; {}",
            one_team(lang, name),
            e.name,
            number::percent(lang, r),
            if falls {
                format!(
                    "huyện sẽ thành thấp nhất tỉnh và tỷ lệ thấp nhất giảm từ {} xuống {}",
                    number::percent_beside(lang, q.lowest_rate, low),
                    number::percent_beside(lang, low, q.lowest_rate)
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
                    number::percent_beside(lang, q.lowest_rate, low),
                    number::percent_beside(lang, low, q.lowest_rate)
                )
            } else {
                "it would still not be below the lowest rate".to_string()
            }
        ),
    })
}
