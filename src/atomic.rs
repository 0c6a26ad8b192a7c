//! Writing a file whole or not at all: the text goes into a temporary file
//! with a unique name, created in the destination folder by tempfile (it
//! opens with `O_EXCL`, so a symlink or FIFO planted under a predictable
//! name is never followed), then renamed over the destination. A reader
//! never sees half a file, and a planted link is replaced, not written
//! through. The temporary file is named after its destination
//! (`.progress.json.XXXXXX.tmp`), so that a writer holding the
//! destination's lock knows which left-overs are its own.

use std::io::{self, Write};
use std::path::Path;

/// A temporary file older than this is left over from a killed run (a
/// save takes milliseconds, so another session's is never this old).
const LEFT_OVER: std::time::Duration = std::time::Duration::from_secs(60);

/// Removes the temporary files of [`write`] that a killed run left beside
/// `locked`: its own whatever their age (the caller holds its lock, so no
/// save of it is under way), any other's once older than [`LEFT_OVER`].
/// What cannot be read or removed is left alone.
pub fn sweep(locked: &Path) {
    let Some(dir) = locked.parent() else {
        return;
    };
    let own = temporary_prefix(locked);
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let temporary = name.ends_with(".tmp") || name.starts_with(".tmp");
        let old = || {
            entry
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|time| time.elapsed().is_ok_and(|age| age > LEFT_OVER))
        };
        let left_over =
            temporary && (own.as_ref().is_some_and(|own| name.starts_with(own)) || old());
        if left_over && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// `.progress.json.`: how the temporary files of `path` begin.
fn temporary_prefix(path: &Path) -> Option<String> {
    Some(format!(".{}.", path.file_name()?.to_string_lossy()))
}

/// Replaces `path` with `bytes`, creating its folder if needed.
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir)?;
    let mut file = tempfile::Builder::new()
        .prefix(temporary_prefix(path).as_deref().unwrap_or(".tmp"))
        .suffix(".tmp")
        .tempfile_in(dir)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{LEFT_OVER, sweep, write};

    #[test]
    fn a_killed_run_s_temporary_files_are_swept_a_fresh_one_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join(".tmpAbC123");
        let fresh = dir.path().join(".history.XyZ789.tmp");
        let own = dir.path().join(".progress.json.QwE456.tmp");
        let kept = dir.path().join("progress.json");
        for path in [&old, &fresh, &own, &kept] {
            std::fs::write(path, "{").unwrap();
        }
        let long_ago = std::time::SystemTime::now() - LEFT_OVER * 2;
        for path in [&old, &kept] {
            std::fs::File::options()
                .write(true)
                .open(path)
                .unwrap()
                .set_modified(long_ago)
                .unwrap();
        }
        sweep(&kept);
        // another file's fresh temporary file may be a save under way
        assert!(!old.exists() && !own.exists() && fresh.exists() && kept.exists());
    }

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
