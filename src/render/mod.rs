//! Terminal rendering: slides, code, snippet output and the lesson list,
//! written to any `impl Write` so tests read exactly what a student sees.
//!
//! Colour follows `colored`'s global switch (set once from `--color` and
//! `NO_COLOR`); with colour off the output holds no escape codes at all.
//! Code and labels take their colours from [`theme`], which fits them to
//! the terminal's depth and background.

pub mod code;
pub(crate) mod fit;
mod grade;
pub(crate) mod highlight;
pub mod theme;

pub use grade::grade;

use crate::tr;
use std::io::{self, Write};

use colored::{ColoredString, Colorize};

use crate::lesson::{Exercise, Lesson, ListItem, Slide, Snippet, Span};
use crate::run::RunOutcome;
use crate::session::Progress;
use crate::verdict::{self, Ended, Happened, Verdict, Wrong};
use crate::view::{self, Code, CodeGroup, Prose, Section};
use code::{Cut, Fold};

/// What a slide shows besides its prose and Rust.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct View {
    pub python: bool,
    pub notes: bool,
    /// The output each Rust snippet prints, under it (`avance show`; the
    /// REPL runs the snippet instead).
    pub outputs: bool,
    /// How much of a long code block shows.
    pub fold: Fold,
}

/// The REPL's view: the Python shown, long code folded until `:more`.
impl Default for View {
    fn default() -> Self {
        View {
            python: true,
            notes: false,
            outputs: false,
            fold: Fold::Fit { more: ":more" },
        }
    }
}

const RULE_WIDTH: usize = 64;
/// Prose wraps at the terminal's width, but never wider than this: long
/// lines are hard to read.
const MAX_PROSE_WIDTH: usize = 100;

/// Wraps styled text at `width` columns, at most [`MAX_PROSE_WIDTH`]
/// (textwrap measures it without its escape codes).
fn wrap(text: &str, width: usize, first_indent: &str, indent: &str) -> String {
    let width = width.min(MAX_PROSE_WIDTH);
    let options = textwrap::Options::new(width)
        .initial_indent(first_indent)
        .subsequent_indent(indent);
    textwrap::fill(text, options)
}

fn color_on() -> bool {
    colored::control::SHOULD_COLORIZE.should_colorize()
}

/// The terminal a slide is drawn for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    pub columns: usize,
    pub rows: usize,
}

impl Size {
    /// Whether `text` fits with the prompt under it: what does not, the
    /// REPL pages.
    pub fn fits(self, text: &[u8]) -> bool {
        rows(&String::from_utf8_lossy(text), self.columns) < self.rows
    }
}

/// A whole slide: header, title, prose, Python, Rust, notes. Folded when
/// taller than `size`: its longest code blocks first, as a slide's point is
/// more often its short snippet than a long excerpt, each to the most lines
/// with which the slide fits (found by bisection, as fewer lines never make
/// it taller); then the next longest too, and so on.
pub fn slide(
    out: &mut impl Write,
    lesson: &Lesson,
    slide: &Slide,
    view: View,
    size: Size,
) -> io::Result<()> {
    let draw = |cut: Option<Cut>| -> io::Result<Vec<u8>> {
        let mut text = Vec::new();
        slide_cut(&mut text, lesson, slide, view, size.columns, cut)?;
        Ok(text)
    };
    let whole = draw(None)?;
    let Fold::Fit { more } = view.fold else {
        return out.write_all(&whole);
    };
    if size.fits(&whole) {
        return out.write_all(&whole);
    }
    for from in foldable_lengths(slide) {
        if let Some(text) = fold_from(&draw, size, from, more)? {
            return out.write_all(&text);
        }
    }
    // Too tall however folded: as short as it goes, for the pager.
    let lines = code::MIN_FOLDED;
    out.write_all(&draw(Some(Cut {
        lines,
        from: 0,
        more,
    }))?)
}

