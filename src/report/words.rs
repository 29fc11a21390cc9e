//! The bilingual words of the printed plan: labels, team-kind names, dates, lists.

use crate::model::Objective;
use crate::text::Lang;

/// A label in Vietnamese and English.
#[derive(Debug, Clone, Copy)]
pub struct Label(pub &'static str, pub &'static str);

impl Label {
    pub fn get(self, lang: Lang) -> &'static str {
        lang.pick(self.0, self.1)
    }
}

pub const TITLE: Label = Label(
    "Kế hoạch vận động cài đặt ứng dụng",
    "App install campaign plan",
);
pub const DATA_AS_OF: Label = Label("Số liệu đến ngày", "Data as of");

pub const PROVINCE: Label = Label("Toàn tỉnh", "Province");
pub const ITEM: Label = Label("Chỉ tiêu", "Item");
pub const VALUE: Label = Label("Giá trị", "Value");
pub const OBJECTIVE: Label = Label("Mục đích phân bổ", "Allocation goal");
pub const HORIZON: Label = Label("Thời gian chiến dịch", "Campaign length");
pub const SMARTPHONES: Label = Label("Số thuê bao smartphone", "Smartphones");
pub const INSTALLED_NOW: Label = Label("Đã cài đặt hiện nay", "Installed now");
pub const PROJECTED: Label = Label("Dự kiến sau chiến dịch", "Projected after the campaign");
pub const TARGET: Label = Label("Mục tiêu toàn tỉnh", "Provincial target");
pub const FLOOR: Label = Label("Mức tối thiểu mỗi huyện", "Minimum for every district");
pub const TEAMS_DEPLOYED: Label = Label("Số tổ, đội triển khai", "Teams deployed");
pub const TOTAL_COST: Label = Label("Tổng chi phí", "Total cost");
pub const BUDGET: Label = Label("Ngân sách", "Budget");
pub const STATUS: Label = Label("Kết quả tính toán", "Result");
pub const REACHED: Label = Label("ĐẠT", "reached");
pub const NOT_REACHED: Label = Label("CHƯA ĐẠT", "not reached");
pub const OPTIMAL: Label = Label("Phương án tối ưu", "Optimal plan");
pub const BEST_FOUND: Label = Label("Phương án tốt nhất tìm được", "Best plan found");
pub const INFEASIBLE: Label = Label("KHÔNG KHẢ THI", "INFEASIBLE");
pub const INFEASIBLE_NOTE: Label = Label(
    "các số liệu dưới đây là mức tốt nhất có thể đạt",
    "the figures below are the best that can be reached",
);
pub const WHY_INFEASIBLE: Label = Label("Vì sao không khả thi", "Why it cannot be met");
pub const NOTICES: Label = Label("Lưu ý", "Worth knowing");

pub const BY_DISTRICT: Label = Label("Phân bổ theo huyện", "Allocation by district");
pub const DISTRICT: Label = Label("Huyện,\nthành phố", "District");
pub const SMARTPHONES_COL: Label = Label("Smartphone", "Smartphones");
pub const INSTALLED: Label = Label("Đã cài", "Installed");
pub const RATE: Label = Label("Tỷ lệ", "Rate");
pub const OUTREACH: Label = Label("Cài thêm\nnhờ các đội", "Installs\nfrom teams");
pub const PROJECTED_INSTALLED: Label = Label("Dự kiến\nđã cài", "Projected\ninstalled");
pub const PROJECTED_RATE: Label = Label("Tỷ lệ\ndự kiến", "Projected\nrate");
pub const COST: Label = Label("Chi phí\n(đ)", "Cost\n(VND)");
pub const TOTAL: Label = Label("TỔNG", "TOTAL");
pub const BELOW_FLOOR: Label = Label("dưới mức tối thiểu", "below the minimum of");
pub const OWN_FLOOR: Label = Label("Mức sàn riêng của huyện", "District floor");

pub const DIRECTIVES: Label = Label("Việc cần làm theo huyện", "What each district must do");
pub const NO_DIRECTIVES: Label = Label("(không có việc nào)", "(nothing to do)");
pub const UNIT: Label = Label("Đơn vị thực hiện", "Responsible");
pub const TEAMS: Label = Label("Lực lượng", "Teams");
pub const EXPECTED: Label = Label("Dự kiến", "Expected");

