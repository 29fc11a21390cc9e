//! What can be wrong with a value of the scenario's TOML, whatever table it is in.

use super::Syntax;
use crate::diagnostic::{Message, Said, did_you_mean_for_en, did_you_mean_for_vi};
use crate::limits::{TOML_TABLES, TOML_VALUES};
use crate::number::count;
use crate::source::name_list;
use crate::text::Lang;

/// A problem with the TOML of a scenario (or of a `--set`, or of a rule test): its syntax, a
/// key, or a value of the wrong kind.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum DocumentProblem {
    /// The file is not valid TOML: what the parser found.
    NotToml { syntax: Syntax },
    /// A key the table needs is missing; `table` names it as messages do (`[target]`, empty
    /// for the top level), `example` is a line to add.
    MissingKey {
        key: String,
        table: &'static str,
        example: String,
    },
    /// A key the table does not read; `close` is a key it reads that this may be a typing
    /// mistake for, `known` every key it reads.
    UnknownKey {
        key: String,
        table: &'static str,
        close: Option<String>,
        known: Vec<String>,
    },
    /// `example` is a line of the shipped scenario that writes the field, when there is one.
    WrongType {
        expected: Expected,
        found: Found,
        example: Option<String>,
    },
    /// A whole number too large to hold (`written`, as written, shortened), or (with
    /// `largest`, the most the field takes) one above what the field takes, written as a
    /// decimal (`1e37`).
    TooLarge {
        written: String,
        largest: Option<i128>,
    },
    /// A hexadecimal, octal or binary prefix (`written`: `0x`) with no digits after it.
    NoDigits { written: String, key: String },
    /// A decimal where a whole number is needed; `grouped` is its digits when it looks like
    /// thousands grouped by dots (`151.916`), as a letter writes them.
    NotWhole {
        written: String,
        grouped: Option<String>,
    },
    /// `inf` or `nan` (`written`); `example` as for [`DocumentProblem::WrongType`].
    NotFinite {
        written: String,
        example: Option<String>,
    },
    /// A TOML file with more tables (`tables`: `[`, `{` and the dots of dotted keys) or values
    /// (`=` and `,`) than [`TOML_TABLES`] or [`TOML_VALUES`], counted before it is parsed: its
    /// value tree would take far more memory than any scenario needs. `line` is where the count
    /// passed the limit.
    TooManyItems { tables: bool, line: usize },
}

/// What to do about a TOML file with too many items: (Vietnamese, English).
const ITEMS_HINT: (&str, &str) = (
    "kịch bản của mọi xã trong cả nước (10.600 mục [[district]]) chỉ có khoảng 32.000 bảng và 85.000 giá trị: kiểm tra đây đúng là tệp cần đọc; số liệu các huyện có thể để trong một bảng (`coverage = \"so-lieu.csv\"`) thay cho các mục [[district]]; docs/limits.md nói vì sao có giới hạn này",
    "a scenario of every commune of Vietnam (10,600 [[district]] entries) has about 32,000 tables and 85,000 values: check that this is the file you meant; the districts' figures can be kept in a table (`coverage = \"coverage.csv\"`) instead of [[district]] entries; docs/limits.md says why this limit exists",
);

/// The kind of value a key needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Expected {
    /// Text, which TOML writes in double quotes.
    QuotedString,
    Table,
    List,
    WholeNumber,
    Number,
    Date,
    /// `true` or `false`.
    Bool,
    /// A value of `[params]`: a number, a string, true/false or a list of them.
    Param,
    /// An item of a list in `[params]`.
    ParamItem,
    /// A rule test's `district`: a district's name, or a table of its figures.
    DistrictNameOrTable,
}

/// The kind of value TOML read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Found {
    String,
    Integer,
    Float,
    Boolean,
    Datetime,
    Array,
    Table,
}

impl Expected {
    fn vi(self) -> &'static str {
        match self {
            Expected::QuotedString => "một chuỗi chữ trong ngoặc kép",
            Expected::Table => "một bảng",
            Expected::List => "một danh sách [...]",
            Expected::WholeNumber => "một số nguyên",
            Expected::Number => "một số",
            Expected::Date => "một ngày",
            Expected::Bool => "true hoặc false",
            Expected::Param => {
                "một số, một chuỗi chữ, true/false hoặc một danh sách các giá trị đó"
            }
            Expected::ParamItem => "một số, một chuỗi chữ hoặc true/false trong danh sách",
            Expected::DistrictNameOrTable => {
                "tên một huyện hoặc một bảng { name = ..., installed = ..., smartphones = ... }"
            }
        }
    }

    fn en(self) -> &'static str {
        match self {
            Expected::QuotedString => "a string in double quotes",
            Expected::Table => "a table",
            Expected::List => "a list [...]",
            Expected::WholeNumber => "a whole number",
            Expected::Number => "a number",
            Expected::Date => "a date",
            Expected::Bool => "true or false",
            Expected::Param => "a number, a string, true/false or a list of them",
            Expected::ParamItem => "a number, a string or true/false in the list",
            Expected::DistrictNameOrTable => {
                "a district's name or a table { name = ..., installed = ..., smartphones = ... }"
            }
        }
    }
}

