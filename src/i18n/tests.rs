use super::po::{self, LessonText};
use super::*;

const LESSON: &str = "# Truth\n\nAn `if` takes a bool.\n\n## None\n\nRust has no falsy values.\n\n\
```rust\nlet x = 1; // a comment\n```\n\n- first point\n- second point\n\n<!-- notes: Ask the room. -->\n";

fn english() -> Vec<LessonText> {
    vec![LessonText {
        id: "02-truth".into(),
        text: LESSON.into(),
    }]
}

fn french_copy() -> Vec<LessonText> {
    vec![LessonText {
        id: "02-truth".into(),
        text: LESSON
            .replace("# Truth", "# Vérité")
            .replace("An `if` takes a bool.", "Un `if` prend un booléen.")
            .replace(
                "Rust has no falsy values.",
                "Rust n'a pas de valeurs fausses.",
            )
            .replace("first point", "premier point")
            .replace("second point", "deuxième point")
            .replace("Ask the room.", "Demandez à la salle : pourquoi ?"),
    }]
}

fn french() -> Translation {
    let catalog = po::import(&english(), &french_copy(), Language::French).unwrap();
    Translation::from_po(Language::French, &po::write(&catalog)).unwrap()
}

#[test]
fn the_order_of_the_language_settings() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |name: &str| {
            pairs
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| value.to_string())
        }
    };
    let all = env(&[
        ("AVANCE_LANG", "en"),
        ("LC_ALL", "fr_FR.UTF-8"),
        ("LANG", "fr_FR.UTF-8"),
    ]);
    assert_eq!(Language::choose(Some("fr"), all), Ok(Language::French));
    assert_eq!(Language::choose(None, all), Ok(Language::English));
    let locale = env(&[("LC_ALL", "fr_CA.UTF-8"), ("LANG", "en_US.UTF-8")]);
    assert_eq!(Language::choose(None, locale), Ok(Language::French));
    let messages = env(&[("LC_ALL", ""), ("LC_MESSAGES", "fr_FR"), ("LANG", "C")]);
    assert_eq!(Language::choose(None, messages), Ok(Language::French));
    assert_eq!(
        Language::choose(None, env(&[("LANG", "de_DE.UTF-8")])),
        Ok(Language::English)
    );
    assert_eq!(Language::choose(None, env(&[])), Ok(Language::English));
    let unknown = Language::choose(None, env(&[("AVANCE_LANG", "de")])).unwrap_err();
    assert_eq!(
        unknown.to_string(),
        "unknown language `de` (AVANCE_LANG); avance speaks en (English) and fr (français)"
    );
    assert!(Language::choose(Some("xx"), env(&[])).is_err());
}

#[test]
fn a_translated_lesson_keeps_its_code_and_takes_the_french() {
    let translated = french().lesson("02-truth", LESSON);
    assert!(translated.starts_with("# Vérité\n"), "{translated}");
    assert!(translated.contains("Un `if` prend un booléen."));
    assert!(translated.contains("- premier point\n"));
    assert!(translated.contains("let x = 1; // a comment"));
    // French spacing: a colon and a question mark never start a line.
    assert!(
        translated.contains("<!-- notes: Demandez à la salle\u{a0}: pourquoi\u{a0}? -->"),
        "{translated}"
    );
    let lesson = crate::lesson::parse_lesson("02-truth.md", "x", &translated, &NoFiles).unwrap();
    assert_eq!(lesson.title, "Vérité");
    assert_eq!(lesson.slides.len(), 2);
}

struct NoFiles;
impl crate::lesson::IncludeSource for NoFiles {
    fn read(&self, _: &str) -> Result<String, crate::lesson::ReadError> {
        Err(crate::lesson::ReadError::NotEmbedded)
    }
}

#[test]
fn an_untranslated_message_falls_back_to_english() {
    let edited = LESSON.replace(
        "Rust has no falsy values.",
        "Rust has no truthiness at all.",
    );
    let translated = french().lesson("02-truth", &edited);
    assert!(translated.contains("Rust has no truthiness at all."));
    assert!(translated.contains("Un `if` prend un booléen."));
}

#[test]
fn an_english_edit_makes_its_french_fuzzy_and_the_french_is_not_used() {
    let old = po::import(&english(), &french_copy(), Language::French).unwrap();
    let edited = vec![LessonText {
        id: "02-truth".into(),
        text: LESSON.replace(
            "Rust has no falsy values.",
            "Rust has no falsy values at all.",
        ),
    }];
    let (updated, merged) = po::update(&old, &po::template(&edited), Language::French);
    assert_eq!(merged.fuzzy, 1);
    assert_eq!(merged.new, 0);
    let report = po::report(&edited, &updated);
    assert_eq!(report[0].fuzzy, 1);
    assert_eq!(report[0].missing(), 0);
    assert!(!report[0].complete());
    let translation = Translation::from_po(Language::French, &po::write(&updated)).unwrap();
    let shown = translation.lesson("02-truth", &edited[0].text);
    assert!(
        shown.contains("Rust has no falsy values at all."),
        "{shown}"
    );
    assert!(po::write(&updated).contains("#, fuzzy"));
}

#[test]
fn a_message_that_moved_to_another_slide_keeps_its_translation() {
    let old = po::import(&english(), &french_copy(), Language::French).unwrap();
    let moved = vec![LessonText {
        id: "02-truth".into(),
        text: LESSON.replace("## None", "## Before\n\nNew text.\n\n## None"),
    }];
    let (updated, merged) = po::update(&old, &po::template(&moved), Language::French);
    assert_eq!((merged.new, merged.fuzzy), (2, 0), "{merged:?}");
    assert!(merged.moved >= 3, "{merged:?}");
    let translation = Translation::from_po(Language::French, &po::write(&updated)).unwrap();
    assert!(
        translation
            .lesson("02-truth", &moved[0].text)
            .contains("Rust n'a pas de valeurs fausses.")
    );
}

#[test]
fn a_copy_that_lost_a_block_is_refused_with_its_lesson_and_line() {
    let mut copy = french_copy();
    copy[0].text = copy[0].text.replace("- premier point\n", "");
    let error = po::import(&english(), &copy, Language::French).unwrap_err();
    assert_eq!(
        error.to_string(),
        "02-truth:15: the translation has a notes or hint comment where the English (line 14) has a text"
    );
    copy[0].text = french_copy()[0]
        .text
        .replace("<!-- notes: Demandez à la salle : pourquoi ? -->\n", "");
    let error = po::import(&english(), &copy, Language::French).unwrap_err();
    assert_eq!(
        error.to_string(),
        "02-truth: the translation has 6 messages where the English has 7; \
         keep every heading, paragraph, list item, table cell and comment"
    );
}

#[test]
fn the_embedded_french_catalog_parses() {
    let translation = Translation::embedded(Language::French).unwrap();
    assert_eq!(translation.language(), Language::French);
}
