//! The REPL driven over piped stdin: navigation, running snippets, every
//! kind of bad input, and progress that survives restarts and damage.

mod common;

use std::fs;

use common::{avance, repl};

#[test]
fn enter_and_commands_move_through_the_slides() {
    let home = tempfile::tempdir().unwrap();
    let out = repl(home.path(), ":lesson 1\n\n   \n:prev\n:goto 5\n:p\n:n\n");
    let prompts: Vec<&str> = out
        .lines()
        .filter_map(|l| l.strip_prefix("underscore "))
        .map(|l| &l[..4])
        .collect();
    assert_eq!(prompts, ["1/18", "2/18", "3/18", "2/18", "5/18", "4/18"]);
    assert!(out.contains("Digit separators: 10_000"), "{out}");
    assert!(out.contains("─── Underscore idioms · 5/18"), "{out}");
}

#[test]
fn run_prints_the_snippet_output() {
    let home = tempfile::tempdir().unwrap();
    let out = repl(home.path(), ":lesson 1\n:goto 2\n:run\n");
    assert!(
        out.contains("Output of 01-underscore/2\n10000 1000000 65535 170 9.80665\n"),
        "{out}"
    );
}

#[test]
fn a_panicking_snippet_is_reported_and_the_repl_goes_on() {
    let home = tempfile::tempdir().unwrap();
    let out = repl(home.path(), ":lesson 1\n:goto 3\n:run\n:next\n");
    assert!(
        out.contains(
            "parsing \"10_000\"\npanicked, as this slide intends: called `Result::unwrap()`"
        ),
        "{out}"
    );
    assert!(out.contains("(at lessons/01-underscore.md:60)"), "{out}");
    assert!(
        out.contains("underscore 3/18 ❯ :next\n─── Underscore idioms · 4/18"),
        "{out}"
    );
}

#[test]
fn bad_commands_get_one_clear_line_and_change_nothing() {
    let home = tempfile::tempdir().unwrap();
    let input = ":lesson 1\n:nxt\n:zzzz\n:goto 99\n:goto\n:next 3\n:lesson nope\nprint(1)\n:run\n";
    let out = repl(home.path(), input);
    for expected in [
        "error: unknown command `:nxt`; did you mean `:next`? (:help lists the commands)",
        "error: unknown command `:zzzz` (:help lists the commands)",
        "error: lesson 01-underscore has slides 1 to 18; there is no slide 99",
        "error: `:goto` needs N: `:goto N`",
        "error: `:next` takes no argument, but got `3`",
        "error: no lesson `nope`; the lessons are: 00-ownership, 01-underscore",
        "error: live Rust is off (AVANCE_LIVE=off); commands still work",
        "error: this slide has no Rust to run; Enter moves on",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in:\n{out}");
    }
    assert!(
        out.lines()
            .filter(|l| l.starts_with("underscore "))
            .all(|l| l.starts_with("underscore 1/18")),
        "{out}"
    );
}

#[test]
fn a_non_utf8_line_is_ignored() {
    let home = tempfile::tempdir().unwrap();
    let out = repl(home.path(), b":lesson 1\n\xff\xfe\n:next\n".to_vec());
    assert!(
        out.contains("error: the line is not valid UTF-8; line ignored"),
        "{out}"
    );
    assert!(out.contains("─── Underscore idioms · 2/18"), "{out}");
}

#[test]
fn the_end_of_the_course_is_said_and_nothing_moves() {
    let home = tempfile::tempdir().unwrap();
    // A course of one lesson, so that its last slide is the course's.
    let lessons = home.path().join("lessons");
    fs::create_dir(&lessons).unwrap();
    fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/lessons/01-underscore.md"),
        lessons.join("01-underscore.md"),
    )
    .unwrap();
    let output = avance(home.path())
        .arg("--lessons")
        .arg(&lessons)
        .write_stdin(":goto 18\n\n:prev\n")
        .output()
        .unwrap();
    let out = String::from_utf8(output.stdout).unwrap();
    assert!(
        out.contains("This is the end of the course. Well done!"),
        "{out}"
    );
    assert!(out.contains("─── Underscore idioms · 17/18"), "{out}");
}

