//! `avance notebook`: the files it writes (structure, first cell, cells per
//! fence kind, `--force`), then every lesson's notebook executed for real
//! by Jupyter's executor (nbclient) on the evcxr kernel, its outputs
//! compared with the lessons' output blocks, and a report's rich output.

mod common;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use avance::catalog::Catalog;
use avance::lesson::{Mode, Scale, Snippet};
use avance::notebook::{Treatment, treatment};
use serde_json::{Value, json};

/// `avance notebook ARGS -o out`, which must succeed.
fn export(out: &Path, args: &[&str]) {
    let home = tempfile::tempdir().unwrap();
    let output = common::avance(home.path())
        .arg("notebook")
        .args(args)
        .arg("-o")
        .arg(out)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
}

fn read(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

fn cells(notebook: &Value) -> &[Value] {
    notebook["cells"].as_array().unwrap()
}

fn source(cell: &Value) -> String {
    match &cell["source"] {
        Value::String(text) => text.clone(),
        Value::Array(lines) => lines.iter().map(|line| line.as_str().unwrap()).collect(),
        other => panic!("a cell's source is text: {other}"),
    }
}

fn snippet(catalog: &Catalog, id: &str) -> Snippet {
    catalog
        .lessons()
        .iter()
        .flat_map(|lesson| lesson.snippets())
        .find(|snippet| snippet.id == id)
        .unwrap_or_else(|| panic!("no snippet {id}"))
        .clone()
}

#[test]
fn every_lesson_becomes_an_nbformat_4_notebook_for_the_rust_kernel() {
    let out = tempfile::tempdir().unwrap();
    export(out.path(), &["--all"]);
    let catalog = Catalog::embedded().unwrap();
    for lesson in catalog.lessons() {
        let notebook = read(&out.path().join(format!("{}.ipynb", lesson.id)));
        assert_eq!(notebook["nbformat"], 4);
        assert_eq!(notebook["nbformat_minor"], 5);
        assert_eq!(notebook["metadata"]["kernelspec"]["name"], "rust");
        assert_eq!(notebook["metadata"]["kernelspec"]["display_name"], "Rust");
        let language = &notebook["metadata"]["language_info"];
        assert_eq!(language["name"], "Rust");
        assert_eq!(language["pygments_lexer"], "rust");
        assert_eq!(language["codemirror_mode"], "rust");
        assert_eq!(language["file_extension"], ".rs");
        let uses_avance = lesson
            .snippets()
            .filter(|snippet| !matches!(treatment(snippet), Treatment::Shown(_)))
            .any(|snippet| snippet.compiled_code().contains("avance::"));
        let first = source(&cells(&notebook)[0]);
        // The source, relative to the notebooks' folder.
        let avance = format!(
            ":dep avance = {{ path = {:?}, default-features = false",
            relative(out.path(), Path::new(env!("CARGO_MANIFEST_DIR")))
        );
        assert_eq!(
            first.starts_with(&avance),
            uses_avance,
            "{}: {first}",
            lesson.id
        );
    }
    let ownership = read(&out.path().join("00-ownership.ipynb"));
    assert!(
        !source(&cells(&ownership)[0]).contains(":dep avance"),
        "the first lesson loads avance without using it"
    );
}

/// `path` as `avance notebook` writes it from the folder `from`: `..` up
/// to their common folder, then down.
fn relative(from: &Path, path: &Path) -> String {
    let from = from.canonicalize().unwrap();
    let path = path.canonicalize().unwrap();
    let common = from.ancestors().find(|a| path.starts_with(a)).unwrap();
    let up = from
        .strip_prefix(common)
        .unwrap()
        .components()
        .map(|_| "..");
    let down = path.strip_prefix(common).unwrap();
    let mut parts: Vec<String> = up.map(String::from).collect();
    parts.extend(down.iter().map(|part| part.to_string_lossy().into_owned()));
    parts.join("/")
}

#[test]
fn avance_path_names_the_crate_as_given() {
    let out = tempfile::tempdir().unwrap();
    export(out.path(), &["timeit", "--avance-path", "vendor/avance"]);
    let notebook = read(&out.path().join("20-timeit.ipynb"));
    let first = source(&cells(&notebook)[0]);
    assert!(
        first.starts_with(":dep avance = { path = \"vendor/avance\", default-features = false"),
        "{first}"
    );
}

#[test]
fn vendor_and_avance_path_together_are_refused_in_one_line() {
    let home = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let refused = common::avance(home.path())
        .args(["notebook", "timeit", "--vendor", "--avance-path", "x", "-o"])
        .arg(out.path())
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert_eq!(
        stderr.trim_end(),
        "error: the argument '--vendor' cannot be used with '--avance-path <PATH>'"
    );
    assert!(std::fs::read_dir(out.path()).unwrap().next().is_none());
}

/// The files under `root`, as paths relative to it.
fn files_under(root: &Path) -> std::collections::BTreeSet<String> {
    let mut files = std::collections::BTreeSet::new();
    let mut folders = vec![root.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else {
                let relative = path.strip_prefix(root).unwrap();
                files.insert(relative.to_string_lossy().into_owned());
            }
        }
    }
    files
}

