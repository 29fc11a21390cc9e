//! A TOML syntax error of a scenario file, read: the parser's finding (its English words and
//! the spot) becomes a [`Syntax`] kind, worded in both languages with what to write instead,
//! and the spot moves where the fix goes when the parser stopped further on (an inline table
//! left open on the line above, `[history]` written with single brackets before `[[history]]`).

use super::message::{DatePart, DocumentProblem, Syntax, example};
use crate::diagnostic::Error;
use crate::source::{Pos, Source};

/// The most parts a dotted key may have (the parser's limit).
const KEY_DEPTH: usize = 80;

/// The error for the syntax error `err` of `src`.
pub(crate) fn syntax_error(src: &Source, err: &toml::de::Error) -> Error {
    let message = err.message().trim_end();
    let text = src.text.as_str();
    let start = err.span().map(|span| floor(text, span.start));
    let end = err.span().map(|span| floor(text, span.end.max(span.start)));
    let (syntax, at) = match start {
        Some(start) => classify(text, message, start, end.unwrap_or(start)),
        None => without_spot(text, message),
    };
    // a NUL byte outside a text: the file is damaged or no text file; whatever the parser made
    // of it (a key, shown as `�`), the NUL is the thing to name (trial G16)
    if !matches!(syntax, Syntax::ControlInString { .. })
        && let Some(nul) = text.find('\0')
    {
        return src.error(
            Pos::Offset(nul),
            DocumentProblem::NotToml {
                syntax: Syntax::NulByte,
            },
        );
    }
    src.error(at, DocumentProblem::NotToml { syntax })
}

/// `offset` moved back to a character boundary of `text`, and into it.
fn floor(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// An error the parser gives no spot for.
fn without_spot(text: &str, message: &str) -> (Syntax, Pos) {
    if message.starts_with("recursion limit") || message.starts_with("cannot recurse") {
        // the key with too many parts: the first line whose key has that many dots
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            let key = line.split('=').next().unwrap_or("");
            if key.matches('.').count() + 1 >= KEY_DEPTH {
                return (Syntax::TooDeep, Pos::Offset(offset));
            }
            offset += line.len();
        }
        return (Syntax::TooDeep, Pos::File);
    }
    (
        Syntax::Other {
            library: message.to_string(),
        },
        Pos::File,
    )
}

/// The line of `text` holding `offset`: its start and end (before the line break).
fn line_around(text: &str, offset: usize) -> (usize, usize) {
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    (start, end)
}

/// The 1-based line number of `offset`.
fn line_number(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}

/// The key written before `=` on the line that holds `offset`, when `offset` is after it and
/// not inside a list or inline table.
fn key_before(text: &str, offset: usize) -> String {
    let (start, _) = line_around(text, offset);
    let before = &text[start..offset];
    match before.split_once('=') {
        Some((key, value)) if !value.contains(['[', '{']) => unquoted(key.trim()).to_string(),
        _ => String::new(),
    }
}

/// `"a"` or `'a'` without its quotes.
fn unquoted(key: &str) -> &str {
    key.strip_prefix('"')
        .and_then(|k| k.strip_suffix('"'))
        .or_else(|| key.strip_prefix('\'').and_then(|k| k.strip_suffix('\'')))
        .unwrap_or(key)
}

/// The name of the table header `line` (`[target]`, `[[district]]`) and whether it has double
/// brackets; `None` when the line is no header.
fn header(line: &str) -> Option<(&str, bool)> {
    let line = line.split('#').next().unwrap_or("").trim();
    if let Some(inner) = line.strip_prefix("[[") {
        let inner = inner.split("]]").next().unwrap_or(inner);
        return Some((inner.trim(), true));
    }
    let inner = line.strip_prefix('[')?;
    let inner = inner.split(']').next().unwrap_or(inner);
    Some((inner.trim(), false))
}

