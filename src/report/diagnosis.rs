//! Why a scenario cannot be met, in words a department reader understands: one sentence per
//! finding, most telling first.

use crate::number;
use crate::plan::Plan;
use crate::report::words;
use crate::solve::{Diagnosis, Finding, Status};
use crate::text::Lang;

/// "at most " before a number the optimiser could not prove is the least that works
/// (MODEL.md: a finding with `"exact": false`); nothing before an exact one.
fn at_most(lang: Lang, exact: bool) -> &'static str {
    match (exact, lang) {
        (true, _) => "",
        (false, Lang::Vi) => "nhiều nhất ",
        (false, Lang::En) => "at most ",
    }
}

/// The diagnosis in words, one sentence per line (no trailing newline).
pub fn render(diagnosis: &Diagnosis, lang: Lang) -> String {
    sentences(diagnosis, lang).join("\n")
}

/// The sentences for a plan: its diagnosis, or, for an infeasible plan without one, that
/// nothing fits; `None` for a plan that needs no explanation.
pub fn of_plan(plan: &Plan, lang: Lang) -> Option<Vec<String>> {
    match (&plan.diagnosis, plan.status) {
        (Some(d), _) => Some(sentences(d, lang)),
        (None, Status::Infeasible) => Some(sentences(
            &Diagnosis {
                findings: Vec::new(),
            },
            lang,
        )),
        (None, Status::Optimal | Status::Feasible) => None,
    }
}

/// One sentence per finding; a diagnosis without findings still says that nothing fits.
pub fn sentences(diagnosis: &Diagnosis, lang: Lang) -> Vec<String> {
    if diagnosis.findings.is_empty() {
        return vec![
            lang.pick(
                "Không có phương án nào đáp ứng mọi điều kiện của kịch bản",
                "No plan meets every condition of the scenario",
            )
            .to_string(),
        ];
    }
    diagnosis
        .findings
        .iter()
        .map(|f| finding(f, lang))
        .collect()
}

