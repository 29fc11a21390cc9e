//! The letter as a Word file (`--format docx`), laid out as Nghị định 30/2020/NĐ-CP asks
//! (Phụ lục I): A4, margins top and bottom 20 mm, left 30 mm, right 15 mm; Times New Roman;
//! the issuing body under its parent on the left and the national heading on the right, each
//! with its line under it; số and ký hiệu beside the place and date; "V/v" under the number;
//! the body in 14 pt, justified, its first lines indented 1 cm; "Nơi nhận" bottom left in 12
//! and 11 pt, the signer bottom right; page numbers at the top centre from page 2.
//!
//! The file is written with `docx-rs`, then repacked (with the `zip` crate the workbook reader
//! uses) with every entry dated 1980-01-01, the zip format's first day, and compressed: the
//! same plan gives the same bytes on every run and machine. `docProps/core.xml` is dated with
//! the data's `as_of`, never the clock.

use std::io::{Cursor, Read, Write};

use docx_rs::{
    AlignmentType, BorderType, BuildXML, Docx, Header, LineSpacing, LineSpacingType, PageMargin,
    PageNum, PageNumType, Paragraph, ParagraphBorder, ParagraphBorderPosition, ParagraphBorders,
    Run, RunFonts, Section, SpecialIndentType, Table, TableCell, TableLayoutType, TableRow,
    VAlignType, WidthType,
};

use super::{Annex, Block, Document, OneLetter};
use crate::text::Lang;

/// The font of Vietnamese administrative documents.
const FONT: &str = "Times New Roman";

/// Sizes in half-points, as Word counts them.
const PT11: usize = 22;
const PT12: usize = 24;
const PT13: usize = 26;
const PT14: usize = 28;

/// Twentieths of a point (twips) in a millimetre.
fn mm(millimetres: f64) -> i32 {
    (millimetres * 1440.0 / 25.4).round() as i32
}

/// A4 in twips.
const A4: (u32, u32) = (11_906, 16_838);
/// The text's width: 210 mm less 30 mm left and 15 mm right.
const TEXT_MM: f64 = 165.0;

/// The margins of the decree: top 20, bottom 20, left 30, right 15 mm (the low ends of its
/// ranges, but for the left, which binds); the page number sits 10 mm from the top.
fn margins() -> PageMargin {
    PageMargin {
        top: mm(20.0),
        bottom: mm(20.0),
        left: mm(30.0),
        right: mm(15.0),
        header: mm(10.0),
        footer: mm(10.0),
        gutter: 0,
    }
}

/// The Word file of `doc`. The date written into its properties is `as_of` (`2020-09-01`).
pub fn render(doc: &Document, as_of: &str) -> Result<Vec<u8>, String> {
    if doc.letters.len() > 1 {
        return streamed(doc, as_of);
    }
    // docx-rs numbers paragraphs from a counter of the thread that builds them: a thread of
    // its own starts it afresh, so that a second letter in one process is the same bytes
    let packed = std::thread::scope(|scope| {
        scope
            .spawn(|| {
                let mut out = Cursor::new(Vec::new());
                build(doc, as_of)
                    .pack(&mut out)
                    .map(|()| out.into_inner())
                    .map_err(|e| e.to_string())
            })
            .join()
            .unwrap_or_else(|_| Err("the Word writer stopped".to_string()))
    })?;
    repack(&packed, None).map_err(|e| e.to_string())
}

/// Letters made ahead of the one being written: a few, so that memory stays that of a few
/// letters whatever their number.
const LETTERS_AHEAD: usize = 4;

