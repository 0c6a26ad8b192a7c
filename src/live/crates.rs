//! The lessons' crates compiled for evcxr before they are needed: from the
//! REPL's start, a `cargo build` of a generated crate that mirrors the one
//! evcxr generates once `:dep` named them (same dependency lines, profile,
//! `RUSTFLAGS`, target), in a target folder of its own so that evcxr's
//! builds (the first program, the student's first inputs) never wait for
//! its lock. When it is done the worker adopts that folder as evcxr's, and
//! evcxr's own build of the `:dep`s then finds every crate fresh and
//! compiles the student's code only.
//!
//! The folder stays in the kept build folder: at the next start it moves
//! back ([`restore`]), and the preparation is cargo saying everything is
//! fresh, or compiling what changed (`avance`'s source, a new toolchain).

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};
use std::thread;

use super::Request;
use super::folder::find_on_path;

/// How far the preparation is: `done` of `total` crates compiled (or found
/// fresh); `total` is 0 until cargo says how many there are.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

/// The generated crate, beside evcxr's (which is `evcxr/`).
pub(super) fn crate_dir(root: &Path) -> PathBuf {
    root.join("crates")
}

/// Written once evcxr's target folder holds the prepared crates: the sign,
/// for tests and benchmarks, that an input naming them compiles only the
/// input.
pub const READY_FILE: &str = "crates-ready";

/// The name evcxr gives its crate, kept so that the lock file of one
/// serves the other.
const CRATE_NAME: &str = "ctx";

/// The manifest evcxr 0.22 writes (`Module::get_cargo_toml_contents`), at
/// the level typed code compiles at: the profile's settings other than the
/// root's `opt-level` are part of every dependency's fingerprint. The
/// build folder's `.cargo/config.toml`, above both crates, puts the
/// dependencies at level 2.
fn manifest(specs: &[String]) -> String {
    let dependencies: String = specs.iter().map(|spec| format!("{spec}\n")).collect();
    format!(
        r#"
[package]
name = "{CRATE_NAME}"
version = "1.0.0"
edition = "2024"

[lib]
crate-type = ["cdylib"]
path = "src/lib.rs"

[profile.dev]
opt-level = {}
debug = false
strip = "debuginfo"
rpath = true
lto = false
debug-assertions = true
codegen-units = 16
panic = 'unwind'
incremental = true
overflow-checks = true

[dependencies]
{dependencies}"#,
        super::worker::QUICK
    )
}

/// The linker evcxr picks (`create_initial_config`): mold, else lld, when
/// on `PATH`; it changes the command or `RUSTFLAGS`, so the fingerprints.
enum Linker {
    Mold(PathBuf),
    Lld,
    System,
}

impl Linker {
    fn evcxrs() -> Linker {
        if cfg!(target_os = "macos") {
            return Linker::System;
        }
        if let Some(mold) = find_on_path("mold") {
            Linker::Mold(mold)
        } else if find_on_path("lld").is_some() {
            Linker::Lld
        } else {
            Linker::System
        }
    }

    /// `cargo ARGS` with evcxr's environment (`Config::cargo_command`).
    fn cargo(&self, dir: &Path, args: &[&str]) -> Command {
        let mut command = match self {
            Linker::Mold(mold) => {
                let mut command = Command::new(mold);
                command.args(["-run", "cargo"]);
                command
            }
            _ => Command::new("cargo"),
        };
        let rustflags = match self {
            Linker::Lld => "-Cprefer-dynamic -Clink-arg=-fuse-ld=lld",
            _ => "-Cprefer-dynamic",
        };
        command
            .args(args)
            .current_dir(dir)
            .env("CARGO_TARGET_DIR", "target")
            .env("CARGO_BUILD_BUILD_DIR", "target")
            .env("RUSTFLAGS", rustflags)
            .stdin(Stdio::null());
        command
    }
}

/// The cargo process preparing the crates, killed with its compilers when
/// the REPL goes (its own process group, which the terminal's Ctrl-C for
/// live code does not reach either).
#[derive(Clone, Default)]
pub(super) struct Running(Arc<Mutex<Option<u32>>>);