/// With an article, for "expected ..., found ...".
impl Found {
    fn vi(self) -> &'static str {
        match self {
            Found::String => "một chuỗi chữ",
            Found::Integer => "một số nguyên",
            Found::Float => "một số thập phân",
            Found::Boolean => "một giá trị true/false",
            Found::Datetime => "một ngày giờ",
            Found::Array => "một danh sách [...]",
            Found::Table => "một bảng",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Found::String => "a string",
            Found::Integer => "an integer",
            Found::Float => "a decimal number",
            Found::Boolean => "a true/false value",
            Found::Datetime => "a date or time",
            Found::Array => "a list [...]",
            Found::Table => "a table",
        }
    }
}

impl Message for DocumentProblem {
    fn vi(&self) -> Said {
        use DocumentProblem::*;
        match self {
            NotToml { syntax } => {
                let said = syntax.vi();
                Said {
                    problem: format!("tệp kịch bản không đúng cú pháp TOML: {}", said.problem),
                    hint: said.hint,
                }
            }
            MissingKey {
                key,
                table,
                example,
            } => Said::new(if table.is_empty() {
                format!("thiếu khóa `{key}`")
            } else {
                format!("thiếu khóa `{key}` trong {table}")
            })
            .hint(format!("thêm một dòng như: {example}")),
            UnknownKey {
                key,
                table,
                close,
                known,
            } => Said::new(if table.is_empty() {
                format!("không biết khóa `{key}`")
            } else {
                format!("không biết khóa `{key}` trong {table}")
            })
            .hint(match close {
                Some(s) => did_you_mean_for_vi(key, s),
                None => format!(
                    "các khóa được dùng ở đây: {}",
                    name_list(known.iter().map(String::as_str))
                ),
            }),
            WrongType {
                expected,
                found,
                example,
            } => {
                let said = Said::new(format!(
                    "cần {}, nhưng ở đây là {}",
                    expected.vi(),
                    found.vi()
                ));
                match example {
                    None => said,
                    Some(example) => said.hint(match (expected, found) {
                        (Expected::QuotedString, _) => {
                            format!("viết chữ trong ngoặc kép, ví dụ {example}")
                        }
                        (Expected::WholeNumber | Expected::Number, Found::String) => format!(
                            "viết số không có ngoặc kép, không kèm đơn vị hay dấu %, ví dụ {example}"
                        ),
                        (Expected::WholeNumber | Expected::Number, _) => {
                            format!("ghi một số, ví dụ {example}")
                        }
                        _ => format!("ví dụ {example}"),
                    }),
                }
            }
            TooLarge {
                written,
                largest: None,
            } => Said::new(format!("số `{written}` quá lớn"))
                .hint("viết số bằng chữ số thường, trong giới hạn của mục này (docs/limits.md), ví dụ 14 hay 20_000"),
            TooLarge {
                written,
                largest: Some(largest),
            } => {
                let largest = count(Lang::Vi, *largest as f64);
                Said::new(format!("số `{written}` quá lớn, nhiều nhất là {largest}")).hint(format!(
                    "dùng một số nguyên không quá {largest} (docs/limits.md nói vì sao có giới hạn này và cách nâng)"
                ))
            }
            NoDigits { written, key } => Said::new(format!(
                "`{written}` không phải một số: sau `{written}` (tiền tố của số hệ mười sáu, hệ tám hay hệ hai) phải có chữ số"
            ))
            .hint(format!("viết số bằng chữ số thường, ví dụ {key} = 14")),
            NotWhole { written, grouped } => {
                let said = Said::new(format!("cần một số nguyên, không phải {written}"));
                match grouped {
                    Some(digits) => said.hint(format!("trong TOML dấu chấm là dấu thập phân; viết {digits} hoặc dùng dấu gạch dưới để tách hàng nghìn")),
                    None => said.hint(match whole_near(written) {
                        Some(Near::Is(n)) => format!("viết số nguyên bằng chữ số: {n}"),
                        Some(Near::Between(a, b)) => format!("số tổ, đội, số người và số ngày là số nguyên: viết {a} hoặc {b}"),
                        None => "viết một số nguyên bằng chữ số, ví dụ 2 hay 20_000".to_string(),
                    }),
                }
            }
            NotFinite { written, example } => Said::new(format!(
                "`{written}` ({}) không dùng được ở đây: cần một số cụ thể",
                if written.contains("nan") {
                    "nghĩa là \"không phải số\""
                } else {
                    "nghĩa là vô cực"
                }
            ))
            .hint(match example {
                Some(example) => format!("ghi một số, ví dụ {example}"),
                None => "ghi một số cụ thể, ví dụ 0.25 hoặc 120".to_string(),
            }),
            TooManyItems { tables: true, line } => Said::new(format!(
                "tệp có hơn {} bảng, danh sách và khóa có dấu chấm (tới dòng {line})",
                count(Lang::Vi, TOML_TABLES as f64)
            ))
            .hint(ITEMS_HINT.0),
            TooManyItems {
                tables: false,
                line,
            } => Said::new(format!(
                "tệp có hơn {} giá trị (tới dòng {line})",
                count(Lang::Vi, TOML_VALUES as f64)
            ))
            .hint(ITEMS_HINT.0),
        }
    }

