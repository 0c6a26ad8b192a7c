//! Syntax highlighting of code blocks with syntect, loaded on first use so
//! that start-up never pays for it (and never at all without colour).

use std::sync::OnceLock;

use syntect::easy::HighlightLines;
use syntect::highlighting::{Style, Theme, ThemeSet};
use syntect::parsing::SyntaxSet;

use super::theme::{self, Background, Rgb};

struct Assets {
    syntaxes: SyntaxSet,
    /// For a dark background: base16-ocean.dark; also the exported pages'.
    dark: Theme,
    /// For a light background: InspiredGitHub, drawn on white.
    light: Theme,
}

impl Assets {
    fn theme(&self, background: Background) -> &Theme {
        match background {
            Background::Dark => &self.dark,
            Background::Light => &self.light,
        }
    }
}

fn assets() -> &'static Assets {
    static ASSETS: OnceLock<Assets> = OnceLock::new();
    ASSETS.get_or_init(|| {
        let mut themes = ThemeSet::load_defaults().themes;
        let mut take = |name: &str| themes.remove(name).expect("syntect ships this theme");
        Assets {
            syntaxes: SyntaxSet::load_defaults_newlines(),
            dark: take("base16-ocean.dark"),
            light: take("InspiredGitHub"),
        }
    })
}

/// The code's lines with terminal colour escapes for the theme set at
/// start; plain lines for a language syntect does not know.
pub fn highlight(code: &str, lang: &str) -> Vec<String> {
    highlight_for(code, lang, theme::current())
}

/// The code's lines coloured for `terminal`: the syntax theme of its
/// background, each colour made readable on it and brought to its depth.
fn highlight_for(code: &str, lang: &str, terminal: theme::Theme) -> Vec<String> {
    let assets = assets();
    let Some(syntax) = assets.syntaxes.find_syntax_by_token(lang) else {
        return code.lines().map(str::to_string).collect();
    };
    let mut highlighter = HighlightLines::new(syntax, assets.theme(terminal.background));
    code.lines()
        .map(|line| {
            let with_newline = format!("{line}\n");
            match highlighter.highlight_line(&with_newline, &assets.syntaxes) {
                Ok(ranges) => escaped(&ranges, terminal),
                Err(_) => line.to_string(),
            }
        })
        .collect()
}

/// One highlighted line as terminal text, without its newline.
fn escaped(ranges: &[(Style, &str)], terminal: theme::Theme) -> String {
    let mut line = String::new();
    let mut current = String::new();
    for (style, text) in ranges {
        let text = text.trim_end_matches('\n');
        if text.is_empty() {
            continue;
        }
        let colour = style.foreground;
        let escape = theme::foreground(Rgb(colour.r, colour.g, colour.b), terminal);
        if escape != current {
            line.push_str(&escape);
            current = escape;
        }
        line.push_str(text);
    }
    line.push_str("\x1b[0m");
    line
}

/// The code as an HTML `<pre>` with inline colours (no stylesheet, no
/// network); escaped plain text for a language syntect does not know.
pub fn html(code: &str, lang: &str) -> String {
    let assets = assets();
    let highlighted = assets
        .syntaxes
        .find_syntax_by_token(lang)
        .and_then(|syntax| {
            syntect::html::highlighted_html_for_string(code, &assets.syntaxes, syntax, &assets.dark)
                .ok()
        });
    highlighted.unwrap_or_else(|| format!("<pre>{}</pre>", crate::report::html::escape(code)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::theme::{Depth, MIN_CONTRAST, contrast};

    const CODE: &str = "// a comment\nfn main() {\n    let s = \"text\"; // 42\n    println!(\"{s} {}\", 1.5 as u8);\n}";

    /// Every 24-bit foreground the lines set.
    fn colours(lines: &[String]) -> Vec<Rgb> {
        let text = lines.join("\n");
        text.split("\x1b[38;2;")
            .skip(1)
            .map(|rest| {
                let channels: Vec<u8> = rest
                    .split('m')
                    .next()
                    .unwrap()
                    .split(';')
                    .map(|c| c.parse().unwrap())
                    .collect();
                Rgb(channels[0], channels[1], channels[2])
            })
            .collect()
    }

    #[test]
    fn code_reads_at_four_and_a_half_to_one_on_both_backgrounds() {
        for (background, colour) in [
            (Background::Dark, Rgb(0x2b, 0x30, 0x3b)),
            (Background::Light, Rgb(0xff, 0xff, 0xff)),
        ] {
            let terminal = theme::Theme {
                depth: Depth::TrueColor,
                background,
            };
            let found = colours(&highlight_for(CODE, "rust", terminal));
            assert!(found.len() > 5, "{background:?}: {found:?}");
            for fg in found {
                assert!(
                    contrast(fg, colour) >= MIN_CONTRAST,
                    "{background:?}: {fg:?} reads at {:.2}:1",
                    contrast(fg, colour)
                );
            }
        }
    }

    #[test]
    fn the_two_backgrounds_get_their_own_colours() {
        let on = |background| {
            colours(&highlight_for(
                CODE,
                "rust",
                theme::Theme {
                    depth: Depth::TrueColor,
                    background,
                },
            ))
        };
        assert_ne!(on(Background::Dark), on(Background::Light));
    }

    #[test]
    fn the_depth_decides_the_escapes() {
        let at = |depth| {
            highlight_for(
                CODE,
                "rust",
                theme::Theme {
                    depth,
                    background: Background::Dark,
                },
            )
            .join("\n")
        };
        let (true_colour, xterm, sixteen) =
            (at(Depth::TrueColor), at(Depth::Ansi256), at(Depth::Ansi16));
        assert!(true_colour.contains("\x1b[38;2;"), "{true_colour:?}");
        assert!(
            xterm.contains("\x1b[38;5;") && !xterm.contains("38;2;"),
            "{xterm:?}"
        );
        assert!(
            !sixteen.contains("38;5;") && !sixteen.contains("38;2;"),
            "{sixteen:?}"
        );
        assert_eq!(
            crate::render::strip_styles(&sixteen),
            CODE,
            "only colour is added"
        );
    }
}
