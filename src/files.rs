//! Finding input files in a folder.

use std::path::{Path, PathBuf};

/// The files of `folder` whose name ends in `.{extension}` (any case), sorted by file name;
/// none when the folder cannot be read. Subfolders are not searched.
pub(crate) fn with_extension(folder: &Path, extension: &str) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.is_file()
                && p.extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case(extension))
        })
        .collect();
    files.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    files
}
