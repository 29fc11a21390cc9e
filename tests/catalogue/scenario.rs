//! The scenario file itself and its top-level keys, `[target]`, `[response]` and `[params]`.

use super::{Case, check};

/// The shipped scenario's path in a message.
const AT: &str = "lang-son-2020-09-01.toml";

fn cases() -> Vec<Case> {
    let check_path = (
        "kiểm tra đường dẫn và tên tệp",
        "check the path and the file name",
    );
    let share = (
        "tỷ lệ phải lớn hơn 0 và không quá 1",
        "the share must be more than 0 and at most 1",
    );
    let floor = ("tỷ lệ phải từ 0 đến 1", "the share must be between 0 and 1");
    vec![
        // trial 13e H4: `sheet` chooses a coverage workbook's sheet; without `coverage` it
        // would choose nothing
        Case::plan("scenario: sheet without coverage")
            .scenario(
                "as_of = 2020-09-01                 # FACT: the letter's date",
                "as_of = 2020-09-01\nsheet = \"Ngày 25\"",
            )
            .at(&format!("{AT}:9:9"))
            .place("`sheet`", "`sheet`")
            .says("không có `coverage`", "has no `coverage`")
            .hint("ghi coverage = ", "write coverage = "),
        // ---- the file ----
        Case::new(
            "scenario: the file is not there",
            &["plan", "{dir}/scenarios/lang-son-2020-09-02.toml"],
        )
        .at("scenarios/lang-son-2020-09-02.toml: ")
        .place(
            "không tìm thấy tệp kịch bản",
            "the scenario file was not found",
        )
        .hint(check_path.0, check_path.1),
        Case::new("scenario: a folder", &["plan", "{dir}/scenarios"])
            .at("{dir}/scenarios: ")
            .place("là một thư mục, không phải tệp", "is a folder, not a file")
            .hint(check_path.0, check_path.1),
        // known_bad.md C11: fixed
        Case::new("scenario: a CSV table given as the scenario", &["plan", "{dir}/scenarios/letter.csv"])
            .file("scenarios/letter.csv", super::import::LETTER)
            .at("letter.csv: ")
            .place(
                "đây là bảng số liệu, không phải tệp kịch bản (.toml)",
                "this is a table of figures, not a scenario file (.toml)",
            )
            .hint(
                "tạo kịch bản từ bảng này bằng lệnh `campaign import {dir}/scenarios/letter.csv`",
                "make a scenario from this table with `campaign import {dir}/scenarios/letter.csv`",
            ),
        Case::new("scenario: a JSON plan given as the scenario", &["plan", "{dir}/scenarios/plan.json"])
            .file("scenarios/plan.json", "{}")
            .at("plan.json: ")
            .place("không phải tệp kịch bản (.toml)", "not a scenario file (.toml)")
            .hint("ghi đường dẫn tới tệp kịch bản .toml", "give the path of a scenario .toml file"),
        Case::new(
            "scenario: a binary file",
            &["plan", "{dir}/scenarios/b.toml"],
        )
        .bytes("scenarios/b.toml", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
        .at("b.toml:1:1")
        .place("không phải văn bản UTF-8", "is not UTF-8 text")
        // a scenario is written in a text editor, not saved from Excel
        .hint(
            "mở tệp bằng một trình soạn thảo văn bản (Notepad, VS Code) và lưu lại với bảng mã UTF-8",
            "open the file in a text editor (Notepad, VS Code) and save it as UTF-8",
        ),
        Case::plan("scenario: saved in a Vietnamese 8-bit encoding, not UTF-8")
            .setup(|dir| {
                // the first line's letters as Windows-1258 bytes: ạ is a + 0xF2, ơ is 0xF5
                let path = dir.join(super::SCENARIO);
                let text = std::fs::read(&path).unwrap();
                let text = String::from_utf8(text).unwrap();
                let mut bytes = b"# La\xf2ng S\xf5n".to_vec();
                bytes.extend_from_slice(&text.as_bytes()["# Lạng Sơn".len()..]);
                std::fs::write(path, bytes).unwrap();
            })
            .at(&format!("{AT}:1:5"))
            .hint(
                "mở tệp bằng một trình soạn thảo văn bản (Notepad, VS Code) và lưu lại với bảng mã UTF-8",
                "open the file in a text editor (Notepad, VS Code) and save it as UTF-8",
            ),
        Case::new(
            "scenario: an empty file",
            &["plan", "{dir}/scenarios/empty.toml"],
        )
        .file("scenarios/empty.toml", "")
        .at("empty.toml: ")
        .place("thiếu khóa `name`", "missing key `name`")
        .hint("thêm một dòng như: name = ", "add a line such as: name = "),
        // ---- required keys ----
        Case::plan("scenario: no name")
            .scenario("name = \"Lạng Sơn, 2020-09-01\"", "# name")
            .at(AT)
            .place("thiếu khóa `name`", "missing key `name`")
            .hint("thêm một dòng như: name = ", "add a line such as: name = "),
        Case::plan("scenario: no as_of")
            .scenario("as_of = 2020-09-01", "# as_of")
            .at(AT)
            .place("thiếu khóa `as_of`", "missing key `as_of`")
            .hint(
                "thêm một dòng như: as_of = 2020-09-01",
                "add a line such as: as_of = 2020-09-01",
            ),
        Case::plan("scenario: no horizon_days")
            .scenario("horizon_days = 14 ", "# horizon_days = 14 ")
            .at(AT)
            .place("thiếu khóa `horizon_days`", "missing key `horizon_days`")
            .hint(
                "thêm một dòng như: horizon_days = 14",
                "add a line such as: horizon_days = 14",
            ),
        Case::plan("scenario: no objective")
            .scenario("objective = \"max-installs\"", "# objective")
            .at(AT)
            .place("thiếu khóa `objective`", "missing key `objective`")
            .hint(
                "thêm một dòng như: objective = ",
                "add a line such as: objective = ",
            ),
        Case::plan("scenario: no rules")
            .scenario("rules = [\n", "# rules = [\n")
            .scenario("  \"../rules/communication.rhai\",\n", "")
            .scenario("  \"../rules/mandatory-cohorts.rhai\",\n", "")
            .scenario("  \"../rules/door-to-door.rhai\",\n]\n", "")
            .at(AT)
            .place("thiếu khóa `rules`", "missing key `rules`")
            .hint(
                "thêm một dòng như: rules = [",
                "add a line such as: rules = [",
            ),
        Case::plan("scenario: no [target]")
            .scenario(
                "[target]\nprovincial_rate = 0.40 ",
                "[targe]\nprovincial_rate = 0.40 ",
            )
            .at(&format!("{AT}:19:2"))
            .place("không biết khóa `targe`", "unknown key `targe`")
            .hint("có phải ý bạn là `target`?", "did you mean `target`?"),
        Case::plan("scenario: no [[team_kind]]")
            .scenario(
                "[[team_kind]]\nname = \"commune\"",
                "[[team_kind_]]\nname = \"commune\"",
            )
            .scenario(
                "[[team_kind]]\nname = \"volunteer\"",
                "[[team_kind_]]\nname = \"volunteer\"",
            )
            .at(&format!("{AT}:37:3"))
            .place("không biết khóa `team_kind_`", "unknown key `team_kind_`")
            .hint("có phải ý bạn là `team_kind`?", "did you mean `team_kind`?"),
        Case::plan("scenario: no team kind at all")
            .setup(|dir| {
                let path = dir.join(super::SCENARIO);
                let text = std::fs::read_to_string(&path).unwrap();
                let start = text.find("[[team_kind]]").unwrap();
                let end = text.find("# Districts:").unwrap();
                std::fs::write(path, format!("{}{}", &text[..start], &text[end..])).unwrap();
            })
            .at(AT)
            .place(
                "kịch bản chưa có loại đội nào",
                "the scenario defines no team kind",
            )
            .hint("thêm ít nhất một loại đội", "add at least one team kind"),
        Case::plan("scenario: no district at all")
            .setup(|dir| {
                let path = dir.join(super::SCENARIO);
                let text = std::fs::read_to_string(&path).unwrap();
                let end = text.find("[[district]]").unwrap();
                std::fs::write(path, &text[..end]).unwrap();
            })
            .at(AT)
            .place(
                "kịch bản chưa có huyện nào",
                "the scenario has no districts",
            )
            .hint("thêm các mục [[district]]", "add [[district]] entries"),
        // ---- top-level values ----
        Case::plan("scenario: empty name")
            .scenario("name = \"Lạng Sơn, 2020-09-01\"", "name = \"\"")
            .at(&format!("{AT}:7:8"))
            .place("mục `name`", "field `name`")
            .hint("đặt một tên dễ nhận ra", "give it a recognisable name"),
        Case::plan("scenario: a date in quotes, day first")
            .scenario("as_of = 2020-09-01", "as_of = \"01/09/2020\"")
            .at(&format!("{AT}:8:9"))
            .place("mục `as_of`", "field `as_of`")
            .hint(
                "ghi ngày theo dạng năm-tháng-ngày, không có ngoặc kép",
                "write the date as year-month-day, without quotes",
            ),
        Case::plan("scenario: a date with a time")
            .scenario("as_of = 2020-09-01", "as_of = 2020-09-01T17:00:00")
            .at(&format!("{AT}:8:9"))
            .place(
                "cần một ngày, không kèm giờ",
                "expected a date without a time",
            )
            .hint(
                "ghi ngày theo dạng năm-tháng-ngày",
                "write the date as year-month-day",
            ),
        Case::plan("scenario: a horizon of 0 days")
            .scenario("horizon_days = 14 ", "horizon_days = 0 ")
            .at(&format!("{AT}:9:16"))
            .place("mục `horizon_days`", "field `horizon_days`")
            .hint("ví dụ horizon_days = 14", "e.g. horizon_days = 14"),
        Case::plan("scenario: a negative horizon")
            .scenario("horizon_days = 14 ", "horizon_days = -14 ")
            .at(&format!("{AT}:9:16"))
            .place("(đang là -14)", "(it is -14)")
            .hint("ví dụ horizon_days = 14", "e.g. horizon_days = 14"),
        Case::plan("scenario: a fractional horizon")
            .scenario("horizon_days = 14 ", "horizon_days = 14.5 ")
            .at(&format!("{AT}:9:16"))
            .place("mục `horizon_days`", "field `horizon_days`")
            .says(
                "cần một số nguyên, không phải 14.5",
                "expected a whole number, not 14.5",
            ),
        Case::plan("scenario: a misspelt objective")
            .scenario(
                "objective = \"max-installs\"",
                "objective = \"max-instals\"",
            )
            .at(&format!("{AT}:10:13"))
            .place(
                "không có mục tiêu \"max-instals\"",
                "unknown objective \"max-instals\"",
            )
            .hint(
                "có phải ý bạn là `max-installs`?",
                "did you mean `max-installs`?",
            ),
        Case::plan("scenario: an objective that is no objective")
            .scenario("objective = \"max-installs\"", "objective = \"cheapest\"")
            .at(&format!("{AT}:10:13"))
            .place("mục `objective`", "field `objective`")
            .hint(
                "\"min-cost\": đạt chỉ tiêu với chi phí thấp nhất",
                "\"min-cost\": reach the target at the least cost",
            ),
        // issue 13, U10: "unknown key `horizon​_days`; did you mean `horizon_days`?", the two
        // the same on screen
        Case::plan("scenario: a zero-width space in a key")
            .scenario("horizon_days = 14 ", "\"horizon\u{200b}_days\" = 14 ")
            .at(&format!("{AT}:9:1"))
            .place(
                "không biết khóa `horizon\\u{200b}_days`",
                "unknown key `horizon\\u{200b}_days`",
            )
            .hint(
                "có phải ý bạn là `horizon_days`? (ký tự thứ 8 là một dấu cách rộng 0 (U+200B), không nhìn thấy được: hãy xoá nó)",
                "did you mean `horizon_days`? (character 8 is a zero-width space (U+200B), which cannot be seen: delete it)",
            ),
        Case::plan("scenario: a Cyrillic letter in a key")
            .scenario("horizon_days = 14 ", "\"hоrizon_days\" = 14 ")
            .at(&format!("{AT}:9:1"))
            .place("không biết khóa `hоrizon_days`", "unknown key `hоrizon_days`")
            .hint(
                "(chữ `о` (U+043E, ký tự thứ 2) là chữ Kirin",
                "(the letter `о` (U+043E, character 2) is a Cyrillic letter",
            ),
        Case::plan("scenario: a misspelt top-level key")
            .scenario("horizon_days = 14 ", "horizon_day = 14 ")
            .at(&format!("{AT}:9:1"))
            .place("không biết khóa `horizon_day`", "unknown key `horizon_day`")
            .hint(
                "có phải ý bạn là `horizon_days`?",
                "did you mean `horizon_days`?",
            ),
        Case::plan("scenario: a top-level key like no other")
            .scenario(
                "horizon_days = 14 ",
                "horizon_days = 14\ncolour = \"blue\"\n#",
            )
            .at(&format!("{AT}:10:1"))
            .place("không biết khóa `colour`", "unknown key `colour`")
            .hint(
                "các khóa được dùng ở đây: `name`",
                "the keys allowed here: `name`",
            ),
        Case::plan("scenario: rules as a text, not a list")
            .scenario("rules = [\n", "rules = \"../rules\"\n# [\n")
            .scenario("  \"../rules/communication.rhai\",\n", "")
            .scenario("  \"../rules/mandatory-cohorts.rhai\",\n", "")
            .scenario("  \"../rules/door-to-door.rhai\",\n]\n", "\n\n\n\n")
            .at(&format!("{AT}:12:9"))
            .place("mục `rules`", "field `rules`")
            .hint(
                "ghi danh sách trong ngoặc vuông, ví dụ rules = [\"../rules\"]",
                "write a list in square brackets, e.g. rules = [\"../rules\"]",
            ),
        Case::plan("scenario: a rule file that is not there")
            .scenario(
                "\"../rules/communication.rhai\"",
                "\"../rules/communicaton.rhai\"",
            )
            .at(&format!("{AT}:13:3"))
            .place(
                "không tìm thấy tệp hoặc thư mục quy tắc",
                "rule file or folder",
            )
            .hint(
                "đường dẫn tính từ thư mục chứa tệp kịch bản ({dir}/scenarios)",
                "paths are relative to the scenario's folder ({dir}/scenarios)",
            ),
        Case::plan("scenario: an empty rule path")
            .scenario("\"../rules/communication.rhai\"", "\"\"")
            .at(&format!("{AT}:13:3"))
            .place(
                "đường dẫn tệp quy tắc đang để trống",
                "the rule path is empty",
            )
            .hint(
                "đường dẫn tính từ thư mục chứa tệp kịch bản",
                "paths are relative to the scenario's folder",
            ),
        Case::plan("scenario: a rule folder without rules")
            .scenario("\"../rules/communication.rhai\"", "\"../scenarios\"")
            .at(&format!("{AT}:13:3"))
            .place("không có tệp .rhai nào", "has no .rhai files")
            .hint(
                "đường dẫn tính từ thư mục chứa tệp kịch bản",
                "paths are relative to the scenario's folder",
            ),
        Case::plan("scenario: a negative budget")
            .scenario("# budget = 250_000_000", "budget = -250_000_000")
            .at(&format!("{AT}:17:10"))
            .place("mục `budget`", "field `budget`")
            .place("số này không được âm", "this number must not be negative")
            // trial 13g K4: no hint said what to write
            .hint(
                "ngân sách là 0 đồng trở lên, ví dụ budget = 500_000_000; bỏ dòng budget nếu không giới hạn chi phí",
                "a budget is 0 đồng or more, e.g. budget = 500_000_000; leave the budget line out for no limit",
            ),
        Case::plan("scenario: a negative budget through --set")
            .set("budget=-1")
            .at("--set budget=-1")
            .place("số này không được âm", "this number must not be negative")
            .hint("ngân sách là 0 đồng trở lên", "a budget is 0 đồng or more"),
        // trial 13g K12: a 9 MB name made an 18 MB page
        Case::plan("scenario: a name too long")
            .scenario(
                "name = \"Lạng Sơn, 2020-09-01\"",
                &format!("name = \"{}\"", "Lạng Sơn ".repeat(34)),
            )
            .at(&format!("{AT}:7:8"))
            .place(
                "mục `name`: tên kịch bản dài 305 ký tự; tên in ở đầu mọi kết quả nên tối đa 300 ký tự",
                "field `name`: the scenario's name is 305 characters long; the name heads every output and may have at most 300",
            )
            .hint("đặt một tên ngắn, dễ nhận ra", "give it a short, recognisable name"),
        // ---- [target] ----
        Case::plan("target: a percentage instead of a share")
            .scenario("provincial_rate = 0.40 ", "provincial_rate = 40 ")
            .at(&format!("{AT}:20:19"))
            .place(
                "mục `target.provincial_rate`",
                "field `target.provincial_rate`",
            )
            .hint("nếu ý bạn là 40% thì ghi 0.4", "if you meant 40%, write 0.4"),
        Case::plan("target: zero")
            .scenario("provincial_rate = 0.40 ", "provincial_rate = 0 ")
            .at(&format!("{AT}:20:19"))
            .place(
                "mục `target.provincial_rate`",
                "field `target.provincial_rate`",
            )
            .says(share.0, share.1),
        Case::plan("target: negative")
            .scenario("provincial_rate = 0.40 ", "provincial_rate = -0.4 ")
            .at(&format!("{AT}:20:19"))
            .place("(đang là -0.4)", "(it is -0.4)")
            .says(share.0, share.1),
        Case::plan("target: no provincial_rate")
            .scenario("provincial_rate = 0.40 ", "# provincial_rate = 0.40 ")
            .at(&format!("{AT}:19:1"))
            .place(
                "thiếu khóa `provincial_rate` trong [target]",
                "missing key `provincial_rate` in [target]",
            )
            .hint(
                "thêm một dòng như: provincial_rate = 0.40",
                "add a line such as: provincial_rate = 0.40",
            ),
        Case::plan("target: a misspelt key")
            .scenario("provincial_rate = 0.40 ", "provincial_rat = 0.40 ")
            .at(&format!("{AT}:20:1"))
            .place(
                "không biết khóa `provincial_rat` trong [target]",
                "unknown key `provincial_rat` in [target]",
            )
            .hint(
                "có phải ý bạn là `provincial_rate`?",
                "did you mean `provincial_rate`?",
            ),
        Case::plan("target: a floor above 1")
            .scenario("# district_floor = 0.30", "district_floor = 1.5")
            .at(&format!("{AT}:21:18"))
            .place(
                "mục `target.district_floor`",
                "field `target.district_floor`",
            )
            .says(floor.0, floor.1),
        Case::plan("target: a negative floor")
            .scenario("# district_floor = 0.30", "district_floor = -0.1")
            .at(&format!("{AT}:21:18"))
            .place("(đang là -0.1)", "(it is -0.1)")
            .says(floor.0, floor.1),
        // ---- [response] ----
        Case::plan("response: a reachable share of 0")
            .scenario("reachable_share = 0.8 ", "reachable_share = 0 ")
            .at(&format!("{AT}:24:19"))
            .place(
                "mục `response.reachable_share`",
                "field `response.reachable_share`",
            )
            .says(share.0, share.1),
        Case::plan("response: a percentage instead of a share")
            .scenario("reachable_share = 0.8 ", "reachable_share = 80 ")
            .at(&format!("{AT}:24:19"))
            .place(
                "mục `response.reachable_share`",
                "field `response.reachable_share`",
            )
            .hint("nếu ý bạn là 80% thì ghi 0.8", "if you meant 80%, write 0.8"),
        Case::plan("response: a misspelt key")
            .scenario("reachable_share = 0.8 ", "reachable_shar = 0.8 ")
            .at(&format!("{AT}:24:1"))
            .place(
                "không biết khóa `reachable_shar` trong [response]",
                "unknown key `reachable_shar` in [response]",
            )
            .hint(
                "có phải ý bạn là `reachable_share`?",
                "did you mean `reachable_share`?",
            ),
        Case::plan("response: a key like no other")
            .scenario(
                "reachable_share = 0.8 ",
                "reachable_share = 0.8\ncolour = 1\n#",
            )
            .at(&format!("{AT}:25:1"))
            .place(
                "không biết khóa `colour` trong [response]",
                "unknown key `colour` in [response]",
            )
            .hint(
                "các khóa được dùng ở đây: `reachable_share`",
                "the keys allowed here: `reachable_share`",
            ),
        // ---- [params] ----
        Case::plan("params: a table as a value")
            .scenario(
                "communication_reach = 0.01 ",
                "communication_reach = { share = 0.01 } ",
            )
            .at(&format!("{AT}:28:23"))
            .place(
                "mục `params.communication_reach`",
                "field `params.communication_reach`",
            )
            .hint("ví dụ: threshold = 0.3", "for example: threshold = 0.3"),
        Case::plan("params: a date as a value")
            .scenario(
                "communication_reach = 0.01 ",
                "communication_reach = 2020-09-01 ",
            )
            .at(&format!("{AT}:28:23"))
            .place(
                "mục `params.communication_reach`",
                "field `params.communication_reach`",
            )
            .hint("ví dụ: threshold = 0.3", "for example: threshold = 0.3"),
        Case::plan("params: a list of a number and a text")
            .scenario(
                "communication_reach = 0.01 ",
                "communication_reach = 0.01\nbands = [0.1, \"0.2\"]\n#",
            )
            .at(&format!("{AT}:29:15"))
            .place("mục `params.bands`", "field `params.bands`")
            .hint(
                "số viết không có ngoặc kép, chữ viết trong ngoặc kép",
                "write numbers without quotes and texts in double quotes",
            ),
        Case::plan("params: a list in a list")
            .scenario(
                "communication_reach = 0.01 ",
                "communication_reach = 0.01\nbands = [[0.1, 0.2]]\n#",
            )
            .at(&format!("{AT}:29:10"))
            .place("mục `params.bands`", "field `params.bands`")
            .hint(
                "ghi các giá trị liền nhau trong một danh sách",
                "write the values in one flat list",
            ),
        Case::plan("params: a key a rule reads is deleted")
            .scenario("student_uptake = 0.25 ", "# student_uptake = 0.25 ")
            .at("rules/communication.rhai:28:37")
            .place("không có `student_uptake`", "has no `student_uptake`")
            .hint(
                "thêm `student_uptake = ...` vào mục [params]",
                "add `student_uptake = ...` under [params]",
            ),
        Case::plan("params: a threshold in quotes")
            .scenario(
                "door_to_door_threshold = 0.30 ",
                "door_to_door_threshold = \"0.30\" ",
            )
            .at("lang-son-2020-09-01.toml:34:26")
            .place(
                "so sánh một số với một đoạn chữ \"0.30\"",
                "comparing a number with a text \"0.30\"",
            )
            .hint(
                "nếu giá trị lấy từ mục [params] thì hãy viết nó là số, không có dấu ngoặc kép",
                "if the value comes from [params], write it as a number, without quotes",
            ),
        // ---- figures too large to be real ----
        Case::plan("scenario: a budget too large to print")
            .scenario("# budget = 250_000_000", "budget = 1e308")
            .at(&format!("{AT}:17:10"))
            .place(
                "ngân sách quá lớn: 1e308, nhiều nhất là 1.000.000.000.000.000 đ",
                "the budget is too large: 1e308, at most 1,000,000,000,000,000 VND",
            )
            .hint(
                "ghi ngân sách bằng đồng, ví dụ budget = 600_000_000",
                "write the budget in đồng, e.g. budget = 600_000_000",
            ),
        Case::plan("scenario: a horizon of 2^63 - 1 days")
            .scenario("horizon_days = 14 ", "horizon_days = 9223372036854775807 ")
            .at(&format!("{AT}:9:16"))
            .place(
                "số ngày của đợt quá lớn: 9223372036854775807, nhiều nhất là 3.650 ngày",
                "the horizon is too long: 9223372036854775807 days, at most 3,650 days",
            )
            .hint(
                "đợt dài hơn thì lập kế hoạch cho từng giai đoạn",
                "plan a longer campaign in stages",
            ),
        // ---- TOML syntax: each mistake named in Vietnamese, with what to write ----
        Case::plan("toml: a text never closed")
            .scenario("name = \"Lạng Sơn, 2020-09-01\"", "name = \"Lạng Sơn, 2020-09-01")
            .at(&format!("{AT}:7:29"))
            .place(
                "đoạn chữ mở bằng dấu \" nhưng chưa có dấu \" đóng trên cùng dòng",
                "a text opened with \" is not closed on the same line",
            )
            .hint(
                "thêm dấu \" ở cuối đoạn chữ: name = \"Lạng Sơn, 2020-09-01\"",
                "add the closing \" at the end of the text: name = \"Lạng Sơn, 2020-09-01\"",
            ),
        // trial 13e H25: a text broken over two lines inside a list, or a long subject, was
        // said as a missing `]` or a key with spaces on the line below
        Case::plan("toml: a text in a list broken over two lines")
            .scenario(
                "name = \"Lạng Sơn, 2020-09-01\"",
                "name = \"Lạng Sơn, 2020-09-01\"\nnotes = [\"Như trên\",\n\"UBND tỉnh\n(BC)\", \"Lưu: VT\"]",
            )
            .at(&format!("{AT}:9:1"))
            .place(
                "đoạn chữ mở bằng dấu \" nhưng chưa có dấu \" đóng trên cùng dòng",
                "a text opened with \" is not closed on the same line",
            )
            .hint(
                "thêm dấu \" ở cuối đoạn chữ: \"UBND tỉnh\"; dấu \" nằm trong chữ thì viết \\\"; chữ dài nhiều dòng thì đặt giữa \"\"\" và \"\"\"",
                "add the closing \" at the end of the text: \"UBND tỉnh\"; a \" inside the text is written \\\"; a long text over several lines goes between \"\"\" and \"\"\"",
            ),
        Case::plan("toml: a value missing after `=`")
            .scenario("horizon_days = 14 ", "horizon_days = ")
            .at(&format!("{AT}:9:33"))
            .place(
                "thiếu giá trị sau `horizon_days =`",
                "the value after `horizon_days =` is missing",
            )
            .hint(
                "ghi giá trị sau dấu `=`, ví dụ horizon_days = 14",
                "write the value after `=`, e.g. horizon_days = 14",
            ),
        Case::plan("toml: a table header never closed")
            .scenario("[target]", "[target")
            .at(&format!("{AT}:19:8"))
            .place(
                "tiêu đề bảng `[target` thiếu dấu `]` đóng",
                "the table header `[target` lacks its closing `]`",
            )
            .hint(
                "viết tiêu đề trên một dòng, đủ ngoặc: [target]",
                "write the header on one line with all its brackets: [target]",
            ),
        Case::plan("toml: a key written twice")
            .scenario("horizon_days = 14 ", "horizon_days = 14\nhorizon_days = 7 ")
            .at(&format!("{AT}:10:1"))
            .place(
                "khóa `horizon_days` được ghi hai lần trong cùng một bảng (lần đầu ở dòng 9)",
                "the key `horizon_days` is written twice in one table (first on line 9)",
            )
            .hint(
                "giữ một dòng, xóa dòng kia",
                "keep one line and delete the other",
            ),
        Case::plan("toml: a backslash escape that is none")
            .scenario("name = \"Lạng Sơn, 2020-09-01\"", "name = \"Lạng\\q Sơn\"")
            .at(&format!("{AT}:7:14"))
            .place(
                "`\\q` trong đoạn chữ không phải một ký tự thoát hợp lệ",
                "`\\q` in a text is not a valid escape",
            )
            .hint(
                "muốn viết chính dấu \\ thì gõ \\\\",
                "for the \\ itself type \\\\",
            ),
        Case::plan("toml: a list never closed")
            .scenario(
                "  \"../rules/door-to-door.rhai\",\n]",
                "  \"../rules/door-to-door.rhai\",\n",
            )
            .at(&format!("{AT}:20:1"))
            .place(
                "danh sách [ ... ] ở trên chưa đóng: thiếu dấu `]`",
                "the list [ ... ] above is not closed: `]` is missing",
            )
            .hint(
                "thêm dấu `]` ở cuối danh sách, trước dòng này",
                "add `]` at the end of the list, before this line",
            ),
        Case::plan("toml: an inline table never closed")
            .scenario("teams = { commune = 24 }", "teams = { commune = 24 ")
            .at(&format!("{AT}:67:23"))
            .place(
                "bảng { ... } trên dòng này chưa đóng: thiếu dấu `}`",
                "the table { ... } on this line is not closed: `}` is missing",
            )
            .hint(
                "thêm dấu `}` ở cuối, ví dụ teams = { commune = 24 }",
                "add `}` at its end, e.g. teams = { commune = 24 }",
            ),
        Case::plan("toml: a word without quotes")
            .scenario("objective = \"max-installs\"", "objective = max-installs")
            .at(&format!("{AT}:10:13"))
            .place(
                "`max-installs` không phải một giá trị đọc được",
                "`max-installs` is not a value that can be read",
            )
            .hint(
                "nếu là chữ: objective = \"max-installs\"",
                "for a text: objective = \"max-installs\"",
            ),
        Case::plan("toml: a number with spaces")
            .scenario("# budget = 250_000_000", "budget = 250 000 000")
            .at(&format!("{AT}:17:10"))
            .place(
                "`250 000 000` không phải một giá trị đọc được",
                "`250 000 000` is not a value that can be read",
            )
            .hint(
                "nếu là số: viết liền, không dấu cách",
                "for a number: no spaces",
            ),
        Case::plan("toml: a decimal comma")
            .scenario("provincial_rate = 0.40 ", "provincial_rate = 0,40 ")
            .at(&format!("{AT}:20:20"))
            .place(
                "số `0,40` viết dấu phẩy thập phân",
                "the number `0,40` has a decimal comma",
            )
            .hint("viết 0.40", "write 0.40"),
        Case::plan("toml: a NUL byte in a text")
            .scenario("name = \"Lạng Sơn, 2020-09-01\"", "name = \"Lạng\0 Sơn\"")
            .at(&format!("{AT}:7:13"))
            .place(
                "đoạn chữ có một ký tự điều khiển không nhìn thấy được (U+0000)",
                "a text holds a control character that cannot be seen (U+0000)",
            )
            .hint(
                "xóa ký tự này rồi gõ lại đoạn chữ",
                "delete it and type the text again",
            ),
        Case::plan("toml: a date that is no date (month 13)")
            .scenario("as_of = 2020-09-01", "as_of = 2020-13-01")
            .at(&format!("{AT}:8:9"))
            .place(
                "`2020-13-01` không phải một ngày giờ có thật: tháng phải từ 01 đến 12",
                "`2020-13-01` is not a real date or time: the month must be from 01 to 12",
            )
            .hint(
                "ghi ngày theo dạng năm-tháng-ngày",
                "write the date as year-month-day",
            ),
        Case::plan("toml: a key 100 levels deep")
            .scenario(
                "# budget = 250_000_000",
                &format!("{} = 1", vec!["a"; 100].join(".")),
            )
            .at(&format!("{AT}:17:1"))
            .place(
                "khóa hoặc giá trị lồng nhau quá nhiều tầng",
                "keys or values are nested too deep",
            )
            .hint(
                "kiểm tra dòng này có bị dán lặp nhiều lần không",
                "check whether this line was pasted over and over",
            ),
        // ---- a value of the wrong kind: what to write, with the field's example ----
        Case::plan("type: horizon_days in quotes")
            .scenario("horizon_days = 14 ", "horizon_days = \"14\" ")
            .at(&format!("{AT}:9:16"))
            .place("mục `horizon_days`", "field `horizon_days`")
            .hint(
                "viết số không có ngoặc kép, không kèm đơn vị hay dấu %, ví dụ horizon_days = 14",
                "write the number without quotes, unit or %, e.g. horizon_days = 14",
            ),
        Case::plan("type: name as a number")
            .scenario("name = \"Lạng Sơn, 2020-09-01\"", "name = 5")
            .at(&format!("{AT}:7:8"))
            .place("mục `name`", "field `name`")
            .hint(
                "viết chữ trong ngoặc kép, ví dụ name = \"Lạng Sơn, 2020-09-01\"",
                "write the text in double quotes, e.g. name = \"Lạng Sơn, 2020-09-01\"",
            ),
        Case::plan("type: objective as a number")
            .scenario("objective = \"max-installs\"", "objective = 1")
            .at(&format!("{AT}:10:13"))
            .place("mục `objective`", "field `objective`")
            .hint(
                "viết chữ trong ngoặc kép, ví dụ objective = \"max-installs\"",
                "write the text in double quotes, e.g. objective = \"max-installs\"",
            ),
        Case::plan("type: budget as words")
            .scenario("# budget = 250_000_000", "budget = \"250 triệu\"")
            .at(&format!("{AT}:17:10"))
            .place("mục `budget`", "field `budget`")
            .hint(
                "viết số không có ngoặc kép, không kèm đơn vị hay dấu %, ví dụ budget = 250_000_000",
                "write the number without quotes, unit or %, e.g. budget = 250_000_000",
            ),
        Case::plan("type: target with a % in quotes")
            .scenario("provincial_rate = 0.40 ", "provincial_rate = \"40%\" ")
            .at(&format!("{AT}:20:19"))
            .place("mục `target.provincial_rate`", "field `target.provincial_rate`")
            .hint(
                "viết số không có ngoặc kép, không kèm đơn vị hay dấu %, ví dụ provincial_rate = 0.40",
                "write the number without quotes, unit or %, e.g. provincial_rate = 0.40",
            ),
        Case::plan("type: floor as true")
            .scenario("# district_floor = 0.30", "district_floor = true")
            .at(&format!("{AT}:21:18"))
            .place("mục `target.district_floor`", "field `target.district_floor`")
            .hint(
                "ghi một số, ví dụ district_floor = 0.30",
                "write a number, e.g. district_floor = 0.30",
            ),
        Case::plan("type: reachable_share in quotes")
            .scenario("reachable_share = 0.8 ", "reachable_share = \"0.8\" ")
            .at(&format!("{AT}:24:19"))
            .place("mục `response.reachable_share`", "field `response.reachable_share`")
            .hint(
                "viết số không có ngoặc kép, không kèm đơn vị hay dấu %, ví dụ reachable_share = 0.8",
                "write the number without quotes, unit or %, e.g. reachable_share = 0.8",
            ),
        // ---- nan and inf: not numbers a plan can use ----
        Case::plan("not finite: budget = nan")
            .scenario("# budget = 250_000_000", "budget = nan")
            .at(&format!("{AT}:17:10"))
            .place(
                "`nan` (nghĩa là \"không phải số\") không dùng được ở đây",
                "`nan` (meaning \"not a number\") cannot be used here",
            )
            .hint(
                "ghi một số, ví dụ budget = 250_000_000",
                "write a number, e.g. budget = 250_000_000",
            ),
        Case::plan("not finite: budget = inf")
            .scenario("# budget = 250_000_000", "budget = inf")
            .at(&format!("{AT}:17:10"))
            .place(
                "`inf` (nghĩa là vô cực) không dùng được ở đây",
                "`inf` (meaning infinity) cannot be used here",
            )
            .hint(
                "ghi một số, ví dụ budget = 250_000_000",
                "write a number, e.g. budget = 250_000_000",
            ),
        Case::plan("not finite: provincial_rate = nan")
            .scenario("provincial_rate = 0.40 ", "provincial_rate = nan ")
            .at(&format!("{AT}:20:19"))
            .place("mục `target.provincial_rate`", "field `target.provincial_rate`")
            .hint(
                "ghi một số, ví dụ provincial_rate = 0.40",
                "write a number, e.g. provincial_rate = 0.40",
            ),
        Case::plan("not finite: a [params] value nan")
            .scenario("communication_reach = 0.01 ", "communication_reach = nan ")
            .at(&format!("{AT}:28:23"))
            .place("mục `params.communication_reach`", "field `params.communication_reach`")
            .hint(
                "ghi một số cụ thể, ví dụ 0.25 hoặc 120",
                "write a definite number, e.g. 0.25 or 120",
            ),
        Case::plan("params: a key no rule reads, like one they read")
            .scenario(
                "communication_reach = 0.01 ",
                "communication_reach = 0.01\nCommunication_reach = 0.02\n#",
            )
            .at(AT)
            .place(
                "mục `params.Communication_reach`",
                "field `params.Communication_reach`",
            )
            .hint(
                "có phải ý bạn là `communication_reach`? Sửa tên trong tệp kịch bản",
                "did you mean `communication_reach`? Fix the name in the scenario file",
            ),
        // ---- issue 13 family 6: files the system cannot open, in the user's language ----
        Case::new("scenario: a link that loops back on itself", &["plan", "{dir}/scenarios/loop.toml"])
            .setup(|dir| {
                let at = dir.join("scenarios/loop.toml");
                std::os::unix::fs::symlink(&at, &at).unwrap();
            })
            .at("loop.toml: ")
            .place(
                "là một liên kết (symlink) vòng lại chính nó",
                "is a symbolic link that loops back on itself",
            )
            .hint("xóa liên kết này, hoặc tạo lại nó trỏ tới tệp thật", "delete the link, or make it again pointing at the real file"),
        Case::new("scenario: a link to a file that is not there", &["plan", "{dir}/scenarios/gone.toml"])
            .setup(|dir| {
                std::os::unix::fs::symlink("nowhere.toml", dir.join("scenarios/gone.toml")).unwrap();
            })
            .at("gone.toml: ")
            .place(
                "là một liên kết (symlink) trỏ tới `nowhere.toml`, nhưng tệp đó không có",
                "is a symbolic link to `nowhere.toml`, which does not exist",
            )
            .hint("sửa liên kết cho trỏ tới tệp có thật", "make the link point at a file that exists"),
        // trial13d G22: `0x` was "the number is too large"
        Case::plan("scenario: a hexadecimal prefix with no digits")
            .scenario("horizon_days = 14", "horizon_days = 0x")
            .at("lang-son-2020-09-01.toml:9:16")
            .place("`0x` không phải một số", "`0x` is not a number")
            .hint("ví dụ horizon_days = 14", "e.g. horizon_days = 14"),
        // trial13d G16: a NUL byte was shown as `�` and called a key
        Case::plan("scenario: a NUL byte")
            .scenario("horizon_days = 14", "horizon_days = 14\0")
            .at("lang-son-2020-09-01.toml:9:18")
            .place("ký tự NUL (U+0000, một byte nhị phân)", "a NUL character (U+0000, a binary byte)")
            .hint("xóa ký tự đó", "delete that character"),
        // trial13d G23: the TOML reader's English under Vietnamese
        Case::plan("scenario: an escape of no character")
            .scenario("horizon_days = 14", "horizon_days = \"\\uD800\"")
            .at("lang-son-2020-09-01.toml:9:17")
            .place("`\\uD800` không phải một ký tự", "`\\uD800` is no character")
            .hint("gõ thẳng ký tự đó", "type the character itself"),
        // trial13d G17: a rule file and a rule test given as the scenario
        Case::new("scenario: a rule file", &["plan", "{dir}/rules/door-to-door.rhai"])
            .at("rules/door-to-door.rhai: ")
            .place("đây là một tệp quy tắc (.rhai), không phải tệp kịch bản", "this is a rule file (.rhai), not a scenario file")
            .hint("dòng `rules = [...]` của kịch bản", "its `rules = [...]` line names it"),
        Case::new("scenario: a rule test file", &["plan", "{dir}/rules/tests/door-to-door.toml"])
            .copy("rules/tests/door-to-door.toml")
            .at("rules/tests/door-to-door.toml: ")
            .place("đây là một tệp kiểm thử quy tắc", "this is a rule test file")
            .hint("campaign rules test ", "run this test with campaign rules test "),
        Case::new("scenario: a name longer than the system allows", &["plan", &format!("{{dir}}/scenarios/{}.toml", "a".repeat(300))])
            .at(".toml: ")
            .place("tên tệp hoặc đường dẫn dài quá mức hệ thống cho phép", "its name or path is longer than the system allows")
            .hint("đặt tệp vào một thư mục có đường dẫn ngắn hơn", "move the file to a folder with a shorter path"),
        // issue 13, F18/F13: a Cyrillic letter in a bare key was "characters a key cannot have"
        Case::plan("scenario: a Cyrillic letter in a bare [params] key")
            .scenario("door_to_door_threshold = 0.30", "door_to_door_thrеshold = 0.30")
            .at(&format!("{AT}:34:17"))
            .place(
                "tên khóa `door_to_door_thrеshold` trông bình thường nhưng có một ký tự khác: chữ `е` (U+0435, ký tự thứ 17) là chữ Kirin",
                "the key `door_to_door_thrеshold` looks right but holds another character: the letter `е` (U+0435, character 17) is a Cyrillic letter",
            )
            .hint(
                "gõ lại tên khóa bằng bàn phím tiếng Việt hoặc tiếng Anh: `door_to_door_threshold`",
                "type the key again on a Vietnamese or English keyboard: `door_to_door_threshold`",
            ),
        Case::plan("scenario: a Cyrillic letter in a table header's key")
            .scenario("[response]", "[team_kind.vоlunteer]\navailable = 3\n\n[response]")
            .at(&format!("{AT}:23:13"))
            .place(
                "tên khóa `vоlunteer` trông bình thường nhưng có một ký tự khác: chữ `о` (U+043E, ký tự thứ 2)",
                "the key `vоlunteer` looks right but holds another character: the letter `о` (U+043E, character 2)",
            )
            .hint(
                "bàn phím tiếng Việt hoặc tiếng Anh: `volunteer`",
                "on a Vietnamese or English keyboard: `volunteer`",
            ),
        // the rules read `door_to_door_threshold`; the scenario writes it with a Cyrillic `е`
        Case::plan("scenario: a quoted [params] key with a Cyrillic letter that a rule reads")
            .scenario("door_to_door_threshold = 0.30", "\"door_to_door_thrеshold\" = 0.30")
            .at("door-to-door.rhai:17:39")
            .place(
                "mục [params] của kịch bản không có `door_to_door_threshold`",
                "the scenario's [params] has no `door_to_door_threshold`",
            )
            .hint(
                "có phải ý bạn là `door_to_door_thrеshold`? (trong `door_to_door_thrеshold`, chữ `е` (U+0435, ký tự thứ 17) là chữ Kirin",
                "did you mean `door_to_door_thrеshold`? (in `door_to_door_thrеshold`, the letter `е` (U+0435, character 17) is a Cyrillic letter",
            ),
    ]
}

#[test]
fn scenario() {
    check(cases());
}
