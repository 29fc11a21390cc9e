//! A coverage table as departments type it: the header row (Vietnamese or English), counts
//! with thousands separators, a rate column, a total row. Shared by `campaign import` and the
//! scenario's `coverage = "..."` reader.

use unicode_normalization::UnicodeNormalization;

use crate::scenario::normalise;

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

/// How the expected columns may be written, for messages.
pub const EXPECTED: &str =
    "Huyện/District, Đã cài Bluezone/Installed, Tổng smartphone/Smartphones (Tỷ lệ/Rate: optional)";

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

/// The meaning of a header cell, if it is one of the columns every table has.
pub fn heading(cell: &str) -> Option<Heading> {
    let f = fold(cell);
    let f = f.trim_end_matches(':').trim();
    match f {
        "huyện"
        | "tên huyện"
        | "huyện/thành phố"
        | "huyện, thành phố"
        | "đơn vị"
        | "district"
        | "name" => Some(Heading::District),
        "đã cài bluezone" | "đã cài" | "số đã cài" | "số thuê bao đã cài" | "installed" => {
            Some(Heading::Installed)
        }
        "tổng smartphone"
        | "tổng số smartphone"
        | "smartphone"
        | "smartphones"
        | "số smartphone"
        | "tổng thuê bao smartphone" => Some(Heading::Smartphones),
        "rate" | "%" | "tỷ lệ (%)" | "rate (%)" => Some(Heading::Rate),
        "ghi chú" | "note" | "notes" | "stt" | "tt" | "số tt" | "số thứ tự" | "no." | "no" => {
            Some(Heading::Notes)
        }
        _ if f.starts_with("tỷ lệ") => Some(Heading::Rate),
        _ => None,
    }
}

/// Whether a row names the district, installed and smartphones columns.
pub fn has_header(cells: &[String]) -> bool {
    let found: Vec<Heading> = cells.iter().filter_map(|c| heading(c)).collect();
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
    let separators: Vec<char> = body.chars().filter(|c| !c.is_ascii_digit()).collect();
    let digits: String = if separators.is_empty() {
        body.to_string()
    } else {
        let sep = separators[0];
        let allowed = ['.', ',', ' ', '_', '\u{a0}', '\u{202f}'];
        if !allowed.contains(&sep) || separators.iter().any(|c| *c != sep) {
            return None;
        }
        let groups: Vec<&str> = body.split(sep).collect();
        let grouped =
            (1..=3).contains(&groups[0].len()) && groups[1..].iter().all(|g| g.len() == 3);
        if !grouped {
            return None;
        }
        groups.concat()
    };
    if digits.is_empty() || digits.len() > 30 {
        return None;
    }
    let value: i128 = digits.parse().ok()?;
    Some(if negative { -value } else { value })
}

/// A printed rate in percent and the unit of its last digit: `22%` is (22, 1), `22.98%` and
/// `22,98%` are (22.98, 0.01), a bare fraction `0.2298` (from a spreadsheet) is (22.98, 0.01).
pub fn parse_rate(cell: &str) -> Option<(f64, f64)> {
    let cell = cell.trim();
    let (body, percent) = match cell.strip_suffix('%') {
        Some(b) => (b.trim(), true),
        None => (cell, false),
    };
    let body = body.replace(',', ".");
    if body.is_empty() || body.matches('.').count() > 1 || body.starts_with('-') {
        return None;
    }
    let value: f64 = body.parse().ok()?;
    let decimals = body.split_once('.').map_or(0, |(_, d)| d.len());
    let unit = 10f64.powi(-i32::try_from(decimals).ok()?);
    if percent || value > 1.0 {
        Some((value, unit))
    } else {
        Some((value * 100.0, (unit * 100.0).min(1.0)))
    }
}

/// Points a printed rate may differ from the counts beyond truncation or rounding.
pub const RATE_SLACK_POINTS: f64 = 1.0;

/// Whether the printed rate agrees with `installed / smartphones`: the letter truncates
/// (22.98% is printed 22%), others round, so anything in [p − unit/2, p + unit) is exact,
/// and [`RATE_SLACK_POINTS`] more either side is tolerated.
pub fn rate_agrees(printed: (f64, f64), installed: u64, smartphones: u64) -> bool {
    if smartphones == 0 {
        return true;
    }
    #[allow(clippy::cast_precision_loss)]
    let actual = installed as f64 * 100.0 / smartphones as f64;
    let (p, unit) = printed;
    actual >= p - unit / 2.0 - RATE_SLACK_POINTS && actual < p + unit + RATE_SLACK_POINTS
}

/// The rate as a reader would print it, for messages: `22.98%`.
pub fn rate_text(installed: u64, smartphones: u64) -> String {
    if smartphones == 0 {
        return "–".to_string();
    }
    #[allow(clippy::cast_precision_loss)]
    let actual = installed as f64 * 100.0 / smartphones as f64;
    format!("{actual:.2}%")
}

/// Rows like "TỔNG", "Tổng cộng" or "Total" that the letter's tables end with.
pub fn is_total(name: &str) -> bool {
    let lower = fold(name);
    ["tổng", "tổng cộng", "total", "toàn tỉnh", "cộng", "tổng số"]
        .iter()
        .any(|t| {
            lower == *t
                || lower.starts_with(&format!("{t} "))
                || lower.starts_with(&format!("{t}:"))
        })
}

/// A district's name as the scenario uses it: NFC, trimmed, without the "Huyện " of the
/// letter's rows ("Huyện Hữu Lũng" is "Hữu Lũng"; "Thành phố Lạng Sơn" keeps its name).
pub fn district_name(cell: &str) -> String {
    let name = normalise(cell);
    let folded = name.to_lowercase();
    match folded.strip_prefix("huyện ") {
        Some(_) => normalise(name.get("huyện ".len()..).unwrap_or(&name)),
        None => name,
    }
}

/// The key two names of one district share: [`district_name`] without case, so that
/// "Huyện Hữu Lũng", "Hữu Lũng", "HỮU LŨNG" and "Hữu\u{a0}Lũng" are the same district.
pub fn name_key(name: &str) -> String {
    district_name(name).to_lowercase()
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
