//! What can be wrong with a sweep, each kind with its data, worded once per language: a
//! `--vary KEY=FROM..TO:STEP` that cannot be read, and the value a failed plan was made for.

use crate::diagnostic::{Message, Said};
use crate::text::{Lang, Text};

/// A count in `lang`'s format: 8.000.001 / 8,000,001.
fn count(lang: Lang, n: u64) -> String {
    crate::number::count(lang, n as f64)
}

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
    /// The range gives `values` values, more than [`super::MAX_VALUES`]; `fits`, a step that
    /// gives fewer.
    TooMany {
        range: String,
        values: u64,
        fits: Option<Fits>,
    },
}

/// A step that gives at most [`super::MAX_VALUES`] values (`values`), and the `--vary` with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Fits {
    pub step: String,
    pub values: u64,
    pub vary: String,
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
        let said = Said::new(match self {
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
            TooMany { range, values, .. } => {
                let (values, max) = (count(Lang::Vi, *values), count(Lang::Vi, max as u64));
                format!("khoảng `{range}` cho {values} giá trị, nhiều hơn mức tối đa {max}")
            }
        });
        if let TooMany {
            fits: Some(Fits { step, values, vary }),
            ..
        } = self
        {
            let values = count(Lang::Vi, *values);
            return said.hint(format!(
                "dùng bước {step} ({values} giá trị): --vary {vary}"
            ));
        }
        if let NotANumber { .. } = self {
            return said.hint(
                "viết `--vary KHÓA=TỪ..ĐẾN:BƯỚC`, mỗi điểm bằng chữ số với dấu chấm thập phân (có thể nhóm chữ số bằng `_` như trong tệp kịch bản), \
                 ví dụ `--vary budget=100_000_000..300_000_000:100_000_000` hoặc `--vary target.provincial_rate=0.40..0.50:0.02`",
            );
        }
        said.hint(
            "viết `--vary KHÓA=TỪ..ĐẾN:BƯỚC`, ví dụ `--vary team_kind.volunteer.available=10..50:10` \
             hoặc `--vary target.provincial_rate=0.40..0.50:0.02`",
        )
    }

    fn en(&self) -> Said {
        use VaryProblem::*;
        let max = super::MAX_VALUES;
        let said = Said::new(match self {
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
            TooMany { range, values, .. } => {
                let (values, max) = (count(Lang::En, *values), count(Lang::En, max as u64));
                format!("the range `{range}` gives {values} values, more than the {max} allowed")
            }
        });
        if let TooMany {
            fits: Some(Fits { step, values, vary }),
            ..
        } = self
        {
            let values = count(Lang::En, *values);
            return said.hint(format!(
                "use the step {step} ({values} values): --vary {vary}"
            ));
        }
        if let NotANumber { .. } = self {
            return said.hint(
                "write `--vary KEY=FROM..TO:STEP`, each bound in digits with a decimal point (grouped by `_` if you like, as in a scenario file), \
                 e.g. `--vary budget=100_000_000..300_000_000:100_000_000` or `--vary target.provincial_rate=0.40..0.50:0.02`",
            );
        }
        said.hint(
            "write `--vary KEY=FROM..TO:STEP`, e.g. `--vary team_kind.volunteer.available=10..50:10` \
             or `--vary target.provincial_rate=0.40..0.50:0.02`",
        )
    }
}

/// A range of a key that takes whole numbers (`key`) with a part that is not whole: the start
/// (`from`, as typed), or the step (as typed) and the first value it gives that is not whole
/// (`gives`, written with `places` decimals; `None` when every value it gives in the range is
/// whole) (trial 13f J15: the error quoted `10.0` for the `10` typed).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum NotWhole {
    Start {
        key: String,
        from: String,
    },
    Step {
        key: String,
        step: String,
        gives: Option<f64>,
        places: usize,
    },
}

impl Message for NotWhole {
    fn vi(&self) -> Said {
        Said::new(match self {
            NotWhole::Start { key, from } => {
                format!("`{key}` nhận số nguyên: điểm đầu {from} không phải số nguyên")
            }
            NotWhole::Step {
                key,
                step,
                gives: Some(gives),
                places,
            } => {
                let gives = crate::number::decimal_or_power(Lang::Vi, *gives, *places);
                format!("`{key}` nhận số nguyên: bước {step} cho ra {gives}, không phải số nguyên")
            }
            NotWhole::Step { key, step, .. } => {
                format!("`{key}` nhận số nguyên: bước {step} không phải số nguyên")
            }
        })
    }

