//! `avance export LESSON|--all --html DIR`: one self-contained HTML file per
//! lesson (its CSS and JavaScript inline, nothing fetched), the code
//! highlighted by syntect, each snippet's real output captured at export
//! by running it in a child process as `avance check` does, and keyboard
//! navigation in the page (→ Space l j, ← h k, Home End, n for the notes,
//! p for the Python; `#slide-N` in the address opens slide N).

use crate::tr;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::io;
use std::path::Path;

mod capture;

pub use capture::{Captured, capture};

use crate::lesson::{Exercise, Lesson, ListItem, Slide, Span, inline_spans};
use crate::render::highlight::html as highlight;
use crate::report::html::escape;
use crate::view::{self, Code, CodeGroup, Prose, Section};

/// Where `lesson` is written in `dir`.
pub fn file_name(lesson: &Lesson) -> String {
    format!("{}.html", lesson.id)
}

/// Writes `text` to `path` whole or not at all (see [`crate::atomic`]).
pub fn write_file(path: &Path, text: &str) -> io::Result<()> {
    crate::atomic::write(path, text.as_bytes())
}

/// The page of `lesson`, with the outputs captured for its snippets.
pub fn page(lesson: &Lesson, outputs: &HashMap<String, Captured>) -> String {
    let title = tr!(
        "lesson-title",
        number = lesson.number,
        title = lesson.title.as_str()
    );
    let mut html = String::new();
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"avance {}\">\n<title>{}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n<main>\n",
        crate::i18n::ui::language().code(),
        env!("CARGO_PKG_VERSION"),
        escape(&title)
    );
    for slide in &lesson.slides {
        slide_html(&mut html, lesson, slide, outputs);
    }
    let _ = write!(
        html,
        "</main>\n<footer><span class=\"lesson\">{} {}</span>\
         <span class=\"bar\"><span id=\"progress\"></span></span>\
         <span id=\"place\">1/{}</span>\
         <span class=\"keys\">{}</span></footer>\n\
         <script>\n{JS}</script>\n</body>\n</html>\n",
        lesson.number,
        escape(&lesson.title),
        lesson.slides.len(),
        escape(&tr!("html-keys"))
    );
    html
}

fn slide_html(
    html: &mut String,
    lesson: &Lesson,
    slide: &Slide,
    outputs: &HashMap<String, Captured>,
) {
    let heading = if slide.number == 1 {
        format!(
            "<h1>{}</h1>",
            escape(&tr!(
                "lesson-title",
                number = lesson.number,
                title = lesson.title.as_str()
            ))
        )
    } else {
        format!("<h2>{}</h2>", escape(&slide.title))
    };
    let _ = writeln!(
        html,
        "<section class=\"slide\" id=\"slide-{}\">\n{heading}",
        slide.number
    );
    for section in view::sections(slide) {
        match section {
            Section::Code(group) => code_group(html, &group, outputs),
            Section::Exercise(exercise) => exercise_html(html, exercise),
            Section::Prose(prose) => prose_html(html, &prose),
            Section::Notes(notes) => {
                let _ = writeln!(
                    html,
                    "<aside class=\"notes\"><strong>{}</strong> {}</aside>",
                    escape(&tr!("notes-label")),
                    inline(&inline_spans(notes))
                );
            }
        }
    }
    html.push_str("</section>\n");
}

fn prose_html(html: &mut String, prose: &Prose) {
    match prose {
        Prose::Paragraph(spans) => {
            let _ = writeln!(html, "<p>{}</p>", inline(spans));
        }
        Prose::Heading(spans) => {
            let _ = writeln!(html, "<h3>{}</h3>", inline(spans));
        }
        Prose::Quote(spans) => {
            let _ = writeln!(html, "<blockquote>{}</blockquote>", inline(spans));
        }
        Prose::List(items) => list(html, items),
        Prose::Table(rows) => table(html, rows),
        Prose::Rule => html.push_str("<hr>\n"),
    }
}

/// Python on the left, Rust (and other code) on the right; CSS stacks them
/// on a narrow window.
fn code_group(html: &mut String, group: &CodeGroup, outputs: &HashMap<String, Captured>) {
    let python: Vec<Code> = group.python().collect();
    let rest: Vec<Code> = group.beside_python().collect();
    let class = if python.is_empty() || rest.is_empty() {
        "code one"
    } else {
        "code two"
    };
    let _ = writeln!(html, "<div class=\"{class}\">");
    for side in [python, rest] {
        if side.is_empty() {
            continue;
        }
        html.push_str("<div class=\"side\">\n");
        for code in side {
            code_block(html, code, outputs);
        }
        html.push_str("</div>\n");
    }
    html.push_str("</div>\n");
}

