//! A file the user wrote (the scenario or its coverage CSV), and errors that point into it.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Error, Message, Said};
use crate::files::{Refusal, Special};
use crate::number::size;
use crate::text::{Lang, Text};

/// Where a value is in its file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pos {
    /// A byte offset (TOML values carry spans).
    Offset(usize),
    /// A 1-based line, and the column when it is known (CSV cells).
    Line { line: usize, column: Option<usize> },
    /// The file as a whole (a key that is missing from the top level).
    File,
}

/// The text of a file and the path it was read from, or one `--set KEY=VALUE` of the
/// command line (read like a one-line file, so that its values go through the same checks).
pub(crate) struct Source {
    pub path: PathBuf,
    pub text: String,
    pub origin: Origin,
}

/// Where the text of a [`Source`] comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Origin {
    File,
    /// A `--set KEY=VALUE`: `text` is the setting as typed.
    Setting,
}

/// A position in one source: every value of a scenario read from a base, an overlay or a
/// `--set` keeps the source it was written in.
#[derive(Clone, Copy)]
pub(crate) struct Spot<'a> {
    pub src: &'a Source,
    pub pos: Pos,
}

impl Spot<'_> {
    pub fn error(&self, message: impl Message) -> Error {
        self.src.error(self.pos, message)
    }
}

impl Source {
    /// Reads the regular file at `path`, at most `limit` bytes ([`crate::limits`]), as text;
    /// `what` names the file in the error ("the scenario file").
    pub fn read(path: &Path, what: &Text, limit: u64) -> Result<Source, Error> {
        let bytes = Source::bytes(path, what, limit)?;
        Source::decode(path, what, bytes)
    }

    /// The bytes of the regular file at `path`, at most `limit` of them: a folder, a pipe, a
    /// device, a socket or a larger file is refused with a message naming it and the limit
    /// ([`crate::files::read`]).
    pub fn bytes(path: &Path, what: &Text, limit: u64) -> Result<Vec<u8>, Error> {
        crate::files::read(path, limit).map_err(|refusal| {
            let problem = match refusal {
                Refusal::NotAFile(kind) => FileProblem::NotAFile {
                    what: what.clone(),
                    kind,
                },
                Refusal::TooLarge { size, grew } => FileProblem::TooLarge {
                    what: what.clone(),
                    size,
                    grew,
                    limit,
                },
                Refusal::Io(err) => return Source::unreadable(path, what, &err),
            };
            Error::new(problem).file(path)
        })
    }

    /// The text of `bytes` read from `path`: UTF-8, or UTF-16 with a byte-order mark, without
    /// a byte-order mark.
    pub fn decode(path: &Path, what: &Text, bytes: Vec<u8>) -> Result<Source, Error> {
        // Excel's "Unicode Text" is UTF-16 with a byte-order mark
        if let Some(text) = utf16(&bytes) {
            return Ok(Source {
                path: path.to_path_buf(),
                text: text.map_err(|()| {
                    Error::new(FileProblem::NotUtf16 { what: what.clone() }).file(path)
                })?,
                origin: Origin::File,
            });
        }
        let text = String::from_utf8(bytes).map_err(|err| {
            let offset = err.utf8_error().valid_up_to();
            let valid = String::from_utf8_lossy(&err.as_bytes()[..offset]).into_owned();
            Error::new(FileProblem::NotUtf8 { what: what.clone() })
                .file(path)
                .at_offset(&valid, offset)
        })?;
        // Excel writes a byte-order mark at the start of "CSV UTF-8" files.
        let text = match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_string(),
            None => text,
        };
        Ok(Source {
            path: path.to_path_buf(),
            text,
            origin: Origin::File,
        })
    }

    /// The error for a file that cannot be read; `what` names it ("the scenario file").
    pub fn unreadable(path: &Path, what: &Text, err: &std::io::Error) -> Error {
        Error::new(FileProblem::Unreadable {
            what: what.clone(),
            kind: err.kind(),
            error: err.to_string(),
        })
        .file(path)
    }

    /// One `--set KEY=VALUE`, as typed.
    pub fn setting(text: &str) -> Source {
        Source {
            path: PathBuf::from("--set"),
            text: text.to_string(),
            origin: Origin::Setting,
        }
    }

    pub fn is_setting(&self) -> bool {
        self.origin == Origin::Setting
    }

    /// A position in this source.
    pub fn spot(&self, pos: Pos) -> Spot<'_> {
        Spot { src: self, pos }
    }

    /// An error at `pos` in this file (or setting).
    pub fn error(&self, pos: Pos, message: impl Message) -> Error {
        let err = match self.origin {
            Origin::File => Error::new(message).file(&self.path),
            Origin::Setting => Error::new(message).setting(&self.text),
        };
        match pos {
            Pos::Offset(offset) => {
                // A span from the parser is on a character boundary; never panic if one is not.
                let mut offset = offset.min(self.text.len());
                while !self.text.is_char_boundary(offset) {
                    offset -= 1;
                }
                err.at_offset(&self.text, offset)
            }
            Pos::Line {
                line,
                column: Some(column),
            } => err.at(&self.text, line, column),
            Pos::Line { line, column: None } => {
                let mut err = err;
                err.location.line = Some(line);
                err.location.source_line = self
                    .text
                    .lines()
                    .nth(line.saturating_sub(1))
                    .map(str::to_string);
                err
            }
            Pos::File => err,
        }
    }

    /// The 1-based line of `pos`, when it has one.
    pub fn line(&self, pos: Pos) -> Option<usize> {
        match pos {
            Pos::Offset(offset) => {
                let offset = offset.min(self.text.len());
                let before = self.text.get(..offset)?;
                Some(before.matches('\n').count() + 1)
            }
            Pos::Line { line, .. } => Some(line),
            Pos::File => None,
        }
    }

    /// The folder that relative paths in this file start from; for a `--set`, the current
    /// folder.
    pub fn folder(&self) -> &Path {
        match self.origin {
            Origin::File => self.path.parent().unwrap_or(Path::new("")),
            Origin::Setting => Path::new(""),
        }
    }
}

