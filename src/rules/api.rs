//! The rules API as data: every property and function a rule may use on `district`, on
//! `scenario` and on its own, with its arguments, what it gives back and when it may be used.
//! The checker (`check.rs`) reads this table; `docs/rules.md` documents the same list.

/// What one argument must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Arg {
    /// A number (whole or not).
    Number,
    /// A text.
    Text,
    /// The name of a team kind of the scenario.
    Kind,
    /// The name of a local team kind of the scenario.
    LocalKind,
    /// The name of a cohort.
    Cohort,
    /// A key of the scenario's `[params]`.
    ParamKey,
    /// `"vi"` or `"en"`.
    Lang,
    /// A directive map `#{ action: ..., unit: ..., ... }`.
    Directive,
    /// The name of one of the scenario's districts (`scenario.district_named`).
    DistrictName,
}

impl Arg {
    /// The argument's meaning in words, for messages.
    pub fn words(self) -> (&'static str, &'static str) {
        match self {
            Arg::Number => ("một số", "a number"),
            Arg::Text => ("một đoạn chữ", "a text"),
            Arg::Kind => ("tên một loại tổ/đội", "a team kind name"),
            Arg::LocalKind => ("tên một loại tổ tại chỗ", "a local team kind name"),
            Arg::Cohort => ("tên một nhóm đối tượng", "a cohort name"),
            Arg::ParamKey => ("tên một tham số trong [params]", "a key of [params]"),
            Arg::Lang => ("\"vi\" hoặc \"en\"", "\"vi\" or \"en\""),
            Arg::Directive => ("một bảng chỉ đạo #{ ... }", "a directive map #{ ... }"),
            Arg::DistrictName => ("tên một huyện", "a district's name"),
        }
    }
}

/// What a property or function gives back, as far as the checker follows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Returns {
    Number,
    Text,
    TextList,
    List,
    /// The value of a `[params]` key (known only with a scenario).
    Param,
    /// A value the checker does not follow (a district's map, or `()`).
    Unknown,
    Nothing,
}

/// When a property or function may be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Phase {
    Any,
    /// In `before_solve` only (an action that shapes the plan).
    Before,
    /// In `after_solve` only (it reads the plan).
    After,
}

/// Which value a property or function belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum On {
    District,
    Scenario,
    /// A function called on its own: `fmt_count(x, "vi")`.
    Global,
}

/// One property or function of the rules API.
#[derive(Debug)]
pub(crate) struct Item {
    pub on: On,
    pub name: &'static str,
    /// `None` for a property (`district.rate`), else the argument lists it accepts (one per
    /// accepted count of arguments).
    pub args: Option<&'static [&'static [Arg]]>,
    pub returns: Returns,
    pub phase: Phase,
    /// How the arguments read, for "takes ..." messages: `(kind, n)`.
    pub signature: &'static str,
}

const fn property(on: On, name: &'static str, returns: Returns, phase: Phase) -> Item {
    Item {
        on,
        name,
        args: None,
        returns,
        phase,
        signature: "",
    }
}

const fn function(
    on: On,
    name: &'static str,
    args: &'static [&'static [Arg]],
    returns: Returns,
    phase: Phase,
    signature: &'static str,
) -> Item {
    Item {
        on,
        name,
        args: Some(args),
        returns,
        phase,
        signature,
    }
}

use Arg as A;
use On::{District as D, Global as G, Scenario as S};

