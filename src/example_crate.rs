//! The small crates under `lessons/examples/`, which the packaging lessons
//! format, lint, document and test with cargo for real, in a subprocess.
//! Their build goes to a folder under the system's temporary folder, never
//! into the source tree, and `RUSTFLAGS` is dropped so that a CI's flags
//! cannot turn the lint a lesson shows into an error.

use std::io;
use std::process::{Command, Output};

/// Runs `cargo SUBCOMMAND --locked --color never --manifest-path … --target-dir … ARGS`
/// on `lessons/examples/KRATE`; without cargo, prints one line that says so
/// and returns `None`.
pub fn cargo(krate: &str, subcommand: &str, args: &[&str]) -> io::Result<Option<Output>> {
    let folder = format!("{}/lessons/examples/{krate}", env!("CARGO_MANIFEST_DIR"));
    let mut command = Command::new("cargo");
    command
        .args([
            subcommand,
            "--locked",
            "--color",
            "never",
            "--manifest-path",
        ])
        .arg(format!("{folder}/Cargo.toml"))
        .arg("--target-dir")
        .arg(std::env::temp_dir().join(format!("avance-example-{krate}")))
        .args(args)
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS");
    match command.output() {
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            println!("cargo not found: this slide runs cargo on lessons/examples/{krate}");
            Ok(None)
        }
        result => result.map(Some),
    }
}

/// What `cargo test` printed, made deterministic: each test program's
/// name, its tests sorted by name, and its result line; all of stderr when
/// cargo failed.
pub fn print_tests(out: &Output) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    for line in test_summary(&String::from_utf8_lossy(&out.stdout), &stderr) {
        println!("{line}");
    }
    if !out.status.success() {
        println!("cargo failed ({}):\n{stderr}", out.status);
    }
}

fn test_summary(stdout: &str, stderr: &str) -> Vec<String> {
    let is_header = |line: &&str| line.starts_with("Running ") || line.starts_with("Doc-tests ");
    let mut headers = stderr.lines().map(str::trim).filter(is_header);
    let (mut summary, mut tests) = (Vec::new(), Vec::new());
    for line in stdout.lines() {
        if line.starts_with("running ") {
            let header = headers.next().unwrap_or("?");
            summary.push(header.split(" (").next().unwrap_or(header).to_string());
        } else if line.starts_with("test result:") {
            tests.sort();
            summary.append(&mut tests);
            summary.push(line.to_string());
        } else if line.starts_with("test ") {
            tests.push(line.to_string());
        }
    }
    summary
}

#[cfg(test)]
mod tests {
    use super::test_summary;

    #[test]
    fn tests_are_sorted_under_their_program() {
        let stdout =
            "\nrunning 2 tests\ntest b ... ok\ntest a ... ok\n\ntest result: ok. 2 passed\n";
        let stderr =
            "   Compiling x\n     Running tests/sorting.rs (target/debug/deps/sorting-123)\n";
        assert_eq!(
            test_summary(stdout, stderr),
            [
                "Running tests/sorting.rs",
                "test a ... ok",
                "test b ... ok",
                "test result: ok. 2 passed"
            ]
        );
    }
}
