//! The catalog: every lesson of the course, parsed, and how the student
//! names one (`1`, `01`, `underscore`, `01-underscore`, or a unique prefix).
//!
//! Lessons come embedded in the program (the build put them there), or from a
//! folder given with `--lessons DIR`, whose includes are read from the
//! folder's parent (the project root).
//!
//! Its errors are English; with the `cli` feature a `LookupError`, which
//! the student meets often, also says itself in the course's language
//! (`LookupError::localized`).

use std::fs;
use std::path::{Path, PathBuf};

use crate::lesson::files::{self, DuplicateNumber};
use crate::lesson::{self, IncludeSource, Lesson, ParseError, ReadError};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// Why the lessons could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    #[error(transparent)]
    Parse(#[from] ParseError),
    #[error("cannot read {path}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("no lesson files (named like 01-underscore.md) in {0}")]
    Empty(PathBuf),
    #[error("{}:{line}: this line is not UTF-8 text; save the lesson as UTF-8", .path.display())]
    NotUtf8 { path: PathBuf, line: usize },
    #[error(
        "{}: this file name is not UTF-8 text; rename the lesson NN-slug.md in plain letters",
        .0.display()
    )]
    NameNotUtf8(PathBuf),
    #[error(transparent)]
    DuplicateNumber(#[from] DuplicateNumber),
}

/// Why a lesson or slide name did not resolve.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LookupError {
    #[error("no lesson `{query}`; the lessons are: {}", .known.join(", "))]
    UnknownLesson { query: String, known: Vec<String> },
    #[error("`{query}` matches several lessons: {}; type more of the name", .matches.join(", "))]
    Ambiguous { query: String, matches: Vec<String> },
    #[error("lesson {lesson} has slides 1 to {count}; there is no slide {slide}")]
    SlideOutOfRange {
        lesson: String,
        slide: String,
        count: usize,
    },
}

#[cfg(feature = "cli")]
impl LookupError {
    /// The error in the course's language (the terminal program's
    /// messages, which this crate without `cli` does not have).
    pub fn localized(&self) -> String {
        use crate::tr;
        match self {
            LookupError::UnknownLesson { query, known } => tr!(
                "lookup-unknown-lesson",
                query = query.as_str(),
                known = known.join(", ")
            ),
            LookupError::Ambiguous { query, matches } => tr!(
                "lookup-ambiguous",
                query = query.as_str(),
                matches = matches.join(", ")
            ),
            LookupError::SlideOutOfRange {
                lesson,
                slide,
                count,
            } => tr!(
                "lookup-slide-out-of-range",
                lesson = lesson.as_str(),
                slide = slide.as_str(),
                count = *count
            ),
        }
    }
}

/// All the lessons, in number order.
#[derive(Debug, Clone)]
pub struct Catalog {
    lessons: Vec<Lesson>,
}

/// What a lesson file's text becomes before it is parsed, given its lesson
/// id: a translation (the `i18n` module), or the text as written.
pub type Translate<'a> = &'a dyn Fn(&str, &str) -> String;

fn as_written(_lesson_id: &str, text: &str) -> String {
    text.to_string()
}

/// The English lesson files built into the program: (id, text).
pub fn embedded_lesson_files() -> impl Iterator<Item = (&'static str, &'static str)> {
    embedded::LESSON_FILES
        .iter()
        .map(|(name, text)| (name.trim_end_matches(".md"), *text))
}

/// Files embedded by the build, looked up by their project path.
struct EmbeddedFiles;

impl IncludeSource for EmbeddedFiles {
    fn read(&self, project_path: &str) -> Result<String, ReadError> {
        embedded::INCLUDED_FILES
            .iter()
            .find(|(path, _)| *path == project_path)
            .map(|(_, text)| text.to_string())
            .ok_or(ReadError::NotEmbedded)
    }
}

/// Files read from a project folder.
struct ProjectFiles(PathBuf);

impl IncludeSource for ProjectFiles {
    /// The file, once its real path (links resolved) is known to be
    /// inside the project and a regular file of a reasonable size.
    fn read(&self, project_path: &str) -> Result<String, ReadError> {
        let real = fs::canonicalize(self.0.join(project_path))?;
        if !real.starts_with(&self.0) {
            return Err(ReadError::OutsideProject(real.display().to_string()));
        }
        Ok(String::from_utf8_lossy(&read_regular(&real)?).into_owned())
    }
}

/// The largest lesson or included file read: a lesson is a few dozen
/// kilobytes, and `/dev/zero` or a huge file must not eat the memory.
const MAX_FILE_BYTES: u64 = 4 << 20;

/// A lesson or included file, checked as [`crate::bounded`] checks.
fn read_regular(path: &Path) -> std::io::Result<Vec<u8>> {
    Ok(crate::bounded::read_regular(
        path,
        MAX_FILE_BYTES,
        "a lesson file",
    )?)
}

impl Catalog {
    /// The lessons built into the program.
    pub fn embedded() -> Result<Catalog, CatalogError> {
        Catalog::embedded_translated(&as_written)
    }

