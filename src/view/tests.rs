//! The sections of a slide with every kind of block.

use super::*;
use crate::lesson::{IncludeSource, ReadError, parse_lesson};

struct NoFiles;

impl IncludeSource for NoFiles {
    fn read(&self, _: &str) -> Result<String, ReadError> {
        Err(ReadError::NotEmbedded)
    }
}

/// A lesson whose second slide holds one block of each kind.
pub(crate) const EVERY_KIND: &str = "\
# Every kind
Title prose.

## All of them
A *paragraph*.

### A heading

> A quote.

- an item

| a | b |
|---|---|
| 1 | 2 |

---

```python
print(1)
```

```python-output
1
```

```rust
println!(\"1\");
```

```output
1
```

```toml
[package]
```

Between the groups.

```rust,should_panic
panic!(\"on purpose\");
```

```rust,exercise
fn two() -> i32 { todo!() }
```

```rust,solution
fn two() -> i32 { 2 }
```

```rust,test
#[test]
fn is_two() { assert_eq!(two(), 2); }
```
<!-- hint: print it -->

<!-- notes: say it -->
";

pub(crate) fn every_kind() -> crate::lesson::Lesson {
    parse_lesson("01-every.md", "lessons/01-every.md", EVERY_KIND, &NoFiles).unwrap()
}

#[test]
fn a_slide_yields_each_section_once_in_reading_order() {
    let lesson = every_kind();
    let sections = sections(&lesson.slides[1]);
    let kinds: Vec<&str> = sections
        .iter()
        .map(|section| match section {
            Section::Prose(Prose::Paragraph(_)) => "paragraph",
            Section::Prose(Prose::Heading(_)) => "heading",
            Section::Prose(Prose::Quote(_)) => "quote",
            Section::Prose(Prose::List(_)) => "list",
            Section::Prose(Prose::Table(_)) => "table",
            Section::Prose(Prose::Rule) => "rule",
            Section::Code(_) => "code",
            Section::Exercise(_) => "exercise",
            Section::Notes(_) => "notes",
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "paragraph",
            "heading",
            "quote",
            "list",
            "table",
            "rule",
            "code",
            "paragraph",
            "code",
            "exercise",
            "notes"
        ]
    );
}

#[test]
fn consecutive_fences_are_one_group_python_beside_the_rest() {
    let lesson = every_kind();
    let sections = sections(&lesson.slides[1]);
    let Section::Code(group) = &sections[6] else {
        panic!("{:?}", sections[6]);
    };
    let labels: Vec<String> = group.blocks().iter().map(Code::label).collect();
    assert_eq!(labels, ["Python", "Rust", "toml"]);
    let left: Vec<String> = group.python().map(|code| code.text()).collect();
    assert_eq!(left, ["print(1)"]);
    let right: Vec<&str> = group.beside_python().map(|code| code.lang()).collect();
    assert_eq!(right, ["rust", "toml"]);
    assert_eq!(group.snippets().count(), 1);
    let Section::Code(alone) = &sections[8] else {
        panic!("{:?}", sections[8]);
    };
    assert_eq!(alone.blocks()[0].label(), "Rust · panics on purpose");
    assert_eq!(alone.python().count(), 0);
}

/// Each section kind, by a text of its own, in each of the four views.
#[cfg(feature = "cli")]
mod in_every_view {
    use std::collections::HashMap;

    use super::every_kind;
    use crate::render::{self, View, strip_styles};

    /// What each kind of section shows, whatever the markup.
    const SHOWN: [(&str, &str); 9] = [
        ("paragraph", "paragraph"),
        ("heading", "A heading"),
        ("quote", "A quote."),
        ("list", "an item"),
        ("table", "2"),
        ("python", "print(1)"),
        ("rust", "println!(\"1\");"),
        ("other code", "[package]"),
        ("exercise", "todo!()"),
    ];

    fn assert_shows(view: &str, text: &str, also: &[&str]) {
        for (kind, shown) in SHOWN
            .iter()
            .map(|(k, s)| (*k, *s))
            .chain(also.iter().map(|s| ("extra", *s)))
        {
            assert!(
                text.contains(shown),
                "{view} lacks the {kind} ({shown}):\n{text}"
            );
        }
    }

    #[test]
    fn the_repl() {
        let lesson = every_kind();
        let mut out = Vec::new();
        let view = View {
            outputs: true,
            python: true,
            notes: true,
            ..View::default()
        };
        let size = render::Size {
            columns: 100,
            rows: 40,
        };
        render::slide(&mut out, &lesson, &lesson.slides[1], view, size).unwrap();
        let text = strip_styles(&String::from_utf8(out).unwrap());
        assert_shows(
            "the REPL",
            &text,
            &[
                "It prints",
                &crate::view::exercise_label(),
                "say it",
                "Rust · panics on purpose",
            ],
        );
    }

    #[test]
    fn the_presenter() {
        let lesson = every_kind();
        let mut state = crate::present::state::State::new(lesson.slides.len(), 1);
        state.notes = true;
        let screen = crate::present::layout::layout(&lesson, &state, 120, 200);
        let text = strip_styles(&screen.lines.join("\n"));
        assert_shows(
            "the presenter",
            &text,
            &[
                &crate::view::exercise_label(),
                "say it",
                "Rust · panics on purpose",
            ],
        );
    }

    #[test]
    fn the_html_page() {
        let lesson = every_kind();
        let html = crate::export::page(&lesson, &HashMap::new());
        assert!(html.contains("<hr>"), "{html}");
        assert_shows(
            "the page",
            &text_of(&html),
            &[&crate::view::exercise_label(), "say it", "print it"],
        );
    }

    #[test]
    fn the_notebook() {
        let lesson = every_kind();
        let notebook =
            crate::notebook::notebook(&lesson, std::path::Path::new("avance")).to_string();
        let notebook: String = notebook
            .replace("\\\"", "\"")
            .replace("\\n", "\n")
            .replace('\\', "");
        assert_shows("the notebook", &notebook, &["print it", "---"]);
    }

    /// The text of an HTML page: its tags (syntect's spans among them) removed.
    fn text_of(html: &str) -> String {
        let mut text = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' if in_tag => in_tag = false,
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        [
            ("&quot;", "\""),
            ("&lt;", "<"),
            ("&gt;", ">"),
            ("&#39;", "'"),
            ("&amp;", "&"),
        ]
        .iter()
        .fold(text, |text, (entity, c)| text.replace(entity, c))
    }
}
