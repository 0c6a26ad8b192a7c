//! Parser, fence, include and codegen unit tests.

use rstest::rstest;

use super::fence::{FenceError, FenceKind, parse_info};
use super::include::IncludeSource;
use super::*;

/// Included files for tests, by project path.
struct Files(&'static [(&'static str, &'static str)]);

impl IncludeSource for Files {
    fn read(&self, project_path: &str) -> Result<String, ReadError> {
        self.0
            .iter()
            .find(|(p, _)| *p == project_path)
            .map(|(_, t)| t.to_string())
            .ok_or(ReadError::NotEmbedded)
    }
}

const NO_FILES: Files = Files(&[]);

fn parse(text: &str) -> Result<Lesson, ParseError> {
    parse_lesson("01-test.md", "lessons/01-test.md", text, &NO_FILES)
}

fn error_of(text: &str) -> (usize, ParseErrorKind) {
    let error = parse(text).expect_err("the lesson should be refused");
    (error.line, error.kind)
}

const LESSON: &str = "\
# Underscore idioms
Intro *prose* with `code`.

## Digit separators
Python has **them**:
- one
  - nested
- two

```python
big = 10_000
```

```rust
let big = 10_000;
# let hidden = 1;
println!(\"{big}\");
```

```output
10000
```
<!-- notes: say it -->

## Two snippets
```rust,no_run
loop {}
```
```rust,compile_fail
let x: u8 = \"no\";
```
```output
E0308
```
";

#[test]
fn a_lesson_becomes_a_title_slide_and_one_slide_per_heading() {
    let lesson = parse(LESSON).unwrap();
    assert_eq!(
        (lesson.id.as_str(), lesson.number, lesson.slug.as_str()),
        ("01-test", 1, "test")
    );
    assert_eq!(lesson.title, "Underscore idioms");
    let titles: Vec<_> = lesson
        .slides
        .iter()
        .map(|s| (s.number, s.title.as_str(), s.line))
        .collect();
    assert_eq!(
        titles,
        [
            (1, "Underscore idioms", 1),
            (2, "Digit separators", 4),
            (3, "Two snippets", 25)
        ]
    );
}

#[test]
fn prose_keeps_inline_styles_and_list_depth() {
    let lesson = parse(LESSON).unwrap();
    let Block::Paragraph(spans) = &lesson.slides[0].blocks[0] else {
        panic!("expected a paragraph")
    };
    let code: Vec<_> = spans
        .iter()
        .filter(|s| s.style.code)
        .map(|s| s.text.as_str())
        .collect();
    let emphasis: Vec<_> = spans
        .iter()
        .filter(|s| s.style.emphasis)
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!((code, emphasis), (vec!["code"], vec!["prose"]));
    let Block::List(items) = &lesson.slides[1].blocks[1] else {
        panic!("expected a list")
    };
    let shape: Vec<_> = items
        .iter()
        .map(|i| (i.depth, i.content[0].text.as_str()))
        .collect();
    assert_eq!(shape, [(0, "one"), (1, "nested"), (0, "two")]);
}

#[test]
fn rust_fences_become_snippets_with_ids_lines_and_outputs() {
    let lesson = parse(LESSON).unwrap();
    let snippets: Vec<_> = lesson.snippets().collect();
    let ids: Vec<_> = snippets
        .iter()
        .map(|s| (s.id.as_str(), s.mode, s.line))
        .collect();
    assert_eq!(
        ids,
        [
            ("01-test/2", Mode::Run, 14),
            ("01-test/3.1", Mode::NoRun, 26),
            ("01-test/3.2", Mode::CompileFail, 29)
        ]
    );
    assert_eq!(
        snippets[0].expected,
        Some(Expected {
            text: "10000".into(),
            line: 20
        })
    );
    assert_eq!(
        snippets[2].expected.as_ref().map(|e| e.text.as_str()),
        Some("E0308")
    );
}

#[test]
fn hidden_lines_compile_but_do_not_show() {
    let lesson = parse(LESSON).unwrap();
    let snippet = lesson.snippets().next().unwrap();
    assert_eq!(
        snippet.visible_code(),
        "let big = 10_000;\nprintln!(\"{big}\");"
    );
    assert_eq!(
        snippet.compiled_code(),
        "let big = 10_000;\nlet hidden = 1;\nprintln!(\"{big}\");"
    );
}

#[test]
fn check_only_lines_compile_only_at_the_check_scale() {
    let snippet = Snippet {
        id: String::new(),
        mode: Mode::Run,
        source: "let n = 2000; // the course's\n  #check let n = 20;\n# let hidden = n;\nprintln!(\"{n}\");"
            .into(),
        line: 1,
        expected: None,
        included: None,
    };
    assert!(snippet.has_check_lines());
    assert_eq!(
        snippet.visible_code(),
        "let n = 2000; // the course's\nprintln!(\"{n}\");"
    );
    assert_eq!(
        snippet.code_at(Scale::Course),
        "let n = 2000; // the course's\n\nlet hidden = n;\nprintln!(\"{n}\");"
    );
    assert_eq!(snippet.compiled_code(), snippet.code_at(Scale::Course));
    assert_eq!(
        snippet.code_at(Scale::Check),
        "let n = 2000; // the course's\nlet n = 20;\nlet hidden = n;\nprintln!(\"{n}\");"
    );
    let plain = parse(LESSON).unwrap().snippets().next().unwrap().clone();
    assert!(!plain.has_check_lines());
    assert_eq!(plain.code_at(Scale::Check), plain.compiled_code());
}

#[rstest]
#[case::lone_hash("#", "", false)]
#[case::indented("    # let x = 1;", "let x = 1;", false)]
#[case::escaped("##[derive(Debug)]", "#[derive(Debug)]", true)]
#[case::attribute("#[derive(Debug)]", "#[derive(Debug)]", true)]
fn rustdoc_hiding_rules(#[case] line: &str, #[case] compiled: &str, #[case] shown: bool) {
    let snippet = Snippet {
        id: String::new(),
        mode: Mode::Run,
        source: line.into(),
        line: 1,
        expected: None,
        included: None,
    };
    assert_eq!(snippet.compiled_code(), compiled);
    assert_eq!(!snippet.visible_code().is_empty(), shown);
}

#[test]
fn python_blocks_and_notes_are_kept_for_display() {
    let lesson = parse(LESSON).unwrap();
    let slide = &lesson.slides[1];
    assert_eq!(
        slide.python().map(|c| c.text.as_str()).collect::<Vec<_>>(),
        ["big = 10_000"]
    );
    assert_eq!(slide.notes().collect::<Vec<_>>(), ["say it"]);
}

#[test]
fn a_python_output_block_belongs_to_the_python_block_before_it() {
    let lesson = parse(
        "# T\n## S\n```python\nprint(1)\n```\n\n```python-output\n1\n```\n```python\nx = 2\n```\n",
    )
    .unwrap();
    let blocks: Vec<_> = lesson.slides[1].python().collect();
    assert_eq!(blocks.len(), 2);
    let expected = blocks[0].expected.as_ref().expect("attached");
    assert_eq!((expected.text.as_str(), expected.line), ("1", 7));
    assert!(blocks[1].expected.is_none());
}

#[rstest]
#[case::rust("rust", FenceKind::Rust(Mode::Run))]
#[case::comma("rust,no_run", FenceKind::Rust(Mode::NoRun))]
#[case::space("rust should_panic", FenceKind::Rust(Mode::ShouldPanic))]
#[case::ignore("rust,ignore", FenceKind::Rust(Mode::Ignore))]
#[case::compile_fail("rust,compile_fail", FenceKind::Rust(Mode::CompileFail))]
#[case::output("output", FenceKind::Output)]
#[case::python_output("python-output", FenceKind::PythonOutput)]
#[case::python("python", FenceKind::Python(PythonRole::Cell))]
#[case::excerpt("python,excerpt", FenceKind::Python(PythonRole::Excerpt))]
#[case::console("python console", FenceKind::Python(PythonRole::Console))]
#[case::raises("python,raises", FenceKind::Python(PythonRole::Raises))]
#[case::toml("toml", FenceKind::Display("toml".into()))]
#[case::bare("", FenceKind::Display(String::new()))]
fn fence_info_strings(#[case] info: &str, #[case] kind: FenceKind) {
    assert_eq!(parse_info(info), Ok(kind));
}

#[rstest]
#[case::typo("rust,no-run", "no-run")]
#[case::python_attribute("python,ignore", "ignore")]
#[case::python_second_attribute("python,excerpt,ignore", "ignore")]
#[case::output_attribute("output,ignore", "ignore")]
fn unknown_attributes_are_refused(#[case] info: &str, #[case] attribute: &str) {
    match parse_info(info) {
        Err(FenceError::UnknownAttribute {
            attribute: found, ..
        }) => assert_eq!(found, attribute),
        other => panic!("expected an unknown attribute, got {other:?}"),
    }
}

#[test]
fn conflicting_attributes_are_refused() {
    assert!(matches!(
        parse_info("rust,ignore,no_run"),
        Err(FenceError::Conflict { .. })
    ));
    assert!(matches!(
        parse_info("python,excerpt,raises"),
        Err(FenceError::Conflict { .. })
    ));
}

#[rstest]
#[case::no_title("Just prose.\n", 1, ParseErrorKind::BeforeTitle)]
#[case::slide_before_title("## Slide\n", 1, ParseErrorKind::BeforeTitle)]
#[case::second_title("# One\n\n# Two\n", 3, ParseErrorKind::SecondTitle)]
#[case::orphan_output(
    "# T\n## S\nText.\n```output\n1\n```\n",
    4,
    ParseErrorKind::OrphanOutput("something that is not a rust block")
)]
#[case::output_first(
    "# T\n## S\n```output\n1\n```\n",
    3,
    ParseErrorKind::OrphanOutput("the slide's heading")
)]
#[case::two_outputs(
    "# T\n```rust\n```\n```output\n```\n```output\n```\n",
    6,
    ParseErrorKind::OrphanOutput("another output block")
)]
#[case::output_after_no_run(
    "# T\n```rust,no_run\n```\n```output\n1\n```\n",
    4,
    ParseErrorKind::OutputForUnrun("no_run")
)]
#[case::compile_fail_without_codes(
    "# T\n\n```rust,compile_fail\nx\n```\n",
    3,
    ParseErrorKind::CompileFailWithoutCodes
)]
#[case::raw_html("# T\n\n<div>hi</div>\n", 3, ParseErrorKind::Html)]
#[case::python_output_after_rust(
    "# T\n```rust\n```\n```python-output\n1\n```\n",
    4,
    ParseErrorKind::OrphanPythonOutput("something that is not a python block")
)]
#[case::python_output_first(
    "# T\n## S\n```python-output\n1\n```\n",
    3,
    ParseErrorKind::OrphanPythonOutput("the slide's heading")
)]
#[case::two_python_outputs(
    "# T\n```python\n```\n```python-output\n```\n```python-output\n```\n",
    6,
    ParseErrorKind::OrphanPythonOutput("another python-output block")
)]
fn format_errors_name_the_line(
    #[case] text: &str,
    #[case] line: usize,
    #[case] kind: ParseErrorKind,
) {
    assert_eq!(error_of(text), (line, kind));
}

