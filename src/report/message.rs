//! What can go wrong writing a plan, worded once per language.

use crate::diagnostic::{Message, Said};

/// A plan that cannot be put into a format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ReportProblem {
    /// The workbook writer failed; `error` is its own words.
    Workbook { error: String },
    /// The Word writer failed; `error` is its own words.
    Document { error: String },
}

impl Message for ReportProblem {
    fn vi(&self) -> Said {
        match self {
            ReportProblem::Workbook { error } => {
                Said::new(format!("không tạo được tệp Excel ({error})"))
            }
            ReportProblem::Document { error } => {
                Said::new(format!("không tạo được tệp Word của công văn ({error})"))
            }
        }
    }

    fn en(&self) -> Said {
        match self {
            ReportProblem::Workbook { error } => {
                Said::new(format!("cannot make the Excel workbook ({error})"))
            }
            ReportProblem::Document { error } => {
                Said::new(format!("cannot make the letter's Word file ({error})"))
            }
        }
    }
}
