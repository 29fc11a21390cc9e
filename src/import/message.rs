//! What can be wrong in a coverage table, each kind with its data, worded once per language.
//! `campaign import` and a scenario's `coverage = "..."` reader name the same kinds; the
//! scenario's own district checks name [`CellProblem::TooLarge`] too.

use super::table::Heading;
use crate::diagnostic::{Message, Said};
use crate::limits::{
    CELL_CHARS, NAME_CHARS, TABLE_BYTES, TABLE_CELLS, TABLE_COLUMNS, TABLE_ROWS, TOML_BYTES,
    TOML_TABLES, TOML_VALUES, WORKBOOK_ENTRIES, WORKBOOK_PART_BYTES, WORKBOOK_PARTS,
    WORKBOOK_READ_BYTES, WORKBOOK_STRINGS, WORKBOOK_STYLES, WORKBOOK_UNZIPPED_BYTES,
};
use crate::model::MAX_PEOPLE;
use crate::model::MAX_TEAMS;
use crate::number::{count, percent, size};
use crate::source::name_list;
use crate::text::{ForeignLetter, Lang};

/// A row of a table as messages name it: `row 3 ("Hữu Lũng")`, or `row 3` without a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Row {
    /// The row's line (CSV) or row number (XLSX).
    pub line: usize,
    /// The district, as the reader names it; empty when the row has none.
    pub name: String,
}

impl Row {
    fn said(&self, lang: Lang) -> String {
        let line = self.line;
        let name = &self.name;
        match (lang, name.is_empty()) {
            (Lang::Vi, true) => format!("dòng {line}"),
            (Lang::En, true) => format!("row {line}"),
            (Lang::Vi, false) => format!("dòng {line} (\"{name}\")"),
            (Lang::En, false) => format!("row {line} (\"{name}\")"),
        }
    }
}

/// What is wrong with a cell that should hold a count or a rate: the same words from both
/// readers (`campaign import` puts the row before them, [`InRow`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum CellProblem {
    Empty,
    /// A rate (`22%`) where a count should be.
    Rate {
        cell: String,
    },
    NotWhole {
        cell: String,
    },
    /// A date (`18/01/2019`, as Excel shows a count in a cell formatted as a date) where a
    /// count should be.
    Date {
        cell: String,
    },
    /// An empty cell that holds a formula without a computed value (a workbook written by a
    /// program, never opened in Excel).
    Uncomputed,
    /// A count above [`MAX_PEOPLE`] (or a team count above [`MAX_TEAMS`]), in a table or a
    /// scenario alike; `cell` is the cell as written when the message quotes it
    /// (`campaign import`).
    TooLarge {
        cell: Option<String>,
    },
    /// A workbook cell (`cell`, as Excel names it: `B4`) holding a number too large for the
    /// computer to hold (`1e400`, 30 million digits): read as infinity, so nothing of it can be
    /// quoted (trial 13f J26).
    Overflow {
        cell: String,
    },
    NotARate {
        cell: String,
    },
    /// The printed rate is not `installed / smartphones` (truncated or rounded).
    RateDisagrees {
        cell: String,
        installed: u64,
        smartphones: u64,
    },
}

/// `installed / smartphones` with two decimals: `22,98%` / `22.98%` (a dash without
/// smartphones).
fn rate(lang: Lang, installed: u64, smartphones: u64) -> String {
    if smartphones == 0 {
        return "–".to_string();
    }
    #[allow(clippy::cast_precision_loss)]
    let rate = installed as f64 / smartphones as f64;
    percent(lang, rate)
}

#[allow(clippy::cast_precision_loss)]
fn n(lang: Lang, v: u64) -> String {
    count(lang, v as f64)
}

#[allow(clippy::cast_precision_loss)]
fn big(lang: Lang, v: i128) -> String {
    count(lang, v as f64)
}

impl Message for CellProblem {
    fn vi(&self) -> Said {
        use CellProblem::*;
        let whole = "ghi một số nguyên, ví dụ 151916 hoặc 151.916";
        match self {
            Empty => Said::new("ô đang trống").hint(whole),
            Rate { cell } => Said::new(format!("`{cell}` là tỷ lệ, không phải số máy")).hint(
                "cột này cần số nguyên; nếu là cột tỷ lệ, đặt tên cột là `Tỷ lệ` (chương trình chỉ dùng tỷ lệ để đối chiếu)",
            ),
            NotWhole { cell } => {
                Said::new(format!("`{cell}` không phải là số nguyên")).hint(whole)
            }
            Date { cell } => Said::new(format!(
                "ô ghi ngày `{cell}`, không phải số máy (ô được định dạng kiểu ngày tháng nên Excel hiện số thành ngày)"
            ))
            .hint("trong Excel chọn cả cột, bấm chuột phải > Định dạng ô (Format Cells) > Số (Number), kiểm tra lại các số rồi lưu; nếu ô đúng là ngày thì ghi số máy vào ô"),
            Uncomputed => Said::new("ô có công thức nhưng chưa có kết quả tính").hint(
                "mở tệp bằng Excel (hoặc LibreOffice) rồi lưu lại để tính công thức, hoặc ghi số vào ô",
            ),
            TooLarge { cell } => Said::new(match cell {
                Some(cell) => format!("số quá lớn: `{cell}`"),
                None => "số quá lớn".to_string(),
            })
            .hint(format!(
                "số người tối đa là {}, số tổ, đội tối đa là {}; kiểm tra có gõ thừa chữ số không",
                big(Lang::Vi, MAX_PEOPLE),
                count(Lang::Vi, f64::from(MAX_TEAMS))
            )),
            Overflow { cell } => Said::new(format!(
                "ô {cell} chứa một số quá lớn, không thể là số đếm (lớn hơn {})",
                big(Lang::Vi, MAX_PEOPLE)
            ))
            .hint(format!(
                "kiểm tra ô {cell} trong Excel: số người tối đa là {}, số tổ, đội tối đa là {}; có thể gõ thừa chữ số, hoặc ô là kết quả một công thức sai"
            , big(Lang::Vi, MAX_PEOPLE), count(Lang::Vi, f64::from(MAX_TEAMS)))),
            NotARate { cell } => Said::new(format!("`{cell}` không phải là tỷ lệ"))
                .hint("ghi tỷ lệ như 22% hoặc 22,98%"),
            RateDisagrees {
                cell,
                installed,
                smartphones,
            } => Said::new(format!(
                "tỷ lệ ghi `{cell}` nhưng {} / {} là {}",
                n(Lang::Vi, *installed),
                n(Lang::Vi, *smartphones),
                rate(Lang::Vi, *installed, *smartphones)
            ))
            .hint("kiểm tra số đã cài, số smartphone và tỷ lệ của dòng này (tỷ lệ chỉ để đối chiếu; chương trình tự tính từ số máy)"),
        }
    }

    fn en(&self) -> Said {
        use CellProblem::*;
        let whole = "write a whole number, e.g. 151916 or 151,916";
        match self {
            Empty => Said::new("the cell is empty").hint(whole),
            Rate { cell } => Said::new(format!("`{cell}` is a rate, not a count")).hint(
                "this column needs whole numbers; if it is a rate column, head it `Rate` (a rate is only used as a check)",
            ),
            NotWhole { cell } => Said::new(format!("`{cell}` is not a whole number")).hint(whole),
            Date { cell } => Said::new(format!(
                "the cell shows the date `{cell}`, not a count (it is formatted as a date, so Excel shows its number as a date)"
            ))
            .hint("in Excel select the whole column, right-click > Format Cells > Number, check the counts, then save; if the cell really holds a date, type the count in it"),
            Uncomputed => Said::new("the cell holds a formula with no computed value").hint(
                "open the file in Excel (or LibreOffice) and save it to compute the formula, or type the number in the cell",
            ),
            TooLarge { cell } => Said::new(match cell {
                Some(cell) => format!("the number is too large: `{cell}`"),
                None => "the number is too large".to_string(),
            })
            .hint(format!(
                "people counts go up to {}, team counts up to {}; check for a digit typed twice",
                big(Lang::En, MAX_PEOPLE),
                count(Lang::En, f64::from(MAX_TEAMS))
            )),
            Overflow { cell } => Said::new(format!(
                "cell {cell} holds a number too large to be a count (more than {})",
                big(Lang::En, MAX_PEOPLE)
            ))
            .hint(format!(
                "check cell {cell} in Excel: people counts go up to {}, team counts up to {}; a digit may be typed too many times, or the cell computes a wrong formula"
            , big(Lang::En, MAX_PEOPLE), count(Lang::En, f64::from(MAX_TEAMS)))),
            NotARate { cell } => Said::new(format!("`{cell}` is not a rate"))
                .hint("write a rate like 22% or 22.98%"),
            RateDisagrees {
                cell,
                installed,
                smartphones,
            } => Said::new(format!(
                "the rate says `{cell}` but {} / {} is {}",
                n(Lang::En, *installed),
                n(Lang::En, *smartphones),
                rate(Lang::En, *installed, *smartphones)
            ))
            .hint("check this row's installed, smartphones and rate (the rate is only a check; the planner computes it from the counts)"),
        }
    }
}

/// What is wrong with one row of a table, said after the row ([`InRow`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum RowProblem {
    /// Figures without a district name (both readers).
    Unnamed,
    /// The district-name cell holds a formula without a computed value (a file written by a
    /// program, never opened in Excel; trial 13e H27).
    NameUncomputed,
    /// The district-name cell holds only a unit word (`word`: "Huyện"), no name (trial 13e
    /// H18).
    OnlyUnitWord {
        word: String,
    },
    /// A count below zero (`campaign import`; in a scenario's coverage file the district
    /// check says `DistrictProblem::Negative`).
    Negative {
        cell: String,
    },
    InstalledAboveSmartphones {
        installed: u64,
        smartphones: u64,
    },
    NoSmartphones,
    /// The district is on an earlier row too: `name` here, `first` there (the same text, or a
    /// name read as the same: another case, an eth `Ð` for `Đ`, another tone placement).
    Twice {
        first_line: usize,
        name: String,
        first: String,
    },
    Cell(CellProblem),
    Hidden(HiddenCharacter),
    UnitType(UnknownUnitType),
    /// The unit-type cell (`cell`, read as `written`) says another type than the name as typed
    /// (`name`, which says `named`; `bare` without it).
    UnitTypeContradictsName {
        cell: String,
        name: String,
        bare: String,
        written: crate::model::UnitType,
        named: crate::model::UnitType,
    },
}

/// A district's name a reader would take for another, or too long to be one: a character a
/// reader cannot see or a terminal would act on (the `code` point at character `position`,
/// the name `shown` with escapes), a Cyrillic or Greek letter among its Latin ones, or more
/// than [`NAME_CHARS`] characters. Said by the scenario's district check and by `campaign
/// import` alike.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum HiddenCharacter {
    Hidden {
        shown: String,
        position: usize,
        code: u32,
    },
    Foreign {
        shown: String,
        letter: ForeignLetter,
    },
    TooLong {
        /// The name's first characters.
        shown: String,
        chars: usize,
    },
}

impl HiddenCharacter {
    /// What is odd in `name`, if anything: its length first, then a hidden character
    /// ([`crate::text::hidden_character`]), then a foreign letter
    /// ([`crate::text::foreign_letter`]).
    pub fn of(name: &str) -> Option<HiddenCharacter> {
        let chars = name.chars().count();
        if chars > NAME_CHARS {
            return Some(HiddenCharacter::TooLong {
                shown: crate::diagnostic::shortened(&crate::text::show_hidden(name)),
                chars,
            });
        }
        if let Some((position, c)) = crate::text::hidden_character(name) {
            return Some(HiddenCharacter::Hidden {
                shown: crate::text::show_hidden(name),
                position,
                code: u32::from(c),
            });
        }
        crate::text::foreign_letter(name).map(|letter| HiddenCharacter::Foreign {
            shown: name.to_string(),
            letter,
        })
    }
}

impl HiddenCharacter {
    /// The 0-based character of `written` (the name as its cell or value holds it, before it
    /// is normalised: in NFD, with its spaces) that the problem is about: the hidden character
    /// or the foreign letter itself, else the first character past [`NAME_CHARS`], so that the
    /// caret under the quoted line sits under it (trial 13e H27).
    pub fn index_in(&self, written: &str) -> usize {
        let found = |c: char| written.chars().position(|w| w == c);
        let (target, position) = match self {
            HiddenCharacter::Hidden { code, position, .. } => (char::from_u32(*code), *position),
            HiddenCharacter::Foreign { letter, .. } => (Some(letter.letter), letter.position),
            HiddenCharacter::TooLong { .. } => (None, NAME_CHARS + 1),
        };
        if let Some(i) = target.and_then(found) {
            return i;
        }
        // the `position`-th character of the normalised name: the first prefix of `written`
        // that normalises to that many characters (binary search: a long name is read a few
        // dozen times, not once per character)
        let ends: Vec<usize> = written
            .char_indices()
            .map(|(i, c)| i + c.len_utf8())
            .collect();
        let reaches = |n: usize| {
            ends.get(n).is_some_and(|&end| {
                crate::text::normalise(&written[..end]).chars().count() >= position
            })
        };
        let (mut low, mut high) = (0, ends.len());
        while low < high {
            let mid = low + (high - low) / 2;
            if reaches(mid) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        // leading spaces the normalised name drops: the caret is at the character itself
        if low >= ends.len() { 0 } else { low }
    }
}

impl Message for HiddenCharacter {
    fn vi(&self) -> Said {
        match self {
            HiddenCharacter::Hidden {
                shown,
                position,
                code,
            } => Said::new(format!(
                "tên huyện có một ký tự không nhìn thấy hoặc ký tự điều khiển (U+{code:04X}, ký tự thứ {position} của \"{shown}\")"
            ))
            .hint("gõ lại tên huyện (ký tự này thường lẫn vào khi sao chép từ trang web hoặc Word)"),
            HiddenCharacter::Foreign { shown, letter } => Said::new(format!(
                "tên huyện \"{shown}\" có {}",
                crate::diagnostic::foreign_letter_vi(letter)
            ))
            .hint("xoá chữ đó và gõ lại bằng bàn phím tiếng Việt (chữ như vậy lẫn vào khi sao chép từ tài liệu khác hoặc gõ nhầm bộ gõ)"),
            HiddenCharacter::TooLong { shown, chars } => Said::new(format!(
                "tên huyện dài {} ký tự, quá giới hạn {} ký tự: \"{shown}\"",
                count(Lang::Vi, *chars as f64),
                count(Lang::Vi, NAME_CHARS as f64)
            ))
            .hint("tên đơn vị hành chính dài nhất của Việt Nam chưa tới 40 ký tự: kiểm tra đây có đúng là tên huyện không (docs/limits.md)"),
        }
    }

