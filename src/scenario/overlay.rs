//! Overlays (docs/scenario-format.md § "Overlays"): a scenario that names a `base` inherits
//! everything from it and changes what it writes. This module follows the chain of `base`
//! files and patches the base's districts; `document::Table` merges the rest key by key.

use std::path::{Path, PathBuf};

use super::district::{RawDistrict, check_names, name, normalise};
use super::document::{self, as_str, pos};
use crate::diagnostic::{Error, did_you_mean};
use crate::source::{Pos, Source, name_list};
use crate::text::Text;

/// The files of the scenario at `path`, base first: the file its `base` names, that file's
/// base, and so on, down to the scenario itself.
pub(super) fn chain(path: &Path) -> Result<Vec<Source>, Error> {
    let mut files = vec![Source::read(
        path,
        &Text::new("tệp kịch bản", "the scenario file"),
    )?];
    loop {
        let current = files.last().expect("the chain starts with the scenario");
        let Some((next, at)) = base_of(current)? else {
            break;
        };
        let canonical = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
        let key = canonical(&next);
        if let Some(first) = files.iter().position(|f| canonical(&f.path) == key) {
            return Err(cycle(&files[first..], current, at));
        }
        let base = Source::read(
            &next,
            &Text::new(
                format!("kịch bản gốc {}", next.display()),
                format!("the base scenario {}", next.display()),
            ),
        )
        .map_err(|e| {
            if next.is_file() {
                e
            } else {
                // Point at the line that names the missing file.
                current
                    .error(at, e.message)
                    .field("base")
                    .hint(relative_hint(current))
            }
        })?;
        files.push(base);
    }
    files.reverse();
    Ok(files)
}

/// The file `base = "..."` names in `src` (relative to its folder), and where it is written.
fn base_of(src: &Source) -> Result<Option<(PathBuf, Pos)>, Error> {
    let doc = document::parse(src)?;
    let Some((_, value)) = doc.iter().find(|(key, _)| key.get_ref() == "base") else {
        return Ok(None);
    };
    let written = as_str(src, "base", value)
        .map_err(|e| {
            e.hint(Text::new(
                "ghi tên tệp kịch bản gốc trong ngoặc kép, ví dụ base = \"lang-son-2020-09-01.toml\"",
                "write the base scenario's file name in double quotes, e.g. base = \"lang-son-2020-09-01.toml\"",
            ))
        })?
        .trim();
    if written.is_empty() {
        return Err(src
            .error(
                pos(value),
                Text::new(
                    "đường dẫn kịch bản gốc đang để trống",
                    "the base scenario's path is empty",
                ),
            )
            .field("base")
            .hint(relative_hint(src)));
    }
    Ok(Some((src.folder().join(written), pos(value))))
}

fn relative_hint(src: &Source) -> Text {
    let folder = src.folder();
    let folder = if folder.as_os_str().is_empty() {
        ".".to_string()
    } else {
        folder.display().to_string()
    };
    Text::new(
        format!("đường dẫn `base` tính từ thư mục chứa tệp này ({folder})"),
        format!("`base` is relative to the folder of this file ({folder})"),
    )
}

/// `current` names as its base the first of `chain` (which ends with `current`).
fn cycle(chain: &[Source], current: &Source, at: Pos) -> Error {
    let names: Vec<String> = chain
        .iter()
        .chain(std::iter::once(&chain[0]))
        .map(|f| f.path.display().to_string())
        .collect();
    let names = names.join(" → ");
    current
        .error(
            at,
            Text::new(
                format!("các kịch bản kế thừa nhau thành vòng: {names}"),
                format!("the scenarios are each other's base, in a cycle: {names}"),
            ),
        )
        .field("base")
        .hint(Text::new(
            "một kịch bản không thể là gốc của chính nó, trực tiếp hay qua tệp khác; xóa dòng `base` ở một trong các tệp này",
            "a scenario cannot be its own base, directly or through other files; remove `base` from one of these files",
        ))
}

/// Applies `patches` (the `[[district]]` entries of an overlay, or a `--set district...`) to
/// `districts` (the base's): each changes the district of the same name field by field.
pub(super) fn patch_districts<'a>(
    districts: &mut [RawDistrict<'a>],
    patches: Vec<RawDistrict<'a>>,
) -> Result<(), Error> {
    check_names(districts)?;
    check_names(&patches)?;
    for patch in patches {
        let (wanted, at) = name(&patch)?;
        let found = districts
            .iter_mut()
            .find(|d| d.name.as_ref().is_some_and(|(n, _)| normalise(n) == wanted));
        let Some(district) = found else {
            let names: Vec<String> = districts
                .iter()
                .filter_map(|d| d.name.as_ref().map(|(n, _)| normalise(n)))
                .collect();
            let names = names.iter().map(String::as_str);
            let (vi, en, also_vi, also_en) = if at.src.is_setting() {
                (
                    format!("kịch bản không có huyện \"{wanted}\""),
                    format!("the scenario has no district \"{wanted}\""),
                    "",
                    "",
                )
            } else {
                (
                    format!("huyện \"{wanted}\" không có trong kịch bản gốc"),
                    format!("district \"{wanted}\" is not in the base scenario"),
                    " Kịch bản kế thừa chỉ sửa được các huyện của kịch bản gốc, không thêm huyện mới.",
                    " An overlay can change the base's districts, not add new ones.",
                )
            };
            let hint = match did_you_mean(&wanted, names.clone()) {
                Some(s) => Text::new(
                    format!("có phải ý bạn là \"{s}\"?{also_vi}"),
                    format!("did you mean \"{s}\"?{also_en}"),
                ),
                None => Text::new(
                    format!("các huyện: {}.{also_vi}", name_list(names.clone())),
                    format!("the districts are {}.{also_en}", name_list(names)),
                ),
            };
            return Err(at.error(Text::new(vi, en)).hint(hint));
        };
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
                .find(|e| e.key.trim() == entry.key.trim())
            {
                Some(e) => *e = entry,
                None => district.teams.push(entry),
            }
        }
        // Cohorts are named in any case (`Students` is `students`).
        for entry in patch.cohorts {
            match district
                .cohorts
                .iter_mut()
                .find(|e| e.key.to_lowercase() == entry.key.to_lowercase())
            {
                Some(e) => *e = entry,
                None => district.cohorts.push(entry),
            }
        }
    }
    Ok(())
}
