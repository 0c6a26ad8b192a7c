//! The course's Python, run for real with python3: `:python` in the REPL
//! and the `python-output` blocks that `avance check` verifies.
//!
//! A slide's Python blocks are a notebook's cells: block N runs after
//! blocks 1 to N−1 of the same slide, in one process, each as its fence
//! says (`src/python/driver.py`), after the course's cells of other slides
//! that define a name it lacks (`needs`). A marker printed
//! between the blocks tells which block printed what. `PYTHONHASHSEED=0`
//! makes the order of sets and dicts of strings the same on every run, and
//! the child runs in a fresh temporary folder, so a cell that writes files
//! leaves nothing behind.

use std::process::Command;
use std::time::Duration;

mod needs;

pub use needs::Needed;

use crate::child;
use crate::lesson::{CodeBlock, Lesson, PythonRole};

/// A slide's Python that runs longer than this is stopped.
const TIMEOUT: Duration = Duration::from_secs(120);

/// Printed between blocks; no course output contains it.
const MARKER: &str = "\u{1}avance-python-block\u{1}";

/// The interpreter: `$AVANCE_PYTHON` (a virtual environment's, say), else python3.
pub fn interpreter() -> String {
    std::env::var("AVANCE_PYTHON").unwrap_or_else(|_| "python3".to_string())
}

/// Why the Python could not be run at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PythonError {
    #[error(
        "{program} not found: running the course's Python needs python3 (or set AVANCE_PYTHON)"
    )]
    NotFound { program: String },
    #[error("{program} could not be started: {message}")]
    Start { program: String, message: String },
    #[error("the slide has no Python")]
    NoPython,
}

/// What the Python printed, block by block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PythonRun {
    /// The stdout of each block that ran, in order.
    pub blocks: Vec<String>,
    /// stderr of the run: a traceback when a block raised.
    pub stderr: String,
    /// Exited with status 0 before the deadline.
    pub success: bool,
}

impl PythonRun {
    /// Everything printed, as the student would see it in a notebook.
    pub fn stdout(&self) -> String {
        self.blocks.concat()
    }
}

/// How many cells of other slides a run may need first.
const MAX_NEEDED: usize = 4;

/// Runs all of slide `slide` (1-based) of lesson `lesson`'s Python, after
/// the course's cells it needs ([`needs`]): each time the run stops on a
/// `NameError`, the nearest cell defining the name is added and the run
/// starts again. Returns the run and the cells that ran first.
pub fn run_in_course(
    course: &[Lesson],
    lesson: usize,
    slide: usize,
) -> Result<(PythonRun, Vec<Needed<'_>>), PythonError> {
    let blocks: Vec<(PythonRole, &str)> = course[lesson].slides[slide - 1]
        .python()
        .map(|b| (b.role, b.text.as_str()))
        .collect();
    if blocks.is_empty() {
        return Err(PythonError::NoPython);
    }
    let mut needed: Vec<Needed> = Vec::new();
    loop {
        // The latest found first: what it defines, the others used.
        let first: Vec<&str> = needed.iter().rev().map(|n| n.cell.text.as_str()).collect();
        let run = run_with(&first, &blocks)?;
        // A thread's NameError does not end the run: read it all the same.
        let found = needs::missing_name(&run.stderr)
            .filter(|_| needed.len() < MAX_NEEDED)
            .and_then(|name| needs::defining_cell(course, lesson, slide, name))
            .filter(|found| needed.iter().all(|n| !std::ptr::eq(n.cell, found.cell)));
        match found {
            Some(cell) => needed.push(cell),
            None => return Ok((run, needed)),
        }
    }
}

/// Runs whole cells one after the other in one python3.
pub fn run_cells(cells: &[&str]) -> Result<PythonRun, PythonError> {
    let blocks: Vec<(PythonRole, &str)> =
        cells.iter().map(|&cell| (PythonRole::Cell, cell)).collect();
    run_blocks(&blocks)
}

/// Runs `blocks` one after the other in one python3, as notebook cells:
/// excerpts are skipped (their output is empty), transcripts run statement
/// by statement.
pub fn run_blocks(blocks: &[(PythonRole, &str)]) -> Result<PythonRun, PythonError> {
    run_with(&[], blocks)
}

