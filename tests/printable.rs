//! The printable formats of `campaign plan` (docs/printing.md): the HTML file to print and
//! sign, the CSV and the Excel workbook, on the shipped Lạng Sơn scenario. Golden files for
//! the CSV and the HTML; the workbook is read back with calamine and checked against the JSON
//! plan; the other commands refuse these formats.

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use campaign_planner::plan::Plan;
use campaign_planner::report::{self, Format};
use campaign_planner::text::Lang;
use insta::assert_snapshot;
use serde_json::Value;

use crate::common::printed::{self, Layout};

use crate::layout::SHIPPED;

/// Runs `campaign ARGS`; returns the exit status, stdout (bytes) and stderr.
fn campaign(args: &[&str]) -> (i32, Vec<u8>, String) {
    crate::layout::run_bytes(args)
}

/// `campaign plan` on the shipped scenario with `args`; the plan must be found.
fn plan_output(args: &[&str]) -> Vec<u8> {
    let mut all = vec!["plan", SHIPPED];
    all.extend_from_slice(args);
    let (code, out, err) = campaign(&all);
    assert_eq!(code, 0, "{err}");
    out
}

fn text(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).expect("the output is UTF-8")
}

fn json_plan() -> Value {
    serde_json::from_slice(&plan_output(&["--format", "json"])).expect("the plan is JSON")
}

#[test]
fn csv_has_a_bom_a_header_a_row_per_district_and_a_total() {
    let csv = text(plan_output(&["--format", "csv"]));
    let body = csv
        .strip_prefix('\u{feff}')
        .expect("UTF-8 byte-order mark for Excel");
    assert_eq!(body.lines().count(), 1 + 11 + 1);
    assert_snapshot!("csv_vi", body);
}

