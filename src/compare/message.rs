//! What can stop `campaign compare` setting two scenarios' districts side by side, worded once
//! per language.

use crate::diagnostic::{Message, Said};

/// A district of a later scenario that cannot be paired with one of scenario A's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PairProblem {
    /// Scenario `letter`'s district `name` is the name of two or more of A's districts once
    /// the unit word is set aside (`candidates`, A's names in full).
    Ambiguous {
        letter: String,
        name: String,
        candidates: Vec<String>,
    },
}

impl Message for PairProblem {
    fn vi(&self) -> Said {
        match self {
            PairProblem::Ambiguous {
                letter,
                name,
                candidates,
            } => Said::new(format!(
                "huyện \"{name}\" của kịch bản {letter} là tên của {} huyện của kịch bản A: {}; \
                 không biết so với huyện nào",
                candidates.len(),
                crate::text::quoted_list(candidates)
            ))
            .hint(format!(
                "trong kịch bản {letter}, ghi đầy đủ tên, cả loại đơn vị, như kịch bản A ghi, ví dụ \"{}\"",
                candidates.first().unwrap_or(name)
            )),
        }
    }

    fn en(&self) -> Said {
        match self {
            PairProblem::Ambiguous {
                letter,
                name,
                candidates,
            } => Said::new(format!(
                "scenario {letter}'s district \"{name}\" is the name of {} of scenario A's \
                 districts: {}; which one it is compared with is not known",
                candidates.len(),
                crate::text::quoted_list(candidates)
            ))
            .hint(format!(
                "in scenario {letter}, write the full name, unit word and all, as scenario A \
                 does, e.g. \"{}\"",
                candidates.first().unwrap_or(name)
            )),
        }
    }
}
