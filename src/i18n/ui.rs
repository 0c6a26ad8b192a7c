//! The program's own words (the welcome line, the commands' help, the
//! presenter's keys, headers and tallies) in the course's language, through
//! Fluent: `i18n/en.ftl` and `i18n/fr.ftl`, embedded. A message missing
//! from a language falls back to English. The language is the process's
//! (one student, one terminal) and `:lang` may change it while it runs.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use super::Language;

/// The messages of each language: (language, Fluent source).
pub const SOURCES: [(Language, &str); 2] = [
    (Language::English, include_str!("../../i18n/en.ftl")),
    (Language::French, include_str!("../../i18n/fr.ftl")),
];

static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Sets the language every later message is written in.
pub fn set_language(language: Language) {
    CURRENT.store(index(language) as u8, Ordering::Relaxed);
}

/// The language messages are written in now.
pub fn language() -> Language {
    Language::ALL[CURRENT.load(Ordering::Relaxed) as usize]
}

fn index(language: Language) -> usize {
    Language::ALL
        .iter()
        .position(|&l| l == language)
        .expect("every language is in ALL")
}

fn bundles() -> &'static [FluentBundle<FluentResource>] {
    static BUNDLES: OnceLock<Vec<FluentBundle<FluentResource>>> = OnceLock::new();
    BUNDLES.get_or_init(|| {
        Language::ALL
            .iter()
            .map(|&language| bundle(language, source(language)))
            .collect()
    })
}

/// The Fluent text of `language`.
pub fn source(language: Language) -> &'static str {
    SOURCES
        .iter()
        .find(|(l, _)| *l == language)
        .map(|(_, text)| *text)
        .expect("every language has a Fluent file")
}

fn bundle(language: Language, text: &str) -> FluentBundle<FluentResource> {
    let id: LanguageIdentifier = language.code().parse().expect("a valid language code");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Unicode isolation marks would show as garbage in some terminals.
    bundle.set_use_isolating(false);
    let resource = FluentResource::try_new(text.to_string())
        .unwrap_or_else(|(_, errors)| panic!("i18n/{language}.ftl: {errors:?}"));
    bundle
        .add_resource(resource)
        .unwrap_or_else(|errors| panic!("i18n/{language}.ftl: {errors:?}"));
    bundle
}

/// Message `id` in the current language with `args`; English where the
/// language lacks it; the id itself where English lacks it too (a test
/// makes sure it never does).
pub fn message(id: &str, args: &[(&str, FluentValue)]) -> String {
    let bundles = bundles();
    let language = language();
    let text = [index(language), 0]
        .into_iter()
        .find_map(|i| format(&bundles[i], id, args))
        .unwrap_or_else(|| id.to_string());
    match language {
        Language::French => super::typography::french(&text),
        Language::English => text,
    }
}

/// Whether English, and so every language, has message `id`.
pub fn has(id: &str) -> bool {
    bundles()[0].has_message(id)
}

fn format(
    bundle: &FluentBundle<FluentResource>,
    id: &str,
    args: &[(&str, FluentValue)],
) -> Option<String> {
    let pattern = bundle.get_message(id)?.value()?;
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    Some(text.into_owned())
}

/// The ids of the messages of a Fluent text.
pub fn ids(text: &str) -> Vec<String> {
    text.lines()
        .filter(|line| line.starts_with(|c: char| c.is_ascii_lowercase()))
        .filter_map(|line| line.split_once(" =").map(|(id, _)| id.trim().to_string()))
        .collect()
}

/// A message in the current language: `tr!("id")` or
/// `tr!("id", name = value, ...)`.
#[macro_export]
macro_rules! tr {
    ($id:expr) => {
        $crate::i18n::ui::message($id, &[])
    };
    ($id:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::ui::message(
            $id,
            &[$((stringify!($name), ::fluent_bundle::FluentValue::from($value))),+],
        )
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_the_same_messages_and_parse() {
        let english = ids(source(Language::English));
        let french = ids(source(Language::French));
        assert!(english.len() > 20, "{english:?}");
        let missing: Vec<_> = english.iter().filter(|id| !french.contains(id)).collect();
        assert!(missing.is_empty(), "not in i18n/fr.ftl: {missing:?}");
        let extra: Vec<_> = french.iter().filter(|id| !english.contains(id)).collect();
        assert!(extra.is_empty(), "only in i18n/fr.ftl: {extra:?}");
        // Parsing panics on a syntax error.
        assert_eq!(bundles().len(), 2);
    }

    #[test]
    fn every_message_the_code_asks_for_exists_in_english() {
        let english = ids(source(Language::English));
        let mut asked = Vec::new();
        collect_ids(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("src")
                .as_path(),
            &mut asked,
        );
        assert!(asked.len() > 20, "{asked:?}");
        // The ids made from a name: the REPL's commands and the presenter's keys.
        asked.extend(
            crate::repl::COMMANDS
                .iter()
                .map(|c| format!("command-{}", c.name)),
        );
        asked.extend(
            crate::present::state::KEYS
                .iter()
                .map(|(_, id)| id.to_string()),
        );
        let unknown: Vec<_> = asked.iter().filter(|id| !english.contains(id)).collect();
        assert!(
            unknown.is_empty(),
            "tr! of ids i18n/en.ftl lacks: {unknown:?}"
        );
    }

    fn collect_ids(dir: &std::path::Path, ids: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                collect_ids(&path, ids);
            } else if path.extension().is_some_and(|e| e == "rs") {
                if path.ends_with("i18n/ui.rs") {
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                let pieces: Vec<&str> = text.split("tr!(").collect();
                for pair in pieces.windows(2) {
                    // `include_str!("` is not `tr!("`; rustfmt may put the
                    // id on the next line.
                    let macro_name = !pair[0].ends_with(|c: char| c.is_alphanumeric() || c == '_');
                    let Some(rest) = pair[1].trim_start().strip_prefix('"') else {
                        continue;
                    };
                    if let Some((id, _)) = rest.split_once('"').filter(|_| macro_name) {
                        ids.push(id.to_string());
                    }
                }
            }
        }
    }

    #[test]
    fn a_message_follows_the_language_and_falls_back_to_english() {
        let english = bundle(
            Language::English,
            "greeting = Hello { $name }\nonly = Only English\n",
        );
        let french = bundle(Language::French, "greeting = Bonjour { $name }\n");
        let args = [("name", FluentValue::from("Ada"))];
        assert_eq!(
            format(&french, "greeting", &args).as_deref(),
            Some("Bonjour Ada")
        );
        assert_eq!(format(&french, "only", &args), None);
        assert_eq!(
            format(&english, "only", &args).as_deref(),
            Some("Only English")
        );
    }
}