/// A name a spreadsheet would run as a formula (`=HYPERLINK(...)`, typed into a district's name
/// by mistake or on purpose) is written with an apostrophe before it, so Excel shows it as
/// text; the workbook writes it as a string cell, never a formula.
#[test]
fn a_name_that_looks_like_a_formula_is_written_as_text() {
    let layout = crate::layout::Layout::new();
    let formula = "=HYPERLINK(\"http://example.com\",\"Hữu Lũng\")";
    let text = crate::layout::replace_once(
        &crate::layout::shipped(),
        "name = \"Hữu Lũng\"",
        &format!("name = '{formula}'"),
    );
    let path = layout.write("formula.toml", &text);
    let path = path.to_str().unwrap();
    let (code, csv, stderr) = crate::layout::run(&["plan", path, "--format", "csv"]);
    assert_eq!(code, 0, "{stderr}");
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let names: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[0].to_string())
        .collect();
    assert!(names.contains(&format!("'{formula}")), "{names:?}");
    assert!(names.iter().all(|n| !n.starts_with('=')), "{names:?}");
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("plan.xlsx");
    let (code, _, stderr) = crate::layout::run(&[
        "plan",
        path,
        "--format",
        "xlsx",
        "--out",
        xlsx.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let mut book: Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
    let mut strings = 0;
    for sheet in book.sheet_names() {
        let cells = book.worksheet_range(&sheet).unwrap();
        strings += cells
            .used_cells()
            .filter(|(_, _, c)| **c == Data::String(formula.to_string()))
            .count();
        let formulas = book.worksheet_formula(&sheet).unwrap();
        assert!(
            formulas
                .used_cells()
                .all(|(_, _, f)| !f.contains("HYPERLINK")),
            "{sheet}: no formula holds the name"
        );
    }
    assert!(strings > 0, "the name is a string cell");
}

#[test]
fn csv_in_english_has_english_headings_and_the_same_figures() {
    let vi = text(plan_output(&["--format", "csv"]));
    let en = text(plan_output(&["--format", "csv", "--lang", "en"]));
    let header = en.lines().next().unwrap().trim_start_matches('\u{feff}');
    assert_eq!(
        header,
        "District,Smartphones,Installed,Rate (%),Commune teams stationed,Commune teams,\
         Volunteer teams,Installs from teams,Projected installed,Projected rate (%),Cost (VND),Directives,\
         Unit type,Data as of"
    );
    // the figures between the name and the unit type (in words: `thành phố`, `city`)
    let figures = |csv: &str| -> Vec<String> {
        csv.lines()
            .skip(1)
            .map(|l| {
                let cells: Vec<&str> = l.split(',').collect();
                let dated = cells[cells.len() - 1] == "2020-09-01";
                assert!(dated, "{l}");
                cells[1..cells.len() - 2].join(",")
            })
            .collect()
    };
    assert_eq!(figures(&vi), figures(&en));
    assert!(en.contains("\nThành phố Lạng Sơn,") && en.contains(",city,2020-09-01\n"));
    assert!(vi.contains(",thành phố,2020-09-01\n") && vi.contains(",huyện,2020-09-01\n"));
}

#[test]
fn csv_figures_are_the_plans_rounded() {
    let plan = json_plan();
    let csv = text(plan_output(&["--format", "csv"]));
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let districts = plan["districts"].as_array().unwrap();
    assert_eq!(rows.len(), districts.len() + 1);
    for (row, d) in rows.iter().zip(districts) {
        assert_eq!(&row[0], d["name"].as_str().unwrap());
        assert_eq!(row[1], d["smartphones"].to_string());
        assert_eq!(row[2], d["installed"].to_string());
        let rate: f64 = row[3].parse().unwrap();
        assert!((rate - 100.0 * d["rate"].as_f64().unwrap()).abs() <= 0.005);
        // (after the commune teams stationed, the allocation: commune, volunteer; outreach)
        let projected: f64 = row[8].parse().unwrap();
        assert_eq!(
            projected,
            d["projected_installed"].as_f64().unwrap().round()
        );
        let directives: usize = row[11].parse().unwrap();
        assert_eq!(directives, d["directives"].as_array().unwrap().len());
    }
    let total = rows.last().unwrap();
    assert_eq!(&total[0], "TỔNG");
    assert_eq!(&total[1], "519820");
    assert_eq!(&total[2], "151916");
    assert_eq!(&total[3], "29.22");
}

#[test]
fn html_is_one_printable_self_contained_file() {
    let html = text(plan_output(&["--format", "html"]));
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"vi\">"));
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(html.contains("@page { size: A4;"));
    assert!(html.contains("break-before: page"));
    assert!(html.contains("page-break-before: always"));
    // Times New Roman as in official documents (only the real one, by local()), then fonts
    // with every Vietnamese letter
    assert!(html.contains("src: local(\"Times New Roman\"), local(\"TimesNewRomanPSMT\")"));
    assert!(
        html.contains("font-family: \"Official Serif\", \"DejaVu Serif\", \"Noto Serif\", serif;")
    );
    // nothing to fetch: no links, scripts, external fonts or images
    for outside in [
        "http://", "https://", "<script", "<link", "@import", "url(", "<img",
    ] {
        assert!(!html.contains(outside), "{outside}");
    }
    assert_eq!(html.matches("<section class=\"summary\">").count(), 1);
    assert_eq!(html.matches("<section class=\"district\">").count(), 11);
    assert_eq!(html.matches("<svg class=\"rates\"").count(), 11);
    assert_eq!(html.matches("<p class=\"signer\">NGƯỜI KÝ</p>").count(), 11);
    assert_eq!(html.matches("…………, ngày …… tháng …… năm ……").count(), 11);
    // the letter's total, as the terminal prints it, and diacritics as UTF-8
    assert!(html.contains("151.916 (29,22%)"));
    assert!(html.contains("Đình Lập"));
    assert!(html.contains("đi từng ngõ, gõ từng nhà"));
}

#[test]
fn html_has_every_directive_of_every_district_escaped() {
    let plan = json_plan();
    let html = text(plan_output(&["--format", "html"]));
    let sections: Vec<&str> = html.split("<section class=\"district\">").skip(1).collect();
    let districts = plan["districts"].as_array().unwrap();
    assert_eq!(sections.len(), districts.len());
    for (section, d) in sections.iter().zip(districts) {
        let name = escape(d["name"].as_str().unwrap());
        assert!(section.contains(&format!("<h2>{name} (")), "{name}");
        let directives = d["directives"].as_array().unwrap();
        assert_eq!(section.matches("<li>").count(), directives.len(), "{name}");
        for directive in directives {
            let action = escape(directive["action"].as_str().unwrap());
            let unit = escape(directive["unit"].as_str().unwrap());
            assert!(
                section.contains(&format!("<li><p>{action}</p>")),
                "{action}"
            );
            assert!(section.contains(&format!("<dd>{unit}</dd>")), "{unit}");
        }
    }
}

