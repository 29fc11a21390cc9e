//! Writing output files so that a failure never leaves a half-written or clobbered file.

use std::io::Write;
use std::path::Path;

use super::message::OutputProblem;
use crate::diagnostic::Error;

/// Writes `bytes` to a temporary file beside `path`, then renames it over `path`. A link is
/// followed (the file it points to is replaced); an existing file keeps its permissions, a
/// new one gets the usual `rw-r--r--`.
/// Writes `bytes` to `out` (atomically) or, without `--out`, to `stdout`.
pub fn emit(
    out: Option<&Path>,
    bytes: &[u8],
    stdout: &mut dyn std::io::Write,
) -> Result<(), Error> {
    match out {
        Some(path) => write_atomically(path, bytes),
        None => stdout.write_all(bytes).map_err(|e| write_error(None, &e)),
    }
}

pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let shown = path;
    let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let path = target.as_path();
    let permissions = std::fs::metadata(path)
        .map(|meta| meta.permissions())
        .ok()
        .or_else(default_permissions);
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".campaign-")
        .tempfile_in(dir)
        .map_err(|e| write_error(Some(shown), &e))?;
    tmp.write_all(bytes)
        .map_err(|e| write_error(Some(shown), &e))?;
    if let Some(permissions) = permissions {
        tmp.as_file()
            .set_permissions(permissions)
            .map_err(|e| write_error(Some(shown), &e))?;
    }
    tmp.as_file()
        .sync_all()
        .map_err(|e| write_error(Some(shown), &e))?;
    tmp.persist(path)
        .map_err(|e| write_error(Some(shown), &e.error))?;
    Ok(())
}

/// The error for output that could not be written.
pub fn write_error(path: Option<&Path>, e: &std::io::Error) -> Error {
    // The kind, not the full message: that names our temporary file, which means nothing to
    // the reader (the path shown is the file they asked for).
    let err = Error::new(OutputProblem::CannotWrite { kind: e.kind() });
    match path {
        Some(p) => err.file(p),
        None => err,
    }
}

/// What a new output file gets: `rw-r--r--` (a temporary file alone would be `rw-------`).
#[cfg(unix)]
fn default_permissions() -> Option<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn default_permissions() -> Option<std::fs::Permissions> {
    None
}
