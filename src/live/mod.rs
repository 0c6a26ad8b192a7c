//! Live Rust: what the student types at the prompt, compiled and run by
//! evcxr as in its own REPL. Variables persist between inputs; an
//! expression's value is shown with `{:?}`.
//!
//! evcxr's context lives on a worker thread of its own, created when the
//! REPL starts, so start-up never waits for it: the REPL talks to it through
//! two channels, requests one way and [`Event`]s the other. What the live
//! code prints comes back as events too, from two threads that drain evcxr's
//! stdout and stderr (its `eval` blocks until stdout is drained), so the
//! REPL shows it in order while the code runs.
//!
//! The lessons' crates (`avance` itself, from the source this program was
//! built from, ndarray and rayon) are compiled in the background from the
//! REPL's start, beside evcxr and without blocking it (`crates.rs`), and
//! loaded the first time an input names one of them; an input that comes
//! before they are ready waits with a progress line. The build folder is
//! kept in the student's state folder, locked by one session at a time, so
//! later sessions find them compiled.

mod cpu;
mod crates;
mod diagnostic;
mod error;
mod first;
mod folder;
mod panics;
mod wording;
mod worker;

pub(crate) use worker::find_rust_libraries;

pub use crates::{Progress, READY_FILE};
pub use diagnostic::{Diagnostic, Label, render_diagnostics};
pub use error::LiveError;
pub use folder::{BuildFolder, prepare};
pub use panics::PanickedThread;

use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, OnceLock};
use std::thread;
use std::time::{Duration, Instant};

use crate::deps;

/// Set to `off` (or `0`), live Rust is not started: the REPL says so.
pub const LIVE_ENV: &str = "AVANCE_LIVE";

/// What happens after the student's input was compiled and run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// It ran; it may have panicked (the message came on stderr).
    Ran,
    /// rustc refused it.
    Refused(Vec<Diagnostic>),
    /// The process running live code died (an abort, a stack overflow...);
    /// a new one was started.
    Died(String),
    /// It ran past the time limit ([`Live::set_time_limit`]) and its
    /// process was stopped; a new one was started.
    TimedOut(Duration),
    /// Anything else evcxr reports (a bad `:dep`, an I/O error...).
    Failed(String),
}

/// How much processor time live code may use when the REPL's input is not
/// a terminal, where no Ctrl-C can stop it: [`TIME_LIMIT_ENV`] changes it.
/// Compiling does not count, nor time the code spends waiting.
pub const DEFAULT_TIME_LIMIT: Duration = Duration::from_secs(60);

/// Seconds of processor time live code may use over a pipe (`0`: no limit).
pub const TIME_LIMIT_ENV: &str = "AVANCE_LIVE_TIMEOUT";

/// The time limit [`TIME_LIMIT_ENV`] sets, or the default; a value that is
/// not a number of seconds is an error naming it.
pub fn time_limit_from_env() -> Result<Option<Duration>, String> {
    match std::env::var(TIME_LIMIT_ENV) {
        Err(_) => Ok(Some(DEFAULT_TIME_LIMIT)),
        Ok(text) => match text.trim().parse::<u64>() {
            Ok(0) => Ok(None),
            Ok(seconds) => Ok(Some(Duration::from_secs(seconds))),
            Err(_) => Err(format!(
                "{TIME_LIMIT_ENV}={text} is not a number of seconds (0 for no limit); live code keeps the default limit of {} s",
                DEFAULT_TIME_LIMIT.as_secs()
            )),
        },
    }
}

/// One input's result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation {
    /// The value of a final expression, as `{:?}` shows it.
    pub value: Option<String>,
    pub outcome: Outcome,
    /// Variables that existed before and not after (a panic took them).
    pub lost: Vec<String>,
    /// Whether the code itself panicked, not a thread it spawned.
    pub panicked: bool,
}

/// evcxr's handle on the process that runs live code.
pub(crate) struct ProcessHandle(pub(crate) Arc<Mutex<std::process::Child>>);

/// How long the code of one evaluation has run: the processor time its
/// process used since the evaluation began, or, where that cannot be read,
/// the wall-clock time.
struct RunClock {
    started: Instant,
    process: Option<(u32, Duration)>,
}

impl RunClock {
    fn start(pid: Option<u32>) -> RunClock {
        RunClock {
            started: Instant::now(),
            process: pid.and_then(|pid| Some((pid, cpu::used(pid)?))),
        }
    }

