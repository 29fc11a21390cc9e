//! What can be wrong on the command line, each kind with its data, worded once per language:
//! a `--set` where it does not apply, where the output goes, `campaign generate`'s numbers,
//! `campaign rules check`'s paths, and what a rule check comes to; what the argument parser
//! refuses is in `usage.rs`.

use std::path::PathBuf;

mod usage;

pub(crate) use usage::{Arg, UsageProblem};

use crate::diagnostic::{Message, Said};
use crate::number::count;
use crate::synthetic::MAX_UNITS;
use crate::text::Lang;

/// A `--set` given to a command it does not apply to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum SetProblem {
    /// `--set` with `campaign rules test`: each test file names its scenario.
    WithRulesTest,
    /// `--set` with `campaign generate`, which has no scenario to change yet.
    WithGenerate,
    /// `--set` with `campaign import`, which reads a table, not a scenario.
    WithImport,
    /// `--set` (the first, as typed) with `campaign rules check` but no `--scenario`.
    WithoutScenario { setting: String },
}

impl Message for SetProblem {
    fn vi(&self) -> Said {
        use SetProblem::*;
        match self {
            WithRulesTest => Said::new("`--set` không dùng được với `campaign rules test`").hint(
                "mỗi tệp kiểm thử ghi kịch bản và [params] của nó; đổi giá trị trong tệp kiểm thử (params = { ... } của từng trường hợp)",
            ),
            WithGenerate => Said::new("`--set` không dùng được với `campaign generate`").hint(
                "đặt giá trị bằng các tùy chọn của lệnh (--target, --floor, --budget, --objective), \
                 hoặc tạo tệp trước rồi chạy `campaign plan TỆP --set ...`",
            ),
            WithImport => Said::new("`--set` không dùng được với `campaign import`").hint(
                "lệnh import đọc bảng số liệu và viết khung kịch bản; sửa giá trị trong tệp kịch bản đã viết, \
                 hoặc chạy `campaign plan TỆP --set ...` với tệp đó",
            ),
            WithoutScenario { setting } => {
                Said::new("--set thay đổi một kịch bản, nên cần --scenario").hint(format!(
                    "ghi kịch bản cần thay đổi, ví dụ: campaign rules check --scenario scenarios/lang-son-2020-09-01.toml --set {setting}"
                ))
            }
        }
    }

    fn en(&self) -> Said {
        use SetProblem::*;
        match self {
            WithRulesTest => Said::new("`--set` does not apply to `campaign rules test`").hint(
                "each test file names its scenario and [params]; change the value in the test file (a case's params = { ... })",
            ),
            WithGenerate => Said::new("`--set` does not apply to `campaign generate`").hint(
                "set values with the command's options (--target, --floor, --budget, --objective), \
                 or generate the file first, then run `campaign plan FILE --set ...`",
            ),
            WithImport => Said::new("`--set` does not apply to `campaign import`").hint(
                "import reads a table and writes a scenario skeleton; change the value in the scenario it writes, \
                 or run `campaign plan FILE --set ...` on that file",
            ),
            WithoutScenario { setting } => {
                Said::new("--set changes a scenario, so it needs --scenario").hint(format!(
                    "name the scenario to change, e.g. campaign rules check --scenario scenarios/lang-son-2020-09-01.toml --set {setting}"
                ))
            }
        }
    }
}

