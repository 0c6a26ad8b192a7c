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
