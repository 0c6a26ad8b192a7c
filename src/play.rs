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
use crate::run::{NotRunnable, Registry, RunOutcome};
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
        Err(why @ NotRunnable::Stale(_)) => {
            writeln!(out, "{} {why}", "error:".red().bold())?;
            return Ok(Played::Stale);
        }
        Err(why) => {
            writeln!(out, "{}", why.to_string().dimmed())?;
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
                format!("interrupted: {} was stopped (Ctrl-C)", snippet.id).yellow()
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
    let mut child = snippet_command(id, record.path())?
        .stdin(Stdio::null())
        .spawn()?;
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
    Ok(Some(read_outcome(record.path(), status)))
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
        .unwrap_or_else(|| RunOutcome::Failed(format!("the snippet's process ended with {status}")))
}

/// Times a snippet with [`crate::timeit`], its own output silenced; a
/// progress bar appears on stderr once the timing passes a second.
pub fn time(out: &mut impl Write, registry: &Registry, snippet: &Snippet) -> io::Result<()> {
    let compiled = match registry.runnable(snippet) {
        Ok(compiled) if snippet.mode == Mode::Run => compiled,
        Ok(_) => {
            return writeln!(
                out,
                "{}",
                format!("{} panics on purpose; there is nothing to time", snippet.id).dimmed()
            );
        }
        Err(why) => return writeln!(out, "{}", why.to_string().dimmed()),
    };
    out.flush()?;
    let silence = gag::Gag::stdout().ok();
    // A snippet that fails once would fail in every loop: try it first.
    if let outcome @ (RunOutcome::Panicked(_) | RunOutcome::Failed(_)) = compiled.run_caught() {
        unsilence(silence);
        return render::verdict(out, &render::verdict_of_run(snippet, &outcome)).map(drop);
    }
    let bar = ProgressBar::hidden();
    let started = Instant::now();
    let timed = panic::catch_unwind(AssertUnwindSafe(|| {
        Timer::new().time_with_progress(compiled.run, |done, runs| {
            if bar.is_hidden() && started.elapsed() > Duration::from_secs(1) {
                bar.set_draw_target(ProgressDrawTarget::stderr());
                bar.set_style(
                    ProgressStyle::with_template("timing {prefix} [{bar:20}] {pos}/{len} runs")
                        .unwrap_or_else(|_| ProgressStyle::default_bar()),
                );
                bar.set_prefix(snippet.id.clone());
                bar.set_length(runs as u64);
            }
            bar.set_position(done as u64);
        })
    }));
    bar.finish_and_clear();
    unsilence(silence);
    match timed {
        Ok(timing) => writeln!(
            out,
            "{} {timing}",
            format!("{}:", snippet.id).green().bold()
        ),
        Err(_) => writeln!(
            out,
            "{} the snippet panicked while being timed",
            "error:".red().bold()
        ),
    }
}

/// Ends the silence: what the snippet left in stdout's buffer (a line with
/// no newline yet) is flushed into the silence first, not after it.
fn unsilence(silence: Option<gag::Gag>) {
    let _ = io::stdout().flush();
    drop(silence);
}

/// What the slide's Python printed, under its own header; a traceback in
/// red when it raised.
pub fn show_python(
    out: &mut impl Write,
    lesson_id: &str,
    slide: usize,
    run: &crate::python::PythonRun,
) -> io::Result<()> {
    let header = format!("Python output of {lesson_id}/{slide} (python3)");
    writeln!(out, "\n{}", header.blue().bold())?;
    write!(out, "{}", run.stdout())?;
    if !run.success {
        writeln!(out, "{}", run.stderr.trim_end().red())?;
    }
    Ok(())
}