#[test]
fn the_last_slide_of_a_lesson_leads_to_the_next_lesson_and_back() {
    let home = tempfile::tempdir().unwrap();
    let lessons = home.path().join("lessons");
    fs::create_dir(&lessons).unwrap();
    fs::write(
        lessons.join("01-first.md"),
        "# First\n\nIntro.\n\n## Last\n\nEnd.\n",
    )
    .unwrap();
    fs::write(lessons.join("05-second.md"), "# Second\n\nNext.\n").unwrap();
    let output = avance(home.path())
        .arg("--lessons")
        .arg(&lessons)
        .write_stdin(":goto 2\n\n:prev\n")
        .output()
        .unwrap();
    let out = String::from_utf8(output.stdout).unwrap();
    assert!(out.contains("Now in lesson: Second"), "{out}");
    assert!(out.contains("second 1/1"), "{out}");
    assert!(
        out.contains("Now in lesson: First\n─── First · 2/2"),
        "{out}"
    );
}

#[test]
fn help_lists_every_command() {
    let home = tempfile::tempdir().unwrap();
    let out = repl(home.path(), ":help\n");
    for command in [
        ":next",
        ":prev",
        ":goto N",
        ":lesson NAME",
        ":lessons",
        ":run",
        ":timeit",
        ":python",
        ":originals",
        ":notes",
        ":quit",
    ] {
        assert!(out.contains(command), "{command} missing from:\n{out}");
    }
}

/// `:edit` skips a library excerpt for the snippet that runs, `:edit N`
/// takes the N-th, and shown-only Rust is refused in one line saying why.
#[test]
fn edit_takes_rust_that_runs_and_says_why_not_for_rust_only_shown() {
    let home = tempfile::tempdir().unwrap();
    let input = ":lesson 24/5\n:edit\n:quit\n";
    let out = repl(home.path(), input);
    let runnable = "Edit the slide's Rust, then Enter runs it live:\n\
                    ... use avance::conv::{convolve_naive, course_inputs};\n";
    assert!(out.contains(&format!("❯ :edit\n{runnable}")), "{out}");
    assert!(!out.contains("... pub fn convolve_naive"), "{out}");

    let input = ":lesson 24/5\n:edit 2\n:quit\n";
    let out = repl(home.path(), input);
    assert!(out.contains(&format!("❯ :edit 2\n{runnable}")), "{out}");

    let input = ":lesson 24/5\n:edit 1\n:edit 3\n:e x\n:lesson 24/10\n:edit\n";
    let out = repl(home.path(), input);
    for expected in [
        "error: snippet 1 of this slide is shown, not run: it is an excerpt of src/conv/naive.rs; :edit 2 takes one that runs\n",
        "error: no snippet `3` on this slide: it has 2 Rust snippets: :edit 1 or :edit 2\n",
        "error: no snippet `x` on this slide: it has 2 Rust snippets: :edit 1 or :edit 2\n",
        "convolution 10/27 ❯ :edit\nerror: this slide's Rust is shown, not run: it is an excerpt of src/conv/optimized.rs; type your own\n",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in:\n{out}");
    }
    assert!(!out.contains("... "), "nothing was put in the line: {out}");
}

/// A snippet with its own `main` gets the call the program makes: for a
/// `main` returning `Result`, its `Err` printed and nothing else echoed.
#[test]
fn edit_calls_a_snippets_own_main_as_the_program_does() {
    let home = tempfile::tempdir().unwrap();
    let out = repl(home.path(), ":lesson 24/2\n:edit\n:quit\n");
    assert!(
        out.contains(
            "... Ok(())\n... }\n... if let Err(error) = main() { eprintln!(\"Error: {error:?}\"); }\nconvolution 2/27 ❯ :quit"
        ),
        "{out}"
    );
}

