//! Terminal rendering: slides, code, snippet output and the lesson list,
//! written to any `impl Write` so tests read exactly what a student sees.
//!
//! Colour follows `colored`'s global switch (set once from `--color` and
//! `NO_COLOR`); with colour off the output holds no escape codes at all.
//! Code and labels take their colours from [`theme`], which fits them to
//! the terminal's depth and background.

pub(crate) mod highlight;
mod grade;
pub mod theme;

pub use grade::grade;

use std::io::{self, Write};

use colored::{ColoredString, Colorize};

use crate::lesson::{Exercise, Lesson, ListItem, Slide, Snippet, Span};
use crate::run::RunOutcome;
use crate::session::Progress;
use crate::verdict::{self, Ended, Happened, Verdict, Wrong};
use crate::view::{self, Code, Prose, Section};

/// What a slide shows besides its prose and Rust.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct View {
    pub python: bool,
    pub notes: bool,
    /// The output each Rust snippet prints, under it (`avance show`; the
    /// REPL runs the snippet instead).
    pub outputs: bool,
}

impl Default for View {
    fn default() -> Self {
        View {
            python: true,
            notes: false,
            outputs: false,
        }
    }
}

const RULE_WIDTH: usize = 64;
/// Prose wraps at the terminal's width, but never wider than this: long
/// lines are hard to read.
const MAX_PROSE_WIDTH: usize = 100;

/// Wraps styled text (textwrap measures it without its escape codes).
fn wrap(text: &str, first_indent: &str, indent: &str) -> String {
    let width = textwrap::termwidth().min(MAX_PROSE_WIDTH);
    let options = textwrap::Options::new(width)
        .initial_indent(first_indent)
        .subsequent_indent(indent);
    textwrap::fill(text, options)
}

fn color_on() -> bool {
    colored::control::SHOULD_COLORIZE.should_colorize()
}

/// A whole slide: header, title, prose, Python, Rust, notes.
pub fn slide(out: &mut impl Write, lesson: &Lesson, slide: &Slide, view: View) -> io::Result<()> {
    let place = format!(
        " {} · {}/{} ",
        lesson.title,
        slide.number,
        lesson.slides.len()
    );
    let rule = "─".repeat(RULE_WIDTH.saturating_sub(place.chars().count() + 3));
    writeln!(out, "{}", format!("───{place}{rule}").dimmed())?;
    if slide.number == 1 {
        writeln!(
            out,
            "{}",
            format!("Lesson {} · {}", lesson.number, lesson.title)
                .bold()
                .underline()
        )?;
    } else {
        writeln!(out, "{}", slide.title.bold().underline())?;
    }
    for section in view::sections(slide) {
        self::section(out, &section, view)?;
    }
    writeln!(out)
}

fn section(out: &mut impl Write, section: &Section, view: View) -> io::Result<()> {
    match section {
        Section::Prose(prose) => self::prose(out, prose),
        Section::Code(group) => {
            let shown = group
                .blocks()
                .iter()
                .filter(|code| view.python || !matches!(code, Code::Python(_)));
            for code in shown {
                code_block(out, &code.label(), code.lang(), &code.text())?;
                if let (true, Code::Rust(snippet)) = (view.outputs, code) {
                    output_block(out, snippet)?;
                }
            }
            Ok(())
        }
        Section::Notes(notes) if view.notes => {
            let notes = inline(&crate::lesson::inline_spans(notes));
            let text = format!("{} {}", "Notes:".magenta().bold(), notes);
            writeln!(out, "\n{}", wrap(&text, "", "       "))
        }
        Section::Notes(_) => Ok(()),
        Section::Exercise(exercise) => self::exercise(out, exercise),
    }
}

/// What a snippet's slide says it prints (rustc's error codes for a
/// `compile_fail` one), as a block of its own.
fn output_block(out: &mut impl Write, snippet: &Snippet) -> io::Result<()> {
    let Some(expected) = &snippet.expected else {
        return Ok(());
    };
    let label = match snippet.mode {
        crate::lesson::Mode::CompileFail => "rustc refuses it with",
        _ => "It prints",
    };
    code_block(out, label, "text", &expected.text)
}

fn prose(out: &mut impl Write, prose: &Prose) -> io::Result<()> {
    match prose {
        Prose::Paragraph(spans) => writeln!(out, "\n{}", wrap(&inline(spans), "", "")),
        Prose::Heading(spans) => writeln!(out, "\n{}", inline(spans).bold()),
        Prose::Quote(spans) => {
            let bar = format!("{} ", "│".dimmed());
            writeln!(
                out,
                "\n{}",
                wrap(&inline(spans).italic().to_string(), &bar, &bar)
            )
        }
        Prose::List(items) => list(out, items),
        Prose::Table(rows) => table(out, rows),
        Prose::Rule => writeln!(out, "\n{}", "─".repeat(RULE_WIDTH).dimmed()),
    }
}

