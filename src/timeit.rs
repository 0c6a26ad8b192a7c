//! IPython's `%timeit` for Rust: times a closure the way IPython does, so
//! a Python programmer reads the same line in both languages.
//!
//! The loop count is the first of 1, 2, 5, 10, 20, 50... whose batch takes
//! at least 0.2 s (IPython steps by ten: the same output, runs up to 4×
//! shorter); then 7 batches are timed, and the result is the mean ± standard
//! deviation per loop, printed as
//! `1.23 ms ± 4.5 µs per loop (mean ± std. dev. of 7 runs, 100 loops each)`.
//! Each result goes through `std::hint::black_box`, so the optimiser cannot
//! delete the work being measured.
//!
//! ```
//! let timing = avance::timeit::Timer::new().min_batch(std::time::Duration::from_millis(1)).time(|| 1 + 2);
//! assert_eq!(timing.runs().len(), 7);
//! ```

use std::fmt;
use std::hint::black_box;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// The longest `min_batch` any timer of this process uses, in nanoseconds.
static BATCH_CAP_NS: AtomicU64 = AtomicU64::new(u64::MAX);

/// Caps every timer's shortest batch at `max` from now on, in this process.
/// `avance check` calls it in the child that runs a snippet, so that the
/// lessons' timings take milliseconds there while the code they show, and
/// the REPL, the pages and the notebooks, keep IPython's 0.2 s.
pub fn cap_batches(max: Duration) {
    let nanos = u64::try_from(max.as_nanos()).unwrap_or(u64::MAX);
    BATCH_CAP_NS.store(nanos, Ordering::Relaxed);
}

fn batch_cap() -> Duration {
    Duration::from_nanos(BATCH_CAP_NS.load(Ordering::Relaxed))
}

/// How a timing is taken; `Timer::new()` is IPython's default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timer {
    runs: usize,
    min_batch: Duration,
    loops: Option<u64>,
}

impl Default for Timer {
    fn default() -> Self {
        Timer {
            runs: 7,
            min_batch: Duration::from_millis(200),
            loops: None,
        }
    }
}

/// Times `f` with IPython's defaults: `println!("{}", timeit(|| work()))`.
pub fn timeit<T>(f: impl FnMut() -> T) -> Timing {
    Timer::new().time(f)
}

impl Timer {
    pub fn new() -> Self {
        Timer::default()
    }

    /// How many batches are timed (IPython's `-r`), at least 1.
    pub fn runs(mut self, runs: usize) -> Self {
        self.runs = runs.max(1);
        self
    }

    /// The shortest batch the loop count search accepts.
    pub fn min_batch(mut self, min_batch: Duration) -> Self {
        self.min_batch = min_batch;
        self
    }

    /// A fixed loop count (IPython's `-n`) instead of the search, at least 1.
    pub fn loops(mut self, loops: u64) -> Self {
        self.loops = Some(loops.max(1));
        self
    }

    /// Times `f`: finds the loop count, then times `runs` batches.
    pub fn time<T>(&self, f: impl FnMut() -> T) -> Timing {
        self.time_with_progress(f, |_, _| {})
    }

    /// As [`Timer::time`], calling `progress(done, runs)` after each timed
    /// run, for a progress bar.
    pub fn time_with_progress<T>(
        &self,
        mut f: impl FnMut() -> T,
        mut progress: impl FnMut(usize, usize),
    ) -> Timing {
        let mut batch = |loops: u64| {
            let start = Instant::now();
            for _ in 0..loops {
                black_box(f());
            }
            start.elapsed()
        };
        let loops = match self.loops {
            Some(loops) => loops,
            None => autorange(&mut batch, self.min_batch.min(batch_cap())),
        };
        let batches = (0..self.runs)
            .map(|done| {
                let elapsed = batch(loops);
                progress(done + 1, self.runs);
                elapsed
            })
            .collect();
        // `runs` and `loops` are at least 1 (the setters and `autorange`
        // see to it), so the batches are never empty nor divided by zero.
        Timing::per_loop_of(loops, batches)
    }
}

/// The first loop count of 1, 2, 5, 10, 20, 50... whose batch, as
/// `measure` times it, lasts at least `min_batch` (up to 10¹⁰ loops, where
/// IPython stops). IPython steps by 10, so a run lasts 0.2 to 2 s; these
/// steps, those of Python's `timeit.Timer.autorange`, keep it under 0.5 s.
pub fn autorange(mut measure: impl FnMut(u64) -> Duration, min_batch: Duration) -> u64 {
    const MAX_EXPONENT: u32 = 10;
    (0..MAX_EXPONENT)
        .flat_map(|exponent| [1, 2, 5].map(|step| step * 10u64.pow(exponent)))
        .find(|&loops| measure(loops) >= min_batch)
        .unwrap_or(10u64.pow(MAX_EXPONENT))
}

/// Why batches measured elsewhere cannot make a [`Timing`]: its statistics
/// would be NaN or infinite.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TimingError {
    #[error("a timing needs at least one batch")]
    NoBatches,
    #[error("a timing needs at least one loop per batch")]
    NoLoops,
}

/// The result of a timing: one duration per batch, and what follows from them.
#[derive(Debug, Clone, PartialEq)]
pub struct Timing {
    loops: u64,
    /// Seconds per loop, one per run.
    per_loop: Vec<f64>,
}

