//! What differs between the scenarios' inputs: every setting of a scenario file, named by the
//! dotted key that `--set` takes (`target.provincial_rate`, `team_kind.volunteer.available`,
//! `district.Hữu Lũng.teams.commune`), with one value per scenario.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::PathBuf;

use crate::model::Objective;
use crate::number;
use crate::report::words;
use crate::scenario::{DistrictInput, Param, Scenario};
use crate::text::Lang;

/// One input that is not the same in every scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct Difference {
    pub input: Input,
    /// One per scenario, in the order given; `None` where the scenario does not have it.
    pub values: Vec<Option<Value>>,
}

/// An input of a scenario file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    AsOf,
    HorizonDays,
    Objective,
    /// The rule files' stems, in the order they run.
    Rules,
    /// The text of the rule with this stem (its file differs between scenarios that use it).
    RuleText(String),
    /// The dates of the earlier coverage snapshots (`[[history]]`).
    History,
    /// A key of `[letter]` (`app`, `number`, `recipients`, ...): the letter's particulars, and
    /// the app's name every directive carries.
    Letter(&'static str),
    Budget,
    TargetRate,
    DistrictFloor,
    ReachableShare,
    Param(String),
    TeamKind {
        kind: String,
        field: KindField,
    },
    District {
        district: String,
        field: DistrictField,
    },
}

/// A field of `[[team_kind]]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KindField {
    Scope,
    Available,
    InstallsPerTeamDay,
    CostPerTeamDay,
}

/// A field of `[[district]]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DistrictField {
    Installed,
    Smartphones,
    /// Local teams of this kind stationed in the district.
    Teams(String),
    /// A cohort's head count (`quarantine`, `testing`, `students`, ...).
    Cohort(String),
}

/// A value as the scenario gives it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Count(u64),
    Number(f64),
    Text(String),
    Bool(bool),
    List(Vec<Value>),
}

impl Value {
    /// The value as TOML writes it, in no language: `10`, `0.5`, `"min-cost"` without its
    /// quotes, `true`, `[a, b]`.
    pub fn typed(&self) -> String {
        match self {
            Value::Count(n) => n.to_string(),
            Value::Number(x) => format!("{x}"),
            Value::Text(s) => s.clone(),
            Value::Bool(b) => b.to_string(),
            Value::List(items) => format!(
                "[{}]",
                items
                    .iter()
                    .map(Value::typed)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }
}

/// The inputs that differ, in a stable order: the top-level settings in the order of the
/// scenario file, `[params]` by key, team kinds and districts in the order they first appear
/// (their fields in file order, teams and cohorts by name).
pub fn differences(scenarios: &[&Scenario], rule_texts: &[Vec<RuleFile>]) -> Vec<Difference> {
    let mut found = Found {
        scenarios,
        out: Vec::new(),
    };
    found.settings(rule_texts);
    found.team_kinds();
    found.districts();
    found.out
}

/// The differences found so far between `scenarios`.
struct Found<'a> {
    scenarios: &'a [&'a Scenario],
    out: Vec<Difference>,
}

