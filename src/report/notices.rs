//! What is worth saying about a plan that meets its scenario (MODEL.md `notices`), in words:
//! printed under the province's figures by every human report, and in JSON as data.

use crate::import::grid::SelectedBy;
use crate::number;
use crate::plan::{Notice, Plan};
use crate::text::Lang;

/// One sentence per notice of `plan` (none for most plans).
/// Whether the target is met or missed is said as the reports print it
/// ([`Plan::target_reached_as_printed`]): a notice that says otherwise (the exact projection
/// within the rounding of the target) is left out, and a missed target's rate is the printed one.
pub fn sentences(plan: &Plan, lang: Lang) -> Vec<String> {
    let reached = plan.target_reached_as_printed();
    plan.notices
        .iter()
        .filter_map(|n| match n {
            Notice::TargetMetWithTeamsToSpare { .. } if !reached => None,
            Notice::TargetNotReached { .. } if reached => None,
            Notice::TargetNotReached {
                target_rate,
                findings,
                setting,
                ..
            } => Some(sentence(
                &Notice::TargetNotReached {
                    target_rate: *target_rate,
                    projected_rate: plan.projected_rate_as_printed(),
                    findings: findings.clone(),
                    setting: setting.clone(),
                },
                lang,
            )),
            _ => Some(sentence(n, lang)),
        })
        .collect()
}

