//! An XLSX coverage table (through `calamine`): the first sheet with a header row.
//!
//! A workbook is a zip archive whose parts may unzip to a thousand times their size, and whose
//! sheets may name any cell up to `XFD1048576`: nothing is held in memory before it is known to
//! be within the limits ([`crate::limits`]). The parts are unzipped and counted first (the
//! sizes the archive declares are not trusted); then each sheet's cells are read one by one,
//! and a cell beyond the rows, columns or text the tool reads is refused, named as Excel names
//! it, before the rows are laid out. A sheet that names a cell beyond Excel's own grid or a range
//! that ends before it starts, which calamine would compute with an overflow, is refused before
//! calamine reads it ([`super::reference`]).

use std::cell::Cell;
use std::collections::{HashMap, HashSet};
use std::io::{Cursor, Read};
use std::path::Path;
use std::rc::Rc;

use calamine::{Data, DataRef, Reader, Xlsx, XlsxError, XlsxFormulaMetadata};

use super::file::SheetChoice;
use super::grid::{Grid, GridRow, Selected, SelectedBy, SheetWanted};
use super::message::{CellAt, SheetKind, TableFileProblem, TableLimit, WorkbookItems, column_name};
use super::reference::{self, BadReference, EXCEL_COLUMNS, EXCEL_ROWS};
use crate::diagnostic::{Error, shortened};
use crate::limits::{
    CELL_CHARS, TABLE_BYTES, TABLE_CELLS, TABLE_COLUMNS, TABLE_ROWS, WORKBOOK_ENTRIES,
    WORKBOOK_PART_BYTES, WORKBOOK_PARTS, WORKBOOK_READ_BYTES, WORKBOOK_STRINGS, WORKBOOK_STYLES,
    WORKBOOK_UNZIPPED_BYTES,
};
use crate::source::{Origin, Source};

