//! rustc on a snippet alone: how `compile_fail` slides are verified by
//! `avance check` and shown by `:run` and `avance run`. The snippet is
//! compiled as a standalone program (std only) in a temporary folder, under
//! the same `lessons/NN-slug.md/slide-N.rs` name and line numbers as in the
//! build, so rustc's messages point at the lesson.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use colored::Colorize;

use crate::lesson::{Snippet, codegen};
use crate::verdict::{self, Happened, Verdict};

/// What rustc made of a snippet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Compiled {
    Accepted,
    /// Refused, with rustc's diagnostics.
    Refused(String),
}

/// `RUSTC` or `rustc` on PATH, if it answers `--version`.
pub fn find() -> Option<PathBuf> {
    let rustc = PathBuf::from(std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into()));
    let answers = Command::new(&rustc)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    answers
        .is_ok_and(|status| status.success())
        .then_some(rustc)
}

/// Compiles a snippet alone (type checking only: no code is generated).
pub fn compile_alone(rustc: &Path, snippet: &Snippet, color: bool) -> io::Result<Compiled> {
    let dir = tempfile::tempdir()?;
    let relative = Path::new("lessons").join(codegen::module_path(snippet));
    let file = dir.path().join(&relative);
    std::fs::create_dir_all(file.parent().unwrap_or(dir.path()))?;
    std::fs::write(&file, codegen::standalone_program(snippet))?;
    let output = Command::new(rustc)
        .current_dir(dir.path())
        .args([
            "--edition",
            "2024",
            "--crate-type",
            "bin",
            // The file is named after the slide (`slide-7.2.rs`), not a valid crate name.
            "--crate-name",
            "snippet",
            "--emit",
            "metadata",
            "-o",
            "snippet.rmeta",
        ])
        .args(["--color", if color { "always" } else { "never" }])
        .arg(&relative)
        .output()?;
    // The program is padded to keep the lesson's line numbers, so its
    // locations read as the lesson file's once the slide's file is dropped.
    let generated = relative.display().to_string();
    let lesson_file = Path::new("lessons").join(snippet_lesson_file(snippet));
    Ok(match output.status.success() {
        true => Compiled::Accepted,
        false => Compiled::Refused(
            String::from_utf8_lossy(&output.stderr)
                .replace(&generated, &lesson_file.display().to_string()),
        ),
    })
}

/// `01-underscore.md` for snippet `01-underscore/10`.
fn snippet_lesson_file(snippet: &Snippet) -> String {
    let lesson = snippet
        .id
        .rsplit_once('/')
        .map_or(snippet.id.as_str(), |(lesson, _)| lesson);
    format!("{lesson}.md")
}

/// Whether rustc failed because the snippet needs the `avance` crate, which
/// a snippet compiled alone does not have.
pub fn uses_the_crate(diagnostics: &str) -> bool {
    diagnostics.contains("`avance`")
}

/// Shows rustc's refusal of a `compile_fail` snippet, as the slide intends;
/// `false` when it did not go as intended (rustc accepted it, or failed to run).
pub fn show_refusal(out: &mut impl Write, snippet: &Snippet) -> io::Result<bool> {
    let Some(rustc) = find() else {
        writeln!(out, "{}", crate::tr!("verdict-no-rustc").yellow())?;
        return Ok(true);
    };
    let color = colored::control::SHOULD_COLORIZE.should_colorize();
    let compiled = match compile_alone(&rustc, snippet, color) {
        Ok(compiled) => compiled,
        Err(e) => {
            writeln!(
                out,
                "{} {}",
                crate::tr!("error-prefix").red().bold(),
                crate::tr!("verdict-rustc-unrunnable", why = e.to_string())
            )?;
            return Ok(false);
        }
    };
    // Judged on the plain text: colour codes would hide the error codes.
    let plain = match &compiled {
        Compiled::Refused(diagnostics) => {
            Compiled::Refused(crate::render::strip_styles(diagnostics))
        }
        Compiled::Accepted => Compiled::Accepted,
    };
    let verdict = verdict::judge(snippet, Happened::Compiled(&plain));
    match (&compiled, &verdict) {
        (Compiled::Refused(diagnostics), Verdict::RefusedAsIntended) => {
            writeln!(
                out,
                "{}",
                crate::tr!("verdict-refused-as-intended").yellow()
            )?;
            write!(out, "{diagnostics}")?;
            Ok(true)
        }
        _ => crate::render::verdict(out, &verdict),
    }
}