impl Running {
    pub(super) fn stop(&self) {
        if let Ok(mut pid) = self.0.lock()
            && let Some(pid) = pid.take()
            && let Ok(group) = i32::try_from(pid)
        {
            // SAFETY: kill(2) on a process group this program started.
            unsafe { libc::kill(-group, libc::SIGKILL) };
        }
    }
}

/// Starts the preparation on a thread of its own; the worker hears of its
/// progress and end through `worker`.
/// Set to `off` (or `0`), the crates are not prepared in the background:
/// the first input naming them compiles them, as evcxr's `:dep` does (the
/// test suite's REPLs, which would otherwise each start a 70 s build).
pub const PREPARE_ENV: &str = "AVANCE_LIVE_PREPARE";

pub(super) fn spawn(root: PathBuf, specs: Vec<String>, worker: Sender<Request>) -> Running {
    let running = Running::default();
    if std::env::var(PREPARE_ENV).is_ok_and(|value| value == "off" || value == "0") {
        // An empty reason: the crates load as before, with no failure said.
        let _ = worker.send(Request::Prepared(Err(String::new())));
        return running;
    }
    let for_thread = running.clone();
    let if_not_spawned = worker.clone();
    let spawned = thread::Builder::new()
        .name("live-crates".into())
        .spawn(move || {
            let result = prepare(&root, &specs, &worker, &for_thread);
            if let Ok(mut pid) = for_thread.0.lock() {
                *pid = None;
            }
            let _ = worker.send(Request::Prepared(result));
        });
    if let Err(e) = spawned {
        // The worker compiles them itself then, as `:dep` does.
        let _ = if_not_spawned.send(Request::Prepared(Err(format!(
            "cannot start a thread: {e}"
        ))));
    }
    running
}

fn prepare(
    root: &Path,
    specs: &[String],
    worker: &Sender<Request>,
    running: &Running,
) -> Result<(), String> {
    let dir = crate_dir(root);
    std::fs::create_dir_all(dir.join("src"))
        .and_then(|()| write_if_changed(&dir.join("Cargo.toml"), &manifest(specs)))
        .and_then(|()| write_if_changed(&dir.join("src").join("lib.rs"), ""))
        .map_err(|e| format!("cannot write {}: {e}", dir.display()))?;
    let host = host_target().ok_or("cannot ask rustc for its target")?;
    let linker = Linker::evcxrs();
    // Offline first, as the worker's `:dep` does: a machine that built
    // avance has every crate in cargo's cache.
    build(&linker, &dir, &host, true, worker, running)
        .or_else(|_| build(&linker, &dir, &host, false, worker, running))
}

/// One `cargo build`, its JSON read for progress, its stderr kept for the
/// error.
fn build(
    linker: &Linker,
    dir: &Path,
    host: &str,
    offline: bool,
    worker: &Sender<Request>,
    running: &Running,
) -> Result<(), String> {
    let total = count_crates(linker, dir, host, offline).unwrap_or(0);
    let _ = worker.send(Request::Preparing(Progress { done: 0, total }));
    let mut args = vec![];
    if offline {
        args.push("--offline");
    }
    args.extend(["build", "--target", host, "--message-format=json"]);
    let mut command = linker.cargo(dir, &args);
    command.stdout(Stdio::piped()).stderr(Stdio::piped());
    lower_priority(&mut command);
    let mut child = command
        .spawn()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if let Ok(mut pid) = running.0.lock() {
        *pid = Some(child.id());
    }
    let stderr = drain(&mut child);
    // A crate that build scripts use too is compiled twice (for them and
    // for the code), and counted once.
    let mut compiled = std::collections::HashSet::new();
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(package) = dependency_library(&line)
                && compiled.insert(package)
            {
                let done = compiled.len();
                let progress = Progress {
                    done,
                    total: total.max(done),
                };
                let _ = worker.send(Request::Preparing(progress));
            }
        }
    }
    let status = child.wait().map_err(|e| format!("cargo: {e}"))?;
    let stderr = stderr.join().unwrap_or_default();
    if status.success() {
        Ok(())
    } else {
        Err(shorten(&stderr))
    }
}

