//! Finding a coverage table's header row among the rows of a [`Grid`]: the title rows an
//! official table starts with ("UBND TỈNH …", "CỘNG HÒA …"), blank rows and a table that
//! starts further right (B3) are skipped the same way by both readers.

use super::grid::GridRow;
use super::table;
use crate::limits::HEADER_ROWS;

/// The index in `rows` of the header row: the first row naming the district, installed and
/// smartphones columns ([`table::has_header`]), among the first [`HEADER_ROWS`] filled rows.
pub(crate) fn find(rows: &[GridRow]) -> Option<usize> {
    top(rows)
        .position(|(_, r)| table::has_header(&r.cells))
        .map(|n| top(rows).nth(n).map_or(0, |(i, _)| i))
}

/// The rows (with their indices) among which the header is looked for: up to the
/// [`HEADER_ROWS`]-th filled one.
pub(crate) fn top(rows: &[GridRow]) -> impl Iterator<Item = (usize, &GridRow)> {
    let mut filled = 0;
    rows.iter().enumerate().take_while(move |(_, r)| {
        if filled >= HEADER_ROWS {
            return false;
        }
        if r.filled() > 0 {
            filled += 1;
        }
        true
    })
}

/// The index in `rows` of the row that looks most like a header (the most recognised
/// headings; the first of equals), to say what it has and lacks; `None` when every row is
/// blank.
pub(crate) fn best(rows: &[GridRow]) -> Option<usize> {
    top(rows)
        .filter(|(_, r)| r.filled() > 0)
        .max_by_key(|(i, r)| {
            (
                r.cells
                    .iter()
                    .filter(|c| table::heading(c).is_some())
                    .count(),
                r.filled() >= 2,
                std::cmp::Reverse(*i),
            )
        })
        .map(|(i, _)| i)
}

/// Whether column `index` is blank in every row of `rows` (an empty heading over an empty
/// column, as Excel writes `;;` after the last column, is no column at all).
pub(crate) fn column_is_blank(rows: &[GridRow], index: usize) -> bool {
    rows.iter().all(|r| r.cell(index).is_empty())
}
