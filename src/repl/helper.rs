//! rustyline's helper: Tab completes command names and, after `:lesson`,
//! lesson ids and slugs, and live Rust through rust-analyzer (variables,
//! items, methods, paths: [`RustCompleter`]); the prompt is coloured without confusing the
//! line editor about its width; Enter in unfinished Rust opens a new line,
//! marked `... ` as the continuation of the input.

use rustyline::completion::{Completer, Pair};
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::validate::{ValidationContext, ValidationResult, Validator};
use rustyline::{Cmd, ConditionalEventHandler, Context, Event, EventContext, Helper, RepeatCount};

use super::balance::needs_more;
use super::command::COMMANDS;
use super::input::CONTINUATION;
use crate::live::Completer as RustCompleter;

pub struct ReplHelper {
    /// Lesson ids and slugs, the arguments `:lesson` takes.
    lesson_names: Vec<String>,
    /// Completes live Rust, once live Rust has started.
    rust: Option<RustCompleter>,
}

impl ReplHelper {
    pub fn new(lesson_names: Vec<String>) -> Self {
        ReplHelper {
            lesson_names,
            rust: None,
        }
    }

    pub fn complete_rust_with(&mut self, completer: RustCompleter) {
        self.rust = Some(completer);
    }

    /// Live Rust's completions of `line` at `pos`. The input's later lines
    /// start with the continuation mark, which is not Rust: the code asked
    /// about is the input without them, and the answer is moved back.
    fn rust_candidates(
        &self,
        completer: &RustCompleter,
        line: &str,
        pos: usize,
    ) -> (usize, Vec<String>) {
        let mark = format!("\n{CONTINUATION}");
        let before = line[..pos].replace(&mark, "\n");
        let code = before.clone() + &line[pos..].replace(&mark, "\n");
        let shift = pos - before.len();
        match completer.complete(&code, before.len()) {
            Some(found) if found.start <= before.len() => (found.start + shift, found.candidates),
            _ => (pos, Vec::new()),
        }
    }

    /// The lesson names `typed` may stand for. A number means that lesson
    /// (`2` is `02-truthiness`, as `:lesson 2` reads it), so it comes
    /// first, before the names that merely start with the digits (`20-…`).
    fn lessons_for(&self, typed: &str) -> Vec<String> {
        let numbered = |name: &&String| {
            let number = name.split_once('-').map_or("", |(number, _)| number);
            !typed.is_empty()
                && typed.chars().all(|c| c.is_ascii_digit())
                && number.parse::<u32>().ok() == typed.parse::<u32>().ok()
        };
        let exact = self.lesson_names.iter().filter(numbered);
        let prefixed = self
            .lesson_names
            .iter()
            .filter(|name| name.starts_with(typed) && !numbered(name));
        exact.chain(prefixed).cloned().collect()
    }

    fn candidates(&self, line: &str) -> (usize, Vec<String>) {
        if let Some((command, argument)) = line.split_once(' ') {
            if command == ":lesson" || command == ":l" {
                let start = line.len() - argument.len();
                return (start, self.lessons_for(argument));
            }
            return (line.len(), Vec::new());
        }
        let typed = line.strip_prefix(':').unwrap_or(line);
        let names = COMMANDS
            .iter()
            .filter(|spec| spec.name.starts_with(typed))
            .map(|spec| format!(":{}", spec.name))
            .collect();
        (0, names)
    }
}

impl Completer for ReplHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let (start, names) = match &self.rust {
            Some(completer) if !line.trim_start().starts_with(':') => {
                self.rust_candidates(completer, line, pos)
            }
            _ => self.candidates(&line[..pos]),
        };
        let pairs = names
            .into_iter()
            .map(|name| Pair {
                display: name.clone(),
                replacement: name,
            })
            .collect();
        Ok((start, pairs))
    }
}

impl Hinter for ReplHelper {
    type Hint = String;
}

impl Highlighter for ReplHelper {}

/// Enter inside an open bracket, string or block comment starts a new line
/// of the same input instead of running it.
impl Validator for ReplHelper {
    fn validate(&self, ctx: &mut ValidationContext<'_>) -> rustyline::Result<ValidationResult> {
        Ok(if needs_more(ctx.input()) {
            ValidationResult::Incomplete
        } else {
            ValidationResult::Valid(None)
        })
    }
}

impl Helper for ReplHelper {}

/// Enter at the end of unfinished Rust: a new line that starts with the
/// continuation mark. rustyline has no continuation prompt, and a prompt
/// drawn by the highlighter would throw its cursor off, so the mark is text
/// of the input, which the reader takes off again. Elsewhere Enter does
/// what it does (the validator above still keeps an unfinished input open).
pub struct ContinueUnfinished;

impl ConditionalEventHandler for ContinueUnfinished {
    fn handle(&self, _: &Event, _: RepeatCount, _: bool, ctx: &EventContext) -> Option<Cmd> {
        let at_end = ctx.pos() == ctx.line().len();
        (at_end && needs_more(ctx.line())).then(|| Cmd::Insert(1, format!("\n{CONTINUATION}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn helper() -> ReplHelper {
        ReplHelper::new(vec![
            "01-underscore".into(),
            "underscore".into(),
            "02-truthiness".into(),
        ])
    }

    #[test]
    fn completes_command_names() {
        assert_eq!(helper().candidates(":ne"), (0, vec![":next".to_string()]));
        assert_eq!(
            helper().candidates(":l").1,
            vec![":lesson", ":lessons", ":lang"]
        );
    }

    #[test]
    fn completes_lesson_names_after_lesson() {
        assert_eq!(
            helper().candidates(":lesson und"),
            (8, vec!["underscore".to_string()])
        );
        assert_eq!(
            helper().candidates(":l 0").1,
            vec!["01-underscore", "02-truthiness"]
        );
    }

    #[test]
    fn a_lesson_number_completes_to_that_lesson_first() {
        let helper = ReplHelper::new(vec![
            "02-truthiness".into(),
            "truthiness".into(),
            "20-timeit".into(),
            "21-profiling".into(),
        ]);
        assert_eq!(
            helper.candidates(":lesson 2").1,
            vec!["02-truthiness", "20-timeit", "21-profiling"]
        );
        assert_eq!(helper.candidates(":l 02").1, vec!["02-truthiness"]);
        assert_eq!(helper.candidates(":l 20").1, vec!["20-timeit"]);
    }

    #[test]
    fn completes_nothing_after_other_commands() {
        assert!(helper().candidates(":goto 3").1.is_empty());
    }
}
