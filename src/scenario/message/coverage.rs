//! What can be wrong with the columns and rows of a coverage table that a scenario names.

use super::Hint;
use crate::diagnostic::{Message, Said, did_you_mean_en, did_you_mean_vi};
use crate::limits::COVERAGE_COHORTS;

/// A problem with the header or the shape of a scenario's coverage table (what the table
/// shares with `campaign import` is worded in `import`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ColumnProblem {
    /// A row with fewer cells than the columns read, or more cells that are not empty.
    RowCells {
        cells: usize,
        columns: usize,
        delimiter: char,
    },
    /// The header cell of the 1-based column `number` is empty, but the column has figures
    /// (the first on `line`).
    Unnamed { number: usize, line: usize },
    /// A heading named like a column the table reads (`close`), but not exactly.
    Misspelt { name: String, close: &'static str },
    /// A second district name column (`name` and `district` are one).
    NameTwice { name: String },
    /// A second column of one meaning: `name`, read as `kind`, as is the column `first`
    /// (the 1-based column `number`) before it (trial 13f J14).
    Twice {
        name: String,
        kind: Twin,
        first: String,
        number: usize,
    },
    /// The header has no column for `column`.
    Missing { column: Needed },
    /// The column `name` is a cohort column beyond [`COVERAGE_COHORTS`].
    TooManyCohorts { name: String },
    /// The table is a plan `campaign plan` wrote (`file`, as named): its projection columns
    /// are no coverage, and its "Tổ xã" the plan's teams (trial 13e H23).
    PlanTable { file: String },
}

/// What a column read twice holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Twin {
    Installed,
    Smartphones,
    Rate,
    UnitType,
    /// The local teams of this kind.
    Team(String),
    Cohort(String),
}

impl Twin {
    fn vi(&self) -> String {
        match self {
            Twin::Installed => "số đã cài".to_string(),
            Twin::Smartphones => "số smartphone".to_string(),
            Twin::Rate => "tỷ lệ".to_string(),
            Twin::UnitType => "loại đơn vị".to_string(),
            Twin::Team(kind) => format!("số tổ `{kind}`"),
            Twin::Cohort(cohort) => format!("nhóm người `{cohort}`"),
        }
    }

    fn en(&self) -> String {
        match self {
            Twin::Installed => "installed".to_string(),
            Twin::Smartphones => "smartphones".to_string(),
            Twin::Rate => "rate".to_string(),
            Twin::UnitType => "unit type".to_string(),
            Twin::Team(kind) => format!("`{kind}` teams"),
            Twin::Cohort(cohort) => format!("cohort `{cohort}`"),
        }
    }
}

/// A column a coverage table must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Needed {
    Name,
    Installed,
    Smartphones,
}

