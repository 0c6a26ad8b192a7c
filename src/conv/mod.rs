//! The course's 2-D convolution, on every CPU engine: the four nested loops
//! ported as they are, ndarray windows, rayon over rows, and an optimised
//! engine; and on the GPU (`gpu`), CUDA kernels compiled when the program
//! runs. Every engine computes exactly the same integers.
//!
//! As in the course, `h[x, y] = Σ g[s, t]·f[x − smid + s, y − tmid + t]`
//! over the interior points only (the borders stay 0), with int64 values,
//! `f = arange(N·N).reshape(N, N)` and `g = arange(81).reshape(9, 9)`.

pub mod gpu;
mod naive;
mod optimized;
mod parallel;
mod windows;

pub use naive::convolve_naive;
pub use optimized::convolve_optimized;
pub use parallel::convolve_rayon;
pub use windows::convolve_windows;

use ndarray::Array2;

/// Why two arrays cannot be convolved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConvError {
    #[error(
        "only odd filter dimensions are supported, not {0}×{1} (the course raises ValueError too)"
    )]
    EvenFilter(usize, usize),
    #[error(
        "the image ({image}×{image}) must be at least as large as the filter ({filter}×{filter})"
    )]
    ImageTooSmall { image: usize, filter: usize },
}

/// The course's inputs: `f = arange(n·n).reshape(n, n)`, `g = arange(81).reshape(9, 9)`.
pub fn course_inputs(n: usize) -> (Array2<i64>, Array2<i64>) {
    (arange_square(n), arange_square(9))
}

fn arange_square(n: usize) -> Array2<i64> {
    Array2::from_shape_fn((n, n), |(i, j)| (i * n + j) as i64)
}

/// Checks the shapes, as every engine does first.
fn check(f: &Array2<i64>, g: &Array2<i64>) -> Result<(), ConvError> {
    check_shapes(f.dim(), g.dim())
}

/// [`check`] on the shapes alone, for the GPU's launch plan.
fn check_shapes((fx, fy): (usize, usize), (gx, gy): (usize, usize)) -> Result<(), ConvError> {
    if gx % 2 != 1 || gy % 2 != 1 {
        return Err(ConvError::EvenFilter(gx, gy));
    }
    if fx < gx || fy < gy {
        return Err(ConvError::ImageTooSmall {
            image: fx.min(fy),
            filter: gx.max(gy),
        });
    }
    Ok(())
}

/// A CPU engine, by name, for `avance bench` and the lessons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Naive,
    Windows,
    Rayon,
    Optimized,
}

impl Engine {
    pub const ALL: [Engine; 4] = [
        Engine::Naive,
        Engine::Windows,
        Engine::Rayon,
        Engine::Optimized,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Engine::Naive => "naive",
            Engine::Windows => "ndarray",
            Engine::Rayon => "rayon",
            Engine::Optimized => "optimized",
        }
    }

    pub fn convolve(self, f: &Array2<i64>, g: &Array2<i64>) -> Result<Array2<i64>, ConvError> {
        match self {
            Engine::Naive => convolve_naive(f, g),
            Engine::Windows => convolve_windows(f, g),
            Engine::Rayon => convolve_rayon(f, g),
            Engine::Optimized => convolve_optimized(f, g),
        }
    }
}

/// Multiply-adds of one convolution: interior points × filter size.
pub fn multiply_adds(n: usize, filter: usize) -> u64 {
    let interior = n.saturating_sub(filter - 1) as u64;
    interior * interior * (filter * filter) as u64
}

#[cfg(test)]
mod tests {
    use ndarray::array;

    use super::*;

    #[test]
    fn every_engine_gives_the_naive_result() {
        for n in [9, 10, 23, 64] {
            let (f, g) = course_inputs(n);
            let expected = convolve_naive(&f, &g).unwrap();
            for engine in Engine::ALL {
                assert_eq!(
                    engine.convolve(&f, &g).unwrap(),
                    expected,
                    "{} at n = {n}",
                    engine.name()
                );
            }
        }
    }

    #[test]
    fn negative_and_large_values_stay_exact() {
        let f = Array2::from_shape_fn((20, 17), |(i, j)| {
            (i as i64 - 10) * 3_000_000_000 + j as i64
        });
        let g = Array2::from_shape_fn((3, 5), |(s, t)| (s as i64 - 1) * 7 - t as i64);
        let expected = convolve_naive(&f, &g).unwrap();
        for engine in Engine::ALL {
            assert_eq!(
                engine.convolve(&f, &g).unwrap(),
                expected,
                "{}",
                engine.name()
            );
        }
    }

    #[test]
    fn a_small_case_by_hand() {
        let f = array![[1, 2, 3], [4, 5, 6], [7, 8, 9]];
        let g = array![[0, 0, 0], [0, 1, 0], [0, 0, 2]];
        let h = convolve_naive(&f, &g).unwrap();
        assert_eq!(h, array![[0, 0, 0], [0, 5 + 2 * 9, 0], [0, 0, 0]]);
    }

    #[test]
    fn shapes_are_checked() {
        let (f, _) = course_inputs(10);
        let even = Array2::zeros((2, 3));
        for engine in Engine::ALL {
            assert_eq!(engine.convolve(&f, &even), Err(ConvError::EvenFilter(2, 3)));
            let (small, g) = course_inputs(5);
            assert_eq!(
                engine.convolve(&small, &g),
                Err(ConvError::ImageTooSmall {
                    image: 5,
                    filter: 9
                })
            );
        }
    }
}
