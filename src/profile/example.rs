//! The course's cProfile example, ported to ndarray: `function1` draws five
//! million random integers, hands them to `function2`, which adds 3 and
//! doubles them 500 times, and sorts the result.

use ndarray::Array1;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

// ANCHOR: example
/// `array += 3` then `array = array*2`, 500 times. Both steps run in place
/// here, where numpy's `array*2` makes a new array at each pass: the port's
/// second step is numpy's `array *= 2`. numpy's int64 wraps around on
/// overflow without a word; Rust stops with a panic on overflow in a debug
/// build, so the port says that it wants numpy's wrapping.
#[inline(never)]
pub fn function2(mut array: Array1<i64>) -> Array1<i64> {
    for _ in 0..500 {
        array.mapv_inplace(|x| x.wrapping_add(3)); // array += 3
        array.mapv_inplace(|x| x.wrapping_mul(2)); // array *= 2, in place
    }
    array
}

/// `np.random.randint(500000, size=size)`, `function2`, then `sorted`.
#[inline(never)]
pub fn function1(size: usize) -> Vec<i64> {
    let mut random = StdRng::seed_from_u64(2026);
    let array = Array1::from_shape_fn(size, |_| random.random_range(0..500_000));
    let array = function2(array);
    let mut sorted = array.to_vec();
    sorted.sort();
    sorted
}
// ANCHOR_END: example

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_wraps_around_to_minus_six() {
        // x ↦ 2(x + 3) five hundred times is 2⁵⁰⁰·x + 6·(2⁵⁰⁰ − 1)... modulo
        // 2⁶⁴, where every power of two from 2⁶⁴ on is 0: −6 for any x.
        assert_eq!(function1(1000), vec![-6; 1000]);
        assert_eq!(
            function2(Array1::from(vec![0, 1, -7])).to_vec(),
            [-6, -6, -6]
        );
    }
}
