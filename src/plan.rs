//! The result of a run: the allocation with every figure evaluated exactly, and the directives.

use serde::Serialize;

use crate::effects::trace::TraceAction;
use crate::effects::{AfterSolve, Directive, Effects, TraceEntry};
use crate::model::{Allocation, Model, Objective, TeamKind, UnitType};
use crate::scenario::{DistrictInput, Scenario, history};
use crate::solve::{Diagnosis, Finding, Optimality, Solution, Status};
use crate::text::fold;

/// A whole plan, in the shape of MODEL.md § "The JSON plan".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    pub scenario: String,
    pub as_of: String,
    pub objective: Objective,
    pub status: Status,
    pub diagnosis: Option<Diagnosis>,
    pub horizon_days: u32,
    pub reachable_share: f64,
    pub budget: Option<f64>,
    pub district_floor: Option<f64>,
    pub province: Province,
    pub team_kinds: Vec<TeamKind>,
    pub districts: Vec<DistrictPlan>,
    /// What the optimiser can prove about the optimum.
    pub optimality: Optimality,
    /// What is worth saying about a plan that meets the scenario (MODEL.md `notices`): never a
    /// reason it cannot be met, which is a finding.
    pub notices: Vec<Notice>,
}

/// One input a `--set` changed: its key as `--set` writes it, the value of this run and the
/// scenario's own (`None`: the scenario does not set it), both as TOML writes them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SetChange {
    pub key: String,
    pub value: Option<String>,
    pub scenario: Option<String>,
}

/// The lowest district of a plan and of the least-cost plan that meets the same target, where
/// the cheaper plan lowers it; and the floor that keeps this plan's lowest rate at the least
/// cost.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LowestDistrict {
    pub district: String,
    pub rate: f64,
    /// As the human reports print it (the rounded installs over the smartphones); not in JSON.
    #[serde(skip)]
    pub rate_as_printed: f64,
    pub min_cost_district: String,
    pub min_cost_rate: f64,
    #[serde(skip)]
    pub min_cost_rate_as_printed: f64,
    /// This plan's lowest rate cut to a hundredth of a percentage point (so at most it), as
    /// a district floor: the least-cost plan with it keeps every district at least there
    /// (this plan is one such plan); `None` when it is not above the scenario's floor.
    pub floor: Option<f64>,
    /// The settings that make that plan: `objective=min-cost`, `target.district_floor=…`.
    pub floor_settings: Option<Vec<String>>,
}

