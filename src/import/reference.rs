//! The cell references of a workbook that calamine would misread, found before it reads them.
//!
//! calamine computes a reference's row and column in 32 bits without checking (`ZZZZZZZ5` or
//! `A99999999999` overflow), and a range's size as its end minus its start (`B2:A1`
//! underflows). Where overflow is checked (a debug build, a fuzz build) that is a panic inside
//! calamine; in the release build the position wraps round, and `B4294967298` is read as `B2`.
//! No workbook Excel writes names a cell beyond its grid (`XFD1048576`) or a range that ends
//! before it starts, so a sheet that does is refused before calamine reads a byte of it
//! ([`super::xlsx`]: each part is scanned here as it is unzipped and counted).
//!
//! The part is read as calamine reads a sheet: the same XML reader with the same settings, the
//! same elements (by local name: `dimension`, `row`, `c`, `f`) and attributes (by exact name:
//! `ref`, `r`), split as calamine splits them. What calamine refuses with an error of its own
//! (a malformed attribute, a letter after the digits) ends the look there, as it ends
//! calamine's reading, except for what was computed before it, which calamine has computed too.

use std::io::BufRead;

use quick_xml::events::Event;

use crate::diagnostic::shortened;

/// Excel's own last row and column (`XFD1048576`), 1-based.
pub(super) const EXCEL_ROWS: u64 = 1_048_576;
pub(super) const EXCEL_COLUMNS: u64 = 16_384;

/// A reference that no workbook written by Excel has, as written (cut short).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum BadReference {
    /// A cell, row or range corner beyond Excel's grid.
    Outside(String),
    /// A range whose end is above or left of its start.
    Backwards(String),
    /// A cell or row reference calamine refuses with an error of its own, which does not say
    /// which (`A0`, `1A`, an empty `r=""`): as written, cut short.
    Malformed(String),
    /// A row number calamine refuses with an error of its own (`0`, `1A`): as written.
    MalformedRow(String),
    /// A shared-string cell (`t="s"`) whose value is not an index (`abc`, `-1`, `1e400`, a
    /// number past 64 bits): calamine reads it as shared string 0. `cell` is the cell's `r`.
    SharedIndex { cell: Option<String>, index: String },
    /// A shared-string cell whose index is past the shared strings the workbook has (`count`,
    /// 0 when it has none): calamine stops the sheet with an error that names no cell.
    SharedMissing {
        cell: Option<String>,
        index: usize,
        count: usize,
    },
    /// Elements nested deeper than [`XML_DEPTH`]: nothing Excel writes, and calamine reads a
    /// sheet of them as empty.
    Nested,
}

/// How deep a part's elements may nest: a sheet Excel writes nests about ten deep
/// (`worksheet`, `sheetData`, `row`, `c`, `is`, `r`, `t`, and extensions).
pub(super) const XML_DEPTH: usize = 100;

/// What the look through one part found: its first bad reference, how many shared strings it
/// holds (when it is the shared strings part, `<sst>`), and the largest shared-string index
/// its cells take, with the cell (when it is a sheet).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Scan {
    pub bad: Option<BadReference>,
    pub strings: Option<usize>,
    /// The strings the shared strings part says it holds (its `uniqueCount`, when a number):
    /// calamine reserves room for that many before reading one.
    pub declared: Option<u128>,
    pub shared_max: Option<(usize, Option<String>)>,
    /// The entries of a styles part calamine keeps one by one (`xf`, `font`, `fill`,
    /// `border`, `numFmt`), wherever they are in the part.
    pub styles: usize,
    /// The entries of a list calamine keeps one by one (`sheet`, `definedName`,
    /// `Relationship`), wherever they are in the part.
    pub entries: usize,
    /// How deep its elements nest, at most.
    pub depth: usize,
    /// The rows a sheet hides (`<row r="12" hidden="1">`), 1-based, in its order (at most
    /// [`crate::limits::TABLE_ROWS`] kept).
    pub hidden_rows: Vec<u64>,
    /// The columns a sheet hides (`<col min="2" max="3" hidden="1"/>`), 1-based ranges (at
    /// most [`crate::limits::TABLE_ROWS`] kept).
    pub hidden_columns: Vec<(u64, u64)>,
    /// The sheet the workbook opens on (`<workbookView activeTab="1">`, 0-based), when the part
    /// is the workbook's list of sheets and says so.
    pub active_tab: Option<usize>,
}