/// One finding as a sentence.
pub fn finding(finding: &Finding, lang: Lang) -> String {
    match finding {
        Finding::NoTeams {
            provincial,
            local,
            more,
        } => no_teams(lang, provincial, local, more.as_ref()),
        Finding::BoundsConflict {
            district,
            kind,
            min,
            max,
            rules,
            capped_by,
        } => match lang {
            Lang::Vi => format!(
                "{} ít nhất {} ở {district} nhưng {} cho phép tối đa {max}: sửa quy tắc để mức tối thiểu không vượt mức tối đa",
                who_asks(lang, rules),
                words::teams(lang, kind, *min),
                capping(lang, capped_by)
            ),
            Lang::En => format!(
                "{} for at least {} in {district}, but {} at most {max}: change the rules so that the minimum is not above the maximum",
                who_asks(lang, rules),
                words::teams(lang, kind, *min),
                capping(lang, capped_by)
            ),
        },
        Finding::PoolMinimums {
            kind,
            required,
            available,
            rules,
        } => match lang {
            Lang::Vi => format!(
                "{} tổng cộng ít nhất {} ở các huyện nhưng toàn tỉnh chỉ có {available}: cần thêm {} cho mức tối thiểu này, hoặc sửa quy tắc",
                who_asks(lang, rules),
                words::teams(lang, kind, *required),
                words::teams(lang, kind, required - available)
            ),
            Lang::En => format!(
                "{} for at least {} across the districts but only {available} {}: {} for these minimums, or change the rule",
                who_asks(lang, rules),
                words::teams(lang, kind, *required),
                is_are(*available, "available"),
                more_teams(kind, required - available)
                    + if required - available == 1 {
                        " is needed"
                    } else {
                        " are needed"
                    }
            ),
        },
        Finding::FloorPoolLimit {
            district,
            floor,
            best_rate,
            teams,
            pool_limited,
            pool_rate,
            rule,
            line,
        } => format!(
            "{} {}{}: {} {}; {}",
            match lang {
                Lang::Vi => format!("{district} không thể đạt"),
                Lang::En => format!("{district} cannot reach"),
            },
            number::percent_short(lang, *floor),
            match (rule, line, lang) {
                (None, _, _) => String::new(),
                (Some(rule), None, Lang::Vi) =>
                    format!(", mức sàn do quy tắc `{rule}` đặt (min_rate)"),
                (Some(rule), None, Lang::En) =>
                    format!(", the floor the rule `{rule}` sets (min_rate)"),
                (Some(rule), Some(line), Lang::Vi) =>
                    format!(", mức sàn do quy tắc `{rule}` đặt (min_rate ở dòng {line})"),
                (Some(rule), Some(line), Lang::En) =>
                    format!(", the floor the rule `{rule}` sets (min_rate at line {line})"),
            },
            even_with_all(lang, teams),
            match lang {
                Lang::Vi => format!(
                    "cũng chỉ đạt {}",
                    number::percent_apart(lang, *best_rate, *floor)
                ),
                Lang::En => format!(
                    "it reaches {}",
                    number::percent_apart(lang, *best_rate, *floor)
                ),
            },
            if *pool_limited {
                pool_caps_the_rate(lang, *pool_rate, *floor)
            } else {
                teams_are_the_limit(lang).to_string()
            }
        ),
        Finding::FloorTeamsShort { kind, more, exact } => match lang {
            Lang::Vi => format!(
                "Cần thêm {}{} để mọi huyện đạt mức tối thiểu",
                at_most(lang, *exact),
                words::teams(lang, kind, *more)
            ),
            Lang::En => format!(
                "{}{} {} to bring every district up to the minimum",
                if *exact { "" } else { "At most " },
                more_teams(kind, *more),
                is_are(*more, "needed")
            ),
        },
        Finding::TargetPoolLimit { target, best_rate } => {
            let target_text = number::percent_short(lang, *target);
            let best = number::percent_apart(lang, *best_rate, *target);
            match lang {
                Lang::Vi => format!(
                    "Toàn tỉnh không thể đạt {target_text}: kể cả với mọi tổ, đội có thể huy động cũng chỉ đạt {best}; {}",
                    pool_is_the_limit(lang)
                ),
                Lang::En => format!(
                    "The province cannot reach {target_text}: even with every team available it reaches {best}; {}",
                    pool_is_the_limit(lang)
                ),
            }
        }
        Finding::TargetTeamsShort { kind, more, exact } => match lang {
            Lang::Vi => format!(
                "Cần thêm {}{} để toàn tỉnh đạt mục tiêu",
                at_most(lang, *exact),
                words::teams(lang, kind, *more)
            ),
            Lang::En => format!(
                "{}{} {} to reach the provincial target",
                if *exact { "" } else { "At most " },
                more_teams(kind, *more),
                is_are(*more, "needed")
            ),
        },
        Finding::BudgetShort {
            more,
            exact,
            budget,
            floors,
            minimums: Some(minimums),
        } => minimums_unaffordable(lang, minimums, *budget, *more, *exact, *floors),
        Finding::BudgetShort {
            more,
            exact,
            floors,
            minimums: None,
            ..
        } => match lang {
            Lang::Vi => format!(
                "Ngân sách còn thiếu {}{} để {}",
                at_most(lang, *exact),
                number::money(lang, *more),
                if *floors {
                    "mọi huyện đạt mức tối thiểu"
                } else {
                    "toàn tỉnh đạt mục tiêu"
                }
            ),
            Lang::En => format!(
                "The budget is {}{} short to {}",
                at_most(lang, *exact),
                number::money(lang, *more),
                if *floors {
                    "bring every district up to the minimum"
                } else {
                    "reach the provincial target"
                }
            ),
        },
        Finding::KindsTogetherShort {
            teams,
            budget_more,
            floors,
            exact,
        } => {
            let mut list: Vec<String> = teams
                .iter()
                .map(|(kind, n)| match lang {
                    Lang::Vi => words::teams(lang, kind, *n),
                    Lang::En => more_teams(kind, *n),
                })
                .collect();
            if let Some(more) = budget_more {
                list.push(match lang {
                    Lang::Vi => format!("{} ngân sách", number::money(lang, *more)),
                    Lang::En => format!("{} more budget", number::money(lang, *more)),
                });
            }
            let and = lang.pick(" và ", " and ");
            let goal = match (floors, lang) {
                (true, Lang::Vi) => "mọi huyện đạt mức tối thiểu",
                (false, Lang::Vi) => "toàn tỉnh đạt mục tiêu",
                (true, Lang::En) => "bring every district up to the minimum",
                (false, Lang::En) => "reach the provincial target",
            };
            match lang {
                Lang::Vi => format!(
                    "Cần thêm cùng lúc {}{} để {goal} (thêm riêng một thứ chưa đủ)",
                    at_most(lang, *exact),
                    list.join(and)
                ),
                Lang::En => format!(
                    "{}{} are needed together to {goal} (one of them alone is not enough)",
                    if *exact { "" } else { "At most " },
                    list.join(and)
                ),
            }
        }
        Finding::TeamsAndBudgetShort {
            kind,
            more,
            budget_more,
            floors,
            exact,
        } => match lang {
            Lang::Vi => format!(
                "Cần thêm cả {}{} và {} ngân sách để {} (thêm riêng đội hay riêng ngân sách đều chưa đủ)",
                at_most(lang, *exact),
                words::teams(lang, kind, *more),
                number::money(lang, *budget_more),
                if *floors {
                    "mọi huyện đạt mức tối thiểu"
                } else {
                    "toàn tỉnh đạt mục tiêu"
                }
            ),
            Lang::En => format!(
                "Both {}{} and {} more budget are needed to {} (more teams alone or more budget alone is not enough)",
                at_most(lang, *exact),
                more_teams(kind, *more),
                number::money(lang, *budget_more),
                if *floors {
                    "bring every district up to the minimum"
                } else {
                    "reach the provincial target"
                }
            ),
        },
    }
}

