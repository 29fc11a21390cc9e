//! Reading `[case.expect]`: what a case expects the rules to do, every key checked.

use std::collections::{BTreeMap, BTreeSet};

use toml::de::DeValue;

use super::kinds::{kind_counts, known_kind};
use super::message::{ExpectProblem, Hint};
use crate::diagnostic::{Error, did_you_mean};
use crate::scenario::Scenario;
use crate::scenario::document::{
    Table, Value, as_array, as_integer, as_number, as_str, as_table, pos,
};
use crate::scenario::message::DocumentProblem;
use crate::source::{Pos, Source};

const EXPECT_KEYS: [&str; 9] = [
    "min_teams",
    "max_teams",
    "mandates",
    "mandated_installs",
    "fixed_installs",
    "productivity",
    "min_rate",
    "directives",
    "error_contains",
];
const DIRECTIVE_KEYS: [&str; 8] = [
    "rule",
    "priority",
    "action_contains",
    "action_en_contains",
    "unit_contains",
    "unit_en_contains",
    "expected_installs",
    "teams",
];

/// What a case expects.
#[derive(Debug, Clone)]
pub enum Expect {
    /// Checks on what the rules did, in the order written.
    Checks(Vec<Check>),
    /// The rules must stop with an error whose text contains `contains`.
    Error { line: usize, contains: String },
}

/// One key of `[case.expect]`.
#[derive(Debug, Clone)]
pub struct Check {
    /// The 1-based line of the key.
    pub line: usize,
    pub expected: Expected,
}

/// The expected value of one key of `[case.expect]`.
#[derive(Debug, Clone, PartialEq)]
pub enum Expected {
    MinTeams(BTreeMap<String, u32>),
    MaxTeams(BTreeMap<String, u32>),
    /// Cohort (lower case) → share.
    Mandates(BTreeMap<String, f64>),
    MandatedInstalls(i128),
    FixedInstalls(i128),
    Productivity(BTreeMap<String, f64>),
    MinRate(f64),
    Directives(Vec<ExpectedDirective>),
}

impl Expected {
    /// The key as written in the test file.
    pub fn key(&self) -> &'static str {
        match self {
            Expected::MinTeams(_) => "min_teams",
            Expected::MaxTeams(_) => "max_teams",
            Expected::Mandates(_) => "mandates",
            Expected::MandatedInstalls(_) => "mandated_installs",
            Expected::FixedInstalls(_) => "fixed_installs",
            Expected::Productivity(_) => "productivity",
            Expected::MinRate(_) => "min_rate",
            Expected::Directives(_) => "directives",
        }
    }
}

/// One entry of `directives = [...]`: only the keys given are checked.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExpectedDirective {
    /// The 1-based line of the entry.
    pub line: usize,
    pub rule: Option<String>,
    pub priority: Option<i64>,
    pub action_contains: Option<String>,
    pub action_en_contains: Option<String>,
    pub unit_contains: Option<String>,
    pub unit_en_contains: Option<String>,
    /// `Some(None)` (`expected_installs = false`): the directive states no expected installs.
    pub expected_installs: Option<Option<i128>>,
    pub teams: Option<BTreeMap<String, u32>>,
}

pub(super) fn expects_nothing(src: &Source, at: Pos, name: &str) -> Error {
    src.error(
        at,
        ExpectProblem::ExpectsNothing {
            case: name.to_string(),
        },
    )
}

pub(super) fn read_expect(
    table: &Table<'_, '_>,
    scenario: &Scenario,
    name: &str,
) -> Result<Expect, Error> {
    let src = table.src;
    table.unknown_keys(&EXPECT_KEYS)?;
    if table.entries().next().is_none() {
        return Err(expects_nothing(src, table.at, name));
    }
    if let Some(value) = table.get("error_contains") {
        if let Some((other, at, _)) = table.entries().find(|(k, _, _)| *k != "error_contains") {
            return Err(src.error(
                at,
                ExpectProblem::ErrorAndChecks {
                    other: other.to_string(),
                },
            ));
        }
        let contains = as_str(src, "error_contains", value)?;
        if contains.trim().is_empty() {
            return Err(src.error(pos(value), ExpectProblem::EmptyErrorContains));
        }
        return Ok(Expect::Error {
            line: src.line(pos(value)).unwrap_or(0),
            contains: contains.to_string(),
        });
    }
    let mut checks = Vec::new();
    for (key, at, value) in table.entries() {
        let counts = |field: &str| -> Result<BTreeMap<String, u32>, Error> {
            Ok(kind_counts(src, field, value, scenario)?
                .into_iter()
                .map(|(k, (n, _))| (k, n))
                .collect())
        };
        let expected = match key {
            "min_teams" => Expected::MinTeams(counts(key)?),
            "max_teams" => Expected::MaxTeams(counts(key)?),
            "mandates" => Expected::Mandates(mandates(src, value, scenario)?),
            "mandated_installs" => Expected::MandatedInstalls(installs(src, key, value)?),
            "fixed_installs" => Expected::FixedInstalls(installs(src, key, value)?),
            "productivity" => Expected::Productivity(multipliers(src, value, scenario)?),
            "min_rate" => Expected::MinRate(as_number(src, key, value)?),
            "directives" => Expected::Directives(directives(src, value, scenario)?),
            _ => unreachable!("unknown keys are refused above"),
        };
        checks.push(Check {
            line: src.line(at).unwrap_or(0),
            expected,
        });
    }
    Ok(Expect::Checks(checks))
}

