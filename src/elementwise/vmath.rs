//! `sin` and `asinh` written without branches or table look-ups, so that a
//! loop calling them compiles to SIMD instructions (the maths library's
//! versions are calls the compiler cannot vectorise).
//!
//! They follow fdlibm, the ancestor of most maths libraries: `sin` reduces
//! its argument by π/2 in double-double arithmetic and evaluates fdlibm's
//! sine and cosine polynomials; `asinh` is `log1p(|x| + x²/(1 + √(1 + x²)))`
//! with fdlibm's logarithm and its rounding correction. Each is within about
//! one ulp of the correctly rounded value, but only in the range
//! [`accurate`] accepts: outside it (huge, infinite or NaN arguments) they
//! return garbage, and the caller must use the maths library instead.
//!
//! They use `mul_add`, a single instruction only where the target has FMA
//! (x86-64 with AVX2 or AVX-512, every aarch64); elsewhere it is a slow call.

/// `sin` is computed for |a| ≤ 2²⁴ (the course's arguments stop at 10⁶):
/// the reduction by π/2 keeps 159 bits of π/2, far more than the doubles
/// nearest the multiples of π/2 below 2²⁴ need (the tests try them).
const SIN_MAX: f64 = 16_777_216.0;

/// `asinh` is computed for |x| ≤ 2⁵⁰⁰, where x² cannot overflow.
const ASINH_MAX: f64 = 3.273_390_607_896_142e150;

/// Whether [`sin`]`(a)` and [`asinh`]`(x)` are accurate (false for NaN).
#[inline(always)]
pub(super) fn accurate(a: f64, x: f64) -> bool {
    a.abs() <= SIN_MAX && x.abs() <= ASINH_MAX
}

/// Adding then subtracting 1.5 × 2⁵² rounds to an integer, which lands in
/// the low bits of the sum.
const ROUND: f64 = 6_755_399_441_055_744.0;

/// π/2 as the sum of three doubles (159 bits).
const PIO2_1: f64 = std::f64::consts::FRAC_PI_2;
const PIO2_2: f64 = 6.123_233_995_736_766e-17;
const PIO2_3: f64 = -1.497_384_904_859_169_8e-33;

// ANCHOR: sin
/// sin(a) for |a| ≤ 2²⁴.
#[inline(always)]
pub(super) fn sin(a: f64) -> f64 {
    let shifted = a.mul_add(std::f64::consts::FRAC_2_PI, ROUND);
    let quadrant = shifted.to_bits();
    let (r, tail) = reduce(a, shifted - ROUND);
    // sin(a) is ±sin(r) or ±cos(r), by the quadrant; computing both and
    // choosing keeps every lane on the same instructions.
    let value = if quadrant & 1 == 0 {
        kernel_sin(r, tail)
    } else {
        kernel_cos(r, tail)
    };
    f64::from_bits(value.to_bits() ^ ((quadrant & 2) << 62))
}
// ANCHOR_END: sin

/// a − q·π/2 as `r + tail`, |r| ≤ π/4 + ε.
#[inline(always)]
fn reduce(a: f64, q: f64) -> (f64, f64) {
    // Exact: q·PIO2_1 and a are multiples of 2⁻⁵² (or a is small), and
    // their difference is below 1, so it fits in 53 bits.
    let high = (-q).mul_add(PIO2_1, a);
    let product = q * PIO2_2;
    let product_error = q.mul_add(PIO2_2, -product);
    let (sum, sum_error) = two_sum(high, -product);
    let low = sum_error - product_error - q * PIO2_3;
    two_sum(sum, low)
}

/// `a + b` and its rounding error, exactly (Knuth's TwoSum).
#[inline(always)]
fn two_sum(a: f64, b: f64) -> (f64, f64) {
    let sum = a + b;
    let b_part = sum - a;
    (sum, (a - (sum - b_part)) + (b - b_part))
}

/// fdlibm's `__kernel_sin`: sin(x + y) for |x| ≤ π/4, |y| tiny.
#[inline(always)]
fn kernel_sin(x: f64, y: f64) -> f64 {
    const S1: f64 = -1.666_666_666_666_663_2e-1;
    const S2: f64 = 8.333_333_333_322_49e-3;
    const S3: f64 = -1.984_126_982_985_795e-4;
    const S4: f64 = 2.755_731_370_707_006_8e-6;
    const S5: f64 = -2.505_076_025_340_686_3e-8;
    const S6: f64 = 1.589_690_995_211_55e-10;
    let z = x * x;
    let v = z * x;
    let r = z.mul_add(z.mul_add(z.mul_add(z.mul_add(S6, S5), S4), S3), S2);
    x - ((z * (0.5 * y - v * r) - y) - v * S1)
}

/// fdlibm's `__kernel_cos`: cos(x + y) for |x| ≤ π/4, |y| tiny.
#[inline(always)]
fn kernel_cos(x: f64, y: f64) -> f64 {
    const C1: f64 = 4.166_666_666_666_66e-2;
    const C2: f64 = -1.388_888_888_887_411e-3;
    const C3: f64 = 2.480_158_728_947_673e-5;
    const C4: f64 = -2.755_731_435_139_066_3e-7;
    const C5: f64 = 2.087_572_321_298_175e-9;
    const C6: f64 = -1.135_964_755_778_819_5e-11;
    let z = x * x;
    let w = z * z;
    let r = z * z.mul_add(z.mul_add(C3, C2), C1) + w * w * z.mul_add(z.mul_add(C6, C5), C4);
    let half_z = 0.5 * z;
    let w = 1.0 - half_z;
    w + (((1.0 - w) - half_z) + (z * r - x * y))
}

