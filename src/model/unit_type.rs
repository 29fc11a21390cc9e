//! A district's unit type (MODEL.md § "Scenario files"): thành phố, thị xã, huyện or quận, read
//! from its name or set in the scenario, and the words official letters use with it.
//!
//! The communes below each type are those of the Constitution (Hiến pháp 2013, điều 110): "Huyện
//! chia thành xã, thị trấn; thị xã và thành phố thuộc tỉnh chia thành phường và xã; quận chia
//! thành phường". Its English translation gives the English words: a rural district (communes
//! and townships), a town or provincial city (wards and communes), an urban district (wards).

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

/// The kind of unit a district is, as its People's Committee is named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
pub enum UnitType {
    /// Thành phố (thuộc tỉnh): a provincial city.
    #[serde(rename = "thành phố")]
    City,
    /// Thị xã: a town.
    #[serde(rename = "thị xã")]
    Town,
    /// Huyện: a (rural) district; a name that says nothing else is one.
    #[default]
    #[serde(rename = "huyện")]
    District,
    /// Quận: an urban district (in a centrally run city).
    #[serde(rename = "quận")]
    UrbanDistrict,
}

impl UnitType {
    /// Every type, in the order messages list them.
    pub const ALL: [UnitType; 4] = [
        UnitType::City,
        UnitType::Town,
        UnitType::District,
        UnitType::UrbanDistrict,
    ];

    /// The Vietnamese word, as letters write it after "UBND": `thành phố`.
    pub fn vi(self) -> &'static str {
        match self {
            UnitType::City => "thành phố",
            UnitType::Town => "thị xã",
            UnitType::District => "huyện",
            UnitType::UrbanDistrict => "quận",
        }
    }

    /// The English word: `city`, `town`, `district`, `urban district`.
    pub fn en(self) -> &'static str {
        match self {
            UnitType::City => "city",
            UnitType::Town => "town",
            UnitType::District => "district",
            UnitType::UrbanDistrict => "urban district",
        }
    }

    /// The communes below it, as a letter names them all: `các phường, xã` (a city or a town),
    /// `các xã, thị trấn` (a huyện), `các phường` (a quận).
    pub fn communes_vi(self) -> &'static str {
        match self {
            UnitType::City | UnitType::Town => "các phường, xã",
            UnitType::District => "các xã, thị trấn",
            UnitType::UrbanDistrict => "các phường",
        }
    }

    /// The communes below it in English: `wards and communes`, `communes and townships`, `wards`.
    pub fn communes_en(self) -> &'static str {
        match self {
            UnitType::City | UnitType::Town => "wards and communes",
            UnitType::District => "communes and townships",
            UnitType::UrbanDistrict => "wards",
        }
    }

    /// The type a district's name says: "Thành phố Lạng Sơn" and "TP. Lạng Sơn" a city, "Thị
    /// xã ..." and "TX. ..." a town, "Quận ..." a quận; any other name a huyện.
    pub fn of_name(name: &str) -> UnitType {
        UnitType::split_name(name).0.unwrap_or_default()
    }

    /// The type a name begins with, if it begins with one, and the name after it:
    /// "Thành phố Lạng Sơn" is (thành phố, "Lạng Sơn"), "Hữu Lũng" is (none, "Hữu Lũng").
    /// Tables write the type as they can: without diacritics ("Thanh pho Lang Son", "Huyen Van
    /// Lang"), abbreviated ("TP. Lạng Sơn", "TP Lạng Sơn", "TPLạng Sơn", "TX. Sơn Tây", "H. Văn
    /// Lãng", "Q. Ba Đình"). A name that only begins like a type ("Huyệnx", "Quận") is a name,
    /// and so is "Quan Hóa" (a huyện): "quận" is read only with its diacritics or as "Q.".
    pub fn split_name(name: &str) -> (Option<UnitType>, &str) {
        let name = name.trim();
        // abbreviations: "TP" and "TX" with a dot, a space, or glued to a capital ("TPLạng
        // Sơn"); "H." and "Q." with their dot only ("H Văn Lãng" could be a name)
        for (short, unit, bare) in [
            ("tp", UnitType::City, true),
            ("tx", UnitType::Town, true),
            ("h", UnitType::District, false),
            ("q", UnitType::UrbanDistrict, false),
        ] {
            let Some(head) = name.get(..short.len()) else {
                continue;
            };
            if !head.eq_ignore_ascii_case(short) {
                continue;
            }
            let after = &name[short.len()..];
            let rest = match after.strip_prefix('.') {
                Some(rest) => rest.trim_start(),
                None if bare && after.starts_with(' ') => after.trim_start(),
                // "TPLạng Sơn": the abbreviation in capitals, the name's capital after it
                None if bare
                    && head == short.to_ascii_uppercase()
                    && after.chars().next().is_some_and(char::is_uppercase) =>
                {
                    after
                }
                None => continue,
            };
            if !rest.is_empty() {
                return (Some(unit), rest);
            }
        }
        for unit in UnitType::ALL {
            let Some(rest) = after_word(name, unit.vi()) else {
                continue;
            };
            return (Some(unit), rest);
        }
        // without diacritics ("Thanh pho Lang Son"); not "quan", which begins huyện names
        // (the words as `plain` writes them, spelt out: this runs for every district's name)
        for (unit, word) in [
            (UnitType::City, "thanh pho"),
            (UnitType::Town, "thi xa"),
            (UnitType::District, "huyen"),
        ] {
            if let Some(rest) = after_word(name, word) {
                return (Some(unit), rest);
            }
        }
        (None, name)
    }

    /// A type as a scenario or a table writes it: the Vietnamese words (with or without their
    /// accents, `TP` and `TX` too) or the English ones (`city`, `town`, `district`, `urban
    /// district`; `provincial city` and `rural district` too), in any case.
    pub fn parse(written: &str) -> Option<UnitType> {
        let key = plain(written);
        let key = key.trim_end_matches('.');
        Some(match key {
            "thanh pho" | "tp" | "city" | "provincial city" => UnitType::City,
            "thi xa" | "tx" | "town" => UnitType::Town,
            "huyen" | "district" | "rural district" => UnitType::District,
            "quan" | "urban district" => UnitType::UrbanDistrict,
            _ => return None,
        })
    }

    /// The accepted word closest to `written`, for a did-you-mean.
    pub fn closest(written: &str) -> Option<&'static str> {
        let key = plain(written);
        let words = UnitType::ALL
            .iter()
            .flat_map(|u| [(plain(u.vi()), u.vi()), (u.en().to_string(), u.en())]);
        words
            .map(|(plain, word)| (strsim::jaro_winkler(&key, &plain), word))
            .filter(|(score, _)| *score > 0.8)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, word)| word)
    }

    /// Whether a table's heading names the unit-type column: `unit_type`, `unit type`, `loại
    /// đơn vị`, `loại đơn vị hành chính`, `loại hình`, `loại`.
    pub fn is_heading(cell: &str) -> bool {
        let key = plain(cell);
        matches!(
            key.trim_end_matches(':').trim(),
            "unit_type"
                | "unit type"
                | "loai"
                | "loai don vi"
                | "loai don vi hanh chinh"
                | "loai hinh"
        )
    }
}

