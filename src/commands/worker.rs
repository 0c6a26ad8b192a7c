//! `avance worker` (hidden): a worker process of the parallelism lesson; it
//! reads indices on stdin and answers `INDEX NANOSECONDS` lines on stdout.

use std::process::ExitCode;
use std::time::Duration;

use anyhow::Result;
use clap::Args;

#[derive(Debug, Args)]
pub(super) struct WorkerArgs {
    #[arg(long)]
    calls: usize,
    #[arg(long)]
    max_sleep_ns: u64,
    #[arg(long)]
    seed: u64,
}

impl WorkerArgs {
    pub(super) fn run(self) -> Result<ExitCode> {
        let max_sleep = Duration::from_nanos(self.max_sleep_ns);
        crate::bench::parallel::worker(self.calls, max_sleep, self.seed)?;
        Ok(ExitCode::SUCCESS)
    }
}
