//! `avance present LESSON[/SLIDE]`: the instructor's full-screen view.

use std::process::ExitCode;

use anyhow::{Result, bail};
use clap::Args;

use super::Context;

#[derive(Debug, Args)]
pub(super) struct PresentArgs {
    /// LESSON, or LESSON/SLIDE to start there (e.g. underscore, 1/3).
    lesson: String,
    /// Start at this slide (1-based).
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..))]
    slide: Option<u16>,
}

impl PresentArgs {
    pub(super) fn run(self, context: &Context) -> Result<ExitCode> {
        let catalog = context.catalog()?;
        let (index, in_target) = catalog.locate(&self.lesson)?;
        let lesson = &catalog.lessons()[index];
        let start = match self.slide {
            Some(n) if usize::from(n) > lesson.slides.len() => bail!(crate::tr!(
                "lookup-slide-out-of-range",
                lesson = lesson.id.as_str(),
                slide = n.to_string(),
                count = lesson.slides.len()
            )),
            Some(n) => usize::from(n) - 1,
            None => in_target.unwrap_or(0),
        };
        super::need_terminal(&crate::tr!(
            "present-needs-terminal",
            lesson = self.lesson.as_str()
        ))?;
        crate::present::present(lesson, &context.registry, start)?;
        Ok(ExitCode::SUCCESS)
    }
}
