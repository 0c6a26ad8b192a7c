//! The register-tiled AVX-512 kernel, for x86-64 processors that have it.
//!
//! A tile is `ROWS` output rows × `VECS` vectors of 8 `i64`, summed in zmm
//! registers over every tap of the filter and stored once. Each vector of
//! `f` loaded is multiplied into every row of the tile that uses it. The
//! row kernel, by contrast, loads and stores its output row once per tap.
//!
//! The multiply is chosen by the range of the values, as the kernel is by
//! the processor's features, and the result is exactly the same whichever
//! is used: `vpmullq` is exact for every `i64` but costs three micro-ops;
//! `vpmuldq` (32 × 32 → 64 bits, signed) is exact when the values fit in
//! `i32`; `vpmadd52luq` (IFMA: 52 × 52 bits, unsigned, low 52 bits of the
//! product added in) multiplies and adds in one micro-op, exact when the
//! values are non-negative and every product is below 2⁵².

use core::arch::x86_64::{
    __m512i, _mm512_add_epi64, _mm512_load_epi64, _mm512_loadu_epi64, _mm512_madd52lo_epu64,
    _mm512_max_epi64, _mm512_min_epi64, _mm512_mul_epi32, _mm512_mullo_epi64,
    _mm512_reduce_max_epi64, _mm512_reduce_min_epi64, _mm512_set1_epi64, _mm512_setzero_si512,
    _mm512_storeu_epi64,
};
use std::mem::MaybeUninit;
use std::ops::Range;

use super::{Dims, RowKernel, rows_by_kernel};

/// Output rows of a tile.
const ROWS: usize = 4;
/// `i64` per zmm register.
const LANES: usize = 8;
/// Vectors per tile row.
const VECS: usize = 4;
/// Output columns of a tile.
const WIDTH: usize = LANES * VECS;

/// What the processor runs: AVX-512F and DQ at least, IFMA perhaps.
#[derive(Clone, Copy, Debug)]
pub(super) struct Avx512 {
    ifma: bool,
}

impl Avx512 {
    pub(super) fn detect() -> Option<Self> {
        let base = is_x86_feature_detected!("avx512f") && is_x86_feature_detected!("avx512dq");
        base.then(|| Avx512 {
            ifma: is_x86_feature_detected!("avx512ifma"),
        })
    }
}

/// A filter value repeated in every lane: the tile loads it ready.
#[derive(Clone, Copy)]
#[repr(C, align(64))]
struct Splat([i64; LANES]);

// ANCHOR: multiply
/// The three multiplies, fastest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Multiply {
    Ifma,
    Narrow,
    Wide,
}

impl Multiply {
    /// Whether every product of a value of `f` and one of `g`, given their
    /// (min, max), comes out exact.
    fn exact_for(self, f: (i64, i64), g: (i64, i64)) -> bool {
        let in_i32 = |(lo, hi): (i64, i64)| lo >= i32::MIN.into() && hi <= i32::MAX.into();
        match self {
            Multiply::Ifma => {
                let (f_max, g_max) = (f.1.max(0) as u128, g.1.max(0) as u128);
                f.0 >= 0 && g.0 >= 0 && f_max * g_max < 1 << 52
            }
            Multiply::Narrow => in_i32(f) && in_i32(g),
            Multiply::Wide => true,
        }
    }

    /// The fastest multiply exact for these ranges on this processor.
    fn fastest(cpu: Avx512, f: (i64, i64), g: (i64, i64)) -> Self {
        [Multiply::Ifma, Multiply::Narrow, Multiply::Wide]
            .into_iter()
            .filter(|&m| cpu.ifma || m != Multiply::Ifma)
            .find(|m| m.exact_for(f, g))
            .unwrap_or(Multiply::Wide)
    }
}
// ANCHOR_END: multiply