/// Reads the sheet of the workbook `bytes` (read from `path`) that has a header row (else the
/// first) into rows of cells; line numbers are the sheet's row numbers, and the text shown
/// under an error is the row's cells separated by tabs (a line break or tab inside a cell
/// shown as a space, so that every row stays on its own line).
pub(super) fn read(
    path: &Path,
    bytes: Vec<u8>,
    wanted: Option<&SheetChoice<'_>>,
) -> Result<Grid, Error> {
    let spans = unzipped_within_limits(&bytes).map_err(|e| e.file(path))?;
    let spent = Rc::new(Cell::new(0u64));
    let in_sheet = Rc::new(Cell::new(false));
    let refused = Rc::new(Cell::new(None));
    let last = Rc::new(Cell::new(None));
    let names: Vec<String> = spans.iter().map(|s| s.name.clone()).collect();
    // what Excel hides: each part's hidden rows (a sheet's), and the sheet it opens on
    let hidden_rows: Vec<Vec<u64>> = spans.iter().map(|s| s.hidden_rows.clone()).collect();
    let hidden_columns: Vec<Vec<(u64, u64)>> =
        spans.iter().map(|s| s.hidden_columns.clone()).collect();
    let active_tab = spans.iter().find_map(|s| s.active_tab).unwrap_or(0);
    let metered = Metered {
        bytes: Cursor::new(bytes),
        spans,
        spent: Rc::clone(&spent),
        in_sheet: Rc::clone(&in_sheet),
        refused: Rc::clone(&refused),
        last: Rc::clone(&last),
    };
    // the part read last, as messages name it: where a failed read failed
    let last_part = || last.get().and_then(|i: usize| names.get(i).cloned());
    // what a failed read means once the reading has unzipped too much
    let overspent = || (spent.get() > WORKBOOK_READ_BYTES).then_some(TableLimit::Reread);
    let mut book = Xlsx::new(metered).map_err(|e| {
        match overspent() {
            Some(limit) => Error::new(limit),
            None => Error::new(opening(&e, last_part())),
        }
        .file(path)
    })?;
    let mut text_bytes = 0u64;
    // the first sheet read (shown when no sheet has a header row), and the sheet chosen
    let mut first: Option<Vec<GridRow>> = None;
    let mut chosen: Option<Vec<GridRow>> = None;
    let names = book.sheet_names();
    // two sheets of one name (Excel compares names without case): which one a program reads
    // depends on the program (trial 13f J8)
    let folded: Vec<String> = names
        .iter()
        .map(|n| crate::text::normalise(n).to_lowercase())
        .collect();
    for (second, name) in folded.iter().enumerate() {
        if let Some(first) = folded[..second].iter().position(|n| n == name) {
            return Err(Error::new(TableFileProblem::SheetNameTwice {
                sheet: shown_name(&names[first]),
                first: first + 1,
                second: second + 1,
            })
            .file(path));
        }
    }
    let shown_in_excel: Vec<bool> = book
        .sheets_metadata()
        .iter()
        .map(|s| s.visible == calamine::SheetVisible::Visible)
        .collect();
    let visible = |name: &str| {
        names
            .iter()
            .position(|n| n == name)
            .is_none_or(|i| shown_in_excel.get(i).copied().unwrap_or(true))
    };
    // `--sheet`: that sheet alone, read whether it has a header row or not; else the sheet the
    // workbook opens on, then the other shown sheets in order, then the hidden ones (an
    // office hides old figures: trial 13d G21)
    let mut named = None;
    let order = match wanted {
        None => {
            let active = names.get(active_tab).filter(|n| visible(n));
            let mut order: Vec<String> = active.into_iter().cloned().collect();
            order.extend(
                names
                    .iter()
                    .filter(|n| visible(n) && Some(*n) != active)
                    .cloned(),
            );
            order.extend(names.iter().filter(|n| !visible(n)).cloned());
            order
        }
        Some(choice) => {
            let selected =
                chosen_sheet(&names, &choice.wanted).map_err(|kind| choice.error(path, kind))?;
            let name = names.get(selected.number - 1).cloned().unwrap_or_default();
            named = Some(selected);
            vec![name]
        }
    };
    let first_shown = names.iter().find(|n| visible(n)).cloned();
    let mut read_name: Option<String> = None;
    let mut read_hidden_rows: Vec<(usize, String)> = Vec::new();
    let mut read_hidden_columns: Vec<(u64, u64)> = Vec::new();
    let mut first_hidden_columns: Vec<(u64, u64)> = Vec::new();
    let mut first_hidden_rows: Vec<(usize, String)> = Vec::new();
    for name in order {
        // the sheet's name as messages quote it: a name Excel would allow has 31 characters,
        // but a file not written by Excel may give any
        let said = shown_name(&name);
        // (so that the part read last, after it, is the sheet's own)
        last.set(None);
        in_sheet.set(true);
        let read = match book.worksheet_cells_reader(&name) {
            // a chart sheet: no cells
            Err(XlsxError::NotAWorksheet(_)) => Ok(Vec::new()),
            // the workbook lists the sheet, but its part is not in the archive (or its
            // relationship points outside it)
            Err(XlsxError::WorksheetNotFound(_) | XlsxError::FileNotFound(_)) => {
                Err(Error::new(TableFileProblem::SheetMissing {
                    sheet: said.clone(),
                }))
            }
            Err(e) => Err(Error::new(sheet_damaged(&e, &said))),
            Ok(mut reader) => {
                sheet(&mut reader, &said, &mut text_bytes).and_then(|cells| cells.rows(&said))
            }
        };
        in_sheet.set(false);
        if let Some(bad) = refused.take() {
            return Err(refusal(bad, said).file(path));
        }
        let mut rows = match (read, overspent()) {
            (_, Some(limit)) => return Err(Error::new(limit).file(path)),
            (Err(e), None) => return Err(e.file(path)),
            (Ok(rows), None) => rows,
        };
        // the rows the sheet's part hides (the part read last is the sheet's) are left out
        let hides = last.get().and_then(|i| hidden_rows.get(i)).cloned();
        let columns_hidden = last
            .get()
            .and_then(|i| hidden_columns.get(i))
            .cloned()
            .unwrap_or_default();
        let mut left_out = Vec::new();
        if let Some(hides) = hides.filter(|h| !h.is_empty()) {
            let hides: HashSet<u64> = hides.into_iter().collect();
            rows.retain(|r| {
                let hidden = hides.contains(&(r.line as u64));
                if hidden && r.filled() > 0 {
                    let text = r
                        .cells
                        .iter()
                        .map(|c| c.split_whitespace().collect::<Vec<_>>().join(" "))
                        .find(|c| c.chars().any(char::is_alphabetic))
                        .unwrap_or_default();
                    left_out.push((r.line, shortened(&crate::text::show_hidden(&text))));
                }
                !hidden
            });
        }
        if super::header::find(&rows).is_some() {
            chosen = Some(rows);
            read_name = Some(name);
            read_hidden_rows = left_out;
            read_hidden_columns = columns_hidden;
            break;
        }
        if first.is_none() {
            first = Some(rows);
            read_name = Some(name);
            first_hidden_rows = left_out;
            first_hidden_columns = columns_hidden;
        }
    }
    if chosen.is_none() {
        read_hidden_rows = first_hidden_rows;
        read_hidden_columns = first_hidden_columns;
    }
    let rows = chosen.or(first).unwrap_or_default();
    let mut text = String::new();
    let mut line = 1;
    for row in &rows {
        while line < row.line {
            text.push('\n');
            line += 1;
        }
        let shown: Vec<String> = row.cells.iter().map(|c| shown(c)).collect();
        text.push_str(&shown.join("\t"));
    }
    text.push('\n');
    Ok(Grid {
        src: Source {
            path: path.to_path_buf(),
            text,
            origin: Origin::File,
            line_starts: Default::default(),
        },
        rows,
        delimiter: '\t',
        hidden: super::grid::Hidden {
            sheet: read_name.as_deref().is_some_and(|n| !visible(n)),
            active: wanted.is_none()
                && read_name.is_some()
                && read_name.as_ref() == names.get(active_tab)
                && read_name != first_shown,
            sheets: names
                .iter()
                .filter(|n| !visible(n) && Some(*n) != read_name.as_ref())
                .take(crate::limits::LISTED_SHEETS)
                .map(|n| shown_name(n))
                .collect(),
            rows: read_hidden_rows.iter().map(|(r, _)| *r).collect(),
            texts: read_hidden_rows.into_iter().map(|(_, t)| t).collect(),
            columns: read_hidden_columns,
        },
        sheet: read_name.map(|read| {
            let others = names
                .iter()
                .filter(|n| **n != read)
                .take(crate::limits::LISTED_SHEETS)
                .map(|n| shown_name(n))
                .collect();
            (shown_name(&read), others)
        }),
        named,
    })
}

