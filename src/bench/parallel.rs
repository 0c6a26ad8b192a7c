//! `avance bench parallel`: the course's calls on every variant of the
//! parallelism lessons, each against its target, then the CPU-bound work on
//! 1, 2, ... threads. The targets are the issue's: async within 1.1× the
//! longest sleep, threads and processes within 3% of the ideal wall time,
//! the CPU-bound work at least 1.9× faster on 2 threads than on 1 (where the
//! machine has 2 cores or more).

use std::io::{self, Write};
use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

use crate::parallel::{self, Report, Workload, cpu_bound, processes, rayon_pool, threads};

/// A way of making the course's calls, as `--engine` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variant {
    Async,
    ThreadsMutex,
    ThreadsAtomic,
    Processes,
    Rayon,
    Rayon8,
    /// The calls as computation, on 1, 2, ... threads.
    Cpu,
}

impl Variant {
    /// Every variant, in the order they run.
    pub const ALL: [Variant; 7] = [
        Variant::Async,
        Variant::ThreadsMutex,
        Variant::ThreadsAtomic,
        Variant::Processes,
        Variant::Rayon,
        Variant::Rayon8,
        Variant::Cpu,
    ];

    /// The name `--engine` takes.
    pub fn name(self) -> &'static str {
        match self {
            Variant::Async => "async",
            Variant::ThreadsMutex => "threads-mutex",
            Variant::ThreadsAtomic => "threads-atomic",
            Variant::Processes => "processes",
            Variant::Rayon => "rayon",
            Variant::Rayon8 => "rayon-8",
            Variant::Cpu => "cpu",
        }
    }

    /// The name in its report, with the chunk size where it has one.
    fn label(self) -> String {
        match self {
            Variant::ThreadsMutex => "threads-mutex (chunks of 10)".to_string(),
            Variant::ThreadsAtomic => "threads-atomic (chunks of 1)".to_string(),
            other => other.name().to_string(),
        }
    }
}

/// What a variant must reach, and whether it did.
fn target(variant: Variant, report: &Report, work: &Workload) -> String {
    let wall = report.wall.as_secs_f64();
    match variant {
        Variant::Async => {
            let bound = 1.1 * work.longest().as_secs_f64();
            let ok = wall < bound;
            format!(
                "target: under 1.1 × the longest sleep ({bound:.3} s): {}",
                yes(ok)
            )
        }
        Variant::ThreadsMutex | Variant::ThreadsAtomic | Variant::Processes => format!(
            "target: within 3% of the ideal wall time: {} ({:+.1}%)",
            yes(report.over_ideal() <= 1.03),
            (report.over_ideal() - 1.0) * 100.0
        ),
        Variant::Rayon | Variant::Rayon8 | Variant::Cpu => "no target".to_string(),
    }
}

fn yes(ok: bool) -> &'static str {
    if ok { "yes" } else { "NO" }
}

/// Runs `variants` on `calls` calls with `workers` workers, writing each
/// report as it finishes; `program` is this program, for the processes.
/// Fails after printing when a worker process died or an index was lost.
pub fn run(
    out: &mut impl Write,
    program: &Path,
    calls: usize,
    workers: usize,
    variants: &[Variant],
    runs: usize,
) -> Result<()> {
    let work = Workload::new(calls, parallel::COURSE_MAX_SLEEP, parallel::COURSE_SEED);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    writeln!(
        out,
        "{calls} calls of up to {:.1} s, seed {}: sum {:.3} s, longest {:.4} s; {workers} workers; {cores} cores",
        work.max_sleep().as_secs_f64(),
        work.seed(),
        work.total().as_secs_f64(),
        work.longest().as_secs_f64()
    )?;
    let mut lost = Vec::new();
    for &variant in variants {
        let start = Instant::now();
        let (results, used) = match variant {
            Variant::Cpu => {
                cpu(out, &work, cores, runs.max(3))?;
                continue;
            }
            Variant::Async => (parallel::tokio_async::all_at_once(&work)?, calls),
            Variant::ThreadsMutex => (threads::with_mutex(&work, workers, 10), workers),
            Variant::ThreadsAtomic => (threads::with_atomic(&work, workers, 1), workers),
            Variant::Processes => {
                let run = processes::run(&work, program, workers)?;
                for death in &run.deaths {
                    writeln!(out, "{death}")?;
                    lost.push(death.to_string());
                }
                if !run.never_sent.is_empty() {
                    writeln!(out, "never sent, every worker dead: {:?}", run.never_sent)?;
                }
                (run.results, workers)
            }
            Variant::Rayon => (rayon_pool::parallel(&work), rayon::current_num_threads()),
            Variant::Rayon8 => (rayon_pool::parallel_on(&work, workers)?, workers),
        };
        let wall = start.elapsed();
        let report = work.report(&variant.label(), used, wall, &results);
        writeln!(out, "{report}")?;
        writeln!(out, "  {}", target(variant, &report, &work))?;
        if !report.coverage.is_exact() {
            lost.push(format!("{}: {}", variant.name(), report.coverage));
        }
        out.flush()?;
    }
    if !lost.is_empty() {
        bail!("work was lost: {}", lost.join("; "));
    }
    Ok(())
}

/// The calls as computation on 1, 2, ... `cores` threads (at least 2): the
/// best of `runs` wall times for each, and the speed-up over 1 thread.
fn cpu(out: &mut impl Write, work: &Workload, cores: usize, runs: usize) -> Result<()> {
    let steps: u64 = (0..work.len()).map(|i| cpu_bound::steps_of(work, i)).sum();
    writeln!(
        out,
        "cpu: the same calls as {steps} xorshift rounds, on rayon pools (best of {runs} runs)"
    )?;
    let mut one = None;
    let mut reference = None;
    for threads in 1..=cores.max(2) {
        let mut best = Duration::MAX;
        for _ in 0..runs {
            let (wall, combined) = cpu_bound::on_threads(work, threads)?;
            best = best.min(wall);
            if *reference.get_or_insert(combined) != combined {
                bail!("the CPU-bound result changed with {threads} threads");
            }
        }
        let one = *one.get_or_insert(best);
        let speed_up = one.as_secs_f64() / best.as_secs_f64();
        let target = match threads {
            2 if cores >= 2 => format!("; target ≥ 1.90: {}", yes(speed_up >= 1.9)),
            2 => "; one core only: no target".to_string(),
            _ => String::new(),
        };
        writeln!(
            out,
            "  {threads} thread{}: {:.3} s, speed-up {speed_up:.2}{target}",
            if threads == 1 { "" } else { "s" },
            best.as_secs_f64()
        )?;
    }
    Ok(())
}

/// The worker side, for `avance worker`: serves stdin until it ends;
/// exits with [`processes::DIE_STATUS`] at the index named by
/// [`processes::DIE_AT_VAR`].
pub fn worker(calls: usize, max_sleep: Duration, seed: u64) -> Result<()> {
    let work = Workload::new(calls, max_sleep, seed);
    let die_at = match std::env::var(processes::DIE_AT_VAR) {
        Ok(value) => Some(
            value
                .parse()
                .with_context(|| format!("{}={value:?} is not an index", processes::DIE_AT_VAR))?,
        ),
        Err(_) => None,
    };
    let died = processes::serve(&work, io::stdin().lock(), io::stdout().lock(), die_at)?;
    if died.is_some() {
        std::process::exit(processes::DIE_STATUS);
    }
    Ok(())
}
