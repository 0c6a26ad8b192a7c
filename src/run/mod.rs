//! Running snippets: the registry of snippets compiled into the binary and
//! how one runs in process, its panic caught so the REPL survives it.
//!
//! The binary builds the registry from the table `build.rs` generates; the
//! library never sees the snippets themselves, so it stays light for
//! `:dep avance` in evcxr.

mod outcome;

pub use outcome::Outcome;

use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

use crate::lesson::{Scale, Snippet};

/// The exit status of a program that panicked (Rust's own), which the
/// child `avance snippet ID` returns and `avance check` expects.
pub const PANIC_EXIT_STATUS: u8 = 101;

/// One snippet compiled into the binary.
#[derive(Debug, Clone, Copy)]
pub struct CompiledSnippet {
    /// `NN-slug/SLIDE[.K]`.
    pub id: &'static str,
    /// The code as compiled (hidden lines included), to notice a lesson
    /// edited since the build.
    pub code: &'static str,
    pub run: fn() -> Result<(), String>,
    /// The variant with its `#check ` lines, when it has some: the smaller
    /// sizes `avance check` runs.
    pub check: Option<fn() -> Result<(), String>>,
}

/// The compiled snippets, looked up by id.
#[derive(Debug, Clone, Copy)]
pub struct Registry {
    snippets: &'static [CompiledSnippet],
}

/// How running a snippet in process ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RunOutcome {
    /// It returned normally.
    Finished,
    /// Its `main` returned an error.
    Failed(String),
    /// It panicked, with this message.
    Panicked(String),
}

impl RunOutcome {
    /// The outcome as a child process hands it to its parent: a first line
    /// `finished`, `failed` or `panicked`, then the message.
    pub fn to_record(&self) -> String {
        match self {
            RunOutcome::Finished => "finished\n".to_string(),
            RunOutcome::Failed(error) => format!("failed\n{error}"),
            RunOutcome::Panicked(message) => format!("panicked\n{message}"),
        }
    }

    /// Reads [`RunOutcome::to_record`]'s text back; `None` for any other text.
    pub fn from_record(record: &str) -> Option<RunOutcome> {
        let (kind, message) = record.split_once('\n').unwrap_or((record, ""));
        match kind {
            "finished" => Some(RunOutcome::Finished),
            "failed" => Some(RunOutcome::Failed(message.to_string())),
            "panicked" => Some(RunOutcome::Panicked(message.to_string())),
            _ => None,
        }
    }
}

/// Why a snippet cannot run from this binary.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotRunnable {
    #[error("snippet {0} is not compiled into this program (marked ignore or compile_fail)")]
    NotCompiled(String),
    #[error("snippet {0} is compiled but not run (marked no_run)")]
    NoRun(String),
    #[error(
        "snippet {0} was edited since this program was built; rebuild it (cargo build) to run the new code"
    )]
    Stale(String),
    #[error(
        "snippet {0} is new: this program was built without it; put its lesson in lessons/ and rebuild (cargo build) to run it"
    )]
    NotBuiltIn(String),
}

#[cfg(feature = "cli")]
impl NotRunnable {
    /// The reason in the course's language (the terminal program's
    /// messages, which this crate without `cli` does not have).
    pub fn localized(&self) -> String {
        use crate::tr;
        match self {
            NotRunnable::NotCompiled(id) => tr!("not-runnable-not-compiled", id = id.as_str()),
            NotRunnable::NoRun(id) => tr!("not-runnable-no-run", id = id.as_str()),
            NotRunnable::Stale(id) => tr!("not-runnable-stale", id = id.as_str()),
            NotRunnable::NotBuiltIn(id) => tr!("not-runnable-not-built-in", id = id.as_str()),
        }
    }
}

impl Registry {
    pub const fn new(snippets: &'static [CompiledSnippet]) -> Self {
        Registry { snippets }
    }

    pub fn get(&self, id: &str) -> Option<&'static CompiledSnippet> {
        self.snippets.iter().find(|snippet| snippet.id == id)
    }

    pub fn len(&self) -> usize {
        self.snippets.len()
    }

    pub fn is_empty(&self) -> bool {
        self.snippets.is_empty()
    }

    /// The compiled code for a snippet of a lesson, if it is runnable and the
    /// lesson text still says what was compiled.
    pub fn runnable(&self, snippet: &Snippet) -> Result<&'static CompiledSnippet, NotRunnable> {
        if !snippet.is_compiled() {
            return Err(NotRunnable::NotCompiled(snippet.id.clone()));
        }
        if !snippet.is_run() {
            return Err(NotRunnable::NoRun(snippet.id.clone()));
        }
        match self.get(&snippet.id) {
            Some(compiled) if compiled.code == snippet.compiled_code() => Ok(compiled),
            Some(_) => Err(NotRunnable::Stale(snippet.id.clone())),
            None => Err(NotRunnable::NotBuiltIn(snippet.id.clone())),
        }
    }
}

impl CompiledSnippet {
    /// Runs at the course's scale in this process; a panic is caught and
    /// its message returned instead of being printed by the default hook.
    pub fn run_caught(&self) -> RunOutcome {
        self.run_caught_at(Scale::Course)
    }

