//! `[letter]` (docs/scenario-format.md § "[letter]"): the particulars of the official letter
//! (công văn) that `campaign plan --format docx` and `--format letter-html` write: who issues
//! it, its number, place and date, subject, recipients, "Nơi nhận" and signer. Every key is
//! optional; what is not written is printed as a visible placeholder (`[Số văn bản]`), and the
//! command says which keys are still to fill in.

use toml::de::DeValue;
use unicode_normalization::UnicodeNormalization;

use super::document::{self, Item, Table, Value, as_array, as_str, between, later, pos};
use super::message::{LetterProblem, SymbolWhy};
use crate::diagnostic::{Error, did_you_mean, shortened};
use crate::source::Source;

/// Characters one text of `[letter]` may hold: a subject line ("V/v ...") is one or two
/// printed lines (about 70 characters each); an issuing body's full name is under 100.
pub const MAX_LETTER_TEXT: usize = 300;
/// Recipients ("Kính gửi") of the one letter: a letter to every district of the largest
/// province lists them in one line ("các huyện, thành phố"); a list is for a few named bodies.
pub const MAX_RECIPIENTS: usize = 100;
/// Lines of "Nơi nhận": the seed letter has 6.
pub const MAX_COPIES: usize = 50;

/// The keys of `[letter]`, in the order docs/scenario-format.md lists them.
pub const KEYS: [&str; 14] = [
    "parent",
    "issuer",
    "number",
    "symbol",
    "place",
    "date",
    "subject",
    "app",
    "recipients",
    "copies_to",
    "authority",
    "title",
    "signer",
    "mode",
];

/// How the letter goes to the districts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LetterMode {
    /// One letter to every district, with an annex (phụ lục) of each district's directives and
    /// teams.
    #[default]
    Annex,
    /// One letter per district, each addressed to its chairman with its own directives.
    PerDistrict,
}

impl LetterMode {
    /// The modes as `mode = "..."` writes them.
    pub const NAMES: [&str; 2] = ["annex", "per-district"];

    fn parse(text: &str) -> Option<LetterMode> {
        match text {
            "annex" => Some(LetterMode::Annex),
            "per-district" => Some(LetterMode::PerDistrict),
            _ => None,
        }
    }
}

/// A date as the letter prints it: `ngày 01 tháng 9 năm 2020`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LetterDate {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl LetterDate {
    /// Days from `earlier` to this date (negative when `earlier` is later).
    pub fn days_since(self, earlier: LetterDate) -> i64 {
        self.day_number() - earlier.day_number()
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    fn day_number(self) -> i64 {
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Days in the date's month (February of a leap year: 29).
    fn month_days(self) -> u8 {
        let leap = (self.year.is_multiple_of(4) && !self.year.is_multiple_of(100))
            || self.year.is_multiple_of(400);
        match self.month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        }
    }
}

/// The particulars of the letter; `None` where the scenario does not give them (the letter
/// prints a placeholder there, or for `recipients`, the district chairmen).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Letter {
    /// The issuing body's parent (cơ quan chủ quản): `UBND tỉnh Lạng Sơn`; `Some("")`: none.
    pub parent: Option<String>,
    /// The issuing body: `Sở Thông tin và Truyền thông`, as the body text names it (the header
    /// prints it in capitals).
    pub issuer: Option<String>,
    /// The number (số): `1635`, or a whole number below 10 written `05` as the decree asks.
    pub number: Option<String>,
    /// The symbol (ký hiệu): `STTTT-TTBCXB`.
    pub symbol: Option<String>,
    /// The place (địa danh): `Lạng Sơn`.
    pub place: Option<String>,
    pub date: Option<LetterDate>,
    /// The subject after "V/v": `tiếp tục tăng cường triển khai cài đặt ứng dụng Bluezone`.
    pub subject: Option<String>,
    /// The app's name in the body's figures: `Bluezone`.
    pub app: Option<String>,
    /// "Kính gửi" of the one letter; empty: the chairmen of the districts' People's Committees.
    pub recipients: Vec<String>,
    /// "Nơi nhận"; `None`: "Như trên" and "Lưu: VT".
    pub copies_to: Option<Vec<String>>,
    /// The signer's authority: `KT. GIÁM ĐỐC`; `None` or empty: the head signs in person.
    pub authority: Option<String>,
    /// The signer's title: `PHÓ GIÁM ĐỐC`.
    pub title: Option<String>,
    /// The signer's name: `Lê Hải Yến`.
    pub signer: Option<String>,
    pub mode: LetterMode,
}

