//! A coverage table file as rows of cells, whatever it was saved as (CSV or XLSX): each row
//! with its line (CSV) or row number (XLSX), the column each cell starts at, and the text that
//! errors quote. Both coverage readers (`campaign import` and a scenario's `coverage = "..."`)
//! read their rows from here; `file.rs` reads a file into one.

use std::path::Path;

use super::message::Row;
use crate::source::{Pos, Source};
use crate::text::Text;

/// The rows of a table file, with the text that errors quote.
pub(crate) struct Grid {
    /// The file's text (a workbook's: its rows on their own line numbers, cells separated by
    /// tabs).
    pub src: Source,
    pub rows: Vec<GridRow>,
    /// The character between the cells of a line of `src.text`: `,`, `;` or tab.
    pub delimiter: char,
    /// A workbook's sheet read, and the names of its other sheets (none for a CSV file).
    pub sheet: Option<(String, Vec<String>)>,
    /// What a workbook hides in Excel: the sheet read, the sheets passed over, the rows left
    /// out (trial 13d G21). Empty for a CSV file.
    pub hidden: Hidden,
    /// How `--sheet` or a scenario's `sheet = ...` chose the sheet read (`None` without one).
    pub named: Option<Selected>,
}

/// A workbook's sheet as `--sheet` or a scenario's `sheet = ...` names it: a text (a sheet's
/// name, else its number from 1), or a TOML whole number (its number alone).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum SheetWanted {
    Text(String),
    Number(i128),
}

/// The sheet a choice read: its number in the workbook, from 1, and how the choice named it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Selected {
    pub number: usize,
    #[serde(flatten)]
    pub by: SelectedBy,
}

/// How a sheet choice named the sheet read.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "by", rename_all = "snake_case")]
pub enum SelectedBy {
    /// By its name (case and diacritics aside).
    Name,
    /// By its number.
    Number,
    /// A text that is this sheet's name and the number of another sheet (`--sheet 1`, `sheet =
    /// "1"` of a workbook whose tabs are "2", "1"): a name is taken before a number;
    /// `number` and `sheet` are the other sheet's (trial 13f J7).
    NameNotNumber {
        #[serde(rename = "other_number")]
        number: usize,
        #[serde(rename = "other_sheet")]
        sheet: String,
    },
    /// A TOML number (`sheet = 1`) that is also another sheet's name: `named` is that sheet's
    /// number.
    NumberNotName { named: usize },
}

/// What of a workbook Excel does not show, and how the sheet read was chosen: an office hides
/// old figures (a sheet, a few rows) rather than delete them, so a hidden row is not read and a
/// hidden sheet is read only when named by `--sheet` or when no shown sheet has a header row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hidden {
    /// The sheet read is hidden in Excel.
    pub sheet: bool,
    /// The sheet read is the one the workbook opens on (its active sheet), not its first shown
    /// sheet.
    pub active: bool,
    /// The workbook's hidden sheets not read (as messages show their names).
    pub sheets: Vec<String>,
    /// The rows of the sheet read that are hidden in Excel and hold something: left out.
    pub rows: Vec<usize>,
    /// What each of `rows` shows first (its first cell with a letter, on one line, cut
    /// short; empty when it has none), in the same order: how messages name a hidden row.
    pub texts: Vec<String>,
    /// The columns of the sheet read that are hidden in Excel: 1-based ranges, as the sheet
    /// gives them (read all the same: named where a column read is one, trial 13f J17).
    pub columns: Vec<(u64, u64)>,
}

impl Hidden {
    /// Whether the 0-based column `index` is hidden in Excel.
    pub fn column(&self, index: usize) -> bool {
        let n = index as u64 + 1;
        self.columns.iter().any(|&(min, max)| min <= n && n <= max)
    }

    /// The hidden rows below `line` (a header's), each with its text: the rows of the table.
    pub fn rows_below(&self, line: usize) -> Vec<(usize, String)> {
        self.rows
            .iter()
            .zip(self.texts.iter().chain(std::iter::repeat(&String::new())))
            .filter(|(r, _)| **r > line)
            .map(|(r, t)| (*r, t.clone()))
            .collect()
    }
}

/// One row of a [`Grid`].
pub(crate) struct GridRow {
    /// The row's line (CSV) or row number (XLSX).
    pub line: usize,
    pub cells: Vec<String>,
    /// The 1-based column of `line` where each cell's text starts; empty when the line cannot
    /// be split by eye (a CSV line with quotes).
    pub columns: Vec<usize>,
    /// The cells (indices) of a workbook row holding a formula without a computed value (a
    /// file written by a program, never opened in Excel): empty, but not blank.
    pub uncomputed: Vec<usize>,
    /// The cells (indices) of a workbook row holding a number too large for the computer to
    /// hold (`1e400`): shown as `#NUM!`, and refused as too large where a count is read.
    pub overflow: Vec<usize>,
}

impl GridRow {
    /// Cell `index`, trimmed (empty when the row is shorter).
    pub fn cell(&self, index: usize) -> &str {
        self.cells.get(index).map_or("", |c| c.trim())
    }

    /// A heading as the file writes it, its line breaks and runs of spaces read as one space
    /// (`Đã cài⏎Bluezone` is `Đã cài Bluezone`), or `otherwise` where the cell is blank: errors
    /// name a column as the user sees it.
    pub fn title(&self, index: usize, otherwise: &str) -> String {
        let written = self
            .cell(index)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if written.is_empty() {
            otherwise.to_string()
        } else {
            written
        }
    }

    /// The cells that are not blank.
    pub fn filled(&self) -> usize {
        self.cells.iter().filter(|c| !c.trim().is_empty()).count()
    }

    /// The row as a whole, for errors.
    pub fn pos(&self) -> Pos {
        Pos::Line {
            line: self.line,
            column: None,
        }
    }

    /// Cell `index`, for errors: its line, and its column when known.
    pub fn cell_pos(&self, index: usize) -> Pos {
        Pos::Line {
            line: self.line,
            column: self.columns.get(index).copied(),
        }
    }

    /// The row as messages name it: `row 3 ("Hữu Lũng")`, or `row 3` without a name.
    pub fn label(&self, name: &str) -> Row {
        Row {
            line: self.line,
            name: name.to_string(),
        }
    }
}

impl Grid {
    /// How the file is named in messages: "the coverage file coverage.csv".
    pub fn what(path: &Path) -> Text {
        Text::new(
            format!("tệp số liệu {}", path.display()),
            format!("the coverage file {}", path.display()),
        )
    }
}
