//! What can be wrong in a coverage table, each kind with its data, worded once per language.
//! `campaign import` and a scenario's `coverage = "..."` reader name the same kinds; the
//! scenario's own district checks name [`CellProblem::TooLarge`] too.

use std::path::PathBuf;

use super::table::Heading;
use crate::diagnostic::{Message, Said};
use crate::model::MAX_PEOPLE;
use crate::model::MAX_TEAMS;
use crate::number::{count, percent};
use crate::source::name_list;
use crate::text::Lang;

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
    /// An empty cell that holds a formula without a computed value (a workbook written by a
    /// program, never opened in Excel).
    Uncomputed,
    /// A count above [`MAX_PEOPLE`] (or a team count above [`MAX_TEAMS`]), in a table or a
    /// scenario alike; `cell` is the cell as written when the message quotes it
    /// (`campaign import`).
    TooLarge {
        cell: Option<String>,
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
    /// The district is on an earlier row too.
    Twice {
        first_line: usize,
    },
    Cell(CellProblem),
    Hidden(HiddenCharacter),
}

/// A district's name holds a character a reader cannot see or a terminal would act on: the
/// `code` point at character `position` of the name (`shown` with escapes). Said by the
/// scenario's district check and by `campaign import` alike.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct HiddenCharacter {
    pub shown: String,
    pub position: usize,
    pub code: u32,
}

impl HiddenCharacter {
    /// The first hidden character of `name`, if any ([`crate::text::hidden_character`]).
    pub fn of(name: &str) -> Option<HiddenCharacter> {
        crate::text::hidden_character(name).map(|(position, c)| HiddenCharacter {
            shown: crate::text::show_hidden(name),
            position,
            code: u32::from(c),
        })
    }
}

impl Message for HiddenCharacter {
    fn vi(&self) -> Said {
        let HiddenCharacter {
            shown,
            position,
            code,
        } = self;
        Said::new(format!(
            "tên huyện có một ký tự không nhìn thấy hoặc ký tự điều khiển (U+{code:04X}, ký tự thứ {position} của \"{shown}\")"
        ))
        .hint("gõ lại tên huyện (ký tự này thường lẫn vào khi sao chép từ trang web hoặc Word)")
    }

    fn en(&self) -> Said {
        let HiddenCharacter {
            shown,
            position,
            code,
        } = self;
        Said::new(format!(
            "the district's name holds a character that cannot be seen or a control character (U+{code:04X}, character {position} of \"{shown}\")"
        ))
        .hint("type the name again (such characters come in when copying from a web page or Word)")
    }
}

impl Message for RowProblem {
    fn vi(&self) -> Said {
        use RowProblem::*;
        match self {
            Unnamed => Said::new("có số liệu nhưng ô tên huyện đang trống").hint(
                "ghi tên huyện vào ô này; nếu là dòng tổng thì ghi \"Tổng cộng\"; nếu thừa thì xóa dòng",
            ),
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
            Twice { first_line } => Said::new(format!("huyện đã có ở dòng {first_line}"))
                .hint("xóa một trong hai dòng"),
            Cell(cell) => cell.vi(),
            Hidden(hidden) => hidden.vi(),
        }
    }

