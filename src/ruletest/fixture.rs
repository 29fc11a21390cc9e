//! Reading a rule-test file (the format is in the module doc of `ruletest`): every key checked,
//! every error at the line and column to change. `[case.expect]` is read in `expect.rs`.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::expect::{Expect, expects_nothing, read_expect};
use super::kinds::kind_counts;
use super::message::{File, Hint, Named, TestFileProblem, TomlSyntax};
use crate::diagnostic::{Error, Location, did_you_mean};
use crate::limits::TOML_BYTES;
use crate::model::{DistrictNames, Found, Scope};
use crate::scenario::document::{Table, Value, as_array, as_str, as_table, pos, wrong_type};
use crate::scenario::message::Expected;
use crate::scenario::{self, DistrictInput, Param, Scenario};
use crate::source::{Pos, Source};

const KEYS: [&str; 4] = ["scenario", "rules", "params", "case"];
const CASE_KEYS: [&str; 5] = ["name", "district", "plan", "params", "expect"];
/// Keys of a scenario file that a test file does not have.
const SCENARIO_KEYS: [&str; 12] = [
    "name",
    "as_of",
    "horizon_days",
    "objective",
    "budget",
    "coverage",
    "base",
    "target",
    "response",
    "team_kind",
    "district",
    "history",
];

/// A test file, read and checked: its cases are ready to run.
#[derive(Debug, Clone)]
pub struct Fixture {
    pub path: PathBuf,
    /// The rule files every case runs, in order.
    pub rules: Vec<PathBuf>,
    /// The test's scenario: `[params]` applied, `rules` set to the test's. Held once: a case
    /// holds only what it changes (see [`Case::scenario`]).
    pub base: Scenario,
    pub cases: Vec<Case>,
}

/// Cases in one test file; a rule's tests are a few cases each (the shipped rules have 4 to 6).
pub const MAX_CASES: usize = 1_000;

/// One `[[case]]`.
#[derive(Debug, Clone)]
pub struct Case {
    pub name: String,
    /// The 1-based line of the case's `[[case]]` header.
    pub line: usize,
    /// The case's own `params`, over the test's.
    params: Option<(BTreeMap<String, Param>, BTreeMap<String, Location>)>,
    /// The case's district when written as a table: it replaces the scenario's district of that
    /// name, or is added after them.
    written: Option<DistrictInput>,
    /// The case's district: an index into the districts of [`Case::scenario`].
    pub district: usize,
    /// The teams the plan gives the district, one count per team kind in scenario order.
    pub plan: Vec<u32>,
    pub expect: Expect,
}

impl Case {
    /// The scenario the case runs in: the test's, with the case's `params` and district in
    /// place. Built for the case and dropped after it, so that a test of many cases against a
    /// large scenario holds one copy of it at a time.
    pub fn scenario<'a>(&self, base: &'a Scenario) -> Cow<'a, Scenario> {
        if self.params.is_none() && self.written.is_none() {
            return Cow::Borrowed(base);
        }
        let mut scenario = base.clone();
        if let Some((values, places)) = &self.params {
            scenario.params.extend(values.clone());
            scenario.params_at.extend(places.clone());
        }
        if let Some(district) = &self.written {
            if self.district < scenario.districts.len() {
                scenario.districts[self.district] = district.clone();
            } else {
                scenario.districts.push(district.clone());
            }
        }
        Cow::Owned(scenario)
    }
}

