//! Overlays (docs/scenario-format.md § "Overlays"): a scenario that names a `base` inherits
//! everything from it and changes what it writes. This module follows the chain of `base`
//! files and patches the base's districts; `document::Table` merges the rest key by key.

use std::path::{Path, PathBuf};

use super::district::{RawDistrict, check_names, name, normalise};
use super::document::{self, as_str, pos};
use super::message::{Hint, OtherFile, OverlayProblem, ScenarioFile};
use crate::diagnostic::{Error, Shortlist, did_you_mean};
use crate::limits::{OVERLAY_FILES, TOML_BYTES};
use crate::model::{Found, UnitType};
use crate::source::{Pos, Source};
use crate::text::fold;

/// The files of the scenario at `path`, base first: the file its `base` names, that file's
/// base, and so on, down to the scenario itself.
pub(super) fn chain(path: &Path) -> Result<Vec<Source>, Error> {
    if let Some(kind) = not_a_scenario(path) {
        return Err(Error::new(OverlayProblem::NotAScenario {
            path: path.display().to_string(),
            kind,
            base: false,
        })
        .file(path));
    }
    if path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("rhai"))
    {
        // a rule file given as the scenario (trial G17): not "not valid TOML"
        return Err(Error::new(OverlayProblem::RuleNotScenario {
            path: path.display().to_string(),
        })
        .file(path));
    }
    let mut top = Source::read(path, &ScenarioFile::Scenario.text(), TOML_BYTES)?;
    top.cr_only_lines();
    // a rule test file given as the scenario: not "unknown key `scenario`"
    if top.text.contains("[[case]]")
        && let Ok(doc) = document::parse(&top)
    {
        let has = |key: &str| doc.iter().any(|(k, _)| k.get_ref().as_ref() == key);
        if has("scenario") && has("case") {
            return Err(top.error(
                Pos::File,
                OverlayProblem::TestNotScenario {
                    path: path.display().to_string(),
                },
            ));
        }
    }
    let canonical = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    // each file's canonical path, once: a chain is followed in time linear in its length
    let mut keys = vec![canonical(path)];
    let mut files = vec![top];
    loop {
        let current = files.last().expect("the chain starts with the scenario");
        let Some((next, at)) = base_of(current)? else {
            break;
        };
        let key = canonical(&next);
        if let Some(first) = keys.iter().position(|k| *k == key) {
            return Err(cycle(&files[first..], current, at));
        }
        if files.len() >= OVERLAY_FILES {
            let problem = OverlayProblem::ChainTooLong {
                top: path.display().to_string(),
                limit: OVERLAY_FILES,
            };
            return Err(current.error(at, problem).field("base"));
        }
        if let Some(kind) = not_a_scenario(&next) {
            let problem = OverlayProblem::NotAScenario {
                path: next.display().to_string(),
                kind,
                base: true,
            };
            return Err(current.error(at, problem).field("base"));
        }
        let what = ScenarioFile::Base {
            path: next.display().to_string(),
        };
        let mut base = Source::read(&next, &what.text(), TOML_BYTES).map_err(|e| {
            if next.is_file() {
                e
            } else {
                // Point at the line that names the missing file (or the pipe, the device, the
                // link that loops: then its own hint says what to do instead).
                let hint = match e.hint {
                    Some(hint) if next.symlink_metadata().is_ok() && !next.is_dir() => hint,
                    _ => Hint::BaseRelative {
                        folder: folder_of(current),
                    }
                    .text(),
                };
                current.error(at, e.message).field("base").hint(hint)
            }
        })?;
        base.cr_only_lines();
        keys.push(key);
        files.push(base);
    }
    files.reverse();
    Ok(files)
}

/// What the file at `path` is by its extension, when it is a table or a plan (read as TOML,
/// a CSV gives a syntax error on its header row, which misleads).
fn not_a_scenario(path: &Path) -> Option<OtherFile> {
    OtherFile::of(path).filter(|kind| *kind != OtherFile::Scenario)
}

/// The file `base = "..."` names in `src` (relative to its folder), and where it is written.
fn base_of(src: &Source) -> Result<Option<(PathBuf, Pos)>, Error> {
    let doc = document::parse(src)?;
    let Some((_, value)) = doc.iter().find(|(key, _)| key.get_ref() == "base") else {
        return Ok(None);
    };
    let written = as_str(src, "base", value)
        .map_err(|e| e.hint(Hint::BaseQuoted.text()))?
        .trim();
    if written.is_empty() {
        return Err(src
            .error(
                pos(value),
                OverlayProblem::EmptyBase {
                    folder: folder_of(src),
                },
            )
            .field("base"));
    }
    Ok(Some((src.folder().join(written), pos(value))))
}

/// The folder of `src`, which its `base` is relative to, as messages show it.
fn folder_of(src: &Source) -> String {
    let folder = src.folder();
    if folder.as_os_str().is_empty() {
        ".".to_string()
    } else {
        folder.display().to_string()
    }
}

/// `current` names as its base the first of `chain` (which ends with `current`).
fn cycle(chain: &[Source], current: &Source, at: Pos) -> Error {
    let files: Vec<String> = chain
        .iter()
        .chain(std::iter::once(&chain[0]))
        .map(|f| f.path.display().to_string())
        .collect();
    current
        .error(at, OverlayProblem::Cycle { files })
        .field("base")
}

