//! Helpers shared by the integration tests: the program with a private
//! progress folder, and the "skip loudly, or fail under CI" rule for tests
//! that need an outside tool.

#![allow(dead_code)] // each test file uses a different part

use std::path::Path;

use assert_cmd::Command;

/// `avance` with its progress and history in `home`, and no colour; live
/// Rust off (tests/live.rs turns it on), so the other REPL tests start no
/// compiler in the background; in English whatever the machine's locale
/// (tests/i18n.rs sets the language itself).
pub fn avance(home: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_avance"));
    command
        .env("AVANCE_HOME", home)
        .env("AVANCE_LANG", "en")
        // No background build of the lessons' crates in every REPL a test
        // starts (tests/live.rs checks the preparation on its own).
        .env("AVANCE_LIVE_PREPARE", "off")
        .env("AVANCE_LIVE", "off")
        .env_remove("NO_COLOR");
    command
}

/// The REPL fed `input` on stdin; returns its stdout.
pub fn repl(home: &Path, input: impl Into<Vec<u8>>) -> String {
    repl_output(avance(home), input)
}

/// Whether an outside tool can be started (its answer to `--version` does
/// not matter: tmux, for one, has no such flag); if not, says so loudly, and fails
/// when `AVANCE_REQUIRE_ALL=1` (set by `.ci/run`), where a skip is a failure.
pub fn require_tool(tool: &str) -> bool {
    let found = std::process::Command::new(tool)
        .arg("--version")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok();
    if !found {
        skip(&format!("{tool} not found"), REQUIRE_ALL);
    }
    found
}

/// Set to 1 (by `.ci/run`), a test skipped for a missing tool fails.
pub const REQUIRE_ALL: &str = "AVANCE_REQUIRE_ALL";
/// Set to 1 on a GPU machine, a GPU test skipped for want of a device fails.
pub const REQUIRE_GPU: &str = "AVANCE_REQUIRE_GPU";

/// Says loudly that a test is skipped for `reason`, or fails when the
/// variable `required_by` is 1, where a skip is a failure.
pub fn skip(reason: &str, required_by: &str) {
    assert!(
        std::env::var_os(required_by).is_none_or(|v| v != "1"),
        "{reason}, and {required_by}=1 forbids skipping"
    );
    eprintln!("SKIPPED: {reason}");
}

/// Whether python3 can import every module in `modules`; if not, says so
/// loudly, and fails under `AVANCE_REQUIRE_ALL=1` as [`require_tool`] does.
pub fn require_python_modules(modules: &[&str]) -> bool {
    let script = format!("import {}", modules.join(", "));
    let found = std::process::Command::new("python3")
        .args(["-c", &script])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    if !found {
        let install = modules.join(" ");
        skip(
            &format!("python3 cannot import {modules:?} (pip install {install})"),
            REQUIRE_ALL,
        );
    }
    found
}

/// What the snippet of lesson 1's slide 2 prints, from the lesson's
/// ```output block: the lesson is the source of truth, and its numbers may
/// be edited.
pub fn output_of_slide_2() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/lessons/01-underscore.md");
    let lesson = std::fs::read_to_string(path).expect("lesson 1 is readable");
    let (_, slide_2) = lesson
        .split_once("\n## Digit separators")
        .expect("lesson 1 has the digit separators slide");
    let (_, output) = slide_2
        .split_once("```output\n")
        .expect("slide 2 has an output block");
    let (output, _) = output.split_once("```").expect("the output block ends");
    output.trim().to_string()
}

/// The REPL that `command` starts, fed `input`; returns its stdout, after
/// checking that it ended well.
pub fn repl_output(mut command: Command, input: impl Into<Vec<u8>>) -> String {
    let output = command.write_stdin(input).output().expect("avance starts");
    assert!(
        output.status.success(),
        "the REPL failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("the REPL prints UTF-8")
}

/// Whether a library the test needs (NVRTC) can be loaded, given its
/// probe's answer; if not, says so loudly, and fails under
/// `AVANCE_REQUIRE_ALL=1` as [`require_tool`] does.
pub fn require_library(what: &str, probe: Result<(), impl std::fmt::Display>) -> bool {
    match probe {
        Ok(()) => true,
        Err(why) => {
            skip(&format!("{what}: {why}"), REQUIRE_ALL);
            false
        }
    }
}

/// Whether a GPU test can run, given what opening the device gave; if
/// not, says so loudly, and fails under `AVANCE_REQUIRE_GPU=1` (set on the
/// GPU machine; CI has no GPU, so `AVANCE_REQUIRE_ALL` does not apply).
pub fn require_gpu<T, E: std::fmt::Display>(device: Result<T, E>) -> Option<T> {
    match device {
        Ok(device) => Some(device),
        Err(why) => {
            skip(&format!("GPU test: {why}"), REQUIRE_GPU);
            None
        }
    }
}
