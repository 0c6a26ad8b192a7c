//! Where REPL lines come from: rustyline in a terminal (editing, history,
//! completion), or plain lines from a pipe or file, so the REPL can be
//! scripted and tested. Both report the same four outcomes.

use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};

use rustyline::config::Config;
use rustyline::error::ReadlineError;
use rustyline::history::FileHistory;

use crate::tr;
use rustyline::{CompletionType, Editor, EventHandler, KeyCode, KeyEvent, Modifiers};

use super::balance::needs_more;
use super::helper::{ContinueUnfinished, ReplHelper};

/// One attempt to read a line.
pub enum Line {
    Text(String),
    /// Ctrl-C: the line is dropped, the REPL goes on.
    Interrupted,
    /// Ctrl-D or the end of the input.
    End,
    /// A line that could not be read (not UTF-8...), with why.
    Invalid(String),
}

pub trait LineReader {
    /// Reads a line; `prompt` is `(plain, coloured)`.
    fn read(&mut self, prompt: (&str, &str)) -> Line;
    /// Reads a line that starts as `initial`, for the student to edit.
    fn read_initial(&mut self, prompt: (&str, &str), initial: &str) -> Line;
    /// Keeps the history for the next session; a failure is the caller's to report.
    fn save_history(&mut self) -> Result<(), String>;
    /// Tab completes live Rust through `completer` from now on (a pipe has
    /// no Tab: nothing to do).
    fn complete_rust_with(&mut self, _completer: crate::live::Completer) {}
}

/// The interactive reader.
pub struct Terminal {
    editor: Editor<ReplHelper, FileHistory>,
    history: Option<PathBuf>,
}

impl Terminal {
    pub fn new(helper: ReplHelper, history: Option<PathBuf>) -> rustyline::Result<Self> {
        let config = Config::builder()
            .auto_add_history(true)
            .history_ignore_dups(true)?
            .max_history_size(1000)?
            .completion_type(CompletionType::List)
            .build();
        let mut editor = Editor::with_config(config)?;
        editor.set_helper(Some(helper));
        editor.bind_sequence(
            KeyEvent(KeyCode::Enter, Modifiers::NONE),
            EventHandler::Conditional(Box::new(ContinueUnfinished)),
        );
        if let Some(path) = &history {
            // A first session has no history file yet; that is not an
            // error. A damaged one keeps its good lines and loads again.
            if editor.load_history(path).is_err() && repair_history(path).unwrap_or(false) {
                let _ = editor.load_history(path);
            }
        }
        Ok(Terminal { editor, history })
    }
}

/// The largest history file loaded: 1000 lines of input are far less.
const MAX_HISTORY_BYTES: u64 = 4 << 20;

/// `path` where it can hold the history: absent (a first session) or a
/// regular file of a reasonable size. Otherwise why not, in one line: a
/// FIFO there would hang the line editor, and the file is left as it is.
pub fn usable_history(path: PathBuf) -> Result<PathBuf, String> {
    match crate::bounded::check_regular(&path, MAX_HISTORY_BYTES, "a history file") {
        Ok(()) => Ok(path),
        Err(crate::bounded::Unreadable::Io(e)) if e.kind() == io::ErrorKind::NotFound => Ok(path),
        Err(refused) => Err(tr!(
            "history-left-alone",
            path = path.display().to_string(),
            reason = refused.to_string()
        )),
    }
}

/// Rewrites a history file that is not UTF-8 with its valid lines only
/// (rustyline refuses the whole file otherwise, and would never save to it
/// again); `Ok(false)` when there was nothing to repair.
fn repair_history(path: &Path) -> io::Result<bool> {
    let bytes = std::fs::read(path)?;
    if std::str::from_utf8(&bytes).is_ok() {
        return Ok(false);
    }
    let kept: Vec<&str> = bytes
        .split(|&b| b == b'\n')
        .filter_map(|line| std::str::from_utf8(line).ok())
        .collect();
    crate::atomic::write(path, kept.join("\n").as_bytes())?;
    Ok(true)
}

impl Terminal {
    /// Appends the lines read since the last append to the history file.
    fn append(&mut self) -> Result<(), String> {
        let Some(path) = &self.history else {
            return Ok(());
        };
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| {
                tr!(
                    "cannot-create",
                    path = dir.display().to_string(),
                    reason = e.to_string()
                )
            })?;
        }
        self.editor.append_history(path).map_err(|e| {
            tr!(
                "history-unsaved",
                path = path.display().to_string(),
                reason = e.to_string()
            )
        })
    }
}

impl LineReader for Terminal {
    fn complete_rust_with(&mut self, completer: crate::live::Completer) {
        if let Some(helper) = self.editor.helper_mut() {
            helper.complete_rust_with(completer);
        }
    }

