//! avance teaches an advanced-Python course as an interactive terminal
//! tutorial: each slide shows a Python idiom beside its Rust equivalent, and
//! the Rust runs.
//!
//! The library holds the lesson model and parser ([`lesson`]), the catalog
//! of lessons ([`catalog`]) and the snippet registry ([`run`]); with the
//! default feature `cli` it also holds the terminal program: sessions and
//! progress, rendering, the REPL, `avance check` and the command line. With
//! `default-features = false` (as `:dep avance` in evcxr does) it stays light.

pub mod bounded;
pub mod catalog;
pub mod conv;
pub mod elementwise;
pub mod example_crate;
pub mod lesson;
pub mod machine;
pub mod measure;
pub mod parallel;
#[cfg(feature = "profile")]
pub mod profile;
pub mod report;
pub mod run;
pub mod timeit;
pub mod view;

#[cfg(feature = "cli")]
pub mod atomic;
#[cfg(feature = "bench")]
pub mod bench;
#[cfg(feature = "cli")]
pub mod check;
#[cfg(feature = "cli")]
pub mod child;
#[cfg(feature = "cli")]
pub mod commands;
#[cfg(feature = "cli")]
pub mod deps;
#[cfg(feature = "cli")]
pub mod export;
#[cfg(feature = "cli")]
pub mod grade;
#[cfg(feature = "cli")]
pub mod i18n;
#[cfg(feature = "cli")]
pub mod interrupt;
#[cfg(feature = "cli")]
pub mod live;
#[cfg(feature = "cli")]
pub mod notebook;
#[cfg(feature = "cli")]
pub mod play;
#[cfg(feature = "cli")]
pub mod present;
#[cfg(feature = "cli")]
pub mod python;
#[cfg(feature = "cli")]
pub mod render;
#[cfg(feature = "cli")]
pub mod repl;
#[cfg(feature = "cli")]
pub mod rustc;
#[cfg(feature = "cli")]
pub mod session;
#[cfg(feature = "cli")]
pub mod verdict;
