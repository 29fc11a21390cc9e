//! Writing output files so that a failure never leaves a half-written or clobbered file.

use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::message::{OutputProblem, WriteCause};
use crate::diagnostic::Error;

/// Writes `bytes` to `out` (atomically, see [`write_atomically_with`]) or, without `--out`, to
/// `stdout`. A reader that has gone away (`campaign plan ... | head`) is not an error: the
/// rest of the output is dropped quietly, as ripgrep does.
pub fn emit(
    out: Option<&Path>,
    bytes: &[u8],
    stdout: &mut dyn std::io::Write,
) -> Result<(), Error> {
    emit_with(out, stdout, &mut |w| w.write_all(bytes))
}

/// [`emit`] for output written piece by piece: `fill` writes it to the temporary file of
/// `out` (renamed over it once complete) or to `stdout`, so that a large output is never held
/// whole in memory.
pub fn emit_with(
    out: Option<&Path>,
    stdout: &mut dyn std::io::Write,
    fill: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Error> {
    // `--out -`: standard output
    match out.filter(|path| !is_stdout(path)) {
        Some(path) => write_atomically_with(path, fill),
        None => match fill(stdout).and_then(|()| stdout.flush()) {
            Err(e) if e.kind() != ErrorKind::BrokenPipe => Err(write_error(None, &e)),
            _ => Ok(()),
        },
    }
}

/// Refuses `--out path` when writing it would destroy something: a file that is not a
/// regular file (a device such as /dev/null, a pipe, a folder), a read-only file, a
/// file this run reads (`inputs`: the scenario, its bases, coverage, history and rules, or
/// the table being imported), or an existing file that is not an output the tool wrote
/// ([`written_here`]: a coverage table whatever its name, a scenario, a README, a letter
/// filled in in Word). Checked before the run starts, and again just before the write.
pub fn check_out(path: &Path, inputs: &[PathBuf]) -> Result<(), Error> {
    check_out_safe(path, inputs)?;
    owned(path)
}

/// [`check_out`] but whether the tool wrote the file: for `campaign generate` and `campaign
/// import`, which decide themselves which existing scenario they replace
/// ([`check_scenario_out`], with `--force`), and for a refusal of `--out`'s name that is more
/// to the point than "not written here" (a `.rhai` name).
pub fn check_out_but_owner(path: &Path, inputs: &[PathBuf]) -> Result<(), Error> {
    check_out_safe(path, inputs)
}

/// An existing file at `path` that the tool did not write is refused ([`written_here`]).
fn owned(path: &Path) -> Result<(), Error> {
    if is_stdout(path) {
        return Ok(());
    }
    let Ok(meta) = std::fs::metadata(path) else {
        return Ok(());
    };
    if !meta.is_file() || meta.len() == 0 {
        return Ok(());
    }
    // a table or workbook that is not the tool's own plan: a district coverage table, the
    // districts' report workbook, a snapshot another scenario reads (trial 13f J34). These are
    // the files hardest to get again; a plan written before is replaced as any output is
    if let Some(ext) = table_extension(path) {
        if crate::import::extra::is_plan_file(path) {
            return Ok(());
        }
        return Err(Error::new(OutputProblem::NotAPlan { ext }).file(path));
    }
    // any other name: the table reader reads a `.txt` or a name without extension as a CSV
    // table, and a letter is filled in and signed in Word (trial 13g K3)
    match written_here(path) {
        Written::Yes => Ok(()),
        Written::No => Err(Error::new(OutputProblem::NotWrittenHere { letter: false }).file(path)),
        Written::EditedLetter => {
            Err(Error::new(OutputProblem::NotWrittenHere { letter: true }).file(path))
        }
    }
}

/// What an existing file is to `--out`.
#[derive(Debug, PartialEq, Eq)]
enum Written {
    /// An output of `plan`, `explain`, `sweep` or `compare`: replaced as any output is.
    Yes,
    /// Anything else.
    No,
    /// A Word letter the tool wrote that has been changed since.
    EditedLetter,
}

/// How much of an existing file [`written_here`] reads to know a text output: its first lines.
const OUTPUT_HEAD_BYTES: u64 = 4 * 1024;

/// Whether the existing file at `path` is one the tool wrote, by its format (docs/limits.md,
/// "Files --out replaces"):
/// - a Word letter (a zip): its custom property holds the digest of its text as the tool wrote
///   it ([`crate::report::letter::docx::unedited`]); an edited one is [`Written::EditedLetter`];
/// - a plan's table under another name (`--format csv --out plan.txt`): its columns
///   ([`crate::import::extra::is_plan_file`]);
/// - text, Markdown, HTML and JSON: the first line of an output of `plan`, `explain`, `sweep`
///   or `compare`, in either language ([`is_output_text`]).
fn written_here(path: &Path) -> Written {
    use std::io::Read;
    let Ok(file) = std::fs::File::open(path) else {
        return Written::No;
    };
    let mut head = Vec::new();
    if file.take(OUTPUT_HEAD_BYTES).read_to_end(&mut head).is_err() {
        return Written::No;
    }
    if head.starts_with(b"PK\x03\x04") {
        let Ok(bytes) = crate::files::read(path, crate::limits::OUTPUT_CHECK_BYTES) else {
            return Written::No;
        };
        if crate::report::letter::docx::unedited(&bytes) {
            return Written::Yes;
        }
        let letter = zip::ZipArchive::new(std::io::Cursor::new(&bytes))
            .is_ok_and(|mut z| z.by_name("word/document.xml").is_ok());
        return if letter {
            Written::EditedLetter
        } else {
            Written::No
        };
    }
    if is_output_text(&String::from_utf8_lossy(&head)) || crate::import::extra::is_plan_file(path) {
        Written::Yes
    } else {
        Written::No
    }
}

/// Whether `head`, the start of a text file, is how an output of `plan`, `explain`, `sweep` or
/// `compare` starts (text, Markdown, HTML or JSON, Vietnamese or English).
fn is_output_text(head: &str) -> bool {
    let head = head.trim_start_matches('\u{feff}');
    let first = head.lines().next().unwrap_or("").trim();
    let title = first.trim_start_matches("# ").to_lowercase();
    // the titles of the text and Markdown pages
    const TITLES: [&str; 5] = [
        "kế hoạch vận động cài đặt ứng dụng: ",
        "app install campaign plan: ",
        "so sánh các kịch bản",
        "comparing scenarios",
        "giải thích phân bổ cho ",
    ];
    if TITLES.iter().any(|t| title.starts_with(t))
        || (title.starts_with("why ") && title.ends_with(" gets what it gets"))
        || title.contains(" — thay đổi ")
        || title.contains(" — varying ")
    {
        return true;
    }
    // the printable page and the letter: the tool's own style sheet
    if first.eq_ignore_ascii_case("<!DOCTYPE html>") {
        return head.contains("font-family: \"Official Serif\"");
    }
    // JSON: a plan's or explain's, compare's, sweep's (as the tool indents them)
    let compact: String = head.chars().filter(|c| !c.is_whitespace()).collect();
    compact.starts_with("{\"scenario\":")
        || compact.starts_with("{\"scenarios\":[")
        || compact.starts_with("[{\"value\":")
}

/// Everything [`check_out`] checks but whether the tool wrote the file.
fn check_out_safe(path: &Path, inputs: &[PathBuf]) -> Result<(), Error> {
    let refuse = |problem: OutputProblem| Err(Error::new(problem).file(path));
    if is_stdout(path) {
        return Ok(());
    }
    // /dev/stdout, /dev/fd/1, /proc/self/fd/1: the file a shell redirected, which a rename
    // would replace (and the lines written to it before with it); /dev/null; a new file in
    // /dev or /proc, or in a folder that is one through a link (`devlink/x.md`). Decided on
    // the real path, so that `/dev/../tmp/x.md` is /tmp/x.md
    for step in links(path) {
        if let Some(folder) = system_folder(&step) {
            return refuse(if std::fs::symlink_metadata(&step).is_ok() {
                OutputProblem::NotAFile { folder: false }
            } else {
                OutputProblem::SystemFolder { folder }
            });
        }
    }
    if path
        .as_os_str()
        .to_string_lossy()
        .ends_with(std::path::MAIN_SEPARATOR)
    {
        return refuse(OutputProblem::NotAFile { folder: true });
    }
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        // a link to nothing, or a loop of links: no file to write through it
        Err(_) if std::fs::symlink_metadata(path).is_ok() => {
            return refuse(OutputProblem::BrokenLink);
        }
        // nothing there yet: the folder must be there and take a new file
        Err(e) if e.kind() == ErrorKind::NotFound => return folder_takes_files(path),
        // a name too long, a folder of the path that is a loop of links or a file: said
        // before the run, not after it (trial 13f J30)
        Err(e) => return Err(write_error(Some(path), &e)),
    };
    if !meta.is_file() {
        return refuse(OutputProblem::NotAFile {
            folder: meta.is_dir(),
        });
    }
    // the permission bits (root passes any check of the system's), then what the system says
    // of this user
    let writable = std::fs::OpenOptions::new().write(true).open(path);
    if meta.permissions().readonly()
        || writable.is_err_and(|e| e.kind() == ErrorKind::PermissionDenied)
    {
        return refuse(OutputProblem::ReadOnly);
    }
    if let Some(input) = inputs.iter().find(|i| same_file(&meta, i)) {
        // the input's own path only where it is written differently from `--out`
        return refuse(OutputProblem::IsAnInput {
            input: (input != path).then(|| input.clone()),
        });
    }
    Ok(())
}

