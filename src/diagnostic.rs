//! Errors a user can see: where (file, line, column, or district and field), what is wrong,
//! and what to do, in Vietnamese and English. One renderer prints them all.
//!
//! What is wrong is a [`Message`]: a kind of problem with its data, as the solver's findings
//! are ([`crate::solve::Finding`], worded in `report/diagnosis.rs`). Each room that finds
//! problems keeps its kinds in its `message.rs`, one enum per subject, worded there by one
//! function per language; the code that finds a problem only names it.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::text::{Lang, Text};

/// Where an error is.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Location {
    pub file: Option<PathBuf>,
    /// 1-based line and column.
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// The text of that line, shown with a caret under `column`.
    pub source_line: Option<String>,
    /// The district the error is about.
    pub district: Option<String>,
    /// The field (or rule) the error is about.
    pub field: Option<String>,
    /// Whether `field` is a table's column, as the file heads it (`cột`), rather than a key
    /// of a scenario file (`mục`).
    pub field_is_column: bool,
    /// The `--set KEY=VALUE` the error is about, as typed; shown instead of a file, with
    /// the caret under `column` of it.
    pub setting: Option<String>,
    /// The `--vary KEY=FROM..TO:STEP` the error is about (a sweep's), shown as `setting` is;
    /// takes the place of the `--set` a sweep made of one of its values.
    pub vary: Option<VaryAt>,
    /// For an error of a check between two values (an overlay's or a `--set`'s against its
    /// base's): where the other value is written, as the message names it.
    pub other: Option<String>,
}

/// A sweep's `--vary KEY=FROM..TO:STEP` as typed, and the value of its range an error is
/// about (none when the error is about the key, whatever the value).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VaryAt {
    pub text: String,
    /// The value, as each language writes numbers (`1,25`, `1.25`).
    pub value: Option<Text>,
}

/// What a message says in one language: the problem and, where the user can do something
/// about it, what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    pub problem: String,
    pub hint: Option<String>,
}

impl Said {
    pub fn new(problem: impl Into<String>) -> Said {
        Said {
            problem: problem.into(),
            hint: None,
        }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Said {
        self.hint = Some(hint.into());
        self
    }
}

/// A kind of problem with its data, worded in each language in one place.
pub trait Message {
    fn vi(&self) -> Said;
    fn en(&self) -> Said;

    /// The problem in both languages, and the hint when there is one.
    fn words(&self) -> (Text, Option<Text>) {
        let (vi, en) = (self.vi(), self.en());
        let problem = Text {
            vi: vi.problem,
            en: Some(en.problem),
        };
        let hint = vi.hint.map(|vi| Text { vi, en: en.hint });
        (problem, hint)
    }
}

/// A text already in both languages is a message without a hint.
impl Message for Text {
    fn vi(&self) -> Said {
        Said::new(self.get(Lang::Vi))
    }

    fn en(&self) -> Said {
        Said::new(self.get(Lang::En))
    }

    fn words(&self) -> (Text, Option<Text>) {
        (self.clone(), None)
    }
}

/// An error for people: bad input, a broken rule, a file that cannot be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// Boxed: errors travel in `Result`s and should stay small.
    pub location: Box<Location>,
    pub message: Text,
    pub hint: Option<Text>,
    /// More problems reported with this one (e.g. every problem of a rule check), each
    /// rendered after it.
    pub also: Box<[Error]>,
}

impl Error {
    /// The error `message` names, with its hint.
    pub fn new(message: impl Message) -> Error {
        let (message, hint) = message.words();
        Error {
            location: Box::default(),
            message,
            hint,
            also: Box::default(),
        }
    }

    pub fn file(mut self, file: impl AsRef<Path>) -> Error {
        self.location.file = Some(file.as_ref().to_path_buf());
        self
    }

    /// Sets the line and column, taking the source line from `source` (the whole file).
    pub fn at(mut self, source: &str, line: usize, column: usize) -> Error {
        self.location.line = Some(line);
        self.location.column = Some(column);
        self.location.source_line = source
            .lines()
            .nth(line.saturating_sub(1))
            .map(str::to_string);
        self
    }

