#!/usr/bin/env python3
"""Warm live evaluation: avance against evcxr's own REPL, measured the same way.

Each program is fed `1 * 3` ... `21 * 3` at once on a pipe; the time between
two consecutive answers (a line holding just the value) is one warm
evaluation, compile and run. The first answer, which waits for the start-up,
is left out. Rounds alternate between the programs so both see the same load;
the script prints every round's median, then the median over all intervals.

usage: scripts/live_latency.py AVANCE_BINARY EVCXR_BINARY [ROUNDS]
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time

INPUTS = 21


def intervals(command, env, cwd):
    feed = "".join(f"{i} * 3\n" for i in range(1, INPUTS + 1)).encode()
    answers = {str(i * 3) for i in range(1, INPUTS + 1)}
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, env=env, cwd=cwd)
    process.stdin.write(feed)
    process.stdin.close()
    stamps = [time.monotonic() for line in process.stdout
              if line.decode(errors="replace").strip() in answers]
    process.wait()
    if len(stamps) != INPUTS:
        sys.exit(f"{command[0]}: {len(stamps)} answers of {INPUTS}")
    return [b - a for a, b in zip(stamps, stamps[1:])]


def main():
    avance, evcxr = sys.argv[1], sys.argv[2]
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    every = {"avance": [], "evcxr": []}
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, AVANCE_LIVE="on", AVANCE_HOME=home)
        for round_ in range(1, rounds + 1):
            for name, command in (("avance", [avance]), ("evcxr", [evcxr])):
                measured = intervals(command, env, home)
                every[name] += measured
                print(f"round {round_} {name:<6} median {statistics.median(measured):.3f} s")
    medians = {name: statistics.median(values) for name, values in every.items()}
    for name, value in medians.items():
        print(f"{name}: median warm evaluation {value:.3f} s over {len(every[name])}")
    print(f"avance / evcxr: {medians['avance'] / medians['evcxr']:.2f}")


if __name__ == "__main__":
    main()
