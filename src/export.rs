//! `avance export LESSON|--all --html DIR`: one self-contained HTML file per
//! lesson (its CSS and JavaScript inline, nothing fetched), the code
//! highlighted by syntect, each snippet's real output captured at export
//! by running it in a child process as `avance check` does, and keyboard
//! navigation in the page (→ Space l j, ← h k, Home End, n for the notes,
//! p for the Python; `#slide-N` in the address opens slide N).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::check;
use crate::lesson::{Exercise, Lesson, ListItem, Mode, Scale, Slide, Snippet, Span};
use crate::render::highlight::html as highlight;
use crate::report::html::escape;
use crate::run::Registry;
use crate::rustc::{self, Compiled};
use crate::verdict::{self, Happened, Verdict, Wrong};
use crate::view::{self, Code, CodeGroup, Prose, Section};

/// What a snippet did when the export ran it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Captured {
    /// Its stdout (and, when it failed, its stderr), or rustc's refusal.
    pub text: String,
    /// How it ended, said in a few words, when that matters: "panicked, as
    /// this slide intends", "not run (no_run)".
    pub note: Option<String>,
    /// Whether it did what its slide intends.
    pub ok: bool,
}

/// Runs every snippet of `lesson` as `avance check` would (a child process
/// of `exe`, `avance snippet ID`) but at the course's sizes, and
/// `compile_fail` ones through rustc; `starting(done, snippet)` is told
/// before each, for a progress bar (the course's sizes take minutes).
pub fn capture(
    lesson: &Lesson,
    registry: &Registry,
    exe: &Path,
    mut starting: impl FnMut(usize, &Snippet),
) -> HashMap<String, Captured> {
    let rustc = rustc::find();
    lesson
        .snippets()
        .enumerate()
        .map(|(done, snippet)| {
            starting(done, snippet);
            let captured = capture_one(snippet, registry, exe, rustc.as_deref());
            (snippet.id.clone(), captured)
        })
        .collect()
}

fn capture_one(
    snippet: &Snippet,
    registry: &Registry,
    exe: &Path,
    rustc: Option<&Path>,
) -> Captured {
    match snippet.mode {
        Mode::Ignore => return shown("shown only: not compiled"),
        Mode::NoRun => return shown("compiled, not run"),
        Mode::CompileFail => {
            return match rustc.map(|rustc| rustc::compile_alone(rustc, snippet, false)) {
                Some(Ok(compiled)) => {
                    let text = match &compiled {
                        Compiled::Refused(diagnostics) => diagnostics.clone(),
                        Compiled::Accepted => String::new(),
                    };
                    said(text, verdict::judge(snippet, Happened::Compiled(&compiled)))
                }
                Some(Err(e)) => failed(format!("could not run rustc: {e}")),
                None => shown("does not compile, on purpose (rustc was not found at export)"),
            };
        }
        Mode::Run | Mode::ShouldPanic => {}
    }
    if let Err(why) = registry.runnable(snippet) {
        return failed(why.to_string());
    }
    match check::run_child(exe, &snippet.id, Scale::Course) {
        Ok(output) => {
            let verdict = check::judge_child(snippet, &output);
            let mut text = output.stdout;
            if !output.status.is_some_and(|s| s.success()) {
                text.push_str(&output.stderr);
            }
            said(text, verdict)
        }
        Err(e) => failed(format!("could not start {}: {e}", exe.display())),
    }
}

/// What the page shows under a snippet: what it printed, and the verdict
/// `avance check` would give, in a few words.
fn said(text: String, verdict: Verdict) -> Captured {
    let note = match &verdict {
        Verdict::AsIntended => None,
        Verdict::PanickedAsIntended(_) => Some("panicked, as this slide intends".to_string()),
        Verdict::RefusedAsIntended => Some("rustc refuses it, as this slide intends".to_string()),
        Verdict::Wrong(Wrong::OutputDiffers { line, .. }) => Some(format!(
            "this is not what the slide's output block (line {line}) says"
        )),
        Verdict::Wrong(Wrong::Compiled) => {
            Some("it compiled, but this slide says it does not".to_string())
        }
        Verdict::Wrong(Wrong::TimedOut { .. }) => Some("killed: it ran too long".to_string()),
        Verdict::Wrong(Wrong::FinishedButShouldPanic) => {
            Some("meant to panic, but did not".to_string())
        }
        Verdict::Wrong(wrong) => Some(first_line(&wrong.to_string())),
    };
    Captured {
        text,
        note,
        ok: verdict.is_as_intended(),
    }
}

fn first_line(text: &str) -> String {
    text.lines()
        .next()
        .unwrap_or_default()
        .trim_end_matches(':')
        .to_string()
}

fn shown(note: &str) -> Captured {
    Captured {
        text: String::new(),
        note: Some(note.to_string()),
        ok: true,
    }
}

