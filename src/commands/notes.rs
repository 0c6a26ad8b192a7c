//! `avance notes LESSON`: the speaker's view, for a second terminal beside
//! `avance present`.

use std::process::ExitCode;

use anyhow::Result;
use clap::Args;

use super::Context;

#[derive(Debug, Args)]
pub(super) struct NotesArgs {
    lesson: String,
}

impl NotesArgs {
    pub(super) fn run(self, context: &Context) -> Result<ExitCode> {
        let catalog = context.catalog()?;
        let lesson = &catalog.lessons()[catalog.find(&self.lesson)?];
        super::need_terminal(&crate::tr!("notes-needs-terminal"))?;
        crate::present::notes::notes(lesson)?;
        Ok(ExitCode::SUCCESS)
    }
}
