//! The lesson model: what a lesson file says, as plain data.
//!
//! It holds no colours and no terminal types; renderers (terminal, HTML,
//! notebooks) read it and decide how it looks. Every element that an author
//! can get wrong carries the line it came from, so errors can point at it.

use std::borrow::Cow;

/// One lesson file, `lessons/NN-slug.md`.
#[derive(Debug, Clone, PartialEq)]
pub struct Lesson {
    /// The file stem, `01-underscore`: the stable key for progress and snippet ids.
    pub id: String,
    /// The `NN` of the file name.
    pub number: u32,
    /// The `slug` of the file name, `underscore`.
    pub slug: String,
    /// The text of the lesson's one `#` heading.
    pub title: String,
    /// The file as shown in messages, `lessons/01-underscore.md`.
    pub path: String,
    /// Slide 1 is the title slide (the prose under the `#` heading); every `##` adds one.
    pub slides: Vec<Slide>,
}

impl Lesson {
    /// Every snippet of the lesson, in reading order, then the solutions
    /// of its exercises (compiled and checked like snippets).
    pub fn snippets(&self) -> impl Iterator<Item = &Snippet> {
        self.slides.iter().flat_map(Slide::snippets).chain(
            self.slides
                .iter()
                .flat_map(Slide::exercises)
                .map(|exercise| &exercise.solution),
        )
    }

    pub fn exercises(&self) -> impl Iterator<Item = &Exercise> {
        self.slides.iter().flat_map(Slide::exercises)
    }
}

/// One slide: a heading and what follows it up to the next heading.
#[derive(Debug, Clone, PartialEq)]
pub struct Slide {
    /// 1-based, as the student counts.
    pub number: usize,
    pub title: String,
    /// Line of the heading in the lesson file.
    pub line: usize,
    pub blocks: Vec<Block>,
}

impl Slide {
    pub fn snippets(&self) -> impl Iterator<Item = &Snippet> {
        self.blocks.iter().filter_map(|block| match block {
            Block::Snippet(snippet) => Some(snippet),
            _ => None,
        })
    }

    pub fn exercises(&self) -> impl Iterator<Item = &Exercise> {
        self.blocks.iter().filter_map(|block| match block {
            Block::Exercise(exercise) => Some(exercise.as_ref()),
            _ => None,
        })
    }

    /// The display-only code blocks in the course's language, Python, in
    /// order: run one after the other, as a notebook's cells.
    pub fn python(&self) -> impl Iterator<Item = &CodeBlock> {
        self.blocks.iter().filter_map(|block| match block {
            Block::Code(code) if code.lang == "python" => Some(code),
            _ => None,
        })
    }

    pub fn notes(&self) -> impl Iterator<Item = &str> {
        self.blocks.iter().filter_map(|block| match block {
            Block::Notes(notes) => Some(notes.as_str()),
            _ => None,
        })
    }
}

/// A piece of a slide, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Paragraph(Vec<Span>),
    /// A `###` (or deeper) heading inside a slide.
    Heading(Vec<Span>),
    List(Vec<ListItem>),
    Quote(Vec<Span>),
    /// Rows of cells; the first row is the header.
    Table(Vec<Vec<Vec<Span>>>),
    Rule,
    /// Display-only code: the course's Python, or any other language.
    Code(CodeBlock),
    /// A `rust` fence: the Rust equivalent, compiled into the program.
    Snippet(Snippet),
    /// `<!-- notes: ... -->`, for the instructor.
    Notes(String),
    /// A `rust,exercise` fence, with its output, solution and hints.
    Exercise(Box<Exercise>),
}

/// An exercise: the starter the student changes (with `todo!()`, or code that
/// rustc refuses on purpose), a reference answer, the hidden tests that grade
/// an answer by calling its items, and hints.
#[derive(Debug, Clone, PartialEq)]
pub struct Exercise {
    /// `NN-slug/SLIDE-exercise` (`-exercise2`... when a slide has several).
    pub id: String,
    /// The code the student starts from, as a snippet (never compiled in:
    /// its `id` is the exercise's).
    pub starter: Snippet,
    /// The `rust,solution` fence, compiled in together with the hidden tests
    /// (id `NN-slug/SLIDE-solution`): running it runs every case.
    pub solution: Snippet,
    /// The `rust,test` fence, never shown to the student.
    pub tests: HiddenTests,
    /// `<!-- hint: ... -->` comments after it, in order.
    pub hints: Vec<String>,
}

