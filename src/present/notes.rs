//! `avance notes LESSON`: the speaker's view in a second terminal. It reads
//! the presenter's position a few times a second (see [`super::position`])
//! and shows that slide's notes, the current and next titles, and a clock.

use crate::tr;
use std::io;
use std::time::{Duration, Instant};

use colored::Colorize;

use super::position::{Position, PositionFile};
use super::state::Key;
use super::terminal::{self, FullScreen, Input};
use crate::lesson::Lesson;
use crate::render::fit::{fit, pad};

/// How often the position file and the clock are looked at.
const TICK: Duration = Duration::from_millis(200);

/// What the notes view knows of the presenter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Presenter {
    /// Presenting this lesson, at this 1-based slide.
    Here(usize),
    /// Presenting another lesson.
    Elsewhere(String),
    /// Not presenting.
    Absent,
}

impl Presenter {
    pub fn of(lesson: &Lesson, position: Option<Position>) -> Presenter {
        match position {
            Some(p) if p.lesson == lesson.id => Presenter::Here(p.slide),
            Some(p) => Presenter::Elsewhere(p.lesson),
            None => Presenter::Absent,
        }
    }
}

/// Shows the notes until q or Esc, following the presenter.
pub fn notes(lesson: &Lesson) -> io::Result<()> {
    let position = PositionFile::locate()?;
    let screen = FullScreen::enter()?;
    let started = Instant::now();
    let mut slide = 1;
    let mut last: Vec<String> = Vec::new();
    loop {
        let presenter = Presenter::of(lesson, position.read());
        if let Presenter::Here(at) = presenter {
            slide = at.clamp(1, lesson.slides.len());
        }
        let (width, height) = screen.size();
        let lines = layout(
            lesson,
            slide,
            &presenter,
            &clock(started.elapsed()),
            width,
            height,
        );
        if lines != last {
            screen.draw(&lines)?;
            last = lines;
        }
        match terminal::next_input(Some(TICK))? {
            Input::Key(Key::Char('q') | Key::Esc) => return Ok(()),
            Input::Resized => last.clear(),
            Input::Key(_) | Input::Nothing => {}
        }
    }
}

/// The time of day (local when the system says its offset, else UTC) and the
/// time since the notes opened.
fn clock(elapsed: Duration) -> String {
    let format = time::macros::format_description!("[hour]:[minute]:[second]");
    let (now, zone) = match time::OffsetDateTime::now_local() {
        Ok(now) => (now, ""),
        Err(_) => (time::OffsetDateTime::now_utc(), " UTC"),
    };
    let now = now.format(&format).unwrap_or_default();
    let secs = elapsed.as_secs();
    format!("{now}{zone} · {}:{:02} elapsed", secs / 60, secs % 60)
}