impl Found<'_> {
    /// Keeps `input` when its `values` (one per scenario) are not all the same.
    fn push(&mut self, input: Input, values: Vec<Option<Value>>) {
        if values.windows(2).any(|pair| pair[0] != pair[1]) {
            self.out.push(Difference { input, values });
        }
    }

    /// One value per scenario.
    fn each(&self, f: impl Fn(&Scenario) -> Option<Value>) -> Vec<Option<Value>> {
        self.scenarios.iter().map(|s| f(s)).collect()
    }

    /// The scenario's own settings, its rules and `[params]`, in the order they are listed.
    fn settings(&mut self, rule_texts: &[Vec<RuleFile>]) {
        self.push(
            Input::AsOf,
            self.each(|s| Some(Value::Text(s.as_of.clone()))),
        );
        self.push(
            Input::HorizonDays,
            self.each(|s| Some(Value::Count(u64::from(s.horizon_days)))),
        );
        self.push(
            Input::Objective,
            self.each(|s| Some(Value::Text(s.objective.as_str().to_string()))),
        );
        self.rules(rule_texts);
        self.push(
            Input::History,
            self.each(|s| {
                Some(Value::List(
                    s.history
                        .iter()
                        .map(|h| Value::Text(h.date.clone()))
                        .collect(),
                ))
            }),
        );
        for key in crate::scenario::letter::KEYS {
            self.push(Input::Letter(key), self.each(|s| letter_value(s, key)));
        }
        self.push(Input::Budget, self.each(|s| s.budget.map(Value::Number)));
        self.push(
            Input::TargetRate,
            self.each(|s| Some(Value::Number(s.target_rate))),
        );
        self.push(
            Input::DistrictFloor,
            self.each(|s| s.district_floor.map(Value::Number)),
        );
        self.push(
            Input::ReachableShare,
            self.each(|s| Some(Value::Number(s.reachable_share))),
        );
        let params: BTreeSet<&String> = self
            .scenarios
            .iter()
            .flat_map(|s| s.params.keys())
            .collect();
        for key in params {
            self.push(
                Input::Param(key.clone()),
                self.each(|s| s.params.get(key).map(param)),
            );
        }
    }

    /// The rule files each scenario runs, and any rule of the same name that reads differently.
    fn rules(&mut self, rule_texts: &[Vec<RuleFile>]) {
        self.push(
            Input::Rules,
            rule_texts
                .iter()
                .map(|files| {
                    Some(Value::List(
                        files.iter().map(|f| Value::Text(f.stem.clone())).collect(),
                    ))
                })
                .collect(),
        );
        // A rule with the same stem can still read differently (an edited copy): say so, with
        // the files to open, so that a different plan is never left unexplained.
        for stem in union(rule_texts.iter().map(|files| files.iter().map(|f| &f.stem))) {
            let used: Vec<Option<&RuleFile>> = rule_texts
                .iter()
                .map(|files| files.iter().find(|f| f.stem == stem))
                .collect();
            let texts: BTreeSet<&str> = used.iter().flatten().map(|f| f.text.as_str()).collect();
            if texts.len() > 1 {
                self.push(
                    Input::RuleText(stem.clone()),
                    used.iter()
                        .map(|f| f.map(|f| Value::Text(crate::text::shown_path(&f.path))))
                        .collect(),
                );
            }
        }
    }

    /// Each team kind's fields, kinds in the order they first appear.
    fn team_kinds(&mut self) {
        let scenarios = self.scenarios;
        let names = union(
            scenarios
                .iter()
                .map(|s| s.team_kinds.iter().map(|k| &k.name)),
        );
        for kind in names {
            let fields = [
                KindField::Scope,
                KindField::Available,
                KindField::InstallsPerTeamDay,
                KindField::CostPerTeamDay,
            ];
            for field in fields {
                let values = self.each(|s| {
                    let k = s.team_kinds.iter().find(|k| k.name == kind)?;
                    match field {
                        KindField::Scope => Some(Value::Text(k.scope.as_str().to_string())),
                        KindField::Available => k.available.map(|n| Value::Count(u64::from(n))),
                        KindField::InstallsPerTeamDay => {
                            Some(Value::Number(k.installs_per_team_day))
                        }
                        KindField::CostPerTeamDay => Some(Value::Number(k.cost_per_team_day)),
                    }
                });
                self.push(
                    Input::TeamKind {
                        kind: kind.clone(),
                        field,
                    },
                    values,
                );
            }
        }
    }

    /// Each district's figures, teams and cohorts, districts in the order they first appear.
    fn districts(&mut self) {
        let scenarios = self.scenarios;
        let names = union(
            scenarios
                .iter()
                .map(|s| s.districts.iter().map(|d| &d.name)),
        );
        // each scenario's districts by name: one look per district, not a scan
        let by_name: Vec<HashMap<&str, &DistrictInput>> = scenarios
            .iter()
            .map(|s| s.districts.iter().map(|d| (d.name.as_str(), d)).collect())
            .collect();
        for district in names {
            let inputs: Vec<Option<&DistrictInput>> = by_name
                .iter()
                .map(|index| index.get(district.as_str()).copied())
                .collect();
            for field in district_fields(&inputs) {
                let values = inputs
                    .iter()
                    .map(|d| {
                        let d = d.as_ref()?;
                        match &field {
                            DistrictField::Installed => Some(Value::Count(d.installed)),
                            DistrictField::Smartphones => Some(Value::Count(d.smartphones)),
                            DistrictField::Teams(kind) => {
                                d.teams.get(kind).map(|&n| Value::Count(u64::from(n)))
                            }
                            DistrictField::Cohort(name) => {
                                d.cohorts.get(name).map(|&n| Value::Count(n))
                            }
                        }
                    })
                    .collect();
                self.push(
                    Input::District {
                        district: district.clone(),
                        field,
                    },
                    values,
                );
            }
        }
    }
}

