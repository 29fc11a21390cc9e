//! `[[team_kind]]`: the commune teams (lines 37-41) and the volunteer teams (lines 43-48).

use super::{Case, check};

const AT: &str = "lang-son-2020-09-01.toml";

/// `campaign plan` with the volunteer kind's `from` changed to `to`.
fn volunteer(name: &str, from: &str, to: &str) -> Case {
    Case::plan(name).scenario(from, to)
}

fn cases() -> Vec<Case> {
    let pool = (
        "số đội sẵn có phải từ 0 đến 100.000",
        "the number of available teams must be between 0 and 100,000",
    );
    let rate = (
        "số lượt cài mỗi đội mỗi ngày phải lớn hơn 0",
        "installs per team-day must be more than 0",
    );
    let twice = (
        "mỗi loại đội cần một tên riêng; đổi tên hoặc xóa một mục",
        "each team kind needs its own name; rename or remove one of them",
    );
    vec![
        volunteer(
            "team kind: an empty name",
            "name = \"volunteer\" ",
            "name = \"\" ",
        )
        .at(&format!("{AT}:44:8"))
        .place("mục `team_kind.name`", "field `team_kind.name`")
        .hint(
            "đặt một tên ngắn, ví dụ \"commune\"",
            "give it a short name, e.g. \"commune\"",
        ),
        volunteer(
            "team kind: no name",
            "name = \"volunteer\" ",
            "# name = \"volunteer\" ",
        )
        .at(&format!("{AT}:43:1"))
        .place(
            "thiếu khóa `name` trong [[team_kind]]",
            "missing key `name` in [[team_kind]]",
        )
        .hint("thêm một dòng như: name = ", "add a line such as: name = "),
        volunteer(
            "team kind: the same name twice",
            "name = \"volunteer\" ",
            "name = \"commune\" ",
        )
        .at(&format!("{AT}:44:8"))
        .place("(lần đầu ở dòng 38)", "(first at line 38)")
        .hint(twice.0, twice.1),
        volunteer(
            "team kind: the same name with a space after it",
            "name = \"volunteer\" ",
            "name = \"commune \" ",
        )
        .at(&format!("{AT}:44:8"))
        .place(
            "loại đội `commune` bị khai báo hai lần",
            "team kind `commune` is defined twice",
        )
        .hint(twice.0, twice.1),
        volunteer(
            "team kind: a scope that is not one",
            "scope = \"provincial\"",
            "scope = \"province\"",
        )
        .at(&format!("{AT}:45:9"))
        .place(
            "phạm vi \"province\" không hợp lệ",
            "scope \"province\" is not valid",
        )
        .hint(
            "có phải ý bạn là `provincial`?",
            "did you mean `provincial`?",
        ),
        volunteer(
            "team kind: no pool for a provincial kind",
            "available = 30 ",
            "# available = 30 ",
        )
        .at(&format!("{AT}:43:1"))
        .place(
            "loại đội `volunteer`: thiếu khóa `available`",
            "team kind `volunteer`: missing key `available`",
        )
        .hint(
            "thêm một dòng như: available = 30",
            "add a line such as: available = 30",
        ),
        volunteer(
            "team kind: a negative pool",
            "available = 30 ",
            "available = -3 ",
        )
        .at(&format!("{AT}:46:13"))
        .place("loại đội `volunteer`", "team kind `volunteer`")
        .says(pool.0, pool.1),
        volunteer(
            "team kind: a pool too large to be real",
            "available = 30 ",
            "available = 3_000_000 ",
        )
        .at(&format!("{AT}:46:13"))
        .place("mục `team_kind.available`", "field `team_kind.available`")
        .says(pool.0, pool.1),
        volunteer(
            "team kind: a fractional pool",
            "available = 30 ",
            "available = 30.5 ",
        )
        .at(&format!("{AT}:46:13"))
        .place("loại đội `volunteer`", "team kind `volunteer`")
        .says(
            "cần một số nguyên, không phải 30.5",
            "expected a whole number, not 30.5",
        ),
        Case::plan("team kind: a pool for a local kind")
            .scenario("scope = \"local\"", "scope = \"local\"\navailable = 5")
            .at(&format!("{AT}:40:13"))
            .place("loại đội `commune`", "team kind `commune`")
            .hint(
                "xóa dòng này, hoặc đổi scope thành \"provincial\"",
                "remove this line, or change scope to \"provincial\"",
            ),
        volunteer(
            "team kind: zero installs per team-day",
            "installs_per_team_day = 40 ",
            "installs_per_team_day = 0 ",
        )
        .at(&format!("{AT}:47:25"))
        .place(
            "mục `team_kind.installs_per_team_day`",
            "field `team_kind.installs_per_team_day`",
        )
        .says(rate.0, rate.1),
        volunteer(
            "team kind: negative installs per team-day",
            "installs_per_team_day = 40 ",
            "installs_per_team_day = -40 ",
        )
        .at(&format!("{AT}:47:25"))
        .place("(đang là -40)", "(it is -40)")
        .says(rate.0, rate.1),
        volunteer(
            "team kind: no installs per team-day",
            "installs_per_team_day = 40 ",
            "# installs_per_team_day = 40 ",
        )
        .at(&format!("{AT}:43:1"))
        .place(
            "thiếu khóa `installs_per_team_day`",
            "missing key `installs_per_team_day`",
        )
        .hint(
            "thêm một dòng như: installs_per_team_day = ",
            "add a line such as: installs_per_team_day = ",
        ),
        volunteer(
            "team kind: a negative cost",
            "cost_per_team_day = 300_000 ",
            "cost_per_team_day = -300_000 ",
        )
        .at(&format!("{AT}:48:21"))
        .place(
            "mục `team_kind.cost_per_team_day`",
            "field `team_kind.cost_per_team_day`",
        )
        .says(
            "chi phí mỗi đội mỗi ngày không được âm",
            "the cost per team-day must not be negative",
        ),
        volunteer(
            "team kind: a misspelt key",
            "cost_per_team_day = 300_000 ",
            "cost_per_teamday = 300_000 ",
        )
        .at(&format!("{AT}:48:1"))
        .place(
            "không biết khóa `cost_per_teamday` trong [[team_kind]]",
            "unknown key `cost_per_teamday` in [[team_kind]]",
        )
        .hint(
            "có phải ý bạn là `cost_per_team_day`?",
            "did you mean `cost_per_team_day`?",
        ),
        volunteer(
            "team kind: a key like no other",
            "cost_per_team_day = 300_000 ",
            "colour = 1 ",
        )
        .at(&format!("{AT}:48:1"))
        .place(
            "không biết khóa `colour` trong [[team_kind]]",
            "unknown key `colour` in [[team_kind]]",
        )
        .hint(
            "các khóa được dùng ở đây: `name`, `scope`",
            "the keys allowed here: `name`, `scope`",
        ),
    ]
}

#[test]
fn team_kinds() {
    check(cases());
}
