//! `campaign sweep --vary KEY=FROM..TO:STEP` (docs/what-if.md): ranges that are not ranges.

use super::{Case, check};

/// `campaign sweep` of the shipped scenario with `--vary {vary}`.
fn vary(name: &str, vary: &str) -> Case {
    Case::new(
        name,
        &[
            "sweep",
            "{dir}/scenarios/lang-son-2020-09-01.toml",
            "--vary",
            vary,
        ],
    )
}

fn cases() -> Vec<Case> {
    let how = (
        "viết `--vary KHÓA=TỪ..ĐẾN:BƯỚC`",
        "write `--vary KEY=FROM..TO:STEP`",
    );
    vec![
        // trial 13g K16: the caret was under the key, and `100_000_000` was not read
        vary("sweep: a bound that is not a number", "budget=100_000_000..3x:100_000_000")
            .at("--vary budget=100_000_000..3x:100_000_000: ")
            .place(
                "điểm cuối `3x` không phải là một số",
                "the end `3x` is not a number",
            )
            .hint(
                "có thể nhóm chữ số bằng `_` như trong tệp kịch bản",
                "grouped by `_` if you like, as in a scenario file",
            ),
        vary("sweep: no `=`", "team_kind.volunteer.available")
            .at("--vary team_kind.volunteer.available: ")
            .place(
                "thiếu dấu `=` giữa khóa và khoảng giá trị",
                "`=` missing between the key and the range",
            )
            .hint(how.0, how.1),
        vary("sweep: no key", "=0..60:10")
            .at("--vary =0..60:10: ")
            .place("chưa ghi khóa cần thay đổi", "the key to vary is missing")
            .hint(how.0, how.1),
        vary(
            "sweep: one value, no range",
            "team_kind.volunteer.available=10",
        )
        .at("--vary team_kind.volunteer.available=10: ")
        .place(
            "thiếu `..` giữa điểm đầu và điểm cuối",
            "lacks `..` between its start and end",
        )
        .hint(how.0, how.1),
        // a range written as a person writes it: the --vary to type, as typed (trial N12)
        vary("sweep: shares in percent, no step", "target.provincial_rate=40%..60%")
            .at("--vary target.provincial_rate=40%..60%: ")
            .place("thiếu bước `:BƯỚC`", "lacks its step `:STEP`")
            .hint(
                "(40% là 0.4): gõ --vary target.provincial_rate=0.4..0.6:0.02",
                "(40% is 0.4): type --vary target.provincial_rate=0.4..0.6:0.02",
            ),
        vary(
            "sweep: shares in percent, colons for the dots",
            "target.provincial_rate=40%:60%:5%",
        )
        .at("--vary target.provincial_rate=40%:60%:5%: ")
        .place(
            "thiếu `..` giữa điểm đầu và điểm cuối",
            "lacks `..` between its start and end",
        )
        .hint(
            "(40% là 0.4): gõ --vary target.provincial_rate=0.4..0.6:0.05",
            "(40% is 0.4): type --vary target.provincial_rate=0.4..0.6:0.05",
        ),
        vary(
            "sweep: a district's figure, no step",
            "district.\"Văn Lãng\".installed=8000..9000",
        )
        .at("--vary district.\"Văn Lãng\".installed=8000..9000: ")
        .place("thiếu bước `:BƯỚC`", "lacks its step `:STEP`")
        .hint(
            "gõ --vary 'district.\"Văn Lãng\".installed=8000..9000:100'",
            "type --vary 'district.\"Văn Lãng\".installed=8000..9000:100'",
        ),
        // the spend limit passed by one value of the range: the --vary is named (trial N9)
        vary(
            "sweep: a cost per team-day that takes the spend past the limit",
            "team_kind.volunteer.cost_per_team_day=4e8..1e9:3e8",
        )
        .set("team_kind.volunteer.available=100000")
        .at("--vary team_kind.volunteer.cost_per_team_day=4e8..1e9:3e8, ")
        .place("1.000.000.000", "1,000,000,000")
        .hint(
            "kiểm tra `cost_per_team_day` của loại `volunteer`",
            "check `cost_per_team_day` of kind `volunteer`",
        ),
        vary("sweep: no step", "team_kind.volunteer.available=0..60")
            .at("--vary team_kind.volunteer.available=0..60: ")
            .place("thiếu bước `:BƯỚC`", "lacks its step `:STEP`")
            .hint(how.0, how.1),
        vary(
            "sweep: the end below the start",
            "team_kind.volunteer.available=60..0:10",
        )
        .at("--vary team_kind.volunteer.available=60..0:10: ")
        .place(
            "điểm cuối 0 nhỏ hơn điểm đầu 60",
            "the end 0 is below the start 60",
        )
        .hint(how.0, how.1),
        vary(
            "sweep: a step of 0",
            "team_kind.volunteer.available=0..60:0",
        )
        .at("--vary team_kind.volunteer.available=0..60:0: ")
        .place(
            "bước phải lớn hơn 0, không phải 0",
            "the step must be above 0, not 0",
        )
        .hint(how.0, how.1),
        vary(
            "sweep: a negative step",
            "team_kind.volunteer.available=0..60:-10",
        )
        .at("--vary team_kind.volunteer.available=0..60:-10: ")
        .place("không phải -10", "not -10")
        .hint(how.0, how.1),
        vary(
            "sweep: too many values",
            "team_kind.volunteer.available=0..100000:1",
        )
        .at("--vary team_kind.volunteer.available=0..100000:1: ")
        .place("cho 100.001 giá trị", "gives 100,001 values")
        .says("nhiều hơn mức tối đa 1.000", "more than the 1,000 allowed")
        .hint(
            "dùng bước 200 (501 giá trị): --vary team_kind.volunteer.available=0..100000:200",
            "use the step 200 (501 values): --vary team_kind.volunteer.available=0..100000:200",
        ),
        // trial F07: the count formatted, and a step that fits (0.0008 would give 1,001)
        vary(
            "sweep: too many values of a share",
            "target.provincial_rate=0.1..0.9:0.0000001",
        )
        .at("--vary target.provincial_rate=0.1..0.9:0.0000001: ")
        .place("cho 8.000.001 giá trị", "gives 8,000,001 values")
        .says("nhiều hơn mức tối đa 1.000", "more than the 1,000 allowed")
        .hint(
            "dùng bước 0.001 (801 giá trị): --vary target.provincial_rate=0.1..0.9:0.001",
            "use the step 0.001 (801 values): --vary target.provincial_rate=0.1..0.9:0.001",
        ),
        vary(
            "sweep: a start that is not a number",
            "team_kind.volunteer.available=a..60:10",
        )
        .at("--vary team_kind.volunteer.available=a..60:10: ")
        .place(
            "điểm đầu `a` không phải là một số",
            "the start `a` is not a number",
        )
        .hint(how.0, how.1),
        vary(
            "sweep: decimal commas",
            "target.provincial_rate=0,3..0,5:0,1",
        )
        .at("--vary target.provincial_rate=0,3..0,5:0,1: ")
        .place(
            "điểm đầu `0,3` không phải là một số",
            "the start `0,3` is not a number",
        )
        .hint(
            "gõ --vary target.provincial_rate=0.3..0.5:0.1",
            "type --vary target.provincial_rate=0.3..0.5:0.1",
        ),
        vary(
            "sweep: nan as a start",
            "target.provincial_rate=nan..0.5:0.1",
        )
        .at("--vary target.provincial_rate=nan..0.5:0.1: ")
        .place(
            "điểm đầu `nan` không phải là một số",
            "the start `nan` is not a number",
        )
        .hint(how.0, how.1),
        vary("sweep: inf as an end", "budget=0..inf:1")
            .at("--vary budget=0..inf:1: ")
            .place(
                "điểm cuối `inf` không phải là một số",
                "the end `inf` is not a number",
            )
            .hint(how.0, how.1),
        vary("sweep: --out is the scenario", "horizon_days=7..14:7")
            .arg("--out")
            .arg("{dir}/scenarios/lang-son-2020-09-01.toml")
            .at("lang-son-2020-09-01.toml: ")
            .place(
                "đây là tệp mà chính lệnh này đang đọc",
                "this is a file this command reads",
            )
            .hint(
                "chọn một tên tệp khác cho kết quả",
                "choose another file name for the output",
            ),
        // ---- a value or key of the range refused: the `--vary` as typed, never a `--set` ----
        vary("sweep: a misspelt team kind", "team_kind.volunter.available=0..60:10")
            .at("--vary team_kind.volunter.available=0..60:10: ")
            .place(
                "kịch bản không có loại đội `volunter`",
                "the scenario has no team kind `volunter`",
            )
            .hint("có phải ý bạn là `volunteer`?", "did you mean `volunteer`?"),
        vary("sweep: a district that is not there", "district.Huu Lung.installed=1000..2000:500")
            .at("--vary district.Huu Lung.installed=1000..2000:500: ")
            .place("kịch bản không có huyện \"Huu Lung\"", "the scenario has no district \"Huu Lung\"")
            .hint("có phải ý bạn là \"Hữu Lũng\"?", "did you mean \"Hữu Lũng\"?"),
        // trial 13f J15: the value quoted was `0.00`, written by the range's decimals, for the
        // `0` typed; the step is what is not whole
        vary("sweep: fractional values for a whole number", "team_kind.volunteer.available=0..1:0.25")
            .at("--vary team_kind.volunteer.available=0..1:0.25: ")
            .place(
                "nhận số nguyên: bước 0.25 cho ra 0,25, không phải số nguyên",
                "takes whole numbers: the step 0.25 gives 0.25, not a whole number",
            )
            .hint(
                "`team_kind.volunteer.available` là số nguyên: chọn điểm đầu và bước là số nguyên, ví dụ --vary team_kind.volunteer.available=0..1:1",
                "`team_kind.volunteer.available` is a whole number: give a whole start and step, e.g. --vary team_kind.volunteer.available=0..1:1",
            ),
        vary("sweep: a whole start and a fractional step for a whole number", "team_kind.volunteer.available=10..20:2.5")
            .at("--vary team_kind.volunteer.available=10..20:2.5: ")
            .place(
                "`team_kind.volunteer.available` nhận số nguyên: bước 2.5 cho ra 12,5, không phải số nguyên",
                "`team_kind.volunteer.available` takes whole numbers: the step 2.5 gives 12.5, not a whole number",
            )
            .hint(
                "là số nguyên: chọn điểm đầu và bước là số nguyên, ví dụ --vary team_kind.volunteer.available=10..20:3",
                "is a whole number: give a whole start and step, e.g. --vary team_kind.volunteer.available=10..20:3",
            ),
        vary("sweep: a fractional start for a whole number", "team_kind.volunteer.available=10.5..20:1")
            .at("--vary team_kind.volunteer.available=10.5..20:1: ")
            .place(
                "nhận số nguyên: điểm đầu 10.5 không phải số nguyên",
                "takes whole numbers: the start 10.5 is not one",
            )
            .hint(
                "ví dụ --vary team_kind.volunteer.available=11..20:1",
                "e.g. --vary team_kind.volunteer.available=11..20:1",
            ),
        // trial 13f J15: the start typed `0` was quoted `0.0`, twice
        vary("sweep: a share range from 0", "response.reachable_share=0..1:0.5")
            .at("--vary response.reachable_share=0..1:0.5, ")
            .place("giá trị 0: ", "value 0: ")
            .place("(đang là 0)", "(it is 0)")
            .hint(
                "bắt đầu khoảng từ một số lớn hơn 0, ví dụ --vary response.reachable_share=0.5..1.0:0.5",
                "start the range above 0, e.g. --vary response.reachable_share=0.5..1.0:0.5",
            ),
        vary("sweep: shares above 1", "target.provincial_rate=0.5..1.5:0.25")
            .at("--vary target.provincial_rate=0.5..1.5:0.25, ")
            .place("giá trị 1,25", "value 1.25")
            .hint(
                "không quá 1 (100%): cho khoảng dừng ở 1, ví dụ --vary target.provincial_rate=0.50..1.00:0.25",
                "at most 1 (100%): end the range at 1, e.g. --vary target.provincial_rate=0.50..1.00:0.25",
            ),
        vary("sweep: percentages for shares", "target.provincial_rate=30..50:5")
            .at("--vary target.provincial_rate=30..50:5, ")
            .place("giá trị 30", "value 30")
            .hint(
                "(30% là 0.3): gõ --vary target.provincial_rate=0.30..0.50:0.05",
                "(30% is 0.3): type --vary target.provincial_rate=0.30..0.50:0.05",
            ),
        vary("sweep: numbers for a text key", "objective=0..2:1")
            .at("--vary objective=0..2:1, ")
            .place("mục `objective`", "field `objective`")
            .hint(
                "--vary chỉ thay đổi khóa nhận số; `objective` nhận chữ",
                "--vary changes keys that take numbers; `objective` takes a text",
            ),
        vary("sweep: a --set of the varied key", "team_kind.volunteer.available=0..60:10")
            .set("team_kind.volunteer.available=5")
            .at("--set team_kind.volunteer.available=5: ")
            .place(
                "khóa `team_kind.volunteer.available` cũng là khóa mà --vary thay đổi",
                "`team_kind.volunteer.available` is the key that --vary changes",
            )
            .hint(
                "bỏ --set team_kind.volunteer.available=5",
                "leave out --set team_kind.volunteer.available=5",
            ),
        // trial13d G1: the value named was u128::MAX, the budget's limit not at all
        vary("sweep: a budget range far past the limit", "budget=0..1e300:1e298")
            .at("--vary budget=0..1e300:1e298, ")
            .place("giá trị 1 × 10^298", "value 1 × 10^298")
            .place("nhiều nhất là 1.000.000.000.000.000 đ", "at most 1,000,000,000,000,000 VND")
            .hint("ghi ngân sách bằng đồng", "write the budget in đồng"),
        // rate13b: a whole-number key's values past about 10^36 were written `1e37` and refused
        // as "not a whole number"; they are too large, the largest the key takes named, under
        // the --vary as typed
        vary("sweep: a horizon of 10^37 days", "horizon_days=1e37..2e37:1e37")
            .at("--vary horizon_days=1e37..2e37:1e37, ")
            .place("giá trị 1 × 10^37", "value 1 × 10^37")
            .place(
                "số `1e37` quá lớn, nhiều nhất là 3.650",
                "the number `1e37` is too large, at most 3,650",
            )
            .hint(
                "dùng một số nguyên không quá 3.650",
                "use a whole number of at most 3,650",
            ),
        vary(
            "sweep: a team count of 10^37",
            "team_kind.volunteer.available=1e37..3e37:1e37",
        )
        .at("--vary team_kind.volunteer.available=1e37..3e37:1e37, ")
        .place(
            "số `1e37` quá lớn, nhiều nhất là 100.000",
            "the number `1e37` is too large, at most 100,000",
        )
        .hint(
            "dùng một số nguyên không quá 100.000",
            "use a whole number of at most 100,000",
        ),
        // below 10^36 the value was written digit for digit as the binary fraction holds it
        // (99999999999999996863366107917975552 days): from 10^15 up, a power of ten
        vary("sweep: a horizon of 10^35 days", "horizon_days=1e35..2e35:1e35")
            .at("--vary horizon_days=1e35..2e35:1e35, ")
            .place(
                "số `1e35` quá lớn, nhiều nhất là 3.650",
                "the number `1e35` is too large, at most 3,650",
            )
            .hint(
                "dùng một số nguyên không quá 3.650",
                "use a whole number of at most 3,650",
            ),
        // trial13d G2: the hint named a `--set` the user never typed
        vary("sweep: a rule stops at a swept value", "params.communication_reach=0..1e20:1e19")
            .at("rules/communication.rhai:33:14")
            .place("khi params.communication_reach = 1 × 10^19", "with params.communication_reach = 1 × 10^19")
            .hint(
                "quy tắc `communication` đọc `params.communication_reach`, mà `--vary params.communication_reach=0..1e20:1e19` đặt bằng 1 × 10^19 ở giá trị này",
                "the rule `communication` reads `params.communication_reach`, which `--vary params.communication_reach=0..1e20:1e19` sets to 1 × 10^19 here",
            ),
        // trial 13e H26: a swept value that breaks a history check is named with its --vary on
        // the error's own line (it was a second, bare "error:" line)
        Case::new(
            "sweep: a swept value below an earlier snapshot",
            &[
                "sweep",
                "{dir}/scenarios/history-2020-09-01.toml",
                "--vary",
                "district.Hữu Lũng.installed=10000..20000:5000",
            ],
        )
        .copy("scenarios/history-2020-09-01.toml")
        .copy("scenarios/coverage-2020-08-25.csv")
        .copy("scenarios/coverage-2020-08-18.csv")
        // (rest): the swept value is the --vary's, not "the scenario's current figure", and the
        // hint is to change the range, not a --set the user never typed
        .at("--vary district.Hữu Lũng.installed=10000..20000:5000, ")
        .place("giá trị 10.000", "value 10,000")
        .place(
            "xuống 10.000 (ngày 2020-09-01, số ghi ở đây)",
            "to 10,000 (2020-09-01, the figure given here)",
        )
        .hint(
            "đổi khoảng của `district.Hữu Lũng.installed` sao cho mọi giá trị đều khớp",
            "change the range of `district.Hữu Lũng.installed` so that every value does",
        ),
        Case::new(
            "sweep: swept smartphones far from an earlier snapshot",
            &[
                "sweep",
                "{dir}/scenarios/history-2020-09-01.toml",
                "--vary",
                "district.Hữu Lũng.smartphones=100000..400000:100000",
            ],
        )
        .copy("scenarios/history-2020-09-01.toml")
        .copy("scenarios/coverage-2020-08-25.csv")
        .copy("scenarios/coverage-2020-08-18.csv")
        .at("--vary district.Hữu Lũng.smartphones=100000..400000:100000, ")
        .place("giá trị 200.000", "value 200,000")
        .place(
            "(mâu thuẫn với `smartphones` ghi ở {dir}/scenarios/coverage-2020-08-18.csv:4)",
            "(conflicts with `smartphones` at {dir}/scenarios/coverage-2020-08-18.csv:4)",
        )
        .hint(
            "không khớp với số ghi ở {dir}/scenarios/coverage-2020-08-18.csv:4",
            "does not go with the one at {dir}/scenarios/coverage-2020-08-18.csv:4",
        ),
        // trial13d G30: 1.25 is not taken for 1.25%
        vary("sweep: shares above 1 with decimals, not percents", "target.provincial_rate=1.25..1.5:0.25")
            .at("--vary target.provincial_rate=1.25..1.5:0.25, ")
            .place("giá trị 1,25", "value 1.25")
            .hint(
                "ghi bằng số thập phân từ 0 đến 1 (40% là 0.4): chọn khoảng trong 0..1",
                "written as a decimal from 0 to 1 (40% is 0.4): choose a range within 0..1",
            ),
        // trial13d G19: the --set of the swept district, spelt another way, was dropped
        vary("sweep: a --set of the swept district spelt another way", "district.hữu lũng.installed=0..20000:10000")
            .set("district.Huyện Hữu Lũng.installed=5")
            .at("--set district.Huyện Hữu Lũng.installed=5: ")
            .place("`district.hữu lũng.installed` cũng là khóa mà --vary thay đổi", "`district.hữu lũng.installed` is the key that --vary changes")
            .hint(
                "bỏ --set district.Huyện Hữu Lũng.installed=5",
                "leave out --set district.Huyện Hữu Lũng.installed=5",
            ),
        Case::new(
            "sweep: a scenario that is not there",
            &["sweep", "{dir}/scenarios/nope.toml", "--vary", "horizon_days=7..14:7"],
        )
        .at("scenarios/nope.toml: ")
        .place("không tìm thấy tệp kịch bản", "the scenario file was not found")
        .hint("kiểm tra đường dẫn và tên tệp", "check the path and the file name"),
        // issue 13, F16: the same key set twice beside the key varied
        vary("sweep: one key set twice", "team_kind.volunteer.available=10..20:10")
            .arg("--set")
            .arg("target.provincial_rate=0.4")
            .arg("--set")
            .arg("target.provincial_rate=0.45")
            .at("--set target.provincial_rate=0.45: ")
            .place(
                "đã được đặt bằng --set target.provincial_rate=0.4",
                "already set by --set target.provincial_rate=0.4",
            )
            .hint("giữ một trong hai --set", "keep one of the two --set"),
    ]
}

#[test]
fn sweep() {
    check(cases());
}