/// The whole API.
pub(crate) const API: &[Item] = &[
    // district: data, before and after the solve
    property(D, "name", Returns::Text, Phase::Any),
    property(D, "unit_type", Returns::Text, Phase::Any),
    property(D, "unit_type_en", Returns::Text, Phase::Any),
    property(D, "commune_units", Returns::Text, Phase::Any),
    property(D, "commune_units_en", Returns::Text, Phase::Any),
    property(D, "smartphones", Returns::Number, Phase::Any),
    property(D, "installed", Returns::Number, Phase::Any),
    property(D, "rate", Returns::Number, Phase::Any),
    function(
        D,
        "cohort",
        &[&[A::Cohort]],
        Returns::Number,
        Phase::Any,
        "(cohort)",
    ),
    function(
        D,
        "local_teams",
        &[&[A::LocalKind]],
        Returns::Number,
        Phase::Any,
        "(kind)",
    ),
    // district: actions before the solve
    function(
        D,
        "mandate",
        &[&[A::Cohort, A::Number]],
        Returns::Nothing,
        Phase::Before,
        "(cohort, share)",
    ),
    function(
        D,
        "add_installs",
        &[&[A::Number, A::Text], &[A::Number, A::Text, A::Text]],
        Returns::Nothing,
        Phase::Before,
        "(installs, reason, reason_en)",
    ),
    function(
        D,
        "set_productivity",
        &[&[A::Kind, A::Number]],
        Returns::Nothing,
        Phase::Before,
        "(kind, multiplier)",
    ),
    function(
        D,
        "min_teams",
        &[&[A::Kind, A::Number]],
        Returns::Nothing,
        Phase::Before,
        "(kind, n)",
    ),
    function(
        D,
        "max_teams",
        &[&[A::Kind, A::Number]],
        Returns::Nothing,
        Phase::Before,
        "(kind, n)",
    ),
    function(
        D,
        "min_rate",
        &[&[A::Number]],
        Returns::Nothing,
        Phase::Before,
        "(rate)",
    ),
    // district: before or after
    function(
        D,
        "directive",
        &[&[A::Directive]],
        Returns::Nothing,
        Phase::Any,
        "(#{ action, unit, ... })",
    ),
    // district: the plan, after the solve
    function(
        D,
        "teams",
        &[&[A::Kind]],
        Returns::Number,
        Phase::After,
        "(kind)",
    ),
    property(D, "projected_rate", Returns::Number, Phase::After),
    property(D, "projected_installed", Returns::Number, Phase::After),
    property(D, "outreach_installs", Returns::Number, Phase::After),
    property(D, "mandated_installs", Returns::Number, Phase::After),
    property(D, "fixed_installs", Returns::Number, Phase::After),
    property(D, "own_fixed_installs", Returns::Number, Phase::After),
    property(D, "own_mandated_installs", Returns::Number, Phase::After),
    // scenario
    function(
        S,
        "param",
        &[&[A::ParamKey]],
        Returns::Param,
        Phase::Any,
        "(key)",
    ),
    property(S, "target_rate", Returns::Number, Phase::Any),
    property(S, "horizon_days", Returns::Number, Phase::Any),
    property(S, "district_floor", Returns::Number, Phase::Any),
    property(S, "app", Returns::Text, Phase::Any),
    function(S, "team_kinds", &[&[]], Returns::TextList, Phase::Any, "()"),
    function(
        S,
        "provincial_kinds",
        &[&[]],
        Returns::TextList,
        Phase::Any,
        "()",
    ),
    function(
        S,
        "local_kinds",
        &[&[]],
        Returns::TextList,
        Phase::Any,
        "()",
    ),
    function(S, "districts", &[&[]], Returns::List, Phase::Any, "()"),
    function(
        S,
        "district_named",
        &[&[A::DistrictName]],
        Returns::Unknown,
        Phase::Any,
        "(name)",
    ),
    function(
        S,
        "closest_districts",
        &[&[A::Text]],
        Returns::TextList,
        Phase::Any,
        "(name)",
    ),
    // on their own
    function(
        G,
        "fmt_count",
        &[&[A::Number, A::Lang]],
        Returns::Text,
        Phase::Any,
        "(number, lang)",
    ),
    function(
        G,
        "fmt_percent",
        &[&[A::Number, A::Lang], &[A::Number, A::Lang, A::Number]],
        Returns::Text,
        Phase::Any,
        "(rate, lang[, decimals])",
    ),
];

/// The entries of a directive map, and whether each is required.
pub(crate) const DIRECTIVE_ENTRIES: &[(&str, bool)] = &[
    ("action", true),
    ("action_en", false),
    ("unit", true),
    ("unit_en", false),
    ("priority", false),
    ("expected_installs", false),
    ("with_teams", false),
];

/// The API item `name` on `on`.
pub(crate) fn find(on: On, name: &str) -> Option<&'static Item> {
    API.iter().find(|i| i.on == on && i.name == name)
}

/// The names of the API items on `on`.
pub(crate) fn names(on: On) -> impl Iterator<Item = &'static str> {
    API.iter().filter(move |i| i.on == on).map(|i| i.name)
}
