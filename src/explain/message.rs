//! What can be wrong with what `campaign explain` is asked, worded once per language.

use crate::diagnostic::{Message, Said};

/// `--district` names no district of the scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ExplainProblem {
    /// `wanted` (normalised) is not a district; `close` is the district it may be a typing
    /// mistake for, `shown` the first of the scenario's districts and `more` how many others
    /// there are.
    UnknownDistrict {
        wanted: String,
        close: Option<String>,
        shown: Vec<String>,
        more: usize,
    },
    /// `wanted` (normalised) is the name of two or more districts once the unit word is set
    /// aside ("Lạng Sơn" for "Thành phố Lạng Sơn" and "Huyện Lạng Sơn"): `candidates`, their
    /// names in full.
    AmbiguousDistrict {
        wanted: String,
        candidates: Vec<String>,
    },
}

/// Names for a hint: `"a", "b", "c"`.
fn quoted(names: &[String]) -> String {
    crate::text::quoted_list(names)
}

impl Message for ExplainProblem {
    fn vi(&self) -> Said {
        let (wanted, close, shown, more) = match self {
            ExplainProblem::UnknownDistrict {
                wanted,
                close,
                shown,
                more,
            } => (wanted, close, shown, more),
            ExplainProblem::AmbiguousDistrict { wanted, candidates } => {
                let example = candidates.first().unwrap_or(wanted);
                return Said::new(format!(
                    "\"{wanted}\" là tên của {} huyện của kịch bản: {}; không biết bạn muốn \
                     xem huyện nào",
                    crate::number::count(crate::text::Lang::Vi, candidates.len() as f64),
                    quoted(candidates)
                ))
                .hint(format!(
                    "ghi đầy đủ tên, cả loại đơn vị, ví dụ --district \"{example}\""
                ));
            }
        };
        Said::new(format!("kịch bản không có huyện \"{wanted}\"")).hint(match close {
            Some(s) => match crate::diagnostic::unlike_vi(wanted) {
                Some(why) => format!("có phải ý bạn là \"{s}\"? ({why})"),
                None => format!("có phải ý bạn là \"{s}\"?"),
            },
            None if *more > 0 => format!(
                "các huyện của kịch bản: {} và {more} huyện khác",
                quoted(shown)
            ),
            None => format!("các huyện của kịch bản: {}", quoted(shown)),
        })
    }

    fn en(&self) -> Said {
        let (wanted, close, shown, more) = match self {
            ExplainProblem::UnknownDistrict {
                wanted,
                close,
                shown,
                more,
            } => (wanted, close, shown, more),
            ExplainProblem::AmbiguousDistrict { wanted, candidates } => {
                let example = candidates.first().unwrap_or(wanted);
                return Said::new(format!(
                    "\"{wanted}\" is the name of {} of the scenario's districts: {}; which one \
                     you mean is not known",
                    crate::number::count(crate::text::Lang::En, candidates.len() as f64),
                    quoted(candidates)
                ))
                .hint(format!(
                    "write the full name, unit word and all, e.g. --district \"{example}\""
                ));
            }
        };
        Said::new(format!("the scenario has no district \"{wanted}\"")).hint(match close {
            Some(s) => match crate::diagnostic::unlike_en(wanted) {
                Some(why) => format!("did you mean \"{s}\"? ({why})"),
                None => format!("did you mean \"{s}\"?"),
            },
            None if *more > 0 => format!(
                "the scenario's districts are: {} and {more} more",
                quoted(shown)
            ),
            None => format!("the scenario's districts are: {}", quoted(shown)),
        })
    }
}
