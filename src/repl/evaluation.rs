//! How one live evaluation is reported: its value, the panic and the
//! variables it lost, rustc's diagnostics drawn over the code as the student
//! wrote it, or the worker that died.

use std::io::{self, Write};

use colored::Colorize;

use crate::live::{self, Evaluation, Outcome};

use super::Repl;
use crate::tr;

impl<W: Write> Repl<W> {
    pub(super) fn show_evaluation(
        &mut self,
        code: &str,
        shown: &str,
        evaluation: &Evaluation,
    ) -> io::Result<()> {
        match &evaluation.outcome {
            Outcome::Ran => {
                if let Some(value) = &evaluation.value {
                    writeln!(self.out, "{value}")?;
                }
                if evaluation.panicked {
                    let lost = if evaluation.lost.is_empty() {
                        tr!("panic-nothing-lost")
                    } else {
                        tr!("panic-lost", names = names(&evaluation.lost))
                    };
                    writeln!(
                        self.out,
                        "{} {}",
                        tr!("panic-prefix").red().bold(),
                        tr!("panic-goes-on", lost = lost)
                    )?;
                }
            }
            Outcome::Refused(diagnostics) => {
                let diagnostics = shift_lines(code, shown, diagnostics);
                write!(
                    self.out,
                    "{}",
                    live::render_diagnostics(shown, &diagnostics)
                )?;
            }
            Outcome::Died(why) => {
                let lost = if evaluation.lost.is_empty() {
                    String::new()
                } else {
                    format!(": {}", names(&evaluation.lost))
                };
                if crate::interrupt::take() {
                    writeln!(
                        self.out,
                        "{} {}",
                        tr!("interrupted-prefix").yellow(),
                        tr!("live-interrupted", lost = lost)
                    )?;
                } else {
                    writeln!(
                        self.out,
                        "{} {}",
                        tr!("error-prefix").red().bold(),
                        tr!("live-died", why = why.as_str(), lost = lost)
                    )?;
                }
            }
            Outcome::TimedOut(limit) => {
                let lost = if evaluation.lost.is_empty() {
                    String::new()
                } else {
                    format!(": {}", names(&evaluation.lost))
                };
                writeln!(
                    self.out,
                    "{} {}",
                    tr!("stopped-prefix").yellow(),
                    tr!(
                        "live-timed-out",
                        seconds = limit.as_secs(),
                        variable = crate::live::TIME_LIMIT_ENV,
                        lost = lost
                    )
                )?;
            }
            Outcome::Failed(why) => self.problem(why)?,
        }
        if !evaluation.panicked
            && !matches!(evaluation.outcome, Outcome::Died(_) | Outcome::TimedOut(_))
            && !evaluation.lost.is_empty()
        {
            self.problem(&tr!("variables-lost", names = names(&evaluation.lost)))?;
        }
        Ok(())
    }
}

/// Diagnostics on `code` moved onto `shown`, which `code` holds whole
/// from one of its lines on; labels outside it are dropped.
fn shift_lines(code: &str, shown: &str, diagnostics: &[live::Diagnostic]) -> Vec<live::Diagnostic> {
    let offset = code
        .lines()
        .position(|line| shown.lines().next() == Some(line))
        .unwrap_or(0);
    let shown_lines = shown.lines().count();
    diagnostics
        .iter()
        .map(|diagnostic| {
            let mut diagnostic = diagnostic.clone();
            diagnostic.labels = diagnostic
                .labels
                .into_iter()
                .filter(|label| label.line > offset && label.line <= offset + shown_lines)
                .map(|mut label| {
                    label.line -= offset;
                    label.end_line = label.end_line.saturating_sub(offset).max(label.line);
                    label
                })
                .collect();
            diagnostic
        })
        .collect()
}

/// `a`, `b` as a list of names in backquotes.
fn names(names: &[String]) -> String {
    names
        .iter()
        .map(|name| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
