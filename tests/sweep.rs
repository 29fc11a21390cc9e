//! `campaign sweep`: every value's figures are those of a separate `campaign plan --set`, the
//! result does not depend on the number of threads, and the table, curves and errors say what
//! a reader needs.

use serde_json::Value;

use crate::layout::SHIPPED;

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

fn campaign(args: &[&str]) -> Out {
    let (code, stdout, stderr) = crate::layout::run(args);
    Out {
        code,
        stdout,
        stderr,
    }
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

#[test]
fn every_value_is_the_plan_that_set_gives() {
    let out = campaign(&[
        "sweep",
        SHIPPED,
        "--vary",
        "team_kind.volunteer.available=10..50:20",
        "--format",
        "json",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let list = json(&out.stdout);
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 3);
    for (entry, value) in list.iter().zip([10, 30, 50]) {
        assert_eq!(entry["value"], value);
        let keys: Vec<&String> = entry.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["value", "status", "province"]);
        let plan = campaign(&[
            "plan",
            SHIPPED,
            "--set",
            &format!("team_kind.volunteer.available={value}"),
            "--format",
            "json",
        ]);
        let plan = json(&plan.stdout);
        assert_eq!(entry["status"], plan["status"], "value {value}");
        assert_eq!(entry["province"], plan["province"], "value {value}");
    }
    // 30 teams is the shipped plan
    let shipped = json(&campaign(&["plan", SHIPPED, "--format", "json"]).stdout);
    assert_eq!(list[1]["province"], shipped["province"]);
    // more teams, more installs
    let rates: Vec<f64> = list
        .iter()
        .map(|e| e["province"]["projected_rate"].as_f64().unwrap())
        .collect();
    assert!(rates.windows(2).all(|w| w[0] < w[1]), "{rates:?}");
}

#[test]
fn other_settings_apply_to_every_value() {
    let out = campaign(&[
        "sweep",
        SHIPPED,
        "--vary",
        "target.provincial_rate=0.40..0.43:0.01",
        "--set",
        "objective=min-cost",
        "--format",
        "json",
    ]);
    // 43% is beyond what 30 volunteer teams can reach: the sweep still prints, exit 2
    assert_eq!(out.code, 2, "{}", out.stderr);
    let list = json(&out.stdout);
    for entry in list.as_array().unwrap() {
        let value = entry["value"].as_f64().unwrap();
        let plan = campaign(&[
            "plan",
            SHIPPED,
            "--set",
            "objective=min-cost",
            "--set",
            &format!("target.provincial_rate={value:.2}"),
            "--format",
            "json",
        ]);
        let plan = json(&plan.stdout);
        assert_eq!(entry["province"], plan["province"], "value {value}");
        assert_eq!(entry["status"], plan["status"], "value {value}");
        assert_eq!(entry["province"]["target_rate"], value);
    }
    let statuses: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["optimal", "optimal", "optimal", "infeasible"]);
}

#[test]
fn the_result_does_not_depend_on_the_threads() {
    let run = |jobs: &str, format: &str| {
        campaign(&[
            "sweep",
            SHIPPED,
            "--vary",
            "team_kind.volunteer.available=0..60:5",
            "--jobs",
            jobs,
            "--format",
            format,
        ])
        .stdout
    };
    for format in ["json", "text"] {
        let one = run("1", format);
        assert!(!one.is_empty());
        assert_eq!(one, run("2", format), "{format}: 1 thread vs 2");
        assert_eq!(one, run("7", format), "{format}: 1 thread vs 7");
    }
}