    fn en(&self) -> Said {
        Said::new(match self {
            NotWhole::Start { key, from } => {
                format!("`{key}` takes whole numbers: the start {from} is not one")
            }
            NotWhole::Step {
                key,
                step,
                gives: Some(gives),
                places,
            } => {
                let gives = crate::number::decimal_or_power(Lang::En, *gives, *places);
                format!(
                    "`{key}` takes whole numbers: the step {step} gives {gives}, not a whole number"
                )
            }
            NotWhole::Step { key, step, .. } => {
                format!("`{key}` takes whole numbers: the step {step} is not one")
            }
        })
    }
}

/// A `--set` (`setting`, as typed) of the key `key` that `--vary` changes: it would be
/// overridden by every value of the range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct AlsoSet {
    pub key: String,
    pub setting: String,
}

impl Message for AlsoSet {
    fn vi(&self) -> Said {
        let AlsoSet { key, setting } = self;
        Said::new(format!(
            "khóa `{key}` cũng là khóa mà --vary thay đổi: mỗi giá trị của khoảng sẽ thay cho giá trị này"
        ))
        .hint(format!(
            "bỏ --set {setting}; muốn có giá trị đó trong bảng thì đưa nó vào khoảng --vary {key}=TỪ..ĐẾN:BƯỚC"
        ))
    }

    fn en(&self) -> Said {
        let AlsoSet { key, setting } = self;
        Said::new(format!(
            "`{key}` is the key that --vary changes: every value of the range would replace this one"
        ))
        .hint(format!(
            "leave out --set {setting}; to see that value in the table, put it in the range --vary {key}=FROM..TO:STEP"
        ))
    }
}

/// What to do when a value of a `--vary` range is refused for its key `key`, each with the
/// range to type instead (`range`, as `KEY=FROM..TO:STEP`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum VaryHint {
    /// The key takes whole numbers; the range has decimals.
    Whole { key: String, range: String },
    /// The key takes a text, a date or a list, not a number.
    NoNumber { key: String },
    /// The key is a share and the range is written in percent (`30..50:5`).
    Percent { key: String, range: String },
    /// The key is a share and the whole range is above 1, not written as percents.
    ShareWritten { key: String },
    /// The key is a share and the range goes above 1.
    ShareAboveOne { key: String, range: String },
    /// The key is a share above 0 and the range starts at 0 or below.
    ShareNotAboveZero { key: String, range: String },
    /// Any other value refused.
    Other { key: String },
    /// A value that does not go with a value written elsewhere, at `other` (a snapshot's
    /// figure, the base's `as_of`, ...): the range must change (trial 13e H26).
    Conflict { key: String, other: String },
    /// A rule stopped, and it reads `key`, which the sweep set to `value` from `vary`.
    RuleReads {
        rule: String,
        key: String,
        vary: String,
        value: Text,
    },
    /// A range written as a person writes it (`40%..60%`, `40%:60%:5%`, no step): the
    /// `--vary` to type (`typed`, quoted for a shell); `percent` when percents became shares.
    Typed { typed: String, percent: bool },
}

impl VaryHint {
    /// The hint, in both languages.
    pub fn text(&self) -> Text {
        Text::new(self.vi(), self.en())
    }

