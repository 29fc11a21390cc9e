//! Number formats for people: Vietnamese `151.916` and `29,22%`, English `151,916` and `29.22%`.
//! Rounding happens here and nowhere else.

use num_format::{Locale, ToFormattedString};

use crate::text::Lang;

fn locale(lang: Lang) -> Locale {
    match lang {
        Lang::Vi => Locale::vi,
        Lang::En => Locale::en,
    }
}

/// A count, rounded to the nearest whole number: `151.916` / `151,916`.
pub fn count(lang: Lang, value: f64) -> String {
    let rounded = value.round();
    let text = (rounded.abs() as u128).to_formatted_string(&locale(lang));
    if rounded < 0.0 {
        format!("-{text}")
    } else {
        text
    }
}

/// `parts` rounded to whole numbers that add up to their sum rounded, so that a reader who adds
/// the printed parts finds the printed whole (a district's directives to its projected
/// installs; rounding each on its own may miss it by one). A part marked in `kept` is rounded
/// on its own (a directive whose text already quotes it so); each of the others is rounded
/// down, and the units that leaves go to the largest remainders (the first of equal ones).
/// Where the kept parts leave the others no way to make the sum (fewer units to give than
/// their roundings down need, or more than one each), every part is rounded on its own. A part
/// that is not finite stays as it is and is left out of the sum.
pub fn whole_parts(parts: &[f64], kept: &[bool]) -> Vec<f64> {
    let kept = |i: usize| kept.get(i).copied().unwrap_or(false);
    let total: f64 = parts.iter().filter(|x| x.is_finite()).sum();
    let mut whole: Vec<f64> = parts
        .iter()
        .enumerate()
        .map(|(i, &x)| match x.is_finite() {
            true if kept(i) => x.round(),
            true => x.floor(),
            false => x,
        })
        .collect();
    let free: Vec<usize> = (0..parts.len())
        .filter(|&i| parts[i].is_finite() && !kept(i))
        .collect();
    let given: f64 = whole.iter().filter(|x| x.is_finite()).sum();
    let left = total.round() - given;
    if left < 0.0 || left > free.len() as f64 {
        return parts
            .iter()
            .map(|&x| if x.is_finite() { x.round() } else { x })
            .collect();
    }
    let mut order = free;
    // largest remainder first; equal remainders keep the parts' order (a stable sort)
    order.sort_by(|&a, &b| (parts[b] - whole[b]).total_cmp(&(parts[a] - whole[a])));
    for &i in order.iter().take(left as usize) {
        whole[i] += 1.0;
    }
    whole
}

/// A number as written (`100000000`, `0.41`, `-1500.25`), its digits kept, printed as a person
/// reads it: thousands grouped and the decimal separator of the language (`100.000.000`,
/// `0,41`, `-1.500,25` / `100,000,000`, `0.41`, `-1,500.25`); `None` for anything else (a
/// date, a word, a number in exponent form, one with a leading zero or past 39 digits).
pub fn as_written(lang: Lang, text: &str) -> Option<String> {
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text),
    };
    let (whole, fraction) = match digits.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (digits, None),
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    // a leading zero ("007") would be lost: such a text is not shown as a number
    if !all_digits(whole)
        || fraction.is_some_and(|f| !all_digits(f))
        || whole.len() > 1 && whole.starts_with('0')
    {
        return None;
    }
    let grouped = whole
        .parse::<u128>()
        .ok()?
        .to_formatted_string(&locale(lang));
    let point = match lang {
        Lang::Vi => ',',
        Lang::En => '.',
    };
    Some(match fraction {
        Some(f) => format!("{sign}{grouped}{point}{f}"),
        None => format!("{sign}{grouped}"),
    })
}

/// A decimal with `places` digits after the separator: `33,1` / `33.1`.
pub fn decimal(lang: Lang, value: f64, places: usize) -> String {
    let scale = 10f64.powi(places as i32);
    let scaled = (value.abs() * scale).round();
    let whole = (scaled / scale).trunc();
    let frac = scaled - whole * scale;
    let sign = if value < 0.0 && scaled > 0.0 { "-" } else { "" };
    let int = (whole as u128).to_formatted_string(&locale(lang));
    if places == 0 {
        return format!("{sign}{int}");
    }
    let sep = locale(lang).decimal();
    format!("{sign}{int}{sep}{:0places$}", frac as u64)
}

