//! `avance i18n`: the translators' tools. `extract` writes the template
//! of every message of the lessons, `update` merges it into a language's
//! catalog as msgmerge does, `import` makes a catalog from translated
//! copies of the lesson files, `report` says how complete each lesson is
//! (and, with `--strict`, fails unless it is complete).

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, Result, bail};
use clap::{Args, Subcommand};

use super::Context;
use crate::i18n::Language;
use crate::i18n::po::{self, LessonText};
use crate::lesson::files;

#[derive(Debug, Args)]
pub(super) struct I18nArgs {
    #[command(subcommand)]
    action: Action,
    /// The catalogs' folder [default: po; `report` reads the catalog built
    /// into the program unless this is given].
    #[arg(long, global = true, value_name = "DIR")]
    po: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
enum Action {
    /// Write DIR/messages.pot: every heading, paragraph, list item, table cell, note and hint of the lessons.
    Extract,
    /// Bring DIR/LANG.po (and DIR/messages.pot) up to date with the lessons: new messages added, changed ones marked fuzzy.
    Update {
        /// The catalog's language.
        #[arg(default_value = "fr")]
        language: String,
    },
    /// Make DIR/LANG.po from translated copies of lesson files (FOLDER/NN-slug.md, the same blocks in the same order).
    Import {
        /// The catalog's language.
        language: String,
        /// The folder of translated lesson files.
        folder: PathBuf,
    },
    /// How complete a language is, lesson by lesson.
    Report {
        /// The catalog's language.
        #[arg(default_value = "fr")]
        language: String,
        /// Fail unless every message is translated and none is fuzzy.
        #[arg(long)]
        strict: bool,
    },
}

impl I18nArgs {
    pub(super) fn run(self, context: &Context) -> Result<ExitCode> {
        let lessons = english_lessons(context)?;
        let folder = self.po.clone().unwrap_or_else(|| PathBuf::from("po"));
        match self.action {
            Action::Extract => {
                let path = folder.join("messages.pot");
                let template = po::template(&lessons);
                write(&path, &po::write(&template))?;
                println!("wrote {}: {} messages", path.display(), template.count());
            }
            Action::Update { language } => {
                let language = Language::parse(&language, "avance i18n update")?;
                let path = folder.join(format!("{language}.po"));
                let old = read_catalog(&path)?;
                let template = po::template(&lessons);
                write(&folder.join("messages.pot"), &po::write(&template))?;
                let (catalog, merged) = po::update(&old, &template, language);
                write(&path, &po::write(&catalog))?;
                println!(
                    "updated {}: {} kept, {} moved, {} fuzzy, {} new, {} dropped",
                    path.display(),
                    merged.kept,
                    merged.moved,
                    merged.fuzzy,
                    merged.new,
                    merged.dropped
                );
            }
            Action::Import {
                language,
                folder: copies,
            } => {
                let language = Language::parse(&language, "avance i18n import")?;
                let path = folder.join(format!("{language}.po"));
                let copies = read_lessons(&copies)?;
                let imported = po::import(&lessons, &copies, language)?;
                let mut catalog = read_catalog(&path)?;
                for message in imported.messages() {
                    catalog.append_or_update(po::owned(message));
                }
                let (catalog, _) = po::update(&catalog, &po::template(&lessons), language);
                write(&path, &po::write(&catalog))?;
                println!(
                    "wrote {}: {} messages imported from {} lessons",
                    path.display(),
                    imported.count(),
                    copies.len()
                );
            }
            Action::Report { language, strict } => {
                let language = Language::parse(&language, "avance i18n report")?;
                return report(&lessons, language, self.po.as_deref(), strict);
            }
        }
        Ok(ExitCode::SUCCESS)
    }
}

/// The English lesson files: `--lessons DIR`, else those built in.
fn english_lessons(context: &Context) -> Result<Vec<LessonText>> {
    match &context.lessons {
        Some(dir) => read_lessons(dir),
        None => Ok(crate::catalog::embedded_lesson_files()
            .map(|(id, text)| LessonText {
                id: id.to_string(),
                text: text.to_string(),
            })
            .collect()),
    }
}

/// The lesson files (NN-slug.md) of a folder.
fn read_lessons(dir: &Path) -> Result<Vec<LessonText>> {
    let mut lessons = Vec::new();
    let entries =
        fs::read_dir(dir).with_context(|| format!("cannot read the folder {}", dir.display()))?;
    for entry in entries {
        let path = entry?.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if files::is_lesson_file(name) {
            let text = fs::read_to_string(&path)
                .with_context(|| crate::tr!("cannot-read", path = path.display().to_string()))?;
            lessons.push(LessonText {
                id: name.trim_end_matches(".md").to_string(),
                text,
            });
        }
    }
    if lessons.is_empty() {
        bail!(
            "no lesson files (named like 01-underscore.md) in {}",
            dir.display()
        );
    }
    lessons.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(lessons)
}

/// A catalog file, or an empty catalog when there is none yet.
fn read_catalog(path: &Path) -> Result<polib::catalog::Catalog> {
    match fs::read_to_string(path) {
        Ok(text) => Ok(po::parse(&text).with_context(|| format!("in {}", path.display()))?),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(po::parse("")?),
        Err(error) => {
            Err(error).with_context(|| crate::tr!("cannot-read", path = path.display().to_string()))
        }
    }
}

fn write(path: &Path, text: &str) -> Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent)
            .with_context(|| format!("cannot create the folder {}", parent.display()))?;
    }
    crate::atomic::write(path, text.as_bytes())
        .with_context(|| crate::tr!("cannot-write", path = path.display().to_string()))?;
    // A catalog is a file of the project, readable as the lessons are.
    use std::os::unix::fs::PermissionsExt as _;
    fs::set_permissions(path, fs::Permissions::from_mode(0o644))
        .with_context(|| format!("cannot make {} readable", path.display()))
}

