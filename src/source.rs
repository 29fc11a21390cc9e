//! A file the user wrote (the scenario or its coverage CSV), and errors that point into it.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Error, Message, Said};
use crate::files::{Refusal, Special};
use crate::number::{size, size_beside};
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
    /// The byte offset where each line starts, worked out at the first error: an error's line
    /// and column are then found by a binary search, so that many places taken in one file
    /// (every `[params]` value's) cost no more than reading it.
    pub line_starts: std::sync::OnceLock<Vec<usize>>,
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

    /// Where this is, as a message names the place of another value than the one it points
    /// at: `o/base.toml:65`, or the `--set` as typed.
    pub fn place(&self) -> String {
        if self.src.is_setting() {
            format!("--set {}", self.src.text)
        } else {
            match self.src.line(self.pos) {
                Some(line) => format!("{}:{line}", self.src.path.display()),
                None => self.src.path.display().to_string(),
            }
        }
    }

    /// Where this is, as an error shows it (the file, line and column, or the `--set`).
    pub fn location(&self) -> crate::diagnostic::Location {
        *self.src.error(self.pos, Text::new("", "")).location
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
                line_starts: Default::default(),
                path: path.to_path_buf(),
                text: text.map_err(|()| {
                    Error::new(FileProblem::NotUtf16 {
                        what: what.clone(),
                        table: is_table(path),
                    })
                    .file(path)
                })?,
                origin: Origin::File,
            });
        }
        let text = String::from_utf8(bytes).map_err(|err| {
            let offset = err.utf8_error().valid_up_to();
            let valid = String::from_utf8_lossy(&err.as_bytes()[..offset]).into_owned();
            Error::new(FileProblem::NotUtf8 {
                what: what.clone(),
                table: is_table(path),
            })
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
            line_starts: Default::default(),
        })
    }

    /// The error for a file that cannot be read; `what` names it ("the scenario file").
    pub fn unreadable(path: &Path, what: &Text, err: &std::io::Error) -> Error {
        // a link that points nowhere is "not found" to the system: say it is the link
        if err.kind() == ErrorKind::NotFound
            && let Ok(target) = std::fs::read_link(path)
        {
            let target = crate::text::show_hidden(&target.display().to_string());
            return Error::new(FileProblem::DanglingLink {
                what: what.clone(),
                target: crate::diagnostic::shortened(&target),
            })
            .file(path);
        }
        Error::new(FileProblem::Unreadable {
            what: what.clone(),
            cause: IoCause::of(err),
        })
        .file(path)
    }

    /// The error for `path` when it is a symbolic link that leads nowhere or loops back on
    /// itself (`what` names it, "the rule file"); `None` for anything else, a missing path
    /// included. Such a link is "not found" to a plain existence check, while `ls` shows it.
    pub fn broken_link(path: &Path, what: &Text) -> Option<Error> {
        path.symlink_metadata().ok()?;
        let err = std::fs::metadata(path).err()?;
        Some(Source::unreadable(path, what, &err))
    }

    /// "the rule file PATH", as a message about a rule file named in a scenario, a rule test or
    /// on the command line names it.
    pub fn rule_file(path: &Path) -> Text {
        let shown = path.display();
        Text::new(
            format!("tệp quy tắc {shown}"),
            format!("the rule file {shown}"),
        )
    }

    /// [`Source::broken_link`], pointed at `pos` of this source (the line that names the
    /// path), as the error of `field`.
    pub fn broken_link_at(&self, pos: Pos, field: &str, path: &Path, what: &Text) -> Option<Error> {
        let broken = Source::broken_link(path, what)?;
        let mut at = self.error(pos, broken.message).field(field);
        at.hint = broken.hint;
        Some(at)
    }

    /// Reads a text written with old Mac line endings (a carriage return alone, no line feed
    /// anywhere) with each CR as a line break: the bytes keep their places, so lines and
    /// columns in messages are those of the file. A CR in a file that has line feeds is left
    /// as it is (the TOML reader shows it where it is).
    pub fn cr_only_lines(&mut self) {
        if let Some(text) = cr_only_lines(&self.text) {
            self.text = text;
            self.line_starts = Default::default();
        }
    }

    /// One `--set KEY=VALUE`, as typed.
    pub fn setting(text: &str) -> Source {
        Source {
            path: PathBuf::from("--set"),
            text: text.to_string(),
            origin: Origin::Setting,
            line_starts: Default::default(),
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
        let mut err = err;
        let (line, column) = match pos {
            Pos::Offset(offset) => {
                // A span from the parser is on a character boundary; never panic if one is not.
                let mut offset = offset.min(self.text.len());
                while !self.text.is_char_boundary(offset) {
                    offset -= 1;
                }
                let starts = self.line_starts();
                let line = starts.partition_point(|&start| start <= offset);
                let start = starts[line - 1];
                (line, Some(self.text[start..offset].chars().count() + 1))
            }
            Pos::Line { line, column } => (line, column),
            Pos::File => return err,
        };
        err.location.line = Some(line);
        err.location.column = column;
        err.location.source_line = self.line_text(line).map(str::to_string);
        err
    }

    /// Where each line starts ([`Source::line_starts`]), the first line at 0.
    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        })
    }

    /// The text of the 1-based `line`, without its line break, as `str::lines` gives it.
    fn line_text(&self, line: usize) -> Option<&str> {
        let starts = self.line_starts();
        let start = *starts.get(line.checked_sub(1)?)?;
        if start >= self.text.len() {
            return None;
        }
        let end = starts.get(line).map_or(self.text.len(), |next| next - 1);
        let text = &self.text[start..end];
        Some(text.strip_suffix('\r').unwrap_or(text))
    }

    /// The 1-based line of `pos`, when it has one.
    pub fn line(&self, pos: Pos) -> Option<usize> {
        match pos {
            Pos::Offset(offset) => {
                let offset = offset.min(self.text.len());
                Some(self.line_starts().partition_point(|&start| start <= offset))
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

/// `text` with each carriage return as a line feed, when it was written with old Mac line
/// endings (a CR alone, no line feed anywhere); `None` for any other text, which is left as it
/// is. Every byte keeps its place, so a line and column found in the result are those an editor
/// shows in the file. Scenario files ([`Source::cr_only_lines`]), rule test files and rule
/// files (Rhai counts lines at line feeds only) are all read this way.
pub(crate) fn cr_only_lines(text: &str) -> Option<String> {
    (text.contains('\r') && !text.contains('\n')).then(|| text.replace('\r', "\n"))
}

/// What is wrong with a file before its text is read. `what` names the file as the caller
/// does, in both languages ("the scenario file", "the coverage file x.csv").
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum FileProblem {
    /// It cannot be read: not found, not allowed, a folder, a link that loops, ...
    Unreadable {
        what: Text,
        cause: IoCause,
    },
    /// It is a symbolic link to `target` (as the link writes it), which does not exist.
    DanglingLink {
        what: Text,
        target: String,
    },
    /// It starts with a UTF-16 byte-order mark, and the rest is not UTF-16.
    /// `table`: a table (.csv, .tsv, .txt), saved from a spreadsheet; else a text file written
    /// in an editor (a scenario, a rule test), so the hint names the editor, not Excel.
    NotUtf16 {
        what: Text,
        table: bool,
    },
    NotUtf8 {
        what: Text,
        table: bool,
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

/// Why the system could not open or read a file, as a user can be told it: the system's own
/// words are English (and "os error 40" says nothing to an official), so each cause a user can
/// meet has its words in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum IoCause {
    NotFound,
    Denied,
    Folder,
    /// A part of the path before the last is a file, not a folder (`a.toml/b.toml`).
    NotAFolder,
    /// A symbolic link that leads back to itself (ELOOP).
    LinkLoop,
    /// The name, or the whole path, is longer than the system allows (ENAMETOOLONG).
    NameTooLong,
    /// The disk (or the network share) failed while reading (EIO).
    DiskError,
    /// The disk is full (ENOSPC, when writing).
    DiskFull,
    /// Any other: the system's error number, if any, and its words (shown in English only).
    Other {
        code: Option<i32>,
        text: String,
    },
}

impl IoCause {
    pub(crate) fn of(err: &std::io::Error) -> IoCause {
        match err.kind() {
            ErrorKind::NotFound => return IoCause::NotFound,
            ErrorKind::PermissionDenied => return IoCause::Denied,
            ErrorKind::IsADirectory => return IoCause::Folder,
            ErrorKind::NotADirectory => return IoCause::NotAFolder,
            ErrorKind::InvalidFilename => return IoCause::NameTooLong,
            ErrorKind::StorageFull => return IoCause::DiskFull,
            _ => {}
        }
        // the system's numbers for what std does not name yet (a loop is not a stable kind)
        #[cfg(any(target_os = "linux", target_os = "android"))]
        const ERRNO: [(i32, IoCause); 3] = [
            (40, IoCause::LinkLoop),
            (36, IoCause::NameTooLong),
            (5, IoCause::DiskError),
        ];
        #[cfg(any(target_os = "macos", target_os = "ios", target_os = "freebsd"))]
        const ERRNO: [(i32, IoCause); 3] = [
            (62, IoCause::LinkLoop),
            (63, IoCause::NameTooLong),
            (5, IoCause::DiskError),
        ];
        #[cfg(not(any(
            target_os = "linux",
            target_os = "android",
            target_os = "macos",
            target_os = "ios",
            target_os = "freebsd"
        )))]
        const ERRNO: [(i32, IoCause); 0] = [];
        if let Some(code) = err.raw_os_error()
            && let Some((_, cause)) = ERRNO.iter().find(|(c, _)| *c == code)
        {
            return cause.clone();
        }
        IoCause::Other {
            code: err.raw_os_error(),
            text: err.to_string(),
        }
    }

    /// "`what` cannot be read: ..." and the hint, in Vietnamese (`what` already in it).
    fn vi(&self, what: &str) -> (String, &'static str) {
        use IoCause::*;
        match self {
            NotFound => (format!("không tìm thấy {what}"), PATH_HINT.0),
            Denied => (format!("{what} không có quyền đọc"), DENIED_HINT.0),
            Folder => (
                format!("{what} là một thư mục, không phải tệp"),
                PATH_HINT.0,
            ),
            NotAFolder => (
                format!(
                    "{what} không đọc được: một phần của đường dẫn trước tên tệp là một tệp, không phải thư mục"
                ),
                PATH_HINT.0,
            ),
            LinkLoop => (
                format!(
                    "{what} là một liên kết (symlink) vòng lại chính nó: đi theo liên kết không bao giờ tới được một tệp"
                ),
                LOOP_HINT.0,
            ),
            NameTooLong => (
                format!(
                    "{what} không mở được: tên tệp hoặc đường dẫn dài quá mức hệ thống cho phép"
                ),
                LONG_HINT.0,
            ),
            DiskError => (
                format!("{what} không đọc được: ổ đĩa (hoặc thư mục mạng) báo lỗi khi đọc"),
                DISK_HINT.0,
            ),
            DiskFull => (format!("không ghi được {what}: ổ đĩa đã đầy"), FULL_HINT.0),
            Other {
                code: Some(code), ..
            } => (
                format!("{what} không đọc được (lỗi hệ thống số {code})"),
                PATH_HINT.0,
            ),
            Other { code: None, .. } => (format!("{what} không đọc được"), PATH_HINT.0),
        }
    }

    /// The same in English (`what` already in it).
    fn en(&self, what: &str) -> (String, &'static str) {
        use IoCause::*;
        match self {
            NotFound => (format!("{what} was not found"), PATH_HINT.1),
            Denied => (
                format!("{what} cannot be read (permission denied)"),
                DENIED_HINT.1,
            ),
            Folder => (format!("{what} is a folder, not a file"), PATH_HINT.1),
            NotAFolder => (
                format!(
                    "{what} cannot be read: a part of the path before the file name is a file, not a folder"
                ),
                PATH_HINT.1,
            ),
            LinkLoop => (
                format!(
                    "{what} is a symbolic link that loops back on itself: following it never reaches a file"
                ),
                LOOP_HINT.1,
            ),
            NameTooLong => (
                format!(
                    "{what} cannot be opened: its name or path is longer than the system allows"
                ),
                LONG_HINT.1,
            ),
            DiskError => (
                format!("{what} cannot be read: the disk (or network share) failed while reading"),
                DISK_HINT.1,
            ),
            DiskFull => (
                format!("{what} cannot be written: the disk is full"),
                FULL_HINT.1,
            ),
            Other { text, .. } => (format!("{what} cannot be read ({text})"), PATH_HINT.1),
        }
    }
}

