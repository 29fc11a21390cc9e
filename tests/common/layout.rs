//! A copy of the repository layout in a temporary folder, and `campaign` run in-process: the
//! harness of the tests that edit scenarios (overlays, `--set`) or run whole commands.
#![allow(dead_code)]

use std::path::PathBuf;

use tempfile::TempDir;

/// The shipped scenario.
pub const SHIPPED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/scenarios/lang-son-2020-09-01.toml"
);
/// The shipped rules.
const RULES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/rules");

/// `scenarios/lang-son-2020-09-01.toml` (the shipped scenario) beside `rules/` (the shipped
/// rule files, not their tests), so that overlays and edited copies written into
/// `scenarios/` resolve `../rules/...` as the shipped ones do.
pub struct Layout {
    pub dir: TempDir,
}

impl Layout {
    pub fn new() -> Layout {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("scenarios")).unwrap();
        std::fs::create_dir(dir.path().join("rules")).unwrap();
        for entry in std::fs::read_dir(RULES).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() {
                std::fs::copy(
                    &path,
                    dir.path().join("rules").join(path.file_name().unwrap()),
                )
                .unwrap();
            }
        }
        let layout = Layout { dir };
        layout.write("lang-son-2020-09-01.toml", &shipped());
        layout
    }

    /// Writes `scenarios/{name}` and returns its path.
    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.dir.path().join("scenarios").join(name);
        std::fs::write(&path, text).unwrap();
        path
    }
}

/// The shipped scenario's text.
pub fn shipped() -> String {
    std::fs::read_to_string(SHIPPED).unwrap()
}

/// `text` with the one occurrence of `from` replaced by `to`; fails (at the caller) unless
/// `from` occurs exactly once, so that an edit never silently misses.
#[track_caller]
pub fn replace_once(text: &str, from: &str, to: &str) -> String {
    let hits = text.matches(from).count();
    assert_eq!(hits, 1, "{from:?} occurs {hits} times in the text");
    text.replacen(from, to, 1)
}

/// `campaign ARGS`, in-process: (exit status, stdout, stderr). The one way the tests run the
/// command line (every suite's own helper goes through it).
pub fn run<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> (i32, String, String) {
    let (code, stdout, stderr) = run_bytes(args);
    (
        code,
        String::from_utf8(stdout).expect("stdout is UTF-8"),
        stderr,
    )
}

/// [`run`], stdout as bytes (a workbook, a PDF's HTML).
pub fn run_bytes<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> (i32, Vec<u8>, String) {
    let mut stdout = Vec::new();
    let mut stderr = Vec::new();
    let args = std::iter::once(std::ffi::OsString::from("campaign"))
        .chain(args.iter().map(|a| a.as_ref().to_os_string()));
    let code = campaign_planner::cli::run(args, &mut stdout, &mut stderr);
    (
        code,
        stdout,
        String::from_utf8(stderr).expect("stderr is UTF-8"),
    )
}
