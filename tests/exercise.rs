//! `avance exercise`: the answer's file written, graded at once and on
//! every save, a cheat refused, a right answer recorded with its day, and
//! the next exercise written and watched in turn.

mod common;

use std::fs;
use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const RIGHT: &str =
    "fn total(pairs: &[(i32, char)]) -> i32 {\n    pairs.iter().map(|&(n, _)| n).sum()\n}\n";
const CHEAT: &str =
    "fn total(_: &[(i32, char)]) -> i32 {\n    println!(\"321000\");\n    321000\n}\n";

/// The watcher, with what it printed so far.
struct Watching {
    child: Child,
    printed: Arc<Mutex<String>>,
}

impl Watching {
    fn start(home: &Path, target: &str) -> Watching {
        let mut child = Command::new(env!("CARGO_BIN_EXE_avance"))
            .env("AVANCE_HOME", home)
            .args(["--color", "never", "exercise", target])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let printed = Arc::new(Mutex::new(String::new()));
        let mut stdout = child.stdout.take().unwrap();
        let sink = Arc::clone(&printed);
        std::thread::spawn(move || {
            let mut buffer = [0; 4096];
            while let Ok(n @ 1..) = stdout.read(&mut buffer) {
                sink.lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buffer[..n]));
            }
        });
        Watching { child, printed }
    }

    /// Waits until `text` has been printed `times` times in all.
    fn wait_for(&self, text: &str, times: usize) -> String {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let printed = self.printed.lock().unwrap().clone();
            if printed.matches(text).count() >= times {
                return printed;
            }
            assert!(
                Instant::now() < deadline,
                "{text:?} not printed {times} times:\n{printed}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Watching {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn every_save_is_graded_and_a_right_answer_moves_on_to_the_next_exercise() {
    if !common::require_tool("rustc") {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let watching = Watching::start(home.path(), "underscore/1");
    let file = home.path().join("exercises/01-underscore-14-exercise.rs");
    let printed = watching.wait_for("Not yet:", 1);
    assert!(
        printed.contains("keep the number, drop the letter"),
        "{printed}"
    );
    assert!(
        printed.contains(&format!("Your answer: {}", file.display())),
        "{printed}"
    );
    assert!(printed.contains("write that part"), "{printed}");
    assert!(fs::read_to_string(&file).unwrap().contains("todo!()"));

    fs::write(&file, CHEAT).unwrap();
    let printed = watching.wait_for("Not yet:", 2);
    let after_cheat = &printed[printed.rfind("Not yet:").unwrap()..];
    assert!(after_cheat.contains("should be"), "{printed}");
    assert!(after_cheat.contains("It printed:"), "{printed}");

    fs::write(&file, RIGHT).unwrap();
    let printed = watching.wait_for("On to the next exercise.", 1);
    assert!(printed.contains("Solved: every case"), "{printed}");
    let next = home.path().join("exercises/01-underscore-15-exercise.rs");
    watching.wait_for("Your answer:", 2);
    assert!(next.exists(), "the next exercise's file is written");
    let progress = fs::read_to_string(home.path().join("progress.json")).unwrap();
    let progress: serde_json::Value = serde_json::from_str(&progress).unwrap();
    let day = &progress["lessons"]["01-underscore"]["solved"]["01-underscore/14-exercise"];
    let day = day
        .as_str()
        .unwrap_or_else(|| panic!("not recorded: {progress}"));
    assert!(
        day.len() == 10 && day.starts_with("20") && day.as_bytes()[4] == b'-',
        "{day}"
    );
}

#[test]
fn a_wrong_target_gets_one_line_naming_the_right_ones() {
    let home = tempfile::tempdir().unwrap();
    common::avance(home.path())
        .args(["exercise", "underscore/9"])
        .assert()
        .failure()
        .stderr(
            "error: no exercise `9` in lesson 01-underscore: it has 4, numbered from 1 (e.g. underscore/1)\n",
        );
    common::avance(home.path())
        .args(["exercise", "nope"])
        .assert()
        .failure()
        .stderr(predicates::str::starts_with(
            "error: no lesson `nope`; the lessons are: 00-ownership",
        ));
}
