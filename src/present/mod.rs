//! `avance present`: the lesson as full-screen slides for a room.
//!
//! [`state`] is the presenter as plain data changed by keys, [`layout`]
//! turns it into the lines of one screen; both are tested without a
//! terminal. [`terminal`] owns the terminal (and gives it back on every way
//! out); the loop here joins them, runs snippets with their output captured
//! for the box under the code, and tells `avance notes` where it stands
//! through [`position`].

pub mod layout;
pub mod notes;
pub mod position;
pub mod state;
mod terminal;

use crate::tr;
use std::io;
use std::time::Duration;

use colored::Colorize;

use crate::child::{self, ChildOutput};
use crate::lesson::{Lesson, Mode, Slide};
use crate::run::{NotRunnable, Registry, RunOutcome};
use crate::verdict::{self, Ended, Happened};
use crate::{play, render, rustc};
use position::{Position, PositionFile};
use state::{Action, Key, RunOutput, State};
use terminal::{FullScreen, Input};

/// Presents `lesson` from slide `start` (0-based) until q or Esc.
pub fn present(lesson: &Lesson, registry: &Registry, start: usize) -> io::Result<()> {
    let mut state = State::new(lesson.slides.len(), start);
    let position = Shared(PositionFile::locate()?);
    let screen = FullScreen::enter()?;
    present_loop(&screen, lesson, registry, &mut state, &position.0)
}

/// The position file, removed however the presenter ends (a panic too), so
/// `avance notes` goes back to waiting.
struct Shared(PositionFile);

impl Drop for Shared {
    fn drop(&mut self) {
        self.0.clear();
    }
}

/// Set to one character, the presenter panics on that key: the tests use it
/// to prove that a panic gives the terminal back. Only a debug build (the
/// one `cargo test` runs) reads it: the release program has no such door.
#[cfg(debug_assertions)]
const PANIC_KEY_ENV: &str = "AVANCE_PRESENT_PANIC_KEY";

#[cfg(debug_assertions)]
fn panic_if_asked(key: Key) {
    if let Key::Char(c) = key
        && std::env::var(PANIC_KEY_ENV).is_ok_and(|asked| asked.starts_with(c))
    {
        panic!("a panic asked for by {PANIC_KEY_ENV}={c}");
    }
}

#[cfg(not(debug_assertions))]
fn panic_if_asked(_: Key) {}

fn present_loop(
    screen: &FullScreen,
    lesson: &Lesson,
    registry: &Registry,
    state: &mut State,
    position: &PositionFile,
) -> io::Result<()> {
    let mut shared = None;
    loop {
        if shared != Some(state.slide) {
            // The notes view is a comfort: a full disk must not stop the talk.
            let _ = position.write(&Position {
                lesson: lesson.id.clone(),
                slide: state.slide + 1,
            });
            shared = Some(state.slide);
        }
        let (width, height) = screen.size();
        let shown = layout::layout(lesson, state, width, height);
        state.scroll = state.scroll.min(shown.max_scroll);
        screen.draw(&shown.lines)?;
        // A running timer redraws the footer twice a second.
        let wait = state.timer.map(|_| Duration::from_millis(500));
        let key = match terminal::next_input(wait)? {
            Input::Key(key) => key,
            Input::Resized | Input::Nothing => continue,
        };
        panic_if_asked(key);
        match state.handle(key) {
            Some(Action::Quit) => return Ok(()),
            Some(Action::Redraw) | None => {}
            Some(Action::Run) => {
                let slide = &lesson.slides[state.slide];
                if slide.snippets().next().is_none() {
                    state.message = Some(tr!("present-no-rust"));
                    continue;
                }
                state.message = Some(tr!("present-running", number = slide.number));
                screen.draw(&layout::layout(lesson, state, width, height).lines)?;
                state.message = None;
                state.output = Some(run_slide(registry, slide, state.slide));
                // Bring the box into view.
                let shown = layout::layout(lesson, state, width, height);
                if let Some((start, end)) = shown.output_rows {
                    let needed = end.saturating_sub(shown.visible);
                    state.scroll = state.scroll.max(needed).min(start);
                }
            }
        }
    }
}

