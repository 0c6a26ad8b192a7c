//! `avance bench KIND`: each kind a clap subcommand with only the flags it
//! takes, so a flag it does not take is refused before any work, in words
//! that say which kind takes it.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::{Context as _, Result};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Args, Subcommand};

use crate::bench::{self, Measured, Suite};
use crate::{conv, elementwise, parallel};

#[derive(Debug, Args)]
pub(super) struct BenchArgs {
    #[command(subcommand)]
    kind: Kind,
}

#[derive(Debug, Subcommand)]
enum Kind {
    /// The course's 2-D convolution, N×N int64 with a 9×9 filter.
    Conv(ConvArgs),
    /// The course's fonction1 and fonction2 on a = b = 1..N as f64.
    Elementwise(ElementwiseArgs),
    /// This machine's limits: peak multiply-add rates and memory bandwidth.
    Machine(MachineArgs),
    /// The course's heavy_fonction calls on every parallel variant, then as CPU-bound work on 1, 2, ... threads.
    Parallel(ParallelArgs),
}

/// The flags the convolution and the element-wise functions share.
#[derive(Debug, Args)]
struct EngineFlags {
    /// Only these engines (repeat, or separate with commas).
    #[arg(long, value_delimiter = ',')]
    engine: Vec<String>,
    /// Timed runs per engine.
    #[arg(long, default_value_t = 7, value_parser = clap::value_parser!(u16).range(1..))]
    runs: u16,
    /// Also time the course's own Python versions (numpy; numexpr and Numba when installed) in python3.
    #[arg(long)]
    python: bool,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
struct ConvArgs {
    /// Image side.
    #[arg(long, default_value_t = 2000)]
    size: usize,
    #[command(flatten)]
    flags: EngineFlags,
    /// Also run the CUDA kernels; without a GPU, says why in one line.
    #[arg(long)]
    gpu: bool,
}

#[derive(Debug, Args)]
struct ElementwiseArgs {
    /// Array end: a = b = 1..SIZE.
    #[arg(long, default_value_t = 1_000_000)]
    size: usize,
    #[command(flatten)]
    flags: EngineFlags,
}

#[derive(Debug, Args)]
struct MachineArgs {
    /// Timed runs per limit.
    #[arg(long, default_value_t = 7, value_parser = clap::value_parser!(u16).range(1..))]
    runs: u16,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
struct ParallelArgs {
    /// heavy_fonction calls.
    #[arg(long, default_value_t = parallel::COURSE_CALLS)]
    size: usize,
    /// Only these variants (repeat, or separate with commas).
    #[arg(long, value_delimiter = ',')]
    engine: Vec<String>,
    /// Timed runs per variant (the CPU-bound work takes at least 3).
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..))]
    runs: u16,
    /// Workers: threads, processes or the second rayon pool.
    #[arg(long, default_value_t = parallel::COURSE_WORKERS as u16, value_parser = clap::value_parser!(u16).range(1..))]
    workers: u16,
}

impl BenchArgs {
    pub(super) fn run(self) -> Result<ExitCode> {
        crate::interrupt::end_with(crate::tr!("bench-interrupted"))
            .context(crate::tr!("cannot-take-ctrl-c"))?;
        let mut out = io::stdout().lock();
        match self.kind {
            Kind::Conv(args) => args.run(&mut out)?,
            Kind::Elementwise(args) => args.run(&mut out)?,
            Kind::Machine(args) => args.run(&mut out)?,
            Kind::Parallel(args) => args.run(&mut out)?,
        }
        Ok(ExitCode::SUCCESS)
    }
}

