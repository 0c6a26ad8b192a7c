//! The student's progress on disk: where they stopped, which slides they
//! saw and which snippets they ran, in `progress.json` in the user's state
//! directory. Written atomically (a temporary file renamed over the old one)
//! after every move, so a crash or Ctrl-C never leaves half a file.
//!
//! Two sessions on one home both keep what they did: each save takes a lock
//! (`progress.json.lock`), reads what the other saved, adds it to its own
//! and writes the union. A corrupt file is kept aside rather than
//! overwritten, and a directory that cannot be written is reported once:
//! progress is never worth a crash.

use std::collections::{BTreeMap, BTreeSet};
use std::fs::{self, File, OpenOptions};
use std::io::{self, ErrorKind};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::bounded::Unreadable;
use crate::tr;

/// What is saved between sessions.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    /// The lesson id and 1-based slide the student was on.
    pub current: Option<Position>,
    #[serde(default)]
    pub lessons: BTreeMap<String, LessonProgress>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    pub lesson: String,
    pub slide: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonProgress {
    /// 1-based numbers of the slides seen.
    #[serde(default)]
    pub seen: BTreeSet<usize>,
    /// Ids of the snippets run.
    #[serde(default)]
    pub run: BTreeSet<String>,
    /// The exercises solved (their hidden tests passed), each with the
    /// day it was first solved, `2026-12-07`; absent in files written
    /// before exercises existed, a plain list of ids in files written
    /// before the day was kept (read with no day).
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "solved_with_days"
    )]
    pub solved: BTreeMap<String, String>,
}

/// Reads `solved` as `{id: day}`, or as the older `[id, ...]`.
fn solved_with_days<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<BTreeMap<String, String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Solved {
        WithDays(BTreeMap<String, String>),
        Ids(BTreeSet<String>),
    }
    Ok(match Solved::deserialize(deserializer)? {
        Solved::WithDays(days) => days,
        Solved::Ids(ids) => ids.into_iter().map(|id| (id, String::new())).collect(),
    })
}

impl Progress {
    /// Adds what `other` saw, ran and solved to this progress; where the
    /// student is stays this session's, unless it has none.
    pub fn absorb(&mut self, other: Progress) {
        for (id, theirs) in other.lessons {
            let mine = self.lessons.entry(id).or_default();
            mine.seen.extend(theirs.seen);
            mine.run.extend(theirs.run);
            for (id, day) in theirs.solved {
                mine.solved.entry(id).or_insert(day);
            }
        }
        if self.current.is_none() {
            self.current = other.current;
        }
    }
}

/// The largest progress file read: a whole course's is a few kilobytes.
const MAX_PROGRESS_BYTES: u64 = 1 << 20;

/// Something the student should know about their progress file; never
/// fatal. Said in the course's language.
#[derive(Debug)]
pub enum ProgressWarning {
    Corrupt {
        path: PathBuf,
        reason: String,
        kept: PathBuf,
    },
    Unreadable {
        path: PathBuf,
        reason: String,
    },
    CorruptNotKept {
        path: PathBuf,
        reason: String,
    },
    Unwritable {
        path: PathBuf,
        reason: String,
    },
}

