//! What can be wrong in `[letter]`, the particulars of the official letter (a value of the
//! wrong kind or an unknown key is a [`super::DocumentProblem`]).

use crate::diagnostic::{Message, Said, Shortlist};
use crate::number::count;
use crate::scenario::letter::MAX_LETTER_TEXT;
use crate::text::Lang;

/// A problem with a value of `[letter]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum LetterProblem {
    /// A text with a control or invisible character (`code`) at `position` (1-based).
    HiddenCharacter {
        shown: String,
        position: usize,
        code: u32,
    },
    /// A text of `chars` characters, more than [`MAX_LETTER_TEXT`].
    TooLong { chars: usize },
    /// An empty text where the letter needs one.
    Empty,
    /// A list of `lines` lines, more than `most`.
    TooManyLines { lines: usize, most: usize },
    /// `number` is a whole number below 1 or too large.
    BadNumber { written: String },
    /// `date` has a time.
    DateWithTime,
    /// `date` is not a date.
    NotADate { written: String },
    /// The letter is dated `date`, before the data it cites (`as_of`).
    DatedBeforeData { date: String, as_of: String },
    /// `date` is a day its month does not have (`2021-02-29`).
    NoSuchDay {
        written: String,
        month: u8,
        year: u16,
    },
    /// The letter is dated `days` after the data it cites, more than
    /// [`crate::limits::LETTER_DAYS_AFTER_DATA`].
    DatedLongAfterData {
        date: String,
        as_of: String,
        days: i64,
    },
    /// `number` carries a symbol (`in_number`) that is not `symbol`.
    NumberSymbolContradicts {
        written: String,
        in_number: String,
        symbol: String,
    },
    /// `number` is not a whole number while each district gets its own letter.
    PerDistrictNumberNotWhole { number: String },
    /// `mode` is neither `annex` nor `per-district`.
    UnknownMode {
        written: String,
        close: Option<String>,
    },
    /// `recipients` with `mode = "per-district"`, where each letter goes to its district.
    RecipientsPerDistrict,
    /// `number` does not start with a digit (`"Số 1635"`, `"abc"`).
    NumberShape { written: String },
    /// `symbol` (or the symbol written with `number`) is not abbreviations joined by `-`.
    SymbolShape { written: String, why: SymbolWhy },
    /// `number` written with a part after `/` that has no letter (`written`: "1635/2020"): a
    /// year, or a second number, where the symbol would go; `number` is the part before it
    /// (trial 13f J11: the message spoke of a symbol the user never wrote).
    NumberNotAlone {
        written: String,
        number: String,
        after: String,
    },
    /// A recipient names a district (`name`, after "huyện", "thành phố", ...) that the scenario
    /// does not have; the closest district, and the districts to choose from.
    UnknownRecipient {
        recipient: String,
        name: String,
        close: Option<String>,
        known: Shortlist,
    },
    /// A recipient names the district `district` with the unit word `written` ("thị xã")
    /// where the district is a `unit` ("thành phố"): a People's Committee that does not exist.
    /// `suggested` is the recipient with the district's own word.
    RecipientUnit {
        recipient: String,
        written: String,
        district: String,
        unit: &'static str,
        suggested: String,
    },
    /// The same line (`line`) twice in `recipients` or `copies_to`: first as item `first`,
    /// again as item `again` (1-based).
    SameLineTwice {
        line: String,
        first: usize,
        again: usize,
    },
    /// With `mode = "per-district"`, the `letters` letters numbered from `first` would pass
    /// [`crate::limits::LETTER_NUMBER_MAX`].
    PerDistrictNumberPast { first: u64, letters: usize },
}

/// What is wrong with the shape of a symbol (ký hiệu).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SymbolWhy {
    /// No letter at all (`"1635"`: the number written as the symbol).
    NoLetter,
    /// A space between its parts (`"STTTT TTBCXB"`).
    Space,
    /// A mark other than `-`, `&`, `.` (`"STTTT_TTBCXB"`).
    Mark(char),
}

