#!/usr/bin/env bash
# The GPU kit checked on a machine without a GPU, as .ci/run does: it is
# built by scripts/gpu-kit.sh and stays under 60 MiB; its run prints
# `no CUDA device: <reason>`, exits 0 and writes a JSON report saying so;
# and its test binary, on the kit's own NVRTC and nothing else, compiles
# every kernel (under AVANCE_REQUIRE_ALL=1 a missing NVRTC fails).
#
# Usage: scripts/gpu-kit-test.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() {
    echo "gpu-kit-test: $*" >&2
    exit 1
}

bash "$root/scripts/gpu-kit.sh" "$work/kit"

echo "== DIR/run without a GPU"
mkdir "$work/out"
if ! OUT="$work/out" "$work/kit/run" > "$work/run.log" 2>&1; then
    cat "$work/run.log"
    fail "DIR/run failed on a machine without a GPU, where it must say so and exit 0"
fi
cat "$work/run.log"
grep -q '^no CUDA device: ' "$work/run.log" || fail "DIR/run did not say 'no CUDA device: <reason>'"
python3 - "$work/out/gpu-report.json" <<'EOF'
import json, sys
report = json.load(open(sys.argv[1]))
line = report.get("unavailable", "")
assert line.startswith("no CUDA device: "), f"gpu-report.json says {report}"
EOF

echo "== the kit's GPU tests, on the kit's NVRTC alone"
mkdir "$work/nvrtc"
for packed in "$work/kit"/nvrtc/*.xz; do
    xz -dc "$packed" > "$work/nvrtc/$(basename "$packed" .xz)"
done
AVANCE_REQUIRE_ALL=1 LD_LIBRARY_PATH="$work/nvrtc" AVANCE_GPU_BIN="$work/kit/avance-gpu" \
    "$work/kit/gpu-tests" --skip emulated 2>&1 | tee "$work/tests.log"
grep -q 'every_kernel_compiles_to_ptx_for_an_h100_and_an_h200 ... ok' "$work/tests.log" \
    || fail "the kit's test binary did not compile the kernels"
echo "gpu-kit-test: the kit builds, fits, and says there is no GPU here"
