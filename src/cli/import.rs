//! `tomwerk import`: not built yet.

use std::process::ExitCode;

/// Runs `tomwerk import`.
pub fn run(_args: &super::ImportArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("'tomwerk import' is not available yet")
}
