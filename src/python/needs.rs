//! The course's cells a slide's Python needs first. A course cell often
//! uses a name that an earlier cell defined (`np`, `heavy_fonction`), as
//! notebook cells do, sometimes in another lesson: lessons 31 and 32 call
//! the `heavy_fonction` of lesson 30. When a run stops on `NameError`, the
//! nearest cell that defines the name at its top level (earlier slides of
//! the lesson, then earlier lessons, then later ones) is run first.

use crate::lesson::{CodeBlock, Lesson, PythonRole};

/// The name of the first `NameError` in a run's stderr: the one that
/// ended it, or one that ended a thread while the run went on.
pub(super) fn missing_name(stderr: &str) -> Option<&str> {
    stderr.lines().find_map(|line| {
        let quoted = line.strip_prefix("NameError: name '")?;
        quoted.split_once('\'').map(|(name, _)| name)
    })
}

/// The last line of a traceback that names its exception
/// (`AttributeError: module 'numpy' has no attribute 'int'`): the
/// message may go on for lines after it.
pub(super) fn exception_line(stderr: &str) -> Option<&str> {
    stderr.lines().rev().find(|line| {
        let name = line.split(':').next().unwrap_or("");
        let name = name.rsplit('.').next().unwrap_or(name);
        !name.is_empty()
            && name.chars().all(|c| c.is_alphanumeric() || c == '_')
            && ["Error", "Exception", "Interrupt", "Exit", "Warning"]
                .iter()
                .any(|end| name.ends_with(end))
    })
}

/// A course cell that runs before a slide's own, and where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Needed<'a> {
    /// `NN-slug/SLIDE`.
    pub place: String,
    /// The name it defines that was missing.
    pub name: String,
    pub(super) cell: &'a CodeBlock,
}

/// The cell nearest to slide `slide` (1-based) of lesson `lesson` that
/// defines `name`.
pub(super) fn defining_cell<'a>(
    course: &'a [Lesson],
    lesson: usize,
    slide: usize,
    name: &str,
) -> Option<Needed<'a>> {
    let earlier_here = course[lesson].slides[..slide - 1]
        .iter()
        .rev()
        .map(|s| (lesson, s));
    let earlier = course[..lesson]
        .iter()
        .enumerate()
        .rev()
        .flat_map(|(index, l)| l.slides.iter().rev().map(move |s| (index, s)));
    let later = course[lesson + 1..]
        .iter()
        .enumerate()
        .flat_map(|(offset, l)| l.slides.iter().map(move |s| (lesson + 1 + offset, s)));
    earlier_here
        .chain(earlier)
        .chain(later)
        .find_map(|(index, s)| {
            let cell = s
                .python()
                .find(|block| block.role == PythonRole::Cell && defines(&block.text, name))?;
            Some(Needed {
                place: format!("{}/{}", course[index].id, s.number),
                name: name.to_string(),
                cell,
            })
        })
}

/// Whether `cell` binds `name` at its top level: `def`, `class`, an
/// import or an assignment.
pub(super) fn defines(cell: &str, name: &str) -> bool {
    cell.lines()
        .filter(|line| !line.starts_with(char::is_whitespace))
        .any(|line| binds(line, name))
}

fn binds(line: &str, name: &str) -> bool {
    let line = line.split('#').next().unwrap_or("").trim_end();
    if let Some(rest) = line
        .strip_prefix("def ")
        .or_else(|| line.strip_prefix("class "))
    {
        return identifier_at(rest) == name;
    }
    if let Some(imports) = line.strip_prefix("import ") {
        return imported(imports, |module| module.split('.').next().unwrap_or(module))
            .any(|n| n == name);
    }
    if let Some((_, imports)) = line
        .strip_prefix("from ")
        .and_then(|l| l.split_once(" import "))
    {
        return imported(imports.trim_matches(|c| c == '(' || c == ')'), |item| item)
            .any(|n| n == name);
    }
    // `name = …` or `a, name = …`, not `name == …`.
    match line.split_once('=') {
        Some((targets, value))
            if !value.starts_with('=') && !targets.ends_with(['!', '<', '>']) =>
        {
            targets.split(',').any(|target| target.trim() == name)
        }
        _ => false,
    }
}

/// The names an import list binds: `a as b` binds `b`, else `bound(a)`.
fn imported(list: &str, bound: fn(&str) -> &str) -> impl Iterator<Item = &str> {
    list.split(',').map(move |item| {
        let item = item.trim();
        match item.split_once(" as ") {
            Some((_, alias)) => alias.trim(),
            None => bound(item),
        }
    })
}

fn identifier_at(text: &str) -> &str {
    let end = text
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn top_level_bindings_are_found_and_others_are_not() {
        let cell = "import time\nimport numpy as np\nfrom queue import Empty, Full as F\n\
                    def heavy_fonction(i):\n    inner = 1\n    return i\nclass Job(Thread):\n    pass\n\
                    N = 2000\na, b = 1, 2\nif N == 3:\n    pass\nx += 1  # y = 2";
        for name in [
            "time",
            "np",
            "Empty",
            "F",
            "heavy_fonction",
            "Job",
            "N",
            "b",
        ] {
            assert!(defines(cell, name), "{name}");
        }
        for name in ["numpy", "Full", "inner", "i", "Thread", "x", "y", "queue"] {
            assert!(!defines(cell, name), "{name}");
        }
        assert!(defines("import os.path", "os"));
    }

    #[test]
    fn the_missing_name_is_read_from_the_last_traceback_line() {
        let stderr = "Traceback (most recent call last):\n  File \"<cell 1>\", line 2\nNameError: name 'np' is not defined\n";
        assert_eq!(missing_name(stderr), Some("np"));
        assert_eq!(
            missing_name("NameError: name 'x' is not defined. Did you mean: 'y'?"),
            Some("x")
        );
        assert_eq!(missing_name("ValueError: name 'np'"), None);
        let thread = "Exception in thread Thread-1:\nTraceback (most recent call last):\n\
                      NameError: name 'heavy_fonction' is not defined\nException in thread Thread-2:\n";
        assert_eq!(missing_name(thread), Some("heavy_fonction"));
    }

    #[test]
    fn the_exception_line_is_found_above_a_long_message() {
        let stderr = "Cell In[1], line 4\nAttributeError: module 'numpy' has no attribute 'int'.\n\
                      `np.int` was a deprecated alias for the builtin `int`.\n    https://numpy.org/\n";
        assert_eq!(
            exception_line(stderr),
            Some("AttributeError: module 'numpy' has no attribute 'int'.")
        );
        assert_eq!(
            exception_line("KeyboardInterrupt\n"),
            Some("KeyboardInterrupt")
        );
        assert_eq!(exception_line("nothing here\n"), None);
    }
}
