//! A rule file that cannot be read or compiled.

use super::super::limits::{MAX_ARRAY_SIZE, MAX_FUNCTIONS, MAX_MAP_SIZE, MAX_STRING_SIZE};
use crate::diagnostic::{Message, Said};
use crate::number::count;
use crate::text::Lang;

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
    /// More functions than [`MAX_FUNCTIONS`].
    TooManyFunctions,
    /// A text, list or map written in the file past the limits.
    LiteralTooLarge {
        what: Literal,
    },
    /// `\q` in a text: a backslash and a letter that means nothing.
    BadEscape {
        text: String,
    },
    MalformedNumber {
        text: String,
    },
    /// Two functions of one name and number of parameters.
    DuplicateFunction {
        name: String,
        params: usize,
    },
    /// Two parameters of one name.
    DuplicateParameter {
        function: String,
        name: String,
    },
    /// Two entries of one name in `#{ ... }`.
    DuplicateEntry {
        name: String,
    },
    /// `break` or `continue` outside a loop.
    BreakOutsideLoop,
    /// A `const` given a new value.
    AssignToConstant {
        name: String,
    },
    /// Something on the left of `=` that cannot be given a value.
    CannotAssign,
    /// `fn` inside a function or a block.
    NestedFunction,
    /// `if` on something never true/false (`expected_bool`), or `for` over something that
    /// cannot be gone through; `found` is what it is, in Rhai's words.
    Mismatched {
        expected_bool: bool,
        found: String,
    },
    /// One the Vietnamese words do not know: Rhai's English is given.
    Other,
}

/// What was written too large in a rule file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Literal {
    Text,
    List,
    Map,
}

/// What Rhai names a value it found where another was needed ("a number", "an object map"),
/// in Vietnamese.
fn found_vi(found: &str) -> &str {
    match found {
        "()" => "không có giá trị",
        "a boolean" => "true/false",
        "a number" | "a floating-point number" => "một số",
        "a character" => "một ký tự",
        "a string" => "một đoạn chữ",
        "an array" => "một danh sách",
        "an object map" => "một bảng",
        other => other,
    }
}

