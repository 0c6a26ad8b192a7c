//! Live Rust in the REPL with the real evcxr, over piped stdin: values and
//! variables, rustc's errors on the student's code, a panic survived,
//! `:edit` round trips, and the one line without a toolchain. They need
//! cargo and rustc (present wherever this crate builds; CI requires them).

mod common;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant, SystemTime};

use common::{avance, require_tool};

/// The REPL with live Rust on (any value but `off` or `0`), fed `input`;
/// returns its stdout. Without the library path cargo gives tests, as a
/// student runs the installed program (live code must find Rust's own
/// libraries by itself).
fn live_repl(home: &Path, input: &str) -> String {
    let mut command = avance(home);
    command
        .env("AVANCE_LIVE", "on")
        .env_remove("LD_LIBRARY_PATH");
    // The kept build folder is the preparation test's too: there the
    // crates are prepared in the background, as for a student, so both
    // tests leave it in the same state (and it is quick once kept).
    if home.join("live").is_symlink() {
        command.env_remove("AVANCE_LIVE_PREPARE");
    }
    common::repl_output(command, input)
}

/// A home whose kept live build folder is shared by every run of these
/// tests (in cargo's target folder): the lessons' crates compile for the
/// first run only, as they do for a student's first session. The guard
/// keeps the tests that share it from running together (the second would
/// find it locked and compile everything in a temporary folder).
fn home_with_kept_live_builds() -> (tempfile::TempDir, MutexGuard<'static, ()>) {
    static KEPT: Mutex<()> = Mutex::new(());
    let guard = KEPT.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let home = tempfile::tempdir().unwrap();
    let kept = Path::new(env!("CARGO_TARGET_TMPDIR")).join("live-builds");
    std::fs::create_dir_all(&kept).unwrap();
    std::os::unix::fs::symlink(&kept, home.path().join("live")).unwrap();
    (home, guard)
}

fn toolchain() -> bool {
    require_tool("cargo") && require_tool("rustc")
}