impl std::fmt::Display for ProgressWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let shown = |path: &PathBuf| path.display().to_string();
        let text = match self {
            ProgressWarning::Corrupt { path, reason, kept } => tr!(
                "progress-corrupt",
                path = shown(path),
                reason = reason.as_str(),
                kept = shown(kept)
            ),
            ProgressWarning::Unreadable { path, reason } => tr!(
                "progress-unreadable",
                path = shown(path),
                reason = reason.as_str()
            ),
            ProgressWarning::CorruptNotKept { path, reason } => tr!(
                "progress-corrupt-not-kept",
                path = shown(path),
                reason = reason.as_str()
            ),
            ProgressWarning::Unwritable { path, reason } => tr!(
                "progress-unwritable",
                path = shown(path),
                reason = reason.as_str()
            ),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for ProgressWarning {}

/// Reads and writes `progress.json` in one directory.
#[derive(Debug)]
pub struct ProgressStore {
    path: PathBuf,
    /// Set after the first failed write, so the warning is given once.
    write_failed: bool,
}

impl ProgressStore {
    pub fn in_dir(dir: &Path) -> Self {
        ProgressStore {
            path: dir.join("progress.json"),
            write_failed: false,
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The saved progress, or a fresh one with a warning saying why. The
    /// temporary files of saves that a killed session left go first, under
    /// the lock, so that no other session's save is under way.
    pub fn load(&self) -> (Progress, Option<ProgressWarning>) {
        let lock = self.lock();
        if lock.is_ok() {
            crate::atomic::sweep(&self.path);
        }
        match self.read() {
            Read::Nothing => (Progress::default(), None),
            Read::Progress(progress) => (progress, None),
            Read::Unreadable(reason) => {
                let warning = ProgressWarning::Unreadable {
                    path: self.path.clone(),
                    reason,
                };
                (Progress::default(), Some(warning))
            }
            Read::Corrupt(reason) => (Progress::default(), Some(self.corrupt(reason))),
        }
    }

    /// The file as it is now.
    fn read(&self) -> Read {
        let text =
            match crate::bounded::read_regular(&self.path, MAX_PROGRESS_BYTES, "a progress file") {
                Ok(bytes) => bytes,
                // No file, or no folder yet (a file in its way): nothing saved;
                // saving will say what is wrong, if anything.
                Err(Unreadable::Io(e))
                    if matches!(e.kind(), ErrorKind::NotFound | ErrorKind::NotADirectory) =>
                {
                    return Read::Nothing;
                }
                Err(Unreadable::Io(e)) => return Read::Unreadable(e.to_string()),
                // Too large, or not a file: what it holds is not progress.
                Err(refused) => return Read::Corrupt(refused.to_string()),
            };
        match serde_json::from_slice(&text) {
            Ok(progress) => Read::Progress(progress),
            Err(e) => Read::Corrupt(e.to_string()),
        }
    }

    fn corrupt(&self, reason: String) -> ProgressWarning {
        let kept = (0..)
            .map(|n| match n {
                0 => self.path.with_extension("json.corrupt"),
                n => self.path.with_extension(format!("json.corrupt.{n}")),
            })
            .find(|candidate| !candidate.exists())
            .expect("some name is free");
        match fs::rename(&self.path, &kept) {
            Ok(()) => ProgressWarning::Corrupt {
                path: self.path.clone(),
                reason,
                kept,
            },
            Err(_) => ProgressWarning::CorruptNotKept {
                path: self.path.clone(),
                reason,
            },
        }
    }

    /// Saves atomically, with what another session saved since added to
    /// `progress`. The first failure is returned as a warning; later ones
    /// are silent, since the student already knows.
    pub fn save(&mut self, progress: &mut Progress) -> Option<ProgressWarning> {
        match self.write(progress) {
            Ok(()) => {
                self.write_failed = false;
                None
            }
            Err(reason) if !self.write_failed => {
                self.write_failed = true;
                Some(ProgressWarning::Unwritable {
                    path: self.path.clone(),
                    reason: reason.to_string(),
                })
            }
            Err(_) => None,
        }
    }

    /// Whether the last save failed.
    pub fn failing(&self) -> bool {
        self.write_failed
    }

    /// Under the lock: read, merge, write.
    fn write(&self, progress: &mut Progress) -> io::Result<()> {
        // `AVANCE_HOME=new-folder` or a first run: the folder is made.
        if let Some(folder) = self.path.parent() {
            std::fs::create_dir_all(folder)?;
        }
        let _lock = self.lock()?;
        match self.read() {
            Read::Progress(theirs) => progress.absorb(theirs),
            // Saved over, but kept aside first, as at start.
            Read::Corrupt(reason) => drop(self.corrupt(reason)),
            Read::Nothing | Read::Unreadable(_) => {}
        }
        let mut text = serde_json::to_vec_pretty(progress)?;
        text.push(b'\n');
        crate::atomic::write(&self.path, &text)
    }

    /// The lock that makes read, merge and write one step between two
    /// sessions; released when the file is dropped. A link planted in its
    /// place is not followed.
    fn lock(&self) -> io::Result<File> {
        let mut options = OpenOptions::new();
        options.create(true).write(true).truncate(false);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.custom_flags(libc::O_NOFOLLOW);
        }
        let file = options.open(self.path.with_extension("json.lock"))?;
        file.lock()?;
        Ok(file)
    }
}

/// What the progress file holds now.
enum Read {
    Nothing,
    Progress(Progress),
    Unreadable(String),
    Corrupt(String),
}

#[cfg(test)]
mod tests;