/// `cargo check --offline` of the crate at `copy` with `features`, in a
/// target folder of its own kept with the build cache; the files of
/// `copy` its build read (rustc's dep-info), as paths relative to it.
fn check_alone(copy: &Path, features: &str) -> std::collections::BTreeSet<String> {
    let target = evcxr_build_dir().with_file_name("vendored-check");
    let output = Command::new("cargo")
        .args(["check", "--offline", "--lib", "--message-format", "json"])
        .args(["--features", features])
        .current_dir(copy)
        .env("CARGO_TARGET_DIR", &target)
        .output()
        .expect("cargo runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "the copy does not build alone ({features}):\n{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let rmeta = stdout
        .lines()
        .filter_map(|line| serde_json::from_str::<Value>(line).ok())
        .find(|message| {
            message["reason"] == "compiler-artifact" && message["target"]["name"] == "avance"
        })
        .map(|message| message["filenames"][0].as_str().unwrap().to_string())
        .expect("cargo names the library it checked");
    let hash = rmeta.rsplit_once("-").unwrap().1.trim_end_matches(".rmeta");
    let dep_info = target.join(format!("debug/deps/avance-{hash}.d"));
    let text = std::fs::read_to_string(&dep_info).unwrap();
    let read = text.lines().next().unwrap().split_once(": ").unwrap().1;
    let copy = copy.canonicalize().unwrap();
    // rustc names the modules as cargo gave them, relative to the copy,
    // and what they include with `include_str!` in full.
    read.split_whitespace()
        .map(Path::new)
        .filter_map(|path| match path.is_relative() {
            true => Some(path),
            false => path.strip_prefix(&copy).ok(),
        })
        .map(resolved)
        .collect()
}

/// A dep-info path below the copy, `..` resolved (`src/conv/../../kernels`).
fn resolved(path: &Path) -> String {
    let mut parts: Vec<String> = Vec::new();
    for part in path.iter() {
        match part.to_str().unwrap() {
            ".." => {
                parts.pop();
            }
            part => parts.push(part.to_string()),
        }
    }
    parts.join("/")
}

#[test]
fn vendor_writes_the_light_crate_which_builds_alone_from_the_files_it_holds() {
    if !common::require_tool("cargo") {
        return;
    }
    let out = tempfile::tempdir().unwrap();
    export(out.path(), &["timeit", "--vendor"]);
    let notebook = read(&out.path().join("20-timeit.ipynb"));
    let first = source(&cells(&notebook)[0]);
    assert!(
        first.starts_with(":dep avance = { path = \"avance\", default-features = false"),
        "{first}"
    );
    let copy = out.path().join("avance");
    let held = files_under(&copy);
    // Without features (as a notebook loads it), then with every light one.
    let mut read = check_alone(&copy, "");
    read.extend(check_alone(&copy, "gpu,profile,progress,tokio"));
    // The build script, the manifest and the lock are cargo's, not rustc's.
    read.extend(["build.rs", "Cargo.toml", "Cargo.lock"].map(String::from));
    let missing: Vec<_> = read.difference(&held).collect();
    let unread: Vec<_> = held.difference(&read).collect();
    assert!(missing.is_empty(), "read but not copied: {missing:?}");
    assert!(unread.is_empty(), "copied but not read: {unread:?}");

    // Written again only with --force.
    let home = tempfile::tempdir().unwrap();
    std::fs::remove_file(out.path().join("20-timeit.ipynb")).unwrap();
    let refused = common::avance(home.path())
        .args(["notebook", "timeit", "--vendor", "-o"])
        .arg(out.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains("avance/Cargo.toml already exists; pass --force to overwrite"),
        "{stderr}"
    );
}

/// Checks `notebooks` with nbformat's own validator (its JSON schema),
/// the files as written, not as nbformat would read them up to date.
fn validate(notebooks: &[PathBuf]) {
    let script = "import json, sys, nbformat\n\
                  for path in sys.argv[1:]:\n    \
                  nbformat.validate(json.load(open(path)))";
    let output = Command::new("python3")
        .args(["-c", script])
        .args(notebooks)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Every lesson's notebook written into `out`: the course, and the
/// notebooks' paths in its order.
fn every_lesson_exported(out: &Path) -> (Catalog, Vec<PathBuf>) {
    export(out, &["--all"]);
    let catalog = Catalog::embedded().unwrap();
    let notebooks = catalog
        .lessons()
        .iter()
        .map(|lesson| out.join(format!("{}.ipynb", lesson.id)))
        .collect();
    (catalog, notebooks)
}

#[test]
fn every_notebook_passes_nbformats_validator() {
    if !common::require_python_modules(&["nbformat"]) {
        return;
    }
    let out = tempfile::tempdir().unwrap();
    let (_, notebooks) = every_lesson_exported(out.path());
    validate(&notebooks);
    // The validator does see a broken notebook.
    let broken = out.path().join("broken.ipynb");
    let mut notebook = read(&notebooks[0]);
    notebook["cells"][0]["outputs"] = json!("none");
    std::fs::write(&broken, notebook.to_string()).unwrap();
    let refused = std::panic::catch_unwind(|| validate(&[broken]));
    assert!(
        refused.is_err(),
        "nbformat accepted a cell whose outputs are a string"
    );
}

/// Every cell of every notebook, by lesson id.
fn all_cells(out: &Path, catalog: &Catalog) -> Vec<(String, Value)> {
    catalog
        .lessons()
        .iter()
        .flat_map(|lesson| {
            let notebook = read(&out.join(format!("{}.ipynb", lesson.id)));
            cells(&notebook)
                .iter()
                .map(|cell| (lesson.id.clone(), cell.clone()))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn check_lines_are_in_no_cell() {
    let out = tempfile::tempdir().unwrap();
    export(out.path(), &["--all"]);
    let catalog = Catalog::embedded().unwrap();
    let mut seen = 0;
    for (_, cell) in all_cells(out.path(), &catalog) {
        let code = source(&cell);
        assert!(
            !code.contains("#check") && !code.contains("AVANCE_CHECK"),
            "{code}"
        );
        let Some(id) = cell["metadata"]["avance"]["snippet"].as_str() else {
            continue;
        };
        let snippet = snippet(&catalog, id);
        for line in snippet.source.lines() {
            if let Some(check_only) = line.trim_start().strip_prefix("#check ") {
                seen += 1;
                assert!(!code.contains(check_only), "{id}: {check_only} in\n{code}");
            }
        }
        if snippet.has_check_lines() {
            let course = avance::notebook::cells_at(&snippet, Scale::Course);
            assert!(course.contains(&code), "{id}:\n{code}");
        }
    }
    assert!(seen > 20, "only {seen} check lines met");
}

#[test]
fn hidden_lines_run_python_is_shown_and_refused_code_is_marked() {
    let out = tempfile::tempdir().unwrap();
    export(out.path(), &["--all"]);
    let catalog = Catalog::embedded().unwrap();
    let cells = all_cells(out.path(), &catalog);
    let code_of = |id: &str| {
        cells
            .iter()
            .find(|(_, cell)| cell["metadata"]["avance"]["snippet"] == id)
            .map(|(_, cell)| source(cell))
    };
    let markdown: String = cells
        .iter()
        .filter(|(_, cell)| cell["cell_type"] == "markdown")
        .map(|(_, cell)| source(cell))
        .collect();
    let snippets: Vec<&Snippet> = catalog
        .lessons()
        .iter()
        .flat_map(|l| l.snippets())
        .collect();
    // A run snippet with hidden lines keeps them, `# ` removed.
    let hidden = snippets
        .iter()
        .find(|s| s.mode == Mode::Run && s.source.lines().any(|l| l.starts_with("# let")))
        .expect("a lesson has a snippet with a hidden line");
    let code = code_of(&hidden.id).expect("a run snippet is a code cell");
    for line in hidden.source.lines().filter_map(|l| l.strip_prefix("# ")) {
        assert!(code.contains(line), "{line} not in {code}");
    }
    // The course's Python, as a markdown code block.
    let python = catalog.lessons()[0].slides[1].python().next().unwrap();
    assert!(markdown.contains(&format!("```python\n{}", python.text.trim_end())));
    // compile_fail code is shown and marked, never a code cell.
    let refused: Vec<&&Snippet> = snippets
        .iter()
        .filter(|s| s.mode == Mode::CompileFail)
        .collect();
    assert!(!refused.is_empty());
    for snippet in refused {
        assert!(
            code_of(&snippet.id).is_none(),
            "{} is a code cell",
            snippet.id
        );
        assert!(markdown.contains(&format!("```rust\n{}", snippet.visible_code())));
    }
    assert!(markdown.contains("**Not run here:** this code does not compile, on purpose"));
}

#[test]
fn an_existing_notebook_is_kept_without_force() {
    let home = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("01-underscore.ipynb");
    std::fs::write(&file, "mine").unwrap();
    let refused = common::avance(home.path())
        .args(["notebook", "--all", "-o"])
        .arg(out.path())
        .output()
        .unwrap();
    assert!(!refused.status.success());
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("01-underscore.ipynb already exists; pass --force to overwrite"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "mine");
    assert!(
        !out.path().join("02-truthiness.ipynb").exists(),
        "nothing written"
    );

    export(out.path(), &["underscore", "--force"]);
    assert_eq!(read(&file)["nbformat"], 4);

    let unknown = common::avance(home.path())
        .args(["notebook", "nosuch", "-o"])
        .arg(out.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&unknown.stderr);
    assert!(
        stderr.contains("no lesson `nosuch`; the lessons are: 00-ownership, 01-underscore"),
        "{stderr}"
    );
}

/// Every lesson's Rust and Python notebooks written into `out` with
/// `--python`: the course, and the Python notebooks' paths.
fn every_python_notebook(out: &Path) -> (Catalog, Vec<PathBuf>) {
    export(out, &["--all", "--python"]);
    let catalog = Catalog::embedded().unwrap();
    let notebooks = catalog
        .lessons()
        .iter()
        .map(|lesson| out.join(format!("{}.python.ipynb", lesson.id)))
        .collect();
    (catalog, notebooks)
}

#[test]
fn python_writes_each_lessons_python_as_a_notebook_for_the_python_kernel() {
    let out = tempfile::tempdir().unwrap();
    let (catalog, notebooks) = every_python_notebook(out.path());
    for (lesson, path) in catalog.lessons().iter().zip(&notebooks) {
        assert!(out.path().join(format!("{}.ipynb", lesson.id)).is_file());
        let notebook = read(path);
        assert_eq!(notebook["metadata"]["kernelspec"]["name"], "python3");
        assert_eq!(notebook["metadata"]["language_info"]["name"], "python");
        let python_cells = lesson.slides.iter().flat_map(|s| s.python()).count();
        let code = cells(&notebook).iter().filter(|c| c["cell_type"] == "code");
        // The Rust stays in the Rust notebook.
        for cell in code {
            assert!(cell["metadata"]["avance"]["python"].is_string(), "{cell}");
            assert!(!source(cell).contains("fn main"), "{cell}");
        }
        assert!(
            python_cells == 0 || cells(&notebook).len() > 1,
            "{}",
            lesson.id
        );
    }
    let underscore = read(&out.path().join("01-underscore.python.ipynb"));
    let code_of = |wanted: &str| {
        cells(&underscore)
            .iter()
            .find(|cell| cell["cell_type"] == "code" && source(cell).starts_with(wanted))
            .unwrap_or_else(|| panic!("no cell {wanted}"))
            .clone()
    };
    // A transcript's statements, one cell each, prompts and answers gone.
    assert_eq!(source(&code_of("6 * 7")), "6 * 7");
    assert_eq!(source(&code_of("_ + 1")), "_ + 1");
    // A cell that raises on purpose is code, tagged and announced.
    let raises =
        code_of("class Safe:\n    def __init__(self):\n        self.__stuff = 42\n\ns = Safe()");
    assert_eq!(raises["metadata"]["tags"], json!(["raises-exception"]));
    let markdown: String = cells(&underscore)
        .iter()
        .filter(|cell| cell["cell_type"] == "markdown")
        .map(source)
        .collect();
    assert!(markdown.contains("*This cell raises an exception, on purpose.*"));
    // An excerpt is shown, never run.
    assert!(
        markdown
            .contains("*An excerpt of a course cell, shown and not run:*\n\n```python\n_ = f()")
    );
    assert!(
        !markdown.contains("```rust"),
        "the Rust is in the Rust notebook"
    );
    if common::require_python_modules(&["nbformat"]) {
        validate(&notebooks);
    }
}

#[test]
fn a_python_notebook_runs_on_the_python_kernel() {
    if !common::require_python_modules(&["nbclient", "nbformat", "jupyter_client", "ipykernel"]) {
        return;
    }
    let out = tempfile::tempdir().unwrap();
    let executed = tempfile::tempdir().unwrap();
    export(out.path(), &["ownership", "--python"]);
    let path = out.path().join("00-ownership.python.ipynb");
    let (log, ok) = execute(std::slice::from_ref(&path), executed.path());
    assert!(ok, "{log}");
    let notebook = read(&executed.path().join("00-ownership.python.ipynb"));
    let code: Vec<&Value> = cells(&notebook)
        .iter()
        .filter(|cell| cell["cell_type"] == "code")
        .collect();
    assert!(code.iter().all(|cell| cell["execution_count"].is_u64()));
    let raised = code
        .iter()
        .filter(|cell| cell["metadata"]["tags"] == json!(["raises-exception"]))
        .flat_map(|cell| cell["outputs"].as_array().unwrap())
        .any(|output| output["output_type"] == "error");
    assert!(raised, "the cell tagged raises-exception raised nothing");
    assert!(code.iter().any(|cell| !stdout_of(cell).is_empty()));
}

/// Whether Jupyter can run the evcxr kernel here: evcxr_jupyter, nbclient
/// and the kernel registered as `rust`. Skips loudly otherwise (a failure
/// under AVANCE_REQUIRE_ALL=1).
fn jupyter_available() -> bool {
    if !common::require_tool("evcxr_jupyter")
        || !common::require_python_modules(&["nbclient", "nbformat", "jupyter_client"])
    {
        return false;
    }
    let registered = Command::new("python3")
        .args([
            "-c",
            "from jupyter_client.kernelspec import KernelSpecManager; KernelSpecManager().get_kernel_spec('rust')",
        ])
        .output()
        .is_ok_and(|output| output.status.success());
    if !registered {
        common::skip(
            "the evcxr kernel is not registered with Jupyter (run evcxr_jupyter --install)",
            common::REQUIRE_ALL,
        );
    }
    registered
}

/// evcxr's build folder, shared by the kernels one after the other and
/// kept with the build cache: `:dep avance` compiles once, then
/// incrementally.
fn evcxr_build_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    let dir = target.join("notebook-evcxr");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `notebooks` with the Python driver, one kernel after the other in
/// the shared build folder; the executed ones go to `executed`. Returns
/// the driver's stdout and whether it succeeded.
fn execute(notebooks: &[PathBuf], executed: &Path) -> (String, bool) {
    let build_dir = evcxr_build_dir();
    // One kernel at a time in the shared folder: the tests run in parallel.
    let lock = std::fs::File::create(build_dir.with_extension("lock")).unwrap();
    lock.lock().unwrap();
    let driver = concat!(env!("CARGO_MANIFEST_DIR"), "/src/notebook/execute.py");
    let output = Command::new("python3")
        .arg(driver)
        .arg(executed)
        .args(notebooks)
        .env("EVCXR_TMPDIR", &build_dir)
        .env("LD_LIBRARY_PATH", rust_libdir())
        .output()
        .expect("python3 starts");
    let stdout = String::from_utf8_lossy(&output.stdout).to_string();
    eprintln!("{stdout}{}", String::from_utf8_lossy(&output.stderr));
    (stdout, output.status.success())
}

/// The toolchain's shared libraries, which code evcxr compiles links to:
/// the `RUNPATH` rustc writes misses them when the build folder and the
/// toolchain share a parent ("dlopen failed"), as the live worker says.
fn rust_libdir() -> String {
    let output = Command::new("rustc")
        .args(["--print", "target-libdir"])
        .output()
        .expect("rustc runs");
    String::from_utf8(output.stdout).unwrap().trim().to_string()
}

#[test]
fn execute_stores_outputs_and_a_variable_carries_to_a_later_cell() {
    if !jupyter_available() {
        return;
    }
    let lessons = tempfile::tempdir().unwrap();
    std::fs::write(
        lessons.path().join("01-carry.md"),
        "# Carry\n\n## Define\n\n```rust\nlet answer = 6 * 7;\n```\n\n## Use\n\n```rust\nprintln!(\"{}\", answer + 1);\n```\n",
    )
    .unwrap();
    let home = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let build_dir = evcxr_build_dir();
    let lock = std::fs::File::create(build_dir.with_extension("lock")).unwrap();
    lock.lock().unwrap();
    let output = common::avance(home.path())
        .arg("--lessons")
        .arg(lessons.path())
        .args(["notebook", "carry", "--execute", "-o"])
        .arg(out.path())
        .env("EVCXR_TMPDIR", &build_dir)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let notebook = read(&out.path().join("01-carry.ipynb"));
    let printed = printed_by_snippet(&notebook);
    assert_eq!(printed["01-carry/2"], "", "{printed:?}");
    assert_eq!(printed["01-carry/3"], "43\n", "{printed:?}");
    for cell in cells(&notebook).iter().filter(|c| c["cell_type"] == "code") {
        assert!(cell["execution_count"].is_u64(), "not run: {cell}");
    }
}

/// The text a code cell printed on stdout.
fn stdout_of(cell: &Value) -> String {
    cell["outputs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|output| output["output_type"] == "stream" && output["name"] == "stdout")
        .map(source_text)
        .collect()
}

/// An output's `text`: a string, or a list of lines (nbformat's multiline string).
fn source_text(output: &Value) -> String {
    match &output["text"] {
        Value::String(text) => text.clone(),
        Value::Array(lines) => lines.iter().map(|line| line.as_str().unwrap()).collect(),
        _ => String::new(),
    }
}

#[test]
fn every_notebook_runs_in_jupyter_and_prints_what_its_lesson_says() {
    if !jupyter_available() {
        return;
    }
    let out = tempfile::tempdir().unwrap();
    let executed = tempfile::tempdir().unwrap();
    let (catalog, notebooks) = every_lesson_exported(out.path());
    for path in &notebooks {
        at_check_scale(path, &catalog);
    }
    let start = Instant::now();
    let (log, ok) = execute(&notebooks, executed.path());
    eprintln!(
        "executed {} notebooks in {:.0} s",
        notebooks.len(),
        start.elapsed().as_secs_f64()
    );
    assert!(ok, "a cell failed:\n{log}");

    let mut compared = 0;
    let mut mismatches = Vec::new();
    for path in &notebooks {
        let notebook = read(&executed.path().join(path.file_name().unwrap()));
        for (id, stdout) in printed_by_snippet(&notebook) {
            let snippet = snippet(&catalog, &id);
            let (Some(expected), true) = (&snippet.expected, snippet.is_run()) else {
                continue;
            };
            compared += 1;
            if let Err(diff) = avance::check::compare(&stdout, &expected.text) {
                mismatches.push(format!("{id}:\n{diff}"));
            }
        }
    }
    eprintln!("compared {compared} cells' output with the lessons' output blocks");
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
    assert!(compared > 100, "only {compared} outputs compared");
}

/// What each snippet's cells printed on stdout (a `main`'s items and its
/// call are two cells), by snippet id.
fn printed_by_snippet(notebook: &Value) -> BTreeMap<String, String> {
    let mut printed = BTreeMap::<String, String>::new();
    for cell in cells(notebook) {
        if let Some(id) = cell["metadata"]["avance"]["snippet"].as_str() {
            printed
                .entry(id.to_string())
                .or_default()
                .push_str(&stdout_of(cell));
        }
    }
    printed
}

/// Rewrites a notebook to run as `avance check` runs the program: each
/// cell of a snippet with `#check ` lines at their sizes, and every timer's
/// batch capped at 10 ms by a cell after the first (where it loads avance). The notebook as written
/// holds neither (`check_lines_are_in_no_cell` says so).
fn at_check_scale(path: &Path, catalog: &Catalog) {
    let mut notebook = read(path);
    let cells = notebook["cells"].as_array_mut().unwrap();
    let mut at_check = HashMap::<String, std::vec::IntoIter<String>>::new();
    for cell in cells.iter_mut() {
        let Some(id) = cell["metadata"]["avance"]["snippet"].as_str() else {
            continue;
        };
        let snippet = snippet(catalog, id);
        if snippet.has_check_lines() {
            let sources = at_check
                .entry(snippet.id.clone())
                .or_insert_with(|| avance::notebook::cells_at(&snippet, Scale::Check).into_iter());
            cell["source"] = json!(sources.next().expect("as many cells at both scales"));
        }
    }
    // Only where the notebook loads avance: a lesson on std alone has no timer.
    if source(&cells[0]).contains(":dep avance") {
        let cap = "avance::timeit::cap_batches(std::time::Duration::from_millis(10));";
        cells.insert(1, code_cell("check-scale", cap));
    }
    std::fs::write(path, serde_json::to_string(&notebook).unwrap()).unwrap();
}

/// A code cell of `source`, whose value the kernel shows.
fn code_cell(id: &str, source: &str) -> Value {
    json!({
        "cell_type": "code", "id": id, "metadata": {}, "execution_count": null,
        "outputs": [], "source": source
    })
}

/// The `text/html` and `text/plain` data of a cell's value.
fn rich_result(cell: &Value) -> (String, String) {
    let outputs = &cell["outputs"];
    let data = outputs
        .as_array()
        .unwrap()
        .iter()
        .find(|output| output["output_type"] == "execute_result")
        .map(|output| &output["data"])
        .unwrap_or_else(|| panic!("no result: {outputs}"));
    (
        source_text(&json!({ "text": data["text/html"] })),
        source_text(&json!({ "text": data["text/plain"] })),
    )
}

#[test]
fn a_timing_and_a_benchmark_show_as_tables_and_charts_in_jupyter() {
    if !jupyter_available() {
        return;
    }
    let out = tempfile::tempdir().unwrap();
    let executed = tempfile::tempdir().unwrap();
    // The crate loaded from the copy beside the notebook (`--vendor`).
    export(out.path(), &["timeit", "--vendor"]);
    let mut notebook = read(&out.path().join("20-timeit.ipynb"));
    let setup = cells(&notebook)[0].clone();
    assert!(source(&setup).contains("path = \"avance\""), "{setup}");
    let timing = code_cell(
        "timing",
        "avance::timeit::Timer::new().runs(3).loops(10).time(|| 6 * 7)",
    );
    let benchmark = code_cell(
        "benchmark",
        "avance::measure::convolution(24, &avance::conv::Engine::ALL, 1).unwrap()",
    );
    notebook["cells"] = json!([setup, timing, benchmark]);
    let path = out.path().join("rich.ipynb");
    std::fs::write(&path, serde_json::to_string(&notebook).unwrap()).unwrap();
    let (log, ok) = execute(&[path], executed.path());
    assert!(ok, "{log}");
    let executed = read(&executed.path().join("rich.ipynb"));

    let (html, plain) = rich_result(&executed["cells"][1]);
    assert!(
        html.contains("<table") && html.contains("<svg") && html.contains("run 3"),
        "{html}"
    );
    assert!(
        plain.contains("per loop (mean ± std. dev. of 3 runs, 10 loops each)"),
        "{plain}"
    );

    let (html, plain) = rich_result(&executed["cells"][2]);
    for shown in ["<table", "<svg", "naive", "optimized", "GMAC/s"] {
        assert!(html.contains(shown), "{shown} missing from {html}");
    }
    assert!(
        plain.contains("convolution 24×24, 9×9 filter, int64"),
        "{plain}"
    );
}
