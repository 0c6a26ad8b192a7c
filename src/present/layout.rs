//! The presenter's screen as lines: (lesson, state, width, height) in, one
//! string per terminal row out, none wider than the terminal. Python and Rust
//! stand side by side when the terminal is wide enough, one above the other
//! otherwise; a slide longer than the screen scrolls, and the footer says
//! how much is above and below.

use crate::tr;
use std::time::Duration;

use colored::Colorize;

use super::state::{KEYS, RunOutput, State};
use crate::lesson::{Exercise, Lesson, ListItem, Slide};
use crate::render;
use crate::render::code;
use crate::render::fit::{first_row, fit, pad, wrap};
use crate::view::{self, Code, CodeGroup, Prose, Section};

/// Prose never runs wider than this, even on a wide terminal.
const MAX_PROSE: usize = 110;
/// Rows above the body (title, blank) and below it (status, footer).
const HEADER: usize = 2;
const FOOTER: usize = 2;

/// One screenful.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Screen {
    /// Exactly `height` rows, each at most `width` columns wide.
    pub lines: Vec<String>,
    /// The largest useful scroll offset for this slide at this size.
    pub max_scroll: usize,
    /// Body rows of the output box, when one is shown: the loop scrolls to
    /// it after a run.
    pub output_rows: Option<(usize, usize)>,
    /// Body rows shown at once.
    pub visible: usize,
}

/// The screen for `state` on a `width`×`height` terminal.
pub fn layout(lesson: &Lesson, state: &State, width: usize, height: usize) -> Screen {
    let width = width.max(10);
    let slide = &lesson.slides[state.slide.min(lesson.slides.len() - 1)];
    let (body, output_rows) = if state.help {
        (help(width), None)
    } else {
        body(slide, state, width)
    };
    let visible = height.saturating_sub(HEADER + FOOTER).max(1);
    let max_scroll = body.len().saturating_sub(visible);
    let scroll = state.scroll.min(max_scroll);

    let title = if slide.number == 1 {
        tr!(
            "lesson-title",
            number = lesson.number,
            title = lesson.title.as_str()
        )
    } else {
        slide.title.clone()
    };
    let mut lines = Vec::with_capacity(height);
    lines.push(first_row(&title.bold().underline().to_string(), width));
    lines.push(String::new());
    lines.extend(body.iter().skip(scroll).take(visible).cloned());
    while lines.len() < HEADER + visible {
        lines.push(String::new());
    }
    let below = body.len() - scroll - visible.min(body.len() - scroll);
    lines.push(status(state, scroll, below, width));
    let elapsed = state.timer.map(|start| start.elapsed());
    lines.push(footer(lesson, slide.number, elapsed, width));
    // A terminal too short for header and footer shows their start.
    lines.truncate(height);
    if state.blackout {
        // Black, but the scroll and the output keep their place.
        lines.iter_mut().for_each(String::clear);
    }
    Screen {
        lines,
        max_scroll,
        output_rows,
        visible,
    }
}

/// The slide's body lines, and the rows of its output box.
fn body(slide: &Slide, state: &State, width: usize) -> (Vec<String>, Option<(usize, usize)>) {
    let prose = width.min(MAX_PROSE);
    let mut out: Vec<String> = Vec::new();
    let output = state
        .output
        .as_ref()
        .filter(|output| output.slide == state.slide);
    let sections = view::sections(slide);
    // The output box goes under the code of the slide's last snippet.
    let last_code = sections.iter().rposition(
        |section| matches!(section, Section::Code(group) if group.snippets().next().is_some()),
    );
    let mut output_rows = None;
    for (index, section) in sections.iter().enumerate() {
        match section {
            Section::Code(group) => {
                out.push(String::new());
                code_group(&mut out, group, state.python, width);
                if let Some(output) = output
                    && last_code == Some(index)
                {
                    out.push(String::new());
                    let start = out.len();
                    output_box(&mut out, output, width);
                    output_rows = Some((start, out.len()));
                }
            }
            Section::Exercise(exercise) => {
                exercise_lines(&mut out, exercise, state.solution, width);
            }
            Section::Prose(text) => prose_lines(&mut out, text, prose, width),
            Section::Notes(notes) if state.notes => {
                let notes = render::inline_markdown(notes);
                let text = format!("{} {notes}", tr!("notes-label").magenta().bold());
                out.push(String::new());
                out.extend(wrap(&text, prose, "", "       "));
            }
            Section::Notes(_) => {}
        }
    }
    if state.notes && slide.notes().next().is_none() {
        out.push(String::new());
        out.push("(no notes on this slide)".magenta().dimmed().to_string());
    }
    // Output with no code to sit under (the slide changed since): at the end.
    if let (Some(output), None) = (output, output_rows) {
        out.push(String::new());
        let start = out.len();
        output_box(&mut out, output, width);
        output_rows = Some((start, out.len()));
    }
    (out, output_rows)
}

