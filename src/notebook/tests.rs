//! The notebook's cells from a small lesson: prose, Python, each kind of
//! fence, an exercise, and the crates and features of the first cell.

use std::path::Path;

use serde_json::Value;

use super::markdown::code_span;
use super::*;
use crate::lesson::demo_lesson;

const LESSON: &str = r#"# Demo $x$ a_b
Intro with `code` and *stars*.

## Runs
Text.

```python
print(1_000)
```

```python-output
1000
```

```rust
# let hidden = 1;
println!("{}", hidden + ndarray::arr1(&[1]).len());
```

```output
2
```

## Kinds

```rust,compile_fail
let s = String::new();
let t = s;
println!("{s}");
```

```output
E0382
```

```rust,ignore
fn shown_only() {}
```

```rust,no_run
# fn main() -> std::io::Result<()> {
let mut line = String::new();
std::io::stdin().read_line(&mut line)?;
# Ok(())
# }
```

```rust,should_panic
panic!("on purpose");
```

```rust
let me = std::env::current_exe().unwrap();
println!("{}", me.display());
```

```rust
let f = avance::profile::example::function1;
# let _ = f;
```

## Exercise

```rust,exercise
fn three() -> u32 {
    todo!()
}
```

```rust,solution
fn three() -> u32 {
    3
}
```

```rust,test
#[test]
fn is_three() {
    assert_eq!(three(), 3);
}
```

<!-- hint: Three is `3`. -->
"#;

fn cells(notebook: &Value) -> &Vec<Value> {
    notebook["cells"].as_array().unwrap()
}

fn source(cell: &Value) -> &str {
    cell["source"].as_str().unwrap()
}

/// The code cell made from snippet `id`.
fn cell_of<'a>(notebook: &'a Value, id: &str) -> Option<&'a Value> {
    cells(notebook)
        .iter()
        .find(|cell| cell["metadata"]["avance"]["snippet"] == id)
}

fn demo() -> Value {
    notebook(&demo_lesson(LESSON), Path::new("../avance"))
}

#[test]
fn the_notebook_is_nbformat_4_5_for_the_evcxr_kernel() {
    let notebook = demo();
    assert_eq!(notebook["nbformat"], 4);
    assert_eq!(notebook["nbformat_minor"], 5);
    assert_eq!(notebook["metadata"]["kernelspec"]["name"], "rust");
    assert_eq!(notebook["metadata"]["kernelspec"]["display_name"], "Rust");
    assert_eq!(notebook["metadata"]["language_info"]["name"], "Rust");
    let ids: Vec<&str> = cells(&notebook)
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    let mut unique = ids.clone();
    unique.dedup();
    assert_eq!(ids, unique);
    for cell in cells(&notebook) {
        if cell["cell_type"] == "code" {
            assert_eq!(cell["outputs"], Value::Array(vec![]));
            assert_eq!(cell["execution_count"], Value::Null);
        }
    }
}

#[test]
fn the_first_cell_loads_avance_with_the_features_and_crates_the_lesson_uses() {
    let notebook = demo();
    let first = &cells(&notebook)[0];
    assert_eq!(first["cell_type"], "code");
    let lines: Vec<&str> = source(first).lines().collect();
    assert!(
        lines[0].starts_with(":dep avance = { path = \"../avance\", "),
        "{lines:?}"
    );
    assert!(
        lines[0].ends_with("default-features = false, features = [\"profile\"] }"),
        "{lines:?}"
    );
    // ndarray from the run snippet; nothing from the ignored or refused code.
    assert_eq!(lines[1..], [":dep ndarray = \"0.17\""]);
}

#[test]
fn a_lesson_loads_only_the_crates_its_cells_use() {
    let std_only = demo_lesson("# T\n\n## S\n\n```rust\nprintln!(\"{}\", 1);\n```\n");
    let notebook = notebook(&std_only, Path::new("avance"));
    assert_eq!(
        cells(&notebook)[0]["cell_type"],
        "markdown",
        "no setup cell"
    );
    let ndarray = demo_lesson("# T\n\n## S\n\n```rust\nlet a = ndarray::arr1(&[1]);\n```\n");
    assert_eq!(
        dep_lines(&ndarray, Path::new("avance")),
        [":dep ndarray = \"0.17\""]
    );
}

