//! The non-interactive commands: list, show, run, check and their errors.

mod common;

use std::fs;
use std::path::Path;

use common::avance;
use predicates::prelude::*;

/// A lessons folder in `dir` holding the one lesson `name`, with `text`.
fn one_lesson(dir: &Path, name: &str, text: impl AsRef<[u8]>) -> std::path::PathBuf {
    let lessons = dir.join("lessons");
    fs::create_dir_all(&lessons).unwrap();
    fs::write(lessons.join(name), text).unwrap();
    lessons
}

fn lessons_copy(dir: &Path, edit: impl Fn(String) -> String) -> std::path::PathBuf {
    let lessons = dir.join("lessons");
    fs::create_dir_all(&lessons).unwrap();
    let text = fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/lessons/01-underscore.md"
    ))
    .unwrap();
    fs::write(lessons.join("01-underscore.md"), edit(text)).unwrap();
    lessons
}

#[test]
fn list_shows_lessons_with_slide_counts() {
    let home = tempfile::tempdir().unwrap();
    let catalog = avance::catalog::Catalog::embedded().unwrap();
    let listed = avance(home.path()).arg("list").output().unwrap();
    let stdout = String::from_utf8(listed.stdout).unwrap();
    for lesson in catalog.lessons() {
        let counts = format!(
            "0/{} slides seen, 0/{} snippets run, 0/{} exercises solved",
            lesson.slides.len(),
            lesson
                .slides
                .iter()
                .flat_map(|s| s.snippets())
                .filter(|s| s.is_playable())
                .count(),
            lesson.exercises().count()
        );
        let line = format!(
            r"(?m)^  {} +{} +{counts}$",
            lesson.id,
            regex_escape(&lesson.title)
        );
        assert!(
            predicate::str::is_match(&line).unwrap().eval(&stdout),
            "{line}\n{stdout}"
        );
    }
}

fn regex_escape(text: &str) -> String {
    text.chars()
        .map(|c| match c.is_alphanumeric() || c == ' ' || c == '-' {
            true => c.to_string(),
            false => format!("\\{c}"),
        })
        .collect()
}

#[test]
fn show_accepts_numbers_slugs_and_prefixes() {
    let home = tempfile::tempdir().unwrap();
    for target in ["1/2", "01/2", "underscore/2", "under/2", "01-underscore/2"] {
        avance(home.path())
            .args(["show", target])
            .assert()
            .success()
            .stdout(
                predicate::str::contains("Digit separators: 10_000")
                    .and(predicate::str::contains("│ big = 10_000")),
            );
    }
}

#[test]
fn show_with_notes_prints_them() {
    let home = tempfile::tempdir().unwrap();
    avance(home.path())
        .args(["show", "1/2", "--notes"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Notes:"));
}

#[test]
fn unknown_lessons_and_slides_get_one_line_naming_the_right_ones() {
    let home = tempfile::tempdir().unwrap();
    avance(home.path())
        .args(["show", "nope"])
        .assert()
        .failure()
        .stderr(predicate::str::starts_with(
            "error: no lesson `nope`; the lessons are: 00-ownership, 01-underscore, ",
        ));
    avance(home.path())
        .args(["run", "1/99"])
        .assert()
        .failure()
        .stderr(format!(
            "error: lesson 01-underscore has slides 1 to {}; there is no slide 99\n",
            avance::catalog::Catalog::embedded().unwrap().lessons()[1]
                .slides
                .len()
        ));
}

#[test]
fn run_prints_each_snippet_and_its_output() {
    let home = tempfile::tempdir().unwrap();
    avance(home.path())
        .args(["run", "1/2"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Rust · 01-underscore/2\n│ let big = 10_000;",
        ))
        .stdout(predicate::str::contains(
            "Output of 01-underscore/2\n10000 1000000 65535 170 9.80665",
        ));
}

#[test]
fn a_lesson_folder_with_an_error_names_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let lessons = lessons_copy(dir.path(), |text| {
        text.replacen("```rust,should_panic", "```rust,should-panic", 1)
    });
    let line = fs::read_to_string(lessons.join("01-underscore.md"))
        .unwrap()
        .lines()
        .position(|l| l.contains("should-panic"))
        .unwrap()
        + 1;
    let expected = format!(
        "{}:{line}: unknown attribute `should-panic` on a `rust` fence",
        lessons.join("01-underscore.md").display()
    );
    avance(dir.path())
        .arg("--lessons")
        .arg(&lessons)
        .arg("list")
        .assert()
        .failure()
        .stderr(predicate::str::starts_with(format!("error: {expected}")));
}

#[test]
fn an_output_block_without_rust_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let lessons = one_lesson(
        dir.path(),
        "01-x.md",
        "# X\n\n## S\n\nProse.\n\n```output\n1\n```\n",
    );
    avance(dir.path()).arg("--lessons").arg(&lessons).arg("list").assert().failure().stderr(predicate::str::contains(
        "01-x.md:7: an `output` block must follow a `rust` block; this one follows something that is not a rust block",
    ));
}

