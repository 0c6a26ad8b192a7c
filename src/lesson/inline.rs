//! Inline Markdown in the text of comments, hints and speaker notes
//! (`` `code` ``, `*emphasis*`, `**strong**`), read into the same spans as
//! prose, so every view renders them as it renders prose.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::model::{Span, SpanStyle};

/// `text` as styled spans; paragraphs stay apart by a blank line.
pub fn inline_spans(text: &str) -> Vec<Span> {
    let mut spans: Vec<Span> = Vec::new();
    let mut style = SpanStyle::default();
    let push = |spans: &mut Vec<Span>, text: &str, style: SpanStyle| match spans.last_mut() {
        Some(last) if last.style == style => last.text.push_str(text),
        _ => spans.push(Span {
            text: text.to_string(),
            style,
        }),
    };
    let mut paragraphs = 0;
    for event in Parser::new(text) {
        match event {
            Event::Start(Tag::Paragraph) => {
                if paragraphs > 0 {
                    push(&mut spans, "\n\n", SpanStyle::default());
                }
                paragraphs += 1;
            }
            Event::Start(Tag::Emphasis) => style.emphasis = true,
            Event::End(TagEnd::Emphasis) => style.emphasis = false,
            Event::Start(Tag::Strong) => style.strong = true,
            Event::End(TagEnd::Strong) => style.strong = false,
            Event::Code(code) => push(
                &mut spans,
                &code,
                SpanStyle {
                    code: true,
                    ..style
                },
            ),
            // HTML is not part of a hint or note: it is shown as written.
            Event::Text(text) | Event::InlineHtml(text) | Event::Html(text) => {
                push(&mut spans, &text, style)
            }
            Event::SoftBreak | Event::HardBreak => push(&mut spans, " ", style),
            _ => {}
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_and_emphasis_become_styled_spans() {
        let spans = inline_spans("Use `Vec::retain`, *not* a loop.");
        let texts: Vec<(&str, bool, bool)> = spans
            .iter()
            .map(|s| (s.text.as_str(), s.style.code, s.style.emphasis))
            .collect();
        assert_eq!(
            texts,
            [
                ("Use ", false, false),
                ("Vec::retain", true, false),
                (", ", false, false),
                ("not", false, true),
                (" a loop.", false, false)
            ]
        );
    }

    #[test]
    fn html_is_text() {
        let spans = inline_spans("</details><script>alert(1)</script>");
        let text: String = spans.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(text, "</details><script>alert(1)</script>");
    }

    #[test]
    fn paragraphs_stay_apart() {
        let text: String = inline_spans("One\nline.\n\nTwo.")
            .iter()
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(text, "One line.\n\nTwo.");
    }
}
