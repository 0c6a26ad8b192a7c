# The course's Python shell (avance's src/python/shell.rs writes MARKER above
# this text). It reads one JSON request a line on stdin and answers each
# with the marker, a newline before it, then a JSON status on stdout, and
# the marker alone on stderr, so that avance knows where each request's
# output ends on both pipes.
#
# With IPython, cells run in one InteractiveShell as the course ran them:
# magics, `!cmd`, a final expression echoed. Without it, plain exec runs
# what it can in one namespace.
import ast
import builtins
import importlib.abc
import importlib.util
import json
import os
import signal
import sys
import traceback

try:
    from IPython.core.interactiveshell import InteractiveShell
except ImportError:
    InteractiveShell = None


def _statements(transcript):
    # The `>>>` lines of a transcript with their `...` continuations; the
    # other lines are what the interpreter answered.
    statement = None
    for line in transcript.splitlines():
        if line.startswith(">>>"):
            if statement is not None:
                yield statement
            statement = line[4:] + "\n"
        elif line.startswith("...") and statement is not None:
            statement += line[4:] + "\n"
        else:
            if statement is not None:
                yield statement
            statement = None
    if statement is not None:
        yield statement


class Plain:
    """python3 alone: exec in one namespace, a final expression echoed."""

    name = "python3"

    def __init__(self):
        self.scope = {"__name__": "__main__"}

    def cell(self, name, source):
        try:
            tree = ast.parse(source, name)
            last = None
            if tree.body and isinstance(tree.body[-1], ast.Expr):
                last = tree.body.pop()
            exec(compile(tree, name, "exec"), self.scope)
            if last is not None:
                value = eval(compile(ast.Expression(last.value), name, "eval"), self.scope)
                if value is not None:
                    print(repr(value))
        except BaseException as error:
            return error
        return None

    def console(self, name, transcript):
        # "single" mode: an expression's value is printed as the interpreter does.
        try:
            for statement in _statements(transcript):
                exec(compile(statement, name, "single"), self.scope)
        except BaseException as error:
            return error
        return None

    def show(self, error):
        # The traceback from the cell's own frames on: this driver's are
        # not the course's.
        frames = error.__traceback__
        while frames is not None and frames.tb_frame.f_code.co_filename == "<string>":
            frames = frames.tb_next
        traceback.print_exception(type(error), error, frames)

    def namespace(self):
        return self.scope


class IPythonShell:
    """IPython's InteractiveShell, set to print as a plain script would."""

    name = "IPython"

    def __init__(self):
        self.shell = InteractiveShell.instance(colors="NoColor")
        # No `Out[n]:` before an echoed value, as python3 prints it. (A
        # cache_size of 0 would drop the prompt too, but also `_`, which the
        # course's transcripts use.)
        self.shell.displayhook.write_output_prompt = lambda: None
        # The echo is repr(), as python3 prints it, not IPython's pretty
        # printer (which sorts sets and wraps long lists).
        self.shell.display_formatter.formatters["text/plain"].pprint = False
        self.error = None
        self.quiet_errors = False
        self.shell._showtraceback = self._showtraceback
        # `!cmd` writes to this process's stdout as a terminal's IPython
        # does; the default goes through a pseudo-terminal (pexpect), whose
        # lines end in "\r\n".
        self.shell.system = self.shell.system_raw

    def _showtraceback(self, etype, evalue, stb):
        if not self.quiet_errors:
            print(self.shell.InteractiveTB.stb2text(stb), file=sys.stderr)

    def _run(self, source):
        result = self.shell.run_cell(source, store_history=True)
        return result.error_before_exec or result.error_in_exec

    def cell(self, name, source):
        if source.lstrip().startswith("%%cython"):
            self._load_cython()
        return self._run(source)

    def _load_cython(self):
        # The course's notebook loaded Cython's magic in a cell that the
        # lessons do not show (`%load_ext Cython`): load it before the
        # first `%%cython`, as that cell did.
        if "cython" not in self.shell.magics_manager.magics["cell"]:
            self.shell.run_line_magic("load_ext", "Cython")

    def console(self, name, transcript):
        for statement in _statements(transcript):
            error = self._run(statement)
            if error is not None:
                return error
        return None

    def raising(self, name, source):
        self.quiet_errors = True
        try:
            return self._run(source)
        finally:
            self.quiet_errors = False

    def show(self, error):
        pass  # IPython showed it already

    def namespace(self):
        return self.shell.user_ns