fn report(
    lessons: &[LessonText],
    language: Language,
    folder: Option<&Path>,
    strict: bool,
) -> Result<ExitCode> {
    let (catalog, shown) = match folder {
        Some(folder) => {
            let path = folder.join(format!("{language}.po"));
            (read_catalog(&path)?, path.display().to_string())
        }
        None => (
            po::parse(crate::i18n::embedded_catalog(language).unwrap_or(""))?,
            format!("the {language} catalog built in"),
        ),
    };
    let rows = po::report(lessons, &catalog);
    let mut out = io::stdout();
    writeln!(
        out,
        "{:<22} {:>8} {:>10} {:>6} {:>8} {:>6}",
        "lesson", "messages", "translated", "fuzzy", "missing", "done"
    )?;
    for row in &rows {
        writeln!(
            out,
            "{:<22} {:>8} {:>10} {:>6} {:>8} {:>5}%",
            row.lesson,
            row.messages,
            row.translated,
            row.fuzzy,
            row.missing(),
            percent(row.translated, row.messages)
        )?;
    }
    let total = |f: fn(&po::Completeness) -> usize| rows.iter().map(f).sum::<usize>();
    let (messages, translated) = (total(|r| r.messages), total(|r| r.translated));
    let (fuzzy, missing) = (total(|r| r.fuzzy), total(po::Completeness::missing));
    writeln!(
        out,
        "{:<22} {messages:>8} {translated:>10} {fuzzy:>6} {missing:>8} {:>5}%",
        "all",
        percent(translated, messages)
    )?;
    let incomplete: Vec<&str> = rows
        .iter()
        .filter(|r| !r.complete())
        .map(|r| r.lesson.as_str())
        .collect();
    if strict && !incomplete.is_empty() {
        bail!(
            "{shown}: {missing} message(s) untranslated and {fuzzy} fuzzy, in {}; \
             run `avance i18n update {language}` and translate them",
            incomplete.join(", ")
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn percent(part: usize, whole: usize) -> usize {
    (part * 100).checked_div(whole).unwrap_or(100)
}