impl Timing {
    /// From whole-batch durations of `loops` loops each; refused without
    /// a batch or a loop.
    pub fn from_batches(loops: u64, batches: Vec<Duration>) -> Result<Timing, TimingError> {
        if batches.is_empty() {
            return Err(TimingError::NoBatches);
        }
        if loops == 0 {
            return Err(TimingError::NoLoops);
        }
        Ok(Timing::per_loop_of(loops, batches))
    }

    /// The per-loop seconds of batches the caller knows are not empty, of
    /// at least one loop each.
    fn per_loop_of(loops: u64, batches: Vec<Duration>) -> Timing {
        let per_loop = batches
            .iter()
            .map(|batch| batch.as_secs_f64() / loops as f64)
            .collect();
        Timing { loops, per_loop }
    }

    /// Loops per run.
    pub fn loops(&self) -> u64 {
        self.loops
    }

    /// Seconds per loop, one per run, in the order they were taken.
    pub fn runs(&self) -> &[f64] {
        &self.per_loop
    }

    pub fn mean(&self) -> f64 {
        self.per_loop.iter().sum::<f64>() / self.per_loop.len() as f64
    }

    /// The population standard deviation, as IPython computes it.
    pub fn std_dev(&self) -> f64 {
        let mean = self.mean();
        let variance = self
            .per_loop
            .iter()
            .map(|t| (t - mean).powi(2))
            .sum::<f64>()
            / self.per_loop.len() as f64;
        variance.sqrt()
    }

    pub fn best(&self) -> f64 {
        self.sorted()[0]
    }

    pub fn median(&self) -> f64 {
        let sorted = self.sorted();
        let middle = sorted.len() / 2;
        match sorted.len() % 2 {
            1 => sorted[middle],
            _ => (sorted[middle - 1] + sorted[middle]) / 2.0,
        }
    }

    pub fn worst(&self) -> f64 {
        self.sorted()[self.per_loop.len() - 1]
    }

    fn sorted(&self) -> Vec<f64> {
        let mut sorted = self.per_loop.clone();
        sorted.sort_by(f64::total_cmp);
        sorted
    }

    /// IPython's warning when the slowest run took over 4 times the fastest
    /// (and more than a microsecond): a sign that something was cached.
    pub fn warning(&self) -> Option<String> {
        let (best, worst) = (self.best(), self.worst());
        (worst > 4.0 * best && best > 0.0 && worst > 1e-6).then(|| {
            format!(
                "The slowest run took {:.2} times longer than the fastest. This could mean that an intermediate result is being cached.",
                worst / best
            )
        })
    }
}

impl fmt::Display for Timing {
    /// The warning line first, if any, then IPython's summary line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(warning) = self.warning() {
            writeln!(f, "{warning}")?;
        }
        let runs = self.per_loop.len();
        write!(
            f,
            "{} ± {} per loop (mean ± std. dev. of {runs} run{}, {} loop{} each)",
            format_time(self.mean()),
            format_time(self.std_dev()),
            if runs == 1 { "" } else { "s" },
            self.loops,
            if self.loops == 1 { "" } else { "s" },
        )
    }
}

/// A duration in seconds as IPython's `_format_time`: three significant
/// digits in s, ms, µs or ns (`1.23 ms`, `4.5 µs`, `0 ns`).
pub fn format_time(seconds: f64) -> String {
    if seconds >= 60.0 {
        return format_long(seconds);
    }
    const UNITS: [(&str, f64); 4] = [("s", 1.0), ("ms", 1e3), ("µs", 1e6), ("ns", 1e9)];
    let order = if seconds > 0.0 {
        let order = -(seconds.log10().floor() as i64).div_euclid(3);
        order.clamp(0, 3) as usize
    } else {
        3
    };
    let (unit, scale) = UNITS[order];
    format!("{} {unit}", significant(seconds * scale, 3))
}

/// A minute or more, as IPython writes it: `2min 3s`, `1h 1min 1s`.
fn format_long(seconds: f64) -> String {
    const PARTS: [(&str, f64); 4] = [("d", 86_400.0), ("h", 3_600.0), ("min", 60.0), ("s", 1.0)];
    let mut left = seconds;
    let mut parts = Vec::new();
    for (suffix, length) in PARTS {
        let value = (left / length).floor();
        if value > 0.0 {
            left %= length;
            parts.push(format!("{value}{suffix}"));
        }
        if left < 1.0 {
            break;
        }
    }
    parts.join(" ")
}

/// `%.{digits}g`: that many significant digits, trailing zeros dropped.
fn significant(value: f64, digits: i32) -> String {
    if value == 0.0 || !value.is_finite() {
        return if value == 0.0 {
            "0".into()
        } else {
            value.to_string()
        };
    }
    let exponent = value.abs().log10().floor() as i32;
    if exponent < -4 || exponent >= digits {
        let mantissa = value / 10f64.powi(exponent);
        let sign = if exponent < 0 { '-' } else { '+' };
        return format!(
            "{}e{sign}{:02}",
            trim_zeros(&format!("{:.*}", (digits - 1) as usize, mantissa)),
            exponent.abs()
        );
    }
    let decimals = (digits - 1 - exponent).max(0) as usize;
    trim_zeros(&format!("{value:.decimals$}"))
}

fn trim_zeros(number: &str) -> String {
    if number.contains('.') {
        number
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_string()
    } else {
        number.to_string()
    }
}

#[cfg(test)]
mod tests;