/// Applies `patches` (the `[[district]]` entries of an overlay, or a `--set district...`) to
/// `districts` (the base's): each changes the district of the same name field by field.
/// `own`: the name of the coverage file the districts come from, when the file of the patches
/// names it (an overlay with its own `coverage`), for the message of a name it does not have.
/// Returns, for each patch, the district it changed and the fields it set (`installed`,
/// `teams.commune`, a cohort's key; folded), so that two `--set` of one field are found
/// however the district was written.
pub(super) fn patch_districts<'a>(
    districts: &mut [RawDistrict<'a>],
    patches: Vec<RawDistrict<'a>>,
    own: Option<String>,
) -> Result<Vec<(usize, Vec<String>)>, Error> {
    check_names(districts)?;
    check_names(&patches)?;
    // the districts by name, once: a patch does not change a name
    let index = crate::model::DistrictNames::of(districts.iter().map(|d| {
        let name = d.name.as_ref().map_or("", |(n, _)| n.as_str());
        let unit = d
            .unit_type
            .as_ref()
            .map_or_else(|| UnitType::of_name(name), |(u, _)| *u);
        (name, unit)
    }));
    let mut changed = Vec::new();
    for patch in patches {
        let (wanted, at) = name(&patch)?;
        // as a person reads it: "HỮU LŨNG", "Huyện Hữu Lũng" or "Ðình Lập" (an eth for the Đ)
        // change the base's "Hữu Lũng" and "Đình Lập"; else the unit word aside ("Lạng Sơn",
        // "TP Lạng Sơn"), when it names one district
        let found = match index.find(&wanted) {
            Found::One(i) => districts.get_mut(i).map(|d| (i, d)),
            Found::Several(list) => {
                let candidates = list
                    .iter()
                    .filter_map(|&i| districts.get(i)?.name.as_ref().map(|(n, _)| normalise(n)))
                    .collect();
                return Err(at.error(OverlayProblem::AmbiguousDistrict {
                    name: wanted,
                    from_setting: at.src.is_setting(),
                    candidates,
                }));
            }
            Found::None => None,
        };
        let Some((i, district)) = found else {
            let known: Vec<String> = districts
                .iter()
                .filter_map(|d| d.name.as_ref().map(|(n, _)| normalise(n)))
                .collect();
            let close = did_you_mean(&wanted, known.iter().map(String::as_str)).map(str::to_string);
            let known = Shortlist::of(&wanted, known.iter().map(String::as_str));
            return Err(at.error(OverlayProblem::UnknownDistrict {
                name: wanted,
                from_setting: at.src.is_setting(),
                coverage: own,
                close,
                known,
            }));
        };
        let mut fields: Vec<String> = Vec::new();
        fields.extend(patch.unit_type.is_some().then(|| "unit_type".to_string()));
        fields.extend(patch.installed.is_some().then(|| "installed".to_string()));
        fields.extend(
            patch
                .smartphones
                .is_some()
                .then(|| "smartphones".to_string()),
        );
        fields.extend(
            patch
                .teams
                .iter()
                .map(|e| format!("teams.{}", fold(&e.key))),
        );
        fields.extend(
            patch
                .cohorts
                .iter()
                .map(|e| super::district::cohort_name(&e.key)),
        );
        changed.push((i, fields));
        if patch.unit_type.is_some() {
            district.unit_type = patch.unit_type;
        }
        if patch.installed.is_some() {
            district.installed = patch.installed;
        }
        if patch.smartphones.is_some() {
            district.smartphones = patch.smartphones;
        }
        for entry in patch.teams {
            match district
                .teams
                .iter_mut()
                .find(|e| fold(&e.key) == fold(&entry.key))
            {
                Some(e) => *e = entry,
                None => district.teams.push(entry),
            }
        }
        // Cohorts are named in any case (`Students` is `students`), and in Vietnamese
        // (`"Học sinh"` is `students`).
        for entry in patch.cohorts {
            let name = super::district::cohort_name(&entry.key);
            match district
                .cohorts
                .iter_mut()
                .find(|e| super::district::cohort_name(&e.key) == name)
            {
                Some(e) => *e = entry,
                None => district.cohorts.push(entry),
            }
        }
    }
    Ok(changed)
}

#[cfg(test)]
mod tests {
    use crate::text::Lang;

    #[test]
    fn a_scenario_with_old_mac_line_endings_is_read_line_by_line() {
        // CR only, no line feed: before, the whole file was line 1 and the first CR "a
        // control character to delete"
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mac.toml");
        std::fs::write(&path, "as_of = 2020-09-01\rname = 5\rhorizon_days = 14\r").unwrap();
        let err = super::super::load(&path).unwrap_err();
        assert_eq!(err.location.line, Some(2), "{}", err.render(Lang::En));
        assert_eq!(err.location.column, Some(8));
        assert_eq!(err.location.source_line.as_deref(), Some("name = 5"));
        assert!(err.render(Lang::En).contains("field `name`"));
    }

    #[test]
    fn a_carriage_return_in_a_file_with_line_feeds_is_kept_where_it_is() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mixed.toml");
        std::fs::write(&path, "as_of = 2020-09-01\n# a\rb\nname = 5\n").unwrap();
        let err = super::super::load(&path).unwrap_err();
        assert_eq!(err.location.line, Some(2), "{}", err.render(Lang::En));
        assert!(
            err.render(Lang::En).contains("U+000D"),
            "{}",
            err.render(Lang::En)
        );
    }
}
