//! What rules may use and leave behind: per hook call (steps, processor time, depth, sizes, the
//! actions and directives of one rule on one district), per district, and over one evaluation
//! (one plan: every rule's two hooks on every district). The engine and the host functions
//! enforce them and the messages that stop a rule name them; docs/limits.md explains each one.

use std::cell::Cell;
use std::time::Duration;

/// Steps one hook call may take (each operator, call or loop turn is one step, and a list or
/// map in a variable 1 more for every [`super::engine::ITEMS_PER_STEP`] items each time Rhai
/// walks or copies it).
pub(crate) const MAX_OPERATIONS: u64 = 1_000_000;
/// Processor time one hook call may take, whatever it does. Measured on the thread running the
/// rule (not the wall clock), so that a busy machine does not stop a rule that would pass on an
/// idle one.
pub(crate) const TIME_LIMIT: Duration = Duration::from_secs(1);
/// Steps all the hook calls of one evaluation may take together. The shipped rules take
/// 4,655,546 on the 10,600-unit generated scenario (361 in their longest call); this is 21
/// times that, about 8 seconds of a rule that does nothing but count.
pub(crate) const TOTAL_OPERATIONS: u64 = 100_000_000;
/// Processor time all the hook calls of one evaluation may take together: a backstop for what
/// steps do not measure (a host function that costs more than a step), well above what
/// [`TOTAL_OPERATIONS`] takes on a slow machine, so that it stops only a runaway rule.
pub(crate) const TOTAL_TIME: Duration = Duration::from_secs(60);
/// Steps the rules of all the plans one command makes (a sweep's values, a compare's
/// scenarios) may take together: each plan gets an equal share, or [`TOTAL_OPERATIONS`] where
/// that is less. A thousand-value sweep gives each plan 1,000,000 steps (the shipped rules
/// take about 300,000 on 700 units), and no command spends more than about a minute in rules
/// however many plans it makes. The share is known before the first plan starts, so a plan
/// stopped by it is stopped at the same district and line on every run and with any `--jobs`.
pub(crate) const RUN_OPERATIONS: u64 = 1_000_000_000;
/// Processor time the rules of all the plans of one command may take together, shared as
/// [`RUN_OPERATIONS`] is: a backstop, as [`TOTAL_TIME`] is for one plan.
pub(crate) const RUN_TIME: Duration = Duration::from_secs(600);

thread_local! {
    /// How many plans the command running on this thread makes ([`as_one_of`]).
    static PLANS_IN_RUN: Cell<usize> = const { Cell::new(1) };
}

/// Runs `plan` (which makes one plan on this thread) as one of the `plans` plans of a command:
/// its rules may take only its share of [`RUN_OPERATIONS`] and [`RUN_TIME`].
pub(crate) fn as_one_of<R>(plans: usize, plan: impl FnOnce() -> R) -> R {
    let before = PLANS_IN_RUN.with(|p| p.replace(plans.max(1)));
    let result = plan();
    PLANS_IN_RUN.with(|p| p.set(before));
    result
}

/// What one evaluation on this thread may spend: steps, processor time, and the plans of the
/// command it is one of.
pub(crate) fn evaluation_allowance() -> Allowance {
    let plans = PLANS_IN_RUN.with(Cell::get);
    let share = u32::try_from(plans).unwrap_or(u32::MAX);
    Allowance {
        steps: TOTAL_OPERATIONS.min(RUN_OPERATIONS / plans as u64),
        time: TOTAL_TIME.min(RUN_TIME / share),
        plans,
    }
}

/// What one evaluation may spend ([`evaluation_allowance`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Allowance {
    pub steps: u64,
    pub time: Duration,
    /// The plans of the command this evaluation is one of (1 for `campaign plan`).
    pub plans: usize,
}

impl Allowance {
    /// Whether the run's share, not the plan's own limit, sets it.
    pub fn shared(&self) -> bool {
        self.steps < TOTAL_OPERATIONS || self.time < TOTAL_TIME
    }
}

/// How deep functions may call each other.
pub(crate) const MAX_CALL_LEVELS: usize = 32;
/// How deep expressions may nest (at the top level, inside functions).
pub(crate) const MAX_EXPR_DEPTHS: (usize, usize) = (64, 32);
/// Bytes of text one value may hold (a text, or all the texts in a list or map), as Rhai counts
/// them: a Vietnamese letter with its marks takes 2 or 3.
pub(crate) const MAX_STRING_SIZE: usize = 10_000;
/// Items one list may hold, counting the items of the lists inside it.
pub(crate) const MAX_ARRAY_SIZE: usize = 10_000;
/// Entries one map may hold, counting the entries of the maps inside it.
pub(crate) const MAX_MAP_SIZE: usize = 1_000;
pub(crate) const MAX_VARIABLES: usize = 1_000;
pub(crate) const MAX_FUNCTIONS: usize = 200;

/// The largest multiplier `set_productivity` accepts: a team doing ten times its usual work.
/// The shipped and library rules set 0.5 to 1; a larger one is a slip (a percentage written as
/// 50 for 0.5), and 1e300 made one team install every smartphone of a district.
pub(crate) const MAX_PRODUCTIVITY: f64 = 10.0;

/// The largest `priority` a directive may have (1 is the most urgent). The shipped rules use 1
/// to 3; a printed list of directives is read in this order, and nobody ranks a thousand levels.
pub(crate) const MAX_PRIORITY: u32 = 1_000;

/// Directives one rule may give one district in one hook call. The shipped rules give one.
pub(crate) const MAX_DIRECTIVES_PER_CALL: usize = 20;
/// Actions (`mandate`, `add_installs`, `min_teams`, ..., `directive`) one rule may take on one
/// district in one hook call; each is kept in the plan's trace. The shipped rules take at most 2.
pub(crate) const MAX_ACTIONS_PER_CALL: usize = 200;
/// Actions all rules together may take on one district over both hooks (directives
/// included). The shipped rules take at most 9, the seven rules of the extended scenario 14.
pub(crate) const MAX_ACTIONS_PER_DISTRICT: usize = 1_000;
/// Characters in one text a rule gives the host to print: a directive's action or unit (each
/// language), an `add_installs` reason. The longest shipped one has 186, the longest of the
/// rule library 278.
pub(crate) const MAX_TEXT_CHARS: usize = 2_000;
/// Characters of directive texts and reasons (every language) all rules together may give one
/// district over both hooks. The shipped rules give at most 1,553, the seven rules of the
/// extended scenario 2,670.
pub(crate) const MAX_TEXT_PER_DISTRICT: usize = 20_000;
/// Characters of directive texts and reasons all rules may give over one evaluation. The
/// shipped rules give 16,132,289 on the 10,600-unit generated scenario.
pub(crate) const MAX_TEXT_TOTAL: usize = 100_000_000;
/// Characters in a cohort name a rule asks for (`district.cohort(name)`, `mandate(name, ..)`).
pub(crate) const MAX_NAME_CHARS: usize = 200;
/// Different things one hook call may read (each is kept once in the trace).
pub(crate) const MAX_READS_PER_CALL: usize = 1_000;

// Every value of `[params]` fits in what a rule can hold (the scenario refuses larger ones).
const _: () = assert!(
    MAX_ARRAY_SIZE >= crate::scenario::MAX_PARAM_ITEMS
        && MAX_STRING_SIZE >= crate::scenario::MAX_PARAM_TEXT
);
