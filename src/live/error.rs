//! Why live Rust cannot answer: the REPL says it in one line and carries
//! on, the slides' compiled snippets still running with `:run`.

use std::fmt;
use std::path::PathBuf;

use crate::tr;

/// Why live Rust did not start, stopped, or could not do what was asked;
/// said in the course's language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LiveError {
    NotStarted,
    Off {
        var: &'static str,
        value: String,
    },
    NoToolchain {
        missing: Vec<&'static str>,
    },
    BuildFolder {
        path: PathBuf,
        reason: String,
    },
    Thread(String),
    ProgramPath(String),
    /// evcxr's own words: it could not start, or refused a command.
    Evcxr(String),
    Crates(String),
    CouldNotStart(Box<LiveError>),
    Stopped,
}

impl fmt::Display for LiveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            LiveError::NotStarted => tr!("live-not-started"),
            LiveError::Off { var, value } => tr!("live-off", var = *var, value = value.as_str()),
            LiveError::NoToolchain { missing } => tr!(
                "live-no-toolchain",
                missing = missing.join(&format!(" {} ", tr!("word-and")))
            ),
            LiveError::BuildFolder { path, reason } => tr!(
                "live-build-folder",
                path = path.display().to_string(),
                reason = reason.as_str()
            ),
            LiveError::Thread(why) => tr!("live-thread", why = why.as_str()),
            LiveError::ProgramPath(why) => tr!("live-program-path", why = why.as_str()),
            LiveError::Evcxr(said) => format!("evcxr: {said}"),
            LiveError::Crates(why) => tr!("live-crates", why = why.as_str()),
            LiveError::CouldNotStart(why) => tr!("live-could-not-start", why = why.to_string()),
            LiveError::Stopped => tr!("live-stopped"),
        };
        f.write_str(&text)
    }
}
