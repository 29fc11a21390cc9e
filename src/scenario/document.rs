//! The parsed TOML of a scenario, read value by value: every value keeps its span, so every
//! error points at the line and column the user has to change.

use std::collections::HashMap;

use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue};
use toml_parser::lexer::TokenKind;

use super::message::{Conflict, DocumentProblem, Expected, Found, example_of_field};
use crate::diagnostic::{Error, Message, did_you_mean, shortened};
use crate::limits::{TOML_TABLES, TOML_VALUES};
use crate::source::{Pos, Source, Spot};

pub(crate) type Value<'i> = Spanned<DeValue<'i>>;

/// Parses the scenario's TOML; a syntax error points where the parser stopped. A file of more
/// tables or values than any scenario needs is refused before it is parsed ([`within_limits`]).
pub(crate) fn parse(src: &Source) -> Result<DeTable<'_>, Error> {
    within_limits(src)?;
    DeTable::parse(&src.text)
        .map(Spanned::into_inner)
        .map_err(|err| super::syntax::syntax_error(src, &err))
}

/// Counts the tables and values of a TOML file (or `--set`) from its tokens, in one pass that
/// holds nothing: more than [`TOML_TABLES`] or [`TOML_VALUES`] is refused where the count
/// passes the limit, before the parser builds a value tree of hundreds of bytes per item.
/// (Also the rule tests' files, which `ruletest/` parses itself.)
pub(crate) fn within_limits(src: &Source) -> Result<(), Error> {
    let (mut tables, mut values) = (0usize, 0usize);
    for token in toml_parser::Source::new(&src.text).lex() {
        match token.kind() {
            TokenKind::LeftSquareBracket | TokenKind::LeftCurlyBracket | TokenKind::Dot => {
                tables += 1;
            }
            TokenKind::Equals | TokenKind::Comma => values += 1,
            _ => continue,
        }
        if tables > TOML_TABLES || values > TOML_VALUES {
            let offset = token.span().start().min(src.text.len());
            let line = src.text.as_bytes()[..offset]
                .iter()
                .filter(|b| **b == b'\n')
                .count()
                + 1;
            let problem = DocumentProblem::TooManyItems {
                tables: tables > TOML_TABLES,
                line,
            };
            // the line itself is not shown under the message: it may be megabytes long
            let mut err = src.error(Pos::File, problem);
            if !src.is_setting() {
                err.location.line = Some(line);
            }
            return Err(err);
        }
    }
    Ok(())
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
    /// Where the value is: its source and its place in it.
    pub fn spot(&self) -> Spot<'a> {
        self.src.spot(self.pos())
    }

    /// Where the value starts, in its source.
    pub fn pos(&self) -> Pos {
        pos(self.value)
    }

    /// An error at the value.
    pub fn error(&self, message: impl Message) -> Error {
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
        // where each key is in `items`: a table of many keys is merged in one look per key
        let mut index: HashMap<&'a str, usize> = HashMap::new();
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
                match index.get(entry.key) {
                    Some(&at) => items[at] = entry,
                    None => {
                        index.insert(entry.key, items.len());
                        items.push(entry);
                    }
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
            self.src.error(
                self.at,
                DocumentProblem::MissingKey {
                    key: key.to_string(),
                    table: self.name,
                    example: example.to_string(),
                },
            )
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
        src.error(
            pos,
            DocumentProblem::UnknownKey {
                key: key.to_string(),
                table: self.name,
                close: did_you_mean(key, known.iter().copied()).map(str::to_string),
                known: known.iter().map(|k| k.to_string()).collect(),
            },
        )
    }
}

/// Whether `b` is written after `a` among `layers` (base first, then its overlays, then the
/// `--set`s): a source that is no layer (a coverage file) counts as the first file's.
pub(crate) fn later(layers: &[Layer<'_, '_>], a: &Source, b: &Source) -> bool {
    let rank = |s: &Source| {
        layers
            .iter()
            .position(|l| std::ptr::eq(l.src, s))
            .unwrap_or(0)
    };
    rank(b) > rank(a)
}