impl Message for ColumnProblem {
    fn vi(&self) -> Said {
        use ColumnProblem::*;
        match self {
            RowCells {
                cells,
                columns,
                delimiter,
            } => Said::new(format!(
                "dòng này có {cells} ô nhưng dòng tiêu đề có {columns} cột"
            ))
            .hint(format!("mỗi dòng cần đủ các cột của dòng tiêu đề, cách nhau bằng dấu `{delimiter}`; ô có dấu phẩy thì đặt trong ngoặc kép")),
            Unnamed { number, line } => Said::new(format!(
                "cột thứ {number} của dòng tiêu đề chưa có tên nhưng có số liệu (dòng {line})"
            ))
            .hint("đặt tên cho cột (tên nhóm người, ví dụ students), hoặc xóa số liệu trong cột"),
            Misspelt { name, close } => Said::new(format!("không biết cột `{name}`"))
                .hint(did_you_mean_vi(close)),
            NameTwice { name } => Said::new(format!(
                "cột `{name}` lặp lại cột tên huyện (`name` và `district` là cùng một cột)"
            ))
            .hint("xóa một trong hai cột"),
            Twice {
                name,
                kind,
                first,
                number,
            } => Said::new(format!(
                "cột `{name}` là một cột {} nữa (như cột `{first}`, cột {number})",
                kind.vi()
            ))
            .hint("mỗi thứ chỉ đọc từ một cột: xóa một trong hai cột, hoặc đặt tên cột không dùng là `Ghi chú` để chương trình bỏ qua"),
            Missing { column } => Said::new(format!(
                "dòng tiêu đề thiếu cột {}",
                match column {
                    Needed::Name => "tên huyện (`Huyện` hoặc `name`)",
                    Needed::Installed => "số đã cài (`Đã cài Bluezone` hoặc `installed`)",
                    Needed::Smartphones => "số smartphone (`Tổng smartphone` hoặc `smartphones`)",
                }
            ))
            .hint(Hint::CoverageHeader.vi()),
            TooManyCohorts { name } => Said::new(format!(
                "cột `{name}` là cột nhóm người thứ {}, quá giới hạn {COVERAGE_COHORTS} cột nhóm người (số người của một nhóm, ví dụ students) trong bảng số liệu của kịch bản",
                COVERAGE_COHORTS + 1
            ))
            .hint("chỉ giữ các nhóm mà quy tắc dùng (kịch bản mẫu có 3); xóa các cột khác, hoặc đặt tên cột là `Ghi chú` để chương trình bỏ qua; docs/limits.md nói vì sao có giới hạn này"),
            PlanTable { file } => Said::new(
                "đây là bảng kế hoạch do campaign plan ghi ra, không phải bảng số liệu: các cột dự kiến (cài thêm, tỷ lệ dự kiến, số tổ kế hoạch dùng) không phải số liệu của huyện",
            )
            .hint(format!(
                "nhập bảng thành kịch bản bằng `campaign import {file}` rồi dùng kịch bản đó, hoặc ghi coverage = tệp số liệu của các huyện"
            )),
        }
    }

    fn en(&self) -> Said {
        use ColumnProblem::*;
        match self {
            RowCells {
                cells,
                columns,
                delimiter,
            } => Said::new(format!(
                "this line has {cells} cells but the header has {columns} columns"
            ))
            .hint(format!("every line needs the header's columns, separated by `{delimiter}`; put a cell that holds a comma in double quotes")),
            Unnamed { number, line } => Said::new(format!(
                "column {number} of the header has no name but holds figures (row {line})"
            ))
            .hint("give the column a name (a cohort, e.g. students), or clear the column"),
            Misspelt { name, close } => Said::new(format!("unknown column `{name}`"))
                .hint(did_you_mean_en(close)),
            NameTwice { name } => Said::new(format!(
                "column `{name}` repeats the district name column (`name` and `district` are the same column)"
            ))
            .hint("delete one of the two columns"),
            Twice {
                name,
                kind,
                first,
                number,
            } => Said::new(format!(
                "`{name}` is another {} column (as `{first}`, column {number})",
                kind.en()
            ))
            .hint("each figure is read from one column: delete one of the two, or head the one not to read `Notes` to leave it unread"),
            Missing { column } => Said::new(format!(
                "the header has no {}",
                match column {
                    Needed::Name => "district name column (`District` or `name`)",
                    Needed::Installed => "installed column (`Installed` or `installed`)",
                    Needed::Smartphones => "smartphones column (`Smartphones` or `smartphones`)",
                }
            ))
            .hint(Hint::CoverageHeader.en()),
            TooManyCohorts { name } => Said::new(format!(
                "column `{name}` is cohort column {}, above the limit of {COVERAGE_COHORTS} cohort columns (head counts of a group, e.g. students) in a scenario's coverage table",
                COVERAGE_COHORTS + 1
            ))
            .hint("keep only the cohorts the rules read (the shipped scenario has 3); delete the other columns, or head them `Notes` to leave them unread; docs/limits.md says why this limit exists"),
            PlanTable { file } => Said::new(
                "this is a plan written by campaign plan, not a coverage table: its projection columns (installs from teams, projected rate, the teams the plan uses) are not the districts' figures",
            )
            .hint(format!(
                "import it into a scenario with `campaign import {file}` and use that scenario, or name the districts' coverage file in coverage"
            )),
        }
    }
}
