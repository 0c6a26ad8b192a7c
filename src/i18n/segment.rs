//! Where a lesson's translatable text is: the messages of a lesson file,
//! each with its place in the file, so that extraction writes them to the
//! catalog and translation puts the French back at the same place.
//!
//! A message is a run of inline text with no block between: a heading, a
//! paragraph, a list item's text, a table cell, or the text of a
//! `<!-- notes: -->` or `<!-- hint: -->` comment. Code fences and outputs
//! are never messages, nor is a run that is only inline code.

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// One translatable message of a lesson file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// The slide it is on: 1 for the title slide, then one per `##`.
    pub slide: usize,
    /// Its 1-based line in the file.
    pub line: usize,
    /// The bytes a translation replaces.
    pub range: Range<usize>,
    /// The text, its lines joined: the catalog's msgid.
    pub message: String,
    pub kind: Kind,
}

/// What a message is, which says how its translation is written back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Inline Markdown: written back on one line.
    Text,
    /// The text of a notes or hint comment: its paragraphs kept.
    Comment,
}

/// The options the lesson parser uses, so both see the same blocks.
const OPTIONS: Options = Options::ENABLE_TABLES.union(Options::ENABLE_STRIKETHROUGH);

/// The messages of `text`, in file order.
pub fn segments(text: &str) -> Vec<Segment> {
    let mut finder = Finder {
        text,
        slide: 0,
        run: None,
        inline_depth: 0,
        in_code: false,
        found: Vec::new(),
    };
    for (event, range) in Parser::new_ext(text, OPTIONS).into_offset_iter() {
        finder.event(event, range);
    }
    finder.flush();
    finder.found
}

struct Finder<'a> {
    text: &'a str,
    slide: usize,
    /// The inline text read since the last block boundary.
    run: Option<Range<usize>>,
    /// How deep in emphasis, links and the like: their inner events are
    /// already inside the outer one's range.
    inline_depth: usize,
    in_code: bool,
    found: Vec<Segment>,
}

impl Finder<'_> {
    fn event(&mut self, event: Event, range: Range<usize>) {
        match event {
            Event::Start(tag) if is_inline(&tag) => {
                self.extend(range);
                self.inline_depth += 1;
            }
            Event::End(tag) if is_inline_end(&tag) => self.inline_depth -= 1,
            Event::Text(_) if self.in_code => {}
            Event::Text(_)
            | Event::Code(_)
            | Event::InlineHtml(_)
            | Event::SoftBreak
            | Event::HardBreak
            | Event::InlineMath(_)
            | Event::FootnoteReference(_) => self.extend(range),
            Event::Start(Tag::CodeBlock(_)) => {
                self.flush();
                self.in_code = true;
            }
            Event::End(TagEnd::CodeBlock) => self.in_code = false,
            Event::Start(Tag::Heading { level, .. }) => {
                self.flush();
                if matches!(level, HeadingLevel::H1 | HeadingLevel::H2) {
                    self.slide += 1;
                }
            }
            Event::Start(Tag::HtmlBlock) => {
                self.flush();
                self.comment(range);
            }
            Event::Start(_) | Event::End(_) | Event::Rule => self.flush(),
            _ => {}
        }
    }

    fn extend(&mut self, range: Range<usize>) {
        if self.inline_depth > 0 {
            return;
        }
        self.run = Some(match self.run.take() {
            Some(run) => run.start..range.end.max(run.end),
            None => range,
        });
    }

    /// Ends the current run: a message if it holds words.
    fn flush(&mut self) {
        let Some(range) = self.run.take() else {
            return;
        };
        let source = &self.text[range.clone()];
        let message = join_lines(source);
        if has_words(&message) {
            self.push(range, message, Kind::Text);
        }
    }

    /// The text of a notes or hint comment; other HTML is not prose.
    fn comment(&mut self, range: Range<usize>) {
        let block = &self.text[range.clone()];
        let Some(inner) = block.trim_end().strip_prefix("<!--") else {
            return;
        };
        let Some(inner) = inner.strip_suffix("-->") else {
            return;
        };
        let start_of_inner = range.start + 4;
        let keyword_at = inner.len() - inner.trim_start().len();
        let after_keyword = ["notes:", "hint:"]
            .iter()
            .find(|keyword| inner[keyword_at..].starts_with(*keyword))
            .map(|keyword| keyword_at + keyword.len());
        let Some(after_keyword) = after_keyword else {
            return;
        };
        let body = &inner[after_keyword..];
        let lead = body.len() - body.trim_start().len();
        let body_start = start_of_inner + after_keyword + lead;
        let body_end = start_of_inner + after_keyword + body.trim_end().len();
        let message = join_paragraphs(&self.text[body_start..body_end]);
        if has_words(&message) {
            self.push(body_start..body_end, message, Kind::Comment);
        }
    }

    fn push(&mut self, range: Range<usize>, message: String, kind: Kind) {
        let line = 1 + self.text[..range.start].matches('\n').count();
        self.found.push(Segment {
            slide: self.slide.max(1),
            line,
            range,
            message,
            kind,
        });
    }
}

