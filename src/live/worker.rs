//! The thread that owns evcxr's context: creates it, then answers the
//! REPL's requests one at a time.

use std::collections::{BTreeSet, VecDeque};
use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;
use std::sync::mpsc::{Receiver, Sender, TryRecvError};
use std::thread;

use evcxr::{CommandContext, Error, EvalContext, EvalContextOutputs};

use super::{
    Compile, Completions, Diagnostic, Evaluation, Event, LiveError, Outcome, ProcessHandle,
    Progress, Request, crate_specs, crates, names_lesson_crates, panics, wording,
};

/// Starts evcxr's context, hands its process to `process`, then answers
/// requests until the REPL goes.
pub(super) fn run(
    requests: Receiver<Request>,
    events: Sender<Event>,
    process: &OnceLock<ProcessHandle>,
    root: PathBuf,
) {
    let (context, outputs) = match start_context() {
        Ok(created) => created,
        Err(reason) => {
            let _ = events.send(Event::Started(Err(LiveError::CouldNotStart(Box::new(
                reason,
            )))));
            return;
        }
    };
    // evcxr's eval blocks until its stdout is drained: drain both streams
    // on their own threads, straight to the REPL. The panic hook writes on
    // stdout (see `panics::HOOK`).
    for (receiver, wrap) in [
        (
            outputs.stdout,
            panics::recognise as fn(String) -> Vec<Event>,
        ),
        (outputs.stderr, |line| vec![Event::Stderr(line)]),
    ] {
        let events = events.clone();
        let _ = thread::Builder::new()
            .name("live-output".into())
            .spawn(move || {
                for event in receiver.iter().flat_map(wrap) {
                    if events.send(event).is_err() {
                        break;
                    }
                }
            });
    }
    let _ = process.set(ProcessHandle(context.process_handle()));
    if events.send(Event::Started(Ok(()))).is_err() {
        return;
    }
    let mut worker = Worker {
        context,
        events,
        requests,
        deferred: VecDeque::new(),
        root,
        preparation: Preparation::Running(Progress::default()),
        warmed_up: false,
        crates_loaded: false,
        hooked_process: None,
    };
    while let Some(request) = worker.next_request() {
        let event = match request {
            Request::Eval(code, compile) => Event::Evaluated(worker.eval(&code, compile)),
            Request::Vars => Event::Vars(worker.vars()),
            Request::Reset => Event::Reset(worker.reset()),
            Request::Complete {
                code,
                position,
                reply,
            } => {
                // The asker may have stopped waiting: nothing to do then.
                let _ = reply.send(worker.complete(&code, position));
                continue;
            }
            Request::Preparing(progress) => {
                worker.preparation = Preparation::Running(progress);
                continue;
            }
            Request::Prepared(result) => {
                worker.prepared(result);
                continue;
            }
        };
        if worker.events.send(event).is_err() {
            break;
        }
    }
}

/// evcxr's context, running live code in [`runtime_command`]'s process and
/// compiling at the quick level (`:timeit` asks for level 2).
fn start_context() -> Result<(CommandContext, EvalContextOutputs), LiveError> {
    let evcxr = |e: Error| LiveError::Evcxr(e.to_string().trim().to_string());
    let (context, outputs) =
        EvalContext::with_subprocess_command(runtime_command()?).map_err(evcxr)?;
    let mut context = CommandContext::with_eval_context(context);
    context.set_opt_level(QUICK).map_err(evcxr)?;
    Ok((context, outputs))
}

/// evcxr's optimisation levels for [`Compile::Quick`] and [`Compile::Optimized`].
pub(super) const QUICK: &str = "0";
const OPTIMIZED: &str = "2";

/// The process that runs live code: this program again (evcxr's runtime
/// hook answers in `main`), told where Rust's own shared libraries are. The
/// compiled code links to them, and the relative `RUNPATH` rustc writes into
/// it is wrong when the build folder and the toolchain share a parent (both
/// in the home folder, as they are for a student): rustc computes it from
/// `deps/`, and evcxr loads the copy one level up ("dlopen failed").
fn runtime_command() -> Result<Command, LiveError> {
    let program = std::env::current_exe().map_err(|e| LiveError::ProgramPath(e.to_string()))?;
    let mut command = Command::new(program);
    find_rust_libraries(&mut command);
    Ok(command)
}

/// Puts the toolchain's shared libraries first on `command`'s library
/// path, for code evcxr compiles (the live worker's, a notebook kernel's).
pub(crate) fn find_rust_libraries(command: &mut Command) {
    if let Some(libdir) = rust_libdir() {
        let mut paths = vec![libdir];
        paths.extend(
            std::env::var_os(LIBRARY_PATH)
                .iter()
                .flat_map(std::env::split_paths),
        );
        if let Ok(joined) = std::env::join_paths(paths) {
            command.env(LIBRARY_PATH, joined);
        }
    }
}

