//! A child process run to its end, to a deadline or until its caller stops
//! it, with its stdout and stderr read on their own threads so that a
//! chatty child never blocks: `avance check`'s snippets, the presenter's
//! runs, the exercises' tests.

use std::io::Read;
use std::process::{Command, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// How a child process ended.
#[derive(Debug)]
pub struct ChildOutput {
    /// `None` when it was killed, at the deadline or by its caller.
    pub status: Option<ExitStatus>,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `command` with no input, killing it after `timeout`.
pub fn run(command: Command, timeout: Duration) -> std::io::Result<ChildOutput> {
    run_until(command, timeout, || false)
}

/// As [`run`], killing the child as soon as `stop()` says so too (asked
/// every few milliseconds: a key pressed in the presenter).
pub fn run_until(
    mut command: Command,
    timeout: Duration,
    mut stop: impl FnMut() -> bool,
) -> std::io::Result<ChildOutput> {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());
    let deadline = Instant::now() + timeout;
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break Some(status);
        }
        if Instant::now() > deadline || stop() {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        thread::sleep(Duration::from_millis(5));
    };
    Ok(ChildOutput {
        status,
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
    })
}

/// Reads a pipe to the end on its own thread.
fn drain(pipe: Option<impl Read + Send + 'static>) -> thread::JoinHandle<String> {
    thread::spawn(move || {
        let mut text = Vec::new();
        if let Some(mut pipe) = pipe {
            let _ = pipe.read_to_end(&mut text);
        }
        String::from_utf8_lossy(&text).into_owned()
    })
}
