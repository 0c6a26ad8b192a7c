//! `avance bench --python`: runs the course's own Python versions (numpy,
//! and numexpr and Numba when installed) in a python3 subprocess, timed as
//! IPython's `%timeit` times them, and reads back their timings and results
//! so they become rows of the same table as the Rust engines.

use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use serde::Deserialize;

use super::{Report, Row};
use crate::measure::MIN_BATCH;
use crate::report::bench::Unit;
use crate::{conv, elementwise};

/// The script, run with `python3 -c`.
const SCRIPT: &str = include_str!("course.py");

/// Why there are no Python rows; the Rust rows are printed all the same.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PythonError {
    #[error("{program} not found: the Python rows need python3 with numpy (or set AVANCE_PYTHON)")]
    NotFound { program: String },
    #[error("{program} has no {module}: the Python rows need it (pip install {module})")]
    MissingModule { program: String, module: String },
    #[error("the course's Python versions failed: {0}")]
    Failed(String),
}

/// Which of the course's Python versions to run: the script's first argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suite {
    /// `convolve_python`, `convolve_numpy`, `convolve_numba`...
    Conv,
    /// `fonction1` and `fonction2` in numpy, numexpr and Numba.
    Elementwise,
}

impl Suite {
    fn argument(self) -> &'static str {
        match self {
            Suite::Conv => "conv",
            Suite::Elementwise => "elementwise",
        }
    }
}

/// The computation a Python row timed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Computation {
    Conv,
    Fonction1,
    Fonction2,
}

impl Computation {
    /// Which report of its suite the row joins: `fonction2` has the second.
    pub fn report_index(self) -> usize {
        match self {
            Computation::Conv | Computation::Fonction1 => 0,
            Computation::Fonction2 => 1,
        }
    }
}

/// One version's timing, as the script reports it.
#[derive(Debug, Clone, Deserialize)]
pub struct PythonRow {
    pub benchmark: Computation,
    /// `python`, `numpy`, `numexpr` or `numba`.
    pub engine: String,
    /// Seconds per loop of each run.
    pub per_loop: Vec<f64>,
    pub loops: u64,
    /// The raw little-endian result: int64, uint8 for booleans, or float64.
    pub result: PathBuf,
}

impl PythonRow {
    /// The result file as 8-byte little-endian values.
    pub fn read_words(&self) -> Option<Vec<[u8; 8]>> {
        let bytes = std::fs::read(&self.result).ok()?;
        let words = bytes.chunks_exact(8);
        words
            .remainder()
            .is_empty()
            .then(|| words.map(|w| w.try_into().expect("8 bytes")).collect())
    }

    /// The result file as bytes (booleans).
    pub fn read_bytes(&self) -> Option<Vec<u8>> {
        std::fs::read(&self.result).ok()
    }
}

/// What the script printed.
#[derive(Debug, Clone, Deserialize)]
pub struct PythonReport {
    pub python: String,
    pub numpy: String,
    pub rows: Vec<PythonRow>,
    /// Versions not run, and why.
    pub notes: Vec<String>,
    /// Kept so the result files live as long as the report.
    #[serde(skip)]
    folder: Option<std::sync::Arc<tempfile::TempDir>>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum ScriptOutput {
    Missing { missing: String },
    Report(PythonReport),
}

/// Runs the course's versions of `suite`.
pub fn run(
    suite: Suite,
    size: usize,
    runs: usize,
    min_batch: Duration,
) -> Result<PythonReport, PythonError> {
    let program = crate::python::interpreter();
    let folder = tempfile::tempdir().map_err(|error| PythonError::Failed(error.to_string()))?;
    let output = Command::new(&program)
        .arg("-c")
        .arg(SCRIPT)
        .args([suite.argument(), &size.to_string(), &runs.to_string()])
        .arg(min_batch.as_secs_f64().to_string())
        .arg(folder.path())
        .output()
        .map_err(|error| match error.kind() {
            std::io::ErrorKind::NotFound => PythonError::NotFound {
                program: program.clone(),
            },
            _ => PythonError::Failed(format!("{program}: {error}")),
        })?;
    if !output.status.success() {
        return Err(PythonError::Failed(last_line(&output.stderr)));
    }
    parse(&program, &output.stdout, folder)
}

fn parse(
    program: &str,
    stdout: &[u8],
    folder: tempfile::TempDir,
) -> Result<PythonReport, PythonError> {
    match serde_json::from_slice::<ScriptOutput>(stdout) {
        Ok(ScriptOutput::Missing { missing }) => Err(PythonError::MissingModule {
            program: program.to_string(),
            module: missing,
        }),
        Ok(ScriptOutput::Report(mut report)) => {
            report.folder = Some(std::sync::Arc::new(folder));
            Ok(report)
        }
        Err(error) => Err(PythonError::Failed(format!(
            "unreadable output ({error}): {}",
            last_line(stdout)
        ))),
    }
}

fn last_line(text: &[u8]) -> String {
    let text = String::from_utf8_lossy(text);
    text.lines()
        .rev()
        .find(|line| !line.trim().is_empty())
        .unwrap_or("no message")
        .trim()
        .to_string()
}

/// Adds rows for the course's own Python versions of `suite`, run in
/// python3 on the same inputs with the same timing method, to its reports;
/// when Python cannot run them, a note says why.
pub fn add_python_rows(reports: &mut [Report], suite: Suite, runs: usize) {
    let Some(first) = reports.first_mut() else {
        return;
    };
    let size = first.size;
    let python = match run(suite, size, runs, MIN_BATCH) {
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
fn python_row(row: &PythonRow, size: usize, unit: Unit) -> Row {
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
fn python_result_matches(row: &PythonRow, size: usize) -> (bool, Option<f64>) {
    match row.benchmark {
        Computation::Conv => {
            let (f, g) = conv::course_inputs(size);
            let expected = conv::Engine::Naive.convolve(&f, &g).ok();
            let words = row.read_words().unwrap_or_default();
            let got = words.iter().map(|w| i64::from_le_bytes(*w));
            (expected.is_some_and(|h| h.iter().copied().eq(got)), None)
        }
        Computation::Fonction1 => {
            let (a, b) = elementwise::course_inputs(size);
            let expected = elementwise::Engine::Loop.fonction1(&a, &b);
            let got = row.read_bytes().unwrap_or_default();
            (expected.iter().map(|&c| u8::from(c)).eq(got), None)
        }
        Computation::Fonction2 => {
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
