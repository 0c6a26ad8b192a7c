//! The `avance` program. The snippets of the lessons are compiled here, in
//! the binary, where the library is the external crate `avance`: a snippet
//! writes `avance::...` exactly as a user would in evcxr or a notebook.

use std::process::ExitCode;

include!(concat!(env!("OUT_DIR"), "/snippets.rs"));

fn main() -> ExitCode {
    // First: when evcxr starts this program as its child (the process that
    // runs the student's live code, or its rustc wrapper), it never returns.
    evcxr::runtime_hook();
    avance::commands::main(avance::run::Registry::new(SNIPPETS))
}