/// Prose wrapped at `prose` columns (a table is fitted to `width`).
fn prose_lines(out: &mut Vec<String>, text: &Prose, prose: usize, width: usize) {
    match text {
        Prose::Paragraph(spans) => {
            out.push(String::new());
            out.extend(wrap(&render::inline(spans), prose, "", ""));
        }
        Prose::Heading(spans) => {
            out.push(String::new());
            out.extend(wrap(
                &render::inline(spans).bold().to_string(),
                prose,
                "",
                "",
            ));
        }
        Prose::Quote(spans) => {
            let bar = format!("{} ", "│".dimmed());
            out.push(String::new());
            out.extend(wrap(
                &render::inline(spans).italic().to_string(),
                prose,
                &bar,
                &bar,
            ));
        }
        Prose::List(items) => {
            out.push(String::new());
            list(out, items, prose);
        }
        Prose::Table(rows) => {
            let mut text = Vec::new();
            let _ = render::table(&mut text, rows, width);
            for line in String::from_utf8_lossy(&text).lines() {
                out.extend(fit(line, width));
            }
        }
        Prose::Rule => {
            out.push(String::new());
            out.push("─".repeat(prose.min(64)).dimmed().to_string());
        }
    }
}

/// Code blocks: side by side when both sides have some and the terminal is
/// wide enough, else one above the other.
fn code_group(out: &mut Vec<String>, group: &CodeGroup, python: bool, width: usize) {
    let left: Vec<Code> = group.python().filter(|_| python).collect();
    let right: Vec<Code> = group.beside_python().collect();
    if width >= code::SIDE_BY_SIDE && !left.is_empty() && !right.is_empty() {
        let column = code::column_width(width);
        out.extend(code::beside(
            &code_lines(&left, column),
            &code_lines(&right, column),
            width,
        ));
    } else {
        let blocks: Vec<Code> = left.into_iter().chain(right).collect();
        out.extend(code_lines(&blocks, width));
    }
}

/// An exercise as the room sees it: the code to start from and how it is
/// graded, then the solution once `s` asks for it.
fn exercise_lines(out: &mut Vec<String>, exercise: &Exercise, solution: bool, width: usize) {
    out.push(String::new());
    let starter = exercise.starter.visible_code();
    out.extend(code::block(
        &view::exercise_label(),
        "rust",
        &starter,
        width,
        None,
    ));
    out.extend(fit(&view::graded_by(exercise).dimmed().to_string(), width));
    if solution {
        out.push(String::new());
        let code = exercise.solution.visible_code();
        out.extend(code::block(
            &tr!("label-solution"),
            "rust",
            &code,
            width,
            None,
        ));
    }
}

/// Labelled, highlighted code blocks fitted to `width`, a blank line
/// between two; the presenter scrolls, so nothing is folded.
fn code_lines(blocks: &[Code], width: usize) -> Vec<String> {
    let mut out = Vec::new();
    for (i, code) in blocks.iter().enumerate() {
        if i > 0 {
            out.push(String::new());
        }
        out.extend(code::block(
            &code.label(),
            code.lang(),
            &code.text(),
            width,
            None,
        ));
    }
    out
}

