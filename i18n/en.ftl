# avance's own words in English, the language every other falls back to.
# Each message id is used in src/ through tr!("id"); i18n/fr.ftl must have
# the same ids (a test checks both ways).

## The REPL: welcome, goodbye, moving.
welcome = Welcome to avance: Python idioms, in Rust.
welcome-back = Welcome back: you stopped here.
welcome-keys = Enter: next slide · :run runs the Rust · type Rust to run it live · :help for more
goodbye-saved = Progress saved. See you soon.
goodbye-not-saved = Progress NOT saved (see above why). See you soon.
goodbye-no-home = Progress not kept: there is no home folder to keep it in. See you soon.
end-of-course = This is the end of the course. Well done!
start-of-course = This is the first slide of the course.
now-in-lesson = Now in lesson: { $title }
help-title = Commands (Enter on an empty line: next slide; Tab completes):
lang-current = The course is in { $code }; the languages: { $all }. `:lang fr` switches.
lang-unavailable = this session cannot change its language

## Slides, wherever they are shown.
lesson-title = Lesson { $number } · { $title }
notes-label = Notes:
label-prints = It prints
label-refused = rustc refuses it with
label-solution = Rust · a solution
label-python = Python
label-code = code
label-rust = Rust
label-rust-no-run = Rust · compiled, not run
label-rust-ignore = Rust · not compiled
label-rust-should-panic = Rust · panics on purpose
label-rust-compile-fail = Rust · does not compile, on purpose
label-exercise = Exercise · your code starts here
graded-by = { $count ->
    [one] Graded by a hidden test that calls your code.
   *[other] Graded by { $count } hidden tests that call your code.
}
label-python-output = Python output
label-hint = Hint
label-solution-short = Solution
html-keys = ← → move · n notes · p Python
output-of = Output of { $id }
output-of-slide = Output of slide { $number }
list-status = { $seen }/{ $slides } slides seen, { $run }/{ $runnable } snippets run
list-solved = , { $solved }/{ $exercises } exercises solved

## The presenter and the speaker's view.
keys-title = Keys
keys-close = Any key closes this list.
notes-head = Speaker notes · { $number } { $title }
notes-now = Now
notes-next = Next
notes-last-slide = (this is the last slide)
notes-following = following the presenter
notes-elsewhere = the presenter shows { $other }, not { $lesson }
notes-waiting = waiting for `avance present { $slug }` in another terminal
notes-none = (no notes on this slide)
notes-more = … (the notes go on: a taller terminal shows them all)
notes-quit = q quits

## The presenter's keys, as ? lists them.
key-next = next slide
key-previous = previous slide
key-goto = go to slide 3
key-first-last = first, last slide
key-scroll = scroll a long slide
key-run = run the slide's Rust; its output shows under the code
key-python = show or hide the Python
key-notes = show or hide the speaker notes
key-solution = show or hide an exercise's solution
key-black = black screen until any key
key-timer = start the timer in the footer, or set it back to 0:00
key-help = show or hide this list
key-quit = quit

## The REPL's commands, as :help lists them (command-NAME).
command-next = next slide (or just press Enter)
command-prev = previous slide
command-goto = slide N of this lesson
command-lesson = open a lesson: number, name or prefix, and /SLIDE
command-lessons = list the lessons and your progress
command-run = run this slide's Rust
command-timeit = time this slide's Rust, or live Rust, as IPython's %timeit
command-edit = put this slide's Rust (or its Nth snippet, or your answer to its exercise) in the input line
command-vars = list the live variables and their types
command-dep = add a crate to live Rust: :dep regex = "1", :dep ./my-crate
command-reset = restart live Rust and the Python shell: forget every variable and item
command-check = grade your answer to this slide's exercise with its hidden tests
command-exercise = open your answer to this slide's exercise in $EDITOR, then grade it
command-hint = the exercise's next hint
command-solution = show the exercise's reference answer
command-show = show this slide again
command-more = show this slide with its long code whole (folded at first)
command-python = run this slide's Python in the lesson's IPython shell, then its Rust
command-originals = show or hide the Python originals
command-notes = show or hide the speaker notes
command-help = this list
command-quit = save and leave (Ctrl-D too)
command-lang = the course's language, or switch it: :lang fr, :lang en

