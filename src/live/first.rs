//! The first answers, before evcxr's context is up. Creating the context
//! takes about 3 s on a small machine, most of it rust-analyzer's first
//! look at the standard library (evcxr asks it for the types of every
//! input's variables), and an input sent meanwhile waited for all of it.
//! An input that defines nothing (no variable, item, `use`, crate or
//! command: `6 * 7`, `"é".len()`, `println!(...)`) keeps nothing for the
//! next one either, so rustc compiles it alone, as a program wrapped the way
//! evcxr wraps it: the panic hook ([`super::panics::HOOK`]), the code under
//! `catch_unwind`, its value printed with `{:?}`, debug assertions and
//! overflow checks on. Anything else, or an input rustc refuses alone (it
//! names a variable, its value has no `Debug`), waits for evcxr as before,
//! which then answers it: nothing of it ran.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use super::{Evaluation, Event, Outcome, POLL, Watch, panics};

/// Words that make an input define something, reach past std or do what a
/// program of its own would do otherwise than evcxr (`return`, `?`): such
/// an input waits for evcxr. A word inside a string counts too, which only
/// sends an input to evcxr that could have been answered here.
const DEFINING: [&str; 21] = [
    "let",
    "fn",
    "struct",
    "enum",
    "union",
    "impl",
    "trait",
    "type",
    "use",
    "mod",
    "const",
    "static",
    "extern",
    "macro_rules",
    "crate",
    "super",
    "self",
    "return",
    "avance",
    "ndarray",
    "rayon",
];

/// Whether `code` can be answered alone: it defines nothing and names no
/// crate but std.
pub(super) fn defines_nothing(code: &str) -> bool {
    let code = code.trim();
    !code.is_empty()
        && !code.starts_with(':')
        && !code.contains(['?', '#'])
        && !code
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .any(|word| DEFINING.contains(&word))
}

/// What the program prints before the value, to tell it from the code's
/// own output.
const VALUE_MARK: &str = "\u{0}avance-value\u{0}";

/// The program that runs `code` as evcxr would.
fn program(code: &str) -> String {
    let hook = panics::HOOK;
    format!(
        "#![allow(warnings)]\nfn main() {{\n{hook}\nlet value = ::std::panic::catch_unwind(::std::panic::AssertUnwindSafe(|| {{\n{code}\n}}));\nif let Ok(value) = value {{ println!(\"\\u{{0}}avance-value\\u{{0}}{{:?}}\", value); }}\n}}\n"
    )
}

/// Compiles and runs `code` in `dir`; `None` when rustc refuses it (or
/// cannot run), for evcxr to answer. What it prints goes to `sink` as it
/// comes.
pub(super) fn answer(
    dir: &Path,
    code: &str,
    time_limit: Option<Duration>,
    sink: &mut dyn FnMut(Event),
) -> Option<Evaluation> {
    std::fs::create_dir_all(dir).ok()?;
    let source = dir.join("first.rs");
    let binary = dir.join("first");
    std::fs::write(&source, program(code)).ok()?;
    let compiled = Command::new("rustc")
        .args([
            "--edition",
            "2024",
            "-C",
            "opt-level=0",
            "-C",
            "debuginfo=0",
        ])
        .args([
            "-C",
            "debug-assertions=on",
            "-C",
            "overflow-checks=on",
            "-o",
        ])
        .arg(&binary)
        .arg(&source)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .ok()?;
    if !compiled.success() {
        return None;
    }
    let child = Command::new(&binary)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    Some(run(child, time_limit, sink))
}