    /// The lessons built into the program, each file's text passed through
    /// `translate(lesson id, text)` before it is parsed.
    pub fn embedded_translated(translate: Translate) -> Result<Catalog, CatalogError> {
        let lessons = embedded::LESSON_FILES
            .iter()
            .map(|(name, text)| {
                let text = translate(name.trim_end_matches(".md"), text);
                lesson::parse_lesson(name, &format!("lessons/{name}"), &text, &EmbeddedFiles)
            })
            .collect::<Result<Vec<_>, _>>()?;
        Catalog::new(lessons, Path::new("lessons"))
    }

    /// The lessons of a folder (`--lessons DIR`), for authors editing them.
    pub fn from_dir(dir: &Path) -> Result<Catalog, CatalogError> {
        Catalog::from_dir_translated(dir, &as_written)
    }

    /// [`Catalog::from_dir`], each file's text passed through `translate`.
    pub fn from_dir_translated(dir: &Path, translate: Translate) -> Result<Catalog, CatalogError> {
        let io = |source| CatalogError::Io {
            path: dir.to_path_buf(),
            source,
        };
        let mut names = Vec::new();
        for entry in fs::read_dir(dir).map_err(io)? {
            let file_name = entry.map_err(io)?.file_name();
            match file_name.into_string() {
                Ok(name) if files::is_lesson_file(&name) => names.push(name),
                Ok(_) => {}
                // A lesson whose name cannot be shown is reported, not skipped.
                Err(name) if name.to_string_lossy().ends_with(".md") => {
                    return Err(CatalogError::NameNotUtf8(dir.join(name)));
                }
                Err(_) => {}
            }
        }
        names.sort();
        // The project is the lessons folder's parent, wherever this runs
        // from (`--lessons .` inside `lessons/` too): resolved first.
        let real = fs::canonicalize(dir).map_err(io)?;
        let includes = ProjectFiles(real.parent().map_or(real.clone(), Path::to_path_buf));
        let lessons = names
            .iter()
            .map(|name| {
                let path = dir.join(name);
                let bytes = read_regular(&path).map_err(|source| CatalogError::Io {
                    path: path.clone(),
                    source,
                })?;
                let text = String::from_utf8(bytes).map_err(|error| {
                    let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
                    CatalogError::NotUtf8 {
                        path: path.clone(),
                        line: 1 + valid.iter().filter(|&&b| b == b'\n').count(),
                    }
                })?;
                let text = translate(name.trim_end_matches(".md"), &text);
                Ok(lesson::parse_lesson(
                    name,
                    &path.display().to_string(),
                    &text,
                    &includes,
                )?)
            })
            .collect::<Result<Vec<_>, CatalogError>>()?;
        Catalog::new(lessons, dir)
    }

    fn new(mut lessons: Vec<Lesson>, dir: &Path) -> Result<Catalog, CatalogError> {
        if lessons.is_empty() {
            return Err(CatalogError::Empty(dir.to_path_buf()));
        }
        files::order(&mut lessons)?;
        Ok(Catalog { lessons })
    }

    pub fn lessons(&self) -> &[Lesson] {
        &self.lessons
    }

    /// The index of the lesson a student means.
    pub fn find(&self, query: &str) -> Result<usize, LookupError> {
        let query = query.trim();
        let exact = |lesson: &Lesson| {
            lesson.id == query
                || lesson.slug == query
                || query.parse::<u32>().is_ok_and(|n| n == lesson.number)
        };
        if let Some(index) = self.lessons.iter().position(exact) {
            return Ok(index);
        }
        let matches: Vec<usize> = (0..self.lessons.len())
            .filter(|&i| {
                let lesson = &self.lessons[i];
                !query.is_empty()
                    && (lesson.slug.starts_with(query) || lesson.id.starts_with(query))
            })
            .collect();
        match matches.as_slice() {
            [index] => Ok(*index),
            [] => Err(LookupError::UnknownLesson {
                query: query.into(),
                known: self.ids(),
            }),
            _ => Err(LookupError::Ambiguous {
                query: query.into(),
                matches: matches
                    .iter()
                    .map(|&i| self.lessons[i].id.clone())
                    .collect(),
            }),
        }
    }

    /// Resolves `LESSON[/SLIDE]` to a lesson index and, if given, a 0-based slide index.
    pub fn locate(&self, target: &str) -> Result<(usize, Option<usize>), LookupError> {
        let (lesson, slide) = match target.split_once('/') {
            Some((lesson, slide)) => (lesson, Some(slide)),
            None => (target, None),
        };
        let index = self.find(lesson)?;
        let slide = slide
            .map(|slide| self.slide_index(index, slide))
            .transpose()?;
        Ok((index, slide))
    }

    /// A 1-based slide number as typed, checked against the lesson.
    pub fn slide_index(&self, lesson: usize, typed: &str) -> Result<usize, LookupError> {
        let count = self.lessons[lesson].slides.len();
        match typed.trim().parse::<usize>() {
            Ok(n) if (1..=count).contains(&n) => Ok(n - 1),
            _ => Err(LookupError::SlideOutOfRange {
                lesson: self.lessons[lesson].id.clone(),
                slide: typed.trim().to_string(),
                count,
            }),
        }
    }

    fn ids(&self) -> Vec<String> {
        self.lessons
            .iter()
            .map(|lesson| lesson.id.clone())
            .collect()
    }
}
