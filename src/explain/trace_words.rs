//! A rule call of the trace (`crate::rules` § "The trace") in words: which rule, before or after
//! the plan, what it read and what it set.

use crate::effects::{Phase, TraceAction, TraceEntry, TraceValue};
use crate::number;
use crate::report::words;
use crate::text::Lang;

/// `rule `door-to-door` (before the plan) read current rate 22.98% < door_to_door_threshold 30%; ...
/// and set: at least 24 commune teams, at least 1 volunteer team`.
pub fn sentence(entry: &TraceEntry, lang: Lang) -> String {
    let read = reads(entry, lang);
    let read = if read.is_empty() {
        lang.pick("không đọc số liệu nào", "read nothing")
            .to_string()
    } else {
        format!("{} {}", lang.pick("đọc", "read"), read.join("; "))
    };
    let set: Vec<String> = entry.set.iter().map(|a| action(a, lang)).collect();
    let set = if set.is_empty() {
        lang.pick("không đặt gì", "set nothing").to_string()
    } else {
        format!("{}: {}", lang.pick("đặt", "set"), set.join("; "))
    };
    format!(
        "{} ({}) {read} {} {set}",
        crate::rules::message::rule_named(lang, &entry.rule),
        phase(entry.phase, lang),
        lang.pick("và", "and")
    )
}

/// `trước khi lập kế hoạch` / `before the plan`.
pub fn phase(phase: Phase, lang: Lang) -> &'static str {
    match phase {
        Phase::BeforeSolve => lang.pick("trước khi lập kế hoạch", "before the plan"),
        Phase::AfterSolve => lang.pick("sau khi lập kế hoạch", "after the plan"),
    }
}

/// A cohort as people say it: `người cách ly` / `people in quarantine`.
pub fn cohort(lang: Lang, name: &str) -> String {
    match name {
        "quarantine" => lang
            .pick("người cách ly", "people in quarantine")
            .to_string(),
        "testing" => lang
            .pick("người phải xét nghiệm", "people to be tested")
            .to_string(),
        "students" => lang
            .pick("học sinh, sinh viên", "pupils and students")
            .to_string(),
        _ => format!("{} {name}", lang.pick("nhóm", "cohort")),
    }
}

/// What the rule read, each item `label value`; the district's rate and a `*threshold*`
/// parameter read in the same call are put side by side with the comparison between them.
fn reads(entry: &TraceEntry, lang: Lang) -> Vec<String> {
    let rate = entry.read("district.rate").and_then(number_of);
    let threshold = entry.read.iter().find_map(|(key, value)| {
        let name = key.strip_prefix("scenario.param(")?.strip_suffix(')')?;
        (name.contains("threshold")).then_some((key.as_str(), name, number_of(value)?))
    });
    let mut out = Vec::new();
    for (key, value) in &entry.read {
        match (key.as_str(), rate, threshold) {
            ("district.rate", Some(r), Some((_, name, t))) => {
                let sign = if r < t { "<" } else { "≥" };
                out.push(format!(
                    "{} {} {sign} {name} {}",
                    lang.pick("tỷ lệ hiện tại", "current rate"),
                    number::percent(lang, r),
                    number::percent_short(lang, t)
                ));
            }
            (k, Some(_), Some((skip, _, _))) if k == skip => {}
            _ => out.push(read(key, value, lang)),
        }
    }
    out
}

/// Installs as the rule read or set them: whole where they are whole, else to one decimal
/// (`1.126,6`), as part 1 of the explanation writes each rule's. A figure rounded alone here
/// would not be the one the plan's page prints: the page rounds a district's installs together
/// so that they add up (`number::whole_parts`), and 1.126,6 may print there as 1.126.
fn installs(lang: Lang, x: f64) -> String {
    if (x - x.round()).abs() < 0.05 {
        number::count(lang, x)
    } else {
        number::decimal(lang, x, 1)
    }
}

fn number_of(value: &TraceValue) -> Option<f64> {
    match value {
        TraceValue::Number(x) => Some(*x),
        TraceValue::Int(i) => Some(*i as f64),
        _ => None,
    }
}