pub(crate) fn sentence(notice: &Notice, lang: Lang) -> String {
    match notice {
        Notice::SetForThisRun { settings } => {
            let (label, not_set) = match lang {
                Lang::Vi => ("kịch bản", "chưa đặt"),
                Lang::En => ("scenario", "not set"),
            };
            let shown = |v: &Option<String>| v.clone().unwrap_or_else(|| not_set.to_string());
            let list = settings
                .iter()
                .map(|c| format!("{} = {} ({label}: {})", c.key, shown(&c.value), shown(&c.scenario)))
                .collect::<Vec<_>>()
                .join("; ");
            match lang {
                Lang::Vi => format!("Đã thay đổi cho lần chạy này (--set), không phải kế hoạch của kịch bản: {list}"),
                Lang::En => format!("Changed for this run (--set), not the scenario's own plan: {list}"),
            }
        }
        Notice::CoverageNotesSkipped {
            file,
            last_row,
            first_row,
            text,
        } => match lang {
            Lang::Vi => format!(
                "Tệp số liệu {file}: bảng kết thúc ở dòng {last_row}; từ dòng {first_row} (\"{text}\") là ghi chú hoặc phần ký tên, không đọc. Nếu dòng nào dưới đó là một huyện, chuyển nó lên trong bảng và ghi đủ hai cột số"
            ),
            Lang::En => format!(
                "Coverage file {file}: the table ends at row {last_row}; from row {first_row} (\"{text}\") on are notes or signatures, not read. If a row below is a district, move it up into the table with both counts"
            ),
        },
        Notice::HiddenColumnsRead { file, columns } => {
            let columns = columns.join(", ");
            match lang {
                Lang::Vi => format!(
                    "Tệp Excel {file}: đã đọc các cột đang ẩn trong Excel: {columns}. Kiểm tra rằng đó đúng là số liệu cần dùng (bỏ ẩn cột trong Excel để xem), hoặc xóa cột cũ khỏi bảng"
                ),
                Lang::En => format!(
                    "Workbook {file}: read columns hidden in Excel: {columns}. Check that they are the figures to use (unhide them in Excel to see them), or delete old columns from the table"
                ),
            }
        }
        Notice::WorkbookSheetRead {
            file,
            sheet,
            others,
            named,
        } => {
            let others = others
                .iter()
                .map(|o| format!("\"{o}\""))
                .collect::<Vec<_>>()
                .join(", ");
            let Some(named) = named else {
                return match lang {
                    Lang::Vi => format!(
                        "Tệp Excel {file}: đã đọc trang \"{sheet}\" (trang tệp mở ra, hoặc trang đầu tiên đang hiện có dòng tiêu đề); tệp còn có trang {others}. Nếu số liệu nằm ở trang khác, ghi sheet = \"tên trang\" (hoặc số thứ tự của trang) bên cạnh tên tệp trong kịch bản"
                    ),
                    Lang::En => format!(
                        "Workbook {file}: read the sheet \"{sheet}\" (the sheet it opens on, or the first shown sheet with a header row); it also has {others}. If the figures are on another sheet, write sheet = \"its name\" (or its number) beside the file's name in the scenario"
                    ),
                };
            };
            let n = named.number;
            // the sheet chosen by `sheet = ...`, with its number: a tab named "1" is not always
            // sheet 1 (trial 13f J7)
            let read = match lang {
                Lang::Vi => format!(
                    "Tệp Excel {file}: đã đọc trang \"{sheet}\" (trang thứ {n}) theo sheet của kịch bản"
                ),
                Lang::En => format!(
                    "Workbook {file}: read the sheet \"{sheet}\" (sheet {n}), as the scenario's sheet chooses"
                ),
            };
            let also = match (lang, others.is_empty()) {
                (_, true) => String::new(),
                (Lang::Vi, false) => format!("; tệp còn có trang {others}"),
                (Lang::En, false) => format!("; it also has {others}"),
            };
            let other = match (&named.by, lang) {
                (SelectedBy::NameNotNumber { number, sheet: other }, Lang::Vi) => format!(
                    ". sheet = \"{sheet}\" là tên của trang này: tên trang được ưu tiên hơn số thứ tự. Trang thứ {number} là \"{other}\"; nếu muốn đọc trang đó, ghi sheet = {number} (số, không có dấu ngoặc kép)"
                ),
                (SelectedBy::NameNotNumber { number, sheet: other }, Lang::En) => format!(
                    ". sheet = \"{sheet}\" is this sheet's name: a sheet's name is taken before a number. Sheet {number} is \"{other}\"; to read it, write sheet = {number} (a number, without quotes)"
                ),
                (SelectedBy::NumberNotName { named }, Lang::Vi) => format!(
                    ". sheet = {n} (số, không có dấu ngoặc kép) là số thứ tự của trang; trang có tên \"{n}\" là trang thứ {named}: nếu muốn đọc trang đó, ghi sheet = \"{n}\" (trong dấu ngoặc kép)"
                ),
                (SelectedBy::NumberNotName { named }, Lang::En) => format!(
                    ". sheet = {n} (a number, without quotes) is a sheet's number; the sheet named \"{n}\" is sheet {named}: to read it, write sheet = \"{n}\" (in quotes)"
                ),
                _ => String::new(),
            };
            format!("{read}{also}{other}")
        }
        Notice::SyntheticData => match lang {
            Lang::Vi => "SỐ LIỆU GIẢ LẬP, KHÔNG PHẢI SỐ LIỆU THẬT: kịch bản do `campaign generate` tạo để đo hiệu năng và kiểm thử; mọi con số là rút ngẫu nhiên, không đơn vị nào là địa phương có thật. Kế hoạch và công văn lập từ kịch bản này chỉ để minh họa, không dùng để chỉ đạo. Lập kế hoạch thật từ bảng số liệu của các địa phương (campaign import)".to_string(),
            Lang::En => "MADE-UP DATA, NOT REAL: the scenario was written by `campaign generate` for benchmarks and tests; every figure is drawn at random and no unit is a real place. A plan or letter made from it is an illustration only, not instructions. Plan for real from the localities' coverage table (campaign import)".to_string(),
        },
        Notice::AssumptionsNotChecked => match lang {
            Lang::Vi => "Các giả định của kịch bản là giá trị tạm do `campaign import` ghi (assumptions_checked = false): năng suất và chi phí của các loại đội, mục tiêu, thời gian và các tham số chưa được kiểm tra; số tổ, đội của từng huyện và các nhóm đối tượng (cách ly, xét nghiệm, học sinh) có thể còn là 0. Kiểm tra từng dòng ghi ASSUMPTION trong kịch bản, rồi sửa thành assumptions_checked = true".to_string(),
            Lang::En => "The scenario's assumptions are the placeholders `campaign import` wrote (assumptions_checked = false): the team kinds' productivity and costs, the target, the horizon and the parameters are unchecked; each district's teams and cohorts (quarantine, testing, students) may still be 0. Check every line marked ASSUMPTION in the scenario, then set assumptions_checked = true".to_string(),
        },
        Notice::NoLocalTeams { kinds } => {
            let names = kinds.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ");
            let example = kinds.first().map_or(String::new(), |k| format!("teams = {{ {k} = ... }}"));
            match lang {
                Lang::Vi => format!(
                    "Chưa có tổ, đội tại chỗ: mọi huyện đều có 0 tổ, đội loại {names}, nên kế hoạch chỉ dựa vào các đội của tỉnh. Điền số tổ, đội của từng huyện vào kịch bản ({example}) rồi lập lại kế hoạch"
                ),
                Lang::En => format!(
                    "No local teams: every district has 0 teams of kind {names}, so the plan rests on the province's teams alone. Fill in each district's teams in the scenario ({example}) and plan again"
                ),
            }
        }
        Notice::NoRules => match lang {
            Lang::Vi => "Kịch bản không có quy tắc nào (rules = []): kế hoạch không có việc cần làm nào cho các huyện, chỉ có số tổ, đội. Ghi thư mục quy tắc vào dòng rules của kịch bản (tính từ thư mục của kịch bản, ví dụ rules = [\"../rules\"]) rồi lập lại kế hoạch".to_string(),
            Lang::En => "The scenario has no rules (rules = []): the plan gives the districts no directives, only teams. Name the rules folder on the scenario's rules line (from the scenario's folder, e.g. rules = [\"../rules\"]) and plan again".to_string(),
        },
        Notice::TargetMetWithTeamsToSpare {
            target_rate,
            cost,
            teams,
            min_cost,
            min_cost_teams,
            // the rate as that plan's own table prints it; JSON has the exact one
            min_cost_projected_rate_as_printed: min_cost_projected_rate,
            saving,
            setting,
            lowest,
            ..
        } => {
            let (falls, keep) = lowest.as_ref().map_or_else(Default::default, |l| {
                lowest_falls(lang, l)
            });
            match lang {
                Lang::Vi => format!(
                    "Mục tiêu {} đã đạt và còn dư đội: phương án chi phí thấp nhất đạt {} với {} tổ, đội và {}, tiết kiệm {} so với {} tổ, đội và {} của phương án này{falls}. Để lập phương án đó, chạy lại lệnh với --set {setting}{keep}",
                    number::percent_short(lang, *target_rate),
                    number::percent(lang, *min_cost_projected_rate),
                    number::count(lang, *min_cost_teams as f64),
                    number::money(lang, *min_cost),
                    number::money(lang, *saving),
                    number::count(lang, *teams as f64),
                    number::money(lang, *cost),
                ),
                Lang::En => format!(
                    "The {} target is met with teams to spare: the least-cost plan reaches {} with {} teams for {}, saving {} against this plan's {} teams and {}{falls}. To make that plan, run the command again with --set {setting}{keep}",
                    number::percent_short(lang, *target_rate),
                    number::percent(lang, *min_cost_projected_rate),
                    number::count(lang, *min_cost_teams as f64),
                    number::money(lang, *min_cost),
                    number::money(lang, *saving),
                    number::count(lang, *teams as f64),
                    number::money(lang, *cost),
                ),
            }
        }
        Notice::InstallsCapped {
            district,
            rule,
            asked,
            counted,
            room,
        } => match lang {
            Lang::Vi => format!(
                "{district}: quy tắc `{rule}` thêm {} lượt cài cố định (add_installs) nhưng kế hoạch chỉ tính {}, vì huyện chỉ còn {} smartphone chưa cài sau các lượt cài bắt buộc. Kiểm tra cách quy tắc `{rule}` tính số lượt cài",
                number::count(lang, *asked),
                number::count(lang, *counted),
                number::count(lang, *room),
            ),
            Lang::En => format!(
                "{district}: rule `{rule}` adds {} fixed installs (add_installs) but the plan counts only {}, because the district has only {} smartphones left without the app after the mandated installs. Check how rule `{rule}` computes its installs",
                number::count(lang, *asked),
                number::count(lang, *counted),
                number::count(lang, *room),
            ),
        },
        Notice::ShortOnlyAsPrinted { target, districts } => {
            let installs = |x: &f64| number::decimal(lang, *x, 2);
            let mut parts = Vec::new();
            if let Some(t) = target {
                let (goal, exact, printed) = (&t.needed, &t.projected, &t.printed);
                parts.push(match lang {
                    Lang::Vi => format!(
                        "mục tiêu toàn tỉnh cần {} lượt cài; phương án đạt {} nhưng cộng số của từng huyện đã làm tròn chỉ được {}",
                        installs(goal),
                        installs(exact),
                        number::count(lang, *printed),
                    ),
                    Lang::En => format!(
                        "the provincial target needs {} installs; the plan reaches {} but the districts' figures, each rounded, add up to {}",
                        installs(goal),
                        installs(exact),
                        number::count(lang, *printed),
                    ),
                });
            }
            for d in districts {
                let (floor, exact, printed) = (&d.needed, &d.projected, &d.printed);
                let district = d.district.as_deref().unwrap_or_default();
                parts.push(match lang {
                    Lang::Vi => format!(
                        "{district} cần {} lượt cài cho mức tối thiểu; phương án đạt {}, làm tròn thành {}",
                        installs(floor),
                        installs(exact),
                        number::count(lang, *printed),
                    ),
                    Lang::En => format!(
                        "{district} needs {} installs for its minimum; the plan reaches {}, printed rounded as {}",
                        installs(floor),
                        installs(exact),
                        number::count(lang, *printed),
                    ),
                });
            }
            let parts = parts.join("; ");
            match lang {
                Lang::Vi => format!(
                    "Phương án đạt đúng các ràng buộc nhưng số in ra (làm tròn từng huyện) còn thiếu một chút: {parts}. Với số tổ, đội và ngân sách hiện có, không tìm được phương án nào đạt cả theo số đã làm tròn. Để chắc chắn đạt theo số in ra, thêm một tổ, đội hoặc tăng ngân sách"
                ),
                Lang::En => format!(
                    "The plan meets its constraints exactly, but the printed figures (each district rounded) fall a little short: {parts}. With the teams and budget at hand, no plan was found that reaches them as printed too. To reach them as printed, add a team or raise the budget"
                ),
            }
        }
        Notice::TargetNotReached {
            target_rate,
            projected_rate,
            findings,
            setting,
        } => {
            let why = findings
                .iter()
                .map(|f| super::diagnosis::finding(f, lang))
                .collect::<Vec<_>>()
                .join("; ");
            match lang {
                Lang::Vi => format!(
                    "Mục tiêu {} chưa đạt: phương án này cho nhiều lượt cài nhất với các tổ, đội hiện có, được {}. Để đạt mục tiêu: {why}. Phương án chi phí thấp nhất (--set {setting}) nói cùng điều này",
                    number::percent_short(lang, *target_rate),
                    number::percent_beside(lang, *projected_rate, *target_rate),
                ),
                Lang::En => format!(
                    "The {} target is not reached: this plan gives the most installs the teams at hand can, {}. To reach the target: {why}. The least-cost plan (--set {setting}) says the same",
                    number::percent_short(lang, *target_rate),
                    number::percent_beside(lang, *projected_rate, *target_rate),
                ),
            }
        }
    }
}