/// A letter per district: the same bytes as [`build`] and `pack` give, written letter by
/// letter. docx-rs builds a tree of the whole document before it writes any of it, which for
/// 20,000 letters took 3.6 GB for an 8.7 MB file (trial F41). Here the tree holds the first
/// letter only (its section carries the page headers); it is packed, and its
/// `word/document.xml` is written with every other letter spliced in before the document's
/// own section properties, each letter made, written and dropped in turn.
///
/// docx-rs gives a paragraph its id from a counter of the thread that makes it, and the
/// paragraph that closes a section its id from the counter of the thread that writes it (after
/// `pack` sets it back to 1): as in [`render`], the letters are made on one thread and written
/// on another, so that both counters run as they do when the whole tree is built and packed.
fn streamed(doc: &Document, as_of: &str) -> Result<Vec<u8>, String> {
    let count = doc.letters.len();
    let (first_tx, first_rx) = std::sync::mpsc::sync_channel::<Docx>(1);
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Part>>(LETTERS_AHEAD);
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let (docx, rest) = start(doc, as_of);
            debug_assert!(rest.is_none());
            if first_tx.send(docx).is_err() {
                return;
            }
            for (i, letter) in doc.letters.iter().enumerate().skip(1) {
                let mut parts = letter_parts(letter, doc.lang);
                if i + 1 == count
                    && let Some(annex) = &doc.annex
                {
                    parts.extend(annex_parts(annex));
                }
                if tx.send(parts).is_err() {
                    return;
                }
            }
        });
        scope
            .spawn(move || -> Result<Vec<u8>, String> {
                let first = first_rx
                    .recv()
                    .map_err(|_| "the Word writer stopped".to_string())?;
                let mut out = Cursor::new(Vec::new());
                first.pack(&mut out).map_err(|e| e.to_string())?;
                let packed = out.into_inner();
                let mut rest = |w: &mut dyn Write| -> std::io::Result<()> {
                    for i in 1..count {
                        let parts = rx
                            .recv()
                            .map_err(|_| std::io::Error::other("the Word writer stopped"))?;
                        if i + 1 < count {
                            let mut section = next_section();
                            for part in parts {
                                section = match part {
                                    Part::P(p) => section.add_paragraph(*p),
                                    Part::T(t) => section.add_table(*t),
                                };
                            }
                            w.write_all(&section.build())?;
                        } else {
                            for part in parts {
                                match part {
                                    Part::P(p) => w.write_all(&p.build())?,
                                    Part::T(t) => w.write_all(&t.build())?,
                                }
                            }
                        }
                    }
                    Ok(())
                };
                repack(&packed, Some(&mut rest)).map_err(|e| e.to_string())
            })
            .join()
            .unwrap_or_else(|_| Err("the Word writer stopped".to_string()))
    })
}

/// The archive `packed` again, entry by entry in its order, each dated 1980-01-01 and
/// compressed (docx-rs stores them uncompressed); folder entries, which Word does not need,
/// are left out. With `rest`, `word/document.xml` gets what `rest` writes spliced in before
/// its last `<w:sectPr` (the document's own section properties). `docProps/custom.xml` gets
/// the digest of `word/document.xml` as written ([`unedited`]: `plan --out` replaces a letter
/// only while it is as the tool wrote it, trial 13g K3).
fn repack(packed: &[u8], mut rest: Option<&mut WriteRest<'_>>) -> zip::result::ZipResult<Vec<u8>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(packed))?;
    let mut entries: Vec<(String, Vec<u8>)> = Vec::with_capacity(archive.len());
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i)?;
        if entry.is_dir() {
            continue;
        }
        let name = entry.name()?.to_string();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes)?;
        match rest.as_mut() {
            Some(rest) if name == DOCUMENT => {
                let at = find_last(&bytes, b"<w:sectPr").ok_or_else(|| {
                    std::io::Error::other("the Word document has no section properties")
                })?;
                // the part is compressed in one piece, as docx-rs's own is: the deflate
                // stream depends on how its input is cut, and the file stays the same bytes
                // (written piece by piece it was 6% larger). The XML text of the letters
                // (186 MB at 10,600) is far less than the tree they were built from.
                let mut whole = bytes[..at].to_vec();
                rest(&mut whole)?;
                whole.extend_from_slice(&bytes[at..]);
                entries.push((name, whole));
            }
            _ => entries.push((name, bytes)),
        }
    }
    let digest = entries
        .iter()
        .find(|(name, _)| name == DOCUMENT)
        .map(|(_, bytes)| crate::import::skeleton::digest_bytes(bytes))
        .unwrap_or_default();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    for (name, bytes) in entries {
        out.start_file(name.as_str(), options)?;
        if name == CUSTOM {
            out.write_all(custom_properties(&digest).as_bytes())?;
        } else {
            out.write_all(&bytes)?;
        }
    }
    Ok(out.finish()?.into_inner())
}

