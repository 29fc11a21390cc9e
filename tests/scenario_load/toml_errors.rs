//! Mistakes in the scenario's own keys: syntax, top level, `[target]`, `[response]`,
//! `[params]`, `rules`, `[[team_kind]]`. Positions are into `MINIMAL` (see support.rs).

use super::support::{Case, MINIMAL, assert_has, edit, error_of, rendered};

#[test]
fn a_toml_syntax_error_shows_where_and_what_to_write() {
    let (en, vi) = error_of(&edit("name = \"Test\"", "name = \"Test"));
    assert_has(
        &en,
        &[
            "scenario.toml:1:",
            "the scenario file is not valid TOML: a text opened with \" is not closed on the same line",
            "1 | name = \"Test",
            "^",
            "hint: add the closing \" at the end of the text: name = \"Test\";",
        ],
    );
    assert_has(
        &vi,
        &[
            "lỗi: ",
            "scenario.toml:1:",
            "tệp kịch bản không đúng cú pháp TOML: đoạn chữ mở bằng dấu \" nhưng chưa có dấu \" đóng",
            "gợi ý: thêm dấu \" ở cuối đoạn chữ: name = \"Test\";",
        ],
    );
}

/// A syntax error on a 5 MB line (a text never closed) quotes a short window of the line around
/// the spot, cut with `…`, with the caret under the spot: not the line, and not 5 MB of spaces
/// before the caret.
#[test]
fn a_syntax_error_on_a_huge_line_shows_a_short_window() {
    let long = "x".repeat(5_000_000);
    let (en, vi) = error_of(&edit("name = \"Test\"", &format!("name = \"{long}")));
    for text in [&en, &vi] {
        assert!(text.len() < 2_000, "{} bytes", text.len());
        let lines: Vec<&str> = text.lines().collect();
        // the header, the window, the caret line, the hint
        assert!(
            lines[0].contains("scenario.toml:1:5000009:"),
            "{}",
            lines[0]
        );
        assert!(lines[1].starts_with(" 1 | …xxx"), "{}", lines[1]);
        assert!(lines[1].chars().count() <= 130, "{}", lines[1]);
        // the spot is one past the line's end: the caret just after the last character shown
        assert_eq!(
            lines[2].chars().count(),
            lines[1].chars().count() + 1,
            "{}\n{}",
            lines[1],
            lines[2]
        );
        assert!(lines[2].ends_with('^'));
    }
    // the hint offers no copy of the long line to paste
    assert!(en.contains("hint: add the closing \" at the end of the text: name = \"Lạng Sơn"));
}

/// The window of a long line keeps the caret under its character when the spot is in the
/// middle, and says which side is cut.
#[test]
fn a_window_of_a_long_line_keeps_the_caret_under_the_spot() {
    let before = "a".repeat(3_000);
    let after = "b".repeat(3_000);
    let (en, _) = error_of(&edit(
        "horizon_days = 14",
        &format!("horizon_days = 14 # {before}\nx = [1 2] # {after}"),
    ));
    let lines: Vec<&str> = en.lines().collect();
    assert!(lines[1].starts_with(" 4 | x = [1 2] # bbb"), "{}", lines[1]);
    assert!(lines[1].ends_with('…'), "{}", lines[1]);
    let caret = lines[2].find('^').expect("a caret");
    assert_eq!(
        &lines[1][caret..caret + 1],
        "1",
        "{}\n{}",
        lines[1],
        lines[2]
    );
}

#[test]
fn a_key_written_twice_is_a_syntax_error_at_the_second() {
    let (en, _) = error_of(&edit(
        "horizon_days = 14",
        "horizon_days = 14\nhorizon_days = 7",
    ));
    assert_has(
        &en,
        &[
            "scenario.toml:4:1:",
            "not valid TOML: the key `horizon_days` is written twice in one table (first on line 3)",
            "hint: keep one line and delete the other",
        ],
    );
}

#[test]
fn a_missing_file_says_so() {
    let case = Case::new();
    let path = case.dir.path().join("nope.toml");
    let (en, vi) = rendered(campaign_planner::scenario::load(&path));
    assert_has(
        &en,
        &[
            "nope.toml",
            "the scenario file was not found",
            "check the path",
        ],
    );
    assert_has(&vi, &["không tìm thấy"]);
}

#[test]
fn an_unknown_top_level_key_suggests_the_closest() {
    let (en, vi) = error_of(&edit("horizon_days = 14", "horizon = 14"));
    assert_has(
        &en,
        &[
            "scenario.toml:3:1: unknown key `horizon`",
            "hint: did you mean `horizon_days`?",
        ],
    );
    assert_has(
        &vi,
        &[
            "scenario.toml:3:1: không biết khóa `horizon`",
            "có phải ý bạn là `horizon_days`?",
        ],
    );
}

