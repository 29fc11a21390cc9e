//! What is wrong with the TOML syntax of a scenario file: each kind of mistake the TOML
//! parser finds, worded for a person who edits the file by hand, with what to write instead.

use crate::diagnostic::{Said, shortened};
use crate::text::Lang;

/// A part of a date or time that is out of range (`2020-13-01`: the month).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DatePart {
    Year,
    Month,
    Day,
    Hour,
    Minute,
    Second,
}

impl DatePart {
    fn name(self, lang: Lang) -> &'static str {
        use DatePart::*;
        match (self, lang) {
            (Year, Lang::Vi) => "năm",
            (Month, Lang::Vi) => "tháng",
            (Day, Lang::Vi) => "ngày",
            (Hour, Lang::Vi) => "giờ",
            (Minute, Lang::Vi) => "phút",
            (Second, Lang::Vi) => "giây",
            (Year, Lang::En) => "the year",
            (Month, Lang::En) => "the month",
            (Day, Lang::En) => "the day",
            (Hour, Lang::En) => "the hour",
            (Minute, Lang::En) => "the minute",
            (Second, Lang::En) => "the second",
        }
    }
}

/// A TOML syntax mistake, as the parser found it, at the spot it points to. Texts the user
/// wrote (`word`, `key`, ...) are quoted shortened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Syntax {
    /// A text opened with `quote` and not closed on its line (or, `"""`, in the file).
    /// `fixed` is the line with the quote added, when it is short.
    UnclosedString {
        quote: &'static str,
        fixed: Option<String>,
    },
    /// A control character (`code`, e.g. a NUL byte) inside a text.
    ControlInString { code: u32 },
    /// A NUL byte (U+0000) anywhere in the file: damaged, or not a text file.
    NulByte,
    /// A `\u` or `\U` escape (`escape`, as written) whose code is no character (U+D800 to
    /// U+DFFF, or past U+10FFFF).
    NotACharacter { escape: String },
    /// A control character (`code`) outside a text: in a comment, a lone carriage return.
    ControlCharacter { code: u32 },
    /// Nothing after `key =`; `example` is a whole line to copy, where the key is known.
    MissingValue {
        key: String,
        example: Option<String>,
    },
    /// A value that is no TOML value: a word without quotes (`max-installs`), a number
    /// with spaces or a `%` (`250 000 000`, `40%`).
    BareWord { key: String, word: String },
    /// A decimal written with a comma (`0,40`): `with_dot` is it with a dot.
    DecimalComma { written: String, with_dot: String },
    /// A table header without its closing bracket(s); `header` is the line as written.
    UnclosedHeader { header: String, double: bool },
    /// A key written twice in one table; `first_line` is where it is first written.
    DuplicateKey {
        key: String,
        first_line: Option<usize>,
    },
    /// A table header `[name]` written twice.
    HeaderTwice {
        name: String,
        first_line: Option<usize>,
    },
    /// `[name]` with single brackets where the file writes `[[name]]` entries too.
    SingleBrackets { name: String, double_line: usize },
    /// A backslash escape that is none (`\q`).
    InvalidEscape { escape: String },
    /// A list `[ ... ]` without its closing `]` (the parser met the next line).
    UnclosedList,
    /// Two values of a list without a comma between them.
    MissingCommaInList,
    /// An inline table `{ ... }` without its closing `}`.
    UnclosedInlineTable,
    /// Two entries of an inline table without a comma between them.
    MissingCommaInTable,
    /// Two commas in a row, in a list or an inline table.
    ExtraComma,
    /// A closing mark (`"`, `]`, `}`) with no opening one.
    StrayClosing { mark: &'static str },
    /// An entry of an inline table `{ ... }` that is not `key = value`.
    InlineTableEntry,
    /// A date or time that is none: `part` is out of `low..=high`.
    InvalidDate {
        written: String,
        part: Option<DatePart>,
        range: Option<(String, String)>,
        /// The key the date is written for (`as_of`, `date`, `from`), for the hint's example.
        key: String,
    },
    /// A key (`a b`) not followed by `=`.
    KeyWithoutValue { key: String },
    /// A key that needs quotes (letters with accents, spaces), or none at all.
    BadKey { key: String },
    /// More after a value or a header on the same line (`a = 1 b = 2`, `[target]]`).
    ExtraContent { extra: String },
    /// `==`, or `=` inside a list.
    ExtraEquals,
    /// A number that is not written as TOML writes numbers (`1.`, `.5`, `01`, `1__0`).
    BadNumber { written: String },
    /// `tru` for `true`.
    BadBoolean { written: String },
    /// A dotted key (`a.b`) under a key that already has a value (`a = 1`).
    DottedKeyOnValue { key: String },
    /// Keys or values nested deeper than the parser allows.
    TooDeep,
    /// Anything else: `library` is the parser's own words (in English).
    Other { library: String },
}

