//! `--out FILE`: the plan goes to the file, written atomically (a temporary file beside it,
//! renamed over it), so that a failure never leaves a half-written or clobbered file.

use std::path::{Path, PathBuf};

use crate::support::{EXIT_BAD_INPUT, EXIT_INFEASIBLE, EXIT_PLAN, Test, WhatIf};

/// An earlier plan, as the tool wrote it (its title): `--out` replaces only a file the tool
/// wrote (trial 13g K3).
const OLD_PLAN: &str = "KẾ HOẠCH VẬN ĐỘNG CÀI ĐẶT ỨNG DỤNG: tuần trước\n";

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
    // last week's plan, as the tool wrote it (its title), much longer than this week's
    std::fs::write(
        &path,
        format!(
            "# Kế hoạch vận động cài đặt ứng dụng: tuần trước\n\n{}",
            "last week's plan, much longer than this week's ".repeat(10_000)
        ),
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
    std::fs::write(&path, OLD_PLAN).unwrap();
    let mut reader = std::fs::File::open(&path).unwrap();
    Test::shipped().out(&path).run().plan();
    let mut old = String::new();
    reader.read_to_string(&mut old).unwrap();
    assert_eq!(old, OLD_PLAN, "the open file still holds the old plan");
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
        out.stderr.contains("plans: this is a folder, not a file")
            && out.stderr.contains("hint: name a file inside the folder"),
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
    std::fs::write(&path, OLD_PLAN).unwrap();
    let out = what_if.test().out(&path).run().code(EXIT_BAD_INPUT);
    assert!(out.stderr.contains("installed"), "{}", out.stderr);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), OLD_PLAN);
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
    std::fs::write(&shared, OLD_PLAN).unwrap();
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o664)).unwrap();
    Test::shipped().out(&shared).run().plan();
    assert_eq!(mode(&shared), 0o664);
}

/// `--out` through a link writes the file the link points to and keeps the link.
#[cfg(unix)]
#[test]
fn out_through_a_link_replaces_the_file_it_points_to() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("plan.txt");
    std::fs::write(&target, OLD_PLAN).unwrap();
    let link = dir.path().join("latest.txt");
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

/// The bytes of each file, to see that a refusal changed none of them.
fn contents(paths: &[&Path]) -> Vec<Vec<u8>> {
    paths.iter().map(|p| std::fs::read(p).unwrap()).collect()
}

/// `--out` naming a file this very command reads is refused before anything is written, in
/// every command that writes: the scenario itself (also through a link or another spelling of
/// its path), a rule it runs, the coverage table being imported, a scenario being compared.
#[test]
fn out_never_replaces_an_input_of_the_same_command() {
    let what_if = WhatIf::shipped();
    let scenario = what_if.path();
    let rule = what_if.dir().join("rules").join("communication.rhai");
    let before = contents(&[&scenario, &rule]);
    let other_spelling = what_if
        .dir()
        .join("rules")
        .join("..")
        .join("scenarios")
        .join("lang-son-2020-09-01.toml");
    let cases: Vec<(Test, &Path)> = vec![
        (what_if.test().out(&scenario), &scenario),
        (what_if.test().out(&other_spelling), &scenario),
        (what_if.test().out(&rule), &rule),
        (
            Test::new()
                .args(["explain"])
                .arg(&scenario)
                .args(["--district", "Hữu Lũng"])
                .out(&scenario),
            &scenario,
        ),
        (
            Test::new()
                .arg("sweep")
                .arg(&scenario)
                .args(["--vary", "team_kind.volunteer.available=10..20:10"])
                .out(&rule),
            &rule,
        ),
        (
            Test::new()
                .arg("compare")
                .arg(crate::support::SHIPPED)
                .arg(&scenario)
                .out(&scenario),
            &scenario,
        ),
    ];
    for (test, input) in cases {
        let en = test.clone().lang("en").run().bad_input();
        assert!(
            en.stderr.contains("this is a file this command reads")
                && en
                    .stderr
                    .contains("writing the output there would lose the input")
                && en
                    .stderr
                    .contains(&*input.file_name().unwrap().to_string_lossy())
                && en
                    .stderr
                    .contains("hint: choose another file name for the output"),
            "{}: {}",
            test.command_line(),
            en.stderr
        );
        let vi = test.clone().run().bad_input();
        assert!(
            vi.stderr.contains("đây là tệp mà chính lệnh này đang đọc"),
            "{}: {}",
            test.command_line(),
            vi.stderr
        );
    }
    #[cfg(unix)]
    {
        let link = what_if.dir().join("latest.toml");
        std::os::unix::fs::symlink(&scenario, &link).unwrap();
        what_if.test().out(&link).lang("en").run().bad_input();
    }
    assert_eq!(contents(&[&scenario, &rule]), before, "no input changed");

    // the table being imported
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("coverage.csv");
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/scenarios/coverage-2020-08-18.csv"
        ),
        &csv,
    )
    .unwrap();
    let before = std::fs::read(&csv).unwrap();
    let out = Test::new()
        .arg("import")
        .arg(&csv)
        .out(&csv)
        .lang("en")
        .run()
        .bad_input();
    assert!(
        out.stderr.contains("this is a file this command reads"),
        "{}",
        out.stderr
    );
    assert_eq!(std::fs::read(&csv).unwrap(), before);
    // and the same command with another output file still works
    let fine = Test::new()
        .arg("import")
        .arg(&csv)
        .out(dir.path().join("skeleton.toml"))
        .run();
    assert_eq!(fine.code, EXIT_PLAN, "{}", fine.stderr);
}

