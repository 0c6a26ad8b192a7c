//! mdBook-style includes: a line `{{#include ../src/conv/naive.rs:naive}}`
//! inside a fence is replaced by the region between `ANCHOR: naive` and
//! `ANCHOR_END: naive` of that file, so the code a student reads is the code
//! that runs. Only files under `src/`, `kernels/` and `lessons/examples/` may
//! be included.

use std::io;
use std::path::{Component, Path};

/// Where included files come from: the disk (the build, `--lessons DIR`) or
/// the copies embedded in the program.
pub trait IncludeSource {
    /// Reads a file by its path relative to the project root (`src/conv/naive.rs`).
    fn read(&self, project_path: &str) -> Result<String, ReadError>;
}

/// Why an [`IncludeSource`] could not give a file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    /// The program embeds only the files its own lessons include.
    #[error("not embedded in this build")]
    NotEmbedded,
    /// Its real path, links resolved, leaves the project.
    #[error("it is really {0}, outside the project")]
    OutsideProject(String),
    #[error("{message}")]
    Io {
        kind: io::ErrorKind,
        message: String,
    },
}

impl From<io::Error> for ReadError {
    fn from(error: io::Error) -> Self {
        ReadError::Io {
            kind: error.kind(),
            message: error.to_string(),
        }
    }
}

/// Why an include line could not be expanded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IncludeError {
    #[error(
        "include path `{0}` must point into src/, kernels/ or lessons/examples/ (written relative to the lessons folder, as `../src/file.rs` or `examples/crate/src/lib.rs`)"
    )]
    OutsideProject(String),
    #[error("cannot read included file `{path}`: {reason}")]
    Unreadable { path: String, reason: ReadError },
    #[error("included file `{path}` has no `ANCHOR: {anchor}` ... `ANCHOR_END: {anchor}` region")]
    MissingAnchor { path: String, anchor: String },
}

/// A parsed `{{#include PATH[:ANCHOR]}}` directive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Include {
    /// Relative to the project root.
    pub path: String,
    pub anchor: Option<String>,
}

/// Recognises an include line; `None` for any other line.
pub fn parse_directive(line: &str) -> Option<Result<Include, IncludeError>> {
    let inner = line
        .trim()
        .strip_prefix("{{#include ")?
        .strip_suffix("}}")?
        .trim();
    let (path, anchor) = match inner.rsplit_once(':') {
        Some((path, anchor)) => (path, Some(anchor.to_string())),
        None => (inner, None),
    };
    Some(project_path(path).map(|path| Include { path, anchor }))
}

/// `../src/a.rs` (relative to `lessons/`) becomes `src/a.rs`, if it stays
/// in src/, kernels/ or lessons/examples/ (the example crates lessons run).
fn project_path(written: &str) -> Result<String, IncludeError> {
    let mut parts: Vec<String> = vec!["lessons".into()];
    for component in Path::new(written).components() {
        match component {
            Component::Normal(part) => parts.push(part.to_string_lossy().into_owned()),
            Component::ParentDir if !parts.is_empty() => {
                parts.pop();
            }
            Component::CurDir => {}
            _ => return Err(IncludeError::OutsideProject(written.into())),
        }
    }
    let allowed = match parts.as_slice() {
        [top, _, ..] if top == "src" || top == "kernels" => true,
        [lessons, examples, _, ..] => lessons == "lessons" && examples == "examples",
        _ => false,
    };
    match allowed {
        true => Ok(parts.join("/")),
        false => Err(IncludeError::OutsideProject(written.into())),
    }
}

/// The project path of the first include line of a fence's text, if any
/// (a line that fails to parse is [`expand`]'s to report).
pub fn first_path(text: &str) -> Option<String> {
    text.lines()
        .find_map(parse_directive)
        .and_then(Result::ok)
        .map(|include| include.path)
}

/// Expands every include line of a fence's text.
pub fn expand(text: &str, source: &dyn IncludeSource) -> Result<String, IncludeError> {
    let mut out = Vec::new();
    for line in text.lines() {
        match parse_directive(line) {
            None => out.push(line.to_string()),
            Some(directive) => out.push(resolve(&directive?, source)?),
        }
    }
    Ok(out.join("\n"))
}

fn resolve(include: &Include, source: &dyn IncludeSource) -> Result<String, IncludeError> {
    let text = source
        .read(&include.path)
        .map_err(|reason| IncludeError::Unreadable {
            path: include.path.clone(),
            reason,
        })?;
    let text = super::visible::visible(&text);
    let lines: Vec<&str> = match &include.anchor {
        None => text.lines().collect(),
        Some(anchor) => {
            anchor_region(&text, anchor).ok_or_else(|| IncludeError::MissingAnchor {
                path: include.path.clone(),
                anchor: anchor.clone(),
            })?
        }
    };
    let kept: Vec<&str> = lines
        .into_iter()
        .filter(|line| !line.contains("ANCHOR:") && !line.contains("ANCHOR_END:"))
        .collect();
    Ok(dedent(&kept))
}

fn anchor_region<'a>(text: &'a str, anchor: &str) -> Option<Vec<&'a str>> {
    let start = format!("ANCHOR: {anchor}");
    let end = format!("ANCHOR_END: {anchor}");
    let mut lines = text
        .lines()
        .skip_while(|line| !ends_with_marker(line, &start));
    lines.next()?;
    let mut region = Vec::new();
    for line in lines {
        if ends_with_marker(line, &end) {
            return Some(region);
        }
        region.push(line);
    }
    None
}

/// `// ANCHOR: name` must end the line, so `name` does not match `name2`.
fn ends_with_marker(line: &str, marker: &str) -> bool {
    line.trim_end().ends_with(marker)
}

/// Removes the indentation the region had in its file (a method inside an `impl`).
fn dedent(lines: &[&str]) -> String {
    let indent = lines
        .iter()
        .filter(|line| !line.trim().is_empty())
        .map(|line| line.len() - line.trim_start().len())
        .min()
        .unwrap_or(0);
    lines
        .iter()
        .map(|line| line.get(indent..).unwrap_or("").trim_end())
        .collect::<Vec<_>>()
        .join("\n")
}
