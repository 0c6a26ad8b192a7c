//! Playing a snippet for the student to watch, as `:run` and `avance run`
//! do: its output under a heading, then how it ended against what the slide
//! intends; for a `compile_fail` slide, rustc's refusal. And timing one, as
//! `:timeit` does.

use std::io::{self, Write};
use std::os::unix::process::ExitStatusExt;
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use colored::Colorize;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::lesson::{Mode, Snippet};
use crate::render;
use crate::run::{CompiledSnippet, NotRunnable, Registry, RunOutcome};
use crate::rustc;
use crate::timeit::Timer;

/// How playing a snippet went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Played {
    /// It ran (or was refused by rustc) as its slide intends.
    AsIntended,
    /// It ran, or was compiled, and did not do what its slide intends.
    NotAsIntended,
    /// It was not run: marked `no_run` or `ignore` (said in a dim line).
    NotRun,
    /// It could not run: edited since the build (said, and a failure).
    Stale,
    /// Ctrl-C stopped it (said in one line).
    Interrupted,
}

impl Played {
    /// Whether the student's progress should count it as run.
    pub fn ran(self) -> bool {
        matches!(self, Played::AsIntended | Played::NotAsIntended)
    }

    pub fn failed(self) -> bool {
        matches!(
            self,
            Played::NotAsIntended | Played::Stale | Played::Interrupted
        )
    }
}

pub fn play(out: &mut impl Write, registry: &Registry, snippet: &Snippet) -> io::Result<Played> {
    render::output_header(out, &snippet.id)?;
    if snippet.mode == Mode::CompileFail {
        let intended = rustc::show_refusal(out, snippet)?;
        return Ok(if intended {
            Played::AsIntended
        } else {
            Played::NotAsIntended
        });
    }
    match registry.runnable(snippet) {
        Ok(_) => {}
        Err(why @ (NotRunnable::Stale(_) | NotRunnable::NotBuiltIn(_))) => {
            writeln!(
                out,
                "{} {}",
                crate::tr!("error-prefix").red().bold(),
                why.localized()
            )?;
            return Ok(Played::Stale);
        }
        Err(why) => {
            writeln!(out, "{}", why.localized().dimmed())?;
            return Ok(Played::NotRun);
        }
    }
    // The snippet prints straight to stdout: what we wrote must come first.
    out.flush()?;
    let outcome = match run_in_child(&snippet.id)? {
        Some(outcome) => outcome,
        None => {
            writeln!(
                out,
                "{}",
                crate::tr!("run-interrupted", id = snippet.id.as_str()).yellow()
            )?;
            return Ok(Played::Interrupted);
        }
    };
    io::stdout().flush()?;
    let intended = render::verdict(out, &render::verdict_of_run(snippet, &outcome))?;
    Ok(if intended {
        Played::AsIntended
    } else {
        Played::NotAsIntended
    })
}

/// Runs the snippet `id` in a child process of this program, its output
/// straight to the terminal, so that Ctrl-C can stop it (the terminal sends
/// the child SIGINT; over a pipe the child is killed when this process gets
/// it). `None` when Ctrl-C stopped it.
fn run_in_child(id: &str) -> io::Result<Option<RunOutcome>> {
    let record = tempfile::NamedTempFile::new()?;
    let Some(status) = wait_interruptibly(snippet_command(id, record.path())?)? else {
        return Ok(None);
    };
    Ok(Some(read_outcome(record.path(), status)))
}

