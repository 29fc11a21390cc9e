//! `[[district]]`: Hữu Lũng (lines 63-70) and Cao Lộc (from line 72) of the shipped scenario,
//! their figures, teams and groups, and names that pass for another district's.

use super::{Case, check};

const AT: &str = "lang-son-2020-09-01.toml";

/// Hữu Lũng's groups, as the shipped scenario writes them.
const GROUPS: &str = "quarantine = 15\ntesting = 600\nstudents = 5_500";

/// `campaign plan` with Cao Lộc renamed `name` (written as in TOML, escapes and all): the
/// district on line 73 then passes, or not, for Hữu Lũng (line 64).
fn cao_loc_named(case: &str, name: &str) -> Case {
    Case::plan(case).scenario("name = \"Cao Lộc\"", &format!("name = \"{name}\""))
}

fn cases() -> Vec<Case> {
    let twice = (
        "mỗi huyện chỉ ghi một lần; gộp hai mục hoặc sửa tên cho đúng",
        "list each district once; merge the two entries or correct the name",
    );
    let hidden = ("gõ lại tên huyện", "type the name again");
    let foreign = (
        "xoá chữ đó và gõ lại bằng bàn phím tiếng Việt",
        "delete that letter and type it again on a Vietnamese keyboard",
    );
    let too_large = (
        "số người tối đa là 1.000.000.000.000, số tổ, đội tối đa là 100.000",
        "people counts go up to 1,000,000,000,000, team counts up to 100,000",
    );
    let negative = ("số này không được âm", "this number must not be negative");
    vec![
        // ---- figures ----
        // trial 13f J22: a line added at the end of the file is the last district's, and
        // `budget = 300_000` planned with no budget, exit 0
        Case::plan("district: a scenario's key added at the end of the file")
            .scenario("students = 1_400\n", "students = 1_400\nbudget = 300_000_000\n")
            .at(&format!("{AT}:152:1"))
            .place("huyện \"Đình Lập\"", "district \"Đình Lập\"")
            .place("`budget` là một mục của cả kịch bản", "`budget` is a setting of the whole scenario")
            .hint(
                "chuyển dòng này lên trên tiêu đề [mục] hoặc [[mục]] đầu tiên của tệp",
                "move the line above the file's first [section] or [[section]] header",
            ),
        Case::plan("district: the campaign's length added at the end of the file")
            .scenario("students = 1_400\n", "students = 1_400\nhorizon_days = 21\n")
            .at(&format!("{AT}:152:1"))
            .place("`horizon_days` là một mục của cả kịch bản", "`horizon_days` is a setting of the whole scenario")
            .hint("lên trên tiêu đề [mục]", "above the file's first [section]"),
        // trial 13g K10: the same in other capitals was a silent cohort (or [params] entry)
        Case::plan("district: a scenario's key in capitals added at the end of the file")
            .scenario("students = 1_400\n", "students = 1_400\nBudget = 300_000\n")
            .at(&format!("{AT}:152:1"))
            .place("huyện \"Đình Lập\"", "district \"Đình Lập\"")
            .place(
                "`Budget` là một mục của cả kịch bản (`budget`)",
                "`Budget` is a setting of the whole scenario (`budget`)",
            )
            .hint(
                "viết tên mục bằng chữ thường: `budget`",
                "write the key in lower case: `budget`",
            ),
        Case::plan("district: the campaign's length in capitals at the end of the file")
            .scenario("students = 1_400\n", "students = 1_400\nHorizon_days = 21\n")
            .at(&format!("{AT}:152:1"))
            .place(
                "`Horizon_days` là một mục của cả kịch bản (`horizon_days`)",
                "`Horizon_days` is a setting of the whole scenario (`horizon_days`)",
            )
            .hint("lên trên tiêu đề [mục]", "above the file's first [section]"),
        Case::plan("params: a budget in capitals under [params]")
            .scenario("student_uptake = 0.25 ", "Budget = 300_000_000\nstudent_uptake = 0.25 ")
            .at(&format!("{AT}:29:"))
            .place("mục `params.Budget`", "field `params.Budget`")
            .place("không phải tham số của quy tắc", "not a rule's parameter")
            .hint(
                "viết tên mục bằng chữ thường: `budget`",
                "write the key in lower case: `budget`",
            ),
        // trial 13g K11: "Học sinh" was a cohort no rule reads; it is `students`, as in a table
        Case::plan("district: a cohort named in Vietnamese beside its English name")
            .scenario("students = 9_000\n", "students = 9_000\n\"Học sinh\" = 9_000\n")
            .at(&format!("{AT}:62:1"))
            .place(
                "nhóm `Học sinh` trùng với nhóm `students` ở dòng 61 (tên tiếng Việt",
                "the cohort `Học sinh` is the cohort `students` of line 61 (a cohort's Vietnamese name",
            )
            .hint(
                "`students` và `Học sinh` là một nhóm",
                "`students` and `Học sinh` are one cohort",
            ),
        // trial 13g K4: value errors said what was wrong, never what to write
        Case::plan("district: a negative cohort")
            .scenario("students = 9_000\n", "students = -5\n")
            .at(&format!("{AT}:61:12"))
            .place(negative.0, negative.1)
            .hint(
                "số người là 0 hoặc một số dương, ví dụ students = 9_000",
                "a head count is 0 or more, e.g. students = 9_000",
            ),
        Case::plan("district: half a team")
            .scenario("teams = { commune = 8 }", "teams = { commune = 1.5 }")
            .at(&format!("{AT}:58:21"))
            .place("cần một số nguyên, không phải 1.5", "expected a whole number, not 1.5")
            .hint("viết 1 hoặc 2", "write 1 or 2"),
        Case::plan("district: no smartphones, and what to do")
            .scenario("smartphones = 96_818", "smartphones = 0")
            .at(&format!("{AT}:57:15"))
            .place("phải lớn hơn 0 (đang là 0)", "must be more than 0 (it is 0)")
            .hint(
                "huyện không có điện thoại thông minh thì không lập kế hoạch được",
                "a district with no smartphones cannot be planned",
            ),
        Case::plan("setting: a negative cohort through --set")
            .set("district.Cao Lộc.students=-5")
            .at("--set district.Cao Lộc.students=-5")
            .place(negative.0, negative.1)
            .hint(
                "số người là 0 hoặc một số dương",
                "a head count is 0 or more",
            ),
        Case::plan("setting: half a team through --set")
            .set("district.Cao Lộc.teams.commune=1.5")
            .at("--set district.Cao Lộc.teams.commune=1.5")
            .place("cần một số nguyên, không phải 1.5", "expected a whole number, not 1.5")
            .hint("viết 1 hoặc 2", "write 1 or 2"),
        Case::plan("setting: a team pool written as a power of ten")
            .set("team_kind.volunteer.available=1e3")
            .at("--set team_kind.volunteer.available=1e3")
            .place("cần một số nguyên, không phải 1e3", "expected a whole number, not 1e3")
            .hint("viết số nguyên bằng chữ số: 1000", "write the whole number in digits: 1000"),
        Case::plan("setting: no smartphones through --set")
            .set("district.Đình Lập.smartphones=0")
            .at("--set district.Đình Lập.smartphones=0")
            .place("phải lớn hơn 0 (đang là 0)", "must be more than 0 (it is 0)")
            .hint(
                "huyện không có điện thoại thông minh thì không lập kế hoạch được",
                "a district with no smartphones cannot be planned",
            ),
        Case::plan("params: a budget under [params]")
            .scenario("student_uptake = 0.25 ", "budget = 300_000_000\nstudent_uptake = 0.25 ")
            .at(&format!("{AT}:29:"))
            .place("mục `params.budget`", "field `params.budget`")
            .place("không phải tham số của quy tắc", "not a rule's parameter")
            .hint("đặt tên khác, ví dụ `rule_budget`", "give it another name, such as `rule_budget`"),
        Case::plan("district: installed above smartphones")
            .scenario("installed = 18_019", "installed = 80_019")
            .at(&format!("{AT}:65:13"))
            .place(
                "huyện \"Hữu Lũng\", mục `installed`",
                "district \"Hữu Lũng\", field `installed`",
            )
            .hint(
                "có thể hai cột bị đổi chỗ hoặc gõ thừa một chữ số",
                "the two columns may be swapped or a digit typed twice",
            ),
        Case::plan("district: installed one above smartphones")
            .scenario("installed = 39_911", "installed = 96_819")
            .at(&format!("{AT}:56:13"))
            .place(
                "(96.819) lớn hơn số thuê bao điện thoại thông minh (96.818)",
                "installed (96,819) is more than smartphones (96,818)",
            )
            .hint(
                "đối chiếu hai số này với số liệu gốc",
                "check both numbers against the source",
            ),
        Case::plan("district: thousands grouped by a dot")
            .scenario("installed = 18_019", "installed = 18.019")
            .at(&format!("{AT}:65:13"))
            .place(
                "huyện \"Hữu Lũng\", mục `installed`",
                "district \"Hữu Lũng\", field `installed`",
            )
            .hint(
                "trong TOML dấu chấm là dấu thập phân; viết 18019",
                "in TOML a dot is a decimal point; write 18019",
            ),
        Case::plan("district: negative installed")
            .scenario("installed = 18_019", "installed = -18_019")
            .at(&format!("{AT}:65:13"))
            .place("(đang là -18.019)", "(it is -18,019)")
            .says(negative.0, negative.1),
        Case::plan("district: no installed")
            .scenario("installed = 18_019\n", "# installed = 18_019\n")
            .at(&format!("{AT}:63:1"))
            .place(
                "huyện \"Hữu Lũng\", mục `installed`",
                "district \"Hữu Lũng\", field `installed`",
            )
            .hint(
                "thêm số liệu, ví dụ: installed = ",
                "add the figure, e.g. installed = ",
            ),
        Case::plan("district: no smartphones")
            .scenario("smartphones = 78_399\n", "# smartphones = 78_399\n")
            .at(&format!("{AT}:63:1"))
            .place(
                "huyện \"Hữu Lũng\", mục `smartphones`",
                "district \"Hữu Lũng\", field `smartphones`",
            )
            .hint(
                "thêm số liệu, ví dụ: smartphones = ",
                "add the figure, e.g. smartphones = ",
            ),
        Case::plan("district: zero smartphones")
            .scenario("smartphones = 78_399", "smartphones = 0")
            .scenario("installed = 18_019", "installed = 0")
            .at(&format!("{AT}:66:15"))
            .place(
                "huyện \"Hữu Lũng\", mục `smartphones`",
                "district \"Hữu Lũng\", field `smartphones`",
            )
            .says("phải lớn hơn 0", "must be more than 0"),
        Case::plan("district: a count with zeros typed twice")
            .scenario("smartphones = 78_399", "smartphones = 78_399_000_000_000")
            .at(&format!("{AT}:66:15"))
            .place(
                "huyện \"Hữu Lũng\", mục `smartphones`",
                "district \"Hữu Lũng\", field `smartphones`",
            )
            .hint(too_large.0, too_large.1),
        Case::plan("district: a count beyond what a number holds")
            .scenario(
                "smartphones = 78_399",
                "smartphones = 99_999_999_999_999_999_999",
            )
            .at(&format!("{AT}:66:15"))
            .place(
                "mục `smartphones`: số quá lớn",
                "field `smartphones`: the number is too large",
            )
            .hint(too_large.0, too_large.1),
        Case::plan("district: fractional smartphones")
            .scenario("smartphones = 78_399", "smartphones = 78_399.5")
            .at(&format!("{AT}:66:15"))
            .place("huyện \"Hữu Lũng\"", "district \"Hữu Lũng\"")
            .says(
                "cần một số nguyên, không phải 78399.5",
                "expected a whole number, not 78399.5",
            ),
        Case::plan("district: smartphones not a number (nan)")
            .scenario("smartphones = 78_399", "smartphones = nan")
            .at(&format!("{AT}:66:15"))
            .place("huyện \"Hữu Lũng\"", "district \"Hữu Lũng\"")
            .says(
                "cần một số nguyên, không phải nan",
                "expected a whole number, not nan",
            ),
        Case::plan("district: a misspelt field")
            .scenario("smartphones = 78_399", "smartphone = 78_399")
            .at(&format!("{AT}:66:1"))
            .place(
                "huyện \"Hữu Lũng\": không biết mục `smartphone`",
                "district \"Hữu Lũng\": unknown field `smartphone`",
            )
            .hint(
                "có phải ý bạn là `smartphones`?",
                "did you mean `smartphones`?",
            ),
        // ---- teams ----
        Case::plan("district: volunteer teams written in a district")
            .scenario(
                "teams = { commune = 24 }",
                "teams = { commune = 24, volunteer = 3 }",
            )
            .at(&format!("{AT}:67:25"))
            .place(
                "huyện \"Hữu Lũng\", mục `teams.volunteer`",
                "district \"Hữu Lũng\", field `teams.volunteer`",
            )
            .hint("xóa mục này", "remove this entry"),
        Case::plan("district: a misspelt team kind")
            .scenario("teams = { commune = 24 }", "teams = { comune = 24 }")
            .at(&format!("{AT}:67:11"))
            .place("mục `teams.comune`", "field `teams.comune`")
            .hint("có phải ý bạn là `commune`?", "did you mean `commune`?"),
        Case::plan("district: negative teams")
            .scenario("teams = { commune = 24 }", "teams = { commune = -1 }")
            .at(&format!("{AT}:67:21"))
            .place("mục `teams.commune`", "field `teams.commune`")
            .says(negative.0, negative.1),
        Case::plan("district: too many teams to be real")
            .scenario("teams = { commune = 24 }", "teams = { commune = 240_000 }")
            .at(&format!("{AT}:67:21"))
            .place("mục `teams.commune`", "field `teams.commune`")
            .hint(too_large.0, too_large.1),
        Case::plan("district: teams as a number")
            .scenario("teams = { commune = 24 }", "teams = 24")
            .at(&format!("{AT}:67:9"))
            .place(
                "huyện \"Hữu Lũng\", mục `teams`",
                "district \"Hữu Lũng\", field `teams`",
            )
            .hint("teams = { commune = 8 }", "teams = { commune = 8 }"),
        Case::plan("district: commune teams outside `teams`")
            .scenario("teams = { commune = 24 }", "commune = 24")
            .at(&format!("{AT}:67:1"))
            .place(
                "`commune` là tên một loại đội, không phải một nhóm người",
                "`commune` is a team kind, not a cohort",
            )
            .hint(
                "ghi số đội trong `teams`",
                "put the number of teams in `teams`",
            ),
        // ---- groups (cohorts) ----
        Case::plan("district: a group named almost like one the rules read")
            .scenario(GROUPS, "quarantined = 15\ntesting = 600\nstudents = 5_500")
            .at(&format!("{AT}:68:1"))
            .place(
                "huyện \"Hữu Lũng\", mục `quarantined`",
                "district \"Hữu Lũng\", field `quarantined`",
            )
            .hint("có phải là `quarantine`?", "did you mean `quarantine`?"),
        Case::plan("district: a group named almost like a field")
            .scenario(GROUPS, "teachers = 15\ntesting = 600\nstudents = 5_500")
            .at(&format!("{AT}:68:1"))
            .place("không biết mục `teachers`", "unknown field `teachers`")
            .hint("có phải ý bạn là `teams`?", "did you mean `teams`?"),
        Case::plan("district: a negative group")
            .scenario(GROUPS, "quarantine = -15\ntesting = 600\nstudents = 5_500")
            .at(&format!("{AT}:68:14"))
            .place(
                "huyện \"Hữu Lũng\", mục `quarantine`",
                "district \"Hữu Lũng\", field `quarantine`",
            )
            .says(negative.0, negative.1),
        Case::plan("district: a fractional group")
            .scenario(GROUPS, "quarantine = 15.5\ntesting = 600\nstudents = 5_500")
            .at(&format!("{AT}:68:14"))
            .place("mục `quarantine`", "field `quarantine`")
            .says(
                "cần một số nguyên, không phải 15.5",
                "expected a whole number, not 15.5",
            ),
        Case::plan("district: a group in quotes")
            .scenario(
                GROUPS,
                "quarantine = \"15\"\ntesting = 600\nstudents = 5_500",
            )
            .at(&format!("{AT}:68:14"))
            .place("mục `quarantine`", "field `quarantine`")
            .hint(
                "ghi `quarantine` là một số nguyên không có ngoặc kép",
                "write `quarantine` as a whole number without quotes",
            ),
        Case::plan("district: a group too large to be real")
            .scenario(
                GROUPS,
                "quarantine = 1_000_000_000_001\ntesting = 600\nstudents = 5_500",
            )
            .at(&format!("{AT}:68:14"))
            .place(
                "mục `quarantine`: số quá lớn",
                "field `quarantine`: the number is too large",
            )
            .hint(too_large.0, too_large.1),
        // ---- names ----
        Case::plan("district: no name")
            .scenario("name = \"Hữu Lũng\"", "# name = \"Hữu Lũng\"")
            .at(&format!("{AT}:63:1"))
            .place("huyện này chưa có tên", "this district has no name")
            .hint(
                "thêm tên huyện, ví dụ: name = ",
                "add the district's name, e.g. name = ",
            ),
        Case::plan("district: an empty name")
            .scenario("name = \"Hữu Lũng\"", "name = \"\"")
            .at(&format!("{AT}:64:8"))
            .place("tên huyện đang để trống", "the district's name is empty")
            .hint("ghi tên huyện, ví dụ", "write the district's name, e.g."),
        cao_loc_named("district: listed twice", "Hữu Lũng")
            .at(&format!("{AT}:73:8"))
            .place("(lần đầu ở dòng 64)", "(first at line 64)")
            .hint(twice.0, twice.1),
        cao_loc_named("district: listed twice, in other capitals", "hữu lũng")
            .at(&format!("{AT}:73:8"))
            .place(
                "(lần đầu ở dòng 64, viết là \"Hữu Lũng\")",
                "(first at line 64, written \"Hữu Lũng\")",
            )
            .hint(twice.0, twice.1),
        cao_loc_named("district: listed twice, with spaces around", "  Hữu Lũng ")
            .at(&format!("{AT}:73:8"))
            .place("(lần đầu ở dòng 64)", "(first at line 64)")
            .hint(twice.0, twice.1),
        cao_loc_named(
            "district: listed twice, with two spaces inside",
            "Hữu  Lũng",
        )
        .at(&format!("{AT}:73:8"))
        .place("(lần đầu ở dòng 64)", "(first at line 64)")
        .hint(twice.0, twice.1),
        cao_loc_named(
            "district: listed twice, with a non-breaking space",
            "Hữu\u{a0}Lũng",
        )
        .at(&format!("{AT}:73:8"))
        .place("(lần đầu ở dòng 64)", "(first at line 64)")
        .hint(twice.0, twice.1),
        cao_loc_named(
            "district: listed twice, accents typed apart (NFD)",
            "Hu\u{31b}\u{303}u Lu\u{303}ng",
        )
        .at(&format!("{AT}:73:8"))
        .place("(lần đầu ở dòng 64)", "(first at line 64)")
        .hint(twice.0, twice.1),
        cao_loc_named(
            "district: a zero-width space in the name",
            "Hữu\u{200b}Lũng",
        )
        .at(&format!("{AT}:73:8"))
        .place("U+200B, ký tự thứ 4", "U+200B, character 4")
        .hint(hidden.0, hidden.1),
        // issue 13, F03: every Default_Ignorable_Code_Point and blank-looking character, not a
        // list of the common ones: each of these made a second "Hữu Lũng" that printed alike
        cao_loc_named(
            "district: a variation selector after a letter",
            "Hữu\u{fe0f} Lũng",
        )
        .at(&format!("{AT}:73:8"))
        .place("U+FE0F, ký tự thứ 4", "U+FE0F, character 4")
        .hint(hidden.0, hidden.1),
        cao_loc_named(
            "district: a variation selector from the supplement",
            "Hữu\u{e0100} Lũng",
        )
        .at(&format!("{AT}:73:8"))
        .place("U+E0100, ký tự thứ 4", "U+E0100, character 4")
        .hint(hidden.0, hidden.1),
        cao_loc_named("district: a tag character in the name", "Hữu Lũng\u{e0041}")
            .at(&format!("{AT}:73:8"))
            .place("U+E0041, ký tự thứ 9", "U+E0041, character 9")
            .hint(hidden.0, hidden.1),
        cao_loc_named("district: a Hangul filler in the name", "Hữu\u{3164}Lũng")
            .at(&format!("{AT}:73:8"))
            .place("U+3164, ký tự thứ 4", "U+3164, character 4")
            .hint(hidden.0, hidden.1),
        cao_loc_named(
            "district: a half-width Hangul filler in the name",
            "Hữu Lũng\u{ffa0}",
        )
        .at(&format!("{AT}:73:8"))
        .place("U+FFA0, ký tự thứ 9", "U+FFA0, character 9")
        .hint(hidden.0, hidden.1),
        cao_loc_named("district: a braille blank in the name", "Hữu\u{2800}Lũng")
            .at(&format!("{AT}:73:8"))
            .place("U+2800, ký tự thứ 4", "U+2800, character 4")
            .hint(hidden.0, hidden.1),
        cao_loc_named(
            "district: a musical format character in the name",
            "Hữu Lũng\u{1d173}",
        )
        .at(&format!("{AT}:73:8"))
        .place("U+1D173, ký tự thứ 9", "U+1D173, character 9")
        .hint(hidden.0, hidden.1),
        cao_loc_named("district: a soft hyphen in the name", "Cao\u{ad}Lộc")
            .at(&format!("{AT}:73:8"))
            .place("U+00AD", "U+00AD")
            .hint(hidden.0, hidden.1),
        cao_loc_named(
            "district: a byte-order mark before the name",
            "\u{feff}Cao Lộc",
        )
        .at(&format!("{AT}:73:8"))
        .place("U+FEFF, ký tự thứ 1", "U+FEFF, character 1")
        .hint(hidden.0, hidden.1),
        cao_loc_named("district: a direction mark in the name", "Cao Lộc\u{200f}")
            .at(&format!("{AT}:73:8"))
            .place("U+200F", "U+200F")
            .hint(hidden.0, hidden.1),
        cao_loc_named(
            "district: an escape (colour code) in the name",
            "Cao\\u001b[31mLộc",
        )
        .at(&format!("{AT}:73:8"))
        .place("U+001B", "U+001B")
        .hint(hidden.0, hidden.1),
        // ---- names that read as another district's (issue 13, W3) ----
        cao_loc_named(
            "district: listed twice, an eth Ð (old encodings) for Đ",
            "Ðình Lập",
        )
        .at(&format!("{AT}:145:8"))
        .place(
            "(lần đầu ở dòng 73, viết là \"Ðình Lập\": ký tự thứ 1 ở đây là `Đ` (U+0110), ở đó là `Ð` (U+00D0))",
            "(first at line 73, written \"Ðình Lập\": character 1 is `Đ` (U+0110) here, `Ð` (U+00D0) there)",
        )
        .hint(twice.0, twice.1),
        cao_loc_named(
            "district: listed twice, a dotless ı (Turkish keyboard) for i",
            "Lộc B\u{131}\u{300}nh",
        )
        .at(&format!("{AT}:82:8"))
        .place(
            "(lần đầu ở dòng 73, viết là \"Lộc B\u{131}\u{300}nh\": ký tự thứ 6 ở đây là `ì` (U+00EC), ở đó là `ı` (U+0131))",
            "(first at line 73, written \"Lộc B\u{131}\u{300}nh\": character 6 is `ì` (U+00EC) here, `ı` (U+0131) there)",
        )
        .hint(twice.0, twice.1),
        Case::plan("district: listed twice, the old and new tone placement (Hoà, Hòa)")
            .scenario("name = \"Cao Lộc\"", "name = \"Hoà Lạc\"")
            .scenario("name = \"Bắc Sơn\"", "name = \"Hòa Lạc\"")
            .at(&format!("{AT}:109:8"))
            .place("\"Hòa Lạc\"", "\"Hòa Lạc\"")
            .hint(twice.0, twice.1),
        cao_loc_named("district: listed twice, a full-width letter", "Ｈữu Lũng")
            .at(&format!("{AT}:73:8"))
            .place(
                "ký tự thứ 1 ở đây là `Ｈ` (U+FF28), ở đó là `H` (U+0048)",
                "character 1 is `Ｈ` (U+FF28) here, `H` (U+0048) there",
            )
            .hint(twice.0, twice.1),
        cao_loc_named("district: a Cyrillic letter in the name", "Нữu Lũng")
            .at(&format!("{AT}:73:8"))
            .place(
                "chữ `Н` (U+041D, ký tự thứ 1) là chữ Kirin (như của tiếng Nga), trông giống chữ `H`",
                "the letter `Н` (U+041D, character 1) is a Cyrillic letter (as in Russian) that looks like the Latin `H`",
            )
            .hint(foreign.0, foreign.1),
        cao_loc_named("district: a Greek letter in the name", "Cao Lộc Ο")
            .at(&format!("{AT}:73:8"))
            .place(
                "chữ `Ο` (U+039F, ký tự thứ 9) là chữ Hy Lạp, trông giống chữ `O`",
                "the letter `Ο` (U+039F, character 9) is a Greek letter that looks like the Latin `O`",
            )
            .hint(foreign.0, foreign.1),
        cao_loc_named("district: a name of 201 characters", &"x".repeat(201))
            .at(&format!("{AT}:73:8"))
            .place(
                "tên huyện dài 201 ký tự, quá giới hạn 200 ký tự",
                "the district's name is 201 characters long, above the limit of 200 characters",
            )
            .hint(
                "kiểm tra đây có đúng là tên huyện không",
                "check that this is the district's name",
            ),
        // issue 13, F17: 10^12 people in quarantine in a district of 78,399 smartphones was
        // silently capped at the smartphones; above 100 times the smartphones is refused
        Case::plan("district: a group larger than the district's smartphones")
            .scenario(GROUPS, "quarantine = 10_000_000\ntesting = 600\nstudents = 5_500")
            .at(&format!("{AT}:68:14"))
            .place("Hữu Lũng", "Hữu Lũng")
            .says(
                "nhóm `quarantine` có 10.000.000 người, hơn 100 lần số thuê bao điện thoại thông minh của huyện (78.399)",
                "cohort `quarantine` has 10,000,000 people, more than 100 times the district's smartphones (78,399)",
            )
            .hint("có thể gõ thừa chữ số", "a digit may be typed too many times"),
        Case::plan("district: a group larger than the smartphones, by --set")
            .set("district.Hữu Lũng.quarantine=1000000000000")
            .at("--set district.Hữu Lũng.quarantine=1000000000000: ")
            .says("1.000.000.000.000 người", "1,000,000,000,000 people")
            .hint("có thể gõ thừa chữ số", "a digit may be typed too many times"),
        Case::plan("district: a zero-width space in a --set district's name")
            .set("district.Hữu\u{200b}Lũng.installed=5")
            .at("--set district.Hữu\\u{200b}Lũng.installed=5: ")
            .place("U+200B, ký tự thứ 4", "U+200B, character 4")
            .hint(hidden.0, hidden.1),
        Case::plan("district: a group's name of 201 characters")
            .scenario(GROUPS, &GROUPS.replace("students = 5_500", &format!("{} = 5_500", "s".repeat(201))))
            .at(&format!("{AT}:70:1"))
            .place(
                "tên nhóm dài 201 ký tự, quá giới hạn 200 ký tự",
                "the cohort's name is 201 characters long, above the limit of 200 characters",
            )
            .hint("đặt tên nhóm ngắn", "give the cohort a short name"),
        Case::plan("toml: [district] with single brackets")
            .scenario("[[district]]\nname = \"Hữu Lũng\"", "[district]\nname = \"Hữu Lũng\"")
            .at(&format!("{AT}:63:2"))
            .place(
                "tiêu đề [district] chỉ có một cặp ngoặc vuông, trong khi dòng 54 viết [[district]]",
                "the header [district] has single brackets, while line 54 writes [[district]]",
            )
            .hint(
                "viết mỗi huyện dưới tiêu đề [[district]] (hai cặp ngoặc vuông)",
                "write each district under a [[district]] header (double square brackets)",
            ),
        Case::plan("type: installed in quotes")
            .scenario("installed = 18_019", "installed = \"18019\"")
            .at(&format!("{AT}:65:13"))
            .place("huyện \"Hữu Lũng\", mục `installed`", "district \"Hữu Lũng\", field `installed`")
            .hint(
                "viết số không có ngoặc kép, không kèm đơn vị hay dấu %, ví dụ installed = 18_019",
                "write the number without quotes, unit or %, e.g. installed = 18_019",
            ),
        Case::plan("type: teams in quotes")
            .scenario("teams = { commune = 24 }", "teams = { commune = \"24\" }")
            .at(&format!("{AT}:67:21"))
            .place("huyện \"Hữu Lũng\", mục `teams.commune`", "district \"Hữu Lũng\", field `teams.commune`")
            .hint(
                "viết số không có ngoặc kép, không kèm đơn vị hay dấu %, ví dụ teams = { commune = 24 }",
                "write the number without quotes, unit or %, e.g. teams = { commune = 24 }",
            ),
        Case::plan("type: a district name as a number")
            .scenario("name = \"Hữu Lũng\"", "name = 7")
            .at(&format!("{AT}:64:8"))
            .place("mục `name`", "field `name`")
            .hint(
                "viết chữ trong ngoặc kép, ví dụ name = \"Hữu Lũng\"",
                "write the text in double quotes, e.g. name = \"Hữu Lũng\"",
            ),
        Case::plan("district: a group given twice in other capitals")
            .scenario(GROUPS, &GROUPS.replace("quarantine = 15", "quarantine = 15\nQuarantine = 16"))
            .at(&format!("{AT}:69:1"))
            .place(
                "nhóm `Quarantine` trùng với nhóm `quarantine` ở dòng 68",
                "the cohort `Quarantine` is the cohort `quarantine` of line 68",
            )
            .hint(
                "`quarantine` và `Quarantine` là một nhóm: giữ một trong hai và xóa cái kia",
                "`quarantine` and `Quarantine` are one cohort: keep one of them and delete the other",
            ),
        // issue 13, F18/F13: a Cyrillic letter in a district's field name or team kind key
        Case::plan("district: a Cyrillic letter in a field name")
            .scenario("quarantine = 60", "quаrantine = 60")
            .at(&format!("{AT}:59:3"))
            .place(
                "tên khóa `quаrantine` trông bình thường nhưng có một ký tự khác: chữ `а` (U+0430, ký tự thứ 3) là chữ Kirin",
                "the key `quаrantine` looks right but holds another character: the letter `а` (U+0430, character 3) is a Cyrillic letter",
            )
            .hint(
                "bàn phím tiếng Việt hoặc tiếng Anh: `quarantine`",
                "on a Vietnamese or English keyboard: `quarantine`",
            ),
        Case::plan("district: a Cyrillic letter in a team kind of its teams")
            .scenario("teams = { commune = 8 }", "teams = { cоmmune = 8 }")
            .at(&format!("{AT}:58:12"))
            .place(
                "tên khóa `cоmmune` trông bình thường nhưng có một ký tự khác: chữ `о` (U+043E, ký tự thứ 2)",
                "the key `cоmmune` looks right but holds another character: the letter `о` (U+043E, character 2)",
            )
            .hint(
                "bàn phím tiếng Việt hoặc tiếng Anh: `commune`",
                "on a Vietnamese or English keyboard: `commune`",
            ),
    ]
}

