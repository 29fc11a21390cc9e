//! The Rhai engine that runs rules (STYLE.md § rhai): `Engine::new_raw` plus only the packages
//! rules need, strict variables, no `eval` or `import`, explicit limits, and a processor-time guard
//! so that a rule that never ends is stopped and named.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use cpu_time::ThreadTime;
use rhai::module_resolvers::DummyModuleResolver;
use rhai::packages::{
    ArithmeticPackage, BasicArrayPackage, BasicIteratorPackage, BasicMapPackage, BasicMathPackage,
    BasicStringPackage, LogicPackage, MoreStringPackage, Package,
};
use rhai::{Dynamic, Engine, FLOAT, INT, ImmutableString, Position};

use super::budget::Budget;
use super::failure::Fallible;
use super::limits::Allowance;
use super::limits::{
    MAX_ARRAY_SIZE, MAX_CALL_LEVELS, MAX_EXPR_DEPTHS, MAX_FUNCTIONS, MAX_MAP_SIZE, MAX_OPERATIONS,
    MAX_STRING_SIZE, MAX_VARIABLES, evaluation_allowance,
};
use super::message::HostProblem;
use super::{district, lists, scenario_view};

/// Steps between two looks at the clock.
const CLOCK_EVERY: u64 = 4_096;
/// Steps between two measures of the rule's variables.
const SIZE_EVERY: u64 = 256;

/// Which limit of [`super::limits`] stopped a hook call from the progress callback: the token
/// of Rhai's `ErrorTerminated`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stop {
    /// The call's steps ([`MAX_OPERATIONS`]), counted inside functions given to `map`,
    /// `sort`, ... as well.
    CallSteps,
    /// The call's processor time ([`super::limits::TIME_LIMIT`]).
    CallTime,
    /// The evaluation's steps ([`TOTAL_OPERATIONS`]).
    TotalSteps,
    /// The evaluation's processor time ([`TOTAL_TIME`]).
    TotalTime,
}

/// When the hook call now running started, and where it is: the engine's progress and step
/// callbacks read and write it. It also holds what the evaluation has spent ([`Budget`]).
#[derive(Debug, Clone)]
pub(crate) struct Clock {
    started: Rc<Cell<ThreadTime>>,
    limit: Duration,
    /// The position of the last step taken, so that a rule stopped by a limit can be located
    /// (Rhai's own error does not say where).
    last: Rc<Cell<Position>>,
    steps: Rc<Cell<u64>>,
    /// The steps of the call now running, functions it gives `map`, `sort`, ... included.
    operations: Rc<Cell<u64>>,
    /// What the evaluation's finished calls have spent.
    pub budget: Rc<Budget>,
    /// What the evaluation may spend: [`TOTAL_OPERATIONS`] and [`TOTAL_TIME`], or less when it
    /// is one of many plans of a command.
    pub allowance: Allowance,
}

impl Clock {
    pub fn new(limit: Duration) -> Clock {
        Clock {
            started: Rc::new(Cell::new(ThreadTime::now())),
            limit,
            last: Rc::new(Cell::new(Position::NONE)),
            steps: Rc::new(Cell::new(0)),
            operations: Rc::new(Cell::new(0)),
            budget: Rc::new(Budget::default()),
            allowance: evaluation_allowance(),
        }
    }

    /// Starts timing a hook call.
    pub fn start(&self) {
        self.started.set(ThreadTime::now());
        self.last.set(Position::NONE);
        self.steps.set(0);
        self.operations.set(0);
    }

    /// Ends a hook call (finished or stopped) of the rule `rule` (index): its steps and time
    /// count against the evaluation's.
    pub fn finish(&self, rule: usize) {
        self.budget
            .spend(rule, self.operations.get(), self.started.get().elapsed());
        self.operations.set(0);
    }

    /// Counts `steps` more steps of the call now running, for a host function whose work costs
    /// more than one step (a look-up that compares a name with every district's); the limit
    /// it goes over, if any, steps or processor time, as [`Clock::over`] would at a step.
    pub fn charge(&self, steps: u64) -> Option<Stop> {
        let operations = self.operations.get().saturating_add(steps);
        self.operations.set(operations);
        if operations > MAX_OPERATIONS {
            return Some(Stop::CallSteps);
        }
        if self.budget.steps().saturating_add(operations) > self.allowance.steps {
            return Some(Stop::TotalSteps);
        }
        self.time_over()
    }