fn failed(why: String) -> Captured {
    Captured {
        text: String::new(),
        note: Some(why),
        ok: false,
    }
}

/// Where `lesson` is written in `dir`.
pub fn file_name(lesson: &Lesson) -> String {
    format!("{}.html", lesson.id)
}

/// Writes `text` to `path` through a temporary file renamed over it.
pub fn write_file(path: &Path, text: &str) -> io::Result<()> {
    let temporary = PathBuf::from(format!("{}.tmp", path.display()));
    fs::write(&temporary, text)?;
    fs::rename(&temporary, path)
}

/// The page of `lesson`, with the outputs captured for its snippets.
pub fn page(lesson: &Lesson, outputs: &HashMap<String, Captured>) -> String {
    let title = format!("Lesson {} · {}", lesson.number, lesson.title);
    let mut html = String::new();
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"avance {}\">\n<title>{}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n<main>\n",
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
         <span class=\"keys\">← → move · n notes · p Python</span></footer>\n\
         <script>\n{JS}</script>\n</body>\n</html>\n",
        lesson.number,
        escape(&lesson.title),
        lesson.slides.len()
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
            escape(&format!("Lesson {} · {}", lesson.number, lesson.title))
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
                    "<aside class=\"notes\"><strong>Notes:</strong> {}</aside>",
                    escape(notes)
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
                    "<div class=\"output\"><div class=\"label\">Python output</div><pre>{}</pre></div>",
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

/// An exercise: the code to complete, what it must print, and the
/// solution and hints folded away.
fn exercise_html(html: &mut String, exercise: &Exercise) {
    let _ = write!(
        html,
        "<div class=\"block rust\"><div class=\"label\">{}</div>{}",
        escape(view::EXERCISE_LABEL),
        highlight(&exercise.starter.visible_code(), "rust")
    );
    if let Some(expected) = exercise.expected() {
        let _ = write!(
            html,
            "<div class=\"output\"><div class=\"label\">{}</div><pre>{}</pre></div>",
            escape(view::EXPECTED_LABEL),
            escape(expected.text.trim_end())
        );
    }
    for hint in &exercise.hints {
        let _ = write!(
            html,
            "<details><summary>Hint</summary>{}</details>",
            escape(hint)
        );
    }
    let _ = writeln!(
        html,
        "<details><summary>Solution</summary>{}</details></div>",
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
        "<div class=\"{class}\"><div class=\"label\">Output of {}</div>",
        escape(id)
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

const CSS: &str = r##":root { --bg: #1e2129; --fg: #e6e6e6; --dim: #8a8f98; --accent: #7fb4ff; --rust: #dea584; --ok: #8fd18f; --bad: #ff8080; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 18px/1.5 system-ui, sans-serif; }
main { max-width: 1400px; margin: 0 auto; padding: 1.5em 2em 4em; }
h1, h2 { color: var(--accent); margin-top: 0; }
h3 { margin-bottom: 0.3em; }
code { background: #2b303b; padding: 0 0.25em; border-radius: 3px; font-size: 0.9em; }
pre { margin: 0; padding: 0.6em 0.8em; overflow-x: auto; font: 15px/1.4 ui-monospace, "DejaVu Sans Mono", monospace; border-radius: 4px; }
.slide { margin-bottom: 3em; }
.js .slide[hidden] { display: none; }
.code { display: grid; gap: 1em; margin: 1em 0; }
.code.two { grid-template-columns: 1fr 1fr; }
@media (max-width: 900px) { .code.two { grid-template-columns: 1fr; } }
.side { min-width: 0; display: flex; flex-direction: column; gap: 0.8em; }
.label { font-weight: bold; font-size: 0.85em; color: var(--accent); margin-bottom: 0.2em; }
.rust > .label { color: var(--rust); }
.output { margin-top: 0.4em; border: 1px solid #3a4050; border-radius: 4px; }
.output .label { color: var(--ok); padding: 0.2em 0.8em 0; }
.output.failed .label, .output.failed .note { color: var(--bad); }
.output pre { background: #14161c; }
.output .note { color: var(--dim); font-size: 0.85em; padding: 0.2em 0.8em; }
.notes { display: none; margin-top: 1em; padding: 0.6em 1em; border-left: 3px solid #c678dd; color: #e0b3f0; }
.show-notes .notes { display: block; }
.hide-python .python { display: none; }
.hide-python .code.two { grid-template-columns: 1fr; }
blockquote { margin: 1em 0; padding-left: 1em; border-left: 3px solid var(--dim); font-style: italic; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border-bottom: 1px solid #3a4050; padding: 0.2em 0.8em; text-align: left; }
.item { margin: 0.2em 0; }
.marker { color: var(--accent); }
footer { position: fixed; bottom: 0; left: 0; right: 0; display: flex; gap: 1em; align-items: center; padding: 0.3em 1em; background: #15171d; color: var(--dim); font-size: 0.85em; }
footer .lesson { color: var(--fg); font-weight: bold; }
footer .bar { flex: 1; height: 4px; background: #3a4050; }
#progress { display: block; height: 100%; width: 0; background: var(--accent); }
footer .keys { font-size: 0.9em; }
.index a { color: var(--accent); }
.count { color: var(--dim); font-size: 0.85em; }
@media print { .js .slide[hidden] { display: block; } footer { display: none; } .slide { break-after: page; } }
"##;

const JS: &str = r##"(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var slides = Array.prototype.slice.call(document.querySelectorAll("section.slide"));
  var current = -1;
  function fromHash() {
    var m = /^#slide-(\d+)$/.exec(location.hash);
    return m ? parseInt(m[1], 10) - 1 : 0;
  }
  function show(i) {
    i = Math.max(0, Math.min(slides.length - 1, i));
    slides.forEach(function (s, k) { s.hidden = k !== i; });
    if (i !== current) { window.scrollTo(0, 0); }
    current = i;
    document.getElementById("place").textContent = (i + 1) + "/" + slides.length;
    document.getElementById("progress").style.width = (100 * (i + 1) / slides.length) + "%";
    var hash = "#slide-" + (i + 1);
    if (location.hash !== hash) {
      try { history.replaceState(null, "", hash); } catch (e) { location.hash = hash; }
    }
  }
  document.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) { return; }
    switch (e.key) {
      case "ArrowRight": case " ": case "l": case "j": case "PageDown": show(current + 1); break;
      case "ArrowLeft": case "h": case "k": case "PageUp": show(current - 1); break;
      case "Home": show(0); break;
      case "End": show(slides.length - 1); break;
      case "n": document.body.classList.toggle("show-notes"); break;
      case "p": document.body.classList.toggle("hide-python"); break;
      default: return;
    }
    e.preventDefault();
  });
  window.addEventListener("hashchange", function () { show(fromHash()); });
  show(fromHash());
})();
"##;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_exercise_shows_its_code_and_output_with_the_solution_folded() {
        let text = "# Demo\n\n## Try\n\n```rust,exercise\nlet x: i32 = todo!();\nprintln!(\"{x}\");\n```\n\n\
```output\n7\n```\n\n```rust,solution\nlet x = 7;\nprintln!(\"{x}\");\n```\n\n<!-- hint: Seven. -->\n";
        let lesson = crate::lesson::demo_lesson(text);
        let page = page(&lesson, &HashMap::new());
        let exercise = page
            .split("Exercise · complete the todo!()")
            .nth(1)
            .expect("exercise shown");
        assert!(exercise.contains("todo!"), "{exercise}");
        assert!(exercise.contains("<div class=\"label\">It must print</div><pre>7</pre>"));
        assert!(exercise.contains("<details><summary>Hint</summary>Seven.</details>"));
        let solution = exercise
            .split("<summary>Solution</summary>")
            .nth(1)
            .expect("solution folded");
        assert!(
            solution.contains("7") && !solution.contains("todo"),
            "{solution}"
        );
    }

    #[test]
    fn a_page_holds_everything_and_escapes_it() {
        let text = "# Demo <1>\n\nIntro with `a < b`.\n\n## Code\n\n```python\nprint(1 < 2)\n```\n\n\
```python-output\nTrue\n```\n\n```rust\nprintln!(\"{}\", 1 < 2);\n```\n\n```output\ntrue\n```\n\n\
<!-- notes: Say <why>. -->\n";
        let lesson = crate::lesson::demo_lesson(text);
        let mut outputs = HashMap::new();
        outputs.insert(
            "07-demo/2".to_string(),
            Captured {
                text: "true & <more>\n".into(),
                note: None,
                ok: true,
            },
        );
        let html = page(&lesson, &outputs);
        assert!(html.contains("<title>Lesson 7 · Demo &lt;1&gt;</title>"));
        assert!(html.contains("<section class=\"slide\" id=\"slide-2\">"));
        assert!(html.contains("<code>a &lt; b</code>"));
        assert!(
            html.contains("<div class=\"code two\">"),
            "Python beside Rust"
        );
        assert!(
            html.contains("<pre>true &amp; &lt;more&gt;</pre>"),
            "the captured output"
        );
        assert!(html.contains("<pre>True</pre>"), "the Python's output");
        assert!(html.contains("Say &lt;why&gt;."));
        assert!(html.contains("style=\"color:#"), "highlighted inline");
        for outside in ["src=", "href=", "url(", "@import", "http://", "https://"] {
            assert!(
                !html.contains(outside),
                "{outside} in a self-contained page"
            );
        }
    }
}