fn exercise(out: &mut impl Write, exercise: &Exercise) -> io::Result<()> {
    code_block(
        out,
        view::EXERCISE_LABEL,
        "rust",
        &exercise.starter.visible_code(),
    )?;
    writeln!(out, "{}", view::graded_by(exercise).dimmed())?;
    let hints = match exercise.hints.len() {
        0 => String::new(),
        1 => " · :hint gives a hint".to_string(),
        n => format!(" · :hint gives one of {n} hints"),
    };
    writeln!(
        out,
        "{}",
        format!(
            ":edit puts it in the line (:exercise in $EDITOR) · :check grades your answer{hints} · :solution shows one"
        )
        .dimmed()
    )
}

/// A labelled code block with a gutter, highlighted when colour is on.
pub fn code_block(out: &mut impl Write, label: &str, lang: &str, code: &str) -> io::Result<()> {
    let label = if label.is_empty() { "code" } else { label };
    writeln!(out, "\n{}", label_style(label))?;
    let lines = if color_on() {
        highlight::highlight(code, lang)
    } else {
        code.lines().map(str::to_string).collect()
    };
    for line in lines {
        writeln!(out, "{} {line}", "│".dimmed())?;
    }
    Ok(())
}

/// A code block's label in bold, in its language's colour for the
/// terminal's background and depth; plain without colour.
pub(crate) fn label_style(label: &str) -> String {
    if !color_on() {
        return label.to_string();
    }
    let terminal = theme::current();
    let light = terminal.background == theme::Background::Light;
    let colour = match (label.split(' ').next(), light) {
        (Some("Python"), false) => theme::Rgb(97, 175, 239),
        (Some("Python"), true) => theme::Rgb(0, 84, 160),
        (Some("Rust"), false) => theme::Rgb(222, 165, 132),
        (Some("Rust"), true) => theme::Rgb(160, 64, 16),
        (_, false) => theme::Rgb(86, 182, 194),
        (_, true) => theme::Rgb(0, 110, 120),
    };
    theme::paint_bold(label, colour, terminal)
}

/// The heading printed before a snippet's output.
pub fn output_header(out: &mut impl Write, id: &str) -> io::Result<()> {
    writeln!(out, "\n{}", format!("Output of {id}").green().bold())
}

/// A snippet's verdict, said after its output as the REPL says it;
/// `false` when it did not do what its slide intends.
pub fn verdict(out: &mut impl Write, verdict: &Verdict) -> io::Result<bool> {
    let message = match verdict {
        Verdict::AsIntended | Verdict::RefusedAsIntended => return Ok(true),
        Verdict::PanickedAsIntended(message) => {
            writeln!(
                out,
                "{} {message}",
                "panicked, as this slide intends:".yellow()
            )?;
            return Ok(true);
        }
        Verdict::Wrong(Wrong::FinishedButShouldPanic) => {
            "the snippet was meant to panic, but finished".to_string()
        }
        Verdict::Wrong(Wrong::Panicked(message)) => format!("the snippet panicked: {message}"),
        Verdict::Wrong(Wrong::ReturnedError(error)) => {
            format!("the snippet returned an error: {error}")
        }
        Verdict::Wrong(Wrong::OutputDiffers { line, diff }) => {
            format!("the snippet's output is not what its output block (line {line}) says:\n{diff}")
        }
        Verdict::Wrong(wrong) => wrong.to_string(),
    };
    writeln!(out, "{} {message}", "error:".red().bold())?;
    Ok(false)
}

/// The verdict on a snippet run in this process, its stdout not captured
/// (it went straight to the terminal): only how it ended is judged.
pub fn verdict_of_run(snippet: &Snippet, outcome: &RunOutcome) -> Verdict {
    verdict::judge(
        snippet,
        Happened::Ran {
            stdout: None,
            ended: &Ended::from_outcome(outcome),
        },
    )
}

fn list(out: &mut impl Write, items: &[ListItem]) -> io::Result<()> {
    writeln!(out)?;
    for item in items {
        let (first, hanging) = list_prefixes(item);
        writeln!(out, "{}", wrap(&inline(&item.content), &first, &hanging))?;
    }
    Ok(())
}

/// A list item's first-line prefix (indent and coloured marker: `1.`, `•`,
/// or `◦` when nested) and the blank prefix of its wrapped lines.
pub(crate) fn list_prefixes(item: &ListItem) -> (String, String) {
    let indent = "  ".repeat(item.depth + 1);
    let marker = match item.number {
        Some(n) => format!("{n}."),
        None if item.depth == 0 => "•".to_string(),
        None => "◦".to_string(),
    };
    let first = format!("{indent}{} ", marker.cyan());
    let hanging = " ".repeat(indent.len() + marker.chars().count() + 1);
    (first, hanging)
}

