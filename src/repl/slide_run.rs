//! The slide's own code run from the REPL: `:run` plays its Rust snippets,
//! `:python` runs its Python for real and then its Rust, `:timeit` (without
//! an expression) times its Rust.

use std::io::{self, Write};

use colored::Colorize;

use crate::lesson::{Lesson, PythonRole, Slide};
use crate::play;
use crate::python::{self, Piece, PythonError, PythonRun, Shell, ShellKind};

use super::Repl;
use crate::tr;

impl<W: Write> Repl<W> {
    pub(super) fn run_slide(&mut self) -> io::Result<()> {
        let snippets: Vec<_> = self.session.slide().snippets().cloned().collect();
        if snippets.is_empty() && self.session.slide().exercises().next().is_some() {
            return self.note(&tr!("run-exercise-slide"));
        }
        if snippets.is_empty() {
            return self.problem(&tr!("run-no-rust"));
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

    /// The slide's Python run in the lesson's shell (IPython where it is
    /// installed, so magics work and names from the slides run before
    /// stay), then its Rust, to compare.
    pub(super) fn run_python(&mut self) -> io::Result<()> {
        let slide = self.session.slide();
        if slide.python().next().is_none() {
            return self.problem(&tr!("run-no-python"));
        }
        if let Some(line) = excerpt_only(
            self.session.catalog().lessons(),
            self.session.lesson(),
            slide,
        ) {
            return self.note(&line);
        }
        let (lesson, number) = (self.session.lesson_index(), slide.number);
        // Without a shell (no python3), the Rust runs all the same.
        if self.python_started(lesson)? && !self.python_in_shell(lesson, number)? {
            return Ok(());
        }
        if self.session.slide().snippets().any(|s| s.is_playable()) {
            self.run_slide()?;
        }
        Ok(())
    }

    /// The slide's Python in the lesson's shell; false when Ctrl-C stopped it.
    fn python_in_shell(&mut self, lesson: usize, number: usize) -> io::Result<bool> {
        let Repl {
            session,
            python,
            out,
            ..
        } = self;
        let (_, shell) = python.as_mut().expect("started before");
        let ran = run_in_shell(out, shell, session.catalog().lessons(), lesson, number)?;
        if ran.as_ref().is_err_and(PythonError::shell_lost) {
            self.python = None;
        }
        if crate::interrupt::take() {
            let line = match &ran {
                Err(error) if error.shell_lost() => tr!("python-shell-interrupted"),
                _ => tr!("python-cell-interrupted"),
            };
            writeln!(self.out, "{}", line.yellow())?;
            return Ok(false);
        }
        match ran {
            Ok(run) => self.after_python(&run, lesson, number)?,
            Err(
                error @ (PythonError::NeedsIPython
                | PythonError::NeedsCuda
                | PythonError::NeedsModule { .. }),
            ) => {
                self.note(&error.to_string())?;
            }
            Err(error) if error.shell_lost() => {
                self.problem(&tr!("python-shell-lost", error = error.to_string()))?;
            }
            Err(error) => self.problem(&error.to_string())?,
        }
        Ok(true)
    }

    /// Names the slide to run first when the run stopped on a name that
    /// another slide's cell defines (the shell's plan did not see it).
    fn after_python(&mut self, run: &PythonRun, lesson: usize, slide: usize) -> io::Result<()> {
        let course = self.session.catalog().lessons();
        if let Some(cell) = python::defining_missing(run, course, lesson, slide, &[]) {
            let line = tr!(
                "python-defined-elsewhere",
                name = cell.name.as_str(),
                place = cell.place.as_str()
            );
            return self.note(&line);
        }
        Ok(())
    }

    /// Starts the lesson's Python shell unless it runs already; false (and
    /// why, said) if it cannot start.
    fn python_started(&mut self, lesson: usize) -> io::Result<bool> {
        if self.python.as_ref().is_some_and(|(l, _)| *l == lesson) {
            return Ok(true);
        }
        self.python = None;
        match python::Shell::start() {
            Ok(shell) => {
                if shell.kind() == ShellKind::Plain {
                    self.note(&tr!("ipython-missing", install = python::INSTALL_IPYTHON))?;
                }
                self.python = Some((lesson, shell));
                Ok(true)
            }
            Err(error) => self.problem(&error.to_string()).map(|()| false),
        }
    }

    /// After any command: the Python shell of a lesson the student left stops.
    pub(super) fn leave_python_of_other_lesson(&mut self) {
        let lesson = self.session.lesson_index();
        if self.python.as_ref().is_some_and(|(l, _)| *l != lesson) {
            self.python = None;
        }
    }

    /// `:reset` stops the Python shell too: the next `:python` starts afresh.
    pub(super) fn reset_python(&mut self) -> io::Result<()> {
        match self.python.take() {
            Some(_) => self.note(&tr!("python-shell-stopped")),
            None => Ok(()),
        }
    }

    pub(super) fn time_slide(&mut self) -> io::Result<()> {
        let snippets: Vec<_> = self.session.slide().snippets().cloned().collect();
        if snippets.is_empty() {
            return self.problem(&tr!("timeit-no-rust"));
        }
        for snippet in snippets {
            play::time(&mut self.out, &self.registry, &snippet)?;
        }
        Ok(())
    }
}

/// Runs the slide's Python in `shell` after the cells it needs, saying
/// which, what it prints passed on as it comes (stderr in red).
fn run_in_shell(
    out: &mut impl Write,
    shell: &mut Shell,
    course: &[Lesson],
    lesson: usize,
    slide: usize,
) -> io::Result<Result<PythonRun, PythonError>> {
    let needed = match python::plan(shell, course, lesson, slide, &[]) {
        Ok(needed) => needed,
        Err(error) => return Ok(Err(error)),
    };
    for cell in &needed {
        let line = tr!(
            "python-runs-first",
            place = cell.place.as_str(),
            name = cell.name.as_str()
        );
        writeln!(out, "{}", line.dimmed())?;
    }
    let which = match shell.kind() {
        ShellKind::IPython => "IPython",
        ShellKind::Plain => "python3",
    };
    let header = tr!(
        "python-output",
        place = format!("{}/{slide}", course[lesson].id),
        shell = which
    );
    writeln!(out, "\n{}", header.blue().bold())?;
    let mut failed = None;
    let mut stdout_ends_line = true;
    let ran = python::run_planned(shell, course, lesson, slide, &needed, &mut |piece| {
        let written = match piece {
            Piece::Stdout(text) => {
                stdout_ends_line = text.ends_with('\n');
                write!(out, "{text}")
            }
            // A traceback starts on a line of its own: the newline that
            // ends what the cell printed is held back until more comes.
            Piece::Stderr(text) if !stdout_ends_line => {
                stdout_ends_line = true;
                write!(out, "\n{}", text.red())
            }
            Piece::Stderr(text) => write!(out, "{}", text.red()),
        };
        if let Err(error) = written.and_then(|()| out.flush()) {
            failed.get_or_insert(error);
        }
    });
    if let Some(error) = failed {
        return Err(error);
    }
    if !stdout_ends_line {
        writeln!(out)?;
    }
    Ok(ran)
}

/// For a slide whose Python is all excerpts, what `:python` says instead
/// of running it: where the whole cell is, in this lesson or another.
fn excerpt_only(course: &[Lesson], lesson: &Lesson, slide: &Slide) -> Option<String> {
    let excerpt = slide.python().next()?;
    if slide
        .python()
        .any(|block| block.role != PythonRole::Excerpt)
    {
        return None;
    }
    if let Some(number) = python::whole_cell_of(lesson, excerpt) {
        return Some(tr!("python-excerpt-of-slide", number = number));
    }
    let elsewhere = course.iter().find_map(|other| {
        let number = python::whole_cell_of(other, excerpt)?;
        Some(format!("{}/{number}", other.number))
    });
    Some(match elsewhere {
        Some(place) => tr!("python-excerpt-of-lesson", place = place),
        None => tr!("python-excerpt"),
    })
}
