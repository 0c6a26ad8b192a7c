# Runs a slide's Python blocks as notebook cells, in order, in one process
# (avance's src/python.rs writes CELLS, NEEDED and MARKER above this text). Each
# block: (role, source). Before each block the marker is printed, so that
# what each block printed can be told apart.
import ast
import sys
import traceback


def _echo(value):
    # As a notebook's Out[n]: the value of a final expression, unless None.
    if value is not None:
        print(repr(value))


def _run_cell(name, source, scope):
    tree = ast.parse(source, name)
    last = None
    if tree.body and isinstance(tree.body[-1], ast.Expr):
        last = tree.body.pop()
    exec(compile(tree, name, "exec"), scope)
    if last is not None:
        _echo(eval(compile(ast.Expression(last.value), name, "eval"), scope))


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


def _run_console(name, transcript, scope):
    # "single" mode: an expression's value is printed as the interpreter does.
    for statement in _statements(transcript):
        exec(compile(statement, name, "single"), scope)


def _run_raising(name, source, scope):
    try:
        _run_cell(name, source, scope)
    except Exception as error:
        print(traceback.format_exception_only(type(error), error)[-1], end="")
    else:
        raise AssertionError(f"{name} is marked python,raises but raised nothing")


_RUN = {"cell": _run_cell, "console": _run_console, "raises": _run_raising}

# Course cells the slide needs first (a name they define), quietly: what
# they print comes before the first marker and belongs to no block.
for _number, _source in enumerate(NEEDED, 1):
    try:
        exec(compile(_source, f"<needed cell {_number}>", "exec"), globals())
    except Exception:
        pass

for _number, (_role, _source) in enumerate(CELLS, 1):
    print(MARKER, flush=True)
    if _role == "excerpt":
        continue
    try:
        _RUN[_role](f"<cell {_number}>", _source, globals())
    except Exception as error:
        # The traceback from the cell's own frames on: this driver's are
        # not the course's.
        frames = error.__traceback__
        while frames is not None and frames.tb_frame.f_code.co_filename == "<string>":
            frames = frames.tb_next
        sys.stdout.flush()
        traceback.print_exception(type(error), error, frames)
        sys.exit(1)
