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
//! built from, ndarray and rayon) are loaded the first time an input names
//! one of them, with a message: compiling them takes a while once. The
//! build folder is kept in the student's state folder, locked by one session
//! at a time, so later sessions find them compiled.

mod diagnostic;
mod worker;

pub use diagnostic::{Diagnostic, Label, render_diagnostics};

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::Duration;

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
    /// Anything else evcxr reports (a bad `:dep`, an I/O error...).
    Failed(String),
}

/// One input's result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation {
    /// The value of a final expression, as `{:?}` shows it.
    pub value: Option<String>,
    pub outcome: Outcome,
    /// Variables that existed before and not after (a panic took them).
    pub lost: Vec<String>,
    /// Whether the code panicked (seen on its stderr).
    pub panicked: bool,
}

/// What the live code and the worker send to the REPL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// The context is ready, or why it will never be.
    Started(Result<(), String>),
    /// The lessons' crates are being compiled (a one-time wait).
    Loading(String),
    Stdout(String),
    Stderr(String),
    Evaluated(Evaluation),
    Vars(Vec<(String, String)>),
    Reset(Result<(), String>),
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
}

/// Where the worker stands, as the REPL knows it.
enum State {
    Starting,
    Ready,
    Unavailable(String),
}

/// The REPL's handle on live Rust.
pub struct Live {
    requests: Option<Sender<Request>>,
    events: Receiver<Event>,
    state: State,
    /// Where evcxr builds, held (locked or alive) while this session runs.
    _folder: Option<BuildFolder>,
}

/// How long the REPL keeps listening for the code's last lines once evcxr
/// has answered: its stderr reaches the REPL by another thread, but was
/// written before the answer, so it is already in the pipe.
const SETTLE: Duration = Duration::from_millis(5);

impl Live {
    /// Starts the context on a background thread. `build_dir` is the folder
    /// kept between sessions, if there is one (`None`: a temporary folder).
    pub fn start(build_dir: Option<&Path>) -> Live {
        if let Some(reason) = disabled_by_env() {
            return Live::unavailable(reason);
        }
        if let Err(reason) = toolchain() {
            return Live::unavailable(reason);
        }
        let folder = match BuildFolder::prepare(build_dir) {
            Ok(folder) => folder,
            Err(reason) => return Live::unavailable(reason),
        };
        // SAFETY: called from the REPL's thread before the live worker
        // exists; nothing else in this program reads or writes the
        // environment concurrently at this point (no other thread of ours
        // is running), and evcxr reads it only on the worker.
        unsafe { std::env::set_var("EVCXR_TMPDIR", folder.evcxr_dir()) };
        let (request_sender, requests) = mpsc::channel();
        let (event_sender, events) = mpsc::channel();
        let spawned = thread::Builder::new()
            .name("live-rust".into())
            .spawn(move || worker::run(requests, event_sender));
        match spawned {
            Ok(_) => Live {
                requests: Some(request_sender),
                events,
                state: State::Starting,
                _folder: Some(folder),
            },
            Err(e) => Live::unavailable(format!("cannot start live Rust's thread: {e}")),
        }
    }

    /// A handle that answers every input with `reason`.
    pub fn unavailable(reason: String) -> Live {
        let (_, events) = mpsc::channel();
        Live {
            requests: None,
            events,
            state: State::Unavailable(reason),
            _folder: None,
        }
    }

