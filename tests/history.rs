//! Coverage history (`[[history]]`, docs/scenario-format.md § "Coverage history"): the pace
//! per district and whether it is on track, recomputed by hand; the JSON fields; the errors.

use std::path::{Path, PathBuf};

use campaign_planner::scenario::load;
use campaign_planner::text::Lang;
use campaign_planner::{plan, plan_scenario};

use crate::common::printed::{self, Layout};
use crate::layout;

use layout::run;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn example() -> PathBuf {
    Path::new(ROOT).join("scenarios/history-2020-09-01.toml")
}

fn district<'a>(
    plan: &'a campaign_planner::plan::Plan,
    name: &str,
) -> &'a campaign_planner::plan::DistrictPlan {
    plan.districts.iter().find(|d| d.name == name).unwrap()
}

#[test]
fn pace_and_on_track_by_hand() {
    let plan = plan(&example()).unwrap();
    // Đình Lập: 4,951 on 2020-08-18, 5,811 on 2020-08-25, 6,651 on 2020-09-01 (as_of).
    // Least squares over x = -14, -7, 0: the slope is 7·(6651 − 4951) / 98 = 1700 / 14.
    let dinh_lap = district(&plan, "Đình Lập");
    let pace = dinh_lap.pace_per_day.unwrap();
    assert!((pace - 1700.0 / 14.0).abs() < 1e-9, "{pace}");
    // 6,651 + 121.43 · 14 = 8,351, 8,351 / 20,175 = 41.4% ≥ 40%.
    assert_eq!(dinh_lap.on_track, Some(true));
    // Bắc Sơn: 8,952 → 9,812 over 14 days: 61.43 a day; 9,812 + 860 = 10,672 of 36,584 = 29.2%.
    let bac_son = district(&plan, "Bắc Sơn");
    let pace = bac_son.pace_per_day.unwrap();
    assert!((pace - 860.0 / 14.0).abs() < 1e-9, "{pace}");
    assert_eq!(bac_son.on_track, Some(false));
}

#[test]
fn json_has_the_fields_only_with_history() {
    let with = plan(&example()).unwrap();
    let json: serde_json::Value =
        serde_json::from_str(&campaign_planner::report::json::render(&with, Lang::En)).unwrap();
    let d = json["districts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["name"] == "Đình Lập")
        .unwrap();
    assert!((d["pace_per_day"].as_f64().unwrap() - 1700.0 / 14.0).abs() < 1e-6);
    assert_eq!(d["on_track"], serde_json::json!(true));

    let without = plan(&Path::new(ROOT).join("scenarios/lang-son-2020-09-01.toml")).unwrap();
    assert!(without.districts.iter().all(|d| d.pace_per_day.is_none()));
    let text = campaign_planner::report::json::render(&without, Lang::En);
    assert!(!text.contains("pace_per_day"));
    assert!(!text.contains("on_track"));
}

#[test]
fn reports_show_pace_only_with_history() {
    let with = plan(&example()).unwrap();
    let md = campaign_planner::report::markdown::render(&with, Lang::Vi);
    assert!(md.contains("Tốc độ (lượt/ngày)"));
    assert!(md.contains("không cần thêm đội: Thành phố Lạng Sơn, Đình Lập"));
    let without = plan(&Path::new(ROOT).join("scenarios/lang-son-2020-09-01.toml")).unwrap();
    let md = campaign_planner::report::markdown::render(&without, Lang::En);
    assert!(!md.contains("Pace (installs/day)"));
    assert!(!md.contains("On track"));
}

/// An overlay of the shipped scenario with `history` entries, and the snapshot files.
fn overlay(history: &str, files: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let base = Path::new(ROOT).join("scenarios/lang-son-2020-09-01.toml");
    let text = format!(
        "base = {:?}\nname = \"history test\"\n{history}",
        base.display().to_string()
    );
    let path = dir.path().join("s.toml");
    std::fs::write(&path, text).unwrap();
    for (name, body) in files {
        std::fs::write(dir.path().join(name), body).unwrap();
    }
    (dir, path)
}

/// The shipped districts with their installs lowered by `minus` (Đình Lập by `dinh_lap`).
fn snapshot(minus: i64, dinh_lap: i64) -> String {
    let text =
        std::fs::read_to_string(Path::new(ROOT).join("scenarios/coverage-2020-08-25.csv")).unwrap();
    let mut out = String::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let cells: Vec<&str> = line.split(',').collect();
        match cells[1].parse::<i64>() {
            Ok(n) => {
                let m = if cells[0] == "Đình Lập" {
                    dinh_lap
                } else {
                    minus
                };
                out.push_str(&format!("{},{},{}\n", cells[0], n - m, cells[2]));
            }
            Err(_) => out.push_str(&format!("{line}\n")),
        }
    }
    out
}

