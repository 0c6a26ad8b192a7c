//! The student's answers to exercises, one file each in the state folder
//! (`exercises/01-underscore-12-exercise.rs`), so that `:edit`, `:exercise`
//! in `$EDITOR` and `avance exercise` all work on the same answer. Without a
//! state folder answers live in memory, for the session only.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

use crate::lesson::Exercise;

/// Where answers are kept.
#[derive(Debug, Default)]
pub struct Answers {
    folder: Option<PathBuf>,
    in_memory: BTreeMap<String, String>,
}

impl Answers {
    /// Answers kept in `folder` (created when the first is written).
    pub fn in_folder(folder: PathBuf) -> Self {
        Answers {
            folder: Some(folder),
            in_memory: BTreeMap::new(),
        }
    }

    /// Answers kept for this session only.
    pub fn in_memory() -> Self {
        Answers::default()
    }

    /// The answer's file, when there is a folder for it.
    pub fn file(&self, exercise: &Exercise) -> Option<PathBuf> {
        let name = format!("{}.rs", exercise.id.replace('/', "-"));
        self.folder.as_ref().map(|folder| folder.join(name))
    }

    /// The student's answer so far, if they wrote one.
    pub fn read(&self, exercise: &Exercise) -> Option<String> {
        match self.file(exercise) {
            Some(file) => crate::bounded::read_regular(&file, MAX_ANSWER, "an answer")
                .ok()
                .map(|bytes| String::from_utf8_lossy(&bytes).into_owned()),
            None => self.in_memory.get(&exercise.id).cloned(),
        }
    }

    /// Keeps `answer` as the student's answer.
    pub fn write(&mut self, exercise: &Exercise, answer: &str) -> io::Result<()> {
        match self.file(exercise) {
            Some(file) => write_file(&file, answer),
            None => {
                self.in_memory
                    .insert(exercise.id.clone(), answer.to_string());
                Ok(())
            }
        }
    }

    /// The answer's file, written from the starter when there is none yet;
    /// `None` without a state folder.
    pub fn file_with_starter(&self, exercise: &Exercise) -> io::Result<Option<PathBuf>> {
        let Some(file) = self.file(exercise) else {
            return Ok(None);
        };
        if !file.exists() {
            write_file(&file, &starter_file(exercise))?;
        }
        Ok(Some(file))
    }
}

/// An answer longer than this is not the student's (a file put there by
/// mistake): read as none.
const MAX_ANSWER: u64 = 1024 * 1024;

fn write_file(file: &Path, text: &str) -> io::Result<()> {
    if let Some(folder) = file.parent() {
        std::fs::create_dir_all(folder)?;
    }
    std::fs::write(file, text)
}

/// The starter as a file: a comment naming the exercise, then its code.
fn starter_file(exercise: &Exercise) -> String {
    format!(
        "// Your answer to exercise {} (`:check` in avance grades it).\n{}\n",
        exercise.id,
        crate::grade::starter(exercise)
    )
}
