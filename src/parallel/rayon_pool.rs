//! joblib's `Parallel(n_jobs=-1)(delayed(heavy_fonction)(i) for i in
//! range(2000))` is rayon's `into_par_iter().map(...).collect()`: a pool of
//! threads, one per core by default, that share the range by work stealing
//! and give the results back in index order.

use std::time::Duration;

use rayon::ThreadPoolBuildError;
use rayon::prelude::*;

use super::Workload;

// ANCHOR: rayon
/// Every call on rayon's global pool (one thread per core, like `n_jobs=-1`).
pub fn parallel(work: &Workload) -> Vec<(usize, Duration)> {
    (0..work.len())
        .into_par_iter()
        .map(|i| work.heavy_fonction(i))
        .collect()
}
// ANCHOR_END: rayon

/// The same on a pool of `threads` threads (joblib's `n_jobs=threads`).
pub fn parallel_on(
    work: &Workload,
    threads: usize,
) -> Result<Vec<(usize, Duration)>, ThreadPoolBuildError> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()?;
    Ok(pool.install(|| parallel(work)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_index_order() {
        let work = Workload::new(50, Duration::from_micros(100), 4);
        let results = parallel_on(&work, 8).unwrap();
        assert!(
            results
                .iter()
                .enumerate()
                .all(|(k, &(i, t))| k == i && t == work.sleep_of(i))
        );
    }
}
