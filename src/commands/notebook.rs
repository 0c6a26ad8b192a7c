//! `avance notebook LESSON|--all -o DIR`: one `.ipynb` per lesson for the
//! evcxr Rust kernel; nothing is overwritten without `--force`.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, Result};
use clap::Args;
use colored::Colorize;

use super::Context;
use crate::notebook;

#[derive(Debug, Args)]
pub(super) struct NotebookArgs {
    /// The lesson to export (e.g. underscore, 1).
    #[arg(required_unless_present = "all", conflicts_with = "all")]
    lesson: Option<String>,
    /// Export every lesson.
    #[arg(long)]
    all: bool,
    /// Write NN-slug.ipynb files into this folder (created if missing).
    #[arg(short, long, value_name = "DIR")]
    output: PathBuf,
    /// Overwrite files that exist already.
    #[arg(long)]
    force: bool,
}

impl NotebookArgs {
    pub(super) fn run(self, context: &Context) -> Result<ExitCode> {
        let catalog = context.catalog()?;
        let lessons = super::lessons_of(&catalog, self.lesson.as_deref())?;
        let targets: Vec<PathBuf> = lessons
            .iter()
            .map(|lesson| self.output.join(notebook::file_name(lesson)))
            .collect();
        super::refuse_overwrite(&targets, self.force)?;
        let notebooks = lessons
            .iter()
            .map(|lesson| notebook::notebook(lesson))
            .collect::<Result<Vec<_>, _>>()
            .context("a notebook's first cell loads avance from its source")?;
        super::create_dir(&self.output)?;
        let mut out = io::stdout();
        for (notebook, target) in notebooks.iter().zip(&targets) {
            notebook::write(target, notebook)
                .with_context(|| format!("cannot write {}", target.display()))?;
            writeln!(out, "{} {}", "wrote".green().bold(), target.display())?;
        }
        Ok(ExitCode::SUCCESS)
    }
}
