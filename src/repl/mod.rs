//! The student's REPL: shows the slide where they stopped, reads commands,
//! moves through the course, runs snippets, and saves progress after every
//! move. Nothing a student types can crash it or lose their progress.

mod balance;
mod command;
mod edit;
mod evaluation;
mod exercise;
mod helper;
mod input;
mod live_rust;
mod pager;
mod slide_run;

pub use command::{COMMANDS, Command, CommandError, Input, parse};
pub use helper::ReplHelper;
pub use input::{Line, LineReader, Piped, Terminal, usable_history};
pub use pager::Pager;

use std::io::{self, Write};

use colored::Colorize;

use crate::catalog::Catalog;
use crate::i18n::{Language, ui};
use crate::live::{BuildFolder, Live, LiveError};
use crate::render::code::Fold;
use crate::render::{self, View};
use crate::run::Registry;
use crate::session::{Answers, Move, ProgressWarning, Session};
use crate::tr;

/// After this many unreadable lines in a row the input is taken as broken.
const MAX_INVALID_LINES: usize = 20;

pub struct Repl<W> {
    session: Session,
    registry: Registry,
    view: View,
    out: W,
    live: Live,
    /// The build folder live Rust keeps between sessions.
    /// Taken when the REPL starts live Rust.
    live_folder: Option<Result<BuildFolder, LiveError>>,
    /// How long live code may run ([`Live::set_time_limit`]).
    live_time_limit: Option<std::time::Duration>,
    /// Code `:edit` puts in the next input line.
    edit: Option<String>,
    /// The student's answers to exercises.
    answers: Answers,
    /// The exercise whose answer the next line is (put there by `:edit`).
    answering: Option<String>,
    /// Hints shown so far, by exercise id.
    hints: std::collections::HashMap<String, usize>,
    /// Shows the slides taller than the terminal; none over a pipe.
    pager: Option<Pager>,
    /// The lessons in another language, for `:lang`.
    translate: Option<LoadCatalog>,
    /// The Python shell `:python` runs in, with the index of the lesson
    /// it belongs to: kept while the student stays in that lesson.
    python: Option<(usize, crate::python::Shell)>,
}

