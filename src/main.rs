//! The `tomwerk` binary: dispatches to the CLI or starts the editor.

use std::process::ExitCode;

use clap::Parser as _;
use tomwerk::cli::{self, Cli};

fn main() -> ExitCode {
    let args = Cli::parse();
    match args.command {
        Some(command) => cli::run(command),
        None => match tomwerk::app::run(args.file) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("tomwerk: {e:#}");
                ExitCode::FAILURE
            }
        },
    }
}