## The notebooks' own lines.
notebook-hint = Hint { $number }
notebook-solution = Solution
notebook-excerpt-here = An excerpt of a cell of this slide, shown and not run:
notebook-excerpt-of = An excerpt of the cell of slide { $number } (“{ $title }”), shown and not run:
notebook-excerpt = An excerpt of a course cell, shown and not run:
notebook-console = An interpreter session, one cell per statement:
notebook-raises = This cell raises an exception, on purpose.
notebook-wrapped-thread = It prints its thread's name, `main` in a program; evcxr runs cells on another thread.
notebook-wrapped-macro = In a function: evcxr orders a cell's items by name, and a macro must come before its use.
notebook-wrapped-drop = In a function: its values print when dropped, at the function's end; evcxr would keep them.
notebook-wrapped-borrow = In a function: evcxr cannot keep a closure or a borrow for the next cell.
notebook-wrapped-generic = In a function: evcxr must write a kept variable's type, and cannot always write a generic one.

## The presenter's status row and footer.
status-goto = go to slide { $typed }⏎
status-above = ↑ { $count } more
status-below = ↓ { $count } more
status-scroll = { $parts } lines · ↑ ↓ scroll
footer-keys = ? keys
present-no-rust = no Rust to run on this slide
present-running = running the Rust of slide { $number }… (q stops it)
present-stopped = stopped: the run was cut short
present-compiled-only = compiled, not run
present-shown-only = shown, not run
present-no-slide = no slide { $typed }: this lesson has slides 1 to { $count }

## Errors and warnings, wherever they are printed.
error-prefix = error:
warning-prefix = warning:
interrupted-prefix = interrupted:
stopped-prefix = stopped:
panic-prefix = panic:
unknown-language = unknown language `{ $code }` { $origin }; avance speaks en (English) and fr (français)
lookup-unknown-lesson = no lesson `{ $query }`; the lessons are: { $known }
lookup-ambiguous = `{ $query }` matches several lessons: { $matches }; type more of the name
lookup-slide-out-of-range = lesson { $lesson } has slides 1 to { $count }; there is no slide { $slide }
progress-corrupt = progress file { $path } is unreadable ({ $reason }); it was kept as { $kept } and you start afresh
progress-unreadable = cannot read progress file { $path } ({ $reason }); you start afresh and it is left as it is
progress-corrupt-not-kept = progress file { $path } is unreadable ({ $reason }) and could not be kept aside; you start afresh
progress-unwritable = cannot save progress to { $path } ({ $reason }); carrying on without saving
cannot-create = cannot create { $path }: { $reason }
cannot-write = cannot write { $path }
cannot-read = cannot read { $path }
cannot-create-path = cannot create { $path }
cannot-take-ctrl-c = cannot take over Ctrl-C
already-exists = { $paths } already exists; pass --force to overwrite
present-needs-terminal = `avance present` takes over a terminal: run it in one (`avance show { $lesson }` prints the slides)
notes-needs-terminal = `avance notes` draws a full-screen view: run it in a terminal

## The REPL's input line and its commands.
command-unknown-suggest = unknown command `:{ $name }`; did you mean `:{ $suggestion }`? (:help lists the commands)
command-unknown = unknown command `:{ $name }` (:help lists the commands)
command-missing-argument = `:{ $name }` needs { $argument }: `:{ $name } { $argument }`
command-unexpected-argument = `:{ $name }` takes no argument, but got `{ $argument }`
line-ignored = { $why }; line ignored
line-not-utf8 = the line is not valid UTF-8
history-left-alone = the history file { $path } is left alone ({ $reason }); this session keeps no history
history-unsaved = cannot save history to { $path }: { $reason }
pager-failed = { $why }; long slides are printed whole from now on (set PAGER to a pager that works)
pager-ended = the pager { $pager } ended with { $status }

## :edit
edit-note = Edit the slide's Rust, then Enter runs it live:
edit-slide-not-editable = this slide's Rust { $why }; type your own
edit-no-rust = this slide has no Rust to edit; type your own
edit-snippet-not-editable = snippet { $number } of this slide { $why }
edit-take-another = { $why }; :edit { $number } takes one that runs
edit-no-such-snippet = no snippet `{ $typed }` on this slide: { $has }
edit-has-only-exercise = it has no Rust snippet, only an exercise: :edit puts your answer in the line
edit-has-none = it has no Rust snippet; type your own
edit-has-one = it has 1 Rust snippet: :edit or :edit 1
edit-has-two = it has 2 Rust snippets: :edit 1 or :edit 2
edit-has-many = it has { $count } Rust snippets: :edit 1 to :edit { $count }
edit-compile-fail = does not compile, on purpose: :run shows the compiler's refusal
edit-excerpt = is shown, not run: it is an excerpt of { $file }
edit-fragment = is shown, not run: it does not compile on its own

