//! List functions that take a function of the rule, in place of Rhai's own where Rhai drops
//! what that function says: Rhai's `sort(|a, b| ...)` and `dedup(|a, b| ...)` take an error
//! inside the function (a `throw`, a wrong type, a rule stopped by a limit) as "equal" or "not
//! equal" and go on, so a broken comparison would silently give a wrongly ordered list. Here
//! the first error stops the rule, at its spot, like an error anywhere else; and a comparison
//! that gives something other than a number or true/false is an error too.
//!
//! The same holds for the functions that ask the rule's function a yes-or-no question of each
//! item (`filter`, `some`, `all`, `retain`, `drain`, `index_of`, `find`): Rhai takes any answer
//! that is not true/false as false, so `list.filter(|d| d.rate)` (a number, not a comparison)
//! silently keeps nothing. Here such an answer stops the rule and names the function.
//!
//! The sort is a merge sort: stable, as Rhai's is, and it never panics, whatever order the
//! rule's comparison describes (Rust's own sort may panic on a comparison that is not a total
//! order).

use std::cmp::Ordering;

use rhai::{Array, Dynamic, Engine, FnPtr, INT, Map, NativeCallContext};

use super::failure::Fallible;
use super::message::HostProblem;
use super::value;

/// Registers `sort(f)`, `sort_by(f)`, `dedup(f)` and the functions of [`PREDICATES`] for
/// lists, over Rhai's own.
pub(crate) fn register(engine: &mut Engine) {
    register_predicates(engine);
    register_map_predicates(engine);
    for name in ["sort", "sort_by"] {
        engine.register_fn(
            name,
            move |ctx: NativeCallContext, list: &mut Array, compare: FnPtr| -> Fallible<()> {
                sort(list, |a, b| ordering(&ctx, &compare, a, b, name))
            },
        );
    }
    engine.register_fn(
        "dedup",
        |ctx: NativeCallContext, list: &mut Array, same: FnPtr| -> Fallible<()> {
            dedup(list, |kept, next| {
                let answer = same.call_raw(&ctx, None, [kept.clone(), next.clone()])?;
                answer.as_bool().map_err(|_| {
                    HostProblem::CallbackResult {
                        function: "dedup",
                        got: value::shape(&answer),
                        wants_order: false,
                    }
                    .into()
                })
            })
        },
    );
}

/// The functions that ask the rule's function a yes-or-no question of each item.
pub(crate) const PREDICATES: [&str; 7] = [
    "filter", "some", "all", "retain", "drain", "index_of", "find",
];

/// Registers the functions of [`PREDICATES`] for lists, over Rhai's own, with the same
/// meaning (each item given to the function with its index when it takes two), except that an
/// answer other than true/false is an error.
fn register_predicates(engine: &mut Engine) {
    engine.register_fn(
        "filter",
        |ctx: NativeCallContext, list: &mut Array, f: FnPtr| -> Fallible<Array> {
            let mut kept = Array::new();
            for (i, item) in list.iter_mut().enumerate() {
                if ask(&ctx, &f, "filter", item, i)? {
                    kept.push(item.clone());
                }
            }
            Ok(kept)
        },
    );
    engine.register_fn(
        "some",
        |ctx: NativeCallContext, list: &mut Array, f: FnPtr| -> Fallible<bool> {
            for (i, item) in list.iter_mut().enumerate() {
                if ask(&ctx, &f, "some", item, i)? {
                    return Ok(true);
                }
            }
            Ok(false)
        },
    );
    engine.register_fn(
        "all",
        |ctx: NativeCallContext, list: &mut Array, f: FnPtr| -> Fallible<bool> {
            for (i, item) in list.iter_mut().enumerate() {
                if !ask(&ctx, &f, "all", item, i)? {
                    return Ok(false);
                }
            }
            Ok(true)
        },
    );
    // `drain` takes out the items the function says yes to, `retain` those it says no to;
    // both give back what they took out
    for (name, take_if) in [("drain", true), ("retain", false)] {
        engine.register_fn(
            name,
            move |ctx: NativeCallContext, list: &mut Array, f: FnPtr| -> Fallible<Array> {
                let mut answers = Vec::with_capacity(list.len());
                for (i, item) in list.iter_mut().enumerate() {
                    answers.push(ask(&ctx, &f, name, item, i)?);
                }
                let (mut taken, mut kept) = (Array::new(), Array::new());
                for (item, yes) in std::mem::take(list).into_iter().zip(answers) {
                    if yes == take_if {
                        taken.push(item);
                    } else {
                        kept.push(item);
                    }
                }
                *list = kept;
                Ok(taken)
            },
        );
    }
    engine.register_fn(
        "index_of",
        |ctx: NativeCallContext, list: &mut Array, f: FnPtr| -> Fallible<INT> {
            index_of(&ctx, list, &f, 0, "index_of")
        },
    );
    engine.register_fn(
        "index_of",
        |ctx: NativeCallContext, list: &mut Array, f: FnPtr, start: INT| -> Fallible<INT> {
            index_of(&ctx, list, &f, start, "index_of")
        },
    );
    engine.register_fn(
        "find",
        |ctx: NativeCallContext, list: &mut Array, f: FnPtr| -> Fallible<Dynamic> {
            find(&ctx, list, &f, 0)
        },
    );
    engine.register_fn(
        "find",
        |ctx: NativeCallContext, list: &mut Array, f: FnPtr, start: INT| -> Fallible<Dynamic> {
            find(&ctx, list, &f, start)
        },
    );
}

