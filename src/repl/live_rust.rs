//! Live Rust from the REPL: what the student types is compiled and run by
//! evcxr's worker, with a spinner while it starts; `:vars`, `:reset` and
//! `:timeit EXPR` talk to the same worker, and what it prints is shown as it
//! comes.

use std::io::{self, Write};

use colored::Colorize;

use crate::live::{Compile, Event, Live, PanickedThread, Progress};

use super::Repl;
use crate::tr;

impl<W: Write> Repl<W> {
    /// Compiles and runs the student's Rust; what it prints appears as it
    /// comes, then its value, rustc's errors or the panic.
    pub(super) fn live_eval(&mut self, code: &str) -> io::Result<Option<String>> {
        self.live_eval_shown(code, code, Compile::Quick)
    }

    /// Evaluates `code`; rustc's errors are drawn over `shown`, the code as
    /// the student wrote it, when `code` wraps it (`:timeit`).
    pub(super) fn live_eval_shown(
        &mut self,
        code: &str,
        shown: &str,
        compile: Compile,
    ) -> io::Result<Option<String>> {
        let mut stdout = String::new();
        let mut keep_stdout = |event: &Event| {
            if let Event::Stdout(line) = event {
                stdout.push_str(line);
                stdout.push('\n');
            }
        };
        let at_once = self.ask_live(|live, show| {
            live.answer_at_once(code, compile, &mut |event| {
                keep_stdout(&event);
                show(event);
            })
        })?;
        let evaluation = match at_once {
            Some(evaluation) => Ok(evaluation),
            None => {
                if !self.live_ready()? {
                    return Ok(None);
                }
                self.ask_live(|live, show| {
                    live.eval(code, compile, &mut |event| {
                        keep_stdout(&event);
                        show(event);
                    })
                })?
            }
        };
        match evaluation {
            Ok(evaluation) => self.show_evaluation(code, shown, &evaluation)?,
            Err(reason) => self.problem(&reason.to_string())?,
        }
        Ok(Some(stdout))
    }

    /// Asks live Rust something; what the code prints and the worker says
    /// while it answers is shown as it comes (the first failure to write it
    /// is returned once the answer is in).
    pub(super) fn ask_live<T>(
        &mut self,
        ask: impl FnOnce(&mut Live, &mut dyn FnMut(Event)) -> T,
    ) -> io::Result<T> {
        let out = &mut self.out;
        let mut failed = Ok(());
        let mut preparing = PreparingLine::default();
        let answer = ask(&mut self.live, &mut |event| {
            if let Event::Preparing(progress) = event {
                preparing.show(progress);
                return;
            }
            preparing.clear();
            if failed.is_ok() {
                failed = show_event(out, event);
            }
        });
        preparing.clear();
        failed.map(|()| answer)
    }

    /// Waits for live Rust with a spinner; false (and why, once) if it
    /// cannot run.
    pub(super) fn live_ready(&mut self) -> io::Result<bool> {
        let spinner = indicatif::ProgressBar::hidden();
        let ready = self.ask_live(|live, show| {
            live.ready(
                &mut || {
                    spinner.set_draw_target(indicatif::ProgressDrawTarget::stderr());
                    spinner.set_style(
                        indicatif::ProgressStyle::with_template("{spinner} {msg}")
                            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
                    );
                    spinner.set_message(tr!("live-starting"));
                    spinner.enable_steady_tick(std::time::Duration::from_millis(100));
                },
                show,
            )
        });
        spinner.finish_and_clear();
        match ready? {
            Ok(()) => Ok(true),
            Err(reason) => {
                self.problem(&reason.to_string())?;
                Ok(false)
            }
        }
    }

    pub(super) fn live_vars(&mut self) -> io::Result<()> {
        if !self.live_ready()? {
            return Ok(());
        }
        match self.ask_live(|live, show| live.vars(show))? {
            Ok(vars) if vars.is_empty() => self.note(&tr!("live-no-vars")),
            Ok(vars) => {
                for (name, kind) in vars {
                    writeln!(self.out, "{}: {kind}", name.cyan())?;
                }
                Ok(())
            }
            Err(reason) => self.problem(&reason.to_string()),
        }
    }

    pub(super) fn live_reset(&mut self) -> io::Result<()> {
        if !self.live_ready()? {
            return Ok(());
        }
        match self.ask_live(|live, show| live.reset(show))? {
            Ok(()) => self.note(&tr!("live-restarted")),
            Err(reason) => self.problem(&reason.to_string()),
        }
    }

    /// `:timeit EXPR`: live code timed with `avance::timeit`, compiled with
    /// optimisation (evcxr's `opt-level` 2).
    pub(super) fn time_live(&mut self, code: &str) -> io::Result<()> {
        let timed = format!("println!(\"{{}}\", avance::timeit::timeit(|| {{\n{code}\n}}));");
        self.live_eval_shown(&timed, code, Compile::Optimized)
            .map(drop)
    }
}

/// The one line, on stderr, that an input naming the lessons' crates shows
/// while it waits for their preparation: "preparing live Rust: 12/34
/// crates" (nothing when stderr is not a terminal).
#[derive(Default)]
struct PreparingLine(Option<indicatif::ProgressBar>);

impl PreparingLine {
    fn show(&mut self, progress: Progress) {
        let bar = self.0.get_or_insert_with(|| {
            let bar = indicatif::ProgressBar::new(0);
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{spinner} preparing live Rust: {pos}/{len} crates",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
            );
            bar.enable_steady_tick(std::time::Duration::from_millis(100));
            bar
        });
        bar.set_length(progress.total as u64);
        bar.set_position(progress.done as u64);
    }

    fn clear(&mut self) {
        if let Some(bar) = self.0.take() {
            bar.finish_and_clear();
        }
    }
}

/// What live code printed, and live Rust's own messages, to the REPL.
fn show_event(out: &mut impl Write, event: Event) -> io::Result<()> {
    match event {
        Event::Stdout(line) => writeln!(out, "{line}"),
        Event::Stderr(line) => {
            // The panic's location is in evcxr's generated wrapper, not in
            // what the student typed: leave it out.
            let line = match line.split_once(" panicked at src/lib.rs:") {
                Some((thread, _)) => format!("{thread} panicked:"),
                None => line,
            };
            writeln!(out, "{}", line.red())
        }
        // The student's own panic is summed up once the evaluation ends.
        Event::Panic {
            thread: PanickedThread::Evaluating,
            message,
        } => writeln!(out, "{}", message.red()),
        Event::Panic {
            thread: PanickedThread::Spawned(name),
            message,
        } => {
            let head = match name {
                Some(name) => tr!("thread-panicked", name = name),
                None => tr!("spawned-thread-panicked"),
            };
            writeln!(out, "{}", format!("{head}\n{message}").red())
        }
        Event::Loading(message) => writeln!(out, "{}", message.yellow()),
        Event::Started(_)
        | Event::Preparing(_)
        | Event::Evaluated(_)
        | Event::Vars(_)
        | Event::Reset(_) => Ok(()),
    }
}
