//! The rules that span a lessons folder: which files are lessons, and that
//! each lesson has its own number. The build and `--lessons DIR` apply the
//! same rules, so a misnamed file is an error in both, never silently dropped.

use super::model::Lesson;

/// Every Markdown file but the authors' guide is a lesson (and must be
/// named `NN-slug.md`, which the parser checks).
pub fn is_lesson_file(name: &str) -> bool {
    name.ends_with(".md") && name != "README.md"
}

/// Two lesson files with the same number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("lessons {first} and {second} share the number {number}; each lesson needs its own")]
pub struct DuplicateNumber {
    pub number: u32,
    pub first: String,
    pub second: String,
}

/// Puts lessons in number order, refusing two with the same number.
pub fn order(lessons: &mut [Lesson]) -> Result<(), DuplicateNumber> {
    lessons.sort_by_key(|lesson| lesson.number);
    match lessons
        .windows(2)
        .find(|pair| pair[0].number == pair[1].number)
    {
        Some(pair) => Err(DuplicateNumber {
            number: pair[0].number,
            first: pair[0].id.clone(),
            second: pair[1].id.clone(),
        }),
        None => Ok(()),
    }
}
