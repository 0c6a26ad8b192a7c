//! `avance run LESSON[/SLIDE]`: each slide's Rust and what it prints, run
//! in this process and judged as `check` judges it.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;
use colored::Colorize;

use super::Context;
use crate::{play, render};

#[derive(Debug, Args)]
pub(super) struct RunArgs {
    target: String,
}

impl RunArgs {
    pub(super) fn run(self, context: &Context) -> Result<ExitCode> {
        let catalog = context.catalog()?;
        let (lesson, slides) = super::show::slides_of(&catalog, &self.target)?;
        // Not locked: a snippet's own threads must be able to print while it runs.
        let mut out = io::stdout();
        if slides
            .iter()
            .all(|&index| lesson.slides[index].snippets().next().is_none())
        {
            writeln!(
                out,
                "{}",
                format!("no Rust to run in {}", self.target).dimmed()
            )?;
        }
        let mut failures = 0;
        for index in slides {
            for snippet in lesson.slides[index].snippets() {
                render::code_block(
                    &mut out,
                    &format!("Rust · {}", snippet.id),
                    "rust",
                    &snippet.visible_code(),
                )?;
                if play::play(&mut out, &context.registry, snippet)?.failed() {
                    failures += 1;
                }
            }
        }
        Ok(if failures == 0 {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        })
    }
}
