//! asyncio's way, with tokio: one thread, and every call a task that waits
//! on a timer instead of sleeping. Nothing runs in parallel; the waits
//! overlap, so 2000 calls take about as long as the longest one. The course
//! calls it "effective for io-bound tasks": waiting is all these calls do.

use std::future::Future;
use std::time::Duration;

use tokio::task::JoinSet;

use super::Workload;

impl Workload {
    // ANCHOR: heavy_async
    /// `heavy_fonction` as a task: waits `t` on tokio's timer, returns `(i, t)`.
    pub fn heavy_async(
        &self,
        i: usize,
    ) -> impl Future<Output = (usize, Duration)> + Send + 'static {
        let t = self.sleep_of(i);
        let ticker = self.ticker.clone();
        async move {
            tokio::time::sleep(t).await;
            if let Some(ticker) = ticker {
                ticker.tick();
            }
            (i, t)
        }
    }
    // ANCHOR_END: heavy_async
}

// ANCHOR: run
/// Every call as a task on a single-threaded runtime; the results in the
/// order they finished.
pub fn all_at_once(work: &Workload) -> std::io::Result<Vec<(usize, Duration)>> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()?;
    Ok(runtime.block_on(async {
        let mut tasks = JoinSet::new();
        for i in 0..work.len() {
            tasks.spawn(work.heavy_async(i));
        }
        let mut results = Vec::with_capacity(work.len());
        while let Some(result) = tasks.join_next().await {
            results.push(result.expect("a timer does not panic"));
        }
        results
    }))
}
// ANCHOR_END: run

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_waits_overlap_and_every_index_comes_back() {
        let work = Workload::new(300, Duration::from_millis(50), 1);
        let start = std::time::Instant::now();
        let results = all_at_once(&work).unwrap();
        let wall = start.elapsed();
        let report = work.report("async", work.len(), wall, &results);
        assert!(report.coverage.is_exact());
        // 300 calls of up to 50 ms: 7.5 s in a row, about 50 ms together.
        assert!(wall < Duration::from_secs(2), "{wall:?}");
    }
}
