//! The rule files (Rhai): mistakes the checker finds before anything runs, and errors while a
//! hook runs on a district, in a copy of the shipped rules under `campaign plan`, and the
//! arguments of `campaign rules check`. (A rule that runs too long or grows too large is
//! another catalogue's.)

use super::{Case, check};

pub(super) const COMMUNICATION: &str = "rules/communication.rhai";
const COHORTS: &str = "rules/mandatory-cohorts.rhai";
pub(super) const DOOR: &str = "rules/door-to-door.rhai";
/// The shipped scenario's `rules` list (its three files named one by one).
const RULES_LISTED: &str = "rules = [\n  \"../rules/communication.rhai\",\n  \"../rules/mandatory-cohorts.rhai\",\n  \"../rules/door-to-door.rhai\",\n]\n";

/// Line 18 of `communication.rhai`, the first statement of `before_solve`.
pub(super) const UNINSTALLED: &str = "let uninstalled = district.smartphones - district.installed;";

/// `campaign plan` with the one `from` of the rule file `file` replaced by `to`.
pub(super) fn rule(name: &str, file: &str, from: &str, to: &str) -> Case {
    Case::plan(name).edit(file, from, to)
}

/// [`rule`]: `line` added before line 18 of `communication.rhai` (it becomes line 18).
pub(super) fn before_solve(name: &str, line: &str) -> Case {
    rule(
        name,
        COMMUNICATION,
        UNINSTALLED,
        &format!("{line}\n    {UNINSTALLED}"),
    )
}

/// [`rule`] on a copy of the shipped rule `file` whose line ends are `ends` (`"\r"`, `"\r\n"`).
fn with_line_ends(name: &str, file: &str, ends: &str, from: &str, to: &str) -> Case {
    let shipped =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file))
            .expect("a shipped rule");
    Case::plan(name)
        .file(file, &shipped.replace('\n', ends))
        .edit(file, from, to)
}

