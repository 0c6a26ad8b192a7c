//! The course's element-wise functions, `fonction1 = a*b - 4.1*a > 2.5*b`
//! and `fonction2 = sin(a) + asinh(a/b)`, on `a = b = 1..n` as f64, written
//! the ways a Rust programmer would: a plain indexed loop, an iterator,
//! ndarray's `Zip`, rayon, and an optimised version (parallel chunks whose
//! loop is compiled for the best SIMD the processor has). Rust compiles all
//! of them to machine code: no numexpr, f2py, Cython or Numba needed.
//!
//! Every engine gives bit-for-bit the loop's result, except the optimised
//! `fonction2`: its `sin` and `asinh` are vectorised ones (`vmath`), within
//! [`FONCTION2_MAX_ULPS`] of the maths library's, as [`fonction2_error`]
//! measures.

use std::mem::MaybeUninit;

use ndarray::{Array1, Zip};
use rayon::prelude::*;

mod vmath;

/// The course's inputs: `a = b = np.arange(1, n)` as f64.
pub fn course_inputs(n: usize) -> (Array1<f64>, Array1<f64>) {
    let a = Array1::from_iter((1..n.max(1)).map(|i| i as f64));
    (a.clone(), a)
}

/// The optimised `fonction2` differs from the maths library's result by
/// at most this many ulps of the larger of |sin a| and |asinh(a/b)|: the
/// two terms are each within 1 to 2 ulps (`vmath` is often nearer the exact
/// value than libm), and each sum rounds once. Measured against the terms,
/// not the sum: where sin a ≈ −asinh(a/b) the sum cancels, and any error
/// in the terms, libm's included, is large next to it.
pub const FONCTION2_MAX_ULPS: f64 = 4.0;

/// How far `c` is, at worst, from the maths library's `fonction2(a, b)`, in
/// ulps of the larger term: 0 when equal bit for bit, infinite when a NaN
/// or an infinity does not match.
pub fn fonction2_error(c: &Array1<f64>, a: &Array1<f64>, b: &Array1<f64>) -> f64 {
    assert!(
        c.len() == a.len() && a.len() == b.len(),
        "arrays must have the same dimension"
    );
    Zip::from(c)
        .and(a)
        .and(b)
        .fold(0.0, |worst, &c, &a, &b| error_ulps(c, a, b).max(worst))
}

fn error_ulps(c: f64, a: f64, b: f64) -> f64 {
    let (sin, asinh) = (a.sin(), (a / b).asinh());
    let reference = sin + asinh;
    if c == reference || (c.is_nan() && reference.is_nan()) {
        return 0.0;
    }
    if !(c.is_finite() && reference.is_finite()) {
        return f64::INFINITY;
    }
    (c - reference).abs() / ulp(sin.abs().max(asinh.abs()))
}

/// The gap between `x ≥ 0` and the next double of the same exponent.
fn ulp(x: f64) -> f64 {
    let power_of_two = f64::from_bits(x.to_bits() & 0x7ff0_0000_0000_0000);
    power_of_two.max(f64::MIN_POSITIVE) * f64::EPSILON
}

// ANCHOR: formulas
#[inline(always)]
fn formula1(a: f64, b: f64) -> bool {
    a * b - 4.1 * a > 2.5 * b
}

#[inline(always)]
fn formula2(a: f64, b: f64) -> f64 {
    a.sin() + (a / b).asinh()
}
// ANCHOR_END: formulas

/// A way to compute the functions, by name, for `avance bench` and the lessons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Loop,
    Iterator,
    Zip,
    Rayon,
    Optimized,
}

impl Engine {
    pub const ALL: [Engine; 5] = [
        Engine::Loop,
        Engine::Iterator,
        Engine::Zip,
        Engine::Rayon,
        Engine::Optimized,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Engine::Loop => "loop",
            Engine::Iterator => "iterator",
            Engine::Zip => "ndarray",
            Engine::Rayon => "rayon",
            Engine::Optimized => "optimized",
        }
    }

    pub fn fonction1(self, a: &Array1<f64>, b: &Array1<f64>) -> Array1<bool> {
        self.apply(a, b, formula1, fonction1_optimized)
    }

    pub fn fonction2(self, a: &Array1<f64>, b: &Array1<f64>) -> Array1<f64> {
        self.apply(a, b, formula2, fonction2_optimized)
    }

    fn apply<T: Copy + Default + Send + Sync>(
        self,
        a: &Array1<f64>,
        b: &Array1<f64>,
        formula: impl Fn(f64, f64) -> T + Sync + Send,
        optimized: fn(&[f64], &[f64]) -> Vec<T>,
    ) -> Array1<T> {
        assert_eq!(a.len(), b.len(), "arrays must have the same dimension");
        match self {
            Engine::Loop => indexed_loop(a, b, formula),
            Engine::Iterator => a.iter().zip(b).map(|(&a, &b)| formula(a, b)).collect(),
            Engine::Zip => Zip::from(a).and(b).map_collect(|&a, &b| formula(a, b)),
            Engine::Rayon => {
                let (a, b) = (contiguous(a), contiguous(b));
                Array1::from(
                    a.par_iter()
                        .zip(b.par_iter())
                        .map(|(&a, &b)| formula(a, b))
                        .collect::<Vec<T>>(),
                )
            }
            Engine::Optimized => Array1::from(optimized(&contiguous(a), &contiguous(b))),
        }
    }
}

