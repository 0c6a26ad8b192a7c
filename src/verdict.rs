//! The one answer to "did this snippet do what its slide says?".
//!
//! [`judge`] is a pure function from a snippet and what happened when it
//! ran (its stdout when it was captured, how it ended, or rustc's answer for
//! a `compile_fail` slide) to a [`Verdict`]. `avance check`, `avance export`,
//! `:run`, `avance run` and the presenter all call it and only format what it
//! says, so a page, a slide and `check` can never disagree.

use std::fmt;

use crate::check::compare;
use crate::lesson::{Mode, Snippet};
use crate::run::{PANIC_EXIT_STATUS, RunOutcome};
use crate::rustc::Compiled;

/// How a run ended, whether in this process or in a child.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ended {
    /// It returned normally (exit status 0).
    Finished,
    /// Its `main` returned an error, with this message.
    ReturnedError(String),
    /// It panicked, with this message (a child's: its stderr).
    Panicked(String),
    /// A child exited with another status; its stderr.
    ExitStatus { code: i32, stderr: String },
    /// A child was killed by a signal; its stderr.
    Signal(String),
    /// A child ran past its deadline and was killed, after this many seconds.
    TimedOut { seconds: u64 },
}

impl Ended {
    /// How a snippet run in this process ended.
    pub fn from_outcome(outcome: &RunOutcome) -> Self {
        match outcome {
            RunOutcome::Finished => Ended::Finished,
            RunOutcome::Failed(error) => Ended::ReturnedError(error.clone()),
            RunOutcome::Panicked(message) => Ended::Panicked(message.clone()),
        }
    }

    /// How a child `avance snippet ID` ended: `status` is `None` when it was
    /// killed at its deadline of `timeout_seconds`.
    pub fn from_child(
        status: Option<std::process::ExitStatus>,
        stderr: &str,
        timeout_seconds: u64,
    ) -> Self {
        let stderr = stderr.trim_end().to_string();
        match status.map(|status| status.code()) {
            None => Ended::TimedOut {
                seconds: timeout_seconds,
            },
            Some(Some(0)) => Ended::Finished,
            Some(Some(code)) if code == i32::from(PANIC_EXIT_STATUS) => Ended::Panicked(stderr),
            Some(Some(code)) => Ended::ExitStatus { code, stderr },
            Some(None) => Ended::Signal(stderr),
        }
    }
}

/// What happened to a snippet.
#[derive(Debug, Clone, Copy)]
pub enum Happened<'a> {
    /// It ran; `stdout` is what it printed when that was captured (the REPL
    /// lets it print straight to the terminal, and then only the ending is
    /// judged).
    Ran {
        stdout: Option<&'a str>,
        ended: &'a Ended,
    },
    /// rustc's answer to a `compile_fail` snippet compiled alone.
    Compiled(&'a Compiled),
}

/// The verdict on one snippet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// It did what its slide says.
    AsIntended,
    /// It panicked, as its `should_panic` slide intends, with this message.
    PanickedAsIntended(String),
    /// rustc refused it with every listed error code, as its slide intends.
    RefusedAsIntended,
    /// It did not do what its slide says.
    Wrong(Wrong),
}

impl Verdict {
    /// Whether it did what its slide says.
    pub fn is_as_intended(&self) -> bool {
        !matches!(self, Verdict::Wrong(_))
    }
}

/// The ways a snippet can fail its slide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Wrong {
    /// It finished, but its slide says it panics.
    FinishedButShouldPanic,
    /// It panicked, with this message.
    Panicked(String),
    /// Its `main` returned an error.
    ReturnedError(String),
    /// A child exited with another status.
    ExitStatus { code: i32, stderr: String },
    /// A child was killed by a signal.
    Signal(String),
    /// A child ran past its deadline.
    TimedOut { seconds: u64 },
    /// Its stdout differs from the output block at `line`.
    OutputDiffers { line: usize, diff: String },
    /// rustc compiled a `compile_fail` snippet.
    Compiled,
    /// rustc refused it, but without the listed codes.
    RefusedWithout {
        missing: String,
        diagnostics: String,
    },
    /// A `compile_fail` snippet that names the `avance` crate, which rustc
    /// alone cannot see.
    NeedsTheCrate(String),
}