/// `filter`, `drain` and `retain` of maps, over Rhai's own: the function is given the key, and
/// the value as a second argument when it takes two (as `this` otherwise), as Rhai does.
fn register_map_predicates(engine: &mut Engine) {
    engine.register_fn(
        "filter",
        |ctx: NativeCallContext, map: &mut Map, f: FnPtr| -> Fallible<Map> {
            let mut kept = Map::new();
            for (key, value) in map.iter_mut() {
                if ask_entry(&ctx, &f, "filter", key, value)? {
                    kept.insert(key.clone(), value.clone());
                }
            }
            Ok(kept)
        },
    );
    for (name, take_if) in [("drain", true), ("retain", false)] {
        engine.register_fn(
            name,
            move |ctx: NativeCallContext, map: &mut Map, f: FnPtr| -> Fallible<Map> {
                let mut answers = Vec::with_capacity(map.len());
                for (key, value) in map.iter_mut() {
                    answers.push(ask_entry(&ctx, &f, name, key, value)?);
                }
                let (mut taken, mut kept) = (Map::new(), Map::new());
                for ((key, value), yes) in std::mem::take(map).into_iter().zip(answers) {
                    if yes == take_if {
                        taken.insert(key, value);
                    } else {
                        kept.insert(key, value);
                    }
                }
                *map = kept;
                Ok(taken)
            },
        );
    }
}

/// The rule's function `f`'s answer for the map entry `key`, `value`; an answer other than
/// true/false is an error of `function`.
fn ask_entry(
    ctx: &NativeCallContext,
    f: &FnPtr,
    function: &'static str,
    key: &rhai::Identifier,
    value: &mut Dynamic,
) -> Fallible<bool> {
    let key: Dynamic = key.clone().into();
    let answer = f.call_raw_with_extra_args(function, ctx, Some(value), [key], [], Some(1))?;
    yes_or_no(function, answer)
}

/// `answer` as true/false, or the error of `function` whose function gave it.
fn yes_or_no(function: &'static str, answer: Dynamic) -> Fallible<bool> {
    answer.as_bool().map_err(|_| {
        HostProblem::CallbackResult {
            function,
            got: value::shape(&answer),
            wants_order: false,
        }
        .into()
    })
}

/// The rule's function `f`'s answer for `item` at `index` (given as a second argument when
/// `f` takes two, as Rhai does); an answer other than true/false is an error of `function`.
fn ask(
    ctx: &NativeCallContext,
    f: &FnPtr,
    function: &'static str,
    item: &mut Dynamic,
    index: usize,
) -> Fallible<bool> {
    let extra = [Dynamic::from_int(INT::try_from(index).unwrap_or(INT::MAX))];
    let answer = f.call_raw_with_extra_args(function, ctx, Some(item), [], extra, Some(0))?;
    yes_or_no(function, answer)
}

