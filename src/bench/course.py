"""The course's own Python versions, timed for `avance bench --python`.

Run by avance as `python3 -c <this file> conv|elementwise SIZE RUNS MIN_BATCH OUTDIR`.
Times each version as IPython's %timeit does (loops: the first power of
ten whose batch lasts MIN_BATCH seconds, then RUNS runs), saves each result
in OUTDIR for avance to compare with its own, and prints one JSON object.
"""

import json
import os
import platform
import sys
import timeit

what, size, runs, min_batch, outdir = sys.argv[1:6]
size, runs, min_batch = int(size), int(runs), float(min_batch)
report = {"python": platform.python_version(), "rows": [], "notes": []}

try:
    import numpy as np
except ImportError:
    print(json.dumps({"missing": "numpy"}))
    sys.exit(0)
report["numpy"] = np.__version__


def optional(module):
    try:
        return __import__(module)
    except ImportError:
        report["notes"].append(f"{module} is not installed (pip install {module}): no {module} row")
        return None


def time_it(benchmark, engine, call, save):
    call()  # compiles Numba's functions, warms caches
    timer = timeit.Timer(call)
    loops = 1
    while timer.timeit(loops) < min_batch:
        loops *= 10
    per_loop = [timer.timeit(loops) / loops for _ in range(runs)]
    path = os.path.join(outdir, f"{benchmark}-{engine}.bin")
    save(call(), path)
    report["rows"].append(
        {"benchmark": benchmark, "engine": engine, "per_loop": per_loop, "loops": loops, "result": path}
    )


def save_as(dtype):
    return lambda array, path: np.ascontiguousarray(array, dtype=dtype).tofile(path)


# The course's functions, as they are (np.int is np.int64 today).
def convolve_python(f, g):
    if g.shape[0] % 2 != 1 or g.shape[1] % 2 != 1:
        raise ValueError("Only odd dimensions on filter supported")
    vmax = f.shape[0]
    wmax = f.shape[1]
    smax = g.shape[0]
    tmax = g.shape[1]
    smid = smax // 2
    tmid = tmax // 2
    h = np.zeros_like(f)
    for x in range(smid, vmax - smid):
        for y in range(tmid, wmax - tmid):
            value = 0
            for s in range(smax):
                for t in range(tmax):
                    v = x - smid + s
                    w = y - tmid + t
                    value += g[s, t] * f[v, w]
            h[x, y] = value
    return h


def fonction1(a, b):
    return a * b - 4.1 * a > 2.5 * b


def fonction2(a, b):
    return np.sin(a) + np.arcsinh(a / b)


# The course runs its Python loops at N = 200: about 100 times longer at 2000.
PYTHON_LOOPS_MAX = 300

if what == "conv":
    f = np.arange(size * size, dtype=np.int64).reshape((size, size))
    g = np.arange(81, dtype=np.int64).reshape((9, 9))
    save = save_as("<i8")
    if size <= PYTHON_LOOPS_MAX:
        time_it("conv", "python", lambda: convolve_python(f, g), save)
    else:
        report["notes"].append(
            f"python (the course's loops) skipped above N = {PYTHON_LOOPS_MAX}: "
            "the course times it at N = 200 (--size 200)"
        )
    nb = optional("numba")
    if nb:

        @nb.stencil(standard_indexing=("g",), neighborhood=((-4, 4), (-4, 4)))
        def convolve_kernel(f, g):
            smax = g.shape[0]
            tmax = g.shape[1]
            smid = smax // 2
            tmid = tmax // 2
            h = 0
            for s in range(smax):
                for t in range(tmax):
                    h += g[s, t] * f[s - smid, t - tmid]
            return h

        @nb.jit(nopython=True, nogil=True, cache=False, parallel=True)
        def convolve_numba(f, g):
            if g.shape[0] % 2 != 1 or g.shape[1] % 2 != 1:
                raise ValueError("Only odd dimensions on filter supported")
            return convolve_kernel(f, g)

        time_it("conv", "numba", lambda: convolve_numba(f, g), save)
else:
    a = np.arange(1, size, dtype=np.float64)
    b = np.arange(1, size, dtype=np.float64)
    as_bool, as_f64 = save_as("u1"), save_as("<f8")
    time_it("fonction1", "numpy", lambda: fonction1(a, b), as_bool)
    time_it("fonction2", "numpy", lambda: fonction2(a, b), as_f64)
    ne = optional("numexpr")
    if ne:
        time_it("fonction1", "numexpr", lambda: ne.evaluate("a*b-4.1*a > 2.5*b"), as_bool)
        time_it("fonction2", "numexpr", lambda: ne.evaluate("sin(a) + arcsinh(a/b)"), as_f64)
    nb = optional("numba")
    if nb:
        nb_fonction1 = nb.jit(nopython=True, nogil=True, cache=False, parallel=True)(fonction1)
        nb_fonction2 = nb.jit(nopython=True, nogil=True, cache=False, parallel=True)(fonction2)
        time_it("fonction1", "numba", lambda: nb_fonction1(a, b), as_bool)
        time_it("fonction2", "numba", lambda: nb_fonction2(a, b), as_f64)

print(json.dumps(report))
