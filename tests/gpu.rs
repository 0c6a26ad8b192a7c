//! The CUDA kernels. NVRTC needs no GPU: every kernel is compiled to PTX
//! for an H100 or H200 wherever libnvrtc loads (CI installs PyPI's
//! `nvidia-cuda-nvrtc` and points `LD_LIBRARY_PATH` at it). The tests that
//! launch kernels need a device, and say SKIPPED without one
//! (`AVANCE_REQUIRE_GPU=1` makes that a failure, on the GPU machine, where
//! the GPU kit of `scripts/gpu-kit.sh` runs them).

#![cfg(feature = "gpu")]

mod common;

use avance::conv::gpu::{self, GpuError, Kernel};
use avance::conv::{self, ConvError, Engine};
use ndarray::Array2;

fn nvrtc() -> bool {
    common::require_library("NVRTC", gpu::nvrtc_probe())
}

#[test]
fn every_kernel_compiles_to_ptx_for_an_h100_and_an_h200() {
    if !nvrtc() {
        return;
    }
    for kernel in Kernel::ALL {
        let ptx = gpu::compile_ptx(kernel.file(), kernel.source(), "compute_90")
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(ptx.contains(".target sm_90"), "{}", &ptx[..400]);
        let entry = format!(".entry {}(", kernel.entry());
        assert!(
            ptx.contains(&entry),
            "no {entry} in the PTX of {}",
            kernel.file()
        );
    }
}

/// The PTX of one kernel: from its `.entry` to the next one.
fn entry(ptx: &str, kernel: Kernel) -> &str {
    let start = ptx
        .find(&format!(".entry {}(", kernel.entry()))
        .unwrap_or_else(|| panic!("no {}", kernel.entry()));
    let body = &ptx[start + 1..];
    &ptx[start..start + 1 + body.find(".entry").unwrap_or(body.len())]
}

#[test]
fn the_tiled_kernels_keep_their_tile_in_shared_memory_and_nothing_in_local() {
    if !nvrtc() {
        return;
    }
    let ptx = gpu::compile_ptx("tiled.cu", Kernel::Tiled.source(), "compute_90").unwrap();
    for kernel in [Kernel::Tiled, Kernel::Tiled32] {
        let code = entry(&ptx, kernel);
        // 40 × 40 values of 8 bytes (an int64, or its two halves), the
        // tile with its halo
        assert!(code.contains(".shared .align 8 .b8"), "no shared array");
        assert!(code.contains("[12800]"), "the tile is not 40×40 × 8 bytes");
        assert!(code.contains("bar.sync"), "no __syncthreads");
        // the filter read from the parameter bank, never copied to the stack
        assert!(
            !code.contains(".local"),
            "{} uses local memory",
            kernel.name()
        );
    }
}

/// How many of `code`'s instructions start with one of `opcodes`.
fn count(code: &str, opcodes: &[&str]) -> usize {
    code.lines()
        .map(str::trim_start)
        .filter(|line| opcodes.iter().any(|op| line.starts_with(op)))
        .count()
}

#[test]
fn thirty_two_bit_taps_replace_every_64_bit_multiply_of_the_sums() {
    if !nvrtc() {
        return;
    }
    let ptx = gpu::compile_ptx("tiled.cu", Kernel::Tiled.source(), "compute_90").unwrap();
    // 4 outputs × 81 taps per thread, all unrolled
    const PRODUCTS: usize = 4 * 81;
    let wide = ["mul.lo.s64", "mul.lo.u64", "mad.lo.s64", "mad.lo.u64"];
    let (tiled, tiled32) = (entry(&ptx, Kernel::Tiled), entry(&ptx, Kernel::Tiled32));
    assert!(count(tiled, &wide) >= PRODUCTS, "{}", count(tiled, &wide));
    // what is left are the index computations, a few per thread
    assert!(
        count(tiled32, &wide) < PRODUCTS / 10,
        "{}",
        count(tiled32, &wide)
    );
    assert!(count(tiled32, &["mul.wide.s32", "mad.wide.s32"]) >= PRODUCTS);
    assert!(count(tiled32, &["mul.lo.s32", "mad.lo.s32"]) >= PRODUCTS);
}

#[test]
fn a_kernel_that_does_not_compile_shows_nvrtcs_log() {
    if !nvrtc() {
        return;
    }
    let source = "extern \"C\" __global__ void broken(long long *h) {\n    h[0] = undeclared;\n}\n";
    let error = gpu::compile_ptx("kernels/broken.cu", source, "compute_90").unwrap_err();
    let GpuError::Compile { file, log } = &error else {
        panic!("{error:?}");
    };
    assert_eq!(file, "kernels/broken.cu");
    assert!(log.contains("kernels/broken.cu(2)"), "{log}");
    assert!(
        log.contains("identifier \"undeclared\" is undefined"),
        "{log}"
    );
    let message = error.to_string();
    assert!(
        message.starts_with("NVRTC could not compile kernels/broken.cu:\n"),
        "{message}"
    );
}