/// Where the dynamic loader looks first (evcxr sets `PATH` itself on Windows).
const LIBRARY_PATH: &str = if cfg!(target_os = "macos") {
    "DYLD_LIBRARY_PATH"
} else {
    "LD_LIBRARY_PATH"
};

/// The toolchain's folder of shared libraries (`libstd-*.so`).
fn rust_libdir() -> Option<PathBuf> {
    let output = Command::new("rustc")
        .args(["--print", "target-libdir"])
        .output()
        .ok()?;
    let libdir = String::from_utf8(output.stdout).ok()?;
    (output.status.success() && !libdir.trim().is_empty()).then(|| PathBuf::from(libdir.trim()))
}

struct Worker {
    context: CommandContext,
    events: Sender<Event>,
    requests: Receiver<Request>,
    /// Requests that came while an input waited for the lessons' crates.
    deferred: VecDeque<Request>,
    /// The build folder.
    root: PathBuf,
    preparation: Preparation,
    /// Whether [`Worker::warm_up`] ran.
    warmed_up: bool,
    crates_loaded: bool,
    /// The process [`panics::HOOK`] was last installed in (evcxr starts
    /// a new one when the code kills its own).
    hooked_process: Option<u32>,
}

/// Where the background preparation of the lessons' crates stands.
enum Preparation {
    Running(Progress),
    /// Evcxr's target folder holds them.
    Ready,
    /// cargo's error, shortened: evcxr compiles them itself at `:dep`.
    Failed(String),
}

impl Worker {
    /// The next request; the first time none is waiting, the worker warms
    /// up first (an input typed at once is not kept waiting behind it).
    fn next_request(&mut self) -> Option<Request> {
        if let Some(request) = self.deferred.pop_front() {
            return Some(request);
        }
        if !self.warmed_up {
            match self.requests.try_recv() {
                Ok(request) => return Some(request),
                Err(TryRecvError::Disconnected) => return None,
                Err(TryRecvError::Empty) => self.warm_up(),
            }
        }
        self.requests.recv().ok()
    }

    /// While the student reads the slide: the panic hook (evcxr's second
    /// build), and rust-analyzer's first look at the standard library,
    /// which the first Tab would otherwise wait for.
    fn warm_up(&mut self) {
        self.warmed_up = true;
        self.hook_panics();
        let _ = self.context.completions("", 0);
    }

    /// The preparation ended: its crates become evcxr's, unless evcxr
    /// already compiled them itself.
    fn prepared(&mut self, result: Result<(), String>) {
        self.preparation = match result {
            Ok(()) if self.crates_loaded => Preparation::Failed(String::new()),
            Ok(()) => match crates::adopt(&self.root) {
                Ok(()) => Preparation::Ready,
                Err(e) => Preparation::Failed(format!("cannot move the prepared crates: {e}")),
            },
            Err(error) => Preparation::Failed(error),
        };
    }

    /// Waits for the preparation, telling the REPL how far it is; Tab
    /// meanwhile gets no completions rather than waiting.
    fn wait_for_preparation(&mut self) {
        while let Preparation::Running(progress) = self.preparation {
            let _ = self.events.send(Event::Preparing(progress));
            match self.requests.recv() {
                Ok(Request::Preparing(progress)) => {
                    self.preparation = Preparation::Running(progress)
                }
                Ok(Request::Prepared(result)) => self.prepared(result),
                Ok(Request::Complete { reply, .. }) => {
                    let _ = reply.send(Completions::default());
                }
                Ok(other) => self.deferred.push_back(other),
                Err(_) => {
                    self.preparation = Preparation::Failed("live Rust stopped".into());
                }
            }
        }
    }

    fn eval(&mut self, code: &str, compile: Compile) -> Evaluation {
        if !self.crates_loaded
            && names_lesson_crates(code)
            && let Err(why) = self.load_crates()
        {
            return Evaluation {
                value: None,
                outcome: Outcome::Failed(why.to_string()),
                lost: Vec::new(),
                panicked: false,
            };
        }
        self.hook_panics();
        let before = self.names();
        let result = match compile {
            Compile::Quick => self.context.execute(code),
            Compile::Optimized => self.execute_optimized(code),
        };
        let after = self.names();
        let lost = before.difference(&after).cloned().collect();
        match result {
            Ok(outputs) => Evaluation {
                // `()` is no answer (a `println!`, an assignment), as
                // Python's REPL leaves `None` unsaid.
                value: outputs
                    .get("text/plain")
                    .filter(|value| *value != "()")
                    .map(str::to_string),
                outcome: Outcome::Ran,
                lost,
                panicked: false,
            },
            Err(error) => Evaluation {
                value: None,
                outcome: outcome_of(error),
                lost,
                panicked: false,
            },
        }
    }

