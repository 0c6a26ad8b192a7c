//! The optimised engine against the naive one, on shapes that leave
//! partial tiles in both directions and on values in and out of the range
//! of each multiply, so that every multiply and the row kernel are checked.

use ndarray::Array2;

use super::*;
use crate::conv::convolve_naive;

/// Image shapes: smaller than a tile, one tile plus a little, several
/// tiles and bands with rows and columns left over.
const SHAPES: [(usize, usize); 6] = [(9, 9), (10, 37), (23, 64), (65, 130), (40, 45), (37, 200)];

/// Filter shapes, odd in both directions.
const FILTERS: [(usize, usize); 4] = [(1, 1), (3, 5), (9, 9), (5, 3)];

/// Deterministic values in `lo..=hi` (a 64-bit LCG's high bits).
fn values(shape: (usize, usize), (lo, hi): (i64, i64), seed: u64) -> Array2<i64> {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let span = (hi as i128 - lo as i128 + 1) as u128;
    Array2::from_shape_simple_fn(shape, || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (lo as i128 + (state as u128 % span) as i128) as i64
    })
}

/// The optimised engine, and its row kernel alone, against `expected`.
fn assert_engines_give(f: &Array2<i64>, g: &Array2<i64>, expected: &Array2<i64>, what: &str) {
    assert_eq!(&convolve_optimized(f, g).unwrap(), expected, "{what}");
    let portable = convolve_with(BandEngine::portable(), f, g).unwrap();
    assert_eq!(&portable, expected, "portable, {what}");
}

/// Checks every image and filter shape that fits, with values of `f` and
/// `g` in the given ranges.
fn assert_all_equal(f_range: (i64, i64), g_range: (i64, i64)) {
    for (k, &shape) in SHAPES.iter().enumerate() {
        for &filter in FILTERS
            .iter()
            .filter(|(s, t)| *s <= shape.0 && *t <= shape.1)
        {
            let f = values(shape, f_range, k as u64);
            let g = values(filter, g_range, 100 + k as u64);
            let expected = convolve_naive(&f, &g).unwrap();
            let what = format!("f {shape:?} in {f_range:?}, g {filter:?} in {g_range:?}");
            assert_engines_give(&f, &g, &expected, &what);
        }
    }
}

const I32: (i64, i64) = (i32::MIN as i64, i32::MAX as i64);

#[test]
fn non_negative_values_with_small_products_take_ifma_exactly() {
    assert_all_equal((0, (1 << 26) - 1), (0, (1 << 26) - 1));
    assert_all_equal((0, 1 << 45), (0, 100));
}

#[test]
fn values_within_i32_take_the_narrow_multiply_exactly() {
    assert_all_equal(I32, (-1000, 1000));
    assert_all_equal((-1000, 1000), I32);
    assert_all_equal((0, i32::MAX.into()), (0, 1 << 20));
}

#[test]
fn values_beyond_i32_take_the_wide_multiply_exactly() {
    assert_all_equal((-3_000_000_000, 3_000_000_000), (-1000, 1000));
    assert_all_equal((-1000, 1000), (-3_000_000_000, 3_000_000_000));
    assert_all_equal((0, 1 << 53), (0, 7));
}

#[test]
fn small_negative_values_are_exact() {
    assert_all_equal((-50, 50), (-9, 9));
    assert_all_equal((-50, -1), (0, 9));
}

#[test]
fn the_limits_of_each_range_are_exact() {
    let edges = [
        i32::MIN as i64 - 1,
        i32::MIN.into(),
        -1,
        i32::MAX.into(),
        i32::MAX as i64 + 1,
        (1 << 32) + 1,
        (1 << 52) - 1,
        1 << 52,
    ];
    for edge in edges {
        let mut f = values((23, 64), (0, 100), 7);
        f[[11, 30]] = edge;
        let g = values((9, 9), (0, 100), 8);
        let expected = convolve_naive(&f, &g).unwrap();
        assert_engines_give(&f, &g, &expected, &format!("{edge}"));
    }
}

/// One value past `i32` inside a whole tile: `vpmuldq` would take its low
/// 32 bits, 1; `vpmadd52luq` is exact for it, but not with a negative `g`.
#[test]
fn one_value_beyond_i32_is_not_truncated() {
    for sign in [1, -1] {
        let mut f = Array2::from_elem((40, 80), 1);
        f[[20, 40]] = (1 << 32) + 1;
        let g = Array2::from_elem((9, 9), sign);
        let h = convolve_optimized(&f, &g).unwrap();
        assert_eq!(h, convolve_naive(&f, &g).unwrap());
        assert_eq!(h[[20, 40]], sign * (80 + (1 << 32) + 1));
    }
}

/// A product of exactly 2⁵², from values that fit in 53 bits: IFMA would
/// keep its low 52 bits, 0.
#[test]
fn a_product_of_2_pow_52_is_not_truncated() {
    let mut f = Array2::from_elem((40, 80), 1);
    f[[20, 40]] = 1 << 26;
    let g = Array2::from_elem((9, 9), 1 << 26);
    let h = convolve_optimized(&f, &g).unwrap();
    assert_eq!(h, convolve_naive(&f, &g).unwrap());
    assert_eq!(h[[20, 40]], (80 << 26) + (1 << 52));
}

/// The naive port's `+=` panics on overflow in a debug build, so sums that
/// wrap are checked against this wrapping copy of it.
fn convolve_wrapping(f: &Array2<i64>, g: &Array2<i64>) -> Array2<i64> {
    let ((vmax, wmax), (smax, tmax)) = (f.dim(), g.dim());
    let mut h = Array2::zeros((vmax, wmax));
    for x in smax / 2..vmax - smax / 2 {
        for y in tmax / 2..wmax - tmax / 2 {
            h[[x, y]] =
                (0..smax)
                    .flat_map(|s| (0..tmax).map(move |t| (s, t)))
                    .fold(0i64, |sum, (s, t)| {
                        let input = f[[x + s - smax / 2, y + t - tmax / 2]];
                        sum.wrapping_add(g[[s, t]].wrapping_mul(input))
                    });
        }
    }
    h
}

#[test]
fn products_and_sums_that_overflow_wrap_as_in_numpy() {
    for (k, &shape) in SHAPES.iter().enumerate() {
        for range in [(i64::MIN, i64::MAX), (0, i64::MAX)] {
            let f = values(shape, range, 200 + k as u64);
            let g = values((3, 5), range, 300 + k as u64);
            let expected = convolve_wrapping(&f, &g);
            assert_engines_give(&f, &g, &expected, &format!("{shape:?} in {range:?}"));
        }
    }
}

#[test]
fn a_transposed_image_is_read_in_its_own_order() {
    let f = values((65, 130), (-(1 << 40), 1 << 40), 9);
    let g = values((9, 9), (-1000, 1000), 10);
    let ft = f.reversed_axes(); // column-major: rows are not contiguous
    assert_eq!(
        convolve_optimized(&ft, &g).unwrap(),
        convolve_naive(&ft, &g).unwrap()
    );
}
