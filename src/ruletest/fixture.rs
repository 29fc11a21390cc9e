//! Reading a rule-test file (the format is in the module doc of `ruletest`): every key checked,
//! every error at the line and column to change.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diagnostic::{Error, did_you_mean};
use crate::model::Scope;
use crate::scenario::document::{
    Table, Value, as_array, as_integer, as_number, as_str, as_table, pos, wrong_type,
};
use crate::scenario::source::{Pos, Source, did_you_mean_hint, name_list};
use crate::scenario::{self, Param, Scenario};
use crate::text::Text;

const KEYS: [&str; 4] = ["scenario", "rules", "params", "case"];
const CASE_KEYS: [&str; 5] = ["name", "district", "plan", "params", "expect"];
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

/// A test file, read and checked: its cases are ready to run.
#[derive(Debug, Clone)]
pub struct Fixture {
    pub path: PathBuf,
    /// The rule files every case runs, in order.
    pub rules: Vec<PathBuf>,
    pub cases: Vec<Case>,
}

/// One `[[case]]`.
#[derive(Debug, Clone)]
pub struct Case {
    pub name: String,
    /// The 1-based line of the case's `[[case]]` header.
    pub line: usize,
    /// The scenario the case runs in: `[params]` overrides applied, the case's district in place,
    /// `rules` set to the fixture's.
    pub scenario: Scenario,
    /// The case's district: an index into `scenario.districts`.
    pub district: usize,
    /// The teams the plan gives the district, one count per team kind in scenario order.
    pub plan: Vec<u32>,
    pub expect: Expect,
}

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

/// Reads and checks the test file at `path`, with its scenario.
pub fn read(path: &Path) -> Result<Fixture, Error> {
    let src = Source::read(path, &Text::new("tệp kiểm thử", "the test file")).map_err(|e| {
        if path.exists() {
            e
        } else {
            e.hint(Text::new(
                "kiểm tra đường dẫn và tên tệp",
                "check the path and the file name",
            ))
        }
    })?;
    let doc = parse(&src)?;
    let top = Table::new(&src, Pos::File, "", &doc);
    top.unknown_keys(&KEYS)?;

    let mut base = load_scenario(&top)?;
    base.rules = rules(&top, &base)?;
    if let Some(params) = top.table("params", "[params]")? {
        override_params(&params, &mut base, &top)?;
    }

    let Some(cases) = top.get("case") else {
        return Err(src
            .error(
                Pos::File,
                Text::new(
                    "tệp kiểm thử chưa có trường hợp nào",
                    "the test file has no cases",
                ),
            )
            .hint(case_example()));
    };
    let cases = as_array(&src, "case", cases).map_err(|e| e.hint(case_example()))?;
    let mut read: Vec<Case> = Vec::with_capacity(cases.len());
    for value in cases.iter() {
        let case = case(&src, value, &base)?;
        if let Some(first) = read.iter().find(|c| c.name == case.name) {
            return Err(src
                .error(
                    pos(value),
                    Text::new(
                        format!(
                            "trường hợp \"{}\" bị ghi hai lần (lần đầu ở dòng {})",
                            case.name, first.line
                        ),
                        format!(
                            "the case \"{}\" appears twice (first at line {})",
                            case.name, first.line
                        ),
                    ),
                )
                .hint(Text::new(
                    "mỗi trường hợp cần một tên riêng để biết trường hợp nào không đạt",
                    "give each case its own name, so that a failure says which one",
                )));
        }
        read.push(case);
    }
    if read.is_empty() {
        return Err(src
            .error(
                pos(top.get("case").expect("checked above")),
                Text::new(
                    "tệp kiểm thử chưa có trường hợp nào",
                    "the test file has no cases",
                ),
            )
            .hint(case_example()));
    }
    Ok(Fixture {
        path: path.to_path_buf(),
        rules: base.rules,
        cases: read,
    })
}

fn parse(src: &Source) -> Result<DeTable<'_>, Error> {
    DeTable::parse(&src.text)
        .map(Spanned::into_inner)
        .map_err(|err| {
            let message = err.message().trim_end().to_string();
            let pos = err.span().map_or(Pos::File, |span| Pos::Offset(span.start));
            src.error(
                pos,
                Text::new(
                    format!("tệp kiểm thử không đúng cú pháp TOML: {message}"),
                    format!("the test file is not valid TOML: {message}"),
                ),
            )
            .hint(Text::new(
                "kiểm tra dấu ngoặc kép quanh chữ, dấu `=` và các dấu ngoặc ở chỗ được chỉ (hoặc ngay trước đó)",
                "check the quotes around text, the `=` signs and the brackets at the spot shown (or just before it)",
            ))
        })
}

