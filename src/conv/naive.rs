//! The course's `convolve_python`, ported as it is: four nested loops and
//! indexing. Slow on purpose: it is the reference every engine must equal.

use ndarray::Array2;

use super::{ConvError, check};

// ANCHOR: naive
pub fn convolve_naive(f: &Array2<i64>, g: &Array2<i64>) -> Result<Array2<i64>, ConvError> {
    check(f, g)?;
    let (vmax, wmax) = f.dim();
    let (smax, tmax) = g.dim();
    // smid and tmid are the number of pixels between the centre pixel and
    // the edge: 4 for a 9×9 filter.
    let (smid, tmid) = (smax / 2, tmax / 2);
    let mut h = Array2::zeros((vmax, wmax));
    for x in smid..vmax - smid {
        for y in tmid..wmax - tmid {
            let mut value = 0;
            for s in 0..smax {
                for t in 0..tmax {
                    let v = x - smid + s;
                    let w = y - tmid + t;
                    value += g[[s, t]] * f[[v, w]];
                }
            }
            h[[x, y]] = value;
        }
    }
    Ok(h)
}
// ANCHOR_END: naive