/// Where a search from `start` begins: from the end when negative (Rhai's meaning), never
/// past the end.
fn start_at(len: usize, start: INT) -> usize {
    if start < 0 {
        usize::try_from(start.unsigned_abs()).map_or(0, |back| len.saturating_sub(back))
    } else {
        usize::try_from(start).map_or(len, |s| s.min(len))
    }
}

/// The index of the first item from `start` that `f` says yes to, or -1.
fn index_of(
    ctx: &NativeCallContext,
    list: &mut Array,
    f: &FnPtr,
    start: INT,
    function: &'static str,
) -> Fallible<INT> {
    let from = start_at(list.len(), start);
    for (i, item) in list.iter_mut().enumerate().skip(from) {
        if ask(ctx, f, function, item, i)? {
            return Ok(INT::try_from(i).unwrap_or(INT::MAX));
        }
    }
    Ok(-1)
}

/// The first item from `start` that `f` says yes to, or `()`.
fn find(ctx: &NativeCallContext, list: &mut Array, f: &FnPtr, start: INT) -> Fallible<Dynamic> {
    let i = index_of(ctx, list, f, start, "find")?;
    Ok(usize::try_from(i)
        .ok()
        .and_then(|i| list.get(i).cloned())
        .unwrap_or(Dynamic::UNIT))
}

