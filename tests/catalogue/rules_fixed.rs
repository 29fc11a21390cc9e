//! Rule files, rule tests and `[params]` values that rules read: the entries of
//! `known_bad.md` fixed on the rules side (A14, A16-A19, B21-B28, C1, C2, C4-C6, C12, F3),
//! each with the place the user wrote and what to do, in both languages. (A file of its own,
//! beside `rules.rs` and `rule_tests.rs`, so that it merges apart from the other fixes.)

use super::rules::{COMMUNICATION, DOOR, UNINSTALLED, before_solve as before_line_18, rule};
use super::{Case, check};

/// [`rule`]: line 18 of `communication.rhai` replaced by `line`.
fn instead_of_line_18(name: &str, line: &str) -> Case {
    rule(name, COMMUNICATION, UNINSTALLED, line)
}

/// The scenario with the library rules (remote-districts among them).
const EXTENDED: &str = "scenarios/lang-son-2020-09-01-extended-rules.toml";

/// `campaign plan` of [`EXTENDED`].
pub(super) fn extended(name: &str) -> Case {
    Case::new(
        name,
        &[
            "plan",
            "{dir}/scenarios/lang-son-2020-09-01-extended-rules.toml",
        ],
    )
    .copy(EXTENDED)
    .copy("rules/library/schools.rhai")
    .copy("rules/library/remote-districts.rhai")
    .copy("rules/library/priority-floor.rhai")
    .copy("rules/library/no-provincial-above-target.rhai")
}

