//! The exercise commands. `:edit` puts the student's answer (the starter at
//! first) in the input line, and the line they send back is their answer:
//! kept, then graded. `:exercise` opens the answer in `$EDITOR` and grades
//! it when the editor closes; `:check` grades the answer kept; `:hint` gives
//! one more hint each time, `:solution` shows an answer.

use std::io::{self, Write};
use std::process::Command;

use colored::Colorize;

use crate::grade::{self, AnswerName, Grader};
use crate::lesson::Exercise;
use crate::render;

use super::Repl;
use crate::tr;

impl<W: Write> Repl<W> {
    /// `:edit` on an exercise's slide: the answer so far, or the starter.
    pub(super) fn edit_answer(&mut self, exercise: &Exercise) -> io::Result<()> {
        let answer = self
            .answers
            .read(exercise)
            .unwrap_or_else(|| grade::starter(exercise));
        self.note(&tr!("answer-note"))?;
        self.edit = Some(answer.trim_end().to_string());
        self.answering = Some(exercise.id.clone());
        Ok(())
    }

    /// The line `:edit` filled, sent back: the answer to `exercise_id`.
    pub(super) fn answer(&mut self, exercise_id: &str, code: &str) -> io::Result<()> {
        let Some(exercise) = self.exercise_here(exercise_id) else {
            return self.live_eval(code).map(drop);
        };
        if let Err(why) = self.answers.write(&exercise, code) {
            self.problem(&tr!("answer-not-kept", why = why.to_string()))?;
        }
        self.grade_and_report(&exercise, code, &tr!("answer-name"))
    }

    /// `:check`: grades the answer kept for this slide's exercise.
    pub(super) fn check_exercise(&mut self) -> io::Result<()> {
        let Some(exercise) = self.session.slide().exercises().next().cloned() else {
            return self.problem(&tr!("exercise-none-to-check"));
        };
        let Some(answer) = self.answers.read(&exercise) else {
            return self.problem(&tr!("answer-none"));
        };
        let shown = self.answer_name(&exercise);
        self.grade_and_report(&exercise, &answer, &shown)
    }

    /// `:exercise`: the answer's file in `$VISUAL` or `$EDITOR`, graded
    /// once the editor closes.
    pub(super) fn exercise_in_editor(&mut self) -> io::Result<()> {
        let Some(exercise) = self.session.slide().exercises().next().cloned() else {
            return self.problem(&tr!("exercise-none"));
        };
        let Some(editor) = editor() else {
            return self.problem(&tr!("editor-none"));
        };
        let file = match self.answers.file_with_starter(&exercise) {
            Ok(Some(file)) => file,
            Ok(None) => {
                return self.problem(&tr!("answer-no-folder"));
            }
            Err(why) => {
                return self.problem(&tr!("answer-file-unwritable", why = why.to_string()));
            }
        };
        self.note(&tr!(
            "editor-opening",
            path = file.display().to_string(),
            editor = editor.as_str()
        ))?;
        self.out.flush()?;
        // The editor's command may carry arguments (`code --wait`), as git allows.
        let mut words = editor.split_whitespace();
        let program = words.next().unwrap_or_default();
        match Command::new(program).args(words).arg(&file).status() {
            Ok(status) if status.success() => self.check_exercise(),
            Ok(status) => self.problem(&tr!(
                "editor-failed",
                editor = editor.as_str(),
                status = status.to_string()
            )),
            Err(why) => self.problem(&tr!(
                "editor-unstartable",
                editor = editor.as_str(),
                why = why.to_string()
            )),
        }
    }

    /// The exercise `exercise_id`, if it is still this slide's.
    fn exercise_here(&self, exercise_id: &str) -> Option<Exercise> {
        self.session
            .slide()
            .exercises()
            .find(|exercise| exercise.id == exercise_id)
            .cloned()
    }

    /// How rustc's messages name the answer: its file, or "your answer"
    /// in the course's language.
    fn answer_name(&self, exercise: &Exercise) -> String {
        match self.answers.file(exercise) {
            Some(file) if file.exists() => file.display().to_string(),
            _ => tr!("answer-name"),
        }
    }

    fn grade_and_report(
        &mut self,
        exercise: &Exercise,
        answer: &str,
        name: &str,
    ) -> io::Result<()> {
        let color = colored::control::SHOULD_COLORIZE.should_colorize();
        let graded = Grader::find().and_then(|grader| {
            let stop = crate::interrupt::stop_after_grace();
            grader.grade(exercise, answer, AnswerName(name), color, stop)
        });
        let grade = match graded {
            Ok(grade) => grade,
            Err(why) => return self.problem(&why.to_string()),
        };
        render::grade(&mut self.out, &grade, textwrap::termwidth())?;
        if grade.passed() {
            if let Some(warning) = self.session.record_solved(&exercise.id) {
                self.warn(&warning)?;
            }
            return self.note(&tr!("solved-go-on"));
        }
        if self.hints.get(&exercise.id).copied().unwrap_or(0) < exercise.hints.len() {
            self.note(&tr!("not-yet-with-hint"))
        } else {
            self.note(&tr!("not-yet"))
        }
    }

    /// `:hint`: the exercise's hints, one more each time.
    pub(super) fn hint(&mut self) -> io::Result<()> {
        let Some(exercise) = self.session.slide().exercises().next().cloned() else {
            return self.problem(&tr!("exercise-none"));
        };
        let shown = self.hints.entry(exercise.id.clone()).or_insert(0);
        match exercise.hints.get(*shown) {
            Some(hint) => {
                *shown += 1;
                let count = tr!("hint-count", shown = *shown, count = exercise.hints.len());
                writeln!(
                    self.out,
                    "{} {}",
                    count.yellow().bold(),
                    render::inline_markdown(hint)
                )
            }
            None if exercise.hints.is_empty() => self.note(&tr!("hint-none")),
            None => self.note(&tr!("hint-no-more")),
        }
    }

    pub(super) fn solution(&mut self) -> io::Result<()> {
        let Some(exercise) = self.session.slide().exercises().next().cloned() else {
            return self.problem(&tr!("exercise-none"));
        };
        render::code_block(
            &mut self.out,
            &tr!("label-solution"),
            "rust",
            &exercise.solution.visible_code(),
        )?;
        self.note(&tr!("solution-note"))
    }
}

/// The student's editor: `$VISUAL`, else `$EDITOR`, when set.
fn editor() -> Option<String> {
    ["VISUAL", "EDITOR"]
        .into_iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.trim().is_empty())
}
