//! The benchmarks' measurements: each engine timed on the course's inputs
//! with IPython's method (`avance::timeit`), its result checked against the
//! reference engine's, in a [`Report`] (median, spread, ratio, throughput,
//! equality). It is in the light library so a notebook can run a benchmark
//! and see its table; `avance bench` adds the Python and GPU rows and
//! prints it. Sizes are validated before anything is allocated.

use std::time::Duration;

use crate::conv;
use crate::elementwise;
use crate::report::bench::{Report, Row, Unit};
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

/// How each engine is timed: at least 0.1 s per batch, so a slow engine
/// takes one loop per run and the whole table stays quick.
pub(crate) const MIN_BATCH: Duration = Duration::from_millis(100);

pub(crate) fn timer(runs: usize) -> Timer {
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
    Ok(Report::new(
        format!("convolution {size}×{size}, 9×9 filter, int64"),
        size,
        Unit::MultiplyAdds,
        rows,
        reference_row(engines, conv::Engine::Naive),
    ))
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
    let names = elementwise::Engine::name;
    let reference = elementwise::Engine::Loop;
    let report = |name: &str, rows: Vec<Row>| {
        Report::new(
            format!("{name} on {} f64", a.len()),
            size,
            Unit::Bytes,
            rows,
            reference_row(engines, reference),
        )
    };
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

/// Where the reference engine is among those timed, if it is.
fn reference_row<E: PartialEq>(engines: &[E], reference: E) -> Option<usize> {
    engines.iter().position(|engine| *engine == reference)
}

/// Refuses sizes whose arrays would not fit in the memory available.
pub(crate) fn check_memory(size: usize, needed: Option<usize>) -> Result<(), BenchError> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_convolution_benchmark_checks_every_engine_against_naive() {
        let report = convolution(16, &conv::Engine::ALL, 1).unwrap();
        let engines: Vec<&str> = report.rows.iter().map(|row| row.engine.as_str()).collect();
        assert_eq!(engines, ["naive", "ndarray", "rayon", "optimized"]);
        assert!(report.rows.iter().all(|row| row.equal_to_naive));
        assert_eq!(report.rows[0].ratio_to_naive, Some(1.0));
        assert!(report.to_html().contains("<svg"));
    }

    #[test]
    fn bad_sizes_and_names_are_refused_before_anything_runs() {
        assert_eq!(
            convolution(8, &conv::Engine::ALL, 1).unwrap_err(),
            BenchError::TooSmall { size: 8, min: 9 }
        );
        let unknown = select(&conv::Engine::ALL, conv::Engine::name, &["cuda".into()]);
        assert_eq!(
            unknown.unwrap_err().to_string(),
            "unknown engine `cuda`; the engines are: naive, ndarray, rayon, optimized"
        );
    }
}
