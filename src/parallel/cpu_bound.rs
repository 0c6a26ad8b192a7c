//! The same calls as computation instead of sleep: call `i` spins a chain of
//! xorshift rounds whose length is proportional to its sleep, so a thread
//! that runs it holds a core the whole time. Python's threads take turns on
//! the GIL for such work; Rust's threads (here rayon's pools of 1, 2, ...
//! threads) each take a core.

use std::hint::black_box;
use std::time::{Duration, Instant};

use rayon::ThreadPoolBuildError;
use rayon::prelude::*;

use super::Workload;

/// Generator rounds per microsecond of the call's sleep.
pub const STEPS_PER_MICROSECOND: u64 = 5;

// ANCHOR: spin
/// `steps` rounds of a xorshift generator: each round needs the previous
/// one's result, so the rounds cannot overlap or be skipped.
pub fn spin(steps: u64) -> u64 {
    let mut x = black_box(0x9E37_79B9_7F4A_7C15_u64);
    for _ in 0..steps {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
    }
    x
}
// ANCHOR_END: spin

/// How many steps call `i` spins.
pub fn steps_of(work: &Workload, i: usize) -> u64 {
    let micros = work.sleep_of(i).as_micros();
    u64::try_from(micros).unwrap_or(u64::MAX) * STEPS_PER_MICROSECOND
}

/// The heavy calls as computation, on a rayon pool of `threads` threads:
/// the wall time, and the combined result (the same for any thread count).
pub fn on_threads(
    work: &Workload,
    threads: usize,
) -> Result<(Duration, u64), ThreadPoolBuildError> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()?;
    let start = Instant::now();
    let combined = pool.install(|| {
        (0..work.len())
            .into_par_iter()
            .map(|i| {
                let x = spin(steps_of(work, i));
                work.tick();
                x
            })
            .reduce(|| 0, |a, b| a ^ b)
    });
    Ok((start.elapsed(), combined))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spin_is_the_generator_stepped_n_times() {
        let start = 0x9E37_79B9_7F4A_7C15_u64;
        assert_eq!(spin(0), start);
        let mut x = start;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        assert_eq!(spin(1), x);
        assert_ne!(spin(2), x);
    }

    #[test]
    fn the_result_does_not_depend_on_the_thread_count() {
        let work = Workload::new(40, Duration::from_micros(300), 6);
        let (_, one) = on_threads(&work, 1).unwrap();
        let (_, three) = on_threads(&work, 3).unwrap();
        assert_eq!(one, three);
    }
}
