//! The `district` a rule's hooks receive: a shared handle to host state, so that the actions a
//! script takes (`mandate`, `min_teams`, `directive`, ...) reach the host even though Rhai passes
//! arguments by value.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use rhai::{Dynamic, Engine, INT, Map, NativeCallContext};

use super::budget::{Budget, TextOver};
use super::failure::Fallible;
use super::limits::{
    MAX_ACTIONS_PER_CALL, MAX_DIRECTIVES_PER_CALL, MAX_NAME_CHARS, MAX_PRIORITY, MAX_PRODUCTIVITY,
    MAX_READS_PER_CALL,
};
use super::message::{Declared, HostProblem, Input, Listed, ValueProblem};
use super::value;
use crate::diagnostic::did_you_mean;
use crate::effects::trace::{Phase, Recorder, TraceAction, TraceValue};
use crate::effects::{Directive, Effects, FixedInstalls, Mandate};
use crate::model::{MAX_TEAMS, Scope, TeamKind, UnitType};
use crate::plan::DistrictPlan;
use crate::scenario::{DistrictInput, Scenario};
use crate::text::{Text, fold};

/// What every district of one run shares: the team kinds, the cohorts the scenario knows, the
/// recorder of the trace and what the evaluation has spent.
#[derive(Debug)]
pub(crate) struct Context {
    kinds: Vec<TeamKind>,
    /// Every cohort some district has a head count for.
    cohorts: BTreeSet<String>,
    /// The trace of the hook call running now (the `scenario` handle shares it).
    pub recorder: Recorder,
    budget: Rc<Budget>,
}

impl Context {
    pub fn new(scenario: &Scenario, budget: Rc<Budget>) -> Context {
        Context {
            kinds: scenario.team_kinds.clone(),
            cohorts: scenario
                .districts
                .iter()
                .flat_map(|d| d.cohorts.keys().cloned())
                .collect(),
            recorder: Recorder::default(),
            budget,
        }
    }

    /// The kind `name`; an unknown name is an error with a "did you mean" hint.
    fn kind(&self, name: &str, function: &'static str) -> Fallible<&TeamKind> {
        // the name as the scenario writes it first (the usual case, and cheap); kinds differ
        // as a person reads them (the loader refuses look-alikes), so either finds one kind
        let found = self.kinds.iter().find(|k| k.name == name).or_else(|| {
            let wanted = fold(name);
            self.kinds.iter().find(|k| fold(&k.name) == wanted)
        });
        if let Some(kind) = found {
            return Ok(kind);
        }
        let known: Vec<&str> = self.kinds.iter().map(|k| k.name.as_str()).collect();
        Err(HostProblem::NoTeamKind {
            function,
            name: name.to_string(),
            kinds: Declared::of(Listed::TeamKinds, name, &known),
        }
        .into())
    }
}

/// The plan of one district, as `after_solve` sees it.
#[derive(Debug, Clone)]
pub(crate) struct Outcome {
    /// Planned teams of every kind, in kind order (zeros included).
    teams: Vec<(String, u32)>,
    projected_rate: f64,
    projected_installed: f64,
    outreach_installs: f64,
    mandated_installs: f64,
    fixed_installs: f64,
    /// The fixed installs each rule added before the solve, as the plan counts them: a rule's
    /// own figures scaled by the district's cap (from the before-solve trace on the plan).
    fixed_by_rule: BTreeMap<String, f64>,
    /// The mandated installs each rule's mandates bring, as the plan counts them.
    mandated_by_rule: BTreeMap<String, f64>,
    /// The directives made before the solve (what they promise counts against the district's
    /// phones without the app).
    directives_before: Vec<Directive>,
}

impl Outcome {
    pub fn new(plan: &DistrictPlan, input: &DistrictInput) -> Outcome {
        Outcome {
            teams: plan
                .allocation
                .iter()
                .map(|a| (a.kind.clone(), a.teams))
                .collect(),
            // as the plan prints it (its printed installs over the smartphones), so that a
            // directive that quotes it agrees with the tables and the letter
            projected_rate: plan.projected_rate_as_printed(),
            projected_installed: plan.projected_installed,
            outreach_installs: plan.outreach_installs,
            mandated_installs: plan.mandated_installs,
            fixed_installs: plan.fixed_installs,
            fixed_by_rule: fixed_by_rule(plan),
            mandated_by_rule: mandated_by_rule(plan, input),
            directives_before: plan.directives.clone(),
        }
    }
}