/// What the least-cost plan does to the lowest district (", but its lowest district falls from
/// 39.95% (Cao Lộc) to 32.32% (Hữu Lũng)"), and the settings that keep this plan's lowest rate
/// at the least cost ("; to keep every district at 39.95% or more at the least cost, ...").
fn lowest_falls(lang: Lang, l: &crate::plan::LowestDistrict) -> (String, String) {
    let here = number::percent(lang, l.rate_as_printed);
    let there = number::percent(lang, l.min_cost_rate_as_printed);
    let (here_at, there_at) = (&l.district, &l.min_cost_district);
    let falls = match lang {
        Lang::Vi => {
            format!(", nhưng huyện thấp nhất giảm từ {here} ({here_at}) xuống {there} ({there_at})")
        }
        Lang::En => format!(
            ", but its lowest district falls from {here} ({here_at}) to {there} ({there_at})"
        ),
    };
    let keep = match (l.floor, &l.floor_settings) {
        (Some(floor), Some(settings)) => {
            let floor = number::percent(lang, floor);
            let settings = settings
                .iter()
                .map(|s| format!("--set {s}"))
                .collect::<Vec<_>>()
                .join(" ");
            match lang {
                Lang::Vi => format!(
                    "; để giữ mọi huyện từ {floor} trở lên với chi phí thấp nhất, chạy với {settings}"
                ),
                Lang::En => format!(
                    "; to keep every district at {floor} or more at the least cost, run it with {settings}"
                ),
            }
        }
        _ => String::new(),
    };
    (falls, keep)
}
