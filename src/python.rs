//! The course's Python, run for real as the course ran it, in IPython:
//! `:python` in the REPL and the `python-output` blocks that `avance check`
//! verifies.
//!
//! A slide's Python blocks are a notebook's cells: they run in order in
//! one [`Shell`] (IPython's `InteractiveShell` in a child process, plain
//! python3 where IPython is missing), each as its fence says, after the
//! course's cells of other slides that define a name they lack (`needs`).
//! The REPL keeps one shell per lesson, so names from the slides run
//! before stay; `check` starts a fresh one per slide. `PYTHONHASHSEED=0`
//! makes the order of sets and dicts of strings the same on every run, and
//! the child runs in a fresh temporary folder, so a cell that writes files
//! leaves nothing behind.

use std::time::Duration;

mod needs;
mod shell;

pub use needs::Needed;
pub use shell::{Piece, Shell, ShellKind};

use crate::lesson::{CodeBlock, Lesson, PythonRole};
use crate::tr;

/// A Python cell that runs longer than this is stopped, and its shell too.
const TIMEOUT: Duration = Duration::from_secs(120);

/// The one line that says how to get IPython.
pub const INSTALL_IPYTHON: &str = "python3 -m pip install ipython";

/// The interpreter: `$AVANCE_PYTHON` (a virtual environment's, say), else python3.
pub fn interpreter() -> String {
    std::env::var("AVANCE_PYTHON").unwrap_or_else(|_| "python3".to_string())
}

/// Why the Python could not be run, or not to its end.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PythonError {
    NotFound {
        program: String,
    },
    Start {
        program: String,
        message: String,
    },
    NoPython,
    TimedOut {
        seconds: u64,
    },
    Killed,
    NeedsIPython,
    NeedsCuda,
    /// The slide's own Python imports a module this python3 cannot find:
    /// not installed, or built by a course cell that has not run.
    NeedsModule {
        module: String,
    },
}

impl std::fmt::Display for PythonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            PythonError::NotFound { program } => {
                tr!("python-not-found", program = program.as_str())
            }
            PythonError::Start { program, message } => tr!(
                "python-unstartable",
                program = program.as_str(),
                message = message.as_str()
            ),
            PythonError::NoPython => tr!("python-none"),
            PythonError::TimedOut { seconds } => tr!("python-timed-out", seconds = *seconds),
            PythonError::Killed => tr!("python-killed"),
            PythonError::NeedsIPython => tr!("python-needs-ipython", install = INSTALL_IPYTHON),
            PythonError::NeedsCuda => tr!("python-needs-cuda"),
            PythonError::NeedsModule { module } => {
                tr!("python-needs-module", module = module.as_str())
            }
        };
        f.write_str(&text)
    }
}

impl PythonError {
    /// Whether the shell is gone and a new one must start.
    pub fn shell_lost(&self) -> bool {
        matches!(
            self,
            PythonError::TimedOut { .. } | PythonError::Killed | PythonError::Start { .. }
        )
    }
}

/// What the Python printed, block by block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PythonRun {
    /// The stdout of each block that ran, in order.
    pub blocks: Vec<String>,
    /// stderr of the run: a traceback when a block raised.
    pub stderr: String,
    /// Every block ran as its fence says.
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