/// Each rule's share of the district's fixed installs, as the plan counts them: what the rule
/// asked for with `add_installs` (the before-solve trace), times the plan's total over what all
/// rules asked for (1 unless the cap cut it).
fn fixed_by_rule(plan: &DistrictPlan) -> BTreeMap<String, f64> {
    plan.fixed_by_rule()
        .into_iter()
        .map(|r| (r.rule, r.counted))
        .collect()
}

/// Each rule's share of the district's mandated installs, as the plan counts them
/// (MODEL.md § "Rules": a directive's own installs). A cohort mandated by several rules counts
/// once, at the largest share (`scenario::to_model`): its installs belong to the first rule
/// that mandated it at that share. Each cohort brings share × members (at most the smartphones)
/// × the share of smartphones without the app; where the plan's total is less (capped at the
/// smartphones without the app) every rule's part shrinks in proportion.
fn mandated_by_rule(plan: &DistrictPlan, input: &DistrictInput) -> BTreeMap<String, f64> {
    // cohort -> (largest share, the first rule that gave it)
    let mut best: BTreeMap<&str, (f64, &str)> = BTreeMap::new();
    for entry in plan.trace.iter().filter(|e| e.phase == Phase::BeforeSolve) {
        for action in &entry.set {
            if let TraceAction::Mandate { cohort, share } = action {
                let slot = best.entry(cohort.as_str()).or_insert((*share, &entry.rule));
                if *share > slot.0 {
                    *slot = (*share, &entry.rule);
                }
            }
        }
    }
    let uninstalled_share = 1.0 - rate(input);
    let mut asked: BTreeMap<String, f64> = BTreeMap::new();
    for (cohort, (share, rule)) in best {
        let members = input.cohorts.get(cohort).copied().unwrap_or(0);
        let installs = share * members.min(input.smartphones) as f64 * uninstalled_share;
        *asked.entry(rule.to_string()).or_default() += installs;
    }
    shares_of(asked, plan.mandated_installs)
}

/// What each rule `asked` for, scaled so that the parts add up to `counted`, the plan's total
/// after its cap (nothing when no rule asked for anything).
fn shares_of(mut asked: BTreeMap<String, f64>, counted: f64) -> BTreeMap<String, f64> {
    let total: f64 = asked.values().sum();
    let scale = if total > 0.0 { counted / total } else { 0.0 };
    asked.values_mut().for_each(|v| *v *= scale);
    asked
}

/// How far (in installs) a district's directives may together go past its phones without the
/// app before they are refused: room for the rounding of figures that add up exactly.
const PROMISE_TOLERANCE: f64 = 0.01;

/// Before the solve (actions allowed) or after it (the plan is known).
#[derive(Debug)]
enum Stage {
    Before,
    After(Outcome),
}

#[derive(Debug)]
struct State {
    context: Rc<Context>,
    input: DistrictInput,
    /// The district's place in the scenario.
    index: usize,
    /// The file stem of the rule running now.
    rule: String,
    /// Directives the hook call running now has made.
    made: usize,
    stage: Stage,
    effects: Effects,
    /// Directives made after the solve.
    directives: Vec<Directive>,
}

/// The `District` type of the scripts.
#[derive(Debug, Clone)]
pub(crate) struct DistrictHandle(Rc<RefCell<State>>);

impl DistrictHandle {
    fn new(
        context: Rc<Context>,
        (index, input): (usize, &DistrictInput),
        stage: Stage,
    ) -> DistrictHandle {
        DistrictHandle(Rc::new(RefCell::new(State {
            context,
            input: input.clone(),
            index,
            rule: String::new(),
            made: 0,
            stage,
            effects: Effects::default(),
            directives: Vec::new(),
        })))
    }

    /// A district before the solve: rules may act on it. `index` is its place in the scenario.
    pub fn before(context: Rc<Context>, index: usize, input: &DistrictInput) -> DistrictHandle {
        DistrictHandle::new(context, (index, input), Stage::Before)
    }

    /// A district after the solve, with its plan.
    pub fn after(
        context: Rc<Context>,
        index: usize,
        input: &DistrictInput,
        plan: &DistrictPlan,
    ) -> DistrictHandle {
        DistrictHandle::new(
            context,
            (index, input),
            Stage::After(Outcome::new(plan, input)),
        )
    }