    fn elapsed(&mut self, pid: Option<u32>) -> Duration {
        match (self.process, pid) {
            (Some((counted, base)), Some(pid)) if counted == pid => {
                cpu::used(pid).map_or(Duration::ZERO, |used| used.saturating_sub(base))
            }
            // A new process (the old one died): counted from its start.
            (Some(_), Some(pid)) => {
                self.process = Some((pid, Duration::ZERO));
                cpu::used(pid).unwrap_or_default()
            }
            _ => self.started.elapsed(),
        }
    }
}

/// What stops running live code: its time limit, once it is past, and
/// Ctrl-C (over a pipe the code gets no SIGINT of its own).
struct Watch {
    clock: RunClock,
    limit: Option<Duration>,
    /// The limit, once the code ran past it.
    timed_out: Option<Duration>,
}

impl Watch {
    fn start(pid: Option<u32>, limit: Option<Duration>) -> Watch {
        Watch {
            clock: RunClock::start(pid),
            limit,
            timed_out: None,
        }
    }

    /// Whether the code running in `pid` must be stopped now.
    fn must_stop(&mut self, pid: Option<u32>) -> bool {
        if let Some(limit) = self.limit
            && self.timed_out.is_none()
            && self.clock.elapsed(pid) >= limit
        {
            self.timed_out = Some(limit);
            return true;
        }
        crate::interrupt::pressed()
    }
}

/// How often a running evaluation looks at Ctrl-C and the time limit.
const POLL: Duration = Duration::from_millis(50);

/// What the live code and the worker send to the REPL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// The context is ready, or why it will never be.
    Started(Result<(), LiveError>),
    /// The lessons' crates are being compiled (a one-time wait).
    Loading(String),
    /// An input waits for the lessons' crates, compiled in the background:
    /// this far.
    Preparing(Progress),
    Stdout(String),
    Stderr(String),
    /// A panic, on this thread, with this message.
    Panic {
        thread: PanickedThread,
        message: String,
    },
    Evaluated(Evaluation),
    Vars(Vec<(String, String)>),
    Reset(Result<(), LiveError>),
}

/// How live code is compiled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compile {
    /// Without optimisation, as evcxr's own REPL does: the quickest answer.
    Quick,
    /// At `opt-level` 2, for code that is timed (`:timeit EXPR`).
    Optimized,
}

/// What the REPL asks of the worker.
enum Request {
    Eval(String, Compile),
    Vars,
    Reset,
    /// Completions at a byte position of some code, answered on `reply`
    /// rather than as an [`Event`]: the line editor asks, not the REPL.
    Complete {
        code: String,
        position: usize,
        reply: Sender<Completions>,
    },
    /// From the thread preparing the lessons' crates: how far it is.
    Preparing(Progress),
    /// From the same thread: done, or cargo's error (shortened).
    Prepared(Result<(), String>),
}

/// What Tab offers in live Rust: the candidates, and the byte range of the
/// code they replace.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Completions {
    pub start: usize,
    pub end: usize,
    pub candidates: Vec<String>,
}

/// The line editor's way to ask the worker for completions (rust-analyzer,
/// through evcxr, with the session's variables and crates in scope).
#[derive(Clone)]
pub struct Completer {
    requests: Sender<Request>,
}

/// How long Tab waits for the worker: it may be busy starting up or
/// compiling in the background, and Tab must never hang the line.
const COMPLETION_WAIT: Duration = Duration::from_secs(3);

impl Completer {
    /// The completions of `code` at byte `position`; none when the worker
    /// is busy or gone.
    pub fn complete(&self, code: &str, position: usize) -> Option<Completions> {
        let (reply, answer) = mpsc::channel();
        let request = Request::Complete {
            code: code.to_string(),
            position,
            reply,
        };
        self.requests.send(request).ok()?;
        answer.recv_timeout(COMPLETION_WAIT).ok()
    }
}

/// Where the worker stands, as the REPL knows it.
enum State {
    Starting,
    Ready,
    Unavailable(LiveError),
}

/// The REPL's handle on live Rust.
pub struct Live {
    requests: Option<Sender<Request>>,
    events: Receiver<Event>,
    state: State,
    /// The process that runs live code, once the worker has started it:
    /// killed to stop code that Ctrl-C or the time limit stops.
    process: Arc<OnceLock<ProcessHandle>>,
    time_limit: Option<Duration>,
    /// The cargo process preparing the lessons' crates, stopped with us.
    preparing: Option<crates::Running>,
    /// Where evcxr builds, held (locked or alive) while this session runs;
    /// the first answers ([`first`]) are compiled there too.
    folder: Option<BuildFolder>,
}

impl Drop for Live {
    fn drop(&mut self) {
        if let Some(preparing) = &self.preparing {
            preparing.stop();
        }
    }
}

