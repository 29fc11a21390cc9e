//! Rule tests (`campaign rules test`, docs/rule-tests.md): a test file `rules/tests/t.toml` of
//! the door-to-door rule in the case's copy, with one mistake. Its report is on stdout; a
//! mistake in the file is an error on stderr.

use super::{Case, check};

/// The test file's head (lines 1-2).
const HEAD: &str =
    "scenario = \"../../scenarios/lang-son-2020-09-01.toml\"\nrules = [\"../door-to-door.rhai\"]\n";

/// One case (lines 4-10): Hữu Lũng (below the threshold) with 24 commune and 7 volunteer teams.
const CASE: &str = "\n[[case]]\nname = \"Hữu Lũng\"\ndistrict = \"Hữu Lũng\"\nplan = { commune = 24, volunteer = 7 }\n\n[case.expect]\nmin_teams = { commune = 24, volunteer = 1 }\n";

/// `campaign rules test rules/tests/t.toml`, which holds `text`.
fn test_file(name: &str, text: &str) -> Case {
    Case::new(name, &["rules", "test", "{dir}/rules/tests/t.toml"])
        .file("rules/tests/t.toml", text)
        .report_on_stdout()
}

/// [`test_file`] of [`HEAD`] and [`CASE`], the one `from` in them replaced by `to`.
fn edited(name: &str, from: &str, to: &str) -> Case {
    test_file(name, &format!("{HEAD}{CASE}")).edit("rules/tests/t.toml", from, to)
}

/// The expectation (line 10) replaced by `to`.
fn expecting(name: &str, to: &str) -> Case {
    edited(name, "min_teams = { commune = 24, volunteer = 1 }", to)
}