#[test]
fn an_unknown_key_without_a_close_match_lists_the_allowed_keys() {
    let (en, _) = error_of(&format!("colour = \"blue\"\n{MINIMAL}"));
    assert_has(
        &en,
        &[
            "scenario.toml:1:1: unknown key `colour`",
            "the keys allowed here: `name`, `as_of`",
        ],
    );
}

#[test]
fn a_missing_required_key_says_which_and_how_to_write_it() {
    let (en, _) = error_of(&edit("horizon_days = 14\n", ""));
    assert_has(
        &en,
        &[
            "scenario.toml: missing key `horizon_days`",
            "hint: add a line such as: horizon_days = 14",
        ],
    );
    let (en, _) = error_of(&edit("name = \"Test\"\n", ""));
    assert_has(&en, &["missing key `name`"]);
}

#[test]
fn as_of_must_be_a_date_without_quotes() {
    let (en, _) = error_of(&edit("as_of = 2020-09-01", "as_of = \"2020-09-01\""));
    assert_has(
        &en,
        &[
            "scenario.toml:2:9: field `as_of`: expected a date, found a string",
            "without quotes",
        ],
    );
    let (en, _) = error_of(&edit("as_of = 2020-09-01", "as_of = 2020-09-01T08:00:00"));
    assert_has(
        &en,
        &["scenario.toml:2:9:", "expected a date without a time"],
    );
}

#[test]
fn the_horizon_is_at_least_one_day() {
    let (en, vi) = error_of(&edit("horizon_days = 14", "horizon_days = 0"));
    assert_has(
        &en,
        &["scenario.toml:3:16: field `horizon_days`: the horizon must be at least 1 day (it is 0)"],
    );
    assert_has(
        &vi,
        &["scenario.toml:3:16: mục `horizon_days`: số ngày của đợt phải từ 1 trở lên (đang là 0)"],
    );
    let (en, _) = error_of(&edit("horizon_days = 14", "horizon_days = 1.5"));
    assert_has(
        &en,
        &["scenario.toml:3:16:", "expected a whole number, not 1.5"],
    );
}

#[test]
fn an_unknown_objective_lists_the_three() {
    let (en, _) = error_of(&edit("\"max-installs\"", "\"max-install\""));
    assert_has(
        &en,
        &[
            "scenario.toml:4:13: field `objective`: unknown objective \"max-install\"; use one of: \"max-installs\", \"min-cost\", \"max-min-rate\"",
            "did you mean `max-installs`?",
        ],
    );
}

#[test]
fn a_missing_rule_path_is_named() {
    let toml = edit(
        "[\"rules/communication.rhai\"]",
        "[\"rules/communication.rhai\", \"rules/missing.rhai\"]",
    );
    let (en, vi) = error_of(&toml);
    assert_has(
        &en,
        &[
            "scenario.toml:5:38: field `rules`: rule file or folder",
            "missing.rhai not found",
            "relative to the scenario's folder",
        ],
    );
    assert_has(&vi, &["không tìm thấy tệp hoặc thư mục quy tắc"]);
}

#[test]
fn rules_must_be_a_list() {
    let (en, _) = error_of(&edit("[\"rules/communication.rhai\"]", "\"rules\""));
    assert_has(
        &en,
        &[
            "scenario.toml:5:9: field `rules`: expected a list [...], found a string",
            "rules = [\"../rules\"]",
        ],
    );
}

#[test]
fn a_rule_folder_without_rhai_files_is_an_error() {
    let case = Case::new();
    case.write("empty/readme.txt", "");
    let (en, _) = rendered(case.load(&edit("[\"rules/communication.rhai\"]", "[\"empty\"]")));
    assert_has(&en, &["scenario.toml:5:10:", "has no .rhai files"]);
}

#[test]
fn a_negative_budget_is_an_error() {
    let (en, _) = error_of(&format!("budget = -5\n{MINIMAL}"));
    assert_has(
        &en,
        &["scenario.toml:1:10: field `budget`: this number must not be negative (it is -5)"],
    );
}

#[test]
fn a_missing_base_is_an_error_at_the_base_line() {
    // Overlays are read now (tests/overlay.rs); a base that is not there points at `base =`.
    let (en, vi) = error_of(&format!("base = \"other.toml\"\n{MINIMAL}"));
    assert_has(
        &en,
        &[
            "scenario.toml:1:8: field `base`: the base scenario ",
            "other.toml was not found",
            " 1 | base = \"other.toml\"",
            "hint: `base` is relative to the folder of this file",
        ],
    );
    assert_has(&vi, &["không tìm thấy kịch bản gốc"]);
}

