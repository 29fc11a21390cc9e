//! A coverage table as departments type it: the header row (Vietnamese or English), counts
//! with thousands separators, a rate column, a total row. Shared by `campaign import` and the
//! scenario's `coverage = "..."` reader.

use unicode_normalization::UnicodeNormalization;

use crate::text::normalise;

/// What a header cell names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Heading {
    District,
    Installed,
    Smartphones,
    /// The printed share of installs (`Tỷ lệ`, `Rate`): checked against the counts, not used.
    Rate,
    /// A column read by people only: notes (`Ghi chú`, `Notes`) or the row number (`STT`,
    /// `TT`, `No.`). Ignored.
    Notes,
}

/// A header cell compared after NFC, case folding and collapsing spaces (line breaks in a
/// spreadsheet cell included): "ĐÃ CÀI\nBLUEZONE" is "đã cài bluezone".
pub fn fold(cell: &str) -> String {
    let lower = cell.nfc().collect::<String>().to_lowercase();
    lower
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace("tỉ lệ", "tỷ lệ")
}

/// A heading as a person reads it, to compare headings by: NFC, lower case, without
/// diacritics (`đ` is `d`), every run of punctuation or spaces read as one space (`%` kept):
/// "ĐÃ CÀI ĐẶT\nBluezone", "Đã cài đặt Bluezone" and "Da cai dat bluezone" are one key,
/// `da cai dat bluezone`.
pub fn key(cell: &str) -> String {
    let mut out = String::with_capacity(cell.len());
    let mut space = true;
    for c in cell.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        let c = match c {
            'đ' | 'Đ' => 'd',
            c => c,
        };
        if c.is_alphanumeric() || c == '%' {
            out.extend(c.to_lowercase());
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// The most words a heading has: a longer cell is a title or a note, not a heading.
const HEADING_WORDS: usize = 12;

/// Whether the words of `key` hold `phrase` (words of a [`key`]) as whole words, in order.
pub(crate) fn has_words(words: &[&str], phrase: &str) -> bool {
    has(words, phrase)
}

fn has(words: &[&str], phrase: &str) -> bool {
    let phrase: Vec<&str> = phrase.split(' ').collect();
    words.windows(phrase.len()).any(|w| w == phrase.as_slice())
}

/// Words that make a column about something other than the table's own figures: a projection
/// ("Dự kiến đã cài"), a target, what is left or added ("Chưa cài", "Cài thêm"), as the tool's
/// own plan outputs and some offices' tables have beside the counts.
const NOT_A_COUNT: [&str; 12] = [
    "du kien",
    "ke hoach",
    "muc tieu",
    "chua",
    "con lai",
    "them",
    "tang",
    "projected",
    "target",
    "not",
    "remaining",
    "from teams",
];

/// Words of a title above a table ("Số liệu cài đặt Bluezone ngày 01/9/2020", "Báo cáo số máy
/// đã cài"), never of a heading.
const TITLE: [&str; 5] = ["so lieu", "bao cao", "ngay", "tinh den", "den ngay"];

/// Words a district column's heading is made of ("Huyện, thành phố", "Tên đơn vị", "Địa bàn",
/// "District"), with at least one of [`DISTRICT_NAMES`].
const DISTRICT_WORDS: [&str; 24] = [
    "ten",
    "cac",
    "huyen",
    "thanh",
    "pho",
    "thi",
    "xa",
    "tran",
    "quan",
    "phuong",
    "don",
    "vi",
    "dia",
    "ban",
    "tp",
    "tx",
    "hanh",
    "chinh",
    "district",
    "districts",
    "name",
    "unit",
    "city",
    "town",
];
const DISTRICT_NAMES: [&str; 11] = [
    "huyen",
    "don vi",
    "dia ban",
    "quan",
    "thanh pho",
    "thi xa",
    "xa",
    "district",
    "name",
    "unit",
    "tp",
];

/// The meaning of a header cell, if it is one of the columns every table has. Headings are
/// compared as a person reads them ([`key`]) and by their words, as offices type them: the
/// installed column is any heading with "cài" ("Đã cài", "Đã cài đặt Bluezone", "Số máy cài
/// đặt", "Số thuê bao đã cài") or "installed"; the smartphones column any with "smartphone",
/// "thuê bao", "máy" or "điện thoại" but not "cài" ("Tổng số thuê bao smartphone", "TỔNG SỐ
/// MÁY"); a rate any starting "tỷ lệ" or holding `%` or "rate". A projection or target column
/// ([`NOT_A_COUNT`]) is none of them.
pub fn heading(cell: &str) -> Option<Heading> {
    // every heading has a letter (or is `%`): a count is none, and is passed over without
    // folding it; so is a cell longer than any table keeps (more than CELL_CHARS characters
    // for certain), which would be refused anyway
    let bytes_at_most = 4 * crate::limits::CELL_CHARS;
    if cell.len() > bytes_at_most || !cell.chars().any(|c| c.is_alphabetic() || c == '%') {
        return None;
    }
    let k = key(cell);
    let words: Vec<&str> = k.split(' ').filter(|w| !w.is_empty()).collect();
    if words.is_empty() || words.len() > HEADING_WORDS {
        return None;
    }
    let has = |phrase: &str| has(&words, phrase);
    if matches!(
        k.as_str(),
        "ghi chu" | "note" | "notes" | "stt" | "tt" | "so tt" | "so thu tu" | "no" | "remarks"
    ) {
        return Some(Heading::Notes);
    }
    if NOT_A_COUNT.iter().any(|p| has(p)) || TITLE.iter().any(|p| has(p)) {
        return None;
    }
    if k.starts_with("ty le") || k.starts_with("ti le") || has("%") || has("rate") {
        return Some(Heading::Rate);
    }
    if has("cai") || has("installed") {
        return Some(Heading::Installed);
    }
    if [
        "smartphone",
        "smartphones",
        "thue bao",
        "may",
        "dien thoai",
        "phones",
        "subscribers",
    ]
    .iter()
    .any(|p| has(p))
    {
        return Some(Heading::Smartphones);
    }
    let district =
        words.iter().all(|w| DISTRICT_WORDS.contains(w)) && DISTRICT_NAMES.iter().any(|p| has(p));
    district.then_some(Heading::District)
}

/// Whether a row names the district, installed and smartphones columns.
pub fn has_header(cells: &[String]) -> bool {
    is_header(cells.iter().map(String::as_str))
}

/// Whether the cells of a row name the district, installed and smartphones columns.
pub fn is_header<'a>(cells: impl Iterator<Item = &'a str>) -> bool {
    let found: Vec<Heading> = cells.filter_map(heading).collect();
    [Heading::District, Heading::Installed, Heading::Smartphones]
        .iter()
        .all(|h| found.contains(h))
}

/// A count as people write it: `151916`, `151.916`, `151,916`, `151 916` (groups of three).
pub fn parse_count(cell: &str) -> Option<i128> {
    let cell = cell.trim();
    let (negative, body) = match cell.strip_prefix('-') {
        Some(rest) => (true, rest.trim_start()),
        None => (false, cell),
    };
    let digits = grouped_digits(body)?;
    if digits.is_empty() || digits.len() > 30 {
        return None;
    }
    let value: i128 = digits.parse().ok()?;
    Some(if negative { -value } else { value })
}

/// The digits of a whole number written with or without one kind of thousands separator
/// (`151916`, `151.916`, `151 916`), however many; `None` for anything else.
fn grouped_digits(body: &str) -> Option<String> {
    let separators: Vec<char> = body.chars().filter(|c| !c.is_ascii_digit()).collect();
    if separators.is_empty() {
        return Some(body.to_string());
    }
    let sep = separators[0];
    let allowed = ['.', ',', ' ', '_', '\u{a0}', '\u{202f}'];
    if !allowed.contains(&sep) || separators.iter().any(|c| *c != sep) {
        return None;
    }
    let groups: Vec<&str> = body.split(sep).collect();
    let grouped = (1..=3).contains(&groups[0].len()) && groups[1..].iter().all(|g| g.len() == 3);
    grouped.then(|| groups.concat())
}

/// Whether a cell that [`parse_count`] does not read is a number above every count the tool
/// reads ([`crate::model::MAX_PEOPLE`]): a whole number of more digits than it reads, or a
/// number in Excel's scientific notation (`1E+300`, as a workbook shows a cell of 10^300, or
/// `1,5E+20`): too large, not "not a whole number" (trial 13d G11).
pub fn count_too_large(cell: &str) -> bool {
    let body = cell.trim();
    if body.starts_with('-') {
        return false;
    }
    if grouped_digits(body).is_some_and(|d| d.len() > 30) {
        return true;
    }
    let scientific = body.contains(['e', 'E'])
        && body.starts_with(|c: char| c.is_ascii_digit())
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | 'e' | 'E' | '+' | '-'));
    #[allow(clippy::cast_precision_loss)]
    let limit = crate::model::MAX_PEOPLE as f64;
    scientific
        && body
            .replace(',', ".")
            .parse::<f64>()
            .is_ok_and(|v| v > limit)
}

