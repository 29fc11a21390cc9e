//! What a printed plan tells its reader: a plan made with `--set` says so on every output a
//! person reads (trial F32: a printed what-if was indistinguishable from the department's
//! plan).

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};

use crate::layout::SHIPPED;
use crate::support::Test;

const SETTING: &str = "team_kind.volunteer.available=10";
const SAID_EN: &str = "Changed for this run (--set), not the scenario's own plan: team_kind.volunteer.available = 10 (scenario: 30)";
const SAID_VI: &str = "Đã thay đổi cho lần chạy này (--set), không phải kế hoạch của kịch bản: team_kind.volunteer.available = 10 (kịch bản: 30)";

/// Every string cell of every sheet of the workbook at `path`, one per line.
fn workbook_text(path: &std::path::Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let mut out = String::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).unwrap();
        for cell in range.used_cells() {
            if let Data::String(s) = cell.2 {
                out.push_str(s);
                out.push('\n');
            }
        }
    }
    out
}

/// The output of `campaign plan SHIPPED ARGS --format FORMAT --lang LANG` as text: printed,
/// or written to a file (workbook, Word letter) and read back.
fn printed(format: &str, lang: &str, args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let test = Test::plan(SHIPPED).args(args).format(format).lang(lang);
    match format {
        "xlsx" | "docx" => {
            let path = dir.path().join(format!("plan.{format}"));
            test.out(&path).run().code(0);
            if format == "xlsx" {
                workbook_text(&path)
            } else {
                crate::letter::Docx::read(&path).text()
            }
        }
        _ => test.run().code(0).stdout,
    }
}

#[test]
fn a_plan_made_with_set_says_so_on_every_output_a_person_reads() {
    for format in ["text", "markdown", "html", "xlsx", "letter-html", "docx"] {
        for (lang, said) in [("en", SAID_EN), ("vi", SAID_VI)] {
            let with = printed(format, lang, &["--set", SETTING]);
            // HTML escapes nothing in this sentence but the apostrophe, Markdown the `_`
            let shown = with
                .replace("&#39;", "'")
                .replace("&#x27;", "'")
                .replace("\\_", "_");
            assert!(
                shown.contains(said),
                "{format} --lang {lang} does not say what --set changed:\n{}",
                &shown[..shown.len().min(3000)]
            );
            let without = printed(format, lang, &[]);
            assert!(
                !without.contains("(--set)"),
                "{format} --lang {lang} says --set without one"
            );
        }
    }
    // the letter of a what-if is a draft, not one to sign
    let letter = printed("letter-html", "en", &["--set", SETTING]);
    assert!(letter.contains("DRAFT — NOT FOR SIGNATURE"), "{letter}");
}

/// A setting that gives the scenario's own value changes nothing: the plan is the scenario's,
/// and says nothing; the JSON lists what changed as a notice.
#[test]
fn a_setting_that_changes_nothing_is_not_a_what_if_and_json_lists_the_change() {
    let same = printed("text", "en", &["--set", "team_kind.volunteer.available=30"]);
    assert!(!same.contains("(--set)"), "{same}");
    let plan = Test::plan(SHIPPED)
        .args(["--set", SETTING])
        .format("json")
        .run()
        .code(0)
        .json();
    let notice = &plan["notices"][0];
    assert_eq!(notice["notice"], "set_for_this_run", "{notice}");
    assert_eq!(
        notice["settings"][0]["key"],
        "team_kind.volunteer.available"
    );
    assert_eq!(notice["settings"][0]["value"], "10");
    assert_eq!(notice["settings"][0]["scenario"], "30");
}

/// compare --set: both columns show the setting's value, and the inputs section says that
/// --set made them so, with each scenario's own value.
#[test]
fn compare_says_what_set_changed_in_each_scenario() {
    let other = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scenarios/what-if-youth-union-plus-20.toml"
    );
    for (lang, head, a, b) in [
        (
            "en",
            "--set changed, in every scenario, for this run:",
            "A: team_kind.volunteer.available = 10 (scenario: 30)",
            "B: team_kind.volunteer.available = 10 (scenario: 50)",
        ),
        (
            "vi",
            "--set đã thay đổi ở mọi kịch bản cho lần chạy này:",
            "A: team_kind.volunteer.available = 10 (kịch bản: 30)",
            "B: team_kind.volunteer.available = 10 (kịch bản: 50)",
        ),
    ] {
        for format in ["text", "markdown"] {
            let out = Test::new()
                .args(["compare", SHIPPED, other, "--set", SETTING])
                .format(format)
                .lang(lang)
                .run()
                .code(0)
                .stdout
                .replace("\\_", "_");
            for part in [head, a, b] {
                assert!(out.contains(part), "{format} {lang}: no `{part}` in\n{out}");
            }
        }
    }
}