#[test]
fn unknown_attribute_error_names_file_line_and_the_right_attributes() {
    let error = parse("# T\n\n## S\n```rust,norun\n```\n").unwrap_err();
    let message = error.to_string();
    assert!(
        message.starts_with("lessons/01-test.md:4: unknown attribute `norun` on a `rust` fence"),
        "{message}"
    );
    assert!(
        message.contains("no_run, ignore, should_panic, compile_fail"),
        "{message}"
    );
}

#[test]
fn a_missing_title_is_an_error() {
    assert_eq!(error_of("").1, ParseErrorKind::MissingTitle);
}

#[rstest]
#[case("01-underscore.md", Some((1, "underscore")))]
#[case("12-a-b2.md", Some((12, "a-b2")))]
#[case("underscore.md", None)]
#[case("01-.md", None)]
#[case("01-Under.md", None)]
#[case("01-underscore.txt", None)]
fn lesson_file_names(#[case] name: &str, #[case] id: Option<(u32, &str)>) {
    assert_eq!(lesson_file_id(name), id);
}

#[test]
fn list_text_after_a_nested_list_or_fence_is_kept() {
    let text = "# T\n\n## S\n\n- a\n  - nested\n\n  after nested\n- b\n\n  ```rust,ignore\n  x\n  ```\n\n  after fence\n- c first\n\n  c second\n";
    let lesson = parse(text).unwrap();
    let words: Vec<String> = lesson.slides[1]
        .blocks
        .iter()
        .filter_map(|block| match block {
            Block::List(items) => Some(
                items
                    .iter()
                    .map(|i| {
                        i.content
                            .iter()
                            .map(|s| s.text.as_str())
                            .collect::<String>()
                    })
                    .collect::<Vec<_>>(),
            ),
            _ => None,
        })
        .flatten()
        .collect();
    assert_eq!(
        words,
        [
            "a",
            "nested",
            "after nested",
            "b",
            "after fence",
            "c first c second"
        ]
    );
}