/// The smallest and largest value, 8 lanes at a time (x86-64's baseline,
/// SSE2, has no 64-bit minimum, and iterator adapters would not be
/// compiled with AVX-512 here).
///
/// # Safety
/// The processor must support AVX-512F.
#[target_feature(enable = "avx512f")]
unsafe fn range(values: &[i64]) -> (i64, i64) {
    let (mut lo, mut hi) = (_mm512_set1_epi64(i64::MAX), _mm512_set1_epi64(i64::MIN));
    let chunks = values.chunks_exact(LANES);
    let (mut lo_tail, mut hi_tail) = (i64::MAX, i64::MIN);
    for &v in chunks.remainder() {
        (lo_tail, hi_tail) = (lo_tail.min(v), hi_tail.max(v));
    }
    for chunk in chunks {
        // SAFETY: a chunk holds LANES values.
        let x = unsafe { _mm512_loadu_epi64(chunk.as_ptr()) };
        (lo, hi) = (_mm512_min_epi64(lo, x), _mm512_max_epi64(hi, x));
    }
    let lo = _mm512_reduce_min_epi64(lo).min(lo_tail);
    (lo, _mm512_reduce_max_epi64(hi).max(hi_tail))
}

/// Computes a band of output rows by tiles, and the rows and columns that
/// do not fill a tile by the row kernel.
///
/// # Safety
/// The processor must support what `cpu` says.
pub(super) unsafe fn band(
    cpu: Avx512,
    h_band: &mut [MaybeUninit<i64>],
    f_band: &[i64],
    g: &[i64],
    d: Dims,
    row: RowKernel,
) {
    let (strips, tiles) = (h_band.len() / d.cols / ROWS, (d.cols - d.tmax + 1) / WIDTH);
    let tiled = if tiles == 0 {
        0
    } else {
        strips * ROWS * d.cols
    };
    let (h_tiled, h_left) = h_band.split_at_mut(tiled);
    if tiled > 0 {
        zero_untiled(h_tiled, d, tiles * WIDTH);
        // SAFETY: the caller's promise.
        unsafe { exact_tiles(cpu, h_tiled, f_band, g, d) };
        // SAFETY: the tiles and `zero_untiled` have written every element.
        let h_tiled = unsafe { assume_init(h_tiled) };
        rows_by_kernel(h_tiled, f_band, g, d, tiles * WIDTH, row);
    }
    rows_by_kernel(super::zeroed(h_left), &f_band[tiled..], g, d, 0, row);
}

/// Every whole tile of the strips `h`, with a multiply exact for `f` and
/// `g`.
///
/// The tiles are first computed with the multiply that suits `g` and the
/// first input row: reading all the input to check it first would cost a
/// pass through memory. The inputs are checked afterwards, from the cache,
/// and the tiles computed again with an exact multiply if the guess was
/// wrong.
///
/// # Safety
/// The processor must support what `cpu` says.
unsafe fn exact_tiles(cpu: Avx512, h: &mut [MaybeUninit<i64>], f: &[i64], g: &[i64], d: Dims) {
    let splats: Vec<Splat> = g.iter().map(|&c| Splat([c; LANES])).collect();
    // SAFETY (both): AVX-512F, the caller's promise.
    let g_range = unsafe { range(g) };
    let guess = Multiply::fastest(cpu, unsafe { range(&f[..d.cols]) }, g_range);
    // SAFETY: the processor supports what `cpu` says (the caller's
    // promise), and `fastest` gives Ifma only when it says IFMA.
    unsafe { all_tiles(guess, h, f, &splats, d) };
    let f_used = &f[..(h.len() / d.cols + d.smax - 1) * d.cols];
    // SAFETY: AVX-512F, the caller's promise.
    let f_range = unsafe { range(f_used) };
    if !guess.exact_for(f_range, g_range) {
        let exact = Multiply::fastest(cpu, f_range, g_range);
        // SAFETY: as above.
        unsafe { all_tiles(exact, h, f, &splats, d) };
    }
}

/// Zeroes what the tiles leave in each row: the borders and the interior
/// columns from `tiled_cols` on, which the row kernel adds into.
fn zero_untiled(h: &mut [MaybeUninit<i64>], d: Dims, tiled_cols: usize) {
    for h_row in h.chunks_exact_mut(d.cols) {
        h_row[..d.tmax / 2].fill(MaybeUninit::new(0));
        h_row[d.tmax / 2 + tiled_cols..].fill(MaybeUninit::new(0));
    }
}

