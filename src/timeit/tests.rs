//! `%timeit`'s method and wording: the loop search, the statistics per
//! loop, IPython's formatting, the refused inputs and the batch cap.

use rstest::rstest;

use super::*;

#[rstest]
#[case(1.234e-3, "1.23 ms")]
#[case(4.5e-6, "4.5 µs")]
#[case(12.3e-9, "12.3 ns")]
#[case(0.2e-9, "0.2 ns")]
#[case(2.0, "2 s")]
#[case(0.1, "100 ms")]
#[case(1e-3, "1 ms")]
#[case(999e-6, "999 µs")]
#[case(0.0, "0 ns")]
#[case(59.94, "59.9 s")]
#[case(123.4, "2min 3s")]
#[case(3661.0, "1h 1min 1s")]
#[case(120.0, "2min")]
fn times_are_formatted_as_ipython_does(#[case] seconds: f64, #[case] shown: &str) {
    assert_eq!(format_time(seconds), shown);
}

fn timing(loops: u64, micros: &[u64]) -> Timing {
    Timing::from_batches(
        loops,
        micros.iter().map(|&m| Duration::from_micros(m)).collect(),
    )
    .unwrap()
}

#[test]
fn batches_without_a_run_or_a_loop_are_refused() {
    assert_eq!(
        Timing::from_batches(10, vec![]),
        Err(TimingError::NoBatches)
    );
    assert_eq!(
        Timing::from_batches(0, vec![Duration::from_secs(1)]),
        Err(TimingError::NoLoops)
    );
    assert_eq!(
        TimingError::NoLoops.to_string(),
        "a timing needs at least one loop per batch"
    );
}

#[test]
fn statistics_are_per_loop() {
    let t = timing(100, &[100, 200, 300, 400, 500, 600, 700]);
    assert_eq!(t.loops(), 100);
    let per_loop_us = |s: f64| (s * 1e6 * 1000.0).round() / 1000.0;
    assert_eq!(per_loop_us(t.mean()), 4.0);
    assert_eq!(per_loop_us(t.best()), 1.0);
    assert_eq!(per_loop_us(t.median()), 4.0);
    assert_eq!(per_loop_us(t.worst()), 7.0);
    assert_eq!(per_loop_us(t.std_dev()), 2.0);
}

#[test]
fn the_summary_line_reads_like_ipython() {
    let t = timing(100, &[123_000; 7]);
    assert_eq!(
        t.to_string(),
        "1.23 ms ± 0 ns per loop (mean ± std. dev. of 7 runs, 100 loops each)"
    );
    let single = Timing::from_batches(1, vec![Duration::from_secs(2)]).unwrap();
    assert_eq!(
        single.to_string(),
        "2 s ± 0 ns per loop (mean ± std. dev. of 1 run, 1 loop each)"
    );
}

#[test]
fn a_run_over_four_times_the_fastest_is_warned_about() {
    let t = timing(1, &[10, 10, 10, 10, 10, 10, 50]);
    let warning = t.warning().expect("a warning");
    assert!(
        warning.starts_with("The slowest run took 5.00 times longer than the fastest."),
        "{warning}"
    );
    assert!(t.to_string().starts_with("The slowest run took 5.00 times"));
    assert_eq!(timing(1, &[10, 10, 10, 10, 10, 10, 40]).warning(), None);
}

#[test]
fn the_loop_count_is_the_first_of_1_2_5_times_ten_to_the_n_reaching_the_minimum() {
    let three_microseconds_each = |loops: u64| Duration::from_micros(3 * loops);
    assert_eq!(
        autorange(three_microseconds_each, Duration::from_millis(200)),
        100_000
    );
    // 1.5 ns a loop: 2 × 10⁸ loops take 0.3 s, where IPython's 10⁹ take 1.5 s.
    let one_and_a_half_nanoseconds_each = |loops: u64| Duration::from_nanos(loops * 3 / 2);
    assert_eq!(
        autorange(one_and_a_half_nanoseconds_each, Duration::from_millis(200)),
        200_000_000
    );
    assert_eq!(
        autorange(|_| Duration::from_secs(1), Duration::from_millis(200)),
        1
    );
    assert_eq!(
        autorange(|_| Duration::ZERO, Duration::from_millis(200)),
        10_000_000_000
    );
}

#[test]
fn a_timer_runs_the_closure_loops_times_runs() {
    let mut calls = 0u64;
    let mut reported = Vec::new();
    let t = Timer::new()
        .runs(3)
        .loops(10)
        .time_with_progress(|| calls += 1, |done, of| reported.push((done, of)));
    assert_eq!((t.runs().len(), t.loops(), calls), (3, 10, 30));
    assert_eq!(reported, [(1, 3), (2, 3), (3, 3)]);
}

#[test]
fn capped_batches_stop_the_loop_count_search_early() {
    // 150 ms: below IPython's 0.2 s, so the other tests of this process
    // that time with the defaults only get shorter batches meanwhile.
    cap_batches(Duration::from_millis(150));
    let timing = Timer::new()
        .runs(1)
        .min_batch(Duration::from_secs(10))
        .time(|| std::thread::sleep(Duration::from_millis(20)));
    cap_batches(Duration::MAX);
    // 1 loop takes 20 ms, 10 loops 200 ms: past the cap, far from 10 s.
    assert_eq!(timing.loops(), 10);
    assert_eq!(batch_cap(), Duration::from_nanos(u64::MAX));
}
