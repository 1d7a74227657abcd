//! `tomwerk diff`: not built yet.

use std::process::ExitCode;

/// Runs `tomwerk diff`.
pub fn run(_args: &super::DiffArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("'tomwerk diff' is not available yet")
}