    /// The limit of processor time the call now running has gone over, if any (a host function
    /// doing long work looks at it between pieces of that work).
    pub fn time_over(&self) -> Option<Stop> {
        let elapsed = self.started.get().elapsed();
        if elapsed > self.limit {
            Some(Stop::CallTime)
        } else if self.budget.time().saturating_add(elapsed) > self.allowance.time {
            Some(Stop::TotalTime)
        } else {
            None
        }
    }

    /// Where the hook call was at its last step.
    pub fn last_position(&self) -> Position {
        self.last.get()
    }

    /// Counts one more step of the call now running; the limit it goes over, if any.
    ///
    /// The steps are counted here, one per call of Rhai's progress callback, rather than read
    /// from Rhai's own count: a function a rule gives `map`, `sort`, ... runs on a copy of
    /// Rhai's count, which starts again from the caller's at each call, so Rhai would neither
    /// stop a call that spends its steps in such functions nor report them.
    fn over(&self) -> Option<Stop> {
        let operations = self.operations.get() + 1;
        self.operations.set(operations);
        if operations > MAX_OPERATIONS {
            return Some(Stop::CallSteps);
        }
        if self.budget.steps().saturating_add(operations) > self.allowance.steps {
            return Some(Stop::TotalSteps);
        }
        // The first step of a call: the evaluation's time spent so far, known without a look
        // at the clock. A call of fewer steps than [`CLOCK_EVERY`] never looks at it, so
        // without this, calls of a few hundred steps that each copy a large list (a step can
        // cost a millisecond) ran on past the evaluation's time for as long as there were
        // districts.
        if operations == 1 && self.budget.time() > self.allowance.time {
            return Some(Stop::TotalTime);
        }
        if !operations.is_multiple_of(CLOCK_EVERY) {
            return None;
        }
        let elapsed = self.started.get().elapsed();
        if elapsed > self.limit {
            Some(Stop::CallTime)
        } else if self.budget.time().saturating_add(elapsed) > self.allowance.time {
            Some(Stop::TotalTime)
        } else {
            None
        }
    }
}

/// Fixes Rhai's hashing seed, once in the process and before any engine is made (every
/// function's hash depends on it): Rhai names a closure `anon$` and a hash of its text, with a
/// seed drawn anew for each run unless one is set, and the name reaches a message Rhai words
/// (trial 13g K13). Same rules, same bytes.
fn fixed_hashes() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // refused only when set already, which the `Once` rules out
        let _ = rhai::config::hashing::set_hashing_seed(Some([
            0x6361_6d70_6169_676e,
            0x6c61_6e67_736f_6e32,
            0x3032_3066_6978_3133,
            0x6b31_336e_6f6e_6365,
        ]));
    });
}

