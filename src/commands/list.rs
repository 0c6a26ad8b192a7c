//! `avance list`: the lessons with their slide counts and the student's progress.

use std::io;
use std::process::ExitCode;

use anyhow::Result;

use super::Context;
use crate::render;
use crate::session::Session;

pub(super) fn run(context: &Context) -> Result<ExitCode> {
    let (session, warnings) = Session::resume(context.catalog()?, super::progress_store());
    for warning in warnings {
        super::warn(&warning);
    }
    let current = session
        .progress()
        .current
        .as_ref()
        .map(|p| p.lesson.as_str());
    render::lesson_list(
        &mut io::stdout(),
        session.catalog().lessons(),
        session.progress(),
        current,
    )?;
    Ok(ExitCode::SUCCESS)
}