/// The part of the letter's text.
const DOCUMENT: &str = "word/document.xml";

/// The part of the custom document properties, which Word keeps and shows under File > Info.
const CUSTOM: &str = "docProps/custom.xml";

/// What the custom property's value starts with, before the digest.
const DIGEST_LABEL: &str = "campaign plan, document digest ";

/// The custom properties: one, `campaign-planner`, with the digest of `word/document.xml`.
fn custom_properties(digest: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\" \
         xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">\
         <property fmtid=\"{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}\" pid=\"2\" name=\"campaign-planner\">\
         <vt:lpwstr>{DIGEST_LABEL}{digest}</vt:lpwstr></property></Properties>"
    )
}

/// Whether `bytes` are a letter `campaign plan --format docx` wrote and nobody has changed
/// since: its custom property holds the digest of its `word/document.xml` as it is. A letter
/// filled in or saved again in Word (its number written in, its text changed) is not.
pub fn unedited(bytes: &[u8]) -> bool {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return false;
    };
    let mut read = |name: &str| -> Option<Vec<u8>> {
        // at most what a workbook's parts may unzip to: a larger part is not the tool's
        let entry = archive.by_name(name).ok()?;
        let mut bytes = Vec::new();
        entry
            .take(crate::limits::WORKBOOK_UNZIPPED_BYTES)
            .read_to_end(&mut bytes)
            .ok()?;
        Some(bytes)
    };
    let Some(custom) = read(CUSTOM) else {
        return false;
    };
    let custom = String::from_utf8_lossy(&custom);
    let Some(written) = custom
        .split_once(DIGEST_LABEL)
        .and_then(|(_, after)| after.split('<').next())
    else {
        return false;
    };
    let written = written.to_string();
    read(DOCUMENT)
        .is_some_and(|document| crate::import::skeleton::digest_bytes(&document) == written)
}

/// What writes the letters after the first into `word/document.xml`.
type WriteRest<'a> = dyn FnMut(&mut dyn Write) -> std::io::Result<()> + 'a;

/// Where `needle` last starts in `haystack`.
fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// The document: each letter in a section of its own (its page numbers start again at 1 and
/// its first page has none), then the annex after the one letter.
fn build(doc: &Document, as_of: &str) -> Docx {
    let (mut docx, rest) = start(doc, as_of);
    let count = doc.letters.len();
    for (i, letter) in doc.letters.iter().enumerate().skip(1) {
        let mut parts = letter_parts(letter, doc.lang);
        if i + 1 == count {
            if let Some(annex) = &doc.annex {
                parts.extend(annex_parts(annex));
            }
            docx = add_last(docx, parts);
        } else {
            let mut section = next_section();
            for part in parts {
                section = match part {
                    Part::P(p) => section.add_paragraph(*p),
                    Part::T(t) => section.add_table(*t),
                };
            }
            docx = docx.add_section(section);
        }
    }
    match rest {
        Some(parts) => add_last(docx, parts),
        None => docx,
    }
}

