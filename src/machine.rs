//! The machine's limits, measured, so that a benchmark can say how close an
//! engine comes to them: the peak rate of 64-bit integer multiply-adds (by
//! each instruction the convolution can use) and of f64 fused
//! multiply-adds on every core, and the memory bandwidth for
//! reading and copying arrays too large for the caches and arrays of the
//! element-wise functions' size.
//!
//! Each peak is measured by a loop of independent multiply-add chains held
//! in vector registers, enough of them to hide each instruction's latency,
//! so only the processor's throughput limits it: what an engine can
//! approach but not pass.

use std::sync::{Mutex, OnceLock};

use rayon::prelude::*;

/// Independent chains per thread: more than latency × throughput for every
/// multiply on current x86-64 processors, fewer than the 32 AVX-512 registers.
const CHAINS: usize = 16;

/// One measured limit: `work` units per call of `run`, in `unit`.
pub struct Probe {
    pub name: String,
    /// Units of work per call: multiply-adds or bytes.
    pub work: f64,
    /// `GMAC/s`, `GFLOP/s` (two per fused multiply-add) or `GB/s`.
    pub unit: &'static str,
    pub run: Box<dyn Fn() + Sync>,
}

/// The limits this processor can be measured for, each run on every core.
pub fn probes() -> Vec<Probe> {
    let threads = rayon::current_num_threads();
    let mut probes = compute_probes(threads);
    probes.extend(bandwidth_probes());
    probes
}

/// Multiply-add iterations per call and thread: a few milliseconds.
const ITERATIONS: u64 = 200_000;

fn on_every_thread(kernel: fn(u64) -> i64) -> Box<dyn Fn() + Sync> {
    Box::new(move || {
        let total: i64 = rayon::broadcast(|_| kernel(std::hint::black_box(ITERATIONS)))
            .into_iter()
            .fold(0, i64::wrapping_add);
        std::hint::black_box(total);
    })
}

fn compute_probes(threads: usize) -> Vec<Probe> {
    let per_call = (ITERATIONS * CHAINS as u64 * threads as u64) as f64;
    let mut probes = Vec::new();
    #[cfg(target_arch = "x86_64")]
    if is_x86_feature_detected!("avx512f") && is_x86_feature_detected!("avx512dq") {
        let lanes = 8.0;
        probes.push(Probe {
            name: "int64 multiply-add, AVX-512 (vpmullq)".into(),
            work: per_call * lanes,
            unit: "GMAC/s",
            run: on_every_thread(avx512::int64_chains),
        });
        probes.push(Probe {
            name: "32×32→64-bit multiply-add, AVX-512 (vpmuldq)".into(),
            work: per_call * lanes,
            unit: "GMAC/s",
            run: on_every_thread(avx512::int32_chains),
        });
        if is_x86_feature_detected!("avx512ifma") {
            probes.push(Probe {
                name: "52-bit multiply-add, AVX-512 IFMA (vpmadd52luq)".into(),
                work: per_call * lanes,
                unit: "GMAC/s",
                run: on_every_thread(avx512::ifma_chains),
            });
        }
        probes.push(Probe {
            name: "f64 fused multiply-add, AVX-512".into(),
            work: 2.0 * per_call * lanes,
            unit: "GFLOP/s",
            run: on_every_thread(avx512::f64_chains),
        });
        return probes;
    }
    probes.push(Probe {
        name: "int64 multiply-add, as compiled".into(),
        work: per_call,
        unit: "GMAC/s",
        run: on_every_thread(portable_int64_chains),
    });
    probes
}

/// The same chains in plain Rust, for processors without AVX-512.
fn portable_int64_chains(iterations: u64) -> i64 {
    let x = std::hint::black_box(3i64);
    let mut chains = [1i64; CHAINS];
    for _ in 0..iterations {
        for chain in &mut chains {
            *chain = chain.wrapping_mul(x).wrapping_add(x);
        }
    }
    chains.iter().fold(0, |sum, &c| sum.wrapping_add(c))
}