/// One thing worth saying about a plan that meets its scenario.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "notice", rename_all = "snake_case")]
pub enum Notice {
    /// The scenario was made up by `campaign generate` (its file, or a base of it, begins with
    /// the generated file's header): every figure is drawn at random, no unit is a real place,
    /// and the plan and its letter are illustrations only (trial 13 H12). First of the notices.
    SyntheticData,
    /// The scenario says its planning assumptions are placeholders (`assumptions_checked =
    /// false`, as `campaign import` writes it): what to check before the plan means anything.
    AssumptionsNotChecked,
    /// The scenario has local team kinds (`kinds`) and every district has none of them: the
    /// plan rests on the provincial teams alone, as an imported skeleton's does until its teams
    /// are filled in.
    NoLocalTeams { kinds: Vec<String> },
    /// The scenario names no rules (`rules = []`, as `campaign import` writes it when it finds
    /// no rules folder): the plan has no directives, and its letter sends teams with no task
    /// (user14 U5).
    NoRules,
    /// The objective is not `min-cost`, the target is met, and the cheapest plan that meets it
    /// (`--set objective=min-cost`, the same rules, pools and budget) costs less: its cost,
    /// teams and projected rate, beside this plan's (issue 13 item 9).
    TargetMetWithTeamsToSpare {
        target_rate: f64,
        cost: f64,
        teams: u64,
        min_cost: f64,
        min_cost_teams: u64,
        min_cost_projected_rate: f64,
        /// The same as the human reports print it: the districts' installs each rounded, over
        /// the smartphones, as that plan's own table prints it (issue 13 item 10). Not in
        /// JSON, which keeps the exact rate.
        #[serde(skip)]
        min_cost_projected_rate_as_printed: f64,
        saving: f64,
        /// The setting that plans it: `objective=min-cost`.
        setting: String,
        /// Under `max-min-rate`, or with a district floor, where the least-cost plan's lowest
        /// district is below this plan's: what it does to the lowest district (trial 13f J12).
        #[serde(skip_serializing_if = "Option::is_none")]
        lowest: Option<LowestDistrict>,
    },
    /// A rule's `add_installs` in `district` asked for more installs than the district had
    /// left (its smartphones without the app, after the mandated installs: `room`), so the plan
    /// counts `counted` of the `asked` (every rule's part shrunk in proportion; MODEL.md
    /// § "Quantities": A_d is capped). Said, so that no figure is cut silently (trial N4).
    InstallsCapped {
        district: String,
        rule: String,
        asked: f64,
        counted: f64,
        room: f64,
    },
    /// The plan was made with `--set`: what each setting changed, the scenario's own value
    /// beside it, so that a printed what-if never passes for the department's plan (trial
    /// F32). First of the notices.
    SetForThisRun { settings: Vec<SetChange> },
    /// The objective is not `min-cost`, every constraint holds, and the target is not reached:
    /// what would reach it, as the cheapest plan's findings say (`--set objective=min-cost` on
    /// the same model: more teams of a kind, budget, a pool too small), so that a missed target
    /// never comes without its reason.
    TargetNotReached {
        target_rate: f64,
        projected_rate: f64,
        findings: Vec<Finding>,
        /// The setting whose plan says the same: `objective=min-cost`.
        setting: String,
    },
    /// The scenario's coverage file has rows under its table that are notes ("Ghi chú: ...",
    /// "Nguồn: ...", a signature block), not districts: read as `campaign import` reads them,
    /// and said, so that no row is left out without a word.
    CoverageNotesSkipped {
        file: String,
        last_row: usize,
        first_row: usize,
        text: String,
    },
    /// A workbook of the scenario (its coverage file, a `[[history]]` file) has several shown
    /// sheets and no `sheet = ...` chose one: the sheet read, and the others, so that a figure
    /// read from the wrong day's sheet never passes without a word (trial 13e H4).
    WorkbookSheetRead {
        file: String,
        sheet: String,
        others: Vec<String>,
        /// How the scenario's `sheet = ...` named the sheet read (its number, and whether
        /// the value could name another sheet: trial 13f J7); absent without `sheet`.
        #[serde(skip_serializing_if = "Option::is_none")]
        named: Option<crate::import::grid::Selected>,
    },
    /// The plan keeps its target or its districts' floors exactly, but the figures the reports
    /// print (each district's installs rounded to a whole install) fall short of them: the
    /// optimiser found no plan that reaches them as printed within the scenario's teams, pools
    /// and budget (trial 13g K17). `target`: the target's installs, the exact projection and
    /// the printed one, when the target is a constraint (`min-cost`); `districts`: each
    /// district whose printed installs fall short of its floor, with the floor's installs and
    /// its exact projection.
    ShortOnlyAsPrinted {
        target: Option<PrintedShort>,
        districts: Vec<PrintedShort>,
    },
    /// Columns of the coverage workbook read that are hidden in Excel: each as "`heading`
    /// (column B)" (trial 13f J17).
    HiddenColumnsRead { file: String, columns: Vec<String> },
}

/// A constraint met exactly and missed as printed ([`Notice::ShortOnlyAsPrinted`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PrintedShort {
    /// The district, for a floor (`None` for the provincial target).
    pub district: Option<String>,
    /// The installs the constraint asks for (target or floor × smartphones).
    pub needed: f64,
    /// The plan's exact projected installs.
    pub projected: f64,
    /// The same as the reports print them (each district rounded to a whole install).
    pub printed: f64,
}

/// Province totals.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Province {
    pub smartphones: u64,
    pub installed: u64,
    pub rate: f64,
    pub projected_installed: f64,
    pub projected_rate: f64,
    pub target_rate: f64,
    pub target_reached: bool,
    pub cost: f64,
    pub teams: u64,
}

/// Teams of one kind in one district.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TeamAllocation {
    pub kind: String,
    pub teams: u32,
    pub min_teams: u32,
    pub max_teams: u32,
    pub productivity: f64,
    /// L_{d,k} for a local kind: the teams stationed in the district (the scenario's `teams`),
    /// whether the plan uses them or not (`max_teams` may be lower: a rule's cap); `None` for a
    /// provincial kind, and until [`Plan::add_stationed`] fills it in. The plan's spreadsheets
    /// write it beside the allocation, so that importing a plan reads the teams the district
    /// has, never those the plan used (trial 13d G20).
    pub stationed: Option<u32>,
}

