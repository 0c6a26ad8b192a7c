//! `avance snippet ID` (hidden): the child side of `check` and export. One
//! compiled snippet, ending as a program would (a panic exits with Rust's
//! status 101), its panic shown at the lesson line.

use std::process::ExitCode;

use anyhow::{Result, bail};
use clap::Args;

use super::Context;
use crate::run::{PANIC_EXIT_STATUS, RunOutcome};

#[derive(Debug, Args)]
pub(super) struct SnippetArgs {
    id: String,
}

impl SnippetArgs {
    pub(super) fn run(self, context: &Context) -> Result<ExitCode> {
        let Some(snippet) = context.registry.get(&self.id) else {
            bail!("no compiled snippet `{}` in this program", self.id);
        };
        Ok(match snippet.run_caught() {
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
