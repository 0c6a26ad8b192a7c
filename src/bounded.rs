//! Reading a file the program did not write (a lesson, an included file,
//! the progress file) without trusting it: a regular file only, so that a
//! FIFO or a device is an error at once instead of a hang, and at most a
//! given size, so that `/dev/zero` or a huge file cannot eat the memory.

use std::fs;
use std::io;
use std::path::Path;

/// The bytes of the regular file at `path`, of at most `max_bytes`; `what`
/// names the file in the error ("a lesson file").
pub fn read_regular(path: &Path, max_bytes: u64, what: &str) -> io::Result<Vec<u8>> {
    let metadata = fs::metadata(path)?;
    if !metadata.is_file() {
        return Err(io::Error::other(
            "not a regular file (a FIFO, a device or a folder)",
        ));
    }
    if metadata.len() > max_bytes {
        return Err(io::Error::other(format!(
            "{} bytes, more than the {max_bytes} {what} may have",
            metadata.len()
        )));
    }
    fs::read(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_is_refused_at_once_and_a_file_over_the_cap_too() {
        let dir = tempfile::tempdir().unwrap();
        let error = read_regular(dir.path(), 10, "a test file").unwrap_err();
        assert_eq!(
            error.to_string(),
            "not a regular file (a FIFO, a device or a folder)"
        );
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