/// Builds the engine rules run in, with the whole rules API registered.
pub(crate) fn new_engine(clock: &Clock) -> Engine {
    fixed_hashes();
    let mut engine = Engine::new_raw();
    // Only what policy arithmetic and directive texts need: no clock, no sleep, no blobs,
    // no `exit`, no JSON (what is left out, and why, is in `sandbox.rs`). Function pointers and
    // closures are Rhai's own, not a package's: rules give them to `map`, `filter`, `sort`.
    // (built once per thread: every engine shares the same packages)
    thread_local! {
        static PACKAGES: Vec<rhai::Shared<rhai::Module>> = vec![
            ArithmeticPackage::new().as_shared_module(),
            LogicPackage::new().as_shared_module(),
            BasicMathPackage::new().as_shared_module(),
            BasicStringPackage::new().as_shared_module(),
            MoreStringPackage::new().as_shared_module(),
            BasicIteratorPackage::new().as_shared_module(),
            BasicArrayPackage::new().as_shared_module(),
            BasicMapPackage::new().as_shared_module(),
        ];
    }
    PACKAGES.with(|packages| {
        for package in packages {
            engine.register_global_module(package.clone());
        }
    });
    engine.set_strict_variables(true);
    engine.set_fail_on_invalid_map_property(true);
    engine.disable_symbol("eval");
    engine.disable_symbol("import");
    engine.set_module_resolver(DummyModuleResolver::new());
    // A function value as text is a mark the host refuses where a text is taken
    // (`value::printed`, a thrown text): Rhai writes a closure as `Fn(anon$<hash>)` (trial 13g
    // K13). `+`, `${}`, `print` and `debug` all ask these.
    engine.register_fn(
        "to_string",
        |_: &mut rhai::FnPtr| -> rhai::ImmutableString { super::value::FUNCTION_TEXT.into() },
    );
    engine.register_fn("to_debug", |_: &mut rhai::FnPtr| -> rhai::ImmutableString {
        super::value::FUNCTION_TEXT.into()
    });
    // Rules talk to people through directives only.
    engine.on_print(|_| {});
    engine.on_debug(|_, _, _| {});

    engine.set_max_operations(MAX_OPERATIONS);
    engine.set_max_call_levels(MAX_CALL_LEVELS);
    engine.set_max_expr_depths(MAX_EXPR_DEPTHS.0, MAX_EXPR_DEPTHS.1);
    engine.set_max_string_size(MAX_STRING_SIZE);
    engine.set_max_array_size(MAX_ARRAY_SIZE);
    engine.set_max_map_size(MAX_MAP_SIZE);
    engine.set_max_variables(MAX_VARIABLES);
    engine.set_max_functions(MAX_FUNCTIONS);
    engine.set_max_modules(0);
    let timer = clock.clone();
    engine.on_progress(move |_| timer.over().map(Dynamic::from));
    // Every step: note where it is (for the error of a rule stopped by a limit) and, now and
    // then, measure the rule's variables: Rhai checks sizes when a function returns, not when
    // a map or list grows by `m[key] = value`.
    let spot = clock.clone();
    #[allow(deprecated)] // the debugger API is marked volatile, not deprecated
    engine.register_debugger(
        |_, debugger| debugger,
        move |context, event, node, _, pos| {
            if matches!(event, rhai::debugger::DebuggerEvent::Step) && !pos.is_none() {
                spot.last.set(pos);
                // Rhai walks a whole list or map after each function a rule calls on it, and
                // copies it when it is given or assigned: one step for the call, however long
                // the list. Charge what is walked or copied by its items, so that a loop over
                // a long list is stopped by the steps as a plain loop is (trial 13f J38).
                let items = walked_items(&node, context.scope());
                if items >= ITEMS_PER_STEP
                    && let Some(stop) = spot.charge(items / ITEMS_PER_STEP)
                {
                    return Err(
                        rhai::EvalAltResult::ErrorTerminated(Dynamic::from(stop), pos).into(),
                    );
                }
                let steps = spot.steps.get() + 1;
                spot.steps.set(steps);
                if steps.is_multiple_of(SIZE_EVERY) {
                    for (_, _, value) in context.scope().iter_raw() {
                        oversize(value, pos)?;
                    }
                }
            }
            Ok(rhai::debugger::DebuggerCommand::StepInto)
        },
    );

    // Let the comparisons below override Rhai's built-in ones.
    engine.set_fast_operators(false);
    register_strict_comparisons(&mut engine);
    lists::register(&mut engine);
    district::register(&mut engine);
    scenario_view::register(&mut engine);
    engine
}

/// Items of a list or map that count as one step when Rhai walks or copies them
/// ([`walked_items`]). Walking 16 whole numbers takes about as long as one step of a plain
/// loop.
pub(crate) const ITEMS_PER_STEP: u64 = 16;

