//! The two languages of human output, a text given in both, and names as districts are stored.

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

/// The language of everything printed for people. Vietnamese is the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// Parses `vi` or `en` (the `--lang` flag).
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks the text for this language.
    pub fn pick<'a>(self, vi: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }
}

/// A text in Vietnamese with an optional English version (English falls back to Vietnamese).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Text {
    pub vi: String,
    pub en: Option<String>,
}

impl Text {
    pub fn new(vi: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            vi: vi.into(),
            en: Some(en.into()),
        }
    }

    pub fn vi_only(vi: impl Into<String>) -> Text {
        Text {
            vi: vi.into(),
            en: None,
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => self.en.as_deref().unwrap_or(&self.vi),
        }
    }
}

/// The name as districts are stored: Unicode NFC, every run of spaces (a no-break space,
/// a line break in a spreadsheet cell) one space, trimmed.
pub fn normalise(name: &str) -> String {
    let nfc: String = name.nfc().collect();
    nfc.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The name as a person reads it, to compare names by: [`normalise`]d and in lower case, so
/// that `Volunteer`, `volunteer` and ` volunteer ` are one team kind.
pub fn fold(name: &str) -> String {
    normalise(name).to_lowercase()
}

/// The first character of `name` a reader cannot see or that a terminal would act on: a
/// control character (a tab, a line feed, an escape) or an invisible format character (a
/// zero-width space or joiner, a soft hyphen, a direction mark, a byte-order mark), with its
/// position (1-based, in characters).
pub fn hidden_character(name: &str) -> Option<(usize, char)> {
    name.chars()
        .enumerate()
        .find(|&(_, c)| is_hidden(c))
        .map(|(i, c)| (i + 1, c))
}

/// A control character, or an invisible format character ([`hidden_character`]).
pub fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}')
}

/// `name` with each character [`hidden_character`] would find written as `\u{200b}`, the rest
/// as it is: "Hữu\u{200b}Lũng".
pub fn show_hidden(name: &str) -> String {
    name.chars()
        .map(|c| {
            if is_hidden(c) {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// The characters a spreadsheet takes as the start of a formula in a cell.
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A text cell of a CSV as a spreadsheet will show it, not run it: an apostrophe before a
/// formula's first character (`=HYPERLINK(...)` becomes `'=HYPERLINK(...)`), as OWASP
/// advises for CSV files; Excel and LibreOffice show the text without the apostrophe.
pub fn neutralise_cell(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(FORMULA_START) {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

/// A cell as it was before [`neutralise_cell`]: the apostrophe it added dropped again, so
/// that the tool's own CSV reads back to the names it wrote.
pub fn unneutralise_cell(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_START) => rest,
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_formula_in_a_cell_is_neutralised_and_reads_back() {
        for (written, cell) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+1", "'+1"),
            ("-2", "'-2"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("Hữu Lũng", "Hữu Lũng"),
            ("'quoted", "'quoted"),
        ] {
            assert_eq!(neutralise_cell(written), cell);
            assert_eq!(unneutralise_cell(cell), written);
        }
    }
}
