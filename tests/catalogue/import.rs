//! `campaign import TABLE`: the letter's table (docs/scenario-format.md, "Importing coverage")
//! as a CSV, broken one way at a time. Line 1 is the header, Thành phố Lạng Sơn line 2, Hữu
//! Lũng line 3, Cao Lộc line 4, the total line 13.

use super::{Case, check};

/// The letter's table, typed as it prints it.
pub const LETTER: &str = "HUYỆN;ĐÃ CÀI BLUEZONE;TỔNG SMARTPHONE;Tỷ lệ thuê bao đã cài
Thành phố Lạng Sơn;39,911;96,818;41%
Huyện Hữu Lũng;18,019;78,399;22%
Huyện Cao Lộc;16,752;58,196;28%
Huyện Lộc Bình;15,725;53,067;29%
Huyện Tràng Định;11,354;37,092;30%
Huyện Chi Lăng;10,285;43,471;23%
Huyện Bắc Sơn;9,812;36,584;26%
Huyện Văn Lãng;8,727;34,823;25%
Huyện Văn Quan;7,494;32,138;23%
Huyện Bình Gia;7,186;29,057;24%
Huyện Đình Lập;6,651;20,175;32%
TỔNG;151.916;519,820;29%
";

/// `campaign import scenarios/letter.csv`, which holds `text`.
fn table(name: &str, text: &str) -> Case {
    Case::new(name, &["import", "{dir}/scenarios/letter.csv"]).file("scenarios/letter.csv", text)
}

/// [`table`] of [`LETTER`] with its one `from` replaced by `to`.
fn edited(name: &str, from: &str, to: &str) -> Case {
    table(name, LETTER).edit("scenarios/letter.csv", from, to)
}

/// A table of 19,500 districts with names of about 200 letters with marks (3 bytes each): 12 MB,
/// within the table limits (32 MB, 100,000 rows) and the districts a scenario may hold (20,000),
/// whose scenario would be above 16 MB.
fn too_large() -> String {
    let mut text = String::from("Huyện;Đã cài;Tổng smartphone\n");
    let long = "ữ".repeat(190);
    for i in 0..19_500 {
        text.push_str(&format!("Xã {i} {long};{};{}\n", 1_000 + i, 5_000 + i));
    }
    text
}