/// What is wrong with a file before its text is read. `what` names the file as the caller
/// does, in both languages ("the scenario file", "the coverage file x.csv").
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum FileProblem {
    /// It cannot be read: not found, not allowed, a folder, or `error` (the system's words,
    /// shown for any other `kind`).
    Unreadable {
        what: Text,
        kind: ErrorKind,
        error: String,
    },
    /// It starts with a UTF-16 byte-order mark, and the rest is not UTF-16.
    NotUtf16 {
        what: Text,
    },
    NotUtf8 {
        what: Text,
    },
    /// A folder, a pipe, a device or a socket, not a file: it is not opened (a pipe would wait
    /// for a writer, a device would never end).
    NotAFile {
        what: Text,
        kind: Special,
    },
    /// Larger than `limit` bytes ([`crate::limits`]): `size` bytes, or at least `size` when
    /// it grew while it was read.
    TooLarge {
        what: Text,
        size: u64,
        grew: bool,
        limit: u64,
    },
}

/// What to do about a file beyond a limit: (Vietnamese, English).
const LIMIT_HINT: (&str, &str) = (
    "kiểm tra đây đúng là tệp cần đọc; docs/limits.md nói vì sao có giới hạn này và cách làm khi thật sự cần tệp lớn hơn",
    "check that this is the file you meant; docs/limits.md says why this limit exists and what to do when a real case needs more",
);

/// What to do about a path that is not a regular file: (Vietnamese, English).
const REGULAR_HINT: (&str, &str) = (
    "ghi đường dẫn tới một tệp lưu trên đĩa: chương trình không đọc từ ống dẫn, thiết bị hay socket (đọc chúng có thể phải chờ mãi, hoặc không bao giờ hết)",
    "name a file saved on disk: the tool does not read from a pipe, a device or a socket (reading one may wait for ever, or never end)",
);

impl Special {
    /// What it is, after "is": (Vietnamese, English).
    fn said(self) -> (&'static str, &'static str) {
        match self {
            Special::Folder => ("một thư mục", "a folder"),
            Special::Pipe => ("một ống dẫn (FIFO)", "a named pipe (FIFO)"),
            Special::CharDevice => ("một thiết bị", "a device"),
            Special::BlockDevice => ("một thiết bị lưu trữ", "a storage device"),
            Special::Socket => ("một socket", "a socket"),
            Special::Other => ("một tệp đặc biệt", "a special file"),
        }
    }
}

impl Message for FileProblem {
    fn vi(&self) -> Said {
        use FileProblem::*;
        let utf8 = "lưu lại tệp với bảng mã UTF-8 (trong Excel: \"CSV UTF-8\")";
        match self {
            Unreadable { what, kind, error } => {
                let what = &what.vi;
                // Vietnamese puts "not found" first: "không tìm thấy tệp kịch bản"
                Said::new(match kind {
                    ErrorKind::NotFound => format!("không tìm thấy {what}"),
                    ErrorKind::PermissionDenied => format!("{what} không có quyền đọc"),
                    ErrorKind::IsADirectory => format!("{what} là một thư mục, không phải tệp"),
                    _ => format!("{what} không đọc được ({error})"),
                })
                .hint(PATH_HINT.0)
            }
            NotUtf16 { what } => {
                Said::new(format!("{} không phải văn bản UTF-16 hợp lệ", what.vi)).hint(utf8)
            }
            NotUtf8 { what } => {
                Said::new(format!("{} không phải văn bản UTF-8", what.vi)).hint(utf8)
            }
            // (the words of a folder are those of the system's error they replace)
            NotAFile {
                what,
                kind: Special::Folder,
            } => Said::new(format!("{} là một thư mục, không phải tệp", what.vi)).hint(PATH_HINT.0),
            NotAFile { what, kind } => Said::new(format!(
                "{} là {}, không phải tệp thông thường",
                what.vi,
                kind.said().0
            ))
            .hint(REGULAR_HINT.0),
            TooLarge {
                what,
                size: bytes,
                grew,
                limit,
            } => Said::new(if *grew {
                format!(
                    "{} lớn hơn giới hạn {} (tệp lớn dần lên trong khi đọc)",
                    what.vi,
                    size(Lang::Vi, *limit)
                )
            } else {
                format!(
                    "{} nặng {}, quá giới hạn {}",
                    what.vi,
                    size(Lang::Vi, *bytes),
                    size(Lang::Vi, *limit)
                )
            })
            .hint(LIMIT_HINT.0),
        }
    }