/// How long the REPL keeps listening for the code's last lines once evcxr
/// has answered: its stderr reaches the REPL by another thread, but was
/// written before the answer, so it is already in the pipe.
const SETTLE: Duration = Duration::from_millis(5);

impl Live {
    /// Starts the context on a background thread, in the build folder
    /// [`prepare`] chose (or says why it cannot start).
    pub fn start(prepared: Result<BuildFolder, LiveError>) -> Live {
        let folder = match prepared {
            Ok(folder) => folder,
            Err(reason) => return Live::unavailable(reason),
        };
        let (request_sender, requests) = mpsc::channel();
        let (event_sender, events) = mpsc::channel();
        let process = Arc::new(OnceLock::new());
        let for_worker = Arc::clone(&process);
        let root = folder.root.clone();
        let (specs, _) = crate_specs();
        let preparing = crates::spawn(root.clone(), specs, request_sender.clone());
        let spawned = thread::Builder::new()
            .name("live-rust".into())
            .spawn(move || worker::run(requests, event_sender, &for_worker, root));
        match spawned {
            Ok(_) => Live {
                requests: Some(request_sender),
                events,
                state: State::Starting,
                process,
                time_limit: None,
                preparing: Some(preparing),
                folder: Some(folder),
            },
            Err(e) => {
                preparing.stop();
                Live::unavailable(LiveError::Thread(e.to_string()))
            }
        }
    }

    /// A handle that answers every input with `reason`.
    pub fn unavailable(reason: LiveError) -> Live {
        let (_, events) = mpsc::channel();
        Live {
            requests: None,
            events,
            state: State::Unavailable(reason),
            process: Arc::new(OnceLock::new()),
            time_limit: None,
            preparing: None,
            folder: None,
        }
    }

    /// A handle for Tab completion, when live Rust runs.
    pub fn completer(&self) -> Option<Completer> {
        self.requests.clone().map(|requests| Completer { requests })
    }

    /// Stops live code that uses more than `limit` of processor time (no
    /// limit by default: at a terminal, Ctrl-C stops it).
    pub fn set_time_limit(&mut self, limit: Option<Duration>) {
        self.time_limit = limit;
    }

    /// Waits until the context is ready; `waiting` is called once if it is
    /// not ready yet.
    pub fn ready(
        &mut self,
        waiting: &mut dyn FnMut(),
        sink: &mut dyn FnMut(Event),
    ) -> Result<(), LiveError> {
        let mut announced = false;
        loop {
            match &self.state {
                State::Ready => return Ok(()),
                State::Unavailable(reason) => return Err(reason.clone()),
                State::Starting => {}
            }
            match self.events.recv_timeout(Duration::from_millis(100)) {
                Ok(Event::Started(Ok(()))) => self.state = State::Ready,
                Ok(Event::Started(Err(reason))) => self.state = State::Unavailable(reason),
                Ok(other) => sink(other),
                Err(RecvTimeoutError::Timeout) => {
                    if !announced {
                        announced = true;
                        waiting();
                    }
                }
                Err(RecvTimeoutError::Disconnected) => {
                    self.state = State::Unavailable(LiveError::Stopped)
                }
            }
        }
    }

    /// Before the context is ready, `code` compiled alone and run when it
    /// defines nothing ([`first`]); `None` when it waits for the context
    /// (it is ready, `code` defines something, or rustc refuses it alone:
    /// nothing of it ran). What it prints goes to `sink` as it comes.
    pub fn answer_at_once(
        &mut self,
        code: &str,
        compile: Compile,
        sink: &mut dyn FnMut(Event),
    ) -> Option<Evaluation> {
        if !matches!(self.state, State::Starting)
            || compile != Compile::Quick
            || !first::defines_nothing(code)
        {
            return None;
        }
        let folder = self.folder.as_ref()?;
        first::answer(&folder.root.join("first"), code, self.time_limit, sink)
    }