/// The error of a check between two values that do not go together, `a` and `b` (each where
/// it is written, and its field): at `b` when `b_later` (an overlay or a `--set` wrote it over
/// a base that wrote `a`: the value the user changed), else at `a`. When the two are written
/// in two sources, the message names where the other one is (trial 13e H22).
pub(crate) fn between(
    problem: impl Message,
    a: (Spot<'_>, &str),
    b: (Spot<'_>, &str),
    b_later: bool,
) -> Error {
    let ((at, field), (other, other_field)) = if b_later { (b, a) } else { (a, b) };
    if std::ptr::eq(at.src, other.src) {
        return at.error(problem).field(field);
    }
    let place = other.place();
    let mut e = at
        .error(Conflict::of(&problem, other_field, place.clone()))
        .field(field);
    e.location.other = Some(place);
    e
}

/// Where a value starts.
pub(crate) fn pos(value: &Value<'_>) -> Pos {
    Pos::Offset(value.span().start)
}

/// The kind of a TOML value, for "expected ..., found ...".
fn kind(value: &DeValue<'_>) -> Found {
    match value {
        DeValue::String(_) => Found::String,
        DeValue::Integer(_) => Found::Integer,
        DeValue::Float(_) => Found::Float,
        DeValue::Boolean(_) => Found::Boolean,
        DeValue::Datetime(_) => Found::Datetime,
        DeValue::Array(_) => Found::Array,
        DeValue::Table(_) => Found::Table,
    }
}

/// "`field` must be X, not Y" at the value.
pub(crate) fn wrong_type(
    src: &Source,
    field: &str,
    value: &Value<'_>,
    expected: impl Into<Expected>,
) -> Error {
    wrong_type_as(src, field, value, expected, field)
}

/// [`wrong_type`], its example that of `like` (`district.name` for a district's `name`).
pub(crate) fn wrong_type_as(
    src: &Source,
    field: &str,
    value: &Value<'_>,
    expected: impl Into<Expected>,
    like: &str,
) -> Error {
    src.error(
        pos(value),
        DocumentProblem::WrongType {
            expected: expected.into(),
            found: kind(value.get_ref()),
            example: example(src, like),
        },
    )
    .field(field)
}

/// A line that writes `field` right, for the hint of a value written wrong in a file (a
/// `--set` has its own hint: how the value after `=` is read).
fn example(src: &Source, field: &str) -> Option<String> {
    if src.is_setting() {
        None
    } else {
        example_of_field(field)
    }
}

pub(crate) fn as_str<'v>(
    src: &Source,
    field: &str,
    value: &'v Value<'_>,
) -> Result<&'v str, Error> {
    match value.get_ref() {
        DeValue::String(s) => Ok(s.as_ref()),
        _ => Err(wrong_type(src, field, value, Expected::QuotedString)),
    }
}

pub(crate) fn as_table<'v, 'i>(
    src: &Source,
    field: &str,
    value: &'v Value<'i>,
) -> Result<&'v DeTable<'i>, Error> {
    match value.get_ref() {
        DeValue::Table(t) => Ok(t),
        _ => Err(wrong_type(src, field, value, Expected::Table)),
    }
}

pub(crate) fn as_array<'v, 'i>(
    src: &Source,
    field: &str,
    value: &'v Value<'i>,
) -> Result<&'v DeArray<'i>, Error> {
    match value.get_ref() {
        DeValue::Array(a) => Ok(a),
        _ => Err(wrong_type(src, field, value, Expected::List)),
    }
}

/// A whole number as written (underscores allowed, as TOML allows them).
pub(crate) fn as_integer(src: &Source, field: &str, value: &Value<'_>) -> Result<i128, Error> {
    integer(src, field, value, None)
}

/// [`as_integer`] for a field that takes at most `largest` (its own check of the range
/// follows): a number too large to hold, or a whole number written as a decimal above
/// `largest` (`1e37`, as a `--set` may be typed and as `sweep --vary` writes its values from
/// 10^36 up), is refused as too large, naming `largest`, not as "not a whole number".
pub(crate) fn as_integer_at_most(
    src: &Source,
    field: &str,
    value: &Value<'_>,
    largest: i128,
) -> Result<i128, Error> {
    integer(src, field, value, Some(largest))
}

fn integer(
    src: &Source,
    field: &str,
    value: &Value<'_>,
    largest: Option<i128>,
) -> Result<i128, Error> {
    match value.get_ref() {
        DeValue::Integer(i) => i128::from_str_radix(i.as_str(), i.radix()).map_err(|e| {
            let prefix = match i.radix() {
                16 => "0x",
                8 => "0o",
                2 => "0b",
                _ => "",
            };
            let written = format!("{prefix}{}", i.as_str());
            let key = field.rsplit('.').next().unwrap_or(field).to_string();
            let problem = match e.kind() {
                // `0x` with nothing after it: no digits, not a large number (trial G22)
                std::num::IntErrorKind::Empty => DocumentProblem::NoDigits { written, key },
                _ if i.as_str().trim_start_matches(['+', '-']).is_empty() => {
                    DocumentProblem::NoDigits { written, key }
                }
                _ => DocumentProblem::TooLarge {
                    written: crate::diagnostic::shortened(&written),
                    largest,
                },
            };
            src.error(pos(value), problem).field(field)
        }),
        DeValue::Float(f) => {
            let written = f.as_str();
            // a whole number, too large for the field: said so, with the largest it takes
            if let Some(largest) = largest
                && written
                    .replace('_', "")
                    .parse::<f64>()
                    .is_ok_and(|x| x.is_finite() && x.fract() == 0.0 && x > largest as f64)
            {
                return Err(src
                    .error(
                        pos(value),
                        DocumentProblem::TooLarge {
                            written: crate::diagnostic::shortened(written),
                            largest: Some(largest),
                        },
                    )
                    .field(field));
            }
            Err(src
                .error(
                    pos(value),
                    DocumentProblem::NotWhole {
                        written: written.to_string(),
                        grouped: looks_grouped(written).then(|| written.replace('.', "")),
                    },
                )
                .field(field))
        }
        _ => Err(wrong_type(src, field, value, Expected::WholeNumber)),
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
        _ => return Err(wrong_type(src, field, value, Expected::Number)),
    };
    if number.is_finite() {
        Ok(number)
    } else {
        Err(src
            .error(
                pos(value),
                DocumentProblem::NotFinite {
                    written: written(src, value),
                    example: example(src, field),
                },
            )
            .field(field))
    }
}

/// The value as written in the file, for messages (`0,4` stays as the user wrote it), cut to a
/// short quote when it is long (`0.000…`: a message never echoes megabytes).
pub(crate) fn written(src: &Source, value: &Value<'_>) -> String {
    shortened(src.text.get(value.span()).unwrap_or("").trim())
}
