//! Ctrl-C stops the code, not the program. While the REPL waits for a line
//! the line editor reads Ctrl-C as a key; while something runs, the
//! terminal sends SIGINT to the whole foreground group: the child running
//! a snippet, the student's live code or the Python stops, and this
//! process, which [`install`] keeps alive, only notes that it came. A
//! command with no prompt to go back to ([`end_with`]) stops at once.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

static PRESSED: OnceLock<Arc<AtomicBool>> = OnceLock::new();

/// From now on SIGINT sets a flag instead of ending the program.
pub fn install() -> std::io::Result<()> {
    let flag = PRESSED.get_or_init(|| Arc::new(AtomicBool::new(false)));
    signal_hook::flag::register(signal_hook::consts::SIGINT, Arc::clone(flag)).map(drop)
}

/// Whether Ctrl-C was pressed since the last call, which forgets it.
pub fn take() -> bool {
    PRESSED
        .get()
        .is_some_and(|flag| flag.swap(false, Ordering::SeqCst))
}

/// Whether Ctrl-C was pressed, without forgetting it.
pub fn pressed() -> bool {
    PRESSED
        .get()
        .is_some_and(|flag| flag.load(Ordering::SeqCst))
}

/// How long a child that Ctrl-C reached may take to end by itself (Python
/// ending its threads, say) before it is killed.
pub const GRACE: std::time::Duration = std::time::Duration::from_millis(400);

/// A `stop` for [`crate::child::run_until`]: true once Ctrl-C was pressed
/// [`GRACE`] ago, for a child that outlives the SIGINT it got too (Python
/// waits for its threads before it exits, seconds later).
pub fn stop_after_grace() -> impl FnMut() -> bool {
    let mut pressed_at = None;
    move || {
        pressed()
            && pressed_at
                .get_or_insert_with(std::time::Instant::now)
                .elapsed()
                > GRACE
    }
}

/// From now on SIGINT ends the program at once, with `line` on stderr
/// and the shell's status for it (130): for commands that have no prompt to
/// go back to, whose work (and children) it stops within milliseconds.
pub fn end_with(line: impl Into<String>) -> std::io::Result<()> {
    let line = line.into();
    let mut signals = signal_hook::iterator::Signals::new([signal_hook::consts::SIGINT])?;
    std::thread::Builder::new()
        .name("ctrl-c".into())
        .spawn(move || {
            if signals.forever().next().is_some() {
                eprintln!("{line}");
                std::process::exit(130);
            }
        })
        .map(drop)
}