    /// Compiles and runs `code`; what it prints goes to `sink` as it comes.
    pub fn eval(
        &mut self,
        code: &str,
        compile: Compile,
        sink: &mut dyn FnMut(Event),
    ) -> Result<Evaluation, LiveError> {
        self.ask(Request::Eval(code.to_string(), compile))?;
        let mut panicked = false;
        let mut backtrace = Backtrace::default();
        let mut watch = Watch::start(self.process_id(), self.time_limit);
        let mut evaluation = loop {
            let event = match self.events.recv_timeout(POLL) {
                Ok(event) => event,
                Err(RecvTimeoutError::Timeout) => {
                    if watch.must_stop(self.process_id()) {
                        self.stop_process();
                    }
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => {
                    self.state = State::Unavailable(LiveError::Stopped);
                    return Err(LiveError::Stopped);
                }
            };
            match event {
                Event::Evaluated(evaluation) => break evaluation,
                event => {
                    panicked |= panics::is_evaluation_panic(&event);
                    if backtrace.keeps(&event) {
                        sink(event);
                    }
                }
            }
        };
        if let (Some(limit), Outcome::Died(_)) = (watch.timed_out, &evaluation.outcome) {
            evaluation.outcome = Outcome::TimedOut(limit);
        }
        // The last lines of stderr may still be on their way.
        while let Ok(event) = self.events.recv_timeout(SETTLE) {
            panicked |= panics::is_evaluation_panic(&event);
            if backtrace.keeps(&event) {
                sink(event);
            }
        }
        evaluation.panicked |= panicked;
        Ok(evaluation)
    }

    /// The live variables and their types.
    pub fn vars(
        &mut self,
        sink: &mut dyn FnMut(Event),
    ) -> Result<Vec<(String, String)>, LiveError> {
        self.ask(Request::Vars)?;
        loop {
            match self.next_event()? {
                Event::Vars(vars) => return Ok(vars),
                event => sink(event),
            }
        }
    }

    /// Restarts the context: every variable and item is forgotten.
    pub fn reset(&mut self, sink: &mut dyn FnMut(Event)) -> Result<(), LiveError> {
        self.ask(Request::Reset)?;
        loop {
            match self.next_event()? {
                Event::Reset(result) => return result,
                event => sink(event),
            }
        }
    }

    fn ask(&mut self, request: Request) -> Result<(), LiveError> {
        if let State::Unavailable(reason) = &self.state {
            return Err(reason.clone());
        }
        let sent = self
            .requests
            .as_ref()
            .is_some_and(|requests| requests.send(request).is_ok());
        if sent {
            Ok(())
        } else {
            self.state = State::Unavailable(LiveError::Stopped);
            Err(LiveError::Stopped)
        }
    }

    /// The process running live code now (evcxr replaces it when it dies).
    fn process_id(&self) -> Option<u32> {
        let ProcessHandle(child) = self.process.get()?;
        child.lock().ok().map(|child| child.id())
    }

    /// Kills the process running live code; evcxr starts another.
    fn stop_process(&self) {
        if let Some(ProcessHandle(child)) = self.process.get()
            && let Ok(mut child) = child.lock()
        {
            let _ = child.kill();
        }
    }

    fn next_event(&mut self) -> Result<Event, LiveError> {
        self.events.recv().map_err(|_| {
            self.state = State::Unavailable(LiveError::Stopped);
            LiveError::Stopped
        })
    }
}

/// Leaves out the backtrace evcxr asks for (`RUST_BACKTRACE=1` in the
/// process running live code): its frames are evcxr's wrapper and the
/// runtime's, not the student's code.
#[derive(Default)]
struct Backtrace {
    inside: bool,
}

impl Backtrace {
    fn keeps(&mut self, event: &Event) -> bool {
        let Event::Stderr(line) = event else {
            return true;
        };
        if line == "stack backtrace:" {
            self.inside = true;
            return false;
        }
        if line.starts_with("note: Some details are omitted")
            || line.starts_with("note: run with `RUST_BACKTRACE=1`")
        {
            self.inside = false;
            return false;
        }
        if self.inside && line.starts_with(char::is_whitespace) {
            return false;
        }
        self.inside = false;
        true
    }
}

/// The lessons' crates an input names, which the worker loads first.
pub fn names_lesson_crates(code: &str) -> bool {
    LIVE_CRATES.iter().any(|name| deps::names(code, name))
}

/// The crates live Rust loads: `avance` and the numeric crates its
/// lessons pass values of.
const LIVE_CRATES: [&str; 3] = [deps::AVANCE, "ndarray", "rayon"];

/// The `:dep` specification of each crate, and a note when `avance`'s
/// source is gone (the program was moved away from where it was built).
fn crate_specs() -> (Vec<String>, Option<String>) {
    let mut specs = Vec::new();
    let note = match deps::avance_spec(&[]) {
        Ok(spec) => {
            specs.push(spec);
            None
        }
        Err(missing) => Some(format!("{missing}: `avance::` is not available live")),
    };
    specs.extend(
        deps::CRATES
            .iter()
            .filter(|krate| LIVE_CRATES.contains(&krate.ident))
            .map(|krate| krate.spec.to_string()),
    );
    (specs, note)
}

#[cfg(test)]
mod tests;
