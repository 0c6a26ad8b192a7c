//! Lesson text made harmless for every view: a control character in a
//! lesson file (an escape sequence that would clear a terminal or rename
//! its window, a bell, a carriage return) is never sent anywhere as such.
//! The parser passes every text it reads, included files too, through
//! [`visible`], which shows each one as its Unicode control picture (ESC
//! as `␛`); the views add their own styling afterwards.

/// `text` with its control characters, newline and tab aside, replaced
/// by visible symbols; a Windows line end (`\r\n`) becomes `\n`, and a
/// byte-order mark that an editor put first is dropped.
pub fn visible(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = text.replace("\r\n", "\n");
    text.chars().map(picture).collect()
}

fn picture(c: char) -> char {
    match c {
        '\n' | '\t' => c,
        // U+2400 CONTROL PICTURE FOR NULL, onwards, in the order of C0.
        '\0'..='\x1f' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
        '\x7f' => '\u{2421}',
        '\u{80}'..='\u{9f}' => '\u{fffd}',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::visible;

    #[test]
    fn control_characters_become_visible_and_text_stays() {
        assert_eq!(
            visible("a\x1b[2Jb\x07\r\nc\td\x7f\u{9b}"),
            "a␛[2Jb␇\nc\td␡\u{fffd}"
        );
        assert_eq!(visible("déjà « vu »\n"), "déjà « vu »\n");
        assert_eq!(visible("\u{feff}# Title\r\n"), "# Title\n");
    }
}