/// Reads and checks the test file at `path`, with its scenario.
pub fn read(path: &Path) -> Result<Fixture, Error> {
    // a rule file given as its test (trial G17): say what it is, not a TOML syntax error
    if path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("rhai"))
    {
        return Err(Error::new(TestFileProblem::IsRule {
            path: path.display().to_string(),
        })
        .file(path));
    }
    let mut src = Source::read(path, &File::Test.text(), TOML_BYTES).map_err(|e| {
        if path.exists() {
            e
        } else {
            e.hint(Hint::CheckPath.text())
        }
    })?;
    // old Mac line ends (CR alone) are line breaks, as in a scenario file
    src.cr_only_lines();
    let doc = parse(&src)?;
    let top = Table::new(&src, Pos::File, "", &doc);
    // a scenario given as a test file (`campaign rules test scenarios`): say so, rather than
    // "unknown key `name`"
    let has = |key: &str| doc.iter().any(|(k, _)| k.get_ref().as_ref() == key);
    if !has("scenario") && !has("case") && SCENARIO_KEYS.iter().any(|key| has(key)) {
        return Err(src.error(Pos::File, TestFileProblem::IsScenario));
    }
    top.unknown_keys(&KEYS)?;

    let mut base = load_scenario(&top)?;
    base.rules = rules(&top, &base)?;
    if let Some(params) = top.table("params", "[params]")? {
        override_params(&params, &mut base, &top)?;
    }

    let Some(cases) = top.get("case") else {
        return Err(src.error(Pos::File, TestFileProblem::NoCases));
    };
    let cases = as_array(&src, "case", cases).map_err(|e| e.hint(Hint::CaseExample.text()))?;
    if cases.len() > MAX_CASES {
        return Err(src.error(
            pos(top.get("case").expect("checked above")),
            TestFileProblem::TooManyCases { count: cases.len() },
        ));
    }
    let mut read: Vec<Case> = Vec::with_capacity(cases.len());
    // each case's name, and the line of its header
    let mut lines: std::collections::HashMap<String, usize> = Default::default();
    for value in cases.iter() {
        let case = case(&src, value, &base)?;
        if let Some(&first_line) = lines.get(&case.name) {
            return Err(src.error(
                pos(value),
                TestFileProblem::CaseTwice {
                    name: case.name,
                    first_line,
                },
            ));
        }
        lines.insert(case.name.clone(), case.line);
        read.push(case);
    }
    if read.is_empty() {
        return Err(src.error(
            pos(top.get("case").expect("checked above")),
            TestFileProblem::NoCases,
        ));
    }
    Ok(Fixture {
        path: path.to_path_buf(),
        rules: base.rules.clone(),
        base,
        cases: read,
    })
}

fn parse(src: &Source) -> Result<DeTable<'_>, Error> {
    crate::scenario::document::within_limits(src)?;
    DeTable::parse(&src.text)
        .map(Spanned::into_inner)
        .map_err(|err| {
            let message = err.message().trim_end().to_string();
            let pos = err.span().map_or(Pos::File, |span| Pos::Offset(span.start));
            // a `"""` never closed: the parser reads to the end of the file and says so there;
            // the mistake is where the text opens
            let (syntax, pos) = match unclosed_multi_line(&src.text) {
                Some(at) if message.starts_with("invalid multi-line") => {
                    (TomlSyntax::UnclosedMultiLine, Pos::Offset(at))
                }
                _ => (TomlSyntax::of_parser(&message), pos),
            };
            src.error(pos, TestFileProblem::NotToml { syntax, message })
        })
}

/// The byte offset of the `"""` (or `'''`) that opens a multi-line text never closed in the
/// TOML `text`, if one is: texts and comments are skipped as TOML reads them.
fn unclosed_multi_line(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'#' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            q @ (b'"' | b'\'') => {
                if b[i..].starts_with(&[q, q, q]) {
                    let start = i;
                    i += 3;
                    loop {
                        if i >= b.len() {
                            return Some(start);
                        }
                        if q == b'"' && b[i] == b'\\' {
                            i += 2;
                        } else if b[i..].starts_with(&[q, q, q]) {
                            // up to two more quotes belong to the text
                            i += 3;
                            while i < b.len() && b[i] == q {
                                i += 1;
                            }
                            break;
                        } else {
                            i += 1;
                        }
                    }
                } else {
                    i += 1;
                    while i < b.len() && b[i] != q && b[i] != b'\n' {
                        if q == b'"' && b[i] == b'\\' {
                            i += 1;
                        }
                        i += 1;
                    }
                    i += 1;
                }
            }
            _ => i += 1,
        }
    }
    None
}