/// A printed rate, exactly as written: `digits` / 10^`decimals` percent (`22,98%` is 2298
/// with 2 decimals; a spreadsheet's fraction `0.2298` is the same).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PrintedRate {
    pub digits: u128,
    pub decimals: u32,
}

/// Decimals of a percentage beyond which a rate is a spreadsheet's computed value (its float
/// noise is not a disagreement): compared at this precision.
const COMPUTED_DECIMALS: u32 = 4;

/// A printed rate: `22%`, `22.98%`, `22,98%`, `22.98` under a `Tỷ lệ (%)` heading, or a
/// bare fraction `0.2298` (a spreadsheet's percentage cell).
pub fn parse_rate(cell: &str) -> Option<PrintedRate> {
    let cell = cell.trim();
    let (body, percent) = match cell.strip_suffix('%') {
        Some(b) => (b.trim(), true),
        None => (cell, false),
    };
    let body = body.replace(',', ".");
    let (int, frac) = body.split_once('.').unwrap_or((&body, ""));
    let digit_run = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if int.is_empty() || !digit_run(int) || !digit_run(frac) || int.len() + frac.len() > 30 {
        return None;
    }
    let digits: u128 = format!("{int}{frac}").parse().ok()?;
    let decimals = u32::try_from(frac.len()).ok()?;
    let fraction = !percent && (int == "0" || (int == "1" && digits == 10u128.pow(decimals)));
    if !fraction {
        return Some(PrintedRate { digits, decimals });
    }
    // a fraction: two decimals fewer in percent
    Some(match decimals.checked_sub(2) {
        Some(decimals) => PrintedRate { digits, decimals },
        None => PrintedRate {
            digits: digits * 10u128.pow(2 - decimals),
            decimals: 0,
        },
    })
}

