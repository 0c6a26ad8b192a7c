//! The course's `ThreadJob`: `nprocs` threads take chunks of `N_t` indices
//! from a shared cursor, first behind a lock (`Mutex`, the course's
//! `RLock`), then with an atomic counter and no lock at all. Each thread
//! returns its own results through `join`, so the output needs no lock.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

use super::Workload;

// ANCHOR: mutex
/// `nprocs` threads; each takes the next `n_t` indices under the lock.
pub fn with_mutex(work: &Workload, nprocs: usize, n_t: usize) -> Vec<(usize, Duration)> {
    let n = work.len();
    let current = Mutex::new(0); // the lock and the value it protects, together
    thread::scope(|s| {
        let threads: Vec<_> = (0..nprocs)
            .map(|_| {
                s.spawn(|| {
                    let mut output = Vec::new();
                    loop {
                        let position = {
                            let mut current = current.lock().expect("no thread panics");
                            let position = *current;
                            *current += n_t;
                            position
                        }; // the lock is released here
                        if position >= n {
                            return output;
                        }
                        for i in position..(position + n_t).min(n) {
                            output.push(work.heavy_fonction(i));
                        }
                    }
                })
            })
            .collect();
        let joined = threads
            .into_iter()
            .map(|t| t.join().expect("no thread panics"));
        joined.flatten().collect()
    })
}
// ANCHOR_END: mutex

// ANCHOR: atomic
/// The same with an atomic cursor: `fetch_add` reads and moves it in one
/// step, without a lock.
pub fn with_atomic(work: &Workload, nprocs: usize, n_t: usize) -> Vec<(usize, Duration)> {
    let n = work.len();
    let current = AtomicUsize::new(0);
    thread::scope(|s| {
        let threads: Vec<_> = (0..nprocs)
            .map(|_| {
                s.spawn(|| {
                    let mut output = Vec::new();
                    loop {
                        let position = current.fetch_add(n_t, Ordering::Relaxed);
                        if position >= n {
                            return output;
                        }
                        for i in position..(position + n_t).min(n) {
                            output.push(work.heavy_fonction(i));
                        }
                    }
                })
            })
            .collect();
        let joined = threads
            .into_iter()
            .map(|t| t.join().expect("no thread panics"));
        joined.flatten().collect()
    })
}
// ANCHOR_END: atomic

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> Workload {
        Workload::new(95, Duration::from_micros(200), 11)
    }

    #[test]
    fn the_mutex_version_runs_every_index_once() {
        let work = small();
        let results = with_mutex(&work, 8, 10);
        assert!(
            work.report("t", 8, Duration::from_secs(1), &results)
                .coverage
                .is_exact()
        );
        assert!(results.iter().all(|&(i, t)| work.sleep_of(i) == t));
    }

    #[test]
    fn the_atomic_version_runs_every_index_once() {
        let work = small();
        for (nprocs, n_t) in [(1, 1), (3, 7), (8, 10), (16, 200)] {
            let results = with_atomic(&work, nprocs, n_t);
            let coverage = work
                .report("t", nprocs, Duration::from_secs(1), &results)
                .coverage;
            assert!(
                coverage.is_exact(),
                "{nprocs} threads, chunks of {n_t}: {coverage}"
            );
        }
    }

    #[test]
    fn the_courses_off_by_one_runs_chunk_ends_twice() {
        // `fin = min(position+N_t+1,N)` in the course: one index too many per chunk.
        let n = 95;
        let indices = (0..n).step_by(10).flat_map(|p| p..(p + 10 + 1).min(n));
        let coverage = super::super::Coverage::of(n, indices);
        assert_eq!(coverage.repeated.len(), 9);
        assert!(coverage.missing.is_empty());
    }
}
