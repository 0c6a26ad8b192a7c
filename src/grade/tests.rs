use super::*;
use crate::lesson::demo_lesson;

const LESSON: &str = r#"# Demo

## Exercise: add the numbers

Write `total`.

```rust,exercise
fn total(pairs: &[(i32, char)]) -> i32 {
    todo!()
}
```

```rust,solution
fn total(pairs: &[(i32, char)]) -> i32 {
    pairs.iter().map(|&(number, _)| number).sum()
}
```

```rust,test
#[test]
fn adds_the_numbers() {
    assert_eq!(total(&[(5, 'x'), (7, 'y')]), 12, "total(&[(5, 'x'), (7, 'y')])");
}

#[test]
fn an_empty_slice_is_zero() {
    assert_eq!(total(&[]), 0);
}
```
"#;

fn exercise() -> Exercise {
    demo_lesson(LESSON).exercises().next().unwrap().clone()
}

fn grade_answer(answer: &str) -> Grade {
    Grader::find()
        .unwrap()
        .grade(
            &exercise(),
            answer,
            AnswerName("your answer"),
            false,
            || false,
        )
        .unwrap()
}

#[test]
fn the_solution_passes_every_case() {
    let exercise = exercise();
    assert_eq!(
        exercise.tests.cases,
        ["adds_the_numbers", "an_empty_slice_is_zero"]
    );
    let answer = exercise.solution.compiled_code();
    assert_eq!(grade_answer(&answer), Grade::Passed { cases: 2 });
}

#[test]
fn the_starter_reaches_its_todo_in_every_case() {
    let Grade::Failed {
        failures, passed, ..
    } = grade_answer(&starter(&exercise()))
    else {
        panic!("the starter passed");
    };
    assert_eq!(passed, 0);
    assert_eq!(failures.len(), 2);
    assert_eq!(
        failures[0].to_string(),
        "adds the numbers: your code reached a `todo!()`; write that part"
    );
}

#[test]
fn a_wrong_answer_is_told_with_the_case_what_was_expected_and_what_came() {
    let answer = "fn total(pairs: &[(i32, char)]) -> i32 { pairs.len() as i32 }";
    let Grade::Failed {
        failures, passed, ..
    } = grade_answer(answer)
    else {
        panic!("a wrong answer passed");
    };
    assert_eq!(passed, 1, "the empty slice gives 0 by chance");
    assert_eq!(
        failures[0].reason,
        Reason::Mismatch {
            what: Some("total(&[(5, 'x'), (7, 'y')])".into()),
            expected: "12".into(),
            got: "2".into(),
        }
    );
    assert_eq!(
        failures[0].to_string(),
        "adds the numbers: total(&[(5, 'x'), (7, 'y')]) should be 12, and is 2"
    );
}

#[test]
fn printing_the_expected_value_does_not_pass() {
    let answer = "fn total(_: &[(i32, char)]) -> i32 { println!(\"12\"); 12 }";
    let Grade::Failed {
        failures, printed, ..
    } = grade_answer(answer)
    else {
        panic!("a hard-coded answer passed");
    };
    assert_eq!(failures[0].case, "an_empty_slice_is_zero");
    assert_eq!(
        failures[0].to_string(),
        "an empty slice is zero: expected 0, got 12"
    );
    assert!(printed.contains("12"), "{printed:?}");
}

#[test]
fn a_refused_answer_shows_rustc_over_the_students_own_lines() {
    let answer = "fn total(pairs: &[(i32, char)]) -> i32 {\n    let n: i32 = \"two\";\n    n\n}";
    let Grade::Refused(diagnostics) = grade_answer(answer) else {
        panic!("rustc accepted a String as an i32");
    };
    assert!(diagnostics.contains("E0308"), "{diagnostics}");
    assert!(
        diagnostics.contains("--> your answer:2:18"),
        "{diagnostics}"
    );
    assert!(!diagnostics.contains("answer.rs"), "{diagnostics}");
}

#[test]
fn an_answer_with_its_own_main_is_graded_all_the_same() {
    let answer = "fn main() { println!(\"hi\"); }\nfn total(p: &[(i32, char)]) -> i32 { p.iter().map(|p| p.0).sum() }";
    assert_eq!(grade_answer(answer), Grade::Passed { cases: 2 });
}

#[test]
fn an_endless_loop_is_stopped_and_named() {
    let answer = "fn total(_: &[(i32, char)]) -> i32 { loop {} }";
    let exercise = exercise();
    let mut asked = 0;
    let grader = Grader::find().unwrap();
    let grade = grader
        .grade(&exercise, answer, AnswerName("a"), false, || {
            asked += 1;
            asked > 40
        })
        .unwrap();
    let Grade::Failed { failures, .. } = grade else {
        panic!("an endless loop passed");
    };
    assert_eq!(failures[0].case, "adds_the_numbers");
    assert_eq!(failures[0].reason, Reason::NeverFinished);
}
