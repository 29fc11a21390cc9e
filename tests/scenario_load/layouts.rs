//! Coverage tables laid out as offices send them, read by a scenario's `coverage = "..."`
//! exactly as `campaign import` reads them: title rows, trailing empty columns, a notes
//! column, an `STT` column, a table that starts at B3.

use campaign_planner::import;
use rust_xlsxwriter::Workbook;

use super::support::{Case, MINIMAL, assert_has, rendered};

fn scenario(coverage: &str) -> String {
    let start = MINIMAL.find("[[district]]").unwrap();
    format!("coverage = \"{coverage}\"\n{}", &MINIMAL[..start])
}

/// (name, installed, smartphones, cohorts) of each district the scenario reads from `file`,
/// after checking that `campaign import` reads the same districts.
fn read_both(case: &Case, file: &str) -> Vec<(String, u64, u64, usize)> {
    let scenario = case
        .load(&scenario(file))
        .unwrap_or_else(|e| panic!("{}", e.render(campaign_planner::text::Lang::En)));
    let imported = import::read(&case.dir.path().join(file)).unwrap();
    let read: Vec<(String, u64, u64, usize)> = scenario
        .districts
        .iter()
        .map(|d| (d.name.clone(), d.installed, d.smartphones, d.cohorts.len()))
        .collect();
    let names: Vec<(String, u64, u64)> = imported
        .districts
        .iter()
        .map(|d| (d.name.clone(), d.installed, d.smartphones))
        .collect();
    // a scenario keeps the names as written ("Huyện Hữu Lũng")
    let scenario_names: Vec<(String, u64, u64)> = read
        .iter()
        .map(|(n, i, s, _)| (n.trim_start_matches("Huyện ").to_string(), *i, *s))
        .collect();
    assert_eq!(scenario_names, names);
    read
}

#[test]
fn an_official_table_with_title_rows_trailing_columns_and_notes() {
    let case = Case::new();
    case.write(
        "coverage.csv",
        "\u{feff}UBND TỈNH LẠNG SƠN;;CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM;;\r\n\
         SỞ THÔNG TIN VÀ TRUYỀN THÔNG;;Độc lập - Tự do - Hạnh phúc;;\r\n\
         ;;;;\r\n\
         STT;Huyện;Đã cài Bluezone;Tổng smartphone;Ghi chú;;\r\n\
         1;Huyện Hữu Lũng;18.019;78.399;số liệu tạm tính;;\r\n\
         2;Huyện Cao Lộc;16.752;58.196;;;\r\n\
         ;TỔNG;34.771;136.595;;;\r\n",
    );
    assert_eq!(
        read_both(&case, "coverage.csv"),
        vec![
            ("Huyện Hữu Lũng".to_string(), 18_019, 78_399, 0),
            ("Huyện Cao Lộc".to_string(), 16_752, 58_196, 0),
        ]
    );
}

