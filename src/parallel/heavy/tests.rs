//! The seeded workload, its prefixes, coverage and the report's figures.

use super::*;

#[test]
fn a_seed_gives_the_same_sleeps_every_time() {
    let a = Workload::new(500, COURSE_MAX_SLEEP, 7);
    let b = Workload::new(500, COURSE_MAX_SLEEP, 7);
    assert_eq!(a.total(), b.total());
    assert_eq!(a.sleep_of(499), b.sleep_of(499));
    assert_ne!(a.total(), Workload::new(500, COURSE_MAX_SLEEP, 8).total());
}

#[test]
fn the_course_workload_sums_to_about_a_hundred_seconds() {
    let work = Workload::course();
    assert_eq!(work.len(), 2000);
    let total = work.total().as_secs_f64();
    // 2000 draws of U(0, 0.1): mean 100 s, standard deviation 1.3 s.
    assert!((95.0..105.0).contains(&total), "{total}");
    assert!(work.longest() < COURSE_MAX_SLEEP);
    assert!(work.longest() > Duration::from_millis(99));
}

#[test]
fn a_shorter_workload_is_a_prefix_of_the_longer_one() {
    let long = Workload::new(100, COURSE_MAX_SLEEP, 3);
    let short = Workload::new(10, COURSE_MAX_SLEEP, 3);
    assert!((0..10).all(|i| long.sleep_of(i) == short.sleep_of(i)));
    let cut = long.clone().prefix(10);
    assert_eq!(cut.len(), 10);
    assert_eq!(cut.total(), short.total());
}

#[test]
fn coverage_finds_missing_repeated_and_unknown_indices() {
    assert!(Coverage::of(4, [3, 1, 0, 2]).is_exact());
    let coverage = Coverage::of(5, [0, 1, 1, 1, 4, 9]);
    assert_eq!(coverage.missing, [2, 3]);
    assert_eq!(coverage.repeated, [(1, 3)]);
    assert_eq!(coverage.unknown, [9]);
    assert_eq!(
        coverage.to_string(),
        "NO: 2 missing [2, 3]; 1 more than once (index, times) [(1, 3)]; 1 out of range [9]"
    );
    assert_eq!(Coverage::of(3, [0, 2, 1]).to_string(), "yes, all 3");
}

#[test]
fn long_lists_are_cut_after_ten() {
    let coverage = Coverage::of(15, []);
    assert_eq!(
        coverage.to_string(),
        "NO: 15 missing [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, and 5 more]"
    );
}

#[test]
fn speed_up_is_the_sum_of_the_sleeps_over_the_wall_time() {
    let work = Workload::new(4, Duration::from_secs(1), 1);
    let results: Vec<_> = (0..4).map(|i| (i, work.sleep_of(i))).collect();
    let wall = work.total() / 2;
    let report = work.report("test", 2, wall, &results);
    assert!((report.speed_up() - 2.0).abs() < 1e-9);
    let ideal = work.ideal_wall(2);
    assert_eq!(ideal, (work.total() / 2).max(work.longest()));
    assert!(
        (report.ideal_speed_up() - work.total().as_secs_f64() / ideal.as_secs_f64()).abs() < 1e-9
    );
    assert!(report.over_ideal() >= 1.0 - 1e-9);
    assert!(report.coverage.is_exact());
}

#[test]
fn the_ideal_wall_time_is_never_below_the_longest_call() {
    let work = Workload::new(100, COURSE_MAX_SLEEP, 5);
    assert_eq!(work.ideal_wall(100), work.longest());
    assert_eq!(work.ideal_wall(1), work.total());
}

#[test]
fn heavy_fonction_sleeps_its_time_and_ticks() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    struct Count(AtomicUsize);
    impl Ticker for Count {
        fn tick(&self) {
            self.0.fetch_add(1, Ordering::Relaxed);
        }
    }
    let count = Arc::new(Count(AtomicUsize::new(0)));
    let work = Workload::new(3, Duration::from_millis(5), 9).with_ticker(count.clone());
    let start = std::time::Instant::now();
    let (i, t) = work.heavy_fonction(2);
    assert_eq!((i, t), (2, work.sleep_of(2)));
    assert!(start.elapsed() >= t);
    assert_eq!(count.0.load(Ordering::Relaxed), 1);
}