/// The values of `h`, initialised.
///
/// # Safety
/// Every element of `h` must have been written.
unsafe fn assume_init(h: &mut [MaybeUninit<i64>]) -> &mut [i64] {
    // SAFETY: `MaybeUninit<i64>` has the layout of `i64`, and the caller
    // promises that every element holds one.
    unsafe { &mut *(h as *mut [MaybeUninit<i64>] as *mut [i64]) }
}

/// Every whole tile of whole strips of `ROWS` rows, with `multiply`.
///
/// # Safety
/// The processor must support AVX-512F and DQ, and IFMA for `Ifma`.
unsafe fn all_tiles(
    multiply: Multiply,
    h: &mut [MaybeUninit<i64>],
    f: &[i64],
    g: &[Splat],
    d: Dims,
) {
    // SAFETY: the caller's promise.
    unsafe {
        match multiply {
            Multiply::Ifma => tiles_ifma(h, f, g, d),
            Multiply::Narrow => tiles_f_dq::<Narrow>(h, f, g, d),
            Multiply::Wide => tiles_f_dq::<Wide>(h, f, g, d),
        }
    }
}

/// `strips` with `Ifma`, compiled with IFMA enabled so that
/// `vpmadd52luq` is inlined into the tile.
///
/// # Safety
/// The processor must support AVX-512F, DQ and IFMA.
#[target_feature(enable = "avx512f,avx512dq,avx512ifma")]
unsafe fn tiles_ifma(h: &mut [MaybeUninit<i64>], f: &[i64], g: &[Splat], d: Dims) {
    // SAFETY: the caller's promise.
    unsafe { strips::<Ifma>(h, f, g, d) }
}

/// `strips` with `Narrow` or `Wide`, compiled with AVX-512F and DQ.
///
/// # Safety
/// The processor must support AVX-512F and DQ, and what `M` needs (IFMA
/// for `Ifma`, which goes to `tiles_ifma` instead, to be inlined).
#[target_feature(enable = "avx512f,avx512dq")]
unsafe fn tiles_f_dq<M: MulAdd>(h: &mut [MaybeUninit<i64>], f: &[i64], g: &[Splat], d: Dims) {
    // SAFETY: the caller's promise.
    unsafe { strips::<M>(h, f, g, d) }
}

/// Inlined into the functions above, which enable the features it needs.
///
/// # Safety
/// The processor must support AVX-512F and DQ, and what `M` needs.
#[inline(always)]
unsafe fn strips<M: MulAdd>(h: &mut [MaybeUninit<i64>], f: &[i64], g: &[Splat], d: Dims) {
    let tiles = (d.cols - d.tmax + 1) / WIDTH;
    for (k, h_strip) in h.chunks_exact_mut(ROWS * d.cols).enumerate() {
        let f_strip = &f[k * ROWS * d.cols..];
        for y in (0..tiles).map(|j| j * WIDTH) {
            // SAFETY: the caller's promise.
            unsafe { tile::<M>(&mut h_strip[d.tmax / 2 + y..], &f_strip[y..], g, d) };
        }
    }
}

/// How one product is added into an accumulator: `acc + f × g`, wrapping.
trait MulAdd {
    /// # Safety
    /// The processor must support the instructions used.
    unsafe fn mul_add(acc: __m512i, f: __m512i, g: __m512i) -> __m512i;
}

/// `vpmullq` and `vpaddq`: any `i64`.
struct Wide;
/// `vpmuldq` and `vpaddq`: values in `i32`.
struct Narrow;
/// `vpmadd52luq`: non-negative values whose products are below 2⁵².
struct Ifma;

impl MulAdd for Wide {
    #[inline(always)]
    unsafe fn mul_add(acc: __m512i, f: __m512i, g: __m512i) -> __m512i {
        // SAFETY: AVX-512F and DQ, the caller's promise.
        unsafe { _mm512_add_epi64(acc, _mm512_mullo_epi64(f, g)) }
    }
}

impl MulAdd for Narrow {
    #[inline(always)]
    unsafe fn mul_add(acc: __m512i, f: __m512i, g: __m512i) -> __m512i {
        // SAFETY: AVX-512F, the caller's promise.
        unsafe { _mm512_add_epi64(acc, _mm512_mul_epi32(f, g)) }
    }
}