/// A read-only file is not replaced (renaming over it would succeed, since only its folder
/// needs to be writable, and as root nothing stops it): the user is told, the file is kept.
#[test]
fn out_refuses_a_read_only_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("signed-plan.md");
    std::fs::write(&path, "the plan the director signed\n").unwrap();
    let mut permissions = std::fs::metadata(&path).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&path, permissions).unwrap();
    let en = Test::shipped().out(&path).lang("en").run().bad_input();
    assert!(
        en.stderr.contains("signed-plan.md: this file is read-only")
            && en.stderr.contains("hint: choose another file name"),
        "{}",
        en.stderr
    );
    let vi = Test::shipped().out(&path).run().bad_input();
    assert!(
        vi.stderr.contains("tệp này chỉ cho phép đọc"),
        "{}",
        vi.stderr
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "the plan the director signed\n"
    );
    assert_eq!(listing(dir.path()), ["signed-plan.md"]);
}

/// A named pipe (or a device such as /dev/null) is not a file to replace: writing a regular
/// file in its place would break whatever reads it. Refused, left as it was.
#[cfg(unix)]
#[test]
fn out_refuses_a_pipe_and_leaves_it_a_pipe() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("plan.fifo");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo is not available: skipping");
        return;
    }
    for test in [
        Test::shipped().out(&fifo),
        Test::new()
            .args(["generate", "--units", "5", "--seed", "1"])
            .out(&fifo),
    ] {
        let en = test.clone().lang("en").run().bad_input();
        assert!(
            en.stderr
                .contains("plan.fifo: this is not a regular file (a device or a pipe)"),
            "{}",
            en.stderr
        );
    }
    let vi = Test::shipped().out(&fifo).run().bad_input();
    assert!(
        vi.stderr.contains("không phải tệp thông thường"),
        "{}",
        vi.stderr
    );
    assert!(
        std::fs::metadata(&fifo).unwrap().file_type().is_fifo(),
        "still a pipe"
    );
    assert_eq!(listing(dir.path()), ["plan.fifo"]);
}

/// A reader that goes away (`campaign plan ... | head -3`) ends the output quietly, as ripgrep
/// does: no error about a broken pipe, the plan's own exit status.
#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    struct Closed;
    impl std::io::Write for Closed {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::ErrorKind::BrokenPipe.into())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut stderr = Vec::new();
    let code = campaign_planner::cli::run(
        ["campaign", "plan", crate::support::SHIPPED].map(std::ffi::OsString::from),
        &mut Closed,
        &mut stderr,
    );
    assert_eq!(code, EXIT_PLAN);
    assert_eq!(String::from_utf8(stderr).unwrap(), "");

    // the real thing: a child whose stdout is a pipe closed before it writes
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_campaign"))
        .args(["plan", crate::support::SHIPPED])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(EXIT_PLAN));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

