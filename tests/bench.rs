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

#[test]
fn machine_measures_compute_and_bandwidth() {
    let home = tempfile::tempdir().unwrap();
    let out = avance(home.path())
        .args(["bench", "machine", "--runs", "1", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let limits: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let limits = limits.as_array().unwrap();
    let units: Vec<&str> = limits.iter().map(|l| l["unit"].as_str().unwrap()).collect();
    assert!(
        units.contains(&"GMAC/s") && units.contains(&"GB/s"),
        "{units:?}"
    );
    for limit in limits {
        assert!(limit["rate"].as_f64().unwrap() > 0.0, "{limit}");
    }
    avance(home.path())
        .args(["bench", "machine", "--size", "10"])
        .assert()
        .failure()
        .stderr("error: `bench machine` takes no --size, --engine or --python: it measures the processor and memory\n");
}

/// The row of `engine` in a table, which must exist.
fn row<'a>(table: &'a str, engine: &str) -> &'a str {
    table
        .lines()
        .find(|line| line.split_whitespace().next() == Some(engine))
        .unwrap_or_else(|| panic!("no {engine} row in {table}"))
}

#[test]
fn python_rows_time_the_course_versions_on_the_same_inputs() {
    if !common::require_python_modules(&["numpy", "numba", "numexpr"]) {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let conv = avance(home.path())
        .args([
            "bench", "conv", "--size", "20", "--runs", "1", "--engine", "naive", "--python",
        ])
        .output()
        .unwrap();
    let table = String::from_utf8(conv.stdout).unwrap();
    assert!(conv.status.success(), "{table}");
    for engine in ["naive", "python", "numba"] {
        assert!(row(&table, engine).ends_with("yes"), "{table}");
    }
    assert!(
        table.contains(": timed in python3 as %timeit does"),
        "{table}"
    );

    let elementwise = avance(home.path())
        .args([
            "bench",
            "elementwise",
            "--size",
            "1000",
            "--runs",
            "1",
            "--engine",
            "loop",
            "--python",
        ])
        .output()
        .unwrap();
    let tables = String::from_utf8(elementwise.stdout).unwrap();
    assert!(elementwise.status.success(), "{tables}");
    let (one, two) = tables.split_once("\n\n").expect("two tables");
    for table in [one, two] {
        for engine in ["numpy", "numexpr", "numba"] {
            assert!(row(table, engine).ends_with("yes"), "{table}");
        }
    }
}

#[test]
fn python_missing_is_one_note_and_the_rust_rows_still_print() {
    let home = tempfile::tempdir().unwrap();
    let missing = avance(home.path())
        .env("AVANCE_PYTHON", home.path().join("no-such-python"))
        .args(["bench", "conv", "--size", "20", "--runs", "1", "--python"])
        .output()
        .unwrap();
    let table = String::from_utf8(missing.stdout).unwrap();
    assert!(missing.status.success(), "{table}");
    assert!(row(&table, "optimized").ends_with("yes"));
    assert!(
        table.contains("no-such-python not found: the Python rows need python3 with numpy (or set AVANCE_PYTHON)"),
        "{table}"
    );
}

#[test]
fn python_without_numpy_says_which_module_is_missing() {
    if !common::require_tool("python3") {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    // python3 without its site-packages: the standard library only.
    let bare = home.path().join("bare-python");
    std::fs::write(&bare, "#!/bin/sh\nexec python3 -S \"$@\"\n").unwrap();
    std::fs::set_permissions(&bare, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let out = avance(home.path())
        .env("AVANCE_PYTHON", &bare)
        .args([
            "bench",
            "elementwise",
            "--size",
            "100",
            "--runs",
            "1",
            "--python",
        ])
        .output()
        .unwrap();
    let tables = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "{tables}");
    assert!(row(&tables, "optimized").ends_with("yes"));
    assert!(
        tables.contains("bare-python has no numpy: the Python rows need it (pip install numpy)"),
        "{tables}"
    );
}

#[test]
fn conv_gpu_without_a_device_says_why_in_one_line_and_keeps_the_cpu_table() {
    let home = tempfile::tempdir().unwrap();
    let out = avance(home.path())
        .env("AVANCE_GPU", "off")
        .args(["bench", "conv", "--gpu", "--size", "64", "--runs", "1"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "{stdout}");
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "no CUDA device: AVANCE_GPU=off\n"
    );
    assert!(
        stdout.starts_with("convolution 64×64, 9×9 filter, int64\n"),
        "{stdout}"
    );
    assert!(
        stdout.lines().any(|l| l.starts_with("optimized")),
        "{stdout}"
    );
    assert!(!stdout.contains("GPU"), "{stdout}");
}

/// On this machine as it is: without a GPU (CI), one line on stderr; with
/// one, the GPU section, and nothing on stderr.
#[test]
fn conv_gpu_either_measures_the_gpu_or_says_why_not() {
    let home = tempfile::tempdir().unwrap();
    let out = avance(home.path())
        .env_remove("AVANCE_GPU")
        .args(["bench", "conv", "--gpu", "--size", "64", "--runs", "1"])
        .output()
        .unwrap();
    let (stdout, stderr) = (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    );
    assert!(out.status.success(), "{stdout}{stderr}");
    assert!(stdout.starts_with("convolution 64×64"), "{stdout}");
    if stderr.is_empty() {
        assert!(stdout.contains("\nGPU: "), "{stdout}");
    } else {
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.starts_with("no CUDA device: "), "{stderr}");
        assert!(!stdout.contains("GPU"), "{stdout}");
    }
}

#[test]
fn conv_gpu_json_says_the_gpu_was_unavailable() {
    let home = tempfile::tempdir().unwrap();
    let out = avance(home.path())
        .env("AVANCE_GPU", "off")
        .args([
            "bench", "conv", "--gpu", "--json", "--size", "20", "--runs", "1",
        ])
        .output()
        .unwrap();
    let reports: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(
        reports[0]["gpu"]["unavailable"],
        "no CUDA device: AVANCE_GPU=off"
    );
    assert_eq!(reports[0]["rows"].as_array().unwrap().len(), 4);
}

#[test]
fn gpu_is_refused_for_other_benchmarks() {
    let home = tempfile::tempdir().unwrap();
    avance(home.path())
        .args(["bench", "elementwise", "--gpu", "--size", "10"])
        .assert()
        .failure()
        .stderr("error: --gpu is for `bench conv`: the GPU runs the convolution only\n");
}

#[test]
fn ctrl_c_stops_a_long_bench_at_once_with_one_line() {
    use std::os::unix::process::ExitStatusExt;
    use std::time::{Duration, Instant};
    let home = tempfile::tempdir().unwrap();
    // The naive engine at N = 4000 takes minutes on any machine.
    let bench = std::process::Command::new(env!("CARGO_BIN_EXE_avance"))
        .env("AVANCE_HOME", home.path())
        .args(["bench", "conv", "--size", "4000", "--engine", "naive"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_secs(2));
    let sent = Instant::now();
    assert_eq!(unsafe { libc::kill(bench.id() as i32, libc::SIGINT) }, 0);
    let out = bench.wait_with_output().unwrap();
    assert!(
        sent.elapsed() < Duration::from_secs(2),
        "{:?}",
        sent.elapsed()
    );
    assert_eq!(out.status.code(), Some(130), "{:?}", out.status.signal());
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "interrupted: the bench stopped (Ctrl-C); the measurement under way was dropped\n"
    );
    assert!(out.stdout.is_empty());
}