/// What a command cannot write, or where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum OutputProblem {
    /// A printable format (html, csv, xlsx) asked of a command other than `plan`.
    PlanOnly {
        command: String,
        format: &'static str,
    },
    /// `generate` or `import` (`command`) asked to write its scenario into a file whose
    /// extension (`ext`) names a plan's format (`.csv`, `.xlsx`, ...): a scenario is TOML text.
    ScenarioExtension { command: &'static str, ext: String },
    /// `--out` without `--format`, its extension (`ext`, as typed) naming no format;
    /// `plan`: the command is `campaign plan`, which writes more formats than the others.
    UnknownExtension { ext: String, plan: bool },
    /// `--out` ends in `.toml` or `.rhai` (`ext`, as typed), as the tool's inputs do (a
    /// scenario, a rule test, a rule), whatever `--format` says.
    InputExtension { ext: String, plan: bool },
    /// `--format` (`given`) that is not the format `--out`'s extension (`ext`) names
    /// (`named`).
    Contradicts {
        ext: String,
        given: &'static str,
        named: &'static str,
        plan: bool,
    },
    /// A binary format (xlsx) without `--out`.
    NeedsOut { format: &'static str },
    /// The output could not be written: a file (`file`), or standard output (the terminal, a
    /// pipe); `cause` says why, in the user's words.
    CannotWrite { cause: WriteCause, file: bool },
    /// `--out` names something that is not a regular file: a folder, or a device or pipe.
    NotAFile { folder: bool },
    /// `--out` names a new file in a system folder (`/dev`, `/proc`), or in a folder that is
    /// one through a link.
    SystemFolder { folder: PathBuf },
    /// `--out` names a read-only file (or one this user may not write).
    ReadOnly,
    /// `--out` is a link to nothing, or one of a loop of links.
    BrokenLink,
    /// `campaign {command}` (generate, import) would replace a file that no such command wrote
    /// (a real scenario), or (`checked`) a skeleton whose assumptions someone has checked.
    NotMadeHere {
        command: &'static str,
        checked: bool,
    },
    /// `--out` names a file this run reads; `input` is the path the run reads it by, where
    /// that is written otherwise (a link, `../`).
    IsAnInput { input: Option<PathBuf> },
    /// `--out` names an existing table (`.csv`) or workbook (`.xlsx`, `ext` as typed) that is
    /// not a plan the tool wrote: a coverage table, a report, a snapshot of `[[history]]`.
    NotAPlan { ext: String },
    /// `--out` names an existing file of another name that the tool did not write (a coverage
    /// table saved as `.txt` or without extension, a scenario, a README, ...) or, `letter`, a
    /// Word letter it wrote that has been changed since (filled in, signed): trial 13g K3.
    NotWrittenHere { letter: bool },
}

impl Message for OutputProblem {
    fn vi(&self) -> Said {
        use OutputProblem::*;
        match self {
            PlanOnly { command, format } => Said::new(format!(
                "lệnh `{command}` không xuất được định dạng {format}: chỉ lệnh `plan` in được {format}"
            ))
            .hint("dùng --format text, markdown hoặc json (tệp .txt, .md hoặc .json)"),
            ScenarioExtension { command, ext } if ext.is_empty() => Said::new(format!(
                "`campaign {command}` ghi một kịch bản (văn bản TOML), nhưng tên tệp không có đuôi .toml"
            ))
            .hint("đặt tên tệp có đuôi .toml, ví dụ --out scenarios/tinh-moi.toml"),
            ScenarioExtension { command, ext } => Said::new(format!(
                "`campaign {command}` ghi một kịch bản (văn bản TOML), nhưng tên tệp có đuôi .{ext}: tệp sẽ không mở được đúng như tên của nó{}",
                if ext.eq_ignore_ascii_case("rhai") { ", và sẽ bị đọc như một quy tắc" } else { "" }
            ))
            .hint("đặt tên tệp có đuôi .toml, ví dụ --out scenarios/tinh-moi.toml"),
            InputExtension { ext, plan } => Said::new(format!(
                "tên tệp kết quả có đuôi .{ext}, đuôi của {}: kết quả ghi vào đó sẽ thay mất (hoặc bị nhầm là) một tệp như vậy",
                input_kind(Lang::Vi, ext)
            ))
            .hint(format!(
                "đặt đuôi tệp theo định dạng kết quả: {}",
                extensions(Lang::Vi, *plan)
            )),
            UnknownExtension { ext, plan } => Said::new(format!(
                "tên tệp kết quả có đuôi .{ext}, không phải đuôi của định dạng nào chương trình viết được"
            ))
            .hint(format!(
                "đặt đuôi tệp theo định dạng muốn có: {}; hoặc ghi rõ định dạng, ví dụ --format json",
                extensions(Lang::Vi, *plan)
            )),
            Contradicts {
                ext,
                given,
                named,
                plan,
            } => Said::new(format!(
                "tên tệp có đuôi .{ext} (định dạng {named}) nhưng --format là {given}: tệp sẽ không mở được đúng như tên của nó"
            ))
            .hint(if *plan || !printable(named) {
                format!(
                    "đổi đuôi tệp thành .{}, hoặc bỏ --format {given} để ghi định dạng {named} theo đuôi tệp",
                    extension(given)
                )
            } else {
                format!("đổi đuôi tệp thành .{}", extension(given))
            }),
            NeedsOut { format } => Said::new(format!(
                "định dạng {format} là tệp nhị phân, không in ra màn hình được"
            ))
            .hint(format!(
                "thêm --out TỆP, ví dụ: --format {format} --out ke-hoach.{format}"
            )),
            CannotWrite { cause, file } => {
                let said = Said::new(format!("không ghi được kết quả ({})", cause.vi()));
                match (file, cause) {
                    (true, WriteCause::DiskFull | WriteCause::Quota) => said.hint(
                        "giải phóng chỗ trên ổ đĩa, hoặc ghi ra ổ đĩa khác bằng --out; tệp cũ (nếu có) vẫn nguyên vẹn",
                    ),
                    (false, WriteCause::DiskFull | WriteCause::Quota) => said.hint(
                        "giải phóng chỗ trên ổ đĩa nhận kết quả, hoặc ghi ra ổ đĩa khác bằng --out TỆP",
                    ),
                    (true, WriteCause::NameTooLong { .. } | WriteCause::PathTooLong { .. }) => {
                        said.hint("đặt tên tệp (và tên các thư mục) ngắn hơn; tệp cũ (nếu có) vẫn nguyên vẹn")
                    }
                    (true, WriteCause::LinkLoop { .. }) => said.hint(
                        "xóa liên kết đó, hoặc tạo lại cho nó trỏ tới một thư mục thật; tệp cũ (nếu có) vẫn nguyên vẹn",
                    ),
                    (true, _) => said.hint(
                        "kiểm tra thư mục có tồn tại và có quyền ghi; tệp cũ (nếu có) vẫn nguyên vẹn",
                    ),
                    (false, _) => said.hint(
                        "kết quả được in ra màn hình (đầu ra chuẩn) nhưng không in được: ghi ra tệp bằng --out TỆP",
                    ),
                }
            }
            NotAFile { folder: true } => {
                Said::new("đây là một thư mục, không phải tệp: không ghi kết quả vào đây")
                    .hint("ghi tên tệp kết quả trong thư mục, ví dụ --out ke-hoach/ke-hoach.json")
            }
            NotAFile { folder: false } => Said::new(
                "đây không phải tệp thông thường (thiết bị hoặc đường ống): chương trình không ghi đè lên nó",
            )
            .hint("ghi tên một tệp để lưu kết quả, hoặc bỏ --out để in ra màn hình"),
            BrokenLink => Said::new(
                "đây là một liên kết (symlink) không trỏ tới tệp nào (hoặc các liên kết trỏ vòng quanh nhau)",
            )
            .hint("ghi thẳng tên tệp kết quả, hoặc sửa liên kết cho trỏ tới một tệp"),
            SystemFolder { folder } => Said::new(format!(
                "tệp này nằm trong thư mục hệ thống {} (nơi của thiết bị và tiến trình, không phải của tài liệu): chương trình không ghi vào đó",
                folder.display()
            ))
            .hint("ghi kết quả vào một thư mục tài liệu, ví dụ --out ke-hoach.json, hoặc bỏ --out để in ra màn hình"),
            ReadOnly => Said::new("tệp này chỉ cho phép đọc: chương trình không ghi đè lên nó")
                .hint("chọn tên tệp khác, hoặc bỏ thuộc tính chỉ đọc của tệp nếu đúng là muốn thay nó"),
            NotMadeHere { command, checked } => Said::new(if *checked {
                "tệp này đã có người kiểm tra các giả định (assumptions_checked = true): \
                 chương trình không ghi đè lên nó"
                    .to_string()
            } else {
                "tệp này đã có và không phải do `campaign generate` hay `campaign import` viết \
                 (có thể là một kịch bản thật): chương trình không ghi đè lên nó"
                    .to_string()
            })
            .hint(format!(
                "chọn tên tệp khác cho --out; nếu đúng là muốn thay tệp này, thêm --force \
                 (campaign {command} ... --out TỆP --force)"
            )),
            IsAnInput { input } => Said::new(format!(
                "đây là tệp mà chính lệnh này đang đọc{}: ghi kết quả vào đó sẽ mất dữ liệu đầu vào",
                input.as_ref().map(|i| format!(" ({})", i.display())).unwrap_or_default()
            ))
            .hint("chọn một tên tệp khác cho kết quả"),
            NotAPlan { ext } => Said::new(format!(
                "tệp .{ext} này đã có và không phải một kế hoạch do `campaign plan` viết (có thể là bảng số liệu của các huyện, một báo cáo, một bảng số liệu cũ mà kịch bản khác đọc): chương trình không ghi đè lên nó"
            ))
            .hint("chọn một tên tệp khác cho kết quả; nếu đúng là muốn thay tệp này, hãy xóa hoặc đổi tên nó trước"),
            NotWrittenHere { letter: true } => Said::new(
                "tệp công văn Word này do `campaign plan` viết nhưng đã được sửa sau đó (điền số văn bản, sửa lời văn, lưu lại trong Word): chương trình không ghi đè lên nó",
            )
            .hint("chọn một tên tệp khác cho công văn mới; nếu đúng là muốn bỏ bản đã sửa, hãy xóa hoặc đổi tên nó trước"),
            NotWrittenHere { letter: false } => Said::new(
                "tệp này đã có và không phải kết quả do chương trình viết (có thể là bảng số liệu của các huyện lưu dưới tên khác, một kịch bản, một tài liệu): chương trình không ghi đè lên nó",
            )
            .hint("chọn một tên tệp khác cho kết quả; nếu đúng là muốn thay tệp này, hãy xóa hoặc đổi tên nó trước"),
        }
    }

    fn en(&self) -> Said {
        use OutputProblem::*;
        match self {
            PlanOnly { command, format } => Said::new(format!(
                "`campaign {command}` cannot write {format}: only `campaign plan` writes {format}"
            ))
            .hint("use --format text, markdown or json (a .txt, .md or .json file)"),
            ScenarioExtension { command, ext } if ext.is_empty() => Said::new(format!(
                "`campaign {command}` writes a scenario (TOML text), but the file's name does not end in .toml"
            ))
            .hint("end the file's name in .toml, e.g. --out scenarios/new-province.toml"),
            ScenarioExtension { command, ext } => Said::new(format!(
                "`campaign {command}` writes a scenario (TOML text), but the file's name ends in .{ext}: it would not open as its name says{}",
                if ext.eq_ignore_ascii_case("rhai") { ", and would be read as a rule" } else { "" }
            ))
            .hint("end the file's name in .toml, e.g. --out scenarios/new-province.toml"),
            InputExtension { ext, plan } => Said::new(format!(
                "the output file's name ends in .{ext}, as {} does: the output would replace such a file, or pass for one",
                input_kind(Lang::En, ext)
            ))
            .hint(format!(
                "end the name as the output's format: {}",
                extensions(Lang::En, *plan)
            )),
            UnknownExtension { ext, plan } => Said::new(format!(
                "the output file's name ends in .{ext}, which names no format the planner writes"
            ))
            .hint(format!(
                "end the name as the format you want: {}; or name the format, e.g. --format json",
                extensions(Lang::En, *plan)
            )),
            Contradicts {
                ext,
                given,
                named,
                plan,
            } => Said::new(format!(
                "the file's name ends in .{ext} (the {named} format) but --format is {given}: the file would not open as its name says"
            ))
            .hint(if *plan || !printable(named) {
                format!(
                    "end the file's name in .{}, or leave out --format {given} to write {named} as the name says",
                    extension(given)
                )
            } else {
                format!("end the file's name in .{}", extension(given))
            }),
            NeedsOut { format } => Said::new(format!(
                "{format} is a binary file and cannot be written to the terminal"
            ))
            .hint(format!(
                "add --out FILE, e.g. --format {format} --out plan.{format}"
            )),
            CannotWrite { cause, file } => {
                let said = Said::new(format!("cannot write the output ({})", cause.en()));
                match (file, cause) {
                    (true, WriteCause::DiskFull | WriteCause::Quota) => said.hint(
                        "free some space on the disk, or write to another disk with --out; any existing file is left untouched",
                    ),
                    (false, WriteCause::DiskFull | WriteCause::Quota) => said.hint(
                        "free some space on the disk the output goes to, or write it to another disk with --out FILE",
                    ),
                    (true, WriteCause::NameTooLong { .. } | WriteCause::PathTooLong { .. }) => {
                        said.hint("choose a shorter file name (and shorter folder names); any existing file is left untouched")
                    }
                    (true, WriteCause::LinkLoop { .. }) => said.hint(
                        "delete that link, or make it again pointing to a real folder; any existing file is left untouched",
                    ),
                    (true, _) => said.hint(
                        "check that the folder exists and can be written; any existing file is left untouched",
                    ),
                    (false, _) => said.hint(
                        "the output goes to the screen (standard output), which cannot be written: write it to a file with --out FILE",
                    ),
                }
            }
            NotAFile { folder: true } => {
                Said::new("this is a folder, not a file: the output is not written here")
                    .hint("name a file inside the folder, e.g. --out plans/plan.json")
            }
            NotAFile { folder: false } => Said::new(
                "this is not a regular file (a device or a pipe): the planner does not write over it",
            )
            .hint("name a file to keep the output in, or leave out --out to print it"),
            BrokenLink => Said::new(
                "this is a link (symlink) that points to no file (or links that point round in a loop)",
            )
            .hint("name the output file itself, or mend the link so that it points to a file"),
            SystemFolder { folder } => Said::new(format!(
                "this file is in the system folder {} (devices and processes, not documents): the planner does not write there",
                folder.display()
            ))
            .hint("write the output to a documents folder, e.g. --out plan.json, or leave out --out to print it"),
            ReadOnly => Said::new("this file is read-only: the planner does not write over it")
                .hint("choose another file name, or clear the file's read-only attribute if it is really to be replaced"),
            NotMadeHere { command, checked } => Said::new(if *checked {
                "someone has checked this file's assumptions (assumptions_checked = true): \
                 the planner does not write over it"
                    .to_string()
            } else {
                "this file exists and was not written by `campaign generate` or `campaign import` \
                 (it may be a real scenario): the planner does not write over it"
                    .to_string()
            })
            .hint(format!(
                "choose another file name for --out; if this file is really to be replaced, \
                 add --force (campaign {command} ... --out FILE --force)"
            )),
            IsAnInput { input } => Said::new(format!(
                "this is a file this command reads{}: writing the output there would lose the input",
                input.as_ref().map(|i| format!(" ({})", i.display())).unwrap_or_default()
            ))
            .hint("choose another file name for the output"),
            NotAPlan { ext } => Said::new(format!(
                "this .{ext} file exists and is not a plan written by `campaign plan` (it may be the districts' coverage table, a report, or a snapshot another scenario reads): the planner does not write over it"
            ))
            .hint("choose another file name for the output; if this file is really to be replaced, delete it or rename it first"),
            NotWrittenHere { letter: true } => Said::new(
                "this Word letter was written by `campaign plan` but has been changed since (its number filled in, its text edited, saved again in Word): the planner does not write over it",
            )
            .hint("choose another file name for the new letter; if the edited one is really to be dropped, delete it or rename it first"),
            NotWrittenHere { letter: false } => Said::new(
                "this file exists and is not an output the planner wrote (it may be the districts' coverage table under another name, a scenario, a document): the planner does not write over it",
            )
            .hint("choose another file name for the output; if this file is really to be replaced, delete it or rename it first"),
        }
    }
}

/// Why the system could not write an output, as a user can be told it (the system's own words
/// are English, and Rust's for an error kind are a programmer's: "filesystem loop or
/// indirection limit"). [`crate::source::IoCause`] says the same causes for reading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum WriteCause {
    /// The folder the file goes in does not exist.
    NotFound,
    Denied,
    /// The name is a folder.
    Folder,
    /// A part of the path before the file name is a file, not a folder (`plan.md/x.md`).
    NotAFolder,
    /// A link in the path leads back to itself (ELOOP); `part`: that link, as far as the path
    /// goes to it, where it was found.
    LinkLoop {
        part: Option<String>,
    },
    /// A name in the path (`part`, cut short) is `bytes` bytes long, more than the `limit` a
    /// name may have on this system (ENAMETOOLONG).
    NameTooLong {
        part: String,
        bytes: usize,
        limit: usize,
    },
    /// The whole path is `bytes` bytes long, more than the system's `limit`.
    PathTooLong {
        bytes: usize,
        limit: usize,
    },
    DiskFull,
    Quota,
    ReadOnlyDisk,
    FileTooLarge,
    /// The disk (or the network share) failed while writing (EIO).
    DiskError,
    /// Any other: the system's error number, if it gave one.
    Other {
        code: Option<i32>,
    },
}