/// How an example of a fix is shown: `name = "x"`.
fn line(key: &str, value: &str) -> String {
    if key.is_empty() {
        value.to_string()
    } else {
        format!("{key} = {value}")
    }
}

/// A date as offices type it, day first (`01/09/2020`, `1/9/2020`, `31-8-2020`, `31.8.20`), as
/// a scenario writes it (`2020-09-01`); `None` for anything else (user14 U14).
pub(crate) fn day_month_year(word: &str) -> Option<String> {
    let parts: Vec<&str> = word.trim().split(['/', '-', '.']).collect();
    let [day, month, year] = parts.as_slice() else {
        return None;
    };
    let digits = |p: &str, most: usize| {
        (!p.is_empty() && p.len() <= most && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
    };
    let (day, month) = (digits(day, 2)?, digits(month, 2)?);
    let year = match year.len() {
        2 => 2000 + digits(year, 2)?,
        4 => digits(year, 4)?,
        _ => return None,
    };
    ((1..=31).contains(&day) && (1..=12).contains(&month))
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

impl Syntax {
    pub fn vi(&self) -> Said {
        use Syntax::*;
        match self {
            UnclosedString { quote, fixed } => Said::new(format!(
                "đoạn chữ mở bằng dấu {quote} nhưng chưa có dấu {quote} đóng{}",
                if *quote == "\"\"\"" || *quote == "'''" { "" } else { " trên cùng dòng" }
            ))
            .hint(format!(
                "thêm dấu {quote} ở cuối đoạn chữ: {}; dấu \" nằm trong chữ thì viết \\\"{}",
                fixed.as_deref().unwrap_or("name = \"Lạng Sơn, 2020-09-01\""),
                if quote.len() == 1 { "; chữ dài nhiều dòng thì đặt giữa \"\"\" và \"\"\"" } else { "" }
            )),
            ControlInString { code } => Said::new(format!(
                "đoạn chữ có một ký tự điều khiển không nhìn thấy được (U+{code:04X})"
            ))
            .hint("xóa ký tự này rồi gõ lại đoạn chữ; nó thường lẫn vào khi sao chép, hoặc tệp không phải tệp văn bản"),
            NulByte => Said::new(
                "tệp có một ký tự NUL (U+0000, một byte nhị phân) ở chỗ được chỉ: tệp có thể bị hỏng, hoặc không phải tệp văn bản",
            )
            .hint("mở tệp bằng một trình soạn thảo văn bản và xóa ký tự đó, hoặc chọn đúng tệp kịch bản (.toml); tệp kịch bản phải là văn bản UTF-8"),
            NotACharacter { escape } => Said::new(format!(
                "`{}` không phải một ký tự: mã U+D800 đến U+DFFF (và trên U+10FFFF) không ứng với ký tự nào",
                shortened(escape)
            ))
            .hint("gõ thẳng ký tự đó, hoặc viết `\\u` với mã của một ký tự thật, ví dụ \\u00E0 cho à"),
            ControlCharacter { code } => Said::new(format!(
                "có một ký tự điều khiển không nhìn thấy được (U+{code:04X}) ở chỗ được chỉ"
            ))
            .hint("xóa ký tự này; nếu tệp được sửa bằng nhiều chương trình, lưu lại bằng một trình soạn thảo văn bản (mã UTF-8)"),
            MissingValue { key, example } => Said::new(if key.is_empty() {
                "thiếu giá trị sau dấu `=`".to_string()
            } else {
                format!("thiếu giá trị sau `{} =`", shortened(key))
            })
            .hint(match example {
                Some(example) => format!("ghi giá trị sau dấu `=`, ví dụ {example}"),
                None => "ghi giá trị sau dấu `=`: số viết liền (14, 0.4), chữ trong ngoặc kép (\"max-installs\"), ngày dạng 2020-09-01; hoặc xóa dòng".to_string(),
            }),
            BareWord { key, word } if day_month_year(word).is_some() => Said::new(format!(
                "`{}` không phải một giá trị đọc được: trong tệp kịch bản, ngày viết theo dạng năm-tháng-ngày",
                shortened(word)
            ))
            .hint(format!(
                "viết ngày theo dạng năm-tháng-ngày, không có ngoặc kép: {}",
                line(key, &day_month_year(word).unwrap_or_default())
            )),
            BareWord { key, word } => Said::new(format!(
                "`{}` không phải một giá trị đọc được: chữ phải nằm trong ngoặc kép, số phải viết liền",
                shortened(word)
            ))
            .hint(format!(
                "nếu là chữ: {}; nếu là số: viết liền, không dấu cách, không đơn vị hay dấu %, dấu chấm thập phân (250_000_000, 0.4)",
                line(key, &format!("\"{}\"", shortened(word)))
            )),
            DecimalComma { written, with_dot } => Said::new(format!(
                "số `{}` viết dấu phẩy thập phân, trong tệp kịch bản dấu thập phân là dấu chấm",
                shortened(written)
            ))
            .hint(format!("viết {}", shortened(with_dot))),
            UnclosedHeader { header, double } => Said::new(format!(
                "tiêu đề bảng `{}` thiếu {} đóng",
                shortened(header),
                if *double { "dấu `]]`" } else { "dấu `]`" }
            ))
            .hint("viết tiêu đề trên một dòng, đủ ngoặc: [target], hoặc [[district]] cho mỗi huyện"),
            DuplicateKey { key, first_line } => Said::new(match first_line {
                Some(first) => format!(
                    "khóa `{}` được ghi hai lần trong cùng một bảng (lần đầu ở dòng {first})",
                    shortened(key)
                ),
                None => format!(
                    "khóa `{}` được ghi hai lần trong cùng một bảng",
                    shortened(key)
                ),
            })
            .hint("giữ một dòng, xóa dòng kia (mỗi khóa chỉ được ghi một lần trong một bảng)"),
            HeaderTwice { name, first_line } => Said::new(match first_line {
                Some(first) => format!(
                    "bảng [{}] được ghi hai lần (lần đầu ở dòng {first})",
                    shortened(name)
                ),
                None => format!("bảng [{}] được ghi hai lần", shortened(name)),
            })
            .hint("gộp hai bảng làm một: chuyển các dòng của bảng sau lên dưới tiêu đề đầu tiên, rồi xóa tiêu đề sau"),
            SingleBrackets { name, double_line } => {
                let name = shortened(name);
                Said::new(format!(
                    "tiêu đề [{name}] chỉ có một cặp ngoặc vuông, trong khi dòng {double_line} viết [[{name}]]"
                ))
                .hint(match name.as_str() {
                    "team_kind" => "viết mỗi loại đội dưới tiêu đề [[team_kind]] (hai cặp ngoặc vuông)".to_string(),
                    "district" => "viết mỗi huyện dưới tiêu đề [[district]] (hai cặp ngoặc vuông)".to_string(),
                    "history" => "mỗi ảnh chụp số liệu là một mục có hai cặp ngoặc vuông:\n[[history]]\ndate = 2020-08-18\nfile = \"coverage-2020-08-18.csv\"".to_string(),
                    _ => format!("viết [[{name}]] (hai cặp ngoặc vuông) cho mỗi mục"),
                })
            }
            InvalidEscape { escape } => Said::new(format!(
                "`{}` trong đoạn chữ không phải một ký tự thoát hợp lệ",
                shortened(escape)
            ))
            .hint("dấu \\ trong chữ ngoặc kép bắt đầu một ký tự thoát (\\n, \\\", \\\\): muốn viết chính dấu \\ thì gõ \\\\, hoặc đặt chữ trong ngoặc đơn 'C:\\thư mục'"),
            UnclosedList => Said::new("danh sách [ ... ] ở trên chưa đóng: thiếu dấu `]`")
                .hint("thêm dấu `]` ở cuối danh sách, trước dòng này; giữa hai giá trị của danh sách cần một dấu phẩy"),
            MissingCommaInList => Said::new("thiếu dấu phẩy giữa hai giá trị của danh sách")
                .hint("ngăn các giá trị bằng dấu phẩy, ví dụ rules = [\"../rules/a.rhai\", \"../rules/b.rhai\"]; danh sách kết thúc bằng `]`"),
            UnclosedInlineTable => Said::new("bảng { ... } trên dòng này chưa đóng: thiếu dấu `}`")
                .hint("thêm dấu `}` ở cuối, ví dụ teams = { commune = 24 }"),
            MissingCommaInTable => Said::new("thiếu dấu phẩy giữa hai mục của bảng { ... }")
                .hint("ngăn các mục bằng dấu phẩy, ví dụ teams = { commune = 24, volunteer = 2 }; bảng kết thúc bằng `}`"),
            ExtraComma => Said::new("thừa dấu phẩy").hint("giữa hai giá trị chỉ có một dấu phẩy: xóa dấu phẩy thừa"),
            StrayClosing { mark } => Said::new(format!(
                "dấu {mark} ở đây không có dấu mở tương ứng"
            ))
            .hint(format!("xóa dấu {mark} thừa, hoặc thêm dấu mở ở chỗ cần: chữ giữa hai dấu \" \", danh sách trong [ ], bảng trong {{ }}")),
            InlineTableEntry => Said::new("bảng { ... } có một mục không viết dạng khóa = giá trị")
                .hint("mỗi mục là khóa = giá trị, ngăn bởi dấu phẩy, ví dụ teams = { commune = 24, volunteer = 2 }"),
            InvalidDate {
                written,
                part,
                range,
                key,
            } => Said::new(match (part, range) {
                (Some(part), Some((low, high))) => format!(
                    "`{}` không phải một ngày giờ có thật: {} phải từ {low} đến {high}",
                    shortened(written),
                    part.name(Lang::Vi)
                ),
                _ => format!("`{}` không phải một ngày giờ có thật", shortened(written)),
            })
            .hint(format!("ghi ngày theo dạng năm-tháng-ngày, đủ hai chữ số cho tháng và ngày, không có ngoặc kép: {key} = 2020-09-01")),
            KeyWithoutValue { key } => Said::new(format!(
                "sau `{}` thiếu dấu `=` và giá trị",
                shortened(key)
            ))
            .hint("mỗi dòng ghi một khóa = giá trị, ví dụ horizon_days = 14; tên khóa không có dấu cách (tệp kịch bản là tệp .toml, không phải bảng CSV)"),
            BadKey { key } if crate::diagnostic::unlike_vi(key).is_some() => Said::new(format!(
                "tên khóa `{}` trông bình thường nhưng có một ký tự khác: {}",
                shortened(key),
                crate::diagnostic::unlike_vi(key).unwrap_or_default()
            ))
            .hint(match crate::text::latin_lookalike(key) {
                Some(plain) => format!("gõ lại tên khóa bằng bàn phím tiếng Việt hoặc tiếng Anh: `{plain}`"),
                None => "gõ lại tên khóa bằng bàn phím tiếng Việt hoặc tiếng Anh, như tài liệu viết (ví dụ horizon_days)".to_string(),
            }),
            BadKey { key } => Said::new(if key.is_empty() {
                "thiếu tên khóa trước dấu `=`".to_string()
            } else {
                format!(
                    "tên khóa `{}` có ký tự không được phép (chỉ dùng chữ không dấu, số, `-`, `_`)",
                    shortened(key)
                )
            })
            .hint("viết tên khóa như tài liệu (ví dụ horizon_days); tên có dấu hay dấu cách thì đặt trong ngoặc kép: \"Hữu Lũng\" = 1"),
            ExtraContent { extra } => Said::new(format!(
                "còn `{}` sau giá trị (hoặc tiêu đề) trên cùng dòng",
                shortened(extra)
            ))
            .hint("mỗi dòng chỉ ghi một khóa = giá trị; ghi chú bắt đầu bằng #; danh sách [ ] và bảng { } đóng bằng đúng một dấu"),
            ExtraEquals => Said::new("thừa dấu `=`")
                .hint("mỗi dòng một khóa, một dấu `=`, một giá trị: horizon_days = 14; danh sách chỉ gồm giá trị: [1, 2]"),
            BadNumber { written } => Said::new(format!(
                "số `{}` viết không đúng",
                shortened(written)
            ))
            .hint("số viết liền, dấu chấm thập phân có chữ số ở hai bên (0.5, không phải .5 hay 5.), dấu gạch dưới chỉ để tách hàng nghìn giữa hai chữ số (250_000_000), không bắt đầu bằng số 0"),
            BadBoolean { written } => Said::new(format!(
                "`{}` không phải true hay false",
                shortened(written)
            ))
            .hint("viết true hoặc false (chữ thường, không ngoặc kép)"),
            DottedKeyOnValue { key } => Said::new(format!(
                "`{}` đã có một giá trị, không thể có thêm mục con viết bằng dấu chấm",
                shortened(key)
            ))
            .hint("đổi tên một trong hai khóa, hoặc xóa một dòng"),
            TooDeep => Said::new(
                "khóa hoặc giá trị lồng nhau quá nhiều tầng (quá nhiều dấu chấm trong một khóa, hoặc quá nhiều ngoặc lồng nhau)",
            )
            .hint("tệp kịch bản chỉ cần vài tầng (ví dụ team_kind.volunteer.available): kiểm tra dòng này có bị dán lặp nhiều lần không"),
            Other { library } => Said::new(format!(
                "ở chỗ được chỉ (thư viện đọc TOML báo bằng tiếng Anh: \"{}\")",
                shortened(library)
            ))
            .hint("kiểm tra dấu ngoặc kép quanh chữ, dấu `=` và dấu ngoặc vuông ở chỗ được chỉ (hoặc ngay trước đó); mỗi khóa chỉ được ghi một lần trong một bảng"),
        }
    }

    pub fn en(&self) -> Said {
        use Syntax::*;
        match self {
            UnclosedString { quote, fixed } => Said::new(format!(
                "a text opened with {quote} is not closed{}",
                if *quote == "\"\"\"" || *quote == "'''" { "" } else { " on the same line" }
            ))
            .hint(format!(
                "add the closing {quote} at the end of the text: {}; a \" inside the text is written \\\"{}",
                fixed.as_deref().unwrap_or("name = \"Lạng Sơn, 2020-09-01\""),
                if quote.len() == 1 { "; a long text over several lines goes between \"\"\" and \"\"\"" } else { "" }
            )),
            ControlInString { code } => Said::new(format!(
                "a text holds a control character that cannot be seen (U+{code:04X})"
            ))
            .hint("delete it and type the text again; it comes in when copying, or the file is not a text file"),
            NulByte => Said::new(
                "the file holds a NUL character (U+0000, a binary byte) at the spot shown: it is damaged, or not a text file",
            )
            .hint("open the file in a text editor and delete that character, or name the right scenario file (.toml); a scenario must be UTF-8 text"),
            NotACharacter { escape } => Said::new(format!(
                "`{}` is no character: the codes U+D800 to U+DFFF (and above U+10FFFF) stand for none",
                shortened(escape)
            ))
            .hint("type the character itself, or write `\\u` with the code of a real character, e.g. \\u00E0 for à"),
            ControlCharacter { code } => Said::new(format!(
                "a control character that cannot be seen (U+{code:04X}) is at the spot shown"
            ))
            .hint("delete it; if the file was edited with several programs, save it again from a text editor (UTF-8)"),
            MissingValue { key, example } => Said::new(if key.is_empty() {
                "the value after `=` is missing".to_string()
            } else {
                format!("the value after `{} =` is missing", shortened(key))
            })
            .hint(match example {
                Some(example) => format!("write the value after `=`, e.g. {example}"),
                None => "write the value after `=`: numbers as they are (14, 0.4), text in double quotes (\"max-installs\"), dates as 2020-09-01; or delete the line".to_string(),
            }),
            BareWord { key, word } if day_month_year(word).is_some() => Said::new(format!(
                "`{}` is not a value that can be read: a scenario file writes a date as year-month-day",
                shortened(word)
            ))
            .hint(format!(
                "write the date as year-month-day, without quotes: {}",
                line(key, &day_month_year(word).unwrap_or_default())
            )),
            BareWord { key, word } => Said::new(format!(
                "`{}` is not a value that can be read: text goes in double quotes, numbers are written without spaces",
                shortened(word)
            ))
            .hint(format!(
                "for a text: {}; for a number: no spaces, no unit or %, a dot for decimals (250_000_000, 0.4)",
                line(key, &format!("\"{}\"", shortened(word)))
            )),
            DecimalComma { written, with_dot } => Said::new(format!(
                "the number `{}` has a decimal comma; a scenario file takes a decimal dot",
                shortened(written)
            ))
            .hint(format!("write {}", shortened(with_dot))),
            UnclosedHeader { header, double } => Said::new(format!(
                "the table header `{}` lacks its closing {}",
                shortened(header),
                if *double { "`]]`" } else { "`]`" }
            ))
            .hint("write the header on one line with all its brackets: [target], or [[district]] for each district"),
            DuplicateKey { key, first_line } => Said::new(match first_line {
                Some(first) => format!(
                    "the key `{}` is written twice in one table (first on line {first})",
                    shortened(key)
                ),
                None => format!("the key `{}` is written twice in one table", shortened(key)),
            })
            .hint("keep one line and delete the other (a key may appear only once in a table)"),
            HeaderTwice { name, first_line } => Said::new(match first_line {
                Some(first) => format!(
                    "the table [{}] is written twice (first on line {first})",
                    shortened(name)
                ),
                None => format!("the table [{}] is written twice", shortened(name)),
            })
            .hint("make the two one: move the lines of the second under the first header, then delete the second header"),
            SingleBrackets { name, double_line } => {
                let name = shortened(name);
                Said::new(format!(
                    "the header [{name}] has single brackets, while line {double_line} writes [[{name}]]"
                ))
                .hint(match name.as_str() {
                    "team_kind" => "write each team kind under a [[team_kind]] header (double square brackets)".to_string(),
                    "district" => "write each district under a [[district]] header (double square brackets)".to_string(),
                    "history" => "each snapshot is one entry with double square brackets:\n[[history]]\ndate = 2020-08-18\nfile = \"coverage-2020-08-18.csv\"".to_string(),
                    _ => format!("write [[{name}]] (double square brackets) for each entry"),
                })
            }
            InvalidEscape { escape } => Said::new(format!(
                "`{}` in a text is not a valid escape",
                shortened(escape)
            ))
            .hint("a \\ in a double-quoted text starts an escape (\\n, \\\", \\\\): for the \\ itself type \\\\, or put the text in single quotes 'C:\\folder'"),
            UnclosedList => Said::new("the list [ ... ] above is not closed: `]` is missing")
                .hint("add `]` at the end of the list, before this line; values of a list are separated by commas"),
            MissingCommaInList => Said::new("a comma is missing between two values of a list")
                .hint("separate the values with commas, e.g. rules = [\"../rules/a.rhai\", \"../rules/b.rhai\"]; a list ends with `]`"),
            UnclosedInlineTable => Said::new("the table { ... } on this line is not closed: `}` is missing")
                .hint("add `}` at its end, e.g. teams = { commune = 24 }"),
            MissingCommaInTable => Said::new("a comma is missing between two entries of a table { ... }")
                .hint("separate the entries with commas, e.g. teams = { commune = 24, volunteer = 2 }; the table ends with `}`"),
            ExtraComma => Said::new("a comma too many").hint("one comma between two values: delete the extra one"),
            StrayClosing { mark } => Said::new(format!(
                "this {mark} has no opening one"
            ))
            .hint(format!("delete the extra {mark}, or add the opening one where it belongs: text between \" \", a list in [ ], a table in {{ }}")),
            InlineTableEntry => Said::new("an entry of a table { ... } is not written key = value")
                .hint("each entry is key = value, separated by commas, e.g. teams = { commune = 24, volunteer = 2 }"),
            InvalidDate {
                written,
                part,
                range,
                key,
            } => Said::new(match (part, range) {
                (Some(part), Some((low, high))) => format!(
                    "`{}` is not a real date or time: {} must be from {low} to {high}",
                    shortened(written),
                    part.name(Lang::En)
                ),
                _ => format!("`{}` is not a real date or time", shortened(written)),
            })
            .hint(format!("write the date as year-month-day, two digits for the month and the day, without quotes: {key} = 2020-09-01")),
            KeyWithoutValue { key } => Said::new(format!(
                "`{}` is not followed by `=` and a value",
                shortened(key)
            ))
            .hint("each line is key = value, e.g. horizon_days = 14; keys have no spaces (a scenario is a .toml file, not a CSV table)"),
            BadKey { key } if crate::diagnostic::unlike_en(key).is_some() => Said::new(format!(
                "the key `{}` looks right but holds another character: {}",
                shortened(key),
                crate::diagnostic::unlike_en(key).unwrap_or_default()
            ))
            .hint(match crate::text::latin_lookalike(key) {
                Some(plain) => format!("type the key again on a Vietnamese or English keyboard: `{plain}`"),
                None => "type the key again on a Vietnamese or English keyboard, as the documentation writes it (e.g. horizon_days)".to_string(),
            }),
            BadKey { key } => Said::new(if key.is_empty() {
                "the key before `=` is missing".to_string()
            } else {
                format!(
                    "the key `{}` holds characters a bare key cannot have (only letters without accents, digits, `-`, `_`)",
                    shortened(key)
                )
            })
            .hint("write keys as the documentation does (e.g. horizon_days); a name with accents or spaces goes in double quotes: \"Hữu Lũng\" = 1"),
            ExtraContent { extra } => Said::new(format!(
                "`{}` follows the value (or header) on the same line",
                shortened(extra)
            ))
            .hint("one key = value per line; comments start with #; a list [ ] or table { } closes with exactly one bracket"),
            ExtraEquals => Said::new("an `=` too many")
                .hint("one key, one `=` and one value per line: horizon_days = 14; a list holds values only: [1, 2]"),
            BadNumber { written } => Said::new(format!(
                "the number `{}` is not written as a number",
                shortened(written)
            ))
            .hint("write numbers without spaces, a decimal dot with digits on both sides (0.5, not .5 or 5.), underscores only between digits to group thousands (250_000_000), no leading 0"),
            BadBoolean { written } => Said::new(format!(
                "`{}` is neither true nor false",
                shortened(written)
            ))
            .hint("write true or false (lower case, without quotes)"),
            DottedKeyOnValue { key } => Said::new(format!(
                "`{}` already has a value and cannot also have dotted entries",
                shortened(key)
            ))
            .hint("rename one of the two keys, or delete one line"),
            TooDeep => Said::new(
                "keys or values are nested too deep (too many dots in a key, or too many brackets inside one another)",
            )
            .hint("a scenario needs a few levels only (e.g. team_kind.volunteer.available): check whether this line was pasted over and over"),
            Other { library } => Said::new(format!(
                "at the spot shown (the TOML reader says, in English: \"{}\")",
                shortened(library)
            ))
            .hint("check the quotes around text, the `=` signs and the square brackets at the spot shown (or just before it); each key may appear only once in a table"),
        }
    }
}
