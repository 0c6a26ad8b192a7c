"""Executes notebooks headless with nbclient, each on the kernel its
metadata names (`rust`, evcxr's; `python3` for `--python`'s):
`avance notebook --execute` runs it on the notebooks it wrote, and
tests/notebook.rs on the course's.

Usage: execute.py OUT_DIR NOTEBOOK...

Each notebook runs in a fresh kernel, its cells in order; cells tagged
`skip-execution` are skipped. A cell fails on an error, and on a panic
(which evcxr reports on stderr only) unless it is tagged
`raises-exception`, in which case it must panic or raise.
The executed notebooks are written to OUT_DIR with their outputs (through a
temporary file, so OUT_DIR may be the notebooks' own folder), even when a
cell failed; each failure is printed, and the exit status is 1 if any.
The first cell (`avance.setup` in its metadata) compiles the lesson's crates
and may take minutes; every other cell gets CELL_TIMEOUT seconds.
"""

import os
import sys
import tempfile
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError

SETUP_TIMEOUT = 1200
CELL_TIMEOUT = int(os.environ.get("AVANCE_NOTEBOOK_CELL_TIMEOUT", "300"))


def timeout_of(cell):
    if cell.get("metadata", {}).get("avance", {}).get("setup"):
        return SETUP_TIMEOUT
    return CELL_TIMEOUT


def what_failed(notebook):
    """The outputs of the cells that report an error: evcxr puts rustc's
    messages in them, not always in the error's value."""
    return "\n".join(
        outputs_of(cell)
        for cell in notebook.cells
        if any(output.get("output_type") == "error" for output in cell.get("outputs", []))
    )


def panicked(cell):
    """Whether the cell's code panicked: evcxr catches the panic, prints it
    on stderr and answers the cell as if it had succeeded."""
    return any(
        output.get("output_type") == "error"
        or (output.get("name") == "stderr" and "panicked at" in output.get("text", ""))
        for output in cell.get("outputs", [])
    )


def panics_unexpected(notebook):
    """What went wrong with panics: a cell that panicked without the
    `raises-exception` tag, or one with the tag that did not."""
    wrong = []
    for cell in notebook.cells:
        if cell.cell_type != "code" or "skip-execution" in cell.metadata.get("tags", []):
            continue
        expected = "raises-exception" in cell.metadata.get("tags", [])
        if panicked(cell) != expected:
            what = "did not panic" if expected else "panicked"
            wrong.append(f"cell {cell.get('id')} {what}:\n{cell.source}\n" + outputs_of(cell))
    return wrong


def outputs_of(cell):
    shown = []
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream":
            shown.append(f"[{output['name']}] {output['text']}")
        elif output.get("output_type") == "error":
            shown.append(f"[error] {output.get('ename')}: {output.get('evalue')}")
            shown.extend(output.get("traceback", []))
    return "\n".join(shown)


def write(notebook, path):
    """Writes `notebook` to `path` through a temporary file renamed over it."""
    fd, temporary = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".ipynb")
    with os.fdopen(fd, "w", encoding="utf-8") as file:
        nbformat.write(notebook, file)
    os.replace(temporary, path)


def main(out_dir, paths):
    failures = 0
    for path in paths:
        name = os.path.basename(path)
        notebook = nbformat.read(path, as_version=4)
        # The kernel starts in the notebook's folder, as Jupyter starts it:
        # the first cell's `:dep avance` path is relative to it.
        folder = os.path.dirname(os.path.abspath(path))
        client = NotebookClient(
            notebook,
            kernel_name=notebook.metadata.get("kernelspec", {}).get("name", "rust"),
            timeout_func=timeout_of,
            startup_timeout=120,
            resources={"metadata": {"path": folder}},
        )
        start = time.monotonic()
        try:
            client.execute()
            verdict = "ok"
        except (CellExecutionError, CellTimeoutError) as error:
            failures += 1
            verdict = "FAILED"
            print(f"{name}: a cell failed:\n{error}", file=sys.stderr)
            print(what_failed(notebook), file=sys.stderr)
        if verdict == "ok":
            wrong = panics_unexpected(notebook)
            if wrong:
                failures += 1
                verdict = "FAILED"
                print(f"{name}:\n" + "\n".join(wrong), file=sys.stderr)
        write(notebook, os.path.join(out_dir, name))
        print(f"{name}: {verdict} in {time.monotonic() - start:.1f} s", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
