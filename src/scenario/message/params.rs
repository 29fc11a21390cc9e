//! What can be wrong with a list in `[params]` (a value of the wrong kind is a
//! [`super::DocumentProblem`]).

use crate::diagnostic::{Message, Said};

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
}

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
        }
    }
}