/// One district of the plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DistrictPlan {
    pub name: String,
    /// Thành phố, thị xã, huyện or quận: the scenario's (filled in by
    /// [`Plan::add_unit_types`]; until then what the name says).
    pub unit_type: UnitType,
    pub smartphones: u64,
    pub installed: u64,
    pub rate: f64,
    pub mandated_installs: f64,
    pub fixed_installs: f64,
    pub pool: f64,
    pub allocation: Vec<TeamAllocation>,
    pub outreach_installs: f64,
    pub projected_installed: f64,
    pub projected_rate: f64,
    pub cost: f64,
    pub directives: Vec<Directive>,
    /// φ_d, the district's own floor (the scenario's, or higher where a rule raised it).
    pub floor: Option<f64>,
    /// Every rule call on the district, in the order they ran: `before_solve` ones, then
    /// `after_solve` ones (filled in by [`crate::plan_scenario`]).
    pub trace: Vec<TraceEntry>,
    /// Installs per day from the scenario's coverage history (`None` without history).
    pub pace_per_day: Option<f64>,
    /// Whether the pace alone reaches the target rate by the end of the horizon, without
    /// extra teams (`None` without history).
    pub on_track: Option<bool>,
    /// The rate the pace alone reaches by the end of the horizon, without extra teams, at most
    /// 100% (`None` without history).
    pub rate_at_pace: Option<f64>,
}

/// What one rule's `add_installs` brought a district: the rule, what it asked for (the sum of
/// its calls), what the plan counts (its share of the capped A_d) and the reasons it gave.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleInstalls {
    pub rule: String,
    pub asked: f64,
    pub counted: f64,
    pub reasons: Vec<crate::text::Text>,
}

impl RuleInstalls {
    /// Whether the cap cut what the rule asked for (by more than the installs tolerance).
    pub fn capped(&self) -> bool {
        self.asked > self.counted + crate::solve::INSTALLS_TOLERANCE
    }
}

impl DistrictPlan {
    /// Each rule's `add_installs` in the district, in the order the rules first called it
    /// (from the before-solve trace): what it asked for and what the plan counts, its share of
    /// `fixed_installs` (asked × fixed_installs ÷ all that was asked, so the parts add up to
    /// the total; 1 unless the cap cut it).
    pub fn fixed_by_rule(&self) -> Vec<RuleInstalls> {
        let mut by_rule: Vec<RuleInstalls> = Vec::new();
        for entry in self
            .trace
            .iter()
            .filter(|e| e.phase == crate::effects::Phase::BeforeSolve)
        {
            for action in &entry.set {
                if let TraceAction::AddInstalls { installs, reason } = action {
                    let slot = match by_rule.iter().position(|r| r.rule == entry.rule) {
                        Some(i) => &mut by_rule[i],
                        None => {
                            by_rule.push(RuleInstalls {
                                rule: entry.rule.clone(),
                                asked: 0.0,
                                counted: 0.0,
                                reasons: Vec::new(),
                            });
                            by_rule.last_mut().expect("just pushed")
                        }
                    };
                    slot.asked += installs;
                    if !slot.reasons.contains(reason) {
                        slot.reasons.push(reason.clone());
                    }
                }
            }
        }
        // summed in the rules' name order (as the figures the rules read always were)
        let mut sorted: Vec<&RuleInstalls> = by_rule.iter().collect();
        sorted.sort_by(|a, b| a.rule.cmp(&b.rule));
        let total: f64 = sorted.iter().map(|r| r.asked).sum();
        let scale = if total > 0.0 {
            self.fixed_installs / total
        } else {
            0.0
        };
        for r in &mut by_rule {
            r.counted = r.asked * scale;
        }
        by_rule
    }

    /// The installs the district had left for the rules' `add_installs`: its smartphones
    /// without the app, after the mandated installs.
    pub fn room_for_fixed(&self) -> f64 {
        (self.smartphones as f64 - self.installed as f64 - self.mandated_installs).max(0.0)
    }

