//! A table file read as whatever it was saved as: an `.xlsx` workbook or CSV text, by its
//! extension and checked against its first bytes (a workbook is a zip archive).

use std::path::Path;

use super::grid::{Grid, SheetWanted};
use super::message::{SheetAsked, SheetKind, SheetProblem, TableEntry, TableFileProblem};
use super::{csv, xlsx};
use crate::diagnostic::Error;
use crate::limits::TABLE_BYTES;
use crate::source::{Source, Spot};

/// How a table file is read, by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Csv,
    Xlsx,
    /// An old `.xls` workbook or an `.ods` sheet: refused, with how to save it instead.
    Refused,
}

impl Format {
    pub fn of(path: &Path) -> Format {
        let extension = path
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        match extension.as_str() {
            "xlsx" | "xlsm" => Format::Xlsx,
            "xls" | "ods" => Format::Refused,
            _ => Format::Csv,
        }
    }

    /// What is said of a [`Format::Refused`] file.
    pub fn refused() -> TableFileProblem {
        TableFileProblem::Refused
    }
}

/// How an OLE compound file (CFB) starts: what Excel writes for a password-protected workbook
/// (the `.xlsx` inside it encrypted), and what an old `.xls` workbook is.
const CFB: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// What a file given as a table holds instead: another of the tool's files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NotTable {
    /// A scenario (TOML text: `key = value` lines, `[target]`, `[[district]]`).
    Scenario,
    /// A rule file (`.rhai`: `fn before_solve(district, scenario) { ... }`).
    Rules,
    /// JSON, as `campaign plan --format json` writes a plan.
    Json,
}

/// How much of a file [`sniff`] reads to tell what it holds.
const SNIFF_BYTES: u64 = 64 * 1024;

/// What the file at `path` holds, when it is one of the tool's files that is not a table
/// ([`not_table`]); `None` for a table, or a file that is not a regular file (its reader says
/// what is wrong with it) or cannot be read.
pub(crate) fn sniff(path: &Path) -> Option<NotTable> {
    use std::io::Read as _;
    if !path.is_file() {
        return None;
    }
    let mut start = Vec::new();
    std::fs::File::open(path)
        .ok()?
        .take(SNIFF_BYTES)
        .read_to_end(&mut start)
        .ok()?;
    not_table(path, &start)
}

/// What a file named `path` that starts with `bytes` holds, when it is a scenario, a rule file
/// or JSON, not a table: by its extension (`.toml`, `.rhai`, `.json`), else by its first line
/// that is not blank or a comment (`{` opens JSON; `name = "..."` or `[target]` is TOML; `fn`,
/// `let`, `//` is a rule). A workbook (a zip archive) or a CSV table is `None`.
pub(crate) fn not_table(path: &Path, bytes: &[u8]) -> Option<NotTable> {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "toml" => return Some(NotTable::Scenario),
        "rhai" => return Some(NotTable::Rules),
        "json" => return Some(NotTable::Json),
        _ => {}
    }
    if bytes.starts_with(b"PK") || bytes.starts_with(&CFB) {
        return None;
    }
    let text = String::from_utf8_lossy(bytes);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next()?;
    if first.starts_with('{') {
        return Some(NotTable::Json);
    }
    if first.starts_with("//") || first.starts_with("/*") {
        return Some(NotTable::Rules);
    }
    // after its comments (`#` in a scenario): a rule's code, a TOML table header or
    // `key = value`, a JSON list
    let meaningful = std::iter::once(first)
        .chain(lines)
        .find(|l| !l.starts_with('#'))?;
    let name = |text: &str| {
        !text.is_empty()
            && text
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '"' | ' '))
    };
    let header = meaningful
        .strip_prefix('[')
        .and_then(|l| l.strip_suffix(']'))
        .map(|l| l.trim_start_matches('[').trim_end_matches(']'))
        .is_some_and(name);
    let key_value = meaningful.split_once('=').is_some_and(|(key, value)| {
        name(key.trim())
            && value
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit() || "\"'[{-+tf".contains(c))
    });
    let code = ["fn ", "let ", "const ", "import "]
        .iter()
        .any(|w| meaningful.starts_with(w));
    if code {
        Some(NotTable::Rules)
    } else if header || key_value {
        Some(NotTable::Scenario)
    } else if meaningful.strip_prefix('[').is_some_and(|rest| {
        rest.trim_start().is_empty() || rest.trim_start().starts_with(['{', '"'])
    }) {
        Some(NotTable::Json)
    } else {
        None
    }
}