## Live Rust.
live-starting = live Rust is starting (evcxr compiles a first program)
live-no-vars = no live variables yet
live-restarted = live Rust restarted: every variable and item is forgotten
panic-nothing-lost = no variable was lost
panic-lost = lost with it: { $names } (moved into the code that panicked)
panic-goes-on = the code panicked; the session goes on, { $lost }
live-interrupted = the live code was stopped (Ctrl-C); a new process took its place and every variable was lost{ $lost }
live-died = the process running live code died ({ $why }); a new one took its place and every variable was lost{ $lost }
live-timed-out = the live code used more than its limit of { $seconds } s of processor time (input is not a terminal, so Ctrl-C cannot stop it; { $variable }=SECONDS changes the limit); a new process took its place and every variable was lost{ $lost }
variables-lost = variables lost: { $names }
thread-panicked = thread '{ $name }' panicked:
spawned-thread-panicked = a thread the code spawned panicked:

## :run, :python, :timeit
run-exercise-slide = this slide is an exercise: :edit puts your answer in the line (:exercise opens it in $EDITOR), :check grades it, :solution shows one
run-no-rust = this slide has no Rust to run; Enter moves on
run-no-python = this slide has no Python to run; Enter moves on
timeit-no-rust = this slide has no Rust to time; Enter moves on
python-shell-interrupted = interrupted: the cell did not stop, so its Python shell was stopped (Ctrl-C)
python-cell-interrupted = interrupted: the cell was stopped (Ctrl-C); the shell keeps what ran before it
python-shell-lost = { $error }; the next :python starts a new one
python-defined-elsewhere = { $name } is defined by the cell of { $place }: run that slide's Python first
ipython-missing = IPython not found: the cells run in plain python3, without magics (to install it: { $install })
python-shell-stopped = the Python shell stopped: the next :python starts a new one
python-runs-first = first runs the cell of { $place }, which defines { $name }
python-output = Python output of { $place } ({ $shell })
python-excerpt-of-slide = this Python is an excerpt, shown and not run: the whole cell is on slide { $number } (:goto { $number }, then :python)
python-excerpt-of-lesson = this Python is an excerpt, shown and not run: the whole cell is on slide { $place } (:lesson { $place }, then :python)
python-excerpt = this Python is an excerpt of a course cell, shown and not run

## The verdict on a snippet: :run, avance run, :timeit and check's reasons.
verdict-panicked-as-intended = panicked, as this slide intends:
verdict-refused-as-intended = rustc refuses it, as this slide intends:
verdict-no-rustc = This Rust is meant not to compile; rustc is not installed here to show why.
verdict-rustc-unrunnable = could not run rustc: { $why }
verdict-meant-to-panic = the snippet was meant to panic, but finished
verdict-panicked = the snippet panicked:
verdict-returned-error = the snippet returned an error:
verdict-output-differs = the snippet's output is not what its output block (line { $line }) says:
verdict-process-ended = the snippet's process ended with { $status }
verdict-panicked-while-timed = the snippet panicked while being timed
run-interrupted = interrupted: { $id } was stopped (Ctrl-C)
timeit-panics-on-purpose = { $id } panics on purpose; there is nothing to time
timeit-interrupted = interrupted: the timing of { $id } was stopped (Ctrl-C)
wrong-should-panic = it finished, but it is marked should_panic
wrong-panicked = it panicked:
wrong-returned-error = it returned an error:
wrong-exit-status = it failed with exit status { $code }:
wrong-signal = it was killed by a signal:
wrong-timed-out = killed after { $seconds } s without finishing
wrong-output-differs = stdout differs from the output block at line { $line }:
wrong-compiled = it compiled, but it is marked compile_fail
wrong-refused-without = rustc refused it, but without { $missing }:
wrong-needs-the-crate = compile_fail snippets are compiled alone, with std only; this one needs the avance crate:
check-cannot-start = could not start { $exe }: { $why }
check-hint-gives-away = hint { $hint } gives away the solution's line `{ $line }`; a hint nudges, it does not answer
check-skipped-exercises = SKIPPED: rustc not found; exercises need it
check-skipped-compile-fail = SKIPPED: rustc not found; compile_fail snippets need it
check-skipped-because = SKIPPED: { $why }
check-starter-name = the starter
check-starter-passes = the starter already passes every hidden test: the exercise asks nothing
check-python-failed = the Python failed:
check-python-differs = the Python's stdout differs from the python-output block at line { $line }:
check-python-stopped = the Python stopped before this block:

