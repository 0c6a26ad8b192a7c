//! How one live evaluation is reported: its value, the panic and the
//! variables it lost, rustc's diagnostics drawn over the code as the student
//! wrote it, or the worker that died.

use std::io::{self, Write};

use colored::Colorize;

use crate::live::{self, Evaluation, Outcome};

use super::Repl;

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
                        "no variable was lost".to_string()
                    } else {
                        format!(
                            "lost with it: {} (moved into the code that panicked)",
                            names(&evaluation.lost)
                        )
                    };
                    writeln!(
                        self.out,
                        "{} the code panicked; the session goes on, {lost}",
                        "panic:".red().bold()
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
                        "{} the live code was stopped (Ctrl-C); a new process took its place and every variable was lost{lost}",
                        "interrupted:".yellow()
                    )?;
                } else {
                    writeln!(
                        self.out,
                        "{} the process running live code died ({why}); a new one took its place and every variable was lost{lost}",
                        "error:".red().bold()
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
                    "{} the live code used more than its limit of {} s of processor time (input is not a terminal, so Ctrl-C cannot stop it; {}=SECONDS changes the limit); a new process took its place and every variable was lost{lost}",
                    "stopped:".yellow(),
                    limit.as_secs(),
                    crate::live::TIME_LIMIT_ENV
                )?;
            }
            Outcome::Failed(why) => self.problem(why)?,
        }
        if !evaluation.panicked
            && !matches!(evaluation.outcome, Outcome::Died(_) | Outcome::TimedOut(_))
            && !evaluation.lost.is_empty()
        {
            self.problem(&format!("variables lost: {}", names(&evaluation.lost)))?;
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
