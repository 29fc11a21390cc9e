//! The parsed TOML of a scenario, read value by value: every value keeps its span, so every
//! error points at the line and column the user has to change.

use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue};

use crate::diagnostic::{Error, did_you_mean};
use crate::source::{Pos, Source, did_you_mean_hint, name_list};
use crate::text::Text;

pub(crate) type Value<'i> = Spanned<DeValue<'i>>;

/// Parses the scenario's TOML; a syntax error points where the parser stopped.
pub(crate) fn parse(src: &Source) -> Result<DeTable<'_>, Error> {
    DeTable::parse(&src.text)
        .map(Spanned::into_inner)
        .map_err(|err| {
            let message = err.message().trim_end().to_string();
            let pos = err.span().map_or(Pos::File, |span| Pos::Offset(span.start));
            src.error(
                pos,
                Text::new(
                    format!("tệp kịch bản không đúng cú pháp TOML: {message}"),
                    format!("the scenario file is not valid TOML: {message}"),
                ),
            )
            .hint(Text::new(
                "kiểm tra dấu ngoặc kép quanh chữ, dấu `=` và dấu ngoặc vuông ở chỗ được chỉ (hoặc ngay trước đó); mỗi khóa chỉ được ghi một lần trong một bảng",
                "check the quotes around text, the `=` signs and the square brackets at the spot shown (or just before it); each key may appear only once in a table",
            ))
        })
}

/// One table of the scenario (the top level, `[target]`, one `[[district]]`, ...), as the
/// files of an overlay chain and the `--set`s wrote it together: each layer (base first) is
/// what one of them wrote, a later layer's key replaces an earlier one's, and every entry keeps
/// the source it was written in, so that an error points into that file (or setting).
pub(crate) struct Table<'a, 'i> {
    /// The first layer's source: where an error about a missing key points.
    pub src: &'a Source,
    /// Where an error about a missing key points: the table's header in `src`.
    pub at: Pos,
    /// How messages name the table: `[target]`; empty for the top level.
    pub name: &'static str,
    layers: Vec<Layer<'a, 'i>>,
    /// Entries in the order they first appear (base first), each the last layer's value.
    items: Vec<Item<'a, 'i>>,
}

/// What one file (or one `--set`) wrote of a table.
#[derive(Clone, Copy)]
pub(crate) struct Layer<'a, 'i> {
    pub src: &'a Source,
    /// The table's header (or inline table) in `src`.
    pub at: Pos,
    pub table: &'a DeTable<'i>,
}

/// One entry of a table, with the source it was written in.
#[derive(Clone, Copy)]
pub(crate) struct Item<'a, 'i> {
    pub key: &'a str,
    pub key_at: Pos,
    pub src: &'a Source,
    pub value: &'a Value<'i>,
}

impl<'a, 'i> Layer<'a, 'i> {
    /// The value of `key` in this layer.
    pub fn get(&self, key: &str) -> Option<&'a Value<'i>> {
        self.table
            .iter()
            .find(|(k, _)| k.get_ref().as_ref() == key)
            .map(|(_, value)| value)
    }
}

impl<'a, 'i> Item<'a, 'i> {
    /// Where the value starts, in its source.
    pub fn pos(&self) -> Pos {
        pos(self.value)
    }

    /// An error at the value.
    pub fn error(&self, message: Text) -> Error {
        self.src.error(self.pos(), message)
    }
}

impl<'a, 'i> Table<'a, 'i> {
    /// A table written in one file.
    pub fn new(src: &'a Source, at: Pos, name: &'static str, table: &'a DeTable<'i>) -> Self {
        Table::layered(name, vec![Layer { src, at, table }])
    }

    /// A table written in several layers (base first); `layers` is not empty.
    pub fn layered(name: &'static str, layers: Vec<Layer<'a, 'i>>) -> Self {
        let first = layers[0];
        let mut items: Vec<Item<'a, 'i>> = Vec::new();
        for layer in &layers {
            let mut entries: Vec<Item<'a, 'i>> = layer
                .table
                .iter()
                .map(|(key, value)| Item {
                    key: key.get_ref().as_ref(),
                    key_at: Pos::Offset(key.span().start),
                    src: layer.src,
                    value,
                })
                .collect();
            entries.sort_by_key(|item| match item.key_at {
                Pos::Offset(offset) => offset,
                _ => 0,
            });
            for entry in entries {
                match items.iter_mut().find(|item| item.key == entry.key) {
                    Some(item) => *item = entry,
                    None => items.push(entry),
                }
            }
        }
        Table {
            src: first.src,
            at: first.at,
            name,
            layers,
            items,
        }
    }

