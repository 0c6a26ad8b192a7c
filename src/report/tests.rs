//! The reports' HTML and text: well formed, escaped, every number present,
//! bars proportional to the values.

use std::time::Duration;

use super::html::BAR_SPACE;
use super::html::markup::{assert_well_formed, rect_widths};
use super::*;
use crate::parallel::{Coverage, Report as ParallelReport};

/// A benchmark row with the given engine, median and error.
pub(crate) fn row(engine: &str, median_s: f64, max_error_ulps: Option<f64>) -> bench::Row {
    bench::Row {
        engine: engine.to_string(),
        median_s,
        best_s: median_s * 0.9,
        worst_s: median_s * 1.5,
        runs: 7,
        loops: 10,
        ratio_to_naive: Some(0.004 / median_s),
        throughput: 1.0 / median_s,
        equal_to_naive: true,
        max_error_ulps,
    }
}

fn bench_report() -> bench::Report {
    let rows = vec![
        row("naive", 0.004, None),
        row("optimized", 0.001, Some(0.0)),
    ];
    let mut report = bench::Report::new(
        "convolution 40×40 <i64>".into(),
        40,
        bench::Unit::MultiplyAdds,
        rows,
        Some(0),
    );
    report.notes.push("numba & co: not installed".to_string());
    report
}

#[test]
fn a_timing_shows_its_statistics_and_one_bar_per_run() {
    let timing =
        Timing::from_batches(10, [30, 10, 20].map(Duration::from_micros).to_vec()).unwrap();
    let html = timing.to_html();
    assert_well_formed(&html);
    for figure in ["2 µs ± 816 ns", "1 µs", "3 µs", "3 × 10", "run 3"] {
        assert!(html.contains(figure), "{figure} missing from {html}");
    }
    let widths = rect_widths(&html);
    assert_eq!(widths, [BAR_SPACE, BAR_SPACE / 3.0, BAR_SPACE * 2.0 / 3.0]);
}

#[test]
fn a_parallel_report_compares_the_wall_time_with_the_ideal_one() {
    let report = ParallelReport {
        label: "threads <Mutex>".to_string(),
        calls: 4,
        workers: 2,
        wall: Duration::from_millis(600),
        sum_of_sleeps: Duration::from_millis(1200),
        ideal_wall: Duration::from_millis(600),
        coverage: Coverage::of(4, 0..4),
    };
    let html = report.to_html();
    assert_well_formed(&html);
    assert!(html.contains("threads &lt;Mutex&gt;") && !html.contains("<Mutex>"));
    for figure in ["0.600 s", "1.200 s", "2.00", "yes"] {
        assert!(html.contains(figure), "{figure} missing from {html}");
    }
    assert_eq!(
        rect_widths(&html),
        [BAR_SPACE / 2.0, BAR_SPACE / 2.0, BAR_SPACE]
    );
}

#[test]
fn a_benchmark_shows_its_table_its_notes_and_the_medians_as_bars() {
    let report = bench_report();
    let html = report.to_html();
    assert_well_formed(&html);
    assert!(html.contains("convolution 40×40 &lt;i64&gt;"));
    assert!(html.contains("numba &amp; co"));
    for figure in ["4 ms", "1 ms", "4.0×", "1000.0", "GMAC/s"] {
        assert!(html.contains(figure), "{figure} missing from {html}");
    }
    assert_eq!(rect_widths(&html), [BAR_SPACE, BAR_SPACE / 4.0]);
}

#[test]
fn a_benchmarks_text_is_the_table_avance_bench_prints() {
    let text = bench_report().to_string();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "convolution 40×40 <i64>");
    assert!(lines[1].starts_with("engine") && lines[1].ends_with("equal to naive"));
    assert!(lines[3].starts_with("optimized") && lines[3].contains("4.0×"));
    assert!(lines[3].ends_with("yes"));
    assert_eq!(lines[4], "numba & co: not installed");
}

#[test]
fn evcxr_reads_both_forms_between_its_markers() {
    let mut out = Vec::new();
    write_evcxr_content(&mut out, "plain\n", "<b>x</b>").unwrap();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "EVCXR_BEGIN_CONTENT text/plain\nplain\nEVCXR_END_CONTENT\n\
         EVCXR_BEGIN_CONTENT text/html\n<b>x</b>\nEVCXR_END_CONTENT\n"
    );
}
