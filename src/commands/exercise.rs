//! `avance exercise LESSON[/N]`: the lesson's N-th exercise (else its first
//! one not solved yet) written to a file in the state folder, then graded on
//! every save, as `rustlings watch` does; when an answer passes, the next
//! exercise of the course is written and watched in turn.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

use anyhow::{Context as _, Result, bail};
use clap::Args;
use colored::Colorize;
use notify::{RecursiveMode, Watcher};

use super::Context;
use crate::catalog::Catalog;
use crate::grade::{AnswerName, Grader};
use crate::lesson::Exercise;
use crate::render::{self, View};
use crate::session::{Answers, Session};
use crate::tr;

#[derive(Debug, Args)]
pub(super) struct ExerciseArgs {
    /// LESSON or LESSON/N: a lesson (number, name or prefix) and which of
    /// its exercises, from 1 (e.g. ownership/2).
    target: String,
}

/// Saves come in bursts (an editor writes, renames, sets the time): the
/// answer is graded once they have settled this long.
const SETTLE: Duration = Duration::from_millis(150);

impl ExerciseArgs {
    pub(super) fn run(self, context: &Context) -> Result<ExitCode> {
        let catalog = context.catalog()?;
        let (session, warnings) = Session::resume(catalog, super::progress_store());
        let mut out = io::stdout();
        for warning in warnings {
            writeln!(out, "{} {warning}", tr!("warning-prefix").yellow().bold())?;
        }
        let mut course = Course {
            exercises: exercises_in_order(session.catalog()),
            session,
            answers: super::answers(),
        };
        let mut index = course.pick(&self.target)?;
        let grader = Grader::find()?;
        crate::interrupt::end_with(tr!("exercise-stopped"))
            .context(crate::tr!("cannot-take-ctrl-c"))?;
        loop {
            course.watch(&mut out, &grader, index)?;
            match index + 1 < course.exercises.len() {
                true => index += 1,
                false => {
                    writeln!(out, "{}", tr!("exercise-last").green().bold())?;
                    return Ok(ExitCode::SUCCESS);
                }
            }
        }
    }
}

/// Every exercise of the course in order, with its lesson's index.
struct Course {
    exercises: Vec<(usize, Exercise)>,
    session: Session,
    answers: Answers,
}

fn exercises_in_order(catalog: &Catalog) -> Vec<(usize, Exercise)> {
    catalog
        .lessons()
        .iter()
        .enumerate()
        .flat_map(|(index, lesson)| lesson.exercises().map(move |e| (index, e.clone())))
        .collect()
}

impl Course {
    /// The exercise `LESSON[/N]` names, as an index into the course's.
    fn pick(&self, target: &str) -> Result<usize> {
        let (lesson_typed, number) = match target.split_once('/') {
            Some((lesson, number)) => (lesson, Some(number)),
            None => (target, None),
        };
        let lesson = self.session.catalog().find(lesson_typed)?;
        let id = &self.session.catalog().lessons()[lesson].id;
        let of_lesson: Vec<usize> = (0..self.exercises.len())
            .filter(|&k| self.exercises[k].0 == lesson)
            .collect();
        if of_lesson.is_empty() {
            bail!(tr!("exercise-lesson-has-none", lesson = id.as_str()));
        }
        let Some(number) = number else {
            let solved = self.session.progress().lessons.get(id);
            let unsolved = of_lesson
                .iter()
                .copied()
                .find(|&k| !solved.is_some_and(|p| p.solved.contains_key(&self.exercises[k].1.id)));
            return Ok(unsolved.unwrap_or(of_lesson[0]));
        };
        number
            .parse::<usize>()
            .ok()
            .and_then(|n| of_lesson.get(n.checked_sub(1)?).copied())
            .with_context(|| {
                tr!(
                    "exercise-no-such",
                    number = number,
                    lesson = id.as_str(),
                    count = of_lesson.len(),
                    typed = lesson_typed
                )
            })
    }

    /// Shows exercise `index`, then grades its file now and on every save
    /// until it passes.
    fn watch(&mut self, out: &mut impl Write, grader: &Grader, index: usize) -> Result<()> {
        let (lesson, exercise) = self.exercises[index].clone();
        let file = self
            .answers
            .file_with_starter(&exercise)
            .context(tr!("exercise-file-unwritable"))?
            .context(tr!("exercise-no-state-folder"))?;
        let lesson = &self.session.catalog().lessons()[lesson];
        let slide = lesson
            .slides
            .iter()
            .find(|slide| slide.exercises().any(|e| e.id == exercise.id))
            .context("the exercise is on no slide")?;
        // Whole: the terminal scrolls, and the student reads it once.
        let size = render::Size {
            columns: textwrap::termwidth(),
            rows: usize::MAX,
        };
        render::slide(out, lesson, slide, View::default(), size)?;
        writeln!(
            out,
            "\n{} {}\n{}",
            tr!("exercise-your-answer").bold(),
            file.display(),
            tr!("exercise-watch-keys").dimmed()
        )?;
        let saves = watch_file(&file)?;
        loop {
            if grade_file(out, grader, &exercise, &file)? {
                if let Some(warning) = self.session.record_solved(&exercise.id) {
                    writeln!(out, "{} {warning}", tr!("warning-prefix").yellow().bold())?;
                }
                writeln!(out, "{}", tr!("exercise-next").dimmed())?;
                return Ok(());
            }
            out.flush()?;
            saves.wait()?;
        }
    }
}

/// Grades the answer's file as it is now; whether it passed.
fn grade_file(
    out: &mut impl Write,
    grader: &Grader,
    exercise: &Exercise,
    file: &Path,
) -> Result<bool> {
    let answer = std::fs::read_to_string(file)
        .with_context(|| crate::tr!("cannot-read", path = file.display().to_string()))?;
    let color = colored::control::SHOULD_COLORIZE.should_colorize();
    let shown = file.display().to_string();
    let grade = grader.grade(exercise, &answer, AnswerName(&shown), color, || false)?;
    writeln!(out)?;
    render::grade(out, &grade, textwrap::termwidth())?;
    Ok(grade.passed())
}

/// The saves of one answer's file, as the file watcher sees them.
struct Saves {
    /// Kept alive: dropping it stops the watching.
    _watcher: notify::RecommendedWatcher,
    events: Receiver<()>,
}

fn watch_file(file: &Path) -> Result<Saves> {
    let (sender, events) = mpsc::channel();
    let name = file.file_name().map(|name| name.to_os_string());
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        // A change of the file's content; not its being read, which
        // grading it does.
        let ours = event.is_ok_and(|event| {
            (event.kind.is_create() || event.kind.is_modify())
                && event
                    .paths
                    .iter()
                    .any(|path| path.file_name().map(|n| n.to_os_string()) == name)
        });
        if ours {
            let _ = sender.send(());
        }
    })
    .context("cannot watch the answer's file")?;
    // The folder, not the file: editors save by writing a new file and
    // renaming it over the old one.
    let folder = file.parent().unwrap_or(Path::new("."));
    watcher
        .watch(folder, RecursiveMode::NonRecursive)
        .with_context(|| format!("cannot watch {}", folder.display()))?;
    Ok(Saves {
        _watcher: watcher,
        events,
    })
}

impl Saves {
    /// Waits for a save, then for the burst it starts to settle.
    fn wait(&self) -> Result<()> {
        self.events.recv().context("the file watcher stopped")?;
        while self.events.recv_timeout(SETTLE).is_ok() {}
        Ok(())
    }
}