/// The first bad reference of the XML `part`, read to its end or to its first XML error (a part
/// that is not XML, such as a picture, stops at once or has nothing to find).
#[cfg(test)]
pub(super) fn first_bad(part: impl BufRead) -> Option<BadReference> {
    scan(part).bad
}

/// Looks through the XML `part` ([`Scan`]), to its end or to its first XML error: references
/// up to the first bad one, items (strings, styles, entries) to the end, so that a bad
/// reference does not hide millions of items behind it.
pub(super) fn scan(part: impl BufRead) -> Scan {
    let mut found = Scan::default();
    let mut xml = quick_xml::Reader::from_reader(part);
    // as calamine's `xml_reader` sets it
    let config = xml.config_mut();
    config.check_end_names = false;
    config.trim_text(false);
    config.check_comments = false;
    config.expand_empty_elements = true;
    let mut buf = Vec::new();
    // whether the last event was a text (or there was none yet)
    let mut after_text = true;
    // the last cell met: (its `r`, whether it is a shared-string cell, `t="s"`)
    let mut last_cell: (Option<String>, bool) = (None, false);
    // whether the last event opened a shared-string cell's value (`<v>`)
    let mut in_index = false;
    let mut depth = 0usize;
    // the last row met: a `<row>` without `r` is the one after it
    let mut last_row = 0u64;
    let mut views = 0usize;
    loop {
        // The text up to the next tag is passed over unread, so that a part whose one text is
        // 60 MB is not held in memory for it; but only between markup and text. A text event
        // ends at a `<` or `&` the reader has begun to read (passing over what follows broke
        // its state: found by fuzzing), and the first event reads a byte-order mark. A
        // shared-string cell's value is looked at on the way (its first characters kept).
        if !after_text {
            let mut index = (in_index && found.bad.is_none()).then(String::new);
            if !skip_text(&mut xml.stream(), index.as_mut()) {
                return found;
            }
            if let Some(index) = index.filter(|i| !i.is_empty()) {
                let cell = last_cell.0.clone();
                match index.parse::<usize>() {
                    Ok(i)
                        if index.len() <= INDEX_SHOWN
                            && index.bytes().all(|b| b.is_ascii_digit()) =>
                    {
                        if found.shared_max.as_ref().is_none_or(|(max, _)| i > *max) {
                            found.shared_max = Some((i, cell));
                        }
                    }
                    _ => {
                        let mut shown: String = index
                            .chars()
                            .take(INDEX_SHOWN)
                            .map(|c| if c.is_control() { '\u{fffd}' } else { c })
                            .collect();
                        if index.len() > INDEX_SHOWN {
                            shown.push('…');
                        }
                        found.bad = Some(BadReference::SharedIndex { cell, index: shown });
                    }
                }
            }
        }
        in_index = false;
        buf.clear();
        let event = match xml.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => return found,
            Ok(event) => event,
        };
        after_text = matches!(event, Event::Text(_));
        if matches!(event, Event::End(_)) {
            depth = depth.saturating_sub(1);
        }
        let Event::Start(element) = event else {
            continue;
        };
        depth += 1;
        found.depth = found.depth.max(depth);
        let local = element.local_name();
        match local.as_ref() {
            "xf" | "font" | "fill" | "border" | "numFmt" => found.styles += 1,
            "sheet" | "definedName" | "Relationship" => found.entries += 1,
            "row" => {
                let (mut number, mut hidden) = (None, false);
                for (name, value) in raw_attributes(element.attributes_raw()) {
                    match name {
                        "r" => number = value.parse::<u64>().ok(),
                        "hidden" => hidden |= value == "1" || value == "true",
                        // a row dragged to no height shows nothing: hidden as much as one
                        // marked hidden (trial 13g K9)
                        "ht" => hidden |= value.parse::<f64>().is_ok_and(|h| h == 0.0),
                        _ => {}
                    }
                }
                last_row = number.unwrap_or(last_row.saturating_add(1));
                if hidden && found.hidden_rows.len() < crate::limits::TABLE_ROWS {
                    found.hidden_rows.push(last_row);
                }
            }
            "col" => {
                let (mut min, mut max, mut hidden) = (None, None, false);
                for (name, value) in raw_attributes(element.attributes_raw()) {
                    match name {
                        "min" => min = value.parse::<u64>().ok(),
                        "max" => max = value.parse::<u64>().ok(),
                        "hidden" => hidden |= value == "1" || value == "true",
                        // a column of no width shows nothing (trial 13g K9)
                        "width" => hidden |= value.parse::<f64>().is_ok_and(|w| w == 0.0),
                        _ => {}
                    }
                }
                if hidden
                    && let Some(min) = min
                    && found.hidden_columns.len() < crate::limits::TABLE_ROWS
                {
                    found
                        .hidden_columns
                        .push((min, max.unwrap_or(min).max(min)));
                }
            }
            "workbookView" => {
                // Excel opens on the first view's sheet
                views += 1;
                if views == 1 {
                    found.active_tab = raw_attributes(element.attributes_raw())
                        .find(|(name, _)| *name == "activeTab")
                        .and_then(|(_, value)| value.parse().ok());
                }
            }
            _ => {}
        }
        // the shared strings (calamine reads from its first `sst`)
        if local.as_ref() == "sst" && found.strings.is_none() {
            found.strings = Some(0);
            found.declared = raw_attributes(element.attributes_raw())
                .find(|(name, _)| *name == "uniqueCount")
                .filter(|(_, value)| !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()))
                .map(|(_, value)| value.parse::<u128>().unwrap_or(u128::MAX));
        }
        let (key, kind): (&str, fn(&str) -> Option<BadReference>) = match local.as_ref() {
            "si" => {
                if let Some(strings) = found.strings.as_mut() {
                    *strings += 1;
                }
                continue;
            }
            "v" => {
                in_index = last_cell.1;
                continue;
            }
            "dimension" | "f" => ("ref", range),
            "row" => ("r", row),
            "c" => {
                let (mut r, mut shared) = (None, false);
                for (name, value) in raw_attributes(element.attributes_raw()) {
                    match name {
                        "r" => r = Some(value),
                        "t" => shared = value == "s",
                        _ => {}
                    }
                }
                // (the reference is kept only where a message may name it)
                last_cell = (r.filter(|_| shared).map(shortened), shared);
                ("r", cell)
            }
            _ => continue,
        };
        if found.bad.is_some() {
            continue;
        }
        // every attribute of that name, as calamine's attribute reader splits them (it stops
        // at a malformed one, with an error)
        for (name, value) in raw_attributes(element.attributes_raw()) {
            if name == key
                && let Some(bad) = kind(value)
            {
                found.bad = Some(bad);
                break;
            }
        }
    }
}