    fn en(&self) -> Said {
        use FileProblem::*;
        let utf8 = "save the file again as UTF-8 (in Excel: \"CSV UTF-8\")";
        match self {
            Unreadable { what, kind, error } => {
                let what = what.get(Lang::En);
                Said::new(match kind {
                    ErrorKind::NotFound => format!("{what} was not found"),
                    ErrorKind::PermissionDenied => {
                        format!("{what} cannot be read (permission denied)")
                    }
                    ErrorKind::IsADirectory => format!("{what} is a folder, not a file"),
                    _ => format!("{what} cannot be read ({error})"),
                })
                .hint(PATH_HINT.1)
            }
            NotUtf16 { what } => {
                Said::new(format!("{} is not valid UTF-16 text", what.get(Lang::En))).hint(utf8)
            }
            NotUtf8 { what } => {
                Said::new(format!("{} is not UTF-8 text", what.get(Lang::En))).hint(utf8)
            }
            NotAFile {
                what,
                kind: Special::Folder,
            } => Said::new(format!("{} is a folder, not a file", what.get(Lang::En)))
                .hint(PATH_HINT.1),
            NotAFile { what, kind } => Said::new(format!(
                "{} is {}, not a regular file",
                what.get(Lang::En),
                kind.said().1
            ))
            .hint(REGULAR_HINT.1),
            TooLarge {
                what,
                size: bytes,
                grew,
                limit,
            } => Said::new(if *grew {
                format!(
                    "{} is larger than the limit of {} (it grew while it was read)",
                    what.get(Lang::En),
                    size(Lang::En, *limit)
                )
            } else {
                format!(
                    "{} is {}, above the limit of {}",
                    what.get(Lang::En),
                    size(Lang::En, *bytes),
                    size(Lang::En, *limit)
                )
            })
            .hint(LIMIT_HINT.1),
        }
    }
}

/// What to check when a file named in a scenario (or on the command line) cannot be read:
/// (Vietnamese, English).
const PATH_HINT: (&str, &str) = (
    "kiểm tra đường dẫn và tên tệp (đường dẫn trong kịch bản tính từ thư mục chứa tệp kịch bản)",
    "check the path and the file name (paths in a scenario are relative to the scenario's folder)",
);

/// The hint of [`FileProblem::Unreadable`], for an error another room points elsewhere.
pub(crate) fn path_hint() -> Text {
    Text::new(PATH_HINT.0, PATH_HINT.1)
}

/// The text of UTF-16 `bytes` that start with a byte-order mark (little or big endian),
/// without it; `None` without the mark, `Err` when the rest is not UTF-16.
fn utf16(bytes: &[u8]) -> Option<Result<String, ()>> {
    let little = match bytes {
        [0xFF, 0xFE, ..] => true,
        [0xFE, 0xFF, ..] => false,
        _ => return None,
    };
    let body = &bytes[2..];
    if !body.len().is_multiple_of(2) {
        return Some(Err(()));
    }
    let units = body.chunks_exact(2).map(|p| {
        if little {
            u16::from_le_bytes([p[0], p[1]])
        } else {
            u16::from_be_bytes([p[0], p[1]])
        }
    });
    Some(
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .map_err(|_| ()),
    )
}

/// A list of names for a message: `a`, `b`, `c`.
pub(crate) fn name_list<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    names
        .into_iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(target_os = "linux")]
    fn a_file_that_grows_past_its_limit_is_refused_in_both_languages() {
        // a /proc file says it is empty, and holds more than 10 bytes
        let what = Text::new("tệp kịch bản", "the scenario file");
        let Err(err) = Source::read(Path::new("/proc/self/status"), &what, 10) else {
            panic!("read past its limit");
        };
        assert_eq!(
            err.render(Lang::En),
            "error: /proc/self/status: the scenario file is larger than the limit of 10 bytes \
             (it grew while it was read)\nhint: check that this is the file you meant; \
             docs/limits.md says why this limit exists and what to do when a real case needs more\n"
        );
        assert!(
            err.render(Lang::Vi).starts_with(
                "lỗi: /proc/self/status: tệp kịch bản lớn hơn giới hạn 10 byte (tệp lớn dần lên \
                 trong khi đọc)\ngợi ý: kiểm tra đây đúng là tệp cần đọc"
            ),
            "{}",
            err.render(Lang::Vi)
        );
    }
}
