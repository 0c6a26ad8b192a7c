//! The student's REPL: shows the slide where they stopped, reads commands,
//! moves through the course, runs snippets, and saves progress after every
//! move. Nothing a student types can crash it or lose their progress.

mod balance;
mod command;
mod helper;
mod input;

pub use command::{COMMANDS, Command, CommandError, Input, parse};
pub use helper::ReplHelper;
pub use input::{Line, LineReader, Piped, Terminal};

use std::io::{self, Write};
use std::path::PathBuf;

use colored::Colorize;

use crate::live::{self, Compile, Evaluation, Event, Live, Outcome};
use crate::play;
use crate::python;
use crate::render::{self, View};
use crate::run::Registry;
use crate::session::{Move, ProgressWarning, Session};

/// After this many unreadable lines in a row the input is taken as broken.
const MAX_INVALID_LINES: usize = 20;

pub struct Repl<W> {
    session: Session,
    registry: Registry,
    view: View,
    out: W,
    live: Live,
    /// The build folder live Rust keeps between sessions.
    live_dir: Option<PathBuf>,
    /// Code `:edit` puts in the next input line.
    edit: Option<String>,
    /// The last Rust evaluated live: the answer `:check` checks.
    last_live: Option<String>,
    /// Hints shown so far, by exercise id.
    hints: std::collections::HashMap<String, usize>,
}

/// Whether the loop goes on.
enum Flow {
    Continue,
    Quit,
}

impl<W: Write> Repl<W> {
    pub fn new(session: Session, registry: Registry, out: W) -> Self {
        Repl {
            session,
            registry,
            view: View::default(),
            out,
            live: Live::unavailable("live Rust has not started".into()),
            live_dir: None,
            edit: None,
            last_live: None,
            hints: std::collections::HashMap::new(),
        }
    }

    /// Where live Rust keeps its build folder between sessions (without
    /// one, it builds in a temporary folder).
    pub fn with_live_dir(mut self, dir: Option<PathBuf>) -> Self {
        self.live_dir = dir;
        self
    }

    /// Runs until `:quit`, Ctrl-D or the end of the input.
    pub fn run(&mut self, reader: &mut dyn LineReader) -> io::Result<()> {
        // In the background: the first live input waits for it, if at all.
        self.live = Live::start(self.live_dir.as_deref());
        self.greet()?;
        self.show()?;
        let mut invalid = 0;
        loop {
            let prompt = self.prompt();
            let read = match self.edit.take() {
                Some(code) => reader.read_initial((&prompt.0, &prompt.1), &code),
                None => reader.read((&prompt.0, &prompt.1)),
            };
            let line = match read {
                Line::Text(line) => line,
                Line::Interrupted => continue,
                Line::End => break,
                Line::Invalid(why) => {
                    invalid += 1;
                    self.problem(&format!("{why}; line ignored"))?;
                    if invalid >= MAX_INVALID_LINES {
                        break;
                    }
                    continue;
                }
            };
            invalid = 0;
            if let Flow::Quit = self.handle(&line)? {
                break;
            }
        }
        if let Err(why) = reader.save_history() {
            self.problem(&why)?;
        }
        self.farewell()
    }

    fn greet(&mut self) -> io::Result<()> {
        let resumed = self.session.resumed();
        let welcome = if resumed {
            "Welcome back: you stopped here."
        } else {
            "Welcome to avance: Python idioms, in Rust."
        };
        writeln!(
            self.out,
            "{} {}",
            welcome.bold(),
            "Enter: next slide · :run runs the Rust · type Rust to run it live · :help for more"
                .dimmed()
        )
    }

    fn farewell(&mut self) -> io::Result<()> {
        if let Some(warning) = self.session.save() {
            self.warn(&warning)?;
        }
        writeln!(self.out, "{}", "Progress saved. See you soon.".dimmed())
    }