/// One read: `current rate 22.98%`, `commune teams stationed 24`, `communication_reach 0.01`.
fn read(key: &str, value: &TraceValue, lang: Lang) -> String {
    let count =
        |v: &TraceValue| number_of(v).map_or_else(|| plain(v, lang), |x| number::count(lang, x));
    let installs =
        |v: &TraceValue| number_of(v).map_or_else(|| plain(v, lang), |x| installs(lang, x));
    let percent =
        |v: &TraceValue| number_of(v).map_or_else(|| plain(v, lang), |x| number::percent(lang, x));
    let call = |prefix: &str| -> Option<String> {
        key.strip_prefix(prefix)?
            .strip_suffix(')')
            .map(str::to_string)
    };
    if let Some(c) = call("district.cohort(") {
        return format!("{} {}", cohort(lang, &c), count(value));
    }
    if let Some(kind) = call("district.local_teams(") {
        return format!(
            "{} {}",
            lang.pick(
                &format!("{} tại chỗ", words::kind_name(lang, &kind)),
                &format!("{kind} teams stationed"),
            ),
            count(value)
        );
    }
    if let Some(kind) = call("district.teams(") {
        return format!(
            "{} {}",
            lang.pick(
                &format!("{} trong kế hoạch", words::kind_name(lang, &kind)),
                &format!("planned {kind} teams"),
            ),
            count(value)
        );
    }
    if let Some(name) = call("scenario.param(") {
        return format!("{name} {}", plain(value, lang));
    }
    let labelled = |vi: &str, en: &str, v: String| format!("{} {v}", lang.pick(vi, en));
    match key {
        "district.name" => labelled("tên huyện", "the district's name", plain(value, lang)),
        "district.unit_type" => labelled("loại đơn vị", "unit type", plain(value, lang)),
        "district.unit_type_en" => labelled(
            "loại đơn vị (tiếng Anh)",
            "unit type in English",
            plain(value, lang),
        ),
        "district.commune_units" => {
            labelled("các đơn vị cấp xã", "units below it", plain(value, lang))
        }
        "district.commune_units_en" => labelled(
            "các đơn vị cấp xã (tiếng Anh)",
            "units below it in English",
            plain(value, lang),
        ),
        "district.smartphones" => labelled("số smartphone", "smartphones", count(value)),
        "district.installed" => labelled("số đã cài", "installed", count(value)),
        "district.rate" => labelled("tỷ lệ hiện tại", "current rate", percent(value)),
        "district.projected_rate" => labelled("tỷ lệ dự kiến", "projected rate", percent(value)),
        "district.projected_installed" => {
            labelled("dự kiến đã cài", "projected installed", installs(value))
        }
        "district.outreach_installs" => labelled(
            "lượt cài nhờ các tổ, đội",
            "installs from teams",
            installs(value),
        ),
        "district.mandated_installs" => labelled(
            "lượt cài theo diện bắt buộc",
            "mandated installs",
            installs(value),
        ),
        "district.fixed_installs" => {
            labelled("lượt cài cố định", "fixed installs", installs(value))
        }
        "district.own_fixed_installs" => labelled(
            "lượt cài cố định của riêng quy tắc",
            "the rule's own fixed installs",
            installs(value),
        ),
        "district.own_mandated_installs" => labelled(
            "lượt cài theo diện bắt buộc của riêng quy tắc",
            "the rule's own mandated installs",
            installs(value),
        ),
        "scenario.target_rate" => {
            labelled("mục tiêu toàn tỉnh", "provincial target", percent(value))
        }
        "scenario.horizon_days" => labelled(
            "thời gian chiến dịch",
            "campaign length",
            number_of(value).map_or_else(|| plain(value, lang), |d| words::days(lang, d as u32)),
        ),
        "scenario.district_floor" => labelled(
            "mức tối thiểu mỗi huyện",
            "minimum for every district",
            percent(value),
        ),
        "scenario.local_kinds()" => {
            labelled("loại tổ tại chỗ", "local team kinds", plain(value, lang))
        }
        "scenario.provincial_kinds()" => labelled(
            "loại đội cấp tỉnh",
            "provincial team kinds",
            plain(value, lang),
        ),
        "scenario.team_kinds()" => labelled("các loại tổ, đội", "team kinds", plain(value, lang)),
        "scenario.app" => labelled("tên ứng dụng", "the app's name", plain(value, lang)),
        "scenario.districts()" => labelled("số huyện", "districts", plain(value, lang)),
        _ => format!("{key} {}", plain(value, lang)),
    }
}

