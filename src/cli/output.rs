//! Writing output files so that a failure never leaves a half-written or clobbered file.

use std::io::Write;
use std::path::Path;

use crate::diagnostic::Error;
use crate::text::Text;

/// Writes `bytes` to a temporary file beside `path`, then renames it over `path`.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".campaign-")
        .tempfile_in(dir)
        .map_err(|e| write_error(Some(path), &e))?;
    tmp.write_all(bytes)
        .map_err(|e| write_error(Some(path), &e))?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| write_error(Some(path), &e))?;
    tmp.persist(path)
        .map_err(|e| write_error(Some(path), &e.error))?;
    Ok(())
}

/// The error for output that could not be written.
pub fn write_error(path: Option<&Path>, e: &std::io::Error) -> Error {
    // The kind, not the full message: that names our temporary file, which means nothing to
    // the reader (the path shown is the file they asked for).
    let why = match e.kind() {
        std::io::ErrorKind::NotFound => {
            Text::new("thư mục không tồn tại", "the folder does not exist")
        }
        std::io::ErrorKind::PermissionDenied => {
            Text::new("không có quyền ghi", "permission denied")
        }
        std::io::ErrorKind::IsADirectory => Text::new("đó là một thư mục", "it is a folder"),
        kind => Text::new(kind.to_string(), kind.to_string()),
    };
    let err = Error::new(Text::new(
        format!("không ghi được kết quả ({})", why.vi),
        format!(
            "cannot write the output ({})",
            why.get(crate::text::Lang::En)
        ),
    ))
    .hint(Text::new(
        "kiểm tra thư mục có tồn tại và có quyền ghi; tệp cũ (nếu có) vẫn nguyên vẹn",
        "check that the folder exists and can be written; any existing file is left untouched",
    ));
    match path {
        Some(p) => err.file(p),
        None => err,
    }
}