    fn en(&self) -> Said {
        use DocumentProblem::*;
        match self {
            NotToml { syntax } => {
                let said = syntax.en();
                Said {
                    problem: format!("the scenario file is not valid TOML: {}", said.problem),
                    hint: said.hint,
                }
            }
            MissingKey {
                key,
                table,
                example,
            } => Said::new(if table.is_empty() {
                format!("missing key `{key}`")
            } else {
                format!("missing key `{key}` in {table}")
            })
            .hint(format!("add a line such as: {example}")),
            UnknownKey {
                key,
                table,
                close,
                known,
            } => Said::new(if table.is_empty() {
                format!("unknown key `{key}`")
            } else {
                format!("unknown key `{key}` in {table}")
            })
            .hint(match close {
                Some(s) => did_you_mean_for_en(key, s),
                None => format!(
                    "the keys allowed here: {}",
                    name_list(known.iter().map(String::as_str))
                ),
            }),
            WrongType {
                expected,
                found,
                example,
            } => {
                let said = Said::new(format!("expected {}, found {}", expected.en(), found.en()));
                match example {
                    None => said,
                    Some(example) => said.hint(match (expected, found) {
                        (Expected::QuotedString, _) => {
                            format!("write the text in double quotes, e.g. {example}")
                        }
                        (Expected::WholeNumber | Expected::Number, Found::String) => {
                            format!("write the number without quotes, unit or %, e.g. {example}")
                        }
                        (Expected::WholeNumber | Expected::Number, _) => {
                            format!("write a number, e.g. {example}")
                        }
                        _ => format!("e.g. {example}"),
                    }),
                }
            }
            TooLarge {
                written,
                largest: None,
            } => Said::new(format!("the number `{written}` is too large"))
                .hint("write the number in ordinary digits, within this field's limit (docs/limits.md), e.g. 14 or 20_000"),
            TooLarge {
                written,
                largest: Some(largest),
            } => {
                let largest = count(Lang::En, *largest as f64);
                Said::new(format!("the number `{written}` is too large, at most {largest}")).hint(
                    format!(
                        "use a whole number of at most {largest} (docs/limits.md says why this limit exists and how to raise it)"
                    ),
                )
            }
            NoDigits { written, key } => Said::new(format!(
                "`{written}` is not a number: a hexadecimal, octal or binary number needs digits after `{written}`"
            ))
            .hint(format!("write the number in ordinary digits, e.g. {key} = 14")),
            NotWhole { written, grouped } => {
                let said = Said::new(format!("expected a whole number, not {written}"));
                match grouped {
                    Some(digits) => said.hint(format!("in TOML a dot is a decimal point; write {digits}, or use underscores to group thousands")),
                    None => said.hint(match whole_near(written) {
                        Some(Near::Is(n)) => format!("write the whole number in digits: {n}"),
                        Some(Near::Between(a, b)) => format!("teams, people and days are counted whole: write {a} or {b}"),
                        None => "write a whole number in digits, e.g. 2 or 20_000".to_string(),
                    }),
                }
            }
            NotFinite { written, example } => Said::new(format!(
                "`{written}` ({}) cannot be used here: a definite number is needed",
                if written.contains("nan") {
                    "meaning \"not a number\""
                } else {
                    "meaning infinity"
                }
            ))
            .hint(match example {
                Some(example) => format!("write a number, e.g. {example}"),
                None => "write a definite number, e.g. 0.25 or 120".to_string(),
            }),
            TooManyItems { tables: true, line } => Said::new(format!(
                "the file has more than {} tables, lists and dotted keys (by line {line})",
                count(Lang::En, TOML_TABLES as f64)
            ))
            .hint(ITEMS_HINT.1),
            TooManyItems {
                tables: false,
                line,
            } => Said::new(format!(
                "the file has more than {} values (by line {line})",
                count(Lang::En, TOML_VALUES as f64)
            ))
            .hint(ITEMS_HINT.1),
        }
    }
}

/// A whole number near a number written as a decimal or with an exponent.
enum Near {
    /// `1e3`: the whole number 1000, written otherwise.
    Is(String),
    /// `1.5`: between 1 and 2.
    Between(String, String),
}

/// What whole number `written` (`1e3`, `1.5`) is, or lies between; `None` past what a whole
/// number of the scenario holds (a `1e300` is not "1000...0").
fn whole_near(written: &str) -> Option<Near> {
    let x = written.replace('_', "").parse::<f64>().ok()?;
    if !x.is_finite() || x.abs() > 1e15 {
        return None;
    }
    // `+ 0.0`: -0 is shown 0
    let show = |v: f64| format!("{:.0}", v + 0.0);
    if x.fract() == 0.0 {
        Some(Near::Is(show(x)))
    } else {
        Some(Near::Between(show(x.floor()), show(x.ceil())))
    }
}