/// A unit below a district, as a name can begin with its word: a commune (`Xã`), a ward
/// (`Phường`) or a township (`Thị trấn`). Not a [`UnitType`]: a scenario's units are planned as
/// districts, but a unit named "Xã 001" (as `campaign generate` names communes) is addressed
/// by its own word, never as a huyện (trial 13 H12).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommuneLevel {
    Commune,
    Ward,
    Township,
}

impl CommuneLevel {
    /// In the order a letter lists them: `xã, phường, thị trấn`.
    pub const ALL: [CommuneLevel; 3] = [
        CommuneLevel::Commune,
        CommuneLevel::Ward,
        CommuneLevel::Township,
    ];

    /// The Vietnamese word, as letters write it after "UBND": `xã`.
    pub fn vi(self) -> &'static str {
        match self {
            CommuneLevel::Commune => "xã",
            CommuneLevel::Ward => "phường",
            CommuneLevel::Township => "thị trấn",
        }
    }

    /// The English word: `commune`, `ward`, `township`.
    pub fn en(self) -> &'static str {
        match self {
            CommuneLevel::Commune => "commune",
            CommuneLevel::Ward => "ward",
            CommuneLevel::Township => "township",
        }
    }

    /// The word `name` begins with, case aside ("Xã 001", "PHƯỜNG Chi Lăng"), and the name after
    /// it; `None` for any other name (a name that is only the word is none).
    pub fn split_name(name: &str) -> Option<(CommuneLevel, &str)> {
        let name = name.trim();
        CommuneLevel::ALL
            .into_iter()
            .find_map(|level| after_word(name, level.vi()).map(|rest| (level, rest)))
    }
}

/// The rest of `name` after `word` and a space, when `name` begins with `word` (compared
/// letter by letter, case aside: "Thành phố", "THÀNH PHỐ") and something follows.
fn after_word<'a>(name: &'a str, word: &str) -> Option<&'a str> {
    let mut letters = name.char_indices();
    let mut lower = letters.clone().flat_map(|(_, c)| c.to_lowercase());
    if !word.chars().all(|c| lower.next() == Some(c)) {
        return None;
    }
    let Some((at, ' ')) = letters.nth(word.chars().count()) else {
        return None;
    };
    let rest = name[at..].trim_start();
    (!rest.is_empty()).then_some(rest)
}

