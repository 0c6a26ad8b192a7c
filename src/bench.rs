//! `avance bench`: times every engine on the course's inputs and prints a
//! table (median, spread, ratio to the naive engine, throughput, and the
//! exact-equality check with the naive result), or JSON for scripts.
//! Inputs are validated before anything is allocated.

use std::io::{self, Write};
use std::time::Duration;

use colored::Colorize;
use serde::Serialize;

use crate::conv;
use crate::elementwise;
use crate::timeit::Timer;

/// Why a benchmark cannot run.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BenchError {
    #[error("--size {size} is too small: the convolution needs at least {min} (the filter is 9×9)")]
    TooSmall { size: usize, min: usize },
    #[error(
        "--size {size} needs {needed_mib} MiB, more than the {available_mib} MiB of memory available"
    )]
    TooLarge {
        size: usize,
        needed_mib: u64,
        available_mib: u64,
    },
    #[error("unknown engine `{name}`; the engines are: {}", .known.join(", "))]
    UnknownEngine {
        name: String,
        known: Vec<&'static str>,
    },
}

/// One engine's row of the table.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub engine: String,
    pub median_s: f64,
    pub best_s: f64,
    pub worst_s: f64,
    pub runs: usize,
    pub loops: u64,
    pub ratio_to_naive: Option<f64>,
    /// GMAC/s for the convolution, GB/s of input for element-wise functions.
    pub throughput: f64,
    pub equal_to_naive: bool,
    /// For results that may differ from the naive one within a bound: the
    /// largest difference, in ulps (`equal_to_naive` says it is in bounds).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_error_ulps: Option<f64>,
}

/// A whole benchmark: what was measured and one row per engine.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub benchmark: String,
    pub size: usize,
    pub throughput_unit: &'static str,
    pub rows: Vec<Row>,
}

/// How each engine is timed: at least 0.1 s per batch, so a slow engine
/// takes one loop per run and the whole table stays quick.
fn timer(runs: usize) -> Timer {
    Timer::new()
        .runs(runs)
        .min_batch(Duration::from_millis(100))
}

/// Picks engines by name (all of them when none is named).
pub fn select<E: Copy>(
    all: &[E],
    name: fn(E) -> &'static str,
    wanted: &[String],
) -> Result<Vec<E>, BenchError> {
    if wanted.is_empty() {
        return Ok(all.to_vec());
    }
    wanted
        .iter()
        .map(|w| {
            all.iter()
                .copied()
                .find(|&e| name(e) == w)
                .ok_or_else(|| BenchError::UnknownEngine {
                    name: w.clone(),
                    known: all.iter().map(|&e| name(e)).collect(),
                })
        })
        .collect()
}

/// The convolution at `size`×`size` on each engine.
pub fn convolution(
    size: usize,
    engines: &[conv::Engine],
    runs: usize,
) -> Result<Report, BenchError> {
    const FILTER: usize = 9;
    if size < FILTER {
        return Err(BenchError::TooSmall { size, min: FILTER });
    }
    // f and h, 8 bytes per value.
    check_memory(size, size.checked_mul(size).and_then(|n| n.checked_mul(16)))?;
    let (f, g) = conv::course_inputs(size);
    let macs = conv::multiply_adds(size, FILTER) as f64;
    let convolve = |engine: conv::Engine| engine.convolve(&f, &g).ok();
    let rows = time_rows(
        engines,
        conv::Engine::name,
        conv::Engine::Naive,
        convolve,
        macs,
        runs,
    );
    Ok(with_ratios(Report {
        benchmark: format!("convolution {size}×{size}, 9×9 filter, int64"),
        size,
        throughput_unit: "GMAC/s",
        rows,
    }))
}