impl WriteCause {
    fn vi(&self) -> String {
        use WriteCause::*;
        match self {
            NotFound => "thư mục không tồn tại".into(),
            Denied => "không có quyền ghi".into(),
            Folder => "đó là một thư mục".into(),
            NotAFolder => {
                "một phần của đường dẫn trước tên tệp là một tệp, không phải thư mục".into()
            }
            LinkLoop { part: Some(part) } => format!(
                "{part} là một liên kết (symlink) vòng lại chính nó: đi theo liên kết không bao giờ tới được thư mục nào"
            ),
            LinkLoop { part: None } => {
                "một liên kết (symlink) trong đường dẫn vòng lại chính nó".into()
            }
            NameTooLong { part, bytes, limit } => format!(
                "tên \"{part}\" dài {} byte, hệ thống chỉ cho phép tối đa {} byte",
                count(Lang::Vi, *bytes as f64),
                count(Lang::Vi, *limit as f64)
            ),
            PathTooLong { bytes, limit } => format!(
                "đường dẫn dài {} byte, hệ thống chỉ cho phép tối đa {} byte",
                count(Lang::Vi, *bytes as f64),
                count(Lang::Vi, *limit as f64)
            ),
            DiskFull => "ổ đĩa đã đầy".into(),
            Quota => "đã dùng hết dung lượng được cấp trên ổ đĩa".into(),
            ReadOnlyDisk => "ổ đĩa chỉ cho phép đọc".into(),
            FileTooLarge => "tệp lớn quá mức ổ đĩa cho phép".into(),
            DiskError => "ổ đĩa (hoặc thư mục mạng) báo lỗi khi ghi".into(),
            Other { code: Some(code) } => format!("lỗi hệ thống số {code}"),
            Other { code: None } => "hệ thống báo lỗi khi ghi".into(),
        }
    }

