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
        }
    }

    /// Whether the output is binary (not text): it goes to a file, never to a terminal.
    pub fn is_binary(self) -> bool {
        self == Format::Xlsx
    }

    /// Whether this is one of the plan's printable formats (html, csv, xlsx), which only
    /// `campaign plan` writes.
    pub fn is_printable(self) -> bool {
        matches!(self, Format::Html | Format::Csv | Format::Xlsx)
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
        _ => Ok(render(plan, format, lang).into_bytes()),
    }
}
