//! ndarray's way: each output point is the sum of a window of `f` times
//! `g`, with `Zip` pairing the interior of `h` with the windows of `f`.

use ndarray::{Array2, Zip, s};

use super::{ConvError, check};

// ANCHOR: windows
pub fn convolve_windows(f: &Array2<i64>, g: &Array2<i64>) -> Result<Array2<i64>, ConvError> {
    check(f, g)?;
    let (smid, tmid) = (g.nrows() / 2, g.ncols() / 2);
    let mut h = Array2::zeros(f.dim());
    let mut interior = h.slice_mut(s![smid..f.nrows() - smid, tmid..f.ncols() - tmid]);
    Zip::from(&mut interior)
        .and(f.windows(g.dim()))
        .for_each(|h, window| {
            *h = window.iter().zip(g.iter()).map(|(f, g)| f * g).sum();
        });
    Ok(h)
}
// ANCHOR_END: windows
