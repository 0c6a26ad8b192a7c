//! The optimised CPU engine. The ideas, each worth a slide:
//!
//! - **loop order**: for each output row, add `g[s, t] × (row of f)` into
//!   the row for every tap: the innermost loop walks two contiguous slices,
//!   which the compiler turns into SIMD instructions (the row kernel);
//! - **runtime CPU feature detection**: the row kernel is compiled for
//!   AVX-512 and AVX2 too, and the best one the processor has is picked
//!   when the program runs, so one binary runs everywhere and fast;
//! - **register tiles** (`tiles`, x86-64 with AVX-512): the row kernel
//!   loads and stores its output row once per tap, 81 times; a tile of
//!   4 rows × 32 outputs is instead summed in vector registers over every
//!   tap and stored once. The row kernel does what does not fill a tile,
//!   and everything on other processors;
//! - **the multiply chosen by the data**: of three multiply instructions,
//!   the fastest one that is exact for the range of the values is used, so
//!   the result is always exactly the naive one;
//! - **parallel bands**: rayon shares bands of 32 output rows among the
//!   cores; a band's input rows stay in the core's cache;
//! - **no zeroing pass**: the output is allocated uninitialised and each
//!   band writes its own rows, zeroing only the borders and what the row
//!   kernel adds into.

use std::mem::MaybeUninit;

use ndarray::Array2;
use rayon::prelude::*;

use super::{ConvError, check};

#[cfg(target_arch = "x86_64")]
mod tiles;

/// The shapes a band needs: the row length of `f` and `h`, and the filter's.
#[derive(Clone, Copy)]
struct Dims {
    cols: usize,
    smax: usize,
    tmax: usize,
}

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
    convolve_with(BandEngine::detect(), f, g)
}

fn convolve_with(
    engine: BandEngine,
    f: &Array2<i64>,
    g: &Array2<i64>,
) -> Result<Array2<i64>, ConvError> {
    check(f, g)?;
    let (f, g) = (f.as_standard_layout(), g.as_standard_layout());
    let (f_flat, g_flat) = (
        f.as_slice().expect("standard layout"),
        g.as_slice().expect("standard layout"),
    );
    let ((rows, cols), (smax, tmax)) = (f.dim(), g.dim());
    let d = Dims { cols, smax, tmax };
    let mut h = Array2::uninit((rows, cols));
    let h_flat = h.as_slice_mut().expect("a new array is contiguous");
    let (top, rest) = h_flat.split_at_mut(smax / 2 * cols);
    let (interior, bottom) = rest.split_at_mut((rows - smax + 1) * cols);
    zeroed(top);
    zeroed(bottom);
    interior
        .par_chunks_mut(BAND * cols)
        .enumerate()
        .for_each(|(b, h_band)| {
            let h_rows = h_band.len() / cols;
            let f_band = &f_flat[b * BAND * cols..][..(h_rows + smax - 1) * cols];
            engine.run(h_band, f_band, g_flat, d);
        });
    // SAFETY: every element has been written: the top and bottom rows by
    // `zeroed`, each band by `run`.
    Ok(unsafe { h.assume_init() })
}
// ANCHOR_END: optimized

/// Fills with zeros, and gives the values as the `i64` they now are. The
/// output is not zeroed first, a pass through memory: each task writes
/// its own band, and zeroes only what the row kernel adds into.
fn zeroed(values: &mut [MaybeUninit<i64>]) -> &mut [i64] {
    values.fill(MaybeUninit::new(0));
    // SAFETY: every element has just been written, and `MaybeUninit<i64>`
    // has the layout of `i64`.
    unsafe { &mut *(values as *mut [MaybeUninit<i64>] as *mut [i64]) }
}

/// Output rows given to one rayon task: several tiles high, so that the
/// range of its input rows is checked once for several tiles (32 measured
/// 2–3% faster than 16, and 16 faster than 8).
const BAND: usize = 32;

/// The kernels this processor runs.
#[derive(Clone, Copy)]
struct BandEngine {
    row: RowKernel,
    #[cfg(target_arch = "x86_64")]
    tiles: Option<tiles::Avx512>,
}

impl BandEngine {
    /// The portable row kernel alone, as on a processor without SIMD.
    #[cfg(test)]
    fn portable() -> Self {
        BandEngine {
            row: add_taps,
            #[cfg(target_arch = "x86_64")]
            tiles: None,
        }
    }

    fn detect() -> Self {
        BandEngine {
            row: row_kernel().1,
            #[cfg(target_arch = "x86_64")]
            tiles: tiles::Avx512::detect(),
        }
    }

    /// Computes the output rows `h_band` (borders included) from the input
    /// rows `f_band` that they need.
    fn run(self, h_band: &mut [MaybeUninit<i64>], f_band: &[i64], g: &[i64], d: Dims) {
        #[cfg(target_arch = "x86_64")]
        if let Some(cpu) = self.tiles {
            // SAFETY: `detect` has seen the processor support what `cpu` says.
            return unsafe { tiles::band(cpu, h_band, f_band, g, d, self.row) };
        }
        rows_by_kernel(zeroed(h_band), f_band, g, d, 0, self.row);
    }
}

/// The row kernel on every row of a band from `first_col` on (`first_col`
/// counts interior columns).
fn rows_by_kernel(
    h_band: &mut [i64],
    f_band: &[i64],
    g: &[i64],
    d: Dims,
    first_col: usize,
    kernel: RowKernel,
) {
    let (tmid, width) = (d.tmax / 2, d.cols - d.tmax + 1);
    for (x, h_row) in h_band.chunks_mut(d.cols).enumerate() {
        let out = &mut h_row[tmid + first_col..tmid + width];
        for s in 0..d.smax {
            let f_row = &f_band[(x + s) * d.cols + first_col..][..d.cols - first_col];
            kernel(out, f_row, &g[s * d.tmax..][..d.tmax]);
        }
    }
}

#[cfg(test)]
mod tests;
