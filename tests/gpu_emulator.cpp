// Runs the CUDA kernels of kernels/ on the CPU, for tests/gpu.rs on machines
// without a GPU: each CUDA thread is a std::thread, __syncthreads a barrier,
// __shared__ a static array (the blocks run one after the other). What it
// checks is the kernels' own arithmetic: indices, tiles, halos, borders.
//
// Usage: gpu_emulator naive|tiled|tiled32 ROWS COLS GX GY, with f (ROWS×COLS)
// and g (GX×GY) as little-endian int64 on stdin; writes h, ROWS×COLS, on
// stdout. For tiled32 every tap must fit in 32 bits, as the host checks.
#include <barrier>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

struct dim3 {
    unsigned x = 0, y = 0, z = 0;
};
thread_local dim3 threadIdx, blockIdx;
dim3 blockDim;
std::barrier<> *block_barrier;
struct int2 {
    int x, y;
};
static int2 make_int2(int x, int y) { return {x, y}; }
#define __global__
#define __device__
#define __forceinline__ inline
#define __launch_bounds__(threads)
#define __shared__ static
#define __syncthreads() block_barrier->arrive_and_wait()
#include "../kernels/convolve_naive.cu"
#include "../kernels/convolve_tiled.cu"

typedef long long i64;

static std::vector<i64> read_values(size_t count) {
    std::vector<i64> values(count);
    if (fread(values.data(), sizeof(i64), count, stdin) != count) {
        fprintf(stderr, "expected %zu int64 on stdin\n", count);
        exit(2);
    }
    return values;
}

// The naive kernel: one thread per pixel, as the host launches it (1-D grid
// of 1024-thread blocks); its threads share nothing, so they run in turn.
static void run_naive(const std::vector<i64> &f, const std::vector<i64> &g,
                      std::vector<i64> &h, i64 rows, i64 cols, i64 gx, i64 gy) {
    blockDim = {1024, 1, 1};
    unsigned blocks = (unsigned)((rows * cols + 1023) / 1024);
    for (unsigned b = 0; b < blocks; b++) {
        for (unsigned t = 0; t < 1024; t++) {
            blockIdx = {b, 0, 0};
            threadIdx = {t, 0, 0};
            convolve_naive(f.data(), g.data(), h.data(), rows, cols, gx, gy);
        }
    }
}

// A tiled kernel on the grid the host computes, a block's threads together;
// Tap is the filter's type (long long or int), the kernel's argument.
template <typename Tap, typename Kernel>
static void run_tiled(Kernel kernel, const std::vector<i64> &f, const std::vector<i64> &g,
                      std::vector<i64> &h, i64 rows, i64 cols) {
    Filter<Tap> filter;
    for (int k = 0; k < FILTER * FILTER; k++) filter.tap[k] = (Tap)g[k];
    blockDim = {TILE_X, THREADS_Y, 1};
    unsigned grid_x = (unsigned)((cols - 2 * RADIUS + TILE_X - 1) / TILE_X);
    unsigned grid_y = (unsigned)((rows - 2 * RADIUS + TILE_Y - 1) / TILE_Y);
    for (unsigned by = 0; by < grid_y; by++) {
        for (unsigned bx = 0; bx < grid_x; bx++) {
            std::barrier<> barrier(TILE_X * THREADS_Y);
            block_barrier = &barrier;
            std::vector<std::thread> threads;
            for (unsigned ty = 0; ty < THREADS_Y; ty++) {
                for (unsigned tx = 0; tx < TILE_X; tx++) {
                    threads.emplace_back([&, tx, ty, bx, by] {
                        blockIdx = {bx, by, 0};
                        threadIdx = {tx, ty, 0};
                        kernel(f.data(), h.data(), rows, cols, filter);
                    });
                }
            }
            for (auto &thread : threads) thread.join();
        }
    }
}

int main(int argc, char **argv) {
    if (argc != 6) {
        fprintf(stderr, "usage: %s naive|tiled|tiled32 ROWS COLS GX GY < f,g > h\n", argv[0]);
        return 2;
    }
    std::string kernel = argv[1];
    i64 rows = atoll(argv[2]), cols = atoll(argv[3]), gx = atoll(argv[4]), gy = atoll(argv[5]);
    std::vector<i64> f = read_values(rows * cols), g = read_values(gx * gy);
    std::vector<i64> h(rows * cols, 0);  // the host's zeroed h
    if (kernel == "naive") {
        run_naive(f, g, h, rows, cols, gx, gy);
    } else if (kernel == "tiled") {
        run_tiled<long long>(convolve_tiled, f, g, h, rows, cols);
    } else if (kernel == "tiled32") {
        run_tiled<int>(convolve_tiled32, f, g, h, rows, cols);
    } else {
        fprintf(stderr, "unknown kernel %s: naive, tiled or tiled32\n", kernel.c_str());
        return 2;
    }
    fwrite(h.data(), sizeof(i64), h.size(), stdout);
    return 0;
}
