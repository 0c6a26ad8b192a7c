//! Where the presenter stands, shared with `avance notes` in a second
//! terminal: one small file in the user's runtime directory (`$XDG_RUNTIME_DIR`,
//! private to the user; else the temporary folder), replaced atomically at
//! every move and read by the notes view a few times a second.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The presenter's lesson and 1-based slide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position {
    pub lesson: String,
    pub slide: usize,
}

impl Position {
    fn to_line(&self) -> String {
        format!("{} {}\n", self.lesson, self.slide)
    }

    fn from_line(text: &str) -> Option<Position> {
        let (lesson, slide) = text.trim().rsplit_once(' ')?;
        Some(Position {
            lesson: lesson.to_string(),
            slide: slide.parse().ok()?,
        })
    }
}

/// The file the presenter writes and the notes read.
#[derive(Debug, Clone)]
pub struct PositionFile {
    path: PathBuf,
}

impl PositionFile {
    /// In the user's runtime directory, else in a per-user folder of the
    /// temporary directory.
    pub fn locate() -> PositionFile {
        let dir = directories::BaseDirs::new()
            .and_then(|dirs| dirs.runtime_dir().map(|dir| dir.join("avance")))
            .unwrap_or_else(|| {
                let user = std::env::var("USER").unwrap_or_else(|_| "user".into());
                std::env::temp_dir().join(format!("avance-{user}"))
            });
        PositionFile::in_dir(&dir)
    }

    pub fn in_dir(dir: &Path) -> PositionFile {
        PositionFile {
            path: dir.join("presenter-position"),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Replaces the file whole (see [`crate::atomic`]), so a reader never
    /// sees half a line and a planted link is never written through.
    pub fn write(&self, position: &Position) -> io::Result<()> {
        crate::atomic::write(&self.path, position.to_line().as_bytes())
    }

    /// The presenter's position, if one presents (or presented last).
    pub fn read(&self) -> Option<Position> {
        Position::from_line(&fs::read_to_string(&self.path).ok()?)
    }

    /// Removes the file when the presenter quits.
    pub fn clear(&self) {
        let _ = fs::remove_file(&self.path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_position_goes_through_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = PositionFile::in_dir(&dir.path().join("sub"));
        assert_eq!(file.read(), None);
        let position = Position {
            lesson: "01-underscore".into(),
            slide: 12,
        };
        file.write(&position).unwrap();
        assert_eq!(file.read(), Some(position));
        file.clear();
        assert_eq!(file.read(), None);
        assert_eq!(Position::from_line("garbage"), None);
    }
}