/// The document with its first letter: in a section of its own, which carries the page
/// headers, when there are more letters (and no parts are returned); else its parts and the
/// annex, to go last, with the headers on the document.
fn start(doc: &Document, as_of: &str) -> (Docx, Option<Vec<Part>>) {
    let fonts = RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .cs(FONT)
        .east_asia(FONT);
    let date = format!("{as_of}T00:00:00Z");
    let docx = Docx::new()
        .default_fonts(fonts)
        .default_size(PT14)
        .page_size(A4.0, A4.1)
        .page_margin(margins())
        .created_at(&date)
        .updated_at(&date);
    let page_number = Header::new().add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .size(PT14)
            .add_page_num(PageNum::new()),
    );
    let blank = Header::new().add_paragraph(Paragraph::new());
    // the document's own section properties, whatever follows
    let docx = docx.page_num_type(PageNumType::new().start(1)).title_pg();
    let count = doc.letters.len();
    let Some(first) = doc.letters.first() else {
        return (docx.header(page_number).first_header(blank), None);
    };
    let mut parts = letter_parts(first, doc.lang);
    if count == 1 {
        if let Some(annex) = &doc.annex {
            parts.extend(annex_parts(annex));
        }
        return (docx.header(page_number).first_header(blank), Some(parts));
    }
    // later sections take the headers of the one before
    let mut section = next_section().header(page_number).first_header(blank);
    for part in parts {
        section = match part {
            Part::P(p) => section.add_paragraph(*p),
            Part::T(t) => section.add_table(*t),
        };
    }
    (docx.add_section(section), None)
}

/// A letter's section, before the last: A4, the decree's margins, page numbers from 1 and
/// none on its first page.
fn next_section() -> Section {
    Section::new()
        .page_size(docx_rs::PageSize::new().size(A4.0, A4.1))
        .page_margin(margins())
        .title_pg()
        .page_num_type(PageNumType::new().start(1))
}

/// `docx` with `parts`, the last letter's, in its own section.
fn add_last(mut docx: Docx, parts: Vec<Part>) -> Docx {
    for part in parts {
        docx = match part {
            Part::P(p) => docx.add_paragraph(*p),
            Part::T(t) => docx.add_table(*t),
        };
    }
    docx
}

/// A paragraph or a table, in the order they are printed.
enum Part {
    P(Box<Paragraph>),
    T(Box<Table>),
}

/// A run of `text` in `size` half-points.
fn run(text: &str, size: usize) -> Run {
    Run::new().add_text(text).size(size)
}

/// A paragraph aligned `align`, with no space before and `after` twips after it.
fn para(align: AlignmentType, after: u32) -> Paragraph {
    Paragraph::new().align(align).line_spacing(
        LineSpacing::new()
            .before(0)
            .after(after)
            .line(240)
            .line_rule(LineSpacingType::Auto),
    )
}

/// Empty space of `points` pt: an empty paragraph of that exact height.
fn gap(points: i32) -> Paragraph {
    Paragraph::new()
        .line_spacing(
            LineSpacing::new()
                .before(0)
                .after(0)
                .line(points * 20)
                .line_rule(LineSpacingType::Exact),
        )
        .size(4)
}

/// A centred line of `text`.
fn centred(text: &str, size: usize) -> Paragraph {
    para(AlignmentType::Center, 0).add_run(run(text, size))
}

/// A short line under a heading: an empty paragraph of 2 pt with a line along its top,
/// `inset` mm in from each side of the column.
fn rule(inset: f64) -> Paragraph {
    let mut p = Paragraph::new()
        .indent(Some(mm(inset)), None, Some(mm(inset)), None)
        .line_spacing(
            LineSpacing::new()
                .before(0)
                .after(0)
                .line(40)
                .line_rule(LineSpacingType::Exact),
        )
        .size(4);
    p.property = p.property.set_borders(
        ParagraphBorders::with_empty().set(
            ParagraphBorder::new(ParagraphBorderPosition::Top)
                .val(BorderType::Single)
                .size(6)
                .space(0)
                .color("000000"),
        ),
    );
    p
}

/// A cell `width` mm wide holding `paragraphs`, without borders.
fn cell(width: f64, paragraphs: Vec<Paragraph>) -> TableCell {
    let mut c = TableCell::new()
        .width(mm(width) as usize, WidthType::Dxa)
        .clear_all_border();
    for p in paragraphs {
        c = c.add_paragraph(p);
    }
    c
}

/// A table without borders of columns `widths` mm wide.
fn layout_table(rows: Vec<TableRow>, widths: &[f64]) -> Table {
    Table::without_borders(rows)
        .set_grid(widths.iter().map(|w| mm(*w) as usize).collect())
        .layout(TableLayoutType::Fixed)
        .width(mm(TEXT_MM) as usize, WidthType::Dxa)
        .indent(0)
}

