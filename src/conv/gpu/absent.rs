//! The GPU in a build without the `gpu` feature (`:dep avance` in evcxr
//! and Jupyter): the same names, and [`device`] says there is none, so code
//! written for the GPU compiles and carries on with the CPU engines.

use ndarray::Array2;

use super::{DeviceLimits, GpuError, Kernel};

/// A GPU; none can exist in this build.
pub enum Gpu {}

/// Always "no CUDA device", with the reason.
pub fn device() -> Result<&'static Gpu, GpuError> {
    Err(super::turned_off()
        .unwrap_or_else(|| GpuError::NoDevice("this build of avance has no `gpu` feature".into())))
}

impl Gpu {
    pub fn limits(&self) -> &DeviceLimits {
        match *self {}
    }

    pub fn versions(&self) -> &str {
        match *self {}
    }

    pub fn convolve(
        &self,
        _kernel: Kernel,
        _f: &Array2<i64>,
        _g: &Array2<i64>,
    ) -> Result<Array2<i64>, GpuError> {
        match *self {}
    }

    pub fn time(
        &self,
        _kernel: Kernel,
        _f: &Array2<i64>,
        _g: &Array2<i64>,
        _launches: usize,
        _runs: usize,
    ) -> Result<GpuTiming, GpuError> {
        match *self {}
    }
}

/// What `Gpu::time` measures, in seconds, and the result it computed.
#[derive(Debug, Clone)]
pub struct GpuTiming {
    pub result: Array2<i64>,
    pub kernel_s: Vec<f64>,
    pub end_to_end_s: Vec<f64>,
    pub end_to_end_pinned_s: Vec<f64>,
}
