//! The `frontdesk` binary: logging, settings, then the command line (see `cli`).

use std::process::ExitCode;

use clap::Parser;
use tracing_subscriber::EnvFilter;

fn main() -> ExitCode {
    frontdesk::process::return_large_blocks_to_the_system();
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")))
        .with_writer(std::io::stderr)
        .init();
    let cli = frontdesk::cli::Cli::parse();
    match frontdesk::config::Settings::load() {
        Ok(settings) => frontdesk::cli::run(cli, settings),
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}
