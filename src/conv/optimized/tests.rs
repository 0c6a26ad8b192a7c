//! The optimised engine against the naive one, on shapes that leave
//! partial tiles in both directions and on values on both sides of the
//! `i32` range, so that both multiplies and the row kernel are checked.

use ndarray::Array2;

use super::*;
use crate::conv::convolve_naive;

/// Image shapes: smaller than a tile, one tile plus a little, several
/// tiles and bands with rows and columns left over.
const SHAPES: [(usize, usize); 6] = [(9, 9), (10, 37), (23, 64), (65, 130), (40, 45), (37, 200)];

/// Filter shapes, odd in both directions.
const FILTERS: [(usize, usize); 4] = [(1, 1), (3, 5), (9, 9), (5, 3)];

/// Deterministic values in `[-limit, limit]` (a 64-bit LCG's high bits).
fn values(shape: (usize, usize), limit: i64, seed: u64) -> Array2<i64> {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    Array2::from_shape_simple_fn(shape, || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let magnitude = ((state >> 1) % (limit as u64 + 1)) as i64;
        if state >> 63 == 1 {
            -magnitude
        } else {
            magnitude
        }
    })
}

/// Checks every engine variant against the naive result, for every image
/// and filter shape that fits.
fn assert_all_equal(f_limit: i64, g_limit: i64) {
    for (k, &shape) in SHAPES.iter().enumerate() {
        for &filter in FILTERS
            .iter()
            .filter(|(s, t)| *s <= shape.0 && *t <= shape.1)
        {
            let f = values(shape, f_limit, k as u64);
            let g = values(filter, g_limit, 100 + k as u64);
            let expected = convolve_naive(&f, &g).unwrap();
            let what = format!("f {shape:?} ≤ {f_limit}, g {filter:?} ≤ {g_limit}");
            assert_eq!(convolve_optimized(&f, &g).unwrap(), expected, "{what}");
            let portable = convolve_with(BandEngine::portable(), &f, &g).unwrap();
            assert_eq!(portable, expected, "portable, {what}");
        }
    }
}

#[test]
fn values_within_i32_take_the_narrow_multiply_exactly() {
    assert_all_equal(i32::MAX.into(), 1000);
    assert_all_equal(1000, i32::MAX.into());
}

#[test]
fn values_beyond_i32_take_the_wide_multiply_exactly() {
    assert_all_equal(3_000_000_000, 1000);
    assert_all_equal(1000, 3_000_000_000);
}

#[test]
fn small_negative_values_are_exact() {
    assert_all_equal(50, 9);
}

#[test]
fn the_range_limits_of_i32_are_exact() {
    for edge in [
        i32::MIN as i64,
        i32::MAX as i64,
        i32::MIN as i64 - 1,
        i32::MAX as i64 + 1,
    ] {
        let mut f = values((23, 64), 100, 7);
        f[[11, 30]] = edge;
        let g = values((9, 9), 100, 8);
        assert_eq!(
            convolve_optimized(&f, &g).unwrap(),
            convolve_naive(&f, &g).unwrap(),
            "{edge}"
        );
    }
}

/// One value past `i32`, inside a whole tile: the narrow multiply would
/// take its low 32 bits, 1, and this result would differ.
#[test]
fn one_value_beyond_i32_is_not_truncated() {
    let mut f = Array2::from_elem((40, 80), 1);
    f[[20, 40]] = (1 << 32) + 1;
    let g = Array2::from_elem((9, 9), 1);
    let h = convolve_optimized(&f, &g).unwrap();
    assert_eq!(h, convolve_naive(&f, &g).unwrap());
    assert_eq!(h[[20, 40]], 80 + (1 << 32) + 1);
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
        let f = values(shape, i64::MAX, 200 + k as u64);
        let g = values((3, 5), i64::MAX, 300 + k as u64);
        let expected = convolve_wrapping(&f, &g);
        assert_eq!(convolve_optimized(&f, &g).unwrap(), expected, "{shape:?}");
        let portable = convolve_with(BandEngine::portable(), &f, &g).unwrap();
        assert_eq!(portable, expected, "portable, {shape:?}");
    }
}

#[test]
fn a_transposed_image_is_read_in_its_own_order() {
    let f = values((65, 130), 1 << 40, 9);
    let g = values((9, 9), 1000, 10);
    let ft = f.t().to_owned();
    assert_eq!(
        convolve_optimized(&f.t().to_owned(), &g).unwrap(),
        convolve_optimized(&ft, &g).unwrap()
    );
    assert_eq!(
        convolve_optimized(&f.view().reversed_axes().to_owned(), &g).unwrap(),
        convolve_naive(&ft, &g).unwrap()
    );
}
