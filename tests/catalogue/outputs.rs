//! `--out PATH` refusals (src/cli/output.rs): anything but a regular writable file that is not
//! an input of the same run. Nothing is written, and the file named stays as it was.

use std::path::Path;

use super::{Case, check};

/// `campaign plan` of the shipped scenario with `--out {out}`.
fn out(name: &str, out: &str) -> Case {
    Case::plan(name).arg("--out").arg(out)
}

fn cases() -> Vec<Case> {
    let input = (
        "đây là tệp mà chính lệnh này đang đọc",
        "this is a file this command reads",
    );
    let other = (
        "chọn một tên tệp khác cho kết quả",
        "choose another file name for the output",
    );
    let device = (
        "đây không phải tệp thông thường (thiết bị hoặc đường ống)",
        "this is not a regular file (a device or a pipe)",
    );
    let print = (
        "hoặc bỏ --out để in ra màn hình",
        "or leave out --out to print it",
    );
    let not_ours = (
        "tệp này đã có và không phải kết quả do chương trình viết",
        "this file exists and is not an output the planner wrote",
    );
    vec![
        out(
            "out: the scenario itself",
            "{dir}/scenarios/lang-son-2020-09-01.toml",
        )
        .at("lang-son-2020-09-01.toml: ")
        .place(input.0, input.1)
        .hint(other.0, other.1),
        out(
            "out: one of the scenario's rules",
            "{dir}/rules/communication.rhai",
        )
        .at("rules/communication.rhai: ")
        .place(
            "scenarios/../rules/communication.rhai)",
            "scenarios/../rules/communication.rhai)",
        )
        .hint(other.0, other.1),
        out("out: a link to the scenario", "{dir}/plan.txt")
            .setup(|dir| {
                link(
                    &dir.join("scenarios/lang-son-2020-09-01.toml"),
                    &dir.join("plan.txt"),
                )
            })
            .at("plan.txt: ")
            .place(input.0, input.1)
            .hint(other.0, other.1),
        Case::new(
            "out: the coverage file",
            &[
                "plan",
                "{dir}/scenarios/lang-son-2020-09-01.toml",
                "--out",
                "{dir}/scenarios/coverage.csv",
            ],
        )
        .file(
            super::SCENARIO,
            &super::coverage::scenario_reading("coverage.csv"),
        )
        .file("scenarios/coverage.csv", super::coverage::CSV)
        .at("coverage.csv: ")
        .place(input.0, input.1)
        .hint(other.0, other.1),
        Case::new(
            "out: a snapshot of [[history]]",
            &[
                "plan",
                "{dir}/scenarios/history-2020-09-01.toml",
                "--out",
                "{dir}/scenarios/coverage-2020-08-18.csv",
            ],
        )
        .copy("scenarios/history-2020-09-01.toml")
        .copy("scenarios/coverage-2020-08-18.csv")
        .copy("scenarios/coverage-2020-08-25.csv")
        .at("coverage-2020-08-18.csv: ")
        .place(input.0, input.1)
        .hint(other.0, other.1),
        Case::new(
            "out: the base of an overlay",
            &[
                "plan",
                "{dir}/scenarios/what-if-equity.toml",
                "--out",
                "{dir}/scenarios/lang-son-2020-09-01.toml",
            ],
        )
        .copy("scenarios/what-if-equity.toml")
        .at("lang-son-2020-09-01.toml: ")
        .place(input.0, input.1)
        .hint(other.0, other.1),
        Case::new(
            "out: compare writes over one of its scenarios",
            &[
                "compare",
                "{dir}/scenarios/lang-son-2020-09-01.toml",
                "{dir}/scenarios/what-if-equity.toml",
                "--out",
                "{dir}/scenarios/what-if-equity.toml",
            ],
        )
        .copy("scenarios/what-if-equity.toml")
        .at("what-if-equity.toml: ")
        .place(input.0, input.1)
        .hint(other.0, other.1),
        Case::new(
            "out: explain writes over a rule",
            &[
                "explain",
                "{dir}/scenarios/lang-son-2020-09-01.toml",
                "--district",
                "Hữu Lũng",
                "--out",
                "{dir}/rules/door-to-door.rhai",
            ],
        )
        .at("rules/door-to-door.rhai: ")
        .place(input.0, input.1)
        .hint(other.0, other.1),
        out("out: /dev/null", "/dev/null")
            .at("/dev/null: ")
            .place(device.0, device.1)
            .hint(print.0, print.1),
        out("out: /dev/stdout", "/dev/stdout")
            .at("/dev/stdout: ")
            .place(device.0, device.1)
            .hint(print.0, print.1),
        out("out: a link to /dev/null", "{dir}/null.txt")
            .setup(|dir| link(Path::new("/dev/null"), &dir.join("null.txt")))
            .at("null.txt: ")
            .place(device.0, device.1)
            .hint(print.0, print.1),
        out("out: a folder", "{dir}/scenarios")
            .at("{dir}/scenarios: ")
            .place(
                "đây là một thư mục, không phải tệp",
                "this is a folder, not a file",
            )
            .hint(
                "ghi tên tệp kết quả trong thư mục",
                "name a file inside the folder",
            ),
        out("out: a folder written with a slash", "{dir}/scenarios/")
            .at("{dir}/scenarios/: ")
            .place(
                "đây là một thư mục, không phải tệp",
                "this is a folder, not a file",
            )
            .hint(
                "ghi tên tệp kết quả trong thư mục",
                "name a file inside the folder",
            ),
        out("out: a read-only file", "{dir}/plan.txt")
            .file("plan.txt", "kế hoạch cũ\n")
            .setup(|dir| {
                use std::os::unix::fs::PermissionsExt;
                let path = dir.join("plan.txt");
                std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o444)).unwrap();
            })
            .at("plan.txt: ")
            .place("tệp này chỉ cho phép đọc", "this file is read-only")
            .hint(
                "bỏ thuộc tính chỉ đọc của tệp",
                "clear the file's read-only attribute",
            ),
        out("out: a link to nothing", "{dir}/plan.txt")
            .setup(|dir| link(&dir.join("nowhere.txt"), &dir.join("plan.txt")))
            .at("plan.txt: ")
            .place("không trỏ tới tệp nào", "points to no file")
            .hint(
                "sửa liên kết cho trỏ tới một tệp",
                "mend the link so that it points to a file",
            ),
        out("out: two links pointing at each other", "{dir}/a.txt")
            .setup(|dir| {
                link(&dir.join("b.txt"), &dir.join("a.txt"));
                link(&dir.join("a.txt"), &dir.join("b.txt"));
            })
            .at("a.txt: ")
            .place("trỏ vòng quanh nhau", "point round in a loop")
            .hint("ghi thẳng tên tệp kết quả", "name the output file itself"),
        out("out: a folder that is not there", "{dir}/nope/plan.txt")
            .at("nope/plan.txt: ")
            .place("thư mục không tồn tại", "the folder does not exist")
            .hint(
                "kiểm tra thư mục có tồn tại và có quyền ghi",
                "check that the folder exists and can be written",
            ),
        out("out: an extension that names no format", "{dir}/plan.pdf")
            .at("plan.pdf: ")
            .place("có đuôi .pdf", "ends in .pdf")
            .hint(
                ".xlsx (Excel), .docx (công văn Word); hoặc ghi rõ định dạng, ví dụ --format json",
                ".xlsx (Excel), .docx (the Word letter); or name the format, e.g. --format json",
            ),
        out(
            "out: a workbook's name for another format",
            "{dir}/plan.xlsx",
        )
        .arg("--format")
        .arg("csv")
        .at("plan.xlsx: ")
        .place(
            "có đuôi .xlsx (định dạng xlsx) nhưng --format là csv",
            "ends in .xlsx (the xlsx format) but --format is csv",
        )
        .hint(
            "đổi đuôi tệp thành .csv, hoặc bỏ --format csv",
            "end the file's name in .csv, or leave out --format csv",
        ),
        out("out: JSON into a file named .md", "{dir}/plan.md")
            .arg("--format")
            .arg("json")
            .at("plan.md: ")
            .place(
                "có đuôi .md (định dạng markdown) nhưng --format là json",
                "ends in .md (the markdown format) but --format is json",
            )
            .hint("đổi đuôi tệp thành .json", "end the file's name in .json"),
        Case::new(
            "out: compare into a file named .csv",
            &[
                "compare",
                "{dir}/scenarios/lang-son-2020-09-01.toml",
                "{dir}/scenarios/lang-son-2020-09-01.toml",
                "--out",
                "{dir}/compare.csv",
            ],
        )
        .at("compare.csv: ")
        .place(
            "lệnh `compare` không xuất được định dạng csv",
            "`campaign compare` cannot write csv",
        )
        .hint("(tệp .txt, .md hoặc .json)", "(a .txt, .md or .json file)"),
        Case::new(
            "out: sweep into a file named .docx",
            &[
                "sweep",
                "{dir}/scenarios/lang-son-2020-09-01.toml",
                "--vary",
                "team_kind.volunteer.available=0..10:10",
                "--format",
                "json",
                "--out",
                "{dir}/sweep.docx",
            ],
        )
        .at("sweep.docx: ")
        .place(
            "có đuôi .docx (định dạng docx) nhưng --format là json",
            "ends in .docx (the docx format) but --format is json",
        )
        .hint("đổi đuôi tệp thành .json", "end the file's name in .json"),
        Case::new(
            "out: generate into a file named as a workbook",
            &["generate", "--units", "3", "--seed", "1", "--out", "{dir}/g.xlsx"],
        )
        .at("g.xlsx: ")
        .place(
            "`campaign generate` ghi một kịch bản (văn bản TOML), nhưng tên tệp có đuôi .xlsx",
            "`campaign generate` writes a scenario (TOML text), but the file's name ends in .xlsx",
        )
        .hint("đặt tên tệp có đuôi .toml", "end the file's name in .toml"),
        Case::new(
            "out: import into a file named as a table",
            &["import", "{dir}/scenarios/letter.csv", "--out", "{dir}/i.csv"],
        )
        .file("scenarios/letter.csv", crate::catalogue::import::LETTER)
        .at("i.csv: ")
        .place(
            "`campaign import` ghi một kịch bản (văn bản TOML), nhưng tên tệp có đuôi .csv",
            "`campaign import` writes a scenario (TOML text), but the file's name ends in .csv",
        )
        .hint("đặt tên tệp có đuôi .toml", "end the file's name in .toml"),
        // trial13e H14: a skeleton written as a rule file stopped every plan of its folder
        Case::new(
            "out: import into a file named as a rule",
            &["import", "{dir}/scenarios/letter.csv", "--out", "{dir}/rules/bao-cao.rhai"],
        )
        .file("scenarios/letter.csv", crate::catalogue::import::LETTER)
        .at("bao-cao.rhai: ")
        .place(
            "`campaign import` ghi một kịch bản (văn bản TOML), nhưng tên tệp có đuôi .rhai: tệp sẽ không mở được đúng như tên của nó, và sẽ bị đọc như một quy tắc",
            "`campaign import` writes a scenario (TOML text), but the file's name ends in .rhai: it would not open as its name says, and would be read as a rule",
        )
        .hint("đặt tên tệp có đuôi .toml", "end the file's name in .toml"),
        Case::new(
            "out: generate into a file named as a rule",
            &["generate", "--units", "3", "--seed", "1", "--out", "{dir}/g.rhai"],
        )
        .at("g.rhai: ")
        .place(
            "`campaign generate` ghi một kịch bản (văn bản TOML), nhưng tên tệp có đuôi .rhai",
            "`campaign generate` writes a scenario (TOML text), but the file's name ends in .rhai",
        )
        .hint("đặt tên tệp có đuôi .toml", "end the file's name in .toml"),
        Case::new(
            "out: import into a file without an extension",
            &["import", "{dir}/scenarios/letter.csv", "--out", "{dir}/skeleton"],
        )
        .file("scenarios/letter.csv", crate::catalogue::import::LETTER)
        .at("skeleton: ")
        .place(
            "`campaign import` ghi một kịch bản (văn bản TOML), nhưng tên tệp không có đuôi .toml",
            "`campaign import` writes a scenario (TOML text), but the file's name does not end in .toml",
        )
        .hint("đặt tên tệp có đuôi .toml", "end the file's name in .toml"),
        Case::new(
            "out: generate over a real scenario",
            &[
                "generate",
                "--units",
                "3",
                "--seed",
                "1",
                "--out",
                "{dir}/scenarios/lang-son-2020-09-01.toml",
            ],
        )
        .at("lang-son-2020-09-01.toml: ")
        .place(
            "không phải do `campaign generate` hay `campaign import` viết",
            "was not written by `campaign generate` or `campaign import`",
        )
        .hint(
            "thêm --force (campaign generate ... --out TỆP --force)",
            "add --force (campaign generate ... --out FILE --force)",
        ),
        Case::new(
            "out: import over a real scenario",
            &[
                "import",
                "{dir}/letter.csv",
                "--out",
                "{dir}/scenarios/lang-son-2020-09-01.toml",
            ],
        )
        .file("letter.csv", super::coverage::CSV)
        .at("lang-son-2020-09-01.toml: ")
        .place(
            "(có thể là một kịch bản thật)",
            "(it may be a real scenario)",
        )
        .hint(
            "thêm --force (campaign import ... --out TỆP --force)",
            "add --force (campaign import ... --out FILE --force)",
        ),
        Case::new(
            "out: import over a skeleton whose assumptions were checked",
            &["import", "{dir}/letter.csv", "--out", "{dir}/new.toml"],
        )
        .file("letter.csv", super::coverage::CSV)
        .file(
            "new.toml",
            "# Scenario skeleton made by `campaign import letter.csv`.\n\nassumptions_checked = true\n",
        )
        .at("new.toml: ")
        .place(
            "đã có người kiểm tra các giả định (assumptions_checked = true)",
            "someone has checked this file's assumptions (assumptions_checked = true)",
        )
        .hint("chọn tên tệp khác cho --out", "choose another file name for --out"),
        // with --format the scenario was replaced by a JSON plan, exit 0 (trial 13d, G12)
        out("out: another scenario, with --format", "{dir}/scenarios/what-if-equity.toml")
            .arg("--format")
            .arg("json")
            .at("what-if-equity.toml: ")
            .place(
                "đuôi của một tệp kịch bản hoặc tệp kiểm thử quy tắc",
                "as a scenario or a rule test file does",
            )
            .hint("đặt đuôi tệp theo định dạng kết quả: .txt", "end the name as the output's format: .txt"),
        out("out: a rule file, with --format", "{dir}/rules/other.rhai")
            .file("rules/other.rhai", "// a rule this scenario does not list\n")
            .arg("--format")
            .arg("text")
            .at("other.rhai: ")
            .place("đuôi của một tệp quy tắc", "as a rule file does")
            .hint("đặt đuôi tệp theo định dạng kết quả", "end the name as the output's format"),
        Case::new(
            "out: a new .toml from compare",
            &[
                "compare",
                "{dir}/scenarios/lang-son-2020-09-01.toml",
                "{dir}/scenarios/what-if-equity.toml",
                "--format",
                "markdown",
                "--out",
                "{dir}/so-sanh.toml",
            ],
        )
        .at("so-sanh.toml: ")
        .place("tên tệp kết quả có đuôi .toml", "the output file's name ends in .toml")
        .hint(".md (markdown)", ".md (Markdown)"),
        // a coverage table another scenario reads, the districts' report workbook: replaced by
        // the plan with exit 0 (trial 13f J34)
        out(
            "out: a coverage table another scenario reads",
            "{dir}/scenarios/coverage-2020-08-18.csv",
        )
        .copy("scenarios/coverage-2020-08-18.csv")
        .at("coverage-2020-08-18.csv: ")
        .place(
            "tệp .csv này đã có và không phải một kế hoạch do `campaign plan` viết",
            "this .csv file exists and is not a plan written by `campaign plan`",
        )
        .hint(
            "nếu đúng là muốn thay tệp này, hãy xóa hoặc đổi tên nó trước",
            "if this file is really to be replaced, delete it or rename it first",
        ),
        out(
            "out: the districts' report workbook",
            "{dir}/scenarios/bao-cao-huyen-2020-08-31.xlsx",
        )
        .copy("scenarios/bao-cao-huyen-2020-08-31.xlsx")
        .at("bao-cao-huyen-2020-08-31.xlsx: ")
        .place(
            "tệp .xlsx này đã có và không phải một kế hoạch do `campaign plan` viết",
            "this .xlsx file exists and is not a plan written by `campaign plan`",
        )
        .hint("chọn một tên tệp khác cho kết quả", "choose another file name for the output"),
        // a coverage table saved as .txt or with no extension (the table reader reads both as
        // CSV), a README, an edited letter: replaced with exit 0 (trial 13g K3)
        out("out: a coverage table saved as .txt", "{dir}/bao-cao-31-8.txt")
            .file("bao-cao-31-8.txt", super::coverage::CSV)
            .at("bao-cao-31-8.txt: ")
            .place(not_ours.0, not_ours.1)
            .hint(other.0, other.1),
        out("out: a coverage table saved without extension", "{dir}/baocao")
            .arg("--format")
            .arg("text")
            .file("baocao", super::coverage::CSV)
            .at("baocao: ")
            .place(not_ours.0, not_ours.1)
            .hint(other.0, other.1),
        Case::new(
            "out: explain over a coverage table saved as .txt",
            &[
                "explain",
                "{dir}/scenarios/lang-son-2020-09-01.toml",
                "--district",
                "Cao Lộc",
                "--out",
                "{dir}/cov.txt",
            ],
        )
        .file("cov.txt", super::coverage::CSV)
        .at("cov.txt: ")
        .place(not_ours.0, not_ours.1)
        .hint(other.0, other.1),
        Case::new(
            "out: sweep over a coverage table saved as .txt",
            &[
                "sweep",
                "{dir}/scenarios/lang-son-2020-09-01.toml",
                "--vary",
                "horizon_days=7..14:7",
                "--out",
                "{dir}/cov.txt",
            ],
        )
        .file("cov.txt", super::coverage::CSV)
        .at("cov.txt: ")
        .place(not_ours.0, not_ours.1)
        .hint(other.0, other.1),
        Case::new(
            "out: compare over a coverage table saved as .txt",
            &[
                "compare",
                "{dir}/scenarios/lang-son-2020-09-01.toml",
                "{dir}/scenarios/lang-son-2020-09-01.toml",
                "--out",
                "{dir}/cov.txt",
            ],
        )
        .file("cov.txt", super::coverage::CSV)
        .at("cov.txt: ")
        .place(not_ours.0, not_ours.1)
        .hint(other.0, other.1),
        out("out: a README", "{dir}/README.md")
            .file("README.md", "# campaign-planner\n\nHow to plan.\n")
            .at("README.md: ")
            .place(not_ours.0, not_ours.1)
            .hint(other.0, other.1),
        out("out: a Word letter that is not the tool's", "{dir}/cong-van.docx")
            .bytes("cong-van.docx", b"PK\x03\x04 a letter from another program")
            .at("cong-van.docx: ")
            .place(not_ours.0, not_ours.1)
            .hint(other.0, other.1),
        // generate and import over a table: the extension is the first thing to change (trial
        // 13g K15: the refusal spoke of `campaign plan`)
        Case::new(
            "out: generate over a coverage table",
            &["generate", "--units", "5", "--seed", "1", "--out", "{dir}/cov.csv"],
        )
        .file("cov.csv", super::coverage::CSV)
        .at("cov.csv: ")
        .place(
            "`campaign generate` ghi một kịch bản (văn bản TOML), nhưng tên tệp có đuôi .csv",
            "`campaign generate` writes a scenario (TOML text), but the file's name ends in .csv",
        )
        .hint("đặt tên tệp có đuôi .toml", "end the file's name in .toml"),
        Case::new(
            "out: import over a coverage table",
            &["import", "{dir}/letter.csv", "--out", "{dir}/cov.csv"],
        )
        .file("letter.csv", super::coverage::CSV)
        .file("cov.csv", super::coverage::CSV)
        .at("cov.csv: ")
        .place(
            "`campaign import` ghi một kịch bản (văn bản TOML), nhưng tên tệp có đuôi .csv",
            "`campaign import` writes a scenario (TOML text), but the file's name ends in .csv",
        )
        .hint("đặt tên tệp có đuôi .toml", "end the file's name in .toml"),
        // a generated scenario someone edited: replaced without a word (trial 13f J24)
        Case::new(
            "out: generate over a generated scenario someone edited",
            &["generate", "--units", "3", "--seed", "2", "--out", "{dir}/g.toml"],
        )
        .file("g.toml", EDITED_GENERATED)
        .at("g.toml: ")
        .place(
            "tệp này do `campaign generate` viết nhưng đã được sửa sau đó",
            "campaign generate wrote this file, but it has been edited since",
        )
        .hint(
            "thêm --force (campaign generate ... --out TỆP --force)",
            "add --force (campaign generate ... --out FILE --force)",
        ),
        Case::new(
            "out: import over a generated scenario someone edited",
            &["import", "{dir}/letter.csv", "--out", "{dir}/g.toml"],
        )
        .file("letter.csv", super::coverage::CSV)
        .file("g.toml", EDITED_GENERATED)
        .at("g.toml: ")
        .place(
            "tệp này do `campaign generate` viết nhưng đã được sửa sau đó",
            "campaign generate wrote this file, but it has been edited since",
        )
        .hint(
            "thêm --force (campaign import ... --out TỆP --force)",
            "add --force (campaign import ... --out FILE --force)",
        ),
        // the system's failures, each said in its words, before the plan (trial 13f J30)
        out("out: a name longer than the system allows", LONG_NAME)
            .place(
                "dài 303 byte, hệ thống chỉ cho phép tối đa 255 byte",
                "is 303 bytes, at most 255 are allowed by the system",
            )
            .hint("đặt tên tệp (và tên các thư mục) ngắn hơn", "choose a shorter file name"),
        out("out: a folder that is a loop of links", "{dir}/loop1/plan.md")
            .setup(|dir| {
                link(&dir.join("loop2"), &dir.join("loop1"));
                link(&dir.join("loop1"), &dir.join("loop2"));
            })
            .at("plan.md: ")
            .place(
                "loop1 là một liên kết (symlink) vòng lại chính nó",
                "loop1 is a symbolic link that loops back on itself",
            )
            .hint("xóa liên kết đó", "delete that link"),
        Case::plan("out: a workbook without --out")
            .arg("--format")
            .arg("xlsx")
            .place("định dạng xlsx là tệp nhị phân", "xlsx is a binary file")
            .hint("thêm --out TỆP", "add --out FILE"),
    ]
}

/// A scenario `campaign generate` wrote (its first line) that someone has edited since: no
/// digest, or one that does not match, on its first line.
const EDITED_GENERATED: &str = "# GENERATED synthetic data, NOT REAL: a made-up province for \
benchmarks and tests; content digest 0000000000000000\n# Made by: campaign generate --units 3 \
--seed 1\nname = \"Tỉnh thật\"\nhorizon_days = 21\n";

/// `--out` named 300 `a` and `.md`: 303 bytes, more than a name may have.
const LONG_NAME: &str = concat!(
    "{dir}/",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    ".md"
);

/// A symbolic link at `at` to `target`.
fn link(target: &Path, at: &Path) {
    std::os::unix::fs::symlink(target, at).unwrap();
}

#[test]
fn outputs() {
    check(cases());
}
