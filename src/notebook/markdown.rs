//! Jupyter's Markdown for the lesson's text: inline spans, lists, tables,
//! fences long enough for any backticks inside, and plain text escaped so
//! that it stays literal.

use std::fmt::Write as _;

use crate::lesson::{CodeBlock, ListItem, Span};

/// A collapsed block: `summary` shown, `body` (markdown) on a click.
pub(super) fn details(summary: &str, body: &str) -> String {
    format!("<details><summary>{summary}</summary>\n\n{body}\n\n</details>")
}

pub(super) fn code_block(code: &CodeBlock) -> String {
    let mut text = fence(&code.lang, &code.text);
    if let Some(expected) = &code.expected {
        let _ = write!(
            text,
            "\n\nPython prints:\n\n{}",
            fence("text", &expected.text)
        );
    }
    text
}

/// A fenced block long enough for any backticks inside `text`.
pub(super) fn fence(lang: &str, text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let ticks = "`".repeat(longest.max(2) + 1);
    format!("{ticks}{lang}\n{}\n{ticks}", text.trim_end_matches('\n'))
}

pub(super) fn list(items: &[ListItem]) -> String {
    items
        .iter()
        .map(|item| {
            let marker = item.number.map_or("-".to_string(), |n| format!("{n}."));
            format!(
                "{}{marker} {}",
                "   ".repeat(item.depth),
                inline(&item.content)
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

pub(super) fn table(rows: &[Vec<Vec<Span>>]) -> String {
    let line = |row: &Vec<Vec<Span>>| {
        let cells: Vec<String> = row
            .iter()
            .map(|cell| inline(cell).replace('|', "\\|"))
            .collect();
        format!("| {} |", cells.join(" | "))
    };
    let mut lines: Vec<String> = rows.iter().map(line).collect();
    if let Some(header) = rows.first() {
        lines.insert(1, format!("|{}", " --- |".repeat(header.len())));
    }
    lines.join("\n")
}

pub(super) fn inline(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|span| {
            let mut text = if span.style.code {
                code_span(&span.text)
            } else {
                escape(&span.text)
            };
            if span.style.emphasis {
                text = format!("*{text}*");
            }
            if span.style.strong {
                text = format!("**{text}**");
            }
            text
        })
        .collect()
}

/// Inline code, delimited by more backticks than it holds.
pub(super) fn code_span(text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let ticks = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{ticks}{pad}{text}{pad}{ticks}")
}

/// Plain text made literal in Jupyter's markdown: its markup characters,
/// HTML and the `$` that would start LaTeX.
pub(super) fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '$' | '#'
        ) {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

/// Markdown written by the lesson (a hint) kept as Markdown, its HTML made
/// text: a `</details>` or a `<script>` in it stays on the page as written.
pub(super) fn without_html(markdown: &str) -> String {
    markdown
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