/// A sheet's name as messages and the import report quote it: a control or invisible
/// character (an escape sequence that would retitle or clear the terminal, a direction mark
/// that would reverse the line) written as `\u{1b}` ([`crate::text::show_hidden`]), cut short.
/// A name Excel allows has 31 characters, but a file not written by Excel may give any.
fn shown_name(name: &str) -> String {
    shortened(&crate::text::show_hidden(name))
}

/// The sheet of `names` that `wanted` names, and how. A text (`--sheet`, `sheet = "..."`) is a
/// sheet's name as a person reads it ([`crate::text::fold`]: case, diacritics' composition and
/// look-alike letters aside; else without diacritics, when that names one sheet), and only
/// when it names none its number from 1: offices name tabs by week or month number, and the
/// tab named "1" is not always the first (trial 13f J7). A TOML number is the sheet's number.
/// Else what is wrong, listing the sheets.
fn chosen_sheet(names: &[String], wanted: &SheetWanted) -> Result<Selected, SheetKind> {
    let number_of = |n: i128| {
        usize::try_from(n)
            .ok()
            .filter(|n| (1..=names.len()).contains(n))
    };
    let listed = || {
        names
            .iter()
            .take(crate::limits::LISTED_SHEETS)
            .map(|n| shown_name(n))
            .collect::<Vec<_>>()
    };
    let no_sheet = |shown: String, below_one: bool| SheetKind::NoSheet {
        shown,
        below_one,
        sheets: listed(),
        count: names.len(),
    };
    match wanted {
        SheetWanted::Text(given) => {
            let given = given.trim();
            if given.is_empty() {
                return Err(SheetKind::Blank {
                    sheets: listed(),
                    count: names.len(),
                });
            }
            let as_number = given.parse::<i128>().ok();
            if let Some(i) = named(names, given) {
                let by = match as_number.and_then(number_of) {
                    Some(n) if n != i + 1 => SelectedBy::NameNotNumber {
                        number: n,
                        sheet: shown_name(&names[n - 1]),
                    },
                    _ => SelectedBy::Name,
                };
                return Ok(Selected { number: i + 1, by });
            }
            let shown = format!("\"{}\"", shown_name(given));
            match as_number {
                Some(n) => match number_of(n) {
                    Some(number) => Ok(Selected {
                        number,
                        by: SelectedBy::Number,
                    }),
                    None => Err(no_sheet(shown, n < 1)),
                },
                None => Err(no_sheet(shown, false)),
            }
        }
        SheetWanted::Number(n) => match number_of(*n) {
            Some(number) => {
                let by = match named(names, &n.to_string()) {
                    Some(i) if i + 1 != number => SelectedBy::NumberNotName { named: i + 1 },
                    _ => SelectedBy::Number,
                };
                Ok(Selected { number, by })
            }
            None => Err(no_sheet(n.to_string(), *n < 1)),
        },
    }
}