/// The number of characters of a shared-string index kept to be shown: an index Excel writes
/// has at most 10 digits.
const INDEX_SHOWN: usize = 40;

/// Consumes `stream` up to its next `<` (not included), keeping its first characters in `kept`
/// when given (at most [`INDEX_SHOWN`] bytes, and one more to show that there were more);
/// false when it cannot be read.
fn skip_text(stream: &mut impl BufRead, mut kept: Option<&mut String>) -> bool {
    loop {
        let Ok(buffered) = stream.fill_buf() else {
            return false;
        };
        if buffered.is_empty() {
            return true;
        }
        let end = buffered.iter().position(|&b| b == b'<');
        let text = &buffered[..end.unwrap_or(buffered.len())];
        if let Some(kept) = kept.as_deref_mut()
            && kept.len() <= INDEX_SHOWN
        {
            let room = (INDEX_SHOWN + 1 - kept.len()).min(text.len());
            kept.push_str(&String::from_utf8_lossy(&text[..room]));
        }
        let all = text.len();
        stream.consume(all);
        if end.is_some() {
            return true;
        }
    }
}

/// The `(key, value)` pairs of a start tag's attributes as calamine's `RawAttrIter` splits
/// them, up to the first malformed one.
fn raw_attributes(raw: &str) -> impl Iterator<Item = (&str, &str)> {
    let mut rest = raw;
    std::iter::from_fn(move || {
        let text = rest.trim_ascii_start();
        let (key, after) = text.split_once('=')?;
        let after = after.trim_ascii_start();
        let quote = after.chars().next().filter(|q| *q == '"' || *q == '\'')?;
        let value = &after[1..];
        let (value, next) = value.split_once(quote).unwrap_or((value, ""));
        rest = next;
        Some((key.trim_ascii_end(), value))
    })
}