/// The app the campaign installs when `[letter] app` does not name another: the letter's
/// figures, its table and the shipped rules' directives all name it (user14 U4).
pub const DEFAULT_APP: &str = "Bluezone";

impl Letter {
    /// The app's name, in the whole letter and in the rules' directives (`scenario.app`):
    /// `[letter] app`, else [`DEFAULT_APP`].
    pub fn app_name(&self) -> &str {
        self.app.as_deref().unwrap_or(DEFAULT_APP)
    }

    /// The keys whose value the letter prints as a placeholder, in [`KEYS`] order.
    pub fn placeholders(&self) -> Vec<&'static str> {
        let missing = [
            ("parent", self.parent.is_none()),
            ("issuer", self.issuer.is_none()),
            ("number", self.number.is_none()),
            ("symbol", self.symbol.is_none()),
            ("place", self.place.is_none()),
            ("date", self.date.is_none()),
            ("subject", self.subject.is_none()),
            ("title", self.title.is_none()),
            ("signer", self.signer.is_none()),
        ];
        missing
            .into_iter()
            .filter_map(|(key, missing)| missing.then_some(key))
            .collect()
    }
}

/// `[letter]`, checked; the default letter (every particular a placeholder) without one.
/// `as_of` is the scenario's data date (`2020-09-01`): the letter cannot be dated before it.
/// `districts` are the scenario's: a recipient naming a district must name one of them.
pub(crate) fn letter(
    top: &Table<'_, '_>,
    as_of: &str,
    districts: &[super::DistrictInput],
) -> Result<Letter, Error> {
    let Some(table) = top.table("letter", "[letter]")? else {
        return Ok(Letter::default());
    };
    table.unknown_keys(&KEYS)?;
    let text = |key: &str, empty_ok: bool| -> Result<Option<String>, Error> {
        match table.item(key) {
            None => Ok(None),
            Some(item) => {
                one_text(item.src, &format!("letter.{key}"), item.value, empty_ok).map(Some)
            }
        }
    };
    let mut letter = Letter {
        parent: text("parent", true)?,
        issuer: text("issuer", false)?,
        number: None,
        symbol: text("symbol", false)?.map(|s| s.trim_start_matches('/').trim_start().to_string()),
        place: text("place", false)?,
        date: None,
        subject: text("subject", false)?,
        app: text("app", false)?,
        recipients: Vec::new(),
        copies_to: None,
        authority: text("authority", true)?.filter(|s| !s.is_empty()),
        title: text("title", false)?,
        signer: text("signer", false)?,
        mode: LetterMode::default(),
    };
    if let Some(item) = table.item("symbol") {
        match letter.symbol.as_deref() {
            Some("") => return Err(item.error(LetterProblem::Empty).field("letter.symbol")),
            Some(symbol) => {
                if let Some(why) = symbol_shape(symbol) {
                    return Err(item
                        .error(LetterProblem::SymbolShape {
                            written: shortened(symbol),
                            why,
                        })
                        .field("letter.symbol"));
                }
            }
            None => {}
        }
    }
    if let Some(item) = table.item("date") {
        let date = date(item.src, item.value)?;
        if let Some(data) = parse_date(as_of) {
            let problem = if date < data {
                Some(LetterProblem::DatedBeforeData {
                    date: show(date),
                    as_of: as_of.to_string(),
                })
            } else if date.days_since(data) > crate::limits::LETTER_DAYS_AFTER_DATA {
                Some(LetterProblem::DatedLongAfterData {
                    date: show(date),
                    as_of: as_of.to_string(),
                    days: date.days_since(data),
                })
            } else {
                None
            };
            if let Some(problem) = problem {
                // an overlay or a `--set` that changed `as_of` (or the date): the error is at
                // what it changed, naming the other (trial 13e H22)
                return Err(match top.item("as_of") {
                    Some(as_of) => between(
                        problem,
                        (item.spot(), "letter.date"),
                        (as_of.spot(), "as_of"),
                        later(top.layers(), item.src, as_of.src),
                    ),
                    None => item.error(problem).field("letter.date"),
                });
            }
        }
        letter.date = Some(date);
    }
    if let Some(item) = table.item("mode") {
        let written = as_str(item.src, "letter.mode", item.value)?.trim();
        letter.mode = LetterMode::parse(written).ok_or_else(|| {
            item.error(LetterProblem::UnknownMode {
                written: shortened(written),
                close: did_you_mean(written, LetterMode::NAMES).map(str::to_string),
            })
            .field("letter.mode")
        })?;
    }
    // a value that `mode = "per-district"` refuses: at the one written later, naming the
    // other (an overlay that only changed `mode`: trial 13e H22)
    let against_mode =
        |problem: LetterProblem, item: &Item<'_, '_>, field: &str| match table.item("mode") {
            Some(mode) => between(
                problem,
                (item.spot(), field),
                (mode.spot(), "letter.mode"),
                later(top.layers(), item.src, mode.src),
            ),
            None => item.error(problem).field(field),
        };
    if let Some(item) = table.item("number") {
        let written = number(item.src, item.value)?;
        // "1635/STTTT-TTBCXB": the number with its symbol, as the letter prints them together
        let (number, symbol) = match written.split_once('/') {
            Some((number, symbol)) => (
                number.trim().to_string(),
                symbol.trim().trim_matches('/').trim().to_string(),
            ),
            None => (written.clone(), String::new()),
        };
        if number.is_empty() {
            return Err(item
                .error(LetterProblem::BadNumber { written })
                .field("letter.number"));
        }
        // a number as the register writes it: digits first ("1635", "05", "1635a"), never a
        // word ("Số 1635", "abc"); in digits, within the register's range
        if !number.starts_with(|c: char| c.is_ascii_digit()) {
            return Err(item
                .error(LetterProblem::NumberShape {
                    written: shortened(&written),
                })
                .field("letter.number"));
        }
        if number.bytes().all(|b| b.is_ascii_digit())
            && !number
                .parse::<u64>()
                .is_ok_and(|n| (1..=crate::limits::LETTER_NUMBER_MAX).contains(&n))
        {
            return Err(item
                .error(LetterProblem::BadNumber {
                    written: shortened(&written),
                })
                .field("letter.number"));
        }
        // "1635/2020": a year (or another number) where the symbol goes (trial 13f J11)
        if !symbol.is_empty() && symbol_shape(&symbol) == Some(SymbolWhy::NoLetter) {
            return Err(item
                .error(LetterProblem::NumberNotAlone {
                    written: shortened(&written),
                    number: shortened(&number),
                    after: shortened(&symbol),
                })
                .field("letter.number"));
        }
        if !symbol.is_empty()
            && let Some(why) = symbol_shape(&symbol)
        {
            return Err(item
                .error(LetterProblem::SymbolShape {
                    written: shortened(&symbol),
                    why,
                })
                .field("letter.number"));
        }
        if !symbol.is_empty() {
            match &letter.symbol {
                None => letter.symbol = Some(symbol),
                // the symbol written twice, or the number with the issuer's part of it only
                // ("1635/STTTT" beside symbol = "STTTT-TTBCXB"): one symbol
                Some(given) if same_symbol(given, &symbol) => {}
                Some(given) => {
                    let problem = LetterProblem::NumberSymbolContradicts {
                        written,
                        in_number: symbol,
                        symbol: given.clone(),
                    };
                    return Err(match table.item("symbol") {
                        Some(at) => between(
                            problem,
                            (item.spot(), "letter.number"),
                            (at.spot(), "letter.symbol"),
                            later(top.layers(), item.src, at.src),
                        ),
                        None => item.error(problem).field("letter.number"),
                    });
                }
            }
        }
        // one letter per district: each its own number, counted on from the one given, all
        // within the register's range
        if letter.mode == LetterMode::PerDistrict && !number.bytes().all(|b| b.is_ascii_digit()) {
            return Err(against_mode(
                LetterProblem::PerDistrictNumberNotWhole { number },
                &item,
                "letter.number",
            ));
        }
        if letter.mode == LetterMode::PerDistrict
            && let Ok(first) = number.parse::<u64>()
        {
            let letters = districts.len().max(1);
            if first.saturating_add(letters as u64 - 1) > crate::limits::LETTER_NUMBER_MAX {
                return Err(against_mode(
                    LetterProblem::PerDistrictNumberPast { first, letters },
                    &item,
                    "letter.number",
                ));
            }
        }
        letter.number = Some(number);
    }
    if let Some(item) = table.item("recipients") {
        letter.recipients = list(item.src, "letter.recipients", item.value, MAX_RECIPIENTS)?;
        if letter.mode == LetterMode::PerDistrict && !letter.recipients.is_empty() {
            return Err(against_mode(
                LetterProblem::RecipientsPerDistrict,
                &item,
                "letter.recipients",
            ));
        }
        // a recipient naming a district the scenario does not have ("Chủ tịch UBND huyện Hữu
        // Lủng"): the letter would be addressed to a People's Committee the plan does not cover
        let lines = as_array(item.src, "letter.recipients", item.value)?;
        for (recipient, line) in letter.recipients.iter().zip(lines) {
            if let Some(problem) =
                unknown_district(recipient, districts).or_else(|| wrong_unit(recipient, districts))
            {
                return Err(item
                    .src
                    .error(pos(line), problem)
                    .field("letter.recipients"));
            }
        }
        same_line_twice(item.src, "letter.recipients", lines, &letter.recipients)?;
    }
    if let Some(item) = table.item("copies_to") {
        let copies = list(item.src, "letter.copies_to", item.value, MAX_COPIES)?;
        let lines = as_array(item.src, "letter.copies_to", item.value)?;
        same_line_twice(item.src, "letter.copies_to", lines, &copies)?;
        letter.copies_to = Some(copies);
    }
    Ok(letter)
}

