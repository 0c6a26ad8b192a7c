//! `avance check` over every lesson: each snippet prints what its lesson
//! says, and each compile_fail snippet is refused by rustc. A missing rustc
//! skips loudly, and fails under `AVANCE_REQUIRE_ALL=1`.

mod common;

use common::{avance, require_tool};

#[test]
fn every_lesson_checks() {
    let home = tempfile::tempdir().unwrap();
    let rustc = require_tool("rustc");
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
    if rustc {
        assert!(summary.ends_with(" 0 skipped"), "{summary}");
    }
}
