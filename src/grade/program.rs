//! The program that grades an answer. `answer.rs`, a module of the crate,
//! holds the student's code alone, so the lines rustc names in it are the
//! student's own, and a `fn main` of theirs is only a function there.
//! `hidden tests.rs`, a module of the answer (so it sees private items),
//! holds the lesson's tests and the function that runs them one by one, each
//! under `catch_unwind`, reporting on stderr between separators that no
//! printed text contains.

use std::io;
use std::path::Path;

use crate::lesson::Exercise;

use super::AnswerName;

/// The crate's root, its two modules, and the program rustc makes.
const ROOT: &str = "graded.rs";
const ANSWER: &str = "answer.rs";
const TESTS: &str = "hidden tests.rs";
pub(super) const EXECUTABLE: &str = "graded";

/// Debug build, no debug info, warnings off: the answer is a draft.
pub(super) const RUSTC_ARGS: [&str; 13] = [
    ROOT,
    "--edition",
    "2024",
    "--crate-name",
    "answer",
    "-C",
    "debuginfo=0",
    "-A",
    "warnings",
    "-o",
    EXECUTABLE,
    "--crate-type",
    "bin",
];

/// Starts a report line; `FIELD` separates its fields.
pub(super) const RECORD: char = '\u{1e}';
pub(super) const FIELD: char = '\u{1f}';

/// Writes the program's three files into `dir`.
pub(super) fn write(dir: &Path, exercise: &Exercise, answer: &str) -> io::Result<()> {
    let root = format!(
        "#[path = \"{ANSWER}\"]\nmod answer;\n\nfn main() {{\n    answer::avance_hidden_tests::run_the_cases();\n}}\n"
    );
    std::fs::write(dir.join(ROOT), root)?;
    std::fs::write(dir.join(ANSWER), answer_file(answer))?;
    std::fs::write(dir.join(TESTS), tests_file(exercise))?;
    Ok(())
}

/// The answer, then the tests' module declared after its last line.
fn answer_file(answer: &str) -> String {
    format!("{answer}\n#[path = \"{TESTS}\"]\npub(crate) mod avance_hidden_tests;\n")
}

/// The tests as plain functions, and the entry point that calls each.
fn tests_file(exercise: &Exercise) -> String {
    let cases: String = exercise
        .tests
        .cases
        .iter()
        .map(|name| format!("(\"{name}\", {name} as fn()), "))
        .collect();
    format!(
        r#"#[allow(unused_imports)]
use super::*;

{tests}

pub(crate) fn run_the_cases() {{
    std::panic::set_hook(Box::new(|info| {{
        let payload = info.payload();
        let message = payload
            .downcast_ref::<&str>()
            .map(|text| text.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        eprint!("{RECORD}failed{FIELD}{{message}}{RECORD}");
    }}));
    let cases: &[(&str, fn())] = &[{cases}];
    for (name, case) in cases {{
        eprint!("{RECORD}case{FIELD}{{name}}{RECORD}");
        let _ = std::panic::catch_unwind(case);
    }}
    eprint!("{RECORD}done{RECORD}");
}}
"#,
        tests = exercise.tests.as_plain_functions(),
    )
}

/// rustc's messages with the generated files' names replaced: the answer by
/// what the student calls it, the tests by what they are.
pub(super) fn rename_files(diagnostics: &str, name: AnswerName) -> String {
    diagnostics
        .replace(&format!("{TESTS}:"), "hidden tests:")
        .replace(&format!("{ANSWER}:"), &format!("{}:", name.0))
}