#[test]
fn the_target_table_is_required() {
    let (en, _) = error_of(&edit("[target]\nprovincial_rate = 0.40\n", ""));
    assert_has(
        &en,
        &["the [target] table is missing", "provincial_rate = 0.40"],
    );
    let (en, _) = error_of(&edit("provincial_rate = 0.40", ""));
    assert_has(
        &en,
        &["scenario.toml:7:1: missing key `provincial_rate` in [target]"],
    );
}

#[test]
fn the_provincial_rate_is_a_share_above_zero() {
    let (en, _) = error_of(&edit("provincial_rate = 0.40", "provincial_rate = 0"));
    assert_has(
        &en,
        &[
            "scenario.toml:8:19: field `target.provincial_rate`: the share must be more than 0 and at most 1 (it is 0)",
        ],
    );
    let (en, vi) = error_of(&edit("provincial_rate = 0.40", "provincial_rate = 40"));
    assert_has(
        &en,
        &[
            "(it is 40)",
            "hint: a share is written as a decimal from 0 to 1 (30% is 0.3), at most 1 (100%): if you meant 40%, write 0.4",
        ],
    );
    assert_has(&vi, &["tỷ lệ phải lớn hơn 0 và không quá 1 (đang là 40)"]);
}

#[test]
fn the_district_floor_is_between_zero_and_one() {
    let (en, _) = error_of(&edit(
        "provincial_rate = 0.40",
        "provincial_rate = 0.40\ndistrict_floor = 1.2",
    ));
    assert_has(
        &en,
        &[
            "scenario.toml:9:18: field `target.district_floor`: the share must be between 0 and 1 (it is 1.2)",
        ],
    );
}

#[test]
fn an_unknown_key_in_target_suggests_the_closest() {
    let (en, _) = error_of(&edit("provincial_rate = 0.40", "provincial_rte = 0.40"));
    assert_has(
        &en,
        &[
            "scenario.toml:8:1: unknown key `provincial_rte` in [target]",
            "did you mean `provincial_rate`?",
        ],
    );
}

#[test]
fn the_reachable_share_is_above_zero_and_its_table_is_checked() {
    let (en, _) = error_of(&edit(
        "[[team_kind]]",
        "[response]\nreachable_share = 0\n\n[[team_kind]]",
    ));
    assert_has(
        &en,
        &["scenario.toml:11:19: field `response.reachable_share`: the share must be more than 0"],
    );
    let (en, _) = error_of(&edit(
        "[[team_kind]]",
        "[response]\nreachable = 0.5\n\n[[team_kind]]",
    ));
    assert_has(
        &en,
        &[
            "scenario.toml:11:1: unknown key `reachable` in [response]",
            "did you mean `reachable_share`?",
        ],
    );
}

#[test]
fn params_hold_numbers_strings_booleans_and_lists_only() {
    let (en, vi) = error_of(&edit(
        "[[team_kind]]",
        "[params]\nwhen = 2020-09-01\n\n[[team_kind]]",
    ));
    assert_has(
        &en,
        &[
            "scenario.toml:11:8: field `params.when`: expected a number, a string, true/false or a list of them, found a date or time",
            "hint: for example: threshold = 0.3, kind = \"volunteer\", strict = true, districts = [\"Đình Lập\", \"Bình Gia\"]",
        ],
    );
    assert_has(
        &vi,
        &[
            "cần một số, một chuỗi chữ, true/false hoặc một danh sách các giá trị đó, nhưng ở đây là một ngày giờ",
        ],
    );
}

#[test]
fn a_list_in_params_cannot_hold_a_list() {
    let (en, vi) = error_of(&edit(
        "[[team_kind]]",
        "[params]\nbands = [[0.1, 0.2], [0.3]]\n\n[[team_kind]]",
    ));
    assert_has(
        &en,
        &[
            "scenario.toml:11:10: field `params.bands`: a list in [params] cannot hold another list",
            "hint: write the values in one flat list, e.g. [0.1, 0.2], or split it into several parameters",
        ],
    );
    assert_has(
        &vi,
        &[
            "danh sách trong [params] không được chứa danh sách khác",
            "ghi các giá trị liền nhau trong một danh sách",
        ],
    );
}

