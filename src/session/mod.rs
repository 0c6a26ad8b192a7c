//! A student's session: the catalog, where they are in it, and their
//! progress, saved after every move. Navigation lives here, apart from any
//! terminal, so the REPL, the presenter and the tests share it.

mod answers;
mod config;
mod dirs;
mod progress;

pub use answers::Answers;
pub use config::{Config, ConfigError};
pub use dirs::Dirs;
pub use progress::{LessonProgress, Position, Progress, ProgressStore, ProgressWarning};

use crate::catalog::{Catalog, LookupError};
use crate::lesson::{Lesson, Slide};

/// Where the student is and what they have done.
#[derive(Debug)]
pub struct Session {
    catalog: Catalog,
    lesson: usize,
    slide: usize,
    progress: Progress,
    store: Option<ProgressStore>,
    /// Whether the session opened where the student had stopped.
    resumed: bool,
}

/// What a move did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// Now on another slide of the same lesson.
    Slide,
    /// Now on the first slide of the next lesson (or the last of the previous one).
    Lesson,
    /// Already at the end (or the start) of the course; nothing moved.
    Edge,
}

impl Session {
    /// Opens the catalog where the saved progress says the student stopped.
    pub fn resume(
        catalog: Catalog,
        store: Option<ProgressStore>,
    ) -> (Session, Vec<ProgressWarning>) {
        let (progress, warning) = match &store {
            Some(store) => store.load(),
            None => (Progress::default(), None),
        };
        let mut session = Session {
            catalog,
            lesson: 0,
            slide: 0,
            progress,
            store,
            resumed: false,
        };
        if let Some(position) = session.progress.current.clone() {
            session.restore(&position);
        }
        (session, warning.into_iter().collect())
    }

    /// Goes back to a saved position if that lesson and slide still exist.
    fn restore(&mut self, position: &Position) {
        if let Some(lesson) = self
            .catalog
            .lessons()
            .iter()
            .position(|l| l.id == position.lesson)
        {
            self.lesson = lesson;
            let count = self.catalog.lessons()[lesson].slides.len();
            self.slide = position.slide.clamp(1, count) - 1;
            self.resumed = true;
        }
    }

    /// Whether the session opened where the student had stopped (their
    /// lesson may have been removed since).
    pub fn resumed(&self) -> bool {
        self.resumed
    }

    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The same lessons in another language: the student stays on the same
    /// slide (ids and slides are the same in every language).
    pub fn set_catalog(&mut self, catalog: Catalog) {
        let position = Position {
            lesson: self.lesson().id.clone(),
            slide: self.slide + 1,
        };
        self.catalog = catalog;
        self.restore(&position);
    }

    pub fn lesson(&self) -> &Lesson {
        &self.catalog.lessons()[self.lesson]
    }

    /// The lesson's place in [`Catalog::lessons`].
    pub fn lesson_index(&self) -> usize {
        self.lesson
    }

    pub fn slide(&self) -> &Slide {
        &self.lesson().slides[self.slide]
    }

    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    pub fn forward(&mut self) -> Move {
        if self.slide + 1 < self.lesson().slides.len() {
            self.slide += 1;
            Move::Slide
        } else if self.lesson + 1 < self.catalog.lessons().len() {
            self.lesson += 1;
            self.slide = 0;
            Move::Lesson
        } else {
            Move::Edge
        }
    }

    pub fn back(&mut self) -> Move {
        if self.slide > 0 {
            self.slide -= 1;
            Move::Slide
        } else if self.lesson > 0 {
            self.lesson -= 1;
            self.slide = self.lesson().slides.len() - 1;
            Move::Lesson
        } else {
            Move::Edge
        }
    }

    /// Goes to a slide of the current lesson, numbered as the student counts.
    pub fn goto(&mut self, typed: &str) -> Result<(), LookupError> {
        self.slide = self.catalog.slide_index(self.lesson, typed)?;
        Ok(())
    }

    /// Opens a lesson (`LESSON` or `LESSON/SLIDE`) at its first or given slide.
    pub fn open(&mut self, target: &str) -> Result<(), LookupError> {
        let (lesson, slide) = self.catalog.locate(target)?;
        self.lesson = lesson;
        self.slide = slide.unwrap_or(0);
        Ok(())
    }

    /// Records the current slide as seen and saves.
    pub fn record_visit(&mut self) -> Option<ProgressWarning> {
        let (id, number) = (self.lesson().id.clone(), self.slide().number);
        self.progress.current = Some(Position {
            lesson: id.clone(),
            slide: number,
        });
        self.progress
            .lessons
            .entry(id)
            .or_default()
            .seen
            .insert(number);
        self.save()
    }

    /// Records a snippet as run and saves.
    pub fn record_run(&mut self, snippet_id: &str) -> Option<ProgressWarning> {
        let lesson = self.lesson().id.clone();
        self.progress
            .lessons
            .entry(lesson)
            .or_default()
            .run
            .insert(snippet_id.to_string());
        self.save()
    }

    /// Records `exercise_id` (`LESSON/SLIDE-exercise`, of any lesson) as
    /// solved today, keeping the day it was first solved.
    pub fn record_solved(&mut self, exercise_id: &str) -> Option<ProgressWarning> {
        let lesson = exercise_id
            .split('/')
            .next()
            .unwrap_or_default()
            .to_string();
        self.progress
            .lessons
            .entry(lesson)
            .or_default()
            .solved
            .entry(exercise_id.to_string())
            .or_insert_with(today);
        self.save()
    }

    pub fn save(&mut self) -> Option<ProgressWarning> {
        let store = self.store.as_mut()?;
        store.save(&mut self.progress)
    }

    /// Whether the progress is kept: `None` without a place to keep it,
    /// else whether the last save worked.
    pub fn kept(&self) -> Option<bool> {
        self.store.as_ref().map(|store| !store.failing())
    }
}

/// Today's date, `2026-12-07`, in UTC (a day, for the student's record).
fn today() -> String {
    let now = time::OffsetDateTime::now_utc();
    format!(
        "{:04}-{:02}-{:02}",
        now.year(),
        u8::from(now.month()),
        now.day()
    )
}
