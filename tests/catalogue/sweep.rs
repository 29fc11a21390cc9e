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
        vary("sweep: no `=`", "team_kind.volunteer.available")
            .at("`--vary team_kind.volunteer.available`")
            .place(
                "thiếu dấu `=` giữa khóa và khoảng giá trị",
                "`=` missing between the key and the range",
            )
            .hint(how.0, how.1),
        vary("sweep: no key", "=0..60:10")
            .at("`--vary =0..60:10`")
            .place("chưa ghi khóa cần thay đổi", "the key to vary is missing")
            .hint(how.0, how.1),
        vary(
            "sweep: one value, no range",
            "team_kind.volunteer.available=10",
        )
        .at("`--vary team_kind.volunteer.available=10`")
        .place(
            "thiếu `..` giữa điểm đầu và điểm cuối",
            "lacks `..` between its start and end",
        )
        .hint(how.0, how.1),
        vary("sweep: no step", "team_kind.volunteer.available=0..60")
            .at("`--vary team_kind.volunteer.available=0..60`")
            .place("thiếu bước `:BƯỚC`", "lacks its step `:STEP`")
            .hint(how.0, how.1),
        vary(
            "sweep: the end below the start",
            "team_kind.volunteer.available=60..0:10",
        )
        .at("`--vary team_kind.volunteer.available=60..0:10`")
        .place(
            "điểm cuối 0 nhỏ hơn điểm đầu 60",
            "the end 0 is below the start 60",
        )
        .hint(how.0, how.1),
        vary(
            "sweep: a step of 0",
            "team_kind.volunteer.available=0..60:0",
        )
        .at("`--vary team_kind.volunteer.available=0..60:0`")
        .place(
            "bước phải lớn hơn 0, không phải 0",
            "the step must be above 0, not 0",
        )
        .hint(how.0, how.1),
        vary(
            "sweep: a negative step",
            "team_kind.volunteer.available=0..60:-10",
        )
        .at("`--vary team_kind.volunteer.available=0..60:-10`")
        .place("không phải -10", "not -10")
        .hint(how.0, how.1),
        vary(
            "sweep: too many values",
            "team_kind.volunteer.available=0..100000:1",
        )
        .at("`--vary team_kind.volunteer.available=0..100000:1`")
        .place("cho 100001 giá trị", "gives 100001 values")
        .says("nhiều hơn mức tối đa 1000", "more than the 1000 allowed"),
        vary(
            "sweep: a start that is not a number",
            "team_kind.volunteer.available=a..60:10",
        )
        .at("`--vary team_kind.volunteer.available=a..60:10`")
        .place(
            "điểm đầu `a` không phải là một số",
            "the start `a` is not a number",
        )
        .hint(how.0, how.1),
        vary(
            "sweep: decimal commas",
            "target.provincial_rate=0,3..0,5:0,1",
        )
        .at("`--vary target.provincial_rate=0,3..0,5:0,1`")
        .place(
            "điểm đầu `0,3` không phải là một số",
            "the start `0,3` is not a number",
        )
        .hint(
            "--vary target.provincial_rate=0.40..0.50:0.02",
            "--vary target.provincial_rate=0.40..0.50:0.02",
        ),
        vary(
            "sweep: nan as a start",
            "target.provincial_rate=nan..0.5:0.1",
        )
        .at("`--vary target.provincial_rate=nan..0.5:0.1`")
        .place(
            "điểm đầu `nan` không phải là một số",
            "the start `nan` is not a number",
        )
        .hint(how.0, how.1),
        vary("sweep: inf as an end", "budget=0..inf:1")
            .at("`--vary budget=0..inf:1`")
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
    ]
}

#[test]
fn sweep() {
    check(cases());
}