    fn en(&self) -> String {
        use WriteCause::*;
        match self {
            NotFound => "the folder does not exist".into(),
            Denied => "permission denied".into(),
            Folder => "it is a folder".into(),
            NotAFolder => "a part of the path before the file name is a file, not a folder".into(),
            LinkLoop { part: Some(part) } => format!(
                "{part} is a symbolic link that loops back on itself: following it never reaches a folder"
            ),
            LinkLoop { part: None } => "a symbolic link in the path loops back on itself".into(),
            NameTooLong { part, bytes, limit } => format!(
                "the name \"{part}\" is {} bytes, at most {} are allowed by the system",
                count(Lang::En, *bytes as f64),
                count(Lang::En, *limit as f64)
            ),
            PathTooLong { bytes, limit } => format!(
                "the path is {} bytes, at most {} are allowed by the system",
                count(Lang::En, *bytes as f64),
                count(Lang::En, *limit as f64)
            ),
            DiskFull => "the disk is full".into(),
            Quota => "the disk space allowed to this user is used up".into(),
            ReadOnlyDisk => "the disk can only be read".into(),
            FileTooLarge => "the file is larger than the disk allows".into(),
            DiskError => "the disk (or network share) failed while writing".into(),
            Other { code: Some(code) } => format!("the system's error number {code}"),
            Other { code: None } => "the system reported an error".into(),
        }
    }
}