/// `text` in UTF-16, little end first, without a byte-order mark.
fn utf16le(text: &str) -> Vec<u8> {
    text.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

fn cases() -> Vec<Case> {
    let summary = (
        "quy tắc có 1 lỗi nên chưa lập kế hoạch",
        "the rules have 1 problem, so no plan was made",
    );
    vec![
        // ---- found by the check ----
        rule("rule: a misspelt district field", DOOR, "if district.rate < scenario", "if district.rates < scenario")
            .at("rules/door-to-door.rhai:17:17")
            .place(summary.0, summary.1)
            .hint("có phải ý bạn là `district.rate`?", "did you mean `district.rate`?"),
        rule("rule: a misspelt function", COMMUNICATION, "district.add_installs(\n        by_communication", "district.add_install(\n        by_communication")
            .at("rules/communication.rhai:33:14")
            .place("không có hàm `add_install`", "has no function `add_install`")
            .hint("có phải ý bạn là `district.add_installs(installs, reason, reason_en)`?", "did you mean `district.add_installs(installs, reason, reason_en)`?"),
        rule("rule: too few arguments", COHORTS, "district.mandate(\"quarantine\", scenario.param(\"quarantine_compliance\"));", "district.mandate(\"quarantine\");")
            .at("rules/mandatory-cohorts.rhai:20:18")
            .place(summary.0, summary.1)
            .says("`mandate` nhận 2 tham số `mandate(cohort, share)`, ở đây có 1", "`mandate` takes 2 arguments `mandate(cohort, share)`, not 1"),
        rule("rule: a hook misspelt", COMMUNICATION, "fn before_solve(district, scenario) {", "fn before_solv(district, scenario) {")
            .at("rules/communication.rhai:15:1")
            .place("hàm `before_solv` không bao giờ chạy", "the function `before_solv` never runs")
            .hint("có phải ý bạn là `before_solve`?", "did you mean `before_solve`?"),
        rule("rule: mandate after the solve", COHORTS, "district.directive(order);", "district.directive(order);\n    district.mandate(\"testing\", 0.8);")
            .at("rules/mandatory-cohorts.rhai:53:14")
            .place("`mandate` chỉ dùng được trước khi lập kế hoạch", "`mandate` can only be used before the solve")
            .hint("chuyển dòng này vào `fn before_solve(district, scenario)`", "move this line into `fn before_solve(district, scenario)`"),
        before_solve("rule: the plan's teams read before the solve", "let t = district.teams(\"commune\");")
            .at("rules/communication.rhai:18:22")
            .place("`teams` chỉ dùng được sau khi lập kế hoạch", "`teams` can only be used after the solve")
            .hint("chuyển dòng này vào `fn after_solve(district, scenario)`", "move this line into `fn after_solve(district, scenario)`"),
        // trial 13g K13: a function turned into text, or a closure given the wrong number of
        // values, was written with Rhai's `anon$` name, a hash made anew on every run
        before_solve("rule: a function put into a reason", "let f = |x| x + 1; district.add_installs(1.0, \"Lý do \" + f, \"Reason \" + f);")
            .at("rules/communication.rhai:18:33")
            .place("`add_installs`: lý do (tiếng Việt) chứa một hàm", "`add_installs`: the reason (Vietnamese) holds a function")
            .hint("gọi hàm để lấy kết quả rồi mới ghép vào nội dung", "call it and put its result in the text"),
        before_solve("rule: a function thrown in a text", "let f = |x| x + 1; throw `Lỗi ${f}`;")
            .at("rules/communication.rhai:18:24")
            .place("nội dung của `throw` chứa một hàm", "the text of `throw` holds a function")
            .hint("gọi hàm để lấy kết quả", "call it and put its result"),
        before_solve("rule: a closure given two values", "let f = |x| x + 1; let y = f.call(1, 2);")
            .at("rules/communication.rhai:18:34")
            .place("hàm viết ở dòng 18 (|x| ...) nhận 1 giá trị, ở đây được cho 2", "the function defined at line 18 (|x| ...) takes 1 value, it was given 2")
            .hint("cho hàm đúng số giá trị nó nhận", "give it as many values as it takes"),
        before_solve("rule: a district figure changed", "district.rate = 0.5;")
            .at("rules/communication.rhai:18:14")
            .place("không thể gán `rate`", "cannot assign `rate`")
            .hint("quy tắc tác động lên kế hoạch bằng các hàm", "a rule acts on the plan through functions"),
        rule("rule: a misspelt directive entry", COMMUNICATION, "action_en:", "actoin_en:")
            .at("rules/communication.rhai:59:9")
            .place("chỉ đạo không có mục `actoin_en`", "a directive has no entry `actoin_en`")
            .hint("có phải ý bạn là `action_en`?", "did you mean `action_en`?"),
        rule("rule: a directive without its unit", COMMUNICATION, "unit: \"UBND \" + district.unit_type + \"; Phòng Văn hóa - Thông tin; các trường học\",", "")
            .at("rules/communication.rhai:57:24")
            .place("chỉ đạo thiếu mục `unit`", "the directive lacks the entry `unit`")
            .hint("một chỉ đạo cần ít nhất `action` (việc cần làm) và `unit` (đơn vị thực hiện)", "a directive needs at least `action` (what to do) and `unit` (who does it)"),
        rule("rule: a misspelt group", COMMUNICATION, "district.cohort(\"students\")", "district.cohort(\"student\")")
            .at("rules/communication.rhai:28:73")
            .place("không có nhóm đối tượng `student`", "there is no cohort `student`")
            .hint("có phải ý bạn là `students`?", "did you mean `students`?"),
        rule("rule: a misspelt group to mandate", COHORTS, "district.mandate(\"testing\",", "district.mandate(\"tested\",")
            .at("rules/mandatory-cohorts.rhai:26:26")
            .place("`tested`", "`tested`")
            .hint("có phải ý bạn là `testing`?", "did you mean `testing`?"),
        rule("rule: a language that is not vi or en", DOOR, "fmt_percent(district.projected_rate, \"vi\", 2)", "fmt_percent(district.projected_rate, \"fr\", 2)")
            .at("rules/door-to-door.rhai:53:56")
            .place("`fmt_percent`", "`fmt_percent`")
            .says("ngôn ngữ phải là \"vi\" hoặc \"en\", không phải \"fr\"", "the language must be \"vi\" or \"en\", not \"fr\""),
        before_solve("rule: a number compared with a text", "if district.rate < \"0.3\" { district.min_rate(0.3); }")
            .at("rules/communication.rhai:18:22")
            .place("so sánh một số với một đoạn chữ \"0.3\"", "comparing a number with a text \"0.3\"")
            .hint("viết nó là số, không có dấu ngoặc kép", "write it as a number, without quotes"),
        rule("rule: a `{` never closed", COMMUNICATION, "fn after_solve(district, scenario) {", "fn after_solve(district, scenario) {{")
            .at("rules/communication.rhai:52:36")
            .place("quy tắc `communication` có lỗi cú pháp", "rule `communication` has a syntax error")
            .hint("thêm `}` ở cuối khối lệnh bắt đầu từ dấu `{` này", "add the `}` that ends the block this `{` opens"),
        rule("rule: a misspelt team kind", DOOR, "let n = district.teams(kind);", "let n = district.teams(\"volunter\");")
            .at("rules/door-to-door.rhai:41:")
            .place("kịch bản không có loại tổ/đội `volunter`", "the scenario has no team kind `volunter`")
            .hint("có phải ý bạn là `volunteer`?", "did you mean `volunteer`?"),
        // trial U12: a part of Rhai that rules do not have is said in words, with what to do,
        // not "did you mean" a function that merely looks alike
        before_solve("rule: the time read", "let started = timestamp();")
            .at("rules/communication.rhai:18:19")
            .place("`timestamp` là một phần của Rhai mà quy tắc không có", "`timestamp` is part of Rhai that rules do not have")
            .hint("bỏ phần đo hoặc chờ thời gian", "leave the timing or waiting out"),
        before_solve("rule: exit", "if district.installed > district.smartphones { exit(); }")
            .at("rules/communication.rhai:18:52")
            .place("quy tắc không tự kết thúc lần chạy", "a rule does not end the run itself")
            .hint("muốn dừng và báo lý do thì viết `throw \"lý do\"`", "to stop with a reason, write `throw \"reason\"`"),
        before_solve("rule: a bit of a number", "let odd = district.installed.get_bit(0);")
            .at("rules/communication.rhai:18:34")
            .place("`get_bit` là một phần của Rhai mà quy tắc không có", "`get_bit` is part of Rhai that rules do not have")
            .hint("dùng số, đoạn chữ, danh sách và bảng", "use numbers, texts, lists and maps"),
        // ---- while a hook runs ----
        rule("rule: throw", DOOR, "if district.rate < scenario.param(\"door_to_door_threshold\") {", "if district.name == \"Đình Lập\" { throw \"chưa có số liệu tổ xã\" }\n    if district.rate < scenario.param(\"door_to_door_threshold\") {")
            .at("rules/door-to-door.rhai:17:38")
            .place("huyện \"Đình Lập\": quy tắc `door-to-door`", "district \"Đình Lập\": rule `door-to-door`")
            .says("chưa có số liệu tổ xã", "chưa có số liệu tổ xã"),
        // trial N7: a rule file with old Mac line ends (a CR alone; Rhai counts lines at line
        // feeds only, so every error was on line 1) or Windows ones (CR LF) gets the lines and
        // columns an editor shows, for the check, the parser and a running hook alike
        with_line_ends("rule: CR-only line ends, a misspelt field", DOOR, "\r", "if district.rate < scenario", "if district.rates < scenario")
            .at("rules/door-to-door.rhai:17:17")
            .place(summary.0, summary.1)
            .hint("có phải ý bạn là `district.rate`?", "did you mean `district.rate`?"),
        with_line_ends("rule: CR-only line ends, throw", DOOR, "\r", "if district.rate < scenario.param(\"door_to_door_threshold\") {", "if district.name == \"Đình Lập\" { throw \"chưa có số liệu tổ xã\" }\r    if district.rate < scenario.param(\"door_to_door_threshold\") {")
            .at("rules/door-to-door.rhai:17:38")
            .place("huyện \"Đình Lập\": quy tắc `door-to-door`", "district \"Đình Lập\": rule `door-to-door`")
            .says("chưa có số liệu tổ xã", "chưa có số liệu tổ xã"),
        with_line_ends("rule: CR LF line ends, a `{` never closed", COMMUNICATION, "\r\n", "fn after_solve(district, scenario) {", "fn after_solve(district, scenario) {{")
            .at("rules/communication.rhai:52:36")
            .place("quy tắc `communication` có lỗi cú pháp", "rule `communication` has a syntax error")
            .hint("thêm `}` ở cuối khối lệnh bắt đầu từ dấu `{` này", "add the `}` that ends the block this `{` opens"),
        rule("rule: a share written as a percentage", COHORTS, "district.mandate(\"quarantine\", scenario.param(\"quarantine_compliance\"));", "district.mandate(\"quarantine\", 95);")
            .at("rules/mandatory-cohorts.rhai:20:18")
            .place("huyện \"Thành phố Lạng Sơn\": quy tắc `mandatory-cohorts` (trong `before_solve`)", "district \"Thành phố Lạng Sơn\": rule `mandatory-cohorts` (in `before_solve`)")
            .says("tỷ lệ phải từ 0 đến 1 (ví dụ 0.95 là 95%), không phải 95", "the share must be between 0 and 1 (0.95 is 95%), not 95"),
        rule("rule: more commune teams than the district has", DOOR, "district.min_teams(kind, district.local_teams(kind));", "district.min_teams(kind, district.local_teams(kind) + 1);")
            .at("rules/door-to-door.rhai:21:22")
            .place("huyện \"Hữu Lũng\": quy tắc `door-to-door`", "district \"Hữu Lũng\": rule `door-to-door`")
            .hint("dùng `district.local_teams(\"commune\")` để biết số tổ của huyện", "use `district.local_teams(\"commune\")` for the district's own teams"),
        before_solve("rule: a productivity of 0", "district.set_productivity(\"commune\", 0.0);")
            .at("rules/communication.rhai:18:14")
            .place("`set_productivity`", "`set_productivity`")
            .says("hệ số phải lớn hơn 0 (1 là bình thường), không phải 0", "the multiplier must be above 0 (1 is usual), not 0"),
        before_solve("rule: a floor written as a percentage", "district.min_rate(40);")
            .at("rules/communication.rhai:18:14")
            .place("`min_rate`", "`min_rate`")
            .says("tỷ lệ phải từ 0 đến 1 (ví dụ 0.35 là 35%), không phải 40", "the rate must be between 0 and 1 (0.35 is 35%), not 40"),
        before_solve("rule: a team kind computed and misspelt", "let kind = \"volun\" + \"ters\"; district.max_teams(kind, 3);")
            .at("rules/communication.rhai:18:53")
            .place("`volunters`", "`volunters`")
            .hint("`volunteer`", "`volunteer`"),
        before_solve("rule: a misspelt field through another name", "let d = district; let x = d.rates;")
            .at("rules/communication.rhai:18:33")
            .place("không có số liệu `rates`", "has no field `rates`")
            .hint("có phải ý bạn là `district.rate`?", "did you mean `district.rate`?"),
        before_solve("rule: a text for a number of teams", "district.min_teams(\"commune\", \"3\");")
            .at("rules/communication.rhai:18:35")
            .place("`min_teams`: tham số thứ 2 phải là một số", "`min_teams`: the 2nd argument must be a number")
            .hint("cách viết: `min_teams(kind, n)`", "write it as `min_teams(kind, n)`"),
        before_solve("rule: a directive of priority 0", "district.directive(#{action: \"Họp\", unit: \"UBND\", priority: 0});")
            .at("rules/communication.rhai:18:14")
            .place("huyện \"Thành phố Lạng Sơn\": quy tắc `communication`", "district \"Thành phố Lạng Sơn\": rule `communication`")
            .says("mục `priority` phải từ 1 (gấp nhất) trở lên", "`priority` must be 1 (most urgent) or more")
            .hint("`priority: 1` là gấp nhất, 2 là bình thường", "`priority: 1` is the most urgent, 2 is usual"),
        before_solve("rule: a directive with nothing to do", "district.directive(#{action: \"\", unit: \"UBND\"});")
            .at("rules/communication.rhai:18:14")
            .place("`directive`", "`directive`")
            .says("mục `action` không được để trống", "`action` cannot be empty")
            .hint("ghi vào giữa hai dấu ngoặc kép một câu ngắn", "write between the quotes a short sentence"),
        before_solve("rule: a negative maximum", "district.max_teams(\"volunteer\", -1);")
            .at("rules/communication.rhai:18:14")
            .place("`max_teams`", "`max_teams`")
            .says("số tổ/đội không được âm (đang là -1)", "the number of teams cannot be negative (it is -1)"),
        before_solve("rule: a Vietnamese letter in a variable's name", "let huyện = 1;")
            .at("rules/communication.rhai:18:12")
            .place("gặp chữ có dấu `ệ` ngoài dấu ngoặc kép", "the letter `ệ` (a letter with marks) is outside double quotes")
            .hint("chỉ dùng chữ không dấu (a–z)", "use letters without marks (a–z)"),
        before_solve("rule: a number of teams too large to be a typing slip", "district.min_teams(\"volunteer\", 9223372036854775807);")
            .at("rules/communication.rhai:18:14")
            .place("`min_teams`", "`min_teams`")
            .says("quá lớn: 9,223 × 10^18, tối đa 100.000", "too large: 9.223 × 10^18, at most 100,000")
            .hint("kiểm tra phép tính", "check the arithmetic"),
        before_solve("rule: a priority far beyond any list", "district.directive(#{action: \"Họp\", unit: \"UBND\", priority: 99999999999});")
            .at("rules/communication.rhai:18:14")
            .place("mục `priority`", "`priority`")
            .says("tối đa 1.000", "at most 1,000"),
        before_solve("rule: a directive expecting more installs than the district has smartphones", "district.directive(#{action: \"Họp\", unit: \"UBND\", expected_installs: 1e300});")
            .at("rules/communication.rhai:18:14")
            .place("huyện \"Thành phố Lạng Sơn\"", "district \"Thành phố Lạng Sơn\"")
            .says("nhiều hơn số thuê bao smartphone của huyện (96.818)", "more than the district's smartphones (96,818)")
            .hint("kiểm tra phép tính", "check the arithmetic"),
        // trial N4: the district's directives together promise no more than its phones without
        // the app (each states its own rule's installs)
        rule("rule: directives promising more than the phones without the app", COHORTS, "order.expected_installs = district.own_mandated_installs;", "order.expected_installs = district.smartphones - district.installed;")
            .at("rules/mandatory-cohorts.rhai:52:14")
            .place("huyện \"Thành phố Lạng Sơn\"", "district \"Thành phố Lạng Sơn\"")
            .says("mà các chỉ đạo trước của huyện đã ghi (quy tắc `communication`)", "the district's earlier directives state (rule `communication`)")
            .hint("`district.own_mandated_installs`", "`district.own_mandated_installs`"),
        // trial F04: both were accepted and the plan showed every district at 100% / 85%
        before_solve("rule: installs added above the district's smartphones", "district.add_installs(1e300, \"Tuyên truyền\", \"Communication\");")
            .at("rules/communication.rhai:18:14")
            .place("huyện \"Thành phố Lạng Sơn\": quy tắc `communication`", "district \"Thành phố Lạng Sơn\": rule `communication`")
            .says("`add_installs`: 1 × 10^300 lượt cài, nhiều hơn số thuê bao smartphone của huyện (96.818)", "`add_installs`: 1 × 10^300 installs, more than the district's smartphones (96,818)")
            .hint("kiểm tra phép tính", "check the arithmetic"),
        before_solve("rule: a productivity far above usual", "district.set_productivity(\"commune\", 1e300);")
            .at("rules/communication.rhai:18:14")
            .place("huyện \"Thành phố Lạng Sơn\": quy tắc `communication`", "district \"Thành phố Lạng Sơn\": rule `communication`")
            .says("hệ số là 1 × 10^300, lớn hơn mức cho phép (10", "the multiplier is 1 × 10^300, above the limit (10")
            .hint("0,5 là một nửa", "0.5 is half"),
        before_solve("rule: the plan's teams listed before the solve", "district.directive(#{action: \"Họp\", unit: \"UBND\", with_teams: true});")
            .at("rules/communication.rhai:18:14")
            .place("`directive`", "`directive`")
            .says("`with_teams` chỉ dùng được sau khi lập kế hoạch (trong `fn after_solve`)", "`with_teams` only works after the solve (in `fn after_solve`)")
            .hint("bỏ `with_teams` khỏi chỉ đạo này, hoặc chuyển chỉ đạo vào `fn after_solve(district, scenario)`", "leave `with_teams` out of this directive, or give the directive in `fn after_solve(district, scenario)`"),
        rule("rule: a list read past its end", DOOR, "+ \" \" + words[0]);", "+ \" \" + words[7]);")
            .at("rules/door-to-door.rhai:46:60")
            .place("quy tắc `door-to-door` gặp lỗi trong `after_solve`", "rule `door-to-door` failed in `after_solve`")
            .says("(dài 3, đánh số từ 0)", "(length 3, numbered from 0)"),
        // ---- the rule files the scenario lists (known_bad.md C7, C8, C9: fixed) ----
        rule("rule: binary bytes in a rule file", COMMUNICATION, "// Quy tắc 1", "\0 Quy tắc 1")
            .at("rules/communication.rhai:1:1")
            .place("không phải văn bản UTF-8 (có thể là một tệp nhị phân", "is not UTF-8 text (it may be a binary file")
            .hint("tệp quy tắc là văn bản thuần", "a rule file is plain text"),
        Case::plan("rule: a scenario listed as a rule")
            .scenario("\"../rules/communication.rhai\"", "\"../scenarios/lang-son-2020-09-01.toml\"")
            .at("lang-son-2020-09-01.toml:13:3")
            .place("là tệp kịch bản hoặc tệp kiểm thử (.toml), không phải tệp quy tắc", "is a scenario or rule test file (.toml), not a rule file")
            .hint("mục `rules` chỉ ghi các tệp quy tắc (đuôi .rhai) hoặc thư mục chứa chúng", "`rules` lists rule files (ending in .rhai) or folders holding them"),
        Case::plan("rule: /dev/null listed as a rule")
            .scenario("\"../rules/communication.rhai\"", "\"/dev/null\"")
            .at("lang-son-2020-09-01.toml:13:3")
            .place("tệp quy tắc /dev/null là một thiết bị, không phải tệp thông thường", "the rule file /dev/null is a device, not a regular file")
            .hint("ghi đường dẫn tới một tệp lưu trên đĩa", "name a file saved on disk"),
        // trial 13f J10: a line outside any function ran before every hook call, and a loop
        // there was blamed on `before_solve`; the check now refuses it where it is written
        rule("rule: a loop outside any function", COMMUNICATION, "fn before_solve(district, scenario) {", "loop { }\nfn before_solve(district, scenario) {")
            .at("rules/communication.rhai:15:1")
            .place(summary.0, summary.1)
            .says("câu lệnh nằm ngoài mọi hàm", "code outside any function")
            .hint("chuyển dòng này vào trong một hàm", "move this line into a function"),
        rule("rule: a constant outside any function", COMMUNICATION, "fn before_solve(district, scenario) {", "const SHARE = 0.5;\nfn before_solve(district, scenario) {")
            .at("rules/communication.rhai:15:1")
            .place(summary.0, summary.1)
            .says("câu lệnh nằm ngoài mọi hàm", "code outside any function")
            .hint("mục `[params]` của kịch bản", "the scenario's `[params]`"),
        // ---- campaign rules check ----
        Case::new("rules check: a throw outside any function", &["rules", "check", "{dir}/rules/door-to-door.rhai"])
            .edit(DOOR, "fn before_solve(district, scenario) {", "throw \"top\";\nfn before_solve(district, scenario) {")
            .at("rules/door-to-door.rhai:14:1")
            .place("câu lệnh nằm ngoài mọi hàm", "code outside any function")
            .hint("chuyển dòng này vào trong một hàm, ví dụ vào `fn before_solve(district, scenario) { ... }`", "move this line into a function, e.g. into `fn before_solve(district, scenario) { ... }`"),
        Case::new("rules check: a misspelt field", &["rules", "check", "{dir}/rules/door-to-door.rhai"])
            .edit(DOOR, "if district.rate < scenario", "if district.rates < scenario")
            .at("rules/door-to-door.rhai:17:17")
            .place("không có số liệu `rates`", "has no field `rates`")
            .hint("có phải ý bạn là `district.rate`?", "did you mean `district.rate`?"),
        Case::new("rules check: a misspelt team kind against the scenario", &["rules", "check", "{dir}/rules", "--scenario", "{dir}/scenarios/lang-son-2020-09-01.toml"])
            .edit(DOOR, "let n = district.teams(kind);", "let n = district.teams(\"volunter\");")
            .at("rules/door-to-door.rhai:41:")
            .place("`volunter`", "`volunter`")
            .place("Đã kiểm tra 3 tệp quy tắc: 1 lỗi", "Checked 3 rule files: 1 problem")
            .hint("có phải ý bạn là `volunteer`?", "did you mean `volunteer`?"),
        Case::new("rules check: a rule file that is not there", &["rules", "check", "{dir}/rules/door-to-dor.rhai"])
            .at("door-to-dor.rhai: ")
            .place("không tìm thấy", "does not exist")
            .hint("ghi đường dẫn tới một tệp .rhai hoặc một thư mục chứa chúng", "give the path of a .rhai file or of a folder of them"),
        Case::new("rules check: a scenario that is not there", &["rules", "check", "{dir}/rules", "--scenario", "{dir}/scenarios/nope.toml"])
            .at("nope.toml: ")
            .place("không tìm thấy tệp kịch bản", "the scenario file was not found")
            .hint("kiểm tra đường dẫn và tên tệp", "check the path and the file name"),
        // ---- issue 13 family 6: what a rules folder holds, in the user's language ----
        // the link came from the scenario's folder entry: no hint about the command line
        Case::plan("rules folder: a link to a rule file that is not there")
            .scenario(RULES_LISTED, "rules = [\"../rules\"]\n")
            .setup(|dir| std::os::unix::fs::symlink("nothere.rhai", dir.join("rules/dangling.rhai")).unwrap())
            .at("rules/dangling.rhai: ")
            .place(
                "tệp quy tắc `dangling` là một liên kết (symlink) trỏ tới `nothere.rhai`, nhưng tệp đó không có",
                "the rule file `dangling` is a symbolic link to `nothere.rhai`, which does not exist",
            )
            .hint("sửa liên kết cho trỏ tới tệp có thật, hoặc xóa liên kết", "make the link point at a file that exists, or delete the link"),
        Case::new("rules check: a link in the folder that loops", &["rules", "check", "{dir}/rules"])
            .setup(|dir| {
                std::os::unix::fs::symlink("loop2.rhai", dir.join("rules/loop1.rhai")).unwrap();
                std::os::unix::fs::symlink("loop1.rhai", dir.join("rules/loop2.rhai")).unwrap();
            })
            .at("rules/loop1.rhai: ")
            .place("vòng lại chính nó", "loops back on itself")
            .hint("xóa liên kết này, hoặc tạo lại nó trỏ tới tệp thật", "delete the link, or make it again pointing at the real file"),
        // trial 13f J1: a link that loops, named itself (not found in a folder), was "not found"
        Case::new("rules check: a rule file named that is a link that loops", &["rules", "check", "{dir}/rules/loop1.rhai"])
            .setup(|dir| {
                std::os::unix::fs::symlink("loop2.rhai", dir.join("rules/loop1.rhai")).unwrap();
                std::os::unix::fs::symlink("loop1.rhai", dir.join("rules/loop2.rhai")).unwrap();
            })
            .at("rules/loop1.rhai: ")
            .place("vòng lại chính nó", "loops back on itself")
            .hint("xóa liên kết này, hoặc tạo lại nó trỏ tới tệp thật", "delete the link, or make it again pointing at the real file"),
        Case::plan("rules list: a rule file that is a link that loops")
            .scenario(RULES_LISTED, "rules = [\"../rules/loop1.rhai\"]\n")
            .setup(|dir| {
                std::os::unix::fs::symlink("loop2.rhai", dir.join("rules/loop1.rhai")).unwrap();
                std::os::unix::fs::symlink("loop1.rhai", dir.join("rules/loop2.rhai")).unwrap();
            })
            .at("scenarios/lang-son-2020-09-01.toml:")
            .place("tệp quy tắc", "the rule file")
            .place("vòng lại chính nó", "loops back on itself")
            .hint("xóa liên kết này, hoặc tạo lại nó trỏ tới tệp thật", "delete the link, or make it again pointing at the real file"),
        // a copy ran the rule twice and counted its installs twice, exit 0 (trial 13d, G24)
        Case::plan("rules list: a copy of a rule under another name")
            .scenario(
                RULES_LISTED,
                "rules = [\n  \"../rules/communication.rhai\",\n  \"../rules/mandatory-cohorts.rhai\",\n  \"../rules/door-to-door.rhai\",\n  \"../rules/comm3.rhai\",\n]\n",
            )
            .setup(|dir| {
                std::fs::copy(dir.join(COMMUNICATION), dir.join("rules/comm3.rhai")).unwrap();
            })
            .at("scenarios/lang-son-2020-09-01.toml:16:3")
            .place(
                "comm3.rhai có cùng nội dung với",
                "comm3.rhai holds the same text as",
            )
            .hint("bỏ một trong hai tệp khỏi mục `rules`", "list one of the two files in `rules`"),
        // trial13e H6: a copy saved with CRLF line ends, a byte-order mark and one more newline ran
        // twice (the check compared bytes)
        Case::plan("rules list: a copy of a rule saved by Notepad (CRLF, BOM)")
            .scenario(
                RULES_LISTED,
                "rules = [\n  \"../rules/communication.rhai\",\n  \"../rules/mandatory-cohorts.rhai\",\n  \"../rules/door-to-door.rhai\",\n  \"../rules/comm3.rhai\",\n]\n",
            )
            .setup(|dir| {
                let text = std::fs::read_to_string(dir.join(COMMUNICATION)).unwrap();
                let copy = format!("\u{feff}{}\r\n\r\n", text.replace('\n', "\r\n"));
                std::fs::write(dir.join("rules/comm3.rhai"), copy).unwrap();
            })
            .at("scenarios/lang-son-2020-09-01.toml:16:3")
            .place("comm3.rhai có cùng nội dung với", "comm3.rhai holds the same text as")
            .hint("bỏ một trong hai tệp khỏi mục `rules`", "list one of the two files in `rules`"),
        Case::plan("rules list: a copy of a rule saved as UTF-16")
            .scenario(
                RULES_LISTED,
                "rules = [\n  \"../rules/communication.rhai\",\n  \"../rules/mandatory-cohorts.rhai\",\n  \"../rules/door-to-door.rhai\",\n  \"../rules/comm3.rhai\",\n]\n",
            )
            .setup(|dir| {
                let text = std::fs::read_to_string(dir.join(COMMUNICATION)).unwrap();
                let mut copy = vec![0xFF, 0xFE];
                for unit in format!("{text}\n").encode_utf16() {
                    copy.extend(unit.to_le_bytes());
                }
                std::fs::write(dir.join("rules/comm3.rhai"), copy).unwrap();
            })
            .at("scenarios/lang-son-2020-09-01.toml:16:3")
            .place("comm3.rhai có cùng nội dung với", "comm3.rhai holds the same text as")
            .hint("bỏ một trong hai tệp khỏi mục `rules`", "list one of the two files in `rules`"),
        // `rules check` said "no problems" of the same two files
        Case::new(
            "rules check: a copy of a rule saved with CRLF line ends",
            &["rules", "check", "{dir}/rules/communication.rhai", "{dir}/rules/comm3.rhai"],
        )
        .setup(|dir| {
            let text = std::fs::read_to_string(dir.join(COMMUNICATION)).unwrap();
            std::fs::write(dir.join("rules/comm3.rhai"), text.replace('\n', "\r\n")).unwrap();
        })
        .at("comm3.rhai")
        .place("comm3.rhai có cùng nội dung với", "comm3.rhai holds the same text as")
        .hint("bỏ một trong hai tệp khỏi mục `rules`", "list one of the two files in `rules`"),
        // trial13e H29: hidden files (macOS's `._name.rhai`, Emacs's `.#name.rhai`) ran as rules;
        // now they are skipped, and a folder of nothing else says so
        Case::plan("rules folder: only a hidden macOS metadata file")
            .scenario(RULES_LISTED, "rules = [\"../hidden\"]\n")
            .bytes("hidden/._communication.rhai", b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        ")
            .at("scenarios/lang-son-2020-09-01.toml:12:10")
            .place(
                "chỉ có tệp .rhai ẩn (tên bắt đầu bằng dấu chấm): `._communication.rhai`",
                "has only hidden .rhai files (names starting with a dot): `._communication.rhai`",
            )
            .hint("đường dẫn tính từ thư mục chứa tệp kịch bản", "paths are relative to the scenario's folder"),
        Case::new("rules check: a folder of hidden files only", &["rules", "check", "{dir}/hidden"])
            .bytes("hidden/.#door-to-door.rhai", b"root@host.1234:1700000000")
            .at("hidden: ")
            .place(
                "chỉ có tệp .rhai ẩn (tên bắt đầu bằng dấu chấm): `.#door-to-door.rhai`",
                "has only hidden .rhai files (names starting with a dot): `.#door-to-door.rhai`",
            )
            .hint("tên không bắt đầu bằng dấu chấm", "names do not start with a dot"),
        // it was left out without a word ("Checked 3 rule files" of 4 .rhai entries)
        Case::plan("rules folder: a subfolder named like a rule file")
            .scenario(RULES_LISTED, "rules = [\"../rules\"]\n")
            .setup(|dir| std::fs::create_dir(dir.join("rules/extra.rhai")).unwrap())
            .at("rules/extra.rhai: ")
            .place("`extra.rhai` là một thư mục con trong thư mục quy tắc", "`extra.rhai` is a subfolder of the rules folder")
            .hint(
                "đổi tên thư mục này để tên không kết thúc bằng .rhai",
                "rename this folder so that its name does not end in .rhai",
            ),
        // issue 13, F23: a rule file saved as UTF-16 is read as such (trust::rule_files_saved_as_utf16_plan_as_utf8);
        // one marked UTF-16 whose rest is not was "not UTF-8 text (a binary file)"
        Case::plan("rule: a file marked UTF-16 that is not UTF-16")
            .bytes(DOOR, b"\xff\xfe\x00")
            .at("door-to-door.rhai")
            .place(
                "tệp quy tắc `door-to-door` được lưu với bảng mã UTF-16 (Unicode)",
                "the rule file `door-to-door` is saved as UTF-16 (Unicode)",
            )
            .hint(
                "lưu lại với bảng mã UTF-8: File > Save as > Encoding: UTF-8",
                "save it as UTF-8: File > Save as > Encoding: UTF-8",
            ),
        // trial13e H30: UTF-16 without its mark was "not UTF-8 text (a binary file)", UTF-32 "not
        // valid UTF-16", and a NUL in valid UTF-16 "not valid UTF-16"
        Case::plan("rule: a file saved as UTF-16 without its mark")
            .bytes(DOOR, &utf16le("fn before_solve(district, scenario) {\n}\n"))
            .at("door-to-door.rhai")
            .place(
                "tệp quy tắc `door-to-door` được lưu với bảng mã UTF-16 nhưng thiếu dấu nhận dạng (BOM)",
                "the rule file `door-to-door` is saved as UTF-16 without its byte-order mark (BOM)",
            )
            .hint("lưu lại với bảng mã UTF-8", "save it as UTF-8"),
        Case::plan("rule: a file saved as UTF-32")
            .bytes(DOOR, &[&[0xFF, 0xFE, 0, 0][..], b"f\0\0\0n\0\0\0"].concat())
            .at("door-to-door.rhai")
            .place(
                "tệp quy tắc `door-to-door` được lưu với bảng mã UTF-32",
                "the rule file `door-to-door` is saved as UTF-32",
            )
            .hint("lưu lại với bảng mã UTF-8", "save it as UTF-8"),
        Case::plan("rule: a NUL in a file saved as UTF-16")
            .bytes(DOOR, &[&[0xFF, 0xFE][..], &utf16le("fn before_solve(district, scenario) {\n    throw \"\0\";\n}\n")].concat())
            .at("door-to-door.rhai:2:12")
            .place(
                "tệp quy tắc `door-to-door` có một ký tự NUL (U+0000)",
                "the rule file `door-to-door` holds a NUL character (U+0000)",
            )
            .hint("xóa ký tự này ở vị trí đã chỉ", "delete the character where shown"),
        // trial13d G6: a `throw` of nothing or of a number gave an empty reason, no hint
        before_solve("rule: a throw of nothing", "throw;")
            .at("rules/communication.rhai:18:5")
            .place("dừng trong `before_solve` bằng lệnh `throw` mà không nêu lý do", "stopped in `before_solve` with a `throw` that gives no reason")
            .place("huyện \"Thành phố Lạng Sơn\"", "district \"Thành phố Lạng Sơn\"")
            .hint("viết lý do bằng chữ sau `throw`", "write the reason as a text after `throw`"),
        before_solve("rule: a throw of a number", "throw 42;")
            .at("rules/communication.rhai:18:5")
            .place("nó đưa ra 42, không phải một đoạn chữ", "it gave 42, not a text")
            .hint("ví dụ `throw \"huyện này thiếu số liệu\";`", "e.g. `throw \"this district has no figures\";`"),
        // trial13e H31: an empty reason in both languages stopped with nothing after the colon
        before_solve("rule: a throw of a map with empty texts", "throw #{ vi: \"\", en: \" \" };")
            .at("rules/communication.rhai:18:5")
            .place("dừng trong `before_solve` bằng lệnh `throw` mà không nêu lý do", "stopped in `before_solve` with a `throw` that gives no reason")
            .hint("viết lý do bằng chữ sau `throw`", "write the reason as a text after `throw`"),
        // and a `vi` that is not a text printed the English under Vietnamese
        before_solve("rule: a throw of a map whose vi is a number", "throw #{ vi: 5, en: \"x\" };")
            .at("rules/communication.rhai:18:5")
            .place("bằng lệnh `throw` với mục `vi` là 5, không phải một đoạn chữ", "with a `throw` whose `vi` is 5, not a text")
            .hint("viết lý do bằng chữ trong cả hai mục", "write the reason as a text in both"),
        // trial13e H1: one look-up of a 9,000-character text compared it with every district's
        // name and took seconds as one step
        before_solve("rule: closest_districts of a very long text", "let s = \"ab\"; s.pad(9000, \"q\"); let c = scenario.closest_districts(s);")
            .at("rules/communication.rhai:18:")
            .place("`scenario.closest_districts`: tên huyện được đưa vào dài 9.000 ký tự; tên huyện dài tối đa 200 ký tự", "`scenario.closest_districts`: the name given has 9,000 characters; a district's name has at most 200")
            .hint("đưa vào tên một huyện của kịch bản", "give it the name of one of the scenario's districts"),
        // trial13e H13: `rules check` said the names were fine, and the rule silently did nothing
        Case::new(
            "rules check: district_named of a name no district has",
            &["rules", "check", "{dir}/rules/lit.rhai", "--scenario", "{dir}/scenarios/lang-son-2020-09-01.toml"],
        )
        .file("rules/lit.rhai", "fn before_solve(district, scenario) {\n    let x = scenario.district_named(\"Hữu Lủng\");\n}\n")
        .at("rules/lit.rhai:2:")
        .place(
            "`scenario.district_named`: kịch bản không có huyện nào tên \"Hữu Lủng\"",
            "`scenario.district_named`: the scenario has no district named \"Hữu Lủng\"",
        )
        .hint("có phải ý bạn là \"Hữu Lũng\"?", "did you mean \"Hữu Lũng\"?"),
        // trial13e H20: "there is no property `name`" / "did you mean `name`?"
        before_solve("rule: a property of what district_named did not find", "let x = scenario.district_named(district.name + \"x\"); let n = x.name;")
            .at("rules/communication.rhai:18:")
            .place("`x` là () (không có giá trị) nên không có thuộc tính `name`", "`x` is () (nothing), so it has no property `name`")
            .hint("`if x != () { ... x.name ... }`", "`if x != () { ... x.name ... }`"),
        // trial 13 H20: a () from a lookup that found nothing: which lookup, and the close names
        before_solve(
            "rule: a property of what district_named did not find, named with the lookup",
            "let found = scenario.district_named(if district.smartphones > 0 { \"Cao Loc\" } else { \"\" }); let n = found.installed;",
        )
        .at("rules/communication.rhai:18:")
        .place(
            "`scenario.district_named(\"Cao Loc\")` đã cho () vì kịch bản không có huyện nào tên \"Cao Loc\"",
            "`scenario.district_named(\"Cao Loc\")` gave () because the scenario has no district named \"Cao Loc\"",
        )
        .hint("có phải ý bạn là \"Cao Lộc\"?", "did you mean \"Cao Lộc\"?"),
        // trial 13 H20: an entry a district's map does not have: its entries, not "where the map
        // is made" (the rule did not make it)
        before_solve("rule: a misspelt entry of a district_named map", "let x = scenario.district_named(\"Cao Lộc\").coverag;")
            .at("rules/communication.rhai:18:48")
            .place(
                "bảng `scenario.district_named(\"Cao Lộc\")` không có mục `coverag`",
                "the map `scenario.district_named(\"Cao Lộc\")` has no entry `coverag`",
            )
            .hint(
                "có `name`, `unit_type`, `smartphones`, `installed`, `rate`",
                "has `name`, `unit_type`, `smartphones`, `installed`, `rate`",
            ),
        before_solve("rule: a misspelt entry of a district map, close to one", "let x = scenario.district_named(\"Cao Lộc\").unit_typ;")
            .at("rules/communication.rhai:18:48")
            .hint(
                "có phải ý bạn là `scenario.district_named(\"Cao Lộc\").unit_type`?",
                "did you mean `scenario.district_named(\"Cao Lộc\").unit_type`?",
            ),
        // trial 13 H8: a name a city and a town share once the unit word is set aside gave ()
        before_solve("rule: district_named of a name two units share", "let x = scenario.district_named(if district.smartphones > 0 { \"Lạng Sơn\" } else { \"\" });")
            .scenario("name = \"Hữu Lũng\"", "name = \"Thị xã Lạng Sơn\"")
            .at("rules/communication.rhai:18:")
            .place(
                "`scenario.district_named`: \"Lạng Sơn\" là tên của 2 đơn vị của kịch bản (\"Thành phố Lạng Sơn\", \"Thị xã Lạng Sơn\")",
                "`scenario.district_named`: \"Lạng Sơn\" is the name of 2 of the scenario's units (\"Thành phố Lạng Sơn\", \"Thị xã Lạng Sơn\")",
            )
            .hint(
                "ghi đầy đủ tên, cả loại đơn vị, ví dụ `scenario.district_named(\"Thành phố Lạng Sơn\")`",
                "write the full name, unit word and all, e.g. `scenario.district_named(\"Thành phố Lạng Sơn\")`",
            ),
        Case::new(
            "rules check: district_named of a name two units share",
            &["rules", "check", "{dir}/rules/lit.rhai", "--scenario", "{dir}/scenarios/lang-son-2020-09-01.toml"],
        )
        .scenario("name = \"Hữu Lũng\"", "name = \"Thị xã Lạng Sơn\"")
        .file("rules/lit.rhai", "fn before_solve(district, scenario) {\n    let x = scenario.district_named(\"LẠNG SƠN\");\n}\n")
        .at("rules/lit.rhai:2:")
        .place(
            "\"LẠNG SƠN\" là tên của 2 đơn vị của kịch bản (\"Thành phố Lạng Sơn\", \"Thị xã Lạng Sơn\")",
            "\"LẠNG SƠN\" is the name of 2 of the scenario's units (\"Thành phố Lạng Sơn\", \"Thị xã Lạng Sơn\")",
        )
        .hint("ghi đầy đủ tên, cả loại đơn vị", "write the full name, unit word and all"),
        // the unit word written tells the two apart
        Case::new(
            "rules check: district_named of a shared name with its unit word is fine, another is not",
            &["rules", "check", "{dir}/rules/lit.rhai", "--scenario", "{dir}/scenarios/lang-son-2020-09-01.toml"],
        )
        .scenario("name = \"Hữu Lũng\"", "name = \"Thị xã Lạng Sơn\"")
        .file("rules/lit.rhai", "fn before_solve(district, scenario) {\n    let x = scenario.district_named(\"TX Lạng Sơn\");\n    let y = scenario.district_named(\"Lang Son\");\n}\n")
        .at("rules/lit.rhai:3:")
        .place("không có huyện nào tên \"Lang Son\"", "has no district named \"Lang Son\"")
        .hint(
            "có phải ý bạn là \"Thành phố Lạng Sơn\"? (các tên gần nhất: \"Thành phố Lạng Sơn\", \"Thị xã Lạng Sơn\"",
            "did you mean \"Thành phố Lạng Sơn\"? (the closest names: \"Thành phố Lạng Sơn\", \"Thị xã Lạng Sơn\"",
        ),
        // trial13e H31: a thrown text over several lines was shown with `\u{a}`
        before_solve("rule: a thrown text over lines", "throw #{ vi: \"dòng1\\ndòng2\", en: \"line1\\nline2\" };")
            .at("rules/communication.rhai:18:5")
            .place("quy tắc `communication`", "rule `communication`")
            .says("dòng1 / dòng2", "line1 / line2"),
        // trial13d G7: 23 digits were "not digits"
        before_solve("rule: parse_int of a number too large", "let x = parse_int(\"99999999999999999999999\");")
            .at("rules/communication.rhai:18:13")
            .place("quá lớn để là một số nguyên", "is too large for a whole number")
            .hint("đọc nó thành số thập phân bằng `parse_float`", "read it as a decimal with `parse_float`"),
        // trial13d G28: the value was reported at the rule's line only, with no hint
        Case::plan("rule: a [params] share out of range, read by a rule")
            .scenario("quarantine_compliance = 0.95", "quarantine_compliance = -5")
            .at("rules/mandatory-cohorts.rhai:20:18")
            .place("không phải -5", "not -5")
            .place(
                "quy tắc `mandatory-cohorts` đọc `quarantine_compliance` = -5 (ghi ở ",
                "the rule `mandatory-cohorts` reads `quarantine_compliance` = -5 (written at ",
            )
            .hint(
                "lang-son-2020-09-01.toml:31) từ mục [params] của kịch bản: nếu giá trị đó sai thì sửa nó ở dòng đó",
                "lang-son-2020-09-01.toml:31) from the scenario's [params]: if that value is wrong, correct it on that line",
            ),
        // trial13d G3: "(rules )", and 0 installs of earlier directives that are none
        Case::plan("rule: a directive above the phones without the app, no earlier directive")
            .scenario(RULES_LISTED, "rules = [\"../rules/evil.rhai\"]\n")
            .file("rules/evil.rhai", "fn after_solve(district, scenario) { district.directive(#{action: \"x\", unit: \"u\", expected_installs: district.smartphones * 1.0 }); }\n")
            .at("rules/evil.rhai:1:47")
            .place("là 96.818, nhiều hơn 56.907 smartphone chưa cài ứng dụng của huyện", "is 96,818, more than the district's 56,907 smartphones without the app")
            .hint("`district.smartphones` tính cả máy đã cài", "`district.smartphones` counts those with it too"),
    ]
}

#[test]
fn rules() {
    check(cases());
}