/// The test file's folder, which paths in it are relative to.
fn folder(src: &Source) -> String {
    let folder = src.folder().display().to_string();
    if folder.is_empty() {
        ".".into()
    } else {
        folder
    }
}

/// `scenario = "..."`: loaded and checked like `campaign plan` does.
fn load_scenario(top: &Table<'_, '_>) -> Result<Scenario, Error> {
    let src = top.src;
    let value = top.require(
        "scenario",
        "scenario = \"../../scenarios/lang-son-2020-09-01.toml\"",
    )?;
    let written = as_str(src, "scenario", value)?.trim();
    let path = src.folder().join(written);
    let not_found = || {
        src.error(
            pos(value),
            TestFileProblem::ScenarioNotFound {
                path: path.display().to_string(),
                folder: folder(src),
            },
        )
        .field("scenario")
    };
    let special = if path.is_dir() {
        Some(crate::files::Special::Folder)
    } else {
        crate::files::special_file(&path)
    };
    if !written.is_empty()
        && let Some(kind) = special
    {
        // a folder, a pipe, a device: never opened, said as what it is at the line naming it
        let what = crate::text::Text::new(
            format!("tệp kịch bản {}", path.display()),
            format!("the scenario file {}", path.display()),
        );
        let e = src
            .error(
                pos(value),
                crate::source::FileProblem::NotAFile { what, kind },
            )
            .field("scenario");
        return Err(match kind {
            // a folder: the path is wrong, relative to the test file's folder
            crate::files::Special::Folder => match not_found().hint {
                Some(hint) => e.hint(hint),
                None => e,
            },
            _ => e,
        });
    }
    if written.is_empty() || !path.is_file() {
        return Err(not_found());
    }
    if let Some(named) = not_a_scenario(src, &path) {
        return Err(src
            .error(
                pos(value),
                TestFileProblem::NotAScenario {
                    named,
                    path: path.display().to_string(),
                    written: written.to_string(),
                },
            )
            .field("scenario"));
    }
    scenario::load(&path)
}

/// What `path`, named by `scenario =` in the test file `src`, is when it is plainly no
/// scenario: the test file itself, another rule test file, or a rule file. A scenario's own
/// mistakes are left to the scenario loader, which says them in the scenario file; these would
/// be said there as "unknown key `scenario`" or a TOML syntax error in a rule.
fn not_a_scenario(src: &Source, path: &Path) -> Option<Named> {
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if same(path, &src.path) {
        return Some(Named::Itself);
    }
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    if extension.eq_ignore_ascii_case("rhai") {
        return Some(Named::RuleFile);
    }
    // a rule test file: TOML with a top-level `scenario` or `[[case]]`, keys no scenario has
    let mut other = Source::read(path, &File::Test.text(), TOML_BYTES).ok()?;
    other.cr_only_lines();
    crate::scenario::document::within_limits(&other).ok()?;
    let doc = DeTable::parse(&other.text).ok()?.into_inner();
    let key = |name: &str| doc.iter().find(|(k, _)| k.get_ref().as_ref() == name);
    key("case")
        .or_else(|| key("scenario"))
        .map(|_| Named::TestFile {
            // the scenario that file names, when its paths start from the same folder
            scenario: key("scenario")
                .and_then(|(_, v)| v.get_ref().as_str().map(str::to_string))
                .filter(|_| same(folder_of(&other), folder_of(src))),
        })
}

/// The folder that paths in `src` start from, `.` for the current one.
fn folder_of(src: &Source) -> &Path {
    match src.folder() {
        folder if folder.as_os_str().is_empty() => Path::new("."),
        folder => folder,
    }
}