/// A number of installs: whole, 0 or more.
fn installs(src: &Source, field: &str, value: &Value<'_>) -> Result<i128, Error> {
    let n = as_integer(src, field, value).map_err(|e| {
        // a decimal (1.5): how installs are compared, not the scenario's "1 or 2"; a number
        // grouped by dots (1.799) keeps its hint to write 1799
        let grouped = e.hint.as_ref().is_some_and(|h| {
            h.get(crate::text::Lang::En)
                .contains("a dot is a decimal point")
        });
        let decimal = matches!(value.get_ref(), toml::de::DeValue::Float(_)) && !grouped;
        if e.hint.is_some() && !decimal {
            e
        } else {
            e.hint(Hint::WholeInstalls.text())
        }
    })?;
    if n < 0 {
        return Err(src
            .error(pos(value), ExpectProblem::NegativeInstalls)
            .field(field));
    }
    Ok(n)
}

/// `mandates = { cohort = share }`: cohorts some district of the scenario has.
fn mandates(
    src: &Source,
    value: &Value<'_>,
    scenario: &Scenario,
) -> Result<BTreeMap<String, f64>, Error> {
    let table = Table::new(src, pos(value), "", as_table(src, "mandates", value)?);
    let known: BTreeSet<&str> = scenario
        .districts
        .iter()
        .flat_map(|d| d.cohorts.keys().map(String::as_str))
        .collect();
    let mut shares = BTreeMap::new();
    for (cohort, at, share) in table.entries() {
        let lower = cohort.to_lowercase();
        if !known.contains(lower.as_str()) {
            return Err(src.error(
                at,
                ExpectProblem::NoCohort {
                    cohort: cohort.to_string(),
                    close: did_you_mean(&lower, known.iter().copied()).map(str::to_string),
                    known: known.iter().map(|c| (*c).to_string()).collect(),
                },
            ));
        }
        let field = format!("mandates.{cohort}");
        shares.insert(lower, as_number(src, &field, share)?);
    }
    Ok(shares)
}

/// `productivity = { kind = multiplier }`.
fn multipliers(
    src: &Source,
    value: &Value<'_>,
    scenario: &Scenario,
) -> Result<BTreeMap<String, f64>, Error> {
    let table = Table::new(src, pos(value), "", as_table(src, "productivity", value)?);
    let mut multipliers = BTreeMap::new();
    for (kind, at, m) in table.entries() {
        let kind = known_kind(src, kind, at, scenario)?;
        let field = format!("productivity.{kind}");
        multipliers.insert(kind, as_number(src, &field, m)?);
    }
    Ok(multipliers)
}

fn directives(
    src: &Source,
    value: &Value<'_>,
    scenario: &Scenario,
) -> Result<Vec<ExpectedDirective>, Error> {
    let list =
        as_array(src, "directives", value).map_err(|e| e.hint(Hint::DirectivesList.text()))?;
    let mut directives = Vec::with_capacity(list.len());
    for entry in list.iter() {
        let table = Table::new(
            src,
            pos(entry),
            "directives",
            as_table(src, "directives", entry)?,
        );
        table.unknown_keys(&DIRECTIVE_KEYS)?;
        let mut d = ExpectedDirective {
            line: src.line(pos(entry)).unwrap_or(0),
            ..ExpectedDirective::default()
        };
        for (key, _, v) in table.entries() {
            let text = || as_str(src, key, v).map(str::to_string);
            match key {
                "rule" => {
                    let rule = text()?;
                    // a rule's name is its file's: a Cyrillic `о` or an invisible character
                    // makes a name that reads the same and that no rule has
                    if crate::diagnostic::unlike_vi(&rule).is_some() {
                        return Err(src
                            .error(pos(v), ExpectProblem::LookAlikeRule { rule })
                            .field(key));
                    }
                    d.rule = Some(rule);
                }
                "priority" => {
                    let p = as_integer(src, key, v)?;
                    d.priority = Some(i64::try_from(p).map_err(|_| {
                        src.error(
                            pos(v),
                            DocumentProblem::TooLarge {
                                written: p.to_string(),
                                largest: None,
                            },
                        )
                        .field(key)
                    })?);
                }
                "action_contains" => d.action_contains = Some(text()?),
                "action_en_contains" => d.action_en_contains = Some(text()?),
                "unit_contains" => d.unit_contains = Some(text()?),
                "unit_en_contains" => d.unit_en_contains = Some(text()?),
                "expected_installs" => {
                    d.expected_installs = Some(match v.get_ref() {
                        DeValue::Boolean(false) => None,
                        DeValue::Boolean(true) => {
                            return Err(src
                                .error(pos(v), ExpectProblem::ExpectedInstallsTrue)
                                .field(key));
                        }
                        _ => Some(installs(src, key, v)?),
                    });
                }
                "teams" => {
                    d.teams = Some(
                        kind_counts(src, key, v, scenario)?
                            .into_iter()
                            .map(|(k, (n, _))| (k, n))
                            .collect(),
                    );
                }
                _ => unreachable!("unknown keys are refused above"),
            }
        }
        directives.push(d);
    }
    Ok(directives)
}
