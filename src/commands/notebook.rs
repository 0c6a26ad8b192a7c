//! `avance notebook LESSON|--all -o DIR`: one `.ipynb` per lesson for the
//! evcxr Rust kernel, loading `avance` by a path relative to DIR (or
//! `--avance-path`, or a copy of the light crate written beside them with
//! `--vendor`), and with `--python` each lesson's Python as a notebook for
//! the Python kernel beside it; nothing is overwritten without `--force`.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, Result, anyhow};
use clap::Args;
use colored::Colorize;

use super::Context;
use crate::deps;
use crate::notebook::{self, python, vendor};

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
    /// Copy the light `avance` crate into DIR/avance and load it from there,
    /// so that DIR can be zipped and handed out whole.
    #[arg(long, conflicts_with = "avance_path")]
    vendor: bool,
    /// Also write each lesson's Python as a notebook for the Python kernel,
    /// NN-slug.python.ipynb beside the Rust one.
    #[arg(long)]
    python: bool,
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
        let python_targets: Vec<PathBuf> = lessons
            .iter()
            .filter(|_| self.python)
            .map(|lesson| self.output.join(python::file_name(lesson)))
            .collect();
        let copy = self.output.join(vendor::FOLDER).join("Cargo.toml");
        let written_over =
            (targets.iter().chain(&python_targets)).chain(self.vendor.then_some(&copy));
        super::refuse_overwrite(&written_over.cloned().collect::<Vec<_>>(), self.force)?;
        let source = self.source()?;
        super::create_dir(&self.output)?;
        let avance = self.avance_for_notebooks(source.as_deref())?;
        let rust = lessons
            .iter()
            .map(|lesson| notebook::notebook(lesson, &avance));
        let python = lessons
            .iter()
            .filter(|_| self.python)
            .map(|l| python::notebook(l));
        let notebooks: Vec<_> = rust.chain(python).collect();
        let targets: Vec<PathBuf> = targets.into_iter().chain(python_targets).collect();
        let mut out = io::stdout();
        for (notebook, target) in notebooks.iter().zip(&targets) {
            notebook::write(target, notebook)
                .with_context(|| crate::tr!("cannot-write", path = target.display().to_string()))?;
            writeln!(
                out,
                "{} {}",
                crate::tr!("wrote").green().bold(),
                target.display()
            )?;
        }
        if self.execute {
            notebook::execute(&self.output, &targets)?;
        }
        Ok(ExitCode::SUCCESS)
    }

    /// This program's source, which the notebooks name or `--vendor`
    /// copies; none with `--avance-path`.
    fn source(&self) -> Result<Option<PathBuf>> {
        if self.avance_path.is_some() {
            return Ok(None);
        }
        let source = deps::source_at_hand().map_err(|missing| {
            if self.vendor {
                anyhow!("{missing}, and --vendor copies the light crate from it; pass --avance-path PATH instead, a copy of avance's source")
            } else {
                anyhow!("{missing}; pass --avance-path PATH, a copy of avance's source")
            }
        })?;
        Ok(Some(source))
    }

    /// The path the notebooks' `:dep avance` names: `--avance-path` as
    /// given; the copy `--vendor` writes, `avance` beside them; or this
    /// program's `source`, relative to DIR, so that the folder and the
    /// source can move together.
    fn avance_for_notebooks(&self, source: Option<&Path>) -> Result<PathBuf> {
        let (Some(source), None) = (source, &self.avance_path) else {
            return Ok(self.avance_path.clone().unwrap_or_default());
        };
        if self.vendor {
            let copy = self.output.join(vendor::FOLDER);
            vendor::vendor(source, &copy)?;
            writeln!(
                io::stdout(),
                "{} {}",
                crate::tr!("wrote").green().bold(),
                copy.display()
            )?;
            return Ok(PathBuf::from(vendor::FOLDER));
        }
        let folder = self
            .output
            .canonicalize()
            .with_context(|| format!("cannot resolve {}", self.output.display()))?;
        Ok(notebook::relative_path(&folder, source))
    }
}