    fn prompt(&self) -> (String, String) {
        let lesson = self.session.lesson();
        let place = format!(
            "{} {}/{}",
            lesson.slug,
            self.session.slide().number,
            lesson.slides.len()
        );
        (
            format!("{place} ❯ "),
            format!("{} {} ", place.cyan(), "❯".green().bold()),
        )
    }

    fn handle(&mut self, line: &str) -> io::Result<Flow> {
        let input = match command::parse(line) {
            Ok(input) => input,
            Err(error) => {
                self.problem(&error.to_string())?;
                return Ok(Flow::Continue);
            }
        };
        match input {
            Input::Empty => self.step(
                Session::forward,
                "This is the end of the course. Well done!",
            )?,
            Input::Rust(code) => {
                self.last_live = Some(code.clone());
                self.live_eval(&code)?;
            }
            Input::Command(command) => return self.command(command),
        }
        Ok(Flow::Continue)
    }

    fn command(&mut self, command: Command) -> io::Result<Flow> {
        match command {
            Command::Next => self.step(
                Session::forward,
                "This is the end of the course. Well done!",
            )?,
            Command::Prev => self.step(Session::back, "This is the first slide of the course.")?,
            Command::Goto(slide) => match self.session.goto(&slide) {
                Ok(()) => self.show()?,
                Err(error) => self.problem(&error.to_string())?,
            },
            Command::Lesson(target) => match self.session.open(&target) {
                Ok(()) => self.show()?,
                Err(error) => self.problem(&error.to_string())?,
            },
            Command::Lessons => {
                let current = self.session.lesson().id.clone();
                let lessons = self.session.catalog().lessons();
                render::lesson_list(
                    &mut self.out,
                    lessons,
                    self.session.progress(),
                    Some(&current),
                )?;
            }
            Command::Run => self.run_slide()?,
            Command::Timeit(None) => self.time_slide()?,
            Command::Timeit(Some(code)) => self.time_live(&code)?,
            Command::Edit => self.edit_slide()?,
            Command::Vars => self.live_vars()?,
            Command::Reset => self.live_reset()?,
            Command::Check => self.check_exercise()?,
            Command::Hint => self.hint()?,
            Command::Solution => self.solution()?,
            Command::Show => self.show()?,
            Command::Python => self.run_python()?,
            Command::Originals => {
                self.view.python = !self.view.python;
                self.show()?;
            }
            Command::Notes => {
                self.view.notes = !self.view.notes;
                self.show()?;
            }
            Command::Help => self.help()?,
            Command::Quit => return Ok(Flow::Quit),
        }
        Ok(Flow::Continue)
    }

    fn step(&mut self, step: fn(&mut Session) -> Move, at_edge: &str) -> io::Result<()> {
        match step(&mut self.session) {
            Move::Edge => writeln!(self.out, "{}", at_edge.yellow()),
            Move::Lesson => {
                let title = self.session.lesson().title.clone();
                writeln!(
                    self.out,
                    "{}",
                    format!("Now in lesson: {title}").green().bold()
                )?;
                self.show()
            }
            Move::Slide => self.show(),
        }
    }

    /// Renders the current slide and records it as seen.
    fn show(&mut self) -> io::Result<()> {
        render::slide(
            &mut self.out,
            self.session.lesson(),
            self.session.slide(),
            self.view,
        )?;
        if let Some(warning) = self.session.record_visit() {
            self.warn(&warning)?;
        }
        Ok(())
    }

    fn run_slide(&mut self) -> io::Result<()> {
        let snippets: Vec<_> = self.session.slide().snippets().cloned().collect();
        if snippets.is_empty() {
            return self.problem("this slide has no Rust to run; Enter moves on");
        }
        for snippet in snippets {
            let played = play::play(&mut self.out, &self.registry, &snippet)?;
            if played.ran()
                && let Some(warning) = self.session.record_run(&snippet.id)
            {
                self.warn(&warning)?;
            }
        }
        Ok(())
    }