    /// The district's teams of kind `kind` (0 when the plan has no entry for it).
    pub fn teams_of(&self, kind: &str) -> u32 {
        self.allocation
            .iter()
            .find(|a| a.kind == kind)
            .map_or(0, |a| a.teams)
    }

    /// The projected installs as the human reports print them: rounded to a whole install.
    pub fn projected_installed_as_printed(&self) -> f64 {
        self.projected_installed.round()
    }

    /// The projected rate as the human reports print it: the printed installs over the
    /// smartphones, so that a reader who divides the two printed figures finds the printed rate
    /// (issue 13 item 10). JSON keeps the exact `projected_rate`.
    pub fn projected_rate_as_printed(&self) -> f64 {
        crate::number::rate_as_printed(self.projected_installed, self.smartphones)
    }

    /// Whether the projected installs as printed fall short of `rate` of the smartphones (by
    /// more than the solver's installs tolerance): the one test of "reached" every human output
    /// uses, so that a printed rate and a printed verdict never contradict each other
    /// (docs/model.md § 12).
    pub fn short_of(&self, rate: f64) -> bool {
        crate::number::short_as_printed(self.projected_installed, self.smartphones, rate)
    }

    /// Whether the district has a floor and its projected installs fall short of it.
    pub fn below_floor(&self) -> bool {
        self.floor.is_some_and(|floor| self.short_of(floor))
    }

    /// The rule whose `district.min_rate` set the district's floor, where a rule's is above the
    /// scenario's `district_floor` (the largest call wins; the first of equal ones): the rule
    /// the reader must change, since the scenario does not hold that figure (trial 13f J20).
    pub fn floor_rule(&self, district_floor: Option<f64>) -> Option<&str> {
        self.floor_call(district_floor).map(|(rule, _)| rule)
    }

    /// [`DistrictPlan::floor_rule`] and the line of its rule file where it calls `min_rate`
    /// (when known).
    pub fn floor_call(&self, district_floor: Option<f64>) -> Option<(&str, Option<usize>)> {
        self.floor?;
        let (rule, value, line) = self
            .trace
            .iter()
            .filter(|entry| entry.phase == crate::effects::trace::Phase::BeforeSolve)
            .flat_map(|entry| entry.set.iter().map(move |a| (entry, a)))
            .filter_map(|(entry, action)| match action {
                TraceAction::MinRate { value, line } => Some((entry.rule.as_str(), *value, *line)),
                _ => None,
            })
            .fold(
                None::<(&str, f64, Option<usize>)>,
                |best, call| match best {
                    Some((_, b, _)) if b >= call.1 => best,
                    _ => Some(call),
                },
            )?;
        (value > district_floor.unwrap_or(0.0)).then_some((rule, line))
    }
}

impl Plan {
    /// Evaluates `solution` exactly on `model` (MODEL.md § "Objectives": a plan is judged by the
    /// exact curve). `before[d]` is what the rules did to district d before the solve: its
    /// directives and its trace go on the plan, where the after-solve rules read each rule's own
    /// installs (`district.own_fixed_installs`); what they do is added with
    /// [`Plan::add_after_solve`].
    pub fn new(
        scenario: &str,
        as_of: &str,
        model: &Model,
        solution: &Solution,
        before: &[Effects],
    ) -> Plan {
        Plan::from_effects(scenario, as_of, model, solution, before.to_vec())
    }