fn cases() -> Vec<Case> {
    let summary = (
        "quy tắc có 1 lỗi nên chưa lập kế hoạch",
        "the rules have 1 problem, so no plan was made",
    );
    let city = (
        "huyện \"Thành phố Lạng Sơn\": quy tắc `communication`",
        "district \"Thành phố Lạng Sơn\": rule `communication`",
    );
    // 1,100 variables, one a line, before line 18: the 1,000th is too many
    let variables: String = (0..1_100)
        .map(|i| format!("let v{i} = {i};\n    "))
        .collect();
    vec![
        // ---- A: English under Vietnamese ----
        Case::new("rule test: a text never closed (the parser's words)", &["rules", "test", "{dir}/rules/tests/t.toml"])
            .file(
                "rules/tests/t.toml",
                "scenario = \"../../scenarios/lang-son-2020-09-01.toml\"\nrules = [\"../door-to-door.rhai\"]\n\n[[case]]\nname = \"Hữu Lũng\ndistrict = \"Hữu Lũng\"\n\n[case.expect]\nmin_teams = { commune = 24, volunteer = 1 }\n",
            )
            .report_on_stdout()
            .at("rules/tests/t.toml:5:17")
            .place("đoạn chữ chưa đóng dấu ngoặc kép", "invalid basic string")
            .hint("thêm `\"` ở cuối đoạn chữ, trên cùng dòng", "add the `\"` at the end of the text, on the same line"),
        instead_of_line_18("rule: a division by zero", "let uninstalled = district.smartphones / 0;")
            .at("rules/communication.rhai:18:44")
            .place("chia cho 0: số chia (bên phải dấu `/`) bằng 0", "division by zero: the divisor (right of `/`) is 0")
            .place(city.0, city.1)
            .hint("kiểm tra số chia trước khi chia, ví dụ `if n > 0 {", "check the divisor before dividing, e.g. `if n > 0 {"),
        before_line_18("rule: a whole number too large", "let x = 9223372036854775807 + district.installed;")
            .at("rules/communication.rhai:18:")
            .place("kết quả phép tính quá lớn", "the result is too large")
            .hint("tính bằng số thập phân: `x.to_float()`", "compute very large numbers as decimals: `x.to_float()`"),
        before_line_18("rule: a text that is no number given to parse_float", "let x = parse_float(\"0,35\");")
            .at("rules/communication.rhai:18:")
            .place("đoạn chữ \"0,35\" không đọc được thành số", "the text \"0,35\" cannot be read as a number")
            .hint("với dấu chấm thập phân, ví dụ \"0.35\"", "with a decimal point, e.g. \"0.35\""),
        before_line_18("rule: too many variables", &variables)
            .at("rules/communication.rhai:1016:")
            .place("quá nhiều biến cùng lúc (tối đa 1.000)", "too many variables at once (at most 1,000)")
            .hint("dùng một danh sách `[...]` hoặc một bảng `#{ ... }`", "use a list `[...]` or a map `#{ ... }`"),
        before_line_18("rule: a district read like a map", "let x = district[\"rate\"];")
            .at("rules/communication.rhai:18:21")
            .place("không đọc được số liệu của huyện bằng `[...]`", "a district's figures cannot be read with `[...]`")
            .hint("đọc số liệu của huyện bằng dấu chấm: `district.rate`", "read a district's figures with a dot: `district.rate`"),
        before_line_18("rule: a number read like a list", "let x = scenario.param(\"door_to_door_threshold\")[0];")
            .at("rules/communication.rhai:18:53")
            .place("không lấy được phần tử `[...]` của một số", "cannot take an item `[...]` of a number")
            .hint(
                "`door_to_door_threshold` trong [params] của kịch bản là một số, không phải danh sách: bỏ `[...]`",
                "`door_to_door_threshold` in the scenario's [params] is a number, not a list: remove the `[...]`",
            ),
        // ---- B: no hint ----
        rule("rule: a text never closed", COMMUNICATION, "\"Schools persuade pupils and students to install \" + scenario.app", "\"Schools persuade pupils")
            .at("rules/communication.rhai:41:9")
            .place("đoạn chữ thiếu dấu ngoặc kép đóng", "a text has no closing double quote")
            .hint("thêm `\"` ở cuối đoạn chữ, trên cùng dòng", "add the `\"` at the end of the text, on the same line"),
        instead_of_line_18("rule: eval", "let uninstalled = eval(\"1\");")
            .at("rules/communication.rhai:18:23")
            .place("`eval` không dùng được trong quy tắc", "`eval` is not available in rules")
            .hint("viết thẳng phép tính", "write the calculation itself"),
        rule("rule: import", COMMUNICATION, "fn before_solve(district, scenario) {", "import \"x\" as y;\nfn before_solve(district, scenario) {")
            .at("rules/communication.rhai:15:1")
            .place("`import` là từ dành riêng", "`import` is a reserved word")
            .hint("chép hàm cần dùng vào chính tệp quy tắc này", "copy the function it needs into this rule file"),
        rule("rule: a comment written with #", COMMUNICATION, "fn before_solve(district, scenario) {", "# tuyên truyền\nfn before_solve(district, scenario) {")
            .at("rules/communication.rhai:15:1")
            .place("`#` là từ dành riêng", "`#` is a reserved word")
            .hint("chú thích trong quy tắc bắt đầu bằng `//`", "a comment in a rule starts with `//`"),
        instead_of_line_18("rule: a number minus a text", "let uninstalled = district.smartphones - district.name;")
            .at("rules/communication.rhai:18:44")
            .place("không làm được phép `-` với (số, chữ)", "cannot apply `-` to (number, text)")
            .hint("`district.name` là một đoạn chữ: phép `-` chỉ làm với số", "`district.name` is a text: `-` works on numbers only"),
        instead_of_line_18("rule: NaN given to add_installs", "let uninstalled = 0.0/0.0;")
            .at("rules/communication.rhai:33:14")
            .place("`add_installs`: số lượt cài phải là một số hữu hạn, không phải NaN", "`add_installs`: the installs must be a finite number, not NaN")
            .hint("kiểm tra các phép chia trước dòng này", "check the divisions before this line"),
        before_line_18("rule: a function that is not there", "let x = helper(1);")
            .at("rules/communication.rhai:18:13")
            .place("không có hàm `helper`", "there is no function `helper`")
            .place(summary.0, summary.1)
            .hint("định nghĩa hàm trong tệp quy tắc này, `fn helper(...) { ... }`, hoặc sửa tên", "define it in this rule file, `fn helper(...) { ... }`, or fix the name"),
        before_line_18("rule: a map entry that is not there", "let m = #{a: 1}; let x = m.b + 1;")
            .at("rules/communication.rhai:18:32")
            .place("bảng `m` không có mục `b`", "the map `m` has no entry `b`")
            .hint("`if \"b\" in m { ... }`", "`if \"b\" in m { ... }`"),
        before_line_18("rule: a district of scenario.districts() misspelt", "for other in scenario.districts() { let r = other.rates; }")
            .at("rules/communication.rhai:18:")
            .place("bảng `other` không có mục `rates`", "the map `other` has no entry `rates`")
            .hint("có phải ý bạn là `other.rate`?", "did you mean `other.rate`?"),
        Case::new("rules check: a folder without rules", &["rules", "check", "{dir}/scenarios"])
            .at("scenarios: ")
            .place("không có tệp quy tắc .rhai nào", "has no .rhai rule files")
            .hint("ghi đường dẫn tới một tệp .rhai hoặc một thư mục chứa chúng, ví dụ rules/", "give the path of a .rhai file or of a folder of them, e.g. rules/"),
        // ---- C: a misleading place or words ----
        Case::plan("params: a misspelt kind a rule reads")
            .scenario("door_to_door_provincial_kind = \"volunteer\"", "door_to_door_provincial_kind = \"volunter\"")
            .at("lang-son-2020-09-01.toml:35:32")
            .place("mục `params.door_to_door_provincial_kind`", "field `params.door_to_door_provincial_kind`")
            .place("kịch bản không có loại tổ/đội `volunter` (quy tắc `door-to-door` đọc giá trị này và dùng nó ở dòng 25)", "the scenario has no team kind `volunter` (the rule `door-to-door` reads this value and uses it on its line 25)")
            .hint("có phải ý bạn là `volunteer`?", "did you mean `volunteer`?"),
        Case::plan("--set: a misspelt kind a rule reads")
            .set("params.door_to_door_provincial_kind=volunter")
            .at("--set params.door_to_door_provincial_kind=volunter: ")
            .place(" --set params.door_to_door_provincial_kind=volunter\n                                           ^", " --set params.door_to_door_provincial_kind=volunter\n                                           ^")
            .place("kịch bản không có loại tổ/đội `volunter`", "the scenario has no team kind `volunter`")
            .hint("có phải ý bạn là `volunteer`?", "did you mean `volunteer`?"),
        Case::new("rules check: a threshold in quotes the rule compares", &["rules", "check", "{dir}/rules", "--scenario", "{dir}/scenarios/lang-son-2020-09-01.toml"])
            .scenario("door_to_door_threshold = 0.30 ", "door_to_door_threshold = \"0.30\" ")
            .at("lang-son-2020-09-01.toml:34:26")
            .place("(quy tắc `door-to-door` đọc giá trị này và dùng nó ở dòng 17 và 34)", "(the rule `door-to-door` reads this value and uses it on its lines 17 and 34)")
            .hint("hãy viết nó là số, không có dấu ngoặc kép", "write it as a number, without quotes"),
        instead_of_line_18("rule: a missing `;`", "let uninstalled = district.smartphones - district.installed")
            .at("rules/communication.rhai:18:64")
            .place("thiếu dấu `;` ở cuối câu lệnh", "a `;` is missing at the end of the statement")
            .hint("thêm `;` vào chỗ được chỉ", "add `;` at the spot shown"),
        rule("rule: a hook with one parameter", COMMUNICATION, "fn before_solve(district, scenario) {", "fn before_solve(district) {")
            .at("rules/communication.rhai:15:1")
            .place("hàm `before_solve` phải nhận đúng hai tham số", "the function `before_solve` must take exactly two parameters")
            .hint("viết `fn before_solve(district, scenario) {`", "write `fn before_solve(district, scenario) {`"),
        rule("rule: a misspelt kind, and no other error", DOOR, "district.min_teams(scenario.param(\"door_to_door_provincial_kind\"), 1);", "district.min_teams(\"volunter\", 1);")
            .at("rules/door-to-door.rhai:25:28")
            .place(summary.0, summary.1)
            .hint("có phải ý bạn là `volunteer`?", "did you mean `volunteer`?"),
        Case::new("rules test: a folder of scenarios", &["rules", "test", "{dir}/scenarios"])
            .report_on_stdout()
            .at("scenarios/lang-son-2020-09-01.toml: ")
            .place("đây là một tệp kịch bản, không phải tệp kiểm thử quy tắc", "this is a scenario file, not a rule test file")
            .hint("`campaign rules test rules/tests`", "`campaign rules test rules/tests`"),
        // ---- issue 13, rules13c ----
        // F34: a library rule's own error in the user's language, with the closest names
        extended("params: a remote district without its accents")
            .edit(EXTENDED, "remote_districts = [\"Đình Lập\", \"Bình Gia\"]", "remote_districts = [\"Dinh Lap\", \"Bình Gia\"]")
            .at("rules/library/remote-districts.rhai:122:13")
            .place("huyện \"Thành phố Lạng Sơn\": quy tắc `remote-districts` dừng với lỗi trong `before_solve`: remote_districts: “Dinh Lap” không phải huyện nào của kịch bản; các tên gần nhất: Đình Lập", "district \"Thành phố Lạng Sơn\": rule `remote-districts` stopped with an error in `before_solve`: remote_districts: “Dinh Lap” is not a district of the scenario; the closest names: Đình Lập")
            .says("Sửa tên trong [params] của kịch bản", "Correct the name in the scenario's [params]"),
        extended("params: remote districts as one text, not a list")
            .edit(EXTENDED, "remote_districts = [\"Đình Lập\", \"Bình Gia\"]", "remote_districts = \"Đình Lập\"")
            .at("rules/library/remote-districts.rhai:104:9")
            .place("quy tắc `remote-districts` dừng với lỗi trong `before_solve`: remote_districts phải là một danh sách tên huyện", "rule `remote-districts` stopped with an error in `before_solve`: remote_districts must be a list of district names")
            .says("trong ngoặc vuông: remote_districts = [\"Đình Lập\", \"Bình Gia\"]", "in square brackets: remote_districts = [\"Đình Lập\", \"Bình Gia\"]"),
        // a rule's own map thrown: the user's language, the rule, district and line
        before_line_18("rule: throw #{ vi, en }", "if district.name == \"Hữu Lũng\" { throw #{ vi: \"chưa có số liệu tổ xã, hãy bổ sung\", en: \"no commune team figures yet, add them\" }; }")
            .at("rules/communication.rhai:18:38")
            .place("huyện \"Hữu Lũng\": quy tắc `communication` dừng với lỗi trong `before_solve`: chưa có số liệu tổ xã", "district \"Hữu Lũng\": rule `communication` stopped with an error in `before_solve`: no commune team figures yet")
            .says("hãy bổ sung", "add them"),
        // F05/F31: Rhai's own words said in ours
        before_line_18("rule: `this` outside a method", "let x = this;")
            .at("rules/communication.rhai:18:13")
            .place("`this` chỉ có nghĩa trong một hàm được gọi sau dấu chấm", "`this` means something only in a function called after a dot")
            .place(city.0, city.1)
            .hint("dùng tham số của hàm thay cho `this`", "use the function's parameters instead of `this`"),
        before_line_18("rule: a range added to a number", "let x = 0..3; let y = x + 1;")
            .at("rules/communication.rhai:18:29")
            .place("không làm được phép `+` với (khoảng số, số)", "cannot apply `+` to (range of numbers, number)")
            .hint("`x` là một khoảng số (ví dụ `0..10`)", "`x` is a range of numbers (e.g. `0..10`)"),
        before_line_18("rule: sorting numbers and texts together", "let x = [1, \"a\", 2]; x.sort();")
            .at("rules/communication.rhai:18:28")
            .place("`sort()`: danh sách có phần tử thuộc nhiều kiểu khác nhau", "`sort()`: the list holds items of different types")
            .hint("chỉ sắp xếp danh sách toàn số hoặc toàn chữ", "sort lists of numbers only or of texts only"),
        before_line_18("rule: sorting maps", "let x = [#{a: 1}, #{a: 2}]; x.sort();")
            .at("rules/communication.rhai:18:35")
            .place("`sort()`: không sắp xếp được danh sách các bảng", "`sort()`: a list of maps cannot be sorted")
            .hint("sắp xếp theo một hàm so sánh", "sort with a comparing function"),
        // set_productivity has a lower bound as well as an upper one
        before_line_18("rule: productivity 0", "district.set_productivity(\"commune\", 0);")
            .at("rules/communication.rhai:18:14")
            .place("`set_productivity`: hệ số phải lớn hơn 0 (1 là bình thường), không phải 0", "`set_productivity`: the multiplier must be above 0 (1 is usual), not 0")
            .place(city.0, city.1)
            .hint("viết `district.max_teams(kind, 0)` thay cho hệ số 0", "write `district.max_teams(kind, 0)` instead of a multiplier of 0"),
        before_line_18("rule: a negative productivity", "district.set_productivity(\"volunteer\", -0.5);")
            .at("rules/communication.rhai:18:14")
            .place("hệ số phải lớn hơn 0 (1 là bình thường), không phải -0,5", "the multiplier must be above 0 (1 is usual), not -0.5")
            .hint("0,5 là một nửa", "0.5 is half"),
        before_line_18("rule: a NaN productivity", "district.set_productivity(\"commune\", 0.0 / 0.0);")
            .at("rules/communication.rhai:18:14")
            .place("`set_productivity`: hệ số phải là một số hữu hạn, không phải NaN", "`set_productivity`: the multiplier must be a finite number, not NaN")
            .hint("kiểm tra các phép chia trước dòng này", "check the divisions before this line"),
        // ---- F: numbers in the user's format ----
        rule("rule: negative installs", COMMUNICATION, "by_communication,\n", "-by_communication,\n")
            .at("rules/communication.rhai:33:14")
            .place("số lượt cài không được âm (đang là -569,07)", "the installs cannot be negative (it is -569.07)")
            .hint("kiểm tra công thức tính ra nó", "check the formula that gives it"),
    ]
}

#[test]
fn rules_fixed() {
    check(cases());
}
