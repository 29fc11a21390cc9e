//! What can be wrong with a list in `[params]` (a value of the wrong kind is a
//! [`super::DocumentProblem`]).

use crate::diagnostic::{Message, Said};
use crate::number::count;
use crate::scenario::params::{MAX_PARAM_ITEMS, MAX_PARAM_TEXT, MAX_PARAMS};
use crate::text::Lang;

/// A problem with a list in `[params]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ParamProblem {
    /// A list in a list.
    NestedList,
    /// Item `item` (1-based) of a list is `this`, the first is `first`.
    MixedList {
        first: ParamType,
        item: usize,
        this: ParamType,
    },
    /// A list of `items` items, more than [`MAX_PARAM_ITEMS`].
    TooManyItems { items: usize },
    /// A value whose texts take `bytes` bytes, more than [`MAX_PARAM_TEXT`].
    TextTooLong { bytes: usize },
    /// More keys than [`MAX_PARAMS`]: this is the first past it.
    TooMany,
    /// A key of the whole scenario (`budget`) under `[params]`, where no rule of ours reads it
    /// and the plan would go without it (trial 13f J22).
    ScenarioKey { key: String, setting: &'static str },
}

/// What a parameter is for, as the hint about one too large says.
const PARAMS_HOLD: (&str, &str) = (
    "một tham số chỉ nên chứa điều quy tắc cần (ví dụ một ngưỡng, hay tên vài huyện vùng cao), \
     không phải cả một bảng số liệu: số liệu của từng huyện để trong mục [[district]] hoặc tệp \
     số liệu phủ (coverage)",
    "a parameter should hold what a rule needs (a threshold, the names of a few remote \
     districts), not a whole table: the figures of each district belong in [[district]] or the \
     coverage file",
);

/// The type of an item of a `[params]` list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ParamType {
    Number,
    Text,
    Bool,
    List,
}

impl ParamType {
    fn vi(self) -> &'static str {
        match self {
            ParamType::Number => "một số",
            ParamType::Text => "một chuỗi chữ",
            ParamType::Bool => "true/false",
            ParamType::List => "một danh sách",
        }
    }

    fn en(self) -> &'static str {
        match self {
            ParamType::Number => "a number",
            ParamType::Text => "a string",
            ParamType::Bool => "true/false",
            ParamType::List => "a list",
        }
    }
}

impl Message for ParamProblem {
    fn vi(&self) -> Said {
        match self {
            ParamProblem::NestedList => Said::new("danh sách trong [params] không được chứa danh sách khác")
                .hint("ghi các giá trị liền nhau trong một danh sách, ví dụ [0.1, 0.2], hoặc tách thành nhiều tham số"),
            ParamProblem::MixedList { first, item, this } => Said::new(format!(
                "mọi giá trị trong một danh sách phải cùng loại: giá trị đầu là {}, giá trị thứ {item} là {}",
                first.vi(),
                this.vi()
            ))
            .hint("số viết không có ngoặc kép, chữ viết trong ngoặc kép"),
            ParamProblem::TooManyItems { items } => Said::new(format!(
                "danh sách có {} giá trị; quy tắc chỉ đọc được danh sách tối đa {} giá trị",
                count(Lang::Vi, *items as f64),
                count(Lang::Vi, MAX_PARAM_ITEMS as f64)
            ))
            .hint(PARAMS_HOLD.0),
            ParamProblem::TextTooLong { bytes } => Said::new(format!(
                "chữ trong giá trị này dài {} byte; quy tắc chỉ đọc được tối đa {} byte chữ trong \
                 một tham số (một chữ tiếng Việt có dấu chiếm 2 hoặc 3 byte)",
                count(Lang::Vi, *bytes as f64),
                count(Lang::Vi, MAX_PARAM_TEXT as f64)
            ))
            .hint(PARAMS_HOLD.0),
            ParamProblem::TooMany => Said::new(format!(
                "[params] có hơn {} tham số; đây là tham số thứ {}",
                count(Lang::Vi, MAX_PARAMS as f64),
                count(Lang::Vi, (MAX_PARAMS + 1) as f64)
            ))
            .hint(PARAMS_HOLD.0),
            ParamProblem::ScenarioKey { key, setting } => Said::new(format!(
                "`{key}` là một mục của cả kịch bản{}, không phải tham số của quy tắc: nằm dưới [params], nó không thay đổi kế hoạch",
                super::district::spelt_vi(key, setting)
            ))
            .hint(format!(
                "{}; nếu một quy tắc cần tham số riêng, đặt tên khác, ví dụ `rule_{setting}`",
                super::district::scenario_key_hint(Lang::Vi, key, setting)
            )),
        }
    }

    fn en(&self) -> Said {
        match self {
            ParamProblem::NestedList => Said::new("a list in [params] cannot hold another list")
                .hint("write the values in one flat list, e.g. [0.1, 0.2], or split it into several parameters"),
            ParamProblem::MixedList { first, item, this } => Said::new(format!(
                "every item of a list must be of one type: the first is {}, item {item} is {}",
                first.en(),
                this.en()
            ))
            .hint("write numbers without quotes and texts in double quotes"),
            ParamProblem::TooManyItems { items } => Said::new(format!(
                "the list has {} items; a rule can read a list of at most {}",
                count(Lang::En, *items as f64),
                count(Lang::En, MAX_PARAM_ITEMS as f64)
            ))
            .hint(PARAMS_HOLD.1),
            ParamProblem::TextTooLong { bytes } => Said::new(format!(
                "the text of this value takes {} bytes; a rule can read at most {} bytes of text \
                 in one parameter (a Vietnamese letter with its marks takes 2 or 3 bytes)",
                count(Lang::En, *bytes as f64),
                count(Lang::En, MAX_PARAM_TEXT as f64)
            ))
            .hint(PARAMS_HOLD.1),
            ParamProblem::TooMany => Said::new(format!(
                "[params] has more than {} parameters; this is parameter {}",
                count(Lang::En, MAX_PARAMS as f64),
                count(Lang::En, (MAX_PARAMS + 1) as f64)
            ))
            .hint(PARAMS_HOLD.1),
            ParamProblem::ScenarioKey { key, setting } => Said::new(format!(
                "`{key}` is a setting of the whole scenario{}, not a rule's parameter: under [params] it does not change the plan",
                super::district::spelt_en(key, setting)
            ))
            .hint(format!(
                "{}; if a rule needs a parameter of its own, give it another name, such as `rule_{setting}`",
                super::district::scenario_key_hint(Lang::En, key, setting)
            )),
        }
    }
}
