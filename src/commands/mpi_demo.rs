//! `avance mpi-demo`: the port of the course's mpi4py example. Under mpirun
//! with the `mpi` feature rank 0 prints the job's report; without the
//! feature it says how to build and run it.

use std::process::ExitCode;

use anyhow::{Result, bail};
use clap::Args;

#[derive(Debug, Args)]
pub(super) struct MpiDemoArgs {
    /// How many heavy_fonction calls, shared among the ranks.
    #[arg(long, default_value_t = crate::parallel::COURSE_CALLS)]
    calls: usize,
}

impl MpiDemoArgs {
    #[cfg(feature = "mpi")]
    pub(super) fn run(self) -> Result<ExitCode> {
        use std::io::Write;

        use crate::parallel::mpi::{self, Outcome};
        let work = crate::parallel::Workload::new(
            self.calls,
            crate::parallel::COURSE_MAX_SLEEP,
            crate::parallel::COURSE_SEED,
        );
        match mpi::demo(&work)? {
            Outcome::Root(report) => {
                writeln!(std::io::stdout(), "{report}")?;
                if !report.coverage.is_exact() {
                    bail!("work was lost: {}", report.coverage);
                }
            }
            Outcome::Worker { rank, calls } => {
                eprintln!("rank {rank}: {calls} calls sent to rank 0");
            }
        }
        Ok(ExitCode::SUCCESS)
    }

    #[cfg(not(feature = "mpi"))]
    pub(super) fn run(self) -> Result<ExitCode> {
        let _ = self.calls;
        bail!(
            "this avance was built without MPI; build it with `cargo build --release --features mpi` (OpenMPI: apt install openmpi-bin libopenmpi-dev libclang-dev), then run `mpirun -n 4 avance mpi-demo`"
        )
    }
}