impl SymbolWhy {
    fn vi(self) -> String {
        match self {
            SymbolWhy::NoLetter => "không có chữ cái nào (số văn bản ghi ở number)".to_string(),
            SymbolWhy::Space => "có dấu cách giữa các phần".to_string(),
            SymbolWhy::Mark(c) => format!("có dấu `{c}`"),
        }
    }

    fn en(self) -> String {
        match self {
            SymbolWhy::NoLetter => "has no letter (the number goes in number)".to_string(),
            SymbolWhy::Space => "has a space between its parts".to_string(),
            SymbolWhy::Mark(c) => format!("has the mark `{c}`"),
        }
    }
}

impl Message for LetterProblem {
    fn vi(&self) -> Said {
        use LetterProblem::*;
        match self {
            HiddenCharacter {
                shown,
                position,
                code,
            } => Said::new(format!(
                "chữ \"{shown}\" có một ký tự ẩn hoặc ký tự điều khiển (U+{code:04X}) ở vị trí {position}"
            ))
            .hint("gõ lại chữ này trên một dòng, không chép từ nơi khác; xuống dòng trong công văn do chương trình tự làm"),
            TooLong { chars } => Said::new(format!(
                "chữ này dài {} ký tự; mỗi mục của [letter] tối đa {} ký tự",
                count(Lang::Vi, *chars as f64),
                count(Lang::Vi, MAX_LETTER_TEXT as f64)
            ))
            .hint("viết ngắn lại; nội dung chi tiết để trong công văn sau khi mở bằng Word"),
            Empty => Said::new("mục này để trống")
                .hint("ghi nội dung trong ngoặc kép, hoặc xóa cả dòng để công văn in chỗ trống [..] rồi điền sau"),
            TooManyLines { lines, most } => Said::new(format!(
                "danh sách có {} dòng; tối đa {} dòng",
                count(Lang::Vi, *lines as f64),
                count(Lang::Vi, *most as f64)
            ))
            .hint("gộp các nơi nhận cùng loại vào một dòng, ví dụ \"UBND các huyện, thành phố\""),
            BadNumber { written } => Said::new(format!(
                "số văn bản {written} không hợp lệ: cần một số nguyên từ 1 đến {}",
                count(Lang::Vi, crate::limits::LETTER_NUMBER_MAX as f64)
            ))
            .hint("ví dụ: number = 1635, hoặc number = \"1635\"; xóa dòng này nếu chưa có số"),
            DateWithTime => Said::new("ngày của công văn không được kèm giờ")
                .hint("ghi ngày theo dạng năm-tháng-ngày, không có ngoặc kép: date = 2020-09-01"),
            NotADate { written } => Said::new(format!("{written} không phải một ngày"))
                .hint(format!(
                    "ghi ngày theo dạng năm-tháng-ngày, không có ngoặc kép: date = {}",
                    iso_of(written)
                )),
            DatedBeforeData { date, as_of } => Said::new(format!(
                "công văn đề ngày {date}, trước ngày của số liệu nó nêu (as_of = {as_of})"
            ))
            .hint(format!(
                "ghi ngày ký công văn, từ {as_of} trở về sau; hoặc xóa dòng date để điền ngày khi ký"
            )),
            NoSuchDay { written, month, year } => Said::new(format!(
                "không có ngày {written}: tháng {month} năm {year} không có ngày này"
            ))
            .hint("kiểm tra lại ngày, tháng; ghi theo dạng năm-tháng-ngày: date = 2020-09-01"),
            DatedLongAfterData { date, as_of, days } => Said::new(format!(
                "công văn đề ngày {date}, sau ngày của số liệu nó nêu (as_of = {as_of}) {} ngày; công văn ký trễ hơn {} ngày sau số liệu thì số liệu đã cũ",
                count(Lang::Vi, *days as f64),
                count(Lang::Vi, crate::limits::LETTER_DAYS_AFTER_DATA as f64)
            ))
            .hint("kiểm tra năm đã ghi (ví dụ 2020, không phải 2030); nếu số liệu đã cũ, cập nhật số liệu và as_of trước khi lập công văn"),
            NumberSymbolContradicts {
                written,
                in_number,
                symbol,
            } => Said::new(format!(
                "số văn bản \"{written}\" mang ký hiệu {in_number}, khác với ký hiệu symbol = \"{symbol}\""
            ))
            .hint(format!(
                "ghi số và ký hiệu riêng: number = 1635 và symbol = \"{symbol}\"; hoặc sửa cho hai ký hiệu khớp nhau"
            )),
            PerDistrictNumberNotWhole { number } => Said::new(format!(
                "với mode = \"per-district\", mỗi huyện nhận một công văn có số riêng, đánh tiếp nhau từ số đã ghi; \"{number}\" không phải một số nguyên để đánh tiếp"
            ))
            .hint("ghi số của công văn đầu tiên bằng chữ số, ví dụ number = 1635 (các công văn sau là 1636, 1637, ...); hoặc xóa dòng number để văn thư điền số từng công văn"),
            UnknownMode { written, close } => Said::new(format!(
                "không có cách gửi công văn \"{written}\""
            ))
            .hint(match close {
                Some(near) => format!(
                    "có phải ý bạn là \"{near}\"? mode = \"annex\" (một công văn kèm phụ lục từng huyện) hoặc mode = \"per-district\" (mỗi huyện một công văn)"
                ),
                None => "mode = \"annex\" (một công văn kèm phụ lục từng huyện) hoặc mode = \"per-district\" (mỗi huyện một công văn)".to_string(),
            }),
            RecipientsPerDistrict => Said::new(
                "với mode = \"per-district\", mỗi công văn gửi Chủ tịch UBND của chính huyện đó; danh sách recipients không dùng được",
            )
            .hint("xóa recipients, hoặc dùng mode = \"annex\" để gửi một công văn tới các nơi trong recipients"),
            NumberShape { written } => Said::new(format!(
                "số văn bản \"{written}\" phải bắt đầu bằng chữ số, như sổ đăng ký văn bản đi ghi"
            ))
            .hint("ví dụ: number = 1635, hoặc number = \"1635/STTTT-TTBCXB\" (số cùng ký hiệu); không ghi chữ \"Số:\" (công văn tự in); xóa dòng này nếu chưa có số"),
            SymbolShape { written, why } => Said::new(format!(
                "ký hiệu \"{written}\" {}: ký hiệu là chữ viết tắt tên cơ quan ban hành và tên đơn vị soạn thảo, nối bằng dấu -",
                why.vi()
            ))
            .hint("ví dụ: symbol = \"STTTT-TTBCXB\" (không có dấu cách), và số ở number = 1635"),
            NumberNotAlone {
                written,
                number,
                after,
            } => Said::new(format!(
                "number = \"{written}\": `number` chỉ ghi số văn bản ({number}); năm được in theo `date`, còn phần sau dấu / là ký hiệu, ghi ở `symbol`"
            ))
            .hint(format!(
                "ghi number = {number}; nếu \"{after}\" là năm thì bỏ đi, công văn in năm theo date; ký hiệu ghi ở symbol, ví dụ symbol = \"STTTT-TTBCXB\""
            )),
            RecipientUnit {
                recipient,
                written,
                district,
                unit,
                suggested,
            } => Said::new(format!(
                "nơi nhận \"{recipient}\" gọi {district} là {written}, nhưng trong kịch bản {district} là {unit}: công văn sẽ gửi tới một Ủy ban nhân dân không có thật"
            ))
            .hint(format!("ghi đúng loại đơn vị: \"{suggested}\"")),
            SameLineTwice { line, first, again } => Said::new(format!(
                "dòng \"{line}\" được ghi hai lần (mục thứ {first} và thứ {again}): công văn sẽ in nó hai lần"
            ))
            .hint(format!("xóa mục thứ {again}")),
            PerDistrictNumberPast { first, letters } => Said::new(format!(
                "với mode = \"per-district\", {} công văn được đánh số từ {} đến {}, quá số lớn nhất {}",
                count(Lang::Vi, *letters as f64),
                count(Lang::Vi, *first as f64),
                count(Lang::Vi, (*first + *letters as u64 - 1) as f64),
                count(Lang::Vi, crate::limits::LETTER_NUMBER_MAX as f64)
            ))
            .hint(format!(
                "số của công văn đầu tiên lớn nhất là {}",
                count(
                    Lang::Vi,
                    (crate::limits::LETTER_NUMBER_MAX + 1).saturating_sub(*letters as u64) as f64
                )
            )),
            UnknownRecipient {
                recipient,
                name,
                close,
                known,
            } => Said::new(format!(
                "nơi nhận \"{recipient}\" nêu \"{name}\", không phải huyện nào trong kịch bản"
            ))
            .hint(format!(
                "{}{}; sửa tên cho giống tên trong kịch bản, hoặc xóa dòng này khỏi recipients",
                close
                    .as_ref()
                    .map(|c| format!("có phải ý bạn là `{c}`? "))
                    .unwrap_or_default(),
                known.districts_vi()
            )),
        }
    }

