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
python-excerpt = this Python is an excerpt of a course cell, shown and not run

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
