//! `avance bench`: the table and JSON on small sizes (behaviour, not speed:
//! speed is measured by running the command, and recorded in
//! docs/performance.md), and every bad input refused before any allocation.

mod common;

use common::avance;
use predicates::prelude::*;

#[test]
fn conv_prints_every_engine_equal_to_naive() {
    let home = tempfile::tempdir().unwrap();
    let out = avance(home.path())
        .args(["bench", "conv", "--size", "40", "--runs", "2"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.starts_with("convolution 40×40, 9×9 filter, int64\n"),
        "{stdout}"
    );
    for engine in ["naive", "ndarray", "rayon", "optimized"] {
        let row = stdout
            .lines()
            .find(|l| l.starts_with(engine))
            .unwrap_or_else(|| panic!("no {engine} row in {stdout}"));
        assert!(row.ends_with("yes"), "{row}");
    }
}

#[test]
fn json_has_one_report_per_function_with_ratios() {
    let home = tempfile::tempdir().unwrap();
    let out = avance(home.path())
        .args([
            "bench",
            "elementwise",
            "--size",
            "1000",
            "--runs",
            "1",
            "--engine",
            "loop,optimized",
            "--json",
        ])
        .output()
        .unwrap();
    let reports: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let reports = reports.as_array().unwrap();
    assert_eq!(reports.len(), 2);
    for report in reports {
        let rows = report["rows"].as_array().unwrap();
        let engines: Vec<_> = rows.iter().map(|r| r["engine"].as_str().unwrap()).collect();
        assert_eq!(engines, ["loop", "optimized"]);
        assert!(
            rows.iter()
                .all(|r| r["equal_to_naive"] == true && r["median_s"].as_f64().unwrap() > 0.0)
        );
        assert_eq!(rows[0]["ratio_to_naive"], 1.0);
    }
    // fonction1 is exact; fonction2 carries its largest error in ulps
    assert!(reports[0]["rows"][1].get("max_error_ulps").is_none());
    let error = reports[1]["rows"][1]["max_error_ulps"].as_f64().unwrap();
    assert!((0.0..=4.0).contains(&error), "{error}");
}

#[test]
fn bad_sizes_and_engines_get_one_clear_line() {
    let home = tempfile::tempdir().unwrap();
    avance(home.path())
        .args(["bench", "conv", "--size", "8"])
        .assert()
        .failure()
        .stderr(
            "error: --size 8 is too small: the convolution needs at least 9 (the filter is 9×9)\n",
        );
    avance(home.path())
        .args(["bench", "elementwise", "--size", "0"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("--size 0 is too small"));
    avance(home.path())
        .args(["bench", "conv", "--size", "10000000"])
        .assert()
        .failure()
        .stderr(predicate::str::is_match(r"^error: --size 10000000 needs \d+ MiB, more than the \d+ MiB of memory available\n$").unwrap());
    avance(home.path())
        .args(["bench", "conv", "--engine", "cuda"])
        .assert()
        .failure()
        .stderr(
            "error: unknown engine `cuda`; the engines are: naive, ndarray, rayon, optimized\n",
        );
}