/// The table the line at `offset` is in: the name of the last header above it (`""` for the
/// top level).
fn table_of(text: &str, offset: usize) -> &str {
    let (start, _) = line_around(text, offset);
    text[..start]
        .lines()
        .rev()
        .find_map(header)
        .map_or("", |(name, _)| name)
}

/// The value written at `offset`: up to a comment, a comma or a closing bracket.
fn value_at(text: &str, offset: usize) -> &str {
    let (_, end) = line_around(text, offset);
    let rest = &text[offset..end];
    let stop = rest.find([',', ']', '}', '#']).unwrap_or(rest.len());
    rest[..stop].trim()
}

/// The word around `offset`: between spaces, `=` and brackets.
fn token_at(text: &str, offset: usize) -> &str {
    between_edges(text, offset, "=,[]{}#").trim()
}

/// The part of a dotted bare key that holds `offset`: `vоlunteer` in `[team_kind.vоlunteer]`.
fn key_part_at(text: &str, offset: usize) -> &str {
    between_edges(text, offset, "=,.[]{}#\"'")
}

/// The text around `offset` on its line between two spaces or `edges` characters (the edge
/// after the start whatever its length: a no-break space is two bytes).
fn between_edges<'t>(text: &'t str, offset: usize, edges: &str) -> &'t str {
    let (line_start, line_end) = line_around(text, offset);
    let is_edge = |c: char| c.is_whitespace() || edges.contains(c);
    let start = text[line_start..offset]
        .char_indices()
        .rev()
        .find(|&(_, c)| is_edge(c))
        .map_or(line_start, |(i, c)| line_start + i + c.len_utf8());
    let end = text[offset..line_end]
        .find(is_edge)
        .map_or(line_end, |i| offset + i);
    &text[start..end]
}

/// Whether only spaces are before `offset` on its line.
fn starts_line(text: &str, offset: usize) -> bool {
    let (start, _) = line_around(text, offset);
    text[start..offset].trim().is_empty()
}

/// The end of the last line above `offset` that holds more than spaces and a comment.
fn end_of_line_above(text: &str, offset: usize) -> Option<usize> {
    let (start, _) = line_around(text, offset);
    let mut end = start.checked_sub(1)?;
    loop {
        let (line_start, _) = line_around(text, end);
        let line = &text[line_start..end];
        let content = line.split('#').next().unwrap_or("").trim_end();
        if !content.trim().is_empty() {
            return Some(line_start + content.len());
        }
        end = line_start.checked_sub(1)?;
    }
}

/// [`Syntax::UnclosedString`] for a text opened with `quote` on the line of `at`: with the
/// line and its closing quote, for a one-line text on a short line.
fn unclosed_string(text: &str, at: usize, quote: &'static str) -> Syntax {
    let (line_start, line_end) = line_around(text, at);
    // the whole line when `at` is its opening quote, else the line up to `at`
    let end = if text[at..].starts_with(quote) {
        line_end
    } else {
        at
    };
    let line = text[line_start..end].trim();
    let fixed = (quote.len() == 1 && line.chars().count() <= 80).then(|| format!("{line}{quote}"));
    Syntax::UnclosedString { quote, fixed }
}