#[cfg(target_arch = "x86_64")]
mod avx512 {
    //! The AVX-512 chains. The intrinsics live in `unsafe fn`s compiled for
    //! the features they use; each safe entry point detects those features
    //! itself before calling one, so no safe call can run an instruction
    //! the processor lacks.

    use std::arch::x86_64::*;

    use super::CHAINS;

    /// Runs `step` on CHAINS independent registers, `iterations` times.
    ///
    /// # Safety
    /// The processor must have AVX-512F, and the caller be compiled with it.
    #[inline(always)]
    unsafe fn chains(iterations: u64, step: impl Fn(__m512i) -> __m512i) -> i64 {
        // SAFETY: the caller guarantees AVX-512F.
        unsafe {
            let mut chains = [_mm512_set1_epi64(1); CHAINS];
            for _ in 0..iterations {
                for chain in &mut chains {
                    *chain = step(*chain);
                }
            }
            chains
                .iter()
                .fold(0i64, |sum, &c| sum.wrapping_add(_mm512_reduce_add_epi64(c)))
        }
    }

    /// Panics unless the processor has `what`: `probes()` offers these
    /// chains only where it does, so this never fires in the program.
    fn require(detected: bool, what: &str) {
        assert!(detected, "this processor has no {what}");
    }

    pub fn int64_chains(iterations: u64) -> i64 {
        require(
            is_x86_feature_detected!("avx512f") && is_x86_feature_detected!("avx512dq"),
            "AVX-512F and DQ",
        );
        // SAFETY: both features were just detected.
        unsafe { int64_chains_avx512(iterations) }
    }

    /// # Safety
    /// The processor must have AVX-512F and AVX-512DQ.
    #[target_feature(enable = "avx512f,avx512dq")]
    unsafe fn int64_chains_avx512(iterations: u64) -> i64 {
        let x = _mm512_set1_epi64(std::hint::black_box(3));
        // SAFETY: compiled with AVX-512F, which the caller guarantees.
        unsafe {
            chains(iterations, |c| {
                _mm512_add_epi64(_mm512_mullo_epi64(c, x), x)
            })
        }
    }

    pub fn int32_chains(iterations: u64) -> i64 {
        require(is_x86_feature_detected!("avx512f"), "AVX-512F");
        // SAFETY: the feature was just detected.
        unsafe { int32_chains_avx512(iterations) }
    }

    /// # Safety
    /// The processor must have AVX-512F.
    #[target_feature(enable = "avx512f")]
    unsafe fn int32_chains_avx512(iterations: u64) -> i64 {
        let x = _mm512_set1_epi64(std::hint::black_box(3));
        // SAFETY: as above.
        unsafe { chains(iterations, |c| _mm512_add_epi64(_mm512_mul_epi32(c, x), x)) }
    }

    pub fn ifma_chains(iterations: u64) -> i64 {
        require(
            is_x86_feature_detected!("avx512f") && is_x86_feature_detected!("avx512ifma"),
            "AVX-512 IFMA",
        );
        // SAFETY: both features were just detected.
        unsafe { ifma_chains_avx512(iterations) }
    }

    /// The multiply-add itself is one instruction: c + low 52 bits of x·y.
    ///
    /// # Safety
    /// The processor must have AVX-512F and AVX-512 IFMA.
    #[target_feature(enable = "avx512f,avx512ifma")]
    unsafe fn ifma_chains_avx512(iterations: u64) -> i64 {
        let x = _mm512_set1_epi64(std::hint::black_box(3));
        // SAFETY: as above.
        unsafe { chains(iterations, |c| _mm512_madd52lo_epu64(c, x, x)) }
    }

    pub fn f64_chains(iterations: u64) -> i64 {
        require(is_x86_feature_detected!("avx512f"), "AVX-512F");
        // SAFETY: the feature was just detected.
        unsafe { f64_chains_avx512(iterations) }
    }

