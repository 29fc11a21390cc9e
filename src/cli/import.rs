//! `campaign import FILE [--out SCENARIO.toml]`: a coverage table (CSV or XLSX) becomes a
//! scenario skeleton.

use std::io::Write;
use std::path::Path;

use super::{EXIT_PLAN, bad_input, output};
use crate::text::Lang;

/// Reads `file`, writes the skeleton to `out` (atomically) or to `stdout`; returns the exit
/// status.
pub fn run(
    file: &Path,
    out: Option<&Path>,
    lang: Lang,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> i32 {
    let written = output::check_out_of(out, || vec![file.to_path_buf()])
        .and_then(|()| crate::import::read(file))
        .and_then(|coverage| {
            let text = crate::import::skeleton::render(&coverage);
            output::emit(out, text.as_bytes(), stdout)
        });
    match written {
        Ok(()) => EXIT_PLAN,
        Err(e) => bad_input(stderr, &e, lang),
    }
}
