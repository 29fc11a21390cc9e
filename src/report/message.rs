//! What can go wrong writing a plan, worded once per language.

use crate::diagnostic::{Message, Said};

/// A plan that cannot be put into a format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ReportProblem {
    /// The workbook writer failed; `error` is its own words.
    Workbook { error: String },
}

impl Message for ReportProblem {
    fn vi(&self) -> Said {
        let ReportProblem::Workbook { error } = self;
        Said::new(format!("không tạo được tệp Excel ({error})"))
    }

    fn en(&self) -> Said {
        let ReportProblem::Workbook { error } = self;
        Said::new(format!("cannot make the Excel workbook ({error})"))
    }
}