/// The slide with its blocks of `from` lines or more folded to the most
/// lines with which it fits `size`; `None` when it does not fit however
/// short they are.
fn fold_from(
    draw: &impl Fn(Option<Cut>) -> io::Result<Vec<u8>>,
    size: Size,
    from: usize,
    more: &'static str,
) -> io::Result<Option<Vec<u8>>> {
    let cut = |lines| Some(Cut { lines, from, more });
    let mut best = draw(cut(code::MIN_FOLDED))?;
    if !size.fits(&best) {
        return Ok(None);
    }
    // `fits` holds at `low`, not at `high` (nothing folded there).
    let (mut low, mut high) = (code::MIN_FOLDED, from);
    while high - low > 1 {
        let middle = (low + high) / 2;
        let text = draw(cut(middle))?;
        if size.fits(&text) {
            (low, best) = (middle, text);
        } else {
            high = middle;
        }
    }
    Ok(Some(best))
}

/// The lengths of the code blocks of `slide` (output blocks included) that
/// a fold would shorten, longest first, each once.
fn foldable_lengths(slide: &Slide) -> Vec<usize> {
    let mut lengths = Vec::new();
    for section in view::sections(slide) {
        let Section::Code(group) = section else {
            continue;
        };
        for code in group.blocks() {
            lengths.push(code.text().lines().count());
            if let Code::Rust(Snippet {
                expected: Some(expected),
                ..
            }) = code
            {
                lengths.push(expected.text.lines().count());
            }
        }
    }
    lengths.retain(|&length| length >= code::MIN_FOLDED + code::MIN_HIDDEN);
    lengths.sort_unstable_by(|a, b| b.cmp(a));
    lengths.dedup();
    lengths
}

/// [`slide`] with its code blocks cut as `cut` says.
fn slide_cut(
    out: &mut impl Write,
    lesson: &Lesson,
    slide: &Slide,
    view: View,
    width: usize,
    cut: Option<Cut>,
) -> io::Result<()> {
    let place = format!(
        " {} · {}/{} ",
        lesson.title,
        slide.number,
        lesson.slides.len()
    );
    let rule_width = RULE_WIDTH.min(width);
    let rule = "─".repeat(rule_width.saturating_sub(place.chars().count() + 3));
    writeln!(out, "{}", format!("───{place}{rule}").dimmed())?;
    if slide.number == 1 {
        writeln!(
            out,
            "{}",
            tr!(
                "lesson-title",
                number = lesson.number,
                title = lesson.title.as_str()
            )
            .bold()
            .underline()
        )?;
    } else {
        writeln!(out, "{}", slide.title.bold().underline())?;
    }
    for section in view::sections(slide) {
        self::section(out, &section, view, width, cut)?;
    }
    writeln!(out)
}

fn section(
    out: &mut impl Write,
    section: &Section,
    view: View,
    width: usize,
    cut: Option<Cut>,
) -> io::Result<()> {
    match section {
        Section::Prose(prose) => self::prose(out, prose, width),
        Section::Code(group) => {
            writeln!(out)?;
            for row in code_group(group, view, width, cut) {
                writeln!(out, "{row}")?;
            }
            Ok(())
        }
        Section::Notes(notes) if view.notes => {
            let notes = inline_markdown(notes);
            let text = format!("{} {}", tr!("notes-label").magenta().bold(), notes);
            writeln!(out, "\n{}", wrap(&text, width, "", "       "))
        }
        Section::Notes(_) => Ok(()),
        Section::Exercise(exercise) => self::exercise(out, exercise, width),
    }
}

/// A code group's rows: the course's Python beside the rest when the
/// terminal is wide enough for two columns, else above it.
fn code_group(group: &CodeGroup, view: View, width: usize, cut: Option<Cut>) -> Vec<String> {
    let python: Vec<Code> = group.python().filter(|_| view.python).collect();
    let rest: Vec<Code> = group.beside_python().collect();
    if width >= code::SIDE_BY_SIDE && !python.is_empty() && !rest.is_empty() {
        let column = code::column_width(width);
        let left = code_column(&python, view, column, cut);
        return code::beside(&left, &code_column(&rest, view, column, cut), width);
    }
    let shown: Vec<Code> = group
        .blocks()
        .iter()
        .copied()
        .filter(|code| view.python || !matches!(code, Code::Python(_)))
        .collect();
    code_column(&shown, view, width, cut)
}

