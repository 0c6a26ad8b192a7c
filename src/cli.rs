//! The command line: `avance` (the REPL), `list`, `show`, `run`, `check`,
//! and the hidden `snippet` that `check` runs in a child process. Errors
//! reach the user as one line with their cause; a closed pipe is success.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand, ValueEnum};
use colored::Colorize;

use crate::bench;
use crate::catalog::Catalog;
use crate::check::{Checker, Verdict};
use crate::conv;
use crate::elementwise;
use crate::lesson::Lesson;
use crate::play;
use crate::render::{self, View};
use crate::repl::{Piped, Repl, ReplHelper, Terminal};
use crate::run::{PANIC_EXIT_STATUS, Registry, RunOutcome};
use crate::session::{Dirs, ProgressStore, Session};

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
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Benchmark {
    /// The course's 2-D convolution, N×N int64 with a 9×9 filter.
    Conv,
    /// The course's fonction1 and fonction2 on a = b = 1..N as f64.
    Elementwise,
    /// This machine's limits: peak multiply-add rates and memory bandwidth.
    Machine,
    /// The course's heavy_fonction calls (default 2000) on every parallel variant, then as CPU-bound work on 1, 2, ... threads.
    Parallel,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// `avance bench`'s arguments.
#[derive(Debug, Args)]
struct BenchArgs {
    #[arg(value_enum)]
    what: Benchmark,
    /// Image side for conv (default 2000), array end for elementwise (default 1000000), calls for parallel (default 2000).
    #[arg(long)]
    size: Option<usize>,
    /// Only these engines (repeat, or separate with commas).
    #[arg(long, value_delimiter = ',')]
    engine: Vec<String>,
    /// Timed runs per engine (default 7; 1 for parallel, at least 3 for its CPU-bound work).
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..))]
    runs: Option<u16>,
    /// Workers for parallel (default 8, the course's).
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..))]
    workers: Option<u16>,
    /// Also time the course's own Python versions (numpy; numexpr and Numba when installed) in python3.
    #[arg(long)]
    python: bool,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
    /// Also run the CUDA kernels (conv only); without a GPU, says why in one line.
    #[arg(long)]
    gpu: bool,
}

