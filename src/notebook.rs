//! `avance notebook LESSON|--all -o DIR`: each lesson as a Jupyter notebook
//! (nbformat 4.5) for the evcxr Rust kernel. A first code cell loads the
//! crates the lesson's snippets use (`:dep avance = { path = ... }` on this
//! program's source, light, with the features they need); the prose becomes
//! markdown cells, the course's Python a markdown code block, and each Rust
//! snippet a code cell, hidden lines kept, since the kernel runs them.
//!
//! A snippet's code goes in at evcxr's top level (`cell.rs`), so its
//! variables and items outlive its cell, as in the course's own notebook.
//!
//! What a notebook cannot run is marked, never left to fail: a
//! `compile_fail` or `ignore` fence, and code that needs the `avance`
//! program itself, are shown as markdown with a note; `no_run` cells and
//! exercises carry the `skip-execution` tag (nbclient skips them), and
//! `should_panic` cells the `raises-exception` tag. Exercises' solutions
//! and hints sit in collapsed `<details>` blocks. Every code cell from a
//! snippet names it in its metadata (`avance.snippet`), so an executed
//! notebook can be compared with the lesson's output blocks.

use crate::tr;
use std::path::{Component, Path, PathBuf};

use serde_json::{Value, json};

mod cell;
mod execute;
mod markdown;
pub mod python;
pub mod vendor;

pub use cell::{Layout, cells_at, layout};
pub use execute::{ExecuteError, execute};
use markdown::{code_block, details, escape, fence, inline, list, table, without_html};

use crate::deps::{self, Crate};
use crate::lesson::{Exercise, Lesson, Mode, Scale, Slide, Snippet};
use crate::view::{self, Code, Prose, Section};

/// The notebook format written: 4.5, the first with cell ids.
pub const NBFORMAT: (u64, u64) = (4, 5);

/// Tag nbclient skips a cell with (its `skip_cells_with_tag`).
pub const SKIP_TAG: &str = "skip-execution";
/// Tag under which a cell's error does not stop nbclient.
pub const RAISES_TAG: &str = "raises-exception";

/// The file a lesson's notebook is written to, `01-underscore.ipynb`.
pub fn file_name(lesson: &Lesson) -> String {
    format!("{}.ipynb", lesson.id)
}

/// What a notebook does with a snippet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Treatment {
    /// A code cell the kernel runs.
    Run,
    /// A code cell that panics on purpose (`should_panic`).
    Panics,
    /// A code cell the executor skips: compiled, never run (`no_run`).
    Skipped,
    /// Shown as a markdown code block, with the reason.
    Shown(String),
}

/// Code a notebook cannot run, by what it uses (every marker present),
/// and why.
const NOT_IN_A_NOTEBOOK: [(&[&str], &str); 4] = [
    (
        &["current_exe()"],
        "it starts the `avance` program itself (`std::env::current_exe()`), and in a notebook the running program is the kernel; run it with `avance run`",
    ),
    (
        &["processes::"],
        "its workers are child processes of the `avance` program; run it with `avance run`",
    ),
    (
        &["env!(\"CARGO_MANIFEST_DIR\")"],
        "it finds the course's files through the folder it was compiled in (`env!(\"CARGO_MANIFEST_DIR\")`), which in a notebook is evcxr's; run it with `avance run`",
    ),
    (
        &["avance::profile", "profile("],
        "the sampling profiler gets no samples inside the kernel's process (its `SIGPROF` timer never fires there); run it with `avance run`",
    ),
];

/// The features of `avance` beyond the light library, and what code that
/// needs each one uses.
pub(crate) const FEATURES: [(&str, &[&str]); 4] = [
    // Without it `gpu::device()` answers "no CUDA device" even on a GPU.
    ("gpu", &["gpu::device()"]),
    ("profile", &["avance::profile"]),
    ("progress", &["with_progress_bar"]),
    ("tokio", &["tokio_async", ".heavy_async("]),
];