/// The extension of `path` when it is one of the tables the tool reads and `campaign plan`
/// writes (`csv`, `xlsx`, any case), as typed.
fn table_extension(path: &Path) -> Option<String> {
    let ext = path.extension()?.to_string_lossy().into_owned();
    ["csv", "xlsx"]
        .iter()
        .any(|t| ext.eq_ignore_ascii_case(t))
        .then_some(ext)
}

/// How much of an existing file [`check_scenario_out`] reads: its header, and the
/// `assumptions_checked` line near the top of a skeleton.
const HEAD_BYTES: u64 = 16 * 1024;

/// Refuses to let `campaign {command}` (generate, import) replace an existing file at `path`
/// that no such command wrote (its first line is not the header of a generated file or of an
/// imported skeleton, [`crate::synthetic::HEADER`], [`crate::import::skeleton::HEADER`]), one
/// of these edited since (the digest on its first line no longer matches,
/// [`crate::import::skeleton::unedited`]), or a skeleton whose assumptions someone has checked
/// (`assumptions_checked = true`), unless `force`. A file that cannot be read is left to [`check_out`] and the write.
pub fn check_scenario_out(path: &Path, command: &'static str, force: bool) -> Result<(), Error> {
    use std::io::Read;
    // a scenario written under another name (a plan's `.csv`, a rule's `.rhai`, ...) would not
    // open as named, and a `.rhai` one would stop every plan of its rules folder
    if !is_stdout(path) {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !ext.eq_ignore_ascii_case("toml") {
            return Err(Error::new(OutputProblem::ScenarioExtension { command, ext }).file(path));
        }
    }
    if force || is_stdout(path) {
        return Ok(());
    }
    let Ok(file) = std::fs::File::open(path) else {
        return Ok(());
    };
    if !file.metadata().is_ok_and(|m| m.is_file()) {
        return Ok(());
    }
    let mut head = Vec::new();
    if file.take(HEAD_BYTES).read_to_end(&mut head).is_err() {
        return Ok(());
    }
    let head = String::from_utf8_lossy(&head);
    let skeleton = crate::import::skeleton::HEADERS
        .iter()
        .any(|h| head.starts_with(h));
    let made = skeleton || head.starts_with(crate::synthetic::HEADER);
    let checked = head
        .lines()
        .any(|l| l.split('#').next().unwrap_or("").replace(' ', "") == "assumptions_checked=true");
    if made && !checked {
        // a skeleton or a generated scenario someone has edited (its assumptions filled in, a
        // district renamed) is kept: its first line's digest no longer matches what follows
        let whole = crate::files::read(path, crate::limits::TOML_BYTES)
            .ok()
            .and_then(|b| String::from_utf8(b).ok());
        if !whole.is_some_and(|t| crate::import::skeleton::unedited(&t)) {
            let by = if skeleton { "import" } else { "generate" };
            return Err(
                Error::new(crate::import::message::SkeletonEdited { command, by }).file(path),
            );
        }
        return Ok(());
    }
    Err(Error::new(OutputProblem::NotMadeHere {
        command,
        checked: made,
    })
    .file(path))
}

