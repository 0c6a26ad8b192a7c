//! The course's parallelism part: `heavy_fonction` (a seeded sleep of up to
//! 0.1 s) run 2000 times by every variant the course shows, and the same
//! calls as computation for the part Python's threads cannot do.
//!
//! - [`heavy`]: the calls ([`Workload`]), the [`Report`] every variant
//!   prints and the every-index-once [`Coverage`];
//! - [`tokio_async`]: one thread, every wait overlapped (feature `tokio`);
//! - [`threads`]: the course's `ThreadJob`, with a `Mutex` then an atomic;
//! - [`processes`]: `multiprocessing`, as child processes of `avance`
//!   (feature `cli`, which has the `worker` command);
//! - [`rayon_pool`]: joblib's `Parallel(n_jobs=-1)`;
//! - [`cpu_bound`]: the calls as computation, on 1, 2, ... threads;
//! - `mpi`: mpi4py's port, `avance mpi-demo` under `mpirun` (feature `mpi`).

pub mod cpu_bound;
pub mod heavy;
#[cfg(feature = "mpi")]
pub mod mpi;
#[cfg(feature = "cli")]
pub mod processes;
#[cfg(feature = "progress")]
mod progress;
pub mod rayon_pool;
pub mod threads;
#[cfg(feature = "tokio")]
pub mod tokio_async;

pub use heavy::{
    COURSE_CALLS, COURSE_MAX_SLEEP, COURSE_SEED, COURSE_WORKERS, Coverage, Report, Ticker, Workload,
};
