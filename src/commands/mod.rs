//! The command line: clap's grammar for every command, and the dispatch to
//! the file that runs it (one file per command, its arguments beside its
//! `run`). Errors reach the user as one line with their cause; a closed
//! pipe is success. What the program says is in the course's language
//! (`--lang`, else `AVANCE_LANG`, else the locale), chosen before the
//! command line is parsed so that `--help` speaks it too.

use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, Result, bail};
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use colored::Colorize;

use crate::catalog::{Catalog, LookupError};
use crate::i18n::{Language, Translation};
use crate::lesson::Lesson;
use crate::render::theme::{self, Background};
use crate::run::Registry;
use crate::session::{Answers, Config, Dirs, ProgressStore};
use crate::tr;

mod bench;
mod check;
mod completions;
mod exercise;
mod export;
mod help;
mod i18n;
mod list;
mod man;
mod mpi_demo;
mod notebook;
mod notes;
mod present;
mod repl;
mod run;
mod show;
mod snippet;
mod worker;

/// An advanced-Python course, idiom by idiom, beside its Rust equivalent that runs.
#[derive(Debug, Parser)]
#[command(
    name = "avance",
    version,
    about,
    after_help = "Without a command, opens the course where you stopped."
)]
struct Cli {
    /// Read lessons from this folder instead of the ones built in (for authors).
    #[arg(long, global = true, value_name = "DIR")]
    lessons: Option<PathBuf>,
    /// When to use colour; NO_COLOR in the environment means never.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// The code's colours for a dark or a light terminal [default: `theme`
    /// in config.toml, else COLORFGBG, else the terminal's answer, else dark].
    #[arg(long, global = true, value_enum)]
    theme: Option<Background>,
    /// The course's language: en or fr [default: AVANCE_LANG, else the
    /// locale (LC_ALL, LC_MESSAGES, LANG), else en].
    #[arg(long, global = true, value_name = "LANG")]
    lang: Option<String>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// List the lessons with their slide counts and your progress.
    List,
    /// Print a lesson, or one slide of it: LESSON or LESSON/SLIDE (e.g. 1/3, underscore/3).
    Show(show::ShowArgs),
    /// Run a lesson's Rust snippets (or one slide's), showing each with its output.
    Run(run::RunArgs),
    /// Present a lesson full screen, for a room: arrows to move, r runs the Rust, ? lists the keys.
    Present(present::PresentArgs),
    /// The speaker's view for a second terminal: the notes of the slide `avance present` shows, the next title, a clock.
    Notes(notes::NotesArgs),
    /// Write a lesson (or all) as self-contained HTML slides, each snippet's output captured now.
    Export(export::ExportArgs),
    /// Write a lesson (or all) as Jupyter notebooks for the evcxr Rust kernel.
    Notebook(notebook::NotebookArgs),
    /// Work on an exercise in your editor: LESSON or LESSON/N; every save is graded.
    Exercise(exercise::ExerciseArgs),
    /// Check that every snippet prints what its lesson says (all lessons, or one).
    Check(check::CheckArgs),
    /// Time the convolution, the element-wise functions, the machine or the parallel variants.
    Bench(bench::BenchArgs),
    /// The parallelism lesson's MPI demo: run it as `mpirun -n 4 avance mpi-demo`.
    MpiDemo(mpi_demo::MpiDemoArgs),
    /// The translators' tools: extract the messages, update a catalog, import translated lessons, report.
    #[command(name = "i18n")]
    I18n(i18n::I18nArgs),
    /// Print the shell's completion script: `source <(avance completions bash)`.
    Completions(completions::CompletionsArgs),
    /// Print the manual page (roff): `avance man | man -l -`.
    Man(man::ManArgs),
    /// Run one compiled snippet by id (used by `check`).
    #[command(hide = true)]
    Snippet(snippet::SnippetArgs),
    /// A worker process of the parallelism lesson: reads indices on stdin,
    /// answers `INDEX NANOSECONDS` lines on stdout.
    #[command(hide = true)]
    Worker(worker::WorkerArgs),
}