const EXERCISE: &str = "# T\n\n## S\n\n```rust,exercise\nfn two() -> i32 {\n    todo!()\n}\n```\n\n```rust,solution\nfn two() -> i32 {\n    1 + 1\n}\n```\n\n```rust,test\nuse std::fmt::Debug;\n\n#[test]\nfn is_two() {\n    assert_eq!(two(), 2);\n}\n\n#[test]\n\nfn is_even() {\n    assert_eq!(two() % 2, 0);\n}\n\nfn not_a_case() {}\n```\n\n<!-- hint: add\none and one -->\n<!-- hint: `1 + 1` -->\n";

#[test]
fn exercises_hold_their_solution_hidden_tests_and_hints() {
    assert_eq!(parse_info("rust,exercise"), Ok(FenceKind::Exercise));
    assert_eq!(parse_info("rust,solution"), Ok(FenceKind::Solution));
    assert_eq!(parse_info("rust,test"), Ok(FenceKind::Test));
    assert!(parse_info("rust,exercise,no_run").is_err());
    assert!(parse_info("rust,test,ignore").is_err());
    let lesson = parse(EXERCISE).unwrap();
    let exercise = lesson.exercises().next().unwrap();
    assert_eq!(exercise.id, "01-test/2-exercise");
    assert_eq!(exercise.starter.line, 5);
    assert_eq!(exercise.solution.id, "01-test/2-solution");
    assert_eq!(exercise.solution.mode, Mode::Run);
    assert_eq!(exercise.solution.expected, None);
    assert_eq!(exercise.tests.line, 17);
    // A blank line between `#[test]` and its `fn` is allowed; a plain fn is no case.
    assert_eq!(exercise.tests.cases, ["is_two", "is_even"]);
    assert!(!exercise.tests.as_plain_functions().contains("#[test]"));
    assert_eq!(
        exercise.tests.as_plain_functions().lines().count(),
        exercise.tests.source.lines().count(),
        "the tests keep their lines"
    );
    assert_eq!(exercise.hints, ["add one and one", "`1 + 1`"]);
    // The solution is checked like a snippet; `:run` (the slide's snippets) leaves it out.
    let ids: Vec<&str> = lesson.snippets().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["01-test/2-solution"]);
    assert_eq!(lesson.slides[1].snippets().count(), 0);
}