/// The index of the sheet of `names` that `given` names: as written, else as a person reads it
/// ([`crate::text::fold`]), else without diacritics (`đ` as `d`, as headings are matched) when
/// that names one sheet: `--sheet "Huyen"` is "Huyện" (trial 13e H24).
fn named(names: &[String], given: &str) -> Option<usize> {
    if let Some(i) = names.iter().position(|n| n.trim() == given) {
        return Some(i);
    }
    let key = crate::text::fold(given);
    if let Some(i) = names.iter().position(|n| crate::text::fold(n) == key) {
        return Some(i);
    }
    let plain = super::table::key(given);
    let mut same = names
        .iter()
        .enumerate()
        .filter(|(_, n)| super::table::key(n) == plain);
    match (same.next(), same.next()) {
        (Some((i, _)), None) => Some(i),
        _ => None,
    }
}

/// Unzips every part of the workbook `bytes` into nothing, counting: an archive of more than
/// [`WORKBOOK_PARTS`] parts, a part unzipping to more than [`WORKBOOK_PART_BYTES`] or all to
/// more than [`WORKBOOK_UNZIPPED_BYTES`] is refused, whatever sizes the archive declares; so is
/// an archive that cannot be unzipped. Each part's XML is looked through on the way for a
/// reference calamine would misread ([`reference::first_bad`]); the sheet whose part has one is
/// refused when it is read.
fn unzipped_within_limits(bytes: &[u8]) -> Result<Vec<Span>, Error> {
    // each part has an entry in the archive's directory, which starts `PK\1\2`: counted before
    // the directory is read into memory
    let parts = bytes.windows(4).filter(|w| *w == b"PK\x01\x02").count();
    if parts > WORKBOOK_PARTS {
        return Err(Error::new(TableLimit::Parts { parts }));
    }
    let damaged = |part: Option<String>| Error::new(TableFileProblem::WorkbookDamaged { part });
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| damaged(None))?;
    if archive.len() > WORKBOOK_PARTS {
        return Err(Error::new(TableLimit::Parts {
            parts: archive.len(),
        }));
    }
    let mut total = 0u64;
    let mut spans = Vec::with_capacity(archive.len());
    // the shared strings calamine reads (its part `…sharedStrings.xml`), when there is one
    let mut strings: Option<usize> = None;
    // the zip reader keeps one entry of a name listed twice: the directory says which
    if archive.has_duplicate_names() {
        return Err(Error::new(TableFileProblem::PartTwice {
            part: listed_twice(bytes, archive.central_directory_start()),
        }));
    }
    // each part's name, case aside (a package's part names are compared without case): a
    // second part of one name is read by some programs and not by others (trial 13f J9)
    let mut seen: HashSet<String> = HashSet::with_capacity(archive.len());
    for index in 0..archive.len() {
        let mut part = archive.by_index(index).map_err(|_| damaged(None))?;
        if let Ok(raw) = part.name()
            && !seen.insert(raw.to_lowercase())
        {
            return Err(Error::new(TableFileProblem::PartTwice {
                part: Some(part_name(&raw)),
            }));
        }
        let (start, compressed) = (part.data_start(), part.compressed_size());
        let name = part
            .name()
            .map_or_else(|_| format!("#{}", index + 1), |n| part_name(&n));
        let room = WORKBOOK_PART_BYTES.min(WORKBOOK_UNZIPPED_BYTES - total);
        let mut counted = Counted {
            inner: (&mut part).take(room.saturating_add(1)),
            read: 0,
            failed: false,
        };
        let scan = reference::scan(std::io::BufReader::new(&mut counted));
        if counted.failed {
            return Err(damaged(Some(name)));
        }
        std::io::copy(&mut counted, &mut std::io::sink())
            .map_err(|_| damaged(Some(name.clone())))?;
        let unzipped = counted.read;
        if unzipped > room {
            let total = unzipped > WORKBOOK_UNZIPPED_BYTES - total;
            return Err(Error::new(TableLimit::Unzipped { part: name, total }));
        }
        total += unzipped;
        // items calamine holds one by one, counted before it allocates for them
        let items = [
            (
                WorkbookItems::Strings,
                scan.strings.filter(|_| name.ends_with("sharedStrings.xml")),
                WORKBOOK_STRINGS,
            ),
            (
                WorkbookItems::Styles,
                Some(scan.styles).filter(|_| name.ends_with("styles.xml")),
                WORKBOOK_STYLES,
            ),
            (WorkbookItems::Entries, Some(scan.entries), WORKBOOK_ENTRIES),
        ];
        for (kind, count, limit) in items {
            if let Some(count) = count.filter(|c| *c > limit) {
                return Err(Error::new(TableLimit::Items {
                    part: name,
                    kind,
                    count,
                }));
            }
        }
        if let Some(found) = scan.strings
            && name.ends_with("sharedStrings.xml")
        {
            // calamine reserves room for the strings the part says it holds before reading
            // one: a `uniqueCount` of a trillion aborted the tool (Excel writes the count
            // it holds)
            if let Some(declared) = scan.declared.filter(|d| *d > found as u128) {
                return Err(Error::new(TableFileProblem::SharedCount {
                    part: name,
                    declared,
                    found,
                }));
            }
            strings = Some(strings.unwrap_or(0).max(found));
        }
        if let Some(start) = start {
            spans.push(Span {
                start,
                end: start.saturating_add(compressed),
                compressed,
                unzipped,
                // (a sheet nested deeper than Excel writes reads as empty: damaged)
                bad: scan
                    .bad
                    .or((scan.depth > reference::XML_DEPTH).then_some(BadReference::Nested)),
                shared_max: scan.shared_max,
                name,
                hidden_rows: scan.hidden_rows,
                hidden_columns: scan.hidden_columns,
                active_tab: scan.active_tab,
            });
        }
    }
    // a cell taking a shared string the workbook does not have: calamine's error names no cell
    let count = strings.unwrap_or(0);
    for span in &mut spans {
        if span.bad.is_none()
            && let Some((index, cell)) = span.shared_max.take()
            && index >= count
        {
            span.bad = Some(BadReference::SharedMissing { cell, index, count });
        }
    }
    spans.sort_by_key(|s| s.start);
    Ok(spans)
}

