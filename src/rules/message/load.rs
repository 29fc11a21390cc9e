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
    /// The file starts with a UTF-16 byte-order mark (Notepad's "Unicode"), and the rest is
    /// not UTF-16 text.
    NotUtf16 { rule: String },
    /// The file is UTF-16 without its byte-order mark (every other byte 0 in plain text).
    Utf16NoMark { rule: String },
    /// The file starts with a UTF-32 byte-order mark.
    Utf32 { rule: String },
    /// A NUL character (U+0000) in a file that is otherwise text (UTF-16 with its mark).
    Nul { rule: String },
    /// A folder inside a rules folder whose name ends in `.rhai`: the rules folder's files are
    /// its `.rhai` files, and a subfolder is never read.
    Subfolder { rule: String },
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

/// A syntax error, in words for each kind of mistake (Rhai's own English only for a kind the
/// words do not know), with what to do.
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
    /// A call, a list, a map or a `(` left open where Rhai wanted `,` or the closing bracket.
    NotClosed {
        what: Enclosure,
    },
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

/// What a rule opened with a bracket and left open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Enclosure {
    /// The arguments of a call of `function`.
    Call {
        function: String,
    },
    List,
    Map,
    /// `(` in an expression.
    Parenthesis,
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

/// What to do about a reserved word or symbol: (Vietnamese, English).
fn reserved_hint(word: &str) -> (String, String) {
    match word {
        "import" => (
            "quy tắc không nạp được tệp khác: chép hàm cần dùng vào chính tệp quy tắc này".into(),
            "a rule cannot load another file: copy the function it needs into this rule file"
                .into(),
        ),
        "#" => (
            "chú thích trong quy tắc bắt đầu bằng `//`, không phải `#`".into(),
            "a comment in a rule starts with `//`, not `#`".into(),
        ),
        w if w.chars().all(|c| c.is_alphanumeric() || c == '_') => (
            format!("đặt một tên khác cho biến hay hàm này, ví dụ `{w}_value`"),
            format!("give this variable or function another name, e.g. `{w}_value`"),
        ),
        _ => (
            "xóa ký hiệu này, hoặc viết nó trong một đoạn chữ \"...\"".into(),
            "remove this symbol, or write it inside a text \"...\"".into(),
        ),
    }
}

/// A letter that is not a–z (`ệ`, `đ`): a Vietnamese word typed as a name.
fn marked_letter(text: &str) -> bool {
    let mut chars = text.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic() && !c.is_ascii())
}