#[test]
fn districts() {
    check(cases());
}

/// A district name as long as a TOML string allows is refused in a message of a few hundred
/// bytes, not echoed (issue 13, U7: two districts with one 1,000,000-character name gave a
/// 2 MB error); so is a `--set` naming such a district, and a key of 100,000 characters.
#[test]
fn a_long_name_is_refused_in_a_short_message() {
    use crate::layout::{Layout, replace_once, run, shipped};
    let layout = Layout::new();
    let long = "Hữu Lũng".repeat(125_000);
    let text = replace_once(
        &shipped(),
        "name = \"Cao Lộc\"",
        &format!("name = \"{long}\""),
    );
    let text = replace_once(&text, "name = \"Hữu Lũng\"", &format!("name = \"{long}\""));
    let path = layout.write("long.toml", &text);
    let path = path.to_str().unwrap();
    let shipped_path = layout.dir.path().join("scenarios/lang-son-2020-09-01.toml");
    let shipped_path = shipped_path.to_str().unwrap();
    let district = format!("district.{}.installed=1", "Hữu Lũng".repeat(10_000));
    let param = format!("params.{}=1", "k".repeat(100_000));
    for (args, says) in [
        (vec!["plan", path], "above the limit of 200"),
        (
            vec!["plan", shipped_path, "--set", &district],
            "above the limit of 200",
        ),
        (
            vec!["plan", shipped_path, "--set", &param],
            "[params] has no",
        ),
    ] {
        let args: Vec<&str> = args.into_iter().chain(["--lang", "en"]).collect();
        let (code, _, stderr) = run(&args);
        assert_eq!(code, 1, "{stderr}");
        assert!(
            stderr.len() < 2_000,
            "{} bytes: {}",
            stderr.len(),
            &stderr[..2_000]
        );
        assert!(stderr.contains(says), "{stderr}");
    }
}

