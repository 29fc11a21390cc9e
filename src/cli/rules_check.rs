//! `campaign rules check [PATHS] [--scenario FILE]`: every rule checked against the rules API
//! (and the scenario's names) without running anything. Exit 0 when no problem is found, 1
//! otherwise.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::diagnostic::Error;
use crate::rules::{self, Names};
use crate::text::{Lang, Text};

use super::{EXIT_BAD_INPUT, EXIT_PLAN, bad_input};

/// Where the rules are when no path is given and no scenario names them.
const DEFAULT_FOLDER: &str = "rules";

pub fn run(
    paths: &[PathBuf],
    scenario: Option<&Path>,
    settings: &[String],
    lang: Lang,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> i32 {
    if scenario.is_none()
        && let Some(setting) = settings.first()
    {
        let e = Error::new(Text::new(
            "--set thay đổi một kịch bản, nên cần --scenario",
            "--set changes a scenario, so it needs --scenario",
        ))
        .setting(setting)
        .hint(Text::new(
            format!(
                "ghi kịch bản cần thay đổi, ví dụ: campaign rules check --scenario scenarios/lang-son-2020-09-01.toml --set {setting}"
            ),
            format!(
                "name the scenario to change, e.g. campaign rules check --scenario scenarios/lang-son-2020-09-01.toml --set {setting}"
            ),
        ));
        return bad_input(stderr, &e, lang);
    }
    let scenario = match scenario
        .map(|s| crate::scenario::load_with(s, settings))
        .transpose()
    {
        Ok(s) => s,
        Err(e) => return bad_input(stderr, &e, lang),
    };
    let files = if !paths.is_empty() {
        rule_files(paths)
    } else if let Some(scenario) = &scenario {
        Ok(scenario.rules.clone())
    } else {
        rule_files(&[PathBuf::from(DEFAULT_FOLDER)])
    };
    let files = match files {
        Ok(f) => f,
        Err(e) => return bad_input(stderr, &e, lang),
    };
    let names = scenario.as_ref().map(Names::of);
    // with no paths the files are the scenario's own rules: its unread params can be named
    let complete = paths.is_empty() && scenario.is_some();
    let problems = rules::check_files(&files, names.as_ref(), complete);
    for problem in &problems {
        let _ = writeln!(stderr, "{}", problem.render(lang));
    }
    let summary = summary(files.len(), &problems, scenario.is_some());
    if problems.is_empty() {
        let _ = writeln!(stdout, "{}", summary.get(lang));
        EXIT_PLAN
    } else {
        let _ = writeln!(stderr, "{}", summary.get(lang));
        EXIT_BAD_INPUT
    }
}

fn summary(files: usize, problems: &[Error], with_scenario: bool) -> Text {
    let mut broken: Vec<&Path> = problems
        .iter()
        .filter_map(|p| p.location.file.as_deref())
        .collect();
    broken.sort();
    broken.dedup();
    let (vi_names, en_names) = if with_scenario {
        (
            "; tên tham số, loại tổ/đội và nhóm đối tượng đã đối chiếu với kịch bản",
            "; parameter, team kind and cohort names checked against the scenario",
        )
    } else {
        (
            "; tên tham số và loại tổ/đội chưa đối chiếu (thêm --scenario TỆP để đối chiếu)",
            "; parameter and team kind names not checked (add --scenario FILE to check them)",
        )
    };
    if problems.is_empty() {
        Text::new(
            format!("Đã kiểm tra {files} tệp quy tắc: không có lỗi{vi_names}."),
            format!(
                "Checked {files} rule file{}: no problems{en_names}.",
                if files == 1 { "" } else { "s" }
            ),
        )
    } else {
        Text::new(
            format!(
                "Đã kiểm tra {files} tệp quy tắc: {} lỗi trong {} tệp. Sửa các lỗi trên rồi chạy lại.",
                problems.len(),
                broken.len()
            ),
            format!(
                "Checked {files} rule file{}: {} problem{} in {} file{}. Fix them and run the check again.",
                if files == 1 { "" } else { "s" },
                problems.len(),
                if problems.len() == 1 { "" } else { "s" },
                broken.len(),
                if broken.len() == 1 { "" } else { "s" }
            ),
        )
    }
}

/// The `.rhai` files of `paths`: files as given, folders' files sorted by name.
fn rule_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Error> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            if let Err(e) = std::fs::read_dir(path) {
                return Err(unreadable(path, &e));
            }
            let found = crate::files::with_extension(path, "rhai");
            if found.is_empty() {
                return Err(Error::new(Text::new(
                    format!("thư mục {} không có tệp quy tắc .rhai nào", path.display()),
                    format!("the folder {} has no .rhai rule files", path.display()),
                ))
                .file(path));
            }
            files.extend(found);
        } else if path.exists() {
            files.push(path.clone());
        } else {
            return Err(Error::new(Text::new(
                format!("không tìm thấy {}", path.display()),
                format!("{} does not exist", path.display()),
            ))
            .file(path)
            .hint(Text::new(
                "ghi đường dẫn tới một tệp .rhai hoặc một thư mục chứa chúng, ví dụ rules/",
                "give the path of a .rhai file or of a folder of them, e.g. rules/",
            )));
        }
    }
    Ok(files)
}

fn unreadable(path: &Path, e: &std::io::Error) -> Error {
    Error::new(Text::new(
        format!("không đọc được thư mục {}: {e}", path.display()),
        format!("cannot read the folder {}: {e}", path.display()),
    ))
    .file(path)
}