/// A budget below what the rules' minimum teams cost: which rules ask for which teams in how
/// many districts, what they cost over the campaign, the budget, and the least budget that
/// works (the minimums alone, or with the floors or the target as well), or a change of rule
/// (trial 13f J4). `more` is the least budget that works less `budget`.
fn minimums_unaffordable(
    lang: Lang,
    minimums: &crate::solve::Minimums,
    budget: f64,
    more: f64,
    exact: bool,
    floors: bool,
) -> String {
    let teams: Vec<String> = minimums
        .teams
        .iter()
        .map(|(kind, n)| words::teams(lang, kind, *n))
        .collect();
    let teams = words::and_list(lang, &teams);
    let where_ = match (lang, minimums.districts.as_slice()) {
        (Lang::Vi, [one]) => one.clone(),
        (Lang::Vi, all) => format!("{} huyện", number::count(lang, all.len() as f64)),
        (Lang::En, [one]) => one.clone(),
        (Lang::En, all) => format!("{} districts", number::count(lang, all.len() as f64)),
    };
    let least = budget + more;
    // the least budget is the minimums' cost unless the floors or the target need more
    let beyond = least > minimums.cost + 0.5;
    let cost = number::money(lang, minimums.cost);
    let days = number::count(lang, f64::from(minimums.horizon_days));
    let (budget, least) = (number::money(lang, budget), number::money(lang, least));
    match lang {
        Lang::Vi => {
            let with = match (beyond, floors) {
                (false, _) => String::new(),
                (true, true) => " (cho mức tối thiểu này và mức sàn của các huyện)".to_string(),
                (true, false) => " (cho mức tối thiểu này và mục tiêu của tỉnh)".to_string(),
            };
            // "at least" where a step less is proven short, else "at most" (MODEL.md)
            let least_or_most = if exact {
                "ít nhất "
            } else {
                at_most(lang, exact)
            };
            let raise = format!("tăng ngân sách lên {least_or_most}{least}{with}");
            format!(
                "{} ít nhất {teams} ở {where_}, chi phí {cost} trong {days} ngày, nhưng ngân sách chỉ có {budget}: {raise}, hoặc sửa quy tắc",
                who_asks(lang, &minimums.rules)
            )
        }
        Lang::En => {
            let with = match (beyond, floors) {
                (false, _) => String::new(),
                (true, true) => {
                    " (for these minimums and the district floors together)".to_string()
                }
                (true, false) => {
                    " (for these minimums and the provincial target together)".to_string()
                }
            };
            let least_or_most = if exact {
                "at least "
            } else {
                at_most(lang, exact)
            };
            let raise = format!("raise the budget to {least_or_most}{least}{with}");
            format!(
                "{} for at least {teams} in {where_}, which cost {cost} over {days} days, but the budget is {budget}: {raise}, or change the rule",
                who_asks(lang, &minimums.rules)
            )
        }
    }
}

