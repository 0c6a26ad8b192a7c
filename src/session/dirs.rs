//! Where avance keeps the student's files: progress in the state directory,
//! REPL history in the data directory, settings in the config directory
//! (XDG on Linux, the platform's own elsewhere). `AVANCE_HOME` puts them
//! all in one folder, for tests and for
//! students who want their progress beside their work.

use std::path::PathBuf;

use directories::ProjectDirs;

/// The folders for progress and history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dirs {
    pub state: PathBuf,
    pub data: PathBuf,
    /// Where the student's settings are (`config.toml`).
    pub config: PathBuf,
}

impl Dirs {
    /// From `AVANCE_HOME`, else the platform's directories; `None` when the
    /// platform has no home directory (progress then lives in memory only).
    pub fn locate() -> Option<Dirs> {
        if let Some(home) = std::env::var_os("AVANCE_HOME").filter(|home| !home.is_empty()) {
            let home = PathBuf::from(home);
            return Some(Dirs {
                state: home.clone(),
                data: home.clone(),
                config: home,
            });
        }
        let project = ProjectDirs::from("", "", "avance")?;
        let state = project
            .state_dir()
            .unwrap_or_else(|| project.data_local_dir())
            .to_path_buf();
        Some(Dirs {
            state,
            data: project.data_dir().to_path_buf(),
            config: project.config_dir().to_path_buf(),
        })
    }

    pub fn history(&self) -> PathBuf {
        self.data.join("history.txt")
    }

    /// The student's answers to exercises, one file each.
    pub fn answers(&self) -> PathBuf {
        self.state.join("exercises")
    }

    pub fn config_file(&self) -> PathBuf {
        self.config.join("config.toml")
    }
}
