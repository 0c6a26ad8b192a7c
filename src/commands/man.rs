//! `avance man [COMMAND]`: the manual page, in roff, from clap's own
//! grammar (clap_mangen), so it never disagrees with `--help`. The main page
//! names `avance-list(1)` and the others: `avance man list` prints that one,
//! `avance man --dir DIR` writes them all (`avance.1`, `avance-list.1`...).

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, Result, bail};
use clap::{Args, CommandFactory};

use super::Cli;

#[derive(Debug, Args)]
pub(super) struct ManArgs {
    /// A command's own page (`list`, `bench`...) instead of the main one.
    command: Option<String>,
    /// Write every page into this folder instead of printing one.
    #[arg(long, value_name = "DIR", conflicts_with = "command")]
    dir: Option<PathBuf>,
}

impl ManArgs {
    pub(super) fn run(self) -> Result<ExitCode> {
        let mut program = Cli::command().disable_help_subcommand(true);
        // Names each command `avance-NAME`, as the main page lists them.
        program.build();
        if let Some(dir) = self.dir {
            std::fs::create_dir_all(&dir).with_context(|| {
                crate::tr!("cannot-create-path", path = dir.display().to_string())
            })?;
            write_pages(&program, &dir)
                .with_context(|| format!("cannot write the manual pages into {}", dir.display()))?;
            return Ok(ExitCode::SUCCESS);
        }
        let page = match self.command {
            None => program,
            Some(name) => page_of(program, &name)?,
        };
        let mut out = io::stdout().lock();
        out.write_all(&render(page)?)
            .and_then(|()| out.flush())
            .context("cannot write the manual page")?;
        Ok(ExitCode::SUCCESS)
    }
}

/// One page, its footer naming the program and its version.
fn render(page: clap::Command) -> io::Result<Vec<u8>> {
    let mut roff = Vec::new();
    clap_mangen::Man::new(page)
        .source(concat!("avance ", env!("CARGO_PKG_VERSION")))
        .render(&mut roff)?;
    Ok(roff)
}

/// `command`'s page and those of its visible commands, each written
/// atomically as `NAME.1`.
fn write_pages(command: &clap::Command, dir: &Path) -> io::Result<()> {
    for sub in command.get_subcommands().filter(|sub| !sub.is_hide_set()) {
        write_pages(sub, dir)?;
    }
    let name = command.get_display_name().unwrap_or(command.get_name());
    crate::atomic::write(&dir.join(format!("{name}.1")), &render(command.clone())?)
}

/// The page of the visible command `name`.
fn page_of(program: clap::Command, name: &str) -> Result<clap::Command> {
    let visible: Vec<&clap::Command> = program
        .get_subcommands()
        .filter(|command| !command.is_hide_set())
        .collect();
    match visible.iter().find(|command| command.get_name() == name) {
        Some(command) => Ok((*command).clone()),
        None => {
            let names: Vec<&str> = visible.iter().map(|command| command.get_name()).collect();
            bail!(
                "no command `{name}` has a manual page; the commands are {}",
                names.join(", ")
            )
        }
    }
}