#[test]
fn a_missing_lessons_folder_is_named() {
    let dir = tempfile::tempdir().unwrap();
    avance(dir.path())
        .args(["--lessons", "/nonexistent/lessons", "list"])
        .assert()
        .failure()
        .stderr(
            "error: cannot read /nonexistent/lessons: No such file or directory (os error 2)\n",
        );
}

#[test]
fn check_fails_with_a_diff_when_an_output_block_lies() {
    let dir = tempfile::tempdir().unwrap();
    let lessons = lessons_copy(dir.path(), |text| {
        text.replacen(
            "10000 1000000 65535 170 9.80665",
            "10000 1000000 65535 170 9.8",
            1,
        )
    });
    avance(dir.path())
        .arg("--lessons")
        .arg(&lessons)
        .args(["check", "underscore"])
        .assert()
        .failure()
        .stdout(predicate::str::contains(
            "FAILED 01-underscore/2: stdout differs from the output block",
        ))
        .stdout(predicate::str::contains("9.80665"))
        .stdout(predicate::str::contains(" 1 failed"));
}

#[test]
fn a_snippet_of_a_lesson_never_built_in_says_it_is_new_not_edited() {
    let dir = tempfile::tempdir().unwrap();
    let lessons = one_lesson(
        dir.path(),
        "01-fresh.md",
        "# Fresh\n\n## S\n\n```rust\nprintln!(\"hi\");\n```\n",
    );
    avance(dir.path())
        .arg("--lessons")
        .arg(&lessons)
        .args(["run", "1"])
        .assert()
        .failure()
        .stdout(predicate::str::contains(
            "snippet 01-fresh/2 is new: this program was built without it; put its lesson in lessons/ and rebuild (cargo build) to run it",
        ));
}

#[test]
fn check_and_run_refuse_a_snippet_edited_since_the_build() {
    let dir = tempfile::tempdir().unwrap();
    let lessons = lessons_copy(dir.path(), |text| {
        text.replacen("let mask = 0xFF_FF;", "let mask = 0xFF_FE;", 1)
    });
    let rebuild =
        "snippet 01-underscore/2 was edited since this program was built; rebuild it (cargo build)";
    avance(dir.path())
        .arg("--lessons")
        .arg(&lessons)
        .args(["check", "1"])
        .assert()
        .failure()
        .stdout(predicate::str::contains(rebuild));
    avance(dir.path())
        .arg("--lessons")
        .arg(&lessons)
        .args(["run", "1/2"])
        .assert()
        .failure()
        .stdout(predicate::str::contains(rebuild));
}

#[test]
fn the_hidden_snippet_command_refuses_unknown_ids() {
    let dir = tempfile::tempdir().unwrap();
    avance(dir.path())
        .args(["snippet", "99-nope/1"])
        .assert()
        .failure()
        .stderr("error: no compiled snippet `99-nope/1` in this program\n");
}

#[test]
fn version_and_help() {
    let dir = tempfile::tempdir().unwrap();
    avance(dir.path())
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("avance "));
    avance(dir.path())
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("check"));
}

#[test]
fn run_over_a_whole_lesson_accepts_intended_panics_and_refusals() {
    let home = tempfile::tempdir().unwrap();
    let refusal = if common::require_tool("rustc") {
        "rustc refuses it, as this slide intends:"
    } else {
        "rustc is not installed here to show why"
    };
    avance(home.path())
        .args(["run", "underscore"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "panicked, as this slide intends: called `Result::unwrap()`",
        ))
        .stdout(predicate::str::contains(refusal))
        .stdout(predicate::str::contains("error: the snippet").not());
}

