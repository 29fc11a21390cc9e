//! Running the cases of a test file: the rules before the solve, the model's capped figures, a
//! plan with the case's teams, the rules after the solve; then every expectation compared.

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::SHARE_TOLERANCE;
use super::expect::{Expect, Expected, ExpectedDirective};
use super::fixture::{Case, Fixture};
use super::message::Shown;
use crate::diagnostic::Error;
use crate::effects::{Directive, Effects};

use crate::plan::Plan;
use crate::rules::RuleSet;
use crate::scenario::Scenario;
use crate::solve::{Optimality, Solution, Status};
use crate::text::Lang;

/// The results of one test file, its cases in file order.
#[derive(Debug, Clone)]
pub struct FileResult {
    pub path: PathBuf,
    pub cases: Vec<CaseResult>,
}

/// The result of one case.
#[derive(Debug, Clone)]
pub struct CaseResult {
    pub name: String,
    /// The line of the case's `[[case]]` header.
    pub line: usize,
    /// Empty when the case passed.
    pub failures: Vec<Failure>,
}

impl CaseResult {
    pub fn passed(&self) -> bool {
        self.failures.is_empty()
    }
}

/// Why a case did not pass.
#[derive(Debug, Clone)]
pub enum Failure {
    /// A value differs: `key` (e.g. `min_teams`, `directives[2].priority`) at `line`.
    Mismatch {
        line: usize,
        key: String,
        expected: Shown,
        actual: Shown,
    },
    /// The rules stopped with an error the case did not expect.
    RuleError(Error),
    /// The case expected an error containing `contains`; the rules ran to the end.
    NoError { line: usize, contains: String },
    /// The case expected an error containing `contains`; the rules stopped with another one.
    OtherError {
        line: usize,
        contains: String,
        error: Error,
    },
}

/// What the rules did in the case's district.
#[derive(Debug, Clone)]
struct Observed {
    /// What the rules set before the solve (its directives are in `directives`).
    effects: Effects,
    /// M_d and A_d as the plan counts them (capped).
    mandated_installs: f64,
    fixed_installs: f64,
    /// Before- then after-solve directives.
    directives: Vec<Directive>,
}

/// Runs every case of `fixture`. The rule files are compiled once; a rule that does not
/// compile fails every case that does not expect that error.
pub fn run(fixture: &Fixture) -> FileResult {
    let rules = RuleSet::load(&fixture.rules);
    if let Ok(rules) = &rules {
        rules.one_allowance();
    }
    let cases = fixture
        .cases
        .iter()
        .map(|case| {
            // the case's scenario lives as long as the case runs
            let scenario = case.scenario(&fixture.base);
            let observed = rules.as_ref().map_err(Clone::clone).and_then(|rules| {
                rules.in_case(&case.name);
                observe(rules, &scenario, case.district, &case.plan)
            });
            CaseResult {
                name: case.name.clone(),
                line: case.line,
                failures: judge(case, &scenario, observed),
            }
        })
        .collect();
    FileResult {
        path: fixture.path.clone(),
        cases,
    }
}

/// The one place that calls the rules: `before_solve`, the model's capped M_d and A_d, a plan
/// giving `teams` to `district` and no team to any other, then `after_solve`.
fn observe(
    rules: &RuleSet,
    scenario: &Scenario,
    district: usize,
    teams: &[u32],
) -> Result<Observed, Error> {
    // the rules run on the case's district only; the others are there for `scenario` to read
    let mut effects = rules.before_solve_on(scenario, Some(district))?;
    let model = crate::scenario::to_model(scenario, &effects);
    let allocation = (0..scenario.districts.len())
        .map(|d| {
            if d == district {
                teams.to_vec()
            } else {
                vec![0; scenario.team_kinds.len()]
            }
        })
        .collect();
    let solution = Solution {
        status: Status::Optimal,
        teams: allocation,
        diagnosis: None,
        optimality: Optimality {
            objective_value: 0.0,
            bound: None,
            gap: None,
            method: "rule test: the case's teams".to_string(),
        },
    };
    let mut plan = Plan::new(&scenario.name, &scenario.as_of, &model, &solution, &effects);
    plan.add_after_solve(rules.after_solve_on(scenario, &plan, Some(district))?);
    let directives = plan.districts.swap_remove(district).directives;
    Ok(Observed {
        effects: effects.swap_remove(district),
        mandated_installs: model.districts[district].mandated_installs,
        fixed_installs: model.districts[district].fixed_installs,
        directives,
    })
}