/// How far calamine's reading of one reference (`get_row_and_optional_column`) goes: the
/// 1-based row and column (0: none) it has computed, in 64 bits so that nothing wraps, and
/// whether it read the whole text (else it stops with an error at a character it refuses).
/// Both only grow, so their last values are the largest calamine computed.
fn position(text: &str) -> (u64, u64, bool) {
    let (mut row, mut col) = (0u64, 0u64);
    let mut bytes = text.bytes();
    for b in bytes.by_ref() {
        match b {
            b'A'..=b'Z' => {
                col = col
                    .saturating_mul(26)
                    .saturating_add(u64::from(b - b'A') + 1)
            }
            b'a'..=b'z' => {
                col = col
                    .saturating_mul(26)
                    .saturating_add(u64::from(b - b'a') + 1)
            }
            b'0'..=b'9' => {
                row = u64::from(b - b'0');
                break;
            }
            _ => return (row, col, false),
        }
    }
    for b in bytes {
        match b {
            b'0'..=b'9' => row = row.saturating_mul(10).saturating_add(u64::from(b - b'0')),
            _ => return (row, col, false),
        }
    }
    (row, col, true)
}

/// Past what 32 bits hold: calamine's arithmetic overflowed on the way.
fn overflows(row: u64, col: u64) -> bool {
    row > u64::from(u32::MAX) || col > u64::from(u32::MAX)
}

/// A `<row r="...">`: calamine reads its row (and computes, then drops, a column).
fn row(text: &str) -> Option<BadReference> {
    let (row, col, whole) = position(text);
    let outside = overflows(row, col) || (whole && row > EXCEL_ROWS);
    if outside {
        return Some(BadReference::Outside(shortened(text)));
    }
    // calamine refuses these with an error that does not say where
    (!whole || row == 0).then(|| BadReference::MalformedRow(shortened(text)))
}

/// A cell (`<c r="...">`, a corner of a range), 1-based, when calamine reads it without an
/// error; `Err` with what is wrong when it is beyond Excel's grid or overflows on the way.
fn corner(text: &str) -> Result<Option<(u64, u64)>, BadReference> {
    let (row, col, whole) = position(text);
    if overflows(row, col) {
        return Err(BadReference::Outside(shortened(text)));
    }
    if !whole || row == 0 || col == 0 {
        return Ok(None);
    }
    if row > EXCEL_ROWS || col > EXCEL_COLUMNS {
        return Err(BadReference::Outside(shortened(text)));
    }
    Ok(Some((row, col)))
}

fn cell(text: &str) -> Option<BadReference> {
    match corner(text) {
        Err(bad) => Some(bad),
        Ok(Some(_)) => None,
        // calamine refuses these with an error that does not say where
        Ok(None) => Some(BadReference::Malformed(shortened(text))),
    }
}

