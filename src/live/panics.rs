//! Which thread panicked. Live code runs on the main thread of evcxr's
//! process, in a copy of std that never named that thread, so the default
//! panic message reads `thread '<unnamed>'` for the student's code and for
//! every thread it spawns alike. A panic hook, installed in that process
//! once it starts, tells them apart: it marks each panic as the evaluating
//! thread's or a spawned thread's (with its name), and the REPL reports a
//! joined thread's panic as that thread's, while the code goes on.

use super::Event;

/// The hook, as live code: it remembers the thread that runs evaluations
/// (the one that runs this) and writes one line: [`MARK`], whose panic it
/// is, then the message with its line breaks as NULs. One line, so that
/// nothing the code prints meanwhile comes between them. No backtrace: its
/// frames would be evcxr's, not the student's.
///
/// On stdout, not stderr: evcxr reads the code's stdout in order up to the
/// end of the evaluation, and answers only once every line has been taken,
/// so the panic reaches the REPL before the answer, where a line on stderr,
/// read by a thread of its own, could come after it on a loaded machine
/// (and then show with the next input). A line the code left unfinished
/// (`print!`) ends where the mark begins ([`recognise`]).
pub(super) const HOOK: &str = r#"{
    let evaluating = std::thread::current().id();
    std::panic::set_hook(Box::new(move |info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<&str>()
            .copied()
            .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
            .unwrap_or("(a panic without a message)");
        let thread = std::thread::current();
        let whose = if thread.id() == evaluating {
            String::from("evaluating")
        } else {
            format!("spawned:{}", thread.name().unwrap_or(""))
        };
        let message = message.replace('\n', "\u{0}");
        println!("\u{0}avance-panic\u{0}{whose}\u{0}{message}");
    }));
}"#;

/// What the hook writes on stderr before a panic's message.
const MARK: &str = "\u{0}avance-panic\u{0}";

/// The thread a panic happened on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PanickedThread {
    /// The thread that runs the student's input: the evaluation failed.
    Evaluating,
    /// A thread the code spawned, with its name if it was given one: the
    /// code may join it and go on.
    Spawned(Option<String>),
}

/// A line of the code's stdout as events: the hook's line as a panic, and
/// what the code printed before it on the same line (an unfinished
/// `print!`) as that line's start; any other line unchanged.
pub(super) fn recognise(line: String) -> Vec<Event> {
    let Some(start) = line.find(MARK) else {
        return vec![Event::Stdout(line)];
    };
    let Some((whose, message)) = line[start + MARK.len()..].split_once('\0') else {
        return vec![Event::Stdout(line)];
    };
    let thread = match whose.strip_prefix("spawned:") {
        Some("") => PanickedThread::Spawned(None),
        Some(name) => PanickedThread::Spawned(Some(name.to_string())),
        None => PanickedThread::Evaluating,
    };
    let panic = Event::Panic {
        thread,
        message: message.replace('\0', "\n"),
    };
    match &line[..start] {
        "" => vec![panic],
        printed => vec![Event::Stdout(printed.to_string()), panic],
    }
}

/// Whether `event` says the evaluation itself panicked: the hook's mark, or
/// std's own message where the code replaced the hook.
pub(super) fn is_evaluation_panic(event: &Event) -> bool {
    match event {
        Event::Panic { thread, .. } => *thread == PanickedThread::Evaluating,
        Event::Stderr(line) => line.contains("panicked at"),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hook_writes_the_line_that_is_recognised() {
        assert!(HOOK.contains(&format!("{}{{whose}}\\u{{0}}", MARK.escape_default())));
        assert!(
            HOOK.contains("println!"),
            "on stdout, read before the answer"
        );
        let marked = |whose: &str| recognise(format!("{MARK}{whose}\0two\0lines"));
        let panic = |thread| Event::Panic {
            thread,
            message: "two\nlines".into(),
        };
        assert_eq!(marked("evaluating"), [panic(PanickedThread::Evaluating)]);
        assert_eq!(marked("spawned:"), [panic(PanickedThread::Spawned(None))]);
        assert_eq!(
            marked("spawned:worker"),
            [panic(PanickedThread::Spawned(Some("worker".into())))]
        );
        for unmarked in ["avance-panic evaluating", "\0avance-panic\0evaluating"] {
            assert_eq!(recognise(unmarked.into()), [Event::Stdout(unmarked.into())]);
        }
        // After an unfinished `print!`, the line so far, then the panic.
        assert_eq!(
            recognise(format!("3 2 1{MARK}evaluating\0boom")),
            [
                Event::Stdout("3 2 1".into()),
                Event::Panic {
                    thread: PanickedThread::Evaluating,
                    message: "boom".into()
                }
            ]
        );
    }

    #[test]
    fn only_the_evaluating_threads_panic_fails_the_evaluation() {
        let panic = |thread| Event::Panic {
            thread,
            message: String::new(),
        };
        assert!(is_evaluation_panic(&panic(PanickedThread::Evaluating)));
        assert!(!is_evaluation_panic(&panic(PanickedThread::Spawned(None))));
        assert!(is_evaluation_panic(&Event::Stderr(
            "thread '<unnamed>' panicked at src/lib.rs:3:1:".into()
        )));
        assert!(!is_evaluation_panic(&Event::Stdout("panicked at".into())));
    }
}
