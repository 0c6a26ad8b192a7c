#!/usr/bin/env python3
"""Live Rust's latencies, measured on the release binary over a pipe.

Three measurements, each printed per run, then as a median:

1. From a fresh home (an empty AVANCE_HOME: no kept build folder, so the
   lessons' crates are compiled from nothing, as for a student's first
   session), `6 * 7 + 1000` and an input naming `avance` and ndarray are
   sent at once: the time from the REPL's start to each answer. Targets:
   the plain input within 2 s, the `avance` one within 30 s.
2. In the same home, now kept, a new REPL: the script waits until the
   REPL says the crates are prepared (the file `live/crates-ready`), then
   sends the plain input, as a student who read the slide first, and once
   it is answered the `avance` input: the time from sending each to its
   answer. Target for the `avance` one: 5 s. The time from the start to
   "prepared" is printed too.
3. With EVCXR_BINARY (evcxr's own REPL, `cargo install evcxr_repl`): warm
   evaluations, avance against evcxr. Each program is fed `let warm = 0;`
   (which waits for evcxr's context), then `1 * 3` ... `21 * 3`, at once;
   the time between two consecutive answers is one warm evaluation
   (compile and run), the first answer (start-up) left out.
   Rounds alternate between the programs so both see the same load; the
   lessons' crates are not prepared in the background meanwhile.
   Target: avance no slower than evcxr.

usage: scripts/live_latency.py AVANCE_BINARY [EVCXR_BINARY] [--fresh N] [--warm N]
  --fresh N  runs of measurements 1 and 2, each in a new home (default 3)
  --warm N   rounds of measurement 3 (default 3)
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

PLAIN = ("6 * 7 + 1000", "1042")
CRATES = ("ndarray::arr1(&[2000, 42]).sum() + 0 * std::mem::size_of::<avance::timeit::Timer>() as i32",
          "2042")
WARM_INPUTS = 21
TIMEOUT = 1800


def start(binary, home):
    env = dict(os.environ, AVANCE_LIVE="on", AVANCE_HOME=home, AVANCE_LANG="en")
    env.pop("LD_LIBRARY_PATH", None)
    return subprocess.Popen([binary], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env, cwd=home)


def answers(process, started, expected):
    """The time from `started` to each expected line, in order."""
    stamps = {}
    seen = []
    for line in process.stdout:
        text = line.decode(errors="replace").strip()
        seen.append(text)
        if text in expected and text not in stamps:
            stamps[text] = time.monotonic() - started
            if len(stamps) == len(expected):
                break
    if len(stamps) != len(expected):
        sys.exit("no answer for " + ", ".join(e for e in expected if e not in stamps)
                 + ":\n" + "\n".join(seen[-20:]))
    return [stamps[e] for e in expected]


def finish(process):
    process.stdin.close()
    process.stdout.read()
    process.wait()


def fresh_run(binary):
    """Measurements 1 and 2 in a new home."""
    with tempfile.TemporaryDirectory() as home:
        started = time.monotonic()
        repl = start(binary, home)
        repl.stdin.write(f"{PLAIN[0]}\n{CRATES[0]}\n".encode())
        repl.stdin.flush()
        plain, crates = answers(repl, started, [PLAIN[1], CRATES[1]])
        finish(repl)

        # The REPL removes it at its start; the script must not see the
        # first REPL's.
        ready_file = os.path.join(home, "live", "crates-ready")
        os.remove(ready_file)
        started = time.monotonic()
        repl = start(binary, home)
        while not os.path.exists(ready_file):
            if repl.poll() is not None or time.monotonic() - started > TIMEOUT:
                sys.exit("the crates were never prepared")
            time.sleep(0.05)
        ready = time.monotonic() - started
        typed, prepared = (ask(repl, sent) for sent in (PLAIN, CRATES))
        finish(repl)
    return plain, crates, ready, typed, prepared


def ask(repl, exchange):
    """Sends one input; the time to its answer."""
    sent = time.monotonic()
    repl.stdin.write(f"{exchange[0]}\n".encode())
    repl.stdin.flush()
    (answered,) = answers(repl, sent, [exchange[1]])
    return answered


def intervals(command, env, cwd):
    # A `let` first: avance answers an input that defines nothing alone
    # while evcxr's context starts, and a `let` waits for the context, so
    # every input after it is evcxr's, in both programs.
    feed = ("let warm = 0;\n" + "".join(f"{i} * 3\n" for i in range(1, WARM_INPUTS + 1))).encode()
    expected = {str(i * 3) for i in range(1, WARM_INPUTS + 1)}
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, env=env, cwd=cwd)
    process.stdin.write(feed)
    process.stdin.close()
    stamps = [time.monotonic() for line in process.stdout
              if line.decode(errors="replace").strip() in expected]
    process.wait()
    if len(stamps) != WARM_INPUTS:
        sys.exit(f"{command[0]}: {len(stamps)} answers of {WARM_INPUTS}")
    return [b - a for a, b in zip(stamps, stamps[1:])]


def warm(avance, evcxr, rounds):
    every = {"avance": [], "evcxr": []}
    with tempfile.TemporaryDirectory() as home:
        # The evaluations are measured, not the preparation of the lessons'
        # crates, which would build in the background of this new home's
        # first rounds (in a kept home it is over 3 s after the start).
        env = dict(os.environ, AVANCE_LIVE="on", AVANCE_HOME=home, AVANCE_LIVE_PREPARE="off")
        for round_ in range(1, rounds + 1):
            for name, command in (("avance", [avance]), ("evcxr", [evcxr])):
                measured = intervals(command, env, home)
                every[name] += measured
                print(f"warm round {round_} {name:<6} median {statistics.median(measured):.3f} s",
                      flush=True)
    medians = {name: statistics.median(values) for name, values in every.items()}
    for name, value in medians.items():
        print(f"{name}: median warm evaluation {value:.3f} s over {len(every[name])}")
    print(f"avance / evcxr: {medians['avance'] / medians['evcxr']:.2f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("avance")
    parser.add_argument("evcxr", nargs="?")
    parser.add_argument("--fresh", type=int, default=3)
    parser.add_argument("--warm", type=int, default=3)
    args = parser.parse_args()
    names = ("first plain input, from the start", "first `avance` input, from the start",
             "crates prepared (kept home), from the start",
             "plain input once prepared", "`avance` input once prepared")
    runs = []
    for run in range(1, args.fresh + 1):
        measured = fresh_run(args.avance)
        runs.append(measured)
        print(f"fresh run {run}: " + ", ".join(f"{n} {v:.2f} s" for n, v in zip(names, measured)),
              flush=True)
    for index, name in enumerate(names):
        if runs:
            print(f"{name}: median {statistics.median(r[index] for r in runs):.2f} s"
                  f" over {len(runs)}")
    if args.evcxr and args.warm > 0:
        warm(args.avance, args.evcxr, args.warm)


if __name__ == "__main__":
    main()
