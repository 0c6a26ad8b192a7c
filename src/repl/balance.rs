//! Whether typed Rust goes on past the end of the line: a bracket, a string
//! or a block comment still open. The line editor then keeps reading, in a
//! terminal (rustyline's `Validator`) as from a pipe.

/// Whether `input` needs more lines. Commands are complete on one line,
/// except `:timeit`, whose expression may span several.
pub fn needs_more(input: &str) -> bool {
    let trimmed = input.trim_start();
    if let Some(command) = trimmed.strip_prefix(':') {
        let word = command.split_whitespace().next().unwrap_or_default();
        if word != "timeit" && word != "t" {
            return false;
        }
    }
    is_open(input)
}

/// A small lexer: brackets counted outside strings, characters and comments.
fn is_open(code: &str) -> bool {
    let chars: Vec<char> = code.chars().collect();
    let mut depth: usize = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        match c {
            '/' if next == Some('/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '/' if next == Some('*') => {
                let mut nesting = 1;
                i += 2;
                while nesting > 0 {
                    match (chars.get(i), chars.get(i + 1)) {
                        (None, _) => return true,
                        (Some('/'), Some('*')) => {
                            nesting += 1;
                            i += 1;
                        }
                        (Some('*'), Some('/')) => {
                            nesting -= 1;
                            i += 1;
                        }
                        _ => {}
                    }
                    i += 1;
                }
                continue;
            }
            '"' => match close_string(&chars, i + 1) {
                Some(end) => i = end,
                None => return true,
            },
            'r' if starts_raw_string(&chars, i) => match close_raw_string(&chars, i + 1) {
                Some(end) => i = end,
                None => return true,
            },
            '\'' => i = skip_char_literal(&chars, i),
            '(' | '[' | '{' => depth += 1,
            // An extra closer is rustc's to report, not a reason to wait.
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            _ if c.is_alphanumeric() || c == '_' => {
                // An identifier that merely ends in `r` or `b` (`bar"`) is
                // not a raw string: skip the whole word.
                while chars
                    .get(i + 1)
                    .is_some_and(|c| c.is_alphanumeric() || *c == '_')
                {
                    if chars[i + 1] == 'r' && starts_raw_string(&chars, i + 1) {
                        break;
                    }
                    i += 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    depth > 0
}

/// From just after an opening `"`: the index of the closing one.
fn close_string(chars: &[char], mut i: usize) -> Option<usize> {
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 2,
            '"' => return Some(i),
            _ => i += 1,
        }
    }
    None
}

/// `r"`, `r#"`, `br"`... at `i` (the `r`), not part of a longer word.
fn starts_raw_string(chars: &[char], i: usize) -> bool {
    let before = i.checked_sub(1).map(|j| chars[j]);
    let word_before = match before {
        Some('b' | 'c') => i
            .checked_sub(2)
            .map(|j| chars[j])
            .is_some_and(|c| c.is_alphanumeric() || c == '_'),
        Some(c) => c.is_alphanumeric() || c == '_',
        None => false,
    };
    if word_before {
        return false;
    }
    let mut j = i + 1;
    while chars.get(j) == Some(&'#') {
        j += 1;
    }
    chars.get(j) == Some(&'"')
}

/// From just after the `r`: the index of the raw string's last `#` or `"`.
fn close_raw_string(chars: &[char], mut i: usize) -> Option<usize> {
    let mut hashes = 0;
    while chars.get(i) == Some(&'#') {
        hashes += 1;
        i += 1;
    }
    i += 1; // the opening quote
    while i < chars.len() {
        if chars[i] == '"' && (1..=hashes).all(|k| chars.get(i + k) == Some(&'#')) {
            return Some(i + hashes);
        }
        i += 1;
    }
    None
}

/// At a `'`: past a character literal, or just past the quote of a
/// lifetime or label.
fn skip_char_literal(chars: &[char], i: usize) -> usize {
    match (chars.get(i + 1), chars.get(i + 2)) {
        (Some('\\'), _) => {
            let mut j = i + 2;
            while j < chars.len() && chars[j] != '\'' && chars[j] != '\n' {
                j += if chars[j] == '\\' { 2 } else { 1 };
            }
            j
        }
        (Some(_), Some('\'')) => i + 2,
        _ => i,
    }
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;

    #[rstest]
    #[case("fn f() {")]
    #[case("let v = vec![1,\n2,")]
    #[case("println!(\"a\"")]
    #[case("let s = \"open")]
    #[case("let s = \"escaped \\\" quote")]
    #[case("let s = r#\"raw \" still\n")]
    #[case("/* a comment")]
    #[case("/* nested /* */")]
    #[case(":timeit (0..10)\n.map(|x| {")]
    fn open_input_needs_more(#[case] input: &str) {
        assert!(needs_more(input), "{input:?}");
    }

    #[rstest]
    #[case("")]
    #[case("let x = 1;")]
    #[case("fn f() {\n    1\n}")]
    #[case("let c = '{';")]
    #[case("let c = '\\'';")]
    #[case("fn f<'a>(x: &'a str) -> &'a str { x }")]
    #[case("'outer: loop { break 'outer; }")]
    #[case("let s = \"{ ( [\";")]
    #[case("let s = r#\"a \" { b\"#;")]
    #[case("let s = br\"{\";")]
    #[case("let bar = 1; // an open { in a comment")]
    #[case("/* { */ 1")]
    #[case("}")]
    #[case(":goto {")]
    #[case(":lesson (")]
    fn closed_input_is_complete(#[case] input: &str) {
        assert!(!needs_more(input), "{input:?}");
    }
}