#[test]
fn run_shows_rustc_refusing_a_compile_fail_slide_at_the_lesson_line() {
    if !common::require_tool("rustc") {
        return;
    }
    let lesson = fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/lessons/01-underscore.md"
    ))
    .unwrap();
    let line = lesson
        .lines()
        .position(|l| l.starts_with("println!(\"{}\", s.stuff);"))
        .unwrap()
        + 1;
    let home = tempfile::tempdir().unwrap();
    avance(home.path())
        .args(["run", "1/10"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "rustc refuses it, as this slide intends:\nerror[E0616]",
        ))
        // The lesson's own file and line: no generated file is named.
        .stdout(predicate::str::contains(format!(
            "--> lessons/01-underscore.md:{line}:"
        )))
        .stdout(predicate::str::contains("slide-10.rs").not());
}

#[test]
fn a_snippet_run_alone_panics_with_status_101_at_the_lesson_line() {
    let home = tempfile::tempdir().unwrap();
    avance(home.path())
        .args(["snippet", "01-underscore/3.1"])
        .assert()
        .code(101)
        .stdout("parsing \"10_000\"\n")
        .stderr(predicate::str::contains(
            "panicked: called `Result::unwrap()`",
        ))
        .stderr(predicate::str::contains("(at lessons/01-underscore.md:60)"));
}

#[test]
fn misnamed_and_duplicate_lesson_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let lessons = lessons_copy(dir.path(), |text| text);
    // `list` on the lessons with `file` added beside them must fail; its
    // stderr, once the file is taken away again.
    let refused = |file: &str, text: &str| -> String {
        fs::write(lessons.join(file), text).unwrap();
        let output = avance(dir.path())
            .arg("--lessons")
            .arg(&lessons)
            .arg("list")
            .output()
            .unwrap();
        fs::remove_file(lessons.join(file)).unwrap();
        assert!(!output.status.success(), "{file} was accepted");
        String::from_utf8(output.stderr).unwrap()
    };
    let stderr = refused("6_intro.md", "# Intro\n");
    assert!(
        stderr.contains(
            "lesson file names look like `NN-slug.md` (e.g. `01-underscore.md`), not `6_intro.md`"
        ),
        "{stderr}"
    );
    let stderr = refused("99999999999-a.md", "# Big\n");
    assert!(
        stderr.contains(
            "99999999999-a.md:1: the lesson number 99999999999 is too large: number lessons from 01 (at most 4294967295)"
        ),
        "{stderr}"
    );
    assert_eq!(
        refused("1-again.md", "# Again\n"),
        "error: lessons 01-underscore and 1-again share the number 1; each lesson needs its own\n"
    );
}

#[test]
fn run_says_when_a_slide_has_no_rust() {
    let home = tempfile::tempdir().unwrap();
    avance(home.path())
        .args(["run", "1/1"])
        .assert()
        .success()
        .stdout("no Rust to run in 1/1\n");
}