    /// [`Plan::new`], taking the rules' effects: their directives and traces move onto the
    /// plan instead of being copied (at 20,000 districts the traces are most of a plan).
    pub fn from_effects(
        scenario: &str,
        as_of: &str,
        model: &Model,
        solution: &Solution,
        before: Vec<Effects>,
    ) -> Plan {
        assert_eq!(
            before.len(),
            model.districts.len(),
            "one Effects per district of the model"
        );
        let teams: &Allocation = &solution.teams;
        let mut districts = Vec::with_capacity(model.districts.len());
        for (d, (district, before)) in model.districts.iter().zip(before).enumerate() {
            let row = &teams[d];
            let projected = model.projected_installed(d, row);
            let allocation = model
                .kinds
                .iter()
                .enumerate()
                .map(|(k, kind)| TeamAllocation {
                    kind: kind.name.clone(),
                    teams: row[k],
                    min_teams: district.bounds[k].min,
                    max_teams: district.bounds[k].max,
                    productivity: district.productivity[k],
                    stationed: None,
                })
                .collect();
            let cost = row
                .iter()
                .enumerate()
                .map(|(k, &t)| model.cost_per_team(k) * f64::from(t))
                .sum();
            districts.push(DistrictPlan {
                name: district.name.clone(),
                unit_type: UnitType::of_name(&district.name),
                smartphones: district.smartphones,
                installed: district.installed,
                rate: district.rate(),
                mandated_installs: district.mandated_installs,
                fixed_installs: district.fixed_installs,
                pool: district.pool,
                allocation,
                outreach_installs: projected - district.base_installed(),
                projected_installed: projected,
                projected_rate: projected / district.smartphones as f64,
                cost,
                directives: before.directives,
                floor: district.floor,
                trace: before.trace,
                pace_per_day: None,
                on_track: None,
                rate_at_pace: None,
            });
        }
        let smartphones = model.total_smartphones();
        let installed: u64 = model.districts.iter().map(|d| d.installed).sum();
        let projected_installed: f64 = districts.iter().map(|d| d.projected_installed).sum();
        let projected_rate = projected_installed / smartphones as f64;
        let province = Province {
            smartphones,
            installed,
            rate: installed as f64 / smartphones as f64,
            projected_installed,
            projected_rate,
            target_rate: model.target_rate,
            target_reached: projected_installed
                >= model.target_rate * smartphones as f64 - crate::solve::INSTALLS_TOLERANCE,
            cost: model.cost(teams),
            teams: teams.iter().flatten().map(|&t| u64::from(t)).sum(),
        };
        let mut diagnosis = solution.diagnosis.clone();
        if let Some(diagnosis) = &mut diagnosis {
            name_rules(&mut diagnosis.findings, &districts, model.district_floor);
        }
        Plan {
            scenario: scenario.to_string(),
            as_of: as_of.to_string(),
            objective: model.objective,
            status: solution.status,
            diagnosis,
            horizon_days: model.horizon_days,
            reachable_share: model.reachable_share,
            budget: model.budget,
            district_floor: model.district_floor,
            province,
            team_kinds: model.kinds.clone(),
            districts,
            optimality: solution.optimality.clone(),
            notices: Vec::new(),
        }
    }

    /// Adds what must be said of the scenario itself, whatever the plan: its assumptions are
    /// placeholders, or its districts have no local teams at all ([`Notice`]). Said first.
    pub fn add_input_notices(&mut self, scenario: &Scenario) {
        let mut said = Vec::new();
        if scenario.synthetic {
            said.push(Notice::SyntheticData);
        }
        if !scenario.assumptions_checked {
            said.push(Notice::AssumptionsNotChecked);
        }
        if let Some(notes) = &scenario.coverage_notes {
            said.push(Notice::CoverageNotesSkipped {
                file: notes.file.clone(),
                last_row: notes.last_row,
                first_row: notes.first_row,
                text: notes.text.clone(),
            });
        }
        if let Some((file, columns)) = &scenario.hidden_columns {
            said.push(Notice::HiddenColumnsRead {
                file: file.clone(),
                columns: columns.clone(),
            });
        }
        for chosen in &scenario.sheets_chosen {
            said.push(Notice::WorkbookSheetRead {
                file: chosen.file.clone(),
                sheet: chosen.sheet.clone(),
                others: chosen.others.clone(),
                named: chosen.named.clone(),
            });
        }
        let kinds: Vec<String> = scenario
            .team_kinds
            .iter()
            .filter(|k| k.scope == crate::model::Scope::Local)
            .map(|k| k.name.clone())
            .collect();
        let none = scenario.districts.iter().all(|d| {
            kinds
                .iter()
                .all(|k| d.teams.get(k).copied().unwrap_or(0) == 0)
        });
        if !kinds.is_empty() && none {
            said.push(Notice::NoLocalTeams { kinds });
        }
        if scenario.rules.is_empty() {
            said.push(Notice::NoRules);
        }
        said.append(&mut self.notices);
        self.notices = said;
    }

