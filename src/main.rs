fn main() {
    stop_cleanly_on_signals();
    // stderr is not held locked: `campaign sweep` draws its progress bar on it from the
    // worker threads while the command runs
    // the tables and the help fit the terminal when stdout is one (COLUMNS when set, as `ls`
    // reads it); to a file or a pipe, the output is the same on every machine
    let stdout = std::io::stdout();
    let terminal = std::io::IsTerminal::is_terminal(&stdout);
    let size = terminal
        .then(|| terminal_size::terminal_size_of(&stdout).map(|(w, _)| usize::from(w.0)))
        .flatten();
    let columns = terminal.then(|| std::env::var("COLUMNS").ok()).flatten();
    let terminal = campaign_planner::cli::terminal_width(terminal, size, columns.as_deref());
    let code = campaign_planner::cli::run_on(
        std::env::args_os(),
        terminal,
        &mut std::io::stdout().lock(),
        &mut std::io::stderr(),
    );
    std::process::exit(code);
}

/// A signal that ends the program while an output is being written would leave its hidden
/// temporary file (`.campaign-XXXXXX`) beside it: every signal whose default is to end the
/// program is caught, the file removed, and the program ends with status 128 + the signal's
/// number, as the shell reports a process killed by it (130 for Ctrl-C). SIGPIPE is not among
/// them: Rust ignores it, and a closed pipe ends the output quietly (`cli::output::emit`).
#[cfg(unix)]
fn stop_cleanly_on_signals() {
    use signal_hook::consts::signal::{
        SIGALRM, SIGHUP, SIGINT, SIGPROF, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGVTALRM, SIGXCPU,
        SIGXFSZ,
    };
    let signals = [
        SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU,
        SIGXFSZ,
    ];
    // without the handler the signal still ends the program: only the cleanup is lost
    if let Ok(mut caught) = signal_hook::iterator::Signals::new(signals) {
        std::thread::spawn(move || {
            if let Some(signal) = caught.forever().next() {
                campaign_planner::cli::remove_pending_outputs_and_exit(128 + signal);
            }
        });
    }
}

/// Ctrl-C and the console closing: the temporary file of an output being written is removed.
#[cfg(not(unix))]
fn stop_cleanly_on_signals() {
    let _ = ctrlc::set_handler(|| campaign_planner::cli::remove_pending_outputs_and_exit(130));
}
