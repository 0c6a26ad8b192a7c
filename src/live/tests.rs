//! The build folder, the backtrace filter and the crates live Rust loads.

use super::folder::Held;
use super::*;

#[test]
fn the_build_folder_keeps_dependencies_optimised_and_moves_the_first_layout_down() {
    let state = tempfile::tempdir().unwrap();
    let root = state.path().join("live");
    // What evcxr left in the kept folder before it moved down a level.
    std::fs::create_dir_all(root.join("target/debug/deps")).unwrap();
    std::fs::write(root.join("target/debug/deps/libndarray.rlib"), "compiled").unwrap();
    std::fs::create_dir_all(root.join("src")).unwrap();
    std::fs::write(root.join("Cargo.toml"), "[package]").unwrap();

    let folder = BuildFolder::prepare(Some(&root)).unwrap();
    let root = std::fs::canonicalize(&root).unwrap();
    assert_eq!(folder.evcxr_dir(), root.join("evcxr"));
    let config = std::fs::read_to_string(root.join(".cargo/config.toml")).unwrap();
    assert!(config.contains("[profile.dev.package.\"*\"]\nopt-level = 2\n"));
    assert!(config.contains("[profile.dev.package.syn]\nopt-level = 0\n"));
    // evcxr's context starts at the level typed code compiles at.
    let evcxr = std::fs::read_to_string(folder.evcxr_config_dir().join("evcxr.toml")).unwrap();
    let evcxr: toml::Table = evcxr.parse().unwrap();
    assert_eq!(evcxr["evcxr"]["opt_level"].as_str(), Some(worker::QUICK));
    // Down to evcxr's folder, then on to where the lessons' crates are
    // prepared, since they are dependencies compiled as evcxr does.
    let moved = root.join("crates/target/debug/deps/libndarray.rlib");
    assert_eq!(std::fs::read_to_string(moved).unwrap(), "compiled");
    assert!(!root.join("target").exists() && !root.join("src").exists());
    assert!(!root.join("evcxr/target").exists());
    assert!(!root.join("Cargo.toml").exists());
    // A second session finds it locked and builds in a folder of its own.
    let second = BuildFolder::prepare(Some(&root)).unwrap();
    assert!(matches!(second._held, Held::Temporary { .. }));
    assert!(second.root.join(".cargo/config.toml").is_file());
}

#[test]
fn backtraces_are_left_out() {
    let mut backtrace = Backtrace::default();
    let lines = [
        "thread '<unnamed>' panicked at src/lib.rs:3:1:",
        "boom",
        "stack backtrace:",
        "   0: __rustc::rust_begin_unwind",
        "             at /rustc/library/std/src/panicking.rs:689:5",
        "note: Some details are omitted, run with `RUST_BACKTRACE=full` for a verbose backtrace.",
        "after",
    ];
    let kept: Vec<&str> = lines
        .into_iter()
        .filter(|line| backtrace.keeps(&Event::Stderr(line.to_string())))
        .collect();
    assert_eq!(
        kept,
        [
            "thread '<unnamed>' panicked at src/lib.rs:3:1:",
            "boom",
            "after"
        ]
    );
}

#[test]
fn inputs_naming_the_lessons_crates_are_recognised() {
    assert!(names_lesson_crates("avance::timeit::timeit(|| 1)"));
    assert!(names_lesson_crates("use ndarray::Array2;"));
    assert!(names_lesson_crates(
        "(0..10).into_par_iter(); use rayon::prelude::*;"
    ));
    assert!(!names_lesson_crates("let avancement = 1;"));
    assert!(!names_lesson_crates("println!(\"{}\", 1 + 1)"));
    assert!(!names_lesson_crates("let t = std::time::Instant::now();"));
}

#[test]
fn the_crate_specs_name_avance_by_path_without_its_terminal_part() {
    let (specs, note) = crate_specs();
    assert!(note.is_none());
    assert!(specs[0].starts_with("avance = { path = "), "{specs:?}");
    assert!(
        specs[0].ends_with("default-features = false }"),
        "{specs:?}"
    );
    assert_eq!(specs[1..], ["ndarray = \"0.17\"", "rayon = \"1.11\""]);
}
