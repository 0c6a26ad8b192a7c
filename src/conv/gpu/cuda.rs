//! The GPU itself, through cudarc: the probe that comes before any cudarc
//! call, NVRTC compilation, the module kept for the process, and the
//! convolution run and timed on the device. Every CUDA call's error is
//! carried to the caller with the call's name.

use std::sync::{Arc, OnceLock};

use cudarc::driver::sys::CUdevice_attribute;
use cudarc::driver::{
    CudaContext, CudaFunction, CudaSlice, CudaStream, DeviceRepr, DriverError, LaunchConfig,
    PushKernelArg,
};
use cudarc::nvrtc::{CompileError, CompileOptions};
use ndarray::Array2;

use super::plan::{self, Launch};
use super::probe;
use super::{DeviceLimits, GpuError, Kernel};

mod timing;
pub use timing::GpuTiming;

/// The first GPU, with every kernel compiled for it and loaded.
pub struct Gpu {
    context: Arc<CudaContext>,
    stream: Arc<CudaStream>,
    functions: Vec<(Kernel, CudaFunction)>,
    limits: DeviceLimits,
    versions: String,
}

/// The GPU of this process, opened on first use; the same answer after.
pub fn device() -> Result<&'static Gpu, GpuError> {
    static DEVICE: OnceLock<Result<Gpu, GpuError>> = OnceLock::new();
    DEVICE.get_or_init(Gpu::open).as_ref().map_err(Clone::clone)
}

/// Whether NVRTC can be loaded: it needs no GPU, and compiles for any.
pub fn nvrtc_probe() -> Result<(), GpuError> {
    probe::nvrtc().map_err(GpuError::NoDevice)
}

// ANCHOR: compile
/// Compiles `source` (named `file` in NVRTC's messages) to PTX for `arch`
/// (`compute_90`, `sm_90`...); a source that does not compile gives
/// NVRTC's log.
pub fn compile_ptx(file: &str, source: &str, arch: &str) -> Result<String, GpuError> {
    nvrtc_probe()?;
    let options = CompileOptions {
        name: Some(file.to_string()),
        options: vec![format!("--gpu-architecture={arch}"), "-std=c++17".into()],
        ..Default::default()
    };
    let ptx = cudarc::nvrtc::compile_ptx_with_opts(source, options).map_err(|error| {
        let log = match error {
            CompileError::CompileError { log, .. } => log.to_string_lossy().trim_end().to_string(),
            other => format!("{other:?}"),
        };
        GpuError::Compile {
            file: file.to_string(),
            log,
        }
    })?;
    Ok(ptx.to_src())
}
// ANCHOR_END: compile

/// The driver functions this module reaches through cudarc: an older
/// driver that lacks one would make cudarc panic.
const DRIVER_SYMBOLS: [&str; 8] = [
    "cuInit",
    "cuDevicePrimaryCtxRetain",
    "cuModuleLoadData",
    "cuLaunchKernel",
    "cuMemGetInfo_v2",
    "cuMemcpyDtoHAsync_v2",
    "cuEventRecord",
    "cuEventElapsedTime_v2",
];

/// A tiled kernel's filter, passed by value: kernel arguments live in the
/// constant bank, read by a whole warp at once.
#[repr(C)]
#[derive(Clone, Copy)]
struct Filter<Tap>([Tap; plan::TILED_FILTER * plan::TILED_FILTER]);

// SAFETY: plain arrays of i64 and i32, laid out as the kernel's
// `Filter<long long>` and `Filter<int>`.
unsafe impl DeviceRepr for Filter<i64> {}
unsafe impl DeviceRepr for Filter<i32> {}

impl<Tap: Copy> Filter<Tap> {
    fn boxed(taps: &[Tap]) -> Box<Self> {
        Box::new(Filter(
            taps.try_into().expect("the plan checked a 9×9 filter"),
        ))
    }
}

/// The error of the CUDA call named `call`.
fn cuda(call: &'static str) -> impl Fn(DriverError) -> GpuError {
    move |error| GpuError::Cuda {
        call,
        error: describe(error),
    }
}

/// "CUDA_ERROR_NO_DEVICE (no CUDA-capable device is detected)", from the driver.
fn describe(error: DriverError) -> String {
    let text =
        |s: Result<&std::ffi::CStr, DriverError>| s.map(|s| s.to_string_lossy().into_owned());
    match (text(error.error_name()), text(error.error_string())) {
        (Ok(name), Ok(meaning)) => format!("{name} ({meaning})"),
        _ => format!("CUDA error {}", error.0 as u32),
    }
}

