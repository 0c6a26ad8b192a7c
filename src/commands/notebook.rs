//! `avance notebook LESSON|--all -o DIR`: one `.ipynb` per lesson for the
//! evcxr Rust kernel, loading `avance` by a path relative to DIR (or
//! `--avance-path`); nothing is overwritten without `--force`.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, Result, anyhow};
use clap::Args;
use colored::Colorize;

use super::Context;
use crate::{deps, notebook};

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
    /// Where the notebooks' first cell finds the `avance` crate (a relative
    /// path starts from the notebooks' folder, where Jupyter runs the
    /// kernel); by default this program's source, relative to DIR.
    #[arg(long, value_name = "PATH")]
    avance_path: Option<PathBuf>,
    /// Run every notebook on the evcxr kernel (Jupyter's nbclient) and keep
    /// each cell's outputs, so it opens with its results.
    #[arg(long)]
    execute: bool,
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
        let avance = match &self.avance_path {
            Some(path) => path.clone(),
            None => deps::source_at_hand().map_err(|missing| {
                anyhow!("{missing}; pass --avance-path PATH, a copy of avance's source")
            })?,
        };
        super::create_dir(&self.output)?;
        // This program's source, as the notebooks' folder reaches it, so
        // that the folder and the source can move together.
        let avance = if self.avance_path.is_some() {
            avance
        } else {
            let folder = self
                .output
                .canonicalize()
                .with_context(|| format!("cannot resolve {}", self.output.display()))?;
            notebook::relative_path(&folder, &avance)
        };
        let notebooks: Vec<_> = lessons
            .iter()
            .map(|lesson| notebook::notebook(lesson, &avance))
            .collect();
        let mut out = io::stdout();
        for (notebook, target) in notebooks.iter().zip(&targets) {
            notebook::write(target, notebook)
                .with_context(|| format!("cannot write {}", target.display()))?;
            writeln!(out, "{} {}", "wrote".green().bold(), target.display())?;
        }
        if self.execute {
            notebook::execute(&self.output, &targets)?;
        }
        Ok(ExitCode::SUCCESS)
    }
}
