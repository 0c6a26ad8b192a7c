//! A graded answer in the terminal: solved, refused by rustc (its messages
//! as they are), or the cases that failed, each in one plain line; our
//! words in the course's language.

use std::io::{self, Write};

use colored::Colorize;

use crate::grade::Grade;
use crate::tr;

/// What the answer printed is shown up to this many lines.
const PRINTED_LINES: usize = 12;

/// The grade, its lines wrapped to `width`.
pub fn grade(out: &mut impl Write, grade: &Grade, width: usize) -> io::Result<()> {
    match grade {
        Grade::Passed { cases } => {
            let which = match cases {
                1 => tr!("grade-one-case"),
                n => tr!("grade-every-case", count = *n),
            };
            writeln!(
                out,
                "{} {}",
                tr!("grade-solved").green().bold(),
                tr!("grade-pass", which = which)
            )
        }
        Grade::Refused(diagnostics) => {
            writeln!(out, "{}", tr!("grade-refused").yellow().bold())?;
            write!(out, "{diagnostics}")
        }
        Grade::Failed {
            failures,
            passed,
            printed,
        } => {
            let total = failures.len() + passed;
            writeln!(
                out,
                "{} {}",
                tr!("grade-not-yet").yellow().bold(),
                tr!("grade-cases-pass", passed = *passed, total = total)
            )?;
            for failure in failures {
                let options = textwrap::Options::new(width.max(20))
                    .initial_indent("  ✗ ")
                    .subsequent_indent("    ");
                let line = textwrap::fill(&failure.to_string(), options);
                let line = line.replacen('✗', &"✗".red().bold().to_string(), 1);
                writeln!(out, "{line}")?;
            }
            printed_lines(out, printed)
        }
    }
}

/// What the answer printed, which may say why it failed.
fn printed_lines(out: &mut impl Write, printed: &str) -> io::Result<()> {
    if printed.trim().is_empty() {
        return Ok(());
    }
    writeln!(out, "{}", tr!("grade-printed").dimmed())?;
    let lines: Vec<&str> = printed.lines().collect();
    for line in lines.iter().take(PRINTED_LINES) {
        writeln!(out, "  {} {line}", "│".dimmed())?;
    }
    if lines.len() > PRINTED_LINES {
        let more = lines.len() - PRINTED_LINES;
        writeln!(out, "  {}", tr!("grade-more-lines", count = more).dimmed())?;
    }
    Ok(())
}
