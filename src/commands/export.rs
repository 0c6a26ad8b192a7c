//! `avance export LESSON|--all --html DIR`: self-contained HTML slides, each
//! snippet's output captured now; nothing is overwritten without `--force`,
//! and that is decided before anything runs.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context as _, Result};
use clap::Args;
use colored::Colorize;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::Context;
use crate::export;
use crate::lesson::Lesson;
use crate::tr;

#[derive(Debug, Args)]
pub(super) struct ExportArgs {
    /// The lesson to export (e.g. underscore, 1).
    #[arg(required_unless_present = "all", conflicts_with = "all")]
    lesson: Option<String>,
    /// Export every lesson, and an index.html linking them.
    #[arg(long)]
    all: bool,
    /// Write NN-slug.html files into this folder (created if missing).
    #[arg(long, value_name = "DIR")]
    html: PathBuf,
    /// Overwrite files that exist already.
    #[arg(long)]
    force: bool,
}

impl ExportArgs {
    pub(super) fn run(self, context: &Context) -> Result<ExitCode> {
        let catalog = context.catalog()?;
        let lessons = super::lessons_of(&catalog, self.lesson.as_deref())?;
        let pages: Vec<PathBuf> = lessons
            .iter()
            .map(|lesson| self.html.join(export::file_name(lesson)))
            .collect();
        let index = self.all.then(|| self.html.join("index.html"));
        let every_target: Vec<PathBuf> = pages.iter().chain(&index).cloned().collect();
        super::refuse_overwrite(&every_target, self.force)?;
        super::create_dir(&self.html)?;
        let exe = super::this_program("run snippets")?;
        let mut out = io::stdout();
        for (lesson, target) in lessons.iter().zip(&pages) {
            let bar = progress_bar(lesson);
            let outputs = export::capture(lesson, &context.registry, &exe, |done, snippet| {
                bar.set_position(done as u64);
                bar.set_message(snippet.id.clone());
            });
            bar.finish_and_clear();
            let mut failed: Vec<&str> = outputs
                .iter()
                .filter(|(_, captured)| !captured.ok)
                .map(|(id, _)| id.as_str())
                .collect();
            failed.sort_unstable();
            for id in &failed {
                super::warn(&tr!("export-snippet-differs", id = *id));
            }
            export::write_file(target, &export::page(lesson, &outputs))
                .with_context(|| crate::tr!("cannot-write", path = target.display().to_string()))?;
            writeln!(
                out,
                "{} {} {}",
                tr!("wrote").green().bold(),
                target.display(),
                tr!("export-snippets-run", count = outputs.len())
            )?;
        }
        if let Some(index) = index {
            export::write_file(&index, &export::index(&lessons))
                .with_context(|| crate::tr!("cannot-write", path = index.display().to_string()))?;
            writeln!(out, "{} {}", tr!("wrote").green().bold(), index.display())?;
        }
        Ok(ExitCode::SUCCESS)
    }
}

/// A bar on stderr over the lesson's snippets, naming the one that runs:
/// the course's sizes take seconds to minutes. indicatif draws nothing
/// when stderr is not a terminal.
fn progress_bar(lesson: &Lesson) -> ProgressBar {
    let bar = ProgressBar::with_draw_target(
        Some(lesson.snippets().count() as u64),
        ProgressDrawTarget::stderr(),
    );
    let style = ProgressStyle::with_template("{prefix} [{bar:24}] {pos}/{len} {msg} {elapsed}")
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ");
    bar.set_style(style);
    bar.set_prefix(tr!("export-running", lesson = lesson.id.as_str()));
    // Redrawn on its own, so the clock moves while a long snippet runs.
    bar.enable_steady_tick(Duration::from_millis(250));
    bar
}
