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
        .place(
            "loại đội `commune` bị khai báo hai lần (lần đầu ở dòng 38)",
            "team kind `commune` is defined twice (first at line 38)",
        )
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
        // the same name in other capitals is the same kind (MODEL.md: names as a person reads them)
        volunteer(
            "team kind: a name given again in other capitals",
            "name = \"volunteer\" ",
            "name = \"Commune\" ",
        )
        .at(&format!("{AT}:44:8"))
        .place(
            "loại đội `Commune` bị khai báo hai lần (lần đầu ở dòng 38)",
            "team kind `Commune` is defined twice (first at line 38)",
        )
        .hint(twice.0, twice.1),
        volunteer(
            "team kind: a zero-width space in the name",
            "name = \"volunteer\" ",
            "name = \"volun\u{200b}teer\" ",
        )
        .at(&format!("{AT}:44:8"))
        .place(
            "một dấu cách rộng 0 (U+200B) ở ký tự thứ 6",
            "a zero-width space (U+200B) at character 6",
        )
        .hint("gõ lại tên loại đội", "type the name again"),
        // issue 13, F10: "volunteer\u{fe0f}" was a second provincial kind that printed alike
        volunteer(
            "team kind: a variation selector at the end of the name",
            "name = \"volunteer\" ",
            "name = \"volunteer\u{fe0f}\" ",
        )
        .at(&format!("{AT}:44:8"))
        .place(
            "một ký tự chọn kiểu hiển thị (như sau biểu tượng cảm xúc) (U+FE0F) ở ký tự thứ 10",
            "a variation selector (as after an emoji) (U+FE0F) at character 10",
        )
        .hint("gõ lại tên loại đội", "type the name again"),
        volunteer(
            "team kind: a Hangul filler in the name",
            "name = \"volunteer\" ",
            "name = \"volun\u{3164}teer\" ",
        )
        .at(&format!("{AT}:44:8"))
        .place(
            "một ký tự đệm của chữ Hàn (U+3164) ở ký tự thứ 6",
            "a Hangul filler (U+3164) at character 6",
        )
        .hint("gõ lại tên loại đội", "type the name again"),
        // issue 13, U10: "no team kind `volunteer`; did you mean `volun teer`?" at the rule
        volunteer(
            "team kind: a no-break space in the name",
            "name = \"volunteer\" ",
            "name = \"volun\u{a0}teer\" ",
        )
        .at(&format!("{AT}:44:8"))
        .place(
            "một dấu cách không ngắt dòng (U+00A0) ở ký tự thứ 6",
            "a no-break space (U+00A0) at character 6",
        )
        .hint(
            "xoá ký tự đó và gõ lại tên loại đội, chỉ dùng dấu cách thường",
            "delete that character and type the name again, with plain spaces only",
        ),
        volunteer(
            "team kind: a Cyrillic letter in the name",
            "name = \"volunteer\" ",
            "name = \"vоlunteer\" ",
        )
        .at(&format!("{AT}:44:8"))
        .place(
            "chữ `о` (U+043E, ký tự thứ 2) là chữ Kirin (như của tiếng Nga), trông giống chữ `o`",
            "the letter `о` (U+043E, character 2) is a Cyrillic letter (as in Russian) that looks like the Latin `o`",
        )
        .hint(
            "xoá chữ đó và gõ lại",
            "delete that letter and type it again",
        ),
        volunteer(
            "team kind: a name of 201 characters",
            "name = \"volunteer\" ",
            &format!("name = \"{}\" ", "v".repeat(201)),
        )
        .at(&format!("{AT}:44:8"))
        .place(
            "tên loại đội dài 201 ký tự, quá giới hạn 200 ký tự",
            "the team kind's name is 201 characters long, above the limit of 200 characters",
        )
        .hint("đặt một tên ngắn", "give it a short name"),
        volunteer(
            "team kind: a cost per team-day too large to print",
            "cost_per_team_day = 300_000 ",
            "cost_per_team_day = 1e17 ",
        )
        .at(&format!("{AT}:48:21"))
        .place(
            "chi phí mỗi đội mỗi ngày quá lớn: 1e17, nhiều nhất là 1.000.000.000 đ",
            "the cost per team-day is too large: 1e17, at most 1,000,000,000 VND",
        )
        .hint(
            "ghi chi phí một đội trong một ngày, bằng đồng",
            "write what one team costs for one day, in đồng",
        ),
        // trial 13g K19: a cost in half đồng printed totals above the budget the exact cost kept
        volunteer(
            "team kind: a cost per team-day in fractions of a đồng",
            "cost_per_team_day = 300_000 ",
            "cost_per_team_day = 300_000.5 ",
        )
        .at(&format!("{AT}:48:21"))
        .place(
            "chi phí mỗi đội mỗi ngày có phần lẻ của đồng: 300_000.5",
            "the cost per team-day has a fraction of a đồng: 300_000.5",
        )
        .hint("làm tròn thành số đồng chẵn", "round it to whole đồng"),
        Case::plan("set: a cost per team-day in fractions of a đồng")
            .set("team_kind.commune.cost_per_team_day=150000.5")
            .at("--set team_kind.commune.cost_per_team_day=150000.5: ")
            .place(
                "loại đội `commune`: chi phí mỗi đội mỗi ngày có phần lẻ của đồng: 150000.5",
                "team kind `commune`: the cost per team-day has a fraction of a đồng: 150000.5",
            )
            .hint("làm tròn thành số đồng chẵn", "round it to whole đồng"),
        Case::plan("toml: [team_kind] with single brackets")
            .scenario("[[team_kind]]\nname = \"volunteer\"", "[team_kind]\nname = \"volunteer\"")
            .at(&format!("{AT}:43:2"))
            .place(
                "tiêu đề [team_kind] chỉ có một cặp ngoặc vuông, trong khi dòng 37 viết [[team_kind]]",
                "the header [team_kind] has single brackets, while line 37 writes [[team_kind]]",
            )
            .hint(
                "viết mỗi loại đội dưới tiêu đề [[team_kind]] (hai cặp ngoặc vuông)",
                "write each team kind under a [[team_kind]] header (double square brackets)",
            ),
        volunteer("type: scope as a number", "scope = \"provincial\"", "scope = 1")
            .at(&format!("{AT}:45:9"))
            .place("mục `team_kind.scope`: loại đội `volunteer`", "field `team_kind.scope`: team kind `volunteer`")
            .hint(
                "viết chữ trong ngoặc kép, ví dụ scope = \"provincial\"",
                "write the text in double quotes, e.g. scope = \"provincial\"",
            ),
        volunteer("type: available in quotes", "available = 30 ", "available = \"30\" ")
            .at(&format!("{AT}:46:13"))
            .place("mục `team_kind.available`", "field `team_kind.available`")
            .hint(
                "viết số không có ngoặc kép, không kèm đơn vị hay dấu %, ví dụ available = 30",
                "write the number without quotes, unit or %, e.g. available = 30",
            ),
        volunteer(
            "type: installs_per_team_day in quotes",
            "installs_per_team_day = 40 ",
            "installs_per_team_day = \"40\" ",
        )
        .at(&format!("{AT}:47:25"))
        .place("mục `team_kind.installs_per_team_day`", "field `team_kind.installs_per_team_day`")
        .hint(
            "viết số không có ngoặc kép, không kèm đơn vị hay dấu %, ví dụ installs_per_team_day = 40",
            "write the number without quotes, unit or %, e.g. installs_per_team_day = 40",
        ),
        volunteer(
            "type: cost with a currency sign",
            "cost_per_team_day = 300_000 ",
            "cost_per_team_day = \"300.000đ\" ",
        )
        .at(&format!("{AT}:48:21"))
        .place("mục `team_kind.cost_per_team_day`", "field `team_kind.cost_per_team_day`")
        .hint(
            "viết số không có ngoặc kép, không kèm đơn vị hay dấu %, ví dụ cost_per_team_day = 300_000",
            "write the number without quotes, unit or %, e.g. cost_per_team_day = 300_000",
        ),
        volunteer(
            "not finite: installs_per_team_day = inf",
            "installs_per_team_day = 40 ",
            "installs_per_team_day = inf ",
        )
        .at(&format!("{AT}:47:25"))
        .place(
            "`inf` (nghĩa là vô cực) không dùng được ở đây",
            "`inf` (meaning infinity) cannot be used here",
        )
        .hint(
            "ghi một số, ví dụ installs_per_team_day = 40",
            "write a number, e.g. installs_per_team_day = 40",
        ),
        volunteer(
            "team kind: installs per team-day too many to be real",
            "installs_per_team_day = 40 ",
            "installs_per_team_day = 1e300 ",
        )
        .at(&format!("{AT}:47:25"))
        .place(
            "số lượt cài mỗi đội mỗi ngày quá lớn, không thể là thật: 1e300, nhiều nhất là 100.000",
            "installs per team-day are too many to be real: 1e300, at most 100,000",
        )
        .hint(
            "ghi số lượt cài một đội làm được trong một ngày, ví dụ installs_per_team_day = 40",
            "write the installs one team makes in one day, e.g. installs_per_team_day = 40",
        ),
        // issue 13, F18/F13: a Cyrillic letter in a team kind's field name
        Case::plan("team kind: a Cyrillic letter in a field name")
            .scenario("installs_per_team_day = 40", "installs_pеr_team_day = 40")
            .at(&format!("{AT}:47:11"))
            .place(
                "tên khóa `installs_pеr_team_day` trông bình thường nhưng có một ký tự khác: chữ `е` (U+0435, ký tự thứ 11) là chữ Kirin",
                "the key `installs_pеr_team_day` looks right but holds another character: the letter `е` (U+0435, character 11) is a Cyrillic letter",
            )
            .hint(
                "bàn phím tiếng Việt hoặc tiếng Anh: `installs_per_team_day`",
                "on a Vietnamese or English keyboard: `installs_per_team_day`",
            ),
    ]
}

#[test]
fn team_kinds() {
    check(cases());
}