    fn en(&self) -> Said {
        match self {
            HiddenCharacter::Hidden {
                shown,
                position,
                code,
            } => Said::new(format!(
                "the district's name holds a character that cannot be seen or a control character (U+{code:04X}, character {position} of \"{shown}\")"
            ))
            .hint("type the name again (such characters come in when copying from a web page or Word)"),
            HiddenCharacter::Foreign { shown, letter } => Said::new(format!(
                "in the district's name \"{shown}\", {}",
                crate::diagnostic::foreign_letter_en(letter)
            ))
            .hint("delete that letter and type it again on a Vietnamese keyboard (such letters come in when copying from other documents or with the wrong keyboard layout)"),
            HiddenCharacter::TooLong { shown, chars } => Said::new(format!(
                "the district's name is {} characters long, above the limit of {} characters: \"{shown}\"",
                count(Lang::En, *chars as f64),
                count(Lang::En, NAME_CHARS as f64)
            ))
            .hint("the longest name of a Vietnamese administrative unit is under 40 characters: check that this is the district's name (docs/limits.md)"),
        }
    }
}

/// A unit type none of the accepted words (`unit_type = "tỉnh"`, or a cell of a table's
/// unit-type column); `close` is the accepted word it may be a typing mistake for. Said by the
/// scenario's district check and by `campaign import` alike.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct UnknownUnitType {
    /// As written (cut short, hidden characters shown).
    pub written: String,
    pub close: Option<&'static str>,
    /// A cell of a table (left empty, the name says the type), not a scenario's `unit_type`.
    pub in_table: bool,
}

impl UnknownUnitType {
    pub fn new(written: &str, in_table: bool) -> UnknownUnitType {
        UnknownUnitType {
            written: crate::diagnostic::shortened(&crate::text::show_hidden(written)),
            close: crate::model::UnitType::closest(written),
            in_table,
        }
    }
}

impl Message for UnknownUnitType {
    fn vi(&self) -> Said {
        let close = self
            .close
            .map(|c| crate::diagnostic::did_you_mean_vi(c) + " ");
        let (write, leave) = if self.in_table {
            ("", "để trống ô")
        } else {
            (", ví dụ: unit_type = \"thành phố\"", "không ghi unit_type")
        };
        Said::new(format!(
            "không biết loại đơn vị hành chính \"{}\"",
            self.written
        ))
        .hint(format!(
            "{}ghi \"thành phố\", \"thị xã\", \"huyện\" hoặc \"quận\" (tiếng Anh: city, town, district, urban district){write}; {leave} thì loại đơn vị được đọc từ tên: \"Thành phố ...\", \"Thị xã ...\", \"Quận ...\", tên khác là huyện",
            close.unwrap_or_default()
        ))
    }

    fn en(&self) -> Said {
        let close = self
            .close
            .map(|c| crate::diagnostic::did_you_mean_en(c) + " ");
        let (write, leave) = if self.in_table {
            ("", "left empty, the cell")
        } else {
            (", e.g. unit_type = \"thành phố\"", "without unit_type, the")
        };
        let leave = if self.in_table {
            format!("{leave} lets the name say the type")
        } else {
            format!("{leave} name says the type")
        };
        Said::new(format!("unknown unit type \"{}\"", self.written)).hint(format!(
            "{}write \"thành phố\", \"thị xã\", \"huyện\" or \"quận\" (in English: city, town, district, urban district){write}; {leave}: \"Thành phố ...\" a city, \"Thị xã ...\" a town, \"Quận ...\" an urban district, any other name a huyện",
            close.unwrap_or_default()
        ))
    }
}

impl Message for RowProblem {
    fn vi(&self) -> Said {
        use RowProblem::*;
        match self {
            Unnamed => Said::new("có số liệu nhưng ô tên huyện đang trống").hint(
                "ghi tên huyện vào ô này; nếu là dòng tổng thì ghi \"Tổng cộng\"; nếu thừa thì xóa dòng",
            ),
            NameUncomputed => Said::new("ô tên huyện có công thức nhưng chưa có kết quả tính (tệp do một chương trình ghi ra, chưa mở bằng Excel)").hint(
                "mở tệp bằng Excel (hoặc LibreOffice) rồi lưu lại để tính công thức, hoặc gõ tên huyện vào ô",
            ),
            OnlyUnitWord { word } => Said::new(format!("ô tên huyện chỉ ghi \"{word}\", chưa có tên")).hint(format!(
                "ghi tên sau chữ \"{word}\" (ví dụ \"{word} Cao Lộc\"), hoặc xóa dòng nếu không phải một huyện"
            )),
            Negative { cell } => {
                Said::new(format!("số âm `{cell}`")).hint("số máy không thể âm")
            }
            InstalledAboveSmartphones {
                installed,
                smartphones,
            } => Said::new(format!(
                "số đã cài ({}) lớn hơn số smartphone ({})",
                count(Lang::Vi, *installed as f64),
                count(Lang::Vi, *smartphones as f64)
            ))
            .hint("kiểm tra hai cột có bị đổi chỗ không"),
            NoSmartphones => Said::new("số smartphone bằng 0").hint(
                "mỗi huyện cần ít nhất một smartphone; xóa dòng nếu huyện không có số liệu",
            ),
            Twice {
                first_line,
                name,
                first,
            } => match look_alike(name, first) {
                None => Said::new(format!("huyện đã có ở dòng {first_line}"))
                    .hint("xóa một trong hai dòng"),
                Some(differ) => {
                    let chars = differ
                        .iter()
                        .map(|(at, here, there)| {
                            format!("ký tự thứ {at} ở đây là {here}, ở dòng {first_line} là {there}")
                        })
                        .collect::<Vec<_>>()
                        .join("; ");
                    Said::new(format!(
                        "huyện đã có ở dòng {first_line}, viết khác đi nhưng đọc là một: \"{}\" ở đây, \"{}\" ở dòng {first_line} ({chars})",
                        escaped(name),
                        escaped(first)
                    ))
                    .hint("xóa một trong hai dòng, hoặc gõ lại tên cho đúng nếu đó là hai huyện khác nhau")
                }
            },
            Cell(cell) => cell.vi(),
            Hidden(hidden) => hidden.vi(),
            UnitType(unit) => unit.vi(),
            UnitTypeContradictsName {
                cell,
                name,
                bare,
                written,
                named,
            } => Said::new(format!(
                "ô loại đơn vị ghi \"{cell}\" ({}) nhưng tên \"{name}\" cho biết đây là {}",
                written.vi(),
                named.vi()
            ))
            .hint(format!(
                "nếu đây là {}, xóa ô loại đơn vị (tên đã cho biết loại); nếu đây là {}, sửa tên thành \"{bare}\"; công văn gửi đến UBND theo đúng loại đơn vị này",
                named.vi(),
                written.vi()
            )),
        }
    }

    fn en(&self) -> Said {
        use RowProblem::*;
        match self {
            Unnamed => Said::new("it has figures but no district name").hint(
                "write the district's name in this cell; write \"Total\" if it is the total row; delete the row if it is not needed",
            ),
            NameUncomputed => Said::new("the district-name cell holds a formula with no computed value (the file was written by a program and never opened in Excel)").hint(
                "open the file in Excel (or LibreOffice) and save it to compute the formula, or type the district's name in the cell",
            ),
            OnlyUnitWord { word } => Said::new(format!("the name cell holds only \"{word}\", no name")).hint(format!(
                "write the name after \"{word}\" (e.g. \"{word} Cao Lộc\"), or delete the row if it is not a district"
            )),
            Negative { cell } => {
                Said::new(format!("negative count `{cell}`")).hint("a count cannot be negative")
            }
            InstalledAboveSmartphones {
                installed,
                smartphones,
            } => Said::new(format!(
                "installed ({}) is more than smartphones ({})",
                count(Lang::En, *installed as f64),
                count(Lang::En, *smartphones as f64)
            ))
            .hint("check whether the two columns are swapped"),
            NoSmartphones => Said::new("smartphones is 0").hint(
                "every district needs at least one smartphone; delete the row if it has no data",
            ),
            Twice {
                first_line,
                name,
                first,
            } => match look_alike(name, first) {
                None => Said::new(format!("the district is already on row {first_line}"))
                    .hint("delete one of the two rows"),
                Some(differ) => {
                    let chars = differ
                        .iter()
                        .map(|(at, here, there)| {
                            format!("character {at} is {here} here, {there} on row {first_line}")
                        })
                        .collect::<Vec<_>>()
                        .join("; ");
                    Said::new(format!(
                        "the district is already on row {first_line}, written differently but read as the same: \"{}\" here, \"{}\" on row {first_line} ({chars})",
                        escaped(name),
                        escaped(first)
                    ))
                    .hint("delete one of the two rows, or retype the name if they are two different districts")
                }
            },
            Cell(cell) => cell.en(),
            Hidden(hidden) => hidden.en(),
            UnitType(unit) => unit.en(),
            UnitTypeContradictsName {
                cell,
                name,
                bare,
                written,
                named,
            } => Said::new(format!(
                "the unit type cell says \"{cell}\" (a {}) but the name \"{name}\" says a {} ({})",
                written.en(),
                named.en(),
                named.vi()
            ))
            .hint(format!(
                "if it is a {}, empty the unit type cell (the name already says the kind); if it is a {}, correct the name to \"{bare}\"; the letter addresses the People's Committee by this kind",
                named.en(),
                written.en()
            )),
        }
    }
}

/// `campaign {command} --out FILE` over a skeleton `campaign import` wrote, or a scenario
/// `campaign generate` wrote (`by`: "import" or "generate"), that someone has edited since (its
/// first line's digest no longer matches the rest).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SkeletonEdited {
    pub command: &'static str,
    pub by: &'static str,
}

impl Message for SkeletonEdited {
    fn vi(&self) -> Said {
        Said::new(format!("tệp này do `campaign {}` viết nhưng đã được sửa sau đó (mã nội dung ở dòng đầu không còn khớp): ghi đè thì mất những chỗ đã sửa", self.by))
            .hint(format!("chọn tên tệp khác cho --out; nếu muốn bỏ những chỗ đã sửa thì thêm --force (campaign {} ... --out TỆP --force)", self.command))
    }

    fn en(&self) -> Said {
        Said::new(format!("campaign {} wrote this file, but it has been edited since (the digest on its first line no longer matches): replacing it would lose the edits", self.by))
            .hint(format!("choose another file name for --out; to discard the edits, add --force (campaign {} ... --out FILE --force)", self.command))
    }
}