/// The opening `"` of the first one-line text before `before` that its line does not close
/// (TOML texts in `"` end on their line), skipping comments, literal texts and multi-line
/// texts.
fn open_string_before(text: &str, before: usize) -> Option<usize> {
    enum In {
        Code,
        Comment,
        Basic(usize),
        Literal,
        MultiBasic,
        MultiLiteral,
    }
    let bytes = text.as_bytes();
    let mut state = In::Code;
    let mut i = 0;
    while i < bytes.len() && i < before {
        let rest = &bytes[i..];
        match state {
            In::Code => match bytes[i] {
                b'#' => state = In::Comment,
                b'"' if rest.starts_with(b"\"\"\"") => {
                    state = In::MultiBasic;
                    i += 2;
                }
                b'\'' if rest.starts_with(b"'''") => {
                    state = In::MultiLiteral;
                    i += 2;
                }
                b'"' => state = In::Basic(i),
                b'\'' => state = In::Literal,
                _ => {}
            },
            In::Comment | In::Literal if bytes[i] == b'\n' => state = In::Code,
            In::Literal if bytes[i] == b'\'' => state = In::Code,
            In::Basic(open) => match bytes[i] {
                b'\\' => i += 1,
                b'"' => state = In::Code,
                b'\n' => return Some(open),
                _ => {}
            },
            In::MultiBasic if bytes[i] == b'\\' => i += 1,
            In::MultiBasic if rest.starts_with(b"\"\"\"") => {
                state = In::Code;
                i += 2;
            }
            In::MultiLiteral if rest.starts_with(b"'''") => {
                state = In::Code;
                i += 2;
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// The parser's finding `message` at `start..end` of `text`, as a kind, and where it is.
fn classify(text: &str, message: &str, start: usize, end: usize) -> (Syntax, Pos) {
    // a one-line text left open above the spot: the cause, whatever the parser made of the
    // lines after it (a missing `]`, a key with spaces: trial 13e H25)
    if let Some(open) = open_string_before(text, start) {
        return (unclosed_string(text, open, "\""), Pos::Offset(open));
    }
    let (description, expected) = message.split_once(", expected ").unwrap_or((message, ""));
    let at = Pos::Offset(start);
    let here = text[start..].chars().next();
    let other = || Syntax::Other {
        library: message.to_string(),
    };
    let syntax = match description {
        d if d.starts_with("invalid basic string")
            || d.starts_with("invalid literal string")
            || d.starts_with("invalid multi-line basic string")
            || d.starts_with("invalid multi-line literal string") =>
        {
            match here {
                Some(c) if c.is_control() && c != '\n' && c != '\r' => {
                    Syntax::ControlInString { code: u32::from(c) }
                }
                _ => {
                    let quote = match d {
                        d if d.starts_with("invalid basic") => "\"",
                        d if d.starts_with("invalid literal") => "'",
                        d if d.starts_with("invalid multi-line basic") => "\"\"\"",
                        _ => "'''",
                    };
                    unclosed_string(text, start, quote)
                }
            }
        }
        "string values must be quoted" | "missing value" | "missing value for key" => {
            let word = value_at(text, start);
            let key = key_before(text, start);
            if word.is_empty() {
                let example = example(table_of(text, start), &key).map(str::to_string);
                Syntax::MissingValue { key, example }
            } else {
                Syntax::BareWord {
                    key,
                    word: word.to_string(),
                }
            }
        }
        "unclosed table" | "unclosed array table" => {
            let (line_start, line_end) = line_around(text, start);
            Syntax::UnclosedHeader {
                header: text[line_start..line_end].trim().to_string(),
                double: description == "unclosed array table",
            }
        }
        "duplicate key" => return duplicate(text, start, end),
        "missing escaped value" | "too few unicode value digits" => {
            let (line_start, _) = line_around(text, start);
            let from = text[line_start..start]
                .rfind('\\')
                .map_or(start, |i| line_start + i);
            // the backslash and the letter after it, with the hex digits of `\u`, `\U`, `\x`
            let mut chars = text[from..].chars();
            let mut escape: String = chars.by_ref().take(2).collect();
            if escape.ends_with(['u', 'U', 'x']) {
                escape.extend(chars.take_while(char::is_ascii_hexdigit).take(8));
            }
            Syntax::InvalidEscape { escape }
        }
        "unclosed array" => Syntax::UnclosedList,
        "missing comma between array elements" => {
            if starts_line(text, start) {
                Syntax::UnclosedList
            } else {
                Syntax::MissingCommaInList
            }
        }
        "unclosed inline table"
        | "missing comma between key-value pairs"
        | "extra assignment between key-value pairs" => {
            // a table left open: the parser read on into the next line; the `}` goes at the
            // end of the line above
            if starts_line(text, start)
                && let Some(above) = end_of_line_above(text, start)
            {
                return (Syntax::UnclosedInlineTable, Pos::Offset(above));
            }
            if description == "unclosed inline table" {
                Syntax::UnclosedInlineTable
            } else {
                Syntax::MissingCommaInTable
            }
        }
        "extra comma in array" | "extra comma in inline table" => Syntax::ExtraComma,
        "missing opening quote" => Syntax::StrayClosing {
            mark: match expected {
                e if e.contains('\'') => "'",
                _ => "\"",
            },
        },
        "missing array opening" | "missing table open" => Syntax::StrayClosing { mark: "]" },
        "missing inline table opening" => Syntax::StrayClosing { mark: "}" },
        "invalid inline table element" | "missing key for inline table element" => {
            Syntax::InlineTableEntry
        }
        "invalid key-value pair" => {
            let (line_start, line_end) = line_around(text, start);
            let line = &text[line_start..line_end];
            Syntax::BadKey {
                key: line.split('=').next().unwrap_or(line).trim().to_string(),
            }
        }
        d if d.starts_with("invalid date")
            || d.starts_with("invalid time")
            || d.starts_with("invalid offset")
            || d.starts_with("invalid datetime") =>
        {
            let (part, range) = date_part(expected);
            // the key of the line (`date = 2020-9-1` in [letter]): the hint's example names it
            let (line_start, line_end) = line_around(text, start);
            let line = &text[line_start..line_end];
            let key = match line.split_once('=') {
                Some((key, _))
                    if !key.trim().is_empty()
                        && key
                            .trim()
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') =>
                {
                    key.trim().to_string()
                }
                _ => "as_of".to_string(),
            };
            Syntax::InvalidDate {
                written: token_at(text, start).to_string(),
                part,
                range,
                key,
            }
        }
        "key with no value" | "missing assignment between key-value pairs" => {
            let (line_start, line_end) = line_around(text, start);
            let line = &text[line_start..line_end];
            Syntax::KeyWithoutValue {
                key: line.split('=').next().unwrap_or(line).trim().to_string(),
            }
        }
        "invalid unquoted key"
        | "unquoted keys cannot be empty"
        | "keys cannot be multi-line basic strings"
        | "keys cannot be multi-line literal strings" => {
            let (line_start, line_end) = line_around(text, start);
            let line = &text[line_start..line_end];
            let key = line.split('=').next().unwrap_or(line).trim();
            let key = key.trim_start_matches('[').trim_end_matches(']').trim();
            // a Cyrillic `о` or an invisible character in a key is refused where it is: the
            // key is the one that holds it (`commune` in `teams = { cоmmune = 8 }`)
            let here = key_part_at(text, start);
            let key = if crate::diagnostic::unlike_vi(here).is_some() {
                here
            } else {
                key
            };
            Syntax::BadKey {
                key: key.to_string(),
            }
        }
        "unexpected key or value" | "unexpected content" => {
            let before = text[..start].chars().next_back();
            let after = text[start..].chars().nth(1);
            if here == Some(',')
                && before.is_some_and(|c| c.is_ascii_digit())
                && after.is_some_and(|c| c.is_ascii_digit())
            {
                let written = token_at(text, start).to_string();
                let number: String = text[start + 1..]
                    .chars()
                    .take_while(char::is_ascii_digit)
                    .collect();
                let whole = text[..start]
                    .chars()
                    .rev()
                    .take_while(|c| c.is_ascii_digit() || *c == '_' || *c == '-')
                    .collect::<Vec<_>>();
                let whole: String = whole.into_iter().rev().collect();
                let written = if written.contains(',') {
                    written
                } else {
                    format!("{whole},{number}")
                };
                Syntax::DecimalComma {
                    with_dot: written.replacen(',', ".", 1),
                    written,
                }
            } else {
                let (line_start, line_end) = line_around(text, start);
                // `a = 1 b = 2` stops at the second `=`: the extra starts at its key, `b`
                let from = if here == Some('=') {
                    let before = text[line_start..start].trim_end();
                    before
                        .char_indices()
                        .rev()
                        .find(|&(_, c)| c.is_whitespace())
                        .map_or(line_start, |(i, c)| line_start + i + c.len_utf8())
                } else {
                    start
                };
                let rest = &text[from..line_end];
                let extra = rest.split('#').next().unwrap_or(rest).trim().to_string();
                return (Syntax::ExtraContent { extra }, Pos::Offset(from));
            }
        }
        "extra `=`" | "unexpected `=` in array" => Syntax::ExtraEquals,
        "invalid float"
        | "invalid integer number"
        | "invalid hexadecimal number"
        | "invalid octal number"
        | "invalid binary number"
        | "invalid fraction"
        | "invalid mantissa"
        | "invalid exponent"
        | "`_` may only go between digits"
        | "unexpected leading zero"
        | "redundant numeric sign"
        | "redundant integer number prefix"
        | "integers with a radix cannot be signed"
        | "radix must be lowercase"
        | "unexpected sign" => Syntax::BadNumber {
            written: token_at(text, start).to_string(),
        },
        // `\uD800`: four hex digits, but a code of the UTF-16 pairs, no character (G23)
        "invalid value" if expected.contains("unicode") => {
            let (line_start, _) = line_around(text, start);
            let from = text[line_start..start.max(line_start)]
                .rfind('\\')
                .map_or(start, |i| line_start + i);
            let mut chars = text[from..].chars();
            let mut escape: String = chars.by_ref().take(2).collect();
            escape.extend(chars.take_while(char::is_ascii_hexdigit).take(8));
            return (Syntax::NotACharacter { escape }, Pos::Offset(from));
        }
        "invalid boolean" => Syntax::BadBoolean {
            written: token_at(text, start).to_string(),
        },
        "carriage return must be followed by newline" => Syntax::ControlCharacter { code: 0x0D },
        "invalid comment character" => match here {
            Some(c) if c.is_control() => Syntax::ControlCharacter { code: u32::from(c) },
            _ => other(),
        },
        d if d.starts_with("cannot extend value of type") => Syntax::DottedKeyOnValue {
            key: unquoted(text[start..end].trim()).to_string(),
        },
        d if d.starts_with("recursion limit") || d.starts_with("cannot recurse") => Syntax::TooDeep,
        _ => other(),
    };
    (syntax, at)
}

/// `month between 01 and 12` (the parser's "expected"): the part and its range.
fn date_part(expected: &str) -> (Option<DatePart>, Option<(String, String)>) {
    let mut words = expected.split_whitespace();
    let part = match words.next() {
        Some("year") => DatePart::Year,
        Some("month") => DatePart::Month,
        Some("day") => DatePart::Day,
        Some("hour") => DatePart::Hour,
        Some("minute") => DatePart::Minute,
        Some("second") => DatePart::Second,
        _ => return (None, None),
    };
    let range = match (words.next(), words.next(), words.next(), words.next()) {
        (Some("between"), Some(low), Some("and"), Some(high))
            if low.bytes().all(|b| b.is_ascii_digit())
                && high.bytes().all(|b| b.is_ascii_digit()) =>
        {
            Some((low.to_string(), high.to_string()))
        }
        _ => None,
    };
    (Some(part), range)
}

/// A key written twice (the second at `start..end`): a key of a table, a table header written
/// twice, or `[name]` with single brackets beside `[[name]]` (pointed at the single one).
fn duplicate(text: &str, start: usize, end: usize) -> (Syntax, Pos) {
    let key = unquoted(text[start..end].trim()).to_string();
    let (line_start, line_end) = line_around(text, start);
    let number = line_number(text, start);
    // every header of the file with its line, start offset and name
    let mut headers = Vec::new();
    let mut offset = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        if let Some((name, double)) = header(line) {
            headers.push((i + 1, offset, name, double));
        }
        offset += line.len();
    }
    if let Some((name, double)) = header(&text[line_start..line_end])
        && name == key
    {
        // `[name]` beside `[[name]]`: the single one is the mistake
        let single = headers
            .iter()
            .find(|&&(_, _, n, d)| n == name && !d)
            .copied();
        let double_at = headers
            .iter()
            .find(|&&(_, _, n, d)| n == name && d)
            .copied();
        if let (Some((_, at, _, _)), Some((double_line, _, _, _))) = (single, double_at) {
            let column = text[at..].find(name).map_or(at, |i| at + i);
            return (
                Syntax::SingleBrackets {
                    name: name.to_string(),
                    double_line,
                },
                Pos::Offset(column),
            );
        }
        if !double
            && let Some(&(first, _, _, _)) = headers
                .iter()
                .find(|&&(line, _, n, d)| n == name && !d && line < number)
        {
            return (
                Syntax::HeaderTwice {
                    name: name.to_string(),
                    first_line: Some(first),
                },
                Pos::Offset(start),
            );
        }
    }
    // a key: where it is first written in the same table (from the header above)
    let section = headers
        .iter()
        .rev()
        .find(|&&(line, _, _, _)| line < number)
        .map_or(0, |&(_, at, _, _)| at);
    let first_line = text[section..line_start]
        .split_inclusive('\n')
        .scan(section, |at, line| {
            let here = *at;
            *at += line.len();
            Some((here, line))
        })
        .find(|(_, line)| {
            let written = line.split('=').next().unwrap_or("").trim();
            line.contains('=') && {
                let written = unquoted(written);
                written == key || written.starts_with(&format!("{key}."))
            }
        })
        .map(|(at, _)| line_number(text, at));
    (Syntax::DuplicateKey { key, first_line }, Pos::Offset(start))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The kind and line:column of the syntax error of `text`.
    fn read(text: &str) -> (Syntax, usize, usize) {
        let err = toml::de::DeTable::parse(text).expect_err("a syntax error");
        let (syntax, _) = match err.span() {
            Some(span) => classify(text, err.message(), span.start, span.end),
            None => without_spot(text, err.message()),
        };
        let e = syntax_error(&Source::setting(text), &err);
        let (line, column) = (e.location.line.unwrap_or(0), e.location.column.unwrap_or(0));
        (syntax, line, column)
    }

    #[test]
    fn each_mistake_has_its_kind() {
        assert!(matches!(
            read("name = \"abc\n").0,
            Syntax::UnclosedString { quote: "\"", .. }
        ));
        assert!(matches!(
            read("name = \"a\u{0}b\"\n").0,
            Syntax::ControlInString { code: 0 }
        ));
        assert_eq!(
            read("horizon_days = \n").0,
            Syntax::MissingValue {
                key: "horizon_days".into(),
                example: Some("horizon_days = 14".into())
            }
        );
        assert_eq!(
            read("objective = max-installs # x\n").0,
            Syntax::BareWord {
                key: "objective".into(),
                word: "max-installs".into()
            }
        );
        assert_eq!(
            read("a = 0,40\n").0,
            Syntax::DecimalComma {
                written: "0,40".into(),
                with_dot: "0.40".into()
            }
        );
        assert_eq!(
            read("a = 1\nb = 2\na = 3\n"),
            (
                Syntax::DuplicateKey {
                    key: "a".into(),
                    first_line: Some(1)
                },
                3,
                1
            )
        );
        assert_eq!(
            read("[t]\na = 1\n[t]\n").0,
            Syntax::HeaderTwice {
                name: "t".into(),
                first_line: Some(1)
            }
        );
        // the single-bracket header is pointed at, wherever the parser stopped
        assert_eq!(
            read("[history]\ndate = 1\n[[history]]\ndate = 2\n"),
            (
                Syntax::SingleBrackets {
                    name: "history".into(),
                    double_line: 3
                },
                1,
                2
            )
        );
        assert_eq!(
            read("a = \"x\\qy\"\n").0,
            Syntax::InvalidEscape {
                escape: "\\q".into()
            }
        );
        // an inline table left open: the `}` goes at the end of its line
        assert_eq!(
            read("teams = { commune = 24 \nquarantine = 15\n"),
            (Syntax::UnclosedInlineTable, 1, 23)
        );
        // the list's `]` forgotten: the header below is read as an item, the key after it is not
        assert_eq!(
            read("a = [\n  \"x\",\n[t]\nb = 1\n"),
            (Syntax::UnclosedList, 4, 1)
        );
        assert!(matches!(read("a = [1 2]\n").0, Syntax::BareWord { .. }));
        assert!(matches!(
            read("a = 2020-13-01\n").0,
            Syntax::InvalidDate {
                part: Some(DatePart::Month),
                ..
            }
        ));
        assert!(matches!(read("a = 1.\n").0, Syntax::BadNumber { .. }));
        assert!(matches!(read("a = tru\n").0, Syntax::BadBoolean { .. }));
        assert!(matches!(read("[target\n").0, Syntax::UnclosedHeader { .. }));
        // a text left open on its line, whatever the parser said of the lines below (H25)
        for (text, line) in [
            ("a = [\"x\",\n\"y\nz\", \"w\"]\n", 2),
            ("[letter]\nsubject = \"one\ntwo\"\n", 2),
        ] {
            let (syntax, at_line, _) = read(text);
            assert!(
                matches!(syntax, Syntax::UnclosedString { quote: "\"", .. }),
                "{text}"
            );
            assert_eq!(at_line, line, "{text}");
        }
        // quotes inside comments, literal and multi-line texts open nothing
        let quiet = "# it\"s\na = 'x\"'\nb = \"\"\"\n\"\n\"\"\"\n";
        assert_eq!(open_string_before(quiet, quiet.len()), None);
        assert!(matches!(
            read("a b = 1\n").0,
            Syntax::KeyWithoutValue { .. }
        ));
        let deep = format!("{} = 1\n", vec!["a"; 100].join("."));
        assert_eq!(read(&format!("x = 1\n{deep}")), (Syntax::TooDeep, 2, 1));
    }

    /// Every syntax error made by one character put anywhere in a scenario (a quote, a
    /// bracket, a no-break space, a NUL, an accented letter, ...) is read and worded without
    /// a panic, at a spot inside the file.
    #[test]
    fn any_one_character_put_anywhere_is_worded() {
        use crate::diagnostic::Message;
        let scenario = "name = \"Lạng Sơn\" # x\nas_of = 2020-09-01\nrules = [\n  \"a\",\n]\n\
                        [target]\nprovincial_rate = 0.40\n[[team_kind]]\nname = \"v\"\n\
                        [[district]]\nname = \"Hữu Lũng\"\nteams = { commune = 24 }\n";
        let inserted = [
            "\"", "'", "[", "]", "[[", "]]", "{", "}", "=", ",", ".", "\\", "\n", "#", "\u{a0}",
            "\u{3000}", "\u{0}", "\u{1b}", "\r", "ạ", "1", "x y", "\"\"\"", "0,5",
        ];
        let mut worded = 0;
        for (at, _) in scenario.char_indices() {
            for what in inserted {
                let text = format!("{}{what}{}", &scenario[..at], &scenario[at..]);
                let Err(err) = toml::de::DeTable::parse(&text) else {
                    continue;
                };
                let e = syntax_error(&Source::setting(&text), &err);
                assert!(e.location.line.unwrap_or(1) <= text.lines().count() + 1);
                let said = DocumentProblem::NotToml {
                    syntax: match err.span() {
                        Some(span) => {
                            classify(
                                &text,
                                err.message(),
                                floor(&text, span.start),
                                floor(&text, span.end.max(span.start)),
                            )
                            .0
                        }
                        None => without_spot(&text, err.message()).0,
                    },
                };
                assert!(said.vi().hint.is_some() && said.en().hint.is_some());
                let _ = e.render(crate::text::Lang::Vi);
                worded += 1;
            }
        }
        assert!(worded > 1_000, "{worded}");
    }
}