#[test]
fn live_code_keeps_variables_and_survives_errors_and_panics() {
    if !toolchain() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let input = "\
:lesson 1
let x = 40 + 2;
x
fn double(n: i32) -> i32 {
    n * 2
}
println!(\"double: {}\", double(x)); x + 1
println!(\"only printed\")
let y: i32 = \"text\";
let v = vec![1, 2, 3];
{ let w = v; panic!(\"boom {}\", w.len()); }
x
:vars
";
    let out = live_repl(home.path(), input);
    // A value is shown with {:?}; what the code prints comes first.
    assert!(out.contains("underscore 1/18 ❯ x\n42\n"), "{out}");
    assert!(out.contains("... }\n"), "multi-line input: {out}");
    assert!(out.contains("double: 84\n43\n"), "{out}");
    // `()` is not shown, as Python's REPL does not show None.
    assert!(
        out.contains("❯ println!(\"only printed\")\nonly printed\nunderscore 1/18 ❯"),
        "{out}"
    );
    // rustc's error, drawn over the student's line.
    assert!(out.contains("error[E0308]: mismatched types"), "{out}");
    assert!(out.contains("--> your code, line 1, column 14"), "{out}");
    assert!(out.contains("1 | let y: i32 = \"text\";"), "{out}");
    assert!(out.contains("^^^^^^ expected `i32`, found `&str`"), "{out}");
    // The panic is reported, its backtrace left out, and the moved vector named.
    assert!(out.contains("boom 3"), "{out}");
    assert!(!out.contains("stack backtrace"), "{out}");
    assert!(
        out.contains(
            "panic: the code panicked; the session goes on, lost with it: `v` (moved into the code that panicked)"
        ),
        "{out}"
    );
    // x survived the panic.
    assert!(out.contains("❯ x\n42\n"), "{out}");
    assert!(out.contains(":vars\nx: i32\n"), "{out}");
}

#[test]
fn an_input_that_defines_nothing_is_answered_before_the_context_and_evcxr_goes_on() {
    if !toolchain() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    // Sent at once: the first input needs no context; the next ones do.
    let out = live_repl(home.path(), "6 * 7 + 1000\nlet x = 2;\nx * 21\n");
    assert!(out.contains("❯ 6 * 7 + 1000\n1042\n"), "{out}");
    assert!(out.contains("❯ x * 21\n42\n"), "{out}");
    // Compiled alone, by rustc, beside evcxr's folder.
    let first = home.path().join("live").join("first").join("first.rs");
    let program = std::fs::read_to_string(&first).expect("the first answer's program");
    assert!(program.contains("6 * 7 + 1000"), "{program}");
}

#[test]
fn a_joined_threads_panic_is_the_threads_and_the_code_goes_on() {
    if !toolchain() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let spawn = "let h = std::thread::spawn(|| panic!(\"in the thread\")); println!(\"joined: {}\", h.join().is_err());";
    let named = "std::thread::Builder::new().name(\"worker\".into()).spawn(|| assert_eq!(1, 2)).unwrap().join().is_err()";
    // The same after the process running live code died and was replaced.
    let input = format!(
        "{spawn}\n{named}\nstd::process::abort();\n{spawn}\nlet n: Option<u8> = None; n.unwrap()\n"
    );
    let out = live_repl(home.path(), &input);
    // Its stdout and stderr come by two pipes: the order of the thread's
    // panic and the code's next line is not fixed.
    let spawned = "a thread the code spawned panicked:\nin the thread\n";
    assert_eq!(out.matches(spawned).count(), 2, "{out}");
    assert_eq!(out.matches("joined: true\n").count(), 2, "{out}");
    assert!(
        out.contains("thread 'worker' panicked:\nassertion `left == right` failed\n  left: 1\n right: 2\ntrue\n"),
        "{out}"
    );
    assert!(out.contains("the process running live code died"), "{out}");
    // Only the code's own panic is the code's, and no internal name shows.
    assert_eq!(out.matches("the code panicked").count(), 1, "{out}");
    assert!(
        out.contains("called `Option::unwrap()` on a `None` value\npanic: the code panicked"),
        "{out}"
    );
    assert!(
        !out.contains("<unnamed>") && !out.contains("src/lib.rs"),
        "{out}"
    );
}

#[test]
fn edit_puts_the_slides_rust_in_the_line_and_runs_what_comes_back() {
    if !toolchain() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    // The first `:edit` is taken as it is (an empty line: Enter), the
    // second is replaced by the student's version.
    let input =
        ":lesson 1\n:goto 2\n:edit\n\n:edit\nlet big = 5; println!(\"{}\", big * 2);\nbig\n";
    let out = live_repl(home.path(), input);
    assert!(
        out.contains(
            ":edit\nEdit the slide's Rust, then Enter runs it live:\n... let big = 10_000;\n"
        ),
        "{out}"
    );
    assert!(out.contains("10000 1000000 65535 170 9.80665\n"), "{out}");
    assert!(out.contains("\n10\n"), "{out}");
    assert!(out.contains("❯ big\n5\n"), "{out}");
}

#[test]
fn without_a_toolchain_live_rust_says_so_and_snippets_still_run() {
    let home = tempfile::tempdir().unwrap();
    let empty = tempfile::tempdir().unwrap();
    let output = avance(home.path())
        .env_remove("AVANCE_LIVE")
        .env("PATH", empty.path())
        .write_stdin("1 + 1\n:lesson 1\n:goto 2\n:run\n")
        .output()
        .expect("avance starts");
    let out = String::from_utf8(output.stdout).unwrap();
    assert!(
        out.contains(
            "error: live Rust needs a Rust toolchain (cargo and rustc not found on PATH; https://rustup.rs); the slides' compiled snippets still run with :run"
        ),
        "{out}"
    );
    assert!(out.contains("10000 1000000 65535 170 9.80665"), "{out}");
}

/// With live Rust on: the starter graded, the hints one by one, a right
/// answer solved and recorded, and Rust typed after it run live, not taken
/// for an answer.
#[test]
fn an_exercise_is_graded_wrong_then_right_and_recorded() {
    if !toolchain() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let input = "\
:lesson 01/14
:check
:edit

:hint
:hint
:hint
:edit
fn total(pairs: &[(i32, char)]) -> i32 { pairs.iter().map(|&(n, _)| n).sum() }
40 + 2
:check
:solution
";
    let out = live_repl(home.path(), input);
    for expected in [
        "Exercise · your code starts here",
        "error: write your answer first: :edit puts the starter in the line, :exercise opens it in $EDITOR",
        "Not yet: 1 of 3 cases pass.",
        "your code reached a `todo!()`; write that part",
        "Hint 1/2: A `for` loop takes a pattern",
        "Hint 2/2: `_` in a pattern binds nothing",
        "no more hints; :solution shows an answer",
        "Solved: every case (3) pass. Well done!",
        "❯ 40 + 2\n42\n",
        "Rust · a solution",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in:\n{out}");
    }
    let last_check = out.rfind("❯ :check").unwrap();
    assert!(out[last_check..].contains("Solved:"), "{out}");
    let progress = std::fs::read_to_string(home.path().join("progress.json")).unwrap();
    assert!(
        progress.contains("\"01-underscore/14-exercise\": \"20"),
        "{progress}"
    );
}

#[test]
fn timeit_compiles_optimised_and_typed_code_goes_back_to_quick() {
    if !toolchain() {
        return;
    }
    let (home, _kept) = home_with_kept_live_builds();
    // evcxr writes the level into the manifest of the crate it compiles,
    // in EVCXR_TMPDIR, which the live code inherits: the code reads it.
    let manifest = "std::fs::read_to_string(std::path::Path::new(&std::env::var(\"EVCXR_TMPDIR\").unwrap()).join(\"Cargo.toml\")).unwrap()";
    let input = format!(
        ":timeit assert!({manifest}.contains(\"opt-level = 2\"))\n\
         {manifest}.lines().find(|line| line.starts_with(\"opt-level\")).unwrap().to_string()\n"
    );
    let out = live_repl(home.path(), &input);
    assert!(
        out.contains(" per loop (mean ± std. dev. of 7 runs"),
        "{out}"
    );
    assert!(!out.contains("panicked"), "{out}");
    assert!(out.contains("\n\"opt-level = 0\"\n"), "{out}");
}

/// Over a pipe no Ctrl-C can stop `loop {}`: the time limit does, says so
/// in one line, and the next input runs in a new process.
#[test]
fn over_a_pipe_live_code_stops_at_its_time_limit_and_the_repl_goes_on() {
    if !toolchain() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let mut command = avance(home.path());
    command
        .env("AVANCE_LIVE", "on")
        .env("AVANCE_LIVE_TIMEOUT", "3")
        .env_remove("LD_LIBRARY_PATH");
    let started = std::time::Instant::now();
    let out = common::repl_output(command, "let kept = 1;\nloop {}\n6 * 7\n");
    assert!(
        out.contains("stopped: the live code used more than its limit of 3 s of processor time (input is not a terminal, so Ctrl-C cannot stop it; AVANCE_LIVE_TIMEOUT=SECONDS changes the limit); a new process took its place and every variable was lost: `kept`"),
        "{out}"
    );
    assert!(out.contains("\n42\n"), "{out}");
    // A guard against a limit that never fires, generous for a loaded machine.
    assert!(started.elapsed() < std::time::Duration::from_secs(600));
}

#[test]
fn a_time_limit_that_is_not_a_number_is_refused_in_one_line() {
    let home = tempfile::tempdir().unwrap();
    let mut command = avance(home.path());
    command.env("AVANCE_LIVE_TIMEOUT", "soon");
    let out = common::repl_output(command, "");
    assert!(
        out.contains("warning: AVANCE_LIVE_TIMEOUT=soon is not a number of seconds (0 for no limit); live code keeps the default limit of 60 s"),
        "{out}"
    );
}

/// Errors speak of the student's code only: a missing `;` is found at the
/// end of the input, not at a name of the code live Rust wraps around it,
/// and the label does not repeat the message. An edited `main` returning a
/// `Result` runs as the program runs it: no `Ok(())` is echoed after it.
#[test]
fn errors_name_only_the_students_code_and_an_edited_main_echoes_nothing() {
    if !toolchain() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let input = "let kept = 41\nlet add_one = |x: i32| x + 1;\n:lesson 10/3\n:edit\n\nkept\n";
    let out = live_repl(home.path(), input);
    let typed = &out[out.find("❯ let kept = 41").expect("the input is echoed")..];
    assert!(
        typed.contains(
            "error: expected `;`, found the end of your input\n --> your code, line 1, column 14\n  |\n1 | let kept = 41\n  |              ^\n"
        ),
        "{out}"
    );
    assert!(typed.contains("prevent live Rust from attempting"), "{out}");
    assert!(!typed.to_lowercase().contains("evcxr"), "{out}");
    assert!(
        typed.contains("fn greeting(name: &str) -> String {")
            || typed.contains("rustfmt not found"),
        "{out}"
    );
    assert!(!typed.contains("\nOk(())\n"), "{out}");
}

/// `:dep` brings the student's own crate (by its path) into live Rust, and a
/// crate that does not exist is one error naming it.
#[test]
fn dep_adds_a_crate_of_ones_own_and_refuses_one_that_does_not_exist() {
    if !toolchain() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let mine = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(mine.path().join("src")).unwrap();
    std::fs::write(
        mine.path().join("Cargo.toml"),
        "[package]\nname = \"mine\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
    )
    .unwrap();
    std::fs::write(
        mine.path().join("src/lib.rs"),
        "pub fn answer() -> i32 { 42 }\n",
    )
    .unwrap();
    let input = format!(
        ":dep {}\nmine::answer() + 1\n:dep mine_nowhere_zz = {{ path = \"/nowhere/zz\" }}\n",
        mine.path().display()
    );
    let out = live_repl(home.path(), &input);
    assert!(out.contains("\n43\n"), "{out}");
    let refused = out.split(":dep mine_nowhere_zz").nth(1).expect(&out);
    assert!(refused.contains("error:"), "{out}");
    assert!(refused.contains("No such file or directory"), "{out}");
}

/// The compiled libraries in evcxr's target folder, with when each was
/// written: the generated crate's own (`ctx`, the student's code) left out.
fn compiled_crates(live: &Path) -> Vec<(PathBuf, SystemTime)> {
    let mut found = Vec::new();
    let mut folders = vec![live.join("evcxr").join("target")];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).into_iter().flatten().flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if path.is_dir() {
                folders.push(path);
            } else if name.ends_with(".rlib") && !name.starts_with("libctx") {
                let written = entry.metadata().and_then(|m| m.modified()).unwrap();
                found.push((path, written));
            }
        }
    }
    found.sort();
    found
}

/// The lessons' crates are compiled from the REPL's start, in the
/// background: once the REPL says they are ready (the file it writes in
/// the build folder), the first input naming them compiles nothing but the
/// input. Neither the cargo output nor the one-time message shows.
#[test]
fn the_lessons_crates_are_prepared_before_the_first_input_names_them() {
    if !toolchain() {
        return;
    }
    let (home, _kept) = home_with_kept_live_builds();
    // The kept folder's ready file from an earlier run says nothing of this one.
    let _ = std::fs::remove_file(home.path().join("live").join(avance::live::READY_FILE));
    let mut repl = std::process::Command::new(env!("CARGO_BIN_EXE_avance"))
        .env("AVANCE_HOME", home.path())
        .env("AVANCE_LANG", "en")
        .env("AVANCE_LIVE", "on")
        .env_remove("LD_LIBRARY_PATH")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("avance starts");
    let live = home.path().join("live");
    let ready = live.join(avance::live::READY_FILE);
    // The first run compiles them all (minutes on a small machine).
    let started = Instant::now();
    while !ready.exists() {
        assert!(
            started.elapsed() < Duration::from_secs(1200) && repl.try_wait().unwrap().is_none(),
            "the crates were not prepared"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    let before = compiled_crates(&live);
    assert!(
        before
            .iter()
            .any(|(path, _)| path.to_string_lossy().contains("libndarray-")),
        "{before:?}"
    );
    let mut stdin = repl.stdin.take().unwrap();
    stdin
        .write_all(b"ndarray::arr1(&[1, 2, 3]).sum() + 0 * std::mem::size_of::<avance::timeit::Timer>() as i32\n")
        .unwrap();
    drop(stdin);
    let mut out = String::new();
    repl.stdout
        .take()
        .unwrap()
        .read_to_string(&mut out)
        .unwrap();
    let mut err = String::new();
    repl.stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(repl.wait().unwrap().success(), "{err}");
    assert!(out.contains("\n6\n"), "{out}\n{err}");
    assert!(!out.contains("loading the lessons' crates"), "{out}");
    assert!(
        !out.contains("Compiling") && !err.contains("Compiling"),
        "{out}\n{err}"
    );
    assert_eq!(compiled_crates(&live), before, "a crate was compiled again");
}