#[test]
fn present_and_notes_need_a_terminal_and_a_real_slide() {
    let home = tempfile::tempdir().unwrap();
    avance(home.path())
        .args(["present", "underscore", "--slide", "99"])
        .assert()
        .failure()
        .stderr(format!(
            "error: lesson 01-underscore has slides 1 to {}; there is no slide 99\n",
            avance::catalog::Catalog::embedded().unwrap().lessons()[1]
                .slides
                .len()
        ));
    avance(home.path())
        .args(["present", "1/2"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "`avance present` takes over a terminal: run it in one (`avance show 1/2` prints the slides)",
        ));
    avance(home.path())
        .args(["notes", "underscore"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("run it in a terminal"));
    avance(home.path())
        .args(["notes", "nope"])
        .assert()
        .failure()
        .stderr(predicate::str::starts_with("error: no lesson `nope`"));
}

/// Control characters in a lesson (an escape that clears the screen, one
/// that renames the terminal's window, a bell) reach no view as such: the
/// terminal gets visible symbols, and a hint's HTML stays text in a notebook.
#[test]
fn escape_sequences_in_a_lesson_reach_no_view() {
    let dir = tempfile::tempdir().unwrap();
    let lessons = one_lesson(
        dir.path(),
        "01-x.md",
        "# X \x1b]0;owned\x07\n\n## S\x1b[2J\n\nProse \x1b[2J here.\n\n```python\nprint(1)\x1b[H\n```\n\n\
         <!-- notes: say \x1b[31m it -->\n\n## E\n\n```rust,exercise\nfn two() -> i32 { todo!() }\n```\n\n\
         ```rust,solution\nfn two() -> i32 { 2 }\n```\n\n```rust,test\n#[test]\nfn t() { assert_eq!(two(), 2); }\n```\n\n\
         <!-- hint: </details><script>alert(1)</script> -->\n",
    );
    let shown = avance(dir.path())
        .arg("--lessons")
        .arg(&lessons)
        .args(["--color", "always", "show", "x", "--notes"])
        .output()
        .unwrap();
    assert!(
        shown.status.success(),
        "{}",
        String::from_utf8_lossy(&shown.stderr)
    );
    let text = String::from_utf8(shown.stdout).unwrap();
    for raw in ["\x1b[2J", "\x1b]0;", "\x07", "\x1b[H", "\x1b[31m it"] {
        assert!(
            !text.contains(raw),
            "{raw:?} reached the terminal:\n{text:?}"
        );
    }
    assert!(text.contains("Prose ␛[2J here."), "{text}");
    let out = dir.path().join("nb");
    avance(dir.path())
        .arg("--lessons")
        .arg(&lessons)
        .args(["notebook", "x", "-o"])
        .arg(&out)
        .assert()
        .success();
    let notebook = fs::read_to_string(out.join("01-x.ipynb")).unwrap();
    assert!(!notebook.contains("</details><script>"), "{notebook}");
    assert!(!notebook.contains("\\u001b"), "{notebook}");
}

/// A fence left open, a ```` fence "closed" by ```, and a line that is not
/// UTF-8 are refused at their line; a byte-order mark is accepted.
#[test]
fn broken_fences_and_bytes_are_refused_at_their_line() {
    let dir = tempfile::tempdir().unwrap();
    let refused = |text: &[u8]| {
        let lessons = one_lesson(dir.path(), "01-x.md", text);
        let out = avance(dir.path())
            .arg("--lessons")
            .arg(&lessons)
            .arg("list")
            .output()
            .unwrap();
        String::from_utf8(out.stderr).unwrap()
    };
    let open = refused(b"# X\n\n## S\n\n```rust\nlet x = 1;\n\n## T\n\nMore.\n");
    assert!(
        open.contains("01-x.md:5: the ``` fence opened on this line is never closed"),
        "{open}"
    );
    let long = refused(b"# X\n\n## S\n\n````text\nshown\n```\n\n## T\n");
    assert!(long.contains("01-x.md:5: the ```` fence"), "{long}");
    let bytes = refused(b"# X\n\n## S\n\nA \xff here.\n");
    assert!(
        bytes.contains("01-x.md:5: this line is not UTF-8 text"),
        "{bytes}"
    );
    assert_eq!(refused("\u{feff}# X\n\n## S\n\nFine.\n".as_bytes()), "");
}

#[cfg(unix)]
#[test]
fn a_lesson_whose_file_name_is_not_utf8_is_reported_not_skipped() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let lessons = one_lesson(dir.path(), "01-x.md", "# X\n\n## S\n\nFine.\n");
    let name = std::ffi::OsStr::from_bytes(b"02-caf\xe9.md");
    fs::write(lessons.join(name), "# Y\n\n## S\n\nFine.\n").unwrap();
    let out = avance(dir.path())
        .arg("--lessons")
        .arg(&lessons)
        .arg("list")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(
            "02-caf\u{fffd}.md: this file name is not UTF-8 text; rename the lesson NN-slug.md"
        ),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

/// Includes are read by their real path: a link that leads out of the
/// project is refused, as is a FIFO where a lesson or an include should be
/// (at once, never a hang); `--lessons .` from inside the lessons folder
/// finds the includes beside it.
#[test]
fn includes_and_lessons_must_be_regular_files_of_the_project() {
    let dir = tempfile::tempdir().unwrap();
    let lessons = dir.path().join("lessons");
    let src = dir.path().join("src");
    fs::create_dir_all(&lessons).unwrap();
    fs::create_dir_all(&src).unwrap();
    fs::write(src.join("ok.rs"), "let x = 1;\n").unwrap();
    let secret = tempfile::NamedTempFile::new().unwrap();
    fs::write(secret.path(), "secret\n").unwrap();
    std::os::unix::fs::symlink(secret.path(), src.join("evil.rs")).unwrap();
    let lesson = |include: &str| {
        format!("# X\n\n## S\n\n```rust,ignore\n{{{{#include ../src/{include}}}}}\n```\n")
    };
    let list = |cwd: &std::path::Path, lessons_arg: &std::path::Path| {
        let out = avance(dir.path())
            .current_dir(cwd)
            .arg("--lessons")
            .arg(lessons_arg)
            .arg("list")
            .output()
            .unwrap();
        (out.status.success(), String::from_utf8(out.stderr).unwrap())
    };
    fs::write(lessons.join("01-x.md"), lesson("ok.rs")).unwrap();
    assert_eq!(
        list(&lessons, std::path::Path::new(".")),
        (true, String::new())
    );
    fs::write(lessons.join("01-x.md"), lesson("evil.rs")).unwrap();
    let (ok, stderr) = list(dir.path(), &lessons);
    assert!(!ok && stderr.contains("outside the project"), "{stderr}");
    assert!(!stderr.contains("secret"), "{stderr}");
    fs::remove_file(lessons.join("01-x.md")).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(lessons.join("01-x.md"))
        .status()
        .unwrap();
    assert!(made.success());
    let (ok, stderr) = list(dir.path(), &lessons);
    assert!(!ok && stderr.contains("not a regular file"), "{stderr}");
}

/// `avance completions SHELL` prints a script that knows the commands and
/// their flags; an unknown shell is refused with the ones there are.
#[test]
fn completions_know_the_commands_and_flags() {
    let dir = tempfile::tempdir().unwrap();
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef avance"),
        ("fish", "complete -c avance"),
    ] {
        let out = avance(dir.path())
            .args(["completions", shell])
            .output()
            .unwrap();
        assert!(out.status.success(), "{shell}");
        let script = String::from_utf8(out.stdout).unwrap();
        assert!(script.contains(marker), "{shell}:\n{script}");
        for word in ["present", "export", "elementwise", "gpu"] {
            assert!(script.contains(word), "{shell} lacks {word}");
        }
    }
    avance(dir.path())
        .args(["completions", "tcsh"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("possible values: bash"));
}

/// `avance show` prints what each snippet prints, under it, as its lesson
/// says: the output block, or rustc's error codes for a compile_fail one.
#[test]
fn show_prints_each_snippet_s_output_under_it() {
    let home = tempfile::tempdir().unwrap();
    avance(home.path())
        .args(["--color", "never", "show", "1/2"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "It prints\n│ 10000 1000000 65535 170 9.80665",
        ));
    avance(home.path())
        .args(["--color", "never", "show", "1/10"])
        .assert()
        .success()
        .stdout(predicate::str::contains("rustc refuses it with\n│ E0616"));
}

#[test]
fn man_prints_the_main_page_a_commands_page_or_writes_them_all() {
    let dir = tempfile::tempdir().unwrap();
    let page = |args: &[&str]| {
        let out = avance(dir.path()).arg("man").args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let main = page(&[]);
    let footer = concat!("\"avance ", env!("CARGO_PKG_VERSION"), "\"");
    assert!(main.contains(&format!(".TH avance 1  {footer}")), "{main}");
    assert!(main.contains("avance\\-present(1)"), "{main}");
    // Hidden commands have no page, and the main page names none.
    assert!(
        !main.contains("avance\\-snippet") && !main.contains("avance\\-worker"),
        "{main}"
    );
    let bench = page(&["bench"]);
    assert!(
        bench.contains(&format!(".TH avance-bench 1  {footer}")),
        "{bench}"
    );
    assert!(bench.contains("avance\\-bench\\-conv(1)"), "{bench}");
    avance(dir.path())
        .args(["man", "snippet"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "error: no command `snippet` has a manual page; the commands are list, show, run, present,",
        ));
    let pages = dir.path().join("man1");
    avance(dir.path())
        .args(["man", "--dir"])
        .arg(&pages)
        .assert()
        .success();
    for name in ["avance.1", "avance-list.1", "avance-bench-conv.1"] {
        let text = fs::read_to_string(pages.join(name)).unwrap();
        assert!(text.starts_with(".ie"), "{name}: {text}");
    }
    assert!(!pages.join("avance-snippet.1").exists());
}

/// `avance show 1/2` in colour with `env` set (and COLORTERM, TERM and
/// COLORFGBG removed unless `env` sets them): stdout and stderr.
fn shown_in_colour(home: &Path, args: &[&str], env: &[(&str, &str)]) -> (String, String) {
    let mut command = avance(home);
    command
        .args(["show", "1/2", "--color", "always"])
        .args(args)
        .env_remove("COLORTERM")
        .env_remove("COLORFGBG")
        .env("TERM", "xterm");
    for (name, value) in env {
        command.env(name, value);
    }
    let output = command.output().unwrap();
    assert!(output.status.success(), "{output:?}");
    (
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn colour_depth_follows_colorterm_and_term() {
    let home = tempfile::tempdir().unwrap();
    let (true_colour, _) = shown_in_colour(home.path(), &[], &[("COLORTERM", "truecolor")]);
    assert!(true_colour.contains("\x1b[38;2;"), "{true_colour:?}");
    let (xterm, _) = shown_in_colour(home.path(), &[], &[("TERM", "xterm-256color")]);
    assert!(xterm.contains("\x1b[38;5;"), "{xterm:?}");
    assert!(
        !xterm.contains("38;2;"),
        "no 24-bit colour on a 256-colour terminal"
    );
    let (sixteen, _) = shown_in_colour(home.path(), &[], &[]);
    assert!(
        !sixteen.contains("38;2;") && !sixteen.contains("38;5;"),
        "{sixteen:?}"
    );
    assert!(
        sixteen.contains("\x1b[35mlet"),
        "keywords keep a colour: {sixteen:?}"
    );
}

#[test]
fn the_theme_comes_from_the_flag_the_config_then_colorfgbg() {
    let home = tempfile::tempdir().unwrap();
    let truecolor = [("COLORTERM", "truecolor")];
    let (light, _) = shown_in_colour(home.path(), &["--theme", "light"], &truecolor);
    let (dark, _) = shown_in_colour(home.path(), &["--theme", "dark"], &truecolor);
    assert_ne!(light, dark, "two themes");
    let from_colorfgbg = [("COLORTERM", "truecolor"), ("COLORFGBG", "0;15")];
    assert_eq!(shown_in_colour(home.path(), &[], &from_colorfgbg).0, light);
    let dark_colorfgbg = [("COLORTERM", "truecolor"), ("COLORFGBG", "15;0")];
    assert_eq!(shown_in_colour(home.path(), &[], &dark_colorfgbg).0, dark);

    fs::write(home.path().join("config.toml"), "theme = \"light\"\n").unwrap();
    assert_eq!(shown_in_colour(home.path(), &[], &dark_colorfgbg).0, light);
    assert_eq!(
        shown_in_colour(home.path(), &["--theme", "dark"], &truecolor).0,
        dark,
        "the flag over the config"
    );

    fs::write(home.path().join("config.toml"), "theme = \"sepia\"\n").unwrap();
    let (shown, warning) = shown_in_colour(home.path(), &[], &dark_colorfgbg);
    assert_eq!(shown, dark);
    assert_eq!(
        avance::render::strip_styles(&warning),
        format!(
            "warning: {}, line 1: unknown variant `sepia`, expected `dark` or `light`; the theme is chosen as if it were absent\n",
            home.path().join("config.toml").display()
        )
    );
    avance(home.path())
        .args(["show", "1/2", "--theme", "sepia"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "invalid value 'sepia' for '--theme <THEME>'",
        ))
        .stderr(predicate::str::contains("[possible values: dark, light]"));
}
