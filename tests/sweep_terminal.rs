//! `campaign sweep` at a terminal: the progress bar is drawn on stderr while the worker threads
//! plan, and the sweep finishes. Run under a pseudo-terminal made by `script` (util-linux).

use std::process::Command;
use std::time::{Duration, Instant};

#[test]
fn a_sweep_at_a_terminal_shows_its_progress_and_finishes() {
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("`script` (util-linux) is not installed: no pseudo-terminal to test with");
        return;
    }
    let bin = env!("CARGO_BIN_EXE_campaign");
    let scenario = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scenarios/lang-son-2020-09-01.toml"
    );
    let command = format!(
        "{bin} sweep {scenario} --vary team_kind.volunteer.available=0..40:1 --jobs 2 --lang en"
    );
    let mut child = Command::new("script")
        .args(["-q", "-e", "-c", &command, "/dev/null"])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("the sweep did not finish within 60 s at a terminal");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let mut out = String::new();
    std::io::Read::read_to_string(&mut child.stdout.take().unwrap(), &mut out).unwrap();
    // 0 volunteer teams cannot meet the rules' minimums: exit 2, the sweep still printed
    assert_eq!(status.code(), Some(2), "{out}");
    assert!(out.contains("/41 plans"), "no progress bar: {out}");
    assert!(
        out.contains(
            "varying volunteer teams (team_kind.volunteer.available) = 0 … 40 (41 values)"
        ),
        "{out}"
    );
    assert!(out.contains("Projected provincial rate by"), "{out}");
}
