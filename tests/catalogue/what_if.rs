//! `campaign compare` (its scenarios) and `campaign explain` (its `--district`).

use super::{Case, check};

/// `campaign compare` of the shipped scenario and `other`.
fn compare(name: &str, other: &str) -> Case {
    Case::new(
        name,
        &["compare", "{dir}/scenarios/lang-son-2020-09-01.toml", other],
    )
}

/// `campaign explain` of the shipped scenario's `district`.
fn explain(name: &str, district: &str) -> Case {
    Case::new(
        name,
        &[
            "explain",
            "{dir}/scenarios/lang-son-2020-09-01.toml",
            "--district",
            district,
        ],
    )
}

fn cases() -> Vec<Case> {
    let districts = (
        "các huyện của kịch bản: \"Thành phố Lạng Sơn\", \"Hữu Lũng\"",
        "the scenario's districts are: \"Thành phố Lạng Sơn\", \"Hữu Lũng\"",
    );
    vec![
        compare(
            "compare: a scenario that is not there",
            "{dir}/scenarios/nope.toml",
        )
        .at("nope.toml: ")
        .place(
            "không so sánh được: kịch bản B",
            "nothing compared: scenario B",
        )
        .hint(
            "kiểm tra đường dẫn và tên tệp",
            "check the path and the file name",
        ),
        compare(
            "compare: a scenario with a mistake",
            "{dir}/scenarios/bad.toml",
        )
        .file(
            "scenarios/bad.toml",
            &crate::layout::shipped().replace("horizon_days = 14 ", "horizon_days = 0 "),
        )
        .at("bad.toml:9:16")
        .place(
            "không so sánh được: kịch bản B ({dir}/scenarios/bad.toml) có lỗi ở trên",
            "nothing compared: scenario B ({dir}/scenarios/bad.toml) has the error above",
        )
        .hint("ví dụ horizon_days = 14", "e.g. horizon_days = 14"),
        compare(
            "compare: a scenario whose rule has a mistake",
            "{dir}/scenarios/other.toml",
        )
        .file(
            "scenarios/other.toml",
            &crate::layout::shipped().replace(
                "\"../rules/door-to-door.rhai\"",
                "\"../rules/other/door-to-door.rhai\"",
            ),
        )
        .setup(|dir| {
            std::fs::create_dir(dir.join("rules/other")).unwrap();
            let rule = std::fs::read_to_string(dir.join("rules/door-to-door.rhai")).unwrap();
            std::fs::write(
                dir.join("rules/other/door-to-door.rhai"),
                rule.replace(
                    "if district.rate < scenario",
                    "if district.rates < scenario",
                ),
            )
            .unwrap();
        })
        .at("rules/other/door-to-door.rhai:17:17")
        .place(
            "không so sánh được: kịch bản B",
            "nothing compared: scenario B",
        )
        .hint(
            "có phải ý bạn là `district.rate`?",
            "did you mean `district.rate`?",
        ),
        compare(
            "compare: a printable format",
            "{dir}/scenarios/lang-son-2020-09-01.toml",
        )
        .arg("--format")
        .arg("html")
        .place(
            "lệnh `compare` không xuất được định dạng html",
            "`campaign compare` cannot write html",
        )
        .hint(
            "dùng --format text, markdown hoặc json",
            "use --format text, markdown or json",
        ),
        explain("explain: a district without its accents", "Huu Lung")
            .at("lang-son-2020-09-01.toml: ")
            .place(
                "kịch bản không có huyện \"Huu Lung\"",
                "the scenario has no district \"Huu Lung\"",
            )
            .hint(
                "có phải ý bạn là \"Hữu Lũng\"?",
                "did you mean \"Hữu Lũng\"?",
            ),
        // a district in other capitals is that district (issue 13, W3); a Cyrillic letter is
        // named in the hint
        explain("explain: a district with a Cyrillic letter", "Нữu Lũng")
            .at("lang-son-2020-09-01.toml: ")
            .place(
                "kịch bản không có huyện \"Нữu Lũng\"",
                "the scenario has no district \"Нữu Lũng\"",
            )
            .hint(
                "có phải ý bạn là \"Hữu Lũng\"? (chữ `Н` (U+041D, ký tự thứ 1) là chữ Kirin",
                "did you mean \"Hữu Lũng\"? (the letter `Н` (U+041D, character 1) is a Cyrillic letter",
            ),
        explain("explain: a district of another province", "Hà Nội")
            .at("lang-son-2020-09-01.toml: ")
            .place(
                "kịch bản không có huyện \"Hà Nội\"",
                "the scenario has no district \"Hà Nội\"",
            )
            .hint(districts.0, districts.1),
        explain("explain: an empty district", "")
            .at("lang-son-2020-09-01.toml: ")
            .place(
                "kịch bản không có huyện \"\"",
                "the scenario has no district \"\"",
            )
            .hint(districts.0, districts.1),
        Case::new(
            "explain: a scenario that is not there",
            &[
                "explain",
                "{dir}/scenarios/nope.toml",
                "--district",
                "Hữu Lũng",
            ],
        )
        .at("nope.toml: ")
        .place(
            "không tìm thấy tệp kịch bản",
            "the scenario file was not found",
        )
        .hint(
            "kiểm tra đường dẫn và tên tệp",
            "check the path and the file name",
        ),
        explain("explain: a printable format", "Hữu Lũng")
            .arg("--format")
            .arg("csv")
            .place(
                "lệnh `explain` không xuất được định dạng csv",
                "`campaign explain` cannot write csv",
            )
            .hint(
                "dùng --format text, markdown hoặc json",
                "use --format text, markdown or json",
            ),
    ]
}

#[test]
fn what_if() {
    check(cases());
}