/// An exercise's `rust,test` fence: `#[test]` functions that call the
/// student's items with inputs the slide does not show.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HiddenTests {
    pub source: String,
    /// Line of the opening fence; 0 until the fence is read.
    pub line: usize,
    /// The `#[test]` functions' names, in order: the cases.
    pub cases: Vec<String>,
}

impl HiddenTests {
    /// Reads the cases of a `rust,test` fence: every `fn NAME` whose line
    /// follows a `#[test]` line.
    pub fn new(source: String, line: usize) -> Self {
        let mut cases = Vec::new();
        let mut marked = false;
        for text in source.lines().map(str::trim).filter(|t| !t.is_empty()) {
            if text == "#[test]" {
                marked = true;
                continue;
            }
            if marked && let Some(name) = test_fn_name(text) {
                cases.push(name.to_string());
            }
            marked = false;
        }
        HiddenTests {
            source,
            line,
            cases,
        }
    }

    /// The tests with their `#[test]` lines blanked (so line numbers stay),
    /// as plain functions a generated caller runs one by one.
    pub fn as_plain_functions(&self) -> String {
        self.source
            .lines()
            .map(|line| if line.trim() == "#[test]" { "" } else { line })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// A call of each case, one a line, each line starting with `indent`:
    /// what a generated caller runs.
    pub fn calls(&self, indent: &str) -> String {
        self.cases
            .iter()
            .map(|case| format!("{indent}{case}();\n"))
            .collect()
    }
}

/// `adds_up` for `fn adds_up() {`.
fn test_fn_name(line: &str) -> Option<&str> {
    let rest = line.strip_prefix("fn ")?;
    let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_'))?;
    (end > 0).then(|| &rest[..end])
}

/// A run of inline text with one style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub style: SpanStyle,
}

/// How a span is set; styles nest (`**bold `code`**`), so these are flags.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SpanStyle {
    pub code: bool,
    pub emphasis: bool,
    pub strong: bool,
    pub link: bool,
}

/// One item of a (possibly nested) list, flattened with its depth.
#[derive(Debug, Clone, PartialEq)]
pub struct ListItem {
    /// 0 for a top-level item.
    pub depth: usize,
    /// The item's number in an ordered list.
    pub number: Option<u64>,
    pub content: Vec<Span>,
}

/// A fenced block that is shown and never compiled.
#[derive(Debug, Clone, PartialEq)]
pub struct CodeBlock {
    /// The fence's language, `python`, `toml`... or empty.
    pub lang: String,
    /// For a `python` block, what it is; [`PythonRole::Cell`] for others.
    pub role: PythonRole,
    pub text: String,
    pub line: usize,
    /// For a `python` block, the `python-output` fence that follows it:
    /// what the slide's Python blocks up to this one print from this one.
    pub expected: Option<Expected>,
}

/// What a `python` block is, from its fence's attribute, and so what
/// `:python` and `avance check` do with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PythonRole {
    /// ```` ```python ````: a whole cell of the course, run.
    #[default]
    Cell,
    /// ```` ```python,excerpt ````: lines of a cell shown on another
    /// slide, or a fragment that cannot run alone: shown, never run.
    Excerpt,
    /// ```` ```python,console ````: an interpreter session, `>>>` and
    /// `...` prompts with what it answered: its statements run one by one,
    /// values echoed, as the interpreter does.
    Console,
    /// ```` ```python,raises ````: a cell whose exception is the point; its
    /// last traceback line is its output, and it fails if nothing is raised.
    Raises,
}

/// What the build and `avance check` do with a `rust` fence (rustdoc's attributes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Compiled into the program and run; its output block is checked.
    Run,
    /// Compiled, never run (it waits for input, loops forever, needs the network...).
    NoRun,
    /// Neither compiled nor run: shown only.
    Ignore,
    /// Compiled and run; it must panic, after printing its output block.
    ShouldPanic,
    /// Must be rejected by rustc with the error codes of its output block.
    CompileFail,
}