    /// Starts a hook call of the rule `rule`: its name goes on what the script does next, and
    /// the call's directives are counted from 0.
    pub fn set_rule(&self, rule: &str) {
        let mut state = self.0.borrow_mut();
        state.rule = rule.to_string();
        state.made = 0;
    }

    /// Where the trace of the hook call running now is recorded.
    pub fn recorder(&self) -> Recorder {
        self.0.borrow().context.recorder.clone()
    }

    /// What the rules set before the solve.
    pub fn take_effects(&self) -> Effects {
        std::mem::take(&mut self.0.borrow_mut().effects)
    }

    /// The directives made after the solve.
    pub fn take_directives(&self) -> Vec<Directive> {
        std::mem::take(&mut self.0.borrow_mut().directives)
    }
}

/// A district's rate before the campaign: installed ÷ smartphones (0 without smartphones).
pub(crate) fn rate(input: &DistrictInput) -> f64 {
    if input.smartphones == 0 {
        0.0
    } else {
        input.installed as f64 / input.smartphones as f64
    }
}

impl State {
    /// Records that the rule read `key` (written as in the trace: `district.rate`).
    fn read(&self, key: impl FnOnce() -> String, value: impl FnOnce() -> TraceValue) {
        self.context.recorder.read(key, value);
    }

    /// Fails when the hook call has taken [`MAX_ACTIONS_PER_CALL`] actions already, or the
    /// rules [`super::limits::MAX_ACTIONS_PER_DISTRICT`] on this district: `function` would
    /// take one more.
    fn room_for_action(&self, function: &'static str) -> Fallible<()> {
        if self.context.recorder.actions() >= MAX_ACTIONS_PER_CALL {
            return Err(HostProblem::TooManyActions { function }.into());
        }
        if !self.context.budget.charge_action(self.index) {
            return Err(HostProblem::DistrictActions { function }.into());
        }
        Ok(())
    }

    /// Records what the rule asked for.
    fn record(&self, action: TraceAction) {
        self.context.recorder.set(action);
    }

    /// Counts the characters of the texts `function` keeps for the district against its limit
    /// and the evaluation's.
    fn charge_text(&self, function: &'static str, chars: usize) -> Fallible<()> {
        self.context
            .budget
            .charge_text(self.index, chars)
            .map_err(|over| {
                match over {
                    TextOver::District => HostProblem::DistrictText { function },
                    TextOver::Total => HostProblem::TotalText { function },
                }
                .into()
            })
    }

    /// Fails unless before the solve: `function` sets what the solve uses.
    fn before_only(&self, function: &'static str) -> Fallible<()> {
        match self.stage {
            Stage::Before => Ok(()),
            Stage::After(_) => Err(HostProblem::BeforeOnly { function }.into()),
        }
    }

    /// The plan, or an error: `what` is only known after the solve.
    fn outcome(&self, what: &'static str) -> Fallible<&Outcome> {
        match &self.stage {
            Stage::After(outcome) => Ok(outcome),
            Stage::Before => Err(HostProblem::AfterOnly { what }.into()),
        }
    }

    fn mandate(&mut self, cohort: &str, share: &Dynamic) -> Fallible<()> {
        self.before_only("mandate")?;
        self.room_for_action("mandate")?;
        cohort_name(cohort, "mandate")?;
        let share = value::number(share, Input::Share)?;
        if !(0.0..=1.0).contains(&share) {
            return Err(HostProblem::Share { share }.into());
        }
        // cohorts are stored in lower case (`Quarantine` in a scenario is `quarantine`)
        let lower = cohort.to_lowercase();
        let cohort = lower.as_str();
        if !self.context.cohorts.contains(cohort) {
            let known: Vec<&str> = self.context.cohorts.iter().map(String::as_str).collect();
            return Err(HostProblem::NoCohort {
                cohort: cohort.to_string(),
                cohorts: Declared::of(Listed::Cohorts, cohort, &known),
            }
            .into());
        }
        self.record(TraceAction::Mandate {
            cohort: cohort.to_string(),
            share,
        });
        let rule = self.rule.clone();
        self.effects.mandates.push(Mandate {
            rule,
            cohort: cohort.to_string(),
            share,
        });
        Ok(())
    }

