//! `avance bench`: the measurements of [`crate::measure`] with the course's
//! own Python versions (`--python`) and the CUDA kernels (`--gpu`) added,
//! printed as a table in colour or as JSON for scripts; the machine's
//! limits; the parallelism variants.

use std::io::{self, Write};

use colored::Colorize;
use serde::Serialize;

use crate::conv;
use crate::elementwise;
use crate::measure::{MIN_BATCH, check_memory, timer};
use crate::report::bench::{Unit, header, line};

pub mod gpu;
pub mod parallel;
mod python;

pub use crate::measure::{BenchError, convolution, elementwise, select};
pub use crate::report::bench::{Report, Row};
pub use python::Suite;

/// A report of the convolution or the element-wise functions, with the
/// CUDA kernels' section under `avance bench conv --gpu`: the program's
/// own addition, so the library's [`Report`] never depends on it.
#[derive(Debug, Clone, Serialize)]
pub struct Measured {
    #[serde(flatten)]
    pub report: Report,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gpu: Option<gpu::GpuSection>,
}

/// Adds rows for the course's own Python versions of `suite`, run in
/// python3 on the same inputs with the same timing method, to its reports;
/// when Python cannot run them, a note says why.
pub fn add_python_rows(reports: &mut [Report], suite: Suite, runs: usize) {
    let Some(first) = reports.first_mut() else {
        return;
    };
    let size = first.size;
    let python = match python::run(suite, size, runs, MIN_BATCH) {
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
        if let Some(report) = reports.get_mut(row.benchmark.report_index()) {
            let unit = report.throughput_unit;
            report.push(python_row(row, size, unit));
        }
    }
}

/// A Python version's row: its timings, and its result compared with the
/// reference engine's.
fn python_row(row: &python::PythonRow, size: usize, unit: Unit) -> Row {
    let mut per_loop = row.per_loop.clone();
    per_loop.sort_by(f64::total_cmp);
    let median = per_loop
        .get(per_loop.len() / 2)
        .copied()
        .unwrap_or(f64::NAN);
    let (equal, max_error_ulps) = python_result_matches(row, size);
    let work = match unit {
        Unit::MultiplyAdds => conv::multiply_adds(size, 9) as f64,
        Unit::Bytes => (2 * 8 * size.saturating_sub(1)) as f64,
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
    match row.benchmark {
        python::Computation::Conv => {
            let (f, g) = conv::course_inputs(size);
            let expected = conv::Engine::Naive.convolve(&f, &g).ok();
            let words = row.read_words().unwrap_or_default();
            let got = words.iter().map(|w| i64::from_le_bytes(*w));
            (expected.is_some_and(|h| h.iter().copied().eq(got)), None)
        }
        python::Computation::Fonction1 => {
            let (a, b) = elementwise::course_inputs(size);
            let expected = elementwise::Engine::Loop.fonction1(&a, &b);
            let got = row.read_bytes().unwrap_or_default();
            (expected.iter().map(|&c| u8::from(c)).eq(got), None)
        }
        python::Computation::Fonction2 => {
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