fn case_example() -> Text {
    let example = "[[case]]\nname = \"...\"\ndistrict = \"Hữu Lũng\"\n\n[case.expect]\nmin_teams = { commune = 24, volunteer = 1 }";
    Text::new(
        format!("mỗi trường hợp bắt đầu bằng [[case]], ví dụ:\n{example}"),
        format!("each case starts with [[case]], e.g.:\n{example}"),
    )
}

/// Paths in a test file are relative to its folder.
fn relative_hint(src: &Source) -> Text {
    let folder = src.folder().display().to_string();
    let folder = if folder.is_empty() {
        ".".into()
    } else {
        folder
    };
    Text::new(
        format!("đường dẫn tính từ thư mục chứa tệp kiểm thử ({folder})"),
        format!("paths are relative to the test file's folder ({folder})"),
    )
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
    if written.is_empty() || !path.is_file() {
        return Err(src
            .error(
                pos(value),
                Text::new(
                    format!("không tìm thấy tệp kịch bản {}", path.display()),
                    format!("the scenario file {} was not found", path.display()),
                ),
            )
            .field("scenario")
            .hint(relative_hint(src)));
    }
    scenario::load(&path)
}

/// `rules = [...]`, or the scenario's rules.
fn rules(top: &Table<'_, '_>, scenario: &Scenario) -> Result<Vec<PathBuf>, Error> {
    let src = top.src;
    let Some(value) = top.get("rules") else {
        return Ok(scenario.rules.clone());
    };
    let list = as_array(src, "rules", value).map_err(|e| {
        e.hint(Text::new(
            "ghi danh sách trong ngoặc vuông, ví dụ rules = [\"../door-to-door.rhai\"]",
            "write a list in square brackets, e.g. rules = [\"../door-to-door.rhai\"]",
        ))
    })?;
    if list.is_empty() {
        return Err(src
            .error(
                pos(value),
                Text::new(
                    "danh sách quy tắc đang để trống: không có quy tắc nào để thử",
                    "the rule list is empty: there is no rule to test",
                ),
            )
            .field("rules")
            .hint(Text::new(
                "ghi các tệp quy tắc cần thử, hoặc xóa dòng này để dùng các quy tắc của kịch bản",
                "name the rule files to test, or remove this line to use the scenario's rules",
            )));
    }
    let mut files: Vec<PathBuf> = Vec::new();
    for item in list.iter() {
        let written = as_str(src, "rules", item)?.trim();
        let path = src.folder().join(written);
        let found = if written.is_empty() {
            Vec::new()
        } else if path.is_dir() {
            rhai_files(&path)
        } else if path.is_file() {
            vec![path.clone()]
        } else {
            Vec::new()
        };
        if found.is_empty() {
            return Err(src
                .error(
                    pos(item),
                    Text::new(
                        format!("không tìm thấy tệp quy tắc {}", path.display()),
                        format!("no rule file found at {}", path.display()),
                    ),
                )
                .field("rules")
                .hint(relative_hint(src)));
        }
        for file in found {
            if !files.contains(&file) {
                files.push(file);
            }
        }
    }
    Ok(files)
}

/// The `*.rhai` files of a folder, sorted by file name (as a scenario's `rules` reads folders).
fn rhai_files(folder: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.is_file()
                && p.extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("rhai"))
        })
        .collect();
    files.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    files
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
        let hint = match did_you_mean(key, known.clone()) {
            Some(s) => did_you_mean_hint(s),
            None => Text::new(
                format!(
                    "các khóa [params] của kịch bản: {}",
                    name_list(known.clone())
                ),
                format!("the scenario's [params] keys: {}", name_list(known)),
            ),
        };
        return Err(src
            .error(
                at,
                Text::new(
                    format!("kịch bản không có khóa `{key}` trong [params] để thay"),
                    format!("the scenario has no [params] key `{key}` to override"),
                ),
            )
            .hint(hint));
    }
    let values: BTreeMap<String, Param> = scenario::params(owner)?;
    scenario.params.extend(values);
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
            .error(
                pos(name_value),
                Text::new("tên trường hợp đang để trống", "the case's name is empty"),
            )
            .field("name")
            .hint(Text::new(
                "đặt một tên nói rõ trường hợp thử điều gì",
                "give it a name that says what the case tests",
            )));
    }

    let mut scenario = base.clone();
    if let Some(params) = table.table("params", "params")? {
        override_params(&params, &mut scenario, &table)?;
    }
    let district = place_district(&table, &mut scenario)?;
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
        scenario,
        district,
        plan,
        expect,
    })
}