/// How a notebook treats `snippet`.
pub fn treatment(snippet: &Snippet) -> Treatment {
    match snippet.mode {
        Mode::CompileFail => {
            let codes = snippet
                .expected
                .as_ref()
                .map(|expected| {
                    expected
                        .text
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .filter(|codes| !codes.is_empty())
                .map(|codes| format!(" (rustc: {codes})"))
                .unwrap_or_default();
            Treatment::Shown(format!(
                "this code does not compile, on purpose{codes}; paste it into a cell to read rustc's refusal"
            ))
        }
        Mode::Ignore => Treatment::Shown("shown only: the lesson does not compile it".into()),
        Mode::NoRun => Treatment::Skipped,
        Mode::Run | Mode::ShouldPanic => {
            let code = snippet.compiled_code();
            if let Some((_, why)) = NOT_IN_A_NOTEBOOK
                .iter()
                .find(|(markers, _)| markers.iter().all(|marker| code.contains(marker)))
            {
                Treatment::Shown(format!("not run in a notebook: {why}"))
            } else if snippet.mode == Mode::ShouldPanic {
                Treatment::Panics
            } else {
                Treatment::Run
            }
        }
    }
}

/// The code the kernel may run in `lesson`: its runnable snippets and
/// exercises, starters and solutions.
fn kernel_code(lesson: &Lesson) -> Vec<String> {
    let snippets = lesson
        .slides
        .iter()
        .flat_map(Slide::snippets)
        .filter(|snippet| !matches!(treatment(snippet), Treatment::Shown(_)));
    let exercises = lesson
        .exercises()
        .flat_map(|exercise| [&exercise.starter, &exercise.solution]);
    snippets
        .chain(exercises)
        .map(Snippet::compiled_code)
        .collect()
}

/// The first cell's lines: `:dep` for each crate the lesson's code names,
/// `avance` (on the source at `avance`, with the features the code needs)
/// first. None for a lesson on std alone, which then loads nothing.
pub fn dep_lines(lesson: &Lesson, avance: &Path) -> Vec<String> {
    let code = kernel_code(lesson).join("\n");
    let features: Vec<&str> = FEATURES
        .iter()
        .filter(|(_, markers)| markers.iter().any(|marker| code.contains(marker)))
        .map(|(feature, _)| *feature)
        .collect();
    let avance = deps::names(&code, deps::AVANCE).then(|| deps::avance_spec_at(avance, &features));
    avance
        .into_iter()
        .chain(
            deps::used_by(&code)
                .iter()
                .map(|krate: &Crate| krate.spec.to_string()),
        )
        .map(|spec| format!(":dep {spec}"))
        .collect()
}

/// The notebook of `lesson`, as nbformat's JSON, its first cell loading
/// `avance` from the source at `avance` if its code uses it.
pub fn notebook(lesson: &Lesson, avance: &Path) -> Value {
    let mut cells = Cells::default();
    let deps = dep_lines(lesson, avance);
    if !deps.is_empty() {
        cells.code(deps.join("\n"), json!({ "avance": { "setup": true } }));
    }
    for slide in &lesson.slides {
        slide_cells(&mut cells, lesson, slide);
    }
    cells.flush();
    json!({
        "nbformat": NBFORMAT.0,
        "nbformat_minor": NBFORMAT.1,
        "metadata": {
            "kernelspec": { "name": "rust", "display_name": "Rust", "language": "rust" },
            // As nbformat spells them (evcxr's kernel info says `pygment_lexer`).
            "language_info": {
                "name": "Rust",
                "version": "",
                "mimetype": "text/rust",
                "file_extension": ".rs",
                "pygments_lexer": "rust",
                "codemirror_mode": "rust"
            },
            "avance": { "lesson": lesson.id }
        },
        "cells": cells.cells,
    })
}

/// The path from the folder `from` to `to`, both absolute and without
/// `..`: `../avance` from `/work/notebooks` to `/work/avance`.
pub fn relative_path(from: &Path, to: &Path) -> PathBuf {
    let from: Vec<Component> = from.components().collect();
    let to: Vec<Component> = to.components().collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let up = from[common..].iter().map(|_| Component::ParentDir);
    let path: PathBuf = up.chain(to[common..].iter().copied()).collect();
    if path.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        path
    }
}

/// Writes the notebook of `lesson` to `path`, through a temporary file.
pub fn write(path: &Path, notebook: &Value) -> std::io::Result<()> {
    let mut text = serde_json::to_string_pretty(notebook)?;
    text.push('\n');
    crate::export::write_file(path, &text)
}

/// The cells so far, and the markdown waiting for the next code cell.
#[derive(Default)]
struct Cells {
    cells: Vec<Value>,
    markdown: String,
}

impl Cells {
    fn markdown(&mut self, text: &str) {
        if !self.markdown.is_empty() {
            self.markdown.push_str("\n\n");
        }
        self.markdown.push_str(text.trim_end());
    }

    fn flush(&mut self) {
        if !self.markdown.is_empty() {
            let source = std::mem::take(&mut self.markdown);
            let id = self.next_id();
            self.cells.push(json!({
                "cell_type": "markdown", "id": id, "metadata": {}, "source": source
            }));
        }
    }

    fn code(&mut self, source: String, metadata: Value) {
        self.flush();
        let id = self.next_id();
        self.cells.push(json!({
            "cell_type": "code", "id": id, "metadata": metadata,
            "execution_count": null, "outputs": [], "source": source
        }));
    }

    fn next_id(&self) -> String {
        format!("cell-{}", self.cells.len() + 1)
    }
}

/// A slide's heading as the markdown cell that opens it: the lesson's
/// title on its first slide, the slide's title after.
pub(crate) fn slide_heading(lesson: &Lesson, slide: &Slide) -> String {
    if slide.number == 1 {
        format!("# {}", escape(&lesson.title))
    } else {
        format!("## {}", escape(&slide.title))
    }
}

fn slide_cells(cells: &mut Cells, lesson: &Lesson, slide: &Slide) {
    cells.markdown(&slide_heading(lesson, slide));
    for section in view::sections(slide) {
        match section {
            Section::Prose(prose) => cells.markdown(&prose_markdown(&prose)),
            // A notebook keeps the lesson's order: a cell runs where it is read.
            Section::Code(group) => {
                for code in group.blocks() {
                    match code {
                        Code::Python(code) | Code::Other(code) => {
                            cells.markdown(&code_block(code));
                        }
                        Code::Rust(snippet) => snippet_cells(cells, snippet),
                    }
                }
            }
            Section::Notes(_) => {}
            Section::Exercise(exercise) => exercise_cells(cells, exercise),
        }
    }
}

fn prose_markdown(prose: &Prose) -> String {
    match prose {
        Prose::Paragraph(spans) => inline(spans),
        Prose::Heading(spans) => format!("### {}", inline(spans)),
        Prose::List(items) => list(items),
        Prose::Quote(spans) => format!("> {}", inline(spans)),
        Prose::Table(rows) => table(rows),
        Prose::Rule => "---".to_string(),
    }
}

fn snippet_cells(cells: &mut Cells, snippet: &Snippet) {
    let metadata = |tags: &[&str]| json!({ "avance": { "snippet": snippet.id }, "tags": tags });
    let code = cells_at(snippet, Scale::Course);
    match treatment(snippet) {
        Treatment::Run => code_cells(cells, code, metadata(&[]), metadata(&[])),
        Treatment::Panics => {
            cells.markdown("*This cell panics, on purpose.*");
            // Only the last cell runs the code: a `main`'s items do not panic.
            code_cells(cells, code, metadata(&[]), metadata(&[RAISES_TAG]));
        }
        Treatment::Skipped => {
            cells.markdown(
                "*Compiled but not run by the lesson (it waits for input, runs long or needs the network): run it yourself if you like.*",
            );
            code_cells(cells, code, metadata(&[SKIP_TAG]), metadata(&[SKIP_TAG]));
        }
        Treatment::Shown(why) => {
            cells.markdown(&format!(
                "> **Not run here:** {}.\n\n{}",
                why,
                fence("rust", &snippet.visible_code())
            ));
        }
    }
}

/// A snippet's cells: the last one with `last`'s metadata, the others
/// with `rest`'s.
fn code_cells(cells: &mut Cells, code: Vec<String>, rest: Value, last: Value) {
    let count = code.len();
    for (index, source) in code.into_iter().enumerate() {
        let metadata = if index + 1 == count { &last } else { &rest };
        cells.code(source, metadata.clone());
    }
}

fn exercise_cells(cells: &mut Cells, exercise: &Exercise) {
    cells.markdown(
        "**Exercise.** Write your answer in the next cell and run it; the cell after it runs the hidden tests on it (the notebook's executor skips both).",
    );
    let starter = json!({ "avance": { "exercise": exercise.id }, "tags": [SKIP_TAG] });
    let code = cells_at(&exercise.starter, Scale::Course);
    code_cells(cells, code, starter.clone(), starter);
    cells.code(
        test_cell(exercise),
        json!({ "avance": { "tests": exercise.id }, "tags": [SKIP_TAG] }),
    );
    for (number, hint) in exercise.hints.iter().enumerate() {
        cells.markdown(&details(
            &tr!("notebook-hint", number = number + 1),
            &without_html(hint),
        ));
    }
    cells.markdown(&details(
        &tr!("notebook-solution"),
        &fence("rust", &exercise.solution.compiled_code()),
    ));
}

/// The hidden tests as a cell: plain functions in a block, called one by one.
fn test_cell(exercise: &Exercise) -> String {
    let calls = exercise.tests.calls("    ");
    format!(
        "{{\n{}\n{calls}    println!(\"Every case passes ({}).\");\n}}",
        exercise.tests.as_plain_functions(),
        exercise.tests.cases.len()
    )
}

#[cfg(test)]
mod tests;
