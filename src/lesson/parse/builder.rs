//! The lesson format's rules, applied event by event: pulldown-cmark's
//! events become slides and blocks, each with its line; a break of the
//! format is a [`Failure`] at that line.

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::super::fence::{self, FenceKind};
use super::super::include::{self, IncludeSource};
use super::super::model::{
    Block, CodeBlock, Exercise, Expected, HiddenTests, Mode, PythonRole, Slide, Snippet, SpanStyle,
};
use super::walker::{Inline, Walker, normalize_notes};
use super::{Failure, ParseErrorKind};

/// Walks pulldown-cmark's events and builds slides.
pub(super) struct Builder<'a> {
    pub(super) text: &'a str,
    pub(super) line_starts: Vec<usize>,
    pub(super) includes: &'a dyn IncludeSource,
    pub(super) title: Option<String>,
    pub(super) slides: Vec<Slide>,
}

impl<'a> Builder<'a> {
    pub(super) fn new(text: &'a str, includes: &'a dyn IncludeSource) -> Self {
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

    pub(super) fn run(&mut self) -> Result<(), Failure> {
        let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
        let events: Vec<(Event<'a>, std::ops::Range<usize>)> = Parser::new_ext(self.text, options)
            .into_offset_iter()
            .collect();
        let mut walker = Walker::default();
        for (event, range) in events {
            let line = self.line_of(range.start);
            if let Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_))) = &event {
                closed_fence(&self.text[range.clone()])
                    .map_err(|fence| (line, ParseErrorKind::UnclosedFence(fence)))?;
            }
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
        let included = include::first_path(&text);
        let text = include::expand(text.trim_end_matches('\n'), self.includes)
            .map_err(|e| (line, e.into()))?;
        match kind {
            FenceKind::Display(lang) => self.push(
                Block::Code(CodeBlock {
                    lang,
                    role: PythonRole::Cell,
                    text,
                    line,
                    expected: None,
                }),
                line,
            ),
            FenceKind::Python(role) => self.push(
                Block::Code(CodeBlock {
                    lang: "python".into(),
                    role,
                    text,
                    line,
                    expected: None,
                }),
                line,
            ),
            FenceKind::Rust(mode) => {
                let snippet = Snippet {
                    id: String::new(),
                    mode,
                    source: text,
                    line,
                    expected: None,
                    included,
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
                    included: None,
                };
                let exercise = Exercise {
                    id: String::new(),
                    starter: snippet(Mode::Ignore, text, line),
                    // Line 0 until its `rust,solution` fence comes.
                    solution: snippet(Mode::Run, String::new(), 0),
                    tests: HiddenTests::default(),
                    hints: Vec::new(),
                };
                self.push(Block::Exercise(Box::new(exercise)), line)
            }
            FenceKind::Solution => {
                self.require_title(line)?;
                match self.last_block() {
                    Some(Block::Exercise(exercise)) if exercise.solution.line == 0 => {
                        exercise.solution.source = text;
                        exercise.solution.line = line;
                        Ok(())
                    }
                    _ => Err((line, ParseErrorKind::OrphanSolution)),
                }
            }
            FenceKind::Test => {
                self.require_title(line)?;
                match self.last_block() {
                    Some(Block::Exercise(exercise))
                        if exercise.solution.line != 0 && exercise.tests.line == 0 =>
                    {
                        exercise.tests = HiddenTests::new(text, line);
                        match exercise.tests.cases.is_empty() {
                            true => Err((line, ParseErrorKind::TestsWithoutCases)),
                            false => Ok(()),
                        }
                    }
                    _ => Err((line, ParseErrorKind::OrphanTests)),
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
            Some(Block::Exercise(_)) => {
                return Err((
                    line,
                    ParseErrorKind::OrphanOutput(
                        "an exercise, which its hidden tests grade (write a `rust,test` block instead)",
                    ),
                ));
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

/// Whether a fenced block's source (its range in the file) ends with a
/// closing fence as long as its opening one; `Err` holds the opening fence.
/// pulldown-cmark lets an unclosed fence run to the end of the file, and a
/// ```` fence is not closed by ```: both would swallow the slides after it.
fn closed_fence(block: &str) -> Result<(), String> {
    fn strip(line: &str) -> &str {
        line.trim_start_matches(|c: char| c == '>' || c.is_whitespace())
            .trim_end()
    }
    let mut lines = block.lines();
    let opening = strip(lines.next().unwrap_or_default());
    let mark = opening.chars().next().unwrap_or('`');
    let length = opening.chars().take_while(|&c| c == mark).count();
    let fence = mark.to_string().repeat(length);
    let closing = lines.next_back().map(strip).unwrap_or_default();
    let closes = closing.len() >= length && closing.chars().all(|c| c == mark);
    if closes { Ok(()) } else { Err(fence) }
}