/// The items of lists and maps held in variables that Rhai walks or copies at the step `node`:
/// after each function called on a variable (`a.push(x)`, `a.len()`, `push(a, x)`, `a += b`,
/// `m.x = 1`) it measures the variable's whole value, items inside included, to enforce the
/// size limits; a variable given to a function, assigned (`let b = a`, `b = a`) or gone
/// through by `for`, is copied.
/// Reading or writing one item (`a[i]`, `a[i] = x`) walks nothing.
pub(crate) fn walked_items(node: &rhai::ASTNode, scope: &rhai::Scope) -> u64 {
    use rhai::{ASTNode, Expr, Stmt};
    let held = |expr: &Expr| match expr {
        Expr::Variable(x, ..) => scope.get(x.1.as_str()).map_or(0, items_in),
        _ => 0,
    };
    let root = |expr: &Expr| {
        let mut at = expr;
        while let Expr::Dot(bin, ..) | Expr::Index(bin, ..) = at {
            at = &bin.lhs;
        }
        held(at)
    };
    match node {
        ASTNode::Stmt(Stmt::Var(x, ..)) => held(&x.1),
        // `for x in a` goes through a copy of `a`
        ASTNode::Stmt(Stmt::For(x, _)) => held(&x.2.expr),
        ASTNode::Stmt(Stmt::Assignment(x)) => {
            let (op, bin) = &**x;
            let target = match &bin.lhs {
                Expr::Variable(..) if op.is_op_assignment() => held(&bin.lhs),
                Expr::Dot(..) => root(&bin.lhs),
                _ => 0,
            };
            target + held(&bin.rhs)
        }
        ASTNode::Stmt(Stmt::FnCall(call, _))
        | ASTNode::Expr(Expr::FnCall(call, _) | Expr::MethodCall(call, _)) => {
            call.args.iter().map(held).sum()
        }
        ASTNode::Expr(Expr::Dot(bin, ..) | Expr::Index(bin, ..)) if calls_method(&bin.rhs) => {
            held(&bin.lhs)
        }
        _ => 0,
    }
}

/// Whether a chain (`.x.f()[i]`) calls a function on what it reaches.
fn calls_method(expr: &rhai::Expr) -> bool {
    use rhai::Expr;
    match expr {
        Expr::MethodCall(..) => true,
        Expr::Dot(bin, ..) | Expr::Index(bin, ..) => {
            calls_method(&bin.lhs) || calls_method(&bin.rhs)
        }
        _ => false,
    }
}

/// The items of a value: a list's or a map's, with those of the lists and maps inside; 0 for
/// anything else.
fn items_in(value: &Dynamic) -> u64 {
    if let Some(map) = value.read_lock::<rhai::Map>() {
        map.len() as u64
            + map
                .values()
                .filter(|v| v.is_map() || v.is_array())
                .map(items_in)
                .sum::<u64>()
    } else if let Some(array) = value.read_lock::<rhai::Array>() {
        array.len() as u64
            + array
                .iter()
                .filter(|v| v.is_map() || v.is_array())
                .map(items_in)
                .sum::<u64>()
    } else {
        0
    }
}

/// A variable's value past the size limits, as Rhai's own error for it.
fn oversize(value: &Dynamic, pos: Position) -> Result<(), Box<rhai::EvalAltResult>> {
    let too_large = |what: &str| -> Result<(), Box<rhai::EvalAltResult>> {
        Err(rhai::EvalAltResult::ErrorDataTooLarge(what.to_string(), pos).into())
    };
    if let Some(map) = value.read_lock::<rhai::Map>() {
        if map.len() > MAX_MAP_SIZE {
            return too_large("Size of object map");
        }
        for v in map.values() {
            if v.is_map() || v.is_array() {
                oversize(v, pos)?;
            }
        }
    } else if let Some(array) = value.read_lock::<rhai::Array>() {
        if array.len() > MAX_ARRAY_SIZE {
            return too_large("Size of array");
        }
        for v in array.iter() {
            if v.is_map() || v.is_array() {
                oversize(v, pos)?;
            }
        }
    }
    Ok(())
}