/// Loads the lessons in a language, or says in one line why not.
pub type LoadCatalog = Box<dyn Fn(Language) -> Result<Catalog, String>>;

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
            live: Live::unavailable(LiveError::NotStarted),
            live_folder: None,
            live_time_limit: None,
            edit: None,
            answers: Answers::in_memory(),
            answering: None,
            hints: std::collections::HashMap::new(),
            pager: None,
            translate: None,
            python: None,
        }
    }

    /// Answers to exercises are kept in `answers`.
    pub fn with_answers(mut self, answers: Answers) -> Self {
        self.answers = answers;
        self
    }

    /// `:lang` loads the lessons in another language with `load`.
    pub fn with_languages(mut self, load: LoadCatalog) -> Self {
        self.translate = Some(load);
        self
    }

    /// Slides taller than the terminal go through `pager`.
    pub fn with_pager(mut self, pager: Option<Pager>) -> Self {
        self.pager = pager;
        self
    }

    /// Live Rust's build folder, from [`crate::live::prepare`] (without
    /// it, live Rust says it has not started).
    pub fn with_live(mut self, folder: Result<BuildFolder, LiveError>) -> Self {
        self.live_folder = Some(folder);
        self
    }

    /// Stops live code that runs longer than `limit` (for piped input,
    /// where Ctrl-C cannot reach it).
    pub fn with_live_time_limit(mut self, limit: Option<std::time::Duration>) -> Self {
        self.live_time_limit = limit;
        self
    }

    /// Runs until `:quit`, Ctrl-D or the end of the input.
    pub fn run(&mut self, reader: &mut dyn LineReader) -> io::Result<()> {
        // In the background: the first live input waits for it, if at all.
        if let Some(folder) = self.live_folder.take() {
            self.live = Live::start(folder);
            self.live.set_time_limit(self.live_time_limit);
            if let Some(completer) = self.live.completer() {
                reader.complete_rust_with(completer);
            }
        }
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
                    self.problem(&tr!("line-ignored", why = why))?;
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
            tr!("welcome-back")
        } else {
            tr!("welcome")
        };
        let keys = tr!("welcome-keys");
        // One line where it fits, else the keys on a line of their own.
        let one_line = welcome.chars().count() + 1 + keys.chars().count();
        let between = if one_line <= textwrap::termwidth() {
            " "
        } else {
            "\n"
        };
        writeln!(self.out, "{}{between}{}", welcome.bold(), keys.dimmed())
    }

    fn farewell(&mut self) -> io::Result<()> {
        if let Some(warning) = self.session.save() {
            self.warn(&warning)?;
        }
        let goodbye = match self.session.kept() {
            Some(true) => tr!("goodbye-saved"),
            Some(false) => tr!("goodbye-not-saved"),
            None => tr!("goodbye-no-home"),
        };
        writeln!(self.out, "{}", goodbye.dimmed())
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
        if !matches!(command::parse(line), Ok(Input::Rust(_))) {
            self.answering = None;
        }
        let input = match command::parse(line) {
            Ok(input) => input,
            Err(error) => {
                self.problem(&error.to_string())?;
                return Ok(Flow::Continue);
            }
        };
        match input {
            Input::Empty => self.step(Session::forward, &tr!("end-of-course"))?,
            // Only the line `:edit` filled is the answer; anything typed
            // after it is the student's own live Rust.
            Input::Rust(code) => match self.answering.take() {
                Some(exercise) => self.answer(&exercise, &code)?,
                None => {
                    self.live_eval(&code)?;
                }
            },
            Input::Command(command) => {
                let flow = self.command(command);
                self.leave_python_of_other_lesson();
                return flow;
            }
        }
        self.leave_python_of_other_lesson();
        Ok(Flow::Continue)
    }

    fn command(&mut self, command: Command) -> io::Result<Flow> {
        match command {
            Command::Next => self.step(Session::forward, &tr!("end-of-course"))?,
            Command::Prev => self.step(Session::back, &tr!("start-of-course"))?,
            Command::Goto(slide) => match self.session.goto(&slide) {
                Ok(()) => self.show()?,
                Err(error) => self.problem(&error.localized())?,
            },
            Command::Lesson(target) => match self.session.open(&target) {
                Ok(()) => self.show()?,
                Err(error) => self.problem(&error.localized())?,
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
            Command::Edit(number) => self.edit_slide(number.as_deref())?,
            Command::Vars => self.live_vars()?,
            Command::Reset => {
                self.reset_python()?;
                self.live_reset()?
            }
            Command::Dep(spec) => {
                self.live_eval(&format!(":dep {spec}"))?;
            }
            Command::Check => self.check_exercise()?,
            Command::Exercise => self.exercise_in_editor()?,
            Command::Hint => self.hint()?,
            Command::Solution => self.solution()?,
            Command::Show => self.show()?,
            Command::More => self.show_in(View {
                fold: Fold::Whole,
                ..self.view
            })?,
            Command::Python => self.run_python()?,
            Command::Originals => {
                self.view.python = !self.view.python;
                self.show()?;
            }
            Command::Notes => {
                self.view.notes = !self.view.notes;
                self.show()?;
            }
            Command::Lang(language) => self.language(language.as_deref())?,
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
                    tr!("now-in-lesson", title = title).green().bold()
                )?;
                self.show()
            }
            Move::Slide => self.show(),
        }
    }

    /// Renders the current slide and records it as seen.
    fn show(&mut self) -> io::Result<()> {
        self.show_in(self.view)
    }

    /// [`Repl::show`] in `view`, at the terminal's width.
    fn show_in(&mut self, view: View) -> io::Result<()> {
        let mut shown = Vec::new();
        render::slide(
            &mut shown,
            self.session.lesson(),
            self.session.slide(),
            view,
            screen_size(),
        )?;
        self.print_paged(&shown)?;
        if let Some(warning) = self.session.record_visit() {
            self.warn(&warning)?;
        }
        Ok(())
    }

    /// `text` through the pager when it would not fit the terminal with
    /// the prompt under it, so its top never scrolls away; else as it is.
    /// A pager that cannot start is said once, and not tried again.
    fn print_paged(&mut self, text: &[u8]) -> io::Result<()> {
        if let Some(pager) = &self.pager
            && !screen_size().fits(text)
        {
            self.out.flush()?;
            match pager.page(text) {
                Ok(()) => return Ok(()),
                Err(why) => {
                    self.pager = None;
                    self.problem(&tr!("pager-failed", why = why.to_string()))?;
                }
            }
        }
        self.out.write_all(text)
    }

    /// `:lang`: says which language the course is in; `:lang CODE`
    /// switches the lessons and the program's messages to it.
    fn language(&mut self, code: Option<&str>) -> io::Result<()> {
        let Some(code) = code else {
            let current = ui::language();
            let all: Vec<String> = Language::ALL
                .iter()
                .map(|l| format!("{} ({})", l.code(), l.name()))
                .collect();
            let line = tr!("lang-current", code = current.code(), all = all.join(", "));
            return writeln!(self.out, "{line}");
        };
        let language = match Language::parse(code, ":lang") {
            Ok(language) => language,
            Err(error) => return self.problem(&error.to_string()),
        };
        let Some(load) = &self.translate else {
            return self.problem(&tr!("lang-unavailable"));
        };
        match load(language) {
            Ok(catalog) => {
                ui::set_language(language);
                self.session.set_catalog(catalog);
                self.show()
            }
            Err(why) => self.problem(&why),
        }
    }

    fn help(&mut self) -> io::Result<()> {
        writeln!(self.out, "{}", tr!("help-title").bold())?;
        // The descriptions wrap under themselves at the terminal's width.
        const COLUMN: usize = 2 + 14 + 1 + 5 + 1;
        let hanging = " ".repeat(COLUMN);
        for spec in COMMANDS {
            let usage = format!(":{} {}", spec.name, spec.argument);
            let prefix = format!(
                "  {:<14} {:<5} ",
                usage.cyan(),
                format!(":{}", spec.alias).dimmed()
            );
            let options = textwrap::Options::new(textwrap::termwidth().max(COLUMN + 20))
                .initial_indent(&prefix)
                .subsequent_indent(&hanging);
            writeln!(self.out, "{}", textwrap::fill(&spec.help(), options))?;
        }
        Ok(())
    }

    fn problem(&mut self, message: &str) -> io::Result<()> {
        writeln!(self.out, "{} {message}", tr!("error-prefix").red().bold())
    }

    fn note(&mut self, message: &str) -> io::Result<()> {
        writeln!(self.out, "{}", message.dimmed())
    }

    fn warn(&mut self, warning: &ProgressWarning) -> io::Result<()> {
        writeln!(
            self.out,
            "{} {warning}",
            tr!("warning-prefix").yellow().bold()
        )
    }
}

/// The size slides are drawn for: stdout's terminal, or over a pipe 80
/// columns (textwrap's default) by 40 rows, whatever terminal runs the tests.
fn screen_size() -> render::Size {
    use std::io::IsTerminal;
    let rows = match crossterm::terminal::size() {
        Ok((_, rows)) if io::stdout().is_terminal() => usize::from(rows),
        _ => 40,
    };
    render::Size {
        columns: textwrap::termwidth(),
        rows,
    }
}