/// Runs `command` with no stdin until it ends; `None` when Ctrl-C stopped
/// it (killed here when the terminal did not send it SIGINT itself).
fn wait_interruptibly(mut command: Command) -> io::Result<Option<ExitStatus>> {
    let mut child = command.stdin(Stdio::null()).spawn()?;
    crate::interrupt::take();
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if crate::interrupt::pressed() {
            let _ = child.kill();
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    if crate::interrupt::take() || status.signal().is_some() {
        return Ok(None);
    }
    Ok(Some(status))
}

/// `avance snippet ID --outcome RECORD`: this program runs snippet `id` at
/// the course's scale and writes how it ended to `record`.
pub(crate) fn snippet_command(id: &str, record: &Path) -> io::Result<Command> {
    let mut command = Command::new(std::env::current_exe()?);
    command.args(["snippet", id, "--outcome"]).arg(record);
    Ok(command)
}

/// How the child of [`snippet_command`] said its snippet ended; a failure
/// naming `status` when it wrote nothing readable (it crashed).
pub(crate) fn read_outcome(record: &Path, status: ExitStatus) -> RunOutcome {
    std::fs::read_to_string(record)
        .ok()
        .and_then(|text| RunOutcome::from_record(&text))
        .unwrap_or_else(|| {
            RunOutcome::Failed(crate::tr!(
                "verdict-process-ended",
                status = status.to_string()
            ))
        })
}

/// Times a snippet with [`crate::timeit`] in a child process, so that
/// Ctrl-C stops it as it stops `:run`: its own output silenced, a progress
/// bar on stderr once the timing passes a second.
pub fn time(out: &mut impl Write, registry: &Registry, snippet: &Snippet) -> io::Result<()> {
    match registry.runnable(snippet) {
        Ok(_) if snippet.mode == Mode::Run => {}
        Ok(_) => {
            return writeln!(
                out,
                "{}",
                crate::tr!("timeit-panics-on-purpose", id = snippet.id.as_str()).dimmed()
            );
        }
        Err(why) => return writeln!(out, "{}", why.localized().dimmed()),
    };
    out.flush()?;
    let record = tempfile::NamedTempFile::new()?;
    let mut command = snippet_command(&snippet.id, record.path())?;
    command.arg("--timeit").stdout(Stdio::null());
    let Some(status) = wait_interruptibly(command)? else {
        return writeln!(
            out,
            "{}",
            crate::tr!("timeit-interrupted", id = snippet.id.as_str()).yellow()
        );
    };
    let text = std::fs::read_to_string(record.path()).unwrap_or_default();
    match text.strip_prefix(TIMED) {
        Some(timing) => writeln!(
            out,
            "{} {timing}",
            format!("{}:", snippet.id).green().bold()
        ),
        None => {
            let outcome = read_outcome(record.path(), status);
            render::verdict(out, &render::verdict_of_run(snippet, &outcome)).map(drop)
        }
    }
}

/// How the record of a timing starts; any other record is a [`RunOutcome`].
const TIMED: &str = "timed\n";

/// The child's side of [`time`]: a trial run (a snippet that fails once
/// would fail in every loop), then the timing, as the record to write.
pub fn time_in_this_process(snippet: &CompiledSnippet) -> String {
    let trial = ProgressBar::new_spinner().with_style(
        ProgressStyle::with_template("{spinner} timing {prefix}: a first run · Ctrl-C stops it")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    trial.set_draw_target(ProgressDrawTarget::stderr());
    trial.set_prefix(snippet.id);
    trial.enable_steady_tick(Duration::from_millis(100));
    let outcome = snippet.run_caught();
    trial.finish_and_clear();
    if let RunOutcome::Panicked(_) | RunOutcome::Failed(_) = outcome {
        return outcome.to_record();
    }
    let bar = ProgressBar::hidden();
    let started = Instant::now();
    let timed = panic::catch_unwind(AssertUnwindSafe(|| {
        Timer::new().time_with_progress(snippet.run, |done, runs| {
            if bar.is_hidden() && started.elapsed() > Duration::from_secs(1) {
                bar.set_draw_target(ProgressDrawTarget::stderr());
                bar.set_style(
                    ProgressStyle::with_template(
                        "timing {prefix} [{bar:20}] {pos}/{len} runs · Ctrl-C stops it",
                    )
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
                );
                bar.set_prefix(snippet.id);
                bar.set_length(runs as u64);
            }
            bar.set_position(done as u64);
        })
    }));
    bar.finish_and_clear();
    match timed {
        Ok(timing) => format!("{TIMED}{timing}"),
        Err(_) => RunOutcome::Panicked(crate::tr!("verdict-panicked-while-timed")).to_record(),
    }
}
