// The convolution written for the GPU's limits. Each block computes a tile
// of 32×32 output pixels:
//
// - its 40×40 input pixels (the tile and a halo of 4 on every side) are
//   read from global memory once, by all 256 threads together, each warp
//   reading consecutive addresses (coalesced), into shared memory;
// - the 9×9 filter is a kernel argument, which lives in the constant bank:
//   every thread of a warp reads the same tap at the same time, which the
//   constant cache serves in one go, straight into the multiply;
// - each thread computes 4 outputs of one column, summed in registers: an
//   input value read from shared memory serves up to 4 of them, so there is
//   one shared-memory read for every 3 multiply-adds.
//
// The sums are `unsigned long long`: the GPU has no 64-bit multiplier (the
// compiler builds each 64-bit multiply-add from 32-bit ones), unsigned
// overflow wraps by definition where signed overflow is undefined in C++,
// and the bits are those of the signed result, as numpy's int64 gives them.
//
// Two kernels share this code: `convolve_tiled` takes 64-bit taps, and
// `convolve_tiled32` taps that fit in 32 bits, as the course's (0 to 80)
// do, which saves a quarter of the multiply slots. The host picks the
// second when every tap fits, refuses any filter but 9×9, and zeroes `h`.

// ANCHOR: constants
#define RADIUS 4                       // the filter is 9×9
#define FILTER (2 * RADIUS + 1)
#define TILE_X 32                      // output columns per block: one warp
#define THREADS_Y 8                    // warps per block
#define ROWS 4                         // output rows per thread
#define TILE_Y (THREADS_Y * ROWS)      // output rows per block
#define IN_X (TILE_X + 2 * RADIUS)     // input tile with its halo
#define IN_Y (TILE_Y + 2 * RADIUS)

template <typename Tap> struct Filter {
    Tap tap[FILTER * FILTER];
};
// ANCHOR_END: constants

// 64-bit taps: the tile holds f's values as they are, and each product is
// a whole 64-bit multiply, three 32-bit multiply-adds.
__device__ __forceinline__ long long stored(long long value, long long) { return value; }

__device__ __forceinline__ unsigned long long
multiply_add(unsigned long long sum, long long value, long long tap) {
    return sum + (unsigned long long)tap * (unsigned long long)value;
}

// ANCHOR: taps32
// 32-bit taps: each value is split once, as the tile is loaded, into its
// low 32 bits, read as signed, and the rest: value = high × 2³² + low.
__device__ __forceinline__ int2 stored(long long value, int) {
    const int low = (int)value;
    const unsigned long long high = (unsigned long long)value - (long long)low;
    return make_int2(low, (int)(high >> 32));
}

// value × tap = low × tap (32 × 32 → 64 bits) + high × tap (32 bits) × 2³²,
// exact modulo 2⁶⁴ as the 64-bit product is: two multiply-adds, not three.
__device__ __forceinline__ unsigned long long
multiply_add(unsigned long long sum, int2 value, int tap) {
    const long long low = (long long)value.x * tap;
    const unsigned high = (unsigned)value.y * (unsigned)tap;
    return sum + (unsigned long long)low + ((unsigned long long)high << 32);
}
// ANCHOR_END: taps32

// ANCHOR: tiled
template <typename Tap>
__device__ __forceinline__ void
convolve_tile(const long long *__restrict__ f, long long *__restrict__ h,
              long long rows, long long cols, const Filter<Tap> &g) {
    using Stored = decltype(stored(0LL, Tap()));
    __shared__ Stored tile[IN_Y][IN_X];

    // The block's first output, counted from the first interior pixel,
    // which is also where its input tile starts in f.
    const long long row0 = (long long)blockIdx.y * TILE_Y;
    const long long col0 = (long long)blockIdx.x * TILE_X;

    // All the block's threads copy the input tile, row after row of f.
    const int thread = threadIdx.y * TILE_X + threadIdx.x;
    for (int k = thread; k < IN_Y * IN_X; k += TILE_X * THREADS_Y) {
        const int r = k / IN_X, c = k % IN_X;
        const long long fr = row0 + r, fc = col0 + c;
        tile[r][c] = stored((fr < rows && fc < cols) ? f[fr * cols + fc] : 0, Tap());
    }
    __syncthreads();

    // This thread's outputs: column x, rows y .. y + ROWS - 1 of the tile.
    const int x = threadIdx.x, y = threadIdx.y * ROWS;
    unsigned long long sum[ROWS] = {};
#pragma unroll
    for (int r = 0; r < ROWS + 2 * RADIUS; r++) {
#pragma unroll
        for (int t = 0; t < FILTER; t++) {
            const Stored value = tile[y + r][x + t];
#pragma unroll
            for (int o = 0; o < ROWS; o++) {
                const int s = r - o;  // the filter row that meets output o here
                if (s >= 0 && s < FILTER) {
                    sum[o] = multiply_add(sum[o], value, g.tap[s * FILTER + t]);
                }
            }
        }
    }

    const long long out_col = col0 + x;
#pragma unroll
    for (int o = 0; o < ROWS; o++) {
        const long long out_row = row0 + y + o;
        if (out_row < rows - 2 * RADIUS && out_col < cols - 2 * RADIUS) {
            h[(out_row + RADIUS) * cols + out_col + RADIUS] = (long long)sum[o];
        }
    }
}
// ANCHOR_END: tiled

extern "C" __global__ void __launch_bounds__(TILE_X * THREADS_Y)
convolve_tiled(const long long *__restrict__ f, long long *__restrict__ h,
               long long rows, long long cols, const Filter<long long> g) {
    convolve_tile(f, h, rows, cols, g);
}

extern "C" __global__ void __launch_bounds__(TILE_X * THREADS_Y)
convolve_tiled32(const long long *__restrict__ f, long long *__restrict__ h,
                 long long rows, long long cols, const Filter<int> g) {
    convolve_tile(f, h, rows, cols, g);
}
