//! The fastest a convolution can run on a given GPU: the larger of the
//! time its int64 multiply-adds take at the device's integer rate and the
//! time its bytes take at the memory's bandwidth. A pure function of
//! [`DeviceLimits`], so the model is tested on a described H100 and H200.
//!
//! The arithmetic model: NVIDIA GPUs have no 64-bit integer multiplier.
//! `sum += g * f` on 64-bit integers compiles to three 32-bit
//! multiply-adds (`IMAD.WIDE.U32` for the low halves' full product added to
//! `sum`, and two `IMAD`s for the cross products into the high half); the
//! wide one writes two registers and takes two issue slots of the integer
//! pipe, so we count 4 slots per multiply-add. With taps that fit in 32
//! bits one cross product goes ([`Taps::Bits32`]): 3 slots. The integer
//! multiply pipe of compute capabilities 7.0 to 9.0 issues 64 of them per
//! clock per SM (CUDA C programming guide, arithmetic instruction
//! throughput, "32-bit integer multiply, multiply-add").

use std::fmt;

/// How wide the filter's taps are, which sets the multiply's cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Taps {
    /// Any int64 tap: a 64 × 64-bit multiply-add.
    Bits64,
    /// Taps that fit in an int32 (the course's 0 to 80): a 64 × 32-bit one.
    Bits32,
}

impl Taps {
    pub const ALL: [Taps; 2] = [Taps::Bits64, Taps::Bits32];

    /// 32-bit multiply-add issue slots per multiply-add (see above).
    pub fn imad_slots(self) -> f64 {
        match self {
            Taps::Bits64 => 4.0,
            Taps::Bits32 => 3.0,
        }
    }
}

impl fmt::Display for Taps {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Taps::Bits64 => "64-bit taps",
            Taps::Bits32 => "32-bit taps",
        })
    }
}

/// What the floor depends on, read from the device or described.
#[derive(Debug, Clone, PartialEq)]
pub struct DeviceLimits {
    pub name: String,
    pub compute_capability: (u32, u32),
    pub multiprocessors: u32,
    /// The highest SM clock, in MHz.
    pub clock_mhz: f64,
    /// Memory bandwidth in GB/s (10⁹ bytes).
    pub bandwidth_gbs: f64,
}

impl DeviceLimits {
    /// The limits from the driver's attributes: the memory clock is in kHz
    /// and counts each of the two transfers per cycle once, hence the 2.
    pub fn from_attributes(
        name: String,
        compute_capability: (u32, u32),
        multiprocessors: u32,
        clock_khz: u32,
        memory_clock_khz: u32,
        bus_width_bits: u32,
    ) -> Self {
        let bandwidth = 2.0 * f64::from(memory_clock_khz) * 1e3 * f64::from(bus_width_bits) / 8.0;
        DeviceLimits {
            name,
            compute_capability,
            multiprocessors,
            clock_mhz: f64::from(clock_khz) / 1e3,
            bandwidth_gbs: bandwidth / 1e9,
        }
    }

    /// An H100 SXM5 as NVIDIA describes it: 132 SMs at up to 1980 MHz,
    /// 80 GB of HBM3 at 3.35 TB/s (a 5120-bit bus at 2619 MHz).
    pub fn h100_sxm() -> Self {
        DeviceLimits::from_attributes(
            "NVIDIA H100 80GB HBM3".to_string(),
            (9, 0),
            132,
            1_980_000,
            2_619_000,
            5120,
        )
    }

    /// An H200 SXM as NVIDIA describes it: the H100's 132 SMs at up to
    /// 1980 MHz, with 141 GB of HBM3e at 4.8 TB/s, described here as its
    /// six stacks' 6144-bit bus at the 3125 MHz that gives exactly that.
    /// nvidia-smi on the lent machines shows 3201 MHz (4.92 TB/s on that
    /// bus): on a device, the floor uses what the driver reports.
    pub fn h200() -> Self {
        DeviceLimits::from_attributes(
            "NVIDIA H200".to_string(),
            (9, 0),
            132,
            1_980_000,
            3_125_000,
            6144,
        )
    }

    /// 32-bit integer multiply-adds issued per clock by one SM.
    pub fn imad_per_clock_per_sm(&self) -> f64 {
        match self.compute_capability {
            // Kepler to Pascal emulate even the 32-bit multiply-add.
            (major, _) if major < 7 => 32.0,
            _ => 64.0,
        }
    }

    /// int64 multiply-adds by `taps` per second the whole device can issue.
    pub fn int64_macs_per_second(&self, taps: Taps) -> f64 {
        f64::from(self.multiprocessors) * self.imad_per_clock_per_sm() * self.clock_mhz * 1e6
            / taps.imad_slots()
    }
}

/// The two lower bounds on one convolution's time, in seconds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Floor {
    pub multiply_adds: u64,
    pub bytes: u64,
    pub arithmetic_s: f64,
    pub memory_s: f64,
}