/// `kể cả với toàn bộ 24 tổ xã và 30 đội tình nguyện` /
/// `even with all 24 commune teams and all 30 volunteer teams`.
fn even_with_all(lang: Lang, teams: &[(String, u32)]) -> String {
    let parts: Vec<String> = teams
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(kind, n)| match lang {
            Lang::Vi => words::teams(lang, kind, *n),
            Lang::En if *n == 1 => format!("the one {kind} team"),
            Lang::En => format!("all {}", words::teams(lang, kind, *n)),
        })
        .collect();
    match (lang, parts.is_empty()) {
        (Lang::Vi, true) => "kể cả với mọi tổ, đội có thể huy động".to_string(),
        (Lang::En, true) => "even with every team it can get".to_string(),
        (Lang::Vi, false) => format!("kể cả với toàn bộ {}", words::and_list(lang, &parts)),
        (Lang::En, false) => format!("even with {}", words::and_list(lang, &parts)),
    }
}

/// "There are no teams to send", what has none, and the setting that gives some.
fn no_teams(
    lang: Lang,
    provincial: &[String],
    local: &[String],
    more: Option<&(String, u32)>,
) -> String {
    let quoted = |names: &[String]| {
        names
            .iter()
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let provincial_vi = match provincial {
        [_] => format!(
            "đội cấp tỉnh {} có 0 đội (available = 0)",
            quoted(provincial)
        ),
        _ => format!(
            "các đội cấp tỉnh ({}) đều có 0 đội (available = 0)",
            quoted(provincial)
        ),
    };
    let provincial_en = match provincial {
        [_] => format!(
            "the provincial kind {} has 0 teams available",
            quoted(provincial)
        ),
        _ => format!(
            "the provincial kinds ({}) have 0 teams available",
            quoted(provincial)
        ),
    };
    let local_vi = format!("không huyện nào có tổ, đội tại chỗ ({})", quoted(local));
    let local_en = format!("no district has local teams ({})", quoted(local));
    let (what, what_en) = match (provincial.is_empty(), local.is_empty()) {
        (false, false) => (
            format!("{provincial_vi} và {local_vi}"),
            format!("{provincial_en} and {local_en}"),
        ),
        (false, true) => (provincial_vi, provincial_en),
        _ => (local_vi, local_en),
    };
    let setting = |placeholder: &str| match (more, provincial.first()) {
        (Some((kind, n)), _) => Some((format!("--set team_kind.{kind}.available={n}"), true)),
        (None, Some(kind)) => Some((
            format!("--set team_kind.{kind}.available={placeholder}"),
            false,
        )),
        (None, None) => None,
    };
    let local_fix = local
        .first()
        .map(|kind| format!("teams = {{ {kind} = ... }}"));
    match lang {
        Lang::Vi => {
            let fix = match (setting("SỐ_ĐỘI"), local_fix) {
                (Some((set, counted)), Some(teams)) => format!(
                    "Cho tỉnh các đội để cử đi: {set}{}, hoặc điền số tổ, đội của từng huyện trong kịch bản ({teams})",
                    if counted {
                        " (số đội còn thiếu)"
                    } else {
                        ""
                    }
                ),
                (Some((set, counted)), None) => format!(
                    "Cho tỉnh các đội để cử đi: {set}{}",
                    if counted {
                        " (số đội còn thiếu)"
                    } else {
                        ""
                    }
                ),
                (None, Some(teams)) => {
                    format!("Điền số tổ, đội của từng huyện trong kịch bản ({teams})")
                }
                (None, None) => "Thêm một loại đội có tổ, đội vào kịch bản".to_string(),
            };
            format!("Không có tổ, đội nào để cử đi: {what}. {fix}")
        }
        Lang::En => {
            let fix = match (setting("NUMBER"), local_fix) {
                (Some((set, counted)), Some(teams)) => format!(
                    "Give the province teams to send: {set}{}, or fill in each district's teams in the scenario ({teams})",
                    if counted { " (the teams missing)" } else { "" }
                ),
                (Some((set, counted)), None) => format!(
                    "Give the province teams to send: {set}{}",
                    if counted { " (the teams missing)" } else { "" }
                ),
                (None, Some(teams)) => {
                    format!("Fill in each district's teams in the scenario ({teams})")
                }
                (None, None) => "Add a kind of team with teams to the scenario".to_string(),
            };
            format!("There are no teams to send: {what_en}. {fix}")
        }
    }
}

fn pool_is_the_limit(lang: Lang) -> &'static str {
    lang.pick(
        "giới hạn là số người còn có thể vận động",
        "the reachable pool is the limit",
    )
}