fn code_block(html: &mut String, code: Code, outputs: &HashMap<String, Captured>) {
    let label = escape(&code.label());
    let highlighted = highlight(&code.text(), code.lang());
    match code {
        Code::Python(python) => {
            let _ = write!(
                html,
                "<div class=\"block python\"><div class=\"label\">{label}</div>{highlighted}"
            );
            if let Some(expected) = &python.expected {
                let _ = write!(
                    html,
                    "<div class=\"output\"><div class=\"label\">{}</div><pre>{}</pre></div>",
                    escape(&tr!("label-python-output")),
                    escape(expected.text.trim_end())
                );
            }
            html.push_str("</div>\n");
        }
        Code::Other(_) => {
            let _ = writeln!(
                html,
                "<div class=\"block\"><div class=\"label\">{label}</div>{highlighted}</div>"
            );
        }
        Code::Rust(snippet) => {
            let _ = write!(
                html,
                "<div class=\"block rust\"><div class=\"label\">{label}</div>{highlighted}"
            );
            if let Some(captured) = outputs.get(&snippet.id) {
                output(html, &snippet.id, captured);
            }
            html.push_str("</div>\n");
        }
    }
}

/// An exercise: the code to start from, how it is graded, and the
/// solution and hints folded away.
fn exercise_html(html: &mut String, exercise: &Exercise) {
    let _ = write!(
        html,
        "<div class=\"block rust\"><div class=\"label\">{}</div>{}",
        escape(&view::exercise_label()),
        highlight(&exercise.starter.visible_code(), "rust")
    );
    let _ = write!(
        html,
        "<p class=\"graded\">{}</p>",
        escape(&view::graded_by(exercise))
    );
    for hint in &exercise.hints {
        let _ = write!(
            html,
            "<details><summary>{}</summary>{}</details>",
            escape(&tr!("label-hint")),
            inline(&inline_spans(hint))
        );
    }
    let _ = writeln!(
        html,
        "<details><summary>{}</summary>{}</details></div>",
        escape(&tr!("label-solution-short")),
        highlight(&exercise.solution.visible_code(), "rust")
    );
}

fn output(html: &mut String, id: &str, captured: &Captured) {
    let class = if captured.ok {
        "output"
    } else {
        "output failed"
    };
    let _ = write!(
        html,
        "<div class=\"{class}\"><div class=\"label\">{}</div>",
        escape(&tr!("output-of", id = id))
    );
    if !captured.text.is_empty() {
        let _ = write!(html, "<pre>{}</pre>", escape(captured.text.trim_end()));
    }
    if let Some(note) = &captured.note {
        let _ = write!(html, "<div class=\"note\">{}</div>", escape(note));
    }
    html.push_str("</div>");
}

fn list(html: &mut String, items: &[ListItem]) {
    html.push_str("<div class=\"list\">\n");
    for item in items {
        let marker = match item.number {
            Some(n) => format!("{n}."),
            None if item.depth == 0 => "•".into(),
            None => "◦".into(),
        };
        let _ = writeln!(
            html,
            "<div class=\"item\" style=\"margin-left:{}em\"><span class=\"marker\">{marker}</span> {}</div>",
            item.depth * 2,
            inline(&item.content)
        );
    }
    html.push_str("</div>\n");
}

fn table(html: &mut String, rows: &[Vec<Vec<Span>>]) {
    html.push_str("<table>\n");
    for (r, row) in rows.iter().enumerate() {
        let cell = if r == 0 { "th" } else { "td" };
        html.push_str("<tr>");
        for content in row {
            let _ = write!(html, "<{cell}>{}</{cell}>", inline(content));
        }
        html.push_str("</tr>\n");
    }
    html.push_str("</table>\n");
}

fn inline(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|span| {
            let mut text = escape(&span.text);
            if span.style.code {
                text = format!("<code>{text}</code>");
            }
            if span.style.emphasis {
                text = format!("<em>{text}</em>");
            }
            if span.style.strong {
                text = format!("<strong>{text}</strong>");
            }
            if span.style.link {
                text = format!("<u>{text}</u>");
            }
            text
        })
        .collect()
}

/// `index.html` for `--all`: the lessons, each a link to its page beside it.
pub fn index(lessons: &[&Lesson]) -> String {
    let mut html = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>avance · the lessons</title>\n<style>\n{CSS}</style>\n</head>\n\
         <body class=\"index\">\n<main>\n<h1>avance · the lessons</h1>\n<ol>\n"
    );
    for lesson in lessons {
        let _ = writeln!(
            html,
            "<li value=\"{}\"><a href=\"{}\">{}</a> <span class=\"count\">{} slides</span></li>",
            lesson.number,
            escape(&file_name(lesson)),
            escape(&lesson.title),
            lesson.slides.len()
        );
    }
    html.push_str("</ol>\n</main>\n</body>\n</html>\n");
    html
}

/// The page's style and its keyboard navigation, inlined into every page.
const CSS: &str = include_str!("export/page.css");
const JS: &str = include_str!("export/page.js");

#[cfg(test)]
mod tests;