/// Code blocks one above the other, a blank row between two, each Rust
/// snippet followed by its output block when the view shows outputs.
fn code_column(blocks: &[Code], view: View, width: usize, cut: Option<Cut>) -> Vec<String> {
    let mut rows = Vec::new();
    for (i, code) in blocks.iter().enumerate() {
        if i > 0 {
            rows.push(String::new());
        }
        let text = code.text();
        rows.extend(code::block(&code.label(), code.lang(), &text, width, cut));
        if let (true, Code::Rust(snippet)) = (view.outputs, code) {
            rows.extend(output_block(snippet, width, cut));
        }
    }
    rows
}

/// What a snippet's slide says it prints (rustc's error codes for a
/// `compile_fail` one), as a block of its own after a blank row.
fn output_block(snippet: &Snippet, width: usize, cut: Option<Cut>) -> Vec<String> {
    let Some(expected) = &snippet.expected else {
        return Vec::new();
    };
    let label = match snippet.mode {
        crate::lesson::Mode::CompileFail => tr!("label-refused"),
        _ => tr!("label-prints"),
    };
    let mut rows = vec![String::new()];
    rows.extend(code::block(&label, "text", &expected.text, width, cut));
    rows
}

fn prose(out: &mut impl Write, prose: &Prose, width: usize) -> io::Result<()> {
    match prose {
        Prose::Paragraph(spans) => writeln!(out, "\n{}", wrap(&inline(spans), width, "", "")),
        Prose::Heading(spans) => writeln!(out, "\n{}", inline(spans).bold()),
        Prose::Quote(spans) => {
            let bar = format!("{} ", "│".dimmed());
            writeln!(
                out,
                "\n{}",
                wrap(&inline(spans).italic().to_string(), width, &bar, &bar)
            )
        }
        Prose::List(items) => list(out, items, width),
        Prose::Table(rows) => table(out, rows, width),
        Prose::Rule => writeln!(out, "\n{}", "─".repeat(RULE_WIDTH.min(width)).dimmed()),
    }
}

/// An exercise's starting code, whole (the student changes all of it),
/// and how it is graded.
fn exercise(out: &mut impl Write, exercise: &Exercise, width: usize) -> io::Result<()> {
    let starter = exercise.starter.visible_code();
    code_block_at(out, &view::exercise_label(), "rust", &starter, width)?;
    writeln!(out, "{}", view::graded_by(exercise).dimmed())?;
    let hints = match exercise.hints.len() {
        0 => String::new(),
        1 => " · :hint gives a hint".to_string(),
        n => format!(" · :hint gives one of {n} hints"),
    };
    let keys = format!(
        ":edit puts it in the line (:exercise in $EDITOR) · :check grades your answer{hints} · :solution shows one"
    );
    writeln!(out, "{}", wrap(&keys, width, "", "").dimmed())
}

/// A labelled code block after a blank line, highlighted when colour is
/// on, whole and soft-wrapped at the terminal's width.
pub fn code_block(out: &mut impl Write, label: &str, lang: &str, code: &str) -> io::Result<()> {
    code_block_at(out, label, lang, code, textwrap::termwidth())
}

fn code_block_at(
    out: &mut impl Write,
    label: &str,
    lang: &str,
    code: &str,
    width: usize,
) -> io::Result<()> {
    let label = if label.is_empty() { "code" } else { label };
    writeln!(out)?;
    for row in code::block(label, lang, code, width, None) {
        writeln!(out, "{row}")?;
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
    writeln!(out, "\n{}", tr!("output-of", id = id).green().bold())
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
                tr!("verdict-panicked-as-intended").yellow()
            )?;
            return Ok(true);
        }
        Verdict::Wrong(Wrong::FinishedButShouldPanic) => tr!("verdict-meant-to-panic"),
        Verdict::Wrong(Wrong::Panicked(message)) => {
            format!("{} {message}", tr!("verdict-panicked"))
        }
        Verdict::Wrong(Wrong::ReturnedError(error)) => {
            format!("{} {error}", tr!("verdict-returned-error"))
        }
        Verdict::Wrong(Wrong::OutputDiffers { line, diff }) => {
            format!("{}\n{diff}", tr!("verdict-output-differs", line = *line))
        }
        Verdict::Wrong(wrong) => wrong.to_string(),
    };
    writeln!(out, "{} {message}", crate::tr!("error-prefix").red().bold())?;
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

