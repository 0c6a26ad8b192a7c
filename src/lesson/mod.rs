//! Lessons as data: the typed model of a lesson file, the Markdown parser that
//! builds it, the include resolver and the code generator for snippets.
//!
//! This module depends on nothing but pulldown-cmark and thiserror, because
//! `build.rs` compiles the very same files (`#[path]`) to parse the lessons
//! and generate the compiled snippets: the build and the program can never
//! disagree on what a lesson says.

pub mod codegen;
pub mod fence;
pub mod files;
pub mod include;
mod inline;
pub mod model;
pub mod parse;
pub mod visible;

pub use include::{IncludeError, IncludeSource, ReadError};
pub use inline::inline_spans;
pub use model::{
    Block, CodeBlock, Exercise, Expected, HiddenTests, Lesson, ListItem, Mode, PythonRole, Scale,
    Slide, Snippet, Span, SpanStyle,
};
pub use parse::{ParseError, ParseErrorKind, lesson_file_id, parse_lesson};

/// `text` parsed as `lessons/07-demo.md`, which may include nothing: the
/// lessons other modules' tests are made of.
#[cfg(test)]
pub(crate) fn demo_lesson(text: &str) -> Lesson {
    struct NoFiles;
    impl IncludeSource for NoFiles {
        fn read(&self, _: &str) -> Result<String, ReadError> {
            Err(ReadError::NotEmbedded)
        }
    }
    parse_lesson("07-demo.md", "lessons/07-demo.md", text, &NoFiles).expect("the demo parses")
}

#[cfg(test)]
mod tests;