/// The delimiter of `bytes` when they read as a CSV table: text, its first line split by `;`,
/// `,` or a tab (the most frequent of them).
fn csv_delimiter(bytes: &[u8]) -> Option<char> {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES as usize)];
    let text = match std::str::from_utf8(head) {
        Ok(text) => text,
        // cut inside a character: the text before it
        Err(e) if e.error_len().is_none() => {
            std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or_default()
        }
        Err(_) => return None,
    };
    if text.contains('\0') {
        return None;
    }
    let line = text.lines().find(|l| !l.trim().is_empty())?;
    [';', ',', '\t']
        .into_iter()
        .map(|d| (line.matches(d).count(), d))
        .filter(|(n, _)| *n > 0)
        .max_by_key(|(n, _)| *n)
        .map(|(_, d)| d)
}

/// A workbook's sheet as the user chose it, and where: `--sheet` (`at` is `None`), or a
/// scenario's `sheet = ...`, whose errors are placed at its value (`at`: the value, the field
/// as messages name it, and the workbook as the scenario names it).
pub(crate) struct SheetChoice<'a> {
    pub wanted: SheetWanted,
    pub at: Option<(Spot<'a>, &'static str, String)>,
}

impl SheetChoice<'_> {
    /// `--sheet given`.
    pub fn option(given: &str) -> SheetChoice<'static> {
        SheetChoice {
            wanted: SheetWanted::Text(given.to_string()),
            at: None,
        }
    }

    /// The error `kind` of this choice of a sheet of the file at `path`: at the file for
    /// `--sheet`, at the value for a scenario's `sheet`.
    pub fn error(&self, path: &Path, kind: SheetKind) -> Error {
        match &self.at {
            None => Error::new(SheetProblem {
                asked: SheetAsked::Option,
                kind,
            })
            .file(path),
            Some((spot, field, file)) => spot
                .error(SheetProblem {
                    asked: SheetAsked::Scenario { file: file.clone() },
                    kind,
                })
                .field(*field),
        }
    }

    /// The choice as a message quotes it: `"Nope"` (a text, its hidden characters shown, cut
    /// short), `0` (a TOML number).
    pub fn shown(&self) -> String {
        match &self.wanted {
            SheetWanted::Text(text) => format!(
                "\"{}\"",
                crate::diagnostic::shortened(&crate::text::show_hidden(text.trim()))
            ),
            SheetWanted::Number(n) => n.to_string(),
        }
    }
}

/// Reads the table at `path`: an `.xlsx` workbook's sheet with a header row, else CSV. The file
/// is read once, bounded ([`TABLE_BYTES`]); what it holds decides against its name (a workbook
/// is a zip archive, `PK`). A workbook's sheet is chosen by `sheet` (`--sheet`, a scenario's
/// `sheet = ...`: its name, or its number from 1) instead of the first with a header row.
pub(crate) fn read_sheet(path: &Path, sheet: Option<&SheetChoice<'_>>) -> Result<Grid, Error> {
    let format = Format::of(path);
    if format == Format::Refused {
        return Err(Error::new(Format::refused()).file(path));
    }
    let bytes = Source::bytes(path, &Grid::what(path), TABLE_BYTES)?;
    if let Some(kind) = not_table(path, &bytes) {
        return Err(Error::new(TableFileProblem::NotATable {
            path: path.display().to_string(),
            entry: TableEntry::Import,
            kind,
        })
        .file(path));
    }
    if bytes.starts_with(&CFB) {
        return Err(Error::new(TableFileProblem::Encrypted).file(path));
    }
    let zip = bytes.get(..2).map(|start| start == b"PK");
    match format {
        Format::Xlsx if zip == Some(false) && csv_delimiter(&bytes).is_some() => {
            let delimiter = csv_delimiter(&bytes).unwrap_or(';');
            Err(Error::new(TableFileProblem::CsvNamedXlsx { delimiter }).file(path))
        }
        Format::Xlsx if zip == Some(false) => {
            Err(Error::new(TableFileProblem::NotAWorkbook).file(path))
        }
        Format::Csv if zip == Some(true) => {
            Err(Error::new(TableFileProblem::WorkbookNamedCsv).file(path))
        }
        Format::Xlsx => xlsx::read(path, bytes, sheet),
        Format::Csv | Format::Refused => match sheet {
            Some(choice) => Err(choice.error(
                path,
                SheetKind::OfCsv {
                    shown: choice.shown(),
                },
            )),
            None => csv::read(path, bytes),
        },
    }
}