/// The course's cells slide `slide` (1-based) of lesson `lesson` needs
/// before its own in `shell`, the one to run first first: for each name
/// its blocks use that neither they nor the shell define, the nearest cell
/// that defines it ([`needs`]), and so on for that cell's own names.
/// `also` are cells found otherwise (a run's `NameError`). Refuses what
/// this shell cannot run: magics without IPython, pycuda without a GPU.
pub fn plan<'a>(
    shell: &mut Shell,
    course: &'a [Lesson],
    lesson: usize,
    slide: usize,
    also: &[Needed<'a>],
) -> Result<Vec<Needed<'a>>, PythonError> {
    let own = runnable(&course[lesson], slide)?;
    let mut needed: Vec<Needed> = also.to_vec();
    while needed.len() < MAX_NEEDED {
        let mut sources: Vec<&str> = own.iter().map(|(_, text)| *text).collect();
        sources.extend(needed.iter().map(|n| n.cell.text.as_str()));
        let found = shell.missing(&sources)?.into_iter().find_map(|name| {
            needs::defining_cell(course, lesson, slide, &name)
                .filter(|found| needed.iter().all(|n| !std::ptr::eq(n.cell, found.cell)))
        });
        match found {
            Some(cell) => needed.push(cell),
            None => break,
        }
    }
    let texts = own
        .iter()
        .map(|(_, text)| *text)
        .chain(needed.iter().map(|n| n.cell.text.as_str()));
    runs_here(shell, texts)?;
    // Only the slide's own imports: a needed cell that fails on one still
    // defines what comes before it, and says so in one line.
    // A cell magic's body is another language (`%%cython`'s `cimport`).
    for (role, text) in &own {
        if *role != PythonRole::Excerpt && !text.trim_start().starts_with("%%") {
            imports_here(shell, text)?;
        }
    }
    // The latest found first: what it defines, the others used.
    needed.reverse();
    Ok(needed)
}

/// The slide's blocks, none if it has no Python.
fn runnable(lesson: &Lesson, slide: usize) -> Result<Vec<(PythonRole, &str)>, PythonError> {
    let blocks: Vec<(PythonRole, &str)> = lesson.slides[slide - 1]
        .python()
        .map(|b| (b.role, b.text.as_str()))
        .collect();
    if blocks.is_empty() {
        return Err(PythonError::NoPython);
    }
    Ok(blocks)
}

/// Refuses cells this shell cannot run, before any of them runs.
fn runs_here<'t>(
    shell: &mut Shell,
    mut texts: impl Iterator<Item = &'t str> + Clone,
) -> Result<(), PythonError> {
    if shell.kind() == ShellKind::Plain && texts.clone().any(uses_magic) {
        return Err(PythonError::NeedsIPython);
    }
    if texts.any(|text| text.contains("pycuda")) && !(shell.has_module("pycuda")? && gpu_here()) {
        return Err(PythonError::NeedsCuda);
    }
    Ok(())
}

/// Refuses a cell that imports a module this shell cannot find, unless
/// the cell names it elsewhere than in its imports: a cell may write the
/// module it then imports (lesson 12 makes a package in a folder).
fn imports_here(shell: &mut Shell, cell: &str) -> Result<(), PythonError> {
    let elsewhere: String = cell
        .lines()
        .filter(|line| {
            let line = line.trim_start();
            !line.starts_with("import ") && !line.starts_with("from ")
        })
        .collect();
    for module in imported_modules(cell) {
        if !elsewhere.contains(&module) && !shell.has_module(&module)? {
            return Err(PythonError::NeedsModule { module });
        }
    }
    Ok(())
}

/// The top-level modules a cell imports, in order: `import a.b as c, d`
/// and `from a.b import c` on lines of their own at the cell's top level
/// (an import in a function or a `try` may fail on purpose; not relative
/// imports), comments left out.
pub fn imported_modules(cell: &str) -> Vec<String> {
    let mut modules: Vec<String> = Vec::new();
    for line in cell.lines() {
        let line = line.split('#').next().unwrap_or("");
        let names: Vec<&str> = if let Some(rest) = line.strip_prefix("import ") {
            rest.split(',').collect()
        } else if let Some(rest) = line.strip_prefix("from ") {
            rest.split_whitespace().next().into_iter().collect()
        } else {
            continue;
        };
        for name in names {
            let top = name.trim().split(['.', ' ']).next().unwrap_or("");
            let is_name = !top.is_empty() && top.chars().all(|c| c.is_alphanumeric() || c == '_');
            if is_name && !modules.iter().any(|m| m == top) {
                modules.push(top.to_string());
            }
        }
    }
    modules
}

/// Whether a cell holds IPython's own syntax: a line starting with `%`
/// (a magic) or `!` (a shell command), which no Python line does.
pub fn uses_magic(cell: &str) -> bool {
    cell.lines()
        .any(|line| line.trim_start().starts_with(['%', '!']))
}