    /// # Safety
    /// The processor must have AVX-512F.
    #[target_feature(enable = "avx512f")]
    unsafe fn f64_chains_avx512(iterations: u64) -> i64 {
        let (x, y) = (
            _mm512_set1_pd(std::hint::black_box(0.999)),
            _mm512_set1_pd(std::hint::black_box(0.001)),
        );
        // SAFETY: as above.
        unsafe {
            chains(iterations, |c| {
                _mm512_castpd_si512(_mm512_fmadd_pd(_mm512_castsi512_pd(c), x, y))
            })
        }
    }
}

/// Reading and copying arrays: larger than any cache, and of the
/// element-wise functions' size (two 8 MB arrays, which may stay in a
/// large last-level cache).
fn bandwidth_probes() -> Vec<Probe> {
    const LARGE: usize = 512 << 20;
    const ELEMENTWISE: usize = 16 << 20;
    vec![
        read_probe(LARGE, "read, 512 MiB"),
        copy_probe(LARGE, "copy (read + write), 512 MiB"),
        read_probe(ELEMENTWISE, "read, 16 MiB"),
    ]
}

/// Bytes per rayon task: large enough to stream, small enough to share.
const BLOCK: usize = 1 << 16;

/// The arrays are made on the first run, so that listing the probes costs nothing.
fn read_probe(bytes: usize, name: &str) -> Probe {
    let data = OnceLock::new();
    Probe {
        name: name.to_string(),
        work: bytes as f64,
        unit: "GB/s",
        run: Box::new(move || {
            let sum = data
                .get_or_init(|| vec![1u64; bytes / 8])
                .par_chunks(BLOCK)
                .map(|block| block.iter().fold(0u64, |s, &x| s.wrapping_add(x)))
                .reduce(|| 0, u64::wrapping_add);
            std::hint::black_box(sum);
        }),
    }
}

fn copy_probe(bytes: usize, name: &str) -> Probe {
    let arrays = OnceLock::new();
    Probe {
        name: name.to_string(),
        work: 2.0 * bytes as f64,
        unit: "GB/s",
        run: Box::new(move || {
            let (source, target) =
                arrays.get_or_init(|| (vec![1u64; bytes / 8], Mutex::new(vec![0u64; bytes / 8])));
            let mut target = target.lock().unwrap_or_else(|poison| poison.into_inner());
            target
                .par_chunks_mut(BLOCK)
                .zip(source.par_chunks(BLOCK))
                .for_each(|(to, from)| to.copy_from_slice(from));
            std::hint::black_box(&mut *target);
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_probe_runs_and_counts_its_work() {
        let probes = probes();
        assert!(probes.iter().any(|p| p.unit == "GMAC/s"));
        assert_eq!(probes.iter().filter(|p| p.unit == "GB/s").count(), 3);
        for probe in &probes {
            assert!(probe.work > 0.0, "{}", probe.name);
        }
        // The small bandwidth probe and one compute probe, to keep the test quick.
        for probe in probes
            .iter()
            .filter(|p| p.name.contains("16 MiB"))
            .chain(&probes[..1])
        {
            (probe.run)();
        }
    }

    #[test]
    fn the_chains_compute_what_they_say() {
        // Each chain: c ← 3c + 3 from 1, twice: 6, then 21.
        assert_eq!(portable_int64_chains(2), 21 * CHAINS as i64);
        #[cfg(target_arch = "x86_64")]
        if is_x86_feature_detected!("avx512f") && is_x86_feature_detected!("avx512dq") {
            assert_eq!(avx512::int64_chains(2), 21 * 8 * CHAINS as i64);
            assert_eq!(avx512::int32_chains(2), 21 * 8 * CHAINS as i64);
        }
        #[cfg(target_arch = "x86_64")]
        if is_x86_feature_detected!("avx512f") && is_x86_feature_detected!("avx512ifma") {
            // c ← c + 3·3 from 1, twice: 19.
            assert_eq!(avx512::ifma_chains(2), 19 * 8 * CHAINS as i64);
        }
    }
}