## Why live Rust, the Python, grading or a snippet cannot go on.
word-and = and
live-not-started = live Rust has not started
live-off = live Rust is off ({ $var }={ $value }); commands still work
live-no-toolchain = live Rust needs a Rust toolchain ({ $missing } not found on PATH; https://rustup.rs); the slides' compiled snippets still run with :run
live-build-folder = live Rust cannot use its build folder { $path }: { $reason }
live-thread = cannot start live Rust's thread: { $why }
live-program-path = cannot find this program's path: { $why }
live-crates = cannot load the lessons' crates: { $why }
live-could-not-start = live Rust could not start ({ $why })
live-stopped = live Rust stopped unexpectedly
python-not-found = { $program } not found: running the course's Python needs python3 (or set AVANCE_PYTHON)
python-unstartable = { $program } could not be started: { $message }
python-none = the slide has no Python
python-timed-out = a cell ran past { $seconds } s: its Python shell was stopped
python-killed = the cell did not stop on Ctrl-C: its Python shell was stopped
python-needs-ipython = this Python uses IPython's magics, and IPython is not installed ({ $install })
python-needs-cuda = this Python needs pycuda and an NVIDIA GPU, which are not both here (python3 -m pip install pycuda, where a GPU is)
python-needs-module = this Python imports `{ $module }`, which this python3 cannot find: it is not installed here, or an earlier cell of the course builds it
python-needs-failed-cell = this slide needs `{ $name }`, which the course's cell of { $place } defines, but that cell fails here ({ $why })
grade-no-rustc = rustc is not installed here, and exercises are graded by compiling them: install Rust from rustup.rs
grade-io = could not compile or run the answer: { $why }
not-runnable-not-compiled = snippet { $id } is not compiled into this program (marked ignore or compile_fail)
not-runnable-no-run = snippet { $id } is compiled but not run (marked no_run)
not-runnable-stale = snippet { $id } was edited since this program was built; rebuild it (cargo build) to run the new code
not-runnable-not-built-in = snippet { $id } is new: this program was built without it; put its lesson in lessons/ and rebuild (cargo build) to run it

## Exercises: answering, hints, grading.
answer-note = Your answer: Enter keeps it and grades it with the hidden tests.
answer-none = write your answer first: :edit puts the starter in the line, :exercise opens it in $EDITOR
answer-name = your answer
answer-not-kept = your answer could not be kept: { $why }
answer-no-folder = there is no state folder to keep the answer's file in; use :edit to answer in the line
answer-file-unwritable = cannot write the answer's file: { $why }
exercise-none = this slide has no exercise
exercise-none-to-check = this slide has no exercise to check
editor-none = no editor is set: set $EDITOR (or $VISUAL) to yours, or use :edit to answer in the line
editor-opening = Opening { $path } in { $editor }...
editor-failed = { $editor } ended with { $status }; answer not graded
editor-unstartable = cannot start the editor `{ $editor }`: { $why }
solved-go-on = Enter goes on to the next slide
not-yet-with-hint = :edit changes your answer, :hint gives a hint, :solution shows one
not-yet = :edit changes your answer, :solution shows one
hint-count = Hint { $shown }/{ $count }:
hint-none = this exercise has no hints; :solution shows an answer
hint-no-more = no more hints; :solution shows an answer
solution-note = (:edit, then type it or your own version)
grade-solved = Solved:
grade-one-case = the one case
grade-every-case = every case ({ $count })
grade-pass = { $which } pass. Well done!
grade-refused = Not yet: rustc refuses your answer.
grade-not-yet = Not yet:
grade-cases-pass = { $passed } of { $total } cases pass.
grade-printed = It printed:
grade-more-lines = … and { $count } more lines
failure-what = { $what } should be { $expected }, and is { $got }
failure-expected = expected { $expected }, got { $got }
failure-todo = your code reached a `todo!()`; write that part
failure-panicked = it panicked: { $message }
failure-never-finished = it did not finish; it was stopped (an endless loop runs until Ctrl-C or the { $seconds } s limit)
failure-crashed = the program died in it (a stack overflow from endless recursion?)

## The commands' output.
config-broken-theme = { $error }; the theme is chosen as if it were absent
check-checking = checking
check-skipped = skipped
check-failed = FAILED
check-tally = check: { $passed } passed, { $failed } failed, { $skipped } skipped
check-some-failed = { $failed } snippet(s) do not do what their lesson says
check-no-ipython = IPython not found with { $python }: the course's Python runs in python3 alone, its magic cells skipped (to install it: { $install })
exercise-lesson-has-none = lesson { $lesson } has no exercises
exercise-no-such = no exercise `{ $number }` in lesson { $lesson }: it has { $count }, numbered from 1 (e.g. { $typed }/1)
exercise-file-unwritable = cannot write the answer's file
exercise-no-state-folder = there is no state folder to write the answer's file in (set AVANCE_HOME)
exercise-your-answer = Your answer:
exercise-watch-keys = Edit it in your editor; every save is graded. Ctrl-C stops.
exercise-next = On to the next exercise.
exercise-stopped = Stopped watching; your answer is kept.
exercise-last = That was the course's last exercise. Well done!
wrote = wrote
export-snippets-run = ({ $count } snippets run)
export-snippet-differs = { $id } did not do what its slide says; the page shows what it did
export-running = running { $lesson }
bench-interrupted = interrupted: the bench stopped (Ctrl-C); the measurement under way was dropped

## The tables of avance bench (the units, GMAC/s and GB/s, are not translated).
bench-engine = engine
bench-median = median
bench-spread = spread (best – worst)
bench-vs-naive = vs naive
bench-equal = equal to naive
bench-machine-limits = machine limits,
bench-limit = limit
bench-rate = rate
bench-gpu = GPU:
bench-floor = floor,
bench-kernel = kernel
bench-kernel-only = kernel only
bench-times-floor = × floor
bench-end-to-end = end to end
bench-pinned = pinned
bench-vs-best-cpu = vs best CPU
bench-vs-best-cpu-note = vs best CPU: kernel only / end to end, against the fastest CPU engine above

## clap's help: the descriptions of the commands (cli-COMMAND) and their
## arguments (cli-COMMAND-ARGUMENT); a test checks they are the doc comments.
cli-heading-usage = Usage:
cli-heading-commands = Commands
cli-heading-options = Options
cli-heading-arguments = Arguments
cli-help-flag = Print help
cli-version-flag = Print version
cli-after-help = Without a command, opens the course where you stopped.
cli = An advanced-Python course taught as an interactive terminal tutorial, every idiom beside its Rust equivalent
cli-lessons = Read lessons from this folder instead of the ones built in (for authors)
cli-color = When to use colour; NO_COLOR in the environment means never
cli-theme = The code's colours for a dark or a light terminal [default: `theme` in config.toml, else COLORFGBG, else the terminal's answer, else dark]
cli-lang = The course's language: en or fr [default: AVANCE_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]
cli-list = List the lessons with their slide counts and your progress
cli-show = Print a lesson, or one slide of it: LESSON or LESSON/SLIDE (e.g. 1/3, underscore/3)
cli-show-notes = Include the speaker notes
cli-show-full = Show long code blocks whole instead of their first lines
cli-run = Run a lesson's Rust snippets (or one slide's), showing each with its output
cli-present = Present a lesson full screen, for a room: arrows to move, r runs the Rust, ? lists the keys
cli-present-lesson = LESSON, or LESSON/SLIDE to start there (e.g. underscore, 1/3)
cli-present-slide = Start at this slide (1-based)
cli-notes = The speaker's view for a second terminal: the notes of the slide `avance present` shows, the next title, a clock
cli-export = Write a lesson (or all) as self-contained HTML slides, each snippet's output captured now
cli-export-lesson = The lesson to export (e.g. underscore, 1)
cli-export-all = Export every lesson, and an index.html linking them
cli-export-html = Write NN-slug.html files into this folder (created if missing)
cli-export-force = Overwrite files that exist already
cli-notebook = Write a lesson (or all) as Jupyter notebooks for the evcxr Rust kernel
cli-notebook-lesson = The lesson to export (e.g. underscore, 1)
cli-notebook-all = Export every lesson
cli-notebook-output = Write NN-slug.ipynb files into this folder (created if missing)
cli-notebook-force = Overwrite files that exist already
cli-notebook-avance_path = Where the notebooks' first cell finds the `avance` crate (a relative path starts from the notebooks' folder, where Jupyter runs the kernel); by default this program's source, relative to DIR
cli-notebook-vendor = Copy the light `avance` crate into DIR/avance and load it from there, so that DIR can be zipped and handed out whole
cli-notebook-python = Also write each lesson's Python as a notebook for the Python kernel, NN-slug.python.ipynb beside the Rust one
cli-notebook-execute = Run every notebook on the evcxr kernel (Jupyter's nbclient) and keep each cell's outputs, so it opens with its results
cli-exercise = Work on an exercise in your editor: LESSON or LESSON/N; every save is graded
cli-exercise-target = LESSON or LESSON/N: a lesson (number, name or prefix) and which of its exercises, from 1 (e.g. ownership/2)
cli-check = Check that every snippet prints what its lesson says (all lessons, or one)
cli-check-lesson = One lesson (e.g. underscore, 1); every lesson without it
cli-bench = Time the convolution, the element-wise functions, the machine or the parallel variants
cli-bench-conv = The course's 2-D convolution, N×N int64 with a 9×9 filter
cli-bench-conv-size = Image side
cli-bench-conv-engine = Only these engines (repeat, or separate with commas)
cli-bench-conv-runs = Timed runs per engine
cli-bench-conv-python = Also time the course's own Python versions (numpy; numexpr and Numba when installed) in python3
cli-bench-conv-json = Print JSON instead of a table
cli-bench-conv-gpu = Also run the CUDA kernels; without a GPU, says why in one line
cli-bench-elementwise = The course's fonction1 and fonction2 on a = b = 1..N as f64
cli-bench-elementwise-size = Array end: a = b = 1..SIZE
cli-bench-elementwise-engine = Only these engines (repeat, or separate with commas)
cli-bench-elementwise-runs = Timed runs per engine
cli-bench-elementwise-python = Also time the course's own Python versions (numpy; numexpr and Numba when installed) in python3
cli-bench-elementwise-json = Print JSON instead of a table
cli-bench-machine = This machine's limits: peak multiply-add rates and memory bandwidth
cli-bench-machine-runs = Timed runs per limit
cli-bench-machine-json = Print JSON instead of a table
cli-bench-parallel = The course's heavy_fonction calls on every parallel variant, then as CPU-bound work on 1, 2, ... threads
cli-bench-parallel-size = heavy_fonction calls
cli-bench-parallel-engine = Only these variants (repeat, or separate with commas)
cli-bench-parallel-runs = Timed runs per variant (the CPU-bound work takes at least 3)
cli-bench-parallel-workers = Workers: threads, processes or the second rayon pool
cli-mpi-demo = The parallelism lesson's MPI demo: run it as `mpirun -n 4 avance mpi-demo`
cli-mpi-demo-calls = How many heavy_fonction calls, shared among the ranks
cli-i18n = The translators' tools: extract the messages, update a catalog, import translated lessons, report
cli-i18n-po = The catalogs' folder [default: po; `report` reads the catalog built into the program unless this is given]
cli-i18n-extract = Write DIR/messages.pot: every heading, paragraph, list item, table cell, note and hint of the lessons
cli-i18n-update = Bring DIR/LANG.po (and DIR/messages.pot) up to date with the lessons: new messages added, changed ones marked fuzzy
cli-i18n-update-language = The catalog's language
cli-i18n-import = Make DIR/LANG.po from translated copies of lesson files (FOLDER/NN-slug.md, the same blocks in the same order)
cli-i18n-import-language = The catalog's language
cli-i18n-import-folder = The folder of translated lesson files
cli-i18n-report = How complete a language is, lesson by lesson
cli-i18n-report-language = The catalog's language
cli-i18n-report-strict = Fail unless every message is translated and none is fuzzy
cli-completions = Print the shell's completion script: `source <(avance completions bash)`
cli-completions-shell = bash, zsh, fish, elvish or powershell
cli-man = Print the manual page (roff): `avance man | man -l -`
cli-man-command = A command's own page (`list`, `bench`...) instead of the main one
cli-man-dir = Write every page into this folder instead of printing one
