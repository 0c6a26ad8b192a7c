//! The presenter's state and how keys change it: no terminal types, so every
//! key's effect is tested without a terminal.

use crate::tr;
use std::time::Instant;

/// A key, as the presenter reads it (the terminal loop translates
/// crossterm's events into these).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Left,
    Right,
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
    Enter,
    Backspace,
    Esc,
}

/// What the loop does after a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Draw the screen again.
    Redraw,
    /// Run the current slide's snippets, then draw.
    Run,
    /// Leave the presenter.
    Quit,
}

/// The output of running a slide's snippets, shown in a box under its code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunOutput {
    /// 0-based slide the output belongs to: it is shown on that slide only.
    pub slide: usize,
    /// The box's title, `Output of 01-underscore/2`.
    pub title: String,
    /// What the snippets printed, then how they ended.
    pub lines: Vec<String>,
    /// Whether every snippet ended as its slide intends.
    pub ok: bool,
}

/// Where the presenter stands and what it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct State {
    /// 0-based index of the slide shown.
    pub slide: usize,
    /// How many slides the lesson has (at least 1).
    pub count: usize,
    pub python: bool,
    pub notes: bool,
    pub help: bool,
    /// Digits typed before Enter, to go to a slide by number.
    pub pending: String,
    /// The last run, kept while its slide is shown.
    pub output: Option<RunOutput>,
    /// First body line shown: long slides scroll.
    pub scroll: usize,
    /// A one-line message for the footer (a bad slide number...).
    pub message: Option<String>,
    /// The screen is black until the next key (`b` or `.`), so that the
    /// room looks at the speaker.
    pub blackout: bool,
    /// When `t` last started the footer's timer; none until then.
    pub timer: Option<Instant>,
    /// An exercise's solution is shown under its starter (`s`), until
    /// the slide changes: the room tries first.
    pub solution: bool,
}

/// Lines moved by a page key.
pub const PAGE: usize = 10;

impl State {
    /// The presenter on slide `slide` (0-based, clamped) of `count`.
    pub fn new(count: usize, slide: usize) -> State {
        let count = count.max(1);
        State {
            slide: slide.min(count - 1),
            count,
            python: true,
            notes: false,
            help: false,
            pending: String::new(),
            output: None,
            scroll: 0,
            message: None,
            blackout: false,
            timer: None,
            solution: false,
        }
    }

    /// Applies one key; `None` when the key means nothing here.
    pub fn handle(&mut self, key: Key) -> Option<Action> {
        if key != Key::Enter && !matches!(key, Key::Char('0'..='9') | Key::Backspace) {
            self.pending.clear();
        }
        self.message = None;
        if self.blackout {
            // Any key lights the screen again, and only that.
            self.blackout = false;
            return Some(Action::Redraw);
        }
        if self.help {
            // Any key closes the list of keys; q and Esc still quit.
            self.help = false;
            return Some(match key {
                Key::Char('q') | Key::Esc => Action::Quit,
                _ => Action::Redraw,
            });
        }
        let action = match key {
            Key::Right | Key::Char(' ' | 'l' | 'j') => {
                self.go_to(self.slide + 1);
                Action::Redraw
            }
            Key::Left | Key::Char('h' | 'k') => {
                self.go_to(self.slide.saturating_sub(1));
                Action::Redraw
            }
            Key::Home => {
                self.go_to(0);
                Action::Redraw
            }
            Key::End => {
                self.go_to(self.count - 1);
                Action::Redraw
            }
            Key::Char(digit @ '0'..='9') => {
                if self.pending.len() < 6 {
                    self.pending.push(digit);
                }
                Action::Redraw
            }
            Key::Backspace => {
                self.pending.pop();
                Action::Redraw
            }
            Key::Enter if !self.pending.is_empty() => {
                let typed = std::mem::take(&mut self.pending);
                match typed.parse::<usize>() {
                    Ok(n) if (1..=self.count).contains(&n) => self.go_to(n - 1),
                    _ => {
                        self.message = Some(tr!(
                            "present-no-slide",
                            typed = typed.as_str(),
                            count = self.count
                        ));
                    }
                }
                Action::Redraw
            }
            Key::Enter => return None,
            Key::Down => {
                self.scroll += 1;
                Action::Redraw
            }
            Key::Up => {
                self.scroll = self.scroll.saturating_sub(1);
                Action::Redraw
            }
            Key::PageDown => {
                self.scroll += PAGE;
                Action::Redraw
            }
            Key::PageUp => {
                self.scroll = self.scroll.saturating_sub(PAGE);
                Action::Redraw
            }
            Key::Char('r') => Action::Run,
            Key::Char('p') => {
                self.python = !self.python;
                Action::Redraw
            }
            Key::Char('n') => {
                self.notes = !self.notes;
                Action::Redraw
            }
            Key::Char('?') => {
                self.help = true;
                Action::Redraw
            }
            Key::Char('b' | '.') => {
                self.blackout = true;
                Action::Redraw
            }
            Key::Char('t') => {
                self.timer = Some(Instant::now());
                Action::Redraw
            }
            Key::Char('s') => {
                self.solution = !self.solution;
                Action::Redraw
            }
            Key::Char('q') | Key::Esc => Action::Quit,
            Key::Char(_) => return None,
        };
        Some(action)
    }

