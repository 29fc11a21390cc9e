fn main() {
    // Ctrl-C, a closed terminal (SIGHUP) or `kill` (SIGTERM) while an output is being written
    // would leave its hidden temporary file beside it: remove it, then end with status 130
    // (the handler is not told which signal came).
    let _ = ctrlc::set_handler(|| campaign_planner::cli::remove_pending_outputs_and_exit(130));
    // stderr is not held locked: `campaign sweep` draws its progress bar on it from the
    // worker threads while the command runs
    // the tables and the help fit the terminal when stdout is one; to a file or a pipe, the
    // output is the same on every machine
    let stdout = std::io::stdout();
    let terminal = if std::io::IsTerminal::is_terminal(&stdout) {
        terminal_size::terminal_size_of(&stdout).map(|(w, _)| usize::from(w.0))
    } else {
        None
    };
    let code = campaign_planner::cli::run_on(
        std::env::args_os(),
        terminal,
        &mut std::io::stdout().lock(),
        &mut std::io::stderr(),
    );
    std::process::exit(code);
}
