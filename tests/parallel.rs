//! The parallelism lessons' outside pieces: the `avance worker` protocol, a
//! dying worker reported by `bench parallel`, `mpi-demo`'s advice outside
//! mpirun, and (with the feature `mpi`) the MPI run under `mpirun`.

mod common;

use std::time::Duration;

#[cfg(feature = "mpi")]
use avance::parallel::COURSE_MAX_SLEEP;
use avance::parallel::processes::{self, DIE_AT_VAR};
use avance::parallel::{COURSE_SEED, Workload};
use common::avance;

fn worker_args(work: &Workload) -> Vec<String> {
    processes::worker_args(work)
}

#[test]
fn a_worker_answers_each_index_with_its_seeded_sleep() {
    let home = tempfile::tempdir().unwrap();
    let work = Workload::new(20, Duration::from_millis(5), COURSE_SEED);
    let output = avance(home.path())
        .args(worker_args(&work))
        .write_stdin("3\n19\n0\n")
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    let replies: Vec<_> = stdout
        .lines()
        .map(|line| processes::parse_reply(line).unwrap())
        .collect();
    assert_eq!(
        replies,
        [3, 19, 0].map(|i| (i, work.sleep_of(i))),
        "{stdout}"
    );
}

#[test]
fn a_worker_refuses_an_index_out_of_range() {
    let home = tempfile::tempdir().unwrap();
    let work = Workload::new(5, Duration::from_millis(1), 1);
    let output = avance(home.path())
        .args(worker_args(&work))
        .write_stdin("1\n5\n")
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert_eq!(String::from_utf8_lossy(&output.stdout).lines().count(), 1);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("expected an index below 5"), "{stderr}");
}

#[test]
fn a_worker_told_to_die_exits_with_status_3_before_that_index() {
    let home = tempfile::tempdir().unwrap();
    let work = Workload::new(10, Duration::from_millis(1), 1);
    let output = avance(home.path())
        .args(worker_args(&work))
        .env(DIE_AT_VAR, "4")
        .write_stdin("2\n4\n6\n")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(processes::DIE_STATUS));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
}

#[test]
fn processes_bring_every_index_back_once() {
    let work = Workload::new(60, Duration::from_millis(4), 5);
    let run = processes::run(&work, env!("CARGO_BIN_EXE_avance").as_ref(), 4).unwrap();
    assert!(run.deaths.is_empty(), "{:?}", run.deaths);
    let report = work.report("processes", 4, Duration::from_secs(1), &run.results);
    assert!(report.coverage.is_exact(), "{}", report.coverage);
    assert!(run.results.iter().all(|&(i, t)| work.sleep_of(i) == t));
}

#[test]
fn a_dying_worker_is_reported_with_its_status_and_unfinished_index() {
    let work = Workload::new(30, Duration::from_millis(2), 5);
    let program = env!("CARGO_BIN_EXE_avance");
    let run = processes::run_dying_at(&work, program.as_ref(), 3, Some(11)).unwrap();
    assert_eq!(run.deaths.len(), 1, "{:?}", run.deaths);
    let death = &run.deaths[0];
    assert_eq!(death.status.code(), Some(processes::DIE_STATUS));
    assert_eq!(death.unfinished, [11]);
    assert!(
        death
            .to_string()
            .contains("died (exit status: 3) with [11] unfinished"),
        "{death}"
    );
    let coverage = work
        .report("p", 3, Duration::from_secs(1), &run.results)
        .coverage;
    assert_eq!(coverage.missing, [11]);
    assert!(coverage.repeated.is_empty());
}

#[test]
fn when_every_worker_dies_the_rest_is_listed_as_never_sent() {
    let work = Workload::new(10, Duration::from_millis(1), 5);
    let program = env!("CARGO_BIN_EXE_avance");
    // One worker: it dies at 2, and 3..10 are still queued.
    let run = processes::run_dying_at(&work, program.as_ref(), 1, Some(2)).unwrap();
    assert_eq!(run.deaths[0].unfinished, [2]);
    assert_eq!(run.never_sent, (3..10).collect::<Vec<_>>());
    assert_eq!(run.results.len(), 2);
}

#[test]
fn bench_parallel_says_which_came_back_when_a_worker_dies() {
    let home = tempfile::tempdir().unwrap();
    let output = avance(home.path())
        .args(["bench", "parallel", "--size", "24", "--engine", "processes"])
        .env(DIE_AT_VAR, "17")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "{stdout}");
    assert!(
        stdout.contains("died (exit status: 3) with [17] unfinished"),
        "{stdout}"
    );
    assert!(
        stdout.contains("every index once:  NO: 1 missing [17]"),
        "{stdout}"
    );
    assert!(stderr.contains("work was lost"), "{stderr}");
}

#[test]
fn bench_parallel_runs_the_threads_variants() {
    let home = tempfile::tempdir().unwrap();
    let output = avance(home.path())
        .args([
            "bench",
            "parallel",
            "--size",
            "16",
            "--engine",
            "async,threads-atomic",
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    assert!(stdout.contains("async: 16 calls, 16 workers"), "{stdout}");
    assert!(
        stdout.contains("threads-atomic (chunks of 1): 16 calls, 8 workers"),
        "{stdout}"
    );
    assert_eq!(
        stdout.matches("every index once:  yes, all 16").count(),
        2,
        "{stdout}"
    );
}

#[test]
fn mpi_demo_outside_mpirun_says_how_to_run_it() {
    let home = tempfile::tempdir().unwrap();
    let output = avance(home.path()).arg("mpi-demo").output().unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("mpirun -n 4 avance mpi-demo"), "{stderr}");
}

/// The demo under mpirun: only with the feature, since the program must
/// be built with it (`cargo test --features mpi`, as `.ci/run` does).
#[cfg(feature = "mpi")]
#[test]
fn mpi_demo_under_mpirun_gathers_every_index_on_rank_0() {
    if !common::require_tool("mpirun") {
        return;
    }
    let mut command = std::process::Command::new("mpirun");
    // OpenMPI refuses root without this, and more ranks than cores without --oversubscribe.
    command.args(["--allow-run-as-root", "--oversubscribe", "-n", "4"]);
    command.args([env!("CARGO_BIN_EXE_avance"), "mpi-demo", "--calls", "40"]);
    let output = command.output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("MPI: 40 calls, 4 workers"), "{stdout}");
    assert!(
        stdout.contains("every index once:  yes, all 40"),
        "{stdout}"
    );
    let expected = Workload::new(40, COURSE_MAX_SLEEP, COURSE_SEED).total();
    assert!(
        stdout.contains(&format!(
            "sum of the sleeps: {:.3} s",
            expected.as_secs_f64()
        )),
        "{stdout}"
    );
}
