//! The course's `heavy_fonction`, seeded: call `i` sleeps a random time up
//! to 0.1 s and returns `(i, t)`. The times are drawn once, in index order,
//! from a seeded generator, so the sum of the sleeps is the same whatever
//! worker runs which call, and a child process or an MPI rank rebuilds the
//! same table from the same three numbers. [`Report`] prints what every
//! variant prints; [`Coverage`] checks that every index came back once.

use std::fmt;
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// The course's numbers: 2000 calls...
pub const COURSE_CALLS: usize = 2000;
/// ... of up to 0.1 s each (`np.random.rand()/10`)...
pub const COURSE_MAX_SLEEP: Duration = Duration::from_millis(100);
/// ... on 8 workers (`nprocs = 8`).
pub const COURSE_WORKERS: usize = 8;
/// The seed of [`Workload::course`].
pub const COURSE_SEED: u64 = 2024;

/// Told of each finished call and of the end of a run (a progress bar).
pub trait Ticker: Send + Sync {
    fn tick(&self);
    fn finish(&self) {}
}

/// The calls of one run: how long call `i` sleeps, and whom to tell.
#[derive(Clone)]
pub struct Workload {
    sleeps: Vec<Duration>,
    max_sleep: Duration,
    seed: u64,
    pub(super) ticker: Option<Arc<dyn Ticker>>,
}

impl fmt::Debug for Workload {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Workload")
            .field("calls", &self.len())
            .field("max_sleep", &self.max_sleep)
            .field("seed", &self.seed)
            .finish_non_exhaustive()
    }
}

impl Workload {
    /// `calls` calls, each sleeping a time drawn uniformly in `[0, max_sleep)`
    /// by `StdRng` seeded with `seed`.
    pub fn new(calls: usize, max_sleep: Duration, seed: u64) -> Self {
        let mut random = StdRng::seed_from_u64(seed);
        let sleeps = (0..calls)
            .map(|_| max_sleep.mul_f64(random.random::<f64>()))
            .collect();
        Workload {
            sleeps,
            max_sleep,
            seed,
            ticker: None,
        }
    }

    /// The course's 2000 calls of up to 0.1 s.
    pub fn course() -> Self {
        Workload::new(COURSE_CALLS, COURSE_MAX_SLEEP, COURSE_SEED)
    }

    /// The first `calls` calls only (all of them when there are fewer): the
    /// smaller run of `avance check`, with the same first sleeps.
    pub fn prefix(mut self, calls: usize) -> Self {
        self.sleeps.truncate(calls);
        self
    }

    /// The same calls, telling `ticker` of each one finished.
    pub fn with_ticker(mut self, ticker: Arc<dyn Ticker>) -> Self {
        self.ticker = Some(ticker);
        self
    }

    pub fn len(&self) -> usize {
        self.sleeps.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sleeps.is_empty()
    }

    pub fn seed(&self) -> u64 {
        self.seed
    }

    pub fn max_sleep(&self) -> Duration {
        self.max_sleep
    }

    /// How long call `i` sleeps. Panics when `i` is out of range, as
    /// indexing does.
    pub fn sleep_of(&self, i: usize) -> Duration {
        self.sleeps[i]
    }

    /// The sum of every call's sleep: the time one worker would take.
    pub fn total(&self) -> Duration {
        self.sleeps.iter().sum()
    }

    /// The longest single sleep: no schedule can finish sooner.
    pub fn longest(&self) -> Duration {
        self.sleeps.iter().copied().max().unwrap_or_default()
    }

    /// The shortest wall time on `workers` workers: the work shared evenly,
    /// but never less than the longest call.
    pub fn ideal_wall(&self, workers: usize) -> Duration {
        let shared = self.total().div_f64(workers.max(1) as f64);
        shared.max(self.longest())
    }

    // ANCHOR: heavy
    /// `heavy_fonction(i)`: sleeps `t`, returns `(i, t)`.
    pub fn heavy_fonction(&self, i: usize) -> (usize, Duration) {
        let t = self.sleeps[i];
        thread::sleep(t);
        self.tick();
        (i, t)
    }
    // ANCHOR_END: heavy

    /// Tells the ticker that one call finished (for callers that run the
    /// call elsewhere: a child process, another MPI rank).
    pub fn tick(&self) {
        if let Some(ticker) = &self.ticker {
            ticker.tick();
        }
    }

    /// What a run of these calls on `workers` workers gave: `results` are the
    /// `(i, t)` pairs that came back, in any order. Ends the progress bar.
    pub fn report(
        &self,
        label: &str,
        workers: usize,
        wall: Duration,
        results: &[(usize, Duration)],
    ) -> Report {
        if let Some(ticker) = &self.ticker {
            ticker.finish();
        }
        Report {
            label: label.to_string(),
            calls: self.len(),
            workers,
            wall,
            sum_of_sleeps: results.iter().map(|&(_, t)| t).sum(),
            ideal_wall: self.ideal_wall(workers),
            coverage: Coverage::of(self.len(), results.iter().map(|&(i, _)| i)),
        }
    }
}

