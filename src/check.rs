//! `avance check`: proves that every lesson says the truth. Each runnable
//! snippet runs in a child process (`avance snippet ID`) and its stdout is
//! matched with snapbox against the lesson's output block; a `compile_fail`
//! snippet is handed to rustc and must be refused with the listed codes;
//! a `python-output` block is matched against what its Python prints in
//! IPython (a fresh shell per slide). An exercise is checked as `rustlings
//! dev check` does: its solution (compiled in with its hidden tests) passes
//! every case, its starter fails, and no hint gives away a line of the
//! solution.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use snapbox::IntoData;
use snapbox::assert::{Action, Assert};

use crate::child::{self, ChildOutput};
use crate::grade::{self, AnswerName, Grader};
use crate::lesson::{CodeBlock, Exercise, Expected, Lesson, Mode, Scale, Slide, Snippet};
use crate::python;
use crate::run::Registry;
use crate::rustc;
use crate::tr;
use crate::verdict::{self, Ended, Happened};

/// A snippet that runs longer than this is killed and reported (the
/// presenter cuts its runs at the same limit).
pub(crate) const SNIPPET_TIMEOUT: Duration = Duration::from_secs(300);

/// What `avance check` reports for one snippet or Python block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Passed,
    /// What went wrong, with a diff where outputs differ.
    Failed(String),
    /// Why it could not be checked here (a missing tool).
    Skipped(String),
    /// Marked `ignore` or `no_run`: nothing to run (the build compiled `no_run`).
    NotRun,
}

/// Checks snippets with this program's compiled registry.
pub struct Checker {
    registry: Registry,
    exe: PathBuf,
    rustc: Option<PathBuf>,
}

impl Checker {
    pub fn new(registry: Registry, exe: PathBuf) -> Self {
        Checker {
            registry,
            exe,
            rustc: rustc::find(),
        }
    }

    /// Every snippet of the course's lesson `index`, then every
    /// `python-output` block (the course's other cells may run first).
    pub fn check_lesson(&self, course: &[Lesson], index: usize) -> Vec<(String, Verdict)> {
        let lesson = &course[index];
        let snippets = lesson
            .snippets()
            .map(|snippet| (snippet.id.clone(), self.check(snippet)));
        let exercises = lesson
            .exercises()
            .map(|exercise| (exercise.id.clone(), self.check_exercise(exercise)));
        let python = lesson
            .slides
            .iter()
            .flat_map(|slide| check_python(course, index, slide));
        snippets.chain(exercises).chain(python).collect()
    }

    pub fn check(&self, snippet: &Snippet) -> Verdict {
        match snippet.mode {
            Mode::Ignore | Mode::NoRun => Verdict::NotRun,
            Mode::CompileFail => self.check_compile_fail(snippet),
            Mode::Run | Mode::ShouldPanic => self.check_run(snippet),
        }
    }

    fn check_run(&self, snippet: &Snippet) -> Verdict {
        if let Err(why) = self.registry.runnable(snippet) {
            return Verdict::Failed(why.localized());
        }
        match run_child(&self.exe, &snippet.id, Scale::Check) {
            Ok(output) => report(judge_child(snippet, &output)),
            Err(e) => Verdict::Failed(tr!(
                "check-cannot-start",
                exe = self.exe.display().to_string(),
                why = e.to_string()
            )),
        }
    }

    /// The starter must fail its hidden tests (or not compile), and no
    /// hint may hold a line of the solution. (The solution is a snippet.)
    fn check_exercise(&self, exercise: &Exercise) -> Verdict {
        if let Some((hint, line)) = hint_giving_away(exercise) {
            return Verdict::Failed(tr!("check-hint-gives-away", hint = hint, line = line));
        }
        let Some(rustc) = &self.rustc else {
            return Verdict::Skipped(tr!("check-skipped-exercises"));
        };
        let starter = grade::starter(exercise);
        let grader = Grader::with(rustc.clone());
        match grader.grade(
            exercise,
            &starter,
            AnswerName(&tr!("check-starter-name")),
            false,
            || false,
        ) {
            Ok(grade) if grade.passed() => Verdict::Failed(tr!("check-starter-passes")),
            Ok(_) => Verdict::Passed,
            Err(why) => Verdict::Failed(why.to_string()),
        }
    }

    fn check_compile_fail(&self, snippet: &Snippet) -> Verdict {
        let Some(rustc) = &self.rustc else {
            return Verdict::Skipped(tr!("check-skipped-compile-fail"));
        };
        match rustc::compile_alone(rustc, snippet, false) {
            Err(e) => Verdict::Failed(tr!("verdict-rustc-unrunnable", why = e.to_string())),
            Ok(compiled) => report(verdict::judge(snippet, Happened::Compiled(&compiled))),
        }
    }
}

/// A hint (numbered from 1) that holds a line of the solution: any line of
/// eight characters or more, as written, so a brace or `Ok(())` is no giveaway.
fn hint_giving_away(exercise: &Exercise) -> Option<(usize, String)> {
    let solution = exercise.solution.visible_code();
    let lines: Vec<&str> = solution
        .lines()
        .map(str::trim)
        .filter(|line| line.chars().count() >= 8)
        .collect();
    exercise.hints.iter().enumerate().find_map(|(k, hint)| {
        let line = lines.iter().find(|line| hint.contains(**line))?;
        Some((k + 1, line.to_string()))
    })
}

