//! What Rhai offers that the rules engine leaves out ([`super::engine::new_engine`] builds it
//! from chosen packages), by name: a rule that calls one is told, in words, that rules do not
//! have it and what to do instead, not "did you mean" a function that merely looks alike.
//! Function pointers and closures (`Fn("f")`, `|x| x + 1`, `f.call(x)`, `f.curry(x)`) are not
//! in this list: rules have them, for `map`, `filter` and `sort`.

/// A kind of Rhai feature rules do not have, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Withheld {
    /// The time and waiting: the same scenario gives the same plan on every run.
    Clock,
    /// Ending the run from a rule: a rule stops with `throw`, which names it.
    Exit,
    /// Binary data (blobs) and bit fields: rules work with numbers, texts, lists and maps.
    Bytes,
    /// Reading JSON: a rule's values come from the scenario's `[params]`.
    Json,
    /// Looking into the script itself (its functions, the call stack, value tags).
    Introspection,
}

/// Rhai's functions (from the packages `new_engine` leaves out) and what each belongs to.
const WITHHELD: [(&str, Withheld); 26] = [
    ("timestamp", Withheld::Clock),
    ("elapsed", Withheld::Clock),
    ("time_diff", Withheld::Clock),
    ("sleep", Withheld::Clock),
    ("exit", Withheld::Exit),
    ("blob", Withheld::Bytes),
    ("get_bit", Withheld::Bytes),
    ("set_bit", Withheld::Bytes),
    ("get_bits", Withheld::Bytes),
    ("set_bits", Withheld::Bytes),
    ("parse_le_int", Withheld::Bytes),
    ("parse_be_int", Withheld::Bytes),
    ("parse_le_float", Withheld::Bytes),
    ("parse_be_float", Withheld::Bytes),
    ("write_le", Withheld::Bytes),
    ("write_be", Withheld::Bytes),
    ("write_utf8", Withheld::Bytes),
    ("write_ascii", Withheld::Bytes),
    ("parse_json", Withheld::Json),
    ("get_fn_metadata_list", Withheld::Introspection),
    ("back_trace", Withheld::Introspection),
    ("tag", Withheld::Introspection),
    ("set_tag", Withheld::Introspection),
    ("take", Withheld::Introspection),
    ("is_anonymous", Withheld::Introspection),
    ("call_fn_raw", Withheld::Introspection),
];

/// What `name` is, when it is a Rhai function rules do not have.
pub(crate) fn withheld(name: &str) -> Option<Withheld> {
    WITHHELD.iter().find(|(n, _)| *n == name).map(|(_, w)| *w)
}

/// The name among `known` that `unknown` is a typing mistake for, when one is close enough to
/// be meant: a few letters apart (at most a third of the name's letters, at least one: a
/// letter left out, added, changed, or two swapped, counting one each, big and small letters
/// alike), and the closest by [`crate::diagnostic::did_you_mean`]. `get_bit` is not `get`, nor
/// `parse_json` `parse_int`: a suggestion that is not what the user meant sends them the wrong
/// way.
pub(crate) fn meant<'a>(
    unknown: &str,
    known: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let lower = unknown.to_lowercase();
    let most = lower.chars().count().max(3) / 3;
    let near = known
        .into_iter()
        .filter(|k| strsim::osa_distance(&lower, &k.to_lowercase()) <= most);
    crate::diagnostic::did_you_mean(unknown, near)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_suggestion_is_a_typing_mistake_away() {
        let known = [
            "get",
            "all",
            "add_installs",
            "rate",
            "parse_int",
            "action_en",
        ];
        // a letter left out, added or two swapped: meant
        assert_eq!(meant("add_install", known), Some("add_installs"));
        assert_eq!(meant("rates", known), Some("rate"));
        assert_eq!(meant("actoin_en", known), Some("action_en"));
        // names that only start alike are other things
        assert_eq!(meant("get_bit", known), None);
        assert_eq!(meant("parse_json", known), None);
        assert_eq!(meant("get_fn_metadata_list", known), None);
    }

    #[test]
    fn every_withheld_name_is_left_out_of_the_engine() {
        let clock = super::super::engine::Clock::new(std::time::Duration::from_secs(1));
        let engine = super::super::engine::new_engine(&clock);
        let known = super::super::check::Known::of(&engine);
        for (name, _) in WITHHELD {
            assert!(known.arities(name).is_none(), "the engine has `{name}`");
        }
    }
}