/// One text: NFC, trimmed, spaces collapsed; no control or invisible character, at most
/// [`MAX_LETTER_TEXT`] characters; empty only where `empty_ok`.
fn one_text(src: &Source, field: &str, value: &Value<'_>, empty_ok: bool) -> Result<String, Error> {
    let raw = as_str(src, field, value)?;
    if let Some((position, c)) = crate::text::hidden_character(raw) {
        return Err(src
            .error(
                pos(value),
                LetterProblem::HiddenCharacter {
                    shown: shortened(&crate::text::show_hidden(raw)),
                    position,
                    code: u32::from(c),
                },
            )
            .field(field));
    }
    let nfc: String = raw.nfc().collect();
    let text = nfc.split_whitespace().collect::<Vec<_>>().join(" ");
    let chars = text.chars().count();
    if chars > MAX_LETTER_TEXT {
        return Err(src
            .error(pos(value), LetterProblem::TooLong { chars })
            .field(field));
    }
    if text.is_empty() && !empty_ok {
        return Err(src.error(pos(value), LetterProblem::Empty).field(field));
    }
    Ok(text)
}

/// A list of texts, each as [`one_text`], at most `most` of them.
fn list(src: &Source, field: &str, value: &Value<'_>, most: usize) -> Result<Vec<String>, Error> {
    let items = as_array(src, field, value)?;
    if items.len() > most {
        return Err(src
            .error(
                pos(value),
                LetterProblem::TooManyLines {
                    lines: items.len(),
                    most,
                },
            )
            .field(field));
    }
    items
        .iter()
        .map(|item| one_text(src, field, item, false))
        .collect()
}

