//! The port of `multiprocessing` with its two queues: `workers` child
//! processes of this program (`avance worker`, a hidden command), each fed
//! indices through a pipe to its stdin and answering `INDEX NANOSECONDS`
//! lines on its stdout. The parent is the input queue: it hands a worker its
//! next index when the worker's answer comes back, so a fast worker takes
//! more. A reader thread per worker turns the answers into one channel, the
//! output queue.
//!
//! A worker that dies is not waited for forever (the course's `r.get()`
//! would be): its exit status is kept with the index it had not finished,
//! and the others carry on with the rest.

use std::collections::VecDeque;
use std::fmt;
use std::io::{self, BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use super::Workload;

/// The environment variable that makes a worker exit with status 3 when it
/// receives this index, before running it (for tests and the demo of a
/// dying worker).
pub const DIE_AT_VAR: &str = "AVANCE_WORKER_DIE_AT";
/// The exit status of a worker told to die.
pub const DIE_STATUS: i32 = 3;

/// Why the processes could not be run at all (a worker that dies is not an
/// error: see [`Death`]).
#[derive(Debug, thiserror::Error)]
pub enum ProcessError {
    #[error("cannot start worker {worker} ({}): {source}", .program.display())]
    Spawn {
        worker: usize,
        program: PathBuf,
        source: io::Error,
    },
    #[error("worker {worker} answered {line:?}, not `INDEX NANOSECONDS` for index {expected:?}")]
    Protocol {
        worker: usize,
        line: String,
        expected: Option<usize>,
    },
    #[error("cannot wait for worker {worker}: {source}")]
    Wait { worker: usize, source: io::Error },
}

/// A worker that ended with work in hand, or with a failure status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Death {
    pub worker: usize,
    pub pid: u32,
    pub status: ExitStatus,
    /// The indices it was given and never answered.
    pub unfinished: Vec<usize>,
}

impl fmt::Display for Death {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "worker {} (pid {}) died ({}) with {:?} unfinished",
            self.worker, self.pid, self.status, self.unfinished
        )
    }
}

/// What came back from the workers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProcessRun {
    /// `(i, t)` in the order the answers arrived.
    pub results: Vec<(usize, Duration)>,
    pub deaths: Vec<Death>,
    /// Indices still queued when every worker had died.
    pub never_sent: Vec<usize>,
}

/// One request line: the index.
pub fn parse_request(line: &str) -> Option<usize> {
    line.trim().parse().ok()
}

/// One answer line, without its newline: `INDEX NANOSECONDS`.
pub fn format_reply(i: usize, t: Duration) -> String {
    format!("{i} {}", t.as_nanos())
}

/// Reads an answer line back.
pub fn parse_reply(line: &str) -> Option<(usize, Duration)> {
    let (i, nanos) = line.trim().split_once(' ')?;
    let nanos: u64 = nanos.parse().ok()?;
    Some((i.parse().ok()?, Duration::from_nanos(nanos)))
}

/// The worker's side: answers each index read from `input` with its
/// `heavy_fonction` on `output`, flushed at once; stops at the end of
/// `input`. `die_at` is [`DIE_AT_VAR`]'s index: the worker returns
/// `Ok(Some(index))` on it without running it, and its caller exits.
pub fn serve(
    work: &Workload,
    input: impl BufRead,
    mut output: impl Write,
    die_at: Option<usize>,
) -> io::Result<Option<usize>> {
    for line in input.lines() {
        let line = line?;
        let i = match parse_request(&line) {
            Some(i) if i < work.len() => i,
            _ => {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!(
                        "expected an index below {}, one per line; got {line:?}",
                        work.len()
                    ),
                ));
            }
        };
        if die_at == Some(i) {
            return Ok(Some(i));
        }
        let (j, t) = work.heavy_fonction(i);
        writeln!(output, "{}", format_reply(j, t))?;
        output.flush()?;
    }
    Ok(None)
}

/// The arguments that make `program` a worker for `work`.
pub fn worker_args(work: &Workload) -> Vec<String> {
    vec![
        "worker".into(),
        "--calls".into(),
        work.len().to_string(),
        "--max-sleep-ns".into(),
        work.max_sleep().as_nanos().to_string(),
        "--seed".into(),
        work.seed().to_string(),
    ]
}

enum Message {
    Line(usize, String),
    End(usize),
}

struct Worker {
    child: Child,
    stdin: Option<ChildStdin>,
    in_hand: VecDeque<usize>,
    ended: bool,
}

impl Worker {
    /// Sends `i`; a worker that cannot take it keeps it in hand, to be
    /// reported when its end is read.
    fn give(&mut self, i: usize) {
        self.in_hand.push_back(i);
        if let Some(stdin) = &mut self.stdin
            && writeln!(stdin, "{i}").and_then(|()| stdin.flush()).is_err()
        {
            self.stdin = None;
        }
    }
}

/// Runs every call of `work` on `workers` child processes started as
/// `program worker ...` (`program` is this program: `std::env::current_exe()`).
pub fn run(work: &Workload, program: &Path, workers: usize) -> Result<ProcessRun, ProcessError> {
    run_dying_at(work, program, workers, None)
}

