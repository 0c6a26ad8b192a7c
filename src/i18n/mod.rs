//! The course in several languages: lessons translated through gettext
//! catalogs, as Comprehensive Rust is. The English Markdown stays the only
//! source; each heading, paragraph, list item, table cell, note and hint is
//! a message ([`segment`]) keyed by its English text and a context
//! `LESSON/SLIDE`; `po/LANG.po` holds the translations ([`po`]), embedded
//! in the program by the build. A message without a translation, or whose
//! translation is fuzzy, stays English. Code is never translated, so
//! snippet ids, outputs and progress are the same in every language.

use std::collections::HashMap;
use std::fmt;

pub mod po;
pub mod segment;
pub mod typography;
pub mod ui;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/catalogs.rs"));
}

/// A language the course is taught in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Language {
    #[default]
    English,
    French,
}

/// A language code that avance does not speak; said in the course's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownLanguage {
    pub code: String,
    /// Where it came from: "(--lang)", "(AVANCE_LANG)", "(:lang)".
    pub origin: String,
}

impl fmt::Display for UnknownLanguage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::tr!(
            "unknown-language",
            code = self.code.as_str(),
            origin = self.origin.as_str()
        ))
    }
}

impl std::error::Error for UnknownLanguage {}

impl Language {
    pub const ALL: [Language; 2] = [Language::English, Language::French];

    /// Its code: `en`, `fr`.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::French => "fr",
        }
    }

    /// Its own name for itself.
    pub fn name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::French => "français",
        }
    }

    /// `en`, `fr`, `FR`, `fr_FR.UTF-8`, `fr-CA`: the language part.
    pub fn from_code(code: &str) -> Option<Language> {
        let language = code
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        Language::ALL.into_iter().find(|l| l.code() == language)
    }

    /// [`Language::from_code`], or an error naming where the code came from.
    pub fn parse(code: &str, origin: &str) -> Result<Language, UnknownLanguage> {
        Language::from_code(code).ok_or_else(|| UnknownLanguage {
            code: code.to_string(),
            origin: format!("({origin})"),
        })
    }

    /// The language asked for: `--lang`, then `AVANCE_LANG`, then the
    /// locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, the first that is set),
    /// then English. A code given on purpose must be known; a locale of
    /// another language (de_DE) means English.
    pub fn choose(
        flag: Option<&str>,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Language, UnknownLanguage> {
        if let Some(code) = flag {
            return Language::parse(code, "--lang");
        }
        if let Some(code) = env("AVANCE_LANG").filter(|code| !code.is_empty()) {
            return Language::parse(&code, "AVANCE_LANG");
        }
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .find_map(|name| env(name).filter(|value| !value.is_empty()));
        Ok(locale
            .and_then(|locale| Language::from_code(&locale))
            .unwrap_or_default())
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The text of `po/LANG.po` as the build embedded it, if there is one.
pub fn embedded_catalog(language: Language) -> Option<&'static str> {
    embedded::CATALOGS
        .iter()
        .find(|(code, _)| *code == language.code())
        .map(|(_, text)| *text)
}

/// The context of a message: its lesson and slide.
pub fn context(lesson_id: &str, slide: usize) -> String {
    format!("{lesson_id}/{slide}")
}

/// The translations of one language, ready to apply to lesson texts.
#[derive(Debug, Clone, Default)]
pub struct Translation {
    language: Language,
    /// (context, English) → translation.
    exact: HashMap<(String, String), String>,
    /// English → translation, when one text has one translation wherever
    /// it is: used when a slide moved and its context changed.
    anywhere: HashMap<String, Option<String>>,
}

impl Translation {
    /// No translation: the lessons as written.
    pub fn english() -> Translation {
        Translation::default()
    }

    /// The catalog the build embedded for `language`.
    pub fn embedded(language: Language) -> Result<Translation, po::PoError> {
        match embedded_catalog(language) {
            Some(text) => Translation::from_po(language, text),
            None => Ok(Translation::english()),
        }
    }

    /// The translated, not fuzzy, messages of a PO file's text.
    pub fn from_po(language: Language, text: &str) -> Result<Translation, po::PoError> {
        let catalog = po::parse(text)?;
        let mut translation = Translation {
            language,
            ..Translation::default()
        };
        for (context, english, translated) in po::usable(&catalog) {
            translation
                .anywhere
                .entry(english.clone())
                .and_modify(|known| {
                    if known.as_deref() != Some(translated.as_str()) {
                        *known = None;
                    }
                })
                .or_insert_with(|| Some(translated.clone()));
            translation.exact.insert((context, english), translated);
        }
        Ok(translation)
    }

    pub fn language(&self) -> Language {
        self.language
    }

    /// The translation of `english` at `context`, in this language's typography.
    pub fn message(&self, context: &str, english: &str) -> Option<String> {
        let found = self
            .exact
            .get(&(context.to_string(), english.to_string()))
            .or_else(|| self.anywhere.get(english).and_then(Option::as_ref))?;
        Some(match self.language {
            Language::French => typography::french(found),
            Language::English => found.clone(),
        })
    }

    /// The lesson file `text` of lesson `lesson_id` with every translated
    /// message put in place of its English.
    pub fn lesson(&self, lesson_id: &str, text: &str) -> String {
        if self.exact.is_empty() {
            return text.to_string();
        }
        let mut translated = text.to_string();
        for segment in segment::segments(text).into_iter().rev() {
            let context = context(lesson_id, segment.slide);
            if let Some(message) = self.message(&context, &segment.message) {
                let written = match segment.kind {
                    segment::Kind::Text => segment::join_lines(&message),
                    segment::Kind::Comment => segment::join_paragraphs(&message),
                };
                translated.replace_range(segment.range, &written);
            }
        }
        translated
    }
}

#[cfg(test)]
mod tests;
