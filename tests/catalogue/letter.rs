//! `[letter]`, the particulars of the official letter (`campaign plan --format docx`): an
//! overlay of the shipped scenario whose `[letter]` is broken one value at a time.

use super::{Case, check};

/// `campaign plan` of an overlay `scenarios/l.toml` of the shipped scenario whose `[letter]`
/// holds `lines` (from its line 4), written as a Word file.
fn letter(name: &str, lines: &str) -> Case {
    Case::new(
        name,
        &[
            "plan",
            "{dir}/scenarios/l.toml",
            "--format",
            "docx",
            "--out",
            "{dir}/cong-van.docx",
        ],
    )
    .file(
        "scenarios/l.toml",
        &format!("base = \"lang-son-2020-09-01.toml\"\n\n[letter]\n{lines}\n"),
    )
}

fn cases() -> Vec<Case> {
    let date = (
        "ghi ngày theo dạng năm-tháng-ngày, không có ngoặc kép: date = 2020-09-01",
        "write the date as year-month-day, without quotes: date = 2020-09-01",
    );
    vec![
        letter("letter: a misspelt key", "numbr = 1635")
            .at("l.toml:4:1")
            .place(
                "không biết khóa `numbr` trong [letter]",
                "unknown key `numbr` in [letter]",
            )
            .hint("có phải ý bạn là `number`?", "did you mean `number`?"),
        letter("letter: an empty issuing body", "issuer = \"  \"")
            .at("l.toml:4:10")
            .place("mục `letter.issuer`", "field `letter.issuer`")
            .hint(
                "hoặc xóa cả dòng để công văn in chỗ trống [..] rồi điền sau",
                "or remove the line so that the letter prints a [..] placeholder",
            ),
        letter("letter: the issuing body as a number", "issuer = 5")
            .at("l.toml:4:10")
            .place("mục `letter.issuer`", "field `letter.issuer`")
            .hint(
                "issuer = \"Sở Thông tin và Truyền thông\"",
                "issuer = \"Sở Thông tin và Truyền thông\"",
            ),
        letter("letter: a date in quotes", "date = \"01/9/2020\"")
            .at("l.toml:4:8")
            .place("mục `letter.date`", "field `letter.date`")
            .hint(date.0, date.1),
        // user14 U14: the hint gives the day typed, as a scenario writes it, at once
        letter("letter: a date typed day first, bare", "date = 02/09/2020")
            .at("l.toml:4:8")
            .place("`02/09/2020`", "`02/09/2020`")
            .hint(
                "viết ngày theo dạng năm-tháng-ngày, không có ngoặc kép: date = 2020-09-02",
                "write the date as year-month-day, without quotes: date = 2020-09-02",
            ),
        letter("letter: a date typed day first, quoted", "date = \"02/9/2020\"")
            .at("l.toml:4:8")
            .place("mục `letter.date`", "field `letter.date`")
            .hint(
                "ghi ngày theo dạng năm-tháng-ngày, không có ngoặc kép: date = 2020-09-02",
                "write the date as year-month-day, without quotes: date = 2020-09-02",
            ),
        letter("letter: a date with a time", "date = 2020-09-01T08:00:00")
            .at("l.toml:4:8")
            .place("mục `letter.date`", "field `letter.date`")
            .hint(date.0, date.1),
        letter("letter: dated before its figures", "date = 2020-08-31")
            .at("l.toml:4:8")
            .place(
                "công văn đề ngày 2020-08-31, trước ngày của số liệu",
                "the letter is dated 2020-08-31, before the data",
            )
            .hint(
                "ghi ngày ký công văn, từ 2020-09-01 trở về sau",
                "write the date it is signed, 2020-09-01 or later",
            ),
        letter("letter: number 0", "number = 0")
            .at("l.toml:4:10")
            .place("mục `letter.number`", "field `letter.number`")
            .says(
                "số văn bản 0 không hợp lệ",
                "the letter number 0 is not valid",
            )
            .hint(
                "ví dụ: number = 1635, hoặc number = \"1635\"",
                "e.g. number = 1635, or number = \"1635\"",
            ),
        letter("letter: a misspelt mode", "mode = \"per-distrct\"")
            .at("l.toml:4:8")
            .place("mục `letter.mode`", "field `letter.mode`")
            .hint(
                "có phải ý bạn là \"per-district\"?",
                "did you mean \"per-district\"?",
            ),
        letter(
            "letter: recipients of letters sent one per district",
            "mode = \"per-district\"\nrecipients = [\"UBND tỉnh\"]",
        )
        .at("l.toml:5:14")
        .place("mục `letter.recipients`", "field `letter.recipients`")
        .hint(
            "xóa recipients, hoặc dùng mode = \"annex\"",
            "remove recipients, or use mode = \"annex\"",
        ),
        letter(
            "letter: a hidden character in the signer's name",
            "signer = \"Lê\\u200bHải Yến\"",
        )
        .at("l.toml:4:10")
        .place("mục `letter.signer`", "field `letter.signer`")
        .says("(U+200B) ở vị trí 3", "(U+200B) at position 3")
        .hint(
            "gõ lại chữ này trên một dòng",
            "type the text again on one line",
        ),
        letter(
            "letter: a subject too long",
            &format!("subject = \"{}\"", "ứng dụng ".repeat(40)),
        )
        .at("l.toml:4:11")
        .place("mục `letter.subject`", "field `letter.subject`")
        .says("tối đa 300 ký tự", "at most 300")
        .hint("viết ngắn lại", "shorten it"),
        letter("letter: Nơi nhận as one text", "copies_to = \"Như trên\"")
            .at("l.toml:4:13")
            .place("mục `letter.copies_to`", "field `letter.copies_to`")
            .hint(
                "copies_to = [\"Như trên\", \"UBND tỉnh (BC)\", \"Lưu: VT\"]",
                "copies_to = [\"Như trên\", \"UBND tỉnh (BC)\", \"Lưu: VT\"]",
            ),
        letter(
            "letter: Nơi nhận of 51 lines",
            &format!("copies_to = [{}]", vec!["\"Sở Y tế\""; 51].join(", ")),
        )
        .at("l.toml:4:13")
        .place("mục `letter.copies_to`", "field `letter.copies_to`")
        .says("tối đa 50 dòng", "at most 50")
        .hint(
            "gộp các nơi nhận cùng loại vào một dòng",
            "put recipients of one kind on one line",
        ),
        // letter trial item 3: the number written with a symbol of another office
        letter(
            "letter: a number whose symbol is not the symbol",
            "number = \"1635/UBND-VX\"\nsymbol = \"STTTT-TTBCXB\"",
        )
        .at("l.toml:4:10")
        .place(
            "số văn bản \"1635/UBND-VX\" mang ký hiệu UBND-VX, khác với ký hiệu symbol = \"STTTT-TTBCXB\"",
            "the letter number \"1635/UBND-VX\" carries the symbol UBND-VX, not the symbol = \"STTTT-TTBCXB\"",
        )
        .hint(
            "ghi số và ký hiệu riêng: number = 1635 và symbol = \"STTTT-TTBCXB\"",
            "write the number and the symbol apart: number = 1635 and symbol = \"STTTT-TTBCXB\"",
        ),
        // trial 13f J11: "1635/2020" was blamed on a symbol "2020" the user never wrote
        letter("letter: a number with its year", "number = \"1635/2020\"")
            .at("l.toml:4:10")
            .place("mục `letter.number`", "field `letter.number`")
            .says(
                "`number` chỉ ghi số văn bản (1635); năm được in theo `date`, còn phần sau dấu / là ký hiệu, ghi ở `symbol`",
                "`number` takes the number alone (1635); the year is printed from `date`, and the part after / goes in `symbol`",
            )
            .hint(
                "ghi number = 1635; nếu \"2020\" là năm thì bỏ đi",
                "write number = 1635; if \"2020\" is the year, leave it out",
            ),
        letter("letter: a number that is only a symbol", "number = \"/STTTT\"")
            .at("l.toml:4:10")
            .place("mục `letter.number`", "field `letter.number`")
            .hint(
                "ví dụ: number = 1635, hoặc number = \"1635\"",
                "e.g. number = 1635, or number = \"1635\"",
            ),
        letter("letter: dated in the year 9999", "date = 9999-12-31")
            .at("l.toml:4:8")
            .place(
                "công văn đề ngày 9999-12-31, sau ngày của số liệu nó nêu (as_of = 2020-09-01)",
                "the letter is dated 9999-12-31",
            )
            .hint(
                "kiểm tra năm đã ghi",
                "check the year written",
            ),
        letter(
            "letter: letters per district numbered from a text",
            "mode = \"per-district\"\nnumber = \"1635a\"",
        )
        .at("l.toml:5:10")
        .place(
            "\"1635a\" không phải một số nguyên để đánh tiếp",
            "\"1635a\" is not a whole number to count on from",
        )
        .hint(
            "ví dụ number = 1635 (các công văn sau là 1636, 1637, ...)",
            "e.g. number = 1635 (the next letters are 1636, 1637, ...)",
        ),
        // letter14c item 3: a recipient naming a district the scenario does not have
        letter(
            "letter: a recipient names a misspelt district",
            "recipients = [\"Chủ tịch UBND huyện Hữu Lủng\"]",
        )
        .at("l.toml:4:15")
        .place(
            "nơi nhận \"Chủ tịch UBND huyện Hữu Lủng\" nêu \"Hữu Lủng\", không phải huyện nào trong kịch bản",
            "the recipient \"Chủ tịch UBND huyện Hữu Lủng\" names \"Hữu Lủng\", which is no district of the scenario",
        )
        .hint(
            "có phải ý bạn là `Hữu Lũng`? các huyện: `Thành phố Lạng Sơn`, `Hữu Lũng`",
            "did you mean `Hữu Lũng`? the districts are `Thành phố Lạng Sơn`, `Hữu Lũng`",
        ),
        letter(
            "letter: a recipient names a city of another province",
            "recipients = [\"Chủ tịch UBND huyện Hữu Lũng\", \"UBND thành phố Hà Nội\"]",
        )
        .at("l.toml:4:47")
        .place(
            "nơi nhận \"UBND thành phố Hà Nội\" nêu \"Hà Nội\"",
            "the recipient \"UBND thành phố Hà Nội\" names \"Hà Nội\"",
        )
        .hint(
            "sửa tên cho giống tên trong kịch bản, hoặc xóa dòng này khỏi recipients",
            "write the name as the scenario does, or remove this line from recipients",
        ),
        // trial13e H9: the unit word was ignored, and the letter addressed "UBND thị xã Lạng Sơn"
        letter(
            "letter: a recipient calls the city a thị xã",
            "recipients = [\"Chủ tịch UBND thị xã Lạng Sơn\"]",
        )
        .at("l.toml:4:15")
        .place(
            "nơi nhận \"Chủ tịch UBND thị xã Lạng Sơn\" gọi Thành phố Lạng Sơn là thị xã, nhưng trong kịch bản Thành phố Lạng Sơn là thành phố",
            "the recipient \"Chủ tịch UBND thị xã Lạng Sơn\" calls Thành phố Lạng Sơn a thị xã, but in the scenario Thành phố Lạng Sơn is a thành phố",
        )
        .hint(
            "ghi đúng loại đơn vị: \"Chủ tịch UBND thành phố Lạng Sơn\"",
            "write the right unit word: \"Chủ tịch UBND thành phố Lạng Sơn\"",
        ),
        letter(
            "letter: a recipient calls a huyện a quận",
            "recipients = [\"Chủ tịch UBND quận Hữu Lũng\"]",
        )
        .at("l.toml:4:15")
        .place("gọi Hữu Lũng là quận", "calls Hữu Lũng a quận")
        .hint("\"Chủ tịch UBND huyện Hữu Lũng\"", "\"Chủ tịch UBND huyện Hữu Lũng\""),
        // trial13e H17: the same line twice was printed twice
        letter(
            "letter: the same recipient twice",
            "recipients = [\"Chủ tịch UBND huyện Hữu Lũng\", \"Chủ tịch UBND huyện Hữu Lũng\"]",
        )
        .at("l.toml:4:47")
        .place(
            "dòng \"Chủ tịch UBND huyện Hữu Lũng\" được ghi hai lần (mục thứ 1 và thứ 2)",
            "the line \"Chủ tịch UBND huyện Hữu Lũng\" is written twice (items 1 and 2)",
        )
        .hint("xóa mục thứ 2", "remove item 2"),
        letter(
            "letter: the same copy line twice",
            "copies_to = [\"Như trên\", \"Lưu: VT\", \"Như trên;\"]",
        )
        .at("l.toml:4:37")
        .place("mục `letter.copies_to`", "field `letter.copies_to`")
        .place(
            "dòng \"Như trên;\" được ghi hai lần (mục thứ 1 và thứ 3)",
            "the line \"Như trên;\" is written twice (items 1 and 3)",
        )
        .hint("xóa mục thứ 3", "remove item 3"),
        // trial13e H16: the 11 letters ran to 1,000,000,009
        letter(
            "letter: letters per district numbered on past the register",
            "mode = \"per-district\"\nnumber = 999999995",
        )
        .at("l.toml:5:10")
        .place("mục `letter.number`", "field `letter.number`")
        .says(
            "11 công văn được đánh số từ 999.999.995 đến 1.000.000.005, quá số lớn nhất 999.999.999",
            "the 11 letters are numbered 999,999,995 to 1,000,000,005, past the largest number, 999,999,999",
        )
        .hint(
            "số của công văn đầu tiên lớn nhất là 999.999.989",
            "the first letter's number may be at most 999,999,989",
        ),
        // letter14c item 4 (issue 13 F37): every [letter] value of the wrong shape
        letter("letter: a number of fourteen digits", "number = 16350000000000")
            .at("l.toml:4:10")
            .place("mục `letter.number`", "field `letter.number`")
            .place(
                "số văn bản 16350000000000 không hợp lệ",
                "the letter number 16350000000000 is not valid",
            )
            .says("từ 1 đến 999.999.999", "from 1 to 999,999,999")
            .hint(
                "ví dụ: number = 1635, hoặc number = \"1635\"",
                "e.g. number = 1635, or number = \"1635\"",
            ),
        letter("letter: a number with decimals", "number = 1635.5")
            .at("l.toml:4:10")
            .place(
                "số văn bản 1635.5 không hợp lệ",
                "the letter number 1635.5 is not valid",
            )
            .hint(
                "ví dụ: number = 1635, hoặc number = \"1635\"",
                "e.g. number = 1635, or number = \"1635\"",
            ),
        letter("letter: a number written with Số", "number = \"Số 1635\"")
            .at("l.toml:4:10")
            .place(
                "số văn bản \"Số 1635\" phải bắt đầu bằng chữ số",
                "the letter number \"Số 1635\" must start with a digit",
            )
            .hint("không ghi chữ \"Số:\"", "without \"Số:\""),
        letter("letter: a number with a line break", "number = \"16\\n35\"")
            .at("l.toml:4:10")
            .place("mục `letter.number`", "field `letter.number`")
            .says("(U+000A)", "(U+000A)")
            .hint(
                "gõ lại chữ này trên một dòng",
                "type the text again on one line",
            ),
        letter(
            "letter: letters per district numbered past the register",
            "mode = \"per-district\"\nnumber = \"99999999999\"",
        )
        .at("l.toml:5:10")
        .place("mục `letter.number`", "field `letter.number`")
        .says("từ 1 đến 999.999.999", "from 1 to 999,999,999")
        .hint("ví dụ: number = 1635", "e.g. number = 1635"),
        letter("letter: the number written as the symbol", "symbol = \"1635\"")
            .at("l.toml:4:10")
            .place(
                "ký hiệu \"1635\" không có chữ cái nào",
                "the symbol \"1635\" has no letter",
            )
            .hint(
                "symbol = \"STTTT-TTBCXB\" (không có dấu cách), và số ở number = 1635",
                "symbol = \"STTTT-TTBCXB\" (no spaces), and the number in number = 1635",
            ),
        letter("letter: a symbol with a space", "symbol = \"STTTT TTBCXB\"")
            .at("l.toml:4:10")
            .place(
                "ký hiệu \"STTTT TTBCXB\" có dấu cách giữa các phần",
                "the symbol \"STTTT TTBCXB\" has a space between its parts",
            )
            .hint(
                "symbol = \"STTTT-TTBCXB\" (không có dấu cách)",
                "symbol = \"STTTT-TTBCXB\" (no spaces)",
            ),
        letter("letter: a date without its leading zeros", "date = 2020-9-1")
            .at("l.toml:4:8")
            .place(
                "`2020-9-1` không phải một ngày giờ có thật",
                "`2020-9-1` is not a real date or time",
            )
            .hint(
                "không có ngoặc kép: date = 2020-09-01",
                "without quotes: date = 2020-09-01",
            ),
        letter("letter: an empty place", "place = \"\"")
            .at("l.toml:4:9")
            .place("mục `letter.place`", "field `letter.place`")
            .hint(
                "hoặc xóa cả dòng để công văn in chỗ trống [..] rồi điền sau",
                "or remove the line so that the letter prints a [..] placeholder",
            ),
        // a unit type the name contradicts would address the letter to "Huyện Lạng Sơn"
        // (trial 14 item 8)
        Case::plan("unit_type: the city written as a huyện")
            .scenario(
                "name = \"Thành phố Lạng Sơn\"\n",
                "name = \"Thành phố Lạng Sơn\"\nunit_type = \"huyện\"\n",
            )
            .at("lang-son-2020-09-01.toml:56:13")
            .place(
                "unit_type = \"huyện\" trái với tên \"Thành phố Lạng Sơn\": tên ghi đây là thành phố, unit_type ghi là huyện",
                "unit_type = \"huyện\" contradicts the name \"Thành phố Lạng Sơn\": the name says this is a city (thành phố), unit_type says a district (huyện)",
            )
            .hint(
                "nếu đây là thành phố, xóa dòng unit_type (tên đã cho biết loại đơn vị); nếu đây là huyện, sửa tên, ví dụ name = \"Lạng Sơn\"",
                "if it is a city, delete the unit_type line (the name already says the kind); if it is a district, correct the name, e.g. name = \"Lạng Sơn\"",
            ),
    ]
}

#[test]
fn letter_particulars() {
    check(cases());
}
