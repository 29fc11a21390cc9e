//! The rule checker and engine: the bytes as a rule file, checked, then run (both hooks) on a
//! small fixed scenario.
#![no_main]

use campaign_planner::diagnostic::Error;
use campaign_planner::fuzz;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(problems) = fuzz::rules_check(bytes) {
        for e in &problems {
            shown(e);
        }
    }
    if let Err(e) = fuzz::rules_run(bytes) {
        shown(&e);
    }
});

/// Renders the error in both languages: a message that would fail its reader
/// (`fuzz::misread`: a control character sent to the terminal, a line echoed whole) is a crash.
fn shown(e: &Error) {
    if let Some(why) = fuzz::misread(e) {
        panic!("{why}");
    }
}
