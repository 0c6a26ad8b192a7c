//! The slide's own code run from the REPL: `:run` plays its Rust snippets,
//! `:python` runs its Python for real and then its Rust, `:timeit` (without
//! an expression) times its Rust.

use std::io::{self, Write};

use colored::Colorize;

use crate::play;
use crate::python;

use super::Repl;

impl<W: Write> Repl<W> {
    pub(super) fn run_slide(&mut self) -> io::Result<()> {
        let snippets: Vec<_> = self.session.slide().snippets().cloned().collect();
        if snippets.is_empty() {
            return self.problem("this slide has no Rust to run; Enter moves on");
        }
        for snippet in snippets {
            let played = play::play(&mut self.out, &self.registry, &snippet)?;
            if played.ran()
                && let Some(warning) = self.session.record_run(&snippet.id)
            {
                self.warn(&warning)?;
            }
        }
        Ok(())
    }

    /// The slide's Python run for real, then its Rust, to compare.
    pub(super) fn run_python(&mut self) -> io::Result<()> {
        let slide = self.session.slide();
        let count = slide.python().count();
        if count == 0 {
            return self.problem("this slide has no Python to run; Enter moves on");
        }
        match python::run_slide(slide, count) {
            Ok(run) => {
                play::show_python(&mut self.out, &self.session.lesson().id, slide.number, &run)?
            }
            Err(error) => self.problem(&error.to_string())?,
        }
        if crate::interrupt::take() {
            return writeln!(
                self.out,
                "{}",
                "interrupted: the Python was stopped (Ctrl-C)".yellow()
            );
        }
        if self.session.slide().snippets().any(|s| s.is_playable()) {
            self.run_slide()?;
        }
        Ok(())
    }

    pub(super) fn time_slide(&mut self) -> io::Result<()> {
        let snippets: Vec<_> = self.session.slide().snippets().cloned().collect();
        if snippets.is_empty() {
            return self.problem("this slide has no Rust to time; Enter moves on");
        }
        for snippet in snippets {
            play::time(&mut self.out, &self.registry, &snippet)?;
        }
        Ok(())
    }
}
