//! Small phrases shared by the sections: installs, people, points, team kinds, rules.

use crate::number;
use crate::report::words;
use crate::text::Lang;

/// `quy tắc `door-to-door`` / `rule `door-to-door``, as every output names a rule.
pub(super) fn rule(lang: Lang, name: &str) -> String {
    crate::rules::message::rule_named(lang, name)
}

/// `+1.234 lượt cài` / `+1,234 installs`.
pub(super) fn gain(lang: Lang, installs: f64) -> String {
    words::installs_gain(lang, &number::count(lang, installs))
}

/// `−465 lượt cài` / `−465 installs`.
pub(super) fn drop(lang: Lang, installs: f64) -> String {
    let n = number::count(lang, installs);
    match lang {
        Lang::Vi => format!("−{n} lượt cài"),
        Lang::En if n == "1" => "−1 install".to_string(),
        Lang::En => format!("−{n} installs"),
    }
}

/// `1.234 lượt cài` / `1,234 installs`.
pub(super) fn installs(lang: Lang, n: f64) -> String {
    let n = number::count(lang, n);
    match lang {
        Lang::Vi => format!("{n} lượt cài"),
        Lang::En if n == "1" => "1 install".to_string(),
        Lang::En => format!("{n} installs"),
    }
}

/// The difference between two figures of installs as they are printed (each rounded to a
/// whole install), so that a reader who subtracts the printed figures finds it: `6 lượt cài`,
/// or `chưa tới 1 lượt cài` when the two print alike (issue 13 item 10).
pub(super) fn difference(lang: Lang, larger: f64, smaller: f64) -> String {
    let n = larger.round() - smaller.round();
    if n == 0.0 {
        lang.pick("chưa tới 1 lượt cài", "less than 1 install")
            .to_string()
    } else {
        installs(lang, n)
    }
}

/// `1.234 người` / `1,234 people`.
pub(super) fn people(lang: Lang, n: f64) -> String {
    format!(
        "{} {}",
        number::count(lang, n),
        lang.pick("người", "people")
    )
}

/// `0,59 điểm phần trăm` / `0.59 percentage points`.
pub(super) fn points(lang: Lang, rate: f64) -> String {
    format!(
        "{} {}",
        number::decimal(lang, 100.0 * rate, 2),
        lang.pick("điểm phần trăm", "percentage points")
    )
}

/// A kind's name in the plural, capitalised: `Tổ xã` / `Commune teams`.
pub(super) fn kind_title(lang: Lang, kind: &str) -> String {
    words::capitalize(&words::kind_name(lang, kind))
}

/// `một đội tình nguyện` / `one volunteer team`.
pub(super) fn one_team(lang: Lang, kind: &str) -> String {
    match lang {
        Lang::Vi => format!("một {}", words::kind_name(lang, kind)),
        Lang::En => format!("one {kind} team"),
    }
}

/// The decimals a scenario value needs (at most four).
pub(super) fn places(x: f64) -> usize {
    number::places_needed(x, 4)
}