    /// Installs [`panics::HOOK`] in the process running live code, once
    /// per process. Where it cannot be, std's own messages are read instead.
    fn hook_panics(&mut self) {
        let process = self
            .context
            .process_handle()
            .lock()
            .ok()
            .map(|child| child.id());
        if process.is_some() && process != self.hooked_process {
            self.hooked_process = process;
            let _ = self.context.execute(panics::HOOK);
        }
    }

    /// Runs `code` at level 2, then goes back to the quick level. Only the
    /// student's crate is rebuilt: the dependencies stay at level 2 (see
    /// the build folder's cargo configuration).
    fn execute_optimized(&mut self, code: &str) -> Result<evcxr::EvalOutputs, Error> {
        self.context.set_opt_level(OPTIMIZED)?;
        let result = self.context.execute(code);
        self.context.set_opt_level(QUICK)?;
        result
    }

    /// `:dep` for the lessons' crates: the next evaluation compiles them.
    fn load_crates(&mut self) -> Result<(), LiveError> {
        self.wait_for_preparation();
        let (specs, note) = crate_specs();
        let names: Vec<&str> = specs
            .iter()
            .filter_map(|spec| spec.split_once(" = ").map(|(name, _)| name))
            .collect();
        let mut message = match &self.preparation {
            Preparation::Ready => {
                crates::share_lock_file(&self.root);
                None
            }
            Preparation::Failed(error) => {
                let mut message = format!(
                    "loading the lessons' crates ({}) for live Rust: compiled once, then kept for later sessions",
                    names.join(", ")
                );
                if !error.is_empty() {
                    message =
                        format!("preparing them in the background failed:\n{error}\n{message}");
                }
                Some(message)
            }
            Preparation::Running(_) => None,
        };
        if let Some(note) = note {
            message = Some(match message {
                Some(message) => format!("{message}\n{note}"),
                None => note,
            });
        }
        if let Some(message) = message {
            let _ = self.events.send(Event::Loading(message));
        }
        // Offline first: a machine that built avance has every crate it
        // needs in cargo's cache, and asking the registry costs seconds.
        let commands: String = specs.iter().map(|spec| format!(":dep {spec}\n")).collect();
        let offline = self
            .context
            .execute(&format!(":offline 1\n{commands}"))
            .map(drop);
        let loaded = offline.or_else(|_| {
            self.context
                .execute(&format!(":offline 0\n{commands}"))
                .map(drop)
        });
        match loaded {
            Ok(()) => {
                self.crates_loaded = true;
                Ok(())
            }
            Err(error) => Err(LiveError::Crates(error.to_string().trim().to_string())),
        }
    }

    /// rust-analyzer's completions, each candidate once, in its order.
    fn complete(&mut self, code: &str, position: usize) -> Completions {
        let Ok(found) = self.context.completions(code, position) else {
            return Completions::default();
        };
        let mut seen = BTreeSet::new();
        Completions {
            start: found.start_offset,
            end: found.end_offset,
            candidates: found
                .completions
                .into_iter()
                .map(|completion| completion.code)
                .filter(|code| seen.insert(code.clone()))
                .collect(),
        }
    }

    fn names(&self) -> BTreeSet<String> {
        self.context
            .variables_and_types()
            .map(|(name, _)| name.to_string())
            .collect()
    }

    fn vars(&self) -> Vec<(String, String)> {
        let mut vars: Vec<(String, String)> = self
            .context
            .variables_and_types()
            .map(|(name, kind)| (name.to_string(), kind.to_string()))
            .collect();
        vars.sort();
        vars
    }

    fn reset(&mut self) -> Result<(), LiveError> {
        self.context
            .execute(":clear")
            .map(drop)
            .map_err(|e| LiveError::Evcxr(e.to_string().trim().to_string()))
    }
}

fn outcome_of(error: Error) -> Outcome {
    match error {
        Error::CompilationErrors(errors) => {
            Outcome::Refused(errors.iter().map(Diagnostic::from_evcxr).collect())
        }
        Error::SubprocessTerminated(message) => Outcome::Died(message.trim().to_string()),
        Error::TypeRedefinedVariablesLost(variables) => Outcome::Failed(format!(
            "a type was redefined, so these variables were lost: {}",
            variables.join(", ")
        )),
        Error::Message(message) => Outcome::Failed(wording::in_student_terms(message.trim())),
    }
}