/// Ctrl-C, SIGTERM, SIGHUP, SIGQUIT (Ctrl-\\), SIGUSR1 or SIGALRM while `--out` is being written
/// leaves neither a half-written file nor the hidden temporary one (`.campaign-XXXXXX`) beside
/// it, and the run ends with 128 + the signal's number, as a shell reports it. The write of a
/// large workbook is caught in the act (its temporary file seen in the folder) and interrupted.
#[cfg(unix)]
#[test]
fn a_signal_during_the_write_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let scenario = dir.path().join("big.toml");
    let made = crate::support::Test::new()
        .args(["generate", "--units", "3000", "--seed", "4"])
        .out(&scenario)
        .run();
    assert_eq!(made.code, EXIT_PLAN, "{}", made.stderr);
    let out = dir.path().join("plan.xlsx");
    let hidden = |dir: &Path| {
        listing(dir)
            .into_iter()
            .any(|n| n.starts_with(".campaign-"))
    };
    let mut caught = 0;
    let signals = [
        libc::SIGINT,
        libc::SIGTERM,
        libc::SIGHUP,
        libc::SIGQUIT,
        libc::SIGUSR1,
        libc::SIGALRM,
    ];
    let mut caught_by = std::collections::BTreeSet::new();
    for (attempt, signal) in signals.into_iter().cycle().take(60).enumerate() {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_campaign"))
            .arg("plan")
            .arg(&scenario)
            .args(["--format", "xlsx", "--out"])
            .arg(&out)
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let seen = loop {
            if hidden(dir.path()) {
                break true;
            }
            if child.try_wait().unwrap().is_some() {
                break false;
            }
            std::hint::spin_loop();
        };
        if seen {
            // SAFETY: kill(2) on our own child's process id
            unsafe { libc::kill(child.id() as libc::pid_t, signal) };
        }
        let status = child.wait().unwrap();
        assert!(
            !hidden(dir.path()),
            "attempt {attempt}: a temporary file is left after signal {signal}: {:?}",
            listing(dir.path())
        );
        if seen && status.code() == Some(128 + signal) {
            caught += 1;
            caught_by.insert(signal);
            assert!(
                std::fs::metadata(&out).is_err() || std::fs::read(&out).unwrap().starts_with(b"PK"),
                "an output is absent or whole"
            );
        }
        if caught_by.len() == signals.len() {
            break;
        }
    }
    assert!(caught > 0, "no write was caught in 60 attempts");
    // an uncaught signal would end the run with no status code and the temporary file left:
    // several kinds of signal were caught in the act, not only the first
    assert!(
        caught_by.len() >= 3,
        "only signals {caught_by:?} were caught in a write"
    );
}

/// What a shell redirected (`--out /dev/stdout >> log.txt`, or a link to it), a link to
/// nothing, a loop of links, a path ending in `/`: refused, nothing replaced.
#[cfg(unix)]
#[test]
fn out_refuses_the_terminals_names_broken_links_and_a_trailing_slash() {
    let dir = tempfile::tempdir().unwrap();
    let link = |name: &str, to: &Path| {
        let path = dir.path().join(name);
        std::os::unix::fs::symlink(to, &path).unwrap();
        path
    };
    let to_stdout = link("stdout-link", Path::new("/dev/stdout"));
    let dangling = link("dangling", &dir.path().join("nothing-here"));
    let loop_a = dir.path().join("loop-a");
    link("loop-b", &loop_a);
    link("loop-a", &dir.path().join("loop-b"));
    for (out, says) in [
        (Path::new("/dev/stdout"), "this is not a regular file"),
        (Path::new("/dev/fd/1"), "this is not a regular file"),
        (to_stdout.as_path(), "this is not a regular file"),
        (
            dangling.as_path(),
            "this is a link (symlink) that points to no file",
        ),
        (
            loop_a.as_path(),
            "this is a link (symlink) that points to no file",
        ),
    ] {
        let en = Test::shipped().out(out).lang("en").run().bad_input();
        assert!(en.stderr.contains(says), "{}: {}", out.display(), en.stderr);
    }
    let vi = Test::shipped().out(&dangling).run().bad_input();
    assert!(vi.stderr.contains("không trỏ tới tệp nào"), "{}", vi.stderr);
    assert!(
        std::fs::symlink_metadata(&dangling)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link is left a link"
    );
    let slash = format!("{}/", dir.path().join("plan.md").display());
    let en = Test::shipped().out(&slash).lang("en").run().bad_input();
    assert!(
        en.stderr.contains("this is a folder, not a file"),
        "{}",
        en.stderr
    );
    // a missing folder is said before the plan is made, as the other refusals are
    let en = Test::shipped()
        .out(dir.path().join("no-such-folder").join("plan.md"))
        .lang("en")
        .run()
        .bad_input();
    assert!(
        en.stderr
            .contains("cannot write the output (the folder does not exist)"),
        "{}",
        en.stderr
    );
    assert!(!dir.path().join("nothing-here").exists());
}

