//! Timing on the GPU: the kernel alone between two CUDA events, and the
//! course's whole `convolve_cuda` call by the wall clock, into pageable
//! memory as numpy's and into a pinned buffer.

use std::time::Instant;

use cudarc::driver::sys::CUevent_flags;
use ndarray::Array2;

use super::{Gpu, OnDevice, cuda};
use crate::conv::gpu::{GpuError, Kernel};

impl Gpu {
    /// Times `kernel`: alone with CUDA events, `launches` times after a
    /// warm-up; and end to end as the course's `convolve_cuda` (allocate
    /// `h`, launch, copy back, with `f` and `g` already on the device),
    /// `runs` times, into pageable then pinned memory.
    pub fn time(
        &self,
        kernel: Kernel,
        f: &Array2<i64>,
        g: &Array2<i64>,
        launches: usize,
        runs: usize,
    ) -> Result<GpuTiming, GpuError> {
        let inputs = self.upload(kernel, f, g)?;
        let result = self.course_call(&inputs)?;
        let kernel_s = self.time_launches(&inputs, launches)?;
        let end_to_end_s = wall_times(runs, || self.course_call(&inputs).map(drop))?;
        // SAFETY: the buffer is written by the copy before anything reads it.
        let mut pinned = unsafe { self.context.alloc_pinned_with_flags::<i64>(f.len(), 0) }
            .map_err(cuda("cuMemHostAlloc"))?;
        let end_to_end_pinned_s = wall_times(runs, || {
            let h = self.launch_into_zeros(&inputs)?;
            self.stream
                .memcpy_dtoh(&h, &mut pinned)
                .map_err(cuda("cuMemcpyDtoHAsync"))?;
            self.stream
                .synchronize()
                .map_err(cuda("cuStreamSynchronize"))
        })?;
        Ok(GpuTiming {
            result,
            kernel_s,
            end_to_end_s,
            end_to_end_pinned_s,
        })
    }

    /// The kernel alone, each launch between two events, after a warm-up.
    fn time_launches(&self, inputs: &OnDevice, launches: usize) -> Result<Vec<f64>, GpuError> {
        const WARM_UP: usize = 5;
        let mut h = self.launch_into_zeros(inputs)?;
        let event = || {
            self.context
                .new_event(Some(CUevent_flags::CU_EVENT_DEFAULT))
                .map_err(cuda("cuEventCreate"))
        };
        let (start, end) = (event()?, event()?);
        let mut times = Vec::with_capacity(launches);
        for i in 0..WARM_UP + launches {
            start.record(&self.stream).map_err(cuda("cuEventRecord"))?;
            self.launch(inputs, &mut h)?;
            end.record(&self.stream).map_err(cuda("cuEventRecord"))?;
            let ms = start.elapsed_ms(&end).map_err(cuda("cuEventElapsedTime"))?;
            if i >= WARM_UP {
                times.push(f64::from(ms) / 1e3);
            }
        }
        Ok(times)
    }
}

/// What [`Gpu::time`] measured, in seconds, and the result it computed.
#[derive(Debug, Clone)]
pub struct GpuTiming {
    pub result: Array2<i64>,
    pub kernel_s: Vec<f64>,
    pub end_to_end_s: Vec<f64>,
    pub end_to_end_pinned_s: Vec<f64>,
}

/// `runs` wall-clock times of `call`, after one untimed call.
fn wall_times(
    runs: usize,
    mut call: impl FnMut() -> Result<(), GpuError>,
) -> Result<Vec<f64>, GpuError> {
    call()?;
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            call()?;
            Ok(start.elapsed().as_secs_f64())
        })
        .collect()
}