/// What is said when calamine cannot open the workbook (its list of sheets, its shared
/// strings, its styles), `part` the part read last: never calamine's own English words.
fn opening(error: &XlsxError, part: Option<String>) -> TableFileProblem {
    match error {
        XlsxError::Io(_) | XlsxError::Zip(_) => TableFileProblem::WorkbookDamaged { part },
        XlsxError::FileNotFound(missing) => TableFileProblem::PartMissing {
            part: part_name(missing),
        },
        _ => TableFileProblem::PartNotXml { part },
    }
}

/// The first part name that the archive's directory (from `start`) lists twice, case aside, as
/// messages show it; `None` when the directory cannot be followed.
fn listed_twice(bytes: &[u8], start: u64) -> Option<String> {
    let mut at = usize::try_from(start).ok()?;
    let mut seen = HashSet::new();
    while bytes.get(at..at.checked_add(4)?)? == b"PK\x01\x02" {
        let field = |offset: usize| -> Option<usize> {
            let b = bytes.get(at + offset..at + offset + 2)?;
            Some(usize::from(u16::from_le_bytes([b[0], b[1]])))
        };
        let (name, extra, comment) = (field(28)?, field(30)?, field(32)?);
        let raw = String::from_utf8_lossy(bytes.get(at + 46..at + 46 + name)?);
        if !seen.insert(raw.to_lowercase()) {
            return Some(part_name(&raw));
        }
        at += 46 + name + extra + comment;
    }
    None
}

/// What is said of a sheet calamine cannot read to its end (beyond what [`reference`] found
/// before it).
fn sheet_damaged(_error: &XlsxError, sheet: &str) -> TableFileProblem {
    TableFileProblem::SheetDamaged {
        sheet: sheet.to_string(),
    }
}

/// What is said of a bad reference found in the sheet `sheet` before calamine read it.
fn refusal(bad: BadReference, sheet: String) -> Error {
    match bad {
        BadReference::Outside(_) => Error::new(TableLimit::Outside { sheet, cell: None }),
        BadReference::Backwards(range) => {
            Error::new(TableFileProblem::RangeBackwards { sheet, range })
        }
        BadReference::Malformed(cell) => Error::new(TableFileProblem::BadCell { sheet, cell }),
        BadReference::MalformedRow(row) => Error::new(TableFileProblem::BadRow { sheet, row }),
        BadReference::Nested => Error::new(TableFileProblem::SheetDamaged { sheet }),
        BadReference::SharedIndex { cell, index } => {
            Error::new(TableFileProblem::SharedIndex { sheet, cell, index })
        }
        BadReference::SharedMissing { cell, index, count } => {
            Error::new(TableFileProblem::SharedMissing {
                sheet,
                cell,
                index,
                count,
            })
        }
    }
}