/// `--out -`: standard output, as most command-line tools read it.
pub fn is_stdout(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// The system folder (`/dev`, `/proc`) that `path` really is in, its folder's links and `..`
/// followed; `None` for a path elsewhere, or whose folder is not there (the write says so).
fn system_folder(path: &Path) -> Option<PathBuf> {
    let real = match (path.parent(), path.file_name()) {
        (Some(folder), Some(name)) => {
            let folder = if folder.as_os_str().is_empty() {
                Path::new(".")
            } else {
                folder
            };
            std::fs::canonicalize(folder).ok()?.join(name)
        }
        _ => std::fs::canonicalize(path).ok()?,
    };
    ["/dev", "/proc"]
        .into_iter()
        .map(Path::new)
        .find(|system| real.starts_with(system))
        .map(Path::to_path_buf)
}

/// `path` and every path its links lead to, in turn (at most 40, as the system follows).
fn links(path: &Path) -> Vec<PathBuf> {
    let mut chain = vec![path.to_path_buf()];
    while chain.len() <= 40 {
        let last = chain.last().expect("the chain starts with the path");
        let Ok(next) = std::fs::read_link(last) else {
            break;
        };
        let next = match last.parent() {
            Some(folder) if next.is_relative() => folder.join(next),
            _ => next,
        };
        chain.push(next);
    }
    chain
}

/// A new file at `path` can be made: its folder is there and writable (tried with an unnamed
/// temporary file, which leaves nothing behind).
fn folder_takes_files(path: &Path) -> Result<(), Error> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    tempfile::tempfile_in(dir)
        .map(drop)
        .map_err(|e| write_error(Some(path), &e))
}