/// The extension a file in `format` (as `--format` names it) ends in.
fn extension(format: &str) -> &str {
    match format {
        "text" => "txt",
        "markdown" => "md",
        "letter-html" => "html",
        other => other,
    }
}

/// Whether `format` (as `--format` names it) is one only `campaign plan` writes.
fn printable(format: &str) -> bool {
    matches!(format, "html" | "csv" | "xlsx" | "docx" | "letter-html")
}

/// The extensions a command writes and their formats, for a hint: `plan` writes them all.
fn extensions(lang: Lang, plan: bool) -> &'static str {
    match (lang, plan) {
        (Lang::Vi, true) => {
            ".txt (bảng chữ), .json, .md (markdown), .html (trang in), .csv, .xlsx (Excel), .docx (công văn Word)"
        }
        (Lang::Vi, false) => ".txt (bảng chữ), .json, .md (markdown)",
        (Lang::En, true) => {
            ".txt (text tables), .json, .md (Markdown), .html (pages to print), .csv, .xlsx (Excel), .docx (the Word letter)"
        }
        (Lang::En, false) => ".txt (text tables), .json, .md (Markdown)",
    }
}

/// A share option of `campaign generate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Share {
    /// `--target`: the provincial target.
    Target,
    /// `--floor`: the least rate of every unit.
    Floor,
}

impl Share {
    /// The option as typed.
    pub fn option(self) -> &'static str {
        match self {
            Share::Target => "--target",
            Share::Floor => "--floor",
        }
    }

    /// What the share is called in a message.
    fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Share::Target, Lang::Vi) => "mục tiêu toàn tỉnh",
            (Share::Target, Lang::En) => "the provincial target",
            (Share::Floor, Lang::Vi) => "mức sàn của mỗi đơn vị",
            (Share::Floor, Lang::En) => "the floor of every unit",
        }
    }

    /// A typical value, for the hint: (as typed, as a percentage).
    fn example(self) -> (&'static str, &'static str) {
        match self {
            Share::Target => ("0.4", "40%"),
            Share::Floor => ("0.3", "30%"),
        }
    }

    /// What to type for this share: 40% is 0.4.
    fn hint(self, lang: Lang) -> String {
        let option = self.option();
        let (share, percent) = self.example();
        match lang {
            Lang::Vi => format!(
                "ghi tỷ lệ dưới dạng số thập phân với dấu chấm, ví dụ {option} {share} cho {percent}"
            ),
            Lang::En => format!(
                "write the share as a decimal with a dot, e.g. {option} {share} for {percent}"
            ),
        }
    }
}

