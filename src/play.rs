//! Playing a snippet for the student to watch, as `:run` and `avance run`
//! do: its output under a heading, then how it ended against what the slide
//! intends; for a `compile_fail` slide, rustc's refusal.

use std::io::{self, Write};

use colored::Colorize;

use crate::lesson::{Mode, Snippet};
use crate::render;
use crate::run::{NotRunnable, Registry};
use crate::rustc;

/// How playing a snippet went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Played {
    /// It ran (or was refused by rustc) as its slide intends.
    AsIntended,
    /// It ran, or was compiled, and did not do what its slide intends.
    NotAsIntended,
    /// It was not run: marked `no_run` or `ignore` (said in a dim line).
    NotRun,
    /// It could not run: edited since the build (said, and a failure).
    Stale,
}

impl Played {
    /// Whether the student's progress should count it as run.
    pub fn ran(self) -> bool {
        matches!(self, Played::AsIntended | Played::NotAsIntended)
    }

    pub fn failed(self) -> bool {
        matches!(self, Played::NotAsIntended | Played::Stale)
    }
}

pub fn play(out: &mut impl Write, registry: &Registry, snippet: &Snippet) -> io::Result<Played> {
    render::output_header(out, &snippet.id)?;
    if snippet.mode == Mode::CompileFail {
        let intended = rustc::show_refusal(out, snippet)?;
        return Ok(if intended {
            Played::AsIntended
        } else {
            Played::NotAsIntended
        });
    }
    let compiled = match registry.runnable(snippet) {
        Ok(compiled) => compiled,
        Err(why @ NotRunnable::Stale(_)) => {
            writeln!(out, "{} {why}", "error:".red().bold())?;
            return Ok(Played::Stale);
        }
        Err(why) => {
            writeln!(out, "{}", why.to_string().dimmed())?;
            return Ok(Played::NotRun);
        }
    };
    // The snippet prints straight to stdout: what we wrote must come first.
    out.flush()?;
    let outcome = compiled.run_caught();
    io::stdout().flush()?;
    let intended = render::run_outcome(out, snippet.mode, &outcome)?;
    Ok(if intended {
        Played::AsIntended
    } else {
        Played::NotAsIntended
    })
}
