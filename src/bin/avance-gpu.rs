//! `avance-gpu`, the program of the GPU kit (`scripts/gpu-kit.sh`). The GPU
//! machine has no Rust toolchain and takes 64 MiB a call, so the kit
//! carries this small binary rather than `avance`, whose terminal program
//! and live Rust it does not need: `device` names the GPU it would use, or
//! says in one line why there is none; `bench` is `avance bench conv --gpu`,
//! the same tables from the same code, at one or more sizes.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, Result};
use clap::{Parser, Subcommand};
use serde::Serialize;

use avance::bench::{self, Measured, gpu::GpuSection};
use avance::conv::{self, gpu};

/// The exit status of `device` without a GPU, so that a script can tell.
const NO_DEVICE: u8 = 2;

#[derive(Debug, Parser)]
#[command(
    version,
    about = "The GPU kit's program: which GPU there is, and the convolution's CUDA kernels timed beside the CPU engines"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// The GPU and the CUDA versions, or `no CUDA device: <reason>` with exit status 2.
    Device {
        /// Print JSON instead of a line.
        #[arg(long)]
        json: bool,
    },
    /// `avance bench conv --gpu`: every CPU engine, then every CUDA kernel, on the course's inputs.
    Bench {
        /// Image sides, a report each (repeat, or separate with commas).
        #[arg(long, value_delimiter = ',', default_value = "2000")]
        size: Vec<usize>,
        /// Timed runs per engine.
        #[arg(long, default_value_t = 7, value_parser = clap::value_parser!(u16).range(1..))]
        runs: u16,
        /// Print JSON instead of tables.
        #[arg(long)]
        json: bool,
        /// Also write the JSON report to FILE.
        #[arg(long, value_name = "FILE")]
        save: Option<PathBuf>,
    },
}

/// What `device --json` prints: the GPU, or why there is none.
#[derive(Serialize)]
#[serde(rename_all = "snake_case")]
enum Device {
    Found { device: String, versions: String },
    Unavailable(String),
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    let mut out = io::stdout().lock();
    match cli.command {
        Command::Device { json } => device(&mut out, json),
        Command::Bench {
            size,
            runs,
            json,
            save,
        } => {
            let measured = bench_sizes(&size, usize::from(runs))?;
            bench::print_measured(&mut out, &measured, json)?;
            if let Some(path) = save {
                save_json(&path, &measured)
                    .with_context(|| format!("could not write {}", path.display()))?;
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn device(out: &mut impl Write, json: bool) -> Result<ExitCode> {
    let (answer, code) = match gpu::device() {
        Ok(device) => {
            let limits = device.limits();
            let (major, minor) = limits.compute_capability;
            let described = format!(
                "{}, compute capability {major}.{minor}, {} SMs at {:.0} MHz, {:.0} GB/s",
                limits.name, limits.multiprocessors, limits.clock_mhz, limits.bandwidth_gbs
            );
            let versions = device.versions().to_string();
            (
                Device::Found {
                    device: described,
                    versions,
                },
                ExitCode::SUCCESS,
            )
        }
        Err(error @ gpu::GpuError::NoDevice(_)) => {
            (Device::Unavailable(error.to_string()), NO_DEVICE.into())
        }
        Err(error) => return Err(error).context("the GPU could not be opened"),
    };
    if json {
        serde_json::to_writer_pretty(&mut *out, &answer)?;
    } else {
        match &answer {
            Device::Found { device, versions } => write!(out, "{device}\n{versions}")?,
            Device::Unavailable(line) => write!(out, "{line}")?,
        }
    }
    writeln!(out)?;
    Ok(code)
}

/// Each size's CPU report with the GPU's section, as `avance bench conv
/// --gpu` measures them; without a device, one line on stderr says why.
fn bench_sizes(sizes: &[usize], runs: usize) -> Result<Vec<Measured>> {
    let mut measured = Vec::new();
    for &size in sizes {
        let report = bench::convolution(size, &conv::Engine::ALL, runs)?;
        let section = bench::gpu::measure(&report, runs)
            .with_context(|| format!("the GPU convolution at N = {size} failed"))?;
        if let GpuSection::Unavailable(line) = &section {
            eprintln!("{line}");
        }
        measured.push(Measured {
            report,
            gpu: Some(section),
        });
    }
    Ok(measured)
}

fn save_json(path: &Path, measured: &[Measured]) -> io::Result<()> {
    let mut file = BufWriter::new(File::create(path)?);
    serde_json::to_writer_pretty(&mut file, measured)?;
    writeln!(file)?;
    file.flush()
}
