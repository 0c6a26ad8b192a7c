//! `avance bench`: the measurements of [`crate::measure`] with the course's
//! own Python versions (`--python`) and the CUDA kernels (`--gpu`) added,
//! printed as a table in colour or as JSON for scripts; the machine's
//! limits; the parallelism variants. Feature `bench` holds the tables and
//! the GPU section, which the GPU kit's `avance-gpu` uses without the
//! terminal program; the Python rows and the parallel variants need `cli`.
//! The headers are in the course's language with `cli` ([`heading`]),
//! English without it; the units (GMAC/s, GB/s) are the same in both.

use std::io::{self, Write};

use colored::Colorize;
use serde::Serialize;

use crate::measure::{check_memory, timer};
use crate::report::bench::{header, line};

pub mod gpu;
#[cfg(feature = "cli")]
pub mod parallel;
#[cfg(feature = "cli")]
mod python;

pub use crate::measure::{BenchError, convolution, elementwise, select};
pub use crate::report::bench::{Report, Row};
#[cfg(feature = "cli")]
pub use python::{Suite, add_python_rows};

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

/// The reports as JSON, or as tables with the GPU's below its report's.
pub fn print_measured(out: &mut impl Write, measured: &[Measured], json: bool) -> io::Result<()> {
    if json {
        serde_json::to_writer_pretty(&mut *out, measured)?;
        writeln!(out)?;
        return Ok(());
    }
    for Measured { report, gpu } in measured {
        print_table(out, report)?;
        writeln!(out)?;
        if let Some(gpu::GpuSection::Measured(gpu)) = gpu {
            gpu::print(out, gpu)?;
            writeln!(out)?;
        }
    }
    Ok(())
}

/// The table, as a person reads it: [`Report`]'s text, in colour.
pub fn print_table(out: &mut impl Write, report: &Report) -> io::Result<()> {
    writeln!(out, "{}", report.benchmark.bold())?;
    let [engine, median, spread, ratio, unit, equal] = header(report.throughput_unit);
    let head = [
        heading("bench-engine", engine),
        heading("bench-median", median),
        heading("bench-spread", spread),
        heading("bench-vs-naive", ratio),
        unit.to_string(),
        heading("bench-equal", equal),
    ];
    write!(out, "{}", line(&head))?;
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

/// A word of the tables' headers in the course's language (ids in
/// `i18n/*.ftl`); `avance-gpu`, built without the terminal program, keeps
/// the English.
pub(crate) fn heading(id: &str, english: &str) -> String {
    #[cfg(feature = "cli")]
    {
        let _ = english;
        crate::i18n::ui::message(id, &[])
    }
    #[cfg(not(feature = "cli"))]
    {
        let _ = id;
        english.to_string()
    }
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
    let title = format!(
        "{} {} threads",
        heading("bench-machine-limits", "machine limits,"),
        rayon::current_num_threads()
    );
    writeln!(out, "{}", title.bold())?;
    writeln!(
        out,
        "{:<46} {:>11} {:>16}",
        heading("bench-limit", "limit"),
        heading("bench-median", "median"),
        heading("bench-rate", "rate")
    )?;
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

#[cfg(all(test, feature = "cli"))]
mod tests {
    /// Every heading id exists, and says in English what the tables said.
    #[test]
    fn the_headings_in_english_are_the_words_they_replace() {
        let english = crate::i18n::ui::source(crate::i18n::Language::English);
        let source = include_str!("bench.rs").to_string() + include_str!("bench/gpu.rs");
        let calls: Vec<&str> = source.split("heading(\"").skip(1).collect();
        assert!(calls.len() > 10, "{calls:?}");
        for call in calls {
            let (id, rest) = call.split_once('"').unwrap();
            assert!(
                english.contains(&format!("\n{id} = ")),
                "{id} not in i18n/en.ftl"
            );
            // The English given as a literal, not through `header`.
            if let Some(words) = rest.strip_prefix(", \"").and_then(|r| r.split_once('"')) {
                let words = words.0;
                assert!(
                    english.contains(&format!("\n{id} = {words}\n")),
                    "{id} = {words} not in i18n/en.ftl"
                );
            }
        }
    }
}
