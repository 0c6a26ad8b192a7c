//! `avance check` over every lesson: each snippet prints what its lesson
//! says, each compile_fail snippet is refused by rustc, and each Python
//! block prints its `python-output` in IPython. A missing rustc or IPython
//! skips loudly, and fails under `AVANCE_REQUIRE_ALL=1`.

mod common;

use common::{avance, require_tool};

#[test]
fn every_lesson_checks() {
    let home = tempfile::tempdir().unwrap();
    let tools = require_tool("rustc") && common::require_python_modules(&["IPython"]);
    let output = avance(home.path()).arg("check").output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "avance check failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let summary = stdout.lines().last().unwrap_or_default();
    assert!(
        summary.starts_with("check: ") && summary.contains(" 0 failed"),
        "{summary}"
    );
    if tools {
        assert!(summary.ends_with(" 0 skipped"), "{summary}");
    }
}

/// `avance check` on a lessons folder holding only `text` as `file`:
/// whether it passed, and what it printed.
fn check_one_lesson(file: &str, text: &str) -> (bool, String) {
    let home = tempfile::tempdir().unwrap();
    let lessons = home.path().join("lessons");
    std::fs::create_dir(&lessons).unwrap();
    std::fs::write(lessons.join(file), text).unwrap();
    let output = avance(home.path())
        .arg("--lessons")
        .arg(&lessons)
        .arg("check")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    (output.status.success(), stdout)
}

#[test]
fn python_output_blocks_are_checked_in_ipython() {
    if !common::require_python_modules(&["IPython"]) {
        return;
    }
    let lesson = "# Py\n\n## Cells\n\n```python\nx = {'b', 'a', 'c'}\nprint('one')\n```\n\n```python-output\none\n```\n\n```python\nprint(sorted(x))\n```\n\n```python-output\n['a', 'b', 'c']\n```\n\n## Wrong\n\n```python\nprint(1 + 1)\n```\n\n```python-output\n3\n```\n\n## Magic\n\n```python\n!echo hi\nx = [1, 2]\nx\n```\n\n```python-output\nhi\n[1, 2]\n```\n";
    let (success, stdout) = check_one_lesson("01-py.md", lesson);
    assert!(!success, "{stdout}");
    assert!(
        stdout.contains("FAILED 01-py/3 python: the Python's stdout differs from the python-output block at line 28"),
        "{stdout}"
    );
    assert!(
        stdout.contains("check: 3 passed, 1 failed, 0 skipped"),
        "{stdout}"
    );
}

/// Without IPython (python3 without its site-packages), `check` says so
/// in one line, runs the plain cells in python3 and skips the magic ones;
/// under `AVANCE_REQUIRE_ALL=1` the missing IPython is a failure.
#[test]
fn python_without_ipython_is_one_line_and_a_failure_when_all_is_required() {
    if !require_tool("python3") {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let plain = home.path().join("python-without-site");
    std::fs::write(
        &plain,
        "#!/bin/sh\nexec env -u PYTHONPATH python3 -S \"$@\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&plain, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let lessons = home.path().join("lessons");
    std::fs::create_dir(&lessons).unwrap();
    let lesson = "# Py\n\n## Plain\n\n```python\nprint(6 * 7)\n```\n\n```python-output\n42\n```\n\n\
                  ## Magic\n\n```python\n!echo hi\n```\n\n```python-output\nhi\n```\n";
    std::fs::write(lessons.join("01-py.md"), lesson).unwrap();
    let check = |require_all: &str| {
        let output = avance(home.path())
            .env("AVANCE_PYTHON", &plain)
            .env("AVANCE_REQUIRE_ALL", require_all)
            .arg("--lessons")
            .arg(&lessons)
            .arg("check")
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
        (output.status.success(), stdout)
    };
    let line = "IPython not found with ";
    let (success, stdout) = check("0");
    assert!(success, "{stdout}");
    assert_eq!(stdout.matches(line).count(), 1, "{stdout}");
    assert!(
        stdout.contains("skipped 01-py/3 python: SKIPPED: this Python uses IPython's magics"),
        "{stdout}"
    );
    assert!(
        stdout.contains("check: 1 passed, 0 failed, 1 skipped"),
        "{stdout}"
    );
    let (success, stdout) = check("1");
    assert!(!success, "{stdout}");
    assert!(stdout.contains(&format!("FAILED {line}")), "{stdout}");
}

#[test]
fn a_compile_fail_block_beside_another_rust_block_is_checked() {
    if !require_tool("rustc") {
        return;
    }
    let lesson = "# Two\n\n## Blocks\n\n```rust,ignore\nlet shown = 1;\n```\n\n```rust,compile_fail\nif 0 {}\n```\n\n```output\nE0308\n```\n";
    let (success, stdout) = check_one_lesson("01-two.md", lesson);
    assert!(success, "{stdout}");
    assert!(
        stdout.contains("check: 1 passed, 0 failed, 0 skipped"),
        "{stdout}"
    );
}

/// As `rustlings dev check` does: a starter that already passes its hidden
/// tests is refused, and so is a hint that gives a line of the solution
/// away; a starter that fails is what an exercise should be.
#[test]
fn an_exercise_whose_starter_passes_or_whose_hint_answers_is_refused() {
    if !require_tool("rustc") {
        return;
    }
    let exercise = |starter: &str, hint: &str| {
        format!(
            "## Ex\n\n```rust,exercise\n{starter}\n```\n\n```rust,solution\nfn double(n: i32) -> i32 {{\n    n.wrapping_mul(2)\n}}\n```\n\n\
             ```rust,test\n#[test]\nfn doubles() {{\n    assert_eq!(double(21), 42);\n}}\n```\n\n<!-- hint: {hint} -->\n\n"
        )
    };
    let lesson = format!(
        "# Ex\n\n{}{}{}",
        exercise("fn double(n: i32) -> i32 {\n    todo!()\n}", "Multiply."),
        exercise("fn double(n: i32) -> i32 {\n    n * 2\n}", "Multiply."),
        exercise(
            "fn double(n: i32) -> i32 {\n    n\n}",
            "Try `n.wrapping_mul(2)`."
        ),
    );
    let (success, stdout) = check_one_lesson("01-ex.md", &lesson);
    assert!(!success, "{stdout}");
    assert!(!stdout.contains("FAILED 01-ex/2-exercise"), "{stdout}");
    assert!(
        stdout.contains(
            "FAILED 01-ex/3-exercise: the starter already passes every hidden test: the exercise asks nothing"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "FAILED 01-ex/4-exercise: hint 1 gives away the solution's line `n.wrapping_mul(2)`; a hint nudges, it does not answer"
        ),
        "{stdout}"
    );
}