/// `rules = [...]`, or the scenario's rules.
fn rules(top: &Table<'_, '_>, scenario: &Scenario) -> Result<Vec<PathBuf>, Error> {
    let src = top.src;
    let Some(value) = top.get("rules") else {
        return Ok(scenario.rules.clone());
    };
    let list = as_array(src, "rules", value).map_err(|e| e.hint(Hint::RulesList.text()))?;
    if list.is_empty() {
        return Err(src
            .error(pos(value), TestFileProblem::NoRules)
            .field("rules"));
    }
    let mut files: Vec<PathBuf> = Vec::new();
    for item in list.iter() {
        let written = as_str(src, "rules", item)?.trim();
        let path = src.folder().join(written);
        let what = Source::rule_file(&path);
        if !written.is_empty()
            && !path.is_dir()
            && let Some(kind) = crate::files::special_file(&path)
        {
            // a pipe, a device: never opened (reading one may wait for ever, or never end)
            return Err(src
                .error(
                    pos(item),
                    crate::source::FileProblem::NotAFile { what, kind },
                )
                .field("rules"));
        }
        if let Some(link) = src.broken_link_at(pos(item), "rules", &path, &what) {
            return Err(link);
        }
        let found = if written.is_empty() {
            Vec::new()
        } else if path.is_dir() {
            crate::files::with_extension(&path, "rhai")
        } else if path.is_file() {
            vec![path.clone()]
        } else {
            Vec::new()
        };
        if found.is_empty() {
            return Err(src
                .error(
                    pos(item),
                    TestFileProblem::RuleNotFound {
                        path: path.display().to_string(),
                        folder: folder(src),
                    },
                )
                .field("rules"));
        }
        for file in found {
            if !files.contains(&file) {
                files.push(file);
            }
        }
    }
    Ok(files)
}

/// Replaces `scenario.params` with the values of `table` (`[params]` or a case's `params`),
/// read by `owner` (the table holding the `params` key). Only keys the scenario has.
fn override_params(
    table: &Table<'_, '_>,
    scenario: &mut Scenario,
    owner: &Table<'_, '_>,
) -> Result<(), Error> {
    let src = table.src;
    for (key, at, _) in table.entries() {
        if scenario.params.contains_key(key) {
            continue;
        }
        let known = scenario.params.keys().map(String::as_str);
        return Err(src.error(
            at,
            TestFileProblem::UnknownParam {
                key: key.to_string(),
                close: did_you_mean(key, known.clone()).map(str::to_string),
                known: known.map(str::to_string).collect(),
            },
        ));
    }
    let (values, places) = scenario::params(owner)?;
    scenario.params.extend(values);
    scenario.params_at.extend(places);
    Ok(())
}

fn case(src: &Source, value: &Value<'_>, base: &Scenario) -> Result<Case, Error> {
    let table = Table::new(src, pos(value), "[[case]]", as_table(src, "case", value)?);
    table.unknown_keys(&CASE_KEYS)?;
    let line = src.line(pos(value)).unwrap_or(0);

    let name_value = table.require("name", "name = \"exactly at the threshold\"")?;
    let name = as_str(src, "name", name_value)?.trim().to_string();
    if name.is_empty() {
        return Err(src
            .error(pos(name_value), TestFileProblem::EmptyCaseName)
            .field("name"));
    }

    let mut scenario = base.clone();
    let mut params = None;
    if let Some(table_of) = table.table("params", "params")? {
        override_params(&table_of, &mut scenario, &table)?;
        params = Some(scenario::params(&table)?);
    }
    let district = place_district(&table, &mut scenario)?;
    let written = matches!(
        table.get("district").map(Value::get_ref),
        Some(DeValue::Table(_))
    )
    .then(|| scenario.districts[district].clone());
    let plan = match table.get("plan") {
        None => vec![0; scenario.team_kinds.len()],
        Some(v) => plan(src, v, &scenario, district)?,
    };

    let expect = match table.table("expect", "[case.expect]")? {
        None => return Err(expects_nothing(src, pos(value), &name)),
        Some(expect) => expect,
    };
    let expect = read_expect(&expect, &scenario, &name)?;
    Ok(Case {
        name,
        line,
        params,
        written,
        district,
        plan,
        expect,
    })
}

