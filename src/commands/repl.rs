//! `avance` without a command: the REPL, opened where the student stopped,
//! with a line editor on a terminal and scripted when stdin is a pipe.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::{Context as _, Result};
use colored::Colorize;

use super::Context;
use crate::repl::{Pager, Piped, Repl, ReplHelper, Terminal};
use crate::session::{Dirs, Session};

pub(super) fn run(context: &Context) -> Result<ExitCode> {
    let kept = Dirs::locate().map(|dirs| dirs.state.join("live"));
    // SAFETY: the first thing the REPL does, on the main thread: nothing
    // this program runs has started a thread yet (the lessons, the session
    // and the line editor come after).
    let live_folder = unsafe { crate::live::prepare(kept.as_deref()) };
    // Ctrl-C stops what runs (a snippet, live code, the Python), not the REPL.
    crate::interrupt::install().context(crate::tr!("cannot-take-ctrl-c"))?;
    let catalog = context.catalog()?;
    let names = catalog
        .lessons()
        .iter()
        .flat_map(|l| [l.id.clone(), l.slug.clone()])
        .collect();
    let (session, warnings) = Session::resume(catalog, super::progress_store());
    for warning in warnings {
        writeln!(
            io::stdout(),
            "{} {warning}",
            crate::tr!("warning-prefix").yellow().bold()
        )?;
    }
    let lessons = context.lessons.clone();
    let mut repl = Repl::new(session, context.registry, io::stdout())
        .with_live(live_folder)
        .with_answers(super::answers())
        .with_languages(Box::new(move |language| {
            super::catalog_in(lessons.as_deref(), language).map_err(|error| format!("{error:#}"))
        }));
    if io::stdin().is_terminal() {
        let history = Dirs::locate().and_then(|dirs| {
            crate::repl::usable_history(dirs.history())
                .map_err(|problem| {
                    let _ = writeln!(
                        io::stdout(),
                        "{} {problem}",
                        crate::tr!("warning-prefix").yellow().bold()
                    );
                })
                .ok()
        });
        let mut terminal = Terminal::new(ReplHelper::new(names), history)
            .context("cannot start the line editor")?;
        if io::stdout().is_terminal() {
            let pager = std::env::var("PAGER").ok();
            repl = repl.with_pager(Pager::from_env(pager.as_deref()));
        }
        repl.run(&mut terminal)?;
    } else {
        let limit = crate::live::time_limit_from_env().unwrap_or_else(|problem| {
            let _ = writeln!(
                io::stdout(),
                "{} {problem}",
                crate::tr!("warning-prefix").yellow().bold()
            );
            Some(crate::live::DEFAULT_TIME_LIMIT)
        });
        repl = repl.with_live_time_limit(limit);
        repl.run(&mut Piped::new(io::stdin().lock()))?;
    }
    Ok(ExitCode::SUCCESS)
}
