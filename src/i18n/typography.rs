//! French typography for translated prose: a non-breaking space before
//! `:` `;` `!` `?` and inside « », so that translators type plain spaces
//! and a line is never wrapped between a word and its colon.
//! Inline code (between backticks) is left as it is.

const NBSP: char = '\u{a0}';

/// `text` with French spacing outside inline code.
pub fn french(text: &str) -> String {
    text.split('`')
        .enumerate()
        .map(|(index, part)| {
            if index % 2 == 0 {
                prose(part)
            } else {
                part.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("`")
}

fn prose(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (index, &c) in chars.iter().enumerate() {
        let next = chars.get(index + 1).copied();
        let previous = index.checked_sub(1).map(|i| chars[i]);
        match c {
            // A space that a double punctuation mark or a closing quote follows.
            ' ' if next.is_some_and(|n| needs_space_before(n, chars.get(index + 2).copied())) => {
                out.push(NBSP)
            }
            '»' if previous.is_some_and(|p| !p.is_whitespace()) => {
                out.push(NBSP);
                out.push(c);
            }
            '«' => {
                out.push(c);
                if next.is_some_and(|n| !n.is_whitespace()) {
                    out.push(NBSP);
                }
            }
            ' ' if previous == Some('«') => out.push(NBSP),
            _ => out.push(c),
        }
    }
    out
}

/// `:` `;` `!` `?` as punctuation (followed by a space or the end, not a
/// path's `::`), and the closing quote.
fn needs_space_before(mark: char, after: Option<char>) -> bool {
    match mark {
        ':' | ';' | '!' | '?' => after.is_none_or(|a| a.is_whitespace() || a == ')' || a == '»'),
        '»' => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_before_double_marks_and_inside_quotes_do_not_break() {
        assert_eq!(
            french("Attention : le « test » ? Oui ; «bien» !"),
            "Attention\u{a0}: le «\u{a0}test\u{a0}» ? Oui\u{a0}; «\u{a0}bien\u{a0}»\u{a0}!"
                .replace("» ?", "»\u{a0}?")
        );
    }

    #[test]
    fn inline_code_and_paths_are_left_alone() {
        assert_eq!(
            french("le type `a : b ?` et std::mem :"),
            "le type `a : b ?` et std::mem\u{a0}:"
        );
        assert_eq!(french("http://x.y/?q"), "http://x.y/?q");
    }
}