    /// Adds what is worth saying about this plan of `model`: where the objective is not
    /// `min-cost` and the target is met, what the cheapest plan meeting it would cost (solved
    /// on the same model: the same rules' effects, pools, floors and budget).
    pub fn add_notices(&mut self, model: &Model) {
        if !self.status.meets_scenario() {
            return;
        }
        self.add_short_as_printed(model);
        if model.objective == Objective::MinCost {
            return;
        }
        if !self.province.target_reached {
            self.add_target_not_reached(model);
            return;
        }
        let mut cheapest = model.clone();
        cheapest.objective = Objective::MinCost;
        let solution = crate::solve::solve(&cheapest);
        if !solution.status.meets_scenario() {
            return;
        }
        let min_cost = cheapest.cost(&solution.teams);
        // a whole đồng apart at least: the same plan found twice is no saving
        if min_cost > self.province.cost - 0.5 {
            return;
        }
        let projected: f64 = (0..cheapest.districts.len())
            .map(|d| cheapest.projected_installed(d, &solution.teams[d]))
            .sum();
        let printed: f64 = (0..cheapest.districts.len())
            .map(|d| cheapest.projected_installed(d, &solution.teams[d]).round())
            .sum();
        let lowest = (model.objective == Objective::MaxMinRate
            || model.districts.iter().any(|d| d.floor.is_some()))
        .then(|| self.lowest_after(&cheapest, &solution.teams, model.district_floor))
        .flatten();
        self.notices.push(Notice::TargetMetWithTeamsToSpare {
            target_rate: model.target_rate,
            cost: self.province.cost,
            teams: self.province.teams,
            min_cost,
            min_cost_teams: solution.teams.iter().flatten().map(|&t| u64::from(t)).sum(),
            min_cost_projected_rate: projected / cheapest.total_smartphones() as f64,
            min_cost_projected_rate_as_printed: crate::number::rate_as_printed(
                printed,
                cheapest.total_smartphones(),
            ),
            saving: self.province.cost - min_cost,
            setting: "objective=min-cost".to_string(),
            lowest,
        });
    }

    /// This plan's lowest district beside the lowest of `teams` on `model` (the least-cost
    /// plan), where that one is lower; `None` where it is not.
    fn lowest_after(
        &self,
        model: &Model,
        teams: &Allocation,
        district_floor: Option<f64>,
    ) -> Option<LowestDistrict> {
        let here = self
            .districts
            .iter()
            .min_by(|a, b| a.projected_rate.total_cmp(&b.projected_rate))?;
        let (d, there) = (0..model.districts.len())
            .map(|d| {
                let district = &model.districts[d];
                let installed = model.projected_installed(d, &teams[d]);
                (d, installed / district.smartphones as f64)
            })
            .min_by(|a, b| a.1.total_cmp(&b.1))?;
        let district = &model.districts[d];
        let there_printed = crate::number::rate_as_printed(
            model.projected_installed(d, &teams[d]),
            district.smartphones,
        );
        // lower as printed, so that the sentence never says "falls from 39.95% to 39.95%"
        if there_printed >= here.projected_rate_as_printed() {
            return None;
        }
        let floor = (here.projected_rate * 10_000.0).floor() / 10_000.0;
        let floor = (floor > district_floor.unwrap_or(0.0)).then_some(floor);
        Some(LowestDistrict {
            district: here.name.clone(),
            rate: here.projected_rate,
            rate_as_printed: here.projected_rate_as_printed(),
            min_cost_district: district.name.clone(),
            min_cost_rate: there,
            min_cost_rate_as_printed: there_printed,
            floor,
            floor_settings: floor.map(|f| {
                vec![
                    "objective=min-cost".to_string(),
                    format!("target.district_floor={f}"),
                ]
            }),
        })
    }

    /// Adds a [`Notice::ShortOnlyAsPrinted`] where a plan that keeps every constraint prints its
    /// target (a constraint of `min-cost` only) or a district's floor as missed: what the
    /// optimiser could not round away is said, never left to the reader (trial 13g K17).
    fn add_short_as_printed(&mut self, model: &Model) {
        let target = (model.objective == Objective::MinCost && !self.target_reached_as_printed())
            .then(|| PrintedShort {
                district: None,
                needed: model.target_rate * self.province.smartphones as f64,
                projected: self.province.projected_installed,
                printed: self.projected_installed_as_printed(),
            });
        let districts: Vec<PrintedShort> = self
            .districts
            .iter()
            .filter(|d| d.below_floor())
            .map(|d| PrintedShort {
                district: Some(d.name.clone()),
                needed: d.floor.unwrap_or(0.0) * d.smartphones as f64,
                projected: d.projected_installed,
                printed: d.projected_installed_as_printed(),
            })
            .collect();
        if target.is_some() || !districts.is_empty() {
            self.notices
                .push(Notice::ShortOnlyAsPrinted { target, districts });
        }
    }

