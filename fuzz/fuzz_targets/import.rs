//! `campaign import`: the bytes as its options (`--column`, `--as-of`, `--sheet`, one a line,
//! up to a line `%%`) and a table (CSV, a workbook, or sheets' XML made into one), read as it
//! reads them, then its report and skeleton printed in both languages (`fuzz::import`).
#![no_main]

use campaign_planner::diagnostic::Error;
use campaign_planner::fuzz;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(run) = fuzz::import(bytes) {
        if let Err(e) = &run.imported {
            shown(e);
        }
        // the report goes to the terminal: no control character in it
        for report in &run.reports {
            if let Some(why) = fuzz::misprinted(report) {
                panic!("the report: {why}");
            }
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
