//! Finding a district by the name a person wrote: one index, used wherever a name is looked
//! up (a rule's `scenario.district_named`, `rules check`, `explain --district`, an overlay's
//! `[[district]]` and `--set district.NAME.FIELD`, the rows of a `[[history]]` snapshot).
//!
//! Names are compared as a person reads them ([`crate::text::fold`]: case, Unicode form,
//! spaces, look-alike letters such as the eth of old encodings for `Đ`). Accents count: "Binh
//! Gia" is not "Bình Gia" (two districts may differ by their accents only). A name is found
//! whole first; else, when it is written with its unit word ("Huyện Kỳ Anh", "TP Lạng Sơn"), as
//! the one unit of that type and name; else as the one unit of that name without the unit word
//! ("Lạng Sơn" for "Thành phố Lạng Sơn"). A name that two or more units share once the unit
//! word is set aside is [`Found::Several`]: the person must write the full name.

use std::collections::HashMap;

use super::UnitType;

/// What a written name finds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// The district at this index.
    One(usize),
    /// Two or more districts share the name as written (without its unit word, or with a
    /// unit word two units of one type and name share): their indexes, in the order given.
    Several(Vec<usize>),
    /// No district of that name.
    None,
}

impl Found {
    /// The one district found, if one was.
    pub fn one(&self) -> Option<usize> {
        match self {
            Found::One(i) => Some(*i),
            _ => None,
        }
    }
}

/// Every district's name as compared with one a person wrote, and the maps that find a name
/// without a scan of the districts. Made once from the districts' names and unit types.
#[derive(Debug, Clone)]
pub struct DistrictNames {
    /// Each district's unit type, in the order given.
    units: Vec<UnitType>,
    /// Each district's keys, in the order given.
    keys: Vec<NameKeys>,
    /// Each district's name in characters (the work of comparing a text with it).
    chars: Vec<u64>,
    /// All the names' characters together.
    total_chars: u64,
    /// The first district of each whole name.
    whole: HashMap<String, usize>,
    /// The districts of each unit type and name without the unit word ("huyện" + "kỳ anh").
    typed: HashMap<(UnitType, String), Vec<usize>>,
    /// The districts of each name without the unit word.
    bare: HashMap<String, Vec<usize>>,
}

impl DistrictNames {
    /// The index of districts named `names` (each with its unit type), in the order given.
    pub fn of<'a>(names: impl IntoIterator<Item = (&'a str, UnitType)>) -> DistrictNames {
        let names = names.into_iter();
        let mut index = DistrictNames {
            units: Vec::with_capacity(names.size_hint().0),
            keys: Vec::with_capacity(names.size_hint().0),
            chars: Vec::with_capacity(names.size_hint().0),
            total_chars: 0,
            whole: HashMap::new(),
            typed: HashMap::new(),
            bare: HashMap::new(),
        };
        for (i, (name, unit)) in names.enumerate() {
            let k = NameKeys::of(name);
            let chars = k.whole.chars().count() as u64;
            index.total_chars = index.total_chars.saturating_add(chars);
            index.chars.push(chars);
            index.whole.entry(k.whole.clone()).or_insert(i);
            index
                .typed
                .entry((unit, k.bare.clone()))
                .or_default()
                .push(i);
            index.bare.entry(k.bare.clone()).or_default().push(i);
            index.units.push(unit);
            index.keys.push(k);
        }
        index
    }

    /// How many districts the index holds.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// All the names' characters together (the work of comparing a text with every name).
    pub fn total_chars(&self) -> u64 {
        self.total_chars
    }

    /// The district `written` means: its name whole; else, when `written` has a unit word
    /// ("Huyện Kỳ Anh"), the one district of that type and name; else the one district of
    /// that name without the unit word. Two or more at the step that finds any: [`Found::Several`].
    pub fn find(&self, written: &str) -> Found {
        let wanted = NameKeys::of(written);
        if let Some(&i) = self.whole.get(&wanted.whole) {
            return Found::One(i);
        }
        if let Some(unit) = wanted.unit {
            match self
                .typed
                .get(&(unit, wanted.bare.clone()))
                .map(Vec::as_slice)
            {
                Some([i]) => return Found::One(*i),
                // two units of that type and name: the text does not tell which
                Some(list) if !list.is_empty() => return Found::Several(list.to_vec()),
                _ => {}
            }
        }
        match self.bare.get(&wanted.bare).map(Vec::as_slice) {
            Some([i]) => Found::One(*i),
            Some(list) if !list.is_empty() => Found::Several(list.to_vec()),
            _ => Found::None,
        }
    }

    /// The indexes of the `n` districts most like `written`, most alike first (ties: the
    /// district of the unit type `written` names first, then the order given). `pause` is
    /// asked now and then on a long list of long names, and stops the comparison with its
    /// error.
    pub fn closest<E>(
        &self,
        written: &str,
        n: usize,
        mut pause: impl FnMut() -> Result<(), E>,
    ) -> Result<Vec<usize>, E> {
        let wanted = NameKeys::of(written);
        let length = written.chars().count() as u64;
        let mut scored: Vec<(f64, bool, usize)> = Vec::with_capacity(self.keys.len());
        let mut work = 0u64;
        for (i, k) in self.keys.iter().enumerate() {
            let chars = self.chars.get(i).copied().unwrap_or(0);
            work = work.saturating_add(chars.saturating_mul(length));
            if work > 1_000_000 {
                work = 0;
                pause()?;
            }
            let score = strsim::jaro_winkler(&wanted.whole, &k.whole)
                .max(strsim::jaro_winkler(&wanted.bare, &k.bare));
            let other_type = wanted
                .unit
                .is_some_and(|u| self.units.get(i).is_some_and(|&own| own != u));
            scored.push((score, other_type, i));
        }
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        Ok(scored.iter().take(n).map(|&(_, _, i)| i).collect())
    }
}

