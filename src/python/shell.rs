//! One Python shell in a child process that lives across runs: IPython's
//! `InteractiveShell` where IPython is installed, else plain python3
//! (`driver.py`). Requests go as JSON lines on its stdin; each answer ends
//! with a marker on stdout (a JSON status after it) and on stderr, so that
//! what a cell prints can be passed on as it comes, `%timeit`'s line
//! included, and its end is known on both pipes.
//!
//! Ctrl-C reaches the child with the terminal's SIGINT: the cell stops
//! with `KeyboardInterrupt` and the shell lives on; a child that does not
//! answer soon after, or a cell past its time limit, is killed, and the
//! caller starts a new shell.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::PythonError;
use crate::lesson::PythonRole;

/// Printed before each answer's status; no course output contains it.
const MARKER: &str = "\u{1}avance-python-done\u{1}";

/// How long a shell may take to start (IPython imports for a second or two).
const START_TIMEOUT: Duration = Duration::from_secs(60);

/// How long a cell may take to end after Ctrl-C before the shell is killed
/// (a loop in compiled code never sees `KeyboardInterrupt`).
const INTERRUPT_GRACE: Duration = Duration::from_secs(3);

/// Which Python runs the cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShellKind {
    /// IPython's `InteractiveShell`: magics, `!cmd`.
    IPython,
    /// python3 alone: what runs without magics.
    Plain,
}