/// What every command may need: the lessons (loaded only by the commands
/// that read them) and the snippets compiled into the binary.
struct Context {
    lessons: Option<PathBuf>,
    registry: Registry,
    translation: Translation,
}

impl Context {
    /// The lessons of `--lessons DIR`, or those built in.
    fn catalog(&self) -> Result<Catalog> {
        load_catalog(self.lessons.as_deref(), &self.translation)
    }
}

/// The lessons of `dir` (else those built in) in `translation`'s language.
fn load_catalog(dir: Option<&Path>, translation: &Translation) -> Result<Catalog> {
    let translate = |id: &str, text: &str| translation.lesson(id, text);
    match dir {
        Some(dir) => Ok(Catalog::from_dir_translated(dir, &translate)?),
        None => Catalog::embedded_translated(&translate)
            .context("the lessons built into this program are broken"),
    }
}

/// [`load_catalog`] in `language`, its catalog the one built in.
fn catalog_in(dir: Option<&Path>, language: Language) -> Result<Catalog> {
    let translation = Translation::embedded(language)
        .with_context(|| format!("the {language} catalog built into this program is broken"))?;
    load_catalog(dir, &translation)
}

/// The program: parses the command line and reports errors; `registry` holds
/// the snippets `build.rs` compiled into the binary.
pub fn main(registry: Registry) -> ExitCode {
    // The language first, so that `--help` speaks it.
    let args: Vec<String> = std::env::args_os()
        .map(|arg| arg.to_string_lossy().into_owned())
        .collect();
    crate::i18n::ui::set_language(help::language_of(&args));
    let parsed = help::localized(Cli::command())
        .try_get_matches()
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(error) => return refuse(error),
    };
    // The REPL reading a pipe is scripted: escape codes would only be noise.
    let scripted = cli.command.is_none() && !io::stdin().is_terminal();
    set_color(cli.color, scripted);
    if colored::control::SHOULD_COLORIZE.should_colorize() {
        // Only the views that draw code ask the terminal its background.
        let draws_code = matches!(
            cli.command,
            None | Some(Command::Show(_) | Command::Run(_) | Command::Present(_))
        );
        theme::set(theme::detect(
            cli.theme,
            configured_theme(cli.theme),
            draws_code,
        ));
    }
    let translation = match translation(cli.lang.as_deref()) {
        Ok(translation) => translation,
        Err(error) => {
            eprintln!("{} {}", tr!("error-prefix").red().bold(), describe(&error));
            return ExitCode::from(2);
        }
    };
    let context = Context {
        lessons: cli.lessons,
        registry,
        translation,
    };
    match dispatch(cli.command, &context) {
        Ok(code) => code,
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{} {}", tr!("error-prefix").red().bold(), describe(&error));
            ExitCode::FAILURE
        }
    }
}

fn dispatch(command: Option<Command>, context: &Context) -> Result<ExitCode> {
    match command {
        None => repl::run(context),
        Some(Command::List) => list::run(context),
        Some(Command::Show(args)) => args.run(context),
        Some(Command::Run(args)) => args.run(context),
        Some(Command::Present(args)) => args.run(context),
        Some(Command::Notes(args)) => args.run(context),
        Some(Command::Export(args)) => args.run(context),
        Some(Command::Notebook(args)) => args.run(context),
        Some(Command::Exercise(args)) => args.run(context),
        Some(Command::Check(args)) => args.run(context),
        Some(Command::Bench(args)) => args.run(),
        Some(Command::MpiDemo(args)) => args.run(),
        Some(Command::I18n(args)) => args.run(context),
        Some(Command::Completions(args)) => args.run(),
        Some(Command::Man(args)) => args.run(),
        Some(Command::Snippet(args)) => args.run(context),
        Some(Command::Worker(args)) => args.run(),
    }
}