#[test]
fn a_relative_path_climbs_to_the_common_folder() {
    let path = |from: &str, to: &str| relative_path(Path::new(from), Path::new(to));
    assert_eq!(
        path("/work/notebooks", "/work/avance"),
        Path::new("../avance")
    );
    assert_eq!(
        path("/work/avance/nb/a", "/work/avance"),
        Path::new("../..")
    );
    assert_eq!(path("/work/avance", "/work/avance"), Path::new("."));
    assert_eq!(
        path("/tmp/x", "/work/avance"),
        Path::new("../../work/avance")
    );
}

#[test]
fn prose_and_python_become_markdown_with_markup_escaped() {
    let notebook = demo();
    let title = &cells(&notebook)[1];
    assert_eq!(title["cell_type"], "markdown");
    let text = source(title);
    assert!(text.starts_with("# Demo \\$x\\$ a\\_b"), "{text}");
    assert!(text.contains("Intro with `code` and *stars*."), "{text}");
    assert!(text.contains("```python\nprint(1_000)\n```"), "{text}");
    assert!(
        text.contains("Python prints:\n\n```text\n1000\n```"),
        "{text}"
    );
}

#[test]
fn a_run_snippet_is_top_level_code_with_its_hidden_lines() {
    let notebook = demo();
    let cell = cell_of(&notebook, "07-demo/2").unwrap();
    assert_eq!(
        source(cell),
        "let hidden = 1;\nprintln!(\"{}\", hidden + ndarray::arr1(&[1]).len());"
    );
    assert_eq!(cell["metadata"]["tags"], Value::Array(vec![]));
}

/// The cells of snippet `id`, in order.
fn cells_of<'a>(notebook: &'a Value, id: &str) -> Vec<&'a Value> {
    cells(notebook)
        .iter()
        .filter(|cell| cell["metadata"]["avance"]["snippet"] == id)
        .collect()
}

/// The cells' code of the first snippet of a one-slide lesson holding `code`.
fn cells_for(code: &str) -> Vec<String> {
    let lesson = demo_lesson(&format!("# T\n\n## S\n\n```rust\n{code}\n```\n"));
    cells_at(lesson.snippets().next().unwrap(), Scale::Course)
}

#[test]
fn closures_borrows_and_macros_stay_in_a_function_evcxr_cannot_keep_them() {
    for code in [
        "let double = |x: i32| x * 2;\nprintln!(\"{}\", double(2));",
        "let v = vec![1];\nlet first = &v[0];\nprintln!(\"{first}\");",
        "let m = std::sync::Mutex::new(1);\nlet guard = m.lock().unwrap();\ndrop(guard);",
        "macro_rules! two { () => { 2 } }\nfn f() -> i32 { two!() }\nprintln!(\"{}\", f());",
        "let r;\nr = 1;\nprintln!(\"{r}\");",
        "let t = std::panic::catch_unwind(|| 1);\ndrop(t);",
        "let m = std::collections::HashMap::<i32, i32>::new();\nlet v = m.get(&1);\ndrop(v);",
        "let s = String::new()\n    .clone();\ndrop(s);",
    ] {
        let cells = cells_for(code);
        assert_eq!(cells.len(), 1, "{cells:?}");
        assert!(
            cells[0].starts_with("// In a function: evcxr "),
            "{}",
            cells[0]
        );
        assert!(
            cells[0].ends_with(&format!("\nfn snippet() {{\n{code}\n}}\nsnippet();")),
            "{}",
            cells[0]
        );
    }
    // A borrow in a nested block is no variable evcxr keeps.
    assert_eq!(
        layout("let n: i32 = [1].iter().sum(); // one\n"),
        Layout::TopLevel
    );
    assert_eq!(
        layout("for x in &v {\n    let y = &x;\n}"),
        Layout::TopLevel
    );
}

#[test]
fn a_variable_of_a_generic_type_a_function_returns_stays_in_a_function() {
    // evcxr must write the type of a variable it keeps, and fails the cell
    // on one whose default parameters come from a crate it does not load.
    let code = "fn bundle() -> Bundle<Resource> {\n    todo!()\n}\nlet en = bundle();";
    assert_eq!(layout(code), Layout::Wrapped("notebook-wrapped-generic"));
    // A value that prints when dropped prints at the function's end, as in
    // the program, not when evcxr drops what it kept.
    assert_eq!(
        layout("struct G;\nimpl Drop for G {\n    fn drop(&mut self) {}\n}\nlet _g = G;"),
        Layout::Wrapped("notebook-wrapped-drop")
    );
    // std's generic types it writes; a call in a nested block keeps nothing.
    for code in [
        "fn save() -> Result<(), String> {\n    Ok(())\n}\nlet _ = save();",
        "pub fn all() -> std::io::Result<Vec<u8>> {\n    Ok(vec![])\n}\nlet v = all();",
        "fn bundle() -> Bundle<Resource> {\n    todo!()\n}\nfor _ in 0..1 {\n    let b = bundle();\n}",
        "fn bundle() -> Bundle<Resource> {\n    todo!()\n}\nlet n = my_bundle();",
    ] {
        assert_eq!(layout(code), Layout::TopLevel, "{code}");
    }
}