    /// Sets the position from a byte offset into `source`.
    pub fn at_offset(self, source: &str, offset: usize) -> Error {
        let offset = offset.min(source.len());
        let before = &source[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        self.at(source, line, column)
    }

    /// The error is about the command line's `--set KEY=VALUE` (`setting`, as typed), not a file.
    pub fn setting(mut self, setting: impl Into<String>) -> Error {
        self.location.setting = Some(setting.into());
        self
    }

    /// The error is about a sweep's `--vary` (`vary.text`, as typed), not a file: the caret
    /// under the 1-based character `column` of it.
    pub fn vary(mut self, vary: VaryAt, column: usize) -> Error {
        self.location.setting = None;
        self.location.file = None;
        self.location.line = None;
        self.location.source_line = None;
        self.location.column = Some(column);
        self.location.vary = Some(vary);
        self
    }

    pub fn district(mut self, name: impl Into<String>) -> Error {
        self.location.district = Some(name.into());
        self
    }

    pub fn field(mut self, name: impl Into<String>) -> Error {
        self.location.field = Some(name.into());
        self
    }

    /// The column of a coverage table the error is about, as the file heads it.
    pub fn table_column(mut self, heading: impl Into<String>) -> Error {
        self.location.field = Some(heading.into());
        self.location.field_is_column = true;
        self
    }

    pub fn hint(mut self, hint: Text) -> Error {
        self.hint = Some(hint);
        self
    }

    /// Several problems as one error: each rendered in turn, then `summary`.
    pub fn many(problems: Vec<Error>, summary: impl Message) -> Error {
        let mut all = problems.into_iter();
        let Some(mut first) = all.next() else {
            return Error::new(summary);
        };
        let mut also: Vec<Error> = std::mem::take(&mut first.also).into_vec();
        also.extend(all);
        also.push(Error::new(summary));
        first.also = also.into_boxed_slice();
        first
    }

    /// The error as people read it, e.g.
    ///
    /// ```text
    /// lỗi: scenarios/x.toml:12:13: huyện "Hữu Lũng", mục `installed`: ...
    ///    12 | installed = 80_000
    ///       |             ^
    /// gợi ý: ...
    /// ```
    pub fn render(&self, lang: Lang) -> String {
        let mut out = self.render_one(lang);
        for more in self.also.iter() {
            out.push('\n');
            out.push_str(&more.render(lang));
        }
        out
    }

    fn render_one(&self, lang: Lang) -> String {
        let loc = &self.location;
        let mut out = String::new();
        out.push_str(lang.pick("lỗi: ", "error: "));
        if let Some(vary) = &loc.vary {
            let _ = write!(
                out,
                "--vary {}",
                escaped(&visible(&shortened(&vary.text)), None).0
            );
            if let Some(value) = &vary.value {
                let _ = write!(
                    out,
                    ", {} {}",
                    lang.pick("giá trị", "value"),
                    value.get(lang)
                );
            }
            out.push_str(": ");
        } else if let Some(setting) = &loc.setting {
            let _ = write!(
                out,
                "--set {}: ",
                escaped(&visible(&shortened(setting)), None).0
            );
        } else if let Some(file) = &loc.file {
            out.push_str(&visible_lines(&file.display().to_string()));
            if let Some(line) = loc.line {
                let _ = write!(out, ":{line}");
                if let Some(col) = loc.column {
                    let _ = write!(out, ":{col}");
                }
            }
            out.push_str(": ");
        }
        if let Some(district) = &loc.district {
            let district = visible_lines(&shortened(district));
            let _ = write!(out, "{} \"{district}\"", lang.pick("huyện", "district"));
            out.push_str(if loc.field.is_some() { ", " } else { ": " });
        }
        if let Some(field) = &loc.field {
            let kind = if loc.field_is_column {
                lang.pick("cột", "column")
            } else {
                lang.pick("mục", "field")
            };
            let _ = write!(out, "{kind} `{}`: ", visible_lines(&shortened(field)));
        }
        // what a message quotes of the user's text (a cell, a key, a name) may hold a control
        // character: it is shown as the source line shows one
        out.push_str(&visible_lines(self.message.get(lang)));
        out.push('\n');
        let argument = match (&loc.vary, &loc.setting) {
            (Some(vary), _) => Some(("--vary", &vary.text)),
            (None, Some(setting)) => Some(("--set", setting)),
            (None, None) => None,
        };
        if let Some((option, typed)) = argument {
            // The option as typed, with the caret under the spot.
            if let Some(col) = loc.column {
                let (typed, col) = escaped(&visible(typed), Some(col));
                let (shown, col) = window(&typed, col);
                let pad = " ".repeat(option.len() + 1);
                let _ = writeln!(out, " {option} {shown}");
                let _ = writeln!(out, " {pad}{}^", caret_pad(&shown, col.unwrap_or(1)));
            }
        } else if let (Some(line), Some(text)) = (loc.line, &loc.source_line) {
            let (text, col) = escaped(&visible(text), loc.column);
            let (text, col) = window(&text, col);
            let gutter = line.to_string().len();
            let _ = writeln!(out, " {line} | {text}");
            if let Some(col) = col {
                let pad = caret_pad(&text, col);
                let _ = writeln!(out, " {} | {pad}^", " ".repeat(gutter));
            }
        }
        if let Some(hint) = &self.hint {
            let hint = visible_lines(hint.get(lang));
            let _ = writeln!(out, "{}{hint}", lang.pick("gợi ý: ", "hint: "));
        }
        out
    }
}

/// The widest a line of the user's text is shown under an error, in terminal columns: a
/// window around the caret of a longer line (a 5 MB line is not echoed), cut with `…`.
pub const SHOWN_WIDTH: usize = 120;

/// `text` with each control character but a tab shown as `�`: an escape is not sent to the
/// terminal.
fn visible(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() && c != '\t' {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect()
}

/// [`visible`] line by line: the line breaks of a message are its own. An invisible character
/// a message quotes (a zero-width space in a key, a direction mark in a name) is written as
/// its escape, `\u{200b}`: "unknown key `horizon\u{200b}_days`", not a key that looks right.
fn visible_lines(text: &str) -> String {
    let text = &*short_quotes(text);
    if !text
        .chars()
        .any(|c| (c.is_control() && c != '\t' && c != '\n') || crate::text::is_hidden(c))
    {
        return text.to_string();
    }
    text.split('\n')
        .map(|line| {
            visible(line)
                .chars()
                .map(|c| {
                    if crate::text::is_hidden(c) && !c.is_control() {
                        c.escape_unicode().to_string()
                    } else {
                        c.to_string()
                    }
                })
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The most characters shown of one quoted value in a message (between backquotes or double
/// quotes): a message's own words never quote as much; a value the user wrote may be a
/// 100,000-character key.
pub const QUOTED_CHARS: usize = 2 * SHORT;

/// The most characters of one line of a message, whatever it quotes: the rest is cut with `…`.
pub const LINE_CHARS: usize = 2_000;

/// `text` with each value quoted in it (between two backquotes or two double quotes) longer
/// than [`QUOTED_CHARS`] cut to that with `…`, and each line longer than [`LINE_CHARS`] cut: the
/// safety net under every message that quotes what the user wrote, so that no input makes a
/// message of more than a few kB.
fn short_quotes(text: &str) -> std::borrow::Cow<'_, str> {
    if text.len() <= QUOTED_CHARS && !text.contains('\n') {
        return text.into();
    }
    let mut out = String::with_capacity(text.len().min(8 * LINE_CHARS));
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let mut shown = 0;
        let mut quote: Option<(char, usize)> = None;
        for c in line.chars() {
            if shown >= LINE_CHARS {
                out.push('…');
                break;
            }
            match quote {
                Some((q, _)) if c == q => quote = None,
                Some((_, ref mut inside)) => {
                    *inside += 1;
                    if *inside > QUOTED_CHARS {
                        if *inside == QUOTED_CHARS + 1 {
                            out.push('…');
                            shown += 1;
                        }
                        continue;
                    }
                }
                None if c == '`' || c == '"' => quote = Some((c, 0)),
                None => {}
            }
            out.push(c);
            shown += 1;
        }
    }
    out.into()
}

/// `line` with each invisible character that is not a control character written as its escape
/// (`\u{200b}`), and the 1-based character `column` moved to stay under the same character:
/// the line under an error shows what the message quotes.
fn escaped(line: &str, column: Option<usize>) -> (String, Option<usize>) {
    if !line
        .chars()
        .any(|c| crate::text::is_hidden(c) && !c.is_control())
    {
        return (line.to_string(), column);
    }
    let mut out = String::with_capacity(line.len() + 16);
    let mut moved = column;
    for (i, c) in line.chars().enumerate() {
        if crate::text::is_hidden(c) && !c.is_control() {
            let escape = c.escape_unicode().to_string();
            if let (Some(col), Some(at)) = (column, moved.as_mut())
                && i + 1 < col
            {
                *at += escape.chars().count() - 1;
            }
            out.push_str(&escape);
        } else {
            out.push(c);
        }
    }
    (out, moved)
}

/// The terminal columns `c` takes (a tab counted as 4, where it often ends).
fn columns(c: char) -> usize {
    use unicode_width::UnicodeWidthChar;
    if c == '\t' { 4 } else { c.width().unwrap_or(0) }
}

/// At most [`SHOWN_WIDTH`] columns of `line` around the 1-based character `column` (about a
/// third of them before it), with `…` where it is cut; and where `column` is in what is shown.
fn window(line: &str, column: Option<usize>) -> (String, Option<usize>) {
    let chars: Vec<char> = line.chars().collect();
    let total: usize = chars.iter().map(|&c| columns(c)).sum();
    if total <= SHOWN_WIDTH {
        return (line.to_string(), column);
    }
    // the caret may sit one past the end (a line that ends too soon)
    let at = column.unwrap_or(1).saturating_sub(1).min(chars.len());
    let room = SHOWN_WIDTH - 2; // a `…` at each end
    let mut start = at;
    let mut used = 0;
    while start > 0 && used + columns(chars[start - 1]) <= room / 3 {
        start -= 1;
        used += columns(chars[start]);
    }
    let mut end = at;
    while end < chars.len() && used + columns(chars[end]) <= room {
        used += columns(chars[end]);
        end += 1;
    }
    // a short tail leaves more room before the caret
    while start > 0 && used + columns(chars[start - 1]) <= room {
        start -= 1;
        used += columns(chars[start]);
    }
    let mut shown = String::new();
    if start > 0 {
        shown.push('…');
    }
    shown.extend(&chars[start..end]);
    if end < chars.len() {
        shown.push('…');
    }
    let column = column.map(|_| at - start + 1 + usize::from(start > 0));
    (shown, column)
}

/// `text` cut to its first [`SHORT`] characters, with `…`, when it is longer: a value or a
/// name the user wrote, quoted in a message.
pub fn shortened(text: &str) -> String {
    match text.char_indices().nth(SHORT) {
        None => text.to_string(),
        Some((i, _)) => format!("{}…", &text[..i]),
    }
}

/// The most characters of the user's own text a message quotes ([`shortened`]).
pub const SHORT: usize = 100;

/// What goes before a caret under the 1-based character `column` of `line`: as many spaces as
/// the characters before it take on a terminal (a combining accent, as some Vietnamese
/// keyboards type "ạ" as "a" and a dot below, takes none; a wide character takes two), tabs
/// kept as tabs.
fn caret_pad(line: &str, column: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let mut pad = String::new();
    for c in line.chars().take(column.saturating_sub(1)) {
        if c == '\t' {
            pad.push('\t');
        } else {
            pad.extend(std::iter::repeat_n(' ', c.width().unwrap_or(0)));
        }
    }
    pad
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

impl std::error::Error for Error {}

/// "có phải ý bạn là `x`?": the hint for a name close to a known one, in Vietnamese; every
/// room's messages say it in these words.
pub(crate) fn did_you_mean_vi(close: &str) -> String {
    format!("có phải ý bạn là `{close}`?")
}

/// "did you mean `x`?": [`did_you_mean_vi`] in English.
pub(crate) fn did_you_mean_en(close: &str) -> String {
    format!("did you mean `{close}`?")
}

/// [`did_you_mean_vi`] for `written`, and what in `written` a reader does not see or takes for
/// another character, when something does ([`unlike_vi`]): a suggestion that looks the same
/// as what was typed says what differs.
pub(crate) fn did_you_mean_for_vi(written: &str, close: &str) -> String {
    match unlike_vi(written) {
        Some(why) => format!("{} ({why})", did_you_mean_vi(close)),
        None => did_you_mean_vi(close),
    }
}

/// [`did_you_mean_for_vi`] in English.
pub(crate) fn did_you_mean_for_en(written: &str, close: &str) -> String {
    match unlike_en(written) {
        Some(why) => format!("{} ({why})", did_you_mean_en(close)),
        None => did_you_mean_en(close),
    }
}

/// [`did_you_mean_for_vi`], and when `written` looks plain, what in `close` (a name the
/// scenario or a rule writes) a reader does not see or takes for another character: a rule
/// that reads `door_to_door_threshold` where the scenario writes it with a Cyrillic `е`.
pub(crate) fn did_you_mean_either_vi(written: &str, close: &str) -> String {
    match (unlike_vi(written), unlike_vi(close)) {
        (None, Some(why)) => format!("{} (trong `{close}`, {why})", did_you_mean_vi(close)),
        _ => did_you_mean_for_vi(written, close),
    }
}

/// [`did_you_mean_either_vi`] in English.
pub(crate) fn did_you_mean_either_en(written: &str, close: &str) -> String {
    match (unlike_en(written), unlike_en(close)) {
        (None, Some(why)) => format!("{} (in `{close}`, {why})", did_you_mean_en(close)),
        _ => did_you_mean_for_en(written, close),
    }
}

/// What in `written` (a name or a key as typed) a reader does not see or takes for another
/// character, in Vietnamese: an invisible character, a space that is not the plain one, a
/// Cyrillic or Greek letter among Latin ones, the eth `Ð` of old encodings for `Đ`.
pub(crate) fn unlike_vi(written: &str) -> Option<String> {
    use crate::text::{foreign_letter, unseen_character};
    if let Some((position, c)) = unseen_character(written) {
        return Some(format!(
            "ký tự thứ {position} là {}, không nhìn thấy được: hãy xoá nó{}",
            unseen_vi(c),
            if c.is_whitespace() {
                " và gõ lại dấu cách"
            } else {
                ""
            }
        ));
    }
    if let Some(letter) = foreign_letter(written) {
        return Some(format!("{}: hãy gõ lại chữ đó", foreign_letter_vi(&letter)));
    }
    let position = written
        .chars()
        .position(|c| c == '\u{D0}' || c == '\u{F0}')?;
    Some(format!(
        "ký tự thứ {} là chữ `Ð` (U+00D0, chữ eth của bảng mã cũ TCVN3/VNI), không phải chữ `Đ`",
        position + 1
    ))
}

/// [`unlike_vi`] in English.
pub(crate) fn unlike_en(written: &str) -> Option<String> {
    use crate::text::{foreign_letter, unseen_character};
    if let Some((position, c)) = unseen_character(written) {
        return Some(format!(
            "character {position} is {}, which cannot be seen: delete it{}",
            unseen_en(c),
            if c.is_whitespace() {
                " and type a plain space"
            } else {
                ""
            }
        ));
    }
    if let Some(letter) = foreign_letter(written) {
        return Some(format!("{}: retype it", foreign_letter_en(&letter)));
    }
    let position = written
        .chars()
        .position(|c| c == '\u{D0}' || c == '\u{F0}')?;
    Some(format!(
        "character {} is `Ð` (U+00D0, the eth of the old TCVN3/VNI encodings), not `Đ`",
        position + 1
    ))
}

/// A character a reader cannot see, named in Vietnamese with its code: "một dấu cách rộng 0
/// (U+200B)".
pub(crate) fn unseen_vi(c: char) -> String {
    let name = match c {
        '\u{A0}' => "một dấu cách không ngắt dòng",
        '\u{200B}' => "một dấu cách rộng 0",
        '\u{200C}' | '\u{200D}' | '\u{2060}' => "một ký tự nối rộng 0",
        '\u{AD}' => "một dấu gạch nối mềm",
        '\u{FEFF}' => "một dấu BOM",
        '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {
            "một dấu đổi chiều chữ"
        }
        '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}' | '\u{180B}'..='\u{180F}' => {
            "một ký tự chọn kiểu hiển thị (như sau biểu tượng cảm xúc)"
        }
        '\u{E0000}'..='\u{E007F}' => "một ký tự thẻ",
        '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' => "một ký tự đệm của chữ Hàn",
        '\u{2800}' => "một ô chữ nổi trống",
        c if c.is_control() => "một ký tự điều khiển",
        c if c.is_whitespace() => "một dấu cách đặc biệt",
        _ => "một ký tự vô hình",
    };
    format!("{name} (U+{:04X})", u32::from(c))
}

/// [`unseen_vi`] in English: "a zero-width space (U+200B)".
pub(crate) fn unseen_en(c: char) -> String {
    let name = match c {
        '\u{A0}' => "a no-break space",
        '\u{200B}' => "a zero-width space",
        '\u{200C}' | '\u{200D}' | '\u{2060}' => "a zero-width joiner",
        '\u{AD}' => "a soft hyphen",
        '\u{FEFF}' => "a byte-order mark",
        '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {
            "a text-direction mark"
        }
        '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}' | '\u{180B}'..='\u{180F}' => {
            "a variation selector (as after an emoji)"
        }
        '\u{E0000}'..='\u{E007F}' => "a tag character",
        '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' => "a Hangul filler",
        '\u{2800}' => "a blank braille pattern",
        c if c.is_control() => "a control character",
        c if c.is_whitespace() => "an unusual space",
        _ => "an invisible character",
    };
    format!("{name} (U+{:04X})", u32::from(c))
}

/// "chữ `Н` (U+041D, ký tự thứ 1) là chữ Kirin (như tiếng Nga), trông giống chữ `H` nhưng máy tính coi
/// là một chữ khác": a [`ForeignLetter`](crate::text::ForeignLetter), in Vietnamese.
pub(crate) fn foreign_letter_vi(f: &crate::text::ForeignLetter) -> String {
    let script = match f.script {
        crate::text::Script::Cyrillic => "chữ Kirin (như của tiếng Nga)",
        crate::text::Script::Greek => "chữ Hy Lạp",
    };
    let letter = f.letter;
    let position = f.position;
    let code = u32::from(letter);
    match f.latin {
        Some(latin) => format!(
            "chữ `{letter}` (U+{code:04X}, ký tự thứ {position}) là {script}, trông giống chữ `{latin}` nhưng máy tính coi là một chữ khác"
        ),
        None => format!(
            "chữ `{letter}` (U+{code:04X}, ký tự thứ {position}) là {script}, lẫn giữa các chữ tiếng Việt"
        ),
    }
}

/// [`foreign_letter_vi`] in English.
pub(crate) fn foreign_letter_en(f: &crate::text::ForeignLetter) -> String {
    let script = match f.script {
        crate::text::Script::Cyrillic => "a Cyrillic letter (as in Russian)",
        crate::text::Script::Greek => "a Greek letter",
    };
    let letter = f.letter;
    let position = f.position;
    let code = u32::from(letter);
    match f.latin {
        Some(latin) => format!(
            "the letter `{letter}` (U+{code:04X}, character {position}) is {script} that looks like the Latin `{latin}` but is another letter to a computer"
        ),
        None => format!(
            "the letter `{letter}` (U+{code:04X}, character {position}) is {script} among Latin letters"
        ),
    }
}

/// Suggests the known name closest to `unknown`, when one is close enough to be a typo.
pub fn did_you_mean<'a>(
    unknown: &str,
    known: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    known
        .into_iter()
        .map(|k| (strsim::jaro_winkler(unknown, k), k))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

/// The most names a hint lists for a name not found: all of them up to this many, else the
/// closest [`SHORTLIST_CLOSEST`] and how many there are (700 communes in a hint are 2 kB).
pub(crate) const SHORTLIST_ALL: usize = 12;
pub(crate) const SHORTLIST_CLOSEST: usize = 5;

/// The names a hint lists for a name not found: every known name when they are few, else the
/// closest to what was written (most alike first) and how many there are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Shortlist {
    pub names: Vec<String>,
    /// How many names there are in all.
    pub total: usize,
}

impl Shortlist {
    /// The names of `known` to show for `written`.
    pub fn of<'a>(written: &str, known: impl IntoIterator<Item = &'a str>) -> Shortlist {
        let known: Vec<&str> = known.into_iter().collect();
        let total = known.len();
        if total <= SHORTLIST_ALL {
            return Shortlist {
                names: known.iter().map(|k| k.to_string()).collect(),
                total,
            };
        }
        let wanted = crate::text::fold(written);
        let mut scored: Vec<(f64, usize)> = known
            .iter()
            .enumerate()
            .map(|(i, k)| (strsim::jaro_winkler(&wanted, &crate::text::fold(k)), i))
            .collect();
        // most alike first; among equals, in the scenario's order: the same list every run
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        Shortlist {
            names: scored
                .iter()
                .take(SHORTLIST_CLOSEST)
                .map(|&(_, i)| known[i].to_string())
                .collect(),
            total,
        }
    }

    /// Whether every name is listed.
    pub fn is_all(&self) -> bool {
        self.names.len() == self.total
    }

    /// The names, as a message lists them: `a`, `b`, `c`.
    pub fn list(&self) -> String {
        crate::source::name_list(self.names.iter().map(String::as_str))
    }

    /// "các huyện: `a`, `b`" or "các huyện có tên gần nhất (5 trong 700 huyện): ...".
    pub fn districts_vi(&self) -> String {
        if self.is_all() {
            format!("các huyện: {}", self.list())
        } else {
            format!(
                "các tên gần nhất trong {} huyện của kịch bản: {}",
                crate::number::count(Lang::Vi, self.total as f64),
                self.list()
            )
        }
    }

    /// "the districts are `a`, `b`" or "the closest of the 700 districts: ...".
    pub fn districts_en(&self) -> String {
        if self.is_all() {
            format!("the districts are {}", self.list())
        } else {
            format!(
                "the closest names among the scenario's {} districts: {}",
                crate::number::count(Lang::En, self.total as f64),
                self.list()
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A name not found among many: the closest few and the count, most alike first; among a
    /// few, all of them in their order (trial N13: 700 names, 2.35 kB, in one hint).
    #[test]
    fn a_shortlist_names_the_closest_few_of_many() {
        let many: Vec<String> = (1..=700).map(|i| format!("Huyện {i:03}")).collect();
        let list = Shortlist::of("Huyện 7000", many.iter().map(String::as_str));
        assert_eq!(list.total, 700);
        assert_eq!(list.names.len(), SHORTLIST_CLOSEST);
        assert_eq!(list.names[0], "Huyện 700");
        assert!(list.districts_en().len() < 200, "{}", list.districts_en());
        assert!(list.districts_vi().contains("700 huyện"));
        let few = ["Hữu Lũng", "Cao Lộc", "Đình Lập"];
        let list = Shortlist::of("Huu Lung", few);
        assert!(list.is_all());
        assert_eq!(list.names, few);
        assert_eq!(
            list.districts_en(),
            "the districts are `Hữu Lũng`, `Cao Lộc`, `Đình Lập`"
        );
    }

    #[test]
    fn renders_file_line_caret_and_hint() {
        let src = "name = \"x\"\ninstalled = 80_000\n";
        let err = Error::new(Text::new("quá lớn", "too large"))
            .file("s.toml")
            .at(src, 2, 13)
            .district("Hữu Lũng")
            .field("installed")
            .hint(Text::new("sửa số", "fix the number"));
        assert_eq!(
            err.render(Lang::En),
            "error: s.toml:2:13: district \"Hữu Lũng\", field `installed`: too large\n \
             2 | installed = 80_000\n   |             ^\nhint: fix the number\n"
        );
        assert!(
            err.render(Lang::Vi)
                .starts_with("lỗi: s.toml:2:13: huyện \"Hữu Lũng\", mục `installed`: quá lớn")
        );
    }

    /// A control character the user wrote reaches no part of a message (found by fuzzing:
    /// a CSV cell `39<U+0001>11` was quoted raw in "is not a whole number"); the message's own
    /// line breaks and tabs stay.
    #[test]
    fn control_characters_anywhere_in_an_error_show_as_replacement_marks() {
        let err = Error::new(Text::new(
            "`39\u{1}11` không phải là số nguyên\ndòng sau",
            "`39\u{1}11` is not a whole number\nnext line",
        ))
        .file("a\u{1b}[2J.csv")
        .district("Hữu\u{7}Lũng")
        .table_column("installed\r")
        .hint(Text::new(
            "ghi\tmột số \u{1b}[31m",
            "write\ta number \u{1b}[31m",
        ));
        let en = err.render(Lang::En);
        assert_eq!(
            en,
            "error: a\u{FFFD}[2J.csv: district \"Hữu\u{FFFD}Lũng\", column `installed\u{FFFD}`: \
             `39\u{FFFD}11` is not a whole number\nnext line\nhint: write\ta number \u{FFFD}[31m\n"
        );
        let vi = err.render(Lang::Vi);
        assert!(
            vi.contains("`39\u{FFFD}11` không phải là số nguyên\ndòng sau"),
            "{vi}"
        );
        assert!(vi.contains("gợi ý: ghi\tmột số \u{FFFD}[31m"), "{vi}");
        for text in [en, vi] {
            assert!(
                !text
                    .chars()
                    .any(|c| c.is_control() && c != '\n' && c != '\t'),
                "{text:?}"
            );
        }
    }

    #[test]
    fn renders_a_setting_with_the_caret_under_the_value() {
        let setting = "target.provincial_rate=1.5";
        let err = Error::new(Text::new("quá lớn", "too large"))
            .setting(setting)
            .at_offset(setting, 23)
            .field("target.provincial_rate");
        assert_eq!(
            err.render(Lang::En),
            "error: --set target.provincial_rate=1.5: field `target.provincial_rate`: too large\n \
             --set target.provincial_rate=1.5\n                              ^\n"
        );
    }

    /// "Hữu Lũng" typed decomposed (NFD: each accent a combining character after its letter,
    /// as some Vietnamese keyboards type it) is 11 characters but 8 columns on a terminal: the
    /// caret goes under the value, not 3 columns to its right. A wide character takes two
    /// columns, a tab stays a tab.
    #[test]
    fn the_caret_is_under_the_spot_whatever_the_line_holds() {
        use unicode_normalization::UnicodeNormalization;
        let nfd: String = "Hữu Lũng".nfd().collect();
        assert_eq!(nfd.chars().count(), 11);
        let src = format!("name = \"{nfd}\" installed = x\n");
        let at = src.find('x').expect("x is in the line");
        let err = Error::new(Text::vi_only("sai")).at_offset(&src, at);
        let rendered = err.render(Lang::Vi);
        let lines: Vec<&str> = rendered.lines().collect();
        let caret = lines[2].find('^').expect("a caret") - lines[2].find('|').unwrap();
        let x = "name = \"Hữu Lũng\" installed = ".chars().count() + 2;
        assert_eq!(caret, x, "{rendered}");
        assert_eq!(caret_pad("\tab", 3), "\t ");
        assert_eq!(caret_pad("漢x", 2), "  ");
        let setting = format!("district.{nfd}.installed=x");
        let err = Error::new(Text::vi_only("sai"))
            .setting(&setting)
            .at_offset(&setting, setting.find('x').unwrap());
        let rendered = err.render(Lang::Vi);
        let lines: Vec<&str> = rendered.lines().collect();
        assert_eq!(
            lines[2].find('^').unwrap(),
            " --set district.Hữu Lũng.installed=".chars().count(),
            "{rendered}"
        );
    }

    /// A long line is shown as a window of at most [`SHOWN_WIDTH`] columns around the caret,
    /// cut with `…` on the side (or sides) left out; a short line is shown whole.
    #[test]
    fn a_long_line_is_shown_as_a_window_around_the_caret() {
        let line = format!("{}X{}", "a".repeat(1_000), "b".repeat(1_000));
        let (shown, col) = window(&line, Some(1_001));
        let col = col.expect("a column");
        assert!(shown.starts_with('…') && shown.ends_with('…'), "{shown}");
        assert_eq!(shown.chars().nth(col - 1), Some('X'), "{shown}");
        assert!(shown.chars().count() <= SHOWN_WIDTH, "{shown}");
        // near the start: cut at the end only
        let (shown, col) = window(&line, Some(3));
        assert!(!shown.starts_with('…') && shown.ends_with('…'), "{shown}");
        assert_eq!(col, Some(3));
        // wide characters count two columns each
        let wide = "漢".repeat(500);
        let (shown, _) = window(&wide, Some(250));
        let columns: usize = shown.chars().map(columns).sum();
        assert!(columns <= SHOWN_WIDTH, "{columns}");
        assert_eq!(window("short", Some(2)), ("short".to_string(), Some(2)));
        // a `--set` as long as a shell allows is cut in the header too
        let setting = format!("name={}", "x".repeat(100_000));
        let err = Error::new(Text::vi_only("sai"))
            .setting(&setting)
            .at_offset(&setting, 5);
        assert!(err.render(Lang::Vi).len() < 1_000);
    }

    /// A value the user wrote is quoted by its first [`QUOTED_CHARS`] characters, however long
    /// (issue 13, U7: a 100,000-character key gave a 100 kB error); a line of a message by its
    /// first [`LINE_CHARS`]; an invisible character is shown as its escape, in the message and
    /// in the line under it, the caret still under its character.
    #[test]
    fn a_message_quotes_a_short_and_visible_window_of_what_was_written() {
        let key = "k".repeat(100_000);
        let err = Error::new(Text::new(
            format!("không có `{key}`"),
            format!("no `{key}` and no \"{key}\""),
        ))
        .hint(Text::new(format!("`{key}`"), format!("`{key}`")));
        let en = err.render(Lang::En);
        assert!(en.len() < 1_000, "{} bytes", en.len());
        assert!(
            en.contains(&format!("`{}…`", "k".repeat(QUOTED_CHARS))),
            "{en}"
        );
        let unquoted = Error::new(Text::vi_only("x".repeat(10_000))).render(Lang::Vi);
        assert!(unquoted.len() < 2 * LINE_CHARS, "{} bytes", unquoted.len());
        let src = "\"horizon\u{200b}_days\" = x\n";
        let at = src.find('x').unwrap();
        let err = Error::new(Text::vi_only("khóa `horizon\u{200b}_days`")).at_offset(src, at);
        let rendered = err.render(Lang::Vi);
        assert!(
            rendered.contains("khóa `horizon\\u{200b}_days`"),
            "{rendered}"
        );
        let lines: Vec<&str> = rendered.lines().collect();
        assert_eq!(lines[1], " 1 | \"horizon\\u{200b}_days\" = x", "{rendered}");
        assert_eq!(
            lines[2].find('^').unwrap(),
            lines[1].find('x').unwrap(),
            "{rendered}"
        );
    }

    #[test]
    fn offset_becomes_line_and_column() {
        let src = "a = 1\nbb = 2\n";
        let err = Error::new(Text::vi_only("x")).at_offset(src, 9);
        assert_eq!((err.location.line, err.location.column), (Some(2), Some(4)));
    }

    #[test]
    fn suggests_close_names_only() {
        let known = ["door_to_door_threshold", "quarantine_compliance"];
        assert_eq!(
            did_you_mean("door_to_door_treshold", known),
            Some("door_to_door_threshold")
        );
        assert_eq!(did_you_mean("budget", known), None);
    }
}