fn judge(case: &Case, scenario: &Scenario, observed: Result<Observed, Error>) -> Vec<Failure> {
    match (&case.expect, observed) {
        (Expect::Error { line, contains }, Ok(_)) => vec![Failure::NoError {
            line: *line,
            contains: contains.clone(),
        }],
        (Expect::Error { line, contains }, Err(error)) => {
            if [Lang::Vi, Lang::En]
                .iter()
                .any(|&lang| error.render(lang).contains(contains.as_str()))
            {
                Vec::new()
            } else {
                vec![Failure::OtherError {
                    line: *line,
                    contains: contains.clone(),
                    error,
                }]
            }
        }
        (Expect::Checks(_), Err(error)) => vec![Failure::RuleError(error)],
        (Expect::Checks(checks), Ok(observed)) => {
            let kinds: Vec<&str> = scenario
                .team_kinds
                .iter()
                .map(|k| k.name.as_str())
                .collect();
            let mut failures = Vec::new();
            for check in checks {
                compare(
                    check.line,
                    &check.expected,
                    &observed,
                    &kinds,
                    &mut failures,
                );
            }
            failures
        }
    }
}

fn mismatch(line: usize, key: impl Into<String>, expected: Shown, actual: Shown) -> Failure {
    Failure::Mismatch {
        line,
        key: key.into(),
        expected,
        actual,
    }
}

fn compare(
    line: usize,
    expected: &Expected,
    observed: &Observed,
    kinds: &[&str],
    failures: &mut Vec<Failure>,
) {
    let fx = &observed.effects;
    let key = expected.key();
    match expected {
        Expected::MinTeams(want) | Expected::MaxTeams(want) => {
            let got = if matches!(expected, Expected::MinTeams(_)) {
                &fx.min_teams
            } else {
                &fx.max_teams
            };
            if want != got {
                failures.push(mismatch(
                    line,
                    key,
                    Shown::Same(counts(want)),
                    Shown::Same(counts(got)),
                ));
            }
        }
        Expected::Mandates(want) => {
            // A cohort mandated by two rules counts once, at the larger share (MODEL.md).
            let mut got: BTreeMap<String, f64> = BTreeMap::new();
            for m in &fx.mandates {
                let share = got.entry(m.cohort.to_lowercase()).or_insert(0.0);
                *share = share.max(m.share);
            }
            let equal = want.len() == got.len()
                && want
                    .iter()
                    .all(|(c, q)| got.get(c).is_some_and(|g| close(*q, *g)));
            if !equal {
                failures.push(mismatch(
                    line,
                    key,
                    Shown::Same(shares(want)),
                    Shown::Same(shares(&got)),
                ));
            }
        }
        Expected::MandatedInstalls(want) | Expected::FixedInstalls(want) => {
            let got = if matches!(expected, Expected::MandatedInstalls(_)) {
                observed.mandated_installs
            } else {
                observed.fixed_installs
            };
            if !installs_equal(*want, got) {
                failures.push(mismatch(
                    line,
                    key,
                    Shown::Same(want.to_string()),
                    installs_text(got),
                ));
            }
        }
        Expected::Productivity(want) => {
            let at = |map: &BTreeMap<String, f64>, k: &str| map.get(k).copied().unwrap_or(1.0);
            if kinds
                .iter()
                .any(|k| !close(at(want, k), at(&fx.productivity, k)))
            {
                failures.push(mismatch(
                    line,
                    key,
                    Shown::Same(shares(want)),
                    Shown::Same(shares(&fx.productivity)),
                ));
            }
        }
        Expected::MinRate(want) => {
            // No floor and a floor of 0 are the same to the plan.
            let got = fx.min_rate.unwrap_or(0.0);
            if !close(*want, got) {
                let actual = match fx.min_rate {
                    Some(rate) => Shown::Same(number(rate)),
                    None => Shown::NoneSet,
                };
                failures.push(mismatch(line, key, Shown::Same(number(*want)), actual));
            }
        }
        Expected::Directives(want) => directives(line, want, &observed.directives, failures),
    }
}