/// `number = 1635` or `number = "1635"`: a whole number from 1 (below 10 written `05`, as the
/// decree asks), or a text.
fn number(src: &Source, value: &Value<'_>) -> Result<String, Error> {
    const FIELD: &str = "letter.number";
    match value.get_ref() {
        DeValue::Integer(_) => {
            let n = document::as_integer(src, FIELD, value)?;
            if !u64::try_from(n).is_ok_and(|n| (1..=crate::limits::LETTER_NUMBER_MAX).contains(&n))
            {
                return Err(src
                    .error(
                        pos(value),
                        LetterProblem::BadNumber {
                            written: document::written(src, value),
                        },
                    )
                    .field(FIELD));
            }
            Ok(format!("{n:02}"))
        }
        DeValue::String(_) => one_text(src, FIELD, value, false),
        // a decimal, a date, true/false, a list: the number as the register writes it
        _ => Err(src
            .error(
                pos(value),
                LetterProblem::BadNumber {
                    written: document::written(src, value),
                },
            )
            .field(FIELD)),
    }
}

/// `date = 2020-09-01`: a date alone.
fn date(src: &Source, value: &Value<'_>) -> Result<LetterDate, Error> {
    const FIELD: &str = "letter.date";
    let shown = match value.get_ref() {
        DeValue::Datetime(dt) if dt.date.is_some() && dt.time.is_none() && dt.offset.is_none() => {
            dt.to_string()
        }
        DeValue::Datetime(_) => {
            return Err(src
                .error(pos(value), LetterProblem::DateWithTime)
                .field(FIELD));
        }
        _ => {
            return Err(src
                .error(
                    pos(value),
                    LetterProblem::NotADate {
                        written: document::written(src, value),
                    },
                )
                .field(FIELD));
        }
    };
    let date = parse_date(&shown).ok_or_else(|| {
        src.error(
            pos(value),
            LetterProblem::NotADate {
                written: shown.clone(),
            },
        )
        .field(FIELD)
    })?;
    if !(1..=12).contains(&date.month) || date.day == 0 || date.day > date.month_days() {
        return Err(src
            .error(
                pos(value),
                LetterProblem::NoSuchDay {
                    written: shown,
                    month: date.month,
                    year: date.year,
                },
            )
            .field(FIELD));
    }
    Ok(date)
}

