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
use crate::report::bench::{header, line};
use crate::timeit::Timer;

pub mod gpu;
pub mod parallel;
mod python;

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

pub use crate::report::bench::{Report, Row};

/// How each engine is timed: at least 0.1 s per batch, so a slow engine
/// takes one loop per run and the whole table stays quick.
const MIN_BATCH: Duration = Duration::from_millis(100);

fn timer(runs: usize) -> Timer {
    Timer::new().runs(runs).min_batch(MIN_BATCH)
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
        notes: Vec::new(),
        ..Report::default()
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
            notes: Vec::new(),
            ..Report::default()
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

/// Adds rows for the course's own Python versions, run in python3 on the
/// same inputs with the same timing method, to the reports of `conv` or
/// `elementwise`; when Python cannot run them, a note says why.
pub fn add_python_rows(reports: &mut [Report], runs: usize) {
    let Some(first) = reports.first_mut() else {
        return;
    };
    let size = first.size;
    let what = if first.throughput_unit == "GMAC/s" {
        "conv"
    } else {
        "elementwise"
    };
    let python = match python::run(what, size, runs, MIN_BATCH) {
        Ok(python) => python,
        Err(error) => {
            first.notes.push(error.to_string());
            return;
        }
    };
    first.notes.push(format!(
        "Python {}, numpy {}: timed in python3 as %timeit does",
        python.python, python.numpy
    ));
    first.notes.extend(python.notes.iter().cloned());
    for row in &python.rows {
        let index = usize::from(row.benchmark == "fonction2");
        if let Some(report) = reports.get_mut(index) {
            report
                .rows
                .push(python_row(row, size, report.throughput_unit));
            *report = with_ratios(std::mem::take(report));
        }
    }
}

/// A Python version's row: its timings, and its result compared with the
/// reference engine's.
fn python_row(row: &python::PythonRow, size: usize, unit: &str) -> Row {
    let mut per_loop = row.per_loop.clone();
    per_loop.sort_by(f64::total_cmp);
    let median = per_loop
        .get(per_loop.len() / 2)
        .copied()
        .unwrap_or(f64::NAN);
    let (equal, max_error_ulps) = python_result_matches(row, size);
    let work = match unit {
        "GMAC/s" => conv::multiply_adds(size, 9) as f64,
        _ => (2 * 8 * size.saturating_sub(1)) as f64,
    };
    Row {
        engine: row.engine.clone(),
        median_s: median,
        best_s: per_loop.first().copied().unwrap_or(f64::NAN),
        worst_s: per_loop.last().copied().unwrap_or(f64::NAN),
        runs: per_loop.len(),
        loops: row.loops,
        ratio_to_naive: None,
        throughput: work / median / 1e9,
        equal_to_naive: equal,
        max_error_ulps,
    }
}

/// Whether the Python result is the reference's, and for `fonction2` its
/// largest error in ulps (numpy's `sin` and `arcsinh` are its own, held to
/// the optimised engine's bound).
fn python_result_matches(row: &python::PythonRow, size: usize) -> (bool, Option<f64>) {
    match row.benchmark.as_str() {
        "conv" => {
            let (f, g) = conv::course_inputs(size);
            let expected = conv::Engine::Naive.convolve(&f, &g).ok();
            let words = row.read_words().unwrap_or_default();
            let got = words.iter().map(|w| i64::from_le_bytes(*w));
            (expected.is_some_and(|h| h.iter().copied().eq(got)), None)
        }
        "fonction1" => {
            let (a, b) = elementwise::course_inputs(size);
            let expected = elementwise::Engine::Loop.fonction1(&a, &b);
            let got = row.read_bytes().unwrap_or_default();
            (expected.iter().map(|&c| u8::from(c)).eq(got), None)
        }
        _ => {
            let (a, b) = elementwise::course_inputs(size);
            let words = row.read_words().unwrap_or_default();
            if words.len() != a.len() {
                return (false, None);
            }
            let got = words.iter().map(|w| f64::from_le_bytes(*w)).collect();
            let error = elementwise::fonction2_error(&got, &a, &b);
            (error <= elementwise::FONCTION2_MAX_ULPS, Some(error))
        }
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

/// The table, as a person reads it: [`Report`]'s text, in colour.
pub fn print_table(out: &mut impl Write, report: &Report) -> io::Result<()> {
    writeln!(out, "{}", report.benchmark.bold())?;
    write!(
        out,
        "{}",
        line(&header(report.throughput_unit).map(str::to_string))
    )?;
    for row in &report.rows {
        let mut cells = row.cells();
        cells[5] = if row.equal_to_naive {
            cells[5].green().to_string()
        } else {
            cells[5].red().bold().to_string()
        };
        write!(out, "{}", line(&cells))?;
    }
    for note in &report.notes {
        writeln!(out, "{}", note.dimmed())?;
    }
    Ok(())
}

/// One measured limit of the machine (see [`crate::machine`]).
#[derive(Debug, Clone, Serialize)]
pub struct Limit {
    pub limit: String,
    pub median_s: f64,
    pub best_s: f64,
    pub worst_s: f64,
    /// Work per second, in billions of `unit`'s units.
    pub rate: f64,
    pub unit: &'static str,
}

/// Measures every limit `crate::machine` knows for this processor.
pub fn machine(runs: usize) -> Result<Vec<Limit>, BenchError> {
    // The largest probe copies 512 MiB into another 512 MiB.
    check_memory(1 << 30, Some(1 << 30))?;
    Ok(crate::machine::probes()
        .into_iter()
        .map(|probe| {
            let timing = timer(runs).time(|| (probe.run)());
            Limit {
                limit: probe.name,
                median_s: timing.median(),
                best_s: timing.best(),
                worst_s: timing.worst(),
                rate: probe.work / timing.median() / 1e9,
                unit: probe.unit,
            }
        })
        .collect())
}

/// The limits, as a person reads them.
pub fn print_limits(out: &mut impl Write, limits: &[Limit]) -> io::Result<()> {
    writeln!(
        out,
        "{}",
        format!("machine limits, {} threads", rayon::current_num_threads()).bold()
    )?;
    writeln!(out, "{:<46} {:>11} {:>16}", "limit", "median", "rate")?;
    for limit in limits {
        writeln!(
            out,
            "{:<46} {:>11} {:>8.1} {:<7}",
            limit.limit,
            crate::timeit::format_time(limit.median_s),
            limit.rate,
            limit.unit
        )?;
    }
    Ok(())
}