/// Which indices of `0..calls` came back: none missing, none twice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    pub calls: usize,
    /// Indices that never came back, in order.
    pub missing: Vec<usize>,
    /// `(index, times)` for indices that came back more than once.
    pub repeated: Vec<(usize, usize)>,
    /// Indices outside `0..calls`.
    pub unknown: Vec<usize>,
}

impl Coverage {
    pub fn of(calls: usize, indices: impl IntoIterator<Item = usize>) -> Self {
        let mut seen = vec![0_usize; calls];
        let mut unknown = Vec::new();
        for i in indices {
            match seen.get_mut(i) {
                Some(count) => *count += 1,
                None => unknown.push(i),
            }
        }
        let missing = (0..calls).filter(|&i| seen[i] == 0).collect();
        let repeated = (0..calls)
            .filter(|&i| seen[i] > 1)
            .map(|i| (i, seen[i]))
            .collect();
        unknown.sort_unstable();
        Coverage {
            calls,
            missing,
            repeated,
            unknown,
        }
    }

    /// Every index came back exactly once.
    pub fn is_exact(&self) -> bool {
        self.missing.is_empty() && self.repeated.is_empty() && self.unknown.is_empty()
    }
}

/// At most ten items, then how many more.
fn some_of<T: fmt::Debug>(items: &[T]) -> String {
    const SHOWN: usize = 10;
    let shown: Vec<String> = items.iter().take(SHOWN).map(|i| format!("{i:?}")).collect();
    let more = items.len().saturating_sub(SHOWN);
    let more = if more > 0 {
        format!(", and {more} more")
    } else {
        String::new()
    };
    format!("[{}{more}]", shown.join(", "))
}

impl fmt::Display for Coverage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_exact() {
            return write!(f, "yes, all {}", self.calls);
        }
        let mut parts = Vec::new();
        if !self.missing.is_empty() {
            parts.push(format!(
                "{} missing {}",
                self.missing.len(),
                some_of(&self.missing)
            ));
        }
        if !self.repeated.is_empty() {
            parts.push(format!(
                "{} more than once (index, times) {}",
                self.repeated.len(),
                some_of(&self.repeated)
            ));
        }
        if !self.unknown.is_empty() {
            parts.push(format!(
                "{} out of range {}",
                self.unknown.len(),
                some_of(&self.unknown)
            ));
        }
        write!(f, "NO: {}", parts.join("; "))
    }
}

/// What one run gave, as every variant prints it.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub label: String,
    pub calls: usize,
    pub workers: usize,
    pub wall: Duration,
    /// The sum of the `t` that came back (the course's `times.sum()`).
    pub sum_of_sleeps: Duration,
    /// The shortest possible wall time on `workers` workers.
    pub ideal_wall: Duration,
    pub coverage: Coverage,
}

impl Report {
    /// The sum of the sleeps over the wall time: how many sleeps overlapped
    /// on average.
    pub fn speed_up(&self) -> f64 {
        ratio(self.sum_of_sleeps, self.wall)
    }

    /// The best speed-up `workers` workers could reach on these calls.
    pub fn ideal_speed_up(&self) -> f64 {
        ratio(self.sum_of_sleeps, self.ideal_wall)
    }

    /// The wall time over the ideal one (1.0 is perfect).
    pub fn over_ideal(&self) -> f64 {
        ratio(self.wall, self.ideal_wall)
    }
}

fn ratio(a: Duration, b: Duration) -> f64 {
    if b.is_zero() {
        f64::INFINITY
    } else {
        a.as_secs_f64() / b.as_secs_f64()
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let workers = if self.workers == 1 {
            "1 worker".to_string()
        } else {
            format!("{} workers", self.workers)
        };
        writeln!(f, "{}: {} calls, {workers}", self.label, self.calls)?;
        writeln!(f, "  wall time:         {:.3} s", self.wall.as_secs_f64())?;
        writeln!(
            f,
            "  sum of the sleeps: {:.3} s",
            self.sum_of_sleeps.as_secs_f64()
        )?;
        writeln!(f, "  speed-up:          {:.2}", self.speed_up())?;
        writeln!(
            f,
            "  ideal speed-up:    {:.2} (wall time {:.3} s)",
            self.ideal_speed_up(),
            self.ideal_wall.as_secs_f64()
        )?;
        write!(f, "  every index once:  {}", self.coverage)
    }
}

#[cfg(test)]
mod tests;