impl ConvArgs {
    fn run(self, out: &mut impl Write) -> Result<()> {
        let runs = usize::from(self.flags.runs);
        let engines = bench::select(&conv::Engine::ALL, conv::Engine::name, &self.flags.engine)?;
        let mut reports = vec![bench::convolution(self.size, &engines, runs)?];
        if self.flags.python {
            bench::add_python_rows(&mut reports, Suite::Conv, runs);
        }
        let measured = reports
            .into_iter()
            .map(|report| {
                let gpu = self.gpu.then(|| gpu_section(&report, runs)).transpose()?;
                Ok(Measured { report, gpu })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(bench::print_measured(out, &measured, self.flags.json)?)
    }
}

/// The CUDA kernels beside the convolution's CPU engines; without a
/// device, one line on stderr says why and the CPU table is all there is.
fn gpu_section(report: &bench::Report, runs: usize) -> Result<bench::gpu::GpuSection> {
    let section = bench::gpu::measure(report, runs).context("the GPU convolution failed")?;
    if let bench::gpu::GpuSection::Unavailable(line) = &section {
        eprintln!("{line}");
    }
    Ok(section)
}

impl ElementwiseArgs {
    fn run(self, out: &mut impl Write) -> Result<()> {
        let runs = usize::from(self.flags.runs);
        let engines = bench::select(
            &elementwise::Engine::ALL,
            elementwise::Engine::name,
            &self.flags.engine,
        )?;
        let mut reports = bench::elementwise(self.size, &engines, runs)?;
        if self.flags.python {
            bench::add_python_rows(&mut reports, Suite::Elementwise, runs);
        }
        let measured: Vec<Measured> = reports
            .into_iter()
            .map(|report| Measured { report, gpu: None })
            .collect();
        Ok(bench::print_measured(out, &measured, self.flags.json)?)
    }
}

impl MachineArgs {
    fn run(self, out: &mut impl Write) -> Result<()> {
        let limits = bench::machine(usize::from(self.runs))?;
        if self.json {
            serde_json::to_writer_pretty(&mut *out, &limits)?;
            writeln!(out)?;
        } else {
            bench::print_limits(out, &limits)?;
        }
        Ok(())
    }
}

impl ParallelArgs {
    fn run(self, out: &mut impl Write) -> Result<()> {
        use bench::parallel::Variant;
        let variants = bench::select(&Variant::ALL, Variant::name, &self.engine)?;
        let program = super::this_program("start workers")?;
        bench::parallel::run(
            out,
            &program,
            self.size,
            usize::from(self.workers),
            &variants,
            usize::from(self.runs),
        )
    }
}

/// What to say when clap refuses a flag that another bench kind takes;
/// `None` for every other error, which clap words itself.
pub(super) fn refusal(error: &clap::Error, args: &[String]) -> Option<&'static str> {
    if error.kind() != ErrorKind::UnknownArgument {
        return None;
    }
    let Some(ContextValue::String(flag)) = error.get(ContextKind::InvalidArg) else {
        return None;
    };
    let flag = flag.split('=').next().unwrap_or(flag);
    let after_bench = args.iter().skip_while(|arg| *arg != "bench").skip(1);
    let kind = after_bench
        .map(String::as_str)
        .find(|arg| ["conv", "elementwise", "machine", "parallel"].contains(arg))?;
    refusal_of(kind, flag)
}

/// The words for `flag` given to bench `kind`, when another kind takes it.
fn refusal_of(kind: &str, flag: &str) -> Option<&'static str> {
    match (kind, flag) {
        (_, "--gpu") => Some("--gpu is for `bench conv`: the GPU runs the convolution only"),
        ("machine", "--size" | "--engine" | "--python") => Some(
            "`bench machine` takes no --size, --engine or --python: it measures the processor and memory",
        ),
        ("parallel", "--python" | "--json") => {
            Some("`bench parallel` takes no --python or --json: it prints one report per variant")
        }
        (_, "--workers") => {
            Some("--workers is for `bench parallel`: only its threads and processes have workers")
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::super::Cli;
    use super::*;

    fn refused(line: &str) -> Option<&'static str> {
        let args: Vec<String> = line.split(' ').map(str::to_string).collect();
        let error = Cli::try_parse_from(&args).expect_err(line);
        refusal(&error, &args)
    }

    #[test]
    fn each_kind_takes_its_own_flags() {
        for line in [
            "avance bench conv --size 40 --engine naive --runs 2 --python --json --gpu",
            "avance bench elementwise --size 10 --engine loop --runs 1 --python --json",
            "avance bench machine --runs 1 --json",
            "avance bench parallel --size 24 --engine processes --runs 1 --workers 4",
        ] {
            let args: Vec<&str> = line.split(' ').collect();
            Cli::try_parse_from(args).unwrap_or_else(|e| panic!("{line}: {e}"));
        }
    }

    #[test]
    fn a_flag_of_another_kind_is_refused_in_its_own_words() {
        assert_eq!(
            refused("avance bench elementwise --gpu"),
            Some("--gpu is for `bench conv`: the GPU runs the convolution only")
        );
        assert_eq!(
            refused("avance bench parallel --gpu"),
            refused("avance bench machine --gpu")
        );
        assert!(
            refused("avance bench machine --size=10")
                .unwrap()
                .contains("no --size")
        );
        assert!(
            refused("avance bench machine --engine x")
                .unwrap()
                .contains("`bench machine`")
        );
        assert!(
            refused("avance bench parallel --json")
                .unwrap()
                .contains("no --python or --json")
        );
        assert!(
            refused("avance bench conv --workers 2")
                .unwrap()
                .contains("bench parallel")
        );
        assert!(refused("avance --color never bench machine --workers 2").is_some());
    }

    #[test]
    fn other_mistakes_are_worded_by_clap() {
        assert_eq!(refused("avance bench conv --sise 40"), None);
        assert_eq!(refused("avance bench gpu"), None);
        assert_eq!(refused("avance bench conv --runs 0"), None);
    }
}