#[test]
fn html_shows_the_rates_as_the_reports_print_them() {
    let html = text(plan_output(&["--format", "html"]));
    // Hữu Lũng: 18.019 of 78.399 now, as in the terminal report's heading
    assert!(html.contains("<h2>Hữu Lũng (22,98% → "));
    assert!(html.contains("aria-label=\"Tỷ lệ cài đặt: Hiện nay 22,98%, Dự kiến "));
    assert!(html.contains(">22,98%</text>"));
    assert!(html.contains(">40%</text>"));
}

/// The whole printable file, after what its reader depends on: the plan it prints is the
/// shipped scenario's (the letter's smartphones and installs, every district's commune teams
/// within its communes), and the file says it as tests/common/printed.rs reads it (every
/// district's figures, the totals the sums of the districts, the verdict, each directive's
/// installs and teams, and the rule's own words naming the same teams, installs and rate);
/// each page's chart draws the rates in proportion.
#[test]
fn html_whole_file_vi() {
    let html = text(plan_output(&["--format", "html"]));
    let plan = campaign_planner::plan(Path::new(SHIPPED)).unwrap();
    assert!(report::render(&plan, Format::Html, Lang::Vi) == html);
    let scenario = campaign_planner::scenario::load(Path::new(SHIPPED)).unwrap();
    assert_eq!(plan.districts.len(), scenario.districts.len());
    for (d, input) in plan.districts.iter().zip(&scenario.districts) {
        assert_eq!(
            (d.name.as_str(), d.smartphones, d.installed),
            (input.name.as_str(), input.smartphones, input.installed)
        );
        assert!(
            d.teams_of("commune") <= input.teams["commune"],
            "{}",
            d.name
        );
    }
    printed::check_report(&plan, &html, Layout::Html, Lang::Vi);
    charts_are_the_rates(&plan, &html);
    assert_snapshot!("html_vi", html);
}

/// Each district page's chart: a bar for the rate now, the projected rate and the target,
/// labelled as the reports print them, the chart's label saying all three, the bars' lengths
/// in proportion to the rates and the target's line at the end of its bar.
#[track_caller]
fn charts_are_the_rates(plan: &Plan, html: &str) {
    let attribute = |tag: &str, name: &str| -> f64 {
        let at = tag.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        tag[at..at + tag[at..].find('"').unwrap()].parse().unwrap()
    };
    let target = plan.province.target_rate;
    let pages: Vec<&str> = html.split("<section class=\"district\">").skip(1).collect();
    assert_eq!(pages.len(), plan.districts.len());
    for (page, d) in pages.iter().zip(&plan.districts) {
        let s = d.smartphones as f64;
        // the projected rate as printed: the printed installs over the smartphones (F40)
        let rates = [
            d.installed as f64 / s,
            d.projected_installed.round() / s,
            target,
        ];
        let shown = [
            printed::percent(Lang::Vi, rates[0]),
            printed::percent(Lang::Vi, rates[1]),
            printed::policy_rate(Lang::Vi, target),
        ];
        let svg = &page[page.find("<svg").unwrap()..page.find("</svg>").unwrap()];
        let label = format!(
            "aria-label=\"Tỷ lệ cài đặt: Hiện nay {}, Dự kiến {}, Mục tiêu {}\"",
            shown[0], shown[1], shown[2]
        );
        assert!(svg.contains(&label), "{}: no {label}", d.name);
        let bars: Vec<&str> = svg.split("<rect").skip(1).collect();
        assert_eq!(bars.len(), 3, "{}", d.name);
        let width = |i: usize| attribute(bars[i], "width");
        for (i, bar) in bars.iter().enumerate() {
            let text = bar.split("<text").nth(1).unwrap();
            let text = &text[text.find('>').unwrap() + 1..text.find("</text>").unwrap()];
            assert_eq!(text, shown[i], "{}: bar {i}", d.name);
            // a tenth of a unit of rounding on either bar
            let proportion = width(i) / width(2);
            assert!(
                (proportion - rates[i] / target).abs() <= 0.1 / width(2) * (1.0 + proportion),
                "{}: bar {i} is {} long, the target's {}",
                d.name,
                width(i),
                width(2)
            );
        }
        let line = &svg[svg.find("<line ").unwrap()..];
        let end = attribute(bars[2], "x") + width(2);
        assert!((attribute(line, "x1") - end).abs() < 1e-9, "{}", d.name);
    }
}

#[test]
fn html_in_english() {
    let html = text(plan_output(&["--format", "html", "--lang", "en"]));
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert_eq!(
        html.matches("<p class=\"signer\">SIGNED BY</p>").count(),
        11
    );
    assert!(html.contains("Place: …………………   Date: …………………"));
    assert!(html.contains("151,916 (29.22%)"));
    assert!(!html.contains("NGƯỜI KÝ"));
}

