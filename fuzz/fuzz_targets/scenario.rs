//! The scenario loader: the bytes as `scenarios/scenario.toml` beside the shipped files, and
//! after a line `%%` a `[[history]]` file it may name (`history.csv`, `history.xlsx`).
#![no_main]

use campaign_planner::diagnostic::Error;
use campaign_planner::fuzz;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Err(e) = fuzz::scenario_from_bytes(bytes) {
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