/// The fields of one district to compare: its counts, then every team kind and cohort that
/// any of the scenarios gives it, in name order.
fn district_fields(inputs: &[Option<&DistrictInput>]) -> Vec<DistrictField> {
    let mut fields = vec![DistrictField::Installed, DistrictField::Smartphones];
    let kinds: BTreeSet<&String> = inputs
        .iter()
        .flatten()
        .flat_map(|d| d.teams.keys())
        .collect();
    fields.extend(kinds.into_iter().map(|k| DistrictField::Teams(k.clone())));
    let cohorts: BTreeSet<&String> = inputs
        .iter()
        .flatten()
        .flat_map(|d| d.cohorts.keys())
        .collect();
    fields.extend(
        cohorts
            .into_iter()
            .map(|c| DistrictField::Cohort(c.clone())),
    );
    fields
}

/// A rule file a scenario runs: its stem, where it is, and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleFile {
    pub stem: String,
    pub path: PathBuf,
    pub text: String,
}

/// The names of every list, each once, in the order they first appear.
fn union<'a>(lists: impl Iterator<Item = impl Iterator<Item = &'a String>>) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let mut known: HashSet<&'a str> = HashSet::new();
    for name in lists.flatten() {
        if known.insert(name.as_str()) {
            names.push(name.clone());
        }
    }
    names
}

/// The value of `[letter]`'s `key` in scenario `s` (the app's name as the plan uses it).
fn letter_value(s: &Scenario, key: &str) -> Option<Value> {
    let letter = &s.letter;
    let text = |t: &Option<String>| t.clone().map(Value::Text);
    let list = |l: &[String]| Value::List(l.iter().cloned().map(Value::Text).collect());
    match key {
        "parent" => text(&letter.parent),
        "issuer" => text(&letter.issuer),
        "number" => text(&letter.number),
        "symbol" => text(&letter.symbol),
        "place" => text(&letter.place),
        "date" => letter
            .date
            .map(|d| Value::Text(format!("{:04}-{:02}-{:02}", d.year, d.month, d.day))),
        "subject" => text(&letter.subject),
        "app" => Some(Value::Text(letter.app_name().to_string())),
        "recipients" => (!letter.recipients.is_empty()).then(|| list(&letter.recipients)),
        "copies_to" => letter.copies_to.as_deref().map(list),
        "authority" => text(&letter.authority),
        "title" => text(&letter.title),
        "signer" => text(&letter.signer),
        "mode" => Some(Value::Text(
            match letter.mode {
                crate::scenario::LetterMode::Annex => "annex",
                crate::scenario::LetterMode::PerDistrict => "per-district",
            }
            .to_string(),
        )),
        _ => None,
    }
}

fn param(p: &Param) -> Value {
    match p {
        Param::Number(x) => Value::Number(*x),
        Param::Text(s) => Value::Text(s.clone()),
        Param::Bool(b) => Value::Bool(*b),
        Param::List(items) => Value::List(items.iter().map(param).collect()),
    }
}

impl Input {
    /// The dotted key, as `--set` takes it; `rule_file.STEM` (a rule's text) and `history` are
    /// the keys that `--set` cannot change: the rule file or the scenario is edited instead.
    pub fn key(&self) -> String {
        match self {
            Input::AsOf => "as_of".into(),
            Input::HorizonDays => "horizon_days".into(),
            Input::Objective => "objective".into(),
            Input::Rules => "rules".into(),
            Input::RuleText(stem) => format!("rule_file.{stem}"),
            Input::History => "history".into(),
            Input::Letter(key) => format!("letter.{key}"),
            Input::Budget => "budget".into(),
            Input::TargetRate => "target.provincial_rate".into(),
            Input::DistrictFloor => "target.district_floor".into(),
            Input::ReachableShare => "response.reachable_share".into(),
            Input::Param(key) => format!("params.{key}"),
            Input::TeamKind { kind, field } => {
                let field = match field {
                    KindField::Scope => "scope",
                    KindField::Available => "available",
                    KindField::InstallsPerTeamDay => "installs_per_team_day",
                    KindField::CostPerTeamDay => "cost_per_team_day",
                };
                format!("team_kind.{kind}.{field}")
            }
            Input::District { district, field } => match field {
                DistrictField::Installed => format!("district.{district}.installed"),
                DistrictField::Smartphones => format!("district.{district}.smartphones"),
                DistrictField::Teams(kind) => format!("district.{district}.teams.{kind}"),
                DistrictField::Cohort(name) => format!("district.{district}.{name}"),
            },
        }
    }

