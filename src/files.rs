//! Finding input files in a folder, and reading one: every file the tool reads comes through
//! [`read`], which reads a regular file only (never waiting on a pipe or a device) and never
//! more than its limit ([`crate::limits`]).

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The files of `folder` whose name ends in `.{extension}` (any case), sorted by file name;
/// none when the folder cannot be read. Subfolders are not searched; anything else so named
/// (a pipe, a device, a broken link) is listed, so that reading it says what it is rather than
/// leaving it out unseen.
pub(crate) fn with_extension(folder: &Path, extension: &str) -> Vec<PathBuf> {
    let mut files = named_with_extension(folder, extension);
    files.retain(|p| !p.is_dir());
    files
}

/// The entries of `folder` whose name ends in `.{extension}` (any case), subfolders so named
/// included (for a reader that says why it does not read them), sorted by file name. Hidden
/// entries (a name starting with `.`) are left out: an editor's lock (Emacs's `.#name.rhai`),
/// the metadata macOS writes beside a file on a shared drive (`._name.rhai`), a hidden copy.
pub(crate) fn named_with_extension(folder: &Path, extension: &str) -> Vec<PathBuf> {
    listed(folder, extension, false)
}

/// The hidden entries of `folder` [`named_with_extension`] leaves out, sorted by file name:
/// for the message about a folder that has no others.
pub(crate) fn hidden_with_extension(folder: &Path, extension: &str) -> Vec<PathBuf> {
    listed(folder, extension, true)
}

fn listed(folder: &Path, extension: &str, hidden: bool) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_name().as_encoded_bytes().starts_with(b".") == hidden)
        .map(|e| e.path())
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e.eq_ignore_ascii_case(extension))
        })
        .collect();
    files.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    files
}

/// The file names of `files`, for a message: `._a.rhai`, `.#b.rhai`.
pub(crate) fn file_names(files: &[PathBuf]) -> String {
    files
        .iter()
        .map(|f| {
            let name = f.file_name().map_or_else(
                || f.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            format!("`{name}`")
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// What a path that is not a regular file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Special {
    Folder,
    /// A named pipe (FIFO): reading it waits for a writer.
    Pipe,
    /// A character device (`/dev/zero`, `/dev/null`, a terminal).
    CharDevice,
    BlockDevice,
    Socket,
    Other,
}

/// Why a file was not read.
#[derive(Debug)]
pub(crate) enum Refusal {
    /// It is not a regular file (following links).
    NotAFile(Special),
    /// It holds more than the limit: `size` bytes, or at least `size` when `grew` (it grew
    /// while it was read).
    TooLarge { size: u64, grew: bool },
    /// The system's error: not found, not allowed, ...
    Io(std::io::Error),
}

/// The bytes of the regular file at `path` (links followed), at most `limit` of them. Anything
/// else is refused before it is opened, so that a pipe never blocks and a device never streams
/// without end; a file that grows while it is read stops at `limit + 1` bytes and is refused.
pub(crate) fn read(path: &Path, limit: u64) -> Result<Vec<u8>, Refusal> {
    let meta = std::fs::metadata(path).map_err(Refusal::Io)?;
    check(&meta, limit)?;
    let file = File::open(path).map_err(Refusal::Io)?;
    // the path may have been replaced between the two looks: ask the opened file itself
    let meta = file.metadata().map_err(Refusal::Io)?;
    check(&meta, limit)?;
    // never more than the limit in advance, whatever the file says of its size
    let capacity = usize::try_from(meta.len().min(limit)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(Refusal::Io)?;
    let read = bytes.len() as u64;
    if read > limit {
        return Err(Refusal::TooLarge {
            size: read.max(meta.len()),
            grew: true,
        });
    }
    Ok(bytes)
}

/// What the path is when it is there but is neither a regular file nor a folder (links
/// followed): a pipe, a device, a socket.
pub(crate) fn special_file(path: &Path) -> Option<Special> {
    let meta = std::fs::metadata(path).ok()?;
    (!meta.is_file() && !meta.is_dir()).then(|| special(&meta.file_type()))
}

/// Refuses what is not a regular file, or is larger than `limit`.
fn check(meta: &std::fs::Metadata, limit: u64) -> Result<(), Refusal> {
    if !meta.is_file() {
        return Err(Refusal::NotAFile(special(&meta.file_type())));
    }
    if meta.len() > limit {
        return Err(Refusal::TooLarge {
            size: meta.len(),
            grew: false,
        });
    }
    Ok(())
}

#[cfg(unix)]
fn special(kind: &std::fs::FileType) -> Special {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_dir() {
        Special::Folder
    } else if kind.is_fifo() {
        Special::Pipe
    } else if kind.is_char_device() {
        Special::CharDevice
    } else if kind.is_block_device() {
        Special::BlockDevice
    } else if kind.is_socket() {
        Special::Socket
    } else {
        Special::Other
    }
}

#[cfg(not(unix))]
fn special(kind: &std::fs::FileType) -> Special {
    if kind.is_dir() {
        Special::Folder
    } else {
        Special::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_within_its_limit_is_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.csv");
        std::fs::write(&path, b"12345").unwrap();
        assert_eq!(read(&path, 5).unwrap(), b"12345");
        assert!(matches!(
            read(&path, 4),
            Err(Refusal::TooLarge {
                size: 5,
                grew: false
            })
        ));
    }

    #[test]
    #[cfg(target_os = "linux")]
    fn a_file_that_says_it_is_empty_is_still_read_no_further_than_its_limit() {
        // /proc files are regular files of size 0 that hold text: the size is not trusted
        assert!(matches!(
            read(Path::new("/proc/self/status"), 10),
            Err(Refusal::TooLarge {
                size: 11,
                grew: true
            })
        ));
        assert!(
            !read(Path::new("/proc/self/status"), 1_000_000)
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn folders_and_devices_are_not_read() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            read(dir.path(), 10),
            Err(Refusal::NotAFile(Special::Folder))
        ));
        #[cfg(unix)]
        assert!(matches!(
            read(Path::new("/dev/zero"), 10),
            Err(Refusal::NotAFile(Special::CharDevice))
        ));
        assert!(matches!(
            read(&dir.path().join("missing"), 10),
            Err(Refusal::Io(e)) if e.kind() == std::io::ErrorKind::NotFound
        ));
    }
}