/// A range (`<dimension ref="...">`, a shared formula's `<f ref="...">`): calamine reads its
/// corners up to the first it refuses, then subtracts the first from the second.
fn range(text: &str) -> Option<BadReference> {
    let mut corners = Vec::new();
    for part in text.split(':') {
        match corner(part) {
            Err(_) => return Some(BadReference::Outside(shortened(text))),
            Ok(None) => return None,
            Ok(Some(at)) => corners.push(at),
        }
    }
    match corners[..] {
        [(row0, col0), (row1, col1)] if row1 < row0 || col1 < col0 => {
            Some(BadReference::Backwards(shortened(text)))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bad(xml: &str) -> Option<BadReference> {
        first_bad(xml.as_bytes())
    }

    #[test]
    fn references_within_excels_grid_pass() {
        let sheet = r#"<worksheet><dimension ref="A1:XFD1048576"/><sheetData><row r="1048576" spans="1:2"><c r="XFD1048576" t="s"><f t="shared" si="0" ref="A1:A3">B1</f><v>0</v></c><c><v>1</v></c></row></sheetData></worksheet>"#;
        assert_eq!(bad(sheet), None);
        // a range calamine refuses with an error of its own is left to it
        assert_eq!(bad(r#"<dimension ref="A1:B"/>"#), None);
        // other elements and attributes are not references
        assert_eq!(
            bad(r#"<table ref="B2:A1"/><c s="ZZZZZZZZ1"/><row spans="99999999999"/>"#),
            None
        );
        // nor is text, a comment or a CDATA section
        assert_eq!(
            bad(
                r#"<t>&lt;c r="ZZZZZZZZ1"&gt;</t><!-- <c r="ZZZZZZZZ1"/> --><![CDATA[<c r="ZZZZZZZZ1"/>]]>"#
            ),
            None
        );
        // nor bytes that are not XML
        assert_eq!(first_bad(&b"\x89PNG\r\n\x1a\n\0\0<c r=\"\xff"[..]), None);
    }

    #[test]
    fn a_cell_beyond_the_grid_or_past_32_bits_is_found() {
        for (xml, found) in [
            (r#"<c r="XFE1"/>"#, "XFE1"),
            // after text, passed over unread
            (
                r#"<si><t>Hữu Lũng &amp; r="A1"</t></si><c r="XFE1"/>"#,
                "XFE1",
            ),
            // after a text and a reference before the first tag (the reader reads them)
            (r#"x&amp;<c r="XFE1"/>"#, "XFE1"),
            ("\u{feff}x &lt;&amp;y<c r=\"XFE1\"/>", "XFE1"),
            (r#"<c r="A1048577"/>"#, "A1048577"),
            (r#"<x:c r="ZZZZZZZ5"/>"#, "ZZZZZZZ5"),
            (r#"<c s="1" r='A99999999999'>"#, "A99999999999"),
            (r#"<c r="B4294967298"/>"#, "B4294967298"),
            // calamine computes the column before it meets the `!`
            (r#"<c r="AAAAAAAA!"/>"#, "AAAAAAAA!"),
            (r#"<row r="1048577"/>"#, "1048577"),
            (r#"<row r="4294967295"/>"#, "4294967295"),
            (r#"<row r = "AAAAAAAAA1"/>"#, "AAAAAAAAA1"),
            (r#"<dimension ref="A1:A1048577"/>"#, "A1:A1048577"),
            (
                r#"<f t="shared" si="0" ref="A99999999999:B2">1</f>"#,
                "A99999999999:B2",
            ),
            // a second `r`: calamine's reader may take either
            (r#"<c r="A1" r="ZZZZZZZZ1"/>"#, "ZZZZZZZZ1"),
        ] {
            assert_eq!(
                bad(xml),
                Some(BadReference::Outside(found.to_string())),
                "{xml}"
            );
        }
        let long = format!(r#"<c r="{}1"/>"#, "Z".repeat(500));
        assert_eq!(
            bad(&long),
            Some(BadReference::Outside(format!("{}…", "Z".repeat(100))))
        );
    }

    #[test]
    fn a_range_that_ends_before_it_starts_is_found() {
        for (xml, found) in [
            (r#"<dimension ref="F13:A1"/>"#, "F13:A1"),
            (r#"<dimension ref="B1:A9"/>"#, "B1:A9"),
            (
                r#"<c r="B2"><f t="shared" si="0" ref="B2:B1">1+1</f></c>"#,
                "B2:B1",
            ),
        ] {
            assert_eq!(
                bad(xml),
                Some(BadReference::Backwards(found.to_string())),
                "{xml}"
            );
        }
        assert_eq!(
            bad(r#"<dimension ref="B2:B2"/><dimension ref="A1:B2:A1"/>"#),
            None
        );
    }
    #[test]
    fn a_reference_calamine_refuses_without_saying_where_is_found() {
        for (xml, found) in [
            (r#"<c r="A0"/>"#, BadReference::Malformed("A0".into())),
            (r#"<c r="1A"/>"#, BadReference::Malformed("1A".into())),
            (r#"<c r=""/>"#, BadReference::Malformed(String::new())),
            (r#"<c r="A1B"/>"#, BadReference::Malformed("A1B".into())),
            (r#"<row r="0"/>"#, BadReference::MalformedRow("0".into())),
            (r#"<row r="5x"/>"#, BadReference::MalformedRow("5x".into())),
        ] {
            assert_eq!(bad(xml), Some(found), "{xml}");
        }
        // a cell without a reference takes the next place: calamine reads it
        assert_eq!(bad(r#"<row r="3"><c><v>1</v></c></row>"#), None);
    }

    #[test]
    fn a_shared_string_index_that_is_no_index_is_found_with_its_cell() {
        for (xml, index) in [
            ("abc", "abc"),
            ("-1", "-1"),
            ("1e400", "1e400"),
            ("+1", "+1"),
            (" 1", " 1"),
            ("1&amp;", "1&amp;"),
            ("99999999999999999999999", "99999999999999999999999"),
        ] {
            let sheet = format!(r#"<row r="5"><c r="A5" s="1" t="s"><v>{xml}</v></c></row>"#);
            assert_eq!(
                bad(&sheet),
                Some(BadReference::SharedIndex {
                    cell: Some("A5".into()),
                    index: index.into()
                }),
                "{xml}"
            );
        }
        let long = format!(r#"<c r="B2" t="s"><v>{}</v></c>"#, "9".repeat(1_000));
        assert_eq!(
            bad(&long),
            Some(BadReference::SharedIndex {
                cell: Some("B2".into()),
                index: format!("{}…", "9".repeat(INDEX_SHOWN))
            })
        );
        // a number, an empty value, a number cell, an inline string: nothing to find
        let fine = r#"<c r="A1" t="s"><v>12</v></c><c r="A2" t="s"><v></v></c><c r="A3" t="s"><v/></c><c r="A4"><v>abc</v></c><c r="A5" t="inlineStr"><is><t>-1</t></is></c>"#;
        let scan = scan(fine.as_bytes());
        assert_eq!(scan.bad, None);
        assert_eq!(scan.shared_max, Some((12, Some("A1".into()))));
    }

    #[test]
    fn shared_strings_are_counted_with_what_they_declare() {
        let sst = r#"<?xml version="1.0"?><sst xmlns="x" count="9" uniqueCount="1000000000000"><si><t>a</t></si><si><r><t>b</t></r></si></sst>"#;
        let found = scan(sst.as_bytes());
        assert_eq!(found.strings, Some(2));
        assert_eq!(found.declared, Some(1_000_000_000_000));
        assert_eq!(
            scan(r#"<worksheet><c r="A1"/></worksheet>"#.as_bytes()).strings,
            None
        );
        let unparsed = r#"<sst uniqueCount="-5"><si/></sst>"#;
        assert_eq!(scan(unparsed.as_bytes()).declared, None);
    }
}