/// The notes screen: exactly `height` rows, none wider than `width`.
pub fn layout(
    lesson: &Lesson,
    slide: usize,
    presenter: &Presenter,
    clock: &str,
    width: usize,
    height: usize,
) -> Vec<String> {
    let width = width.max(10);
    let count = lesson.slides.len();
    let index = slide.clamp(1, count) - 1;
    let current = &lesson.slides[index];
    let title = |i: usize| {
        let slide = &lesson.slides[i];
        if slide.number == 1 {
            lesson.title.clone()
        } else {
            slide.title.clone()
        }
    };
    let mut lines = Vec::new();
    let head = tr!(
        "notes-head",
        number = lesson.number,
        title = lesson.title.as_str()
    );
    let room = width.saturating_sub(clock.chars().count() + 1);
    let head = pad(&fit(&head, room.max(1))[0], room);
    lines.push(format!("{} {}", head.bold(), clock.cyan()));
    lines.push(String::new());
    lines.push(format!(
        "{}  {}/{count}  {}",
        format!("{:<4}", tr!("notes-now")).green().bold(),
        index + 1,
        title(index).bold()
    ));
    lines.push(if index + 1 < count {
        format!(
            "{}  {}/{count}  {}",
            tr!("notes-next").dimmed(),
            index + 2,
            title(index + 1)
        )
    } else {
        format!(
            "{}  {}",
            tr!("notes-next").dimmed(),
            tr!("notes-last-slide")
        )
    });
    let status = match presenter {
        Presenter::Here(_) => tr!("notes-following"),
        Presenter::Elsewhere(other) => tr!(
            "notes-elsewhere",
            other = other.as_str(),
            lesson = lesson.id.as_str()
        ),
        Presenter::Absent => tr!("notes-waiting", slug = lesson.slug.as_str()),
    };
    lines.push(status.dimmed().to_string());
    lines.push(String::new());
    let notes: Vec<&str> = current.notes().collect();
    if notes.is_empty() {
        lines.push(tr!("notes-none").dimmed().to_string());
    }
    for (i, note) in notes.iter().enumerate() {
        if i > 0 {
            lines.push(String::new());
        }
        let options = textwrap::Options::new(width.min(100));
        let note = crate::render::inline_markdown(note);
        lines.extend(
            textwrap::wrap(&note, options)
                .into_iter()
                .map(|l| l.to_string()),
        );
    }
    let mut lines: Vec<String> = lines.iter().flat_map(|l| fit(l, width)).collect();
    let keep = height.saturating_sub(1);
    if lines.len() > keep {
        lines.truncate(keep.saturating_sub(1));
        let more = tr!("notes-more");
        lines.push(fit(&more.yellow().to_string(), width).remove(0));
        lines.truncate(keep);
    }
    lines.resize(keep, String::new());
    lines.push(fit(&tr!("notes-quit").dimmed().to_string(), width).remove(0));
    lines.truncate(height);
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lesson() -> Lesson {
        let text = "# Demo\n\nIntro.\n\n<!-- notes: Welcome everyone. -->\n\n## Second\n\nProse.\n\n## Third\n\n";
        crate::lesson::demo_lesson(text)
    }

    fn plain(lines: &[String]) -> String {
        let lines: Vec<String> = lines
            .iter()
            .map(|l| crate::render::strip_styles(l))
            .collect();
        lines.join("\n")
    }

    #[test]
    fn shows_notes_now_and_next() {
        let lesson = lesson();
        let lines = layout(&lesson, 1, &Presenter::Here(1), "12:00:00", 60, 12);
        assert_eq!(lines.len(), 12);
        let text = plain(&lines);
        for expected in [
            "Now",
            "1/3  Demo",
            "Next",
            "2/3  Second",
            "Welcome everyone.",
            "12:00:00",
        ] {
            assert!(text.contains(expected), "{expected:?} in:\n{text}");
        }
        let last = plain(&layout(&lesson, 3, &Presenter::Absent, "t", 60, 12));
        assert!(last.contains("last slide") && last.contains("(no notes on this slide)"));
        assert!(last.contains("waiting for `avance present demo`"));
    }

    #[test]
    fn follows_only_its_own_lesson() {
        let lesson = lesson();
        let here = Position {
            lesson: "07-demo".into(),
            slide: 2,
        };
        assert_eq!(Presenter::of(&lesson, Some(here)), Presenter::Here(2));
        let there = Position {
            lesson: "01-underscore".into(),
            slide: 2,
        };
        assert_eq!(
            Presenter::of(&lesson, Some(there)),
            Presenter::Elsewhere("01-underscore".into())
        );
        assert_eq!(Presenter::of(&lesson, None), Presenter::Absent);
    }

    #[test]
    fn tiny_terminals_fit() {
        let lesson = lesson();
        for (w, h) in [(10, 2), (30, 5)] {
            let lines = layout(&lesson, 1, &Presenter::Absent, "12:00:00", w, h);
            assert_eq!(lines.len(), h);
            assert!(lines.iter().all(|l| textwrap::core::display_width(l) <= w));
        }
    }
}
