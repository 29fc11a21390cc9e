//! The letter as one printable HTML file (`--format letter-html`): the same words as the Word
//! file, on A4 with the decree's margins (top and bottom 20 mm, left 30 mm, right 15 mm), for
//! an office that prints from its browser or shows the letter before it is opened in Word.
//! Self-contained and deterministic, every text escaped, set in Times New Roman where the
//! computer has it and otherwise in fonts with every Vietnamese letter (as the plan's HTML),
//! these scaled to Times New Roman's x-height (`font-size-adjust: 0.447`): DejaVu Serif at the
//! same size is a quarter wider, and a letter that fits its page in Word took two in the
//! browser, its signature on the second (issue 14). Scaled, it is still about a tenth wider
//! than Times New Roman, so a page that fits on Linux fits where Times New Roman is.

use std::fmt::Write;

use super::{Annex, Block, Document, OneLetter};
use crate::report::html::escape;
use crate::scenario::LetterMode;

const STYLE: &str = r#"@font-face { font-family: "Official Serif"; src: local("Times New Roman"), local("TimesNewRomanPSMT"); }
@font-face { font-family: "Official Serif"; font-weight: bold; src: local("Times New Roman Bold"), local("TimesNewRomanPS-BoldMT"); }
@font-face { font-family: "Official Serif"; font-style: italic; src: local("Times New Roman Italic"), local("TimesNewRomanPS-ItalicMT"); }
@font-face { font-family: "Official Serif"; font-weight: bold; font-style: italic; src: local("Times New Roman Bold Italic"), local("TimesNewRomanPS-BoldItalicMT"); }
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
* { box-sizing: border-box; }
body { font-family: "Official Serif", "DejaVu Serif", "Noto Serif", serif; font-size: 13pt; font-size-adjust: 0.447; line-height: 1.15; color: #000; margin: 0; }
p { margin: 0; }
table.layout { border-collapse: collapse; width: 100%; table-layout: fixed; }
table.layout td { padding: 0 2pt; vertical-align: top; text-align: center; }
.head td.body { width: 36%; }
.parent, .issuer, .number { font-size: 13pt; }
.number { white-space: nowrap; }
section.letter { padding-top: 6pt; }
table.layout.head { break-inside: avoid; page-break-inside: avoid; }
.nation { font-size: 12pt; white-space: nowrap; }
.issuer, .nation, .motto, .authority, .title, .signer { font-weight: bold; }
.motto { display: inline-block; border-bottom: 1px solid #000; }
.issuer-rule { width: 40%; margin: 1pt auto 0; border-top: 1px solid #000; }
.subject { font-size: 12pt; }
.place { font-style: italic; }
.head tr.gap td { height: 6pt; }
.to { text-align: center; margin: 12pt 0; }
.to.list { text-align: left; margin-left: 35mm; }
.to.list span { display: block; margin-left: 10mm; }
.text { text-align: justify; text-indent: 10mm; margin: 0 0 6pt; }
.details { margin: 0 0 6pt 10mm; font-size: 12pt; font-style: italic; break-before: avoid; page-break-before: avoid; break-inside: avoid; page-break-inside: avoid; }
.to, .place, .authority, .title, .signer, .motto, .annex-label, .annex-title, .annex-reference, .annex h2 { font-size: 14pt; }
table.figures { border-collapse: collapse; width: 100%; font-size: 11pt; margin: 0 0 6pt; }
table.figures th, table.figures td { border: 0.75pt solid #000; padding: 1pt 4pt; }
table.figures td.n { text-align: right; white-space: nowrap; }
table.figures tr.total td { font-weight: bold; }
table.figures tr { break-inside: avoid; page-break-inside: avoid; }
.end { break-inside: avoid; page-break-inside: avoid; }
.foot { margin-top: 8pt; }
.foot td.copies { width: 48%; text-align: left; }
.copies-label { font-size: 12pt; font-weight: bold; font-style: italic; }
.copy { font-size: 11pt; }
.signer-space { height: 60pt; }
section.letter + section.letter, section.annex { break-before: page; page-break-before: always; }
.annex-label, .annex-title { text-align: center; font-weight: bold; }
.annex-reference { text-align: center; font-style: italic; }
.annex-rule { width: 30%; margin: 2pt auto 12pt; border-top: 1px solid #000; }
.annex h2 { font-size: 14pt; text-indent: 10mm; margin: 6pt 0 3pt; break-after: avoid; page-break-after: avoid; }
.annex h2 + p.text { break-after: avoid; page-break-after: avoid; }
.draft { border: 2pt solid #c00; color: #c00; padding: 4pt 6pt; margin: 0 0 8pt; font-size: 12pt; text-align: justify; }
.draft-mark { font-weight: bold; text-align: center; font-size: 14pt; }
@media screen { body { max-width: 165mm; margin: 12mm auto; } section.letter + section.letter, section.annex { border-top: 1px dashed #999; margin-top: 16mm; padding-top: 8mm; } }
"#;

/// Page numbers at the top centre from the second page, as the decree asks: for the one
/// letter and its annex (letters sent one per district would need their own count each).
const PAGE_NUMBERS: &str = "@page { @top-center { content: counter(page); font-family: \"Official Serif\", \"DejaVu Serif\", \"Noto Serif\", serif; font-size: 14pt; } }\n@page :first { @top-center { content: none; } }\n";

/// The HTML of `doc`.
pub fn render(doc: &Document, mode: LetterMode) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "<!DOCTYPE html>");
    let _ = writeln!(out, "<html lang=\"{}\">", doc.lang.pick("vi", "en"));
    let _ = writeln!(out, "<head>");
    let _ = writeln!(out, "<meta charset=\"utf-8\">");
    let _ = writeln!(out, "<title>{}</title>", escape(&doc.title));
    let numbers = if mode == LetterMode::Annex {
        PAGE_NUMBERS
    } else {
        ""
    };
    let _ = writeln!(out, "<style>\n{STYLE}{numbers}</style>");
    let _ = writeln!(out, "</head>");
    let _ = writeln!(out, "<body>");
    for letter in &doc.letters {
        one_letter(&mut out, letter, doc.lang);
    }
    if let Some(annex) = &doc.annex {
        annex_section(&mut out, annex);
    }
    let _ = writeln!(out, "</body>");
    let _ = writeln!(out, "</html>");
    out
}

fn one_letter(out: &mut String, letter: &OneLetter, lang: crate::text::Lang) {
    let _ = writeln!(out, "<section class=\"letter\">");
    if let Some(draft) = &letter.draft {
        let _ = write!(
            out,
            "<div class=\"draft\"><p class=\"draft-mark\">{}</p>",
            escape(&draft.mark)
        );
        for reason in &draft.reasons {
            let _ = write!(out, "<p>{}</p>", escape(reason));
        }
        let _ = writeln!(out, "</div>");
    }
    let _ = writeln!(out, "<table class=\"layout head\">");
    let _ = write!(out, "<tr><td class=\"body\">");
    if let Some(parent) = &letter.parent {
        let _ = write!(out, "<p class=\"parent\">{}</p>", escape(parent));
    }
    let _ = write!(
        out,
        "<p class=\"issuer\">{}</p><div class=\"issuer-rule\"></div></td>",
        escape(&letter.issuer)
    );
    let _ = writeln!(
        out,
        "<td><p class=\"nation\">{}</p><p><span class=\"motto\">{}</span></p></td></tr>",
        escape(super::NATION.get(lang)),
        escape(super::MOTTO.get(lang))
    );
    let _ = writeln!(out, "<tr class=\"gap\"><td></td><td></td></tr>");
    let _ = writeln!(
        out,
        "<tr><td><p class=\"number\">{}</p><p class=\"subject\">{}</p></td><td><p class=\"place\">{}</p></td></tr>",
        escape(&letter.number),
        escape(&letter.subject),
        escape(&letter.place_date)
    );
    let _ = writeln!(out, "</table>");

    match letter.to.as_slice() {
        [one] => {
            let _ = writeln!(
                out,
                "<p class=\"to\">{} {}</p>",
                escape(&letter.to_label),
                escape(one)
            );
        }
        many => {
            let _ = write!(out, "<p class=\"to list\">{}", escape(&letter.to_label));
            for line in many {
                let _ = write!(out, "<span>- {}</span>", escape(line));
            }
            let _ = writeln!(out, "</p>");
        }
    }

    // the last directive and the closing sentence stay with the signature: a signature block
    // is never alone on its page (`.end` is not broken between pages)
    let (blocks, kept) = letter
        .body
        .split_at(super::kept_with_signature(&letter.body));
    for block in blocks {
        block_html(out, block);
    }
    let _ = writeln!(out, "<div class=\"end\">");
    for block in kept {
        block_html(out, block);
    }
    let _ = writeln!(
        out,
        "<table class=\"layout foot\"><tr><td class=\"copies\">"
    );
    let _ = writeln!(
        out,
        "<p class=\"copies-label\">{}</p>",
        escape(&letter.copies_label)
    );
    for line in &letter.copies {
        let _ = writeln!(out, "<p class=\"copy\">- {}</p>", escape(line));
    }
    let _ = writeln!(out, "</td><td>");
    if let Some(authority) = &letter.authority {
        let _ = writeln!(out, "<p class=\"authority\">{}</p>", escape(authority));
    }
    let _ = writeln!(out, "<p class=\"title\">{}</p>", escape(&letter.title));
    let _ = writeln!(out, "<div class=\"signer-space\"></div>");
    let _ = writeln!(out, "<p class=\"signer\">{}</p>", escape(&letter.signer));
    let _ = writeln!(out, "</td></tr></table>");
    let _ = writeln!(out, "</div>");
    let _ = writeln!(out, "</section>");
}

fn block_html(out: &mut String, block: &Block) {
    match block {
        Block::Text(text) => {
            let _ = writeln!(out, "<p class=\"text\">{}</p>", escape(text));
        }
        Block::Numbered {
            number,
            text,
            details,
        } => {
            let _ = writeln!(
                out,
                "<p class=\"text directive\">{} {}</p>",
                escape(number),
                escape(text)
            );
            if !details.is_empty() {
                let _ = write!(out, "<p class=\"details\">");
                for (i, line) in details.iter().enumerate() {
                    let br = if i == 0 { "" } else { "<br>" };
                    let _ = write!(out, "{br}{}", escape(line));
                }
                let _ = writeln!(out, "</p>");
            }
        }
        Block::Figures {
            header,
            rows,
            total,
        } => {
            let _ = writeln!(out, "<table class=\"figures\">");
            let _ = write!(out, "<thead><tr>");
            for h in header {
                let _ = write!(out, "<th>{}</th>", escape(h));
            }
            let _ = writeln!(out, "</tr></thead>");
            let _ = writeln!(out, "<tbody>");
            let rows = rows.iter().map(|r| (r, false));
            for (row, is_total) in rows.chain(std::iter::once((total, true))) {
                let _ = write!(
                    out,
                    "<tr{}>",
                    if is_total { " class=\"total\"" } else { "" }
                );
                for (i, cell) in row.iter().enumerate() {
                    let class = if i == 0 { "" } else { " class=\"n\"" };
                    let _ = write!(out, "<td{class}>{}</td>", escape(cell));
                }
                let _ = writeln!(out, "</tr>");
            }
            let _ = writeln!(out, "</tbody>");
            let _ = writeln!(out, "</table>");
        }
    }
}

fn annex_section(out: &mut String, annex: &Annex) {
    let _ = writeln!(out, "<section class=\"annex\">");
    let _ = writeln!(out, "<p class=\"annex-label\">{}</p>", escape(&annex.label));
    let _ = writeln!(out, "<p class=\"annex-title\">{}</p>", escape(&annex.title));
    let _ = writeln!(
        out,
        "<p class=\"annex-reference\">{}</p>",
        escape(&annex.reference)
    );
    let _ = writeln!(out, "<div class=\"annex-rule\"></div>");
    for section in &annex.sections {
        let _ = writeln!(out, "<h2>{}</h2>", escape(&section.heading));
        let _ = writeln!(out, "<p class=\"text\">{}</p>", escape(&section.summary));
        for block in &section.directives {
            block_html(out, block);
        }
    }
    let _ = writeln!(out, "</section>");
}
