//! `avance check` over every lesson: each snippet prints what its lesson
//! says, each compile_fail snippet is refused by rustc, and each Python
//! block prints its `python-output`. A missing rustc or python3 skips
//! loudly, and fails under `AVANCE_REQUIRE_ALL=1`.

mod common;

use common::{avance, require_tool};

#[test]
fn every_lesson_checks() {
    let home = tempfile::tempdir().unwrap();
    let tools = require_tool("rustc") && require_tool("python3");
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
fn python_output_blocks_are_checked_with_python3() {
    if !require_tool("python3") {
        return;
    }
    let lesson = "# Py\n\n## Cells\n\n```python\nx = {'b', 'a', 'c'}\nprint('one')\n```\n\n```python-output\none\n```\n\n```python\nprint(sorted(x))\n```\n\n```python-output\n['a', 'b', 'c']\n```\n\n## Wrong\n\n```python\nprint(1 + 1)\n```\n\n```python-output\n3\n```\n";
    let (success, stdout) = check_one_lesson("01-py.md", lesson);
    assert!(!success, "{stdout}");
    assert!(
        stdout.contains("FAILED 01-py/3 python: the Python's stdout differs from the python-output block at line 28"),
        "{stdout}"
    );
    assert!(
        stdout.contains("check: 2 passed, 1 failed, 0 skipped"),
        "{stdout}"
    );
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