/// Whether an NVIDIA GPU's driver is loaded here.
fn gpu_here() -> bool {
    std::path::Path::new("/dev/nvidiactl").exists()
}

/// Runs `needed` quietly (what they print is not the slide's), then the
/// slide's blocks in order, passing on what the blocks print; stops at the
/// first block that fails, as a notebook's "run all" does.
pub fn run_planned(
    shell: &mut Shell,
    course: &[Lesson],
    lesson: usize,
    slide: usize,
    needed: &[Needed],
    sink: &mut dyn FnMut(Piece),
) -> Result<PythonRun, PythonError> {
    let mut failed: Vec<(String, String)> = Vec::new();
    for cell in needed {
        let mut stderr = String::new();
        let ran = shell.run(PythonRole::Cell, &cell.cell.text, &mut |piece| {
            if let Piece::Stderr(text) = piece {
                stderr.push_str(text);
            }
        })?;
        // Quiet, but not silent when it fails: the slide will miss a name.
        if !ran {
            let why = needs::exception_line(&stderr).unwrap_or("it raised");
            let line = format!("the cell of {} failed: {why}\n", cell.place);
            sink(Piece::Stderr(&line));
            failed.push((cell.place.clone(), why.to_string()));
        }
    }
    let blocks = runnable(&course[lesson], slide)?;
    if failed.is_empty() {
        return run_blocks_in(shell, &blocks, sink);
    }
    // A cell it needed failed: a NameError of the slide's own is that
    // failure's consequence, said in one line rather than a traceback.
    let mut stderr = String::new();
    let run = run_blocks_in(shell, &blocks, &mut |piece| match piece {
        Piece::Stdout(_) => sink(piece),
        Piece::Stderr(text) => stderr.push_str(text),
    })?;
    match needs::missing_name(&stderr).filter(|_| !run.success) {
        Some(name) => {
            let (place, why) = &failed[0];
            let line = format!(
                "{}\n",
                tr!(
                    "python-needs-failed-cell",
                    name = name,
                    place = place.as_str(),
                    why = why.as_str()
                )
            );
            sink(Piece::Stderr(&line));
        }
        None => sink(Piece::Stderr(&stderr)),
    }
    Ok(run)
}

/// The cell of the course that defines the name a run's `NameError` named,
/// if it is not among `needed` already.
pub fn defining_missing<'a>(
    run: &PythonRun,
    course: &'a [Lesson],
    lesson: usize,
    slide: usize,
    needed: &[Needed<'a>],
) -> Option<Needed<'a>> {
    let name = needs::missing_name(&run.stderr)?;
    needs::defining_cell(course, lesson, slide, name)
        .filter(|found| needed.iter().all(|n| !std::ptr::eq(n.cell, found.cell)))
}

/// Runs all of slide `slide` (1-based) of lesson `lesson`'s Python in a
/// fresh shell, after the course's cells it needs ([`plan`]); when the run
/// stops on a `NameError` all the same (a name in a string, in a thread),
/// it starts again in a fresh shell after the cell that defines it.
/// Returns the run and the cells that ran first.
pub fn run_in_course(
    course: &[Lesson],
    lesson: usize,
    slide: usize,
) -> Result<(PythonRun, Vec<Needed<'_>>), PythonError> {
    let mut found: Vec<Needed> = Vec::new();
    loop {
        let mut shell = Shell::start()?;
        let needed = plan(&mut shell, course, lesson, slide, &found)?;
        let run = run_planned(&mut shell, course, lesson, slide, &needed, &mut |_| {})?;
        match defining_missing(&run, course, lesson, slide, &needed) {
            Some(cell) if needed.len() < MAX_NEEDED => found.push(cell),
            _ => return Ok((run, needed)),
        }
    }
}

/// Runs whole cells one after the other in a fresh shell.
pub fn run_cells(cells: &[&str]) -> Result<PythonRun, PythonError> {
    let blocks: Vec<(PythonRole, &str)> =
        cells.iter().map(|&cell| (PythonRole::Cell, cell)).collect();
    run_blocks(&blocks)
}