fn error_of(history: &str, files: &[(&str, &str)]) -> String {
    let (_dir, path) = overlay(history, files);
    let err = load(&path).unwrap_err();
    err.render(Lang::En)
}

#[test]
fn one_snapshot_gives_the_difference_per_day() {
    let snap = snapshot(0, 0);
    let (_dir, path) = overlay(
        "[[history]]\ndate = 2020-08-25\nfile = \"a.csv\"\n",
        &[("a.csv", &snap)],
    );
    let scenario = load(&path).unwrap();
    let plan = plan_scenario(&scenario).unwrap();
    // Đình Lập: 5,811 on 2020-08-25, 6,651 on 2020-09-01: 840 / 7 = 120 a day.
    let d = district(&plan, "Đình Lập");
    assert!((d.pace_per_day.unwrap() - 120.0).abs() < 1e-9);
}

#[test]
fn a_snapshot_after_as_of_is_refused() {
    let snap = snapshot(0, 0);
    let text = error_of(
        "[[history]]\ndate = 2020-09-02\nfile = \"a.csv\"\n",
        &[("a.csv", &snap)],
    );
    assert!(
        text.contains("not before the current figures' as_of = 2020-09-01"),
        "{text}"
    );
    assert!(text.contains("a.csv"), "{text}");
}

#[test]
fn duplicate_dates_are_refused() {
    let snap = snapshot(0, 0);
    let text = error_of(
        "[[history]]\ndate = 2020-08-25\nfile = \"a.csv\"\n[[history]]\ndate = 2020-08-25\nfile = \"b.csv\"\n",
        &[("a.csv", &snap), ("b.csv", &snap)],
    );
    assert!(text.contains("the date 2020-08-25 appears twice"), "{text}");
    assert!(text.contains("b.csv"), "{text}");
}

#[test]
fn a_missing_district_is_refused() {
    let snap: String = snapshot(0, 0)
        .lines()
        .filter(|l| !l.starts_with("Bình Gia"))
        .map(|l| format!("{l}\n"))
        .collect();
    let text = error_of(
        "[[history]]\ndate = 2020-08-25\nfile = \"a.csv\"\n",
        &[("a.csv", &snap)],
    );
    assert!(
        text.contains("the snapshot of 2020-08-25 has no row for Bình Gia"),
        "{text}"
    );
    assert!(text.contains("a.csv"), "{text}");
}

#[test]
fn an_unknown_district_is_refused() {
    let snap = format!("{}Lạng Giang,100,1000\n", snapshot(0, 0));
    let text = error_of(
        "[[history]]\ndate = 2020-08-25\nfile = \"a.csv\"\n",
        &[("a.csv", &snap)],
    );
    assert!(text.contains("unknown district `Lạng Giang`"), "{text}");
    assert!(text.contains("a.csv"), "{text}");
}

#[test]
fn falling_installs_are_refused() {
    // Đình Lập had 100 more on 2020-08-25 than on 2020-09-01
    let snap = snapshot(0, 5811 - 6751); // Đình Lập: 6,751 on 2020-08-25, 6,651 now
    let text = error_of(
        "[[history]]\ndate = 2020-08-25\nfile = \"a.csv\"\n",
        &[("a.csv", &snap)],
    );
    assert!(
        text.contains(
            "a.csv: district \"Đình Lập\", field `history`: installs fall from 6,751 \
             (2020-08-25, a.csv line 12) to 6,651 (2020-09-01, the current figure, written at "
        ),
        "{text}"
    );
    // the base of the file with [[history]] writes it, with its line (trial 13e H22)
    assert!(text.contains("lang-son-2020-09-01.toml:146)"), "{text}");
    assert!(text.contains("correct the wrong figure"), "{text}");
}

