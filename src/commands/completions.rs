//! `avance completions SHELL`: the shell's completion script for every
//! command and flag, from clap's own grammar (clap_complete), printed for
//! the student to source or install.

use std::io;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Args, CommandFactory};
use clap_complete::Shell;

use super::Cli;

#[derive(Debug, Args)]
pub(super) struct CompletionsArgs {
    /// bash, zsh, fish, elvish or powershell.
    shell: Shell,
}

impl CompletionsArgs {
    pub(super) fn run(self) -> Result<ExitCode> {
        clap_complete::generate(self.shell, &mut Cli::command(), "avance", &mut io::stdout());
        Ok(ExitCode::SUCCESS)
    }
}