/// [`run`], with the workers told (through [`DIE_AT_VAR`]) to exit with
/// status [`DIE_STATUS`] when given index `die_at`: a demo of a dying worker.
/// Without `die_at`, the workers inherit [`DIE_AT_VAR`] from this process.
pub fn run_dying_at(
    work: &Workload,
    program: &Path,
    workers: usize,
    die_at: Option<usize>,
) -> Result<ProcessRun, ProcessError> {
    let (sender, receiver) = mpsc::channel();
    let mut pool = Vec::new();
    let mut readers = Vec::new();
    for worker in 0..workers.max(1) {
        let mut command = Command::new(program);
        if let Some(i) = die_at {
            command.env(DIE_AT_VAR, i.to_string());
        }
        let mut child = command
            .args(worker_args(work))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|source| ProcessError::Spawn {
                worker,
                program: program.to_path_buf(),
                source,
            })?;
        let stdout = child.stdout.take().expect("stdout is piped");
        let sender = sender.clone();
        readers.push(thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if sender.send(Message::Line(worker, line)).is_err() {
                    return;
                }
            }
            let _ = sender.send(Message::End(worker));
        }));
        pool.push(Worker {
            stdin: child.stdin.take(),
            child,
            in_hand: VecDeque::new(),
            ended: false,
        });
    }
    drop(sender);

    let mut queue: VecDeque<usize> = (0..work.len()).collect();
    for worker in &mut pool {
        match queue.pop_front() {
            Some(i) => worker.give(i),
            None => worker.stdin = None, // nothing to do: end it
        }
    }
    let mut results = Vec::with_capacity(work.len());
    let mut deaths = Vec::new();
    let outcome = loop {
        if pool.iter().all(|w| w.ended) {
            break Ok(());
        }
        let Ok(message) = receiver.recv() else {
            break Ok(());
        };
        match message {
            Message::Line(k, line) => {
                let worker = &mut pool[k];
                let expected = worker.in_hand.front().copied();
                match parse_reply(&line) {
                    Some((i, t)) if Some(i) == expected => {
                        worker.in_hand.pop_front();
                        results.push((i, t));
                        work.tick();
                        match queue.pop_front() {
                            Some(next) => worker.give(next),
                            None => worker.stdin = None,
                        }
                    }
                    _ => {
                        break Err(ProcessError::Protocol {
                            worker: k,
                            line,
                            expected,
                        });
                    }
                }
            }
            Message::End(k) => {
                let worker = &mut pool[k];
                worker.ended = true;
                worker.stdin = None;
                let status = match worker.child.wait() {
                    Ok(status) => status,
                    Err(source) => break Err(ProcessError::Wait { worker: k, source }),
                };
                if !status.success() || !worker.in_hand.is_empty() {
                    deaths.push(Death {
                        worker: k,
                        pid: worker.child.id(),
                        status,
                        unfinished: worker.in_hand.drain(..).collect(),
                    });
                }
            }
        }
    };
    // On a protocol error the others are stopped, not left running.
    for worker in &mut pool {
        worker.stdin = None;
        if !worker.ended {
            let _ = worker.child.kill();
            let _ = worker.child.wait();
        }
    }
    for reader in readers {
        let _ = reader.join();
    }
    outcome?;
    Ok(ProcessRun {
        results,
        deaths,
        never_sent: queue.into_iter().collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replies_round_trip() {
        let t = Duration::from_nanos(99_999_123);
        assert_eq!(format_reply(17, t), "17 99999123");
        assert_eq!(parse_reply("17 99999123\n"), Some((17, t)));
        assert_eq!(parse_reply("17"), None);
        assert_eq!(parse_reply("x 1"), None);
        assert_eq!(parse_request(" 5\n"), Some(5));
    }

    #[test]
    fn serve_answers_each_index_in_turn() {
        let work = Workload::new(10, Duration::from_micros(50), 3);
        let mut out = Vec::new();
        let died = serve(&work, &b"3\n7\n"[..], &mut out, None).unwrap();
        assert_eq!(died, None);
        let text = String::from_utf8(out).unwrap();
        let replies: Vec<_> = text.lines().map(|l| parse_reply(l).unwrap()).collect();
        assert_eq!(replies, [(3, work.sleep_of(3)), (7, work.sleep_of(7))]);
    }

    #[test]
    fn serve_refuses_an_index_out_of_range_and_stops_at_die_at() {
        let work = Workload::new(10, Duration::from_micros(50), 3);
        let error = serve(&work, &b"10\n"[..], io::sink(), None).unwrap_err();
        assert!(error.to_string().contains("below 10"), "{error}");
        let mut out = Vec::new();
        assert_eq!(
            serve(&work, &b"1\n4\n5\n"[..], &mut out, Some(4)).unwrap(),
            Some(4)
        );
        assert_eq!(String::from_utf8(out).unwrap().lines().count(), 1);
    }

    #[test]
    fn a_program_that_cannot_start_is_an_error() {
        let work = Workload::new(2, Duration::from_micros(50), 3);
        let error = run(&work, Path::new("/nonexistent/avance"), 2).unwrap_err();
        assert!(
            matches!(error, ProcessError::Spawn { worker: 0, .. }),
            "{error}"
        );
    }
}
