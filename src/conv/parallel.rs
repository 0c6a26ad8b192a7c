//! The ndarray engine with its rows shared among threads by rayon: the
//! same code, `par_for_each` instead of `for_each`. Rust's threads run
//! truly in parallel (no GIL), and the borrow checker proves that no two
//! threads write the same row.

use ndarray::{Array2, Zip, s};

use super::{ConvError, check};

// ANCHOR: rayon
pub fn convolve_rayon(f: &Array2<i64>, g: &Array2<i64>) -> Result<Array2<i64>, ConvError> {
    check(f, g)?;
    let (smid, tmid) = (g.nrows() / 2, g.ncols() / 2);
    let mut h = Array2::zeros(f.dim());
    let mut interior = h.slice_mut(s![smid..f.nrows() - smid, tmid..f.ncols() - tmid]);
    Zip::from(&mut interior)
        .and(f.windows(g.dim()))
        .par_for_each(|h, window| {
            *h = window.iter().zip(g.iter()).map(|(f, g)| f * g).sum();
        });
    Ok(h)
}
// ANCHOR_END: rayon
