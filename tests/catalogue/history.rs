//! `[[history]]`: the shipped `scenarios/history-2020-09-01.toml` (an overlay whose two
//! snapshots are on lines 12-14 and 16-18) and its two CSV files, broken one at a time.

use super::{Case, check};

const HISTORY: &str = "scenarios/history-2020-09-01.toml";
const AUGUST_25: &str = "scenarios/coverage-2020-08-25.csv";

/// `campaign plan` of a copy of the history scenario and its snapshots.
fn with_history(name: &str) -> Case {
    Case::new(name, &["plan", "{dir}/scenarios/history-2020-09-01.toml"])
        .copy(HISTORY)
        .copy("scenarios/coverage-2020-08-18.csv")
        .copy(AUGUST_25)
}

/// [`with_history`] with the second snapshot's `from` changed to `to` in the scenario.
fn second(name: &str, from: &str, to: &str) -> Case {
    with_history(name).edit(HISTORY, from, to)
}

/// The shipped snapshot of 2020-08-18 without its comment line, which dates it.
fn undated_august_18() -> String {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scenarios/coverage-2020-08-18.csv"
    ))
    .unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| format!("{l}\n"))
        .collect()
}

fn cases() -> Vec<Case> {
    const AT: &str = "history-2020-09-01.toml";
    let entry = (
        "mỗi ảnh chụp số liệu là một mục",
        "each snapshot is one entry",
    );
    vec![
        // trial 13f J25: a `[[history]]` entry's `sheet` that names no sheet was answered with
        // `--sheet` advice and no scenario line
        second(
            "history: a sheet the workbook does not have",
            "file = \"coverage-2020-08-25.csv\"",
            "file = \"bao-cao-huyen-2020-08-31.xlsx\"\nsheet = \"Nope\"",
        )
        .copy("scenarios/bao-cao-huyen-2020-08-31.xlsx")
        .at(&format!("{AT}:19:9"))
        .place("mục `history.sheet`", "field `history.sheet`")
        .place(
            "tệp Excel bao-cao-huyen-2020-08-31.xlsx không có trang \"Nope\"; các trang của tệp: 1 \"Bluezone\"",
            "the workbook bao-cao-huyen-2020-08-31.xlsx has no sheet \"Nope\"; its sheets: 1 \"Bluezone\"",
        )
        .hint(
            "ghi sheet = \"Bluezone\"",
            "write sheet = \"Bluezone\"",
        ),
        // issue 13, G9: a workbook "tính đến 17h ngày 31/8" listed as 2020-08-25 gave every
        // district a pace of 0
        second(
            "history: a workbook whose title gives another date",
            "file = \"coverage-2020-08-25.csv\"",
            "file = \"bao-cao-huyen-2020-08-31.xlsx\"",
        )
        .copy("scenarios/bao-cao-huyen-2020-08-31.xlsx")
        .at(&format!("{AT}:17:8"))
        .place(
            "tiêu đề của bao-cao-huyen-2020-08-31.xlsx",
            "the title of bao-cao-huyen-2020-08-31.xlsx",
        )
        .says(
            "là số liệu ngày 2020-08-31",
            "gives the figures of 2020-08-31",
        )
        .hint("ghi date = 2020-08-31", "write date = 2020-08-31"),
        // issue 13, G10: 0 installed the day before 18,019 made a pace of 18,019 a day and
        // "on track"
        with_history("history: a snapshot with 0 installed before a later figure")
            .edit(AUGUST_25, "Hữu Lũng,16549", "Hữu Lũng,0")
            .edit(
                "scenarios/coverage-2020-08-18.csv",
                "Hữu Lũng,15059",
                "Hữu Lũng,0",
            )
            .at("coverage-2020-08-25.csv")
            .place(
                "huyện \"Hữu Lũng\", mục `history`",
                "district \"Hữu Lũng\", field `history`",
            )
            .says("0 (ngày 2020-08-25", "0 (2020-08-25")
            .hint(
                "ô trống có thể bị đọc thành 0",
                "a blank cell may have been read as 0",
            ),
        // issue 13, G10: a jump of more than 5% a day of the phones without the app
        // (the --set that gave the figure is the error's place: trial 13e H22)
        with_history("history: installs jump faster than a district can install")
            .set("district.Hữu Lũng.installed=60000")
            .at("--set district.Hữu Lũng.installed=60000: ")
            .place(
                "huyện \"Hữu Lũng\", mục `installed`",
                "district \"Hữu Lũng\", field `installed`",
            )
            .place("lên 60.000 (ngày 2020-09-01, số ghi ở đây)", "to 60,000 (2020-09-01, the figure given here)")
            .says("trong 7 ngày: quá", "in 7 days: more than")
            .hint(
                "sửa con số sai hoặc bỏ ảnh chụp đó",
                "correct the wrong figure or drop that snapshot",
            ),
        second(
            "history: a snapshot after as_of",
            "date = 2020-08-25",
            "date = 2020-09-02",
        )
        .at(&format!("{AT}:17:8"))
        .place(
            "ảnh chụp số liệu ngày 2020-09-02",
            "the snapshot dated 2020-09-02",
        )
        .hint(
            "[[history]] chỉ ghi các ngày trước đó",
            "[[history]] lists only earlier dates",
        ),
        // issue 13, F21: a snapshot of 1900 passed, its pace 0 over 120 years
        second(
            "history: a snapshot 120 years before as_of",
            "date = 2020-08-25",
            "date = 1900-01-01",
        )
        .at(&format!("{AT}:17:8"))
        .place(
            "ảnh chụp số liệu ngày 1900-01-01",
            "the snapshot dated 1900-01-01",
        )
        .says("quá 366 ngày", "more than 366 days")
        .hint("có thể gõ nhầm năm", "a year may be mistyped"),
        // issue 13, F21: 2 smartphones then against 58,196 now gave a pace of 2,393 a day
        with_history("history: a snapshot's smartphones far from the scenario's")
            .edit(AUGUST_25, "Cao Lộc,15632,58196", "Cao Lộc,1,2")
            .at("coverage-2020-08-25.csv")
            .place("Cao Lộc", "Cao Lộc")
            .says(
                "dòng 5: số thuê bao điện thoại thông minh là 2, còn kịch bản ghi 58.196",
                "line 5: smartphones are 2, the scenario has 58,196",
            )
            .hint(
                "kiểm tra tệp và cột số thuê bao",
                "check the file and its smartphones column",
            ),
        second(
            "history: a snapshot on as_of",
            "date = 2020-08-25",
            "date = 2020-09-01",
        )
        .at(&format!("{AT}:17:8"))
        .place("mục `history.date`", "field `history.date`")
        .hint(
            "[[history]] chỉ ghi các ngày trước đó",
            "[[history]] lists only earlier dates",
        ),
        second(
            "history: two snapshots on one date",
            "date = 2020-08-25",
            "date = 2020-08-18",
        )
        .at(&format!("{AT}:17:8"))
        .place(
            "ngày 2020-08-18 bị lặp",
            "the date 2020-08-18 appears twice",
        )
        // both entries' lines (issue 13, names13b item 4)
        .says(
            "history-2020-09-01.toml:13) và",
            "history-2020-09-01.toml:13) and",
        )
        .hint(
            "mỗi ngày chỉ một ảnh chụp số liệu; xóa một trong hai mục",
            "one snapshot per date; remove one of the two entries",
        ),
        second(
            "history: a date in quotes",
            "date = 2020-08-25",
            "date = \"25/08/2020\"",
        )
        .at(&format!("{AT}:17:8"))
        .place("mục `history.date`", "field `history.date`")
        .hint(entry.0, entry.1),
        second(
            "history: no date",
            "date = 2020-08-25",
            "# date = 2020-08-25",
        )
        .at(&format!("{AT}:16:1"))
        .place(
            "thiếu khóa `date` trong [[history]]",
            "missing key `date` in [[history]]",
        )
        .hint("thêm một dòng như: date = ", "add a line such as: date = "),
        second(
            "history: no file",
            "file = \"coverage-2020-08-25.csv\"",
            "# file",
        )
        .at(&format!("{AT}:16:1"))
        .place(
            "thiếu khóa `file` trong [[history]]",
            "missing key `file` in [[history]]",
        )
        .hint("thêm một dòng như: file = ", "add a line such as: file = "),
        second(
            "history: a snapshot file that is not there",
            "file = \"coverage-2020-08-25.csv\"",
            "file = \"coverage-2020-08-26.csv\"",
        )
        .at(&format!("{AT}:18:8"))
        .place("mục `history.file`", "field `history.file`")
        .hint(
            "kiểm tra đường dẫn và tên tệp",
            "check the path and the file name",
        ),
        second(
            "history: a snapshot saved as .xls",
            "file = \"coverage-2020-08-25.csv\"",
            "file = \"coverage-2020-08-25.xls\"",
        )
        .file("scenarios/coverage-2020-08-25.xls", "x")
        .at("coverage-2020-08-25.xls: ")
        .place(
            "chỉ đọc được bảng tính .xlsx hoặc tệp CSV",
            "only .xlsx workbooks and CSV files can be read",
        )
        .hint("Lưu thành (Save As)", "Save As"),
        second(
            "history: a misspelt key",
            "file = \"coverage-2020-08-25.csv\"",
            "file = \"coverage-2020-08-25.csv\"\nfiles = 1",
        )
        .at(&format!("{AT}:19:1"))
        .place(
            "không biết khóa `files` trong [[history]]",
            "unknown key `files` in [[history]]",
        )
        .hint("có phải ý bạn là `file`?", "did you mean `file`?"),
        with_history("history: a snapshot names a district the scenario does not have")
            .edit(AUGUST_25, "Cao Lộc,", "Cao Loc,")
            .at("coverage-2020-08-25.csv")
            .place("ảnh chụp ngày 2020-08-25", "snapshot of 2020-08-25")
            .hint("có phải ý bạn là `Cao Lộc`?", "did you mean `Cao Lộc`?"),
        with_history("history: a snapshot misses a district")
            .setup(|dir| {
                let path = dir.join(AUGUST_25);
                let text = std::fs::read_to_string(&path).unwrap();
                let kept: Vec<&str> = text
                    .lines()
                    .filter(|l| !l.starts_with("Cao Lộc,"))
                    .collect();
                std::fs::write(path, kept.join("\n") + "\n").unwrap();
            })
            .at("coverage-2020-08-25.csv")
            .place("Cao Lộc", "Cao Lộc")
            .hint(
                "mỗi ảnh chụp ghi đủ các huyện của kịch bản",
                "each snapshot lists every district of the scenario",
            ),
        with_history("history: a count that is not a number in a snapshot")
            .edit(AUGUST_25, "16549", "16x549")
            .at("coverage-2020-08-25.csv:4")
            .place("dòng 4 (\"Hữu Lũng\")", "row 4 (\"Hữu Lũng\")")
            .hint("ghi một số nguyên", "write a whole number"),
        with_history("history: installs fall from one snapshot to the next")
            .edit(AUGUST_25, "16549", "18549")
            .at("coverage-2020-08-25.csv")
            .place(
                "huyện \"Hữu Lũng\", mục `history`",
                "district \"Hữu Lũng\", field `history`",
            )
            .hint(
                "số đã cài chỉ tăng theo thời gian",
                "installs only grow over time",
            ),
        // trial 13e H22: the error is at the --set, the figure it gave is "given here", and the
        // hint says what figure to give
        with_history("history: a --set makes installs fall")
            .set("district.Hữu Lũng.installed=100")
            .at("--set district.Hữu Lũng.installed=100: ")
            .place(
                "xuống 100 (ngày 2020-09-01, số ghi ở đây)",
                "to 100 (2020-09-01, the figure given here)",
            )
            .hint(
                "ghi ở đây một số không nhỏ hơn 16.549, hoặc sửa số của ảnh chụp (tệp coverage-2020-08-25.csv dòng 4)",
                "give here a figure of at least 16,549, or correct the snapshot's (coverage-2020-08-25.csv line 4)",
            ),
        // the base's own figure, below the overlay's snapshot: the snapshot is the error's
        // place, and the figure it is compared with is named where the base writes it
        with_history("history: the base's figure below a snapshot")
            .scenario("installed = 18_019", "installed = 100")
            .at("coverage-2020-08-25.csv")
            .place(
                "xuống 100 (ngày 2020-09-01, số liệu hiện tại, ghi ở {dir}/scenarios/lang-son-2020-09-01.toml:65)",
                "to 100 (2020-09-01, the current figure, written at {dir}/scenarios/lang-son-2020-09-01.toml:65)",
            )
            .hint("trong --set", "or a --set"),
        with_history("toml: [history] with single brackets")
            .edit(
                HISTORY,
                "[[history]]\ndate = 2020-08-18",
                "[history]\ndate = 2020-08-18",
            )
            .at(&format!("{AT}:12:2"))
            .place(
                "tiêu đề [history] chỉ có một cặp ngoặc vuông, trong khi dòng 16 viết [[history]]",
                "the header [history] has single brackets, while line 16 writes [[history]]",
            )
            .hint(
                "mỗi ảnh chụp số liệu là một mục có hai cặp ngoặc vuông",
                "each snapshot is one entry with double square brackets",
            ),
        with_history("history: installed above smartphones in a snapshot")
            .edit(AUGUST_25, "16549", "96549")
            .at("coverage-2020-08-25.csv:4: ")
            .place(
                "số đã cài (96.549) lớn hơn số smartphone (78.399)",
                "installed (96,549) is more than smartphones (78,399)",
            )
            .hint(
                "kiểm tra hai cột có bị đổi chỗ không",
                "check whether the two columns are swapped",
            ),
        // N6: a rule file named as a snapshot
        second(
            "history: a rule file as a snapshot",
            "file = \"coverage-2020-08-25.csv\"",
            "file = \"../rules/door-to-door.rhai\"",
        )
        .at(&format!("{AT}:18:8"))
        .place(
            "../rules/door-to-door.rhai là tệp quy tắc (mã .rhai), không phải bảng số liệu",
            "../rules/door-to-door.rhai is a rule file (.rhai code), not a table of figures",
        )
        .hint(
            "tệp quy tắc ghi trong danh sách `rules = [...]`",
            "a rule file goes in the scenario's `rules = [...]` list",
        ),
        // U22: a scenario named as a snapshot
        second(
            "history: a scenario file as a snapshot",
            "file = \"coverage-2020-08-25.csv\"",
            "file = \"history-2020-09-01.toml\"",
        )
        .at(&format!("{AT}:18:8"))
        .place(
            "history-2020-09-01.toml là tệp kịch bản (.toml), không phải bảng số liệu",
            "history-2020-09-01.toml is a scenario file (.toml), not a table of figures",
        )
        .hint(
            "`file` của `[[history]]` ghi bảng số liệu (.csv hoặc .xlsx)",
            "a `[[history]]` entry's `file` names a table of figures (.csv or .xlsx)",
        ),
        // trial 13e H7: the plan's own CSV of 2020-09-01 listed as 2020-08-25 gave every
        // district a pace of 0
        second(
            "history: a snapshot whose date column gives another date",
            "file = \"coverage-2020-08-25.csv\"",
            "file = \"plan.csv\"",
        )
        .file(
            "scenarios/plan.csv",
            "Huyện,Đã cài,Smartphone,Số liệu đến ngày\nHữu Lũng,16549,78399,01/09/2020\nCao Lộc,15632,58196,01/09/2020\n",
        )
        .at(&format!("{AT}:17:8"))
        .place(
            "cột \"Số liệu đến ngày\" của plan.csv",
            "the column \"Số liệu đến ngày\" of plan.csv",
        )
        .says("ghi số liệu ngày 2020-09-01", "gives the figures of 2020-09-01")
        .hint("ghi date = 2020-09-01", "write date = 2020-09-01"),
        second(
            "history: a snapshot whose file name gives another date",
            "date = 2020-08-25",
            "date = 2020-08-24",
        )
        .edit(AUGUST_25, "# ILLUSTRATIVE ASSUMPTIONS, NOT FACTS FROM THE LETTER: invented coverage of 2020-08-25 for scenarios/history-2020-09-01.toml\n", "")
        .at(&format!("{AT}:17:8"))
        .place(
            "tên tệp coverage-2020-08-25.csv mang ngày 2020-08-25",
            "the name of coverage-2020-08-25.csv carries the date 2020-08-25",
        )
        .hint("ghi date = 2020-08-25", "write date = 2020-08-25"),
        // trial 13e H7: a copied entry whose `file` was not changed
        with_history("history: one file named for two dates")
            .edit(HISTORY, "file = \"coverage-2020-08-18.csv\"", "file = \"snap.csv\"")
            .edit(HISTORY, "file = \"coverage-2020-08-25.csv\"", "file = \"snap.csv\"")
            .file("scenarios/snap.csv", &undated_august_18())
            .at(&format!("{AT}:18:"))
            .place("ảnh chụp ngày 2020-08-18", "the snapshot of 2020-08-18")
            .says(
                "một tệp chỉ là số liệu của một ngày",
                "one file holds one day's figures",
            )
            .hint(
                "ghi file = tệp số liệu của ngày 2020-08-25",
                "write file = the figures of 2020-08-25",
            ),
        // trial 13 H8: a row's name that two units share once the unit word is aside
        with_history("history: a row of a name two units share")
            .scenario("name = \"Hữu Lũng\"", "name = \"Thị xã Lạng Sơn\"")
            .edit("scenarios/coverage-2020-08-18.csv", "Hữu Lũng,", "Lạng Sơn,")
            .edit(AUGUST_25, "Hữu Lũng,", "Lạng Sơn,")
            .at("coverage-2020-08-18.csv")
            .place(
                "\"Lạng Sơn\" (dòng 4) là tên của 2 huyện của kịch bản: \"Thành phố Lạng Sơn\", \"Thị xã Lạng Sơn\"",
                "\"Lạng Sơn\" (line 4) is the name of 2 of the scenario's districts: \"Thành phố Lạng Sơn\", \"Thị xã Lạng Sơn\"",
            )
            .hint("ghi đầy đủ tên, cả loại đơn vị", "write the full name, unit word and all"),
        // a row without its unit word finds its district, and two rows of one district say so
        with_history("history: two rows of one district, one without its unit word")
            .edit(AUGUST_25, "Hữu Lũng,", "Lạng Sơn,")
            .at("coverage-2020-08-25.csv")
            .place(
                "dòng 3 và dòng 4 đều là huyện Thành phố Lạng Sơn",
                "lines 3 and 4 are both district Thành phố Lạng Sơn",
            )
            .hint("mỗi huyện một dòng", "one row per district"),
    ]
}

#[test]
fn history() {
    check(cases());
}