/// A new file in /dev or /proc is refused as a system folder's, also through a link to the
/// folder (`devlink/x.md`, which the text of the path does not show); a path that only passes
/// through /dev on its way elsewhere (`/dev/../tmp/x.md`) is written where it really leads.
#[cfg(unix)]
#[test]
fn out_refuses_system_folders_by_where_the_path_really_leads() {
    let dir = tempfile::tempdir().unwrap();
    let devlink = dir.path().join("devlink");
    std::os::unix::fs::symlink("/dev", &devlink).unwrap();
    for out in [
        devlink.join("plan-trial.md"),
        devlink.join("shm").join("plan-trial.md"),
        PathBuf::from("/dev/plan-trial.md"),
        PathBuf::from("/proc/plan-trial.md"),
    ] {
        let en = Test::shipped().out(&out).lang("en").run().bad_input();
        assert!(
            en.stderr.contains("is in the system folder /")
                && en.stderr.contains("the planner does not write there"),
            "{}: {}",
            out.display(),
            en.stderr
        );
        assert!(!out.exists(), "{} was made", out.display());
    }
    let vi = Test::shipped()
        .out(devlink.join("plan-trial.md"))
        .run()
        .bad_input();
    assert!(vi.stderr.contains("thư mục hệ thống /dev"), "{}", vi.stderr);
    // through /dev and back out: an ordinary new file
    let through = PathBuf::from(format!("/dev/..{}", dir.path().join("plan.md").display()));
    Test::shipped().out(&through).run().plan();
    assert!(dir.path().join("plan.md").is_file());
    // a device itself is still a device
    let null = Test::shipped()
        .out("/dev/null")
        .lang("en")
        .run()
        .bad_input();
    assert!(
        null.stderr.contains("this is not a regular file"),
        "{}",
        null.stderr
    );
}

/// `--out -` is standard output, as most command-line tools read it: the plan is printed and
/// no file named `-` is made.
#[test]
fn out_dash_prints_to_standard_output() {
    let printed = Test::shipped().format("json").run().plan();
    let dashed = Test::shipped().format("json").out("-").run().plan();
    assert_eq!(dashed.stdout, printed.stdout);
    assert!(dashed.stdout.starts_with('{'));
    assert!(!Path::new("-").exists(), "a file named - was made");
    let made = Test::new()
        .args(["generate", "--units", "5", "--seed", "1"])
        .out("-")
        .run()
        .plan();
    assert!(made.stdout.contains("[[district]]"), "{}", made.stdout);
    assert!(!Path::new("-").exists(), "a file named - was made");
}

#[test]
fn out_without_format_writes_the_format_its_extension_names() {
    let dir = tempfile::tempdir().unwrap();
    for (file, format) in [
        ("plan.json", "json"),
        ("plan.md", "markdown"),
        ("plan.html", "html"),
        ("plan.csv", "csv"),
        ("plan.txt", "text"),
        ("plan", "text"),
    ] {
        let path = dir.path().join(file);
        Test::shipped().out(&path).run().plan();
        let shown = Test::shipped().format(format).run().plan();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            shown.stdout,
            "{file}: written as --format {format}"
        );
    }
    // the binary formats: a workbook and a Word file (zip archives), whatever the case
    for file in ["plan.xlsx", "PLAN.XLSX", "letter.docx"] {
        let path = dir.path().join(file);
        let ran = Test::shipped().out(&path).run();
        assert_eq!(ran.code, EXIT_PLAN, "{file}: {}", ran.stderr);
        assert!(
            std::fs::read(&path).unwrap().starts_with(b"PK\x03\x04"),
            "{file} is a zip archive (Office Open XML)"
        );
    }
    // the explanation, the comparison and the sweep too
    let md = dir.path().join("explain.md");
    Test::new()
        .args(["explain", crate::support::SHIPPED, "--district", "Hữu Lũng"])
        .out(&md)
        .run()
        .plan();
    assert!(std::fs::read_to_string(&md).unwrap().starts_with('#'));
}

