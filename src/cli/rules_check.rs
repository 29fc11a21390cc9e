//! `campaign rules check`: the rule checker on the command line.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::text::Lang;

pub fn run(
    _paths: &[PathBuf],
    _scenario: Option<&Path>,
    _lang: Lang,
    _stdout: &mut dyn Write,
    _stderr: &mut dyn Write,
) -> i32 {
    todo!("rules check: being written")
}