impl Syntax {
    fn vi(&self, rhai: &str) -> Said {
        match self {
            Syntax::Disabled { symbol } if symbol == "eval" => {
                Said::new("`eval` không dùng được trong quy tắc").hint(
                    "quy tắc không chạy mã viết trong một đoạn chữ: viết thẳng phép tính, ví dụ \
                     `let x = 1 + 2;` thay cho `let x = eval(\"1 + 2\");`",
                )
            }
            Syntax::Disabled { symbol } => {
                Said::new(format!("`{symbol}` không dùng được trong quy tắc"))
                    .hint("xem docs/rules.md: những gì một quy tắc dùng được")
            }
            Syntax::Unexpected { text } if marked_letter(text) => {
                Said::new(format!("gặp chữ có dấu `{text}` ngoài dấu ngoặc kép")).hint(
                    "tên biến và tên hàm chỉ dùng chữ không dấu (a–z), số (0–9) và `_`, ví dụ \
                     `let huyen = 1;` thay cho `let huyện = 1;`; chữ có dấu chỉ viết trong \
                     dấu ngoặc kép, như \"Hữu Lũng\"",
                )
            }
            Syntax::Unexpected { text } => Said::new(format!("gặp `{text}` ở chỗ không đúng"))
                .hint("kiểm tra dấu ngoặc, dấu phẩy và dấu `;` ở chỗ được chỉ hoặc ngay trước đó"),
            Syntax::UnterminatedText => Said::new("đoạn chữ thiếu dấu ngoặc kép đóng `\"`").hint(
                "thêm `\"` ở cuối đoạn chữ, trên cùng dòng; một đoạn chữ dài thì chia thành \
                     nhiều đoạn nối bằng `+`",
            ),
            Syntax::UnexpectedEnd => {
                Said::new("tệp kết thúc giữa chừng (có thể thiếu dấu `}` hoặc `)`)")
                    .hint("thêm dấu đóng còn thiếu ở cuối khối lệnh hoặc biểu thức chưa đóng")
            }
            Syntax::MissingSemicolon => Said::new("thiếu dấu `;` ở cuối câu lệnh")
                .hint("thêm `;` vào chỗ được chỉ, cuối câu lệnh"),
            Syntax::NotClosed { what } => match what {
                Enclosure::Call { function } => Said::new(format!(
                    "lời gọi `{function}(...)` chưa đóng: thiếu `)` (hoặc dấu `,` giữa hai giá trị)"
                ))
                .hint(format!(
                    "thêm `)` sau giá trị cuối cùng đưa vào `{function}`, hoặc `,` nếu còn giá \
                     trị nữa"
                )),
                Enclosure::List => Said::new(
                    "danh sách `[...]` chưa đóng: thiếu `]` (hoặc dấu `,` giữa hai phần tử)",
                )
                .hint("thêm `]` sau phần tử cuối cùng, hoặc `,` nếu còn phần tử nữa"),
                Enclosure::Map => {
                    Said::new("bảng `#{ ... }` chưa đóng: thiếu `}` (hoặc dấu `,` giữa hai mục)")
                        .hint("thêm `}` sau mục cuối cùng, hoặc `,` nếu còn mục nữa")
                }
                Enclosure::Parenthesis => Said::new("thiếu `)` đóng một dấu `(`")
                    .hint("thêm `)` ở chỗ được chỉ, hoặc xóa dấu `(` thừa"),
            },
            Syntax::Missing { token } => Said::new(format!("thiếu `{token}`")).hint(format!(
                "thêm `{token}` ở chỗ được chỉ (hoặc ngay trước đó)"
            )),
            Syntax::UndeclaredVariable { name } => Said::new(format!(
                "biến `{name}` chưa được khai báo (dùng `let {name} = ...;` trước khi dùng)"
            ))
            .hint(format!(
                "khai báo `let {name} = ...;` ở trên, hoặc sửa tên nếu gõ nhầm; một hàm chỉ thấy \
                 các giá trị được đưa vào nó"
            )),
            Syntax::Reserved { word } => Said::new(format!(
                "`{word}` là từ dành riêng, không dùng được trong quy tắc"
            ))
            .hint(reserved_hint(word).0),
            Syntax::NoFunctionBody { name } => {
                Said::new(format!("hàm `{name}` thiếu phần thân `{{ ... }}`"))
                    .hint(format!("viết `fn {name}(...) {{ ... }}`"))
            }
            Syntax::TooDeep => Said::new("biểu thức lồng nhau quá sâu")
                .hint("tách biểu thức thành nhiều câu lệnh `let` ngắn hơn"),
            Syntax::TooManyFunctions => Said::new(format!(
                "tệp có quá nhiều hàm (tối đa {})",
                count(Lang::Vi, MAX_FUNCTIONS as f64)
            ))
            .hint("gộp các hàm giống nhau thành một hàm nhận tham số, hoặc tách quy tắc thành nhiều tệp"),
            Syntax::LiteralTooLarge { what } => Said::new(match what {
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
            })
            .hint(
                "viết ngắn lại; một danh sách hay một đoạn chữ dài (tên các huyện, các con số) \
                 nên ghi trong mục [params] của kịch bản và đọc bằng `scenario.param(\"tên\")`",
            ),
            Syntax::BadEscape { text } => Said::new(format!(
                "`{text}` không phải ký tự đặc biệt hợp lệ trong đoạn chữ (muốn viết dấu `\\` \
                 thì viết `\\\\`)"
            )),
            Syntax::MalformedNumber { text } => Said::new(format!("số `{text}` viết sai"))
                .hint("số viết liền, dấu chấm thập phân, ví dụ `0.35` hoặc `20000`"),
            Syntax::DuplicateFunction { name, params } => Said::new(format!(
                "hàm `{name}` với {params} tham số đã được định nghĩa ở trên (mỗi hàm một tên)"
            )),
            Syntax::DuplicateParameter { function, name } => {
                Said::new(format!("hàm `{function}` có hai tham số cùng tên `{name}`"))
            }
            Syntax::DuplicateEntry { name } => {
                Said::new(format!("bảng `#{{ ... }}` có hai mục cùng tên `{name}`"))
            }
            Syntax::BreakOutsideLoop => {
                Said::new("`break` và `continue` chỉ dùng được bên trong vòng lặp")
            }
            Syntax::AssignToConstant { name } => Said::new(format!(
                "`{name}` là hằng (khai báo bằng `const`) nên không gán lại được; khai báo bằng \
                 `let` nếu cần thay đổi"
            )),
            Syntax::CannotAssign => Said::new("vế trái của dấu `=` không gán giá trị được"),
            Syntax::NestedFunction => Said::new(
                "hàm `fn` chỉ định nghĩa được ở ngoài cùng của tệp, không ở trong hàm hay khối \
                 lệnh khác",
            ),
            Syntax::Mismatched {
                expected_bool: true,
                found,
            } => Said::new(format!(
                "điều kiện phải là đúng/sai (true/false), không phải {}",
                found_vi(found)
            )),
            Syntax::Mismatched {
                expected_bool: false,
                found,
            } => Said::new(format!(
                "`for` chỉ đi qua được một danh sách, một khoảng số (ví dụ `0..10`) hoặc một đoạn \
                 chữ, không phải {}",
                found_vi(found)
            )),
            Syntax::Other => Said::new(format!("{rhai} (chi tiết bằng tiếng Anh)")),
        }
    }

