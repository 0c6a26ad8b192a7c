//! What the graded program reported, read into a [`Grade`] and told in
//! plain words (the course's language): which case, what it expected,
//! what it got.

use std::fmt;

use crate::child::ChildOutput;
use crate::lesson::Exercise;
use crate::tr;

use super::program::{FIELD, RECORD};

/// How an answer fared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Grade {
    /// Every case passed.
    Passed { cases: usize },
    /// rustc refused the answer: its messages, over the student's lines.
    Refused(String),
    /// It compiled, and some cases failed (or it stopped running).
    Failed {
        failures: Vec<Failure>,
        passed: usize,
        /// What the answer printed on stdout, which may tell why.
        printed: String,
    },
}

/// One case that did not pass.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The `#[test]` function's name.
    pub case: String,
    pub reason: Reason,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// An `assert_eq!(got, expected, "what")` that failed.
    Mismatch {
        what: Option<String>,
        expected: String,
        got: String,
    },
    /// A panic: `todo!()`, an `assert!`, an index out of bounds...
    Panicked(String),
    /// Stopped before the case finished: an endless loop past the time
    /// limit, or Ctrl-C.
    NeverFinished,
    /// The program died in the case: a stack overflow, an abort.
    Crashed,
}

impl Grade {
    pub fn passed(&self) -> bool {
        matches!(self, Grade::Passed { .. })
    }
}

/// Reads the program's report: a `case` record starts each case, a `failed`
/// record says it panicked and why, `done` says every case ran.
pub(super) fn read(exercise: &Exercise, output: &ChildOutput) -> Grade {
    let mut failures = Vec::new();
    let mut started: Option<&str> = None;
    let mut passed = 0;
    let mut done = false;
    for record in output.stderr.split(RECORD) {
        let mut fields = record.splitn(2, FIELD);
        match (fields.next(), fields.next()) {
            (Some("case"), Some(name)) => {
                passed += usize::from(started.is_some());
                started = Some(name);
            }
            (Some("failed"), Some(message)) => {
                if let Some(case) = started.take() {
                    failures.push(Failure {
                        case: case.to_string(),
                        reason: reason(message),
                    });
                }
            }
            (Some("done"), None) => done = true,
            _ => {}
        }
    }
    if done {
        passed += usize::from(started.is_some());
    } else {
        // The case under way when the program ended, or its first case
        // when it never reached one.
        let case = started.or_else(|| exercise.tests.cases.first().map(String::as_str));
        let reason = match output.status {
            Some(_) => Reason::Crashed,
            None => Reason::NeverFinished,
        };
        failures.push(Failure {
            case: case.unwrap_or_default().to_string(),
            reason,
        });
    }
    match failures.is_empty() {
        true => Grade::Passed { cases: passed },
        false => Grade::Failed {
            failures,
            passed,
            printed: output.stdout.clone(),
        },
    }
}

/// `assertion `left == right` failed: what\n  left: 1\n right: 2` read as a
/// mismatch (the convention: what the answer gave on the left); anything
/// else is a panic message.
fn reason(message: &str) -> Reason {
    let Some(rest) = message.strip_prefix("assertion `left == right` failed") else {
        return Reason::Panicked(message.to_string());
    };
    let (head, sides) = rest.split_once("\n  left: ").unwrap_or((rest, ""));
    let Some((got, expected)) = sides.split_once("\n right: ") else {
        return Reason::Panicked(message.to_string());
    };
    let what = head.strip_prefix(": ").map(str::to_string);
    Reason::Mismatch {
        what,
        expected: expected.to_string(),
        got: got.to_string(),
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let case = self.case.replace('_', " ");
        let why = match &self.reason {
            Reason::Mismatch {
                what: Some(what),
                expected,
                got,
            } => tr!(
                "failure-what",
                what = what.as_str(),
                expected = expected.as_str(),
                got = got.as_str()
            ),
            Reason::Mismatch {
                what: None,
                expected,
                got,
            } => tr!(
                "failure-expected",
                expected = expected.as_str(),
                got = got.as_str()
            ),
            Reason::Panicked(message) if message == "not yet implemented" => tr!("failure-todo"),
            Reason::Panicked(message) => tr!("failure-panicked", message = message.as_str()),
            Reason::NeverFinished => tr!(
                "failure-never-finished",
                seconds = super::TIME_LIMIT.as_secs()
            ),
            Reason::Crashed => tr!("failure-crashed"),
        };
        write!(f, "{case}: {why}")
    }
}