/// Rhai answers `false` when it compares a number with a text (`0.25 < "0.30"`), so a
/// threshold written in quotes in [params] would silently turn a rule off. Make it an error.
fn register_strict_comparisons(engine: &mut Engine) {
    fn refuse(op: &str) -> Box<rhai::EvalAltResult> {
        HostProblem::CompareText { op: op.to_string() }.into()
    }
    for op in ["<", "<=", ">", ">="] {
        engine.register_fn(op, move |_: INT, _: ImmutableString| -> Fallible<bool> {
            Err(refuse(op))
        });
        engine.register_fn(op, move |_: ImmutableString, _: INT| -> Fallible<bool> {
            Err(refuse(op))
        });
        engine.register_fn(op, move |_: FLOAT, _: ImmutableString| -> Fallible<bool> {
            Err(refuse(op))
        });
        engine.register_fn(op, move |_: ImmutableString, _: FLOAT| -> Fallible<bool> {
            Err(refuse(op))
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::limits::{RUN_OPERATIONS, TOTAL_OPERATIONS, TOTAL_TIME, as_one_of};
    use super::*;

    #[test]
    fn one_plan_of_many_gets_its_share_of_the_command_s_steps() {
        // alone: the evaluation's own limits
        let alone = Clock::new(TIME_FOR_TESTS).allowance;
        assert_eq!(
            (alone.steps, alone.time, alone.plans),
            (TOTAL_OPERATIONS, TOTAL_TIME, 1)
        );
        assert!(!alone.shared());
        // a few plans: still the evaluation's own (the share is larger)
        let few = as_one_of(3, || Clock::new(TIME_FOR_TESTS).allowance);
        assert_eq!(few.steps, TOTAL_OPERATIONS);
        assert!(!few.shared());
        // a thousand: a thousandth of the command's
        let many = as_one_of(1_000, || Clock::new(TIME_FOR_TESTS).allowance);
        assert_eq!(many.steps, RUN_OPERATIONS / 1_000);
        assert!(many.shared() && many.plans == 1_000);
        // and the share stops a call that a plan alone would let pass
        let clock = as_one_of(1_000, || Clock::new(TIME_FOR_TESTS));
        clock.budget.spend(0, many.steps - 1_000, Duration::ZERO);
        assert_eq!(
            stop(&clock, "let i = 0; while i < 10000 { i += 1; }"),
            Stop::TotalSteps
        );
        // the thread is back to one plan afterwards
        assert_eq!(Clock::new(TIME_FOR_TESTS).allowance.steps, TOTAL_OPERATIONS);
    }

    /// The limit that stopped `script`, run as one hook call on `clock`.
    fn stop(clock: &Clock, script: &str) -> Stop {
        let engine = new_engine(clock);
        clock.start();
        let err = engine.run(script).expect_err("stopped");
        match err.unwrap_inner() {
            rhai::EvalAltResult::ErrorTerminated(token, ..) => {
                token.read_lock::<Stop>().map(|s| *s).expect("a Stop")
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_clock_stops_a_script_that_runs_out_of_time() {
        let clock = Clock::new(Duration::ZERO);
        assert_eq!(stop(&clock, "let x = 0; loop { x += 1; }"), Stop::CallTime);
    }

    #[test]
    fn steps_spent_in_functions_given_to_map_count_for_the_call() {
        // five calls of about 300,000 steps each: none is over 1,000,000 on Rhai's count,
        // which starts again from the caller's at each call; together they are
        let clock = Clock::new(TIME_FOR_TESTS);
        let script = "[1, 2, 3, 4, 5].map(|x| { let i = 0; while i < 40000 { i += 1; } x });";
        assert_eq!(stop(&clock, script), Stop::CallSteps);
    }

    #[test]
    fn the_evaluation_s_steps_stop_a_call_that_would_pass_on_its_own() {
        let clock = Clock::new(TIME_FOR_TESTS);
        clock
            .budget
            .spend(0, TOTAL_OPERATIONS - 1_000, Duration::ZERO);
        assert_eq!(
            stop(&clock, "let i = 0; while i < 10000 { i += 1; }"),
            Stop::TotalSteps
        );
        // a new evaluation starts from nothing spent
        clock.budget.restart();
        let engine = new_engine(&clock);
        clock.start();
        engine
            .run("let i = 0; while i < 10000 { i += 1; }")
            .unwrap();
        clock.finish(0);
        assert!(
            (80_000..90_000).contains(&clock.budget.steps()),
            "{}",
            clock.budget.steps()
        );
    }

    #[test]
    fn a_call_after_the_evaluation_s_time_is_spent_stops_at_its_first_step() {
        // calls too short to look at the clock still count their time, and the next call
        // stops once the evaluation's is spent
        let clock = Clock::new(TIME_FOR_TESTS);
        clock
            .budget
            .spend(0, 0, TOTAL_TIME + Duration::from_millis(1));
        assert_eq!(stop(&clock, "let x = 1;"), Stop::TotalTime);
    }

    /// A call time no test run reaches.
    const TIME_FOR_TESTS: Duration = Duration::from_secs(3_600);

    #[test]
    fn eval_and_import_are_not_available() {
        let engine = new_engine(&Clock::new(crate::rules::limits::TIME_LIMIT));
        assert!(engine.compile("eval(\"1\")").is_err());
        assert!(engine.compile("import \"x\" as x;").is_err());
    }
}
