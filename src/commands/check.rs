//! `avance check [LESSON]`: every snippet, cell and exercise run in a child
//! and judged against its lesson; the tally, and failure when one fails.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::{Result, bail};
use clap::Args;
use colored::Colorize;

use super::Context;
use crate::check::{Checker, Verdict};

#[derive(Debug, Args)]
pub(super) struct CheckArgs {
    /// One lesson (e.g. underscore, 1); every lesson without it.
    lesson: Option<String>,
}

impl CheckArgs {
    pub(super) fn run(self, context: &Context) -> Result<ExitCode> {
        let catalog = context.catalog()?;
        let lessons = super::lessons_of(&catalog, self.lesson.as_deref())?;
        let checker = Checker::new(context.registry, super::this_program("run snippets")?);
        let mut out = io::stdout();
        let (mut passed, mut failed, mut skipped) = (0, 0, 0);
        for lesson in lessons {
            writeln!(out, "{} {}", "checking".bold(), lesson.path)?;
            let index = catalog
                .lessons()
                .iter()
                .position(|l| l.id == lesson.id)
                .expect("lessons_of gives the catalog's lessons");
            for (id, verdict) in checker.check_lesson(catalog.lessons(), index) {
                match verdict {
                    Verdict::Passed => passed += 1,
                    Verdict::NotRun => {}
                    Verdict::Skipped(why) => {
                        skipped += 1;
                        writeln!(out, "  {} {id}: {why}", "skipped".yellow().bold())?;
                    }
                    Verdict::Failed(why) => {
                        failed += 1;
                        writeln!(out, "  {} {id}: {why}", "FAILED".red().bold())?;
                    }
                }
            }
        }
        writeln!(
            out,
            "check: {passed} passed, {failed} failed, {skipped} skipped"
        )?;
        if failed > 0 {
            bail!("{failed} snippet(s) do not do what their lesson says");
        }
        Ok(ExitCode::SUCCESS)
    }
}