/// The whole reachable pool would give `pool_rate`, short of the floor whatever the teams.
fn pool_caps_the_rate(lang: Lang, pool_rate: f64, floor: f64) -> String {
    let rate = number::percent_apart(lang, pool_rate, floor);
    match lang {
        Lang::Vi => format!(
            "{} (tối đa {rate} dù có bao nhiêu đội)",
            pool_is_the_limit(lang)
        ),
        Lang::En => format!(
            "{} (at most {rate}, however many teams)",
            pool_is_the_limit(lang)
        ),
    }
}

fn teams_are_the_limit(lang: Lang) -> &'static str {
    lang.pick(
        "giới hạn là số tổ, đội huyện được phép có",
        "the teams the district may have are the limit",
    )
}

/// `7 more volunteer teams`, `1 more volunteer team`.
fn more_teams(kind: &str, n: u32) -> String {
    if n == 1 {
        format!("1 more {kind} team")
    } else {
        format!(
            "{} more {kind} teams",
            number::count(Lang::En, f64::from(n))
        )
    }
}

/// Who sets the minimums: "Quy tắc `door-to-door` yêu cầu" / "The rule `door-to-door` asks",
/// "Các quy tắc `a`, `b`" / "The rules `a`, `b` ask" (the rules in general when not known).
fn who_asks(lang: Lang, rules: &[String]) -> String {
    let names = rules
        .iter()
        .map(|r| format!("`{r}`"))
        .collect::<Vec<_>>()
        .join(", ");
    match (lang, rules.len()) {
        (Lang::Vi, 0) => "Các quy tắc yêu cầu".to_string(),
        (Lang::Vi, 1) => format!("Quy tắc {names} yêu cầu"),
        (Lang::Vi, _) => format!("Các quy tắc {names} yêu cầu"),
        (Lang::En, 0) => "The rules ask".to_string(),
        (Lang::En, 1) => format!("The rule {names} asks"),
        (Lang::En, _) => format!("The rules {names} ask"),
    }
}

/// Who sets the maximum: "quy tắc `no-provincial-above-target`" / "the rule ... allows".
fn capping(lang: Lang, rules: &[String]) -> String {
    let names = rules
        .iter()
        .map(|r| format!("`{r}`"))
        .collect::<Vec<_>>()
        .join(", ");
    match (lang, rules.len()) {
        (Lang::Vi, 0) => "các quy tắc chỉ".to_string(),
        (Lang::Vi, 1) => format!("quy tắc {names} chỉ"),
        (Lang::Vi, _) => format!("các quy tắc {names} chỉ"),
        (Lang::En, 0) => "the rules allow".to_string(),
        (Lang::En, 1) => format!("the rule {names} allows"),
        (Lang::En, _) => format!("the rules {names} allow"),
    }
}

/// `is needed` / `are needed` for `n` things.
fn is_are(n: u32, word: &str) -> String {
    if n == 1 {
        format!("is {word}")
    } else {
        format!("are {word}")
    }
}