    /// A table nested in this one (`[target]`), checked to be a table in every layer that
    /// writes it, and merged key by key.
    pub fn table(&self, key: &str, name: &'static str) -> Result<Option<Table<'a, 'i>>, Error> {
        let mut layers = Vec::new();
        for (src, value) in self.layers_of(key) {
            let table = as_table(src, key, value)?;
            layers.push(Layer {
                src,
                at: pos(value),
                table,
            });
        }
        Ok((!layers.is_empty()).then(|| Table::layered(name, layers)))
    }

    /// The value of `key` in every layer that writes it, base first.
    pub fn layers_of(&self, key: &str) -> Vec<(&'a Source, &'a Value<'i>)> {
        self.layers
            .iter()
            .filter_map(|layer| layer.get(key).map(|value| (layer.src, value)))
            .collect()
    }

    /// The layers of this table, base first.
    pub fn layers(&self) -> &[Layer<'a, 'i>] {
        &self.layers
    }

    /// Entries as `(key, where the key is, value)`: for a table written in one file.
    pub fn entries(&self) -> impl Iterator<Item = (&'a str, Pos, &'a Value<'i>)> + '_ {
        self.items
            .iter()
            .map(|item| (item.key, item.key_at, item.value))
    }

    /// Entries with the source each was written in.
    pub fn items(&self) -> impl Iterator<Item = Item<'a, 'i>> + '_ {
        self.items.iter().copied()
    }

    /// The value of `key`: for a table written in one file.
    pub fn get(&self, key: &str) -> Option<&'a Value<'i>> {
        self.item(key).map(|item| item.value)
    }

    /// The entry `key`, from the last layer that writes it.
    pub fn item(&self, key: &str) -> Option<Item<'a, 'i>> {
        self.items.iter().find(|item| item.key == key).copied()
    }

    /// The value of `key`, or an error saying it is missing, with `example` as the fix: for a
    /// table written in one file.
    pub fn require(&self, key: &str, example: &str) -> Result<&'a Value<'i>, Error> {
        self.require_item(key, example).map(|item| item.value)
    }

    /// The entry `key`, or an error saying it is missing, with `example` as the fix.
    pub fn require_item(&self, key: &str, example: &str) -> Result<Item<'a, 'i>, Error> {
        self.item(key).ok_or_else(|| {
            let (vi, en) = if self.name.is_empty() {
                (
                    format!("thiếu khóa `{key}`"),
                    format!("missing key `{key}`"),
                )
            } else {
                (
                    format!("thiếu khóa `{key}` trong {}", self.name),
                    format!("missing key `{key}` in {}", self.name),
                )
            };
            self.src.error(self.at, Text::new(vi, en)).hint(Text::new(
                format!("thêm một dòng như: {example}"),
                format!("add a line such as: {example}"),
            ))
        })
    }

    /// The first key that is not in `known`, as an error with a suggestion.
    pub fn unknown_keys(&self, known: &[&str]) -> Result<(), Error> {
        match self.items.iter().find(|item| !known.contains(&item.key)) {
            None => Ok(()),
            Some(item) => Err(self.unknown_key(item.src, item.key, item.key_at, known)),
        }
    }

    fn unknown_key(&self, src: &Source, key: &str, pos: Pos, known: &[&str]) -> Error {
        let (vi, en) = if self.name.is_empty() {
            (
                format!("không biết khóa `{key}`"),
                format!("unknown key `{key}`"),
            )
        } else {
            (
                format!("không biết khóa `{key}` trong {}", self.name),
                format!("unknown key `{key}` in {}", self.name),
            )
        };
        let hint = match did_you_mean(key, known.iter().copied()) {
            Some(suggestion) => did_you_mean_hint(suggestion),
            None => Text::new(
                format!(
                    "các khóa được dùng ở đây: {}",
                    name_list(known.iter().copied())
                ),
                format!(
                    "the keys allowed here: {}",
                    name_list(known.iter().copied())
                ),
            ),
        };
        src.error(pos, Text::new(vi, en)).hint(hint)
    }
}

/// Where a value starts.
pub(crate) fn pos(value: &Value<'_>) -> Pos {
    Pos::Offset(value.span().start)
}

