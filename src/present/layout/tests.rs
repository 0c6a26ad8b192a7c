//! The presenter's screens: fitted to any size, Python beside Rust or
//! stacked, notes, the output box, scrolling and help.

use super::*;
use crate::present::state::{Key, State};

fn lesson(text: &str) -> Lesson {
    crate::lesson::demo_lesson(text)
}

const DEMO: &str = "# Demo lesson\n\nThe title slide.\n\n\
## Two languages\n\nSome prose.\n\n```python\nprint(\"py\")\n```\n\n\
```rust\nprintln!(\"rust side\");\n```\n\n```output\nrust side\n```\n\n\
<!-- notes: Say hello. -->\n\n## Long\n\n";

fn long_lesson() -> Lesson {
    let mut text = DEMO.to_string();
    for i in 0..60 {
        text.push_str(&format!("Paragraph number {i}.\n\n"));
    }
    lesson(&text)
}

/// The screen without escape codes.
fn plain(screen: &Screen) -> Vec<String> {
    screen
        .lines
        .iter()
        .map(|l| render::strip_styles(l))
        .collect()
}

fn assert_fits(screen: &Screen, width: usize, height: usize) {
    assert_eq!(screen.lines.len(), height);
    for line in &screen.lines {
        assert!(
            textwrap::core::display_width(line) <= width,
            "wider than {width}: {line:?}"
        );
    }
}

#[test]
fn wide_terminals_put_python_beside_rust() {
    let lesson = lesson(DEMO);
    let state = State::new(lesson.slides.len(), 1);
    let screen = layout(&lesson, &state, 130, 30);
    assert_fits(&screen, 130, 30);
    let lines = plain(&screen);
    assert_eq!(lines[0], "Two languages");
    let row = lines
        .iter()
        .find(|l| l.contains("print(\"py\")"))
        .expect("the Python");
    assert!(row.contains("println!(\"rust side\");"), "{lines:#?}");
    assert!(lines.last().unwrap().contains("2/3"), "footer: {lines:#?}");
}

#[test]
fn an_exercise_shows_its_code_and_how_it_is_graded_not_the_solution() {
    let lesson = lesson(
        "# Demo\n\n## Try\n\n```rust,exercise\nfn x() -> i32 { todo!() }\n```\n\n\
```rust,solution\nfn x() -> i32 { 7 }\n```\n\n```rust,test\n#[test]\nfn secret() { assert_eq!(x(), 7); }\n```\n",
    );
    let state = State::new(lesson.slides.len(), 1);
    let lines = plain(&layout(&lesson, &state, 80, 30));
    let text = lines.join("\n");
    assert!(text.contains(&crate::view::exercise_label()), "{text}");
    assert!(text.contains("fn x() -> i32 { todo!() }"), "{text}");
    assert!(text.contains("Graded by a hidden test"), "{text}");
    assert!(
        !text.contains("{ 7 }") && !text.contains("secret"),
        "{text}"
    );
    let mut state = state;
    state.handle(Key::Char('s'));
    let text = plain(&layout(&lesson, &state, 80, 30)).join("\n");
    assert!(text.contains("Rust · a solution"), "{text}");
    assert!(text.contains("fn x() -> i32 { 7 }"), "{text}");
    assert!(!text.contains("secret"), "the tests stay hidden: {text}");
}

#[test]
fn narrow_terminals_stack_them_and_p_hides_python() {
    let lesson = lesson(DEMO);
    let mut state = State::new(lesson.slides.len(), 1);
    let lines = plain(&layout(&lesson, &state, 80, 30));
    let python = lines.iter().position(|l| l.contains("print(\"py\")"));
    let rust = lines.iter().position(|l| l.contains("println!"));
    assert!(python.unwrap() < rust.unwrap(), "{lines:#?}");
    state.handle(Key::Char('p'));
    let lines = plain(&layout(&lesson, &state, 80, 30));
    assert!(!lines.iter().any(|l| l.contains("print(\"py\")")));
    assert!(lines.iter().any(|l| l.contains("println!")));
}