/// What to do about a text file (a scenario, a rule test) that is not UTF-8: it is written in
/// a text editor, not saved from Excel.
const TEXT_UTF8_HINT: (&str, &str) = (
    "mở tệp bằng một trình soạn thảo văn bản (Notepad, VS Code) và lưu lại với bảng mã UTF-8 (Notepad: Lưu thành… → Mã hóa: UTF-8); nếu đây không phải tệp kịch bản, kiểm tra đường dẫn",
    "open the file in a text editor (Notepad, VS Code) and save it as UTF-8 (Notepad: Save As… → Encoding: UTF-8); if this is not a scenario file, check the path",
);

/// Whether the file at `path` is a table saved from a spreadsheet (by its extension).
fn is_table(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ["csv", "tsv", "txt"]
            .iter()
            .any(|t| e.eq_ignore_ascii_case(t))
    })
}

const DENIED_HINT: (&str, &str) = (
    "tài khoản đang chạy lệnh không được đọc tệp này: nhờ người quản trị máy cấp quyền đọc, hoặc chép tệp vào thư mục của bạn",
    "the account running the command may not read it: ask the machine's administrator for read access, or copy the file into a folder of yours",
);

const LOOP_HINT: (&str, &str) = (
    "xóa liên kết này, hoặc tạo lại nó trỏ tới tệp thật (`ls -l` cho biết liên kết trỏ tới đâu)",
    "delete the link, or make it again pointing at the real file (`ls -l` shows where a link points)",
);

