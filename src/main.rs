fn main() {
    // Ctrl-C, a closed terminal (SIGHUP) or `kill` (SIGTERM) while an output is being written
    // would leave its hidden temporary file beside it: remove it, then end with status 130
    // (the handler is not told which signal came).
    let _ = ctrlc::set_handler(|| campaign_planner::cli::remove_pending_outputs_and_exit(130));
    // stderr is not held locked: `campaign sweep` draws its progress bar on it from the
    // worker threads while the command runs
    let code = campaign_planner::cli::run(
        std::env::args_os(),
        &mut std::io::stdout().lock(),
        &mut std::io::stderr(),
    );
    std::process::exit(code);
}
