//! `campaign compare`: the plans of several scenarios side by side, and what differs between
//! their inputs (docs/compare.md).
//!
//! `Comparison::new` computes; `terminal`, `markdown` and `json` print. The figures are the
//! plans' own (the same as `campaign plan` prints); the input differences come from the
//! scenarios, not the plans.

pub mod inputs;
mod json;
mod markdown;
mod message;
mod tables;
mod terminal;

use std::path::Path;

use crate::diagnostic::Error;
use crate::limits::RULE_BYTES;
use crate::model::{DistrictNames, Found};
use crate::plan::Plan;
use crate::report::Format;
use crate::scenario::{DistrictInput, Scenario};
use crate::text::Lang;

pub use inputs::{Difference, Input, RuleFile, Value};
use message::PairProblem;

/// One scenario of a comparison: as loaded, its rule files and its plan.
#[derive(Debug, Clone)]
pub struct Compared {
    pub scenario: Scenario,
    pub rules: Vec<RuleFile>,
    pub plan: Plan,
    /// The districts this scenario names otherwise than scenario A ([`Compared::pair_with`]):
    /// A's name, then this scenario's, in this scenario's order.
    pub renamed: Vec<(String, String)>,
}

impl Compared {
    /// Loads the scenario at `path` with `settings` applied (as `--set` does) and plans it,
    /// as [`crate::plan_with`] does, keeping the scenario for the input differences.
    pub fn load(path: &Path, settings: &[String]) -> Result<Compared, Error> {
        let (scenario, without) = crate::scenario::load_with_and_without(path, settings)?;
        Compared::plan(scenario, without.as_ref())
    }

    /// [`Compared::load`] for a scenario already loaded (with the settings), and `without`
    /// them (`None`: no settings, or it does not load without them).
    pub fn plan(scenario: Scenario, without: Option<&Scenario>) -> Result<Compared, Error> {
        let mut plan = crate::plan_scenario(&scenario)?;
        if let Some(without) = without
            && let Some(notice) = crate::set_notice_between(without, &scenario)
        {
            plan.notices.insert(0, notice);
        }
        let rules = scenario
            .rules
            .iter()
            .map(|path| RuleFile {
                stem: path.file_stem().map_or_else(String::new, |s| {
                    crate::text::show_hidden(&s.to_string_lossy())
                }),
                path: path.clone(),
                // Read successfully by the plan just made; an empty text for a file that has
                // gone (or changed to one that cannot be read) since only marks it as different.
                text: crate::files::read(path, RULE_BYTES)
                    .ok()
                    .and_then(crate::rules::rule_text)
                    .unwrap_or_default(),
            })
            .collect();
        Ok(Compared {
            scenario,
            rules,
            plan,
            renamed: Vec::new(),
        })
    }

    /// The scenario with only what the comparison's tables print of its plan: each district
    /// without its directives and rule trace, most of a plan (≈240 MB of a 20,000-unit one).
    /// The JSON writes each whole plan before it is summarised (trial 13f J21).
    pub fn summarised(mut self) -> Compared {
        for district in &mut self.plan.districts {
            district.directives = Vec::new();
            district.trace = Vec::new();
        }
        self
    }

