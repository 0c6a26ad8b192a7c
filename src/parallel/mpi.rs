//! The port of mpi4py (rsmpi): `mpirun -n 4 avance mpi-demo` starts four
//! copies of the program, the ranks of one MPI job. Each rank builds the same
//! seeded workload, runs the calls `rank, rank + size, ...`, and sends its
//! `(i, t)` pairs to rank 0 (mpi4py's `comm.send`/`comm.recv`), which prints
//! the report.

use std::time::{Duration, Instant};

use mpi::traits::*;

use super::{Report, Workload};

/// Why the demo cannot run.
#[derive(Debug, thiserror::Error)]
pub enum MpiError {
    #[error(
        "mpi-demo runs as several processes started by MPI; run it with `mpirun -n 4 avance mpi-demo` (OpenMPI: apt install openmpi-bin)"
    )]
    NotUnderMpirun,
    #[error("MPI was already initialised in this process")]
    AlreadyInitialized,
}

/// Whether this process was started by `mpirun` (OpenMPI, MPICH or any
/// PMIx launcher set these).
pub fn under_mpirun() -> bool {
    ["OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_SIZE", "PMI_RANK"]
        .iter()
        .any(|name| std::env::var_os(name).is_some())
}

/// What this rank did: rank 0 gets the report of the whole job.
#[derive(Debug)]
pub enum Outcome {
    Root(Report),
    Worker { rank: usize, calls: usize },
}

// ANCHOR: demo
/// Runs `work` on every rank of the job; rank 0 gathers and reports.
pub fn demo(work: &Workload) -> Result<Outcome, MpiError> {
    if !under_mpirun() {
        return Err(MpiError::NotUnderMpirun);
    }
    let universe = mpi::initialize().ok_or(MpiError::AlreadyInitialized)?;
    let world = universe.world();
    let (rank, size) = (world.rank(), world.size());
    world.barrier();
    let start = Instant::now();
    // Each rank's share, as flat [i, nanoseconds, i, nanoseconds, ...].
    let mine: Vec<u64> = (rank as usize..work.len())
        .step_by(size as usize)
        .flat_map(|i| {
            let (i, t) = work.heavy_fonction(i);
            [i as u64, t.as_nanos() as u64]
        })
        .collect();
    if rank != 0 {
        world.process_at_rank(0).send(&mine[..]);
        return Ok(Outcome::Worker {
            rank: rank as usize,
            calls: mine.len() / 2,
        });
    }
    let mut all = mine;
    for other in 1..size {
        let (theirs, _status) = world.process_at_rank(other).receive_vec::<u64>();
        all.extend(theirs);
    }
    let wall = start.elapsed();
    let results: Vec<(usize, Duration)> = all
        .chunks_exact(2)
        .map(|pair| (pair[0] as usize, Duration::from_nanos(pair[1])))
        .collect();
    Ok(Outcome::Root(work.report(
        "MPI",
        size as usize,
        wall,
        &results,
    )))
}
// ANCHOR_END: demo