#[test]
fn notes_show_on_n() {
    let lesson = lesson(DEMO);
    let mut state = State::new(lesson.slides.len(), 1);
    let hidden = plain(&layout(&lesson, &state, 80, 30));
    assert!(!hidden.iter().any(|l| l.contains("Say hello.")));
    state.handle(Key::Char('n'));
    let shown = plain(&layout(&lesson, &state, 80, 30));
    assert!(shown.iter().any(|l| l.contains("Notes: Say hello.")));
}

#[test]
fn the_output_box_sits_under_the_code() {
    let lesson = lesson(DEMO);
    let mut state = State::new(lesson.slides.len(), 1);
    state.output = Some(RunOutput {
        slide: 1,
        title: "Output of 07-demo/2".into(),
        lines: vec!["rust side".into(), "x".repeat(200)],
        ok: true,
    });
    let screen = layout(&lesson, &state, 80, 40);
    assert_fits(&screen, 80, 40);
    let lines = plain(&screen);
    let top = lines
        .iter()
        .position(|l| l.starts_with("┌─ Output of 07-demo/2 "))
        .expect("the box");
    assert!(lines[top].ends_with('┐'));
    assert_eq!(lines[top + 1], format!("│ {:<76} │", "rust side"));
    assert!(lines[top + 2].starts_with("│ xxxx"), "long lines wrap");
    let code = lines.iter().position(|l| l.contains("println!")).unwrap();
    assert!(code < top);
    let (start, end) = screen.output_rows.unwrap();
    assert_eq!(end - start, 6, "top, 1 + 3 lines, bottom");
}

#[test]
fn long_slides_scroll_and_say_so() {
    let lesson = long_lesson();
    let mut state = State::new(lesson.slides.len(), 2);
    let screen = layout(&lesson, &state, 80, 20);
    assert_fits(&screen, 80, 20);
    let lines = plain(&screen);
    assert!(lines[2].is_empty() && lines[3] == "Paragraph number 0.");
    assert!(lines[18].contains("↓ ") && lines[18].contains("more lines"));
    state.scroll = 1000;
    let screen = layout(&lesson, &state, 80, 20);
    let lines = plain(&screen);
    assert!(lines.iter().any(|l| l == "Paragraph number 59."));
    assert!(lines[18].starts_with("↑ 104 more lines"), "{}", lines[18]);
    assert_eq!(screen.max_scroll, 120 - 16);
}

#[test]
fn tiny_terminals_still_fit() {
    let lesson = long_lesson();
    let state = State::new(lesson.slides.len(), 1);
    for (w, h) in [(10, 3), (20, 1), (40, 6)] {
        assert_fits(&layout(&lesson, &state, w, h), w.max(10), h);
    }
}

#[test]
fn help_lists_the_keys() {
    let lesson = lesson(DEMO);
    let mut state = State::new(lesson.slides.len(), 0);
    state.handle(Key::Char('?'));
    let lines = plain(&layout(&lesson, &state, 80, 30));
    assert!(lines.iter().any(|l| l.contains("show or hide the Python")));
    assert_eq!(lines[0], "Lesson 7 · Demo lesson");
}

#[test]
fn blackout_draws_nothing_and_keeps_the_scroll() {
    let lesson = long_lesson();
    let mut state = State::new(lesson.slides.len(), 2);
    state.scroll = 5;
    state.handle(Key::Char('b'));
    let screen = layout(&lesson, &state, 80, 20);
    assert_fits(&screen, 80, 20);
    assert!(
        screen.lines.iter().all(String::is_empty),
        "{:#?}",
        screen.lines
    );
    assert!(screen.max_scroll >= 5, "the scroll stays");
}

#[test]
fn the_timer_shows_in_the_footer_once_started() {
    let lesson = lesson(DEMO);
    let mut state = State::new(lesson.slides.len(), 1);
    let footer = |state: &State| plain(&layout(&lesson, state, 80, 30)).pop().unwrap();
    assert!(!footer(&state).contains('⏱'), "{}", footer(&state));
    state.timer = Some(std::time::Instant::now() - std::time::Duration::from_secs(75));
    let shown = footer(&state);
    assert!(shown.starts_with(" 7 Demo lesson  ⏱ 1:15 ━"), "{shown}");
    assert!(shown.ends_with("2/3  ? keys"), "{shown}");
    assert_eq!(clock(std::time::Duration::from_secs(3723)), "1:02:03");
}