impl Gpu {
    fn open() -> Result<Gpu, GpuError> {
        if let Some(off) = super::turned_off() {
            return Err(off);
        }
        probe::driver(&DRIVER_SYMBOLS).map_err(GpuError::NoDevice)?;
        nvrtc_probe()?;
        let count = CudaContext::device_count().map_err(|e| {
            GpuError::NoDevice(format!("the CUDA driver found no GPU: {}", describe(e)))
        })?;
        if count == 0 {
            return Err(GpuError::NoDevice("the CUDA driver sees no GPU".into()));
        }
        let context = CudaContext::new(0).map_err(cuda("cuDevicePrimaryCtxRetain"))?;
        // SAFETY: one stream only, so cudarc's events between streams are not needed.
        unsafe { context.disable_event_tracking() };
        let stream = context.default_stream();
        let limits = read_limits(&context)?;
        let (major, minor) = limits.compute_capability;
        let arch = format!("compute_{major}{minor}");
        // Each source is compiled once, for all the kernels it holds.
        let mut modules = Vec::new();
        let mut functions = Vec::new();
        for kernel in Kernel::ALL {
            let module = match modules.iter().find(|(file, _)| *file == kernel.file()) {
                Some((_, module)) => Arc::clone(module),
                None => {
                    let ptx = compile_ptx(kernel.file(), kernel.source(), &arch)?;
                    let module = context
                        .load_module(cudarc::nvrtc::Ptx::from_src(ptx))
                        .map_err(cuda("cuModuleLoadData"))?;
                    modules.push((kernel.file(), Arc::clone(&module)));
                    module
                }
            };
            let function = module
                .load_function(kernel.entry())
                .map_err(cuda("cuModuleGetFunction"))?;
            functions.push((kernel, function));
        }
        Ok(Gpu {
            functions,
            versions: versions()?,
            context,
            stream,
            limits,
        })
    }

    fn function(&self, kernel: Kernel) -> CudaFunction {
        let (_, function) = self
            .functions
            .iter()
            .find(|(loaded, _)| *loaded == kernel)
            .expect("open loads every kernel");
        function.clone()
    }

    /// The device's name and the limits its floor is computed from.
    pub fn limits(&self) -> &DeviceLimits {
        &self.limits
    }

    /// The driver's and NVRTC's CUDA versions, as "driver 13.0, NVRTC 13.0".
    pub fn versions(&self) -> &str {
        &self.versions
    }

    /// The convolution on the GPU, start to end: copy `f` (and `g`) in,
    /// launch, copy `h` back.
    pub fn convolve(
        &self,
        kernel: Kernel,
        f: &Array2<i64>,
        g: &Array2<i64>,
    ) -> Result<Array2<i64>, GpuError> {
        let inputs = self.upload(kernel, f, g)?;
        self.course_call(&inputs)
    }

    /// Checks the shapes and the free memory, then copies the inputs over.
    fn upload(
        &self,
        kernel: Kernel,
        f: &Array2<i64>,
        g: &Array2<i64>,
    ) -> Result<OnDevice, GpuError> {
        let launch = plan::launch(kernel, f.dim(), g.dim())?;
        let (free, _) = self.context.mem_get_info().map_err(cuda("cuMemGetInfo"))?;
        let needed = plan::device_bytes(kernel, f.dim(), g.dim());
        plan::check_memory(f.dim(), needed, free as u64)?;
        let (f_host, g_host) = (f.as_standard_layout(), g.as_standard_layout());
        let f_values = f_host.as_slice().expect("standard layout");
        let g_values = g_host.as_slice().expect("standard layout");
        let copy = |values: &[i64]| {
            self.stream
                .clone_htod(values)
                .map_err(cuda("cuMemcpyHtoDAsync"))
        };
        let filter = match kernel {
            Kernel::Naive => FilterOnDevice::Global(copy(g_values)?),
            Kernel::Tiled => FilterOnDevice::Taps64(Filter::boxed(g_values)),
            Kernel::Tiled32 => FilterOnDevice::Taps32(Filter::boxed(&plan::taps_32(g)?)),
        };
        Ok(OnDevice {
            function: self.function(kernel),
            launch,
            f_dim: f.dim(),
            g_dim: g.dim(),
            f: copy(f_values)?,
            filter,
        })
    }

    // ANCHOR: course_call
    /// The course's `convolve_cuda(f_gpu, g_gpu)`: `zeros_like`, launch, `get()`.
    fn course_call(&self, inputs: &OnDevice) -> Result<Array2<i64>, GpuError> {
        let h = self.launch_into_zeros(inputs)?;
        let values = self
            .stream
            .clone_dtoh(&h)
            .map_err(cuda("cuMemcpyDtoHAsync"))?;
        self.stream
            .synchronize()
            .map_err(cuda("cuStreamSynchronize"))?;
        Ok(Array2::from_shape_vec(inputs.f_dim, values).expect("h has f's shape"))
    }

