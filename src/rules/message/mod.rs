//! What can be wrong with a rule, each kind with its data, worded once per language: one file
//! per subject, one enum per kind of problem.
//!
//! - `host.rs`: what a host function refuses while a rule runs (a bad argument, an action at
//!   the wrong time), and the values a rule passes it;
//! - `check.rs`: what `campaign rules check` finds in a rule before it runs;
//! - `failure.rs`: a rule that stops while it runs (a runtime error, too long a run);
//! - `load.rs`: a rule file that cannot be read or compiled;
//! - `summary.rs`: what a check of the rules comes to (`rules check`, a plan refused);
//! - `withheld.rs`: a Rhai function rules do not have (`sandbox.rs`), said as such.

mod check;
mod failure;
mod host;
mod load;
mod summary;
mod withheld;

pub(crate) use check::{CheckProblem, Solve};
pub(crate) use failure::{
    ApiName, ArgType, Arithmetic, NothingFrom, RuleFailure, RuntimeProblem, Total,
};
pub(crate) use host::{HostProblem, Input, Shape, ValueProblem};
pub(crate) use load::{Enclosure, Literal, RuleFileProblem, Syntax};
pub(crate) use summary::RulesSummary;

/// A rule as every output names it: `quy tắc `door-to-door`` / `rule `door-to-door``. Rules have
/// no title of their own: the name is the file stem (rules/door-to-door.rhai), the same in both
/// languages; "quy tắc" before it and the backticks around it tell a Vietnamese reader that it
/// is the name of a file to look up, not an English word to translate (docs/rules.md, at the
/// top).
pub(crate) fn rule_named(lang: crate::text::Lang, rule: &str) -> String {
    format!("{} `{rule}`", lang.pick("quy tắc", "rule"))
}

/// The start of the hint of a rule's error when the rule reads `[params]` values given by
/// `--set` (`settings`, as typed): the value set on the command line is the likely cause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SettingRead {
    pub rule: String,
    pub settings: Vec<String>,
}

impl crate::diagnostic::Message for SettingRead {
    fn vi(&self) -> crate::diagnostic::Said {
        let set: Vec<String> = self
            .settings
            .iter()
            .map(|s| format!("`--set {s}`"))
            .collect();
        crate::diagnostic::Said::new(format!(
            "quy tắc `{}` đọc giá trị đặt trên dòng lệnh bằng {}: nguyên nhân có thể là giá trị này; chạy lại không có nó, hoặc với một giá trị như trong tệp kịch bản",
            self.rule,
            set.join(", ")
        ))
    }

    fn en(&self) -> crate::diagnostic::Said {
        let set: Vec<String> = self
            .settings
            .iter()
            .map(|s| format!("`--set {s}`"))
            .collect();
        crate::diagnostic::Said::new(format!(
            "the rule `{}` reads the value given on the command line by {}: that value is the likely cause; run again without it, or with a value like the scenario file's",
            self.rule,
            set.join(", ")
        ))
    }
}

/// The hint of a rule's error when the rule reads `[params]` numbers written in the scenario's
/// files: each key, its value and where it is written (`file:line`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FileParamsRead {
    pub rule: String,
    pub params: Vec<(String, String, String)>,
}

impl crate::diagnostic::Message for FileParamsRead {
    fn vi(&self) -> crate::diagnostic::Said {
        let read: Vec<String> = self
            .params
            .iter()
            .map(|(key, value, place)| format!("`{key}` = {value} (ghi ở {place})"))
            .collect();
        crate::diagnostic::Said::new(format!(
            "quy tắc `{}` đọc {} từ mục [params] của kịch bản: nếu giá trị đó sai thì sửa nó ở dòng đó",
            self.rule,
            read.join(", ")
        ))
    }

    fn en(&self) -> crate::diagnostic::Said {
        let read: Vec<String> = self
            .params
            .iter()
            .map(|(key, value, place)| format!("`{key}` = {value} (written at {place})"))
            .collect();
        crate::diagnostic::Said::new(format!(
            "the rule `{}` reads {} from the scenario's [params]: if that value is wrong, correct it on that line",
            self.rule,
            read.join(", ")
        ))
    }
}

use crate::diagnostic::{did_you_mean, did_you_mean_en, did_you_mean_vi};
use crate::source::name_list;

/// The advice for a number written in quotes in `[params]`, which a comparison with a number
/// cannot use.
const QUOTED_NUMBER: (&str, &str) = (
    "nếu giá trị lấy từ mục [params] thì hãy viết nó là số, không có dấu ngoặc kép",
    "if the value comes from [params], write it as a number, without quotes",
);

/// A kind of name the scenario declares, for a hint about an unknown one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Listed {
    TeamKinds,
    LocalKinds,
    Cohorts,
}

impl Listed {
    /// The plural, as the hint's list is headed.
    fn vi(self) -> &'static str {
        match self {
            Listed::TeamKinds => "loại tổ/đội",
            Listed::LocalKinds => "loại tổ tại chỗ",
            Listed::Cohorts => "nhóm đối tượng",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Listed::TeamKinds => "team kinds",
            Listed::LocalKinds => "local kinds",
            Listed::Cohorts => "cohorts",
        }
    }
}

/// The names of one kind the scenario declares, for the hint about a name it does not: the one
/// the unknown name may be a typing mistake for, else all of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Declared {
    pub kinds: Listed,
    pub close: Option<String>,
    pub known: Vec<String>,
}

impl Declared {
    /// What the scenario declares of `kinds` (`known`), against the unknown name `unknown`.
    pub fn of(kinds: Listed, unknown: &str, known: &[&str]) -> Declared {
        Declared {
            kinds,
            close: did_you_mean(unknown, known.iter().copied()).map(str::to_string),
            known: known.iter().map(|k| (*k).to_string()).collect(),
        }
    }

    fn list(&self) -> String {
        name_list(self.known.iter().map(String::as_str))
    }

    fn vi(&self) -> String {
        match &self.close {
            Some(close) => did_you_mean_vi(close),
            None if self.known.is_empty() => {
                format!("kịch bản chưa khai báo {} nào", self.kinds.vi())
            }
            None => format!("các {} có trong kịch bản: {}", self.kinds.vi(), self.list()),
        }
    }

    fn en(&self) -> String {
        match &self.close {
            Some(close) => did_you_mean_en(close),
            None if self.known.is_empty() => {
                format!("the scenario declares no {}", self.kinds.en())
            }
            None => format!("{} in the scenario: {}", self.kinds.en(), self.list()),
        }
    }
}