/// A current figure changed with `--set` that falls below a snapshot: the error is at the
/// `--set` as typed (trial 13e H22), the message names the snapshot's file and line and says
/// the later figure is the one given there, in Vietnamese by default.
#[test]
fn a_set_figure_below_a_snapshot_names_both_figures() {
    let scenario = example();
    let (code, _, err) = run(&[
        "plan",
        scenario.to_str().unwrap(),
        "--set",
        "district.Hữu Lũng.installed=100",
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(
            "lỗi: --set district.Hữu Lũng.installed=100: huyện \"Hữu Lũng\", mục `installed`: số \
             đã cài giảm từ 16.549 (ngày 2020-08-25, tệp coverage-2020-08-25.csv dòng 4) xuống \
             100 (ngày 2020-09-01, số ghi ở đây)"
        ),
        "{err}"
    );
    assert!(
        err.contains("ghi ở đây một số không nhỏ hơn 16.549"),
        "{err}"
    );
}

/// The CSV and the workbook carry the pace column too, one value per district, the total the
/// sum of the paces.
#[test]
fn csv_and_xlsx_carry_the_pace() {
    let path = example();
    let path = path.to_str().unwrap();
    let (code, csv, err) = run(&["plan", path, "--format", "csv", "--lang", "en"]);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines.len(),
        1 + 11 + 1,
        "header, 11 districts, total:\n{csv}"
    );
    let fields = |l: &str| l.split(',').count();
    // the header's first cell is quoted and holds a comma in Vietnamese only
    assert!(lines.iter().all(|l| fields(l) == fields(lines[1])), "{csv}");
    assert!(lines[0].contains("Pace (installs/day)"), "{}", lines[0]);
    let plan = plan(Path::new(path)).unwrap();
    assert!(
        lines[0].ends_with(
            ",Pace (installs/day),On track at the current pace,Directives,Unit type,Data as of"
        ),
        "{}",
        lines[0]
    );
    // the cells before the unit type and the date: pace, on track, directives
    let cell = |line: &str, from_end: usize| -> String {
        let cells: Vec<&str> = line.split(',').collect();
        cells[cells.len() - 2 - from_end].to_string()
    };
    let pace = |line: &str| -> f64 { cell(line, 3).parse().unwrap() };
    for (line, d) in lines[1..12].iter().zip(&plan.districts) {
        assert!(line.starts_with(&d.name), "{line}");
        assert!(
            (pace(line) - d.pace_per_day.unwrap()).abs() <= 0.05,
            "{line}"
        );
        let on_track = if d.on_track.unwrap() { "yes" } else { "no" };
        assert_eq!(cell(line, 2), on_track, "{line}");
    }
    // the total is the sum of the rows as printed (issue 13 item 10: it printed 1130.7 under
    // rows adding up to 1130.4)
    let printed: f64 = lines[1..12].iter().map(|l| pace(l)).sum();
    assert!((pace(lines[12]) - printed).abs() < 1e-9, "{}", lines[12]);
    assert_eq!(cell(lines[12], 3), "1130.4", "{}", lines[12]);
    // the total row counts the districts on track: Thành phố Lạng Sơn and Đình Lập
    assert_eq!(cell(lines[12], 2), "2/11", "{}", lines[12]);

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.xlsx");
    let (code, _, err) = run(&[
        "plan",
        path,
        "--format",
        "xlsx",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    // the workbook holds the pace as printed (one decimal) and the on-track answer beside it
    use calamine::{Data, Reader};
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&out).unwrap();
    let sheet = book.worksheet_range("Huyện").unwrap();
    let header: Vec<String> = sheet
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let at = header
        .iter()
        .position(|h| h == "Tốc độ (lượt/ngày)")
        .unwrap();
    assert_eq!(header[at + 1], "Đạt mục tiêu theo tốc độ hiện tại");
    let dinh_lap = sheet
        .rows()
        .find(|r| r[0] == Data::String("Đình Lập".into()))
        .unwrap();
    let Data::Float(pace) = dinh_lap[at] else {
        panic!("the pace is not a number: {:?}", dinh_lap[at])
    };
    assert_eq!(pace, 121.4, "1700 / 14 = 121.43 shown as 121,4");
    // and the Province sheet names the districts on track, as the other reports do
    let province = book.worksheet_range("Tỉnh").unwrap();
    assert!(
        province.rows().any(|r| r[0]
            == Data::String(
                "Đạt tỷ lệ 40% cuối đợt theo tốc độ cài hiện tại, không cần thêm đội: \
                 Thành phố Lạng Sơn, Đình Lập"
                    .into()
            )),
        "no on-track line in the Province sheet"
    );
    // and the Province sheet names the districts on track, as the other reports do
    let province = book.worksheet_range("Tỉnh").unwrap();
    assert!(
        province.rows().any(|r| r[0]
            == Data::String(
                "Đạt tỷ lệ 40% cuối đợt theo tốc độ cài hiện tại, không cần thêm đội: \
                 Thành phố Lạng Sơn, Đình Lập"
                    .into()
            )),
        "no on-track line in the Province sheet"
    );
    assert_eq!(dinh_lap[at + 1], Data::String("có".into()));
}

#[test]
fn each_district_says_its_pace_and_where_it_leads_without_extra_teams() {
    let plan = plan(&example()).unwrap();
    // Đình Lập: 6,651 + 1,700 = 8,351 of 20,175 = 41.39% ≥ 40%; Bắc Sơn: 9,812 + 860 = 10,672
    // of 36,584 = 29.17% < 40%.
    let dinh_lap = "Tốc độ cài hiện nay: 121,4 lượt/ngày. Giữ tốc độ này, không thêm đội, \
                    cuối đợt đạt 41,39%: đạt mục tiêu 40% (dự kiến ở trên chỉ tính \
                    các đội, chưa tính tốc độ này).";
    let bac_son = "Tốc độ cài hiện nay: 61,4 lượt/ngày. Giữ tốc độ này mà không thêm đội, \
                   cuối đợt chỉ đạt 29,17%: chưa đạt mục tiêu 40% (dự kiến ở trên \
                   chỉ tính các đội, chưa tính tốc độ này).";
    let bac_son_en = "Current install pace: 61.4 installs a day. At this pace, without extra \
                      teams, the district reaches only 29.17% by the end: not on track for the \
                      40% target (the projection above counts the teams only, not this \
                      pace).";
    let terminal = campaign_planner::report::terminal::render(&plan, Lang::Vi);
    let markdown = campaign_planner::report::markdown::render(&plan, Lang::Vi);
    let html = campaign_planner::report::html::render(&plan, Lang::Vi);
    let english = campaign_planner::report::terminal::render(&plan, Lang::En);
    for (format, text) in [
        ("terminal", &terminal),
        ("markdown", &markdown),
        ("html", &html),
    ] {
        assert!(text.contains(dinh_lap), "{format}:\n{text}");
        assert!(text.contains(bac_son), "{format}:\n{text}");
        // one line per district, each under its own heading
        assert_eq!(
            text.matches("Tốc độ cài hiện nay: ").count(),
            11,
            "{format}"
        );
        assert_eq!(text.matches(": đạt mục tiêu 40% (").count(), 2, "{format}");
    }
    assert!(english.contains(bac_son_en), "{english}");
    // the summary's on-track line is in the printable file too
    assert!(html.contains(
        "<p class=\"on-track\">Đạt tỷ lệ 40% cuối đợt theo tốc độ cài hiện tại, không cần thêm \
         đội: Thành phố Lạng Sơn, Đình Lập</p>"
    ));
    // and none of it without history
    let without = plan_without_history();
    for text in [
        campaign_planner::report::terminal::render(&without, Lang::Vi),
        campaign_planner::report::html::render(&without, Lang::Vi),
    ] {
        assert!(!text.contains("Tốc độ cài hiện nay"));
        assert!(!text.contains("on-track"));
    }
}

fn plan_without_history() -> campaign_planner::plan::Plan {
    plan(&Path::new(ROOT).join("scenarios/lang-son-2020-09-01.toml")).unwrap()
}

/// The installs of each district in a coverage CSV of `scenarios/`: (name, installed,
/// smartphones).
fn coverage(file: &str) -> Vec<(String, f64, u64)> {
    let text = std::fs::read_to_string(Path::new(ROOT).join("scenarios").join(file)).unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .skip(1)
        .map(|l| {
            let cells: Vec<&str> = l.split(',').collect();
            (
                cells[0].to_string(),
                cells[1].parse().unwrap(),
                cells[2].parse().unwrap(),
            )
        })
        .collect()
}

/// The whole report of the history example, as `campaign plan` prints it, in both languages,
/// after what its reader depends on: every district's pace is the least-squares slope of its
/// installs over the two snapshots and now, and the reports say it as tests/common/printed.rs
/// reads them (the pace column and its total, each district's pace line with the rate it
/// reaches at that pace and the verdict, the districts on track, and every figure of a plan
/// report).
#[test]
fn history_report_golden() {
    let plan = plan(&example()).unwrap();
    let earlier = [
        (-14.0, coverage("coverage-2020-08-18.csv")),
        (-7.0, coverage("coverage-2020-08-25.csv")),
    ];
    for d in &plan.districts {
        let mut points: Vec<(f64, f64)> = earlier
            .iter()
            .map(|(day, rows)| {
                let (_, installed, smartphones) = rows.iter().find(|r| r.0 == d.name).unwrap();
                assert_eq!(*smartphones, d.smartphones, "{}", d.name);
                (*day, *installed)
            })
            .collect();
        points.push((0.0, d.installed as f64));
        let n = points.len() as f64;
        let (x, y) = (
            points.iter().map(|p| p.0).sum::<f64>() / n,
            points.iter().map(|p| p.1).sum::<f64>() / n,
        );
        let slope = points.iter().map(|p| (p.0 - x) * (p.1 - y)).sum::<f64>()
            / points.iter().map(|p| (p.0 - x).powi(2)).sum::<f64>();
        let pace = d.pace_per_day.unwrap();
        assert!((pace - slope).abs() < 1e-9, "{}: {pace} != {slope}", d.name);
    }
    let terminal = campaign_planner::report::terminal::render(&plan, Lang::Vi);
    printed::check_report(&plan, &terminal, Layout::Terminal, Lang::Vi);
    let markdown = campaign_planner::report::markdown::render(&plan, Lang::En);
    printed::check_report(&plan, &markdown, Layout::Markdown, Lang::En);
    insta::assert_snapshot!("history_terminal_vi", terminal);
    insta::assert_snapshot!("history_markdown_en", markdown);
}

#[test]
fn snapshot_names_match_in_any_case_and_spacing() {
    // as a snapshot comes from Excel: CR LF, "HỮU LŨNG" in capitals, a no-break space
    let snap = snapshot(0, 0)
        .replace("Hữu Lũng", "HỮU LŨNG")
        .replace("Đình Lập", "Đình\u{a0}Lập")
        .replace('\n', "\r\n");
    let (_dir, path) = overlay(
        "[[history]]\ndate = 2020-08-25\nfile = \"a.csv\"\n",
        &[("a.csv", &snap)],
    );
    let scenario = load(&path).unwrap_or_else(|e| panic!("{}", e.render(Lang::En)));
    let plan = plan_scenario(&scenario).unwrap();
    assert!((district(&plan, "Đình Lập").pace_per_day.unwrap() - 120.0).abs() < 1e-9);
}

#[test]
fn an_unknown_snapshot_name_gets_did_you_mean() {
    let snap = snapshot(0, 0).replace("Hữu Lũng", "Hữu Lủng");
    let (_dir, path) = overlay(
        "[[history]]\ndate = 2020-08-25\nfile = \"a.csv\"\n",
        &[("a.csv", &snap)],
    );
    let err = load(&path).unwrap_err();
    let (en, vi) = (err.render(Lang::En), err.render(Lang::Vi));
    assert!(en.contains("unknown district `Hữu Lủng`"), "{en}");
    assert!(en.contains("did you mean `Hữu Lũng`?"), "{en}");
    assert!(vi.contains("có phải ý bạn là `Hữu Lũng`?"), "{vi}");
}

/// A workbook with one sheet per report, as trial 13e H4 made it: "Ngày 18" (the sheet it
/// opens on) with the figures of scenarios/coverage-2020-08-18.csv, "Ngày 25" with those of
/// 2020-08-25; no title rows.
fn two_sheets(path: &Path) {
    let mut book = rust_xlsxwriter::Workbook::new();
    for (name, csv) in [
        ("Ngày 18", "coverage-2020-08-18.csv"),
        ("Ngày 25", "coverage-2020-08-25.csv"),
    ] {
        let sheet = book.add_worksheet().set_name(name).unwrap();
        let text = std::fs::read_to_string(Path::new(ROOT).join("scenarios").join(csv)).unwrap();
        for (row, line) in (0u32..).zip(text.lines().filter(|l| !l.starts_with('#'))) {
            for (col, cell) in (0u16..).zip(line.split(',')) {
                match cell.parse::<f64>() {
                    Ok(n) => sheet.write_number(row, col, n),
                    Err(_) => sheet.write_string(row, col, cell),
                }
                .unwrap();
            }
        }
    }
    book.save(path).unwrap();
}

fn sheet_read(plan: &campaign_planner::plan::Plan) -> Option<(String, Vec<String>)> {
    plan.notices.iter().find_map(|n| match n {
        campaign_planner::plan::Notice::WorkbookSheetRead { sheet, others, .. } => {
            Some((sheet.clone(), others.clone()))
        }
        _ => None,
    })
}

/// Trial 13e H4: a `[[history]]` workbook with one sheet per report was read from the sheet it
/// opens on whatever the `date`, without a word, and no key could choose the sheet. Now
/// `sheet` chooses it (by name, diacritics aside, or number), and a workbook read without it
/// says in the plan which of its shown sheets was read.
#[test]
fn a_history_workbook_is_read_from_the_sheet_named() {
    let layout = crate::layout::Layout::new();
    two_sheets(&layout.dir.path().join("scenarios/two-sheets.xlsx"));
    let entry = |sheet: &str| {
        format!(
            "base = \"lang-son-2020-09-01.toml\"\n\n[[history]]\ndate = 2020-08-25\nfile = \"two-sheets.xlsx\"\n{sheet}"
        )
    };
    // Hữu Lũng: 16,549 on 2020-08-25, 18,019 on 2020-09-01: 210 a day
    for (file, sheet) in [
        ("named.toml", "sheet = \"Ngày 25\"\n"),
        ("plain.toml", "sheet = \"ngay 25\"\n"),
        ("number.toml", "sheet = 2\n"),
    ] {
        let got = plan(&layout.write(file, &entry(sheet))).unwrap();
        let pace = district(&got, "Hữu Lũng").pace_per_day.unwrap();
        assert!((pace - 210.0).abs() < 1e-9, "{sheet}: {pace}");
        // the sheet `sheet` chose is said too (trial 13f J7)
        assert_eq!(
            sheet_read(&got),
            Some(("Ngày 25".to_string(), vec!["Ngày 18".to_string()])),
            "{sheet}"
        );
    }
    // without `sheet`: the sheet it opens on, and said
    let got = plan(&layout.write("unnamed.toml", &entry(""))).unwrap();
    assert_eq!(
        sheet_read(&got),
        Some(("Ngày 18".to_string(), vec!["Ngày 25".to_string()]))
    );
    let text = campaign_planner::report::json::render(&got, Lang::En);
    assert!(
        text.contains("\"notice\": \"workbook_sheet_read\""),
        "{text}"
    );
    // a sheet the workbook does not have
    let (code, _, err) = run(&[
        "plan",
        layout
            .write("missing.toml", &entry("sheet = \"Ngày 26\"\n"))
            .to_str()
            .unwrap(),
        "--lang",
        "en",
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("has no sheet \"Ngày 26\""), "{err}");
}

/// Trial 13e H4: a scenario's `coverage` workbook too, with `sheet` beside it.
#[test]
fn a_coverage_workbook_is_read_from_the_sheet_named() {
    let layout = crate::layout::Layout::new();
    two_sheets(&layout.dir.path().join("scenarios/two-sheets.xlsx"));
    let shipped = crate::layout::shipped();
    let head = &shipped[..shipped.find("# Districts:").unwrap()];
    let reading = |sheet: &str| {
        head.lines()
            .map(|line| {
                if line.starts_with("# budget") {
                    format!("coverage = \"two-sheets.xlsx\"\n{sheet}")
                } else {
                    line.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
            + "\n"
    };
    let installed = |s: &campaign_planner::scenario::Scenario| {
        s.districts
            .iter()
            .find(|d| d.name == "Hữu Lũng")
            .unwrap()
            .installed
    };
    let named = load(&layout.write("named.toml", &reading("sheet = \"Ngày 25\""))).unwrap();
    assert_eq!(installed(&named), 16_549);
    assert_eq!(named.sheets_chosen.len(), 1);
    assert_eq!(
        named.sheets_chosen[0].named.as_ref().map(|n| n.number),
        Some(2)
    );
    let unnamed = load(&layout.write("unnamed.toml", &reading(""))).unwrap();
    assert_eq!(installed(&unnamed), 15_059);
    assert_eq!(unnamed.sheets_chosen.len(), 1);
    assert_eq!(unnamed.sheets_chosen[0].sheet, "Ngày 18");
}

/// Tabs named by number, newest first, as offices name them by week: "2" (the figures of
/// 2020-08-18) then "1" (those of 2020-08-25).
fn numbered_tabs(path: &Path) {
    let mut book = rust_xlsxwriter::Workbook::new();
    for (name, csv) in [
        ("2", "coverage-2020-08-18.csv"),
        ("1", "coverage-2020-08-25.csv"),
    ] {
        let sheet = book.add_worksheet().set_name(name).unwrap();
        let text = std::fs::read_to_string(Path::new(ROOT).join("scenarios").join(csv)).unwrap();
        for (row, line) in (0u32..).zip(text.lines().filter(|l| !l.starts_with('#'))) {
            for (col, cell) in (0u16..).zip(line.split(',')) {
                match cell.parse::<f64>() {
                    Ok(n) => sheet.write_number(row, col, n),
                    Err(_) => sheet.write_string(row, col, cell),
                }
                .unwrap();
            }
        }
    }
    book.save(path).unwrap();
}

/// Trial 13f J7: `sheet = "1"` and `--sheet 1` read the first sheet (the tab named "2") of a
/// workbook whose tabs are "2", "1", without a word. A text names a tab before a number; a
/// TOML number is the sheet's number; and the plan says which sheet was read, and how to
/// read the other.
#[test]
fn a_sheet_named_by_a_number_is_the_tab_of_that_name() {
    use campaign_planner::import::SelectedBy;
    let layout = crate::layout::Layout::new();
    let book = layout.dir.path().join("scenarios/tabs.xlsx");
    numbered_tabs(&book);
    let shipped = crate::layout::shipped();
    let head = &shipped[..shipped.find("# Districts:").unwrap()];
    let reading = |sheet: &str| {
        head.replacen(
            "# budget",
            &format!("coverage = \"tabs.xlsx\"\nsheet = {sheet}\n# budget"),
            1,
        )
    };
    let installed = |s: &campaign_planner::scenario::Scenario| {
        s.districts
            .iter()
            .find(|d| d.name == "Hữu Lũng")
            .unwrap()
            .installed
    };
    // Hữu Lũng: 15,059 on 2020-08-18 (the tab "2"), 16,549 on 2020-08-25 (the tab "1")
    let text = load(&layout.write("text.toml", &reading("\"1\""))).unwrap();
    assert_eq!(installed(&text), 16_549);
    let chosen = &text.sheets_chosen[0];
    assert_eq!(chosen.sheet, "1");
    let named = chosen.named.as_ref().unwrap();
    assert_eq!(named.number, 2);
    assert_eq!(
        named.by,
        SelectedBy::NameNotNumber {
            number: 1,
            sheet: "2".to_string()
        }
    );
    let number = load(&layout.write("number.toml", &reading("1"))).unwrap();
    assert_eq!(installed(&number), 15_059);
    let named = number.sheets_chosen[0].named.as_ref().unwrap();
    assert_eq!(
        (named.number, &named.by),
        (1, &SelectedBy::NumberNotName { named: 2 })
    );
    // the plan says it, in both languages
    let path = layout.write("text-plan.toml", &reading("\"1\""));
    let (code, out, err) = run(&["plan", path.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("tabs.xlsx: read the sheet \"1\" (sheet 2), as the scenario's sheet chooses; it also has \"2\". sheet = \"1\" is this sheet's name: a sheet's name is taken before a number. Sheet 1 is \"2\"; to read it, write sheet = 1 (a number, without quotes)"),
        "{out}"
    );
    let (code, out, err) = run(&["plan", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("tabs.xlsx: đã đọc trang \"1\" (trang thứ 2) theo sheet của kịch bản; tệp còn có trang \"2\". sheet = \"1\" là tên của trang này"),
        "{out}"
    );
    // `campaign import --sheet 1` reads the tab "1" too, and says so
    let (code, skeleton, err) = run(&[
        "import",
        book.to_str().unwrap(),
        "--sheet",
        "1",
        "--lang",
        "en",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        skeleton.contains("16549") || skeleton.contains("16_549"),
        "{skeleton}"
    );
    assert!(
        err.contains("Sheet: \"1\" (named by --sheet); the workbook also has \"2\"; --sheet 1 is this sheet's name (it is sheet 2): a sheet's name is taken before a number; sheet 1 is \"2\", to read it give --sheet \"2\""),
        "{err}"
    );
}

/// Trial 13g K2: a province with two units of one name ("Huyện Kỳ Anh" and "Thị xã Kỳ Anh",
/// both in Hà Tĩnh): a snapshot's rows are found with their unit word, however it is written
/// ("H. Kỳ Anh", "TX Kỳ Anh"); before, the reader dropped "Huyện " and asked for the full name
/// the row already had.
#[test]
fn two_units_of_one_name_are_told_apart_by_the_unit_word_of_a_snapshot_row() {
    let dir = tempfile::tempdir().unwrap();
    let shipped =
        std::fs::read_to_string(Path::new(ROOT).join("scenarios/lang-son-2020-09-01.toml"))
            .unwrap();
    let rules = Path::new(ROOT).join("rules");
    let scenario = shipped
        .replace("\"../rules/", &format!("\"{}/", rules.display()))
        .replace("name = \"Hữu Lũng\"", "name = \"Huyện Kỳ Anh\"")
        .replace("name = \"Cao Lộc\"", "name = \"Thị xã Kỳ Anh\"");
    std::fs::write(dir.path().join("kyanh.toml"), scenario).unwrap();
    // Hữu Lũng's row 70 installs lower, Cao Lộc's 140: 10 and 20 a day over 7 days
    let mut snap = String::new();
    for line in snapshot(0, 0).lines() {
        let cells: Vec<&str> = line.split(',').collect();
        let (name, less) = match cells[0] {
            "Hữu Lũng" => ("H. Kỳ Anh", 70),
            "Cao Lộc" => ("TX Kỳ Anh", 140),
            other => (other, 0),
        };
        match cells[1].parse::<i64>() {
            Ok(n) => snap.push_str(&format!("{name},{},{}\n", n - less, cells[2])),
            Err(_) => snap.push_str(&format!("{line}\n")),
        }
    }
    std::fs::write(dir.path().join("a.csv"), &snap).unwrap();
    let path = dir.path().join("s.toml");
    std::fs::write(
        &path,
        "base = \"kyanh.toml\"\nname = \"h\"\n[[history]]\ndate = 2020-08-25\nfile = \"a.csv\"\n",
    )
    .unwrap();
    let scenario = load(&path).unwrap_or_else(|e| panic!("{}", e.render(Lang::En)));
    let plan = plan_scenario(&scenario).unwrap();
    let paces: Vec<f64> = ["Huyện Kỳ Anh", "Thị xã Kỳ Anh"]
        .iter()
        .map(|name| district(&plan, name).pace_per_day.unwrap())
        .collect();
    // each district's own installs of 2020-09-01 less the row's, over 7 days
    let now = |name: &str| {
        scenario
            .districts
            .iter()
            .find(|d| d.name == name)
            .unwrap()
            .installed as f64
    };
    let then = |row: &str| -> f64 {
        snap.lines()
            .find(|l| l.starts_with(row))
            .unwrap()
            .split(',')
            .nth(1)
            .unwrap()
            .parse()
            .unwrap()
    };
    assert!((paces[0] - (now("Huyện Kỳ Anh") - then("H. Kỳ Anh")) / 7.0).abs() < 1e-9);
    assert!((paces[1] - (now("Thị xã Kỳ Anh") - then("TX Kỳ Anh")) / 7.0).abs() < 1e-9);
}
