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
}

/// The first bad reference of the XML `part`, read to its end or to its first XML error (a part
/// that is not XML, such as a picture, stops at once or has nothing to find).
pub(super) fn first_bad(part: impl BufRead) -> Option<BadReference> {
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
    loop {
        // The text up to the next tag is passed over unread, so that a part whose one text is
        // 60 MB is not held in memory for it; but only between markup and text. A text event
        // ends at a `<` or `&` the reader has begun to read (passing over what follows broke
        // its state: found by fuzzing), and the first event reads a byte-order mark.
        if !after_text && !skip_text(&mut xml.stream()) {
            return None;
        }
        buf.clear();
        let event = match xml.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => return None,
            Ok(event) => event,
        };
        after_text = matches!(event, Event::Text(_));
        let Event::Start(element) = event else {
            continue;
        };
        let (key, kind): (&str, fn(&str) -> Option<BadReference>) =
            match element.local_name().as_ref() {
                "dimension" | "f" => ("ref", range),
                "row" => ("r", row),
                "c" => ("r", cell),
                _ => continue,
            };
        // every attribute of that name, as calamine's attribute reader splits them (it stops
        // at a malformed one, with an error)
        for (name, value) in raw_attributes(element.attributes_raw()) {
            if name == key
                && let Some(bad) = kind(value)
            {
                return Some(bad);
            }
        }
    }
}

/// Consumes `stream` up to its next `<` (not included); false when it cannot be read.
fn skip_text(stream: &mut impl BufRead) -> bool {
    loop {
        let Ok(buffered) = stream.fill_buf() else {
            return false;
        };
        if buffered.is_empty() {
            return true;
        }
        match buffered.iter().position(|&b| b == b'<') {
            Some(at) => {
                stream.consume(at);
                return true;
            }
            None => {
                let all = buffered.len();
                stream.consume(all);
            }
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
    outside.then(|| BadReference::Outside(shortened(text)))
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
    corner(text).err()
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
        // what calamine refuses with an error of its own is left to it
        assert_eq!(
            bad(r#"<c r="A1B"/><c r="1A"/><c r="A0"/><c r=""/><dimension ref="A1:B"/>"#),
            None
        );
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
}