impl MulAdd for Ifma {
    #[inline(always)]
    unsafe fn mul_add(acc: __m512i, f: __m512i, g: __m512i) -> __m512i {
        // SAFETY: AVX-512IFMA, the caller's promise.
        unsafe { _mm512_madd52lo_epu64(acc, f, g) }
    }
}

// ANCHOR: tile
/// `h[i][j] = Σ g[s][t]·f[i + s][j + t]` for a tile of `ROWS` × `WIDTH`
/// outputs; `h` and `f` start at its first output and input, rows `cols`
/// apart, and `g` holds the filter's values splatted.
///
/// # Safety
/// The processor must support AVX-512F and what `M` uses.
#[inline(always)]
unsafe fn tile<M: MulAdd>(h: &mut [MaybeUninit<i64>], f: &[i64], g: &[Splat], d: Dims) {
    let f_rows = ROWS + d.smax - 1;
    assert!(f.len() >= (f_rows - 1) * d.cols + d.tmax - 1 + WIDTH);
    assert!(h.len() >= (ROWS - 1) * d.cols + WIDTH && g.len() >= d.smax * d.tmax);
    // SAFETY: the caller's promise of AVX-512F.
    let mut acc = [[unsafe { _mm512_setzero_si512() }; VECS]; ROWS];
    for r in 0..f_rows {
        // Input row r serves output rows i = r - s, for each filter row s.
        let rows = r.saturating_sub(d.smax - 1)..(r + 1).min(ROWS);
        let f_row = &f[r * d.cols..];
        // SAFETY: the caller's promise; `rows` are the rows with r - i < smax.
        unsafe {
            if rows == (0..ROWS) {
                add_row::<M, true>(&mut acc, f_row, g, r, rows, d)
            } else {
                add_row::<M, false>(&mut acc, f_row, g, r, rows, d)
            }
        }
    }
    for (i, acc_row) in acc.iter().enumerate() {
        for (v, &a) in acc_row.iter().enumerate() {
            // SAFETY: i < ROWS and (v + 1)·LANES <= WIDTH: within the
            // length asserted above.
            unsafe { _mm512_storeu_epi64(h.as_mut_ptr().add(i * d.cols + v * LANES).cast(), a) };
        }
    }
}
// ANCHOR_END: tile

// ANCHOR: add_row
/// Adds the products of input row `r` into the accumulators of `rows`;
/// with `ALL`, every row, without testing each (the rows in the middle of
/// a tile's input, which serve every output row of the tile).
///
/// # Safety
/// The processor must support AVX-512F and what `M` uses; `r - i` must be
/// a filter row for every `i` in `rows` (every `i` with `ALL`).
#[inline(always)]
unsafe fn add_row<M: MulAdd, const ALL: bool>(
    acc: &mut [[__m512i; VECS]; ROWS],
    f_row: &[i64],
    g: &[Splat],
    r: usize,
    rows: Range<usize>,
    d: Dims,
) {
    assert!(f_row.len() >= d.tmax - 1 + WIDTH && g.len() >= d.smax * d.tmax);
    for t in 0..d.tmax {
        // SAFETY: t + WIDTH <= tmax - 1 + WIDTH, asserted above.
        let x: [__m512i; VECS] = core::array::from_fn(|v| unsafe {
            _mm512_loadu_epi64(f_row.as_ptr().add(t + v * LANES))
        });
        for (i, acc_row) in acc.iter_mut().enumerate() {
            if ALL || rows.contains(&i) {
                // SAFETY: r - i < smax (the caller's promise) and t < tmax:
                // within g, asserted above; a `Splat` is 64-byte aligned.
                let c = unsafe { _mm512_load_epi64(g.as_ptr().add((r - i) * d.tmax + t).cast()) };
                for (a, &x) in acc_row.iter_mut().zip(&x) {
                    // SAFETY: the caller's promise.
                    *a = unsafe { M::mul_add(*a, x, c) };
                }
            }
        }
    }
}
// ANCHOR_END: add_row
