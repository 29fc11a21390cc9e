//! The checks both coverage readers (`campaign import` and a scenario's `coverage = "..."`)
//! make on the rows of a table: a printed rate against the counts, the total row against the
//! districts above it, nothing but notes below the total, a file with rows and at least one
//! district. The readers word a row's errors differently ([`Reader`]); the checks are the
//! same.

use super::grid::GridRow;
use super::table;
use crate::diagnostic::Error;
use crate::number::count;
use crate::source::{Pos, Source};
use crate::text::{Lang, Text};

/// Whose wording an error about a row takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reader {
    /// `campaign import`: the message starts with the row (`row 3 ("Hữu Lũng"): ...`) and the
    /// error gives its line.
    Import,
    /// A scenario's coverage file: the error points at the cell (line and column) and names
    /// the district.
    Scenario,
}

/// Checks the printed rate in cell `index` of `row` against the row's (installed,
/// smartphones): the letter truncates (22.98% is printed 22%), others round
/// ([`table::rate_agrees`]). An empty cell is not checked. `name` is the district as the
/// reader names it.
pub(crate) fn rate(
    src: &Source,
    row: &GridRow,
    index: usize,
    title: &str,
    name: &str,
    (installed, smartphones): (u64, u64),
    reader: Reader,
) -> Result<(), Error> {
    let cell = row.cell(index);
    if cell.is_empty() {
        return Ok(());
    }
    let (message, hint) = match table::parse_rate(cell) {
        None => (
            Text::new(
                format!("`{cell}` không phải là tỷ lệ"),
                format!("`{cell}` is not a rate"),
            ),
            Text::new(
                "ghi tỷ lệ như 22% hoặc 22,98%",
                "write a rate like 22% or 22.98%",
            ),
        ),
        Some(printed) if table::rate_agrees(printed, installed, smartphones) => return Ok(()),
        Some(_) => {
            let actual = table::rate_text(installed, smartphones);
            let n = |lang: Lang, v: u64| count(lang, v as f64);
            (
                Text::new(
                    format!(
                        "tỷ lệ ghi `{cell}` nhưng {} / {} là {}",
                        n(Lang::Vi, installed),
                        n(Lang::Vi, smartphones),
                        actual.vi
                    ),
                    format!(
                        "the rate says `{cell}` but {} / {} is {}",
                        n(Lang::En, installed),
                        n(Lang::En, smartphones),
                        actual.get(Lang::En)
                    ),
                ),
                Text::new(
                    "kiểm tra số đã cài, số smartphone và tỷ lệ của dòng này (tỷ lệ chỉ để đối chiếu; chương trình tự tính từ số máy)",
                    "check this row's installed, smartphones and rate (the rate is only a check; the planner computes it from the counts)",
                ),
            )
        }
    };
    let err = match reader {
        Reader::Import => src.error(row.pos(), prefixed(&row.label(name), &message)),
        Reader::Scenario if name.is_empty() => src.error(row.cell_pos(index), message),
        Reader::Scenario => src.error(row.cell_pos(index), message).district(name),
    };
    Err(err.table_column(title).hint(hint))
}

/// What is said of cell `index` of `row` that should hold a count and does not, and what to
/// do: the same words from both readers.
pub(crate) fn bad_count(row: &GridRow, index: usize) -> (Text, Text) {
    let cell = row.cell(index);
    if cell.is_empty() && row.uncomputed.contains(&index) {
        return uncomputed();
    }
    let example = Text::new(
        "ghi một số nguyên, ví dụ 151916 hoặc 151.916",
        "write a whole number, e.g. 151916 or 151,916",
    );
    if cell.is_empty() {
        (Text::new("ô đang trống", "the cell is empty"), example)
    } else if cell.ends_with('%') {
        (
            Text::new(
                format!("`{cell}` là tỷ lệ, không phải số máy"),
                format!("`{cell}` is a rate, not a count"),
            ),
            Text::new(
                "cột này cần số nguyên; nếu là cột tỷ lệ, đặt tên cột là `Tỷ lệ` (chương trình chỉ dùng tỷ lệ để đối chiếu)",
                "this column needs whole numbers; if it is a rate column, head it `Rate` (a rate is only used as a check)",
            ),
        )
    } else {
        (
            Text::new(
                format!("`{cell}` không phải là số nguyên"),
                format!("`{cell}` is not a whole number"),
            ),
            example,
        )
    }
}

/// The largest head count accepted (smartphones, installed, cohorts), in a scenario and in a
/// coverage table alike: far above any country, and small enough that a province's totals
/// cannot overflow.
pub(crate) const MAX_PEOPLE: i128 = 1_000_000_000_000;

/// What is said of a count above [`MAX_PEOPLE`] (or a team count above the scenario's
/// limit), and what to do: the same words from every reader.
pub(crate) fn too_large() -> (Text, Text) {
    use crate::model::MAX_TEAMS;
    #[allow(clippy::cast_precision_loss)]
    let people = |lang: Lang| count(lang, MAX_PEOPLE as f64);
    let teams = |lang: Lang| count(lang, f64::from(MAX_TEAMS));
    (
        Text::new("số quá lớn", "the number is too large"),
        Text::new(
            format!(
                "số người tối đa là {}, số tổ, đội tối đa là {}; kiểm tra có gõ thừa chữ số không",
                people(Lang::Vi),
                teams(Lang::Vi)
            ),
            format!(
                "people counts go up to {}, team counts up to {}; check for a digit typed twice",
                people(Lang::En),
                teams(Lang::En)
            ),
        ),
    )
}

