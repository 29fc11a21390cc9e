//! `campaign sweep` (being written).

use std::io::Write;
use std::path::Path;

use crate::report::Format;
use crate::text::Lang;

#[allow(clippy::too_many_arguments)]
pub fn run(
    scenario: &std::path::Path,
    vary: &str,
    settings: &[String],
    format: Format,
    lang: Lang,
    out: Option<&Path>,
    jobs: Option<usize>,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> i32 {
    todo!("campaign sweep: being written")
}