fn cases() -> Vec<Case> {
    const AT: &str = "rules/tests/t.toml";
    let relative = (
        "đường dẫn tính từ thư mục chứa tệp kiểm thử",
        "paths are relative to the test file's folder",
    );
    vec![
        // ---- a case that fails ----
        expecting("rule test: a minimum the rule does not set", "min_teams = { commune = 24, volunteer = 2 }")
            .place("✗ Hữu Lũng (", "✗ Hữu Lũng (")
            .place("t.toml:4)\n      min_teams (dòng 10)", "t.toml:4)\n      min_teams (line 10)")
            .says("mong đợi: { commune = 24, volunteer = 2 }\n        thực tế:  { commune = 24, volunteer = 1 }", "expected: { commune = 24, volunteer = 2 }\n        actual:   { commune = 24, volunteer = 1 }"),
        expecting("rule test: a directive's text the rule does not write", "directives = [ { rule = \"door-to-door\", action_contains = \"từng nhà, từng người\" } ]")
            .place("directives[1].action_contains (dòng 10)", "directives[1].action_contains (line 10)")
            .says("mong đợi: có chứa \"từng nhà, từng người\"", "expected: contains \"từng nhà, từng người\""),
        expecting("rule test: an error expected, none came", "error_contains = \"không có\"")
            .place("error_contains (dòng 10)", "error_contains (line 10)")
            .says("thực tế:  quy tắc chạy hết, không có lỗi", "actual:   the rules ran to the end without an error"),
        // issue 13, item 10: a case's name is printed on stdout; an escape, a carriage return
        // or a direction mark in it would act on the terminal
        edited(
            "rule test: control characters in a failing case's name",
            "name = \"Hữu Lũng\"",
            "name = \"Hữu\\u001b[31m Lũng\\r\\u202e\"",
        )
        .edit("rules/tests/t.toml", "volunteer = 1 }", "volunteer = 2 }")
        .place("✗ Hữu\\u{1b}[31m Lũng\\u{d}\\u{202e} (", "✗ Hữu\\u{1b}[31m Lũng\\u{d}\\u{202e} (")
        .says("mong đợi: { commune = 24, volunteer = 2 }", "expected: { commune = 24, volunteer = 2 }"),
        // trial 13f J1: a test file, or a rule it names, that is a link looping back on itself
        Case::new("rule test: the test file is a link that loops", &["rules", "test", "{dir}/rules/tests/loop1.toml"])
            .setup(|dir| {
                std::fs::create_dir_all(dir.join("rules/tests")).unwrap();
                std::os::unix::fs::symlink("loop2.toml", dir.join("rules/tests/loop1.toml")).unwrap();
                std::os::unix::fs::symlink("loop1.toml", dir.join("rules/tests/loop2.toml")).unwrap();
            })
            .at("rules/tests/loop1.toml: ")
            .place("vòng lại chính nó", "loops back on itself")
            .hint("xóa liên kết này, hoặc tạo lại nó trỏ tới tệp thật", "delete the link, or make it again pointing at the real file"),
        edited("rule test: a rule that is a link that loops", "rules = [\"../door-to-door.rhai\"]", "rules = [\"../loop1.rhai\"]")
            .setup(|dir| {
                std::os::unix::fs::symlink("loop2.rhai", dir.join("rules/loop1.rhai")).unwrap();
                std::os::unix::fs::symlink("loop1.rhai", dir.join("rules/loop2.rhai")).unwrap();
            })
            .at(&format!("{AT}:2:10"))
            .place("vòng lại chính nó", "loops back on itself")
            .hint("xóa liên kết này, hoặc tạo lại nó trỏ tới tệp thật", "delete the link, or make it again pointing at the real file"),
        // ---- a mistake in the test file ----
        // trial 13g K8: a case's district is found as every other input finds it; a name two
        // units share without the unit word is refused with both
        edited("rule test: a district name two units share", "district = \"Hữu Lũng\"", "district = \"Kỳ Anh\"")
            .edit(super::SCENARIO, "name = \"Hữu Lũng\"", "name = \"Huyện Kỳ Anh\"")
            .edit(super::SCENARIO, "name = \"Cao Lộc\"", "name = \"Thị xã Kỳ Anh\"")
            .at(&format!("{AT}:6:12"))
            .place("\"Kỳ Anh\" là tên của 2 huyện của kịch bản: \"Huyện Kỳ Anh\", \"Thị xã Kỳ Anh\"", "\"Kỳ Anh\" is the name of 2 of the scenario's districts: \"Huyện Kỳ Anh\", \"Thị xã Kỳ Anh\"")
            .hint("ghi đầy đủ tên, cả loại đơn vị, ví dụ district = \"Huyện Kỳ Anh\"", "write the full name, unit word and all, e.g. district = \"Huyện Kỳ Anh\""),
        test_file("rule test: no scenario", &format!("rules = [\"../door-to-door.rhai\"]\n{CASE}"))
            .at(&format!("{AT}: "))
            .place("thiếu khóa `scenario`", "missing key `scenario`")
            .hint("thêm một dòng như: scenario = ", "add a line such as: scenario = "),
        edited("rule test: a scenario that is not there", "lang-son-2020-09-01.toml", "lang-son-2020-09-02.toml")
            .at(&format!("{AT}:1:12"))
            .place("mục `scenario`", "field `scenario`")
            .hint(relative.0, relative.1),
        // trial U13: a `scenario =` that names no scenario is said at its line, as what it is
        edited("rule test: scenario names the test file itself", "../../scenarios/lang-son-2020-09-01.toml", "t.toml")
            .at(&format!("{AT}:1:12"))
            .place("ghi chính tệp kiểm thử này", "names this test file itself")
            .hint("ghi đường dẫn tới tệp kịch bản, tính từ thư mục chứa tệp kiểm thử", "write the path of the scenario file, relative to the test file's folder"),
        edited("rule test: scenario names another rule test file", "../../scenarios/lang-son-2020-09-01.toml", "other.toml")
            .file("rules/tests/other.toml", &format!("{HEAD}{CASE}").replace("lang-son-2020-09-01", "what-if-equity"))
            .at(&format!("{AT}:1:12"))
            .place("một tệp kiểm thử quy tắc khác, không phải tệp kịch bản", "another rule test file, not a scenario file")
            .hint("để dùng cùng kịch bản, ghi scenario = \"../../scenarios/what-if-equity.toml\"", "to use the same one, write scenario = \"../../scenarios/what-if-equity.toml\""),
        edited("rule test: scenario names a rule file", "../../scenarios/lang-son-2020-09-01.toml", "../door-to-door.rhai")
            .at(&format!("{AT}:1:12"))
            .place("một tệp quy tắc (.rhai), không phải tệp kịch bản", "a rule file (.rhai), not a scenario file")
            .hint("quy tắc cần thử ghi ở rules = [\"../door-to-door.rhai\"]", "the rules to test go in rules = [\"../door-to-door.rhai\"]"),
        edited("rule test: a rule that is not there", "door-to-door.rhai", "door-to-dor.rhai")
            .at(&format!("{AT}:2:10"))
            .place("mục `rules`", "field `rules`")
            .hint(relative.0, relative.1),
        edited("rule test: no rules", "[\"../door-to-door.rhai\"]", "[]")
            .at(&format!("{AT}:2:9"))
            .place("danh sách quy tắc đang để trống", "the rule list is empty")
            .hint("hoặc xóa dòng này để dùng các quy tắc của kịch bản", "or remove this line to use the scenario's rules"),
        // trial N7: a test file with old Mac line ends (CR alone) or Windows ones (CR LF) is
        // read line by line like any other: the mistake is on line 6, column 12, as an editor
        // shows it
        test_file("rule test: CR-only line ends, a district the scenario does not have", &format!("{HEAD}{CASE}").replace("district = \"Hữu Lũng\"", "district = \"Huu Lung\"").replace('\n', "\r"))
            .at(&format!("{AT}:6:12"))
            .place("kịch bản không có huyện \"Huu Lung\"", "the scenario has no district \"Huu Lung\"")
            .hint("có phải ý bạn là `Hữu Lũng`?", "did you mean `Hữu Lũng`?"),
        test_file("rule test: CR LF line ends, a misspelt expectation", &format!("{HEAD}{CASE}").replace("min_teams =", "min_team =").replace('\n', "\r\n"))
            .at(&format!("{AT}:10:1"))
            .place("không biết khóa `min_team` trong [case.expect]", "unknown key `min_team` in [case.expect]")
            .hint("có phải ý bạn là `min_teams`?", "did you mean `min_teams`?"),
        test_file("rule test: no case", HEAD)
            .at(&format!("{AT}: "))
            .place("tệp kiểm thử chưa có trường hợp nào", "the test file has no cases")
            .hint("mỗi trường hợp bắt đầu bằng [[case]]", "each case starts with [[case]]"),
        test_file("rule test: two cases of one name", &format!("{HEAD}{CASE}{CASE}"))
            .at(&format!("{AT}:12:1"))
            .place("(lần đầu ở dòng 4)", "(first at line 4)")
            .hint("mỗi trường hợp cần một tên riêng", "give each case its own name"),
        edited("rule test: an empty case name", "name = \"Hữu Lũng\"", "name = \"\"")
            .at(&format!("{AT}:5:8"))
            .place("tên trường hợp đang để trống", "the case's name is empty")
            .hint("đặt một tên nói rõ trường hợp thử điều gì", "give it a name that says what the case tests"),
        test_file("rule test: a misspelt parameter", &format!("{HEAD}\n[params]\ndoor_to_door_treshold = 0.3\n{CASE}"))
            .at(&format!("{AT}:5:1"))
            .place("`door_to_door_treshold`", "`door_to_door_treshold`")
            .hint("có phải ý bạn là `door_to_door_threshold`?", "did you mean `door_to_door_threshold`?"),
        edited("rule test: a district the scenario does not have", "district = \"Hữu Lũng\"", "district = \"Huu Lung\"")
            .at(&format!("{AT}:6:12"))
            .place("kịch bản không có huyện \"Huu Lung\"", "the scenario has no district \"Huu Lung\"")
            .hint("có phải ý bạn là `Hữu Lũng`?", "did you mean `Hữu Lũng`?"),
        edited("rule test: a district of its own, installed above smartphones", "district = \"Hữu Lũng\"", "district = { name = \"Xã thử\", installed = 5, smartphones = 1 }")
            .at(&format!("{AT}:6:"))
            .place("huyện \"Xã thử\", mục `installed`", "district \"Xã thử\", field `installed`")
            .hint("đối chiếu hai số này với số liệu gốc", "check both numbers against the source"),
        edited("rule test: more teams than the province has", "volunteer = 7", "volunteer = 70")
            .at(&format!("{AT}:7:36"))
            .place("mục `plan.volunteer`", "field `plan.volunteer`")
            .says("tỉnh chỉ có 30 đội `volunteer`", "the province has only 30 `volunteer` teams"),
        edited("rule test: a fractional number of teams", "volunteer = 7", "volunteer = 7.5")
            .at(&format!("{AT}:7:36"))
            .place("mục `plan.volunteer`", "field `plan.volunteer`")
            .says("cần một số nguyên, không phải 7.5", "expected a whole number, not 7.5"),
        expecting("rule test: a case that expects nothing", "")
            .at(&format!("{AT}:9:1"))
            .place("trường hợp \"Hữu Lũng\" không kiểm tra điều gì", "the case \"Hữu Lũng\" expects nothing")
            .hint("thêm bảng [case.expect] với ít nhất một khóa", "add a [case.expect] table with at least one key"),
        expecting("rule test: a misspelt expectation", "min_team = { commune = 24 }")
            .at(&format!("{AT}:10:1"))
            .place("không biết khóa `min_team` trong [case.expect]", "unknown key `min_team` in [case.expect]")
            .hint("có phải ý bạn là `min_teams`?", "did you mean `min_teams`?"),
        expecting("rule test: a misspelt team kind", "min_teams = { comune = 24 }")
            .at(&format!("{AT}:10:15"))
            .place("không có loại đội `comune`", "unknown team kind `comune`")
            .hint("có phải ý bạn là `commune`?", "did you mean `commune`?"),
        expecting("rule test: a misspelt group", "mandates = { quarantin = 0.95 }")
            .at(&format!("{AT}:10:14"))
            .place("không huyện nào có nhóm `quarantin`", "no district has a cohort `quarantin`")
            .hint("có phải ý bạn là `quarantine`?", "did you mean `quarantine`?"),
        expecting("rule test: fractional installs", "mandated_installs = 1.5")
            .at(&format!("{AT}:10:21"))
            .place("mục `mandated_installs`", "field `mandated_installs`")
            .hint("số lượt cài được so sánh sau khi làm tròn, như khi in ra: ghi số nguyên", "installs are compared rounded, as printed: write a whole number"),
        expecting("rule test: negative installs", "fixed_installs = -1")
            .at(&format!("{AT}:10:18"))
            .place("mục `fixed_installs`", "field `fixed_installs`")
            .says("số lượt cài không được âm", "a number of installs must not be negative"),
        expecting("rule test: directives as a number", "directives = 3")
            .at(&format!("{AT}:10:14"))
            .place("mục `directives`", "field `directives`")
            .hint("ghi danh sách các chỉ đạo, ví dụ", "write a list of directives, e.g."),
        expecting("rule test: an empty error_contains", "error_contains = \"\"")
            .at(&format!("{AT}:10:18"))
            .place("`error_contains` đang để trống", "`error_contains` is empty")
            .hint("ghi một đoạn chữ của thông báo lỗi cần có", "write a piece of the error message you expect"),
        expecting("rule test: error_contains and another check", "error_contains = \"x\"\nmin_teams = { commune = 24 }")
            .at(&format!("{AT}:11:1"))
            .place("không kiểm tra `min_teams` được", "so `min_teams` cannot be checked too")
            .hint("tách thành hai trường hợp", "split it into two cases"),
        // issue 13, F19: a `"""` never closed is said where it opens, not at the end of the file
        edited("rule test: a multi-line text never closed", "name = \"Hữu Lũng\"", "name = \"\"\"Hữu Lũng")
            .at(&format!("{AT}:5:8"))
            .place("đoạn chữ nhiều dòng mở bằng `\"\"\"` ở đây nhưng không bao giờ đóng", "a multi-line text opened with `\"\"\"` here is never closed")
            .hint("thêm `\"\"\"` ở cuối đoạn chữ", "add `\"\"\"` at the end of the text"),
        // issue 13, F14: a huge number of teams says the range allowed and the field
        edited("rule test: a huge number of teams", "volunteer = 7", "volunteer = 99999999999")
            .at(&format!("{AT}:7:36"))
            .place("mục `plan.volunteer`", "field `plan.volunteer`")
            .says("số tổ, đội phải là số nguyên từ 0 đến 100.000, không phải 99.999.999.999", "a number of teams must be a whole number from 0 to 100,000, not 99,999,999,999")
            .hint("kiểm tra có gõ thừa chữ số", "check for an extra digit"),
        expecting("rule test: a huge minimum of teams", "min_teams = { commune = 99999999999 }")
            .at(&format!("{AT}:10:25"))
            .place("mục `min_teams.commune`", "field `min_teams.commune`")
            .says("từ 0 đến 100.000, không phải 99.999.999.999", "from 0 to 100,000, not 99,999,999,999")
            .hint("kiểm tra có gõ thừa chữ số", "check for an extra digit"),
        // issue 13, F12: a pipe or a device named as a rule is refused at once, as what it is
        edited("rule test: a pipe as a rule file", "../door-to-door.rhai", "pipe.rhai")
            .setup(|dir| fifo(&dir.join("rules/tests/pipe.rhai")))
            .at(&format!("{AT}:2:10"))
            .place("mục `rules`: tệp quy tắc", "field `rules`: the rule file")
            .place("là một ống dẫn (FIFO), không phải tệp thông thường", "is a named pipe (FIFO), not a regular file")
            .hint("ghi đường dẫn tới một tệp lưu trên đĩa", "name a file saved on disk"),
        edited("rule test: /dev/zero as a rule file", "../door-to-door.rhai", "/dev/zero")
            .at(&format!("{AT}:2:10"))
            .place("mục `rules`: tệp quy tắc /dev/zero là một thiết bị", "field `rules`: the rule file /dev/zero is a device")
            .hint("ghi đường dẫn tới một tệp lưu trên đĩa", "name a file saved on disk"),
        edited("rule test: a pipe as the scenario", "../../scenarios/lang-son-2020-09-01.toml", "pipe.toml")
            .setup(|dir| fifo(&dir.join("rules/tests/pipe.toml")))
            .at(&format!("{AT}:1:12"))
            .place("mục `scenario`: tệp kịch bản", "field `scenario`: the scenario file")
            .place("là một ống dẫn (FIFO), không phải tệp thông thường", "is a named pipe (FIFO), not a regular file")
            .hint("ghi đường dẫn tới một tệp lưu trên đĩa", "name a file saved on disk"),
        edited("rule test: /dev/zero as the scenario", "../../scenarios/lang-son-2020-09-01.toml", "/dev/zero")
            .at(&format!("{AT}:1:12"))
            .place("mục `scenario`: tệp kịch bản /dev/zero là một thiết bị", "field `scenario`: the scenario file /dev/zero is a device")
            .hint("ghi đường dẫn tới một tệp lưu trên đĩa", "name a file saved on disk"),
        Case::new("rule test: a test file that is not there", &["rules", "test", "{dir}/rules/tests/nope.toml"])
            .place("nope.toml", "nope.toml")
            .hint("kiểm tra đường dẫn", "check the path"),
        // issue 13, F18/F13: a Cyrillic `о` in the expected rule's name failed the case with
        // "expected "dоor-to-door", actual "door-to-door"", the two the same on screen
        expecting("rule test: a Cyrillic letter in an expected rule's name", "directives = [ { rule = \"dоor-to-door\" } ]")
            .at(&format!("{AT}:10:25"))
            .place(
                "tên quy tắc \"dоor-to-door\" trông như tên một quy tắc nhưng không quy tắc nào có tên này: chữ `о` (U+043E, ký tự thứ 2) là chữ Kirin",
                "the rule name \"dоor-to-door\" reads as a rule's name but no rule has it: the letter `о` (U+043E, character 2) is a Cyrillic letter",
            )
            .hint(
                "gõ lại tên bằng bàn phím tiếng Việt hoặc tiếng Anh: rule = \"door-to-door\"",
                "type the name again on a Vietnamese or English keyboard: rule = \"door-to-door\"",
            ),
        expecting("rule test: an invisible character in an expected rule's name", "directives = [ { rule = \"door\u{200b}-to-door\" } ]")
            .at(&format!("{AT}:10:25"))
            .place(
                "ký tự thứ 5 là một dấu cách rộng 0 (U+200B)",
                "character 5 is a zero-width space (U+200B)",
            )
            .hint(
                "gõ lại tên bằng bàn phím tiếng Việt hoặc tiếng Anh",
                "type the name again on a Vietnamese or English keyboard",
            ),
        // trial13d G17: "the test file is not valid TOML: key with no value"
        Case::new("rule test: a rule file given as the test", &["rules", "test", "{dir}/rules/door-to-door.rhai"])
            .report_on_stdout()
            .at("rules/door-to-door.rhai: ")
            .place("đây là một tệp quy tắc (.rhai), không phải tệp kiểm thử quy tắc", "this is a rule file (.rhai), not a rule test file")
            .hint("để kiểm tra chính quy tắc này: `campaign rules check ", "to check this rule itself: `campaign rules check "),
    ]
}

/// A named pipe at `path`: opening it to read would wait for a writer for ever.
fn fifo(path: &std::path::Path) {
    let c = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path; mkfifo only creates the pipe
    let made = unsafe { libc::mkfifo(c.as_ptr(), 0o644) };
    assert_eq!(made, 0, "mkfifo {}", path.display());
}

#[test]
fn rule_tests() {
    check(cases());
}
