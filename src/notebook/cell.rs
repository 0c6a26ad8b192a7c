//! A snippet's code as evcxr cells. evcxr runs a cell's top-level code as
//! the body of a function and keeps its variables and items for the cells
//! after it, which is why people use Jupyter; so a snippet's code goes in
//! at the top level, hidden lines included, and a snippet with its own
//! `main` becomes its items, then a cell that calls `main`.
//!
//! evcxr's top level has rules of its own, and a snippet that would break
//! one stays the body of a function it calls, as in the program, with a
//! comment saying why: evcxr cannot keep a closure or a borrow from one
//! cell to the next (the cell fails), it orders a cell's items by name (a
//! `macro_rules!` could follow its use), it keeps a variable past the
//! cell (a `Drop` that prints would print later, or not at all), and it
//! runs cells on a thread of its own, not one named `main`. A cell whose last statement is an
//! expression gets a `;`, or evcxr would show its `()` as the cell's value.

use crate::lesson::codegen::{has_main, main_returns_result};
use crate::lesson::{Scale, Snippet};

/// Where a snippet's code goes in its cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// At evcxr's top level: its variables and items outlive the cell.
    TopLevel,
    /// In a function the cell calls, for the reason given (the id of its
    /// message, which the cell's first line says in the course's language).
    Wrapped(&'static str),
}

/// The code of `snippet`'s cells at `scale`, in order: one cell, or for a
/// snippet with its own `main` at the top level, its items and the call.
pub fn cells_at(snippet: &Snippet, scale: Scale) -> Vec<String> {
    let code = snippet.code_at(scale);
    let code = code.trim_end();
    match (layout(code), main_call(code)) {
        (Layout::TopLevel, None) => vec![without_final_value(code)],
        (Layout::TopLevel, Some(call)) => vec![code.to_string(), call.to_string()],
        (Layout::Wrapped(why), call) => vec![wrapped(code, &crate::tr!(why), call)],
    }
}

/// Where `code` can go, by evcxr's rules.
pub fn layout(code: &str) -> Layout {
    if code.contains("thread::current()") {
        Layout::Wrapped("notebook-wrapped-thread")
    } else if code.contains("macro_rules!") {
        Layout::Wrapped("notebook-wrapped-macro")
    } else if code.contains("impl Drop for") {
        Layout::Wrapped("notebook-wrapped-drop")
    } else if top_level_lets(code).any(keeps_a_closure_or_borrow) {
        Layout::Wrapped("notebook-wrapped-borrow")
    } else if top_level_lets(code).any(|value| calls_one_of(value, &generic_fns(code))) {
        Layout::Wrapped("notebook-wrapped-generic")
    } else {
        Layout::TopLevel
    }
}

/// The call a snippet's own `main` gets: a `main` returning a `Result`
/// fails the cell with its `Err`.
fn main_call(code: &str) -> Option<&'static str> {
    match (has_main(code), main_returns_result(code)) {
        (false, _) => None,
        (true, false) => Some("main();"),
        (true, true) => Some("main().unwrap();"),
    }
}

/// `code` as the body of a function the cell calls, `main` called in it.
fn wrapped(code: &str, why: &str, call: Option<&str>) -> String {
    let call = call.map(|call| format!("\n{call}")).unwrap_or_default();
    let run = if code.contains("thread::current()") {
        "std::thread::Builder::new().name(\"main\".into()).spawn(snippet).unwrap().join().unwrap();"
    } else {
        "snippet();"
    };
    format!("// {why}\nfn snippet() {{\n{code}{call}\n}}\n{run}")
}

/// The values of the `let`s at the snippet's top level (its unindented
/// lines), where evcxr keeps the variables: `""` for a `let` without one,
/// the first line of a value written over several.
fn top_level_lets(code: &str) -> impl Iterator<Item = &str> {
    code.lines()
        .filter(|line| line.starts_with("let "))
        .map(|line| {
            line.split_once(" = ")
                .map_or("", |(_, value)| value.trim_start())
        })
}

