//! `avance bench conv --gpu`: each CUDA kernel on the course's inputs, its
//! result compared exactly with the naive CPU engine's, timed alone (CUDA
//! events) and end to end as the course's `convolve_cuda` is, and set
//! against the device's floor and the best CPU engine of the same report.
//! Without a GPU the section is one line saying why.

use std::io::{self, Write};

use colored::Colorize;
use serde::Serialize;

use super::{Report, heading};
use crate::conv::gpu::{self, Floor, GpuError, Kernel, Taps};
use crate::conv::{self, Engine};
use crate::report::bench::significant;
use crate::timeit::format_time;

/// Kernel launches timed with events, after the warm-up.
pub const LAUNCHES: usize = 100;

/// The GPU part of a convolution report.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GpuSection {
    /// "no CUDA device: <reason>".
    Unavailable(String),
    Measured(GpuReport),
}

/// The device, its floors for this size, and one row per kernel.
#[derive(Debug, Clone, Serialize)]
pub struct GpuReport {
    pub device: String,
    pub versions: String,
    pub floors: Vec<FloorEntry>,
    pub rows: Vec<GpuRow>,
    pub notes: Vec<String>,
}

/// The floor for one width of taps.
#[derive(Debug, Clone, Serialize)]
pub struct FloorEntry {
    /// "64-bit taps" or "32-bit taps".
    pub taps: String,
    pub seconds: f64,
    /// The floor and what bounds it, as a person reads it.
    pub text: String,
}

/// One kernel's figures; ratios above 1 mean faster than the CPU.
#[derive(Debug, Clone, Serialize)]
pub struct GpuRow {
    pub kernel: String,
    pub kernel_median_s: f64,
    pub kernel_best_s: f64,
    pub kernel_worst_s: f64,
    pub launches: usize,
    /// Kernel-only median over the floor its taps allow (1 would be the
    /// floor itself).
    pub times_floor: f64,
    /// GMAC/s of the kernel alone.
    pub throughput: f64,
    pub end_to_end_s: f64,
    pub end_to_end_pinned_s: f64,
    pub vs_best_cpu_kernel: Option<f64>,
    pub vs_best_cpu_end_to_end: Option<f64>,
    pub equal_to_naive: bool,
}

/// Runs every kernel at the report's size; no device is a section that
/// says so, any other failure an error.
pub fn measure(report: &Report, runs: usize) -> Result<GpuSection, GpuError> {
    let device = match gpu::device() {
        Ok(device) => device,
        Err(error @ GpuError::NoDevice(_)) => {
            return Ok(GpuSection::Unavailable(error.to_string()));
        }
        Err(error) => return Err(error),
    };
    let size = report.size;
    let (f, g) = conv::course_inputs(size);
    let expected = Engine::Naive.convolve(&f, &g)?;
    let limits = device.limits();
    let floor = |taps| Floor::new(limits, (size, size), g.nrows(), taps);
    let best_cpu = report
        .rows
        .iter()
        .filter(|row| row.equal_to_naive)
        .map(|row| row.median_s)
        .reduce(f64::min);
    let rows = Kernel::ALL
        .into_iter()
        .map(|kernel| {
            let timing = device.time(kernel, &f, &g, LAUNCHES, runs)?;
            let kernel_s = Stats::of(timing.kernel_s);
            let end_to_end = Stats::of(timing.end_to_end_s).median;
            let floor = floor(kernel.taps()); // the floor of this kernel's taps
            Ok(GpuRow {
                kernel: kernel.name().to_string(),
                kernel_median_s: kernel_s.median,
                kernel_best_s: kernel_s.best,
                kernel_worst_s: kernel_s.worst,
                launches: LAUNCHES,
                times_floor: kernel_s.median / floor.seconds(),
                throughput: floor.multiply_adds as f64 / kernel_s.median / 1e9,
                end_to_end_s: end_to_end,
                end_to_end_pinned_s: Stats::of(timing.end_to_end_pinned_s).median,
                vs_best_cpu_kernel: best_cpu.map(|cpu| cpu / kernel_s.median),
                vs_best_cpu_end_to_end: best_cpu.map(|cpu| cpu / end_to_end),
                equal_to_naive: timing.result == expected,
            })
        })
        .collect::<Result<_, GpuError>>()?;
    let (major, minor) = limits.compute_capability;
    Ok(GpuSection::Measured(GpuReport {
        device: format!(
            "{}, compute capability {major}.{minor}, {} SMs at {:.0} MHz, {:.0} GB/s",
            limits.name, limits.multiprocessors, limits.clock_mhz, limits.bandwidth_gbs
        ),
        versions: device.versions().to_string(),
        floors: Taps::ALL
            .into_iter()
            .map(|taps| {
                let floor = floor(taps);
                FloorEntry {
                    taps: taps.to_string(),
                    seconds: floor.seconds(),
                    text: floor.to_string(),
                }
            })
            .collect(),
        rows,
        notes: vec![
            format!(
                "kernel only: median of {LAUNCHES} launches, each between two CUDA events, after 5 untimed"
            ),
            format!(
                "end to end: the course's convolve_cuda (allocate h, launch, copy h back; f already on the GPU), median of {runs} runs; copied into pageable memory as numpy's, then into a pinned buffer"
            ),
        ],
    }))
}