/// A command line clap refused: help and version as clap prints them; a
/// flag one bench kind does not take, in the words of that kind; flags
/// that exclude each other in clap's one line; anything else as clap
/// words it.
fn refuse(error: clap::Error) -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    match bench::refusal(&error, &args) {
        Some(reason) => {
            eprintln!("{} {reason}", tr!("error-prefix").red().bold());
            ExitCode::from(2)
        }
        // One line: the usage clap adds after it repeats the words typed.
        None if error.kind() == clap::error::ErrorKind::ArgumentConflict => {
            let text = error.render().to_string();
            eprintln!("{}", text.lines().next().unwrap_or_default());
            ExitCode::from(2)
        }
        None => {
            let _ = error.print();
            ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2))
        }
    }
}

/// The translation of the language asked for (`--lang`, `AVANCE_LANG`, the locale).
fn translation(flag: Option<&str>) -> Result<Translation> {
    let language = Language::choose(flag, |name| std::env::var(name).ok())?;
    crate::i18n::ui::set_language(language);
    Translation::embedded(language)
        .with_context(|| format!("the {language} catalog built into this program is broken"))
}

fn set_color(choice: ColorChoice, scripted: bool) {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let on = match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => !no_color && !scripted && io::stdout().is_terminal(),
    };
    colored::control::set_override(on);
}

/// The theme `config.toml` sets, read only when the command line does
/// not; a broken file is one warning line and no setting.
fn configured_theme(flag: Option<Background>) -> Option<Background> {
    if flag.is_some() {
        return None;
    }
    match Config::load(&Dirs::locate()?.config_file()) {
        Ok(config) => config.theme,
        Err(error) => {
            eprintln!(
                "{} {}",
                tr!("warning-prefix").yellow().bold(),
                tr!("config-broken-theme", error = error.to_string())
            );
            None
        }
    }
}

/// `error` and its causes on one line, as `{error:#}` writes them, a
/// lesson or slide that does not resolve in the course's language.
fn describe(error: &anyhow::Error) -> String {
    error
        .chain()
        .map(|cause| match cause.downcast_ref::<LookupError>() {
            Some(lookup) => lookup.localized(),
            None => cause.to_string(),
        })
        .collect::<Vec<_>>()
        .join(": ")
}

/// The `warning:` line of `warning`, on stderr.
fn warn(warning: &dyn std::fmt::Display) {
    eprintln!("{} {warning}", tr!("warning-prefix").yellow().bold());
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Where progress is kept, when this user has a home.
fn progress_store() -> Option<ProgressStore> {
    Dirs::locate().map(|dirs| ProgressStore::in_dir(&dirs.state))
}

/// The student's answers to exercises, in the state folder if there is one.
fn answers() -> Answers {
    Dirs::locate().map_or_else(Answers::in_memory, |dirs| {
        Answers::in_folder(dirs.answers())
    })
}

/// The lesson `query` names, or every lesson when there is none.
fn lessons_of<'a>(catalog: &'a Catalog, query: Option<&str>) -> Result<Vec<&'a Lesson>> {
    Ok(match query {
        Some(query) => vec![&catalog.lessons()[catalog.find(query)?]],
        None => catalog.lessons().iter().collect(),
    })
}

/// This program's own path, to run snippets or workers in children.
fn this_program(purpose: &str) -> Result<PathBuf> {
    std::env::current_exe()
        .with_context(|| format!("cannot find this program's own path to {purpose}"))
}

/// Unless `force`, fails when any of `targets` exists, naming them all,
/// before anything is written.
fn refuse_overwrite(targets: &[PathBuf], force: bool) -> Result<()> {
    let existing: Vec<String> = targets
        .iter()
        .filter(|path| path.exists())
        .map(|path| path.display().to_string())
        .collect();
    if !force && !existing.is_empty() {
        bail!(crate::tr!("already-exists", paths = existing.join(", ")));
    }
    Ok(())
}

/// Creates `dir` and its parents, naming it when that fails.
fn create_dir(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir)
        .with_context(|| crate::tr!("cannot-create-path", path = dir.display().to_string()))
}

/// Fails with `what` unless stdin and stdout are both a terminal.
fn need_terminal(what: &str) -> Result<()> {
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        bail!("{what}");
    }
    Ok(())
}
