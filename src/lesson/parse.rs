//! Markdown to model: one lesson file becomes a [`Lesson`].
//!
//! pulldown-cmark does the Markdown; this module walks its events, keeps
//! their source lines, and enforces the lesson format (one `#` title, `##`
//! slides, typed fences, output blocks after rust blocks, notes comments).
//! Every error names the file and line and says what would be right.

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::fence::{self, FenceError, FenceKind};
use super::include::{self, IncludeError, IncludeSource};
use super::model::{
    Block, CodeBlock, Exercise, Expected, Lesson, ListItem, Mode, Slide, Snippet, Span, SpanStyle,
};

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
        "a `rust,exercise` block needs an `output` block (what the answer prints), then a `rust,solution` block"
    )]
    IncompleteExercise,
    #[error("a `rust,solution` block must follow its `rust,exercise` block (and its output block)")]
    OrphanSolution,
    #[error("a `<!-- hint: ... -->` comment must follow a `rust,exercise` block on the same slide")]
    OrphanHint,
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
    let (number, slug) = lesson_file_id(file_name)
        .ok_or_else(|| error(1, ParseErrorKind::FileName(file_name.into())))?;
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
        .find(|e| e.expected().is_none() || e.solution.line == 0)
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

/// Walks pulldown-cmark's events and builds slides.
struct Builder<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
    includes: &'a dyn IncludeSource,
    title: Option<String>,
    slides: Vec<Slide>,
}

/// Where inline text currently goes.
#[derive(Default)]
enum Inline {
    #[default]
    None,
    Heading {
        level: HeadingLevel,
        line: usize,
        spans: Vec<Span>,
    },
    Paragraph(Vec<Span>),
}

