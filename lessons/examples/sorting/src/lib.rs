// ANCHOR: crate_doc
//! Sorting helpers, the example crate of the course's lessons on style,
//! documentation and tests.
//!
//! This `//!` comment documents the crate itself: it is the docstring of
//! `src/lib.rs`, the file that plays the part of Python's `__init__.py`.
// ANCHOR_END: crate_doc

// ANCHOR: sorted
/// Returns the items in a new, sorted `Vec`, as Python's `sorted()` does.
///
/// It takes anything that can be iterated over: an array, a `Vec`, the
/// characters of a string.
///
/// # Examples
///
/// ```
/// use sorting::sorted;
///
/// assert_eq!(sorted([5, 1, 4, 2, 3]), [1, 2, 3, 4, 5]);
/// assert_eq!(sorted("zasdqw".chars()), ['a', 'd', 'q', 's', 'w', 'z']);
/// ```
pub fn sorted<I>(items: I) -> Vec<I::Item>
where
    I: IntoIterator,
    I::Item: Ord,
{
    let mut all: Vec<I::Item> = items.into_iter().collect();
    all.sort();
    all
}
// ANCHOR_END: sorted

// ANCHOR: smallest
/// Returns the smallest item, or `None` when there is none.
///
/// Written with an index loop, as one would in C: clippy warns about it
/// (lesson 10 shows the warning), and `items.iter().min()` says it better.
pub fn smallest(items: &[i32]) -> Option<i32> {
    let mut best = *items.first()?;
    for i in 0..items.len() {
        if items[i] < best {
            best = items[i];
        }
    }
    Some(best)
}
// ANCHOR_END: smallest

// ANCHOR: unit_tests
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smallest_of_several() {
        assert_eq!(smallest(&[3, 1, 2]), Some(1));
    }

    #[test]
    fn smallest_of_nothing() {
        assert_eq!(smallest(&[]), None);
    }
}
// ANCHOR_END: unit_tests

// Lessons 10, 12 and 13 print places in this file: the line and column of
// clippy's warning, the line of the doc test. Keep new lines below this
// point, or update those lessons' output blocks.
