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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_the_feature_there_is_no_device_and_it_says_why() {
        let Err(error) = device() else {
            unreachable!("Gpu has no values")
        };
        // AVANCE_GPU=off, if the test's environment has it, takes precedence
        let off = std::env::var_os(super::super::DISABLE_VAR).is_some_and(|v| v == "off");
        let expected = if off {
            "no CUDA device: AVANCE_GPU=off"
        } else {
            "no CUDA device: this build of avance has no `gpu` feature"
        };
        assert_eq!(error.to_string(), expected);
    }
}
