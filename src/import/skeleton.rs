//! The scenario skeleton `campaign import` writes: the imported districts as FACTS, and every
//! planning assumption as a labelled default in the shape of scenarios/lang-son-2020-09-01.toml.

use std::fmt::Write;

use super::Imported;
use super::date::{AsOf, YearFrom};
use super::extra::Extra;
use crate::text::Lang;

/// The `rules = [...]` the skeleton writes: the rules folder found, as the scenario's folder
/// reaches it, or none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rules {
    /// The folder, relative to the folder the scenario is written to (`../rules`).
    Folder(String),
    /// No rules folder was found: `rules = []`.
    None,
}

/// The date the skeleton writes when the table gives none: a placeholder, said so.
pub const PLACEHOLDER_DATE: &str = "2020-09-01";

/// How every skeleton starts (in English, `--lang en`): what tells it apart from a scenario
/// someone wrote, which `import --out` does not replace without `--force`.
pub const HEADER: &str = "# Scenario skeleton made by `campaign import ";

/// [`HEADER`] in Vietnamese, as skeletons start by default.
pub const HEADER_VI: &str = "# Khung kịch bản do `campaign import ";

/// Both first lines a skeleton may start with.
pub const HEADERS: [&str; 2] = [HEADER_VI, HEADER];

/// The digest the first line carries of everything after it (FNV-1a, 64 bits, in hex): a file
/// whose text no longer matches it was edited since `campaign import` (or `campaign generate`,
/// [`crate::synthetic::HEADER`]) wrote it.
pub(crate) fn digest(body: &str) -> String {
    digest_bytes(body.as_bytes())
}