/// What is said of an empty cell that holds a formula without a computed value
/// ([`GridRow::uncomputed`]), and what to do.
pub(crate) fn uncomputed() -> (Text, Text) {
    (
        Text::new(
            "ô có công thức nhưng chưa có kết quả tính",
            "the cell holds a formula with no computed value",
        ),
        Text::new(
            "mở tệp bằng Excel (hoặc LibreOffice) rồi lưu lại để tính công thức, hoặc ghi số vào ô",
            "open the file in Excel (or LibreOffice) and save it to compute the formula, or type the number in the cell",
        ),
    )
}

/// The total row (`TỔNG`, `Total`, [`table::is_total`]) as read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Total {
    pub installed: i128,
    pub smartphones: i128,
    pub line: usize,
}

impl Total {
    /// The total must be the sum of the district rows' (installed, smartphones).
    pub fn check(
        &self,
        src: &Source,
        districts: impl IntoIterator<Item = (i128, i128)>,
        reader: Reader,
    ) -> Result<(), Error> {
        let (sum_installed, sum_smartphones) = districts
            .into_iter()
            .fold((0i128, 0i128), |(a, b), (i, s)| {
                (a.saturating_add(i), b.saturating_add(s))
            });
        let Total {
            installed,
            smartphones,
            line,
        } = *self;
        if (installed, smartphones) == (sum_installed, sum_smartphones) {
            return Ok(());
        }
        #[allow(clippy::cast_precision_loss)]
        let n = |lang: Lang, v: i128| count(lang, v as f64);
        let (vi, en) = match reader {
            Reader::Import => (
                format!("dòng {line} (dòng tổng)"),
                format!("row {line} (the total)"),
            ),
            Reader::Scenario => ("dòng tổng".to_string(), "the total row".to_string()),
        };
        Err(src
            .error(
                Pos::Line { line, column: None },
                Text::new(
                    format!(
                        "{vi} ghi {} đã cài / {} smartphone, nhưng cộng các huyện được {} / {}",
                        n(Lang::Vi, installed),
                        n(Lang::Vi, smartphones),
                        n(Lang::Vi, sum_installed),
                        n(Lang::Vi, sum_smartphones)
                    ),
                    format!(
                        "{en} says {} installed / {} smartphones, but the districts add up to {} / {}",
                        n(Lang::En, installed),
                        n(Lang::En, smartphones),
                        n(Lang::En, sum_installed),
                        n(Lang::En, sum_smartphones)
                    ),
                ),
            )
            .hint(Text::new(
                "sửa dòng tổng, hoặc tìm huyện bị ghi sai hay bị thiếu",
                "correct the total, or find the district that is wrong or missing",
            )))
    }
}

/// Whether `row` is the total row: the total word ([`table::is_total`]) in its district cell
/// (column `name`) or a cell before it, as when "Tổng cộng" is written in the STT cell and
/// merged over the name column.
pub(crate) fn is_total_row(row: &GridRow, name: usize) -> bool {
    (0..=name).any(|i| table::is_total(row.cell(i)))
}

/// A row with counts but no district name.
pub(crate) fn unnamed(src: &Source, row: &GridRow, name: usize) -> Error {
    src.error(
        row.cell_pos(name),
        Text::new(
            format!("dòng {}: có số liệu nhưng ô tên huyện đang trống", row.line),
            format!("row {}: it has figures but no district name", row.line),
        ),
    )
    .hint(Text::new(
        "ghi tên huyện vào ô này; nếu là dòng tổng thì ghi \"Tổng cộng\"; nếu thừa thì xóa dòng",
        "write the district's name in this cell; write \"Total\" if it is the total row; delete the row if it is not needed",
    ))
}

/// A row below the total row: a note is fine, a row with an installed count (cell
/// `installed`) is a district out of place. `name` is the district as the reader names it.
pub(crate) fn below_total(
    src: &Source,
    row: &GridRow,
    installed: usize,
    name: &str,
) -> Result<(), Error> {
    if table::parse_count(row.cell(installed)).is_none() {
        return Ok(());
    }
    let label = row.label(name);
    Err(src
        .error(
            row.pos(),
            Text::new(
                format!("{} nằm dưới dòng tổng", label.vi),
                format!("{} comes after the total row", label.get(Lang::En)),
            ),
        )
        .hint(Text::new(
            "đặt dòng tổng ở cuối bảng",
            "put the total row at the end of the table",
        )))
}

/// A file without a row of cells.
pub(crate) fn empty(src: &Source) -> Error {
    src.error(
        Pos::File,
        Text::new("tệp số liệu đang trống", "the coverage file is empty"),
    )
}

/// A table with a header and no district row below it.
pub(crate) fn no_districts(src: &Source, header: &GridRow) -> Error {
    src.error(
        header.pos(),
        Text::new(
            "tệp số liệu không có dòng huyện nào",
            "the coverage file has no district rows",
        ),
    )
    .hint(Text::new(
        "thêm một dòng cho mỗi huyện dưới dòng tiêu đề",
        "add one row per district below the header",
    ))
}

/// `label: message`, in both languages.
fn prefixed(label: &Text, message: &Text) -> Text {
    Text::new(
        format!("{}: {}", label.vi, message.vi),
        format!("{}: {}", label.get(Lang::En), message.get(Lang::En)),
    )
}