/// A `rust` fence.
#[derive(Debug, Clone, PartialEq)]
pub struct Snippet {
    /// `NN-slug/SLIDE`, or `NN-slug/SLIDE.K` when the slide has several.
    pub id: String,
    pub mode: Mode,
    /// The fence's text as written, hidden `# ` lines included.
    pub source: String,
    /// Line of the opening fence in the lesson file.
    pub line: usize,
    /// The `output` fence that follows it, if any.
    pub expected: Option<Expected>,
    /// The project file its (first) `{{#include}}` line brings in, as
    /// `src/conv/naive.rs`: a fence that only shows it is an excerpt.
    pub included: Option<String>,
}

/// An `output` (or `python-output`) fence: the exact stdout of the block before it, with
/// snapbox's `[..]` and `...` wildcards (or, after `compile_fail`, error codes).
#[derive(Debug, Clone, PartialEq)]
pub struct Expected {
    pub text: String,
    pub line: usize,
}

impl Snippet {
    /// Whether the build compiles it into the program.
    pub fn is_compiled(&self) -> bool {
        matches!(self.mode, Mode::Run | Mode::NoRun | Mode::ShouldPanic)
    }

    /// Whether `:run` does something with it: runs it, or shows rustc refusing it.
    pub fn is_playable(&self) -> bool {
        self.is_run() || self.mode == Mode::CompileFail
    }

    /// Whether `:run` and `avance check` execute it.
    pub fn is_run(&self) -> bool {
        matches!(self.mode, Mode::Run | Mode::ShouldPanic)
    }

    /// The code the student reads: hidden and check-only lines left out.
    pub fn visible_code(&self) -> String {
        self.lines()
            .filter_map(|line| match line {
                CodeLine::Shown(text) => Some(text),
                CodeLine::Hidden(_) | CodeLine::CheckOnly(_) => None,
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The code the compiler reads at the course's scale: hidden lines
    /// included, their `# ` removed. It has exactly as many lines as the
    /// fence (a check-only line is blank), so line numbers agree.
    pub fn compiled_code(&self) -> String {
        self.code_at(Scale::Course)
    }

    /// The code compiled at `scale`: at [`Scale::Check`], the check-only
    /// lines too, their `#check ` removed; as many lines as the fence.
    pub fn code_at(&self, scale: Scale) -> String {
        self.lines()
            .map(|line| match (line, scale) {
                (CodeLine::Shown(text), _) => text,
                (CodeLine::Hidden(text), _) | (CodeLine::CheckOnly(text), Scale::Check) => {
                    Cow::Borrowed(text)
                }
                (CodeLine::CheckOnly(_), Scale::Course) => Cow::Borrowed(""),
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Whether `avance check` runs it at a smaller scale than the course's.
    pub fn has_check_lines(&self) -> bool {
        self.lines()
            .any(|line| matches!(line, CodeLine::CheckOnly(_)))
    }

    fn lines(&self) -> impl Iterator<Item = CodeLine<'_>> {
        self.source.lines().map(classify_line)
    }
}

/// The sizes a snippet runs at: the course's, as the student, the pages
/// and the notebooks see them, or the smaller ones of its `#check ` lines,
/// which `avance check` runs so that checking every lesson takes minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    Course,
    Check,
}

enum CodeLine<'a> {
    Shown(Cow<'a, str>),
    Hidden(&'a str),
    /// `#check CODE`: compiled only into the variant `avance check` runs.
    CheckOnly(&'a str),
}

/// rustdoc's rule: `# ` (or a lone `#`) after indentation hides a line, `##` shows one `#`;
/// and avance's own: `#check ` marks a line only `avance check` compiles.
fn classify_line(line: &str) -> CodeLine<'_> {
    let trimmed = line.trim_start();
    let indent = &line[..line.len() - trimmed.len()];
    if let Some(rest) = trimmed.strip_prefix("#check ") {
        CodeLine::CheckOnly(rest)
    } else if trimmed == "#" {
        CodeLine::Hidden("")
    } else if let Some(rest) = trimmed.strip_prefix("# ") {
        CodeLine::Hidden(rest)
    } else if let Some(rest) = trimmed.strip_prefix("##") {
        CodeLine::Shown(Cow::Owned(format!("{indent}#{rest}")))
    } else {
        CodeLine::Shown(Cow::Borrowed(line))
    }
}
