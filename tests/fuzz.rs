//! Fuzzing on stable Rust, with proptest: the lesson parser and the
//! progress loader get any bytes (and lesson-shaped text, which reaches
//! deeper) and must answer with a lesson or one error line, never a panic.
//! `cargo test` runs a bounded number of cases on every submission
//! (`PROPTEST_CASES` raises it for a longer hunt); a failing case is
//! shrunk, saved under `proptest-regressions/` and replayed by every later
//! run, so each crash found stays a regression test.

use std::fs;

use avance::catalog::Catalog;
use avance::lesson::{self, IncludeSource, ReadError};
use avance::session::{Progress, ProgressStore};
use proptest::prelude::*;

/// `default` cases, or as many as `PROPTEST_CASES` asks for.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}

/// Includes answer with a few lines, an error, or a region-less file.
struct FakeIncludes;

impl IncludeSource for FakeIncludes {
    fn read(&self, project_path: &str) -> Result<String, ReadError> {
        match project_path.len() % 3 {
            0 => Ok("// ANCHOR: a\nfn a() {}\n// ANCHOR_END: a\n".to_string()),
            1 => Err(ReadError::NotEmbedded),
            _ => Ok("no anchors\n\u{1b}[2J\n".to_string()),
        }
    }
}

/// Lines that mean something to the parser, so that random text builds
/// slides, fences, includes, hints and check lines rather than prose only.
fn lesson_line() -> impl Strategy<Value = String> {
    let fixed = prop::sample::select(vec![
        "# Title",
        "## Slide",
        "### Sub",
        "```rust",
        "```rust,ignore",
        "```rust,exercise",
        "```rust,solution",
        "```rust,test",
        "#[test]",
        "```rust,compile_fail",
        "```python",
        "```output",
        "```",
        "````",
        "~~~",
        "```cpp",
        "{{#include ../src/x.rs}}",
        "{{#include ../src/x.rs:a}}",
        "{{#include ../../etc/passwd}}",
        "# fn main() {",
        "# }",
        "#check let n = 1;",
        "<!-- hint: a hint -->",
        "<!-- notes: some notes",
        "-->",
        "<!-- notes: x -->",
        "| a | b |",
        "| --- | --- |",
        "- a bullet",
        "",
        "\u{feff}",
        "\u{1b}]0;title\u{7}",
        "    indented code",
        "println!(\"{}\", 1);",
    ])
    .prop_map(str::to_string);
    prop_oneof![4 => fixed, 1 => ".{0,40}"]
}

/// Mostly a valid start (a title and a slide), so that what follows is
/// parsed as slides rather than refused at line 1.
fn lesson_text() -> impl Strategy<Value = String> {
    let body = prop::collection::vec(lesson_line(), 0..60).prop_map(|lines| lines.join("\n"));
    (body, prop::bool::weighted(0.8)).prop_map(|(body, started)| {
        if started {
            format!("# Fuzz\n\n## First\n\n{body}\n")
        } else {
            body
        }
    })
}

/// A parse error is one line, naming the file and the line.
fn assert_one_line(error: &impl std::fmt::Display) {
    let text = error.to_string();
    assert!(!text.trim_end().contains('\n'), "not one line: {text:?}");
    assert!(!text.is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(512)))]

    #[test]
    fn lesson_shaped_text_gives_a_lesson_or_one_error_line(text in lesson_text()) {
        match lesson::parse_lesson("01-fuzz.md", "lessons/01-fuzz.md", &text, &FakeIncludes) {
            Ok(lesson) => prop_assert_eq!(lesson.number, 1),
            Err(error) => assert_one_line(&error),
        }
    }

    #[test]
    fn any_text_gives_a_lesson_or_one_error_line(text in "(?s).{0,400}") {
        if let Err(error) = lesson::parse_lesson("01-fuzz.md", "lessons/01-fuzz.md", &text, &FakeIncludes) {
            assert_one_line(&error);
        }
    }
}

proptest! {
    // Each case writes files: fewer of them.
    #![proptest_config(ProptestConfig::with_cases(cases(96)))]

    #[test]
    fn any_bytes_in_a_lessons_folder_give_a_catalog_or_one_error_line(
        bytes in prop::collection::vec(any::<u8>(), 0..600),
        shaped in lesson_text(),
        mix in any::<bool>(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let lessons = dir.path().join("lessons");
        fs::create_dir_all(&lessons).unwrap();
        let mut content = shaped.into_bytes();
        if mix {
            content.extend_from_slice(&bytes);
        } else {
            content = bytes;
        }
        fs::write(lessons.join("01-fuzz.md"), &content).unwrap();
        if let Err(error) = Catalog::from_dir(&lessons) {
            assert_one_line(&error);
        }
    }

    #[test]
    fn any_progress_file_loads_as_progress_or_a_warning_and_saves_again(
        bytes in prop::collection::vec(any::<u8>(), 0..300),
        json in progress_json(),
        raw in any::<bool>(),
    ) {
        let home = tempfile::tempdir().unwrap();
        let mut store = ProgressStore::in_dir(home.path());
        fs::write(store.path(), if raw { bytes } else { json.into_bytes() }).unwrap();
        let (mut progress, warning) = store.load();
        if let Some(warning) = warning {
            assert_one_line(&warning);
            prop_assert_eq!(&progress, &Progress::default());
        }
        prop_assert!(store.save(&mut progress).is_none());
        let (again, warning) = ProgressStore::in_dir(home.path()).load();
        prop_assert!(warning.is_none());
        prop_assert_eq!(again, progress);
    }
}

/// JSON close to a real progress file: right keys, odd values.
fn progress_json() -> impl Strategy<Value = String> {
    let value = prop::sample::select(vec![
        "1",
        "-1",
        "0",
        "1e400",
        "18446744073709551616",
        "\"x\"",
        "null",
        "[]",
        "{}",
        "[1, 2]",
        "[\"01-a/1\"]",
        "true",
    ]);
    (value.clone(), value.clone(), value, ".{0,8}").prop_map(|(slide, seen, run, id)| {
        format!(
            r#"{{"current": {{"lesson": "{id}", "slide": {slide}}}, "lessons": {{"{id}": {{"seen": {seen}, "run": {run}}}}}}}"#,
            id = id.replace(['"', '\\'], "")
        )
    })
}