/// asinh(x) for |x| ≤ 2⁵⁰⁰.
#[inline(always)]
pub(super) fn asinh(x: f64) -> f64 {
    let ax = x.abs();
    let square = ax * ax;
    // √(1 + x²) − 1 without the cancellation that loses small x
    let (y, y_error) = two_sum(ax, square / (1.0 + (1.0 + square).sqrt()));
    log1p(y, y_error).copysign(x)
}

/// ln(1 + y) for 0 ≤ y ≤ 2⁵⁰¹, fdlibm's `log1p`: the logarithm of
/// `u = 1 + y` rounded, plus the rounding error divided by `u`.
#[inline(always)]
fn log1p(y: f64, y_error: f64) -> f64 {
    const LN2_HI: f64 = 6.931_471_803_691_238e-1;
    const LN2_LO: f64 = 1.908_214_929_270_587_7e-10;
    let (u, error) = two_sum(1.0, y);
    // u = 2^k · m with m in [√2/2, √2): subtracting √2/2's bits carries
    // into the exponent exactly when m would reach √2.
    let bits = u.to_bits();
    let k = (bits - 0.5f64.sqrt().to_bits()) >> 52;
    let m = f64::from_bits(bits - (k << 52));
    let k = f64::from_bits(k | ROUND.to_bits()) - ROUND; // k < 2⁵¹, as f64
    let f = m - 1.0;
    let half_f2 = 0.5 * f * f;
    let s = f / (2.0 + f);
    let r = log_polynomial(s * s);
    k * LN2_HI - ((half_f2 - (s * (half_f2 + r) + (k * LN2_LO + (error + y_error) / u))) - f)
}

/// fdlibm's `R(z)`: ln(1 + f) = 2s + s·R(s²) with s = f / (2 + f).
#[inline(always)]
fn log_polynomial(z: f64) -> f64 {
    const LG1: f64 = 6.666_666_666_666_735e-1;
    const LG2: f64 = 3.999_999_999_940_942e-1;
    const LG3: f64 = 2.857_142_874_366_239e-1;
    const LG4: f64 = 2.222_219_843_214_978_4e-1;
    const LG5: f64 = 1.818_357_216_161_805e-1;
    const LG6: f64 = 1.531_383_769_920_937_3e-1;
    const LG7: f64 = 1.479_819_860_511_658_6e-1;
    let w = z * z;
    let odd = w * w.mul_add(w.mul_add(LG6, LG4), LG2);
    let even = z * w.mul_add(w.mul_add(w.mul_add(LG7, LG5), LG3), LG1);
    even + odd
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::elementwise::tests::Random;

    /// |value − reference| in ulps of `reference`.
    fn ulps(value: f64, reference: f64) -> f64 {
        let power_of_two = f64::from_bits(reference.abs().to_bits() & 0x7ff0_0000_0000_0000);
        (value - reference).abs() / (power_of_two.max(f64::MIN_POSITIVE) * f64::EPSILON)
    }

    fn worst(
        inputs: impl Iterator<Item = f64>,
        fast: fn(f64) -> f64,
        libm: fn(f64) -> f64,
    ) -> (f64, f64) {
        inputs
            .map(|x| (ulps(fast(x), libm(x)), x))
            .fold((0.0, 0.0), |worst, e| if e.0 > worst.0 { e } else { worst })
    }

    #[test]
    fn sin_is_within_one_ulp_of_libm() {
        let mut random = Random::new(7);
        let scales = (0..300_000).map(|_| random.log_uniform(-1074, 24));
        let (error, at) = worst(scales, sin, f64::sin);
        assert!(error <= 1.0, "{error} ulps at {at:e}");
        // the hardest arguments: nearest the multiples of π/2, whose sine
        // is the reduction's cancellation
        let multiples = (1..100_000u64).flat_map(|k| {
            let a = (k * 167) as f64 * std::f64::consts::FRAC_PI_2;
            [a, a.next_up(), a.next_down()]
        });
        let (error, at) = worst(multiples, sin, f64::sin);
        assert!(error <= 1.0, "{error} ulps at {at:e}");
    }

    #[test]
    fn asinh_is_within_two_ulps_of_libm() {
        let mut random = Random::new(8);
        let scales = (0..300_000).map(|_| random.log_uniform(-1074, 500));
        let (error, at) = worst(scales, asinh, f64::asinh);
        assert!(error <= 2.0, "{error} ulps at {at:e}");
        let near_one = (0..300_000).map(|_| random.log_uniform(-4, 4));
        let (error, at) = worst(near_one, asinh, f64::asinh);
        assert!(error <= 2.0, "{error} ulps at {at:e}");
    }

    #[test]
    fn the_range_excludes_what_the_formulas_get_wrong() {
        assert!(accurate(-SIN_MAX, ASINH_MAX) && accurate(0.0, -0.0));
        for (a, x) in [
            (f64::NAN, 1.0),
            (1.0, f64::NAN),
            (SIN_MAX.next_up(), 1.0),
            (1.0, -f64::INFINITY),
            (1.0, 2f64.powi(501)),
        ] {
            assert!(!accurate(a, x), "{a} {x}");
        }
    }
}