fn directives(
    line: usize,
    want: &[ExpectedDirective],
    got: &[Directive],
    failures: &mut Vec<Failure>,
) {
    if want.len() != got.len() {
        let actual = if got.is_empty() {
            Shown::NoDirectives
        } else {
            Shown::Directives {
                rules: got.iter().map(|d| d.rule.clone()).collect(),
            }
        };
        let expected = Shown::DirectiveCount(want.len());
        failures.push(mismatch(line, "directives", expected, actual));
        return;
    }
    for (i, (want, got)) in want.iter().zip(got).enumerate() {
        let key = |field: &str| format!("directives[{}].{field}", i + 1);
        let line = want.line;
        if let Some(rule) = &want.rule
            && *rule != got.rule
        {
            failures.push(mismatch(
                line,
                key("rule"),
                Shown::Same(format!("\"{rule}\"")),
                Shown::Same(format!("\"{}\"", got.rule)),
            ));
        }
        if let Some(priority) = want.priority
            && priority != got.priority
        {
            failures.push(mismatch(
                line,
                key("priority"),
                Shown::Same(priority.to_string()),
                Shown::Same(got.priority.to_string()),
            ));
        }
        let texts = [
            (
                "action_contains",
                &want.action_contains,
                &got.action,
                Lang::Vi,
            ),
            (
                "action_en_contains",
                &want.action_en_contains,
                &got.action,
                Lang::En,
            ),
            ("unit_contains", &want.unit_contains, &got.unit, Lang::Vi),
            (
                "unit_en_contains",
                &want.unit_en_contains,
                &got.unit,
                Lang::En,
            ),
        ];
        for (field, piece, text, lang) in texts {
            if let Some(piece) = piece
                && !text.get(lang).contains(piece.as_str())
            {
                failures.push(mismatch(
                    line,
                    key(field),
                    Shown::Contains(piece.clone()),
                    Shown::Same(format!("\"{}\"", text.get(lang))),
                ));
            }
        }
        if let Some(want_installs) = want.expected_installs {
            let equal = match (want_installs, got.expected_installs) {
                (None, None) => true,
                (Some(w), Some(g)) => installs_equal(w, g),
                _ => false,
            };
            if !equal {
                let none = || Shown::NoneStated;
                failures.push(mismatch(
                    line,
                    key("expected_installs"),
                    want_installs.map_or_else(none, |w| Shown::Same(w.to_string())),
                    got.expected_installs.map_or_else(none, installs_text),
                ));
            }
        }
        if let Some(teams) = &want.teams {
            let listed: BTreeMap<String, u32> = got.teams.iter().cloned().collect();
            if *teams != listed {
                failures.push(mismatch(
                    line,
                    key("teams"),
                    Shown::Same(counts(teams)),
                    Shown::Same(counts(&listed)),
                ));
            }
        }
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= SHARE_TOLERANCE
}

/// Installs are compared as printed: rounded to whole installs.
fn installs_equal(want: i128, got: f64) -> bool {
    got.round() as i128 == want
}

/// Installs as the test file would write them, with the exact figure beside the rounded one.
fn installs_text(value: f64) -> Shown {
    let rounded = value.round();
    if (value - rounded).abs() < crate::solve::INSTALLS_TOLERANCE {
        Shown::Same(format!("{rounded}"))
    } else {
        Shown::Unrounded(value)
    }
}

/// A decimal as the test file would write it: the shortest form that reads back the same.
fn number(x: f64) -> String {
    format!("{x}")
}

/// `{ commune = 5, volunteer = 1 }`, or `{}`.
fn counts(map: &BTreeMap<String, u32>) -> String {
    table(map.iter().map(|(k, n)| format!("{k} = {n}")))
}

/// `{ quarantine = 0.95 }`, or `{}`.
fn shares(map: &BTreeMap<String, f64>) -> String {
    table(map.iter().map(|(k, x)| format!("{k} = {}", number(*x))))
}

fn table(entries: impl Iterator<Item = String>) -> String {
    let entries: Vec<String> = entries.collect();
    if entries.is_empty() {
        "{}".to_string()
    } else {
        format!("{{ {} }}", entries.join(", "))
    }
}