    fn add_installs(&mut self, installs: &Dynamic, reason: Text) -> Fallible<()> {
        self.before_only("add_installs")?;
        self.room_for_action("add_installs")?;
        let installs = value::non_negative(installs, Input::Installs)?;
        let smartphones = self.input.smartphones as f64;
        if installs > smartphones {
            return Err(HostProblem::InstallsAboveSmartphones {
                installs,
                smartphones,
            }
            .into());
        }
        let mut chars = value::printed(&reason.vi, Input::Reason { english: false })?;
        if let Some(en) = &reason.en {
            chars += value::printed(en, Input::Reason { english: true })?;
        }
        self.charge_text("add_installs", chars)?;
        self.record(TraceAction::AddInstalls {
            installs,
            reason: reason.clone(),
        });
        let rule = self.rule.clone();
        self.effects.fixed.push(FixedInstalls {
            rule,
            installs,
            reason,
        });
        Ok(())
    }

    /// The expected installs the district's directives so far state, with their rules: those
    /// made before the solve, then those made after it.
    fn stated_installs(&self) -> Vec<(String, f64)> {
        let before: &[Directive] = match &self.stage {
            Stage::Before => &self.effects.directives,
            Stage::After(outcome) => &outcome.directives_before,
        };
        before
            .iter()
            .chain(&self.directives)
            .filter_map(|d| d.expected_installs.map(|x| (d.rule.clone(), x)))
            .collect()
    }

    fn set_productivity(&mut self, kind: &str, multiplier: &Dynamic) -> Fallible<()> {
        self.before_only("set_productivity")?;
        self.room_for_action("set_productivity")?;
        // the kind's own name: a rule may write `Volunteer` for the kind `volunteer`
        let kind = self.context.kind(kind, "set_productivity")?.name.clone();
        let kind = kind.as_str();
        let m = value::number(multiplier, Input::Multiplier)?;
        if m <= 0.0 {
            return Err(HostProblem::Multiplier { multiplier: m }.into());
        }
        if m > MAX_PRODUCTIVITY {
            return Err(HostProblem::MultiplierAboveMax { multiplier: m }.into());
        }
        self.record(TraceAction::SetProductivity {
            kind: kind.to_string(),
            value: m,
        });
        self.effects.productivity.insert(kind.to_string(), m);
        Ok(())
    }

    /// The most teams of `kind` the district can have: its own for a local kind (L_{d,k}), the
    /// whole pool for a provincial one (N_k).
    fn capacity(&self, kind: &TeamKind) -> u32 {
        match kind.scope {
            Scope::Local => self.input.teams.get(&kind.name).copied().unwrap_or(0),
            Scope::Provincial => kind.available.unwrap_or(0),
        }
    }

    fn min_teams(&mut self, kind: &str, n: &Dynamic) -> Fallible<()> {
        self.before_only("min_teams")?;
        self.room_for_action("min_teams")?;
        let team_kind = self.context.kind(kind, "min_teams")?;
        let kind = team_kind.name.as_str();
        let n = value::whole(n, Input::MinTeams, MAX_TEAMS)?;
        let cap = self.capacity(team_kind);
        // A provincial minimum above the pool is a what-if (a smaller pool), not a broken rule:
        // the optimiser reports it as infeasible, naming the districts and the teams missing.
        if n > cap && team_kind.scope == Scope::Local {
            return Err(HostProblem::AboveLocalTeams {
                kind: kind.to_string(),
                teams: cap,
                asked: n,
            }
            .into());
        }
        self.record(TraceAction::MinTeams {
            kind: kind.to_string(),
            value: n,
        });
        let lo = self.effects.min_teams.entry(kind.to_string()).or_insert(0);
        *lo = (*lo).max(n);
        Ok(())
    }

    fn max_teams(&mut self, kind: &str, n: &Dynamic) -> Fallible<()> {
        self.before_only("max_teams")?;
        self.room_for_action("max_teams")?;
        let kind = self.context.kind(kind, "max_teams")?.name.clone();
        let kind = kind.as_str();
        let n = value::whole(n, Input::MaxTeams, MAX_TEAMS)?;
        self.record(TraceAction::MaxTeams {
            kind: kind.to_string(),
            value: n,
        });
        let hi = self.effects.max_teams.entry(kind.to_string()).or_insert(n);
        *hi = (*hi).min(n);
        Ok(())
    }