/// `avance export`'s arguments.
#[derive(Debug, Args)]
struct ExportArgs {
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

/// `avance notebook`'s arguments.
#[derive(Debug, Args)]
struct NotebookArgs {
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

#[derive(Debug, Subcommand)]
enum Command {
    /// List the lessons with their slide counts and your progress.
    List,
    /// Print a lesson, or one slide of it: LESSON or LESSON/SLIDE (e.g. 1/3, underscore/3).
    Show {
        target: String,
        /// Include the speaker notes.
        #[arg(long)]
        notes: bool,
    },
    /// Run a lesson's Rust snippets (or one slide's), showing each with its output.
    Run { target: String },
    /// Present a lesson full screen, for a room: arrows to move, r runs the Rust, ? lists the keys.
    Present {
        /// LESSON, or LESSON/SLIDE to start there (e.g. underscore, 1/3).
        lesson: String,
        /// Start at this slide (1-based).
        #[arg(long, value_parser = clap::value_parser!(u16).range(1..))]
        slide: Option<u16>,
    },
    /// The speaker's view for a second terminal: the notes of the slide `avance present` shows, the next title, a clock.
    Notes { lesson: String },
    /// Write a lesson (or all) as self-contained HTML slides, each snippet's output captured now.
    Export(ExportArgs),
    /// Write a lesson (or all) as Jupyter notebooks for the evcxr Rust kernel.
    Notebook(NotebookArgs),
    /// Check that every snippet prints what its lesson says (all lessons, or one).
    Check { lesson: Option<String> },
    /// Time the convolution or the element-wise functions on every engine.
    Bench(BenchArgs),
    /// The parallelism lesson's MPI demo: run it as `mpirun -n 4 avance mpi-demo`.
    MpiDemo {
        /// How many heavy_fonction calls, shared among the ranks.
        #[arg(long, default_value_t = crate::parallel::COURSE_CALLS)]
        calls: usize,
    },
    /// Run one compiled snippet by id (used by `check`).
    #[command(hide = true)]
    Snippet { id: String },
    /// A worker process of the parallelism lesson: reads indices on stdin,
    /// answers `INDEX NANOSECONDS` lines on stdout.
    #[command(hide = true)]
    Worker {
        #[arg(long)]
        calls: usize,
        #[arg(long)]
        max_sleep_ns: u64,
        #[arg(long)]
        seed: u64,
    },
}

/// The program: parses the command line and reports errors; `registry` holds
/// the snippets `build.rs` compiled into the binary.
pub fn main(registry: Registry) -> ExitCode {
    let cli = Cli::parse();
    // The REPL reading a pipe is scripted: escape codes would only be noise.
    let scripted = cli.command.is_none() && !io::stdin().is_terminal();
    set_color(cli.color, scripted);
    match run(cli, registry) {
        Ok(code) => code,
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{} {error:#}", "error:".red().bold());
            ExitCode::FAILURE
        }
    }
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

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

fn run(cli: Cli, registry: Registry) -> Result<ExitCode> {
    match &cli.command {
        Some(Command::Snippet { id }) => return run_snippet(registry, id),
        Some(Command::Bench(args)) => {
            bench(&mut io::stdout().lock(), args)?;
            return Ok(ExitCode::SUCCESS);
        }
        &Some(Command::Worker {
            calls,
            max_sleep_ns,
            seed,
        }) => {
            bench::parallel::worker(calls, std::time::Duration::from_nanos(max_sleep_ns), seed)?;
            return Ok(ExitCode::SUCCESS);
        }
        &Some(Command::MpiDemo { calls }) => return mpi_demo(&mut io::stdout().lock(), calls),
        _ => {}
    }
    let catalog = match &cli.lessons {
        Some(dir) => Catalog::from_dir(dir)?,
        None => Catalog::embedded().context("the lessons built into this program are broken")?,
    };
    // Not locked: a snippet's own threads must be able to print while it runs.
    let mut out = io::stdout();
    match cli.command {
        None => repl(catalog, registry)?,
        Some(Command::List) => {
            let (session, warnings) = Session::resume(catalog, progress_store());
            for warning in warnings {
                eprintln!("{} {warning}", "warning:".yellow().bold());
            }
            let current = session
                .progress()
                .current
                .as_ref()
                .map(|p| p.lesson.as_str());
            render::lesson_list(
                &mut out,
                session.catalog().lessons(),
                session.progress(),
                current,
            )?;
        }
        Some(Command::Show { target, notes }) => show(
            &mut out,
            &catalog,
            &target,
            View {
                python: true,
                notes,
            },
        )?,
        Some(Command::Run { target }) => return run_target(&mut out, &catalog, registry, &target),
        Some(Command::Present { lesson, slide }) => {
            present(&catalog, registry, &lesson, slide)?;
        }
        Some(Command::Notes { lesson }) => {
            let lesson = &catalog.lessons()[catalog.find(&lesson)?];
            if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
                bail!("`avance notes` draws a full-screen view: run it in a terminal");
            }
            crate::present::notes::notes(lesson)?;
        }
        Some(Command::Export(args)) => export(&mut out, &catalog, registry, &args)?,
        Some(Command::Notebook(args)) => notebook(&mut out, &catalog, &args)?,
        Some(Command::Check { lesson }) => {
            return check(&mut out, &catalog, registry, lesson.as_deref());
        }
        Some(
            Command::Snippet { .. }
            | Command::Bench(_)
            | Command::Worker { .. }
            | Command::MpiDemo { .. },
        ) => {
            unreachable!("handled before loading the lessons")
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn progress_store() -> Option<ProgressStore> {
    Dirs::locate().map(|dirs| ProgressStore::in_dir(&dirs.state))
}

fn repl(catalog: Catalog, registry: Registry) -> Result<()> {
    let names = catalog
        .lessons()
        .iter()
        .flat_map(|l| [l.id.clone(), l.slug.clone()])
        .collect();
    let (session, warnings) = Session::resume(catalog, progress_store());
    for warning in warnings {
        writeln!(io::stdout(), "{} {warning}", "warning:".yellow().bold())?;
    }
    let live_dir = Dirs::locate().map(|dirs| dirs.state.join("live"));
    let mut repl = Repl::new(session, registry, io::stdout()).with_live_dir(live_dir);
    if io::stdin().is_terminal() {
        let history = Dirs::locate().map(|dirs| dirs.history());
        let mut terminal = Terminal::new(ReplHelper::new(names), history)
            .context("cannot start the line editor")?;
        repl.run(&mut terminal)?;
    } else {
        repl.run(&mut Piped::new(io::stdin().lock()))?;
    }
    Ok(())
}

/// The slides a `LESSON[/SLIDE]` target names.
fn slides_of<'a>(catalog: &'a Catalog, target: &str) -> Result<(&'a Lesson, Vec<usize>)> {
    let (lesson, slide) = catalog.locate(target)?;
    let lesson = &catalog.lessons()[lesson];
    let slides = match slide {
        Some(slide) => vec![slide],
        None => (0..lesson.slides.len()).collect(),
    };
    Ok((lesson, slides))
}

fn show(out: &mut impl Write, catalog: &Catalog, target: &str, view: View) -> Result<()> {
    let (lesson, slides) = slides_of(catalog, target)?;
    for index in slides {
        render::slide(out, lesson, &lesson.slides[index], view)?;
    }
    Ok(())
}

/// `avance run`: each slide's Rust and what it prints, in this process.
fn run_target(
    out: &mut impl Write,
    catalog: &Catalog,
    registry: Registry,
    target: &str,
) -> Result<ExitCode> {
    let (lesson, slides) = slides_of(catalog, target)?;
    if slides
        .iter()
        .all(|&index| lesson.slides[index].snippets().next().is_none())
    {
        writeln!(out, "{}", format!("no Rust to run in {target}").dimmed())?;
    }
    let mut failures = 0;
    for index in slides {
        for snippet in lesson.slides[index].snippets() {
            render::code_block(
                out,
                &format!("Rust · {}", snippet.id),
                "rust",
                &snippet.visible_code(),
            )?;
            if play::play(out, &registry, snippet)?.failed() {
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

/// `avance export`: refuses to overwrite unless `--force`, before running
/// anything; then runs each lesson's snippets and writes its page.
fn export(
    out: &mut impl Write,
    catalog: &Catalog,
    registry: Registry,
    args: &ExportArgs,
) -> Result<()> {
    let lessons: Vec<&Lesson> = match &args.lesson {
        Some(query) => vec![&catalog.lessons()[catalog.find(query)?]],
        None => catalog.lessons().iter().collect(),
    };
    let mut targets: Vec<PathBuf> = lessons
        .iter()
        .map(|lesson| args.html.join(crate::export::file_name(lesson)))
        .collect();
    if args.all {
        targets.push(args.html.join("index.html"));
    }
    refuse_overwrite(&targets, args.force)?;
    std::fs::create_dir_all(&args.html)
        .with_context(|| format!("cannot create {}", args.html.display()))?;
    let exe =
        std::env::current_exe().context("cannot find this program's own path to run snippets")?;
    for (lesson, target) in lessons.iter().zip(&targets) {
        let outputs = crate::export::capture(lesson, &registry, &exe);
        let mut failed: Vec<&str> = outputs
            .iter()
            .filter(|(_, captured)| !captured.ok)
            .map(|(id, _)| id.as_str())
            .collect();
        failed.sort_unstable();
        for id in &failed {
            eprintln!(
                "{} {id} did not do what its slide says; the page shows what it did",
                "warning:".yellow().bold()
            );
        }
        crate::export::write_file(target, &crate::export::page(lesson, &outputs))
            .with_context(|| format!("cannot write {}", target.display()))?;
        writeln!(
            out,
            "{} {} ({} snippets run)",
            "wrote".green().bold(),
            target.display(),
            outputs.len()
        )?;
    }
    if args.all {
        let index = args.html.join("index.html");
        crate::export::write_file(&index, &crate::export::index(&lessons))
            .with_context(|| format!("cannot write {}", index.display()))?;
        writeln!(out, "{} {}", "wrote".green().bold(), index.display())?;
    }
    Ok(())
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
        bail!(
            "{} already exists; pass --force to overwrite",
            existing.join(", ")
        );
    }
    Ok(())
}

/// `avance notebook`: one `.ipynb` per lesson, refusing to overwrite
/// unless `--force`.
fn notebook(out: &mut impl Write, catalog: &Catalog, args: &NotebookArgs) -> Result<()> {
    let lessons: Vec<&Lesson> = match &args.lesson {
        Some(query) => vec![&catalog.lessons()[catalog.find(query)?]],
        None => catalog.lessons().iter().collect(),
    };
    let targets: Vec<PathBuf> = lessons
        .iter()
        .map(|lesson| args.output.join(crate::notebook::file_name(lesson)))
        .collect();
    refuse_overwrite(&targets, args.force)?;
    let notebooks = lessons
        .iter()
        .map(|lesson| crate::notebook::notebook(lesson))
        .collect::<Result<Vec<_>, _>>()
        .context("a notebook's first cell loads avance from its source")?;
    std::fs::create_dir_all(&args.output)
        .with_context(|| format!("cannot create {}", args.output.display()))?;
    for (notebook, target) in notebooks.iter().zip(&targets) {
        crate::notebook::write(target, notebook)
            .with_context(|| format!("cannot write {}", target.display()))?;
        writeln!(out, "{} {}", "wrote".green().bold(), target.display())?;
    }
    Ok(())
}

/// `avance present`: full screen from the slide asked for.
fn present(catalog: &Catalog, registry: Registry, target: &str, slide: Option<u16>) -> Result<()> {
    let (index, in_target) = catalog.locate(target)?;
    let lesson = &catalog.lessons()[index];
    let start = match slide {
        Some(n) if usize::from(n) > lesson.slides.len() => bail!(
            "lesson {} has slides 1 to {}; there is no slide {n}",
            lesson.id,
            lesson.slides.len()
        ),
        Some(n) => usize::from(n) - 1,
        None => in_target.unwrap_or(0),
    };
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        bail!(
            "`avance present` takes over a terminal: run it in one (`avance show {target}` prints the slides)"
        );
    }
    crate::present::present(lesson, &registry, start)?;
    Ok(())
}

fn check(
    out: &mut impl Write,
    catalog: &Catalog,
    registry: Registry,
    lesson: Option<&str>,
) -> Result<ExitCode> {
    let lessons: Vec<&Lesson> = match lesson {
        Some(query) => vec![&catalog.lessons()[catalog.find(query)?]],
        None => catalog.lessons().iter().collect(),
    };
    let exe =
        std::env::current_exe().context("cannot find this program's own path to run snippets")?;
    let checker = Checker::new(registry, exe);
    let (mut passed, mut failed, mut skipped) = (0, 0, 0);
    for lesson in lessons {
        writeln!(out, "{} {}", "checking".bold(), lesson.path)?;
        for (id, verdict) in checker.check_lesson(lesson) {
            match verdict {
                Verdict::Passed => passed += 1,
                Verdict::NotRun => {}
                Verdict::Skipped(why) => {
                    skipped += 1;
                    writeln!(out, "  {} {id}: {why}", "skipped".yellow().bold())?;
                }
                Verdict::Failed(why) => {
                    failed += 1;
                    writeln!(out, "  {} {id}: {why}", "FAILED".red().bold())?;
                }
            }
        }
    }
    writeln!(
        out,
        "check: {passed} passed, {failed} failed, {skipped} skipped"
    )?;
    if failed > 0 {
        bail!("{failed} snippet(s) do not do what their lesson says");
    }
    Ok(ExitCode::SUCCESS)
}

fn bench(out: &mut impl Write, args: &BenchArgs) -> Result<()> {
    let runs = args.runs.map_or(7, usize::from);
    let (size, engines) = (args.size, &args.engine);
    let mut reports = match args.what {
        Benchmark::Conv => {
            let engines = bench::select(&conv::Engine::ALL, conv::Engine::name, engines)?;
            vec![bench::convolution(size.unwrap_or(2000), &engines, runs)?]
        }
        Benchmark::Elementwise => {
            let engines = bench::select(
                &elementwise::Engine::ALL,
                elementwise::Engine::name,
                engines,
            )?;
            bench::elementwise(size.unwrap_or(1_000_000), &engines, runs)?
        }
        Benchmark::Machine => return bench_machine(out, args),
        Benchmark::Parallel => return bench_parallel(out, args),
    };
    if args.python {
        bench::add_python_rows(&mut reports, runs);
    }
    if args.gpu {
        add_gpu(&mut reports, args, runs)?;
    }
    if args.json {
        serde_json::to_writer_pretty(&mut *out, &reports)?;
        writeln!(out)?;
    } else {
        for report in &reports {
            bench::print_table(out, report)?;
            writeln!(out)?;
            if let Some(bench::gpu::GpuSection::Measured(gpu)) = &report.gpu {
                bench::gpu::print(out, gpu)?;
                writeln!(out)?;
            }
        }
    }
    Ok(())
}

/// `--gpu`: the CUDA kernels beside the convolution's CPU engines; without
/// a device, one line on stderr says why and the CPU table is all there is.
fn add_gpu(reports: &mut [bench::Report], args: &BenchArgs, runs: usize) -> Result<()> {
    if args.what != Benchmark::Conv {
        bail!("--gpu is for `bench conv`: the GPU runs the convolution only");
    }
    for report in reports {
        let section = bench::gpu::measure(report, runs).context("the GPU convolution failed")?;
        if let bench::gpu::GpuSection::Unavailable(line) = &section {
            eprintln!("{line}");
        }
        report.gpu = Some(section);
    }
    Ok(())
}

fn bench_machine(out: &mut impl Write, args: &BenchArgs) -> Result<()> {
    if args.size.is_some() || !args.engine.is_empty() || args.python {
        bail!(
            "`bench machine` takes no --size, --engine or --python: it measures the processor and memory"
        );
    }
    let limits = bench::machine(args.runs.map_or(7, usize::from))?;
    if args.json {
        serde_json::to_writer_pretty(&mut *out, &limits)?;
        writeln!(out)?;
    } else {
        bench::print_limits(out, &limits)?;
    }
    Ok(())
}

fn bench_parallel(out: &mut impl Write, args: &BenchArgs) -> Result<()> {
    if args.python || args.json {
        bail!("`bench parallel` takes no --python or --json: it prints one report per variant");
    }
    let variants = bench::select(&bench::parallel::VARIANTS, |name| name, &args.engine)?;
    let program =
        std::env::current_exe().context("cannot find this program's own path to start workers")?;
    bench::parallel::run(
        out,
        &program,
        args.size.unwrap_or(crate::parallel::COURSE_CALLS),
        args.workers
            .map_or(crate::parallel::COURSE_WORKERS, usize::from),
        &variants,
        args.runs.map_or(1, usize::from),
    )
}

/// `avance mpi-demo`: under mpirun with the `mpi` feature, rank 0 prints
/// the job's report; otherwise it says how to run it.
#[cfg(feature = "mpi")]
fn mpi_demo(out: &mut impl Write, calls: usize) -> Result<ExitCode> {
    use crate::parallel::mpi::{self, Outcome};
    let work = crate::parallel::Workload::new(
        calls,
        crate::parallel::COURSE_MAX_SLEEP,
        crate::parallel::COURSE_SEED,
    );
    match mpi::demo(&work)? {
        Outcome::Root(report) => {
            writeln!(out, "{report}")?;
            if !report.coverage.is_exact() {
                bail!("work was lost: {}", report.coverage);
            }
        }
        Outcome::Worker { rank, calls } => {
            eprintln!("rank {rank}: {calls} calls sent to rank 0");
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(not(feature = "mpi"))]
fn mpi_demo(_out: &mut impl Write, _calls: usize) -> Result<ExitCode> {
    bail!(
        "this avance was built without MPI; build it with `cargo build --release --features mpi` (OpenMPI: apt install openmpi-bin libopenmpi-dev libclang-dev), then run `mpirun -n 4 avance mpi-demo`"
    )
}

/// The child side of `check`: one snippet, ending as a program would (a
/// panic exits with Rust's status 101), its panic shown at the lesson line.
fn run_snippet(registry: Registry, id: &str) -> Result<ExitCode> {
    let Some(snippet) = registry.get(id) else {
        bail!("no compiled snippet `{id}` in this program");
    };
    Ok(match snippet.run_caught() {
        RunOutcome::Finished => ExitCode::SUCCESS,
        RunOutcome::Failed(error) => {
            eprintln!("{error}");
            ExitCode::FAILURE
        }
        RunOutcome::Panicked(message) => {
            eprintln!("panicked: {message}");
            ExitCode::from(PANIC_EXIT_STATUS)
        }
    })
}