    fn en(&self) -> Said {
        use LetterProblem::*;
        match self {
            HiddenCharacter {
                shown,
                position,
                code,
            } => Said::new(format!(
                "the text \"{shown}\" has a hidden or control character (U+{code:04X}) at position {position}"
            ))
            .hint("type the text again on one line rather than pasting it; the tool breaks the letter's lines itself"),
            TooLong { chars } => Said::new(format!(
                "this text is {} characters long; each value of [letter] holds at most {}",
                count(Lang::En, *chars as f64),
                count(Lang::En, MAX_LETTER_TEXT as f64)
            ))
            .hint("shorten it; write longer passages into the letter once it is open in Word"),
            Empty => Said::new("this value is empty").hint(
                "write the text in double quotes, or remove the line so that the letter prints a [..] placeholder to fill in later",
            ),
            TooManyLines { lines, most } => Said::new(format!(
                "the list has {} lines; at most {}",
                count(Lang::En, *lines as f64),
                count(Lang::En, *most as f64)
            ))
            .hint("put recipients of one kind on one line, e.g. \"UBND các huyện, thành phố\""),
            BadNumber { written } => Said::new(format!(
                "the letter number {written} is not valid: it must be a whole number from 1 to {}",
                count(Lang::En, crate::limits::LETTER_NUMBER_MAX as f64)
            ))
            .hint("e.g. number = 1635, or number = \"1635\"; remove the line if the letter has no number yet"),
            DateWithTime => Said::new("the letter's date cannot have a time")
                .hint("write the date as year-month-day, without quotes: date = 2020-09-01"),
            NotADate { written } => Said::new(format!("{written} is not a date"))
                .hint(format!(
                    "write the date as year-month-day, without quotes: date = {}",
                    iso_of(written)
                )),
            DatedBeforeData { date, as_of } => Said::new(format!(
                "the letter is dated {date}, before the data it cites (as_of = {as_of})"
            ))
            .hint(format!(
                "write the date it is signed, {as_of} or later; or remove the date line to fill it in when signing"
            )),
            NoSuchDay { written, month, year } => Said::new(format!(
                "there is no day {written}: month {month} of {year} does not have it"
            ))
            .hint("check the day and the month; write the date as year-month-day: date = 2020-09-01"),
            DatedLongAfterData { date, as_of, days } => Said::new(format!(
                "the letter is dated {date}, {} days after the data it cites (as_of = {as_of}); figures more than {} days old are out of date when it is signed",
                count(Lang::En, *days as f64),
                count(Lang::En, crate::limits::LETTER_DAYS_AFTER_DATA as f64)
            ))
            .hint("check the year written (2020, not 2030, say); if the figures are old, update them and as_of before writing the letter"),
            NumberSymbolContradicts {
                written,
                in_number,
                symbol,
            } => Said::new(format!(
                "the letter number \"{written}\" carries the symbol {in_number}, not the symbol = \"{symbol}\""
            ))
            .hint(format!(
                "write the number and the symbol apart: number = 1635 and symbol = \"{symbol}\"; or correct one so that they agree"
            )),
            PerDistrictNumberNotWhole { number } => Said::new(format!(
                "with mode = \"per-district\" each district's letter has its own number, counted on from the one written; \"{number}\" is not a whole number to count on from"
            ))
            .hint("write the first letter's number in digits, e.g. number = 1635 (the next letters are 1636, 1637, ...); or remove the number line for the registry to fill in each letter's"),
            UnknownMode { written, close } => {
                Said::new(format!("there is no way of sending the letter called \"{written}\""))
                    .hint(match close {
                        Some(near) => format!(
                            "did you mean \"{near}\"? mode = \"annex\" (one letter with an annex per district) or mode = \"per-district\" (one letter per district)"
                        ),
                        None => "mode = \"annex\" (one letter with an annex per district) or mode = \"per-district\" (one letter per district)".to_string(),
                    })
            }
            RecipientsPerDistrict => Said::new(
                "with mode = \"per-district\" each letter goes to the chair of its own district's People's Committee; a recipients list cannot be used",
            )
            .hint("remove recipients, or use mode = \"annex\" to send one letter to the recipients listed"),
            NumberShape { written } => Said::new(format!(
                "the letter number \"{written}\" must start with a digit, as the register of outgoing letters writes it"
            ))
            .hint("e.g. number = 1635, or number = \"1635/STTTT-TTBCXB\" (the number with its symbol); without \"Số:\" (the letter prints it); remove the line if the letter has no number yet"),
            SymbolShape { written, why } => Said::new(format!(
                "the symbol \"{written}\" {}: a symbol is the abbreviations of the issuing body and of the drafting unit, joined by -",
                why.en()
            ))
            .hint("e.g. symbol = \"STTTT-TTBCXB\" (no spaces), and the number in number = 1635"),
            NumberNotAlone {
                written,
                number,
                after,
            } => Said::new(format!(
                "number = \"{written}\": `number` takes the number alone ({number}); the year is printed from `date`, and the part after / goes in `symbol`"
            ))
            .hint(format!(
                "write number = {number}; if \"{after}\" is the year, leave it out: the letter prints the year from date; the symbol goes in symbol, e.g. symbol = \"STTTT-TTBCXB\""
            )),
            RecipientUnit {
                recipient,
                written,
                district,
                unit,
                suggested,
            } => Said::new(format!(
                "the recipient \"{recipient}\" calls {district} a {written}, but in the scenario {district} is a {unit}: the letter would address a People's Committee that does not exist"
            ))
            .hint(format!("write the right unit word: \"{suggested}\"")),
            SameLineTwice { line, first, again } => Said::new(format!(
                "the line \"{line}\" is written twice (items {first} and {again}): the letter would print it twice"
            ))
            .hint(format!("remove item {again}")),
            PerDistrictNumberPast { first, letters } => Said::new(format!(
                "with mode = \"per-district\", the {} letters are numbered {} to {}, past the largest number, {}",
                count(Lang::En, *letters as f64),
                count(Lang::En, *first as f64),
                count(Lang::En, (*first + *letters as u64 - 1) as f64),
                count(Lang::En, crate::limits::LETTER_NUMBER_MAX as f64)
            ))
            .hint(format!(
                "the first letter's number may be at most {}",
                count(
                    Lang::En,
                    (crate::limits::LETTER_NUMBER_MAX + 1).saturating_sub(*letters as u64) as f64
                )
            )),
            UnknownRecipient {
                recipient,
                name,
                close,
                known,
            } => Said::new(format!(
                "the recipient \"{recipient}\" names \"{name}\", which is no district of the scenario"
            ))
            .hint(format!(
                "{}{}; write the name as the scenario does, or remove this line from recipients",
                close
                    .as_ref()
                    .map(|c| format!("did you mean `{c}`? "))
                    .unwrap_or_default(),
                known.districts_en()
            )),
        }
    }
}

/// The date `written` (quoted, as the message shows it: `"01/9/2020"`) as a scenario writes it,
/// when it is one typed day first; else the example date.
fn iso_of(written: &str) -> String {
    super::syntax::day_month_year(written.trim_matches('"'))
        .unwrap_or_else(|| "2020-09-01".to_string())
}
