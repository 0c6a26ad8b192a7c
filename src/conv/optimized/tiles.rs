//! The register-tiled AVX-512 kernel: a tile of `ROWS` output rows ×
//! `VECS` vectors of 8 `i64` is summed in zmm registers over every tap of
//! the filter, then stored once. Each vector of `f` loaded is multiplied
//! into every row of the tile that uses it, so the output is neither
//! loaded nor stored per tap, and each input is loaded once per tile row
//! band rather than once per tap and row.

use super::Dims;
use core::arch::x86_64::{
    __m512i, _mm512_add_epi64, _mm512_load_epi64, _mm512_loadu_epi64, _mm512_mul_epi32,
    _mm512_mullo_epi64, _mm512_setzero_si512, _mm512_storeu_epi64,
};

/// Output rows of a tile.
pub const ROWS: usize = 4;
/// `i64` per zmm register.
const LANES: usize = 8;
/// Vectors per tile row.
const VECS: usize = 4;
/// Output columns of a tile.
pub const WIDTH: usize = LANES * VECS;

/// A filter value repeated in every lane, as a register wants it: the
/// filter is splatted once per call, so the tile loads a ready vector.
#[derive(Clone, Copy)]
#[repr(C, align(64))]
pub struct Splat([i64; LANES]);

/// The filter `g`, every value splatted.
pub fn splat(g: &[i64]) -> Vec<Splat> {
    g.iter().map(|&c| Splat([c; LANES])).collect()
}

/// How one product is added into an accumulator: `acc + f × g`, wrapping.
pub trait MulAdd {
    /// # Safety
    /// The processor must support AVX-512F and AVX-512DQ.
    unsafe fn mul_add(acc: __m512i, f: __m512i, g: __m512i) -> __m512i;
}

/// Any `i64`: `vpmullq`, exact for every value but three micro-ops.
pub struct Wide;

/// Values that fit in `i32`: `vpmuldq` multiplies the low 32 bits of each
/// lane as signed numbers into a full 64-bit product, in one micro-op. For
/// such values that product is exactly the `i64` product.
pub struct Narrow;

impl MulAdd for Wide {
    #[inline]
    #[target_feature(enable = "avx512f,avx512dq")]
    unsafe fn mul_add(acc: __m512i, f: __m512i, g: __m512i) -> __m512i {
        _mm512_add_epi64(acc, _mm512_mullo_epi64(f, g))
    }
}

impl MulAdd for Narrow {
    #[inline]
    #[target_feature(enable = "avx512f,avx512dq")]
    unsafe fn mul_add(acc: __m512i, f: __m512i, g: __m512i) -> __m512i {
        _mm512_add_epi64(acc, _mm512_mul_epi32(f, g))
    }
}

// ANCHOR: tile
/// Computes `h[i][j]` for `i < ROWS`, `j < WIDTH`, with `h` and `f`
/// starting at the tile's first output and first input (`cols` apart).
///
/// # Safety
/// The processor must support AVX-512F and AVX-512DQ; with `M = Narrow`,
/// every value read from `f` and `g` must fit in `i32`.
#[inline]
#[target_feature(enable = "avx512f,avx512dq")]
pub unsafe fn tile<M: MulAdd>(h: &mut [i64], f: &[i64], g: &[Splat], d: Dims) {
    let (f_rows, h_rows) = (ROWS + d.smax - 1, ROWS);
    assert!(f.len() >= (f_rows - 1) * d.cols + d.tmax - 1 + WIDTH);
    assert!(h.len() >= (h_rows - 1) * d.cols + WIDTH && g.len() >= d.smax * d.tmax);
    let mut acc = [[_mm512_setzero_si512(); VECS]; ROWS];
    for r in 0..f_rows {
        // Output row i uses input row r with filter row s = r - i.
        let first = r.saturating_sub(d.smax - 1);
        for t in 0..d.tmax {
            // SAFETY: r < f_rows and t + WIDTH <= tmax - 1 + WIDTH, within
            // the length asserted above.
            let x = core::array::from_fn::<_, VECS, _>(|v| unsafe {
                _mm512_loadu_epi64(f.as_ptr().add(r * d.cols + t + v * LANES))
            });
            for (i, row) in acc.iter_mut().enumerate() {
                if i < first || i > r {
                    continue;
                }
                // SAFETY: first <= i <= r, so r - i < smax and the index
                // is below smax·tmax <= g.len(), as asserted.
                let c = unsafe { _mm512_load_epi64(g.as_ptr().add((r - i) * d.tmax + t).cast()) };
                for (a, &x) in row.iter_mut().zip(&x) {
                    // SAFETY: the caller guarantees the CPU features and,
                    // for `Narrow`, the range of the values.
                    *a = unsafe { M::mul_add(*a, x, c) };
                }
            }
        }
    }
    for (i, row) in acc.iter().enumerate() {
        for (v, &a) in row.iter().enumerate() {
            // SAFETY: i < ROWS and v·LANES + 8 <= WIDTH: within the length
            // asserted above.
            unsafe { _mm512_storeu_epi64(h.as_mut_ptr().add(i * d.cols + v * LANES), a) };
        }
    }
}
// ANCHOR_END: tile