    /// `line`: where the rule calls it, kept in the trace for the finding that names the rule.
    fn min_rate(&mut self, rate: &Dynamic, line: Option<usize>) -> Fallible<()> {
        self.before_only("min_rate")?;
        self.room_for_action("min_rate")?;
        let rate = value::number(rate, Input::MinRate)?;
        if !(0.0..=1.0).contains(&rate) {
            return Err(HostProblem::Rate { rate }.into());
        }
        self.record(TraceAction::MinRate { value: rate, line });
        let floor = self.effects.min_rate.get_or_insert(rate);
        *floor = floor.max(rate);
        Ok(())
    }

    fn directive(&mut self, map: &Map) -> Fallible<()> {
        self.room_for_action("directive")?;
        if self.made >= MAX_DIRECTIVES_PER_CALL {
            return Err(HostProblem::TooManyDirectives.into());
        }
        let mut directive = parse_directive(&self.rule, map)?;
        let smartphones = self.input.smartphones as f64;
        if let Some(value) = directive.directive.expected_installs
            && value > smartphones
        {
            return Err(ValueProblem::AboveSmartphones { value, smartphones }.into());
        }
        // the district's directives together promise no more than its phones without the app
        if let Some(value) = directive.directive.expected_installs {
            let uninstalled = (self.input.smartphones - self.input.installed) as f64;
            let earlier = self.stated_installs();
            let promised: f64 = earlier.iter().map(|(_, x)| x).sum();
            if promised + value > uninstalled + PROMISE_TOLERANCE {
                let mut rules: Vec<String> = Vec::new();
                for (rule, _) in earlier {
                    if !rules.contains(&rule) {
                        rules.push(rule);
                    }
                }
                return Err(ValueProblem::AbovePhonesLeft {
                    value,
                    promised,
                    rules,
                    uninstalled,
                }
                .into());
            }
        }
        if directive.with_teams && matches!(self.stage, Stage::Before) {
            return Err(HostProblem::WithTeamsBefore.into());
        }
        self.charge_text("directive", directive.chars)?;
        self.made += 1;
        let written = &directive.directive;
        self.record(TraceAction::Directive {
            priority: written.priority,
            unit: written.unit.clone(),
            action: written.action.clone(),
            expected_installs: written.expected_installs,
        });
        match &self.stage {
            Stage::Before => self.effects.directives.push(directive.directive),
            Stage::After(outcome) => {
                if directive.with_teams {
                    directive.directive.teams = outcome
                        .teams
                        .iter()
                        .filter(|(_, t)| *t > 0)
                        .cloned()
                        .collect();
                }
                self.directives.push(directive.directive);
            }
        }
        Ok(())
    }
}

/// A directive as the script wrote it.
struct Written {
    directive: Directive,
    with_teams: bool,
    /// The characters of its texts, every language.
    chars: usize,
}

/// Fails unless `cohort` is short enough to be a cohort's name ([`MAX_NAME_CHARS`]).
fn cohort_name(cohort: &str, function: &'static str) -> Fallible<()> {
    let chars = cohort.chars().count();
    if chars > MAX_NAME_CHARS {
        return Err(HostProblem::LongName { function, chars }.into());
    }
    Ok(())
}

const DIRECTIVE_KEYS: &[&str] = &[
    "action",
    "action_en",
    "unit",
    "unit_en",
    "priority",
    "expected_installs",
    "with_teams",
];

/// Reads `#{ action: "...", action_en: "...", unit: "...", unit_en: "...", priority: 1,
/// expected_installs: 120.0, with_teams: true }`.
fn parse_directive(rule: &str, map: &Map) -> Fallible<Written> {
    for key in map.keys() {
        if !DIRECTIVE_KEYS.contains(&key.as_str()) {
            return Err(HostProblem::UnknownEntry {
                key: key.to_string(),
                close: did_you_mean(key, DIRECTIVE_KEYS.iter().copied()).map(str::to_string),
                known: DIRECTIVE_KEYS,
            }
            .into());
        }
    }
    let mut chars = 0;
    let action = required_entry(map, "action", &mut chars)?;
    let action_en = entry(map, "action_en", &mut chars)?;
    let unit = required_entry(map, "unit", &mut chars)?;
    let unit_en = entry(map, "unit_en", &mut chars)?;
    let both = |vi: String, en: Option<String>| match en {
        Some(en) => Text::new(vi, en),
        None => Text::vi_only(vi),
    };
    let action = both(action, action_en);
    let unit = both(unit, unit_en);
    let priority = match map.get("priority") {
        None => 2,
        Some(v) => {
            let p = value::whole(v, Input::Directive("priority"), MAX_PRIORITY)?;
            if p == 0 {
                return Err(HostProblem::Priority.into());
            }
            i64::from(p)
        }
    };
    let expected_installs = map
        .get("expected_installs")
        .map(|v| value::non_negative(v, Input::Directive("expected_installs")))
        .transpose()?;
    let with_teams = match map.get("with_teams") {
        None => false,
        Some(v) => v
            .as_bool()
            .map_err(|_| Box::<rhai::EvalAltResult>::from(HostProblem::WithTeamsNotBool))?,
    };
    Ok(Written {
        directive: Directive {
            rule: rule.to_string(),
            action,
            unit,
            priority,
            teams: Vec::new(),
            expected_installs,
        },
        with_teams,
        chars,
    })
}