/// A value as written in a scenario: numbers with the language's separators and as many
/// decimals as they have (up to six), texts in quotes, lists in brackets.
fn plain(value: &TraceValue, lang: Lang) -> String {
    match value {
        TraceValue::Int(i) => number::count(lang, *i as f64),
        TraceValue::Number(x) => number::decimal(lang, *x, places(*x)),
        TraceValue::Text(s) => format!("\"{s}\""),
        TraceValue::Bool(b) => lang
            .pick(
                if *b { "có" } else { "không" },
                if *b { "true" } else { "false" },
            )
            .to_string(),
        TraceValue::List(items) => {
            let items: Vec<String> = items
                .iter()
                .map(|v| match v {
                    TraceValue::Text(s) => s.clone(),
                    other => plain(other, lang),
                })
                .collect();
            format!("[{}]", items.join(", "))
        }
    }
}

/// The decimals `x` needs, at most six.
fn places(x: f64) -> usize {
    number::places_needed(x, 6)
}

/// What a rule set, in words.
pub fn action(action: &TraceAction, lang: Lang) -> String {
    match action {
        TraceAction::Mandate { cohort: c, share } => match lang {
            Lang::Vi => format!(
                "{} phải cài đặt (tỷ lệ chấp hành {})",
                cohort(lang, c),
                number::percent_short(lang, *share)
            ),
            Lang::En => format!(
                "{} must install (compliance {})",
                cohort(lang, c),
                number::percent_short(lang, *share)
            ),
        },
        TraceAction::AddInstalls {
            installs: added,
            reason,
        } => format!(
            "{} ({})",
            words::installs_gain(lang, &installs(lang, *added)),
            reason.get(lang)
        ),
        TraceAction::SetProductivity { kind, value } => format!(
            "{} ×{}",
            lang.pick(
                &format!("năng suất của {}", words::kind_name(lang, kind)),
                &format!("productivity of {kind} teams"),
            ),
            number::decimal(lang, *value, places(*value))
        ),
        TraceAction::MinTeams { kind, value } => format!(
            "{} {}",
            lang.pick("ít nhất", "at least"),
            words::teams(lang, kind, *value)
        ),
        TraceAction::MaxTeams { kind, value } => format!(
            "{} {}",
            lang.pick("tối đa", "at most"),
            words::teams(lang, kind, *value)
        ),
        TraceAction::MinRate { value, .. } => match lang {
            Lang::Vi => format!(
                "mức sàn riêng của huyện {}",
                number::percent_short(lang, *value)
            ),
            Lang::En => format!(
                "a floor of {} for the district",
                number::percent_short(lang, *value)
            ),
        },
        TraceAction::Directive {
            priority,
            action,
            expected_installs,
            ..
        } => {
            let mut text = format!(
                "{} ({} {priority}): “{}”",
                lang.pick("chỉ đạo", "a directive"),
                lang.pick("ưu tiên", "priority"),
                action.get(lang)
            );
            if let Some(n) = expected_installs {
                text.push_str(&format!(
                    ", {} {}",
                    lang.pick("dự kiến", "expected"),
                    words::installs_gain(lang, &installs(lang, *n))
                ));
            }
            text
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_keep_their_decimals() {
        assert_eq!(places(0.01), 2);
        assert_eq!(places(0.3), 1);
        assert_eq!(places(14.0), 0);
        assert_eq!(plain(&TraceValue::Number(0.95), Lang::Vi), "0,95");
        assert_eq!(plain(&TraceValue::Number(0.95), Lang::En), "0.95");
    }
}
