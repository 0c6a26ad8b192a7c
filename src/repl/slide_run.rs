//! The slide's own code run from the REPL: `:run` plays its Rust snippets,
//! `:python` runs its Python for real and then its Rust, `:timeit` (without
//! an expression) times its Rust.

use std::io::{self, Write};

use colored::Colorize;

use crate::lesson::{Lesson, PythonRole, Slide};
use crate::play;
use crate::python;

use super::Repl;

impl<W: Write> Repl<W> {
    pub(super) fn run_slide(&mut self) -> io::Result<()> {
        let snippets: Vec<_> = self.session.slide().snippets().cloned().collect();
        if snippets.is_empty() && self.session.slide().exercises().next().is_some() {
            return self.note(
                "this slide is an exercise: :edit puts your answer in the line (:exercise opens it in $EDITOR), :check grades it, :solution shows one",
            );
        }
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
        if slide.python().next().is_none() {
            return self.problem("this slide has no Python to run; Enter moves on");
        }
        if let Some(line) = excerpt_only(self.session.lesson(), slide) {
            return self.note(&line);
        }
        let course = self.session.catalog().lessons();
        match python::run_in_course(course, self.session.lesson_index(), slide.number) {
            Ok((run, needed)) => {
                let needed: Vec<String> = needed
                    .iter()
                    .map(|n| {
                        format!(
                            "first ran the cell of {}, which defines {}",
                            n.place, n.name
                        )
                    })
                    .collect();
                for line in needed {
                    self.note(&line)?;
                }
                let (lesson, number) = (
                    self.session.lesson().id.clone(),
                    self.session.slide().number,
                );
                play::show_python(&mut self.out, &lesson, number, &run)?
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

/// For a slide whose Python is all excerpts, what `:python` says instead
/// of running it.
fn excerpt_only(lesson: &Lesson, slide: &Slide) -> Option<String> {
    let excerpt = slide.python().next()?;
    if slide
        .python()
        .any(|block| block.role != PythonRole::Excerpt)
    {
        return None;
    }
    Some(match python::whole_cell_of(lesson, excerpt) {
        Some(number) => format!(
            "this Python is an excerpt, shown and not run: the whole cell is on slide {number} (:goto {number}, then :python)"
        ),
        None => "this Python is an excerpt of a course cell, shown and not run".to_string(),
    })
}