/// Whether the symbol written with the number (`STTTT-TTBCXB`, or its first part `STTTT`) is
/// the `symbol` given, capitals and spaces aside.
fn same_symbol(given: &str, in_number: &str) -> bool {
    let key = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_uppercase)
            .collect()
    };
    let (given, in_number) = (key(given), key(in_number));
    given == in_number
        || given
            .strip_prefix(&in_number)
            .is_some_and(|rest| rest.starts_with('-'))
}

/// What is wrong with the shape of a symbol (ký hiệu), if anything: it is the abbreviations of
/// the issuing body and of the drafting unit joined by `-` (`STTTT-TTBCXB`, `QĐ-UBND`), so it has
/// a letter, and no space or other mark.
fn symbol_shape(symbol: &str) -> Option<SymbolWhy> {
    let symbol = symbol.trim_matches('/').trim();
    if let Some(c) = symbol
        .chars()
        .find(|c| !(c.is_alphabetic() || c.is_ascii_digit() || matches!(c, '-' | '&' | '.')))
    {
        return Some(if c.is_whitespace() {
            SymbolWhy::Space
        } else {
            SymbolWhy::Mark(c)
        });
    }
    (!symbol.chars().any(char::is_alphabetic)).then_some(SymbolWhy::NoLetter)
}

/// The unit words that name a district in a recipient ("Chủ tịch UBND huyện Hữu Lũng"), as
/// letters write them, lower case.
const UNIT_WORDS: [&str; 6] = ["huyện", "thành phố", "thị xã", "quận", "tp.", "tx."];

/// The names a recipient gives after a unit word: "Chủ tịch UBND huyện Hữu Lũng" names "Hữu
/// Lũng"; "Chủ tịch UBND các huyện, thành phố" (a kind of unit, not a name), "Công an thành
/// phố" and "Sở Y tế" name none. A name is the capitalised words after the unit word, up to a
/// mark (`,`, `;`, `(`, `-`) or a word in lower case ("và", "tỉnh").
fn named_districts(recipient: &str) -> Vec<String> {
    named_units(recipient)
        .into_iter()
        .map(|(_, name)| name)
        .collect()
}

/// [`named_districts`], each name with the unit word before it as written ("thị xã", "TP.").
fn named_units(recipient: &str) -> Vec<(String, String)> {
    let words: Vec<&str> = recipient.split_whitespace().collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let mut names = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let unit = UNIT_WORDS.iter().find_map(|unit| {
            let parts: Vec<&str> = unit.split(' ').collect();
            let end = i + parts.len();
            (end <= words.len() && lower[i..end].iter().zip(&parts).all(|(w, p)| w == p))
                .then_some(end)
        });
        let Some(after) = unit else {
            i += 1;
            continue;
        };
        // "các huyện, thành phố": a kind of unit; "huyện," ends there
        let plural = i > 0 && matches!(lower[i - 1].as_str(), "các" | "những" | "mọi");
        let mut name: Vec<&str> = Vec::new();
        for word in &words[after..] {
            // a name's words are capitalised ("Hữu Lũng"), or a number ("Quận 1")
            let starts_name = word
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
            if !starts_name || word.starts_with('(') {
                break;
            }
            let bare = word.trim_end_matches([',', ';', '.', ':', ')']);
            name.push(bare);
            if bare.len() != word.len() {
                break;
            }
        }
        if !plural && !name.is_empty() {
            names.push((words[i..after].join(" "), name.join(" ")));
        }
        i = after.max(i + 1);
    }
    names
}