    /// Moves to slide `index` (clamped); a new slide starts at its top,
    /// without the last slide's output.
    fn go_to(&mut self, index: usize) {
        let index = index.min(self.count - 1);
        if index != self.slide {
            self.slide = index;
            self.scroll = 0;
            self.solution = false;
        }
        if self.output.as_ref().is_some_and(|o| o.slide != self.slide) {
            self.output = None;
        }
    }

    /// Keeps the scroll offset within what a body of `body` lines shown in
    /// `visible` rows allows.
    pub fn clamp_scroll(&mut self, body: usize, visible: usize) {
        self.scroll = self.scroll.min(body.saturating_sub(visible));
    }
}

/// The keys, as `?` lists them: the key and the id of what it does
/// (`i18n/*.ftl`).
pub const KEYS: &[(&str, &str)] = &[
    ("→ Space l j", "key-next"),
    ("← h k", "key-previous"),
    ("3 Enter", "key-goto"),
    ("Home End", "key-first-last"),
    ("↑ ↓ PgUp PgDn", "key-scroll"),
    ("r", "key-run"),
    ("p", "key-python"),
    ("n", "key-notes"),
    ("s", "key-solution"),
    ("b .", "key-black"),
    ("t", "key-timer"),
    ("?", "key-help"),
    ("q Esc", "key-quit"),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(state: &mut State, keys: &[Key]) -> Vec<Option<Action>> {
        keys.iter().map(|&k| state.handle(k)).collect()
    }

    #[test]
    fn s_shows_the_solution_until_the_slide_changes() {
        let mut state = State::new(5, 1);
        assert!(!state.solution);
        assert_eq!(state.handle(Key::Char('s')), Some(Action::Redraw));
        assert!(state.solution);
        state.handle(Key::Right);
        assert!(!state.solution, "the next slide starts without it");
        keys(&mut state, &[Key::Char('s'), Key::Char('s')]);
        assert!(!state.solution);
    }

    #[test]
    fn next_and_previous_stop_at_the_ends() {
        let mut state = State::new(3, 0);
        keys(&mut state, &[Key::Left, Key::Char('h'), Key::Char('k')]);
        assert_eq!(state.slide, 0);
        for key in [Key::Right, Key::Char(' '), Key::Char('l'), Key::Char('j')] {
            state.handle(key);
        }
        assert_eq!(state.slide, 2);
        state.handle(Key::Char('k'));
        assert_eq!(state.slide, 1);
    }

    #[test]
    fn a_number_then_enter_goes_to_that_slide() {
        let mut state = State::new(14, 0);
        keys(&mut state, &[Key::Char('1'), Key::Char('2')]);
        assert_eq!(state.pending, "12");
        assert_eq!(state.slide, 0, "nothing moves before Enter");
        assert_eq!(state.handle(Key::Enter), Some(Action::Redraw));
        assert_eq!((state.slide, state.pending.as_str()), (11, ""));

        keys(&mut state, &[Key::Char('9'), Key::Char('9'), Key::Enter]);
        assert_eq!(state.slide, 11, "no slide 99");
        assert!(state.message.as_deref().unwrap().contains("no slide 99"));

        keys(&mut state, &[Key::Char('0'), Key::Enter]);
        assert_eq!(state.slide, 11, "slides count from 1");

        keys(
            &mut state,
            &[Key::Char('3'), Key::Char('4'), Key::Backspace],
        );
        assert_eq!(state.pending, "3");
        keys(&mut state, &[Key::Char('j')]);
        assert_eq!(state.pending, "", "another key drops the number");
        assert_eq!(state.slide, 12);
    }

    #[test]
    fn toggles_and_quit() {
        let mut state = State::new(2, 0);
        assert!(state.python && !state.notes);
        keys(&mut state, &[Key::Char('p'), Key::Char('n')]);
        assert!(!state.python && state.notes);
        assert_eq!(state.handle(Key::Char('r')), Some(Action::Run));
        assert_eq!(state.handle(Key::Char('x')), None);
        assert_eq!(state.handle(Key::Enter), None);
        assert_eq!(state.handle(Key::Char('q')), Some(Action::Quit));
        assert_eq!(state.handle(Key::Esc), Some(Action::Quit));
    }

    #[test]
    fn help_closes_on_any_key_without_acting_on_it() {
        let mut state = State::new(5, 0);
        state.handle(Key::Char('?'));
        assert!(state.help);
        assert_eq!(state.handle(Key::Right), Some(Action::Redraw));
        assert!(!state.help);
        assert_eq!(state.slide, 0, "the key only closed the list");
        state.handle(Key::Char('?'));
        assert_eq!(state.handle(Key::Char('q')), Some(Action::Quit));
    }

    #[test]
    fn output_stays_with_its_slide_and_scroll_resets() {
        let mut state = State::new(5, 1);
        state.output = Some(RunOutput {
            slide: 1,
            title: "Output".into(),
            lines: vec!["hi".into()],
            ok: true,
        });
        keys(&mut state, &[Key::Down, Key::Down, Key::PageDown]);
        assert_eq!(state.scroll, 2 + PAGE);
        state.clamp_scroll(30, 25);
        assert_eq!(state.scroll, 5);
        state.handle(Key::Char('p'));
        assert!(state.output.is_some(), "toggling keeps the output");
        state.handle(Key::Right);
        assert_eq!((state.slide, state.scroll), (2, 0));
        assert!(state.output.is_none(), "another slide has no output yet");
        state.handle(Key::Up);
        assert_eq!(state.scroll, 0);
    }

    #[test]
    fn blackout_lasts_until_any_key_which_does_nothing_else() {
        let mut state = State::new(5, 1);
        for key in [Key::Char('b'), Key::Char('.')] {
            assert_eq!(state.handle(key), Some(Action::Redraw));
            assert!(state.blackout);
            assert_eq!(state.handle(Key::Char('q')), Some(Action::Redraw));
            assert!(!state.blackout);
        }
        state.handle(Key::Char('b'));
        state.handle(Key::Right);
        assert_eq!((state.slide, state.blackout), (1, false));
    }

    #[test]
    fn t_starts_the_timer_then_sets_it_back() {
        let mut state = State::new(5, 0);
        assert_eq!(state.timer, None);
        state.handle(Key::Char('t'));
        let started = state.timer.expect("started");
        std::thread::sleep(std::time::Duration::from_millis(5));
        state.handle(Key::Char('t'));
        assert!(state.timer.unwrap() > started, "set back to now");
    }

    #[test]
    fn the_start_is_clamped() {
        assert_eq!(State::new(3, 10).slide, 2);
        assert_eq!(State::new(0, 0).count, 1);
    }
}
