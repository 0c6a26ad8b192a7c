//! Writing a file whole or not at all: the text goes into a temporary file
//! with a unique name, created in the destination folder by tempfile (it
//! opens with `O_EXCL`, so a symlink or FIFO planted under a predictable
//! name is never followed), then renamed over the destination. A reader
//! never sees half a file, and a planted link is replaced, not written
//! through.

use std::io::{self, Write};
use std::path::Path;

/// Replaces `path` with `bytes`, creating its folder if needed.
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir)?;
    let mut file = tempfile::NamedTempFile::new_in(dir)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::write;

    #[test]
    fn a_planted_symlink_is_replaced_not_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "precious").unwrap();
        let target = dir.path().join("page.html");
        std::os::unix::fs::symlink(&victim, &target).unwrap();
        write(&target, b"<html>").unwrap();
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "<html>");
        assert!(!std::fs::symlink_metadata(&target).unwrap().is_symlink());
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 2, "no temporary file is left");
    }
}
