//! What can be wrong with a sweep, each kind with its data, worded once per language: a
//! `--vary KEY=FROM..TO:STEP` that cannot be read, and the value a failed plan was made for.

use crate::diagnostic::{Message, Said};

/// A `--vary` that cannot be read. Every one takes the same hint: the form, with examples.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum VaryProblem {
    /// No `=` in `text`, the whole `--vary` as typed.
    NoEquals {
        text: String,
    },
    NoKey,
    /// The range (what follows `=`) has no `..`.
    NoDots {
        range: String,
    },
    /// The range has no `:STEP`.
    NoStep {
        range: String,
    },
    /// The start, end or step (`bound`) is `written`, not a finite number.
    NotANumber {
        bound: Bound,
        written: String,
    },
    StepNotPositive {
        step: String,
    },
    EndBelowStart {
        from: String,
        to: String,
    },
    /// The step is finer than the decimals of the start and step as written (`1e-9`).
    StepTooFine {
        step: String,
    },
    /// The range gives `values` values, more than [`super::MAX_VALUES`].
    TooMany {
        range: String,
        values: u64,
    },
}

/// A part of a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Bound {
    Start,
    End,
    Step,
}

impl Message for VaryProblem {
    fn vi(&self) -> Said {
        use VaryProblem::*;
        let max = super::MAX_VALUES;
        Said::new(match self {
            NoEquals { text } => {
                format!("thiếu dấu `=` giữa khóa và khoảng giá trị trong `{text}`")
            }
            NoKey => "chưa ghi khóa cần thay đổi".to_string(),
            NoDots { range } => {
                format!("khoảng giá trị `{range}` thiếu `..` giữa điểm đầu và điểm cuối")
            }
            NoStep { range } => format!("khoảng giá trị `{range}` thiếu bước `:BƯỚC`"),
            NotANumber { bound, written } => {
                let bound = match bound {
                    Bound::Start => "điểm đầu",
                    Bound::End => "điểm cuối",
                    Bound::Step => "bước",
                };
                format!("{bound} `{written}` không phải là một số")
            }
            StepNotPositive { step } => format!("bước phải lớn hơn 0, không phải {step}"),
            EndBelowStart { from, to } => format!("điểm cuối {to} nhỏ hơn điểm đầu {from}"),
            StepTooFine { step } => {
                format!("bước {step} quá nhỏ so với số chữ số thập phân của điểm đầu")
            }
            TooMany { range, values } => {
                format!("khoảng `{range}` cho {values} giá trị, nhiều hơn mức tối đa {max}")
            }
        })
        .hint(
            "viết `--vary KHÓA=TỪ..ĐẾN:BƯỚC`, ví dụ `--vary team_kind.volunteer.available=10..50:10` \
             hoặc `--vary target.provincial_rate=0.40..0.50:0.02`",
        )
    }

    fn en(&self) -> Said {
        use VaryProblem::*;
        let max = super::MAX_VALUES;
        Said::new(match self {
            NoEquals { text } => format!("`=` missing between the key and the range in `{text}`"),
            NoKey => "the key to vary is missing".to_string(),
            NoDots { range } => format!("the range `{range}` lacks `..` between its start and end"),
            NoStep { range } => format!("the range `{range}` lacks its step `:STEP`"),
            NotANumber { bound, written } => {
                let bound = match bound {
                    Bound::Start => "start",
                    Bound::End => "end",
                    Bound::Step => "step",
                };
                format!("the {bound} `{written}` is not a number")
            }
            StepNotPositive { step } => format!("the step must be above 0, not {step}"),
            EndBelowStart { from, to } => format!("the end {to} is below the start {from}"),
            StepTooFine { step } => format!("the step {step} is finer than the start's decimals"),
            TooMany { range, values } => {
                format!("the range `{range}` gives {values} values, more than the {max} allowed")
            }
        })
        .hint(
            "write `--vary KEY=FROM..TO:STEP`, e.g. `--vary team_kind.volunteer.available=10..50:10` \
             or `--vary target.provincial_rate=0.40..0.50:0.02`",
        )
    }
}

/// Said after the error of a value's plan: the value it was made for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FailedAt {
    pub key: String,
    /// As written for `--set`.
    pub value: String,
}

impl Message for FailedAt {
    fn vi(&self) -> Said {
        Said::new(format!("(khi {} = {})", self.key, self.value))
    }

    fn en(&self) -> Said {
        Said::new(format!("(with {} = {})", self.key, self.value))
    }
}
