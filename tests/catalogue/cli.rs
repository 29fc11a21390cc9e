//! Command-line arguments the tool checks itself: `campaign generate`'s numbers, shares, budget
//! and rule path. (Arguments that the argument parser refuses, such as a missing scenario or a
//! misspelt option, are in known_bad.md: it answers in English only.)

use super::{Case, check};

/// `campaign generate --seed 1 --out {dir}/g.toml` with `args`.
fn generate(name: &str, args: &[&str]) -> Case {
    let mut case = Case::new(name, &["generate", "--seed", "1", "--out", "{dir}/g.toml"]);
    for arg in args {
        case = case.arg(arg);
    }
    case
}

fn cases() -> Vec<Case> {
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
                "số đơn vị phải từ 1 đến 100.000",
                "the number of units must be from 1 to 100,000",
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
        generate(
            "generate: a budget in scientific notation",
            &["--units", "10", "--budget", "1e30"],
        )
        .at("--budget 1e30: ")
        .place(
            "ngân sách phải là một số đồng",
            "the budget must be a whole number of đồng",
        )
        .hint(budget.0, budget.1),
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
    ]
}

#[test]
fn cli() {
    check(cases());
}