#[test]
fn incomplete_exercises_and_stray_hints_are_refused() {
    let no_solution = EXERCISE.split("```rust,solution").next().unwrap();
    assert_eq!(
        error_of(no_solution),
        (5, ParseErrorKind::IncompleteExercise)
    );
    let no_tests = EXERCISE.split("```rust,test").next().unwrap();
    assert_eq!(error_of(no_tests), (5, ParseErrorKind::IncompleteExercise));
    assert_eq!(
        error_of("# T\n\n## S\n\n```rust,solution\nfn f() {}\n```\n"),
        (5, ParseErrorKind::OrphanSolution)
    );
    assert_eq!(
        error_of(
            "# T\n\n## S\n\n```rust\nfn f() {}\n```\n\n```rust,test\n#[test]\nfn t() {}\n```\n"
        ),
        (9, ParseErrorKind::OrphanTests)
    );
    let no_case = EXERCISE.replace("#[test]", "// a test");
    assert_eq!(error_of(&no_case), (17, ParseErrorKind::TestsWithoutCases));
    let with_output = EXERCISE.replace(
        "```\n\n```rust,solution",
        "```\n\n```output\n2\n```\n\n```rust,solution",
    );
    assert!(matches!(
        error_of(&with_output),
        (11, ParseErrorKind::OrphanOutput(why)) if why.contains("hidden tests grade")
    ));
    assert_eq!(
        error_of("# T\n\n## S\n\n<!-- hint: alone -->\n"),
        (5, ParseErrorKind::OrphanHint)
    );
}

mod generated;