    fn launch_into_zeros(&self, inputs: &OnDevice) -> Result<CudaSlice<i64>, GpuError> {
        let mut h = self
            .stream
            .alloc_zeros::<i64>(inputs.f.len())
            .map_err(cuda("cuMemAlloc"))?;
        self.launch(inputs, &mut h)?;
        Ok(h)
    }
    // ANCHOR_END: course_call

    // ANCHOR: launch
    fn launch(&self, inputs: &OnDevice, h: &mut CudaSlice<i64>) -> Result<(), GpuError> {
        let Launch { grid, block } = inputs.launch;
        let config = LaunchConfig {
            grid_dim: grid,
            block_dim: block,
            shared_mem_bytes: 0, // the tiled kernel's tile is sized when compiled
        };
        let [rows, cols] = [inputs.f_dim.0, inputs.f_dim.1].map(|n| n as i64);
        let [gx, gy] = [inputs.g_dim.0, inputs.g_dim.1].map(|n| n as i64);
        let f = &inputs.f;
        let mut builder = self.stream.launch_builder(&inputs.function);
        match &inputs.filter {
            FilterOnDevice::Global(g) => {
                builder
                    .arg(f)
                    .arg(g)
                    .arg(h)
                    .arg(&rows)
                    .arg(&cols)
                    .arg(&gx)
                    .arg(&gy);
            }
            FilterOnDevice::Taps64(taps) => {
                builder.arg(f).arg(h).arg(&rows).arg(&cols).arg(&**taps);
            }
            FilterOnDevice::Taps32(taps) => {
                builder.arg(f).arg(h).arg(&rows).arg(&cols).arg(&**taps);
            }
        }
        // SAFETY: the arguments match the kernel's parameters in number,
        // order and type; the kernels check every index against the sizes.
        unsafe { builder.launch(config) }.map_err(cuda("cuLaunchKernel"))?;
        Ok(())
    }
    // ANCHOR_END: launch
}

/// `f` and the filter on the device, and the kernel and launch that use them.
struct OnDevice {
    function: CudaFunction,
    launch: Launch,
    f_dim: (usize, usize),
    g_dim: (usize, usize),
    f: CudaSlice<i64>,
    filter: FilterOnDevice,
}

/// Where each kernel reads the filter: the naive one from global memory
/// as the course's, the tiled ones from their arguments.
enum FilterOnDevice {
    Global(CudaSlice<i64>),
    Taps64(Box<Filter<i64>>),
    Taps32(Box<Filter<i32>>),
}

fn read_limits(context: &Arc<CudaContext>) -> Result<DeviceLimits, GpuError> {
    let attribute = |which| {
        context
            .attribute(which)
            .map(|v| v.max(0) as u32)
            .map_err(cuda("cuDeviceGetAttribute"))
    };
    use CUdevice_attribute::*;
    Ok(DeviceLimits::from_attributes(
        context.name().map_err(cuda("cuDeviceGetName"))?,
        (
            attribute(CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR)?,
            attribute(CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR)?,
        ),
        attribute(CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT)?,
        attribute(CU_DEVICE_ATTRIBUTE_CLOCK_RATE)?,
        attribute(CU_DEVICE_ATTRIBUTE_MEMORY_CLOCK_RATE)?,
        attribute(CU_DEVICE_ATTRIBUTE_GLOBAL_MEMORY_BUS_WIDTH)?,
    ))
}

/// "driver 13.0, NVRTC 13.0".
fn versions() -> Result<String, GpuError> {
    let mut driver = 0;
    // SAFETY: both libraries have been probed, and each call writes plain ints.
    unsafe { cudarc::driver::sys::cuDriverGetVersion(&mut driver) }
        .result()
        .map_err(cuda("cuDriverGetVersion"))?;
    let (mut major, mut minor) = (0, 0);
    // SAFETY: as above.
    let status = unsafe { cudarc::nvrtc::sys::nvrtcVersion(&mut major, &mut minor) };
    if status != cudarc::nvrtc::sys::nvrtcResult::NVRTC_SUCCESS {
        return Err(GpuError::Cuda {
            call: "nvrtcVersion",
            error: format!("{status:?}"),
        });
    }
    Ok(format!(
        "driver {}.{}, NVRTC {major}.{minor}",
        driver / 1000,
        driver % 1000 / 10
    ))
}