/// Reads the child's stderr on a thread, so that a full pipe never stops it.
fn drain(child: &mut Child) -> thread::JoinHandle<String> {
    let stderr = child.stderr.take();
    thread::spawn(move || {
        let mut text = String::new();
        if let Some(mut stderr) = stderr {
            let _ = stderr.read_to_string(&mut text);
        }
        text
    })
}

/// The preparation gives way to what the student waits for (evcxr's
/// builds, the slides' snippets); in a process group of its own. On Linux
/// cargo is also killed when this program dies without stopping it (a
/// signal): the thread that started it waits for it to the end.
fn lower_priority(command: &mut Command) {
    use std::os::unix::process::CommandExt;
    command.process_group(0);
    // SAFETY: setpriority(2) and prctl(2) are async-signal-safe; they
    // change this child only.
    unsafe {
        command.pre_exec(|| {
            libc::setpriority(libc::PRIO_PROCESS, 0, 10);
            #[cfg(target_os = "linux")]
            libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
            Ok(())
        });
    }
}

/// How many crates the build has: the packages cargo resolved for this
/// platform, less the generated crate.
fn count_crates(linker: &Linker, dir: &Path, host: &str, offline: bool) -> Option<usize> {
    let mut args = vec![
        "metadata",
        "--format-version",
        "1",
        "--filter-platform",
        host,
    ];
    if offline {
        args.push("--offline");
    }
    let output = linker
        .cargo(dir, &args)
        .stderr(Stdio::null())
        .output()
        .ok()?;
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout).ok()?;
    let nodes = metadata["resolve"]["nodes"].as_array()?;
    Some(nodes.len().saturating_sub(1))
}