impl Floor {
    /// The convolution of a `rows`×`cols` int64 image by a `filter`×`filter`
    /// filter of `taps`: every interior output's multiply-adds, and `f` read
    /// once and the interior of `h` written once.
    pub fn new(
        limits: &DeviceLimits,
        (rows, cols): (usize, usize),
        filter: usize,
        taps: Taps,
    ) -> Self {
        let interior = |side: usize| side.saturating_sub(filter - 1) as u64;
        let outputs = interior(rows) * interior(cols);
        let multiply_adds = outputs * (filter * filter) as u64;
        let bytes = 8 * (rows as u64 * cols as u64 + outputs);
        Floor {
            multiply_adds,
            bytes,
            arithmetic_s: multiply_adds as f64 / limits.int64_macs_per_second(taps),
            memory_s: bytes as f64 / (limits.bandwidth_gbs * 1e9),
        }
    }

    /// The floor itself: the slower of the two.
    pub fn seconds(&self) -> f64 {
        self.arithmetic_s.max(self.memory_s)
    }

    /// Which of the two the kernel is bound by.
    pub fn bound(&self) -> &'static str {
        if self.arithmetic_s >= self.memory_s {
            "arithmetic"
        } else {
            "memory"
        }
    }
}

impl fmt::Display for Floor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::timeit::format_time;
        write!(
            f,
            "{} ({}-bound: {} int64 multiply-adds take {}; {:.1} MB of memory traffic take {})",
            format_time(self.seconds()),
            self.bound(),
            self.multiply_adds,
            format_time(self.arithmetic_s),
            self.bytes as f64 / 1e6,
            format_time(self.memory_s),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_h100_has_its_published_bandwidth_and_integer_rate() {
        let h100 = DeviceLimits::h100_sxm();
        assert!(
            (h100.bandwidth_gbs - 3352.3).abs() < 0.1,
            "{}",
            h100.bandwidth_gbs
        );
        assert_eq!(h100.clock_mhz, 1980.0);
        // 132 SMs × 64 IMAD/clock × 1.98 GHz / 4 slots per multiply-add
        let expected = 132.0 * 64.0 * 1.98e9 / 4.0;
        assert!((h100.int64_macs_per_second(Taps::Bits64) - expected).abs() < 1.0);
        let expected = 132.0 * 64.0 * 1.98e9 / 3.0;
        assert!((h100.int64_macs_per_second(Taps::Bits32) - expected).abs() < 1.0);
    }

    #[test]
    fn an_h200_is_an_h100_with_faster_memory() {
        let (h100, h200) = (DeviceLimits::h100_sxm(), DeviceLimits::h200());
        assert!(
            (h200.bandwidth_gbs - 4800.0).abs() < 1e-6,
            "{}",
            h200.bandwidth_gbs
        );
        assert_eq!(
            (
                h200.multiprocessors,
                h200.clock_mhz,
                h200.compute_capability
            ),
            (
                h100.multiprocessors,
                h100.clock_mhz,
                h100.compute_capability
            )
        );
        let floor = Floor::new(&h200, (2000, 2000), 9, Taps::Bits64);
        assert!((floor.memory_s * 1e6 - 13.3).abs() < 0.05, "{floor:?}");
        assert!((floor.arithmetic_s * 1e6 - 76.9).abs() < 0.1, "{floor:?}");
    }

    #[test]
    fn thirty_two_bit_taps_lower_the_arithmetic_floor_by_a_quarter() {
        for limits in [DeviceLimits::h100_sxm(), DeviceLimits::h200()] {
            let wide = Floor::new(&limits, (2000, 2000), 9, Taps::Bits64);
            let narrow = Floor::new(&limits, (2000, 2000), 9, Taps::Bits32);
            assert_eq!(narrow.memory_s, wide.memory_s);
            assert!((narrow.arithmetic_s / wide.arithmetic_s - 0.75).abs() < 1e-12);
            assert!((narrow.seconds() * 1e6 - 57.65).abs() < 0.01, "{narrow:?}");
            assert_eq!(narrow.bound(), "arithmetic");
        }
    }

    #[test]
    fn the_course_size_on_an_h100_is_bound_by_arithmetic() {
        let floor = Floor::new(&DeviceLimits::h100_sxm(), (2000, 2000), 9, Taps::Bits64);
        assert_eq!(floor.multiply_adds, crate::conv::multiply_adds(2000, 9));
        assert_eq!(floor.bytes, 8 * (2000 * 2000 + 1992 * 1992));
        // 321 413 184 multiply-adds at 4.18 T/s; 63.7 MB at 3.35 TB/s
        assert!((floor.arithmetic_s * 1e6 - 76.9).abs() < 0.1, "{floor:?}");
        assert!((floor.memory_s * 1e6 - 19.0).abs() < 0.1, "{floor:?}");
        assert_eq!(floor.seconds(), floor.arithmetic_s);
        assert_eq!(floor.bound(), "arithmetic");
        assert!(
            floor.to_string().starts_with("76.9 µs (arithmetic-bound"),
            "{floor}"
        );
    }

    #[test]
    fn a_one_tap_filter_is_bound_by_memory() {
        let floor = Floor::new(&DeviceLimits::h100_sxm(), (4096, 4096), 1, Taps::Bits32);
        assert_eq!(floor.bound(), "memory");
        assert_eq!(floor.seconds(), floor.memory_s);
    }

    #[test]
    fn older_gpus_issue_half_the_multiply_adds() {
        let mut pascal = DeviceLimits::h100_sxm();
        pascal.compute_capability = (6, 1);
        assert_eq!(pascal.imad_per_clock_per_sm(), 32.0);
    }
}
