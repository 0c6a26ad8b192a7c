//! The gettext side: the template of every message of the lessons
//! (`po/messages.pot`), a language's catalog merged with it as msgmerge
//! does (a changed English text keeps its old translation, marked fuzzy),
//! a catalog made from translated copies of the lesson files (as po4a's
//! gettextize), and how complete a catalog is. PO files are read and
//! written by polib.

use std::collections::HashMap;
use std::io::BufWriter;

use polib::catalog::Catalog;
use polib::message::{Message, MessageFlags, MessageView};
use polib::metadata::CatalogMetadata;

use super::segment::{self, Kind, Segment};
use super::{Language, context};

/// A lesson file: its id (`02-truthiness`) and its text.
pub struct LessonText {
    pub id: String,
    pub text: String,
}

/// Why a catalog could not be read or made.
#[derive(Debug, thiserror::Error)]
pub enum PoError {
    #[error("the catalog is not a valid PO file: {0}")]
    Parse(String),
    #[error(
        "{lesson}: the translation has {translated} messages where the English has {english}; \
         keep every heading, paragraph, list item, table cell and comment"
    )]
    Count {
        lesson: String,
        english: usize,
        translated: usize,
    },
    #[error(
        "{lesson}:{line}: the translation has a {translated} where the English (line {english_line}) has a {english}"
    )]
    Kind {
        lesson: String,
        line: usize,
        english_line: usize,
        english: &'static str,
        translated: &'static str,
    },
}

/// A PO file's text, parsed.
pub fn parse(text: &str) -> Result<Catalog, PoError> {
    polib::po_file::parse_from_reader(text.as_bytes())
        .map_err(|error| PoError::Parse(error.to_string()))
}

/// A catalog as PO text.
pub fn write(catalog: &Catalog) -> String {
    let mut bytes = Vec::new();
    {
        let mut writer = BufWriter::new(&mut bytes);
        polib::po_file::write(catalog, &mut writer).expect("writing to memory cannot fail");
    }
    String::from_utf8(bytes).expect("polib writes UTF-8")
}

/// A copy of a catalog's message, to put in another catalog.
pub fn owned(message: &dyn MessageView) -> Message {
    Message::build_singular()
        .with_source(message.source().to_string())
        .with_msgctxt(message.msgctxt().unwrap_or("").to_string())
        .with_msgid(message.msgid().to_string())
        .with_msgstr(message.msgstr().unwrap_or("").to_string())
        .with_flags(message.flags().clone())
        .done()
}

/// (context, English, translation) of every translated, not fuzzy, message.
pub fn usable(catalog: &Catalog) -> impl Iterator<Item = (String, String, String)> + '_ {
    catalog
        .messages()
        .filter(|m| m.is_translated() && !m.is_fuzzy())
        .filter_map(|m| {
            let translated = m.msgstr().ok()?.to_string();
            Some((
                m.msgctxt().unwrap_or("").to_string(),
                m.msgid().to_string(),
                translated,
            ))
        })
}

fn metadata(language: Option<Language>) -> CatalogMetadata {
    let mut metadata = CatalogMetadata::new();
    metadata.project_id_version = "avance".into();
    metadata.mime_version = "1.0".into();
    metadata.content_type = "text/plain; charset=UTF-8".into();
    metadata.content_transfer_encoding = "8bit".into();
    if let Some(language) = language {
        metadata.language = language.code().into();
        metadata.language_team = language.name().into();
    }
    metadata
}

/// The template: every message of the lessons, with its file and line.
pub fn template(lessons: &[LessonText]) -> Catalog {
    let mut catalog = Catalog::new(metadata(None));
    for lesson in lessons {
        for segment in segment::segments(&lesson.text) {
            let context = context(&lesson.id, segment.slide);
            if catalog
                .find_message(Some(&context), &segment.message, None)
                .is_some()
            {
                continue;
            }
            catalog.append_or_update(
                Message::build_singular()
                    .with_source(format!("lessons/{}.md:{}", lesson.id, segment.line))
                    .with_msgctxt(context)
                    .with_msgid(segment.message)
                    .with_msgstr(String::new())
                    .done(),
            );
        }
    }
    catalog
}

/// What [`update`] did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Merged {
    pub kept: usize,
    /// Translations of a text that moved to another slide, reused.
    pub moved: usize,
    /// Translations of an English text that changed: kept, marked fuzzy.
    pub fuzzy: usize,
    pub new: usize,
    /// Messages the lessons no longer have, dropped.
    pub dropped: usize,
}

