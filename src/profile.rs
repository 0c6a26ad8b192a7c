//! Profiling in process, the port of the course's `cProfile.run(...)`: a
//! sampling profiler (the pprof crate) interrupts the program about a
//! thousand times a second of CPU time and records the call stack, and
//! [`Profile`] turns those stacks into what the course shows: a table like
//! pstats (time spent in each function itself and below it, sorted) and a
//! flamegraph SVG, as gprof2dot draws a graph.
//!
//! cProfile counts every call; a sampling profiler counts where the time
//! goes, which is what "only optimize the bottlenecks" needs, at a cost
//! small enough to profile release builds. Functions that the compiler
//! inlines appear as their caller: mark the ones to see `#[inline(never)]`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub mod example;

/// Samples asked for per second of CPU time; the kernel's timer may give
/// fewer (250 a second is common), so times are computed from the shares.
pub const FREQUENCY: u32 = 1000;

/// Why a profile could not be taken or written.
#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    #[error("the sampling profiler could not start: {0} (only one profile can run at a time)")]
    Start(String),
    #[error("the profile could not be read: {0}")]
    Report(String),
    #[error("cannot write the flamegraph to {path}: {message}")]
    Write { path: PathBuf, message: String },
}

/// Runs `work` under the sampling profiler and returns its value with the
/// profile. Only the calling thread's frames below this call are kept, as
/// cProfile keeps those below `run`: work that other threads do (rayon's
/// workers) needs a whole-program profiler such as perf.
#[inline(never)]
pub fn profile<T>(work: impl FnOnce() -> T) -> Result<(T, Profile), ProfileError> {
    let guard = pprof::ProfilerGuardBuilder::default()
        .frequency(FREQUENCY as i32)
        // Unwinding through these from a signal handler can deadlock.
        .blocklist(&["libc", "libgcc", "pthread", "vdso"])
        .build()
        .map_err(|error| ProfileError::Start(error.to_string()))?;
    let started = Instant::now();
    let (mut work, mut value) = (Some(work), None);
    profiled_work(&mut || {
        if let Some(work) = work.take() {
            value = Some(work());
        }
    });
    let duration = started.elapsed();
    let report = guard
        .report()
        .build()
        .map_err(|error| ProfileError::Report(error.to_string()))?;
    let stacks = report
        .data
        .iter()
        .map(|(frames, &count)| Stack {
            frames: stack_below_marker(frames),
            samples: count.max(0) as u64,
        })
        .filter(|stack| !stack.frames.is_empty())
        .collect();
    let value = value.expect("profiled_work runs the work once");
    Ok((value, Profile { stacks, duration }))
}

/// The frame below which samples belong to the profiled work. Not generic,
/// so it has one name in every build, and never inlined.
#[inline(never)]
fn profiled_work(work: &mut dyn FnMut()) {
    work();
    // Code after the call keeps it from becoming a jump, which would take
    // this frame off the stack.
    std::hint::black_box(());
}

/// One function of one sampled stack.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Frame {
    function: String,
    file: Option<String>,
    line: Option<u32>,
}

/// A distinct call stack, outermost frame first, and how often it was sampled.
#[derive(Debug, Clone)]
struct Stack {
    frames: Vec<Frame>,
    samples: u64,
}

/// The frames of one sample, outermost first, below [`profile`] itself;
/// empty for a sample of another thread.
fn stack_below_marker(frames: &pprof::Frames) -> Vec<Frame> {
    // pprof gives the innermost frame first and, within a frame, the
    // innermost inlined function first.
    let mut innermost_first: Vec<Frame> = frames
        .frames
        .iter()
        .flatten()
        .map(|symbol| Frame {
            function: short_name(&symbol.name()),
            file: symbol.filename.as_deref().map(short_file),
            line: symbol.lineno,
        })
        .skip_while(|frame| is_profiler_frame(&frame.function))
        .collect();
    let Some(marker) = innermost_first
        .iter()
        .position(|frame| frame.function == "profiled_work")
    else {
        return Vec::new();
    };
    innermost_first.truncate(marker);
    // The closure through which `profile` hands the work to the marker.
    if innermost_first.last().is_some_and(|frame| {
        frame.function.contains("closure") && frame.file.as_deref() == Some("profile.rs")
    }) {
        innermost_first.pop();
    }
    innermost_first.reverse();
    innermost_first
}

