#!/usr/bin/env bash
# Builds the GPU kit into DIR: everything the GPU machine needs to verify
# the CUDA kernels on a real GPU. That machine has no Rust toolchain and no
# network, and takes at most 64 MiB a call, so the kit is built here and
# kept under 60 MiB:
#
#   DIR/avance-gpu   `avance-gpu device` and `avance-gpu bench` (the same
#                    tables as `avance bench conv --gpu`), release, stripped
#   DIR/gpu-tests    tests/gpu.rs, release, stripped
#   DIR/nvrtc/       NVRTC 13.0 (libnvrtc.so.13 and its builtins) from PyPI's
#                    nvidia-cuda-nvrtc wheel, which .ci/run installs, in xz
#   DIR/run          what runs there: scripts/gpu-kit-run.sh
#
# Both binaries are built with the features `bench` and `gpu` alone: no
# terminal program, no live Rust. On the GPU machine, with the device
# tool: carry DIR (inside the repository, ignored by git) and run DIR/run.
#
# Usage: scripts/gpu-kit.sh DIR
#   AVANCE_NVRTC_DIR   where the wheel was installed (default ~/.cache/avance-nvrtc)
set -euo pipefail

if [ $# -ne 1 ]; then
    echo "usage: scripts/gpu-kit.sh DIR" >&2
    exit 2
fi
mkdir -p "$1"
kit=$(cd "$1" && pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
nvrtc=${AVANCE_NVRTC_DIR:-$HOME/.cache/avance-nvrtc}
libs=(libnvrtc.so.13 libnvrtc-builtins.so.13.0)
for lib in "${libs[@]}"; do
    if [ ! -e "$nvrtc/nvidia/cu13/lib/$lib" ]; then
        echo "error: no $nvrtc/nvidia/cu13/lib/$lib: install NVRTC 13.0 there with" \
            "\`python3 -m pip install --target $nvrtc 'nvidia-cuda-nvrtc==13.0.*'\`" \
            "(as .ci/run does), or set AVANCE_NVRTC_DIR to where it is" >&2
        exit 1
    fi
done
# The limit a kit must keep to, in bytes: 60 MiB, under the tool's 64.
limit=$((60 * 1024 * 1024))

cd "$root"
features=(--release --no-default-features --features bench,gpu)
# Stripped, without line tables: what is carried is only what runs.
export CARGO_PROFILE_RELEASE_STRIP=symbols CARGO_PROFILE_RELEASE_DEBUG=false
echo "== building avance-gpu and the GPU tests (release, features bench,gpu)"
cargo build "${features[@]}" --bin avance-gpu
tests=$(cargo test "${features[@]}" --test gpu --no-run --message-format=json-render-diagnostics \
    | python3 -c '
import json, sys
for line in sys.stdin:
    message = json.loads(line)
    if message.get("reason") == "compiler-artifact" and message["target"]["name"] == "gpu" \
            and message.get("executable"):
        print(message["executable"])
')
target=$(cargo metadata --format-version 1 --no-deps \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')

rm -rf "$kit/nvrtc"
mkdir -p "$kit/nvrtc"
cp "$target/release/avance-gpu" "$kit/avance-gpu"
cp "$tests" "$kit/gpu-tests"
cp scripts/gpu-kit-run.sh "$kit/run"
chmod +x "$kit/run"

# NVRTC is 110 MB as shipped, 31 MB in xz; compressing takes about a
# minute, so each compressed file is kept beside the wheel and made again
# only when the library is newer.
echo "== NVRTC 13.0, compressed"
for lib in "${libs[@]}"; do
    source="$nvrtc/nvidia/cu13/lib/$lib"
    packed="$nvrtc/$lib.xz"
    if [ ! -e "$packed" ] || [ "$source" -nt "$packed" ]; then
        xz -9 -T0 -c "$source" > "$packed.tmp" && mv "$packed.tmp" "$packed"
    fi
    cp "$packed" "$kit/nvrtc/"
done

size=$(du -sb "$kit" | cut -f1)
echo "== the kit: $kit, $((size / 1024 / 1024)) MiB"
ls -l "$kit" "$kit/nvrtc"
if [ "$size" -gt "$limit" ]; then
    echo "error: the kit is $size bytes, more than the $limit (60 MiB) the GPU machine takes" >&2
    exit 1
fi