/// Whether a `let`'s value may be one evcxr cannot keep, and then fails
/// the cell rather than drop it: a closure or a value built with one (its
/// type has no name), a borrow, a lock's guard or a `get`'s answer, a
/// variable declared before its value, a builder chain (its type, generic
/// over its arguments' types, is rarely one evcxr can write). Measured on
/// the course's notebooks: each of these failed a cell at the top level.
fn keeps_a_closure_or_borrow(value: &str) -> bool {
    value.is_empty()
        || value.contains('|')
        || value.starts_with('&')
        || value.contains(".lock()")
        || value.contains(".get")
        || !code_of(value).ends_with(';')
}

/// The functions `code` declares at its top level that return a generic
/// type (`-> Name<…>`) other than std's (a `Vec`, a `Result`: evcxr writes
/// those). evcxr keeps a variable by writing its type in full,
/// default parameters included, and one from a crate the notebook does not
/// load fails the cell ("Couldn't automatically determine type"), as
/// fluent's `FluentBundle<FluentResource>` did in lesson 14.
fn generic_fns(code: &str) -> Vec<&str> {
    code.lines()
        .filter_map(|line| {
            line.strip_prefix("pub ")
                .unwrap_or(line)
                .strip_prefix("fn ")
        })
        .filter_map(|signature| {
            let name = signature.split(['(', '<', ' ']).next()?;
            let returns = signature.split_once("->")?.1;
            let returns = returns.split(['{', ';']).next()?.split(" where").next()?;
            let (outer, _) = returns.split_once('<')?;
            let outer = outer.trim().rsplit("::").next()?;
            (!STD_GENERICS.contains(&outer)).then_some(name)
        })
        .filter(|name| !name.is_empty())
        .collect()
}

/// std's generic types, whose names evcxr writes.
const STD_GENERICS: [&str; 13] = [
    "Vec", "Option", "Result", "Box", "Rc", "Arc", "HashMap", "HashSet", "BTreeMap", "BTreeSet",
    "VecDeque", "Cow", "Mutex",
];

/// Whether a `let`'s value calls one of `functions` (by name, then `(`).
fn calls_one_of(value: &str, functions: &[&str]) -> bool {
    functions.iter().any(|name| {
        value.match_indices(name).any(|(at, _)| {
            let before = value[..at].chars().next_back();
            !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.' || c == ':')
                && value[at + name.len()..].starts_with('(')
        })
    })
}

/// `code` with a `;` after its last statement when that is an expression
/// (a `for` loop, a `match`, a macro call without `;`), so that evcxr
/// shows no `()` as the cell's value.
fn without_final_value(code: &str) -> String {
    let mut lines: Vec<&str> = code.lines().collect();
    let Some(last) = lines.iter().rposition(|line| !code_of(line).is_empty()) else {
        return code.to_string();
    };
    if !ends_in_expression(&lines[..=last]) {
        return code.to_string();
    }
    let line = lines[last];
    let (statement, comment) = line.split_at(code_of(line).len());
    let ended = format!("{statement};{comment}");
    lines[last] = &ended;
    lines.join("\n")
}

/// Whether the statement ending on the last of `lines` is an expression
/// without its `;`: an item (a `fn`, a `struct`, an `impl`) is not.
fn ends_in_expression(lines: &[&str]) -> bool {
    let last = code_of(lines[lines.len() - 1]);
    if last.ends_with(';') {
        return false;
    }
    if !last.ends_with('}') {
        return true;
    }
    let opening = lines
        .iter()
        .rev()
        .find(|line| !line.starts_with(char::is_whitespace) && !code_of(line).starts_with('}'))
        .map(|line| code_of(line));
    !opening.is_some_and(starts_an_item)
}

/// Whether an unindented line opens an item rather than an expression.
fn starts_an_item(line: &str) -> bool {
    const ITEMS: [&str; 14] = [
        "fn ",
        "pub ",
        "struct ",
        "enum ",
        "impl",
        "trait ",
        "mod ",
        "#[",
        "const ",
        "static ",
        "type ",
        "use ",
        "unsafe fn ",
        "async fn ",
    ];
    ITEMS.iter().any(|item| line.starts_with(item))
}

/// A line without its `//` comment and trailing blanks. A `//` inside a
/// string (an odd number of quotes before it) is not a comment.
fn code_of(line: &str) -> &str {
    let mut cut = line.len();
    for (at, _) in line.match_indices("//") {
        if line[..at].matches('"').count().is_multiple_of(2) {
            cut = at;
            break;
        }
    }
    line[..cut].trim_end()
}