/// A piece of what a cell printed, as it came.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'a> {
    Stdout(&'a str),
    Stderr(&'a str),
}

/// What a pipe's reader thread passes on.
enum Event {
    Line(Pipe, String),
    Done(Pipe, String),
    Closed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pipe {
    Out,
    Err,
}

/// A running shell; dropping it kills the child.
pub struct Shell {
    child: Child,
    stdin: ChildStdin,
    events: Receiver<Event>,
    kind: ShellKind,
    program: String,
    /// The cells' working folder, removed with the shell.
    _folder: tempfile::TempDir,
    cells: usize,
    /// How long one request may run.
    timeout: Duration,
}

impl Shell {
    /// A shell with [`super::interpreter`].
    pub fn start() -> Result<Shell, PythonError> {
        Shell::start_with(&super::interpreter())
    }

    /// A shell with `program` (a python3), in a fresh temporary folder.
    pub fn start_with(program: &str) -> Result<Shell, PythonError> {
        let start_error = |message: String| PythonError::Start {
            program: program.to_string(),
            message,
        };
        let folder = tempfile::tempdir().map_err(|e| start_error(e.to_string()))?;
        let script = format!(
            "MARKER = {}\n{}",
            serde_json::to_string(MARKER).expect("a string serialises"),
            include_str!("driver.py")
        );
        let mut child = Command::new(program)
            .arg("-c")
            .arg(script)
            .env("PYTHONHASHSEED", "0")
            .env("PYTHONIOENCODING", "utf-8")
            .env("PYTHONDONTWRITEBYTECODE", "1")
            .env("PYTHONUNBUFFERED", "1")
            // The student's own IPython profile and history stay untouched.
            .env("IPYTHONDIR", folder.path().join(".ipython"))
            .current_dir(folder.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|error| match error.kind() {
                std::io::ErrorKind::NotFound => PythonError::NotFound {
                    program: program.to_string(),
                },
                _ => start_error(error.to_string()),
            })?;
        let (sender, events) = mpsc::channel();
        read_lines(child.stdout.take(), Pipe::Out, sender.clone());
        read_lines(child.stderr.take(), Pipe::Err, sender);
        let stdin = child.stdin.take().expect("stdin is piped");
        let mut shell = Shell {
            child,
            stdin,
            events,
            kind: ShellKind::Plain,
            program: program.to_string(),
            _folder: folder,
            cells: 0,
            timeout: START_TIMEOUT,
        };
        let mut said = String::new();
        let ready = shell.wait(&mut |piece| {
            if let Piece::Stderr(text) = piece {
                said.push_str(text);
            }
        })?;
        if ready.get("shell").and_then(Value::as_str) == Some("IPython") {
            shell.kind = ShellKind::IPython;
        } else if ready.get("shell").is_none() {
            return Err(start_error(said));
        }
        shell.timeout = super::TIMEOUT;
        Ok(shell)
    }

    pub fn kind(&self) -> ShellKind {
        self.kind
    }

    /// Requests longer than `timeout` kill the shell.
    pub fn set_timeout(&mut self, timeout: Duration) {
        self.timeout = timeout;
    }

    /// Runs one block as its role says, passing on what it prints; whether
    /// it ran without raising (a `python,raises` block: whether it raised).
    /// Excerpts are never sent.
    pub fn run(
        &mut self,
        role: PythonRole,
        source: &str,
        sink: &mut dyn FnMut(Piece),
    ) -> Result<bool, PythonError> {
        let role = match role {
            PythonRole::Excerpt => return Ok(true),
            PythonRole::Cell => "cell",
            PythonRole::Console => "console",
            PythonRole::Raises => "raises",
        };
        self.cells += 1;
        let name = format!("<cell {}>", self.cells);
        let reply = self.ask(
            json!({"op": "run", "role": role, "name": name, "source": source}),
            sink,
        )?;
        Ok(reply["ok"].as_bool() == Some(true))
    }

    /// The names `sources` use, in order of use, that neither they nor the
    /// shell define (the Python inside `%timeit` and other magics included).
    pub fn missing(&mut self, sources: &[&str]) -> Result<Vec<String>, PythonError> {
        let reply = self.ask(json!({"op": "missing", "sources": sources}), &mut |_| {})?;
        Ok(reply["names"]
            .as_array()
            .map(|names| {
                names
                    .iter()
                    .filter_map(|n| n.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default())
    }

    /// Whether the shell's Python can import `module`.
    pub fn has_module(&mut self, module: &str) -> Result<bool, PythonError> {
        let reply = self.ask(json!({"op": "has", "module": module}), &mut |_| {})?;
        Ok(reply["ok"].as_bool() == Some(true))
    }

    /// The child's process id (Ctrl-C's SIGINT reaches it as a member of
    /// the terminal's foreground group).
    pub fn id(&self) -> u32 {
        self.child.id()
    }

    fn ask(&mut self, request: Value, sink: &mut dyn FnMut(Piece)) -> Result<Value, PythonError> {
        // What came between requests (threads that an interrupted cell
        // started, still printing) is no answer's.
        while let Ok(event) = self.events.try_recv() {
            if let Event::Closed = event {
                return Err(self.died("it ended"));
            }
        }
        let line = format!("{request}\n");
        if let Err(error) = self
            .stdin
            .write_all(line.as_bytes())
            .and_then(|()| self.stdin.flush())
        {
            return Err(self.died(&error.to_string()));
        }
        self.wait(sink)
    }

    /// Passes on what comes until both pipes' markers came; the status.
    fn wait(&mut self, sink: &mut dyn FnMut(Piece)) -> Result<Value, PythonError> {
        let deadline = Instant::now() + self.timeout;
        let mut out = Stream::default();
        let mut err = Stream::default();
        let mut status = None;
        let mut interrupted_at: Option<Instant> = None;
        while status.is_none() || !err.done {
            match self.events.recv_timeout(Duration::from_millis(20)) {
                Ok(Event::Line(Pipe::Out, line)) => {
                    out.line(&line, &mut |t| sink(Piece::Stdout(t)))
                }
                Ok(Event::Line(Pipe::Err, line)) => {
                    err.line(&line, &mut |t| sink(Piece::Stderr(t)))
                }
                Ok(Event::Done(Pipe::Out, reply)) => {
                    out.pending = false;
                    status = Some(serde_json::from_str(&reply).unwrap_or(Value::Null));
                }
                Ok(Event::Done(Pipe::Err, _)) => {
                    err.pending = false;
                    err.done = true;
                }
                Ok(Event::Closed) | Err(RecvTimeoutError::Disconnected) => {
                    return Err(self.died("it ended"));
                }
                Err(RecvTimeoutError::Timeout) => {}
            }
            if Instant::now() > deadline {
                self.kill();
                return Err(PythonError::TimedOut {
                    seconds: self.timeout.as_secs(),
                });
            }
            if crate::interrupt::pressed()
                && interrupted_at.get_or_insert_with(Instant::now).elapsed() > INTERRUPT_GRACE
            {
                self.kill();
                return Err(PythonError::Killed);
            }
        }
        Ok(status.unwrap_or(Value::Null))
    }

    fn died(&mut self, why: &str) -> PythonError {
        self.kill();
        PythonError::Start {
            program: self.program.clone(),
            message: format!("the Python shell stopped: {why}"),
        }
    }

    fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Shell {
    fn drop(&mut self) {
        self.kill();
    }
}

/// One pipe's text passed on line by line, each line's newline held back
/// until the next line comes: the driver puts a newline before its
/// marker, which is not the cell's.
#[derive(Default)]
struct Stream {
    pending: bool,
    done: bool,
}

impl Stream {
    fn line(&mut self, line: &str, sink: &mut dyn FnMut(&str)) {
        if self.pending {
            sink("\n");
        }
        let text = line.strip_suffix('\n');
        self.pending = text.is_some();
        let text = text.unwrap_or(line);
        if !text.is_empty() {
            sink(text);
        }
    }
}

/// Reads a pipe line by line on its own thread, telling markers apart.
fn read_lines(pipe: Option<impl Read + Send + 'static>, which: Pipe, events: Sender<Event>) {
    let Some(pipe) = pipe else { return };
    thread::spawn(move || {
        let mut reader = BufReader::new(pipe);
        let mut bytes = Vec::new();
        loop {
            bytes.clear();
            match reader.read_until(b'\n', &mut bytes) {
                Ok(0) | Err(_) => {
                    let _ = events.send(Event::Closed);
                    return;
                }
                Ok(_) => {}
            }
            let line = String::from_utf8_lossy(&bytes).into_owned();
            let event = match line.strip_prefix(MARKER) {
                Some(status) => Event::Done(which, status.trim_end().to_string()),
                None => Event::Line(which, line),
            };
            if events.send(event).is_err() {
                return;
            }
        }
    });
}
