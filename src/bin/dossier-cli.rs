//! Console entry point: see `dossier::cli`.

fn main() {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    std::process::exit(dossier::cli::run());
}