/// Sheets as a message lists them: `1 "Tổng hợp", 2 "Bluezone"`.
fn sheet_list(sheets: &[String]) -> String {
    sheets
        .iter()
        .enumerate()
        .map(|(i, s)| format!("{} \"{s}\"", i + 1))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Where two names read as one district differ as text, beyond case: each differing
/// character's position (1-based, after NFC) and the character here and there as `Ð` (U+00D0)
/// (at most four); `None` when the texts are the same but for case.
fn look_alike(name: &str, first: &str) -> Option<Vec<(usize, String, String)>> {
    let a: Vec<char> = crate::text::normalise(name).chars().collect();
    let b: Vec<char> = crate::text::normalise(first).chars().collect();
    let lower = |c: &char| c.to_lowercase().collect::<String>();
    let code = |c: Option<&char>| match c {
        Some(c) => format!("`{}` (U+{:04X})", escaped(&c.to_string()), u32::from(*c)),
        None => "—".to_string(),
    };
    let mut differ = Vec::new();
    for i in 0..a.len().max(b.len()) {
        let (x, y) = (a.get(i), b.get(i));
        if x.map(lower) != y.map(lower) {
            differ.push((i + 1, code(x), code(y)));
            // after a character put in or left out, the rest is shifted: the first says it
            if a.len() != b.len() || differ.len() == 4 {
                break;
            }
        }
    }
    (!differ.is_empty()).then_some(differ)
}

/// A name as a message quotes it to tell look-alikes apart: a character a reader cannot see (a
/// hidden one, a space other than the plain one) written as `\u{a0}`.
fn escaped(name: &str) -> String {
    name.chars()
        .map(|c| {
            if crate::text::is_hidden(c) || crate::text::is_odd_space(c) {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// A problem with a row, the row first: `row 3 ("Hữu Lũng"): smartphones is 0`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct InRow {
    pub row: Row,
    pub problem: RowProblem,
}

impl InRow {
    fn after_row(&self, lang: Lang, said: Said) -> Said {
        Said {
            problem: format!("{}: {}", self.row.said(lang), said.problem),
            hint: said.hint,
        }
    }
}

impl Message for InRow {
    fn vi(&self) -> Said {
        self.after_row(Lang::Vi, self.problem.vi())
    }

    fn en(&self) -> Said {
        self.after_row(Lang::En, self.problem.en())
    }
}

/// `: --sheet "Bluezone"`: `--sheet` with the workbook's first sheet's name (as listed,
/// quoted for the shell), a name that exists (trial 13d G4: the hint said `--sheet 2` of a
/// workbook with one sheet).
fn sheet_example(sheets: &[String]) -> String {
    sheets
        .first()
        .map(|name| format!(": --sheet \"{}\"", name.replace('"', "\\\"")))
        .unwrap_or_default()
}

/// The first cell of a row taken for column numbering, when it is short enough to be a
/// district's name read as a column's letter or number (`A`, `1`).
fn numbering_name(cells: &str) -> Option<&str> {
    cells
        .split(", ")
        .next()
        .filter(|c| !c.is_empty() && c.chars().count() <= 3 && !c.starts_with('('))
}

/// What is wrong with a table as a whole: its header, its total, its rows' order, or what
/// it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TableProblem {
    Empty,
    /// A header and no district row below it.
    NoDistricts,
    /// A header whose only rows below it were taken for rows numbering its columns or giving
    /// their units (`A, 1, 2`; `(thuê bao)`), skipped: the last of them on `line`, its filled
    /// cells `cells` (joined, cut short).
    OnlyNumbering {
        line: usize,
        cells: String,
    },
    /// No row has the needed headings; the one most like a header is on `line`, with the
    /// cells `found` (the first few, each cut short) and `more` cells after them, and lacks
    /// `missing`.
    MissingColumns {
        line: usize,
        found: Vec<String>,
        more: usize,
        missing: Vec<Missing>,
    },
    /// Two columns of the header row on `line` both read as `heading`: (letters, heading as
    /// written) of each.
    HeadingTwice {
        line: usize,
        heading: Heading,
        first: (String, String),
        second: (String, String),
        /// The other count, read from no column: one of the two is probably it.
        missing: Option<Heading>,
    },
    /// Two columns of the header row on `line` both read as the column beyond the counts
    /// `extra` (two "Số xã"), with different counts: (letters, heading as written) of each
    /// (trial 13e H10).
    ExtraTwice {
        line: usize,
        extra: super::extra::Extra,
        first: (String, String),
        second: (String, String),
    },
    /// The row on `line`, right under the header row on `header`, holds headings (a second
    /// header row) that do not make a header with it.
    SecondHeader {
        line: usize,
        header: usize,
    },
    /// A row with figures after the end of the table (a blank row then notes, on
    /// `end`).
    AfterEnd {
        row: Row,
        end: usize,
    },
    /// A row of the body that repeats the header row on `header` (two tables pasted one
    /// under the other: trial 13f J33).
    HeaderAgain {
        line: usize,
        header: usize,
    },
    /// A total row mid-table that totals a group ("Cộng nhóm 1"), `name` as written.
    Subtotal {
        line: usize,
        name: String,
    },
    /// A row whose district name is only a number ("1", "123"): a row of column numbers
    /// pasted inside the table, or an STT cell in the name column (trial 13f J32).
    NumberName {
        line: usize,
        name: String,
    },
    /// A row with an installed count below the total row.
    BelowTotal {
        row: Row,
    },
    /// The total row is not the sum of the districts; `line` is the total's row when the
    /// message names it (`campaign import`).
    TotalDisagrees {
        line: Option<usize>,
        installed: i128,
        smartphones: i128,
        sum_installed: i128,
        sum_smartphones: i128,
    },
    /// A CSV cell on `line` opens a double quote that is never closed.
    UnclosedQuote {
        line: usize,
    },
    /// The CSV reader's own error, as it words it.
    Csv {
        error: String,
    },
}

/// A column missing from the header: the header's cell that reads most like it (when one
/// does), and accepted headings, closest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Missing {
    pub heading: Heading,
    pub cell: Option<String>,
    pub accepted: Vec<&'static str>,
}

impl Missing {
    fn said(&self, lang: Lang) -> String {
        let name = heading(lang, self.heading);
        let accepted = name_list(self.accepted.iter().copied());
        match (lang, &self.cell) {
            (Lang::Vi, Some(cell)) => format!(
                "`{name}` (có phải cột `{cell}`? các tiêu đề gần nhất được nhận: {accepted})"
            ),
            (Lang::Vi, None) => format!("`{name}` (các tiêu đề được nhận, ví dụ: {accepted})"),
            (Lang::En, Some(cell)) => format!(
                "`{name}` (did you mean the column `{cell}`? the closest accepted headings: {accepted})"
            ),
            (Lang::En, None) => format!("`{name}` (accepted headings include {accepted})"),
        }
    }
}

/// `--column installed="..."` for the first missing column (with the cell that reads like it).
fn column_example(missing: &[Missing]) -> String {
    match missing.first() {
        Some(m) => format!(
            "`--column {}=\"{}\"`",
            super::columns::key_of(m.heading),
            m.cell.as_deref().unwrap_or("...")
        ),
        None => "`--column installed=\"...\"`".to_string(),
    }
}

/// What is wrong with a `--column KEY="heading"` option.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ColumnOption {
    /// No `=` in it.
    NoEquals {
        given: String,
    },
    UnknownKey {
        key: String,
        close: Option<&'static str>,
    },
    EmptyHeading {
        key: String,
    },
    /// The same key given twice.
    Twice {
        key: String,
    },
    /// The heading is in no header row: the row most like a header (`line`) has `headings`;
    /// `close` are those that read most like the name.
    NotInHeader {
        key: String,
        name: String,
        line: usize,
        headings: Vec<String>,
        close: Vec<String>,
    },
    /// The heading fits several columns of the header row on `line`: (letters, heading) of
    /// each.
    Ambiguous {
        key: String,
        name: String,
        line: usize,
        columns: Vec<(String, String)>,
    },
    /// Two keys name the same column (letters, heading).
    SameColumn {
        first: String,
        second: String,
        column: (String, String),
    },
    /// The column named for `key` is the one column read as `lost`, left without one.
    Taken {
        key: String,
        lost: Heading,
        column: (String, String),
    },
    /// The column named for the commune teams or a cohort (`key`) is the table's one column
    /// of another of them, `lost` (trial 13f J27: `--column commune=students`).
    ExtraTaken {
        key: super::extra::Extra,
        lost: super::extra::Extra,
        column: (String, String),
    },
}

/// The heading of a `--column` key.
fn heading_of(key: &str) -> Heading {
    super::columns::KEYS
        .iter()
        .find(|(k, _)| *k == key)
        .map_or(Heading::Notes, |(_, h)| *h)
}

/// What a column holds, as messages say it.
fn holds(lang: Lang, h: Heading) -> &'static str {
    match (lang, h) {
        (Lang::Vi, Heading::District) => "tên huyện",
        (Lang::Vi, Heading::Installed) => "số đã cài",
        (Lang::Vi, Heading::Smartphones) => "số smartphone",
        (Lang::Vi, Heading::Rate) => "tỷ lệ",
        (Lang::Vi, Heading::Notes) => "ghi chú",
        (Lang::En, Heading::District) => "district names",
        (Lang::En, Heading::Installed) => "installed counts",
        (Lang::En, Heading::Smartphones) => "smartphone counts",
        (Lang::En, Heading::Rate) => "rates",
        (Lang::En, Heading::Notes) => "notes",
    }
}

/// `--column KEY="heading"` for a column (letters, heading): its letters when another column
/// has the same heading.
fn pick(key: &str, column: &(String, String), same_heading: bool) -> String {
    if same_heading {
        format!("`--column {key}=\"{}\"`", column.0)
    } else {
        format!("`--column {key}=\"{}\"`", column.1)
    }
}

/// Of two columns read as one count, the one headed as a total ("Tổng", "Tổng số", "Total")
/// first, then the other: the other is the likelier to be the count no column reads as.
fn total_first<'a>(
    first: &'a (String, String),
    second: &'a (String, String),
) -> (&'a (String, String), &'a (String, String)) {
    let is_total = |c: &(String, String)| {
        let key = super::table::key(&c.1);
        key.split(' ').any(|w| w == "tong" || w == "total")
    };
    if is_total(second) && !is_total(first) {
        (second, first)
    } else {
        (first, second)
    }
}

const COLUMN_KEYS: &str = "`district`, `installed`, `smartphones`, `rate`, `commune`, `quarantine`, `testing`, `students`";