    /// As [`CompiledSnippet::run_caught`], at `scale`: a snippet without
    /// `#check ` lines runs the same at both.
    pub fn run_caught_at(&self, scale: Scale) -> RunOutcome {
        let run = match scale {
            Scale::Check => self.check.unwrap_or(self.run),
            Scale::Course => self.run,
        };
        install_panic_hook();
        let catching_before = CATCHING.replace(true);
        RUNS.fetch_add(1, Ordering::SeqCst);
        let result = panic::catch_unwind(AssertUnwindSafe(run));
        RUNS.fetch_sub(1, Ordering::SeqCst);
        CATCHING.set(catching_before);
        let recorded = CAUGHT.take();
        match result {
            Ok(Ok(())) => RunOutcome::Finished,
            Ok(Err(error)) => RunOutcome::Failed(error),
            Err(payload) => {
                RunOutcome::Panicked(recorded.unwrap_or_else(|| panic_text(payload.as_ref())))
            }
        }
    }
}

thread_local! {
    /// Whether this thread is running a snippet under `run_caught`.
    static CATCHING: Cell<bool> = const { Cell::new(false) };
    /// The message of the panic that ended this thread's snippet.
    static CAUGHT: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Snippets running under `run_caught` now, on any thread.
static RUNS: AtomicUsize = AtomicUsize::new(0);

/// Installs, once per process, the panic hook that routes each panic by
/// the thread it happens on: a thread running a snippet keeps the message
/// for its `RunOutcome`, printing nothing; a thread a snippet spawned says
/// so at once, at the lesson's line, as Rust would; any other panic goes
/// to the hook that was there before (the presenter's, then Rust's).
fn install_panic_hook() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            let located = || {
                let location = info
                    .location()
                    .map(|l| format!(" (at {}:{})", lesson_file(l.file()), l.line()))
                    .unwrap_or_default();
                format!("{}{location}", panic_text(info.payload()))
            };
            if CATCHING.get() {
                CAUGHT.set(Some(located()));
            } else if RUNS.load(Ordering::SeqCst) > 0 {
                let name = thread::current().name().unwrap_or("<unnamed>").to_string();
                eprintln!("thread '{name}' panicked: {}", located());
            } else {
                previous(info);
            }
        }));
    });
}

/// A generated snippet file (`$OUT_DIR/lessons/01-underscore.md/slide-3.rs`)
/// keeps the lesson's line numbers, so a panic is shown at the lesson file.
fn lesson_file(file: &str) -> &str {
    match (file.rfind("/lessons/"), file.find(".md/")) {
        (Some(start), Some(end)) if start < end => &file[start + 1..end + 3],
        _ => file,
    }
}

fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic with a non-text payload".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_snippet_files_are_shown_as_their_lesson() {
        let generated = "/target/debug/build/avance-1/out/lessons/01-underscore.md/slide-3.1.rs";
        assert_eq!(lesson_file(generated), "lessons/01-underscore.md");
        assert_eq!(lesson_file("src/main.rs"), "src/main.rs");
    }

    fn panics() -> Result<(), String> {
        panic!("on purpose")
    }

    fn fails() -> Result<(), String> {
        Err("no".into())
    }

    #[test]
    fn a_panic_is_caught_with_its_message() {
        let snippet = CompiledSnippet {
            id: "t/1",
            code: "",
            run: panics,
            check: None,
        };
        match snippet.run_caught() {
            RunOutcome::Panicked(message) => {
                assert!(message.starts_with("on purpose (at "), "{message}")
            }
            other => panic!("expected a panic, got {other:?}"),
        }
        let snippet = CompiledSnippet {
            id: "t/2",
            code: "",
            run: fails,
            check: None,
        };
        assert_eq!(snippet.run_caught(), RunOutcome::Failed("no".into()));
    }

    fn panics_a() -> Result<(), String> {
        panic!("a")
    }

    fn panics_b() -> Result<(), String> {
        panic!("b")
    }

    #[test]
    fn two_threads_running_snippets_at_once_each_get_their_own_panic() {
        let on_a_thread = |run: fn() -> Result<(), String>| {
            std::thread::spawn(move || {
                let snippet = CompiledSnippet {
                    id: "t/4",
                    code: "",
                    run,
                    check: None,
                };
                (0..200)
                    .map(|_| match snippet.run_caught() {
                        RunOutcome::Panicked(message) => message[..1].to_string(),
                        other => format!("{other:?}"),
                    })
                    .collect::<Vec<_>>()
            })
        };
        let (a, b) = (on_a_thread(panics_a), on_a_thread(panics_b));
        assert!(a.join().unwrap().iter().all(|m| m == "a"));
        assert!(b.join().unwrap().iter().all(|m| m == "b"));
    }

    #[test]
    fn an_outcome_record_reads_back_as_itself() {
        for outcome in [
            RunOutcome::Finished,
            RunOutcome::Failed("no\nreally".into()),
            RunOutcome::Panicked("boom (at lessons/01-a.md:3)".into()),
        ] {
            assert_eq!(RunOutcome::from_record(&outcome.to_record()), Some(outcome));
        }
        assert_eq!(RunOutcome::from_record(""), None);
        assert_eq!(RunOutcome::from_record("exploded\n"), None);
    }

    #[test]
    fn the_check_scale_runs_the_check_variant_when_there_is_one() {
        let snippet = CompiledSnippet {
            id: "t/3",
            code: "",
            run: fails,
            check: Some(|| Ok(())),
        };
        assert_eq!(snippet.run_caught(), RunOutcome::Failed("no".into()));
        assert_eq!(snippet.run_caught_at(Scale::Check), RunOutcome::Finished);
        let plain = CompiledSnippet {
            check: None,
            ..snippet
        };
        assert_eq!(
            plain.run_caught_at(Scale::Check),
            RunOutcome::Failed("no".into())
        );
    }
}