/// The files a run of `scenarios` (with `settings` from `--set`) reads: each scenario and,
/// where it loads, everything it names ([`crate::scenario::Scenario::inputs`]). A scenario
/// that does not load is reported by the run itself.
pub fn inputs_of(scenarios: &[&Path], settings: &[String]) -> Vec<PathBuf> {
    let mut inputs = Vec::new();
    for path in scenarios {
        inputs.extend(inputs_of_loaded(
            path,
            crate::scenario::load_with(path, settings).ok().as_ref(),
        ));
    }
    inputs
}

/// [`inputs_of`] for a scenario at `path` already loaded (`loaded`, `None` when it does not
/// load), so that a command that checks `--out` and then runs reads the scenario once.
pub fn inputs_of_loaded(path: &Path, loaded: Option<&crate::scenario::Scenario>) -> Vec<PathBuf> {
    let mut inputs = vec![path.to_path_buf()];
    if let Some(scenario) = loaded {
        inputs.extend(scenario.inputs());
    }
    inputs
}

/// [`check_out`] for an optional `--out`: nothing to check without one.
pub fn check_out_of(
    out: Option<&Path>,
    inputs: impl FnOnce() -> Vec<PathBuf>,
) -> Result<(), Error> {
    match out {
        Some(path) => check_out(path, &inputs()),
        None => Ok(()),
    }
}

/// Whether `input` is the file whose metadata is `meta` (by device and inode, so that a link
/// or another spelling of the path is seen through).
#[cfg(unix)]
fn same_file(meta: &std::fs::Metadata, input: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(input).is_ok_and(|m| m.dev() == meta.dev() && m.ino() == meta.ino())
}

#[cfg(not(unix))]
fn same_file(_meta: &std::fs::Metadata, _input: &Path) -> bool {
    false
}