/// The problem with a recipient that names a district (`huyện X`) the scenario does not have,
/// names compared as a person reads them ([`crate::text::fold`]), its unit word aside.
fn unknown_district(recipient: &str, districts: &[super::DistrictInput]) -> Option<LetterProblem> {
    let bare: Vec<(String, &str)> = districts
        .iter()
        .map(|d| {
            let name = crate::model::UnitType::split_name(&d.name).1;
            (crate::text::fold(name), d.name.as_str())
        })
        .collect();
    for named in named_districts(recipient) {
        let key = crate::text::fold(&named);
        // the district's name, then maybe more ("huyện Văn Lãng tỉnh Lạng Sơn" stops at "tỉnh")
        let known = bare.iter().any(|(name, _)| {
            key == *name
                || key
                    .strip_prefix(name.as_str())
                    .is_some_and(|r| r.starts_with(' '))
        });
        if known {
            continue;
        }
        let close = bare
            .iter()
            .map(|(name, full)| (strsim::jaro_winkler(&key, name), *full))
            .filter(|(score, _)| *score > 0.8)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, full)| full.to_string());
        let known =
            crate::diagnostic::Shortlist::of(&named, districts.iter().map(|d| d.name.as_str()));
        return Some(LetterProblem::UnknownRecipient {
            recipient: shortened(recipient),
            name: shortened(&named),
            close,
            known,
        });
    }
    None
}