impl<'a> Builder<'a> {
    fn new(text: &'a str, includes: &'a dyn IncludeSource) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Builder {
            text,
            line_starts,
            includes,
            title: None,
            slides: Vec::new(),
        }
    }

    fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&start| start <= offset)
    }

    fn run(&mut self) -> Result<(), Failure> {
        let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
        let events: Vec<(Event<'a>, std::ops::Range<usize>)> = Parser::new_ext(self.text, options)
            .into_offset_iter()
            .collect();
        let mut walker = Walker::default();
        for (event, range) in events {
            let line = self.line_of(range.start);
            self.event(&mut walker, event, line)?;
        }
        Ok(())
    }

    fn event(&mut self, walker: &mut Walker, event: Event<'a>, line: usize) -> Result<(), Failure> {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                walker.inline = Inline::Heading {
                    level,
                    line,
                    spans: Vec::new(),
                };
            }
            Event::End(TagEnd::Heading(_)) => self.end_heading(walker)?,
            // Paragraphs inside list items and table cells write to the item or cell.
            Event::Start(Tag::Paragraph) if walker.lists.is_empty() && walker.table.is_none() => {
                walker.inline = Inline::Paragraph(Vec::new());
            }
            // A second paragraph in one list item: keep the words apart.
            Event::Start(Tag::Paragraph)
                if walker
                    .open_item
                    .as_ref()
                    .is_some_and(|i| !i.content.is_empty()) =>
            {
                walker.text(" ", SpanStyle::default());
            }
            Event::End(TagEnd::Paragraph) => {
                if let Inline::Paragraph(spans) =
                    std::mem::replace(&mut walker.inline, Inline::None)
                {
                    let block = if walker.quote {
                        Block::Quote(spans)
                    } else {
                        Block::Paragraph(spans)
                    };
                    self.push(block, line)?;
                }
            }
            Event::Start(Tag::BlockQuote(_)) => walker.quote = true,
            Event::End(TagEnd::BlockQuote(_)) => walker.quote = false,
            Event::Start(Tag::List(start)) => walker.start_list(start),
            Event::End(TagEnd::List(_)) => {
                if let Some(items) = walker.end_list() {
                    self.push(Block::List(items), line)?;
                }
            }
            Event::Start(Tag::Item) => walker.start_item(),
            Event::End(TagEnd::Item) => walker.flush_item(),
            Event::Start(Tag::Table(_)) => walker.table = Some(Vec::new()),
            Event::End(TagEnd::Table) => {
                if let Some(rows) = walker.table.take() {
                    self.push(Block::Table(rows), line)?;
                }
            }
            Event::Start(Tag::TableHead | Tag::TableRow) => {
                if let Some(rows) = &mut walker.table {
                    rows.push(Vec::new());
                }
            }
            Event::Start(Tag::TableCell) => {
                if let Some(row) = walker.table.as_mut().and_then(|rows| rows.last_mut()) {
                    row.push(Vec::new());
                }
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let info = match kind {
                    CodeBlockKind::Fenced(info) => info.to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                walker.code = Some((info, line, String::new()));
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((info, start, text)) = walker.code.take() {
                    // A fence inside a list item: keep reading order by ending the list here.
                    if let Some(items) = walker.take_items() {
                        self.push(Block::List(items), line)?;
                    }
                    self.code_block(&info, start, text)?;
                }
            }
            Event::Html(html) => walker.html.push_str(&html),
            Event::InlineHtml(html) if !html.trim_start().starts_with("<!--") => {
                return Err((line, ParseErrorKind::Html));
            }
            Event::End(TagEnd::HtmlBlock) => {
                let html = std::mem::take(&mut walker.html);
                self.html_block(&html, walker.html_line)?;
            }
            Event::Start(Tag::HtmlBlock) => walker.html_line = line,
            Event::Start(Tag::Emphasis) => walker.style.emphasis = true,
            Event::End(TagEnd::Emphasis) => walker.style.emphasis = false,
            Event::Start(Tag::Strong) => walker.style.strong = true,
            Event::End(TagEnd::Strong) => walker.style.strong = false,
            Event::Start(Tag::Link { .. }) => walker.style.link = true,
            Event::End(TagEnd::Link) => walker.style.link = false,
            Event::Text(text) => match &mut walker.code {
                Some((_, _, code)) => code.push_str(&text),
                None => walker.text(&text, walker.style),
            },
            Event::Code(code) => walker.text(
                &code,
                SpanStyle {
                    code: true,
                    ..walker.style
                },
            ),
            Event::SoftBreak => walker.text(" ", walker.style),
            Event::HardBreak => walker.text("\n", walker.style),
            Event::Rule => self.push(Block::Rule, line)?,
            _ => {}
        }
        Ok(())
    }

    fn end_heading(&mut self, walker: &mut Walker) -> Result<(), Failure> {
        let Inline::Heading { level, line, spans } =
            std::mem::replace(&mut walker.inline, Inline::None)
        else {
            return Ok(());
        };
        let text: String = spans.iter().map(|span| span.text.as_str()).collect();
        match level {
            HeadingLevel::H1 if self.title.is_some() => Err((line, ParseErrorKind::SecondTitle)),
            HeadingLevel::H1 => {
                self.slides.push(Slide {
                    number: 1,
                    title: text.clone(),
                    line,
                    blocks: Vec::new(),
                });
                self.title = Some(text);
                Ok(())
            }
            HeadingLevel::H2 => {
                self.require_title(line)?;
                let number = self.slides.len() + 1;
                self.slides.push(Slide {
                    number,
                    title: text,
                    line,
                    blocks: Vec::new(),
                });
                Ok(())
            }
            _ => self.push(Block::Heading(spans), line),
        }
    }

    fn require_title(&self, line: usize) -> Result<(), Failure> {
        match self.title {
            Some(_) => Ok(()),
            None => Err((line, ParseErrorKind::BeforeTitle)),
        }
    }

    fn push(&mut self, block: Block, line: usize) -> Result<(), Failure> {
        self.require_title(line)?;
        let slide = self
            .slides
            .last_mut()
            .expect("a title creates the first slide");
        slide.blocks.push(block);
        Ok(())
    }

    fn code_block(&mut self, info: &str, line: usize, text: String) -> Result<(), Failure> {
        let kind = fence::parse_info(info).map_err(|e| (line, e.into()))?;
        let text = include::expand(text.trim_end_matches('\n'), self.includes)
            .map_err(|e| (line, e.into()))?;
        match kind {
            FenceKind::Display(lang) => {
                let expected = None;
                self.push(
                    Block::Code(CodeBlock {
                        lang,
                        text,
                        line,
                        expected,
                    }),
                    line,
                )
            }
            FenceKind::Rust(mode) => {
                let snippet = Snippet {
                    id: String::new(),
                    mode,
                    source: text,
                    line,
                    expected: None,
                };
                self.push(Block::Snippet(snippet), line)
            }
            FenceKind::Exercise => {
                let snippet = |mode, source, line| Snippet {
                    id: String::new(),
                    mode,
                    source,
                    line,
                    expected: None,
                };
                let exercise = Exercise {
                    id: String::new(),
                    starter: snippet(Mode::Ignore, text, line),
                    // Line 0 until its `rust,solution` fence comes.
                    solution: snippet(Mode::Run, String::new(), 0),
                    hints: Vec::new(),
                };
                self.push(Block::Exercise(exercise), line)
            }
            FenceKind::Solution => {
                self.require_title(line)?;
                match self.last_block() {
                    Some(Block::Exercise(exercise)) if exercise.solution.line == 0 => {
                        exercise.solution.source = text;
                        exercise.solution.line = line;
                        exercise.solution.expected = exercise.starter.expected.clone();
                        Ok(())
                    }
                    _ => Err((line, ParseErrorKind::OrphanSolution)),
                }
            }
            FenceKind::Output => self.attach_output(Expected { text, line }),
            FenceKind::PythonOutput => self.attach_python_output(Expected { text, line }),
        }
    }

    fn attach_python_output(&mut self, expected: Expected) -> Result<(), Failure> {
        let line = expected.line;
        self.require_title(line)?;
        let last = self
            .slides
            .last_mut()
            .and_then(|slide| slide.blocks.last_mut());
        let orphan = |follows| Err((line, ParseErrorKind::OrphanPythonOutput(follows)));
        match last {
            Some(Block::Code(code)) if code.lang == "python" && code.expected.is_none() => {
                code.expected = Some(expected);
                Ok(())
            }
            Some(Block::Code(code)) if code.lang == "python" => {
                orphan("another python-output block")
            }
            Some(_) => orphan("something that is not a python block"),
            None => orphan("the slide's heading"),
        }
    }

    fn last_block(&mut self) -> Option<&mut Block> {
        self.slides
            .last_mut()
            .and_then(|slide| slide.blocks.last_mut())
    }

    fn attach_output(&mut self, expected: Expected) -> Result<(), Failure> {
        let line = expected.line;
        self.require_title(line)?;
        let last = self
            .slides
            .last_mut()
            .and_then(|slide| slide.blocks.last_mut());
        let snippet = match last {
            Some(Block::Exercise(exercise))
                if exercise.starter.expected.is_none() && exercise.solution.line == 0 =>
            {
                exercise.starter.expected = Some(expected);
                return Ok(());
            }
            Some(Block::Snippet(snippet)) if snippet.expected.is_none() => snippet,
            Some(Block::Snippet(_)) => {
                return Err((line, ParseErrorKind::OrphanOutput("another output block")));
            }
            Some(_) => {
                return Err((
                    line,
                    ParseErrorKind::OrphanOutput("something that is not a rust block"),
                ));
            }
            None => return Err((line, ParseErrorKind::OrphanOutput("the slide's heading"))),
        };
        match snippet.mode {
            Mode::NoRun => Err((line, ParseErrorKind::OutputForUnrun("no_run"))),
            Mode::Ignore => Err((line, ParseErrorKind::OutputForUnrun("ignore"))),
            _ => {
                snippet.expected = Some(expected);
                Ok(())
            }
        }
    }

    fn html_block(&mut self, html: &str, line: usize) -> Result<(), Failure> {
        let html = html.trim();
        let Some(comment) = html
            .strip_prefix("<!--")
            .and_then(|rest| rest.strip_suffix("-->"))
        else {
            return Err((line, ParseErrorKind::Html));
        };
        let comment = comment.trim();
        if let Some(hint) = comment.strip_prefix("hint:") {
            self.require_title(line)?;
            let exercise = self.slides.last_mut().and_then(|slide| {
                slide.blocks.iter_mut().rev().find_map(|block| match block {
                    Block::Exercise(exercise) => Some(exercise),
                    _ => None,
                })
            });
            return match exercise {
                Some(exercise) => {
                    exercise.hints.push(normalize_notes(hint));
                    Ok(())
                }
                None => Err((line, ParseErrorKind::OrphanHint)),
            };
        }
        match comment.strip_prefix("notes:") {
            Some(notes) => self.push(Block::Notes(normalize_notes(notes)), line),
            None => Ok(()),
        }
    }
}

