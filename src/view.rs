//! The view model: what a slide shows, as sections, decided once for every
//! view. The REPL, the presenter, the HTML export and the notebook each
//! render these sections and nothing else, so they agree on what goes
//! together (the course's Python beside its Rust, an exercise with its
//! output and hints) and on the words that label it. A new section kind is
//! one match arm in each view, and the compiler points at each.

use crate::lesson::{Block, CodeBlock, Exercise, ListItem, Mode, Slide, Snippet, Span};
use crate::tr;

/// One part of a slide, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Section<'a> {
    Prose(Prose<'a>),
    /// Consecutive code fences: the course's Python beside its Rust.
    Code(CodeGroup<'a>),
    /// Code for the student to complete, what it must print, hints and a solution.
    Exercise(&'a Exercise),
    /// The instructor's notes.
    Notes(&'a str),
}

/// Text, as the lesson writes it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Prose<'a> {
    Paragraph(&'a [Span]),
    /// A `###` heading inside a slide.
    Heading(&'a [Span]),
    Quote(&'a [Span]),
    List(&'a [ListItem]),
    /// Rows of cells; the first row is the header.
    Table(&'a [Vec<Vec<Span>>]),
    Rule,
}

/// A run of code fences with nothing between them, in the lesson's order.
#[derive(Debug, Clone, PartialEq)]
pub struct CodeGroup<'a> {
    blocks: Vec<Code<'a>>,
}

/// One fence of a code group; each holds its expected output, if any.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Code<'a> {
    /// The course's own Python, with what it prints when the lesson says.
    Python(&'a CodeBlock),
    /// The Rust equivalent, with its output block.
    Rust(&'a Snippet),
    /// Any other display-only code (TOML, a shell session...).
    Other(&'a CodeBlock),
}

/// The sections of `slide`, in reading order.
pub fn sections(slide: &Slide) -> Vec<Section<'_>> {
    let mut sections = Vec::new();
    for block in &slide.blocks {
        let section = match block {
            Block::Paragraph(spans) => Section::Prose(Prose::Paragraph(spans)),
            Block::Heading(spans) => Section::Prose(Prose::Heading(spans)),
            Block::Quote(spans) => Section::Prose(Prose::Quote(spans)),
            Block::List(items) => Section::Prose(Prose::List(items)),
            Block::Table(rows) => Section::Prose(Prose::Table(rows)),
            Block::Rule => Section::Prose(Prose::Rule),
            Block::Notes(notes) => Section::Notes(notes),
            Block::Exercise(exercise) => Section::Exercise(exercise),
            Block::Code(code) if code.lang == "python" => {
                push_code(&mut sections, Code::Python(code));
                continue;
            }
            Block::Code(code) => {
                push_code(&mut sections, Code::Other(code));
                continue;
            }
            Block::Snippet(snippet) => {
                push_code(&mut sections, Code::Rust(snippet));
                continue;
            }
        };
        sections.push(section);
    }
    sections
}

/// Adds `code` to the code group the sections end with, or starts one.
fn push_code<'a>(sections: &mut Vec<Section<'a>>, code: Code<'a>) {
    if let Some(Section::Code(group)) = sections.last_mut() {
        group.blocks.push(code);
    } else {
        sections.push(Section::Code(CodeGroup { blocks: vec![code] }));
    }
}

impl<'a> CodeGroup<'a> {
    /// Every fence, in the lesson's order (a notebook keeps it).
    pub fn blocks(&self) -> &[Code<'a>] {
        &self.blocks
    }

    /// The course's Python: the left side, where there is room for two.
    pub fn python(&self) -> impl Iterator<Item = Code<'a>> + '_ {
        self.blocks
            .iter()
            .copied()
            .filter(|code| matches!(code, Code::Python(_)))
    }

    /// The Rust and any other code: the right side.
    pub fn beside_python(&self) -> impl Iterator<Item = Code<'a>> + '_ {
        self.blocks
            .iter()
            .copied()
            .filter(|code| !matches!(code, Code::Python(_)))
    }

    /// The group's Rust snippets.
    pub fn snippets(&self) -> impl Iterator<Item = &'a Snippet> + '_ {
        self.blocks.iter().filter_map(|code| match code {
            Code::Rust(snippet) => Some(*snippet),
            Code::Python(_) | Code::Other(_) => None,
        })
    }
}

impl<'a> Code<'a> {
    /// The title above the code: `Python`, `Rust · compiled, not run`, `toml`...
    pub fn label(&self) -> String {
        match self {
            Code::Python(_) => tr!("label-python"),
            Code::Rust(snippet) => snippet_label(snippet),
            Code::Other(code) if code.lang.is_empty() => tr!("label-code"),
            Code::Other(code) => code.lang.clone(),
        }
    }

    /// The language to highlight it as.
    pub fn lang(&self) -> &'a str {
        match self {
            Code::Python(_) => "python",
            Code::Rust(_) => "rust",
            Code::Other(code) => &code.lang,
        }
    }

    /// The code as the student reads it (a snippet's hidden lines left out).
    pub fn text(&self) -> String {
        match self {
            Code::Python(code) | Code::Other(code) => code.text.clone(),
            Code::Rust(snippet) => snippet.visible_code(),
        }
    }
}

/// A Rust snippet's title: `Rust`, and what the slide means it to do when
/// it is not simply to run.
pub fn snippet_label(snippet: &Snippet) -> String {
    tr!(match snippet.mode {
        Mode::Run => "label-rust",
        Mode::NoRun => "label-rust-no-run",
        Mode::Ignore => "label-rust-ignore",
        Mode::ShouldPanic => "label-rust-should-panic",
        Mode::CompileFail => "label-rust-compile-fail",
    })
}

/// The title above an exercise's starting code.
pub fn exercise_label() -> String {
    tr!("label-exercise")
}

/// The line under an exercise: how it is graded.
pub fn graded_by(exercise: &crate::lesson::Exercise) -> String {
    tr!("graded-by", count = exercise.tests.cases.len())
}

#[cfg(test)]
mod tests;
