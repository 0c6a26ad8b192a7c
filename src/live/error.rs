//! Why live Rust cannot answer: the REPL says it in one line and carries
//! on, the slides' compiled snippets still running with `:run`.

use std::path::PathBuf;

/// Why live Rust did not start, stopped, or could not do what was asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LiveError {
    #[error("live Rust has not started")]
    NotStarted,
    #[error("live Rust is off ({var}={value}); commands still work")]
    Off { var: &'static str, value: String },
    #[error(
        "live Rust needs a Rust toolchain ({} not found on PATH; https://rustup.rs); the slides' compiled snippets still run with :run",
        .missing.join(" and ")
    )]
    NoToolchain { missing: Vec<&'static str> },
    #[error("live Rust cannot use its build folder {}: {reason}", .path.display())]
    BuildFolder { path: PathBuf, reason: String },
    #[error("cannot start live Rust's thread: {0}")]
    Thread(String),
    #[error("cannot find this program's path: {0}")]
    ProgramPath(String),
    /// evcxr's own words: it could not start, or refused a command.
    #[error("evcxr: {0}")]
    Evcxr(String),
    #[error("cannot load the lessons' crates: {0}")]
    Crates(String),
    #[error("live Rust could not start ({0})")]
    CouldNotStart(Box<LiveError>),
    #[error("live Rust stopped unexpectedly")]
    Stopped,
}