#[test]
fn a_final_expression_gets_a_semicolon_so_no_unit_value_is_shown() {
    assert_eq!(
        cells_for("for i in 0..2 {\n    println!(\"{i}\");\n} // done"),
        ["for i in 0..2 {\n    println!(\"{i}\");\n}; // done"]
    );
    assert_eq!(
        cells_for("println!(\"http://x\") // a URL\n"),
        ["println!(\"http://x\"); // a URL"]
    );
    assert_eq!(
        cells_for("for x in [\n    1,\n] {\n    drop(x);\n}\n// after"),
        ["for x in [\n    1,\n] {\n    drop(x);\n};\n// after"]
    );
    // Items and finished statements are left as they are.
    for code in [
        "struct P {\n    x: i32,\n}",
        "#[derive(Debug)]\nstruct P {\n    x: i32,\n}",
        "let x = 1;",
        "impl P {\n    fn f() {}\n}",
    ] {
        assert_eq!(cells_for(code), [code]);
    }
}

#[test]
fn code_that_cannot_run_in_a_notebook_is_marked_not_left_to_fail() {
    let notebook = demo();
    let markdown: Vec<&str> = cells(&notebook)
        .iter()
        .filter(|cell| cell["cell_type"] == "markdown")
        .map(source)
        .collect();
    let marked = |needle: &str| {
        markdown
            .iter()
            .find(|text| text.contains(needle))
            .unwrap_or_else(|| panic!("no markdown with {needle}"))
            .to_string()
    };
    let refused = marked("let t = s;");
    assert!(
        refused.contains("**Not run here:** this code does not compile, on purpose (rustc: E0382)")
    );
    assert!(marked("fn shown_only() {}").contains("shown only"));
    assert!(marked("current_exe").contains("the `avance` program itself"));
    for id in ["07-demo/3.1", "07-demo/3.2", "07-demo/3.5"] {
        assert!(cell_of(&notebook, id).is_none(), "{id} is a code cell");
    }
}

#[test]
fn no_run_cells_are_skipped_and_should_panic_ones_may_raise() {
    let notebook = demo();
    let no_run = cells_of(&notebook, "07-demo/3.3");
    assert_eq!(no_run.len(), 2);
    for cell in &no_run {
        assert_eq!(cell["metadata"]["tags"][0], SKIP_TAG);
    }
    assert!(source(no_run[0]).starts_with("fn main() -> std::io::Result<()> {\nlet mut line"));
    assert!(source(no_run[0]).ends_with("Ok(())\n}"));
    assert_eq!(source(no_run[1]), "main().unwrap();");
    let panics = cells_of(&notebook, "07-demo/3.4");
    assert_eq!(panics.len(), 1);
    assert_eq!(panics[0]["metadata"]["tags"][0], RAISES_TAG);
}

#[test]
fn only_the_call_of_a_panicking_main_may_raise() {
    let lesson = demo_lesson(
        "# T\n\n## S\n\n```rust,should_panic\nfn main() {\n    panic!(\"no\");\n}\n```\n",
    );
    let notebook = notebook(&lesson, Path::new("avance"));
    let panics = cells_of(&notebook, "07-demo/2");
    assert_eq!(panics[0]["metadata"]["tags"], Value::Array(vec![]));
    assert_eq!(source(panics[1]), "main();");
    assert_eq!(panics[1]["metadata"]["tags"][0], RAISES_TAG);
}

#[test]
fn an_exercise_is_a_skipped_cell_then_its_test_cell_hints_and_solution_folded() {
    let notebook = demo();
    let cells = cells(&notebook);
    let at = cells
        .iter()
        .position(|cell| cell["metadata"]["avance"]["exercise"] == "07-demo/4-exercise")
        .unwrap();
    assert_eq!(cells[at]["metadata"]["tags"][0], SKIP_TAG);
    // At the top level, so the test cell after it calls the answer's `three`.
    assert_eq!(source(&cells[at]), "fn three() -> u32 {\n    todo!()\n}");
    assert!(source(&cells[at - 1]).contains("the cell after it runs the hidden tests"));
    let tests = &cells[at + 1];
    assert_eq!(tests["metadata"]["tags"][0], SKIP_TAG);
    assert_eq!(
        source(tests),
        "{\n\nfn is_three() {\n    assert_eq!(three(), 3);\n}\n    is_three();\n    println!(\"Every case passes (1).\");\n}"
    );
    let after = source(&cells[at + 2]);
    assert!(
        after.contains("<details><summary>Hint 1</summary>\n\nThree is `3`."),
        "{after}"
    );
    assert!(
        after.contains("<details><summary>Solution</summary>\n\n```rust\nfn three() -> u32 {"),
        "{after}"
    );
}