impl Message for ColumnOption {
    fn vi(&self) -> Said {
        use ColumnOption::*;
        let form =
            "viết `--column KHÓA=\"tên cột\"`, ví dụ `--column installed=\"Số máy cài đặt\"`";
        match self {
            NoEquals { given } => Said::new(format!("tùy chọn `--column {given}` thiếu dấu `=`")).hint(form),
            UnknownKey { key, close } => Said::new(format!(
                "`--column {key}=...`: không có cột `{key}`{}",
                close.map(|c| format!(" (có phải `{c}`?)")).unwrap_or_default()
            ))
            .hint(format!("các khóa dùng được: {COLUMN_KEYS}")),
            EmptyHeading { key } => Said::new(format!("`--column {key}=` chưa ghi tên cột"))
                .hint(form),
            Twice { key } => Said::new(format!("tùy chọn `--column {key}=...` được ghi hai lần"))
                .hint("giữ lại một lần"),
            NotInHeader {
                key,
                name,
                line,
                headings,
                close,
            } => Said::new(format!(
                "`--column {key}=\"{name}\"`: không có cột nào tên như vậy; dòng tiêu đề (dòng {line}) có {}",
                name_list(headings.iter().map(String::as_str))
            ))
            .hint(match close.first() {
                Some(c) => format!(
                    "có phải `--column {key}=\"{c}\"`? ghi tên cột đúng như trong tệp (không cần phân biệt chữ hoa, dấu)"
                ),
                None => "ghi tên cột đúng như trong tệp (không cần phân biệt chữ hoa, dấu)".to_string(),
            }),
            Ambiguous {
                key,
                name,
                line,
                columns,
            } => {
                let same = columns.windows(2).all(|w| super::table::key(&w[0].1) == super::table::key(&w[1].1));
                Said::new(format!(
                    "`--column {key}=\"{name}\"`: dòng tiêu đề (dòng {line}) có {} cột hợp với tên này: {}; không biết đọc cột nào",
                    columns.len(),
                    columns
                        .iter()
                        .map(|(l, h)| format!("cột {l} `{h}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
                .hint(format!(
                    "chỉ rõ một cột, ví dụ {}, hoặc đổi tên một cột cho khác nhau",
                    columns.last().map(|c| pick(key, c, same)).unwrap_or_default()
                ))
            }
            SameColumn {
                first,
                second,
                column,
            } => Said::new(format!(
                "`--column {first}` và `--column {second}` cùng chỉ cột {} `{}`",
                column.0, column.1
            ))
            .hint(format!(
                "mỗi khóa cần một cột riêng: sửa một trong hai tùy chọn cho đúng cột của nó (ví dụ `--column {second}=\"...\"` với tên cột khác)"
            )),
            ExtraTaken { key, lost, column } => Said::new(format!(
                "`--column {}=\"{}\"`: cột {} `{}` là cột {} duy nhất của bảng; đọc nó là {} thì không còn cột nào cho {}",
                key.field(),
                column.1,
                column.0,
                column.1,
                lost.vi(),
                key.vi(),
                lost.vi()
            ))
            .hint(format!(
                "kiểm tra lại tên cột trong `--column {}`; nếu muốn đọc cột này như vậy thì ghi cả hai, ví dụ `--column {}=\"{}\" --column {}=\"...\"`",
                key.field(),
                key.field(),
                column.1,
                lost.field()
            )),
            Taken { key, lost, column } => Said::new(format!(
                "`--column {key}=\"{}\"`: cột {} `{}` là cột {} duy nhất của bảng; đọc nó là {} thì không còn cột nào cho {}",
                column.1,
                column.0,
                column.1,
                holds(Lang::Vi, *lost),
                holds(Lang::Vi, heading_of(key)),
                holds(Lang::Vi, *lost)
            ))
            .hint(format!(
                "kiểm tra lại tên cột trong `--column {key}`; nếu hai cột bị đổi chỗ thì ghi cả hai, ví dụ `--column {key}=\"{}\" --column {}=\"...\"`",
                column.1,
                super::columns::key_of(*lost)
            )),
        }
    }

    fn en(&self) -> Said {
        use ColumnOption::*;
        let form = "write `--column KEY=\"heading\"`, e.g. `--column installed=\"Số máy cài đặt\"`";
        match self {
            NoEquals { given } => Said::new(format!("the option `--column {given}` has no `=`")).hint(form),
            UnknownKey { key, close } => Said::new(format!(
                "`--column {key}=...`: there is no column `{key}`{}",
                close.map(|c| format!(" (did you mean `{c}`?)")).unwrap_or_default()
            ))
            .hint(format!("the keys are {COLUMN_KEYS}")),
            EmptyHeading { key } => Said::new(format!("`--column {key}=` names no heading"))
                .hint(form),
            Twice { key } => Said::new(format!("the option `--column {key}=...` is given twice"))
                .hint("give it once"),
            NotInHeader {
                key,
                name,
                line,
                headings,
                close,
            } => Said::new(format!(
                "`--column {key}=\"{name}\"`: no column has that heading; the header row (row {line}) has {}",
                name_list(headings.iter().map(String::as_str))
            ))
            .hint(match close.first() {
                Some(c) => format!(
                    "did you mean `--column {key}=\"{c}\"`? write the heading as the file writes it (case and diacritics may differ)"
                ),
                None => "write the heading as the file writes it (case and diacritics may differ)".to_string(),
            }),
            Ambiguous {
                key,
                name,
                line,
                columns,
            } => {
                let same = columns.windows(2).all(|w| super::table::key(&w[0].1) == super::table::key(&w[1].1));
                Said::new(format!(
                    "`--column {key}=\"{name}\"`: {} columns of the header row (row {line}) fit that name: {}; which one to read is not clear",
                    columns.len(),
                    columns
                        .iter()
                        .map(|(l, h)| format!("column {l} `{h}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
                .hint(format!(
                    "name one column, e.g. {}, or give the columns different headings",
                    columns.last().map(|c| pick(key, c, same)).unwrap_or_default()
                ))
            }
            SameColumn {
                first,
                second,
                column,
            } => Said::new(format!(
                "`--column {first}` and `--column {second}` both name column {} `{}`",
                column.0, column.1
            ))
            .hint(format!(
                "each key needs its own column: correct one of the two options (e.g. `--column {second}=\"...\"` with another heading)"
            )),
            ExtraTaken { key, lost, column } => Said::new(format!(
                "`--column {}=\"{}\"`: column {} `{}` is the table's only column of {}; read as {}, it leaves no column for {}",
                key.field(),
                column.1,
                column.0,
                column.1,
                lost.en(),
                key.en(),
                lost.en()
            ))
            .hint(format!(
                "check the heading given to `--column {}`; if the column is meant so, name both, e.g. `--column {}=\"{}\" --column {}=\"...\"`",
                key.field(),
                key.field(),
                column.1,
                lost.field()
            )),
            Taken { key, lost, column } => Said::new(format!(
                "`--column {key}=\"{}\"`: column {} `{}` is the table's only column of {}; read as {}, it leaves no column for the {}",
                column.1,
                column.0,
                column.1,
                holds(Lang::En, *lost),
                holds(Lang::En, heading_of(key)),
                holds(Lang::En, *lost)
            ))
            .hint(format!(
                "check the heading given to `--column {key}`; if two columns are swapped, name both, e.g. `--column {key}=\"{}\" --column {}=\"...\"`",
                column.1,
                super::columns::key_of(*lost)
            )),
        }
    }
}

/// What is wrong with the date of a table's figures (its title, or `--as-of`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DateProblem {
    /// A title's date without a year, and no year anywhere else.
    NoYear {
        line: usize,
        text: String,
        day: u32,
        month: u32,
    },
    /// A title's date that is no day of the calendar (`31/9/2020`).
    NotADate {
        line: usize,
        text: String,
        written: String,
    },
    /// `--as-of` that is not a date written `YYYY-MM-DD`.
    AsOf { given: String },
    /// A cell of the date column (`Số liệu đến ngày`) that is not a date.
    ColumnNotADate {
        line: usize,
        heading: String,
        cell: String,
    },
    /// Two rows of the date column that give different dates: the table's figures have one.
    ColumnDatesDiffer {
        heading: String,
        line: usize,
        date: String,
        first_line: usize,
        first: String,
    },
}

impl Message for DateProblem {
    fn vi(&self) -> Said {
        use DateProblem::*;
        match self {
            NoYear {
                line,
                text,
                day,
                month,
            } => Said::new(format!(
                "dòng {line} (\"{text}\") ghi ngày {day}/{month} nhưng không ghi năm, và tệp không ghi năm ở chỗ nào khác"
            ))
            .hint(format!(
                "chương trình không đoán năm: ghi ngày của số liệu bằng tùy chọn `--as-of`, ví dụ `--as-of 2020-{month:02}-{day:02}`, hoặc thêm năm vào dòng tiêu đề"
            )),
            NotADate {
                line,
                text,
                written,
            } => Said::new(format!(
                "dòng {line} (\"{text}\") ghi ngày {written}, không có ngày này trong lịch"
            ))
            .hint("sửa ngày trong dòng tiêu đề, hoặc ghi ngày của số liệu bằng `--as-of`, ví dụ `--as-of 2020-08-31`"),
            AsOf { given } => Said::new(format!("`--as-of {given}` không phải là ngày"))
                .hint("ghi ngày-tháng-năm, ví dụ `--as-of 31/8/2020`, hoặc năm-tháng-ngày, ví dụ `--as-of 2020-08-31`"),
            ColumnNotADate {
                line,
                heading,
                cell,
            } => Said::new(format!(
                "dòng {line}, cột \"{heading}\": \"{cell}\" không phải là ngày"
            ))
            .hint("ghi ngày của số liệu như 31/8/2020 hoặc 2020-08-31 (cùng một ngày ở mọi dòng), hoặc để trống cả cột và ghi ngày bằng `--as-of 2020-08-31`"),
            ColumnDatesDiffer {
                heading,
                line,
                date,
                first_line,
                first,
            } => Said::new(format!(
                "cột \"{heading}\" ghi hai ngày khác nhau: {first} ở dòng {first_line}, {date} ở dòng {line}; số liệu của một bảng là của một ngày"
            ))
            .hint("sửa cho mọi dòng cùng một ngày, hoặc tách bảng theo ngày; hoặc ghi ngày của số liệu bằng `--as-of`, ví dụ `--as-of 2020-08-31`"),
        }
    }

    fn en(&self) -> Said {
        use DateProblem::*;
        match self {
            NoYear {
                line,
                text,
                day,
                month,
            } => Said::new(format!(
                "row {line} (\"{text}\") gives the day {day}/{month} without a year, and the file gives no year anywhere else"
            ))
            .hint(format!(
                "the year is not guessed: give the figures' date with `--as-of`, e.g. `--as-of 2020-{month:02}-{day:02}`, or add the year to the title"
            )),
            NotADate {
                line,
                text,
                written,
            } => Said::new(format!(
                "row {line} (\"{text}\") gives the date {written}, which is no day of the calendar"
            ))
            .hint("correct the date in the title, or give the figures' date with `--as-of`, e.g. `--as-of 2020-08-31`"),
            AsOf { given } => Said::new(format!("`--as-of {given}` is not a date"))
                .hint("write it day/month/year, e.g. `--as-of 31/8/2020`, or year-month-day, e.g. `--as-of 2020-08-31`"),
            ColumnNotADate {
                line,
                heading,
                cell,
            } => Said::new(format!(
                "row {line}, column \"{heading}\": \"{cell}\" is not a date"
            ))
            .hint("write the figures' date as 31/8/2020 or 2020-08-31 (the same date on every row), or leave the column empty and give the date with `--as-of 2020-08-31`"),
            ColumnDatesDiffer {
                heading,
                line,
                date,
                first_line,
                first,
            } => Said::new(format!(
                "the column \"{heading}\" gives two dates: {first} on row {first_line}, {date} on row {line}; a table's figures are of one day"
            ))
            .hint("give every row the same date, or split the table by date; or give the figures' date with `--as-of`, e.g. `--as-of 2020-08-31`"),
        }
    }
}

/// A heading as a message in `lang` names it (a table may write it in many ways,
/// [`super::table::heading`]).
fn heading(lang: Lang, h: Heading) -> &'static str {
    match (lang, h) {
        (Lang::Vi, Heading::District) => "Huyện",
        (Lang::Vi, Heading::Installed) => "Đã cài Bluezone",
        (Lang::Vi, Heading::Smartphones) => "Tổng smartphone",
        (Lang::En, Heading::District) => "District",
        (Lang::En, Heading::Installed) => "Installed",
        (Lang::En, Heading::Smartphones) => "Smartphones",
        (Lang::Vi, Heading::Rate) => "Tỷ lệ",
        (Lang::En, Heading::Rate) => "Rate",
        (Lang::Vi, Heading::Notes) => "Ghi chú",
        (Lang::En, Heading::Notes) => "Notes",
    }
}

impl Message for TableProblem {
    fn vi(&self) -> Said {
        use TableProblem::*;
        let v = |x: i128| big(Lang::Vi, x);
        match self {
            Empty => Said::new("tệp số liệu đang trống").hint(
                "tệp cần một dòng tiêu đề với các cột `Huyện`, `Đã cài Bluezone`, `Tổng smartphone` và một dòng cho mỗi huyện bên dưới; kiểm tra tệp đã được lưu xong và đúng là tệp cần đọc",
            ),
            NoDistricts => Said::new("tệp số liệu không có dòng huyện nào")
                .hint("thêm một dòng cho mỗi huyện dưới dòng tiêu đề"),
            OnlyNumbering { line, cells } => Said::new(format!(
                "dòng {line} (`{cells}`) được coi là dòng đánh số cột hoặc ghi đơn vị tính nên bị bỏ qua, và bên dưới không còn dòng huyện nào"
            ))
            .hint(format!(
                "nếu dòng {line} là một huyện, ghi đủ tên huyện{} để dòng không giống dòng đánh số cột; nếu không, thêm một dòng cho mỗi huyện bên dưới",
                numbering_name(cells)
                    .map(|n| format!(" (ví dụ `Huyện {n}` thay vì `{n}`)"))
                    .unwrap_or_default()
            )),
            MissingColumns {
                line,
                found,
                more,
                missing,
            } => Said::new(format!(
                "không tìm thấy dòng tiêu đề đủ cột: dòng {line} có {}{}; thiếu {}",
                name_list(found.iter().map(String::as_str)),
                if *more > 0 {
                    format!(" (và {} ô khác)", big(Lang::Vi, *more as i128))
                } else {
                    String::new()
                },
                missing
                    .iter()
                    .map(|m| m.said(Lang::Vi))
                    .collect::<Vec<_>>()
                    .join("; ")
            ))
            .hint(format!(
                "dòng tiêu đề (một dòng, hoặc hai dòng khi tiêu đề chia làm hai) cần các cột `Huyện`, `Đã cài Bluezone`, `Tổng smartphone` (cột `Tỷ lệ` có thể có hoặc không); đổi tên cột cho giống một tiêu đề ở trên, hoặc chỉ cột bằng tùy chọn {} (tên cột viết như trong tệp)",
                column_example(missing)
            )),
            HeadingTwice {
                line,
                heading,
                first,
                second,
                missing: Some(missing),
            } => {
                let (total, other) = total_first(first, second);
                let key = super::columns::key_of(*missing);
                Said::new(format!(
                    "dòng tiêu đề (dòng {line}): hai cột đều được đọc là {}: cột {} `{}` và cột {} `{}`, và không cột nào được đọc là {}",
                    holds(Lang::Vi, *heading),
                    first.0,
                    first.1,
                    second.0,
                    second.1,
                    holds(Lang::Vi, *missing)
                ))
                .hint(format!(
                    "có lẽ một trong hai cột là {}: nếu là cột {} thì chỉ nó bằng tùy chọn {} (cột {} `{}` vẫn là {}); nếu là cột kia thì ghi {}",
                    holds(Lang::Vi, *missing),
                    other.0,
                    pick(key, other, false),
                    total.0,
                    total.1,
                    holds(Lang::Vi, *heading),
                    pick(key, total, false)
                ))
            }
            HeadingTwice {
                line,
                heading,
                first,
                second,
                missing: None,
            } => {
                let key = super::columns::key_of(*heading);
                let same = super::table::key(&first.1) == super::table::key(&second.1);
                Said::new(format!(
                    "dòng tiêu đề (dòng {line}): hai cột đều được đọc là {}: cột {} `{}` và cột {} `{}`",
                    holds(Lang::Vi, *heading),
                    first.0,
                    first.1,
                    second.0,
                    second.1
                ))
                .hint(format!(
                    "chọn cột cần đọc bằng tùy chọn {} (hoặc {}), hoặc xóa cột thừa",
                    pick(key, second, same),
                    pick(key, first, same)
                ))
            }
            ExtraTwice { line, extra, first, second } => {
                let same = super::table::key(&first.1) == super::table::key(&second.1);
                Said::new(format!(
                    "dòng tiêu đề (dòng {line}): hai cột đều được đọc là {}, với số liệu khác nhau: cột {} `{}` và cột {} `{}`",
                    extra.vi(),
                    first.0,
                    first.1,
                    second.0,
                    second.1
                ))
                .hint(format!(
                    "chọn cột cần đọc bằng tùy chọn {} (hoặc {}), hoặc xóa cột thừa",
                    pick(extra.field(), second, same),
                    pick(extra.field(), first, same)
                ))
            }
            SecondHeader { line, header } => Said::new(format!(
                "dòng {line} nằm ngay dưới dòng tiêu đề (dòng {header}) và giống một dòng tiêu đề thứ hai, nhưng hai dòng ghép lại không đủ các cột cần đọc"
            ))
            .hint("nếu đây là tiêu đề phụ thì chỉ cột bằng tùy chọn `--column` (ví dụ `--column installed=\"Số máy\"`); nếu không cần thì xóa dòng này"),
            AfterEnd { row, end } => Said::new(format!(
                "{} có số liệu nhưng nằm dưới phần ghi chú cuối bảng (từ dòng {end})",
                row.said(Lang::Vi)
            ))
            .hint("bảng kết thúc ở dòng trống trước phần ghi chú: chuyển dòng này lên trong bảng, hoặc xóa dòng trống nếu phần dưới vẫn là bảng"),
            HeaderAgain { line, header } => Said::new(format!(
                "dòng {line} lặp lại dòng tiêu đề (dòng {header}), như khi hai bảng được dán nối nhau"
            ))
            .hint("xóa dòng này: mỗi bảng chỉ có một dòng tiêu đề, ở trên cùng"),
            Subtotal { line, name } => Said::new(format!(
                "dòng {line} có vẻ là dòng cộng một nhóm ({name}), không phải một huyện hay dòng tổng cuối bảng"
            ))
            .hint("xóa các dòng cộng nhóm: chỉ giữ các huyện và một dòng tổng ở cuối bảng"),
            NumberName { line, name } => Said::new(format!(
                "dòng {line}: tên huyện `{name}` chỉ là một con số: đây là dòng đánh số cột hay ô STT?"
            ))
            .hint("xóa dòng này nếu là dòng số thứ tự các cột, hoặc ghi tên huyện vào ô tên"),
            BelowTotal { row } => {
                Said::new(format!("{} nằm dưới dòng tổng", row.said(Lang::Vi)))
                    .hint("đặt dòng tổng ở cuối bảng")
            }
            TotalDisagrees {
                line,
                installed,
                smartphones,
                sum_installed,
                sum_smartphones,
            } => Said::new(format!(
                "{} ghi {} đã cài / {} smartphone, nhưng cộng các huyện được {} / {}",
                match line {
                    Some(line) => format!("dòng {line} (dòng tổng)"),
                    None => "dòng tổng".to_string(),
                },
                v(*installed),
                v(*smartphones),
                v(*sum_installed),
                v(*sum_smartphones)
            ))
            .hint("sửa dòng tổng, hoặc tìm huyện bị ghi sai hay bị thiếu"),
            UnclosedQuote { line } => Said::new(format!(
                "dòng {line}: một ô mở dấu ngoặc kép (\") mà không đóng"
            ))
            .hint("thêm dấu \" ở cuối ô đó, hoặc xóa dấu \" ở đầu ô"),
            // (the CSV reader's words are English: not shown here)
            Csv { .. } => Said::new("không đọc được tệp CSV ở dòng này")
                .hint("mở tệp bằng Excel rồi chọn Lưu thành (Save As) > \"CSV UTF-8\""),
        }
    }

    fn en(&self) -> Said {
        use TableProblem::*;
        let v = |x: i128| big(Lang::En, x);
        match self {
            Empty => Said::new("the coverage file is empty").hint(
                "the file needs a header row with the columns `District`, `Installed`, `Smartphones` and one row per district below it; check that the file was saved completely and is the one you meant",
            ),
            NoDistricts => Said::new("the coverage file has no district rows")
                .hint("add one row per district below the header"),
            OnlyNumbering { line, cells } => Said::new(format!(
                "row {line} (`{cells}`) was taken for a row numbering the columns or giving their units, and skipped; no district row follows it"
            ))
            .hint(format!(
                "if row {line} is a district, write its full name{} so that it does not read as column numbers; otherwise add one row per district below it",
                numbering_name(cells)
                    .map(|n| format!(" (e.g. `Huyện {n}` rather than `{n}`)"))
                    .unwrap_or_default()
            )),
            MissingColumns {
                line,
                found,
                more,
                missing,
            } => Said::new(format!(
                "no header row with the needed columns: row {line} has {}{}; missing {}",
                name_list(found.iter().map(String::as_str)),
                match more {
                    0 => String::new(),
                    1 => " (and 1 more cell)".to_string(),
                    n => format!(" (and {} more cells)", big(Lang::En, *n as i128)),
                },
                missing
                    .iter()
                    .map(|m| m.said(Lang::En))
                    .collect::<Vec<_>>()
                    .join("; ")
            ))
            .hint(format!(
                "the header row (one row, or two when a heading is split over two) needs the columns `District`, `Installed`, `Smartphones` (a `Rate` column is optional); rename the column like one of the headings above, or name it with {} (the heading as the file writes it)",
                column_example(missing)
            )),
            HeadingTwice {
                line,
                heading,
                first,
                second,
                missing: Some(missing),
            } => {
                let (total, other) = total_first(first, second);
                let key = super::columns::key_of(*missing);
                Said::new(format!(
                    "the header row (row {line}): two columns both read as {}: column {} `{}` and column {} `{}`, and no column reads as {}",
                    holds(Lang::En, *heading),
                    first.0,
                    first.1,
                    second.0,
                    second.1,
                    holds(Lang::En, *missing)
                ))
                .hint(format!(
                    "one of the two is probably {}: if it is column {}, name it with {} (column {} `{}` stays {}); if it is the other, write {}",
                    holds(Lang::En, *missing),
                    other.0,
                    pick(key, other, false),
                    total.0,
                    total.1,
                    holds(Lang::En, *heading),
                    pick(key, total, false)
                ))
            }
            HeadingTwice {
                line,
                heading,
                first,
                second,
                missing: None,
            } => {
                let key = super::columns::key_of(*heading);
                let same = super::table::key(&first.1) == super::table::key(&second.1);
                Said::new(format!(
                    "the header row (row {line}): two columns both read as {}: column {} `{}` and column {} `{}`",
                    holds(Lang::En, *heading),
                    first.0,
                    first.1,
                    second.0,
                    second.1
                ))
                .hint(format!(
                    "choose the column to read with {} (or {}), or delete the one not wanted",
                    pick(key, second, same),
                    pick(key, first, same)
                ))
            }
            ExtraTwice { line, extra, first, second } => {
                let same = super::table::key(&first.1) == super::table::key(&second.1);
                Said::new(format!(
                    "the header row (row {line}): two columns both read as {}, with different counts: column {} `{}` and column {} `{}`",
                    extra.en(),
                    first.0,
                    first.1,
                    second.0,
                    second.1
                ))
                .hint(format!(
                    "choose the column to read with {} (or {}), or delete the one not wanted",
                    pick(extra.field(), second, same),
                    pick(extra.field(), first, same)
                ))
            }
            SecondHeader { line, header } => Said::new(format!(
                "row {line}, right under the header row (row {header}), looks like a second header row, but the two rows together do not name the columns needed"
            ))
            .hint("if it holds sub-headings, name the columns with `--column` (e.g. `--column installed=\"Số máy\"`); if it is not needed, delete it"),
            AfterEnd { row, end } => Said::new(format!(
                "{} has figures but comes below the notes that end the table (from row {end})",
                row.said(Lang::En)
            ))
            .hint("the table ends at the blank row before the notes: move this row up into the table, or delete the blank row if what follows is still the table"),
            HeaderAgain { line, header } => Said::new(format!(
                "row {line} repeats the header row (row {header}), as when two tables are pasted one under the other"
            ))
            .hint("delete this row: a table has one header row, at its top"),
            Subtotal { line, name } => Said::new(format!(
                "row {line} looks like a subtotal of a group ({name}), not a district nor the total at the end of the table"
            ))
            .hint("delete subtotal rows: keep only the districts and one total row at the end"),
            NumberName { line, name } => Said::new(format!(
                "row {line}: the district name `{name}` is only a number: is this a row of column numbers or an STT cell?"
            ))
            .hint("delete the row if it numbers the columns, or write the district's name in its name cell"),
            BelowTotal { row } => {
                Said::new(format!("{} comes after the total row", row.said(Lang::En)))
                    .hint("put the total row at the end of the table")
            }
            TotalDisagrees {
                line,
                installed,
                smartphones,
                sum_installed,
                sum_smartphones,
            } => Said::new(format!(
                "{} says {} installed / {} smartphones, but the districts add up to {} / {}",
                match line {
                    Some(line) => format!("row {line} (the total)"),
                    None => "the total row".to_string(),
                },
                v(*installed),
                v(*smartphones),
                v(*sum_installed),
                v(*sum_smartphones)
            ))
            .hint("correct the total, or find the district that is wrong or missing"),
            UnclosedQuote { line } => Said::new(format!(
                "row {line}: a cell opens a double quote (\") that is never closed"
            ))
            .hint("add a \" at the end of that cell, or delete the \" at its start"),
            Csv { error } => Said::new(format!("cannot read the CSV file here ({error})"))
                .hint("open it in Excel and choose Save As > \"CSV UTF-8\""),
        }
    }
}

/// What is wrong with a table file before its rows are read: what it was saved as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TableFileProblem {
    /// An old `.xls` workbook or an `.ods` sheet.
    Refused,
    /// Named `.xlsx` but not a zip archive.
    NotAWorkbook,
    /// A workbook (a zip archive) named as a CSV file.
    WorkbookNamedCsv,
    /// An OLE (CFB) container, `D0 CF 11 E0 A1 B1 1A E1`: what Excel writes for a
    /// password-protected workbook, and what an old `.xls` file is (named `.xlsx` or `.csv`).
    Encrypted,
    /// Another of the tool's files (`kind`: a scenario, a rule file, a JSON plan; `path` as
    /// given) where a table is expected, named by `entry`.
    NotATable {
        path: String,
        entry: TableEntry,
        kind: super::file::NotTable,
    },
    /// Named `.xlsx`, but CSV text (its first line split by `delimiter`).
    CsvNamedXlsx { delimiter: char },
    /// A part of the workbook (its list of sheets, its shared strings, its styles) is not XML
    /// as Excel writes it; `part` the part, when known.
    PartNotXml { part: Option<String> },
    /// A part the workbook needs is not in the archive.
    PartMissing { part: String },
    /// The workbook lists the sheet `sheet`, but its part is not in the archive (or its
    /// relationship points outside the archive).
    SheetMissing { sheet: String },
    /// The workbook lists two sheets of one name (`sheet`, case aside), numbered `first` and
    /// `second` from 1: Excel gives each sheet its own name, so another program wrote or
    /// edited the file, and which of the two is read depends on the program (trial 13f J8).
    SheetNameTwice {
        sheet: String,
        first: usize,
        second: usize,
    },
    /// The zip archive holds two parts of one name `part` (case aside): which copy a program
    /// shows depends on the program (trial 13f J9).
    PartTwice { part: Option<String> },
    /// The sheet `sheet` cannot be read to its end (its XML is damaged).
    SheetDamaged { sheet: String },
    /// The sheet `sheet` writes the cell `cell` twice (a row written twice): Excel writes each
    /// cell once.
    CellTwice { sheet: String, cell: String },
    /// The sheet `sheet` names a cell `cell` (as written, cut short) that is no cell: `A0`,
    /// `1A`, an empty reference.
    BadCell { sheet: String, cell: String },
    /// The sheet `sheet` numbers a row `row` (as written, cut short), which is no row number.
    BadRow { sheet: String, row: String },
    /// A shared-string cell (`cell`, when it says) whose index `index` is not a number.
    SharedIndex {
        sheet: String,
        cell: Option<String>,
        index: String,
    },
    /// The shared strings part `part` says it holds `declared` strings (its `uniqueCount`),
    /// more than the `found` it holds: calamine would reserve room for them all.
    SharedCount {
        part: String,
        declared: u128,
        found: usize,
    },
    /// A shared-string cell (`cell`, when it says) taking string `index` of `count`.
    SharedMissing {
        sheet: String,
        cell: Option<String>,
        index: usize,
        count: usize,
    },
    /// The zip archive cannot be read (cut short, or not a zip after its first bytes); `part`
    /// is the part inside it that could not be unzipped, when one could not.
    WorkbookDamaged { part: Option<String> },
    /// The sheet `sheet` names the range `range` (as written, cut short), which ends before it
    /// starts (`B2:A1`): calamine would compute its size with an overflow.
    RangeBackwards { sheet: String, range: String },
    /// A scenario's coverage workbook or `[[history]]` snapshot hides rows below its header
    /// that hold something (each row's number and its first text, as the row shows it): a
    /// scenario reads every district of the province, so it refuses them rather than plan a
    /// smaller province without a word (trial 13e H3, H19).
    HiddenRows {
        sheet: String,
        rows: Vec<(usize, String)>,
    },
}

/// The rows a sheet hides, as messages list them: `12 ("Huyện Cao Lộc"), 21 ("Tổng")`.
fn hidden_row_list(rows: &[(usize, String)]) -> String {
    rows.iter()
        .take(crate::limits::LISTED_SHEETS)
        .map(|(line, text)| {
            if text.is_empty() {
                line.to_string()
            } else {
                format!("{line} (\"{text}\")")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
        + if rows.len() > crate::limits::LISTED_SHEETS {
            ", …"
        } else {
            ""
        }
}

/// A whole number as messages print it (151.916), exactly even past what a float holds.
#[allow(clippy::cast_precision_loss)]
fn whole(n: usize, lang: Lang) -> String {
    if n < 1 << 53 {
        count(lang, n as f64)
    } else {
        n.to_string()
    }
}

/// [`whole`] of a number that may pass 64 bits.
fn exact(n: u128, lang: Lang) -> String {
    usize::try_from(n).map_or_else(|_| n.to_string(), |n| whole(n, lang))
}

/// What names the table a scenario file was given for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TableEntry {
    /// `campaign import FILE`.
    Import,
    /// A scenario's `coverage = "..."`.
    Coverage,
    /// A scenario's `[[history]]` `file = "..."`.
    History,
}

/// A CSV delimiter as a message names it: `;`, `,`, a tab.
fn delimiter_said(delimiter: char, lang: Lang) -> String {
    match (delimiter, lang) {
        ('\t', Lang::Vi) => "dấu tab".to_string(),
        ('\t', Lang::En) => "tabs".to_string(),
        (c, _) => format!("`{c}`"),
    }
}

/// What is said of another of the tool's files (`kind`) named where a table goes (`entry`):
/// what it is, and what `entry` wants instead.
fn not_a_table(path: &str, entry: TableEntry, kind: super::file::NotTable, lang: Lang) -> Said {
    use super::file::NotTable;
    let extension = std::path::Path::new(path)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let own = match kind {
        NotTable::Scenario => "toml",
        NotTable::Rules => "rhai",
        NotTable::Json => "json",
    };
    // a file named for another format: what it holds, though its name says otherwise
    let renamed = extension != own;
    let what = match (kind, lang, renamed) {
        (NotTable::Scenario, Lang::Vi, false) => "tệp kịch bản (.toml)".to_string(),
        (NotTable::Scenario, Lang::En, false) => "a scenario file (.toml)".to_string(),
        (NotTable::Scenario, Lang::Vi, true) => {
            "tệp kịch bản (văn bản TOML như các tệp .toml)".to_string()
        }
        (NotTable::Scenario, Lang::En, true) => {
            "a scenario (TOML text, as in .toml files)".to_string()
        }
        (NotTable::Rules, Lang::Vi, _) => "tệp quy tắc (mã .rhai)".to_string(),
        (NotTable::Rules, Lang::En, _) => "a rule file (.rhai code)".to_string(),
        (NotTable::Json, Lang::Vi, _) => {
            "tệp JSON (như kế hoạch do `campaign plan --format json` viết ra)".to_string()
        }
        (NotTable::Json, Lang::En, _) => {
            "a JSON file (as `campaign plan --format json` writes a plan)".to_string()
        }
    };
    let though = match (renamed && !extension.is_empty(), lang) {
        (true, Lang::Vi) => format!(", dù tên tệp có đuôi .{extension}"),
        (true, Lang::En) => format!(", though its name ends in .{extension}"),
        (false, _) => String::new(),
    };
    let problem = match (entry, lang) {
        (TableEntry::Import, Lang::Vi) => {
            format!("tệp này là {what}, không phải bảng số liệu{though}")
        }
        (TableEntry::Import, Lang::En) => format!("this is {what}, not a table of figures{though}"),
        (_, Lang::Vi) => format!("{path} là {what}, không phải bảng số liệu{though}"),
        (_, Lang::En) => format!("{path} is {what}, not a table of figures{though}"),
    };
    let wanted = match (entry, lang) {
        (TableEntry::Import, Lang::Vi) => {
            "`campaign import` đọc một bảng số liệu (.csv hoặc .xlsx), mỗi huyện một dòng, với các cột tên huyện, số đã cài và số smartphone, để viết ra kịch bản"
        }
        (TableEntry::Import, Lang::En) => {
            "`campaign import` reads a table of figures (.csv or .xlsx), one row per district with its name, installs and smartphones, and writes a scenario from it"
        }
        (TableEntry::Coverage, Lang::Vi) => {
            "dòng `coverage = \"...\"` ghi một bảng số liệu (.csv hoặc .xlsx), mỗi huyện một dòng, với các cột tên huyện, số đã cài và số smartphone"
        }
        (TableEntry::Coverage, Lang::En) => {
            "a `coverage = \"...\"` line names a table of figures (.csv or .xlsx), one row per district with its name, installs and smartphones"
        }
        (TableEntry::History, Lang::Vi) => {
            "`file` của `[[history]]` ghi bảng số liệu (.csv hoặc .xlsx) của một ngày trước, cùng các huyện, ví dụ `file = \"coverage-2020-08-18.csv\"`"
        }
        (TableEntry::History, Lang::En) => {
            "a `[[history]]` entry's `file` names a table of figures (.csv or .xlsx) of an earlier day, for the same districts, e.g. `file = \"coverage-2020-08-18.csv\"`"
        }
    };
    let toml = std::path::Path::new(path)
        .with_extension("toml")
        .display()
        .to_string();
    let instead = match (kind, entry, lang) {
        (NotTable::Scenario, TableEntry::Import, Lang::Vi) if renamed => format!("; đây là một kịch bản: đổi tên tệp thành {toml} rồi dùng `campaign plan {toml}`"),
        (NotTable::Scenario, TableEntry::Import, Lang::En) if renamed => format!("; this is a scenario: rename it to {toml} and run `campaign plan {toml}`"),
        (NotTable::Scenario, TableEntry::Import, Lang::Vi) => format!("; muốn lập kế hoạch từ kịch bản này thì dùng `campaign plan {path}`"),
        (NotTable::Scenario, TableEntry::Import, Lang::En) => format!("; to plan this scenario, run `campaign plan {path}`"),
        (NotTable::Scenario, TableEntry::Coverage, Lang::Vi) => "; kịch bản để kế thừa thì ghi ở dòng `base = \"...\"`".to_string(),
        (NotTable::Scenario, TableEntry::Coverage, Lang::En) => "; a scenario to build on goes in a `base = \"...\"` line".to_string(),
        (NotTable::Scenario, TableEntry::History, _) => String::new(),
        (NotTable::Rules, _, Lang::Vi) => "; tệp quy tắc ghi trong danh sách `rules = [...]` của kịch bản".to_string(),
        (NotTable::Rules, _, Lang::En) => "; a rule file goes in the scenario's `rules = [...]` list".to_string(),
        (NotTable::Json, _, Lang::Vi) => "; một kế hoạch JSON là kết quả của `campaign plan`, không phải số liệu đầu vào: ghi bảng số liệu mà kế hoạch đó được lập từ".to_string(),
        (NotTable::Json, _, Lang::En) => "; a JSON plan is what `campaign plan` writes, not figures to read: name the table of figures that plan was made from".to_string(),
    };
    Said::new(problem).hint(format!("{wanted}{instead}"))
}

/// The hint for a workbook not written properly: (Vietnamese, English).
const RESAVE: (&str, &str) = (
    "mở tệp bằng Excel rồi lưu lại (Lưu thành > \"Excel Workbook (.xlsx)\"), hoặc xin lại tệp từ nơi gửi",
    "open it in Excel and save it again (Save As > \"Excel Workbook (.xlsx)\"), or ask the sender for the file again",
);

impl TableFileProblem {
    /// A cell as a message names it: `ô A5 của trang "S1"`, or the sheet alone.
    fn cell(sheet: &str, cell: Option<&String>, lang: Lang) -> String {
        match (cell, lang) {
            (Some(cell), Lang::Vi) => format!("ô {cell} của trang \"{sheet}\""),
            (Some(cell), Lang::En) => format!("cell {cell} of sheet \"{sheet}\""),
            (None, Lang::Vi) => format!("một ô của trang \"{sheet}\""),
            (None, Lang::En) => format!("a cell of sheet \"{sheet}\""),
        }
    }
}

impl Message for TableFileProblem {
    fn vi(&self) -> Said {
        use TableFileProblem::*;
        match self {
            Refused => Said::new("chỉ đọc được bảng tính .xlsx hoặc tệp CSV").hint(
                "trong Excel chọn Lưu thành (Save As) > \"Excel Workbook (.xlsx)\" hoặc \"CSV UTF-8\"",
            ),
            NotAWorkbook => Said::new("tệp này không phải bảng tính Excel (.xlsx)")
                .hint("nếu đây là bảng CSV (văn bản), đổi đuôi tên tệp thành .csv"),
            WorkbookNamedCsv => Said::new("tệp này là bảng tính Excel (.xlsx), không phải tệp CSV")
                .hint("đổi đuôi tên tệp thành .xlsx, hoặc trong Excel chọn Lưu thành (Save As) > \"CSV UTF-8\""),
            Encrypted => Said::new("tệp này là bảng tính có đặt mật khẩu, hoặc tệp .xls kiểu cũ (Excel 97-2003) đã đổi tên")
                .hint("mở tệp bằng Excel; nếu có mật khẩu thì gỡ đi (Tệp > Thông tin > Bảo vệ Sổ làm việc > Mã hóa bằng Mật khẩu, xóa mật khẩu); rồi chọn Lưu thành (Save As) > \"Excel Workbook (.xlsx)\""),
            NotATable { path, entry, kind } => not_a_table(path, *entry, *kind, Lang::Vi),
            CsvNamedXlsx { delimiter } => Said::new(format!(
                "tệp này không phải bảng tính Excel (.xlsx) mà là bảng CSV (văn bản, các cột ngăn bởi {})",
                delimiter_said(*delimiter, Lang::Vi)
            ))
            .hint("đổi đuôi tên tệp thành .csv (cùng tên, đuôi .csv) rồi dùng tên mới đó"),
            PartNotXml { part: Some(part) } => Said::new(format!("tệp Excel bị hỏng: phần {part} của nó không phải XML hợp lệ")).hint(RESAVE.0),
            PartNotXml { part: None } => Said::new("tệp Excel bị hỏng: một phần của nó không phải XML hợp lệ").hint(RESAVE.0),
            PartMissing { part } => Said::new(format!("tệp Excel bị hỏng hoặc không trọn vẹn: thiếu phần {part}")).hint(RESAVE.0),
            SheetNameTwice { sheet, first, second } => Said::new(format!(
                "tệp Excel bị hỏng: có hai trang cùng tên \"{sheet}\" (trang thứ {first} và trang thứ {second}); Excel đặt cho mỗi trang một tên riêng, nên tệp đã được một chương trình khác viết hoặc sửa, và mỗi chương trình có thể đọc một trang khác nhau"
            ))
            .hint("xin lại tệp từ nơi gửi, hoặc mở tệp bằng Excel, đổi tên một trong hai trang cho khác nhau rồi lưu lại; sau đó chỉ ra trang cần đọc bằng tên mới của nó"),
            PartTwice { part } => Said::new(format!(
                "tệp Excel bị hỏng: tệp nén chứa hai phần cùng tên{}; mỗi chương trình có thể đọc một bản khác nhau, nên số liệu thấy trong Excel có thể không phải số liệu được đọc",
                part.as_ref().map_or(String::new(), |p| format!(" {p}"))
            ))
            .hint(RESAVE.0),
            SheetMissing { sheet } => Said::new(format!("tệp Excel bị hỏng: có trang \"{sheet}\" trong danh sách trang nhưng không có nội dung của trang đó trong tệp")).hint(RESAVE.0),
            SheetDamaged { sheet } => Said::new(format!("tệp Excel bị hỏng: trang \"{sheet}\" không đọc được tới cuối (có nội dung không đúng như Excel viết)")).hint(RESAVE.0),
            CellTwice { sheet, cell } => Said::new(format!("tệp Excel bị hỏng: trang \"{sheet}\" ghi ô {cell} hai lần (Excel chỉ ghi mỗi ô một lần; giá trị sau sẽ xóa mất giá trị trước)")).hint(RESAVE.0),
            BadCell { sheet, cell } => Said::new(format!("trang \"{sheet}\" có một ô mang tên `{cell}`, không phải tên ô (các ô của Excel từ A1 tới XFD1048576): tệp bị hỏng")).hint(RESAVE.0),
            SharedCount { part, declared, found } => Said::new(format!(
                "tệp Excel bị hỏng: phần {part} ghi là có {} chuỗi dùng chung, nhưng chỉ có {}",
                exact(*declared, Lang::Vi),
                whole(*found, Lang::Vi)
            ))
            .hint(RESAVE.0),
            BadRow { sheet, row } => Said::new(format!("trang \"{sheet}\" có một dòng mang số `{row}`, không phải số dòng (các dòng của Excel từ 1 tới 1.048.576): tệp bị hỏng")).hint(RESAVE.0),
            SharedIndex { sheet, cell, index } => Said::new(format!(
                "{}: số thứ tự chuỗi dùng chung `{index}` không phải là số: tệp bị hỏng",
                Self::cell(sheet, cell.as_ref(), Lang::Vi)
            ))
            .hint(RESAVE.0),
            SharedMissing { sheet, cell, index, count } => Said::new(format!(
                "{} lấy chuỗi dùng chung số {}, nhưng tệp {}: tệp bị hỏng",
                Self::cell(sheet, cell.as_ref(), Lang::Vi),
                whole(*index, Lang::Vi),
                match count {
                    0 => "không có chuỗi dùng chung nào".to_string(),
                    n => format!("chỉ có {} chuỗi (đánh số từ 0)", whole(*n, Lang::Vi)),
                }
            ))
            .hint(RESAVE.0),
            WorkbookDamaged { part } => Said::new(match part {
                Some(part) => format!("tệp Excel bị hỏng hoặc không trọn vẹn: không giải nén được phần {part}"),
                None => "tệp Excel bị hỏng hoặc không trọn vẹn (tệp nén bị cắt ngắn?)".to_string(),
            })
            .hint("mở tệp bằng Excel rồi lưu lại, hoặc xin lại tệp từ nơi gửi (tệp có thể bị cắt khi tải về hay gửi qua thư)"),
            RangeBackwards { sheet, range } => Said::new(format!(
                "trang \"{sheet}\" ghi vùng ô `{range}`, nhưng ô cuối của vùng lại nằm trước ô đầu"
            ))
            .hint("tệp này không do Excel viết ra đúng cách: mở tệp bằng Excel rồi lưu lại, hoặc xin lại tệp từ nơi gửi"),
            HiddenRows { sheet, rows } => Said::new(format!(
                "trang \"{sheet}\" có dòng đang ẩn trong Excel: dòng {}; kịch bản đọc mọi huyện của tỉnh nên không bỏ qua dòng ẩn (bỏ qua thì tỉnh thiếu huyện mà không ai biết)",
                hidden_row_list(rows)
            ))
            .hint("mở tệp bằng Excel, bỏ ẩn các dòng đó (chọn các dòng quanh chỗ ẩn, bấm chuột phải, chọn Unhide) rồi lưu; nếu đó là số liệu cũ thì xóa hẳn các dòng đó"),
        }
    }

    fn en(&self) -> Said {
        use TableFileProblem::*;
        match self {
            Refused => Said::new("only .xlsx workbooks and CSV files can be read")
                .hint("in Excel choose Save As > \"Excel Workbook (.xlsx)\" or \"CSV UTF-8\""),
            NotAWorkbook => Said::new("this file is not an Excel workbook (.xlsx)")
                .hint("if it is a CSV table (text), rename it to .csv"),
            WorkbookNamedCsv => Said::new("this file is an Excel workbook (.xlsx), not a CSV file")
                .hint("rename it to .xlsx, or in Excel choose Save As > \"CSV UTF-8\""),
            Encrypted => Said::new("this file is a password-protected workbook, or an old .xls file (Excel 97-2003) renamed")
                .hint("open it in Excel; if it has a password, remove it (File > Info > Protect Workbook > Encrypt with Password, clear the password); then choose Save As > \"Excel Workbook (.xlsx)\""),
            NotATable { path, entry, kind } => not_a_table(path, *entry, *kind, Lang::En),
            CsvNamedXlsx { delimiter } => Said::new(format!(
                "this file is not an Excel workbook (.xlsx): it is a CSV table (text, its columns split by {})",
                delimiter_said(*delimiter, Lang::En)
            ))
            .hint("rename it to .csv (the same name, ending in .csv) and use that name"),
            PartNotXml { part: Some(part) } => Said::new(format!("the Excel file is damaged: its part {part} is not valid XML")).hint(RESAVE.1),
            PartNotXml { part: None } => Said::new("the Excel file is damaged: one of its parts is not valid XML").hint(RESAVE.1),
            PartMissing { part } => Said::new(format!("the Excel file is damaged or incomplete: its part {part} is missing")).hint(RESAVE.1),
            SheetNameTwice { sheet, first, second } => Said::new(format!(
                "the Excel file is damaged: it has two sheets named \"{sheet}\" (sheets {first} and {second}); Excel gives each sheet its own name, so another program wrote or edited the file, and programs may read either sheet"
            ))
            .hint("ask the sender for the file again, or open it in Excel, rename one of the two sheets so that they differ and save it; then name the sheet to read by its new name"),
            PartTwice { part } => Said::new(format!(
                "the Excel file is damaged: its zip archive holds two parts {}; programs may read either copy, so the figures Excel shows may not be the figures read",
                part.as_ref().map_or("of one name".to_string(), |p| format!("named {p}"))
            ))
            .hint(RESAVE.1),
            SheetMissing { sheet } => Said::new(format!("the Excel file is damaged: it lists the sheet \"{sheet}\", but the sheet's contents are not in the file")).hint(RESAVE.1),
            SheetDamaged { sheet } => Said::new(format!("the Excel file is damaged: sheet \"{sheet}\" cannot be read to its end (it holds what Excel does not write)")).hint(RESAVE.1),
            CellTwice { sheet, cell } => Said::new(format!("the Excel file is damaged: sheet \"{sheet}\" writes cell {cell} twice (Excel writes each cell once; the second value would replace the first)")).hint(RESAVE.1),
            BadCell { sheet, cell } => Said::new(format!("sheet \"{sheet}\" has a cell named `{cell}`, which is not a cell reference (Excel's cells run from A1 to XFD1048576): the file is damaged")).hint(RESAVE.1),
            SharedCount { part, declared, found } => Said::new(format!(
                "the Excel file is damaged: its part {part} says it holds {} shared strings, but holds {}",
                exact(*declared, Lang::En),
                whole(*found, Lang::En)
            ))
            .hint(RESAVE.1),
            BadRow { sheet, row } => Said::new(format!("sheet \"{sheet}\" has a row numbered `{row}`, which is not a row number (Excel's rows run from 1 to 1,048,576): the file is damaged")).hint(RESAVE.1),
            SharedIndex { sheet, cell, index } => Said::new(format!(
                "{}: the shared-string index `{index}` is not a number: the file is damaged",
                Self::cell(sheet, cell.as_ref(), Lang::En)
            ))
            .hint(RESAVE.1),
            SharedMissing { sheet, cell, index, count } => Said::new(format!(
                "{} takes shared string number {}, but the file {}: the file is damaged",
                Self::cell(sheet, cell.as_ref(), Lang::En),
                whole(*index, Lang::En),
                match count {
                    0 => "has no shared strings".to_string(),
                    n => format!("has only {} (numbered from 0)", whole(*n, Lang::En)),
                }
            ))
            .hint(RESAVE.1),
            WorkbookDamaged { part } => Said::new(match part {
                Some(part) => format!("the Excel file is damaged or incomplete: its part {part} cannot be unzipped"),
                None => "the Excel file is damaged or incomplete (a zip archive cut short?)".to_string(),
            })
            .hint("open it in Excel and save it again, or ask the sender for the file again (it may have been cut short when downloaded or mailed)"),
            RangeBackwards { sheet, range } => Said::new(format!(
                "sheet \"{sheet}\" names the range `{range}`, which ends before it starts"
            ))
            .hint("this file was not written properly by Excel: open it in Excel and save it again, or ask the sender for the file again"),
            HiddenRows { sheet, rows } => Said::new(format!(
                "sheet \"{sheet}\" has rows hidden in Excel: {} {}; a scenario reads every district of the province, so it does not pass over hidden rows (the province would be smaller without a word)",
                if rows.len() == 1 { "row" } else { "rows" },
                hidden_row_list(rows)
            ))
            .hint("open the file in Excel, unhide those rows (select the rows around them, right-click, Unhide) and save; if they hold old figures, delete them"),
        }
    }
}

/// Who chose a workbook's sheet: how a message about the choice says to write another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum SheetAsked {
    /// `campaign import --sheet`.
    Option,
    /// A scenario's `sheet = ...` (beside `coverage`, or in a `[[history]]` entry): the error
    /// is placed at the value, so the message names the file, as the scenario names it.
    Scenario { file: String },
}

/// A sheet choice (`--sheet`, a scenario's `sheet = ...`) that chooses no sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SheetProblem {
    pub asked: SheetAsked,
    pub kind: SheetKind,
}

/// What is wrong with a sheet choice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum SheetKind {
    /// `shown` (as the message quotes it: `"Nope"`, or `0` for a TOML number) names no sheet
    /// of the workbook; `below_one` when it is a number below 1 (`0`, `-1`). The workbook's
    /// sheets (at most [`crate::limits::LISTED_SHEETS`]) and how many there are.
    NoSheet {
        shown: String,
        below_one: bool,
        sheets: Vec<String>,
        count: usize,
    },
    /// An empty name (`sheet = ""`).
    Blank { sheets: Vec<String>, count: usize },
    /// A CSV file, which has no sheets (`shown` as the message quotes the choice).
    OfCsv { shown: String },
}

impl SheetProblem {
    /// The list of sheets after a message: `; its sheets: 1 "Cũ", 2 "Mới"` (and how many more).
    fn listed(sheets: &[String], count: usize, lang: Lang) -> String {
        let more = count.saturating_sub(sheets.len());
        match (lang, more) {
            (Lang::Vi, 0) => format!("; các trang của tệp: {}", sheet_list(sheets)),
            (Lang::En, 0) => format!("; its sheets: {}", sheet_list(sheets)),
            (Lang::Vi, n) => format!(
                "; các trang của tệp: {} (và {n} trang khác)",
                sheet_list(sheets)
            ),
            (Lang::En, n) => format!("; its sheets: {} (and {n} more)", sheet_list(sheets)),
        }
    }

    /// How to name a sheet, as the chooser writes it, with the workbook's first sheet.
    fn how(&self, sheets: &[String], count: usize, lang: Lang) -> String {
        let first = sheets.first().map(|n| n.replace('"', "\\\""));
        match (&self.asked, lang) {
            (SheetAsked::Option, Lang::Vi) => format!(
                "ghi --sheet với tên trang như ở thanh trang của Excel (hoa thường, dấu không cần khớp){}, hoặc số thứ tự của trang{}",
                sheet_example(sheets),
                match count {
                    0 | 1 => ": --sheet 1".to_string(),
                    n => format!(", từ 1 đến {n}: --sheet 1"),
                }
            ),
            (SheetAsked::Option, Lang::En) => format!(
                "give --sheet the sheet's name as Excel's sheet tabs show it (case and diacritics may differ){}, or its number{}",
                sheet_example(sheets),
                match count {
                    0 | 1 => ": --sheet 1".to_string(),
                    n => format!(", from 1 to {n}: --sheet 1"),
                }
            ),
            (SheetAsked::Scenario { .. }, Lang::Vi) => format!(
                "ghi {}sheet = 1 (số thứ tự của trang{}, không có dấu ngoặc kép)",
                first.map_or(String::new(), |f| format!(
                    "sheet = \"{f}\" (tên trang như ở thanh trang của Excel; hoa thường, dấu không cần khớp) hoặc "
                )),
                match count {
                    0 | 1 => String::new(),
                    n => format!(", từ 1 đến {n}"),
                }
            ),
            (SheetAsked::Scenario { .. }, Lang::En) => format!(
                "write {}sheet = 1 (its number{}, without quotes)",
                first.map_or(String::new(), |f| format!(
                    "sheet = \"{f}\" (the sheet's name as Excel's sheet tabs show it; case and diacritics may differ) or "
                )),
                match count {
                    0 | 1 => String::new(),
                    n => format!(", from 1 to {n}"),
                }
            ),
        }
    }

    fn said(&self, lang: Lang) -> Said {
        use SheetAsked::{Option as ByOption, Scenario};
        use SheetKind::*;
        let vi = lang == Lang::Vi;
        let workbook = match (&self.asked, vi) {
            (ByOption, true) => "tệp Excel".to_string(),
            (ByOption, false) => "the workbook".to_string(),
            (Scenario { file }, true) => format!("tệp Excel {file}"),
            (Scenario { file }, false) => format!("the workbook {file}"),
        };
        let key = match self.asked {
            ByOption => "--sheet",
            Scenario { .. } => "sheet",
        };
        match &self.kind {
            NoSheet {
                shown,
                below_one,
                sheets,
                count,
            } => {
                let from_one = match (below_one, vi) {
                    (false, _) => String::new(),
                    (true, true) => format!("{key} nhận tên trang hoặc số thứ tự của trang, từ 1: "),
                    (true, false) => format!("{key} takes a sheet's name or its number from 1: "),
                };
                let problem = if vi {
                    format!("{from_one}{workbook} không có trang {shown}")
                } else {
                    format!("{from_one}{workbook} has no sheet {shown}")
                };
                Said::new(format!("{problem}{}", Self::listed(sheets, *count, lang)))
                    .hint(self.how(sheets, *count, lang))
            }
            Blank { sheets, count } => {
                let problem = match (&self.asked, vi) {
                    (ByOption, true) => "--sheet \"\" không chỉ trang nào của tệp Excel".to_string(),
                    (ByOption, false) => "--sheet \"\" names no sheet of the workbook".to_string(),
                    (Scenario { file }, true) => format!("sheet = \"\" không chỉ trang nào của tệp Excel {file}"),
                    (Scenario { file }, false) => format!("sheet = \"\" names no sheet of the workbook {file}"),
                };
                Said::new(format!("{problem}{}", Self::listed(sheets, *count, lang)))
                    .hint(self.how(sheets, *count, lang))
            }
            OfCsv { shown } => match (&self.asked, vi) {
                (ByOption, true) => Said::new(format!("tệp CSV chỉ có một bảng, không có trang {shown} nào để chọn"))
                    .hint("bỏ --sheet; --sheet chỉ dùng với tệp Excel (.xlsx) có nhiều trang"),
                (ByOption, false) => Said::new(format!("a CSV file holds one table: it has no sheet {shown} to choose"))
                    .hint("leave out --sheet; --sheet is for Excel workbooks (.xlsx) with several sheets"),
                (Scenario { file }, true) => Said::new(format!("{file} là tệp CSV: chỉ có một bảng, không có trang {shown} nào để chọn"))
                    .hint("xóa dòng sheet: sheet chỉ dùng để chọn một trang của tệp Excel (.xlsx) có nhiều trang"),
                (Scenario { file }, false) => Said::new(format!("{file} is a CSV file: it holds one table, and has no sheet {shown} to choose"))
                    .hint("remove the sheet line: sheet chooses a sheet of an Excel workbook (.xlsx) with several sheets"),
            },
        }
    }
}

impl Message for SheetProblem {
    fn vi(&self) -> Said {
        self.said(Lang::Vi)
    }

    fn en(&self) -> Said {
        self.said(Lang::En)
    }
}

/// The scenario `campaign import` would write, beyond what a scenario file may be
/// ([`TOML_BYTES`], [`TOML_TABLES`], [`TOML_VALUES`]): `bytes` its size, `districts` its
/// `[[district]]` entries. Refused before it is written, so that import never writes a file
/// `campaign plan` then refuses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SkeletonTooLarge {
    pub bytes: u64,
    pub districts: usize,
}

impl Message for SkeletonTooLarge {
    fn vi(&self) -> Said {
        Said::new(format!(
            "kịch bản viết từ bảng này sẽ dài {} ({} huyện/xã), vượt giới hạn một tệp kịch bản: tối đa {}, {} bảng và {} giá trị; bảng số liệu thì đọc được tới {} dòng",
            size(Lang::Vi, self.bytes),
            count(Lang::Vi, self.districts as f64),
            size(Lang::Vi, TOML_BYTES),
            count(Lang::Vi, TOML_TABLES as f64),
            count(Lang::Vi, TOML_VALUES as f64),
            count(Lang::Vi, TABLE_ROWS as f64),
        ))
        .hint("không viết kịch bản từ bảng này: trong một kịch bản, ghi thẳng bảng vào dòng `coverage = \"TÊN_BẢNG.csv\"` (bảng được đọc trực tiếp, tới 32 MB và 20.000 huyện/xã), thay cho các mục [[district]]; docs/limits.md nói vì sao có các giới hạn này")
    }

    fn en(&self) -> Said {
        Said::new(format!(
            "the scenario made from this table would be {} ({} districts), above what a scenario file may be: at most {}, {} tables and {} values; a table of figures is read up to {} rows",
            size(Lang::En, self.bytes),
            count(Lang::En, self.districts as f64),
            size(Lang::En, TOML_BYTES),
            count(Lang::En, TOML_TABLES as f64),
            count(Lang::En, TOML_VALUES as f64),
            count(Lang::En, TABLE_ROWS as f64),
        ))
        .hint("do not make a scenario from this table: name the table itself in a scenario's `coverage = \"TABLE.csv\"` line (a table is read directly, up to 32 MB and 20,000 districts) instead of [[district]] entries; docs/limits.md says why these limits exist")
    }
}

/// A cell a limit names: in a CSV line, or in a workbook's sheet (as Excel names it, `B7`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum CellAt {
    /// The `cell`-th cell (1-based) of CSV line `line`.
    Line {
        line: usize,
        cell: usize,
    },
    Sheet {
        sheet: String,
        cell: String,
    },
}

impl CellAt {
    fn said(&self, lang: Lang) -> String {
        match (self, lang) {
            (CellAt::Line { line, cell }, Lang::Vi) => format!("ô thứ {cell} của dòng {line}"),
            (CellAt::Line { line, cell }, Lang::En) => format!("cell {cell} of line {line}"),
            (CellAt::Sheet { sheet, cell }, Lang::Vi) => format!("ô {cell} của trang \"{sheet}\""),
            (CellAt::Sheet { sheet, cell }, Lang::En) => {
                format!("cell {cell} of sheet \"{sheet}\"")
            }
        }
    }
}

/// A table beyond what the tool reads ([`crate::limits`]): refused before it is held in
/// memory, naming where the limit was passed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TableLimit {
    /// More than [`TABLE_ROWS`] rows: `line` is the first row beyond (a CSV line, or a
    /// workbook row number).
    Rows { line: usize },
    /// A CSV line with more than [`TABLE_COLUMNS`] cells.
    Columns { line: usize, cells: usize },
    /// More than [`TABLE_CELLS`] cells; `line` is the row where the count passed it. In a
    /// workbook, `sheet` is the sheet and `span` the cells its filled range spans, as Excel
    /// names them (`A1:Z90000`).
    Cells {
        line: usize,
        sheet: Option<(String, String)>,
    },
    /// A workbook sheet writing more than [`TABLE_CELLS`] cells (the same cells again and
    /// again: it spans fewer).
    Written { sheet: String },
    /// A cell of more than [`CELL_CHARS`] characters (`chars` of them).
    CellText { at: CellAt, chars: usize },
    /// A workbook cell beyond row [`TABLE_ROWS`] or column [`TABLE_COLUMNS`]; `cell` as Excel
    /// names it, `None` beyond the last cell Excel itself has (`XFD1048576`).
    Outside { sheet: String, cell: Option<String> },
    /// The text of a workbook's cells, together, above [`TABLE_BYTES`].
    Text { at: CellAt },
    /// A workbook whose parts unzip to more than [`WORKBOOK_PART_BYTES`] (`total` false: the
    /// part `part`) or [`WORKBOOK_UNZIPPED_BYTES`] together (`total`: `part` is where the sum
    /// passed it).
    Unzipped { part: String, total: bool },
    /// A workbook of more than [`WORKBOOK_PARTS`] parts (`parts` of them).
    Parts { parts: usize },
    /// A workbook whose reading unzips more than [`WORKBOOK_READ_BYTES`]: its sheets read the
    /// same parts again and again.
    Reread,
    /// A part of a workbook listing more items than the tool reads (`count` of them): shared
    /// strings, styles, or the entries of a list.
    Items {
        part: String,
        kind: WorkbookItems,
        count: usize,
    },
}

/// What a workbook's part lists one by one, each bounded before calamine holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WorkbookItems {
    /// Shared strings, at most [`WORKBOOK_STRINGS`].
    Strings,
    /// Cell formats, fonts, fills, borders and number formats, at most [`WORKBOOK_STYLES`].
    Styles,
    /// Sheets, defined names, relationships, at most [`WORKBOOK_ENTRIES`].
    Entries,
}

