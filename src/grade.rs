//! Grading an exercise: the student's answer and the lesson's hidden tests
//! are compiled together by rustc into a small program that runs every case
//! and reports each one, so an answer is judged by what its items do on
//! inputs the slide never showed, not by what it prints. The REPL's
//! `:check`, `avance exercise` and `avance check` all grade through here.

mod program;
mod verdict;

use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use crate::child;
use crate::lesson::Exercise;

pub use verdict::{Failure, Grade, Reason};

/// An answer that runs longer than this is stopped: an endless loop.
pub const TIME_LIMIT: Duration = Duration::from_secs(10);

/// Why an answer could not be graded at all.
#[derive(Debug, thiserror::Error)]
pub enum GradeError {
    NoRustc,
    Io(#[from] std::io::Error),
}

impl std::fmt::Display for GradeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            GradeError::NoRustc => crate::tr!("grade-no-rustc"),
            GradeError::Io(why) => crate::tr!("grade-io", why = why.to_string()),
        })
    }
}

/// What rustc's messages call the answer's file.
#[derive(Debug, Clone, Copy)]
pub struct AnswerName<'a>(pub &'a str);

/// Grades answers with one rustc, found once.
#[derive(Debug, Clone)]
pub struct Grader {
    rustc: PathBuf,
}

impl Grader {
    /// `RUSTC` or `rustc` on PATH ([`crate::rustc::find`]).
    pub fn find() -> Result<Grader, GradeError> {
        crate::rustc::find()
            .map(Grader::with)
            .ok_or(GradeError::NoRustc)
    }

    /// A grader with the rustc a caller found already.
    pub fn with(rustc: PathBuf) -> Grader {
        Grader { rustc }
    }

    /// Compiles `answer` with `exercise`'s hidden tests and runs every
    /// case. `stop` is asked every few milliseconds whether to give up
    /// (Ctrl-C).
    pub fn grade(
        &self,
        exercise: &Exercise,
        answer: &str,
        name: AnswerName,
        color: bool,
        stop: impl FnMut() -> bool,
    ) -> Result<Grade, GradeError> {
        let dir = tempfile::tempdir()?;
        program::write(dir.path(), exercise, answer)?;
        let compiled = Command::new(&self.rustc)
            .current_dir(dir.path())
            .args(program::RUSTC_ARGS)
            .args(["--color", if color { "always" } else { "never" }])
            .output()?;
        if !compiled.status.success() {
            let diagnostics = String::from_utf8_lossy(&compiled.stderr);
            return Ok(Grade::Refused(program::rename_files(&diagnostics, name)));
        }
        let mut run = Command::new(dir.path().join(program::EXECUTABLE));
        run.env("RUST_BACKTRACE", "0");
        let output = child::run_until(run, TIME_LIMIT, stop)?;
        Ok(verdict::read(exercise, &output))
    }
}

/// The answer the student starts from: the starter with its hidden lines.
pub fn starter(exercise: &Exercise) -> String {
    exercise.starter.compiled_code()
}

#[cfg(test)]
mod tests;