    fn vi(&self) -> String {
        use VaryHint::*;
        match self {
            Whole { key, range } => format!(
                "`{key}` là số nguyên: chọn điểm đầu và bước là số nguyên, ví dụ --vary {range}"
            ),
            NoNumber { key } => format!(
                "--vary chỉ thay đổi khóa nhận số; `{key}` nhận chữ (hoặc ngày, danh sách): so sánh vài giá trị bằng `campaign compare`, hoặc chạy `campaign plan ... --set {key}=...` cho từng giá trị"
            ),
            Percent { key, range } => format!(
                "`{key}` là tỷ lệ, ghi bằng số thập phân từ 0 đến 1 (30% là 0.3): gõ --vary {range}"
            ),
            ShareWritten { key } => format!(
                "`{key}` là tỷ lệ, ghi bằng số thập phân từ 0 đến 1 (40% là 0.4): chọn khoảng trong 0..1, ví dụ --vary {key}=0.30..0.50:0.05"
            ),
            ShareAboveOne { key, range } => format!(
                "`{key}` là tỷ lệ, không quá 1 (100%): cho khoảng dừng ở 1, ví dụ --vary {range}"
            ),
            ShareNotAboveZero { key, range } => format!(
                "`{key}` là tỷ lệ lớn hơn 0: bắt đầu khoảng từ một số lớn hơn 0, ví dụ --vary {range}"
            ),
            RuleReads {
                rule,
                key,
                vary,
                value,
            } => format!(
                "quy tắc `{rule}` đọc `{key}`, mà `--vary {vary}` đặt bằng {} ở giá trị này: nguyên nhân có thể là giá trị đó; thu hẹp khoảng lại trong những giá trị quy tắc dùng được (như giá trị trong tệp kịch bản)",
                value.get(Lang::Vi)
            ),
            Other { key } => format!(
                "chọn một khoảng mà mọi giá trị đều dùng được cho `{key}` (xem thông báo ở trên), rồi chạy lại"
            ),
            Conflict { key, other } => format!(
                "giá trị này của --vary không khớp với số ghi ở {other}: đổi khoảng của `{key}` sao cho mọi giá trị đều khớp (xem thông báo ở trên), rồi chạy lại"
            ),
            Typed { typed, percent } => format!(
                "viết `--vary KHÓA=TỪ..ĐẾN:BƯỚC`{}: gõ --vary {typed}",
                if *percent {
                    ", tỷ lệ bằng số thập phân có dấu chấm (40% là 0.4)"
                } else {
                    ""
                }
            ),
        }
    }

    fn en(&self) -> String {
        use VaryHint::*;
        match self {
            Whole { key, range } => format!(
                "`{key}` is a whole number: give a whole start and step, e.g. --vary {range}"
            ),
            NoNumber { key } => format!(
                "--vary changes keys that take numbers; `{key}` takes a text (or a date, a list): compare a few values with `campaign compare`, or run `campaign plan ... --set {key}=...` for each"
            ),
            Percent { key, range } => format!(
                "`{key}` is a share, written as a decimal from 0 to 1 (30% is 0.3): type --vary {range}"
            ),
            ShareWritten { key } => format!(
                "`{key}` is a share, written as a decimal from 0 to 1 (40% is 0.4): choose a range within 0..1, e.g. --vary {key}=0.30..0.50:0.05"
            ),
            ShareAboveOne { key, range } => format!(
                "`{key}` is a share, at most 1 (100%): end the range at 1, e.g. --vary {range}"
            ),
            ShareNotAboveZero { key, range } => {
                format!("`{key}` is a share above 0: start the range above 0, e.g. --vary {range}")
            }
            RuleReads {
                rule,
                key,
                vary,
                value,
            } => format!(
                "the rule `{rule}` reads `{key}`, which `--vary {vary}` sets to {} here: that value is the likely cause; narrow the range to values the rule can use (like the scenario file's)",
                value.get(Lang::En)
            ),
            Other { key } => format!(
                "choose a range whose every value can be used for `{key}` (see the message above), then run again"
            ),
            Conflict { key, other } => format!(
                "this value of --vary does not go with the one at {other}: change the range of `{key}` so that every value does (see the message above), then run again"
            ),
            Typed { typed, percent } => format!(
                "write `--vary KEY=FROM..TO:STEP`{}: type --vary {typed}",
                if *percent {
                    ", shares as decimals with a dot (40% is 0.4)"
                } else {
                    ""
                }
            ),
        }
    }
}

/// Said with the error of a value's plan (at the end of its first line, not as an error of its
/// own): the value it was made for, and the `--vary` it comes from, since the error's own words
/// may speak of the scenario's figure or a `--set` (trial 13e H26).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FailedAt {
    pub key: String,
    /// As each language writes numbers.
    pub value: Text,
    /// The `--vary` as typed.
    pub vary: String,
}

impl Message for FailedAt {
    fn vi(&self) -> Said {
        Said::new(format!(
            "(khi {} = {}, một giá trị của --vary {})",
            self.key,
            self.value.get(Lang::Vi),
            self.vary
        ))
    }

    fn en(&self) -> Said {
        Said::new(format!(
            "(with {} = {}, a value of --vary {})",
            self.key,
            self.value.get(Lang::En),
            self.vary
        ))
    }
}