/// The kind of a TOML value, with an article, for "expected ..., found ...".
fn kind(value: &DeValue<'_>) -> (&'static str, &'static str) {
    match value {
        DeValue::String(_) => ("một chuỗi chữ", "a string"),
        DeValue::Integer(_) => ("một số nguyên", "an integer"),
        DeValue::Float(_) => ("một số thập phân", "a decimal number"),
        DeValue::Boolean(_) => ("một giá trị true/false", "a true/false value"),
        DeValue::Datetime(_) => ("một ngày giờ", "a date or time"),
        DeValue::Array(_) => ("một danh sách [...]", "a list [...]"),
        DeValue::Table(_) => ("một bảng", "a table"),
    }
}

/// "`field` must be X, not Y" at the value.
pub(crate) fn wrong_type(
    src: &Source,
    field: &str,
    value: &Value<'_>,
    expected: (&str, &str),
) -> Error {
    let (found_vi, found_en) = kind(value.get_ref());
    src.error(
        pos(value),
        Text::new(
            format!("cần {}, nhưng ở đây là {found_vi}", expected.0),
            format!("expected {}, found {found_en}", expected.1),
        ),
    )
    .field(field)
}

pub(crate) fn as_str<'v>(
    src: &Source,
    field: &str,
    value: &'v Value<'_>,
) -> Result<&'v str, Error> {
    match value.get_ref() {
        DeValue::String(s) => Ok(s.as_ref()),
        _ => Err(wrong_type(
            src,
            field,
            value,
            ("một chuỗi chữ trong ngoặc kép", "a string in double quotes"),
        )),
    }
}

pub(crate) fn as_table<'v, 'i>(
    src: &Source,
    field: &str,
    value: &'v Value<'i>,
) -> Result<&'v DeTable<'i>, Error> {
    match value.get_ref() {
        DeValue::Table(t) => Ok(t),
        _ => Err(wrong_type(src, field, value, ("một bảng", "a table"))),
    }
}

pub(crate) fn as_array<'v, 'i>(
    src: &Source,
    field: &str,
    value: &'v Value<'i>,
) -> Result<&'v DeArray<'i>, Error> {
    match value.get_ref() {
        DeValue::Array(a) => Ok(a),
        _ => Err(wrong_type(
            src,
            field,
            value,
            ("một danh sách [...]", "a list [...]"),
        )),
    }
}

/// A whole number as written (underscores allowed, as TOML allows them).
pub(crate) fn as_integer(src: &Source, field: &str, value: &Value<'_>) -> Result<i128, Error> {
    match value.get_ref() {
        DeValue::Integer(i) => i128::from_str_radix(i.as_str(), i.radix()).map_err(|_| {
            src.error(
                pos(value),
                Text::new("số quá lớn", "the number is too large"),
            )
            .field(field)
        }),
        DeValue::Float(f) => {
            let written = f.as_str();
            let mut err = src
                .error(
                    pos(value),
                    Text::new(
                        format!("cần một số nguyên, không phải {written}"),
                        format!("expected a whole number, not {written}"),
                    ),
                )
                .field(field);
            if looks_grouped(written) {
                let digits = written.replace('.', "");
                err = err.hint(Text::new(
                    format!("trong TOML dấu chấm là dấu thập phân; viết {digits} hoặc dùng dấu gạch dưới để tách hàng nghìn"),
                    format!("in TOML a dot is a decimal point; write {digits}, or use underscores to group thousands"),
                ));
            }
            Err(err)
        }
        _ => Err(wrong_type(
            src,
            field,
            value,
            ("một số nguyên", "a whole number"),
        )),
    }
}

/// `151.916`: digits grouped by dots in threes, as the letter writes thousands.
fn looks_grouped(written: &str) -> bool {
    let mut groups = written.split('.');
    let first = groups.next().unwrap_or("");
    let rest: Vec<&str> = groups.collect();
    !rest.is_empty()
        && (1..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_digit())
        && rest
            .iter()
            .all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

/// A number (integer or decimal), finite.
pub(crate) fn as_number(src: &Source, field: &str, value: &Value<'_>) -> Result<f64, Error> {
    let number = match value.get_ref() {
        DeValue::Integer(_) => as_integer(src, field, value)? as f64,
        DeValue::Float(f) => f.as_str().parse::<f64>().unwrap_or(f64::NAN),
        _ => return Err(wrong_type(src, field, value, ("một số", "a number"))),
    };
    if number.is_finite() {
        Ok(number)
    } else {
        Err(src
            .error(
                pos(value),
                Text::new("cần một số hữu hạn", "expected a finite number"),
            )
            .field(field))
    }
}

/// The value as written in the file, for messages (`0,4` stays as the user wrote it).
pub(crate) fn written<'s>(src: &'s Source, value: &Value<'_>) -> &'s str {
    src.text.get(value.span()).unwrap_or("").trim()
}