/// The package of a `compiler-artifact` message for a dependency's
/// library (a build script is part of its crate, the generated crate is
/// not one of them).
fn dependency_library(line: &str) -> Option<String> {
    let message = serde_json::from_str::<serde_json::Value>(line).ok()?;
    let target = &message["target"];
    let library = message["reason"] == "compiler-artifact"
        && target["name"] != CRATE_NAME
        && target["kind"].as_array().is_some_and(|kinds| {
            kinds
                .iter()
                .any(|kind| kind != "custom-build" && kind != "bin")
        });
    library.then(|| {
        message["package_id"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    })
}

/// Rust's target for this machine (evcxr builds with `--target` it).
fn host_target() -> Option<String> {
    let output = Command::new("rustc").arg("-vV").output().ok()?;
    let text = String::from_utf8(output.stdout).ok()?;
    text.lines()
        .find_map(|line| line.strip_prefix("host: "))
        .map(str::to_string)
}

fn write_if_changed(path: &Path, contents: &str) -> std::io::Result<()> {
    if std::fs::read_to_string(path).is_ok_and(|old| old == contents) {
        return Ok(());
    }
    std::fs::write(path, contents)
}

/// At most this many lines of cargo's output are shown when it fails.
const SHOWN_LINES: usize = 12;

/// cargo's failure in a few lines: from its first error, without the
/// `Compiling …` lines.
pub(super) fn shorten(stderr: &str) -> String {
    let lines: Vec<&str> = stderr
        .lines()
        .filter(|line| {
            let line = line.trim_start();
            ![
                "Compiling ",
                "Checking ",
                "Locking ",
                "Adding ",
                "Blocking ",
            ]
            .iter()
            .any(|progress| line.starts_with(progress))
        })
        .collect();
    let first_error = lines
        .iter()
        .position(|line| line.starts_with("error"))
        .unwrap_or(lines.len().saturating_sub(SHOWN_LINES));
    let shown = &lines[first_error..];
    let mut text = shown
        .iter()
        .take(SHOWN_LINES)
        .copied()
        .collect::<Vec<_>>()
        .join("\n");
    if shown.len() > SHOWN_LINES {
        text.push_str(&format!("\n… ({} more lines)", shown.len() - SHOWN_LINES));
    }
    text
}

/// evcxr's target folder and the prepared one.
fn targets(root: &Path) -> (PathBuf, PathBuf) {
    (
        root.join("evcxr").join("target"),
        crate_dir(root).join("target"),
    )
}

/// Where evcxr's target folder from before the adoption goes, to be removed.
fn replaced(root: &Path) -> PathBuf {
    root.join("evcxr").join("target-replaced")
}

/// At the start of a session (before evcxr starts): the crates prepared
/// and adopted last time move back to the generated crate, where the
/// preparation finds them fresh. A target folder of evcxr's beside a
/// prepared one is only that of a session that ended before adopting it.
pub(super) fn restore(root: &Path) {
    let _ = std::fs::remove_file(root.join(READY_FILE));
    let _ = std::fs::remove_dir_all(replaced(root));
    let (used, prepared) = targets(root);
    if used.is_dir() {
        if prepared.exists() {
            let _ = std::fs::remove_dir_all(&used);
        } else {
            let _ = std::fs::create_dir_all(crate_dir(root));
            let _ = std::fs::rename(&used, &prepared);
        }
    }
}

/// Once the preparation succeeded, while evcxr is idle (the worker's
/// thread): its target folder becomes evcxr's. The libraries evcxr loaded
/// from the replaced one stay loaded.
pub(super) fn adopt(root: &Path) -> std::io::Result<()> {
    let (used, prepared) = targets(root);
    if used.exists() {
        let old = replaced(root);
        let _ = std::fs::remove_dir_all(&old);
        std::fs::rename(&used, &old)?;
        let _ = std::fs::remove_dir_all(&old);
    }
    std::fs::rename(&prepared, &used)?;
    std::fs::write(root.join(READY_FILE), "")
}

/// Before `:dep`: evcxr resolves the versions the preparation compiled.
pub(super) fn share_lock_file(root: &Path) {
    let _ = std::fs::copy(
        crate_dir(root).join("Cargo.lock"),
        root.join("evcxr").join("Cargo.lock"),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failure_is_shortened_to_its_first_error() {
        let mut stderr = String::from("   Compiling log v0.4\n   Compiling rayon v1\n");
        stderr.push_str("error[E0425]: cannot find value `x`\n --> src/lib.rs:1:1\n");
        for n in 0..20 {
            stderr.push_str(&format!("line {n}\n"));
        }
        let short = shorten(&stderr);
        assert!(short.starts_with("error[E0425]"), "{short}");
        assert!(!short.contains("Compiling"), "{short}");
        assert_eq!(short.lines().count(), SHOWN_LINES + 1, "{short}");
        assert!(short.ends_with("… (10 more lines)"), "{short}");
    }

    #[test]
    fn only_dependencies_libraries_count() {
        let artifact = |name: &str, kind: &str| {
            format!(
                r#"{{"reason":"compiler-artifact","package_id":"{name}@1","target":{{"name":"{name}","kind":["{kind}"]}}}}"#
            )
        };
        let package = |name: &str| Some(format!("{name}@1"));
        assert_eq!(
            dependency_library(&artifact("rayon", "lib")),
            package("rayon")
        );
        assert_eq!(
            dependency_library(&artifact("serde_derive", "proc-macro")),
            package("serde_derive")
        );
        assert_eq!(dependency_library(&artifact("rayon", "custom-build")), None);
        assert_eq!(dependency_library(&artifact("ctx", "cdylib")), None);
        assert_eq!(dependency_library("   Compiling rayon"), None);
    }

    #[test]
    fn the_prepared_target_moves_back_at_the_next_start() {
        let root = tempfile::tempdir().unwrap();
        let root = root.path();
        let (used, prepared) = targets(root);
        std::fs::create_dir_all(prepared.join("debug")).unwrap();
        std::fs::create_dir_all(used.join("startup")).unwrap();
        adopt(root).unwrap();
        assert!(used.join("debug").is_dir() && !prepared.exists());
        assert!(root.join(READY_FILE).exists());
        restore(root);
        assert!(prepared.join("debug").is_dir() && !used.exists());
        assert!(!root.join(READY_FILE).exists());
        // A session that ended before adopting: evcxr's folder was its own.
        std::fs::create_dir_all(used.join("startup")).unwrap();
        restore(root);
        assert!(prepared.join("debug").is_dir() && !used.exists());
    }
}
