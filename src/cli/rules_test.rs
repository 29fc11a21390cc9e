//! `campaign rules test`: the rule tests on the command line.

use std::io::Write;
use std::path::PathBuf;

use crate::text::Lang;

pub fn run(
    _paths: &[PathBuf],
    _lang: Lang,
    _stdout: &mut dyn Write,
    _stderr: &mut dyn Write,
) -> i32 {
    todo!("rules test: being written")
}