/// The course's `fonction1` and `fonction2` on `a = b = 1..size` on each engine.
pub fn elementwise(
    size: usize,
    engines: &[elementwise::Engine],
    runs: usize,
) -> Result<Vec<Report>, BenchError> {
    if size == 0 {
        return Err(BenchError::TooSmall { size, min: 1 });
    }
    // a, b and the result, 8 bytes each.
    check_memory(size, size.checked_mul(24))?;
    let (a, b) = elementwise::course_inputs(size);
    let bytes = (2 * 8 * a.len()) as f64;
    let report = |name: &str, rows: Vec<Row>| {
        with_ratios(Report {
            benchmark: format!("{name} on {} f64", a.len()),
            size,
            throughput_unit: "GB/s",
            rows,
        })
    };
    let names = elementwise::Engine::name;
    let reference = elementwise::Engine::Loop;
    let rows1 = time_rows(
        engines,
        names,
        reference,
        |e| e.fonction1(&a, &b),
        bytes,
        runs,
    );
    let mut rows2 = time_rows(
        engines,
        names,
        reference,
        |e| e.fonction2(&a, &b),
        bytes,
        runs,
    );
    // The optimised fonction2 uses its own sin and asinh: close, not equal.
    for (row, &engine) in rows2.iter_mut().zip(engines) {
        let error = elementwise::fonction2_error(&engine.fonction2(&a, &b), &a, &b);
        row.equal_to_naive = error <= elementwise::FONCTION2_MAX_ULPS;
        row.max_error_ulps = Some(error);
    }
    Ok(vec![
        report("fonction1: a*b - 4.1*a > 2.5*b", rows1),
        report("fonction2: sin(a) + asinh(a/b)", rows2),
    ])
}

/// Times each engine on one computation, after checking that its result
/// equals the reference engine's; throughput is `work` per second, in billions.
fn time_rows<E: Copy, T: PartialEq>(
    engines: &[E],
    name: fn(E) -> &'static str,
    reference: E,
    compute: impl Fn(E) -> T,
    work: f64,
    runs: usize,
) -> Vec<Row> {
    let expected = compute(reference);
    engines
        .iter()
        .map(|&engine| {
            let equal = compute(engine) == expected;
            let timing = timer(runs).time(|| compute(engine));
            row(name(engine), &timing, equal, work / timing.median() / 1e9)
        })
        .collect()
}

fn row(engine: &str, timing: &crate::timeit::Timing, equal: bool, throughput: f64) -> Row {
    Row {
        engine: engine.to_string(),
        median_s: timing.median(),
        best_s: timing.best(),
        worst_s: timing.worst(),
        runs: timing.runs().len(),
        loops: timing.loops(),
        ratio_to_naive: None,
        throughput,
        equal_to_naive: equal,
        max_error_ulps: None,
    }
}

/// Ratios against the first engine's median when it is the reference one.
fn with_ratios(mut report: Report) -> Report {
    let reference = report
        .rows
        .first()
        .filter(|r| r.engine == "naive" || r.engine == "loop")
        .map(|r| r.median_s);
    for row in &mut report.rows {
        row.ratio_to_naive = reference.map(|reference| reference / row.median_s);
    }
    report
}

/// Refuses sizes whose arrays would not fit in the memory available.
fn check_memory(size: usize, needed: Option<usize>) -> Result<(), BenchError> {
    let available = available_memory();
    match needed {
        Some(bytes) if available.is_none_or(|available| (bytes as u64) < available) => Ok(()),
        _ => Err(BenchError::TooLarge {
            size,
            needed_mib: needed.map_or(u64::MAX, |b| b as u64 >> 20),
            available_mib: available.unwrap_or(0) >> 20,
        }),
    }
}

/// `MemAvailable` from /proc/meminfo on Linux; elsewhere unknown (no check).
fn available_memory() -> Option<u64> {
    let meminfo = std::fs::read_to_string("/proc/meminfo").ok()?;
    let line = meminfo
        .lines()
        .find(|line| line.starts_with("MemAvailable:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

/// The table, as a person reads it.
pub fn print_table(out: &mut impl Write, report: &Report) -> io::Result<()> {
    writeln!(out, "{}", report.benchmark.bold())?;
    writeln!(
        out,
        "{:<12} {:>11} {:>23} {:>9} {:>9}  equal to naive",
        "engine", "median", "spread (best – worst)", "vs naive", report.throughput_unit,
    )?;
    for row in &report.rows {
        let spread = format!(
            "{} – {}",
            crate::timeit::format_time(row.best_s),
            crate::timeit::format_time(row.worst_s)
        );
        let ratio = row
            .ratio_to_naive
            .map_or("-".to_string(), |r| format!("{r:.1}×"));
        let equal = match (row.equal_to_naive, row.max_error_ulps) {
            (true, None | Some(0.0)) => "yes".green(),
            (true, Some(e)) => format!("yes, max {e:.1} ulp").green(),
            (false, None) => "NO".red().bold(),
            (false, Some(e)) => format!("NO, max {e:.1} ulp").red().bold(),
        };
        writeln!(
            out,
            "{:<12} {:>11} {spread:>23} {ratio:>9} {:>9.2}  {equal}",
            row.engine,
            crate::timeit::format_time(row.median_s),
            row.throughput
        )?;
    }
    Ok(())
}