/// Where a part's compressed bytes are in the workbook, what they unzip to, and the first
/// reference in them that calamine would misread.
#[derive(Debug, Clone)]
struct Span {
    start: u64,
    end: u64,
    compressed: u64,
    unzipped: u64,
    bad: Option<BadReference>,
    /// The largest shared-string index the part's cells take, and the cell.
    shared_max: Option<(usize, Option<String>)>,
    /// The part's name, as messages show it.
    name: String,
    /// The rows the part (a sheet) hides in Excel, 1-based.
    hidden_rows: Vec<u64>,
    hidden_columns: Vec<(u64, u64)>,
    /// The sheet the workbook opens on, when the part is the workbook's list of sheets.
    active_tab: Option<usize>,
}

/// A part's bytes as they are unzipped: how many, and whether unzipping failed.
struct Counted<R> {
    inner: R,
    read: u64,
    failed: bool,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let read = self.inner.read(buf).inspect_err(|_| self.failed = true)?;
        self.read += read as u64;
        Ok(read)
    }
}

/// The workbook's bytes as calamine reads them, counting what the reading unzips: a byte read
/// from a part counts as the bytes it unzips to (the part's ratio, measured by
/// [`unzipped_within_limits`]), any other byte as one. Each part read once unzips to at most
/// [`WORKBOOK_UNZIPPED_BYTES`]; a workbook whose sheets name one part again and again would be
/// unzipped again and again, and is stopped at [`WORKBOOK_READ_BYTES`] (the reads fail, and
/// `spent` says why). While a sheet is read (`in_sheet`), a read of a part with a bad reference
/// fails too, and `refused` says which: calamine never sees the reference.
struct Metered {
    bytes: Cursor<Vec<u8>>,
    spans: Vec<Span>,
    spent: Rc<Cell<u64>>,
    in_sheet: Rc<Cell<bool>>,
    refused: Rc<Cell<Option<BadReference>>>,
    /// The span read last (its index in `spans`).
    last: Rc<Cell<Option<usize>>>,
}

impl Read for Metered {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.spent.get() > WORKBOOK_READ_BYTES {
            return Err(std::io::Error::other("the workbook unzips to too much"));
        }
        let at = self.bytes.position();
        let span = match self.spans.partition_point(|s| s.start <= at).checked_sub(1) {
            Some(i) if at < self.spans[i].end => {
                self.last.set(Some(i));
                Some(&self.spans[i])
            }
            _ => None,
        };
        if let Some(bad) = span.and_then(|s| s.bad.as_ref())
            && self.in_sheet.get()
        {
            self.refused.set(Some(bad.clone()));
            return Err(std::io::Error::other(
                "a cell reference beyond Excel's grid",
            ));
        }
        let read = self.bytes.read(buf)?;
        let read_bytes = read as u64;
        let cost = match span {
            Some(span) => {
                let cost = u128::from(read_bytes) * u128::from(span.unzipped)
                    / u128::from(span.compressed.max(1));
                u64::try_from(cost).unwrap_or(u64::MAX).max(read_bytes)
            }
            None => read_bytes,
        };
        self.spent.set(self.spent.get().saturating_add(cost));
        Ok(read)
    }
}

impl std::io::Seek for Metered {
    fn seek(&mut self, to: std::io::SeekFrom) -> std::io::Result<u64> {
        self.bytes.seek(to)
    }
}

/// A part's name in the archive as a message shows it: control characters replaced, at most
/// 100 characters.
fn part_name(name: &str) -> String {
    let mut shown: String = name
        .chars()
        .take(100)
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .collect();
    if name.chars().nth(100).is_some() {
        shown.push('…');
    }
    shown
}

/// The filled cells of a sheet, where they are, and where formulas are.
struct Cells {
    /// (row, column, text), 0-based, in the sheet's order.
    values: Vec<(u32, u32, String)>,
    /// The cells holding a formula.
    formulas: HashSet<(u32, u32)>,
    /// The cells holding a number too large for the computer to hold (`1e400`).
    overflow: HashSet<(u32, u32)>,
}

