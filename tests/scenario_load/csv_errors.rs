//! Mistakes in a coverage CSV: errors name the CSV file, its line, the district and the column.

use super::support::{Case, MINIMAL, assert_has, rendered};

/// MINIMAL with its districts taken from `coverage.csv`, which holds `csv`.
fn csv_error(csv: &str) -> (String, String) {
    let case = Case::new();
    case.write("coverage.csv", csv);
    rendered(case.load(&scenario("coverage.csv")))
}

fn scenario(coverage: &str) -> String {
    let start = MINIMAL.find("[[district]]").unwrap();
    format!("coverage = \"{coverage}\"\n{}", &MINIMAL[..start])
}

const HEADER: &str = "name,installed,smartphones,commune,quarantine\n";

#[test]
fn a_csv_like_minimal_loads() {
    let case = Case::new();
    case.write(
        "coverage.csv",
        &format!("{HEADER}Hữu Lũng,18019,78399,24,15\n"),
    );
    let csv = case
        .load(&scenario("coverage.csv"))
        .unwrap_or_else(|e| panic!("{e}"));
    let inline = case.load(MINIMAL).unwrap();
    assert_eq!(csv.districts, inline.districts);
}

#[test]
fn a_required_column_is_missing() {
    let (en, vi) = csv_error("name,smartphones\nHữu Lũng,78399\n");
    assert_has(
        &en,
        &[
            "coverage.csv:1: the header has no installed column (`Installed` or `installed`)",
            "District,Installed,Smartphones",
        ],
    );
    assert_has(
        &vi,
        &["coverage.csv:1: dòng tiêu đề thiếu cột số đã cài (`Đã cài Bluezone` hoặc `installed`)"],
    );
}

#[test]
fn a_misspelt_column_is_not_taken_for_a_cohort() {
    let (en, _) = csv_error("name,instaled,smartphones\nHữu Lũng,18019,78399\n");
    assert_has(
        &en,
        &[
            "coverage.csv:1:6: unknown column `instaled`",
            "did you mean `installed`?",
        ],
    );
}

#[test]
fn a_cell_that_is_not_a_count_names_line_district_and_column() {
    let (en, vi) = csv_error(&format!(
        "{HEADER}Hữu Lũng,18019,78399,24,15\nCao Lộc,abc,58196,22,120\n"
    ));
    assert_has(
        &en,
        &[
            "coverage.csv:3:9: district \"Cao Lộc\", column `installed`: `abc` is not a whole number",
            "3 | Cao Lộc,abc",
        ],
    );
    assert_has(
        &vi,
        &["huyện \"Cao Lộc\", cột `installed`: `abc` không phải là số nguyên"],
    );
    let (en, _) = csv_error(&format!("{HEADER}Cao Lộc,16752,58196,22,1.5\n"));
    assert_has(
        &en,
        &[
            "coverage.csv:2:",
            "column `quarantine`: `1.5` is not a whole number",
        ],
    );
    // a rate column is checked against the counts (16752/58196 is 28.79%, not 35%)
    let (en, _) = csv_error("name,installed,smartphones,rate\nCao Lộc,16752,58196,35%\n");
    assert_has(
        &en,
        &[
            "coverage.csv:2:",
            "district \"Cao Lộc\", column `rate`: the rate says `35%` but 16,752 / 58,196 is 28.79%",
        ],
    );
    // an unknown column of rates is still a cohort, and says so
    let (en, _) = csv_error("name,installed,smartphones,share\nCao Lộc,16752,58196,28%\n");
    assert_has(
        &en,
        &[
            "column `share`: `28%` is a rate, not a count",
            "if it is a rate column, head it `Rate`",
        ],
    );
    let (en, _) = csv_error(&format!("{HEADER}Cao Lộc,,58196,22,120\n"));
    assert_has(
        &en,
        &["coverage.csv:2:9: district \"Cao Lộc\", column `installed`: the cell is empty"],
    );
}

#[test]
fn installed_above_smartphones_in_a_csv() {
    let (en, vi) = csv_error(&format!("{HEADER}Hữu Lũng,80000,78399,24,15\n"));
    assert_has(
        &en,
        &[
            "coverage.csv:2:10: district \"Hữu Lũng\", field `installed`: installed (80,000) is more than smartphones (78,399)",
        ],
    );
    assert_has(
        &vi,
        &["(80.000) lớn hơn số thuê bao điện thoại thông minh (78.399)"],
    );
}

#[test]
fn negative_counts_and_a_zero_smartphone_count() {
    let (en, _) = csv_error(&format!("{HEADER}Hữu Lũng,18019,78399,-2,15\n"));
    assert_has(
        &en,
        &[
            "coverage.csv:2:22: district \"Hữu Lũng\", field `teams.commune`: this number must not be negative (it is -2)",
        ],
    );
    let (en, _) = csv_error(&format!("{HEADER}Hữu Lũng,0,0,24,15\n"));
    assert_has(
        &en,
        &["coverage.csv:2:12:", "must be more than 0 (it is 0)"],
    );
}

#[test]
fn a_district_listed_twice_in_a_csv() {
    let (en, _) = csv_error(&format!(
        "{HEADER}Hữu Lũng,18019,78399,24,15\n Hữu Lũng ,1,2,3,4\n"
    ));
    assert_has(
        &en,
        &[
            "coverage.csv:3:2:",
            "district \"Hữu Lũng\" appears twice (first at line 2)",
        ],
    );
}

