//! avance teaches an advanced-Python course as an interactive terminal
//! tutorial: each slide shows a Python idiom beside its Rust equivalent, and
//! the Rust runs.
//!
//! Without features the library holds what the lessons' code calls, and
//! what `:dep avance` gives live Rust and notebooks (`default-features =
//! false`): the timed engines ([`conv`], [`elementwise`], [`parallel`]),
//! [`timeit`], the course's example crate and the machine's description.
//! The default feature `cli` adds the course itself, compiled in: the lesson
//! model and parser ([`lesson`]), the catalog of lessons ([`catalog`]), the
//! snippet registry ([`run`]), and the terminal program (sessions and
//! progress, rendering, the REPL, `avance check`, the command line), with
//! the crates the lessons' snippets use. Light, the library compiles in
//! seconds, which is what live Rust's first input waits for.

pub mod conv;
pub mod elementwise;
pub mod example_crate;
pub mod machine;
pub mod measure;
pub mod parallel;
#[cfg(feature = "profile")]
pub mod profile;
pub mod report;
pub mod timeit;

#[cfg(feature = "cli")]
pub mod atomic;
#[cfg(feature = "bench")]
pub mod bench;
#[cfg(feature = "cli")]
pub mod bounded;
#[cfg(feature = "cli")]
pub mod catalog;
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
pub mod lesson;
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
pub mod run;
#[cfg(feature = "cli")]
pub mod rustc;
#[cfg(feature = "cli")]
pub mod session;
#[cfg(feature = "cli")]
pub mod verdict;
#[cfg(feature = "cli")]
pub mod view;