/// The course's inputs at sizes around the tiles' edges, odd and even.
const SIZES: [usize; 9] = [9, 10, 33, 40, 41, 72, 73, 257, 1000];

#[test]
fn every_kernel_equals_the_cpu_result_exactly() {
    let Some(device) = common::require_gpu(gpu::device()) else {
        return;
    };
    for n in SIZES {
        let (f, g) = conv::course_inputs(n);
        let expected = Engine::Naive.convolve(&f, &g).unwrap();
        for kernel in Kernel::ALL {
            let h = device.convolve(kernel, &f, &g).unwrap();
            assert!(h == expected, "{} at N = {n}", kernel.name());
        }
    }
}

/// A 9×9 filter whose taps need 64 bits, and one whose negative taps fit
/// in 32: the second is what the tiled32 kernel takes.
fn wide_and_narrow_taps() -> (Array2<i64>, Array2<i64>) {
    let wide = Array2::from_shape_fn((9, 9), |(s, t)| (s as i64 - 4) * 1_000_000_007 - t as i64);
    let narrow = Array2::from_shape_fn((9, 9), |(s, t)| (s as i64 - 4) * 500_000_003 - t as i64);
    assert_eq!(Kernel::for_filter(&wide), Kernel::Tiled);
    assert_eq!(Kernel::for_filter(&narrow), Kernel::Tiled32);
    (wide, narrow)
}

/// Values whose products and sums wrap, on a non-square image.
fn wrapping_image() -> Array2<i64> {
    Array2::from_shape_fn((45, 77), |(i, j)| {
        (i as i64 - 20) * 3_000_000_000_000_000 + j as i64 * 7_919
    })
}

/// The kernels that take `g`: the naive and tiled ones any 9×9 filter,
/// the tiled32 one only taps that fit in 32 bits.
fn kernels_for(g: &Array2<i64>) -> Vec<Kernel> {
    let narrow = Kernel::for_filter(g) == Kernel::Tiled32;
    Kernel::ALL
        .into_iter()
        .filter(|&kernel| kernel != Kernel::Tiled32 || narrow)
        .collect()
}

#[test]
fn non_square_images_and_values_that_overflow_are_exact_too() {
    let Some(device) = common::require_gpu(gpu::device()) else {
        return;
    };
    let f = wrapping_image();
    let (wide, narrow) = wide_and_narrow_taps();
    for g in [wide, narrow] {
        let expected = Engine::Optimized.convolve(&f, &g).unwrap();
        for kernel in kernels_for(&g) {
            let h = device.convolve(kernel, &f, &g).unwrap();
            assert!(h == expected, "{}", kernel.name());
        }
    }
    // the naive kernel takes any odd filter, as the course's
    let small = Array2::from_shape_fn((3, 5), |(s, t)| (s * 5 + t) as i64 - 7);
    let h = device.convolve(Kernel::Naive, &f, &small).unwrap();
    assert!(h == Engine::Naive.convolve(&f, &small).unwrap());
}

#[test]
fn bad_shapes_are_refused_before_launching() {
    let Some(device) = common::require_gpu(gpu::device()) else {
        return;
    };
    let (small, g) = conv::course_inputs(8);
    let error = device.convolve(Kernel::Tiled, &small, &g).unwrap_err();
    assert_eq!(
        error,
        GpuError::Conv(ConvError::ImageTooSmall {
            image: 8,
            filter: 9
        })
    );
    let (f, _) = conv::course_inputs(20);
    let three = Array2::zeros((3, 3));
    let error = device.convolve(Kernel::Tiled, &f, &three).unwrap_err();
    assert_eq!(error, GpuError::FilterNotTiled(3, 3));
    let (wide, _) = wide_and_narrow_taps();
    let error = device.convolve(Kernel::Tiled32, &f, &wide).unwrap_err();
    assert_eq!(
        error,
        GpuError::TapTooWide {
            tap: -4_000_000_028
        }
    );
}

#[test]
fn timing_gives_every_launch_and_run() {
    let Some(device) = common::require_gpu(gpu::device()) else {
        return;
    };
    let (f, g) = conv::course_inputs(300);
    let timing = device.time(Kernel::Tiled, &f, &g, 20, 3).unwrap();
    assert_eq!(timing.kernel_s.len(), 20);
    assert_eq!(
        (timing.end_to_end_s.len(), timing.end_to_end_pinned_s.len()),
        (3, 3)
    );
    assert!(timing.kernel_s.iter().all(|&t| t > 0.0));
    assert!(timing.result == Engine::Naive.convolve(&f, &g).unwrap());
}

