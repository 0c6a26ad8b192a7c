//! The convolution on the GPU: the kernels of `kernels/`, compiled when the
//! program runs by NVRTC for the device in hand, launched through cudarc.
//!
//! [`device`] opens the first GPU once per process: it checks that the CUDA
//! driver and NVRTC libraries can be loaded *before* cudarc touches them
//! (cudarc panics on a missing library), compiles both kernels and keeps
//! the module. Without a GPU, or in a build without the `gpu` feature, it
//! returns [`GpuError::NoDevice`], whose message is the one line
//! `no CUDA device: <reason>`, and callers carry on with the CPU engines.
//! Sizes, launch shapes, memory needs and the device's floor are plain
//! functions ([`plan`], [`floor`]), tested without a GPU.

pub mod floor;
pub mod plan;

#[cfg(feature = "gpu")]
mod cuda;
#[cfg(feature = "gpu")]
mod probe;
#[cfg(feature = "gpu")]
pub use cuda::{Gpu, GpuTiming, compile_ptx, device, nvrtc_probe};

#[cfg(not(feature = "gpu"))]
mod absent;
#[cfg(not(feature = "gpu"))]
pub use absent::{Gpu, GpuTiming, device};

pub use floor::{DeviceLimits, Floor, Taps};

use ndarray::Array2;

use super::ConvError;

/// Set to `off`, the GPU is not opened even when there is one: the
/// no-device path, on any machine.
pub const DISABLE_VAR: &str = "AVANCE_GPU";

/// The answer when [`DISABLE_VAR`] turns the GPU off.
fn turned_off() -> Option<GpuError> {
    std::env::var_os(DISABLE_VAR)
        .is_some_and(|v| v == "off")
        .then(|| GpuError::NoDevice(format!("{DISABLE_VAR}=off")))
}

/// A CUDA kernel of `kernels/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kernel {
    /// The course's `convolve_cuda`: one thread per pixel, sums in global memory.
    Naive,
    /// Shared-memory tiles, the filter in the constant bank, 4 outputs a thread.
    Tiled,
    /// The tiled kernel with 32-bit taps, for a filter whose taps all fit.
    Tiled32,
}

impl Kernel {
    pub const ALL: [Kernel; 3] = [Kernel::Naive, Kernel::Tiled, Kernel::Tiled32];

    /// The name in `avance bench`'s tables.
    pub fn name(self) -> &'static str {
        match self {
            Kernel::Naive => "cuda naive",
            Kernel::Tiled => "cuda tiled",
            Kernel::Tiled32 => "cuda tiled32",
        }
    }

    /// The `extern "C"` function the module exports.
    pub fn entry(self) -> &'static str {
        match self {
            Kernel::Naive => "convolve_naive",
            Kernel::Tiled => "convolve_tiled",
            Kernel::Tiled32 => "convolve_tiled32",
        }
    }

    /// The source file, as NVRTC's messages name it: both tiled kernels
    /// are in one.
    pub fn file(self) -> &'static str {
        match self {
            Kernel::Naive => "kernels/convolve_naive.cu",
            Kernel::Tiled | Kernel::Tiled32 => "kernels/convolve_tiled.cu",
        }
    }

    /// The CUDA C source, built into the program.
    pub fn source(self) -> &'static str {
        match self {
            Kernel::Naive => include_str!("../../kernels/convolve_naive.cu"),
            Kernel::Tiled | Kernel::Tiled32 => include_str!("../../kernels/convolve_tiled.cu"),
        }
    }

    /// The width of the taps the kernel multiplies by.
    pub fn taps(self) -> Taps {
        match self {
            Kernel::Naive | Kernel::Tiled => Taps::Bits64,
            Kernel::Tiled32 => Taps::Bits32,
        }
    }

    /// The kernel the host picks for `g`, as the CPU engine picks its
    /// multiply by the data: the tiled one for the 9×9 filter it is built
    /// for, with 32-bit taps when every tap fits, else the naive one.
    pub fn for_filter(g: &Array2<i64>) -> Kernel {
        if g.dim() != (plan::TILED_FILTER, plan::TILED_FILTER) {
            Kernel::Naive
        } else if plan::taps_32(g).is_ok() {
            Kernel::Tiled32
        } else {
            Kernel::Tiled
        }
    }
}

/// Why the GPU cannot run a convolution.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GpuError {
    #[error("no CUDA device: {0}")]
    NoDevice(String),
    #[error("NVRTC could not compile {file}:\n{log}")]
    Compile { file: String, log: String },
    #[error("CUDA call {call} failed: {error}")]
    Cuda { call: &'static str, error: String },
    #[error(
        "{rows}×{cols} needs {needed_mib} MiB of GPU memory, but only {free_mib} MiB are free; try a smaller --size"
    )]
    OutOfMemory {
        rows: usize,
        cols: usize,
        needed_mib: u64,
        free_mib: u64,
    },
    #[error("{rows}×{cols} needs a grid of {blocks} blocks in {axis}, more than the GPU's {max}")]
    GridTooLarge {
        rows: usize,
        cols: usize,
        axis: char,
        blocks: u64,
        max: u64,
    },
    #[error(
        "the tiled kernel is compiled for the course's 9×9 filter, not {0}×{1}; the naive kernel takes any odd filter"
    )]
    FilterNotTiled(usize, usize),
    #[error(
        "the tiled32 kernel takes taps that fit in 32 bits, and {tap} does not; the tiled kernel takes any"
    )]
    TapTooWide { tap: i64 },
    #[error(transparent)]
    Conv(#[from] ConvError),
}
