use super::*;
use crate::conv::ConvError;

/// Sizes around the tile and block edges, odd ones, and the course's.
const SIZES: [(usize, usize); 9] = [
    (9, 9),
    (10, 9),
    (40, 40),
    (41, 73),
    (200, 200),
    (1000, 1001),
    (1023, 31),
    (2000, 2000),
    (4099, 4097),
];

#[test]
fn the_naive_grid_has_one_thread_per_pixel_and_no_whole_block_to_spare() {
    for (rows, cols) in SIZES {
        let l = launch(Kernel::Naive, (rows, cols), (9, 9)).unwrap();
        assert_eq!((l.grid.1, l.grid.2, l.block), (1, 1, (NAIVE_THREADS, 1, 1)));
        let threads = u64::from(l.grid.0) * u64::from(NAIVE_THREADS);
        let pixels = (rows * cols) as u64;
        assert!(threads >= pixels, "{rows}×{cols}");
        assert!(threads - pixels < u64::from(NAIVE_THREADS), "{rows}×{cols}");
    }
}

#[test]
fn the_tiled_grid_covers_every_interior_output_once() {
    for (rows, cols) in SIZES {
        let l = launch(Kernel::Tiled, (rows, cols), (9, 9)).unwrap();
        assert_eq!(l.block, (TILE_X as u32, THREADS_Y as u32, 1));
        let (across, down) = (l.grid.0 as usize * TILE_X, l.grid.1 as usize * TILE_Y);
        let (inner_cols, inner_rows) = (cols - 8, rows - 8);
        assert!(
            across >= inner_cols && across - inner_cols < TILE_X,
            "{rows}×{cols}"
        );
        assert!(
            down >= inner_rows && down - inner_rows < TILE_Y,
            "{rows}×{cols}"
        );
        assert_eq!(l.grid.2, 1);
    }
}

#[test]
fn grids_beyond_the_gpu_limits_are_refused_not_wrapped() {
    // 65 535 blocks of 32 rows, plus the border: one row more is too many.
    let rows = 65_535 * TILE_Y + 8 + 1;
    assert_eq!(
        launch(Kernel::Tiled, (rows, 9), (9, 9)),
        Err(GpuError::GridTooLarge {
            rows,
            cols: 9,
            axis: 'y',
            blocks: 65_536,
            max: MAX_GRID_Y
        })
    );
    let side = 1 << 21; // 2⁴² pixels: 2³² blocks of 1024
    let error = launch(Kernel::Naive, (side, side), (9, 9)).unwrap_err();
    assert!(matches!(error, GpuError::GridTooLarge { axis: 'x', blocks, .. } if blocks == 1 << 32));
}

#[test]
fn an_image_smaller_than_the_filter_is_refused_with_the_cpu_message() {
    for kernel in Kernel::ALL {
        let error = launch(kernel, (8, 100), (9, 9)).unwrap_err();
        assert_eq!(
            error,
            GpuError::Conv(ConvError::ImageTooSmall {
                image: 8,
                filter: 9
            })
        );
        assert_eq!(
            error.to_string(),
            "the image (8×8) must be at least as large as the filter (9×9)"
        );
        assert_eq!(
            launch(kernel, (20, 20), (4, 9)),
            Err(GpuError::Conv(ConvError::EvenFilter(4, 9)))
        );
    }
}

#[test]
fn only_the_naive_kernel_takes_other_filters() {
    assert!(launch(Kernel::Naive, (20, 20), (3, 5)).is_ok());
    for tiled in [Kernel::Tiled, Kernel::Tiled32] {
        let error = launch(tiled, (20, 20), (3, 5)).unwrap_err();
        assert_eq!(error, GpuError::FilterNotTiled(3, 5));
        assert!(error.to_string().contains("9×9 filter, not 3×5"), "{error}");
    }
}

#[test]
fn both_tiled_kernels_launch_the_same_grid() {
    for (rows, cols) in SIZES {
        assert_eq!(
            launch(Kernel::Tiled32, (rows, cols), (9, 9)),
            launch(Kernel::Tiled, (rows, cols), (9, 9)),
            "{rows}×{cols}"
        );
    }
}

#[test]
fn taps_are_narrowed_to_32_bits_only_when_every_one_fits() {
    let (_, course) = crate::conv::course_inputs(9);
    let narrow = taps_32(&course).unwrap();
    assert_eq!(narrow.len(), 81);
    assert_eq!((narrow[0], narrow[80]), (0, 80));
    let mut edges = Array2::zeros((9, 9));
    edges[(0, 0)] = i64::from(i32::MIN);
    edges[(8, 8)] = i64::from(i32::MAX);
    assert_eq!(taps_32(&edges).unwrap()[80], i32::MAX);
    edges[(4, 4)] = i64::from(i32::MAX) + 1;
    let error = taps_32(&edges).unwrap_err();
    assert_eq!(error, GpuError::TapTooWide { tap: 1 << 31 });
    assert_eq!(
        error.to_string(),
        "the tiled32 kernel takes taps that fit in 32 bits, and 2147483648 does not; the tiled kernel takes any"
    );
}

#[test]
fn the_host_picks_32_bit_taps_when_they_fit_as_the_cpu_picks_its_multiply() {
    let (_, course) = crate::conv::course_inputs(9);
    assert_eq!(Kernel::for_filter(&course), Kernel::Tiled32);
    let wide = course.mapv(|tap| tap << 40);
    assert_eq!(Kernel::for_filter(&wide), Kernel::Tiled);
    let negative = course.mapv(|tap| -tap);
    assert_eq!(Kernel::for_filter(&negative), Kernel::Tiled32);
    assert_eq!(Kernel::for_filter(&Array2::zeros((3, 5))), Kernel::Naive);
}

#[test]
fn memory_is_checked_against_what_is_free_before_allocating() {
    let needed = device_bytes(Kernel::Naive, (2000, 2000), (9, 9));
    assert_eq!(needed, 2 * 8 * 2000 * 2000 + 8 * 81);
    for tiled in [Kernel::Tiled, Kernel::Tiled32] {
        assert_eq!(
            device_bytes(tiled, (2000, 2000), (9, 9)),
            2 * 8 * 2000 * 2000
        );
    }
    assert_eq!(check_memory((2000, 2000), needed, needed), Ok(()));
    let error = check_memory((2000, 2000), needed, 16 << 20).unwrap_err();
    assert_eq!(
        error.to_string(),
        "2000×2000 needs 62 MiB of GPU memory, but only 16 MiB are free; try a smaller --size"
    );
}

/// The `#define`s of the tiled kernel, which must agree with the launch.
#[test]
fn the_tiled_kernel_source_has_the_launch_constants() {
    let source = Kernel::Tiled.source();
    let define = |name: &str| -> usize {
        let prefix = format!("#define {name} ");
        let line = source
            .lines()
            .find(|l| l.starts_with(&prefix))
            .unwrap_or_else(|| panic!("no {prefix}in the tiled kernel"));
        let value = line[prefix.len()..].split_whitespace().next().unwrap();
        value.parse().unwrap()
    };
    assert_eq!(define("TILE_X"), TILE_X);
    assert_eq!(define("THREADS_Y"), THREADS_Y);
    assert_eq!(define("ROWS"), ROWS_PER_THREAD);
    assert_eq!(2 * define("RADIUS") + 1, TILED_FILTER);
}
