//! Fence info strings (```` ```rust,no_run ````) parsed into typed kinds.
//!
//! Attributes follow rustdoc. Anything this module does not know is an error,
//! so a typo such as `rust,no-run` is caught instead of silently running.

use super::model::{Mode, PythonRole};

/// What a fence is, from its info string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FenceKind {
    Rust(Mode),
    /// `rust,exercise`: code with `todo!()` for the student to complete.
    Exercise,
    /// `rust,solution`: the exercise's answer, compiled and checked.
    Solution,
    /// `rust,test`: the exercise's hidden tests.
    Test,
    Output,
    /// The stdout of the `python` block before it, run by `avance check`.
    PythonOutput,
    /// The course's Python: a cell, an excerpt, a transcript or a cell
    /// that raises.
    Python(PythonRole),
    /// Display-only code in any other language (`python`, `toml`, `text`...).
    Display(String),
}

/// The attributes a `rust` fence accepts, as written after the comma.
pub const RUST_ATTRIBUTES: [&str; 7] = [
    "no_run",
    "ignore",
    "should_panic",
    "compile_fail",
    "exercise",
    "solution",
    "test",
];

/// The attributes a `python` fence accepts.
pub const PYTHON_ATTRIBUTES: [&str; 3] = ["excerpt", "console", "raises"];

/// Why an info string was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FenceError {
    #[error(
        "unknown attribute `{attribute}` on a `{lang}` fence (rust fences take {}; python fences take {}; other fences take none)",
        RUST_ATTRIBUTES.join(", "),
        PYTHON_ATTRIBUTES.join(", ")
    )]
    UnknownAttribute { lang: String, attribute: String },
    #[error("attributes `{first}` and `{second}` cannot be combined on one fence")]
    Conflict { first: String, second: String },
}

/// Parses `rust,no_run`, `rust no_run`, `python`, `output` or an empty string.
pub fn parse_info(info: &str) -> Result<FenceKind, FenceError> {
    let mut words = info
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|word| !word.is_empty());
    let lang = words.next().unwrap_or("").to_string();
    let attributes: Vec<&str> = words.collect();
    match lang.as_str() {
        "rust" => match attributes.as_slice() {
            ["exercise"] => Ok(FenceKind::Exercise),
            ["solution"] => Ok(FenceKind::Solution),
            ["test"] => Ok(FenceKind::Test),
            _ => rust_mode(&attributes).map(FenceKind::Rust),
        },
        "python" => python_role(&attributes).map(FenceKind::Python),
        _ => match attributes.first() {
            Some(attribute) => Err(FenceError::UnknownAttribute {
                lang,
                attribute: attribute.to_string(),
            }),
            None if lang == "output" => Ok(FenceKind::Output),
            None if lang == "python-output" => Ok(FenceKind::PythonOutput),
            None => Ok(FenceKind::Display(lang)),
        },
    }
}

fn python_role(attributes: &[&str]) -> Result<PythonRole, FenceError> {
    match attributes {
        [] => Ok(PythonRole::Cell),
        ["excerpt"] => Ok(PythonRole::Excerpt),
        ["console"] => Ok(PythonRole::Console),
        ["raises"] => Ok(PythonRole::Raises),
        [first, second, ..]
            if PYTHON_ATTRIBUTES.contains(first) && PYTHON_ATTRIBUTES.contains(second) =>
        {
            Err(FenceError::Conflict {
                first: first.to_string(),
                second: second.to_string(),
            })
        }
        [first, second, ..] if PYTHON_ATTRIBUTES.contains(first) => {
            Err(FenceError::UnknownAttribute {
                lang: "python".into(),
                attribute: second.to_string(),
            })
        }
        [attribute, ..] => Err(FenceError::UnknownAttribute {
            lang: "python".into(),
            attribute: attribute.to_string(),
        }),
    }
}

fn rust_mode(attributes: &[&str]) -> Result<Mode, FenceError> {
    let mut chosen: Option<(&str, Mode)> = None;
    for &attribute in attributes {
        let mode = match attribute {
            "no_run" => Mode::NoRun,
            "ignore" => Mode::Ignore,
            "should_panic" => Mode::ShouldPanic,
            "compile_fail" => Mode::CompileFail,
            "exercise" | "solution" | "test" => {
                // Combined with another attribute (alone, they are kinds).
                let other = attributes.iter().find(|a| **a != attribute).unwrap_or(&"");
                return Err(FenceError::Conflict {
                    first: other.to_string(),
                    second: attribute.into(),
                });
            }
            _ => {
                return Err(FenceError::UnknownAttribute {
                    lang: "rust".into(),
                    attribute: attribute.into(),
                });
            }
        };
        if let Some((first, _)) = chosen {
            return Err(FenceError::Conflict {
                first: first.into(),
                second: attribute.into(),
            });
        }
        chosen = Some((attribute, mode));
    }
    Ok(chosen.map_or(Mode::Run, |(_, mode)| mode))
}
