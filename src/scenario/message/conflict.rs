//! A check between two values of a scenario, written in two places (an overlay's value, or a
//! `--set`'s, against its base's): the error points at one, and names where the other is.

use crate::diagnostic::{Message, Said};

/// `problem`, said at one of two values that do not go together, and where the other one,
/// `field`, is written (`other_at`: `scenarios/base.toml:12`, or `--set KEY=VALUE` as typed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Conflict {
    pub vi: Said,
    pub en: Said,
    pub field: String,
    pub other_at: String,
}

impl Conflict {
    pub fn of(problem: &impl Message, field: &str, other_at: String) -> Conflict {
        Conflict {
            vi: problem.vi(),
            en: problem.en(),
            field: field.to_string(),
            other_at,
        }
    }
}

impl Message for Conflict {
    fn vi(&self) -> Said {
        let (field, at) = (&self.field, &self.other_at);
        let problem = format!("{} (mâu thuẫn với `{field}` ghi ở {at})", self.vi.problem);
        let also = format!("nếu giá trị ở đây đúng, sửa `{field}` ở {at}");
        Said::new(problem).hint(match &self.vi.hint {
            Some(hint) => format!("{hint}; {also}"),
            None => also,
        })
    }

    fn en(&self) -> Said {
        let (field, at) = (&self.field, &self.other_at);
        let problem = format!("{} (conflicts with `{field}` at {at})", self.en.problem);
        let also = format!("if the value here is right, change `{field}` at {at}");
        Said::new(problem).hint(match &self.en.hint {
            Some(hint) => format!("{hint}; {also}"),
            None => also,
        })
    }
}