#[test]
fn a_list_in_params_holds_one_type() {
    // The quoted "0.2" is the mistake this catches: a number written as text.
    let (en, vi) = error_of(&edit(
        "[[team_kind]]",
        "[params]\nshares = [0.1, \"0.2\"]\n\n[[team_kind]]",
    ));
    assert_has(
        &en,
        &[
            "scenario.toml:11:16: field `params.shares`: every item of a list must be of one type: the first is a number, item 2 is a string",
            "hint: write numbers without quotes and texts in double quotes",
        ],
    );
    assert_has(
        &vi,
        &[
            "mọi giá trị trong một danh sách phải cùng loại: giá trị đầu là một số, giá trị thứ 2 là một chuỗi chữ",
        ],
    );
}

#[test]
fn a_table_in_a_params_list_is_refused() {
    let (en, _) = error_of(&edit(
        "[[team_kind]]",
        "[params]\nitems = [{ a = 1 }]\n\n[[team_kind]]",
    ));
    assert_has(
        &en,
        &[
            "scenario.toml:11:10: field `params.items`: expected a number, a string or true/false in the list, found a table",
        ],
    );
}

#[test]
fn an_unknown_team_kind_key_suggests_the_closest() {
    let (en, _) = error_of(&edit(
        "installs_per_team_day = 15",
        "instals_per_team_day = 15",
    ));
    assert_has(
        &en,
        &[
            "scenario.toml:13:1: unknown key `instals_per_team_day` in [[team_kind]]",
            "did you mean `installs_per_team_day`?",
        ],
    );
}

#[test]
fn team_kind_names_are_unique() {
    let (en, _) = error_of(&edit("name = \"volunteer\"", "name = \"commune\""));
    assert_has(
        &en,
        &[
            "scenario.toml:16:8: field `team_kind.name`: team kind `commune` is defined twice (first at line 11)",
        ],
    );
}

#[test]
fn a_team_kind_scope_is_local_or_provincial() {
    let (en, _) = error_of(&edit("scope = \"local\"", "scope = \"locale\""));
    assert_has(
        &en,
        &[
            "scenario.toml:12:9: field `team_kind.scope`: team kind `commune`: scope \"locale\" is not valid; use \"local\" or \"provincial\"",
            "did you mean `local`?",
        ],
    );
}

#[test]
fn a_local_team_kind_has_no_available() {
    let (en, _) = error_of(&edit(
        "scope = \"local\"",
        "scope = \"local\"\navailable = 3",
    ));
    assert_has(
        &en,
        &[
            "scenario.toml:13:13: field `team_kind.available`: team kind `commune`: a local team kind has no `available`",
            "teams = { commune = 8 }",
        ],
    );
}

#[test]
fn a_provincial_team_kind_needs_available() {
    let (en, _) = error_of(&edit("available = 30\n", ""));
    assert_has(
        &en,
        &[
            "scenario.toml:15:1: team kind `volunteer`: missing key `available` in [[team_kind]]",
            "available = 30",
        ],
    );
    let (en, _) = error_of(&edit("available = 30", "available = -1"));
    assert_has(&en, &["scenario.toml:18:13:", "must be between 0 and"]);
}

#[test]
fn installs_per_team_day_is_above_zero_and_costs_not_negative() {
    let (en, _) = error_of(&edit(
        "installs_per_team_day = 15",
        "installs_per_team_day = 0",
    ));
    assert_has(
        &en,
        &[
            "scenario.toml:13:25: field `team_kind.installs_per_team_day`: team kind `commune`: installs per team-day must be more than 0 (it is 0)",
        ],
    );
    let (en, _) = error_of(&edit(
        "cost_per_team_day = 300_000",
        "cost_per_team_day = -300_000",
    ));
    assert_has(
        &en,
        &[
            "scenario.toml:20:21:",
            "the cost per team-day must not be negative (it is -300_000)",
        ],
    );
}

#[test]
fn a_scenario_needs_a_team_kind() {
    let start = MINIMAL.find("[[team_kind]]").unwrap();
    let end = MINIMAL.find("[[district]]").unwrap();
    let toml = format!("{}{}", &MINIMAL[..start], &MINIMAL[end..]);
    let (en, _) = error_of(&toml);
    assert_has(
        &en,
        &[
            "the scenario defines no team kind ([[team_kind]])",
            "scope = \"local\"",
        ],
    );
}

#[test]
fn team_kinds_need_double_brackets() {
    let start = MINIMAL.find("[[team_kind]]").unwrap();
    let end = MINIMAL.find("[[district]]").unwrap();
    let toml = format!(
        "{}[team_kind]\nname = \"x\"\n\n{}",
        &MINIMAL[..start],
        &MINIMAL[end..]
    );
    let (en, _) = error_of(&toml);
    assert_has(
        &en,
        &[
            "scenario.toml:10:1: field `team_kind`: expected a list [...], found a table",
            "[[team_kind]] header (double square brackets)",
        ],
    );
}