class _OldIpytest(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """`import ipytest.magics` where ipytest no longer has it.

    The course ran ipytest 0.8, whose `ipytest.magics` added the cell magic
    `%%run_pytest` (and `%%run_pytest[clean]`, one name); today's ipytest
    has `%%ipytest`, which cleans the old tests too. Last on the import
    path: an ipytest that still has the module is imported as it is.
    """

    def find_spec(self, name, path, target=None):
        if name != "ipytest.magics":
            return None
        return importlib.util.spec_from_loader(name, self)

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        import ipytest
        from ipytest._impl import ipytest_magic

        # Only the magic line's options, as then: no colours, no added -q.
        ipytest.autoconfig(addopts=())
        for name in ("run_pytest", "run_pytest[clean]"):
            SHELL.shell.register_magic_function(ipytest_magic, "cell", name)


def _magic_sources(tree):
    # The Python inside `%timeit EXPR` and other magics, which IPython's
    # transformation leaves as string arguments, with the magic's line.
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("run_line_magic", "run_cell_magic")
        ):
            for argument in node.args[1:]:
                if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                    yield node.lineno, argument.value


def _names(source, loaded, bound, line=0):
    # Names loaded, as (line, column, name), and names bound anywhere.
    if InteractiveShell is not None:
        source = SHELL.shell.transform_cell(source)
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            if isinstance(node.ctx, ast.Load):
                loaded.append((line or node.lineno, node.col_offset, node.id))
            else:
                bound.append(node.id)
        elif isinstance(node, ast.arg):
            bound.append(node.arg)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.append(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                bound.append((alias.asname or alias.name).split(".")[0])
    for at, inner in _magic_sources(tree):
        _names(inner, loaded, bound, line or at)


def missing(sources):
    """Names the sources use, in order of use, that neither they nor the
    shell define."""
    bound, found = [], []
    for source in sources:
        loaded = []
        _names(source, loaded, bound)
        for _, _, name in sorted(loaded):
            if name not in found:
                found.append(name)
    known = set(bound) | set(SHELL.namespace()) | set(dir(builtins))
    return [name for name in found if name not in known]


def run(request):
    name, role, source = request["name"], request["role"], request["source"]
    if role == "raises":
        raising = getattr(SHELL, "raising", SHELL.cell)
        error = raising(name, source)
        if error is None:
            print(f"{name} is marked python,raises but raised nothing", file=sys.stderr)
            return False
        print(traceback.format_exception_only(type(error), error)[-1], end="")
        return True
    error = (SHELL.console if role == "console" else SHELL.cell)(name, source)
    if error is None:
        return True
    sys.stdout.flush()
    SHELL.show(error)
    return False


def answer(request):
    op = request["op"]
    if op == "run":
        return {"ok": run(request)}
    if op == "missing":
        return {"ok": True, "names": missing(request["sources"])}
    if op == "has":
        return {"ok": importlib.util.find_spec(request["module"]) is not None}
    return {"ok": False, "error": f"unknown request {op}"}


def _reply(request):
    # Ctrl-C reaches this child with the terminal's SIGINT: while a request
    # runs it stops the cell (KeyboardInterrupt); between requests (avance
    # runs the slide's Rust, say) it is ignored, so that no answer comes
    # that nothing asked for.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        return answer(request)
    except KeyboardInterrupt:
        return {"ok": False, "interrupted": True}
    except Exception as error:
        traceback.print_exc()
        return {"ok": False, "error": str(error)}
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def _requests():
    # The requests come on a copy of stdin; the cells, and the programs
    # they start (`!cmd`, subprocess), read an empty stdin instead, so that
    # none of them can swallow a request or wait for input that never comes.
    requests = os.fdopen(os.dup(0), "r", encoding="utf-8")
    empty = os.open(os.devnull, os.O_RDONLY)
    os.dup2(empty, 0)
    os.close(empty)
    sys.stdin = open(0, "r", closefd=False)
    return requests


def serve():
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    requests = _requests()
    print(MARKER + json.dumps({"ok": True, "shell": SHELL.name}), flush=True)
    print(MARKER, file=sys.stderr, flush=True)
    for line in requests:
        reply = _reply(json.loads(line))
        sys.stdout.flush()
        sys.stderr.flush()
        print("\n" + MARKER + json.dumps(reply), flush=True)
        print("\n" + MARKER, file=sys.stderr, flush=True)


SHELL = IPythonShell() if InteractiveShell is not None else Plain()
if InteractiveShell is not None:
    sys.meta_path.append(_OldIpytest())
serve()