/// On an exercise slide, `:run` says what to do instead; `:edit` puts the
/// starter in the line, and the line sent back is the answer, graded by the
/// hidden tests: the starter fails, an answer that prints what a slide
/// shows fails, a right answer passes and is kept for `:check`, and Rust
/// typed after it is not taken for an answer.
#[test]
fn an_exercise_is_answered_in_the_line_and_graded_by_its_hidden_tests() {
    if !common::require_tool("rustc") {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let right =
        "fn total(pairs: &[(i32, char)]) -> i32 {\n    pairs.iter().map(|&(n, _)| n).sum()\n}";
    let cheat = "fn total(_: &[(i32, char)]) -> i32 { println!(\"321000\"); 321000 }";
    let input = format!(
        ":lesson 01/14\n:run\n:check\n:edit\n\n:edit\n{cheat}\n:edit\n{right}\n1 + 1\n:check\n:quit\n"
    );
    let out = repl(home.path(), input);
    let expected = [
        "❯ :run\nthis slide is an exercise: :edit puts your answer in the line (:exercise opens it in $EDITOR), :check grades it, :solution shows one\n",
        "❯ :check\nerror: write your answer first: :edit puts the starter in the line, :exercise opens it in $EDITOR\n",
        "❯ :edit\nYour answer: Enter keeps it and grades it with the hidden tests.\n... fn total",
        "Not yet: 1 of 3 cases pass.\n  ✗ ",
        "Not yet: 0 of 3 cases pass.\n  ✗ ",
        "your code reached a `todo!()`; write that part",
        "It printed:\n  │ 321000",
        "Solved: every case (3) pass. Well done!",
        "error: live Rust is off (AVANCE_LIVE=off); commands still work",
    ];
    for expected in expected {
        assert!(out.contains(expected), "missing {expected:?} in:\n{out}");
    }
    // The cheat fails on an input the slide never shows.
    let cheat_at = out.find("321000 }").unwrap();
    assert!(out[cheat_at..].contains("should be"), "{out}");
    // `:check` grades the kept answer, not the `1 + 1` typed after it.
    let last_check = out.rfind("❯ :check").unwrap();
    assert!(out[last_check..].contains("Solved:"), "{out}");
    let kept = home.path().join("exercises/01-underscore-14-exercise.rs");
    assert_eq!(fs::read_to_string(kept).unwrap(), right);
    let list = avance(home.path()).arg("list").output().unwrap();
    let list = String::from_utf8(list.stdout).unwrap();
    assert!(list.contains("1/4 exercises solved"), "{list}");
}

#[test]
fn python_originals_and_notes_toggle() {
    let home = tempfile::tempdir().unwrap();
    let out = repl(home.path(), ":lesson 1\n:goto 2\n:originals\n:notes\n");
    let slides: Vec<&str> = out.split("─── Underscore idioms · 2/18").skip(1).collect();
    assert_eq!(slides.len(), 3, "{out}");
    assert!(slides[0].contains("Python\n│ big = 10_000") && !slides[0].contains("Notes:"));
    assert!(!slides[1].contains("│ big = 10_000"), "{}", slides[1]);
    assert!(slides[2].contains("Notes:"), "{}", slides[2]);
}

#[test]
fn python_runs_the_slides_python_then_its_rust() {
    if !common::require_python_modules(&["IPython"]) {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let out = repl(home.path(), ":lesson 1\n:goto 2\n:python\n:goto 1\n:py\n");
    let ran = out
        .split_once("Python output of 01-underscore/2 (IPython)\n")
        .map(|(_, after)| after)
        .unwrap_or_else(|| panic!("no Python output in:\n{out}"));
    assert!(
        ran.starts_with("10000\n\nOutput of 01-underscore/2\n10000 1000000 65535 170 9.80665\n"),
        "{ran}"
    );
    assert!(
        out.contains("error: this slide has no Python to run; Enter moves on"),
        "{out}"
    );
}

/// A fragment is not run but points to its whole cell; a transcript runs
/// as the interpreter ran it; a cell that raises on purpose shows its
/// exception and goes on to the Rust.
#[test]
fn python_excerpts_transcripts_and_raising_cells_run_as_their_fences_say() {
    if !common::require_python_modules(&["IPython"]) {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let out = repl(
        home.path(),
        ":lesson 08/3\n:python\n:lesson 01/4\n:python\n:goto 10\n:python\n",
    );
    assert!(
        out.contains("classes 3/16 ❯ :python\nthis Python is an excerpt, shown and not run: the whole cell is on slide 12 (:goto 12, then :python)\n"),
        "{out}"
    );
    assert!(
        out.contains("Python output of 01-underscore/4 (IPython)\n42\n43\n"),
        "{out}"
    );
    assert!(
        out.contains("Python output of 01-underscore/10 (IPython)\nAttributeError: 'Safe' object has no attribute '__stuff'"),
        "{out}"
    );
    assert!(
        out.contains("rustc refuses it, as this slide intends:"),
        "{out}"
    );
    assert!(!out.contains("Traceback"), "{out}");
}

/// A course cell that uses a name an earlier cell defined (here
/// `warnings`, imported by the lesson's first cell) runs after that cell;
/// once that slide ran in the lesson's shell, the name is there and nothing
/// runs first.
#[test]
fn python_runs_first_the_course_cell_that_defines_a_missing_name() {
    if !common::require_python_modules(&["IPython"]) {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let out = repl(home.path(), ":lesson 15/7\n:python\n");
    assert!(
        out.contains(":python\nfirst runs the cell of 15-logging/2, which defines warnings\n\nPython output of 15-logging/7 (IPython)\n"),
        "{out}"
    );
    assert!(!out.contains("NameError"), "{out}");
    let out = repl(home.path(), ":lesson 15/2\n:python\n:goto 7\n:python\n");
    let second = out
        .split_once("logging 7/11 ❯ :python\n")
        .map(|(_, after)| after)
        .unwrap_or_else(|| panic!("no second :python in:\n{out}"));
    assert!(
        second.starts_with("\nPython output of 15-logging/7 (IPython)\n"),
        "{second}"
    );
    assert!(!out.contains("NameError"), "{out}");
}

/// `%timeit` runs in the lesson's IPython shell and prints IPython's line,
/// beside the Rust's.
#[test]
fn python_runs_ipython_magics() {
    if !common::require_python_modules(&["IPython"]) {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let out = repl(home.path(), ":lesson 20/2\n:python\n");
    let python = out
        .split_once("Python output of 20-timeit/2 (IPython)\n")
        .and_then(|(_, after)| after.split_once("Output of 20-timeit/2"))
        .map(|(python, _)| python)
        .unwrap_or_else(|| panic!("no Python output in:\n{out}"));
    let lines: Vec<&str> = python.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 2, "{python}");
    for line in lines {
        assert!(
            line.contains(" per loop (mean ± std. dev. of 7 runs, ") && !line.contains("Out["),
            "{line}"
        );
    }
}

/// Without IPython (python3 without its site-packages), one line says how
/// to install it, and python3 runs what it can.
#[test]
fn python_without_ipython_says_how_to_install_it_and_runs_what_it_can() {
    if !common::require_tool("python3") {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let plain = home.path().join("python-without-site");
    fs::write(
        &plain,
        "#!/bin/sh\nexec env -u PYTHONPATH python3 -S \"$@\"\n",
    )
    .unwrap();
    fs::set_permissions(&plain, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let out = avance(home.path())
        .env("AVANCE_PYTHON", &plain)
        .write_stdin(":lesson 1\n:goto 2\n:python\n:lesson 20/2\n:python\n")
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let install = "IPython not found: the cells run in plain python3, without magics (to install it: python3 -m pip install ipython)\n";
    assert_eq!(stdout.matches(install).count(), 2, "{stdout}");
    assert!(
        stdout.contains("Python output of 01-underscore/2 (python3)\n10000\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("this Python uses IPython's magics, and IPython is not installed (python3 -m pip install ipython)\n"),
        "{stdout}"
    );
}

#[test]
fn python_missing_is_one_clear_line() {
    let home = tempfile::tempdir().unwrap();
    let out = common::avance(home.path())
        .env("AVANCE_PYTHON", home.path().join("nowhere-python"))
        .write_stdin(":lesson 1\n:goto 2\n:python\n")
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("nowhere-python not found: running the course's Python needs python3 (or set AVANCE_PYTHON)\n"),
        "{stdout}"
    );
    assert!(stdout.contains("Output of 01-underscore/2\n"), "{stdout}");
}

#[test]
fn progress_resumes_where_the_student_stopped() {
    let home = tempfile::tempdir().unwrap();
    let first = repl(
        home.path(),
        ":lesson 1\n:goto 4\n:goto 2\n:run\n:goto 6\n:quit\n:next\n",
    );
    assert!(
        !first.contains("underscore 7/18"),
        ":quit must stop reading: {first}"
    );
    let second = repl(home.path(), "");
    assert!(second.starts_with("Welcome back"), "{second}");
    assert!(second.contains("─── Underscore idioms · 6/18"), "{second}");
    let list = avance(home.path()).arg("list").output().unwrap();
    let list = String::from_utf8(list.stdout).unwrap();
    assert!(
        list.contains("▶ 01-underscore") && list.contains("4/18 slides seen, 1/13 snippets run"),
        "{list}"
    );
}

#[test]
fn a_corrupt_progress_file_is_kept_aside_and_the_course_starts_afresh() {
    let home = tempfile::tempdir().unwrap();
    let progress = home.path().join("progress.json");
    fs::write(&progress, "{ not json").unwrap();
    let out = repl(home.path(), ":lesson 1\n:next\n");
    assert!(
        out.contains("warning: progress file") && out.contains("it was kept as"),
        "{out}"
    );
    assert_eq!(
        fs::read_to_string(home.path().join("progress.json.corrupt")).unwrap(),
        "{ not json"
    );
    let saved = fs::read_to_string(&progress).unwrap();
    assert!(saved.contains("\"slide\": 2"), "{saved}");
}

#[test]
fn an_unwritable_progress_folder_is_reported_once_and_the_repl_goes_on() {
    let home = tempfile::tempdir().unwrap();
    // A file where the folder should be: unwritable even for root.
    let blocked = home.path().join("file");
    fs::write(&blocked, "").unwrap();
    let out = repl(&blocked.join("avance"), ":lesson 1\n:next\n:next\n");
    assert_eq!(
        out.matches("warning: cannot save progress").count(),
        1,
        "{out}"
    );
    assert!(out.contains("─── Underscore idioms · 3/18"), "{out}");
    assert!(
        !out.contains("unreadable"),
        "a missing folder is not a damaged file: {out}"
    );
    // The goodbye says so too.
    assert!(out.contains("Progress NOT saved"), "{out}");
    assert!(!out.contains("Progress saved."), "{out}");
}

#[test]
fn piped_output_has_no_escape_codes_unless_asked() {
    let home = tempfile::tempdir().unwrap();
    let plain = repl(home.path(), ":lesson 1\n:goto 2\n");
    assert!(!plain.contains('\x1b'), "{plain}");
    let forced = avance(home.path())
        .args(["--color", "always"])
        .write_stdin(":goto 2\n")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&forced.stdout).contains("\x1b["));
    let no_color = avance(home.path())
        .args(["--color", "always"])
        .env("NO_COLOR", "1")
        .write_stdin("")
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&no_color.stdout).contains("\x1b["),
        "--color always wins over NO_COLOR"
    );
}

#[test]
fn timeit_times_the_slide_silently_in_ipython_format() {
    let home = tempfile::tempdir().unwrap();
    let out = repl(home.path(), ":lesson 1\n:goto 3\n:timeit\n");
    let line = out
        .lines()
        .find(|l| l.starts_with("01-underscore/3.2: "))
        .unwrap_or_else(|| panic!("no timing in:\n{out}"));
    let (_, summary) = line.split_once(": ").unwrap();
    let words: Vec<&str> = summary.split(' ').collect();
    assert!(
        words[0].parse::<f64>().is_ok() && ["s", "ms", "µs", "ns"].contains(&words[1]),
        "{line}"
    );
    assert!(
        summary.contains(" per loop (mean ± std. dev. of 7 runs, ")
            && summary.ends_with(" loops each)"),
        "{line}"
    );
    assert!(
        out.contains("01-underscore/3.1 panics on purpose; there is nothing to time"),
        "{out}"
    );
    assert!(
        !out.contains("\n10000\n"),
        "the snippet's own output must be silenced while timing:\n{out}"
    );
}

#[test]
fn a_second_corrupt_file_does_not_replace_the_first_kept_copy() {
    let home = tempfile::tempdir().unwrap();
    let progress = home.path().join("progress.json");
    fs::write(&progress, "first damage").unwrap();
    repl(home.path(), "");
    fs::write(&progress, "second damage").unwrap();
    let out = repl(home.path(), "");
    assert!(out.contains("progress.json.corrupt.1"), "{out}");
    assert_eq!(
        fs::read_to_string(home.path().join("progress.json.corrupt")).unwrap(),
        "first damage"
    );
    assert_eq!(
        fs::read_to_string(home.path().join("progress.json.corrupt.1")).unwrap(),
        "second damage"
    );
}

#[test]
fn a_closed_output_pipe_ends_the_repl_quietly() {
    use std::io::{Read, Write};
    use std::process::{Command, Stdio};
    let home = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_avance"))
        .env("AVANCE_HOME", home.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 64];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take()); // the reader goes away, as `| head` does
    let mut stdin = child.stdin.take().unwrap();
    for _ in 0..200 {
        if stdin.write_all(b":next\n:prev\n").is_err() {
            break;
        }
    }
    drop(stdin);
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "{:?}: {}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(!String::from_utf8_lossy(&output.stderr).contains("panicked"));
}

#[test]
fn progress_in_a_removed_lesson_starts_at_the_beginning_without_welcome_back() {
    let home = tempfile::tempdir().unwrap();
    fs::write(
        home.path().join("progress.json"),
        r#"{"current":{"lesson":"09-gone","slide":3}}"#,
    )
    .unwrap();
    let out = repl(home.path(), "");
    assert!(out.starts_with("Welcome to avance"), "{out}");
    assert!(
        out.contains("─── Ownership and borrowing for Python programmers · 1/"),
        "{out}"
    );
}

#[test]
fn two_repls_at_once_on_one_home_keep_what_each_saw() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let home = tempfile::tempdir().unwrap();
    let start = || {
        Command::new(env!("CARGO_BIN_EXE_avance"))
            .env("AVANCE_HOME", home.path())
            .env("AVANCE_LIVE", "off")
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .unwrap()
    };
    // both running before either reads its input
    let (mut a, mut b) = (start(), start());
    a.stdin
        .take()
        .unwrap()
        .write_all(b":lesson 3\n\n\n")
        .unwrap();
    b.stdin.take().unwrap().write_all(b":lesson 5\n\n").unwrap();
    assert!(a.wait().unwrap().success() && b.wait().unwrap().success());
    let text = fs::read_to_string(home.path().join("progress.json")).unwrap();
    let saved: serde_json::Value = serde_json::from_str(&text).unwrap();
    let seen = |prefix: &str| -> Vec<u64> {
        let (_, lesson) = saved["lessons"]
            .as_object()
            .unwrap()
            .iter()
            .find(|(id, _)| id.starts_with(prefix))
            .unwrap_or_else(|| panic!("no lesson {prefix}* in {text}"));
        lesson["seen"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n.as_u64().unwrap())
            .collect()
    };
    assert_eq!(seen("00-"), [1]);
    assert_eq!(seen("03-"), [1, 2, 3]);
    assert_eq!(seen("05-"), [1, 2]);
    // no lock or temporary file is left for the next start to trip on
    let left: Vec<_> = fs::read_dir(home.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.contains(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

/// kill -9 at any moment of a save never leaves a progress file that does
/// not parse, and the next start removes what the killed saves left.
#[test]
fn kill_9_during_saves_leaves_progress_that_parses_and_nothing_behind() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let home = tempfile::tempdir().unwrap();
    let moves = ":next\n:prev\n".repeat(400);
    for round in 0..12u64 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_avance"))
            .env("AVANCE_HOME", home.path())
            .env("AVANCE_LIVE", "off")
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let _ = stdin.write_all(moves.as_bytes());
        // a different moment of the saves each round
        std::thread::sleep(std::time::Duration::from_millis(40 + 13 * round));
        child.kill().unwrap();
        child.wait().unwrap();
        drop(stdin);
        if let Ok(text) = fs::read_to_string(home.path().join("progress.json")) {
            serde_json::from_str::<serde_json::Value>(&text)
                .unwrap_or_else(|e| panic!("round {round}: {e}: {text}"));
        }
    }
    let out = repl(home.path(), "");
    assert!(!out.contains("warning: progress"), "{out}");
    let left: Vec<_> = fs::read_dir(home.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.ends_with(".tmp") || name.starts_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

/// A code block too long for the screen (40 rows over a pipe) is folded to
/// its first lines and a line naming `:more`, which shows it whole.
#[test]
fn long_code_is_folded_until_more() {
    let home = tempfile::tempdir().unwrap();
    let lessons = home.path().join("lessons");
    fs::create_dir(&lessons).unwrap();
    let code: String = (1..=60).map(|n| format!("line_{n}()\n")).collect();
    fs::write(
        lessons.join("01-long.md"),
        format!("# Long\n\nIntro.\n\n## Excerpt\n\nProse.\n\n```python\n{code}```\n"),
    )
    .unwrap();
    let output = avance(home.path())
        .arg("--lessons")
        .arg(&lessons)
        .write_stdin(":next\n:more\n")
        .output()
        .unwrap();
    let out = String::from_utf8(output.stdout).unwrap();
    let (_, slide) = out.split_once("─── Long · 2/2").expect("slide 2");
    let (first, whole) = slide.split_once("long 2/2 ❯ :more").expect("two views");
    assert!(first.contains("│ line_1()"), "{first}");
    assert!(!first.contains("line_60()"), "folded:\n{first}");
    assert!(first.contains("more lines: :more shows all 60"), "{first}");
    assert!(
        first.lines().count() < 40,
        "the first view fits 40 rows:\n{first}"
    );
    assert!(whole.contains("│ line_60()"), "whole:\n{whole}");
    assert!(!whole.contains(":more shows all"), "{whole}");
}

/// `:exercise` opens the answer's file in `$EDITOR` (here a script that
/// writes a right answer, as a student would) and grades it when the editor
/// closes; without an editor it says what to set.
#[test]
fn exercise_opens_the_answer_in_the_editor_and_grades_it_when_it_closes() {
    if !common::require_tool("rustc") {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let editor = home.path().join("editor.sh");
    fs::write(
        &editor,
        "#!/bin/sh\ngrep -q todo \"$1\" || exit 3\nprintf 'fn total(p: &[(i32, char)]) -> i32 {\\n    p.iter().map(|p| p.0).sum()\\n}\\n' > \"$1\"\n",
    )
    .unwrap();
    fs::set_permissions(&editor, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let out = common::repl_output(
        {
            let mut command = avance(home.path());
            command.env("EDITOR", &editor).env_remove("VISUAL");
            command
        },
        ":lesson 01/14\n:exercise\n",
    );
    let file = home.path().join("exercises/01-underscore-14-exercise.rs");
    assert!(
        out.contains(&format!(
            "Opening {} in {}",
            file.display(),
            editor.display()
        )),
        "{out}"
    );
    assert!(out.contains("Solved: every case (3) pass."), "{out}");
    assert!(fs::read_to_string(&file).unwrap().contains("p.0"));

    let out = common::repl_output(
        {
            let mut command = avance(home.path());
            command.env_remove("EDITOR").env_remove("VISUAL");
            command
        },
        ":lesson 01/14\n:exercise\n",
    );
    assert!(
        out.contains("error: no editor is set: set $EDITOR (or $VISUAL) to yours, or use :edit to answer in the line"),
        "{out}"
    );
}

/// A slide whose own Python imports a module python3 cannot find gets one
/// line naming it, not a traceback; a cell that writes the module it then
/// imports runs.
#[test]
fn python_that_imports_a_missing_module_is_one_line() {
    if !common::require_tool("python3") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let lessons = dir.path().join("lessons");
    std::fs::create_dir_all(&lessons).unwrap();
    std::fs::write(
        lessons.join("01-demo.md"),
        "# Demo\n\nIntro.\n\n## Missing\n\n```python\nimport avance_nowhere_zz\nprint('never')\n```\n\n\
         ## Written\n\n```python\nimport importlib, os\nos.makedirs('shapes_zz', exist_ok=True)\n\
         open('shapes_zz/__init__.py', 'w').write('AREA = 2')\nimportlib.invalidate_caches()\n\
         import shapes_zz\nprint(shapes_zz.AREA * 21)\n```\n",
    )
    .unwrap();
    let home = tempfile::tempdir().unwrap();
    let mut command = avance(home.path());
    command.arg("--lessons").arg(&lessons);
    let out = common::repl_output(command, ":goto 2\n:python\n:goto 3\n:python\n");
    assert!(
        out.contains("this Python imports `avance_nowhere_zz`, which this python3 cannot find"),
        "{out}"
    );
    assert!(!out.contains("Traceback"), "{out}");
    assert!(!out.contains("\nnever\n"), "{out}");
    assert!(out.contains("\n42\n"), "{out}");
}

/// `AVANCE_HOME` naming a folder that does not exist yet: it is made, and
/// progress is saved there.
#[test]
fn a_new_avance_home_folder_is_made_and_progress_saved() {
    let parent = tempfile::tempdir().unwrap();
    let home = parent.path().join("new").join("home");
    let out = repl(&home, ":next\n:q\n");
    assert!(out.contains("Progress saved."), "{out}");
    assert!(home.join("progress.json").is_file(), "{out}");
}