fn is_inline(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Link { .. }
            | Tag::Image { .. }
            | Tag::Superscript
            | Tag::Subscript
    )
}

fn is_inline_end(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Link
            | TagEnd::Image
            | TagEnd::Superscript
            | TagEnd::Subscript
    )
}

/// A paragraph's lines on one line: the indentation of list items and the
/// `>` of quotes dropped, line ends become spaces.
pub fn join_lines(source: &str) -> String {
    source
        .lines()
        .map(|line| line.trim_start().trim_start_matches('>').trim())
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A comment's text: each paragraph on one line, paragraphs kept apart.
pub fn join_paragraphs(source: &str) -> String {
    source
        .split("\n\n")
        .map(join_lines)
        .filter(|paragraph| !paragraph.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Whether there is a letter outside inline code: `i32` alone in a table
/// cell needs no translation.
fn has_words(message: &str) -> bool {
    message
        .split('`')
        .step_by(2)
        .any(|prose| prose.chars().any(char::is_alphabetic))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(text: &str) -> Vec<(usize, String)> {
        segments(text)
            .into_iter()
            .map(|s| (s.slide, s.message))
            .collect()
    }

    #[test]
    fn headings_paragraphs_items_and_cells_are_messages_code_is_not() {
        let text = "# Title\n\nA *first*\nparagraph.\n\n## Two\n\n- one `x`\n  more\n- `only code`\n\n\
                    | a | b |\n| --- | --- |\n| `i32` | a cell |\n\n```rust\nlet x = 1; // not prose\n```\n\n\
                    > quoted\n> text\n";
        assert_eq!(
            messages(text),
            [
                (1, "Title".into()),
                (1, "A *first* paragraph.".into()),
                (2, "Two".into()),
                (2, "one `x` more".into()),
                (2, "a".into()),
                (2, "b".into()),
                (2, "a cell".into()),
                (2, "quoted text".into()),
            ]
        );
    }

    #[test]
    fn a_comment_keeps_its_paragraphs_and_other_html_is_skipped() {
        let text = "# T\n\n<!-- notes: Ask the\nroom.\n\nThen this. -->\n\n<!-- hint: Use `x`. -->\n\n<!-- plain -->\n";
        let found = segments(text);
        assert_eq!(found.len(), 3);
        assert_eq!(found[1].message, "Ask the room.\n\nThen this.");
        assert_eq!(found[1].kind, Kind::Comment);
        assert_eq!(
            &text[found[1].range.clone()],
            "Ask the\nroom.\n\nThen this."
        );
        assert_eq!(found[2].message, "Use `x`.");
        assert_eq!(found[2].line, 8);
    }

    #[test]
    fn a_range_covers_the_whole_inline_text() {
        let text = "# T\n\nSee [the *book*](https://x.y) now.\n";
        let found = segments(text);
        assert_eq!(
            &text[found[1].range.clone()],
            "See [the *book*](https://x.y) now."
        );
    }
}