/// An argument of `campaign generate` that is wrong; `text` is the value as typed.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum GenerateProblem {
    UnitsNotANumber {
        text: String,
    },
    UnitsOutOfRange {
        text: String,
        units: i128,
    },
    Seed {
        text: String,
    },
    /// A share that is a number, `x`, but not one in (0, 1), or written as a percentage
    /// (`percent`). `as_share` is the share `x` means when it reads as a percentage (the hint
    /// says what to type instead).
    ShareOutOfRange {
        share: Share,
        text: String,
        x: f64,
        percent: bool,
        as_share: Option<f64>,
    },
    /// A share that is not a number; `with_dot` is what to type when only a decimal comma is
    /// wrong.
    ShareNotANumber {
        share: Share,
        text: String,
        with_dot: Option<String>,
    },
    BudgetNegative {
        text: String,
    },
    /// A budget above [`crate::model::MAX_BUDGET`] (a thousand trillion đồng).
    BudgetTooLarge {
        text: String,
    },
    /// A whole budget written with an exponent (`2.5e8`): `digits` is what to type.
    BudgetInDigits {
        text: String,
        digits: String,
    },
    BudgetNotANumber {
        text: String,
    },
    RulePathEmpty,
    /// A rule path holding a line break or a tab (shown escaped).
    RulePathControl {
        path: String,
    },
}

impl Message for GenerateProblem {
    fn vi(&self) -> Said {
        use GenerateProblem::*;
        let units = "ví dụ --units 700 (mỗi đơn vị là một xã, hoặc một huyện với --size district)";
        let max = count(Lang::Vi, f64::from(MAX_UNITS));
        let budget = "ghi số tiền (đồng) cho cả đợt, ví dụ --budget 250000000 (250 triệu đồng; viết \
             250_000_000 hay 250.000.000 cũng được), hoặc --budget auto (khoảng một nửa chi phí \
             của mọi tổ, đội)";
        let rules = "ghi đường dẫn tệp hoặc thư mục quy tắc, tính từ thư mục sẽ chứa kịch bản, ví dụ \
             --rules ../rules";
        match self {
            UnitsNotANumber { text } => Said::new(format!(
                "--units {text}: số đơn vị phải là một số nguyên, từ 1 đến {max}"
            ))
            .hint(units),
            UnitsOutOfRange { text, units: n } => Said::new(format!(
                "--units {text}: số đơn vị phải từ 1 đến {max} (đang là {n})"
            ))
            .hint(units),
            Seed { text } => Said::new(format!(
                "--seed {text}: hạt giống (seed) phải là một số nguyên từ 0 đến \
                 18.446.744.073.709.551.615"
            ))
            .hint(
                "ví dụ --seed 1: cùng một seed luôn cho cùng một tệp, seed khác cho một tỉnh khác",
            ),
            ShareOutOfRange {
                share,
                text,
                x,
                percent,
                as_share,
            } => {
                let (option, name) = (share.option(), share.name(Lang::Vi));
                Said::new(if *percent {
                    format!("{option} {text}: {name} ghi dưới dạng số thập phân, không có dấu %")
                } else {
                    format!(
                        "{option} {text}: {name} là một tỷ lệ lớn hơn 0 và nhỏ hơn 1 (đang là {x})"
                    )
                })
                .hint(match as_share {
                    Some(as_share) => format!(
                        "tỷ lệ ghi dưới dạng số thập phân với dấu chấm: {x}% là {as_share}, gõ {option} {as_share}"
                    ),
                    None => share.hint(Lang::Vi),
                })
            }
            ShareNotANumber {
                share,
                text,
                with_dot,
            } => {
                let (option, name) = (share.option(), share.name(Lang::Vi));
                Said::new(format!(
                    "{option} {text}: {name} phải là một tỷ lệ viết bằng số thập phân"
                ))
                .hint(match with_dot {
                    Some(with_dot) => format!(
                        "số thập phân dùng dấu chấm, không dùng dấu phẩy: gõ {option} {with_dot}"
                    ),
                    None => share.hint(Lang::Vi),
                })
            }
            BudgetNegative { text } => {
                Said::new(format!("--budget {text}: ngân sách không thể âm")).hint(budget)
            }
            BudgetTooLarge { text } => Said::new(format!(
                "--budget {text}: ngân sách quá lớn, nhiều nhất là {} đồng (1 triệu tỷ đồng)",
                count(Lang::Vi, crate::model::MAX_BUDGET)
            ))
            .hint("kiểm tra xem có gõ thừa chữ số nào không; ngân sách tính bằng đồng, viết bằng chữ số, ví dụ --budget 250000000 (250 triệu đồng), hoặc --budget auto; mức trần này ghi trong docs/limits.md"),
            BudgetInDigits { text, digits } => Said::new(format!(
                "--budget {text}: ngân sách viết bằng chữ số, không viết dạng lũy thừa (e)"
            ))
            .hint(format!("gõ --budget {digits}")),
            BudgetNotANumber { text } => Said::new(format!(
                "--budget {text}: ngân sách phải là một số đồng (số nguyên) hoặc auto"
            ))
            .hint(budget),
            RulePathEmpty => Said::new("--rules: đường dẫn quy tắc đang để trống").hint(rules),
            RulePathControl { path } => Said::new(format!(
                "--rules {}: đường dẫn có ký tự điều khiển (xuống dòng, tab)",
                path.escape_debug()
            ))
            .hint(rules),
        }
    }