/// Median, best and worst of a set of times.
struct Stats {
    median: f64,
    best: f64,
    worst: f64,
}

impl Stats {
    fn of(mut times: Vec<f64>) -> Stats {
        times.sort_by(f64::total_cmp);
        let at = |i: usize| times.get(i).copied().unwrap_or(f64::NAN);
        Stats {
            median: at(times.len() / 2),
            best: at(0),
            worst: at(times.len().wrapping_sub(1)),
        }
    }
}

/// The GPU table, as a person reads it.
pub fn print(out: &mut impl Write, report: &GpuReport) -> io::Result<()> {
    writeln!(
        out,
        "{} {}",
        heading("bench-gpu", "GPU:").bold(),
        report.device.bold()
    )?;
    writeln!(out, "{}", report.versions)?;
    for floor in &report.floors {
        writeln!(
            out,
            "{} {}: {}",
            heading("bench-floor", "floor,"),
            floor.taps,
            floor.text
        )?;
    }
    let headings = [
        heading("bench-kernel", "kernel"),
        heading("bench-kernel-only", "kernel only"),
        heading("bench-times-floor", "× floor"),
        "GMAC/s".to_string(),
        heading("bench-end-to-end", "end to end"),
        heading("bench-pinned", "pinned"),
        heading("bench-vs-best-cpu", "vs best CPU"),
    ];
    // Each column as wide as its heading in the course's language.
    let w: Vec<usize> = [12, 11, 8, 8, 11, 11, 13]
        .iter()
        .zip(&headings)
        .map(|(&least, heading)| least.max(heading.chars().count()))
        .collect();
    table_row(out, &w, headings, heading("bench-equal", "equal to naive"))?;
    for row in &report.rows {
        let ratio = |r: Option<f64>| r.map_or("-".to_string(), |r| format!("{}×", significant(r)));
        let equal = if row.equal_to_naive {
            "yes".green()
        } else {
            "NO".red().bold()
        };
        let cells = [
            row.kernel.clone(),
            format_time(row.kernel_median_s),
            significant(row.times_floor),
            significant(row.throughput),
            format_time(row.end_to_end_s),
            format_time(row.end_to_end_pinned_s),
            format!(
                "{} / {}",
                ratio(row.vs_best_cpu_kernel),
                ratio(row.vs_best_cpu_end_to_end)
            ),
        ];
        table_row(out, &w, cells, equal)?;
    }
    writeln!(
        out,
        "{}",
        heading(
            "bench-vs-best-cpu-note",
            "vs best CPU: kernel only / end to end, against the fastest CPU engine above"
        )
        .dimmed()
    )?;
    for note in &report.notes {
        writeln!(out, "{}", note.dimmed())?;
    }
    Ok(())
}