/// `old` brought up to date with `template`, as msgmerge does: the same
/// message keeps its translation; the same English on another slide takes
/// it too; a changed English text on the same slide takes the nearest old
/// translation marked fuzzy (English until someone checks it).
pub fn update(old: &Catalog, template: &Catalog, language: Language) -> (Catalog, Merged) {
    let mut merged = Merged::default();
    let mut catalog = Catalog::new(metadata(Some(language)));
    let by_english: HashMap<&str, &dyn MessageView> = old
        .messages()
        .filter(|m| m.is_translated())
        .map(|m| (m.msgid(), m))
        .collect();
    let mut used = 0;
    for new in template.messages() {
        let context = new.msgctxt();
        let (msgstr, fuzzy) = if let Some(same) = old.find_message(context, new.msgid(), None) {
            merged.kept += 1;
            used += 1;
            (same.msgstr().unwrap_or("").to_string(), same.is_fuzzy())
        } else if let Some(moved) = by_english.get(new.msgid()) {
            merged.moved += 1;
            (moved.msgstr().unwrap_or("").to_string(), moved.is_fuzzy())
        } else if let Some(near) = nearest(old, context, new.msgid()) {
            merged.fuzzy += 1;
            (near.msgstr().unwrap_or("").to_string(), true)
        } else {
            merged.new += 1;
            (String::new(), false)
        };
        let mut flags = MessageFlags::new();
        if fuzzy && !msgstr.is_empty() {
            flags.add_flag("fuzzy");
        }
        catalog.append_or_update(
            Message::build_singular()
                .with_source(new.source().to_string())
                .with_msgctxt(context.unwrap_or("").to_string())
                .with_msgid(new.msgid().to_string())
                .with_msgstr(msgstr)
                .with_flags(flags)
                .done(),
        );
    }
    merged.dropped = old.count().saturating_sub(used);
    (catalog, merged)
}

/// The old translated message of the same slide whose English is closest
/// to `english`, if close enough to be a revision of it.
fn nearest<'a>(
    old: &'a Catalog,
    context: Option<&str>,
    english: &str,
) -> Option<&'a dyn MessageView> {
    old.messages()
        .filter(|m| m.is_translated() && m.msgctxt() == context)
        .map(|m| (strsim::normalized_levenshtein(m.msgid(), english), m))
        .filter(|(score, _)| *score >= 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, m)| m)
}

/// A catalog made from a translated copy of each lesson file (same blocks
/// in the same order): the N-th message of the copy translates the N-th
/// message of the lesson.
pub fn import(
    english: &[LessonText],
    translated: &[LessonText],
    language: Language,
) -> Result<Catalog, PoError> {
    let mut catalog = Catalog::new(metadata(Some(language)));
    for lesson in english {
        let Some(copy) = translated.iter().find(|copy| copy.id == lesson.id) else {
            continue;
        };
        let source = segment::segments(&lesson.text);
        let target = segment::segments(&copy.text);
        aligned(&lesson.id, &source, &target)?;
        for (english, translation) in source.iter().zip(&target) {
            catalog.append_or_update(
                Message::build_singular()
                    .with_source(format!("lessons/{}.md:{}", lesson.id, english.line))
                    .with_msgctxt(context(&lesson.id, english.slide))
                    .with_msgid(english.message.clone())
                    .with_msgstr(translation.message.clone())
                    .done(),
            );
        }
    }
    Ok(catalog)
}

fn aligned(lesson: &str, english: &[Segment], translated: &[Segment]) -> Result<(), PoError> {
    if let Some((e, t)) = english
        .iter()
        .zip(translated)
        .find(|(e, t)| e.kind != t.kind)
    {
        let name = |kind| match kind {
            Kind::Text => "text",
            Kind::Comment => "notes or hint comment",
        };
        return Err(PoError::Kind {
            lesson: lesson.to_string(),
            line: t.line,
            english_line: e.line,
            english: name(e.kind),
            translated: name(t.kind),
        });
    }
    if english.len() != translated.len() {
        return Err(PoError::Count {
            lesson: lesson.to_string(),
            english: english.len(),
            translated: translated.len(),
        });
    }
    Ok(())
}

/// How much of one lesson a catalog translates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completeness {
    pub lesson: String,
    pub messages: usize,
    pub translated: usize,
    pub fuzzy: usize,
}

impl Completeness {
    pub fn missing(&self) -> usize {
        self.messages - self.translated - self.fuzzy
    }

    pub fn complete(&self) -> bool {
        self.translated == self.messages
    }
}

/// Per lesson: how many of the lessons' messages `catalog` translates
/// (exactly: same context and English, not fuzzy), and how many it has
/// only as fuzzy.
pub fn report(lessons: &[LessonText], catalog: &Catalog) -> Vec<Completeness> {
    lessons
        .iter()
        .map(|lesson| {
            let mut row = Completeness {
                lesson: lesson.id.clone(),
                messages: 0,
                translated: 0,
                fuzzy: 0,
            };
            let mut seen = std::collections::HashSet::new();
            for segment in segment::segments(&lesson.text) {
                let context = context(&lesson.id, segment.slide);
                if !seen.insert((context.clone(), segment.message.clone())) {
                    continue;
                }
                row.messages += 1;
                match catalog.find_message(Some(&context), &segment.message, None) {
                    Some(m) if m.is_translated() && m.is_fuzzy() => row.fuzzy += 1,
                    Some(m) if m.is_translated() => row.translated += 1,
                    _ => {}
                }
            }
            row
        })
        .collect()
}
