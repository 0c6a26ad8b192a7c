//! A page's content: everything escaped, an exercise with its solution folded.

use super::*;

#[test]
fn an_exercise_shows_its_code_and_how_it_is_graded_with_the_solution_folded() {
    let text = "# Demo\n\n## Try\n\n```rust,exercise\nfn seven() -> i32 { todo!() }\n```\n\n\
```rust,solution\nfn seven() -> i32 { 7 }\n```\n\n```rust,test\n#[test]\nfn secret_case() { assert_eq!(seven(), 7); }\n```\n\n<!-- hint: Seven. -->\n";
    let lesson = crate::lesson::demo_lesson(text);
    let page = page(&lesson, &HashMap::new());
    let exercise = page
        .split(&crate::view::exercise_label())
        .nth(1)
        .expect("exercise shown");
    assert!(exercise.contains("todo!"), "{exercise}");
    assert!(exercise.contains("Graded by a hidden test that calls your code."));
    assert!(!page.contains("secret_case"), "the tests stay hidden");
    assert!(exercise.contains("<details><summary>Hint</summary>Seven.</details>"));
    let solution = exercise
        .split("<summary>Solution</summary>")
        .nth(1)
        .expect("solution folded");
    assert!(
        solution.contains("7") && !solution.contains("todo!"),
        "{solution}"
    );
}

#[test]
fn a_page_holds_everything_and_escapes_it() {
    let text = "# Demo <1>\n\nIntro with `a < b`.\n\n## Code\n\n```python\nprint(1 < 2)\n```\n\n\
```python-output\nTrue\n```\n\n```rust\nprintln!(\"{}\", 1 < 2);\n```\n\n```output\ntrue\n```\n\n\
<!-- notes: Say <why>. -->\n";
    let lesson = crate::lesson::demo_lesson(text);
    let mut outputs = HashMap::new();
    outputs.insert(
        "07-demo/2".to_string(),
        Captured {
            text: "true & <more>\n".into(),
            note: None,
            ok: true,
        },
    );
    let html = page(&lesson, &outputs);
    assert!(html.contains("<title>Lesson 7 · Demo &lt;1&gt;</title>"));
    assert!(html.contains("<section class=\"slide\" id=\"slide-2\">"));
    assert!(html.contains("<code>a &lt; b</code>"));
    assert!(
        html.contains("<div class=\"code two\">"),
        "Python beside Rust"
    );
    assert!(
        html.contains("<pre>true &amp; &lt;more&gt;</pre>"),
        "the captured output"
    );
    assert!(html.contains("<pre>True</pre>"), "the Python's output");
    assert!(html.contains("Say &lt;why&gt;."));
    assert!(html.contains("style=\"color:#"), "highlighted inline");
    for outside in ["src=", "href=", "url(", "@import", "http://", "https://"] {
        assert!(
            !html.contains(outside),
            "{outside} in a self-contained page"
        );
    }
}
