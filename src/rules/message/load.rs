//! A rule file that cannot be read or compiled.

use crate::diagnostic::{Message, Said};

/// A problem with the rule file of the rule `rule` (its file stem), before it runs.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum RuleFileProblem {
    /// The file is not UTF-8 text, or holds a NUL byte: a binary file (a Word document, a
    /// picture) named as a rule.
    NotText { rule: String },
    /// A hook (`before_solve`, `after_solve`) that does not take two parameters.
    HookParameters { rule: String, hook: String },
    /// Neither hook; `meant` is a function it defines and the hook that may be a typing
    /// mistake for.
    NoHook {
        rule: String,
        meant: Option<(String, &'static str)>,
    },
    /// The file ends inside a block: the `{` shown is never closed.
    Unclosed { rule: String },
    /// Any other syntax error; `rhai` is Rhai's own words for it (English).
    Syntax {
        rule: String,
        syntax: Syntax,
        rhai: String,
    },
}

/// A syntax error, as far as the Vietnamese words go; the English is Rhai's own, but for a
/// symbol the rules turn off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Syntax {
    /// A symbol the rules engine turns off (`eval`).
    Disabled {
        symbol: String,
    },
    Unexpected {
        text: String,
    },
    UnterminatedText,
    /// The file ends too soon.
    UnexpectedEnd,
    MissingSemicolon,
    Missing {
        token: String,
    },
    UndeclaredVariable {
        name: String,
    },
    Reserved {
        word: String,
    },
    NoFunctionBody {
        name: String,
    },
    TooDeep,
    /// One the Vietnamese words do not know: Rhai's English is given.
    Other,
}

impl Syntax {
    fn vi(&self, rhai: &str) -> String {
        match self {
            Syntax::Disabled { symbol } => format!("`{symbol}` không dùng được trong quy tắc"),
            Syntax::Unexpected { text } => format!("gặp `{text}` ở chỗ không đúng"),
            Syntax::UnterminatedText => "đoạn chữ thiếu dấu ngoặc kép đóng `\"`".to_string(),
            Syntax::UnexpectedEnd => {
                "tệp kết thúc giữa chừng (có thể thiếu dấu `}` hoặc `)`)".to_string()
            }
            Syntax::MissingSemicolon => {
                "thiếu dấu `;` ở cuối câu lệnh (có thể ở cuối dòng trước)".to_string()
            }
            Syntax::Missing { token } => format!("thiếu `{token}`"),
            Syntax::UndeclaredVariable { name } => {
                format!(
                    "biến `{name}` chưa được khai báo (dùng `let {name} = ...;` trước khi dùng)"
                )
            }
            Syntax::Reserved { word } => {
                format!("`{word}` là từ dành riêng, không dùng được trong quy tắc")
            }
            Syntax::NoFunctionBody { name } => format!("hàm `{name}` thiếu phần thân `{{ ... }}`"),
            Syntax::TooDeep => "biểu thức lồng nhau quá sâu".to_string(),
            Syntax::Other => format!("{rhai} (chi tiết bằng tiếng Anh)"),
        }
    }

    fn en(&self, rhai: &str) -> String {
        match self {
            Syntax::Disabled { symbol } => format!("`{symbol}` is not available in rules"),
            _ => rhai.to_string(),
        }
    }
}

impl Message for RuleFileProblem {
    fn vi(&self) -> Said {
        use RuleFileProblem::*;
        match self {
            NotText { rule } => Said::new(format!(
                "tệp quy tắc `{rule}` không phải văn bản UTF-8 (có thể là một tệp nhị phân: tài liệu Word, hình ảnh…)"
            ))
            .hint(
                "tệp quy tắc là văn bản thuần, viết bằng một trình soạn thảo (Notepad, VS Code) và lưu với bảng mã UTF-8: kiểm tra đây đúng là tệp quy tắc cần dùng",
            ),
            HookParameters { rule, hook } => Said::new(format!(
                "quy tắc `{rule}`: hàm `{hook}` phải nhận đúng hai tham số: `fn {hook}(district, \
                 scenario)`"
            )),
            NoHook { rule, meant } => Said::new(format!(
                "quy tắc `{rule}` không có hàm `before_solve` hay `after_solve` nên không làm gì"
            ))
            .hint(match meant {
                Some((written, hook)) => format!("hàm `{written}` có phải là `{hook}`?"),
                None => "thêm `fn before_solve(district, scenario) { ... }` hoặc `fn after_solve(district, \
                         scenario) { ... }`"
                    .to_string(),
            }),
            Unclosed { rule } => Said::new(format!(
                "quy tắc `{rule}` có lỗi cú pháp: dấu `{{` ở đây không bao giờ được đóng (thiếu \
                 một dấu `}}`)"
            ))
            .hint(
                "thêm `}` ở cuối khối lệnh bắt đầu từ dấu `{` này (thường là cuối hàm hoặc cuối `if`)",
            ),
            Syntax { rule, syntax, rhai } => Said::new(format!(
                "quy tắc `{rule}` có lỗi cú pháp: {}",
                syntax.vi(rhai)
            )),
        }
    }

    fn en(&self) -> Said {
        use RuleFileProblem::*;
        match self {
            NotText { rule } => Said::new(format!(
                "the rule file `{rule}` is not UTF-8 text (it may be a binary file: a Word document, a picture…)"
            ))
            .hint(
                "a rule file is plain text, written in an editor (Notepad, VS Code) and saved as UTF-8: check that this is the rule file you meant",
            ),
            HookParameters { rule, hook } => Said::new(format!(
                "rule `{rule}`: the function `{hook}` must take exactly two parameters: \
                 `fn {hook}(district, scenario)`"
            )),
            NoHook { rule, meant } => Said::new(format!(
                "rule `{rule}` defines neither `before_solve` nor `after_solve`, so it does nothing"
            ))
            .hint(match meant {
                Some((written, hook)) => {
                    format!("is the function `{written}` meant to be `{hook}`?")
                }
                None => "add `fn before_solve(district, scenario) { ... }` or `fn after_solve(district, \
                         scenario) { ... }`"
                    .to_string(),
            }),
            Unclosed { rule } => Said::new(format!(
                "rule `{rule}` has a syntax error: the `{{` here is never closed (a `}}` is missing)"
            ))
            .hint(
                "add the `}` that ends the block this `{` opens (usually the end of a function or an `if`)",
            ),
            Syntax { rule, syntax, rhai } => Said::new(format!(
                "rule `{rule}` has a syntax error: {}",
                syntax.en(rhai)
            )),
        }
    }
}