    fn read(&mut self, prompt: (&str, &str)) -> Line {
        match self.editor.readline(&prompt) {
            Ok(line) => {
                // Appended at once, so a closed terminal loses no history;
                // a failure here shows in `save_history` at the end.
                let _ = self.append();
                Line::Text(without_continuations(&line))
            }
            Err(ReadlineError::Interrupted) => Line::Interrupted,
            Err(ReadlineError::Eof) => Line::End,
            Err(ReadlineError::Io(e)) if e.kind() == io::ErrorKind::InvalidData => {
                Line::Invalid(tr!("line-not-utf8"))
            }
            Err(e) => Line::Invalid(e.to_string()),
        }
    }

    fn read_initial(&mut self, prompt: (&str, &str), initial: &str) -> Line {
        match self.editor.readline_with_initial(&prompt, (initial, "")) {
            Ok(line) => {
                let _ = self.append();
                Line::Text(without_continuations(&line))
            }
            Err(ReadlineError::Interrupted) => Line::Interrupted,
            Err(ReadlineError::Eof) => Line::End,
            Err(e) => Line::Invalid(e.to_string()),
        }
    }

    fn save_history(&mut self) -> Result<(), String> {
        self.append()
    }
}

/// The scripted reader: lines from standard input, echoed after the prompt
/// so that the transcript reads like a terminal session. Unfinished Rust
/// (an open bracket, string or comment) goes on over the next lines, as in
/// the terminal.
pub struct Piped<R> {
    input: R,
}

impl<R: BufRead> Piped<R> {
    pub fn new(input: R) -> Self {
        Piped { input }
    }
}

impl<R: BufRead> LineReader for Piped<R> {
    fn read(&mut self, prompt: (&str, &str)) -> Line {
        let mut text = String::new();
        loop {
            let prompt = if text.is_empty() {
                prompt.0
            } else {
                CONTINUATION
            };
            let line = match self.line(prompt) {
                Line::Text(line) => line,
                // The input ended inside unfinished Rust: rustc will say so.
                Line::End if !text.is_empty() => return Line::Text(text),
                other => return other,
            };
            if !text.is_empty() {
                text.push('\n');
            }
            text.push_str(&line);
            if !needs_more(&text) {
                return Line::Text(text);
            }
        }
    }

    /// A pipe cannot pre-fill a line: the text is shown, and an empty
    /// line takes it as it is (Enter in the terminal), anything else
    /// replaces it.
    fn read_initial(&mut self, prompt: (&str, &str), initial: &str) -> Line {
        let mut stdout = io::stdout();
        let shown = initial
            .lines()
            .map(|line| format!("{CONTINUATION}{line}\n"))
            .collect::<String>();
        if write!(stdout, "{shown}")
            .and_then(|()| stdout.flush())
            .is_err()
        {
            return Line::End;
        }
        match self.read(prompt) {
            Line::Text(text) if text.trim().is_empty() => Line::Text(initial.to_string()),
            other => other,
        }
    }

    fn save_history(&mut self) -> Result<(), String> {
        Ok(())
    }
}

impl<R: BufRead> Piped<R> {
    /// One physical line, echoed after `prompt`.
    fn line(&mut self, prompt: &str) -> Line {
        let mut bytes = Vec::new();
        match self.input.read_until(b'\n', &mut bytes) {
            Ok(0) => Line::End,
            Ok(_) => {
                while bytes.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
                    bytes.pop();
                }
                let line = String::from_utf8(bytes);
                let shown = line.as_deref().unwrap_or("<not UTF-8>");
                let mut stdout = io::stdout();
                if writeln!(stdout, "{prompt}{shown}")
                    .and_then(|()| stdout.flush())
                    .is_err()
                {
                    // Nobody reads the transcript any more (a closed pipe).
                    return Line::End;
                }
                match line {
                    Ok(line) => Line::Text(line),
                    Err(_) => Line::Invalid(tr!("line-not-utf8")),
                }
            }
            Err(e) => Line::Invalid(e.to_string()),
        }
    }
}

/// Shown before the second and later lines of one input, from a pipe as
/// in the terminal.
pub(super) const CONTINUATION: &str = "... ";

/// An input as typed in the terminal, without the continuation marks that
/// Enter put before its later lines (see [`super::helper::ContinueUnfinished`]).
fn without_continuations(line: &str) -> String {
    line.replace(&format!("\n{CONTINUATION}"), "\n")
}

#[cfg(test)]
mod tests {
    use super::{repair_history, without_continuations};

    #[test]
    fn the_continuation_marks_are_not_part_of_the_input() {
        assert_eq!(
            without_continuations("fn f() {\n... 1\n... }"),
            "fn f() {\n1\n}"
        );
        assert_eq!(
            without_continuations("let s = \"... \";"),
            "let s = \"... \";"
        );
    }

    #[test]
    fn a_history_with_a_line_that_is_not_utf8_keeps_its_other_lines() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("history");
        std::fs::write(&path, b"#V2\n:next\nlet x = \xff;\n:run\n").unwrap();
        assert!(repair_history(&path).unwrap());
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "#V2\n:next\n:run\n"
        );
        assert!(!repair_history(&path).unwrap(), "a good file is left alone");
    }
}
