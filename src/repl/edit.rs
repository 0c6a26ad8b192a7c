//! `:edit`: the slide's Rust put in the next input line, to change and run
//! live. It takes the first snippet the build compiles (on an exercise's
//! slide, the student's answer: see `exercise.rs`), or the N-th snippet with
//! `:edit N`; code that is only shown (an
//! excerpt of the library, a fragment, an error on purpose) is refused in one
//! line saying why, since it cannot run alone.

use std::io::{self, Write};

use crate::lesson::codegen::{has_main, main_returns_result};
use crate::lesson::{Mode, Slide, Snippet};

use super::Repl;
use crate::tr;

/// What `:edit` puts in the line, and the note shown above it.
#[derive(Debug, PartialEq, Eq)]
struct Edit {
    note: String,
    code: String,
}

impl<W: Write> Repl<W> {
    /// `:edit` or `:edit N` (`number` as typed).
    pub(super) fn edit_slide(&mut self, number: Option<&str>) -> io::Result<()> {
        let exercise = self.session.slide().exercises().next().cloned();
        if number.is_none()
            && let Some(exercise) = exercise
        {
            return self.edit_answer(&exercise);
        }
        match edit(self.session.slide(), number) {
            Ok(edit) => {
                self.note(&edit.note)?;
                self.edit = Some(edit.code);
                Ok(())
            }
            Err(why) => self.problem(&why),
        }
    }
}

fn edit(slide: &Slide, number: Option<&str>) -> Result<Edit, String> {
    let snippets: Vec<&Snippet> = slide.snippets().collect();
    match number {
        Some(typed) => numbered(slide, &snippets, typed),
        None => first(&snippets),
    }
}

/// `:edit`: the first snippet that can run (an exercise's answer is the
/// REPL's, see `exercise.rs`).
fn first(snippets: &[&Snippet]) -> Result<Edit, String> {
    if let Some(snippet) = snippets.iter().find(|s| why_not_editable(s).is_none()) {
        return Ok(snippet_edit(snippet));
    }
    match snippets.first().and_then(|s| why_not_editable(s)) {
        Some(why) => Err(tr!("edit-slide-not-editable", why = why)),
        None => Err(tr!("edit-no-rust")),
    }
}

/// `:edit N`: the N-th snippet, in the order `:run` plays them.
fn numbered(slide: &Slide, snippets: &[&Snippet], typed: &str) -> Result<Edit, String> {
    let Some((number, snippet)) = typed
        .parse::<usize>()
        .ok()
        .and_then(|n| Some((n, *snippets.get(n.checked_sub(1)?)?)))
    else {
        return Err(no_such_snippet(slide, snippets.len(), typed));
    };
    let Some(why) = why_not_editable(snippet) else {
        return Ok(snippet_edit(snippet));
    };
    let why = tr!("edit-snippet-not-editable", number = number, why = why);
    match snippets.iter().position(|s| why_not_editable(s).is_none()) {
        Some(index) => Err(tr!("edit-take-another", why = why, number = index + 1)),
        None => Err(why),
    }
}

fn no_such_snippet(slide: &Slide, count: usize, typed: &str) -> String {
    let has = match count {
        0 if slide.exercises().next().is_some() => tr!("edit-has-only-exercise"),
        0 => tr!("edit-has-none"),
        1 => tr!("edit-has-one"),
        2 => tr!("edit-has-two"),
        n => tr!("edit-has-many", count = n),
    };
    tr!("edit-no-such-snippet", typed = typed, has = has)
}

/// Why `snippet` cannot be edited and run live, or `None` when it can:
/// the build compiles it, so it runs alone (with the lessons' crates).
fn why_not_editable(snippet: &Snippet) -> Option<String> {
    match (snippet.mode, &snippet.included) {
        (Mode::Run | Mode::NoRun | Mode::ShouldPanic, _) => None,
        (Mode::CompileFail, _) => Some(tr!("edit-compile-fail")),
        (Mode::Ignore, Some(file)) => Some(tr!("edit-excerpt", file = file.as_str())),
        (Mode::Ignore, None) => Some(tr!("edit-fragment")),
    }
}