#[test]
fn the_table_and_curves_show_the_gain_and_the_cost_of_each_step() {
    let out = campaign(&[
        "sweep",
        SHIPPED,
        "--vary",
        "team_kind.volunteer.available=10..30:10",
        "--lang",
        "en",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = &out.stdout;
    assert!(
        text.starts_with(
            "Lạng Sơn, 2020-09-01 — varying team_kind.volunteer.available = 10 … 30 (3 values)\n"
        ),
        "{text}"
    );
    // 20 → 30 teams: 41.19% → 42.09% (+0.90 points) for 42,000,000 VND more
    let row = text
        .lines()
        .find(|l| l.starts_with("│ 30 "))
        .expect("a row for 30");
    assert!(row.contains("218,781"), "{row}");
    assert!(row.contains("42.09%"), "{row}");
    assert!(row.contains("+0.90"), "{row}");
    assert!(row.contains("546,000,000"), "{row}");
    assert!(text.contains("Projected provincial rate by team_kind.volunteer.available"));
    assert!(text.contains("Cost by team_kind.volunteer.available"));
    // the cost curve's longest bar is the largest cost
    let longest = text
        .lines()
        .filter(|l| l.contains('│') && l.contains("VND") && !l.contains('┆'))
        .max_by_key(|l| l.matches('█').count())
        .unwrap();
    assert!(longest.contains("546,000,000 VND"), "{longest}");
    // no progress bar when the output is not a terminal
    assert!(!out.stderr.contains("plans"), "{}", out.stderr);
    assert!(out.stderr.is_empty(), "{}", out.stderr);
}

#[test]
fn vietnamese_numbers_by_default_and_markdown() {
    let out = campaign(&[
        "sweep",
        SHIPPED,
        "--vary",
        "target.provincial_rate=0.40..0.41:0.01",
        "--set",
        "objective=min-cost",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("│ 0,41 "), "{}", out.stdout);
    assert!(out.stdout.contains("Chi phí mỗi điểm thêm (đ)"));
    let md = campaign(&[
        "sweep",
        SHIPPED,
        "--vary",
        "target.provincial_rate=0.40..0.41:0.01",
        "--set",
        "objective=min-cost",
        "--format",
        "markdown",
    ]);
    assert!(
        md.stdout
            .starts_with("# Lạng Sơn, 2020-09-01 — thay đổi target.provincial_rate")
    );
    assert!(md.stdout.contains("| target.provincial_rate | Kết quả |"));
    // every row of the table is one line, with as many cells as the header
    let rows: Vec<&str> = md.stdout.lines().filter(|l| l.starts_with('|')).collect();
    let cells = |l: &str| l.matches(" | ").count();
    assert!(rows.len() >= 4, "{}", md.stdout);
    assert!(
        rows.iter().all(|r| cells(r) == cells(rows[0])),
        "{}",
        md.stdout
    );
    assert!(rows[0].contains("| Đội tình nguyện |"), "{}", rows[0]);
    assert!(md.stdout.contains("\n```\n"));
}

#[test]
fn bad_ranges_and_keys_are_bad_input() {
    let out = campaign(&[
        "sweep",
        SHIPPED,
        "--vary",
        "team_kind.volunteer.available=10-50",
        "--lang",
        "en",
    ]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains("the range `10-50` lacks `..` between its start and end"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("hint: write `--vary KEY=FROM..TO:STEP`")
    );

    // an unknown key: the error of `--set`, and the value it was tried with
    let out = campaign(&[
        "sweep",
        SHIPPED,
        "--vary",
        "team_kind.volunter.available=10..20:10",
        "--lang",
        "en",
    ]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("volunter"), "{}", out.stderr);
    assert!(
        out.stderr.contains("did you mean `volunteer`?"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("(with team_kind.volunter.available = 10)"),
        "{}",
        out.stderr
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn out_writes_the_sweep_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sweep.json");
    let out = campaign(&[
        "sweep",
        SHIPPED,
        "--vary",
        "team_kind.volunteer.available=20..30:10",
        "--format",
        "json",
        "--out",
        path.to_str().unwrap(),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.is_empty());
    let written = json(&std::fs::read_to_string(&path).unwrap());
    assert_eq!(written.as_array().unwrap().len(), 2);
}