    /// The slide's Python run for real, then its Rust, to compare.
    fn run_python(&mut self) -> io::Result<()> {
        let slide = self.session.slide();
        let count = slide.python().count();
        if count == 0 {
            return self.problem("this slide has no Python to run; Enter moves on");
        }
        match python::run_slide(slide, count) {
            Ok(run) => {
                play::show_python(&mut self.out, &self.session.lesson().id, slide.number, &run)?
            }
            Err(error) => self.problem(&error.to_string())?,
        }
        if self.session.slide().snippets().any(|s| s.is_playable()) {
            self.run_slide()?;
        }
        Ok(())
    }

    fn time_slide(&mut self) -> io::Result<()> {
        let snippets: Vec<_> = self.session.slide().snippets().cloned().collect();
        if snippets.is_empty() {
            return self.problem("this slide has no Rust to time; Enter moves on");
        }
        for snippet in snippets {
            play::time(&mut self.out, &self.registry, &snippet)?;
        }
        Ok(())
    }

    /// Compiles and runs the student's Rust; what it prints appears as it
    /// comes, then its value, rustc's errors or the panic.
    fn live_eval(&mut self, code: &str) -> io::Result<Option<String>> {
        self.live_eval_shown(code, code, Compile::Quick)
    }

    /// Evaluates `code`; rustc's errors are drawn over `shown`, the code as
    /// the student wrote it, when `code` wraps it (`:timeit`).
    fn live_eval_shown(
        &mut self,
        code: &str,
        shown: &str,
        compile: Compile,
    ) -> io::Result<Option<String>> {
        if !self.live_ready()? {
            return Ok(None);
        }
        let mut stdout = String::new();
        let evaluation = self.ask_live(|live, show| {
            live.eval(code, compile, &mut |event| {
                if let Event::Stdout(line) = &event {
                    stdout.push_str(line);
                    stdout.push('\n');
                }
                show(event);
            })
        })?;
        match evaluation {
            Ok(evaluation) => self.show_evaluation(code, shown, &evaluation)?,
            Err(reason) => self.problem(&reason)?,
        }
        Ok(Some(stdout))
    }

    /// Asks live Rust something; what the code prints and the worker says
    /// while it answers is shown as it comes (the first failure to write it
    /// is returned once the answer is in).
    fn ask_live<T>(
        &mut self,
        ask: impl FnOnce(&mut Live, &mut dyn FnMut(Event)) -> T,
    ) -> io::Result<T> {
        let out = &mut self.out;
        let mut failed = Ok(());
        let answer = ask(&mut self.live, &mut |event| {
            if failed.is_ok() {
                failed = show_event(out, event);
            }
        });
        failed.map(|()| answer)
    }

    /// Waits for live Rust with a spinner; false (and why, once) if it
    /// cannot run.
    fn live_ready(&mut self) -> io::Result<bool> {
        let spinner = indicatif::ProgressBar::hidden();
        let ready = self.ask_live(|live, show| {
            live.ready(
                &mut || {
                    spinner.set_draw_target(indicatif::ProgressDrawTarget::stderr());
                    spinner.set_style(
                        indicatif::ProgressStyle::with_template("{spinner} {msg}")
                            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
                    );
                    spinner.set_message("live Rust is starting (evcxr compiles a first program)");
                    spinner.enable_steady_tick(std::time::Duration::from_millis(100));
                },
                show,
            )
        });
        spinner.finish_and_clear();
        match ready? {
            Ok(()) => Ok(true),
            Err(reason) => {
                self.problem(&reason)?;
                Ok(false)
            }
        }
    }