    /// Gives this scenario's districts the names scenario A (`first`) writes them with, where
    /// the two name one district as every other input reads names ([`DistrictNames`]: "Huyện
    /// Cao Lộc" is "Cao Lộc", "TP. Lạng Sơn" is "Thành phố Lạng Sơn"), so that the tables set
    /// them side by side (trial 13g K20); each renamed district is kept in `renamed`. A name
    /// that two of A's districts share ("Kỳ Anh" beside "Huyện Kỳ Anh" and "Thị xã Kỳ Anh") is
    /// refused: which one it pairs with is not known. `first`: scenario A's districts; `letter`:
    /// this scenario's.
    pub fn pair_with(&mut self, first: &[DistrictInput], letter: &str) -> Result<(), Error> {
        let theirs = first;
        let index = DistrictNames::of(theirs.iter().map(|d| (d.name.as_str(), d.unit_type)));
        let exact: std::collections::HashSet<&str> =
            theirs.iter().map(|d| d.name.as_str()).collect();
        // A's districts taken: by an exact name first, so that a look-alike does not take a
        // district another row names exactly
        let mut taken: Vec<bool> = theirs
            .iter()
            .map(|d| self.scenario.districts.iter().any(|o| o.name == d.name))
            .collect();
        let mut renames: Vec<(String, String)> = Vec::new();
        for own in &self.scenario.districts {
            if exact.contains(own.name.as_str()) {
                continue;
            }
            match index.find(&own.name) {
                Found::One(i) => {
                    // two of this scenario's names for one of A's: left apart, as written
                    if taken.get(i) == Some(&false) {
                        taken[i] = true;
                        renames.push((theirs[i].name.clone(), own.name.clone()));
                    }
                }
                Found::Several(list) => {
                    return Err(Error::new(PairProblem::Ambiguous {
                        letter: letter.to_string(),
                        name: crate::diagnostic::shortened(&own.name),
                        candidates: list
                            .iter()
                            .filter_map(|&i| theirs.get(i).map(|d| d.name.clone()))
                            .collect(),
                    })
                    .file(&self.scenario.path)
                    .district(&own.name));
                }
                Found::None => {}
            }
        }
        for (a, b) in &renames {
            for d in self.scenario.districts.iter_mut().filter(|d| &d.name == b) {
                d.name = a.clone();
            }
            for d in self.plan.districts.iter_mut().filter(|d| &d.name == b) {
                d.name = a.clone();
            }
        }
        self.renamed = renames;
        Ok(())
    }
}

/// Several plans side by side, and the inputs that differ.
#[derive(Debug, Clone)]
pub struct Comparison {
    pub scenarios: Vec<Compared>,
    pub differences: Vec<Difference>,
}

impl Comparison {
    pub fn new(scenarios: Vec<Compared>) -> Comparison {
        let loaded: Vec<&Scenario> = scenarios.iter().map(|c| &c.scenario).collect();
        let rules: Vec<Vec<RuleFile>> = scenarios.iter().map(|c| c.rules.clone()).collect();
        let differences = inputs::differences(&loaded, &rules);
        Comparison {
            scenarios,
            differences,
        }
    }

    /// Whether every plan meets its scenario.
    pub fn all_feasible(&self) -> bool {
        self.scenarios
            .iter()
            .all(|c| c.plan.status.meets_scenario())
    }

    /// The plans, in the order given.
    pub fn plans(&self) -> impl Iterator<Item = &Plan> {
        self.scenarios.iter().map(|c| &c.plan)
    }
}

/// Writes the comparison of `count` scenarios as JSON to `out`, planning each in turn with
/// `plan` and writing it district by district before the next is planned (`lang`: the
/// language of each plan's `diagnosis`, as for `campaign plan`). Returns the comparison of the
/// summarised plans, `None` when a scenario could not be planned or the writing stopped.
pub fn write_json(
    count: usize,
    plan: &mut json::PlanOne<'_>,
    lang: Lang,
    out: &mut dyn std::io::Write,
) -> std::io::Result<Option<Comparison>> {
    json::write_planned(count, plan, lang, out)
}

/// Renders `comparison` (of summarised plans) in `format` and `lang`; the text's tables fit
/// `width` columns when it is given. JSON is [`write_json`]'s, which writes each whole plan.
pub fn render(comparison: &Comparison, format: Format, lang: Lang, width: Option<usize>) -> String {
    match format {
        Format::Text => terminal::render(comparison, lang, width),
        // The printable formats are the plan's, and JSON is written as it is planned; the CLI
        // sends neither here (cli/compare.rs).
        Format::Json
        | Format::Markdown
        | Format::Html
        | Format::Csv
        | Format::Xlsx
        | Format::Docx
        | Format::LetterHtml => markdown::render(comparison, lang),
    }
}

/// The letter of the `i`-th scenario: A, B, C, ... (then A2, B2, ... past Z).
pub fn letter(i: usize) -> String {
    let base = char::from(b'A' + (i % 26) as u8);
    match i / 26 {
        0 => base.to_string(),
        round => format!("{base}{}", round + 1),
    }
}