/// A name written with an eth `Ð` for `Đ` (as the old TCVN3 and VNI encodings leave it), with
/// a full-width letter or in capitals is the district of that name, wherever a name is matched:
/// an overlay's `[[district]]`, a `--set`, `explain --district` (issue 13, W3 and U10: "no
/// district \"Ðình Lập\"; did you mean \"Đình Lập\"?").
#[test]
fn a_name_read_as_another_is_that_district() {
    use crate::layout::{Layout, run};
    let layout = Layout::new();
    let overlay = layout.write(
        "eth.toml",
        "base = \"lang-son-2020-09-01.toml\"\n\n[[district]]\nname = \"Ðình Lập\"\ninstalled = 7_000\n",
    );
    let shipped_path = layout.dir.path().join("scenarios/lang-son-2020-09-01.toml");
    let shipped_path = shipped_path.to_str().unwrap();
    let (code, with_overlay, stderr) =
        run(&["plan", overlay.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    for setting in [
        "district.Ðình Lập.installed=7000",
        "district.\"Ðình Lập\".installed=7000",
        "district.ĐÌNH LẬP.installed=7000",
        "district.Huyện Ðình Lập.installed=7000",
    ] {
        let (code, with_set, stderr) =
            run(&["plan", shipped_path, "--set", setting, "--format", "json"]);
        assert_eq!(code, 0, "{setting}: {stderr}");
        // the same plan, but for the notice that --set changed it (trial F32)
        let mut with_set: serde_json::Value =
            serde_json::from_str(&with_set.replace(shipped_path, "")).unwrap();
        let notices = with_set["notices"].as_array_mut().unwrap();
        let set = notices.remove(0);
        assert_eq!(set["notice"], "set_for_this_run", "{setting}");
        assert_eq!(
            set["settings"][0]["key"], "district.Đình Lập.installed",
            "{setting}"
        );
        let with_overlay: serde_json::Value =
            serde_json::from_str(&with_overlay.replace(overlay.to_str().unwrap(), "")).unwrap();
        assert_eq!(with_set, with_overlay, "{setting}");
    }
    let (code, _, _) = run(&[
        "plan",
        shipped_path,
        "--set",
        "district.Đình Lập.installed=7000",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let (code, explained, stderr) = run(&[
        "explain",
        shipped_path,
        "--district",
        "Ðình Lập",
        "--lang",
        "en",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(explained.contains("Đình Lập"), "{explained}");
}