/// [`digest`] of bytes that need not be text (a Word letter's part).
pub(crate) fn digest_bytes(body: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in body {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// Whether `text`, a skeleton ([`HEADERS`]) or a generated scenario
/// ([`crate::synthetic::HEADER`]), is still as `campaign import` or `campaign generate` wrote
/// it: its first line ends with the digest of the rest. A file without a digest, or edited, is
/// not.
pub fn unedited(text: &str) -> bool {
    let Some((first, body)) = text.split_once('\n') else {
        return false;
    };
    let written = first.trim_end().rsplit(' ').next().unwrap_or("");
    let made =
        HEADERS.iter().any(|h| first.starts_with(h)) || first.starts_with(crate::synthetic::HEADER);
    made && written == digest(body)
}

/// The skeleton for what was imported, in the scenario format of MODEL.md § "Scenario files",
/// its comments in `lang`; its first line carries a digest of the rest ([`unedited`]).
pub fn render(imported: &Imported, rules: &Rules, lang: Lang) -> String {
    let coverage = &imported.coverage;
    // the name as a report shows it: a control character (an escape, a line break, which would
    // start a live line of TOML in a comment) written as its escape, `\u{a}` (trial 13f J36)
    let file = coverage.path.file_name().map_or_else(String::new, |f| {
        crate::text::show_hidden(&f.to_string_lossy())
    });
    // the reports' titles are Vietnamese: "Số liệu từ letter.csv"
    let name = quoted(&format!("Số liệu từ {file}"));
    let name_pad = " ".repeat(35usize.saturating_sub(7 + name.chars().count()).max(1));
    let as_of = as_of_line(&imported.as_of, &file, lang);
    let rules = rules_line(rules, lang);
    let mut out = String::new();
    let body = match lang {
        Lang::Vi => format!(
            r#"#
# FACT       = số liệu lấy từ {file}.
# ASSUMPTION = giá trị tạm chép từ scenarios/lang-son-2020-09-01.toml; kiểm tra từng giá trị
#              (lý do của từng giá trị ở docs/assumptions.md) trước khi lập kế hoạch với tệp này.
# (Dòng đầu ghi mã của nội dung: `campaign import --out` không ghi đè tệp đã được sửa.)

# Mọi kế hoạch lập từ tệp này đều nhắc rằng các giả định còn là giá trị tạm cho tới khi dòng
# dưới đây ghi true (hoặc bị xóa): sửa thành true khi đã kiểm tra hết các dòng ASSUMPTION.
assumptions_checked = false

name = {name}{name_pad}# tiêu đề in trên các báo cáo
{as_of}
horizon_days = 14                  # ASSUMPTION: đợt cao điểm hai tuần
objective = "max-installs"         # hoặc "min-cost", "max-min-rate"
{rules}
# budget = 250_000_000             # ASSUMPTION nếu ghi: kinh phí (đồng) cho cả đợt

[target]
provincial_rate = 0.40             # ASSUMPTION: mức thấp của mục tiêu 40-60%
# district_floor = 0.30            # ASSUMPTION nếu ghi: huyện nào cũng đạt ít nhất tỷ lệ này

[response]
reachable_share = 0.8              # ASSUMPTION: tỷ lệ người chưa cài còn vận động được

[params]
communication_reach = 0.01         # ASSUMPTION: tỷ lệ máy chưa cài sẽ cài chỉ nhờ tuyên truyền
student_uptake = 0.25              # ASSUMPTION: tỷ lệ học sinh, sinh viên chưa cài sẽ cài qua nhà trường
quarantine_compliance = 0.95       # ASSUMPTION: tỷ lệ người cách ly chưa có ứng dụng sẽ cài khi được yêu cầu
testing_compliance = 0.80          # ASSUMPTION: tỷ lệ người xét nghiệm chưa có ứng dụng sẽ cài khi được yêu cầu
door_to_door_threshold = 0.30      # ASSUMPTION: huyện có tỷ lệ dưới mức này được hỗ trợ đến từng nhà
door_to_door_provincial_kind = "volunteer"  # loại đội của tỉnh gửi xuống các huyện dưới ngưỡng

[[team_kind]]
name = "commune"                   # tổ công tác của Ban chỉ đạo xã, mỗi xã một tổ
scope = "local"
installs_per_team_day = 15         # ASSUMPTION: số hộ mỗi tổ vận động được mỗi ngày
cost_per_team_day = 150_000        # ASSUMPTION: phụ cấp (đồng) mỗi tổ mỗi ngày

[[team_kind]]
name = "volunteer"                 # đội thanh niên tình nguyện của tỉnh
scope = "provincial"
available = 30                     # ASSUMPTION: số đội Tỉnh đoàn huy động được
installs_per_team_day = 40         # ASSUMPTION: đội đã tập huấn, cài máy theo quy trình
cost_per_team_day = 300_000        # ASSUMPTION: chi phí (đồng) mỗi đội mỗi ngày (đi lại, ăn uống)

# Huyện: tên, số đã cài và số smartphone là FACT lấy từ {file}. Số tổ xã và các nhóm người
# (cách ly, xét nghiệm, học sinh: số người trong cả đợt) là ASSUMPTION đang để 0 (trừ các dòng
# ghi FACT, đọc từ bảng): hãy điền vào, nếu không kế hoạch sẽ không có tổ xã và không có lượt
# cài bắt buộc.
"#
        ),
        Lang::En => format!(
            r#"#
# FACT       = a number from {file}.
# ASSUMPTION = a planning default copied from scenarios/lang-son-2020-09-01.toml; check each
#              one (docs/assumptions.md gives the reasoning) before planning with this file.
# (The first line holds a digest of the content: `campaign import --out` does not replace an
# edited file.)

# Every plan of this file says that its assumptions are placeholders until this line says
# true (or is deleted): set it once each ASSUMPTION below has been checked.
assumptions_checked = false

name = {name}{name_pad}# the title the reports print (Vietnamese, as the reports are)
{as_of}
horizon_days = 14                  # ASSUMPTION: a two-week push
objective = "max-installs"         # or "min-cost", "max-min-rate"
{rules}
# budget = 250_000_000             # ASSUMPTION when set: đồng for the horizon

[target]
provincial_rate = 0.40             # ASSUMPTION: the lower end of the 40-60% aim
# district_floor = 0.30            # ASSUMPTION when set: every district at least this rate

[response]
reachable_share = 0.8              # ASSUMPTION: share of the uninstalled who can be persuaded at all

[params]
communication_reach = 0.01         # ASSUMPTION: share of uninstalled smartphones that communication alone converts
student_uptake = 0.25              # ASSUMPTION: share of uninstalled pupils and students who install through their schools
quarantine_compliance = 0.95       # ASSUMPTION: share of the quarantined without the app who install when told
testing_compliance = 0.80          # ASSUMPTION: share of those tested without the app who install when told
door_to_door_threshold = 0.30      # ASSUMPTION: below this rate a district gets the full door-to-door push
door_to_door_provincial_kind = "volunteer"  # the provincial teams sent to districts below the threshold

[[team_kind]]
name = "commune"                   # commune steering-committee teams, one per commune
scope = "local"
installs_per_team_day = 15         # ASSUMPTION: homes persuaded per team-day on an untouched pool
cost_per_team_day = 150_000        # ASSUMPTION: đồng allowance per team-day

[[team_kind]]
name = "volunteer"                 # provincial youth-union volunteer teams
scope = "provincial"
available = 30                     # ASSUMPTION: teams the Youth Union can field
installs_per_team_day = 40         # ASSUMPTION: trained teams with a phone-setup routine
cost_per_team_day = 300_000        # ASSUMPTION: đồng per team-day (travel, meals)

# Districts: name, installed and smartphones are FACTS from {file}. Commune teams and the
# cohorts (quarantine, testing, students: head counts over the horizon) are ASSUMPTIONS left
# at 0 (but the lines marked FACT, read from the table): fill them in, or the plan has no
# commune teams and no mandated installs.
"#
        ),
    };
    let mut body = body;
    let _ = write!(body, "{}", kinds_comment(imported, lang));
    for d in &coverage.districts {
        // the unit type only where the name does not say it (FACT: from the table; a name
        // that is the province's, ASSUMPTION: its city)
        let unit_type = match (d.unit_type, d.kind) {
            (Some(u), super::KindFrom::ProvinceName) => {
                let setting = format!("unit_type = {}", quoted(u.vi()));
                let pad = " ".repeat(35usize.saturating_sub(setting.chars().count()).max(1));
                let province = &imported.province.0;
                let why = match lang {
                    Lang::Vi => format!(
                        "ASSUMPTION: tên không ghi loại và trùng tên tỉnh {province}, nên coi là thành phố; nếu là huyện thì sửa thành \"huyện\""
                    ),
                    Lang::En => format!(
                        "ASSUMPTION: the name gives no kind and is the province's ({province}), so taken for its city; if it is a huyện, write \"huyện\""
                    ),
                };
                format!("{setting}{pad}# {why}\n")
            }
            (Some(u), _) => format!("unit_type = {}\n", quoted(u.vi())),
            (None, _) => String::new(),
        };
        let _ = write!(
            body,
            "\n[[district]]\nname = {}\n{unit_type}installed = {}\nsmartphones = {}\n",
            quoted(&d.name),
            grouped(d.installed),
            grouped(d.smartphones),
        );
        for extra in [
            Extra::Communes,
            Extra::Quarantine,
            Extra::Testing,
            Extra::Students,
        ] {
            let value = d.extras.iter().find(|(e, _)| *e == extra).map(|(_, v)| *v);
            let column = imported
                .extra_columns
                .iter()
                .find(|(e, _)| *e == extra)
                .map(|(_, h)| h.as_str());
            let setting = match extra {
                Extra::Communes => {
                    format!("teams = {{ commune = {} }}", grouped(value.unwrap_or(0)))
                }
                _ => format!("{} = {}", extra.field(), grouped(value.unwrap_or(0))),
            };
            let label = match (value.zip(column), extra, lang) {
                (Some((_, column)), _, Lang::Vi) => format!("FACT: cột \"{column}\""),
                (Some((_, column)), _, Lang::En) => format!("FACT: column \"{column}\""),
                (None, Extra::Communes, Lang::Vi) => "ASSUMPTION: số xã của huyện".to_string(),
                (None, Extra::Communes, Lang::En) => {
                    "ASSUMPTION: communes in the district".to_string()
                }
                (None, _, _) => "ASSUMPTION".to_string(),
            };
            let pad = " ".repeat(35usize.saturating_sub(setting.chars().count()).max(1));
            let _ = writeln!(body, "{setting}{pad}# {label}");
        }
    }
    let first = match lang {
        Lang::Vi => format!("{HEADER_VI}{file}` viết; mã nội dung {}", digest(&body)),
        Lang::En => format!("{HEADER}{file}`; content digest {}", digest(&body)),
    };
    let _ = write!(out, "{first}\n{body}");
    out
}

/// The comment above the districts on the units whose name gives no kind: each is a huyện
/// unless `unit_type` says otherwise (user14 U10); nothing when every name gives its kind.
fn kinds_comment(imported: &Imported, lang: Lang) -> String {
    let assumed: Vec<&str> = imported
        .coverage
        .districts
        .iter()
        .filter(|d| d.kind == super::KindFrom::Assumed)
        .map(|d| d.name.as_str())
        .collect();
    if assumed.is_empty() {
        return String::new();
    }
    let list = short_list(&assumed, lang);
    match lang {
        Lang::Vi => format!(
            "#\n# Loại đơn vị: tên không ghi loại ({list}) nên được coi là huyện (ASSUMPTION). Đơn vị nào là\n# thành phố hay thị xã thì thêm dưới dòng name của nó: unit_type = \"thành phố\" (hoặc \"thị xã\").\n"
        ),
        Lang::En => format!(
            "#\n# Unit types: the names that give no kind ({list}) are taken for huyện (ASSUMPTION). Under\n# the name of a unit that is a city or a town add: unit_type = \"thành phố\" (or \"thị xã\").\n"
        ),
    }
}

/// Names for a sentence: all of them up to five, else the first four and how many more.
pub(crate) fn short_list(names: &[&str], lang: Lang) -> String {
    if names.len() <= 5 {
        return names.join(", ");
    }
    let more = names.len() - 4;
    match lang {
        Lang::Vi => format!("{} và {more} đơn vị khác", names[..4].join(", ")),
        Lang::En => format!("{} and {more} others", names[..4].join(", ")),
    }
}

/// The `rules = [...]` line.
fn rules_line(rules: &Rules, lang: Lang) -> String {
    match (rules, lang) {
        (Rules::Folder(folder), _) => format!(
            "rules = [{}]{}# {}",
            quoted(folder),
            " ".repeat(35usize.saturating_sub(10 + quoted(folder).chars().count()).max(1)),
            match lang {
                Lang::Vi => "thư mục quy tắc, tính từ thư mục của tệp này",
                Lang::En => "the rules folder, relative to this file's folder",
            }
        ),
        (Rules::None, Lang::Vi) => "rules = []                         # không thấy thư mục rules/ cạnh tệp: ghi các thư mục quy tắc (ví dụ [\"../rules\"]), tính từ thư mục của tệp này".to_string(),
        (Rules::None, Lang::En) => "rules = []                         # no rules folder was found beside the file: list the rules (e.g. [\"../rules\"]), relative to this file's folder".to_string(),
    }
}

/// The `as_of = ...` line, with where the date came from.
fn as_of_line(as_of: &AsOf, file: &str, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    let from = match as_of {
        AsOf::Given(_) if vi => "FACT: ngày ghi ở --as-of".to_string(),
        AsOf::Given(_) => "FACT: the date given to --as-of".to_string(),
        AsOf::Title {
            line, year, text, ..
        } => {
            let text = shown(text);
            let year = match (year, vi) {
                (YearFrom::Date, _) => String::new(),
                (YearFrom::Title { line }, true) => format!("; năm lấy ở dòng {line}"),
                (YearFrom::Title { line }, false) => format!("; the year from row {line}"),
                (YearFrom::FileName, true) => "; năm lấy từ tên tệp".to_string(),
                (YearFrom::FileName, false) => "; the year from the file's name".to_string(),
            };
            if vi {
                format!("FACT: dòng {line} của {file}, \"{text}\"{year}")
            } else {
                format!("FACT: row {line} of {file}, \"{text}\"{year}")
            }
        }
        AsOf::FileName(_) if vi => format!("FACT: ngày trong tên tệp {file}"),
        AsOf::Column { heading, .. } if vi => format!("FACT: cột \"{heading}\" của {file}"),
        AsOf::Column { heading, .. } => format!("FACT: the column \"{heading}\" of {file}"),
        AsOf::FileName(_) => format!("FACT: the date in the file's name, {file}"),
        AsOf::Placeholder if vi => {
            "ASSUMPTION: bảng không ghi ngày; ghi ngày của số liệu (hoặc nhập lại với --as-of)".to_string()
        }
        AsOf::Placeholder => {
            "ASSUMPTION: no date in the table; set the date of the figures (or import again with --as-of)".to_string()
        }
    };
    let date = as_of
        .date()
        .map_or_else(|| PLACEHOLDER_DATE.to_string(), |d| d.iso());
    format!("as_of = {date}                 # {from}")
}

/// A title as a comment shows it: on one line, no control character (TOML refuses them in a
/// comment), at most 80 characters.
pub(crate) fn shown(text: &str) -> String {
    let mut out: String = text
        .chars()
        .map(|c| {
            if c.is_control() || crate::text::hidden_character(&c.to_string()).is_some() {
                ' '
            } else {
                c
            }
        })
        .take(80)
        .collect();
    if text.chars().count() > 80 {
        out.push('…');
    }
    out
}

/// A TOML basic string.
pub(crate) fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// `39_911`, as the shipped scenarios write counts.
pub(crate) fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('_');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{digest, grouped, unedited};

    #[test]
    fn counts_are_grouped_like_the_shipped_scenario() {
        assert_eq!(grouped(39_911), "39_911");
        assert_eq!(grouped(519_820), "519_820");
        assert_eq!(grouped(1_234_567), "1_234_567");
        assert_eq!(grouped(12), "12");
    }

    #[test]
    fn the_digest_tells_an_edited_skeleton() {
        let body = "#\nassumptions_checked = false\n";
        let written = format!(
            "{}x.csv`; content digest {}\n{body}",
            super::HEADER,
            digest(body)
        );
        assert!(unedited(&written));
        assert!(!unedited(&written.replace("false", "true")));
        assert!(!unedited(&written.replacen("# Scenario", "# scenario", 1)));
        assert!(!unedited(&format!("{}x.csv`.\n{body}", super::HEADER)));
        assert_ne!(digest("a"), digest("b"));
    }
}
