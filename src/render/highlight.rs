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
    highlighted.unwrap_or_else(|| format!("<pre>{}</pre>", crate::report::html::escape(code)))
}