/// The shared verdict on a snippet run in a child (`avance snippet ID`).
pub fn judge_child(snippet: &Snippet, output: &ChildOutput) -> verdict::Verdict {
    let ended = Ended::from_child(output.status, &output.stderr, SNIPPET_TIMEOUT.as_secs());
    verdict::judge(
        snippet,
        Happened::Ran {
            stdout: Some(&output.stdout),
            ended: &ended,
        },
    )
}

/// `check`'s line for a verdict: passed or failed, with why.
fn report(verdict: verdict::Verdict) -> Verdict {
    match verdict {
        verdict::Verdict::Wrong(wrong) => Verdict::Failed(wrong.to_string()),
        _ => Verdict::Passed,
    }
}

/// The slide's `python-output` blocks, each against what its Python block
/// printed when the slide's blocks ran in order in a fresh IPython shell
/// (python3 alone where IPython is missing), as `:python` runs them.
fn check_python(course: &[Lesson], index: usize, slide: &Slide) -> Vec<(String, Verdict)> {
    let lesson_id = &course[index].id;
    let blocks: Vec<&CodeBlock> = slide.python().collect();
    if blocks.iter().all(|block| block.expected.is_none()) {
        return Vec::new();
    }
    let run = python::run_in_course(course, index, slide.number).map(|(run, _)| run);
    let several = blocks.iter().filter(|b| b.expected.is_some()).count() > 1;
    blocks
        .iter()
        .enumerate()
        .filter_map(|(index, block)| Some((index, block.expected.as_ref()?)))
        .enumerate()
        .map(|(k, (index, expected))| {
            let suffix = if several {
                format!(".{}", k + 1)
            } else {
                String::new()
            };
            let id = format!("{lesson_id}/{} python{suffix}", slide.number);
            (id, python_verdict(&run, index, expected))
        })
        .collect()
}

fn python_verdict(
    run: &Result<python::PythonRun, python::PythonError>,
    index: usize,
    expected: &Expected,
) -> Verdict {
    let run = match run {
        Ok(run) => run,
        Err(
            error @ (python::PythonError::NotFound { .. }
            | python::PythonError::NeedsIPython
            | python::PythonError::NeedsCuda
            | python::PythonError::NeedsModule { .. }),
        ) => {
            return Verdict::Skipped(tr!("check-skipped-because", why = error.to_string()));
        }
        Err(error) => return Verdict::Failed(error.to_string()),
    };
    let raised = !run.success && index + 1 >= run.blocks.len();
    match run.blocks.get(index) {
        Some(_) if raised => Verdict::Failed(format!(
            "{}\n{}",
            tr!("check-python-failed"),
            run.stderr.trim_end()
        )),
        Some(stdout) => match compare(stdout, &expected.text) {
            Ok(()) => Verdict::Passed,
            Err(diff) => Verdict::Failed(format!(
                "{}\n{diff}",
                tr!("check-python-differs", line = expected.line)
            )),
        },
        None => Verdict::Failed(format!(
            "{}\n{}",
            tr!("check-python-stopped"),
            run.stderr.trim_end()
        )),
    }
}

/// snapbox's matching, with `[..]` and `...` wildcards; the diff on mismatch.
pub fn compare(actual: &str, expected: &str) -> Result<(), String> {
    // One final newline on both sides, so trailing newlines never matter
    // and a final `...` line can match no line at all.
    let actual = format!("{}\n", actual.trim_end_matches('\n'));
    let expected = format!("{}\n", expected.trim_end_matches('\n'));
    Assert::new()
        .action(Action::Verify)
        .normalize_paths(false)
        .try_eq(
            Some(&"actual stdout"),
            actual.into_data(),
            expected.into_data(),
        )
        .map_err(|e| e.to_string())
}

/// Runs `exe snippet ID` at `scale` with a timeout, capturing its output:
/// `check` runs [`Scale::Check`], export the course's.
pub fn run_child(exe: &Path, id: &str, scale: Scale) -> std::io::Result<ChildOutput> {
    let mut command = Command::new(exe);
    command.args(["--color", "never", "snippet", id]);
    if scale == Scale::Check {
        command.arg("--check");
    }
    child::run(command, SNIPPET_TIMEOUT)
}

#[cfg(test)]
mod tests {
    use super::compare;

    #[test]
    fn trailing_newlines_never_matter() {
        assert!(compare("a\nb", "a\nb\n\n").is_ok());
        assert!(compare("a\nb\n\n", "a\nb").is_ok());
        assert!(compare("", "").is_ok());
        assert!(compare("a\nc", "a\nb").is_err());
    }

    #[test]
    fn dots_match_any_number_of_lines_even_last() {
        assert!(compare("a\nz", "a\n...\nz").is_ok());
        assert!(compare("a\nx\ny\nz", "a\n...\nz").is_ok());
        assert!(compare("a", "a\n...").is_ok());
        assert!(compare("a\nx\ny", "a\n...").is_ok());
        assert!(compare("b\nx", "a\n...").is_err());
    }

    #[test]
    fn brackets_match_within_one_line() {
        assert!(compare("took 12 ms", "took [..] ms").is_ok());
        assert!(compare("took 1\n2 ms", "took [..] ms").is_err());
    }
}