const LONG_HINT: (&str, &str) = (
    "đặt tệp vào một thư mục có đường dẫn ngắn hơn, hoặc đổi tên tệp cho ngắn lại",
    "move the file to a folder with a shorter path, or give it a shorter name",
);

const DISK_HINT: (&str, &str) = (
    "chạy lại lệnh; nếu vẫn lỗi, chép tệp sang ổ đĩa khác rồi dùng bản chép, và báo người quản trị máy kiểm tra ổ đĩa",
    "run the command again; if it fails again, copy the file to another disk, use the copy, and ask the machine's administrator to check the disk",
);

const FULL_HINT: (&str, &str) = (
    "giải phóng chỗ trên ổ đĩa (xóa tệp không cần), hoặc ghi ra một ổ đĩa khác",
    "free some space on the disk (delete files you do not need), or write to another disk",
);

const DANGLING_HINT: (&str, &str) = (
    "sửa liên kết cho trỏ tới tệp có thật, hoặc xóa liên kết nếu không cần nó nữa",
    "make the link point at a file that exists, or delete the link if it is not needed",
);

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
        let utf8 = |table: bool| {
            if table {
                "lưu lại tệp với bảng mã UTF-8 (trong Excel: \"CSV UTF-8\")"
            } else {
                TEXT_UTF8_HINT.0
            }
        };
        match self {
            Unreadable { what, cause } => {
                // Vietnamese puts "not found" first: "không tìm thấy tệp kịch bản"
                let (problem, hint) = cause.vi(&what.vi);
                Said::new(problem).hint(hint)
            }
            DanglingLink { what, target } => Said::new(format!(
                "{} là một liên kết (symlink) trỏ tới `{target}`, nhưng tệp đó không có",
                what.vi
            ))
            .hint(DANGLING_HINT.0),
            NotUtf16 { what, table } => {
                Said::new(format!("{} không phải văn bản UTF-16 hợp lệ", what.vi))
                    .hint(utf8(*table))
            }
            NotUtf8 { what, table } => {
                Said::new(format!("{} không phải văn bản UTF-8", what.vi)).hint(utf8(*table))
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
                    size_beside(Lang::Vi, *bytes, *limit).0,
                    size_beside(Lang::Vi, *bytes, *limit).1
                )
            })
            .hint(LIMIT_HINT.0),
        }
    }

    fn en(&self) -> Said {
        use FileProblem::*;
        let utf8 = |table: bool| {
            if table {
                "save the file again as UTF-8 (in Excel: \"CSV UTF-8\")"
            } else {
                TEXT_UTF8_HINT.1
            }
        };
        match self {
            Unreadable { what, cause } => {
                let (problem, hint) = cause.en(what.get(Lang::En));
                Said::new(problem).hint(hint)
            }
            DanglingLink { what, target } => Said::new(format!(
                "{} is a symbolic link to `{target}`, which does not exist",
                what.get(Lang::En)
            ))
            .hint(DANGLING_HINT.1),
            NotUtf16 { what, table } => {
                Said::new(format!("{} is not valid UTF-16 text", what.get(Lang::En)))
                    .hint(utf8(*table))
            }
            NotUtf8 { what, table } => {
                Said::new(format!("{} is not UTF-8 text", what.get(Lang::En))).hint(utf8(*table))
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
                    size_beside(Lang::En, *bytes, *limit).0,
                    size_beside(Lang::En, *bytes, *limit).1
                )
            })
            .hint(LIMIT_HINT.1),
        }
    }
}