/// [`decimal`], or, from a thousand billion up, a power of ten (`1 × 10^298`, `2,5 × 10^19`):
/// the digits of a figure that large tell a reader nothing, and past `u128` they would be
/// wrong.
pub fn decimal_or_power(lang: Lang, value: f64, places: usize) -> String {
    if value.is_finite() && value.abs() >= 1e15 {
        let exponent = value.abs().log10().floor();
        let mantissa = value / 10f64.powf(exponent);
        return format!(
            "{} × 10^{exponent}",
            decimal(lang, mantissa, places_needed(mantissa, 3))
        );
    }
    decimal(lang, value, places)
}

/// A rate as a percentage with two decimals: `29,22%` / `29.22%`.
pub fn percent(lang: Lang, rate: f64) -> String {
    format!("{}%", decimal(lang, rate * 100.0, 2))
}

/// The rate of a count as [`count`] prints it (rounded to a whole number) over `of`: the rate a
/// reader finds by dividing the two printed figures. Every human output prints a rate of
/// installs with decimals through this (issue 13 item 10); JSON keeps the exact rate.
pub fn rate_as_printed(count: f64, of: u64) -> f64 {
    count.round() / of as f64
}

/// Whether `count` as printed (rounded to a whole number) falls short of `rate` of `of` by more
/// than the solver's installs tolerance: the verdict that agrees with [`rate_as_printed`].
pub fn short_as_printed(count: f64, of: u64, rate: f64) -> bool {
    count.round() < rate * of as f64 - crate::solve::INSTALLS_TOLERANCE
}

/// A rate as a percentage with one decimal, for prose: `33,1%` / `33.1%`.
pub fn percent1(lang: Lang, rate: f64) -> String {
    format!("{}%", decimal(lang, rate * 100.0, 1))
}

/// Money in đồng, rounded to whole đồng: `4.200.000 đ` / `4,200,000 VND`.
pub fn money(lang: Lang, value: f64) -> String {
    format!("{} {}", count(lang, value), lang.pick("đ", "VND"))
}

/// The most decimals of a percentage [`percent_short`] prints: a target typed 0.420885 is
/// shown 42,0885%.
pub const POLICY_PLACES: usize = 4;

/// A rate set by policy (a target or a floor), with the decimals it was written with (at most
/// [`POLICY_PLACES`]) and no trailing zeros: `40%`, `32,5%` / `32.5%`, `42,088%`.
pub fn percent_short(lang: Lang, rate: f64) -> String {
    let places = places_needed(rate * 100.0, POLICY_PLACES);
    format!("{}%", decimal(lang, rate * 100.0, places))
}

/// A rate with as many decimals (one to four) as it takes to tell it apart from `other`, so
/// that a shortfall never prints as the figure it falls short of: `34,96%` next to `35%`.
pub fn percent_apart(lang: Lang, rate: f64, other: f64) -> String {
    let mut places = 1;
    while places < 4 && decimal(lang, rate * 100.0, places) == decimal(lang, other * 100.0, places)
    {
        places += 1;
    }
    format!("{}%", decimal(lang, rate * 100.0, places))
}

/// A rate as [`percent`] (two decimals), or with as many more (up to four) as it takes to tell
/// it apart from `other` (a target) where two print them the same: a projection of 42,0876%
/// beside a target of 42,088% is not shown as 42,09%.
pub fn percent_beside(lang: Lang, rate: f64, other: f64) -> String {
    let mut places = 2;
    while places < 4 && decimal(lang, rate * 100.0, places) == decimal(lang, other * 100.0, places)
    {
        places += 1;
    }
    format!("{}%", decimal(lang, rate * 100.0, places))
}

/// A figure within this share of a decimal with fewer places is that decimal: binary
/// fractions (0.1 + 0.2) miss the decimal a person typed by far less.
const TYPED_TOLERANCE: f64 = 1e-9;

/// The decimals `x` needs to print as a person typed it, at most `most`: 0.3 → 1, 14 → 0,
/// 0.125 → 3.
pub fn places_needed(x: f64, most: usize) -> usize {
    (0..most)
        .find(|&p| {
            let scaled = x * 10f64.powi(p as i32);
            (scaled - scaled.round()).abs() < TYPED_TOLERANCE * scaled.abs().max(1.0)
        })
        .unwrap_or(most)
}

/// A number for programs (CSV cells): a decimal point, no grouping, `places` digits after it:
/// `151916`, `29.22`. Rounds like the human formats, so the figures agree with them.
pub fn plain(value: f64, places: usize) -> String {
    decimal(Lang::En, value, places).replace(',', "")
}