    /// What the input is, in words.
    pub fn label(&self, lang: Lang) -> String {
        match self {
            Input::AsOf => words::DATA_AS_OF.get(lang).to_string(),
            Input::HorizonDays => words::HORIZON.get(lang).to_string(),
            Input::Objective => words::OBJECTIVE.get(lang).to_string(),
            Input::Rules => lang
                .pick(
                    "Quy tắc (theo thứ tự chạy)",
                    "Rules (in the order they run)",
                )
                .to_string(),
            Input::RuleText(stem) => match lang {
                Lang::Vi => format!(
                    "Nội dung {} (các tệp khác nhau)",
                    crate::rules::message::rule_named(lang, stem)
                ),
                Lang::En => format!(
                    "Text of the {} (the files differ)",
                    crate::rules::message::rule_named(lang, stem)
                ),
            },
            Input::History => lang
                .pick(
                    "Số liệu các ngày trước ([[history]], theo ngày)",
                    "Earlier coverage snapshots ([[history]], by date)",
                )
                .to_string(),
            Input::Letter(key) => match lang {
                Lang::Vi => format!("Công văn: mục {key} ([letter])"),
                Lang::En => format!("Letter: {key} ([letter])"),
            },
            Input::Budget => words::BUDGET.get(lang).to_string(),
            Input::TargetRate => words::TARGET.get(lang).to_string(),
            Input::DistrictFloor => words::FLOOR.get(lang).to_string(),
            Input::ReachableShare => lang
                .pick(
                    "Tỷ lệ người chưa cài có thể vận động",
                    "Share of the uninstalled who can be persuaded",
                )
                .to_string(),
            Input::Param(key) => format!("{} {key}", lang.pick("Tham số", "Parameter")),
            Input::TeamKind { kind, field } => {
                let what = match field {
                    KindField::Scope => lang.pick("phạm vi", "scope"),
                    KindField::Available => lang.pick("số đội sẵn có", "number available"),
                    KindField::InstallsPerTeamDay => {
                        lang.pick("lượt cài mỗi đội mỗi ngày", "installs per team-day")
                    }
                    KindField::CostPerTeamDay => {
                        lang.pick("chi phí mỗi đội mỗi ngày", "cost per team-day")
                    }
                };
                format!(
                    "{}: {what}",
                    words::capitalize(&words::kind_name(lang, kind))
                )
            }
            Input::District { district, field } => {
                let what = match field {
                    DistrictField::Installed => lang.pick("đã cài", "installed").to_string(),
                    DistrictField::Smartphones => {
                        lang.pick("thuê bao smartphone", "smartphones").to_string()
                    }
                    DistrictField::Teams(kind) => match lang {
                        Lang::Vi => format!("{} tại chỗ", words::kind_name(lang, kind)),
                        Lang::En => format!("local {}", words::kind_name(lang, kind)),
                    },
                    DistrictField::Cohort(name) => cohort(lang, name),
                };
                format!("{district}: {what}")
            }
        }
    }