    /// Waits until the context is ready; `waiting` is called once if it is
    /// not ready yet.
    pub fn ready(
        &mut self,
        waiting: &mut dyn FnMut(),
        sink: &mut dyn FnMut(Event),
    ) -> Result<(), String> {
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
                    self.state = State::Unavailable("live Rust stopped unexpectedly".into())
                }
            }
        }
    }

    /// Compiles and runs `code`; what it prints goes to `sink` as it comes.
    pub fn eval(
        &mut self,
        code: &str,
        compile: Compile,
        sink: &mut dyn FnMut(Event),
    ) -> Result<Evaluation, String> {
        self.ask(Request::Eval(code.to_string(), compile))?;
        let mut panicked = false;
        let mut backtrace = Backtrace::default();
        let mut evaluation = loop {
            match self.next_event()? {
                Event::Evaluated(evaluation) => break evaluation,
                event => {
                    panicked |= is_panic_line(&event);
                    if backtrace.keeps(&event) {
                        sink(event);
                    }
                }
            }
        };
        // The last lines of stderr may still be on their way.
        while let Ok(event) = self.events.recv_timeout(SETTLE) {
            panicked |= is_panic_line(&event);
            if backtrace.keeps(&event) {
                sink(event);
            }
        }
        evaluation.panicked |= panicked;
        Ok(evaluation)
    }

    /// The live variables and their types.
    pub fn vars(&mut self, sink: &mut dyn FnMut(Event)) -> Result<Vec<(String, String)>, String> {
        self.ask(Request::Vars)?;
        loop {
            match self.next_event()? {
                Event::Vars(vars) => return Ok(vars),
                event => sink(event),
            }
        }
    }

    /// Restarts the context: every variable and item is forgotten.
    pub fn reset(&mut self, sink: &mut dyn FnMut(Event)) -> Result<(), String> {
        self.ask(Request::Reset)?;
        loop {
            match self.next_event()? {
                Event::Reset(result) => return result,
                event => sink(event),
            }
        }
    }

    fn ask(&mut self, request: Request) -> Result<(), String> {
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
            let reason = "live Rust stopped unexpectedly".to_string();
            self.state = State::Unavailable(reason.clone());
            Err(reason)
        }
    }

    fn next_event(&mut self) -> Result<Event, String> {
        self.events.recv().map_err(|_| {
            let reason = "live Rust stopped unexpectedly".to_string();
            self.state = State::Unavailable(reason.clone());
            reason
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

fn is_panic_line(event: &Event) -> bool {
    matches!(event, Event::Stderr(line) if line.contains("panicked at"))
}

fn disabled_by_env() -> Option<String> {
    let value = std::env::var(LIVE_ENV).ok()?;
    matches!(value.as_str(), "off" | "0")
        .then(|| format!("live Rust is off ({LIVE_ENV}={value}); commands still work"))
}

/// evcxr needs cargo and rustc on PATH.
fn toolchain() -> Result<(), String> {
    let missing: Vec<&str> = ["cargo", "rustc"]
        .into_iter()
        .filter(|tool| find_on_path(tool).is_none())
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "live Rust needs a Rust toolchain ({} not found on PATH; https://rustup.rs); the slides' compiled snippets still run with :run",
            missing.join(" and ")
        ))
    }
}

fn find_on_path(tool: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(tool))
        .find(|candidate| candidate.is_file())
}

/// Where evcxr compiles: the kept folder, locked for this session, or a
/// temporary one when another session holds it or there is none.
///
/// Either way evcxr's folder sits one level down, beside a cargo
/// configuration that keeps every dependency at `opt-level` 2: the
/// student's code compiles at level 0 for a quick answer and at 2 for
/// `:timeit`, and neither switch rebuilds the lessons' crates.
struct BuildFolder {
    /// Without symbolic links (see [`resolved`]).
    root: PathBuf,
    _held: Held,
}

/// What keeps the folder this session's: the kept folder's lock, or the
/// temporary folder itself (removed when dropped).
enum Held {
    Lock { _file: File },
    Temporary { _dir: tempfile::TempDir },
}

/// The build folder's path without symbolic links: rustc writes the path
/// from a compiled library to Rust's own as a relative `RUNPATH`, and gets
/// it wrong when the folder is reached through a link (the library then
/// cannot be loaded: "dlopen failed").
fn resolved(root: &Path) -> Result<PathBuf, String> {
    std::fs::canonicalize(root).map_err(|e| {
        format!(
            "live Rust cannot use its build folder {}: {e}",
            root.display()
        )
    })
}

/// Cargo reads `.cargo/config.toml` in every folder above the one it runs
/// in; evcxr writes its own one level down, so this one is merged with it.
const DEPENDENCIES_OPTIMIZED: &str = "# Written by avance: the lessons' crates stay optimised whatever\n\
# level live code is compiled at.\n\
[profile.dev.package.\"*\"]\nopt-level = 2\n";

impl BuildFolder {
    fn prepare(kept: Option<&Path>) -> Result<BuildFolder, String> {
        let (root, held) = match kept.and_then(|root| Some((root, lock_build_dir(root)?))) {
            Some((root, lock)) => {
                move_first_layout(root);
                (root.to_path_buf(), Held::Lock { _file: lock })
            }
            None => {
                let dir = tempfile::Builder::new()
                    .prefix("avance-live")
                    .tempdir()
                    .map_err(|e| format!("live Rust cannot create its build folder: {e}"))?;
                (dir.path().to_path_buf(), Held::Temporary { _dir: dir })
            }
        };
        let folder = BuildFolder {
            root: resolved(&root)?,
            _held: held,
        };
        let config = folder.root.join(".cargo").join("config.toml");
        std::fs::create_dir_all(folder.root.join(".cargo"))
            .and_then(|()| std::fs::write(&config, DEPENDENCIES_OPTIMIZED))
            .map_err(|e| format!("live Rust cannot write {}: {e}", config.display()))?;
        Ok(folder)
    }

