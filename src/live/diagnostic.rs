//! rustc's errors on live code, pointing at what the student typed: evcxr
//! maps each span back from its generated wrapper to the student's lines
//! and columns, and this module draws them as rustc would.

use std::fmt::Write as _;

use colored::Colorize;

use super::wording;

/// One of rustc's messages, its spans in the student's code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub level: String,
    pub code: Option<String>,
    pub message: String,
    pub labels: Vec<Label>,
    /// `help:` lines, with rustc's suggested replacement where it has one.
    pub help: Vec<String>,
}

/// A span in the student's code: 1-based lines and columns, the end
/// column exclusive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub line: usize,
    pub start_column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub text: String,
    pub primary: bool,
}

impl Diagnostic {
    pub(super) fn from_evcxr(error: &evcxr::CompilationError) -> Diagnostic {
        let labels = error
            .spanned_messages()
            .iter()
            .filter_map(|message| {
                let span = message.span?;
                Some(Label {
                    line: span.start_line,
                    start_column: span.start_column,
                    end_line: span.end_line,
                    end_column: span.end_column,
                    text: message.label.clone(),
                    primary: message.is_primary,
                })
            })
            .collect();
        Diagnostic {
            level: error.level().to_string(),
            code: error.code().map(str::to_string),
            message: error.message(),
            labels,
            help: error.help(),
        }
        .in_student_terms()
    }

    /// The diagnostic as the student should read it: evcxr's generated
    /// names reworded ([`wording`]), and no label that only repeats the
    /// message (evcxr gives a span rustc left unlabelled `level: message`,
    /// which the heading already says).
    fn in_student_terms(self) -> Diagnostic {
        let message = wording::in_student_terms(&self.message);
        let repeated = format!("{}: {message}", self.level);
        let labels = self
            .labels
            .into_iter()
            .map(|label| {
                let text = wording::in_student_terms(&label.text);
                let text = if text == repeated {
                    String::new()
                } else {
                    text
                };
                Label { text, ..label }
            })
            .collect();
        Diagnostic {
            labels,
            help: self
                .help
                .iter()
                .map(|help| wording::in_student_terms(help))
                .collect(),
            message,
            ..self
        }
    }
}

/// The diagnostics as rustc draws them, over the student's `code`.
pub fn render_diagnostics(code: &str, diagnostics: &[Diagnostic]) -> String {
    let lines: Vec<&str> = code.lines().collect();
    let mut out = String::new();
    for diagnostic in diagnostics {
        render_one(&mut out, &lines, diagnostic);
    }
    out
}

fn render_one(out: &mut String, lines: &[&str], diagnostic: &Diagnostic) {
    let head = match &diagnostic.code {
        Some(code) => format!("{}[{code}]", diagnostic.level),
        None => diagnostic.level.clone(),
    };
    let head = if diagnostic.level == "error" {
        head.red().bold()
    } else {
        head.yellow().bold()
    };
    // A message of several lines goes on under its first, as rustc aligns it.
    let indent = " ".repeat(textwrap::core::display_width(&head) + 2);
    let mut message = diagnostic.message.lines();
    let first = message.next().unwrap_or_default();
    let _ = writeln!(out, "{head}{} {}", ":".bold(), first.bold());
    for line in message {
        let _ = writeln!(out, "{indent}{}", line.bold());
    }
    let mut labels: Vec<&Label> = diagnostic.labels.iter().collect();
    labels.sort_by_key(|label| (label.line, label.start_column));
    let width = labels
        .iter()
        .map(|label| label.line.to_string().len())
        .max()
        .unwrap_or(1);
    let gutter = |text: &str| format!("{text:>width$} |").blue().bold().to_string();
    let primary = labels.iter().find(|label| label.primary).or(labels.first());
    if let Some(first) = primary {
        let _ = writeln!(
            out,
            "{}{} your code, line {}, column {}",
            " ".repeat(width),
            "-->".blue().bold(),
            first.line,
            first.start_column
        );
        let _ = writeln!(out, "{}", gutter(""));
    }
    let mut shown_line = None;
    for label in labels {
        let Some(text) = label.line.checked_sub(1).and_then(|index| lines.get(index)) else {
            continue;
        };
        if shown_line != Some(label.line) {
            let _ = writeln!(out, "{} {text}", gutter(&label.line.to_string()));
            shown_line = Some(label.line);
        }
        let start = label.start_column.max(1);
        let end = if label.end_line == label.line {
            label.end_column.max(start + 1)
        } else {
            text.chars().count().max(start) + 1
        };
        let mark = if label.primary { "^" } else { "-" };
        let paint = |text: String| {
            if label.primary {
                text.red().bold()
            } else {
                text.blue().bold()
            }
        };
        // A label of several lines goes on under its first, after the marks.
        let mut text = label.text.lines();
        let marks = format!(
            "{}{}",
            mark.repeat(end - start),
            label_text(text.next().unwrap_or_default())
        );
        let _ = writeln!(
            out,
            "{} {}{}",
            gutter(""),
            " ".repeat(start - 1),
            paint(marks)
        );
        let under = " ".repeat(start - 1 + end - start + 1);
        for line in text {
            let _ = writeln!(out, "{} {under}{}", gutter(""), paint(line.to_string()));
        }
    }
    for help in &diagnostic.help {
        let mut help_lines = help.lines();
        let first = help_lines.next().unwrap_or_default();
        let _ = writeln!(
            out,
            "{}{} {} {first}",
            " ".repeat(width + 1),
            "=".blue().bold(),
            "help:".bold()
        );
        for line in help_lines.filter(|line| !line.is_empty()) {
            let _ = writeln!(out, "{}{line}", " ".repeat(width + 3));
        }
    }
}

