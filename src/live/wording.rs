//! evcxr wraps the student's input in code of its own (a function per
//! input, a variable store after its last line, an error type for `?` at
//! the top level), and rustc's messages can name that code, which the
//! student never wrote nor sees. This is the one place that rewords those
//! names in the student's terms, for every message, label and help line of
//! live Rust.

/// A name in backquotes that is exactly evcxr's variable store: evcxr puts
/// it after the input, so rustc meets it where the input ended.
const VARIABLE_STORE: &str = "evcxr_variable_store";
/// How the student would call the store's place, and evcxr's own rewording
/// of it in a message.
const END_OF_INPUT: &str = "the end of your input";
const EVCXR_END_OF_INPUT: &str = "<end of input>";

/// Names of evcxr's generated code, found inside backquotes, and what the
/// student would call them (the first that the backquoted code holds).
const GENERATED: &[(&str, &str)] = &[
    (
        "EvcxrUserCodeError",
        "the error type of `?` at the top level",
    ),
    ("run_user_code_", "your code"),
    ("evcxr_variable_store", WRAPPER),
    ("evcxr_internal_runtime", WRAPPER),
    ("evcxr_send_text_plain", WRAPPER),
    ("evcxr_get_type_name", WRAPPER),
    ("evcxr_shorten_type", WRAPPER),
    ("evcxr_analysis_wrapper", WRAPPER),
];
const WRAPPER: &str = "the code live Rust wraps around yours";

/// `text` with every backquoted name of evcxr's generated code reworded,
/// and evcxr named as live Rust in prose.
pub fn in_student_terms(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('`') {
        let Some(length) = rest[open + 1..].find('`') else {
            break;
        };
        let code = &rest[open + 1..open + 1 + length];
        out.push_str(&prose(&rest[..open]));
        match generated(code) {
            Some(words) => out.push_str(words),
            None => {
                out.push('`');
                out.push_str(code);
                out.push('`');
            }
        }
        rest = &rest[open + length + 2..];
    }
    out.push_str(&prose(rest));
    out
}

/// What the student would call `code`, when it names evcxr's code.
fn generated(code: &str) -> Option<&'static str> {
    if code == VARIABLE_STORE {
        return Some(END_OF_INPUT);
    }
    GENERATED
        .iter()
        .find(|(name, _)| code.contains(name))
        .map(|(_, words)| *words)
}

/// Text outside backquotes: evcxr's "<end of input>", and evcxr itself
/// ("prevent evcxr from attempting to persist the variable"), as a word.
fn prose(text: &str) -> String {
    let is_name = |c: char| c.is_alphanumeric() || c == '_';
    text.replace(EVCXR_END_OF_INPUT, END_OF_INPUT)
        .split_inclusive(|c: char| !is_name(c))
        .map(|piece| {
            let word = piece.trim_end_matches(|c: char| !is_name(c));
            match word.eq_ignore_ascii_case("evcxr") {
                true => format!("live Rust{}", &piece[word.len()..]),
                false => piece.to_string(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_variable_store_after_the_input_is_its_end() {
        assert_eq!(
            in_student_terms("expected `;`, found `evcxr_variable_store`"),
            "expected `;`, found the end of your input"
        );
        assert_eq!(
            in_student_terms("expected `;`, found <end of input>"),
            "expected `;`, found the end of your input"
        );
    }

    #[test]
    fn other_generated_names_are_said_in_the_students_terms() {
        assert_eq!(
            in_student_terms("the trait `From<E>` is not implemented for `EvcxrUserCodeError`"),
            "the trait `From<E>` is not implemented for the error type of `?` at the top level"
        );
        assert_eq!(
            in_student_terms("returns a value referencing data owned by `run_user_code_12`"),
            "returns a value referencing data owned by your code"
        );
        assert_eq!(
            in_student_terms(
                "required by a bound in `evcxr_internal_runtime::VariableStore::put_variable`"
            ),
            "required by a bound in the code live Rust wraps around yours"
        );
        assert_eq!(
            in_student_terms("you can prevent evcxr from attempting to persist the variable"),
            "you can prevent live Rust from attempting to persist the variable"
        );
    }

    #[test]
    fn the_students_own_names_stay_as_they_are() {
        for text in [
            "expected `i32`, found `&str`",
            "cannot find value `my_evcxr_store` in this scope",
            "cannot find value my_evcxr_store in this scope",
            "an unmatched ` backquote",
            "",
        ] {
            assert_eq!(in_student_terms(text), text);
        }
    }
}