    fn en(&self) -> Said {
        use GenerateProblem::*;
        let units =
            "for example --units 700 (each unit is a commune, or a district with --size district)";
        let max = count(Lang::En, f64::from(MAX_UNITS));
        let budget = "write the amount in đồng for the whole campaign, e.g. --budget 250000000 (250 million đồng; \
             250_000_000 or 250.000.000 also work), or --budget auto (about half of what every \
             team would cost)";
        let rules = "name a rule file or folder, relative to the folder the scenario is written to, e.g. \
             --rules ../rules";
        match self {
            UnitsNotANumber { text } => Said::new(format!(
                "--units {text}: the number of units must be a whole number, from 1 to {max}"
            ))
            .hint(units),
            UnitsOutOfRange { text, units: n } => Said::new(format!(
                "--units {text}: the number of units must be from 1 to {max} (it is {n})"
            ))
            .hint(units),
            Seed { text } => Said::new(format!(
                "--seed {text}: the seed must be a whole number from 0 to \
                 18,446,744,073,709,551,615"
            ))
            .hint(
                "for example --seed 1: the same seed always gives the same file, another seed \
                 another province",
            ),
            ShareOutOfRange {
                share,
                text,
                x,
                percent,
                as_share,
            } => {
                let (option, name) = (share.option(), share.name(Lang::En));
                Said::new(if *percent {
                    format!("{option} {text}: {name} is written as a decimal, without %")
                } else {
                    format!(
                        "{option} {text}: {name} is a share, more than 0 and less than 1 (it is {x})"
                    )
                })
                .hint(match as_share {
                    Some(as_share) => format!(
                        "shares are written as decimals with a dot: {x}% is {as_share}, type {option} {as_share}"
                    ),
                    None => share.hint(Lang::En),
                })
            }
            ShareNotANumber {
                share,
                text,
                with_dot,
            } => {
                let (option, name) = (share.option(), share.name(Lang::En));
                Said::new(format!(
                    "{option} {text}: {name} must be a share written as a decimal number"
                ))
                .hint(match with_dot {
                    Some(with_dot) => {
                        format!("decimals take a dot, not a comma: type {option} {with_dot}")
                    }
                    None => share.hint(Lang::En),
                })
            }
            BudgetNegative { text } => {
                Said::new(format!("--budget {text}: the budget cannot be negative")).hint(budget)
            }
            BudgetTooLarge { text } => Said::new(format!(
                "--budget {text}: the budget is too large, at most {} đồng (a thousand trillion)",
                count(Lang::En, crate::model::MAX_BUDGET)
            ))
            .hint("check for a digit typed twice; the budget is in đồng, written in digits, e.g. --budget 250000000 (250 million đồng), or --budget auto; docs/limits.md lists this limit"),
            BudgetInDigits { text, digits } => Said::new(format!(
                "--budget {text}: the budget is written in digits, not with an exponent (e)"
            ))
            .hint(format!("type --budget {digits}")),
            BudgetNotANumber { text } => Said::new(format!(
                "--budget {text}: the budget must be a whole number of đồng, or auto"
            ))
            .hint(budget),
            RulePathEmpty => Said::new("--rules: the rule path is empty").hint(rules),
            RulePathControl { path } => Said::new(format!(
                "--rules {}: the path holds a control character (a line break, a tab)",
                path.escape_debug()
            ))
            .hint(rules),
        }
    }
}

/// A path given to `campaign rules check` that holds no rules to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum RulesCheckProblem {
    /// A folder without `.rhai` files.
    NoRuleFiles {
        folder: PathBuf,
        /// The hidden `.rhai` files it has (not read), as a list for the message; empty when
        /// none.
        hidden: String,
    },
    NotFound {
        path: PathBuf,
    },
    /// No path given, and the current folder has no `folder` (`rules`), which the command
    /// reads then (trial 13f J29).
    NoDefaultFolder {
        folder: PathBuf,
    },
    /// A scenario or rule test file (`.toml`) given as a rule file.
    ScenarioNotRule {
        path: PathBuf,
    },
}

impl Message for RulesCheckProblem {
    fn vi(&self) -> Said {
        use RulesCheckProblem::*;
        match self {
            NoRuleFiles { folder, hidden } if !hidden.is_empty() => Said::new(format!(
                "thư mục {} chỉ có tệp .rhai ẩn (tên bắt đầu bằng dấu chấm): {hidden}; tệp ẩn \
                 không phải quy tắc (thường là tệp khóa của trình soạn thảo hoặc tệp thông tin \
                 macOS ghi trên ổ dùng chung)",
                folder.display()
            ))
            .hint("ghi quy tắc vào tệp .rhai có tên không bắt đầu bằng dấu chấm, ví dụ rules/tuyen-truyen.rhai"),
            NoRuleFiles { folder, .. } => Said::new(format!(
                "thư mục {} không có tệp quy tắc .rhai nào",
                folder.display()
            ))
            .hint(
                "ghi đường dẫn tới một tệp .rhai hoặc một thư mục chứa chúng, ví dụ rules/; để \
                 kiểm tra quy tắc của một kịch bản: `campaign rules check --scenario TỆP_KỊCH_BẢN`",
            ),
            NotFound { path } => Said::new(format!("không tìm thấy {}", path.display()))
                .hint("ghi đường dẫn tới một tệp .rhai hoặc một thư mục chứa chúng, ví dụ rules/"),
            NoDefaultFolder { folder } => Said::new(format!(
                "không ghi đường dẫn nào, và thư mục hiện tại không có thư mục {0}/: khi không \
                 có đường dẫn, lệnh kiểm tra các tệp .rhai trong {0}/ của thư mục hiện tại",
                folder.display()
            ))
            .hint(
                "ghi đường dẫn tới một tệp .rhai hoặc một thư mục chứa chúng (`campaign rules \
                 check đường/dẫn/rules`), hoặc chạy lệnh trong thư mục có rules/; để kiểm tra \
                 quy tắc của một kịch bản: `campaign rules check --scenario TỆP_KỊCH_BẢN`",
            ),
            ScenarioNotRule { path } => Said::new(
                "tệp này là tệp kịch bản hoặc tệp kiểm thử quy tắc (.toml), không phải tệp quy tắc (.rhai)",
            )
            .hint(format!(
                "kiểm tra các quy tắc mà kịch bản này dùng: `campaign rules check --scenario {}`",
                path.display()
            )),
        }
    }