    fn en(&self) -> Said {
        use RowProblem::*;
        match self {
            Unnamed => Said::new("it has figures but no district name").hint(
                "write the district's name in this cell; write \"Total\" if it is the total row; delete the row if it is not needed",
            ),
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
            Twice { first_line } => {
                Said::new(format!("the district is already on row {first_line}"))
                    .hint("delete one of the two rows")
            }
            Cell(cell) => cell.en(),
            Hidden(hidden) => hidden.en(),
        }
    }
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

/// What is wrong with a table as a whole: its header, its total, its rows' order, or what
/// it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TableProblem {
    Empty,
    /// A header and no district row below it.
    NoDistricts,
    /// No row has the needed headings; the one most like a header is on `line`, with the
    /// cells `found`, and lacks `missing`.
    MissingColumns {
        line: usize,
        found: Vec<String>,
        missing: Vec<Heading>,
    },
    /// A heading (as written) found twice in the header row on `line`.
    HeadingTwice {
        line: usize,
        heading: String,
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
            Empty => Said::new("tệp số liệu đang trống"),
            NoDistricts => Said::new("tệp số liệu không có dòng huyện nào")
                .hint("thêm một dòng cho mỗi huyện dưới dòng tiêu đề"),
            MissingColumns {
                line,
                found,
                missing,
            } => Said::new(format!(
                "không tìm thấy dòng tiêu đề đủ cột: dòng {line} có {}; thiếu {}",
                name_list(found.iter().map(String::as_str)),
                name_list(missing.iter().map(|h| heading(Lang::Vi, *h)))
            ))
            .hint("dòng tiêu đề cần các cột `Huyện`, `Đã cài Bluezone`, `Tổng smartphone` (cột `Tỷ lệ` có thể có hoặc không)"),
            HeadingTwice { line, heading } => Said::new(format!(
                "dòng tiêu đề (dòng {line}): cột `{heading}` bị lặp"
            ))
            .hint("xóa một trong hai cột"),
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
            Csv { error } => Said::new(format!("không đọc được tệp CSV: {error}")),
        }
    }

    fn en(&self) -> Said {
        use TableProblem::*;
        let v = |x: i128| big(Lang::En, x);
        match self {
            Empty => Said::new("the coverage file is empty"),
            NoDistricts => Said::new("the coverage file has no district rows")
                .hint("add one row per district below the header"),
            MissingColumns {
                line,
                found,
                missing,
            } => Said::new(format!(
                "no header row with the needed columns: row {line} has {}; missing {}",
                name_list(found.iter().map(String::as_str)),
                name_list(missing.iter().map(|h| heading(Lang::En, *h)))
            ))
            .hint("the header row needs the columns `District`, `Installed`, `Smartphones` (a `Rate` column is optional)"),
            HeadingTwice { line, heading } => Said::new(format!(
                "the header row (row {line}): column `{heading}` appears twice"
            ))
            .hint("delete one of the two columns"),
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
            Csv { error } => Said::new(format!("cannot read the CSV file: {error}")),
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
    WorkbookNotFound {
        path: PathBuf,
    },
    /// The workbook reader's own error, as it words it.
    WorkbookUnreadable {
        error: String,
    },
}

impl Message for TableFileProblem {
    fn vi(&self) -> Said {
        use TableFileProblem::*;
        let xlsx = "kiểm tra đường dẫn; tệp phải là bảng tính .xlsx (Excel 2007 trở lên)";
        match self {
            Refused => Said::new("chỉ đọc được bảng tính .xlsx hoặc tệp CSV").hint(
                "trong Excel chọn Lưu thành (Save As) > \"Excel Workbook (.xlsx)\" hoặc \"CSV UTF-8\"",
            ),
            NotAWorkbook => Said::new("tệp này không phải bảng tính Excel (.xlsx)")
                .hint("nếu đây là bảng CSV (văn bản), đổi đuôi tên tệp thành .csv"),
            WorkbookNamedCsv => Said::new("tệp này là bảng tính Excel (.xlsx), không phải tệp CSV")
                .hint("đổi đuôi tên tệp thành .xlsx, hoặc trong Excel chọn Lưu thành (Save As) > \"CSV UTF-8\""),
            WorkbookNotFound { path } => Said::new(format!(
                "không tìm thấy tệp số liệu {}",
                path.display()
            ))
            .hint(xlsx),
            WorkbookUnreadable { error } => {
                Said::new(format!("không đọc được tệp Excel: {error}")).hint(xlsx)
            }
        }
    }

    fn en(&self) -> Said {
        use TableFileProblem::*;
        let xlsx = "check the path; the file must be an .xlsx workbook (Excel 2007 or later)";
        match self {
            Refused => Said::new("only .xlsx workbooks and CSV files can be read")
                .hint("in Excel choose Save As > \"Excel Workbook (.xlsx)\" or \"CSV UTF-8\""),
            NotAWorkbook => Said::new("this file is not an Excel workbook (.xlsx)")
                .hint("if it is a CSV table (text), rename it to .csv"),
            WorkbookNamedCsv => Said::new("this file is an Excel workbook (.xlsx), not a CSV file")
                .hint("rename it to .xlsx, or in Excel choose Save As > \"CSV UTF-8\""),
            WorkbookNotFound { path } => Said::new(format!(
                "the coverage file {} was not found",
                path.display()
            ))
            .hint(xlsx),
            WorkbookUnreadable { error } => {
                Said::new(format!("cannot read the Excel file: {error}")).hint(xlsx)
            }
        }
    }
}