/// Standard output on a full disk (`> /dev/full`): the cause in the reader's language, and a
/// hint about the output, not about folders and old files.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_under_standard_output_is_said_in_words() {
    for (lang, says, hint) in [
        (
            "vi",
            "không ghi được kết quả (ổ đĩa đã đầy)",
            "giải phóng chỗ trên ổ đĩa nhận kết quả",
        ),
        (
            "en",
            "cannot write the output (the disk is full)",
            "free some space on the disk the output goes to",
        ),
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_campaign"))
            .args(["plan", crate::support::SHIPPED, "--lang", lang])
            .stdout(std::fs::File::create("/dev/full").unwrap())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(EXIT_BAD_INPUT), "{stderr}");
        assert!(stderr.contains(says) && stderr.contains(hint), "{stderr}");
    }
}

/// A rule file whose name holds an escape sequence (`max ESC [2J`, which clears a terminal):
/// the rule's name is shown escaped, `max\u{1b}[2J`, in the diagnosis, the JSON plan and
/// `explain`, never sent raw (trial 13f J35).
#[test]
fn a_rule_file_named_with_an_escape_is_shown_escaped() {
    // listed by its name, written with TOML's escape
    let what_if = WhatIf::shipped().replace(
        "  \"../rules/door-to-door.rhai\",\n",
        "  \"../rules/door-to-door.rhai\",\n  \"../rules/max\\u001b[2J.rhai\",\n",
    );
    std::fs::write(
        what_if.dir().join("rules").join("max\u{1b}[2J.rhai"),
        "fn before_solve(d, s) { d.max_teams(\"commune\", 0); }\n",
    )
    .unwrap();
    let path = what_if.path();
    for format in ["text", "json", "markdown"] {
        let out = Test::plan(&path)
            .lang("en")
            .format(format)
            .run()
            .code(EXIT_INFEASIBLE);
        for printed in [&out.stdout, &out.stderr] {
            assert!(
                !printed.contains('\u{1b}'),
                "{format}: a raw escape\n{printed}"
            );
        }
        // the diagnosis names the rule that allows no commune team, by its escaped name
        assert!(
            out.stdout
                .contains("the rule `max\\u{1b}[2J` allows at most 0")
                || out
                    .stdout
                    .contains("the rule `max\\\\u{1b}[2J` allows at most 0"),
            "{format}:\n{}",
            out.stdout
        );
    }
    let (code, stdout, stderr) = crate::layout::run(&[
        std::ffi::OsStr::new("explain"),
        path.as_os_str(),
        std::ffi::OsStr::new("--district"),
        std::ffi::OsStr::new("Cao Lộc"),
        std::ffi::OsStr::new("--lang"),
        std::ffi::OsStr::new("en"),
    ]);
    assert_ne!(code, EXIT_BAD_INPUT, "{stderr}");
    assert!(
        !stdout.contains('\u{1b}') && !stderr.contains('\u{1b}'),
        "{stdout}{stderr}"
    );
    assert!(stdout.contains("max\\u{1b}[2J"), "{stdout}");
}