/// Runs the slide's snippets, each in a child process whose stdout and
/// stderr are captured (never written over the screen), and says how each
/// ended; `q`, Esc or Ctrl-C stops a run that takes too long for the room.
pub fn run_slide(registry: &Registry, slide: &Slide, index: usize) -> RunOutput {
    let snippets: Vec<_> = slide.snippets().collect();
    let mut lines = Vec::new();
    let mut ok = true;
    for snippet in &snippets {
        if snippets.len() > 1 {
            lines.push(format!("── {} ──", snippet.id).dimmed().to_string());
        }
        let mut said = Vec::new();
        if snippet.mode == Mode::CompileFail {
            ok &= rustc::show_refusal(&mut said, snippet).unwrap_or(false);
        } else {
            match registry.runnable(snippet) {
                Ok(_) => match run_stoppable(&snippet.id) {
                    Ok(Run::Ended(printed, outcome)) => {
                        lines.extend(printed.stdout.lines().map(clean));
                        lines.extend(printed.stderr.lines().map(clean));
                        let ended = Ended::from_outcome(&outcome);
                        let happened = Happened::Ran {
                            stdout: Some(&printed.stdout),
                            ended: &ended,
                        };
                        let verdict = verdict::judge(snippet, happened);
                        ok &= render::verdict(&mut said, &verdict).unwrap_or(false);
                    }
                    Ok(Run::Stopped(printed)) => {
                        lines.extend(printed.stdout.lines().map(clean));
                        lines.push(tr!("present-stopped").yellow().to_string());
                        ok = false;
                        break;
                    }
                    Err(e) => {
                        ok = false;
                        said = format!(
                            "{} cannot run it: {e}\n",
                            crate::tr!("error-prefix").red().bold()
                        )
                        .into_bytes();
                    }
                },
                Err(why @ (NotRunnable::Stale(_) | NotRunnable::NotBuiltIn(_))) => {
                    ok = false;
                    said = format!(
                        "{} {}\n",
                        crate::tr!("error-prefix").red().bold(),
                        why.localized()
                    )
                    .into_bytes();
                }
                // The room sees what the slide means, not the program's terms.
                Err(NotRunnable::NoRun(_)) => {
                    said = format!("{}\n", tr!("present-compiled-only").dimmed()).into_bytes()
                }
                Err(NotRunnable::NotCompiled(_)) => {
                    said = format!("{}\n", tr!("present-shown-only").dimmed()).into_bytes()
                }
            }
        }
        lines.extend(String::from_utf8_lossy(&said).lines().map(clean));
    }
    let title = match snippets.as_slice() {
        [one] => tr!("output-of", id = one.id.as_str()),
        _ => tr!("output-of-slide", number = slide.number),
    };
    RunOutput {
        slide: index,
        title,
        lines,
        ok,
    }
}

/// How a run in the presenter ended.
enum Run {
    Ended(ChildOutput, RunOutcome),
    /// A key stopped it; what it printed until then.
    Stopped(ChildOutput),
}

/// Runs snippet `id` in a child (see [`play::snippet_command`]), reading
/// keys meanwhile: `q`, Esc or Ctrl-C kill it.
fn run_stoppable(id: &str) -> io::Result<Run> {
    let record = tempfile::NamedTempFile::new()?;
    let mut stopped = false;
    let limit = crate::check::SNIPPET_TIMEOUT;
    let output = child::run_until(play::snippet_command(id, record.path())?, limit, || {
        stopped |= matches!(
            terminal::next_input(Some(Duration::ZERO)),
            Ok(Input::Key(Key::Char('q') | Key::Esc))
        );
        stopped
    })?;
    Ok(match output.status {
        Some(status) if !stopped => {
            let outcome = play::read_outcome(record.path(), status);
            Run::Ended(output, outcome)
        }
        _ => Run::Stopped(output),
    })
}

/// A line of output made safe for the screen: colours kept, every other
/// escape sequence and control character dropped, tabs expanded.
fn clean(line: &str) -> String {
    let mut out = String::new();
    let mut chars = line.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '\x1b' => {
                let escape = render::fit::read_escape(&mut chars);
                if escape.len() > 2 && escape.ends_with('m') {
                    out.push_str(&escape);
                }
            }
            '\t' => out.push_str("    "),
            ch if ch.is_control() => {}
            ch => out.push(ch),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{clean, run_slide};
    use crate::run::Registry;

    #[test]
    fn the_room_sees_what_a_slide_means_not_the_program_s_terms() {
        let lesson = crate::lesson::demo_lesson(
            "# Demo\n\n## Two\n\n```rust,ignore\nshown();\n```\n\n```rust,no_run\nloop {}\n```\n",
        );
        let output = run_slide(&Registry::new(&[]), &lesson.slides[1], 1);
        let text = crate::render::strip_styles(&output.lines.join("\n"));
        assert!(
            text.contains("shown, not run") && text.contains("compiled, not run"),
            "{text}"
        );
        assert!(!text.contains("snippet 07-demo"), "{text}");
    }

    #[test]
    fn clean_keeps_colours_only() {
        assert_eq!(
            clean("\x1b[31mred\x1b[0m\x1b[2J\tx\r\x07"),
            "\x1b[31mred\x1b[0m    x"
        );
    }
}
