//! A snippet that does not compile must fail the build with an error that
//! names the lesson file and slide, at the lesson's own line. The build
//! compiles the module `codegen` generates; this test compiles the same
//! module with rustc and reads the error.

mod common;

use std::fs;
use std::process::Command;

use avance::lesson::{IncludeSource, ReadError, Scale, codegen, parse_lesson};

struct NoFiles;

impl IncludeSource for NoFiles {
    fn read(&self, _: &str) -> Result<String, ReadError> {
        Err(ReadError::NotEmbedded)
    }
}

const BROKEN: &str =
    "# Broken\n\nIntro.\n\n## A typo\n\n```rust\nlet x: u8 = 1;\nprintln!(\"{}\", x + y);\n```\n";

#[test]
fn a_broken_snippet_is_reported_at_its_lesson_file_and_line() {
    if !common::require_tool("rustc") {
        return;
    }
    let lesson = parse_lesson("07-broken.md", "lessons/07-broken.md", BROKEN, &NoFiles).unwrap();
    let snippet = lesson.snippets().next().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let module = dir
        .path()
        .join("lessons")
        .join(codegen::module_path(snippet));
    fs::create_dir_all(module.parent().unwrap()).unwrap();
    fs::write(
        &module,
        codegen::snippet_module(&lesson, snippet, Scale::Course),
    )
    .unwrap();
    fs::write(
        dir.path().join("lib.rs"),
        format!(
            "#[path = {:?}]\nmod snippet;\n",
            module.display().to_string()
        ),
    )
    .unwrap();
    let output = Command::new("rustc")
        .current_dir(dir.path())
        .args([
            "--edition",
            "2024",
            "--crate-type",
            "lib",
            "--emit",
            "metadata",
            "lib.rs",
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    let typo_line = BROKEN.lines().position(|l| l.contains("x + y")).unwrap() + 1;
    assert!(
        stderr.contains("error[E0425]: cannot find value `y`"),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("lessons/07-broken.md/slide-2.rs:{typo_line}:")),
        "{stderr}"
    );
}
