//! `avance` without a command: the REPL, opened where the student stopped,
//! with a line editor on a terminal and scripted when stdin is a pipe.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::{Context as _, Result};
use colored::Colorize;

use super::Context;
use crate::repl::{Piped, Repl, ReplHelper, Terminal};
use crate::session::{Dirs, Session};

pub(super) fn run(context: &Context) -> Result<ExitCode> {
    let catalog = context.catalog()?;
    let names = catalog
        .lessons()
        .iter()
        .flat_map(|l| [l.id.clone(), l.slug.clone()])
        .collect();
    let (session, warnings) = Session::resume(catalog, super::progress_store());
    for warning in warnings {
        writeln!(io::stdout(), "{} {warning}", "warning:".yellow().bold())?;
    }
    let live_dir = Dirs::locate().map(|dirs| dirs.state.join("live"));
    let mut repl = Repl::new(session, context.registry, io::stdout()).with_live_dir(live_dir);
    if io::stdin().is_terminal() {
        let history = Dirs::locate().map(|dirs| dirs.history());
        let mut terminal = Terminal::new(ReplHelper::new(names), history)
            .context("cannot start the line editor")?;
        repl.run(&mut terminal)?;
    } else {
        repl.run(&mut Piped::new(io::stdin().lock()))?;
    }
    Ok(ExitCode::SUCCESS)
}
