//! `--out FILE`: the plan goes to the file, written atomically (a temporary file beside it,
//! renamed over it), so that a failure never leaves a half-written or clobbered file.

use std::path::Path;

use crate::support::{EXIT_BAD_INPUT, EXIT_INFEASIBLE, Test, WhatIf};

/// The names in `dir`, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn out_writes_exactly_what_the_terminal_would_show() {
    let dir = tempfile::tempdir().unwrap();
    for (format, lang, file) in [
        ("text", "vi", "plan.txt"),
        ("json", "en", "plan.json"),
        ("markdown", "en", "plan.md"),
    ] {
        let path = dir.path().join(file);
        let written = Test::shipped()
            .format(format)
            .lang(lang)
            .out(&path)
            .run()
            .plan();
        assert_eq!(written.stdout, "", "{format}: nothing on the terminal");
        let shown = Test::shipped().format(format).lang(lang).run().plan();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            shown.stdout,
            "{format}, {lang}: the file holds what stdout shows"
        );
    }
    assert_eq!(listing(dir.path()), ["plan.json", "plan.md", "plan.txt"]);
}

#[test]
fn out_leaves_no_temporary_file_behind() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.json");
    Test::shipped().format("json").out(&path).run().plan();
    Test::shipped().format("json").out(&path).run().plan();
    assert_eq!(listing(dir.path()), ["plan.json"]);
}

#[test]
fn out_replaces_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.md");
    std::fs::write(
        &path,
        "last week's plan, much longer than this week's ".repeat(10_000),
    )
    .unwrap();
    Test::shipped().format("markdown").out(&path).run().plan();
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(
        written.starts_with("# Kế hoạch vận động cài đặt ứng dụng"),
        "{written}"
    );
    assert!(
        !written.contains("last week's plan"),
        "no trace of the old file"
    );
}

/// Someone still reading last week's plan keeps reading it whole: the new plan is renamed into
/// place, never written over the old file's bytes.
#[cfg(unix)]
#[test]
fn out_renames_the_new_plan_into_place_so_a_reader_of_the_old_one_is_not_disturbed() {
    use std::io::Read;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.txt");
    std::fs::write(&path, "last week's plan\n").unwrap();
    let mut reader = std::fs::File::open(&path).unwrap();
    Test::shipped().out(&path).run().plan();
    let mut old = String::new();
    reader.read_to_string(&mut old).unwrap();
    assert_eq!(
        old, "last week's plan\n",
        "the open file still holds the old plan"
    );
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .starts_with("KẾ HOẠCH")
    );
}

#[test]
fn out_writes_an_infeasible_plan_too_and_still_exits_2() {
    let what_if = WhatIf::shipped().set("district_floor", "0.60");
    let path = what_if.dir().join("plan.json");
    let out = what_if
        .test()
        .format("json")
        .out(&path)
        .run()
        .code(EXIT_INFEASIBLE);
    assert_eq!(out.stdout, "");
    let plan: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(plan["status"], "infeasible");
}

#[test]
fn out_into_a_missing_folder_exits_1_and_names_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no-such-folder").join("plan.txt");
    let vi = Test::shipped().out(&path).run().bad_input();
    let shown = path.display().to_string();
    assert!(
        vi.stderr
            .starts_with(&format!("lỗi: {shown}: không ghi được kết quả")),
        "{}",
        vi.stderr
    );
    assert!(
        vi.stderr.contains("gợi ý: kiểm tra thư mục có tồn tại"),
        "{}",
        vi.stderr
    );
    let en = Test::shipped().out(&path).lang("en").run().bad_input();
    assert!(
        en.stderr
            .starts_with(&format!("error: {shown}: cannot write the output")),
        "{}",
        en.stderr
    );
    assert!(
        en.stderr.contains("hint: check that the folder exists"),
        "{}",
        en.stderr
    );
    assert_eq!(listing(dir.path()), Vec::<String>::new(), "nothing created");
}

#[test]
fn out_onto_a_folder_exits_1_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("plans")).unwrap();
    let out = Test::shipped()
        .out(dir.path().join("plans"))
        .lang("en")
        .run()
        .bad_input();
    assert!(
        out.stderr.contains("cannot write the output"),
        "{}",
        out.stderr
    );
    assert_eq!(listing(dir.path()), ["plans"]);
    assert_eq!(listing(&dir.path().join("plans")), Vec::<String>::new());
}

#[test]
fn a_bad_scenario_leaves_an_existing_output_file_untouched() {
    let what_if = WhatIf::shipped().replace("installed = 18_019", "installed = 80_019");
    let path = what_if.dir().join("plan.txt");
    std::fs::write(&path, "yesterday's plan\n").unwrap();
    let out = what_if.test().out(&path).run().code(EXIT_BAD_INPUT);
    assert!(out.stderr.contains("installed"), "{}", out.stderr);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "yesterday's plan\n"
    );
    assert_eq!(listing(what_if.dir()), ["plan.txt", "rules", "scenarios"]);
}

/// A plan on a shared folder stays readable by the colleagues it was readable by: a new file
/// is `rw-r--r--` (not the `rw-------` of a temporary file), an existing one keeps its mode.
#[cfg(unix)]
#[test]
fn out_keeps_the_files_permissions_and_gives_new_files_the_usual_ones() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let fresh = dir.path().join("new.md");
    Test::shipped().out(&fresh).run().plan();
    assert_eq!(mode(&fresh), 0o644);
    let shared = dir.path().join("shared.md");
    std::fs::write(&shared, "old").unwrap();
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o664)).unwrap();
    Test::shipped().out(&shared).run().plan();
    assert_eq!(mode(&shared), 0o664);
}

/// `--out` through a link writes the file the link points to and keeps the link.
#[cfg(unix)]
#[test]
fn out_through_a_link_replaces_the_file_it_points_to() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("plan.md");
    std::fs::write(&target, "old").unwrap();
    let link = dir.path().join("latest.md");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let shown = Test::shipped().run().plan().stdout;
    Test::shipped().out(&link).run().plan();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), shown);
}