    fn show_evaluation(
        &mut self,
        code: &str,
        shown: &str,
        evaluation: &Evaluation,
    ) -> io::Result<()> {
        match &evaluation.outcome {
            Outcome::Ran => {
                if let Some(value) = &evaluation.value {
                    writeln!(self.out, "{value}")?;
                }
                if evaluation.panicked {
                    let lost = if evaluation.lost.is_empty() {
                        "no variable was lost".to_string()
                    } else {
                        format!(
                            "lost with it: {} (moved into the code that panicked)",
                            names(&evaluation.lost)
                        )
                    };
                    writeln!(
                        self.out,
                        "{} the code panicked; the session goes on, {lost}",
                        "panic:".red().bold()
                    )?;
                }
            }
            Outcome::Refused(diagnostics) => {
                let diagnostics = shift_lines(code, shown, diagnostics);
                write!(
                    self.out,
                    "{}",
                    live::render_diagnostics(shown, &diagnostics)
                )?;
            }
            Outcome::Died(why) => {
                let lost = if evaluation.lost.is_empty() {
                    String::new()
                } else {
                    format!(": {}", names(&evaluation.lost))
                };
                writeln!(
                    self.out,
                    "{} the process running live code died ({why}); a new one took its place and every variable was lost{lost}",
                    "error:".red().bold()
                )?;
            }
            Outcome::Failed(why) => self.problem(why)?,
        }
        if !evaluation.panicked
            && !matches!(evaluation.outcome, Outcome::Died(_))
            && !evaluation.lost.is_empty()
        {
            self.problem(&format!("variables lost: {}", names(&evaluation.lost)))?;
        }
        Ok(())
    }

    /// `:edit`: the slide's Rust, hidden lines included, in the next input
    /// line. A snippet with its own `main` gets a call to it.
    fn edit_slide(&mut self) -> io::Result<()> {
        let starter = self
            .session
            .slide()
            .exercises()
            .next()
            .map(|exercise| exercise.starter.compiled_code());
        if let Some(code) = starter {
            self.note("Complete the todo!(), then Enter runs it live and :check checks it:")?;
            self.edit = Some(code);
            return Ok(());
        }
        let Some(snippet) = self.session.slide().snippets().next() else {
            return self.problem("this slide has no Rust to edit; type your own");
        };
        let mut code = snippet.compiled_code();
        if crate::lesson::codegen::has_main(&code) {
            code.push_str("\nmain()");
        }
        self.note("Edit the slide's Rust, then Enter runs it live:")?;
        self.edit = Some(code);
        Ok(())
    }

    /// `:check`: the student's last live input, run again, must print the
    /// exercise's output block.
    fn check_exercise(&mut self) -> io::Result<()> {
        let Some(exercise) = self.session.slide().exercises().next().cloned() else {
            return self.problem("this slide has no exercise to check");
        };
        let Some(code) = self.last_live.clone() else {
            return self.problem("type your answer first (:edit starts from the exercise's code)");
        };
        let expected = exercise.expected().map_or("", |e| e.text.as_str());
        self.note("Running your last input again to check what it prints:")?;
        let Some(printed) = self.live_eval(&code)? else {
            return Ok(());
        };
        match crate::check::compare(&printed, expected) {
            Ok(()) => {
                writeln!(
                    self.out,
                    "{} it prints what the exercise asks. Well done!",
                    "Solved:".green().bold()
                )?;
                if let Some(warning) = self.session.record_solved(&exercise.id) {
                    self.warn(&warning)?;
                }
                Ok(())
            }
            Err(diff) => {
                writeln!(
                    self.out,
                    "{} it does not print what the exercise asks yet:\n{diff}",
                    "Not yet:".yellow().bold()
                )?;
                let more =
                    if self.hints.get(&exercise.id).copied().unwrap_or(0) < exercise.hints.len() {
                        ":hint gives a hint, "
                    } else {
                        ""
                    };
                self.note(&format!("{more}:solution shows an answer"))
            }
        }
    }

    /// `:hint`: the exercise's hints, one more each time.
    fn hint(&mut self) -> io::Result<()> {
        let Some(exercise) = self.session.slide().exercises().next().cloned() else {
            return self.problem("this slide has no exercise");
        };
        let shown = self.hints.entry(exercise.id.clone()).or_insert(0);
        match exercise.hints.get(*shown) {
            Some(hint) => {
                *shown += 1;
                let count = format!("Hint {}/{}:", *shown, exercise.hints.len());
                writeln!(self.out, "{} {hint}", count.yellow().bold())
            }
            None if exercise.hints.is_empty() => {
                self.note("this exercise has no hints; :solution shows an answer")
            }
            None => self.note("no more hints; :solution shows an answer"),
        }
    }