fn label_text(text: &str) -> String {
    if text.is_empty() {
        String::new()
    } else {
        format!(" {text}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evcxrs_names_and_a_label_repeating_the_message_are_not_shown() {
        colored::control::set_override(false);
        let code = "let kept = 41";
        let diagnostic = Diagnostic {
            level: "error".into(),
            code: None,
            message: "expected `;`, found <end of input>".into(),
            labels: vec![Label {
                line: 1,
                start_column: 14,
                end_line: 1,
                end_column: 14,
                text: "error: expected `;`, found `evcxr_variable_store`".into(),
                primary: true,
            }],
            help: vec!["remove `evcxr_variable_store` here".into()],
        }
        .in_student_terms();
        assert_eq!(
            render_diagnostics(code, &[diagnostic]),
            "error: expected `;`, found the end of your input\n \
             --> your code, line 1, column 14\n  |\n\
             1 | let kept = 41\n  \
             |              ^\n  \
             = help: remove the end of your input here\n"
        );
    }

    #[test]
    fn a_message_or_label_of_several_lines_is_shown_whole_and_reworded() {
        colored::control::set_override(false);
        let diagnostic = Diagnostic {
            level: "error".into(),
            code: Some("E0277".into()),
            message: "`Point` doesn't implement `Display`\n\
                      in `evcxr_variable_store`"
                .into(),
            labels: vec![Label {
                line: 1,
                start_column: 16,
                end_line: 1,
                end_column: 17,
                text: "`Point` cannot be formatted\nwith the default formatter".into(),
                primary: true,
            }],
            help: vec![],
        }
        .in_student_terms();
        assert_eq!(
            render_diagnostics("println!(\"{}\", p);", &[diagnostic]),
            "error[E0277]: `Point` doesn't implement `Display`\n\
             \x20             in the end of your input\n \
             --> your code, line 1, column 16\n  |\n\
             1 | println!(\"{}\", p);\n  \
             |                ^ `Point` cannot be formatted\n  \
             |                  with the default formatter\n"
        );
    }

    #[test]
    fn a_span_is_drawn_under_the_students_line() {
        colored::control::set_override(false);
        let code = "let a = 1;\nlet x: i32 = \"a\";";
        let diagnostic = Diagnostic {
            level: "error".into(),
            code: Some("E0308".into()),
            message: "mismatched types".into(),
            labels: vec![
                Label {
                    line: 2,
                    start_column: 14,
                    end_line: 2,
                    end_column: 17,
                    text: "expected `i32`, found `&str`".into(),
                    primary: true,
                },
                Label {
                    line: 2,
                    start_column: 8,
                    end_line: 2,
                    end_column: 11,
                    text: "expected due to this".into(),
                    primary: false,
                },
            ],
            help: vec![],
        };
        assert_eq!(
            render_diagnostics(code, &[diagnostic]),
            "error[E0308]: mismatched types\n \
             --> your code, line 2, column 14\n  |\n\
             2 | let x: i32 = \"a\";\n  \
             |        --- expected due to this\n  \
             |              ^^^ expected `i32`, found `&str`\n"
        );
    }
}