    fn en(&self) -> Said {
        use RulesCheckProblem::*;
        match self {
            NoRuleFiles { folder, hidden } if !hidden.is_empty() => Said::new(format!(
                "the folder {} has only hidden .rhai files (names starting with a dot): \
                 {hidden}; hidden files are not rules (they are usually an editor's lock file or \
                 the metadata macOS writes on a shared drive)",
                folder.display()
            ))
            .hint("write rules in .rhai files whose names do not start with a dot, e.g. rules/communication.rhai"),
            NoRuleFiles { folder, .. } => Said::new(format!(
                "the folder {} has no .rhai rule files",
                folder.display()
            ))
            .hint(
                "give the path of a .rhai file or of a folder of them, e.g. rules/; to check a \
                 scenario's rules: `campaign rules check --scenario SCENARIO_FILE`",
            ),
            NotFound { path } => Said::new(format!("{} does not exist", path.display()))
                .hint("give the path of a .rhai file or of a folder of them, e.g. rules/"),
            NoDefaultFolder { folder } => Said::new(format!(
                "no path given, and the current folder has no {0}/ folder: given no path, the \
                 command checks the .rhai files in {0}/ of the current folder",
                folder.display()
            ))
            .hint(
                "give the path of a .rhai file or of a folder of them (`campaign rules check \
                 path/to/rules`), or run the command in the folder that holds rules/; to check \
                 a scenario's rules: `campaign rules check --scenario SCENARIO_FILE`",
            ),
            ScenarioNotRule { path } => Said::new(
                "this is a scenario or rule test file (.toml), not a rule file (.rhai)",
            )
            .hint(format!(
                "to check the rules this scenario runs: `campaign rules check --scenario {}`",
                path.display()
            )),
        }
    }
}

/// What `campaign compare` says after a scenario's error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum CompareProblem {
    /// Scenario `letter` (at `scenario`) has the error above, so nothing was compared; said
    /// even when the error is in one of its rule files, which does not name the scenario.
    NotCompared { letter: String, scenario: PathBuf },
    /// More scenarios than [`crate::limits::COMPARED_SCENARIOS`].
    TooMany { given: usize },
}

impl Message for CompareProblem {
    fn vi(&self) -> Said {
        match self {
            CompareProblem::NotCompared { letter, scenario } => Said::new(format!(
                "không so sánh được: kịch bản {letter} ({}) có lỗi ở trên; sửa rồi chạy lại",
                scenario.display()
            )),
            CompareProblem::TooMany { given } => Said::new(format!(
                "`campaign compare` so sánh tối đa {} kịch bản một lần (A đến Z), ở đây có {}",
                crate::limits::COMPARED_SCENARIOS,
                crate::number::count(Lang::Vi, *given as f64)
            ))
            .hint(
                "chia thành nhiều lần so sánh, mỗi lần cùng kịch bản gốc và vài phương án; để xem \
                 một giá trị thay đổi qua nhiều mức, dùng `campaign sweep KỊCH_BẢN --vary KHOÁ=TỪ..ĐẾN:BƯỚC`",
            ),
        }
    }

    fn en(&self) -> Said {
        match self {
            CompareProblem::NotCompared { letter, scenario } => Said::new(format!(
                "nothing compared: scenario {letter} ({}) has the error above; fix it and run again",
                scenario.display()
            )),
            CompareProblem::TooMany { given } => Said::new(format!(
                "`campaign compare` compares at most {} scenarios at once (A to Z); {} were given",
                crate::limits::COMPARED_SCENARIOS,
                crate::number::count(Lang::En, *given as f64)
            ))
            .hint(
                "split them into several comparisons, each with the base scenario and a few \
                 variants; to see one figure change over many values, use `campaign sweep \
                 SCENARIO --vary KEY=FROM..TO:STEP`",
            ),
        }
    }
}

/// What a file ending in `ext` (.toml, .rhai) is to the tool.
fn input_kind(lang: Lang, ext: &str) -> &'static str {
    if ext.eq_ignore_ascii_case("rhai") {
        lang.pick("một tệp quy tắc", "a rule file")
    } else {
        lang.pick(
            "một tệp kịch bản hoặc tệp kiểm thử quy tắc",
            "a scenario or a rule test file",
        )
    }
}
