//! Overlays (`base = ...`): a what-if file `scenarios/what-if.toml` beside the shipped scenario.

use super::{Case, check};

/// The overlay's first lines: its base and its name (line 3 is the first of the case's own).
const BASE: &str = "base = \"lang-son-2020-09-01.toml\"\nname = \"Thử\"\n";

/// `campaign plan scenarios/what-if.toml`, which holds `text`.
fn overlay(name: &str, text: &str) -> Case {
    Case::new(name, &["plan", "{dir}/scenarios/what-if.toml"]).file("scenarios/what-if.toml", text)
}

fn cases() -> Vec<Case> {
    const AT: &str = "what-if.toml";
    let cycle = (
        "một kịch bản không thể là gốc của chính nó",
        "a scenario cannot be its own base",
    );
    vec![
        overlay("overlay: a base that is not there", "base = \"lang-son-2020-09-02.toml\"\nname = \"Thử\"\n")
            .at(&format!("{AT}:1:8"))
            .place("không tìm thấy kịch bản gốc", "the base scenario")
            .hint("đường dẫn `base` tính từ thư mục chứa tệp này", "`base` is relative to the folder of this file"),
        overlay("overlay: its own base", "base = \"what-if.toml\"\nname = \"Thử\"\n")
            .at(&format!("{AT}:1:8"))
            .place("các kịch bản kế thừa nhau thành vòng", "the scenarios are each other's base, in a cycle")
            .hint(cycle.0, cycle.1),
        overlay("overlay: two files each other's base", "base = \"b.toml\"\nname = \"Thử\"\n")
            .file("scenarios/b.toml", "base = \"what-if.toml\"\nname = \"B\"\n")
            .at("b.toml:1:8")
            .place("what-if.toml → {dir}/scenarios/b.toml → {dir}/scenarios/what-if.toml", "what-if.toml → {dir}/scenarios/b.toml → {dir}/scenarios/what-if.toml")
            .hint(cycle.0, cycle.1),
        overlay("overlay: three files in a cycle", "base = \"b.toml\"\nname = \"Thử\"\n")
            .file("scenarios/b.toml", "base = \"c.toml\"\nname = \"B\"\n")
            .file("scenarios/c.toml", "base = \"what-if.toml\"\nname = \"C\"\n")
            .at("c.toml:1:8")
            .place("c.toml → {dir}/scenarios/what-if.toml", "c.toml → {dir}/scenarios/what-if.toml")
            .hint(cycle.0, cycle.1),
        overlay("overlay: a base that is a number", "base = 5\nname = \"Thử\"\n")
            .at(&format!("{AT}:1:8"))
            .place("mục `base`", "field `base`")
            .hint("ghi tên tệp kịch bản gốc trong ngoặc kép", "write the base scenario's file name in double quotes"),
        overlay("overlay: a base that is a folder", "base = \".\"\nname = \"Thử\"\n")
            .at(&format!("{AT}:1:8"))
            .place("là một thư mục, không phải tệp", "is a folder, not a file")
            .hint("đường dẫn `base` tính từ thư mục chứa tệp này ({dir}/scenarios)", "relative to the folder of this file ({dir}/scenarios)"),
        // known_bad.md C10: fixed
        overlay("overlay: a CSV table as the base", "base = \"letter.csv\"\nname = \"Thử\"\n")
            .file("scenarios/letter.csv", super::import::LETTER)
            .at(&format!("{AT}:1:8"))
            .place("là bảng số liệu, không phải kịch bản (.toml)", "which is a table of figures, not a scenario (.toml)")
            .hint("bảng số liệu ghi ở dòng `coverage = \"...\"`", "a table of figures goes in a `coverage = \"...\"` line"),
        overlay("overlay: a base with a mistake of its own", "base = \"bad.toml\"\nname = \"Thử\"\n")
            .file("scenarios/bad.toml", &crate::layout::shipped().replace("horizon_days = 14 ", "horizon_days = 0 "))
            .at("bad.toml:9:16")
            .place("mục `horizon_days`", "field `horizon_days`")
            .hint("ví dụ horizon_days = 14", "e.g. horizon_days = 14"),
        overlay("overlay: a district the base does not have", &format!("{BASE}\n[[district]]\nname = \"Huu Lung\"\ninstalled = 20_000\n"))
            .at(&format!("{AT}:5:8"))
            .place("huyện \"Huu Lung\" không có trong kịch bản gốc", "district \"Huu Lung\" is not in the base scenario")
            .hint("có phải ý bạn là \"Hữu Lũng\"?", "did you mean \"Hữu Lũng\"?"),
        overlay("overlay: a district without a name", &format!("{BASE}\n[[district]]\ninstalled = 20_000\n"))
            .at(&format!("{AT}:4:1"))
            .place("huyện này chưa có tên", "this district has no name")
            .hint("thêm tên huyện", "add the district's name"),
        overlay("overlay: a district changed twice", &format!("{BASE}\n[[district]]\nname = \"Hữu Lũng\"\ninstalled = 20_000\n\n[[district]]\nname = \"Hữu Lũng\"\ninstalled = 21_000\n"))
            .at(&format!("{AT}:9:8"))
            .place("(lần đầu ở dòng 5)", "(first at line 5)")
            .hint("mỗi huyện chỉ ghi một lần", "list each district once"),
        overlay("overlay: installed above the base's smartphones", &format!("{BASE}\n[[district]]\nname = \"Hữu Lũng\"\ninstalled = 90_000\n"))
            .at(&format!("{AT}:6:13"))
            .place("huyện \"Hữu Lũng\", mục `installed`", "district \"Hữu Lũng\", field `installed`")
            // the base's figure it is compared with, and where the base writes it
            .place(
                "số máy đã cài đặt ghi ở đây (90.000) lớn hơn số thuê bao điện thoại thông minh (78.399, ghi ở {dir}/scenarios/lang-son-2020-09-01.toml:66)",
                "installed set here (90,000) is more than smartphones (78,399, written in {dir}/scenarios/lang-son-2020-09-01.toml:66)",
            )
            .hint("nếu số thuê bao cũng đổi, thêm số mới vào mục này", "if smartphones changed too, add its new figure to this entry"),
        overlay("overlay: a misspelt team kind", &format!("{BASE}\n[[team_kind]]\nname = \"volunter\"\navailable = 50\n"))
            .at(&format!("{AT}:5:8"))
            .place("kịch bản không có loại đội `volunter`", "the scenario has no team kind `volunter`")
            .hint("có phải ý bạn là `volunteer`?", "did you mean `volunteer`?"),
        overlay("overlay: a new team kind, incomplete", &format!("{BASE}\n[[team_kind]]\nname = \"mobile\"\navailable = 3\n"))
            .at(&format!("{AT}:4:1"))
            .place("loại đội `mobile`: thiếu khóa `scope`", "team kind `mobile`: missing key `scope`")
            .hint("thêm một dòng như: scope = ", "add a line such as: scope = "),
        overlay("overlay: a percentage for the target", &format!("{BASE}\n[target]\nprovincial_rate = 45\n"))
            .at(&format!("{AT}:5:19"))
            .place("mục `target.provincial_rate`", "field `target.provincial_rate`")
            .hint("nếu ý bạn là 45% thì ghi 0.45", "if you meant 45%, write 0.45"),
        overlay("overlay: a misspelt key", &format!("{BASE}\n[target]\nprovincial_rat = 0.45\n"))
            .at(&format!("{AT}:5:1"))
            .place("không biết khóa `provincial_rat` trong [target]", "unknown key `provincial_rat` in [target]")
            .hint("có phải ý bạn là `provincial_rate`?", "did you mean `provincial_rate`?"),
        overlay("overlay: a rule file that is not there", &format!("{BASE}rules = [\"../rules/nope.rhai\"]\n"))
            .at(&format!("{AT}:3:10"))
            .place("không tìm thấy tệp hoặc thư mục quy tắc", "rule file or folder")
            .hint("đường dẫn tính từ thư mục chứa tệp kịch bản", "paths are relative to the scenario's folder"),
        // trial 13d G8: an overlay with its own coverage may change that file's districts (it was
        // refused as "both `coverage` and [[district]] entries"); a name not in the file is said so
        overlay(
            "overlay: its own coverage and a district that file does not have",
            &format!("{BASE}coverage = \"coverage.csv\"\n[[district]]\nname = \"Hữu Lủng\"\nstudents = 5\n"),
        )
        .file("scenarios/coverage.csv", super::coverage::CSV)
        .at(&format!("{AT}:5:8"))
        .place(
            "không có trong tệp số liệu coverage.csv mà kịch bản này ghi ở `coverage`",
            "is not in the coverage file coverage.csv that this scenario names in `coverage`",
        )
        .hint("có phải ý bạn là \"Hữu Lũng\"?", "did you mean \"Hữu Lũng\"?"),
        overlay("overlay: a coverage file that is not there", &format!("{BASE}coverage = \"coverage.csv\"\n"))
            .at(&format!("{AT}:3:12"))
            .place("không tìm thấy tệp số liệu", "the coverage file")
            .hint("kiểm tra đường dẫn và tên tệp", "check the path and the file name"),
        // the overlay's `scope` is the change, not the base's `available`, which it did not touch
        overlay("overlay: a kind of the base made local", &format!("{BASE}\n[[team_kind]]\nname = \"volunteer\"\nscope = \"local\"\n"))
            .at(&format!("{AT}:6:9"))
            .place(
                "loại đội này được đổi thành tại chỗ (scope = \"local\") ở đây, nhưng {dir}/scenarios/lang-son-2020-09-01.toml ghi số đội sẵn có (`available`) cho nó ở dòng 46",
                "it is made local (scope = \"local\") here, while {dir}/scenarios/lang-son-2020-09-01.toml gives it available teams (`available`) on line 46",
            )
            .hint("giữ scope = \"provincial\" cho `volunteer`", "keep scope = \"provincial\" for `volunteer`"),
        // ---- issue 13 family 6: the overlay's line, not the base's ----
        overlay("overlay: smartphones below the base's installed", &format!("{BASE}\n[[district]]\nname = \"Hữu Lũng\"\nsmartphones = 100\n"))
            .at(&format!("{AT}:6:15"))
            .place(
                "số thuê bao điện thoại thông minh ghi ở đây (100) nhỏ hơn số máy đã cài đặt (18.019, ghi ở {dir}/scenarios/lang-son-2020-09-01.toml:65)",
                "smartphones set here (100) is less than installed (18,019, written in {dir}/scenarios/lang-son-2020-09-01.toml:65)",
            )
            .hint("nếu số máy đã cài cũng đổi, thêm số mới vào mục này", "if installed changed too, add its new figure to this entry"),
        // following "remove this entry" at the base's line would break the base
        overlay("overlay: a local kind of the base made provincial", &format!("{BASE}\n[[team_kind]]\nname = \"commune\"\nscope = \"provincial\"\navailable = 5\n"))
            .at(&format!("{AT}:6:9"))
            .place(
                "lang-son-2020-09-01.toml:58 ghi số đội `commune` cho huyện",
                "lang-son-2020-09-01.toml:58 counts `commune` teams in district",
            )
            .hint(
                "kịch bản kế thừa không xóa được số đội ghi ở kịch bản gốc",
                "an overlay cannot remove what its base writes",
            ),
        overlay("overlay: a base that is a link looping back on itself", "base = \"self.toml\"\nname = \"Thử\"\n")
            .setup(|dir| {
                let at = dir.join("scenarios/self.toml");
                std::os::unix::fs::symlink(&at, &at).unwrap();
            })
            .at(&format!("{AT}:1:8"))
            .place("là một liên kết (symlink) vòng lại chính nó", "is a symbolic link that loops back on itself")
            .hint("xóa liên kết này", "delete the link"),
        // trial 13e H22: an overlay that changes one value so that it conflicts with another
        // its base writes: the error is at the overlay's line, and names the base's
        overlay("overlay: smartphones below a cohort of the base", &format!("{BASE}\n[[district]]\nname = \"Hữu Lũng\"\nsmartphones = 50\ninstalled = 10\n"))
            .at(&format!("{AT}:6:15"))
            .place("huyện \"Hữu Lũng\", mục `smartphones`", "district \"Hữu Lũng\", field `smartphones`")
            .place(
                "(mâu thuẫn với `students` ghi ở {dir}/scenarios/lang-son-2020-09-01.toml:70)",
                "(conflicts with `students` at {dir}/scenarios/lang-son-2020-09-01.toml:70)",
            )
            .hint(
                "nếu giá trị ở đây đúng, sửa `students` ở {dir}/scenarios/lang-son-2020-09-01.toml:70",
                "if the value here is right, change `students` at {dir}/scenarios/lang-son-2020-09-01.toml:70",
            ),
        overlay("overlay: as_of before the base's history", "base = \"history-2020-09-01.toml\"\nas_of = 2020-08-20\n")
            .copy("scenarios/history-2020-09-01.toml")
            .copy("scenarios/coverage-2020-08-18.csv")
            .copy("scenarios/coverage-2020-08-25.csv")
            .at(&format!("{AT}:2:9"))
            .place("mục `as_of`", "field `as_of`")
            .place(
                "(mâu thuẫn với `history.date` ghi ở {dir}/scenarios/history-2020-09-01.toml:17)",
                "(conflicts with `history.date` at {dir}/scenarios/history-2020-09-01.toml:17)",
            )
            .hint("[[history]] chỉ ghi các ngày trước đó", "[[history]] lists only earlier dates"),
        overlay("overlay: installs below the base's snapshot", "base = \"history-2020-09-01.toml\"\n[[district]]\nname = \"Hữu Lũng\"\ninstalled = 10\n")
            .copy("scenarios/history-2020-09-01.toml")
            .copy("scenarios/coverage-2020-08-18.csv")
            .copy("scenarios/coverage-2020-08-25.csv")
            .at(&format!("{AT}:4:13"))
            .place("huyện \"Hữu Lũng\", mục `installed`", "district \"Hữu Lũng\", field `installed`")
            .place(
                "từ 16.549 (ngày 2020-08-25, tệp coverage-2020-08-25.csv dòng 4) xuống 10 (ngày 2020-09-01, số ghi ở đây)",
                "from 16,549 (2020-08-25, coverage-2020-08-25.csv line 4) to 10 (2020-09-01, the figure given here)",
            )
            .hint("ghi ở đây một số không nhỏ hơn 16.549", "give here a figure of at least 16,549"),
        overlay("overlay: as_of after the base's letter date", "base = \"lang-son-2020-09-01-letter.toml\"\nas_of = 2020-09-05\n")
            .copy("scenarios/lang-son-2020-09-01-letter.toml")
            .at(&format!("{AT}:2:9"))
            .place("mục `as_of`", "field `as_of`")
            .place(
                "(mâu thuẫn với `letter.date` ghi ở {dir}/scenarios/lang-son-2020-09-01-letter.toml:16)",
                "(conflicts with `letter.date` at {dir}/scenarios/lang-son-2020-09-01-letter.toml:16)",
            )
            .hint("sửa `letter.date` ở {dir}/scenarios/lang-son-2020-09-01-letter.toml:16", "change `letter.date` at {dir}/scenarios/lang-son-2020-09-01-letter.toml:16"),
        overlay("overlay: a letter number against the base's symbol", "base = \"lang-son-2020-09-01-letter.toml\"\n[letter]\nnumber = \"1635/ABC-DEF\"\n")
            .copy("scenarios/lang-son-2020-09-01-letter.toml")
            .at(&format!("{AT}:3:10"))
            .place("mục `letter.number`", "field `letter.number`")
            .place(
                "(mâu thuẫn với `letter.symbol` ghi ở {dir}/scenarios/lang-son-2020-09-01-letter.toml:14)",
                "(conflicts with `letter.symbol` at {dir}/scenarios/lang-son-2020-09-01-letter.toml:14)",
            )
            .hint("ghi số và ký hiệu riêng", "write the number and the symbol apart"),
        // the spend limit passed by an overlay's cost: at its line, not the overlay's name alone
        overlay("overlay: a cost that takes the spend past the limit", &format!("{BASE}\n[[team_kind]]\nname = \"volunteer\"\ncost_per_team_day = 1_000_000_000\navailable = 100_000\n"))
            .at(&format!("{AT}:6:21"))
            .place("(riêng loại `volunteer`", "(kind `volunteer` alone")
            .hint("kiểm tra `cost_per_team_day` của loại `volunteer`", "check `cost_per_team_day` of kind `volunteer`"),
        // 21 files, each the base of the one before: refused at the 20th file's `base` line
        overlay("overlay: a chain of overlays too long", "base = \"c19.toml\"\nname = \"Thử\"\n")
            .setup(|dir| {
                for i in 1..20 {
                    let text = format!("base = \"c{}.toml\"\n", i - 1);
                    std::fs::write(dir.join(format!("scenarios/c{i}.toml")), text).unwrap();
                }
                std::fs::write(dir.join("scenarios/c0.toml"), "base = \"lang-son-2020-09-01.toml\"\n").unwrap();
            })
            .at("c1.toml:1:8")
            .place(
                "tệp gốc ghi ở đây sẽ là tệp thứ 21, quá giới hạn 20 tệp",
                "would be file number 21 of the chain, above the limit of 20 files",
            )
            .hint("gộp các tệp trung gian thành một", "merge the files in between into one"),
    ]
}

#[test]
fn overlays() {
    check(cases());
}
