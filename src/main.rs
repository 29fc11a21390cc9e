fn main() {
    // stderr is not held locked: `campaign sweep` draws its progress bar on it from the
    // worker threads while the command runs
    let code = campaign_planner::cli::run(
        std::env::args_os(),
        &mut std::io::stdout().lock(),
        &mut std::io::stderr(),
    );
    std::process::exit(code);
}
