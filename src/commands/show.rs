//! `avance show LESSON[/SLIDE]`: a lesson, or one slide, printed as the REPL
//! shows it, the course's Python included and long code folded to fit 40
//! rows unless `--full` asks for every line.

use std::io;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;

use super::Context;
use crate::catalog::Catalog;
use crate::lesson::Lesson;
use crate::render::code::Fold;
use crate::render::{self, View};

#[derive(Debug, Args)]
pub(super) struct ShowArgs {
    target: String,
    /// Include the speaker notes.
    #[arg(long)]
    notes: bool,
    /// Show long code blocks whole instead of their first lines.
    #[arg(long)]
    full: bool,
}

impl ShowArgs {
    pub(super) fn run(self, context: &Context) -> Result<ExitCode> {
        let catalog = context.catalog()?;
        let (lesson, slides) = slides_of(&catalog, &self.target)?;
        let view = View {
            python: true,
            notes: self.notes,
            outputs: true,
            fold: if self.full {
                Fold::Whole
            } else {
                Fold::Fit { more: "--full" }
            },
        };
        // Each slide folded to fit 40 rows, the height the course is written for.
        let size = render::Size {
            columns: textwrap::termwidth(),
            rows: 40,
        };
        let mut out = io::stdout();
        for index in slides {
            render::slide(&mut out, lesson, &lesson.slides[index], view, size)?;
        }
        Ok(ExitCode::SUCCESS)
    }
}

/// The slides a `LESSON[/SLIDE]` target names.
pub(super) fn slides_of<'a>(
    catalog: &'a Catalog,
    target: &str,
) -> Result<(&'a Lesson, Vec<usize>)> {
    let (lesson, slide) = catalog.locate(target)?;
    let lesson = &catalog.lessons()[lesson];
    let slides = match slide {
        Some(slide) => vec![slide],
        None => (0..lesson.slides.len()).collect(),
    };
    Ok((lesson, slides))
}