    /// Adds an [`Notice::InstallsCapped`] for every rule whose `add_installs` in a district
    /// asked for more than the district had left, in district order.
    pub fn add_cap_notices(&mut self) {
        for district in &self.districts {
            let room = district.room_for_fixed();
            for r in district.fixed_by_rule() {
                if r.capped() {
                    self.notices.push(Notice::InstallsCapped {
                        district: district.name.clone(),
                        rule: r.rule,
                        asked: r.asked,
                        counted: r.counted,
                        room,
                    });
                }
            }
        }
    }

    /// Says why the target is not reached: the findings of the cheapest plan that would have
    /// to reach it (none when even that plan reaches it, which a max-installs plan below the
    /// target cannot, or when the findings are empty).
    fn add_target_not_reached(&mut self, model: &Model) {
        let mut cheapest = model.clone();
        cheapest.objective = Objective::MinCost;
        let solution = crate::solve::solve(&cheapest);
        let Some(mut diagnosis) = solution.diagnosis else {
            return;
        };
        if diagnosis.findings.is_empty() {
            return;
        }
        name_rules(
            &mut diagnosis.findings,
            &self.districts,
            self.district_floor,
        );
        self.notices.push(Notice::TargetNotReached {
            target_rate: model.target_rate,
            projected_rate: self.province.projected_rate,
            findings: diagnosis.findings,
            setting: "objective=min-cost".to_string(),
        });
    }

    /// The province's projected installs as the human reports print them: the sum of the
    /// districts' figures each rounded to a whole install, so that the total under a district
    /// table is the sum of the rows above it (issue 13 item 10). It differs from the exact
    /// `province.projected_installed` (kept in JSON) by less than one install per district.
    pub fn projected_installed_as_printed(&self) -> f64 {
        self.districts
            .iter()
            .map(DistrictPlan::projected_installed_as_printed)
            .sum()
    }

    /// The province's projected rate as the human reports print it: the printed installs
    /// ([`Plan::projected_installed_as_printed`]) over the smartphones (issue 13 item 10).
    pub fn projected_rate_as_printed(&self) -> f64 {
        crate::number::rate_as_printed(
            self.projected_installed_as_printed(),
            self.province.smartphones,
        )
    }

    /// Whether the target is reached as the human reports print it: the printed installs are at
    /// least the target's share of the smartphones (within the solver's installs tolerance).
    /// JSON's `target_reached` is the exact test; the two differ only when the exact projection
    /// is within the rounding (less than one install per district) of the target.
    pub fn target_reached_as_printed(&self) -> bool {
        !crate::number::short_as_printed(
            self.projected_installed_as_printed(),
            self.province.smartphones,
            self.province.target_rate,
        )
    }

    /// The province's cost as the human reports print it: the sum of the districts' costs each
    /// rounded to a whole đồng, so that the total under a district table is the sum of the rows
    /// above it (a cost per team-day may have decimals). Exact: a scenario's whole spend is at
    /// most [`crate::model::MAX_BUDGET`], well inside the integers an `f64` holds exactly.
    pub fn cost_as_printed(&self) -> f64 {
        self.districts.iter().map(|d| d.cost.round()).sum()
    }

    /// Sets each district's unit type to the scenario's (`unit_type`, or what its name says).
    pub fn add_unit_types(&mut self, scenario: &Scenario) {
        let by_name: std::collections::HashMap<&str, &DistrictInput> = scenario
            .districts
            .iter()
            .map(|d| (d.name.as_str(), d))
            .collect();
        for dp in &mut self.districts {
            if let Some(d) = by_name.get(dp.name.as_str()) {
                dp.unit_type = d.unit_type;
            }
        }
    }