/// The allocation goal in words.
pub fn objective(lang: Lang, objective: Objective) -> &'static str {
    match objective {
        Objective::MaxInstalls => lang.pick("nhiều lượt cài nhất", "the most installs"),
        Objective::MinCost => lang.pick(
            "chi phí thấp nhất mà vẫn đạt mục tiêu toàn tỉnh",
            "the lowest cost that reaches the provincial target",
        ),
        Objective::MaxMinRate => lang.pick(
            "nâng tỷ lệ của huyện thấp nhất",
            "raise the lowest district rate",
        ),
    }
}

/// `14 ngày` / `14 days`.
pub fn days(lang: Lang, n: u32) -> String {
    match lang {
        Lang::Vi => format!("{n} ngày"),
        Lang::En if n == 1 => "1 day".to_string(),
        Lang::En => format!("{n} days"),
    }
}

/// The name of a team kind as a department reader says it: the common kinds have a built-in
/// Vietnamese name, any other keeps the scenario's name.
pub fn kind_name(lang: Lang, kind: &str) -> String {
    match (lang, kind) {
        (Lang::Vi, "commune") => "tổ xã".to_string(),
        (Lang::Vi, "volunteer") => "đội tình nguyện".to_string(),
        (Lang::Vi, "mobile") => "đội lưu động".to_string(),
        (Lang::Vi, _) => format!("đội {kind}"),
        (Lang::En, _) => format!("{kind} teams"),
    }
}

/// A `--set`/`--vary` key in the words of the page (`team_kind.volunteer.available` is "số đội
/// tình nguyện"), or the key itself where it has none.
pub fn key_name(lang: Lang, key: &str) -> String {
    match key {
        "target.provincial_rate" => lang.pick("mục tiêu toàn tỉnh", "provincial target").into(),
        "target.district_floor" => lang
            .pick("mức tối thiểu mỗi huyện", "district floor")
            .into(),
        "budget" => lang.pick("ngân sách", "budget").into(),
        "horizon_days" => lang.pick("số ngày chiến dịch", "campaign days").into(),
        "response.reachable_share" => lang.pick("tỷ lệ có thể vận động", "reachable share").into(),
        _ => {
            if let Some((kind, field)) = key
                .strip_prefix("team_kind.")
                .and_then(|rest| rest.split_once('.'))
            {
                let name = kind_name(lang, kind);
                return match (lang, field) {
                    (Lang::Vi, "available") => format!("số {name}"),
                    (Lang::En, "available") => name,
                    (Lang::Vi, "installs_per_team_day") => {
                        format!("lượt cài mỗi ngày của một {name}")
                    }
                    (Lang::En, "installs_per_team_day") => format!("installs per day, {name}"),
                    (Lang::Vi, "cost_per_team_day") => format!("chi phí mỗi ngày của một {name}"),
                    (Lang::En, "cost_per_team_day") => format!("cost per day, {name}"),
                    _ => key.to_string(),
                };
            }
            match key.strip_prefix("params.") {
                Some(param) => format!("{} {param}", lang.pick("tham số", "parameter")),
                None => key.to_string(),
            }
        }
    }
}

/// The column heading for a kind: `Tổ xã` / `Commune⏎teams`. A long heading is broken
/// before its last word to keep the district table narrow; printers that cannot break a
/// heading join it with a space.
pub fn kind_heading(lang: Lang, kind: &str) -> String {
    let name = capitalize(&kind_name(lang, kind));
    match name.rsplit_once(' ') {
        Some((head, last)) if name.chars().count() > 8 => format!("{head}\n{last}"),
        _ => name,
    }
}

/// `24 tổ xã` / `24 commune teams`, `1 volunteer team`.
pub fn teams(lang: Lang, kind: &str, n: u32) -> String {
    // counts as the language writes them: 3.875 / 3,875
    let count = crate::number::count(lang, f64::from(n));
    match lang {
        Lang::Vi => format!("{count} {}", kind_name(lang, kind)),
        Lang::En if n == 1 => format!("1 {kind} team"),
        Lang::En => format!("{count} {kind} teams"),
    }
}