/// What the rule's comparison says of `a` and `b`: a number (negative: `a` first; 0: equal;
/// positive: `b` first) or true/false (true: `a` first), as Rhai's `sort` reads it.
fn ordering(
    ctx: &NativeCallContext,
    compare: &FnPtr,
    a: &Dynamic,
    b: &Dynamic,
    function: &'static str,
) -> Fallible<Ordering> {
    let answer = compare.call_raw(ctx, None, [a.clone(), b.clone()])?;
    if let Ok(n) = answer.as_int() {
        return Ok(n.cmp(&0));
    }
    if let Ok(x) = answer.as_float()
        && let Some(order) = x.partial_cmp(&0.0)
    {
        return Ok(order);
    }
    if let Ok(first) = answer.as_bool() {
        return Ok(if first {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    Err(HostProblem::CallbackResult {
        function,
        got: value::shape(&answer),
        wants_order: true,
    }
    .into())
}

/// Sorts `list` by `compare`, stably; the first error stops it and leaves the list unchanged.
fn sort(
    list: &mut Array,
    mut compare: impl FnMut(&Dynamic, &Dynamic) -> Fallible<Ordering>,
) -> Fallible<()> {
    let mut items = std::mem::take(list);
    let result = merge_sort(&mut items, &mut compare);
    *list = items;
    result
}

/// A bottom-up merge sort: runs of 1, 2, 4, ... merged in turn, each from one buffer into the
/// other. On an error the items are as they were.
fn merge_sort(
    items: &mut Vec<Dynamic>,
    compare: &mut impl FnMut(&Dynamic, &Dynamic) -> Fallible<Ordering>,
) -> Fallible<()> {
    let n = items.len();
    if n < 2 {
        return Ok(());
    }
    // sort indices, so that nothing is moved until the order is known
    let mut from: Vec<usize> = (0..n).collect();
    let mut into: Vec<usize> = Vec::with_capacity(n);
    let mut width = 1;
    while width < n {
        into.clear();
        let mut start = 0;
        while start < n {
            let middle = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j) = (start, middle);
            while i < middle && j < end {
                // `b` goes first only when strictly before `a`: equal items keep their order
                if compare(&items[from[j]], &items[from[i]])? == Ordering::Less {
                    into.push(from[j]);
                    j += 1;
                } else {
                    into.push(from[i]);
                    i += 1;
                }
            }
            into.extend_from_slice(&from[i..middle]);
            into.extend_from_slice(&from[j..end]);
            start = end;
        }
        std::mem::swap(&mut from, &mut into);
        width *= 2;
    }
    let mut taken: Vec<Option<Dynamic>> = std::mem::take(items).into_iter().map(Some).collect();
    *items = from
        .into_iter()
        .filter_map(|i| taken.get_mut(i).and_then(Option::take))
        .collect();
    Ok(())
}

/// Removes each item that `same` says repeats the item kept before it; the first error stops
/// it and leaves the list unchanged.
fn dedup(
    list: &mut Array,
    mut same: impl FnMut(&Dynamic, &Dynamic) -> Fallible<bool>,
) -> Fallible<()> {
    let mut kept: Vec<usize> = Vec::with_capacity(list.len());
    for i in 0..list.len() {
        let repeats = match kept.last() {
            Some(&last) => same(&list[last], &list[i])?,
            None => false,
        };
        if !repeats {
            kept.push(i);
        }
    }
    let mut taken: Vec<Option<Dynamic>> = std::mem::take(list).into_iter().map(Some).collect();
    *list = kept
        .into_iter()
        .filter_map(|i| taken.get_mut(i).and_then(Option::take))
        .collect();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ints(list: &Array) -> Vec<i64> {
        list.iter().map(|d| d.as_int().unwrap()).collect()
    }

    #[test]
    fn the_merge_sort_is_stable_and_sorts_every_length() {
        for n in 0..40_i64 {
            // pairs (key, place): sort by key only; equal keys keep their places in order
            let mut list: Array = (0..n).map(|i| Dynamic::from_int((i * 7) % 5)).collect();
            let keys = ints(&list);
            let mut expected = keys.clone();
            expected.sort();
            sort(&mut list, |a, b| {
                Ok(a.as_int().unwrap().cmp(&b.as_int().unwrap()))
            })
            .unwrap();
            assert_eq!(ints(&list), expected, "n = {n}");
        }
        let mut list: Array = [3, 1, 3, 2, 1]
            .iter()
            .enumerate()
            .map(|(i, k)| {
                Dynamic::from_array(vec![Dynamic::from_int(*k), Dynamic::from_int(i as i64)])
            })
            .collect();
        let key = |d: &Dynamic| d.clone().into_array().unwrap()[0].as_int().unwrap();
        sort(&mut list, |a, b| Ok(key(a).cmp(&key(b)))).unwrap();
        let places: Vec<i64> = list
            .iter()
            .map(|d| d.clone().into_array().unwrap()[1].as_int().unwrap())
            .collect();
        assert_eq!(places, [1, 4, 3, 0, 2]);
    }

    #[test]
    fn a_comparison_that_is_no_order_neither_panics_nor_loses_items() {
        let mut list: Array = (0..100).map(Dynamic::from_int).collect();
        let mut flip = false;
        sort(&mut list, |_, _| {
            flip = !flip;
            Ok(if flip {
                Ordering::Less
            } else {
                Ordering::Greater
            })
        })
        .unwrap();
        let mut all = ints(&list);
        all.sort();
        assert_eq!(all, (0..100).collect::<Vec<_>>());
    }

    #[test]
    fn an_error_stops_the_sort_and_leaves_the_list_as_it_was() {
        let mut list: Array = [3, 1, 2].into_iter().map(Dynamic::from_int).collect();
        let err = sort(&mut list, |_, _| Err("x".into())).unwrap_err();
        assert!(err.to_string().contains('x'), "{err}");
        assert_eq!(ints(&list), [3, 1, 2]);
        let err = dedup(&mut list, |_, _| Err("y".into())).unwrap_err();
        assert!(err.to_string().contains('y'), "{err}");
        assert_eq!(ints(&list), [3, 1, 2]);
    }

    #[test]
    fn dedup_compares_each_item_with_the_one_kept_before_it() {
        let mut list: Array = [1, 2, 2, 3, 1, 2, 3, 4]
            .into_iter()
            .map(Dynamic::from_int)
            .collect();
        // "a >= b" against the kept item: a non-increasing run collapses into its first item
        dedup(&mut list, |kept, next| {
            Ok(kept.as_int().unwrap() >= next.as_int().unwrap())
        })
        .unwrap();
        assert_eq!(ints(&list), [1, 2, 3, 4]);
    }
}