#[test]
fn html_escapes_names_and_directives_from_the_rules() {
    let mut plan = campaign_planner::plan(Path::new(SHIPPED)).unwrap();
    plan.districts[0].name = "<b>A & B</b>".to_string();
    plan.districts[0].directives[0].action.vi = "Đi <script>alert(\"x\")</script>".to_string();
    let html = report::render(&plan, Format::Html, Lang::Vi);
    // (the first district is the city: its page goes to the city's chair, by the plan's type)
    assert!(html.contains("Kính gửi: Chủ tịch UBND thành phố &lt;b&gt;A &amp; B&lt;/b&gt;"));
    assert!(html.contains("Đi &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"));
    assert!(!html.contains("<script"));
    assert!(!html.contains("<b>A"));
}

#[test]
fn printable_outputs_are_the_same_byte_for_byte() {
    let plan = campaign_planner::plan(Path::new(SHIPPED)).unwrap();
    for format in [Format::Html, Format::Csv, Format::Xlsx] {
        let once = report::render_bytes(&plan, format, Lang::Vi).unwrap();
        let again = report::render_bytes(&plan, format, Lang::Vi).unwrap();
        assert!(once == again, "{format:?}");
    }
}

/// Writes the workbook through the command line and reads it back.
fn workbook(lang: &str) -> Xlsx<Cursor<Vec<u8>>> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.xlsx");
    let out = plan_output(&[
        "--format",
        "xlsx",
        "--lang",
        lang,
        "--out",
        path.to_str().unwrap(),
    ]);
    assert!(out.is_empty());
    let bytes = std::fs::read(&path).unwrap();
    open_workbook_from_rs(Cursor::new(bytes)).expect("a workbook calamine can read")
}

