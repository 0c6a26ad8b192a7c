#!/usr/bin/env bash
# The GPU kit's `run` (scripts/gpu-kit.sh copies this file into the kit):
# on the GPU machine, the GPU tests with AVANCE_REQUIRE_GPU=1, where a skip
# is a failure, then `avance-gpu bench` at N = 200 and N = 2000. With $OUT
# set, it writes there one JSON report, gpu-report.json, and the tests' log.
# On a machine without a GPU it prints `no CUDA device: <reason>` and exits 0
# (with $OUT set, gpu-report.json says the same).
#
# Usage: DIR/run   (exit status: the tests', or avance-gpu's on an error)
set -euo pipefail
kit=$(cd "$(dirname "$0")" && pwd)
out=${OUT:-}

# NVRTC, unpacked for this run. xz where the machine has it, else Python's
# lzma module.
libs=$(mktemp -d)
trap 'rm -rf "$libs"' EXIT
for packed in "$kit"/nvrtc/*.xz; do
    lib="$libs/$(basename "$packed" .xz)"
    if command -v xz >/dev/null 2>&1; then
        xz -dc "$packed" > "$lib"
    else
        python3 -c 'import lzma, shutil, sys
with lzma.open(sys.argv[1]) as packed, open(sys.argv[2], "wb") as lib:
    shutil.copyfileobj(packed, lib)' "$packed" "$lib"
    fi
done
export LD_LIBRARY_PATH="$libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
# The tests run the kit's program, not cargo's build of it.
export AVANCE_GPU_BIN="$kit/avance-gpu"

set +e
device=$("$kit/avance-gpu" device)
status=$?
set -e
echo "$device"
if [ "$status" -eq 2 ]; then # no CUDA device: said, and not a failure
    if [ -n "$out" ]; then
        "$kit/avance-gpu" device --json > "$out/gpu-report.json" || true
    fi
    exit 0
elif [ "$status" -ne 0 ]; then
    exit "$status"
fi
nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.max.sm,clocks.max.mem \
    --format=csv 2>/dev/null || true

echo "== the GPU tests (AVANCE_REQUIRE_GPU=1: a skip is a failure)"
# The emulator test builds tests/gpu_emulator.cpp from the source tree,
# which the kit does not carry; CI runs it.
set +e
AVANCE_REQUIRE_GPU=1 "$kit/gpu-tests" --test-threads 1 --skip emulated 2>&1 \
    | tee "${out:-$libs}/gpu-tests.log"
tests=${PIPESTATUS[0]}
set -e

echo "== avance-gpu bench --size 200,2000"
"$kit/avance-gpu" bench --size 200,2000 --save "${out:-$libs}/gpu-report.json"
exit "$tests"