/// [`run_blocks`] after the cells `needed`, run quietly first.
fn run_with(needed: &[&str], blocks: &[(PythonRole, &str)]) -> Result<PythonRun, PythonError> {
    let program = interpreter();
    let folder = tempfile::tempdir().map_err(|error| PythonError::Start {
        program: program.clone(),
        message: error.to_string(),
    })?;
    let mut command = Command::new(&program);
    command
        .arg("-c")
        .arg(script(needed, blocks))
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONIOENCODING", "utf-8")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .current_dir(folder.path());
    let output = child::run_until(command, TIMEOUT, crate::interrupt::stop_after_grace()).map_err(
        |error| match error.kind() {
            std::io::ErrorKind::NotFound => PythonError::NotFound {
                program: program.clone(),
            },
            _ => PythonError::Start {
                program: program.clone(),
                message: error.to_string(),
            },
        },
    )?;
    let mut blocks: Vec<String> = output
        .stdout
        .split(&format!("{MARKER}\n"))
        .map(str::to_string)
        .collect();
    // The text before the first marker belongs to no block.
    blocks.remove(0);
    Ok(PythonRun {
        blocks,
        stderr: output.stderr,
        success: output.status.is_some_and(|status| status.success()),
    })
}

/// The driver, given the blocks: each compiled and run on its own, as a
/// notebook cell (a syntax error in one does not stop the blocks before
/// it), its final expression echoed, with a marker first.
fn script(needed: &[&str], blocks: &[(PythonRole, &str)]) -> String {
    let cells: Vec<(&str, &str)> = blocks
        .iter()
        .map(|&(role, text)| (role_name(role), text))
        .collect();
    // JSON arrays of strings are Python list literals.
    let cells = serde_json::to_string(&cells).expect("strings serialise");
    let needed = serde_json::to_string(needed).expect("strings serialise");
    let marker = serde_json::to_string(MARKER).expect("a string serialises");
    format!("CELLS = {cells}\nNEEDED = {needed}\nMARKER = {marker}\n{DRIVER}")
}

/// Runs the cells: see its own comments.
const DRIVER: &str = include_str!("python/driver.py");

fn role_name(role: PythonRole) -> &'static str {
    match role {
        PythonRole::Cell => "cell",
        PythonRole::Excerpt => "excerpt",
        PythonRole::Console => "console",
        PythonRole::Raises => "raises",
    }
}

/// The slide whose whole cell holds `excerpt`'s lines (its blank lines and
/// indentation aside), if one of the lesson's does.
pub fn whole_cell_of(lesson: &Lesson, excerpt: &CodeBlock) -> Option<usize> {
    let lines = |text: &str| -> Vec<String> {
        text.lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .map(str::to_string)
            .collect()
    };
    let wanted = lines(&excerpt.text);
    let first = wanted.first()?;
    lesson.slides.iter().find_map(|slide| {
        slide
            .python()
            .filter(|block| block.role == PythonRole::Cell)
            .any(|block| {
                let cell = lines(&block.text);
                cell.iter()
                    .enumerate()
                    .filter(|(_, line)| *line == first)
                    .any(|(start, _)| cell[start..].starts_with(&wanted))
            })
            .then_some(slide.number)
    })
}

