//! Build script: parses every lesson with the crate's own parser
//! (`src/lesson`, compiled here through `#[path]`) and generates
//!
//! - `$OUT_DIR/embedded.rs`, for the library: the lesson texts and the files
//!   they include, embedded so the program needs no files at run time;
//! - `$OUT_DIR/catalogs.rs`: the translations, `po/LANG.po`, embedded the
//!   same way;
//! - `$OUT_DIR/snippets.rs` and one module per runnable rust fence under
//!   `$OUT_DIR/lessons/`, for the binary: the snippets compiled in, each
//!   registered under its id. A snippet that does not compile fails the
//!   build with an error in `lessons/NN-slug.md/slide-N.rs` at the lesson
//!   file's own line number.
//!
//! All of it is the terminal program's (feature `cli`, `build/course.rs`):
//! `:dep avance` with `default-features = false`, for live Rust and
//! notebooks, compiles neither the lessons nor their parser.

#[cfg(feature = "cli")]
#[path = "build/course.rs"]
mod course;

fn main() {
    #[cfg(feature = "cli")]
    course::generate();
}