impl WorkbookItems {
    /// The limit, and what is counted: (limit, Vietnamese, English).
    fn said(self) -> (usize, &'static str, &'static str) {
        match self {
            WorkbookItems::Strings => (WORKBOOK_STRINGS, "chuỗi dùng chung", "shared strings"),
            WorkbookItems::Styles => (
                WORKBOOK_STYLES,
                "định dạng ô (kiểu ô, phông chữ, màu nền, đường viền, định dạng số)",
                "cell formats (styles, fonts, fills, borders, number formats)",
            ),
            WorkbookItems::Entries => (
                WORKBOOK_ENTRIES,
                "mục (trang, tên vùng, liên kết giữa các phần)",
                "entries (sheets, defined names, links between parts)",
            ),
        }
    }
}

/// The last cell the limits read, as Excel names it: `ALL100000`.
pub(crate) fn last_cell() -> String {
    format!("{}{}", column_name(TABLE_COLUMNS - 1), TABLE_ROWS)
}

/// A 0-based column as Excel names it: 0 is `A`, 25 `Z`, 26 `AA`, 16383 `XFD`.
pub(crate) fn column_name(index: usize) -> String {
    let mut letters = Vec::new();
    let mut n = index + 1;
    while n > 0 {
        let rest = (n - 1) % 26;
        letters.push(char::from(b'A' + u8::try_from(rest).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

impl Message for TableLimit {
    fn vi(&self) -> Said {
        use TableLimit::*;
        let n = |v: usize| count(Lang::Vi, v as f64);
        let mb = |v: u64| size(Lang::Vi, v);
        let check = "bảng số liệu của mọi xã trong cả nước chỉ khoảng 10.600 dòng và vài cột: kiểm tra đây đúng là bảng cần đọc; docs/limits.md nói vì sao có giới hạn này và cách làm khi thật sự cần hơn";
        let beyond = "xóa những gì nằm ngoài bảng số liệu (hoặc chép bảng số liệu sang một trang mới), rồi lưu lại; docs/limits.md nói vì sao có giới hạn này";
        match self {
            Rows { line } => Said::new(format!(
                "bảng có hơn {} dòng (dòng {line} vượt giới hạn)",
                n(TABLE_ROWS)
            ))
            .hint(check),
            Columns { line, cells } => Said::new(format!(
                "dòng {line} có {} ô, quá giới hạn {} cột",
                n(*cells),
                n(TABLE_COLUMNS)
            ))
            .hint(check),
            Cells { line, sheet: None } => Said::new(format!(
                "bảng có hơn {} ô (tới dòng {line})",
                n(TABLE_CELLS)
            ))
            .hint(check),
            Cells {
                sheet: Some((sheet, span)),
                ..
            } => Said::new(format!(
                "trang \"{sheet}\" trải trên vùng {span}, hơn {} ô",
                n(TABLE_CELLS)
            ))
            .hint(beyond),
            Written { sheet } => Said::new(format!(
                "trang \"{sheet}\" ghi hơn {} ô (có ô được ghi lại nhiều lần)",
                n(TABLE_CELLS)
            ))
            .hint("tệp này không do Excel viết ra đúng cách: mở tệp bằng Excel rồi lưu lại, hoặc xin lại tệp từ nơi gửi"),
            CellText { at, chars } => Said::new(format!(
                "{} dài {} ký tự, quá giới hạn {} ký tự mỗi ô (giới hạn của chính Excel)",
                at.said(Lang::Vi),
                n(*chars),
                n(CELL_CHARS)
            ))
            .hint("một ô số liệu chỉ cần tên huyện hay một con số: kiểm tra đây đúng là bảng cần đọc, và các ô có dấu ngoặc kép được đóng lại"),
            Outside { sheet, cell: Some(cell) } => Said::new(format!(
                "ô {cell} của trang \"{sheet}\" có nội dung nhưng nằm ngoài vùng đọc được: tối đa {} dòng và {} cột (tới ô {})",
                n(TABLE_ROWS),
                n(TABLE_COLUMNS),
                last_cell()
            ))
            .hint(beyond),
            Outside { sheet, cell: None } => Said::new(format!(
                "trang \"{sheet}\" có một ô nằm ngoài cả vùng của Excel (sau ô XFD1048576)"
            ))
            .hint("tệp này không do Excel viết ra đúng cách: mở tệp bằng Excel rồi lưu lại, hoặc xin lại tệp từ nơi gửi"),
            Text { at } => Said::new(format!(
                "chữ trong các ô của bảng tính vượt quá {} (tới {})",
                mb(TABLE_BYTES),
                at.said(Lang::Vi)
            ))
            .hint(beyond),
            Unzipped { part, total: false } => Said::new(format!(
                "bảng tính giải nén ra hơn {} ở phần {part}",
                mb(WORKBOOK_PART_BYTES)
            ))
            .hint(UNZIPPED_HINT.0),
            Unzipped { part, total: true } => Said::new(format!(
                "các phần của bảng tính giải nén ra hơn {} (tới phần {part})",
                mb(WORKBOOK_UNZIPPED_BYTES)
            ))
            .hint(UNZIPPED_HINT.0),
            Parts { parts } => Said::new(format!(
                "tệp nén của bảng tính có {} phần, quá giới hạn {}",
                n(*parts),
                n(WORKBOOK_PARTS)
            ))
            .hint(UNZIPPED_HINT.0),
            Reread => Said::new(format!(
                "đọc các trang của bảng tính phải giải nén hơn {} (các trang đọc đi đọc lại cùng một phần)",
                mb(WORKBOOK_READ_BYTES)
            ))
            .hint("tệp này không do Excel viết ra đúng cách: mở tệp bằng Excel rồi lưu lại, hoặc xin lại tệp từ nơi gửi"),
            Items { part, kind, count } => {
                let (limit, what, _) = kind.said();
                Said::new(format!(
                    "phần {part} của bảng tính có {} {what}, quá giới hạn {}",
                    n(*count),
                    n(limit)
                ))
                .hint(ITEMS_HINT.0)
            }
        }
    }

    fn en(&self) -> Said {
        use TableLimit::*;
        let n = |v: usize| count(Lang::En, v as f64);
        let mb = |v: u64| size(Lang::En, v);
        let check = "a table of every commune of Vietnam is about 10,600 rows of a few columns: check that this is the table you meant; docs/limits.md says why this limit exists and what to do when a real case needs more";
        let beyond = "delete what lies outside the table (or copy the table to a new sheet), then save; docs/limits.md says why this limit exists";
        match self {
            Rows { line } => Said::new(format!(
                "the table has more than {} rows (row {line} is beyond the limit)",
                n(TABLE_ROWS)
            ))
            .hint(check),
            Columns { line, cells } => Said::new(format!(
                "line {line} has {} cells, above the limit of {} columns",
                n(*cells),
                n(TABLE_COLUMNS)
            ))
            .hint(check),
            Cells { line, sheet: None } => Said::new(format!(
                "the table has more than {} cells (by line {line})",
                n(TABLE_CELLS)
            ))
            .hint(check),
            Cells {
                sheet: Some((sheet, span)),
                ..
            } => Said::new(format!(
                "sheet \"{sheet}\" spans {span}, more than {} cells",
                n(TABLE_CELLS)
            ))
            .hint(beyond),
            Written { sheet } => Said::new(format!(
                "sheet \"{sheet}\" writes more than {} cells (some written again and again)",
                n(TABLE_CELLS)
            ))
            .hint("this file was not written properly by Excel: open it in Excel and save it again, or ask the sender for the file again"),
            CellText { at, chars } => Said::new(format!(
                "{} is {} characters long, above the limit of {} characters per cell (Excel's own)",
                at.said(Lang::En),
                n(*chars),
                n(CELL_CHARS)
            ))
            .hint("a coverage cell holds a district's name or a number: check that this is the table you meant, and that every quoted cell is closed"),
            Outside { sheet, cell: Some(cell) } => Said::new(format!(
                "cell {cell} of sheet \"{sheet}\" holds something but is outside what is read: at most {} rows and {} columns (up to cell {})",
                n(TABLE_ROWS),
                n(TABLE_COLUMNS),
                last_cell()
            ))
            .hint(beyond),
            Outside { sheet, cell: None } => Said::new(format!(
                "sheet \"{sheet}\" has a cell outside even Excel's grid (beyond cell XFD1048576)"
            ))
            .hint("this file was not written properly by Excel: open it in Excel and save it again, or ask the sender for the file again"),
            Text { at } => Said::new(format!(
                "the text of the workbook's cells passes {} (by {})",
                mb(TABLE_BYTES),
                at.said(Lang::En)
            ))
            .hint(beyond),
            Unzipped { part, total: false } => Said::new(format!(
                "the workbook unzips to more than {} in its part {part}",
                mb(WORKBOOK_PART_BYTES)
            ))
            .hint(UNZIPPED_HINT.1),
            Unzipped { part, total: true } => Said::new(format!(
                "the workbook's parts unzip to more than {} together (by its part {part})",
                mb(WORKBOOK_UNZIPPED_BYTES)
            ))
            .hint(UNZIPPED_HINT.1),
            Parts { parts } => Said::new(format!(
                "the workbook's zip archive has {} parts, above the limit of {}",
                n(*parts),
                n(WORKBOOK_PARTS)
            ))
            .hint(UNZIPPED_HINT.1),
            Reread => Said::new(format!(
                "reading the workbook's sheets would unzip more than {} (its sheets read the same parts again and again)",
                mb(WORKBOOK_READ_BYTES)
            ))
            .hint("this file was not written properly by Excel: open it in Excel and save it again, or ask the sender for the file again"),
            Items { part, kind, count } => {
                let (limit, _, what) = kind.said();
                Said::new(format!(
                    "the workbook's part {part} lists {} {what}, above the limit of {}",
                    n(*count),
                    n(limit)
                ))
                .hint(ITEMS_HINT.1)
            }
        }
    }
}

/// What to do about a workbook listing too many items: (Vietnamese, English).
const ITEMS_HINT: (&str, &str) = (
    "bảng tính số liệu của mọi xã trong cả nước chỉ cần vài chục nghìn mục như vậy: kiểm tra đây đúng là tệp cần đọc (tệp có thể không do Excel viết ra, hoặc được làm ra để phá hoại); nếu đúng, chép bảng số liệu sang một bảng tính mới (chỉ dán giá trị) hoặc lưu trang số liệu thành \"CSV UTF-8\"; docs/limits.md nói vì sao có giới hạn này",
    "a workbook of every commune of Vietnam needs a few tens of thousands of these at most: check that this is the file you meant (it may not have been written by Excel, or may be built to harm); if it is, copy the table into a new workbook (paste values only) or save the table's sheet as \"CSV UTF-8\"; docs/limits.md says why this limit exists",
);

/// What to do about a workbook that unzips to too much: (Vietnamese, English).
const UNZIPPED_HINT: (&str, &str) = (
    "bảng tính số liệu của mọi xã trong cả nước giải nén ra chỉ vài MB: kiểm tra đây đúng là tệp cần đọc (một tệp nén quá mức có thể là tệp phá hoại); nếu đúng, xóa các trang không cần hoặc lưu trang số liệu thành \"CSV UTF-8\"; docs/limits.md nói vì sao có giới hạn này",
    "a workbook of every commune of Vietnam unzips to a few MB: check that this is the file you meant (a file that unzips to far more may be built to harm); if it is, delete the sheets not needed or save the table's sheet as \"CSV UTF-8\"; docs/limits.md says why this limit exists",
);
