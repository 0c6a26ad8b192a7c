//! `avance snippet ID [--check]` (hidden): the child side of export, of
//! `:run` and `:timeit` (`--outcome`, `--timeit`) and, with `--check`, of
//! `check`. One compiled snippet, ending as a program
//! would (a panic exits with Rust's status 101), its panic shown at the
//! lesson line.

use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Result, bail};
use clap::Args;

use super::Context;
use crate::lesson::Scale;
use crate::run::{PANIC_EXIT_STATUS, RunOutcome};

/// The longest timing batch under `--check`: IPython's 0.2 s would make
/// checking every lesson take many minutes.
const CHECK_BATCH: Duration = Duration::from_millis(10);

#[derive(Debug, Args)]
pub(super) struct SnippetArgs {
    id: String,
    /// At check's scale: the `#check ` lines' sizes, timing batches of 10 ms.
    #[arg(long)]
    check: bool,
    /// Write how it ended to FILE (for `:run`, whose output goes straight
    /// to the terminal) instead of saying it on stderr.
    #[arg(long, value_name = "FILE")]
    outcome: Option<std::path::PathBuf>,
    /// Time it as `:timeit` does, and write the timing (or how its trial
    /// run ended) to the --outcome FILE.
    #[arg(long, requires = "outcome")]
    timeit: bool,
}

impl SnippetArgs {
    pub(super) fn run(self, context: &Context) -> Result<ExitCode> {
        let Some(snippet) = context.registry.get(&self.id) else {
            bail!("no compiled snippet `{}` in this program", self.id);
        };
        let scale = if self.check {
            crate::timeit::cap_batches(CHECK_BATCH);
            Scale::Check
        } else {
            Scale::Course
        };
        if let (true, Some(file)) = (self.timeit, &self.outcome) {
            std::fs::write(file, crate::play::time_in_this_process(snippet))?;
            return Ok(ExitCode::SUCCESS);
        }
        let outcome = snippet.run_caught_at(scale);
        if let Some(file) = &self.outcome {
            std::fs::write(file, outcome.to_record())?;
            return Ok(ExitCode::SUCCESS);
        }
        Ok(match outcome {
            RunOutcome::Finished => ExitCode::SUCCESS,
            RunOutcome::Failed(error) => {
                eprintln!("{error}");
                ExitCode::FAILURE
            }
            RunOutcome::Panicked(message) => {
                eprintln!("panicked: {message}");
                ExitCode::from(PANIC_EXIT_STATUS)
            }
        })
    }
}
