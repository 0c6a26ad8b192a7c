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
    /// temporary directory; either way a folder this user owns and no one
    /// else may write in (made so when it is new), or an error that says
    /// what is wrong with it.
    pub fn locate() -> io::Result<PositionFile> {
        let dir = directories::BaseDirs::new()
            .and_then(|dirs| dirs.runtime_dir().map(|dir| dir.join("avance")))
            .unwrap_or_else(|| {
                let user = std::env::var("USER").unwrap_or_else(|_| "user".into());
                std::env::temp_dir().join(format!("avance-{user}"))
            });
        private_dir(&dir)?;
        Ok(PositionFile::in_dir(&dir))
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
    /// Read as a regular file of a few bytes: something planted in its
    /// place (a FIFO, a device, a huge file) reads as no position, never
    /// a hang of `avance notes`.
    pub fn read(&self) -> Option<Position> {
        let bytes = crate::bounded::read_regular(&self.path, 4096, "the position file").ok()?;
        Position::from_line(std::str::from_utf8(&bytes).ok()?)
    }

    /// Removes the file when the presenter quits.
    pub fn clear(&self) {
        let _ = fs::remove_file(&self.path);
    }
}

/// Makes `dir` (mode 0700) unless it exists, then refuses it unless it is
/// a real folder of this user that no one else can write in: another user
/// could otherwise plant files where the presenter writes.
fn private_dir(dir: &Path) -> io::Result<()> {
    use std::os::unix::fs::{DirBuilderExt, MetadataExt, PermissionsExt};
    let refuse = |why: &str| {
        io::Error::other(format!(
            "{} {why}: remove it, or set XDG_RUNTIME_DIR to a folder of yours",
            dir.display()
        ))
    };
    match fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
    {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(e),
    }
    let folder = fs::symlink_metadata(dir)?;
    if !folder.is_dir() {
        return Err(refuse("is not a folder (a link, or a file)"));
    }
    if let Ok(me) = fs::metadata("/proc/self")
        && folder.uid() != me.uid()
    {
        return Err(refuse("belongs to another user"));
    }
    if folder.permissions().mode() & 0o022 != 0 {
        return Err(refuse("can be written by other users"));
    }
    Ok(())
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

    #[test]
    fn a_fifo_planted_as_the_position_reads_as_none_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let file = PositionFile::in_dir(dir.path());
        let made = std::process::Command::new("mkfifo")
            .arg(file.path())
            .status()
            .expect("mkfifo runs");
        assert!(made.success());
        // Opening a FIFO to read blocks until a writer comes: were it
        // opened, this test would hang instead of failing.
        assert_eq!(file.read(), None);
        std::fs::remove_file(file.path()).unwrap();
        let huge = format!("01-underscore 2{}\n", " ".repeat(5000));
        std::fs::write(file.path(), huge).unwrap();
        assert_eq!(file.read(), None, "a file over the cap is not read");
    }

    #[test]
    fn a_folder_others_can_write_in_or_a_link_is_refused() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let mine = dir.path().join("mine");
        private_dir(&mine).unwrap();
        let mode = fs::metadata(&mine).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700);
        let open = dir.path().join("open");
        fs::create_dir(&open).unwrap();
        fs::set_permissions(&open, fs::Permissions::from_mode(0o777)).unwrap();
        let error = private_dir(&open).unwrap_err().to_string();
        assert!(error.contains("can be written by other users"), "{error}");
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&mine, &link).unwrap();
        let error = private_dir(&link).unwrap_err().to_string();
        assert!(error.contains("is not a folder"), "{error}");
    }
}
