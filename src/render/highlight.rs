//! Syntax highlighting of code blocks with syntect, loaded on first use so
//! that start-up never pays for it (and never at all without colour).

use std::sync::OnceLock;

use syntect::easy::HighlightLines;
use syntect::highlighting::{Theme, ThemeSet};
use syntect::parsing::SyntaxSet;
use syntect::util::as_24_bit_terminal_escaped;

struct Assets {
    syntaxes: SyntaxSet,
    theme: Theme,
}

fn assets() -> &'static Assets {
    static ASSETS: OnceLock<Assets> = OnceLock::new();
    ASSETS.get_or_init(|| {
        let mut themes = ThemeSet::load_defaults();
        let theme = themes
            .themes
            .remove("base16-ocean.dark")
            .unwrap_or_else(|| {
                themes
                    .themes
                    .into_values()
                    .next()
                    .expect("syntect ships themes")
            });
        Assets {
            syntaxes: SyntaxSet::load_defaults_newlines(),
            theme,
        }
    })
}

/// The code's lines with terminal colour escapes; plain lines for a language
/// syntect does not know.
pub fn highlight(code: &str, lang: &str) -> Vec<String> {
    let assets = assets();
    let Some(syntax) = assets.syntaxes.find_syntax_by_token(lang) else {
        return code.lines().map(str::to_string).collect();
    };
    let mut highlighter = HighlightLines::new(syntax, &assets.theme);
    code.lines()
        .map(|line| {
            let with_newline = format!("{line}\n");
            match highlighter.highlight_line(&with_newline, &assets.syntaxes) {
                Ok(ranges) => format!(
                    "{}\x1b[0m",
                    as_24_bit_terminal_escaped(&ranges, false).trim_end_matches('\n')
                ),
                Err(_) => line.to_string(),
            }
        })
        .collect()
}

/// The code as an HTML `<pre>` with inline colours (no stylesheet, no
/// network); escaped plain text for a language syntect does not know.
pub fn html(code: &str, lang: &str) -> String {
    let assets = assets();
    let highlighted = assets
        .syntaxes
        .find_syntax_by_token(lang)
        .and_then(|syntax| {
            syntect::html::highlighted_html_for_string(
                code,
                &assets.syntaxes,
                syntax,
                &assets.theme,
            )
            .ok()
        });
    highlighted.unwrap_or_else(|| format!("<pre>{}</pre>", escape_html(code)))
}

/// Text made safe inside HTML elements and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            ch => out.push(ch),
        }
    }
    out
}