/// Reads the program's output to its end, stopping it on Ctrl-C or past
/// `time_limit` of processor time.
fn run(mut child: Child, time_limit: Option<Duration>, sink: &mut dyn FnMut(Event)) -> Evaluation {
    let (lines, events) = mpsc::channel();
    let stdout = child
        .stdout
        .take()
        .map(|out| lines_of(out, lines.clone(), true));
    let stderr = child.stderr.take().map(|err| lines_of(err, lines, false));
    let mut watch = Watch::start(Some(child.id()), time_limit);
    let (mut value, mut panicked) = (None, false);
    loop {
        match events.recv_timeout(POLL) {
            Ok(Event::Stdout(line)) if line.starts_with(VALUE_MARK) => {
                value = Some(line[VALUE_MARK.len()..].to_string()).filter(|v| v != "()");
            }
            Ok(event) => {
                panicked |= panics::is_evaluation_panic(&event);
                sink(event);
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {
                if watch.must_stop(Some(child.id())) {
                    let _ = child.kill();
                }
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
    }
    for reader in [stdout, stderr].into_iter().flatten() {
        let _ = reader.join();
    }
    let outcome = match (child.wait(), watch.timed_out) {
        (_, Some(limit)) => Outcome::TimedOut(limit),
        (Ok(status), None) if status.success() => Outcome::Ran,
        (Ok(status), None) => Outcome::Died(status.to_string()),
        (Err(e), None) => Outcome::Died(e.to_string()),
    };
    Evaluation {
        value,
        outcome,
        lost: Vec::new(),
        panicked,
    }
}

/// Sends each line of `stream` as an event, on a thread of its own: the
/// panic hook's line (on stdout) as a panic.
fn lines_of(
    stream: impl Read + Send + 'static,
    events: mpsc::Sender<Event>,
    is_stdout: bool,
) -> thread::JoinHandle<()> {
    thread::spawn(move || {
        for line in BufReader::new(stream).lines().map_while(Result::ok) {
            let read = if is_stdout {
                panics::recognise(line)
            } else {
                vec![Event::Stderr(line)]
            };
            for event in read {
                if events.send(event).is_err() {
                    return;
                }
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_inputs_that_define_nothing_are_answered_alone() {
        for alone in [
            "6 * 7 + 1000",
            "\"é\".len()",
            "println!(\"{}\", 2.0_f64.sqrt())",
            "std::mem::size_of::<u64>()",
            "vec![3, 1, 2].iter().max()",
        ] {
            assert!(defines_nothing(alone), "{alone}");
        }
        for kept in [
            "let x = 5;",
            "fn double(x: i32) -> i32 { x * 2 }",
            "use std::collections::HashMap;",
            "struct P;",
            ":vars",
            "\"5\".parse::<i32>()?",
            "ndarray::arr1(&[1, 2]).sum()",
            "avance::timeit::timeit(|| 1)",
            "rayon::current_num_threads()",
            "#[derive(Debug)] struct S;",
            "",
        ] {
            assert!(!defines_nothing(kept), "{kept}");
        }
    }

    /// `code` answered alone, and the events it sent.
    fn answered(code: &str, limit: Option<Duration>) -> (Option<Evaluation>, Vec<Event>) {
        let dir = tempfile::tempdir().unwrap();
        let mut events = Vec::new();
        let answer = answer(dir.path(), code, limit, &mut |event| events.push(event));
        (answer, events)
    }

    #[test]
    fn a_first_answer_gives_the_value_the_output_and_the_panic_as_evcxr_does() {
        let (answer, events) = answered("println!(\"hi\"); 6 * 7 + 1000", None);
        let answer = answer.unwrap();
        assert_eq!(answer.value.as_deref(), Some("1042"));
        assert_eq!((answer.outcome, answer.panicked), (Outcome::Ran, false));
        assert_eq!(events, [Event::Stdout("hi".into())]);

        let (answer, events) = answered("print!(\"3 2 1 \"); panic!(\"boom\")", None);
        let answer = answer.unwrap();
        assert_eq!((answer.value, answer.panicked), (None, true));
        let panic = Event::Panic {
            thread: panics::PanickedThread::Evaluating,
            message: "boom".into(),
        };
        assert_eq!(events, [Event::Stdout("3 2 1 ".into()), panic]);

        // Overflow checks on, as evcxr compiles live code.
        let (answer, events) = answered("i32::MAX + std::hint::black_box(1)", None);
        assert!(answer.unwrap().panicked, "{events:?}");
        // A statement's `()` is no answer, as with evcxr.
        let (answer, _) = answered("std::hint::black_box(());", None);
        assert_eq!(answer.unwrap().value, None);
    }

    #[test]
    fn what_rustc_refuses_alone_is_left_to_evcxr_and_a_loop_is_stopped() {
        let (answer, _) = answered("x + 1", None);
        assert_eq!(answer, None, "a variable of an earlier input");
        let limit = Duration::from_millis(300);
        let (answer, _) = answered("loop {}", Some(limit));
        assert_eq!(answer.unwrap().outcome, Outcome::TimedOut(limit));
    }

    #[test]
    fn the_program_wraps_the_code_as_evcxr_does() {
        let program = program("6 * 7");
        assert!(program.contains(panics::HOOK));
        assert!(program.contains("catch_unwind"));
        assert!(program.contains(&VALUE_MARK.escape_default().to_string()));
    }
}