fn list(out: &mut impl Write, items: &[ListItem], width: usize) -> io::Result<()> {
    writeln!(out)?;
    for item in items {
        let (first, hanging) = list_prefixes(item);
        let text = wrap(&inline(&item.content), width, &first, &hanging);
        writeln!(out, "{text}")?;
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

/// A table within `width` columns: as wide as its cells where it fits, else
/// each column narrowed (the widest first) and its cells wrapped in it; a
/// table with too many columns even for that is stacked, one `header: cell`
/// line per cell. Nothing is cut.
pub(crate) fn table(out: &mut impl Write, rows: &[Vec<Vec<Span>>], width: usize) -> io::Result<()> {
    let plain = |cell: &[Span]| textwrap::core::display_width(&inline(cell));
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let natural: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|row| row.get(c))
                .map(|cell| plain(cell))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let longest_words: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|row| row.get(c))
                .flat_map(|cell| {
                    let text = inline(cell);
                    let words: Vec<usize> = text
                        .split_whitespace()
                        .map(textwrap::core::display_width)
                        .collect();
                    words
                })
                .max()
                .unwrap_or(0)
        })
        .collect();
    writeln!(out)?;
    let room = width.saturating_sub(TABLE_INDENT.len());
    match fit_columns(&natural, &longest_words, room) {
        Some(widths) => table_grid(out, rows, &widths),
        None => table_stacked(out, rows),
    }
}

const TABLE_INDENT: &str = "  ";
/// A column is never narrowed below this; a table that would need it stacks.
const MIN_COLUMN: usize = 6;

/// Column widths that fit `room` with their separators: the widest column
/// narrowed first, down to its longest word, so that cells wrap between
/// words; then, if that is not enough, words are broken, down to
/// [`MIN_COLUMN`]; `None` when even that does not fit.
fn fit_columns(natural: &[usize], longest_words: &[usize], room: usize) -> Option<Vec<usize>> {
    let separators = 3 * natural.len().saturating_sub(1);
    let room = room.checked_sub(separators)?;
    let mut widths = natural.to_vec();
    while widths.iter().sum::<usize>() > room {
        let narrowable = |floor: &dyn Fn(usize) -> usize| {
            (0..widths.len())
                .filter(|&c| widths[c] > floor(c))
                .max_by_key(|&c| widths[c])
        };
        let column = narrowable(&|c| longest_words[c].max(MIN_COLUMN))
            .or_else(|| narrowable(&|_| MIN_COLUMN))?;
        widths[column] -= 1;
    }
    Some(widths)
}

/// The table as a grid, each cell wrapped to its column; the header bold,
/// ruled off.
fn table_grid(out: &mut impl Write, rows: &[Vec<Vec<Span>>], widths: &[usize]) -> io::Result<()> {
    for (r, row) in rows.iter().enumerate() {
        let cells: Vec<Vec<String>> = widths
            .iter()
            .enumerate()
            .map(|(c, &width)| {
                let text = row.get(c).map(|cell| inline(cell)).unwrap_or_default();
                let text = if r == 0 {
                    text.bold().to_string()
                } else {
                    text
                };
                textwrap::wrap(&text, width.max(1))
                    .into_iter()
                    .map(|line| {
                        let pad = width.saturating_sub(textwrap::core::display_width(&line));
                        format!("{line}{}", " ".repeat(pad))
                    })
                    .collect()
            })
            .collect();
        let height = cells.iter().map(Vec::len).max().unwrap_or(0);
        for k in 0..height {
            let line: Vec<String> = cells
                .iter()
                .zip(widths)
                .map(|(lines, &width)| lines.get(k).cloned().unwrap_or_else(|| " ".repeat(width)))
                .collect();
            writeln!(
                out,
                "{TABLE_INDENT}{}",
                line.join(&format!(" {} ", "│".dimmed()))
            )?;
        }
        if r == 0 {
            let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
            writeln!(out, "{TABLE_INDENT}{}", rule.join("─┼─").dimmed())?;
        }
    }
    Ok(())
}

/// The table as blocks, one per row after the header: `header: cell`.
fn table_stacked(out: &mut impl Write, rows: &[Vec<Vec<Span>>]) -> io::Result<()> {
    let Some((header, body)) = rows.split_first() else {
        return Ok(());
    };
    for (r, row) in body.iter().enumerate() {
        if r > 0 {
            writeln!(out)?;
        }
        for (c, cell) in row.iter().enumerate() {
            let name = header.get(c).map(|h| inline(h)).unwrap_or_default();
            writeln!(out, "{TABLE_INDENT}{}: {}", name.bold(), inline(cell))?;
        }
    }
    Ok(())
}

