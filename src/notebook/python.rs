//! `avance notebook --python`: each lesson's Python as a notebook for the
//! Python kernel (ipykernel), `NN-slug.python.ipynb` beside the Rust one,
//! for the course's side by side: the prose as markdown cells and each
//! `python` block a code cell, in the lesson's order.
//!
//! Blocks that are not whole cells say what they are: an excerpt is shown
//! as markdown, naming the slide whose cell holds it, since it does not run
//! alone; a console transcript becomes its statements, one cell each, so
//! each shows its value as the interpreter did; a `python,raises` cell
//! stays code, tagged `raises-exception` and announced, since its error is
//! the point. The Rust stays in the Rust notebook.

use crate::tr;
use serde_json::{Value, json};

use super::markdown::{code_block, escape, fence};
use super::{Cells, RAISES_TAG, prose_markdown};
use crate::lesson::{CodeBlock, Lesson, PythonRole, Slide};
use crate::python::{console_statements, whole_cell_of};
use crate::view::{self, Code, Section};

/// The file a lesson's Python notebook is written to,
/// `01-underscore.python.ipynb`, beside its Rust notebook.
pub fn file_name(lesson: &Lesson) -> String {
    format!("{}.python.ipynb", lesson.id)
}

/// The Python notebook of `lesson`, as nbformat's JSON.
pub fn notebook(lesson: &Lesson) -> Value {
    let mut cells = Cells::default();
    for slide in &lesson.slides {
        slide_cells(&mut cells, lesson, slide);
    }
    cells.flush();
    json!({
        "nbformat": super::NBFORMAT.0,
        "nbformat_minor": super::NBFORMAT.1,
        "metadata": {
            "kernelspec": { "name": "python3", "display_name": "Python 3", "language": "python" },
            "language_info": {
                "name": "python",
                "mimetype": "text/x-python",
                "file_extension": ".py",
                "pygments_lexer": "ipython3",
                "codemirror_mode": { "name": "ipython", "version": 3 },
                "nbconvert_exporter": "python"
            },
            "avance": { "lesson": lesson.id, "language": "python" }
        },
        "cells": cells.cells,
    })
}

fn slide_cells(cells: &mut Cells, lesson: &Lesson, slide: &Slide) {
    cells.markdown(&super::slide_heading(lesson, slide));
    for section in view::sections(slide) {
        match section {
            Section::Prose(prose) => cells.markdown(&prose_markdown(&prose)),
            Section::Code(group) => {
                for code in group.blocks() {
                    match code {
                        Code::Python(block) => python_cells(cells, lesson, slide, block),
                        Code::Other(block) => cells.markdown(&code_block(block)),
                        // The Rust notebook has it.
                        Code::Rust(_) => {}
                    }
                }
            }
            // Rust exercises, and the presenter's notes.
            Section::Exercise(_) | Section::Notes(_) => {}
        }
    }
}

fn python_cells(cells: &mut Cells, lesson: &Lesson, slide: &Slide, block: &CodeBlock) {
    let place = format!("{}/{}", lesson.id, slide.number);
    let metadata = |tags: &[&str]| json!({ "avance": { "python": place }, "tags": tags });
    match block.role {
        PythonRole::Cell => cells.code(block.text.trim_end().to_string(), metadata(&[])),
        PythonRole::Excerpt => {
            let excerpt = match whole_cell_of(lesson, block) {
                Some(number) if number == slide.number => tr!("notebook-excerpt-here"),
                Some(number) => {
                    let title = lesson.slides.iter().find(|s| s.number == number);
                    let title = title.map(|s| escape(&s.title)).unwrap_or_default();
                    tr!("notebook-excerpt-of", number = number, title = title)
                }
                None => tr!("notebook-excerpt"),
            };
            cells.markdown(&format!("*{excerpt}*\n\n{}", fence("python", &block.text)));
        }
        PythonRole::Console => {
            cells.markdown(&format!("*{}*", tr!("notebook-console")));
            for statement in console_statements(&block.text) {
                cells.code(statement, metadata(&[]));
            }
        }
        PythonRole::Raises => {
            cells.markdown(&format!("*{}*", tr!("notebook-raises")));
            cells.code(block.text.trim_end().to_string(), metadata(&[RAISES_TAG]));
        }
    }
}