fn expects_nothing(src: &Source, at: Pos, name: &str) -> Error {
    src.error(
        at,
        Text::new(
            format!(
                "trường hợp \"{name}\" không kiểm tra điều gì: một phép thử không thể sai thì không phải phép thử"
            ),
            format!("the case \"{name}\" expects nothing: a test that cannot fail is not a test"),
        ),
    )
    .hint(Text::new(
        "thêm bảng [case.expect] với ít nhất một khóa, ví dụ:\n[case.expect]\nmin_teams = { commune = 5, volunteer = 1 }",
        "add a [case.expect] table with at least one key, e.g.:\n[case.expect]\nmin_teams = { commune = 5, volunteer = 1 }",
    ))
}

/// Puts the case's district into `scenario` and returns its index.
fn place_district(table: &Table<'_, '_>, scenario: &mut Scenario) -> Result<usize, Error> {
    let src = table.src;
    let value = table.require(
        "district",
        "district = \"Hữu Lũng\"   (hoặc/or district = { name = \"...\", installed = 300, smartphones = 1000, teams = { commune = 5 } })",
    )?;
    match value.get_ref() {
        DeValue::String(written) => {
            let name = scenario::normalise(written);
            if let Some(i) = scenario.districts.iter().position(|d| d.name == name) {
                return Ok(i);
            }
            let names = scenario.districts.iter().map(|d| d.name.as_str());
            let hint = match did_you_mean(&name, names.clone()) {
                Some(s) => did_you_mean_hint(s),
                None => Text::new(
                    format!(
                        "các huyện của kịch bản: {}; hoặc ghi huyện dưới dạng bảng: district = {{ name = \"...\", installed = 300, smartphones = 1000, teams = {{ commune = 5 }} }}",
                        name_list(names.clone())
                    ),
                    format!(
                        "the scenario's districts: {}; or write the district as a table: district = {{ name = \"...\", installed = 300, smartphones = 1000, teams = {{ commune = 5 }} }}",
                        name_list(names)
                    ),
                ),
            };
            Err(src
                .error(
                    pos(value),
                    Text::new(
                        format!("kịch bản không có huyện \"{name}\""),
                        format!("the scenario has no district \"{name}\""),
                    ),
                )
                .field("district")
                .hint(hint))
        }
        DeValue::Table(_) => {
            let district = scenario::district_table(src, value, &scenario.team_kinds)?;
            match scenario
                .districts
                .iter()
                .position(|d| d.name == district.name)
            {
                Some(i) => {
                    scenario.districts[i] = district;
                    Ok(i)
                }
                None => {
                    scenario.districts.push(district);
                    Ok(scenario.districts.len() - 1)
                }
            }
        }
        _ => Err(wrong_type(
            src,
            "district",
            value,
            (
                "tên một huyện hoặc một bảng { name = ..., installed = ..., smartphones = ... }",
                "a district's name or a table { name = ..., installed = ..., smartphones = ... }",
            ),
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
        let (cap, vi, en) = match kind.scope {
            Scope::Local => {
                let cap = input.teams.get(&kind.name).copied().unwrap_or(0);
                (
                    cap,
                    format!(
                        "huyện \"{}\" chỉ có {cap} tổ `{}` tại chỗ, kế hoạch không thể giao {n}",
                        input.name, kind.name
                    ),
                    format!(
                        "the district \"{}\" has only {cap} local `{}` teams; a plan cannot give it {n}",
                        input.name, kind.name
                    ),
                )
            }
            Scope::Provincial => {
                let cap = kind.available.unwrap_or(0);
                (
                    cap,
                    format!(
                        "tỉnh chỉ có {cap} đội `{}`, kế hoạch không thể giao {n} cho một huyện",
                        kind.name
                    ),
                    format!(
                        "the province has only {cap} `{}` teams; a plan cannot give {n} to one district",
                        kind.name
                    ),
                )
            }
        };
        if n > cap {
            return Err(src
                .error(at, Text::new(vi, en))
                .field(format!("plan.{}", kind.name)));
        }
        teams.push(n);
    }
    Ok(teams)
}

/// `{ kind = n, ... }`: known team kinds, whole numbers ≥ 0, each with the position of its value.
fn kind_counts(
    src: &Source,
    field: &str,
    value: &Value<'_>,
    scenario: &Scenario,
) -> Result<BTreeMap<String, (u32, Pos)>, Error> {
    let table = as_table(src, field, value).map_err(|e| {
        e.hint(Text::new(
            "ghi số tổ, đội theo loại, ví dụ: { commune = 5, volunteer = 1 }",
            "give the teams by kind, e.g. { commune = 5, volunteer = 1 }",
        ))
    })?;
    let table = Table::new(src, pos(value), "", table);
    let mut counts = BTreeMap::new();
    for (kind, at, n) in table.entries() {
        let kind = known_kind(src, kind, at, scenario)?;
        let field = format!("{field}.{kind}");
        let count = as_integer(src, &field, n)?;
        let count = u32::try_from(count).map_err(|_| {
            src.error(
                pos(n),
                Text::new(
                    "số tổ, đội phải là số nguyên từ 0 trở lên",
                    "a number of teams must be a whole number, 0 or more",
                ),
            )
            .field(field.clone())
        })?;
        counts.insert(kind, (count, pos(n)));
    }
    Ok(counts)
}

/// A team kind of the scenario, or an error with a hint.
fn known_kind(src: &Source, kind: &str, at: Pos, scenario: &Scenario) -> Result<String, Error> {
    if scenario.team_kinds.iter().any(|k| k.name == kind) {
        return Ok(kind.to_string());
    }
    let names = scenario.team_kinds.iter().map(|k| k.name.as_str());
    let hint = match did_you_mean(kind, names.clone()) {
        Some(s) => did_you_mean_hint(s),
        None => Text::new(
            format!("các loại đội của kịch bản: {}", name_list(names.clone())),
            format!("the scenario's team kinds: {}", name_list(names)),
        ),
    };
    Err(src
        .error(
            at,
            Text::new(
                format!("không có loại đội `{kind}`"),
                format!("unknown team kind `{kind}`"),
            ),
        )
        .hint(hint))
}

fn read_expect(table: &Table<'_, '_>, scenario: &Scenario, name: &str) -> Result<Expect, Error> {
    let src = table.src;
    table.unknown_keys(&EXPECT_KEYS)?;
    if table.entries().next().is_none() {
        return Err(expects_nothing(src, table.at, name));
    }
    if let Some(value) = table.get("error_contains") {
        if let Some((other, at, _)) = table.entries().find(|(k, _, _)| *k != "error_contains") {
            return Err(src
                .error(
                    at,
                    Text::new(
                        format!(
                            "`error_contains` đã đòi quy tắc dừng với lỗi, nên không kiểm tra `{other}` được"
                        ),
                        format!(
                            "`error_contains` expects the rules to stop with an error, so `{other}` cannot be checked too"
                        ),
                    ),
                )
                .hint(Text::new(
                    "tách thành hai trường hợp: một trường hợp có lỗi, một trường hợp không",
                    "split it into two cases: one where the rules stop, one where they do not",
                )));
        }
        let contains = as_str(src, "error_contains", value)?;
        if contains.trim().is_empty() {
            return Err(src
                .error(
                    pos(value),
                    Text::new(
                        "`error_contains` đang để trống: mọi lỗi đều khớp",
                        "`error_contains` is empty: any error would match",
                    ),
                )
                .hint(Text::new(
                    "ghi một đoạn chữ của thông báo lỗi cần có",
                    "write a piece of the error message you expect",
                )));
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
        if e.hint.is_some() {
            e
        } else {
            e.hint(Text::new(
                "số lượt cài được so sánh sau khi làm tròn, như khi in ra: ghi số nguyên",
                "installs are compared rounded, as printed: write a whole number",
            ))
        }
    })?;
    if n < 0 {
        return Err(src
            .error(
                pos(value),
                Text::new(
                    "số lượt cài không được âm",
                    "a number of installs must not be negative",
                ),
            )
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
            let hint = match did_you_mean(&lower, known.iter().copied()) {
                Some(s) => did_you_mean_hint(s),
                None => Text::new(
                    format!(
                        "các nhóm có trong kịch bản: {}",
                        name_list(known.iter().copied())
                    ),
                    format!(
                        "the scenario's cohorts: {}",
                        name_list(known.iter().copied())
                    ),
                ),
            };
            return Err(src
                .error(
                    at,
                    Text::new(
                        format!("không huyện nào có nhóm `{cohort}`"),
                        format!("no district has a cohort `{cohort}`"),
                    ),
                )
                .hint(hint));
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
    let list = as_array(src, "directives", value).map_err(|e| {
        e.hint(Text::new(
            "ghi danh sách các chỉ đạo, ví dụ: directives = [ { rule = \"door-to-door\", priority = 1 } ]",
            "write a list of directives, e.g. directives = [ { rule = \"door-to-door\", priority = 1 } ]",
        ))
    })?;
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
                "rule" => d.rule = Some(text()?),
                "priority" => {
                    let p = as_integer(src, key, v)?;
                    d.priority = Some(i64::try_from(p).map_err(|_| {
                        src.error(pos(v), Text::new("số quá lớn", "the number is too large"))
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
                                .error(
                                    pos(v),
                                    Text::new(
                                        "ghi số lượt cài dự kiến, hoặc `false` nếu chỉ đạo không ghi số này",
                                        "write the expected installs, or `false` when the directive states none",
                                    ),
                                )
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
