//! Styled text fitted to a terminal's columns: cut or wrapped at `width`
//! as it is displayed (escape sequences take no room and are never split),
//! padded to a column. The REPL's code and the presenter's screens share it.

use std::iter::Peekable;
use std::str::Chars;

/// The first row of `text` at `width`.
pub(crate) fn first_row(text: &str, width: usize) -> String {
    fit(text, width).into_iter().next().unwrap_or_default()
}

/// Wraps styled prose at `width` (textwrap measures it without escapes).
pub(crate) fn wrap(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let options = textwrap::Options::new(width.max(1))
        .initial_indent(first)
        .subsequent_indent(rest);
    textwrap::wrap(text, options)
        .into_iter()
        // A word longer than the line is broken by textwrap; still make sure.
        .flat_map(|line| fit(&line, width))
        .collect()
}

/// Pads a styled line with spaces to `width` columns.
pub(crate) fn pad(line: &str, width: usize) -> String {
    let shown = textwrap::core::display_width(line);
    format!("{line}{}", " ".repeat(width.saturating_sub(shown)))
}

/// Cuts a styled line into pieces of at most `width` columns, each piece
/// starting with the style in force where it starts and ending with a reset.
pub(crate) fn fit(line: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    if textwrap::core::display_width(line) <= width {
        return vec![line.to_string()];
    }
    let mut pieces = Vec::new();
    let mut current = String::new();
    let mut shown = 0;
    // The escape sequences since the last reset, to carry into the next piece.
    let mut style = String::new();
    let mut chars = line.chars().peekable();
    while let Some(ch) = chars.next() {
        if ch == '\x1b' {
            let escape = read_escape(&mut chars);
            if escape == "\x1b[0m" || escape == "\x1b[m" {
                style.clear();
            } else {
                style.push_str(&escape);
            }
            current.push_str(&escape);
            continue;
        }
        let w = textwrap::core::display_width(ch.encode_utf8(&mut [0; 4]));
        if shown + w > width && shown > 0 {
            if !style.is_empty() {
                current.push_str("\x1b[0m");
            }
            pieces.push(std::mem::take(&mut current));
            current.push_str(&style);
            shown = 0;
        }
        current.push(ch);
        shown += w;
    }
    pieces.push(current);
    pieces
}

/// The escape sequence whose `ESC` was just read from `chars`: `ESC` alone,
/// or a CSI sequence (`ESC [` … final byte) read to its end.
pub(crate) fn read_escape(chars: &mut Peekable<Chars<'_>>) -> String {
    let mut escape = String::from('\x1b');
    if chars.peek() == Some(&'[') {
        for next in chars.by_ref() {
            escape.push(next);
            if ('\x40'..='\x7e').contains(&next) && next != '[' {
                break;
            }
        }
    }
    escape
}

#[cfg(test)]
mod tests {
    use super::fit;

    #[test]
    fn fit_carries_the_style_over() {
        let line = "\x1b[31mabcdef\x1b[0mgh";
        let pieces = fit(line, 4);
        assert_eq!(pieces, ["\x1b[31mabcd\x1b[0m", "\x1b[31mef\x1b[0mgh"]);
        assert_eq!(fit("日本語", 4), ["日本", "語"]);
        assert_eq!(fit("short", 10), ["short"]);
    }
}