/// The statements of a `python,console` transcript, as the interpreter
/// read them: each `>>>` line with its `...` continuations, prompts
/// removed; the other lines are what it answered. `driver.py` reads a
/// transcript the same way.
pub fn console_statements(transcript: &str) -> Vec<String> {
    let mut statements = Vec::new();
    let mut statement: Option<String> = None;
    for line in transcript.lines() {
        let prompt = |marker: &str| {
            line.strip_prefix(marker)
                .map(|rest| rest.strip_prefix(' ').unwrap_or(rest))
        };
        match (prompt(">>>"), prompt("..."), statement.as_mut()) {
            (Some(code), _, _) => {
                statements.extend(statement.take());
                statement = Some(code.to_string());
            }
            (None, Some(code), Some(open)) => {
                open.push('\n');
                open.push_str(code);
            }
            _ => statements.extend(statement.take()),
        }
    }
    statements.extend(statement);
    // A compound statement's closing `...` line is blank: not code.
    statements
        .into_iter()
        .map(|statement| statement.trim_end().to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_transcripts_statements_are_its_prompted_lines() {
        let transcript =
            ">>> 6 * 7\n42\n>>> for i in range(2):\n...     print(i)\n...\n0\n1\n>>> y = 1";
        assert_eq!(
            console_statements(transcript),
            ["6 * 7", "for i in range(2):\n    print(i)", "y = 1"]
        );
    }

    /// Whether python3 runs; a skip is loud, and a failure under
    /// `AVANCE_REQUIRE_ALL=1` (CI).
    fn python_present() -> bool {
        let present = Command::new(interpreter())
            .arg("--version")
            .output()
            .is_ok_and(|out| out.status.success());
        assert!(
            present || std::env::var_os("AVANCE_REQUIRE_ALL").is_none_or(|v| v != "1"),
            "python3 not found, and AVANCE_REQUIRE_ALL=1 forbids skipping"
        );
        present
    }

    #[test]
    fn blocks_share_state_and_keep_their_own_output() {
        if !python_present() {
            eprintln!("SKIPPED: python3 not found");
            return;
        }
        let run =
            run_cells(&["x = 2\nprint('one')", "print(x * 21)\nprint('two')", "pass"]).unwrap();
        assert!(run.success, "{}", run.stderr);
        assert_eq!(run.blocks, ["one\n", "42\ntwo\n", ""]);
        assert_eq!(run.stdout(), "one\n42\ntwo\n");
    }

    #[test]
    fn sets_print_in_the_same_order_every_time_and_errors_are_kept() {
        if !python_present() {
            eprintln!("SKIPPED: python3 not found");
            return;
        }
        let set = r#"print({"einstein", "albert", "curie"})"#;
        let first = run_cells(&[set]).unwrap();
        assert_eq!(run_cells(&[set]).unwrap(), first);
        let failed = run_cells(&["print('before')", "1/0", "print('never')"]).unwrap();
        assert!(!failed.success);
        assert_eq!(failed.blocks, ["before\n", ""]);
        assert!(
            failed.stderr.contains("ZeroDivisionError"),
            "{}",
            failed.stderr
        );
    }

    #[test]
    fn a_syntax_error_stops_only_its_own_block() {
        if !python_present() {
            eprintln!("SKIPPED: python3 not found");
            return;
        }
        let run = run_cells(&["print('fine')", "def (:", "print('never')"]).unwrap();
        assert_eq!(run.blocks, ["fine\n", ""]);
        assert!(run.stderr.contains("<cell 2>"), "{}", run.stderr);
    }

    #[test]
    fn a_cell_of_another_lesson_that_defines_a_missing_name_runs_first() {
        if !python_present() {
            eprintln!("SKIPPED: python3 not found");
            return;
        }
        let defs = "# A\n\n## Defs\n\n```python\nimport math\nprint('quiet')\ndef double(x):\n    return 2 * x\n```\n";
        let uses = "# B\n\n## Uses\n\n```python\nprint(double(21), math.pi > 3)\n```\n\n\
                    ## Alone\n\n```python\nprint(nowhere)\n```\n";
        let course = [
            crate::lesson::demo_lesson(defs),
            crate::lesson::demo_lesson(uses),
        ];
        let number = |title: &str| {
            course[1]
                .slides
                .iter()
                .find(|s| s.title == title)
                .unwrap()
                .number
        };
        let (run, needed) = run_in_course(&course, 1, number("Uses")).unwrap();
        assert!(run.success, "{}", run.stderr);
        // What the needed cell prints is not the slide's.
        assert_eq!(run.blocks, ["42 True\n"]);
        assert_eq!(needed.len(), 1);
        assert_eq!(needed[0].name, "double");
        assert_eq!(
            needed[0].place,
            format!(
                "07-demo/{}",
                course[0]
                    .slides
                    .iter()
                    .find(|s| s.title == "Defs")
                    .unwrap()
                    .number
            )
        );
        let (alone, none) = run_in_course(&course, 1, number("Alone")).unwrap();
        assert!(!alone.success && none.is_empty());
        assert!(
            alone.stderr.contains("NameError: name 'nowhere'"),
            "{}",
            alone.stderr
        );
    }

    #[test]
    fn a_final_expression_is_echoed_as_a_notebook_does() {
        if !python_present() {
            eprintln!("SKIPPED: python3 not found");
            return;
        }
        let run = run_cells(&["x = 6\nx * 7", "print('printed')", "None", "'text'"]).unwrap();
        assert!(run.success, "{}", run.stderr);
        assert_eq!(run.blocks, ["42\n", "printed\n", "", "'text'\n"]);
    }

    #[test]
    fn each_role_runs_as_its_fence_says() {
        if !python_present() {
            eprintln!("SKIPPED: python3 not found");
            return;
        }
        let console =
            ">>> 6 * 7\n42\n>>> for i in range(2):\n...     print(i)\n...\n0\n1\n>>> y = 1";
        let run = run_blocks(&[
            (PythonRole::Excerpt, "    def fragment(self):"),
            (PythonRole::Console, console),
            (PythonRole::Raises, "print('before')\n1 / 0"),
            (PythonRole::Cell, "print(y)"),
        ])
        .unwrap();
        assert!(run.success, "{}", run.stderr);
        assert_eq!(
            run.blocks,
            [
                "",
                "42\n0\n1\n",
                "before\nZeroDivisionError: division by zero\n",
                "1\n"
            ]
        );
        let quiet = run_blocks(&[(PythonRole::Raises, "x = 1")]).unwrap();
        assert!(!quiet.success);
        assert!(
            quiet
                .stderr
                .contains("<cell 1> is marked python,raises but raised nothing"),
            "{}",
            quiet.stderr
        );
        assert!(!quiet.stderr.contains("<string>"), "{}", quiet.stderr);
    }
}