/// The cells of one sheet, each checked against the limits as it is read; an error when the
/// sheet cannot be read to its end. `text_bytes` counts the text of every sheet read.
fn sheet<R: Read + std::io::Seek>(
    reader: &mut calamine::XlsxCellReader<'_, R>,
    sheet: &str,
    text_bytes: &mut u64,
) -> Result<Cells, Error> {
    let mut cells = Cells {
        values: Vec::new(),
        formulas: HashSet::new(),
        overflow: HashSet::new(),
    };
    // whether each shared formula (by its index) has text, for the cells that share it
    let mut shared: HashMap<usize, bool> = HashMap::new();
    loop {
        let record = match reader.next_cell_with_formula_metadata() {
            Ok(Some(record)) => record,
            Ok(None) => break,
            Err(e) => return Err(Error::new(sheet_damaged(&e, sheet))),
        };
        let (row, column) = record.pos;
        let formula = match &record.formula {
            Some(XlsxFormulaMetadata::Normal { formula }) => !formula.is_empty(),
            Some(XlsxFormulaMetadata::Shared {
                shared_index,
                formula,
                ..
            }) => {
                shared.insert(*shared_index, !formula.is_empty());
                !formula.is_empty()
            }
            Some(XlsxFormulaMetadata::SharedDerived { shared_index }) => {
                shared.get(shared_index).copied().unwrap_or(false)
            }
            _ => false,
        };
        let inside = (row as usize) < TABLE_ROWS && (column as usize) < TABLE_COLUMNS;
        if matches!(record.value, DataRef::Empty) {
            // an empty cell (styled, or a formula without its value) does not widen the sheet
            if formula && inside && cells.formulas.len() < TABLE_CELLS {
                cells.formulas.insert((row, column));
            }
            continue;
        }
        let at = || excel_name(row, column);
        if !inside {
            return Err(Error::new(TableLimit::Outside {
                sheet: sheet.to_string(),
                cell: at(),
            }));
        }
        let named = || CellAt::Sheet {
            sheet: sheet.to_string(),
            cell: at().unwrap_or_default(),
        };
        if cells.values.len() >= TABLE_CELLS {
            // (the same cells written again and again: a sheet spans at most so many)
            return Err(Error::new(TableLimit::Written {
                sheet: sheet.to_string(),
            }));
        }
        let value: Data = record.value.into();
        // `1e400`, or 30 million digits: read as infinity, which no text should quote as
        // `infE+00` (trial 13f J26); shown as Excel shows a number it cannot hold
        let text = match value {
            Data::Float(f) if f.is_infinite() => {
                cells.overflow.insert((row, column));
                "#NUM!".to_string()
            }
            value => cell_text(&value),
        };
        if text.len() > CELL_CHARS {
            let chars = text.chars().count();
            if chars > CELL_CHARS {
                return Err(Error::new(TableLimit::CellText { at: named(), chars }));
            }
        }
        *text_bytes += text.len() as u64;
        if *text_bytes > TABLE_BYTES {
            return Err(Error::new(TableLimit::Text { at: named() }));
        }
        if formula {
            cells.formulas.insert((row, column));
        }
        cells.values.push((row, column, text));
    }
    Ok(cells)
}

/// A 0-based cell as Excel names it (`XFD1048576`), `None` beyond Excel's own grid.
fn excel_name(row: u32, column: u32) -> Option<String> {
    (u64::from(row) < EXCEL_ROWS && u64::from(column) < EXCEL_COLUMNS)
        .then(|| format!("{}{}", column_name(column as usize), row + 1))
}

