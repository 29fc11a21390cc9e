//! Printers: the plan for people (terminal, Markdown) and for programs (JSON).
//!
//! `content` decides what the human formats say; `terminal` and `markdown` lay it out;
//! `json` writes MODEL.md's contract; `diagnosis` puts an infeasible scenario into words.

pub(crate) mod content;
pub mod diagnosis;
pub mod json;
pub mod markdown;
pub mod number;
pub mod terminal;
pub mod words;

use crate::plan::Plan;
use crate::text::Lang;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Tables for the terminal.
    Text,
    Json,
    Markdown,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        match s {
            "text" => Some(Format::Text),
            "json" => Some(Format::Json),
            "markdown" | "md" => Some(Format::Markdown),
            _ => None,
        }
    }
}

/// Renders `plan` in `format` and `lang` (for JSON, `lang` is the language of `diagnosis`).
pub fn render(plan: &Plan, format: Format, lang: Lang) -> String {
    match format {
        Format::Text => terminal::render(plan, lang),
        Format::Json => json::render(plan, lang),
        Format::Markdown => markdown::render(plan, lang),
    }
}