// ANCHOR: loop
fn indexed_loop<T: Copy + Default>(
    a: &Array1<f64>,
    b: &Array1<f64>,
    formula: impl Fn(f64, f64) -> T,
) -> Array1<T> {
    let mut c = Array1::from_elem(a.len(), T::default());
    for i in 0..a.len() {
        c[i] = formula(a[i], b[i]);
    }
    c
}
// ANCHOR_END: loop

fn contiguous(a: &Array1<f64>) -> std::borrow::Cow<'_, [f64]> {
    match a.as_slice() {
        Some(slice) => std::borrow::Cow::Borrowed(slice),
        None => std::borrow::Cow::Owned(a.to_vec()),
    }
}

/// Elements per parallel task: large enough to amortise rayon, small
/// enough to share among cores and stay in cache.
const CHUNK: usize = 16 * 1024;

// ANCHOR: optimized
/// A loop over one chunk: writes `c[i]` from `a[i]` and `b[i]`, every `i`.
trait Kernel<T> {
    fn chunk(c: &mut [MaybeUninit<T>], a: &[f64], b: &[f64]);

    /// For processors with neither AVX-512 nor AVX2.
    fn portable(c: &mut [MaybeUninit<T>], a: &[f64], b: &[f64]) {
        Self::chunk(c, a, b)
    }
}

struct Fonction1;

impl Kernel<bool> for Fonction1 {
    #[inline(always)]
    fn chunk(c: &mut [MaybeUninit<bool>], a: &[f64], b: &[f64]) {
        for ((c, &a), &b) in c.iter_mut().zip(a).zip(b) {
            c.write(formula1(a, b));
        }
    }
}

fn fonction1_optimized(a: &[f64], b: &[f64]) -> Vec<bool> {
    in_parallel::<Fonction1, _>(a, b)
}

/// Runs `K` on chunks of `a`, `b` and a new, uninitialised result, on
/// every core: no pass to zero the result first.
fn in_parallel<K: Kernel<T>, T: Send>(a: &[f64], b: &[f64]) -> Vec<T> {
    assert_eq!(a.len(), b.len(), "arrays must have the same dimension");
    let mut c = Vec::with_capacity(a.len());
    c.spare_capacity_mut()[..a.len()]
        .par_chunks_mut(CHUNK)
        .zip(a.par_chunks(CHUNK).zip(b.par_chunks(CHUNK)))
        .for_each(|(c, (a, b))| best_simd::<K, T>(c, a, b));
    // SAFETY: a and b have c's length, so the chunks cover the first
    // a.len() elements of c, and every kernel writes all of its chunk.
    unsafe { c.set_len(a.len()) };
    c
}

/// `K` compiled for AVX-512 or AVX2, whichever the processor has: the
/// binary still runs on any x86-64.
fn best_simd<K: Kernel<T>, T>(c: &mut [MaybeUninit<T>], a: &[f64], b: &[f64]) {
    #[cfg(target_arch = "x86_64")]
    {
        if is_x86_feature_detected!("avx512f") {
            // SAFETY: the processor has just been seen to support AVX-512F.
            return unsafe { with_avx512::<K, T>(c, a, b) };
        }
        if is_x86_feature_detected!("avx2") && is_x86_feature_detected!("fma") {
            // SAFETY: the processor has just been seen to support AVX2 and FMA.
            return unsafe { with_avx2::<K, T>(c, a, b) };
        }
        K::portable(c, a, b)
    }
    #[cfg(not(target_arch = "x86_64"))]
    K::chunk(c, a, b)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f")]
fn with_avx512<K: Kernel<T>, T>(c: &mut [MaybeUninit<T>], a: &[f64], b: &[f64]) {
    K::chunk(c, a, b)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
fn with_avx2<K: Kernel<T>, T>(c: &mut [MaybeUninit<T>], a: &[f64], b: &[f64]) {
    K::chunk(c, a, b)
}
// ANCHOR_END: optimized

// ANCHOR: fonction2
fn fonction2_optimized(a: &[f64], b: &[f64]) -> Vec<f64> {
    in_parallel::<Fonction2, _>(a, b)
}

struct Fonction2;

impl Kernel<f64> for Fonction2 {
    /// sin and asinh from `vmath`, which the compiler vectorises; lanes out
    /// of its range (huge, infinite, NaN) are computed again by libm.
    #[inline(always)]
    fn chunk(c: &mut [MaybeUninit<f64>], a: &[f64], b: &[f64]) {
        let mut out_of_range = false;
        for ((c, &a), &b) in c.iter_mut().zip(a).zip(b) {
            let x = a / b;
            c.write(vmath::sin(a) + vmath::asinh(x));
            out_of_range |= !vmath::accurate(a, x);
        }
        if out_of_range {
            for ((c, &a), &b) in c.iter_mut().zip(a).zip(b) {
                if !vmath::accurate(a, a / b) {
                    c.write(formula2(a, b));
                }
            }
        }
    }

    /// Without FMA, `vmath`'s `mul_add` is a slow call: libm is faster.
    fn portable(c: &mut [MaybeUninit<f64>], a: &[f64], b: &[f64]) {
        for ((c, &a), &b) in c.iter_mut().zip(a).zip(b) {
            c.write(formula2(a, b));
        }
    }
}
// ANCHOR_END: fonction2

#[cfg(test)]
pub(crate) mod tests;