#[test]
fn a_workbook_table_that_starts_at_b3() {
    let case = Case::new();
    let path = case.dir.path().join("coverage.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write(0, 1, "BÁO CÁO SỐ LIỆU BLUEZONE").unwrap();
    for (col, head) in ["Huyện", "Đã cài Bluezone", "Tổng smartphone"]
        .iter()
        .enumerate()
    {
        sheet.write(2, col as u16 + 1, *head).unwrap();
    }
    sheet.write(3, 1, "Huyện Hữu Lũng").unwrap();
    sheet.write(3, 2, 18_019).unwrap();
    sheet.write(3, 3, 78_399).unwrap();
    book.save(&path).unwrap();
    assert_eq!(
        read_both(&case, "coverage.xlsx"),
        vec![("Huyện Hữu Lũng".to_string(), 18_019, 78_399, 0)]
    );
}

#[test]
fn figures_under_a_column_without_a_heading_are_refused() {
    let case = Case::new();
    case.write(
        "coverage.csv",
        "name,installed,smartphones,\nHữu Lũng,18019,78399,\nCao Lộc,16752,58196,12\n",
    );
    let (en, vi) = rendered(case.load(&scenario("coverage.csv")));
    assert_has(
        &en,
        &[
            "coverage.csv:1:",
            "column 4 of the header has no name but holds figures (row 3)",
            "give the column a name",
        ],
    );
    assert_has(
        &vi,
        &["cột thứ 4 của dòng tiêu đề chưa có tên nhưng có số liệu (dòng 3)"],
    );
}

#[test]
fn a_district_with_and_without_huyen_is_one_district_named_twice() {
    let case = Case::new();
    case.write(
        "coverage.csv",
        "Huyện;Đã cài;Tổng smartphone\nHuyện Hữu Lũng;18019;78399\nHuyện Cao Lộc;16752;58196\nHữu Lũng;1;2\n",
    );
    let (en, vi) = rendered(case.load(&scenario("coverage.csv")));
    assert_has(
        &en,
        &[
            "coverage.csv:4:1:",
            "\"Hữu Lũng\" appears twice (first at line 2, written \"Huyện Hữu Lũng\")",
        ],
    );
    assert_has(
        &vi,
        &["\"Hữu Lũng\" bị ghi hai lần (lần đầu ở dòng 2, viết là \"Huyện Hữu Lũng\")"],
    );
}

#[test]
fn an_stt_column_is_not_a_cohort() {
    let case = Case::new();
    case.write(
        "coverage.csv",
        "STT;Huyện;Đã cài;Tổng smartphone;students\n1;Hữu Lũng;18019;78399;40\n",
    );
    let scenario = case.load(&scenario("coverage.csv")).unwrap();
    let cohorts: Vec<&String> = scenario.districts[0].cohorts.keys().collect();
    assert_eq!(cohorts, ["students"]);
}

#[test]
fn windows_line_endings_point_at_the_right_line() {
    let case = Case::new();
    case.write(
        "coverage.csv",
        "name,installed,smartphones\r\nHữu Lũng,18019,78399\r\nCao Lộc,abc,58196\r\n",
    );
    let (en, vi) = rendered(case.load(&scenario("coverage.csv")));
    assert_has(
        &en,
        &[
            "coverage.csv:3:9: district \"Cao Lộc\"",
            " 3 | Cao Lộc,abc,58196\n",
        ],
    );
    assert_has(&vi, &["coverage.csv:3:9: huyện \"Cao Lộc\""]);
}

/// Trial 13f J13: "Học sinh", "Cách ly", "Xét nghiệm" are the cohorts `campaign import` reads
/// them as (`students`, `quarantine`, `testing`), not groups of their own that no rule reads.
#[test]
fn vietnamese_cohort_headings_are_the_cohorts_import_reads() {
    let case = Case::new();
    case.write(
        "coverage.csv",
        "Huyện;Đã cài Bluezone;Tổng smartphone;Cách ly;Xét nghiệm;Học sinh\n\
         Huyện Hữu Lũng;18019;78399;15;600;5500\n",
    );
    let scenario = case
        .load(&scenario("coverage.csv"))
        .unwrap_or_else(|e| panic!("{}", e.render(campaign_planner::text::Lang::En)));
    let cohorts: Vec<(String, u64)> = scenario.districts[0]
        .cohorts
        .iter()
        .map(|(k, v)| (k.clone(), *v))
        .collect();
    assert_eq!(
        cohorts,
        [
            ("quarantine".to_string(), 15),
            ("students".to_string(), 5500),
            ("testing".to_string(), 600)
        ]
    );
    let imported =
        import::read_with(&case.dir.path().join("coverage.csv"), &Default::default()).unwrap();
    let fields: Vec<&str> = imported
        .extra_columns
        .iter()
        .map(|(e, _)| e.field())
        .collect();
    assert_eq!(fields, ["quarantine", "testing", "students"]);
}