/// The widths of the heading's columns: the issuing body, the national heading.
const HEAD: [f64; 2] = [62.0, 103.0];
/// The widths of the foot's columns: "Nơi nhận", the signer.
const FOOT: [f64; 2] = [80.0, 85.0];

fn letter_parts(letter: &OneLetter, lang: Lang) -> Vec<Part> {
    let mut parts = Vec::new();

    // a draft is marked above everything, in red, so that it is not signed as it is
    if let Some(draft) = &letter.draft {
        parts.push(Part::P(Box::new(
            para(AlignmentType::Center, 60).add_run(run(&draft.mark, PT14).bold().color("C00000")),
        )));
        for reason in &draft.reasons {
            parts.push(Part::P(Box::new(
                para(AlignmentType::Both, 60).add_run(run(reason, PT12).color("C00000")),
            )));
        }
        parts.push(Part::P(Box::new(gap(6))));
    }

    // the heading: the issuing body under its parent, the national heading; số beside the
    // place and date; V/v under the number
    let mut issuer = Vec::new();
    if let Some(parent) = &letter.parent {
        issuer.push(centred(parent, PT13));
    }
    issuer.push(para(AlignmentType::Center, 0).add_run(run(&letter.issuer, PT13).bold()));
    issuer.push(gap(3));
    issuer.push(rule(20.0));
    let nation = vec![
        para(AlignmentType::Center, 0).add_run(run(super::NATION.get(lang), PT13).bold()),
        para(AlignmentType::Center, 0)
            .add_run(run(super::MOTTO.get(lang), PT14).bold().underline("single")),
    ];
    let number = vec![para(AlignmentType::Center, 0).add_run(run(&letter.number, PT13))];
    let place =
        vec![para(AlignmentType::Center, 0).add_run(run(&letter.place_date, PT14).italic())];
    let subject = vec![para(AlignmentType::Center, 0).add_run(run(&letter.subject, PT12))];
    let spacer = || vec![gap(6)];
    parts.push(Part::T(Box::new(layout_table(
        vec![
            TableRow::new(vec![cell(HEAD[0], issuer), cell(HEAD[1], nation)]),
            TableRow::new(vec![cell(HEAD[0], spacer()), cell(HEAD[1], spacer())]),
            TableRow::new(vec![cell(HEAD[0], number), cell(HEAD[1], place)]),
            TableRow::new(vec![
                cell(HEAD[0], subject),
                cell(HEAD[1], vec![Paragraph::new()]),
            ]),
        ],
        &HEAD,
    ))));
    parts.push(Part::P(Box::new(gap(12))));

    // Kính gửi: one recipient on its line; several as an indented list
    match letter.to.as_slice() {
        [one] => parts.push(Part::P(Box::new(
            para(AlignmentType::Center, 240)
                .add_run(run(&format!("{} {one}", letter.to_label), PT14)),
        ))),
        many => {
            parts.push(Part::P(Box::new(
                para(AlignmentType::Left, 0)
                    .indent(Some(mm(35.0)), None, None, None)
                    .add_run(run(&letter.to_label, PT14)),
            )));
            let last = many.len().saturating_sub(1);
            for (i, line) in many.iter().enumerate() {
                parts.push(Part::P(Box::new(
                    para(AlignmentType::Left, if i == last { 240 } else { 0 })
                        .indent(Some(mm(45.0)), None, None, None)
                        .add_run(run(&format!("- {line}"), PT14)),
                )));
            }
        }
    }

    let kept = super::kept_with_signature(&letter.body);
    for (i, block) in letter.body.iter().enumerate() {
        let block = block_parts(block);
        if i < kept {
            parts.extend(block);
        } else {
            // the last directive and the closing sentence stay on the page of the signature,
            // each paragraph whole ("keep with next", "keep lines together"): a signature block
            // is never alone on its page
            parts.extend(block.into_iter().map(|part| match part {
                Part::P(p) => Part::P(Box::new(p.keep_next(true).keep_lines(true))),
                table => table,
            }));
        }
    }

    // the foot: "Nơi nhận" on the left, the signer on the right, kept on one page
    let mut copies =
        vec![para(AlignmentType::Left, 0).add_run(run(&letter.copies_label, PT12).bold().italic())];
    for line in &letter.copies {
        copies.push(para(AlignmentType::Left, 0).add_run(run(&format!("- {line}"), PT11)));
    }
    let mut signer = Vec::new();
    if let Some(authority) = &letter.authority {
        signer.push(para(AlignmentType::Center, 0).add_run(run(authority, PT14).bold()));
    }
    signer.push(para(AlignmentType::Center, 0).add_run(run(&letter.title, PT14).bold()));
    for _ in 0..3 {
        signer.push(para(AlignmentType::Center, 0).add_run(run("", PT14)));
    }
    signer.push(para(AlignmentType::Center, 0).add_run(run(&letter.signer, PT14).bold()));
    parts.push(Part::P(Box::new(gap(6).keep_next(true))));
    parts.push(Part::T(Box::new(layout_table(
        vec![
            TableRow::new(vec![
                cell(FOOT[0], copies).vertical_align(VAlignType::Top),
                cell(FOOT[1], signer).vertical_align(VAlignType::Top),
            ])
            .cant_split(),
        ],
        &FOOT,
    ))));
    parts
}