/// The output of the last run, framed; green title when it went as the
/// slide intends, red otherwise.
fn output_box(out: &mut Vec<String>, output: &RunOutput, width: usize) {
    let inner = width.saturating_sub(4).max(1);
    let mut content: Vec<String> = Vec::new();
    for line in &output.lines {
        content.extend(fit(line, inner));
    }
    if content.is_empty() {
        content.push("(nothing printed)".dimmed().to_string());
    }
    let title_width = textwrap::core::display_width(&output.title) + 4;
    let box_width = content
        .iter()
        .map(|l| textwrap::core::display_width(l))
        .max()
        .unwrap_or(0)
        .max(title_width)
        .min(inner);
    let title = if output.ok {
        output.title.green().bold()
    } else {
        output.title.red().bold()
    };
    let rule = "─".repeat((box_width + 1).saturating_sub(title_width - 2));
    out.push(format!(
        "{} {title} {}",
        "┌─".dimmed(),
        format!("{rule}┐").dimmed()
    ));
    for line in content {
        out.push(format!(
            "{} {}\x1b[0m {}",
            "│".dimmed(),
            pad(&line, box_width),
            "│".dimmed()
        ));
    }
    out.push(
        format!("└{}┘", "─".repeat(box_width + 2))
            .dimmed()
            .to_string(),
    );
}

fn list(out: &mut Vec<String>, items: &[ListItem], width: usize) {
    for item in items {
        let (first, hanging) = render::list_prefixes(item);
        out.extend(wrap(
            &render::inline(&item.content),
            width,
            &first,
            &hanging,
        ));
    }
}

fn help(width: usize) -> Vec<String> {
    let mut out = vec![tr!("keys-title").bold().to_string(), String::new()];
    let keys = KEYS
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0);
    for (key, id) in KEYS {
        let what = tr!(id);
        let line = format!(
            "  {}{}  {what}",
            key.cyan().bold(),
            " ".repeat(keys - key.chars().count())
        );
        out.extend(fit(&line, width));
    }
    out.push(String::new());
    out.push(tr!("keys-close").dimmed().to_string());
    out
}

/// The row above the footer: a message, the slide number being typed, or
/// how much of the slide is out of sight.
fn status(state: &State, scroll: usize, below: usize, width: usize) -> String {
    let text = if let Some(message) = &state.message {
        message.red().to_string()
    } else if !state.pending.is_empty() {
        tr!("status-goto", typed = state.pending.as_str())
            .yellow()
            .bold()
            .to_string()
    } else if scroll > 0 || below > 0 {
        let mut parts = Vec::new();
        if scroll > 0 {
            parts.push(tr!("status-above", count = scroll));
        }
        if below > 0 {
            parts.push(tr!("status-below", count = below));
        }
        tr!("status-scroll", parts = parts.join(", "))
            .yellow()
            .to_string()
    } else {
        String::new()
    };
    first_row(&text, width)
}

/// `  3 Underscore idioms ━━━━━━━─────── 5/14  ? keys`, the timer's
/// `⏱ 12:05` after the name once `t` started it.
fn footer(lesson: &Lesson, number: usize, elapsed: Option<Duration>, width: usize) -> String {
    let count = lesson.slides.len();
    let place = format!("{number}/{count}");
    let timer = elapsed.map_or(String::new(), |elapsed| format!("  ⏱ {}", clock(elapsed)));
    let name = format!(" {} {}{timer}", lesson.number, lesson.title);
    let hint = format!("  {}", tr!("footer-keys"));
    let fixed = |name: &str| textwrap::core::display_width(name) + place.len() + hint.len() + 2;
    let name = if fixed(&name) + 10 <= width {
        name
    } else {
        format!(" {}{timer}", lesson.number)
    };
    let bar = width.saturating_sub(fixed(&name));
    let done = bar * number / count.max(1);
    let line = format!(
        "{} {}{} {}{}",
        name.bold(),
        "━".repeat(done).cyan(),
        "─".repeat(bar - done).dimmed(),
        place.bold(),
        hint.dimmed()
    );
    first_row(&line, width)
}

/// `m:ss`, or `h:mm:ss` from an hour on.
fn clock(elapsed: Duration) -> String {
    let seconds = elapsed.as_secs();
    let (hours, minutes, seconds) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if hours > 0 {
        format!("{hours}:{minutes:02}:{seconds:02}")
    } else {
        format!("{minutes}:{seconds:02}")
    }
}

#[cfg(test)]
mod tests;