/// `written` as compared: NFC, lower case, single spaces, without Vietnamese accents (`đ` is
/// `d`).
fn plain(written: &str) -> String {
    let lower = crate::text::fold(written);
    lower
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::UnitType::{self, *};

    #[test]
    fn the_unaccented_words_are_the_plain_spellings() {
        for unit in [City, Town, District] {
            let name = format!("{} Tân An", super::plain(unit.vi()));
            let (found, rest) = UnitType::split_name(&name);
            assert_eq!((found, rest), (Some(unit), "Tân An"));
        }
    }

    #[test]
    fn a_name_says_its_type() {
        for (name, unit, rest) in [
            ("Thành phố Lạng Sơn", Some(City), "Lạng Sơn"),
            ("THÀNH PHỐ Lạng Sơn", Some(City), "Lạng Sơn"),
            ("TP. Lạng Sơn", Some(City), "Lạng Sơn"),
            ("Tp Lạng Sơn", Some(City), "Lạng Sơn"),
            ("TX.Sơn Tây", Some(Town), "Sơn Tây"),
            ("Thị xã Sơn Tây", Some(Town), "Sơn Tây"),
            ("Quận Ba Đình", Some(UrbanDistrict), "Ba Đình"),
            ("Huyện Hữu Lũng", Some(District), "Hữu Lũng"),
            ("Hữu Lũng", None, "Hữu Lũng"),
            // names that only begin like a type are names
            ("Huyệnx", None, "Huyệnx"),
            ("Quận", None, "Quận"),
            ("Tpx", None, "Tpx"),
            ("TP.", None, "TP."),
            ("Quang Uyên", None, "Quang Uyên"),
            // as tables type them (trial 14, letter item 2)
            ("Thanh pho Lang Son", Some(City), "Lang Son"),
            ("Huyen Van Lang", Some(District), "Van Lang"),
            ("Thi xa Son Tay", Some(Town), "Son Tay"),
            ("H. Văn Lãng", Some(District), "Văn Lãng"),
            ("Q. Ba Đình", Some(UrbanDistrict), "Ba Đình"),
            ("TP Lạng Sơn", Some(City), "Lạng Sơn"),
            ("TPLạng Sơn", Some(City), "Lạng Sơn"),
            ("TX. Sơn Tây", Some(Town), "Sơn Tây"),
            // huyện names that begin like a type without its diacritics or its dot
            ("Quan Hóa", None, "Quan Hóa"),
            ("Quan Sơn", None, "Quan Sơn"),
            ("H Văn Lãng", None, "H Văn Lãng"),
            ("Tplạng", None, "Tplạng"),
            ("Hạ Lang", None, "Hạ Lang"),
        ] {
            assert_eq!(UnitType::split_name(name), (unit, rest), "{name}");
        }
        assert_eq!(UnitType::of_name("Hữu Lũng"), District);
        assert_eq!(UnitType::of_name("Thành phố Lạng Sơn"), City);
    }

    #[test]
    fn written_types_in_both_languages() {
        for (written, unit) in [
            ("thành phố", City),
            ("Thành Phố", City),
            ("thanh pho", City),
            ("TP.", City),
            ("city", City),
            ("thị xã", Town),
            ("Town", Town),
            ("huyện", District),
            ("district", District),
            ("rural district", District),
            ("quận", UrbanDistrict),
            ("Urban  District", UrbanDistrict),
        ] {
            assert_eq!(UnitType::parse(written), Some(unit), "{written}");
        }
        assert_eq!(UnitType::parse("tỉnh"), None);
        assert_eq!(UnitType::parse(""), None);
        assert_eq!(UnitType::closest("thành phô"), Some("thành phố"));
        assert_eq!(UnitType::closest("towm"), Some("town"));
        assert_eq!(UnitType::closest("xyz"), None);
    }

    #[test]
    fn a_name_that_says_a_commune_or_a_ward() {
        use super::CommuneLevel::{self, *};
        for (name, found) in [
            ("Xã 001", Some((Commune, "001"))),
            ("Phường 042", Some((Ward, "042"))),
            ("PHƯỜNG Chi Lăng", Some((Ward, "Chi Lăng"))),
            ("Thị trấn Đồng Mỏ", Some((Township, "Đồng Mỏ"))),
            // a town (thị xã) and a name that is only the word are no commune
            ("Thị xã Sơn Tây", None),
            ("Xã", None),
            ("Xãx 1", None),
            ("Hữu Lũng", None),
        ] {
            assert_eq!(CommuneLevel::split_name(name), found, "{name}");
        }
    }

    #[test]
    fn the_communes_below_each_type() {
        assert_eq!(City.communes_vi(), "các phường, xã");
        assert_eq!(Town.communes_vi(), "các phường, xã");
        assert_eq!(District.communes_vi(), "các xã, thị trấn");
        assert_eq!(UrbanDistrict.communes_vi(), "các phường");
    }
}