/// Notes are written wrapped in the file; keep paragraphs, join lines.
fn normalize_notes(notes: &str) -> String {
    notes
        .split("\n\n")
        .map(|paragraph| paragraph.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|paragraph| !paragraph.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The nesting state between events: lists, tables, styles, open blocks.
#[derive(Default)]
struct Walker {
    inline: Inline,
    style: SpanStyle,
    quote: bool,
    /// One counter per open list: the next item's number (None: bulleted).
    lists: Vec<Option<u64>>,
    /// Finished items of the outermost open list, and the item being read.
    items: Vec<ListItem>,
    open_item: Option<ListItem>,
    table: Option<Vec<Vec<Vec<Span>>>>,
    code: Option<(String, usize, String)>,
    html: String,
    html_line: usize,
}

impl Walker {
    /// Appends inline text to whatever is open: heading, paragraph, table cell or list item.
    fn text(&mut self, text: &str, style: SpanStyle) {
        let spans = match &mut self.inline {
            Inline::Heading { spans, .. } | Inline::Paragraph(spans) => spans,
            Inline::None => match (&mut self.table, &mut self.open_item) {
                (Some(rows), _) => match rows.last_mut().and_then(|row| row.last_mut()) {
                    Some(cell) => cell,
                    None => return,
                },
                (None, Some(item)) => &mut item.content,
                // Text of an item after its nested list or fence: it goes on
                // as an unmarked continuation of the item.
                (None, None) if !self.lists.is_empty() => {
                    let depth = self.lists.len() - 1;
                    &mut self
                        .open_item
                        .insert(ListItem {
                            depth,
                            number: None,
                            content: Vec::new(),
                        })
                        .content
                }
                (None, None) => return,
            },
        };
        match spans.last_mut() {
            Some(last) if last.style == style => last.text.push_str(text),
            _ => spans.push(Span {
                text: text.to_string(),
                style,
            }),
        }
    }

    fn start_list(&mut self, start: Option<u64>) {
        self.flush_item();
        self.lists.push(start);
    }

    /// Closes a list level; the outermost returns all its items.
    fn end_list(&mut self) -> Option<Vec<ListItem>> {
        self.flush_item();
        self.lists.pop();
        if self.lists.is_empty() {
            self.take_items()
        } else {
            None
        }
    }

    fn start_item(&mut self) {
        self.flush_item();
        let depth = self.lists.len().saturating_sub(1);
        let number = self.lists.last_mut().and_then(|counter| {
            let number = *counter;
            *counter = counter.map(|n| n + 1);
            number
        });
        self.open_item = Some(ListItem {
            depth,
            number,
            content: Vec::new(),
        });
    }

    fn flush_item(&mut self) {
        if let Some(item) = self
            .open_item
            .take()
            .filter(|item| !item.content.is_empty())
        {
            self.items.push(item);
        }
    }

    fn take_items(&mut self) -> Option<Vec<ListItem>> {
        self.flush_item();
        (!self.items.is_empty()).then(|| std::mem::take(&mut self.items))
    }
}