/// A body paragraph: 13 pt (the decree allows 13 to 14: a letter of eleven districts keeps its
/// signature on its first page), justified, its first line indented 1 cm, 6 pt after.
fn body(text: &str) -> Paragraph {
    para(AlignmentType::Both, 120)
        .indent(
            None,
            Some(SpecialIndentType::FirstLine(mm(10.0))),
            None,
            None,
        )
        .add_run(run(text, PT13))
}

fn block_parts(block: &Block) -> Vec<Part> {
    match block {
        Block::Text(text) => vec![Part::P(Box::new(body(text)))],
        Block::Numbered {
            number,
            text,
            details,
        } => {
            // the lines under a directive stay on its page, as in the HTML
            let mut parts = vec![Part::P(Box::new(
                body(&format!("{number} {text}")).keep_next(!details.is_empty()),
            ))];
            // one line each: a unit may itself be a list with semicolons
            let last = details.len().saturating_sub(1);
            for (i, line) in details.iter().enumerate() {
                parts.push(Part::P(Box::new(
                    para(AlignmentType::Left, if i == last { 120 } else { 0 })
                        .indent(Some(mm(10.0)), None, None, None)
                        .keep_next(i < last)
                        .keep_lines(true)
                        .add_run(run(line, PT12).italic()),
                )));
            }
            parts
        }
        Block::Figures {
            header,
            rows,
            total,
        } => vec![
            Part::T(Box::new(figures_table(header, rows, total))),
            Part::P(Box::new(gap(8))),
        ],
    }
}

/// The table of figures, with borders: the name, then right-aligned numbers; a row is never
/// split between pages.
fn figures_table(header: &[String], rows: &[Vec<String>], total: &[String]) -> Table {
    const WIDTHS: [f64; 4] = [60.0, 35.0, 35.0, 35.0];
    // `heading`: the row of headings, centred; `bold`: it or the total row
    let line = |cells: &[String], heading: bool, bold: bool| {
        TableRow::new(
            cells
                .iter()
                .enumerate()
                .map(|(i, text)| {
                    let align = if heading {
                        AlignmentType::Center
                    } else if i == 0 {
                        AlignmentType::Left
                    } else {
                        AlignmentType::Right
                    };
                    let mut r = run(text, PT12);
                    if bold {
                        r = r.bold();
                    }
                    TableCell::new()
                        .width(mm(WIDTHS[i.min(3)]) as usize, WidthType::Dxa)
                        .vertical_align(VAlignType::Center)
                        .add_paragraph(para(align, 0).add_run(r))
                })
                .collect(),
        )
        .cant_split()
    };
    let mut table_rows = vec![line(header, true, true)];
    table_rows.extend(rows.iter().map(|r| line(r, false, false)));
    table_rows.push(line(total, false, true));
    Table::new(table_rows)
        .set_grid(WIDTHS.iter().map(|w| mm(*w) as usize).collect())
        .layout(TableLayoutType::Fixed)
        .width(mm(TEXT_MM) as usize, WidthType::Dxa)
        .indent(0)
}

