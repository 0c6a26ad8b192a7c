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

const ANSWER_NOTE: &str = "Your answer: Enter keeps it and grades it with the hidden tests.";
const NO_ANSWER: &str =
    "write your answer first: :edit puts the starter in the line, :exercise opens it in $EDITOR";

impl<W: Write> Repl<W> {
    /// `:edit` on an exercise's slide: the answer so far, or the starter.
    pub(super) fn edit_answer(&mut self, exercise: &Exercise) -> io::Result<()> {
        let answer = self
            .answers
            .read(exercise)
            .unwrap_or_else(|| grade::starter(exercise));
        self.note(ANSWER_NOTE)?;
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
            self.problem(&format!("your answer could not be kept: {why}"))?;
        }
        self.grade_and_report(&exercise, code, "your answer")
    }

    /// `:check`: grades the answer kept for this slide's exercise.
    pub(super) fn check_exercise(&mut self) -> io::Result<()> {
        let Some(exercise) = self.session.slide().exercises().next().cloned() else {
            return self.problem("this slide has no exercise to check");
        };
        let Some(answer) = self.answers.read(&exercise) else {
            return self.problem(NO_ANSWER);
        };
        let shown = self.answer_name(&exercise);
        self.grade_and_report(&exercise, &answer, &shown)
    }

    /// `:exercise`: the answer's file in `$VISUAL` or `$EDITOR`, graded
    /// once the editor closes.
    pub(super) fn exercise_in_editor(&mut self) -> io::Result<()> {
        let Some(exercise) = self.session.slide().exercises().next().cloned() else {
            return self.problem("this slide has no exercise");
        };
        let Some(editor) = editor() else {
            return self.problem(
                "no editor is set: set $EDITOR (or $VISUAL) to yours, or use :edit to answer in the line",
            );
        };
        let file = match self.answers.file_with_starter(&exercise) {
            Ok(Some(file)) => file,
            Ok(None) => {
                return self.problem(
                    "there is no state folder to keep the answer's file in; use :edit to answer in the line",
                );
            }
            Err(why) => return self.problem(&format!("cannot write the answer's file: {why}")),
        };
        self.note(&format!("Opening {} in {editor}...", file.display()))?;
        self.out.flush()?;
        // The editor's command may carry arguments (`code --wait`), as git allows.
        let mut words = editor.split_whitespace();
        let program = words.next().unwrap_or_default();
        match Command::new(program).args(words).arg(&file).status() {
            Ok(status) if status.success() => self.check_exercise(),
            Ok(status) => self.problem(&format!("{editor} ended with {status}; answer not graded")),
            Err(why) => self.problem(&format!("cannot start the editor `{editor}`: {why}")),
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

    /// How rustc's messages name the answer: its file, or "your answer".
    fn answer_name(&self, exercise: &Exercise) -> String {
        match self.answers.file(exercise) {
            Some(file) if file.exists() => file.display().to_string(),
            _ => "your answer".to_string(),
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
            return self.note("Enter goes on to the next slide");
        }
        let more = if self.hints.get(&exercise.id).copied().unwrap_or(0) < exercise.hints.len() {
            ":hint gives a hint, "
        } else {
            ""
        };
        self.note(&format!(
            ":edit changes your answer, {more}:solution shows one"
        ))
    }

    /// `:hint`: the exercise's hints, one more each time.
    pub(super) fn hint(&mut self) -> io::Result<()> {
        let Some(exercise) = self.session.slide().exercises().next().cloned() else {
            return self.problem("this slide has no exercise");
        };
        let shown = self.hints.entry(exercise.id.clone()).or_insert(0);
        match exercise.hints.get(*shown) {
            Some(hint) => {
                *shown += 1;
                let count = format!("Hint {}/{}:", *shown, exercise.hints.len());
                writeln!(
                    self.out,
                    "{} {}",
                    count.yellow().bold(),
                    render::inline_markdown(hint)
                )
            }
            None if exercise.hints.is_empty() => {
                self.note("this exercise has no hints; :solution shows an answer")
            }
            None => self.note("no more hints; :solution shows an answer"),
        }
    }

    pub(super) fn solution(&mut self) -> io::Result<()> {
        let Some(exercise) = self.session.slide().exercises().next().cloned() else {
            return self.problem("this slide has no exercise");
        };
        render::code_block(
            &mut self.out,
            "Rust · a solution",
            "rust",
            &exercise.solution.visible_code(),
        )?;
        self.note("(:edit, then type it or your own version)")
    }
}

/// The student's editor: `$VISUAL`, else `$EDITOR`, when set.
fn editor() -> Option<String> {
    ["VISUAL", "EDITOR"]
        .into_iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.trim().is_empty())
}