    fn en(&self, rhai: &str) -> Said {
        match self {
            Syntax::Disabled { symbol } if symbol == "eval" => {
                Said::new("`eval` is not available in rules").hint(
                    "a rule does not run code written in a text: write the calculation itself, \
                     e.g. `let x = 1 + 2;` instead of `let x = eval(\"1 + 2\");`",
                )
            }
            Syntax::Disabled { symbol } => {
                Said::new(format!("`{symbol}` is not available in rules"))
                    .hint("see docs/rules.md for what a rule can use")
            }
            Syntax::Unexpected { text } if marked_letter(text) => Said::new(format!(
                "the letter `{text}` (a letter with marks) is outside double quotes"
            ))
            .hint(
                "names of variables and functions use letters without marks (a–z), digits \
                 (0–9) and `_`, e.g. `let huyen = 1;` for `let huyện = 1;`; letters with marks \
                 belong inside double quotes, as in \"Hữu Lũng\"",
            ),
            Syntax::Unexpected { text } => Said::new(format!("`{text}` is out of place here"))
                .hint("check the brackets, commas and `;` at the spot shown or just before it"),
            Syntax::UnterminatedText => Said::new("a text has no closing double quote `\"`").hint(
                "add the `\"` at the end of the text, on the same line; split a long text \
                     into parts joined with `+`",
            ),
            Syntax::UnexpectedEnd => {
                Said::new("the file ends too soon (a `}` or `)` may be missing)")
                    .hint("add what closes the block or expression left open")
            }
            Syntax::MissingSemicolon => Said::new("a `;` is missing at the end of the statement")
                .hint("add `;` at the spot shown, the end of the statement"),
            Syntax::NotClosed { what } => match what {
                Enclosure::Call { function } => Said::new(format!(
                    "the call `{function}(...)` is not closed: a `)` is missing (or a `,` \
                     between two values)"
                ))
                .hint(format!(
                    "add `)` after the last value given to `{function}`, or `,` if more values \
                     follow"
                )),
                Enclosure::List => Said::new(
                    "the list `[...]` is not closed: a `]` is missing (or a `,` between two items)",
                )
                .hint("add `]` after the last item, or `,` if more items follow"),
                Enclosure::Map => Said::new(
                    "the map `#{ ... }` is not closed: a `}` is missing (or a `,` between two \
                     entries)",
                )
                .hint("add `}` after the last entry, or `,` if more entries follow"),
                Enclosure::Parenthesis => Said::new("a `)` is missing to close a `(`")
                    .hint("add `)` at the spot shown, or remove the `(` too many"),
            },
            Syntax::Missing { token } => Said::new(format!("`{token}` is missing")).hint(format!(
                "add `{token}` at the spot shown (or just before it)"
            )),
            Syntax::UndeclaredVariable { name } => Said::new(format!(
                "the variable `{name}` is not declared (write `let {name} = ...;` before using it)"
            ))
            .hint(format!(
                "declare `let {name} = ...;` above, or fix the name if it is mistyped; a \
                 function sees only the values given to it"
            )),
            Syntax::Reserved { word } => Said::new(format!(
                "`{word}` is a reserved word and cannot be used in rules"
            ))
            .hint(reserved_hint(word).1),
            Syntax::NoFunctionBody { name } => {
                Said::new(format!("the function `{name}` has no body `{{ ... }}`"))
                    .hint(format!("write `fn {name}(...) {{ ... }}`"))
            }
            Syntax::TooDeep => Said::new("expressions are nested too deeply")
                .hint("split the expression into several shorter `let` statements"),
            Syntax::TooManyFunctions => Said::new(format!(
                "the file defines too many functions (at most {})",
                count(Lang::En, MAX_FUNCTIONS as f64)
            ))
            .hint("merge functions that do the same into one that takes a parameter, or split the rule into several files"),
            Syntax::LiteralTooLarge { what } => Said::new(match what {
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
            })
            .hint(
                "write it shorter; a long list or text (district names, figures) belongs under \
                 the scenario's [params], read with `scenario.param(\"name\")`",
            ),
            Syntax::BadEscape { text } => Said::new(format!(
                "`{text}` is not a valid escape in a text (to write `\\`, write `\\\\`)"
            )),
            Syntax::MalformedNumber { text } => {
                Said::new(format!("the number `{text}` is malformed"))
                    .hint("write digits only, with a decimal point, e.g. `0.35` or `20000`")
            }
            Syntax::DuplicateFunction { name, params } => Said::new(format!(
                "a function `{name}` with {params} {} is already defined above (give each \
                 function its own name)",
                if *params == 1 {
                    "parameter"
                } else {
                    "parameters"
                }
            )),
            Syntax::DuplicateParameter { function, name } => Said::new(format!(
                "the function `{function}` has two parameters called `{name}`"
            )),
            Syntax::DuplicateEntry { name } => Said::new(format!(
                "the map `#{{ ... }}` has two entries called `{name}`"
            )),
            Syntax::BreakOutsideLoop => {
                Said::new("`break` and `continue` can only be used inside a loop")
            }
            Syntax::AssignToConstant { name } => Said::new(format!(
                "`{name}` is a constant (declared with `const`) and cannot be given a new value; \
                 declare it with `let` if it must change"
            )),
            Syntax::CannotAssign => Said::new("what is left of the `=` cannot be given a value"),
            Syntax::NestedFunction => Said::new(
                "a function `fn` can only be defined at the top of the file, not inside a \
                 function or a block",
            ),
            Syntax::Mismatched {
                expected_bool: true,
                found,
            } => Said::new(format!(
                "a condition must be true or false, not {}",
                found_en(found)
            )),
            Syntax::Mismatched {
                expected_bool: false,
                found,
            } => Said::new(format!(
                "`for` can only go through a list, a range of numbers (e.g. `0..10`) or a text, \
                 not {}",
                found_en(found)
            )),
            Syntax::Other => Said::new(rhai.to_string()),
        }
    }
}

