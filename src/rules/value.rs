//! Checked reading of the values a rule passes to the host: numbers (whole or not), counts and
//! texts, each refusal naming which argument is wrong and why.

use rhai::Dynamic;

use super::failure::Fallible;
use super::limits::MAX_TEXT_CHARS;
use super::message::{Input, Shape, ValueProblem};

/// The kind of value, for a message about it (`None`: one the words have no name for).
pub(crate) fn shape(value: &Dynamic) -> Option<Shape> {
    if value.is_int() || value.is_float() {
        Some(Shape::Number)
    } else if value.is_string() {
        Some(Shape::Text)
    } else if value.is_bool() {
        Some(Shape::Bool)
    } else if value.is_unit() {
        Some(Shape::Nothing)
    } else if value.is_map() {
        Some(Shape::Map)
    } else if value.is_array() {
        Some(Shape::List)
    } else {
        None
    }
}

/// A finite number, whole or not. `input` names the argument, e.g. `mandate`'s share.
pub(crate) fn number(value: &Dynamic, input: Input) -> Fallible<f64> {
    let n = if let Ok(i) = value.as_int() {
        i as f64
    } else if let Ok(f) = value.as_float() {
        f
    } else {
        return Err(ValueProblem::NotNumber {
            input,
            got: shape(value),
        }
        .into());
    };
    if !n.is_finite() {
        return Err(ValueProblem::NotFinite { input, value: n }.into());
    }
    Ok(n)
}

/// A number at least 0.
pub(crate) fn non_negative(value: &Dynamic, input: Input) -> Fallible<f64> {
    let n = number(value, input)?;
    if n < 0.0 {
        return Err(ValueProblem::Negative { input, value: n }.into());
    }
    Ok(n)
}

/// A whole number from 0 to `limit` (a whole-valued decimal such as `1.0` is accepted).
pub(crate) fn whole(value: &Dynamic, input: Input, limit: u32) -> Fallible<u32> {
    let n = non_negative(value, input)?;
    if n.fract() != 0.0 {
        return Err(ValueProblem::NotWhole { input, value: n }.into());
    }
    if n > f64::from(limit) {
        return Err(ValueProblem::TooLarge {
            input,
            value: n,
            limit: f64::from(limit),
        }
        .into());
    }
    Ok(n as u32)
}

/// A text that is not blank.
pub(crate) fn filled_text(value: &Dynamic, input: Input) -> Fallible<String> {
    let s = text(value, input)?;
    if s.trim().is_empty() {
        return Err(ValueProblem::Empty { input }.into());
    }
    Ok(s)
}

/// A text.
pub(crate) fn text(value: &Dynamic, input: Input) -> Fallible<String> {
    match value.clone().into_immutable_string() {
        Ok(s) => Ok(s.to_string()),
        Err(_) => Err(ValueProblem::NotText {
            input,
            got: shape(value),
        }
        .into()),
    }
}

/// A text the host keeps and prints (a directive's action or unit, a reason): at most
/// [`MAX_TEXT_CHARS`] characters, and no character a reader cannot see or a terminal would act
/// on (an escape, a carriage return, a zero-width space, a direction mark), line breaks and
/// tabs apart. Its length in characters.
pub(crate) fn printed(text: &str, input: Input) -> Fallible<usize> {
    if holds_function(text) {
        return Err(ValueProblem::FunctionAsText { input }.into());
    }
    let chars = text.chars().count();
    if chars > MAX_TEXT_CHARS {
        return Err(ValueProblem::TooLong {
            input,
            chars,
            limit: MAX_TEXT_CHARS,
        }
        .into());
    }
    let hidden = text
        .chars()
        .enumerate()
        .find(|&(_, c)| c != '\n' && c != '\t' && crate::text::is_hidden(c));
    if let Some((at, character)) = hidden {
        return Err(ValueProblem::Hidden {
            input,
            position: at + 1,
            character,
            around: around(text, at),
        }
        .into());
    }
    Ok(chars)
}

/// Up to 20 characters either side of the character at `at` (0-based), with every hidden
/// character written as `\u{1b}`: the place a message quotes.
pub(crate) fn around(text: &str, at: usize) -> String {
    const SIDE: usize = 20;
    let from = at.saturating_sub(SIDE);
    let window: String = text.chars().skip(from).take(2 * SIDE + 1).collect();
    let more_before = if from > 0 { "…" } else { "" };
    let more_after = if text.chars().count() > from + 2 * SIDE + 1 {
        "…"
    } else {
        ""
    };
    format!(
        "{more_before}{}{more_after}",
        crate::text::show_hidden(&window)
    )
}

/// What a function value becomes as text (`"Task " + f`, `` `${f}` ``, `f.to_string()`,
/// `debug(f)`): a mark no text a person writes holds, so that a text holding it is refused
/// where the host takes it ([`printed`], a thrown text), never printed. Rhai's own rendering
/// of a closure, `Fn(anon$59f8a3d5fc36810c)`, names it by a hash made anew on every run (trial
/// 13g K13).
pub(crate) const FUNCTION_TEXT: &str = "\u{fdd0}Fn\u{fdd1}";

/// Whether `text` holds a function value turned into text ([`FUNCTION_TEXT`]).
pub(crate) fn holds_function(text: &str) -> bool {
    text.contains(FUNCTION_TEXT)
}

/// A language code for the formatting functions: "vi" or "en".
pub(crate) fn lang(code: &str, function: &str) -> Fallible<crate::text::Lang> {
    crate::text::Lang::parse(code).ok_or_else(|| {
        ValueProblem::Lang {
            function: function.to_string(),
            code: code.to_string(),
        }
        .into()
    })
}
