//! The optimised CPU engine. Three ideas, each worth a slide:
//!
//! - **loop order**: for each output row, add `g[s, t] × (row of f)` into
//!   the row for every tap: the innermost loop walks two contiguous slices,
//!   which the compiler turns into SIMD instructions;
//! - **parallel rows**: rayon shares the output rows among the cores; each
//!   row reads 9 rows of `f`, which stay in the core's cache;
//! - **runtime CPU feature detection**: the same row kernel is compiled for
//!   AVX-512 and AVX2 too, and the best one the processor has is picked
//!   when the program runs, so one binary runs everywhere and fast.

use ndarray::Array2;
use rayon::prelude::*;

use super::{ConvError, check};

/// Adds `g_row[t] × f_row[t..]` into `out` for every tap `t` of one filter row.
type RowKernel = fn(&mut [i64], &[i64], &[i64]);

// ANCHOR: kernel
#[inline(always)]
fn add_taps(out: &mut [i64], f_row: &[i64], g_row: &[i64]) {
    for (t, &coefficient) in g_row.iter().enumerate() {
        let inputs = &f_row[t..t + out.len()];
        for (h, &f) in out.iter_mut().zip(inputs) {
            *h = h.wrapping_add(coefficient.wrapping_mul(f));
        }
    }
}
// ANCHOR_END: kernel

// ANCHOR: dispatch
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512dq")]
fn add_taps_avx512(out: &mut [i64], f_row: &[i64], g_row: &[i64]) {
    add_taps(out, f_row, g_row) // the same code, compiled for AVX-512
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn add_taps_avx2(out: &mut [i64], f_row: &[i64], g_row: &[i64]) {
    add_taps(out, f_row, g_row)
}

/// The best row kernel this processor runs, and its name.
pub fn row_kernel() -> (&'static str, RowKernel) {
    #[cfg(target_arch = "x86_64")]
    {
        if is_x86_feature_detected!("avx512f") && is_x86_feature_detected!("avx512dq") {
            // SAFETY: the processor has just been seen to support AVX-512F and DQ.
            return ("avx512", |o, f, g| unsafe { add_taps_avx512(o, f, g) });
        }
        if is_x86_feature_detected!("avx2") {
            // SAFETY: the processor has just been seen to support AVX2.
            return ("avx2", |o, f, g| unsafe { add_taps_avx2(o, f, g) });
        }
    }
    ("portable", add_taps)
}
// ANCHOR_END: dispatch

// ANCHOR: optimized
pub fn convolve_optimized(f: &Array2<i64>, g: &Array2<i64>) -> Result<Array2<i64>, ConvError> {
    check(f, g)?;
    let (f, g) = (f.as_standard_layout(), g.as_standard_layout());
    let (f_flat, g_flat) = (
        f.as_slice().expect("standard layout"),
        g.as_slice().expect("standard layout"),
    );
    let ((rows, cols), (smax, tmax)) = (f.dim(), g.dim());
    let (smid, tmid) = (smax / 2, tmax / 2);
    let (_, kernel) = row_kernel();
    let mut h = Array2::zeros((rows, cols));
    let h_flat = h.as_slice_mut().expect("a new array is contiguous");
    h_flat
        .par_chunks_mut(cols)
        .enumerate()
        .skip(smid)
        .take(rows - 2 * smid)
        .for_each(|(x, h_row)| {
            let out = &mut h_row[tmid..cols - tmid];
            for s in 0..smax {
                let f_row = &f_flat[(x - smid + s) * cols..][..cols];
                kernel(out, f_row, &g_flat[s * tmax..][..tmax]);
            }
        });
    Ok(h)
}
// ANCHOR_END: optimized
