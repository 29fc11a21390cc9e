//! Checked reading of the values a rule passes to the host: numbers (whole or not), counts and
//! texts, with messages that say which argument is wrong and why.

use rhai::Dynamic;

use super::failure::{Fallible, HostError};

/// The type of a value in words a department reader knows.
pub(crate) fn type_words(value: &Dynamic) -> (&'static str, &'static str) {
    if value.is_int() || value.is_float() {
        ("một số", "a number")
    } else if value.is_string() {
        ("một đoạn chữ", "a text")
    } else if value.is_bool() {
        ("đúng/sai (true/false)", "true/false")
    } else if value.is_unit() {
        ("không có giá trị", "nothing")
    } else if value.is_map() {
        ("một bảng #{ ... }", "a map #{ ... }")
    } else if value.is_array() {
        ("một danh sách [ ... ]", "a list [ ... ]")
    } else {
        ("một giá trị khác", "another kind of value")
    }
}

/// A finite number, whole or not. `what` names the argument, e.g. "`mandate`: tỷ lệ".
pub(crate) fn number(value: &Dynamic, what: (&str, &str)) -> Fallible<f64> {
    let n = if let Ok(i) = value.as_int() {
        i as f64
    } else if let Ok(f) = value.as_float() {
        f
    } else {
        let (vi, en) = type_words(value);
        return Err(HostError::new(
            format!("{} phải là một số, không phải {vi}", what.0),
            format!("{} must be a number, not {en}", what.1),
        )
        .into());
    };
    if !n.is_finite() {
        return Err(HostError::new(
            format!("{} phải là một số hữu hạn, không phải {n}", what.0),
            format!("{} must be a finite number, not {n}", what.1),
        )
        .into());
    }
    Ok(n)
}

/// A number at least 0.
pub(crate) fn non_negative(value: &Dynamic, what: (&str, &str)) -> Fallible<f64> {
    let n = number(value, what)?;
    if n < 0.0 {
        return Err(HostError::new(
            format!("{} không được âm (đang là {n})", what.0),
            format!("{} cannot be negative (it is {n})", what.1),
        )
        .into());
    }
    Ok(n)
}

/// A whole number, 0 or more (a whole-valued decimal such as `1.0` is accepted).
pub(crate) fn whole(value: &Dynamic, what: (&str, &str)) -> Fallible<u32> {
    let n = non_negative(value, what)?;
    if n.fract() != 0.0 || n > f64::from(u32::MAX) {
        return Err(HostError::new(
            format!("{} phải là số nguyên, không phải {n}", what.0),
            format!("{} must be a whole number, not {n}", what.1),
        )
        .into());
    }
    Ok(n as u32)
}

/// A text that is not blank.
pub(crate) fn filled_text(value: &Dynamic, what: (&str, &str)) -> Fallible<String> {
    let s = text(value, what)?;
    if s.trim().is_empty() {
        return Err(HostError::new(
            format!("{} không được để trống", what.0),
            format!("{} cannot be empty", what.1),
        )
        .into());
    }
    Ok(s)
}

/// A text.
pub(crate) fn text(value: &Dynamic, what: (&str, &str)) -> Fallible<String> {
    match value.clone().into_immutable_string() {
        Ok(s) => Ok(s.to_string()),
        Err(_) => {
            let (vi, en) = type_words(value);
            Err(HostError::new(
                format!(
                    "{} phải là một đoạn chữ trong dấu ngoặc kép, không phải {vi}",
                    what.0
                ),
                format!("{} must be a text in double quotes, not {en}", what.1),
            )
            .into())
        }
    }
}

/// A language code for the formatting functions: "vi" or "en".
pub(crate) fn lang(code: &str, function: &str) -> Fallible<crate::text::Lang> {
    crate::text::Lang::parse(code).ok_or_else(|| {
        HostError::new(
            format!("`{function}`: ngôn ngữ phải là \"vi\" hoặc \"en\", không phải \"{code}\""),
            format!("`{function}`: the language must be \"vi\" or \"en\", not \"{code}\""),
        )
        .into()
    })
}
