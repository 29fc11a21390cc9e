//! The scenario skeleton `campaign import` writes: the imported districts as FACTS, and every
//! planning assumption as a labelled default in the shape of scenarios/lang-son-2020-09-01.toml.

use std::fmt::Write;

use super::Imported;
use super::date::{AsOf, YearFrom};

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

/// How every skeleton starts: what tells it apart from a scenario someone wrote, which
/// `import --out` does not replace without `--force`.
pub const HEADER: &str = "# Scenario skeleton made by `campaign import ";

/// The skeleton for what was imported, in the scenario format of MODEL.md § "Scenario files".
pub fn render(imported: &Imported, rules: &Rules) -> String {
    let coverage = &imported.coverage;
    let file = coverage
        .path
        .file_name()
        .map_or_else(String::new, |f| f.to_string_lossy().into_owned());
    // the reports' titles are Vietnamese: "Số liệu từ letter.csv"
    let name = quoted(&format!("Số liệu từ {file}"));
    let mut out = String::new();
    let _ = write!(
        out,
        r#"# Scenario skeleton made by `campaign import {file}`.
#
# FACT       = a number from {file}.
# ASSUMPTION = a planning default copied from scenarios/lang-son-2020-09-01.toml; check each
#              one (docs/assumptions.md gives the reasoning) before planning with this file.

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
# at 0: fill them in, or the plan has no commune teams and no mandated installs.
"#,
        name_pad = " ".repeat(35usize.saturating_sub(7 + name.chars().count()).max(1)),
        name = name,
        as_of = as_of_line(&imported.as_of, &file),
        rules = match rules {
            Rules::Folder(folder) => format!(
                "rules = [{}]{}# the rules folder, relative to this file's folder",
                quoted(folder),
                " ".repeat(35usize.saturating_sub(10 + quoted(folder).chars().count()).max(1))
            ),
            Rules::None => "rules = []                         # no rules folder was found beside the file: list the rules (e.g. [\"../rules\"]), relative to this file's folder".to_string(),
        },
    );
    for d in &coverage.districts {
        // the unit type only where the name does not say it (FACT: from the table)
        let unit_type = d
            .unit_type
            .map_or_else(String::new, |u| format!("unit_type = {}\n", quoted(u.vi())));
        let _ = write!(
            out,
            "\n[[district]]\nname = {}\n{unit_type}installed = {}\nsmartphones = {}\n\
             teams = {{ commune = 0 }}            # ASSUMPTION: communes in the district\n\
             quarantine = 0                     # ASSUMPTION\n\
             testing = 0                        # ASSUMPTION\n\
             students = 0                       # ASSUMPTION\n",
            quoted(&d.name),
            grouped(d.installed),
            grouped(d.smartphones),
        );
    }
    out
}

/// The `as_of = ...` line, with where the date came from.
fn as_of_line(as_of: &AsOf, file: &str) -> String {
    let from = match as_of {
        AsOf::Given(_) => "FACT: the date given to --as-of".to_string(),
        AsOf::Title {
            line, year, text, ..
        } => {
            let text = shown(text);
            let year = match year {
                YearFrom::Date => String::new(),
                YearFrom::Title { line } => format!("; the year from row {line}"),
                YearFrom::FileName => "; the year from the file's name".to_string(),
            };
            format!("FACT: row {line} of {file}, \"{text}\"{year}")
        }
        AsOf::FileName(_) => format!("FACT: the date in the file's name, {file}"),
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
    use super::grouped;

    #[test]
    fn counts_are_grouped_like_the_shipped_scenario() {
        assert_eq!(grouped(39_911), "39_911");
        assert_eq!(grouped(519_820), "519_820");
        assert_eq!(grouped(1_234_567), "1_234_567");
        assert_eq!(grouped(12), "12");
    }
}