#[test]
fn xlsx_has_the_province_the_districts_and_the_directives() {
    let mut book = workbook("vi");
    assert_eq!(book.sheet_names(), ["Tỉnh", "Huyện", "Chỉ đạo"]);

    let province = book.worksheet_range("Tỉnh").unwrap();
    assert_eq!(
        province.get_value((0, 0)),
        Some(&Data::String(
            "Kế hoạch vận động cài đặt ứng dụng: Lạng Sơn, 2020-09-01".into()
        ))
    );
    // the summary's figures are numbers holding the figures as printed (issue 13 item 10): whole
    // installs, rates to two decimals of a percent; the projected installs the sum of the
    // districts' as printed
    let plan = json_plan();
    let p = &plan["province"];
    let number = |row: u32, col: u32| match province.get_value((row, col)) {
        Some(Data::Float(x)) => *x,
        other => panic!("row {row} column {col}: {other:?} is not a number"),
    };
    // Excel keeps 15 to 17 significant digits
    let close = |a: f64, b: f64| assert!((a - b).abs() <= 1e-12 * b.abs(), "{a} != {b}");
    let label = |row: u32| province.get_value((row, 0)).unwrap().to_string();
    assert_eq!(label(4), "Số thuê bao smartphone");
    assert_eq!(number(4, 1), 519_820.0);
    assert_eq!(label(5), "Đã cài đặt hiện nay");
    assert_eq!(number(5, 1), 151_916.0);
    close(number(5, 2), as_rate(p["rate"].as_f64().unwrap()));
    assert_eq!(label(6), "Dự kiến sau chiến dịch");
    let as_printed: f64 = plan["districts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["projected_installed"].as_f64().unwrap().round())
        .sum();
    assert_eq!(number(6, 1), as_printed);
    assert_eq!(number(6, 1), 218_781.0, "not the exact 218781.275");
    close(number(6, 2), as_rate(p["projected_rate"].as_f64().unwrap()));
    assert_eq!(number(7, 1), 0.4);
    assert_eq!(
        province.get_value((7, 2)),
        Some(&Data::String("ĐẠT".into()))
    );
    assert_eq!(number(8, 1), p["teams"].as_f64().unwrap());
    assert_eq!(label(9), "Tổng chi phí");
    assert_eq!(number(9, 1), 546_000_000.0);
    assert_eq!(number(11, 1), 14.0);
    assert!(
        province
            .get_value((12, 1))
            .unwrap()
            .to_string()
            .starts_with("Phương án tối ưu")
    );

    let districts = book.worksheet_range("Huyện").unwrap();
    let header: Vec<String> = districts
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(
        header,
        [
            "Huyện, thành phố",
            "Smartphone",
            "Đã cài",
            "Tỷ lệ",
            "Tổ xã hiện có",
            "Tổ xã",
            "Đội tình nguyện",
            "Cài thêm nhờ các đội",
            "Dự kiến đã cài",
            "Tỷ lệ dự kiến",
            "Chi phí (đ)",
            "Số việc cần làm",
            "Loại đơn vị",
            "Số liệu đến ngày",
        ]
    );
    assert_eq!(districts.height(), 1 + 11 + 1);
    // the unit type and the figures' date (a date cell, 01/09/2020), for `campaign import`
    assert_eq!(
        districts.get_value((1, 12)),
        Some(&Data::String("thành phố".into()))
    );
    assert_eq!(
        districts.get_value((2, 12)),
        Some(&Data::String("huyện".into()))
    );
    assert!(
        matches!(districts.get_value((1, 13)), Some(Data::DateTime(d)) if d.as_f64() == 44075.0),
        "{:?}",
        districts.get_value((1, 13))
    );

    let plan = json_plan();
    // Two districts: the city and Hữu Lũng, every figure the plan's as printed.
    for d in 0..2 {
        let expected = &plan["districts"][d];
        let row = (1 + d) as u32;
        let cell = |col: u32| districts.get_value((row, col)).cloned();
        let number = |col: u32| match cell(col) {
            Some(Data::Float(x)) => x,
            other => panic!("not a number: {other:?}"),
        };
        assert_eq!(
            cell(0),
            Some(Data::String(expected["name"].as_str().unwrap().into()))
        );
        assert_eq!(number(1), expected["smartphones"].as_f64().unwrap());
        assert_eq!(number(2), expected["installed"].as_f64().unwrap());
        same(number(3), as_rate(expected["rate"].as_f64().unwrap()));
        let teams = |kind: &str| {
            expected["allocation"]
                .as_array()
                .unwrap()
                .iter()
                .find(|a| a["kind"] == kind)
                .unwrap()["teams"]
                .as_f64()
                .unwrap()
        };
        // the shipped scenario's commune teams (city 8, Hữu Lũng 24), then the plan's
        assert_eq!(number(4), [8.0, 24.0][d]);
        assert_eq!(number(5), teams("commune"));
        assert_eq!(number(6), teams("volunteer"));
        same(
            number(7),
            expected["outreach_installs"].as_f64().unwrap().round(),
        );
        same(
            number(8),
            expected["projected_installed"].as_f64().unwrap().round(),
        );
        same(
            number(9),
            as_rate(expected["projected_rate"].as_f64().unwrap()),
        );
        assert_eq!(
            number(11),
            expected["directives"].as_array().unwrap().len() as f64
        );
    }
    let total = districts.get_value((12, 0));
    assert_eq!(total, Some(&Data::String("TỔNG".into())));
    assert_eq!(districts.get_value((12, 1)), Some(&Data::Float(519_820.0)));

    let directives = book.worksheet_range("Chỉ đạo").unwrap();
    let header: Vec<String> = directives
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(
        header,
        [
            "Huyện, thành phố",
            "STT",
            "Mức ưu tiên",
            "Việc cần làm",
            "Đơn vị thực hiện",
            "Lực lượng",
            "Dự kiến cài thêm",
        ]
    );
    let count: usize = plan["districts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["directives"].as_array().unwrap().len())
        .sum();
    assert_eq!(directives.height(), 1 + count);
    assert_eq!(directives.get_value((1, 1)), Some(&Data::Float(1.0)));
}

#[test]
fn xlsx_in_english_names_its_sheets_in_english() {
    let book = workbook("en");
    assert_eq!(book.sheet_names(), ["Province", "Districts", "Directives"]);
}

#[test]
fn xlsx_needs_a_file() {
    let (code, out, err) = campaign(&["plan", SHIPPED, "--format", "xlsx"]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert_eq!(
        err,
        "lỗi: định dạng xlsx là tệp nhị phân, không in ra màn hình được\n\
         gợi ý: thêm --out TỆP, ví dụ: --format xlsx --out ke-hoach.xlsx\n"
    );
    let (code, _, err) = campaign(&["plan", SHIPPED, "--format", "xlsx", "--lang", "en"]);
    assert_eq!(code, 1);
    assert!(err.contains("xlsx is a binary file and cannot be written to the terminal"));
    assert!(err.contains("add --out FILE, e.g. --format xlsx --out plan.xlsx"));
}

#[test]
fn other_commands_refuse_the_printable_formats() {
    let runs: [Vec<&str>; 3] = [
        vec!["compare", SHIPPED, SHIPPED],
        vec![
            "sweep",
            SHIPPED,
            "--vary",
            "team_kind.volunteer.available=10..20:10",
        ],
        vec!["explain", SHIPPED, "--district", "Hữu Lũng"],
    ];
    for run in runs {
        for format in ["html", "csv", "xlsx"] {
            let mut args = run.clone();
            args.extend(["--format", format]);
            let (code, out, err) = campaign(&args);
            assert_eq!(code, 1, "{args:?}");
            assert!(out.is_empty());
            assert_eq!(
                err,
                format!(
                    "lỗi: lệnh `{0}` không xuất được định dạng {format}: chỉ lệnh `plan` in được {format}\n\
                     gợi ý: dùng --format text, markdown hoặc json (tệp .txt, .md hoặc .json)\n",
                    run[0]
                )
            );
        }
    }
    let (_, _, err) = campaign(&[
        "compare", SHIPPED, SHIPPED, "--format", "csv", "--lang", "en",
    ]);
    assert!(err.contains("`campaign compare` cannot write csv: only `campaign plan` writes csv"));
    assert!(err.contains("use --format text, markdown or json"));
}

/// Equal to Excel's precision (the workbook holds 15 significant digits).
/// A rate as a cell formatted `0.00%` shows it.
fn as_rate(r: f64) -> f64 {
    (r * 10_000.0).round() / 10_000.0
}

fn same(cell: f64, plan: f64) {
    assert!(
        (cell - plan).abs() <= 1e-13 * plan.abs().max(1.0),
        "{cell} != {plan}"
    );
}

fn escape(text: &str) -> String {
    campaign_planner::report::html::escape(text)
}

/// Every `campaign plan ...` command of docs/printing.md runs and writes its file.
#[test]
fn the_commands_of_the_printing_doc_work() {
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/printing.md")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut ran = 0;
    for line in doc.lines().filter(|l| l.starts_with("campaign plan ")) {
        let words: Vec<&str> = line.split_whitespace().skip(1).collect();
        let out = words[words.iter().position(|w| *w == "--out").unwrap() + 1];
        let path = dir.path().join(out);
        let args: Vec<String> = words
            .iter()
            .map(|w| match *w {
                "scenarios/lang-son-2020-09-01.toml" => SHIPPED.to_string(),
                w if w == out => path.to_str().unwrap().to_string(),
                w => w.to_string(),
            })
            .collect();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, _, err) = campaign(&args);
        assert_eq!(code, 0, "{line}: {err}");
        assert!(std::fs::metadata(&path).unwrap().len() > 0, "{line}");
        ran += 1;
    }
    assert_eq!(ran, 7, "the commands of docs/printing.md");
}

#[test]
fn xlsx_of_a_plan_that_cannot_meet_its_scenario_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.xlsx");
    let (code, _, err) = campaign(&[
        "plan",
        SHIPPED,
        "--set",
        "target.district_floor=0.45",
        "--set",
        "budget=300000000",
        "--format",
        "xlsx",
        "--out",
        path.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{err}");
    let bytes = std::fs::read(&path).unwrap();
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let province = book.worksheet_range("Tỉnh").unwrap();
    let rows: Vec<String> = province
        .rows()
        .map(|r| r.first().map(|c| c.to_string()).unwrap_or_default())
        .collect();
    let why = rows
        .iter()
        .position(|r| r == "Vì sao không khả thi")
        .unwrap_or_else(|| panic!("no reasons in the Province sheet: {rows:?}"));
    // the rules' minimums cost 365.400.000 đ, 65.400.000 đ over the budget, but the 45% floor
    // needs more: volunteers and budget together, each exactly enough
    assert_eq!(
        rows[why + 1],
        "Cần thêm cả 43 đội tình nguyện và 418.200.000 đ ngân sách để mọi huyện đạt mức tối \
         thiểu (thêm riêng đội hay riêng ngân sách đều chưa đủ)"
    );
    // the third column is headed: it holds a count's rate or the target's verdict
    assert_eq!(
        province.get_value((3, 2)),
        Some(&Data::String("Tỷ lệ / kết quả".into()))
    );
    assert_eq!(
        province.get_value((7, 2)),
        Some(&Data::String("CHƯA ĐẠT".into()))
    );
}
