//! What a launch needs, computed from the sizes alone: the grid and block
//! shapes of each kernel, the device memory, and the refusals (a filter the
//! tiled kernels are not built for, a tap too wide for 32 bits, a grid or
//! an allocation the GPU cannot take) that must come before anything is
//! allocated or launched.

use ndarray::Array2;

use super::{GpuError, Kernel};

/// Threads per block of the naive kernel: the course's `MTB`, the most a
/// block may hold on every GPU since 2010.
pub const NAIVE_THREADS: u32 = 1024;

/// The tiled kernels' shape; `kernels/convolve_tiled.cu` has the same
/// numbers as `#define`s (a test compares them).
pub const TILE_X: usize = 32;
pub const THREADS_Y: usize = 8;
pub const ROWS_PER_THREAD: usize = 4;
pub const TILE_Y: usize = THREADS_Y * ROWS_PER_THREAD;
/// The only filter side the tiled kernels are compiled for.
pub const TILED_FILTER: usize = 9;

/// The largest grid, in blocks, along x (2³¹ − 1) and along y (65 535).
pub const MAX_GRID_X: u64 = (1 << 31) - 1;
pub const MAX_GRID_Y: u64 = 65_535;

/// A kernel launch's grid and block, in cudarc's order (x, y, z).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Launch {
    pub grid: (u32, u32, u32),
    pub block: (u32, u32, u32),
}

/// The launch for `kernel` on a `rows`×`cols` image with a
/// `filter_rows`×`filter_cols` filter, after the same checks as the CPU
/// engines (odd filter, image at least as large).
pub fn launch(
    kernel: Kernel,
    (rows, cols): (usize, usize),
    (filter_rows, filter_cols): (usize, usize),
) -> Result<Launch, GpuError> {
    super::super::check_shapes((rows, cols), (filter_rows, filter_cols))?;
    match kernel {
        Kernel::Naive => naive_launch(rows, cols),
        Kernel::Tiled | Kernel::Tiled32 => {
            if (filter_rows, filter_cols) != (TILED_FILTER, TILED_FILTER) {
                return Err(GpuError::FilterNotTiled(filter_rows, filter_cols));
            }
            tiled_launch(rows, cols)
        }
    }
}

/// One thread per pixel, in blocks of [`NAIVE_THREADS`] along x, as the
/// course's kernel numbers them.
fn naive_launch(rows: usize, cols: usize) -> Result<Launch, GpuError> {
    let pixels = (rows as u64).saturating_mul(cols as u64);
    let blocks = pixels.div_ceil(u64::from(NAIVE_THREADS));
    let x = grid_side(rows, cols, 'x', blocks, MAX_GRID_X)?;
    Ok(Launch {
        grid: (x, 1, 1),
        block: (NAIVE_THREADS, 1, 1),
    })
}

/// One block per tile of [`TILE_X`]×[`TILE_Y`] interior outputs.
fn tiled_launch(rows: usize, cols: usize) -> Result<Launch, GpuError> {
    let interior = |side: usize| (side - (TILED_FILTER - 1)) as u64;
    let x = interior(cols).div_ceil(TILE_X as u64);
    let y = interior(rows).div_ceil(TILE_Y as u64);
    Ok(Launch {
        grid: (
            grid_side(rows, cols, 'x', x, MAX_GRID_X)?,
            grid_side(rows, cols, 'y', y, MAX_GRID_Y)?,
            1,
        ),
        block: (TILE_X as u32, THREADS_Y as u32, 1),
    })
}

fn grid_side(rows: usize, cols: usize, axis: char, blocks: u64, max: u64) -> Result<u32, GpuError> {
    if blocks > max {
        return Err(GpuError::GridTooLarge {
            rows,
            cols,
            axis,
            blocks,
            max,
        });
    }
    Ok(blocks as u32)
}

/// Device memory a convolution holds at once: `f` and `h`, and `g` for the
/// naive kernel (the tiled ones get the filter as an argument).
pub fn device_bytes(kernel: Kernel, (rows, cols): (usize, usize), filter: (usize, usize)) -> u64 {
    let image = 8 * rows as u64 * cols as u64;
    let g = match kernel {
        Kernel::Naive => 8 * filter.0 as u64 * filter.1 as u64,
        Kernel::Tiled | Kernel::Tiled32 => 0,
    };
    2 * image + g
}

/// The filter's taps as the tiled32 kernel takes them; the first tap that
/// does not fit in 32 bits is refused.
pub fn taps_32(g: &Array2<i64>) -> Result<Vec<i32>, GpuError> {
    g.iter()
        .map(|&tap| i32::try_from(tap).map_err(|_| GpuError::TapTooWide { tap }))
        .collect()
}

/// Refuses, before allocating, what does not fit in the device's free memory.
pub fn check_memory((rows, cols): (usize, usize), needed: u64, free: u64) -> Result<(), GpuError> {
    if needed > free {
        return Err(GpuError::OutOfMemory {
            rows,
            cols,
            needed_mib: needed.div_ceil(1 << 20),
            free_mib: free >> 20,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests;
