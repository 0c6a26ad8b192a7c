// The course's `convolve_cuda` kernel, ported as it is: one thread per pixel
// of the image, numbered along the rows; the threads of interior pixels sum
// the 81 products straight into `h`, in 64-bit integers (`long long`: the
// course's `long` is 32 bits on Windows). The one change: the course
// pasted the sizes into the source as template constants (`#define fx
// 2000`), recompiling for every N; here they are arguments, so one compiled
// kernel serves every size. Border pixels are left as they are: the host
// allocates `h` filled with zeros, as the course's `gpuarray.zeros_like`.

// ANCHOR: naive
extern "C" __global__ void convolve_naive(const long long *f, const long long *g,
                                          long long *h, long long fx, long long fy,
                                          long long gx, long long gy) {
    long long idx = (long long)blockIdx.x * blockDim.x + threadIdx.x;

    // Convert the linear index to subscripts:
    long long i = idx / fy;
    long long j = idx % fy;

    long long smax = gx;
    long long tmax = gy;

    long long smid = smax / 2;
    long long tmid = tmax / 2;

    if (smid <= i && i < fx - smid) {
        if (tmid <= j && j < fy - tmid) {
            h[i * fy + j] = 0;
            for (long long s = 0; s < smax; s++)
                for (long long t = 0; t < tmax; t++)
                    h[i * fy + j] += g[s * gy + t] * f[(i + s - smid) * fy + (j + t - tmid)];
        }
    }
}
// ANCHOR_END: naive