/// The sampler's own frames, innermost in every sample.
fn is_profiler_frame(function: &str) -> bool {
    matches!(
        function,
        "trace" | "trace_unsynchronized" | "perf_signal_handler"
    ) || function.starts_with("backtrace")
}

/// A function's name as pstats shows it: without its module path, generic
/// arguments or hash (`function2`, `mapv_inplace`), a closure with its
/// function (`function1::{{closure}}`). Debug information names inlined
/// functions this way already; symbol tables give the full path.
fn short_name(function: &str) -> String {
    let mut plain = String::new();
    let (mut depth, mut previous) = (0usize, ' ');
    for c in function.chars() {
        match c {
            '<' => depth += 1,
            '>' if depth > 0 && previous != '-' => depth -= 1,
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
        previous = c;
    }
    let segments: Vec<&str> = plain
        .split("::")
        .filter(|segment| !segment.is_empty() && !is_hash(segment))
        .collect();
    match segments.as_slice() {
        [.., parent, last] if last.starts_with('{') => format!("{parent}::{last}"),
        [.., last] => last.to_string(),
        [] => function.to_string(),
    }
}

/// The `h0123456789abcdef` that ends a legacy mangled name.
fn is_hash(segment: &str) -> bool {
    segment.len() == 17
        && segment.starts_with('h')
        && segment[1..].chars().all(|c| c.is_ascii_hexdigit())
}

/// A source file by its name, or for a lesson's snippet (compiled from
/// `…/lessons/21-profiling.md/slide-3.rs`) by its lesson file.
fn short_file(path: &Path) -> String {
    let name = |path: &Path| {
        path.file_name()
            .map(|name| name.to_string_lossy().into_owned())
    };
    match path.parent() {
        Some(lesson) if lesson.extension().is_some_and(|ext| ext == "md") => name(lesson),
        _ => name(path),
    }
    .unwrap_or_else(|| path.display().to_string())
}

/// What a profile says about one function.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FunctionStats {
    /// The function's name without its path (see `short_name`).
    pub function: String,
    /// `file:line` of the first line sampled in it, pstats' `filename:lineno`.
    pub location: Option<String>,
    /// Samples in the function itself (pstats' `tottime`).
    pub self_samples: u64,
    /// Samples in it or in what it called (pstats' `cumtime`).
    pub cumulative_samples: u64,
}

/// The call stacks sampled while [`profile`] ran.
#[derive(Debug, Clone)]
pub struct Profile {
    stacks: Vec<Stack>,
    duration: Duration,
}

impl Profile {
    /// All samples taken.
    pub fn samples(&self) -> u64 {
        self.stacks.iter().map(|stack| stack.samples).sum()
    }

    /// The wall-clock time the profiled work took.
    pub fn duration(&self) -> Duration {
        self.duration
    }

    /// Every function seen, by decreasing cumulative then self samples, as
    /// pstats' `sort_stats("cumulative")`.
    pub fn functions(&self) -> Vec<FunctionStats> {
        // Keyed by file too: debug information names closures `{closure#0}`
        // whatever their function.
        let mut by_function: BTreeMap<(&str, Option<&str>), FunctionStats> = BTreeMap::new();
        for stack in &self.stacks {
            let mut seen = BTreeSet::new();
            for (depth, frame) in stack.frames.iter().enumerate() {
                let key = (frame.function.as_str(), frame.file.as_deref());
                let stats = by_function.entry(key).or_insert_with(|| FunctionStats {
                    function: frame.function.clone(),
                    location: None,
                    self_samples: 0,
                    cumulative_samples: 0,
                });
                stats.location = earliest_location(stats.location.take(), frame);
                // A recursive function counts once per sample.
                if seen.insert(key) {
                    stats.cumulative_samples += stack.samples;
                }
                if depth + 1 == stack.frames.len() {
                    stats.self_samples += stack.samples;
                }
            }
        }
        let mut functions: Vec<FunctionStats> = by_function.into_values().collect();
        functions.sort_by(|a, b| {
            (b.cumulative_samples, b.self_samples).cmp(&(a.cumulative_samples, a.self_samples))
        });
        functions
    }

