//! The HTML pieces the reports are drawn with in Jupyter: escaped text, a
//! table, and a horizontal bar chart as inline SVG (hand-written, so the
//! light library needs no plotting crate). Every string that comes from
//! data goes through [`escape`].

use std::fmt::Write as _;

/// `text` with `&`, `<`, `>`, `"` and `'` replaced by entities, safe inside
/// an element or a quoted attribute.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            _ => escaped.push(c),
        }
    }
    escaped
}

/// A table: `header` then `rows`, every cell escaped; columns after the
/// first are right-aligned (they hold numbers).
pub fn table(caption: &str, header: &[&str], rows: &[Vec<String>]) -> String {
    let mut html = String::from("<table class=\"avance-report\">");
    if !caption.is_empty() {
        let _ = write!(html, "<caption>{}</caption>", escape(caption));
    }
    html.push_str("<thead><tr>");
    for cell in header {
        let _ = write!(html, "<th>{}</th>", escape(cell));
    }
    html.push_str("</tr></thead><tbody>");
    for row in rows {
        html.push_str("<tr>");
        for (column, cell) in row.iter().enumerate() {
            let align = if column == 0 { "left" } else { "right" };
            let _ = write!(
                html,
                "<td style=\"text-align:{align}\">{}</td>",
                escape(cell)
            );
        }
        html.push_str("</tr>");
    }
    html.push_str("</tbody></table>");
    html
}

/// One bar of a chart: its label, its length as a number, and the text
/// written after it.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    pub text: String,
}

impl Bar {
    pub fn new(label: impl Into<String>, value: f64, text: impl Into<String>) -> Bar {
        Bar {
            label: label.into(),
            value,
            text: text.into(),
        }
    }
}

/// Pixels of the chart: the label column, the longest bar, one row.
const LABEL_WIDTH: f64 = 140.0;
/// The longest bar, in pixels.
pub const BAR_SPACE: f64 = 300.0;
const TEXT_WIDTH: f64 = 110.0;
const ROW_HEIGHT: f64 = 22.0;
const BAR_HEIGHT: f64 = 16.0;

/// A horizontal bar chart as an `<svg>` element: bar lengths proportional
/// to the values, the longest [`BAR_SPACE`] pixels; a value that is not a
/// positive finite number draws no bar.
pub fn bar_chart(title: &str, bars: &[Bar]) -> String {
    let longest = bars
        .iter()
        .map(|bar| bar.value)
        .filter(|value| value.is_finite())
        .fold(0.0_f64, f64::max);
    let width = LABEL_WIDTH + BAR_SPACE + TEXT_WIDTH;
    let height = ROW_HEIGHT * (bars.len() as f64 + 1.0);
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"avance-chart\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"12\" role=\"img\">"
    );
    let _ = write!(
        svg,
        "<title>{0}</title><text x=\"0\" y=\"15\" font-weight=\"bold\">{0}</text>",
        escape(title)
    );
    for (index, bar) in bars.iter().enumerate() {
        let top = ROW_HEIGHT * (index as f64 + 1.0);
        let baseline = top + 15.0;
        let length = bar_length(bar.value, longest);
        let _ = write!(
            svg,
            "<text x=\"0\" y=\"{baseline}\">{}</text><rect x=\"{LABEL_WIDTH}\" y=\"{}\" width=\"{length:.1}\" height=\"{BAR_HEIGHT}\" fill=\"#4e79a7\"/><text x=\"{:.1}\" y=\"{baseline}\">{}</text>",
            escape(&bar.label),
            top + 3.0,
            LABEL_WIDTH + length + 4.0,
            escape(&bar.text),
        );
    }
    svg.push_str("</svg>");
    svg
}

fn bar_length(value: f64, longest: f64) -> f64 {
    if value.is_finite() && value > 0.0 && longest > 0.0 {
        value / longest * BAR_SPACE
    } else {
        0.0
    }
}

/// Checks the tests of every report use on the markup.
#[cfg(test)]
pub(crate) mod markup {
    /// The `width` of every `<rect>`, in order.
    pub fn rect_widths(svg: &str) -> Vec<f64> {
        svg.split("<rect ")
            .skip(1)
            .map(|rect| {
                let (_, rest) = rect.split_once("width=\"").expect("a rect has a width");
                let (number, _) = rest.split_once('"').expect("the width is quoted");
                number.parse().expect("the width is a number")
            })
            .collect()
    }

    /// Every `<tag` opened is closed (`</tag>` or `/>`), in order: the
    /// markup is well formed as XML.
    pub fn assert_well_formed(markup: &str) {
        let mut open: Vec<&str> = Vec::new();
        let mut rest = markup;
        while let Some(start) = rest.find('<') {
            let end = rest[start..].find('>').expect("every tag ends") + start;
            let tag = &rest[start + 1..end];
            if let Some(name) = tag.strip_prefix('/') {
                assert_eq!(open.pop(), Some(name), "in {markup}");
            } else if !tag.ends_with('/') {
                open.push(tag.split_whitespace().next().expect("a tag has a name"));
            }
            rest = &rest[end + 1..];
        }
        assert!(open.is_empty(), "left open: {open:?} in {markup}");
        assert!(!markup.contains("EVCXR_END_CONTENT"));
    }
}

#[cfg(test)]
mod tests {
    use super::markup::{assert_well_formed, rect_widths};
    use super::*;

    #[test]
    fn escaping_covers_markup_and_quotes() {
        assert_eq!(
            escape(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(escape("1.23 µs ± 4 ns"), "1.23 µs ± 4 ns");
    }

    #[test]
    fn bars_are_proportional_to_their_values() {
        let svg = bar_chart(
            "t",
            &[
                Bar::new("a", 2.0, "2"),
                Bar::new("b", 1.0, "1"),
                Bar::new("c", 0.5, "0.5"),
            ],
        );
        assert_well_formed(&svg);
        assert_eq!(
            rect_widths(&svg),
            [BAR_SPACE, BAR_SPACE / 2.0, BAR_SPACE / 4.0]
        );
    }

    #[test]
    fn a_value_that_is_not_a_length_draws_no_bar() {
        let svg = bar_chart(
            "t",
            &[
                Bar::new("a", f64::INFINITY, "inf"),
                Bar::new("b", 4.0, "4"),
                Bar::new("c", -1.0, "-1"),
            ],
        );
        assert_eq!(rect_widths(&svg), [0.0, BAR_SPACE, 0.0]);
    }

    #[test]
    fn labels_and_titles_are_escaped_in_the_chart_and_the_table() {
        let svg = bar_chart("<b>", &[Bar::new("x<y", 1.0, "a&b")]);
        assert_well_formed(&svg);
        assert!(svg.contains("x&lt;y") && svg.contains("a&amp;b") && svg.contains("&lt;b&gt;"));
        let html = table("c<", &["h\"", "n"], &[vec!["<script>".into(), "1".into()]]);
        assert_well_formed(&html);
        assert!(html.contains("&lt;script&gt;") && !html.contains("<script>"));
        assert!(html.contains("<th>h&quot;</th>"));
    }
}
