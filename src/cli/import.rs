//! `campaign import FILE [--out SCENARIO.toml] [--column KEY=HEADING]... [--as-of DATE]`: a
//! coverage table (CSV or XLSX) becomes a scenario skeleton; what was read, and what is still
//! to fill in, is said on standard error.

use std::io::Write;
use std::path::{Component, Path, PathBuf};

use super::{EXIT_PLAN, bad_input, output};
use crate::diagnostic::Error;
use crate::import::columns::ColumnNames;
use crate::import::date::Date;
use crate::import::message::{DateProblem, SkeletonTooLarge};
use crate::import::skeleton::Rules;
use crate::import::{Options, report, skeleton};
use crate::limits::TOML_BYTES;
use crate::source::{Origin, Source};
use crate::text::Lang;

/// What `campaign import` was given.
pub struct Args<'a> {
    pub file: &'a Path,
    pub out: Option<&'a Path>,
    /// `--force`: replace `out` even if no `campaign import` or `generate` wrote it.
    pub force: bool,
    /// Each `--column KEY=HEADING` as typed.
    pub columns: &'a [String],
    pub as_of: Option<&'a str>,
    /// `--sheet`: a workbook's sheet, by name or number.
    pub sheet: Option<&'a str>,
}

/// Reads the table, writes the skeleton to `out` (atomically) or to `stdout`, and the report
/// to `stderr`; returns the exit status.
pub fn run(args: &Args<'_>, lang: Lang, stdout: &mut dyn Write, stderr: &mut dyn Write) -> i32 {
    let written = options(args).and_then(|options| {
        // as `generate` does: what the file is, then its extension, then whether it is one to
        // replace (trial 13g K15)
        if let Some(out) = args.out {
            output::check_out_but_owner(out, &[args.file.to_path_buf()])?;
            output::check_scenario_out(out, "import", args.force)?;
        }
        let imported = crate::import::read_with(args.file, &options)?;
        let rules = rules_for(args.out);
        let text = skeleton::render(&imported, &rules, lang);
        within_scenario_limits(&text, imported.coverage.districts.len())
            .map_err(|e| e.file(args.file))?;
        output::emit(args.out, text.as_bytes(), stdout)?;
        Ok(report::render(&imported, args.out, &rules, lang))
    });
    match written {
        Ok(report) => {
            // the report is for the eyes: a closed standard error loses nothing written
            let _ = stderr.write_all(report.as_bytes());
            EXIT_PLAN
        }
        Err(e) => bad_input(stderr, &e, lang),
    }
}

/// Refuses a skeleton `campaign plan` would refuse: larger than a scenario file may be
/// ([`TOML_BYTES`]), or with more tables or values than one may hold (counted as the scenario
/// reader counts them). A table within its own limits (100,000 rows, 32 MB) can make a
/// scenario past them: it is named in a scenario's `coverage` line instead.
fn within_scenario_limits(text: &str, districts: usize) -> Result<(), Error> {
    let too_large = || {
        Error::new(SkeletonTooLarge {
            bytes: text.len() as u64,
            districts,
        })
    };
    if districts > crate::limits::DISTRICTS {
        return Err(Error::new(
            crate::scenario::message::ScenarioProblem::TooManyDistricts { count: districts },
        ));
    }
    if text.len() as u64 > TOML_BYTES {
        return Err(too_large());
    }
    let src = Source {
        path: PathBuf::from("scenario.toml"),
        text: text.to_string(),
        origin: Origin::File,
        line_starts: Default::default(),
    };
    crate::scenario::document::within_limits(&src).map_err(|_| too_large())
}

fn options(args: &Args<'_>) -> Result<Options, Error> {
    let columns = ColumnNames::parse(args.columns)?;
    let as_of = match args.as_of {
        None => None,
        Some(given) => Some(Date::parse_given(given).ok_or_else(|| {
            Error::new(DateProblem::AsOf {
                given: given.to_string(),
            })
        })?),
    };
    Ok(Options {
        columns,
        as_of,
        sheet: args.sheet.map(str::to_string),
    })
}

/// The rules folder the skeleton names, as the folder it is written to reaches it (the
/// current folder without `--out`): the first `rules/` folder holding rule files in that folder
/// or one above it, else in the current folder.
fn rules_for(out: Option<&Path>) -> Rules {
    let Ok(cwd) = std::env::current_dir() else {
        return Rules::None;
    };
    let folder = match out.and_then(Path::parent) {
        Some(p) if !p.as_os_str().is_empty() => lexical(&cwd.join(p)),
        _ => lexical(&cwd),
    };
    let has_rules =
        |dir: &Path| !crate::files::with_extension(&dir.join("rules"), "rhai").is_empty();
    let found = folder
        .ancestors()
        .find(|a| has_rules(a))
        .map(Path::to_path_buf)
        .or_else(|| has_rules(&cwd).then(|| cwd.clone()));
    let Some(found) = found else {
        return Rules::None;
    };
    let target = found.join("rules");
    let relative = relative(&folder, &target);
    // the file system must agree (a folder reached through a link climbs elsewhere with `..`)
    let same = |a: &Path, b: &Path| matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y);
    if same(&folder.join(&relative), &target) {
        Rules::Folder(slashed(&relative))
    } else {
        target
            .canonicalize()
            .map_or(Rules::None, |t| Rules::Folder(slashed(&t)))
    }
}

/// `path` without `.` and with each `..` taking off the part before it.
fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// The path from the folder `from` to `to` (both absolute, [`lexical`]).
fn relative(from: &Path, to: &Path) -> PathBuf {
    let a: Vec<Component<'_>> = from.components().collect();
    let b: Vec<Component<'_>> = to.components().collect();
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut out = PathBuf::new();
    for _ in common..a.len() {
        out.push("..");
    }
    for c in &b[common..] {
        out.push(c);
    }
    out
}

/// A path as a scenario writes it: `/` between its parts.
fn slashed(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
        .replace("//", "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_from_the_scenario_folder() {
        let r = |a: &str, b: &str| slashed(&relative(Path::new(a), Path::new(b)));
        assert_eq!(r("/w/p/scenarios", "/w/p/rules"), "../rules");
        assert_eq!(r("/w/p", "/w/p/rules"), "rules");
        assert_eq!(r("/tmp/x", "/w/p/rules"), "../../w/p/rules");
        assert_eq!(lexical(Path::new("/w/p/./a/../b")), PathBuf::from("/w/p/b"));
    }
}
