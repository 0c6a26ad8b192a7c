use super::*;

fn frame(function: &str, line: u32) -> Frame {
    Frame {
        function: function.to_string(),
        file: Some("lesson.md".to_string()),
        line: Some(line),
    }
}

fn stack(functions: &[&str], samples: u64) -> Stack {
    Stack {
        frames: functions
            .iter()
            .enumerate()
            .map(|(depth, function)| frame(function, 10 + depth as u32))
            .collect(),
        samples,
    }
}

fn made_up_profile() -> Profile {
    Profile {
        stacks: vec![
            stack(&["outer", "sort"], 30),
            stack(&["outer", "add"], 60),
            stack(&["outer"], 10),
            stack(&["outer", "recurse", "recurse"], 5),
        ],
        duration: Duration::from_millis(105),
    }
}

#[test]
fn self_and_cumulative_samples_as_pstats_counts_them() {
    let profile = made_up_profile();
    assert_eq!(profile.samples(), 105);
    let functions = profile.functions();
    let names: Vec<&str> = functions.iter().map(|f| f.function.as_str()).collect();
    assert_eq!(names, ["outer", "add", "sort", "recurse"]);
    let outer = profile.function("outer").unwrap();
    assert_eq!((outer.self_samples, outer.cumulative_samples), (10, 105));
    let recurse = profile.function("recurse").unwrap();
    assert_eq!((recurse.self_samples, recurse.cumulative_samples), (5, 5));
    assert_eq!(recurse.location.as_deref(), Some("lesson.md:11"));
    assert!(profile.function("missing").is_none());
}

#[test]
fn the_table_gives_times_and_shares() {
    let table = made_up_profile().table(2).to_string();
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), 4, "{table}");
    assert_eq!(
        lines[0],
        "105 samples in 0.105 s, ordered by cumulative time"
    );
    assert_eq!(
        lines[2],
        "   0.010    9.5    0.105  100.0  outer  (lesson.md:10)"
    );
    assert_eq!(
        lines[3],
        "   0.060   57.1    0.060   57.1  add  (lesson.md:11)"
    );
}

#[test]
fn folded_stacks_are_what_flamegraph_tools_read() {
    let folded = made_up_profile().folded();
    assert_eq!(
        folded,
        "outer 10\nouter;add 60\nouter;recurse;recurse 5\nouter;sort 30"
    );
}

#[test]
fn names_lose_their_path_generics_and_hash() {
    assert_eq!(
        short_name("avance::profile::example::function2::h0123456789abcdef"),
        "function2"
    );
    assert_eq!(short_name("function2"), "function2");
    assert_eq!(
        short_name("mapv_inplace<i64, ndarray::Dim<[usize; 1]>, avance::f::{closure_env#0}>"),
        "mapv_inplace"
    );
    assert_eq!(short_name("sort<i64, fn(&i64, &i64) -> bool>"), "sort");
    assert_eq!(
        short_name("<&dyn Fn<()> as FnOnce<()>>::call_once"),
        "call_once"
    );
    assert_eq!(
        short_name("avance::example::function1::{{closure}}"),
        "function1::{{closure}}"
    );
    assert_eq!(short_name("a::hello"), "hello");
    assert_eq!(
        short_file(Path::new("/out/lessons/21-profiling.md/slide-3.rs")),
        "21-profiling.md"
    );
    assert_eq!(short_file(Path::new("/src/ndarray/lib.rs")), "lib.rs");
}

#[inline(never)]
fn spin(rounds: u64) -> u64 {
    (0..rounds).fold(1u64, |acc, i| {
        std::hint::black_box(acc.wrapping_mul(6364136223846793005).wrapping_add(i))
    })
}

#[inline(never)]
fn heavy() -> u64 {
    spin(std::hint::black_box(3_000_000))
}

#[inline(never)]
fn light() -> u64 {
    spin(std::hint::black_box(1_000_000))
}

#[inline(never)]
fn outer() -> u64 {
    let started = Instant::now();
    let mut total = 0;
    while started.elapsed() < Duration::from_millis(600) {
        total ^= heavy() ^ light();
    }
    total
}

/// The only test that runs the profiler: there is one per process.
#[test]
fn a_real_profile_finds_the_hot_function_and_draws_it() {
    let (_, profile) = profile(outer).unwrap();
    assert!(profile.samples() >= 30, "{} samples", profile.samples());
    let outer = profile.function("outer").expect("outer sampled");
    let (heavy, light) = (
        profile.function("heavy").expect("heavy sampled"),
        profile.function("light").expect("light sampled"),
    );
    assert!(outer.cumulative_samples * 10 >= profile.samples() * 9);
    assert!(heavy.cumulative_samples > light.cumulative_samples);
    assert!(profile.folded().contains("outer;heavy;spin"));
    assert!(profile.table(5).to_string().contains("outer  (tests.rs:"));

    let folder = tempfile::tempdir().unwrap();
    let svg = folder.path().join("nested/profile.svg");
    profile.write_flamegraph(&svg, "outer").unwrap();
    let drawn = std::fs::read_to_string(&svg).unwrap();
    assert!(drawn.starts_with("<?xml") && drawn.contains("<svg"));
    assert!(drawn.contains("heavy"));

    let refused = profile.write_flamegraph(folder.path(), "a folder");
    assert!(
        matches!(refused, Err(ProfileError::Write { .. })),
        "{refused:?}"
    );
}