/// Whether the printed rate is `installed / smartphones` truncated (the letter prints 22.98%
/// as 22%) or rounded (23%) at the printed precision; a computed spreadsheet value with more
/// decimals is compared at [`COMPUTED_DECIMALS`], one unit either way.
pub fn rate_agrees(printed: PrintedRate, installed: u64, smartphones: u64) -> bool {
    if smartphones == 0 {
        return true;
    }
    let PrintedRate {
        mut digits,
        mut decimals,
    } = printed;
    let computed = decimals > COMPUTED_DECIMALS;
    if computed {
        digits /= 10u128.pow(decimals - COMPUTED_DECIMALS);
        decimals = COMPUTED_DECIMALS;
    }
    let scale = 100 * 10u128.pow(decimals);
    let (i, s) = (u128::from(installed), u128::from(smartphones));
    let truncated = i * scale / s;
    let rounded = (2 * i * scale + s) / (2 * s);
    if computed {
        digits + 1 >= truncated && digits <= rounded + 1
    } else {
        digits == truncated || digits == rounded
    }
}

/// Rows like "TỔNG", "Tổng cộng" or "Total" that the letter's tables end with.
pub fn is_total(name: &str) -> bool {
    // every total word starts with `t` or `c`: a name starting with another ASCII letter or a
    // digit is none, without folding it (a year of snapshots asks this of every row: H2)
    if name
        .trim_start()
        .chars()
        .next()
        .is_none_or(|c| c.is_ascii_alphanumeric() && !matches!(c, 't' | 'T' | 'c' | 'C'))
    {
        return false;
    }
    let lower = fold(name);
    ["tổng", "tổng cộng", "total", "toàn tỉnh", "cộng", "tổng số"]
        .iter()
        .any(|t| {
            lower.strip_prefix(t).is_some_and(|rest| {
                rest.is_empty() || rest.starts_with(' ') || rest.starts_with(':')
            })
        })
}

/// Whether a total row's name totals a group, not the table: "Cộng nhóm 1", "Tổng cụm 2",
/// "Cộng khu vực I", "Subtotal" (trial 13f J33).
pub fn is_subtotal(name: &str) -> bool {
    let key = key(name);
    let words: Vec<&str> = key.split(' ').collect();
    [
        "nhom", "cum", "khu vuc", "vung", "group", "cluster", "subtotal", "tam cong",
    ]
    .iter()
    .any(|w| has_words(&words, w))
}

/// A district's name as the scenario uses it: NFC, trimmed, without the "Huyện " of the
/// letter's rows ("Huyện Hữu Lũng" is "Hữu Lũng"; "Thành phố Lạng Sơn" keeps its name).
pub fn district_name(cell: &str) -> String {
    let name = normalise(crate::text::unneutralise_cell(cell.trim_start()));
    let folded = name.to_lowercase();
    match folded.strip_prefix("huyện ") {
        Some(_) => normalise(name.get("huyện ".len()..).unwrap_or(&name)),
        None => name,
    }
}

