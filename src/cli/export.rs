//! `tomwerk export`: not built yet.

use std::process::ExitCode;

/// Runs `tomwerk export`.
pub fn run(_args: &super::ExportArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("'tomwerk export' is not available yet")
}
