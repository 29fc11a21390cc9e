//! The coverage table readers (`campaign import`'s and a scenario's): the bytes as
//! `scenarios/coverage.csv`.
#![no_main]

use campaign_planner::diagnostic::Error;
use campaign_planner::fuzz;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(tables) = fuzz::coverage_csv(bytes) {
        for e in [tables.import.err(), tables.scenario.err()]
            .iter()
            .flatten()
        {
            shown(e);
        }
    }
});

/// Renders the error in both languages: a message that would fail its reader
/// (`fuzz::misread`: a control character sent to the terminal, a line echoed whole) is a crash.
fn shown(e: &Error) {
    if let Some(why) = fuzz::misread(e) {
        panic!("{why}");
    }
}