/// The text entry `key` of a directive, if written: not blank, and printable
/// ([`value::printed`]); its characters are added to `chars`.
fn entry(map: &Map, key: &'static str, chars: &mut usize) -> Fallible<Option<String>> {
    let Some(v) = map.get(key) else {
        return Ok(None);
    };
    let text = value::filled_text(v, Input::Directive(key))?;
    *chars += value::printed(&text, Input::Directive(key))?;
    Ok(Some(text))
}

/// The text entry `key` a directive must have.
fn required_entry(map: &Map, key: &'static str, chars: &mut usize) -> Fallible<String> {
    entry(map, key, chars)?.ok_or_else(|| HostProblem::MissingEntry { key }.into())
}

fn to_int(n: u64) -> INT {
    INT::try_from(n).unwrap_or(INT::MAX)
}

/// A datum of the district, `get` from its state, recorded in the trace as `district.{name}`.
fn data<T: Clone>(
    d: &DistrictHandle,
    name: &str,
    get: impl FnOnce(&State) -> T,
    traced: impl FnOnce(T) -> TraceValue,
) -> T {
    let state = d.0.borrow();
    let value = get(&state);
    state.read(|| format!("district.{name}"), || traced(value.clone()));
    value
}

/// Registers the `District` type and its properties and functions.
pub(crate) fn register(engine: &mut Engine) {
    engine.register_type_with_name::<DistrictHandle>("District");
    engine.register_fn("to_string", |d: &mut DistrictHandle| {
        data(d, "name", |s| s.input.name.clone(), TraceValue::Text)
    });

    // Read-only data, before and after the solve.
    engine.register_get("name", |d: &mut DistrictHandle| {
        data(d, "name", |s| s.input.name.clone(), TraceValue::Text)
    });
    // the unit type and the words that go with it (MODEL.md § "Scenario files")
    type Words = fn(UnitType) -> &'static str;
    let words: [(&str, Words); 4] = [
        ("unit_type", UnitType::vi),
        ("unit_type_en", UnitType::en),
        ("commune_units", UnitType::communes_vi),
        ("commune_units_en", UnitType::communes_en),
    ];
    for (name, word) in words {
        engine.register_get(name, move |d: &mut DistrictHandle| {
            data(
                d,
                name,
                |s| word(s.input.unit_type).to_string(),
                TraceValue::Text,
            )
        });
    }
    engine.register_get("smartphones", |d: &mut DistrictHandle| {
        data(
            d,
            "smartphones",
            |s| to_int(s.input.smartphones),
            TraceValue::Int,
        )
    });
    engine.register_get("installed", |d: &mut DistrictHandle| {
        data(
            d,
            "installed",
            |s| to_int(s.input.installed),
            TraceValue::Int,
        )
    });
    engine.register_get("rate", |d: &mut DistrictHandle| {
        data(d, "rate", |s| rate(&s.input), TraceValue::Number)
    });
    // cohorts are stored in lower case (`Students` in a scenario is `students`)
    engine.register_fn(
        "cohort",
        |d: &mut DistrictHandle, cohort: &str| -> Fallible<INT> {
            cohort_name(cohort, "cohort")?;
            // any text is a cohort's name (0 where no district has it): the trace keeps each
            // one read, so a call may read only so many
            if d.0.borrow().context.recorder.reads() >= MAX_READS_PER_CALL {
                return Err(HostProblem::TooManyReads { function: "cohort" }.into());
            }
            let lower = cohort.to_lowercase();
            Ok(data(
                d,
                &format!("cohort({cohort})"),
                |s| to_int(s.input.cohorts.get(&lower).copied().unwrap_or(0)),
                TraceValue::Int,
            ))
        },
    );
    engine.register_fn(
        "local_teams",
        |d: &mut DistrictHandle, kind: &str| -> Fallible<INT> {
            let state = d.0.borrow();
            let team_kind = state.context.kind(kind, "local_teams")?;
            match team_kind.scope {
                Scope::Local => {
                    let teams = INT::from(state.capacity(team_kind));
                    state.read(
                        || format!("district.local_teams({kind})"),
                        || TraceValue::Int(teams),
                    );
                    Ok(teams)
                }
                Scope::Provincial => Err(HostProblem::Provincial {
                    function: "local_teams".to_string(),
                    kind: kind.to_string(),
                    locals: None,
                }
                .into()),
            }
        },
    );

    // Actions, before the solve only (except `directive`).
    engine.register_fn(
        "mandate",
        |d: &mut DistrictHandle, cohort: &str, share: Dynamic| {
            d.0.borrow_mut().mandate(cohort, &share)
        },
    );
    engine.register_fn(
        "add_installs",
        |d: &mut DistrictHandle, n: Dynamic, vi: &str, en: &str| {
            d.0.borrow_mut().add_installs(&n, Text::new(vi, en))
        },
    );
    engine.register_fn(
        "add_installs",
        |d: &mut DistrictHandle, n: Dynamic, vi: &str| {
            d.0.borrow_mut().add_installs(&n, Text::vi_only(vi))
        },
    );
    engine.register_fn(
        "set_productivity",
        |d: &mut DistrictHandle, kind: &str, m: Dynamic| {
            d.0.borrow_mut().set_productivity(kind, &m)
        },
    );
    engine.register_fn(
        "min_teams",
        |d: &mut DistrictHandle, kind: &str, n: Dynamic| d.0.borrow_mut().min_teams(kind, &n),
    );
    engine.register_fn(
        "max_teams",
        |d: &mut DistrictHandle, kind: &str, n: Dynamic| d.0.borrow_mut().max_teams(kind, &n),
    );
    engine.register_fn(
        "min_rate",
        |ctx: NativeCallContext, d: &mut DistrictHandle, rate: Dynamic| {
            d.0.borrow_mut().min_rate(&rate, ctx.call_position().line())
        },
    );
    engine.register_fn("directive", |d: &mut DistrictHandle, map: Map| {
        d.0.borrow_mut().directive(&map)
    });

    // The plan, after the solve only.
    engine.register_fn(
        "teams",
        |d: &mut DistrictHandle, kind: &str| -> Fallible<INT> {
            let state = d.0.borrow();
            let outcome = state.outcome("teams")?;
            state.context.kind(kind, "teams")?;
            let teams = outcome
                .teams
                .iter()
                .find(|(k, _)| k == kind)
                .map_or(0, |(_, t)| INT::from(*t));
            state.read(
                || format!("district.teams({kind})"),
                || TraceValue::Int(teams),
            );
            Ok(teams)
        },
    );
    type Figure = fn(&Outcome) -> f64;
    let figures: [(&str, Figure); 5] = [
        ("projected_rate", |o| o.projected_rate),
        ("projected_installed", |o| o.projected_installed),
        ("outreach_installs", |o| o.outreach_installs),
        ("mandated_installs", |o| o.mandated_installs),
        ("fixed_installs", |o| o.fixed_installs),
    ];
    // this rule's own part of a figure the plan splits by rule
    type ByRule = fn(&Outcome) -> &BTreeMap<String, f64>;
    let own: [(&'static str, ByRule); 2] = [
        ("own_fixed_installs", |o| &o.fixed_by_rule),
        ("own_mandated_installs", |o| &o.mandated_by_rule),
    ];
    for (name, by_rule) in own {
        engine.register_get(name, move |d: &mut DistrictHandle| -> Fallible<f64> {
            let state = d.0.borrow();
            let outcome = state.outcome(name)?;
            let value = by_rule(outcome).get(&state.rule).copied().unwrap_or(0.0);
            state.read(|| format!("district.{name}"), || TraceValue::Number(value));
            Ok(value)
        });
    }
    for (name, figure) in figures {
        engine.register_get(name, move |d: &mut DistrictHandle| -> Fallible<f64> {
            let state = d.0.borrow();
            let value = figure(state.outcome(name)?);
            state.read(|| format!("district.{name}"), || TraceValue::Number(value));
            Ok(value)
        });
    }
}