/// Runs `blocks` one after the other in a fresh shell, as notebook cells:
/// excerpts are skipped (their output is empty), transcripts run statement
/// by statement; stops at the first that fails.
pub fn run_blocks(blocks: &[(PythonRole, &str)]) -> Result<PythonRun, PythonError> {
    run_blocks_in(&mut Shell::start()?, blocks, &mut |_| {})
}

/// The blocks in `shell`, what they print passed on to `sink` too.
fn run_blocks_in(
    shell: &mut Shell,
    blocks: &[(PythonRole, &str)],
    sink: &mut dyn FnMut(Piece),
) -> Result<PythonRun, PythonError> {
    let mut run = PythonRun {
        blocks: Vec::new(),
        stderr: String::new(),
        success: true,
    };
    for &(role, text) in blocks {
        let mut stdout = String::new();
        let ran = shell.run(role, text, &mut |piece| {
            match piece {
                Piece::Stdout(t) => stdout.push_str(t),
                Piece::Stderr(t) => run.stderr.push_str(t),
            }
            sink(piece);
        })?;
        run.blocks.push(stdout);
        if !ran {
            run.success = false;
            break;
        }
    }
    Ok(run)
}

/// Whether [`interpreter`] can import IPython.
pub fn ipython_present() -> bool {
    std::process::Command::new(interpreter())
        .args(["-c", "import IPython"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
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
            .filter(|block| matches!(block.role, PythonRole::Cell | PythonRole::Raises))
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
        let present = std::process::Command::new(interpreter())
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
        assert!(run.stderr.contains("SyntaxError"), "{}", run.stderr);
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

    /// Whether IPython is installed for the interpreter; a skip is loud,
    /// and a failure under `AVANCE_REQUIRE_ALL=1` (CI).
    fn ipython_here() -> bool {
        let present = ipython_present();
        assert!(
            present || std::env::var_os("AVANCE_REQUIRE_ALL").is_none_or(|v| v != "1"),
            "IPython not found, and AVANCE_REQUIRE_ALL=1 forbids skipping"
        );
        if !present {
            eprintln!("SKIPPED: IPython not found ({INSTALL_IPYTHON})");
        }
        present
    }

    /// Runs one cell: whether it ran, its stdout, its stderr.
    fn cell(shell: &mut Shell, source: &str) -> (bool, String, String) {
        let (mut stdout, mut stderr) = (String::new(), String::new());
        let ran = shell
            .run(PythonRole::Cell, source, &mut |piece| match piece {
                Piece::Stdout(t) => stdout.push_str(t),
                Piece::Stderr(t) => stderr.push_str(t),
            })
            .unwrap();
        (ran, stdout, stderr)
    }

    #[test]
    fn an_ipython_shell_keeps_its_names_and_echoes_without_out_prompts() {
        if !ipython_here() {
            return;
        }
        let mut shell = Shell::start().unwrap();
        assert_eq!(shell.kind(), ShellKind::IPython);
        assert_eq!(
            cell(&mut shell, "x = 41"),
            (true, String::new(), String::new())
        );
        // A later call, as a second `:python`: the name is still there.
        assert_eq!(cell(&mut shell, "x + 1").1, "42\n");
        // `_` is the last value echoed, as the course's transcripts use it.
        assert_eq!(cell(&mut shell, "_ + 1").1, "43\n");
        // repr, as python3 prints it: IPython's pretty printer would sort.
        assert_eq!(cell(&mut shell, "[3, 1, 2]").1, "[3, 1, 2]\n");
        assert_eq!(cell(&mut shell, "None").1, "");
    }

    #[test]
    fn magics_run_in_ipython() {
        if !ipython_here() {
            return;
        }
        let mut shell = Shell::start().unwrap();
        let (ran, timed, _) = cell(&mut shell, "%timeit -n 10 -r 3 1+2");
        assert!(ran);
        assert!(
            timed.ends_with(" per loop (mean ± std. dev. of 3 runs, 10 loops each)\n"),
            "{timed}"
        );
        // `!cat` reads an empty stdin, not the shell's requests.
        let (ran, out, err) = cell(&mut shell, "!echo from the shell\n!cat\n%time y = 6 * 7\ny");
        assert!(ran, "{err}");
        assert!(out.starts_with("from the shell\n"), "{out}");
        assert!(out.contains("Wall time:"), "{out}");
        assert!(out.ends_with("\n42\n"), "{out}");
    }

    #[test]
    fn the_names_a_slide_lacks_include_those_inside_magics() {
        if !ipython_here() {
            return;
        }
        let mut shell = Shell::start().unwrap();
        cell(&mut shell, "import math");
        let missing = shell
            .missing(&["%timeit convolve(f, g)\ndef h(a):\n    return a + math.pi + q"])
            .unwrap();
        assert_eq!(missing, ["convolve", "f", "g", "q"]);
    }

    #[test]
    fn ctrl_c_stops_the_cell_and_the_shell_lives_on() {
        if !ipython_here() {
            return;
        }
        let mut shell = Shell::start().unwrap();
        cell(&mut shell, "x = 5");
        let pid = i32::try_from(shell.id()).unwrap();
        let ctrl_c = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(800));
            // SAFETY: kill(2) on the shell's child, alive until `shell` drops.
            unsafe { libc::kill(pid, libc::SIGINT) };
        });
        let started = std::time::Instant::now();
        let (ran, _, err) = cell(&mut shell, "import time\ntime.sleep(30)");
        ctrl_c.join().unwrap();
        assert!(!ran && err.contains("KeyboardInterrupt"), "{err}");
        assert!(started.elapsed() < Duration::from_secs(20));
        assert_eq!(cell(&mut shell, "x").1, "5\n");
    }

    #[test]
    fn a_cell_past_the_time_limit_stops_its_shell() {
        if !python_present() {
            eprintln!("SKIPPED: python3 not found");
            return;
        }
        let mut shell = Shell::start().unwrap();
        shell.set_timeout(Duration::from_secs(1));
        let error = shell
            .run(PythonRole::Cell, "import time\ntime.sleep(30)", &mut |_| {})
            .unwrap_err();
        assert_eq!(error, PythonError::TimedOut { seconds: 1 });
        assert!(error.shell_lost());
    }

    #[test]
    fn without_ipython_python3_runs_what_it_can() {
        if !python_present() {
            eprintln!("SKIPPED: python3 not found");
            return;
        }
        // python3 without site-packages (-S) and PYTHONPATH: no IPython.
        let folder = tempfile::tempdir().unwrap();
        let plain = folder.path().join("python-without-site");
        std::fs::write(
            &plain,
            format!(
                "#!/bin/sh\nexec env -u PYTHONPATH {} -S \"$@\"\n",
                interpreter()
            ),
        )
        .unwrap();
        std::fs::set_permissions(&plain, std::os::unix::fs::PermissionsExt::from_mode(0o755))
            .unwrap();
        let mut shell = Shell::start_with(plain.to_str().unwrap()).unwrap();
        assert_eq!(shell.kind(), ShellKind::Plain);
        assert_eq!(cell(&mut shell, "x = 6\nx * 7").1, "42\n");
        assert_eq!(cell(&mut shell, "x").1, "6\n");
        let magic = "# M\n\n## Timed\n\n```python\n%timeit 1+2\n```\n";
        let course = [crate::lesson::demo_lesson(magic)];
        let number = course[0]
            .slides
            .iter()
            .find(|s| s.title == "Timed")
            .unwrap()
            .number;
        assert_eq!(
            plan(&mut shell, &course, 0, number, &[]).unwrap_err(),
            PythonError::NeedsIPython
        );
    }

    #[test]
    fn the_modules_a_cell_imports() {
        let cell = "import numpy as np\nimport os.path, sys\nfrom monModuleFortran import themodule\n\
                    from . import sibling\n    import numba as nb\nx = 'import not'\nimport numpy\n\
                    import reglages  # finds it, compiles it, runs it";
        assert_eq!(
            imported_modules(cell),
            ["numpy", "os", "sys", "monModuleFortran", "reglages"]
        );
    }
}
