//! End-to-end tests of the `campaign` command, run in-process through
//! `campaign_planner::cli::run`: the shipped Lạng Sơn plan as golden files, the letter's facts,
//! the JSON contract of ../shared/MODEL.md re-evaluated with the exact curve, the rules' effects,
//! the objectives on what-if copies, infeasible scenarios, `--out`, and bad input.

#[path = "cli/contract.rs"]
mod contract;
#[path = "cli/errors.rs"]
mod errors;
#[path = "cli/infeasible.rs"]
mod infeasible;
#[path = "cli/letter.rs"]
mod letter;
#[path = "cli/objectives.rs"]
mod objectives;
#[path = "cli/output.rs"]
mod output;
#[path = "cli/rules.rs"]
mod rules;
use crate::support;
#[path = "cli/trace.rs"]
mod trace;

use support::Test;

/// Checks `text` against the golden file `tests/snapshots/cli__{name}.snap`, whose header
/// records the command line that printed it.
fn golden(name: &str, command: &str, text: &str) {
    insta::with_settings!({ description => command, omit_expression => true }, {
        insta::assert_snapshot!(name, text);
    });
}

/// The shipped plan in a format and language, checked against its golden file.
fn shipped_golden(name: &str, test: Test) {
    let out = test.run().plan();
    golden(
        name,
        &test
            .command_line()
            .replace(support::SHIPPED, "scenarios/lang-son-2020-09-01.toml"),
        &out.stdout,
    );
}

#[test]
fn the_shipped_plan_in_vietnamese_text_is_the_default() {
    shipped_golden("plan_text_vi", Test::shipped());
    assert_eq!(
        Test::shipped().run().stdout,
        Test::shipped().format("text").lang("vi").run().stdout,
        "text in Vietnamese is what `campaign plan` prints without flags"
    );
}

#[test]
fn the_shipped_plan_in_english_text() {
    shipped_golden("plan_text_en", Test::shipped().lang("en"));
}

#[test]
fn the_shipped_plan_in_markdown() {
    shipped_golden("plan_markdown_vi", Test::shipped().format("markdown"));
}

#[test]
fn the_shipped_plan_as_json() {
    shipped_golden("plan_json", Test::shipped().format("json"));
}

#[test]
fn every_format_and_language_prints_byte_for_byte_the_same_twice() {
    for format in ["text", "markdown", "json"] {
        for lang in ["vi", "en"] {
            let first = Test::shipped().format(format).lang(lang).run().plan();
            let second = Test::shipped().format(format).lang(lang).run().plan();
            assert!(
                first.stdout == second.stdout,
                "{format}, {lang}: two runs differ"
            );
        }
    }
    // And a what-if copy in another folder prints the same plan as the shipped scenario.
    let copy = support::WhatIf::shipped();
    assert_eq!(
        copy.test().format("json").run().plan().stdout,
        Test::shipped().format("json").run().stdout
    );
}

#[test]
fn the_json_plan_is_the_same_in_both_languages_when_nothing_needs_explaining() {
    assert_eq!(
        Test::shipped().format("json").run().plan().stdout,
        Test::shipped()
            .format("json")
            .lang("en")
            .run()
            .plan()
            .stdout,
        "--lang only changes the diagnosis text of the JSON"
    );
}