pub(crate) fn table(out: &mut impl Write, rows: &[Vec<Vec<Span>>]) -> io::Result<()> {
    let plain = |cell: &[Span]| textwrap::core::display_width(&inline(cell));
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|row| row.get(c))
                .map(|cell| plain(cell))
                .max()
                .unwrap_or(0)
        })
        .collect();
    writeln!(out)?;
    for (r, row) in rows.iter().enumerate() {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(cell, width)| {
                let text = if r == 0 {
                    inline(cell).bold().to_string()
                } else {
                    inline(cell)
                };
                format!("{text}{}", " ".repeat(width - plain(cell)))
            })
            .collect();
        writeln!(out, "  {}", cells.join(&format!(" {} ", "│".dimmed())))?;
        if r == 0 {
            let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
            writeln!(out, "  {}", rule.join("─┼─").dimmed())?;
        }
    }
    Ok(())
}

/// Inline spans: `code` in colour, emphasis in italics, strong in bold.
pub(crate) fn inline(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|span| {
            let mut text: ColoredString = span.text.as_str().into();
            // Without colour, backticks are what tells code from prose.
            if span.style.code && color_on() {
                text = text.yellow();
            } else if span.style.code {
                text = format!("`{}`", span.text).into();
            }
            if span.style.emphasis {
                text = text.italic();
            }
            if span.style.strong {
                text = text.bold();
            }
            if span.style.link {
                text = text.underline();
            }
            text.to_string()
        })
        .collect()
}

/// `text` without its escape sequences (colours, styles), as a person reads it.
pub fn strip_styles(text: &str) -> String {
    let mut plain = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(ch) = chars.next() {
        if ch == '\x1b' {
            for next in chars.by_ref() {
                if next.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            plain.push(ch);
        }
    }
    plain
}

/// `avance list` and `:lessons`: number, title, slides, progress.
pub fn lesson_list(
    out: &mut impl Write,
    lessons: &[Lesson],
    progress: &Progress,
    current: Option<&str>,
) -> io::Result<()> {
    let width = lessons.iter().map(|l| l.id.len()).max().unwrap_or(0);
    let longest_title = lessons
        .iter()
        .map(|l| l.title.chars().count())
        .max()
        .unwrap_or(0);
    // On a terminal, long titles give way (with an ellipsis) so that a row
    // fits: the status takes up to 60 columns, the id and marker `width + 4`.
    let title_width = match terminal_columns() {
        Some(columns) => longest_title.min(columns.saturating_sub(width + 4 + 2 + 60).max(16)),
        None => longest_title,
    };
    for lesson in lessons {
        let done = progress.lessons.get(&lesson.id);
        // Only what the lesson still has: it may have changed since.
        let seen = done.map_or(0, |p| p.seen.range(1..=lesson.slides.len()).count());
        // The student's snippets, not the exercises' solutions.
        let playable: Vec<&str> = lesson
            .slides
            .iter()
            .flat_map(Slide::snippets)
            .filter(|s| s.is_playable())
            .map(|s| s.id.as_str())
            .collect();
        let runnable = playable.len();
        let run = done.map_or(0, |p| {
            playable.iter().filter(|id| p.run.contains(**id)).count()
        });
        let marker = if current == Some(lesson.id.as_str()) {
            "▶".green().bold()
        } else {
            " ".normal()
        };
        let mut status = format!(
            "{seen}/{} slides seen, {run}/{runnable} snippets run",
            lesson.slides.len()
        );
        let exercises: Vec<&str> = lesson.exercises().map(|e| e.id.as_str()).collect();
        if !exercises.is_empty() {
            let solved = done.map_or(0, |p| {
                exercises
                    .iter()
                    .filter(|id| p.solved.contains_key(**id))
                    .count()
            });
            status.push_str(&format!(", {solved}/{} exercises solved", exercises.len()));
        }
        let status = if seen == lesson.slides.len() {
            status.green()
        } else {
            status.dimmed()
        };
        writeln!(
            out,
            "{marker} {:<width$}  {:<title_width$}  {status}",
            lesson.id,
            shortened(&lesson.title, title_width)
        )?;
    }
    Ok(())
}

/// The terminal's width when stdout is one (a pipe keeps whole rows).
fn terminal_columns() -> Option<usize> {
    use std::io::IsTerminal;
    io::stdout().is_terminal().then(textwrap::termwidth)
}

/// `text` cut to `width` characters, its last one an ellipsis when cut.
fn shortened(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let kept: String = text.chars().take(width.saturating_sub(1)).collect();
    format!("{}…", kept.trim_end())
}

#[cfg(test)]
mod tests {
    use super::shortened;

    #[test]
    fn a_long_title_gives_way_with_an_ellipsis() {
        assert_eq!(shortened("Underscore idioms", 20), "Underscore idioms");
        assert_eq!(
            shortened("Mutable defaults and changing what you loop over", 20),
            "Mutable defaults an…"
        );
        assert_eq!(shortened("Mutable defaults and", 17), "Mutable defaults…");
    }
}