/// A file's size in bytes, in the largest unit (kB, MB, GB; 1 MB = 1,000,000 bytes) with at
/// most one decimal: `32 MB`, `1,5 GB` / `1.5 GB`, `812 byte` / `812 bytes`.
pub fn size(lang: Lang, bytes: u64) -> String {
    #[allow(clippy::cast_precision_loss)]
    let value = bytes as f64;
    if bytes < 1_000 {
        return format!("{} {}", count(lang, value), lang.pick("byte", "bytes"));
    }
    let units = [("kB", 1e3), ("MB", 1e6), ("GB", 1e9)];
    // the largest unit the size reaches once rounded to one decimal (999.96 kB is 1 MB)
    let (unit, scale) = units
        .iter()
        .rev()
        .find(|(_, scale)| (value / scale * 10.0).round() >= 10.0)
        .copied()
        .unwrap_or(units[0]);
    let text = decimal(lang, value / scale, 1);
    let sep = locale(lang).decimal();
    let text = text
        .strip_suffix(&format!("{sep}0"))
        .map_or(text.clone(), str::to_string);
    format!("{text} {unit}")
}

/// A size and the limit it is beside ("16,2 MB" above "16 MB"), each as [`size`] unless the two
/// would read the same ("16 MB, above the limit of 16 MB"): then both in bytes, in full.
pub fn size_beside(lang: Lang, bytes: u64, limit: u64) -> (String, String) {
    let (shown, limit_shown) = (size(lang, bytes), size(lang, limit));
    if shown != limit_shown || bytes == limit {
        return (shown, limit_shown);
    }
    #[allow(clippy::cast_precision_loss)]
    let full = |v: u64| format!("{} {}", count(lang, v as f64), lang.pick("byte", "bytes"));
    (full(bytes), full(limit))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_as_written_keeps_its_digits_and_groups_its_thousands() {
        assert_eq!(
            as_written(Lang::Vi, "100000000").as_deref(),
            Some("100.000.000")
        );
        assert_eq!(
            as_written(Lang::En, "100000000").as_deref(),
            Some("100,000,000")
        );
        assert_eq!(as_written(Lang::Vi, "0.41").as_deref(), Some("0,41"));
        assert_eq!(
            as_written(Lang::En, "-1500.250").as_deref(),
            Some("-1,500.250")
        );
        assert_eq!(as_written(Lang::Vi, "999").as_deref(), Some("999"));
        for not_a_number in [
            "2020-10-01",
            "min-cost",
            "1e9",
            "",
            "-",
            "1.",
            ".5",
            "1.2.3",
        ] {
            assert_eq!(as_written(Lang::Vi, not_a_number), None, "{not_a_number}");
        }
    }

    #[test]
    fn whole_parts_add_up_to_their_sum_rounded() {
        // Cao Lộc in the shipped plan: each rounded alone, 594 + 5.715 + 1.127 = 7.436
        let parts = [593.93, 5714.83, 1126.59];
        assert_eq!(whole_parts(&parts, &[false; 3]), [594.0, 5715.0, 1126.0]);
        // the door-to-door directive quotes its 4.122: the others take the difference
        let parts = [179.6, 708.6, 4122.4];
        assert_eq!(
            whole_parts(&parts, &[false, false, true]),
            [180.0, 709.0, 4122.0]
        );
        // equal remainders: the first gets the unit
        assert_eq!(whole_parts(&[0.5, 0.5], &[]), [1.0, 0.0]);
        // kept parts that leave the others nothing to give: each rounded alone
        assert_eq!(whole_parts(&[0.6, 0.6], &[true, true]), [1.0, 1.0]);
        assert_eq!(
            whole_parts(&[0.4, 0.4, 0.4], &[true, true, false]),
            [0.0, 0.0, 1.0]
        );
        // a part that is not a number stays out of the sum
        let with_nan = whole_parts(&[f64::NAN, 2.5, 2.5], &[]);
        assert!(with_nan[0].is_nan());
        assert_eq!(with_nan[1..], [3.0, 2.0]);
    }

    #[test]
    fn a_size_beside_its_limit_reads_differently() {
        assert_eq!(
            size_beside(Lang::En, 16_000_001, 16_000_000),
            (
                "16,000,001 bytes".to_string(),
                "16,000,000 bytes".to_string()
            )
        );
        assert_eq!(
            size_beside(Lang::Vi, 16_000_001, 16_000_000),
            ("16.000.001 byte".to_string(), "16.000.000 byte".to_string())
        );
        assert_eq!(
            size_beside(Lang::En, 20_000_000, 16_000_000),
            ("20 MB".to_string(), "16 MB".to_string())
        );
    }

    #[test]
    fn the_letters_total_in_both_languages() {
        assert_eq!(count(Lang::Vi, 151_916.0), "151.916");
        assert_eq!(count(Lang::En, 151_916.0), "151,916");
        assert_eq!(percent(Lang::Vi, 151_916.0 / 519_820.0), "29,22%");
        assert_eq!(percent(Lang::En, 151_916.0 / 519_820.0), "29.22%");
    }

    #[test]
    fn a_rate_as_printed_is_the_printed_count_over_the_whole() {
        // 400,3 installs print as 400: 40,00% of 1.000, not 40,03%
        assert_eq!(rate_as_printed(400.3, 1_000), 0.4);
        assert_eq!(percent(Lang::Vi, rate_as_printed(400.3, 1_000)), "40,00%");
        assert_eq!(rate_as_printed(400.5, 1_000), 0.401);
    }

    #[test]
    fn a_count_is_short_of_a_rate_as_printed() {
        // a target of 40,02% of 1.000 asks for 400,2: 400,3 reaches it, but prints as 400
        assert!(short_as_printed(400.3, 1_000, 0.4002));
        // 400,6 prints as 401, at or above 400,2
        assert!(!short_as_printed(400.6, 1_000, 0.4002));
        // exactly the target, as printed, is reached
        assert!(!short_as_printed(399.5, 1_000, 0.4));
        assert!(short_as_printed(399.49, 1_000, 0.4));
    }

    #[test]
    fn rounding_carries_into_the_whole_part() {
        assert_eq!(decimal(Lang::Vi, 9.996, 2), "10,00");
        assert_eq!(decimal(Lang::En, 1_234.5, 1), "1,234.5");
        assert_eq!(percent1(Lang::Vi, 0.331), "33,1%");
        assert_eq!(count(Lang::Vi, 999.5), "1.000");
        assert_eq!(count(Lang::Vi, -1_500.0), "-1.500");
        assert_eq!(decimal(Lang::Vi, 0.04, 1), "0,0");
    }

    #[test]
    fn plain_numbers_have_a_point_and_no_grouping() {
        assert_eq!(plain(151_916.4, 0), "151916");
        assert_eq!(plain(100.0 * 151_916.0 / 519_820.0, 2), "29.22");
        assert_eq!(plain(-1_234.5, 1), "-1234.5");
    }

    /// Teams, days and cost per team-day at their limits reach 3,65 × 10^21 đồng on a
    /// 10.600-unit scenario: printed whole, not saturated at 2^64 - 1.
    #[test]
    fn figures_beyond_two_to_the_sixty_four_are_printed_whole() {
        assert_eq!(count(Lang::Vi, 3.65e21), "3.650.000.000.000.000.000.000");
        assert_eq!(
            money(Lang::En, 18_446_744_073_709_551_616.0 * 2.0),
            "36,893,488,147,419,103,232 VND"
        );
        assert_eq!(
            decimal(Lang::Vi, 1e20 + 0.5, 1),
            "100.000.000.000.000.000.000,0"
        );
    }

    #[test]
    fn sizes_in_their_largest_unit() {
        assert_eq!(size(Lang::Vi, 32_000_000), "32 MB");
        assert_eq!(size(Lang::Vi, 200_000_196), "200 MB");
        assert_eq!(size(Lang::Vi, 1_500_000_000), "1,5 GB");
        assert_eq!(size(Lang::En, 1_500_000_000), "1.5 GB");
        assert_eq!(size(Lang::En, 261_126), "261.1 kB");
        assert_eq!(size(Lang::En, 999_960), "1 MB");
        assert_eq!(size(Lang::En, 812), "812 bytes");
        assert_eq!(size(Lang::Vi, 2_000_000_000_000), "2.000 GB");
    }

    #[test]
    fn money_has_a_unit() {
        assert_eq!(money(Lang::Vi, 4_200_000.0), "4.200.000 đ");
        assert_eq!(money(Lang::En, 4_200_000.0), "4,200,000 VND");
    }

    #[test]
    fn policy_rates_drop_trailing_zeros() {
        assert_eq!(percent_short(Lang::Vi, 0.40), "40%");
        assert_eq!(percent_short(Lang::Vi, 0.325), "32,5%");
        assert_eq!(percent_short(Lang::En, 0.3333), "33.33%");
        assert_eq!(percent_short(Lang::En, 0.305), "30.5%");
    }

    #[test]
    fn a_shortfall_never_prints_as_its_target() {
        assert_eq!(percent_apart(Lang::Vi, 0.331, 0.35), "33,1%");
        assert_eq!(percent_apart(Lang::Vi, 0.3496, 0.35), "34,96%");
        assert_eq!(percent_apart(Lang::En, 0.34996, 0.35), "34.996%");
    }
}