fn snippet_edit(snippet: &Snippet) -> Edit {
    Edit {
        note: tr!("edit-note"),
        code: live_code(snippet),
    }
}

/// The snippet's code as live Rust should run it: hidden lines included,
/// and a snippet with its own `main` calls it as the program does. An
/// `Err` from `main` is printed as Rust prints a failed `main`'s; a bare
/// `main()` would have live Rust echo its `Ok(())`, which the program never
/// prints.
fn live_code(snippet: &Snippet) -> String {
    let mut code = snippet.compiled_code();
    if main_returns_result(&code) {
        code.push_str("\nif let Err(error) = main() { eprintln!(\"Error: {error:?}\"); }");
    } else if has_main(&code) {
        code.push_str("\nmain();");
    }
    code
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::lesson::demo_lesson;

    /// A slide with an error on purpose, code that runs, and a fragment.
    const THREE: &str = "# Demo\n\n## Three\n\n\
        ```rust,compile_fail\nlet x = 1;\nx = 2;\n```\n\n```output\nE0384\n```\n\n\
        ```rust\nprintln!(\"runs\");\n```\n\n\
        ```rust,ignore\n#[my_macro]\nfn f() {}\n```\n";

    fn three(number: Option<&str>) -> Result<Edit, String> {
        edit(&demo_lesson(THREE).slides[1], number)
    }

    #[test]
    fn plain_edit_takes_the_first_snippet_that_runs() {
        assert_eq!(
            three(None),
            Ok(Edit {
                note: tr!("edit-note"),
                code: "println!(\"runs\");".into()
            })
        );
    }

    #[test]
    fn edit_n_takes_the_nth_snippet_or_says_why_not() {
        assert_eq!(
            three(Some("2")).map(|e| e.code),
            Ok("println!(\"runs\");".into())
        );
        assert_eq!(
            three(Some("1")),
            Err("snippet 1 of this slide does not compile, on purpose: :run shows the compiler's refusal; :edit 2 takes one that runs".into())
        );
        assert_eq!(
            three(Some("3")),
            Err("snippet 3 of this slide is shown, not run: it does not compile on its own; :edit 2 takes one that runs".into())
        );
    }

    #[test]
    fn a_number_out_of_range_names_the_snippets_there_are() {
        for typed in ["0", "4", "two", "-1"] {
            assert_eq!(
                three(Some(typed)),
                Err(format!(
                    "no snippet `{typed}` on this slide: it has 3 Rust snippets: :edit 1 to :edit 3"
                ))
            );
        }
        let two =
            demo_lesson("# D\n\n## Two\n\n```rust\nlet a = 1;\n```\n\n```rust\nlet b = 2;\n```\n");
        assert_eq!(
            edit(&two.slides[1], Some("3")),
            Err("no snippet `3` on this slide: it has 2 Rust snippets: :edit 1 or :edit 2".into())
        );
        let one = demo_lesson("# D\n\n## One\n\n```rust\nlet a = 1;\n```\n");
        assert_eq!(
            edit(&one.slides[1], Some("2")),
            Err("no snippet `2` on this slide: it has 1 Rust snippet: :edit or :edit 1".into())
        );
    }

    #[test]
    fn an_exercise_slide_has_no_numbered_snippet() {
        let lesson = demo_lesson(
            "# D\n\n## Ex\n\n```rust,exercise\nfn n() -> i32 { todo!() }\n```\n\n\
             ```rust,solution\nfn n() -> i32 { 1 }\n```\n\n```rust,test\n#[test]\nfn one() { assert_eq!(n(), 1); }\n```\n",
        );
        let slide = &lesson.slides[1];
        assert_eq!(
            edit(slide, Some("1")),
            Err("no snippet `1` on this slide: it has no Rust snippet, only an exercise: :edit puts your answer in the line".into())
        );
    }

    #[test]
    fn a_slide_of_shown_rust_only_says_why_in_one_line() {
        let lesson =
            demo_lesson("# D\n\n## Shown\n\n```rust,ignore\n#[my_macro]\nfn f() {}\n```\n");
        assert_eq!(
            edit(&lesson.slides[1], None),
            Err("this slide's Rust is shown, not run: it does not compile on its own; type your own".into())
        );
        assert_eq!(
            edit(&lesson.slides[0], None),
            Err("this slide has no Rust to edit; type your own".into())
        );
    }

    #[test]
    fn a_main_is_called_as_the_program_calls_it_and_echoes_nothing() {
        let snippet = |source: &str| Snippet {
            id: "07-demo/2".into(),
            mode: Mode::Run,
            source: source.into(),
            line: 1,
            expected: None,
            included: None,
        };
        let result = live_code(&snippet(
            "# fn main() -> Result<(), String> {\nprintln!(\"hi\");\n# Ok(())\n# }",
        ));
        assert_eq!(
            result,
            "fn main() -> Result<(), String> {\nprintln!(\"hi\");\nOk(())\n}\n\
             if let Err(error) = main() { eprintln!(\"Error: {error:?}\"); }"
        );
        assert_eq!(
            live_code(&snippet("fn main() {\n    println!(\"hi\");\n}")),
            "fn main() {\n    println!(\"hi\");\n}\nmain();"
        );
        assert_eq!(live_code(&snippet("println!(\"hi\")")), "println!(\"hi\")");
    }

    /// Over the whole course: `:edit` loads only code the build compiles,
    /// and a slide whose Rust is an excerpt of the library (the convolution's
    /// engines, the elementwise functions...) is refused naming the file, or
    /// gives the snippet after it that runs.
    #[test]
    fn every_slide_of_the_course_edits_code_that_runs_or_says_why_not() {
        let catalog = Catalog::embedded().unwrap();
        let mut excerpt_first = Vec::new();
        for lesson in catalog.lessons() {
            for slide in &lesson.slides {
                let place = format!("{}/{}", lesson.id, slide.number);
                let runnable: Vec<String> = slide
                    .snippets()
                    .filter(|s| s.is_compiled())
                    .map(live_code)
                    .collect();
                let first = slide.snippets().next();
                match edit(slide, None) {
                    Ok(edit) => assert!(runnable.contains(&edit.code), "{place}: {}", edit.code),
                    Err(why) => {
                        assert!(runnable.is_empty(), "{place}: {why}");
                        let named = match first.and_then(|s| s.included.as_deref()) {
                            Some(file) => why.contains(&format!("an excerpt of {file}")),
                            None => why.starts_with("this slide"),
                        };
                        assert!(named, "{place}: {why}");
                    }
                }
                if let Some(file) = first
                    .filter(|s| !s.is_compiled())
                    .and_then(|s| s.included.as_deref())
                {
                    excerpt_first.push(format!("{place} ({file}, runs: {})", runnable.len()));
                }
            }
        }
        assert!(
            excerpt_first
                .iter()
                .any(|s| s.starts_with("24-convolution/5 (src/conv/naive.rs, runs: 1)")),
            "{excerpt_first:?}"
        );
        let naive = catalog.locate("24/5").unwrap();
        let slide = &catalog.lessons()[naive.0].slides[naive.1.unwrap()];
        assert!(
            edit(slide, None)
                .unwrap()
                .code
                .contains("timer.time(|| convolve_naive(&f, &g))")
        );
        assert_eq!(
            edit(slide, Some("1")),
            Err("snippet 1 of this slide is shown, not run: it is an excerpt of src/conv/naive.rs; :edit 2 takes one that runs".into())
        );
    }
}