#[test]
fn a_total_row_is_checked_and_skipped() {
    let case = Case::new();
    case.write(
        "coverage.csv",
        &format!("{HEADER}Hữu Lũng,18019,78399,24,15\nTổng cộng,18019,78399,24,15\n"),
    );
    let csv = case
        .load(&scenario("coverage.csv"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(csv.districts, case.load(MINIMAL).unwrap().districts);
    let (en, _) = csv_error(&format!(
        "{HEADER}Hữu Lũng,18019,78399,24,15\nTổng cộng,18020,78399,24,15\n"
    ));
    assert_has(
        &en,
        &[
            "coverage.csv:3: the total row says 18,020 installed / 78,399 smartphones, but the districts add up to 18,019 / 78,399",
        ],
    );
}

/// Below the total, as in `campaign import`: notes are ignored, a district is an error; the
/// total's printed rate is checked like any other.
#[test]
fn below_the_total_row_as_in_import() {
    let rows = format!("{HEADER}Hữu Lũng,18019,78399,24,15\nTổng cộng,18019,78399,,\n");
    let case = Case::new();
    case.write(
        "coverage.csv",
        &format!("{rows}Ghi chú: số liệu đến 17 giờ ngày 01/9,,,,\n"),
    );
    let csv = case
        .load(&scenario("coverage.csv"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(csv.districts, case.load(MINIMAL).unwrap().districts);

    let (en, vi) = csv_error(&format!("{rows}Cao Lộc,16752,58196,22,120\n"));
    assert_has(
        &en,
        &[
            "coverage.csv:4: row 4 (\"Cao Lộc\") comes after the total row",
            "put the total row at the end of the table",
        ],
    );
    assert_has(
        &vi,
        &["coverage.csv:4: dòng 4 (\"Cao Lộc\") nằm dưới dòng tổng"],
    );

    let (en, _) = csv_error(
        "name,installed,smartphones,rate\nCao Lộc,16752,58196,28%\nTổng,16752,58196,38%\n",
    );
    assert_has(
        &en,
        &[
            "coverage.csv:3:18: district \"Tổng\", column `rate`: the rate says `38%` but 16,752 / 58,196 is 28.79%",
        ],
    );
}

#[test]
fn a_line_with_too_few_cells() {
    let (en, _) = csv_error(&format!("{HEADER}Hữu Lũng,18019\n"));
    assert_has(
        &en,
        &["coverage.csv:2: this line has 2 cells but the header has 5 columns"],
    );
}

#[test]
fn an_empty_csv_and_a_header_only_csv() {
    let (en, _) = csv_error("");
    assert_has(&en, &["coverage.csv: the coverage file is empty"]);
    let (en, _) = csv_error(HEADER);
    assert_has(
        &en,
        &["coverage.csv:1: the coverage file has no district rows"],
    );
}

#[test]
fn a_provincial_team_column_is_refused() {
    let (en, _) = csv_error("name,installed,smartphones,volunteer\nHữu Lũng,18019,78399,3\n");
    assert_has(
        &en,
        &[
            "coverage.csv:1:28: column `volunteer`: `volunteer` is a provincial team kind",
            "delete this column",
        ],
    );
}

#[test]
fn a_missing_coverage_file_points_at_the_scenario_line() {
    let case = Case::new();
    let (en, vi) = rendered(case.load(&scenario("nothing.csv")));
    assert_has(
        &en,
        &[
            "scenario.toml:1:12: field `coverage`: the coverage file",
            "nothing.csv was not found",
        ],
    );
    assert_has(&vi, &["tệp số liệu", "không tìm thấy"]);
}

#[test]
fn an_old_spreadsheet_must_be_saved_as_xlsx_or_csv() {
    let case = Case::new();
    let (en, _) = rendered(case.load(&scenario("coverage.xls")));
    assert_has(
        &en,
        &[
            "scenario.toml:1:12: field `coverage`: only .xlsx workbooks and CSV files can be read",
            "CSV UTF-8",
        ],
    );
}

#[test]
fn a_csv_that_is_not_utf8_says_how_to_save_it() {
    let case = Case::new();
    let path = case.dir.path().join("coverage.csv");
    // "Hữu Lũng" in a legacy single-byte encoding: not UTF-8.
    std::fs::write(&path, b"name,installed,smartphones\nH\xf5u L\xfeng,1,2\n").unwrap();
    let (en, _) = rendered(case.load(&scenario("coverage.csv")));
    assert_has(
        &en,
        &["coverage.csv:2:2:", "is not UTF-8 text", "CSV UTF-8"],
    );
}

#[test]
fn a_column_given_twice() {
    let (en, _) = csv_error("name,installed,smartphones,district\nHữu Lũng,18019,78399,x\n");
    assert_has(
        &en,
        &["coverage.csv:1:28: column `district` repeats the district name column"],
    );
    let (en, _) =
        csv_error("name,installed,smartphones,students,Students\nHữu Lũng,18019,78399,1,2\n");
    assert_has(
        &en,
        &[
            "coverage.csv:1:37: `Students` is another cohort `students` column (as `students`, column 4)",
            "delete one of the two",
        ],
    );
}
