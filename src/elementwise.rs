//! The course's element-wise functions, `fonction1 = a*b - 4.1*a > 2.5*b`
//! and `fonction2 = sin(a) + asinh(a/b)`, on `a = b = 1..n` as f64, written
//! the ways a Rust programmer would: a plain indexed loop, an iterator,
//! ndarray's `Zip`, rayon, and an optimised version (parallel chunks whose
//! loop is compiled for the best SIMD the processor has). Rust compiles all
//! of them to machine code: no numexpr, f2py, Cython or Numba needed.
//! Every engine gives bit-for-bit the same result.

use ndarray::{Array1, Zip};
use rayon::prelude::*;

/// The course's inputs: `a = b = np.arange(1, n)` as f64.
pub fn course_inputs(n: usize) -> (Array1<f64>, Array1<f64>) {
    let a = Array1::from_iter((1..n.max(1)).map(|i| i as f64));
    (a.clone(), a)
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
        formula: fn(f64, f64) -> T,
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
    formula: fn(f64, f64) -> T,
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
fn fonction1_optimized(a: &[f64], b: &[f64]) -> Vec<bool> {
    let kernel = simd_kernel();
    let mut c = vec![false; a.len()];
    c.par_chunks_mut(CHUNK)
        .zip(a.par_chunks(CHUNK).zip(b.par_chunks(CHUNK)))
        .for_each(|(c, (a, b))| kernel(c, a, b));
    c
}

#[inline(always)]
fn fonction1_chunk(c: &mut [bool], a: &[f64], b: &[f64]) {
    for ((c, &a), &b) in c.iter_mut().zip(a).zip(b) {
        *c = formula1(a, b);
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f")]
fn fonction1_avx512(c: &mut [bool], a: &[f64], b: &[f64]) {
    fonction1_chunk(c, a, b)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn fonction1_avx2(c: &mut [bool], a: &[f64], b: &[f64]) {
    fonction1_chunk(c, a, b)
}

type Kernel = fn(&mut [bool], &[f64], &[f64]);

fn simd_kernel() -> Kernel {
    #[cfg(target_arch = "x86_64")]
    {
        if is_x86_feature_detected!("avx512f") {
            // SAFETY: the processor has just been seen to support AVX-512F.
            return |c, a, b| unsafe { fonction1_avx512(c, a, b) };
        }
        if is_x86_feature_detected!("avx2") {
            // SAFETY: the processor has just been seen to support AVX2.
            return |c, a, b| unsafe { fonction1_avx2(c, a, b) };
        }
    }
    fonction1_chunk
}

/// sin and asinh are calls into the maths library, which no compiler
/// vectorises; what is left is using every core.
fn fonction2_optimized(a: &[f64], b: &[f64]) -> Vec<f64> {
    let mut c = vec![0.0; a.len()];
    c.par_chunks_mut(CHUNK)
        .zip(a.par_chunks(CHUNK).zip(b.par_chunks(CHUNK)))
        .for_each(|(c, (a, b))| {
            for ((c, &a), &b) in c.iter_mut().zip(a).zip(b) {
                *c = formula2(a, b);
            }
        });
    c
}
// ANCHOR_END: optimized

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_engine_gives_the_loop_result_bit_for_bit() {
        for n in [1, 2, 17, 100_000] {
            let (a, b) = course_inputs(n);
            let (one, two) = (
                Engine::Loop.fonction1(&a, &b),
                Engine::Loop.fonction2(&a, &b),
            );
            for engine in Engine::ALL {
                assert_eq!(
                    engine.fonction1(&a, &b),
                    one,
                    "{} at n = {n}",
                    engine.name()
                );
                let bits = |x: &Array1<f64>| x.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
                assert_eq!(
                    bits(&engine.fonction2(&a, &b)),
                    bits(&two),
                    "{} at n = {n}",
                    engine.name()
                );
            }
        }
    }

    #[test]
    fn the_course_formulas() {
        let (a, b) = course_inputs(10);
        assert_eq!(a.len(), 9);
        // a*a - 4.1a > 2.5a  ⇔  a > 6.6
        let one = Engine::Loop.fonction1(&a, &b);
        assert_eq!(
            one.to_vec(),
            [false, false, false, false, false, false, true, true, true]
        );
        let two = Engine::Loop.fonction2(&a, &b);
        assert_eq!(two[0], 1f64.sin() + 1f64.asinh());
    }
}
