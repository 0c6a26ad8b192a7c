//! The exercise commands (`:edit` puts the starter in the line, see
//! `edit.rs`): `:check` runs the last live input again against the expected
//! output, `:hint` gives one more hint each time, `:solution` shows an answer.

use std::io::{self, Write};

use colored::Colorize;

use crate::render;

use super::Repl;

impl<W: Write> Repl<W> {
    /// `:check`: the student's last live input, run again, must print the
    /// exercise's output block.
    pub(super) fn check_exercise(&mut self) -> io::Result<()> {
        let Some(exercise) = self.session.slide().exercises().next().cloned() else {
            return self.problem("this slide has no exercise to check");
        };
        let Some(code) = self.last_live.clone() else {
            return self.problem("type your answer first (:edit starts from the exercise's code)");
        };
        let expected = exercise.expected().map_or("", |e| e.text.as_str());
        self.note("Running your last input again to check what it prints:")?;
        let Some(printed) = self.live_eval(&code)? else {
            return Ok(());
        };
        match crate::check::compare(&printed, expected) {
            Ok(()) => {
                writeln!(
                    self.out,
                    "{} it prints what the exercise asks. Well done!",
                    "Solved:".green().bold()
                )?;
                if let Some(warning) = self.session.record_solved(&exercise.id) {
                    self.warn(&warning)?;
                }
                Ok(())
            }
            Err(diff) => {
                writeln!(
                    self.out,
                    "{} it does not print what the exercise asks yet:\n{diff}",
                    "Not yet:".yellow().bold()
                )?;
                let more =
                    if self.hints.get(&exercise.id).copied().unwrap_or(0) < exercise.hints.len() {
                        ":hint gives a hint, "
                    } else {
                        ""
                    };
                self.note(&format!("{more}:solution shows an answer"))
            }
        }
    }

    /// `:hint`: the exercise's hints, one more each time.
    pub(super) fn hint(&mut self) -> io::Result<()> {
        let Some(exercise) = self.session.slide().exercises().next().cloned() else {
            return self.problem("this slide has no exercise");
        };
        let shown = self.hints.entry(exercise.id.clone()).or_insert(0);
        match exercise.hints.get(*shown) {
            Some(hint) => {
                *shown += 1;
                let count = format!("Hint {}/{}:", *shown, exercise.hints.len());
                writeln!(self.out, "{} {hint}", count.yellow().bold())
            }
            None if exercise.hints.is_empty() => {
                self.note("this exercise has no hints; :solution shows an answer")
            }
            None => self.note("no more hints; :solution shows an answer"),
        }
    }

    pub(super) fn solution(&mut self) -> io::Result<()> {
        let Some(exercise) = self.session.slide().exercises().next().cloned() else {
            return self.problem("this slide has no exercise");
        };
        render::code_block(
            &mut self.out,
            "Rust · a solution",
            "rust",
            &exercise.solution.visible_code(),
        )?;
        self.note("(:edit, then type it or your own version, and :check)")
    }
}