/// A table whose file name holds line breaks and an escape (as mail attachments and unzip
/// tools make them): `import` writes no line of the name as a live line of TOML, sends no
/// escape to the terminal or the skeleton, and the skeleton plans (trial 13f J36).
#[test]
fn an_imported_file_named_with_control_characters_writes_no_live_line() {
    let dir = tempfile::tempdir().unwrap();
    let table = dir.path().join("x\nhorizon_days = 99\n#\u{1b}[2J.csv");
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/scenarios/coverage-2020-08-25.csv"
        ),
        &table,
    )
    .unwrap();
    let skeleton = dir.path().join("s.toml");
    let (code, stdout, stderr) = crate::layout::run(&[
        std::ffi::OsStr::new("import"),
        table.as_os_str(),
        std::ffi::OsStr::new("--out"),
        skeleton.as_os_str(),
        std::ffi::OsStr::new("--lang"),
        std::ffi::OsStr::new("en"),
    ]);
    assert_eq!(code, EXIT_PLAN, "{stderr}");
    let printed = format!("{stdout}{stderr}");
    assert!(!printed.contains('\u{1b}'), "{printed}");
    assert!(
        printed.contains("x\\u{a}horizon_days = 99\\u{a}#\\u{1b}[2J.csv"),
        "{printed}"
    );
    let text = std::fs::read_to_string(&skeleton).unwrap();
    assert!(!text.contains('\u{1b}'), "{text}");
    let live: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("horizon_days"))
        .collect();
    assert_eq!(
        live,
        ["horizon_days = 14                  # ASSUMPTION: a two-week push"]
    );
    Test::plan(&skeleton).run().code(EXIT_PLAN);
}

/// Every output of `plan`, `explain`, `sweep` and `compare`, in each format and language, is
/// recognised as the tool's when written again over itself (trial 13g K3: any other existing
/// file is refused), and a Word letter while nobody has changed it.
#[test]
fn out_replaces_every_output_the_tool_wrote_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let scenario = crate::support::SHIPPED.to_string();
    let commands: Vec<(&str, Vec<&str>, &[&str])> = vec![
        (
            "plan",
            vec!["plan", &scenario],
            &[
                "text",
                "markdown",
                "json",
                "html",
                "csv",
                "xlsx",
                "letter-html",
                "docx",
            ],
        ),
        (
            "explain",
            vec!["explain", &scenario, "--district", "Cao Lộc"],
            &["text", "markdown", "json"],
        ),
        (
            "sweep",
            vec!["sweep", &scenario, "--vary", "horizon_days=7..14:7"],
            &["text", "markdown", "json"],
        ),
        (
            "compare",
            vec!["compare", &scenario, &scenario],
            &["text", "markdown", "json"],
        ),
    ];
    for (name, args, formats) in &commands {
        for format in *formats {
            for lang in ["vi", "en"] {
                // a name without the format's extension: the format is given (a table's is
                // known by its extension, as the table reader knows it)
                let ext = match *format {
                    "csv" | "xlsx" => format!(".{format}"),
                    _ => String::new(),
                };
                let path = dir.path().join(format!("{name}-{format}-{lang}{ext}"));
                for _ in 0..2 {
                    Test::new()
                        .args(args.iter().copied())
                        .format(format)
                        .lang(lang)
                        .out(&path)
                        .run()
                        .code(EXIT_PLAN);
                }
            }
        }
    }
    // a letter filled in: its text changed, the tool's digest kept
    let letter = dir.path().join("plan-docx-vi");
    let bytes = std::fs::read(&letter).unwrap();
    let edited = dir.path().join("cong-van.docx");
    std::fs::write(&edited, refill_letter(&bytes)).unwrap();
    let before = std::fs::read(&edited).unwrap();
    let out = Test::shipped()
        .format("docx")
        .lang("en")
        .out(&edited)
        .run()
        .bad_input();
    assert!(
        out.stderr.contains("has been changed since"),
        "{}",
        out.stderr
    );
    assert_eq!(
        std::fs::read(&edited).unwrap(),
        before,
        "the letter is kept"
    );
}

/// `bytes`, a Word letter, with "[Số văn bản]" written in as 1700, as a clerk does in Word.
fn refill_letter(bytes: &[u8]) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let name = entry.name().unwrap().to_string();
        let mut part = Vec::new();
        entry.read_to_end(&mut part).unwrap();
        if name == "word/document.xml" {
            let text = String::from_utf8(part).unwrap();
            assert!(text.contains("[Số văn bản]"));
            part = text.replacen("[Số văn bản]", "1700", 1).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&part).unwrap();
    }
    out.finish().unwrap().into_inner()
}