/// The GPU kit's program: cargo's build of it, or `AVANCE_GPU_BIN` where
/// the kit runs the tests away from cargo's folders.
fn avance_gpu() -> std::process::Command {
    let program = std::env::var_os("AVANCE_GPU_BIN")
        .unwrap_or_else(|| env!("CARGO_BIN_EXE_avance-gpu").into());
    std::process::Command::new(program)
}

#[test]
fn the_kits_program_names_the_device_or_says_why_there_is_none() {
    let out = avance_gpu().arg("device").output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    match gpu::device() {
        Ok(device) => {
            assert!(out.status.success(), "{stdout}");
            assert!(stdout.starts_with(&device.limits().name), "{stdout}");
            assert!(stdout.contains(device.versions()), "{stdout}");
        }
        Err(error) => {
            assert_eq!(out.status.code(), Some(2), "{stdout}");
            assert_eq!(stdout, format!("{error}\n"));
        }
    }
    let out = avance_gpu().args(["device", "--json"]).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let key = if gpu::device().is_ok() {
        "found"
    } else {
        "unavailable"
    };
    assert!(json.get(key).is_some(), "{json}");
}

#[test]
fn bench_gpu_prints_a_row_per_kernel_equal_to_naive() {
    if common::require_gpu(gpu::device()).is_none() {
        return;
    }
    let out = avance_gpu()
        .args(["bench", "--size", "200", "--runs", "2"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "{stdout}");
    let (_, gpu) = stdout.split_once("\nGPU: ").expect("a GPU section");
    assert!(gpu.contains("\nfloor, 64-bit taps: "), "{gpu}");
    assert!(gpu.contains("\nfloor, 32-bit taps: "), "{gpu}");
    for kernel in Kernel::ALL {
        let row = gpu
            .lines()
            .find(|l| l.split("  ").next() == Some(kernel.name()))
            .unwrap_or_else(|| panic!("no {} row in {gpu}", kernel.name()));
        assert!(row.ends_with("yes"), "{row}");
    }
}

/// The kernels' sources built for the CPU by `tests/gpu_emulator.cpp`
/// (C++20), in `dir`; None (skipped, or failed under CI) without a compiler.
fn emulator(dir: &std::path::Path) -> Option<std::path::PathBuf> {
    if !common::require_tool("c++") {
        return None;
    }
    let program = dir.join("gpu_emulator");
    let source = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/gpu_emulator.cpp");
    let status = std::process::Command::new("c++")
        .args([
            "-std=c++20",
            "-O2",
            "-pthread",
            "-Wno-unknown-pragmas",
            source,
            "-o",
        ])
        .arg(&program)
        .status()
        .expect("c++ starts");
    assert!(status.success(), "the kernels do not compile as C++20");
    Some(program)
}

/// `kernel` run by the emulator on `f` and `g`.
fn emulate(
    program: &std::path::Path,
    kernel: Kernel,
    f: &Array2<i64>,
    g: &Array2<i64>,
) -> Array2<i64> {
    use std::io::Write;
    let name = kernel.entry().trim_start_matches("convolve_");
    let dims = [f.nrows(), f.ncols(), g.nrows(), g.ncols()].map(|n| n.to_string());
    let mut child = std::process::Command::new(program)
        .arg(name)
        .args(&dims)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("the emulator starts");
    let bytes: Vec<u8> = f
        .iter()
        .chain(g.iter())
        .flat_map(|v| v.to_le_bytes())
        .collect();
    child.stdin.take().unwrap().write_all(&bytes).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "the emulator failed on {name}");
    let values = out
        .stdout
        .chunks_exact(8)
        .map(|w| i64::from_le_bytes(w.try_into().unwrap()));
    Array2::from_shape_vec(f.dim(), values.collect()).unwrap()
}

#[test]
fn the_kernels_emulated_on_the_cpu_equal_the_cpu_engines() {
    let dir = tempfile::tempdir().unwrap();
    let Some(program) = emulator(dir.path()) else {
        return;
    };
    for n in [9, 10, 40, 41, 73] {
        let (f, g) = conv::course_inputs(n);
        let expected = Engine::Naive.convolve(&f, &g).unwrap();
        for kernel in Kernel::ALL {
            assert!(
                emulate(&program, kernel, &f, &g) == expected,
                "{} at N = {n}",
                kernel.name()
            );
        }
    }
    let f = wrapping_image();
    let (wide, narrow) = wide_and_narrow_taps();
    for g in [wide, narrow] {
        let expected = Engine::Optimized.convolve(&f, &g).unwrap();
        for kernel in kernels_for(&g) {
            assert!(
                emulate(&program, kernel, &f, &g) == expected,
                "{} wrapping",
                kernel.name()
            );
        }
    }
    let small = Array2::from_shape_fn((3, 5), |(s, t)| (s * 5 + t) as i64 - 7);
    let expected = Engine::Naive.convolve(&f, &small).unwrap();
    assert!(
        emulate(&program, Kernel::Naive, &f, &small) == expected,
        "naive, 3×5 filter"
    );
}
