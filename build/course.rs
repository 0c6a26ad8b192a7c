//! The build script's work for the terminal program: every lesson parsed
//! with the crate's own parser (`src/lesson`, compiled here through
//! `#[path]`), and the files the library and the binary embed (see
//! `build.rs`).

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

// The build script uses only part of the lesson module.
#[allow(dead_code, unused_imports)]
#[path = "../src/lesson/mod.rs"]
mod lesson;

use lesson::{IncludeSource, Lesson, ReadError, Scale, Snippet};

/// Reads included files from the project and remembers them, to embed them.
struct ProjectFiles {
    root: PathBuf,
    read: RefCell<BTreeSet<String>>,
}

impl IncludeSource for ProjectFiles {
    fn read(&self, project_path: &str) -> Result<String, ReadError> {
        let text = fs::read_to_string(self.root.join(project_path))?;
        self.read.borrow_mut().insert(project_path.to_string());
        Ok(text)
    }
}

pub fn generate() {
    let root = PathBuf::from(
        std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"),
    );
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    println!("cargo:rerun-if-changed=lessons");
    println!("cargo:rerun-if-changed=src/lesson");

    let files = ProjectFiles {
        root: root.clone(),
        read: RefCell::new(BTreeSet::new()),
    };
    let lessons = parse_lessons(&root.join("lessons"), &files);
    for included in files.read.borrow().iter() {
        println!("cargo:rerun-if-changed={included}");
    }
    write(
        &out.join("embedded.rs"),
        &embedded(&lessons, &files.read.borrow()),
    );
    write(&out.join("snippets.rs"), &snippets(&out, &lessons));
    println!("cargo:rerun-if-changed=po");
    write(&out.join("catalogs.rs"), &catalogs(&root.join("po")));
}

/// `po/LANG.po` for every language, embedded as `(LANG, text)`.
fn catalogs(dir: &Path) -> String {
    let mut languages: Vec<String> = fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
                .filter_map(|name| name.strip_suffix(".po").map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    languages.sort();
    let mut code = String::from("pub(crate) static CATALOGS: &[(&str, &str)] = &[\n");
    for language in languages {
        writeln!(
            code,
            "    ({language:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/po/{language}.po\"))),"
        )
        .unwrap();
    }
    code.push_str("];\n");
    code
}

fn parse_lessons(dir: &Path, files: &ProjectFiles) -> Vec<Lesson> {
    let names: Vec<String> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| lesson::files::is_lesson_file(name))
        .collect();
    let mut lessons: Vec<Lesson> = names
        .iter()
        .map(|name| {
            let text = fs::read_to_string(dir.join(name))
                .unwrap_or_else(|e| panic!("cannot read lessons/{name}: {e}"));
            lesson::parse_lesson(name, &format!("lessons/{name}"), &text, files)
                .unwrap_or_else(|e| panic!("\n\nerror in a lesson file: {e}\n\n"))
        })
        .collect();
    lesson::files::order(&mut lessons)
        .unwrap_or_else(|e| panic!("\n\nerror in the lessons folder: {e}\n\n"));
    lessons
}

/// The files are named relative to `CARGO_MANIFEST_DIR`, read when the
/// crate compiles: a build folder reused by another checkout (cargo keeps
/// build-script output when the sources move with old timestamps) then
/// embeds that checkout's files, never a path that may be gone.
fn embedded(lessons: &[Lesson], included: &BTreeSet<String>) -> String {
    let include =
        |path: &str| format!("include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/{path}\"))");
    let mut code = String::from("pub(crate) static LESSON_FILES: &[(&str, &str)] = &[\n");
    for lesson in lessons {
        let name = format!("{}.md", lesson.id);
        writeln!(code, "    ({name:?}, {}),", include(&lesson.path)).unwrap();
    }
    code.push_str("];\npub(crate) static INCLUDED_FILES: &[(&str, &str)] = &[\n");
    for path in included {
        writeln!(code, "    ({path:?}, {}),", include(path)).unwrap();
    }
    code.push_str("];\n");
    code
}

fn snippets(out: &Path, lessons: &[Lesson]) -> String {
    let mut modules = String::new();
    let mut table = String::from("static SNIPPETS: &[::avance::run::CompiledSnippet] = &[\n");
    for lesson in lessons {
        for snippet in lesson.snippets().filter(|s| s.is_compiled()) {
            let run = module(out, lesson, snippet, Scale::Course, &mut modules);
            // A snippet with `#check ` lines gets a second module, the one
            // `avance check` runs.
            let check = match snippet.has_check_lines() {
                true => format!(
                    "Some({})",
                    module(out, lesson, snippet, Scale::Check, &mut modules)
                ),
                false => "None".to_string(),
            };
            writeln!(
                table,
                "    ::avance::run::CompiledSnippet {{ id: {:?}, code: {:?}, run: {run}, check: {check} }},",
                snippet.id,
                snippet.compiled_code()
            )
            .unwrap();
        }
    }
    table.push_str("];\n");
    modules + &table
}

/// Writes a snippet's module at `scale`, declares it in `modules`, and
/// returns the path of its `run` function.
fn module(
    out: &Path,
    lesson: &Lesson,
    snippet: &Snippet,
    scale: Scale,
    modules: &mut String,
) -> String {
    // Both folders end in `lessons/`, to which a panic's location is shortened.
    let folder = match scale {
        Scale::Course => out.join("lessons"),
        Scale::Check => out.join("check").join("lessons"),
    };
    let file = folder.join(lesson::codegen::module_path(snippet));
    write(
        &file,
        &lesson::codegen::snippet_module(lesson, snippet, scale),
    );
    let name = lesson::codegen::module_name(snippet, scale);
    writeln!(
        modules,
        "#[path = {:?}]\nmod {name};",
        file.display().to_string()
    )
    .unwrap();
    format!("{name}::run")
}

/// Writes only when the content changed, so cargo does not rebuild for nothing.
fn write(path: &Path, content: &str) {
    if fs::read_to_string(path).is_ok_and(|old| old == content) {
        return;
    }
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)
            .unwrap_or_else(|e| panic!("cannot create {}: {e}", parent.display()));
    }
    fs::write(path, content).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}