fn cases() -> Vec<Case> {
    const AT: &str = "letter.csv";
    let header = (
        "cần các cột `Huyện`, `Đã cài Bluezone`, `Tổng smartphone`",
        "needs the columns `District`, `Installed`, `Smartphones`",
    );
    vec![
        // trial 13e H18: "Huyện" alone became a district called "Huyện"
        edited(
            "import: a name cell holding only the unit word",
            "Huyện Cao Lộc;",
            "Huyện;",
        )
        .at(&format!("{AT}:4"))
        .place("chỉ ghi \"Huyện\"", "holds only \"Huyện\"")
        .hint("ghi tên sau chữ \"Huyện\"", "write the name after \"Huyện\""),
        // trial 13e H10: the first "Số xã" was read, the second called a column the scenario
        // has no place for
        table(
            "import: two commune columns with different counts",
            "Huyện,Smartphone,Đã cài,Số xã,Số xã\nHữu Lũng,78399,18019,24,26\nCao Lộc,58196,16752,22,23\n",
        )
        .at(&format!("{AT}:1"))
        .place(
            "hai cột đều được đọc là số tổ xã",
            "two columns both read as commune teams",
        )
        .hint("--column commune=\"E\"", "--column commune=\"E\""),
        edited("import: a rate that disagrees", ";22%", ";24%")
            .at(&format!("{AT}:3"))
            .place(
                "tỷ lệ ghi `24%` nhưng 18.019 / 78.399 là 22,98%",
                "the rate says `24%` but 18,019 / 78,399 is 22.98%",
            )
            .hint(
                "kiểm tra số đã cài, số smartphone và tỷ lệ của dòng này",
                "check this row's installed, smartphones and rate",
            ),
        edited("import: a total that does not add up", "151.916", "151.917")
            .at(&format!("{AT}:13"))
            .place("151.917", "151,917")
            .hint("sửa dòng tổng", "correct the total"),
        // user14 U13: a typo in the total row's count, its rate cell as typed before: the
        // count is said wrong, not the rate (was: "tỷ lệ ghi 29,22 nhưng ... là 29,23%")
        edited(
            "import: a total typo under a rate typed for the right total",
            "TỔNG;151.916;519,820;29%",
            "TỔNG;151.961;519,820;29,22%",
        )
        .at(&format!("{AT}:13"))
        .place("151.961", "151,961")
        .hint("sửa dòng tổng", "correct the total"),
        // user14 U8: "Đã kích hoạt" under "Số thuê bao" beside "Tổng": two smartphones columns
        // and no installed one; the hint names the installed column (was: make it smartphones)
        table(
            "import: an installed column read as smartphones, none as installed",
            "STT;Địa bàn;Số thuê bao;;Ghi chú\n;;Tổng;Đã kích hoạt;\n1;Hữu Lũng;78399;18019;\n2;Cao Lộc;58196;16752;\n",
        )
        .at(&format!("{AT}:1"))
        .place(
            "không cột nào được đọc là số đã cài",
            "no column reads as installed counts",
        )
        .hint(
            "`--column installed=\"Số thuê bao Đã kích hoạt\"`",
            "`--column installed=\"Số thuê bao Đã kích hoạt\"`",
        ),
        // user14 U1: `--column commune=` names the commune teams' column, checked as the others
        table("import: --column commune names no heading", LETTER)
            .arg("--column")
            .arg("commune=Số xã")
            .at(&format!("{AT}:1"))
            .place(
                "`--column commune=\"Số xã\"`: không có cột nào tên như vậy",
                "`--column commune=\"Số xã\"`: no column has that heading",
            )
            .hint(
                "ghi tên cột đúng như trong tệp",
                "write the heading as the file writes it",
            ),
        edited(
            "import: a district listed twice",
            "Huyện Cao Lộc",
            "Huyện Hữu Lũng",
        )
        .at(&format!("{AT}:4"))
        .place("huyện đã có ở dòng 3", "the district is already on row 3")
        .hint("xóa một trong hai dòng", "delete one of the two rows"),
        edited(
            "import: listed twice, once without `Huyện`",
            "Huyện Cao Lộc",
            "Hữu Lũng",
        )
        .at(&format!("{AT}:4"))
        .place("huyện đã có ở dòng 3", "the district is already on row 3")
        .hint("xóa một trong hai dòng", "delete one of the two rows"),
        edited(
            "import: listed twice, accents typed apart (NFD)",
            "Huyện Cao Lộc",
            "Hu\u{31b}\u{303}u Lu\u{303}ng",
        )
        .at(&format!("{AT}:4"))
        .place("huyện đã có ở dòng 3", "the district is already on row 3")
        .hint("xóa một trong hai dòng", "delete one of the two rows"),
        // N10: a look-alike letter (the eth of old encodings) shown, with what differs
        edited(
            "import: listed twice, an eth Ð for Đ",
            "Huyện Cao Lộc",
            "Ðình Lập",
        )
        .at(&format!("{AT}:12"))
        .place(
            "\"Đình Lập\" ở đây, \"Ðình Lập\" ở dòng 4 (ký tự thứ 1 ở đây là `Đ` (U+0110), ở dòng 4 là `Ð` (U+00D0))",
            "\"Đình Lập\" here, \"Ðình Lập\" on row 4 (character 1 is `Đ` (U+0110) here, `Ð` (U+00D0) on row 4)",
        )
        .hint("gõ lại tên cho đúng", "retype the name"),
        edited(
            "import: listed twice, the tone placed apart (Hoà, Hòa)",
            "Huyện Cao Lộc;16,752;58,196;28%",
            "Hoà Bình;1;2;50%\nHòa Bình;1;2;50%",
        )
        .at(&format!("{AT}:5"))
        .place(
            "ký tự thứ 2 ở đây là `ò` (U+00F2), ở dòng 4 là `o` (U+006F); ký tự thứ 3 ở đây là `a` (U+0061), ở dòng 4 là `à` (U+00E0)",
            "character 2 is `ò` (U+00F2) here, `o` (U+006F) on row 4; character 3 is `a` (U+0061) here, `à` (U+00E0) on row 4",
        )
        .hint("xóa một trong hai dòng", "delete one of the two rows"),
        edited(
            "import: a zero-width space in a name",
            "Huyện Cao Lộc",
            "Huyện Cao\u{200b}Lộc",
        )
        .at(&format!("{AT}:4"))
        .place("U+200B", "U+200B")
        .hint("gõ lại tên huyện", "type the name again"),
        // issue 13, F03: a Hangul filler made a second district that printed alike
        edited(
            "import: a Hangul filler in a name",
            "Huyện Cao Lộc",
            "Huyện Cao\u{3164}Lộc",
        )
        .at(&format!("{AT}:4"))
        .place("U+3164", "U+3164")
        .hint("gõ lại tên huyện", "type the name again"),
        table(
            "import: no header row",
            &LETTER[LETTER.find('\n').unwrap() + 1..],
        )
        .at(&format!("{AT}:1"))
        .place(
            "không tìm thấy dòng tiêu đề đủ cột",
            "no header row with the needed columns",
        )
        .hint(header.0, header.1),
        edited(
            "import: no smartphones column",
            ";TỔNG SMARTPHONE",
            ";DÂN SỐ",
        )
        .at(&format!("{AT}:1"))
        .place("thiếu `Tổng smartphone`", "missing `Smartphones`")
        .hint(header.0, header.1),
        edited("import: a negative count", "18,019", "-18,019")
            .at(&format!("{AT}:3"))
            .place(
                "cột `ĐÃ CÀI BLUEZONE`: dòng 3 (\"Hữu Lũng\")",
                "column `ĐÃ CÀI BLUEZONE`: row 3 (\"Hữu Lũng\")",
            )
            .hint("số máy không thể âm", "a count cannot be negative"),
        edited("import: a word in a count", "18,019", "18 nghìn")
            .at(&format!("{AT}:3"))
            .place("dòng 3 (\"Hữu Lũng\")", "row 3 (\"Hữu Lũng\")")
            .hint("ghi một số nguyên", "write a whole number"),
        edited(
            "import: a quote opened and never closed",
            "Huyện Cao Lộc",
            "\"Huyện Cao Lộc",
        )
        .at(&format!("{AT}:4"))
        .place(
            "mở dấu ngoặc kép (\") mà không đóng",
            "opens a double quote (\") that is never closed",
        )
        .hint(
            "thêm dấu \" ở cuối ô đó",
            "add a \" at the end of that cell",
        ),
        table(
            "import: a district below the total",
            &format!("{LETTER}Huyện Mới;1;2;50%\n"),
        )
        .at(&format!("{AT}:14"))
        .place("(\"Mới\")", "(\"Mới\")")
        .hint(
            "đặt dòng tổng ở cuối bảng",
            "put the total row at the end of the table",
        ),
        table(
            "import: only a total",
            "HUYỆN;ĐÃ CÀI BLUEZONE;TỔNG SMARTPHONE\nTỔNG;0;0\n",
        )
        .at(&format!("{AT}:1"))
        .place("không có dòng huyện nào", "has no district rows")
        .hint(
            "thêm một dòng cho mỗi huyện dưới dòng tiêu đề",
            "add one row per district below the header",
        ),
        table(
            "import: the only row reads as column numbering",
            "Huyện;Đã cài;Smartphone\n1;2;3\n",
        )
        .at(&format!("{AT}:2"))
        .place(
            "dòng 2 (`1, 2, 3`) được coi là dòng đánh số cột",
            "row 2 (`1, 2, 3`) was taken for a row numbering the columns",
        )
        .hint("`Huyện 1` thay vì `1`", "`Huyện 1` rather than `1`"),
        // trial 13f J32, J33: a row of numbers, a repeated header, a subtotal mid-table
        edited(
            "import: a row of column numbers inside the table",
            "Huyện Cao Lộc;",
            "1;2;3;4\nHuyện Cao Lộc;",
        )
        .at(&format!("{AT}:4:1"))
        .place(
            "tên huyện `1` chỉ là một con số",
            "the district name `1` is only a number",
        )
        .hint(
            "xóa dòng này nếu là dòng số thứ tự các cột",
            "delete the row if it numbers the columns",
        ),
        edited(
            "import: the header row repeated inside the table",
            "Huyện Cao Lộc;",
            "HUYỆN;ĐÃ CÀI BLUEZONE;TỔNG SMARTPHONE;Tỷ lệ thuê bao đã cài\nHuyện Cao Lộc;",
        )
        .at(&format!("{AT}:4"))
        .place(
            "dòng 4 lặp lại dòng tiêu đề (dòng 1)",
            "row 4 repeats the header row (row 1)",
        )
        .hint("xóa dòng này", "delete this row"),
        edited(
            "import: a group subtotal inside the table",
            "Huyện Cao Lộc;",
            "Cộng nhóm 1;57,930;175,217;33%\nHuyện Cao Lộc;",
        )
        .at(&format!("{AT}:4:1"))
        .place(
            "có vẻ là dòng cộng một nhóm (Cộng nhóm 1)",
            "looks like a subtotal of a group (Cộng nhóm 1)",
        )
        .hint("xóa các dòng cộng nhóm", "delete subtotal rows"),
        // trial 13f J27: the students column read as commune teams, the real one unplaced
        table(
            "import: --column commune names the only students column",
            "Huyện;Đã cài;Tổng smartphone;commune;students\nHuyện Hữu Lũng;18019;78399;24;5500\n",
        )
        .arg("--column")
        .arg("commune=students")
        .place(
            "cột E `students` là cột số học sinh, sinh viên (students) duy nhất của bảng",
            "column E `students` is the table's only column of pupils and students (students)",
        )
        .hint(
            "`--column commune=\"students\" --column students=\"...\"`",
            "`--column commune=\"students\" --column students=\"...\"`",
        ),
        Case::new(
            "import: an old .xls workbook",
            &["import", "{dir}/scenarios/letter.xls"],
        )
        .file("scenarios/letter.xls", LETTER)
        .at("letter.xls: ")
        .place(
            "chỉ đọc được bảng tính .xlsx hoặc tệp CSV",
            "only .xlsx workbooks and CSV files can be read",
        )
        .hint("Lưu thành (Save As)", "Save As"),
        table("import: --out is the table itself", LETTER)
            .arg("--out")
            .arg("{dir}/scenarios/letter.csv")
            .at("letter.csv: ")
            .place(
                "đây là tệp mà chính lệnh này đang đọc",
                "this is a file this command reads",
            )
            .hint(
                "chọn một tên tệp khác cho kết quả",
                "choose another file name for the output",
            ),
        table("import: --out is a folder", LETTER)
            .arg("--out")
            .arg("{dir}/scenarios")
            .at("{dir}/scenarios: ")
            .place(
                "đây là một thư mục, không phải tệp",
                "this is a folder, not a file",
            )
            .hint(
                "ghi tên tệp kết quả trong thư mục",
                "name a file inside the folder",
            ),
        table("import: --out in a folder that is not there", LETTER)
            .arg("--out")
            .arg("{dir}/nope/new.toml")
            .at("nope/new.toml: ")
            .place("thư mục không tồn tại", "the folder does not exist")
            .hint(
                "kiểm tra thư mục có tồn tại và có quyền ghi",
                "check that the folder exists and can be written",
            ),
        // known_bad.md B29, C13, C14, F2: fixed
        table("import: an empty file", "")
            .at("letter.csv: ")
            .place("tệp số liệu đang trống", "the coverage file is empty")
            .hint(
                "tệp cần một dòng tiêu đề với các cột `Huyện`, `Đã cài Bluezone`, `Tổng smartphone`",
                "the file needs a header row with the columns `District`, `Installed`, `Smartphones`",
            ),
        Case::new("import: a file that is not there", &["import", "{dir}/scenarios/nope.csv"])
            .at("nope.csv: ")
            .place("không tìm thấy", "was not found")
            .hint(
                "đường dẫn ghi trên dòng lệnh tính từ thư mục đang mở trong cửa sổ lệnh",
                "a path on the command line is relative to the folder the command is run from",
            ),
        Case::new("import: a folder", &["import", "{dir}/scenarios"])
            .at("scenarios: ")
            .place("là một thư mục, không phải tệp", "is a folder, not a file")
            .hint(
                "đường dẫn ghi trên dòng lệnh tính từ thư mục đang mở trong cửa sổ lệnh",
                "a path on the command line is relative to the folder the command is run from",
            ),
        // issue 14: headings as offices type them, --column, the title's date
        edited(
            "import: a heading close to an accepted one",
            "ĐÃ CÀI BLUEZONE",
            "ĐÃ CÀ BLUEZONE",
        )
        .at(&format!("{AT}:1"))
        .place(
            "thiếu `Đã cài Bluezone` (có phải cột `ĐÃ CÀ BLUEZONE`?",
            "missing `Installed` (did you mean the column `ĐÃ CÀ BLUEZONE`?",
        )
        .hint(
            "chỉ cột bằng tùy chọn `--column installed=\"ĐÃ CÀ BLUEZONE\"`",
            "name it with `--column installed=\"ĐÃ CÀ BLUEZONE\"`",
        ),
        edited(
            "import: two installed columns",
            ";TỔNG SMARTPHONE;",
            ";SỐ MÁY CÀI;TỔNG SMARTPHONE;",
        )
        .edit("scenarios/letter.csv", ";78,399;", ";18,019;78,399;")
        .at(&format!("{AT}:1"))
        .place(
            "hai cột đều được đọc là số đã cài: cột B `ĐÃ CÀI BLUEZONE` và cột C `SỐ MÁY CÀI`",
            "two columns both read as installed counts: column B `ĐÃ CÀI BLUEZONE` and column C `SỐ MÁY CÀI`",
        )
        .hint(
            "chọn cột cần đọc bằng tùy chọn `--column installed=\"SỐ MÁY CÀI\"`",
            "choose the column to read with `--column installed=\"SỐ MÁY CÀI\"`",
        ),
        // trial 14 item 10: two headings that differ, one key; the hint quotes the file's own
        edited(
            "import: two different headings read as smartphones",
            "HUYỆN;",
            "HUYỆN;Thuê bao di động;",
        )
        .edit("scenarios/letter.csv", "Huyện Hữu Lũng;", "Huyện Hữu Lũng;1;")
        .at(&format!("{AT}:1"))
        .place(
            "cột B `Thuê bao di động` và cột D `TỔNG SMARTPHONE`",
            "column B `Thuê bao di động` and column D `TỔNG SMARTPHONE`",
        )
        .hint(
            "`--column smartphones=\"TỔNG SMARTPHONE\"` (hoặc `--column smartphones=\"Thuê bao di động\"`)",
            "`--column smartphones=\"TỔNG SMARTPHONE\"` (or `--column smartphones=\"Thuê bao di động\"`)",
        ),
        // trial 14 item 5: one column for two keys (was exit 0, every district 100% installed)
        table("import: --column gives one column to two keys", LETTER)
            .arg("--column")
            .arg("installed=Tổng smartphone")
            .arg("--column")
            .arg("smartphones=TỔNG SMARTPHONE")
            .at(&format!("{AT}:1"))
            .place(
                "`--column installed` và `--column smartphones` cùng chỉ cột C `TỔNG SMARTPHONE`",
                "`--column installed` and `--column smartphones` both name column C `TỔNG SMARTPHONE`",
            )
            .hint(
                "mỗi khóa cần một cột riêng",
                "each key needs its own column",
            ),
        // trial 14 item 6: a heading two columns share (was: the first taken, silently)
        edited(
            "import: --column names a heading two columns have",
            "ĐÃ CÀI BLUEZONE;",
            "Đã cài;Đã cài;",
        )
        .edit("scenarios/letter.csv", "Huyện Hữu Lũng;", "Huyện Hữu Lũng;1;")
        .arg("--column")
        .arg("installed=đã cài")
        .at(&format!("{AT}:1"))
        .place(
            "có 2 cột hợp với tên này: cột B `Đã cài`, cột C `Đã cài`",
            "2 columns of the header row (row 1) fit that name: column B `Đã cài`, column C `Đã cài`",
        )
        .hint(
            "chỉ rõ một cột, ví dụ `--column installed=\"C\"`",
            "name one column, e.g. `--column installed=\"C\"`",
        ),
        // letters beyond the table's columns are no column (was: "missing" followed by nothing)
        table("import: --column names column letters beyond the table", LETTER)
            .arg("--column")
            .arg("installed=ZZ")
            .at(&format!("{AT}:1"))
            .place(
                "`--column installed=\"ZZ\"`: không có cột nào tên như vậy",
                "`--column installed=\"ZZ\"`: no column has that heading",
            )
            .hint(
                "ghi tên cột đúng như trong tệp",
                "write the heading as the file writes it",
            ),
        // trial 14 item 7: the named column was the only district column (was: "missing"
        // followed by nothing)
        table("import: --column takes another key's only column", LETTER)
            .arg("--column")
            .arg("installed=Huyện")
            .at(&format!("{AT}:1"))
            .place(
                "cột A `HUYỆN` là cột tên huyện duy nhất của bảng; đọc nó là số đã cài thì không còn cột nào cho tên huyện",
                "column A `HUYỆN` is the table's only column of district names; read as installed counts, it leaves no column for the district names",
            )
            .hint(
                "nếu hai cột bị đổi chỗ thì ghi cả hai",
                "if two columns are swapped, name both",
            ),
        // trial 14 item 9: a district below the notes that end the table
        table(
            "import: a district below the notes after the table",
            &format!(
                "{}\nGhi chú: số liệu của nhà mạng;;\nHuyện Mới;1;2\n",
                &LETTER[..LETTER.find("TỔNG;").unwrap()]
            ),
        )
        .at(&format!("{AT}:15"))
        .place(
            "dòng 15 (\"Mới\") có số liệu nhưng nằm dưới phần ghi chú cuối bảng (từ dòng 14)",
            "row 15 (\"Mới\") has figures but comes below the notes that end the table (from row 14)",
        )
        .hint(
            "chuyển dòng này lên trong bảng",
            "move this row up into the table",
        ),
        // trial 14 item 3: a row of headings under a full header that does not make a header
        edited(
            "import: a second header row that names nothing",
            "\nThành phố",
            "\n;Kế hoạch;Kế hoạch;\nThành phố",
        )
        .at(&format!("{AT}:2"))
        .place(
            "dòng 2 nằm ngay dưới dòng tiêu đề (dòng 1) và giống một dòng tiêu đề thứ hai",
            "row 2, right under the header row (row 1), looks like a second header row",
        )
        .hint(
            "chỉ cột bằng tùy chọn `--column`",
            "name the columns with `--column`",
        ),
        table("import: --column names a heading not in the header", LETTER)
            .arg("--column")
            .arg("installed=Số máy cài")
            .at(&format!("{AT}:1"))
            .place(
                "`--column installed=\"Số máy cài\"`: không có cột nào tên như vậy; dòng tiêu đề (dòng 1) có `HUYỆN`, `ĐÃ CÀI BLUEZONE`",
                "`--column installed=\"Số máy cài\"`: no column has that heading; the header row (row 1) has `HUYỆN`, `ĐÃ CÀI BLUEZONE`",
            )
            .hint(
                "ghi tên cột đúng như trong tệp",
                "write the heading as the file writes it",
            ),
        table("import: --column without `=`", LETTER)
            .arg("--column")
            .arg("installed")
            .place(
                "tùy chọn `--column installed` thiếu dấu `=`",
                "the option `--column installed` has no `=`",
            )
            .hint("viết `--column KHÓA=\"tên cột\"`", "write `--column KEY=\"heading\"`"),
        table("import: --column with an unknown key", LETTER)
            .arg("--column")
            .arg("instaled=ĐÃ CÀI BLUEZONE")
            .place(
                "không có cột `instaled` (có phải `installed`?)",
                "there is no column `instaled` (did you mean `installed`?)",
            )
            .hint("các khóa dùng được: `district`", "the keys are `district`"),
        table("import: --column without a heading", LETTER)
            .arg("--column")
            .arg("installed=")
            .place("`--column installed=` chưa ghi tên cột", "`--column installed=` names no heading")
            .hint("viết `--column KHÓA=\"tên cột\"`", "write `--column KEY=\"heading\"`"),
        table("import: --column given twice", LETTER)
            .arg("--column")
            .arg("installed=ĐÃ CÀI BLUEZONE")
            .arg("--column")
            .arg("installed=TỔNG SMARTPHONE")
            .place(
                "tùy chọn `--column installed=...` được ghi hai lần",
                "the option `--column installed=...` is given twice",
            )
            .hint("giữ lại một lần", "give it once"),
        table(
            "import: a title's date without a year",
            &format!("Số liệu tính đến 17h ngày 31/8\n{LETTER}"),
        )
        .at(&format!("{AT}:1"))
        .place(
            "ghi ngày 31/8 nhưng không ghi năm",
            "gives the day 31/8 without a year",
        )
        .hint("`--as-of 2020-08-31`", "`--as-of 2020-08-31`"),
        table(
            "import: a title's date not in the calendar",
            &format!("Số liệu đến ngày 31/9/2020\n{LETTER}"),
        )
        .at(&format!("{AT}:1"))
        .place(
            "ghi ngày 31/9/2020, không có ngày này trong lịch",
            "gives the date 31/9/2020, which is no day of the calendar",
        )
        .hint("sửa ngày trong dòng tiêu đề", "correct the date in the title"),
        // (31/8/2020 is accepted, as Vietnamese write dates: the month first is not)
        table("import: --as-of not a date", LETTER)
            .arg("--as-of")
            .arg("8/31/2020")
            .place(
                "`--as-of 8/31/2020` không phải là ngày",
                "`--as-of 8/31/2020` is not a date",
            )
            .hint(
                "ghi ngày-tháng-năm, ví dụ `--as-of 31/8/2020`, hoặc năm-tháng-ngày, ví dụ `--as-of 2020-08-31`",
                "write it day/month/year, e.g. `--as-of 31/8/2020`, or year-month-day, e.g. `--as-of 2020-08-31`",
            ),
        table("import: --sheet for a CSV file", LETTER)
            .arg("--sheet")
            .arg("Bluezone")
            .at("letter.csv: ")
            .place(
                "tệp CSV chỉ có một bảng, không có trang \"Bluezone\"",
                "a CSV file holds one table: it has no sheet \"Bluezone\"",
            )
            .hint("bỏ --sheet", "leave out --sheet"),
        // trial 14 item 7: "Huyện" in the unit-type column beside the city's name exited 0 with
        // a skeleton `campaign plan` refuses
        table(
            "import: a unit-type cell contradicting the name",
            &LETTER
                .replace("Tỷ lệ thuê bao đã cài", "Tỷ lệ thuê bao đã cài;Loại")
                .replace("96,818;41%", "96,818;41%;Huyện"),
        )
        .at(&format!("{AT}:2"))
        .place(
            "ô loại đơn vị ghi \"Huyện\" (huyện) nhưng tên \"Thành phố Lạng Sơn\" cho biết đây là thành phố",
            "the unit type cell says \"Huyện\" (a district) but the name \"Thành phố Lạng Sơn\" says a city (thành phố)",
        )
        .hint(
            "nếu đây là thành phố, xóa ô loại đơn vị",
            "if it is a city, empty the unit type cell",
        ),
        Case::plan("import: assumptions_checked that is not true or false")
            .scenario("as_of = 2020-09-01 ", "assumptions_checked = \"no\"\nas_of = 2020-09-01 ")
            .at("lang-son-2020-09-01.toml:")
            .place("assumptions_checked", "assumptions_checked")
            .says("true hoặc false", "true or false"),
        edited("import: zero smartphones", "18,019;78,399;22%", "18,019;0")
            .at(&format!("{AT}:3"))
            .place("số smartphone bằng 0", "smartphones is 0")
            .hint(
                "mỗi huyện cần ít nhất một smartphone",
                "at least one smartphone",
            ),
        // U13: a scenario given where a table is expected
        Case::new(
            "import: a scenario file",
            &["import", "{dir}/scenarios/lang-son-2020-09-01.toml"],
        )
        .at("lang-son-2020-09-01.toml: ")
        .place(
            "tệp này là tệp kịch bản (.toml), không phải bảng số liệu",
            "this is a scenario file (.toml), not a table of figures",
        )
        .hint(
            "muốn lập kế hoạch từ kịch bản này thì dùng `campaign plan",
            "to plan this scenario, run `campaign plan",
        ),
        // N6: a scenario, a rule file, a plan given where a table is expected: what it is
        Case::new("import: a scenario named .xlsx", &["import", "{dir}/scenarios/s.xlsx"])
            .file("scenarios/s.xlsx", &crate::layout::shipped())
            .at("s.xlsx: ")
            .place(
                "tệp này là tệp kịch bản (văn bản TOML như các tệp .toml), không phải bảng số liệu, dù tên tệp có đuôi .xlsx",
                "this is a scenario (TOML text, as in .toml files), not a table of figures, though its name ends in .xlsx",
            )
            .hint(
                "s.toml rồi dùng `campaign plan ",
                "s.toml and run `campaign plan ",
            ),
        Case::new("import: a rule file", &["import", "{dir}/rules/communication.rhai"])
            .at("communication.rhai: ")
            .place(
                "tệp này là tệp quy tắc (mã .rhai), không phải bảng số liệu",
                "this is a rule file (.rhai code), not a table of figures",
            )
            .hint(
                "tệp quy tắc ghi trong danh sách `rules = [...]`",
                "a rule file goes in the scenario's `rules = [...]` list",
            ),
        Case::new("import: a plan's JSON output", &["import", "{dir}/plan.json"])
            .file("plan.json", super::coverage::PLAN_JSON)
            .at("plan.json: ")
            .place(
                "tệp này là tệp JSON (như kế hoạch do `campaign plan --format json` viết ra)",
                "this is a JSON file (as `campaign plan --format json` writes a plan)",
            )
            .hint(
                "`campaign import` đọc một bảng số liệu (.csv hoặc .xlsx)",
                "`campaign import` reads a table of figures (.csv or .xlsx)",
            ),
        // U13: the same mistake given to the rule checker
        Case::new(
            "rules check: a scenario file",
            &["rules", "check", "{dir}/scenarios/lang-son-2020-09-01.toml"],
        )
        .at("lang-son-2020-09-01.toml: ")
        .place(
            "tệp này là tệp kịch bản hoặc tệp kiểm thử quy tắc (.toml), không phải tệp quy tắc (.rhai)",
            "this is a scenario or rule test file (.toml), not a rule file (.rhai)",
        )
        .hint(
            "`campaign rules check --scenario",
            "`campaign rules check --scenario",
        ),
        // trial item 8 (W4): a table within the table limits whose scenario would be beyond
        // the scenario limits is refused, and nothing is written
        table("import: a table whose scenario would be too large", &too_large())
            .at("letter.csv: ")
            .place(
                "kịch bản viết từ bảng này sẽ dài 16,8 MB (19.500 huyện/xã), vượt giới hạn một tệp kịch bản: tối đa 16 MB",
                "the scenario made from this table would be 16.8 MB (19,500 districts), above what a scenario file may be: at most 16 MB",
            )
            .hint(
                "ghi thẳng bảng vào dòng `coverage = ",
                "name the table itself in a scenario's `coverage = ",
            ),
    ]
}

#[test]
fn import() {
    check(cases());
}