    /// A value of this input, for people.
    pub fn format(&self, lang: Lang, value: Option<&Value>) -> String {
        let Some(value) = value else {
            return match self {
                Input::Budget => lang.pick("không giới hạn", "no limit"),
                Input::DistrictFloor => lang.pick("không đặt", "not set"),
                _ => lang.pick("(không có)", "(none)"),
            }
            .to_string();
        };
        match (self, value) {
            (Input::AsOf, Value::Text(date)) => words::date(lang, date),
            (Input::HorizonDays, Value::Count(n)) => {
                words::days(lang, u32::try_from(*n).unwrap_or(u32::MAX))
            }
            (Input::Objective, Value::Text(name)) => match Objective::parse(name) {
                Some(objective) => words::objective(lang, objective).to_string(),
                None => name.clone(),
            },
            (Input::Rules, Value::List(stems)) if stems.is_empty() => {
                lang.pick("(không có quy tắc)", "(no rules)").to_string()
            }
            (Input::Budget, Value::Number(x))
            | (
                Input::TeamKind {
                    field: KindField::CostPerTeamDay,
                    ..
                },
                Value::Number(x),
            ) => number::money(lang, *x),
            (
                Input::TargetRate | Input::DistrictFloor | Input::ReachableShare,
                Value::Number(x),
            ) => number::percent_short(lang, *x),
            (
                Input::TeamKind {
                    field: KindField::Scope,
                    ..
                },
                Value::Text(scope),
            ) => match scope.as_str() {
                "local" => lang.pick("tại chỗ, từng huyện", "local, per district"),
                "provincial" => lang.pick("của tỉnh, điều đến huyện", "provincial pool"),
                other => other,
            }
            .to_string(),
            (_, value) => plain(lang, value),
        }
    }
}

/// A cohort as a department reader names it.
fn cohort(lang: Lang, name: &str) -> String {
    match (lang, name) {
        (Lang::Vi, "quarantine") => "số người cách ly".into(),
        (Lang::Vi, "testing") => "số người phải xét nghiệm".into(),
        (Lang::Vi, "students") => "số học sinh, sinh viên".into(),
        (Lang::Vi, other) => format!("nhóm {other}"),
        (Lang::En, "quarantine") => "people in quarantine".into(),
        (Lang::En, "testing") => "people to be tested".into(),
        (Lang::En, "students") => "pupils and students".into(),
        (Lang::En, other) => format!("cohort {other}"),
    }
}

/// A value without a unit: a count, a number with as few decimals as it needs (up to four),
/// a text, yes/no, or a list of these.
fn plain(lang: Lang, value: &Value) -> String {
    match value {
        Value::Count(n) => number::count(lang, *n as f64),
        Value::Number(x) => number::decimal(lang, *x, number::places_needed(*x, 4)),
        Value::Text(s) => s.clone(),
        Value::Bool(b) => lang
            .pick(
                if *b { "có" } else { "không" },
                if *b { "yes" } else { "no" },
            )
            .to_string(),
        Value::List(items) if items.is_empty() => lang.pick("(trống)", "(empty)").to_string(),
        Value::List(items) => items
            .iter()
            .map(|v| plain(lang, v))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

impl Value {
    /// As JSON: counts as integers, numbers as numbers, texts, true/false, lists.
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Value::Count(n) => serde_json::Value::from(*n),
            Value::Number(x) => serde_json::Number::from_f64(*x)
                .map_or(serde_json::Value::Null, serde_json::Value::Number),
            Value::Text(s) => serde_json::Value::from(s.as_str()),
            Value::Bool(b) => serde_json::Value::from(*b),
            Value::List(items) => items.iter().map(Value::to_json).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_the_set_grammar() {
        let kind = Input::TeamKind {
            kind: "volunteer".into(),
            field: KindField::Available,
        };
        assert_eq!(kind.key(), "team_kind.volunteer.available");
        let teams = Input::District {
            district: "Hữu Lũng".into(),
            field: DistrictField::Teams("commune".into()),
        };
        assert_eq!(teams.key(), "district.Hữu Lũng.teams.commune");
        assert_eq!(Input::TargetRate.key(), "target.provincial_rate");
        assert_eq!(Input::Param("x".into()).key(), "params.x");
    }

    #[test]
    fn values_read_as_people_write_them() {
        let target = Input::TargetRate;
        assert_eq!(target.format(Lang::Vi, Some(&Value::Number(0.5))), "50%");
        assert_eq!(Input::Budget.format(Lang::En, None), "no limit");
        let param = Input::Param("x".into());
        assert_eq!(param.format(Lang::Vi, Some(&Value::Number(0.25))), "0,25");
        assert_eq!(
            param.format(Lang::En, Some(&Value::Number(1500.0))),
            "1,500"
        );
        assert_eq!(param.format(Lang::Vi, Some(&Value::Bool(true))), "có");
    }
}
