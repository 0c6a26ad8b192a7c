//! The course's two pytest tests, ported: `test_sorted` with `#[test]`,
//! the parametrised `test_examples` with rstest's `#[case]`.

use rstest::rstest;
use sorting::sorted;
use std::fmt::Debug;

// ANCHOR: test_sorted
#[test]
fn test_sorted() {
    assert_eq!(sorted([5, 1, 4, 2, 3]), [1, 2, 3, 4, 5]);
}
// ANCHOR_END: test_sorted

// ANCHOR: test_examples
#[rstest]
#[case([2, 1], vec![1, 2])]
#[case("zasdqw".chars(), "adqswz".chars().collect())]
fn test_examples<I>(#[case] input: I, #[case] expected: Vec<I::Item>)
where
    I: IntoIterator,
    I::Item: Ord + Debug,
{
    let actual = sorted(input);
    assert_eq!(actual, expected);
}
// ANCHOR_END: test_examples