/// Writes what `fill` writes to a temporary file beside `path`, then renames it over `path`.
/// A link is followed (the file it points to is replaced); an existing file keeps its
/// permissions, a new one gets the usual `rw-r--r--`. While the temporary file exists it is in
/// [`PENDING`], so that a signal (Ctrl-C, a terminal closed, `kill`) removes it
/// ([`remove_pending_and_exit`]).
pub fn write_atomically_with(
    path: &Path,
    fill: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Error> {
    // a scenario (`generate`, `import`) was checked by [`check_scenario_out`], which `--force`
    // passes; every other output is checked again for what it would replace
    let scenario = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
    if scenario {
        check_out_safe(path, &[])?;
    } else {
        check_out(path, &[])?;
    }
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
    // made and listed under the list's lock, so that a signal in between cannot miss it
    let tmp = {
        let mut list = pending_list();
        let tmp = tempfile::Builder::new()
            .prefix(".campaign-")
            .tempfile_in(dir)
            .map_err(|e| write_error(Some(shown), &e))?;
        list.push(tmp.path().to_path_buf());
        tmp
    };
    let pending = tmp.path().to_path_buf();
    let written = write_and_rename(tmp, path, fill, permissions);
    pending_list().retain(|p| *p != pending);
    written.map_err(|e| write_error(Some(shown), &e))
}

/// Fills the temporary file `tmp`, gives it `permissions`, and renames it over `path`.
fn write_and_rename(
    mut tmp: tempfile::NamedTempFile,
    path: &Path,
    fill: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
    permissions: Option<std::fs::Permissions>,
) -> std::io::Result<()> {
    fill(tmp.as_file_mut())?;
    if let Some(permissions) = permissions {
        tmp.as_file().set_permissions(permissions)?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// The temporary files being written now, for [`remove_pending`].
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn pending_list() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    // a panic while the list was held leaves it usable: it is a list of paths
    PENDING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Removes the temporary files being written and ends the program with `code`: for a signal,
/// so that no hidden `.campaign-XXXXXX` file is left beside the output. The list stays locked
/// until the end, so no write can start a new temporary file after it was emptied.
pub fn remove_pending_and_exit(code: i32) -> ! {
    let mut list = pending_list();
    for path in list.drain(..) {
        let _ = std::fs::remove_file(path);
    }
    std::process::exit(code)
}

/// The error for output that could not be written.
pub fn write_error(path: Option<&Path>, e: &std::io::Error) -> Error {
    // The cause, not the system's message: that is English, and names our temporary file,
    // which means nothing to the reader (the path shown is the file they asked for).
    let err = Error::new(OutputProblem::CannotWrite {
        cause: write_cause(path, e),
        file: path.is_some(),
    });
    match path {
        Some(p) => err.file(p),
        None => err,
    }
}

/// The longest name (one part of a path) and the longest path the system takes, in bytes
/// (Linux's NAME_MAX and PATH_MAX; most other systems' are the same or larger): what a message
/// about a name too long quotes. Not limits of the planner's (src/limits.rs).
const NAME_BYTES: usize = 255;
const PATH_BYTES: usize = 4095;

/// Why `e` stopped writing `path` (`None`: standard output), in words a user is told
/// ([`WriteCause`]): the causes [`crate::source::IoCause`] tells for reading, and those only a
/// write meets; for a name too long, the name; for a loop of links, the link.
fn write_cause(path: Option<&Path>, e: &std::io::Error) -> WriteCause {
    use crate::source::IoCause;
    match e.kind() {
        ErrorKind::QuotaExceeded => return WriteCause::Quota,
        ErrorKind::ReadOnlyFilesystem => return WriteCause::ReadOnlyDisk,
        ErrorKind::FileTooLarge => return WriteCause::FileTooLarge,
        _ => {}
    }
    match IoCause::of(e) {
        IoCause::NotFound => WriteCause::NotFound,
        IoCause::Denied => WriteCause::Denied,
        IoCause::Folder => WriteCause::Folder,
        IoCause::NotAFolder => WriteCause::NotAFolder,
        IoCause::LinkLoop => WriteCause::LinkLoop {
            part: path
                .and_then(looping_link)
                .map(|p| crate::text::shown_path(&p)),
        },
        IoCause::NameTooLong => path.map_or(
            WriteCause::Other {
                code: e.raw_os_error(),
            },
            too_long,
        ),
        IoCause::DiskError => WriteCause::DiskError,
        IoCause::DiskFull => WriteCause::DiskFull,
        IoCause::Other { code, .. } => WriteCause::Other { code },
    }
}

/// The first part of `path` (as far as the path goes to it) that is a link leading round in a
/// loop: it is there as a link, and following it fails.
fn looping_link(path: &Path) -> Option<PathBuf> {
    let mut so_far = PathBuf::new();
    for part in path.components() {
        so_far.push(part);
        if std::fs::symlink_metadata(&so_far).is_ok_and(|m| m.file_type().is_symlink())
            && std::fs::metadata(&so_far).is_err()
        {
            return Some(so_far);
        }
    }
    None
}

/// What is too long in `path`: its longest name, when it is longer than a name may be, else
/// the whole path.
fn too_long(path: &Path) -> WriteCause {
    let longest = path
        .components()
        .map(|c| c.as_os_str())
        .max_by_key(|name| name.len());
    match longest {
        Some(name) if name.len() > NAME_BYTES => {
            let text = name.to_string_lossy();
            let mut part: String = crate::text::show_hidden(&text).chars().take(24).collect();
            if text.chars().count() > 24 {
                part.push('…');
            }
            WriteCause::NameTooLong {
                part,
                bytes: name.len(),
                limit: NAME_BYTES,
            }
        }
        _ => WriteCause::PathTooLong {
            bytes: path.as_os_str().len(),
            limit: PATH_BYTES,
        },
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