/// What to check when a file named on the command line cannot be read: (Vietnamese, English).
/// A file named in a scenario is pointed at the line that names it, with [`path_hint`].
const PATH_HINT: (&str, &str) = (
    "kiểm tra đường dẫn và tên tệp: đường dẫn ghi trên dòng lệnh tính từ thư mục đang mở trong cửa sổ lệnh",
    "check the path and the file name: a path on the command line is relative to the folder the command is run from",
);

/// What to check when a file named in a scenario cannot be read, for the error pointed at the
/// line that names it: (Vietnamese, English).
const SCENARIO_PATH_HINT: (&str, &str) = (
    "kiểm tra đường dẫn và tên tệp (đường dẫn trong kịch bản tính từ thư mục chứa tệp kịch bản)",
    "check the path and the file name (paths in a scenario are relative to the scenario's folder)",
);

/// The hint for the file at `path`, named in a scenario, that cannot be read, for the error
/// pointed at the scenario's line: the reader's own `hint` for a pipe or a device (what to
/// name instead), else that paths are relative to the scenario's folder.
pub(crate) fn named_file_hint(path: &Path, hint: Option<Text>) -> Option<Text> {
    // a link that points nowhere or loops has its own hint
    if path.symlink_metadata().is_ok() && !path.is_dir() {
        hint
    } else {
        Some(Text::new(SCENARIO_PATH_HINT.0, SCENARIO_PATH_HINT.1))
    }
}