/// The text of a hint or a note, its inline Markdown rendered as prose's.
pub(crate) fn inline_markdown(text: &str) -> String {
    inline(&crate::lesson::inline_spans(text))
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

/// How many rows of a terminal `columns` wide `text` takes, each line
/// wrapping at the edge (escape sequences take no room).
pub fn rows(text: &str, columns: usize) -> usize {
    let columns = columns.max(1);
    text.lines()
        .map(|line| {
            let width = textwrap::core::display_width(&strip_styles(line));
            width.div_ceil(columns).max(1)
        })
        .sum()
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
        let mut status = tr!(
            "list-status",
            seen = seen,
            slides = lesson.slides.len(),
            run = run,
            runnable = runnable
        );
        let exercises: Vec<&str> = lesson.exercises().map(|e| e.id.as_str()).collect();
        if !exercises.is_empty() {
            let solved = done.map_or(0, |p| {
                exercises
                    .iter()
                    .filter(|id| p.solved.contains_key(**id))
                    .count()
            });
            status.push_str(&tr!(
                "list-solved",
                solved = solved,
                exercises = exercises.len()
            ));
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
    use super::{Size, View, code, rows, shortened};
    use crate::catalog::Catalog;

    /// The lesson table of the convolution's timings at `width`, plain.
    fn timings_table(width: usize) -> String {
        let lesson = crate::lesson::demo_lesson(
            "# T\n\n## S\n\n| N | convolve_python | Numba, 2 threads | Rust optimised |\n\
             | --- | --- | --- | --- |\n\
             | 200 | 575 ms | 880 µs | 80.8 µs |\n",
        );
        let rows = match &lesson.slides[1].blocks[0] {
            crate::lesson::Block::Table(rows) => rows.clone(),
            other => panic!("not a table: {other:?}"),
        };
        let mut out = Vec::new();
        super::table(&mut out, &rows, width).unwrap();
        super::strip_styles(&String::from_utf8(out).unwrap())
    }

    #[test]
    fn a_table_shrinks_to_the_width_wrapping_between_words_and_cuts_nothing() {
        let wide = timings_table(100);
        assert!(wide.contains("│ Numba, 2 threads │"), "{wide}");
        for width in [60, 50] {
            let narrow = timings_table(width);
            let widest = narrow.lines().map(|l| l.chars().count()).max().unwrap();
            assert!(widest <= width, "{widest} > {width}:\n{narrow}");
            // The headers wrap between their words, and every word is there.
            assert!(narrow.contains("convolve_python"), "{narrow}");
            for word in [
                "Numba,",
                "threads",
                "Rust",
                "optimised",
                "575 ms",
                "80.8 µs",
            ] {
                assert!(
                    narrow.contains(word),
                    "{word} missing at {width}:\n{narrow}"
                );
            }
        }
        // Too narrow for four columns: one `header: cell` line each.
        let stacked = timings_table(24);
        assert!(
            stacked.contains("  N: 200\n  convolve_python: 575 ms\n"),
            "{stacked}"
        );
        assert!(stacked.contains("  Rust optimised: 80.8 µs"), "{stacked}");
    }

    /// The REPL's first view of a slide at 100×40, or with every code
    /// block folded as far as it goes.
    fn shown(lesson: &crate::lesson::Lesson, index: usize, folded_most: bool) -> usize {
        let size = Size {
            columns: 100,
            rows: 40,
        };
        let mut out = Vec::new();
        let slide = &lesson.slides[index];
        if folded_most {
            let cut = code::Cut {
                lines: code::MIN_FOLDED,
                from: 0,
                more: ":more",
            };
            super::slide_cut(&mut out, lesson, slide, View::default(), 100, Some(cut))
        } else {
            super::slide(&mut out, lesson, slide, View::default(), size)
        }
        .unwrap();
        rows(&String::from_utf8(out).unwrap(), size.columns)
    }

    /// Every slide of the course fits 100×40 as first shown, the prompt
    /// under it, its long code folded. A slide too tall by its prose alone
    /// teaches two things and is split in its lesson; one whose code folding
    /// would make fit says the folding is wrong.
    #[test]
    fn every_slide_fits_100_by_40_as_first_shown() {
        let catalog = Catalog::embedded().unwrap();
        let (mut code_too_tall, mut prose_too_tall) = (Vec::new(), Vec::new());
        for lesson in catalog.lessons() {
            for index in 0..lesson.slides.len() {
                let rows = shown(lesson, index, false);
                if rows < 40 {
                    continue;
                }
                let place = format!("{}/{} ({rows} rows)", lesson.id, index + 1);
                if shown(lesson, index, true) < 40 {
                    code_too_tall.push(place);
                } else {
                    prose_too_tall.push(place);
                }
            }
        }
        assert!(
            code_too_tall.is_empty(),
            "folding could make these fit 100×40: {code_too_tall:#?}"
        );
        assert!(
            prose_too_tall.is_empty(),
            "too tall for 100×40 by their prose alone, to be split: {prose_too_tall:#?}"
        );
    }

    /// A slide of Python and Rust, plain, at `columns`.
    fn python_and_rust(columns: usize) -> Vec<String> {
        colored::control::set_override(false);
        let lesson = crate::lesson::demo_lesson(
            "# Demo\n\n## Two\n\n```python\nprint(\"py\")\n```\n\n\
             ```rust\nprintln!(\"rust side\");\n```\n",
        );
        let mut out = Vec::new();
        let size = Size { columns, rows: 40 };
        super::slide(&mut out, &lesson, &lesson.slides[1], View::default(), size).unwrap();
        let text = String::from_utf8(out).unwrap();
        text.lines().map(str::to_string).collect()
    }

    #[test]
    fn python_stands_beside_rust_on_a_wide_terminal_and_above_it_on_a_narrow_one() {
        let wide = python_and_rust(200);
        let row = wide.iter().find(|l| l.contains("print(\"py\")")).unwrap();
        assert!(row.contains("┃ │ println!(\"rust side\");"), "{wide:#?}");
        assert!(
            wide.iter()
                .any(|l| l.starts_with("Python") && l.contains("┃ Rust"))
        );

        let narrow = python_and_rust(80);
        let python = narrow.iter().position(|l| l == "│ print(\"py\")");
        let rust = narrow
            .iter()
            .position(|l| l == "│ println!(\"rust side\");");
        assert!(python.unwrap() < rust.unwrap(), "{narrow:#?}");
        assert!(!narrow.iter().any(|l| l.contains('┃')), "{narrow:#?}");
    }

    #[test]
    fn the_longest_block_folds_first_and_only_as_far_as_needed() {
        colored::control::set_override(false);
        let block = |name: &str, lines: usize| -> String {
            let code: String = (1..=lines).map(|n| format!("{name}_{n}()\n")).collect();
            format!("```python\n{code}```\n\nProse.\n\n")
        };
        let text = format!(
            "# Demo\n\n## Two\n\n{}{}",
            block("long", 40),
            block("short", 11)
        );
        let lesson = crate::lesson::demo_lesson(&text);
        let mut out = Vec::new();
        let size = Size {
            columns: 80,
            rows: 40,
        };
        super::slide(&mut out, &lesson, &lesson.slides[1], View::default(), size).unwrap();
        let shown = String::from_utf8(out).unwrap();
        assert!(size.fits(shown.as_bytes()), "{shown}");
        assert!(
            shown.contains("short_11()"),
            "the short block whole:\n{shown}"
        );
        assert!(!shown.contains("long_40()"), "{shown}");
        let kept = shown.matches("long_").count();
        assert!(
            kept > code::MIN_FOLDED,
            "folded only as far as needed:\n{shown}"
        );
        let hidden = 40 - kept;
        let said = format!("… {hidden} more lines: :more shows all 40");
        assert!(shown.contains(&said), "{shown}");
        assert!(
            !size.fits(format!("{shown}\n").as_bytes()),
            "one more line would not fit"
        );
    }

    #[test]
    fn rows_count_wrapped_lines_and_not_escapes() {
        assert_eq!(rows("a\n\nb", 80), 3);
        assert_eq!(rows(&"x".repeat(81), 80), 2);
        assert_eq!(rows(&format!("\x1b[1m{}\x1b[0m", "x".repeat(80)), 80), 1);
        assert_eq!(rows("é│ü", 2), 2);
    }

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