/// Refuses a line of `texts` (read from the list `lines` of `field`) written twice, compared
/// as a person reads them ([`crate::text::fold`], a final `;` or `.` aside), at the second.
fn same_line_twice(
    src: &Source,
    field: &str,
    lines: &[Value<'_>],
    texts: &[String],
) -> Result<(), Error> {
    let key = |t: &str| crate::text::fold(t.trim_end_matches([';', '.', ',']).trim());
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (i, (text, line)) in texts.iter().zip(lines).enumerate() {
        if let Some(&first) = seen.get(&key(text)) {
            return Err(src
                .error(
                    pos(line),
                    LetterProblem::SameLineTwice {
                        line: shortened(text),
                        first: first + 1,
                        again: i + 1,
                    },
                )
                .field(field));
        }
        seen.insert(key(text), i);
    }
    Ok(())
}

/// The problem with a recipient that names a district with the wrong unit word ("UBND thị xã
/// Lạng Sơn" where the scenario's Lạng Sơn is a thành phố): when no district of that name is
/// of the kind the word says.
fn wrong_unit(recipient: &str, districts: &[super::DistrictInput]) -> Option<LetterProblem> {
    use crate::model::UnitType;
    for (word, named) in named_units(recipient) {
        let Some(said) = unit_of_word(&word) else {
            continue;
        };
        let key = crate::text::fold(&named);
        let same_name: Vec<&super::DistrictInput> = districts
            .iter()
            .filter(|d| {
                let bare = crate::text::fold(UnitType::split_name(&d.name).1);
                key == bare
                    || key
                        .strip_prefix(bare.as_str())
                        .is_some_and(|r| r.starts_with(' '))
            })
            .collect();
        if same_name.is_empty() || same_name.iter().any(|d| d.unit_type == said) {
            continue;
        }
        let district = same_name[0];
        let suggested = recipient.replacen(&word, district.unit_type.vi(), 1);
        return Some(LetterProblem::RecipientUnit {
            recipient: shortened(recipient),
            written: word.to_lowercase(),
            district: district.name.clone(),
            unit: district.unit_type.vi(),
            suggested: shortened(&suggested),
        });
    }
    None
}

/// The kind of unit a unit word of a recipient says ("thị xã", "TP.").
fn unit_of_word(word: &str) -> Option<crate::model::UnitType> {
    use crate::model::UnitType;
    match word.to_lowercase().as_str() {
        "huyện" => Some(UnitType::District),
        "thành phố" | "tp." => Some(UnitType::City),
        "thị xã" | "tx." => Some(UnitType::Town),
        "quận" => Some(UnitType::UrbanDistrict),
        _ => None,
    }
}

/// `2020-09-01` as a date.
fn parse_date(text: &str) -> Option<LetterDate> {
    let mut parts = text.splitn(3, '-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok()?;
    let day = parts.next()?.parse().ok()?;
    Some(LetterDate { year, month, day })
}

/// `2020-09-01`.
fn show(date: LetterDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year, date.month, date.day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_data_date_reads_as_a_date() {
        assert_eq!(
            parse_date("2020-09-01"),
            Some(LetterDate {
                year: 2020,
                month: 9,
                day: 1
            })
        );
        assert_eq!(parse_date("1.9.2020"), None);
        assert!(parse_date("2020-08-31") < parse_date("2020-09-01"));
    }

    #[test]
    fn days_between_dates_and_the_days_of_a_month() {
        let d = |year, month, day| LetterDate { year, month, day };
        assert_eq!(d(2020, 9, 1).days_since(d(2020, 8, 31)), 1);
        assert_eq!(d(2021, 3, 1).days_since(d(2020, 3, 1)), 365);
        assert_eq!(d(2020, 3, 1).days_since(d(2019, 3, 1)), 366);
        assert_eq!(d(1970, 1, 1).day_number(), 0);
        assert_eq!(d(2020, 2, 1).month_days(), 29);
        assert_eq!(d(2100, 2, 1).month_days(), 28);
        assert_eq!(d(2000, 2, 1).month_days(), 29);
        assert_eq!(d(2021, 4, 1).month_days(), 30);
    }

    #[test]
    fn a_symbol_written_with_the_number_is_the_same_or_its_first_part() {
        assert!(same_symbol("STTTT-TTBCXB", "STTTT-TTBCXB"));
        assert!(same_symbol("STTTT-TTBCXB", "stttt - ttbcxb"));
        assert!(same_symbol("STTTT-TTBCXB", "STTTT"));
        assert!(!same_symbol("STTTT-TTBCXB", "STT"));
        assert!(!same_symbol("STTTT-TTBCXB", "UBND-VX"));
    }

    #[test]
    fn a_symbol_is_abbreviations_joined_by_dashes() {
        assert_eq!(symbol_shape("STTTT-TTBCXB"), None);
        assert_eq!(symbol_shape("QĐ-UBND"), None);
        assert_eq!(symbol_shape("/STTTT-TTBCXB/"), None);
        assert_eq!(symbol_shape("1635"), Some(SymbolWhy::NoLetter));
        assert_eq!(symbol_shape("STTTT TTBCXB"), Some(SymbolWhy::Space));
        assert_eq!(symbol_shape("STTTT_TTBCXB"), Some(SymbolWhy::Mark('_')));
    }

    #[test]
    fn recipients_name_districts_after_a_unit_word() {
        assert_eq!(
            named_districts("Chủ tịch UBND huyện Hữu Lũng"),
            ["Hữu Lũng"]
        );
        assert_eq!(
            named_districts("UBND thành phố Lạng Sơn, UBND huyện Văn Lãng tỉnh Lạng Sơn"),
            ["Lạng Sơn", "Văn Lãng"]
        );
        assert!(named_districts("Chủ tịch UBND các huyện, thành phố").is_empty());
        assert!(named_districts("Công an thành phố").is_empty());
        assert!(named_districts("Sở Y tế; các cơ quan, đơn vị").is_empty());
        assert_eq!(named_districts("UBND TP. Lạng Sơn (để biết)"), ["Lạng Sơn"]);
    }

    #[test]
    fn every_key_but_app_recipients_copies_authority_and_mode_has_a_placeholder() {
        let all = Letter::default().placeholders();
        let rest: Vec<&str> = KEYS.iter().copied().filter(|k| !all.contains(k)).collect();
        assert_eq!(
            rest,
            ["app", "recipients", "copies_to", "authority", "mode"]
        );
    }
}
