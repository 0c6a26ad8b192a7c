//! The full-screen terminal: alternate screen, raw mode and a hidden cursor,
//! given back on every way out (return, error, panic), and the drawing of a
//! screen of lines. The only place of this module that knows crossterm.

use std::io::{self, Write};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::cursor::{Hide, MoveTo, Show};
use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use crossterm::terminal::{
    self, BeginSynchronizedUpdate, Clear, ClearType, EndSynchronizedUpdate, EnterAlternateScreen,
    LeaveAlternateScreen,
};
use crossterm::{execute, queue};

use super::state::Key;

/// Whether the terminal is ours right now: the panic hook restores it then.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// The terminal in full-screen mode while this lives; dropping it (or a
/// panic) gives the terminal back as it was.
pub struct FullScreen {
    _private: (),
}

impl FullScreen {
    pub fn enter() -> io::Result<FullScreen> {
        install_panic_hook();
        terminal::enable_raw_mode()?;
        // From here on, whatever fails is undone by the guard's drop.
        let guard = FullScreen { _private: () };
        ACTIVE.store(true, Ordering::SeqCst);
        execute!(io::stdout(), EnterAlternateScreen, Hide)?;
        Ok(guard)
    }

    /// Columns and rows.
    pub fn size(&self) -> (usize, usize) {
        terminal::size().map_or((80, 24), |(w, h)| (usize::from(w), usize::from(h)))
    }

    /// Draws `lines` from the top-left corner, each on its row, the rest of
    /// each row cleared; one synchronized update, so nothing flickers.
    pub fn draw(&self, lines: &[String]) -> io::Result<()> {
        let mut out = io::stdout().lock();
        queue!(out, BeginSynchronizedUpdate)?;
        for (row, line) in lines.iter().enumerate() {
            let row = u16::try_from(row).unwrap_or(u16::MAX);
            // Cleared before printing: clearing after a line that fills the
            // row would erase its last character.
            queue!(out, MoveTo(0, row), Clear(ClearType::UntilNewLine))?;
            write!(out, "{line}\x1b[0m")?;
        }
        queue!(out, EndSynchronizedUpdate)?;
        out.flush()
    }
}

impl Drop for FullScreen {
    fn drop(&mut self) {
        restore();
    }
}

fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let _ = execute!(io::stdout(), Show, LeaveAlternateScreen);
        let _ = terminal::disable_raw_mode();
    }
}

/// A panic while the terminal is ours restores it before the message is
/// printed, so the message is readable and the shell usable. Snippets run
/// under `run_caught`, whose own hook stands in for this one meanwhile.
fn install_panic_hook() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}

/// What the terminal said: a key, a new size, or nothing within the wait.
pub enum Input {
    Key(Key),
    Resized,
    Nothing,
}

/// Waits up to `timeout` (forever with `None`) for a key or a resize.
pub fn next_input(timeout: Option<std::time::Duration>) -> io::Result<Input> {
    if let Some(timeout) = timeout
        && !event::poll(timeout)?
    {
        return Ok(Input::Nothing);
    }
    Ok(match event::read()? {
        Event::Key(key) if key.kind != KeyEventKind::Release => match translate(key) {
            Some(key) => Input::Key(key),
            None => Input::Nothing,
        },
        Event::Resize(..) => Input::Resized,
        _ => Input::Nothing,
    })
}

fn translate(key: KeyEvent) -> Option<Key> {
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        // Raw mode turns Ctrl-C into a key: it quits, as a student expects.
        return matches!(key.code, KeyCode::Char('c' | 'd')).then_some(Key::Esc);
    }
    Some(match key.code {
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        KeyCode::Enter => Key::Enter,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Esc => Key::Esc,
        _ => return None,
    })
}
