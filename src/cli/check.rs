//! `tomwerk check`: not built yet.

use std::process::ExitCode;

/// Runs `tomwerk check`.
pub fn run(_args: &super::CheckArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("'tomwerk check' is not available yet")
}
