//! Reading a file the program did not write (a lesson, an included file,
//! the progress file) without trusting it: a regular file only, so that a
//! FIFO or a device is an error at once instead of a hang, and at most a
//! given size, so that `/dev/zero` or a huge file cannot eat the memory.

use std::fs;
use std::io;
use std::path::Path;

/// Why a file was not read.
#[derive(Debug, thiserror::Error)]
pub enum Unreadable {
    #[error("not a regular file (a FIFO, a device or a folder)")]
    NotRegular,
    #[error("{len} bytes, more than the {max} {what} may have")]
    TooLarge {
        len: u64,
        max: u64,
        what: &'static str,
    },
    /// The system refused (no such file, no permission...).
    #[error(transparent)]
    Io(#[from] io::Error),
}

impl From<Unreadable> for io::Error {
    fn from(unreadable: Unreadable) -> io::Error {
        match unreadable {
            Unreadable::Io(error) => error,
            refused => io::Error::other(refused),
        }
    }
}

/// The bytes of the regular file at `path`, of at most `max_bytes`; `what`
/// names the file in the error ("a lesson file").
pub fn read_regular(
    path: &Path,
    max_bytes: u64,
    what: &'static str,
) -> Result<Vec<u8>, Unreadable> {
    check_regular(path, max_bytes, what)?;
    Ok(fs::read(path)?)
}

/// Whether `path` is a regular file of at most `max_bytes`, for a reader
/// that opens it itself (the line editor's history).
pub fn check_regular(path: &Path, max_bytes: u64, what: &'static str) -> Result<(), Unreadable> {
    let metadata = fs::metadata(path)?;
    if !metadata.is_file() {
        return Err(Unreadable::NotRegular);
    }
    if metadata.len() > max_bytes {
        return Err(Unreadable::TooLarge {
            len: metadata.len(),
            max: max_bytes,
            what,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_is_refused_at_once_and_a_file_over_the_cap_too() {
        let dir = tempfile::tempdir().unwrap();
        let error = read_regular(dir.path(), 10, "a test file").unwrap_err();
        assert!(matches!(error, Unreadable::NotRegular), "{error:?}");
        assert_eq!(
            error.to_string(),
            "not a regular file (a FIFO, a device or a folder)"
        );
        let missing = read_regular(&dir.path().join("none"), 10, "a test file").unwrap_err();
        assert_eq!(io::Error::from(missing).kind(), io::ErrorKind::NotFound);
        let file = dir.path().join("f");
        fs::write(&file, "12345678901").unwrap();
        let error = read_regular(&file, 10, "a test file").unwrap_err();
        assert_eq!(
            error.to_string(),
            "11 bytes, more than the 10 a test file may have"
        );
        assert_eq!(
            read_regular(&file, 11, "a test file").unwrap(),
            b"12345678901"
        );
    }
}