    fn evcxr_dir(&self) -> PathBuf {
        self.root.join("evcxr")
    }
}

/// Before evcxr's folder moved one level down, evcxr built in the kept
/// folder itself: its compiled crates move down with it (they do not depend
/// on where the folder is), and its generated crate goes.
fn move_first_layout(root: &Path) {
    let (old_target, new_target) = (root.join("target"), root.join("evcxr").join("target"));
    if !old_target.is_dir() || new_target.exists() {
        return;
    }
    if std::fs::create_dir_all(root.join("evcxr")).is_ok()
        && std::fs::rename(&old_target, &new_target).is_ok()
    {
        let _ = std::fs::remove_dir_all(root.join("src"));
        for generated in ["Cargo.toml", "Cargo.lock"] {
            let _ = std::fs::remove_file(root.join(generated));
        }
    }
}

/// Locks the kept build folder for this session; `None` when another
/// session holds it or it cannot be created.
fn lock_build_dir(dir: &Path) -> Option<File> {
    std::fs::create_dir_all(dir).ok()?;
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join("avance.lock"))
        .ok()?;
    file.try_lock().ok()?;
    Some(file)
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
mod tests {
    use super::*;

    #[test]
    fn the_build_folder_keeps_dependencies_optimised_and_moves_the_first_layout_down() {
        let state = tempfile::tempdir().unwrap();
        let root = state.path().join("live");
        // What evcxr left in the kept folder before it moved down a level.
        std::fs::create_dir_all(root.join("target/debug/deps")).unwrap();
        std::fs::write(root.join("target/debug/deps/libndarray.rlib"), "compiled").unwrap();
        std::fs::create_dir_all(root.join("src")).unwrap();
        std::fs::write(root.join("Cargo.toml"), "[package]").unwrap();

        let folder = BuildFolder::prepare(Some(&root)).unwrap();
        let root = std::fs::canonicalize(&root).unwrap();
        assert_eq!(folder.evcxr_dir(), root.join("evcxr"));
        let config = std::fs::read_to_string(root.join(".cargo/config.toml")).unwrap();
        assert!(config.contains("[profile.dev.package.\"*\"]\nopt-level = 2\n"));
        let moved = root.join("evcxr/target/debug/deps/libndarray.rlib");
        assert_eq!(std::fs::read_to_string(moved).unwrap(), "compiled");
        assert!(!root.join("target").exists() && !root.join("src").exists());
        assert!(!root.join("Cargo.toml").exists());
        // A second session finds it locked and builds in a folder of its own.
        let second = BuildFolder::prepare(Some(&root)).unwrap();
        assert!(matches!(second._held, Held::Temporary { .. }));
        assert!(second.root.join(".cargo/config.toml").is_file());
    }

    #[test]
    fn backtraces_are_left_out() {
        let mut backtrace = Backtrace::default();
        let lines = [
            "thread '<unnamed>' panicked at src/lib.rs:3:1:",
            "boom",
            "stack backtrace:",
            "   0: __rustc::rust_begin_unwind",
            "             at /rustc/library/std/src/panicking.rs:689:5",
            "note: Some details are omitted, run with `RUST_BACKTRACE=full` for a verbose backtrace.",
            "after",
        ];
        let kept: Vec<&str> = lines
            .into_iter()
            .filter(|line| backtrace.keeps(&Event::Stderr(line.to_string())))
            .collect();
        assert_eq!(
            kept,
            [
                "thread '<unnamed>' panicked at src/lib.rs:3:1:",
                "boom",
                "after"
            ]
        );
    }

    #[test]
    fn inputs_naming_the_lessons_crates_are_recognised() {
        assert!(names_lesson_crates("avance::timeit::timeit(|| 1)"));
        assert!(names_lesson_crates("use ndarray::Array2;"));
        assert!(names_lesson_crates(
            "(0..10).into_par_iter(); use rayon::prelude::*;"
        ));
        assert!(!names_lesson_crates("let avancement = 1;"));
        assert!(!names_lesson_crates("println!(\"{}\", 1 + 1)"));
        assert!(!names_lesson_crates("let t = std::time::Instant::now();"));
    }

    #[test]
    fn the_crate_specs_name_avance_by_path_without_its_terminal_part() {
        let (specs, note) = crate_specs();
        assert!(note.is_none());
        assert!(specs[0].starts_with("avance = { path = "), "{specs:?}");
        assert!(
            specs[0].ends_with("default-features = false }"),
            "{specs:?}"
        );
        assert_eq!(specs[1..], ["ndarray = \"0.17\"", "rayon = \"1.11\""]);
    }
}