/// Puts the case's district into `scenario` and returns its index.
fn place_district(table: &Table<'_, '_>, scenario: &mut Scenario) -> Result<usize, Error> {
    let src = table.src;
    let value = table.require(
        "district",
        "district = \"Hữu Lũng\"   (hoặc/or district = { name = \"...\", installed = 300, smartphones = 1000, teams = { commune = 5 } })",
    )?;
    // the scenario's districts as every other input finds them ([`DistrictNames`]: case,
    // spaces, the unit word, look-alike letters; trial 13g K8)
    let index = DistrictNames::of(
        scenario
            .districts
            .iter()
            .map(|d| (d.name.as_str(), d.unit_type)),
    );
    let ambiguous = |name: String, list: Vec<usize>, scenario: &Scenario| {
        src.error(
            pos(value),
            TestFileProblem::AmbiguousDistrict {
                name,
                candidates: list
                    .iter()
                    .filter_map(|&i| scenario.districts.get(i).map(|d| d.name.clone()))
                    .collect(),
            },
        )
        .field("district")
    };
    match value.get_ref() {
        DeValue::String(written) => {
            let name = scenario::normalise(written);
            if let Some(i) = scenario.districts.iter().position(|d| d.name == name) {
                return Ok(i);
            }
            match index.find(&name) {
                Found::One(i) => return Ok(i),
                Found::Several(list) => {
                    return Err(ambiguous(
                        crate::diagnostic::shortened(&name),
                        list,
                        scenario,
                    ));
                }
                Found::None => {}
            }
            let names = scenario.districts.iter().map(|d| d.name.as_str());
            let close = did_you_mean(&name, names.clone()).map(str::to_string);
            let known = crate::diagnostic::Shortlist::of(&name, names);
            Err(src
                .error(
                    pos(value),
                    TestFileProblem::NoDistrict { name, close, known },
                )
                .field("district"))
        }
        DeValue::Table(table) => {
            let mut district = scenario::district_table(src, value, &scenario.team_kinds)?;
            let found = match scenario
                .districts
                .iter()
                .position(|d| d.name == district.name)
            {
                Some(i) => Found::One(i),
                None => index.find(&district.name),
            };
            match found {
                // the district it names, replaced: under the scenario's name (and unit type,
                // unless the table gives one), as the rules and the expectations name it
                Found::One(i) => {
                    let own = &scenario.districts[i];
                    district.name = own.name.clone();
                    if !table
                        .iter()
                        .any(|(k, _)| k.get_ref().as_ref() == "unit_type")
                    {
                        district.unit_type = own.unit_type;
                    }
                    scenario.districts[i] = district;
                    Ok(i)
                }
                Found::Several(list) => Err(ambiguous(
                    crate::diagnostic::shortened(&district.name),
                    list,
                    scenario,
                )),
                Found::None => {
                    scenario.districts.push(district);
                    Ok(scenario.districts.len() - 1)
                }
            }
        }
        _ => Err(wrong_type(
            src,
            "district",
            value,
            Expected::DistrictNameOrTable,
        )),
    }
}

/// `plan = { kind = teams }`: at most the district's own teams of a local kind and the pool of a
/// provincial kind, like any plan.
fn plan(
    src: &Source,
    value: &Value<'_>,
    scenario: &Scenario,
    district: usize,
) -> Result<Vec<u32>, Error> {
    let counts = kind_counts(src, "plan", value, scenario)?;
    let input = &scenario.districts[district];
    let mut teams = Vec::with_capacity(scenario.team_kinds.len());
    for kind in &scenario.team_kinds {
        let Some(&(n, at)) = counts.get(&kind.name) else {
            teams.push(0);
            continue;
        };
        let cap = match kind.scope {
            Scope::Local => input.teams.get(&kind.name).copied().unwrap_or(0),
            Scope::Provincial => kind.available.unwrap_or(0),
        };
        if n > cap {
            let problem = match kind.scope {
                Scope::Local => TestFileProblem::AboveLocalTeams {
                    district: input.name.clone(),
                    kind: kind.name.clone(),
                    teams: cap,
                    given: n,
                },
                Scope::Provincial => TestFileProblem::AbovePool {
                    kind: kind.name.clone(),
                    teams: cap,
                    given: n,
                },
            };
            return Err(src.error(at, problem).field(format!("plan.{}", kind.name)));
        }
        teams.push(n);
    }
    Ok(teams)
}