    /// Fills in each local kind's `stationed` teams in each district: the scenario's `teams`
    /// (0 where the district names none of the kind).
    pub fn add_stationed(&mut self, scenario: &Scenario) {
        let by_name: std::collections::HashMap<&str, &DistrictInput> = scenario
            .districts
            .iter()
            .map(|d| (d.name.as_str(), d))
            .collect();
        let local: Vec<&str> = scenario
            .team_kinds
            .iter()
            .filter(|k| k.scope == crate::model::Scope::Local)
            .map(|k| k.name.as_str())
            .collect();
        for dp in &mut self.districts {
            let Some(d) = by_name.get(dp.name.as_str()) else {
                continue;
            };
            for a in &mut dp.allocation {
                if local.contains(&a.kind.as_str()) {
                    a.stationed = Some(d.teams.get(&a.kind).copied().unwrap_or(0));
                }
            }
        }
    }

    /// Fills each district's `pace_per_day`, `rate_at_pace` and `on_track` (none without history).
    pub fn add_pace(&mut self, scenario: &Scenario) {
        if scenario.history.is_empty() {
            return;
        }
        let by_name: std::collections::HashMap<&str, (usize, &DistrictInput)> = scenario
            .districts
            .iter()
            .enumerate()
            .map(|(i, d)| (d.name.as_str(), (i, d)))
            .collect();
        for dp in &mut self.districts {
            let Some(&(i, d)) = by_name.get(dp.name.as_str()) else {
                continue;
            };
            let Some(pace) = history::pace(scenario, i) else {
                continue;
            };
            let rate = history::projection(d, pace, scenario.horizon_days) / d.smartphones as f64;
            dp.pace_per_day = Some(pace);
            dp.rate_at_pace = Some(rate);
            dp.on_track = Some(rate >= scenario.target_rate);
        }
    }

    /// Adds what the rules did after the solve, district by district: their directives after
    /// the before-solve ones, their trace after the before-solve trace.
    pub fn add_after_solve(&mut self, after: Vec<AfterSolve>) {
        assert_eq!(
            after.len(),
            self.districts.len(),
            "one AfterSolve per district of the plan"
        );
        for (district, after) in self.districts.iter_mut().zip(after) {
            district.directives.extend(after.directives);
            district.trace.extend(after.trace);
        }
    }
}

/// Names, in each finding about the rules' bounds, the rules that set them: a conflict in one
/// district names the rules that set a minimum of the kind there and those that cap it;
/// minimums that add up to more than a pool name every rule that set one of the kind anywhere
/// (issue 13 item 8: the reader learns that a rule, not the target, is what cannot be met).
///
/// A budget below what the rules' minimums cost names every rule that set a minimum of the
/// kinds it counts; a district floor out of reach names the rule whose `min_rate` set it, where
/// it is a rule's and not the scenario's `district_floor` (trial 13f J4, J20).
fn name_rules(findings: &mut [Finding], districts: &[DistrictPlan], district_floor: Option<f64>) {
    let setting = |kind: &str, district: Option<&str>, maximum: bool| -> Vec<String> {
        let rules: std::collections::BTreeSet<String> = districts
            .iter()
            .filter(|d| district.is_none_or(|name| name == d.name))
            .flat_map(|d| &d.trace)
            .filter(|entry| {
                entry.set.iter().any(|action| match action {
                    TraceAction::MinTeams { kind: k, value } if !maximum => {
                        *value > 0 && fold(k) == fold(kind)
                    }
                    TraceAction::MaxTeams { kind: k, .. } if maximum => fold(k) == fold(kind),
                    _ => false,
                })
            })
            .map(|entry| entry.rule.clone())
            .collect();
        rules.into_iter().collect()
    };
    for finding in findings {
        match finding {
            Finding::BoundsConflict {
                district,
                kind,
                rules,
                capped_by,
                ..
            } => {
                *rules = setting(kind, Some(district), false);
                *capped_by = setting(kind, Some(district), true);
            }
            Finding::PoolMinimums { kind, rules, .. } => *rules = setting(kind, None, false),
            Finding::BudgetShort {
                minimums: Some(minimums),
                ..
            } => {
                let named: std::collections::BTreeSet<String> = minimums
                    .teams
                    .iter()
                    .flat_map(|(kind, _)| setting(kind, None, false))
                    .collect();
                minimums.rules = named.into_iter().collect();
            }
            Finding::FloorPoolLimit {
                district,
                rule,
                line,
                ..
            } => {
                let call = districts
                    .iter()
                    .find(|d| d.name == *district)
                    .and_then(|d| d.floor_call(district_floor));
                *rule = call.map(|(r, _)| r.to_string());
                *line = call.and_then(|(_, l)| l);
            }
            _ => {}
        }
    }
}
