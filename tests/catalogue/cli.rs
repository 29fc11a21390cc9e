//! Command-line arguments: those the tool checks itself (`campaign generate`'s numbers, shares,
//! budget and rule path), and those the argument parser refuses (a missing scenario, a
//! misspelt command or option, a value not allowed), said in the user's language too.

use super::{Case, check};

/// `campaign generate --seed 1 --out {dir}/g.toml` with `args`.
fn generate(name: &str, args: &[&str]) -> Case {
    let mut case = Case::new(name, &["generate", "--seed", "1", "--out", "{dir}/g.toml"]);
    for arg in args {
        case = case.arg(arg);
    }
    case
}

/// The shipped scenario, in the case's folder.
const SCENARIO: &str = "{dir}/scenarios/lang-son-2020-09-01.toml";

fn cases() -> Vec<Case> {
    let plan = (
        "gõ ví dụ: campaign plan scenarios/lang-son-2020-09-01.toml",
        "type e.g.: campaign plan scenarios/lang-son-2020-09-01.toml",
    );
    let compare = (
        "gõ ví dụ: campaign compare scenarios/lang-son-2020-09-01.toml scenarios/",
        "type e.g.: campaign compare scenarios/lang-son-2020-09-01.toml scenarios/",
    );
    let units = ("ví dụ --units 700", "for example --units 700");
    let budget = (
        "ghi số tiền (đồng) cho cả đợt",
        "write the amount in đồng for the whole campaign",
    );
    let rules = (
        "ghi đường dẫn tệp hoặc thư mục quy tắc",
        "name a rule file or folder",
    );
    vec![
        // trial13d G30: 1.5 is as likely 15% or a slip as 1.5%: no "1.5% is 0.015"
        generate("generate: a target of 1.5, not a percent", &["--units", "10", "--target", "1.5"])
            .at("--target 1.5: ")
            .place("(đang là 1.5)", "(it is 1.5)")
            .hint("ví dụ --target 0.4 cho 40%", "e.g. --target 0.4 for 40%"),
        generate("generate: zero units", &["--units", "0"])
            .at("--units 0: ")
            .place("(đang là 0)", "(it is 0)")
            .hint(units.0, units.1),
        generate("generate: units not a number", &["--units", "ten"])
            .at("--units ten: ")
            .place(
                "số đơn vị phải là một số nguyên",
                "the number of units must be a whole number",
            )
            .hint(units.0, units.1),
        generate("generate: too many units", &["--units", "99999999"])
            .at("--units 99999999: ")
            .place(
                "số đơn vị phải từ 1 đến 20.000",
                "the number of units must be from 1 to 20,000",
            )
            .hint(units.0, units.1),
        Case::new(
            "generate: a negative seed",
            &[
                "generate",
                "--units",
                "10",
                "--seed",
                "-1",
                "--out",
                "{dir}/g.toml",
            ],
        )
        .at("--seed -1: ")
        .place(
            "hạt giống (seed) phải là một số nguyên",
            "the seed must be a whole number",
        )
        .hint("ví dụ --seed 1", "for example --seed 1"),
        generate(
            "generate: a target as a percentage",
            &["--units", "10", "--target", "40"],
        )
        .at("--target 40: ")
        .place("(đang là 40)", "(it is 40)")
        .hint(
            "40% là 0.4, gõ --target 0.4",
            "40% is 0.4, type --target 0.4",
        ),
        generate(
            "generate: a target with a % sign",
            &["--units", "10", "--target", "40%"],
        )
        .at("--target 40%: ")
        .place("không có dấu %", "without %")
        .hint("gõ --target 0.4", "type --target 0.4"),
        generate(
            "generate: a target with a decimal comma",
            &["--units", "10", "--target", "0,4"],
        )
        .at("--target 0,4: ")
        .place(
            "mục tiêu toàn tỉnh phải là một tỷ lệ",
            "the provincial target must be a share",
        )
        .hint(
            "số thập phân dùng dấu chấm, không dùng dấu phẩy: gõ --target 0.4",
            "decimals take a dot, not a comma: type --target 0.4",
        ),
        generate(
            "generate: a target of 0",
            &["--units", "10", "--target", "0"],
        )
        .at("--target 0: ")
        .place("(đang là 0)", "(it is 0)")
        .hint("ví dụ --target 0.4 cho 40%", "e.g. --target 0.4 for 40%"),
        generate(
            "generate: a floor above 1",
            &["--units", "10", "--floor", "1.5"],
        )
        .at("--floor 1.5: ")
        .place("mức sàn của mỗi đơn vị", "the floor of every unit")
        .says("lớn hơn 0 và nhỏ hơn 1", "more than 0 and less than 1"),
        generate(
            "generate: a negative budget",
            &["--units", "10", "--budget", "-5"],
        )
        .at("--budget -5: ")
        .place("ngân sách không thể âm", "the budget cannot be negative")
        .hint(budget.0, budget.1),
        generate(
            "generate: a budget that is a word",
            &["--units", "10", "--budget", "nhiều"],
        )
        .at("--budget nhiều: ")
        .place(
            "ngân sách phải là một số đồng",
            "the budget must be a whole number of đồng",
        )
        .hint(budget.0, budget.1),
        // the limit, and what to type (trial U11: it said "a whole number")
        generate(
            "generate: a budget in scientific notation, past the limit",
            &["--units", "10", "--budget", "1e30"],
        )
        .at("--budget 1e30: ")
        .place(
            "ngân sách quá lớn, nhiều nhất là 1.000.000.000.000.000 đồng",
            "the budget is too large, at most 1,000,000,000,000,000 đồng",
        )
        .hint("--budget 250000000", "--budget 250000000"),
        generate(
            "generate: a budget past the limit in digits",
            &["--units", "10", "--budget", "2_000_000_000_000_000"],
        )
        .at("--budget 2_000_000_000_000_000: ")
        .place(
            "nhiều nhất là 1.000.000.000.000.000 đồng",
            "at most 1,000,000,000,000,000 đồng",
        )
        .hint("docs/limits.md", "docs/limits.md"),
        generate(
            "generate: a budget in scientific notation",
            &["--units", "10", "--budget", "2.5e8"],
        )
        .at("--budget 2.5e8: ")
        .place("không viết dạng lũy thừa", "not with an exponent")
        .hint("gõ --budget 250000000", "type --budget 250000000"),
        generate(
            "generate: an empty rule path",
            &["--units", "10", "--rules", ""],
        )
        .at("--rules: ")
        .place("đường dẫn quy tắc đang để trống", "the rule path is empty")
        .hint(rules.0, rules.1),
        generate(
            "generate: a line break in the rule path",
            &["--units", "10", "--rules", "../rules\nrm"],
        )
        .at("--rules ../rules\\nrm: ")
        .place("ký tự điều khiển", "a control character")
        .hint(rules.0, rules.1),
        // ---- refused by the argument parser, said in the user's language ----
        Case::new("command line: plan without a scenario", &["plan"])
            .place(
                "lỗi: lệnh `campaign plan` còn thiếu tệp kịch bản",
                "error: `campaign plan` lacks the scenario file",
            )
            .hint(plan.0, plan.1),
        Case::new("command line: an unknown command", &["plann", SCENARIO])
            .place(
                "`campaign` không có lệnh `plann`",
                "`campaign` has no command `plann`",
            )
            .hint("có phải ý bạn là `plan`?", "did you mean `plan`?"),
        Case::plan("command line: --lang fr")
            .arg("--lang")
            .arg("fr")
            .place(
                "`--lang` không nhận giá trị `fr`; chỉ dùng một trong: `vi`, `en`",
                "`--lang` does not take `fr`; use one of `vi`, `en`",
            )
            .hint("ví dụ --lang vi", "e.g. --lang vi"),
        Case::plan("command line: --format pdf")
            .arg("--format")
            .arg("pdf")
            .place(
                "`--format` không nhận giá trị `pdf`; chỉ dùng một trong: `text`, `json`",
                "`--format` does not take `pdf`; use one of `text`, `json`",
            )
            // a PDF is printed from the HTML page
            .hint(
                "có phải ý bạn là `html`? Gõ --format html (trang in",
                "did you mean `html`? Type --format html (a page to print",
            ),
        // letter trial item 5: the office calls it a Word file
        Case::plan("command line: --format word")
            .arg("--format")
            .arg("word")
            .place(
                "`--format` không nhận giá trị `word`",
                "`--format` does not take `word`",
            )
            .hint(
                "có phải ý bạn là `docx`? Gõ --format docx (công văn dạng tệp Word, cần --out",
                "did you mean `docx`? Type --format docx (the official letter as a Word file; needs --out",
            ),
        Case::plan("command line: a misspelt option (--fromat)")
            .arg("--fromat")
            .arg("json")
            .place(
                "lệnh `campaign plan` không có tùy chọn `--fromat`",
                "`campaign plan` has no option `--fromat`",
            )
            .hint("có phải ý bạn là `--format`?", "did you mean `--format`?"),
        Case::plan("command line: an argument too many")
            .arg("extra.toml")
            .place(
                "thừa `extra.toml`: lệnh `campaign plan` không nhận thêm đối số này",
                "`extra.toml` is one argument too many for `campaign plan`",
            )
            .hint(
                "muốn so sánh nhiều kịch bản thì dùng `campaign compare",
                "to compare several, use `campaign compare",
            ),
        Case::new("command line: compare with one scenario", &["compare", SCENARIO])
            .place(
                "lệnh `campaign compare` cần ít nhất 2 tệp kịch bản (.toml), mới có 1",
                "`campaign compare` needs at least 2 scenario files (.toml), 1 given",
            )
            .hint(compare.0, compare.1),
        Case::new("command line: explain without --district", &["explain", SCENARIO])
            .place(
                "lệnh `campaign explain` còn thiếu tùy chọn `--district` (tên huyện cần giải thích)",
                "`campaign explain` lacks the option `--district` (the district to explain)",
            )
            .hint(
                "gõ ví dụ: campaign explain scenarios/lang-son-2020-09-01.toml --district \"Hữu Lũng\"",
                "type e.g.: campaign explain scenarios/lang-son-2020-09-01.toml --district \"Hữu Lũng\"",
            ),
        Case::plan("command line: --out without a value")
            .arg("--out")
            .place("`--out` cần một giá trị theo sau", "`--out` needs a value after it")
            .hint(
                "ghi giá trị ngay sau --out, ví dụ --out ke-hoach.json",
                "write the value right after --out, e.g. --out plan.json",
            ),
        Case::new("command line: sweep without --vary", &["sweep", SCENARIO])
            .place(
                "lệnh `campaign sweep` còn thiếu tùy chọn `--vary`",
                "`campaign sweep` lacks the option `--vary`",
            )
            .hint(
                "gõ ví dụ: campaign sweep scenarios/lang-son-2020-09-01.toml --vary team_kind.volunteer.available=10..50:10",
                "type e.g.: campaign sweep scenarios/lang-son-2020-09-01.toml --vary team_kind.volunteer.available=10..50:10",
            ),
        Case::new(
            "command line: generate without --seed",
            &["generate", "--units", "10", "--out", "{dir}/g.toml"],
        )
        .place(
            "lệnh `campaign generate` còn thiếu tùy chọn `--seed`",
            "`campaign generate` lacks the option `--seed`",
        )
        .hint(
            "gõ ví dụ: campaign generate --units 700 --seed 1",
            "type e.g.: campaign generate --units 700 --seed 1",
        ),
        generate("command line: generate --objective cheap", &["--units", "10", "--objective", "cheap"])
            .place(
                "`--objective` không nhận giá trị `cheap`; chỉ dùng một trong: `max-installs`, `min-cost`, `max-min-rate`",
                "`--objective` does not take `cheap`; use one of `max-installs`, `min-cost`, `max-min-rate`",
            )
            .hint("ví dụ --objective max-installs", "e.g. --objective max-installs"),
        Case::new("command line: no command at all", &[])
            .place(
                "`campaign` cần một lệnh theo sau: `plan`, `compare`, `sweep`, `explain`, `import`, `generate`, `rules`",
                "`campaign` needs a command after it: `plan`, `compare`, `sweep`, `explain`, `import`, `generate`, `rules`",
            )
            .hint(plan.0, plan.1),
        Case::new("command line: rules without check or test", &["rules"])
            .place(
                "`campaign rules` cần một lệnh theo sau: `check`, `test`",
                "`campaign rules` needs a command after it: `check`, `test`",
            )
            .hint(
                "gõ ví dụ: campaign rules check rules/",
                "type e.g.: campaign rules check rules/",
            ),
        Case::new(
            "command line: --jobs that is no number",
            &["sweep", SCENARIO, "--vary", "horizon_days=7..14:7", "--jobs", "abc"],
        )
        .place(
            "`--jobs` cần một số nguyên dương, không phải `abc`",
            "`--jobs` takes a whole number above 0, not `abc`",
        )
        .hint("ví dụ --jobs 4", "e.g. --jobs 4"),
        Case::plan("command line: --format given twice")
            .arg("--format")
            .arg("json")
            .arg("--format")
            .arg("text")
            .place(
                "tùy chọn `--format` được ghi hai lần",
                "the option `--format` is given twice",
            )
            .hint("giữ một `--format` và bỏ cái kia", "keep one `--format` and drop the other"),
        // trial 13 H8: explain of a name a city and a town share once the unit word is aside
        Case::new(
            "command line: explain of a name two units share",
            &["explain", SCENARIO, "--district", "lạng sơn"],
        )
        .scenario("name = \"Hữu Lũng\"", "name = \"Thị xã Lạng Sơn\"")
        .place(
            "\"lạng sơn\" là tên của 2 huyện của kịch bản: \"Thành phố Lạng Sơn\", \"Thị xã Lạng Sơn\"",
            "\"lạng sơn\" is the name of 2 of the scenario's districts: \"Thành phố Lạng Sơn\", \"Thị xã Lạng Sơn\"",
        )
        .hint(
            "ghi đầy đủ tên, cả loại đơn vị, ví dụ --district \"Thành phố Lạng Sơn\"",
            "write the full name, unit word and all, e.g. --district \"Thành phố Lạng Sơn\"",
        ),
    ]
}

#[test]
fn cli() {
    check(cases());
}