fn found_en(found: &str) -> &str {
    match found {
        "()" => "nothing",
        "a boolean" => "true/false",
        "a floating-point number" => "a number",
        "an array" => "a list",
        "an object map" => "a map",
        other => other,
    }
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
            Syntax::TooManyFunctions => format!(
                "tệp có quá nhiều hàm (tối đa {})",
                count(Lang::Vi, MAX_FUNCTIONS as f64)
            ),
            Syntax::LiteralTooLarge { what } => match what {
                Literal::Text => format!(
                    "đoạn chữ viết trong tệp quá dài (tối đa {} byte; một chữ tiếng Việt có dấu \
                     chiếm 2 hoặc 3 byte)",
                    count(Lang::Vi, MAX_STRING_SIZE as f64)
                ),
                Literal::List => format!(
                    "danh sách viết trong tệp có quá nhiều phần tử (tối đa {})",
                    count(Lang::Vi, MAX_ARRAY_SIZE as f64)
                ),
                Literal::Map => format!(
                    "bảng `#{{ ... }}` viết trong tệp có quá nhiều mục (tối đa {})",
                    count(Lang::Vi, MAX_MAP_SIZE as f64)
                ),
            },
            Syntax::BadEscape { text } => format!(
                "`{text}` không phải ký tự đặc biệt hợp lệ trong đoạn chữ (muốn viết dấu `\\` \
                 thì viết `\\\\`)"
            ),
            Syntax::MalformedNumber { text } => format!("số `{text}` viết sai"),
            Syntax::DuplicateFunction { name, params } => format!(
                "hàm `{name}` với {params} tham số đã được định nghĩa ở trên (mỗi hàm một tên)"
            ),
            Syntax::DuplicateParameter { function, name } => {
                format!("hàm `{function}` có hai tham số cùng tên `{name}`")
            }
            Syntax::DuplicateEntry { name } => {
                format!("bảng `#{{ ... }}` có hai mục cùng tên `{name}`")
            }
            Syntax::BreakOutsideLoop => {
                "`break` và `continue` chỉ dùng được bên trong vòng lặp".to_string()
            }
            Syntax::AssignToConstant { name } => format!(
                "`{name}` là hằng (khai báo bằng `const`) nên không gán lại được; khai báo bằng \
                 `let` nếu cần thay đổi"
            ),
            Syntax::CannotAssign => "vế trái của dấu `=` không gán giá trị được".to_string(),
            Syntax::NestedFunction => {
                "hàm `fn` chỉ định nghĩa được ở ngoài cùng của tệp, không ở trong hàm hay khối \
                 lệnh khác"
                    .to_string()
            }
            Syntax::Mismatched {
                expected_bool: true,
                found,
            } => format!(
                "điều kiện phải là đúng/sai (true/false), không phải {}",
                found_vi(found)
            ),
            Syntax::Mismatched {
                expected_bool: false,
                found,
            } => format!(
                "`for` chỉ đi qua được một danh sách, một khoảng số (ví dụ `0..10`) hoặc một đoạn \
                 chữ, không phải {}",
                found_vi(found)
            ),
            Syntax::Other => format!("{rhai} (chi tiết bằng tiếng Anh)"),
        }
    }

    fn en(&self, rhai: &str) -> String {
        match self {
            Syntax::Disabled { symbol } => format!("`{symbol}` is not available in rules"),
            Syntax::TooManyFunctions => format!(
                "the file defines too many functions (at most {})",
                count(Lang::En, MAX_FUNCTIONS as f64)
            ),
            Syntax::LiteralTooLarge { what } => match what {
                Literal::Text => format!(
                    "a text written in the file is too long (at most {} bytes; a Vietnamese \
                     letter with its marks takes 2 or 3)",
                    count(Lang::En, MAX_STRING_SIZE as f64)
                ),
                Literal::List => format!(
                    "a list written in the file has too many items (at most {})",
                    count(Lang::En, MAX_ARRAY_SIZE as f64)
                ),
                Literal::Map => format!(
                    "a map `#{{ ... }}` written in the file has too many entries (at most {})",
                    count(Lang::En, MAX_MAP_SIZE as f64)
                ),
            },
            Syntax::BadEscape { text } => {
                format!("`{text}` is not a valid escape in a text (to write `\\`, write `\\\\`)")
            }
            Syntax::MalformedNumber { text } => format!("the number `{text}` is malformed"),
            Syntax::DuplicateFunction { name, params } => format!(
                "a function `{name}` with {params} {} is already defined above (give each \
                 function its own name)",
                if *params == 1 {
                    "parameter"
                } else {
                    "parameters"
                }
            ),
            Syntax::DuplicateParameter { function, name } => {
                format!("the function `{function}` has two parameters called `{name}`")
            }
            Syntax::DuplicateEntry { name } => {
                format!("the map `#{{ ... }}` has two entries called `{name}`")
            }
            Syntax::BreakOutsideLoop => {
                "`break` and `continue` can only be used inside a loop".to_string()
            }
            Syntax::AssignToConstant { name } => format!(
                "`{name}` is a constant (declared with `const`) and cannot be given a new value; \
                 declare it with `let` if it must change"
            ),
            Syntax::CannotAssign => "what is left of the `=` cannot be given a value".to_string(),
            Syntax::NestedFunction => {
                "a function `fn` can only be defined at the top of the file, not inside a \
                 function or a block"
                    .to_string()
            }
            Syntax::Mismatched {
                expected_bool: true,
                found,
            } => format!("a condition must be true or false, not {}", found_en(found)),
            Syntax::Mismatched {
                expected_bool: false,
                found,
            } => format!(
                "`for` can only go through a list, a range of numbers (e.g. `0..10`) or a text, \
                 not {}",
                found_en(found)
            ),
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
