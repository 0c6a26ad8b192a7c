//! The nesting state between pulldown-cmark's events: where inline text
//! goes (a heading, a paragraph, a table cell, a list item), open lists,
//! tables and blocks.

use pulldown_cmark::HeadingLevel;

use super::super::model::{ListItem, Span, SpanStyle};

/// Where inline text currently goes.
#[derive(Default)]
pub(super) enum Inline {
    #[default]
    None,
    Heading {
        level: HeadingLevel,
        line: usize,
        spans: Vec<Span>,
    },
    Paragraph(Vec<Span>),
}

/// Notes are written wrapped in the file; keep paragraphs, join lines.
pub(super) fn normalize_notes(notes: &str) -> String {
    notes
        .split("\n\n")
        .map(|paragraph| paragraph.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|paragraph| !paragraph.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The nesting state between events: lists, tables, styles, open blocks.
#[derive(Default)]
pub(super) struct Walker {
    pub(super) inline: Inline,
    pub(super) style: SpanStyle,
    pub(super) quote: bool,
    /// One counter per open list: the next item's number (None: bulleted).
    pub(super) lists: Vec<Option<u64>>,
    /// Finished items of the outermost open list, and the item being read.
    pub(super) items: Vec<ListItem>,
    pub(super) open_item: Option<ListItem>,
    pub(super) table: Option<Vec<Vec<Vec<Span>>>>,
    pub(super) code: Option<(String, usize, String)>,
    pub(super) html: String,
    pub(super) html_line: usize,
}

impl Walker {
    /// Appends inline text to whatever is open: heading, paragraph, table cell or list item.
    pub(super) fn text(&mut self, text: &str, style: SpanStyle) {
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

    pub(super) fn start_list(&mut self, start: Option<u64>) {
        self.flush_item();
        self.lists.push(start);
    }

    /// Closes a list level; the outermost returns all its items.
    pub(super) fn end_list(&mut self) -> Option<Vec<ListItem>> {
        self.flush_item();
        self.lists.pop();
        if self.lists.is_empty() {
            self.take_items()
        } else {
            None
        }
    }

    pub(super) fn start_item(&mut self) {
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

    pub(super) fn flush_item(&mut self) {
        if let Some(item) = self
            .open_item
            .take()
            .filter(|item| !item.content.is_empty())
        {
            self.items.push(item);
        }
    }

    pub(super) fn take_items(&mut self) -> Option<Vec<ListItem>> {
        self.flush_item();
        (!self.items.is_empty()).then(|| std::mem::take(&mut self.items))
    }
}