/// The text of UTF-16 `bytes` that start with a byte-order mark (little or big endian),
/// without it; `None` without the mark, `Err` when the rest is not UTF-16.
pub(crate) fn utf16(bytes: &[u8]) -> Option<Result<String, ()>> {
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
    fn system_errors_are_said_in_both_languages_without_the_system_s_english() {
        let what = Text::new("tệp kịch bản", "the scenario file");
        for (code, vi, en) in [
            (40, "vòng lại chính nó", "loops back on itself"),
            (
                36,
                "dài quá mức hệ thống cho phép",
                "longer than the system allows",
            ),
            (
                5,
                "ổ đĩa (hoặc thư mục mạng) báo lỗi khi đọc",
                "the disk (or network share) failed",
            ),
            (28, "ổ đĩa đã đầy", "the disk is full"),
            (
                20,
                "là một tệp, không phải thư mục",
                "is a file, not a folder",
            ),
            (13, "không có quyền đọc", "permission denied"),
        ] {
            let err = std::io::Error::from_raw_os_error(code);
            let e = Source::unreadable(Path::new("/nowhere/a.toml"), &what, &err);
            let (said_vi, said_en) = (e.render(Lang::Vi), e.render(Lang::En));
            assert!(said_vi.contains(vi), "{code}: {said_vi}");
            assert!(said_en.contains(en), "{code}: {said_en}");
            assert!(!said_vi.contains("os error"), "{said_vi}");
            assert!(said_vi.contains("gợi ý: ") && said_en.contains("hint: "));
        }
        // any other: its number in Vietnamese, never the system's English
        let err = std::io::Error::from_raw_os_error(71);
        let e = Source::unreadable(Path::new("a.toml"), &what, &err);
        assert!(
            e.render(Lang::Vi).contains("lỗi hệ thống số 71"),
            "{}",
            e.render(Lang::Vi)
        );
        assert!(!e.render(Lang::Vi).contains("os error"));
    }

    #[test]
    #[cfg(unix)]
    fn a_link_to_nothing_is_said_as_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let at = dir.path().join("a.toml");
        std::os::unix::fs::symlink("gone.toml", &at).unwrap();
        let what = Text::new("tệp kịch bản", "the scenario file");
        let Err(e) = Source::read(&at, &what, 100) else {
            panic!("a link to nothing was read");
        };
        assert!(
            e.render(Lang::En)
                .contains("is a symbolic link to `gone.toml`, which does not exist")
        );
        assert!(
            e.render(Lang::Vi)
                .contains("trỏ tới `gone.toml`, nhưng tệp đó không có")
        );
    }

    #[test]
    fn a_scenario_that_is_not_utf8_is_saved_again_from_an_editor_a_table_from_excel() {
        let what = Text::new("tệp", "the file");
        let e = Source::decode(Path::new("a.toml"), &what, vec![b'a', 0xff])
            .err()
            .unwrap();
        assert!(
            e.render(Lang::En)
                .contains("open the file in a text editor")
        );
        assert!(!e.render(Lang::En).contains("Excel"));
        let e = Source::decode(Path::new("a.csv"), &what, vec![b'a', 0xff])
            .err()
            .unwrap();
        assert!(e.render(Lang::En).contains("(in Excel: \"CSV UTF-8\")"));
    }

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
