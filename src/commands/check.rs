//! `avance check [LESSON]`: every snippet, cell and exercise run in a child
//! and judged against its lesson; the tally, and failure when one fails.
//! Its own words are in the course's language; why a snippet failed is
//! told as the checker and the tools say it.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::{Result, bail};
use clap::Args;
use colored::Colorize;

use super::Context;
use crate::check::{Checker, Verdict};
use crate::tr;

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
        if !say_ipython(&mut out)? {
            failed += 1;
        }
        for lesson in lessons {
            writeln!(out, "{} {}", tr!("check-checking").bold(), lesson.path)?;
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
                        writeln!(
                            out,
                            "  {} {id}: {why}",
                            tr!("check-skipped").yellow().bold()
                        )?;
                    }
                    Verdict::Failed(why) => {
                        failed += 1;
                        writeln!(out, "  {} {id}: {why}", tr!("check-failed").red().bold())?;
                    }
                }
            }
        }
        writeln!(
            out,
            "{}",
            tr!(
                "check-tally",
                passed = passed,
                failed = failed,
                skipped = skipped
            )
        )?;
        if failed > 0 {
            bail!(tr!("check-some-failed", failed = failed));
        }
        Ok(ExitCode::SUCCESS)
    }
}

/// One line when IPython is missing: the course's Python then runs in
/// python3 alone, and its cells with magics are skipped. False when that
/// is a failure (`AVANCE_REQUIRE_ALL=1`, as for the tests' missing tools).
fn say_ipython(out: &mut impl Write) -> io::Result<bool> {
    if crate::python::ipython_present() {
        return Ok(true);
    }
    let required = std::env::var_os("AVANCE_REQUIRE_ALL").is_some_and(|v| v == "1");
    let label = if required {
        tr!("check-failed").red().bold()
    } else {
        tr!("check-skipped").yellow().bold()
    };
    writeln!(
        out,
        "  {label} {}",
        tr!(
            "check-no-ipython",
            python = crate::python::interpreter().to_string(),
            install = crate::python::INSTALL_IPYTHON
        )
    )?;
    Ok(!required)
}