/// The annex, from a new page: its label, title and reference centred, then each district.
fn annex_parts(annex: &Annex) -> Vec<Part> {
    let mut parts = vec![
        Part::P(Box::new(
            para(AlignmentType::Center, 0)
                .page_break_before(true)
                .add_run(run(&annex.label, PT14).bold()),
        )),
        Part::P(Box::new(
            para(AlignmentType::Center, 0).add_run(run(&annex.title, PT14).bold()),
        )),
        Part::P(Box::new(
            para(AlignmentType::Center, 0).add_run(run(&annex.reference, PT14).italic()),
        )),
        Part::P(Box::new(gap(2))),
        Part::P(Box::new(rule(65.0))),
        Part::P(Box::new(gap(12))),
    ];
    for section in &annex.sections {
        parts.push(Part::P(Box::new(
            para(AlignmentType::Both, 60)
                .keep_next(true)
                .indent(
                    None,
                    Some(SpecialIndentType::FirstLine(mm(10.0))),
                    None,
                    None,
                )
                .add_run(run(&section.heading, PT14).bold()),
        )));
        parts.push(Part::P(Box::new(body(&section.summary).keep_next(true))));
        for block in &section.directives {
            parts.extend(block_parts(block));
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The letters written one by one are the bytes of the whole tree built and packed (trial
    /// F41): the shipped plan's letter per district, with and without an annex-free last
    /// letter, and two letters only.
    #[test]
    fn letters_written_one_by_one_are_the_bytes_of_the_whole_tree() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("scenarios/lang-son-2020-09-01-letter.toml");
        let scenario = crate::scenario::load(&path).unwrap();
        let plan = crate::plan_scenario(&scenario).unwrap();
        let mut letter = scenario.letter.clone();
        letter.recipients.clear();
        letter.mode = crate::scenario::LetterMode::PerDistrict;
        for lang in [Lang::Vi, Lang::En] {
            let annex = super::super::document(&plan, &scenario.letter, lang).annex;
            assert!(annex.is_some());
            let mut doc = super::super::document(&plan, &letter, lang);
            assert!(doc.letters.len() > 2, "{} letters", doc.letters.len());
            for keep in [doc.letters.len(), 2, 3] {
                doc.letters.truncate(keep);
                // the last letter followed by an annex, as no command makes it but the writer
                // must keep
                if keep == 3 {
                    doc.annex = annex.clone();
                }
                let whole = std::thread::scope(|scope| {
                    scope
                        .spawn(|| {
                            let mut out = Cursor::new(Vec::new());
                            build(&doc, "2020-09-01").pack(&mut out).unwrap();
                            out.into_inner()
                        })
                        .join()
                        .unwrap()
                });
                let whole = repack(&whole, None).unwrap();
                let streamed = render(&doc, "2020-09-01").unwrap();
                if whole != streamed {
                    let part = |bytes: &[u8]| {
                        let mut a = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
                        let mut e = a.by_name("word/document.xml").unwrap();
                        let mut s = String::new();
                        e.read_to_string(&mut s).unwrap();
                        s
                    };
                    let (a, b) = (part(&whole), part(&streamed));
                    let at = a.bytes().zip(b.bytes()).position(|(x, y)| x != y);
                    let at = at.unwrap_or(a.len().min(b.len()));
                    let lo = at.saturating_sub(300);
                    panic!(
                        "{keep} letters differ at {at} ({} and {} bytes):\n{}\n----\n{}",
                        a.len(),
                        b.len(),
                        &a[lo..(at + 200).min(a.len())],
                        &b[lo..(at + 200).min(b.len())]
                    );
                }
                // and again: the counters of a second letter in one process start afresh
                assert!(render(&doc, "2020-09-01").unwrap() == streamed);
            }
        }
    }
}