impl fmt::Display for Wrong {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::tr;
        match self {
            Wrong::FinishedButShouldPanic => f.write_str(&tr!("wrong-should-panic")),
            Wrong::Panicked(message) => write!(f, "{}\n{message}", tr!("wrong-panicked")),
            Wrong::ReturnedError(error) => write!(f, "{} {error}", tr!("wrong-returned-error")),
            Wrong::ExitStatus { code, stderr } => {
                write!(f, "{}\n{stderr}", tr!("wrong-exit-status", code = *code))
            }
            Wrong::Signal(stderr) => write!(f, "{}\n{stderr}", tr!("wrong-signal")),
            Wrong::TimedOut { seconds } => f.write_str(&tr!("wrong-timed-out", seconds = *seconds)),
            Wrong::OutputDiffers { line, diff } => {
                write!(f, "{}\n{diff}", tr!("wrong-output-differs", line = *line))
            }
            Wrong::Compiled => f.write_str(&tr!("wrong-compiled")),
            Wrong::RefusedWithout {
                missing,
                diagnostics,
            } => write!(
                f,
                "{}\n{diagnostics}",
                tr!("wrong-refused-without", missing = missing.as_str())
            ),
            Wrong::NeedsTheCrate(diagnostics) => {
                write!(f, "{}\n{diagnostics}", tr!("wrong-needs-the-crate"))
            }
        }
    }
}

/// Whether `happened` is what `snippet`'s slide says should happen.
pub fn judge(snippet: &Snippet, happened: Happened<'_>) -> Verdict {
    match happened {
        Happened::Compiled(compiled) => judge_compiled(snippet, compiled),
        Happened::Ran { stdout, ended } => match judge_ending(snippet.mode, ended) {
            Verdict::Wrong(wrong) => Verdict::Wrong(wrong),
            ending => match (stdout, &snippet.expected) {
                (Some(stdout), Some(expected)) => match compare(stdout, &expected.text) {
                    Ok(()) => ending,
                    Err(diff) => Verdict::Wrong(Wrong::OutputDiffers {
                        line: expected.line,
                        diff,
                    }),
                },
                _ => ending,
            },
        },
    }
}

/// Whether the way it ended is what its mode promises.
fn judge_ending(mode: Mode, ended: &Ended) -> Verdict {
    match (mode, ended) {
        (Mode::ShouldPanic, Ended::Panicked(message)) => {
            Verdict::PanickedAsIntended(message.clone())
        }
        (Mode::ShouldPanic, Ended::Finished) => Verdict::Wrong(Wrong::FinishedButShouldPanic),
        (_, Ended::Finished) => Verdict::AsIntended,
        (_, Ended::Panicked(message)) => Verdict::Wrong(Wrong::Panicked(message.clone())),
        (_, Ended::ReturnedError(error)) => Verdict::Wrong(Wrong::ReturnedError(error.clone())),
        (_, Ended::ExitStatus { code, stderr }) => Verdict::Wrong(Wrong::ExitStatus {
            code: *code,
            stderr: stderr.clone(),
        }),
        (_, Ended::Signal(stderr)) => Verdict::Wrong(Wrong::Signal(stderr.clone())),
        (_, Ended::TimedOut { seconds }) => Verdict::Wrong(Wrong::TimedOut { seconds: *seconds }),
    }
}

/// A `compile_fail` snippet must be refused with every code its output
/// block lists, and never need the crate.
fn judge_compiled(snippet: &Snippet, compiled: &Compiled) -> Verdict {
    let diagnostics = match compiled {
        Compiled::Accepted => return Verdict::Wrong(Wrong::Compiled),
        Compiled::Refused(diagnostics) => diagnostics,
    };
    if crate::rustc::uses_the_crate(diagnostics) {
        return Verdict::Wrong(Wrong::NeedsTheCrate(diagnostics.clone()));
    }
    let expected = snippet.expected.as_ref().map_or("", |e| e.text.as_str());
    let missing: Vec<String> = expected_codes(expected)
        .filter(|code| !diagnostics.contains(code.as_str()))
        .collect();
    if missing.is_empty() {
        Verdict::RefusedAsIntended
    } else {
        Verdict::Wrong(Wrong::RefusedWithout {
            missing: missing.join(", "),
            diagnostics: diagnostics.clone(),
        })
    }
}

/// What must appear in rustc's diagnostics for each line of a compile_fail
/// output block: `E0616` is looked for as `[E0616]`, other lines as written.
fn expected_codes(expected: &str) -> impl Iterator<Item = String> + '_ {
    expected
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(|line| {
            let is_code = line.len() == 5
                && line.starts_with('E')
                && line[1..].chars().all(|c| c.is_ascii_digit());
            if is_code {
                format!("[{line}]")
            } else {
                line.to_string()
            }
        })
}

#[cfg(test)]
mod tests;
