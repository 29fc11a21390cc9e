//! `campaign compare` (being written).

use std::io::Write;
use std::path::Path;

use crate::report::Format;
use crate::text::Lang;

#[allow(clippy::too_many_arguments)]
pub fn run(
    scenarios: &[std::path::PathBuf],
    settings: &[String],
    format: Format,
    lang: Lang,
    out: Option<&Path>,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> i32 {
    todo!("campaign compare: being written")
}