/// The key two names of one district share: [`district_name`] as a person reads it
/// ([`crate::text::fold`]), so that "Huyện Hữu Lũng", "Hữu Lũng", "HỮU LŨNG", "Hữu\u{a0}Lũng",
/// "Ｈữu Lũng" (a full-width Ｈ) and "Ðình Lập" (the eth of old encodings) for "Đình Lập" are
/// the same district.
pub fn name_key(name: &str) -> String {
    let key = crate::text::fold(&district_name(name));
    match key.strip_prefix("huyện ") {
        Some(rest) if !rest.trim().is_empty() => rest.to_string(),
        _ => key,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_as_the_letter_writes_them() {
        assert_eq!(parse_count("151.916"), Some(151_916));
        assert_eq!(parse_count("39,911"), Some(39_911));
        assert_eq!(parse_count("39 911"), Some(39_911));
        assert_eq!(parse_count("1 234 567"), Some(1_234_567));
        assert_eq!(parse_count("96818"), Some(96_818));
        assert_eq!(parse_count("-5"), Some(-5));
        assert_eq!(parse_count("1.5"), None);
        assert_eq!(parse_count("22%"), None);
        assert_eq!(parse_count("1.234,5"), None);
        assert_eq!(parse_count(""), None);
        assert_eq!(parse_count("abc"), None);
    }

    #[test]
    fn headers_in_both_languages() {
        assert_eq!(heading("HUYỆN"), Some(Heading::District));
        assert_eq!(heading("ĐÃ CÀI\nBLUEZONE"), Some(Heading::Installed));
        assert_eq!(heading(" Tổng  smartphone "), Some(Heading::Smartphones));
        assert_eq!(heading("Tỷ lệ thuê bao đã cài"), Some(Heading::Rate));
        assert_eq!(heading("Smartphones"), Some(Heading::Smartphones));
        // decomposed (NFD) text, as some systems save it
        let nfd: String = "Huyện".nfd().collect();
        assert_eq!(heading(&nfd), Some(Heading::District));
        assert_eq!(heading("commune"), None);
        assert_eq!(heading("Ghi chú"), Some(Heading::Notes));
        assert_eq!(heading("STT"), Some(Heading::Notes));
        assert_eq!(heading("No."), Some(Heading::Notes));
    }

    #[test]
    fn truncated_rates_agree() {
        assert!(rate_agrees(parse_rate("22%").unwrap(), 18_019, 78_399));
        assert!(rate_agrees(parse_rate("22.98%").unwrap(), 18_019, 78_399));
        assert!(rate_agrees(parse_rate("23%").unwrap(), 18_019, 78_399));
        assert!(rate_agrees(parse_rate("0.2298").unwrap(), 18_019, 78_399));
        assert!(!rate_agrees(parse_rate("25%").unwrap(), 18_019, 78_399));
        assert!(!rate_agrees(parse_rate("20%").unwrap(), 18_019, 78_399));
        // the printed precision is the precision checked: no slack beyond it
        assert!(!rate_agrees(parse_rate("24%").unwrap(), 18_019, 78_399));
        assert!(!rate_agrees(parse_rate("23,95%").unwrap(), 18_019, 78_399));
        assert!(rate_agrees(parse_rate("22,98%").unwrap(), 18_019, 78_399));
        assert!(rate_agrees(parse_rate("22,983%").unwrap(), 18_019, 78_399));
        assert!(rate_agrees(parse_rate("22.984%").unwrap(), 18_019, 78_399));
        // a spreadsheet's computed fraction, float noise and all
        assert!(rate_agrees(
            parse_rate("0.22983711526932741").unwrap(),
            18_019,
            78_399
        ));
        assert!(rate_agrees(parse_rate("0.23").unwrap(), 23, 100));
        assert!(rate_agrees(parse_rate("0.2299999999999").unwrap(), 23, 100));
        assert!(rate_agrees(parse_rate("1").unwrap(), 5, 5));
    }

    #[test]
    fn total_rows_and_district_prefixes() {
        assert!(is_total("TỔNG"));
        assert!(is_total("Tổng cộng"));
        assert!(is_total("Total"));
        assert!(!is_total("Tràng Định"));
        assert_eq!(district_name(" Huyện Hữu Lũng "), "Hữu Lũng");
        assert_eq!(district_name("Thành phố Lạng Sơn"), "Thành phố Lạng Sơn");
        assert_eq!(district_name("huyện  Cao\u{a0} Lộc"), "Cao Lộc");
        assert_eq!(name_key("HUYỆN HỮU LŨNG"), name_key("Hữu\u{a0}Lũng"));
    }
}