/// A district's name as compared with one a person wrote: whole, and without the unit word in
/// front ("Huyện", "Thành phố", "TP."), each [`crate::text::fold`]ed. The unit word, when there
/// is one, tells apart two units of one name ("Thị xã Kỳ Anh" and "Huyện Kỳ Anh").
#[derive(Debug, Clone)]
struct NameKeys {
    whole: String,
    bare: String,
    unit: Option<UnitType>,
}

impl NameKeys {
    fn of(name: &str) -> NameKeys {
        let normal = crate::text::normalise(name);
        let (unit, bare) = UnitType::split_name(&normal);
        NameKeys {
            whole: crate::text::fold(&normal),
            bare: crate::text::fold(bare),
            unit,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{DistrictNames, Found};
    use crate::model::UnitType::{self, *};

    fn index(names: &[(&'static str, UnitType)]) -> DistrictNames {
        DistrictNames::of(names.iter().copied())
    }

    #[test]
    fn the_whole_name_first_then_the_name_without_its_unit_word() {
        let names = index(&[
            ("Thành phố Lạng Sơn", City),
            ("Hữu Lũng", District),
            ("Huyện Cao Lộc", District),
        ]);
        assert_eq!(names.find("Thành phố Lạng Sơn"), Found::One(0));
        assert_eq!(names.find("Lạng Sơn"), Found::One(0));
        assert_eq!(names.find("TP. LẠNG  SƠN"), Found::One(0));
        assert_eq!(names.find("Huyện Hữu Lũng"), Found::One(1));
        assert_eq!(names.find("H. Hữu Lũng"), Found::One(1));
        assert_eq!(names.find("Cao Lộc"), Found::One(2));
        // accents count: two districts may differ by them only
        assert_eq!(names.find("Lang Son"), Found::None);
        assert_eq!(names.find("Đình Lập"), Found::None);
        assert_eq!(names.len(), 3);
    }

    #[test]
    fn look_alike_letters_spaces_and_case_are_read_as_a_person_reads_them() {
        let names = index(&[("Đình Lập", District), ("Hữu Lũng", District)]);
        // the eth of old encodings for Đ; a no-break space; capitals; decomposed accents
        assert_eq!(names.find("Ðình Lập"), Found::One(0));
        assert_eq!(names.find("Hữu\u{a0}Lũng"), Found::One(1));
        assert_eq!(names.find("HỮU LŨNG"), Found::One(1));
        assert_eq!(names.find("  hữu   lũng "), Found::One(1));
        let decomposed: String = {
            use unicode_normalization::UnicodeNormalization;
            "Hữu Lũng".nfd().collect()
        };
        assert_eq!(names.find(&decomposed), Found::One(1));
    }

    #[test]
    fn a_name_two_units_share_finds_both_and_the_unit_word_tells_them_apart() {
        let names = index(&[
            ("Thành phố Lạng Sơn", City),
            ("Thị xã Kỳ Anh", Town),
            ("Huyện Kỳ Anh", District),
            ("Huyện Lạng Sơn", District),
        ]);
        assert_eq!(names.find("Kỳ Anh"), Found::Several(vec![1, 2]));
        assert_eq!(names.find("Lạng Sơn"), Found::Several(vec![0, 3]));
        assert_eq!(names.find("TX Kỳ Anh"), Found::One(1));
        assert_eq!(names.find("huyện kỳ anh"), Found::One(2));
        assert_eq!(names.find("TP Lạng Sơn"), Found::One(0));
        // the whole name written finds its district, whatever shares its bare name
        assert_eq!(names.find("Huyện Lạng Sơn"), Found::One(3));
        assert_eq!(names.find("Kỳ Anh").one(), None);
    }

    #[test]
    fn a_bare_name_that_is_also_a_whole_name_is_that_district() {
        // a huyện written without its unit word and a city of the same name
        let names = index(&[("Thành phố Lạng Sơn", City), ("Lạng Sơn", District)]);
        assert_eq!(names.find("Lạng Sơn"), Found::One(1));
        assert_eq!(names.find("Thành phố Lạng Sơn"), Found::One(0));
        assert_eq!(names.find("Huyện Lạng Sơn"), Found::One(1));
    }

    #[test]
    fn the_closest_names_first() {
        let names = index(&[
            ("Cao Lộc", District),
            ("Chi Lăng", District),
            ("Lộc Bình", District),
        ]);
        let closest = names.closest("Cao Loc", 2, || Ok::<(), ()>(()));
        assert_eq!(closest, Ok(vec![0, 1]));
    }
}
