//! What a snippet's own `fn main` may return, turned into one result, as
//! `std::process::Termination` does for a real `main`.

use std::fmt::Debug;

/// Implemented for `()` and `Result<T, E: Debug>`, the two things a `main` returns.
pub trait Outcome {
    fn into_outcome(self) -> Result<(), String>;
}

impl Outcome for () {
    fn into_outcome(self) -> Result<(), String> {
        Ok(())
    }
}

impl<T, E: Debug> Outcome for Result<T, E> {
    fn into_outcome(self) -> Result<(), String> {
        self.map(|_| ())
            .map_err(|error| format!("Error: {error:?}"))
    }
}
