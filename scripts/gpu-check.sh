#!/usr/bin/env bash
# On the GPU machine: the GPU tests, then `avance bench conv --gpu` at the
# course's N = 2000. Everything is built on the development machine and
# carried over (the GPU machine has no network), so nothing is compiled here:
#
#   cargo build --release
#   cargo test --release --test gpu --no-run     # prints the test binary's path
#   mkdir -p carry && cp target/release/avance carry/ \
#       && cp target/release/deps/gpu-<hash> carry/gpu-tests
#
# and carry `carry/` (ignored by git; the device tool's `carry` argument). The lent machines
# have NVIDIA's driver (580, CUDA 13.0); NVRTC is not part of the driver: if
# the machine has no libnvrtc.so.13, carry one and point LD_LIBRARY_PATH at
# it (PyPI's nvidia-cuda-nvrtc==13.0.*, nvidia/cu13/lib: about 110 MB, more
# than one carry allows, so prefer the machine's CUDA toolkit when present).
#
# Usage: scripts/gpu-check.sh [DIR]   (DIR holds avance and gpu-tests; default carry)
set -euo pipefail
dir="${1:-carry}"

# NVRTC from a CUDA toolkit, if the machine has one and nobody said otherwise.
for lib in /usr/local/cuda/lib64 /usr/local/cuda-13*/lib64 /usr/local/cuda/targets/x86_64-linux/lib; do
    if [ -e "$lib/libnvrtc.so.13" ]; then
        export LD_LIBRARY_PATH="$lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
        break
    fi
done

nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.max.sm,clocks.max.mem --format=csv || true

echo "== the GPU tests (a skip is a failure here)"
# The bench test runs `avance` itself: cargo's path to it, built into the
# test binary, is a path on the development machine, so name the carried one.
AVANCE_REQUIRE_GPU=1 AVANCE_BIN="$dir/avance" "$dir/gpu-tests" --test-threads 1

echo "== avance bench conv --gpu --size 2000"
"$dir/avance" bench conv --gpu --size 2000
"$dir/avance" bench conv --gpu --size 2000 --json > "${OUT:-.}/bench-conv-gpu-2000.json"