#[test]
fn a_main_is_its_items_then_a_call_whose_error_fails_the_cell() {
    let lesson = demo_lesson(
        "# T\n\n## S\n\n```rust\n# fn main() -> Result<(), String> {\nprintln!(\"x\");\n# Ok(())\n# }\n```\n\n```rust\nfn main() {\n    println!(\"y\");\n}\n```\n",
    );
    let snippets: Vec<&Snippet> = lesson.snippets().collect();
    assert_eq!(
        cells_at(snippets[0], Scale::Course),
        [
            "fn main() -> Result<(), String> {\nprintln!(\"x\");\nOk(())\n}",
            "main().unwrap();"
        ]
    );
    assert_eq!(
        cells_at(snippets[1], Scale::Course),
        ["fn main() {\n    println!(\"y\");\n}", "main();"]
    );
}

#[test]
fn fences_and_code_spans_outlast_the_backticks_inside() {
    assert_eq!(
        fence("rust", "let s = \"```\";"),
        "````rust\nlet s = \"```\";\n````"
    );
    assert_eq!(code_span("a`b"), "``a`b``");
    assert_eq!(code_span("`"), "`` ` ``");
}

#[test]
fn the_async_runs_ask_for_tokio_and_the_progress_bar() {
    let lesson = demo_lesson(
        "# T\n\n## S\n\n```rust\nlet work = avance::parallel::Workload::course().with_progress_bar();\nlet call = work.heavy_async(3);\n# drop(call);\n```\n",
    );
    let lines = dep_lines(&lesson, Path::new("avance"));
    assert!(
        lines[0].ends_with("features = [\"progress\", \"tokio\"] }"),
        "{lines:?}"
    );
}

#[test]
fn code_opening_the_gpu_asks_for_the_gpu_feature_and_the_floor_alone_does_not() {
    let floor = "# T\n\n## S\n\n```rust\nuse avance::conv::gpu::DeviceLimits;\nlet _ = DeviceLimits::h100_sxm();\n```\n";
    let lines = dep_lines(&demo_lesson(floor), Path::new("avance"));
    assert!(
        lines[0].ends_with("default-features = false }"),
        "{lines:?}"
    );
    let device = format!(
        "{floor}\n## D\n\n```rust\nlet gpu = avance::conv::gpu::device();\nprintln!(\"{{}}\", gpu.is_ok());\n```\n"
    );
    let lines = dep_lines(&demo_lesson(&device), Path::new("avance"));
    assert!(lines[0].ends_with("features = [\"gpu\"] }"), "{lines:?}");
}

#[test]
fn code_reading_its_threads_name_runs_on_a_thread_named_main() {
    let code = cells_for("println!(\"{:?}\", std::thread::current().name());");
    assert_eq!(code.len(), 1);
    assert!(
        code[0].starts_with("// It prints its thread's name"),
        "{}",
        code[0]
    );
    assert!(
        code[0].ends_with(".name(\"main\".into()).spawn(snippet).unwrap().join().unwrap();"),
        "{}",
        code[0]
    );
}

#[test]
fn the_profiler_and_the_build_folder_are_out_of_a_notebooks_reach() {
    let lesson = demo_lesson(
        "# T\n\n## S\n\n```rust\nlet (_, p) = avance::profile::profile(|| 1).unwrap();\n```\n\n```rust\nlet d = env!(\"CARGO_MANIFEST_DIR\");\n```\n\n```rust\nuse avance::profile::example::function1;\nlet _ = function1;\n```\n",
    );
    let treatments: Vec<Treatment> = lesson.snippets().map(treatment).collect();
    assert!(matches!(&treatments[0], Treatment::Shown(why) if why.contains("profiler")));
    assert!(matches!(&treatments[1], Treatment::Shown(why) if why.contains("CARGO_MANIFEST_DIR")));
    assert_eq!(treatments[2], Treatment::Run);
    // The profiler's feature is still needed by the code that runs.
    assert!(dep_lines(&lesson, Path::new("avance"))[0].contains("features = [\"profile\"]"));
}
