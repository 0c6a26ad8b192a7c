//! Markdown to model: one lesson file becomes a [`Lesson`].
//!
//! pulldown-cmark does the Markdown; this module walks its events, keeps
//! their source lines, and enforces the lesson format (one `#` title, `##`
//! slides, typed fences, output blocks after rust blocks, notes comments).
//! Every error names the file and line and says what would be right.

mod builder;
mod walker;

use builder::Builder;

use super::fence::FenceError;
use super::include::{IncludeError, IncludeSource};
use super::model::{Block, Lesson, Mode, Slide};

/// A lesson file that does not follow the format, with where and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {kind}")]
pub struct ParseError {
    pub file: String,
    pub line: usize,
    pub kind: ParseErrorKind,
}

/// What is wrong in a lesson file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseErrorKind {
    #[error("lesson file names look like `NN-slug.md` (e.g. `01-underscore.md`), not `{0}`")]
    FileName(String),
    #[error("the lesson number {0} is too large: number lessons from 01 (at most {max})", max = u32::MAX)]
    NumberTooLarge(String),
    #[error("the lesson has no `# Title` line; its first heading must be a level-1 title")]
    MissingTitle,
    #[error("content before the `# Title` line; a lesson starts with its title")]
    BeforeTitle,
    #[error("a second `# ` title; a lesson has one title, and its slides start with `## `")]
    SecondTitle,
    #[error(transparent)]
    Fence(#[from] FenceError),
    #[error("an `output` block must follow a `rust` block; this one follows {0}")]
    OrphanOutput(&'static str),
    #[error("a `python-output` block must follow a `python` block; this one follows {0}")]
    OrphanPythonOutput(&'static str),
    #[error(
        "an `output` block after a rust block marked `{0}`, which never runs; remove one or the other"
    )]
    OutputForUnrun(&'static str),
    #[error(
        "a `compile_fail` rust block needs an `output` block listing the expected error codes (e.g. E0308)"
    )]
    CompileFailWithoutCodes,
    #[error(
        "raw HTML is not part of the lesson format; only `<!-- notes: ... -->` and plain comments are"
    )]
    Html,
    #[error(transparent)]
    Include(#[from] IncludeError),
    #[error(
        "a `rust,exercise` block needs a `rust,solution` block, then a `rust,test` block (the hidden tests)"
    )]
    IncompleteExercise,
    #[error("a `rust,solution` block must follow its `rust,exercise` block")]
    OrphanSolution,
    #[error("a `rust,test` block must follow the `rust,solution` block of an exercise")]
    OrphanTests,
    #[error(
        "a `rust,test` block needs at least one case: a `#[test]` line, then `fn name() {{ ... }}`"
    )]
    TestsWithoutCases,
    #[error("a `<!-- hint: ... -->` comment must follow a `rust,exercise` block on the same slide")]
    OrphanHint,
    #[error(
        "the {0} fence opened on this line is never closed: it would run to the end of the file; close it with a line of {0}"
    )]
    UnclosedFence(String),
}

/// `01-underscore.md` gives `(1, "underscore")`; anything else is refused.
pub fn lesson_file_id(file_name: &str) -> Option<(u32, &str)> {
    let stem = file_name.strip_suffix(".md")?;
    let (number, slug) = stem.split_once('-')?;
    let valid_slug = !slug.is_empty()
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if number.is_empty() || !number.chars().all(|c| c.is_ascii_digit()) || !valid_slug {
        return None;
    }
    Some((number.parse().ok()?, slug))
}

/// Why `file_name` is not a lesson's: a number too large to be one, or
/// not the shape of one.
fn file_name_problem(file_name: &str) -> ParseErrorKind {
    match file_name.split_once('-') {
        Some((digits, _))
            if !digits.is_empty()
                && digits.chars().all(|c| c.is_ascii_digit())
                && digits.parse::<u32>().is_err() =>
        {
            ParseErrorKind::NumberTooLarge(digits.into())
        }
        _ => ParseErrorKind::FileName(file_name.into()),
    }
}

/// Parses the text of `lessons/<file_name>`; `shown_path` is how messages name it.
pub fn parse_lesson(
    file_name: &str,
    shown_path: &str,
    text: &str,
    includes: &dyn IncludeSource,
) -> Result<Lesson, ParseError> {
    let error = |line, kind| ParseError {
        file: shown_path.to_string(),
        line,
        kind,
    };
    let (number, slug) =
        lesson_file_id(file_name).ok_or_else(|| error(1, file_name_problem(file_name)))?;
    // No control character reaches a view, whatever the file holds.
    let text = &super::visible::visible(text);
    let mut builder = Builder::new(text, includes);
    builder.run().map_err(|(line, kind)| error(line, kind))?;
    let title = builder
        .title
        .ok_or_else(|| error(1, ParseErrorKind::MissingTitle))?;
    let id = file_name.trim_end_matches(".md").to_string();
    let mut slides = builder.slides;
    assign_ids(&id, &mut slides);
    let lesson = Lesson {
        id,
        number,
        slug: slug.to_string(),
        title,
        path: shown_path.to_string(),
        slides,
    };
    check_compile_fail_codes(&lesson)
        .map_err(|line| error(line, ParseErrorKind::CompileFailWithoutCodes))?;
    if let Some(exercise) = lesson
        .exercises()
        .find(|e| e.solution.line == 0 || e.tests.line == 0)
    {
        return Err(error(
            exercise.starter.line,
            ParseErrorKind::IncompleteExercise,
        ));
    }
    Ok(lesson)
}

fn assign_ids(lesson_id: &str, slides: &mut [Slide]) {
    for slide in slides {
        let count = slide.snippets().count();
        let mut k = 0;
        for block in &mut slide.blocks {
            if let Block::Snippet(snippet) = block {
                k += 1;
                snippet.id = if count > 1 {
                    format!("{lesson_id}/{}.{k}", slide.number)
                } else {
                    format!("{lesson_id}/{}", slide.number)
                };
            }
        }
        let count = slide.exercises().count();
        let mut k = 0;
        for block in &mut slide.blocks {
            if let Block::Exercise(exercise) = block {
                k += 1;
                let suffix = if count > 1 {
                    k.to_string()
                } else {
                    String::new()
                };
                exercise.id = format!("{lesson_id}/{}-exercise{suffix}", slide.number);
                exercise.starter.id = exercise.id.clone();
                exercise.solution.id = format!("{lesson_id}/{}-solution{suffix}", slide.number);
            }
        }
    }
}

fn check_compile_fail_codes(lesson: &Lesson) -> Result<(), usize> {
    match lesson
        .snippets()
        .find(|s| s.mode == Mode::CompileFail && s.expected.is_none())
    {
        Some(snippet) => Err(snippet.line),
        None => Ok(()),
    }
}

type Failure = (usize, ParseErrorKind);