impl Cells {
    /// The sheet's rows, from its first filled row to its last, every row from column A to
    /// the last filled column (the rectangle calamine's ranges have): at most
    /// [`TABLE_CELLS`] cells.
    fn rows(self, sheet: &str) -> Result<Vec<GridRow>, Error> {
        let Some(first_row) = self.values.iter().map(|v| v.0).min() else {
            return Ok(Vec::new());
        };
        let last_row = self.values.iter().map(|v| v.0).max().unwrap_or(first_row);
        let first_col = self.values.iter().map(|v| v.1).min().unwrap_or(0);
        let last_col = self.values.iter().map(|v| v.1).max().unwrap_or(0);
        let height = (last_row - first_row) as usize + 1;
        let width = last_col as usize + 1;
        if height.saturating_mul(width) > TABLE_CELLS {
            let corner = |row: u32, column: u32| excel_name(row, column).unwrap_or_default();
            return Err(Error::new(TableLimit::Cells {
                line: last_row as usize + 1,
                sheet: Some((
                    sheet.to_string(),
                    format!(
                        "{}:{}",
                        corner(first_row, first_col),
                        corner(last_row, last_col)
                    ),
                )),
            }));
        }
        let mut grid: Vec<Vec<String>> = vec![vec![String::new(); width]; height];
        // the cells written so far: Excel writes each cell once, and a second value (a row
        // written twice) would silently replace the first, a district gone without a word
        let mut written = vec![false; height * width];
        for (row, column, text) in self.values {
            let (r, c) = ((row - first_row) as usize, column as usize);
            if std::mem::replace(&mut written[r * width + c], true) {
                return Err(Error::new(TableFileProblem::CellTwice {
                    sheet: sheet.to_string(),
                    cell: excel_name(row, column).unwrap_or_default(),
                }));
            }
            grid[r][c] = text;
        }
        Ok(grid
            .into_iter()
            .enumerate()
            .map(|(i, cells)| {
                let row = first_row + i as u32;
                // a formula's cell is empty when the file was written without computed values
                let uncomputed = (0..cells.len())
                    .filter(|&c| cells[c].is_empty() && self.formulas.contains(&(row, c as u32)))
                    .collect();
                let overflow = (0..cells.len())
                    .filter(|&c| self.overflow.contains(&(row, c as u32)))
                    .collect();
                GridRow {
                    line: row as usize + 1,
                    columns: columns(&cells),
                    cells,
                    uncomputed,
                    overflow,
                }
            })
            .collect())
    }
}

/// A cell as its row's line shows it: on one line, without tabs.
fn shown(cell: &str) -> String {
    cell.replace(['\r', '\n', '\t'], " ")
}

/// The 1-based column where each cell's text starts in its row's line (after its spaces).
fn columns(cells: &[String]) -> Vec<usize> {
    let mut columns = Vec::with_capacity(cells.len());
    let mut column = 1;
    for cell in cells {
        let leading = cell.chars().take_while(|c| c.is_whitespace()).count();
        columns.push(column + leading);
        column += cell.chars().count() + 1;
    }
    columns
}

/// A cell as text: whole numbers without a decimal point, rates as fractions (0.2298).
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        #[allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        // as Excel shows it in a General cell (`1E+300`), not as 300 digits (trial 13d G11)
        Data::Float(f) if f.abs() >= 1e15 => scientific(*f),
        Data::Float(f) => format!("{f}"),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        // a number formatted as a date: as Excel shows it (in Vietnam, day first), so that a
        // count shown as a date is refused as what the office sees, not read as its serial
        // number (43483 is 18/01/2019), and a date in a title reads as a date
        Data::DateTime(at) if at.is_datetime() => {
            let (year, month, day, hour, minute, second, _) = at.to_ymd_hms_milli();
            if (hour, minute, second) == (0, 0, 0) {
                format!("{day:02}/{month:02}/{year}")
            } else {
                format!("{day:02}/{month:02}/{year} {hour:02}:{minute:02}")
            }
        }
        other => other.to_string(),
    }
}

/// A number as Excel's General format shows a large one: six significant digits at most and
/// a signed exponent of two digits or more (`1E+300`, `1.23457E+18`).
fn scientific(f: f64) -> String {
    let written = format!("{f:.5E}");
    let (mantissa, exponent) = written.split_once('E').unwrap_or((&written, "0"));
    let mantissa = mantissa.trim_end_matches('0').trim_end_matches('.');
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let sign = if exponent < 0 { '-' } else { '+' };
    format!("{mantissa}E{sign}{:02}", exponent.abs())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_numbers_are_shown_as_excel_shows_them() {
        assert_eq!(scientific(1e300), "1E+300");
        assert_eq!(scientific(1e15), "1E+15");
        assert_eq!(scientific(1_234_567_890_123_456_789.0), "1.23457E+18");
        assert_eq!(scientific(-2.5e20), "-2.5E+20");
    }

    #[test]
    fn cells_are_named_as_excel_names_them() {
        assert_eq!(excel_name(0, 0).as_deref(), Some("A1"));
        assert_eq!(excel_name(1_048_575, 16_383).as_deref(), Some("XFD1048576"));
        assert_eq!(excel_name(1_048_576, 0), None);
        assert_eq!(excel_name(0, 16_384), None);
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(999), "ALL");
    }
}