    /// The function named `name` (`function2`, without its path), if it
    /// was sampled; the one with the most samples if several have that name.
    pub fn function(&self, name: &str) -> Option<FunctionStats> {
        self.functions()
            .into_iter()
            .find(|stats| stats.function == name)
    }

    /// The pstats-like table of the first `rows` functions.
    pub fn table(&self, rows: usize) -> Table<'_> {
        Table {
            profile: self,
            rows,
        }
    }

    /// The stacks in the "folded" format flamegraph tools read: one line
    /// per distinct stack, `outer;inner;innermost count`.
    pub fn folded(&self) -> String {
        let mut lines: Vec<String> = self
            .stacks
            .iter()
            .map(|stack| {
                let names: Vec<String> = stack
                    .frames
                    .iter()
                    .map(|frame| frame.function.replace(';', ":"))
                    .collect();
                format!("{} {}", names.join(";"), stack.samples)
            })
            .collect();
        lines.sort();
        lines.join("\n")
    }

    /// Writes the flamegraph SVG to `path`, creating its folder.
    pub fn write_flamegraph(
        &self,
        path: impl AsRef<Path>,
        title: &str,
    ) -> Result<(), ProfileError> {
        let path = path.as_ref();
        let failed = |message: String| ProfileError::Write {
            path: path.to_path_buf(),
            message,
        };
        if let Some(folder) = path
            .parent()
            .filter(|folder| !folder.as_os_str().is_empty())
        {
            std::fs::create_dir_all(folder).map_err(|error| failed(error.to_string()))?;
        }
        let file = std::fs::File::create(path).map_err(|error| failed(error.to_string()))?;
        let mut writer = BufWriter::new(file);
        let mut options = inferno::flamegraph::Options::default();
        options.title = title.to_string();
        options.count_name = "samples".to_string();
        let folded = self.folded();
        inferno::flamegraph::from_lines(&mut options, folded.lines(), &mut writer)
            .map_err(|error| failed(error.to_string()))?;
        writer.flush().map_err(|error| failed(error.to_string()))
    }
}

fn earliest_location(current: Option<String>, frame: &Frame) -> Option<String> {
    let (Some(file), Some(line)) = (&frame.file, frame.line) else {
        return current;
    };
    let candidate = format!("{file}:{line}");
    match current {
        Some(existing) if same_file_earlier(&existing, file, line) => Some(existing),
        _ => Some(candidate),
    }
}

fn same_file_earlier(existing: &str, file: &str, line: u32) -> bool {
    match existing.rsplit_once(':') {
        Some((existing_file, existing_line)) => {
            existing_file != file || existing_line.parse::<u32>().is_ok_and(|seen| seen <= line)
        }
        None => true,
    }
}

/// The pstats-like table: see [`Profile::table`].
pub struct Table<'a> {
    profile: &'a Profile,
    rows: usize,
}

impl fmt::Display for Table<'_> {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        let total = self.profile.samples().max(1);
        let share = |samples: u64| samples as f64 / total as f64;
        let seconds = |samples: u64| share(samples) * self.profile.duration.as_secs_f64();
        writeln!(
            out,
            "{} samples in {:.3} s, ordered by cumulative time",
            self.profile.samples(),
            self.profile.duration.as_secs_f64()
        )?;
        writeln!(
            out,
            "{:>8} {:>6} {:>8} {:>6}  function",
            "tottime", "tot %", "cumtime", "cum %"
        )?;
        for stats in self.profile.functions().iter().take(self.rows) {
            let location = stats
                .location
                .as_deref()
                .map(|location| format!("  ({location})"))
                .unwrap_or_default();
            writeln!(
                out,
                "{:>8.3} {:>6.1} {:>8.3} {:>6.1}  {}{}",
                seconds(stats.self_samples),
                100.0 * share(stats.self_samples),
                seconds(stats.cumulative_samples),
                100.0 * share(stats.cumulative_samples),
                stats.function,
                location
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
