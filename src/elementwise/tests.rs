//! Every engine against the loop, and the optimised `fonction2` against
//! libm on random, special and out-of-range inputs.

use super::*;

/// splitmix64: reproducible pseudo-random numbers without a crate.
pub(crate) struct Random(u64);

impl Random {
    pub(crate) fn new(seed: u64) -> Self {
        Random(seed)
    }

    fn bits(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// ±m·2^e, e uniform in [lo, hi), m in [1, 2): every scale as likely.
    pub(crate) fn log_uniform(&mut self, lo: i32, hi: i32) -> f64 {
        let sign = self.bits();
        let e = lo + (self.bits() % (hi - lo) as u64) as i32;
        let m = 1.0 + (self.bits() >> 12) as f64 * f64::EPSILON;
        let x = m * 2f64.powi(e.max(-1022)) * 2f64.powi((e + 1022).min(0));
        if sign >> 63 == 1 { -x } else { x }
    }

    /// Any double, bit patterns uniform: NaNs, infinities and all.
    fn any(&mut self) -> f64 {
        f64::from_bits(self.bits())
    }
}

const SPECIAL: [f64; 20] = [
    0.0,
    -0.0,
    1.0,
    -1.0,
    5e-324,
    -2.2250738585072014e-308,
    1e-300,
    1e-9,
    std::f64::consts::FRAC_PI_2,
    -3.0 * std::f64::consts::FRAC_PI_2,
    16_777_216.0,
    16_777_218.0,
    1e17,
    3.273_390_607_896_142e150,
    -1e300,
    f64::MAX,
    f64::MIN,
    f64::INFINITY,
    f64::NEG_INFINITY,
    f64::NAN,
];

fn arrays(pairs: impl Iterator<Item = (f64, f64)>) -> (Array1<f64>, Array1<f64>) {
    let (a, b): (Vec<f64>, Vec<f64>) = pairs.unzip();
    (Array1::from(a), Array1::from(b))
}

/// Wide-range pairs, both signs: a in [2⁻⁶⁰, 2³⁰) spans sin's fast range
/// and beyond, a/b from underflow to overflow; one lane in 64 anything.
fn random_inputs(n: usize, seed: u64) -> (Array1<f64>, Array1<f64>) {
    let mut random = Random::new(seed);
    arrays((0..n).map(|i| match i % 64 {
        0 => (random.any(), random.any()),
        _ => (random.log_uniform(-60, 30), random.log_uniform(-1074, 1024)),
    }))
}

fn assert_fonction2_close(c: &Array1<f64>, a: &Array1<f64>, b: &Array1<f64>, what: &str) {
    let error = fonction2_error(c, a, b);
    assert!(error <= FONCTION2_MAX_ULPS, "{what}: {error} ulps");
}

#[test]
fn every_engine_gives_the_loop_result() {
    for n in [0, 1, 2, 8, 18, 100_000] {
        let (a, b) = course_inputs(n);
        let one = Engine::Loop.fonction1(&a, &b);
        let two = Engine::Loop.fonction2(&a, &b);
        let bits = |x: &Array1<f64>| x.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
        for engine in Engine::ALL {
            let what = format!("{} at n = {n}", engine.name());
            assert_eq!(engine.fonction1(&a, &b), one, "{what}");
            let c = engine.fonction2(&a, &b);
            if engine == Engine::Optimized {
                assert_fonction2_close(&c, &a, &b, &what);
            } else {
                assert_eq!(bits(&c), bits(&two), "{what}");
            }
        }
    }
}

#[test]
fn optimized_is_close_on_any_length_and_any_input() {
    for (n, seed) in [(0, 1), (1, 2), (7, 3), (17, 4), (1_000, 5), (1_000_003, 6)] {
        let (a, b) = random_inputs(n, seed);
        assert_eq!(
            Engine::Optimized.fonction1(&a, &b),
            Engine::Loop.fonction1(&a, &b),
            "n = {n}"
        );
        let c = Engine::Optimized.fonction2(&a, &b);
        assert_fonction2_close(&c, &a, &b, &format!("n = {n}"));
    }
}

#[test]
fn special_values_match_the_maths_library() {
    let pairs = SPECIAL
        .iter()
        .flat_map(|&a| SPECIAL.iter().map(move |&b| (a, b)));
    let (a, b) = arrays(pairs.clone().chain(pairs.map(|(a, b)| (-a, b))));
    assert_eq!(
        Engine::Optimized.fonction1(&a, &b),
        Engine::Loop.fonction1(&a, &b)
    );
    let c = Engine::Optimized.fonction2(&a, &b);
    assert_fonction2_close(&c, &a, &b, "special values");
    // not only close: the fallback gives libm's NaNs and infinities
    for ((&c, &a), &b) in c.iter().zip(&a).zip(&b) {
        let expected = formula2(a, b);
        assert!(
            c.is_finite() || c.to_bits() == expected.to_bits() || (c.is_nan() && expected.is_nan()),
            "fonction2({a:e}, {b:e}) = {c}, libm {expected}"
        );
    }
}

/// Each kernel, on each instruction set this processor has, alone:
/// one out-of-range lane among in-range ones, and lengths around the
/// vector widths.
#[test]
fn each_kernel_recomputes_only_its_out_of_range_lanes() {
    type Chunk = fn(&mut [MaybeUninit<f64>], &[f64], &[f64]);
    let mut kernels: Vec<(&str, Chunk)> = vec![("portable", Fonction2::portable)];
    #[cfg(target_arch = "x86_64")]
    {
        if is_x86_feature_detected!("avx512f") {
            // SAFETY: the processor has just been seen to support AVX-512F.
            kernels.push(("avx512", |c, a, b| unsafe {
                with_avx512::<Fonction2, f64>(c, a, b)
            }));
        }
        if is_x86_feature_detected!("avx2") && is_x86_feature_detected!("fma") {
            // SAFETY: the processor has just been seen to support AVX2 and FMA.
            kernels.push(("avx2", |c, a, b| unsafe {
                with_avx2::<Fonction2, f64>(c, a, b)
            }));
        }
    }
    for n in [0, 1, 7, 8, 9, 17, 33] {
        for bad in [f64::NAN, f64::INFINITY, 1e300, 0.0] {
            let (mut a, b) = random_inputs(n, n as u64);
            let mut b = b.mapv(|b| b.abs().clamp(1e-3, 1e3));
            a.mapv_inplace(|a| a.clamp(-1e6, 1e6));
            if let Some(last) = n.checked_sub(1) {
                a[last / 2] = bad;
                b[last] = bad;
            }
            let mut reference = None;
            for (name, kernel) in &kernels {
                let mut c = vec![MaybeUninit::new(f64::NAN); n];
                kernel(&mut c, a.as_slice().unwrap(), b.as_slice().unwrap());
                // SAFETY: every element was initialised with NaN, then written.
                let c: Array1<f64> = c.into_iter().map(|c| unsafe { c.assume_init() }).collect();
                assert_fonction2_close(&c, &a, &b, &format!("{name}, n = {n}, {bad}"));
                if *name != "portable" {
                    let bits = c.mapv(f64::to_bits);
                    // AVX-512 and AVX2 round the same operations the same way
                    assert_eq!(reference.get_or_insert(bits.clone()), &bits, "{name}");
                }
            }
        }
    }
}

#[test]
fn the_error_measure() {
    let (a, b) = (Array1::from(vec![1.0, 3.0]), Array1::from(vec![1.0, 1.0]));
    let exact = Engine::Loop.fonction2(&a, &b);
    assert_eq!(fonction2_error(&exact, &a, &b), 0.0);
    // one ulp of asinh(3) = 1.82, the larger term, is 2⁻⁵²
    let mut off = exact.clone();
    off[1] += 2.0 * f64::EPSILON;
    assert_eq!(fonction2_error(&off, &a, &b), 2.0);
    off[0] = f64::NAN;
    assert_eq!(fonction2_error(&off, &a, &b), f64::INFINITY);
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