    fn solution(&mut self) -> io::Result<()> {
        let Some(exercise) = self.session.slide().exercises().next().cloned() else {
            return self.problem("this slide has no exercise");
        };
        render::code_block(
            &mut self.out,
            "Rust · a solution",
            "rust",
            &exercise.solution.visible_code(),
        )?;
        self.note("(:edit, then type it or your own version, and :check)")
    }

    fn live_vars(&mut self) -> io::Result<()> {
        if !self.live_ready()? {
            return Ok(());
        }
        match self.ask_live(|live, show| live.vars(show))? {
            Ok(vars) if vars.is_empty() => self.note("no live variables yet"),
            Ok(vars) => {
                for (name, kind) in vars {
                    writeln!(self.out, "{}: {kind}", name.cyan())?;
                }
                Ok(())
            }
            Err(reason) => self.problem(&reason),
        }
    }

    fn live_reset(&mut self) -> io::Result<()> {
        if !self.live_ready()? {
            return Ok(());
        }
        match self.ask_live(|live, show| live.reset(show))? {
            Ok(()) => self.note("live Rust restarted: every variable and item is forgotten"),
            Err(reason) => self.problem(&reason),
        }
    }

    /// `:timeit EXPR`: live code timed with `avance::timeit`, compiled with
    /// optimisation (evcxr's `opt-level` 2).
    fn time_live(&mut self, code: &str) -> io::Result<()> {
        let timed = format!("println!(\"{{}}\", avance::timeit::timeit(|| {{\n{code}\n}}));");
        self.live_eval_shown(&timed, code, Compile::Optimized)
            .map(drop)
    }

    fn help(&mut self) -> io::Result<()> {
        writeln!(
            self.out,
            "{}",
            "Commands (Enter on an empty line: next slide; Tab completes):".bold()
        )?;
        for spec in COMMANDS {
            let usage = format!(":{} {}", spec.name, spec.argument);
            writeln!(
                self.out,
                "  {:<14} {:<5} {}",
                usage.cyan(),
                format!(":{}", spec.alias).dimmed(),
                spec.help
            )?;
        }
        Ok(())
    }

    fn problem(&mut self, message: &str) -> io::Result<()> {
        writeln!(self.out, "{} {message}", "error:".red().bold())
    }

    fn note(&mut self, message: &str) -> io::Result<()> {
        writeln!(self.out, "{}", message.dimmed())
    }

    fn warn(&mut self, warning: &ProgressWarning) -> io::Result<()> {
        writeln!(self.out, "{} {warning}", "warning:".yellow().bold())
    }
}

/// Diagnostics on `code` moved onto `shown`, which `code` holds whole
/// from one of its lines on; labels outside it are dropped.
fn shift_lines(code: &str, shown: &str, diagnostics: &[live::Diagnostic]) -> Vec<live::Diagnostic> {
    let offset = code
        .lines()
        .position(|line| shown.lines().next() == Some(line))
        .unwrap_or(0);
    let shown_lines = shown.lines().count();
    diagnostics
        .iter()
        .map(|diagnostic| {
            let mut diagnostic = diagnostic.clone();
            diagnostic.labels = diagnostic
                .labels
                .into_iter()
                .filter(|label| label.line > offset && label.line <= offset + shown_lines)
                .map(|mut label| {
                    label.line -= offset;
                    label.end_line = label.end_line.saturating_sub(offset).max(label.line);
                    label
                })
                .collect();
            diagnostic
        })
        .collect()
}

/// `a`, `b` as a list of names in backquotes.
fn names(names: &[String]) -> String {
    names
        .iter()
        .map(|name| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join(", ")
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
        Event::Loading(message) => writeln!(out, "{}", message.yellow()),
        Event::Started(_) | Event::Evaluated(_) | Event::Vars(_) | Event::Reset(_) => Ok(()),
    }
}
