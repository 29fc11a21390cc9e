//! Printers: the plan for people (terminal, Markdown) and for programs (JSON).
//!
//! `content` decides what the human formats say; `terminal` and `markdown` lay it out;
//! `json` writes MODEL.md's contract; `diagnosis` puts an infeasible scenario into words.
//! The printable formats (docs/printing.md): `html` lays the same content out as A4 pages,
//! `csv` and `xlsx` give the district table (and, in the workbook, the directives) to
//! spreadsheets.

pub(crate) mod content;
pub mod csv;
pub mod diagnosis;
pub mod html;
pub mod json;
pub mod letter;
pub mod markdown;
mod message;
pub mod notices;
pub mod terminal;
pub mod words;
pub mod xlsx;

use crate::diagnostic::Error;
use crate::plan::Plan;
use crate::text::Lang;
use message::ReportProblem;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Tables for the terminal.
    Text,
    Json,
    Markdown,
    /// One self-contained HTML file to print: a page per district (docs/printing.md).
    Html,
    /// The district table for spreadsheets, UTF-8 with a byte-order mark.
    Csv,
    /// An Excel workbook (binary: see [`render_bytes`]).
    Xlsx,
    /// The official letter as a Word file (binary: see [`render_letter`]).
    Docx,
    /// The official letter as one HTML file to print (see [`render_letter`]).
    LetterHtml,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        match s {
            "text" => Some(Format::Text),
            "json" => Some(Format::Json),
            "markdown" | "md" => Some(Format::Markdown),
            "html" => Some(Format::Html),
            "csv" => Some(Format::Csv),
            "xlsx" => Some(Format::Xlsx),
            "docx" => Some(Format::Docx),
            "letter-html" => Some(Format::LetterHtml),
            _ => None,
        }
    }

    /// The name as given to `--format`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
            Format::Docx => "docx",
            Format::LetterHtml => "letter-html",
        }
    }

    /// Whether the output is binary (not text): it goes to a file, never to a terminal.
    pub fn is_binary(self) -> bool {
        matches!(self, Format::Xlsx | Format::Docx)
    }

    /// Whether this is the official letter (docx, letter-html), which needs the scenario's
    /// `[letter]` ([`render_letter`]).
    pub fn is_letter(self) -> bool {
        matches!(self, Format::Docx | Format::LetterHtml)
    }

    /// Whether this is one of the plan's printable formats (html, csv, xlsx, docx,
    /// letter-html), which only `campaign plan` writes.
    pub fn is_printable(self) -> bool {
        matches!(
            self,
            Format::Html | Format::Csv | Format::Xlsx | Format::Docx | Format::LetterHtml
        )
    }
}

/// Renders `plan` in a text `format` and `lang` (for JSON, `lang` is the language of
/// `diagnosis`). The workbook is binary: for [`Format::Xlsx`] this gives the CSV of its
/// district table; [`render_bytes`] gives the workbook itself.
pub fn render(plan: &Plan, format: Format, lang: Lang) -> String {
    match format {
        Format::Text => terminal::render(plan, lang),
        Format::Json => json::render(plan, lang),
        Format::Markdown => markdown::render(plan, lang),
        Format::Html => html::render(plan, lang),
        Format::Csv | Format::Xlsx => csv::render(plan, lang),
        // the letter with every particular a placeholder: [`render_letter`] takes the
        // scenario's; the Word file is binary, and this is its HTML
        Format::Docx | Format::LetterHtml => {
            let letter = crate::scenario::Letter::default();
            letter::html::render(&letter::document(plan, &letter, lang), letter.mode)
        }
    }
}

/// Renders `plan` in any `format` as the bytes of a file: the workbook for [`Format::Xlsx`],
/// the UTF-8 text of [`render`] otherwise.
pub fn render_bytes(plan: &Plan, format: Format, lang: Lang) -> Result<Vec<u8>, Error> {
    match format {
        Format::Xlsx => xlsx::render(plan, lang).map_err(|e| {
            Error::new(ReportProblem::Workbook {
                error: e.to_string(),
            })
        }),
        Format::Docx | Format::LetterHtml => {
            render_letter(plan, &crate::scenario::Letter::default(), format, lang)
        }
        _ => Ok(render(plan, format, lang).into_bytes()),
    }
}

/// The official letter of `plan` with the particulars `letter` (the scenario's `[letter]`):
/// the Word file for [`Format::Docx`], the HTML to print otherwise.
pub fn render_letter(
    plan: &Plan,
    letter: &crate::scenario::Letter,
    format: Format,
    lang: Lang,
) -> Result<Vec<u8>, Error> {
    let doc = letter::document(plan, letter, lang);
    match format {
        Format::Docx => letter::docx::render(&doc, &plan.as_of)
            .map_err(|error| Error::new(ReportProblem::Document { error })),
        _ => Ok(letter::html::render(&doc, letter.mode).into_bytes()),
    }
}
