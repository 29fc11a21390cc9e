//! What is worth saying about a plan that meets its scenario (MODEL.md `notices`), in words:
//! printed under the province's figures by every human report, and in JSON as data.

use crate::number;
use crate::plan::{Notice, Plan};
use crate::text::Lang;

/// One sentence per notice of `plan` (none for most plans).
pub fn sentences(plan: &Plan, lang: Lang) -> Vec<String> {
    plan.notices.iter().map(|n| sentence(n, lang)).collect()
}

fn sentence(notice: &Notice, lang: Lang) -> String {
    match notice {
        Notice::TargetMetWithTeamsToSpare {
            target_rate,
            cost,
            teams,
            min_cost,
            min_cost_teams,
            min_cost_projected_rate,
            saving,
            setting,
        } => match lang {
            Lang::Vi => format!(
                "Mục tiêu {} đã đạt và còn dư đội: phương án chi phí thấp nhất đạt {} với {} tổ, đội và {}, tiết kiệm {} so với {} tổ, đội và {} của phương án này. Để lập phương án đó, chạy lại lệnh với --set {setting}",
                number::percent_short(lang, *target_rate),
                number::percent(lang, *min_cost_projected_rate),
                number::count(lang, *min_cost_teams as f64),
                number::money(lang, *min_cost),
                number::money(lang, *saving),
                number::count(lang, *teams as f64),
                number::money(lang, *cost),
            ),
            Lang::En => format!(
                "The {} target is met with teams to spare: the least-cost plan reaches {} with {} teams for {}, saving {} against this plan's {} teams and {}. To make that plan, run the command again with --set {setting}",
                number::percent_short(lang, *target_rate),
                number::percent(lang, *min_cost_projected_rate),
                number::count(lang, *min_cost_teams as f64),
                number::money(lang, *min_cost),
                number::money(lang, *saving),
                number::count(lang, *teams as f64),
                number::money(lang, *cost),
            ),
        },
    }
}