/// One line of the GPU table: the kernel's name left-aligned, the six
/// figures right-aligned, each in its column's width `w`, then `last`.
fn table_row(
    out: &mut impl Write,
    w: &[usize],
    cells: [String; 7],
    last: impl std::fmt::Display,
) -> io::Result<()> {
    let [kernel, figures @ ..] = cells;
    write!(out, "{kernel:<w0$}", w0 = w[0])?;
    for (cell, &width) in figures.iter().zip(&w[1..]) {
        write!(out, " {cell:>width$}")?;
    }
    writeln!(out, "  {last}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stats_are_the_middle_and_the_ends() {
        let stats = Stats::of(vec![3.0, 1.0, 2.0, 5.0, 4.0]);
        assert_eq!((stats.median, stats.best, stats.worst), (3.0, 1.0, 5.0));
        assert!(Stats::of(Vec::new()).median.is_nan());
    }

    fn described_report() -> GpuReport {
        GpuReport {
            device: "NVIDIA H100 80GB HBM3, compute capability 9.0".into(),
            versions: "driver 13.0, NVRTC 13.0".into(),
            floors: vec![
                FloorEntry {
                    taps: "64-bit taps".into(),
                    seconds: 76.9e-6,
                    text: "76.9 µs (arithmetic-bound)".into(),
                },
                FloorEntry {
                    taps: "32-bit taps".into(),
                    seconds: 57.6e-6,
                    text: "57.6 µs (arithmetic-bound)".into(),
                },
            ],
            rows: vec![GpuRow {
                kernel: "cuda tiled".into(),
                kernel_median_s: 100e-6,
                kernel_best_s: 99e-6,
                kernel_worst_s: 120e-6,
                launches: LAUNCHES,
                times_floor: 1.3,
                throughput: 3214.0,
                end_to_end_s: 2.5e-3,
                end_to_end_pinned_s: 1.0e-3,
                vs_best_cpu_kernel: Some(60.0),
                vs_best_cpu_end_to_end: Some(2.4),
                equal_to_naive: true,
            }],
            notes: vec!["kernel only: ...".into()],
        }
    }

    #[test]
    #[cfg(feature = "cli")] // strip_styles is the terminal program's
    fn the_table_has_the_device_the_floor_and_a_row_per_kernel() {
        let mut out = Vec::new();
        print(&mut out, &described_report()).unwrap();
        let text = crate::render::strip_styles(&String::from_utf8(out).unwrap());
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[0],
            "GPU: NVIDIA H100 80GB HBM3, compute capability 9.0"
        );
        assert_eq!(lines[2], "floor, 64-bit taps: 76.9 µs (arithmetic-bound)");
        assert_eq!(lines[3], "floor, 32-bit taps: 57.6 µs (arithmetic-bound)");
        let row = lines[5];
        assert!(
            row.starts_with("cuda tiled        100 µs      1.3   3214.0"),
            "{row}"
        );
        // each header ends where its column's values end
        let end_of = |line: &str, text: &str| {
            let at = line.find(text).unwrap();
            line[..at].chars().count() + text.chars().count()
        };
        assert_eq!(end_of(lines[4], "GMAC/s"), end_of(row, "3214.0"));
        assert_eq!(end_of(lines[4], "pinned"), end_of(row, "1 ms"));
        assert!(row.ends_with("60.0× / 2.4×  yes"), "{row}");
    }

    #[test]
    fn json_says_whether_the_gpu_was_measured() {
        let unavailable = GpuSection::Unavailable("no CUDA device: AVANCE_GPU=off".into());
        let json = serde_json::to_value(&unavailable).unwrap();
        assert_eq!(json["unavailable"], "no CUDA device: AVANCE_GPU=off");
        let json = serde_json::to_value(GpuSection::Measured(described_report())).unwrap();
        assert_eq!(json["measured"]["rows"][0]["times_floor"], 1.3);
        assert_eq!(json["measured"]["floors"][1]["taps"], "32-bit taps");
    }
}
