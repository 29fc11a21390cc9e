//! The columns beyond the counts that a scenario has a place for: a district's commune teams
//! ("Số xã", "Tổ xã", the tool's own plan's "Tổ xã" / "Commune teams") and its cohorts
//! (quarantined, tested, students). Read into the skeleton as FACTS when a table has them.

use super::table;

/// A column the skeleton writes into each district.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Extra {
    /// The commune teams (`teams = { commune = N }`): one per commune.
    Communes,
    Quarantine,
    Testing,
    Students,
}

impl Extra {
    /// The scenario's field: `commune` (in `teams`), `quarantine`, `testing`, `students`.
    pub fn field(self) -> &'static str {
        match self {
            Extra::Communes => "commune",
            Extra::Quarantine => "quarantine",
            Extra::Testing => "testing",
            Extra::Students => "students",
        }
    }

    /// What the report says the column is read as.
    pub fn vi(self) -> &'static str {
        match self {
            Extra::Communes => "số tổ xã (teams = { commune = ... })",
            Extra::Quarantine => "số người cách ly (quarantine)",
            Extra::Testing => "số người xét nghiệm (testing)",
            Extra::Students => "số học sinh, sinh viên (students)",
        }
    }

    /// [`Extra::vi`] in English.
    pub fn en(self) -> &'static str {
        match self {
            Extra::Communes => "commune teams (teams = { commune = ... })",
            Extra::Quarantine => "the quarantined (quarantine)",
            Extra::Testing => "the tested (testing)",
            Extra::Students => "pupils and students (students)",
        }
    }

    /// The column a heading names, if any: "Số xã", "Tổ xã", "Số tổ xã", "Commune teams";
    /// "Số người cách ly", "Quarantine"; "Xét nghiệm", "Testing"; "Học sinh", "Students". A
    /// heading about installs or a rate ("Học sinh đã cài", "Tỷ lệ cách ly") is none of these.
    pub fn of_heading(heading: &str) -> Option<Extra> {
        let key = table::key(heading);
        let words: Vec<&str> = key.split_whitespace().collect();
        let has = |w: &str| key.contains(w);
        if has("cai") || has("ty le") || has("%") || has("rate") || has("install") {
            return None;
        }
        if matches!(
            key.as_str(),
            "so xa"
                | "to xa"
                | "so to xa"
                | "xa"
                | "commune"
                | "communes"
                | "commune teams"
                | "commune teams stationed"
        ) || (words.contains(&"to") && words.contains(&"xa") && words.len() <= 5)
            || is_communes_list(&words)
        {
            return Some(Extra::Communes);
        }
        if has("cach ly") || words.iter().any(|w| w.starts_with("quarantin")) {
            return Some(Extra::Quarantine);
        }
        if has("xet nghiem") || words.iter().any(|w| *w == "testing" || *w == "tested") {
            return Some(Extra::Testing);
        }
        if has("hoc sinh") || has("sinh vien") || words.contains(&"students") {
            return Some(Extra::Students);
        }
        None
    }

    /// Whether a heading of the commune teams says they are the teams the district has
    /// ("Tổ xã hiện có", "Commune teams stationed", as the tool's own plan heads them), not
    /// how many a plan allocates.
    pub fn says_stationed(heading: &str) -> bool {
        let key = table::key(heading);
        let words: Vec<&str> = key.split_whitespace().collect();
        table::has_words(&words, "hien co")
            || table::has_words(&words, "san co")
            || words.contains(&"stationed")
    }
}

/// Whether a table is the tool's own plan (`campaign plan --format csv|xlsx`): it has the
/// plan's column of the installs its teams bring ("Cài thêm nhờ các đội" / "Installs from
/// teams"), which no office's report has. Its "Tổ xã" / "Commune teams" column is then the
/// plan's allocation, not the teams a district has (trial 13d G20).
pub fn is_plan_table(headings: &[String]) -> bool {
    let outreach = crate::report::words::OUTREACH;
    let keys = [table::key(outreach.0), table::key(outreach.1)];
    headings.iter().any(|h| keys.contains(&table::key(h)))
}

/// Whether the table at `path` (a `.csv` file or an `.xlsx` workbook) is a plan the tool wrote,
/// read as `campaign import` reads it: a header row among its first rows with the plan's
/// heading ([`is_plan_table`]). A file that is not a table, or a table of figures, is not.
pub(crate) fn is_plan_file(path: &std::path::Path) -> bool {
    let Ok(grid) = super::file::read_sheet(path, None) else {
        return false;
    };
    super::header::top(&grid.rows).any(|(_, row)| is_plan_table(&row.cells))
}

/// Whether a heading lists the communes by their kinds, as a province with a city writes it:
/// "Số xã, phường", "Số xã, phường, thị trấn", "Xã, phường, thị trấn", "Số tổ phường, xã"
/// (user14 U1): only "số", "tổ", "xã", "phường", "thị trấn", with "xã" or "phường".
fn is_communes_list(words: &[&str]) -> bool {
    let allowed = ["so", "to", "xa", "phuong", "thi", "tran"];
    words.len() <= 6
        && (words.contains(&"xa") || words.contains(&"phuong"))
        && words.iter().all(|w| allowed.contains(w))
        && words.iter().any(|w| *w != "xa" && *w != "so")
}

/// The `--column` keys of these columns, with the column each names.
pub(crate) const KEYS: [(&str, Extra); 4] = [
    ("commune", Extra::Communes),
    ("quarantine", Extra::Quarantine),
    ("testing", Extra::Testing),
    ("students", Extra::Students),
];

#[cfg(test)]
mod tests {
    use super::Extra;

    #[test]
    fn headings_offices_and_the_plan_write() {
        let of = Extra::of_heading;
        assert_eq!(of("Số xã"), Some(Extra::Communes));
        assert_eq!(of("Tổ xã"), Some(Extra::Communes));
        assert_eq!(of("Commune\nteams"), Some(Extra::Communes));
        assert_eq!(of("Số tổ công tác xã"), Some(Extra::Communes));
        assert_eq!(of("Số người cách ly"), Some(Extra::Quarantine));
        assert_eq!(of("Xét nghiệm"), Some(Extra::Testing));
        assert_eq!(of("Học sinh, sinh viên"), Some(Extra::Students));
        assert_eq!(of("Học sinh đã cài"), None);
        assert_eq!(of("Số cán bộ"), None);
        assert_eq!(of("Đội tình nguyện"), None);
        assert_eq!(of("Tỷ lệ cách ly"), None);
        assert_eq!(of("Tổ xã hiện có"), Some(Extra::Communes));
        assert_eq!(of("Commune teams stationed"), Some(Extra::Communes));
        assert!(Extra::says_stationed("Tổ xã hiện có"));
        assert!(Extra::says_stationed("Commune teams stationed"));
        assert!(!Extra::says_stationed("Commune teams"));
        assert!(!Extra::says_stationed("Tổ xã"));
        // user14 U1: the communes listed by their kinds, as a province with a city heads them
        assert_eq!(of("Số xã, phường"), Some(Extra::Communes));
        assert_eq!(of("Số xã, phường, thị trấn"), Some(Extra::Communes));
        assert_eq!(of("Xã, phường, thị trấn"), Some(Extra::Communes));
        assert_eq!(of("Số tổ phường, xã"), Some(Extra::Communes));
        assert_eq!(of("Số thị trấn"), None);
    }
}