/// `24 tổ xã, 3 đội tình nguyện`; kinds with no team are left out.
pub fn team_list(lang: Lang, teams_by_kind: &[(String, u32)]) -> Option<String> {
    let parts: Vec<String> = teams_by_kind
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(kind, n)| teams(lang, kind, *n))
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// [`team_list`] for the teams of one district of type `unit`: commune teams are named after the
/// units below it, as the shipped rules name them: `8 tổ phường, xã` in a city or a town, `tổ
/// phường` in a quận, `tổ xã` in a huyện (`ward and commune teams`, `ward teams`).
pub fn team_list_in(
    lang: Lang,
    unit: crate::model::UnitType,
    teams_by_kind: &[(String, u32)],
) -> Option<String> {
    use crate::model::UnitType;
    let parts: Vec<String> = teams_by_kind
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(kind, n)| {
            let count = crate::number::count(lang, f64::from(*n));
            match (kind.as_str(), unit, lang) {
                ("commune", UnitType::City | UnitType::Town, Lang::Vi) => {
                    format!("{count} tổ phường, xã")
                }
                ("commune", UnitType::UrbanDistrict, Lang::Vi) => format!("{count} tổ phường"),
                ("commune", UnitType::City | UnitType::Town, Lang::En) => {
                    format!(
                        "{count} ward and commune team{}",
                        if *n == 1 { "" } else { "s" }
                    )
                }
                ("commune", UnitType::UrbanDistrict, Lang::En) => {
                    format!("{count} ward team{}", if *n == 1 { "" } else { "s" })
                }
                _ => teams(lang, kind, *n),
            }
        })
        .collect();
    // "8 tổ phường, xã; 12 đội tình nguyện": the name's own comma is not the list's
    let sep = if parts.iter().any(|p| p.contains(',')) {
        "; "
    } else {
        ", "
    };
    (!parts.is_empty()).then(|| parts.join(sep))
}

/// `+1.234 lượt cài` / `+1,234 installs` (the count already formatted).
pub fn installs_gain(lang: Lang, count: &str) -> String {
    match lang {
        Lang::Vi => format!("+{count} lượt cài"),
        Lang::En if count == "1" => "+1 install".to_string(),
        Lang::En => format!("+{count} installs"),
    }
}

/// Joins with commas and a final `và` / `and`: `a, b và c`.
pub fn and_list(lang: Lang, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {} {last}", rest.join(", "), lang.pick("và", "and")),
    }
}

/// An ISO date as the reader writes it: `01/09/2020` in Vietnamese, as given in English.
pub fn date(lang: Lang, iso: &str) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    match (lang, parts.as_slice()) {
        (Lang::Vi, [y, m, d]) if y.len() == 4 && m.len() == 2 && d.len() == 2 && iso.is_ascii() => {
            format!("{d}/{m}/{y}")
        }
        _ => iso.to_string(),
    }
}

/// The first letter in upper case.
pub fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_have_vietnamese_names_where_known() {
        assert_eq!(teams(Lang::Vi, "commune", 24), "24 tổ xã");
        assert_eq!(teams(Lang::Vi, "volunteer", 3), "3 đội tình nguyện");
        assert_eq!(teams(Lang::Vi, "police", 2), "2 đội police");
        assert_eq!(teams(Lang::En, "volunteer", 1), "1 volunteer team");
        assert_eq!(kind_heading(Lang::Vi, "commune"), "Tổ xã");
        let list = [("commune".to_string(), 8), ("volunteer".to_string(), 1)];
        use crate::model::UnitType;
        assert_eq!(
            team_list_in(Lang::Vi, UnitType::City, &list).as_deref(),
            Some("8 tổ phường, xã; 1 đội tình nguyện")
        );
        assert_eq!(
            team_list_in(Lang::Vi, UnitType::District, &list).as_deref(),
            Some("8 tổ xã, 1 đội tình nguyện")
        );
        assert_eq!(
            team_list_in(Lang::En, UnitType::UrbanDistrict, &list).as_deref(),
            Some("8 ward teams, 1 volunteer team")
        );
        assert_eq!(kind_heading(Lang::Vi, "volunteer"), "Đội tình\nnguyện");
        assert_eq!(kind_heading(Lang::En, "commune"), "Commune\nteams");
    }

    #[test]
    fn lists_end_with_and() {
        let items = ["a".to_string(), "b".to_string(), "c".to_string()];
        assert_eq!(and_list(Lang::Vi, &items), "a, b và c");
        assert_eq!(and_list(Lang::En, &items[..2]), "a and b");
    }

    #[test]
    fn dates_read_the_vietnamese_way() {
        assert_eq!(date(Lang::Vi, "2020-09-01"), "01/09/2020");
        assert_eq!(date(Lang::En, "2020-09-01"), "2020-09-01");
        assert_eq!(date(Lang::Vi, "1/9/2020"), "1/9/2020");
    }
}