impl Message for RuleFileProblem {
    fn vi(&self) -> Said {
        use RuleFileProblem::*;
        match self {
            Subfolder { rule } => Said::new(format!(
                "`{rule}.rhai` là một thư mục con trong thư mục quy tắc, không phải tệp quy tắc: chương trình chỉ đọc các tệp .rhai nằm ngay trong thư mục quy tắc, không đọc thư mục con"
            ))
            .hint(
                "đổi tên thư mục này để tên không kết thúc bằng .rhai; nếu trong đó có quy tắc cần chạy, chuyển các tệp .rhai ra thư mục quy tắc",
            ),
            NotUtf16 { rule } => Said::new(format!(
                "tệp quy tắc `{rule}` được lưu với bảng mã UTF-16 (Unicode) nhưng nội dung không phải văn bản UTF-16 hợp lệ"
            ))
            .hint("mở tệp bằng Notepad và lưu lại với bảng mã UTF-8: File > Save as > Encoding: UTF-8"),
            Utf16NoMark { rule } => Said::new(format!(
                "tệp quy tắc `{rule}` được lưu với bảng mã UTF-16 nhưng thiếu dấu nhận dạng (BOM) ở đầu tệp"
            ))
            .hint("mở tệp bằng trình soạn thảo và lưu lại với bảng mã UTF-8: File > Save as > Encoding: UTF-8"),
            Utf32 { rule } => Said::new(format!(
                "tệp quy tắc `{rule}` được lưu với bảng mã UTF-32, chương trình không đọc bảng mã này"
            ))
            .hint("mở tệp bằng trình soạn thảo và lưu lại với bảng mã UTF-8: File > Save as > Encoding: UTF-8"),
            Nul { rule } => Said::new(format!(
                "tệp quy tắc `{rule}` có một ký tự NUL (U+0000), ký tự không thấy được và không dùng được trong quy tắc"
            ))
            .hint("xóa ký tự này ở vị trí đã chỉ (nếu nó nằm trong một đoạn chữ, gõ lại đoạn chữ đó), rồi lưu lại tệp"),
            NotText { rule } => Said::new(format!(
                "tệp quy tắc `{rule}` không phải văn bản UTF-8 (có thể là một tệp nhị phân: tài liệu Word, hình ảnh…)"
            ))
            .hint(
                "tệp quy tắc là văn bản thuần, viết bằng một trình soạn thảo (Notepad, VS Code) và lưu với bảng mã UTF-8: kiểm tra đây đúng là tệp quy tắc cần dùng",
            ),
            HookParameters { rule, hook } => Said::new(format!(
                "quy tắc `{rule}`: hàm `{hook}` phải nhận đúng hai tham số: `fn {hook}(district, \
                 scenario)`"
            ))
            .hint(format!(
                "viết `fn {hook}(district, scenario) {{`: chương trình luôn đưa vào hai giá trị, \
                 huyện và kịch bản, kể cả khi quy tắc chỉ dùng một"
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
            Syntax { rule, syntax, rhai } => {
                let said = syntax.vi(rhai);
                Said {
                    problem: format!("quy tắc `{rule}` có lỗi cú pháp: {}", said.problem),
                    hint: said.hint,
                }
            }
        }
    }

    fn en(&self) -> Said {
        use RuleFileProblem::*;
        match self {
            Subfolder { rule } => Said::new(format!(
                "`{rule}.rhai` is a subfolder of the rules folder, not a rule file: the tool reads the .rhai files directly in a rules folder, never its subfolders"
            ))
            .hint(
                "rename this folder so that its name does not end in .rhai; if it holds rules to run, move their .rhai files up into the rules folder",
            ),
            NotUtf16 { rule } => Said::new(format!(
                "the rule file `{rule}` is saved as UTF-16 (Unicode) but is not valid UTF-16 text"
            ))
            .hint("open it in Notepad and save it as UTF-8: File > Save as > Encoding: UTF-8"),
            Utf16NoMark { rule } => Said::new(format!(
                "the rule file `{rule}` is saved as UTF-16 without its byte-order mark (BOM) at the start"
            ))
            .hint("open it in an editor and save it as UTF-8: File > Save as > Encoding: UTF-8"),
            Utf32 { rule } => Said::new(format!(
                "the rule file `{rule}` is saved as UTF-32, an encoding the planner does not read"
            ))
            .hint("open it in an editor and save it as UTF-8: File > Save as > Encoding: UTF-8"),
            Nul { rule } => Said::new(format!(
                "the rule file `{rule}` holds a NUL character (U+0000), invisible and not allowed in a rule"
            ))
            .hint("delete the character where shown (inside a text, type the text again), then save the file"),
            NotText { rule } => Said::new(format!(
                "the rule file `{rule}` is not UTF-8 text (it may be a binary file: a Word document, a picture…)"
            ))
            .hint(
                "a rule file is plain text, written in an editor (Notepad, VS Code) and saved as UTF-8: check that this is the rule file you meant",
            ),
            HookParameters { rule, hook } => Said::new(format!(
                "rule `{rule}`: the function `{hook}` must take exactly two parameters: \
                 `fn {hook}(district, scenario)`"
            ))
            .hint(format!(
                "write `fn {hook}(district, scenario) {{`: the tool always gives it two values, \
                 the district and the scenario, even when the rule uses one"
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
            Syntax { rule, syntax, rhai } => {
                let said = syntax.en(rhai);
                Said {
                    problem: format!("rule `{rule}` has a syntax error: {}", said.problem),
                    hint: said.hint,
                }
            }
        }
    }
}
